/*
  rebuild-case-search-champions: rebuilds case search's champion lists
  (056_case_search_champions, rpc_functions/09_case_search_champions.sql)
  every night at 03:40 UTC, after the night's ingestion: lists that deleted or
  re-ranked cases left shorter get their full length back, and words that
  became common get a list. Writers of tribunal_cases wait while it runs
  (seconds at 50,000 cases); searches do not. cron.schedule by job name is an
  upsert: re-running this file changes the job in place.
*/
select cron.schedule(
  'rebuild-case-search-champions',
  '40 3 * * *',
  $$select private.rebuild_case_search_champions()$$
);
