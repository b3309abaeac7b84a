-- requires: rpc_functions/06_privacy_guards.sql
/*
  046_erasure: erasure that keeps the organization's evidence honest
  (Quebec Law 25 s.23 and s.28, PIPEDA principle 4.5.3).

  A person is anonymized in place, never deleted by cascade
  (rpc_functions/71_erasure.sql, private.anonymize_person): their profile
  stays as an anonymous row, so their organization's certificates, progress
  aggregates and analytics keep their counts, while everything that names
  them is scrubbed. This migration gives that path the schema it needs:

  1. profiles.erased_at: when the person was anonymized (null: never).
  2. profiles no longer cascade from auth.users. profiles_id_fkey (ON DELETE
     CASCADE) took the profile, and with it certificates, progress, points
     and coaching history, whenever a Supabase user was deleted. Now:
       - trigger profile_has_identity (BEFORE INSERT OR UPDATE OF id on
         profiles) keeps what the key guaranteed at insert: a new profile's id
         is an auth.users id, and an id never changes;
       - trigger on_auth_user_deleted (AFTER DELETE on auth.users)
         anonymizes a profile that was not erased yet (a user deleted from
         the Supabase dashboard is erased, not cascaded away) and clears the
         pending deletion of one that was.
  3. private.auth_deletions: the auth.users identities erase_user handed to
     the server, which deletes each through Supabase Auth (its admin API
     removes sessions, identities and factors too); the row goes when the
     auth user does.
  4. audit_logs.erased_at, and a third path through the append-only guard:
     the erasure scrub (private.scrub_person_from_audit, running as its
     definer with abr.audit_erasure = on) may replace user_email,
     ip_address, user_agent and changes, and must stamp erased_at: each
     scrubbed row records that it was scrubbed and when, and the erasure's
     own audit event counts them without repeating any old value. Every other
     column, and every other writer, is refused as before.
  5. certificates keep the holder's name as issued, except through erasure
     (abr.erasure = the holder's id, running as private.anonymize_person's
     owner): the name becomes null, the course titles and dates stay.

  Functions live in repeatable files: the triggers bound here call
  private.guard_profile_identity() and private.on_auth_user_deleted()
  (rpc_functions/06_privacy_guards.sql, required below); the guards changed
  for erasure are private.audit_logs_append_only()
  (rpc_functions/06_audit_triggers.sql) and
  private.guard_certificate_as_issued() (rpc_functions/05_certificate_guards.sql).
*/

-- 1. erased_at ------------------------------------------------------------------------------------

alter table public.profiles add column erased_at timestamptz;
comment on column public.profiles.erased_at is
'When the person was anonymized by erase_user (or by the deletion of their auth user); null otherwise.';

alter table public.audit_logs add column erased_at timestamptz;
comment on column public.audit_logs.erased_at is
'When an erasure scrubbed this row (name, email, address and user agent of the erased person replaced); null '
'otherwise.';

-- 2. profiles outlive their auth user -------------------------------------------------------------

alter table public.profiles drop constraint profiles_id_fkey;

create trigger profile_has_identity
before insert or update of id on public.profiles
for each row execute function private.guard_profile_identity();

-- 3. The auth identities handed to the server -----------------------------------------------------

create table private.auth_deletions (
  user_id uuid primary key,
  requested_at timestamptz not null default now(),
  request_id uuid
);

comment on table private.auth_deletions is
'auth.users identities of erased persons, for the server to delete through Supabase Auth; a row goes when its '
'auth user does.';

revoke all on private.auth_deletions from public, anon, authenticated, service_role;

create trigger on_auth_user_deleted
after delete on auth.users
for each row execute function private.on_auth_user_deleted();

-- 4. The append-only guard's erasure path: private.audit_logs_append_only (rpc_functions/06_audit_triggers.sql)
-- now also lets private.scrub_person_from_audit rewrite the identifying columns and requires erased_at.

-- 5. Certificates after erasure: private.guard_certificate_as_issued (rpc_functions/05_certificate_guards.sql)
-- lets private.anonymize_person clear the holder's name, nothing else.
