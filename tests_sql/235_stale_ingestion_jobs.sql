/*
  A dead ingestion worker (rpc_functions/42_ingestion.sql, migrations/027):
  every start and every recorded raw case stamps the job's last_activity_at;
  the hourly fail-stale-ingestion-jobs job fails a running job silent for 6
  hours (error and source last_error say why), which frees the source's next
  scheduled start; a job with a recent sign of life, or already finished, is
  left alone. Only the owner (pg_cron) runs it.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(14);

do $$
begin
  perform tests.create_org('t235-acme');
  perform tests.create_user('t235-learner', 'learner', 't235-acme');
end
$$;

-- A job of the source by its kind (there is one of each).
create function pg_temp.job(p_kind text) returns uuid language sql as $$
  select j.id from public.ingestion_jobs as j
  where j.source_id = tests.id('t235:src') and j.job_type = p_kind
  order by j.created_at, j.id limit 1
$$;

select tests.authenticate_as_service_role();
insert into public.tribunal_sources (id, name, tribunal, base_url, scraper_config, schedule_cron)
values (tests.id('t235:src'), tests.name('T235-SRC'), 'Test Tribunal', 'https://t235.test', '{}', '0 2 * * *');

-- Three jobs of the source: a scheduled one whose worker died, a manual one whose worker
-- recorded a case an hour ago, a manual one finished long ago.
select public.start_ingestion_job(tests.id('t235:src'), 'scheduled');
select public.start_ingestion_job(tests.id('t235:src'), 'manual');
select public.start_ingestion_job(tests.id('t235:src'), 'backfill');

select is(
  (select array_agg(j.last_activity_at = now()) from public.ingestion_jobs as j
    where j.source_id = tests.id('t235:src')),
  array[true, true, true],
  'starting a job stamps its last sign of life'
);
select public.finish_ingestion_job(pg_temp.job('backfill'), 'completed', null);

select tests.clear_authentication();
update public.ingestion_jobs set started_at = now() - interval '9 hours', last_activity_at = now() - interval '7 hours'
where id = pg_temp.job('scheduled');
update public.ingestion_jobs set started_at = now() - interval '9 hours', last_activity_at = now() - interval '8 hours'
where id in (pg_temp.job('manual'), pg_temp.job('backfill'));

select tests.authenticate_as_service_role();
select public.record_raw_case(pg_temp.job('manual'), 'https://t235.test/d/1', 'Doe v. T235');
select results_eq(
  $$select j.last_activity_at = now() from public.ingestion_jobs as j where j.id = pg_temp.job('manual')$$,
  array[true],
  'recording a raw case stamps the job''s last sign of life'
);
select throws_ok(
  $$select public.start_ingestion_job(tests.id('t235:src'), 'scheduled')$$,
  '23505', 'a scheduled job is already running for this source',
  'while the dead worker''s job runs, the source''s next scheduled start is refused'
);

-- Who may run it ----------------------------------------------------------------------

select throws_ok(
  $$select private.fail_stale_ingestion_jobs()$$, '42501', null, 'service_role cannot run the stale-job sweep'
);
select tests.authenticate_as('t235-learner');
select throws_ok(
  $$select private.fail_stale_ingestion_jobs()$$, '42501', null, 'a signed-in user cannot run the stale-job sweep'
);
select tests.clear_authentication();

select throws_ok(
  $$select private.fail_stale_ingestion_jobs(null)$$, '22023', 'p_silence must be at least a minute',
  'no silence is 22023'
);
select throws_ok(
  $$select private.fail_stale_ingestion_jobs(interval '30 seconds')$$, '22023', 'p_silence must be at least a minute',
  'a silence under a minute is 22023'
);

-- The sweep ---------------------------------------------------------------------------

select cmp_ok(private.fail_stale_ingestion_jobs(), '>=', 1, 'the sweep reports the jobs it failed');
select results_eq(
  $$select j.status, j.error_message like 'the worker stopped reporting: no activity since %', j.completed_at = now()
    from public.ingestion_jobs as j where j.id = pg_temp.job('scheduled')$$,
  $$values ('failed', true, true)$$,
  'the job silent for 7 hours is failed, its error saying why'
);
select results_eq(
  $$select s.last_error = j.error_message, s.last_successful_run = now()
    from public.tribunal_sources as s, public.ingestion_jobs as j
    where s.id = tests.id('t235:src') and j.id = pg_temp.job('scheduled')$$,
  $$values (true, true)$$,
  'its source''s last_error is the job''s error; its last successful run (the backfill) is kept'
);
select results_eq(
  $$select j.status from public.ingestion_jobs as j where j.id = pg_temp.job('manual')$$,
  array['running'],
  'a job that recorded a case within the silence keeps running'
);
select results_eq(
  $$select j.status, j.error_message from public.ingestion_jobs as j where j.id = pg_temp.job('backfill')$$,
  $$values ('completed', null::text)$$,
  'a finished job is left as it was'
);

select tests.authenticate_as_service_role();
select lives_ok(
  $$select public.start_ingestion_job(tests.id('t235:src'), 'scheduled')$$,
  'the source''s next scheduled start goes ahead'
);
select tests.clear_authentication();

select case when to_regclass('cron.job') is null
  then skip('pg_cron is not installed in this database (it runs in cron.database_name only)', 1)
  else results_eq(
    $$select j.schedule, j.command, j.active from cron.job as j where j.jobname = 'fail-stale-ingestion-jobs'$$,
    $$values ('40 * * * *', 'select private.fail_stale_ingestion_jobs()', true)$$,
    'the sweep is scheduled once, hourly at :40'
  )
end;

select * from finish();
rollback;
