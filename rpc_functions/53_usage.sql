/*
  Usage metering and plan limits (tables: migrations/032_usage_limits.sql).

    record_usage(p_organization_id, p_metric_type, p_quantity, p_idempotency_key, p_occurred_at)
        service_role: records usage measured by server code (never refused by a limit).
    consume_usage(p_metric_type, p_quantity, p_idempotency_key)
        signed-in members of an organization (not viewers or guests, who are read-only): the limit check
        and the increment are one UPDATE; at a hard limit the answer is allowed = false, never an error.
    usage_summary(p_period_start)
        org admins and compliance officers: each metric's use and limit in a billing period of their
        organization.

  Rules chosen:
  - Billing period: the subscription's [current_period_start, current_period_end), stepped by its billing
    interval when the time falls outside it (a renewal event not yet arrived), never the calendar month.
    A moment equal to current_period_end belongs to the next period.
  - A period is invoiced once the billing job has set invoiced on one of its usage_tracking rows:
    record_usage into it is 22023 (usage cannot join an invoice already sent).
  - Limits: the subscription's price row in plan_limits, else its tier's row; the tier is 'free' while
    the subscription does not entitle (canceled, unpaid, ...). No row: unlimited.
  - Idempotency keys are per organization; a replay (even concurrent: the key is claimed by primary
    key) returns the original answer with "replayed": true, and counts nothing.
  - An organization without a subscription: P0002 (usage is counted in a subscription's period).
*/

-- The billing period of a subscription that contains p_at.
create or replace function private.billing_period(
  p_period_start timestamptz, p_period_end timestamptz, p_interval text, p_at timestamptz,
  out period_start timestamptz, out period_end timestamptz
)
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
declare
  v_step interval := case p_interval when 'year' then interval '1 year' else interval '1 month' end;
  v_n integer := 0;
begin
  period_start := p_period_start;
  period_end := p_period_end;
  while p_at >= period_end and v_n < 1200 loop
    period_start := period_end;
    period_end := period_end + v_step;
    v_n := v_n + 1;
  end loop;
  while p_at < period_start and v_n < 1200 loop
    period_end := period_start;
    period_start := period_start - v_step;
    v_n := v_n + 1;
  end loop;
end;
$$;

comment on function private.billing_period(timestamptz, timestamptz, text, timestamptz) is
'Internal: the billing period [start, end) containing p_at, stepping the current period by the billing interval.';

create or replace function private.usage_limit(
  p_sub public.subscriptions, p_metric_type text, out period_limit numeric, out hard_limit boolean
)
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select pl.period_limit, coalesce(pl.hard_limit, false)
  from (select 1) as one
  left join lateral (
    select l.period_limit, l.hard_limit
    from public.plan_limits as l
    where l.metric_type = p_metric_type
      and (
        (private.subscription_entitles(p_sub.status) and l.stripe_price_id = p_sub.stripe_price_id)
        or (l.stripe_price_id is null and l.plan_tier = case
          when private.subscription_entitles(p_sub.status) then p_sub.plan_tier else 'free' end)
      )
    order by l.stripe_price_id nulls last
    limit 1
  ) as pl on true
$$;

comment on function private.usage_limit(public.subscriptions, text) is
'Internal: the limit of a metric for a subscription (its price''s row, else its tier''s; free when not entitled).';

-- The shared path of record_usage and consume_usage.
create or replace function private.meter_usage(
  p_organization_id uuid, p_metric_type text, p_quantity numeric, p_idempotency_key text, p_at timestamptz,
  p_enforce boolean
) returns jsonb
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_sub public.subscriptions%rowtype;
  v_period record;
  v_limit record;
  v_total numeric;
  v_result jsonb;
  v_usage_id uuid;
