/*
  Stripe, applied by the database. The app's webhook endpoint verifies
  Stripe's signature and passes the event, as service_role, to
  apply_stripe_event(p_event jsonb); a server job passes a subscription
  re-fetched from Stripe's API to reconcile_stripe_subscription(p_subscription).

  Rules (tables in migrations/030_stripe_events.sql):
  - Exactly once: the event id goes into private.stripe_events in the same
    transaction as the effect. A second delivery, even at the same moment on
    another connection, waits on that primary key and answers 'duplicate'
    with no effect; a failed effect leaves no ledger row, so Stripe's retry
    applies it.
  - Never backwards: each Stripe object keeps the order key of the last event
    applied to it: (event.created, tie rank, event id). An event whose key is
    not greater is 'stale' and changes nothing. Same-second tie rule: the
    event that is further along wins, whatever the arrival order: for a
    subscription its status' rank (incomplete < trialing < active < paused <
    past_due < unpaid < canceled = incomplete_expired), then the event type
    (created < updated/paused/resumed/trial_will_end < deleted), then the
    greater event id (byte order). For an invoice: draft < open <
    uncollectible < paid = void, then the event type, then the id. The final
    state of a stream therefore does not depend on its delivery order.
  - Terminal statuses (canceled, incomplete_expired) never go back for that
    Stripe subscription ('stale').
  - One subscriptions row per organization (the spec's unique key): it follows
    the organization's newest Stripe subscription (by the subscription's own
    `created`). Events of an older subscription of the organization are
    'ignored' (superseded): a cancel and re-subscribe keeps the new one, in
    whatever order the old one's late events arrive.
  - Prices: a price in public.billing_prices decides plan tier, name and
    seats. An unknown price on a subscription new to its row is P0002 (Stripe
    retries until the price is configured); on a known subscription the
    status, dates and price id apply and the tier and seats stay as they were.
  - Seats: a quantity below the seats in use never raises. The organization's
    seats are ranked (assignments before invitation reservations, then oldest
    first by assigned_at, then id); those past the new count become
    'suspended' (each change audited by the seats trigger), and assign_seat
    refuses while no seat is free. A higher count resumes suspended seats in
    the same order, then adds available seats.
  - Unknown event types: recorded ('ignored') and answered, never an error.
    A malformed payload: 22023 naming the field, nothing written.
  - Audit: the triggers on subscriptions and subscription_seats audit their
    rows (Stripe ids and amounts redacted), and each applied event adds one
    event row (action stripe.<event type>) with its status only: no Stripe id,
    card data or amount.

  Organization status, one function for all eight Stripe statuses
  (private.org_subscription_status):
    trialing -> trial, active -> active, past_due -> past_due,
    unpaid -> past_due (payment still owed; access lapses, see entitlement),
    incomplete -> past_due (first payment owed), paused -> paused,
    canceled -> canceled, incomplete_expired -> canceled.
  Members' tiers (profiles.subscription_tier): the plan's tier while the
  subscription entitles (trialing, active, past_due: Stripe's retry window)
  and, for a per-seat price, the member holds an assigned or active seat;
  'free' otherwise.
*/

-- Mappings ------------------------------------------------------------------------

create or replace function private.org_subscription_status(p_stripe_status text) returns text
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select case p_stripe_status
    when 'trialing' then 'trial'
    when 'active' then 'active'
    when 'past_due' then 'past_due'
    when 'unpaid' then 'past_due'
    when 'incomplete' then 'past_due'
    when 'paused' then 'paused'
    when 'canceled' then 'canceled'
    when 'incomplete_expired' then 'canceled'
  end
$$;

comment on function private.org_subscription_status(text) is
'The organization''s subscription_status for each of Stripe''s eight subscription statuses (null for any other).';

create or replace function private.subscription_entitles(p_stripe_status text) returns boolean
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select coalesce(p_stripe_status in ('trialing', 'active', 'past_due'), false)
$$;

comment on function private.subscription_entitles(text) is
'Whether a subscription in this Stripe status gives its plan tier to the members (trialing, active, past_due).';

create or replace function private.stripe_tie_rank(p_object_type text, p_status text, p_event_type text)
returns integer
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select 10 * case p_object_type
    when 'subscription' then case p_status
      when 'incomplete' then 1 when 'trialing' then 2 when 'active' then 3 when 'paused' then 4
      when 'past_due' then 5 when 'unpaid' then 6 when 'canceled' then 8 when 'incomplete_expired' then 8
      else 0 end
    when 'invoice' then case p_status
      when 'draft' then 1 when 'open' then 2 when 'uncollectible' then 3 when 'paid' then 4 when 'void' then 4
      else 0 end
    else 0
  end + case
    when p_event_type like '%.created' or p_event_type like '%.attached' or p_event_type like '%.finalized' then 0
    when p_event_type like '%.deleted' or p_event_type like '%.detached' then 2
    else 1
  end
$$;

comment on function private.stripe_tie_rank(text, text, text) is
'Same-second tie rank of an event: the object''s status further along, then created < updated < deleted.';

-- Payload readers: 22023 naming the field -------------------------------------------

