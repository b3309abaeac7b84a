/*
  Closed by default: a table created in public after the migrations is
  reachable by no client until its policy file grants it, and the schema's
  default privileges give the API roles nothing (017_default_privileges).
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(4);

create table public.zz_forgotten (id int primary key);

select ok(
    not has_table_privilege('anon', 'public.zz_forgotten', 'select')
    and not has_table_privilege('authenticated', 'public.zz_forgotten', 'select,insert,update,delete'),
    'a new table in public is granted to neither anon nor authenticated'
);
select ok(
    has_table_privilege('service_role', 'public.zz_forgotten', 'select'),
    'the service role keeps its grants on new tables'
);
select is_empty(
    $$select d.defaclobjtype, acl.grantee::regrole::text
      from pg_catalog.pg_default_acl as d
      cross join lateral aclexplode(d.defaclacl) as acl
      where d.defaclnamespace = 'public'::regnamespace
        and acl.grantee in ('anon'::regrole, 'authenticated'::regrole)$$,
    'the default privileges of schema public grant anon and authenticated nothing'
);

select tests.authenticate_as_anon();
select throws_ok($$select * from public.zz_forgotten$$, '42501', null, 'anon is refused a table nobody granted');
select tests.clear_authentication();

select * from finish();
rollback;
