/*
  Realtime: notifications, and only notifications, are published to
  Supabase Realtime, which then applies each listener's RLS policies.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(2);

select set_eq(
    $$select schemaname || '.' || tablename
      from pg_catalog.pg_publication_tables
      where pubname = 'supabase_realtime'$$,
    array['public.notifications'],
    'supabase_realtime publishes notifications and nothing else'
);

select ok(
    (
        select relrowsecurity
        from pg_catalog.pg_class
        where oid = 'public.notifications'::regclass
    ),
    'the published table is behind RLS, so listeners receive only their own rows'
);

select * from finish();
rollback;
