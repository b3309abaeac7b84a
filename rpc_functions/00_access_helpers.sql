/*
  Access helpers: who the caller is, for policies and functions.

  The caller is auth.uid() (the JWT's `sub`); their role and organization
  come from their non-deleted row in public.profiles, never from the JWT's
  user_metadata, which users can edit. Each helper is STABLE SECURITY DEFINER
  (it reads profiles past RLS) with search_path = pg_catalog, pg_temp, in
  `private`, which PostgREST does not expose. Policies call them wrapped,
  `(select private.current_role_name())`, so each runs once per statement,
  not once per row; they take no row arguments for that reason.

  Speed (issue 7, docs/BENCHMARKS.md): the helpers are PL/pgSQL, not SQL. A
  SQL function with SECURITY DEFINER or SET cannot be inlined and is parsed
  and planned again on every call (~55 us each here); a PL/pgSQL function
  keeps its plan for the session (~15 us). Each reads profiles directly
  rather than through another helper (one lookup, not two). They are
  PARALLEL SAFE: they only read, and the JWT claims they depend on are copied
  to parallel workers, so a query under RLS can get the parallel plan the
  service role gets.
*/

create or replace function private.current_role_name() returns text
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return (
    select p.role
    from public.profiles as p
    where p.id = (select auth.uid()) and p.deleted_at is null
  );
end;
$$;

comment on function private.current_role_name() is
'The caller''s profiles.role, or null for anon, unknown or soft-deleted users.';

create or replace function private.current_org_id() returns uuid
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return (
    select p.organization_id
    from public.profiles as p
    inner join public.organizations as o on p.organization_id = o.id
    where p.id = (select auth.uid()) and p.deleted_at is null and o.deleted_at is null
  );
end;
$$;

comment on function private.current_org_id() is
'The caller''s organization, or null: also null when it is soft-deleted, so its members lose every org-scoped right '
  'with it.';

create or replace function private.current_team_id() returns uuid
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return (
    select p.team_id
    from public.profiles as p
    where p.id = (select auth.uid()) and p.deleted_at is null
  );
end;
$$;

comment on function private.current_team_id() is
'The caller''s team, or null.';

create or replace function private.is_super_admin() returns boolean
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return coalesce((
    select p.role = 'super_admin'
    from public.profiles as p
    where p.id = (select auth.uid()) and p.deleted_at is null
  ), false);
end;
$$;

comment on function private.is_super_admin() is
'True when the caller is a super_admin.';

create or replace function private.is_org_admin() returns boolean
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return coalesce((
    select p.role = 'org_admin'
    from public.profiles as p
    where p.id = (select auth.uid()) and p.deleted_at is null
  ), false);
end;
$$;

comment on function private.is_org_admin() is
'True when the caller is an org_admin (of private.current_org_id()).';

create or replace function private.is_org_staff() returns boolean
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return coalesce((
    select p.role in ('org_admin', 'compliance_officer', 'analyst')
    from public.profiles as p
    where p.id = (select auth.uid()) and p.deleted_at is null
  ), false);
end;
$$;

comment on function private.is_org_staff() is
'staff(org) of ACCESS.md: org_admin, compliance_officer or analyst (of private.current_org_id()).';

create or replace function private.is_reviewer() returns boolean
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return coalesce((
    select p.role in ('analyst', 'investigator', 'compliance_officer', 'super_admin')
    from public.profiles as p
    where p.id = (select auth.uid()) and p.deleted_at is null
  ), false);
end;
$$;

comment on function private.is_reviewer() is
'reviewers of ACCESS.md: analyst, investigator, compliance_officer (any org) and super_admin.';

create or replace function private.is_author() returns boolean
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return coalesce((
    select p.role in ('educator', 'super_admin')
    from public.profiles as p
    where p.id = (select auth.uid()) and p.deleted_at is null
  ), false);
end;
$$;

comment on function private.is_author() is
'authors of ACCESS.md: educator (rows they created) and super_admin.';

create or replace function private.tier_rank(tier text) returns integer
language sql
immutable
parallel safe
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
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return (
    select coalesce(private.tier_rank(p.subscription_tier), 0)
    from public.profiles as p
    where p.id = (select auth.uid()) and p.deleted_at is null
  );
end;
$$;

comment on function private.current_tier_rank() is
'The caller''s tier as a rank (private.tier_rank), or null when not signed in.';

