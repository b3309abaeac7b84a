/*
  The updated_at stamp every table's BEFORE UPDATE trigger calls (001_core and
  the migrations after it bind it).

  Trigger functions live here, once, with their current definition; the
  migrations bind them (create trigger). A migration that binds one has the
  line `-- requires: rpc_functions/01_updated_at.sql`: abr-db runs this file's
  current text there (in the leading comment block: before the body), in the
  migration's transaction, so the function exists before the trigger that
  calls it, on a fresh database too (README, "Functions live in repeatable files").
*/

create or replace function private.set_updated_at() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
  new.updated_at := pg_catalog.now();
  return new;
end;
$$;

comment on function private.set_updated_at() is
'BEFORE UPDATE trigger: stamps updated_at with the transaction time.';

revoke all on function
  private.set_updated_at()
from public, anon, authenticated, service_role;
