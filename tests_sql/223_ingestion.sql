/*
  The ingestion pipeline's database side: the workers' RPCs
  (start_ingestion_job, record_raw_case, finish_ingestion_job; service_role
  only), the queue the sources' pg_cron jobs fill, the schedules kept in step
  with tribunal_sources (validated on write; scheduled, rescheduled and
  unscheduled in the same transaction; none left by the migration's
  rollback), and review/promotion of what the workers recorded.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(45);
-- set_eq and temporary tables while acting as a client: see tests.allow_set_comparisons().
do $$ begin perform tests.allow_set_comparisons(); end $$;

-- Arrange ------------------------------------------------------------------------

do $$
begin
  perform tests.create_org('t223-acme');
  perform tests.create_user('t223-analyst', 'analyst', 't223-acme');
  perform tests.create_user('t223-learner', 'learner', 't223-acme');
end
$$;

-- The schedule of a source's job (ingest-<source id>), with its label: empty when it has none.
create function pg_temp.cron_jobs(p_source_id uuid) returns text []
language plpgsql
as $$
declare
  v_jobs text [];
begin
  execute 'select coalesce(array_agg(j.schedule order by j.jobid), ''{}'')
    from cron.job as j where j.jobname = ''ingest-'' || $1::text' into v_jobs using p_source_id;
  return v_jobs;
end;
$$;

create function pg_temp.ingest_jobs() returns text []
language plpgsql
as $$
declare
  v_jobs text [];
begin
  execute 'select coalesce(array_agg(j.jobname order by j.jobname), ''{}'') from cron.job as j
    where j.jobname like ''ingest-%''' into v_jobs;
  return v_jobs;
end;
$$;

create function pg_temp.cron_labels(p_source_id uuid) returns text []
language plpgsql
as $$
declare
  v_jobs text [];
begin
  execute 'select coalesce(array_agg(substring(j.command from ''/\* (.*) \*/'') order by j.jobid), ''{}'')
    from cron.job as j where j.jobname = ''ingest-'' || $1::text' into v_jobs using p_source_id;
  return v_jobs;
end;
$$;

select tests.authenticate_as_service_role();
insert into public.tribunal_sources (id, name, tribunal, base_url, scraper_config, schedule_cron)
values
(md5('t223:src')::uuid, 'T223-SRC', 'Test Tribunal', 'https://t223.test', '{}', '0 2 * * *'),
(md5('t223:off')::uuid, 'T223-OFF', 'Test Tribunal', 'https://t223.test/off', '{}', '0 3 * * *');
update public.tribunal_sources set is_active = false
where id = md5('t223:off')::uuid;

-- The workers ------------------------------------------------------------------------

create temporary table t223_job as
select public.start_ingestion_job(md5('t223:src')::uuid, 'manual') as id;
select results_eq(
  $$select j.status, j.job_type from public.ingestion_jobs as j where j.id = (select id from t223_job)$$,
  $$values ('running', 'manual')$$,
  'a worker starts a manual job: running'
);
select results_eq(
  $$select r.created from public.record_raw_case((select id from t223_job), 'https://t223.test/d/1', 'Roe v. Acme',
      '2025 T223 1', '2025-01-15', 'Test Tribunal', 'Raw text of the quuxalot decision.', null,
      '{"is_race_related": true, "is_anti_black": true, "confidence": 0.9}') as r$$,
  array[true],
  'a scraped decision is recorded: new'
);
select results_eq(
  $$select r.source_name, r.status, r.extracted_title, r.ingestion_job_id = (select id from t223_job)
    from public.tribunal_cases_raw as r where r.source_url = 'https://t223.test/d/1'$$,
  $$values ('T223-SRC', 'classified', 'Roe v. Acme', true)$$,
  'as a raw case of its source, classified, linked to the job'
);
select results_eq(
  $$select r.created from public.record_raw_case((select id from t223_job), ' https://t223.test/d/1 ',
      'Roe v. Acme Ltd.') as r$$,
  array[false],
  're-scraping the same decision is not a new one'
);
select results_eq(
  $$select count(*)::integer, min(r.extracted_title), min(r.extracted_case_number)
    from public.tribunal_cases_raw as r where r.source_name = 'T223-SRC'$$,
  $$values (1, 'Roe v. Acme Ltd.', '2025 T223 1')$$,
  'one raw case still, its extraction refreshed (what the re-scrape left out is kept)'
);
select lives_ok(
  $$select public.record_raw_case((select id from t223_job), 'https://t223.test/d/2', 'Poe v. Acme', '2025 T223 2')$$,
  'a second decision, without classification'
);
select results_eq(
  $$select j.items_fetched, j.items_classified, j.items_duplicate
    from public.ingestion_jobs as j where j.id = (select id from t223_job)$$,
  $$values (3, 1, 1)$$,
  'the job counts what it fetched, classified, and saw again'
);
select lives_ok(
  $$select public.finish_ingestion_job((select id from t223_job), 'completed')$$,
  'the worker finishes the job'
);
select results_eq(
  $$select j.status, j.completed_at is not null, j.duration_seconds >= 0, s.last_successful_run is not null,
      s.last_error
    from public.ingestion_jobs as j inner join public.tribunal_sources as s on s.id = j.source_id
    where j.id = (select id from t223_job)$$,
  $$values ('completed', true, true, true, null::text)$$,
  'completed: timed, and the source''s last_successful_run is set'
);
select throws_ok(
  $$select public.finish_ingestion_job((select id from t223_job), 'failed', 'late')$$,
  '23505', 'the job is already completed', 'a job finishes once: 23505'
);
select throws_ok(
  $$select public.record_raw_case((select id from t223_job), 'https://t223.test/d/3')$$,
  '22023', 'the job is completed, not running', 'recording into a finished job: 22023'
);