-- Helpers shaped for indexes (issue 7) ------------------------------------------------
--
-- A policy `own OR (staff AND user_id IN org_member_ids()) OR super_admin` is
-- OR-shaped: no index serves it, so a request that does not repeat its scope as
-- a filter scans the whole table. The helpers below return the scope itself, so
-- that each arm of a policy is one indexable comparison with a column:
--   user_id = any ((select private.readable_user_ids()))
--   organization_id = (select private.admin_org_id())
--   user_id between (select private.super_admin_floor()) and <the largest uuid>
-- and PostgreSQL combines the arms' index scans (BitmapOr). Who may read what is
-- unchanged: each returns null (matching nothing) where the old condition was false.

create or replace function private.readable_user_ids() returns uuid []
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  me public.profiles;
  org uuid;
begin
  select * into me from public.profiles as p where p.id = (select auth.uid()) and p.deleted_at is null;
  if not found then
    return null;
  end if;
  if me.role in ('org_admin', 'compliance_officer', 'analyst') then
    select o.id into org from public.organizations as o where o.id = me.organization_id and o.deleted_at is null;
    if org is not null then
      return pg_catalog.array_append(array(
        select p.id from public.profiles as p
        where p.organization_id = org and p.deleted_at is null and p.id <> me.id
      ), me.id);
    end if;
  end if;
  return array[me.id];
end;
$$;

comment on function private.readable_user_ids() is
'The people whose learning rows (progress, certificates, achievements) the caller reads: themselves, plus the '
'live members of their organization when they are staff(org) of a live organization. Null without a live '
'profile. Super admins read all through private.super_admin_floor().';

create or replace function private.admin_org_id() returns uuid
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return (
    select p.organization_id
    from public.profiles as p
    inner join public.organizations as o on p.organization_id = o.id
    where p.id = (select auth.uid()) and p.deleted_at is null and o.deleted_at is null and p.role = 'org_admin'
  );
end;
$$;

comment on function private.admin_org_id() is
'The organization the caller administers: private.current_org_id() when they are its org_admin, else null.';

create or replace function private.staff_org_id() returns uuid
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return (
    select p.organization_id
    from public.profiles as p
    inner join public.organizations as o on p.organization_id = o.id
    where p.id = (select auth.uid()) and p.deleted_at is null and o.deleted_at is null
      and p.role in ('org_admin', 'compliance_officer', 'analyst')
  );
end;
$$;

comment on function private.staff_org_id() is
'The organization the caller is staff of (org_admin, compliance_officer, analyst): private.current_org_id() for '
'staff, else null.';

create or replace function private.compliance_org_id() returns uuid
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return (
    select p.organization_id
    from public.profiles as p
    inner join public.organizations as o on p.organization_id = o.id
    where p.id = (select auth.uid()) and p.deleted_at is null and o.deleted_at is null
      and p.role = 'compliance_officer'
  );
end;
$$;

comment on function private.compliance_org_id() is
'The organization the caller is compliance_officer of: private.current_org_id() when their role is '
'compliance_officer, else null (who reads the organization''s audit trail).';

/*
  super_admin as an indexable condition: `id between (select
  private.super_admin_floor()) and 'ffffffff-ffff-ffff-ffff-ffffffffffff'` is
  true of every row for a super_admin (the floor is the smallest uuid) and of
  none for anyone else (null), and unlike `or (select
  private.is_super_admin())` an index can serve it, so the other arms of the
  policy keep theirs. (The planner estimates a range with an unknown bound at
  0.5% of the rows, so it does not mistake it for a scan of everything.)
*/
create or replace function private.super_admin_floor() returns uuid
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return (
    select '00000000-0000-0000-0000-000000000000'::uuid
    from public.profiles as p
    where p.id = (select auth.uid()) and p.deleted_at is null and p.role = 'super_admin'
  );
end;
$$;

comment on function private.super_admin_floor() is
'The smallest uuid for a super_admin, null for anyone else: `col between floor and the largest uuid` is an '
'indexable "super_admin reads all".';

revoke all on function
  private.readable_user_ids(),
  private.admin_org_id(),
  private.staff_org_id(),
  private.compliance_org_id(),
  private.super_admin_floor()
from public, anon, service_role;
grant execute on function
  private.readable_user_ids(),
  private.admin_org_id(),
  private.staff_org_id(),
  private.compliance_org_id(),
  private.super_admin_floor()
to authenticated;

-- Policies run as the caller: signed-in users need the schema and these
-- functions, and nothing else in `private`. No anon policy calls a helper
-- (anon RPCs reach them through their SECURITY DEFINER implementation, as
-- the owner), so anon gets none; the revoke also takes back an earlier grant.

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
  private.is_reviewer()
to authenticated;
-- private.is_org_staff() is called only by SECURITY DEFINER code (revoke_certificate) since
-- learning_path_enrollments' policy reads private.readable_user_ids() (issue 7): no grant.
