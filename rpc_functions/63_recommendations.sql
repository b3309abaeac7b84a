/*
  Recommendations by meaning, in the embedding space of the case law
  (multilingual-e5-small; private.course_embeddings and private.lesson_embeddings,
  migrations/043_course_embeddings.sql, computed by `abr-db embed`).

    public.recommend_courses(p_limit, p_lang)
        Courses the caller can take now and has not started: published, not
        deleted, within their tier, every prerequisite completed. Ranked by
        cosine similarity to the mean embedding of the courses they completed or
        are taking (reason 'similar'). A learner with none of those (a new
        learner), or whose courses have no embedding yet, gets what the members
        of their organization started most (reason 'popular_in_organization',
        then catalog order: reason 'catalog'). Never an unpublished, deleted,
        completed, started or out-of-tier course.
    public.related_cases_for_lesson(p_lesson_id, p_limit)
        The live tribunal cases nearest in meaning to a lesson the caller may
        read; empty while the lesson has no embedding.

  Interpretation: a course in progress is not recommended (my_dashboard and
  coaching_context show it as "continue"); it still shapes the ranking.
*/

-- plan_cache_mode: the ranking query's generic plan (planned once per session) is the plan
-- every custom plan was; PL/pgSQL's default kept planning it again on every call (planning
-- cost four times its execution).
create or replace function private.recommend_courses(p_limit integer, p_lang text)
returns table (
  course_id uuid,
  slug text,
  title text,
  description text,
  category text,
  level text,
  tier_required text,
  estimated_hours numeric,
  similarity double precision,
  reason text
)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
set plan_cache_mode = force_generic_plan
as $$
declare
  me uuid;
  lang text;
  v_tier text;
  v_tiers text [];
  v_org uuid;
  v_profile extensions.vector;
begin
  if p_limit is null or p_limit not between 1 and 50 then
    raise exception using errcode = '22023', message = 'p_limit must be between 1 and 50', hint = 'Default: 5.';
  end if;
  if p_lang is not null and p_lang not in ('en', 'fr') then
    raise exception using
      errcode = '22023', message = 'p_lang must be ''en'' or ''fr''', hint = 'Omit it to use your profile''s language.';
  end if;
  me := private.signed_in_user();
  -- One read of the profile (caller_language and current_tier_rank would each read it again).
  select coalesce(p_lang, p.preferred_language), p.subscription_tier, p.organization_id into lang, v_tier, v_org
  from public.profiles as p
  where p.id = me;
  -- The tiers the caller may take, in private.tier_rank's order, once: tier_rank per course
  -- (SQL with SET, never inlined) cost more than the rest of the query.
  v_tiers := case v_tier
    when 'professional' then array['free', 'professional']
    when 'enterprise' then array['free', 'professional', 'enterprise']
    when 'custom' then array['free', 'professional', 'enterprise', 'custom']
    else array['free']
  end;

  -- What the learner has done and is doing, as one direction.
  select extensions.avg(e.embedding) into v_profile
  from public.progress as pr
  inner join private.course_embeddings as e on pr.course_id = e.course_id
  where pr.user_id = me and pr.lesson_id is null;

  return query
  with eligible as (
    select c.*
    from public.courses as c
    where
      c.is_published and c.deleted_at is null
      and c.tier_required = any(v_tiers)
      and not exists (
        select from public.progress as pr
        where pr.user_id = me and pr.course_id = c.id and pr.lesson_id is null
      )
      and not exists (
        select from pg_catalog.unnest(c.prerequisite_course_ids) as pre (id)
        where not exists (
          select from public.progress as pr
          where pr.user_id = me and pr.course_id = pre.id and pr.lesson_id is null and pr.completed_at is not null
        )
      )
  ),
  ranked as (
    select
      c.id,
      case when v_profile is not null and e.embedding is not null
        then 1 - (e.embedding operator(extensions.<=>) v_profile) end as sim,
      case when v_profile is null and v_org is not null then (
        select count(*) from public.progress as pr
        where pr.organization_id = v_org and pr.course_id = c.id and pr.lesson_id is null
      ) else 0 end as popularity
    from eligible as c
    left join private.course_embeddings as e on c.id = e.course_id
  )
  select
    c.id,
    c.slug,
    case when lang = 'fr' then coalesce(c.title_fr, c.title_en) else c.title_en end,
    case when lang = 'fr' then coalesce(c.description_fr, c.description_en) else c.description_en end,
    c.category,
    c.level,
    c.tier_required,
    c.estimated_hours,
    r.sim,
    case
      when r.sim is not null then 'similar'
      when r.popularity > 0 then 'popular_in_organization'
      else 'catalog'
    end
  from ranked as r
  inner join public.courses as c on r.id = c.id
  order by r.sim desc nulls last, r.popularity desc, c.order_index, c.id
  limit p_limit;
