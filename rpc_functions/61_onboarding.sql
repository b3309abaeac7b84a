/*
  Onboarding: what a user has done of their role's checklist and what is next.

    public.my_onboarding(p_lang)          tour, first actions, the role's checklist with
                                          each step done or not, the next step
    public.complete_onboarding_step(p_step)
                                          checks off a step of the caller's checklist
                                          (take_tour also marks the tour completed)
    public.dismiss_tour()                 the user closed the product tour
    public.record_first_search()          the app calls it after the user's first search
                                          (the search RPCs are read-only, STABLE: they
                                          write nothing); cheap and idempotent, so the app
                                          may call it after every search until
                                          my_onboarding says first_search_performed

  The first-action flags follow the actions themselves (migrations/041_onboarding.sql:
  triggers on progress and profiles); a step completed by a flag cannot be checked
  off by hand (22023). Checklists are data: private.onboarding_steps. Every
  signed-in user has one, viewer and guest included (ACCESS.md lets read-only
  roles write their own onboarding).

  Completion is derived when read (my_onboarding: the flags and checklist_items
  against the role's steps), so it follows a role change; the spec's
  role_specific_completed column is left to the app and not maintained here.
*/

create or replace function private.onboarding_of(p_user uuid, p_lang text)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  o public.onboarding;
  v_role text;
  flags jsonb;
  steps jsonb;
begin
  select p.role into v_role from public.profiles as p where p.id = p_user;
  select * into o from public.onboarding as ob where ob.user_id = p_user;
  flags := pg_catalog.jsonb_build_object(
    'tour_completed', coalesce(o.tour_completed, false),
    'profile_completed', coalesce(o.profile_completed, false),
    'first_course_started', coalesce(o.first_course_started, false),
    'first_course_completed', coalesce(o.first_course_completed, false),
    'first_search_performed', coalesce(o.first_search_performed, false)
  );
  select coalesce(pg_catalog.jsonb_agg(x.item order by x.order_index), '[]'::jsonb) into steps
  from (
    select
      s.order_index,
      pg_catalog.jsonb_build_object(
        'step', s.step,
        'title', case when p_lang = 'fr' then s.title_fr else s.title_en end,
        'description', case when p_lang = 'fr' then s.description_fr else s.description_en end,
        'completes_itself', s.completed_by is not null and s.completed_by <> 'tour_completed',
        'done', coalesce(
          (flags ->> s.completed_by)::boolean,
          (o.checklist_items -> s.step ->> 'completed')::boolean,
          false
        ),
        'completed_at', o.checklist_items -> s.step -> 'completed_at'
      ) as item
    from private.onboarding_steps as s
    where s.role = v_role
  ) as x;

  return pg_catalog.jsonb_build_object(
    'language', p_lang,
    'role', v_role,
    'tour', pg_catalog.jsonb_build_object(
      'completed', coalesce(o.tour_completed, false),
      'dismissed', coalesce(o.tour_dismissed, false),
      'step_completed', coalesce(o.tour_step_completed, 0)
    ),
    'first_actions', flags - 'tour_completed',
    'steps', steps,
    'steps_done', (select count(*) from pg_catalog.jsonb_array_elements(steps) as e where (e ->> 'done')::boolean),
    'steps_total', pg_catalog.jsonb_array_length(steps),
    'next_step', (
      select e from pg_catalog.jsonb_array_elements(steps) with ordinality as a (e, n)
      where not (e ->> 'done')::boolean
      order by a.n
      limit 1
    ),
    'completed', not exists (
      select from pg_catalog.jsonb_array_elements(steps) as e where not (e ->> 'done')::boolean
    )
  );
end;
$$;

comment on function private.onboarding_of(uuid, text) is
'Internal: the onboarding document of p_user (a live profile) in p_lang (checked).';

create or replace function private.my_onboarding(p_lang text)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  lang text := private.caller_language(p_lang);
begin
  return private.onboarding_of(private.signed_in_user(), lang);
end;
$$;

create or replace function public.my_onboarding(p_lang text default null)
returns jsonb
language plpgsql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
  return private.my_onboarding(p_lang);
end;
$$;

