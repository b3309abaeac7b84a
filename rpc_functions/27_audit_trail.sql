/*
  org_audit_trail: an organization's audit trail, newest first, a page at a
  time: what a compliance officer's screen lists.

  Why an RPC when audit_logs is readable directly: the table's policy is an
  OR (the compliance officer's organization, or every row for super_admin),
  and PostgreSQL answers an OR with a bitmap of all the organization's rows
  followed by a sort: about 1 ms for 2,000 rows at N = 1, growing with the
  organization (docs/BENCHMARKS.md). Sending `.eq('organization_id', …)` does
  not help: the planner multiplies that filter's selectivity with the policy's
  and expects a handful of rows. Here the scope is one equality on a value
  known before the query, so idx_audit_org_time is read in order and the page
  stops after p_limit rows, whatever the organization's size.

  Who: a compliance_officer reads their organization (p_organization_id null
  or theirs); a super_admin names any organization (p_organization_id
  required: platform events without an organization are read from the table).
  Anyone else: 42501. An organization the caller may not read is P0002, the
  same as one that does not exist. Keyset pagination: pass the last row's
  "timestamp" and id as p_before / p_before_id for the next page (stable while
  rows are added). p_limit 1-200. The rows are the table's, as `select *`
  returns them (Stripe details already redacted at write).
*/

create or replace function private.org_audit_trail(
  p_limit integer,
  p_before timestamptz,
  p_before_id uuid,
  p_organization_id uuid
) returns setof public.audit_logs
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_org uuid;
begin
  if p_limit is null or p_limit not between 1 and 200 then
    raise exception using errcode = '22023', message = 'p_limit must be between 1 and 200',
      hint = 'Ask for a page of 1 to 200 rows; pass the last row''s timestamp and id for the next page.';
  end if;
  if (p_before is null) <> (p_before_id is null) then
    raise exception using errcode = '22023', message = 'p_before and p_before_id go together',
      hint = 'Pass both the "timestamp" and the id of the last row of the previous page, or neither.';
  end if;

  v_org := private.compliance_org_id();
  if v_org is not null then
    if p_organization_id is not null and p_organization_id <> v_org then
      raise exception using errcode = 'P0002', message = 'organization not found',
        hint = 'A compliance officer reads the audit trail of their own organization.';
    end if;
  elsif private.is_super_admin() then
    if p_organization_id is null then
      raise exception using errcode = '22023', message = 'p_organization_id is required',
        hint = 'Name the organization whose audit trail to read.';
    end if;
    v_org := p_organization_id;
  else
    raise exception using errcode = '42501', message = 'only compliance officers read the audit trail',
      hint = 'The audit trail is read by your organization''s compliance officer.';
  end if;

  return query
  select a.*
  from public.audit_logs as a
  where a.organization_id = v_org
    and (p_before is null or (a."timestamp", a.id) < (p_before, p_before_id))
  order by a."timestamp" desc, a.id desc
  limit p_limit;
end;
$$;

create or replace function public.org_audit_trail(
  p_limit integer default 50,
  p_before timestamptz default null,
  p_before_id uuid default null,
  p_organization_id uuid default null
) returns setof public.audit_logs
language plpgsql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
  return query select * from private.org_audit_trail(p_limit, p_before, p_before_id, p_organization_id);
end;
$$;

comment on function public.org_audit_trail(integer, timestamptz, uuid, uuid) is
'Your organization''s audit trail, newest first, p_limit (1-200) rows after the keyset (p_before, p_before_id: the '
'last row''s timestamp and id). Compliance officers (own organization); super admins name p_organization_id. '
'Errors: 22023 bad page or missing organization, 42501 not a compliance officer, P0002 organization not readable.';

comment on function private.org_audit_trail(integer, timestamptz, uuid, uuid) is
'Internal: public.org_audit_trail (rpc_functions/27_audit_trail.sql).';

revoke all on function
private.org_audit_trail(integer, timestamptz, uuid, uuid),
public.org_audit_trail(integer, timestamptz, uuid, uuid)
from public, anon, authenticated, service_role;

grant execute on function
private.org_audit_trail(integer, timestamptz, uuid, uuid),
public.org_audit_trail(integer, timestamptz, uuid, uuid)
to authenticated;
