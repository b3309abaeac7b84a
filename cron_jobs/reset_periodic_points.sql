/*
  reset-periodic-points: zeroes user_achievements.weekly_points when a
  Toronto week starts and monthly_points when a Toronto month starts.

  pg_cron 1.4 reads schedules in UTC. 05:00 UTC is midnight in Toronto in
  winter (EST) and 01:00 in summer (EDT), on the same date. With both
  day-of-month and day-of-week given, cron runs when EITHER matches: this job
  runs at 05:00 UTC on every Monday and on every 1st, and
  private.reset_periodic_points() resets what that Toronto date calls for
  (weekly on a Monday, monthly on a 1st, both when a 1st is a Monday).
*/
select cron.schedule(
  'reset-periodic-points',
  '0 5 1 * 1',
  $$select private.reset_periodic_points()$$
);
