/*
  subscription_seats and the seat RPCs: a user reads their own seat, an
  org_admin reads their organization's seats; no client writes the table;
  an org_admin assigns and revokes seats of their own organization with
  assign_seat() and revoke_seat(), never past subscriptions.seat_count,
  keeping seats_used and profiles.seat_id in step.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(94);

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

-- Billing for both organizations: a subscription, an invoice, a card and a usage row.
do $$
declare
  o text;
begin
  foreach o in array array['acme', 'globex'] loop
    insert into public.subscriptions (
      id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
      plan_tier, plan_name, billing_interval, seat_count, amount_cents, status,
      current_period_start, current_period_end
    ) values (
      tests.id('sub:' || o), tests.get_org_id(o), 'sub_' || o, 'cus_' || o, 'price_pro',
      'professional', 'Professional - Annual', 'year', 2, 199900, 'active',
      now(), now() + interval '1 year'
    );
    insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
      period_start, period_end)
    values (tests.id('sub:' || o), tests.get_org_id(o), 'in_' || o, 199900, 'paid', current_date, current_date + 365);
    insert into public.payment_methods (organization_id, stripe_payment_method_id, stripe_customer_id, card_brand,
      card_last4, is_default)
    values (tests.get_org_id(o), 'pm_' || o, 'cus_' || o, 'visa', '4242', true);
    insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
      period_end)
    values (tests.get_org_id(o), tests.id('sub:' || o), 'api_calls', 1200, 'count', current_date, current_date + 30);
  end loop;
end
$$;


-- Seats: acme's subscription allows 2 seats and has 3 seat rows; s1 is the
-- learner's. globex has one seat, the globex learner's.
insert into public.subscription_seats (id, subscription_id, organization_id, assigned_to_user_id, assigned_at,
  status) values
(tests.id('seat:s1'), tests.id('sub:acme'), tests.get_org_id('acme'), tests.get_user_id('learner'), now(), 'assigned'),
(tests.id('seat:s2'), tests.id('sub:acme'), tests.get_org_id('acme'), null, null, 'available'),
(tests.id('seat:s3'), tests.id('sub:acme'), tests.get_org_id('acme'), null, null, 'available'),
(tests.id('seat:g1'), tests.id('sub:globex'), tests.get_org_id('globex'), tests.get_user_id('g_learner'), now(),
  'assigned');
update public.profiles set seat_id = tests.id('seat:s1')
where id = tests.get_user_id('learner');
update public.profiles set seat_id = tests.id('seat:g1')
where id = tests.get_user_id('g_learner');
update public.subscriptions set seats_used = 1;

-- Reads ---------------------------------------------------------------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$select count(*)::int from public.subscription_seats$$,
  '42501', null,
  'anon cannot read seats (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('super');
select results_eq(
  $$select count(*)::int from public.subscription_seats$$,
  array[0],
  'a super admin holds no seat and reads none'
);
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select results_eq(
  $$select count(*)::int from public.subscription_seats$$,
  array[0],
  'a compliance officer holds no seat and reads none'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select results_eq(
  $$select count(*)::int from public.subscription_seats$$,
  array[3],
  'an org admin reads every seat of own organization'
);
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select results_eq(
  $$select count(*)::int from public.subscription_seats$$,
  array[0],
  'an analyst holds no seat and reads none'
);
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select results_eq(
  $$select count(*)::int from public.subscription_seats$$,
  array[0],
  'an investigator holds no seat and reads none'
);
select tests.clear_authentication();

select tests.authenticate_as('educator');
select results_eq(
  $$select count(*)::int from public.subscription_seats$$,
  array[0],
  'an educator holds no seat and reads none'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select results_eq(
  $$select count(*)::int from public.subscription_seats$$,
  array[1],
  'a learner reads only their own seat'
);
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select results_eq(
  $$select count(*)::int from public.subscription_seats$$,
  array[0],
  'a viewer holds no seat and reads none'
);
select tests.clear_authentication();

select tests.authenticate_as('guest');
select results_eq(
  $$select count(*)::int from public.subscription_seats$$,
  array[0],
  'a guest holds no seat and reads none'
);
select tests.clear_authentication();

select tests.authenticate_as('g_admin');
select results_eq(
  $$select count(*)::int from public.subscription_seats$$,
  array[1],
  'an org admin of globex reads every seat of own organization, and no other'
);
select tests.clear_authentication();

select tests.authenticate_as('g_compliance');
select results_eq(
  $$select count(*)::int from public.subscription_seats$$,
  array[0],
  'a compliance officer of globex holds no seat and reads none'
);
select tests.clear_authentication();

select tests.authenticate_as('g_learner');
select results_eq(
  $$select count(*)::int from public.subscription_seats$$,
  array[1],
  'a learner of globex reads only their own seat'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select is_empty(
  $$select 1 from public.subscription_seats where organization_id = tests.get_org_id('globex')$$,
  'an org admin reads no seat of another organization'
);
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select results_eq(
  $$select count(*)::int from public.subscription_seats where organization_id = any(tests.fixture_org_ids())$$,
  array[4],
  'the service role reads every seat'
);
select tests.clear_authentication();

-- Direct writes: nobody but the service role ----------------------------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$insert into public.subscription_seats (subscription_id, organization_id) values (tests.id('sub:acme'),
    tests.get_org_id('acme'))$$,
  '42501', null,
  'anon cannot insert a seat (raises 42501)'
);
select throws_ok(
  $$update public.subscription_seats set assigned_to_user_id = tests.get_user_id('viewer'), status = 'assigned'$$,
  '42501', null,
  'anon cannot assign a seat by updating it (raises 42501)'
);
select throws_ok($$delete from public.subscription_seats$$, '42501', null, 'anon cannot delete a seat (raises 42501)');
select tests.clear_authentication();

select tests.authenticate_as('super');
select throws_ok(
  $$insert into public.subscription_seats (subscription_id, organization_id) values (tests.id('sub:acme'),
    tests.get_org_id('acme'))$$,
  '42501', null,
  'a super admin cannot insert a seat (raises 42501)'
);
select throws_ok(
  $$update public.subscription_seats set assigned_to_user_id = tests.get_user_id('super'), status = 'assigned'$$,
  '42501', null,
  'a super admin cannot assign a seat by updating it (raises 42501)'
);
select throws_ok(
  $$delete from public.subscription_seats$$,
  '42501', null,
  'a super admin cannot delete a seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select throws_ok(
  $$insert into public.subscription_seats (subscription_id, organization_id) values (tests.id('sub:acme'),
    tests.get_org_id('acme'))$$,
  '42501', null,
  'a compliance officer cannot insert a seat (raises 42501)'
);
select throws_ok(
  $$update public.subscription_seats set assigned_to_user_id = tests.get_user_id('compliance'), status = 'assigned'$$,
  '42501', null,
  'a compliance officer cannot assign a seat by updating it (raises 42501)'
);
select throws_ok(
  $$delete from public.subscription_seats$$,
  '42501', null,
  'a compliance officer cannot delete a seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select throws_ok(
  $$insert into public.subscription_seats (subscription_id, organization_id) values (tests.id('sub:acme'),
    tests.get_org_id('acme'))$$,
  '42501', null,
  'an org admin cannot insert a seat (raises 42501)'
);
select throws_ok(
  $$update public.subscription_seats set assigned_to_user_id = tests.get_user_id('orgadmin'), status = 'assigned'$$,
  '42501', null,
  'an org admin cannot assign a seat by updating it (raises 42501)'
);
select throws_ok(
  $$delete from public.subscription_seats$$,
  '42501', null,
  'an org admin cannot delete a seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select throws_ok(
  $$insert into public.subscription_seats (subscription_id, organization_id) values (tests.id('sub:acme'),
    tests.get_org_id('acme'))$$,
  '42501', null,
  'an analyst cannot insert a seat (raises 42501)'
);
select throws_ok(
  $$update public.subscription_seats set assigned_to_user_id = tests.get_user_id('analyst'), status = 'assigned'$$,
  '42501', null,
  'an analyst cannot assign a seat by updating it (raises 42501)'
);
select throws_ok(
  $$delete from public.subscription_seats$$,
  '42501', null,
  'an analyst cannot delete a seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select throws_ok(
  $$insert into public.subscription_seats (subscription_id, organization_id) values (tests.id('sub:acme'),
    tests.get_org_id('acme'))$$,
  '42501', null,
  'an investigator cannot insert a seat (raises 42501)'
);
select throws_ok(
  $$update public.subscription_seats set assigned_to_user_id = tests.get_user_id('investigator'), status = 'assigned'$$,
  '42501', null,
  'an investigator cannot assign a seat by updating it (raises 42501)'
);
select throws_ok(
  $$delete from public.subscription_seats$$,
  '42501', null,
  'an investigator cannot delete a seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('educator');
select throws_ok(
  $$insert into public.subscription_seats (subscription_id, organization_id) values (tests.id('sub:acme'),
    tests.get_org_id('acme'))$$,
  '42501', null,
  'an educator cannot insert a seat (raises 42501)'
);
select throws_ok(
  $$update public.subscription_seats set assigned_to_user_id = tests.get_user_id('educator'), status = 'assigned'$$,
  '42501', null,
  'an educator cannot assign a seat by updating it (raises 42501)'
);
select throws_ok(
  $$delete from public.subscription_seats$$,
  '42501', null,
  'an educator cannot delete a seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select throws_ok(
  $$insert into public.subscription_seats (subscription_id, organization_id) values (tests.id('sub:acme'),
    tests.get_org_id('acme'))$$,
  '42501', null,
  'a learner cannot insert a seat (raises 42501)'
);
select throws_ok(
  $$update public.subscription_seats set assigned_to_user_id = tests.get_user_id('learner'), status = 'assigned'$$,
  '42501', null,
  'a learner cannot assign a seat by updating it (raises 42501)'
);
select throws_ok(
  $$delete from public.subscription_seats$$,
  '42501', null,
  'a learner cannot delete a seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select throws_ok(
  $$insert into public.subscription_seats (subscription_id, organization_id) values (tests.id('sub:acme'),
    tests.get_org_id('acme'))$$,
  '42501', null,
  'a viewer cannot insert a seat (raises 42501)'
);
select throws_ok(
  $$update public.subscription_seats set assigned_to_user_id = tests.get_user_id('viewer'), status = 'assigned'$$,
  '42501', null,
  'a viewer cannot assign a seat by updating it (raises 42501)'
);
select throws_ok(
  $$delete from public.subscription_seats$$,
  '42501', null,
  'a viewer cannot delete a seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('guest');
select throws_ok(
  $$insert into public.subscription_seats (subscription_id, organization_id) values (tests.id('sub:acme'),
    tests.get_org_id('acme'))$$,
  '42501', null,
  'a guest cannot insert a seat (raises 42501)'
);
select throws_ok(
  $$update public.subscription_seats set assigned_to_user_id = tests.get_user_id('guest'), status = 'assigned'$$,
  '42501', null,
  'a guest cannot assign a seat by updating it (raises 42501)'
);
select throws_ok(
  $$delete from public.subscription_seats$$,
  '42501', null,
  'a guest cannot delete a seat (raises 42501)'
);
select tests.clear_authentication();

-- assign_seat / revoke_seat: who may call them ---------------------------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s2'), tests.get_user_id('viewer'))$$,
  '42501', null,
  'anon cannot call assign_seat (raises 42501)'
);
select throws_ok(
  $$select public.revoke_seat(tests.id('seat:s1'))$$,
  '42501', null,
  'anon cannot call revoke_seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('super');
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s2'), tests.get_user_id('viewer'))$$,
  '42501', null,
  'a super admin (not an org admin) cannot assign a seat (raises 42501)'
);
select throws_ok(
  $$select public.revoke_seat(tests.id('seat:s1'))$$,
  '42501', null,
  'a super admin (not an org admin) cannot revoke a seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s2'), tests.get_user_id('viewer'))$$,
  '42501', null,
  'a compliance officer (not an org admin) cannot assign a seat (raises 42501)'
);
select throws_ok(
  $$select public.revoke_seat(tests.id('seat:s1'))$$,
  '42501', null,
  'a compliance officer (not an org admin) cannot revoke a seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s2'), tests.get_user_id('viewer'))$$,
  '42501', null,
  'an analyst (not an org admin) cannot assign a seat (raises 42501)'
);
select throws_ok(
  $$select public.revoke_seat(tests.id('seat:s1'))$$,
  '42501', null,
  'an analyst (not an org admin) cannot revoke a seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s2'), tests.get_user_id('viewer'))$$,
  '42501', null,
  'an investigator (not an org admin) cannot assign a seat (raises 42501)'
);
select throws_ok(
  $$select public.revoke_seat(tests.id('seat:s1'))$$,
  '42501', null,
  'an investigator (not an org admin) cannot revoke a seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('educator');
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s2'), tests.get_user_id('viewer'))$$,
  '42501', null,
  'an educator (not an org admin) cannot assign a seat (raises 42501)'
);
select throws_ok(
  $$select public.revoke_seat(tests.id('seat:s1'))$$,
  '42501', null,
  'an educator (not an org admin) cannot revoke a seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s2'), tests.get_user_id('viewer'))$$,
  '42501', null,
  'a learner (not an org admin) cannot assign a seat (raises 42501)'
);
select throws_ok(
  $$select public.revoke_seat(tests.id('seat:s1'))$$,
  '42501', null,
  'a learner (not an org admin) cannot revoke a seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s2'), tests.get_user_id('viewer'))$$,
  '42501', null,
  'a viewer (not an org admin) cannot assign a seat (raises 42501)'
);
select throws_ok(
  $$select public.revoke_seat(tests.id('seat:s1'))$$,
  '42501', null,
  'a viewer (not an org admin) cannot revoke a seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('guest');
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s2'), tests.get_user_id('viewer'))$$,
  '42501', null,
  'a guest (not an org admin) cannot assign a seat (raises 42501)'
);
select throws_ok(
  $$select public.revoke_seat(tests.id('seat:s1'))$$,
  '42501', null,
  'a guest (not an org admin) cannot revoke a seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('g_compliance');
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s2'), tests.get_user_id('viewer'))$$,
  '42501', null,
  'a compliance officer of globex (not an org admin) cannot assign a seat (raises 42501)'
);
select throws_ok(
  $$select public.revoke_seat(tests.id('seat:s1'))$$,
  '42501', null,
  'a compliance officer of globex (not an org admin) cannot revoke a seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('g_learner');
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s2'), tests.get_user_id('viewer'))$$,
  '42501', null,
  'a learner of globex (not an org admin) cannot assign a seat (raises 42501)'
);
select throws_ok(
  $$select public.revoke_seat(tests.id('seat:s1'))$$,
  '42501', null,
  'a learner of globex (not an org admin) cannot revoke a seat (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('g_admin');
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s2'), tests.get_user_id('g_learner'))$$,
  'P0002',
  'seat not found',
  'an org admin of globex cannot assign an acme seat (P0002, as an unknown seat)'
);
select throws_ok(
  $$select public.revoke_seat(tests.id('seat:s1'))$$,
  'P0002',
  'seat not found',
  'an org admin of globex cannot revoke an acme seat (P0002, as an unknown seat)'
);
select tests.clear_authentication();

-- assign_seat / revoke_seat as the acme org admin ------------------------------------

select tests.authenticate_as('orgadmin');
select throws_ok(
  $$select public.assign_seat(null, tests.get_user_id('viewer'))$$,
  '22023', null,
  'assign_seat without a seat raises 22023'
);
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s2'), null)$$,
  '22023', null,
  'assign_seat without a user raises 22023'
);
select throws_ok(
  $$select public.assign_seat(gen_random_uuid(), tests.get_user_id('viewer'))$$,
  'P0002', null,
  'assign_seat of an unknown seat raises P0002'
);
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s2'), gen_random_uuid())$$,
  'P0002', null,
  'assign_seat to an unknown user raises P0002'
);
select throws_ok(
  $$select public.assign_seat(tests.id('seat:g1'), tests.get_user_id('viewer'))$$,
  'P0002',
  'seat not found',
  'assign_seat of another organization''s seat raises P0002, as an unknown seat'
);
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s2'), tests.get_user_id('g_learner'))$$,
  'P0002',
  'user not found',
  'assign_seat to a member of another organization raises P0002, as an unknown user'
);
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s1'), tests.get_user_id('viewer'))$$,
  '23505', null,
  'assign_seat of a seat already held raises 23505'
);
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s2'), tests.get_user_id('learner'))$$,
  '23505', null,
  'assign_seat to a user who already holds a seat raises 23505'
);
select lives_ok(
  $$select public.assign_seat(tests.id('seat:s2'), tests.get_user_id('viewer'))$$,
  'the org admin assigns an available seat to a member'
);
select lives_ok(
  $$select public.assign_seat(tests.id('seat:s2'), tests.get_user_id('viewer'))$$,
  'assigning the same seat to the same member again is a no-op'
);
select throws_ok(
  $$select public.assign_seat(tests.id('seat:s3'), tests.get_user_id('guest'))$$,
  '23505', 'all 2 seats of the subscription are in use',
  'a third assignment past seat_count 2 raises 23505'
);
select tests.clear_authentication();

select results_eq(
  $$select ss.status, ss.assigned_to_user_id = tests.get_user_id('viewer'),
    ss.assigned_by = tests.get_user_id('orgadmin'), p.seat_id = ss.id,
    s.seats_used from public.subscription_seats as ss inner join public.profiles as p on p.id
    = tests.get_user_id('viewer') inner join public.subscriptions as s on s.id = ss.subscription_id where ss.id
    = tests.id('seat:s2')$$,
  $$values ('assigned', true, true, true, 2)$$,
  'the assignment set the seat, the member''s profiles.seat_id and seats_used together'
);
select results_eq(
  $$select (select status from public.subscription_seats where id = tests.id('seat:s3')),
    (select seat_id from public.profiles where id = tests.get_user_id('guest')),
    (select seats_used from public.subscriptions where id = tests.id('sub:acme'))$$,
  $$values ('available', null::uuid, 2)$$,
  'the refused assignment wrote nothing'
);

select tests.authenticate_as('viewer');
select results_eq(
  $$select count(*)::int from public.subscription_seats$$,
  array[1],
  'the viewer now reads the seat assigned to her'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select throws_ok($$select public.revoke_seat(null)$$, '22023', null, 'revoke_seat without a seat raises 22023');
select throws_ok(
  $$select public.revoke_seat(gen_random_uuid())$$,
  'P0002', null,
  'revoke_seat of an unknown seat raises P0002'
);
select throws_ok(
  $$select public.revoke_seat(tests.id('seat:g1'))$$,
  'P0002',
  'seat not found',
  'revoke_seat of another organization''s seat raises P0002, as an unknown seat'
);
select throws_ok(
  $$select public.revoke_seat(tests.id('seat:s3'))$$,
  '22023', null,
  'revoke_seat of an available seat raises 22023'
);
select lives_ok($$select public.revoke_seat(tests.id('seat:s1'))$$, 'the org admin revokes the learner''s seat');
select lives_ok(
  $$select public.assign_seat(tests.id('seat:s3'), tests.get_user_id('guest'))$$,
  'with a seat free again, the guest gets one'
);
select tests.clear_authentication();

select results_eq(
  $$select (select status from public.subscription_seats where id = tests.id('seat:s1')),
    (select assigned_to_user_id from public.subscription_seats where id = tests.id('seat:s1')),
    (select seat_id from public.profiles where id = tests.get_user_id('learner')),
    (select seats_used from public.subscriptions where id = tests.id('sub:acme'))$$,
  $$values ('available', null::uuid, null::uuid, 2)$$,
  'revoking cleared the seat and the learner''s seat_id; seats_used is back to 2 after the guest''s seat'
);
select results_eq(
  $$select seats_used from public.subscriptions where id = tests.id('sub:globex')$$,
  $$values (1)$$,
  'the other organization''s seats were not touched'
);

select tests.authenticate_as('learner');
select results_eq(
  $$select count(*)::int from public.subscription_seats$$,
  array[0],
  'the learner no longer reads a seat'
);
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select lives_ok(
  $$insert into public.subscription_seats (subscription_id, organization_id) values (tests.id('sub:globex'),
    tests.get_org_id('globex'))$$,
  'the service role (Stripe webhook) adds a seat'
);
select results_eq(
  $$delete from public.subscription_seats where organization_id = tests.get_org_id('globex') and status = 'available'
    returning 1$$,
  $$values (1)$$,
  'the service role removes a seat'
);
select tests.clear_authentication();

select * from finish();
rollback;
