/*
  notify-saved-search-results: daily at 12:00 UTC (07:00 or 08:00 in Toronto),
  one notification per saved search with notify_on_new_results that has new
  matching cases since its last run, never twice for the same case
  (rpc_functions/41_saved_searches.sql).
*/
select cron.schedule(
  'notify-saved-search-results',
  '0 12 * * *',
  $$select private.notify_saved_search_results()$$
);
