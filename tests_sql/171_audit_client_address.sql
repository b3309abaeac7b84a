/*
  Finding 7 (issue 6): the audit trail's client address is the RIGHTMOST
  X-Forwarded-For entry, the one the platform's gateway appends; the
  entries to its left are whatever the client sent.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(6);

do $$
begin
  perform tests.create_org('t171-acme');
  perform tests.create_user('t171-admin', 'org_admin', 't171-acme');
end
$$;

-- Acting as the org_admin, through the gateway, with a spoofed first entry
select tests.authenticate_as('t171-admin');
select set_config(
  'request.headers', '{"x-forwarded-for": "6.6.6.6, 10.1.1.1 , 198.51.100.171", "user-agent": "t171"}', true
);
select lives_ok(
  $$update public.organizations set settings = jsonb_set(settings, '{t171}', '1')
    where id = tests.get_org_id('t171-acme')$$,
  'the org_admin changes a setting'
);
select set_config('request.headers', '{"x-forwarded-for": "203.0.113.171", "user-agent": "t171"}', true);
select lives_ok(
  $$update public.organizations set settings = jsonb_set(settings, '{t171}', '2')
    where id = tests.get_org_id('t171-acme')$$,
  'and again, with a single entry'
);
select set_config(
  'request.headers', '{"x-forwarded-for": "203.0.113.171, not-an-address", "user-agent": "t171"}', true
);
select lives_ok(
  $$update public.organizations set settings = jsonb_set(settings, '{t171}', '3')
    where id = tests.get_org_id('t171-acme')$$,
  'and again, the gateway''s entry unreadable'
);
select tests.clear_authentication();

select is(
  (select ip_address from public.audit_logs
   where resource_id = tests.get_org_id('t171-acme') and changes #>> '{settings,new,t171}' = '1'),
  '198.51.100.171'::inet,
  'the rightmost entry (the gateway''s) is logged, not the client-sent first one'
);
select is(
  (select ip_address from public.audit_logs
   where resource_id = tests.get_org_id('t171-acme') and changes #>> '{settings,new,t171}' = '2'),
  '203.0.113.171'::inet,
  'a single entry is that address'
);
select is(
  (select ip_address from public.audit_logs
   where resource_id = tests.get_org_id('t171-acme') and changes #>> '{settings,new,t171}' = '3'),
  null,
  'an unreadable rightmost entry is logged as null, never the client-sent one'
);

select * from finish();
rollback;
