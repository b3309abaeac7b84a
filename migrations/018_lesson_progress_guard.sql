/*
  018_lesson_progress_guard: learners' progress outlives an author's edits.

  Deleting a lesson deletes its learners' lesson progress (progress'
  composite key cascades). Authors may delete lessons of their own
  unpublished courses (rls_policies/lessons.sql), but a course can be
  unpublished after learners took it: a lesson with anyone's progress may
  then be deleted by a super_admin only. Like the guards of 011, the trigger
  acts on API callers only (a cascade from a super_admin's course deletion
  runs as the table owner); whether progress exists is read past RLS by a
  SECURITY DEFINER helper, since the author cannot see learners' rows.
*/

create function private.lesson_has_progress(p_lesson_id uuid) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select from public.progress as pr where pr.lesson_id = p_lesson_id)
$$;

comment on function private.lesson_has_progress(uuid) is
'True when any learner has progress on the lesson (read past RLS, for guard_lesson_delete).';

revoke all on function private.lesson_has_progress(uuid) from public;
grant execute on function private.lesson_has_progress(uuid) to authenticated;

create function private.guard_lesson_delete() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Nested, not one AND: the helpers are evaluated (and their EXECUTE
  -- checked) only for the API roles they are granted to.
  if current_user in ('authenticated', 'anon') then
    if not (select private.is_super_admin()) and private.lesson_has_progress(old.id) then
      raise exception using
        errcode = '42501',
        message = 'a lesson with learners'' progress cannot be deleted',
        hint = 'Edit or unpublish it instead, or ask a super_admin.';
    end if;
  end if;
  return old;
end;
$$;

comment on function private.guard_lesson_delete() is
'BEFORE DELETE trigger on lessons: only a super_admin deletes a lesson that has learners'' progress.';

revoke all on function private.guard_lesson_delete() from public;

create trigger guard_lesson_delete before delete on public.lessons
for each row execute function private.guard_lesson_delete();
