/*
  lessons: a lesson is visible when its course is (the courses policies,
  applied to the subquery as the caller): anon and users see lessons of
  published courses, authors those of their own courses, super_admin all.
  Only the metadata columns are granted for reading. The content columns
  (content_en, content_fr, video_url, audio_url, attachments) are served by
  public.get_lesson(), only when the caller's tier reaches the course's
  tier_required; quiz_questions (with the correct answers) is never readable
  by clients: get_lesson returns the questions without answers and
  public.submit_quiz() scores them. Authors write lessons of the courses they
  created (content and quiz_questions included: write-only for them too);
  super_admin any. An educator hard-deletes a lesson only while its course
  is not published: a published course's lessons carry learners' progress,
  which a delete would cascade away. super_admin deletes any lesson.
  viewer and guest never write.

  quiz_questions has one shape, checked on every write (22023 naming the
  question; migrations/020_security_fixes.sql documents it), and
  quiz_attempts_per_day is a quiz setting authors write and everyone reads
  (attempts per learner per rolling 24 hours, default 5). A lesson with
  learners' progress does not move to another course (22023).

  Interpretation: authors read their own lesson content through get_lesson
  (which skips the tier check for them), and not the quiz answers, which no
  client reads back.
*/
alter table public.lessons enable row level security;

revoke all on public.lessons from anon, authenticated;
revoke truncate, trigger, references on public.lessons from public, service_role;
grant select (
  id, course_id, title_en, title_fr, lesson_type, order_index, duration_minutes,
  pass_threshold, quiz_attempts_per_day, tribunal_case_id, requires_completion, min_time_seconds, created_at, updated_at
) on public.lessons to anon, authenticated;
grant insert (
  course_id, title_en, title_fr, content_en, content_fr, lesson_type, order_index, duration_minutes,
  video_url, audio_url, attachments, quiz_questions, pass_threshold, quiz_attempts_per_day, tribunal_case_id,
  requires_completion, min_time_seconds
) on public.lessons to authenticated;
grant update (
  course_id, title_en, title_fr, content_en, content_fr, lesson_type, order_index, duration_minutes,
  video_url, audio_url, attachments, quiz_questions, pass_threshold, quiz_attempts_per_day, tribunal_case_id,
  requires_completion, min_time_seconds, updated_at
) on public.lessons to authenticated;
grant delete on public.lessons to authenticated;
grant select, insert, update, delete on public.lessons to service_role;

drop policy if exists "anon reads lessons of published courses" on public.lessons;
create policy "anon reads lessons of published courses" on public.lessons
for select to anon
using (course_id in (select c.id from public.courses as c));

drop policy if exists "users read lessons of visible courses" on public.lessons;
create policy "users read lessons of visible courses" on public.lessons
for select to authenticated
using (course_id in (select c.id from public.courses as c));

drop policy if exists "authors create lessons of own courses" on public.lessons;
create policy "authors create lessons of own courses" on public.lessons
for insert to authenticated
with check (
  (
    (select private.is_educator())
    and course_id in (
      select c.id from public.courses as c
      where c.created_by = (select private.current_user_id()) and c.deleted_at is null
    )
  )
  or (select private.is_super_admin())
);

drop policy if exists "authors update lessons of own courses" on public.lessons;
create policy "authors update lessons of own courses" on public.lessons
for update to authenticated
using (
  (
    (select private.is_educator())
    and course_id in (
      select c.id from public.courses as c
      where c.created_by = (select private.current_user_id()) and c.deleted_at is null
    )
  )
  or (select private.is_super_admin())
)
with check (
  (
    (select private.is_educator())
    and course_id in (
      select c.id from public.courses as c
      where c.created_by = (select private.current_user_id()) and c.deleted_at is null
    )
  )
  or (select private.is_super_admin())
);

drop policy if exists "authors delete lessons of own courses" on public.lessons;
drop policy if exists "authors delete lessons of own unpublished courses" on public.lessons;
create policy "authors delete lessons of own unpublished courses" on public.lessons
for delete to authenticated
using (
  (
    (select private.is_educator())
    and course_id in (
      select c.id from public.courses as c
      where
        c.created_by = (select private.current_user_id())
        and c.deleted_at is null
        and not c.is_published
    )
  )
  or (select private.is_super_admin())
);
