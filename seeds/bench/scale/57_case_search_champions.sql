/*
  step: case search champion lists (each common word's best 1,000 cases)
  phase: cases

  The seed writes with its triggers off (session_replication_role = replica),
  so the statement triggers that keep the lists true on every write did not
  run: the lists are built once, from the cases now loaded, as the nightly
  job builds them (rpc_functions/09_case_search_champions.sql), after the
  cases and their vectors.
*/

select private.rebuild_case_search_champions();
