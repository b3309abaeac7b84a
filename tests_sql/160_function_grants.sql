/*
  Function grants: least privilege for what clients can call.
  anon calls two RPCs (certificate verification, feature flags) and nothing
  else; nothing in `public` or `private` is executable by PUBLIC (every role);
  every SECURITY DEFINER function has an empty search_path; and the private
  helpers policies use are executable by signed-in users only.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(5);

select set_eq(
    $$select p.oid::regprocedure::text from pg_catalog.pg_proc as p
      where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
        and has_function_privilege('anon', p.oid, 'execute')$$,
    array[
        'feature_enabled(text)', 'private.feature_enabled(text)',
        'verify_certificate(text,text)', 'private.verify_certificate(text,text)'
    ],
    'anon can execute certificate verification and feature flags, and nothing else'
);

select is_empty(
    $$select p.oid::regprocedure::text from pg_catalog.pg_proc as p
      where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
        and exists (
          select from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) as acl
          where acl.grantee = 0 and acl.privilege_type = 'EXECUTE'
        )$$,
    'no function in public or private is executable by PUBLIC'
);

select is_empty(
    $$select p.oid::regprocedure::text from pg_catalog.pg_proc as p
      where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
        and p.prosecdef
        and not coalesce(p.proconfig && array['search_path=pg_catalog, pg_temp', 'search_path=""'], false)$$,
    'every SECURITY DEFINER function runs with a fixed search_path (pg_catalog, pg_temp; or empty)'
);

select is_empty(
    $$select p.oid::regprocedure::text from pg_catalog.pg_proc as p
      where p.pronamespace = 'public'::regnamespace and p.prosecdef$$,
    'no function in the exposed schema is SECURITY DEFINER'
);

select ok(
    has_function_privilege('authenticated', 'private.current_org_id()', 'execute')
    and has_function_privilege('authenticated', 'private.is_super_admin()', 'execute')
    and not has_function_privilege('anon', 'private.current_org_id()', 'execute'),
    'the policy helpers are executable by signed-in users, not by anon'
);

select * from finish();
rollback;
