/*
  break-stale-streaks: zeroes the streaks of learners with no activity
  yesterday or today (Toronto days), daily at 05:15 UTC: 00:15 (EST) or 01:15
  (EDT) in Toronto, just after the day ended. Idempotent.
*/
select cron.schedule(
  'break-stale-streaks',
  '15 5 * * *',
  $$select private.break_stale_streaks()$$
);
