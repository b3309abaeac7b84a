/*
  my_org_analytics(): staff (org_admin, compliance_officer, analyst) read
  their own organization's row of org_analytics, super_admin reads every
  row, everyone else gets 42501; the materialized view itself is out of reach
  of anon and authenticated.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(26);

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

-- The nightly refresh, now.
refresh materialized view public.org_analytics;


select tests.authenticate_as_anon();
select throws_ok(
  $$select * from public.my_org_analytics()$$,
  '42501', null,
  'anon cannot call my_org_analytics (raises 42501)'
);
select throws_ok(
  $$select * from public.org_analytics$$,
  '42501', null,
  'anon cannot read the org_analytics view (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('super');
select results_eq(
  $$select count(*)::int, count(*) filter (where organization_id in (tests.get_org_id('acme'),
    tests.get_org_id('globex')))::int from public.my_org_analytics()$$,
  $$values ((select count(*)::int from public.organizations where deleted_at is null), 2)$$,
  'a super admin reads every organization''s row'
);
select throws_ok(
  $$select * from public.org_analytics$$,
  '42501', null,
  'a super admin cannot read the org_analytics view directly (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select results_eq(
  $$select organization_id, total_users from public.my_org_analytics()$$,
  $$values (tests.get_org_id('acme'), 8::bigint)$$,
  'a compliance officer (staff) reads only own organization''s row'
);
select throws_ok(
  $$select * from public.org_analytics$$,
  '42501', null,
  'a compliance officer cannot read the org_analytics view directly (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select results_eq(
  $$select organization_id, total_users from public.my_org_analytics()$$,
  $$values (tests.get_org_id('acme'), 8::bigint)$$,
  'an org admin (staff) reads only own organization''s row'
);
select throws_ok(
  $$select * from public.org_analytics$$,
  '42501', null,
  'an org admin cannot read the org_analytics view directly (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select results_eq(
  $$select organization_id, total_users from public.my_org_analytics()$$,
  $$values (tests.get_org_id('acme'), 8::bigint)$$,
  'an analyst (staff) reads only own organization''s row'
);
select throws_ok(
  $$select * from public.org_analytics$$,
  '42501', null,
  'an analyst cannot read the org_analytics view directly (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select throws_ok(
  $$select * from public.my_org_analytics()$$,
  '42501', 'only organization staff may read organization analytics',
  'an investigator (not staff) cannot read organization analytics (42501)'
);
select throws_ok(
  $$select * from public.org_analytics$$,
  '42501', null,
  'an investigator cannot read the org_analytics view directly (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('educator');
select throws_ok(
  $$select * from public.my_org_analytics()$$,
  '42501', 'only organization staff may read organization analytics',
  'an educator (not staff) cannot read organization analytics (42501)'
);
select throws_ok(
  $$select * from public.org_analytics$$,
  '42501', null,
  'an educator cannot read the org_analytics view directly (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select throws_ok(
  $$select * from public.my_org_analytics()$$,
  '42501', 'only organization staff may read organization analytics',
  'a learner (not staff) cannot read organization analytics (42501)'
);
select throws_ok(
  $$select * from public.org_analytics$$,
  '42501', null,
  'a learner cannot read the org_analytics view directly (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select throws_ok(
  $$select * from public.my_org_analytics()$$,
  '42501', 'only organization staff may read organization analytics',
  'a viewer (not staff) cannot read organization analytics (42501)'
);
select throws_ok(
  $$select * from public.org_analytics$$,
  '42501', null,
  'a viewer cannot read the org_analytics view directly (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('guest');
select throws_ok(
  $$select * from public.my_org_analytics()$$,
  '42501', 'only organization staff may read organization analytics',
  'a guest (not staff) cannot read organization analytics (42501)'
);
select throws_ok(
  $$select * from public.org_analytics$$,
  '42501', null,
  'a guest cannot read the org_analytics view directly (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('g_admin');
select results_eq(
  $$select organization_id, total_users from public.my_org_analytics()$$,
  $$values (tests.get_org_id('globex'), 3::bigint)$$,
  'an org admin of globex (staff) reads only own organization''s row'
);
select throws_ok(
  $$select * from public.org_analytics$$,
  '42501', null,
  'an org admin of globex cannot read the org_analytics view directly (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('g_compliance');
select results_eq(
  $$select organization_id, total_users from public.my_org_analytics()$$,
  $$values (tests.get_org_id('globex'), 3::bigint)$$,
  'a compliance officer of globex (staff) reads only own organization''s row'
);
select throws_ok(
  $$select * from public.org_analytics$$,
  '42501', null,
  'a compliance officer of globex cannot read the org_analytics view directly (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('g_learner');
select throws_ok(
  $$select * from public.my_org_analytics()$$,
  '42501', 'only organization staff may read organization analytics',
  'a learner of globex (not staff) cannot read organization analytics (42501)'
);
select throws_ok(
  $$select * from public.org_analytics$$,
  '42501', null,
  'a learner of globex cannot read the org_analytics view directly (raises 42501)'
);
select tests.clear_authentication();

select * from finish();
rollback;
