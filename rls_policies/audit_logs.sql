/*
  audit_logs: the append-only audit trail. Rows are written only by triggers
  and security definer functions (migrations/012_audit.sql,
  020_security_fixes.sql); server code appends an event through
  public.record_audit_event() (service_role only, rpc_functions/26_audit_events.sql),
  which stamps the time and takes the actor from the JWT: no API role, not
  even service_role, inserts directly (a direct insert could forge user_id
  and timestamp). Stripe identifiers, payment-method details and amounts are
  stored as "[redacted]", seat rows without emails. compliance_officer reads
  their own organization's rows; super_admin reads every row. Nobody updates or deletes: not clients, not
  service_role (the retention purge runs as the job owner). anon has nothing.

  Interpretation: org_admin does not read the trail (ACCESS.md names only
  compliance_officer); rows without an organization (platform events) are
  visible to super_admin only.

  Performance (issue 7, docs/BENCHMARKS.md): each arm is one comparison an
  index serves (docs/RLS_CONVENTIONS.md): a compliance officer's rows by
  idx_audit_org_time (private.compliance_org_id(): their live organization
  while their live profile is compliance_officer, else null), a super_admin's
  through the primary key's range (private.super_admin_floor()). The earlier
  `(organization_id = current_org_id() and is_compliance_officer()) or
  is_super_admin()` had bare-boolean arms no index serves: a request without
  its own organization filter scanned the whole trail.
*/
alter table public.audit_logs enable row level security;

-- Grants: start from nothing, give back what the policies need.
revoke all on public.audit_logs from public, anon, authenticated, service_role;
grant select on public.audit_logs to authenticated;
grant select on public.audit_logs to service_role;

drop policy if exists "compliance officers read own org, super admins all" on public.audit_logs;
create policy "compliance officers read own org, super admins all" on public.audit_logs
for select to authenticated
using (
  organization_id = (select private.compliance_org_id())
  or id between (select private.super_admin_floor()) and 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
);
