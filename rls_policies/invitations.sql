/*
  invitations: an org admin reads their own organization's invitations, but
  never token_hash (column grants: the token is shown once, by invite_member
  or reissue_invitation, and stored only as its hash). Every write goes
  through the invitation RPCs (rpc_functions/51_invitations.sql), which
  reserve and free seats in step; service_role has the table.

  Interpretation: the invited person does not read the row (they hold the
  token; accept_invitation answers them); super_admin gets no billing or
  membership rights beyond ACCESS.md's.
*/
alter table public.invitations enable row level security;

revoke all on public.invitations from anon, authenticated;
grant select (
  id, organization_id, email, role, team_id, seat_id, status, expires_at, invited_by, accepted_by, accepted_at,
  created_at, updated_at
) on public.invitations to authenticated;
grant select, insert, update, delete on public.invitations to service_role;

drop policy if exists "org admins read own org invitations" on public.invitations;
create policy "org admins read own org invitations" on public.invitations
for select to authenticated
using (organization_id = (select private.admin_org_id()));
