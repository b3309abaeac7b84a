/*
  resources: downloadable templates, guides and toolkits. Anon reads the
  metadata of published resources; users read published ones (authors also
  their own drafts, super_admin all), without file_url: the file is served
  by public.get_resource_file(), only when the caller's tier reaches
  tier_required (a read; public.record_resource_download() counts the download).
  An educator creates resources as themselves and updates or deletes the ones
  they created, a super_admin any. download_count is kept by
  record_resource_download only. viewer and guest never write.

  Interpretation: anon reads every column but file_url and created_by.
*/
alter table public.resources enable row level security;

revoke all on public.resources from anon, authenticated;
revoke truncate, trigger, references on public.resources from public, service_role;
grant select (
  id, title_en, title_fr, description_en, description_fr, category, tags, file_type, file_size_bytes,
  is_published, tier_required, download_count, created_at, updated_at
) on public.resources to anon;
grant select (
  id, title_en, title_fr, description_en, description_fr, category, tags, file_type, file_size_bytes,
  is_published, tier_required, download_count, created_by, created_at, updated_at
) on public.resources to authenticated;
grant insert (
  title_en, title_fr, description_en, description_fr, category, tags, file_url, file_type,
  file_size_bytes, is_published, tier_required, created_by
) on public.resources to authenticated;
grant update (
  title_en, title_fr, description_en, description_fr, category, tags, file_url, file_type,
  file_size_bytes, is_published, tier_required, created_by, updated_at
) on public.resources to authenticated;
grant delete on public.resources to authenticated;
grant select, insert, update, delete on public.resources to service_role;

drop policy if exists "anon reads published resources" on public.resources;
create policy "anon reads published resources" on public.resources
for select to anon
using (is_published);

drop policy if exists "users read published, authors read own, super admins read all" on public.resources;
create policy "users read published, authors read own, super admins read all" on public.resources
for select to authenticated
using (
  is_published
  or ((select private.is_educator()) and created_by = (select private.current_user_id()))
  or (select private.is_super_admin())
);

drop policy if exists "authors create resources as themselves" on public.resources;
create policy "authors create resources as themselves" on public.resources
for insert to authenticated
with check (
  ((select private.is_educator()) and created_by = (select private.current_user_id()))
  or (select private.is_super_admin())
);

drop policy if exists "authors update own resources" on public.resources;
create policy "authors update own resources" on public.resources
for update to authenticated
using (
  ((select private.is_educator()) and created_by = (select private.current_user_id()))
  or (select private.is_super_admin())
)
with check (
  ((select private.is_educator()) and created_by = (select private.current_user_id()))
  or (select private.is_super_admin())
);

drop policy if exists "authors delete own resources" on public.resources;
create policy "authors delete own resources" on public.resources
for delete to authenticated
using (
  ((select private.is_educator()) and created_by = (select private.current_user_id()))
  or (select private.is_super_admin())
);
