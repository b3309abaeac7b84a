/*
  audit_logs is append-only (migrations/012_audit.sql): nobody updates,
  deletes or truncates it, super_admin and service_role included. First the
  shipped grants refuse; then, as if a grant or policy were ever
  misconfigured, the guard trigger itself refuses. A client cannot bypass the
  guard with the purge's setting. Only two paths change rows: the foreign
  keys' ON DELETE SET NULL (deleting a profile or an organization that was
  audited works and clears the link) and the retention purge, which deletes
  only expired rows.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(42);

-- Arrange (as the superuser): two organizations, their people, and four audit rows:
--   a1 live, bob in acme;  a2 and a3 expired, acme;  a4 live, gina in globex.
do $$
begin
  perform tests.create_org('acme');
  perform tests.create_org('globex');
  perform tests.create_user('sam', 'super_admin');
  perform tests.create_user('carol', 'compliance_officer', 'acme');
  perform tests.create_user('bob', 'learner', 'acme');
  perform tests.create_user('gina', 'learner', 'globex');
  insert into public.audit_logs (
    id, user_id, user_email, user_role, action, resource_type, organization_id, severity, retention_until
  ) values
  (
    'a0000000-0000-4000-8000-000000000001', tests.get_user_id('bob'), 'bob@test.local', 'learner',
    'login', 'profiles', tests.get_org_id('acme'), 'info', now() + interval '7 years'
  ),
  (
    'a0000000-0000-4000-8000-000000000002', null, null, 'service_role',
    'insert', 'subscriptions', tests.get_org_id('acme'), 'info', now() - interval '1 day'
  ),
  (
    'a0000000-0000-4000-8000-000000000003', null, null, 'service_role',
    'update', 'subscriptions', tests.get_org_id('acme'), 'info', now() - interval '8 years'
  ),
  (
    'a0000000-0000-4000-8000-000000000004', tests.get_user_id('gina'), 'gina@test.local', 'learner',
    'login', 'profiles', tests.get_org_id('globex'), 'info', now() + interval '7 years'
  );
end
$$;

select is(
  (
    select count(*)::integer from public.audit_logs
    where id::text like 'a0000000-%'
  ),
  4,
  'the four audit rows are there'
);

-- With the shipped grants ---------------------------------------------------------

-- Acting as sam (super_admin)
select tests.authenticate_as('sam');
select results_eq(
  $$select count(*)::integer from public.audit_logs where id::text like 'a0000000-%'$$,
  array[4],
  'sam (super_admin) reads every audit row'
);
select throws_ok(
  $$update public.audit_logs set severity = 'critical' where id = 'a0000000-0000-4000-8000-000000000001'$$,
  '42501', null,
  'sam (super_admin) cannot update an audit row: raises 42501'
);
select throws_ok(
  $$delete from public.audit_logs where id = 'a0000000-0000-4000-8000-000000000002'$$,
  '42501', null,
  'sam (super_admin) cannot delete an audit row, not even an expired one: raises 42501'
);
select throws_ok(
  $$truncate public.audit_logs$$,
  '42501', null,
  'sam (super_admin) cannot truncate audit_logs: raises 42501'
);
select throws_ok(
  $$select private.purge_expired_audit_logs()$$,
  '42501', null,
  'sam (super_admin) cannot run the retention purge: raises 42501'
);
select tests.clear_authentication();

-- Acting as carol (compliance_officer, acme)
select tests.authenticate_as('carol');
select throws_ok(
  $$update public.audit_logs set user_email = 'nobody' where organization_id = tests.get_org_id('acme')$$,
  '42501', null,
  'carol (compliance_officer) cannot update her organization''s audit rows: raises 42501'
);
select throws_ok(
  $$delete from public.audit_logs where organization_id = tests.get_org_id('acme')$$,
  '42501', null,
  'carol (compliance_officer) cannot delete her organization''s audit rows: raises 42501'
);
select tests.clear_authentication();

-- Acting as anon
select tests.authenticate_as_anon();
select throws_ok(
  $$delete from public.audit_logs$$,
  '42501', null,
  'anon cannot delete audit rows: raises 42501'
);
select throws_ok(
  $$select private.purge_expired_audit_logs()$$,
  '42501', null,
  'anon cannot run the retention purge: raises 42501'
);
select tests.clear_authentication();

-- Acting as the service role
select tests.authenticate_as_service_role();
select lives_ok(
  $$select public.record_audit_event('export', 'reports', p_severity => 'info', p_compliance_relevant => true)$$,
  'the service role appends an audit row (through record_audit_event: no direct insert)'
);
select throws_ok(
  $$update public.audit_logs set severity = 'info' where id = 'a0000000-0000-4000-8000-000000000001'$$,
  '42501', null,
  'the service role cannot update an audit row: raises 42501'
);
select throws_ok(
  $$delete from public.audit_logs where id = 'a0000000-0000-4000-8000-000000000002'$$,
  '42501', null,
  'the service role cannot delete an expired audit row: raises 42501'
);
select throws_ok(
  $$truncate public.audit_logs$$,
  '42501', null,
  'the service role cannot truncate audit_logs: raises 42501'
);
select throws_ok(
  $$select private.purge_expired_audit_logs()$$,
  '42501', null,
  'the service role cannot run the retention purge: raises 42501'
);
select tests.clear_authentication();

-- If grants and policies were ever too wide, the guard still refuses ----------------

do $$
begin
  grant update, delete, truncate on public.audit_logs to authenticated, service_role;
  create policy "test only: anyone updates" on public.audit_logs
  for update to authenticated using (true) with check (true);
  create policy "test only: anyone deletes" on public.audit_logs
  for delete to authenticated using (true);
end
$$;

-- Acting as sam (super_admin)
select tests.authenticate_as('sam');
select throws_ok(
  $$update public.audit_logs set severity = 'critical' where id = 'a0000000-0000-4000-8000-000000000001'$$,
  '42501', 'audit_logs is append-only',
  'with an update grant and policy, sam (super_admin) still cannot update: the guard raises 42501'
);
select throws_ok(
  $$update public.audit_logs set user_id = null where id = 'a0000000-0000-4000-8000-000000000001'$$,
  '42501', 'audit_logs is append-only',
  'nor clear the user of a row whose profile still exists'
);
select throws_ok(
  $$delete from public.audit_logs where id = 'a0000000-0000-4000-8000-000000000001'$$,
  '42501', 'audit_logs is append-only',
  'with a delete grant and policy, sam cannot delete a live row: the guard raises 42501'
);
select throws_ok(
  $$truncate public.audit_logs$$,
  '42501', 'audit_logs is append-only',
  'with a truncate grant, sam cannot truncate: the guard raises 42501'
);
-- sam sets the purge's marker himself (anyone may set a custom setting)
do $$ begin perform set_config('abr.audit_purge', 'on', true); end $$;
select throws_ok(
  $$delete from public.audit_logs where id = 'a0000000-0000-4000-8000-000000000002'$$,
  '42501', 'audit_logs is append-only',
  'and still cannot delete an expired row: the marker counts only inside the purge'
);
do $$ begin perform set_config('abr.audit_purge', 'off', true); end $$;
select tests.clear_authentication();

-- Acting as the service role
select tests.authenticate_as_service_role();
select throws_ok(
  $$update public.audit_logs set organization_id = null where id = 'a0000000-0000-4000-8000-000000000001'$$,
  '42501', 'audit_logs is append-only',
  'with an update grant, the service role cannot clear an audit row''s organization: the guard raises 42501'
);
select throws_ok(
  $$delete from public.audit_logs where id = 'a0000000-0000-4000-8000-000000000003'$$,
  '42501', 'audit_logs is append-only',
  'with a delete grant, the service role cannot delete an expired row: the guard raises 42501'
);
-- the service role sets the purge's marker itself
do $$ begin perform set_config('abr.audit_purge', 'on', true); end $$;
select throws_ok(
  $$delete from public.audit_logs where retention_until < now()$$,
  '42501', 'audit_logs is append-only',
  'and still cannot delete expired rows: it is not the purge''s owner'
);
select throws_ok(
  $$truncate public.audit_logs$$,
  '42501', 'audit_logs is append-only',
  'nor truncate with the marker set'
);
do $$ begin perform set_config('abr.audit_purge', 'off', true); end $$;
select tests.clear_authentication();

-- As the superuser (owner of the table and of the purge)
select throws_ok(
  $$update public.audit_logs set severity = 'warning' where id = 'a0000000-0000-4000-8000-000000000001'$$,
  '42501', 'audit_logs is append-only',
  'the table''s owner cannot update an audit row either'
);
select throws_ok(
  $$update public.audit_logs set organization_id = null where id = 'a0000000-0000-4000-8000-000000000001'$$,
  '42501', 'audit_logs is append-only',
  'the owner cannot clear a link to an organization that still exists'
);
select throws_ok(
  $$delete from public.audit_logs where id = 'a0000000-0000-4000-8000-000000000002'$$,
  '42501', 'audit_logs is append-only',
  'the owner cannot delete an expired row outside the purge'
);
select throws_ok(
  $$truncate public.audit_logs$$,
  '42501', 'audit_logs is append-only',
  'the owner cannot truncate audit_logs'
);

select results_eq(
  $$select count(*)::integer, min(severity), min(user_email) from public.audit_logs where id::text like 'a0000000-%'$$,
  $$values (4, 'info', 'bob@test.local')$$,
  'after all that, the four audit rows are there, unchanged'
);

-- Deleting audited people and organizations clears the link -------------------------

select tests.authenticate_as_service_role();
select lives_ok(
  $$delete from public.profiles where id = tests.get_user_id('bob')$$,
  'the service role deletes bob''s profile, which has audit rows'
);
select tests.clear_authentication();
select results_eq(
  $$select user_id, user_email, organization_id from public.audit_logs where id
    = 'a0000000-0000-4000-8000-000000000001'$$,
  $$values (null::uuid, 'bob@test.local'::text, tests.get_org_id('acme'))$$,
  'bob''s audit row stays: the user link is cleared, his email and the organization kept'
);
select is(
  (
    select count(*)::integer from public.audit_logs
    where user_id = tests.get_user_id('bob')
  ),
  0,
  'no audit row links bob any more'
);

select tests.authenticate_as('sam');
select lives_ok(
  $$delete from public.organizations where id = tests.get_org_id('globex')$$,
  'sam (super_admin) deletes globex, which has audit rows'
);
select tests.clear_authentication();
select results_eq(
  $$select user_id, user_email, organization_id from public.audit_logs where id
    = 'a0000000-0000-4000-8000-000000000004'$$,
  $$values (tests.get_user_id('gina'), 'gina@test.local'::text, null::uuid)$$,
  'globex''s audit row stays: the organization link is cleared, the rest kept'
);
select is(
  (
    select count(*)::integer from public.audit_logs
    where organization_id = tests.get_org_id('globex')
  ),
  0,
  'no audit row links globex any more'
);
select is(
  (
    select count(*)::integer from public.audit_logs
    where resource_type = 'organizations' and action = 'delete' and resource_id = tests.get_org_id('globex')
  ),
  1,
  'and globex''s deletion is itself in the trail'
);

-- The retention purge ----------------------------------------------------------------

select set_eq(
  $$select id::text from public.audit_logs where id::text like 'a0000000-%' and retention_until < now()$$,
  array['a0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000003'],
  'two of this file''s audit rows are past their retention (a2, a3)'
);
-- The purge is database-wide: what it should delete and keep is whatever the database holds now.
create temporary table kept as
select id from public.audit_logs
where retention_until >= now();
create temporary table expired as
select id from public.audit_logs
where retention_until < now();
select is(
  private.purge_expired_audit_logs(),
  (select count(*) from pg_temp.expired),
  'the purge deletes every expired row (this file''s two included) and says how many'
);
select is(
  (
    select count(*)::integer from public.audit_logs
    where retention_until < now()
  ),
  0,
  'no expired row is left'
);
select set_eq(
  $$select id from public.audit_logs$$,
  $$select id from pg_temp.kept$$,
  'every unexpired row is kept'
);
select is(
  current_setting('abr.audit_purge', true),
  'off',
  'the purge clears its marker when done'
);
select is(
  private.purge_expired_audit_logs(),
  0::bigint,
  'a second purge finds nothing to delete'
);

select * from finish();
rollback;
