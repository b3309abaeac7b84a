/*
  The catalog: courses, lessons, learning_paths, resources. Anon reads
  published metadata; users read published rows; authors (educator: own
  rows; super_admin) write; lesson content and resource files only through
  get_lesson / get_resource_file when the tier allows (record_resource_download counts); quiz answers never.
  Hard deletes, which cascade to learners' progress: courses only by a
  super_admin (an educator soft-deletes); lessons by an educator only while
  his course is unpublished.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(99);

-- Arrange (as the superuser): two organizations, one user of each of the
-- nine roles in acme, an org_admin and a learner in globex, and a
-- soft-deleted acme learner.
do $$
begin
  perform tests.create_org('acme');
  perform tests.create_org('globex');
  perform tests.create_user('sam', 'super_admin', 'acme', 'enterprise');
  perform tests.create_user('cora', 'compliance_officer', 'acme');
  perform tests.create_user('olga', 'org_admin', 'acme');
  perform tests.create_user('ana', 'analyst', 'acme');
  perform tests.create_user('ivan', 'investigator', 'acme');
  perform tests.create_user('eddie', 'educator', 'acme');
  perform tests.create_user('lena', 'learner', 'acme', 'professional');
  perform tests.create_user('vic', 'viewer', 'acme');
  perform tests.create_user('gus', 'guest', 'acme');
  perform tests.create_user('gina', 'org_admin', 'globex');
  perform tests.create_user('glen', 'learner', 'globex');
  perform tests.create_user('dora', 'learner', 'acme');
  update public.profiles set deleted_at = now() where id = tests.get_user_id('dora');
end
$$;

-- The catalog: a free and a professional published course by eddie, his
-- draft, sam's draft, and a soft-deleted course; lessons with content and a
-- quiz; a published and a draft path; free, professional and draft resources.
do $$
begin
  insert into public.courses (id, title_en, slug, category, level, duration_minutes, is_published, tier_required,
    created_by, deleted_at)
  values
    (tests.id('course:free'), 'Foundations', 'foundations', 'Foundations', 'Introductory', 60, true, 'free',
      tests.get_user_id('eddie'), null),
    (tests.id('course:pro'), 'Leadership', 'leadership', 'Leadership', 'Advanced', 90, true, 'professional',
      tests.get_user_id('eddie'), null),
    (tests.id('course:draft'), 'Draft', 'draft', 'Workplace', 'Intermediate', 30, false, 'free',
      tests.get_user_id('eddie'), null),
    (tests.id('course:sam-draft'), 'Sam draft', 'sam-draft', 'Legal', 'Intermediate', 30, false, 'free',
      tests.get_user_id('sam'), null),
    (tests.id('course:gone'), 'Gone', 'gone', 'Legal', 'Intermediate', 30, true, 'free', tests.get_user_id('eddie'),
      now());
  insert into public.lessons (id, course_id, title_en, content_en, video_url, lesson_type, order_index, quiz_questions)
  values
    (tests.id('lesson:free-read'), tests.id('course:free'), 'Read me', 'free content', 'https://v/free', 'reading', 1,
      null),
    (tests.id('lesson:free-quiz'), tests.id('course:free'), 'Quiz', null, null, 'quiz', 2,
      '[{"question": "Q1?", "options": ["a", "b"], "correct_answer": 1, "explanation": "because b"},
        {"question": "Q2?", "options": ["c", "d"], "correct_answer": 0, "explanation": "because c"}]'),
    (tests.id('lesson:pro'), tests.id('course:pro'), 'Pro lesson', 'pro content', 'https://v/pro', 'video', 1, null),
    (tests.id('lesson:draft'), tests.id('course:draft'), 'Draft lesson', 'draft content', null, 'reading', 1, null);
  insert into public.learning_paths (id, title_en, slug, course_ids, is_published, created_by)
  values
    (tests.id('path:pub'), 'Path', 'path', array[tests.id('course:free')], true, tests.get_user_id('eddie')),
    (tests.id('path:draft'), 'Draft path', 'draft-path', array[tests.id('course:pro')], false,
      tests.get_user_id('eddie'));
  insert into public.resources (id, title_en, category, file_url, is_published, tier_required, created_by)
  values
    (tests.id('res:free'), 'Checklist', 'Checklist', 'https://files/free.pdf', true, 'free',
      tests.get_user_id('eddie')),
    (tests.id('res:pro'), 'Toolkit', 'Toolkit', 'https://files/pro.pdf', true, 'professional',
      tests.get_user_id('eddie')),
    (tests.id('res:draft'), 'Draft guide', 'Guide', 'https://files/draft.pdf', false, 'free',
      tests.get_user_id('eddie'));
  -- The catalog is shared: reads below are counted within these fixtures.
  insert into tests.fixtures (kind, id)
  select 'course', id from public.courses where created_by = any(tests.fixture_user_ids())
  union all
  select 'path', id from public.learning_paths where created_by = any(tests.fixture_user_ids())
  union all
  select 'resource', id from public.resources where created_by = any(tests.fixture_user_ids());
end
$$;

-- Reading as anon: published catalog metadata only ----------------------------------------

select tests.authenticate_as_anon();
select results_eq(
  $$select slug from public.courses where id = any(tests.fixture_ids('course')) order by slug$$,
  array['foundations', 'leadership'],
  'anon reads the published, live courses'
);
select throws_ok(
  $$select created_by from public.courses$$,
  '42501', null,
  'anon cannot read who created a course: no column grant'
);
select results_eq(
  $$select count(*)::int from public.lessons where course_id = any(tests.fixture_ids('course'))$$,
  array[3],
  'anon reads the lessons of published courses'
);
select throws_ok(
  $$select content_en from public.lessons$$,
  '42501', null,
  'anon cannot read lesson content: no column grant'
);
select throws_ok(
  $$select quiz_questions from public.lessons$$,
  '42501', null,
  'anon cannot read quiz questions: no column grant'
);
select results_eq(
  $$select slug from public.learning_paths where id = any(tests.fixture_ids('path'))$$,
  array['path'],
  'anon reads the published learning path'
);
select results_eq(
  $$select count(*)::int from public.resources where id = any(tests.fixture_ids('resource'))$$,
  array[2],
  'anon reads the published resources'
);
select throws_ok(
  $$select file_url from public.resources$$,
  '42501', null,
  'anon cannot read resource files: no column grant'
);
select throws_ok(
  $$select * from public.get_lesson(tests.id('lesson:free-read'))$$,
  '42501', null,
  'anon cannot open a lesson: no execute grant'
);
select throws_ok(
  $$select public.get_resource_file(tests.id('res:free'))$$,
  '42501', null,
  'anon cannot download a file: no execute grant'
);
select throws_ok(
  $$select public.record_resource_download(tests.id('res:free'))$$,
  '42501', null,
  'anon cannot count a download: no execute grant'
);
select throws_ok(
  $$insert into public.courses (title_en, slug, category, level, duration_minutes) values ('x', 'x', 'Legal',
    'Advanced', 1)$$,
  '42501', null,
  'anon cannot create a course: permission denied'
);

-- Reading as each role: published rows; authors also their drafts; super_admin all

select tests.authenticate_as('sam');
select results_eq(
  $$select count(*)::int from public.courses where id = any(tests.fixture_ids('course'))$$,
  array[5],
  'a super_admin reads every course, drafts and soft-deleted included'
);
select tests.authenticate_as('cora');
select results_eq(
  $$select count(*)::int from public.courses where id = any(tests.fixture_ids('course'))$$,
  array[2],
  'a compliance_officer reads the 2 published courses'
);
select tests.authenticate_as('olga');
select results_eq(
  $$select count(*)::int from public.courses where id = any(tests.fixture_ids('course'))$$,
  array[2],
  'an org_admin reads the 2 published courses'
);
select tests.authenticate_as('ana');
select results_eq(
  $$select count(*)::int from public.courses where id = any(tests.fixture_ids('course'))$$,
  array[2],
  'an analyst reads the 2 published courses'
);
select tests.authenticate_as('ivan');
select results_eq(
  $$select count(*)::int from public.courses where id = any(tests.fixture_ids('course'))$$,
  array[2],
  'an investigator (free tier) reads the published professional course''s metadata too'
);
select tests.authenticate_as('vic');
select results_eq(
  $$select count(*)::int from public.courses where id = any(tests.fixture_ids('course'))$$,
  array[2],
  'a viewer reads the 2 published courses'
);
select tests.authenticate_as('gus');
select results_eq(
  $$select count(*)::int from public.courses where id = any(tests.fixture_ids('course'))$$,
  array[2],
  'a guest reads the 2 published courses'
);
select tests.authenticate_as('glen');
select results_eq(
  $$select count(*)::int from public.lessons where course_id = any(tests.fixture_ids('course'))$$,
  array[3],
  'a globex learner reads the lessons of published courses'
);
select tests.authenticate_as('eddie');
select results_eq(
  $$select slug from public.courses where id = any(tests.fixture_ids('course')) order by slug$$,
  array['draft', 'foundations', 'leadership'],
  'an educator reads published courses and his own draft, not others'' drafts'
);
select results_eq(
  $$select count(*)::int from public.lessons where course_id = any(tests.fixture_ids('course'))$$,
  array[4],
  'an educator reads the lessons of his own draft too'
);
select results_eq(
  $$select count(*)::int from public.learning_paths where id = any(tests.fixture_ids('path'))$$,
  array[2],
  'an educator reads his own draft path'
);
select results_eq(
  $$select count(*)::int from public.resources where id = any(tests.fixture_ids('resource'))$$,
  array[3],
  'an educator reads his own draft resource'
);
select throws_ok(
  $$select quiz_questions from public.lessons$$,
  '42501', null,
  'an educator cannot read quiz answers back: no column grant'
);
select tests.authenticate_as('lena');
select results_eq(
  $$select count(*)::int from public.lessons where course_id = any(tests.fixture_ids('course'))$$,
  array[3],
  'a learner reads the lessons of published courses'
);
select results_eq(
  $$select count(*)::int from public.learning_paths where id = any(tests.fixture_ids('path'))$$,
  array[1],
  'a learner reads the published path only'
);
select results_eq(
  $$select count(*)::int from public.resources where id = any(tests.fixture_ids('resource'))$$,
  array[2],
  'a learner reads the published resources only'
);
select throws_ok(
  $$select quiz_questions from public.lessons$$,
  '42501', null,
  'a learner cannot read quiz questions: no column grant'
);
select throws_ok(
  $$select content_en from public.lessons$$,
  '42501', null,
  'a learner cannot read lesson content from the table: no column grant'
);
select throws_ok(
  $$select file_url from public.resources$$,
  '42501', null,
  'a learner cannot read file urls from the table: no column grant'
);
select tests.authenticate_as('sam');
select throws_ok(
  $$select quiz_questions from public.lessons$$,
  '42501', null,
  'even a super_admin cannot read quiz answers through the API: no column grant'
);
select tests.authenticate_as_service_role();
select results_eq(
  $$select count(*)::int from public.lessons where quiz_questions is not null and course_id
    = any(tests.fixture_ids('course'))$$,
  array[1],
  'the service role reads quiz questions'
);

-- Writing courses ------------------------------------------------------------------------------

select tests.authenticate_as('eddie');
select lives_ok(
  $$insert into public.courses (title_en, slug, category, level, duration_minutes, created_by) values ('New',
    'new-course', 'Legal', 'Advanced', 10, tests.get_user_id('eddie'))$$,
  'an educator creates a course as himself'
);
select throws_ok(
  $$insert into public.courses (title_en, slug, category, level, duration_minutes, created_by) values ('Fake', 'fake',
    'Legal', 'Advanced', 10, tests.get_user_id('sam'))$$,
  '42501', null,
  'an educator cannot create a course in another author''s name (row-level security)'
);
select results_eq(
  $$update public.courses set title_en = 'Draft v2' where slug = 'draft' returning title_en$$,
  array['Draft v2'],
  'an educator updates his own draft course'
);
select is_empty(
  $$update public.courses set title_en = 'x' where slug = 'sam-draft' returning 1$$,
  'an educator cannot update another author''s course: no row is touched'
);
select throws_ok(
  $$update public.courses set created_by = tests.get_user_id('sam') where slug = 'foundations'$$,
  '42501', null,
  'an educator cannot give his course away (row-level security)'
);
select is_empty(
  $$delete from public.courses where slug = 'foundations' returning 1$$,
  'an educator cannot hard-delete his own published course (it would cascade to learners'' progress): no row is touched'
);
select is_empty(
  $$delete from public.courses where slug = 'new-course' returning 1$$,
  'an educator cannot hard-delete even his own draft course: no row is touched'
);
-- An educator cannot soft-delete by UPDATE: an update that filters (as every
-- PostgREST update does) must leave a row its caller can still select, and
-- soft-deleted rows are visible only to super_admin. archive_course does it.
select throws_ok(
  $$update public.courses set deleted_at = now() where slug = 'new-course'$$,
  '42501', null,
  'an educator cannot soft-delete by update (the row would leave his sight)'
);
select lives_ok(
  $$select public.archive_course((select id from public.courses where slug = 'new-course'))$$,
  'an educator archives his own course through archive_course'
);
select throws_ok(
  $$select public.archive_course(tests.id('course:sam-draft'))$$,
  '42501', 'an educator archives only the courses they created',
  'an educator cannot archive another author''s course'
);
select throws_ok(
  $$select public.archive_course(null)$$,
  '22023', 'p_course_id is required',
  'archive_course needs a course id'
);

select tests.authenticate_as('cora');
select throws_ok(
  $$insert into public.courses (title_en, slug, category, level, duration_minutes, created_by) values ('x', 'x',
    'Legal', 'Advanced', 1, tests.get_user_id('cora'))$$,
  '42501', null,
  'a compliance_officer is not an author: cannot create a course (row-level security)'
);
select tests.authenticate_as('olga');
select is_empty(
  $$update public.courses set title_en = 'x' where slug = 'foundations' returning 1$$,
  'an org_admin cannot update a course: no row is touched'
);
select tests.authenticate_as('ana');
select is_empty(
  $$delete from public.courses where slug = 'foundations' returning 1$$,
  'an analyst cannot delete a course: no row is touched'
);
select tests.authenticate_as('ivan');
select throws_ok(
  $$insert into public.courses (title_en, slug, category, level, duration_minutes, created_by) values ('x', 'x',
    'Legal', 'Advanced', 1, tests.get_user_id('ivan'))$$,
  '42501', null,
  'an investigator cannot create a course (row-level security)'
);
select tests.authenticate_as('lena');
select is_empty(
  $$update public.courses set title_en = 'x' where slug = 'foundations' returning 1$$,
  'a learner cannot update a course: no row is touched'
);
select tests.authenticate_as('vic');
select throws_ok(
  $$insert into public.courses (title_en, slug, category, level, duration_minutes, created_by) values ('x', 'x',
    'Legal', 'Advanced', 1, tests.get_user_id('vic'))$$,
  '42501', null,
  'a viewer cannot create a course (row-level security)'
);
select tests.authenticate_as('gus');
select is_empty(
  $$delete from public.courses where slug = 'foundations' returning 1$$,
  'a guest cannot delete a course: no row is touched'
);
select tests.authenticate_as('sam');
select results_eq(
  $$update public.courses set tier_required = 'enterprise' where slug = 'leadership' returning tier_required$$,
  array['enterprise'],
  'a super_admin updates any course'
);
select results_eq(
  $$update public.courses set tier_required = 'professional' where slug = 'leadership' returning 1$$,
  array[1],
  'a super_admin sets it back'
);
select results_eq(
  $$delete from public.courses where slug = 'new-course' returning 1$$,
  array[1],
  'a super_admin hard-deletes a course'
);

-- Writing lessons ------------------------------------------------------------------------------

select tests.authenticate_as('eddie');
select lives_ok(
  $$insert into public.lessons (course_id, title_en, content_en, lesson_type, order_index, quiz_questions)
    values (tests.id('course:free'), 'Extra', 'more', 'quiz', 3,
            '[{"question": "Q", "options": ["x", "y"], "correct_answer": 0}]')$$,
  'an educator adds a lesson (content and quiz) to his own course'
);
select throws_ok(
  $$insert into public.lessons (course_id, title_en, lesson_type, order_index) values (tests.id('course:sam-draft'),
    'Intruder', 'reading', 1)$$,
  '42501', null,
  'an educator cannot add a lesson to another author''s course (row-level security)'
);
select results_eq(
  $$update public.lessons set content_en = 'edited' where id = tests.id('lesson:free-read') returning 1$$,
  array[1],
  'an educator edits the content of his own lesson'
);
select is_empty(
  $$delete from public.lessons where title_en = 'Extra' returning 1$$,
  'an educator cannot hard-delete a lesson of his published course (it carries learners'' progress): no row is touched'
);
select lives_ok(
  $$insert into public.lessons (course_id, title_en, lesson_type, order_index) values (tests.id('course:draft'),
    'Draft extra', 'reading', 2)$$,
  'an educator adds a lesson to his draft course'
);
select results_eq(
  $$delete from public.lessons where title_en = 'Draft extra' returning 1$$,
  array[1],
  'an educator hard-deletes a lesson of his own unpublished course'
);
select is_empty(
  $$delete from public.lessons where course_id = tests.id('course:sam-draft') returning 1$$,
  'an educator cannot delete lessons of another author''s draft: no row is touched'
);
select tests.authenticate_as('lena');
select throws_ok(
  $$insert into public.lessons (course_id, title_en, lesson_type, order_index) values (tests.id('course:free'), 'Mine',
    'reading', 9)$$,
  '42501', null,
  'a learner cannot add a lesson (row-level security)'
);
select is_empty(
  $$update public.lessons set title_en = 'x' where id = tests.id('lesson:free-read') returning 1$$,
  'a learner cannot update a lesson: no row is touched'
);
select tests.authenticate_as('olga');
select is_empty(
  $$delete from public.lessons where id = tests.id('lesson:free-read') returning 1$$,
  'an org_admin cannot delete a lesson: no row is touched'
);
select tests.authenticate_as('vic');
select is_empty(
  $$update public.lessons set title_en = 'x' where id = tests.id('lesson:free-read') returning 1$$,
  'a viewer cannot update a lesson: no row is touched'
);
select tests.authenticate_as('sam');
select results_eq(
  $$update public.lessons set title_en = 'Sam edit' where id = tests.id('lesson:pro') returning 1$$,
  array[1],
  'a super_admin updates any lesson'
);
select results_eq(
  $$delete from public.lessons where title_en = 'Extra' returning 1$$,
  array[1],
  'a super_admin hard-deletes a lesson of a published course'
);

-- Writing learning paths and resources -----------------------------------------------------------

select tests.authenticate_as('eddie');
select lives_ok(
  $$insert into public.learning_paths (title_en, slug, course_ids, created_by) values ('P2', 'p2', '{}',
    tests.get_user_id('eddie'))$$,
  'an educator creates a learning path as himself'
);
select results_eq(
  $$update public.learning_paths set is_published = true where slug = 'draft-path' returning 1$$,
  array[1],
  'an educator publishes his own path'
);
select lives_ok(
  $$insert into public.resources (title_en, category, file_url, created_by) values ('R2', 'Other', 'https://files/r2',
    tests.get_user_id('eddie'))$$,
  'an educator creates a resource as himself'
);
select throws_ok(
  $$update public.resources set download_count = 1000 where id = tests.id('res:free')$$,
  '42501', null,
  'an educator cannot inflate download_count: no column grant'
);
select tests.authenticate_as('lena');
select throws_ok(
  $$insert into public.learning_paths (title_en, slug, course_ids, created_by) values ('x', 'x', '{}',
    tests.get_user_id('lena'))$$,
  '42501', null,
  'a learner cannot create a learning path (row-level security)'
);
select is_empty(
  $$update public.resources set title_en = 'x' where id = tests.id('res:free') returning 1$$,
  'a learner cannot update a resource: no row is touched'
);
select tests.authenticate_as('cora');
select is_empty(
  $$delete from public.learning_paths where slug = 'path' returning 1$$,
  'a compliance_officer cannot delete a learning path: no row is touched'
);
select tests.authenticate_as('gus');
select throws_ok(
  $$insert into public.resources (title_en, category, file_url, created_by) values ('x', 'Other', 'u',
    tests.get_user_id('gus'))$$,
  '42501', null,
  'a guest cannot create a resource (row-level security)'
);
select tests.authenticate_as('sam');
select results_eq(
  $$delete from public.resources where id = tests.id('res:draft') returning 1$$,
  array[1],
  'a super_admin deletes any resource'
);
select tests.authenticate_as_anon();
select throws_ok(
  $$update public.learning_paths set title_en = 'x'$$,
  '42501', null,
  'anon cannot update a learning path: permission denied'
);

-- get_lesson: content when the tier allows, quiz without answers -------------------------------

select tests.authenticate_as('lena');
select results_eq(
  $$select content_en, video_url from public.get_lesson(tests.id('lesson:pro'))$$,
  $$values ('pro content', 'https://v/pro')$$,
  'a professional learner opens a professional lesson with its content'
);
select results_eq(
  $$select array_agg(k order by k) from jsonb_object_keys((select quiz -> 0 from
    public.get_lesson(tests.id('lesson:free-quiz')))) as k$$,
  $$values (array['index', 'options', 'question'])$$,
  'the quiz comes with question, options and index only'
);
select ok(
  (select quiz::text !~ '(correct_answer|explanation|because)' from public.get_lesson(tests.id('lesson:free-quiz'))),
  'no correct answer or explanation appears anywhere in the quiz get_lesson returns'
);
select throws_ok(
  $$select * from public.get_lesson(tests.id('lesson:draft'))$$,
  'P0002',
  'lesson not found',
  'a learner cannot open a lesson of an unpublished course: not found, as an unknown id'
);
select throws_ok(
  $$select * from public.get_lesson(null)$$,
  '22023', 'p_lesson_id is required',
  'get_lesson rejects a null id'
);
select throws_ok(
  $$select * from public.get_lesson(gen_random_uuid())$$,
  'P0002', 'lesson not found',
  'get_lesson reports an unknown lesson'
);
select tests.authenticate_as('ivan');
select throws_ok(
  $$select * from public.get_lesson(tests.id('lesson:pro'))$$,
  '42501', 'this course requires the professional tier',
  'a free-tier investigator cannot open a professional lesson'
);
select results_eq(
  $$select content_en from public.get_lesson(tests.id('lesson:free-read'))$$,
  array['edited'],
  'a free-tier user opens a free lesson''s content'
);
select tests.authenticate_as('vic');
select results_eq(
  $$select content_en from public.get_lesson(tests.id('lesson:free-read'))$$,
  array['edited'],
  'a viewer reads a free lesson''s content'
);
select tests.authenticate_as('eddie');
select results_eq(
  $$select content_en from public.get_lesson(tests.id('lesson:draft'))$$,
  array['draft content'],
  'an educator opens the content of his own draft lesson'
);

-- get_resource_file: the file when the tier allows (a read); record_resource_download counts ---------

select tests.authenticate_as('lena');
select is(
  public.get_resource_file(tests.id('res:pro')), 'https://files/pro.pdf',
  'a professional learner downloads a professional resource'
);
select results_eq(
  $$select download_count from public.resources where id = tests.id('res:pro')$$,
  array[0],
  'get_resource_file is a read: it counts nothing (a read replica can serve it)'
);
select is(
  public.record_resource_download(tests.id('res:pro')), 1,
  'record_resource_download counts the download and returns the count'
);
select results_eq(
  $$select download_count from public.resources where id = tests.id('res:pro')$$,
  array[1],
  'the download is counted'
);
select throws_ok(
  $$select public.record_resource_download(null)$$,
  '22023', 'p_resource_id is required',
  'record_resource_download rejects a null id'
);
select throws_ok(
  $$select public.record_resource_download(tests.id('res:draft'))$$,
  'P0002', 'resource not found',
  'record_resource_download: an unpublished resource is not found'
);
select throws_ok(
  $$select public.get_resource_file(null)$$,
  '22023', 'p_resource_id is required',
  'get_resource_file rejects a null id'
);
select throws_ok(
  $$select public.get_resource_file(tests.id('res:draft'))$$,
  'P0002', 'resource not found',
  'get_resource_file hides an unpublished (here deleted) resource'
);
select tests.authenticate_as('ivan');
select throws_ok(
  $$select public.get_resource_file(tests.id('res:pro'))$$,
  '42501', 'this resource requires the professional tier',
  'a free-tier user cannot download a professional resource'
);
select is(
  public.get_resource_file(tests.id('res:free')), 'https://files/free.pdf',
  'a free-tier user downloads a free resource'
);
select throws_ok(
  $$select public.record_resource_download(tests.id('res:pro'))$$,
  '42501', 'this resource requires the professional tier',
  'record_resource_download: a free-tier user cannot count a professional resource'
);
select tests.clear_authentication();
select results_eq(
  $$select download_count from public.resources where id = tests.id('res:pro')$$,
  array[1],
  'a refused record_resource_download counts nothing'
);

select tests.clear_authentication();
select * from finish();
rollback;
