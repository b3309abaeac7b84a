/*
  apply_stripe_event / reconcile_stripe_subscription: Stripe's webhooks applied
  exactly once and never backwards, in Stripe's own object shapes (API
  2025-03-31: the billing period on the subscription's items). Every Stripe
  id, price and organization is salted, so the file passes on any database.
  The concurrent duplicate delivery needs two connections: see
  tests/test_concurrent_stripe_events.py.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(71);

-- Real-shaped objects ---------------------------------------------------------------------

create or replace function tests.sid(p text) returns text
language sql
stable
as $$
  select p || '_' || tests.salt()
$$;

create or replace function tests.sub_obj(
  p_sub text, p_org text, p_status text, p_price text, p_qty integer, p_created bigint,
  p_period_start bigint default 1767225600, p_extra jsonb default '{}'
) returns jsonb
language sql
stable
as $$
  select jsonb_build_object(
    'id', tests.sid(p_sub), 'object', 'subscription', 'customer', tests.sid('cus_' || p_org),
    'status', p_status, 'created', p_created, 'start_date', p_created, 'currency', 'cad',
    'cancel_at_period_end', false, 'canceled_at', null, 'ended_at', null, 'trial_start', null, 'trial_end', null,
    'collection_method', 'charge_automatically', 'livemode', false, 'latest_invoice', null,
    'metadata', jsonb_build_object('organization_id', tests.get_org_id(p_org)),
    'items', jsonb_build_object('object', 'list', 'has_more', false,
      'url', '/v1/subscription_items?subscription=' || tests.sid(p_sub),
      'data', jsonb_build_array(jsonb_build_object(
        'id', tests.sid('si_' || p_sub), 'object', 'subscription_item', 'created', p_created,
        'quantity', p_qty, 'subscription', tests.sid(p_sub),
        'current_period_start', p_period_start, 'current_period_end', p_period_start + 2678400,
        'price', jsonb_build_object('id', tests.sid(p_price), 'object', 'price', 'active', true, 'currency', 'cad',
          'unit_amount', 2500, 'type', 'recurring',
          'recurring', jsonb_build_object('interval', 'month', 'interval_count', 1, 'usage_type', 'licensed'))
      )))
  ) || p_extra
$$;

create or replace function tests.event(p_id text, p_type text, p_created bigint, p_object jsonb) returns jsonb
language sql
stable
as $$
  select jsonb_build_object(
    'id', tests.sid(p_id), 'object', 'event', 'api_version', '2025-03-31.basil', 'created', p_created,
    'data', jsonb_build_object('object', p_object), 'livemode', false, 'pending_webhooks', 1,
    'request', jsonb_build_object('id', null, 'idempotency_key', null), 'type', p_type
  )
$$;

create or replace function tests.invoice_obj(p_inv text, p_sub text, p_org text, p_status text, p_created bigint)
returns jsonb
language sql
stable
as $$
  select jsonb_build_object(
    'id', tests.sid(p_inv), 'object', 'invoice', 'customer', tests.sid('cus_' || p_org), 'number', 'INV-' || p_inv,
    'status', p_status, 'created', p_created, 'currency', 'cad', 'amount_due', 7500,
    'amount_paid', case when p_status = 'paid' then 7500 else 0 end, 'amount_remaining', 0,
    'period_start', p_created - 2678400, 'period_end', p_created, 'due_date', null,
    'invoice_pdf', 'https://example.invalid/' || p_inv || '.pdf', 'hosted_invoice_url', null,
    'status_transitions', jsonb_build_object('finalized_at', p_created,
      'paid_at', case when p_status = 'paid' then p_created + 60 end),
    'parent', jsonb_build_object('type', 'subscription_details',
      'subscription_details', jsonb_build_object('subscription', tests.sid(p_sub), 'metadata', '{}'::jsonb)),
    'lines', jsonb_build_object('object', 'list', 'has_more', false, 'data', jsonb_build_array(jsonb_build_object(
      'id', tests.sid('il_' || p_inv), 'object', 'line_item', 'amount', 7500, 'currency', 'cad', 'quantity', 3,
      'period', jsonb_build_object('start', 1767225600, 'end', 1767225600 + 2678400))))
  )
$$;

create or replace function tests.apply(p_event jsonb) returns text
language sql
as $$
  select public.apply_stripe_event(p_event) ->> 'result'
$$;

-- Arrange ---------------------------------------------------------------------------------

do $$
declare
  o text;
begin
  foreach o in array array['acme', 'late', 'tie1', 'tie2', 'resub', 'seats', 'gone', 'stream1', 'stream2'] loop
    perform tests.create_org(o);
    perform tests.create_user(o || '_admin', 'org_admin', o);
  end loop;
  perform tests.create_user('acme_learner', 'learner', 'acme');
  perform tests.create_user('seats_m1', 'learner', 'seats');
  perform tests.create_user('seats_m2', 'learner', 'seats');
  perform tests.create_user('seats_m3', 'learner', 'seats');
  insert into public.billing_prices (stripe_price_id, plan_tier, plan_name, per_seat)
  values (tests.sid('price_pro'), 'professional', 'Professional - Monthly', true),
    (tests.sid('price_ent'), 'enterprise', 'Enterprise - Monthly', true);
end
$$;

-- Who may call ------------------------------------------------------------------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$select public.apply_stripe_event('{}')$$, '42501', null, 'anon cannot apply Stripe events'
);
select tests.clear_authentication();
select tests.authenticate_as('acme_admin');
select throws_ok(
  $$select public.apply_stripe_event('{}')$$, '42501', null, 'an org admin cannot apply Stripe events'
);
select throws_ok(
  $$select public.reconcile_stripe_subscription('{}')$$, '42501', null, 'an org admin cannot reconcile'
);
select throws_ok(
  $$select private.apply_stripe_event('{}')$$, '42501', null, 'nor call the private implementation'
);
select tests.clear_authentication();

-- created: applied, in exactly the catalog's terms ------------------------------------------

select tests.authenticate_as_service_role();
select is(
  tests.apply(tests.event('evt_a1', 'customer.subscription.created', 1767225600,
    tests.sub_obj('sub_acme', 'acme', 'active', 'price_pro', 3, 1767225600))),
  'applied', 'service_role applies customer.subscription.created'
);
select tests.clear_authentication();

select row_eq(
  $$select plan_tier, plan_name, seat_count, seats_used, status, billing_interval, amount_cents, currency,
      current_period_start, current_period_end
    from public.subscriptions where organization_id = tests.get_org_id('acme')$$,
  row('professional'::text, 'Professional - Monthly'::text, 3, 0, 'active'::text, 'month'::text, 7500, 'CAD'::text,
    to_timestamp(1767225600), to_timestamp(1767225600 + 2678400)),
  'the subscription row: tier and name from the catalog, seats = quantity, period from the item'
);
select results_eq(
  $$select subscription_status, subscription_id is not null from public.organizations
    where id = tests.get_org_id('acme')$$,
  $$values ('active'::text, true)$$,
  'the organization is active and points at its subscription'
);
select is(
  (
      select count(*)::int
      from public.subscription_seats as ss
      inner join public.subscriptions as s on ss.subscription_id = s.id
   where s.organization_id = tests.get_org_id('acme') and ss.status = 'available'),
  3, 'three available seats exist for a quantity of 3'
);
select is(
  (select subscription_tier from public.profiles
where id = tests.get_user_id('acme_learner')),
  'free', 'a member without a seat stays on the free tier (per-seat price)'
);

-- The same event again: a duplicate with no effect, no audit row --------------------------

create temporary table audit_before on commit drop as
select count(*) as n from public.audit_logs
where organization_id = tests.get_org_id('acme');
grant select on audit_before to service_role;
select tests.authenticate_as_service_role();
select is(
  tests.apply(tests.event('evt_a1', 'customer.subscription.created', 1767225600,
    tests.sub_obj('sub_acme', 'acme', 'active', 'price_pro', 3, 1767225600))),
  'duplicate', 'the same event id again is a duplicate'
);
select is(
  (select count(*) from public.audit_logs
where organization_id = tests.get_org_id('acme')),
  (select n from audit_before), 'a duplicate writes no audit row'
);
select tests.clear_authentication();

-- Audit rows hold no Stripe ids, cards or amounts --------------------------------------------

select is(
  (select count(*)::int from public.audit_logs
where organization_id = tests.get_org_id('acme')
   and (changes::text like '%' || tests.salt() || '%' or changes::text like '%7500%')),
  0, 'no audit row of the organization holds a Stripe id or an amount'
);
select ok(
  exists (select from public.audit_logs
where organization_id = tests.get_org_id('acme')
    and action = 'stripe.customer.subscription.created'),
  'the applied event is audited by name'
);

-- Malformed: 22023 naming the field, nothing written -----------------------------------------

select tests.authenticate_as_service_role();
select throws_ok(
  format('select public.apply_stripe_event(%L)',
    tests.event('evt_bad1', 'customer.subscription.updated', 1767225700,
      tests.sub_obj('sub_acme', 'acme', 'active', 'price_pro', 3, 1767225600) #- '{items,data,0,current_period_end}')),
  '22023', 'data.object.items.data[0].current_period_end is required', 'a missing period end is named'
);
select throws_ok(
  $$select public.apply_stripe_event('{"type": "invoice.paid", "created": 1, "data": {"object": {}}}')$$,
  '22023', 'id is required', 'a missing event id is named'
);
select throws_ok(
  format('select public.apply_stripe_event(%L)',
    tests.event('evt_bad2', 'customer.subscription.updated', 1767225700,
      tests.sub_obj('sub_acme', 'acme', 'active', 'price_pro', 3, 1767225600) || '{"status": "sleeping"}')),
  '22023', 'data.object.status is not a Stripe subscription status', 'an unknown status is refused'
);
select tests.clear_authentication();
select is(
  (select count(*)::int from private.stripe_events
where event_id like 'evt_bad%' || tests.salt()),
  0, 'malformed events leave no ledger row'
);

-- Unknown event type: recorded and ignored ---------------------------------------------------

select tests.authenticate_as_service_role();
select is(
  public.apply_stripe_event(tests.event('evt_u1', 'charge.dispute.created', 1767225700, '{"id": "dp_1"}')),
  jsonb_build_object('result', 'ignored', 'event_type', 'charge.dispute.created', 'reason', 'event type not handled'),
  'an unknown event type is ignored, with the reason'
);
select tests.clear_authentication();
select is(
  (select outcome from private.stripe_events
where event_id = tests.sid('evt_u1')), 'ignored',
  'and recorded in the ledger (a redelivery is a duplicate)'
);

-- Updated before created ---------------------------------------------------------------------

select tests.authenticate_as_service_role();
select is(
  tests.apply(tests.event('evt_l2', 'customer.subscription.updated', 1767225610,
    tests.sub_obj('sub_late', 'late', 'active', 'price_pro', 2, 1767225600))),
  'applied', 'an update arriving before its created event applies'
);
select is(
  tests.apply(tests.event('evt_l1', 'customer.subscription.created', 1767225600,
    tests.sub_obj('sub_late', 'late', 'incomplete', 'price_pro', 2, 1767225600))),
  'stale', 'the older created event arriving later is stale'
);
select tests.clear_authentication();
select results_eq(
  $$select status, (select count(*)::int from public.subscriptions where organization_id = tests.get_org_id('late'))
    from public.subscriptions where organization_id = tests.get_org_id('late')$$,
  $$values ('active'::text, 1)$$,
  'one row, still active: the stale created event did not move it back'
);

-- Same-second tie: the same outcome in either arrival order -----------------------------------

select tests.authenticate_as_service_role();
select tests.apply(tests.event('evt_t1c', 'customer.subscription.created', 1767225600,
  tests.sub_obj('sub_tie1', 'tie1', 'active', 'price_pro', 1, 1767225600)));
select tests.apply(tests.event('evt_t2c', 'customer.subscription.created', 1767225600,
  tests.sub_obj('sub_tie2', 'tie2', 'active', 'price_pro', 1, 1767225600)));
-- tie1: past_due then active in the same second; tie2: active then past_due.
select tests.apply(tests.event('evt_t1x', 'customer.subscription.updated', 1767300000,
  tests.sub_obj('sub_tie1', 'tie1', 'past_due', 'price_pro', 1, 1767225600)));
select is(
  tests.apply(tests.event('evt_t1y', 'customer.subscription.updated', 1767300000,
    tests.sub_obj('sub_tie1', 'tie1', 'active', 'price_pro', 1, 1767225600))),
  'stale', 'in a same-second tie the status further along (past_due) wins over active arriving later'
);
select tests.apply(tests.event('evt_t2y', 'customer.subscription.updated', 1767300000,
  tests.sub_obj('sub_tie2', 'tie2', 'active', 'price_pro', 1, 1767225600)));
select is(
  tests.apply(tests.event('evt_t2x', 'customer.subscription.updated', 1767300000,
    tests.sub_obj('sub_tie2', 'tie2', 'past_due', 'price_pro', 1, 1767225600))),
  'applied', 'and wins when it arrives second too'
);
select tests.clear_authentication();
select results_eq(
  $$select status from public.subscriptions
    where organization_id in (tests.get_org_id('tie1'), tests.get_org_id('tie2'))$$,
  $$values ('past_due'::text), ('past_due'::text)$$,
  'both arrival orders end past_due'
);
select is(
  (select subscription_status from public.organizations
where id = tests.get_org_id('tie1')), 'past_due',
  'the organization follows'
);

-- Terminal statuses never go back --------------------------------------------------------------

select tests.authenticate_as_service_role();
select tests.apply(tests.event('evt_g1', 'customer.subscription.created', 1767225600,
  tests.sub_obj('sub_gone', 'gone', 'active', 'price_pro', 1, 1767225600)));
select is(
  tests.apply(tests.event('evt_g2', 'customer.subscription.deleted', 1767400000,
    tests.sub_obj('sub_gone', 'gone', 'canceled', 'price_pro', 1, 1767225600,
      p_extra => '{"canceled_at": 1767400000, "ended_at": 1767400000}'))),
  'applied', 'customer.subscription.deleted applies'
);
select is(
  public.apply_stripe_event(tests.event('evt_g3', 'customer.subscription.updated', 1767500000,
    tests.sub_obj('sub_gone', 'gone', 'active', 'price_pro', 1, 1767225600))) ->> 'reason',
  'the subscription has ended; it never becomes active again',
  'a later event claiming active again is refused as stale'
);
select tests.clear_authentication();
select results_eq(
  $$select s.status, o.subscription_status from public.subscriptions s join public.organizations o
    on o.id = s.organization_id where s.organization_id = tests.get_org_id('gone')$$,
  $$values ('canceled'::text, 'canceled'::text)$$,
  'the subscription and the organization stay canceled'
);
select is(
  (select subscription_tier from public.profiles
where id = tests.get_user_id('gone_admin')), 'free',
  'a canceled subscription gives no tier'
);

-- Cancel and re-subscribe, the old subscription's events arriving late ---------------------------

select tests.authenticate_as_service_role();
select tests.apply(tests.event('evt_r2', 'customer.subscription.created', 1767600000,
  tests.sub_obj('sub_new', 'resub', 'active', 'price_ent', 2, 1767600000)));
select is(
  tests.apply(tests.event('evt_r1', 'customer.subscription.created', 1767225600,
    tests.sub_obj('sub_old', 'resub', 'active', 'price_pro', 5, 1767225600))),
  'ignored', 'the old subscription''s created event arriving after the new one is ignored'
);
select is(
  public.apply_stripe_event(tests.event('evt_r3', 'customer.subscription.deleted', 1767590000,
    tests.sub_obj('sub_old', 'resub', 'canceled', 'price_pro', 5, 1767225600))) ->> 'reason',
  'superseded: the organization has a newer subscription', 'its late deletion is superseded too'
);
select tests.clear_authentication();
select results_eq(
  $$select stripe_subscription_id = tests.sid('sub_new'), status, plan_tier, seat_count
    from public.subscriptions where organization_id = tests.get_org_id('resub')$$,
  $$values (true, 'active'::text, 'enterprise'::text, 2)$$,
  'the organization keeps the new subscription, active, enterprise, 2 seats'
);
select is(
  (select subscription_status from public.organizations
where id = tests.get_org_id('resub')), 'active',
  'and stays active'
);

-- Prices: unknown on a new subscription is P0002 (retry), a known subscription applies -------------

select tests.authenticate_as_service_role();
select throws_ok(
  format('select public.apply_stripe_event(%L)', tests.event('evt_p1', 'customer.subscription.created', 1767225600,
    tests.sub_obj('sub_stream1', 'stream1', 'active', 'price_unknown', 1, 1767225600))),
  'P0002', 'price not in the catalog', 'an unknown price on a new subscription is P0002'
);
select is(
  public.apply_stripe_event(tests.event('evt_p2', 'customer.subscription.updated', 1767700000,
    tests.sub_obj('sub_acme', 'acme', 'past_due', 'price_unknown', 9, 1767225600))) ->> 'reason',
  'price not in the catalog: tier and seats unchanged', 'a known subscription''s status applies without the price'
);
select tests.clear_authentication();
select results_eq(
  $$select status, plan_tier, seat_count from public.subscriptions where organization_id = tests.get_org_id('acme')$$,
  $$values ('past_due'::text, 'professional'::text, 3)$$,
  'status past_due; tier and seats as they were'
);
select is(
  (select count(*)::int from private.stripe_events
where event_id = tests.sid('evt_p1')), 0,
  'the refused event left no ledger row: Stripe''s retry will apply it'
);

-- Quantity below the seats in use: the newest assignments are suspended, never an error -------------

select tests.authenticate_as_service_role();
select tests.apply(tests.event('evt_s1', 'customer.subscription.created', 1767225600,
  tests.sub_obj('sub_seats', 'seats', 'active', 'price_pro', 3, 1767225600)));
select tests.clear_authentication();
do $$
declare
  m text;
  seat uuid;
begin
  perform tests.authenticate_as('seats_admin');
  foreach m in array array['seats_m1', 'seats_m2', 'seats_m3'] loop
    select ss.id into seat from public.subscription_seats ss
    where ss.organization_id = tests.get_org_id('seats') and ss.status = 'available' order by ss.id limit 1;
    perform public.assign_seat(seat, tests.get_user_id(m));
  end loop;
  perform tests.clear_authentication();
  -- Distinct assignment times, m1 oldest.
  update public.subscription_seats ss
  set assigned_at = now() - (case p.id when tests.get_user_id('seats_m1') then 3 when tests.get_user_id('seats_m2')
    then 2 else 1 end) * interval '1 day'
  from public.profiles p where p.seat_id = ss.id and ss.organization_id = tests.get_org_id('seats');
end
$$;
select tests.authenticate_as_service_role();
select is(
  tests.apply(tests.event('evt_s2', 'customer.subscription.updated', 1767300000,
    tests.sub_obj('sub_seats', 'seats', 'active', 'price_pro', 1, 1767225600))),
  'applied', 'lowering the quantity to 1 below the 3 seats in use applies, never raises'
);
select tests.clear_authentication();
select results_eq(
  $$select p.id = tests.get_user_id('seats_m1'), ss.status from public.subscription_seats ss
    join public.profiles p on p.seat_id = ss.id where ss.organization_id = tests.get_org_id('seats')
    order by ss.assigned_at$$,
  $$values (true, 'assigned'::text), (false, 'suspended'::text), (false, 'suspended'::text)$$,
  'the oldest assignment keeps its seat, the two newest are suspended'
);
select results_eq(
  $$select seat_count, seats_used from public.subscriptions where organization_id = tests.get_org_id('seats')$$,
  $$values (1, 1)$$,
  'seat_count 1, seats_used 1'
);
select results_eq(
  $$select id = tests.get_user_id('seats_m1'), subscription_tier from public.profiles
    where id in (tests.get_user_id('seats_m1'), tests.get_user_id('seats_m2')) order by 1 desc$$,
  $$values (true, 'professional'::text), (false, 'free'::text)$$,
  'the seated member has the plan''s tier, a suspended one the free tier'
);
select ok(
  exists (select from public.audit_logs
where organization_id = tests.get_org_id('seats')
    and resource_type = 'subscription_seats' and changes -> 'status' ->> 'new' = 'suspended'),
  'each suspension is audited'
);
select tests.authenticate_as('seats_admin');
select throws_ok(
  format('select public.assign_seat(%L, %L)',
    (
      select ss.id from public.subscription_seats as ss
      where ss.organization_id = tests.get_org_id('seats') and ss.status = 'suspended'
      order by ss.id limit 1
    ), tests.get_user_id('seats_admin')),
  '23505', 'seat is not available (status suspended)', 'assign_seat refuses a suspended seat'
);
select tests.clear_authentication();
select tests.authenticate_as_service_role();
select tests.apply(tests.event('evt_s3', 'customer.subscription.updated', 1767400000,
  tests.sub_obj('sub_seats', 'seats', 'active', 'price_pro', 2, 1767225600)));
select tests.clear_authentication();
select results_eq(
  $$select ss.status from public.subscription_seats ss join public.profiles p on p.seat_id = ss.id
    where ss.organization_id = tests.get_org_id('seats') order by ss.assigned_at$$,
  $$values ('assigned'::text), ('assigned'::text), ('suspended'::text)$$,
  'a quantity of 2 resumes the older suspended seat first'
);
select results_eq(
  $$select seat_count, seats_used from public.subscriptions where organization_id = tests.get_org_id('seats')$$,
  $$values (2, 2)$$,
  'seats_used follows'
);

-- Invoices, payment methods, customer ------------------------------------------------------------

select tests.authenticate_as_service_role();
select throws_ok(
  format('select public.apply_stripe_event(%L)', tests.event('evt_i0', 'invoice.paid', 1767300000,
    tests.invoice_obj('in_x', 'sub_nobody', 'acme', 'paid', 1767300000))),
  'P0002', 'subscription not found for this invoice', 'an invoice of an unknown subscription is P0002 (retry)'
);
select is(tests.apply(tests.event('evt_i2', 'invoice.paid', 1767300100,
  tests.invoice_obj('in_1', 'sub_seats', 'seats', 'paid', 1767300000))), 'applied', 'invoice.paid applies');
select is(tests.apply(tests.event('evt_i1', 'invoice.finalized', 1767300000,
  tests.invoice_obj('in_1', 'sub_seats', 'seats', 'open', 1767300000))), 'stale',
  'the earlier invoice.finalized arriving late is stale');
select tests.clear_authentication();
select results_eq(
  $$select status, amount_cents, amount_paid_cents, period_start, invoice_number from public.invoices
    where stripe_invoice_id = tests.sid('in_1')$$,
  $$values ('paid'::text, 7500, 7500, date '2026-01-01', 'INV-in_1'::text)$$,
  'the invoice is paid, with the line''s service period'
);
select is(
  (select last_payment_status from public.subscriptions
where organization_id = tests.get_org_id('seats')), 'paid',
  'the subscription records the payment'
);
select tests.authenticate_as_service_role();
select is(tests.apply(tests.event('evt_pm1', 'payment_method.attached', 1767300000, jsonb_build_object(
  'id', tests.sid('pm_1'), 'object', 'payment_method', 'type', 'card', 'customer', tests.sid('cus_seats'),
  'created', 1767300000, 'livemode', false,
  'billing_details', jsonb_build_object('name', 'Seats Inc', 'email', 'billing@seats.test', 'phone', null,
    'address', jsonb_build_object('city', 'Toronto', 'country', 'CA', 'line1', '1 King St', 'line2', null,
      'postal_code', 'M5H 1A1', 'state', 'ON')),
  'card', jsonb_build_object('brand', 'visa', 'last4', '4242', 'exp_month', 12, 'exp_year', 2030,
    'country', 'US', 'funding', 'credit')))), 'applied', 'payment_method.attached applies');
select is(tests.apply(tests.event('evt_c1', 'customer.updated', 1767300100, jsonb_build_object(
  'id', tests.sid('cus_seats'), 'object', 'customer', 'email', 'billing@seats.test', 'name', 'Seats Inc',
  'metadata', '{}'::jsonb, 'created', 1767225600,
  'invoice_settings', jsonb_build_object('default_payment_method', tests.sid('pm_1'))))), 'applied',
  'customer.updated applies');
select tests.clear_authentication();
select results_eq(
  $$select pm.card_brand, pm.card_last4, pm.is_default, pm.is_active, o.billing_email
    from public.payment_methods pm join public.organizations o on o.id = pm.organization_id
    where pm.stripe_payment_method_id = tests.sid('pm_1')$$,
  $$values ('visa'::text, '4242'::text, true, true, 'billing@seats.test'::text)$$,
  'the card (brand, last 4) is the default; the billing email follows the customer'
);
select tests.authenticate_as_service_role();
select is(tests.apply(tests.event('evt_pm2', 'payment_method.detached', 1767300200, jsonb_build_object(
  'id', tests.sid('pm_1'), 'object', 'payment_method', 'type', 'card', 'customer', null, 'created', 1767300000,
  'card', jsonb_build_object('brand', 'visa', 'last4', '4242', 'exp_month', 12, 'exp_year', 2030)))), 'applied',
  'payment_method.detached applies');
select tests.clear_authentication();
select results_eq(
  $$select is_default, is_active from public.payment_methods where stripe_payment_method_id = tests.sid('pm_1')$$,
  $$values (false, false)$$, 'the detached card is inactive and no longer the default'
);

-- Paused and resumed; an organization the event names but the database does not know --------------

select tests.authenticate_as_service_role();
select tests.apply(tests.event('evt_z1', 'customer.subscription.paused', 1767500000,
  tests.sub_obj('sub_seats', 'seats', 'paused', 'price_pro', 2, 1767225600)));
select results_eq(
  $$select o.subscription_status, p.subscription_tier from public.organizations as o
    inner join public.profiles as p on p.organization_id = o.id
    where o.id = tests.get_org_id('seats') and p.id = tests.get_user_id('seats_m1')$$,
  $$values ('paused'::text, 'free'::text)$$,
  'customer.subscription.paused: the organization is paused, the plan''s tier lapses'
);
select tests.apply(tests.event('evt_z2', 'customer.subscription.resumed', 1767600000,
  tests.sub_obj('sub_seats', 'seats', 'active', 'price_pro', 2, 1767225600)));
select results_eq(
  $$select o.subscription_status, p.subscription_tier from public.organizations as o
    inner join public.profiles as p on p.organization_id = o.id
    where o.id = tests.get_org_id('seats') and p.id = tests.get_user_id('seats_m1')$$,
  $$values ('active'::text, 'professional'::text)$$,
  'customer.subscription.resumed: active again, the tier back'
);
select throws_ok(
  format('select public.apply_stripe_event(%L)', tests.event('evt_z3', 'customer.subscription.created', 1767225600,
    jsonb_set(tests.sub_obj('sub_z', 'acme', 'active', 'price_pro', 1, 1767225600), '{metadata,organization_id}',
      to_jsonb(tests.id('org:none')::text)))),
  'P0002', 'organization not found', 'metadata naming an unknown organization is P0002'
);
select throws_ok(
  format('select public.apply_stripe_event(%L)', tests.event('evt_z4', 'customer.subscription.created', 1767225600,
    jsonb_set(tests.sub_obj('sub_z', 'acme', 'active', 'price_pro', 1, 1767225600), '{metadata,organization_id}',
      '"acme"'))),
  '22023', 'data.object.metadata.organization_id must be a uuid', 'metadata with a malformed organization id'
);
select tests.clear_authentication();
select is(
  (
    select count(*)::int from public.audit_logs
    where
      organization_id = any(tests.fixture_org_ids())
      -- an amount or card digits as a value of their own (not inside a uuid or a longer number)
      and (
        changes::text like '%' || tests.salt() || '%'
        or changes::text ~ '(^|[^0-9a-f-])(7500|2500|4242)([^0-9a-f-]|$)'
      )
  ),
  0, 'no audit row of any organization of this file holds a Stripe id, a card''s digits or an amount'
);

-- Reconciliation under the same guards -----------------------------------------------------------

select tests.authenticate_as_service_role();
select is(
  public.reconcile_stripe_subscription(tests.sub_obj('sub_gone', 'gone', 'active', 'price_pro', 1, 1767225600))
    ->> 'result',
  'stale', 'a re-fetched object cannot bring a canceled subscription back'
);
select is(
  public.reconcile_stripe_subscription(
    tests.sub_obj('sub_tie1', 'tie1', 'active', 'price_pro', 4, 1767225600)) ->> 'result',
  'applied', 'a re-fetched object newer than the last event applies'
);
select throws_ok(
  $$select public.reconcile_stripe_subscription('{"object": "subscription"}')$$,
  '22023', 'p_subscription.id is required', 'a re-fetched object without id is refused'
);
select tests.clear_authentication();
select results_eq(
  $$select status, seat_count from public.subscriptions where organization_id = tests.get_org_id('tie1')$$,
  $$values ('active'::text, 4)$$, 'the reconciled subscription is active with 4 seats'
);

-- The organization status of all eight Stripe statuses ---------------------------------------------

select results_eq(
  $$select s, private.org_subscription_status(s), private.subscription_entitles(s) from unnest(array['trialing',
    'active', 'past_due', 'unpaid', 'incomplete', 'incomplete_expired', 'canceled', 'paused']) as s$$,
  $$values ('trialing', 'trial', true), ('active', 'active', true), ('past_due', 'past_due', true),
    ('unpaid', 'past_due', false), ('incomplete', 'past_due', false), ('incomplete_expired', 'canceled', false),
    ('canceled', 'canceled', false), ('paused', 'paused', false)$$,
  'one mapping for the eight statuses'
);

-- A replayed stream, in order and shuffled, ends exactly right -------------------------------------

create or replace function tests.stream(p_org text) returns setof jsonb
language sql
stable
as $$
  select tests.event(x.id || '_' || p_org, x.type, x.created, x.obj)
  from (values
    ('e1', 'customer.subscription.created', 1767225600,
      tests.sub_obj('s_' || p_org, p_org, 'incomplete', 'price_pro', 5, 1767225600)),
    ('e2', 'customer.subscription.updated', 1767225600,
      tests.sub_obj('s_' || p_org, p_org, 'active', 'price_pro', 5, 1767225600)),
    ('e3', 'invoice.finalized', 1767225600, tests.invoice_obj('in_' || p_org, 's_' || p_org, p_org, 'open',
      1767225600)),
    ('e4', 'invoice.paid', 1767225660, tests.invoice_obj('in_' || p_org, 's_' || p_org, p_org, 'paid', 1767225600)),
    ('e5', 'customer.subscription.updated', 1769904000,
      tests.sub_obj('s_' || p_org, p_org, 'past_due', 'price_pro', 5, 1769904000)),
    ('e6', 'invoice.payment_failed', 1769904100, tests.invoice_obj('in2_' || p_org, 's_' || p_org, p_org, 'open',
      1769904000)),
    ('e7', 'customer.subscription.updated', 1770000000,
      tests.sub_obj('s_' || p_org, p_org, 'active', 'price_ent', 4, 1769904000)),
    ('e8', 'invoice.paid', 1770000000, tests.invoice_obj('in2_' || p_org, 's_' || p_org, p_org, 'paid', 1769904000)),
    ('e9', 'customer.subscription.trial_will_end', 1760000000,
      tests.sub_obj('s_' || p_org, p_org, 'trialing', 'price_pro', 5, 1767225600)),
    ('e10', 'customer.updated', 1767225601, jsonb_build_object('id', tests.sid('cus_' || p_org), 'object', 'customer',
      'email', 'pay@' || p_org || '.test',
      'metadata', jsonb_build_object('organization_id', tests.get_org_id(p_org)), 'invoice_settings', '{}'::jsonb))
  ) as x (id, type, created, obj)
$$;

-- Replays until every event is applied or answered, retrying the P0002 ones (what Stripe does).
create or replace function tests.replay(p_events jsonb[]) returns int
language plpgsql
as $$
declare
  pending jsonb[] := p_events;
  retry jsonb[];
  e jsonb;
  passes int := 0;
begin
  while cardinality(pending) > 0 and passes < 10 loop
    retry := '{}';
    foreach e in array pending loop
      begin
        perform public.apply_stripe_event(e);
      exception when sqlstate 'P0002' then
        retry := retry || e;
      end;
    end loop;
    pending := retry;
    passes := passes + 1;
  end loop;
  return cardinality(pending);
end;
$$;

create or replace function tests.stream_state(p_org text) returns table (
  status text, plan_tier text, seat_count int, seats int, org_status text, invoices text, billing_email text
)
language sql
stable
as $$
  select s.status, s.plan_tier, s.seat_count,
    (select count(*)::int from public.subscription_seats ss where ss.subscription_id = s.id),
    o.subscription_status,
    (select string_agg(i.invoice_number || ':' || i.status, ',' order by i.invoice_number) from public.invoices i
     where i.organization_id = o.id),
    o.billing_email
  from public.subscriptions s join public.organizations o on o.id = s.organization_id
  where s.organization_id = tests.get_org_id(p_org)
$$;

select tests.authenticate_as_service_role();
select is(tests.replay(array(select tests.stream('stream1'))), 0, 'the stream in order is applied');
select is(tests.replay(array(select tests.stream('stream1'))), 0, 'the stream a second time is only duplicates');
select is(
  tests.replay(array(select e from tests.stream('stream2') as e
order by md5(e::text))
    || array(select e from tests.stream('stream2') as e
order by md5(e::text) desc)),
  0, 'the stream shuffled and duplicated is applied'
);
select tests.clear_authentication();
select results_eq(
  $$select * from tests.stream_state('stream1')$$,
  $$values ('active'::text, 'enterprise'::text, 4, 4, 'active'::text, 'INV-in2_stream1:paid,INV-in_stream1:paid'::text,
    'pay@stream1.test'::text)$$,
  'in order: active, enterprise, 4 seats, both invoices paid, billing email'
);
select results_eq(
  $$select * from tests.stream_state('stream2')$$,
  $$values ('active'::text, 'enterprise'::text, 4, 4, 'active'::text, 'INV-in2_stream2:paid,INV-in_stream2:paid'::text,
    'pay@stream2.test'::text)$$,
  'shuffled and duplicated: exactly the same state'
);

select * from finish();
rollback;
