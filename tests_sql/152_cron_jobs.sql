/*
  The scheduled jobs (cron_jobs/, rpc_functions/31_scheduled_jobs.sql): each
  job's function does what it says, tested without cron; nobody but the
  owner runs them; and, in the database where pg_cron lives (the `cron`
  schema exists), the four jobs are scheduled as cron_jobs/ says. Elsewhere
  those four checks are skipped.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(24);

-- Arrange (as the superuser): acme with two learners and their achievements.
do $$
begin
  perform tests.create_org('acme');
  perform tests.create_user('bob', 'learner', 'acme');
  perform tests.create_user('gina', 'learner', 'acme');
  insert into public.user_achievements (user_id, total_points, weekly_points, monthly_points)
  values
  (tests.get_user_id('bob'), 500, 40, 120),
  (tests.get_user_id('gina'), 300, 0, 60)
  on conflict (user_id) do update
    set total_points = excluded.total_points,
        weekly_points = excluded.weekly_points,
        monthly_points = excluded.monthly_points;
end
$$;

-- Who may run the jobs -----------------------------------------------------------------

select is(
  (
    select count(*)::integer
    from unnest(array['anon', 'authenticated', 'service_role']) as r (role_name)
    cross join unnest(array[
      'private.refresh_org_analytics()',
      'private.purge_expired_notifications()',
      'private.reset_weekly_points()',
      'private.reset_monthly_points()',
      'private.reset_periodic_points(timestamptz)',
      'private.purge_expired_audit_logs()'
    ]) as f (fn)
    where has_function_privilege(r.role_name, f.fn, 'execute')
  ),
  0,
  'anon, authenticated and service_role cannot execute any job function'
);

select tests.authenticate_as_service_role();
select throws_ok(
  $$select private.reset_periodic_points()$$,
  '42501', null,
  'the service role cannot reset points: raises 42501'
);
select tests.clear_authentication();

select is(
  (
    select count(*)::integer from pg_proc
    where
      oid in (
        'private.refresh_org_analytics()'::regprocedure,
        'private.purge_expired_notifications()'::regprocedure,
        'private.reset_periodic_points(timestamptz)'::regprocedure,
        'private.purge_expired_audit_logs()'::regprocedure
      )
      and prosecdef
      and 'search_path=pg_catalog, pg_temp' = any(proconfig)
  ),
  4,
  'the four job functions are SECURITY DEFINER with search_path = pg_catalog, pg_temp'
);

-- refresh-org-analytics --------------------------------------------------------------

select is(
  (
    select total_users from public.org_analytics
    where organization_id = tests.get_org_id('acme')
  ),
  null,
  'before the refresh, org_analytics does not know acme'
);
select lives_ok(
  $$select private.refresh_org_analytics()$$,
  'the refresh runs (concurrently, the view being populated)'
);
select is(
  (
    select total_users from public.org_analytics
    where organization_id = tests.get_org_id('acme')
  ),
  2::bigint,
  'after the refresh, org_analytics counts acme''s two members'
);
select is(
  (
    select org_total_points from public.org_analytics
    where organization_id = tests.get_org_id('acme')
  ),
  800::bigint,
  'and their points'
);

-- purge-expired-notifications --------------------------------------------------------

do $$
begin
  insert into public.notifications (user_id, type, title, message, expires_at)
  values
  (tests.get_user_id('bob'), 'system', 'Expired', 'Gone', now() - interval '1 minute'),
  (tests.get_user_id('bob'), 'system', 'Long expired', 'Gone', now() - interval '90 days'),
  (tests.get_user_id('bob'), 'system', 'Current', 'Kept', now() + interval '1 day'),
  (tests.get_user_id('gina'), 'system', 'Forever', 'Kept', null);
end
$$;

-- At least: a seeded database has expired notifications of its own.
select cmp_ok(
  private.purge_expired_notifications(),
  '>=',
  2::bigint,
  'the notification purge deletes the expired notifications (bob''s two among them) and says how many'
);
select set_eq(
  $$select title from public.notifications where user_id in (tests.get_user_id('bob'), tests.get_user_id('gina'))$$,
  array['Current', 'Forever'],
  'it keeps notifications not yet expired and those that never expire'
);

-- reset-periodic-points --------------------------------------------------------------

-- The job resets every learner in the database whose points belong to an earlier period and
-- returns how many rows it reset: the expected count is what the database held just before
-- (the seed's learners included). Points already counted for the current Toronto week or
-- month (points_week / points_month, 022_learning_loop) are kept whatever day the job is told.
create temp table points_before (weekly bigint, monthly bigint) on commit drop;
create function pg_temp.remember_points() returns void
language sql
as $$
  delete from pg_temp.points_before;
  insert into pg_temp.points_before (weekly, monthly)
  select
    count(*) filter (
      where weekly_points <> 0 and (points_week is null or points_week < private.toronto_week(now()))
    ),
    count(*) filter (
      where monthly_points <> 0 and (points_month is null or points_month < private.toronto_month(now()))
    )
  from public.user_achievements;
$$;
create function pg_temp.expected_reset(day text, resets_weekly boolean, resets_monthly boolean) returns jsonb
language sql
as $$
  select jsonb_build_object(
    'day', day,
    'weekly_reset', case when resets_weekly then b.weekly else 0 end,
    'monthly_reset', case when resets_monthly then b.monthly else 0 end
  )
  from pg_temp.points_before as b
$$;

select is(
  private.reset_periodic_points('2025-03-04T05:00:00Z'),
  '{"day": "2025-03-04", "weekly_reset": 0, "monthly_reset": 0}'::jsonb,
  'on a Toronto Tuesday that is not the 1st, nothing is reset'
);
select is(
  private.reset_periodic_points('2025-03-03T03:00:00Z'),
  '{"day": "2025-03-02", "weekly_reset": 0, "monthly_reset": 0}'::jsonb,
  'Monday 03:00 UTC is still Sunday in Toronto: nothing is reset'
);
select results_eq(
  $$select weekly_points, monthly_points from public.user_achievements
    where user_id = tests.get_user_id('bob')$$,
  $$values (40, 120)$$,
  'bob keeps his weekly and monthly points'
);
select pg_temp.remember_points();
select is(
  private.reset_periodic_points('2025-03-03T05:00:00Z'),
  pg_temp.expected_reset('2025-03-03', true, false),
  'on a Toronto Monday the weekly points are reset: the count is of the learners who had any'
);
select results_eq(
  $$select weekly_points, monthly_points, total_points from public.user_achievements
    where user_id = tests.get_user_id('bob')$$,
  $$values (0, 120, 500)$$,
  'bob''s weekly points are 0; his monthly and total points are kept'
);

do $$
begin
  update public.user_achievements set weekly_points = 15 where user_id = tests.get_user_id('bob');
end
$$;
select pg_temp.remember_points();
select is(
  private.reset_periodic_points('2025-04-01T05:00:00Z'),
  pg_temp.expected_reset('2025-04-01', false, true),
  'on a Toronto 1st (a Tuesday) the monthly points are reset'
);
select results_eq(
  $$select weekly_points, monthly_points, total_points from public.user_achievements
    where user_id = tests.get_user_id('bob')$$,
  $$values (15, 0, 500)$$,
  'bob''s monthly points are 0; his weekly and total points are kept'
);

do $$
begin
  update public.user_achievements set weekly_points = 7, monthly_points = 9
  where user_id = any(tests.fixture_user_ids());
end
$$;
select pg_temp.remember_points();
select is(
  private.reset_periodic_points('2025-09-01T05:00:00Z'),
  pg_temp.expected_reset('2025-09-01', true, true),
  'on a Monday that is the 1st both are reset'
);
select results_eq(
  $$select count(*)::integer from public.user_achievements
    where user_id = any(tests.fixture_user_ids()) and (weekly_points <> 0 or monthly_points <> 0)$$,
  array[0],
  'every one of this file''s learners has weekly and monthly points 0'
);
select throws_ok(
  $$select private.reset_periodic_points(null)$$,
  '22023', 'at_time must not be null',
  'a null time is refused with 22023'
);
select lives_ok(
  $$select private.reset_periodic_points()$$,
  'without an argument it uses the current time'
);

-- The schedules, where pg_cron lives ---------------------------------------------------

create function pg_temp.cron_checks() returns setof text
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
  for job in
    select *
    from (
      values
      ('refresh-org-analytics', '0 3 * * *', 'select private.refresh_org_analytics()'),
      ('purge-audit-logs', '0 4 * * *', 'select private.purge_expired_audit_logs()'),
      ('purge-expired-notifications', '30 4 * * *', 'select private.purge_expired_notifications()'),
      ('reset-periodic-points', '0 5 1 * 1', 'select private.reset_periodic_points()')
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
end;
$$;

select * from pg_temp.cron_checks();

select * from finish();
rollback;
