/*
  Issue 7, second pass: the read policies of organizations, teams and
  custom_badges give super_admin their rows through the primary key's range
  (id between super_admin_floor() and the largest uuid) instead of a
  bare-boolean `or is_super_admin()` arm. The rules are unchanged: a member
  reads their live organization, its teams and its active badges (its
  org_admin its inactive badges too); super_admin reads every row, soft-deleted
  organizations included; nobody reads another organization's rows; a
  soft-deleted user or the member of a soft-deleted organization reads none.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(24);

-- Arrange (as the superuser): acme (org_admin, learner) and globex (learner),
-- each with a team, an active and an inactive badge; a super_admin in no
-- organization.
do $$
begin
  perform tests.create_org('t233-acme');
  perform tests.create_org('t233-globex');
  perform tests.create_user('t233-olga', 'org_admin', 't233-acme');
  perform tests.create_user('t233-lena', 'learner', 't233-acme');
  perform tests.create_user('t233-gus', 'learner', 't233-globex');
  perform tests.create_user('t233-sam', 'super_admin');
  insert into public.teams (id, organization_id, name)
  values
    (tests.id('t233:acme-team'), tests.get_org_id('t233-acme'), 'T233 acme team'),
    (tests.id('t233:globex-team'), tests.get_org_id('t233-globex'), 'T233 globex team');
  insert into public.custom_badges (id, organization_id, name, is_active)
  values
    (tests.id('t233:acme-on'), tests.get_org_id('t233-acme'), 'T233 acme active', true),
    (tests.id('t233:acme-off'), tests.get_org_id('t233-acme'), 'T233 acme retired', false),
    (tests.id('t233:globex-on'), tests.get_org_id('t233-globex'), 'T233 globex active', true),
    (tests.id('t233:globex-off'), tests.get_org_id('t233-globex'), 'T233 globex retired', false);
end
$$;

-- What the caller reads of this file's rows: organizations, teams, badges.
create function pg_temp.t233_seen() returns text
language sql
as $$
  select concat_ws(
    ' / ',
    (select count(*) from public.organizations where id = any(tests.fixture_org_ids())),
    (select count(*) from public.teams where id in (tests.id('t233:acme-team'), tests.id('t233:globex-team'))),
    (
      select count(*) from public.custom_badges
      where id in (tests.id('t233:acme-on'), tests.id('t233:acme-off'), tests.id('t233:globex-on'),
        tests.id('t233:globex-off'))
    )
  )
$$;

-- Members -------------------------------------------------------------------------------------

select tests.authenticate_as('t233-lena');
select is(pg_temp.t233_seen(), '1 / 1 / 1', 'a learner reads her organization, its team and its active badge');
select is_empty(
  $$select 1 from public.custom_badges where id = tests.id('t233:acme-off')$$,
  'a learner does not read her organization''s retired badge'
);
select is_empty(
  $$select 1 from public.organizations where id = tests.get_org_id('t233-globex')$$,
  'a learner filtering on another organization reads nothing'
);
select is_empty(
  $$select 1 from public.teams where organization_id = tests.get_org_id('t233-globex')$$,
  'a learner reads no team of another organization'
);
select tests.clear_authentication();

select tests.authenticate_as('t233-olga');
select is(pg_temp.t233_seen(), '1 / 1 / 2', 'an org admin also reads her organization''s retired badge');
select is_empty(
  $$select 1 from public.custom_badges where organization_id = tests.get_org_id('t233-globex')$$,
  'an org admin reads no badge of another organization'
);
select tests.clear_authentication();

select tests.authenticate_as('t233-gus');
select is(pg_temp.t233_seen(), '1 / 1 / 1', 'globex''s learner reads globex''s organization, team, active badge');
select is_empty(
  $$select 1 from public.teams where id = tests.id('t233:acme-team')$$, 'and not acme''s team'
);
select tests.clear_authentication();

-- Super admin, anon, service role -----------------------------------------------------------

select tests.authenticate_as('t233-sam');
select is(pg_temp.t233_seen(), '2 / 2 / 4', 'a super admin reads every organization, team and badge');
select is(
  (select private.super_admin_floor()), '00000000-0000-0000-0000-000000000000'::uuid,
  'super_admin_floor() is the smallest uuid for a super admin'
);
select tests.clear_authentication();

select tests.authenticate_as_anon();
select throws_ok($$select 1 from public.organizations$$, '42501', null, 'anon cannot read organizations (42501)');
select throws_ok($$select 1 from public.teams$$, '42501', null, 'anon cannot read teams (42501)');
select throws_ok($$select 1 from public.custom_badges$$, '42501', null, 'anon cannot read badges (42501)');
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select is(pg_temp.t233_seen(), '2 / 2 / 4', 'the service role reads every row');
select tests.clear_authentication();

-- Soft deletion ------------------------------------------------------------------------------

update public.organizations set deleted_at = now()
where id = tests.get_org_id('t233-acme');
select tests.authenticate_as('t233-olga');
select is(pg_temp.t233_seen(), '0 / 0 / 0', 'the org admin of a soft-deleted organization reads none of its rows');
select tests.clear_authentication();
select tests.authenticate_as('t233-lena');
select is(pg_temp.t233_seen(), '0 / 0 / 0', 'nor does its learner');
select tests.clear_authentication();
select tests.authenticate_as('t233-sam');
select is(pg_temp.t233_seen(), '2 / 2 / 4', 'a super admin still reads the soft-deleted organization and its rows');
select tests.clear_authentication();
update public.organizations set deleted_at = null
where id = tests.get_org_id('t233-acme');

update public.profiles set deleted_at = now()
where id = tests.get_user_id('t233-lena');
select tests.authenticate_as('t233-lena');
select is(pg_temp.t233_seen(), '0 / 0 / 0', 'a soft-deleted learner reads nothing of her organization');
select tests.clear_authentication();

update public.profiles set deleted_at = now()
where id = tests.get_user_id('t233-sam');
select tests.authenticate_as('t233-sam');
select is(pg_temp.t233_seen(), '0 / 0 / 0', 'a soft-deleted super admin reads nothing');
select is((select private.super_admin_floor()), null, 'super_admin_floor() is null for a soft-deleted super admin');
select tests.clear_authentication();

update public.profiles set role = 'learner', deleted_at = null
where id = tests.get_user_id('t233-sam');
select tests.authenticate_as('t233-sam');
select is(pg_temp.t233_seen(), '0 / 0 / 0', 'a super admin made learner (in no organization) reads nothing');
select tests.clear_authentication();

-- The shape: no bare-boolean super_admin arm in the read policies --------------------------

select is_empty(
  $$select tablename from pg_catalog.pg_policies
    where schemaname = 'public' and tablename in ('organizations', 'teams', 'custom_badges') and cmd = 'SELECT'
      and qual ~ 'is_super_admin'$$,
  'the read policies of organizations, teams and custom_badges have no bare-boolean super_admin arm'
);
select ok(
  (select count(*) = 3 from pg_catalog.pg_policies
    where schemaname = 'public' and tablename in ('organizations', 'teams', 'custom_badges') and cmd = 'SELECT'
      and qual ~ 'super_admin_floor'),
  'each gives super_admin its rows through super_admin_floor()'
);
select ok(
  (select count(*) = 1 from pg_catalog.pg_indexes
    where schemaname = 'public' and tablename = 'custom_badges' and indexname = 'idx_custom_badges_organization'
      and indexdef !~ ' WHERE '),
  'custom_badges has a full index on organization_id for its organization arm (026)'
);

select * from finish();
rollback;
