/*
  Learning paths: a learner enrolls in a published path and follows their
  progress through it.

    public.enroll_in_learning_path(p_path_id)  the enrollment row
    public.my_learning_paths(p_lang)           each of the caller's paths: courses done of
                                               total, percentage, the next course and
                                               whether the caller may take it now

  Tier gating as for courses: a path whose tier_required exceeds the
  caller's tier is refused (42501), and a next course above the caller's
  tier, unpublished, or with prerequisites missing is reported as not
  available. viewer and guest are read-only: they do not enroll. A path is
  completed when every one of its courses is (the learning loop marks it,
  17_gamification.sql).
*/

-- The caller's language: p_lang when given ('en' or 'fr'), else their profile's.
create or replace function private.caller_language(p_lang text) returns text
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if p_lang is not null and p_lang not in ('en', 'fr') then
    raise exception using
      errcode = '22023',
      message = 'p_lang must be ''en'' or ''fr''',
      hint = 'Omit it to use your profile''s language.';
  end if;
  return coalesce(p_lang, (
    select p.preferred_language from public.profiles as p where p.id = (select private.current_user_id())
  ), 'en');
end;
$$;

comment on function private.caller_language(text) is
'Internal: ''en'' or ''fr'' (p_lang, else the caller''s preferred_language), or 22023.';

create or replace function private.enroll_in_learning_path(p_path_id uuid)
returns public.learning_path_enrollments
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid;
  lp public.learning_paths;
  result public.learning_path_enrollments;
begin
  if p_path_id is null then
    raise exception using errcode = '22023', message = 'p_path_id is required', hint = 'Pass a learning path id.';
  end if;
  me := private.signed_in_user();
  select * into lp from public.learning_paths as l where l.id = p_path_id and l.is_published;
  if not found then
    raise exception using
      errcode = 'P0002',
      message = 'learning path not found',
      hint = 'Only published learning paths can be joined.';
  end if;
  if (select private.is_read_only()) then
    raise exception using
      errcode = '42501',
      message = 'viewer and guest accounts are read-only and do not enroll',
      hint = 'Ask your organization''s admin for a learner role.';
  end if;
  if (select private.current_tier_rank()) < private.tier_rank(lp.tier_required) then
    raise exception using
      errcode = '42501',
      message = pg_catalog.format('this learning path requires the %s tier', lp.tier_required),
      hint = 'Upgrade the subscription to join it.';
  end if;

  insert into public.learning_path_enrollments (user_id, learning_path_id)
  values (me, lp.id)
  on conflict on constraint learning_path_enrollments_once do nothing
  returning * into result;
  if result.id is null then
    raise exception using
      errcode = '23505',
      message = 'already enrolled in this learning path',
      hint = 'Read your progress with my_learning_paths.';
  end if;

  -- Courses done before enrolling count: the path may be complete already.
  perform private.complete_learning_paths(me, pg_catalog.now());
  select * into result from public.learning_path_enrollments as e where e.id = result.id;
  return result;
end;
$$;

create or replace function public.enroll_in_learning_path(p_path_id uuid)
returns public.learning_path_enrollments
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.enroll_in_learning_path(p_path_id)
$$;

comment on function public.enroll_in_learning_path(uuid) is
'Enrolls you in a published learning path and returns the enrollment. 22023 missing id, P0002 no such published '
'path, 42501 tier too low or read-only role, 23505 already enrolled.';

-- The rows of my_learning_paths for a signed-in learner and a language: called by
-- my_learning_paths and my_dashboard (both SECURITY DEFINER, after their own checks of the
-- caller and p_lang), so the dashboard does not check and read the caller again (issue 7).
-- A learner without an enrollment (the most common case) costs one index probe.
create or replace function private.learning_paths_of(p_user uuid, p_lang text)
returns table (
  learning_path_id uuid,
  slug text,
  title text,
  courses_total integer,
  courses_completed integer,
  completion_percentage numeric,
  next_course_id uuid,
  next_course_title text,
  next_course_available boolean,
  enrolled_at timestamptz,
  completed_at timestamptz
)
language plpgsql
stable
set search_path = pg_catalog, pg_temp
as $$
declare
  v_tier integer;
