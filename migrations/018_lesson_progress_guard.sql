-- requires: rpc_functions/04_lesson_guards.sql
-- previous-sha256: 0cad7f8d80a952d03927e096fbd945a4f59dd6fc80b4297f6ceaefe34386e8a7
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

create trigger guard_lesson_delete before delete on public.lessons
for each row execute function private.guard_lesson_delete();
