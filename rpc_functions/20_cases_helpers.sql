/*
  Access helpers for case law, engagement and billing policies (in the manner
  of 00_access_helpers.sql: STABLE SECURITY DEFINER, search_path = pg_catalog, pg_temp, in
  `private`, no row arguments, called wrapped as `(select private.x())`).
*/

create or replace function private.is_contributor() returns boolean
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select coalesce((select private.current_role_name()) not in ('viewer', 'guest'), false)
$$;

comment on function private.is_contributor() is
'True for a signed-in user with a profile whose role may write (every role but viewer and guest).';

create or replace function private.is_compliance_officer() returns boolean
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select coalesce((select private.current_role_name()) = 'compliance_officer', false)
$$;

comment on function private.is_compliance_officer() is
'True when the caller is a compliance_officer (of private.current_org_id()).';

revoke all on function private.is_contributor(), private.is_compliance_officer() from public, anon, service_role;
grant execute on function private.is_contributor(), private.is_compliance_officer() to authenticated;
