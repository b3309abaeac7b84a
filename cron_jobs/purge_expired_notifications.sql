/*
  purge-expired-notifications: deletes notifications past expires_at, daily
  at 04:30 UTC. Notifications without expires_at are kept.
*/
select cron.schedule(
  'purge-expired-notifications',
  '30 4 * * *',
  $$select private.purge_expired_notifications()$$
);
