/*
  teams: members read the teams of their organization; its org_admin
  creates, updates and deletes them; super_admin all. Anon: nothing.

  An org_admin's team lead must be a member of their organization (or
  none): a lead from another organization would link the two tenants.
  Performance (issue 7, docs/BENCHMARKS.md): the read policy's arms are each
  served by an index (idx_teams_org); super_admin reads all through the
  primary key's range (private.super_admin_floor()), not a bare-boolean
  `or is_super_admin()` arm, which no index serves (a request without its own
  filter scanned the table).
*/
alter table public.teams enable row level security;

revoke all on public.teams from anon, authenticated;
revoke truncate, trigger, references on public.teams from public, service_role;
grant select, delete on public.teams to authenticated;
grant insert (organization_id, name, description, team_lead_id, seat_allocation, settings)
on public.teams to authenticated;
grant update (name, description, team_lead_id, seat_allocation, settings, updated_at) on public.teams to authenticated;
grant select, insert, update, delete on public.teams to service_role;

drop policy if exists "members read own org teams" on public.teams;
create policy "members read own org teams" on public.teams
for select to authenticated
using (
  organization_id = (select private.current_org_id())
  or id between (select private.super_admin_floor()) and 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
);

drop policy if exists "org admins create own org teams" on public.teams;
create policy "org admins create own org teams" on public.teams
for insert to authenticated
with check (
  (
    (select private.is_org_admin())
    and organization_id = (select private.current_org_id())
    and (team_lead_id is null or team_lead_id in (select private.org_member_ids()))
  )
  or (select private.is_super_admin())
);

drop policy if exists "org admins update own org teams" on public.teams;
create policy "org admins update own org teams" on public.teams
for update to authenticated
using (
  ((select private.is_org_admin()) and organization_id = (select private.current_org_id()))
  or (select private.is_super_admin())
)
with check (
  (
    (select private.is_org_admin())
    and organization_id = (select private.current_org_id())
    and (team_lead_id is null or team_lead_id in (select private.org_member_ids()))
  )
  or (select private.is_super_admin())
);

drop policy if exists "org admins delete own org teams" on public.teams;
create policy "org admins delete own org teams" on public.teams
for delete to authenticated
using (
  ((select private.is_org_admin()) and organization_id = (select private.current_org_id()))
  or (select private.is_super_admin())
);