create or replace function private.stripe_text(p_value jsonb, p_field text, p_required boolean default true)
returns text
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
begin
  -- An expanded object (e.g. "customer": {"id": ...}) counts as its id.
  if pg_catalog.jsonb_typeof(p_value) = 'object' then
    p_value := p_value -> 'id';
  end if;
  if p_value is null or p_value = 'null'::jsonb then
    if p_required then
      raise exception using errcode = '22023', message = pg_catalog.format('%s is required', p_field),
        hint = 'Pass the event exactly as Stripe sent it.';
    end if;
    return null;
  end if;
  if pg_catalog.jsonb_typeof(p_value) <> 'string' or (p_value #>> '{}') = '' then
    raise exception using errcode = '22023', message = pg_catalog.format('%s must be a non-empty string', p_field),
      hint = 'Pass the event exactly as Stripe sent it.';
  end if;
  return p_value #>> '{}';
end;
$$;

comment on function private.stripe_text(jsonb, text, boolean) is
'Internal: a string field of a Stripe payload (an expanded object gives its id); 22023 naming the field.';

create or replace function private.stripe_number(p_value jsonb, p_field text, p_required boolean default true)
returns numeric
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
begin
  if p_value is null or p_value = 'null'::jsonb then
    if p_required then
      raise exception using errcode = '22023', message = pg_catalog.format('%s is required', p_field),
        hint = 'Pass the event exactly as Stripe sent it.';
    end if;
    return null;
  end if;
  if pg_catalog.jsonb_typeof(p_value) <> 'number' or (p_value #>> '{}')::numeric < 0
    or (p_value #>> '{}')::numeric > 1e12 then
    raise exception using errcode = '22023', message = pg_catalog.format('%s must be a non-negative number', p_field),
      hint = 'Pass the event exactly as Stripe sent it.';
  end if;
  return (p_value #>> '{}')::numeric;
end;
$$;

comment on function private.stripe_number(jsonb, text, boolean) is
'Internal: a non-negative number field of a Stripe payload (epoch seconds, amounts, quantities); 22023 naming it.';

create or replace function private.stripe_time(p_value jsonb, p_field text, p_required boolean default true)
returns timestamptz
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select pg_catalog.to_timestamp(private.stripe_number(p_value, p_field, p_required)::double precision)
$$;

comment on function private.stripe_time(jsonb, text, boolean) is
'Internal: an epoch-seconds field of a Stripe payload as a timestamp; 22023 naming it.';

-- Order key ----------------------------------------------------------------------------

-- Records the event as the object's latest when its order key is greater than
-- the stored one (and a terminal subscription stays terminal). Returns null
-- when it is, else why not: 'stale' or 'terminal'. The row lock taken here
-- queues two events of the same object.
create or replace function private.stripe_advance_object(
  p_object_id text, p_object_type text, p_organization_id uuid, p_event_created timestamptz, p_rank integer,
  p_event_id text, p_status text, p_object_created timestamptz
) returns text
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_old private.stripe_objects%rowtype;
begin
  insert into private.stripe_objects as o (
    object_id, object_type, organization_id, last_event_created, last_rank, last_event_id, status, object_created
  ) values (
    p_object_id, p_object_type, p_organization_id, p_event_created, p_rank, p_event_id, p_status, p_object_created
  )
  on conflict (object_id) do update
  set last_event_created = excluded.last_event_created,
      last_rank = excluded.last_rank,
      last_event_id = excluded.last_event_id,
      status = excluded.status,
      organization_id = coalesce(o.organization_id, excluded.organization_id),
      object_created = coalesce(o.object_created, excluded.object_created),
      updated_at = pg_catalog.now()
  where (
    excluded.last_event_created > o.last_event_created
    or (excluded.last_event_created = o.last_event_created and (
      excluded.last_rank > o.last_rank
      or (excluded.last_rank = o.last_rank and excluded.last_event_id collate "C" > o.last_event_id collate "C")
    ))
  )
  and not (
    o.object_type = 'subscription' and o.status in ('canceled', 'incomplete_expired')
    and excluded.status not in ('canceled', 'incomplete_expired')
  );
  if found then
    return null;
  end if;
  select o.* into v_old from private.stripe_objects as o where o.object_id = p_object_id;
  if v_old.object_type = 'subscription' and v_old.status in ('canceled', 'incomplete_expired')
    and p_status not in ('canceled', 'incomplete_expired') then
    return 'terminal';
  end if;
  return 'stale';
end;
$$;

comment on function private.stripe_advance_object(text, text, uuid, timestamptz, integer, text, text, timestamptz) is
'Internal: moves a Stripe object''s order key forward; null when the event is newer, else stale or terminal.';

-- Seats and tiers ---------------------------------------------------------------------

-- Fits a subscription's seats to p_seat_count: the taken seats (assigned,
-- active, reserved for an invitation) and the suspended ones are ranked
-- (assignments before reservations, then assigned_at, then id); the first
-- p_seat_count are taken (a suspended one resumes), the rest suspended. Free
-- seats are then added or removed so that taken + free = p_seat_count, and
-- seats_used is recounted. Never raises for a count below the seats in use.
-- Returns the number of seats it suspended.
create or replace function private.fit_seats_to_count(p_subscription_id uuid, p_seat_count integer)
returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_org uuid;
  v_suspended integer;
  v_kept integer;
  v_free integer;
begin
  select s.organization_id into v_org from public.subscriptions as s where s.id = p_subscription_id for update;

  with ranked as (
    select
      ss.id, ss.status, ss.assigned_to_user_id,
      pg_catalog.row_number() over (
        order by (ss.assigned_to_user_id is null), ss.assigned_at nulls last, ss.id
      ) as rn
    from public.subscription_seats as ss
    where ss.subscription_id = p_subscription_id
      and (ss.status in ('assigned', 'active', 'suspended')
        or (ss.status = 'available' and ss.assigned_to_email is not null))
  ),
  changed as (
    update public.subscription_seats as ss
    set status = case
      when r.rn > p_seat_count then 'suspended'
      when r.assigned_to_user_id is null then 'available'
      else 'assigned'
    end
    from ranked as r
    where ss.id = r.id
      and (
        (r.rn > p_seat_count and r.status <> 'suspended')
        or (r.rn <= p_seat_count and r.status = 'suspended')
      )
    returning ss.status
  )
  select count(*) filter (where c.status = 'suspended')::integer into v_suspended from changed as c;

  select
    count(*) filter (where ss.status in ('assigned', 'active')
      or (ss.status = 'available' and ss.assigned_to_email is not null))::integer,
    count(*) filter (where ss.status = 'available' and ss.assigned_to_email is null)::integer
  into v_kept, v_free
  from public.subscription_seats as ss
  where ss.subscription_id = p_subscription_id;

  if v_kept + v_free < p_seat_count then
    insert into public.subscription_seats (subscription_id, organization_id, status)
    select p_subscription_id, v_org, 'available'
    from pg_catalog.generate_series(1, p_seat_count - v_kept - v_free);
  elsif v_kept + v_free > p_seat_count and v_free > 0 then
    delete from public.subscription_seats as ss
    where ss.id in (
      select f.id from public.subscription_seats as f
      where f.subscription_id = p_subscription_id and f.status = 'available' and f.assigned_to_email is null
        and not exists (select from public.profiles as p where p.seat_id = f.id)
      order by f.created_at desc, f.id desc
      limit least(v_free, v_kept + v_free - greatest(p_seat_count, v_kept))
    );
  end if;

  perform private.sync_seats_used(p_subscription_id);
  return v_suspended;
end;
$$;

comment on function private.fit_seats_to_count(uuid, integer) is
'Internal: fits a subscription''s seats to a seat count (suspends the newest past it, resumes in the same order, '
'adds or removes free seats, recounts seats_used); returns how many it suspended. Never raises for a low count.';

-- Members' tiers follow their organization's subscription (see the header).
create or replace function private.sync_member_tiers(p_organization_id uuid, p_user_id uuid default null)
returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_sub public.subscriptions%rowtype;
  v_per_seat boolean;
  v_count integer;
begin
  select s.* into v_sub from public.subscriptions as s where s.organization_id = p_organization_id;
  if not found then
    return 0;
  end if;
  select coalesce((
    select bp.per_seat from public.billing_prices as bp where bp.stripe_price_id = v_sub.stripe_price_id
  ),
    true) into v_per_seat;

  with target as (
    select p.id, case
      when private.subscription_entitles(v_sub.status) and (not v_per_seat or exists (
        select from public.subscription_seats as ss
        where ss.id = p.seat_id and ss.subscription_id = v_sub.id and ss.status in ('assigned', 'active')
      )) then v_sub.plan_tier
      else 'free'
    end as tier
    from public.profiles as p
    where p.organization_id = p_organization_id and p.deleted_at is null and (p_user_id is null or p.id = p_user_id)
  )
  update public.profiles as p
  set subscription_tier = t.tier
  from target as t
  where p.id = t.id and p.subscription_tier is distinct from t.tier;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;

comment on function private.sync_member_tiers(uuid, uuid) is
'Internal: sets the organization''s members'' (or one member''s) subscription_tier from its subscription '
'(plan tier while it entitles and, per seat, the member holds a seat; free otherwise). Returns the number of '
'profiles changed.';

-- Organization of a Stripe customer --------------------------------------------------

create or replace function private.stripe_organization(
  p_metadata jsonb, p_field text, p_customer text, p_object_id text
) returns uuid
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_text text;
  v_org uuid;
begin
  v_text := private.stripe_text(p_metadata -> 'organization_id', p_field || '.organization_id', false);
  if v_text is not null then
    if v_text !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      raise exception using errcode = '22023',
        message = pg_catalog.format('%s.organization_id must be a uuid', p_field),
        hint = 'Set the organization''s id in the Checkout session''s metadata.';
    end if;
    select o.id into v_org from public.organizations as o where o.id = v_text::uuid;
    if not found then
      raise exception using errcode = 'P0002', message = 'organization not found',
        hint = pg_catalog.format('Check %s.organization_id.', p_field);
    end if;
  end if;
  if v_org is null and p_customer is not null then
    select c.organization_id into v_org from private.stripe_customers as c where c.stripe_customer_id = p_customer;
  end if;
  if v_org is null and p_object_id is not null then
    select o.organization_id into v_org from private.stripe_objects as o where o.object_id = p_object_id;
  end if;
  if v_org is not null and p_customer is not null then
    insert into private.stripe_customers (stripe_customer_id, organization_id) values (p_customer, v_org)
    on conflict (stripe_customer_id) do nothing;
  end if;
  return v_org;
end;
$$;

comment on function private.stripe_organization(jsonb, text, text, text) is
'Internal: the organization of a Stripe object: metadata.organization_id, else its customer''s, else the object''s '
'own; null when none is known.';

-- Subscriptions -------------------------------------------------------------------------

create or replace function private.apply_stripe_subscription(
  p_event_id text, p_event_type text, p_event_created timestamptz, p_obj jsonb,
  out outcome text, out reason text, out organization_id uuid, out resource_id uuid
)
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  f constant text := 'data.object';
  v_id text;
  v_customer text;
  v_status text;
  v_created timestamptz;
  v_item jsonb;
  v_price_id text;
  v_quantity integer;
  v_period_start timestamptz;
  v_period_end timestamptz;
  v_interval text;
  v_unit_amount numeric;
  v_currency text;
  v_price public.billing_prices%rowtype;
  v_row public.subscriptions%rowtype;
  v_current_created timestamptz;
  v_seat_count integer;
  v_amount integer;
  v_why text;
  v_new boolean;
begin
  -- Read and check everything first: a malformed payload writes nothing.
  v_id := private.stripe_text(p_obj -> 'id', f || '.id');
  v_customer := private.stripe_text(p_obj -> 'customer', f || '.customer');
  v_status := private.stripe_text(p_obj -> 'status', f || '.status');
  if private.org_subscription_status(v_status) is null then
    raise exception using errcode = '22023',
      message = pg_catalog.format('%s.status is not a Stripe subscription status', f),
      hint = 'One of trialing, active, past_due, canceled, unpaid, incomplete, incomplete_expired, paused.';
  end if;
  if p_event_type = 'customer.subscription.deleted' then
    v_status := case when v_status = 'incomplete_expired' then v_status else 'canceled' end;
  end if;
  v_created := private.stripe_time(p_obj -> 'created', f || '.created');
  v_item := p_obj #> '{items,data,0}';
  if pg_catalog.jsonb_typeof(v_item) is distinct from 'object' then
    raise exception using errcode = '22023', message = pg_catalog.format('%s.items.data[0] is required', f),
      hint = 'A subscription has at least one item.';
  end if;
  v_price_id := private.stripe_text(v_item -> 'price', f || '.items.data[0].price.id');
  v_quantity := coalesce(private.stripe_number(v_item -> 'quantity', f || '.items.data[0].quantity', false), 1);
  -- Stripe API 2025-03-31 moved the period to the items; older payloads have it on the subscription.
  v_period_start := private.stripe_time(coalesce(v_item -> 'current_period_start', p_obj -> 'current_period_start'),
    f || '.items.data[0].current_period_start');
  v_period_end := private.stripe_time(coalesce(v_item -> 'current_period_end', p_obj -> 'current_period_end'),
    f || '.items.data[0].current_period_end');
  if v_period_end < v_period_start then
    raise exception using errcode = '22023',
      message = pg_catalog.format('%s.items.data[0].current_period_end is before current_period_start', f);
  end if;
  v_interval := case v_item #>> '{price,recurring,interval}' when 'year' then 'year' else 'month' end;
  v_unit_amount := coalesce(private.stripe_number(v_item #> '{price,unit_amount}',
    f || '.items.data[0].price.unit_amount', false), 0);
  v_currency := pg_catalog.upper(coalesce(v_item #>> '{price,currency}', p_obj ->> 'currency', 'cad'));
  if v_currency !~ '^[A-Z]{3}$' then
    raise exception using errcode = '22023', message = pg_catalog.format('%s.currency must be a currency code', f);
  end if;
  perform private.stripe_time(p_obj -> 'trial_start', f || '.trial_start', false),
    private.stripe_time(p_obj -> 'trial_end', f || '.trial_end', false),
    private.stripe_time(p_obj -> 'canceled_at', f || '.canceled_at', false),
    private.stripe_time(p_obj -> 'ended_at', f || '.ended_at', false);

  organization_id := private.stripe_organization(p_obj -> 'metadata', f || '.metadata', v_customer, v_id);
  if organization_id is null then
    raise exception using errcode = 'P0002', message = 'no organization is known for this Stripe subscription',
      hint = 'Put the organization''s id in the subscription''s metadata (organization_id).';
  end if;

  v_why := private.stripe_advance_object(v_id, 'subscription', organization_id, p_event_created,
    private.stripe_tie_rank('subscription', v_status, p_event_type), p_event_id, v_status, v_created);
  if v_why is not null then
    outcome := 'stale';
    reason := case v_why
      when 'terminal' then 'the subscription has ended; it never becomes active again'
      else 'an event at least as recent was already applied'
    end;
    return;
  end if;

  -- The organization's row: locked, so two subscriptions of one organization queue here.
  select s.* into v_row from public.subscriptions as s
  where s.organization_id = apply_stripe_subscription.organization_id
  for update;
  v_new := not found or v_row.stripe_subscription_id <> v_id;
  if found and v_row.stripe_subscription_id <> v_id then
    select o.object_created into v_current_created from private.stripe_objects as o
    where o.object_id = v_row.stripe_subscription_id;
    if coalesce(v_current_created, '-infinity') > v_created
      or (coalesce(v_current_created, '-infinity') = v_created
        and v_row.stripe_subscription_id collate "C" > v_id collate "C") then
      outcome := 'ignored';
      reason := 'superseded: the organization has a newer subscription';
      resource_id := v_row.id;
      return;
    end if;
  end if;

  select bp.* into v_price from public.billing_prices as bp where bp.stripe_price_id = v_price_id;
  if v_price.stripe_price_id is null and v_new then
    raise exception using errcode = 'P0002', message = 'price not in the catalog',
      hint = 'Add the subscription''s price to billing_prices; Stripe retries the event.';
  end if;

  v_seat_count := case
    when v_price.stripe_price_id is null then v_row.seat_count
    when v_price.per_seat then greatest(v_quantity, 1)
    else v_price.included_seats
  end;
  v_amount := least(v_unit_amount * case when coalesce(v_price.per_seat, true) then v_quantity else 1 end,
    2147483647)::integer;

  if v_row.id is null then
    insert into public.subscriptions (
      organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, plan_tier, plan_name,
      billing_interval, seat_count, seats_used, amount_cents, currency, status, trial_start, trial_end,
      current_period_start, current_period_end, canceled_at, ended_at, cancel_at_period_end,
      cancellation_reason, cancellation_feedback, next_payment_date
    ) values (
      apply_stripe_subscription.organization_id, v_id, v_customer, v_price_id, v_price.plan_tier, v_price.plan_name,
      v_interval, v_seat_count, 0, v_amount, v_currency, v_status,
      private.stripe_time(p_obj -> 'trial_start', '', false), private.stripe_time(p_obj -> 'trial_end', '', false),
      v_period_start, v_period_end,
      private.stripe_time(p_obj -> 'canceled_at', '', false), private.stripe_time(p_obj -> 'ended_at', '', false),
      coalesce((p_obj ->> 'cancel_at_period_end')::boolean, false),
      p_obj #>> '{cancellation_details,reason}', p_obj #>> '{cancellation_details,feedback}',
      case when v_status in ('trialing', 'active', 'past_due')
        and not coalesce((p_obj ->> 'cancel_at_period_end')::boolean, false) then v_period_end end
    )
    returning * into v_row;
    perform private.fit_seats_to_count(v_row.id, v_seat_count);
  else
    -- Fewer seats: suspend first, so seats_used never passes the new count.
    if v_seat_count < v_row.seat_count then
      perform private.fit_seats_to_count(v_row.id, v_seat_count);
    end if;
    update public.subscriptions as s
    set stripe_subscription_id = v_id,
        stripe_customer_id = v_customer,
        stripe_price_id = v_price_id,
        plan_tier = coalesce(v_price.plan_tier, s.plan_tier),
        plan_name = coalesce(v_price.plan_name, s.plan_name),
        billing_interval = v_interval,
        seat_count = v_seat_count,
        amount_cents = v_amount,
        currency = v_currency,
        status = v_status,
        trial_start = private.stripe_time(p_obj -> 'trial_start', '', false),
        trial_end = private.stripe_time(p_obj -> 'trial_end', '', false),
        current_period_start = v_period_start,
        current_period_end = v_period_end,
        canceled_at = private.stripe_time(p_obj -> 'canceled_at', '', false),
        ended_at = private.stripe_time(p_obj -> 'ended_at', '', false),
        cancel_at_period_end = coalesce((p_obj ->> 'cancel_at_period_end')::boolean, false),
        cancellation_reason = p_obj #>> '{cancellation_details,reason}',
        cancellation_feedback = p_obj #>> '{cancellation_details,feedback}',
        next_payment_date = case when v_status in ('trialing', 'active', 'past_due')
          and not coalesce((p_obj ->> 'cancel_at_period_end')::boolean, false) then v_period_end end
    where s.id = v_row.id;
    perform private.fit_seats_to_count(v_row.id, v_seat_count);
  end if;

  update public.organizations as o
  set subscription_id = v_row.id,
      subscription_status = private.org_subscription_status(v_status),
      trial_ends_at = private.stripe_time(p_obj -> 'trial_end', '', false)
  where o.id = apply_stripe_subscription.organization_id
    and (o.subscription_id, o.subscription_status, o.trial_ends_at) is distinct from
      (v_row.id, private.org_subscription_status(v_status), private.stripe_time(p_obj -> 'trial_end', '', false));

  perform private.sync_member_tiers(apply_stripe_subscription.organization_id);

  if p_event_type = 'customer.subscription.trial_will_end' then
    insert into public.notifications (user_id, type, title, message, priority, link_url)
    select p.id, 'system', 'Your trial ends soon',
      pg_catalog.format('Your organization''s trial ends on %s. Add a payment method to keep your plan.',
        pg_catalog.to_char(private.stripe_time(p_obj -> 'trial_end', '', false) at time zone 'America/Toronto',
          'YYYY-MM-DD')),
      'high', '/billing'
    from public.profiles as p
    where p.organization_id = apply_stripe_subscription.organization_id and p.role = 'org_admin'
      and p.deleted_at is null;
  end if;

  outcome := 'applied';
  resource_id := v_row.id;
  if v_price.stripe_price_id is null then
    reason := 'price not in the catalog: tier and seats unchanged';
  end if;
end;
$$;

comment on function private.apply_stripe_subscription(text, text, timestamptz, jsonb) is
'Internal: applies a customer.subscription.* event''s subscription object (see rpc_functions/50_stripe_events.sql).';

-- Invoices ----------------------------------------------------------------------------------

create or replace function private.apply_stripe_invoice(
  p_event_id text, p_event_type text, p_event_created timestamptz, p_obj jsonb,
  out outcome text, out reason text, out organization_id uuid, out resource_id uuid
)
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  f constant text := 'data.object';
  v_id text;
  v_status text;
  v_sub_stripe_id text;
  v_row public.subscriptions%rowtype;
  v_period_start timestamptz;
  v_period_end timestamptz;
  v_line jsonb;
  v_amount numeric;
  v_paid numeric;
  v_paid_at timestamptz;
  v_due timestamptz;
  v_currency text;
  v_why text;
begin
  v_id := private.stripe_text(p_obj -> 'id', f || '.id');
  v_status := private.stripe_text(p_obj -> 'status', f || '.status');
  if v_status not in ('draft', 'open', 'paid', 'void', 'uncollectible') then
    raise exception using errcode = '22023', message = pg_catalog.format('%s.status is not an invoice status', f),
      hint = 'One of draft, open, paid, void, uncollectible.';
  end if;
  -- API 2025-03-31: parent.subscription_details.subscription; before: subscription.
  v_sub_stripe_id := private.stripe_text(coalesce(p_obj #> '{parent,subscription_details,subscription}',
    p_obj -> 'subscription'), f || '.parent.subscription_details.subscription', false);
  v_amount := private.stripe_number(p_obj -> 'amount_due', f || '.amount_due');
  v_paid := coalesce(private.stripe_number(p_obj -> 'amount_paid', f || '.amount_paid', false), 0);
  v_currency := pg_catalog.upper(coalesce(p_obj ->> 'currency', 'cad'));
  if v_currency !~ '^[A-Z]{3}$' then
    raise exception using errcode = '22023', message = pg_catalog.format('%s.currency must be a currency code', f);
  end if;
  -- The service period is the line's (an invoice's own period_start/end is the previous period).
  v_line := p_obj #> '{lines,data,0,period}';
  v_period_start := private.stripe_time(coalesce(v_line -> 'start', p_obj -> 'period_start'),
    f || '.lines.data[0].period.start');
  v_period_end := private.stripe_time(coalesce(v_line -> 'end', p_obj -> 'period_end'),
    f || '.lines.data[0].period.end');
  v_paid_at := private.stripe_time(p_obj #> '{status_transitions,paid_at}', f || '.status_transitions.paid_at', false);
  v_due := private.stripe_time(p_obj -> 'due_date', f || '.due_date', false);
  if v_sub_stripe_id is null then
    outcome := 'ignored';
    reason := 'not a subscription invoice';
    return;
  end if;

  select s.* into v_row from public.subscriptions as s where s.stripe_subscription_id = v_sub_stripe_id;
  if not found then
    -- An older subscription of an organization: its invoices still belong to the organization's row.
    select s.* into v_row from public.subscriptions as s
    where s.organization_id = (select o.organization_id from private.stripe_objects as o
      where o.object_id = v_sub_stripe_id and o.object_type = 'subscription');
  end if;
  if v_row.id is null then
    raise exception using errcode = 'P0002', message = 'subscription not found for this invoice',
      hint = 'The subscription''s own event has not been applied yet; Stripe retries the event.';
  end if;
  organization_id := v_row.organization_id;

  v_why := private.stripe_advance_object(v_id, 'invoice', organization_id, p_event_created,
    private.stripe_tie_rank('invoice', v_status, p_event_type), p_event_id, v_status, null);
  if v_why is not null then
    outcome := 'stale';
    reason := 'an event at least as recent was already applied';
    return;
  end if;

  insert into public.invoices as i (
    subscription_id, organization_id, stripe_invoice_id, invoice_number, amount_cents, amount_paid_cents,
    currency, status, period_start, period_end, due_date, paid_at, invoice_pdf_url, hosted_invoice_url
  ) values (
    v_row.id, v_row.organization_id, v_id, p_obj ->> 'number', least(v_amount, 2147483647)::integer,
    least(v_paid, 2147483647)::integer, v_currency, v_status,
    (v_period_start at time zone 'UTC')::date, (v_period_end at time zone 'UTC')::date,
    (v_due at time zone 'UTC')::date, v_paid_at, p_obj ->> 'invoice_pdf', p_obj ->> 'hosted_invoice_url'
  )
  on conflict (stripe_invoice_id) do update
  set invoice_number = coalesce(excluded.invoice_number, i.invoice_number),
      amount_cents = excluded.amount_cents,
      amount_paid_cents = excluded.amount_paid_cents,
      currency = excluded.currency,
      status = excluded.status,
      period_start = excluded.period_start,
      period_end = excluded.period_end,
      due_date = excluded.due_date,
      paid_at = coalesce(excluded.paid_at, i.paid_at),
      invoice_pdf_url = coalesce(excluded.invoice_pdf_url, i.invoice_pdf_url),
      hosted_invoice_url = coalesce(excluded.hosted_invoice_url, i.hosted_invoice_url)
  returning i.id into resource_id;

  -- The subscription's payment columns follow its own invoices.
  if v_row.stripe_subscription_id = v_sub_stripe_id then
    if p_event_type in ('invoice.paid', 'invoice.payment_succeeded') then
      update public.subscriptions as s
      set last_payment_date = greatest(s.last_payment_date, coalesce(v_paid_at, p_event_created)),
          last_payment_status = 'paid'
      where s.id = v_row.id;
    elsif p_event_type = 'invoice.payment_failed' then
      update public.subscriptions as s
      set last_payment_status = 'failed'
      where s.id = v_row.id and (s.last_payment_date is null or s.last_payment_date < p_event_created);
    end if;
  end if;
  outcome := 'applied';
end;
$$;

comment on function private.apply_stripe_invoice(text, text, timestamptz, jsonb) is
'Internal: applies an invoice.* event''s invoice object to invoices (and the subscription''s payment columns).';

-- Payment methods and customers ---------------------------------------------------------------

create or replace function private.apply_stripe_payment_method(
  p_event_id text, p_event_type text, p_event_created timestamptz, p_obj jsonb,
  out outcome text, out reason text, out organization_id uuid, out resource_id uuid
)
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  f constant text := 'data.object';
  v_id text;
  v_customer text;
  v_card jsonb;
  v_last4 text;
  v_month integer;
  v_year integer;
  v_why text;
begin
  v_id := private.stripe_text(p_obj -> 'id', f || '.id');
  v_customer := private.stripe_text(p_obj -> 'customer', f || '.customer', p_event_type <> 'payment_method.detached');
  v_card := p_obj -> 'card';
  v_last4 := v_card ->> 'last4';
  if v_last4 is not null and v_last4 !~ '^[0-9]{4}$' then
    raise exception using errcode = '22023', message = pg_catalog.format('%s.card.last4 must be four digits', f);
  end if;
  v_month := private.stripe_number(v_card -> 'exp_month', f || '.card.exp_month', false);
  v_year := private.stripe_number(v_card -> 'exp_year', f || '.card.exp_year', false);
  if v_month not between 1 and 12 or v_year not between 2000 and 2200 then
    raise exception using errcode = '22023', message = pg_catalog.format('%s.card.exp_month/exp_year out of range', f);
  end if;

  if p_event_type = 'payment_method.detached' then
    select pm.organization_id into organization_id from public.payment_methods as pm
    where pm.stripe_payment_method_id = v_id;
  else
    select c.organization_id into organization_id from private.stripe_customers as c
    where c.stripe_customer_id = v_customer;
  end if;
  if organization_id is null then
    if p_event_type = 'payment_method.detached' then
      outcome := 'ignored';
      reason := 'unknown payment method';
      return;
    end if;
    raise exception using errcode = 'P0002', message = 'no organization is known for this Stripe customer',
      hint = 'The customer''s subscription or customer.updated event comes first; Stripe retries the event.';
  end if;

  v_why := private.stripe_advance_object(v_id, 'payment_method', organization_id, p_event_created,
    private.stripe_tie_rank('payment_method', null, p_event_type), p_event_id, null, null);
  if v_why is not null then
    outcome := 'stale';
    reason := 'an event at least as recent was already applied';
    return;
  end if;

  if p_event_type = 'payment_method.detached' then
    update public.payment_methods as pm set is_active = false, is_default = false
    where pm.stripe_payment_method_id = v_id
    returning pm.id into resource_id;
  else
    insert into public.payment_methods as pm (
      organization_id, stripe_payment_method_id, stripe_customer_id, card_brand, card_last4, card_exp_month,
      card_exp_year, billing_name, billing_email, billing_address, is_active
    ) values (
      organization_id, v_id, v_customer, v_card ->> 'brand', v_last4, v_month, v_year,
      p_obj #>> '{billing_details,name}', p_obj #>> '{billing_details,email}',
      nullif(p_obj #> '{billing_details,address}', 'null'::jsonb), true
    )
    on conflict (stripe_payment_method_id) do update
    set card_brand = excluded.card_brand, card_last4 = excluded.card_last4, card_exp_month = excluded.card_exp_month,
        card_exp_year = excluded.card_exp_year, billing_name = excluded.billing_name,
        billing_email = excluded.billing_email, billing_address = excluded.billing_address, is_active = true
    returning pm.id into resource_id;
  end if;
  outcome := 'applied';
end;
$$;

comment on function private.apply_stripe_payment_method(text, text, timestamptz, jsonb) is
'Internal: applies a payment_method.attached/updated/detached event to payment_methods (brand, last 4, expiry).';

create or replace function private.apply_stripe_customer(
  p_event_id text, p_event_type text, p_event_created timestamptz, p_obj jsonb,
  out outcome text, out reason text, out organization_id uuid, out resource_id uuid
)
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  f constant text := 'data.object';
  v_id text;
  v_default text;
  v_why text;
begin
  v_id := private.stripe_text(p_obj -> 'id', f || '.id');
  v_default := private.stripe_text(p_obj #> '{invoice_settings,default_payment_method}',
    f || '.invoice_settings.default_payment_method', false);
  organization_id := private.stripe_organization(p_obj -> 'metadata', f || '.metadata', v_id, null);
  if organization_id is null then
    outcome := 'ignored';
    reason := 'unknown customer';
    return;
  end if;
  v_why := private.stripe_advance_object(v_id, 'customer', organization_id, p_event_created,
    private.stripe_tie_rank('customer', null, p_event_type), p_event_id, null, null);
  if v_why is not null then
    outcome := 'stale';
    reason := 'an event at least as recent was already applied';
    return;
  end if;

  update public.organizations as o set billing_email = p_obj ->> 'email'
  where o.id = apply_stripe_customer.organization_id and p_obj ->> 'email' is not null
    and o.billing_email is distinct from p_obj ->> 'email';
  if v_default is not null then
    update public.payment_methods as pm set is_default = false
    where pm.organization_id = apply_stripe_customer.organization_id and pm.is_default
      and pm.stripe_payment_method_id <> v_default;
    update public.payment_methods as pm set is_default = true
    where pm.organization_id = apply_stripe_customer.organization_id and pm.stripe_payment_method_id = v_default
      and pm.is_active and not pm.is_default;
  end if;
  outcome := 'applied';
  resource_id := organization_id;
end;
$$;

comment on function private.apply_stripe_customer(text, text, timestamptz, jsonb) is
'Internal: applies customer.created/updated: links the customer to its organization, billing email, default card.';

-- apply_stripe_event ----------------------------------------------------------------------------

create or replace function private.apply_stripe_event(p_event jsonb) returns jsonb
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_id text;
  v_type text;
  v_created timestamptz;
  v_obj jsonb;
  r record;
  v_resource_type text;
begin
  if p_event is null or pg_catalog.jsonb_typeof(p_event) <> 'object' then
    raise exception using errcode = '22023', message = 'p_event must be a Stripe event object',
      hint = 'Pass the verified webhook body as JSON.';
  end if;
  v_id := private.stripe_text(p_event -> 'id', 'id');
  v_type := private.stripe_text(p_event -> 'type', 'type');
  v_created := private.stripe_time(p_event -> 'created', 'created');
  v_obj := p_event #> '{data,object}';
  if pg_catalog.jsonb_typeof(v_obj) is distinct from 'object' then
    raise exception using errcode = '22023', message = 'data.object is required',
      hint = 'Pass the event exactly as Stripe sent it.';
  end if;

  -- Exactly once: claim the id. A concurrent delivery of the same id waits
  -- here until this transaction ends, then finds the row (or, if this one
  -- failed, claims it itself).
  insert into private.stripe_events (event_id, event_type, event_created, object_id, outcome)
  values (v_id, v_type, v_created, v_obj ->> 'id', 'ignored')
  on conflict (event_id) do nothing;
  if not found then
    return pg_catalog.jsonb_build_object('result', 'duplicate', 'event_type', v_type);
  end if;

  case
    when v_type in ('customer.subscription.created', 'customer.subscription.updated',
      'customer.subscription.deleted', 'customer.subscription.paused', 'customer.subscription.resumed',
      'customer.subscription.trial_will_end', 'abr.subscription.reconciled') then
      select * into r from private.apply_stripe_subscription(v_id, v_type, v_created, v_obj);
      v_resource_type := 'subscriptions';
    when v_type in ('invoice.paid', 'invoice.payment_succeeded', 'invoice.payment_failed', 'invoice.finalized',
      'invoice.updated', 'invoice.voided', 'invoice.marked_uncollectible') then
      select * into r from private.apply_stripe_invoice(v_id, v_type, v_created, v_obj);
      v_resource_type := 'invoices';
    when v_type in ('payment_method.attached', 'payment_method.updated', 'payment_method.detached') then
      select * into r from private.apply_stripe_payment_method(v_id, v_type, v_created, v_obj);
      v_resource_type := 'payment_methods';
    when v_type in ('customer.created', 'customer.updated') then
      select * into r from private.apply_stripe_customer(v_id, v_type, v_created, v_obj);
      v_resource_type := 'organizations';
    else
      select 'ignored' as outcome, 'event type not handled' as reason, null::uuid as organization_id,
        null::uuid as resource_id into r;
  end case;

  update private.stripe_events as e
  set outcome = r.outcome, reason = r.reason, organization_id = r.organization_id
  where e.event_id = v_id;

  if r.outcome = 'applied' then
    perform private.record_audit_event(
      'stripe.' || pg_catalog.regexp_replace(pg_catalog.lower(v_type), '[^a-z0-9_.]', '_', 'g'),
      v_resource_type, r.resource_id, r.organization_id,
      pg_catalog.jsonb_build_object('status', v_obj -> 'status', 'event_type', v_type),
      'info', true
    );
  end if;

  return pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'result', r.outcome, 'event_type', v_type, 'reason', r.reason, 'organization_id', r.organization_id
  ));
end;
$$;

create or replace function public.apply_stripe_event(p_event jsonb) returns jsonb
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.apply_stripe_event(p_event)
$$;

comment on function public.apply_stripe_event(jsonb) is
'Server side only (service_role): applies one verified Stripe webhook event exactly once, never backwards. '
'Returns {"result": applied|duplicate|stale|ignored, "event_type", "reason", "organization_id"}. 22023 malformed '
'payload (names the field, writes nothing), P0002 unknown price on a new subscription or unknown organization '
'(Stripe retries). See rpc_functions/50_stripe_events.sql for the ordering, tie and seat rules.';

-- reconcile_stripe_subscription -----------------------------------------------------------------

create or replace function private.reconcile_stripe_subscription(
  p_subscription jsonb, p_fetched_at timestamptz default pg_catalog.now()
) returns jsonb
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_epoch bigint;
begin
  if p_subscription is null or pg_catalog.jsonb_typeof(p_subscription) <> 'object' then
    raise exception using errcode = '22023', message = 'p_subscription must be a Stripe subscription object',
      hint = 'Pass the subscription as Stripe''s API returned it.';
  end if;
  if p_fetched_at is null or p_fetched_at > pg_catalog.now() + interval '5 minutes' then
    raise exception using errcode = '22023', message = 'p_fetched_at must be the time of the fetch, not in the future';
  end if;
  perform private.stripe_text(p_subscription -> 'id', 'p_subscription.id');
  v_epoch := pg_catalog.floor(extract(epoch from p_fetched_at))::bigint;
  -- The object as fetched is the state at fetch time: ordered like an event of that second.
  return private.apply_stripe_event(pg_catalog.jsonb_build_object(
    'id', 'reconcile_' || (p_subscription ->> 'id') || '_' || v_epoch,
    'object', 'event',
    'type', 'abr.subscription.reconciled',
    'created', v_epoch,
    'data', pg_catalog.jsonb_build_object('object', p_subscription)
  ));
end;
$$;

create or replace function public.reconcile_stripe_subscription(
  p_subscription jsonb, p_fetched_at timestamptz default pg_catalog.now()
) returns jsonb
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.reconcile_stripe_subscription(p_subscription, p_fetched_at)
$$;

comment on function public.reconcile_stripe_subscription(jsonb, timestamptz) is
'Server side only (service_role): applies a subscription re-fetched from Stripe''s API (at p_fetched_at) under the '
'same guards as apply_stripe_event: ordered as an event of that second, terminal statuses final, the newest '
'subscription of an organization kept. Same result shape and errors.';

-- Grants -------------------------------------------------------------------------------------------

revoke all on function
  private.org_subscription_status(text),
  private.subscription_entitles(text),
  private.stripe_tie_rank(text, text, text),
  private.stripe_text(jsonb, text, boolean),
  private.stripe_number(jsonb, text, boolean),
  private.stripe_time(jsonb, text, boolean),
  private.stripe_advance_object(text, text, uuid, timestamptz, integer, text, text, timestamptz),
  private.fit_seats_to_count(uuid, integer),
  private.sync_member_tiers(uuid, uuid),
  private.stripe_organization(jsonb, text, text, text),
  private.apply_stripe_subscription(text, text, timestamptz, jsonb),
  private.apply_stripe_invoice(text, text, timestamptz, jsonb),
  private.apply_stripe_payment_method(text, text, timestamptz, jsonb),
  private.apply_stripe_customer(text, text, timestamptz, jsonb),
  private.apply_stripe_event(jsonb),
  public.apply_stripe_event(jsonb),
  private.reconcile_stripe_subscription(jsonb, timestamptz),
  public.reconcile_stripe_subscription(jsonb, timestamptz)
from public, anon, authenticated;
grant execute on function
  private.apply_stripe_event(jsonb),
  public.apply_stripe_event(jsonb),
  private.reconcile_stripe_subscription(jsonb, timestamptz),
  public.reconcile_stripe_subscription(jsonb, timestamptz)
to service_role;
