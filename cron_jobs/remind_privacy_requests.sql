/*
  remind-privacy-requests: open privacy requests due within 7 days (or
  overdue) are notified once to the compliance officers of the organization
  (else the super admins); daily at 07:10 UTC
  (rpc_functions/72_privacy_requests.sql).
*/
select cron.schedule(
  'remind-privacy-requests',
  '10 7 * * *',
  $$select private.remind_privacy_requests()$$
);
