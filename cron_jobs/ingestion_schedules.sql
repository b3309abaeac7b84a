/*
  ingest-<source name>: one pg_cron job per active tribunal source, on its
  schedule_cron, queuing a scheduled ingestion job (migrations/024). The
  triggers on tribunal_sources keep them in step; this file schedules the
  sources written before pg_cron existed in this database (the cron jobs are
  applied after the migrations) and drops ingest-* jobs of no active source.
*/
select private.sync_ingestion_schedules();
