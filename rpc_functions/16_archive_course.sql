/*
  archive_course: an author takes a course down for good (soft delete).

  The courses update policy cannot express it: an UPDATE that filters must
  leave a row its caller can still select, and soft-deleted rows are visible
  only to super_admin (rls_policies/courses.sql). So the author's soft
  delete is this RPC: it unpublishes the course and stamps deleted_at, and
  learners keep their progress and certificates (a hard delete, which would
  erase them, is a super_admin's).
*/

create or replace function private.archive_course(p_course_id uuid) returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  c public.courses;
begin
  if p_course_id is null then
    raise exception using errcode = '22023', message = 'p_course_id is required', hint = 'Pass a course id.';
  end if;
  if not (select private.is_author()) then
    raise exception using
      errcode = '42501',
      message = 'only an author may archive a course',
      hint = 'Authors are educators (their own courses) and super admins.';
  end if;

  select * into c from public.courses as co where co.id = p_course_id for update;
  if not found or c.deleted_at is not null then
    raise exception using errcode = 'P0002', message = 'course not found';
  end if;
  if not (select private.is_super_admin()) and c.created_by is distinct from (select private.current_user_id()) then
    raise exception using
      errcode = '42501',
      message = 'an educator archives only the courses they created',
      hint = 'Ask the course''s author or a super admin.';
  end if;

  update public.courses as co
  set is_published = false, deleted_at = pg_catalog.now()
  where co.id = p_course_id;
end;
$$;

create or replace function public.archive_course(p_course_id uuid) returns void
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.archive_course(p_course_id)
$$;

comment on function public.archive_course(uuid) is
'Authors: archive (unpublish and soft-delete) a course they created; super admins: any. Learners keep their progress '
  'and certificates. Errors: 22023 no id, 42501 not its author, P0002 not found or already archived.';

revoke all on function private.archive_course(uuid) from public, anon, authenticated;
revoke all on function public.archive_course(uuid) from public, anon, authenticated;
grant execute on function private.archive_course(uuid) to authenticated;
grant execute on function public.archive_course(uuid) to authenticated;
