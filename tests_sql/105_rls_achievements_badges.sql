/*
  user_achievements and custom_badges: own achievements row, staff(org) read
  members' rows, no client writes; leaderboards only through the RPC (rank,
  display name, level, points). Members read their org's active badges; the org_admin
  manages them; super_admin all.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(64);

-- Arrange (as the superuser): two organizations, one user of each of the
-- nine roles in acme, an org_admin and a learner in globex, and a
-- soft-deleted acme learner.
do $$
begin
  perform tests.create_org('acme');
  perform tests.create_org('globex');
  perform tests.create_user('sam', 'super_admin', 'acme', 'enterprise');
  perform tests.create_user('cora', 'compliance_officer', 'acme');
  perform tests.create_user('olga', 'org_admin', 'acme');
  perform tests.create_user('ana', 'analyst', 'acme');
  perform tests.create_user('ivan', 'investigator', 'acme');
  perform tests.create_user('eddie', 'educator', 'acme');
  perform tests.create_user('lena', 'learner', 'acme', 'professional');
  perform tests.create_user('vic', 'viewer', 'acme');
  perform tests.create_user('gus', 'guest', 'acme');
  perform tests.create_user('gina', 'org_admin', 'globex');
  perform tests.create_user('glen', 'learner', 'globex');
  perform tests.create_user('dora', 'learner', 'acme');
  update public.profiles set deleted_at = now() where id = tests.get_user_id('dora');
end
$$;

do $$
begin
  perform tests.create_user('nora', 'learner', null);
  insert into public.user_achievements (user_id, total_points)
  values
    (tests.get_user_id('lena'), 300),
    (tests.get_user_id('ivan'), 200),
    (tests.get_user_id('eddie'), 200),
    (tests.get_user_id('olga'), 100),
    (tests.get_user_id('glen'), 500),
    (tests.get_user_id('dora'), 900);
  insert into public.custom_badges (id, organization_id, name, is_active)
  values
    (tests.id('badge:ally'), tests.get_org_id('acme'), 'Ally', true),
    (tests.id('badge:old'), tests.get_org_id('acme'), 'Old', false),
    (tests.id('badge:blue'), tests.get_org_id('globex'), 'Blue star', true);
end
$$;

-- user_achievements: reading ------------------------------------------------------------------

select tests.authenticate_as('sam');
select results_eq(
  $$select count(*)::int from public.user_achievements where user_id = any(tests.fixture_user_ids())$$,
  array[6],
  'a super_admin reads every achievements row'
);
select tests.authenticate_as('cora');
select results_eq(
  $$select count(*)::int from public.user_achievements where user_id = any(tests.fixture_user_ids())$$,
  array[4],
  'a compliance_officer reads the rows of live acme members'
);
select tests.authenticate_as('olga');
select results_eq(
  $$select count(*)::int from public.user_achievements where user_id = any(tests.fixture_user_ids())$$,
  array[4],
  'an org_admin reads the rows of live acme members'
);
select tests.authenticate_as('ana');
select is_empty(
  $$select 1 from public.user_achievements where user_id in (tests.get_user_id('glen'), tests.get_user_id('dora'))$$,
  'an analyst reads neither globex rows nor soft-deleted members'' rows'
);
select tests.authenticate_as('ivan');
select results_eq(
  $$select total_points from public.user_achievements$$,
  array[200],
  'an investigator reads only his own row'
);
select tests.authenticate_as('eddie');
select results_eq(
  $$select user_id from public.user_achievements$$,
  array[tests.get_user_id('eddie')],
  'an educator reads only his own row'
);
select tests.authenticate_as('lena');
select results_eq(
  $$select total_points from public.user_achievements$$,
  array[300],
  'a learner reads only her own row'
);
select tests.authenticate_as('vic');
select is_empty($$select 1 from public.user_achievements$$, 'a viewer reads no one else''s row');
select tests.authenticate_as('gus');
select is_empty($$select 1 from public.user_achievements$$, 'a guest reads no one else''s row');
select tests.authenticate_as('gina');
select results_eq(
  $$select user_id from public.user_achievements$$,
  array[tests.get_user_id('glen')],
  'a globex org_admin reads only globex rows'
);
select tests.authenticate_as_anon();
select throws_ok(
  $$select 1 from public.user_achievements$$,
  '42501', null,
  'anon cannot read achievements: permission denied'
);
select tests.authenticate_as_service_role();
select results_eq(
  $$select count(*)::int from public.user_achievements where user_id = any(tests.fixture_user_ids())$$,
  array[6],
  'the service role reads every row'
);

-- user_achievements: no client writes ---------------------------------------------------------------

select tests.authenticate_as('lena');
select throws_ok(
  $$update public.user_achievements set total_points = 99999$$,
  '42501', null,
  'a learner cannot award herself points: no grant'
);
select throws_ok(
  $$insert into public.user_achievements (user_id, total_points) values (tests.get_user_id('lena'), 1)$$,
  '42501', null,
  'a learner cannot insert an achievements row: no grant'
);
select tests.authenticate_as('olga');
select throws_ok(
  $$delete from public.user_achievements$$,
  '42501', null,
  'an org_admin cannot delete achievements: no grant'
);
select tests.authenticate_as('sam');
select throws_ok(
  $$update public.user_achievements set total_points = 0$$,
  '42501', null,
  'a super_admin does not write points from the client either: no grant'
);
select tests.authenticate_as('vic');
select throws_ok(
  $$insert into public.user_achievements (user_id) values (tests.get_user_id('vic'))$$,
  '42501', null,
  'a viewer cannot insert an achievements row: no grant'
);
select tests.authenticate_as_service_role();
select results_eq(
  $$update public.user_achievements set total_points = total_points + 10 where user_id = tests.get_user_id('olga')
    returning total_points$$,
  array[110],
  'the service role awards points'
);

-- leaderboard: rank, display name, level and points only (13_leaderboard.sql; more in tests_sql/204)

select tests.authenticate_as('lena');
select results_eq(
  $$select rank, display_name, points from public.leaderboard() order by rank, display_name$$,
  $$values (1::bigint, 'Lena'::text, 300), (2, 'Eddie', 200), (2, 'Ivan', 200), (4, 'Olga', 110)$$,
  'the organization board ranks live acme members (ties share a rank)'
);
-- The global board is the whole database's: lift this file's learners a billion points above
-- any real learner, so that the top of the board is theirs on a seeded database too.
select tests.clear_authentication();
update public.user_achievements set total_points = total_points + 1000000000
where user_id = any(tests.fixture_user_ids());
select tests.authenticate_as('lena');
select results_eq(
  $$select rank, display_name, points from public.leaderboard('global', 2)$$,
  $$values (1::bigint, 'Glen'::text, 1000000500), (2, 'Lena', 1000000300)$$,
  'the global board spans organizations, without the soft-deleted user'
);
select results_eq(
  $$select array_agg(k order by k) from jsonb_object_keys((select to_jsonb(l) from public.leaderboard() as l limit 1))
    as k$$,
  $$values (array['display_name', 'level', 'points', 'rank'])$$,
  'the leaderboard returns rank, display_name, level and points only'
);
select throws_ok(
  $$select * from public.leaderboard('league')$$, '22023', 'p_scope must be ''organization'', ''team'' or ''global''',
  'an unknown scope is invalid input'
);
select throws_ok(
  $$select * from public.leaderboard(null)$$, '22023', 'p_scope must be ''organization'', ''team'' or ''global''',
  'a null scope is invalid input'
);
select throws_ok(
  $$select * from public.leaderboard('global', 0)$$,
  '22023', 'p_limit must be between 1 and 100',
  'a limit of 0 is invalid input'
);
select throws_ok(
  $$select * from public.leaderboard('global', 101)$$,
  '22023', 'p_limit must be between 1 and 100',
  'a limit of 101 is invalid input'
);
select throws_ok(
  $$select * from public.leaderboard('global', null)$$,
  '22023', 'p_limit must be between 1 and 100',
  'a null limit is invalid input'
);
select tests.authenticate_as('glen');
select results_eq(
  $$select display_name from public.leaderboard()$$,
  array['Glen'],
  'a globex learner''s organization board shows globex only'
);
select tests.authenticate_as('vic');
select results_eq(
  $$select count(*)::int from public.leaderboard('global', 100) where points >= 1000000000$$,
  array[5],
  'a viewer reads the global board'
);
select tests.authenticate_as('nora');
select throws_ok(
  $$select * from public.leaderboard()$$,
  '22023', 'you belong to no organization',
  'a user without an organization has no organization board'
);
select results_eq(
  $$select count(*)::int from public.leaderboard('global') where points >= 1000000000$$,
  array[5],
  'a user without an organization reads the global board'
);
select tests.authenticate_as_anon();
select throws_ok(
  $$select * from public.leaderboard()$$,
  '42501', null,
  'anon cannot read leaderboards: no execute grant'
);

-- custom_badges: reading -------------------------------------------------------------------------------

select tests.authenticate_as('sam');
select results_eq(
  $$select count(*)::int from public.custom_badges where organization_id = any(tests.fixture_org_ids())$$,
  array[3],
  'a super_admin reads every badge'
);
select tests.authenticate_as('olga');
select results_eq(
  $$select name from public.custom_badges order by name$$,
  array['Ally', 'Old'],
  'an org_admin reads her org''s badges, inactive included'
);
select tests.authenticate_as('cora');
select results_eq(
  $$select name from public.custom_badges$$,
  array['Ally'],
  'a compliance_officer reads her org''s active badges'
);
select tests.authenticate_as('ana');
select results_eq(
  $$select name from public.custom_badges$$,
  array['Ally'],
  'an analyst reads her org''s active badges'
);
select tests.authenticate_as('ivan');
select results_eq(
  $$select name from public.custom_badges$$,
  array['Ally'],
  'an investigator reads his org''s active badges'
);
select tests.authenticate_as('eddie');
select results_eq(
  $$select name from public.custom_badges$$,
  array['Ally'],
  'an educator reads his org''s active badges'
);
select tests.authenticate_as('lena');
select results_eq($$select name from public.custom_badges$$, array['Ally'], 'a learner reads her org''s active badges');
select tests.authenticate_as('vic');
select results_eq($$select name from public.custom_badges$$, array['Ally'], 'a viewer reads his org''s active badges');
select tests.authenticate_as('gus');
select results_eq($$select name from public.custom_badges$$, array['Ally'], 'a guest reads his org''s active badges');
select tests.authenticate_as('gina');
select results_eq(
  $$select name from public.custom_badges$$,
  array['Blue star'],
  'a globex org_admin reads only globex badges'
);
select tests.authenticate_as('nora');
select is_empty($$select 1 from public.custom_badges$$, 'a user without an organization reads no badge');
select tests.authenticate_as_anon();
select throws_ok($$select 1 from public.custom_badges$$, '42501', null, 'anon cannot read badges: permission denied');
select tests.authenticate_as_service_role();
select results_eq(
  $$select count(*)::int from public.custom_badges where organization_id = any(tests.fixture_org_ids())$$,
  array[3],
  'the service role reads every badge'
);

-- custom_badges: writing -------------------------------------------------------------------------------

select tests.authenticate_as('olga');
select lives_ok(
  $$insert into public.custom_badges (organization_id, name, created_by) values (tests.get_org_id('acme'), 'Champion',
    tests.get_user_id('olga'))$$,
  'an org_admin creates a badge for her org'
);
select throws_ok(
  $$insert into public.custom_badges (organization_id, name, created_by) values (tests.get_org_id('globex'), 'Spy',
    tests.get_user_id('olga'))$$,
  '42501', null,
  'an org_admin cannot create a badge for another org (row-level security)'
);
select throws_ok(
  $$insert into public.custom_badges (organization_id, name, created_by) values (tests.get_org_id('acme'), 'Forged',
    tests.get_user_id('lena'))$$,
  '42501', null,
  'an org_admin cannot create a badge in someone else''s name (row-level security)'
);
select results_eq(
  $$update public.custom_badges set is_active = false where name = 'Ally' returning is_active$$,
  array[false],
  'an org_admin retires her org''s badge'
);
select is_empty(
  $$update public.custom_badges set name = 'x' where name = 'Blue star' returning 1$$,
  'an org_admin cannot update another org''s badge: no row is touched'
);
select throws_ok(
  $$update public.custom_badges set organization_id = tests.get_org_id('globex') where name = 'Old'$$,
  '42501', null,
  'an org_admin cannot move a badge to another org: no column grant'
);
select results_eq(
  $$delete from public.custom_badges where name = 'Old' returning 1$$,
  array[1],
  'an org_admin deletes her org''s badge'
);
select tests.authenticate_as('cora');
select throws_ok(
  $$insert into public.custom_badges (organization_id, name, created_by) values (tests.get_org_id('acme'), 'Mine',
    tests.get_user_id('cora'))$$,
  '42501', null,
  'a compliance_officer cannot create a badge (row-level security)'
);
select tests.authenticate_as('ana');
select is_empty(
  $$update public.custom_badges set points_value = 1000 where name = 'Champion' returning 1$$,
  'an analyst cannot update a badge: no row is touched'
);
select tests.authenticate_as('ivan');
select throws_ok(
  $$insert into public.custom_badges (organization_id, name, created_by) values (tests.get_org_id('acme'), 'Mine',
    tests.get_user_id('ivan'))$$,
  '42501', null,
  'an investigator cannot create a badge (row-level security)'
);
select tests.authenticate_as('eddie');
select is_empty(
  $$delete from public.custom_badges where name = 'Champion' returning 1$$,
  'an educator cannot delete a badge: no row is touched'
);
select tests.authenticate_as('lena');
select is_empty(
  $$update public.custom_badges set points_value = 1000 where name = 'Champion' returning 1$$,
  'a learner cannot update a badge: no row is touched'
);
select throws_ok(
  $$insert into public.custom_badges (organization_id, name, created_by) values (tests.get_org_id('acme'), 'Mine',
    tests.get_user_id('lena'))$$,
  '42501', null,
  'a learner cannot create a badge (row-level security)'
);
select tests.authenticate_as('vic');
select is_empty(
  $$delete from public.custom_badges where name = 'Champion' returning 1$$,
  'a viewer cannot delete a badge: no row is touched'
);
select tests.authenticate_as('gus');
select is_empty(
  $$update public.custom_badges set name = 'x' where name = 'Champion' returning 1$$,
  'a guest cannot update a badge: no row is touched'
);
select tests.authenticate_as('gina');
select is_empty(
  $$update public.custom_badges set name = 'x' where organization_id = tests.get_org_id('acme') returning 1$$,
  'a globex org_admin cannot update acme badges: no row is touched'
);
select tests.authenticate_as('sam');
select results_eq(
  $$update public.custom_badges set rarity = 'epic' where name = 'Blue star' returning rarity$$,
  array['epic'],
  'a super_admin updates any org''s badge'
);
select lives_ok(
  $$insert into public.custom_badges (organization_id, name) values (tests.get_org_id('globex'), 'Founder')$$,
  'a super_admin creates a badge for any org'
);
select tests.authenticate_as_anon();
select throws_ok(
  $$insert into public.custom_badges (organization_id, name) values (tests.get_org_id('acme'), 'Anon')$$,
  '42501', null,
  'anon cannot create a badge: permission denied'
);
select tests.authenticate_as_service_role();
select results_eq(
  $$delete from public.custom_badges where name = 'Founder' returning 1$$,
  array[1],
  'the service role deletes a badge'
);

select tests.clear_authentication();
select * from finish();
rollback;
