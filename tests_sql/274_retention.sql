/*
  Retention as data (migrations/048_retention_policies.sql) applied by the daily job apply-retention
  (rpc_functions/74_retention.sql), run here on a fixed clock, 2018-12-31 00:00 UTC: notifications older than
  180 days deleted, coaching sessions untouched for a year deleted, reviewed raw ingestion payloads older than
  180 days cleared, accounts inactive for 3 years anonymized (not super admins, not a person with an open request,
  not someone who kept learning), each at its boundary; the periods read from the table; who reads the schedule.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(21);

do $$
begin
  perform tests.create_org('acme');
  perform tests.create_user('cora', 'compliance_officer', 'acme');
  perform tests.create_user('lea', 'learner', 'acme');
  perform tests.create_user('old', 'learner', 'acme');
  perform tests.create_user('studious', 'learner', 'acme');
  perform tests.create_user('oldadmin', 'super_admin', null);
  perform tests.create_user('asking', 'learner', 'acme');
  update public.profiles set full_name = 'Oldfield Ravensworth-' || tests.salt(), created_at = '2015-01-01Z'
  where id = tests.get_user_id('old');
  update public.profiles set created_at = '2015-01-01Z'
  where id in (tests.get_user_id('studious'), tests.get_user_id('oldadmin'), tests.get_user_id('asking'));
  update auth.users set last_sign_in_at = '2015-06-01Z'
  where id in (tests.get_user_id('old'), tests.get_user_id('studious'), tests.get_user_id('oldadmin'),
    tests.get_user_id('asking'));
  insert into public.courses (id, title_en, slug, category, level, duration_minutes, is_published)
  values (tests.id('course'), 'T274 course', tests.name('t274-course'), 'Foundations', 'Introductory', 10, true);
  insert into public.progress (user_id, course_id, completion_percentage, last_accessed)
  values (tests.get_user_id('studious'), tests.id('course'), 50, '2018-03-01Z');
  insert into public.privacy_requests (user_id, organization_id, kind, requested_at, due_at)
  values (tests.get_user_id('asking'), tests.get_org_id('acme'), 'access', '2018-12-20Z', '2019-01-19Z');
  -- Notifications: cutoff 2018-12-31 - 180 days = 2018-07-04 00:00Z.
  insert into public.notifications (id, user_id, type, title, message, created_at) values
  (tests.id('n:old'), tests.get_user_id('lea'), 'system', 'old', 'm', '2018-01-01Z'),
  (tests.id('n:edge'), tests.get_user_id('lea'), 'system', 'edge', 'm', '2018-07-04 00:00Z'),
  (tests.id('n:young'), tests.get_user_id('lea'), 'system', 'young', 'm', '2018-12-01Z');
  -- Coaching sessions: cutoff 2017-12-31.
  insert into public.ai_coaching_sessions (id, user_id, session_type, ai_response, created_at, updated_at) values
  (tests.id('c:old'), tests.get_user_id('lea'), 'custom', 'old', '2017-01-01Z', '2017-12-30Z'),
  (tests.id('c:edge'), tests.get_user_id('lea'), 'custom', 'edge', '2017-01-01Z', '2017-12-31Z'),
  (tests.id('c:young'), tests.get_user_id('lea'), 'custom', 'young', '2017-01-01Z', '2018-01-15Z');
  -- Raw ingestion payloads: cutoff 2018-07-04, reviewed rows only.
  insert into public.tribunal_cases_raw (id, source_name, source_url, raw_html, raw_text, status, updated_at) values
  (tests.id('r:approved'), 'HRTO', tests.name('https://hrto.test/a'), '<p>x</p>', 'x', 'approved', '2018-01-01Z'),
  (tests.id('r:rejected'), 'HRTO', tests.name('https://hrto.test/b'), '<p>y</p>', 'y', 'rejected', '2018-01-01Z'),
  (tests.id('r:pending'), 'HRTO', tests.name('https://hrto.test/c'), '<p>z</p>', 'z', 'pending', '2018-01-01Z'),
  (tests.id('r:young'), 'HRTO', tests.name('https://hrto.test/d'), '<p>w</p>', 'w', 'approved', '2018-12-01Z');
end
$$;

select throws_ok(
  $$select private.apply_retention(null)$$, '22023', 'at_time must not be null', 'the clock is required'
);
select is(
  (select count(*)::int from unnest(array['anon', 'authenticated', 'service_role']) as r (role_name)
    where has_function_privilege(r.role_name, 'private.apply_retention(timestamptz,integer)', 'execute')),
  0, 'no API role runs the retention job'
);

-- A run limited to no account leaves every account
do $$
begin
  perform private.apply_retention('2018-12-31 00:00Z', 0);
end
$$;
select is(
  (select erased_at from public.profiles
where id = tests.get_user_id('old')), null,
  'with p_account_limit 0 no account is anonymized'
);

do $$
begin
  perform private.apply_retention('2018-12-31 00:00Z');
end
$$;

select results_eq(
  $$select id from public.notifications where id in (tests.id('n:old'), tests.id('n:edge'), tests.id('n:young'))
    order by created_at$$,
  $$values (tests.id('n:edge')), (tests.id('n:young'))$$,
  'notifications: the one older than 180 days is deleted; one created exactly at the boundary stays'
);
select results_eq(
  $$select id from public.ai_coaching_sessions
    where id in (tests.id('c:old'), tests.id('c:edge'), tests.id('c:young')) order by updated_at$$,
  $$values (tests.id('c:edge')), (tests.id('c:young'))$$,
  'coaching sessions: untouched for over a year deleted; exactly a year stays'
);
select results_eq(
  $$select id, raw_html is null and raw_text is null from public.tribunal_cases_raw
    where id = any(array[tests.id('r:approved'), tests.id('r:rejected'), tests.id('r:pending'),
      tests.id('r:young')]) order by source_url$$,
  $$values (tests.id('r:approved'), true), (tests.id('r:rejected'), true), (tests.id('r:pending'), false),
    (tests.id('r:young'), false)$$,
  'raw payloads: cleared once reviewed and 180 days old; a pending row or a recent one keeps its payload'
);
select is(
  (select count(*)::int from public.tribunal_cases_raw
   where id in (tests.id('r:approved'), tests.id('r:rejected'))),
  2, 'the raw rows themselves stay (lineage)'
);
select results_eq(
  $$select full_name, erased_at is not null, organization_id from public.profiles
    where id = tests.get_user_id('old')$$,
  $$values (null::text, true, tests.get_org_id('acme'))$$,
  'an account inactive for over 3 years is anonymized, kept in its organization'
);
select is(
  (
      select count(*)::int from public.audit_logs as al
where (al.*)::text ~* ('Ravensworth|' || tests.get_user_email('old'))
  ),
  0, 'and no audit row names that person any more'
);
select is(
  (select count(*)::int from public.profiles
   where id in (tests.get_user_id('studious'), tests.get_user_id('oldadmin'), tests.get_user_id('asking'),
     tests.get_user_id('lea'), tests.get_user_id('cora')) and erased_at is null),
  5,
  'kept: a person who kept learning, a super admin, a person with an open request, recent accounts'
);
select is(
  (select count(*)::int from private.auth_deletions
where user_id = tests.get_user_id('old')), 1,
  'the anonymized account''s auth user is handed to the server for deletion'
);
select ok(
  (select bool_or((changes ->> 'accounts_anonymized')::int >= 1 and changes ->> 'at' like '2018-12-31%')
   from public.audit_logs
where action = 'privacy.retention_applied' and timestamp = now()),
  'the run is audited with its counts'
);

-- The periods are data
update private.retention_policies set keep_for = interval '30 days'
where data_kind = 'notifications';
do $$
begin
  perform private.apply_retention('2018-12-31 00:00Z');
end
$$;
select results_eq(
  $$select id from public.notifications where id in (tests.id('n:edge'), tests.id('n:young'))$$,
  $$values (tests.id('n:young'))$$,
  'changing a period in the table changes what the job keeps'
);
select is(
  (select count(*)::int from private.retention_policies), 5,
  'five kinds have a period: audit rows, notifications, coaching sessions, raw payloads, inactive accounts'
);
select is(
  (select keep_for from private.retention_policies
where data_kind = 'audit_logs'), interval '7 years',
  'audit rows: 7 years'
);
select ok(
  (select pg_get_expr(d.adbin, d.adrelid) ~ '7 years' from pg_attrdef as d
   inner join pg_attribute as a on d.adrelid = a.attrelid and d.adnum = a.attnum
   where d.adrelid = 'public.audit_logs'::regclass and a.attname = 'retention_until'),
  'the audit trail''s retention_until default is the documented 7 years'
);

-- Who reads the schedule
select tests.authenticate_as('cora');
select is(
  (select count(*)::int from public.retention_schedule()), 5, 'a compliance officer reads the retention schedule'
);
select tests.authenticate_as('lea');
select throws_ok(
  $$select * from public.retention_schedule()$$, '42501',
  'only a compliance officer or a super admin may read the retention schedule', 'a learner does not'
);
select tests.authenticate_as_anon();
select throws_ok($$select * from public.retention_schedule()$$, '42501', null, 'anon does not (no execute)');
select tests.authenticate_as('oldadmin');
select is((select count(*)::int from public.retention_schedule()), 5, 'a super admin does');
select tests.authenticate_as_service_role();
select is((select count(*)::int from public.retention_schedule()), 5, 'and the server (service_role)');
select tests.clear_authentication();

select * from finish();
rollback;
