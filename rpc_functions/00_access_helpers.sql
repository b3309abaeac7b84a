/*
  Access helpers: who the caller is, for policies and functions.

  The caller is auth.uid() (the JWT's `sub`); their role and organization
  come from their non-deleted row in public.profiles, never from the JWT's
  user_metadata, which users can edit. Each helper is STABLE SECURITY DEFINER
  (it reads profiles past RLS) with search_path = pg_catalog, pg_temp, in
  `private`, which PostgREST does not expose. Policies call them wrapped,
  `(select private.current_role_name())`, so each runs once per statement,
  not once per row; they take no row arguments for that reason.
*/

create or replace function private.current_role_name() returns text
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select p.role
  from public.profiles as p
  where p.id = (select auth.uid()) and p.deleted_at is null
$$;

comment on function private.current_role_name() is
'The caller''s profiles.role, or null for anon, unknown or soft-deleted users.';

create or replace function private.current_org_id() returns uuid
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select p.organization_id
  from public.profiles as p
  inner join public.organizations as o on p.organization_id = o.id
  where p.id = (select auth.uid()) and p.deleted_at is null and o.deleted_at is null
$$;

comment on function private.current_org_id() is
'The caller''s organization, or null: also null when it is soft-deleted, so its members lose every org-scoped right '
  'with it.';

create or replace function private.current_team_id() returns uuid
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select p.team_id
  from public.profiles as p
  where p.id = (select auth.uid()) and p.deleted_at is null
$$;

comment on function private.current_team_id() is
'The caller''s team, or null.';

create or replace function private.is_super_admin() returns boolean
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select coalesce((select private.current_role_name()) = 'super_admin', false)
$$;

comment on function private.is_super_admin() is
'True when the caller is a super_admin.';

create or replace function private.is_org_admin() returns boolean
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select coalesce((select private.current_role_name()) = 'org_admin', false)
$$;

comment on function private.is_org_admin() is
'True when the caller is an org_admin (of private.current_org_id()).';

create or replace function private.is_org_staff() returns boolean
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select coalesce((select private.current_role_name()) in ('org_admin', 'compliance_officer', 'analyst'), false)
$$;

comment on function private.is_org_staff() is
'staff(org) of ACCESS.md: org_admin, compliance_officer or analyst (of private.current_org_id()).';

create or replace function private.is_reviewer() returns boolean
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select coalesce(
    (select private.current_role_name()) in ('analyst', 'investigator', 'compliance_officer', 'super_admin'),
    false
  )
$$;

comment on function private.is_reviewer() is
'reviewers of ACCESS.md: analyst, investigator, compliance_officer (any org) and super_admin.';

create or replace function private.is_author() returns boolean
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select coalesce((select private.current_role_name()) in ('educator', 'super_admin'), false)
$$;

comment on function private.is_author() is
'authors of ACCESS.md: educator (rows they created) and super_admin.';

create or replace function private.tier_rank(tier text) returns integer
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select case tier
    when 'free' then 0
    when 'professional' then 1
    when 'enterprise' then 2
    when 'custom' then 3
  end
$$;

comment on function private.tier_rank(text) is
'Orders subscription tiers: free < professional < enterprise < custom.';

create or replace function private.current_tier_rank() returns integer
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select coalesce(private.tier_rank(p.subscription_tier), 0)
  from public.profiles as p
  where p.id = (select auth.uid()) and p.deleted_at is null
$$;

comment on function private.current_tier_rank() is
'The caller''s tier as a rank (private.tier_rank), or null when not signed in.';

-- Grants. Policies run as the caller, and so does a SECURITY INVOKER
-- trigger: a helper is executable by the roles whose policies (or invoker
-- triggers) call it, and by nobody else. The allowlist of every `private`
-- function a client role may execute, with the reason, is in
-- tests_sql/165_private_function_grants.sql (docs/RLS_CONVENTIONS.md says how
-- a function joins it). No anon policy calls a helper; service_role bypasses
-- RLS and the guards return early for it; anon and service_role RPCs reach
-- the helpers through their SECURITY DEFINER implementation, as the owner.
-- The revokes also take back earlier grants on a database applied before.
grant usage on schema private to anon, authenticated, service_role;
revoke all on all functions in schema private from public;
revoke execute on function
  private.current_role_name(),
  private.current_org_id(),
  private.current_team_id(),
  private.is_super_admin(),
  private.is_org_admin(),
  private.is_org_staff(),
  private.is_reviewer(),
  private.is_author(),
  private.tier_rank(text),
  private.current_tier_rank()
from anon, authenticated, service_role;
grant execute on function
  private.current_role_name(),  -- private.guard_profile_update()
  private.current_org_id(),
  private.is_super_admin(),
  private.is_org_admin(),
  private.is_org_staff(),
  private.is_reviewer()
to authenticated;
