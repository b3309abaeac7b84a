/*
  Invitations and the member lifecycle: invite_member, revoke_invitation,
  reissue_invitation, accept_invitation and the join on a confirmed email
  (auth.users trigger); change_member_role, move_member_to_team,
  remove_member, leave_organization, seat_usage. Role by role and across
  organizations; seats_used equals the assigned seats after every path.
  The races (one invitation accepted twice at once, two admins demoting each
  other) need two connections: tests/test_concurrent_members.py.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(70);

do $$
declare
  o text;
begin
  perform tests.create_org('acme');
  perform tests.create_org('globex');
  perform tests.create_org('solo');
  perform tests.create_user('admin', 'org_admin', 'acme');
  perform tests.create_user('admin2', 'org_admin', 'acme');
  perform tests.create_user('learner', 'learner', 'acme');
  perform tests.create_user('leaver', 'learner', 'acme');
  perform tests.create_user('compliance', 'compliance_officer', 'acme');
  perform tests.create_user('g_admin', 'org_admin', 'globex');
  perform tests.create_user('g_learner', 'learner', 'globex');
  perform tests.create_user('solo_admin', 'org_admin', 'solo');
  perform tests.create_user('loner', 'learner');
  insert into public.teams (id, organization_id, name) values
    (tests.id('team:acme'), tests.get_org_id('acme'), 'Acme team'),
    (tests.id('team:globex'), tests.get_org_id('globex'), 'Globex team');
  foreach o in array array['acme', 'globex'] loop
    insert into public.subscriptions (
      id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, plan_tier, plan_name,
      billing_interval, seat_count, amount_cents, status, current_period_start, current_period_end
    ) values (
      tests.id('sub:' || o), tests.get_org_id(o), tests.name('sub_' || o), tests.name('cus_' || o), 'price_x',
      'professional', 'Professional', 'month', 4, 0, 'active', now(), now() + interval '1 month'
    );
    perform private.fit_seats_to_count(tests.id('sub:' || o), 4);
  end loop;
end
$$;

-- Seats are consistent: seats_used is the number of assigned seats, never past seat_count.
create or replace function tests.seats_consistent(p_org text) returns boolean
language sql
stable
as $$
  select s.seats_used = (select count(*) from public.subscription_seats ss where ss.subscription_id = s.id
    and ss.status in ('assigned', 'active')) and s.seats_used <= s.seat_count
    and not exists (select from public.profiles p join public.subscription_seats ss on ss.id = p.seat_id
      where ss.organization_id <> p.organization_id
        or p.organization_id is null and p.id = any(tests.fixture_user_ids()))
  from public.subscriptions s where s.organization_id = tests.get_org_id(p_org)
$$;

create temporary table tokens (name text primary key, invitation_id uuid, token text) on commit drop;
grant select, insert, update on tokens to authenticated;

-- The learner gets a seat the ordinary way.
do $$
begin
  perform tests.authenticate_as('admin');
  perform public.assign_seat((select id from public.subscription_seats where organization_id = tests.get_org_id('acme')
    and status = 'available' order by id limit 1), tests.get_user_id('learner'));
  perform tests.clear_authentication();
end
$$;

-- invite_member: who may -------------------------------------------------------------------------

select tests.authenticate_as_anon();
select throws_ok($$select public.invite_member('x@y.test')$$, '42501', null, 'anon cannot invite');
select tests.clear_authentication();
select tests.authenticate_as('learner');
select throws_ok(
  format('select public.invite_member(%L)', tests.get_user_email('newbie')), '42501',
  'only an organization admin may invite members', 'a learner cannot invite'
);
select tests.clear_authentication();
select tests.authenticate_as('compliance');
select throws_ok(
  format('select public.invite_member(%L)', tests.get_user_email('newbie')), '42501',
  'only an organization admin may invite members', 'a compliance officer cannot invite'
);
select tests.clear_authentication();

-- invite_member: input and conflicts ---------------------------------------------------------------

select tests.authenticate_as('admin');
select throws_ok($$select public.invite_member('not-an-address')$$, '22023', 'p_email must be an email address',
  'a bad address is refused');
select throws_ok(
  format('select public.invite_member(%L, %L)', tests.get_user_email('newbie'), 'educator'), '22023',
  'p_role must be one of org_admin, learner, viewer, guest', 'a role beyond the organization is refused'
);
select throws_ok(
  format('select public.invite_member(%L, %L, %L)', tests.get_user_email('newbie'), 'learner', tests.id('team:globex')),
  'P0002', 'team not found', 'another organization''s team is not found'
);
insert into tokens
select 'newbie', (r ->> 'invitation_id')::uuid, r ->> 'token'
from (select public.invite_member(upper(tests.get_user_email('newbie')), 'viewer', tests.id('team:acme')) as r) as x;
select ok((select token ~ '^[0-9a-f]{64}$' from tokens
where name = 'newbie'), 'an invitation returns a 64-hex token');
select tests.clear_authentication();

select results_eq(
  $$select i.email, i.role, i.status, i.token_hash = sha256(convert_to(t.token, 'UTF8')),
      position(t.token in row_to_json(i)::text) = 0, i.expires_at > now() + interval '6 days'
    from public.invitations i join tokens t on t.invitation_id = i.id where t.name = 'newbie'$$,
  $$select lower(tests.get_user_email('newbie')), 'viewer'::text, 'pending'::text, true, true, true$$,
  'stored: the address lower-cased, the role, pending; the token only as its SHA-256; 7 days'
);
select results_eq(
  $$select ss.assigned_to_email, ss.status, ss.assigned_to_user_id is null from public.subscription_seats ss
    join public.invitations i on i.seat_id = ss.id join tokens t on t.invitation_id = i.id where t.name = 'newbie'$$,
  $$select tests.get_user_email('newbie'), 'available'::text, true$$,
  'a seat is reserved for the address'
);
select ok(tests.seats_consistent('acme'), 'seats consistent after an invitation');

select tests.authenticate_as('admin');
select throws_ok(
  format('select public.invite_member(%L)', tests.get_user_email('newbie')), '23505',
  'this address already has a pending invitation', 'a second pending invitation for the address is refused'
);
select throws_ok(
  format('select public.invite_member(%L)', tests.get_user_email('learner')), '23505',
  'this address is already a member of your organization', 'a member is not invited'
);
select throws_ok(
  format('select public.invite_member(%L)', tests.get_user_email('g_learner')), '23505',
  'this address belongs to another organization', 'another organization''s member is not invited'
);
select tests.clear_authentication();
select tests.authenticate_as('g_admin');
select throws_ok(
  format('select public.invite_member(%L)', tests.get_user_email('newbie')), '23505',
  'this address already has a pending invitation', 'nor invited by another organization while pending'
);
select tests.clear_authentication();

-- No seat free ---------------------------------------------------------------------------------

select tests.authenticate_as('admin');
insert into tokens
select 'loner', (r ->> 'invitation_id')::uuid, r ->> 'token'
from (select public.invite_member(tests.get_user_email('loner')) as r) as x;
insert into tokens
select 'third', (r ->> 'invitation_id')::uuid, r ->> 'token'
from (select public.invite_member(tests.get_user_email('third')) as r) as x;
select throws_ok(
  format('select public.invite_member(%L)', tests.get_user_email('fourth')), '23505',
  'no seat is free: all 4 seats are assigned or reserved', 'the fifth seat does not exist'
);
select results_eq(
  $$select * from public.seat_usage()$$,
  $$values (4, 1, 3, 0, 0, 0)$$,
  'seat_usage: 4 bought, 1 assigned, 3 reserved, none available'
);
select throws_ok(
  format('select public.assign_seat(%L, %L)', (
    select i.seat_id from public.invitations as i
    where i.id = (select t.invitation_id from tokens as t
where t.name = 'third')
  ), tests.get_user_id('admin')),
  '23505', 'seat is reserved for an invitation', 'assign_seat does not take a reserved seat'
);
select tests.clear_authentication();

-- An expired invitation never blocks a re-invite -------------------------------------------------

update public.invitations set expires_at = now() - interval '1 minute'
where id = (select invitation_id from tokens
where name = 'third');
select tests.authenticate_as('admin');
select ok(
  (public.invite_member(tests.get_user_email('third')) ->> 'token') is not null,
  'an address whose invitation expired is invited again'
);
select tests.clear_authentication();
select results_eq(
  $$select status from public.invitations where email = tests.get_user_email('third') order by created_at, status$$,
  $$values ('expired'::text), ('pending'::text)$$,
  'the old invitation is expired, the new one pending'
);
select ok(tests.seats_consistent('acme'), 'seats consistent after an expiry and a re-invite');

-- revoke_invitation -----------------------------------------------------------------------------

select tests.authenticate_as('g_admin');
select throws_ok(
  format('select public.revoke_invitation(%L)', (select invitation_id from tokens
where name = 'loner')), 'P0002',
  'invitation not found', 'another organization''s admin cannot revoke it'
);
select tests.clear_authentication();
select tests.authenticate_as('learner');
select throws_ok(
  format('select public.revoke_invitation(%L)', (select invitation_id from tokens
where name = 'loner')), '42501',
  'only an organization admin may revoke invitations', 'a learner cannot revoke'
);
select tests.clear_authentication();

-- Joining only with a confirmed email --------------------------------------------------------------

insert into auth.users (id, email, raw_user_meta_data, role, aud)
values (tests.get_user_id('newbie'), tests.get_user_email('newbie'), '{}', 'authenticated', 'authenticated');
insert into tests.fixtures (kind, id) values ('user', tests.get_user_id('newbie'));
select results_eq(
  $$select organization_id is null, seat_id is null from public.profiles where id = tests.get_user_id('newbie')$$,
  $$values (true, true)$$,
  'an unconfirmed sign-up with the invited address joins nothing'
);
select tests.authenticate_as('newbie');
select throws_ok(
  format('select public.accept_invitation(%L)', (select token from tokens
where name = 'newbie')), '42501',
  'confirm your email address first', 'nor can it accept the invitation'
);
select tests.clear_authentication();
update auth.users set email_confirmed_at = now()
where id = tests.get_user_id('newbie');
select results_eq(
  $$select p.organization_id = tests.get_org_id('acme'), p.team_id = tests.id('team:acme'), p.role,
      ss.status, ss.assigned_to_user_id = p.id, p.subscription_tier
    from public.profiles p join public.subscription_seats ss on ss.id = p.seat_id
    where p.id = tests.get_user_id('newbie')$$,
  $$values (true, true, 'viewer'::text, 'assigned'::text, true, 'professional'::text)$$,
  'confirming the email lands them in the organization, team and role of the invitation, with the reserved seat'
);
select is(
  (
    select i.status from public.invitations as i
    where i.id = (select t.invitation_id from tokens as t
where t.name = 'newbie')
  ),
  'accepted', 'the invitation is consumed'
);
select ok(tests.seats_consistent('acme'), 'seats consistent after a join on confirmation');
select tests.authenticate_as('newbie');
select is(
  public.accept_invitation((select token from tokens
where name = 'newbie')) ->> 'role', 'viewer',
  'accepting the consumed invitation again answers the same'
);
select tests.clear_authentication();

-- accept_invitation by a confirmed user who existed before the invitation -----------------------

select tests.authenticate_as('g_learner');
select throws_ok(
  format('select public.accept_invitation(%L)', (select token from tokens
where name = 'loner')), 'P0002',
  'invitation not found', 'another address cannot redeem the token'
);
select throws_ok($$select public.accept_invitation('abc')$$, '22023',
  'p_token must be the 64-character token of the invitation link', 'a malformed token is refused');
select tests.clear_authentication();

-- reissue: the old token dies.
select tests.authenticate_as('admin');
update tokens set token = (public.reissue_invitation(invitation_id) ->> 'token') || ':' || token
where name = 'loner';
select tests.clear_authentication();
select tests.authenticate_as('loner');
select throws_ok(
  format('select public.accept_invitation(%L)', (select split_part(token, ':', 2) from tokens
where name = 'loner')),
  'P0002', 'invitation not found', 'the token before the reissue is dead'
);
select is(
  public.accept_invitation((select split_part(token, ':', 1) from tokens
where name = 'loner')),
  jsonb_build_object('organization_id', tests.get_org_id('acme'), 'team_id', null, 'role', 'learner'),
  'the reissued token joins the organization'
);
select tests.clear_authentication();
select results_eq(
  $$select organization_id = tests.get_org_id('acme'), seat_id is not null from public.profiles
    where id = tests.get_user_id('loner')$$,
  $$values (true, true)$$, 'with a seat'
);
select ok(tests.seats_consistent('acme'), 'seats consistent after accept_invitation');

-- revoke: the seat frees, the token dies.
select tests.authenticate_as('admin');
select lives_ok(
  format('select public.revoke_invitation(%L)', (select id from public.invitations
where email
    = tests.get_user_email('third') and status = 'pending')),
  'the admin revokes a pending invitation'
);
select throws_ok(
  format('select public.revoke_invitation(%L)', (select id from public.invitations
where email
    = tests.get_user_email('third') and status = 'revoked')),
  '22023', 'the invitation is not pending (status revoked)', 'revoking twice is refused'
);
select results_eq(
  $$select * from public.seat_usage()$$,
  $$values (4, 3, 0, 0, 1, 0)$$,
  'seat_usage after: 3 assigned, none reserved, 1 available'
);
select tests.clear_authentication();

-- Invitations are read by the admins of their organization only, never their token hash --------------

select tests.authenticate_as('g_admin');
select is((select count(*)::int from public.invitations
where organization_id = tests.get_org_id('acme')), 0,
  'another organization''s admin reads none of them');
select tests.clear_authentication();
select tests.authenticate_as('learner');
select is((select count(*)::int from public.invitations), 0, 'a learner reads none');
select tests.clear_authentication();
select tests.authenticate_as('admin');
select ok((select count(*) >= 4 from public.invitations
where organization_id = tests.get_org_id('acme')),
  'the admin reads their organization''s');
select throws_ok($$select token_hash from public.invitations$$, '42501', null, 'but never the token hash');
select tests.clear_authentication();

-- change_member_role ---------------------------------------------------------------------------------

select tests.authenticate_as('admin');
select throws_ok(
  format('select public.change_member_role(%L, %L)', tests.get_user_id('learner'), 'analyst'), '22023',
  'p_role must be one of org_admin, learner, viewer, guest', 'a role beyond the organization is refused'
);
select throws_ok(
  format('select public.change_member_role(%L, %L)', tests.get_user_id('compliance'), 'learner'), '42501',
  'only a super admin changes the role of a compliance_officer', 'a compliance officer''s role is not the admin''s'
);
select throws_ok(
  format('select public.change_member_role(%L, %L)', tests.get_user_id('admin'), 'learner'), '42501',
  'an org admin cannot change their own role', 'not their own role'
);
select throws_ok(
  format('select public.change_member_role(%L, %L)', tests.get_user_id('g_learner'), 'viewer'), 'P0002',
  'member not found', 'another organization''s member is not found'
);
select lives_ok(
  format('select public.change_member_role(%L, %L)', tests.get_user_id('learner'), 'guest'),
  'the admin makes a learner a guest'
);
select lives_ok(
  format('select public.change_member_role(%L, %L)', tests.get_user_id('admin2'), 'learner'),
  'and demotes the other org admin'
);
select tests.clear_authentication();
select results_eq(
  $$select role from public.profiles where id in (tests.get_user_id('learner'), tests.get_user_id('admin2'))
    order by email$$,
  $$values ('learner'::text), ('guest'::text)$$, 'the roles changed'
);
select ok(
  exists (select from public.audit_logs
where resource_id = tests.get_user_id('admin2') and action = 'role_change'),
  'the demotion is audited'
);
select tests.authenticate_as('admin2');
select throws_ok(
  format('select public.change_member_role(%L, %L)', tests.get_user_id('admin'), 'learner'), '42501',
  'only an organization admin may change member roles', 'a demoted admin can no longer demote'
);
select tests.clear_authentication();

-- The last org admin ----------------------------------------------------------------------------------

select tests.authenticate_as('solo_admin');
select throws_ok($$select public.leave_organization()$$, '23505', 'the organization must keep at least one org admin',
  'the last org admin cannot leave');
select tests.clear_authentication();
select tests.authenticate_as('admin');
select throws_ok($$select public.remove_member(auth.uid())$$, '22023', 'you cannot remove yourself',
  'an admin does not remove themselves');
select tests.clear_authentication();

-- move_member_to_team ---------------------------------------------------------------------------------

select tests.authenticate_as('admin');
select throws_ok(
  format('select public.move_member_to_team(%L, %L)', tests.get_user_id('learner'), tests.id('team:globex')),
  'P0002', 'team not found', 'not into another organization''s team'
);
select lives_ok(
  format('select public.move_member_to_team(%L, %L)', tests.get_user_id('learner'), tests.id('team:acme')),
  'into their own organization''s team'
);
select tests.clear_authentication();
select results_eq(
  $$select p.team_id = tests.id('team:acme'), ss.team_id = tests.id('team:acme') from public.profiles p
    join public.subscription_seats ss on ss.id = p.seat_id where p.id = tests.get_user_id('learner')$$,
  $$values (true, true)$$, 'the member and their seat moved'
);
select ok(
  exists (
    select from public.audit_logs
    where
      resource_id = tests.get_user_id('learner') and action = 'team_change'
      and changes -> 'team_id' ->> 'new' = tests.id('team:acme')::text
  ),
  'the move is audited'
);
select tests.authenticate_as('learner');
select throws_ok(
  format('select public.move_member_to_team(%L, null)', tests.get_user_id('leaver')), '42501',
  'only an organization admin may move members', 'a member cannot move others'
);
select tests.clear_authentication();

-- remove_member and leave_organization -------------------------------------------------------------------

select tests.authenticate_as('g_admin');
select throws_ok(
  format('select public.remove_member(%L)', tests.get_user_id('learner')), 'P0002', 'member not found',
  'another organization''s admin cannot remove a member'
);
select tests.clear_authentication();
select tests.authenticate_as('admin');
select lives_ok(format('select public.remove_member(%L)', tests.get_user_id('learner')), 'the admin removes a member');
select tests.clear_authentication();
select results_eq(
  $$select organization_id is null, team_id is null, seat_id is null, role, subscription_tier
    from public.profiles where id = tests.get_user_id('learner')$$,
  $$values (true, true, true, 'learner'::text, 'free'::text)$$,
  'the removed member: no organization, team or seat; guest back to learner; free tier; profile kept'
);
select ok(tests.seats_consistent('acme'), 'seats consistent after a removal');

select tests.authenticate_as('leaver');
select lives_ok($$select public.leave_organization()$$, 'a learner leaves');
select throws_ok($$select public.leave_organization()$$, 'P0002', 'you do not belong to an organization',
  'leaving twice is not found');
select tests.clear_authentication();
select ok(tests.seats_consistent('acme'), 'seats consistent after leaving');

-- seat_usage: who may ---------------------------------------------------------------------------------

select tests.authenticate_as('compliance');
select throws_ok($$select * from public.seat_usage()$$, '42501', 'only an organization admin may read seat usage',
  'a compliance officer does not read seat usage');
select tests.clear_authentication();
select tests.authenticate_as('g_admin');
select results_eq($$select bought, assigned, reserved from public.seat_usage()$$, $$values (4, 0, 0)$$,
  'an admin reads their own organization''s seats only');
select tests.clear_authentication();
select tests.authenticate_as('admin');
select results_eq($$select * from public.seat_usage()$$, $$values (4, 2, 0, 0, 2, 0)$$,
  'acme after every path: 2 assigned (newbie, loner), 2 available');
select tests.clear_authentication();
select results_eq(
  $$select seats_used from public.subscriptions where organization_id = tests.get_org_id('acme')$$,
  $$values (2)$$, 'seats_used is 2'
);

-- Direct client updates keep an org admin too ------------------------------------------------------------

select tests.authenticate_as('g_admin');
select throws_ok(
  format('update public.profiles set role = %L where id = %L', 'learner', tests.get_user_id('g_admin')),
  '42501', null, 'an admin cannot demote themselves directly (guard)'
);
select tests.clear_authentication();
select ok(
  exists (select from pg_trigger
where tgname = 'keep_an_org_admin' and tgrelid = 'public.profiles'::regclass),
  'the last-admin trigger is in place for direct updates (raced in tests/test_concurrent_members.py)'
);

select * from finish();
rollback;