begin
  if p_metric_type is null or p_metric_type not in (
    'api_calls', 'ai_coach_sessions', 'data_exports', 'custom_courses', 'storage_gb'
  ) then
    raise exception using errcode = '22023',
      message = 'p_metric_type must be one of api_calls, ai_coach_sessions, data_exports, custom_courses, storage_gb';
  end if;
  if p_quantity is null or p_quantity <= 0 or p_quantity > 1000000 or p_quantity <> round(p_quantity, 2) then
    raise exception using errcode = '22023', message = 'p_quantity must be a positive number (at most 2 decimals)';
  end if;
  if p_idempotency_key is null or pg_catalog.length(p_idempotency_key) not between 1 and 200 then
    raise exception using errcode = '22023', message = 'p_idempotency_key must be 1 to 200 characters',
      hint = 'Send the same key when you retry the same request.';
  end if;
  if p_at is null then
    raise exception using errcode = '22023', message = 'p_occurred_at is required';
  end if;

  select s.* into v_sub from public.subscriptions as s where s.organization_id = p_organization_id;
  if not found then
    raise exception using errcode = 'P0002', message = 'the organization has no subscription',
      hint = 'Usage is counted in a subscription''s billing period.';
  end if;

  -- Claim the key; a concurrent request with the same key waits here, then replays.
  insert into private.usage_requests (organization_id, idempotency_key, metric_type, quantity)
  values (p_organization_id, p_idempotency_key, p_metric_type, p_quantity)
  on conflict do nothing;
  if not found then
    select r.result || '{"replayed": true}'::jsonb into v_result from private.usage_requests as r
    where r.organization_id = p_organization_id and r.idempotency_key = p_idempotency_key;
    return v_result;
  end if;

  select * into v_period from private.billing_period(v_sub.current_period_start, v_sub.current_period_end,
    v_sub.billing_interval, p_at);
  if exists (
    select from public.usage_tracking as u
    where u.organization_id = p_organization_id and u.invoiced
      and u.period_start = (v_period.period_start at time zone 'UTC')::date
  ) then
    raise exception using errcode = '22023', message = 'the billing period of this usage is already invoiced',
      hint = 'Record usage of the current period only.';
  end if;
  select * into v_limit from private.usage_limit(v_sub, p_metric_type);

  insert into private.usage_counters (organization_id, metric_type, period_start, period_end)
  values (p_organization_id, p_metric_type, v_period.period_start, v_period.period_end)
  on conflict do nothing;
  -- The check and the increment are this one statement: the row lock queues concurrent requests, and each
  -- re-checks the limit against the total the previous one left.
  update private.usage_counters as c
  set quantity = c.quantity + p_quantity
  where c.organization_id = p_organization_id and c.metric_type = p_metric_type
    and c.period_start = v_period.period_start
    and (not p_enforce or not v_limit.hard_limit or v_limit.period_limit is null
      or c.quantity + p_quantity <= v_limit.period_limit)
  returning c.quantity into v_total;

  if v_total is null then
    select c.quantity into v_total from private.usage_counters as c
    where c.organization_id = p_organization_id and c.metric_type = p_metric_type
      and c.period_start = v_period.period_start;
  else
    insert into public.usage_tracking (
      organization_id, subscription_id, metric_type, quantity, unit, period_start, period_end
    ) values (
      p_organization_id, v_sub.id, p_metric_type, p_quantity,
      case p_metric_type when 'storage_gb' then 'gb' else 'count' end,
      (v_period.period_start at time zone 'UTC')::date, (v_period.period_end at time zone 'UTC')::date
    )
    returning id into v_usage_id;
  end if;

  v_result := pg_catalog.jsonb_build_object(
    'allowed', v_usage_id is not null,
    'metric_type', p_metric_type,
    'quantity', p_quantity,
    'used', v_total,
    'limit', v_limit.period_limit,
    'hard_limit', v_limit.hard_limit,
    'remaining', case when v_limit.period_limit is not null then greatest(v_limit.period_limit - v_total, 0) end,
    'over_limit', v_limit.period_limit is not null and v_total > v_limit.period_limit,
    'period_start', v_period.period_start,
    'period_end', v_period.period_end,
    'replayed', false
  );
  update private.usage_requests as r set result = v_result
  where r.organization_id = p_organization_id and r.idempotency_key = p_idempotency_key;
  return v_result;
end;
$$;

comment on function private.meter_usage(uuid, text, numeric, text, timestamptz, boolean) is
'Internal: counts usage in the billing period, idempotent on the key, the hard limit checked in the increment.';

-- record_usage --------------------------------------------------------------------------------------

create or replace function private.record_usage(
  p_organization_id uuid, p_metric_type text, p_quantity numeric, p_idempotency_key text,
  p_occurred_at timestamptz default pg_catalog.now()
) returns jsonb
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if p_organization_id is null then
    raise exception using errcode = '22023', message = 'p_organization_id is required';
  end if;
  if not exists (select from public.organizations as o where o.id = p_organization_id) then
    raise exception using errcode = 'P0002', message = 'organization not found';
  end if;
  if p_occurred_at > pg_catalog.now() + interval '5 minutes' then
    raise exception using errcode = '22023', message = 'p_occurred_at must not be in the future';
  end if;
  return private.meter_usage(p_organization_id, p_metric_type, p_quantity, p_idempotency_key, p_occurred_at, false);
end;
$$;

create or replace function public.record_usage(
  p_organization_id uuid, p_metric_type text, p_quantity numeric, p_idempotency_key text,
  p_occurred_at timestamptz default pg_catalog.now()
) returns jsonb
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.record_usage(p_organization_id, p_metric_type, p_quantity, p_idempotency_key, p_occurred_at)
$$;

