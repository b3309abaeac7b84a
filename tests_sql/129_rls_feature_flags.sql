/*
  feature_flags and feature_enabled(): only super_admin reads and writes the
  table; everyone (anon included) evaluates flags through feature_enabled():
  global, tier, organization and user targeting plus a deterministic
  percentage rollout; anon gets global flags at 100% only.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(103);

-- Arrange (as the superuser): two organizations and one user per role in
-- acme, the super admin in none, and three users in globex.
do $$
begin
  perform tests.create_org('acme');
  perform tests.create_org('globex');
  perform tests.create_user('super', 'super_admin');
  perform tests.create_user('compliance', 'compliance_officer', 'acme');
  perform tests.create_user('orgadmin', 'org_admin', 'acme');
  perform tests.create_user('analyst', 'analyst', 'acme');
  perform tests.create_user('investigator', 'investigator', 'acme');
  perform tests.create_user('educator', 'educator', 'acme');
  perform tests.create_user('learner', 'learner', 'acme');
  perform tests.create_user('viewer', 'viewer', 'acme');
  perform tests.create_user('guest', 'guest', 'acme');
  perform tests.create_user('g_admin', 'org_admin', 'globex');
  perform tests.create_user('g_compliance', 'compliance_officer', 'globex');
  perform tests.create_user('g_learner', 'learner', 'globex');
end
$$;

-- The learner is on the enterprise tier. Flags: one per kind of targeting,
-- one disabled, one at 0% and one at 50% rollout.
update public.profiles set subscription_tier = 'enterprise'
where id = tests.get_user_id('learner');
insert into public.feature_flags (flag_key, name, is_enabled, target_type, target_tiers, target_org_ids,
  target_user_ids, rollout_percentage) values
('f_global', 'Global', true, 'global', '{}', '{}', '{}', 100),
('f_off', 'Disabled', false, 'global', '{}', '{}', '{}', 100),
('f_tier', 'Enterprise tier', true, 'tier', '{enterprise}', '{}', '{}', 100),
('f_org', 'Globex only', true, 'organization', '{}', array[tests.get_org_id('globex')], '{}', 100),
('f_user', 'The viewer only', true, 'user', '{}', '{}', array[tests.get_user_id('viewer')], 100),
('f_zero', 'Nobody yet', true, 'global', '{}', '{}', '{}', 0),
('f_half', 'Half rollout', true, 'global', '{}', '{}', '{}', 50);
-- Flags are global: counts below are of these seven.
insert into tests.fixtures (kind, id)
select 'flag', id from public.feature_flags
where flag_key in ('f_global', 'f_off', 'f_tier', 'f_org', 'f_user', 'f_zero', 'f_half');

-- The table: super admins only ---------------------------------------------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$select count(*)::int from public.feature_flags$$,
  '42501', null,
  'anon cannot read feature_flags (raises 42501)'
);
select throws_ok(
  $$insert into public.feature_flags (flag_key, name) values ('x', 'x')$$,
  '42501', null,
  'anon cannot insert a flag (raises 42501)'
);
select throws_ok(
  $$update public.feature_flags set is_enabled = true$$,
  '42501', null,
  'anon cannot update flags (raises 42501)'
);
select throws_ok($$delete from public.feature_flags$$, '42501', null, 'anon cannot delete flags (raises 42501)');
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select results_eq(
  $$select count(*)::int from public.feature_flags$$,
  array[0],
  'a compliance officer cannot read the flags table (its targeting lists stay private)'
);
select throws_ok(
  $$insert into public.feature_flags (flag_key, name) values ('x', 'x')$$,
  '42501', null,
  'a compliance officer cannot insert a flag (raises 42501)'
);
select is_empty(
  $$update public.feature_flags set is_enabled = true returning 1$$,
  'a compliance officer cannot update flags: no row is touched'
);
select is_empty(
  $$delete from public.feature_flags returning 1$$,
  'a compliance officer cannot delete flags: no row is touched'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select results_eq(
  $$select count(*)::int from public.feature_flags$$,
  array[0],
  'an org admin cannot read the flags table (its targeting lists stay private)'
);
select throws_ok(
  $$insert into public.feature_flags (flag_key, name) values ('x', 'x')$$,
  '42501', null,
  'an org admin cannot insert a flag (raises 42501)'
);
select is_empty(
  $$update public.feature_flags set is_enabled = true returning 1$$,
  'an org admin cannot update flags: no row is touched'
);
select is_empty(
  $$delete from public.feature_flags returning 1$$,
  'an org admin cannot delete flags: no row is touched'
);
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select results_eq(
  $$select count(*)::int from public.feature_flags$$,
  array[0],
  'an analyst cannot read the flags table (its targeting lists stay private)'
);
select throws_ok(
  $$insert into public.feature_flags (flag_key, name) values ('x', 'x')$$,
  '42501', null,
  'an analyst cannot insert a flag (raises 42501)'
);
select is_empty(
  $$update public.feature_flags set is_enabled = true returning 1$$,
  'an analyst cannot update flags: no row is touched'
);
select is_empty($$delete from public.feature_flags returning 1$$, 'an analyst cannot delete flags: no row is touched');
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select results_eq(
  $$select count(*)::int from public.feature_flags$$,
  array[0],
  'an investigator cannot read the flags table (its targeting lists stay private)'
);
select throws_ok(
  $$insert into public.feature_flags (flag_key, name) values ('x', 'x')$$,
  '42501', null,
  'an investigator cannot insert a flag (raises 42501)'
);
select is_empty(
  $$update public.feature_flags set is_enabled = true returning 1$$,
  'an investigator cannot update flags: no row is touched'
);
select is_empty(
  $$delete from public.feature_flags returning 1$$,
  'an investigator cannot delete flags: no row is touched'
);
select tests.clear_authentication();

select tests.authenticate_as('educator');
select results_eq(
  $$select count(*)::int from public.feature_flags$$,
  array[0],
  'an educator cannot read the flags table (its targeting lists stay private)'
);
select throws_ok(
  $$insert into public.feature_flags (flag_key, name) values ('x', 'x')$$,
  '42501', null,
  'an educator cannot insert a flag (raises 42501)'
);
select is_empty(
  $$update public.feature_flags set is_enabled = true returning 1$$,
  'an educator cannot update flags: no row is touched'
);
select is_empty($$delete from public.feature_flags returning 1$$, 'an educator cannot delete flags: no row is touched');
select tests.clear_authentication();

select tests.authenticate_as('learner');
select results_eq(
  $$select count(*)::int from public.feature_flags$$,
  array[0],
  'a learner cannot read the flags table (its targeting lists stay private)'
);
select throws_ok(
  $$insert into public.feature_flags (flag_key, name) values ('x', 'x')$$,
  '42501', null,
  'a learner cannot insert a flag (raises 42501)'
);
select is_empty(
  $$update public.feature_flags set is_enabled = true returning 1$$,
  'a learner cannot update flags: no row is touched'
);
select is_empty($$delete from public.feature_flags returning 1$$, 'a learner cannot delete flags: no row is touched');
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select results_eq(
  $$select count(*)::int from public.feature_flags$$,
  array[0],
  'a viewer cannot read the flags table (its targeting lists stay private)'
);
select throws_ok(
  $$insert into public.feature_flags (flag_key, name) values ('x', 'x')$$,
  '42501', null,
  'a viewer cannot insert a flag (raises 42501)'
);
select is_empty(
  $$update public.feature_flags set is_enabled = true returning 1$$,
  'a viewer cannot update flags: no row is touched'
);
select is_empty($$delete from public.feature_flags returning 1$$, 'a viewer cannot delete flags: no row is touched');
select tests.clear_authentication();

select tests.authenticate_as('guest');
select results_eq(
  $$select count(*)::int from public.feature_flags$$,
  array[0],
  'a guest cannot read the flags table (its targeting lists stay private)'
);
select throws_ok(
  $$insert into public.feature_flags (flag_key, name) values ('x', 'x')$$,
  '42501', null,
  'a guest cannot insert a flag (raises 42501)'
);
select is_empty(
  $$update public.feature_flags set is_enabled = true returning 1$$,
  'a guest cannot update flags: no row is touched'
);
select is_empty($$delete from public.feature_flags returning 1$$, 'a guest cannot delete flags: no row is touched');
select tests.clear_authentication();

select tests.authenticate_as('g_admin');
select results_eq(
  $$select count(*)::int from public.feature_flags$$,
  array[0],
  'an org admin of globex cannot read the flags table (its targeting lists stay private)'
);
select throws_ok(
  $$insert into public.feature_flags (flag_key, name) values ('x', 'x')$$,
  '42501', null,
  'an org admin of globex cannot insert a flag (raises 42501)'
);
select is_empty(
  $$update public.feature_flags set is_enabled = true returning 1$$,
  'an org admin of globex cannot update flags: no row is touched'
);
select is_empty(
  $$delete from public.feature_flags returning 1$$,
  'an org admin of globex cannot delete flags: no row is touched'
);
select tests.clear_authentication();

select tests.authenticate_as('g_compliance');
select results_eq(
  $$select count(*)::int from public.feature_flags$$,
  array[0],
  'a compliance officer of globex cannot read the flags table (its targeting lists stay private)'
);
select throws_ok(
  $$insert into public.feature_flags (flag_key, name) values ('x', 'x')$$,
  '42501', null,
  'a compliance officer of globex cannot insert a flag (raises 42501)'
);
select is_empty(
  $$update public.feature_flags set is_enabled = true returning 1$$,
  'a compliance officer of globex cannot update flags: no row is touched'
);
select is_empty(
  $$delete from public.feature_flags returning 1$$,
  'a compliance officer of globex cannot delete flags: no row is touched'
);
select tests.clear_authentication();

select tests.authenticate_as('g_learner');
select results_eq(
  $$select count(*)::int from public.feature_flags$$,
  array[0],
  'a learner of globex cannot read the flags table (its targeting lists stay private)'
);
select throws_ok(
  $$insert into public.feature_flags (flag_key, name) values ('x', 'x')$$,
  '42501', null,
  'a learner of globex cannot insert a flag (raises 42501)'
);
select is_empty(
  $$update public.feature_flags set is_enabled = true returning 1$$,
  'a learner of globex cannot update flags: no row is touched'
);
select is_empty(
  $$delete from public.feature_flags returning 1$$,
  'a learner of globex cannot delete flags: no row is touched'
);
select tests.clear_authentication();

select results_eq(
  $$select count(*)::int, count(*) filter (where is_enabled)::int from public.feature_flags where id
    = any(tests.fixture_ids('flag'))$$,
  $$values (7, 6)$$,
  'the denied writes changed no flag'
);

select tests.authenticate_as('super');
select results_eq(
  $$select count(*)::int from public.feature_flags where id = any(tests.fixture_ids('flag'))$$,
  array[7],
  'a super admin reads every flag'
);
select lives_ok(
  $$insert into public.feature_flags (flag_key, name, created_by) values ('f_new', 'New', tests.get_user_id('super'))$$,
  'a super admin creates a flag'
);
select throws_ok(
  $$insert into public.feature_flags (flag_key, name, created_by) values ('f_new2', 'New',
    tests.get_user_id('analyst'))$$,
  '42501', null,
  'a super admin cannot record someone else as a flag''s creator (raises 42501)'
);
select results_eq(
  $$update public.feature_flags set is_enabled = true, rollout_percentage = 10 where flag_key = 'f_new' returning 1$$,
  $$values (1)$$,
  'a super admin updates a flag'
);
select results_eq(
  $$delete from public.feature_flags where flag_key = 'f_new' returning 1$$,
  $$values (1)$$,
  'a super admin deletes a flag'
);
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select results_eq(
  $$select count(*)::int from public.feature_flags where id = any(tests.fixture_ids('flag'))$$,
  array[7],
  'the service role reads every flag'
);
select tests.clear_authentication();

-- feature_enabled(): targeting ----------------------------------------------------------

select tests.authenticate_as_anon();
select is((public.feature_enabled('f_global')), true, 'anon gets a global flag');
select is((public.feature_enabled('f_off')), false, 'anon does not get a disabled flag');
select is((public.feature_enabled('f_tier')), false, 'anon does not get a tier flag');
select is((public.feature_enabled('f_org')), false, 'anon does not get an organization flag');
select is((public.feature_enabled('f_user')), false, 'anon does not get a user flag');
select is((public.feature_enabled('f_half')), false, 'anon does not get a flag in partial rollout (no id to bucket)');
select is((public.feature_enabled('no_such_flag')), false, 'an unknown flag is off');
select throws_ok($$select public.feature_enabled(null)$$, '22023', null, 'feature_enabled(null) raises 22023');
select throws_ok($$select public.feature_enabled(' ')$$, '22023', null, 'feature_enabled of a blank key raises 22023');
select tests.clear_authentication();

select tests.authenticate_as('learner');
select is((public.feature_enabled('f_global')), true, 'the learner gets a global flag');
select is((public.feature_enabled('f_off')), false, 'the learner does not get a disabled flag');
select is((public.feature_enabled('f_tier')), true, 'the enterprise learner gets the enterprise tier flag');
select is((public.feature_enabled('f_org')), false, 'the acme learner does not get the globex flag');
select is((public.feature_enabled('f_user')), false, 'the learner does not get the viewer''s flag');
select is((public.feature_enabled('f_zero')), false, 'nobody gets a flag at 0% rollout');
select tests.clear_authentication();

select tests.authenticate_as('g_learner');
select is((public.feature_enabled('f_tier')), false, 'the free globex learner does not get the enterprise tier flag');
select is((public.feature_enabled('f_org')), true, 'the globex learner gets the globex flag');
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select is((public.feature_enabled('f_user')), true, 'the viewer gets the flag targeted at her');
select is((public.feature_enabled('f_org')), false, 'the viewer does not get the globex flag');
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select is((public.feature_enabled('f_global')), true, 'the service role gets a global flag');
select is((public.feature_enabled('f_tier')), false, 'the service role (no profile) gets no tier flag');
select tests.clear_authentication();

-- feature_enabled(): deterministic 50% rollout, bucket = md5(flag_key || user id) ------

-- Fixed ids, not this run's users (whose ids are salted): the split is the same every run.
select ok(
  (
    select count(*) filter (where private.rollout_bucket('f_half', md5('rollout:' || n)::uuid) < 50) between 1 and 11
    from generate_series(1, 12) as n
  ),
  'the 50% rollout splits twelve fixed user ids: some in, some out'
);
select tests.authenticate_as('super');
select is(
  (public.feature_enabled('f_half')),
  (('x' || substr(md5('f_half' || auth.uid()::text), 1, 8))::bit(32)::bigint % 100) < 50,
  'a super admin: the 50% flag follows their md5 bucket'
);
select is(
  (public.feature_enabled('f_half')), public.feature_enabled('f_half'),
  'a super admin: the answer is the same on every call'
);
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select is(
  (public.feature_enabled('f_half')),
  (('x' || substr(md5('f_half' || auth.uid()::text), 1, 8))::bit(32)::bigint % 100) < 50,
  'a compliance officer: the 50% flag follows their md5 bucket'
);
select is(
  (public.feature_enabled('f_half')), public.feature_enabled('f_half'),
  'a compliance officer: the answer is the same on every call'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select is(
  (public.feature_enabled('f_half')),
  (('x' || substr(md5('f_half' || auth.uid()::text), 1, 8))::bit(32)::bigint % 100) < 50,
  'an org admin: the 50% flag follows their md5 bucket'
);
select is(
  (public.feature_enabled('f_half')), public.feature_enabled('f_half'),
  'an org admin: the answer is the same on every call'
);
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select is(
  (public.feature_enabled('f_half')),
  (('x' || substr(md5('f_half' || auth.uid()::text), 1, 8))::bit(32)::bigint % 100) < 50,
  'an analyst: the 50% flag follows their md5 bucket'
);
select is(
  (public.feature_enabled('f_half')), public.feature_enabled('f_half'),
  'an analyst: the answer is the same on every call'
);
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select is(
  (public.feature_enabled('f_half')),
  (('x' || substr(md5('f_half' || auth.uid()::text), 1, 8))::bit(32)::bigint % 100) < 50,
  'an investigator: the 50% flag follows their md5 bucket'
);
select is(
  (public.feature_enabled('f_half')), public.feature_enabled('f_half'),
  'an investigator: the answer is the same on every call'
);
select tests.clear_authentication();

select tests.authenticate_as('educator');
select is(
  (public.feature_enabled('f_half')),
  (('x' || substr(md5('f_half' || auth.uid()::text), 1, 8))::bit(32)::bigint % 100) < 50,
  'an educator: the 50% flag follows their md5 bucket'
);
select is(
  (public.feature_enabled('f_half')), public.feature_enabled('f_half'),
  'an educator: the answer is the same on every call'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select is(
  (public.feature_enabled('f_half')),
  (('x' || substr(md5('f_half' || auth.uid()::text), 1, 8))::bit(32)::bigint % 100) < 50,
  'a learner: the 50% flag follows their md5 bucket'
);
select is(
  (public.feature_enabled('f_half')), public.feature_enabled('f_half'),
  'a learner: the answer is the same on every call'
);
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select is(
  (public.feature_enabled('f_half')),
  (('x' || substr(md5('f_half' || auth.uid()::text), 1, 8))::bit(32)::bigint % 100) < 50,
  'a viewer: the 50% flag follows their md5 bucket'
);
select is(
  (public.feature_enabled('f_half')), public.feature_enabled('f_half'),
  'a viewer: the answer is the same on every call'
);
select tests.clear_authentication();

select tests.authenticate_as('guest');
select is(
  (public.feature_enabled('f_half')),
  (('x' || substr(md5('f_half' || auth.uid()::text), 1, 8))::bit(32)::bigint % 100) < 50,
  'a guest: the 50% flag follows their md5 bucket'
);
select is(
  (public.feature_enabled('f_half')), public.feature_enabled('f_half'),
  'a guest: the answer is the same on every call'
);
select tests.clear_authentication();

select tests.authenticate_as('g_admin');
select is(
  (public.feature_enabled('f_half')),
  (('x' || substr(md5('f_half' || auth.uid()::text), 1, 8))::bit(32)::bigint % 100) < 50,
  'an org admin of globex: the 50% flag follows their md5 bucket'
);
select is(
  (public.feature_enabled('f_half')), public.feature_enabled('f_half'),
  'an org admin of globex: the answer is the same on every call'
);
select tests.clear_authentication();

select tests.authenticate_as('g_compliance');
select is(
  (public.feature_enabled('f_half')),
  (('x' || substr(md5('f_half' || auth.uid()::text), 1, 8))::bit(32)::bigint % 100) < 50,
  'a compliance officer of globex: the 50% flag follows their md5 bucket'
);
select is(
  (public.feature_enabled('f_half')), public.feature_enabled('f_half'),
  'a compliance officer of globex: the answer is the same on every call'
);
select tests.clear_authentication();

select tests.authenticate_as('g_learner');
select is(
  (public.feature_enabled('f_half')),
  (('x' || substr(md5('f_half' || auth.uid()::text), 1, 8))::bit(32)::bigint % 100) < 50,
  'a learner of globex: the 50% flag follows their md5 bucket'
);
select is(
  (public.feature_enabled('f_half')), public.feature_enabled('f_half'),
  'a learner of globex: the answer is the same on every call'
);
select tests.clear_authentication();

-- Turning a flag off turns it off for everyone ----------------------------------------

select tests.authenticate_as('super');
select results_eq(
  $$update public.feature_flags set is_enabled = false where flag_key = 'f_global' returning 1$$,
  $$values (1)$$,
  'a super admin disables the global flag'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select is((public.feature_enabled('f_global')), false, 'the learner no longer gets the disabled flag');
select tests.clear_authentication();

select * from finish();
rollback;
