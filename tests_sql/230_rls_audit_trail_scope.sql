/*
  Issue 7, second pass: the audit trail's policy compares columns with scope
  helpers (organization_id = compliance_org_id(), id between
  super_admin_floor() and the largest uuid) instead of bare-boolean arms. The
  rule is unchanged: a compliance_officer reads the rows of their live
  organization while their live profile is compliance_officer; a super_admin
  reads every row, platform events (no organization) included; nobody else
  reads any. Proven role by role, across organizations, with and without the
  client's own organization filter, and through every change of role,
  membership and soft deletion.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(31);

-- Arrange (as the superuser): acme with a compliance officer, an org admin, an
-- analyst, an investigator and a learner; globex with a compliance officer; a
-- super admin. Four audit rows tagged with this file's action prefix: two of
-- acme, one of globex, one platform event.
do $$
begin
  perform tests.create_org('t230-acme');
  perform tests.create_org('t230-globex');
  perform tests.create_user('t230-cora', 'compliance_officer', 't230-acme');
  perform tests.create_user('t230-olga', 'org_admin', 't230-acme');
  perform tests.create_user('t230-ana', 'analyst', 't230-acme');
  perform tests.create_user('t230-ivan', 'investigator', 't230-acme');
  perform tests.create_user('t230-lena', 'learner', 't230-acme');
  perform tests.create_user('t230-gcora', 'compliance_officer', 't230-globex');
  perform tests.create_user('t230-sam', 'super_admin');
  insert into public.audit_logs (user_id, action, resource_type, organization_id, severity) values
  (tests.get_user_id('t230-olga'), 't230.role_changed', 'profiles', tests.get_org_id('t230-acme'), 'warning'),
  (tests.get_user_id('t230-lena'), 't230.certificate_issued', 'certificates', tests.get_org_id('t230-acme'), 'info'),
  (null, 't230.team_created', 'teams', tests.get_org_id('t230-globex'), 'info'),
  (tests.get_user_id('t230-sam'), 't230.flag_updated', 'feature_flags', null, 'critical');
end
$$;

-- How many of this file's audit rows the caller reads, all or of one organization.
create function pg_temp.t230_rows() returns integer
language sql
as $$
  select count(*)::integer from public.audit_logs where action like 't230.%'
$$;
create function pg_temp.t230_rows(org text) returns integer
language sql
as $$
  select count(*)::integer from public.audit_logs
  where action like 't230.%' and organization_id = tests.get_org_id(org)
$$;

-- Acting as cora (compliance_officer, acme) ---------------------------------------------

select tests.authenticate_as('t230-cora');
select is(pg_temp.t230_rows(), 2, 'a compliance officer reads her organization''s audit rows without a filter');
select is(pg_temp.t230_rows('t230-acme'), 2, 'a compliance officer reads them with her organization''s filter');
select is(pg_temp.t230_rows('t230-globex'), 0, 'a compliance officer filtering on another organization reads nothing');
select is_empty(
  $$select 1 from public.audit_logs
    where action like 't230.%' and organization_id is distinct from tests.get_org_id('t230-acme')$$,
  'a compliance officer reads no row of another organization, nor a platform event'
);
select is(
  (select private.compliance_org_id()), tests.get_org_id('t230-acme'),
  'compliance_org_id() is the compliance officer''s organization'
);
select is((select private.super_admin_floor()), null, 'super_admin_floor() is null for a compliance officer');
select tests.clear_authentication();

-- Staff who are not compliance officers, and everyone else of acme ------------------------

select tests.authenticate_as('t230-olga');
select is(pg_temp.t230_rows(), 0, 'an org admin reads no audit row');
select is(pg_temp.t230_rows('t230-acme'), 0, 'an org admin reads no audit row, even with her organization''s filter');
select is((select private.compliance_org_id()), null, 'compliance_org_id() is null for an org admin');
select tests.clear_authentication();
select tests.authenticate_as('t230-ana');
select is(pg_temp.t230_rows(), 0, 'an analyst reads no audit row');
select tests.clear_authentication();
select tests.authenticate_as('t230-ivan');
select is(pg_temp.t230_rows(), 0, 'an investigator (a reviewer of any organization) reads no audit row');
select tests.clear_authentication();
select tests.authenticate_as('t230-lena');
select is(pg_temp.t230_rows(), 0, 'a learner reads no audit row, not even one about herself');
select tests.clear_authentication();

-- Across organizations --------------------------------------------------------------------

select tests.authenticate_as('t230-gcora');
select is(pg_temp.t230_rows(), 1, 'globex''s compliance officer reads globex''s row only');
select is(pg_temp.t230_rows('t230-acme'), 0, 'globex''s compliance officer filtering on acme reads nothing');
select tests.clear_authentication();

-- Acting as sam (super_admin) --------------------------------------------------------------

select tests.authenticate_as('t230-sam');
select is(pg_temp.t230_rows(), 4, 'a super admin reads every audit row, platform events included');
select is(pg_temp.t230_rows('t230-globex'), 1, 'a super admin reads another organization''s rows with its filter');
select is(
  (select count(*)::integer from public.audit_logs
where action like 't230.%' and organization_id is null), 1,
  'a super admin reads the platform events'
);
select is((select private.compliance_org_id()), null, 'compliance_org_id() is null for a super admin');
select tests.clear_authentication();

-- Anon and the service role ----------------------------------------------------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$select count(*) from public.audit_logs$$, '42501', null, 'anon cannot read the audit trail (raises 42501)'
);
select tests.clear_authentication();
select tests.authenticate_as_service_role();
select is(pg_temp.t230_rows(), 4, 'the service role reads every audit row');
select tests.clear_authentication();

-- Through changes of role, membership and soft deletion -----------------------------------

update public.profiles set organization_id = tests.get_org_id('t230-globex')
where id = tests.get_user_id('t230-cora');
select tests.authenticate_as('t230-cora');
select is(pg_temp.t230_rows(), 1, 'a compliance officer moved to globex reads globex''s row');
select is(pg_temp.t230_rows('t230-acme'), 0, 'and no longer her former organization''s');
select tests.clear_authentication();
update public.profiles set organization_id = tests.get_org_id('t230-acme')
where id = tests.get_user_id('t230-cora');

update public.profiles set role = 'learner'
where id = tests.get_user_id('t230-cora');
select tests.authenticate_as('t230-cora');
select is(pg_temp.t230_rows(), 0, 'a compliance officer made learner reads no audit row');
select tests.clear_authentication();
update public.profiles set role = 'compliance_officer'
where id = tests.get_user_id('t230-olga');
select tests.authenticate_as('t230-olga');
select is(pg_temp.t230_rows(), 2, 'an org admin made compliance officer reads her organization''s rows');
select tests.clear_authentication();
update public.profiles set role = 'compliance_officer'
where id = tests.get_user_id('t230-cora');

update public.profiles set deleted_at = now()
where id = tests.get_user_id('t230-cora');
select tests.authenticate_as('t230-cora');
select is(pg_temp.t230_rows(), 0, 'a soft-deleted compliance officer reads no audit row');
select tests.clear_authentication();
update public.profiles set deleted_at = null
where id = tests.get_user_id('t230-cora');

update public.organizations set deleted_at = now()
where id = tests.get_org_id('t230-acme');
select tests.authenticate_as('t230-cora');
select is(pg_temp.t230_rows(), 0, 'the compliance officer of a soft-deleted organization reads no audit row');
select is((select private.compliance_org_id()), null, 'compliance_org_id() is null once the organization is deleted');
select tests.clear_authentication();
update public.organizations set deleted_at = null
where id = tests.get_org_id('t230-acme');
select tests.authenticate_as('t230-cora');
select is(pg_temp.t230_rows(), 2, 'restored, the organization''s trail is readable again');
select tests.clear_authentication();

update public.profiles set deleted_at = now()
where id = tests.get_user_id('t230-sam');
select tests.authenticate_as('t230-sam');
select is(pg_temp.t230_rows(), 0, 'a soft-deleted super admin reads no audit row');
select tests.clear_authentication();

-- The shape: every arm a comparison of a column with a wrapped helper ----------------------

select is_empty(
  $$select 1 from pg_catalog.pg_policies
    where schemaname = 'public' and tablename = 'audit_logs'
      and (qual ~ 'is_super_admin|is_compliance_officer|current_org_id')$$,
  'the audit trail''s policy has no bare-boolean arm (fix A of docs/BENCHMARKS.md)'
);
select ok(
  (select p.proparallel = 's' and p.prosecdef and l.lanname = 'plpgsql'
      and p.proconfig = array['search_path=pg_catalog, pg_temp']
    from pg_catalog.pg_proc as p
    inner join pg_catalog.pg_language as l on p.prolang = l.oid
    where p.oid = 'private.compliance_org_id()'::regprocedure),
  'compliance_org_id() is a PL/pgSQL, PARALLEL SAFE definer helper with search_path pg_catalog, pg_temp'
);

select * from finish();
rollback;
