/*
  Points are bounded and never overflow: a course or a badge is worth 0 to
  10,000 points (22023 beyond, on insert and update, for every writer);
  total, weekly and monthly points saturate at the integer maximum instead of
  failing with 22003 (the boundary exactly, then past it); nobody awards a
  badge to themself by hand (42501, nothing written), an org admin or a
  super_admin alike.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(21);

do $$
begin
  perform tests.create_org('t240-acme');
  perform tests.create_user('t240-olga', 'org_admin', 't240-acme');
  perform tests.create_user('t240-sam', 'super_admin', 't240-acme');
  perform tests.create_user('t240-eddy', 'educator', 't240-acme');
  perform tests.create_user('t240-lena', 'learner', 't240-acme');
  insert into public.custom_badges (id, organization_id, name, criteria_type, points_value, is_active)
  values
    (md5('t240:b1')::uuid, tests.get_org_id('t240-acme'), 'T240 one', 'manual', 25, true),
    (md5('t240:b2')::uuid, tests.get_org_id('t240-acme'), 'T240 two', 'manual', 25, true),
    (md5('t240:b3')::uuid, tests.get_org_id('t240-acme'), 'T240 three', 'manual', 10000, true);
end
$$;

-- Bounds on write (acting as olga, org_admin; eddy, educator) --------------------------------

select tests.authenticate_as('t240-olga');
select throws_ok(
  $$insert into public.custom_badges (organization_id, name, criteria_type, points_value, created_by)
    values (tests.get_org_id('t240-acme'), 'T240 max int', 'manual', 2147483647, tests.get_user_id('t240-olga'))$$,
  '22023', 'points_value must be a whole number from 0 to 10000, not 2147483647',
  'a badge worth 2,147,483,647 points is refused: 22023'
);
select throws_ok(
  $$insert into public.custom_badges (organization_id, name, criteria_type, points_value, created_by)
    values (tests.get_org_id('t240-acme'), 'T240 10001', 'manual', 10001, tests.get_user_id('t240-olga'))$$,
  '22023', 'points_value must be a whole number from 0 to 10000, not 10001',
  'one point past the maximum is refused'
);
select lives_ok(
  $$insert into public.custom_badges (organization_id, name, criteria_type, points_value, created_by)
    values (tests.get_org_id('t240-acme'), 'T240 10000', 'manual', 10000, tests.get_user_id('t240-olga'))$$,
  'exactly the maximum (10,000) is taken'
);
select throws_ok(
  $$update public.custom_badges set points_value = 10001 where id = md5('t240:b1')::uuid$$,
  '22023', 'points_value must be a whole number from 0 to 10000, not 10001',
  'and raising a badge past it on update is refused'
);

select tests.authenticate_as('t240-eddy');
select throws_ok(
  $$insert into public.courses (title_en, slug, category, level, duration_minutes, points_value, created_by)
    values ('T240 course', tests.name('t240-course'), 'Foundations', 'Introductory', 30, 10001,
      tests.get_user_id('t240-eddy'))$$,
  '22023', 'points_value must be a whole number from 0 to 10000, not 10001',
  'a course worth more than 10,000 points is refused: 22023'
);
select tests.authenticate_as_service_role();
select throws_ok(
  $$update public.custom_badges set points_value = -1 where id = md5('t240:b1')::uuid$$,
  '22023', 'points_value must be a whole number from 0 to 10000, not -1',
  'server code is held to the same bounds (negative points refused)'
);
select tests.clear_authentication();

-- Self-award ------------------------------------------------------------------------------

select tests.authenticate_as('t240-olga');
select throws_ok(
  $$select * from public.award_badge(md5('t240:b1')::uuid, tests.get_user_id('t240-olga'))$$,
  '42501', 'you cannot award a badge to yourself', 'an org admin cannot award a badge to herself: 42501'
);
select tests.authenticate_as('t240-sam');
select throws_ok(
  $$select * from public.award_badge(md5('t240:b1')::uuid, tests.get_user_id('t240-sam'))$$,
  '42501', 'you cannot award a badge to yourself', 'nor can a super_admin'
);
select tests.clear_authentication();
select is_empty(
  $$select 1 from private.points_ledger as pl
    where pl.user_id in (tests.get_user_id('t240-olga'), tests.get_user_id('t240-sam'))$$,
  'the refused self-awards wrote no points'
);
select is(
  (select coalesce(ua.badges_earned, '{}') from public.user_achievements as ua
    where ua.user_id = tests.get_user_id('t240-olga')),
  null,
  'nor any badge (no achievements row was even created)'
);

-- Saturation: the integer maximum exactly, then past it ---------------------------------------

do $$
begin
  perform private.achievements_locked(tests.get_user_id('t240-lena'));
  update public.user_achievements as ua
  set
    total_points = 2147483647 - 25,
    weekly_points = 2147483647 - 25,
    monthly_points = 2147483647 - 25,
    points_week = private.toronto_week(now()),
    points_month = private.toronto_month(now())
  where ua.user_id = tests.get_user_id('t240-lena');
end
$$;

select tests.authenticate_as('t240-olga');
select lives_ok(
  $$select * from public.award_badge(md5('t240:b1')::uuid, tests.get_user_id('t240-lena'))$$,
  'a badge that brings lena exactly to the integer maximum is awarded'
);
select tests.clear_authentication();
select results_eq(
  $$select ua.total_points, ua.weekly_points, ua.monthly_points from public.user_achievements as ua
    where ua.user_id = tests.get_user_id('t240-lena')$$,
  $$values (2147483647, 2147483647, 2147483647)$$,
  'her totals are exactly 2,147,483,647'
);
select tests.authenticate_as('t240-olga');
select lives_ok(
  $$select * from public.award_badge(md5('t240:b2')::uuid, tests.get_user_id('t240-lena'))$$,
  'a badge past the maximum is still awarded (no 22003)'
);
select lives_ok(
  $$select * from public.award_badge(md5('t240:b3')::uuid, tests.get_user_id('t240-lena'))$$,
  'and another worth 10,000'
);
select tests.clear_authentication();
select results_eq(
  $$select ua.total_points, ua.weekly_points, ua.monthly_points, md5('t240:b3')::uuid::text = any(ua.badges_earned)
    from public.user_achievements as ua
    where ua.user_id = tests.get_user_id('t240-lena')$$,
  $$values (2147483647, 2147483647, 2147483647, true)$$,
  'the totals saturate at 2,147,483,647 and the badge is held'
);
select is(
  (select sum(pl.points)::bigint from private.points_ledger as pl
    where pl.user_id = tests.get_user_id('t240-lena')),
  10050::bigint,
  'the ledger keeps every award as given'
);
select tests.authenticate_as('t240-olga');
select lives_ok(
  $$select * from public.revoke_badge(md5('t240:b3')::uuid, tests.get_user_id('t240-lena'))$$,
  'revoking a badge at the ceiling works'
);
select tests.clear_authentication();
select is(
  (select ua.total_points from public.user_achievements as ua
    where ua.user_id = tests.get_user_id('t240-lena')),
  2147483647 - 10000,
  'and takes its points back from the saturated total'
);
select is(private.saturated_points(2147483648), 2147483647, 'saturated_points: one past the maximum');
select is(private.saturated_points(-2147483649), -2147483648, 'saturated_points: one past the minimum');
select is(
  (select l.level from private.level_of(2147483647) as l),
  6554,
  'the level formula holds at the maximum'
);

select * from finish();
rollback;
