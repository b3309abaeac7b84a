/*
  purge-audit-logs: deletes audit_logs rows past retention_until, daily at
  04:00 UTC. The only path that deletes audit rows (see 012_audit): the
  function runs as its owner, which the append-only guard requires.
*/
select cron.schedule(
  'purge-audit-logs',
  '0 4 * * *',
  $$select private.purge_expired_audit_logs()$$
);
