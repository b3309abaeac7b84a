/*
  Learning paths and prerequisites: enroll_in_learning_path role by role
  (tier gating, read-only roles, unpublished paths, every SQLSTATE),
  my_learning_paths (courses done of total, next course and whether it is
  available, titles in the caller's language), completion marked by the
  learning loop, enrollments readable as progress is; start_course naming
  the missing prerequisite courses.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(27);

do $$
begin
  perform tests.create_org('t205-acme');
  perform tests.create_user('t205-lina', 'learner', 't205-acme', 'free');
  perform tests.create_user('t205-pat', 'learner', 't205-acme', 'professional');
  perform tests.create_user('t205-vic', 'viewer', 't205-acme', 'enterprise');
  perform tests.create_user('t205-olga', 'org_admin', 't205-acme');
  update public.profiles set preferred_language = 'fr' where id = tests.get_user_id('t205-pat');
  insert into public.courses (
    id, title_en, title_fr, slug, category, level, duration_minutes, is_published, tier_required,
    prerequisite_course_ids
  )
  values
    (md5('t205:c1')::uuid, 'T205 one', 'T205 un', 't205-one', 'Foundations', 'Introductory', 10, true, 'free', '{}'),
    (md5('t205:c2')::uuid, 'T205 two', null, 't205-two', 'Workplace', 'Intermediate', 10, true, 'professional',
      array[md5('t205:c1')::uuid]),
    (md5('t205:c3')::uuid, 'T205 three', null, 't205-three', 'Foundations', 'Introductory', 10, true, 'free', '{}');
  insert into public.lessons (id, course_id, title_en, lesson_type, order_index)
  values
    (md5('t205:l1')::uuid, md5('t205:c1')::uuid, 'L1', 'reading', 1),
    (md5('t205:l2')::uuid, md5('t205:c2')::uuid, 'L2', 'reading', 1),
    (md5('t205:l3')::uuid, md5('t205:c3')::uuid, 'L3', 'reading', 1);
  insert into public.learning_paths (id, slug, title_en, title_fr, course_ids, is_published, tier_required)
  values
    (md5('t205:free')::uuid, 't205-free', 'T205 path', 'Parcours T205',
      array[md5('t205:c1')::uuid, md5('t205:c2')::uuid, md5('t205:c3')::uuid], true, 'free'),
    (md5('t205:one')::uuid, 't205-one', 'T205 just one', null, array[md5('t205:c1')::uuid], true, 'free'),
    (md5('t205:pro')::uuid, 't205-pro', 'T205 pro path', null, array[md5('t205:c1')::uuid], true, 'professional'),
    (md5('t205:draft')::uuid, 't205-draft', 'T205 draft', null, array[md5('t205:c1')::uuid], false, 'free');
end
$$;

-- Acting as lina (learner, free tier) --------------------------------------------------------------------

select tests.authenticate_as('t205-lina');
select results_eq(
  $$select learning_path_id, completed_at from public.enroll_in_learning_path(md5('t205:free')::uuid)$$,
  $$values (md5('t205:free')::uuid, null::timestamptz)$$,
  'lina enrolls in a free path'
);
select throws_ok(
  $$select public.enroll_in_learning_path(md5('t205:free')::uuid)$$, '23505', 'already enrolled in this learning path',
  'enrolling twice is a conflict'
);
select throws_ok(
  $$select public.enroll_in_learning_path(md5('t205:pro')::uuid)$$, '42501',
  'this learning path requires the professional tier', 'a path above her tier is refused'
);
select throws_ok(
  $$select public.enroll_in_learning_path(md5('t205:draft')::uuid)$$, 'P0002', 'learning path not found',
  'an unpublished path is not found'
);
select throws_ok(
  $$select public.enroll_in_learning_path(gen_random_uuid())$$, 'P0002', 'learning path not found',
  'an unknown path is not found'
);
select throws_ok(
  $$select public.enroll_in_learning_path(null)$$, '22023', 'p_path_id is required', 'a missing id is invalid'
);
select lives_ok(
  $$select public.enroll_in_learning_path(md5('t205:one')::uuid)$$, 'lina enrolls in a one-course path'
);
select results_eq(
  $$select courses_total, courses_completed, completion_percentage, next_course_id, next_course_title,
      next_course_available, completed_at
    from public.my_learning_paths() where learning_path_id = md5('t205:free')::uuid$$,
  $$values (3, 0, 0::numeric, md5('t205:c1')::uuid, 'T205 one'::text, true, null::timestamptz)$$,
  'her progress: 0 of 3, next course one, available'
);

-- She completes course one
select lives_ok($$select public.start_course(md5('t205:c1')::uuid)$$, 'lina starts course one');
select lives_ok(
  $$select public.record_lesson_progress(md5('t205:l1')::uuid, 60, true)$$, 'and completes its only lesson'
);
select results_eq(
  $$select courses_completed, completion_percentage, next_course_id, next_course_available
    from public.my_learning_paths() where learning_path_id = md5('t205:free')::uuid$$,
  $$values (1, 33.33::numeric, md5('t205:c2')::uuid, false)$$,
  '1 of 3; the next course (professional) is not available to her tier'
);
select ok(
  (select completed_at is not null from public.my_learning_paths()
where learning_path_id = md5('t205:one')::uuid),
  'the one-course path is completed by the learning loop'
);
select results_eq(
  $$select count(*)::int from public.learning_path_enrollments$$, array[2], 'lina reads her own enrollments only'
);
select throws_ok(
  $$select * from public.my_learning_paths('de')$$, '22023', 'p_lang must be ''en'' or ''fr''',
  'an unknown language is invalid'
);
select throws_ok(
  $$insert into public.learning_path_enrollments (user_id, learning_path_id)
    values (tests.get_user_id('t205-lina'), md5('t205:pro')::uuid)$$,
  '42501', null, 'a learner cannot enroll by writing the table: no grant'
);

-- Acting as pat (learner, professional, French) ---------------------------------------------------------------

select tests.authenticate_as('t205-pat');
select throws_ok(
  $$select public.start_course(md5('t205:c2')::uuid)$$, '42501',
  'complete the prerequisite courses first: T205 un',
  'start_course names the missing prerequisite, in the learner''s language'
);
select lives_ok($$select public.start_course(md5('t205:c1')::uuid)$$, 'pat starts course one');
select lives_ok($$select public.record_lesson_progress(md5('t205:l1')::uuid, 60, true)$$, 'and completes it');
select lives_ok($$select public.start_course(md5('t205:c2')::uuid)$$, 'with the prerequisite done, course two starts');
select ok(
  (select completed_at is not null from public.enroll_in_learning_path(md5('t205:pro')::uuid)),
  'enrolling in a path whose courses are all done: completed at once'
);
select lives_ok($$select public.enroll_in_learning_path(md5('t205:free')::uuid)$$, 'pat enrolls in the free path');
select results_eq(
  $$select title, courses_completed, next_course_title, next_course_available
    from public.my_learning_paths() where learning_path_id = md5('t205:free')::uuid$$,
  $$values ('Parcours T205'::text, 1, 'T205 two'::text, true)$$,
  'in French (his profile''s language), falling back to English; course two is available to him'
);
select results_eq(
  $$select title from public.my_learning_paths('en') where learning_path_id = md5('t205:free')::uuid$$,
  array['T205 path'],
  'p_lang overrides the profile''s language'
);

-- Acting as vic (viewer), olga (org_admin), anon ----------------------------------------------------------------

select tests.authenticate_as('t205-vic');
select throws_ok(
  $$select public.enroll_in_learning_path(md5('t205:free')::uuid)$$, '42501',
  'viewer and guest accounts are read-only and do not enroll', 'a viewer does not enroll'
);
select tests.authenticate_as('t205-olga');
select results_eq(
  $$select count(*)::int from public.learning_path_enrollments
    where user_id in (tests.get_user_id('t205-lina'), tests.get_user_id('t205-pat'))$$,
  array[4],
  'the org admin reads her members'' enrollments'
);
select tests.authenticate_as_anon();
select throws_ok(
  $$select public.enroll_in_learning_path(md5('t205:free')::uuid)$$, '42501', null, 'anon: no execute grant'
);
select throws_ok($$select * from public.learning_path_enrollments$$, '42501', null, 'anon reads no enrollment');
select tests.clear_authentication();

select * from finish();
rollback;
