/*
  invoices: an organization's Stripe invoices with Canadian taxes. Stripe is
  the source of truth: only service_role (the Stripe webhooks and billing
  cron) writes this table. org_admin and compliance_officer of an organization
  read that organization's rows; nobody else reads them from a client, and
  anon has nothing.

  Interpretation: ACCESS.md gives super_admin no billing rights, so none here:
  platform-wide billing is read server-side (service_role) or at Stripe. No
  client ever inserts, updates or deletes.
*/
alter table public.invoices enable row level security;

-- Grants: start from nothing, give back what the policies need.
revoke all on public.invoices from anon, authenticated;
revoke truncate, trigger, references on public.invoices from public, service_role;
grant select on public.invoices to authenticated;
grant select, insert, update, delete on public.invoices to service_role;

drop policy if exists "org admins and compliance officers read own org" on public.invoices;
create policy "org admins and compliance officers read own org" on public.invoices
for select to authenticated
using (
  organization_id = (select private.current_org_id())
  and ((select private.is_org_admin()) or (select private.is_compliance_officer()))
);
