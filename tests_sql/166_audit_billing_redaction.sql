/*
  Finding 2 (issue 6): billing data through the audit log. Audit rows never
  hold Stripe identifiers, payment-method details or amounts in clear: the
  column is recorded as changed, its value "[redacted]"; a seat row names
  its holder by user id, never by email. A compliance_officer reading their
  organization's trail sees none of it.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(10);

do $$
begin
  perform tests.create_org('t166-acme');
  perform tests.create_user('t166-admin', 'org_admin', 't166-acme');
  perform tests.create_user('t166-officer', 'compliance_officer', 't166-acme');
  perform tests.create_user('t166-member', 'learner', 't166-acme');
end
$$;

-- Acting as the service role (Stripe webhooks)
select tests.authenticate_as_service_role();
select lives_ok(
  $$insert into public.subscriptions (
      id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
      plan_tier, plan_name, billing_interval, seat_count, amount_cents, status,
      current_period_start, current_period_end
    ) values (
      md5('t166:sub')::uuid, tests.get_org_id('t166-acme'), 'sub_t166secret', 'cus_t166secret', 'price_t166secret',
      'professional', 'Professional - Monthly', 'month', 3, 166000, 'active', now(), now() + interval '1 month'
    )$$,
  'the service role records a subscription'
);
select lives_ok(
  $$update public.subscriptions set amount_cents = 166500, stripe_price_id = 'price_t166other', seat_count = 4
    where id = md5('t166:sub')::uuid$$,
  'the service role changes its price and seats'
);
select lives_ok(
  $$insert into public.subscription_seats (id, subscription_id, organization_id, assigned_to_email, status)
    values
      (md5('t166:seat1')::uuid, md5('t166:sub')::uuid, tests.get_org_id('t166-acme'), 'invitee-t166@test.local',
       'assigned'),
      (md5('t166:seat2')::uuid, md5('t166:sub')::uuid, tests.get_org_id('t166-acme'), null, 'available')$$,
  'the service role creates a seat for an invited email and a free seat'
);

-- Acting as the org_admin: assigns the free seat (the RPC stores the member's email on the seat)
select tests.authenticate_as('t166-admin');
select lives_ok(
  $$select public.assign_seat(md5('t166:seat2')::uuid, tests.get_user_id('t166-member'))$$,
  'the org_admin assigns the free seat to a member'
);

-- Acting as the compliance officer of the organization
select tests.authenticate_as('t166-officer');
select is(
  (select a.changes -> 'stripe_subscription_id' from public.audit_logs as a
   where a.resource_id = md5('t166:sub')::uuid and a.action = 'insert'),
  '"[redacted]"'::jsonb,
  'a new subscription''s audit row records its Stripe subscription id as [redacted]'
);
select is(
  (select a.changes - array['id', 'organization_id', 'created_at', 'updated_at', 'current_period_start',
                            'current_period_end']
   from public.audit_logs as a
   where a.resource_id = md5('t166:sub')::uuid and a.action = 'insert')
  @> '{"stripe_customer_id": "[redacted]", "stripe_price_id": "[redacted]", "amount_cents": "[redacted]",
       "plan_tier": "professional", "seat_count": 3}'::jsonb,
  true,
  'customer id, price id and amount are [redacted]; plan and seats stay readable'
);
select is(
  (select a.changes from public.audit_logs as a
   where a.resource_id = md5('t166:sub')::uuid and a.action = 'update' and a.changes ? 'amount_cents'),
  '{"amount_cents": {"old": "[redacted]", "new": "[redacted]"},
    "stripe_price_id": {"old": "[redacted]", "new": "[redacted]"},
    "seat_count": {"old": 3, "new": 4}}'::jsonb,
  'an update records that the amount and price id changed, not their values'
);
select is(
  (select count(*)::integer from public.audit_logs as a
   where a.resource_id in (md5('t166:sub')::uuid, md5('t166:seat1')::uuid, md5('t166:seat2')::uuid)
     and a.changes::text ~ '(t166secret|t166other|166000|166500)'),
  0,
  'no audit row of the subscription or its seats holds a Stripe id or an amount in clear'
);
select is(
  (select count(*)::integer from public.audit_logs as a
   where a.resource_type = 'subscription_seats'
     and a.resource_id in (md5('t166:seat1')::uuid, md5('t166:seat2')::uuid)
     and (a.changes ? 'assigned_to_email' or a.changes::text ~ '@test\.local')),
  0,
  'no seat audit row holds an email (the invited one or the member''s)'
);
select is(
  (select a.changes -> 'assigned_to_user_id' -> 'new' from public.audit_logs as a
   where a.resource_id = md5('t166:seat2')::uuid and a.action = 'update'),
  to_jsonb(tests.get_user_id('t166-member')),
  'the assignment''s audit row names the member by user id'
);
select tests.clear_authentication();

select * from finish();
rollback;
