/*
  tribunal_sources, ingestion_jobs, tribunal_cases_raw: reviewers
  (compliance_officer, analyst, investigator of any organization,
  super_admin) read them; no client writes them (reviewers act through the
  case review RPCs); the service role (ingestion workers) reads and writes.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(116);

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

-- One source, one job, two raw cases (reviewers decide on them through
-- rpc_functions/21_case_review.sql, tested in 130_rls_case_review_rpcs.sql).
insert into public.tribunal_sources (id, name, tribunal, base_url, scraper_config)
values ('00000000-0000-0000-0000-0000000000a1', 'T122 HRTO', 'Ontario Human Rights Tribunal', 'https://hrto.test',
  '{}');
insert into public.ingestion_jobs (id, source_id, triggered_by)
values ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1', tests.get_user_id('analyst'));
insert into public.tribunal_cases_raw (id, source_name, source_url, ingestion_job_id) values
('00000000-0000-0000-0000-0000000000d1', 'HRTO', 'https://hrto.test/1', '00000000-0000-0000-0000-0000000000b1'),
('00000000-0000-0000-0000-0000000000d2', 'HRTO', 'https://hrto.test/2', '00000000-0000-0000-0000-0000000000b1');

-- Reads: (sources, jobs, raw cases) as each role ----------------------------------

select tests.authenticate_as_anon();
select throws_ok($$select 1 from public.tribunal_sources$$, '42501', null, 'anon cannot read sources (raises 42501)');
select throws_ok($$select 1 from public.ingestion_jobs$$, '42501', null, 'anon cannot read jobs (raises 42501)');
select throws_ok(
  $$select 1 from public.tribunal_cases_raw$$,
  '42501', null,
  'anon cannot read raw cases (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('super');
select results_eq(
  $$select (select count(*) from public.tribunal_sources where id = '00000000-0000-0000-0000-0000000000a1')::int,
    (select count(*) from public.ingestion_jobs where source_id = '00000000-0000-0000-0000-0000000000a1')::int,
    (select count(*) from public.tribunal_cases_raw where ingestion_job_id
    = '00000000-0000-0000-0000-0000000000b1')::int$$,
  $$values (1, 1, 2)$$,
  'a super admin (a reviewer) reads every source, job and raw case'
);
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select results_eq(
  $$select (select count(*) from public.tribunal_sources where id = '00000000-0000-0000-0000-0000000000a1')::int,
    (select count(*) from public.ingestion_jobs where source_id = '00000000-0000-0000-0000-0000000000a1')::int,
    (select count(*) from public.tribunal_cases_raw where ingestion_job_id
    = '00000000-0000-0000-0000-0000000000b1')::int$$,
  $$values (1, 1, 2)$$,
  'a compliance officer (a reviewer) reads every source, job and raw case'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select results_eq(
  $$select (select count(*) from public.tribunal_sources)::int, (select count(*) from public.ingestion_jobs)::int,
    (select count(*) from public.tribunal_cases_raw)::int$$,
  $$values (0, 0, 0)$$,
  'an org admin (not a reviewer) reads no source, job or raw case'
);
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select results_eq(
  $$select (select count(*) from public.tribunal_sources where id = '00000000-0000-0000-0000-0000000000a1')::int,
    (select count(*) from public.ingestion_jobs where source_id = '00000000-0000-0000-0000-0000000000a1')::int,
    (select count(*) from public.tribunal_cases_raw where ingestion_job_id
    = '00000000-0000-0000-0000-0000000000b1')::int$$,
  $$values (1, 1, 2)$$,
  'an analyst (a reviewer) reads every source, job and raw case'
);
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select results_eq(
  $$select (select count(*) from public.tribunal_sources where id = '00000000-0000-0000-0000-0000000000a1')::int,
    (select count(*) from public.ingestion_jobs where source_id = '00000000-0000-0000-0000-0000000000a1')::int,
    (select count(*) from public.tribunal_cases_raw where ingestion_job_id
    = '00000000-0000-0000-0000-0000000000b1')::int$$,
  $$values (1, 1, 2)$$,
  'an investigator (a reviewer) reads every source, job and raw case'
);
select tests.clear_authentication();

select tests.authenticate_as('educator');
select results_eq(
  $$select (select count(*) from public.tribunal_sources)::int, (select count(*) from public.ingestion_jobs)::int,
    (select count(*) from public.tribunal_cases_raw)::int$$,
  $$values (0, 0, 0)$$,
  'an educator (not a reviewer) reads no source, job or raw case'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select results_eq(
  $$select (select count(*) from public.tribunal_sources)::int, (select count(*) from public.ingestion_jobs)::int,
    (select count(*) from public.tribunal_cases_raw)::int$$,
  $$values (0, 0, 0)$$,
  'a learner (not a reviewer) reads no source, job or raw case'
);
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select results_eq(
  $$select (select count(*) from public.tribunal_sources)::int, (select count(*) from public.ingestion_jobs)::int,
    (select count(*) from public.tribunal_cases_raw)::int$$,
  $$values (0, 0, 0)$$,
  'a viewer (not a reviewer) reads no source, job or raw case'
);
select tests.clear_authentication();

select tests.authenticate_as('guest');
select results_eq(
  $$select (select count(*) from public.tribunal_sources)::int, (select count(*) from public.ingestion_jobs)::int,
    (select count(*) from public.tribunal_cases_raw)::int$$,
  $$values (0, 0, 0)$$,
  'a guest (not a reviewer) reads no source, job or raw case'
);
select tests.clear_authentication();

select tests.authenticate_as('g_admin');
select results_eq(
  $$select (select count(*) from public.tribunal_sources)::int, (select count(*) from public.ingestion_jobs)::int,
    (select count(*) from public.tribunal_cases_raw)::int$$,
  $$values (0, 0, 0)$$,
  'an org admin of globex (not a reviewer) reads no source, job or raw case'
);
select tests.clear_authentication();

select tests.authenticate_as('g_compliance');
select results_eq(
  $$select (select count(*) from public.tribunal_sources where id = '00000000-0000-0000-0000-0000000000a1')::int,
    (select count(*) from public.ingestion_jobs where source_id = '00000000-0000-0000-0000-0000000000a1')::int,
    (select count(*) from public.tribunal_cases_raw where ingestion_job_id
    = '00000000-0000-0000-0000-0000000000b1')::int$$,
  $$values (1, 1, 2)$$,
  'a compliance officer of globex (a reviewer) reads every source, job and raw case'
);
select tests.clear_authentication();

select tests.authenticate_as('g_learner');
select results_eq(
  $$select (select count(*) from public.tribunal_sources)::int, (select count(*) from public.ingestion_jobs)::int,
    (select count(*) from public.tribunal_cases_raw)::int$$,
  $$values (0, 0, 0)$$,
  'a learner of globex (not a reviewer) reads no source, job or raw case'
);
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select results_eq(
  $$select (select count(*) from public.tribunal_sources where id = '00000000-0000-0000-0000-0000000000a1')::int,
    (select count(*) from public.ingestion_jobs where source_id = '00000000-0000-0000-0000-0000000000a1')::int,
    (select count(*) from public.tribunal_cases_raw where ingestion_job_id
    = '00000000-0000-0000-0000-0000000000b1')::int$$,
  $$values (1, 1, 2)$$,
  'the service role reads every source, job and raw case'
);
select tests.clear_authentication();

-- Writes: no client writes these tables, reviewers included ------------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config) values ('X', 'x', 'u', '{}')$$,
  '42501', null,
  'anon cannot insert a source (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_sources set is_active = false$$,
  '42501', null,
  'anon cannot update a source (raises 42501)'
);
select throws_ok($$delete from public.tribunal_sources$$, '42501', null, 'anon cannot delete a source (raises 42501)');
select throws_ok(
  $$insert into public.ingestion_jobs (source_id) values ('00000000-0000-0000-0000-0000000000a1')$$,
  '42501', null,
  'anon cannot insert a job (raises 42501)'
);
select throws_ok(
  $$update public.ingestion_jobs set status = 'failed'$$,
  '42501', null,
  'anon cannot update a job (raises 42501)'
);
select throws_ok($$delete from public.ingestion_jobs$$, '42501', null, 'anon cannot delete a job (raises 42501)');
select throws_ok(
  $$insert into public.tribunal_cases_raw (source_name, source_url) values ('HRTO', 'u')$$,
  '42501', null,
  'anon cannot insert a raw case (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_cases_raw set status = 'approved'$$,
  '42501', null,
  'anon cannot update a raw case (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_cases_raw$$,
  '42501', null,
  'anon cannot delete a raw case (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('super');
select throws_ok(
  $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config) values ('X', 'x', 'u', '{}')$$,
  '42501', null,
  'a super admin cannot insert a source (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_sources set is_active = false$$,
  '42501', null,
  'a super admin cannot update a source (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_sources$$,
  '42501', null,
  'a super admin cannot delete a source (raises 42501)'
);
select throws_ok(
  $$insert into public.ingestion_jobs (source_id) values ('00000000-0000-0000-0000-0000000000a1')$$,
  '42501', null,
  'a super admin cannot insert a job (raises 42501)'
);
select throws_ok(
  $$update public.ingestion_jobs set status = 'failed'$$,
  '42501', null,
  'a super admin cannot update a job (raises 42501)'
);
select throws_ok(
  $$delete from public.ingestion_jobs$$,
  '42501', null,
  'a super admin cannot delete a job (raises 42501)'
);
select throws_ok(
  $$insert into public.tribunal_cases_raw (source_name, source_url) values ('HRTO', 'u')$$,
  '42501', null,
  'a super admin cannot insert a raw case (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_cases_raw set status = 'approved'$$,
  '42501', null,
  'a super admin cannot update a raw case (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_cases_raw$$,
  '42501', null,
  'a super admin cannot delete a raw case (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select throws_ok(
  $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config) values ('X', 'x', 'u', '{}')$$,
  '42501', null,
  'a compliance officer cannot insert a source (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_sources set is_active = false$$,
  '42501', null,
  'a compliance officer cannot update a source (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_sources$$,
  '42501', null,
  'a compliance officer cannot delete a source (raises 42501)'
);
select throws_ok(
  $$insert into public.ingestion_jobs (source_id) values ('00000000-0000-0000-0000-0000000000a1')$$,
  '42501', null,
  'a compliance officer cannot insert a job (raises 42501)'
);
select throws_ok(
  $$update public.ingestion_jobs set status = 'failed'$$,
  '42501', null,
  'a compliance officer cannot update a job (raises 42501)'
);
select throws_ok(
  $$delete from public.ingestion_jobs$$,
  '42501', null,
  'a compliance officer cannot delete a job (raises 42501)'
);
select throws_ok(
  $$insert into public.tribunal_cases_raw (source_name, source_url) values ('HRTO', 'u')$$,
  '42501', null,
  'a compliance officer cannot insert a raw case (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_cases_raw set status = 'approved'$$,
  '42501', null,
  'a compliance officer cannot update a raw case (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_cases_raw$$,
  '42501', null,
  'a compliance officer cannot delete a raw case (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select throws_ok(
  $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config) values ('X', 'x', 'u', '{}')$$,
  '42501', null,
  'an org admin cannot insert a source (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_sources set is_active = false$$,
  '42501', null,
  'an org admin cannot update a source (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_sources$$,
  '42501', null,
  'an org admin cannot delete a source (raises 42501)'
);
select throws_ok(
  $$insert into public.ingestion_jobs (source_id) values ('00000000-0000-0000-0000-0000000000a1')$$,
  '42501', null,
  'an org admin cannot insert a job (raises 42501)'
);
select throws_ok(
  $$update public.ingestion_jobs set status = 'failed'$$,
  '42501', null,
  'an org admin cannot update a job (raises 42501)'
);
select throws_ok(
  $$delete from public.ingestion_jobs$$,
  '42501', null,
  'an org admin cannot delete a job (raises 42501)'
);
select throws_ok(
  $$insert into public.tribunal_cases_raw (source_name, source_url) values ('HRTO', 'u')$$,
  '42501', null,
  'an org admin cannot insert a raw case (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_cases_raw set status = 'approved'$$,
  '42501', null,
  'an org admin cannot update a raw case (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_cases_raw$$,
  '42501', null,
  'an org admin cannot delete a raw case (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select throws_ok(
  $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config) values ('X', 'x', 'u', '{}')$$,
  '42501', null,
  'an analyst cannot insert a source (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_sources set is_active = false$$,
  '42501', null,
  'an analyst cannot update a source (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_sources$$,
  '42501', null,
  'an analyst cannot delete a source (raises 42501)'
);
select throws_ok(
  $$insert into public.ingestion_jobs (source_id) values ('00000000-0000-0000-0000-0000000000a1')$$,
  '42501', null,
  'an analyst cannot insert a job (raises 42501)'
);
select throws_ok(
  $$update public.ingestion_jobs set status = 'failed'$$,
  '42501', null,
  'an analyst cannot update a job (raises 42501)'
);
select throws_ok($$delete from public.ingestion_jobs$$, '42501', null, 'an analyst cannot delete a job (raises 42501)');
select throws_ok(
  $$insert into public.tribunal_cases_raw (source_name, source_url) values ('HRTO', 'u')$$,
  '42501', null,
  'an analyst cannot insert a raw case (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_cases_raw set status = 'approved'$$,
  '42501', null,
  'an analyst cannot update a raw case (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_cases_raw$$,
  '42501', null,
  'an analyst cannot delete a raw case (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select throws_ok(
  $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config) values ('X', 'x', 'u', '{}')$$,
  '42501', null,
  'an investigator cannot insert a source (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_sources set is_active = false$$,
  '42501', null,
  'an investigator cannot update a source (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_sources$$,
  '42501', null,
  'an investigator cannot delete a source (raises 42501)'
);
select throws_ok(
  $$insert into public.ingestion_jobs (source_id) values ('00000000-0000-0000-0000-0000000000a1')$$,
  '42501', null,
  'an investigator cannot insert a job (raises 42501)'
);
select throws_ok(
  $$update public.ingestion_jobs set status = 'failed'$$,
  '42501', null,
  'an investigator cannot update a job (raises 42501)'
);
select throws_ok(
  $$delete from public.ingestion_jobs$$,
  '42501', null,
  'an investigator cannot delete a job (raises 42501)'
);
select throws_ok(
  $$insert into public.tribunal_cases_raw (source_name, source_url) values ('HRTO', 'u')$$,
  '42501', null,
  'an investigator cannot insert a raw case (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_cases_raw set status = 'approved'$$,
  '42501', null,
  'an investigator cannot update a raw case (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_cases_raw$$,
  '42501', null,
  'an investigator cannot delete a raw case (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('educator');
select throws_ok(
  $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config) values ('X', 'x', 'u', '{}')$$,
  '42501', null,
  'an educator cannot insert a source (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_sources set is_active = false$$,
  '42501', null,
  'an educator cannot update a source (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_sources$$,
  '42501', null,
  'an educator cannot delete a source (raises 42501)'
);
select throws_ok(
  $$insert into public.ingestion_jobs (source_id) values ('00000000-0000-0000-0000-0000000000a1')$$,
  '42501', null,
  'an educator cannot insert a job (raises 42501)'
);
select throws_ok(
  $$update public.ingestion_jobs set status = 'failed'$$,
  '42501', null,
  'an educator cannot update a job (raises 42501)'
);
select throws_ok(
  $$delete from public.ingestion_jobs$$,
  '42501', null,
  'an educator cannot delete a job (raises 42501)'
);
select throws_ok(
  $$insert into public.tribunal_cases_raw (source_name, source_url) values ('HRTO', 'u')$$,
  '42501', null,
  'an educator cannot insert a raw case (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_cases_raw set status = 'approved'$$,
  '42501', null,
  'an educator cannot update a raw case (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_cases_raw$$,
  '42501', null,
  'an educator cannot delete a raw case (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select throws_ok(
  $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config) values ('X', 'x', 'u', '{}')$$,
  '42501', null,
  'a learner cannot insert a source (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_sources set is_active = false$$,
  '42501', null,
  'a learner cannot update a source (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_sources$$,
  '42501', null,
  'a learner cannot delete a source (raises 42501)'
);
select throws_ok(
  $$insert into public.ingestion_jobs (source_id) values ('00000000-0000-0000-0000-0000000000a1')$$,
  '42501', null,
  'a learner cannot insert a job (raises 42501)'
);
select throws_ok(
  $$update public.ingestion_jobs set status = 'failed'$$,
  '42501', null,
  'a learner cannot update a job (raises 42501)'
);
select throws_ok($$delete from public.ingestion_jobs$$, '42501', null, 'a learner cannot delete a job (raises 42501)');
select throws_ok(
  $$insert into public.tribunal_cases_raw (source_name, source_url) values ('HRTO', 'u')$$,
  '42501', null,
  'a learner cannot insert a raw case (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_cases_raw set status = 'approved'$$,
  '42501', null,
  'a learner cannot update a raw case (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_cases_raw$$,
  '42501', null,
  'a learner cannot delete a raw case (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select throws_ok(
  $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config) values ('X', 'x', 'u', '{}')$$,
  '42501', null,
  'a viewer cannot insert a source (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_sources set is_active = false$$,
  '42501', null,
  'a viewer cannot update a source (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_sources$$,
  '42501', null,
  'a viewer cannot delete a source (raises 42501)'
);
select throws_ok(
  $$insert into public.ingestion_jobs (source_id) values ('00000000-0000-0000-0000-0000000000a1')$$,
  '42501', null,
  'a viewer cannot insert a job (raises 42501)'
);
select throws_ok(
  $$update public.ingestion_jobs set status = 'failed'$$,
  '42501', null,
  'a viewer cannot update a job (raises 42501)'
);
select throws_ok($$delete from public.ingestion_jobs$$, '42501', null, 'a viewer cannot delete a job (raises 42501)');
select throws_ok(
  $$insert into public.tribunal_cases_raw (source_name, source_url) values ('HRTO', 'u')$$,
  '42501', null,
  'a viewer cannot insert a raw case (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_cases_raw set status = 'approved'$$,
  '42501', null,
  'a viewer cannot update a raw case (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_cases_raw$$,
  '42501', null,
  'a viewer cannot delete a raw case (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('guest');
select throws_ok(
  $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config) values ('X', 'x', 'u', '{}')$$,
  '42501', null,
  'a guest cannot insert a source (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_sources set is_active = false$$,
  '42501', null,
  'a guest cannot update a source (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_sources$$,
  '42501', null,
  'a guest cannot delete a source (raises 42501)'
);
select throws_ok(
  $$insert into public.ingestion_jobs (source_id) values ('00000000-0000-0000-0000-0000000000a1')$$,
  '42501', null,
  'a guest cannot insert a job (raises 42501)'
);
select throws_ok(
  $$update public.ingestion_jobs set status = 'failed'$$,
  '42501', null,
  'a guest cannot update a job (raises 42501)'
);
select throws_ok($$delete from public.ingestion_jobs$$, '42501', null, 'a guest cannot delete a job (raises 42501)');
select throws_ok(
  $$insert into public.tribunal_cases_raw (source_name, source_url) values ('HRTO', 'u')$$,
  '42501', null,
  'a guest cannot insert a raw case (raises 42501)'
);
select throws_ok(
  $$update public.tribunal_cases_raw set status = 'approved'$$,
  '42501', null,
  'a guest cannot update a raw case (raises 42501)'
);
select throws_ok(
  $$delete from public.tribunal_cases_raw$$,
  '42501', null,
  'a guest cannot delete a raw case (raises 42501)'
);
select tests.clear_authentication();

select results_eq(
  $$select status from public.tribunal_cases_raw where ingestion_job_id = '00000000-0000-0000-0000-0000000000b1' order
    by id$$,
  $$values ('pending'), ('pending')$$,
  'the denied writes changed no raw case'
);

-- The ingestion workers (service role) write all three -------------------------------

select tests.authenticate_as_service_role();
select lives_ok(
  $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config) values ('X', 'x', 'u', '{}')$$,
  'the service role inserts a source'
);
select lives_ok(
  $$insert into public.ingestion_jobs (source_id) values ('00000000-0000-0000-0000-0000000000a1')$$,
  'the service role inserts a job'
);
select lives_ok(
  $$insert into public.tribunal_cases_raw (source_name, source_url) values ('HRTO', 'u')$$,
  'the service role inserts a raw case'
);
select results_eq(
  $$update public.ingestion_jobs set status = 'completed' where id = '00000000-0000-0000-0000-0000000000b1' returning
    1$$,
  $$values (1)$$,
  'the service role updates a job'
);
select results_eq(
  $$update public.tribunal_cases_raw set status = 'classified' where id = '00000000-0000-0000-0000-0000000000d1'
    returning 1$$,
  $$values (1)$$,
  'the service role updates a raw case'
);
select results_eq(
  $$update public.tribunal_sources set last_error = 'timeout' where name = 'T122 HRTO' returning 1$$,
  $$values (1)$$,
  'the service role updates a source'
);
select results_eq(
  $$delete from public.tribunal_cases_raw where id = '00000000-0000-0000-0000-0000000000d2' returning 1$$,
  $$values (1)$$,
  'the service role deletes a raw case'
);
select lives_ok($$delete from public.ingestion_jobs where status = 'running'$$, 'the service role deletes a job');
select results_eq(
  $$delete from public.tribunal_sources where name = 'X' returning 1$$,
  $$values (1)$$,
  'the service role deletes a source'
);
select tests.clear_authentication();

select * from finish();
rollback;
