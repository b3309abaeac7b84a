/*
  feature_flags: feature flags with targeting and percentage rollout.
  super_admin manages them (read, insert, update, delete). Nobody else reads
  the table: everyone, anon included, evaluates a flag through
  feature_enabled() (rpc_functions/24_feature_flags.sql), so targeting lists
  (organization and user ids) never reach clients. service_role reads and
  writes them for deployment scripts.

  Interpretation: a super_admin's flag records them as created_by (or
  leaves it null); id, created_at and updated_at are the database's.
*/
alter table public.feature_flags enable row level security;

-- Grants: start from nothing, give back what the policies need.
revoke all on public.feature_flags from anon, authenticated;
revoke truncate, trigger, references on public.feature_flags from public, service_role;
grant select, delete on public.feature_flags to authenticated;
grant insert (
  flag_key, name, description, is_enabled, target_type,
  target_tiers, target_org_ids, target_user_ids, rollout_percentage, created_by
) on public.feature_flags to authenticated;
grant update (
  flag_key, name, description, is_enabled, target_type,
  target_tiers, target_org_ids, target_user_ids, rollout_percentage
) on public.feature_flags to authenticated;
grant select, insert, update, delete on public.feature_flags to service_role;

drop policy if exists "super admins read flags" on public.feature_flags;
create policy "super admins read flags" on public.feature_flags
for select to authenticated
using ((select private.is_super_admin()));

drop policy if exists "super admins insert flags" on public.feature_flags;
create policy "super admins insert flags" on public.feature_flags
for insert to authenticated
with check (
  (select private.is_super_admin())
  and (created_by is null or created_by = (select private.current_user_id()))
);

drop policy if exists "super admins update flags" on public.feature_flags;
create policy "super admins update flags" on public.feature_flags
for update to authenticated
using ((select private.is_super_admin()))
with check ((select private.is_super_admin()));

drop policy if exists "super admins delete flags" on public.feature_flags;
create policy "super admins delete flags" on public.feature_flags
for delete to authenticated
using ((select private.is_super_admin()));
