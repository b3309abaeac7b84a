/*
  Each tribunal source's ingestion schedule as a pg_cron job (triggers bound
  by 024_ingestion_schedules; cron_jobs/ingestion_schedules.sql syncs them).

  Trigger functions live here, once, with their current definition; the
  migrations bind them (create trigger). A migration that binds one has the
  line `-- requires: rpc_functions/43_ingestion_schedules.sql`: abr-db runs this file's
  current text there (in the leading comment block: before the body), in the
  migration's transaction, so the function exists before the trigger that
  calls it, on a fresh database too (README, "Functions live in repeatable files").
*/

create or replace function private.is_valid_cron(p_schedule text) returns boolean
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
declare
  v_fields text [];
  v_item text;
  v_parts text [];
  v_low integer;
  v_high integer;
  v_names text [];
  v_first integer;
  v_value text;
  v_number integer;
begin
  if p_schedule is null then
    return false;
  end if;
  if pg_catalog.lower(pg_catalog.btrim(p_schedule))
    in ('@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly')
  then
    return true;
  end if;
  v_fields := pg_catalog.regexp_split_to_array(pg_catalog.btrim(p_schedule), '\s+');
  if pg_catalog.cardinality(v_fields) <> 5 then
    return false;
  end if;
  for i in 1..5 loop
    v_low := (array[0, 0, 1, 1, 0])[i];
    v_high := (array[59, 23, 31, 12, 7])[i];
    v_names := case i
      when 4 then array['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
      when 5 then array['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']
    end;
    foreach v_item in array pg_catalog.string_to_array(pg_catalog.lower(v_fields[i]), ',') loop
      v_parts := pg_catalog.regexp_match(v_item, '^(\*|([0-9]+|[a-z]{3})(-([0-9]+|[a-z]{3}))?)(/([0-9]+))?$');
      if v_parts is null then
        return false;
      end if;
      if v_parts[6] is not null and (pg_catalog.length(v_parts[6]) > 2 or v_parts[6]::integer = 0) then
        return false;
      end if;
      v_first := null;
      foreach v_value in array array[v_parts[2], v_parts[4]] loop
        continue when v_value is null;
        if v_value ~ '^[0-9]+$' then
          if pg_catalog.length(v_value) > 2 then
            return false;
          end if;
          v_number := v_value::integer;
        else
          v_number := pg_catalog.array_position(v_names, v_value) - 1 + v_low;
        end if;
        if v_number is null or v_number not between v_low and v_high then
          return false;
        end if;
        v_first := coalesce(v_first, v_number);
      end loop;
      -- A range runs from low to high.
      if v_parts[4] is not null and v_first > v_number then
        return false;
      end if;
    end loop;
  end loop;
  return true;
end;
$$;

create or replace function private.check_tribunal_source_schedule() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if not private.is_valid_cron(new.schedule_cron) then
    raise exception using errcode = '22023',
      message = pg_catalog.format('invalid cron schedule %L', new.schedule_cron),
      hint = 'Five fields: minute hour day-of-month month day-of-week, e.g. ''0 2 * * *'' (daily at 02:00 UTC).';
  end if;
  return new;
end;
$$;

create or replace function private.queue_scheduled_ingestion(p_source_id uuid) returns uuid
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_job_id uuid;
begin
  insert into public.ingestion_jobs (source_id, job_type, status)
  select s.id, 'scheduled', 'queued'
  from public.tribunal_sources as s
  where s.id = p_source_id and s.is_active and not exists (
    select from public.ingestion_jobs as j
    where j.source_id = p_source_id and j.job_type = 'scheduled' and j.status = 'running'
  )
  on conflict (source_id) where status = 'queued' do nothing
  returning id into v_job_id;
  return v_job_id;
end;
$$;

comment on function private.is_valid_cron(text) is
'True when p_schedule is a cron expression pg_cron takes (five fields, or @daily and the like).';

comment on function private.check_tribunal_source_schedule() is
'BEFORE INSERT/UPDATE trigger on tribunal_sources: refuses an invalid schedule_cron (22023).';

comment on function private.queue_scheduled_ingestion(uuid) is
'Run by the source''s pg_cron job: queues a scheduled ingestion job for an active source, unless a scheduled '
'one is queued or running; returns its id (null when none was queued).';

revoke all on function
  private.is_valid_cron(text),
  private.check_tribunal_source_schedule(),
  private.queue_scheduled_ingestion(uuid)
from public, anon, authenticated, service_role;

-- One job per source id (since 028_points_audit_slugs_privileges) ------------------------------

create or replace function private.ingestion_job_name(p_source_id uuid) returns text
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select 'ingest-' || p_source_id::text
$$;

comment on function private.ingestion_job_name(uuid) is
'The pg_cron job name of a tribunal source: ingest-<source id> (43 bytes: unique and never cut at 63).';

-- The job's command: the queue call, then the source's name as a label
-- (letters, digits, spaces and . _ - only, at most 60 characters: it sits in a
-- comment, which nothing in it can close).
create or replace function private.ingestion_job_command(p_source_id uuid, p_name text) returns text
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select pg_catalog.format(
    'select private.queue_scheduled_ingestion(%L::uuid) /* %s */',
    p_source_id,
    pg_catalog.left(pg_catalog.regexp_replace(coalesce(p_name, ''), '[^[:alnum:] ._-]', '', 'g'), 60)
  )
$$;

comment on function private.ingestion_job_command(uuid, text) is
'The command of a source''s pg_cron job: queue a scheduled ingestion job, labelled with the source''s name.';

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
      private.ingestion_job_name(p_source_id), p_schedule, private.ingestion_job_command(p_source_id, p_name)
    );
  else
    perform cron.unschedule(j.jobid)
    from cron.job as j
    where j.jobname = private.ingestion_job_name(p_source_id);
  end if;
