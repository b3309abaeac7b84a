/*
  A learner is never told the title of a course they may not read: a
  published course whose prerequisite is a draft (or a deleted course) names
  it "a course not yet available" in start_course's refusal (its id stays in
  the hint, as the course row's prerequisite_course_ids already shows), and
  my_learning_paths (and my_dashboard, which reads the same rows) gives no
  next_course_title for an unpublished or deleted next course.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(7);

do $$
begin
  perform tests.create_org('t244-acme');
  perform tests.create_user('t244-lina', 'learner', 't244-acme', 'enterprise');
  perform tests.create_user('t244-eddy', 'educator', 't244-acme');
  insert into public.courses (
    id, title_en, title_fr, slug, category, level, duration_minutes, is_published, prerequisite_course_ids, created_by
  )
  values
    (md5('t244:draft')::uuid, 'T244 Secret merger training', 'T244 Formation secrète', tests.name('t244-draft'),
      'Foundations', 'Introductory', 10, false, '{}', tests.get_user_id('t244-eddy')),
    (md5('t244:gone')::uuid, 'T244 Deleted course', null, tests.name('t244-gone'),
      'Foundations', 'Introductory', 10, true, '{}', tests.get_user_id('t244-eddy')),
    (md5('t244:open')::uuid, 'T244 Open course', 'T244 Cours ouvert', tests.name('t244-open'),
      'Foundations', 'Introductory', 10, true, '{}', tests.get_user_id('t244-eddy')),
    (md5('t244:main')::uuid, 'T244 Main course', null, tests.name('t244-main'),
      'Foundations', 'Introductory', 10, true,
      array[md5('t244:open')::uuid, md5('t244:draft')::uuid, md5('t244:gone')::uuid], tests.get_user_id('t244-eddy'));
  update public.courses set deleted_at = now() where id = md5('t244:gone')::uuid;
  insert into public.learning_paths (id, slug, title_en, course_ids, is_published, tier_required)
  values (md5('t244:path')::uuid, tests.name('t244-path'), 'T244 path',
    array[md5('t244:draft')::uuid, md5('t244:open')::uuid], true, 'free');
end
$$;

-- Acting as lina (learner) ------------------------------------------------------------------

select tests.authenticate_as('t244-lina');
select is_empty(
  $$select 1 from public.courses where id in (md5('t244:draft')::uuid, md5('t244:gone')::uuid)$$,
  'lina cannot read the draft nor the deleted course'
);
select throws_ok(
  $$select public.start_course(md5('t244:main')::uuid)$$,
  '42501',
  'complete the prerequisite courses first: T244 Open course, a course not yet available, a course not yet available',
  'start_course names the readable prerequisite and only "a course not yet available" for the others'
);
select lives_ok(
  $$select public.enroll_in_learning_path(md5('t244:path')::uuid)$$, 'lina enrolls in a path that starts with a draft'
);
select results_eq(
  $$select next_course_id, next_course_title, next_course_available from public.my_learning_paths()
    where learning_path_id = md5('t244:path')::uuid$$,
  $$values (md5('t244:draft')::uuid, null::text, false)$$,
  'my_learning_paths: the unpublished next course has no title, and is not available'
);
select is_empty(
  $$select 1 from public.my_dashboard() as d
    where d::text like '%Secret merger%' or d::text like '%secrète%'$$,
  'nor does her dashboard show it'
);
select tests.clear_authentication();

-- Once published, its title is shown.
update public.courses set is_published = true
where id = md5('t244:draft')::uuid;
select tests.authenticate_as('t244-lina');
select results_eq(
  $$select next_course_title from public.my_learning_paths() where learning_path_id = md5('t244:path')::uuid$$,
  array['T244 Secret merger training'],
  'a published next course is named'
);
select throws_ok(
  $$select public.start_course(md5('t244:main')::uuid)$$,
  '42501',
  'complete the prerequisite courses first: T244 Open course, T244 Secret merger training, a course not yet available',
  'and so is a published prerequisite'
);
select tests.clear_authentication();

select * from finish();
rollback;
