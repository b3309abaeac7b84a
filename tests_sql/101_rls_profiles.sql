/*
  profiles: own row for everyone, an org_admin reads their organization's
  members and changes role and team within it, super_admin all;
  the column guard of 011_access_guards; the member directory RPC.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(63);

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
  insert into public.teams (id, organization_id, name)
  values
    (tests.id('team:acme-red'), tests.get_org_id('acme'), 'Red'),
    (tests.id('team:globex-blue'), tests.get_org_id('globex'), 'Blue');
end
$$;

-- Reading: own row for everyone; an org_admin the live members of their
-- org; super_admin every row, soft-deleted ones included. Other staff use
-- the directory.

-- Acting as sam (super_admin, acme)
select tests.authenticate_as('sam');
select results_eq(
  $$select count(*)::int from public.profiles where id = any(tests.fixture_user_ids())$$,
  array[12],
  'a super_admin reads every profile, the soft-deleted one included'
);

-- Acting as cora (compliance_officer, acme)
select tests.authenticate_as('cora');
select results_eq(
  $$select id from public.profiles$$,
  array[tests.get_user_id('cora')],
  'a compliance_officer reads only her own full profile'
);
select is_empty(
  $$select 1 from public.profiles where id = tests.get_user_id('glen')$$,
  'a compliance_officer does not read a globex profile'
);

-- Acting as olga (org_admin, acme)
select tests.authenticate_as('olga');
select results_eq(
  $$select count(*)::int from public.profiles$$,
  array[9],
  'an org_admin reads the 9 live acme profiles'
);
select is_empty(
  $$select 1 from public.profiles where id = tests.get_user_id('dora')$$,
  'an org_admin does not read a soft-deleted member'
);

-- Acting as ana (analyst, acme)
select tests.authenticate_as('ana');
select results_eq(
  $$select id from public.profiles$$,
  array[tests.get_user_id('ana')],
  'an analyst reads only her own full profile (members: through org_directory)'
);

-- Acting as ivan, eddie, lena, vic, gus: own row only
select tests.authenticate_as('ivan');
select results_eq(
  $$select id from public.profiles$$,
  array[tests.get_user_id('ivan')],
  'an investigator reads only his own profile'
);
select tests.authenticate_as('eddie');
select results_eq(
  $$select id from public.profiles$$,
  array[tests.get_user_id('eddie')],
  'an educator reads only his own profile'
);
select tests.authenticate_as('lena');
select results_eq(
  $$select id from public.profiles$$,
  array[tests.get_user_id('lena')],
  'a learner reads only her own profile'
);
select tests.authenticate_as('vic');
select results_eq(
  $$select id from public.profiles$$,
  array[tests.get_user_id('vic')],
  'a viewer reads only his own profile'
);
select tests.authenticate_as('gus');
select results_eq(
  $$select id from public.profiles$$,
  array[tests.get_user_id('gus')],
  'a guest reads only his own profile'
);

-- Acting as gina (org_admin, globex)
select tests.authenticate_as('gina');
select results_eq(
  $$select count(*)::int from public.profiles$$,
  array[2],
  'a globex org_admin reads only the 2 globex profiles'
);

-- Acting as dora (soft-deleted learner)
select tests.authenticate_as('dora');
select is_empty($$select 1 from public.profiles$$, 'a soft-deleted user no longer reads even her own profile');

-- Acting as anon
select tests.authenticate_as_anon();
select throws_ok($$select 1 from public.profiles$$, '42501', null, 'anon cannot read profiles: permission denied');
select throws_ok(
  $$update public.profiles set full_name = 'x'$$,
  '42501', null,
  'anon cannot update profiles: permission denied'
);

-- Acting as service_role
select tests.authenticate_as_service_role();
select results_eq(
  $$select count(*)::int from public.profiles where id = any(tests.fixture_user_ids())$$,
  array[12],
  'the service role reads every profile'
);

-- Updating own row: every role but viewer and guest, allowed columns only.

select tests.authenticate_as('sam');
select results_eq(
  $$update public.profiles set full_name = 'Sam S' where id = tests.get_user_id('sam') returning 1$$,
  array[1],
  'a super_admin updates his own name'
);
select tests.authenticate_as('cora');
select results_eq(
  $$update public.profiles set theme = 'dark' where id = tests.get_user_id('cora') returning 1$$,
  array[1],
  'a compliance_officer updates her own theme'
);
select tests.authenticate_as('ana');
select results_eq(
  $$update public.profiles set timezone = 'America/Halifax' where id = tests.get_user_id('ana') returning 1$$,
  array[1],
  'an analyst updates her own timezone'
);
select tests.authenticate_as('ivan');
select results_eq(
  $$update public.profiles set phone = '555-0101' where id = tests.get_user_id('ivan') returning 1$$,
  array[1],
  'an investigator updates his own phone'
);
select tests.authenticate_as('eddie');
select results_eq(
  $$update public.profiles set preferred_language = 'fr' where id = tests.get_user_id('eddie') returning 1$$,
  array[1],
  'an educator updates his own language'
);
select tests.authenticate_as('vic');
select is_empty(
  $$update public.profiles set full_name = 'Victor' where id = tests.get_user_id('vic') returning 1$$,
  'a viewer is read-only: updating his own profile touches no row'
);
select tests.authenticate_as('gus');
select is_empty(
  $$update public.profiles set full_name = 'Gustave' where id = tests.get_user_id('gus') returning 1$$,
  'a guest is read-only: updating his own profile touches no row'
);

-- Acting as lena (learner, acme): own row, never the protected columns
select tests.authenticate_as('lena');
select results_eq(
  $$update public.profiles set full_name = 'Lena L', avatar_url = 'https://x/a.png' where id = tests.get_user_id('lena')
    returning full_name$$,
  array['Lena L'],
  'a learner updates her own name and avatar'
);
select throws_ok(
  $$update public.profiles set role = 'super_admin' where id = tests.get_user_id('lena')$$,
  '42501', 'permission denied to change column "role" of profiles',
  'a learner cannot change her own role'
);
select throws_ok(
  $$update public.profiles set organization_id = tests.get_org_id('globex') where id = tests.get_user_id('lena')$$,
  '42501', 'permission denied to change column "organization_id" of profiles',
  'a learner cannot change her own organization'
);
select throws_ok(
  $$update public.profiles set team_id = tests.id('team:acme-red') where id = tests.get_user_id('lena')$$,
  '42501', 'permission denied to change column "team_id" of profiles',
  'a learner cannot change her own team'
);
select throws_ok(
  $$update public.profiles set subscription_tier = 'enterprise' where id = tests.get_user_id('lena')$$,
  '42501', 'permission denied to change column "subscription_tier" of profiles',
  'a learner cannot change her own tier'
);
select throws_ok(
  $$update public.profiles set seat_id = gen_random_uuid() where id = tests.get_user_id('lena')$$,
  '42501', 'permission denied to change column "seat_id" of profiles',
  'a learner cannot change her own seat'
);
select throws_ok(
  $$update public.profiles set email_verified = not email_verified where id = tests.get_user_id('lena')$$,
  '42501', 'permission denied to change column "email_verified" of profiles',
  'a learner cannot change email_verified'
);
select throws_ok(
  $$update public.profiles set mfa_enabled = true where id = tests.get_user_id('lena')$$,
  '42501', 'permission denied to change column "mfa_enabled" of profiles',
  'a learner cannot change mfa_enabled'
);
select throws_ok(
  $$update public.profiles set login_count = 99 where id = tests.get_user_id('lena')$$,
  '42501', 'permission denied to change column "login_count" of profiles',
  'a learner cannot change login_count'
);
select throws_ok(
  $$update public.profiles set email = 'new@test.local' where id = tests.get_user_id('lena')$$,
  '42501', 'permission denied to change column "email" of profiles',
  'a learner cannot change her email (auth owns it)'
);
select throws_ok(
  $$update public.profiles set deleted_at = now() where id = tests.get_user_id('lena')$$,
  '42501', 'permission denied to change column "deleted_at" of profiles',
  'a learner cannot soft-delete herself'
);
select throws_ok(
  $$update public.profiles set id = gen_random_uuid() where id = tests.get_user_id('lena')$$,
  '42501', null,
  'a learner cannot change her id: no column grant'
);
select is_empty(
  $$update public.profiles set full_name = 'x' where id = tests.get_user_id('ivan') returning 1$$,
  'a learner cannot update another member''s profile: no row is touched'
);
select is_empty(
  $$update public.profiles set full_name = 'x' where id = tests.get_user_id('glen') returning 1$$,
  'a learner cannot update a globex profile: no row is touched'
);
select throws_ok(
  $$insert into public.profiles (id, email) values (gen_random_uuid(), 'n@test.local')$$,
  '42501', null,
  'a learner cannot insert a profile: no grant (the auth trigger creates them)'
);
select is_empty(
  $$delete from public.profiles where id = tests.get_user_id('lena') returning 1$$,
  'a learner cannot delete her own profile: no row is touched'
);

-- Staff who are not org_admin cannot update members
select tests.authenticate_as('cora');
select is_empty(
  $$update public.profiles set role = 'analyst' where id = tests.get_user_id('lena') returning 1$$,
  'a compliance_officer cannot change a member''s role: no row is touched'
);
select tests.authenticate_as('ana');
select is_empty(
  $$update public.profiles set team_id = tests.id('team:acme-red') where id = tests.get_user_id('lena') returning 1$$,
  'an analyst cannot change a member''s team: no row is touched'
);
select tests.authenticate_as('eddie');
select is_empty(
  $$update public.profiles set role = 'educator' where id = tests.get_user_id('lena') returning 1$$,
  'an educator cannot change a member''s role: no row is touched'
);

-- Acting as olga (org_admin, acme): role and team of members of acme
select tests.authenticate_as('olga');
select results_eq(
  $$update public.profiles set role = 'viewer' where id = tests.get_user_id('lena') returning role$$,
  array['viewer'],
  'an org_admin changes a member''s role among the organization-scoped roles'
);
select results_eq(
  $$update public.profiles set team_id = tests.id('team:acme-red') where id = tests.get_user_id('lena') returning
    team_id$$,
  array[tests.id('team:acme-red')],
  'an org_admin moves a member into a team of the org'
);
select throws_ok(
  $$update public.profiles set team_id = tests.id('team:globex-blue') where id = tests.get_user_id('lena')$$,
  '42501',
  'permission denied to change column "team_id" of profiles: the team is not a team of the member''s organization',
  'an org_admin cannot move a member into another org''s team'
);
select throws_ok(
  $$update public.profiles set role = 'compliance_officer' where id = tests.get_user_id('lena')$$,
  '42501',
  'permission denied to change column "role" of profiles: an org_admin gives and takes only '
  || 'the organization-scoped roles org_admin, learner, viewer and guest',
  'an org_admin cannot make a compliance_officer'
);
select throws_ok(
  $$update public.profiles set role = 'super_admin' where id = tests.get_user_id('lena')$$,
  '42501',
  'permission denied to change column "role" of profiles: an org_admin gives and takes only '
  || 'the organization-scoped roles org_admin, learner, viewer and guest',
  'an org_admin cannot make a super_admin'
);
select throws_ok(
  $$update public.profiles set role = 'learner' where id = tests.get_user_id('cora')$$,
  '42501',
  'permission denied to change column "role" of profiles: an org_admin gives and takes only '
  || 'the organization-scoped roles org_admin, learner, viewer and guest',
  'an org_admin cannot demote a compliance_officer'
);
select throws_ok(
  $$update public.profiles set role = 'analyst' where id = tests.get_user_id('olga')$$,
  '42501', 'permission denied to change column "role" of profiles: an org_admin cannot change their own role',
  'an org_admin cannot change her own role'
);
select throws_ok(
  $$update public.profiles set full_name = 'Renamed' where id = tests.get_user_id('lena')$$,
  '42501', 'permission denied to change column "full_name" of profiles',
  'an org_admin cannot change a member''s name'
);
select throws_ok(
  $$update public.profiles set subscription_tier = 'enterprise' where id = tests.get_user_id('lena')$$,
  '42501', 'permission denied to change column "subscription_tier" of profiles',
  'an org_admin cannot change a member''s tier'
);
select is_empty(
  $$update public.profiles set role = 'analyst' where id = tests.get_user_id('glen') returning 1$$,
  'an org_admin cannot change a globex member''s role: no row is touched'
);
select is_empty(
  $$delete from public.profiles where id = tests.get_user_id('lena') returning 1$$,
  'an org_admin cannot delete a profile: no row is touched'
);

-- Acting as gina (org_admin, globex): nothing of acme
select tests.authenticate_as('gina');
select is_empty(
  $$update public.profiles set role = 'viewer' where id = tests.get_user_id('lena') returning 1$$,
  'a globex org_admin cannot change an acme member''s role: no row is touched'
);

-- Acting as sam (super_admin): everything
select tests.authenticate_as('sam');
select results_eq(
  $$update public.profiles set role = 'compliance_officer', subscription_tier = 'enterprise',
    organization_id = tests.get_org_id('globex') where id = tests.get_user_id('glen') returning role$$,
  array['compliance_officer'],
  'a super_admin changes role, tier and organization'
);
select results_eq(
  $$update public.profiles set deleted_at = null where id = tests.get_user_id('dora') returning 1$$,
  array[1],
  'a super_admin restores a soft-deleted profile'
);
select results_eq(
  $$delete from public.profiles where id = tests.get_user_id('gus') returning 1$$,
  array[1],
  'a super_admin deletes a profile'
);

-- Acting as service_role: past the guard
select tests.authenticate_as_service_role();
select results_eq(
  $$update public.profiles set login_count = login_count + 1 where id = tests.get_user_id('lena') returning
    login_count$$,
  array[1],
  'the service role updates login_count'
);

-- The member directory: basic profiles of live same-org members
select tests.authenticate_as('ivan');
select results_eq(
  $$select count(*)::int from public.org_directory()$$,
  array[9],
  'an investigator lists the live acme members (dora restored, gus deleted)'
);
select is_empty(
  $$select 1 from public.org_directory() where id in (tests.get_user_id('glen'), tests.get_user_id('gina'))$$,
  'the directory shows no other org''s members'
);
select results_eq(
  $$select array_agg(k order by k) from jsonb_object_keys((select to_jsonb(d) from public.org_directory() as d limit 1))
    as k$$,
  $$values (array['avatar_url', 'full_name', 'id', 'role', 'team_id'])$$,
  'the directory shows only id, full_name, avatar_url, role and team_id (no email, phone or login data)'
);
select tests.authenticate_as('glen');
select results_eq(
  $$select count(*)::int from public.org_directory()$$,
  array[2],
  'a globex member lists only globex''s 2 live members'
);
select tests.authenticate_as_anon();
select throws_ok($$select * from public.org_directory()$$, '42501', null, 'anon cannot list members: no execute grant');

select tests.clear_authentication();
select * from finish();
rollback;
