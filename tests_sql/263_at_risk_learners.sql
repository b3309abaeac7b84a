/*
  at_risk_learners(p_days_inactive, p_limit): members of the caller's own
  organization with a course started and not finished who are inactive for N
  days or more (boundary: exactly N days is inactive) or lost a streak of 3
  days or more, with the reasons; org admins and analysts only; nobody of
  another organization. The weekly job notify-at-risk-learners: each admin
  once per Toronto week, the count only, tested with a fixed clock.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(26);

do $$
begin
  perform tests.create_org('t243-acme');
  perform tests.create_org('t243-globex');
  perform tests.create_user('t243-bo', 'org_admin', 't243-acme');
  perform tests.create_user('t243-ana', 'analyst', 't243-acme');
  perform tests.create_user('t243-cora', 'compliance_officer', 't243-acme');
  perform tests.create_user('t243-lina', 'learner', 't243-acme');
  perform tests.create_user('t243-edge', 'learner', 't243-acme');
  perform tests.create_user('t243-sam', 'learner', 't243-acme');
  perform tests.create_user('t243-max', 'learner', 't243-acme');
  perform tests.create_user('t243-done', 'learner', 't243-acme');
  perform tests.create_user('t243-gus', 'org_admin', 't243-globex');
  perform tests.create_user('t243-gil', 'learner', 't243-globex');
  update public.profiles set full_name = 'Lina T243' where id = tests.get_user_id('t243-lina');
  insert into public.courses (id, title_en, slug, category, level, duration_minutes, is_published)
  values (tests.id('c1'), 'T243 course', tests.name('t243-c1'), 'Foundations', 'Introductory', 10, true);
  -- Course rows (the started courses) with their last activity.
  insert into public.progress (user_id, course_id, lesson_id, total_lessons, last_accessed, completed_at)
  values
    (tests.get_user_id('t243-lina'), tests.id('c1'), null, 2, now() - interval '20 days', null),
    (tests.get_user_id('t243-edge'), tests.id('c1'), null, 2, now() - interval '14 days', null),
    (tests.get_user_id('t243-sam'), tests.id('c1'), null, 2, now() - interval '3 days', null),
    (tests.get_user_id('t243-max'), tests.id('c1'), null, 2, now(), null),
    (tests.get_user_id('t243-done'), tests.id('c1'), null, 2, now() - interval '30 days', now() - interval '30 days'),
    (tests.get_user_id('t243-gil'), tests.id('c1'), null, 2, now() - interval '30 days', null);
  -- sam built a 5-day streak and stopped 3 days ago.
  insert into public.user_achievements (user_id, current_streak_days, longest_streak_days, last_activity_date)
  values (tests.get_user_id('t243-sam'), 5, 5, private.toronto_day(now()) - 3)
  on conflict (user_id) do update
  set current_streak_days = 5, longest_streak_days = 5, last_activity_date = private.toronto_day(now()) - 3;
end
$$;

create function pg_temp.who(p_ids uuid []) returns text []
language sql
as $$
  select array_agg(u.handle order by n)
  from unnest(p_ids) with ordinality as x (id, n)
  inner join (values ('lina'), ('edge'), ('sam'), ('max'), ('done'), ('gil'), ('bo'), ('ana')) as u (handle)
    on x.id = tests.get_user_id('t243-' || u.handle)
$$;

-- Acting as bo (org_admin, acme) ----------------------------------------------------------------
select tests.authenticate_as('t243-bo');
select results_eq(
  $$select pg_temp.who(array_agg(user_id order by last_activity_at, user_id)) from public.at_risk_learners()$$,
  $$values (array['lina', 'edge', 'sam'])$$,
  'bo sees his three at-risk members, least recently active first (not the active one, not the one who finished)'
);
select results_eq(
  $$select reasons, days_inactive, courses_in_progress, full_name from public.at_risk_learners()
    where user_id = tests.get_user_id('t243-lina')$$,
  $$values (array['inactive'], 20, 1, 'Lina T243')$$,
  'lina: inactive for 20 days, one course in progress, her name'
);
select results_eq(
  $$select reasons, current_streak_days, longest_streak_days from public.at_risk_learners()
    where user_id = tests.get_user_id('t243-sam')$$,
  $$values (array['streak_lost'], 0, 5)$$,
  'sam: active 3 days ago, but the 5-day streak is lost'
);
select results_eq(
  $$select reasons from public.at_risk_learners(14) where user_id = tests.get_user_id('t243-edge')$$,
  $$values (array['inactive'])$$,
  'exactly 14 days without activity is inactive at 14 days'
);
select is_empty(
  $$select 1 from public.at_risk_learners(15) where user_id = tests.get_user_id('t243-edge')$$,
  'and not at 15 days'
);
select results_eq(
  $$select pg_temp.who(array_agg(user_id order by last_activity_at)) from public.at_risk_learners(30)$$,
  $$values (array['sam'])$$,
  'at 30 days only the lost streak remains'
);
select results_eq(
  $$select pg_temp.who(array_agg(user_id)) from public.at_risk_learners(14, 1)$$,
  $$values (array['lina'])$$,
  'p_limit 1: the least recently active'
);
select is_empty(
  $$select 1 from public.at_risk_learners() where user_id = tests.get_user_id('t243-gil')$$,
  'nobody of another organization'
);
select throws_ok($$select * from public.at_risk_learners(0)$$, '22023', 'p_days_inactive must be between 1 and 365',
  'p_days_inactive 0');
select throws_ok($$select * from public.at_risk_learners(14, 501)$$, '22023', 'p_limit must be between 1 and 500',
  'p_limit 501');

-- The analyst sees the same; other roles are refused ------------------------------------------------
select tests.authenticate_as('t243-ana');
select results_eq(
  $$select pg_temp.who(array_agg(user_id order by last_activity_at, user_id)) from public.at_risk_learners()$$,
  $$values (array['lina', 'edge', 'sam'])$$,
  'an analyst of the organization sees the same list'
);
select tests.authenticate_as('t243-cora');
select throws_ok($$select * from public.at_risk_learners()$$, '42501',
  'only org admins and analysts of an organization see its at-risk learners', 'a compliance officer is refused');
select tests.authenticate_as('t243-max');
select throws_ok($$select * from public.at_risk_learners()$$, '42501',
  'only org admins and analysts of an organization see its at-risk learners', 'a learner is refused');
select tests.authenticate_as('t243-gus');
select results_eq(
  $$select pg_temp.who(array_agg(user_id)) from public.at_risk_learners()$$,
  $$values (array['gil'])$$,
  'globex''s admin sees only globex''s member'
);
select tests.authenticate_as_anon();
select throws_ok($$select * from public.at_risk_learners()$$, '42501', null, 'anon: no execute grant');
select tests.authenticate_as_service_role();
select throws_ok($$select * from public.at_risk_learners()$$, '42501', null, 'service_role: no execute grant');

-- The weekly job, with a fixed clock -----------------------------------------------------------------
select tests.clear_authentication();
create temporary table t243_clock as select now() as at_time;
do $$ begin perform private.notify_at_risk_learners((select at_time from t243_clock)); end $$;

create function pg_temp.notices(p_handle text) returns table (title text, message text)
language sql
as $$
  select n.title, n.message from public.notifications as n
  where n.user_id = tests.get_user_id(p_handle) and n.link_url = '/admin/at-risk-learners'
  order by n.created_at, n.id
$$;

select results_eq(
  $$select title, message from pg_temp.notices('t243-bo')$$,
  $$values ('Learners falling behind', '3 member(s) of your organization are falling behind in a course they '
    'started (inactive for 14 days or more, or a lost streak).')$$,
  'bo is told the count, in his language'
);
select ok(
  (select bool_and(position('Lina' in message) = 0) from pg_temp.notices('t243-bo')),
  'no name in the text'
);
select results_eq(
  $$select message from pg_temp.notices('t243-gus')$$,
  $$values ('1 member(s) of your organization are falling behind in a course they started (inactive for 14 days or '
    'more, or a lost streak).')$$,
  'globex''s admin is told globex''s count'
);
select is_empty($$select 1 from pg_temp.notices('t243-ana')$$, 'an analyst is not notified (admins are)');

do $$ begin perform private.notify_at_risk_learners((select at_time from t243_clock) + interval '1 hour'); end $$;
select results_eq(
  $$select count(*)::int from pg_temp.notices('t243-bo')$$, array[1],
  'a second run in the same Toronto week sends nothing more'
);
do $$ begin perform private.notify_at_risk_learners((select at_time from t243_clock) + interval '7 days'); end $$;
select results_eq(
  $$select count(*)::int from pg_temp.notices('t243-bo')$$, array[2],
  'the next week, one more'
);
select throws_ok(
  $$select private.notify_at_risk_learners(null)$$, '22023', 'at_time must not be null', 'a null clock is refused'
);
select results_eq(
  $$select count(*)::int from unnest(array['anon', 'authenticated', 'service_role']) as r (role_name)
    where has_function_privilege(r.role_name, 'private.notify_at_risk_learners(timestamptz)', 'execute')$$,
  array[0],
  'no API role executes the job function'
);

create function pg_temp.t243_cron_checks() returns setof text
language plpgsql
as $$
declare
  found_job jsonb;
begin
  if to_regnamespace('cron') is null then
    return next skip('pg_cron is not installed in this database (only in cron.database_name): schedule not checked', 2);
    return;
  end if;
  execute
    'select jsonb_agg(jsonb_build_object(''schedule'', j.schedule, ''command'', j.command, ''active'', j.active))
     from cron.job as j where j.jobname = $1'
  into found_job
  using 'notify-at-risk-learners';
  return next is(
    found_job,
    jsonb_build_array(jsonb_build_object(
      'schedule', '0 13 * * 1', 'command', 'select private.notify_at_risk_learners()', 'active', true
    )),
    'cron job notify-at-risk-learners is scheduled once, active, Mondays at 13:00 UTC'
  );
  return next ok(
    (select p.prosecdef and p.proconfig = array['search_path=pg_catalog, pg_temp'] from pg_catalog.pg_proc as p
      where p.oid = 'private.notify_at_risk_learners(timestamptz)'::regprocedure),
    'the job function is SECURITY DEFINER with search_path pg_catalog, pg_temp'
  );
end;
$$;

select * from pg_temp.t243_cron_checks();

select * from finish();
rollback;
