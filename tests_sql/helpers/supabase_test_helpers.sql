/*
  Test helpers, in the manner of basejump's supabase-test-helpers.

  Included by a pgTAP file with `\ir helpers/supabase_test_helpers.sql`
  right after its `begin;`, so they are created inside the file's
  transaction and rolled back with it: nothing persists, and every file
  runs alone under pg_prove.

  Fixtures never meet the database's own rows: every id, slug and email the
  helpers make is derived from a salt drawn once per transaction, so a file
  passes alike on an empty database, on the demo seed, on bench data or on a
  staging copy (even two runs at once do not share a helper-made fixture). Within a file
  the names stay stable: tests.get_user_id('alice') is the same uuid every
  time it is called. Assert about these fixtures, never about global counts.

  Each file then reads: arrange as the superuser (or service role), act as a
  user, assert.
    tests.create_org('acme')                           -> organization id (slug 'acme-<salt>')
    tests.create_user('alice', 'org_admin', 'acme')    -> user id (auth.users + profile)
    tests.get_user_id('alice'), tests.get_user_email('alice'), tests.get_org_id('acme')
    tests.id('course:intro')                           -> a uuid for any other fixture of the file
    tests.name('intro')                                -> 'intro-<salt>', for unique names and slugs
    tests.fixture_org_ids(), tests.fixture_user_ids()  -> what this file created, to count within:
      select count(*) from public.profiles where id = any(tests.fixture_user_ids())
    tests.fixture_ids('course')                        -> the ids a file registered in tests.fixtures
    tests.authenticate_as('alice')                     -- PostgREST: role authenticated + JWT claims
    tests.authenticate_as_anon()
    tests.authenticate_as_service_role()
    tests.clear_authentication()                       -- back to the superuser
*/

create extension if not exists pgtap with schema extensions;

create schema if not exists tests;
grant usage on schema tests to anon, authenticated, service_role;

-- The salt: drawn once, at the first include in the transaction (transaction-local setting).
do $$
begin
  if coalesce(current_setting('tests.salt', true), '') = '' then
    perform set_config('tests.salt', substr(md5(random()::text || clock_timestamp()::text), 1, 10), true);
  end if;
end
$$;

create or replace function tests.salt() returns text
language sql
stable
as $$
  select current_setting('tests.salt')
$$;

create or replace function tests.id(name text) returns uuid
language sql
stable
as $$
  select md5(tests.salt() || ':' || name)::uuid
$$;

create or replace function tests.name(name text) returns text
language sql
stable
as $$
  select name || '-' || tests.salt()
$$;

create or replace function tests.get_user_id(identifier text) returns uuid
language sql
stable
as $$
  select tests.id('user:' || identifier)
$$;

create or replace function tests.get_user_email(identifier text) returns text
language sql
stable
as $$
  select identifier || '.' || tests.salt() || '@test.local'
$$;

create or replace function tests.get_org_id(slug text) returns uuid
language sql
stable
as $$
  select tests.id('org:' || slug)
$$;

-- What the helpers created in this transaction (rolled back with it).
create table if not exists tests.fixtures (kind text not null, id uuid not null, primary key (kind, id));
grant select on tests.fixtures to anon, authenticated, service_role;

-- A file registers its other fixtures itself: insert into tests.fixtures (kind, id) select 'course', id from ...
create or replace function tests.fixture_ids(fixture_kind text) returns uuid []
language sql
stable
as $$
  select coalesce(array_agg(id order by id), '{}') from tests.fixtures where kind = fixture_kind
$$;

create or replace function tests.fixture_org_ids() returns uuid []
language sql
stable
as $$
  select tests.fixture_ids('org')
$$;

create or replace function tests.fixture_user_ids() returns uuid []
language sql
stable
as $$
  select tests.fixture_ids('user')
$$;

create or replace function tests.create_org(slug text, name text default null) returns uuid
language sql
as $$
  insert into public.organizations (id, name, slug, admin_email)
  values (tests.get_org_id(slug), coalesce(name, initcap(slug)), tests.name(slug),
    'admin@' || tests.name(slug) || '.test')
  on conflict (id) do nothing;
  insert into tests.fixtures (kind, id) values ('org', tests.get_org_id(slug)) on conflict do nothing;
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
    uid, tests.get_user_email(identifier),
    jsonb_build_object('full_name', initcap(identifier)),
    now(), 'authenticated', 'authenticated'
  );
  update public.profiles
  set role = create_user.role,
      organization_id = case when org_slug is null then null else tests.get_org_id(org_slug) end,
      subscription_tier = tier
  where id = uid;
  insert into tests.fixtures (kind, id) values ('user', uid);
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
      'email', tests.get_user_email(identifier),
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

/*
  pgTAP's set_eq, set_ne, bag_eq and friends compare through temporary tables,
  which the API roles may not create (019_no_temp_objects). A file that makes
  such comparisons while acting as a client calls this once: TEMPORARY for
  authenticated and service_role until the file's transaction rolls back. It
  changes nothing the RPCs under test do (their definer bodies run as the
  owner); 164_pg_temp_attack asserts the real grants in a transaction of its own.
*/
create or replace function tests.allow_set_comparisons() returns void
language plpgsql
as $$
begin
  execute pg_catalog.format(
    'grant temporary on database %I to authenticated, service_role', pg_catalog.current_database()
  );
end;
$$;
revoke all on function tests.allow_set_comparisons() from public, anon, authenticated, service_role;
