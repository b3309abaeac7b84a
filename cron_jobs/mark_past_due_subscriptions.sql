/*
  mark-past-due-subscriptions: an active subscription whose period ended a day
  ago without a payment becomes past_due, then unpaid 14 days after the
  period's end; daily at 06:10 UTC (rpc_functions/54_billing_jobs.sql).
*/
select cron.schedule(
  'mark-past-due-subscriptions',
  '10 6 * * *',
  $$select private.mark_past_due_subscriptions()$$
);
