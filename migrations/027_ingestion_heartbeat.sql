/*
  027_ingestion_heartbeat: when a running ingestion job last showed signs of life.

  A worker that dies leaves its job `running` for ever: nothing finishes it, and
  the source's next scheduled start is refused (23505: one scheduled job per
  source at a time), so the source silently stops being ingested.
  last_activity_at is stamped when the job starts and at every record_raw_case
  (rpc_functions/42_ingestion.sql); the hourly fail-stale-ingestion-jobs job
  (cron_jobs/fail_stale_ingestion_jobs.sql) fails a running job silent for 6
  hours, which sets the source's last_error and frees its schedule.
*/

alter table public.ingestion_jobs add column last_activity_at timestamptz;

update public.ingestion_jobs set last_activity_at = coalesce(completed_at, started_at);

alter table public.ingestion_jobs
alter column last_activity_at set default now(),
alter column last_activity_at set not null;

comment on column public.ingestion_jobs.last_activity_at is
'When the job last showed signs of life: its start, then each raw case its worker recorded. A running job silent '
'for 6 hours is failed by the fail-stale-ingestion-jobs cron job.';

-- What the hourly job looks for: running jobs, by their last sign of life.
create index idx_jobs_running_activity on public.ingestion_jobs (last_activity_at)
where status = 'running';
