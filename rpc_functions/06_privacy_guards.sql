/*
  Trigger functions of the privacy work, bound by 046_erasure and
  047_incident_register (each has `-- requires: rpc_functions/06_privacy_guards.sql`:
  abr-db runs this file's current text there, in the migration's transaction).

    private.guard_profile_identity()          profiles: a new profile's id is an auth.users id, and an
                                              id never changes (what profiles_id_fkey checked before 046)
    private.on_auth_user_deleted()            auth.users: a deleted auth user's profile is anonymized
                                              (rpc_functions/71_erasure.sql), never cascaded away
    private.privacy_incidents_append_only()   privacy_incidents: always 42501 (the register is append-only)
*/

create or replace function private.guard_profile_identity() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op = 'UPDATE' then
    raise exception using errcode = '42501', message = 'a profile''s id never changes';
  end if;
  if not exists (select from auth.users as u where u.id = new.id) then
    raise exception using errcode = '23503', message = 'a profile needs an auth user with the same id',
      hint = 'Profiles are created by the auth.users trigger.';
  end if;
  return new;
end;
$$;

comment on function private.guard_profile_identity() is
'BEFORE INSERT OR UPDATE OF id trigger on profiles: a new profile''s id is an auth.users id (what profiles_id_fkey '
'checked before 046_erasure), and an id never changes.';

revoke all on function private.guard_profile_identity() from public, anon, authenticated, service_role;

create or replace function private.on_auth_user_deleted() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  delete from private.auth_deletions as d where d.user_id = old.id;
  if exists (select from public.profiles as p where p.id = old.id and p.erased_at is null) then
    perform private.anonymize_person(old.id, null, 'auth_user_deleted');
  end if;
  return null;
end;
$$;

comment on function private.on_auth_user_deleted() is
'AFTER DELETE trigger on auth.users: the profile is anonymized in place (private.anonymize_person) unless erased '
'already, never deleted by cascade; the pending auth deletion is cleared.';

revoke all on function private.on_auth_user_deleted() from public, anon, authenticated, service_role;

create or replace function private.privacy_incidents_append_only() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
  raise exception using
    errcode = '42501',
    message = 'the incident register is append-only',
    hint = 'Record a correction as a new entry with record_privacy_incident(..., p_corrects_id).';
end;
$$;

comment on function private.privacy_incidents_append_only() is
'BEFORE UPDATE/DELETE/TRUNCATE trigger on privacy_incidents: always 42501 (the register is append-only).';

revoke all on function private.privacy_incidents_append_only() from public, anon, authenticated, service_role;
