/*
  expire-trials: trials past their end without a payment end and the
  organization drops to the free tier; daily at 06:20 UTC
  (rpc_functions/54_billing_jobs.sql).
*/
select cron.schedule(
  'expire-trials',
  '20 6 * * *',
  $$select private.expire_trials()$$
);
