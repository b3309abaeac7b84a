/*
  Saved searches' filters checked on write (the trigger bound by
  028_points_audit_slugs_privileges): the rules are
  private.saved_search_filters_checked in rpc_functions/41_saved_searches.sql,
  the ones run_saved_search and the alert job read the filters with.
*/

-- Thin: the rules are private.saved_search_filters_checked (rpc_functions/41_saved_searches.sql),
-- the ones run_saved_search and the alert job read the filters with.
create or replace function private.check_saved_search_filters() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform private.saved_search_filters_checked(new.filters);
  return new;
end;
$$;

comment on function private.check_saved_search_filters() is
'BEFORE trigger on saved_searches: refuses filters a search cannot run with (22023 naming the key).';

revoke all on function private.check_saved_search_filters() from public;
