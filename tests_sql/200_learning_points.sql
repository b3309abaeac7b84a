/*
  The learning loop through the learning RPCs: points exactly once (retries,
  a second pass, a second completion), the course's points, a certificate
  once with a notification, level, weekly/monthly sums, counters equal to
  count(*), the ledger append-only and unreadable by clients, and writes by
  server code (service_role) feeding the same loop.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(32);

do $$
begin
  perform tests.create_org('t200-acme');
  perform tests.create_user('t200-lina', 'learner', 't200-acme', 'professional');
  perform tests.create_user('t200-vera', 'viewer', 't200-acme');
  perform tests.create_user('t200-sol', 'learner', 't200-acme');
  insert into public.courses (
    id, title_en, title_fr, slug, category, level, duration_minutes, is_published, points_value
  )
  values (
    md5('t200:course')::uuid, 'T200 course', 'Cours T200', 't200-course', 'Foundations', 'Introductory', 30, true, 100
  );
  insert into public.lessons (id, course_id, title_en, lesson_type, order_index, quiz_questions, pass_threshold)
  values
    (md5('t200:read')::uuid, md5('t200:course')::uuid, 'Read', 'reading', 1, null, 70),
    (md5('t200:quiz')::uuid, md5('t200:course')::uuid, 'Quiz', 'quiz', 2,
      '[{"question": "Q1?", "options": ["a", "b"], "correct_answer": 1},
        {"question": "Q2?", "options": ["c", "d"], "correct_answer": 0}]', 50);
end
$$;

create temporary view t200_me as
select ua.* from public.user_achievements as ua
where ua.user_id = tests.get_user_id('t200-lina');
grant select on t200_me to authenticated;

-- Acting as lina (learner): a lesson, then the same call again ----------------------------

select tests.authenticate_as('t200-lina');
select lives_ok($$select public.start_course(md5('t200:course')::uuid)$$, 'lina starts the course');
select lives_ok(
  $$select public.record_lesson_progress(md5('t200:read')::uuid, 30, true)$$, 'lina completes the reading lesson'
);
select lives_ok(
  $$select public.record_lesson_progress(md5('t200:read')::uuid, 30, true)$$,
  'the client retries the completion'
);
select results_eq(
  $$select total_points, lessons_completed from public.user_achievements$$,
  $$values (10, 1)$$,
  'a completed lesson gives 10 points once, however often it is reported'
);
select throws_ok(
  $$select * from private.points_ledger$$, '42501', null, 'a learner cannot read the points ledger: no grant'
);

-- The quiz: a failed attempt, a pass, a second pass -------------------------------------

select results_eq(
  $$select passed from public.submit_quiz(md5('t200:quiz')::uuid, '[0, 1]')$$, array[false],
  'a failed attempt'
);
select results_eq(
  $$select total_points from public.user_achievements$$, array[10], 'a failed quiz gives nothing'
);
select results_eq(
  $$select passed from public.submit_quiz(md5('t200:quiz')::uuid, '[1, 0]')$$, array[true],
  'the quiz is passed'
);
select results_eq(
  $$select total_points, lessons_completed, quizzes_passed, courses_completed, certificates_earned
    from public.user_achievements$$,
  $$values (140, 2, 1, 1, 1)$$,
  'passing the last lesson''s quiz: 20 (pass) + 10 (lesson) + 100 (course) points, every counter moves'
);
select results_eq(
  $$select passed from public.submit_quiz(md5('t200:quiz')::uuid, '[1, 0]')$$, array[true],
  'the quiz is passed a second time'
);
select results_eq(
  $$select total_points, quizzes_passed, courses_completed from public.user_achievements$$,
  $$values (140, 1, 1)$$,
  'a second pass gives nothing: first pass only'
);

-- Level and periods ----------------------------------------------------------------------

select results_eq(
  $$select level, level_progress from public.user_achievements$$,
  $$values (2, 20.00::numeric)$$,
  '140 points: level 2 (from 100), 20% of the way to level 3 (at 300)'
);
select results_eq(
  $$select weekly_points, monthly_points, points_week, points_month from public.user_achievements$$,
  $$select 140, 140, date_trunc('week', now() at time zone 'America/Toronto')::date,
    date_trunc('month', now() at time zone 'America/Toronto')::date$$,
  'this Toronto week''s and month''s points are the ledger''s'
);
select results_eq(
  $$select current_streak_days, longest_streak_days, last_activity_date from public.user_achievements$$,
  $$select 1, 1, (now() at time zone 'America/Toronto')::date$$,
  'a first day of activity: a streak of 1'
);

-- The certificate -------------------------------------------------------------------------

select results_eq(
  $$select count(*)::int, min(status) from public.certificates where course_id = md5('t200:course')::uuid$$,
  $$values (1, 'active')$$,
  'one certificate, active'
);
select results_eq(
  $$select issued_date from public.certificates where course_id = md5('t200:course')::uuid$$,
  $$select (now() at time zone 'America/Toronto')::date$$,
  'issued on the Toronto day of completion'
);
select results_eq(
  $$select count(*)::int from public.notifications where type = 'certificate_earned'$$, array[1],
  'lina is notified once of her certificate'
);
select ok(
  (select message like '%T200 course%' from public.notifications
where type = 'certificate_earned'),
  'the notification names the course'
);
select tests.clear_authentication();

-- The ledger, as the owner ------------------------------------------------------------------

select results_eq(
  $$select kind, points from private.points_ledger
    where user_id = tests.get_user_id('t200-lina') order by points, kind$$,
  $$values ('lesson_completed', 10), ('lesson_completed', 10), ('quiz_passed', 20), ('course_completed', 100)$$,
  'the ledger holds one row per award'
);
select results_eq(
  $$select (select total_points from t200_me)
    = (select sum(points) from private.points_ledger where user_id = tests.get_user_id('t200-lina'))$$,
  array[true],
  'total_points is the ledger''s sum'
);
select results_eq(
  $$select lessons_completed, quizzes_passed, courses_completed, certificates_earned from t200_me$$,
  $$select
      (select count(*)::int from public.progress
       where user_id = tests.get_user_id('t200-lina') and lesson_id is not null and completed_at is not null),
      (select count(*)::int from public.progress
       where user_id = tests.get_user_id('t200-lina') and lesson_id is not null and quiz_passed),
      (select count(*)::int from public.progress
       where user_id = tests.get_user_id('t200-lina') and lesson_id is null and completed_at is not null),
      (select count(*)::int from public.certificates
       where user_id = tests.get_user_id('t200-lina') and status <> 'revoked')$$,
  'every counter equals the count(*) of what it counts'
);
select throws_ok(
  $$update private.points_ledger set points = 1000 where user_id = tests.get_user_id('t200-lina')$$,
  '42501', 'the points ledger is append-only',
  'even the owner cannot change a ledger entry'
);
select results_eq(
  $$select private.record_points(
    tests.get_user_id('t200-lina'), 'course_completed', md5('t200:course')::uuid, 100, now()
  )$$,
  array[0],
  'recording the same award again records nothing'
);

-- A read-only viewer records nothing ---------------------------------------------------------

select tests.authenticate_as('t200-vera');
select throws_ok(
  $$select public.start_course(md5('t200:course')::uuid)$$, '42501', null, 'a viewer cannot take a course'
);
select tests.clear_authentication();
select is_empty(
  $$select 1 from public.user_achievements where user_id = tests.get_user_id('t200-vera')$$,
  'a refused call leaves no achievements row behind'
);

-- Server code writes progress directly: the same loop ----------------------------------------

select tests.authenticate_as_service_role();
select lives_ok(
  $$insert into public.progress (user_id, course_id, lesson_id, completed_at)
    values (tests.get_user_id('t200-sol'), md5('t200:course')::uuid, md5('t200:read')::uuid, now())$$,
  'the service role records a completed lesson for sol'
);
select lives_ok(
  $$update public.progress set completed_at = now() + interval '1 minute'
    where user_id = tests.get_user_id('t200-sol') and lesson_id = md5('t200:read')::uuid$$,
  'and touches the completion again'
);
select results_eq(
  $$select total_points, lessons_completed from public.user_achievements
    where user_id = tests.get_user_id('t200-sol')$$,
  $$values (10, 1)$$,
  'sol gets 10 points, once'
);
select lives_ok(
  $$update public.progress set completed_at = null
    where user_id = tests.get_user_id('t200-sol') and lesson_id = md5('t200:read')::uuid$$,
  'the service role un-completes the lesson'
);
select results_eq(
  $$select total_points, lessons_completed from public.user_achievements
    where user_id = tests.get_user_id('t200-sol')$$,
  $$values (10, 0)$$,
  'the counter follows the rows; the points, once given, stay'
);
select lives_ok(
  $$update public.progress set completed_at = now()
    where user_id = tests.get_user_id('t200-sol') and lesson_id = md5('t200:read')::uuid$$,
  'the lesson is completed again'
);
select results_eq(
  $$select total_points, lessons_completed from public.user_achievements
    where user_id = tests.get_user_id('t200-sol')$$,
  $$values (10, 1)$$,
  'no second award for the same lesson, ever'
);
select tests.clear_authentication();

select * from finish();
rollback;
