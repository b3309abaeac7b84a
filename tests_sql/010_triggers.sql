/*
  010_triggers: what the database does by itself.

  Proves that updated_at is stamped with the transaction time on every
  UPDATE of each of the 21 tables that have it (private.set_updated_at);
  that an auth user with an email gets a profile with that email and name,
  that an email change or confirmation on auth.users reaches the profile,
  and that an auth user without an email gets no profile until it has one
  (private.handle_auth_user_change); that certificates are numbered
  ABR-YYYY-NNNNNN with the year of issue, each number distinct
  (private.assign_certificate_number); and that courses.lesson_count follows
  lessons inserted, deleted and moved between courses
  (private.maintain_lesson_count).

  now() is the transaction's start time and constant here, so every row is
  inserted with updated_at in the year 2000 and must read now() after an
  update of another column.
*/
begin;
create extension if not exists pgtap with schema extensions;
select plan(100);

-- Arrange (as the superuser) ----------------------------------------------------

-- Alice's auth user has no email, so no profile is created for her: her
-- profile is inserted directly, with an old updated_at.
insert into auth.users (id, phone) values ('00000000-0000-0000-0000-0000000000a1', '+15550101');
insert into public.profiles (id, email, full_name, updated_at) values ('00000000-0000-0000-0000-0000000000a1',
  'alice@example.org', 'Alice', '2000-01-01 00:00:00+00');


insert into public.organizations (id, name, slug, admin_email, updated_at)
values ('00000000-0000-0000-0000-0000000000b1', 'Acme', 'acme', 'admin@acme.example.org', '2000-01-01 00:00:00+00');

insert into public.teams (organization_id, name, updated_at) values ('00000000-0000-0000-0000-0000000000b1', 'Legal',
  '2000-01-01 00:00:00+00');

insert into public.courses (id, title_en, slug, category, level, duration_minutes, updated_at)
values
('00000000-0000-0000-0000-0000000000c1', 'Foundations', 'foundations', 'Foundations', 'Introductory', 60,
  '2000-01-01 00:00:00+00'),
-- A course without lessons: adding a lesson updates its course's lesson_count, and so its updated_at.
('00000000-0000-0000-0000-0000000000c9', 'Spare', 'spare', 'Foundations', 'Introductory', 60, '2000-01-01 00:00:00+00');

insert into public.lessons (id, course_id, title_en, lesson_type, order_index, updated_at)
values ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000c1', 'One', 'video', 1,
  '2000-01-01 00:00:00+00');

insert into public.progress (user_id, course_id, updated_at) values ('00000000-0000-0000-0000-0000000000a1',
  '00000000-0000-0000-0000-0000000000c1', '2000-01-01 00:00:00+00');


insert into public.learning_paths (title_en, slug, course_ids, updated_at) values ('Start', 'start', '{}',
  '2000-01-01 00:00:00+00');

insert into public.tribunal_sources (id, name, tribunal, base_url, scraper_config, updated_at)
values ('00000000-0000-0000-0000-000000000101', 'T010 HRTO', 'HRTO', 'https://example.org', '{}',
  '2000-01-01 00:00:00+00');

insert into public.tribunal_cases_raw (source_name, source_url, updated_at) values ('HRTO', 'https://example.org/1',
  '2000-01-01 00:00:00+00');

insert into public.tribunal_cases (case_number, title, tribunal, source_url, updated_at)
values ('2024 HRTO 1', 'A v. B', 'HRTO', 'https://example.org/1', '2000-01-01 00:00:00+00');

insert into public.ai_coaching_sessions (user_id, session_type, ai_response,
  updated_at) values ('00000000-0000-0000-0000-0000000000a1', 'custom', 'Hi', '2000-01-01 00:00:00+00');

insert into public.bookmarks (user_id, resource_type, resource_id, updated_at)
values ('00000000-0000-0000-0000-0000000000a1', 'course', '00000000-0000-0000-0000-0000000000c1',
  '2000-01-01 00:00:00+00');

-- After the coaching session, whose counter (022_learning_loop) creates and stamps the row.
delete from public.user_achievements
where user_id = '00000000-0000-0000-0000-0000000000a1';
insert into public.user_achievements (user_id, updated_at) values ('00000000-0000-0000-0000-0000000000a1',
  '2000-01-01 00:00:00+00');

insert into public.saved_searches (user_id, name, filters, updated_at) values ('00000000-0000-0000-0000-0000000000a1',
  'Ontario', '{}', '2000-01-01 00:00:00+00');