create temporary table t223_job2 as
select public.start_ingestion_job(md5('t223:src')::uuid, 'backfill') as id;
select throws_ok(
  $$select public.finish_ingestion_job((select id from t223_job2), 'failed')$$,
  '22023', 'a failed job needs p_error', 'a failure without its error: 22023'
);
select lives_ok(
  $$select public.finish_ingestion_job((select id from t223_job2), 'failed', 'HTTP 503 from the tribunal')$$,
  'a job fails'
);
select results_eq(
  $$select s.last_error, s.last_successful_run is not null from public.tribunal_sources as s
    where s.id = md5('t223:src')::uuid$$,
  $$values ('HTTP 503 from the tribunal', true)$$,
  'the source''s last_error says why; its last successful run stays'
);

select throws_ok($$select public.start_ingestion_job(md5('t223:off')::uuid, 'manual')$$, '22023',
  'the tribunal source is inactive', 'an inactive source: 22023');
select throws_ok($$select public.start_ingestion_job(md5('t223:none')::uuid, 'manual')$$, 'P0002',
  'tribunal source not found', 'an unknown source: P0002');
select throws_ok($$select public.start_ingestion_job(md5('t223:src')::uuid, 'hourly')$$, '22023',
  'invalid job type ''hourly''', 'an unknown job type: 22023');
select throws_ok($$select public.finish_ingestion_job(md5('t223:none')::uuid, 'completed')$$, 'P0002',
  'ingestion job not found', 'finishing an unknown job: P0002');
select throws_ok($$select public.record_raw_case(md5('t223:none')::uuid, 'https://t223.test/x')$$, 'P0002',
  'ingestion job not found', 'recording into an unknown job: P0002');
select throws_ok($$select public.record_raw_case((select id from t223_job), '  ')$$, '22023',
  'p_source_url is required', 'a decision without its address: 22023');
select throws_ok($$select public.finish_ingestion_job((select id from t223_job2), 'done')$$, '22023',
  'invalid final status ''done''', 'an unknown final status: 22023');

-- The queue the pg_cron job fills ----------------------------------------------------------

select tests.clear_authentication();
create temporary table t223_queued as
select private.queue_scheduled_ingestion(md5('t223:src')::uuid) as id;
grant select on t223_queued to service_role;
select results_eq(
  $$select j.status, j.job_type from public.ingestion_jobs as j where j.id = (select id from t223_queued)$$,
  $$values ('queued', 'scheduled')$$,
  'the source''s cron job queues a scheduled job'
);
select is(private.queue_scheduled_ingestion(md5('t223:src')::uuid), null, 'the queue never piles up: one queued job');
select is(private.queue_scheduled_ingestion(md5('t223:off')::uuid), null, 'an inactive source queues nothing');
select tests.authenticate_as_service_role();
select is(
  public.start_ingestion_job(md5('t223:src')::uuid, 'scheduled'),
  (select id from t223_queued),
  'a worker''s scheduled start claims the queued job'
);
select throws_ok($$select public.start_ingestion_job(md5('t223:src')::uuid, 'scheduled')$$, '23505',
  'a scheduled job is already running for this source', 'one scheduled job at a time: 23505');

-- Only the workers --------------------------------------------------------------------------

select tests.authenticate_as('t223-analyst');
select throws_ok($$select public.start_ingestion_job(md5('t223:src')::uuid, 'manual')$$, '42501', null,
  'a reviewer cannot start a job: 42501');
select throws_ok($$select public.record_raw_case((select id from t223_job), 'https://t223.test/d/9')$$, '42501', null,
  'a reviewer cannot record a raw case: 42501');
select throws_ok($$select public.finish_ingestion_job((select id from t223_job), 'completed')$$, '42501', null,
  'a reviewer cannot finish a job: 42501');
select tests.authenticate_as_anon();
select throws_ok($$select public.start_ingestion_job(md5('t223:src')::uuid, 'manual')$$, '42501', null,
  'anon cannot start a job: 42501');

-- Review and promotion keep working; the new case waits for its embedding ----------------------

