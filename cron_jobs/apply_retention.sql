/*
  apply-retention: applies private.retention_policies (048_retention_policies)
  to notifications, coaching sessions, raw ingestion payloads and inactive
  accounts; daily at 04:45 UTC, after purge-audit-logs
  (rpc_functions/74_retention.sql).
*/
select cron.schedule(
  'apply-retention',
  '45 4 * * *',
  $$select private.apply_retention()$$
);
