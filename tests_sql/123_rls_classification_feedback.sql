/*
  classification_feedback: reviewers (compliance_officer, analyst,
  investigator of any organization, super_admin) read all feedback and insert
  their own (reviewed_by = themselves); nobody updates or deletes from a
  client; the service role (training pipeline) writes.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(52);

-- Arrange (as the superuser): two organizations and one user per role in
-- acme, the super admin in none, and three users in globex.
do $$
begin
  perform tests.create_org('acme');
  perform tests.create_org('globex');
  perform tests.create_user('super', 'super_admin');
  perform tests.create_user('compliance', 'compliance_officer', 'acme');
  perform tests.create_user('orgadmin', 'org_admin', 'acme');
  perform tests.create_user('analyst', 'analyst', 'acme');
  perform tests.create_user('investigator', 'investigator', 'acme');
  perform tests.create_user('educator', 'educator', 'acme');
  perform tests.create_user('learner', 'learner', 'acme');
  perform tests.create_user('viewer', 'viewer', 'acme');
  perform tests.create_user('guest', 'guest', 'acme');
  perform tests.create_user('g_admin', 'org_admin', 'globex');
  perform tests.create_user('g_compliance', 'compliance_officer', 'globex');
  perform tests.create_user('g_learner', 'learner', 'globex');
end
$$;

-- A case and a raw case, with one feedback row by an acme analyst and one by a
-- globex compliance officer.
insert into public.tribunal_cases (id, case_number, title, tribunal, source_url)
values ('00000000-0000-0000-0000-0000000000c1', 'HRTO-1', 'Case', 'HRTO', 'https://example.test/1');
insert into public.tribunal_cases_raw (id, source_name, source_url)
values ('00000000-0000-0000-0000-0000000000d1', 'HRTO', 'https://hrto.test/1');
insert into public.classification_feedback (raw_case_id, case_id, feedback_type, reviewed_by) values
('00000000-0000-0000-0000-0000000000d1', null, 'correction', tests.get_user_id('analyst')),
(null, '00000000-0000-0000-0000-0000000000c1', 'confirmation', tests.get_user_id('g_compliance'));

-- Reads ---------------------------------------------------------------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$select count(*)::int from public.classification_feedback$$,
  '42501', null,
  'anon cannot read feedback (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('super');
select results_eq(
  $$select count(*)::int from public.classification_feedback where reviewed_by = any(tests.fixture_user_ids())$$,
  array[2],
  'a super admin (a reviewer) reads all feedback, from every organization'
);
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select results_eq(
  $$select count(*)::int from public.classification_feedback where reviewed_by = any(tests.fixture_user_ids())$$,
  array[2],
  'a compliance officer (a reviewer) reads all feedback, from every organization'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select results_eq(
  $$select count(*)::int from public.classification_feedback$$,
  array[0],
  'an org admin (not a reviewer) reads no feedback'
);
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select results_eq(
  $$select count(*)::int from public.classification_feedback where reviewed_by = any(tests.fixture_user_ids())$$,
  array[2],
  'an analyst (a reviewer) reads all feedback, from every organization'
);
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select results_eq(
  $$select count(*)::int from public.classification_feedback where reviewed_by = any(tests.fixture_user_ids())$$,
  array[2],
  'an investigator (a reviewer) reads all feedback, from every organization'
);
select tests.clear_authentication();

select tests.authenticate_as('educator');
select results_eq(
  $$select count(*)::int from public.classification_feedback$$,
  array[0],
  'an educator (not a reviewer) reads no feedback'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select results_eq(
  $$select count(*)::int from public.classification_feedback$$,
  array[0],
  'a learner (not a reviewer) reads no feedback'
);
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select results_eq(
  $$select count(*)::int from public.classification_feedback$$,
  array[0],
  'a viewer (not a reviewer) reads no feedback'
);
select tests.clear_authentication();

select tests.authenticate_as('guest');
select results_eq(
  $$select count(*)::int from public.classification_feedback$$,
  array[0],
  'a guest (not a reviewer) reads no feedback'
);
select tests.clear_authentication();

select tests.authenticate_as('g_admin');
select results_eq(
  $$select count(*)::int from public.classification_feedback$$,
  array[0],
  'an org admin of globex (not a reviewer) reads no feedback'
);
select tests.clear_authentication();

select tests.authenticate_as('g_compliance');
select results_eq(
  $$select count(*)::int from public.classification_feedback where reviewed_by = any(tests.fixture_user_ids())$$,
  array[2],
  'a compliance officer of globex (a reviewer) reads all feedback, from every organization'
);
select tests.clear_authentication();

select tests.authenticate_as('g_learner');
select results_eq(
  $$select count(*)::int from public.classification_feedback$$,
  array[0],
  'a learner of globex (not a reviewer) reads no feedback'
);
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select results_eq(
  $$select count(*)::int from public.classification_feedback where reviewed_by = any(tests.fixture_user_ids())$$,
  array[2],
  'the service role reads all feedback'
);
select tests.clear_authentication();

-- Inserts: reviewers insert their own feedback only ----------------------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$insert into public.classification_feedback (case_id, reviewed_by) values ('00000000-0000-0000-0000-0000000000c1',
    tests.get_user_id('analyst'))$$,
  '42501', null,
  'anon cannot insert feedback (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('super');
select lives_ok(
  $$insert into public.classification_feedback (case_id, feedback_type,
    reviewed_by) values ('00000000-0000-0000-0000-0000000000c1', 'suggestion', tests.get_user_id('super'))$$,
  'a super admin inserts feedback signed with their own id'
);
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select lives_ok(
  $$insert into public.classification_feedback (case_id, feedback_type,
    reviewed_by) values ('00000000-0000-0000-0000-0000000000c1', 'suggestion', tests.get_user_id('compliance'))$$,
  'a compliance officer inserts feedback signed with their own id'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select throws_ok(
  $$insert into public.classification_feedback (case_id, feedback_type,
    reviewed_by) values ('00000000-0000-0000-0000-0000000000c1', 'suggestion', tests.get_user_id('orgadmin'))$$,
  '42501', null,
  'an org admin cannot insert feedback, even signed with their own id (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select lives_ok(
  $$insert into public.classification_feedback (case_id, feedback_type,
    reviewed_by) values ('00000000-0000-0000-0000-0000000000c1', 'suggestion', tests.get_user_id('analyst'))$$,
  'an analyst inserts feedback signed with their own id'
);
select throws_ok(
  $$insert into public.classification_feedback (case_id, feedback_type,
    reviewed_by) values ('00000000-0000-0000-0000-0000000000c1', 'suggestion', tests.get_user_id('investigator'))$$,
  '42501', null,
  'an analyst cannot insert feedback signed by another reviewer (raises 42501)'
);
select throws_ok(
  $$insert into public.classification_feedback (case_id, feedback_type, reviewed_by,
    used_for_training) values ('00000000-0000-0000-0000-0000000000c1', 'suggestion', tests.get_user_id('analyst'),
    true)$$,
  '42501', null,
  'an analyst cannot set used_for_training (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select lives_ok(
  $$insert into public.classification_feedback (case_id, feedback_type,
    reviewed_by) values ('00000000-0000-0000-0000-0000000000c1', 'suggestion', tests.get_user_id('investigator'))$$,
  'an investigator inserts feedback signed with their own id'
);
select tests.clear_authentication();

select tests.authenticate_as('educator');
select throws_ok(
  $$insert into public.classification_feedback (case_id, feedback_type,
    reviewed_by) values ('00000000-0000-0000-0000-0000000000c1', 'suggestion', tests.get_user_id('educator'))$$,
  '42501', null,
  'an educator cannot insert feedback, even signed with their own id (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select throws_ok(
  $$insert into public.classification_feedback (case_id, feedback_type,
    reviewed_by) values ('00000000-0000-0000-0000-0000000000c1', 'suggestion', tests.get_user_id('learner'))$$,
  '42501', null,
  'a learner cannot insert feedback, even signed with their own id (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select throws_ok(
  $$insert into public.classification_feedback (case_id, feedback_type,
    reviewed_by) values ('00000000-0000-0000-0000-0000000000c1', 'suggestion', tests.get_user_id('viewer'))$$,
  '42501', null,
  'a viewer cannot insert feedback, even signed with their own id (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('guest');
select throws_ok(
  $$insert into public.classification_feedback (case_id, feedback_type,
    reviewed_by) values ('00000000-0000-0000-0000-0000000000c1', 'suggestion', tests.get_user_id('guest'))$$,
  '42501', null,
  'a guest cannot insert feedback, even signed with their own id (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('g_admin');
select throws_ok(
  $$insert into public.classification_feedback (case_id, feedback_type,
    reviewed_by) values ('00000000-0000-0000-0000-0000000000c1', 'suggestion', tests.get_user_id('g_admin'))$$,
  '42501', null,
  'an org admin of globex cannot insert feedback, even signed with their own id (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('g_compliance');
select lives_ok(
  $$insert into public.classification_feedback (case_id, feedback_type,
    reviewed_by) values ('00000000-0000-0000-0000-0000000000c1', 'suggestion', tests.get_user_id('g_compliance'))$$,
  'a compliance officer of globex inserts feedback signed with their own id'
);
select tests.clear_authentication();

select tests.authenticate_as('g_learner');
select throws_ok(
  $$insert into public.classification_feedback (case_id, feedback_type,
    reviewed_by) values ('00000000-0000-0000-0000-0000000000c1', 'suggestion', tests.get_user_id('g_learner'))$$,
  '42501', null,
  'a learner of globex cannot insert feedback, even signed with their own id (raises 42501)'
);
select tests.clear_authentication();

select results_eq(
  $$select count(*)::int from public.classification_feedback where reviewed_by = any(tests.fixture_user_ids())$$,
  array[7],
  'reviewers added five rows, the denied inserts none'
);

-- Updates and deletes: no client changes feedback after the fact --------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$update public.classification_feedback set comments = 'x'$$,
  '42501', null,
  'anon cannot update feedback (raises 42501)'
);
select throws_ok(
  $$delete from public.classification_feedback$$,
  '42501', null,
  'anon cannot delete feedback (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('super');
select throws_ok(
  $$update public.classification_feedback set comments = 'x'$$,
  '42501', null,
  'a super admin cannot update feedback (raises 42501)'
);
select throws_ok(
  $$delete from public.classification_feedback$$,
  '42501', null,
  'a super admin cannot delete feedback (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select throws_ok(
  $$update public.classification_feedback set comments = 'x'$$,
  '42501', null,
  'a compliance officer cannot update feedback (raises 42501)'
);
select throws_ok(
  $$delete from public.classification_feedback$$,
  '42501', null,
  'a compliance officer cannot delete feedback (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select throws_ok(
  $$update public.classification_feedback set comments = 'x'$$,
  '42501', null,
  'an org admin cannot update feedback (raises 42501)'
);
select throws_ok(
  $$delete from public.classification_feedback$$,
  '42501', null,
  'an org admin cannot delete feedback (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select throws_ok(
  $$update public.classification_feedback set comments = 'x'$$,
  '42501', null,
  'an analyst cannot update feedback (raises 42501)'
);
select throws_ok(
  $$delete from public.classification_feedback$$,
  '42501', null,
  'an analyst cannot delete feedback (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select throws_ok(
  $$update public.classification_feedback set comments = 'x'$$,
  '42501', null,
  'an investigator cannot update feedback (raises 42501)'
);
select throws_ok(
  $$delete from public.classification_feedback$$,
  '42501', null,
  'an investigator cannot delete feedback (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('educator');
select throws_ok(
  $$update public.classification_feedback set comments = 'x'$$,
  '42501', null,
  'an educator cannot update feedback (raises 42501)'
);
select throws_ok(
  $$delete from public.classification_feedback$$,
  '42501', null,
  'an educator cannot delete feedback (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select throws_ok(
  $$update public.classification_feedback set comments = 'x'$$,
  '42501', null,
  'a learner cannot update feedback (raises 42501)'
);
select throws_ok(
  $$delete from public.classification_feedback$$,
  '42501', null,
  'a learner cannot delete feedback (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select throws_ok(
  $$update public.classification_feedback set comments = 'x'$$,
  '42501', null,
  'a viewer cannot update feedback (raises 42501)'
);
select throws_ok(
  $$delete from public.classification_feedback$$,
  '42501', null,
  'a viewer cannot delete feedback (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('guest');
select throws_ok(
  $$update public.classification_feedback set comments = 'x'$$,
  '42501', null,
  'a guest cannot update feedback (raises 42501)'
);
select throws_ok(
  $$delete from public.classification_feedback$$,
  '42501', null,
  'a guest cannot delete feedback (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select results_eq(
  $$update public.classification_feedback set used_for_training = true where reviewed_by = tests.get_user_id('analyst')
    returning 1$$,
  $$values (1), (1)$$,
  'the service role (training pipeline) marks feedback used for training'
);
select results_eq(
  $$delete from public.classification_feedback where reviewed_by = tests.get_user_id('super') returning 1$$,
  $$values (1)$$,
  'the service role deletes feedback'
);
select tests.clear_authentication();

select * from finish();
rollback;
