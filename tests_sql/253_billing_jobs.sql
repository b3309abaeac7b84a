/*
  The billing upkeep jobs (rpc_functions/54_billing_jobs.sql), run with a fixed clock:
  mark-past-due-subscriptions (active -> past_due a day after an unpaid period end, past_due -> unpaid 14 days
  after it) and expire-trials (trials past their end without payment end; the organization drops to the free
  tier). Organization status, member tiers and one notification per admin follow. Where pg_cron lives, the two
  jobs are scheduled once each.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(22);

create or replace function tests.sub(
  p_org text, p_status text, p_period_end timestamptz, p_last_payment timestamptz default null,
  p_trial_end timestamptz default null, p_cancel boolean default false
) returns void
language sql
as $$
  insert into public.subscriptions (
    organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, plan_tier, plan_name,
    billing_interval, seat_count, amount_cents, status, current_period_start, current_period_end,
    last_payment_date, trial_end, cancel_at_period_end
  ) values (
    tests.get_org_id(p_org), 'sub_' || p_org || '_' || tests.salt(), 'cus_' || p_org || '_' || tests.salt(),
    'price_flat_' || tests.salt(), 'professional', 'Flat', 'month', 5, 0, p_status,
    p_period_end - interval '1 month', p_period_end, p_last_payment, p_trial_end, p_cancel
  );
  update public.organizations set subscription_status = private.org_subscription_status(p_status)
  where id = tests.get_org_id(p_org);
  select private.sync_member_tiers(tests.get_org_id(p_org));
$$;

do $$
declare
  o text;
begin
  insert into public.billing_prices (stripe_price_id, plan_tier, plan_name, per_seat, included_seats)
  values ('price_flat_' || tests.salt(), 'professional', 'Flat', false, 5);
  foreach o in array array['due', 'fresh', 'paid', 'cancelling', 'lapsed', 'trial', 'trialpaid', 'trialfuture',
    'orgtrial'] loop
    perform tests.create_org(o);
    perform tests.create_user(o || '_admin', 'org_admin', o);
    perform tests.create_user(o || '_member', 'learner', o, 'professional');
  end loop;
  perform tests.sub('due', 'active', '2026-02-27 00:00Z', '2026-01-27 00:00Z');
  perform tests.sub('fresh', 'active', '2026-02-28 23:00Z');
  perform tests.sub('paid', 'active', '2026-02-20 00:00Z', '2026-02-20 12:00Z');
  perform tests.sub('cancelling', 'active', '2026-02-20 00:00Z', p_cancel => true);
  perform tests.sub('lapsed', 'past_due', '2026-02-10 00:00Z');
  perform tests.sub('trial', 'trialing', '2026-03-20 00:00Z', p_trial_end => '2026-02-20 00:00Z');
  perform tests.sub('trialpaid', 'trialing', '2026-03-20 00:00Z', '2026-02-20 00:05Z', '2026-02-20 00:00Z');
  perform tests.sub('trialfuture', 'trialing', '2026-03-20 00:00Z', p_trial_end => '2026-03-05 00:00Z');
  update public.organizations set subscription_status = 'trial', trial_ends_at = '2026-02-25 00:00Z'
  where id = tests.get_org_id('orgtrial');
end
$$;

create or replace function tests.state(p_org text) returns text
language sql
stable
as $$
  select coalesce(s.status, '-') || '/' || o.subscription_status || '/' || p.subscription_tier
  from public.organizations o
  left join public.subscriptions s on s.organization_id = o.id
  join public.profiles p on p.id = tests.get_user_id(p_org || '_member')
  where o.id = tests.get_org_id(p_org)
$$;

-- Who may run them ----------------------------------------------------------------------------------

select is(
  (select count(*)::int from unnest(array['anon', 'authenticated', 'service_role']) as r (role_name)
    cross join unnest(array['private.mark_past_due_subscriptions(timestamptz)', 'private.expire_trials(timestamptz)'])
    as f (fn)
    where has_function_privilege(r.role_name, f.fn, 'execute')),
  0, 'no API role executes the billing jobs'
);
select throws_ok($$select private.expire_trials(null)$$, '22023', 'at_time must not be null', 'the clock is required');

-- mark-past-due-subscriptions ---------------------------------------------------------------------------

select is(private.mark_past_due_subscriptions('2026-03-01 12:00Z'), 2, 'two subscriptions change on March 1');
select is(tests.state('due'), 'past_due/past_due/professional',
  'a period ended 2 days ago unpaid: past_due, the organization follows, members keep the tier (grace)');
select is(tests.state('fresh'), 'active/active/professional', 'a period ended hours ago: not yet');
select is(tests.state('paid'), 'active/active/professional', 'a payment at the period end: renewed, still active');
select is(tests.state('cancelling'), 'active/active/professional', 'cancel at period end is Stripe''s to apply');
select is(tests.state('lapsed'), 'unpaid/past_due/free',
  'past_due 14 days after the period end: unpaid, the tier lapses to free');
select is(
  (select count(*)::int from public.notifications
where user_id = tests.get_user_id('due_admin')
   and title = 'Payment overdue'),
  1, 'the org admin is notified'
);
select is(
  (select count(*)::int from public.notifications
where user_id = tests.get_user_id('due_member')), 0,
  'members are not'
);
select is(private.mark_past_due_subscriptions('2026-03-02 12:00Z'), 1, 'the next day only fresh moves');
select is(private.mark_past_due_subscriptions('2026-03-02 12:00Z'), 0, 'run again: nothing');
select is(
  (select count(*)::int from public.notifications
where user_id = tests.get_user_id('due_admin')), 1,
  'so each admin is notified once'
);
select is(private.mark_past_due_subscriptions('2026-03-14 00:00Z'), 1, '14 days after its end due becomes unpaid');
select is(tests.state('due'), 'unpaid/past_due/free', 'and its members drop to free');

-- expire-trials ---------------------------------------------------------------------------------------------

select is(private.expire_trials('2026-03-01 12:00Z'), 2, 'a subscription''s trial and an organization''s trial end');
select is(tests.state('trial'), 'canceled/canceled/free', 'an unpaid trial past its end: canceled, free tier');
select is(tests.state('trialpaid'), 'trialing/trial/professional', 'a paid trial is Stripe''s to convert');
select is(tests.state('trialfuture'), 'trialing/trial/professional', 'a trial not yet over stays');
select is(tests.state('orgtrial'), '-/canceled/free', 'an organization''s trial without subscription ends too');
select is(
  (select count(*)::int from public.notifications
where user_id in (tests.get_user_id('trial_admin'),
    tests.get_user_id('orgtrial_admin')) and title = 'Trial ended') + private.expire_trials('2026-03-02 12:00Z'),
  2, 'each admin notified once; run again: nothing'
);

-- The schedules, where pg_cron lives ------------------------------------------------------------------------

create function pg_temp.cron_checks() returns setof text
language plpgsql
as $$
declare
  found_jobs jsonb;
begin
  if to_regnamespace('cron') is null then
    return next skip('pg_cron is not installed in this database (only in cron.database_name)', 1);
    return;
  end if;
  execute $q$select jsonb_agg(jsonb_build_array(j.jobname, j.schedule, j.command, j.active) order by j.jobname)
    from cron.job as j where j.jobname in ('mark-past-due-subscriptions', 'expire-trials')$q$
  into found_jobs;
  return next is(
    found_jobs,
    '[["expire-trials", "20 6 * * *", "select private.expire_trials()", true],
      ["mark-past-due-subscriptions", "10 6 * * *", "select private.mark_past_due_subscriptions()", true]]'::jsonb,
    'the two billing jobs are scheduled once each, active, daily'
  );
end;
$$;

select * from pg_temp.cron_checks();

select * from finish();
rollback;
