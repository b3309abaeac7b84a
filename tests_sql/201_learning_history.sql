/*
  A scripted multi-day history with a fixed clock: the learning loop dates
  every event by the row's own timestamps (completed_at, last_accessed), so
  server-side writes with explicit times replay a week exactly. It crosses
  the start of a Toronto month (Sat 1 Nov 2025), the end of daylight saving
  time (Sun 2 Nov 2025, 02:00 EDT -> 01:00 EST) and a Toronto week boundary
  (Mon 3 Nov 2025), with a late Sunday event that is already Monday in UTC.
  Every counter, total, period sum, streak, level and badge is asserted.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(22);

do $$
begin
  perform tests.create_org('t201-acme');
  perform tests.create_org('t201-globex');
  perform tests.create_user('t201-hana', 'learner', 't201-acme', 'enterprise');
  insert into public.courses (id, title_en, slug, category, level, duration_minutes, is_published, points_value)
  values
    (md5('t201:c1')::uuid, 'T201 one', 't201-one', 'Foundations', 'Introductory', 30, true, 100),
    (md5('t201:c2')::uuid, 'T201 two', 't201-two', 'Workplace', 'Intermediate', 30, true, 50);
  insert into public.lessons (id, course_id, title_en, lesson_type, order_index, quiz_questions)
  values
    (md5('t201:a1')::uuid, md5('t201:c1')::uuid, 'A1', 'reading', 1, null),
    (md5('t201:a2')::uuid, md5('t201:c1')::uuid, 'A2', 'reading', 2, null),
    (md5('t201:a3')::uuid, md5('t201:c1')::uuid, 'A3', 'quiz', 3,
      '[{"question": "Q?", "options": ["a", "b"], "correct_answer": 0}]'),
    (md5('t201:b1')::uuid, md5('t201:c2')::uuid, 'B1', 'reading', 1, null),
    (md5('t201:b2')::uuid, md5('t201:c2')::uuid, 'B2', 'reading', 2, null);
  insert into public.custom_badges (id, organization_id, name, criteria_type, criteria_config, points_value)
  values
    (md5('t201:points')::uuid, tests.get_org_id('t201-acme'), 'T201 150 points', 'automated',
      '{"type": "points", "threshold": 150}', 5),
    (md5('t201:streak')::uuid, tests.get_org_id('t201-acme'), 'T201 three days', 'automated',
      '{"type": "streak", "days": 3}', 5),
    (md5('t201:quiz')::uuid, tests.get_org_id('t201-acme'), 'T201 first quiz', 'automated',
      '{"type": "quizzes_passed", "threshold": 1}', 0),
    (md5('t201:course')::uuid, tests.get_org_id('t201-acme'), 'T201 course one', 'automated',
      jsonb_build_object('type', 'course_completion', 'course_ids', jsonb_build_array(md5('t201:c1')::uuid),
        'threshold', 1), 10),
    (md5('t201:lessons')::uuid, tests.get_org_id('t201-acme'), 'T201 four lessons', 'hybrid',
      '{"type": "lessons_completed", "threshold": 4}', 5),
    (md5('t201:manual')::uuid, tests.get_org_id('t201-acme'), 'T201 manual', 'manual', null, 50),
    (md5('t201:inactive')::uuid, tests.get_org_id('t201-acme'), 'T201 inactive', 'automated',
      '{"type": "points", "threshold": 1}', 50),
    (md5('t201:other')::uuid, tests.get_org_id('t201-globex'), 'T201 globex', 'automated',
      '{"type": "points", "threshold": 1}', 50);
  update public.custom_badges set is_active = false where id = md5('t201:inactive')::uuid;
  -- Both courses started (course-level rows, not completed).
  insert into public.progress (user_id, course_id, lesson_id, started_at, last_accessed)
  values
    (tests.get_user_id('t201-hana'), md5('t201:c1')::uuid, null, '2025-11-01 03:00+00', '2025-11-01 03:00+00'),
    (tests.get_user_id('t201-hana'), md5('t201:c2')::uuid, null, '2025-11-01 03:00+00', '2025-11-01 03:00+00');
end
$$;

create temporary view t201_hana as
select ua.* from public.user_achievements as ua
where ua.user_id = tests.get_user_id('t201-hana');

-- Fri 31 Oct, 23:30 EDT (Sat 1 Nov 03:30 UTC): lesson A1 ---------------------------------------
insert into public.progress (user_id, course_id, lesson_id, last_accessed, completed_at)
values (tests.get_user_id('t201-hana'), md5('t201:c1')::uuid, md5('t201:a1')::uuid,
  '2025-11-01 03:30+00', '2025-11-01 03:30+00');

select results_eq(
  $$select total_points, weekly_points, monthly_points, points_week, points_month,
      current_streak_days, last_activity_date from t201_hana$$,
  $$values (10, 10, 10, '2025-10-27'::date, '2025-10-01'::date, 1, '2025-10-31'::date)$$,
  'Friday evening in Toronto (already Saturday in UTC): October''s month, the week of 27 Oct, streak 1'
);

-- Sat 1 Nov, 10:00 EDT: lesson A2 -------------------------------------------------------------
insert into public.progress (user_id, course_id, lesson_id, last_accessed, completed_at)
values (tests.get_user_id('t201-hana'), md5('t201:c1')::uuid, md5('t201:a2')::uuid,
  '2025-11-01 14:00+00', '2025-11-01 14:00+00');

select results_eq(
  $$select total_points, weekly_points, monthly_points, points_month, current_streak_days from t201_hana$$,
  $$values (20, 20, 10, '2025-11-01'::date, 2)$$,
  'Saturday 1 Nov: a new Toronto month (monthly restarts at 10), the same week, streak 2'
);

-- Sun 2 Nov (DST ends), 23:30 EST = Mon 3 Nov 04:30 UTC: the quiz, then the course ---------------
insert into public.progress (
  user_id, course_id, lesson_id, last_accessed, completed_at, quiz_attempts, quiz_best_score, quiz_passed
)
values (tests.get_user_id('t201-hana'), md5('t201:c1')::uuid, md5('t201:a3')::uuid,
  '2025-11-03 04:30+00', '2025-11-03 04:30+00', 1, 100, true);
update public.progress set completed_at = '2025-11-03 04:30+00', completion_percentage = 100
where user_id = tests.get_user_id('t201-hana') and course_id = md5('t201:c1')::uuid and lesson_id is null;

select results_eq(
  $$select total_points, weekly_points, monthly_points, points_week, current_streak_days, last_activity_date
    from t201_hana$$,
  $$values (170, 170, 160, '2025-10-27'::date, 3, '2025-11-02'::date)$$,
  'Sunday night after the DST change is still Sunday and still the week of 27 Oct: '
  || '10 + 20 + 100 + badges 5 + 5 + 0 + 10'
);
select results_eq(
  $$select array(select unnest(badges_earned) order by 1) from t201_hana$$,
  $$select array(select b::text from unnest(array[md5('t201:points')::uuid, md5('t201:streak')::uuid,
      md5('t201:quiz')::uuid, md5('t201:course')::uuid]) as b order by 1)$$,
  'the points, streak, quiz and course badges are earned; not the lessons badge (3 of 4)'
);
select results_eq(
  $$select issued_date from public.certificates
    where user_id = tests.get_user_id('t201-hana') and course_id = md5('t201:c1')::uuid$$,
  $$values ('2025-11-02'::date)$$,
  'the certificate is dated the Toronto day of completion, 2 Nov'
);

-- Mon 3 Nov, 00:30 EST (05:30 UTC): a new Toronto week; lesson B1 ---------------------------------
insert into public.progress (user_id, course_id, lesson_id, last_accessed, completed_at)
values (tests.get_user_id('t201-hana'), md5('t201:c2')::uuid, md5('t201:b1')::uuid,
  '2025-11-03 05:30+00', '2025-11-03 05:30+00');

select results_eq(
  $$select total_points, weekly_points, monthly_points, points_week, current_streak_days from t201_hana$$,
  $$values (185, 15, 175, '2025-11-03'::date, 4)$$,
  'Monday: weekly points restart (10 + the hybrid lessons badge''s 5), streak 4'
);
select ok(
  (select md5('t201:lessons')::uuid::text = any(badges_earned) from t201_hana),
  'a hybrid badge is evaluated automatically too (4 lessons)'
);
select results_eq(
  $$select (badge_timestamps ->> md5('t201:lessons')::uuid::text)::timestamptz from t201_hana$$,
  $$values ('2025-11-03 05:30+00'::timestamptz)$$,
  'badge_timestamps records when it was earned: the moment of the activity'
);

-- Tue 4 Nov: nothing. Wed 5 Nov 01:00 EST: the nightly job -------------------------------------------
select lives_ok($$select private.break_stale_streaks('2025-11-04 06:00+00')$$, 'the job runs on Tuesday night');
select results_eq(
  $$select current_streak_days from t201_hana$$, array[4], 'Tuesday: streak 4 kept'
);
select lives_ok($$select private.break_stale_streaks('2025-11-05 06:00+00')$$, 'the job runs on Wednesday');
select results_eq(
  $$select current_streak_days, longest_streak_days from t201_hana$$,
  $$values (0, 4)$$,
  'a missed day (Tuesday) ends the streak; the longest is kept'
);
select results_eq(
  $$select private.break_stale_streaks('2025-11-05 06:00+00')$$, array[0::bigint],
  'running the job twice changes nothing'
);

-- Thu 6 Nov, 12:00 EST: time recorded on B2 (no completion) -----------------------------------------
insert into public.progress (user_id, course_id, lesson_id, last_accessed, time_spent_seconds)
values (tests.get_user_id('t201-hana'), md5('t201:c2')::uuid, md5('t201:b2')::uuid, '2025-11-06 17:00+00', 120);
-- A late event dated Saturday changes no streak.
update public.progress set last_accessed = '2025-11-01 15:00+00'
where user_id = tests.get_user_id('t201-hana') and lesson_id = md5('t201:a2')::uuid;

select results_eq(
  $$select current_streak_days, longest_streak_days, last_activity_date, total_points from t201_hana$$,
  $$values (1, 4, '2025-11-06'::date, 185)$$,
  'Thursday''s activity restarts the streak at 1 without points; a late Saturday event changes nothing'
);

-- Bookmarks and coaching sessions ---------------------------------------------------------------------
insert into public.bookmarks (user_id, resource_type, resource_id)
values
  (tests.get_user_id('t201-hana'), 'tribunal_case', md5('t201:case1')::uuid),
  (tests.get_user_id('t201-hana'), 'tribunal_case', md5('t201:case2')::uuid),
  (tests.get_user_id('t201-hana'), 'course', md5('t201:c1')::uuid);
delete from public.bookmarks
where user_id = tests.get_user_id('t201-hana') and resource_id = md5('t201:case2')::uuid;
insert into public.ai_coaching_sessions (user_id, session_type, ai_response)
values (tests.get_user_id('t201-hana'), 'motivation', 'Keep going'),
  (tests.get_user_id('t201-hana'), 'custom', 'Try the quiz');
delete from public.ai_coaching_sessions
where user_id = tests.get_user_id('t201-hana') and session_type = 'custom';

-- The final state ---------------------------------------------------------------------------------------
select results_eq(
  $$select total_points, level, level_progress from t201_hana$$,
  $$values (185, 2, 42.50::numeric)$$,
  '185 points: level 2 (100-299), 42.5% of the way'
);
select results_eq(
  $$select lessons_completed, quizzes_passed, courses_completed, certificates_earned, cases_bookmarked,
      coaching_sessions from t201_hana$$,
  $$values (4, 1, 1, 1, 1, 1)$$,
  'the six counters'
);
select results_eq(
  $$select lessons_completed, quizzes_passed, courses_completed, certificates_earned, cases_bookmarked,
      coaching_sessions from t201_hana$$,
  $$select
    (select count(*)::int from public.progress as p
     where p.user_id = tests.get_user_id('t201-hana') and p.lesson_id is not null and p.completed_at is not null),
    (select count(*)::int from public.progress as p
     where p.user_id = tests.get_user_id('t201-hana') and p.lesson_id is not null and p.quiz_passed),
    (select count(*)::int from public.progress as p
     where p.user_id = tests.get_user_id('t201-hana') and p.lesson_id is null and p.completed_at is not null),
    (select count(*)::int from public.certificates as c
     where c.user_id = tests.get_user_id('t201-hana') and c.status <> 'revoked'),
    (select count(*)::int from public.bookmarks as b
     where b.user_id = tests.get_user_id('t201-hana') and b.resource_type = 'tribunal_case'),
    (select count(*)::int from public.ai_coaching_sessions as s where s.user_id = tests.get_user_id('t201-hana'))$$,
  'every counter equals a count(*) of its rows'
);
select results_eq(
  $$select total_points from t201_hana$$,
  $$select sum(points)::int from private.points_ledger where user_id = tests.get_user_id('t201-hana')$$,
  'total_points is the sum of the ledger'
);
select results_eq(
  $$select weekly_points, monthly_points from t201_hana$$,
  $$select
    sum(points) filter (where date_trunc('week', awarded_at at time zone 'America/Toronto') = '2025-11-03')::int,
    sum(points) filter (where date_trunc('month', awarded_at at time zone 'America/Toronto') = '2025-11-01')::int
    from private.points_ledger where user_id = tests.get_user_id('t201-hana')$$,
  'weekly and monthly points are the ledger''s sums over the Toronto week and month'
);
select results_eq(
  $$select array_length(badges_earned, 1), (select count(*)::int from jsonb_object_keys(badge_timestamps))
    from t201_hana$$,
  $$values (5, 5)$$,
  'five badges, each with its timestamp: no manual, inactive or other organization''s badge'
);
select results_eq(
  $$select count(*)::int from public.notifications
    where user_id = tests.get_user_id('t201-hana') and type = 'badge_unlocked'$$,
  array[5],
  'one notification per badge'
);
select results_eq(
  $$select kind, count(*)::int from private.points_ledger
    where user_id = tests.get_user_id('t201-hana') group by kind order by kind$$,
  $$values ('badge_earned', 5), ('course_completed', 1), ('lesson_completed', 4), ('quiz_passed', 1)$$,
  'the ledger: one row per award'
);

select * from finish();
rollback;
