/*
  notify-at-risk-learners: tells each organization's admins how many of its
  members are falling behind (private.notify_at_risk_learners, the count only),
  weekly on Monday at 13:00 UTC: 08:00 (EST) or 09:00 (EDT) in Toronto, the
  start of the work week. Once per organization and Toronto week, so a second
  run in the same week sends nothing.
*/
select cron.schedule(
  'notify-at-risk-learners',
  '0 13 * * 1',
  $$select private.notify_at_risk_learners()$$
);
