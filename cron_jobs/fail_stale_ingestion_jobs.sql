/*
  fail-stale-ingestion-jobs: hourly at :40, fails the running ingestion jobs
  whose worker has been silent for 6 hours (rpc_functions/42_ingestion.sql),
  so a dead worker neither leaves a job running for ever nor blocks its
  source's next scheduled run.
*/
select cron.schedule(
  'fail-stale-ingestion-jobs',
  '40 * * * *',
  $$select private.fail_stale_ingestion_jobs()$$
);
