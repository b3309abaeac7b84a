/*
  org_audit_trail (rpc_functions/27_audit_trail.sql): an organization's audit
  trail, newest first, a keyset page at a time. A compliance officer reads
  their own organization; a super admin names one; everyone else is refused;
  another organization is "not found"; bad pages are 22023.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(17);

-- Arrange (as the superuser): acme with a compliance officer and a learner, globex with a
-- compliance officer, a super admin; four audit rows of acme an hour apart (older than
-- anything the fixtures' own triggers write) and one of globex.
do $$
begin
  perform tests.create_org('t236-acme');
  perform tests.create_org('t236-globex');
  perform tests.create_user('t236-cora', 'compliance_officer', 't236-acme');
  perform tests.create_user('t236-lena', 'learner', 't236-acme');
  perform tests.create_user('t236-gcora', 'compliance_officer', 't236-globex');
  perform tests.create_user('t236-sam', 'super_admin');
  insert into public.audit_logs (user_id, action, resource_type, organization_id, severity, "timestamp")
  select tests.get_user_id('t236-lena'), 't236.event_' || n, 'progress', tests.get_org_id('t236-acme'), 'info',
    now() - make_interval(hours => n)
  from generate_series(1, 4) as n;
  insert into public.audit_logs (user_id, action, resource_type, organization_id, severity, "timestamp")
  values (null, 't236.globex_event', 'teams', tests.get_org_id('t236-globex'), 'info', now() - interval '1 hour');
end
$$;

-- The trail older than the fixtures' creation (their triggers' rows are stamped now()).
create function pg_temp.actions(p_limit integer, p_org uuid default null) returns text []
language sql
as $$
  select array_agg(t.action order by t.timestamp desc, t.id desc)
  from public.org_audit_trail(p_limit, now() - interval '1 minute', 'ffffffff-ffff-ffff-ffff-ffffffffffff', p_org)
    as t
$$;

-- The page after a row of this file (its timestamp and id as the keyset).
create function pg_temp.actions_after(p_action text) returns text []
language sql
as $$
  select array_agg(t.action order by t.timestamp desc, t.id desc)
  from public.audit_logs as a
  cross join lateral public.org_audit_trail(10, a.timestamp, a.id) as t
  where a.action = p_action
$$;

-- A compliance officer -------------------------------------------------------------------

select tests.authenticate_as('t236-cora');
select is(
  pg_temp.actions(3),
  array['t236.event_1', 't236.event_2', 't236.event_3'],
  'a compliance officer reads her organization''s trail, newest first, p_limit rows'
);
select is(
  pg_temp.actions_after('t236.event_2'),
  array['t236.event_3', 't236.event_4'],
  'the next page starts after the keyset (the last row''s timestamp and id)'
);
select is(
  pg_temp.actions(10, tests.get_org_id('t236-acme')),
  array['t236.event_1', 't236.event_2', 't236.event_3', 't236.event_4'],
  'naming her own organization is the same'
);
select is_empty(
  $$select 1 from public.org_audit_trail(200) as t where t.organization_id <> tests.get_org_id('t236-acme')$$,
  'every row is of her organization (the newest page included)'
);
select throws_ok(
  $$select * from public.org_audit_trail(10, null, null, tests.get_org_id('t236-globex'))$$,
  'P0002', 'organization not found',
  'another organization is not found'
);
select throws_ok(
  $$select * from public.org_audit_trail(0)$$, '22023', 'p_limit must be between 1 and 200', 'a page of 0 is 22023'
);
select throws_ok(
  $$select * from public.org_audit_trail(201)$$, '22023', 'p_limit must be between 1 and 200', 'a page of 201 is 22023'
);
select throws_ok(
  $$select * from public.org_audit_trail(10, now(), null)$$,
  '22023', 'p_before and p_before_id go together',
  'half a keyset is 22023'
);
select tests.clear_authentication();

select tests.authenticate_as('t236-gcora');
select is(pg_temp.actions(10), array['t236.globex_event'], 'globex''s compliance officer reads globex''s trail only');
select tests.clear_authentication();

-- A super admin ----------------------------------------------------------------------------

select tests.authenticate_as('t236-sam');
select is(
  pg_temp.actions(2, tests.get_org_id('t236-acme')),
  array['t236.event_1', 't236.event_2'],
  'a super admin reads the organization she names'
);
select throws_ok(
  $$select * from public.org_audit_trail(10)$$, '22023', 'p_organization_id is required',
  'a super admin must name the organization'
);
select tests.clear_authentication();

-- Everyone else ------------------------------------------------------------------------------

select tests.authenticate_as('t236-lena');
select throws_ok(
  $$select * from public.org_audit_trail(10)$$, '42501', 'only compliance officers read the audit trail',
  'a learner is refused'
);
select throws_ok(
  $$select * from public.org_audit_trail(10, null, null, tests.get_org_id('t236-acme'))$$,
  '42501', 'only compliance officers read the audit trail',
  'a learner naming her organization is refused too'
);
select tests.clear_authentication();

select tests.authenticate_as_anon();
select throws_ok($$select * from public.org_audit_trail(10)$$, '42501', null, 'anon cannot call it');
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select throws_ok($$select * from public.org_audit_trail(10)$$, '42501', null, 'service_role has no need of it');
select tests.clear_authentication();

-- A compliance officer who is demoted reads nothing any more.
update public.profiles set role = 'learner'
where id = tests.get_user_id('t236-cora');
select tests.authenticate_as('t236-cora');
select throws_ok(
  $$select * from public.org_audit_trail(10)$$, '42501', 'only compliance officers read the audit trail',
  'a compliance officer demoted to learner is refused'
);
select tests.clear_authentication();

select function_privs_are(
  'public', 'org_audit_trail', array['integer', 'timestamp with time zone', 'uuid', 'uuid'], 'authenticated',
  array['EXECUTE'], 'authenticated may execute org_audit_trail'
);

select * from finish();
rollback;
