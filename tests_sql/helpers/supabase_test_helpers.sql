/*
  Test helpers, in the manner of basejump's supabase-test-helpers.

  Included by a pgTAP file with `\ir helpers/supabase_test_helpers.sql`
  right after its `begin;`, so they are created inside the file's
  transaction and rolled back with it: nothing persists, and every file
  runs alone under pg_prove.

  Each file then reads: arrange as the superuser (or service role), act as a
  user, assert.
    tests.create_org('acme')                           -> organization id
    tests.create_user('alice', 'org_admin', 'acme')    -> user id (auth.users + profile)
    tests.get_user_id('alice')
    tests.authenticate_as('alice')                     -- PostgREST: role authenticated + JWT claims
    tests.authenticate_as_anon()
    tests.authenticate_as_service_role()
    tests.clear_authentication()                       -- back to the superuser
*/

create extension if not exists pgtap with schema extensions;

create schema if not exists tests;
grant usage on schema tests to anon, authenticated, service_role;

create or replace function tests.get_user_id(identifier text) returns uuid
language sql
stable
as $$
  select md5('user:' || identifier)::uuid
$$;

create or replace function tests.get_org_id(slug text) returns uuid
language sql
stable
as $$
  select md5('org:' || slug)::uuid
$$;

create or replace function tests.create_org(slug text, name text default null) returns uuid
language sql
as $$
  insert into public.organizations (id, name, slug, admin_email)
  values (tests.get_org_id(slug), coalesce(name, initcap(slug)), slug, 'admin@' || slug || '.test')
  on conflict (id) do nothing;
  select tests.get_org_id(slug)
$$;

-- Creates the auth user (the trigger creates the profile), then sets the
-- profile's role, organization and tier as an administrator would.
create or replace function tests.create_user(
  identifier text,
  role text default 'learner',
  org_slug text default null,
  tier text default 'free'
) returns uuid
language plpgsql
as $$
declare
  uid uuid := tests.get_user_id(identifier);
begin
  insert into auth.users (id, email, raw_user_meta_data, email_confirmed_at, role, aud)
  values (
    uid, identifier || '@test.local',
    jsonb_build_object('full_name', initcap(identifier)),
    now(), 'authenticated', 'authenticated'
  );
  update public.profiles
  set role = create_user.role,
      organization_id = case when org_slug is null then null else tests.get_org_id(org_slug) end,
      subscription_tier = tier
  where id = uid;
  return uid;
end;
$$;

create or replace function tests.authenticate_as(identifier text) returns void
language plpgsql
as $$
begin
  perform set_config('role', 'authenticated', true);
  perform set_config(
    'request.jwt.claims',
    json_build_object(
      'sub', tests.get_user_id(identifier),
      'role', 'authenticated',
      'email', identifier || '@test.local',
      'aud', 'authenticated'
    )::text,
    true
  );
end;
$$;

create or replace function tests.authenticate_as_anon() returns void
language plpgsql
as $$
begin
  perform set_config('role', 'anon', true);
  perform set_config('request.jwt.claims', '{"role": "anon"}', true);
end;
$$;

create or replace function tests.authenticate_as_service_role() returns void
language plpgsql
as $$
begin
  perform set_config('role', 'service_role', true);
  perform set_config('request.jwt.claims', '{"role": "service_role"}', true);
end;
$$;

create or replace function tests.clear_authentication() returns void
language plpgsql
as $$
begin
  perform set_config('role', 'none', true);
  perform set_config('request.jwt.claims', '', true);
end;
$$;

grant execute on all functions in schema tests to anon, authenticated, service_role;
