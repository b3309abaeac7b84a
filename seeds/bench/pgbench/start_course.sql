-- pgbench: a random synthetic learner starts a random published course, as
-- PostgREST would run it (role and JWT claims local to the transaction).
-- Expected outcome besides success: 23505 (course already started).
-- pgbench stops a client at its first SQL error, so the call runs in a DO
-- block that turns its error into a NOTICE "abr-bench <sqlstate> <message>",
-- which abr-db counts.
\set k random(1, :learners)
\set c random(1, 38)
begin;
select set_config('role', 'authenticated', true),
  set_config(
    'request.jwt.claims', '{"role": "authenticated", "sub": "' || md5('syn-learner:' || :k)::uuid || '"}', true
  );
do $$
begin
  perform public.start_course(md5('syn-course:' || :c)::uuid);
exception when others then
  raise notice 'abr-bench % %', sqlstate, sqlerrm;
end
$$;
commit;
