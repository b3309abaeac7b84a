/*
  008_cascades: what a delete takes with it, and what it leaves.

  Proves every rule of the spec's "Cascade Behaviors" section and the
  ON DELETE choices the migrations document where they deviate from it:
  - a profile takes its progress, certificates, achievements, bookmarks,
    saved searches, notifications, coaching sessions and onboarding, and
    leaves (with the reference cleared) the teams it leads, the seats it
    holds or assigned, the courses, badges, paths, resources and flags it
    authored, the jobs it triggered, the cases it reviewed, and its audit
    trail (001-007: author and audit references are on delete set null);
  - deleting an auth user deletes the profile;
  - a reviewer whose classification feedback exists cannot be deleted
    (004: the feedback's reviewer is required and has no SET NULL);
  - an organization takes its teams, badges, subscription, seats, invoices,
    payment methods and usage, and leaves its members and audit trail with
    organization_id cleared;
  - a course takes its lessons and progress, but a course with certificates
    cannot be deleted (RESTRICT);
  - a subscription takes its seats and invoices, and clears the
    organization's subscription_id and, through the seat, profiles.seat_id
    (008: organizations.subscription_id is on delete set null);
  - a lesson takes its lesson-level progress and keeps the course-level row
    (002: progress follows its lesson, not SET NULL);
  - a tribunal source takes its jobs and clears tribunal_cases_raw's job
    link; a curated case takes its feedback and clears the raw cases' links
    to it; a raw case takes its feedback and clears the curated case's
    lineage; a case used by a lesson cannot be deleted.
*/
begin;
create extension if not exists pgtap with schema extensions;
select plan(65);

-- Arrange (as the superuser) ----------------------------------------------------

-- People: Alice (a1) is deleted as a profile, Bob (a2) stays, Carol (a3) is
-- deleted through auth.users, Rita (a4) reviews classifications, Dan (a5)
-- holds a seat of the subscription that is deleted.
insert into auth.users (id, email, raw_user_meta_data) values
('00000000-0000-0000-0000-0000000000a1', 'alice@example.org', '{"full_name": "Alice"}'),
('00000000-0000-0000-0000-0000000000a2', 'bob@example.org', '{"full_name": "Bob"}'),
('00000000-0000-0000-0000-0000000000a3', 'carol@example.org', '{"full_name": "Carol"}'),
('00000000-0000-0000-0000-0000000000a4', 'rita@example.org', '{"full_name": "Rita"}'),
('00000000-0000-0000-0000-0000000000a5', 'dan@example.org', '{"full_name": "Dan"}');

-- Acme (b1) is deleted; Globex (b2) loses its subscription.
insert into public.organizations (id, name, slug, admin_email) values
('00000000-0000-0000-0000-0000000000b1', 'Acme', 'acme', 'admin@acme.example.org'),
('00000000-0000-0000-0000-0000000000b2', 'Globex', 'globex', 'admin@globex.example.org');

insert into public.teams (id, organization_id, name, team_lead_id) values
('00000000-0000-0000-0000-000000000501', '00000000-0000-0000-0000-0000000000b1', 'Legal',
  '00000000-0000-0000-0000-0000000000a1'),
('00000000-0000-0000-0000-000000000502', '00000000-0000-0000-0000-0000000000b2', 'HR', null);

insert into public.subscriptions (
    id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, plan_tier, plan_name,
    billing_interval, seat_count, amount_cents, status, current_period_start, current_period_end
) values
('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000b1', 'sub_1', 'cus_1', 'price_1',
 'professional', 'Professional - Annual', 'year', 10, 199900, 'active', '2025-01-01', '2026-01-01'),
('00000000-0000-0000-0000-0000000000e2', '00000000-0000-0000-0000-0000000000b2', 'sub_2', 'cus_2', 'price_1',
 'professional', 'Professional - Annual', 'year', 10, 199900, 'active', '2025-01-01', '2026-01-01');

update public.organizations set subscription_id = '00000000-0000-0000-0000-0000000000e1'
where id = '00000000-0000-0000-0000-0000000000b1';
update public.organizations set subscription_id = '00000000-0000-0000-0000-0000000000e2'
where id = '00000000-0000-0000-0000-0000000000b2';

