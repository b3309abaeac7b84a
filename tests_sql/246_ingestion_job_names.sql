/*
  Each tribunal source has its own pg_cron job, named by its id
  (ingest-<source id>, 43 bytes): two sources whose names share their first
  56 bytes (where ingest-<name> was cut at 63) get two jobs; a long name's
  job is unscheduled when the source goes; the readable label (the source's
  name, reduced to letters, digits, spaces and . _ -) is in the job's command
  and cannot close its comment; jobs named the old way (ingest-<name>) are
  replaced by private.sync_ingestion_schedules(), as 028 did on upgrade.
  pg_cron runs in cron.database_name only: elsewhere these are skipped.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(6);

create function pg_temp.jobs_of(p_ids uuid []) returns text []
language plpgsql
as $$
declare
  v_jobs text [];
begin
  execute 'select coalesce(array_agg(j.jobname order by j.jobname), ''{}'') from cron.job as j
    where j.jobname = any (select ''ingest-'' || u::text from unnest($1) as u)' into v_jobs using p_ids;
  return v_jobs;
end;
$$;

create function pg_temp.job_command(p_id uuid) returns text
language plpgsql
as $$
declare
  v_command text;
begin
  execute 'select j.command from cron.job as j where j.jobname = ''ingest-'' || $1::text' into v_command using p_id;
  return v_command;
end;
$$;

create function pg_temp.job_names_like(p_pattern text) returns text []
language plpgsql
as $$
declare
  v_jobs text [];
begin
  execute 'select coalesce(array_agg(j.jobname order by j.jobname), ''{}'') from cron.job as j
    where j.jobname like $1' into v_jobs using p_pattern;
  return v_jobs;
end;
$$;

select tests.authenticate_as_service_role();
insert into public.tribunal_sources (id, name, tribunal, base_url, scraper_config, schedule_cron)
values
(md5('t246:a')::uuid, 'T246 ' || repeat('Human Rights Tribunal of a very long name ', 2) || 'A', 't',
  'https://t246.test/a', '{}', '0 2 * * *'),
(md5('t246:b')::uuid, 'T246 ' || repeat('Human Rights Tribunal of a very long name ', 2) || 'B', 't',
  'https://t246.test/b', '{}', '0 3 * * *'),
(md5('t246:evil')::uuid, 'T246 */ select pg_sleep(1); /* evil', 't', 'https://t246.test/c', '{}', '0 4 * * *');
select tests.clear_authentication();

select case when to_regclass('cron.job') is null
  then skip('pg_cron is not installed in this database (it runs in cron.database_name only)', 3)
  else collect_tap(
    is(
      pg_temp.jobs_of(array[md5('t246:a')::uuid, md5('t246:b')::uuid]),
      array['ingest-' || least(md5('t246:a')::uuid, md5('t246:b')::uuid),
        'ingest-' || greatest(md5('t246:a')::uuid, md5('t246:b')::uuid)],
      'two sources whose names share their first 80 bytes have two jobs, each named by its id'
    ),
    is(
      pg_temp.job_command(md5('t246:b')::uuid),
      format('select private.queue_scheduled_ingestion(%L::uuid) /* %s */', md5('t246:b')::uuid,
        left('T246 ' || repeat('Human Rights Tribunal of a very long name ', 2) || 'B', 60)),
      'each queues its own source, labelled with (the start of) its name'
    ),
    is(
      pg_temp.job_command(md5('t246:evil')::uuid),
      format('select private.queue_scheduled_ingestion(%L::uuid) /* T246  select pg_sleep1  evil */',
        md5('t246:evil')::uuid),
      'a name cannot close the label''s comment: only letters, digits, spaces and . _ - are kept'
    )
  )
end;

select tests.authenticate_as_service_role();
update public.tribunal_sources set is_active = false
where id = md5('t246:a')::uuid;
select tests.clear_authentication();
select case when to_regclass('cron.job') is null
  then skip('pg_cron is not installed in this database', 1)
  else is(
    pg_temp.jobs_of(array[md5('t246:a')::uuid, md5('t246:b')::uuid]),
    array['ingest-' || md5('t246:b')::uuid],
    'deactivating the long-named source unschedules its job, and only its job'
  )
end;

-- A job named the old way (ingest-<name>), as before 028.
do $$
begin
  if to_regclass('cron.job') is not null then
    execute $sql$select cron.schedule('ingest-T246 legacy', '0 5 * * *', 'select 1')$sql$;
  end if;
end
$$;
select case when to_regclass('cron.job') is null
  then skip('pg_cron is not installed in this database', 2)
  else collect_tap(
    ok(private.sync_ingestion_schedules() >= 2, 'the sync schedules the active sources'),
    is(
      pg_temp.job_names_like('ingest-T246%'),
      '{}'::text [],
      'and unschedules the jobs named the old way'
    )
  )
end;

select * from finish();
rollback;
