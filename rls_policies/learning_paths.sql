/*
  learning_paths: curated sequences of courses. Anon reads the metadata of
  published paths; users read published paths, authors also their own
  drafts, super_admin all; an educator creates paths as themselves and
  updates or deletes the ones they created, a super_admin any. viewer and
  guest never write.

  Interpretation: a path holds no content of its own (its courses' lessons
  are tier-gated by get_lesson), so every signed-in user reads published
  paths whatever their tier; anon reads every column but created_by.
  Slugs (028): unique among published paths, and a draft's among its
  author's own drafts: another author's hidden draft reserves none, so a
  23505 never reveals a path the caller cannot read.
*/
alter table public.learning_paths enable row level security;

revoke all on public.learning_paths from anon, authenticated;
revoke truncate, trigger, references on public.learning_paths from public, service_role;
grant select (
  id, title_en, title_fr, description_en, description_fr, slug, course_ids, estimated_duration_hours,
  category, level, is_published, tier_required, created_at, updated_at
) on public.learning_paths to anon;
grant select, delete on public.learning_paths to authenticated;
grant insert (
  title_en, title_fr, description_en, description_fr, slug, course_ids, estimated_duration_hours,
  category, level, is_published, tier_required, created_by
) on public.learning_paths to authenticated;
grant update (
  title_en, title_fr, description_en, description_fr, slug, course_ids, estimated_duration_hours,
  category, level, is_published, tier_required, created_by, updated_at
) on public.learning_paths to authenticated;
grant select, insert, update, delete on public.learning_paths to service_role;

drop policy if exists "anon reads published paths" on public.learning_paths;
create policy "anon reads published paths" on public.learning_paths
for select to anon
using (is_published);

drop policy if exists "users read published, authors read own, super admins read all" on public.learning_paths;
create policy "users read published, authors read own, super admins read all" on public.learning_paths
for select to authenticated
using (
  is_published
  or ((select private.is_educator()) and created_by = (select private.current_user_id()))
  or (select private.is_super_admin())
);

drop policy if exists "authors create paths as themselves" on public.learning_paths;
create policy "authors create paths as themselves" on public.learning_paths
for insert to authenticated
with check (
  ((select private.is_educator()) and created_by = (select private.current_user_id()))
  or (select private.is_super_admin())
);

drop policy if exists "authors update own paths" on public.learning_paths;
create policy "authors update own paths" on public.learning_paths
for update to authenticated
using (
  ((select private.is_educator()) and created_by = (select private.current_user_id()))
  or (select private.is_super_admin())
)
with check (
  ((select private.is_educator()) and created_by = (select private.current_user_id()))
  or (select private.is_super_admin())
);

drop policy if exists "authors delete own paths" on public.learning_paths;
create policy "authors delete own paths" on public.learning_paths
for delete to authenticated
using (
  ((select private.is_educator()) and created_by = (select private.current_user_id()))
  or (select private.is_super_admin())
);
