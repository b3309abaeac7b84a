/*
  my_dashboard(p_lang): one call with what a learner's home screen shows:
  points (total, this week, this month), level, streak, courses in progress
  with percentage and next lesson, recent badges and certificates, learning
  paths, unread notifications; text in the caller's language, French
  falling back to English; every SQLSTATE.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(17);

do $$
begin
  perform tests.create_org('t206-acme');
  perform tests.create_user('t206-lina', 'learner', 't206-acme', 'professional');
  perform tests.create_user('t206-sid', 'learner', 't206-acme');
  perform tests.create_user('t206-vic', 'viewer', 't206-acme');
  update public.profiles set preferred_language = 'fr' where id = tests.get_user_id('t206-lina');
  insert into public.courses (
    id, title_en, title_fr, slug, category, level, duration_minutes, is_published, points_value
  )
  values
    (md5('t206:c1')::uuid, 'T206 done', 'T206 fini', 't206-done', 'Foundations', 'Introductory', 10, true, 100),
    (md5('t206:c2')::uuid, 'T206 going', null, 't206-going', 'Workplace', 'Intermediate', 10, true, 100);
  insert into public.lessons (id, course_id, title_en, title_fr, lesson_type, order_index)
  values
    (md5('t206:a1')::uuid, md5('t206:c1')::uuid, 'A1', null, 'reading', 1),
    (md5('t206:b1')::uuid, md5('t206:c2')::uuid, 'B1', 'B1 fr', 'reading', 1),
    (md5('t206:b2')::uuid, md5('t206:c2')::uuid, 'B2', 'B2 fr', 'reading', 2);
  insert into public.custom_badges (id, organization_id, name, criteria_type, criteria_config, points_value)
  values (md5('t206:badge')::uuid, tests.get_org_id('t206-acme'), 'T206 first course', 'automated',
    '{"type": "course_completion", "threshold": 1}', 50);
end
$$;

-- The API roles create no temporary objects (019): the superuser makes the table the learner fills.
create temporary table t206_d (d jsonb);
grant select, insert on t206_d to authenticated;

select tests.authenticate_as('t206-lina');
select lives_ok(
  $$select public.start_course(md5('t206:c1')::uuid), public.start_course(md5('t206:c2')::uuid)$$,
  'lina starts two courses'
);
select lives_ok(
  $$select public.record_lesson_progress(md5('t206:a1')::uuid, 60, true),
      public.record_lesson_progress(md5('t206:b1')::uuid, 60, true)$$,
  'she completes the first course and half of the second'
);

insert into t206_d select public.my_dashboard();
select results_eq(
  $$select d -> 'language', d -> 'points' from t206_d$$,
  $$values ('"fr"'::jsonb, '{"total": 170, "week": 170, "month": 170}'::jsonb)$$,
  'in her language; points: 10 + 10 (lessons) + 100 (course) + 50 (badge), all this week and month'
);
select results_eq(
  $$select d -> 'level' from t206_d$$,
  $$values ('{"level": 2, "progress": 35.00, "points_to_next_level": 130}'::jsonb)$$,
  'level 2, 35% of the way to 300'
);
select results_eq(
  $$select d -> 'streak' -> 'current', d -> 'streak' -> 'longest' from t206_d$$,
  $$values ('1'::jsonb, '1'::jsonb)$$,
  'a streak of one day'
);
select results_eq(
  $$select d -> 'courses_in_progress' from t206_d$$,
  $$select jsonb_build_array(jsonb_build_object(
      'course_id', md5('t206:c2')::uuid, 'title', 'T206 going', 'completion_percentage', 50.00,
      'last_accessed', now(), 'next_lesson', jsonb_build_object('id', md5('t206:b2')::uuid, 'title', 'B2 fr')))$$,
  'the course in progress: 50%, its next lesson in French, its English title where French is missing'
);
select results_eq(
  $$select jsonb_array_length(d -> 'recent_badges'), d -> 'recent_badges' -> 0 ->> 'name' from t206_d$$,
  $$values (1, 'T206 first course')$$,
  'the badge she just earned'
);
select results_eq(
  $$select jsonb_array_length(d -> 'recent_certificates'), d -> 'recent_certificates' -> 0 ->> 'course_title',
      d -> 'recent_certificates' -> 0 ->> 'status' from t206_d$$,
  $$values (1, 'T206 fini', 'active')$$,
  'her certificate, with the course title in French'
);
select results_eq(
  $$select (d ->> 'unread_notifications')::int from t206_d$$, array[2],
  'two unread notifications: the certificate and the badge'
);
select results_eq(
  $$select d -> 'milestones' from t206_d$$,
  $$values ('{"courses_completed": 1, "lessons_completed": 2, "quizzes_passed": 0, "certificates_earned": 1,
      "cases_bookmarked": 0, "coaching_sessions": 0}'::jsonb)$$,
  'the milestone counters'
);
select results_eq(
  $$select public.my_dashboard('en') -> 'recent_certificates' -> 0 ->> 'course_title'$$, array['T206 done'],
  'p_lang en: English titles'
);
select throws_ok(
  $$select public.my_dashboard('es')$$, '22023', 'p_lang must be ''en'' or ''fr''', 'an unknown language'
);

-- A streak whose last day is long past shows 0 before the nightly job runs -----------------------------
select tests.clear_authentication();
insert into public.user_achievements (user_id, current_streak_days, longest_streak_days, last_activity_date)
values (tests.get_user_id('t206-sid'), 5, 9, '2020-01-01');
select tests.authenticate_as('t206-sid');
select results_eq(
  $$select public.my_dashboard() -> 'streak'$$,
  $$values ('{"current": 0, "longest": 9, "last_activity_date": "2020-01-01"}'::jsonb)$$,
  'a broken streak reads 0, the longest is kept'
);

-- A viewer with no activity, anon ---------------------------------------------------------------------------
select tests.authenticate_as('t206-vic');
select results_eq(
  $$select d -> 'points', d -> 'courses_in_progress', d -> 'recent_badges', (d -> 'level' ->> 'level')::int
    from public.my_dashboard('en') as d$$,
  $$values ('{"total": 0, "week": 0, "month": 0}'::jsonb, '[]'::jsonb, '[]'::jsonb, 1)$$,
  'a user without activity: zeros, empty lists, level 1'
);
select tests.authenticate_as_anon();
select throws_ok($$select public.my_dashboard()$$, '42501', null, 'anon: no execute grant');
select tests.authenticate_as_service_role();
select throws_ok($$select public.my_dashboard()$$, '42501', null, 'the service role: no execute grant');
select tests.clear_authentication();
select results_eq(
  $$select has_function_privilege('authenticated', 'public.my_dashboard(text)', 'execute')$$, array[true],
  'every signed-in user may call it'
);

select * from finish();
rollback;
