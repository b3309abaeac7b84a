/*
  certificates: read-only for clients. A learner reads their own
  certificates; staff(org) read those of their organization's live members;
  super_admin reads all. Certificates are issued (and revoked) by server code
  as service_role; the database numbers them. Anyone, anon included,
  verifies a certificate by its number through public.verify_certificate(),
  which returns the holder's name, the course title, the dates and the
  status, and nothing else. Anon has no grant on the table.
*/
alter table public.certificates enable row level security;

revoke all on public.certificates from anon, authenticated;
grant select on public.certificates to authenticated;
grant select, insert, update, delete on public.certificates to service_role;

drop policy if exists "holders read own, staff read org members, super admins read all" on public.certificates;
create policy "holders read own, staff read org members, super admins read all" on public.certificates
for select to authenticated
using (
  user_id = (select private.current_user_id())
  or ((select private.is_org_staff()) and user_id in (select private.org_member_ids()))
  or (select private.is_super_admin())
);
