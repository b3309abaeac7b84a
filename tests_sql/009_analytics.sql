/*
  009_analytics: org_analytics, one row of learning figures per organization
  (migrations/009_analytics.sql).

  Proves that org_analytics is a materialized view with a unique index on
  organization_id (so it can be refreshed concurrently), that anon and
  authenticated cannot read it, and that after a refresh its figures are
  exact for organizations whose members have several progress rows,
  certificates and achievements each: 009_analytics aggregates each child
  table per organization before joining, so nothing is multiplied by the
  join's fan-out; active_learners counts learners (with any progress above
  0), not progress rows; avg_completion is the mean of course-level rows
  (lesson_id null) only; org_total_points is the plain sum of the members'
  points. Soft-deleted members and organizations are left out.
*/
begin;
create extension if not exists pgtap with schema extensions;
select plan(27);

-- The view ------------------------------------------------------------------------

select has_materialized_view('public', 'org_analytics', 'org_analytics is a materialized view');
select columns_are(
    'public', 'org_analytics',
    array['organization_id', 'name', 'total_users', 'active_learners', 'total_certificates', 'avg_completion',
      'org_total_points'],
    'org_analytics has exactly its seven columns'
);
select col_type_is('public', 'org_analytics', 'organization_id', 'uuid', 'org_analytics.organization_id is uuid');
select col_type_is('public', 'org_analytics', 'name', 'text', 'org_analytics.name is text');
select col_type_is('public', 'org_analytics', 'total_users', 'bigint', 'org_analytics.total_users is bigint');
select col_type_is('public', 'org_analytics', 'active_learners', 'bigint', 'org_analytics.active_learners is bigint');
select col_type_is(
  'public', 'org_analytics', 'total_certificates', 'bigint',
  'org_analytics.total_certificates is bigint'
);
select col_type_is('public', 'org_analytics', 'avg_completion', 'numeric', 'org_analytics.avg_completion is numeric');
select col_type_is('public', 'org_analytics', 'org_total_points', 'bigint', 'org_analytics.org_total_points is bigint');
select has_index(
    'public', 'org_analytics', 'org_analytics_organization_id', array['organization_id'],
    'org_analytics has the index org_analytics_organization_id on organization_id'
);
select index_is_unique(
    'public', 'org_analytics', 'org_analytics_organization_id',
    'org_analytics_organization_id is unique, as REFRESH ... CONCURRENTLY requires'
);
select is(
    has_table_privilege('anon', 'public.org_analytics', 'select'), false,
    'anon cannot select from org_analytics'
);
select is(
    has_table_privilege('authenticated', 'public.org_analytics', 'select'), false,
    'authenticated cannot select from org_analytics (staff read it through an RPC)'
);
select is(
    has_table_privilege('public', 'public.org_analytics', 'select'), false,
    'public has no select on org_analytics'
);

-- Arrange (as the superuser) ----------------------------------------------------

-- Acme (b1): Uma (u1), Victor (u2), Wendy (u3) and Xavier (u5) are members,
-- Yolanda (u4) was a member and is soft-deleted. Globex (b2) has one member,
-- Zoe. Hooli (b3) is soft-deleted. Initech (b4) has no members. Nadia (u9)
-- belongs to no organization.
insert into public.organizations (id, name, slug, admin_email, deleted_at) values
('00000000-0000-0000-0000-0000000000b1', 'Acme', 'acme', 'admin@acme.example.org', null),
('00000000-0000-0000-0000-0000000000b2', 'Globex', 'globex', 'admin@globex.example.org', null),
('00000000-0000-0000-0000-0000000000b3', 'Hooli', 'hooli', 'admin@hooli.example.org', now()),
('00000000-0000-0000-0000-0000000000b4', 'Initech', 'initech', 'admin@initech.example.org', null);

insert into auth.users (id, email) values
('00000000-0000-0000-0000-0000000000a1', 'uma@example.org'),
('00000000-0000-0000-0000-0000000000a2', 'victor@example.org'),
('00000000-0000-0000-0000-0000000000a3', 'wendy@example.org'),
('00000000-0000-0000-0000-0000000000a4', 'yolanda@example.org'),
('00000000-0000-0000-0000-0000000000a5', 'xavier@example.org'),
('00000000-0000-0000-0000-0000000000a6', 'zoe@example.org'),
('00000000-0000-0000-0000-0000000000a7', 'hank@example.org'),
('00000000-0000-0000-0000-0000000000a9', 'nadia@example.org');

update public.profiles set organization_id = '00000000-0000-0000-0000-0000000000b1'
where id in ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000a2',
             '00000000-0000-0000-0000-0000000000a3', '00000000-0000-0000-0000-0000000000a5');
update public.profiles set organization_id = '00000000-0000-0000-0000-0000000000b1', deleted_at = now()
where id = '00000000-0000-0000-0000-0000000000a4';
update public.profiles set organization_id = '00000000-0000-0000-0000-0000000000b2'
where id = '00000000-0000-0000-0000-0000000000a6';
update public.profiles set organization_id = '00000000-0000-0000-0000-0000000000b3'
where id = '00000000-0000-0000-0000-0000000000a7';

insert into public.courses (id, title_en, slug, category, level, duration_minutes) values
('00000000-0000-0000-0000-0000000000c1', 'Foundations', 'foundations', 'Foundations', 'Introductory', 60),
('00000000-0000-0000-0000-0000000000c2', 'At work', 'at-work', 'Workplace', 'Intermediate', 60);

