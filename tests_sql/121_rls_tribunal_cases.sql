/*
  tribunal_cases: every signed-in user reads live cases; reviewers
  (compliance_officer, analyst, investigator of any organization, super_admin)
  insert and update; super_admin alone sees soft-deleted cases, soft-deletes
  and deletes; anon has nothing.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(57);

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

-- Two live cases and one soft-deleted case.
insert into public.tribunal_cases (id, case_number, title, tribunal, source_url, deleted_at) values
('00000000-0000-0000-0000-0000000000c1', 'HRTO-1', 'Live one', 'HRTO', 'https://example.test/1', null),
('00000000-0000-0000-0000-0000000000c2', 'HRTO-2', 'Live two', 'HRTO', 'https://example.test/2', null),
('00000000-0000-0000-0000-0000000000c3', 'HRTO-3', 'Deleted', 'HRTO', 'https://example.test/3', now());
-- Case law is shared: reads are counted within these three cases.
insert into tests.fixtures (kind, id)
select 'case', id from public.tribunal_cases
where id::text like '00000000-0000-0000-0000-0000000000c_';

-- Reads ---------------------------------------------------------------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$select count(*) from public.tribunal_cases$$,
  '42501', null,
  'anon cannot read cases (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('super');
select results_eq(
  $$select count(*)::int from public.tribunal_cases where id = any(tests.fixture_ids('case'))$$,
  array[3],
  'a super admin reads every case, soft-deleted included'
);
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select results_eq(
  $$select count(*)::int from public.tribunal_cases where id = any(tests.fixture_ids('case'))$$,
  array[2],
  'a compliance officer reads the live cases only'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select results_eq(
  $$select count(*)::int from public.tribunal_cases where id = any(tests.fixture_ids('case'))$$,
  array[2],
  'an org admin reads the live cases only'
);
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select results_eq(
  $$select count(*)::int from public.tribunal_cases where id = any(tests.fixture_ids('case'))$$,
  array[2],
  'an analyst reads the live cases only'
);
select is_empty(
  $$select 1 from public.tribunal_cases where id = '00000000-0000-0000-0000-0000000000c3'$$,
  'an analyst does not see the soft-deleted case'
);
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select results_eq(
  $$select count(*)::int from public.tribunal_cases where id = any(tests.fixture_ids('case'))$$,
  array[2],
  'an investigator reads the live cases only'
);
select tests.clear_authentication();

select tests.authenticate_as('educator');
select results_eq(
  $$select count(*)::int from public.tribunal_cases where id = any(tests.fixture_ids('case'))$$,
  array[2],
  'an educator reads the live cases only'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select results_eq(
  $$select count(*)::int from public.tribunal_cases where id = any(tests.fixture_ids('case'))$$,
  array[2],
  'a learner reads the live cases only'
);
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select results_eq(
  $$select count(*)::int from public.tribunal_cases where id = any(tests.fixture_ids('case'))$$,
  array[2],
  'a viewer reads the live cases only'
);
select tests.clear_authentication();

select tests.authenticate_as('guest');
select results_eq(
  $$select count(*)::int from public.tribunal_cases where id = any(tests.fixture_ids('case'))$$,
  array[2],
  'a guest reads the live cases only'
);
select tests.clear_authentication();

select tests.authenticate_as('g_learner');
select results_eq(
  $$select count(*)::int from public.tribunal_cases where id = any(tests.fixture_ids('case'))$$,
  array[2],
  'a learner of another organization reads the same live cases'
);
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select results_eq(
  $$select count(*)::int from public.tribunal_cases where id = any(tests.fixture_ids('case'))$$,
  array[3],
  'the service role reads every case'
);
select tests.clear_authentication();

-- Inserts -------------------------------------------------------------------------

select tests.authenticate_as_anon();
select throws_ok($$insert into public.tribunal_cases (case_number, title, tribunal, source_url) values ('A-1', 't',
  'HRTO', 'u')$$,
  '42501', null, 'anon cannot insert a case (raises 42501)');
select tests.clear_authentication();

select tests.authenticate_as('super');
select lives_ok($$insert into public.tribunal_cases (case_number, title, tribunal, source_url) values ('S-1', 't',
  'HRTO', 'u')$$,
  'a super admin inserts a case');
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select lives_ok($$insert into public.tribunal_cases (case_number, title, tribunal, source_url) values ('C-1', 't',
  'HRTO', 'u')$$,
  'a compliance officer inserts a case');
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select lives_ok($$insert into public.tribunal_cases (case_number, title, tribunal, source_url, reviewed_by)
  values ('AN-1', 't', 'HRTO', 'u', tests.get_user_id('analyst'))$$,
  'an analyst inserts a case, naming herself as reviewer');
select throws_ok($$insert into public.tribunal_cases (case_number, title, tribunal, source_url, reviewed_by)
  values ('AN-2', 't', 'HRTO', 'u', tests.get_user_id('investigator'))$$,
  '42501', 'reviewed_by can only be set to yourself', 'an analyst cannot name another reviewer (raises 42501)');
select throws_ok($$insert into public.tribunal_cases (case_number, title, tribunal, source_url,
  deleted_at) values ('AN-3', 't', 'HRTO', 'u', now())$$,
  '42501', null, 'an analyst cannot insert a soft-deleted case (raises 42501)');
select throws_ok($$insert into public.tribunal_cases (case_number, title, tribunal, source_url, ingested_from_raw_id)
  values ('AN-4', 't', 'HRTO', 'u', gen_random_uuid())$$,
  '42501', null, 'an analyst cannot set the lineage column ingested_from_raw_id (raises 42501)');
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select lives_ok($$insert into public.tribunal_cases (case_number, title, tribunal, source_url) values ('I-1', 't',
  'HRTO', 'u')$$,
  'an investigator inserts a case');
select tests.clear_authentication();

select tests.authenticate_as('g_compliance');
select lives_ok($$insert into public.tribunal_cases (case_number, title, tribunal, source_url) values ('G-1', 't',
  'HRTO', 'u')$$,
  'a compliance officer of another organization inserts a case too (case law is shared)');
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select throws_ok($$insert into public.tribunal_cases (case_number, title, tribunal, source_url) values ('O-1', 't',
  'HRTO', 'u')$$,
  '42501', null, 'an org admin cannot insert a case (raises 42501)');
select tests.clear_authentication();

select tests.authenticate_as('educator');
select throws_ok($$insert into public.tribunal_cases (case_number, title, tribunal, source_url) values ('E-1', 't',
  'HRTO', 'u')$$,
  '42501', null, 'an educator cannot insert a case (raises 42501)');
select tests.clear_authentication();

select tests.authenticate_as('learner');
select throws_ok($$insert into public.tribunal_cases (case_number, title, tribunal, source_url) values ('L-1', 't',
  'HRTO', 'u')$$,
  '42501', null, 'a learner cannot insert a case (raises 42501)');
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select throws_ok($$insert into public.tribunal_cases (case_number, title, tribunal, source_url) values ('V-1', 't',
  'HRTO', 'u')$$,
  '42501', null, 'a viewer cannot insert a case (raises 42501)');
select tests.clear_authentication();

select tests.authenticate_as('guest');
select throws_ok($$insert into public.tribunal_cases (case_number, title, tribunal, source_url) values ('GU-1', 't',
  'HRTO', 'u')$$,
  '42501', null, 'a guest cannot insert a case (raises 42501)');
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select lives_ok($$insert into public.tribunal_cases (case_number, title, tribunal, source_url) values ('SR-1', 't',
  'HRTO', 'u')$$,
  'the service role inserts a case');
select tests.clear_authentication();

-- Updates -------------------------------------------------------------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$update public.tribunal_cases set title = 'x'$$,
  '42501', null,
  'anon cannot update cases (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select results_eq($$update public.tribunal_cases set summary_en = 'by compliance' where case_number = 'HRTO-1' returning
  1$$,
  $$values (1)$$, 'a compliance officer updates a live case');
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select results_eq($$update public.tribunal_cases set summary_en = 'by analyst' where case_number = 'HRTO-1' returning
  1$$,
  $$values (1)$$, 'an analyst updates a live case');
select throws_ok($$update public.tribunal_cases set deleted_at = now() where case_number = 'HRTO-2'$$,
  '42501', null, 'an analyst cannot soft-delete a case (raises 42501)');
select is_empty($$update public.tribunal_cases set title = 'x' where case_number = 'HRTO-3' returning 1$$,
  'an analyst cannot update a soft-deleted case: no row is touched');
select throws_ok($$update public.tribunal_cases set created_at = now() where case_number = 'HRTO-1'$$,
  '42501', null, 'an analyst cannot change created_at (raises 42501)');
select throws_ok($$update public.tribunal_cases set reviewed_by = tests.get_user_id('investigator') where case_number
  = 'HRTO-1'$$,
  '42501', 'reviewed_by can only be set to yourself',
    'an analyst cannot name another reviewer on update (raises 42501)');
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select results_eq($$update public.tribunal_cases set reviewed_by = tests.get_user_id('investigator'),
  manually_reviewed = true
  where case_number = 'HRTO-1' returning 1$$,
  $$values (1)$$, 'an investigator updates a live case and signs it as reviewer');
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select is_empty(
  $$update public.tribunal_cases set title = 'x' returning 1$$,
  'an org admin cannot update cases: no row is touched'
);
select tests.clear_authentication();

select tests.authenticate_as('educator');
select is_empty(
  $$update public.tribunal_cases set title = 'x' returning 1$$,
  'an educator cannot update cases: no row is touched'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select is_empty(
  $$update public.tribunal_cases set title = 'x' returning 1$$,
  'a learner cannot update cases: no row is touched'
);
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select is_empty(
  $$update public.tribunal_cases set title = 'x' returning 1$$,
  'a viewer cannot update cases: no row is touched'
);
select tests.clear_authentication();

select tests.authenticate_as('guest');
select is_empty(
  $$update public.tribunal_cases set title = 'x' returning 1$$,
  'a guest cannot update cases: no row is touched'
);
select tests.clear_authentication();

select results_eq($$select title from public.tribunal_cases where case_number = 'HRTO-2'$$, array['Live two'],
  'the denied updates changed nothing');

select tests.authenticate_as('super');
select results_eq($$update public.tribunal_cases set deleted_at = now() where case_number = 'HRTO-2' returning 1$$,
  $$values (1)$$, 'a super admin soft-deletes a case');
select results_eq($$update public.tribunal_cases set deleted_at = null where case_number = 'HRTO-3' returning 1$$,
  $$values (1)$$, 'a super admin restores a soft-deleted case');
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select results_eq($$update public.tribunal_cases set featured = true where case_number = 'HRTO-3' returning 1$$,
  $$values (1)$$, 'the service role updates a case');
select tests.clear_authentication();

-- Deletes -------------------------------------------------------------------------

create temp table cases_before on commit drop as select count(*) as n from public.tribunal_cases;

select tests.authenticate_as_anon();
select throws_ok($$delete from public.tribunal_cases$$, '42501', null, 'anon cannot delete cases (raises 42501)');
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select is_empty(
  $$delete from public.tribunal_cases returning 1$$,
  'a compliance officer cannot delete cases: no row is touched'
);
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select is_empty($$delete from public.tribunal_cases returning 1$$, 'an analyst cannot delete cases: no row is touched');
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select is_empty(
  $$delete from public.tribunal_cases returning 1$$,
  'an investigator cannot delete cases: no row is touched'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select is_empty(
  $$delete from public.tribunal_cases returning 1$$,
  'an org admin cannot delete cases: no row is touched'
);
select tests.clear_authentication();

select tests.authenticate_as('educator');
select is_empty(
  $$delete from public.tribunal_cases returning 1$$,
  'an educator cannot delete cases: no row is touched'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select is_empty($$delete from public.tribunal_cases returning 1$$, 'a learner cannot delete cases: no row is touched');
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select is_empty($$delete from public.tribunal_cases returning 1$$, 'a viewer cannot delete cases: no row is touched');
select tests.clear_authentication();

select tests.authenticate_as('guest');
select is_empty($$delete from public.tribunal_cases returning 1$$, 'a guest cannot delete cases: no row is touched');
select tests.clear_authentication();

select results_eq(
  $$select count(*)::int from public.tribunal_cases$$,
  $$select n::int from cases_before$$,
  'the denied deletes removed nothing, anywhere'
);

select tests.authenticate_as('super');
select results_eq(
  $$delete from public.tribunal_cases where case_number = 'S-1' returning 1$$,
  $$values (1)$$,
  'a super admin deletes a case'
);
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select results_eq(
  $$delete from public.tribunal_cases where case_number = 'SR-1' returning 1$$,
  $$values (1)$$,
  'the service role deletes a case'
);
select tests.clear_authentication();

select * from finish();
rollback;
