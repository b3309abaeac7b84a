-- pgbench: a random synthetic learner records time on one of the four reading
-- lessons of a random course (starting it first when the client sees it was
-- not started, as an app would), completing it 60% of the time.
\set k random(1, :learners)
\set c random(1, 38)
\set l random(1, 4)
\set secs random(30, 900)
\set done random(0, 9)
begin;
select set_config('role', 'authenticated', true),
  set_config(
    'request.jwt.claims', '{"role": "authenticated", "sub": "' || md5('syn-learner:' || :k)::uuid || '"}', true
  );
do $$
declare
  course uuid := md5('syn-course:' || :c)::uuid;
begin
  if not exists (
    select from public.progress as pr
    where pr.user_id = auth.uid() and pr.course_id = course and pr.lesson_id is null
  ) then
    perform public.start_course(course);
  end if;
  perform public.record_lesson_progress(md5('syn-lesson:' || :c || ':' || :l)::uuid, :secs, :done < 6);
exception when others then
  raise notice 'abr-bench % %', sqlstate, sqlerrm;
end
$$;
commit;
