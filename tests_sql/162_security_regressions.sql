/*
  Regressions from the red-team review of the access model:
  - a soft-deleted organization takes its members' org-scoped rights with it;
  - a soft-deleted user owns nothing any more (notifications, bookmarks, ...);
  - an org_admin's team lead must be a member of their organization;
  - an author cannot delete a lesson that has learners' progress, even after
    unpublishing its course (only a super_admin can);
  - quiz options stored as objects are refused (one shape, 020).
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(17);

do $$
begin
  perform tests.create_org('acme');
  perform tests.create_org('globex');
  perform tests.create_user('gadmin', 'org_admin', 'globex');
  perform tests.create_user('gmember', 'learner', 'globex');
  perform tests.create_user('aadmin', 'org_admin', 'acme');
  perform tests.create_user('amember', 'learner', 'acme');
  perform tests.create_user('gone', 'learner', 'acme');
  perform tests.create_user('eddie', 'educator', null);
  perform tests.create_user('sam', 'super_admin', null);
  insert into public.courses (id, slug, title_en, category, level, duration_minutes, is_published, created_by)
  values (tests.id('course:c'), 'c', 'C', 'Foundations', 'Introductory', 10, true, tests.get_user_id('eddie'));
  insert into public.lessons (id, course_id, order_index, lesson_type, title_en)
  values (tests.id('lesson:l1'), tests.id('course:c'), 1, 'reading', 'L1'),
         (tests.id('lesson:l2'), tests.id('course:c'), 2, 'reading', 'L2'),
         (tests.id('lesson:l3'), tests.id('course:c'), 3, 'reading', 'L3');
  insert into public.progress (user_id, course_id, lesson_id, completion_percentage)
  values (tests.get_user_id('amember'), tests.id('course:c'), tests.id('lesson:l1'), 100),
         (tests.get_user_id('amember'), tests.id('course:c'), tests.id('lesson:l3'), 50);
  update public.courses set is_published = false where id = tests.id('course:c');
  insert into public.notifications (user_id, type, title, message)
  values (tests.get_user_id('gone'), 'system', 'Hello', 'A notification');
  insert into public.bookmarks (user_id, resource_type, resource_id)
  values (tests.get_user_id('gone'), 'course', gen_random_uuid());
  update public.profiles set deleted_at = now() where id = tests.get_user_id('gone');
  update public.organizations set deleted_at = now() where id = tests.get_org_id('globex');
end
$$;

-- Acting as gadmin (org_admin of the soft-deleted globex)
select tests.authenticate_as('gadmin');
select results_eq(
    $$select id from public.profiles$$,
    array[tests.get_user_id('gadmin')],
    'the admin of a soft-deleted organization reads only their own profile'
);
select is_empty(
    $$update public.profiles set role = 'investigator' where id = tests.get_user_id('gmember') returning 1$$,
    'the admin of a soft-deleted organization changes no member''s role: no row is touched'
);
select throws_ok(
    $$insert into public.teams (organization_id, name) values (tests.get_org_id('globex'), 'After deletion')$$,
    '42501', null,
    'the admin of a soft-deleted organization cannot create a team in it'
);
select is_empty(
    $$select 1 from public.org_directory()$$,
    'a soft-deleted organization has no directory'
);

-- Acting as gone (a soft-deleted learner)
select tests.authenticate_as('gone');
select is_empty($$select 1 from public.notifications$$, 'a soft-deleted user reads no notifications');
select is_empty($$select 1 from public.bookmarks$$, 'a soft-deleted user reads no bookmarks');
select throws_ok(
    $$insert into public.bookmarks (user_id, resource_type, resource_id) values (auth.uid(), 'course',
      gen_random_uuid())$$,
    '42501', null,
    'a soft-deleted user cannot create a bookmark'
);
select throws_ok(
    $$insert into public.saved_searches (user_id, name, filters) values (auth.uid(), 'S', '{}')$$,
    '42501', null,
    'a soft-deleted user cannot save a search'
);

-- Acting as aadmin (org_admin of acme)
select tests.authenticate_as('aadmin');
select throws_ok(
    $$insert into public.teams (organization_id, name, team_lead_id)
      values (tests.get_org_id('acme'), 'Cross', tests.get_user_id('gmember'))$$,
    '42501', null,
    'an org_admin cannot make a member of another organization lead a team'
);
select lives_ok(
    $$insert into public.teams (organization_id, name, team_lead_id)
      values (tests.get_org_id('acme'), 'Own', tests.get_user_id('amember'))$$,
    'an org_admin makes a member of their organization lead a team'
);
select throws_ok(
    $$update public.teams set team_lead_id = tests.get_user_id('gmember') where name = 'Own'$$,
    '42501', null,
    'an org_admin cannot hand a team''s lead to a member of another organization'
);

-- Acting as eddie (educator, author of the now unpublished course)
select tests.authenticate_as('eddie');
select throws_ok(
    $$delete from public.lessons where id = tests.id('lesson:l1')$$,
    '42501', 'a lesson with learners'' progress cannot be deleted',
    'an author cannot delete a lesson that has learners'' progress'
);
select results_eq(
    $$delete from public.lessons where id = tests.id('lesson:l2') returning 1$$,
    array[1],
    'an author deletes a lesson of their unpublished course that nobody has taken'
);

-- Acting as sam (super_admin)
select tests.authenticate_as('sam');
select results_eq(
    $$delete from public.lessons where id = tests.id('lesson:l1') returning 1$$,
    array[1],
    'a super_admin deletes a lesson with progress'
);

-- Quiz options stored as objects: refused on write (020: one shape, texts only)
select tests.clear_authentication();
do $$
begin
  insert into public.courses (id, slug, title_en, category, level, duration_minutes, is_published)
  values (tests.id('course:q'), 'q', 'Q', 'Foundations', 'Introductory', 10, true);
end
$$;
select throws_ok(
    $$insert into public.lessons (id, course_id, order_index, lesson_type, title_en, quiz_questions)
      values (tests.id('lesson:q'), tests.id('course:q'), 1, 'quiz', 'Quiz',
              '[{"question": "Q1", "options": [{"text": "a", "is_correct": true}, {"text": "b", "is_correct": false}],
                 "correct_answer": 0, "explanation": "because"}]')$$,
    '22023', 'quiz question 1: "options" must hold non-empty texts only',
    'a quiz option object (with its answer flag) is refused on write'
);
do $$
begin
  insert into public.lessons (id, course_id, order_index, lesson_type, title_en, quiz_questions)
  values (tests.id('lesson:q'), tests.id('course:q'), 1, 'quiz', 'Quiz',
          '[{"question": "Q1", "options": ["a", "b"], "correct_answer": 0, "explanation": "because"}]');
end
$$;
select tests.authenticate_as('amember');
select ok(
    (select quiz::text !~ '(is_correct|correct_answer|explanation)' from public.get_lesson(tests.id('lesson:q'))),
    'no answer key appears anywhere in the served quiz'
);

-- Acting as the service role (server code)
select tests.authenticate_as_service_role();
select results_eq(
    $$delete from public.lessons where id = tests.id('lesson:l3') returning 1$$,
    array[1],
    'the service role deletes a lesson with progress: the guard is for API users'
);

select tests.clear_authentication();
select * from finish();
rollback;
