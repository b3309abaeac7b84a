/*
  leaderboard(p_scope, p_limit, p_period, p_offset): organization, team and
  global scopes; all-time, Toronto week and month; display names (full
  name within the caller's organization, first name and last initial
  otherwise); competition ranks with ties listed deterministically (by user
  id); pages; every SQLSTATE; and the recompute-leaderboard-ranks job.
  The fixtures' points are far above any seeded learner's, so the top of the
  global board is theirs on any database.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(24);

do $$
declare
  base integer := 900000000;
  wk date := date_trunc('week', now() at time zone 'America/Toronto')::date;
  mo date := date_trunc('month', now() at time zone 'America/Toronto')::date;
begin
  perform tests.create_org('t204-acme');
  perform tests.create_org('t204-globex');
  insert into public.teams (id, organization_id, name)
  values (md5('t204:red')::uuid, tests.get_org_id('t204-acme'), 'T204 red'),
    (md5('t204:blue')::uuid, tests.get_org_id('t204-acme'), 'T204 blue');
  perform tests.create_user('t204-amy', 'learner', 't204-acme');
  perform tests.create_user('t204-bob', 'learner', 't204-acme');
  perform tests.create_user('t204-cal', 'learner', 't204-acme');
  perform tests.create_user('t204-eve', 'learner', 't204-acme');
  perform tests.create_user('t204-gus', 'learner', 't204-globex');
  perform tests.create_user('t204-nia', 'learner', null);
  update public.profiles set full_name = 'Amy Adams', team_id = md5('t204:red')::uuid
  where id = tests.get_user_id('t204-amy');
  update public.profiles set full_name = 'Bob Brown', team_id = md5('t204:red')::uuid
  where id = tests.get_user_id('t204-bob');
  update public.profiles set full_name = 'Cal Chen', team_id = md5('t204:blue')::uuid
  where id = tests.get_user_id('t204-cal');
  update public.profiles set full_name = 'Eve Evans', deleted_at = now() where id = tests.get_user_id('t204-eve');
  update public.profiles set full_name = '  Gus   van der Berg ' where id = tests.get_user_id('t204-gus');
  insert into public.user_achievements (
    user_id, total_points, weekly_points, monthly_points, points_week, points_month, level
  )
  values
    (tests.get_user_id('t204-amy'), base + 300, base + 50, base + 150, wk, mo, 1),
    (tests.get_user_id('t204-bob'), base + 200, base + 80, base + 80, wk, mo, 1),
    (tests.get_user_id('t204-cal'), base + 200, base + 100, base + 100, wk - 7, mo, 1),
    (tests.get_user_id('t204-eve'), base + 900, base + 900, base + 900, wk, mo, 1),
    (tests.get_user_id('t204-gus'), base + 500, base + 10, base + 10, wk, mo - 31, 1);
end
$$;

-- The tie between bob and cal is listed by user id.
create temporary view t204_tie as
select array_agg(n order by id) as names
from (values (tests.get_user_id('t204-bob'), 'Bob Brown'), (tests.get_user_id('t204-cal'), 'Cal Chen')) as t (id, n);
grant select on t204_tie to authenticated;

-- Acting as amy (acme, team red) ---------------------------------------------------------------------------

select tests.authenticate_as('t204-amy');
select results_eq(
  $$select rank, display_name, points - 900000000 from public.leaderboard()$$,
  $$select * from (values (1::bigint, 'Amy Adams'::text, 300)) as a
    union all select 2, (select names[1] from t204_tie), 200
    union all select 2, (select names[2] from t204_tie), 200$$,
  'the organization board: full names, equal points share rank 2, ties listed by user id, no soft-deleted member'
);
select results_eq(
  $$select array_agg(display_name) from public.leaderboard()$$,
  $$select array_agg(display_name) from public.leaderboard()$$,
  'the order is the same from call to call'
);
select results_eq(
  $$select rank, display_name from public.leaderboard('organization', 1, 'all_time', 1)$$,
  $$select 2::bigint, names[1] from t204_tie$$,
  'a page: one row from offset 1 keeps its rank'
);
select results_eq(
  $$select rank, display_name, points - 900000000 from public.leaderboard('global', 3)$$,
  $$select * from (values (1::bigint, 'Gus B.'::text, 500), (2, 'Amy Adams', 300)) as a
    union all select 3, (select names[1] from t204_tie), 200$$,
  'the global board: a member of another organization by first name and last initial'
);
select results_eq(
  $$select rank, display_name, points - 900000000 from public.leaderboard('organization', 10, 'week')$$,
  $$values (1::bigint, 'Bob Brown'::text, 80), (2, 'Amy Adams', 50)$$,
  'this week''s organization board: weekly points of this Toronto week only (cal''s are last week''s)'
);
select results_eq(
  $$select rank, display_name, points - 900000000 from public.leaderboard('organization', 10, 'month')$$,
  $$values (1::bigint, 'Amy Adams'::text, 150), (2, 'Cal Chen', 100), (3, 'Bob Brown', 80)$$,
  'this month''s organization board'
);
select results_eq(
  $$select display_name from public.leaderboard('global', 2, 'month')$$,
  $$values ('Amy Adams'::text), ('Cal Chen')$$,
  'gus''s monthly points are last month''s: not on this month''s board'
);
select results_eq(
  $$select rank, display_name from public.leaderboard('team')$$,
  $$values (1::bigint, 'Amy Adams'::text), (2, 'Bob Brown')$$,
  'the team board: amy''s team only'
);
select results_eq(
  $$select level from public.leaderboard('team', 1)$$,
  $$values (1)$$,
  'the board shows the stored level'
);
select throws_ok(
  $$select * from public.leaderboard('organization', 10, 'year')$$,
  '22023', 'p_period must be ''all_time'', ''week'' or ''month''', 'an unknown period is invalid'
);
select throws_ok(
  $$select * from public.leaderboard('organization', 10, null)$$, '22023', null, 'a null period is invalid'
);
select throws_ok(
  $$select * from public.leaderboard('organization', 10, 'week', -1)$$,
  '22023', 'p_offset must be between 0 and 10000', 'a negative offset is invalid'
);
select throws_ok(
  $$select * from public.leaderboard('organization', 10, 'week', 10001)$$,
  '22023', 'p_offset must be between 0 and 10000', 'an offset past 10000 is invalid'
);

-- Acting as cal (team blue), gus (globex), nia (no organization) ------------------------------------------

select tests.authenticate_as('t204-cal');
select results_eq(
  $$select display_name from public.leaderboard('team')$$, array['Cal Chen'], 'cal''s team board is team blue'
);
select tests.authenticate_as('t204-gus');
select results_eq(
  $$select display_name from public.leaderboard('global', 2)$$,
  $$values ('Gus van der Berg'::text), ('Amy A.')$$,
  'gus sees himself by full name and acme''s members by first name and last initial'
);
select throws_ok(
  $$select * from public.leaderboard('team')$$, '22023', 'you belong to no team', 'no team, no team board'
);
select tests.authenticate_as('t204-nia');
select throws_ok(
  $$select * from public.leaderboard('organization')$$, '22023', 'you belong to no organization',
  'no organization, no organization board'
);
select results_eq(
  $$select display_name from public.leaderboard('global', 1)$$, array['Gus B.'],
  'without an organization, everyone appears by first name and last initial'
);
select tests.authenticate_as_anon();
select throws_ok($$select * from public.leaderboard('global')$$, '42501', null, 'anon: no execute grant');
select tests.clear_authentication();

-- recompute-leaderboard-ranks -------------------------------------------------------------------------------

select lives_ok($$select private.recompute_leaderboard_ranks()$$, 'the job runs');
select results_eq(
  $$select organization_rank, team_rank from public.user_achievements
    where user_id in (tests.get_user_id('t204-amy'), tests.get_user_id('t204-bob'), tests.get_user_id('t204-cal'))
    order by organization_rank, team_rank desc$$,
  $$values (1, 1), (2, 2), (2, 1)$$,
  'organization and team ranks: amy first; bob and cal share 2; cal leads team blue'
);
select results_eq(
  $$select ua.global_rank - g.global_rank from public.user_achievements as ua,
      (select global_rank from public.user_achievements where user_id = tests.get_user_id('t204-gus')) as g
    where ua.user_id = tests.get_user_id('t204-amy')$$,
  array[1],
  'global ranks: amy right after gus'
);
select results_eq(
  $$select global_rank, organization_rank, level from public.user_achievements
    where user_id = tests.get_user_id('t204-eve')$$,
  $$select null::integer, null::integer, (private.level_of(900000900)).level$$,
  'a soft-deleted user is not ranked; levels are refreshed from the formula'
);
select results_eq(
  $$select private.recompute_leaderboard_ranks()$$, array[0::bigint], 'a second run changes nothing'
);

select * from finish();
rollback;
