/*
  recompute-leaderboard-ranks: fills user_achievements' global, organization
  and team ranks (and refreshes levels) every hour at minute 7. Live boards
  come from public.leaderboard(); these stored ranks serve dashboards.
*/
select cron.schedule(
  'recompute-leaderboard-ranks',
  '7 * * * *',
  $$select private.recompute_leaderboard_ranks()$$
);
