-- Undoes 028_points_audit_slugs_privileges.

-- Privileges: the default privileges as before (the bootstrap's and Supabase's: service_role
-- gets every privilege on a new table). The existing tables' grants belong to their
-- rls_policies/ files, which revoke TRUNCATE, TRIGGER and REFERENCES themselves.
alter default privileges in schema public grant truncate, trigger, references on tables to service_role;

-- Catalog slugs: globally unique again (a draft sharing a slug gets its id's first 8 characters appended).
drop trigger if exists check_slug on public.courses;
drop trigger if exists check_slug on public.learning_paths;
drop function if exists private.check_catalog_slug();
drop index if exists public.courses_published_slug_key;
drop index if exists public.courses_draft_slug_key;
drop index if exists public.learning_paths_published_slug_key;
drop index if exists public.learning_paths_draft_slug_key;
update public.courses as c set slug = c.slug || '-' || left(c.id::text, 8)
where exists (
  select from public.courses as o
  where o.slug = c.slug and o.id <> c.id and (o.is_published and o.deleted_at is null or o.id < c.id)
)
and not (c.is_published and c.deleted_at is null);
alter table public.courses add constraint courses_slug_key unique (slug);
update public.learning_paths as lp set slug = lp.slug || '-' || left(lp.id::text, 8)
where exists (
  select from public.learning_paths as o
  where o.slug = lp.slug and o.id <> lp.id and (o.is_published or o.id < lp.id)
)
and not lp.is_published;
alter table public.learning_paths add constraint learning_paths_slug_key unique (slug);

-- Ingestion schedules: ingest-<source name> again.
drop function if exists private.ingestion_job_command(uuid, text);
drop function if exists private.ingestion_job_name(uuid);

create function private.ingestion_job_name(p_source_name text) returns text
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select 'ingest-' || p_source_name
$$;

comment on function private.ingestion_job_name(text) is
'The pg_cron job name of a tribunal source: ingest-<source name>.';

create or replace function private.schedule_tribunal_source(
  p_source_id uuid, p_name text, p_schedule text, p_active boolean
) returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if pg_catalog.to_regclass('cron.job') is null then
    return; -- pg_cron is not in this database (it lives in cron.database_name only)
  end if;
  if p_active then
    perform cron.schedule(
      private.ingestion_job_name(p_name),
      p_schedule,
      pg_catalog.format('select private.queue_scheduled_ingestion(%L::uuid)', p_source_id)
    );
  else
    perform cron.unschedule(j.jobid)
    from cron.job as j
    where j.jobname = private.ingestion_job_name(p_name);
  end if;
end;
$$;

comment on function private.schedule_tribunal_source(uuid, text, text, boolean) is
'Schedules (active) or unschedules the pg_cron job ingest-<name> of a source; nothing where pg_cron is absent.';

create or replace function private.sync_tribunal_source_schedule() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and (tg_op = 'DELETE' or old.name is distinct from new.name) then
    perform private.schedule_tribunal_source(old.id, old.name, old.schedule_cron, false);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    if tg_op = 'INSERT' or old.name is distinct from new.name
      or old.schedule_cron is distinct from new.schedule_cron or old.is_active is distinct from new.is_active
    then
      perform private.schedule_tribunal_source(new.id, new.name, new.schedule_cron, new.is_active);
    end if;
  end if;
  return null;
end;
$$;

comment on function private.sync_tribunal_source_schedule() is
'AFTER trigger on tribunal_sources: keeps the source''s pg_cron job ingest-<name> in step, in the same transaction.';

create or replace function private.sync_ingestion_schedules() returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_source record;
  v_count integer := 0;
begin
  if pg_catalog.to_regclass('cron.job') is null then
    return 0;
  end if;
  perform cron.unschedule(j.jobid)
  from cron.job as j
  where j.jobname like 'ingest-%'
    and not exists (
      select from public.tribunal_sources as s
      where s.is_active and private.ingestion_job_name(s.name) = j.jobname
    );
  for v_source in select s.id, s.name, s.schedule_cron from public.tribunal_sources as s where s.is_active loop
    perform private.schedule_tribunal_source(v_source.id, v_source.name, v_source.schedule_cron, true);
    v_count := v_count + 1;
  end loop;
  return v_count;
end;
$$;

comment on function private.sync_ingestion_schedules() is
'Schedules every active tribunal source and unschedules ingest-* jobs of no active source; returns the count.';

revoke all on function private.ingestion_job_name(text) from public;

do $$
begin
  perform private.sync_ingestion_schedules();
end
$$;

-- Audit: 020's redaction (top-level keys only) again. Rows redacted by 028 stay redacted.
create or replace function private.audit_redacted(p_changes jsonb) returns jsonb
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select case when pg_catalog.jsonb_typeof(p_changes) is distinct from 'object' then p_changes else (
    select coalesce(pg_catalog.jsonb_object_agg(
      kv.key,
      case
        when not (
          kv.key ~ '^(stripe|card)_'
          or kv.key ~ '(^|_)(amount|cents)(_|$)'
          or kv.key in ('billing_name', 'billing_email', 'billing_address')
        ) or kv.value = 'null'::jsonb then kv.value
        -- An update's {"old": .., "new": ..}: each side redacted, a null kept.
        when pg_catalog.jsonb_typeof(kv.value) = 'object' and kv.value ?| array['old', 'new']
          and (kv.value - array['old', 'new']) = '{}'::jsonb then (
          select pg_catalog.jsonb_object_agg(
            s.key, case when s.value = 'null'::jsonb then s.value else '"[redacted]"'::jsonb end
          )
          from pg_catalog.jsonb_each(kv.value) as s
        )
        else '"[redacted]"'::jsonb
      end
    ), '{}'::jsonb)
    from pg_catalog.jsonb_each(p_changes) as kv
  ) end
$$;

comment on function private.audit_redacted(jsonb) is
'An audit row''s changes with Stripe identifiers, payment-method details and amounts replaced by "[redacted]" '
'(the column still shows as changed). See 020_security_fixes.';

revoke all on function private.audit_redacted(jsonb) from public, anon, authenticated, service_role;
drop function if exists private.audit_secret_key(text);
drop function if exists private.audit_stripe_id(text);

-- Audit: 020's actor (a service_role JWT's sub attributed the event to that user).
create or replace function private.audit_actor(
  out actor_id uuid, out actor_email text, out actor_role text, out actor_org uuid
)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  claims jsonb;
begin
  begin
    claims := nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb;
  exception when others then
    claims := null;
  end;
  actor_id := (select auth.uid());
  select p.id, p.email, p.role, p.organization_id
  into actor_id, actor_email, actor_role, actor_org
  from public.profiles as p
  where p.id = actor_id;
  actor_email := coalesce(actor_email, claims ->> 'email');
  actor_role := coalesce(actor_role, claims ->> 'role', session_user::text);
end;
$$;

comment on function private.audit_actor() is
'Who acts, for audit rows: the JWT user''s profile (id, email, role, organization), else the JWT''s email and role '
'claims, else the session''s login role.';

revoke all on function private.audit_actor() from public, anon, authenticated, service_role;

-- Saved searches: filters unchecked on write again.
drop trigger if exists check_filters on public.saved_searches;
drop function if exists private.check_saved_search_filters();

-- Points: unbounded again (values stay as they are).
drop trigger if exists check_points_value on public.courses;
drop trigger if exists check_points_value on public.custom_badges;
drop function if exists private.check_points_value();
drop function if exists private.max_points_value();
