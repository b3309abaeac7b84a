/*
  Finding 9 (issue 6): existence oracles. Anything the caller may not see
  answers P0002 "not found", exactly as an id that does not exist, before
  any other check: another organization's seat, another organization's
  member in assign_seat, a lesson of a course the caller may not see in
  get_lesson, submit_quiz (which used to check the answer count first and
  so told the question count) and record_lesson_progress.
  Slugs (028, rls_policies/courses.sql): another author's hidden draft
  reserves no slug, so an educator's new course never collides with it
  (tests_sql/247_catalog_slug_oracle.sql has the rest).
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(16);

do $$
begin
  perform tests.create_org('t173-acme');
  perform tests.create_org('t173-globex');
  perform tests.create_user('t173-admin', 'org_admin', 't173-acme');
  perform tests.create_user('t173-member', 'learner', 't173-acme');
  perform tests.create_user('t173-gmember', 'learner', 't173-globex');
  perform tests.create_user('t173-eddie', 'educator');
  perform tests.create_user('t173-erin', 'educator');
  insert into public.subscriptions (
    id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
    plan_tier, plan_name, billing_interval, seat_count, amount_cents, status,
    current_period_start, current_period_end
  ) values
    (md5('t173:sub-a')::uuid, tests.get_org_id('t173-acme'), 'sub_t173a', 'cus_t173a', 'price_t173',
     'professional', 'Pro', 'month', 5, 1000, 'active', now(), now() + interval '1 month'),
    (md5('t173:sub-g')::uuid, tests.get_org_id('t173-globex'), 'sub_t173g', 'cus_t173g', 'price_t173',
     'professional', 'Pro', 'month', 5, 1000, 'active', now(), now() + interval '1 month');
  insert into public.subscription_seats (id, subscription_id, organization_id)
  values (md5('t173:seat-a')::uuid, md5('t173:sub-a')::uuid, tests.get_org_id('t173-acme')),
         (md5('t173:seat-g')::uuid, md5('t173:sub-g')::uuid, tests.get_org_id('t173-globex'));
  insert into public.courses (id, slug, title_en, category, level, duration_minutes, is_published, created_by)
  values (md5('t173:draft')::uuid, 't173-draft', 'Draft 173', 'Foundations', 'Introductory', 60, false,
          tests.get_user_id('t173-erin'));
  insert into public.lessons (id, course_id, order_index, lesson_type, title_en, quiz_questions)
  values (md5('t173:hidden-quiz')::uuid, md5('t173:draft')::uuid, 1, 'quiz', 'Hidden quiz',
          '[{"question": "Q1", "options": ["a", "b"], "correct_answer": 0},
            {"question": "Q2", "options": ["a", "b"], "correct_answer": 1},
            {"question": "Q3", "options": ["a", "b"], "correct_answer": 0}]');
end
$$;

-- Acting as the org_admin of acme: seats
select tests.authenticate_as('t173-admin');
select throws_ok(
  $$select public.assign_seat(md5('t173:seat-g')::uuid, tests.get_user_id('t173-member'))$$,
  'P0002', 'seat not found',
  'another organization''s seat is not found'
);
select throws_ok(
  $$select public.assign_seat(gen_random_uuid(), tests.get_user_id('t173-member'))$$,
  'P0002', 'seat not found',
  'exactly as an unknown seat'
);
select throws_ok(
  $$select public.revoke_seat(md5('t173:seat-g')::uuid)$$,
  'P0002', 'seat not found',
  'revoking another organization''s seat: not found'
);
select throws_ok(
  $$select public.revoke_seat(gen_random_uuid())$$,
  'P0002', 'seat not found',
  'exactly as an unknown seat'
);
select throws_ok(
  $$select public.assign_seat(md5('t173:seat-a')::uuid, tests.get_user_id('t173-gmember'))$$,
  'P0002', 'user not found',
  'another organization''s member is not found'
);
select throws_ok(
  $$select public.assign_seat(md5('t173:seat-a')::uuid, gen_random_uuid())$$,
  'P0002', 'user not found',
  'exactly as an unknown user'
);
select lives_ok(
  $$select public.assign_seat(md5('t173:seat-a')::uuid, tests.get_user_id('t173-member'))$$,
  'an own member on an own seat is assigned'
);

-- Acting as a learner: a lesson of an unpublished course
select tests.authenticate_as('t173-member');
select throws_ok(
  $$select * from public.get_lesson(md5('t173:hidden-quiz')::uuid)$$,
  'P0002', 'lesson not found',
  'get_lesson: a hidden lesson is not found (not "course not found")'
);
select throws_ok(
  $$select * from public.get_lesson(gen_random_uuid())$$,
  'P0002', 'lesson not found',
  'exactly as an unknown lesson'
);
select throws_ok(
  $$select * from public.submit_quiz(md5('t173:hidden-quiz')::uuid, '[]')$$,
  'P0002', 'lesson not found',
  'submit_quiz: a hidden quiz is not found before its answer count is checked (no question count)'
);
select throws_ok(
  $$select * from public.submit_quiz(md5('t173:hidden-quiz')::uuid, '[0, 1, 0]')$$,
  'P0002', 'lesson not found',
  'submit_quiz: a hidden quiz with the right count: the same not found'
);
select throws_ok(
  $$select * from public.submit_quiz(gen_random_uuid(), '[]')$$,
  'P0002', 'lesson not found',
  'exactly as an unknown lesson'
);
select throws_ok(
  $$select public.record_lesson_progress(md5('t173:hidden-quiz')::uuid, 10, false)$$,
  'P0002', 'lesson not found',
  'record_lesson_progress: a hidden lesson is not found'
);

-- Acting as its author: visible to her
select tests.authenticate_as('t173-erin');
select results_eq(
  $$select jsonb_array_length(quiz) from public.get_lesson(md5('t173:hidden-quiz')::uuid)$$,
  array[3],
  'the author still opens her draft''s lesson'
);

-- Acting as another educator: the hidden draft's slug is no oracle
select tests.authenticate_as('t173-eddie');
select is_empty(
  $$select 1 from public.courses where slug = 't173-draft'$$,
  'another educator does not see the draft'
);
select lives_ok(
  $$insert into public.courses (slug, title_en, category, level, duration_minutes, created_by)
    values ('t173-draft', 'Mine', 'Foundations', 'Introductory', 30, tests.get_user_id('t173-eddie'))$$,
  'a slug held by another author''s hidden draft is free to him: no 23505 tells him the draft exists'
);
select tests.clear_authentication();

select * from finish();
rollback;
