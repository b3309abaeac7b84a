/*
  060_lookup_indexes: two lookups that read a whole table, served by an index
  (docs/BENCHMARKS.md, "How cost grows with data").

  - invite_member and reissue_invitation (rpc_functions/51_invitations.sql)
    find an address's live profile by `pg_catalog.lower(p.email)`: profiles'
    email is unique as written, not lower-cased, so that lookup read every
    profile (a parallel sequential scan: 106 ms at 300,000 people, linear in
    people). A partial index on the lower-cased address of live profiles
    serves both (2.2 ms for invite_member, same data). Not unique: the table
    does not forbid two addresses that differ by case.
  - export_my_data (rpc_functions/70_privacy_export.sql, "audit events about
    you") reads the audit rows whose resource_id is the caller, of any
    resource_type. idx_audit_resource leads with resource_type, so that read
    scanned the whole index (5,800 pages at 600,000 audit rows, linear in the
    audit trail). An index on resource_id alone serves it (14.0 ms to 1.6 ms,
    same data).
*/

create index idx_profiles_email_lower on public.profiles (pg_catalog.lower(email)) where deleted_at is null;

create index idx_audit_resource_id on public.audit_logs (resource_id);
