/*
  Issue 7, second pass: the learning RPCs' fixed costs were cut without
  changing a result. The Toronto calendar helpers are PL/pgSQL (same days,
  weeks and months at the boundaries); my_dashboard reads learning paths
  through private.learning_paths_of (the same rows as my_learning_paths, an
  empty list without an enrollment, the next course's availability by the
  learner's own tier); the public wrappers of my_dashboard, my_learning_paths
  and leaderboard are PL/pgSQL SECURITY INVOKER with the same errors and
  grants.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(20);

-- Arrange (as the superuser): a free and a professional learner of acme, both
-- enrolled in a path of two courses (the second for the professional tier),
-- the first completed by both; a learner enrolled in nothing.
do $$
begin
  perform tests.create_org('t232-acme');
  perform tests.create_user('t232-fay', 'learner', 't232-acme', 'free');
  perform tests.create_user('t232-pat', 'learner', 't232-acme', 'professional');
  perform tests.create_user('t232-ned', 'learner', 't232-acme', 'free');
  insert into public.courses (
    id, title_en, title_fr, slug, category, level, duration_minutes, is_published, tier_required
  )
  values
    (tests.id('t232:c1'), 'T232 one', 'T232 un', tests.name('t232-one'), 'Foundations', 'Introductory', 10, true,
      'free'),
    (tests.id('t232:c2'), 'T232 two', null, tests.name('t232-two'), 'Workplace', 'Intermediate', 10, true,
      'professional');
  insert into public.learning_paths (id, slug, title_en, title_fr, course_ids, is_published, tier_required)
  values (
    tests.id('t232:path'), tests.name('t232-path'), 'T232 path', 'Parcours T232',
    array[tests.id('t232:c1'), tests.id('t232:c2')], true, 'free'
  );
  insert into public.learning_path_enrollments (user_id, learning_path_id)
  values (tests.get_user_id('t232-fay'), tests.id('t232:path')), (tests.get_user_id('t232-pat'), tests.id('t232:path'));
  insert into public.progress (user_id, course_id, completion_percentage, completed_at)
  values
    (tests.get_user_id('t232-fay'), tests.id('t232:c1'), 100, now()),
    (tests.get_user_id('t232-pat'), tests.id('t232:c1'), 100, now());
end
$$;

-- The Toronto calendar (PL/pgSQL now): the same answers at the boundaries ---------------

select is(
  private.toronto_day('2026-03-02 04:59:59+00'), date '2026-03-01',
  'toronto_day: 23:59:59 in Toronto is still the previous UTC day'
);
select is(private.toronto_day('2026-03-02 05:00:00+00'), date '2026-03-02', 'toronto_day: midnight in Toronto');
select is(
  private.toronto_week('2026-03-02 04:59:59+00'), date '2026-02-23',
  'toronto_week: Sunday night in Toronto belongs to the week of the Monday before'
);
select is(
  private.toronto_week('2026-03-02 05:00:00+00'), date '2026-03-02', 'toronto_week: a new week starts Monday 00:00'
);
select is(
  private.toronto_month('2026-03-01 04:59:59+00'), date '2026-02-01',
  'toronto_month: the last second of February in Toronto'
);
select is(
  private.toronto_month('2026-07-01 04:00:00+00'), date '2026-07-01',
  'toronto_month: summer time (UTC-4) starts July at 04:00 UTC'
);

-- Acting as fay (free tier) -------------------------------------------------------------------

select tests.authenticate_as('t232-fay');
select is(
  (select public.my_dashboard('en') -> 'learning_paths'),
  (select jsonb_agg(to_jsonb(mp)) from public.my_learning_paths('en') as mp),
  'the dashboard lists exactly the rows of my_learning_paths'
);
select results_eq(
  $$select courses_total, courses_completed, completion_percentage, next_course_id, next_course_title,
      next_course_available
    from public.my_learning_paths('fr')$$,
  $$values (2, 1, 50.00::numeric, tests.id('t232:c2'), 'T232 two'::text, false)$$,
  'a free learner: one course of two done, the next (professional) not available to her'
);
select is(
  (select public.my_dashboard('fr') -> 'learning_paths' -> 0 ->> 'title'), 'Parcours T232',
  'the dashboard''s paths are in the language asked for'
);
select tests.clear_authentication();

-- Acting as pat (professional tier) ---------------------------------------------------------

select tests.authenticate_as('t232-pat');
select is(
  (select public.my_dashboard('en') -> 'learning_paths' -> 0 ->> 'next_course_available'), 'true',
  'a professional learner may take the professional next course (her own tier, read for her)'
);
select is(
  (select public.my_dashboard('en') -> 'learning_paths'),
  (select jsonb_agg(to_jsonb(mp)) from public.my_learning_paths('en') as mp),
  'her dashboard agrees with my_learning_paths'
);
select tests.clear_authentication();

-- Acting as ned (no enrollment) -------------------------------------------------------------

select tests.authenticate_as('t232-ned');
select is(
  (select public.my_dashboard('en') -> 'learning_paths'), '[]'::jsonb,
  'a learner without an enrollment gets an empty list'
);
select is_empty($$select * from public.my_learning_paths('en')$$, 'and no row from my_learning_paths');
select throws_ok(
  $$select public.my_dashboard('de')$$, '22023', 'p_lang must be ''en'' or ''fr''',
  'my_dashboard still checks p_lang first'
);
select throws_ok(
  $$select * from public.my_learning_paths('de')$$, '22023', 'p_lang must be ''en'' or ''fr''',
  'my_learning_paths still checks p_lang first'
);
select tests.clear_authentication();

update public.profiles set deleted_at = now()
where id = tests.get_user_id('t232-fay');
select tests.authenticate_as('t232-fay');
select throws_ok(
  $$select * from public.my_learning_paths('en')$$, '42501',
  'sign in first: this needs a signed-in user with a profile',
  'a soft-deleted learner cannot read her learning paths (42501)'
);
select throws_ok(
  $$select public.my_dashboard('en')$$, '42501', 'sign in first: this needs a signed-in user with a profile',
  'nor her dashboard (42501)'
);
select tests.clear_authentication();

select tests.authenticate_as_anon();
select throws_ok(
  $$select * from public.leaderboard('global', 10)$$, '42501', null, 'anon cannot call leaderboard (42501)'
);
select tests.clear_authentication();

-- The wrappers: PL/pgSQL, SECURITY INVOKER, search_path pg_catalog, pg_temp -----------------

select is_empty(
  $$select p.oid::regprocedure from pg_catalog.pg_proc as p
    where p.oid in (
        'public.my_dashboard(text)'::regprocedure,
        'public.my_learning_paths(text)'::regprocedure,
        'public.leaderboard(text,integer,text,integer)'::regprocedure
      )
      and (
        p.prosecdef
        or p.proconfig is distinct from array['search_path=pg_catalog, pg_temp']
        or p.prolang <> (select l.oid from pg_catalog.pg_language as l where l.lanname = 'plpgsql')
      )$$,
  'the public wrappers are PL/pgSQL SECURITY INVOKER with search_path pg_catalog, pg_temp'
);
select is_empty(
  $$select 1 from pg_catalog.pg_proc as p
    where p.oid = 'private.learning_paths_of(uuid,text)'::regprocedure
      and (
        pg_catalog.has_function_privilege('authenticated', p.oid, 'execute')
        or pg_catalog.has_function_privilege('anon', p.oid, 'execute')
      )$$,
  'learning_paths_of (any learner''s paths) is executable by no client role'
);

select * from finish();
rollback;
