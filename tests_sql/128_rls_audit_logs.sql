/*
  audit_logs: append-only. compliance_officer reads own organization's rows,
  super_admin reads all, nobody else reads; no client writes; the service
  role appends but neither updates nor deletes (triggers and definer
  functions write the trail; the retention purge runs as the job owner).
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(51);

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

-- Audit rows: two of acme, one of globex, one platform event without organization.
insert into public.audit_logs (user_id, action, resource_type, organization_id, severity) values
(tests.get_user_id('orgadmin'), 'profile.role_changed', 'profiles', tests.get_org_id('acme'), 'warning'),
(tests.get_user_id('learner'), 'certificate.issued', 'certificates', tests.get_org_id('acme'), 'info'),
(tests.get_user_id('g_admin'), 'team.created', 'teams', tests.get_org_id('globex'), 'info'),
(tests.get_user_id('super'), 'feature_flag.updated', 'feature_flags', null, 'critical');

-- Creating the users above was audited too (012_audit): what each reader should
-- see, counted by the superuser.
create temporary table expected_audit as
select
  count(*)::int as total,
  (count(*) filter (where organization_id = tests.get_org_id('acme')))::int as acme,
  (count(*) filter (where organization_id = tests.get_org_id('globex')))::int as globex
from public.audit_logs;
grant select on expected_audit to authenticated, service_role;
select ok(
  (select acme >= 2 and globex >= 1 and total >= acme + globex + 1 from expected_audit),
  'the arranged rows are in the trail'
);

-- Reads ---------------------------------------------------------------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$select count(*)::int from public.audit_logs$$,
  '42501', null,
  'anon cannot read the audit trail (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('super');
select results_eq(
  $$select count(*)::int from public.audit_logs$$,
  $$select total from expected_audit$$,
  'a super admin reads every audit row, platform events included'
);
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select results_eq(
  $$select count(*)::int from public.audit_logs$$,
  $$select acme from expected_audit$$,
  'a compliance officer reads own organization''s audit rows only'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select results_eq($$select count(*)::int from public.audit_logs$$, array[0], 'an org admin reads no audit row');
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select results_eq($$select count(*)::int from public.audit_logs$$, array[0], 'an analyst reads no audit row');
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select results_eq($$select count(*)::int from public.audit_logs$$, array[0], 'an investigator reads no audit row');
select tests.clear_authentication();

select tests.authenticate_as('educator');
select results_eq($$select count(*)::int from public.audit_logs$$, array[0], 'an educator reads no audit row');
select tests.clear_authentication();

select tests.authenticate_as('learner');
select results_eq($$select count(*)::int from public.audit_logs$$, array[0], 'a learner reads no audit row');
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select results_eq($$select count(*)::int from public.audit_logs$$, array[0], 'a viewer reads no audit row');
select tests.clear_authentication();

select tests.authenticate_as('guest');
select results_eq($$select count(*)::int from public.audit_logs$$, array[0], 'a guest reads no audit row');
select tests.clear_authentication();

select tests.authenticate_as('g_admin');
select results_eq(
  $$select count(*)::int from public.audit_logs$$,
  array[0],
  'an org admin of globex reads no audit row'
);
select tests.clear_authentication();

select tests.authenticate_as('g_compliance');
select results_eq(
  $$select count(*)::int from public.audit_logs$$,
  $$select globex from expected_audit$$,
  'a compliance officer of globex reads own organization''s audit rows only'
);
select tests.clear_authentication();

select tests.authenticate_as('g_learner');
select results_eq($$select count(*)::int from public.audit_logs$$, array[0], 'a learner of globex reads no audit row');
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select is_empty(
  $$select 1 from public.audit_logs where organization_id is distinct from tests.get_org_id('acme')$$,
  'a compliance officer reads no row of another organization or of the platform'
);
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select results_eq(
  $$select count(*)::int from public.audit_logs$$,
  $$select total from expected_audit$$,
  'the service role reads every audit row'
);
select tests.clear_authentication();

-- Writes: clients never; the service role inserts only ---------------------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$insert into public.audit_logs (action, resource_type, organization_id) values ('x', 'y',
    tests.get_org_id('acme'))$$,
  '42501', null,
  'anon cannot insert an audit row (raises 42501)'
);
select throws_ok(
  $$update public.audit_logs set action = 'tampered'$$,
  '42501', null,
  'anon cannot update the audit trail (raises 42501)'
);
select throws_ok(
  $$delete from public.audit_logs$$,
  '42501', null,
  'anon cannot delete from the audit trail (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('super');
select throws_ok(
  $$insert into public.audit_logs (action, resource_type, organization_id) values ('x', 'y',
    tests.get_org_id('acme'))$$,
  '42501', null,
  'a super admin cannot insert an audit row (raises 42501)'
);
select throws_ok(
  $$update public.audit_logs set action = 'tampered'$$,
  '42501', null,
  'a super admin cannot update the audit trail (raises 42501)'
);
select throws_ok(
  $$delete from public.audit_logs$$,
  '42501', null,
  'a super admin cannot delete from the audit trail (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select throws_ok(
  $$insert into public.audit_logs (action, resource_type, organization_id) values ('x', 'y',
    tests.get_org_id('acme'))$$,
  '42501', null,
  'a compliance officer cannot insert an audit row (raises 42501)'
);
select throws_ok(
  $$update public.audit_logs set action = 'tampered'$$,
  '42501', null,
  'a compliance officer cannot update the audit trail (raises 42501)'
);
select throws_ok(
  $$delete from public.audit_logs$$,
  '42501', null,
  'a compliance officer cannot delete from the audit trail (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select throws_ok(
  $$insert into public.audit_logs (action, resource_type, organization_id) values ('x', 'y',
    tests.get_org_id('acme'))$$,
  '42501', null,
  'an org admin cannot insert an audit row (raises 42501)'
);
select throws_ok(
  $$update public.audit_logs set action = 'tampered'$$,
  '42501', null,
  'an org admin cannot update the audit trail (raises 42501)'
);
select throws_ok(
  $$delete from public.audit_logs$$,
  '42501', null,
  'an org admin cannot delete from the audit trail (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select throws_ok(
  $$insert into public.audit_logs (action, resource_type, organization_id) values ('x', 'y',
    tests.get_org_id('acme'))$$,
  '42501', null,
  'an analyst cannot insert an audit row (raises 42501)'
);
select throws_ok(
  $$update public.audit_logs set action = 'tampered'$$,
  '42501', null,
  'an analyst cannot update the audit trail (raises 42501)'
);
select throws_ok(
  $$delete from public.audit_logs$$,
  '42501', null,
  'an analyst cannot delete from the audit trail (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select throws_ok(
  $$insert into public.audit_logs (action, resource_type, organization_id) values ('x', 'y',
    tests.get_org_id('acme'))$$,
  '42501', null,
  'an investigator cannot insert an audit row (raises 42501)'
);
select throws_ok(
  $$update public.audit_logs set action = 'tampered'$$,
  '42501', null,
  'an investigator cannot update the audit trail (raises 42501)'
);
select throws_ok(
  $$delete from public.audit_logs$$,
  '42501', null,
  'an investigator cannot delete from the audit trail (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('educator');
select throws_ok(
  $$insert into public.audit_logs (action, resource_type, organization_id) values ('x', 'y',
    tests.get_org_id('acme'))$$,
  '42501', null,
  'an educator cannot insert an audit row (raises 42501)'
);
select throws_ok(
  $$update public.audit_logs set action = 'tampered'$$,
  '42501', null,
  'an educator cannot update the audit trail (raises 42501)'
);
select throws_ok(
  $$delete from public.audit_logs$$,
  '42501', null,
  'an educator cannot delete from the audit trail (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select throws_ok(
  $$insert into public.audit_logs (action, resource_type, organization_id) values ('x', 'y',
    tests.get_org_id('acme'))$$,
  '42501', null,
  'a learner cannot insert an audit row (raises 42501)'
);
select throws_ok(
  $$update public.audit_logs set action = 'tampered'$$,
  '42501', null,
  'a learner cannot update the audit trail (raises 42501)'
);
select throws_ok(
  $$delete from public.audit_logs$$,
  '42501', null,
  'a learner cannot delete from the audit trail (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select throws_ok(
  $$insert into public.audit_logs (action, resource_type, organization_id) values ('x', 'y',
    tests.get_org_id('acme'))$$,
  '42501', null,
  'a viewer cannot insert an audit row (raises 42501)'
);
select throws_ok(
  $$update public.audit_logs set action = 'tampered'$$,
  '42501', null,
  'a viewer cannot update the audit trail (raises 42501)'
);
select throws_ok(
  $$delete from public.audit_logs$$,
  '42501', null,
  'a viewer cannot delete from the audit trail (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('guest');
select throws_ok(
  $$insert into public.audit_logs (action, resource_type, organization_id) values ('x', 'y',
    tests.get_org_id('acme'))$$,
  '42501', null,
  'a guest cannot insert an audit row (raises 42501)'
);
select throws_ok(
  $$update public.audit_logs set action = 'tampered'$$,
  '42501', null,
  'a guest cannot update the audit trail (raises 42501)'
);
select throws_ok(
  $$delete from public.audit_logs$$,
  '42501', null,
  'a guest cannot delete from the audit trail (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select throws_ok(
  $$insert into public.audit_logs (action, resource_type, organization_id)
    values ('stripe.invoice_paid', 'invoices', tests.get_org_id('acme'))$$,
  '42501',
  null,
  'the service role cannot insert an audit row directly (raises 42501)'
);
select lives_ok(
  $$select public.record_audit_event('stripe.invoice_paid', 'invoices', null, tests.get_org_id('acme'))$$,
  'the service role appends an audit event through record_audit_event'
);
select throws_ok(
  $$update public.audit_logs set action = 'tampered'$$,
  '42501', null,
  'the service role cannot update the audit trail either (raises 42501)'
);
select throws_ok(
  $$delete from public.audit_logs$$,
  '42501', null,
  'the service role cannot delete from the audit trail either (raises 42501)'
);
select tests.clear_authentication();

select results_eq(
  $$select count(*)::int, count(*) filter (where action = 'tampered')::int from public.audit_logs$$,
  $$select total + 1, 0 from expected_audit$$,
  'the trail has the four rows plus the service role''s, none tampered'
);
select * from finish();
rollback;