insert into public.resources (title_en, category, file_url, updated_at) values ('Toolkit', 'Toolkit',
  'https://example.org/t.pdf', '2000-01-01 00:00:00+00');

insert into public.subscriptions (
    id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, plan_tier, plan_name,
    billing_interval, amount_cents, status, current_period_start, current_period_end, updated_at
) values (
    '00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000b1', 'sub_1', 'cus_1', 'price_1',
      'professional', 'Professional - Annual',
    'year', 199900, 'active', '2025-01-01', '2026-01-01', '2000-01-01 00:00:00+00'
);

insert into public.subscription_seats (subscription_id, organization_id, updated_at)
values ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000b1', '2000-01-01 00:00:00+00');

insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status, period_start,
  period_end, updated_at)
values ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000b1', 'in_1', 199900, 'open',
  '2025-01-01', '2025-12-31', '2000-01-01 00:00:00+00');

insert into public.payment_methods (organization_id, stripe_payment_method_id, stripe_customer_id, updated_at)
values ('00000000-0000-0000-0000-0000000000b1', 'pm_1', 'cus_1', '2000-01-01 00:00:00+00');

-- The course row above already made a1's onboarding row (first_course_started, 041_onboarding):
-- start it again with a known updated_at.
delete from public.onboarding
where user_id = '00000000-0000-0000-0000-0000000000a1';
insert into public.onboarding (user_id, updated_at) values ('00000000-0000-0000-0000-0000000000a1',
  '2000-01-01 00:00:00+00');

insert into public.feature_flags (flag_key, name, updated_at) values ('ai-coach', 'AI coach', '2000-01-01 00:00:00+00');


-- updated_at is stamped on every update ---------------------------------------------


