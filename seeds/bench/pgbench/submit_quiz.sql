-- pgbench: a random synthetic learner answers every question of a random
-- course's quiz (lesson 5: four questions, option indexes; each answer right
-- 80% of the time), starting the course first when it was not started.
-- Expected outcome besides success: 42501 "too many attempts" (at most 5
-- attempts per lesson per 24 hours, once the security fix lands).
\set k random(1, :learners)
\set c random(1, 38)
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
  perform public.submit_quiz(
    md5('syn-lesson:' || :c || ':5')::uuid,
    (
      select jsonb_agg((:c + q + (random() < 0.2)::integer) % 4 order by q)
      from generate_series(1, 4) as q
    )
  );
exception when others then
  raise notice 'abr-bench % %', sqlstate, sqlerrm;
end
$$;
commit;
