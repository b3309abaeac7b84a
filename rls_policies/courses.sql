/*
  courses: the catalog. Anon reads the metadata of published, non-deleted
  courses; every signed-in user reads published courses (whatever their
  tier: the tier gates lesson content, served by public.get_lesson); authors
  write: an educator creates courses as themselves and updates the courses
  they created, a super_admin any (and reads soft-deleted and unpublished
  ones). Only a super_admin hard-deletes a course: a hard delete cascades to
  its lessons and to every learner's progress in it, unaudited.
  viewer and guest never write.

  Interpretation: "published catalog metadata" for anon is every column but
  created_by (a person), certificate_template_id, featured_case_ids (tribunal
  cases are not for anon) and deleted_at. An educator also reads their own
  unpublished drafts. The update policy lets an educator set deleted_at on
  their course, but the update is refused (42501, new row violates the
  select policy: soft-deleted rows are visible only to super_admin) whenever
  it filters, as PostgREST always does: an educator archives (unpublishes
  and soft-deletes) their course with public.archive_course().
  Slugs (028_points_audit_slugs_privileges): a published live course's slug
  is unique among published live courses, a draft's among its author's own
  live drafts. Another author's hidden draft or a soft-deleted course
  reserves nothing, so a 23505 never reveals a row the caller cannot read;
  a slug taken by what the caller sees (a published course, their own draft)
  is refused with 23505 naming it, on insert and on publishing (two drafts of
  different authors may share a slug until the first is published).
*/
alter table public.courses enable row level security;

revoke all on public.courses from anon, authenticated;
revoke truncate, trigger, references on public.courses from public, service_role;
grant select (
  id, title_en, title_fr, description_en, description_fr, slug, category, level, tags, keywords,
  duration_minutes, estimated_hours, lesson_count, order_index, thumbnail_url, video_intro_url,
  is_published, tier_required, prerequisite_course_ids, points_value, learning_objectives, competencies,
  created_at, updated_at, published_at
) on public.courses to anon;
grant select, delete on public.courses to authenticated;
grant insert (
  title_en, title_fr, description_en, description_fr, slug, category, level, tags, keywords,
  duration_minutes, estimated_hours, order_index, thumbnail_url, video_intro_url,
  is_published, tier_required, prerequisite_course_ids, points_value, certificate_template_id,
  learning_objectives, competencies, featured_case_ids, created_by, published_at
) on public.courses to authenticated;
grant update (
  title_en, title_fr, description_en, description_fr, slug, category, level, tags, keywords,
  duration_minutes, estimated_hours, order_index, thumbnail_url, video_intro_url,
  is_published, tier_required, prerequisite_course_ids, points_value, certificate_template_id,
  learning_objectives, competencies, featured_case_ids, created_by, updated_at, published_at, deleted_at
) on public.courses to authenticated;
grant select, insert, update, delete on public.courses to service_role;

drop policy if exists "anon reads published catalog" on public.courses;
create policy "anon reads published catalog" on public.courses
for select to anon
using (is_published and deleted_at is null);

drop policy if exists "users read published, authors read own, super admins read all" on public.courses;
create policy "users read published, authors read own, super admins read all" on public.courses
for select to authenticated
using (
  (is_published and deleted_at is null)
  or ((select private.is_educator()) and created_by = (select private.current_user_id()) and deleted_at is null)
  or (select private.is_super_admin())
);

drop policy if exists "authors create courses as themselves" on public.courses;
create policy "authors create courses as themselves" on public.courses
for insert to authenticated
with check (
  ((select private.is_educator()) and created_by = (select private.current_user_id()))
  or (select private.is_super_admin())
);

drop policy if exists "authors update own courses" on public.courses;
create policy "authors update own courses" on public.courses
for update to authenticated
using (
  ((select private.is_educator()) and created_by = (select private.current_user_id()) and deleted_at is null)
  or (select private.is_super_admin())
)
with check (
  ((select private.is_educator()) and created_by = (select private.current_user_id()))
  or (select private.is_super_admin())
);

drop policy if exists "authors delete own courses" on public.courses;
drop policy if exists "super admins delete courses" on public.courses;
create policy "super admins delete courses" on public.courses
for delete to authenticated
using ((select private.is_super_admin()));