select is(
    (select updated_at from public.organizations
     where id = '00000000-0000-0000-0000-0000000000b1'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'organizations: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.organizations set name = 'Acme Inc.' where id = '00000000-0000-0000-0000-0000000000b1'$$,
    'organizations: another column is updated'
);
select is(
    (select updated_at from public.organizations
     where id = '00000000-0000-0000-0000-0000000000b1'),
    now(),
    'organizations: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.profiles
     where id = '00000000-0000-0000-0000-0000000000a1'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'profiles: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.profiles set full_name = 'Alice A.' where id = '00000000-0000-0000-0000-0000000000a1'$$,
    'profiles: another column is updated'
);
select is(
    (select updated_at from public.profiles
     where id = '00000000-0000-0000-0000-0000000000a1'),
    now(),
    'profiles: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.teams
     where name = 'Legal'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'teams: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.teams set description = 'Counsel' where name = 'Legal'$$,
    'teams: another column is updated'
);
select is(
    (select updated_at from public.teams
     where name = 'Legal'),
    now(),
    'teams: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.courses
     where id = '00000000-0000-0000-0000-0000000000c9'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'courses: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.courses set title_fr = 'Fondements' where id = '00000000-0000-0000-0000-0000000000c9'$$,
    'courses: another column is updated'
);
select is(
    (select updated_at from public.courses
     where id = '00000000-0000-0000-0000-0000000000c9'),
    now(),
    'courses: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.lessons
     where id = '00000000-0000-0000-0000-0000000000d1'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'lessons: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.lessons set title_fr = 'Un' where id = '00000000-0000-0000-0000-0000000000d1'$$,
    'lessons: another column is updated'
);
select is(
    (select updated_at from public.lessons
     where id = '00000000-0000-0000-0000-0000000000d1'),
    now(),
    'lessons: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.progress
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'progress: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.progress set completion_percentage = 10 where user_id = '00000000-0000-0000-0000-0000000000a1'$$,
    'progress: another column is updated'
);
select is(
    (select updated_at from public.progress
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    now(),
    'progress: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.user_achievements
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'user_achievements: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.user_achievements set total_points = 10 where user_id = '00000000-0000-0000-0000-0000000000a1'$$,
    'user_achievements: another column is updated'
);
select is(
    (select updated_at from public.user_achievements
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    now(),
    'user_achievements: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.learning_paths
     where slug = 'start'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'learning_paths: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.learning_paths set title_fr = 'Début' where slug = 'start'$$,
    'learning_paths: another column is updated'
);
select is(
    (select updated_at from public.learning_paths
     where slug = 'start'),
    now(),
    'learning_paths: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.tribunal_sources
     where name = 'T010 HRTO'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'tribunal_sources: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.tribunal_sources set last_error = 'timeout' where name = 'T010 HRTO'$$,
    'tribunal_sources: another column is updated'
);
select is(
    (select updated_at from public.tribunal_sources
     where name = 'T010 HRTO'),
    now(),
    'tribunal_sources: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.tribunal_cases_raw
     where source_url = 'https://example.org/1'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'tribunal_cases_raw: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.tribunal_cases_raw set status = 'classified' where source_url = 'https://example.org/1'$$,
    'tribunal_cases_raw: another column is updated'
);
select is(
    (select updated_at from public.tribunal_cases_raw
     where source_url = 'https://example.org/1'),
    now(),
    'tribunal_cases_raw: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.tribunal_cases
     where case_number = '2024 HRTO 1'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'tribunal_cases: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.tribunal_cases set featured = true where case_number = '2024 HRTO 1'$$,
    'tribunal_cases: another column is updated'
);
select is(
    (select updated_at from public.tribunal_cases
     where case_number = '2024 HRTO 1'),
    now(),
    'tribunal_cases: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.ai_coaching_sessions
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'ai_coaching_sessions: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.ai_coaching_sessions set user_rating = 5 where user_id = '00000000-0000-0000-0000-0000000000a1'$$,
    'ai_coaching_sessions: another column is updated'
);
select is(
    (select updated_at from public.ai_coaching_sessions
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    now(),
    'ai_coaching_sessions: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.bookmarks
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'bookmarks: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.bookmarks set is_favorite = true where user_id = '00000000-0000-0000-0000-0000000000a1'$$,
    'bookmarks: another column is updated'
);
select is(
    (select updated_at from public.bookmarks
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    now(),
    'bookmarks: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.saved_searches
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'saved_searches: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.saved_searches set use_count = 1 where user_id = '00000000-0000-0000-0000-0000000000a1'$$,
    'saved_searches: another column is updated'
);
select is(
    (select updated_at from public.saved_searches
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    now(),
    'saved_searches: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.resources
     where title_en = 'Toolkit'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'resources: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.resources set download_count = 1 where title_en = 'Toolkit'$$,
    'resources: another column is updated'
);
select is(
    (select updated_at from public.resources
     where title_en = 'Toolkit'),
    now(),
    'resources: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.subscriptions
     where id = '00000000-0000-0000-0000-0000000000e1'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'subscriptions: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.subscriptions set status = 'past_due' where id = '00000000-0000-0000-0000-0000000000e1'$$,
    'subscriptions: another column is updated'
);
select is(
    (select updated_at from public.subscriptions
     where id = '00000000-0000-0000-0000-0000000000e1'),
    now(),
    'subscriptions: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.subscription_seats
     where organization_id = '00000000-0000-0000-0000-0000000000b1'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'subscription_seats: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.subscription_seats set status = 'assigned' where organization_id
      = '00000000-0000-0000-0000-0000000000b1'$$,
    'subscription_seats: another column is updated'
);
select is(
    (select updated_at from public.subscription_seats
     where organization_id = '00000000-0000-0000-0000-0000000000b1'),
    now(),
    'subscription_seats: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.invoices
     where stripe_invoice_id = 'in_1'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'invoices: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.invoices set status = 'paid' where stripe_invoice_id = 'in_1'$$,
    'invoices: another column is updated'
);
select is(
    (select updated_at from public.invoices
     where stripe_invoice_id = 'in_1'),
    now(),
    'invoices: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.payment_methods
     where stripe_payment_method_id = 'pm_1'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'payment_methods: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.payment_methods set is_default = true where stripe_payment_method_id = 'pm_1'$$,
    'payment_methods: another column is updated'
);
select is(
    (select updated_at from public.payment_methods
     where stripe_payment_method_id = 'pm_1'),
    now(),
    'payment_methods: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.onboarding
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'onboarding: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.onboarding set tour_completed = true where user_id = '00000000-0000-0000-0000-0000000000a1'$$,
    'onboarding: another column is updated'
);
select is(
    (select updated_at from public.onboarding
     where user_id = '00000000-0000-0000-0000-0000000000a1'),
    now(),
    'onboarding: the update stamps updated_at with now()'
);

select is(
    (select updated_at from public.feature_flags
     where flag_key = 'ai-coach'),
    '2000-01-01 00:00:00+00'::timestamptz,
    'feature_flags: before the update, updated_at is the inserted value'
);
select lives_ok(
    $$update public.feature_flags set is_enabled = true where flag_key = 'ai-coach'$$,
    'feature_flags: another column is updated'
);
select is(
    (select updated_at from public.feature_flags
     where flag_key = 'ai-coach'),
    now(),
    'feature_flags: the update stamps updated_at with now()'
);

-- A client cannot back-date updated_at ----------------------------------------------

select lives_ok(
    $$update public.profiles set updated_at = '1999-01-01 00:00:00+00' where id
      = '00000000-0000-0000-0000-0000000000a1'$$,
    'an update may try to set updated_at itself'
);
select is(
    (select updated_at from public.profiles
     where id = '00000000-0000-0000-0000-0000000000a1'),
    now(),
    'the trigger overrides it with now()'
);

-- A profile for every auth user ------------------------------------------------------

select lives_ok(
    $$insert into auth.users (id, email, raw_user_meta_data)
      values ('00000000-0000-0000-0000-0000000000a2', 'bob@example.org',
        '{"full_name": "Bob Builder", "avatar_url": "https://example.org/bob.png"}')$$,
    'an auth user with an email and a full name is created'
);
select row_eq(
    $$select email, full_name, avatar_url, email_verified,
      role from public.profiles where id = '00000000-0000-0000-0000-0000000000a2'$$,
    row('bob@example.org'::text, 'Bob Builder'::text, 'https://example.org/bob.png'::text, false, 'learner'::text),
    'its profile has the email, full name and avatar of the auth user, unverified, as a learner'
);
select lives_ok(
    $$insert into auth.users (id, email, raw_user_meta_data, email_confirmed_at)
      values ('00000000-0000-0000-0000-0000000000a3', 'carol@example.org', '{"name": "Carol"}', now())$$,
    'an auth user with a confirmed email and only a "name" in its metadata is created'
);
select row_eq(
    $$select full_name, email_verified from public.profiles where id = '00000000-0000-0000-0000-0000000000a3'$$,
    row('Carol'::text, true),
    'its profile takes the name when there is no full_name, and is verified'
);
select lives_ok(
    $$update public.profiles set full_name = 'Robert' where id = '00000000-0000-0000-0000-0000000000a2'$$,
    'the user renames himself in his profile'
);
select lives_ok(
    $$update auth.users set email = 'robert@example.org' where id = '00000000-0000-0000-0000-0000000000a2'$$,
    'the auth user changes email'
);
select row_eq(
    $$select email, full_name from public.profiles where id = '00000000-0000-0000-0000-0000000000a2'$$,
    row('robert@example.org'::text, 'Robert'::text),
    'the new email reaches the profile, and the profile''s own name is kept'
);
select lives_ok(
    $$update auth.users set email_confirmed_at = now() where id = '00000000-0000-0000-0000-0000000000a2'$$,
    'the auth user confirms the email'
);
select is(
    (select email_verified from public.profiles
     where id = '00000000-0000-0000-0000-0000000000a2'),
    true,
    'the confirmation reaches the profile'
);
select is(
    (select count(*) from public.profiles
     where email = 'bob@example.org'),
    0::bigint,
    'no profile keeps the old email'
);
select lives_ok(
    $$insert into auth.users (id, phone) values ('00000000-0000-0000-0000-0000000000a4', '+15550104')$$,
    'an auth user signs up with a phone number and no email'
);
select is(
    (select count(*) from public.profiles
     where id = '00000000-0000-0000-0000-0000000000a4'),
    0::bigint,
    'a user without email gets no profile'
);
select lives_ok(
    $$update auth.users set email = 'dan@example.org' where id = '00000000-0000-0000-0000-0000000000a4'$$,
    'the phone user adds an email'
);
select is(
    (select email from public.profiles
     where id = '00000000-0000-0000-0000-0000000000a4'),
    'dan@example.org',
    'the profile is created when the user has an email'
);

-- Certificate numbers -------------------------------------------------------------

select lives_ok(
    $$insert into public.certificates (id, user_id, course_id) values
      ('00000000-0000-0000-0000-000000000701', '00000000-0000-0000-0000-0000000000a1',
        '00000000-0000-0000-0000-0000000000c1')$$,
    'a certificate is issued without a number'
);
select matches(
    (select certificate_number from public.certificates
     where id = '00000000-0000-0000-0000-000000000701'),
    '^ABR-[0-9]{4}-[0-9]{6}$',
    'the database numbers it ABR-YYYY-NNNNNN'
);
select is(
    (select substr(certificate_number, 5, 4) from public.certificates
     where id = '00000000-0000-0000-0000-000000000701'),
    to_char(current_date, 'YYYY'),
    'YYYY is the year of issue (today)'
);
select lives_ok(
    $$insert into public.courses (id, title_en, slug, category, level, duration_minutes)
      values ('00000000-0000-0000-0000-0000000000c2', 'Law', 'law', 'Legal', 'Advanced', 60)$$,
    'a second course is created'
);
select lives_ok(
    $$insert into public.certificates (id, user_id, course_id, issued_date) values
      ('00000000-0000-0000-0000-000000000702', '00000000-0000-0000-0000-0000000000a1',
        '00000000-0000-0000-0000-0000000000c2', '2023-11-30')$$,
    'a certificate issued on 2023-11-30 is recorded without a number'
);
select matches(
    (select certificate_number from public.certificates
     where id = '00000000-0000-0000-0000-000000000702'),
    '^ABR-2023-[0-9]{6}$',
    'its number carries the year of issue, 2023, not the current year'
);
select isnt(
    (select certificate_number from public.certificates
     where id = '00000000-0000-0000-0000-000000000702'),
    (select certificate_number from public.certificates
     where id = '00000000-0000-0000-0000-000000000701'),
    'two certificates get different numbers'
);
select is(
    (select substr(a.certificate_number, 10)::bigint > substr(b.certificate_number, 10)::bigint
     from public.certificates as a, public.certificates as b
     where a.id = '00000000-0000-0000-0000-000000000702' and b.id = '00000000-0000-0000-0000-000000000701'),
    true,
    'numbers come from a sequence: the later certificate has the higher number'
);
select lives_ok(
    $$insert into public.certificates (id, user_id, course_id, certificate_number) values
      ('00000000-0000-0000-0000-000000000703', '00000000-0000-0000-0000-0000000000a2',
        '00000000-0000-0000-0000-0000000000c2', 'ABR-1999-123456')$$,
    'a certificate may be recorded with a number already given'
);
select is(
    (select certificate_number from public.certificates
     where id = '00000000-0000-0000-0000-000000000703'),
    'ABR-1999-123456',
    'a number already given is kept'
);

-- courses.lesson_count --------------------------------------------------------------

select is(
    (select lesson_count from public.courses
     where id = '00000000-0000-0000-0000-0000000000c2'),
    0,
    'a new course has no lessons'
);
select lives_ok(
    $$insert into public.lessons (id, course_id, title_en, lesson_type, order_index) values
      ('00000000-0000-0000-0000-0000000000d2', '00000000-0000-0000-0000-0000000000c2', 'One', 'video', 1),
      ('00000000-0000-0000-0000-0000000000d3', '00000000-0000-0000-0000-0000000000c2', 'Two', 'video', 2),
      ('00000000-0000-0000-0000-0000000000d4', '00000000-0000-0000-0000-0000000000c2', 'Three', 'video', 3)$$,
    'three lessons are added to the course in one statement'
);
select is(
    (select lesson_count from public.courses
     where id = '00000000-0000-0000-0000-0000000000c2'),
    3,
    'lesson_count counts inserted lessons'
);
select lives_ok(
    $$delete from public.lessons where id = '00000000-0000-0000-0000-0000000000d4'$$,
    'a lesson is deleted'
);
select is(
    (select lesson_count from public.courses
     where id = '00000000-0000-0000-0000-0000000000c2'),
    2,
    'lesson_count follows a deletion'
);
select lives_ok(
    $$update public.lessons set title_en = 'First', order_index = 10 where id
      = '00000000-0000-0000-0000-0000000000d2'$$,
    'a lesson is renamed and reordered within its course'
);
select is(
    (select lesson_count from public.courses
     where id = '00000000-0000-0000-0000-0000000000c2'),
    2,
    'an update that keeps the course leaves lesson_count alone'
);
select is(
    (select lesson_count from public.courses
     where id = '00000000-0000-0000-0000-0000000000c1'),
    1,
    'before the move, the first course has its one lesson'
);
select lives_ok(
    $$update public.lessons set course_id = '00000000-0000-0000-0000-0000000000c1', order_index = 2
      where id = '00000000-0000-0000-0000-0000000000d3'$$,
    'a lesson is moved to the other course'
);
select results_eq(
    $$select lesson_count from public.courses where id in ('00000000-0000-0000-0000-0000000000c1',
      '00000000-0000-0000-0000-0000000000c2')
      order by slug$$,
    $$values (2), (1)$$,
    'a move adds one to the new course and takes one from the old'
);
select is(
    (select count(*) from public.courses as c
     where c.lesson_count <> (select count(*) from public.lessons as l
                              where l.course_id = c.id)),
    0::bigint,
    'every course''s lesson_count equals the number of its lessons'
);

select * from finish();
rollback;
