/*
  payment_methods: an organization's cards on file (brand, last four digits,
  expiry). Stripe is the source of truth: only service_role (the Stripe
  webhooks and billing cron) writes this table. org_admin of an organization
  read that organization's rows; nobody else reads them from a client, and
  anon has nothing.

  Interpretation: ACCESS.md gives super_admin no billing rights, so none here:
  platform-wide billing is read server-side (service_role) or at Stripe. No
  client ever inserts, updates or deletes.
*/
alter table public.payment_methods enable row level security;

-- Grants: start from nothing, give back what the policies need.
revoke all on public.payment_methods from anon, authenticated;
revoke truncate, trigger, references on public.payment_methods from public, service_role;
grant select on public.payment_methods to authenticated;
grant select, insert, update, delete on public.payment_methods to service_role;

drop policy if exists "org admins read own org" on public.payment_methods;
create policy "org admins read own org" on public.payment_methods
for select to authenticated
using (
  organization_id = (select private.current_org_id())
  and (select private.is_org_admin())
);
