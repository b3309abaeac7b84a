-- Undoes 027_ingestion_heartbeat (the cron job and its function are repeatables:
-- `abr-db rollback` removes them with the repeatables that define them).
drop index if exists public.idx_jobs_running_activity;
alter table public.ingestion_jobs drop column if exists last_activity_at;
