/*
  Onboarding that fills itself: the first-action flags follow the actions
  (start_course, completing a course, a complete profile, record_first_search),
  whoever writes; role-specific checklists from private.onboarding_steps;
  my_onboarding, complete_onboarding_step, dismiss_tour; each user writes only
  their own row, viewer included; every SQLSTATE.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(28);

do $$
begin
  perform tests.create_org('t242-acme');
  perform tests.create_org('t242-globex');
  perform tests.create_user('t242-lina', 'learner', 't242-acme');
  perform tests.create_user('t242-bo', 'org_admin', 't242-acme');
  perform tests.create_user('t242-vic', 'viewer', 't242-acme');
  perform tests.create_user('t242-omar', 'learner', 't242-globex');
  insert into public.courses (id, title_en, slug, category, level, duration_minutes, is_published)
  values (tests.id('c1'), 'T242 course', tests.name('t242-c1'), 'Foundations', 'Introductory', 10, true);
  insert into public.lessons (id, course_id, title_en, lesson_type, order_index)
  values (tests.id('l1'), tests.id('c1'), 'L1', 'reading', 1);
end
$$;

create function pg_temp.flags(p_handle text) returns boolean []
language sql
as $$
  select array[o.first_course_started, o.first_course_completed, o.profile_completed, o.first_search_performed]
  from public.onboarding as o
  where o.user_id = tests.get_user_id(p_handle)
$$;

-- Acting as Lina (learner) -------------------------------------------------------------------------
select tests.authenticate_as('t242-lina');
select results_eq(
  $$select d -> 'first_actions', (d ->> 'steps_done')::int, (d ->> 'steps_total')::int, d -> 'next_step' ->> 'step',
      (d ->> 'completed')::boolean
    from public.my_onboarding('en') as d$$,
  $$values ('{"profile_completed": false, "first_course_started": false, "first_course_completed": false,
      "first_search_performed": false}'::jsonb, 0, 6, 'take_tour', false)$$,
  'a new learner: nothing done, six steps, the tour first'
);
select results_eq(
  $$select array_agg(e ->> 'step' order by n) from public.my_onboarding('en') as d,
      jsonb_array_elements(d -> 'steps') with ordinality as a (e, n)$$,
  $$values (array['take_tour', 'complete_profile', 'first_search', 'start_course', 'complete_course',
    'join_learning_path'])$$,
  'the learner''s checklist, in order'
);

select lives_ok($$select public.start_course(tests.id('c1'))$$, 'lina starts a course');
select is(pg_temp.flags('t242-lina'), array[true, false, false, false], 'first_course_started follows start_course');
select lives_ok($$select public.record_lesson_progress(tests.id('l1'), 60, true)$$, 'she completes its only lesson');
select is(pg_temp.flags('t242-lina'), array[true, true, false, false], 'first_course_completed follows the completion');

select lives_ok(
  $$update public.profiles set full_name = 'Lina Diallo' where id = tests.get_user_id('t242-lina')$$,
  'she sets her name'
);
select is(pg_temp.flags('t242-lina'), array[true, true, false, false], 'a name without an avatar: not complete yet');
select lives_ok(
  $$update public.profiles set avatar_url = 'https://img.example/lina.png' where id = tests.get_user_id('t242-lina')$$,
  'she adds an avatar'
);
select is(pg_temp.flags('t242-lina'), array[true, true, true, false], 'profile_completed follows the profile');

select results_eq(
  $$select public.record_first_search()$$, $$values ('{"first_search_performed": true}'::jsonb)$$,
  'the app records her first search'
);
select is(pg_temp.flags('t242-lina'), array[true, true, true, true], 'first_search_performed is set');
select lives_ok($$select public.record_first_search()$$, 'calling it again is harmless');

select results_eq(
  $$select (d ->> 'steps_done')::int, d -> 'next_step' ->> 'step' from public.complete_onboarding_step('take_tour') as
    d$$,
  $$values (5, 'join_learning_path')$$,
  'take_tour is checked off by hand; four steps completed themselves'
);
select results_eq(
  $$select (d -> 'tour' ->> 'completed')::boolean, (d ->> 'completed')::boolean, d -> 'next_step'
    from public.complete_onboarding_step('join_learning_path') as d$$,
  $$values (true, true, 'null'::jsonb)$$,
  'the last step: the checklist is completed, no next step'
);
select tests.clear_authentication();
update public.onboarding
set checklist_items = jsonb_set(checklist_items, '{join_learning_path,completed_at}', '"2020-01-01T00:00:00+00:00"')
where user_id = tests.get_user_id('t242-lina');
select tests.authenticate_as('t242-lina');
select results_eq(
  $$select public.complete_onboarding_step('join_learning_path') -> 'steps' -> 5 ->> 'completed_at'$$,
  array['2020-01-01T00:00:00+00:00'],
  'checking a step off again keeps its first date'
);
select throws_ok(
  $$select public.complete_onboarding_step('start_course')$$, '22023',
    'p_step: start_course completes itself when you do it',
  'a first action is not checked off by hand'
);
select throws_ok(
  $$select public.complete_onboarding_step('invite_team')$$, '22023',
    'p_step: invite_team is not a step of your checklist',
  'another role''s step is refused'
);
select throws_ok($$select public.complete_onboarding_step(null)$$, '22023', 'p_step is required', 'a missing step');
select results_eq(
  $$select public.dismiss_tour()$$, $$values ('{"tour_dismissed": true}'::jsonb)$$, 'she dismisses the tour'
);
select results_eq(
  $$select (public.my_onboarding() -> 'tour' ->> 'dismissed')::boolean$$, array[true],
  'dismissed: the tour is not offered again'
);
select throws_ok($$select public.my_onboarding('es')$$, '22023', 'p_lang must be ''en'' or ''fr''', 'a bad language');

-- Role-specific checklists ----------------------------------------------------------------------
select tests.authenticate_as('t242-bo');
select results_eq(
  $$select array_agg(e ->> 'step' order by n) filter (where n > 5) from public.my_onboarding('fr') as d,
      jsonb_array_elements(d -> 'steps') with ordinality as a (e, n)$$,
  $$values (array['invite_team', 'review_analytics'])$$,
  'an org admin''s checklist ends with the admin''s own steps'
);
select tests.authenticate_as('t242-vic');
select results_eq(
  $$select (d ->> 'steps_done')::int, (d ->> 'steps_total')::int, d -> 'steps' -> 0 ->> 'title'
    from public.complete_onboarding_step('take_tour') as d$$,
  $$values (1, 3, 'Take the tour')$$,
  'a viewer (read-only) has three steps, no course, and writes their own onboarding'
);

-- Whoever writes, the flags follow; nobody else's row is touched ---------------------------------
select tests.clear_authentication();
select is(
  pg_temp.flags('t242-omar'), null::boolean [],
  'omar has no onboarding row: lina''s and vic''s calls wrote none'
);
select tests.authenticate_as_service_role();
insert into public.progress (user_id, course_id, lesson_id, total_lessons, completed_at)
values (tests.get_user_id('t242-omar'), tests.id('c1'), null, 1, now());
select tests.clear_authentication();
select is(
  pg_temp.flags('t242-omar'),
  array[true, true, false, false],
  'a course row written by server code sets the flags too'
);

select tests.authenticate_as_anon();
select throws_ok($$select public.my_onboarding()$$, '42501', null, 'anon: no execute grant');
select tests.authenticate_as_service_role();
select throws_ok($$select public.record_first_search()$$, '42501', null, 'the service role: no execute grant');

select tests.clear_authentication();
select * from finish();
rollback;