insert into public.lessons (id, course_id, title_en, lesson_type, order_index) values
('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000c1', 'One', 'video', 1),
('00000000-0000-0000-0000-0000000000d2', '00000000-0000-0000-0000-0000000000c1', 'Two', 'quiz', 2);

-- Course-level rows (lesson_id null) in Acme: 50, 100, 0, 0 -> mean 37.5.
-- Lesson rows (100, 0, 100) must not enter the mean. Uma is active three
-- times over, Victor only through a lesson, Xavier not at all (0 percent).
insert into public.progress (user_id, course_id, lesson_id, completion_percentage) values
('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c1', null, 50),
('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c2', null, 100),
('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000d1',
  100),
('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000d2',
  0),
('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000c1', null, 0),
('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000d1',
  100),
('00000000-0000-0000-0000-0000000000a5', '00000000-0000-0000-0000-0000000000c1', null, 0),
('00000000-0000-0000-0000-0000000000a4', '00000000-0000-0000-0000-0000000000c1', null, 80),
('00000000-0000-0000-0000-0000000000a6', '00000000-0000-0000-0000-0000000000c1', null, 20),
('00000000-0000-0000-0000-0000000000a7', '00000000-0000-0000-0000-0000000000c1', null, 90),
('00000000-0000-0000-0000-0000000000a9', '00000000-0000-0000-0000-0000000000c1', null, 70);

-- Acme: Uma two certificates, Victor one; soft-deleted Yolanda one.
insert into public.certificates (user_id, course_id) values
('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c1'),
('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c2'),
('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000c1'),
('00000000-0000-0000-0000-0000000000a4', '00000000-0000-0000-0000-0000000000c1'),
('00000000-0000-0000-0000-0000000000a7', '00000000-0000-0000-0000-0000000000c1');

-- Acme: 100 + 50 + 30 = 180 points (Xavier has no row); Yolanda's 1000 do not count.
insert into public.user_achievements (user_id, total_points) values
('00000000-0000-0000-0000-0000000000a1', 100),
('00000000-0000-0000-0000-0000000000a2', 50),
('00000000-0000-0000-0000-0000000000a3', 30),
('00000000-0000-0000-0000-0000000000a4', 1000),
('00000000-0000-0000-0000-0000000000a7', 500),
('00000000-0000-0000-0000-0000000000a9', 70)
-- the learning loop (022) may have created the rows already
on conflict (user_id) do update set total_points = excluded.total_points;

-- Before and after a refresh ------------------------------------------------------

select is(
    (select count(*) from public.org_analytics
     where organization_id = '00000000-0000-0000-0000-0000000000b1'),
    0::bigint,
    'a materialized view does not see new organizations until it is refreshed'
);
select lives_ok(
    $$refresh materialized view public.org_analytics$$,
    'org_analytics refreshes'
);
select lives_ok(
    $$refresh materialized view concurrently public.org_analytics$$,
    'org_analytics refreshes concurrently, as the nightly cron job does'
);

-- Acme's figures --------------------------------------------------------------------

select is(
    (select total_users from public.org_analytics
     where organization_id = '00000000-0000-0000-0000-0000000000b1'),
    4::bigint,
    'total_users counts the four members who are not soft-deleted'
);
select is(
    (select active_learners from public.org_analytics
     where organization_id = '00000000-0000-0000-0000-0000000000b1'),
    2::bigint,
    'active_learners counts learners with any progress above 0 (Uma and Victor), not progress rows'
);
select is(
    (select total_certificates from public.org_analytics
     where organization_id = '00000000-0000-0000-0000-0000000000b1'),
    3::bigint,
    'total_certificates counts each certificate once, however many progress rows its holder has'
);
select is(
    (select avg_completion from public.org_analytics
     where organization_id = '00000000-0000-0000-0000-0000000000b1'),
    37.5::numeric,
    'avg_completion is the mean of course-level rows only: (50 + 100 + 0 + 0) / 4'
);
select is(
    (select org_total_points from public.org_analytics
     where organization_id = '00000000-0000-0000-0000-0000000000b1'),
    180::bigint,
    'org_total_points is the plain sum of the members'' points, not multiplied by their progress rows or certificates'
);
select is(
    (select name from public.org_analytics
     where organization_id = '00000000-0000-0000-0000-0000000000b1'),
    'Acme',
    'each row carries the organization''s name'
);

-- The other organizations -----------------------------------------------------------

select row_eq(
    $$select total_users, active_learners, total_certificates, avg_completion, org_total_points
      from public.org_analytics where organization_id = '00000000-0000-0000-0000-0000000000b2'$$,
    row(1::bigint, 1::bigint, 0::bigint, 20::numeric, 0::bigint),
    'Globex: one active member at 20 percent, no certificates, no points'
);
select row_eq(
    $$select total_users, active_learners, total_certificates, avg_completion, org_total_points
      from public.org_analytics where organization_id = '00000000-0000-0000-0000-0000000000b4'$$,
    row(0::bigint, 0::bigint, 0::bigint, null::numeric, 0::bigint),
    'an organization without members has zeros and no average'
);
select is(
    (select count(*) from public.org_analytics
     where organization_id = '00000000-0000-0000-0000-0000000000b3'),
    0::bigint,
    'a soft-deleted organization has no row'
);
select set_eq(
    $$select name from public.org_analytics
      where organization_id is null or organization_id::text like '00000000-0000-0000-0000-0000000000b_'$$,
    array['Acme', 'Globex', 'Initech'],
    'org_analytics has one row per organization that is not soft-deleted, and nothing for learners without one'
);

select * from finish();
rollback;
