/*
  Finding 4 (issue 6): submit_quiz is no answer oracle. Every question must
  be answered with one of its options (22023 naming the question), attempts
  are limited per learner per lesson (lessons.quiz_attempts_per_day, default
  5, per rolling 24 hours; 42501 with the time of the next allowed attempt),
  and the result is the score and the pass flag only.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(20);

do $$
begin
  perform tests.create_org('t168-acme');
  perform tests.create_user('t168-lena', 'learner', 't168-acme');
  perform tests.create_user('t168-leo', 'learner', 't168-acme');
  insert into public.courses (id, slug, title_en, category, level, duration_minutes, is_published)
  values (md5('t168:course')::uuid, 't168-course', 'Course 168', 'Foundations', 'Introductory', 60, true);
  insert into public.lessons (id, course_id, order_index, lesson_type, title_en, quiz_questions)
  values (md5('t168:quiz')::uuid, md5('t168:course')::uuid, 1, 'quiz', 'Quiz',
          '[{"question": "Q1?", "options": ["a", "b"], "correct_answer": 1},
            {"question": "Q2?", "options": ["c", "d", "e"], "correct_answer": 2}]');
  insert into public.lessons (id, course_id, order_index, lesson_type, title_en, quiz_questions, quiz_attempts_per_day)
  values (md5('t168:strict')::uuid, md5('t168:course')::uuid, 2, 'quiz', 'Strict quiz',
          '[{"question": "Q?", "options": ["x", "y"], "correct_answer": 0}]', 2);
end
$$;

-- Acting as lena (learner)
select tests.authenticate_as('t168-lena');
select lives_ok($$select public.start_course(md5('t168:course')::uuid)$$, 'lena starts the course');
select throws_ok(
  $$select * from public.submit_quiz(md5('t168:quiz')::uuid, '[1, null]')$$,
  '22023', 'question 2 is not answered',
  'a null answer is refused, naming the question (no blank to isolate a question)'
);
select throws_ok(
  $$select * from public.submit_quiz(md5('t168:quiz')::uuid, '[null, 2]')$$,
  '22023', 'question 1 is not answered',
  'a null first answer is refused, naming question 1'
);
select throws_ok(
  $$select * from public.submit_quiz(md5('t168:quiz')::uuid, '[1]')$$,
  '22023', 'question 2 is not answered',
  'a missing answer is refused, naming the question'
);
select throws_ok(
  $$select * from public.submit_quiz(md5('t168:quiz')::uuid, '[1, 3]')$$,
  '22023', 'the answer to question 2 is not one of its options',
  'an index past the options is refused (no impossible answer to isolate a question)'
);
select throws_ok(
  $$select * from public.submit_quiz(md5('t168:quiz')::uuid, '[1, "zzz"]')$$,
  '22023', 'the answer to question 2 is not one of its options',
  'a text that is no option is refused'
);
select tests.clear_authentication();
select is(
  (select count(*)::integer from private.quiz_attempts
   where user_id = tests.get_user_id('t168-lena')),
  0,
  'refused submissions cost no attempt'
);
select tests.authenticate_as('t168-lena');
select results_eq(
  $$select score, passed from public.submit_quiz(md5('t168:quiz')::uuid, '[1, "e"]')$$,
  $$values (100.00::numeric, true)$$,
  'answers by index or by option text score'
);
select results_eq(
  $$select array_agg(k order by k)
    from jsonb_object_keys((select to_jsonb(r) from public.submit_quiz(md5('t168:quiz')::uuid, '[0, 0]') as r)) as k$$,
  $$values (array['passed', 'score'])$$,
  'the result is the score and the pass flag only'
);
select lives_ok($$select * from public.submit_quiz(md5('t168:quiz')::uuid, '[0, 1]')$$, 'third attempt');
select lives_ok($$select * from public.submit_quiz(md5('t168:quiz')::uuid, '[1, 1]')$$, 'fourth attempt');
select lives_ok($$select * from public.submit_quiz(md5('t168:quiz')::uuid, '[0, 2]')$$, 'fifth attempt');
select throws_ok(
  $$select * from public.submit_quiz(md5('t168:quiz')::uuid, '[1, 2]')$$,
  '42501',
  format(
    'quiz attempt limit reached (5 per 24 hours): next attempt allowed at %s',
    to_char((now() + interval '24 hours') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
  ),
  'a sixth attempt within 24 hours is refused with the time of the next allowed attempt'
);
select results_eq(
  $$select quiz_attempts from public.progress where lesson_id = md5('t168:quiz')::uuid$$,
  array[5],
  'the refused attempt is not recorded'
);
select lives_ok($$select * from public.submit_quiz(md5('t168:strict')::uuid, '[1]')$$, 'first of two attempts');
select lives_ok($$select * from public.submit_quiz(md5('t168:strict')::uuid, '["y"]')$$, 'second of two attempts');
select throws_ok(
  $$select * from public.submit_quiz(md5('t168:strict')::uuid, '[0]')$$,
  '42501', null,
  'a lesson''s own quiz_attempts_per_day (2) is the limit'
);
select tests.clear_authentication();

-- A day later (attempts moved back 25 hours): the window has rolled
update private.quiz_attempts set attempted_at = attempted_at - interval '25 hours'
where user_id = tests.get_user_id('t168-lena') and lesson_id = md5('t168:strict')::uuid;
select tests.authenticate_as('t168-lena');
select results_eq(
  $$select passed from public.submit_quiz(md5('t168:strict')::uuid, '[0]')$$,
  array[true],
  'attempts older than 24 hours no longer count'
);

-- Acting as leo: lena's attempts are not his
select tests.authenticate_as('t168-leo');
select lives_ok($$select public.start_course(md5('t168:course')::uuid)$$, 'leo starts the course');
select results_eq(
  $$select passed from public.submit_quiz(md5('t168:quiz')::uuid, '[1, 2]')$$,
  array[true],
  'another learner has his own attempts'
);
select tests.clear_authentication();

select * from finish();
rollback;
