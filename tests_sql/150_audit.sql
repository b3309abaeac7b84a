/*
  The audit trail's writer (migrations/012_audit.sql): every audited change
  writes exactly one audit_logs row, with who (user, email, role), what
  (action, table, row), where (organization), how serious (severity,
  compliance flag) and a diff of only the changed columns; irrelevant
  changes write nothing. Writes are made as PostgREST makes them: as
  authenticated users (tests.authenticate_as), as service_role, and as the
  superuser with no JWT (cron, migrations).

  pg_temp helpers read the rows written since the last check:
    fresh_count()   how many
    fresh_row()     the one row's who/what/where as jsonb (no diff, id or time)
    take_changes()  the one row's diff, and marks every row as seen
    take_count()    how many, and marks every row as seen
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(96);

create temporary table audit_seen (id uuid primary key);

create function pg_temp.fresh_count() returns integer
language sql
as $$
  select count(*)::integer from public.audit_logs as a
  where not exists (select 1 from pg_temp.audit_seen as s where s.id = a.id)
$$;

create function pg_temp.fresh_row() returns jsonb
language sql
as $$
  select jsonb_build_object(
    'user_id', a.user_id, 'user_email', a.user_email, 'user_role', a.user_role,
    'action', a.action, 'resource_type', a.resource_type, 'resource_id', a.resource_id,
    'organization_id', a.organization_id, 'severity', a.severity, 'compliance_relevant', a.compliance_relevant
  )
  from public.audit_logs as a
  where not exists (select 1 from pg_temp.audit_seen as s where s.id = a.id)
$$;

create function pg_temp.mark_seen() returns void
language sql
as $$
  insert into pg_temp.audit_seen (id) select a.id from public.audit_logs as a on conflict do nothing
$$;

create function pg_temp.take_changes() returns jsonb
language plpgsql
as $$
declare
  diff jsonb;
begin
  select a.changes into diff from public.audit_logs as a
  where not exists (select 1 from pg_temp.audit_seen as s where s.id = a.id);
  perform pg_temp.mark_seen();
  return diff;
end;
$$;

create function pg_temp.take_count() returns integer
language plpgsql
as $$
declare
  n integer := pg_temp.fresh_count();
begin
  perform pg_temp.mark_seen();
  return n;
end;
$$;

-- The expected row: actor (identifier or null), their role, the action, table, row, organization slug, severity.
create function pg_temp.expect(
  actor text, actor_role text, act text, tbl text, res uuid, org text, sev text
) returns jsonb
language sql
as $$
  select jsonb_build_object(
    'user_id', case when actor is not null then tests.get_user_id(actor) end,
    'user_email', case when actor is not null then tests.get_user_email(actor) end,
    'user_role', actor_role,
    'action', act, 'resource_type', tbl, 'resource_id', res,
    'organization_id', case when org is not null then tests.get_org_id(org) end,
    'severity', sev, 'compliance_relevant', true
  )
$$;

-- Arrange (as the superuser): two organizations, their people, a course, a case.
do $$
begin
  perform tests.create_org('acme');
  perform tests.create_org('globex');
  perform tests.create_org('initech');
  perform tests.create_user('sam', 'super_admin');
  perform tests.create_user('sue', 'super_admin');
  perform tests.create_user('alice', 'org_admin', 'acme');
  perform tests.create_user('bob', 'viewer', 'acme');
  perform tests.create_user('ana', 'analyst', 'acme');
  perform tests.create_user('gina', 'learner', 'globex');
  insert into public.courses (id, title_en, slug, category, level, duration_minutes, is_published)
  values ('c0000000-0000-4000-8000-000000000001', 'Foundations', 'foundations', 'Foundations', 'Introductory', 60,
    true);
  insert into public.tribunal_cases (id, case_number, title, tribunal, source_url)
  values ('ca000000-0000-4000-8000-000000000001', 'HRTO-2024-001', 'A v B', 'HRTO', 'https://example.test/a-v-b');
  insert into public.tribunal_cases_raw (id, source_name, source_url)
  values ('ca000000-0000-4000-8000-000000000002', 'HRTO', 'https://example.test/raw');
  perform pg_temp.mark_seen();
end
$$;

-- profiles: role and organization changes -------------------------------------------

-- Acting as alice (org_admin, acme)
select tests.authenticate_as('alice');
select lives_ok(
  $$update public.profiles set role = 'learner' where id = tests.get_user_id('bob')$$,
  'alice (org_admin) makes bob (viewer) a learner'
);
select tests.clear_authentication();
select is(pg_temp.fresh_count(), 1, 'a role change writes exactly one audit row');
select is(
  pg_temp.fresh_row(),
  pg_temp.expect('alice', 'org_admin', 'role_change', 'profiles', tests.get_user_id('bob'), 'acme', 'warning'),
  'the row says alice (org_admin) changed bob''s role in acme: a warning (no admin role involved)'
);
select is(
  pg_temp.take_changes(),
  '{"role": {"old": "viewer", "new": "learner"}}'::jsonb,
  'the diff lists only the role (updated_at left out)'
);

-- Acting as bob (learner, acme): his own name change is audited (020)
select tests.authenticate_as('bob');
select lives_ok(
  $$update public.profiles set full_name = 'Robert' where id = tests.get_user_id('bob')$$,
  'bob changes his own name'
);
select tests.clear_authentication();
select is(pg_temp.take_count(), 1, 'a profile''s name change writes one audit row');

-- Acting as sam (super_admin, no organization)
select tests.authenticate_as('sam');
select lives_ok(
  $$update public.profiles set role = 'org_admin' where id = tests.get_user_id('bob')$$,
  'sam (super_admin) makes bob an org_admin'
);
select tests.clear_authentication();
select is(pg_temp.fresh_count(), 1, 'a promotion to an admin role writes exactly one audit row');
select is(
  pg_temp.fresh_row(),
  pg_temp.expect('sam', 'super_admin', 'role_change', 'profiles', tests.get_user_id('bob'), 'acme', 'critical'),
  'a change to an admin role is critical, in the member''s organization'
);
select is(
  pg_temp.take_changes(),
  '{"role": {"old": "learner", "new": "org_admin"}}'::jsonb,
  'the diff lists the role only'
);

select tests.authenticate_as('sam');
select lives_ok(
  $$update public.profiles set organization_id = tests.get_org_id('acme') where id = tests.get_user_id('gina')$$,
  'sam moves gina from globex to acme'
);
select tests.clear_authentication();
select is(pg_temp.fresh_count(), 1, 'an organization move writes exactly one audit row');
select is(
  pg_temp.fresh_row(),
  pg_temp.expect('sam', 'super_admin', 'organization_change', 'profiles', tests.get_user_id('gina'), 'acme', 'warning'),
  'an organization move is a warning, logged in the new organization'
);
select is(
  pg_temp.take_changes(),
  jsonb_build_object(
    'organization_id', jsonb_build_object('old', tests.get_org_id('globex'), 'new', tests.get_org_id('acme'))
  ),
  'the diff lists the organization only'
);

select tests.authenticate_as('sam');
select lives_ok(
  $$update public.profiles set role = 'org_admin', organization_id = tests.get_org_id('globex') where id
    = tests.get_user_id('gina')$$,
  'sam moves gina back to globex as its org_admin'
);
select tests.clear_authentication();
select is(pg_temp.fresh_count(), 1, 'a role change and a move in one update write exactly one audit row');
select is(
  pg_temp.fresh_row(),
  pg_temp.expect('sam', 'super_admin', 'role_change', 'profiles', tests.get_user_id('gina'), 'globex', 'critical'),
  'role and move together: a role_change, critical, in the new organization'
);
select is(
  pg_temp.take_changes(),
  jsonb_build_object(
    'role', jsonb_build_object('old', 'learner', 'new', 'org_admin'),
    'organization_id', jsonb_build_object('old', tests.get_org_id('acme'), 'new', tests.get_org_id('globex'))
  ),
  'the diff lists both columns'
);

-- Acting as the service role (server side: no profile)
select tests.authenticate_as_service_role();
select lives_ok(
  $$update public.profiles set role = 'educator' where id = tests.get_user_id('ana')$$,
  'the service role makes ana an educator'
);
select tests.clear_authentication();
select is(pg_temp.fresh_count(), 1, 'a service-role role change writes exactly one audit row');
select is(
  pg_temp.fresh_row(),
  pg_temp.expect(null, 'service_role', 'role_change', 'profiles', tests.get_user_id('ana'), 'acme', 'warning'),
  'the service role is logged without a user: role service_role, no id, no email'
);
select is(
  pg_temp.take_changes(),
  '{"role": {"old": "analyst", "new": "educator"}}'::jsonb,
  'the diff lists the role only'
);

-- As the superuser with no JWT (a migration, psql, cron)
do $$
begin
  update public.profiles set role = 'analyst' where id = tests.get_user_id('ana');
end
$$;
select is(
  pg_temp.fresh_row(),
  pg_temp.expect(null, session_user::text, 'role_change', 'profiles', tests.get_user_id('ana'), 'acme', 'warning'),
  'without a JWT the session''s login role is logged'
);
select is(pg_temp.take_count(), 1, 'a role change without a JWT writes exactly one audit row');

-- Acting as sue (super_admin): demoting herself is logged with the role she had
select tests.authenticate_as('sue');
select lives_ok(
  $$update public.profiles set role = 'viewer' where id = tests.get_user_id('sue')$$,
  'sue (super_admin) demotes herself to viewer'
);
select tests.clear_authentication();
select is(
  pg_temp.fresh_row(),
  pg_temp.expect('sue', 'super_admin', 'role_change', 'profiles', tests.get_user_id('sue'), null, 'critical'),
  'the actor''s role is the one she had when she acted (super_admin), and losing super_admin is critical'
);
select is(pg_temp.take_count(), 1, 'a self-demotion writes exactly one audit row');

-- organizations: settings and deletions ---------------------------------------------

-- Acting as alice (org_admin, acme), through PostgREST with its request headers
select tests.authenticate_as('alice');
select set_config(
  'request.headers',
  '{"x-forwarded-for": "203.0.113.7, 10.0.0.2", "user-agent": "Mozilla/5.0 (abr-test)"}',
  true
);
select lives_ok(
  $$update public.organizations
    set settings = jsonb_set(settings, '{compliance,mfa_required}', 'true')
    where id = tests.get_org_id('acme')$$,
  'alice requires MFA in acme''s settings'
);
select tests.clear_authentication();
select is(pg_temp.fresh_count(), 1, 'a settings change writes exactly one audit row');
select is(
  pg_temp.fresh_row(),
  pg_temp.expect('alice', 'org_admin', 'settings_change', 'organizations', tests.get_org_id('acme'), 'acme', 'warning'),
  'a settings change is a warning, in the organization itself'
);
select results_eq(
  $$select a.ip_address, a.user_agent from public.audit_logs as a
    where not exists (select 1 from pg_temp.audit_seen as s where s.id = a.id)$$,
  $$values ('10.0.0.2'::inet, 'Mozilla/5.0 (abr-test)'::text)$$,
  'the client address (rightmost x-forwarded-for entry, the gateway''s) and user agent come from the request headers'
);
select is(
  pg_temp.take_changes() #> '{settings,new,compliance,mfa_required}',
  'true'::jsonb,
  'the diff carries the new settings'
);

select tests.authenticate_as('alice');
select set_config('request.headers', '{"x-forwarded-for": "unknown", "user-agent": "curl/8"}', true);
select lives_ok(
  $$update public.organizations
    set settings = jsonb_set(settings, '{branding,primary_color}', '"#000000"')
    where id = tests.get_org_id('acme')$$,
  'a malformed x-forwarded-for never fails the write'
);
select tests.clear_authentication();
select results_eq(
  $$select a.ip_address, a.user_agent from public.audit_logs as a
    where not exists (select 1 from pg_temp.audit_seen as s where s.id = a.id)$$,
  $$values (null::inet, 'curl/8'::text)$$,
  'an address that does not parse is logged as null, the user agent still kept'
);
select is(pg_temp.take_count(), 1, 'and exactly one row is written');

select tests.authenticate_as('alice');
select lives_ok(
  $$update public.organizations set industry = 'Retail', city = 'Toronto' where id = tests.get_org_id('acme')$$,
  'alice changes acme''s industry and city'
);
select tests.clear_authentication();
select is(pg_temp.take_count(), 0, 'an organization change outside settings writes nothing');

-- The request is over: no headers any more.
do $$
begin
  perform set_config('request.headers', '', true);
end
$$;

-- Acting as sam (super_admin)
select tests.authenticate_as('sam');
select lives_ok(
  $$update public.organizations set deleted_at = now() where id = tests.get_org_id('globex')$$,
  'sam soft-deletes globex'
);
select tests.clear_authentication();
select is(pg_temp.fresh_count(), 1, 'a soft delete writes exactly one audit row');
select is(
  pg_temp.fresh_row(),
  pg_temp.expect('sam', 'super_admin', 'soft_delete', 'organizations', tests.get_org_id('globex'), 'globex',
    'critical'),
  'an organization''s soft delete is critical'
);
select results_eq(
  $$select a.ip_address, a.user_agent from public.audit_logs as a
    where not exists (select 1 from pg_temp.audit_seen as s where s.id = a.id)$$,
  $$values (null::inet, null::text)$$,
  'without request headers the address and user agent are null'
);
select is(
  pg_temp.take_changes() ?& array['deleted_at'],
  true,
  'the diff lists deleted_at'
);

select tests.authenticate_as('sam');
select lives_ok(
  $$delete from public.organizations where id = tests.get_org_id('initech')$$,
  'sam deletes initech (no members)'
);
select tests.clear_authentication();
select is(pg_temp.fresh_count(), 1, 'an organization''s deletion writes exactly one audit row');
select is(
  pg_temp.fresh_row(),
  pg_temp.expect('sam', 'super_admin', 'delete', 'organizations', tests.get_org_id('initech'), null, 'critical'),
  'a deletion is critical; the row no longer links the deleted organization (resource_id keeps which)'
);
select is(
  pg_temp.take_changes() ->> 'slug',
  tests.name('initech'),
  'a deletion''s changes hold the deleted row'
);

-- subscriptions: written by the service role (Stripe webhooks) ----------------------

select tests.authenticate_as_service_role();
select lives_ok(
  $$insert into public.subscriptions (
      id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
      plan_tier, plan_name, billing_interval, seat_count, amount_cents, status,
      current_period_start, current_period_end
    ) values (
      '5b000000-0000-4000-8000-000000000001', tests.get_org_id('acme'), 'sub_acme', 'cus_acme', 'price_pro',
      'professional', 'Professional - Monthly', 'month', 5, 5000, 'active',
      now(), now() + interval '1 month'
    )$$,
  'the service role records acme''s new subscription'
);
select tests.clear_authentication();
select is(pg_temp.fresh_count(), 1, 'a new subscription writes exactly one audit row');
select is(
  pg_temp.fresh_row(),
  pg_temp.expect(null, 'service_role', 'insert', 'subscriptions', '5b000000-0000-4000-8000-000000000001', 'acme',
    'info'),
  'a new subscription is info, in its organization'
);
select is(
  pg_temp.take_changes() ->> 'stripe_subscription_id',
  '[redacted]',
  'an insert''s changes hold the new row, Stripe ids redacted'
);

select tests.authenticate_as_service_role();
select lives_ok(
  $$update public.subscriptions set seat_count = 10 where id = '5b000000-0000-4000-8000-000000000001'$$,
  'the service role raises acme''s seats to 10'
);
select tests.clear_authentication();
select is(
  pg_temp.fresh_row(),
  pg_temp.expect(null, 'service_role', 'update', 'subscriptions', '5b000000-0000-4000-8000-000000000001', 'acme',
    'warning'),
  'a seat count change is a warning'
);
select is(
  pg_temp.take_changes(),
  '{"seat_count": {"old": 5, "new": 10}}'::jsonb,
  'the diff lists only seat_count'
);

select tests.authenticate_as_service_role();
select lives_ok(
  $$update public.subscriptions set last_payment_status = 'paid' where id = '5b000000-0000-4000-8000-000000000001'$$,
  'the service role records a payment'
);
select tests.clear_authentication();
select is(
  pg_temp.fresh_row() ->> 'severity',
  'info',
  'a payment record is info'
);
select is(pg_temp.take_count(), 1, 'and writes exactly one audit row');

select tests.authenticate_as_service_role();
select lives_ok(
  $$update public.subscriptions set status = status, updated_at = now() - interval '1 day'
    where id = '5b000000-0000-4000-8000-000000000001'$$,
  'the service role rewrites a subscription without changing it'
);
select tests.clear_authentication();
select is(pg_temp.take_count(), 0, 'an update that changes nothing but updated_at writes nothing');

-- subscription_seats: every change but login bookkeeping ----------------------------

select tests.authenticate_as_service_role();
select lives_ok(
  $$insert into public.subscription_seats (id, subscription_id, organization_id)
    values ('5e000000-0000-4000-8000-000000000001', '5b000000-0000-4000-8000-000000000001', tests.get_org_id('acme'))$$,
  'the service role creates a seat'
);
select tests.clear_authentication();
select is(
  pg_temp.fresh_row(),
  pg_temp.expect(null, 'service_role', 'insert', 'subscription_seats', '5e000000-0000-4000-8000-000000000001', 'acme',
    'info'),
  'a new seat is info'
);
select is(pg_temp.take_count(), 1, 'a new seat writes exactly one audit row');

select tests.authenticate_as_service_role();
select lives_ok(
  $$update public.subscription_seats
    set assigned_to_user_id = tests.get_user_id('bob'), status = 'assigned', assigned_at = '2025-01-01T00:00:00Z'
    where id = '5e000000-0000-4000-8000-000000000001'$$,
  'the service role assigns the seat to bob'
);
select tests.clear_authentication();
select is(pg_temp.fresh_count(), 1, 'an assignment writes exactly one audit row');
select is(
  pg_temp.take_changes(),
  jsonb_build_object(
    'assigned_to_user_id', jsonb_build_object('old', null, 'new', tests.get_user_id('bob')),
    'status', jsonb_build_object('old', 'available', 'new', 'assigned'),
    'assigned_at', jsonb_build_object('old', null, 'new', '2025-01-01T00:00:00+00:00')
  ),
  'the diff lists the three changed columns'
);

select tests.authenticate_as_service_role();
select lives_ok(
  $$update public.subscription_seats set login_count = login_count + 1, last_login_at = now(), first_login_at = now()
    where id = '5e000000-0000-4000-8000-000000000001'$$,
  'the service role records bob''s login on the seat'
);
select tests.clear_authentication();
select is(pg_temp.take_count(), 0, 'login bookkeeping on a seat writes nothing');

-- certificates: issued and revoked server-side --------------------------------------

select tests.authenticate_as_service_role();
select lives_ok(
  $$insert into public.certificates (id, user_id, course_id, final_score)
    values ('ce000000-0000-4000-8000-000000000001', tests.get_user_id('bob'), 'c0000000-0000-4000-8000-000000000001',
      92)$$,
  'the service role issues bob a certificate'
);
select tests.clear_authentication();
select is(
  pg_temp.fresh_row(),
  pg_temp.expect(null, 'service_role', 'insert', 'certificates', 'ce000000-0000-4000-8000-000000000001', 'acme',
    'info'),
  'an issued certificate is info, in its holder''s organization'
);
select is(pg_temp.take_count(), 1, 'an issued certificate writes exactly one audit row');

select tests.authenticate_as_service_role();
select lives_ok(
  $$update public.certificates set status = 'revoked', revoked_at = '2025-02-01T00:00:00Z', revoked_reason = 'fraud'
    where id = 'ce000000-0000-4000-8000-000000000001'$$,
  'the service role revokes it'
);
select tests.clear_authentication();
select is(
  pg_temp.fresh_row(),
  pg_temp.expect(null, 'service_role', 'revoke', 'certificates', 'ce000000-0000-4000-8000-000000000001', 'acme',
    'warning'),
  'a revocation is logged as revoke, a warning'
);
select is(
  pg_temp.take_changes(),
  '{"status": {"old": "active", "new": "revoked"},
    "revoked_at": {"old": null, "new": "2025-02-01T00:00:00+00:00"},
    "revoked_reason": {"old": null, "new": "fraud"}}'::jsonb,
  'the diff lists status, revoked_at and revoked_reason'
);

select tests.authenticate_as_service_role();
select lives_ok(
  $$update public.certificates set final_score = final_score where id = 'ce000000-0000-4000-8000-000000000001'$$,
  'the service role rewrites a certificate unchanged'
);
select tests.clear_authentication();
select is(pg_temp.take_count(), 0, 'an update that changes nothing writes nothing');

-- feature_flags: managed by super admins ----------------------------------------------

select tests.authenticate_as('sam');
select lives_ok(
  $$insert into public.feature_flags (flag_key, name) values ('ai_coach_v2', 'AI coach v2')$$,
  'sam creates a feature flag'
);
select tests.clear_authentication();
select is(
  pg_temp.fresh_row(),
  pg_temp.expect(
    'sam', 'super_admin', 'insert', 'feature_flags',
    (
      select f.id from public.feature_flags as f
      where f.flag_key = 'ai_coach_v2'
    ),
    null, 'info'
  ),
  'a new flag is info; a super_admin without an organization logs none'
);
select is(pg_temp.take_count(), 1, 'a new flag writes exactly one audit row');

select tests.authenticate_as('sam');
select lives_ok(
  $$update public.feature_flags set is_enabled = true, rollout_percentage = 25 where flag_key = 'ai_coach_v2'$$,
  'sam enables the flag for 25%'
);
select tests.clear_authentication();
select is(pg_temp.fresh_row() ->> 'severity', 'warning', 'a flag change is a warning');
select is(
  pg_temp.take_changes(),
  '{"is_enabled": {"old": false, "new": true}, "rollout_percentage": {"old": 100, "new": 25}}'::jsonb,
  'the diff lists is_enabled and rollout_percentage only'
);

select tests.authenticate_as('sam');
select lives_ok(
  $$delete from public.feature_flags where flag_key = 'ai_coach_v2'$$,
  'sam deletes the flag'
);
select tests.clear_authentication();
select is(pg_temp.fresh_row() ->> 'action', 'delete', 'a flag deletion is logged as delete');
select is(pg_temp.take_count(), 1, 'a flag deletion writes exactly one audit row');

-- tribunal cases: reviews -------------------------------------------------------------

-- Acting as ana (analyst, acme)
select tests.authenticate_as('ana');
select lives_ok(
  $$update public.tribunal_cases
    set manually_reviewed = true, reviewed_by = tests.get_user_id('ana'), reviewed_at = '2025-03-01T00:00:00Z'
    where id = 'ca000000-0000-4000-8000-000000000001'$$,
  'ana (analyst) marks a case reviewed'
);
select tests.clear_authentication();
select is(pg_temp.fresh_count(), 1, 'a case review writes exactly one audit row');
select is(
  pg_temp.fresh_row(),
  pg_temp.expect('ana', 'analyst', 'review', 'tribunal_cases', 'ca000000-0000-4000-8000-000000000001', 'acme', 'info'),
  'a case review is info, in the reviewer''s organization (cases have none)'
);
select is(
  pg_temp.take_changes(),
  jsonb_build_object(
    'manually_reviewed', jsonb_build_object('old', false, 'new', true),
    'reviewed_by', jsonb_build_object('old', null, 'new', tests.get_user_id('ana')),
    'reviewed_at', jsonb_build_object('old', null, 'new', '2025-03-01T00:00:00+00:00')
  ),
  'the diff lists the three review columns'
);

select tests.authenticate_as('ana');
select lives_ok(
  $$update public.tribunal_cases set summary_en = 'A summary.' where id = 'ca000000-0000-4000-8000-000000000001'$$,
  'ana edits the case''s summary'
);
select tests.clear_authentication();
select is(pg_temp.take_count(), 0, 'a case edit outside the review columns writes nothing');

select tests.authenticate_as_service_role();
select lives_ok(
  $$update public.tribunal_cases_raw set status = 'classified' where id = 'ca000000-0000-4000-8000-000000000002'$$,
  'the classifier (service role) marks a raw case classified'
);
select tests.clear_authentication();
select is(
  pg_temp.fresh_row(),
  pg_temp.expect(null, 'service_role', 'review', 'tribunal_cases_raw', 'ca000000-0000-4000-8000-000000000002', null,
    'info'),
  'a raw case''s status change is logged as a review'
);
select is(
  pg_temp.take_changes(),
  '{"status": {"old": "pending", "new": "classified"}}'::jsonb,
  'the diff lists the status only'
);

select tests.authenticate_as_service_role();
select lives_ok(
  $$update public.tribunal_cases_raw set extracted_title = 'A v B' where id = 'ca000000-0000-4000-8000-000000000002'$$,
  'the scraper (service role) fills in an extracted title'
);
select tests.clear_authentication();
select is(pg_temp.take_count(), 0, 'a raw case change outside status and reviewer writes nothing');

-- Tables that are not audited ---------------------------------------------------------

select tests.authenticate_as_service_role();
select lives_ok(
  $$insert into public.notifications (user_id, type, title, message)
    values (tests.get_user_id('bob'), 'system', 'Hello', 'Welcome')$$,
  'the service role sends bob a notification'
);
select tests.clear_authentication();
select is(pg_temp.take_count(), 0, 'a change to a table that is not audited writes nothing');

select * from finish();
rollback;
