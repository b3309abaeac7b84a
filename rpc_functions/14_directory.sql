/*
  The member directory: ACCESS.md lets every member read the basic profile
  of the members of their organization. A row policy cannot hide columns, so
  the basic profile (id, full_name, avatar_url, role, team_id of live
  same-org members) is served here, while the profiles SELECT policy gives
  the full row only to the user, staff(org) and super_admin. A caller
  without an organization gets an empty list.
*/

-- PL/pgSQL rather than SQL (issue 7): a SQL function with SECURITY DEFINER and
-- SET is planned again on every call; PL/pgSQL keeps its plan for the session.
create or replace function private.org_directory()
returns table (id uuid, full_name text, avatar_url text, role text, team_id uuid)
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return query
  select p.id, p.full_name, p.avatar_url, p.role, p.team_id
  from public.profiles as p
  where p.organization_id = (select private.current_org_id())
    and p.deleted_at is null
  order by p.full_name, p.id;
end;
$$;

-- The wrapper is PL/pgSQL too: a SQL set-returning wrapper that cannot be
-- inlined (it has SET) costs more per row than PL/pgSQL's RETURN QUERY.
create or replace function public.org_directory()
returns table (id uuid, full_name text, avatar_url text, role text, team_id uuid)
language plpgsql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
  return query select * from private.org_directory();
end;
$$;

comment on function public.org_directory() is
'The members of your organization: id, full name, avatar, role and team of every live member. Empty when you belong to '
  'no organization.';

revoke all on function private.org_directory(), public.org_directory() from public, anon, authenticated;
grant execute on function private.org_directory(), public.org_directory() to authenticated;
