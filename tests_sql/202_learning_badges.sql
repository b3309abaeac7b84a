/*
  Badges: criteria_config validated on write (22023), award_badge and
  revoke_badge role by role (org admins for their own organization's
  members, super_admin any), cross-organization attempts, every SQLSTATE,
  points once ever, badges_earned / badge_timestamps, notifications.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(48);

do $$
begin
  perform tests.create_org('t202-acme');
  perform tests.create_org('t202-globex');
  perform tests.create_user('t202-sam', 'super_admin', 't202-acme', 'enterprise');
  perform tests.create_user('t202-olga', 'org_admin', 't202-acme');
  perform tests.create_user('t202-cora', 'compliance_officer', 't202-acme');
  perform tests.create_user('t202-lena', 'learner', 't202-acme');
  perform tests.create_user('t202-vic', 'viewer', 't202-acme');
  perform tests.create_user('t202-gina', 'org_admin', 't202-globex');
  perform tests.create_user('t202-glen', 'learner', 't202-globex');
  perform tests.create_user('t202-dora', 'learner', 't202-acme');
  update public.profiles set deleted_at = now() where id = tests.get_user_id('t202-dora');
  insert into public.custom_badges (id, organization_id, name, criteria_type, criteria_config, points_value, is_active)
  values
    (md5('t202:manual')::uuid, tests.get_org_id('t202-acme'), 'T202 manual', 'manual', null, 25, true),
    (md5('t202:hybrid')::uuid, tests.get_org_id('t202-acme'), 'T202 hybrid', 'hybrid',
      '{"type": "points", "threshold": 100000}', 10, true),
    (md5('t202:auto')::uuid, tests.get_org_id('t202-acme'), 'T202 automated', 'automated',
      '{"type": "points", "threshold": 100000}', 10, true),
    (md5('t202:inactive')::uuid, tests.get_org_id('t202-acme'), 'T202 inactive', 'manual', null, 10, false),
    (md5('t202:globex')::uuid, tests.get_org_id('t202-globex'), 'T202 globex', 'manual', null, 10, true);
end
$$;

create temporary view t202_lena as
select ua.* from public.user_achievements as ua
where ua.user_id = tests.get_user_id('t202-lena');
grant select on t202_lena to authenticated;

-- criteria_config is validated on write (acting as olga, org_admin) ------------------------------

select tests.authenticate_as('t202-olga');
select throws_ok(
  $$insert into public.custom_badges (organization_id, name, criteria_type, created_by)
    values (tests.get_org_id('t202-acme'), 'T202 v1', 'automated', tests.get_user_id('t202-olga'))$$,
  '22023', 'criteria_type automated needs a criteria_config', 'an automated badge without criteria is refused'
);
select throws_ok(
  $$insert into public.custom_badges (organization_id, name, criteria_type, criteria_config, created_by)
    values (tests.get_org_id('t202-acme'), 'T202 v2', 'automated', '{"type": "logins", "threshold": 3}',
      tests.get_user_id('t202-olga'))$$,
  '22023',
  'unknown criteria type ''logins'': use course_completion, points, streak, lessons_completed or quizzes_passed',
  'an unknown kind is refused, naming the kinds'
);
select throws_ok(
  $$insert into public.custom_badges (organization_id, name, criteria_type, criteria_config, created_by)
    values (tests.get_org_id('t202-acme'), 'T202 v3', 'hybrid', '{"type": "points"}', tests.get_user_id('t202-olga'))$$,
  '22023', 'criteria_config.threshold must be a whole number from 1 to 1000000 for points',
  'a missing threshold is refused'
);
select throws_ok(
  $$insert into public.custom_badges (organization_id, name, criteria_type, criteria_config, created_by)
    values (tests.get_org_id('t202-acme'), 'T202 v4', 'automated', '{"type": "lessons_completed", "threshold": 1.5}',
      tests.get_user_id('t202-olga'))$$,
  '22023', null, 'a fractional threshold is refused'
);
select throws_ok(
  $$insert into public.custom_badges (organization_id, name, criteria_type, criteria_config, created_by)
    values (tests.get_org_id('t202-acme'), 'T202 v5', 'automated', '{"type": "quizzes_passed", "threshold": 0}',
      tests.get_user_id('t202-olga'))$$,
  '22023', null, 'a threshold of 0 is refused'
);
select throws_ok(
  $$insert into public.custom_badges (organization_id, name, criteria_type, criteria_config, created_by)
    values (tests.get_org_id('t202-acme'), 'T202 v6', 'automated', '{"type": "streak", "threshold": 7}',
      tests.get_user_id('t202-olga'))$$,
  '22023', 'criteria_config.days must be a whole number from 1 to 1000000 for streak',
  'a streak badge needs days'
);
select throws_ok(
  $$insert into public.custom_badges (organization_id, name, criteria_type, criteria_config, created_by)
    values (tests.get_org_id('t202-acme'), 'T202 v7', 'automated',
      '{"type": "course_completion", "course_ids": ["not-a-uuid"], "threshold": 1}', tests.get_user_id('t202-olga'))$$,
  '22023', 'criteria_config.course_ids must be a non-empty array of course ids', 'course ids must be ids'
);
select throws_ok(
  $$insert into public.custom_badges (organization_id, name, criteria_type, criteria_config, created_by)
    values (tests.get_org_id('t202-acme'), 'T202 v8', 'automated',
      jsonb_build_object(
        'type', 'course_completion', 'course_ids', jsonb_build_array(gen_random_uuid()), 'threshold', 2
      ),
      tests.get_user_id('t202-olga'))$$,
  '22023', 'criteria_config.threshold cannot exceed the number of course_ids', 'a threshold above the course count'
);
select throws_ok(
  $$insert into public.custom_badges (organization_id, name, criteria_type, criteria_config, created_by)
    values (tests.get_org_id('t202-acme'), 'T202 v9', 'manual', '[1, 2]', tests.get_user_id('t202-olga'))$$,
  '22023', 'criteria_config must be a JSON object', 'a config that is not an object is refused, even on a manual badge'
);
select throws_ok(
  $$update public.custom_badges set criteria_config = '{"type": "points"}' where id = md5('t202:hybrid')::uuid$$,
  '22023', null, 'an update to invalid criteria is refused too'
);
select lives_ok(
  $$insert into public.custom_badges (organization_id, name, criteria_type, criteria_config, created_by)
    values
      (tests.get_org_id('t202-acme'), 'T202 ok1', 'automated', '{"type": "streak", "days": 7}',
        tests.get_user_id('t202-olga')),
      (tests.get_org_id('t202-acme'), 'T202 ok2', 'hybrid', '{"type": "course_completion", "threshold": 2}',
        tests.get_user_id('t202-olga')),
      (tests.get_org_id('t202-acme'), 'T202 ok3', 'manual', null, tests.get_user_id('t202-olga'))$$,
  'valid criteria (and a manual badge without any) are accepted'
);

-- award_badge -------------------------------------------------------------------------------------

select results_eq(
  $$select badge_id, user_id from public.award_badge(md5('t202:manual')::uuid, tests.get_user_id('t202-lena'))$$,
  $$values (md5('t202:manual')::uuid, tests.get_user_id('t202-lena'))$$,
  'an org admin awards her organization''s manual badge to a member'
);
select throws_ok(
  $$select public.award_badge(md5('t202:manual')::uuid, tests.get_user_id('t202-lena'))$$,
  '23505', 'this member already holds the badge', 'awarding it twice is a conflict'
);
select lives_ok(
  $$select public.award_badge(md5('t202:hybrid')::uuid, tests.get_user_id('t202-lena'))$$,
  'a hybrid badge is awarded by hand too'
);
select throws_ok(
  $$select public.award_badge(md5('t202:auto')::uuid, tests.get_user_id('t202-lena'))$$,
  '22023', 'an automated badge is awarded by its criteria, not by hand', 'an automated badge is not awarded by hand'
);
select throws_ok(
  $$select public.award_badge(md5('t202:inactive')::uuid, tests.get_user_id('t202-lena'))$$,
  '22023', 'this badge is inactive', 'an inactive badge is not awarded'
);
select throws_ok(
  $$select public.award_badge(md5('t202:globex')::uuid, tests.get_user_id('t202-glen'))$$,
  'P0002', 'badge not found', 'another organization''s badge is not found'
);
select throws_ok(
  $$select public.award_badge(md5('t202:manual')::uuid, tests.get_user_id('t202-glen'))$$,
  'P0002', 'member not found', 'a member of another organization is not found'
);
select throws_ok(
  $$select public.award_badge(md5('t202:manual')::uuid, tests.get_user_id('t202-dora'))$$,
  'P0002', 'member not found', 'a soft-deleted member is not found'
);
select throws_ok(
  $$select public.award_badge(null, tests.get_user_id('t202-lena'))$$,
  '22023', 'p_badge_id is required', 'a missing badge id is invalid'
);
select throws_ok(
  $$select public.award_badge(md5('t202:manual')::uuid, null)$$,
  '22023', 'p_user_id is required', 'a missing user id is invalid'
);
select results_eq(
  $$select total_points, badges_earned @> array[md5('t202:manual')::uuid::text, md5('t202:hybrid')::uuid::text]
    from t202_lena$$,
  $$values (35, true)$$,
  'lena holds both badges and their points (25 + 10)'
);

select tests.authenticate_as('t202-cora');
select throws_ok(
  $$select public.award_badge(md5('t202:manual')::uuid, tests.get_user_id('t202-vic'))$$,
  '42501', 'only an org admin awards and revokes badges', 'a compliance_officer sees the badge but may not award it'
);
select throws_ok(
  $$select public.award_badge(md5('t202:inactive')::uuid, tests.get_user_id('t202-vic'))$$,
  'P0002', 'badge not found', 'an inactive badge is invisible to her: not found'
);
select tests.authenticate_as('t202-lena');
select throws_ok(
  $$select public.award_badge(md5('t202:manual')::uuid, tests.get_user_id('t202-vic'))$$,
  '42501', 'only an org admin awards and revokes badges', 'a learner may not award badges'
);
select throws_ok(
  $$select public.revoke_badge(md5('t202:manual')::uuid, tests.get_user_id('t202-lena'))$$,
  '42501', 'only an org admin awards and revokes badges', 'a learner may not revoke her own badge'
);
select results_eq(
  $$select count(*)::int from public.notifications where type = 'badge_unlocked'$$, array[2],
  'lena was notified of each badge'
);
select tests.authenticate_as('t202-vic');
select throws_ok(
  $$select public.award_badge(md5('t202:manual')::uuid, tests.get_user_id('t202-vic'))$$,
  '42501', null, 'a viewer may not award badges'
);
select tests.authenticate_as('t202-gina');
select throws_ok(
  $$select public.award_badge(md5('t202:manual')::uuid, tests.get_user_id('t202-lena'))$$,
  'P0002', 'badge not found', 'another organization''s admin does not find acme''s badge'
);
select throws_ok(
  $$select public.revoke_badge(md5('t202:manual')::uuid, tests.get_user_id('t202-lena'))$$,
  'P0002', 'badge not found', 'nor revokes it'
);
select lives_ok(
  $$select public.award_badge(md5('t202:globex')::uuid, tests.get_user_id('t202-glen'))$$,
  'globex''s admin awards globex''s badge to a globex member'
);
select tests.authenticate_as('t202-sam');
select lives_ok(
  $$select public.award_badge(md5('t202:manual')::uuid, tests.get_user_id('t202-vic'))$$,
  'a super_admin awards an organization''s badge to its member'
);
select throws_ok(
  $$select public.award_badge(md5('t202:globex')::uuid, tests.get_user_id('t202-lena'))$$,
  'P0002', 'member not found', 'not even a super_admin gives a globex badge to an acme member'
);
select tests.authenticate_as_anon();
select throws_ok(
  $$select public.award_badge(md5('t202:manual')::uuid, tests.get_user_id('t202-lena'))$$,
  '42501', null, 'anon cannot call award_badge: no execute grant'
);
select throws_ok(
  $$select public.revoke_badge(md5('t202:manual')::uuid, tests.get_user_id('t202-lena'))$$,
  '42501', null, 'anon cannot call revoke_badge: no execute grant'
);
select tests.authenticate_as_service_role();
select throws_ok(
  $$select public.award_badge(md5('t202:manual')::uuid, tests.get_user_id('t202-lena'))$$,
  '42501', null, 'the service role has no execute grant either (server code has no user to act as)'
);

-- revoke_badge -----------------------------------------------------------------------------------

select tests.authenticate_as('t202-olga');
select results_eq(
  $$select revoked from public.revoke_badge(md5('t202:manual')::uuid, tests.get_user_id('t202-lena'))$$,
  array[true],
  'the org admin revokes the manual badge'
);
select throws_ok(
  $$select public.revoke_badge(md5('t202:manual')::uuid, tests.get_user_id('t202-lena'))$$,
  'P0002', 'this member does not hold the badge', 'revoking it twice: not held'
);
select throws_ok(
  $$select public.revoke_badge(md5('t202:auto')::uuid, tests.get_user_id('t202-lena'))$$,
  '22023', 'an automated badge is awarded by its criteria, not by hand', 'an automated badge is not revoked by hand'
);
select tests.clear_authentication();
select results_eq(
  $$select total_points, md5('t202:manual')::uuid::text = any(badges_earned),
      badge_timestamps ? md5('t202:manual')::uuid::text
    from t202_lena$$,
  $$values (10, false, false)$$,
  'the badge, its timestamp and its 25 points are gone'
);
select tests.authenticate_as('t202-olga');
select lives_ok(
  $$select public.award_badge(md5('t202:manual')::uuid, tests.get_user_id('t202-lena'))$$,
  'the org admin awards it again'
);
select tests.clear_authentication();
select results_eq(
  $$select total_points, md5('t202:manual')::uuid::text = any(badges_earned) from t202_lena$$,
  $$values (10, true)$$,
  'the badge is back, its points are not: a badge gives points once, ever'
);
select results_eq(
  $$select kind, points from private.points_ledger
    where user_id = tests.get_user_id('t202-lena') and subject_id = md5('t202:manual')::uuid order by kind$$,
  $$values ('badge_earned', 25), ('badge_revoked', -25)$$,
  'the ledger records the award and its revocation, once each'
);
select results_eq(
  $$select total_points from t202_lena$$,
  $$select sum(points)::int from private.points_ledger where user_id = tests.get_user_id('t202-lena')$$,
  'total_points is still the ledger''s sum'
);
select results_eq(
  $$select actor_id from private.points_ledger
    where user_id = tests.get_user_id('t202-lena') and subject_id = md5('t202:manual')::uuid
      and kind = 'badge_revoked'$$,
  $$values (tests.get_user_id('t202-olga'))$$,
  'the ledger names who revoked it'
);

-- An org's automated badges apply to its own members only ---------------------------------------------
insert into public.custom_badges (id, organization_id, name, criteria_type, criteria_config, points_value)
values (md5('t202:first')::uuid, tests.get_org_id('t202-globex'), 'T202 first lesson', 'automated',
  '{"type": "lessons_completed", "threshold": 1}', 5);
insert into public.courses (id, title_en, slug, category, level, duration_minutes, is_published)
values (md5('t202:course')::uuid, 'T202', 't202-course', 'Foundations', 'Introductory', 10, true);
insert into public.lessons (id, course_id, title_en, lesson_type, order_index)
values (md5('t202:l1')::uuid, md5('t202:course')::uuid, 'L1', 'reading', 1),
  (md5('t202:l2')::uuid, md5('t202:course')::uuid, 'L2', 'reading', 2);
insert into public.progress (user_id, course_id, lesson_id, completed_at)
values (tests.get_user_id('t202-lena'), md5('t202:course')::uuid, md5('t202:l1')::uuid, now()),
  (tests.get_user_id('t202-glen'), md5('t202:course')::uuid, md5('t202:l1')::uuid, now());
select ok(
  not (select md5('t202:first')::uuid::text = any(badges_earned) from t202_lena),
  'an acme learner does not earn a globex badge'
);
select ok(
  (select md5('t202:first')::uuid::text = any(badges_earned) from public.user_achievements
   where user_id = tests.get_user_id('t202-glen')),
  'a globex learner earns it'
);
select results_eq(
  $$select count(*)::int from private.points_ledger
    where user_id = tests.get_user_id('t202-glen') and kind = 'badge_earned' and subject_id = md5('t202:first')::uuid$$,
  array[1],
  'once'
);

select * from finish();
rollback;
