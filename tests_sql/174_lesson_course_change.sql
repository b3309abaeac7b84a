/*
  Finding 10 (issue 6): a lesson with learners' progress does not change
  course. Its progress rows name (lesson, course); moving it used to reach
  the client as a raw 23503 of that key. Now a clear 22023, for every
  writer; a lesson nobody has taken still moves.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(6);

do $$
begin
  perform tests.create_org('t174-acme');
  perform tests.create_user('t174-eddie', 'educator');
  perform tests.create_user('t174-sam', 'super_admin');
  perform tests.create_user('t174-lena', 'learner', 't174-acme');
  insert into public.courses (id, slug, title_en, category, level, duration_minutes, is_published, created_by)
  values
    (md5('t174:a')::uuid, 't174-a', 'Course A', 'Foundations', 'Introductory', 60, true,
     tests.get_user_id('t174-eddie')),
    (md5('t174:b')::uuid, 't174-b', 'Course B', 'Foundations', 'Introductory', 60, true,
     tests.get_user_id('t174-eddie'));
  insert into public.lessons (id, course_id, order_index, lesson_type, title_en)
  values (md5('t174:taken')::uuid, md5('t174:a')::uuid, 1, 'reading', 'Taken'),
         (md5('t174:fresh')::uuid, md5('t174:a')::uuid, 2, 'reading', 'Fresh');
  insert into public.progress (user_id, course_id, lesson_id, time_spent_seconds)
  values (tests.get_user_id('t174-lena'), md5('t174:a')::uuid, md5('t174:taken')::uuid, 120);
end
$$;

-- Acting as eddie (educator, author of both courses)
select tests.authenticate_as('t174-eddie');
select throws_ok(
  $$update public.lessons set course_id = md5('t174:b')::uuid where id = md5('t174:taken')::uuid$$,
  '22023', 'a lesson with learners'' progress does not change course',
  'an author cannot move a lesson with learners'' progress to another course: 22023, not 23503'
);
select results_eq(
  $$update public.lessons set course_id = md5('t174:b')::uuid where id = md5('t174:fresh')::uuid returning course_id$$,
  array[md5('t174:b')::uuid],
  'a lesson nobody has taken moves'
);
select lives_ok(
  $$update public.lessons set title_en = 'Taken, renamed' where id = md5('t174:taken')::uuid$$,
  'the taken lesson is still edited in place'
);

-- Acting as sam (super_admin) and as the service role
select tests.authenticate_as('t174-sam');
select throws_ok(
  $$update public.lessons set course_id = md5('t174:b')::uuid where id = md5('t174:taken')::uuid$$,
  '22023', 'a lesson with learners'' progress does not change course',
  'not a super_admin either'
);
select tests.authenticate_as_service_role();
select throws_ok(
  $$update public.lessons set course_id = md5('t174:b')::uuid where id = md5('t174:taken')::uuid$$,
  '22023', 'a lesson with learners'' progress does not change course',
  'nor the service role'
);
select tests.clear_authentication();
select results_eq(
  $$select course_id, time_spent_seconds from public.progress where lesson_id = md5('t174:taken')::uuid$$,
  $$values (md5('t174:a')::uuid, 120)$$,
  'the learner''s progress is untouched'
);

select * from finish();
rollback;
