/*
  privacy_requests: the person reads their own requests; the compliance
  officers of the request's organization read their organization's; super
  admins read all. Nobody writes directly: request_privacy_action,
  withdraw_privacy_request and close_privacy_request
  (rpc_functions/72_privacy_requests.sql) and erase_user do, and audit each
  step. service_role reads (server reporting).

  Interpretation: org_admin does not read them (ACCESS.md gives privacy
  oversight to compliance officers, as for the audit trail).
*/
alter table public.privacy_requests enable row level security;

revoke all on public.privacy_requests from public, anon, authenticated, service_role;
grant select on public.privacy_requests to authenticated;
grant select on public.privacy_requests to service_role;

drop policy if exists "persons read own, compliance officers own org, super admins all" on public.privacy_requests;
create policy "persons read own, compliance officers own org, super admins all" on public.privacy_requests
for select to authenticated
using (
  user_id = (select private.current_user_id())
  or organization_id = (select private.compliance_org_id())
  or user_id between (select private.super_admin_floor()) and 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
);
