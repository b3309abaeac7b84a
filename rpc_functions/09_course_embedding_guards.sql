/*
  Course and lesson embeddings go stale when their text changes: the AFTER
  UPDATE triggers bound by 043_course_embeddings, defined once here; 043 runs
  this file at its place (`-- requires:`), so the functions exist before the
  triggers that call them.
*/

create or replace function private.clear_stale_course_embedding() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  delete from private.course_embeddings as e where e.course_id = new.id;
  return null;
end;
$$;

comment on function private.clear_stale_course_embedding() is
'AFTER UPDATE trigger on courses: an edited title or description deletes the course''s embedding (abr-db embed '
'computes it again). Bound by 043_course_embeddings.';

create or replace function private.clear_stale_lesson_embedding() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  delete from private.lesson_embeddings as e where e.lesson_id = new.id;
  return null;
end;
$$;

comment on function private.clear_stale_lesson_embedding() is
'AFTER UPDATE trigger on lessons: an edited title or content deletes the lesson''s embedding (abr-db embed '
'computes it again). Bound by 043_course_embeddings.';
