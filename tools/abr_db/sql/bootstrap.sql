/*
  Supabase-compatibility bootstrap for plain PostgreSQL (local clusters, CI, tests).

  It creates what a Supabase project already has and the migrations rely on:
  the API roles, schema `auth` with `auth.users` and the JWT helpers, and
  schema `extensions`, and Supabase Realtime's `realtime.messages`,
  `realtime.topic()`, `realtime.send()` and `realtime.broadcast_changes()`.
  It is test infrastructure: it lives with the tool, is
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

-- Schema realtime: what Supabase Realtime (supabase/realtime, its tenant
-- migrations) puts in a project's database for Broadcast from the database and
-- for authorizing private channels, as the database sees it:
--   realtime.messages    partitioned by inserted_at, RLS on; a row is one broadcast
--                        (extension 'broadcast') or one of Realtime's join probes
--   realtime.topic()     the topic being joined or sent to (setting realtime.topic)
--   realtime.send()      inserts a message (private by default), sets realtime.topic,
--                        and never fails the caller's transaction (a WARNING instead)
--   realtime.broadcast_changes()  a row trigger's helper: {old_record, record,
--                        operation, table, schema} sent with realtime.send()
-- On Supabase the Realtime server owns these (role supabase_realtime_admin),
-- creates a partition per day ahead of time and drops old ones; locally one
-- default partition stands in for that housekeeping. Realtime reads inserted
-- rows through logical replication; nothing here delivers them.
create schema if not exists realtime;
grant usage on schema realtime to anon, authenticated, service_role;

create table if not exists realtime.messages (
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp without time zone not null default now(),
  inserted_at timestamp without time zone not null default now(),
  id uuid not null default gen_random_uuid(),
  binary_payload bytea,
  constraint messages_pkey primary key (id, inserted_at),
  constraint messages_payload_exclusive check (payload is null or binary_payload is null)
) partition by range (inserted_at);

create table if not exists realtime.messages_default partition of realtime.messages default;

create index if not exists messages_inserted_at_topic_index on realtime.messages (inserted_at desc, topic)
where extension = 'broadcast' and private is true;

alter table realtime.messages enable row level security;
grant select, insert, update on realtime.messages to anon, authenticated, service_role;

create or replace function realtime.topic() returns text
language sql stable
as $$
  select nullif(current_setting('realtime.topic', true), '')::text;
$$;

create or replace function realtime.send(payload jsonb, event text, topic text, private boolean default true)
returns void
language plpgsql
as $$
declare
  generated_id uuid;
  final_payload jsonb;
begin
  begin
    generated_id := gen_random_uuid();

    -- Check if payload has an 'id' key, if not, add the generated UUID
    if payload ? 'id' then
      final_payload := payload;
    else
      final_payload := jsonb_set(payload, '{id}', to_jsonb(generated_id));
    end if;

    -- Set the topic configuration
    execute format('SET LOCAL realtime.topic TO %L', topic);

    insert into realtime.messages (id, payload, event, topic, private, extension)
    values (generated_id, final_payload, event, topic, private, 'broadcast');
  exception
    when others then
      raise warning 'WarnSendingBroadcastMessage: %', sqlerrm;
  end;
end;
$$;

create or replace function realtime.broadcast_changes(
  topic_name text, event_name text, operation text, table_name text, table_schema text,
  new record, old record, level text default 'ROW'
)
returns void
language plpgsql
as $$
declare
  -- Declare a variable to hold the JSONB representation of the row
  row_data jsonb := '{}'::jsonb;
begin
  if level = 'STATEMENT' then
    raise exception 'function can only be triggered for each row, not for each statement';
  end if;
  -- Check the operation type and handle accordingly
  if operation = 'INSERT' or operation = 'UPDATE' or operation = 'DELETE' then
    row_data := jsonb_build_object(
      'old_record', old, 'record', new, 'operation', operation, 'table', table_name, 'schema', table_schema
    );
    perform realtime.send(row_data, event_name, topic_name);
  else
    raise exception 'Unexpected operation type: %', operation;
  end if;
exception
  when others then
    raise exception 'Failed to process the row: %', sqlerrm;
end;
$$;

grant execute on function realtime.topic(), realtime.send(jsonb, text, text, boolean),
realtime.broadcast_changes(text, text, text, text, text, record, record, text)
to anon, authenticated, service_role;

-- Supabase's search_path for this database, so that psql sessions and pgTAP
-- (installed in `extensions`) resolve as they do on a Supabase project.
do $$
begin
  execute format('alter database %I set search_path to "$user", public, extensions', current_database());
end
$$;
