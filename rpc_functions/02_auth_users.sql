/*
  The profile a new auth.users row gets, and its email kept in step (trigger
  on_auth_user_change, bound by 001_core).

  Trigger functions live here, once, with their current definition; the
  migrations bind them (create trigger). A migration that binds one has the
  line `-- requires: rpc_functions/02_auth_users.sql`: abr-db runs this file's
  current text there (in the leading comment block: before the body), in the
  migration's transaction, so the function exists before the trigger that
  calls it, on a fresh database too (README, "Functions live in repeatable files").
*/

create or replace function private.handle_auth_user_change() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if new.email is null then
    return new;
  end if;

  insert into public.profiles as p (id, email, full_name, avatar_url, email_verified)
  values (
    new.id,
    new.email,
    coalesce(new.raw_user_meta_data ->> 'full_name', new.raw_user_meta_data ->> 'name'),
    new.raw_user_meta_data ->> 'avatar_url',
    new.email_confirmed_at is not null
  )
  on conflict (id) do update
    set email = excluded.email,
        email_verified = excluded.email_verified
    where p.email is distinct from excluded.email
       or p.email_verified is distinct from excluded.email_verified;

  return new;
end;
$$;

comment on function private.handle_auth_user_change() is
'AFTER INSERT OR UPDATE trigger on auth.users: creates the profile and keeps its email in step.';

revoke all on function
  private.handle_auth_user_change()
from public, anon, authenticated, service_role;

-- Joining on a confirmed email (trigger bound by 031_invitations_members) --------------------------

create or replace function private.join_invitation_on_confirm() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if new.email is null or new.email_confirmed_at is null then
    return null; -- an unconfirmed address joins nothing
  end if;
  if tg_op = 'UPDATE' and old.email_confirmed_at is not null and old.email is not distinct from new.email then
    return null; -- already confirmed before: nothing new
  end if;
  perform private.join_invitation(i.id, new.id)
  from public.invitations as i
  where i.email = pg_catalog.lower(new.email) and i.status = 'pending' and i.expires_at > pg_catalog.now();
  return null;
end;
$$;

comment on function private.join_invitation_on_confirm() is
'AFTER INSERT OR UPDATE trigger on auth.users: a confirmed email with a pending invitation joins its organization.';

revoke all on function private.join_invitation_on_confirm() from public, anon, authenticated, service_role;
