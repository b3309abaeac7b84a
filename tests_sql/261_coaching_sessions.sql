/*
  record_coaching_session (service_role) and rate_coaching_session (the owner):
  a session recorded after the model answered, idempotent on the request key,
  taking one unit of the holder's ai_coach_sessions allowance, refused past it;
  recommended courses validated; bad input writes nothing; who may call which.
  The allowance:
  - an organization with a subscription goes through the usage metering
    (private.meter_usage): the limit of its price's plan_limits row, counted in
    the billing period (not the calendar month), the meter's idempotency key
    derived from the request key (a replay counts once);
  - the fallback (an organization without a subscription, a user without an
    organization): the tier's plan_limits row per Toronto month.
  Two concurrent requests racing for the last session: tests/test_coaching_concurrency.py.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(43);

do $$
declare
  -- The Toronto month's start; globex's billing period began 3 days before it.
  m timestamptz := date_trunc('month', now() at time zone 'America/Toronto') at time zone 'America/Toronto';
begin
  perform tests.create_org('t241-acme');
  perform tests.create_org('t241-globex');
  perform tests.create_user('t241-lina', 'learner', 't241-acme', 'professional');
  perform tests.create_user('t241-max', 'learner', 't241-acme');
  perform tests.create_user('t241-vic', 'viewer', 't241-acme');
  perform tests.create_user('t241-omar', 'learner', 't241-globex', 'enterprise');
  perform tests.create_user('t241-solo', 'learner', null, 'free');
  perform tests.create_user('t241-pro', 'learner', null, 'professional');
  -- The fallback's limits, small for this transaction (rolled back): the tiers' plan_limits rows,
  -- free 2 (hard), professional 1 (soft).
  insert into public.plan_limits (plan_tier, stripe_price_id, metric_type, period_limit, hard_limit)
  values ('free', null, 'ai_coach_sessions', 2, true), ('professional', null, 'ai_coach_sessions', 1, false)
  on conflict on constraint plan_limits_one_per_plan do update
  set period_limit = excluded.period_limit, hard_limit = excluded.hard_limit;
  -- globex: an active enterprise subscription of a price of its own allowing 3 sessions a billing period,
  -- the period from 3 days before this month to 20 days ahead; acme has none (the fallback, tier free).
  insert into public.billing_prices (stripe_price_id, plan_tier, plan_name)
  values (('price_coach_' || tests.salt()), 'enterprise', 'Coach test');
  insert into public.plan_limits (plan_tier, stripe_price_id, metric_type, period_limit, hard_limit)
  values ('enterprise', ('price_coach_' || tests.salt()), 'ai_coach_sessions', 3, true);
  insert into public.subscriptions (
    id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, plan_tier, plan_name,
    billing_interval, seat_count, amount_cents, status, current_period_start, current_period_end
  ) values (
    tests.id('sub'), tests.get_org_id('t241-globex'), tests.name('sub'), tests.name('cus'),
    ('price_coach_' || tests.salt()),
    'enterprise', 'Coach test', 'month', 5, 100, 'active', m - interval '3 days', now() + interval '20 days'
  );
  update public.organizations set subscription_id = tests.id('sub') where id = tests.get_org_id('t241-globex');
  -- One session metered last calendar month but in this billing period; five in the previous period.
  perform private.record_usage(tests.get_org_id('t241-globex'), 'ai_coach_sessions', 1, 'pre', m - interval '2 days');
  perform private.record_usage(tests.get_org_id('t241-globex'), 'ai_coach_sessions', 5, 'old', m - interval '40 days');
  insert into public.courses (id, title_en, slug, category, level, duration_minutes, is_published, tier_required)
  values
    (tests.id('free'), 'T241 free', tests.name('t241-free'), 'Foundations', 'Introductory', 10, true, 'free'),
    (tests.id('pro'), 'T241 pro', tests.name('t241-pro'), 'Workplace', 'Intermediate', 10, true, 'professional'),
    (tests.id('draft'), 'T241 draft', tests.name('t241-draft'), 'Legal', 'Advanced', 10, false, 'free');
end
$$;

create function pg_temp.sessions(p_handle text) returns integer
language sql
as $$
  select count(*)::integer from public.ai_coaching_sessions where user_id = tests.get_user_id(p_handle)
$$;

-- The fallback's counter (per Toronto month).
create function pg_temp.used(p_holder uuid) returns integer
language sql
as $$
  select coalesce(sum(sessions), 0)::integer from private.coaching_session_usage where holder_id = p_holder
$$;

-- The meter's counter of globex's current billing period.
create function pg_temp.metered() returns numeric
language sql
as $$
  select coalesce(sum(quantity), 0) from private.usage_counters
  where organization_id = tests.get_org_id('t241-globex') and metric_type = 'ai_coach_sessions'
    and period_start <= now() and period_end > now()
$$;

-- The server records ---------------------------------------------------------------------------
select tests.authenticate_as_service_role();
select results_eq(
  $$select user_id, session_type, ai_response, recommended_courses
    from public.record_coaching_session(
      tests.name('k1'), tests.get_user_id('t241-lina'), 'motivation', 'Keep going: 20 minutes tomorrow.',
      p_user_query => 'How do I keep going?', p_recommended_courses => array[tests.id('free'), tests.id('pro')]
    )$$,
  $$values (tests.get_user_id('t241-lina'), 'motivation', 'Keep going: 20 minutes tomorrow.',
    array[tests.id('free'), tests.id('pro')])$$,
  'the server records a session with its recommended courses'
);
select tests.clear_authentication();
select is(pg_temp.used(tests.get_org_id('t241-acme')), 1, 'it took one session of acme''s allowance');
select results_eq(
  $$select coaching_sessions from public.user_achievements where user_id = tests.get_user_id('t241-lina')$$,
  array[1], 'the learning loop counts it'
);

select tests.authenticate_as_service_role();
select results_eq(
  $$select s.id = (select id from public.ai_coaching_sessions where user_id = tests.get_user_id('t241-lina'))
    from public.record_coaching_session(
      tests.name('k1'), tests.get_user_id('t241-lina'), 'motivation', 'Again?'
    ) as s$$,
  array[true],
  'a retry with the same request key returns the recorded session'
);
select tests.clear_authentication();
select is(pg_temp.sessions('t241-lina'), 1, 'the retry recorded nothing more');
select is(pg_temp.used(tests.get_org_id('t241-acme')), 1, 'the retry took nothing of the allowance');

select tests.authenticate_as_service_role();
select throws_ok(
  $$select public.record_coaching_session(tests.name('k1'), tests.get_user_id('t241-max'), 'custom', 'x')$$,
  '23505', 'p_request_key was already used for another learner', 'a key reused for another learner is refused'
);

-- The fallback: acme has no subscription: its tier (free) allows 2 a Toronto month, shared by its members --
select lives_ok(
  $$select public.record_coaching_session(tests.name('k2'), tests.get_user_id('t241-max'), 'custom', 'Second.')$$,
  'a second member takes the second session of the organization''s allowance'
);
select results_eq(
  $$select public.coaching_allowance_for_user(tests.get_user_id('t241-lina'))$$,
  $$select jsonb_build_object('holder', 'organization', 'counted', 'month', 'tier', 'free',
    'period_start', date_trunc('month', now() at time zone 'America/Toronto') at time zone 'America/Toronto',
    'period_end', (date_trunc('month', now() at time zone 'America/Toronto') + interval '1 month')
      at time zone 'America/Toronto',
    'limit', 2, 'hard_limit', true, 'used', 2, 'remaining', 0, 'allowed', false)$$,
  'the server sees the organization''s allowance used up before calling the model (the Toronto month)'
);
select results_eq(
  $$select public.coaching_allowance_for_user(tests.get_user_id('t241-solo')) - 'period_start' - 'period_end'$$,
  $$values ('{"holder": "user", "counted": "month", "tier": "free", "limit": 2, "hard_limit": true, "used": 0,
    "remaining": 2, "allowed": true}'::jsonb)$$,
  'a user without an organization holds an allowance of their own'
);
select throws_ok(
  $$select public.record_coaching_session(tests.name('k3'), tests.get_user_id('t241-lina'), 'custom', 'Third.')$$,
  '42501', 'the monthly AI coaching allowance is used up (2 sessions on the free plan)',
  'past the limit: refused with a message the server can show'
);
select tests.clear_authentication();
select is(pg_temp.sessions('t241-lina') + pg_temp.sessions('t241-max'), 2, 'the refused session was not recorded');
select is(pg_temp.used(tests.get_org_id('t241-acme')), 2, 'the allowance stops at its limit');
select is(
  (
    select count(*)::int from private.coaching_requests
    where request_key = tests.name('k3')
  ), 0,
  'the refused request''s key is free again'
);
select is(
  private.consume_coaching_session(tests.get_user_id('t241-lina'), tests.name('k4'), now() + interval '1 month'),
  1::numeric,
  'next month the allowance starts again'
);

-- Metered: globex's subscription, through the usage metering ---------------------------------------
select tests.authenticate_as_service_role();
select results_eq(
  $$select public.coaching_allowance_for_user(tests.get_user_id('t241-omar'))$$,
  $$select jsonb_build_object('holder', 'organization', 'counted', 'billing_period', 'tier', 'enterprise',
    'period_start', s.current_period_start, 'period_end', s.current_period_end,
    'limit', 3, 'hard_limit', true, 'used', 1, 'remaining', 2, 'allowed', true)
    from public.subscriptions as s where s.id = tests.id('sub')$$,
  'the allowance of a subscribed organization: its price''s limit in the billing period, which counts a use of '
  'last calendar month and none of the previous period'
);
select lives_ok(
  $$select public.record_coaching_session(tests.name('g1'), tests.get_user_id('t241-omar'), 'custom', 'ok')$$,
  'globex records a session'
);
select tests.clear_authentication();
select is(pg_temp.metered(), 2::numeric, 'the meter counted it in the billing period');
select is(pg_temp.used(tests.get_org_id('t241-globex')), 0, 'and the monthly fallback counted nothing');
select tests.authenticate_as_service_role();
select lives_ok(
  $$select public.record_coaching_session(tests.name('g1'), tests.get_user_id('t241-omar'), 'custom', 'again')$$,
  'the same request again'
);
select tests.clear_authentication();
select is(pg_temp.metered(), 2::numeric, 'a replayed request key counts once');
-- Without the coaching ledger's row (the session deleted, say), the meter's own key still knows the request.
delete from private.coaching_requests
where request_key = tests.name('g1');
select tests.authenticate_as_service_role();
select lives_ok(
  $$select public.record_coaching_session(tests.name('g1'), tests.get_user_id('t241-omar'), 'custom', 'again')$$,
  'the same request after its ledger row is gone'
);
select tests.clear_authentication();
select is(pg_temp.metered(), 2::numeric, 'the meter''s key is derived from the request key: still counted once');
select tests.authenticate_as_service_role();
select lives_ok(
  $$select public.record_coaching_session(tests.name('g2'), tests.get_user_id('t241-omar'), 'custom', 'ok')$$,
  'globex takes the third session of its billing period (the calendar month saw only two)'
);
select throws_ok(
  $$select public.record_coaching_session(tests.name('g3'), tests.get_user_id('t241-omar'), 'custom', 'ok')$$,
  '42501', 'the AI coaching allowance of this billing period is used up (3 sessions on the enterprise plan)',
  'and is refused a fourth, naming the plan''s limit'
);
select tests.clear_authentication();
select results_eq(
  $$select pg_temp.metered(), pg_temp.sessions('t241-omar'),
    (select count(*)::int from private.coaching_requests where request_key = tests.name('g3')),
    (select count(*)::int from private.usage_requests where organization_id = tests.get_org_id('t241-globex')
      and idempotency_key = 'coaching:' || md5(tests.name('g3')))$$,
  $$values (3::numeric, 3, 0, 0)$$,
  'the refusal wrote nothing: no count, no session, neither key kept'
);

-- The fallback with a soft limit and for a user without an organization ----------------------------
select tests.authenticate_as_service_role();
select lives_ok(
  $$select public.record_coaching_session(tests.name('s1'), tests.get_user_id('t241-solo'), 'custom', 'ok')$$,
  'a user without an organization uses an allowance of their own (their tier)'
);
select lives_ok(
  $$select public.record_coaching_session(tests.name('p' || n), tests.get_user_id('t241-pro'), 'custom', 'ok')
    from generate_series(1, 2) as n$$,
  'a soft limit (professional, 1) lets a second session pass'
);
select results_eq(
  $$select public.coaching_allowance_for_user(tests.get_user_id('t241-pro')) - 'period_start' - 'period_end'$$,
  $$values ('{"holder": "user", "counted": "month", "tier": "professional", "limit": 1, "hard_limit": false,
    "used": 2, "remaining": 0, "allowed": true}'::jsonb)$$,
  'and reports it over'
);

-- Validation: bad input writes nothing ---------------------------------------------------------
select throws_ok(
  $$select public.record_coaching_session(tests.name('v1'), tests.get_user_id('t241-solo'), 'custom', 'ok',
    p_recommended_courses => array[tests.id('draft')])$$,
  '22023', format('p_recommended_courses: %s is not a published course this learner may take', tests.id('draft')),
  'an unpublished recommended course is refused'
);
select throws_ok(
  $$select public.record_coaching_session(tests.name('v2'), tests.get_user_id('t241-solo'), 'custom', 'ok',
    p_recommended_courses => array[tests.id('pro')])$$,
  '22023', format('p_recommended_courses: %s is not a published course this learner may take', tests.id('pro')),
  'a course above the learner''s tier is refused'
);
select throws_ok(
  $$select public.record_coaching_session(tests.name('v3'), tests.get_user_id('t241-solo'), 'chat', 'ok')$$,
  '22023', 'p_session_type must be comprehensive, at_risk, learning_path, motivation or custom',
  'an unknown session type'
);
select throws_ok(
  $$select public.record_coaching_session(null, tests.get_user_id('t241-solo'), 'custom', 'ok')$$,
  '22023', 'p_request_key is required (1 to 200 characters)', 'a missing request key'
);
select throws_ok(
  $$select public.record_coaching_session(tests.name('v4'), tests.id('nobody'), 'custom', 'ok')$$,
  'P0002', 'user not found', 'an unknown learner'
);
select tests.clear_authentication();
select is(pg_temp.sessions('t241-solo'), 1, 'the refused calls recorded nothing');

-- Clients do not record through the RPC ----------------------------------------------------------
select tests.authenticate_as('t241-lina');
select throws_ok(
  $$select public.record_coaching_session(tests.name('c1'), tests.get_user_id('t241-lina'), 'custom', 'ok')$$,
  '42501', null, 'a learner cannot call record_coaching_session'
);
select throws_ok(
  $$select public.coaching_allowance_for_user(tests.get_user_id('t241-lina'))$$,
  '42501', null, 'nor read an allowance'
);

-- rate_coaching_session: the owner -----------------------------------------------------------------
select results_eq(
  $$select user_rating, was_helpful, user_feedback from public.rate_coaching_session(
      (select id from public.ai_coaching_sessions where user_id = tests.get_user_id('t241-lina')), 4, true, 'Useful')$$,
  $$values (4, true, 'Useful')$$,
  'the owner rates her session'
);
select results_eq(
  $$select user_rating, was_helpful, user_feedback from public.rate_coaching_session(
      (select id from public.ai_coaching_sessions where user_id = tests.get_user_id('t241-lina')), p_rating => 5)$$,
  $$values (5, true, 'Useful')$$,
  'an omitted field keeps its value'
);
select throws_ok(
  $$select public.rate_coaching_session(
      (select id from public.ai_coaching_sessions where user_id = tests.get_user_id('t241-lina')), 6)$$,
  '22023', 'p_rating must be between 1 and 5', 'a rating out of range'
);
select tests.clear_authentication();
create temporary table t241_lina_session as
select id from public.ai_coaching_sessions
where user_id = tests.get_user_id('t241-lina');
grant select on t241_lina_session to authenticated;
select tests.authenticate_as('t241-max');
select throws_ok(
  $$select public.rate_coaching_session((select id from t241_lina_session), 1)$$,
  'P0002', 'coaching session not found', 'another member cannot rate her session: not found'
);
select tests.clear_authentication();
insert into public.ai_coaching_sessions (id, user_id, session_type, ai_response)
values (tests.id('vic-session'), tests.get_user_id('t241-vic'), 'custom', 'hello');
select tests.authenticate_as('t241-vic');
select throws_ok(
  $$select public.rate_coaching_session(tests.id('vic-session'), 3)$$,
  '42501', 'viewer and guest accounts are read-only and do not rate sessions', 'a viewer does not rate'
);
select tests.authenticate_as_anon();
select throws_ok(
  $$select public.rate_coaching_session(tests.id('vic-session'), 3)$$, '42501', null, 'anon: no execute grant'
);

select tests.clear_authentication();
select * from finish();
rollback;
