/*
  recommend_courses and related_cases_for_lesson over vectors made for the test
  (directions in the 384-dimensional space, so the answers are known whatever
  else the catalog holds): ranked by similarity to what the learner completed
  and is taking; never an unpublished, deleted, completed, started,
  out-of-tier or prerequisite-locked course, even the nearest one; a new
  learner gets their organization's most started courses; lessons link to
  the nearest live cases; who may call; every SQLSTATE. The same questions
  with the real model's vectors of the demo catalog: tests/test_coach_demo.py.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(21);

-- A unit vector mostly along dimension p_main, a little along p_side.
create function pg_temp.v(p_main integer, p_side integer default null, p_weight real default 0)
returns extensions.vector
language sql
as $$
  select ('[' || array_to_string(array(
    select case when i = p_main then 1.0 when i = p_side then p_weight else 0 end
    from generate_series(1, 384) as i
  ), ',') || ']')::extensions.vector
$$;

do $$
begin
  perform tests.create_org('t244-acme');
  perform tests.create_user('t244-lina', 'learner', 't244-acme', 'professional');
  perform tests.create_user('t244-new', 'learner', 't244-acme');
  perform tests.create_user('t244-max', 'learner', 't244-acme');
  perform tests.create_user('t244-ivy', 'learner', 't244-acme');
  insert into public.courses (
    id, title_en, title_fr, slug, category, level, duration_minutes, is_published, tier_required,
    prerequisite_course_ids, deleted_at, order_index
  )
  values
    -- what lina did: done (dimension 1) and going (dimension 2)
    (tests.id('done'), 'T244 done', null, tests.name('done'), 'Foundations', 'Introductory', 10, true, 'free', '{}',
      null, 0),
    (tests.id('going'), 'T244 going', null, tests.name('going'), 'Foundations', 'Introductory', 10, true, 'free',
      '{}', null, 0),
    -- candidates, nearest first: near (1 and 2), mid (1 and 3), far (dimension 4)
    (tests.id('near'), 'T244 near', 'T244 proche', tests.name('near'), 'Workplace', 'Intermediate', 10, true,
      'professional', '{}', null, 0),
    (tests.id('mid'), 'T244 mid', null, tests.name('mid'), 'Workplace', 'Intermediate', 10, true, 'free',
      array[tests.id('done')], null, 0),
    (tests.id('far'), 'T244 far', null, tests.name('far'), 'Legal', 'Advanced', 10, true, 'free', '{}', null, 0),
    -- as near as can be, and never to be offered
    (tests.id('draft'), 'T244 draft', null, tests.name('draft'), 'Legal', 'Advanced', 10, false, 'free', '{}', null,
      0),
    (tests.id('gone'), 'T244 gone', null, tests.name('gone'), 'Legal', 'Advanced', 10, true, 'free', '{}', now(), 0),
    (tests.id('rich'), 'T244 enterprise', null, tests.name('rich'), 'Legal', 'Advanced', 10, true, 'enterprise', '{}',
      null, 0),
    (tests.id('locked'), 'T244 locked', null, tests.name('locked'), 'Legal', 'Advanced', 10, true, 'free',
      array[tests.id('far')], null, 0);
  insert into public.lessons (id, course_id, title_en, lesson_type, order_index)
  values
    (tests.id('l-done'), tests.id('done'), 'D1', 'reading', 1),
    (tests.id('l-going'), tests.id('going'), 'G1', 'reading', 1),
    (tests.id('l-going2'), tests.id('going'), 'G2', 'reading', 2),
    (tests.id('l-draft'), tests.id('draft'), 'X1', 'reading', 1),
    (tests.id('l-bare'), tests.id('far'), 'F1', 'reading', 1);
  insert into private.course_embeddings (course_id, embedding, embedding_model)
  values
    (tests.id('done'), pg_temp.v(1), 'test'),
    (tests.id('going'), pg_temp.v(2), 'test'),
    (tests.id('near'), pg_temp.v(1, 2, 1), 'test'),
    (tests.id('mid'), pg_temp.v(1, 3, 2), 'test'),
    (tests.id('far'), pg_temp.v(4), 'test'),
    (tests.id('draft'), pg_temp.v(1, 2, 1), 'test'),
    (tests.id('gone'), pg_temp.v(1, 2, 1), 'test'),
    (tests.id('rich'), pg_temp.v(1, 2, 1), 'test'),
    (tests.id('locked'), pg_temp.v(1, 2, 1), 'test');
  insert into tests.fixtures (kind, id)
  select 'course', tests.id(n) from unnest(array['done', 'going', 'near', 'mid', 'far', 'draft', 'gone', 'rich',
    'locked']) as n;
  -- Cases for the lessons: the lesson of "going" points along dimension 2.
  insert into public.tribunal_cases (id, case_number, title, tribunal, source_url, embedding, embedding_model)
  values
    (tests.id('case-a'), tests.name('T244-A'), 'T244 A', 'T244', 'u-a', pg_temp.v(2, 5, 0.1), 'test'),
    (tests.id('case-b'), tests.name('T244-B'), 'T244 B', 'T244', 'u-b', pg_temp.v(2, 5, 1), 'test');
  insert into private.lesson_embeddings (lesson_id, embedding, embedding_model)
  values (tests.id('l-going'), pg_temp.v(2), 'test'), (tests.id('l-draft'), pg_temp.v(2), 'test');
end
$$;

create function pg_temp.names(p_ids uuid []) returns text []
language sql
as $$
  select coalesce(array_agg(c.title_en order by x.n), '{}')
  from unnest(p_ids) with ordinality as x (id, n)
  inner join public.courses as c on x.id = c.id
  where c.id = any(tests.fixture_ids('course'))
$$;

-- Acting as Lina (professional): one course done, one going ----------------------------------
select tests.authenticate_as('t244-lina');
do $$
begin
  perform public.start_course(tests.id('done'));
  perform public.record_lesson_progress(tests.id('l-done'), 60, true);
  perform public.start_course(tests.id('going'));
end
$$;

select results_eq(
  $$select pg_temp.names(array_agg(course_id order by similarity desc)) from public.recommend_courses(50)$$,
  $$values (array['T244 near', 'T244 mid', 'T244 far'])$$,
  'ranked by meaning: nearest to what she did first; never a draft, deleted, enterprise, locked, done or going course'
);
select results_eq(
  $$select title, reason, round(similarity::numeric, 4) from public.recommend_courses(1, 'fr')$$,
  $$values ('T244 proche', 'similar', 1.0000)$$,
  'the top one, titled in French, exactly along what she did (similarity 1)'
);
select is_empty(
  $$select 1 from public.recommend_courses(50)
    where course_id in (tests.id('draft'), tests.id('gone'), tests.id('rich'), tests.id('locked'))$$,
  'the nearest courses she cannot take are never offered'
);
select is_empty(
  $$select 1 from public.recommend_courses(50) where course_id in (tests.id('done'), tests.id('going'))$$,
  'nor the courses she completed or is taking'
);
select throws_ok($$select * from public.recommend_courses(0)$$, '22023', 'p_limit must be between 1 and 50',
  'p_limit 0');
select throws_ok($$select * from public.recommend_courses(5, 'de')$$, '22023', 'p_lang must be ''en'' or ''fr''',
  'a bad language');

-- Prerequisites: once "far" is done, "locked" opens --------------------------------------------------
select tests.clear_authentication();
insert into public.progress (user_id, course_id, lesson_id, total_lessons, completed_at)
values (tests.get_user_id('t244-lina'), tests.id('far'), null, 1, now());
select tests.authenticate_as('t244-lina');
select results_eq(
  $$select round(similarity::numeric, 4) from public.recommend_courses(50) where course_id = tests.id('locked')$$,
  $$values (0.8165)$$,
  'a course whose prerequisite she completed is offered (ranked by its similarity)'
);

-- A new learner: what the organization started most ----------------------------------------------
select tests.clear_authentication();
insert into public.progress (user_id, course_id, lesson_id, total_lessons)
values
  (tests.get_user_id('t244-max'), tests.id('far'), null, 1),
  (tests.get_user_id('t244-ivy'), tests.id('far'), null, 1),
  (tests.get_user_id('t244-ivy'), tests.id('mid'), null, 1),
  (tests.get_user_id('t244-max'), tests.id('mid'), null, 1);
select tests.authenticate_as('t244-new');
select results_eq(
  $$select title, reason from public.recommend_courses(1)$$,
  $$values ('T244 far', 'popular_in_organization')$$,
  'a new learner: the course most started in her organization (far: 3 members; mid, started by 2, needs done)'
);
select is_empty(
  $$select 1 from public.recommend_courses(50)
    where course_id in (
      tests.id('draft'), tests.id('gone'), tests.id('near'), tests.id('rich'), tests.id('locked'), tests.id('mid')
    )$$,
  'the fallback offers nothing unpublished, deleted, above her tier (free) or locked either'
);
select results_eq(
  $$select similarity is null from public.recommend_courses(1)$$, array[true],
  'the fallback has no similarity'
);

-- related_cases_for_lesson ---------------------------------------------------------------------------
select tests.authenticate_as('t244-lina');
select results_eq(
  $$select array_agg(id order by similarity desc) filter (where id in (tests.id('case-a'), tests.id('case-b')))
    from public.related_cases_for_lesson(tests.id('l-going'), 20)$$,
  $$values (array[tests.id('case-a'), tests.id('case-b')])$$,
  'a lesson''s related cases, nearest first'
);
select results_eq(
  $$select round(similarity::numeric, 3) from public.related_cases_for_lesson(tests.id('l-going'), 20)
    where id = tests.id('case-a')$$,
  $$values (0.995)$$,
  'with their cosine similarity'
);
select is_empty(
  $$select 1 from public.related_cases_for_lesson(tests.id('l-bare'))$$,
  'a lesson without an embedding: no related cases, no error'
);
select throws_ok(
  $$select * from public.related_cases_for_lesson(tests.id('l-draft'))$$, 'P0002', 'lesson not found',
  'a lesson of an unpublished course: not found'
);
select throws_ok(
  $$select * from public.related_cases_for_lesson(tests.id('nothing'))$$, 'P0002', 'lesson not found',
  'an unknown lesson: the same answer'
);
select throws_ok(
  $$select * from public.related_cases_for_lesson(null)$$, '22023', 'p_lesson_id is required', 'a missing lesson id'
);
select tests.clear_authentication();
update public.tribunal_cases set deleted_at = now()
where id = tests.id('case-a');
select tests.authenticate_as('t244-lina');
select is_empty(
  $$select 1 from public.related_cases_for_lesson(tests.id('l-going'), 20) where id = tests.id('case-a')$$,
  'a deleted case is not related any more'
);

select tests.authenticate_as_anon();
select throws_ok($$select * from public.recommend_courses()$$, '42501', null, 'anon: no execute grant');
select tests.authenticate_as_service_role();
select throws_ok($$select * from public.recommend_courses()$$, '42501', null, 'service_role: no execute grant');
select throws_ok(
  $$select * from public.related_cases_for_lesson(tests.id('l-going'))$$, '42501', null,
  'service_role: no execute grant (server code reads the tables)'
);

select tests.clear_authentication();
select results_eq(
  $$select r.role_name, t.tbl, has_table_privilege(r.role_name, t.tbl, 'select')
    from unnest(array['anon', 'authenticated', 'service_role']) as r (role_name),
      unnest(array['private.course_embeddings', 'private.lesson_embeddings']) as t (tbl)
    order by 1, 2$$,
  $$values ('anon', 'private.course_embeddings', false), ('anon', 'private.lesson_embeddings', false),
    ('authenticated', 'private.course_embeddings', false), ('authenticated', 'private.lesson_embeddings', false),
    ('service_role', 'private.course_embeddings', true), ('service_role', 'private.lesson_embeddings', true)$$,
  'the vectors: server code reads them; clients only through the two RPCs'
);
select * from finish();
rollback;
