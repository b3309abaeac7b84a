-- Undoes 018_lesson_progress_guard.
drop trigger if exists guard_lesson_delete on public.lessons;
drop function if exists private.guard_lesson_delete();
drop function if exists private.lesson_has_progress(uuid);
