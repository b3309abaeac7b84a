/*
  017_default_privileges: closed by default.

  Supabase grants every new table, sequence and function in `public` to anon
  and authenticated (and functions to PUBLIC) as it is created. abr-db
  grants explicitly instead (each rls_policies/ and rpc_functions/ file
  starts from `revoke all`), so the automatic grants only matter for an
  object someone adds without its policy file: with them, that object would
  be open to every client the moment its migration runs (with RLS disabled,
  every row). Revoked for objects the migration role creates from now on;
  service_role keeps its grants (server side, bypasses RLS anyway).

  Functions keep PostgreSQL's built-in EXECUTE for PUBLIC: a per-schema
  default cannot remove a global one, and removing it globally would also
  strip it from extensions' functions (pgvector's operators, pgTAP). Every
  rpc_functions/ file revokes it, and tests_sql/160 checks that none is left.
*/

alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke all on functions from anon, authenticated;
