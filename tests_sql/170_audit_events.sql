/*
  Finding 6 (issue 6): no API role inserts into audit_logs, not even
  service_role (it could forge user_id and timestamp). Server code appends
  an event with public.record_audit_event (service_role only), which stamps
  the time, takes the actor from the JWT and redacts billing secrets.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(13);

do $$
begin
  perform tests.create_org('t170-acme');
  perform tests.create_user('t170-officer', 'compliance_officer', 't170-acme');
  perform tests.create_user('t170-sam', 'super_admin');
end
$$;

select is(
  (select array_agg(r order by r) from unnest(array['anon', 'authenticated', 'service_role']) as r
   where has_table_privilege(r, 'public.audit_logs', 'insert')),
  null::text [],
  'no API role holds INSERT on audit_logs'
);

-- Acting as the service role
select tests.authenticate_as_service_role();
select throws_ok(
  $$insert into public.audit_logs (user_id, action, resource_type, timestamp, organization_id)
    values (
      tests.get_user_id('t170-officer'), 'forged', 't170', now() - interval '1 year', tests.get_org_id('t170-acme')
    )$$,
  '42501', null,
  'the service role cannot insert a forged, backdated audit row'
);
select lives_ok(
  $$select public.record_audit_event(
      'stripe.invoice_paid', 'invoices', md5('t170:invoice')::uuid, tests.get_org_id('t170-acme'),
      '{"stripe_invoice_id": "in_t170secret", "amount_paid_cents": 17000, "status": "paid"}', 'info', true
    )$$,
  'the service role records an event through record_audit_event'
);
select tests.clear_authentication();
select results_eq(
  $$select user_id, user_role, timestamp, severity, compliance_relevant, organization_id
    from public.audit_logs where resource_id = md5('t170:invoice')::uuid$$,
  $$values (null::uuid, 'service_role'::text, now(), 'info'::text, true, tests.get_org_id('t170-acme'))$$,
  'the event is stamped now, its actor taken from the JWT (the service role: no user)'
);
select is(
  (select changes from public.audit_logs
   where resource_id = md5('t170:invoice')::uuid),
  '{"stripe_invoice_id": "[redacted]", "amount_paid_cents": "[redacted]", "status": "paid"}'::jsonb,
  'Stripe ids and amounts in the event are [redacted]'
);

-- The server acting for a signed-in user (its JWT names them)
select tests.authenticate_as_service_role();
do $$
begin
  perform set_config(
    'request.jwt.claims',
    json_build_object('sub', tests.get_user_id('t170-sam'), 'role', 'service_role')::text,
    true
  );
end
$$;
select lives_ok(
  $$select public.record_audit_event('report.export', 'reports', md5('t170:report')::uuid)$$,
  'the service role records an event on behalf of the JWT''s user'
);
select tests.clear_authentication();
select results_eq(
  $$select user_id, user_email, user_role from public.audit_logs where resource_id = md5('t170:report')::uuid$$,
  $$values (tests.get_user_id('t170-sam'), tests.get_user_email('t170-sam'), 'service_role'::text)$$,
  'the row names the JWT''s user, from their profile, and says the server wrote it (user_role service_role)'
);

select tests.authenticate_as_service_role();
select throws_ok(
  $$select public.record_audit_event('x', 'y', null, null, null, 'urgent')$$,
  '22023', 'p_severity must be info, warning or critical',
  'a bad severity is refused'
);
select throws_ok(
  $$select public.record_audit_event('Bad Action!', 'reports')$$,
  '22023', 'p_action must be 1 to 63 lower-case letters, digits, dots or underscores',
  'a malformed action is refused'
);
select throws_ok(
  $$select public.record_audit_event('x', 'reports', null, gen_random_uuid())$$,
  'P0002', 'organization not found',
  'an unknown organization is refused'
);
select tests.clear_authentication();

-- Clients cannot record events
select tests.authenticate_as('t170-sam');
select throws_ok(
  $$select public.record_audit_event('x', 'reports')$$,
  '42501', null,
  'a super_admin (a client) cannot call record_audit_event'
);
select throws_ok(
  $$select private.record_audit_event('x', 'reports')$$,
  '42501', null,
  'nor its private implementation'
);
select tests.authenticate_as_anon();
select throws_ok(
  $$select public.record_audit_event('x', 'reports')$$,
  '42501', null,
  'anon cannot call record_audit_event'
);
select tests.clear_authentication();

select * from finish();
rollback;
