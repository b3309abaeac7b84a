/*
  subscriptions: an organization's Stripe subscription (plan, seats, price,
  status). Stripe is the source of truth: only service_role (the Stripe
  webhooks and billing cron) writes this table. org_admin of an organization
  read that organization's rows; nobody else reads them from a client, and
  anon has nothing.

  Interpretation: ACCESS.md gives super_admin no billing rights, so none here:
  platform-wide billing is read server-side (service_role) or at Stripe. No
  client ever inserts, updates or deletes.
*/
alter table public.subscriptions enable row level security;

-- Grants: start from nothing, give back what the policies need.
revoke all on public.subscriptions from anon, authenticated;
revoke truncate, trigger, references on public.subscriptions from public, service_role;
grant select on public.subscriptions to authenticated;
grant select, insert, update, delete on public.subscriptions to service_role;

drop policy if exists "org admins read own org" on public.subscriptions;
create policy "org admins read own org" on public.subscriptions
for select to authenticated
using (organization_id = (select private.admin_org_id()));
