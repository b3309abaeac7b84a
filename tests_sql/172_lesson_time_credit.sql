/*
  Finding 8 (issue 6): record_lesson_progress credits time, it does not
  trust it. Per call at most the wall time since the learner's previous
  call on that lesson plus 60 seconds of slack (the first call: at most the
  slack), and in total at most the wall time since the first call plus the
  slack once; totals saturate at the integer maximum instead of raising
  22003. (Inside one test transaction now() stands still: the wall time
  between calls is 0 unless the rows are moved back in time.)
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(10);

do $$
begin
  perform tests.create_org('t172-acme');
  perform tests.create_user('t172-lena', 'learner', 't172-acme');
  insert into public.courses (id, slug, title_en, category, level, duration_minutes, is_published)
  values (md5('t172:course')::uuid, 't172-course', 'Course 172', 'Foundations', 'Introductory', 60, true);
  insert into public.lessons (id, course_id, order_index, lesson_type, title_en, min_time_seconds)
  values (md5('t172:read')::uuid, md5('t172:course')::uuid, 1, 'reading', 'Read', 600),
         (md5('t172:long')::uuid, md5('t172:course')::uuid, 2, 'reading', 'Long', null);
end
$$;

create function pg_temp.lesson_time(p_lesson uuid) returns integer
language sql
as $$
  select time_spent_seconds from public.progress
  where user_id = tests.get_user_id('t172-lena') and lesson_id = p_lesson
$$;

-- Acting as lena (learner)
select tests.authenticate_as('t172-lena');
select lives_ok($$select public.start_course(md5('t172:course')::uuid)$$, 'lena starts the course');
select lives_ok(
  $$select public.record_lesson_progress(md5('t172:read')::uuid, 86400, false)$$,
  'lena reports a day spent on a lesson she just opened'
);
select tests.clear_authentication();
select is(pg_temp.lesson_time(md5('t172:read')::uuid), 60, 'the first call credits at most the slack (60 s)');

select tests.authenticate_as('t172-lena');
select lives_ok(
  $$select public.record_lesson_progress(md5('t172:read')::uuid, 86400, false)$$,
  'she reports another day at once'
);
select throws_ok(
  $$select public.record_lesson_progress(md5('t172:read')::uuid, 86400, true)$$,
  '22023', 'this lesson needs at least 600 seconds before it is completed',
  'claimed time does not satisfy min_time_seconds right after a refused completion'
);
select tests.clear_authentication();
select is(pg_temp.lesson_time(md5('t172:read')::uuid), 60, 'an immediate second call credits nothing more');

-- Five minutes later (her rows moved back 300 s)
update public.progress set last_accessed = last_accessed - interval '300 seconds',
                           started_at = started_at - interval '300 seconds'
where user_id = tests.get_user_id('t172-lena') and lesson_id = md5('t172:read')::uuid;
select tests.authenticate_as('t172-lena');
select lives_ok(
  $$select public.record_lesson_progress(md5('t172:read')::uuid, 86400, false)$$,
  'after five minutes she reports a day again'
);
select tests.clear_authentication();
select is(pg_temp.lesson_time(md5('t172:read')::uuid), 360, 'five minutes of wall time are credited, not a day');

-- A total near the integer maximum saturates instead of overflowing
select tests.authenticate_as('t172-lena');
select lives_ok(
  $$select public.record_lesson_progress(md5('t172:long')::uuid, 0, false)$$,
  'she opens another lesson'
);
select tests.clear_authentication();
update public.progress
set time_spent_seconds = 2147483000,
    started_at = now() - interval '100 years',
    last_accessed = now() - interval '1 hour'
where user_id = tests.get_user_id('t172-lena') and lesson_id = md5('t172:long')::uuid;
select tests.authenticate_as('t172-lena');
select results_eq(
  $$select time_spent_seconds from public.record_lesson_progress(md5('t172:long')::uuid, 3600, false)$$,
  array[2147483647],
  'the lesson and course totals saturate at 2147483647: no 22003 reaches the client'
);
select tests.clear_authentication();

select * from finish();
rollback;
