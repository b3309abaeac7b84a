/*
  organizations and teams: members read their own organization and its
  teams; the org_admin updates the organization's profile fields (never its
  subscription fields) and manages its teams; super_admin all.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(61);

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
  perform tests.create_org('defunct');
  update public.organizations set deleted_at = now() where id = tests.get_org_id('defunct');
  insert into public.teams (id, organization_id, name)
  values
    (tests.id('team:acme-red'), tests.get_org_id('acme'), 'Red'),
    (tests.id('team:acme-green'), tests.get_org_id('acme'), 'Green'),
    (tests.id('team:globex-blue'), tests.get_org_id('globex'), 'Blue');
end
$$;

-- organizations: reading -----------------------------------------------------------

select tests.authenticate_as('sam');
select results_eq(
  $$select count(*)::int from public.organizations where id = any(tests.fixture_org_ids())$$,
  array[3],
  'a super_admin reads every organization, the soft-deleted one included'
);
select tests.authenticate_as('cora');
select results_eq(
  $$select slug from public.organizations$$,
  array[tests.name('acme')],
  'a compliance_officer reads only her own organization'
);
select tests.authenticate_as('olga');
select results_eq(
  $$select slug from public.organizations$$,
  array[tests.name('acme')],
  'an org_admin reads only her own organization'
);
select tests.authenticate_as('ana');
select results_eq(
  $$select slug from public.organizations$$,
  array[tests.name('acme')],
  'an analyst reads only her own organization'
);
select tests.authenticate_as('ivan');
select results_eq(
  $$select slug from public.organizations$$,
  array[tests.name('acme')],
  'an investigator reads only his own organization'
);
select tests.authenticate_as('eddie');
select results_eq(
  $$select slug from public.organizations$$,
  array[tests.name('acme')],
  'an educator reads only his own organization'
);
select tests.authenticate_as('lena');
select results_eq(
  $$select slug from public.organizations$$,
  array[tests.name('acme')],
  'a learner reads only her own organization'
);
select tests.authenticate_as('vic');
select results_eq(
  $$select slug from public.organizations$$,
  array[tests.name('acme')],
  'a viewer reads only his own organization'
);
select tests.authenticate_as('gus');
select results_eq(
  $$select slug from public.organizations$$,
  array[tests.name('acme')],
  'a guest reads only his own organization'
);
select tests.authenticate_as('glen');
select results_eq(
  $$select slug from public.organizations$$,
  array[tests.name('globex')],
  'a globex learner reads only globex'
);
select tests.authenticate_as('dora');
select is_empty($$select 1 from public.organizations$$, 'a soft-deleted user reads no organization');
select tests.authenticate_as_anon();
select throws_ok(
  $$select 1 from public.organizations$$,
  '42501', null,
  'anon cannot read organizations: permission denied'
);
select tests.authenticate_as_service_role();
select results_eq(
  $$select count(*)::int from public.organizations where id = any(tests.fixture_org_ids())$$,
  array[3],
  'the service role reads every organization'
);

-- organizations: writing -----------------------------------------------------------

-- Acting as olga (org_admin, acme)
select tests.authenticate_as('olga');
select results_eq(
  $$update public.organizations set name = 'Acme Inc', city = 'Toronto' where id = tests.get_org_id('acme') returning
    name$$,
  array['Acme Inc'],
  'an org_admin updates her organization''s profile fields'
);
select throws_ok(
  $$update public.organizations set subscription_status = 'active' where id = tests.get_org_id('acme')$$,
  '42501', 'permission denied to change column "subscription_status" of organizations',
  'an org_admin cannot change the subscription status'
);
select throws_ok(
  $$update public.organizations set trial_ends_at = now() + interval '1 year' where id = tests.get_org_id('acme')$$,
  '42501', 'permission denied to change column "trial_ends_at" of organizations',
  'an org_admin cannot extend the trial'
);
select throws_ok(
  $$update public.organizations set subscription_id = null,
    subscription_status = 'paused' where id = tests.get_org_id('acme')$$,
  '42501', 'permission denied to change column "subscription_status" of organizations',
  'an org_admin cannot touch the subscription fields'
);
select throws_ok(
  $$update public.organizations set deleted_at = now() where id = tests.get_org_id('acme')$$,
  '42501', 'permission denied to change column "deleted_at" of organizations',
  'an org_admin cannot soft-delete her organization'
);
select is_empty(
  $$update public.organizations set name = 'Hacked' where id = tests.get_org_id('globex') returning 1$$,
  'an org_admin cannot update another organization: no row is touched'
);
select throws_ok(
  $$insert into public.organizations (name, slug, admin_email) values ('New', 'new-org', 'a@new.test')$$,
  '42501', null,
  'an org_admin cannot create an organization (row-level security)'
);
select is_empty(
  $$delete from public.organizations where id = tests.get_org_id('acme') returning 1$$,
  'an org_admin cannot delete her organization: no row is touched'
);

-- Other acme roles cannot update their organization
select tests.authenticate_as('cora');
select is_empty(
  $$update public.organizations set name = 'x' where id = tests.get_org_id('acme') returning 1$$,
  'a compliance_officer cannot update the organization: no row is touched'
);
select tests.authenticate_as('ana');
select is_empty(
  $$update public.organizations set name = 'x' where id = tests.get_org_id('acme') returning 1$$,
  'an analyst cannot update the organization: no row is touched'
);
select tests.authenticate_as('ivan');
select is_empty(
  $$update public.organizations set name = 'x' where id = tests.get_org_id('acme') returning 1$$,
  'an investigator cannot update the organization: no row is touched'
);
select tests.authenticate_as('eddie');
select is_empty(
  $$update public.organizations set name = 'x' where id = tests.get_org_id('acme') returning 1$$,
  'an educator cannot update the organization: no row is touched'
);
select tests.authenticate_as('lena');
select is_empty(
  $$update public.organizations set name = 'x' where id = tests.get_org_id('acme') returning 1$$,
  'a learner cannot update the organization: no row is touched'
);
select throws_ok(
  $$insert into public.organizations (name, slug, admin_email) values ('New', 'new-org', 'a@new.test')$$,
  '42501', null,
  'a learner cannot create an organization (row-level security)'
);
select tests.authenticate_as('vic');
select is_empty(
  $$update public.organizations set name = 'x' where id = tests.get_org_id('acme') returning 1$$,
  'a viewer cannot update the organization: no row is touched'
);
select tests.authenticate_as('gus');
select is_empty(
  $$update public.organizations set name = 'x' where id = tests.get_org_id('acme') returning 1$$,
  'a guest cannot update the organization: no row is touched'
);
select tests.authenticate_as('gina');
select is_empty(
  $$update public.organizations set name = 'x' where id = tests.get_org_id('acme') returning 1$$,
  'a globex org_admin cannot update acme: no row is touched'
);

-- Acting as sam (super_admin)
select tests.authenticate_as('sam');
select results_eq(
  $$update public.organizations set subscription_status = 'active' where id = tests.get_org_id('globex') returning
    subscription_status$$,
  array['active'],
  'a super_admin changes any organization''s subscription status'
);
select lives_ok(
  $$insert into public.organizations (name, slug, admin_email) values ('Initech', 'initech', 'a@initech.test')$$,
  'a super_admin creates an organization'
);
select results_eq(
  $$delete from public.organizations where id = tests.get_org_id('defunct') returning 1$$,
  array[1],
  'a super_admin deletes an organization'
);

-- Acting as service_role (Stripe webhooks)
select tests.authenticate_as_service_role();
select results_eq(
  $$update public.organizations set subscription_status = 'past_due' where id = tests.get_org_id('acme') returning
    subscription_status$$,
  array['past_due'],
  'the service role updates subscription fields'
);

-- teams: reading ------------------------------------------------------------------------

select tests.authenticate_as('sam');
select results_eq(
  $$select count(*)::int from public.teams where organization_id = any(tests.fixture_org_ids())$$,
  array[3],
  'a super_admin reads every team'
);
select tests.authenticate_as('cora');
select results_eq($$select count(*)::int from public.teams$$, array[2], 'a compliance_officer reads acme''s 2 teams');
select tests.authenticate_as('ivan');
select results_eq($$select count(*)::int from public.teams$$, array[2], 'an investigator reads acme''s 2 teams');
select tests.authenticate_as('vic');
select results_eq($$select count(*)::int from public.teams$$, array[2], 'a viewer reads acme''s 2 teams');
select tests.authenticate_as('glen');
select results_eq($$select name from public.teams$$, array['Blue'], 'a globex learner reads only globex''s team');
select tests.authenticate_as_anon();
select throws_ok($$select 1 from public.teams$$, '42501', null, 'anon cannot read teams: permission denied');
select tests.authenticate_as_service_role();
select results_eq(
  $$select count(*)::int from public.teams where organization_id = any(tests.fixture_org_ids())$$,
  array[3],
  'the service role reads every team'
);

-- teams: writing ------------------------------------------------------------------------

-- Acting as olga (org_admin, acme)
select tests.authenticate_as('olga');
select lives_ok(
  $$insert into public.teams (organization_id, name, team_lead_id) values (tests.get_org_id('acme'), 'Yellow',
    tests.get_user_id('lena'))$$,
  'an org_admin creates a team in her organization'
);
select throws_ok(
  $$insert into public.teams (organization_id, name) values (tests.get_org_id('globex'), 'Spy')$$,
  '42501', null,
  'an org_admin cannot create a team in another organization (row-level security)'
);
select results_eq(
  $$update public.teams set description = 'The red team' where name = 'Red' returning description$$,
  array['The red team'],
  'an org_admin updates her organization''s team'
);
select throws_ok(
  $$update public.teams set organization_id = tests.get_org_id('globex') where name = 'Red'$$,
  '42501', null,
  'an org_admin cannot move a team to another organization: no column grant'
);
select is_empty(
  $$update public.teams set name = 'x' where name = 'Blue' returning 1$$,
  'an org_admin cannot update another organization''s team: no row is touched'
);
select results_eq(
  $$delete from public.teams where name = 'Green' returning 1$$,
  array[1],
  'an org_admin deletes her organization''s team'
);

-- Other roles cannot manage teams
select tests.authenticate_as('cora');
select throws_ok(
  $$insert into public.teams (organization_id, name) values (tests.get_org_id('acme'), 'Mine')$$,
  '42501', null,
  'a compliance_officer cannot create a team (row-level security)'
);
select is_empty(
  $$delete from public.teams where name = 'Red' returning 1$$,
  'a compliance_officer cannot delete a team: no row is touched'
);
select tests.authenticate_as('ana');
select is_empty(
  $$update public.teams set name = 'x' where name = 'Red' returning 1$$,
  'an analyst cannot update a team: no row is touched'
);
select tests.authenticate_as('ivan');
select throws_ok(
  $$insert into public.teams (organization_id, name) values (tests.get_org_id('acme'), 'Mine')$$,
  '42501', null,
  'an investigator cannot create a team (row-level security)'
);
select tests.authenticate_as('eddie');
select is_empty(
  $$update public.teams set name = 'x' where name = 'Red' returning 1$$,
  'an educator cannot update a team: no row is touched'
);
select tests.authenticate_as('lena');
select throws_ok(
  $$insert into public.teams (organization_id, name) values (tests.get_org_id('acme'), 'Mine')$$,
  '42501', null,
  'a learner cannot create a team (row-level security)'
);
select is_empty(
  $$delete from public.teams where name = 'Red' returning 1$$,
  'a learner cannot delete a team: no row is touched'
);
select tests.authenticate_as('vic');
select is_empty(
  $$update public.teams set name = 'x' where name = 'Red' returning 1$$,
  'a viewer cannot update a team: no row is touched'
);
select tests.authenticate_as('gus');
select throws_ok(
  $$insert into public.teams (organization_id, name) values (tests.get_org_id('acme'), 'Mine')$$,
  '42501', null,
  'a guest cannot create a team (row-level security)'
);
select tests.authenticate_as('gina');
select is_empty(
  $$delete from public.teams where name = 'Red' returning 1$$,
  'a globex org_admin cannot delete an acme team: no row is touched'
);
select tests.authenticate_as_anon();
select throws_ok(
  $$insert into public.teams (organization_id, name) values (tests.get_org_id('acme'), 'Anon')$$,
  '42501', null,
  'anon cannot create a team: permission denied'
);

-- Acting as sam (super_admin)
select tests.authenticate_as('sam');
select results_eq(
  $$update public.teams set seat_allocation = 5 where name = 'Blue' returning seat_allocation$$,
  array[5],
  'a super_admin updates any organization''s team'
);
select results_eq(
  $$delete from public.teams where name = 'Blue' returning 1$$,
  array[1],
  'a super_admin deletes any team'
);

-- Acting as service_role
select tests.authenticate_as_service_role();
select lives_ok(
  $$insert into public.teams (organization_id, name) values (tests.get_org_id('globex'), 'Imported')$$,
  'the service role creates teams'
);

select tests.clear_authentication();
select * from finish();
rollback;
