/*
  onboarding: every user (viewer and guest included) reads, creates and
  updates their own row; nobody reads or writes anyone else's; no client
  deletes; the service role has everything.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(45);

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
  insert into public.onboarding (user_id, tour_step_completed)
  values (tests.get_user_id('glen'), 2), (tests.get_user_id('dora'), 1);
end
$$;

-- Each of the nine roles creates, reads and updates its own row ----------------------------------

select tests.authenticate_as('sam');
select lives_ok(
  $$insert into public.onboarding (user_id) values (tests.get_user_id('sam'))$$,
  'a super_admin creates his own onboarding row'
);
select results_eq(
  $$select user_id from public.onboarding$$,
  array[tests.get_user_id('sam')],
  'a super_admin reads only his own onboarding row'
);
select tests.authenticate_as('cora');
select lives_ok(
  $$insert into public.onboarding (user_id, tour_completed) values (tests.get_user_id('cora'), true)$$,
  'a compliance_officer creates her own onboarding row'
);
select results_eq(
  $$update public.onboarding set tour_step_completed = 3 returning tour_step_completed$$,
  array[3],
  'a compliance_officer updates only her own row'
);
select tests.authenticate_as('olga');
select lives_ok(
  $$insert into public.onboarding (user_id) values (tests.get_user_id('olga'))$$,
  'an org_admin creates her own onboarding row'
);
select results_eq(
  $$select count(*)::int from public.onboarding$$,
  array[1],
  'an org_admin reads only her own onboarding row, not her members'''
);
select tests.authenticate_as('ana');
select lives_ok(
  $$insert into public.onboarding (user_id) values (tests.get_user_id('ana'))$$,
  'an analyst creates her own onboarding row'
);
select results_eq(
  $$select count(*)::int from public.onboarding$$,
  array[1],
  'an analyst reads only her own onboarding row'
);
select tests.authenticate_as('ivan');
select lives_ok(
  $$insert into public.onboarding (user_id) values (tests.get_user_id('ivan'))$$,
  'an investigator creates his own onboarding row'
);
select results_eq(
  $$update public.onboarding set tour_step_completed = 2 returning 1$$,
  array[1],
  'an investigator updates his own row, and only it'
);
select throws_ok(
  $$update public.onboarding set first_search_performed = true$$,
  '42501', 'permission denied for table onboarding',
  'a first-action flag is set by the action, never by the client (raises)'
);
select throws_ok(
  $$insert into public.onboarding (user_id, first_course_completed) values (tests.get_user_id('ivan'), true)$$,
  '42501', 'permission denied for table onboarding',
  'nor claimed in a new row (raises)'
);
select tests.authenticate_as('eddie');
select lives_ok(
  $$insert into public.onboarding (user_id) values (tests.get_user_id('eddie'))$$,
  'an educator creates his own onboarding row'
);
select results_eq(
  $$select count(*)::int from public.onboarding$$,
  array[1],
  'an educator reads only his own onboarding row'
);
select tests.authenticate_as('lena');
select lives_ok(
  $$insert into public.onboarding (user_id) values (tests.get_user_id('lena'))$$,
  'a learner creates her own onboarding row'
);
select results_eq(
  $$update public.onboarding set checklist_items = '{"profile": {"completed": true}}' returning checklist_items ->
    'profile' ->> 'completed'$$,
  array['true'],
  'a learner updates her checklist'
);
select tests.authenticate_as('vic');
select lives_ok(
  $$insert into public.onboarding (user_id) values (tests.get_user_id('vic'))$$,
  'a viewer (read-only otherwise) creates his own onboarding row'
);
select results_eq(
  $$update public.onboarding set tour_dismissed = true returning tour_dismissed$$,
  array[true],
  'a viewer updates his own onboarding row'
);
select tests.authenticate_as('gus');
select lives_ok(
  $$insert into public.onboarding (user_id) values (tests.get_user_id('gus'))$$,
  'a guest creates his own onboarding row'
);
select results_eq(
  $$update public.onboarding set tour_step_completed = 1 returning tour_step_completed$$,
  array[1],
  'a guest updates his own onboarding row'
);

-- Nobody touches anyone else's row -----------------------------------------------------------------

select tests.authenticate_as('lena');
select throws_ok(
  $$insert into public.onboarding (user_id) values (tests.get_user_id('nobody'))$$,
  '42501', null,
  'a learner cannot create a row for someone else (row-level security)'
);
select is_empty(
  $$update public.onboarding set tour_completed = true where user_id = tests.get_user_id('ivan') returning 1$$,
  'a learner cannot update a colleague''s row: no row is touched'
);
select throws_ok(
  $$update public.onboarding set user_id = tests.get_user_id('ivan')$$,
  '42501', null,
  'a learner cannot hand her row to someone else: no column grant'
);
select throws_ok($$delete from public.onboarding$$, '42501', null, 'a learner cannot delete onboarding: no grant');
select tests.authenticate_as('olga');
select is_empty(
  $$update public.onboarding set tour_completed = true where user_id = tests.get_user_id('lena') returning 1$$,
  'an org_admin cannot update a member''s row: no row is touched'
);
select throws_ok(
  $$insert into public.onboarding (user_id) values (tests.get_user_id('glen'))$$,
  '42501', null,
  'an org_admin cannot create a row for another org''s user (row-level security)'
);
select tests.authenticate_as('cora');
select is_empty(
  $$select 1 from public.onboarding where user_id = tests.get_user_id('lena')$$,
  'a compliance_officer does not read a member''s onboarding'
);
select tests.authenticate_as('ana');
select is_empty(
  $$update public.onboarding set tour_completed = true where user_id = tests.get_user_id('glen') returning 1$$,
  'an analyst cannot update a globex row: no row is touched'
);
select tests.authenticate_as('eddie');
select throws_ok(
  $$delete from public.onboarding where user_id = tests.get_user_id('eddie')$$,
  '42501', null,
  'an educator cannot delete even his own row: no grant'
);
select tests.authenticate_as('vic');
select throws_ok(
  $$insert into public.onboarding (user_id) values (tests.get_user_id('gus'))$$,
  '42501', null,
  'a viewer cannot create a row for a guest (row-level security)'
);
select tests.authenticate_as('gus');
select is_empty(
  $$update public.onboarding set tour_completed = true where user_id = tests.get_user_id('vic') returning 1$$,
  'a guest cannot update a viewer''s row: no row is touched'
);
select tests.authenticate_as('ivan');
select is_empty(
  $$select 1 from public.onboarding where user_id <> tests.get_user_id('ivan')$$,
  'an investigator reads no one else''s onboarding'
);
select tests.authenticate_as('sam');
select is_empty(
  $$select 1 from public.onboarding where user_id <> tests.get_user_id('sam')$$,
  'a super_admin reads no one else''s onboarding (no extra rights here)'
);
select is_empty(
  $$update public.onboarding set tour_completed = true where user_id = tests.get_user_id('lena') returning 1$$,
  'a super_admin cannot update a user''s onboarding: no row is touched'
);
select tests.authenticate_as('gina');
select is_empty(
  $$select 1 from public.onboarding where user_id = tests.get_user_id('glen')$$,
  'a globex org_admin does not read her member''s onboarding'
);
select tests.authenticate_as('glen');
select results_eq(
  $$select tour_step_completed from public.onboarding$$,
  array[2],
  'a globex learner reads his own row'
);
select tests.authenticate_as('dora');
select is_empty($$select 1 from public.onboarding$$, 'a soft-deleted user no longer reads her onboarding');
select throws_ok(
  $$insert into public.onboarding (user_id) values (tests.get_user_id('dora'))$$,
  '42501', null,
  'a soft-deleted user cannot create onboarding (row-level security)'
);

-- anon and service_role -------------------------------------------------------------------------------

select tests.authenticate_as_anon();
select throws_ok($$select 1 from public.onboarding$$, '42501', null, 'anon cannot read onboarding: permission denied');
select throws_ok(
  $$insert into public.onboarding (user_id) values (tests.get_user_id('lena'))$$,
  '42501', null,
  'anon cannot create onboarding: permission denied'
);
select throws_ok(
  $$update public.onboarding set tour_completed = true$$,
  '42501', null,
  'anon cannot update onboarding: permission denied'
);
select tests.authenticate_as_service_role();
select results_eq(
  $$select count(*)::int from public.onboarding where user_id = any(tests.fixture_user_ids())$$,
  array[11],
  'the service role reads every onboarding row'
);
select results_eq(
  $$update public.onboarding set tour_completed = true where user_id = tests.get_user_id('lena') returning 1$$,
  array[1],
  'the service role updates any row'
);
select results_eq(
  $$delete from public.onboarding where user_id = tests.get_user_id('dora') returning 1$$,
  array[1],
  'the service role deletes a row'
);
select tests.clear_authentication();
select results_eq(
  $$select count(*)::int from public.onboarding where user_id = any(tests.fixture_user_ids())$$,
  array[10],
  'ten rows remain'
);

select * from finish();
rollback;
