/*
  expire-certificates: marks certificates past their expiry_date expired and
  notifies each holder once, daily at 05:20 UTC (after Toronto's midnight).
*/
select cron.schedule(
  'expire-certificates',
  '20 5 * * *',
  $$select private.expire_certificates()$$
);
