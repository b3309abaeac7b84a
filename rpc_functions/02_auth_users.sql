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
