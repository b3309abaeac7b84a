/*
  coaching_context(p_lang) and coaching_context_for_user(p_user_id, p_lang): the
  learner's state for the AI coach in one JSON document, in English or French;
  only what the learner may read (published courses, their own organization's
  badges, their own rows), no other person's data; the server's form returns
  the same document; who may call which; every SQLSTATE.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(20);

do $$
begin
  perform tests.create_org('t240-acme');
  perform tests.create_org('t240-globex');
  perform tests.create_user('t240-lina', 'learner', 't240-acme', 'professional');
  perform tests.create_user('t240-new', 'learner', 't240-acme');
  perform tests.create_user('t240-omar', 'learner', 't240-globex', 'professional');
  update public.profiles set preferred_language = 'fr' where id = tests.get_user_id('t240-lina');
  insert into public.courses (
    id, title_en, title_fr, slug, category, level, duration_minutes, is_published, points_value
  )
  values
    (tests.id('c1'), 'T240 done', 'T240 fini', tests.name('t240-done'), 'Foundations', 'Introductory', 10, true, 100),
    (tests.id('c2'), 'T240 going', 'T240 en cours', tests.name('t240-going'), 'Workplace', 'Intermediate', 10, true,
      100),
    (tests.id('c3'), 'T240 hidden', 'T240 cache', tests.name('t240-hidden'), 'Legal', 'Advanced', 10, true, 100);
  insert into public.lessons (id, course_id, title_en, title_fr, lesson_type, order_index)
  values
    (tests.id('a1'), tests.id('c1'), 'A1', 'A1 fr', 'reading', 1),
    (tests.id('b1'), tests.id('c2'), 'B1', 'B1 fr', 'reading', 1),
    (tests.id('b2'), tests.id('c2'), 'B2', 'B2 fr', 'reading', 2),
    (tests.id('h1'), tests.id('c3'), 'H1', 'H1 fr', 'reading', 1);
  insert into public.learning_paths (id, slug, title_en, title_fr, course_ids, is_published)
  values (tests.id('path'), tests.name('t240-path'), 'T240 path', 'T240 parcours',
    array[tests.id('c1'), tests.id('c2')], true);
  insert into public.custom_badges (id, organization_id, name, criteria_type, criteria_config, points_value)
  values
    (tests.id('badge-acme'), tests.get_org_id('t240-acme'), tests.name('T240 acme first'), 'automated',
      '{"type": "course_completion", "threshold": 1}', 50),
    (tests.id('badge-globex'), tests.get_org_id('t240-globex'), tests.name('T240 globex first'), 'automated',
      '{"type": "course_completion", "threshold": 1}', 50);
end
$$;

-- The API roles create no temporary objects (019): the superuser makes the tables.
create temporary table t240_d (d jsonb);
create temporary table t240_s (d jsonb);
grant select, insert on t240_d, t240_s to authenticated, service_role;

-- Omar (globex) learns too: none of it may reach Lina's document.
select tests.authenticate_as('t240-omar');
do $$
begin
  perform public.start_course(tests.id('c1'));
  perform public.record_lesson_progress(tests.id('a1'), 60, true);
end
$$;

-- Acting as Lina (learner, acme, French) ----------------------------------------------------
select tests.authenticate_as('t240-lina');
do $$
begin
  perform public.start_course(tests.id('c1'));
  perform public.record_lesson_progress(tests.id('a1'), 60, true);
  perform public.start_course(tests.id('c2'));
  perform public.record_lesson_progress(tests.id('b1'), 60, true);
  perform public.start_course(tests.id('c3'));
  perform public.enroll_in_learning_path(tests.id('path'));
end
$$;
-- c3 is unpublished after she started it: she can no longer read it.
select tests.clear_authentication();
update public.courses set is_published = false
where id = tests.id('c3');
select tests.authenticate_as('t240-lina');

insert into t240_d select public.coaching_context();

select results_eq(
  $$select d ->> 'language', d -> 'learner' ->> 'user_id', d -> 'learner' ->> 'subscription_tier' from t240_d$$,
  $$values ('fr', tests.get_user_id('t240-lina')::text, 'professional')$$,
  'in her profile''s language (fr), about her'
);
select results_eq(
  $$select d -> 'progress' -> 'courses_in_progress' from t240_d$$,
  $$select jsonb_build_array(jsonb_build_object(
      'course_id', tests.id('c2'), 'title', 'T240 en cours', 'completion_percentage', 50.00,
      'started_at', now(), 'last_accessed', now(), 'days_inactive', 0,
      'next_lesson', jsonb_build_object('id', tests.id('b2'), 'title', 'B2 fr')))$$,
  'the course in progress, in French, with its next lesson; the unpublished course she started is left out'
);
select results_eq(
  $$select (d -> 'progress' ->> 'courses_completed')::int, (d -> 'progress' ->> 'lessons_completed')::int,
      (d -> 'progress' ->> 'days_since_last_activity')::int from t240_d$$,
  $$values (1, 2, 0)$$,
  'her counters and the days since her last activity'
);
select results_eq(
  $$select d -> 'achievements' -> 'points', d -> 'achievements' -> 'level' -> 'level' from t240_d$$,
  $$values ('{"total": 170, "week": 170, "month": 170}'::jsonb, '2'::jsonb)$$,
  'points (10 + 10 + 100 + the 50 of her organization''s badge) and level'
);
select results_eq(
  $$select jsonb_agg(b ->> 'name') from t240_d, jsonb_array_elements(d -> 'achievements' -> 'badges') as b$$,
  $$select jsonb_build_array(tests.name('T240 acme first'))$$,
  'her badge, of her own organization'
);
select results_eq(
  $$select d -> 'achievements' -> 'certificates' -> 0 ->> 'course_title',
      jsonb_array_length(d -> 'achievements' -> 'certificates') from t240_d$$,
  $$values ('T240 fini', 1)$$,
  'her certificate, titled in French'
);
select results_eq(
  $$select array_agg(distinct a ->> 'course_id' order by a ->> 'course_id')
    from t240_d, jsonb_array_elements(d -> 'recent_activity') as a$$,
  $$select array_agg(x::text order by x::text) from unnest(array[tests.id('c1'), tests.id('c2')]) as x$$,
  'recent activity: her rows of published courses only'
);
select results_eq(
  $$select d -> 'next_course' ->> 'course_id', d -> 'next_course' ->> 'reason', d -> 'next_course' ->> 'title'
    from t240_d$$,
  $$values (tests.id('c2')::text, 'learning_path', 'T240 en cours')$$,
  'next course: the next one of her learning path'
);
select results_eq(
  $$select jsonb_array_length(d -> 'learning_paths'), d -> 'learning_paths' -> 0 ->> 'title' from t240_d$$,
  $$values (1, 'T240 parcours')$$,
  'her learning path, in French'
);
select ok(
  (select position(tests.get_user_id('t240-omar')::text in d::text) = 0
    and position(tests.name('T240 globex first') in d::text) = 0
    and position(tests.id('c3')::text in d::text) = 0 from t240_d),
  'nothing of another person (their id, their organization''s badge) and nothing of the unpublished course'
);
select results_eq(
  $$select public.coaching_context('en') -> 'achievements' -> 'certificates' -> 0 ->> 'course_title'$$,
  array['T240 done'],
  'p_lang en: English titles'
);
select throws_ok($$select public.coaching_context('de')$$, '22023', 'p_lang must be ''en'' or ''fr''',
  'an unknown language is refused');
select throws_ok(
  $$select public.coaching_context_for_user(tests.get_user_id('t240-lina'))$$, '42501', null,
  'a learner cannot read anyone''s context through the server''s form (no execute grant)'
);

-- A new learner -------------------------------------------------------------------------------
select tests.authenticate_as('t240-new');
select results_eq(
  $$select d -> 'progress' -> 'courses_in_progress', d -> 'achievements' -> 'points', d -> 'next_course',
      d -> 'recent_activity', d -> 'progress' -> 'days_since_last_activity'
    from public.coaching_context('en') as d$$,
  $$values ('[]'::jsonb, '{"total": 0, "week": 0, "month": 0}'::jsonb, 'null'::jsonb, '[]'::jsonb, 'null'::jsonb)$$,
  'a learner without activity: empty lists, zeros, no next course'
);

-- The server (service_role) ------------------------------------------------------------------
select tests.authenticate_as_service_role();
insert into t240_s select public.coaching_context_for_user(tests.get_user_id('t240-lina'));
select results_eq(
  $$select s.d = d.d from t240_s as s, t240_d as d$$, array[true],
  'the server''s form returns exactly the document the learner reads'
);
select results_eq(
  $$select public.coaching_context_for_user(tests.get_user_id('t240-lina'), 'en') ->> 'language'$$, array['en'],
  'the server may ask for another language'
);
select throws_ok(
  $$select public.coaching_context_for_user(tests.id('nobody'))$$, 'P0002', 'user not found', 'an unknown user'
);
select throws_ok(
  $$select public.coaching_context_for_user(null)$$, '22023', 'p_user_id is required', 'a missing user id'
);
select throws_ok($$select public.coaching_context()$$, '42501', null, 'the service role has no learner form');

select tests.authenticate_as_anon();
select throws_ok($$select public.coaching_context()$$, '42501', null, 'anon: no execute grant');

select tests.clear_authentication();
select * from finish();
rollback;
