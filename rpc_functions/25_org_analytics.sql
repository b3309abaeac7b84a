/*
  Organization analytics: staff read their organization's row of
  public.org_analytics; super_admin reads every row.

  The materialized view has no RLS and is revoked from anon and
  authenticated (009_analytics): this RPC is the only way clients reach it.
  A security invoker wrapper over a security definer reader that filters by
  the caller's organization.
*/

-- One read of the caller's profile (role and live organization) rather than
-- four helper calls: this RPC's cost is mostly who the caller is (issue 7).
create or replace function private.my_org_analytics() returns setof public.org_analytics
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  caller_role text;
  caller_org uuid;
begin
  select p.role, o.id into caller_role, caller_org
  from public.profiles as p
  left join public.organizations as o on p.organization_id = o.id and o.deleted_at is null
  where p.id = (select auth.uid()) and p.deleted_at is null;

  if caller_role = 'super_admin' then
    return query select a.* from public.org_analytics as a order by a.name;
  elsif caller_role in ('org_admin', 'compliance_officer', 'analyst') and caller_org is not null then
    return query
    select a.* from public.org_analytics as a
    where a.organization_id = caller_org;
  else
    raise exception using errcode = '42501', message = 'only organization staff may read organization analytics',
      hint = 'Staff are org admins, compliance officers and analysts of the organization.';
  end if;
end;
$$;

create or replace function public.my_org_analytics() returns setof public.org_analytics
language sql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.my_org_analytics()
$$;

comment on function public.my_org_analytics() is
'Staff (org admin, compliance officer, analyst): their organization''s learning figures; super admin: every '
  'organization''s. Refreshed nightly. Errors: 42501 for anyone else.';

revoke all on function private.my_org_analytics() from public, anon, authenticated;
revoke all on function public.my_org_analytics() from public, anon, authenticated;
grant execute on function private.my_org_analytics() to authenticated;
grant execute on function public.my_org_analytics() to authenticated;
