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

  Trigger functions defined here (triggers bind them now; migrations run
  before the repeatable folders): private.guard_profile_identity(),
  private.on_auth_user_deleted(), and the replaced
  private.audit_logs_append_only() and private.guard_certificate_as_issued().
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

create function private.guard_profile_identity() returns trigger
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

create trigger profile_has_identity
before insert or update of id on public.profiles
for each row execute function private.guard_profile_identity();

create table private.auth_deletions (
  user_id uuid primary key,
  requested_at timestamptz not null default now(),
  request_id uuid
);

comment on table private.auth_deletions is
'auth.users identities of erased persons, for the server to delete through Supabase Auth; a row goes when its '
'auth user does.';

revoke all on private.auth_deletions from public, anon, authenticated, service_role;

create function private.on_auth_user_deleted() returns trigger
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

create trigger on_auth_user_deleted
after delete on auth.users
for each row execute function private.on_auth_user_deleted();

-- 4. The append-only guard's erasure path -----------------------------------------------------------

create or replace function private.audit_logs_append_only() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op = 'UPDATE' then
    -- ON DELETE SET NULL of user_id / organization_id: referential actions run
    -- as the table's owner, and the referenced row is already gone.
    if current_user = (
      select pg_catalog.pg_get_userbyid(c.relowner) from pg_catalog.pg_class as c where c.oid = tg_relid
    )
    and (pg_catalog.to_jsonb(new) - '{user_id,organization_id}'::text [])
    = (pg_catalog.to_jsonb(old) - '{user_id,organization_id}'::text [])
    and (
      new.user_id is not distinct from old.user_id
      or (new.user_id is null and not exists (select 1 from public.profiles as p where p.id = old.user_id))
    )
    and (
      new.organization_id is not distinct from old.organization_id
      or (
        new.organization_id is null
        and not exists (select 1 from public.organizations as o where o.id = old.organization_id)
      )
    ) then
      return new;
    end if;
    -- The erasure scrub, running as its definer: only the columns that can
    -- name a person change, and the row records when it was scrubbed.
    if pg_catalog.current_setting('abr.audit_erasure', true) = 'on'
    and current_user = (
      select pg_catalog.pg_get_userbyid(f.proowner)
      from pg_catalog.pg_proc as f
      where f.oid = pg_catalog.to_regprocedure('private.scrub_person_from_audit(uuid,text[])')
    )
    and new.erased_at is not null
    and (pg_catalog.to_jsonb(new) - '{user_email,ip_address,user_agent,changes,erased_at}'::text [])
    = (pg_catalog.to_jsonb(old) - '{user_email,ip_address,user_agent,changes,erased_at}'::text []) then
      return new;
    end if;
  elsif tg_op = 'DELETE' then
    -- The retention purge, running as its definer.
    if pg_catalog.current_setting('abr.audit_purge', true) = 'on'
    and old.retention_until < pg_catalog.now()
    and current_user = (
      select pg_catalog.pg_get_userbyid(f.proowner)
      from pg_catalog.pg_proc as f
      where f.oid = pg_catalog.to_regprocedure('private.purge_expired_audit_logs()')
    ) then
      return old;
    end if;
  end if;

  raise exception using
    errcode = '42501',
    message = 'audit_logs is append-only',
    hint = 'Audit rows are never updated or deleted; expired rows are removed only by '
    || 'private.purge_expired_audit_logs().';
end;
$$;

comment on function private.audit_logs_append_only() is
'BEFORE UPDATE/DELETE/TRUNCATE trigger on audit_logs: refuses with 42501, except ON DELETE SET NULL of its links, '
'the retention purge, and the erasure scrub (identifying columns only, erased_at stamped). See 012_audit, '
'046_erasure.';

-- 5. Certificates after erasure ----------------------------------------------------------------------

create or replace function private.guard_certificate_as_issued() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
  if new.course_title_en is distinct from old.course_title_en
    or new.course_title_fr is distinct from old.course_title_fr
    or (
      new.holder_name is distinct from old.holder_name
      and not (
        new.holder_name is null
        and pg_catalog.current_setting('abr.erasure', true) = old.user_id::text
        and current_user = (
          select pg_catalog.pg_get_userbyid(f.proowner)
          from pg_catalog.pg_proc as f
          where f.oid = pg_catalog.to_regprocedure('private.anonymize_person(uuid,uuid,text)')
        )
      )
    ) then
    raise exception using
      errcode = '42501',
      message = 'a certificate keeps the holder''s name and the course title as issued',
      hint = 'Revoke it and issue a new certificate to correct them.';
  end if;
  return new;
end;
$$;

comment on function private.guard_certificate_as_issued() is
'BEFORE UPDATE trigger on certificates: holder_name and course titles never change after issue (42501), except '
'the holder''s name cleared by their erasure (046_erasure).';
