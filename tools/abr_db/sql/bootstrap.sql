/*
  Supabase-compatibility bootstrap for plain PostgreSQL (local clusters, CI, tests).

  It creates what a Supabase project already has and the migrations rely on:
  the API roles, schema `auth` with `auth.users` and the JWT helpers, and
  schema `extensions`. It is test infrastructure: it lives with the tool, is
  never part of migrations/, and is never applied to a real Supabase database
  (`abr-db apply` only runs it with --bootstrap on a database without auth.users).

  Idempotent: every statement can run again.
*/

-- Roles, with Supabase's attributes. PostgREST logs in as `authenticator` and
-- switches to one of the three API roles per request (`set local role`).
do $$
begin
  if not exists (select from pg_catalog.pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select from pg_catalog.pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select from pg_catalog.pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select from pg_catalog.pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
  if not pg_catalog.pg_has_role('authenticator', 'anon', 'member') then
    grant anon, authenticated, service_role to authenticator;
  end if;
end
$$;

-- Schema public as Supabase sets it up: usable by the API roles, and new
-- tables, sequences and functions granted to them by default. rls_policies/
-- revokes and re-grants explicitly, so it is right with or without these.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;

-- Schema extensions, where Supabase installs extensions.
create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;
create extension if not exists pg_stat_statements with schema extensions;

-- Supabase Realtime streams the tables of this publication (empty on a new
-- project). Plain PostgreSQL accepts it at any wal_level.
do $$
begin
  if not exists (select from pg_catalog.pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end
$$;

-- Schema auth: the subset of GoTrue's auth.users that applications use.
create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key default gen_random_uuid(),
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  phone text unique default null,
  phone_confirmed_at timestamptz,
  phone_change text default '',
  phone_change_token varchar(255) default '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  banned_until timestamptz,
  reauthentication_token varchar(255) default '',
  reauthentication_sent_at timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);

create index if not exists users_instance_id_email_idx on auth.users (instance_id, lower(email));

-- The JWT helpers, as Supabase defines them: they read the claims PostgREST
-- puts in `request.jwt.claims` (and the older per-claim settings). Like
-- Supabase's own they are plain SQL without a SET clause, so the planner
-- inlines them into the policies and functions that call them: a SET clause
-- would make every call a function call with a search_path switch (30 us
-- instead of 2 us, measured: most of what identifying the caller costs a
-- policy). Unlike Supabase's own, every name is qualified, the operator too
-- (operator(pg_catalog.->>)): an inlined body resolves names through the
-- path of the query it lands in, and so nothing in it depends on that path
-- (a pg_temp type, a shadowing operator).
create or replace function auth.uid() returns pg_catalog.uuid
language sql stable
as $$
  select coalesce(
    nullif(pg_catalog.current_setting('request.jwt.claim.sub', true), ''),
    (
      nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::pg_catalog.jsonb
      operator(pg_catalog.->>) 'sub'
    )
  )::pg_catalog.uuid
$$;

create or replace function auth.role() returns pg_catalog.text
language sql stable
as $$
  select coalesce(
    nullif(pg_catalog.current_setting('request.jwt.claim.role', true), ''),
    (
      nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::pg_catalog.jsonb
      operator(pg_catalog.->>) 'role'
    )
  )::pg_catalog.text
$$;

create or replace function auth.email() returns pg_catalog.text
language sql stable
as $$
  select coalesce(
    nullif(pg_catalog.current_setting('request.jwt.claim.email', true), ''),
    (
      nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::pg_catalog.jsonb
      operator(pg_catalog.->>) 'email'
    )
  )::pg_catalog.text
$$;

create or replace function auth.jwt() returns pg_catalog.jsonb
language sql stable
as $$
  select coalesce(
    nullif(pg_catalog.current_setting('request.jwt.claim', true), ''),
    nullif(pg_catalog.current_setting('request.jwt.claims', true), '')
  )::pg_catalog.jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
to anon, authenticated, service_role;

-- Supabase's search_path for this database, so that psql sessions and pgTAP
-- (installed in `extensions`) resolve as they do on a Supabase project.
do $$
begin
  execute format('alter database %I set search_path to "$user", public, extensions', current_database());
end
$$;