select tests.authenticate_as('t223-analyst');
select lives_ok(
  $$select public.review_raw_case(
      (select r.id from public.tribunal_cases_raw as r where r.source_url = 'https://t223.test/d/1'), 'approved')$$,
  'a reviewer approves the recorded decision'
);
select lives_ok(
  $$select public.promote_raw_case(
      (select r.id from public.tribunal_cases_raw as r where r.source_url = 'https://t223.test/d/1'))$$,
  'and promotes it'
);
select tests.authenticate_as('t223-learner');
select results_eq(
  $$select s.case_number from public.search_tribunal_cases('quuxalot', 'en') as s$$,
  array['2025 T223 1'],
  'the promoted case is found by full-text search at once'
);
select tests.clear_authentication();
select results_eq(
  $$select c.embedding is null from public.tribunal_cases as c where c.case_number = '2025 T223 1'$$,
  array[true],
  'its embedding is computed later (abr-db embed): null meanwhile, and search handles it'
);
select tests.authenticate_as_service_role();
select results_eq(
  $$select r.created from public.record_raw_case(
      public.start_ingestion_job(md5('t223:src')::uuid, 'manual'), 'https://t223.test/d/1', 'Changed title') as r$$,
  array[false],
  're-scraping a promoted decision does not duplicate it'
);
select results_eq(
  $$select r.extracted_title, r.status from public.tribunal_cases_raw as r
    where r.source_url = 'https://t223.test/d/1'$$,
  $$values ('Roe v. Acme Ltd.', 'approved')$$,
  'nor change what was reviewed'
);

-- Schedules -----------------------------------------------------------------------------------

select throws_ok(
  $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config, schedule_cron)
    values ('T223-BAD', 't', 'https://t223.test/bad', '{}', '0 25 * * *')$$,
  '22023', 'invalid cron schedule ''0 25 * * *''', 'an invalid schedule is refused on insert: 22023'
);
select throws_ok(
  $$update public.tribunal_sources set schedule_cron = 'every day' where id = md5('t223:src')::uuid$$,
  '22023', 'invalid cron schedule ''every day''', 'and on update: 22023'
);
select tests.clear_authentication();

select case when to_regclass('cron.job') is null
  then skip('pg_cron is not installed in this database (it runs in cron.database_name only)', 3)
  else collect_tap(
    is(pg_temp.cron_jobs(md5('t223:src')::uuid), array['0 2 * * *'],
      'an active source has its job ingest-<source id> on its schedule'),
    is(pg_temp.cron_jobs(md5('t223:off')::uuid), '{}', 'an inactive one has none'),
    results_eq(
      format($$select j.command from cron.job as j where j.jobname = 'ingest-%s'$$, md5('t223:src')::uuid),
      array[format('select private.queue_scheduled_ingestion(%L::uuid) /* T223-SRC */', md5('t223:src')::uuid)],
      'the job queues a scheduled ingestion job for its source, labelled with its name'
    )
  )
end;

select tests.authenticate_as_service_role();
update public.tribunal_sources set schedule_cron = '30 5 * * 1'
where id = md5('t223:src')::uuid;
update public.tribunal_sources set name = 'T223-NEW'
where id = md5('t223:src')::uuid;
update public.tribunal_sources set is_active = true
where id = md5('t223:off')::uuid;
select tests.clear_authentication();
select case when to_regclass('cron.job') is null
  then skip('pg_cron is not installed in this database', 1)
  else is(
    pg_temp.cron_jobs(md5('t223:src')::uuid) || pg_temp.cron_labels(md5('t223:src')::uuid)
    || pg_temp.cron_jobs(md5('t223:off')::uuid),
    array['30 5 * * 1', 'T223-NEW', '0 3 * * *'],
    'rescheduled, relabelled by its new name (one job still) and a reactivated source scheduled, in the same '
    'transaction'
  )
end;

select tests.authenticate_as_service_role();
update public.tribunal_sources set is_active = false
where id = md5('t223:src')::uuid;
delete from public.tribunal_sources
where id = md5('t223:off')::uuid;
select tests.clear_authentication();
select case when to_regclass('cron.job') is null
  then skip('pg_cron is not installed in this database', 1)
  else is(pg_temp.cron_jobs(md5('t223:src')::uuid) || pg_temp.cron_jobs(md5('t223:off')::uuid), '{}',
    'deactivating and deleting sources unschedule their jobs')
end;

update public.tribunal_sources set is_active = true
where id = md5('t223:src')::uuid;
\ir ../migrations/024_ingestion_schedules.rollback.sql
select case when to_regclass('cron.job') is null
  then skip('pg_cron is not installed in this database', 1)
  else is(pg_temp.ingest_jobs(), '{}',
    'the migration''s rollback (rollback --to 0 runs it) leaves no ingest-* job')
end;
select ok(
  to_regprocedure('private.queue_scheduled_ingestion(uuid)') is null,
  'and no function of 024 (this file''s transaction rolls it all back)'
);

select * from finish();
rollback;
