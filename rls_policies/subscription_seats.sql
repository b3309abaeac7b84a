/*
  subscription_seats: the seats of an organization's subscription. A
  signed-in user reads the seat assigned to them; org_admin reads every seat
  of their own organization. Seats are assigned and revoked only through
  assign_seat() / revoke_seat() (rpc_functions/22_seats.sql, security
  definer), which never go past subscriptions.seat_count and keep
  subscriptions.seats_used and profiles.seat_id in step; service_role (Stripe
  webhooks) creates and removes seat rows.

  Interpretation: no direct client write at all, org_admin included: a
  direct UPDATE could not keep seats_used and profiles.seat_id in step.
  super_admin gets no billing rights (ACCESS.md lists none).
*/
alter table public.subscription_seats enable row level security;

-- Grants: start from nothing, give back what the policies need.
revoke all on public.subscription_seats from anon, authenticated;
revoke truncate, trigger, references on public.subscription_seats from public, service_role;
grant select on public.subscription_seats to authenticated;
grant select, insert, update, delete on public.subscription_seats to service_role;

drop policy if exists "users read own seat, org admins read org seats" on public.subscription_seats;
create policy "users read own seat, org admins read org seats" on public.subscription_seats
for select to authenticated
using (
  assigned_to_user_id = (select private.current_user_id())
  or organization_id = (select private.admin_org_id())
);
