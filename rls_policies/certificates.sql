/*
  certificates: read-only for clients. A learner reads their own
  certificates; staff(org) read those of their organization's live members;
  super_admin reads all. Certificates are issued (and revoked) by server code
  as service_role; the database numbers them. Anyone, anon included,
  verifies a certificate by its number through public.verify_certificate(),
  which returns the holder's name, the course title, the dates and the
  status, and nothing else. Anon has no grant on the table.

  Performance (issue 7): each arm is one comparison an index serves, so a
  client's `select … order by … limit` without a filter of its own reads the
  caller's rows through an index instead of scanning the table: own rows by
  user_id; staff's by organization_id (migration 021: the holder's organization
  while their profile is live, kept by triggers, so it is exactly "the live
  members of the staff member's live organization"); super_admin through a
  range that covers every user_id (private.super_admin_floor()).
*/
alter table public.certificates enable row level security;

revoke all on public.certificates from anon, authenticated;
revoke truncate, trigger, references on public.certificates from public, service_role;
grant select on public.certificates to authenticated;
grant select, insert, update, delete on public.certificates to service_role;

drop policy if exists "holders read own, staff read org members, super admins read all" on public.certificates;
create policy "holders read own, staff read org members, super admins read all" on public.certificates
for select to authenticated
using (
  user_id = (select private.current_user_id())
  or organization_id = (select private.staff_org_id())
  or user_id between (select private.super_admin_floor()) and 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
);
