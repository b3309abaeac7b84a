/*
  refresh-org-analytics: rebuilds public.org_analytics (009_analytics) every
  night at 03:00 UTC (22:00 or 23:00 in Toronto), after the day's learning.
  cron.schedule by job name is an upsert: re-running this file changes the
  job in place.
*/
select cron.schedule(
  'refresh-org-analytics',
  '0 3 * * *',
  $$select private.refresh_org_analytics()$$
);
