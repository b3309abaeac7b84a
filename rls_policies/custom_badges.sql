/*
  custom_badges: members read the active badges of their organization; its
  org_admin also reads the inactive ones and creates (as themselves),
  updates and deletes them; super_admin all. Awarding a badge is server
  code's (user_achievements, service_role). Anon: nothing.

  Interpretation: the table has no deleted_at; is_active = false is its
  "retired" state, visible to the org_admin who may reactivate it.
  Performance (issue 7, docs/BENCHMARKS.md): the read policy's arms are each
  served by an index (idx_custom_badges_organization, migration 026); super_admin reads all through the
  primary key's range (private.super_admin_floor()), not a bare-boolean
  `or is_super_admin()` arm, which no index serves (a request without its own
  filter scanned the table).
*/
alter table public.custom_badges enable row level security;

revoke all on public.custom_badges from anon, authenticated;
revoke truncate, trigger, references on public.custom_badges from public, service_role;
grant select, delete on public.custom_badges to authenticated;
grant insert (
  organization_id, name, description, icon_url, criteria_type, criteria_config, rarity, points_value,
  is_active, created_by
) on public.custom_badges to authenticated;
grant update (
  name, description, icon_url, criteria_type, criteria_config, rarity, points_value, is_active
) on public.custom_badges to authenticated;
grant select, insert, update, delete on public.custom_badges to service_role;

drop policy if exists "members read active org badges, org admins read all org badges" on public.custom_badges;
create policy "members read active org badges, org admins read all org badges" on public.custom_badges
for select to authenticated
using (
  (organization_id = (select private.current_org_id()) and (is_active or (select private.is_org_admin())))
  or id between (select private.super_admin_floor()) and 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
);

drop policy if exists "org admins create own org badges" on public.custom_badges;
create policy "org admins create own org badges" on public.custom_badges
for insert to authenticated
with check (
  (
    (select private.is_org_admin())
    and organization_id = (select private.current_org_id())
    and created_by = (select private.current_user_id())
  )
  or (select private.is_super_admin())
);

drop policy if exists "org admins update own org badges" on public.custom_badges;
create policy "org admins update own org badges" on public.custom_badges
for update to authenticated
using (
  ((select private.is_org_admin()) and organization_id = (select private.current_org_id()))
  or (select private.is_super_admin())
)
with check (
  ((select private.is_org_admin()) and organization_id = (select private.current_org_id()))
  or (select private.is_super_admin())
);

drop policy if exists "org admins delete own org badges" on public.custom_badges;
create policy "org admins delete own org badges" on public.custom_badges
for delete to authenticated
using (
  ((select private.is_org_admin()) and organization_id = (select private.current_org_id()))
  or (select private.is_super_admin())
);
