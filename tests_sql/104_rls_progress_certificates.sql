/*
  progress and certificates: own rows; staff(org) read members' rows;
  super_admin all; no client writes (progress only through start_course,
  record_lesson_progress and submit_quiz; certificates issued by the service
  role); verify_certificate for anyone, by number AND verification code,
  returning name/course/dates/status; the number alone finds nothing.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(95);

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

-- A free course (a timed reading lesson and a quiz), a professional course,
-- a draft, and a course that needs the free one first. Progress rows for
-- ivan (acme), glen (globex) and dora (soft-deleted); certificates for
-- ivan, glen (revoked) and dora.
do $$
begin
  insert into public.courses (id, title_en, title_fr, slug, category, level, duration_minutes, is_published,
    tier_required, prerequisite_course_ids)
  values
    (tests.id('course:free'), 'Foundations', 'Fondements', 'foundations', 'Foundations', 'Introductory', 60, true,
      'free', '{}'),
    (tests.id('course:pro'), 'Leadership', null, 'leadership', 'Leadership', 'Advanced', 90, true, 'professional',
      '{}'),
    (tests.id('course:draft'), 'Draft', null, 'draft', 'Workplace', 'Intermediate', 30, false, 'free', '{}'),
    (tests.id('course:next'), 'Next', null, 'next', 'Workplace', 'Intermediate', 30, true, 'free',
      array[tests.id('course:free')]);
  insert into public.lessons (id, course_id, title_en, lesson_type, order_index, min_time_seconds, quiz_questions,
    pass_threshold)
  values
    (tests.id('lesson:read'), tests.id('course:free'), 'Read', 'reading', 1, 60, null, 70),
    (tests.id('lesson:quiz'), tests.id('course:free'), 'Quiz', 'quiz', 2, null,
      '[{"question": "Q1?", "options": ["a", "b"], "correct_answer": 1, "explanation": "b"},
        {"question": "Q2?", "options": ["c", "d"], "correct_answer": 0, "explanation": "c"}]', 70),
    (tests.id('lesson:pro'), tests.id('course:pro'), 'Pro', 'video', 1, null, null, 70),
    (tests.id('lesson:draft'), tests.id('course:draft'), 'Draft', 'reading', 1, null, null, 70);
  insert into public.progress (user_id, course_id)
  values
    (tests.get_user_id('ivan'), tests.id('course:free')),
    (tests.get_user_id('glen'), tests.id('course:free')),
    (tests.get_user_id('dora'), tests.id('course:free'));
  insert into public.certificates (user_id, course_id, certificate_number, verification_code, issued_date, expiry_date,
    final_score, status, revoked_at)
  values
    (tests.get_user_id('ivan'), tests.id('course:free'), 'ABR-2024-000101', 'A1B2C3D4E5F6', '2024-03-01', '2099-03-01',
      92.5, 'active', null),
    (tests.get_user_id('glen'), tests.id('course:free'), 'ABR-2024-000102', '0123456789AB', '2024-03-02', null, 80,
      'revoked', now()),
    (tests.get_user_id('dora'), tests.id('course:free'), 'ABR-2024-000103', 'DDDDDDDDDDDD', '2024-03-03', null, 75,
      'active', null),
    (tests.get_user_id('cora'), tests.id('course:free'), 'ABR-2020-000104', 'C0C0C0C0C0C0', '2020-01-01', '2021-01-01',
      70, 'active', null);
end
$$;

-- verify_outcome: the SQLSTATE verify_certificate ends with ('ok' when it
-- returns a row), to probe many numbers in one assertion.
create function pg_temp.verify_outcome(p_number text, p_code text) returns text
language plpgsql
as $$
begin
  perform public.verify_certificate(p_number, p_code);
  return 'ok';
exception when others then
  return sqlstate;
end;
$$;

-- Reading progress and certificates --------------------------------------------------------------

select tests.authenticate_as('sam');
select results_eq(
  $$select count(*)::int from public.progress where user_id = any(tests.fixture_user_ids())$$,
  array[3],
  'a super_admin reads every progress row'
);
select results_eq(
  $$select count(*)::int from public.certificates where user_id = any(tests.fixture_user_ids())$$,
  array[4],
  'a super_admin reads every certificate'
);
select tests.authenticate_as('cora');
select results_eq(
  $$select user_id from public.progress$$,
  array[tests.get_user_id('ivan')],
  'a compliance_officer reads progress of live acme members only'
);
select results_eq(
  $$select count(*)::int from public.certificates$$,
  array[2],
  'a compliance_officer reads certificates of live acme members (ivan''s and her own)'
);
select tests.authenticate_as('olga');
select results_eq(
  $$select user_id from public.progress$$,
  array[tests.get_user_id('ivan')],
  'an org_admin reads progress of live acme members only'
);
select tests.authenticate_as('ana');
select results_eq(
  $$select count(*)::int from public.certificates$$,
  array[2],
  'an analyst reads certificates of live acme members'
);
select tests.authenticate_as('ivan');
select results_eq(
  $$select user_id from public.progress$$,
  array[tests.get_user_id('ivan')],
  'an investigator reads his own progress'
);
select results_eq(
  $$select certificate_number from public.certificates$$,
  array['ABR-2024-000101'],
  'an investigator reads his own certificate'
);
select results_eq(
  $$select certificate_number, verification_code from public.certificates$$,
  $$values ('ABR-2024-000101'::text, 'A1B2C3D4E5F6'::text)$$,
  'the holder reads his certificate''s verification code, to share it with its number'
);
select tests.authenticate_as('eddie');
select is_empty($$select 1 from public.progress$$, 'an educator reads no one else''s progress');
select is_empty($$select 1 from public.certificates$$, 'an educator reads no one else''s certificate');
select tests.authenticate_as('lena');
select is_empty($$select 1 from public.progress$$, 'a learner without progress reads nothing');
select tests.authenticate_as('vic');
select is_empty($$select 1 from public.certificates$$, 'a viewer reads no one else''s certificate');
select tests.authenticate_as('gus');
select is_empty($$select 1 from public.progress$$, 'a guest reads no one else''s progress');
select tests.authenticate_as('gina');
select results_eq(
  $$select user_id from public.progress$$,
  array[tests.get_user_id('glen')],
  'a globex org_admin reads only globex members'' progress'
);
select results_eq(
  $$select certificate_number from public.certificates$$,
  array['ABR-2024-000102'],
  'a globex org_admin reads only globex members'' certificates'
);
select tests.authenticate_as('dora');
select is_empty($$select 1 from public.progress$$, 'a soft-deleted learner no longer reads her progress');
select tests.authenticate_as_anon();
select throws_ok($$select 1 from public.progress$$, '42501', null, 'anon cannot read progress: permission denied');
select throws_ok(
  $$select 1 from public.certificates$$,
  '42501', null,
  'anon cannot read certificates: permission denied'
);
select tests.authenticate_as_service_role();
select results_eq(
  $$select count(*)::int from public.progress where user_id = any(tests.fixture_user_ids())$$,
  array[3],
  'the service role reads every progress row'
);

-- No client writes them directly ------------------------------------------------------------------

select tests.authenticate_as('lena');
select throws_ok(
  $$insert into public.progress (user_id, course_id) values (tests.get_user_id('lena'), tests.id('course:free'))$$,
  '42501', null,
  'a learner cannot insert progress: no grant (RPCs only)'
);
select throws_ok(
  $$insert into public.certificates (user_id, course_id) values (tests.get_user_id('lena'), tests.id('course:free'))$$,
  '42501', null,
  'a learner cannot issue herself a certificate: no grant'
);
select tests.authenticate_as('ivan');
select throws_ok(
  $$update public.progress set completion_percentage = 100$$,
  '42501', null,
  'a learner cannot update his own progress: no grant'
);
select throws_ok(
  $$delete from public.certificates$$,
  '42501', null,
  'a learner cannot delete his certificate: no grant'
);
select tests.authenticate_as('olga');
select throws_ok(
  $$update public.certificates set status = 'revoked', revoked_at = now()$$,
  '42501', null,
  'an org_admin cannot revoke certificates: no grant'
);
select throws_ok($$delete from public.progress$$, '42501', null, 'an org_admin cannot delete progress: no grant');
select tests.authenticate_as('sam');
select throws_ok(
  $$update public.progress set completion_percentage = 100$$,
  '42501', null,
  'even a super_admin writes progress only through RPCs: no grant'
);
select throws_ok(
  $$insert into public.certificates (user_id, course_id) values (tests.get_user_id('sam'), tests.id('course:free'))$$,
  '42501', null,
  'even a super_admin does not issue certificates from the client: no grant'
);
select tests.authenticate_as('vic');
select throws_ok(
  $$insert into public.progress (user_id, course_id) values (tests.get_user_id('vic'), tests.id('course:free'))$$,
  '42501', null,
  'a viewer cannot insert progress: no grant'
);
select tests.authenticate_as_anon();
select throws_ok(
  $$insert into public.progress (user_id, course_id) values (tests.get_user_id('lena'), tests.id('course:free'))$$,
  '42501', null,
  'anon cannot insert progress: permission denied'
);
select tests.authenticate_as_service_role();
select lives_ok(
  $$insert into public.certificates (user_id, course_id) values (tests.get_user_id('eddie'), tests.id('course:free'))$$,
  'the service role issues a certificate'
);
select matches(
  (
    select certificate_number
    from public.certificates
    where user_id = tests.get_user_id('eddie')
  ),
  '^ABR-[0-9]{4}-[0-9]{6}$',
  'the database numbers it ABR-YYYY-NNNNNN'
);
select matches(
  (
    select verification_code
    from public.certificates
    where user_id = tests.get_user_id('eddie')
  ),
  '^[0-9A-F]{12}$',
  'the database gives it a random 12-character verification code'
);
select lives_ok(
  $$insert into public.certificates (user_id, course_id) values (tests.get_user_id('vic'), tests.id('course:free'))$$,
  'the service role issues another certificate'
);
select isnt(
  (
    select verification_code
    from public.certificates
    where user_id = tests.get_user_id('eddie')
  ),
  (
    select verification_code
    from public.certificates
    where user_id = tests.get_user_id('vic')
  ),
  'the other certificate gets another random code'
);
select throws_ok(
  $$update public.certificates set verification_code = 'weak' where user_id = tests.get_user_id('eddie')$$,
  '23514', null,
  'a verification code must be 12 characters 0-9, A-F (check constraint)'
);

-- start_course ---------------------------------------------------------------------------------------

select tests.authenticate_as('lena');
select throws_ok(
  $$select public.start_course(null)$$,
  '22023', 'p_course_id is required',
  'start_course rejects a null id'
);
select throws_ok(
  $$select public.start_course(gen_random_uuid())$$,
  'P0002', 'course not found',
  'start_course reports an unknown course'
);
select throws_ok(
  $$select public.start_course(tests.id('course:draft'))$$,
  'P0002', 'course not found',
  'start_course refuses an unpublished course'
);
select throws_ok($$select public.start_course(tests.id('course:next'))$$, '42501',
  'complete the prerequisite courses first: Foundations',
  'start_course refuses a course whose prerequisites are not completed, naming them');
select results_eq(
  $$select user_id, lesson_id, total_lessons, completion_percentage from public.start_course(tests.id('course:free'))$$,
  $$values (tests.get_user_id('lena'), null::uuid, 2, 0.00::numeric)$$,
  'a learner starts a free course: her course-level row, 2 lessons to complete'
);
select throws_ok(
  $$select public.start_course(tests.id('course:free'))$$,
  '23505', 'course already started',
  'starting the same course twice is a conflict'
);
select results_eq(
  $$select count(*)::int from public.progress$$,
  array[1],
  'the learner now reads her one progress row'
);
select tests.authenticate_as('ivan');
select throws_ok(
  $$select public.start_course(tests.id('course:pro'))$$,
  '42501', 'this course requires the professional tier',
  'a free-tier user cannot start a professional course'
);
select tests.authenticate_as('vic');
select throws_ok(
  $$select public.start_course(tests.id('course:free'))$$,
  '42501', 'viewer and guest accounts are read-only and record no progress',
  'a viewer cannot start a course'
);
select tests.authenticate_as('gus');
select throws_ok(
  $$select public.start_course(tests.id('course:free'))$$,
  '42501', 'viewer and guest accounts are read-only and record no progress',
  'a guest cannot start a course'
);
select tests.authenticate_as('dora');
select throws_ok(
  $$select public.start_course(tests.id('course:free'))$$,
  '42501', 'sign in first: this needs a signed-in user with a profile',
  'a soft-deleted user cannot start a course'
);
select tests.authenticate_as_anon();
select throws_ok(
  $$select public.start_course(tests.id('course:free'))$$,
  '42501', null,
  'anon cannot start a course: no execute grant'
);

-- record_lesson_progress -------------------------------------------------------------------------------

select tests.authenticate_as('lena');
select throws_ok(
  $$select public.record_lesson_progress(null, 10, false)$$,
  '22023', 'p_lesson_id is required',
  'record_lesson_progress rejects a null lesson'
);
select throws_ok(
  $$select public.record_lesson_progress(tests.id('lesson:read'), -5, false)$$,
  '22023', 'p_time_spent_seconds must be between 0 and 86400',
  'record_lesson_progress rejects negative time'
);
select throws_ok(
  $$select public.record_lesson_progress(tests.id('lesson:read'), 10, null)$$,
  '22023', 'p_completed is required',
  'record_lesson_progress rejects a null p_completed'
);
select throws_ok(
  $$select public.record_lesson_progress(gen_random_uuid(), 10, false)$$,
  'P0002', 'lesson not found',
  'record_lesson_progress reports an unknown lesson'
);
select throws_ok(
  $$select public.record_lesson_progress(tests.id('lesson:pro'), 10, false)$$,
  'P0002', 'course not started',
  'record_lesson_progress needs the course started'
);
select throws_ok(
  $$select public.record_lesson_progress(tests.id('lesson:read'), 30, true)$$,
  '22023', 'this lesson needs at least 60 seconds before it is completed',
  'a timed lesson is not completed too early'
);
select results_eq(
  $$select count(*)::int from public.progress where lesson_id is not null$$,
  array[0],
  'the refused call wrote nothing'
);
select results_eq(
  $$select completion_percentage, lessons_completed, time_spent_seconds
    from public.record_lesson_progress(tests.id('lesson:read'), 60, false)$$,
  $$values (0.00::numeric, 0, 60)$$,
  'time spent is recorded and rolled up to the course row'
);
select results_eq(
  $$select completion_percentage, lessons_completed from public.record_lesson_progress(tests.id('lesson:read'), 0,
    true)$$,
  $$values (50.00::numeric, 1)$$,
  'completing one of two lessons puts the course at 50%'
);
select throws_ok(
  $$select public.record_lesson_progress(tests.id('lesson:quiz'), 10, true)$$,
  '22023', 'a quiz lesson is completed by passing its quiz',
  'a quiz lesson cannot be marked completed without passing it'
);
select tests.authenticate_as('vic');
select throws_ok(
  $$select public.record_lesson_progress(tests.id('lesson:read'), 10, false)$$,
  '42501', 'viewer and guest accounts are read-only and record no progress',
  'a viewer records no progress'
);

-- submit_quiz -------------------------------------------------------------------------------------------

select tests.authenticate_as('lena');
select throws_ok(
  $$select * from public.submit_quiz(null, '[]')$$,
  '22023', 'p_lesson_id is required',
  'submit_quiz rejects a null lesson'
);
select throws_ok(
  $$select * from public.submit_quiz(tests.id('lesson:quiz'), '{"a": 1}')$$,
  '22023', 'p_answers must be a JSON array',
  'submit_quiz rejects answers that are not an array'
);
select throws_ok(
  $$select * from public.submit_quiz(tests.id('lesson:quiz'), '[1]')$$,
  '22023',
  'question 2 is not answered',
  'submit_quiz rejects a missing answer, naming the question'
);
select throws_ok(
  $$select * from public.submit_quiz(tests.id('lesson:read'), '[1]')$$,
  '22023', 'this lesson has no quiz',
  'submit_quiz rejects a lesson without a quiz'
);
select throws_ok(
  $$select * from public.submit_quiz(gen_random_uuid(), '[1]')$$,
  'P0002', 'lesson not found',
  'submit_quiz reports an unknown lesson'
);
select results_eq(
  $$select score, passed from public.submit_quiz(tests.id('lesson:quiz'), '[0, "d"]')$$,
  $$values (0.00::numeric, false)$$,
  'wrong answers score 0 and fail'
);
select results_eq(
  $$select score, passed from public.submit_quiz(tests.id('lesson:quiz'), '[1, "d"]')$$,
  $$values (50.00::numeric, false)$$,
  'half right scores 50, under the 70 threshold'
);
select results_eq(
  $$select score, passed from public.submit_quiz(tests.id('lesson:quiz'), '[1, 0]')$$,
  $$values (100.00::numeric, true)$$,
  'right answers (as option index or text) score 100 and pass'
);
select results_eq(
  $$select array_agg(k order by k) from jsonb_object_keys((select to_jsonb(r) from
    public.submit_quiz(tests.id('lesson:quiz'), '[0, 0]') as r)) as k$$,
  $$values (array['passed', 'score'])$$,
  'submit_quiz returns the score and passed only, never the answers'
);
select results_eq(
  $$select quiz_attempts, quiz_best_score, quiz_last_score,
    quiz_passed from public.progress where lesson_id = tests.id('lesson:quiz')$$,
  $$values (4, 100.00::numeric, 50.00::numeric, true)$$,
  'attempts, best and last score are kept; a later failure does not undo the pass'
);
select results_eq(
  $$select completion_percentage, lessons_completed, completed_at is not null from public.progress where lesson_id is
    null and course_id = tests.id('course:free')$$,
  $$values (100.00::numeric, 2, true)$$,
  'passing the quiz completes the course'
);
select lives_ok(
  $$select public.start_course(tests.id('course:next'))$$,
  'with its prerequisite completed, the next course starts'
);
select tests.authenticate_as('gus');
select throws_ok(
  $$select * from public.submit_quiz(tests.id('lesson:quiz'), '[1, 0]')$$,
  '42501', 'viewer and guest accounts are read-only and record no progress',
  'a guest submits no quiz'
);
select tests.authenticate_as('ivan');
select results_eq(
  $$select passed from public.submit_quiz(tests.id('lesson:quiz'), '[1, 0]')$$,
  array[true],
  'an investigator who started the course takes the quiz'
);

-- Staff see the learner's new progress; another org does not
select tests.authenticate_as('olga');
select results_eq(
  $$select count(*)::int from public.progress where user_id = tests.get_user_id('lena')$$,
  array[4],
  'the org_admin reads the learner''s new progress rows'
);
select tests.authenticate_as('gina');
select is_empty(
  $$select 1 from public.progress where user_id = tests.get_user_id('lena')$$,
  'a globex org_admin reads none of them'
);

-- verify_certificate: for anyone, by number and code, name/course/dates/status only -----------------------

select tests.authenticate_as_anon();
select results_eq(
  $$select * from public.verify_certificate('ABR-2024-000101', 'A1B2C3D4E5F6')$$,
  $$values ('Ivan'::text, 'Foundations'::text, 'Fondements'::text, '2024-03-01'::date, '2099-03-01'::date,
    'active'::text)$$,
  'anon verifies a certificate by number and code: holder name, course titles, dates and status'
);
select results_eq(
  $$select array_agg(k order by k) from jsonb_object_keys((select to_jsonb(v) from
    public.verify_certificate('ABR-2024-000101', 'A1B2C3D4E5F6') as v)) as k$$,
  $$values (array['course_title_en', 'course_title_fr', 'expiry_date', 'holder_name', 'issued_date', 'status'])$$,
  'verification returns no id, email, score, organization or code'
);
select results_eq(
  $$select status from public.verify_certificate(' abr-2024-000102 ', ' 0123456789ab ')$$,
  array['revoked'],
  'a revoked certificate verifies as revoked (number and code trimmed, case-insensitive)'
);
select results_eq(
  $$select status from public.verify_certificate('ABR-2020-000104', 'C0C0C0C0C0C0')$$,
  array['expired'],
  'a certificate past its expiry date verifies as expired'
);
select throws_ok(
  $$select * from public.verify_certificate('not-a-number', 'A1B2C3D4E5F6')$$,
  '22023', 'p_certificate_number must look like ABR-YYYY-NNNNNN',
  'a malformed number is invalid input'
);
select throws_ok(
  $$select * from public.verify_certificate(null, 'A1B2C3D4E5F6')$$,
  '22023', 'p_certificate_number must look like ABR-YYYY-NNNNNN',
  'a null number is invalid input'
);
select throws_ok(
  $$select * from public.verify_certificate('ABR-2024-000101', 'A1B2C3')$$,
  '22023', 'p_verification_code must be 12 characters, 0-9 and A-F',
  'a too short code is invalid input'
);
select throws_ok(
  $$select * from public.verify_certificate('ABR-2024-000101', 'A1B2C3D4E5FZ')$$,
  '22023', 'p_verification_code must be 12 characters, 0-9 and A-F',
  'a code with a non-hex character is invalid input'
);
select throws_ok(
  $$select * from public.verify_certificate('ABR-2024-000101', null)$$,
  '22023', 'p_verification_code must be 12 characters, 0-9 and A-F',
  'a null code is invalid input'
);
select throws_ok(
  $$select * from public.verify_certificate('ABR-2024-000101', '')$$,
  '22023', 'p_verification_code must be 12 characters, 0-9 and A-F',
  'an empty code is invalid input'
);
select throws_ok(
  $$select * from public.verify_certificate('ABR-2024-999999', 'A1B2C3D4E5F6')$$,
  'P0002', 'certificate not found',
  'an unknown number is not found'
);
select throws_ok(
  $$select * from public.verify_certificate('ABR-2024-000101', 'A1B2C3D4E5F7')$$,
  'P0002', 'certificate not found',
  'a wrong code for a real number: the same not found as an unknown number (no oracle)'
);
select throws_ok(
  $$select * from public.verify_certificate('ABR-2024-000101', '0123456789AB')$$,
  'P0002', 'certificate not found',
  'another certificate''s code does not open this one'
);
select throws_ok(
  $$select * from public.verify_certificate('ABR-2024-000103', 'DDDDDDDDDDDD')$$,
  'P0002', 'certificate not found',
  'a soft-deleted holder''s certificate is not found, even with its code'
);
select throws_ok(
  $$select * from public.verify_certificate('ABR-2024-000101')$$,
  '42883', null,
  'the number alone verifies nothing: the one-argument signature no longer exists'
);
select ok(
  not exists (
    select 1 from pg_catalog.pg_proc as pr
    where pr.proname = 'verify_certificate' and pr.pronargs <> 2
  ),
  'no verify_certificate of another arity is left in any schema'
);
select results_eq(
  $$select pg_temp.verify_outcome(pg_catalog.format('ABR-2024-%s', pg_catalog.lpad(n::text, 6, '0')),
    'A1B2C3D4E5F7') as outcome, count(*)::int
    from generate_series(1, 300) as n group by 1$$,
  $$values ('P0002'::text, 300)$$,
  'walking the number sequence with a guessed code gives the same not found for all 300 numbers, real ones (101-104) '
  'included'
);
select tests.authenticate_as('glen');
select results_eq(
  $$select holder_name from public.verify_certificate('ABR-2024-000101', 'A1B2C3D4E5F6')$$,
  array['Ivan'],
  'a signed-in user of another org verifies a certificate too'
);
select throws_ok(
  $$select * from public.verify_certificate('ABR-2024-000101', 'FFFFFFFFFFFF')$$,
  'P0002', 'certificate not found',
  'a signed-in user with a wrong code finds nothing either'
);
select tests.authenticate_as_service_role();
select results_eq(
  $$select holder_name from public.verify_certificate('ABR-2024-000101', 'A1B2C3D4E5F6')$$,
  array['Ivan'],
  'the service role verifies a certificate'
);

select tests.clear_authentication();
select * from finish();
rollback;
