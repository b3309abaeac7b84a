-- requires: rpc_functions/43_ingestion_schedules.sql
-- previous-sha256: 541c1dbd033de43e1c872010287fe652e96f1f7b1fc36f84e8248171956da6d5
/*
  024_ingestion_schedules: the ingestion pipeline's database side.

  - Every active tribunal_sources row has a pg_cron job `ingest-<source name>`
    on its schedule_cron, which queues a `scheduled` ingestion_jobs row
    (status `queued`, new here) for the workers; start_ingestion_job()
    (rpc_functions/42_ingestion.sql) claims it. Triggers keep the jobs in step
    in the same transaction: inserting an active source schedules it,
    changing its schedule or name reschedules, deactivating or deleting it
    unschedules. pg_cron lives in one database per cluster
    (cron.database_name); elsewhere the triggers do nothing about jobs (the
    schedule is still validated), and cron_jobs/ingestion_schedules.sql
    schedules the sources that existed before pg_cron was created.
  - schedule_cron is validated on write: a schedule pg_cron would not take is
    refused with 22023 (a BEFORE trigger, not a CHECK, so the client gets
    the SQLSTATE of an invalid parameter and a hint).
  - Re-scraping a decision never duplicates it: a raw case is unique by
    (source_name, source_url), the decision's address at its source, and
    record_raw_case() updates the existing row instead.
*/

-- ingestion_jobs: queued jobs -------------------------------------------------------

alter table public.ingestion_jobs drop constraint ingestion_jobs_status_check;
alter table public.ingestion_jobs add constraint ingestion_jobs_status_check
check (status in ('queued', 'running', 'completed', 'failed', 'cancelled'));

comment on column public.ingestion_jobs.status is
'queued (by the source''s pg_cron job, for a worker to claim), running, completed, failed or cancelled.';

-- One queued job per source at a time: the queue never piles up while no
-- worker claims it.
create unique index idx_jobs_one_queued_per_source on public.ingestion_jobs (source_id)
where status = 'queued';

-- tribunal_cases_raw: a decision once per source -------------------------------------

create unique index idx_raw_cases_source_url on public.tribunal_cases_raw (source_name, source_url);

-- Cron expressions ---------------------------------------------------------------------

-- Five fields (minute hour day-of-month month day-of-week) of `*`, numbers,
-- ranges, lists and steps, month and day names; or @yearly, @annually,
-- @monthly, @weekly, @daily, @midnight, @hourly. What pg_cron 1.4 takes.

-- tribunal_sources: schedule validated, pg_cron job kept in step ----------------------

-- The job of a source. Owned by the migration's role (pg_cron records the
-- creating role as the job's user): SECURITY DEFINER, so a service_role
-- worker that writes a source schedules it without rights on schema cron.

-- Every active source scheduled, and no ingest-* job without one (for sources
-- written before pg_cron existed in this database). Returns the jobs scheduled.

-- What a source's job runs: queue one scheduled job unless one is open.

create trigger check_schedule before insert or update of schedule_cron on public.tribunal_sources
for each row execute function private.check_tribunal_source_schedule();

create trigger sync_schedule after insert or update or delete on public.tribunal_sources
for each row execute function private.sync_tribunal_source_schedule();

-- Where pg_cron already runs (a re-apply), schedule the existing sources now.
do $$
begin
  perform private.sync_ingestion_schedules();
end
$$;