comment on function public.record_usage(uuid, text, numeric, text, timestamptz) is
'Server side only (service_role): records an organization''s usage in the subscription''s billing period that '
'contains p_occurred_at (default now). Idempotent on p_idempotency_key: a replay returns the original answer '
'("replayed": true). Returns {allowed, used, limit, remaining, over_limit, period_start, period_end}. Errors: 22023 '
'bad input or a period already invoiced, P0002 unknown organization or no subscription.';

-- consume_usage -------------------------------------------------------------------------------------

create or replace function private.consume_usage(p_metric_type text, p_quantity numeric, p_idempotency_key text)
returns jsonb
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_org uuid := (select private.current_org_id());
  v_role text := (select private.current_role_name());
begin
  if v_org is null then
    raise exception using errcode = '42501', message = 'only a member of an organization may use its plan',
      hint = 'Join an organization first.';
  end if;
  if v_role in ('viewer', 'guest') then
    raise exception using errcode = '42501', message = 'viewers and guests are read-only',
      hint = 'Ask your organization admin for the learner role.';
  end if;
  return private.meter_usage(v_org, p_metric_type, p_quantity, p_idempotency_key, pg_catalog.now(), true);
end;
$$;

create or replace function public.consume_usage(p_metric_type text, p_quantity numeric, p_idempotency_key text)
returns jsonb
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.consume_usage(p_metric_type, p_quantity, p_idempotency_key)
$$;

comment on function public.consume_usage(text, numeric, text) is
'Signed-in members (not viewers or guests): use p_quantity of a metric of your organization''s plan now. At a '
'hard limit the answer is {"allowed": false, ...} (nothing counted), never an error; the check and the increment '
'are one step. Idempotent on p_idempotency_key. Errors: 22023 bad input, 42501 not a member or read-only, P0002 '
'no subscription.';

-- usage_summary -------------------------------------------------------------------------------------

create or replace function private.usage_summary(p_period_start date) returns table (
  metric_type text, period_start timestamptz, period_end timestamptz, used numeric, period_limit numeric,
  hard_limit boolean, remaining numeric
)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_org uuid := (select private.current_org_id());
  v_sub public.subscriptions%rowtype;
  v_period record;
begin
  if v_org is null or not ((select private.is_org_admin()) or (select private.current_role_name()) =
    'compliance_officer') then
    raise exception using errcode = '42501',
      message = 'only an org admin or compliance officer may read the organization''s usage';
  end if;
  select s.* into v_sub from public.subscriptions as s where s.organization_id = v_org;
  if not found then
    raise exception using errcode = 'P0002', message = 'your organization has no subscription';
  end if;
  select * into v_period from private.billing_period(v_sub.current_period_start, v_sub.current_period_end,
    v_sub.billing_interval, coalesce(p_period_start::timestamptz, pg_catalog.now()));
  return query
  select m.metric_type, v_period.period_start, v_period.period_end, coalesce(c.quantity, 0), l.period_limit,
    l.hard_limit, case when l.period_limit is not null then greatest(l.period_limit - coalesce(c.quantity, 0), 0) end
  from pg_catalog.unnest(array['ai_coach_sessions', 'api_calls', 'custom_courses', 'data_exports', 'storage_gb'])
    as m (metric_type)
  cross join lateral private.usage_limit(v_sub, m.metric_type) as l
  left join private.usage_counters as c
    on c.organization_id = v_org and c.metric_type = m.metric_type and c.period_start = v_period.period_start
  order by m.metric_type;
end;
$$;

create or replace function public.usage_summary(p_period_start date default null) returns table (
  metric_type text, period_start timestamptz, period_end timestamptz, used numeric, period_limit numeric,
  hard_limit boolean, remaining numeric
)
language sql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.usage_summary(p_period_start)
$$;

comment on function public.usage_summary(date) is
'Org admins and compliance officers: each metric''s use, limit and remainder in the billing period of their '
'organization that contains p_period_start (default: now). Errors: 42501 other roles, P0002 no subscription.';

-- Grants ---------------------------------------------------------------------------------------------

revoke all on function
  private.billing_period(timestamptz, timestamptz, text, timestamptz),
  private.usage_limit(public.subscriptions, text),
  private.meter_usage(uuid, text, numeric, text, timestamptz, boolean),
  private.record_usage(uuid, text, numeric, text, timestamptz),
  public.record_usage(uuid, text, numeric, text, timestamptz),
  private.consume_usage(text, numeric, text),
  public.consume_usage(text, numeric, text),
  private.usage_summary(date),
  public.usage_summary(date)
from public, anon, authenticated;
grant execute on function
  private.record_usage(uuid, text, numeric, text, timestamptz),
  public.record_usage(uuid, text, numeric, text, timestamptz)
to service_role;
grant execute on function
  private.consume_usage(text, numeric, text),
  public.consume_usage(text, numeric, text),
  private.usage_summary(date),
  public.usage_summary(date)
to authenticated;
