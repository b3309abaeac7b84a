-- Undoes 024_ingestion_schedules. No ingest-* pg_cron job outlives it.
drop trigger if exists sync_schedule on public.tribunal_sources;
drop trigger if exists check_schedule on public.tribunal_sources;

do $$
begin
  if pg_catalog.to_regclass('cron.job') is not null then
    perform cron.unschedule(j.jobid) from cron.job as j where j.jobname like 'ingest-%';
  end if;
end
$$;

drop function if exists private.queue_scheduled_ingestion(uuid);
drop function if exists private.sync_ingestion_schedules();
drop function if exists private.sync_tribunal_source_schedule();
drop function if exists private.schedule_tribunal_source(uuid, text, text, boolean);
drop function if exists private.ingestion_job_name(text);
drop function if exists private.check_tribunal_source_schedule();
drop function if exists private.is_valid_cron(text);

drop index if exists public.idx_raw_cases_source_url;
drop index if exists public.idx_jobs_one_queued_per_source;

-- Queued jobs did not exist before: they become cancelled.
update public.ingestion_jobs set status = 'cancelled', completed_at = coalesce(completed_at, now())
where status = 'queued';
alter table public.ingestion_jobs drop constraint ingestion_jobs_status_check;
alter table public.ingestion_jobs add constraint ingestion_jobs_status_check
check (status in ('running', 'completed', 'failed', 'cancelled'));
comment on column public.ingestion_jobs.status is null;
