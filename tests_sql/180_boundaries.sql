/*
  Boundary cases a mutation of the code survived before this file: each test
  sits exactly on an edge, so that moving the edge (>= to >, < to <=, a check
  dropped) fails it.
  - submit_quiz: a score exactly at the pass mark passes; one just under
    (66.67 for a mark of 67) does not; a quiz of a course never started is
    refused (P0002) and writes nothing. Every question is answered, and no
    lesson is attempted more than once.
  - seats: the last seat can be taken, the one after cannot; seats_used is
    right immediately after a revoke, and the freed seat can be taken again.
  - the audit guard (migrations/012_audit.sql), with the purge's marker set
    and as the owner, so that only the check under test stands in the way:
    a row whose retention ends now, or later, is not deleted; one a
    microsecond past it is. A user or organization link is not cleared or
    re-pointed while the profile or organization still exists.
  The two concurrent assign_seat calls on the last seat need two connections:
  tests/test_concurrent_seats.py.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(26);

-- Arrange (as the superuser) ---------------------------------------------------------

do $$
begin
  perform tests.create_org('acme');
  perform tests.create_org('globex');
  perform tests.create_user('orgadmin', 'org_admin', 'acme');
  perform tests.create_user('lena', 'learner', 'acme');
  perform tests.create_user('liam', 'learner', 'acme');
  perform tests.create_user('lucy', 'learner', 'acme');
  perform tests.create_user('glen', 'learner', 'globex');
end
$$;

-- A started course with four quizzes whose pass marks sit on the score they will get,
-- and a course lena never starts.
do $$
begin
  insert into public.courses (id, title_en, slug, category, level, duration_minutes, is_published, tier_required)
  values
    (
      tests.id('course:quizzes'), 'Quizzes', tests.name('t180-quizzes'),
      'Foundations', 'Introductory', 30, true, 'free'
    ),
    (
      tests.id('course:unstarted'), 'Never started', tests.name('t180-unstarted'),
      'Foundations', 'Introductory', 30, true, 'free'
    );
  insert into public.lessons (id, course_id, title_en, lesson_type, order_index, quiz_questions, pass_threshold)
  select
    tests.id('lesson:' || q.name), tests.id('course:' || q.course), 'Quiz ' || q.name, 'quiz', q.n,
    (
      select jsonb_agg(jsonb_build_object('question', 'Q' || i, 'options', '["right", "wrong"]'::jsonb,
        'correct_answer', 0))
      from generate_series(1, q.questions) as i
    ),
    q.threshold
  from (
    values
    ('q50', 'quizzes', 1, 2, 50),
    ('q75', 'quizzes', 2, 4, 75),
    ('q76', 'quizzes', 3, 4, 76),
    ('q67', 'quizzes', 4, 3, 67),
    ('unstarted', 'unstarted', 1, 2, 50)
  ) as q (name, course, n, questions, threshold);
end
$$;

-- submit_quiz: the pass mark -------------------------------------------------------------

select tests.authenticate_as('lena');
select lives_ok($$select public.start_course(tests.id('course:quizzes'))$$, 'lena starts the quiz course');
select results_eq(
  $$select score, passed from public.submit_quiz(tests.id('lesson:q50'), '[0, 1]')$$,
  $$values (50.00::numeric, true)$$,
  'one of two right, with a pass mark of 50: exactly at the mark passes'
);
select results_eq(
  $$select score, passed from public.submit_quiz(tests.id('lesson:q75'), '[0, 0, 0, 1]')$$,
  $$values (75.00::numeric, true)$$,
  'three of four right, with a pass mark of 75: exactly at the mark passes'
);
select results_eq(
  $$select score, passed from public.submit_quiz(tests.id('lesson:q76'), '[0, 0, 0, 1]')$$,
  $$values (75.00::numeric, false)$$,
  'three of four right, with a pass mark of 76: one point under the mark fails'
);
select results_eq(
  $$select score, passed from public.submit_quiz(tests.id('lesson:q67'), '[0, 0, 1]')$$,
  $$values (66.67::numeric, false)$$,
  'two of three right (66.67), with a pass mark of 67: under the mark by a rounding fails'
);
select tests.clear_authentication();
select results_eq(
  $$select quiz_passed, completion_percentage, completed_at is not null from public.progress
    where user_id = tests.get_user_id('lena') and lesson_id = tests.id('lesson:q50')$$,
  $$values (true, 100::numeric, true)$$,
  'the quiz passed at the mark is recorded as passed and completed'
);
select results_eq(
  $$select quiz_passed, completion_percentage, completed_at is not null from public.progress
    where user_id = tests.get_user_id('lena') and lesson_id = tests.id('lesson:q76')$$,
  $$values (false, 0::numeric, false)$$,
  'the quiz failed under the mark is recorded as failed and not completed'
);

-- submit_quiz: a course never started ------------------------------------------------------

select tests.authenticate_as('lena');
select throws_ok(
  $$select * from public.submit_quiz(tests.id('lesson:unstarted'), '[0, 0]')$$,
  'P0002', null,
  'a quiz of a course lena never started is refused with P0002 (course not started)'
);
select tests.clear_authentication();
select is_empty(
  $$select 1 from public.progress
    where user_id = tests.get_user_id('lena') and course_id = tests.id('course:unstarted')$$,
  'and it wrote nothing: no progress row for that course, neither the course''s nor the lesson''s'
);

-- Seats: the last one, and seats_used after a revoke ---------------------------------------

-- acme's subscription allows 2 seats; it has 3 seat rows, all available.
do $$
begin
  insert into public.subscriptions (
    id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
    plan_tier, plan_name, billing_interval, seat_count, amount_cents, status,
    current_period_start, current_period_end
  ) values (
    tests.id('sub:acme'), tests.get_org_id('acme'), tests.name('sub_t180'), tests.name('cus_t180'), 'price_pro',
    'professional', 'Professional - Annual', 'year', 2, 199900, 'active',
    now(), now() + interval '1 year'
  );
  insert into public.subscription_seats (id, subscription_id, organization_id, status)
  select tests.id('seat:' || s), tests.id('sub:acme'), tests.get_org_id('acme'), 'available'
  from unnest(array['s1', 's2', 's3']) as s;
end
$$;

create function pg_temp.seats_used() returns integer
language sql
as $$
  select seats_used from public.subscriptions where id = tests.id('sub:acme')
$$;

select tests.authenticate_as('orgadmin');
select lives_ok(
  $$select public.assign_seat(tests.id('seat:s1'), tests.get_user_id('lena'))$$,
  'the org admin assigns the first of two seats'
);
select lives_ok(
  $$select public.assign_seat(tests.id('seat:s2'), tests.get_user_id('liam'))$$,
  'and the second, the last one: seats_used may reach seat_count'
);
select tests.clear_authentication();
select is(pg_temp.seats_used(), 2, 'seats_used is 2 of 2');

select tests.authenticate_as('orgadmin');
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s3'), tests.get_user_id('lucy'))$$,
  '23505', 'all 2 seats of the subscription are in use',
  'a third seat row cannot be assigned past seat_count: 23505'
);
select lives_ok($$select public.revoke_seat(tests.id('seat:s1'))$$, 'the org admin revokes lena''s seat');
select tests.clear_authentication();

select is(pg_temp.seats_used(), 1, 'right after the revoke, seats_used is 1');
select results_eq(
  $$select ss.status, ss.assigned_to_user_id, p.seat_id
    from public.subscription_seats as ss, public.profiles as p
    where ss.id = tests.id('seat:s1') and p.id = tests.get_user_id('lena')$$,
  $$values ('available'::text, null::uuid, null::uuid)$$,
  'the revoked seat is available, and lena holds no seat'
);

select tests.authenticate_as('orgadmin');
select lives_ok(
  $$select public.assign_seat(tests.id('seat:s3'), tests.get_user_id('lucy'))$$,
  'the freed place is taken with another seat row'
);
select tests.clear_authentication();
select is(pg_temp.seats_used(), 2, 'seats_used is 2 of 2 again');

-- The audit guard: retention and existing links, checked one at a time -------------------

select is(
  current_user::text,
  (
    select pg_catalog.pg_get_userbyid(f.proowner)::text from pg_catalog.pg_proc as f
    where f.oid = 'private.purge_expired_audit_logs()'::regprocedure
  ),
  'these run as the owner of the purge (so the owner check is not what refuses below)'
);

do $$
begin
  insert into public.audit_logs (id, user_id, action, resource_type, organization_id, retention_until)
  values
    (tests.id('audit:later'), null, 'login', 'profiles', null, now() + interval '1 day'),
    (tests.id('audit:now'), null, 'login', 'profiles', null, now()),
    (tests.id('audit:past'), null, 'login', 'profiles', null, now() - interval '1 microsecond'),
    (tests.id('audit:linked'), tests.get_user_id('lena'), 'login', 'profiles', tests.get_org_id('acme'), now());
  perform set_config('abr.audit_purge', 'on', true);
end
$$;

select throws_ok(
  $$delete from public.audit_logs where id = tests.id('audit:later')$$,
  '42501', 'audit_logs is append-only',
  'with the purge''s marker, as its owner: a row kept until tomorrow is not deleted'
);
select throws_ok(
  $$delete from public.audit_logs where id = tests.id('audit:now')$$,
  '42501', 'audit_logs is append-only',
  'nor a row whose retention ends exactly now (only rows past it are expired)'
);
select results_eq(
  $$delete from public.audit_logs where id = tests.id('audit:past') returning 1$$,
  $$values (1)$$,
  'a row one microsecond past its retention is deleted'
);
do $$ begin perform set_config('abr.audit_purge', 'off', true); end $$;

select throws_ok(
  $$update public.audit_logs set user_id = null where id = tests.id('audit:linked')$$,
  '42501', 'audit_logs is append-only',
  'the owner cannot clear the user link while the profile still exists'
);
select throws_ok(
  $$update public.audit_logs set user_id = tests.get_user_id('liam') where id = tests.id('audit:linked')$$,
  '42501', 'audit_logs is append-only',
  'nor point the row at another existing profile'
);
select throws_ok(
  $$update public.audit_logs set organization_id = tests.get_org_id('globex') where id = tests.id('audit:linked')$$,
  '42501', 'audit_logs is append-only',
  'nor point the row at another existing organization'
);
select results_eq(
  $$select user_id, organization_id from public.audit_logs where id = tests.id('audit:linked')$$,
  $$values (tests.get_user_id('lena'), tests.get_org_id('acme'))$$,
  'the linked row is unchanged'
);

select * from finish();
rollback;
