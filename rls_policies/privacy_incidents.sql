/*
  privacy_incidents: the confidentiality incident register. Compliance
  officers read their organization's entries, super admins all (platform
  entries, organization_id null, only them). Written only through
  record_privacy_incident (rpc_functions/73_incidents.sql); never updated or
  deleted by anyone (047_incident_register's trigger, and no grant).
  service_role reads (server reporting).
*/
alter table public.privacy_incidents enable row level security;

revoke all on public.privacy_incidents from public, anon, authenticated, service_role;
grant select on public.privacy_incidents to authenticated;
grant select on public.privacy_incidents to service_role;

drop policy if exists "compliance officers read own org, super admins all" on public.privacy_incidents;
create policy "compliance officers read own org, super admins all" on public.privacy_incidents
for select to authenticated
using (
  organization_id = (select private.compliance_org_id())
  or id between (select private.super_admin_floor()) and 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
);
