/*
  erase_user (rpc_functions/71_erasure.sql, migrations/046_erasure.sql): who may erase (service_role and super
  admins only; every other role and anon refused, across organizations too), the refusal while an access request is
  open, bad input writing nothing; then a learner erased in one transaction: seat freed with seats_used recounted,
  personal rows deleted, the profile anonymous in its organization, certificates verifying without the name, the
  organization's analytics unchanged, no audit row naming them (each scrubbed row stamped, the erasure's own row
  holding counts only); after the server deletes the auth user, no row of any table in public, private or auth holds
  their name or email, and nothing cascaded. A Supabase user deleted without erase_user is anonymized the same way.
  The append-only guard and the certificate guard still refuse everyone else.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(42);

do $$
declare
  u text;
begin
  perform tests.create_org('acme');
  perform tests.create_org('globex');
  perform tests.create_user('ola', 'org_admin', 'acme', 'professional');
  perform tests.create_user('pat', 'learner', 'acme', 'professional');
  perform tests.create_user('quinn', 'learner', 'acme', 'professional');
  perform tests.create_user('rex', 'learner', 'acme');
  perform tests.create_user('cora', 'compliance_officer', 'acme');
  perform tests.create_user('sam', 'super_admin', null);
  perform tests.create_user('gia', 'org_admin', 'globex');
  foreach u in array array['analyst', 'educator', 'investigator', 'viewer', 'guest'] loop
    perform tests.create_user('r_' || u, u, 'acme');
  end loop;
  update public.profiles set full_name = 'Patricia Vandermeulen-' || tests.salt()
  where id = tests.get_user_id('pat');
  update public.profiles set full_name = 'Quentin Oyelaran-' || tests.salt()
  where id = tests.get_user_id('quinn');
  insert into public.courses (id, title_en, title_fr, slug, category, level, duration_minutes, is_published)
  values (tests.id('course'), 'T271 course', 'Cours T271', tests.name('t271-course'), 'Foundations', 'Introductory',
    10, true);
  insert into public.subscriptions (
    id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, plan_tier, plan_name,
    billing_interval, seat_count, amount_cents, status, current_period_start, current_period_end
  ) values (
    tests.id('sub'), tests.get_org_id('acme'), 'sub_t271_' || tests.salt(), 'cus_t271_' || tests.salt(),
    'price_t271', 'professional', 'Pro', 'year', 5, 0, 'active', now() - interval '1 day', now() + interval '1 year'
  );
  insert into public.subscription_seats (
    id, subscription_id, organization_id, assigned_to_user_id, assigned_to_email, assigned_by, assigned_at, status
  ) values
  (tests.id('seat:pat'), tests.id('sub'), tests.get_org_id('acme'), tests.get_user_id('pat'),
    tests.get_user_email('pat'), tests.get_user_id('ola'), now(), 'assigned'),
  (tests.id('seat:quinn'), tests.id('sub'), tests.get_org_id('acme'), tests.get_user_id('quinn'),
    tests.get_user_email('quinn'), tests.get_user_id('ola'), now(), 'assigned');
  update public.profiles set seat_id = tests.id('seat:' || x)
  from unnest(array['pat', 'quinn']) as x where id = tests.get_user_id(x);
  perform private.sync_seats_used(tests.id('sub'));
  foreach u in array array['pat', 'quinn'] loop
    insert into public.bookmarks (user_id, resource_type, resource_id, notes)
    values (tests.get_user_id(u), 'course', tests.id('course'), u || ' note');
    insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id(u), u || ' search', '{}');
    insert into public.ai_coaching_sessions (user_id, session_type, user_query, ai_response)
    values (tests.get_user_id(u), 'custom', 'I am ' || u, 'ok');
    insert into public.notifications (user_id, type, title, message) values (tests.get_user_id(u), 'system', 't', 'm');
    insert into public.onboarding (user_id, tour_completed) values (tests.get_user_id(u), true)
    on conflict (user_id) do nothing;
    insert into public.progress (user_id, course_id, completion_percentage, notes)
    values (tests.get_user_id(u), tests.id('course'), 100, 'my notes, ' || u);
    insert into public.certificates (user_id, course_id, issued_date)
    values (tests.get_user_id(u), tests.id('course'), current_date);
  end loop;
  insert into public.invitations (organization_id, email, role, token_hash, status, expires_at, invited_by,
    accepted_by, accepted_at)
  values (tests.get_org_id('acme'), tests.get_user_email('pat'), 'learner', sha256(convert_to(tests.salt(), 'UTF8')),
    'accepted', now() + interval '1 day', tests.get_user_id('ola'), tests.get_user_id('pat'), now());
  -- Audit rows naming pat: her own action, an admin's event about her, a server event quoting her email and name.
  perform set_config('request.jwt.claims', json_build_object('sub', tests.get_user_id('pat'), 'role',
    'authenticated', 'email', tests.get_user_email('pat'))::text, true);
  perform private.record_audit_event('t271.self', 'profiles', tests.get_user_id('pat'), tests.get_org_id('acme'));
  perform set_config('request.jwt.claims', json_build_object('sub', tests.get_user_id('ola'), 'role',
    'authenticated')::text, true);
  perform private.record_audit_event('t271.about', 'profiles', tests.get_user_id('pat'), tests.get_org_id('acme'),
    jsonb_build_object('note', 'Talked to ' || upper(tests.get_user_email('pat')),
      'nested', jsonb_build_object('who', 'Patricia Vandermeulen-' || tests.salt())));
  perform set_config('request.jwt.claims', '', true);
  insert into public.privacy_requests (id, user_id, organization_id, kind, due_at)
  values (tests.id('req:access'), tests.get_user_id('pat'), tests.get_org_id('acme'), 'access',
    now() + interval '30 days'),
  (tests.id('req:erase'), tests.get_user_id('pat'), tests.get_org_id('acme'), 'erasure', now() + interval '30 days'),
  (tests.id('req:quinn'), tests.get_user_id('quinn'), tests.get_org_id('acme'), 'erasure', now() + interval '30 days');
  refresh materialized view public.org_analytics;
  perform set_config('tests.t271_before', (
    select to_jsonb(a) from public.org_analytics as a where a.organization_id = tests.get_org_id('acme'))::text, true);
  perform set_config('tests.t271_cert', (
    select certificate_number || ' ' || verification_code from public.certificates
    where user_id = tests.get_user_id('pat')), true);
  perform set_config('tests.t271_pattern', tests.get_user_email('pat') || '|Vandermeulen', true);
end
$$;

-- Who may erase ---------------------------------------------------------------------------------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$select public.erase_user(tests.get_user_id('pat'))$$, '42501', null, 'anon cannot erase (no execute: 42501)'
);
select tests.authenticate_as('pat');
select throws_ok(
  $$select public.erase_user(tests.get_user_id('pat'))$$, '42501',
  'only a super admin or the server may erase a person', 'a learner cannot erase, not even themselves (42501)'
);
select tests.authenticate_as('ola');
select throws_ok(
  $$select public.erase_user(tests.get_user_id('pat'))$$, '42501',
  'only a super admin or the server may erase a person', 'an org admin cannot erase a member (42501)'
);
select tests.authenticate_as('cora');
select throws_ok(
  $$select public.erase_user(tests.get_user_id('pat'))$$, '42501',
  'only a super admin or the server may erase a person', 'a compliance officer cannot erase (42501)'
);
select tests.authenticate_as('gia');
select throws_ok(
  $$select public.erase_user(tests.get_user_id('pat'))$$, '42501',
  'only a super admin or the server may erase a person', 'another organization''s org admin cannot erase (42501)'
);
select tests.authenticate_as('r_analyst');
select throws_ok(
  $$select public.erase_user(tests.get_user_id('pat'))$$, '42501',
  'only a super admin or the server may erase a person', 'an analyst cannot erase (42501)'
);
select tests.authenticate_as('r_educator');
select throws_ok(
  $$select public.erase_user(tests.get_user_id('pat'))$$, '42501',
  'only a super admin or the server may erase a person', 'an educator cannot erase (42501)'
);
select tests.authenticate_as('r_investigator');
select throws_ok(
  $$select public.erase_user(tests.get_user_id('pat'))$$, '42501',
  'only a super admin or the server may erase a person', 'an investigator cannot erase (42501)'
);
select tests.authenticate_as('r_viewer');
select throws_ok(
  $$select public.erase_user(tests.get_user_id('pat'))$$, '42501',
  'only a super admin or the server may erase a person', 'a viewer cannot erase (42501)'
);
select tests.authenticate_as('r_guest');
select throws_ok(
  $$select public.erase_user(tests.get_user_id('pat'))$$, '42501',
  'only a super admin or the server may erase a person', 'a guest cannot erase (42501)'
);

-- Bad input and the open access request write nothing
select tests.authenticate_as_service_role();
select throws_ok($$select public.erase_user(null)$$, '22023', 'p_user_id is required', 'the person is required');
select throws_ok(
  $$select public.erase_user(tests.id('nobody'))$$, 'P0002', 'user not found', 'an unknown person is not found'
);
select throws_ok(
  $$select public.erase_user(tests.get_user_id('pat'), tests.id('req:quinn'))$$, 'P0002',
  'privacy request not found', 'another person''s request is not found'
);
select throws_ok(
  $$select public.erase_user(tests.get_user_id('pat'), tests.id('req:erase'))$$, '23505',
  'an access request of this person is open: answer it before erasing',
  'erasure is refused while an access request of the person is open'
);
select tests.clear_authentication();
select is(
  (select full_name || ' ' || email from public.profiles
where id = tests.get_user_id('pat')),
  'Patricia Vandermeulen-' || tests.salt() || ' ' || tests.get_user_email('pat'),
  'the refused erasures changed nothing'
);

-- Erasure by a super admin --------------------------------------------------------------------------------------

update public.privacy_requests set status = 'completed', closed_at = now()
where id = tests.id('req:access');
select tests.authenticate_as('sam');
select is(
  (select r ->> 'auth_user_to_delete' || '/' || (r -> 'deleted' ->> 'bookmarks') || '/' || (r ->> 'seats_freed')
   from public.erase_user(tests.get_user_id('pat'), tests.id('req:erase')) as r),
  'true/1/1',
  'a super admin erases pat: one bookmark deleted, one seat freed, the auth user to delete'
);
select tests.clear_authentication();

select results_eq(
  $$select s.seats_used, (select count(*)::int from public.subscription_seats as ss
      where ss.subscription_id = s.id and ss.status in ('assigned', 'active'))
    from public.subscriptions as s where s.id = tests.id('sub')$$,
  $$values (1, 1)$$,
  'seats_used is recounted: one seat in use (quinn''s)'
);
select is(
  (select status || '/' || coalesce(assigned_to_email, '-') from public.subscription_seats
   where id = tests.id('seat:pat')),
  'available/-', 'pat''s seat is available again, without her address'
);
select results_eq(
  $$select (select count(*)::int from public.bookmarks where user_id = u.id),
    (select count(*)::int from public.saved_searches where user_id = u.id),
    (select count(*)::int from public.ai_coaching_sessions where user_id = u.id),
    (select count(*)::int from public.notifications where user_id = u.id),
    (select count(*)::int from public.onboarding where user_id = u.id)
    from (values (tests.get_user_id('pat'))) as u (id)$$,
  $$values (0, 0, 0, 0, 0)$$,
  'pat''s bookmarks, saved searches, coaching sessions, notifications and onboarding are deleted'
);
select results_eq(
  $$select (select count(*)::int from public.bookmarks where user_id = u.id),
    (select count(*)::int from public.saved_searches where user_id = u.id),
    (select count(*)::int from public.ai_coaching_sessions where user_id = u.id),
    (select count(*)::int from public.notifications where user_id = u.id)
    from (values (tests.get_user_id('quinn'))) as u (id)$$,
  $$values (1, 1, 1, 1)$$,
  'a colleague''s rows are untouched'
);
select results_eq(
  $$select email, full_name, phone, organization_id, erased_at is not null, role
    from public.profiles where id = tests.get_user_id('pat')$$,
  $$values ('erased-' || tests.get_user_id('pat') || '@erased.invalid', null::text, null::text,
    tests.get_org_id('acme'), true, 'learner')$$,
  'the profile is anonymous and stays in its organization'
);
select results_eq(
  $$select (select count(*)::int from public.progress where user_id = tests.get_user_id('pat')),
    (select count(*)::int from public.progress where user_id = tests.get_user_id('pat') and notes is not null),
    (select count(*)::int from public.certificates where user_id = tests.get_user_id('pat') and holder_name is null)$$,
  $$values (1, 0, 1)$$,
  'progress and the certificate stay; the progress note and the holder name are gone'
);
select tests.authenticate_as_anon();
select results_eq(
  $$select holder_name, course_title_en, issued_date, status
    from public.verify_certificate(split_part(current_setting('tests.t271_cert'), ' ', 1),
      split_part(current_setting('tests.t271_cert'), ' ', 2))$$,
  $$values (null::text, 'T271 course'::text, current_date, 'active'::text)$$,
  'the certificate still verifies: active, course and date as issued, the holder''s name withheld (null)'
);
select tests.clear_authentication();
refresh materialized view public.org_analytics;
select is(
  (select to_jsonb(a) from public.org_analytics as a
where a.organization_id = tests.get_org_id('acme')),
  current_setting('tests.t271_before')::jsonb,
  'the organization''s analytics are unchanged (users, active learners, certificates, completion, points)'
);
select is_empty(
  $$select al.id from public.audit_logs as al where (al.*)::text ~* current_setting('tests.t271_pattern')$$,
  'no audit row holds pat''s email or name, in any column or at any depth of its changes'
);
select ok(
  (select bool_and(erased_at is not null and user_email is null and ip_address is null) from public.audit_logs
   where user_id = tests.get_user_id('pat') and action <> 'privacy.user_erased'),
  'the rows pat caused are scrubbed (email, address) and say when'
);
select is(
  (select changes -> 'nested' ->> 'who' from public.audit_logs
   where action = 't271.about' and resource_id = tests.get_user_id('pat')),
  '[erased]', 'a name nested in an event''s changes is replaced by [erased]'
);
select results_eq(
  $$select changes ->> 'request_id', (changes ->> 'audit_rows_scrubbed')::int > 0, severity, compliance_relevant
    from public.audit_logs where action = 'privacy.user_erased' and resource_id = tests.get_user_id('pat')$$,
  $$values (tests.id('req:erase')::text, true, 'warning'::text, true)$$,
  'the erasure is audited once, with the request and counts only'
);
select is(
  (select status || '/' || resolution from public.privacy_requests
where id = tests.id('req:erase')),
  'completed/erased', 'the erasure request is completed'
);
select tests.authenticate_as('pat');
select throws_ok(
  $$select public.export_my_data()$$, '42501', null,
  'pat''s still-valid token owns nothing any more (export refused)'
);
select tests.authenticate_as_service_role();
select results_eq(
  $$select user_id from public.pending_auth_deletions() where user_id = tests.get_user_id('pat')$$,
  array[tests.get_user_id('pat')],
  'the server finds pat''s auth user among the pending deletions'
);
select is(
  (select r ->> 'already_erased' from public.erase_user(tests.get_user_id('pat')) as r), 'true',
  'a second erasure answers already_erased and changes nothing'
);
select tests.clear_authentication();

-- The server deletes the auth user (Supabase Auth's admin API deletes the auth.users row)
delete from auth.users
where id = tests.get_user_id('pat');
select results_eq(
  $$select (select count(*)::int from public.profiles where id = tests.get_user_id('pat')),
    (select count(*)::int from public.certificates where user_id = tests.get_user_id('pat')),
    (select count(*)::int from public.progress where user_id = tests.get_user_id('pat')),
    (select count(*)::int from private.auth_deletions where user_id = tests.get_user_id('pat'))$$,
  $$values (1, 1, 1, 0)$$,
  'deleting the auth user cascades nothing away, and clears the pending deletion'
);
create function tests.rows_matching(p_pattern text) returns setof text
language plpgsql
as $$
declare
  t record;
  n bigint;
begin
  for t in
    select c.oid::regclass as rel from pg_catalog.pg_class as c
    where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace, 'auth'::regnamespace)
      and c.relkind in ('r', 'p', 'm')
  loop
    execute format('select count(*) from %s as x where x::text ~* $1', t.rel) into n using p_pattern;
    if n > 0 then
      return next t.rel::text || ': ' || n;
    end if;
  end loop;
end;
$$;
select is_empty(
  $$select * from tests.rows_matching(current_setting('tests.t271_pattern'))$$,
  'after the auth user is deleted, no row of any table in public, private or auth holds pat''s email or name'
);

-- A Supabase user deleted without erase_user is anonymized, not cascaded away
delete from auth.users
where id = tests.get_user_id('quinn');
select results_eq(
  $$select p.erased_at is not null, p.full_name, (select count(*)::int from public.certificates as c
      where c.user_id = p.id), (select count(*)::int from public.bookmarks as b where b.user_id = p.id)
    from public.profiles as p where p.id = tests.get_user_id('quinn')$$,
  $$values (true, null::text, 1, 0)$$,
  'deleting quinn''s auth user directly anonymizes her: certificate kept, bookmarks gone'
);
select is_empty(
  $$select * from tests.rows_matching(tests.get_user_email('quinn') || '|Oyelaran')$$,
  'and no row holds quinn''s email or name'
);

-- service_role erases too
select tests.authenticate_as_service_role();
select is(
  (select r ->> 'already_erased' from public.erase_user(tests.get_user_id('rex')) as r), 'false',
  'service_role erases a person (without a request)'
);
select tests.clear_authentication();

-- The guards still refuse everyone else
select tests.authenticate_as_service_role();
select throws_ok(
  $$update public.audit_logs set user_email = null where user_id = tests.get_user_id('ola')$$, '42501', null,
  'service_role still cannot update the audit trail'
);
select tests.clear_authentication();
select throws_ok(
  $$update public.audit_logs set user_email = null, erased_at = now() where user_id = tests.get_user_id('ola')$$,
  '42501', 'audit_logs is append-only',
  'the owner cannot scrub audit rows outside the erasure (abr.audit_erasure off)'
);
select throws_ok(
  $$select set_config('abr.audit_erasure', 'on', true);
    update public.audit_logs set action = 'forged', erased_at = now() where user_id = tests.get_user_id('ola')$$,
  '42501', 'audit_logs is append-only',
  'even with the erasure setting, only the identifying columns may change'
);
select throws_ok(
  $$select set_config('abr.audit_erasure', 'on', true);
    update public.audit_logs set user_agent = '[erased]'
    where resource_id = tests.get_user_id('ola') and erased_at is null$$,
  '42501', 'audit_logs is append-only',
  'a scrub must stamp erased_at (the scrubbed row records it)'
);
select throws_ok(
  $$update public.certificates set holder_name = 'Someone Else' where course_id = tests.id('course')$$,
  '42501', 'a certificate keeps the holder''s name and the course title as issued',
  'outside an erasure a certificate''s holder name never changes'
);

select * from finish();
rollback;
