/*
  No API role truncates, adds triggers to or references a table in public:
  TRUNCATE fires no row trigger, so a TRUNCATE of certificates or audit-
  relevant tables would leave no audit row; TRIGGER would let a role run its
  own code on every write; REFERENCES lets a role probe keys through a
  foreign key. Revoked from anon, authenticated, service_role and PUBLIC on
  every table, and by default for tables created later (028).
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(5);

select is_empty(
  $$select c.relname, r.rolname, pv.privilege
    from pg_catalog.pg_class as c
    cross join (values ('TRUNCATE'), ('TRIGGER'), ('REFERENCES')) as pv (privilege)
    inner join pg_catalog.pg_roles as r on r.rolname in ('anon', 'authenticated', 'service_role')
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
      and has_table_privilege(r.oid, c.oid, pv.privilege)$$,
  'no API role holds TRUNCATE, TRIGGER or REFERENCES on any table or view in public'
);

select tests.authenticate_as_service_role();
select throws_ok(
  $$truncate public.certificates$$, '42501', 'permission denied for table certificates',
  'the service role cannot truncate certificates (it would bypass the audit trail)'
);
select throws_ok(
  $$truncate public.audit_logs$$, '42501', 'permission denied for table audit_logs',
  'nor the audit trail itself'
);
select tests.clear_authentication();

-- A table created later (as the migrations' role) starts without them.
create table public.t245_later (id integer primary key);
select is(
  (select array_agg(r order by r) from unnest(array['anon', 'authenticated', 'service_role']) as r
    where has_table_privilege(r, 'public.t245_later', 'TRUNCATE')
      or has_table_privilege(r, 'public.t245_later', 'TRIGGER')
      or has_table_privilege(r, 'public.t245_later', 'REFERENCES')),
  null::text [],
  'a new table in public grants none of them to an API role (default privileges)'
);
select ok(
  has_table_privilege('service_role', 'public.t245_later', 'SELECT'),
  'while the service role keeps its ordinary default grants'
);

select * from finish();
rollback;
