/*
  The learning loop's jobs: break-stale-streaks, expire-certificates and
  recompute-leaderboard-ranks are scheduled once each where pg_cron lives
  (re-running a cron_jobs/ file updates the job in place), their functions
  run as the owner with a fixed search_path, and no API role executes them.
  Their effects are tested in 201 (streaks), 203 (expiry) and 204 (ranks).
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(8);

select results_eq(
  $$select count(*)::int from pg_catalog.pg_proc as p
    where p.oid in ('private.break_stale_streaks(timestamptz)'::regprocedure,
      'private.expire_certificates(timestamptz)'::regprocedure, 'private.recompute_leaderboard_ranks()'::regprocedure)
      and p.prosecdef and p.proconfig = array['search_path=pg_catalog, pg_temp']$$,
  array[3],
  'the three job functions are SECURITY DEFINER with search_path pg_catalog, pg_temp'
);
select results_eq(
  $$select count(*)::int
    from unnest(array['anon', 'authenticated', 'service_role']) as r (role_name),
      unnest(array['private.break_stale_streaks(timestamptz)', 'private.expire_certificates(timestamptz)',
        'private.recompute_leaderboard_ranks()']) as f (fn)
    where has_function_privilege(r.role_name, f.fn, 'execute')$$,
  array[0],
  'no API role executes a job function'
);
select throws_ok(
  $$select private.break_stale_streaks(null)$$, '22023', 'at_time must not be null', 'a null clock is refused'
);
select throws_ok(
  $$select private.expire_certificates(null)$$, '22023', 'at_time must not be null', 'a null clock is refused'
);

create function pg_temp.t207_cron_checks() returns setof text
language plpgsql
as $$
declare
  job record;
  found_job jsonb;
begin
  if to_regnamespace('cron') is null then
    return next skip(
      'pg_cron is not installed in this database (only in cron.database_name): schedules not checked', 4
    );
    return;
  end if;
  -- Re-running a cron_jobs/ file: cron.schedule by name updates the job in place.
  perform cron.schedule('break-stale-streaks', '15 5 * * *', 'select private.break_stale_streaks()');
  for job in
    select *
    from (
      values
      ('break-stale-streaks', '15 5 * * *', 'select private.break_stale_streaks()'),
      ('expire-certificates', '20 5 * * *', 'select private.expire_certificates()'),
      ('recompute-leaderboard-ranks', '7 * * * *', 'select private.recompute_leaderboard_ranks()')
    ) as v (jobname, schedule, command)
  loop
    execute
      'select jsonb_agg(jsonb_build_object(''schedule'', j.schedule, ''command'', j.command, ''active'', j.active))
       from cron.job as j where j.jobname = $1'
    into found_job
    using job.jobname;
    return next is(
      found_job,
      jsonb_build_array(jsonb_build_object('schedule', job.schedule, 'command', job.command, 'active', true)),
      format('cron job %s is scheduled once, active, at ''%s'', running %s', job.jobname, job.schedule, job.command)
    );
  end loop;
  return next is(
    (select count(*)::int from cron.job where jobname = 'break-stale-streaks'), 1,
    'scheduling a job again does not duplicate it'
  );
end;
$$;

select * from pg_temp.t207_cron_checks();

select * from finish();
rollback;
