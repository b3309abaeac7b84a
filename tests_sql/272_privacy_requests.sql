/*
  Privacy requests (rpc_functions/72_privacy_requests.sql): every role files its own (due in 30 days, one open per
  kind), bad input writes nothing; who reads them (the person, the compliance officers of their organization, super
  admins; not org admins, not another organization's officer); who closes them; withdrawal; and the reminder job on a
  fixed clock: requests due within 7 days are notified to the officers once, never twice.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(33);

do $$
declare
  u text;
begin
  perform tests.create_org('acme');
  perform tests.create_org('globex');
  perform tests.create_org('lonely');
  perform tests.create_user('cora', 'compliance_officer', 'acme');
  perform tests.create_user('ola', 'org_admin', 'acme');
  perform tests.create_user('gcora', 'compliance_officer', 'globex');
  perform tests.create_user('sam', 'super_admin', null);
  perform tests.create_user('lone', 'learner', 'lonely');
  foreach u in array array['learner', 'analyst', 'educator', 'investigator', 'viewer', 'guest'] loop
    perform tests.create_user('r_' || u, u, 'acme');
  end loop;
end
$$;

-- Filing -----------------------------------------------------------------------------------------------------

select tests.authenticate_as('r_learner');
select throws_ok(
  $$select public.request_privacy_action('forget me')$$, '22023',
  'p_kind must be access, portability, rectification or erasure', 'an unknown kind is refused'
);
select throws_ok(
  $$select public.request_privacy_action('access', repeat('x', 2001))$$, '22023',
  'p_details must be at most 2000 characters', 'overlong details are refused'
);
select ok(
  (select (r ->> 'due_at')::timestamptz = (r ->> 'requested_at')::timestamptz + interval '30 days'
    and r ->> 'status' = 'open'
   from public.request_privacy_action('access', 'all my data') as r),
  'a learner files an access request, due 30 days later'
);
select throws_ok(
  $$select public.request_privacy_action('access')$$, '23505', 'you already have an open access request',
  'a second open request of the same kind is a conflict'
);
select lives_ok($$select public.request_privacy_action('erasure')$$, 'another kind may be open at the same time');
select tests.clear_authentication();
select is(
  (select count(*)::int from public.privacy_requests
where user_id = tests.get_user_id('r_learner')), 2,
  'the refused requests wrote nothing'
);
select is(
  (select count(*)::int from public.notifications
   where user_id = tests.get_user_id('cora') and title = 'New privacy request'), 2,
  'the organization''s compliance officer is told of each new request'
);
select results_eq(
  $$select count(*)::int from public.audit_logs where action = 'privacy.request_filed'
      and user_id = tests.get_user_id('r_learner') and changes::text !~ 'all my data'$$,
  array[2],
  'each filing is audited, without its details'
);

-- Every role files its own
select tests.authenticate_as('r_viewer');
select lives_ok($$select public.request_privacy_action('portability')$$, 'a viewer files a request (a legal right)');
select tests.authenticate_as('r_guest');
select lives_ok($$select public.request_privacy_action('rectification')$$, 'a guest files a request');
select tests.authenticate_as('r_analyst');
select lives_ok($$select public.request_privacy_action('access')$$, 'an analyst files a request');
select tests.authenticate_as('lone');
select lives_ok($$select public.request_privacy_action('erasure')$$, 'a member of an organization without officers');
select tests.authenticate_as_anon();
select throws_ok($$select public.request_privacy_action('access')$$, '42501', null, 'anon cannot file (42501)');
select tests.clear_authentication();
select ok(
  (select count(*) > 0 from public.notifications
   where user_id = tests.get_user_id('sam') and title = 'New privacy request'),
  'without an officer in the organization, the super admins are told'
);

-- Reading --------------------------------------------------------------------------------------------------

select tests.authenticate_as('r_learner');
select is(
  (select count(*)::int from public.privacy_requests), 2, 'a person reads only their own requests'
);
select tests.authenticate_as('cora');
select is(
  (select count(*)::int from public.privacy_requests
where organization_id = tests.get_org_id('acme')), 5,
  'the compliance officer reads her organization''s requests'
);
select is(
  (select count(*)::int from public.privacy_requests
where user_id = tests.get_user_id('lone')), 0,
  'and not another organization''s'
);
select tests.authenticate_as('ola');
select is(
  (select count(*)::int from public.privacy_requests
where organization_id = tests.get_org_id('acme')), 0,
  'an org admin reads none'
);
select tests.authenticate_as('sam');
select is(
  (select count(*)::int from public.privacy_requests
where user_id = any(tests.fixture_user_ids())), 6,
  'a super admin reads all'
);
select tests.authenticate_as('r_learner');
select throws_ok(
  $$update public.privacy_requests set status = 'completed' returning 1$$, '42501', null,
  'nobody writes the table directly: a learner''s update raises 42501'
);

-- Closing ---------------------------------------------------------------------------------------------------

select tests.clear_authentication();
create or replace function tests.req(p_user text, p_kind text) returns uuid
language sql
security definer
set search_path = pg_catalog, public
as $$
  select id from public.privacy_requests where user_id = tests.get_user_id(p_user) and kind = p_kind
$$;
grant execute on function tests.req(text, text) to authenticated;

select tests.authenticate_as('ola');
select throws_ok(
  $$select public.close_privacy_request(tests.req('r_learner', 'access'), 'completed')$$, '42501',
  'only a compliance officer or a super admin may close privacy requests', 'an org admin cannot close (42501)'
);
select tests.authenticate_as('gcora');
select throws_ok(
  $$select public.close_privacy_request(tests.req('r_learner', 'access'), 'completed')$$, 'P0002',
  'privacy request not found', 'another organization''s officer does not find the request'
);
select tests.authenticate_as('cora');
select throws_ok(
  $$select public.close_privacy_request(tests.req('r_learner', 'access'), 'refused')$$, '22023',
  'p_resolution is required to refuse a request', 'a refusal states its reason'
);
select lives_ok(
  $$select public.close_privacy_request(tests.req('r_learner', 'access'), 'completed', 'export sent')$$,
  'the organization''s compliance officer completes the request'
);
select throws_ok(
  $$select public.close_privacy_request(tests.req('r_learner', 'access'), 'completed')$$, '23505',
  'the privacy request is already closed', 'a closed request cannot be closed again'
);
select tests.authenticate_as('r_learner');
select lives_ok(
  $$select public.withdraw_privacy_request(tests.req('r_learner', 'erasure'))$$, 'the person withdraws a request'
);
select throws_ok(
  $$select public.withdraw_privacy_request(tests.req('r_viewer', 'portability'))$$, 'P0002',
  'privacy request not found', 'nobody withdraws another person''s request'
);
select tests.clear_authentication();

-- The reminder job, on a fixed clock ------------------------------------------------------------------------

-- The viewer's request was filed 24 days ago (due in 6 days), the guest's 20 days ago (due in 10 days).
update public.privacy_requests set requested_at = now() - interval '24 days', due_at = now() + interval '6 days'
where id = tests.req('r_viewer', 'portability');
update public.privacy_requests set requested_at = now() - interval '20 days', due_at = now() + interval '10 days'
where id = tests.req('r_guest', 'rectification');
do $$
begin
  perform private.remind_privacy_requests(now());
end
$$;
select is(
  (select count(*)::int from public.notifications
   where user_id = tests.get_user_id('cora') and title = 'Privacy request due soon'),
  1,
  'the job reminds the officer of the request due within 7 days (not of the one due in 10)'
);
select ok(
  (select reminded_at is not null from public.privacy_requests
where id = tests.req('r_viewer', 'portability'))
  and (select reminded_at is null from public.privacy_requests
where id = tests.req('r_guest', 'rectification')),
  'only the request near its due date is marked reminded'
);
do $$
begin
  perform private.remind_privacy_requests(now() + interval '1 hour');
end
$$;
select is(
  (select count(*)::int from public.notifications
   where user_id = tests.get_user_id('cora') and title = 'Privacy request due soon'),
  1,
  'a second run does not remind again: once per request'
);
do $$
begin
  perform private.remind_privacy_requests(now() + interval '4 days');
end
$$;
select results_eq(
  $$select message ~ 'rectification', count(*)::int from public.notifications
    where user_id = tests.get_user_id('cora') and title = 'Privacy request due soon'
    group by 1 order by 1$$,
  $$values (false, 1), (true, 1)$$,
  'four days later the clock reaches the guest''s request: reminded once too'
);
select throws_ok(
  $$select private.remind_privacy_requests(null)$$, '22023', 'at_time must not be null', 'the clock is required'
);
select is(
  (select count(*)::int from unnest(array['anon', 'authenticated', 'service_role']) as r (role_name)
    where has_function_privilege(r.role_name, 'private.remind_privacy_requests(timestamptz)', 'execute')),
  0, 'no API role runs the reminder job'
);

select * from finish();
rollback;