begin
  if not exists (select from public.learning_path_enrollments as le where le.user_id = p_user) then
    return;
  end if;
  -- What private.current_tier_rank() says for the caller.
  select coalesce(private.tier_rank(p.subscription_tier), 0) into v_tier
  from public.profiles as p
  where p.id = p_user;
  return query
  with courses as (
    select
      e.id as enrollment_id,
      c.n,
      c.id as course_id,
      exists (
        select from public.progress as pr
        where pr.user_id = p_user and pr.course_id = c.id and pr.lesson_id is null and pr.completed_at is not null
      ) as done
    from public.learning_path_enrollments as e
    inner join public.learning_paths as lp on e.learning_path_id = lp.id
    cross join lateral pg_catalog.unnest(lp.course_ids) with ordinality as c (id, n)
    where e.user_id = p_user
  ),
  next_course as (
    select distinct on (cs.enrollment_id) cs.enrollment_id, cs.course_id
    from courses as cs
    where not cs.done
    order by cs.enrollment_id, cs.n
  )
  select
    lp.id,
    lp.slug,
    case when p_lang = 'fr' then coalesce(lp.title_fr, lp.title_en) else lp.title_en end,
    pg_catalog.cardinality(lp.course_ids),
    (select count(*)::integer from courses as cs where cs.enrollment_id = e.id and cs.done),
    case when pg_catalog.cardinality(lp.course_ids) = 0 then 0::numeric else round(
      100.0 * (select count(*) from courses as cs where cs.enrollment_id = e.id and cs.done)
      / pg_catalog.cardinality(lp.course_ids), 2
    ) end,
    nc.course_id,
    -- The title of a course the learner may read only (published and live): an
    -- unpublished or deleted next course is named by nothing but its id.
    case when co.is_published and co.deleted_at is null then
      case when p_lang = 'fr' then coalesce(co.title_fr, co.title_en) else co.title_en end
    end,
    case when nc.course_id is null then null else (
      coalesce(co.is_published and co.deleted_at is null, false)
      and v_tier >= private.tier_rank(co.tier_required)
      and not exists (
        select from pg_catalog.unnest(co.prerequisite_course_ids) as pre (id)
        where not exists (
          select from public.progress as pr
          where pr.user_id = p_user and pr.course_id = pre.id and pr.lesson_id is null and pr.completed_at is not null
        )
      )
    ) end,
    e.enrolled_at,
    e.completed_at
  from public.learning_path_enrollments as e
  inner join public.learning_paths as lp on e.learning_path_id = lp.id
  left join next_course as nc on e.id = nc.enrollment_id
  left join public.courses as co on nc.course_id = co.id
  where e.user_id = p_user
  order by e.enrolled_at, lp.id;
end;
$$;

comment on function private.learning_paths_of(uuid, text) is
'Internal: the learning paths of p_user (a signed-in caller) as my_learning_paths returns them, titles in p_lang.';

create or replace function private.my_learning_paths(p_lang text)
returns table (
  learning_path_id uuid,
  slug text,
  title text,
  courses_total integer,
  courses_completed integer,
  completion_percentage numeric,
  next_course_id uuid,
  next_course_title text,
  next_course_available boolean,
  enrolled_at timestamptz,
  completed_at timestamptz
)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  lang text := private.caller_language(p_lang);
begin
  return query select * from private.learning_paths_of(private.signed_in_user(), lang);
end;
$$;

create or replace function public.my_learning_paths(p_lang text default null)
returns table (
  learning_path_id uuid,
  slug text,
  title text,
  courses_total integer,
  courses_completed integer,
  completion_percentage numeric,
  next_course_id uuid,
  next_course_title text,
  next_course_available boolean,
  enrolled_at timestamptz,
  completed_at timestamptz
)
language plpgsql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
  -- PL/pgSQL, not SQL (issue 7): a SQL wrapper with SET is parsed and planned on every call.
  return query select * from private.my_learning_paths(p_lang);
end;
$$;

comment on function public.my_learning_paths(text) is
'Your learning paths: courses completed of total, percentage, the next course (title in p_lang ''en'' or ''fr'', '
'default your profile''s language, French falling back to English) and whether you may take it now (published, your '
'tier, prerequisites done). 22023 bad p_lang, 42501 not signed in.';

revoke all on function
  private.caller_language(text),
  private.learning_paths_of(uuid, text),
  private.enroll_in_learning_path(uuid),
  private.my_learning_paths(text),
  public.enroll_in_learning_path(uuid),
  public.my_learning_paths(text)
from public, anon, authenticated;
grant execute on function
  private.enroll_in_learning_path(uuid),
  private.my_learning_paths(text),
  public.enroll_in_learning_path(uuid),
  public.my_learning_paths(text)
to authenticated;
