/*
  Billing upkeep, run by pg_cron (cron_jobs/mark_past_due_subscriptions.sql, cron_jobs/expire_trials.sql) as
  the job owner; nobody else executes these functions. Each takes the time to judge by (default now()), so
  tests run them with a fixed clock.

  mark-past-due-subscriptions (daily 06:10 UTC)
    - an active subscription whose period ended more than a day ago (Stripe's renewal event had a day to
      arrive) without a payment at or after that end becomes past_due;
    - a past_due subscription whose period ended more than 14 days ago (the grace period: Stripe's default
      retry schedule) becomes unpaid: the members' plan tier lapses to free;
    the organization's status follows (private.org_subscription_status) and its org admins are notified at
    each transition, so once. Stripe remains the source of truth: a newer Stripe event overrides the job.
  expire-trials (daily 06:20 UTC)
    - a trialing subscription past trial_end without a payment becomes canceled (ended_at = trial_end);
    - an organization on trial without a subscription, past trial_ends_at, becomes canceled;
    the members drop to the free tier (their learning history is untouched) and the org admins are
    notified once. The local decision is not a Stripe status: a later Stripe event (a late payment) may
    revive the subscription.
*/

create or replace function private.notify_org_admins(p_organization_id uuid, p_title text, p_message text)
returns void
language sql
security definer
set search_path = pg_catalog, pg_temp
as $$
  insert into public.notifications (user_id, type, title, message, priority, link_url)
  select p.id, 'system', p_title, p_message, 'high', '/billing'
  from public.profiles as p
  where p.organization_id = p_organization_id and p.role = 'org_admin' and p.deleted_at is null
$$;

comment on function private.notify_org_admins(uuid, text, text) is
'Internal: a high-priority billing notification to each active org admin of the organization.';

create or replace function private.mark_past_due_subscriptions(at_time timestamptz default pg_catalog.now())
returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_count integer := 0;
  v_sub record;
begin
  if at_time is null then
    raise exception using errcode = '22023', message = 'at_time must not be null', hint = 'Omit it to use now().';
  end if;
  for v_sub in
    update public.subscriptions as s
    set status = case when s.status = 'active' then 'past_due' else 'unpaid' end,
        last_payment_status = coalesce(s.last_payment_status, 'missing')
    where (
      s.status = 'active' and s.current_period_end < at_time - interval '1 day'
      and not s.cancel_at_period_end
      -- A payment at or after the period's end renewed it (its event still on the way).
      and (s.last_payment_date is null or s.last_payment_date < s.current_period_end)
    ) or (
      s.status = 'past_due' and s.current_period_end < at_time - interval '14 days'
    )
    returning s.organization_id, s.status
  loop
    update public.organizations as o set subscription_status = private.org_subscription_status(v_sub.status)
    where o.id = v_sub.organization_id
      and o.subscription_status is distinct from private.org_subscription_status(v_sub.status);
    perform private.sync_member_tiers(v_sub.organization_id);
    perform private.notify_org_admins(
      v_sub.organization_id,
      case v_sub.status when 'past_due' then 'Payment overdue' else 'Subscription unpaid' end,
      case v_sub.status
        when 'past_due' then 'Your organization''s subscription period ended without a payment. Update your payment '
          || 'method to keep your plan.'
        else 'Your organization''s subscription is unpaid: members are on the free plan until it is paid.'
      end
    );
    v_count := v_count + 1;
  end loop;
  return v_count;
end;
$$;

comment on function private.mark_past_due_subscriptions(timestamptz) is
'Job mark-past-due-subscriptions: active subscriptions whose period ended over a day ago unpaid become past_due; '
'past_due ones 14 days after the period end become unpaid; organization status, tiers and admins follow. Returns '
'how many changed.';

create or replace function private.expire_trials(at_time timestamptz default pg_catalog.now()) returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_count integer := 0;
  v_org uuid;
begin
  if at_time is null then
    raise exception using errcode = '22023', message = 'at_time must not be null', hint = 'Omit it to use now().';
  end if;
  for v_org in
    update public.subscriptions as s
    set status = 'canceled', ended_at = s.trial_end, canceled_at = coalesce(s.canceled_at, at_time),
        next_payment_date = null
    where s.status = 'trialing' and s.trial_end < at_time
      and (s.last_payment_date is null or s.last_payment_date < s.trial_end)
    returning s.organization_id
  loop
    update public.organizations as o set subscription_status = 'canceled'
    where o.id = v_org and o.subscription_status <> 'canceled';
    perform private.sync_member_tiers(v_org);
    perform private.notify_org_admins(v_org, 'Trial ended',
      'Your organization''s trial has ended: members are on the free plan. Subscribe to keep your plan.');
    v_count := v_count + 1;
  end loop;

  -- Organizations on trial without any subscription.
  for v_org in
    update public.organizations as o set subscription_status = 'canceled'
    where o.subscription_status = 'trial' and o.trial_ends_at < at_time and o.deleted_at is null
      and not exists (select from public.subscriptions as s where s.organization_id = o.id)
    returning o.id
  loop
    update public.profiles as p set subscription_tier = 'free'
    where p.organization_id = v_org and p.deleted_at is null and p.subscription_tier <> 'free';
    perform private.notify_org_admins(v_org, 'Trial ended',
      'Your organization''s trial has ended: members are on the free plan. Subscribe to keep your plan.');
    v_count := v_count + 1;
  end loop;
  return v_count;
end;
$$;

comment on function private.expire_trials(timestamptz) is
'Job expire-trials: trials past their end without a payment end (subscription canceled, or the organization''s '
'trial without subscription); members drop to the free tier, admins are notified once. Returns how many.';

revoke all on function
  private.notify_org_admins(uuid, text, text),
  private.mark_past_due_subscriptions(timestamptz),
  private.expire_trials(timestamptz)
from public, anon, authenticated, service_role;
