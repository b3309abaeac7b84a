/*
  People helpers: more of "who the caller is", for the policies and RPCs of
  profiles, organizations, teams, the catalog, progress, certificates,
  achievements, badges and onboarding.

  Same rules as 00_access_helpers.sql: STABLE SECURITY DEFINER (they read
  profiles past RLS), search_path = pg_catalog, pg_temp, PL/pgSQL (a cached plan, not a
  re-plan per call), PARALLEL SAFE, in `private`, no row arguments, and
  called wrapped in policies: `(select private.current_user_id())`,
  `user_id in (select private.org_member_ids())`.
*/

create or replace function private.current_user_id() returns uuid
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return (
    select p.id
    from public.profiles as p
    where p.id = (select auth.uid()) and p.deleted_at is null and p.erased_at is null
  );
end;
$$;

comment on function private.current_user_id() is
'auth.uid() when the caller has a live (not soft-deleted, not erased) profile, else null: a soft-deleted or erased '
  'user owns nothing any more.';

create or replace function private.is_read_only() returns boolean
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return coalesce((
    select p.role in ('viewer', 'guest')
    from public.profiles as p
    where p.id = (select auth.uid()) and p.deleted_at is null
  ), true);
end;
$$;

comment on function private.is_read_only() is
'True for viewer and guest (read-only roles of ACCESS.md) and for callers without a live profile.';

create or replace function private.is_educator() returns boolean
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return coalesce((
    select p.role = 'educator'
    from public.profiles as p
    where p.id = (select auth.uid()) and p.deleted_at is null
  ), false);
end;
$$;

comment on function private.is_educator() is
'True when the caller is an educator: an author of the rows they created.';

create or replace function private.org_member_ids() returns setof uuid
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return query
  select p.id
  from public.profiles as p
  where p.organization_id = (select private.current_org_id())
    and p.deleted_at is null;
end;
$$;

comment on function private.org_member_ids() is
'Ids of the live members of the caller''s organization (member(org) of ACCESS.md); empty without an organization.';

revoke all on function
  private.current_user_id(),
  private.is_read_only(),
  private.is_educator(),
  private.org_member_ids()
from public, anon, service_role;
grant execute on function
  private.current_user_id(),
  private.is_read_only(),
  private.is_educator(),
  private.org_member_ids()
to authenticated;
