-- Undoes 046_erasure. Profiles of persons whose auth user is gone stay: the key comes back NOT VALID.
create or replace function private.guard_certificate_as_issued() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
  if new.holder_name is distinct from old.holder_name
    or new.course_title_en is distinct from old.course_title_en
    or new.course_title_fr is distinct from old.course_title_fr then
    raise exception using
      errcode = '42501',
      message = 'a certificate keeps the holder''s name and the course title as issued',
      hint = 'Revoke it and issue a new certificate to correct them.';
  end if;
  return new;
end;
$$;

create or replace function private.audit_logs_append_only() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op = 'UPDATE' then
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
  elsif tg_op = 'DELETE' then
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

drop trigger if exists on_auth_user_deleted on auth.users;
drop function if exists private.on_auth_user_deleted();
drop table if exists private.auth_deletions;
drop trigger if exists profile_has_identity on public.profiles;
drop function if exists private.guard_profile_identity();
alter table public.profiles
add constraint profiles_id_fkey foreign key (id) references auth.users (id) on delete cascade not valid;
alter table public.audit_logs drop column if exists erased_at;
alter table public.profiles drop column if exists erased_at;
