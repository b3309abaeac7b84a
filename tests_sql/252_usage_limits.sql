/*
  Usage and plan limits: record_usage (service_role), consume_usage (members), usage_summary (org admins
  and compliance officers). Limits as data (plan_limits per price, else per tier), counted in the
  subscription's billing period (not the calendar month), idempotent on the key, a hard limit answered
  without raising. Two requests at the limit at once need two connections: tests/test_concurrent_usage.py.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(35);

do $$
declare
  o text;
begin
  foreach o in array array['acme', 'globex'] loop
    perform tests.create_org(o);
    perform tests.create_user(o || '_admin', 'org_admin', o);
    perform tests.create_user(o || '_learner', 'learner', o);
  end loop;
  perform tests.create_user('acme_viewer', 'viewer', 'acme');
  perform tests.create_user('acme_compliance', 'compliance_officer', 'acme');
  perform tests.create_user('nobody', 'learner');
  insert into public.billing_prices (stripe_price_id, plan_tier, plan_name)
  values (('price_metered_' || tests.salt()), 'professional', 'Metered');
  insert into public.plan_limits (plan_tier, stripe_price_id, metric_type, period_limit, hard_limit) values
  ('professional', ('price_metered_' || tests.salt()), 'ai_coach_sessions', 3, true),
  ('professional', ('price_metered_' || tests.salt()), 'storage_gb', 10, false);
  -- acme: its current period ended 10 days ago and the renewal event has not arrived yet.
  insert into public.subscriptions (
    id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, plan_tier, plan_name,
    billing_interval, seat_count, amount_cents, status, current_period_start, current_period_end
  ) values
  (tests.id('sub:acme'), tests.get_org_id('acme'), tests.name('sub_acme'), tests.name('cus_acme'),
    ('price_metered_' || tests.salt()), 'professional', 'Metered', 'month', 5, 0, 'active',
    date_trunc('second', now()) - interval '40 days', date_trunc('second', now()) - interval '10 days'),
  (tests.id('sub:globex'), tests.get_org_id('globex'), tests.name('sub_globex'), tests.name('cus_globex'),
    ('price_metered_' || tests.salt()), 'professional', 'Metered', 'month', 5, 0, 'active',
    now() - interval '1 day', now() + interval '29 days');
end
$$;

-- Who may ----------------------------------------------------------------------------------------------

select tests.authenticate_as_anon();
select throws_ok($$select public.consume_usage('ai_coach_sessions', 1, 'k')$$, '42501', null, 'anon cannot consume');
select tests.clear_authentication();
select tests.authenticate_as('acme_learner');
select throws_ok(
  format('select public.record_usage(%L, %L, 1, %L)', tests.get_org_id('acme'), 'api_calls', 'k'),
  '42501', null, 'a member cannot record usage (service_role only)'
);
select tests.clear_authentication();
select tests.authenticate_as('acme_viewer');
select throws_ok($$select public.consume_usage('ai_coach_sessions', 1, 'k')$$, '42501',
  'viewers and guests are read-only', 'a viewer cannot consume');
select tests.clear_authentication();
select tests.authenticate_as('nobody');
select throws_ok($$select public.consume_usage('ai_coach_sessions', 1, 'k')$$, '42501',
  'only a member of an organization may use its plan', 'a user without an organization cannot consume');
select tests.clear_authentication();

-- Input ---------------------------------------------------------------------------------------------------

select tests.authenticate_as('acme_learner');
select throws_ok($$select public.consume_usage('gpu_hours', 1, 'k')$$, '22023',
  'p_metric_type must be one of api_calls, ai_coach_sessions, data_exports, custom_courses, storage_gb',
  'an unknown metric is refused');
select throws_ok($$select public.consume_usage('ai_coach_sessions', 0, 'k')$$, '22023',
  'p_quantity must be a positive number (at most 2 decimals)', 'a zero quantity is refused');
select throws_ok($$select public.consume_usage('ai_coach_sessions', 1, '')$$, '22023',
  'p_idempotency_key must be 1 to 200 characters', 'an empty key is refused');

-- Hard limit: allowed until the limit, then "not allowed" without raising ------------------------------------

select results_eq(
  $$select (r ->> 'allowed')::boolean, (r ->> 'used')::numeric, (r ->> 'remaining')::numeric
    from public.consume_usage('ai_coach_sessions', 2, 'k1') as r$$,
  $$values (true, 2::numeric, 1::numeric)$$, 'two sessions of three: allowed, one remains'
);
select results_eq(
  $$select (r ->> 'allowed')::boolean, (r ->> 'used')::numeric from public.consume_usage('ai_coach_sessions', 2, 'k2')
    as r$$,
  $$values (false, 2::numeric)$$, 'two more would pass the hard limit: not allowed, nothing counted'
);
select results_eq(
  $$select (r ->> 'allowed')::boolean, (r ->> 'used')::numeric, (r ->> 'remaining')::numeric
    from public.consume_usage('ai_coach_sessions', 1, 'k3') as r$$,
  $$values (true, 3::numeric, 0::numeric)$$, 'exactly up to the limit is allowed'
);
select results_eq(
  $$select (r ->> 'allowed')::boolean, (r ->> 'replayed')::boolean, (r ->> 'used')::numeric
    from public.consume_usage('ai_coach_sessions', 2, 'k1') as r$$,
  $$values (true, true, 2::numeric)$$, 'a replayed key returns the original answer, not an error'
);
select results_eq(
  $$select (r ->> 'allowed')::boolean, (r ->> 'over_limit')::boolean from public.consume_usage('storage_gb', 12, 'k4')
    as r$$,
  $$values (true, true)$$, 'a soft limit allows and reports over_limit'
);
select results_eq(
  $$select (r ->> 'allowed')::boolean, r -> 'limit' from public.consume_usage('api_calls', 1000, 'k5') as r$$,
  $$values (true, 'null'::jsonb)$$, 'a metric without a limit row is unlimited'
);
select tests.clear_authentication();
select is(
  (select count(*)::int from public.usage_tracking
where organization_id = tests.get_org_id('acme')
   and metric_type = 'ai_coach_sessions'),
  2, 'one usage row per allowed request (the refused and the replayed add none)'
);

-- The billing period, not the calendar month ----------------------------------------------------------------

select set_config('tests.acme_period_end', (select current_period_end::text from public.subscriptions
  where organization_id = tests.get_org_id('acme')), true);
select tests.authenticate_as('acme_learner');
select results_eq(
  $$select (r ->> 'period_start')::timestamptz = current_setting('tests.acme_period_end')::timestamptz
    from public.consume_usage('data_exports', 1, 'k6') as r$$,
  $$values (true)$$,
  'past the stored period (renewal not yet arrived) usage counts in the next billing period'
);
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select results_eq(
  format($$select (r ->> 'period_end')::timestamptz = %L::timestamptz, (r ->> 'used')::numeric
    from public.record_usage(%L, 'data_exports', 5, 'b1', %L::timestamptz - interval '1 second') as r$$,
    (select current_period_end from public.subscriptions
where organization_id = tests.get_org_id('acme')),
    tests.get_org_id('acme'),
    (select current_period_end from public.subscriptions
where organization_id = tests.get_org_id('acme'))),
  $$values (true, 5::numeric)$$,
  'one second before the period end: the old period (its own total)'
);
select results_eq(
  format($$select (r ->> 'period_start')::timestamptz = %L::timestamptz, (r ->> 'used')::numeric
    from public.record_usage(%L, 'data_exports', 1, 'b2', %L::timestamptz) as r$$,
    (select current_period_end from public.subscriptions
where organization_id = tests.get_org_id('acme')),
    tests.get_org_id('acme'),
    (select current_period_end from public.subscriptions
where organization_id = tests.get_org_id('acme'))),
  $$values (true, 2::numeric)$$,
  'exactly at the period end: the next period (with the member''s export, 2)'
);
select results_eq(
  format($$select (r ->> 'allowed')::boolean, (r ->> 'replayed')::boolean, (r ->> 'used')::numeric
    from public.record_usage(%L, 'data_exports', 5, 'b1') as r$$, tests.get_org_id('acme')),
  $$values (true, true, 5::numeric)$$,
  'record_usage replayed returns its original answer'
);
select results_eq(
  format($$select (r ->> 'allowed')::boolean, (r ->> 'over_limit')::boolean
    from public.record_usage(%L, 'ai_coach_sessions', 10, 'b3') as r$$, tests.get_org_id('acme')),
  $$values (true, true)$$,
  'record_usage records measured usage past a hard limit (and reports it)'
);
select tests.clear_authentication();

-- An invoiced period is closed --------------------------------------------------------------------------------

update public.usage_tracking set invoiced = true
where organization_id = tests.get_org_id('acme') and metric_type = 'data_exports' and quantity = 5;
select tests.authenticate_as_service_role();
select throws_ok(
  format($$select public.record_usage(%L, 'api_calls', 1, 'b4', %L::timestamptz - interval '1 hour')$$,
    tests.get_org_id('acme'),
    (select current_period_end from public.subscriptions
where organization_id = tests.get_org_id('acme'))),
  '22023', 'the billing period of this usage is already invoiced', 'usage into an invoiced period is refused'
);
select throws_ok(
  format($$select public.record_usage(%L, 'api_calls', 1, 'b5', now() + interval '1 day')$$,
    tests.get_org_id('acme')),
  '22023', 'p_occurred_at must not be in the future', 'usage in the future is refused'
);
select throws_ok(
  format($$select public.record_usage(%L, 'api_calls', 1, 'b6')$$, tests.id('org:none')),
  'P0002', 'organization not found', 'an unknown organization is not found'
);
select tests.clear_authentication();
select is(
  (select count(*)::int from private.usage_requests
where organization_id = tests.get_org_id('acme')
   and idempotency_key in ('b4', 'b5')),
  0, 'refused requests keep no key (a retry is judged again)'
);

-- Across organizations ------------------------------------------------------------------------------------------

select tests.authenticate_as('globex_learner');
select results_eq(
  $$select (r ->> 'allowed')::boolean, (r ->> 'used')::numeric, (r ->> 'replayed')::boolean
    from public.consume_usage('ai_coach_sessions', 3, 'k1') as r$$,
  $$values (true, 3::numeric, false)$$,
  'another organization has its own counters and its own keys'
);
select tests.clear_authentication();

-- usage_summary -------------------------------------------------------------------------------------------------

select tests.authenticate_as('acme_admin');
select results_eq(
  $$select metric_type, used, period_limit, hard_limit, remaining from public.usage_summary()
    where metric_type in ('ai_coach_sessions', 'storage_gb', 'data_exports')$$,
  $$values ('ai_coach_sessions'::text, 13::numeric, 3::numeric, true, 0::numeric),
    ('data_exports'::text, 2::numeric, 20::numeric, true, 18::numeric),
    ('storage_gb'::text, 12::numeric, 10::numeric, false, 0::numeric)$$,
  'the admin''s summary: the price''s limits, the tier''s where the price has none'
);
select is(
  (select count(*)::int from public.usage_summary()), 5, 'one row per metric'
);
select results_eq(
  format($$select used from public.usage_summary(%L::date) where metric_type = 'data_exports'$$,
    (select (current_period_end - interval '1 day')::date from public.subscriptions
     where organization_id = tests.get_org_id('acme'))),
  $$values (5::numeric)$$,
  'a past period by its date'
);
select tests.clear_authentication();
select tests.authenticate_as('acme_compliance');
select is((select count(*)::int from public.usage_summary()), 5, 'a compliance officer reads the summary');
select tests.clear_authentication();
select tests.authenticate_as('acme_learner');
select throws_ok($$select * from public.usage_summary()$$, '42501',
  'only an org admin or compliance officer may read the organization''s usage', 'a learner does not');
select tests.clear_authentication();
select tests.authenticate_as('globex_admin');
select results_eq(
  $$select used from public.usage_summary() where metric_type = 'ai_coach_sessions'$$,
  $$values (3::numeric)$$, 'another organization''s admin reads their own usage only'
);
select tests.clear_authentication();

-- Limits follow the subscription: not entitled -> the free tier's limits ---------------------------------------

update public.subscriptions set status = 'canceled'
where organization_id = tests.get_org_id('globex');
select tests.authenticate_as('globex_learner');
select results_eq(
  $$select (r ->> 'allowed')::boolean, (r ->> 'limit')::numeric from public.consume_usage('ai_coach_sessions', 3, 'k9')
    as r$$,
  $$values (false, 5::numeric)$$,
  'a canceled subscription meters against the free tier''s limit (5: 3 used, 3 more do not fit)'
);
select tests.clear_authentication();

-- The billing period with a fixed clock ------------------------------------------------------------------------

select results_eq(
  $$select * from private.billing_period('2026-01-15 00:00Z', '2026-02-15 00:00Z', 'month', '2026-04-20 12:00Z')$$,
  $$values ('2026-04-15 00:00Z'::timestamptz, '2026-05-15 00:00Z'::timestamptz)$$,
  'two renewals missed: stepped forward by months'
);
select results_eq(
  $$select * from private.billing_period('2026-01-15 00:00Z', '2026-02-15 00:00Z', 'month', '2026-02-15 00:00Z')$$,
  $$values ('2026-02-15 00:00Z'::timestamptz, '2026-03-15 00:00Z'::timestamptz)$$,
  'the end instant belongs to the next period'
);
select results_eq(
  $$select * from private.billing_period('2026-01-15 00:00Z', '2027-01-15 00:00Z', 'year', '2025-06-01 00:00Z')$$,
  $$values ('2025-01-15 00:00Z'::timestamptz, '2026-01-15 00:00Z'::timestamptz)$$,
  'a past time steps back a year'
);
select results_eq(
  $$select * from private.billing_period('2026-01-15 00:00Z', '2026-02-15 00:00Z', 'month', '2026-01-31 00:00Z')$$,
  $$values ('2026-01-15 00:00Z'::timestamptz, '2026-02-15 00:00Z'::timestamptz)$$,
  'not the calendar month: Jan 31 is in the period from Jan 15'
);

select * from finish();
rollback;