comment on function public.my_onboarding(text) is
'Your onboarding (JSON): tour {completed, dismissed, step_completed}, first_actions (profile_completed, '
'first_course_started, first_course_completed, first_search_performed), your role''s checklist steps [{step, title, '
'description, completes_itself, done, completed_at}], steps_done, steps_total, next_step, completed. Text in p_lang '
'''en'' or ''fr'' (default your profile''s language). 22023 bad p_lang, 42501 not signed in.';

-- complete_onboarding_step ----------------------------------------------------------------------

create or replace function private.complete_onboarding_step(p_step text)
returns jsonb
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid;
  v_role text;
  s private.onboarding_steps;
  item jsonb := pg_catalog.jsonb_build_object('completed', true, 'completed_at', pg_catalog.now());
begin
  if p_step is null or pg_catalog.btrim(p_step) = '' then
    raise exception using errcode = '22023', message = 'p_step is required', hint = 'Pass a step of my_onboarding.';
  end if;
  me := private.signed_in_user();
  select p.role into v_role from public.profiles as p where p.id = me;
  select * into s from private.onboarding_steps as os where os.role = v_role and os.step = p_step;
  if not found then
    raise exception using
      errcode = '22023',
      message = pg_catalog.format('p_step: %s is not a step of your checklist', p_step),
      hint = 'my_onboarding lists your steps.';
  end if;
  if s.completed_by is not null and s.completed_by <> 'tour_completed' then
    raise exception using
      errcode = '22023',
      message = pg_catalog.format('p_step: %s completes itself when you do it', p_step),
      hint = 'It is checked off by the action itself (' || s.completed_by || ').';
  end if;

  insert into public.onboarding as o (user_id, tour_completed, checklist_items)
  values (me, s.completed_by is not distinct from 'tour_completed', pg_catalog.jsonb_build_object(p_step, item))
  on conflict (user_id) do update
  set
    tour_completed = o.tour_completed or excluded.tour_completed,
    checklist_items = o.checklist_items || excluded.checklist_items
  -- Checked off already: keep its first date.
  where not coalesce((o.checklist_items -> p_step ->> 'completed')::boolean, false);

  return private.onboarding_of(me, private.caller_language(null));
end;
$$;

create or replace function public.complete_onboarding_step(p_step text)
returns jsonb
language plpgsql
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
  return private.complete_onboarding_step(p_step);
end;
$$;

comment on function public.complete_onboarding_step(text) is
'Checks off a step of your role''s onboarding checklist (take_tour also marks the tour completed; again: no '
'change) and returns my_onboarding. 22023 missing or unknown step, or a step that completes itself (a first '
'action), 42501 not signed in.';

-- dismiss_tour and record_first_search ----------------------------------------------------------

create or replace function private.dismiss_tour()
returns jsonb
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := private.signed_in_user();
begin
  insert into public.onboarding as o (user_id, tour_dismissed)
  values (me, true)
  on conflict (user_id) do update
  set tour_dismissed = true
  where not o.tour_dismissed;
  return '{"tour_dismissed": true}'::jsonb;
end;
$$;

create or replace function private.record_first_search()
returns jsonb
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := private.signed_in_user();
begin
  -- Once: after the first call, an index probe and no write.
  insert into public.onboarding as o (user_id, first_search_performed)
  values (me, true)
  on conflict (user_id) do update
  set first_search_performed = true
  where not o.first_search_performed;
  return '{"first_search_performed": true}'::jsonb;
end;
$$;

create or replace function public.dismiss_tour()
returns jsonb
language plpgsql
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
  return private.dismiss_tour();
end;
$$;

comment on function public.dismiss_tour() is
'You closed the product tour: it is not offered again (my_onboarding: tour.dismissed). Returns '
'{"tour_dismissed": true}. 42501 not signed in.';

create or replace function public.record_first_search()
returns jsonb
language plpgsql
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
  return private.record_first_search();
end;
$$;

comment on function public.record_first_search() is
'The app calls it after you ran a case-law search (the search RPCs are read-only): sets your onboarding''s '
'first_search_performed, once. Returns {"first_search_performed": true}. 42501 not signed in.';

revoke all on function
  private.onboarding_of(uuid, text),
  private.my_onboarding(text),
  public.my_onboarding(text),
  private.complete_onboarding_step(text),
  public.complete_onboarding_step(text),
  private.dismiss_tour(),
  public.dismiss_tour(),
  private.record_first_search(),
  public.record_first_search()
from public, anon, authenticated;

grant execute on function
  private.my_onboarding(text),
  public.my_onboarding(text),
  private.complete_onboarding_step(text),
  public.complete_onboarding_step(text),
  private.dismiss_tour(),
  public.dismiss_tour(),
  private.record_first_search(),
  public.record_first_search()
to authenticated;