-- Seats: Alice's and Bob's in Acme (Alice assigned Bob's), Dan's in Globex.
insert into public.subscription_seats (id, subscription_id, organization_id, assigned_to_user_id, assigned_by, team_id,
  status) values
('00000000-0000-0000-0000-0000000000e5', '00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000b1',
 '00000000-0000-0000-0000-0000000000a1', null, '00000000-0000-0000-0000-000000000501', 'active'),
('00000000-0000-0000-0000-0000000000e7', '00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000b1',
 '00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-000000000501',
   'active'),
('00000000-0000-0000-0000-0000000000e6', '00000000-0000-0000-0000-0000000000e2', '00000000-0000-0000-0000-0000000000b2',
 '00000000-0000-0000-0000-0000000000a5', null, '00000000-0000-0000-0000-000000000502', 'active');

-- Alice is in Acme's team and holds her seat. Bob is an Acme member (given
-- a team and seat just before Acme's deletion). Dan is in Globex's team and
-- holds its seat.
update public.profiles
set organization_id = '00000000-0000-0000-0000-0000000000b1', team_id = '00000000-0000-0000-0000-000000000501',
    seat_id = '00000000-0000-0000-0000-0000000000e5'
where id = '00000000-0000-0000-0000-0000000000a1';
update public.profiles
set organization_id = '00000000-0000-0000-0000-0000000000b1'
where id = '00000000-0000-0000-0000-0000000000a2';
update public.profiles
set organization_id = '00000000-0000-0000-0000-0000000000b2', team_id = '00000000-0000-0000-0000-000000000502',
    seat_id = '00000000-0000-0000-0000-0000000000e6'
where id = '00000000-0000-0000-0000-0000000000a5';

insert into public.invoices (id, subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
  period_start, period_end) values
('00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000b1',
 'in_1', 199900, 'paid', '2025-01-01', '2025-12-31'),
('00000000-0000-0000-0000-0000000000f2', '00000000-0000-0000-0000-0000000000e2', '00000000-0000-0000-0000-0000000000b2',
 'in_2', 199900, 'paid', '2025-01-01', '2025-12-31');

insert into public.payment_methods (organization_id, stripe_payment_method_id, stripe_customer_id, is_default) values
('00000000-0000-0000-0000-0000000000b1', 'pm_1', 'cus_1', true),
('00000000-0000-0000-0000-0000000000b2', 'pm_2', 'cus_2', true);

-- Usage, each row already invoiced: deleting its subscription must not be
-- blocked by usage_tracking.invoice_id (no action), since the usage goes too.
insert into public.usage_tracking (
    organization_id, subscription_id, metric_type, quantity, unit, period_start, period_end, invoiced, invoice_id
) values
('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000e1', 'api_calls', 10, 'count', '2025-01-01',
  '2025-01-31',
 true, '00000000-0000-0000-0000-0000000000f1'),
('00000000-0000-0000-0000-0000000000b2', '00000000-0000-0000-0000-0000000000e2', 'api_calls', 10, 'count', '2025-01-01',
  '2025-01-31',
 true, '00000000-0000-0000-0000-0000000000f2');

insert into public.custom_badges (organization_id, name, created_by) values
('00000000-0000-0000-0000-0000000000b1', 'Ally', null),
('00000000-0000-0000-0000-0000000000b2', 'Champion', '00000000-0000-0000-0000-0000000000a1');

insert into public.audit_logs (user_id, user_email, organization_id, action, resource_type) values
('00000000-0000-0000-0000-0000000000a1', 'alice@example.org', '00000000-0000-0000-0000-0000000000b1', 'login',
  'session'),
('00000000-0000-0000-0000-0000000000a2', 'bob@example.org', '00000000-0000-0000-0000-0000000000b1', 'login', 'session');

-- Tribunal data: HRTO (101) with two jobs and a raw case from each; CHRT
-- (102) with a job Alice triggered. Case 401 was ingested from raw 301 and
-- is the original of raw 302; case 402 is used by a lesson; case 403 was
-- ingested from raw 302.
insert into public.tribunal_sources (id, name, tribunal, base_url, scraper_config) values
('00000000-0000-0000-0000-000000000101', 'T008 HRTO', 'Human Rights Tribunal of Ontario', 'https://example.org/hrto',
  '{}'),
('00000000-0000-0000-0000-000000000102', 'T008 CHRT', 'Canadian Human Rights Tribunal', 'https://example.org/chrt',
  '{}');

insert into public.ingestion_jobs (id, source_id, triggered_by) values
('00000000-0000-0000-0000-000000000201', '00000000-0000-0000-0000-000000000101', null),
('00000000-0000-0000-0000-000000000202', '00000000-0000-0000-0000-000000000101', null),
('00000000-0000-0000-0000-000000000203', '00000000-0000-0000-0000-000000000102',
  '00000000-0000-0000-0000-0000000000a1');

insert into public.tribunal_cases_raw (id, source_name, source_url, ingestion_job_id, reviewed_by) values
('00000000-0000-0000-0000-000000000301', 'HRTO', 'https://example.org/hrto/1', '00000000-0000-0000-0000-000000000201',
 '00000000-0000-0000-0000-0000000000a1'),
('00000000-0000-0000-0000-000000000302', 'HRTO', 'https://example.org/hrto/2', '00000000-0000-0000-0000-000000000202',
  null);

insert into public.tribunal_cases (id, case_number, title, tribunal, source_url, ingested_from_raw_id,
  reviewed_by) values
('00000000-0000-0000-0000-000000000401', '2024 HRTO 1', 'A v. B', 'HRTO', 'https://example.org/hrto/1',
 '00000000-0000-0000-0000-000000000301', '00000000-0000-0000-0000-0000000000a1'),
('00000000-0000-0000-0000-000000000402', '2024 HRTO 2', 'C v. D', 'HRTO', 'https://example.org/hrto/3', null, null),
('00000000-0000-0000-0000-000000000403', '2024 HRTO 3', 'E v. F', 'HRTO', 'https://example.org/hrto/2',
 '00000000-0000-0000-0000-000000000302', null);

update public.tribunal_cases_raw set promoted_to_case_id = '00000000-0000-0000-0000-000000000401'
where id = '00000000-0000-0000-0000-000000000301';
update public.tribunal_cases_raw set duplicate_of_case_id = '00000000-0000-0000-0000-000000000401', is_duplicate = true
where id = '00000000-0000-0000-0000-000000000302';

insert into public.classification_feedback (id, raw_case_id, case_id, reviewed_by) values
('00000000-0000-0000-0000-000000000601', null, '00000000-0000-0000-0000-000000000401',
  '00000000-0000-0000-0000-0000000000a4'),
('00000000-0000-0000-0000-000000000602', '00000000-0000-0000-0000-000000000302', null,
  '00000000-0000-0000-0000-0000000000a4');

-- Courses: c1 is deleted with its lessons and progress; c2 has certificates
-- and a case-study lesson; c3 (by Alice) loses one of its two lessons.
insert into public.courses (id, title_en, slug, category, level, duration_minutes, created_by) values
('00000000-0000-0000-0000-0000000000c1', 'Foundations', 'foundations', 'Foundations', 'Introductory', 60, null),
('00000000-0000-0000-0000-0000000000c2', 'Law', 'law', 'Legal', 'Advanced', 60, null),
('00000000-0000-0000-0000-0000000000c3', 'At work', 'at-work', 'Workplace', 'Intermediate', 60,
  '00000000-0000-0000-0000-0000000000a1');

insert into public.lessons (id, course_id, title_en, lesson_type, order_index, tribunal_case_id) values
('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000c1', 'One', 'video', 1, null),
('00000000-0000-0000-0000-0000000000d2', '00000000-0000-0000-0000-0000000000c1', 'Two', 'quiz', 2, null),
('00000000-0000-0000-0000-0000000000d3', '00000000-0000-0000-0000-0000000000c3', 'Three', 'reading', 1, null),
('00000000-0000-0000-0000-0000000000d4', '00000000-0000-0000-0000-0000000000c3', 'Four', 'reading', 2, null),
('00000000-0000-0000-0000-0000000000d5', '00000000-0000-0000-0000-0000000000c2', 'Case', 'case_study', 1,
 '00000000-0000-0000-0000-000000000402');

-- Alice: a course-level and a lesson row in c1, and one in c3. Bob: the
-- same in c1, and a course-level row plus both lessons of c3. Carol: c1.
insert into public.progress (user_id, course_id, lesson_id, completion_percentage) values
('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c1', null, 50),
('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000d1',
  100),
('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c3', null, 0),
('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000c1', null, 50),
('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000d2',
  100),
('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000c3', null, 50),
('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000c3', '00000000-0000-0000-0000-0000000000d3',
  100),
('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000c3', '00000000-0000-0000-0000-0000000000d4',
  0),
('00000000-0000-0000-0000-0000000000a3', '00000000-0000-0000-0000-0000000000c1', null, 10);

insert into public.certificates (user_id, course_id) values
('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c2'),
('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000c2');

insert into public.user_achievements (user_id, total_points) values
('00000000-0000-0000-0000-0000000000a1', 10),
('00000000-0000-0000-0000-0000000000a2', 20),
('00000000-0000-0000-0000-0000000000a3', 30)
-- the learning loop (022) may have created the rows already
on conflict (user_id) do update set total_points = excluded.total_points;

insert into public.bookmarks (user_id, resource_type, resource_id) values
('00000000-0000-0000-0000-0000000000a1', 'tribunal_case', '00000000-0000-0000-0000-000000000401'),
('00000000-0000-0000-0000-0000000000a2', 'tribunal_case', '00000000-0000-0000-0000-000000000401');

insert into public.saved_searches (user_id, name, filters) values
('00000000-0000-0000-0000-0000000000a1', 'Ontario', '{"tribunal": "HRTO"}'),
('00000000-0000-0000-0000-0000000000a2', 'Ontario', '{"tribunal": "HRTO"}');

insert into public.notifications (user_id, type, title, message) values
('00000000-0000-0000-0000-0000000000a1', 'system', 'Welcome', 'Hello'),
('00000000-0000-0000-0000-0000000000a2', 'system', 'Welcome', 'Hello');

insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values
('00000000-0000-0000-0000-0000000000a1', 'motivation', 'Keep going'),
('00000000-0000-0000-0000-0000000000a2', 'motivation', 'Keep going');

-- Course rows above may have made them already (first_course_started, 041_onboarding).
insert into public.onboarding (user_id) values
('00000000-0000-0000-0000-0000000000a1'),
('00000000-0000-0000-0000-0000000000a2')
on conflict (user_id) do nothing;

insert into public.learning_paths (title_en, slug, course_ids, created_by) values
('Start here', 'start-here', array['00000000-0000-0000-0000-0000000000c3'::uuid],
  '00000000-0000-0000-0000-0000000000a1');

insert into public.resources (title_en, category, file_url, created_by) values
('Toolkit', 'Toolkit', 'https://example.org/toolkit.pdf', '00000000-0000-0000-0000-0000000000a1');

insert into public.feature_flags (flag_key, name, created_by) values
('ai-coach', 'AI coach', '00000000-0000-0000-0000-0000000000a1');

-- Deleting a profile ------------------------------------------------------------

select row_eq(
    $$select
        (select count(*) from public.progress where user_id = '00000000-0000-0000-0000-0000000000a1'),
        (select count(*) from public.certificates where user_id = '00000000-0000-0000-0000-0000000000a1'),
        (select count(*) from public.user_achievements where user_id = '00000000-0000-0000-0000-0000000000a1'),
        (select count(*) from public.bookmarks where user_id = '00000000-0000-0000-0000-0000000000a1'),
        (select count(*) from public.saved_searches where user_id = '00000000-0000-0000-0000-0000000000a1'),
        (select count(*) from public.notifications where user_id = '00000000-0000-0000-0000-0000000000a1'),
        (select count(*) from public.ai_coaching_sessions where user_id = '00000000-0000-0000-0000-0000000000a1'),
        (select count(*) from public.onboarding where user_id = '00000000-0000-0000-0000-0000000000a1')$$,
    row(3::bigint, 1::bigint, 1::bigint, 1::bigint, 1::bigint, 1::bigint, 1::bigint, 1::bigint),
    'before: Alice has progress, a certificate, achievements, a bookmark, a saved search, a notification, a coaching '
      'session and onboarding'
);
select lives_ok(
    $$delete from public.profiles where id = '00000000-0000-0000-0000-0000000000a1'$$,
    'a profile with learning records, authored content and an audit trail can be deleted'
);
select is(
    (select count(*) from public.progress
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    0::bigint,
    'deleting a profile deletes its progress'
);
select is(
    (select count(*) from public.certificates
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    0::bigint,
    'deleting a profile deletes its certificates'
);
select is(
    (select count(*) from public.user_achievements
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    0::bigint,
    'deleting a profile deletes its achievements'
);
select is(
    (select count(*) from public.bookmarks
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    0::bigint,
    'deleting a profile deletes its bookmarks'
);
select is(
    (select count(*) from public.saved_searches
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    0::bigint,
    'deleting a profile deletes its saved searches'
);
select is(
    (select count(*) from public.notifications
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    0::bigint,
    'deleting a profile deletes its notifications'
);
select is(
    (select count(*) from public.ai_coaching_sessions
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    0::bigint,
    'deleting a profile deletes its coaching sessions'
);
select is(
    (select count(*) from public.onboarding
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    0::bigint,
    'deleting a profile deletes its onboarding'
);
select row_eq(
    $$select
        (select count(*) from public.progress where user_id = '00000000-0000-0000-0000-0000000000a2'),
        (select count(*) from public.certificates where user_id = '00000000-0000-0000-0000-0000000000a2'),
        (select count(*) from public.user_achievements where user_id = '00000000-0000-0000-0000-0000000000a2'),
        (select count(*) from public.bookmarks where user_id = '00000000-0000-0000-0000-0000000000a2'),
        (select count(*) from public.saved_searches where user_id = '00000000-0000-0000-0000-0000000000a2'),
        (select count(*) from public.notifications where user_id = '00000000-0000-0000-0000-0000000000a2'),
        (select count(*) from public.ai_coaching_sessions where user_id = '00000000-0000-0000-0000-0000000000a2'),
        (select count(*) from public.onboarding where user_id = '00000000-0000-0000-0000-0000000000a2')$$,
    row(5::bigint, 1::bigint, 1::bigint, 1::bigint, 1::bigint, 1::bigint, 1::bigint, 1::bigint),
    'another learner''s records are untouched'
);
select is(
    (select team_lead_id from public.teams
     where id = '00000000-0000-0000-0000-000000000501'),
    null,
    'the team the profile led stays, without a lead'
);
select is(
    (select assigned_to_user_id from public.subscription_seats
     where id = '00000000-0000-0000-0000-0000000000e5'),
    null,
    'the seat the profile held stays, unassigned'
);
select is(
    (select assigned_by from public.subscription_seats
     where id = '00000000-0000-0000-0000-0000000000e7'),
    null,
    'a seat the profile assigned stays, with assigned_by cleared'
);
select is(
    (select created_by from public.courses
     where id = '00000000-0000-0000-0000-0000000000c3'),
    null,
    'a course the profile authored stays, with created_by cleared'
);
select is(
    (select created_by from public.custom_badges
     where name = 'Champion'),
    null,
    'a badge the profile created stays, with created_by cleared'
);
select is(
    (select created_by from public.learning_paths
     where slug = 'start-here'),
    null,
    'a learning path the profile created stays, with created_by cleared'
);
select is(
    (select created_by from public.resources
     where title_en = 'Toolkit'),
    null,
    'a resource the profile created stays, with created_by cleared'
);
select is(
    (select created_by from public.feature_flags
     where flag_key = 'ai-coach'),
    null,
    'a feature flag the profile created stays, with created_by cleared'
);
select is(
    (select triggered_by from public.ingestion_jobs
     where id = '00000000-0000-0000-0000-000000000203'),
    null,
    'an ingestion job the profile triggered stays, with triggered_by cleared'
);
select is(
    (select reviewed_by from public.tribunal_cases
     where id = '00000000-0000-0000-0000-000000000401'),
    null,
    'a curated case the profile reviewed stays, with reviewed_by cleared'
);
select is(
    (select reviewed_by from public.tribunal_cases_raw
     where id = '00000000-0000-0000-0000-000000000301'),
    null,
    'a raw case the profile reviewed stays, with reviewed_by cleared'
);
select row_eq(
    $$select user_id, user_email from public.audit_logs where user_email = 'alice@example.org'$$,
    row(null::uuid, 'alice@example.org'::text),
    'the audit trail outlives the profile: user_id is cleared, user_email still says who it was'
);

-- Deleting an auth user ---------------------------------------------------------

select lives_ok(
    $$delete from auth.users where id = '00000000-0000-0000-0000-0000000000a3'$$,
    'an auth user can be deleted'
);
-- 046_erasure: the profile is anonymized in place, not deleted, so nothing cascades away.
select is(
    (select count(*) from public.profiles
     where id = '00000000-0000-0000-0000-0000000000a3' and erased_at is not null and full_name is null),
    1::bigint,
    'deleting an auth user anonymizes the profile instead of deleting it'
);
select is(
    (select count(*) from public.progress
     where user_id = '00000000-0000-0000-0000-0000000000a3')
    + (select count(*) from public.user_achievements
       where user_id = '00000000-0000-0000-0000-0000000000a3'),
    2::bigint,
    'and its progress and achievements stay'
);

-- A reviewer with classification feedback -----------------------------------------

select throws_ok(
    $$delete from public.profiles where id = '00000000-0000-0000-0000-0000000000a4'$$,
    '23503',
    'update or delete on table "profiles" violates foreign key constraint "classification_feedback_reviewed_by_fkey" '
      'on table "classification_feedback"',
    'a reviewer whose classification feedback exists cannot be deleted (the feedback is training lineage)'
);

-- Deleting an organization --------------------------------------------------------

-- Profiles reference an organization directly and through its teams and
-- seats, and its deletion reaches them by all three paths. Bob's profile is
-- written in this same transaction and now points at Acme's team and his
-- seat: the deletion must still succeed (profiles_team_id_fkey and
-- profiles_seat_id_fkey are checked at commit; see 001_core).
update public.profiles
set team_id = '00000000-0000-0000-0000-000000000501', seat_id = '00000000-0000-0000-0000-0000000000e7'
where id = '00000000-0000-0000-0000-0000000000a2';

select row_eq(
    $$select
        (select count(*) from public.teams where organization_id = '00000000-0000-0000-0000-0000000000b1'),
        (select count(*) from public.custom_badges where organization_id = '00000000-0000-0000-0000-0000000000b1'),
        (select count(*) from public.subscriptions where organization_id = '00000000-0000-0000-0000-0000000000b1'),
        (select count(*) from public.subscription_seats where organization_id = '00000000-0000-0000-0000-0000000000b1'),
        (select count(*) from public.invoices where organization_id = '00000000-0000-0000-0000-0000000000b1'),
        (select count(*) from public.payment_methods where organization_id = '00000000-0000-0000-0000-0000000000b1'),
        (select count(*) from public.usage_tracking where organization_id = '00000000-0000-0000-0000-0000000000b1')$$,
    row(1::bigint, 1::bigint, 1::bigint, 2::bigint, 1::bigint, 1::bigint, 1::bigint),
    'before: Acme has a team, a badge, a subscription, two seats, an invoice, a payment method and usage'
);
select lives_ok(
    $$delete from public.organizations where id = '00000000-0000-0000-0000-0000000000b1'$$,
    'an organization with members, billing and an audit trail can be deleted'
);
select is(
    (select count(*) from public.teams
     where organization_id = '00000000-0000-0000-0000-0000000000b1'),
    0::bigint,
    'deleting an organization deletes its teams'
);
select is(
    (select count(*) from public.custom_badges
     where organization_id = '00000000-0000-0000-0000-0000000000b1'),
    0::bigint,
    'deleting an organization deletes its custom badges'
);
select is(
    (select count(*) from public.subscriptions
     where organization_id = '00000000-0000-0000-0000-0000000000b1'),
    0::bigint,
    'deleting an organization deletes its subscription'
);
select is(
    (select count(*) from public.subscription_seats
     where organization_id = '00000000-0000-0000-0000-0000000000b1'),
    0::bigint,
    'deleting an organization deletes its seats'
);
select is(
    (select count(*) from public.invoices
     where organization_id = '00000000-0000-0000-0000-0000000000b1'),
    0::bigint,
    'deleting an organization deletes its invoices'
);
select is(
    (select count(*) from public.payment_methods
     where organization_id = '00000000-0000-0000-0000-0000000000b1'),
    0::bigint,
    'deleting an organization deletes its payment methods'
);
select is(
    (select count(*) from public.usage_tracking
     where organization_id = '00000000-0000-0000-0000-0000000000b1'),
    0::bigint,
    'deleting an organization deletes its usage records'
);
select row_eq(
    $$select count(*), min(organization_id::text), min(team_id::text), min(seat_id::text)
      from public.profiles where id = '00000000-0000-0000-0000-0000000000a2'$$,
    row(1::bigint, null::text, null::text, null::text),
    'a member stays, with organization_id, team_id and seat_id cleared'
);
select is(
    (select count(*) from public.audit_logs
     where organization_id is null and user_email in ('alice@example.org', 'bob@example.org')),
    2::bigint,
    'the organization''s audit trail stays, with organization_id cleared'
);
select row_eq(
    $$select
        (select count(*) from public.organizations where id = '00000000-0000-0000-0000-0000000000b2'),
        (select count(*) from public.teams where organization_id = '00000000-0000-0000-0000-0000000000b2'),
        (select count(*) from public.subscriptions where organization_id = '00000000-0000-0000-0000-0000000000b2'),
        (select count(*) from public.payment_methods where organization_id = '00000000-0000-0000-0000-0000000000b2')$$,
    row(1::bigint, 1::bigint, 1::bigint, 1::bigint),
    'another organization and its rows are untouched'
);

-- Deleting a subscription ---------------------------------------------------------

select lives_ok(
    $$delete from public.subscriptions where id = '00000000-0000-0000-0000-0000000000e2'$$,
    'a subscription with seats, invoices and invoiced usage can be deleted'
);
select is(
    (select count(*) from public.subscription_seats
     where subscription_id = '00000000-0000-0000-0000-0000000000e2'),
    0::bigint,
    'deleting a subscription deletes its seats'
);
select is(
    (select count(*) from public.invoices
     where subscription_id = '00000000-0000-0000-0000-0000000000e2'),
    0::bigint,
    'deleting a subscription deletes its invoices'
);
select is(
    (select count(*) from public.usage_tracking
     where subscription_id = '00000000-0000-0000-0000-0000000000e2'),
    0::bigint,
    'deleting a subscription deletes its usage records'
);
select row_eq(
    $$select count(*), min(subscription_id::text) from public.organizations where id
      = '00000000-0000-0000-0000-0000000000b2'$$,
    row(1::bigint, null::text),
    'the organization stays, with subscription_id cleared'
);
select row_eq(
    $$select count(*), min(seat_id::text) from public.profiles where id = '00000000-0000-0000-0000-0000000000a5'$$,
    row(1::bigint, null::text),
    'the seat holder''s profile stays, with seat_id cleared through the seat''s deletion'
);

-- Deleting a team ---------------------------------------------------------------

select lives_ok(
    $$delete from public.teams where id = '00000000-0000-0000-0000-000000000502'$$,
    'a team with members can be deleted'
);
select row_eq(
    $$select count(*), min(team_id::text), min(organization_id::text) from public.profiles
      where id = '00000000-0000-0000-0000-0000000000a5'$$,
    row(1::bigint, null::text, '00000000-0000-0000-0000-0000000000b2'::text),
    'its member stays in the organization, with team_id cleared'
);

-- Deleting a course ---------------------------------------------------------------

select lives_ok(
    $$delete from public.courses where id = '00000000-0000-0000-0000-0000000000c1'$$,
    'a course without certificates can be deleted'
);
select is(
    (select count(*) from public.lessons
     where course_id = '00000000-0000-0000-0000-0000000000c1'),
    0::bigint,
    'deleting a course deletes its lessons'
);
select is(
    (select count(*) from public.progress
     where course_id = '00000000-0000-0000-0000-0000000000c1'),
    0::bigint,
    'deleting a course deletes its progress, course-level and lesson-level'
);
select throws_ok(
    $$delete from public.courses where id = '00000000-0000-0000-0000-0000000000c2'$$,
    '23503',
    'update or delete on table "courses" violates foreign key constraint "certificates_course_id_fkey" on table '
      '"certificates"',
    'a course with certificates cannot be deleted'
);
select row_eq(
    $$select
        (select count(*) from public.courses where id = '00000000-0000-0000-0000-0000000000c2'),
        (select count(*) from public.lessons where course_id = '00000000-0000-0000-0000-0000000000c2'),
        (select count(*) from public.certificates where course_id = '00000000-0000-0000-0000-0000000000c2')$$,
    row(1::bigint, 1::bigint, 1::bigint),
    'the course, its lesson and its certificate are all still there'
);

-- Deleting a lesson ---------------------------------------------------------------

select lives_ok(
    $$delete from public.lessons where id = '00000000-0000-0000-0000-0000000000d3'$$,
    'a lesson with progress can be deleted'
);
select set_eq(
    $$select coalesce(lesson_id::text, 'course') from public.progress
      where user_id = '00000000-0000-0000-0000-0000000000a2' and course_id = '00000000-0000-0000-0000-0000000000c3'$$,
    array['course', '00000000-0000-0000-0000-0000000000d4'],
    'deleting a lesson deletes its lesson-level progress and keeps the course-level row and the other lesson''s row'
);
select is(
    (select completion_percentage from public.progress
     where user_id = '00000000-0000-0000-0000-0000000000a2' and course_id = '00000000-0000-0000-0000-0000000000c3'
       and lesson_id is null),
    50.00,
    'the course-level row keeps its totals'
);

-- Deleting tribunal data ----------------------------------------------------------

select lives_ok(
    $$delete from public.tribunal_sources where id = '00000000-0000-0000-0000-000000000101'$$,
    'a tribunal source whose jobs fetched raw cases can be deleted'
);
select is(
    (select count(*) from public.ingestion_jobs
     where source_id = '00000000-0000-0000-0000-000000000101'),
    0::bigint,
    'deleting a source deletes its ingestion jobs'
);
select results_eq(
    $$select id::text, ingestion_job_id from public.tribunal_cases_raw
      where id in ('00000000-0000-0000-0000-000000000301', '00000000-0000-0000-0000-000000000302') order by id$$,
    $$values ('00000000-0000-0000-0000-000000000301', null::uuid), ('00000000-0000-0000-0000-000000000302',
      null::uuid)$$,
    'the raw cases stay, with their job link cleared'
);
select lives_ok(
    $$delete from public.tribunal_cases where id = '00000000-0000-0000-0000-000000000401'$$,
    'a curated case with feedback and raw cases pointing at it can be deleted'
);
select is(
    (select count(*) from public.classification_feedback
     where id = '00000000-0000-0000-0000-000000000601'),
    0::bigint,
    'deleting a curated case deletes the feedback on it'
);
select results_eq(
    $$select promoted_to_case_id, duplicate_of_case_id from public.tribunal_cases_raw
      where id in ('00000000-0000-0000-0000-000000000301', '00000000-0000-0000-0000-000000000302') order by id$$,
    $$values (null::uuid, null::uuid), (null::uuid, null::uuid)$$,
    'the raw case promoted to it and the raw case marked its duplicate stay, with those links cleared'
);
select lives_ok(
    $$delete from public.tribunal_cases_raw where id = '00000000-0000-0000-0000-000000000302'$$,
    'a raw case with feedback and a curated case ingested from it can be deleted'
);
select is(
    (select count(*) from public.classification_feedback
     where id = '00000000-0000-0000-0000-000000000602'),
    0::bigint,
    'deleting a raw case deletes the feedback on it'
);
select row_eq(
    $$select count(*), min(ingested_from_raw_id::text) from public.tribunal_cases where id
      = '00000000-0000-0000-0000-000000000403'$$,
    row(1::bigint, null::text),
    'the curated case ingested from it stays, with its lineage cleared'
);
select throws_ok(
    $$delete from public.tribunal_cases where id = '00000000-0000-0000-0000-000000000402'$$,
    '23503',
    'update or delete on table "tribunal_cases" violates foreign key constraint "lessons_tribunal_case_id_fkey" on '
      'table "lessons"',
    'a tribunal case used by a lesson cannot be deleted'
);

select * from finish();
rollback;