end;
$$;

create or replace function public.recommend_courses(p_limit integer default 5, p_lang text default null)
returns table (
  course_id uuid,
  slug text,
  title text,
  description text,
  category text,
  level text,
  tier_required text,
  estimated_hours numeric,
  similarity double precision,
  reason text
)
language plpgsql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
  return query select * from private.recommend_courses(p_limit, p_lang);
end;
$$;

comment on function public.recommend_courses(integer, text) is
'Courses for you to take next (at most p_limit, 1-50, default 5): published, within your tier, prerequisites met, '
'not started. Ranked by meaning: similarity to the courses you completed or are taking (reason similar); without '
'those, what your organization''s members started most (popular_in_organization), then the catalog order '
'(catalog). Titles in p_lang (default your language). 22023 invalid parameter, 42501 not signed in.';

-- related_cases_for_lesson ---------------------------------------------------------------------

create or replace function private.related_cases_for_lesson(p_lesson_id uuid, p_limit integer)
returns table (
  id uuid,
  case_number text,
  title text,
  tribunal text,
  decision_date date,
  year integer,
  outcome text,
  is_anti_black_specific boolean,
  similarity double precision
)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_embedding extensions.vector;
begin
  if p_lesson_id is null then
    raise exception using errcode = '22023', message = 'p_lesson_id is required', hint = 'Pass a lesson id.';
  end if;
  if p_limit is null or p_limit not between 1 and 20 then
    raise exception using errcode = '22023', message = 'p_limit must be between 1 and 20', hint = 'Default: 5.';
  end if;
  -- P0002 'lesson not found' for a lesson the caller may not read, as for none.
  perform private.visible_lesson(p_lesson_id, false);
  select e.embedding into v_embedding from private.lesson_embeddings as e where e.lesson_id = p_lesson_id;
  if v_embedding is null then
    return;
  end if;
  return query
  select c.id, c.case_number, c.title, c.tribunal, c.decision_date, c.year, c.outcome, c.is_anti_black_specific,
    1 - v.distance
  from private.case_vector_ranked(v_embedding, null, p_limit) as v
  inner join public.tribunal_cases as c on v.id = c.id
  order by v.distance, v.id;
end;
$$;

create or replace function public.related_cases_for_lesson(p_lesson_id uuid, p_limit integer default 5)
returns table (
  id uuid,
  case_number text,
  title text,
  tribunal text,
  decision_date date,
  year integer,
  outcome text,
  is_anti_black_specific boolean,
  similarity double precision
)
language plpgsql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
  return query select * from private.related_cases_for_lesson(p_lesson_id, p_limit);
end;
$$;

comment on function public.related_cases_for_lesson(uuid, integer) is
'The live tribunal cases nearest in meaning to a lesson you may read (at most p_limit, 1-20, default 5), with '
'their cosine similarity; empty while the lesson has no embedding (abr-db embed). 22023 invalid parameter, P0002 '
'no such lesson you may read, 42501 tier too low or not signed in.';

revoke all on function
  private.recommend_courses(integer, text),
  public.recommend_courses(integer, text),
  private.related_cases_for_lesson(uuid, integer),
  public.related_cases_for_lesson(uuid, integer)
from public, anon, authenticated;

grant execute on function
  private.recommend_courses(integer, text),
  public.recommend_courses(integer, text),
  private.related_cases_for_lesson(uuid, integer),
  public.related_cases_for_lesson(uuid, integer)
to authenticated;