end;
$$;

comment on function private.schedule_tribunal_source(uuid, text, text, boolean) is
'Schedules (active) or unschedules the pg_cron job ingest-<source id> of a source; nothing where pg_cron is absent.';

create or replace function private.sync_tribunal_source_schedule() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op = 'DELETE' then
    perform private.schedule_tribunal_source(old.id, old.name, old.schedule_cron, false);
  elsif tg_op = 'INSERT' or old.name is distinct from new.name
    or old.schedule_cron is distinct from new.schedule_cron or old.is_active is distinct from new.is_active
  then
    -- A rename reschedules too: the label in the command follows the name.
    perform private.schedule_tribunal_source(new.id, new.name, new.schedule_cron, new.is_active);
  end if;
  return null;
end;
$$;

comment on function private.sync_tribunal_source_schedule() is
'AFTER trigger on tribunal_sources: keeps the source''s pg_cron job ingest-<source id> in step, in the same '
'transaction.';

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
  -- Jobs of no active source, the ingest-<name> jobs of before 028 included.
  perform cron.unschedule(j.jobid)
  from cron.job as j
  where j.jobname like 'ingest-%'
    and not exists (
      select from public.tribunal_sources as s
      where s.is_active and private.ingestion_job_name(s.id) = j.jobname
    );
  for v_source in select s.id, s.name, s.schedule_cron from public.tribunal_sources as s where s.is_active loop
    -- One source at a time: a schedule pg_cron refuses (a row older than the check of
    -- 024) is logged and skipped, and the other sources are still scheduled.
    begin
      perform private.schedule_tribunal_source(v_source.id, v_source.name, v_source.schedule_cron, true);
      v_count := v_count + 1;
    exception when others then
      raise warning using message = pg_catalog.format(
        'ingestion schedule of source %s skipped (%s: %s)', v_source.id, sqlstate, sqlerrm
      );
    end;
  end loop;
  return v_count;
end;
$$;

comment on function private.sync_ingestion_schedules() is
'Schedules every active tribunal source (ingest-<source id>) and unschedules ingest-* jobs of no active source; '
'a source that cannot be scheduled is logged and skipped; returns the count scheduled.';

revoke all on function
  private.ingestion_job_name(uuid),
  private.ingestion_job_command(uuid, text),
  private.schedule_tribunal_source(uuid, text, text, boolean),
  private.sync_tribunal_source_schedule(),
  private.sync_ingestion_schedules()
from public;
