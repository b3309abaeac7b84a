/*
  Accent folding for case search: the generated search columns and the
  queries of 023_case_search call it.

  Trigger functions live here, once, with their current definition; the
  migrations bind them (create trigger). A migration that binds one has the
  line `-- requires: rpc_functions/09_case_search_text.sql`: abr-db runs this file's
  current text there (in the leading comment block: before the body), in the
  migration's transaction, so the function exists before the trigger that
  calls it, on a fresh database too (README, "Functions live in repeatable files").
*/

create or replace function private.fold_accents(p_document tsvector) returns tsvector
language sql
immutable
strict
parallel safe
set search_path = pg_catalog, pg_temp
as $$
  select extensions.unaccent('extensions.unaccent'::regdictionary, p_document::text)::tsvector
$$;

create or replace function private.fold_accents(p_query tsquery) returns tsquery
language sql
immutable
strict
parallel safe
set search_path = pg_catalog, pg_temp
as $$
  select extensions.unaccent('extensions.unaccent'::regdictionary, p_query::text)::tsquery
$$;

comment on function private.fold_accents(tsvector) is
'A tsvector with accents folded from its lexemes (weights and positions kept). Immutable unaccent wrapper.';

comment on function private.fold_accents(tsquery) is
'A tsquery with accents folded from its lexemes. Immutable unaccent wrapper.';

revoke all on function
  private.fold_accents(tsquery),
  private.fold_accents(tsvector)
from public, anon, authenticated, service_role;
grant execute on function private.fold_accents(tsvector) to authenticated, service_role;
