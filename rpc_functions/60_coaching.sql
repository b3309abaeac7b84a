/*
  The AI coach, served by the database. The language model runs outside the
  database (the coaching server, as service_role); everything around it is here:

    public.coaching_context(p_lang)                      the signed-in learner's state as one
                                                         JSON document, for the model's prompt
    public.coaching_context_for_user(p_user_id, p_lang)  the same for the server (service_role)
    public.coaching_allowance_for_user(p_user_id)        what is left of the learner's allowance
                                                         (service_role), asked before calling the
                                                         model
    public.record_coaching_session(...)                  the server records a session after the
                                                         model answered: idempotent on a request
                                                         key, consuming one session of the allowance
    public.rate_coaching_session(p_id, p_rating, p_helpful, p_feedback)
                                                         the learner rates their own session

  The context holds nothing the learner could not read themself: their own
  progress, achievements, certificates and paths, titles of published courses
  and lessons, badges of their own organization; no other person's data.

  The allowance (the ai_coach_sessions metric; limits in public.plan_limits):
  - a learner whose organization has a subscription: the billing work's usage
    metering (private.meter_usage, rpc_functions/53_usage.sql), enforced, counted
    in the subscription's billing period, the limit of its price else its tier,
    idempotent on 'coaching:' || md5(request key), the check and the increment one
    UPDATE of private.usage_counters;
  - the fallback, a learner without an organization (their own allowance, their
    profile's tier) or an organization without a subscription (tier free): the
    tier's row of public.plan_limits per Toronto calendar month, counted in
    private.coaching_session_usage by one INSERT ... ON CONFLICT DO UPDATE ...
    WHERE under the limit.
  Either way two concurrent sessions of one holder serialize on the counter row,
  and the second re-checks the limit against the first's committed count;
  coaching_allowance_for_user reads the same counters and limits.
*/

-- The context document ------------------------------------------------------------------

create or replace function private.coaching_context_of(p_user uuid, p_lang text)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  p public.profiles;
  ach public.user_achievements;
  now_at timestamptz := pg_catalog.now();
  today date := private.toronto_day(pg_catalog.now());
  lv record;
  last_at timestamptz;
  paths jsonb;
  in_progress jsonb;
begin
  select * into p from public.profiles as pr where pr.id = p_user;
  select * into ach from public.user_achievements as ua where ua.user_id = p_user;
  lv := private.level_of(coalesce(ach.total_points, 0));
  select max(pr.last_accessed) into last_at from public.progress as pr where pr.user_id = p_user;

  select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(lp)), '[]'::jsonb) into paths
  from private.learning_paths_of(p_user, p_lang) as lp;

  -- Courses in progress: published ones only (the learner reads no other course).
  select coalesce(pg_catalog.jsonb_agg(x.item order by x.last_accessed desc, x.course_id), '[]'::jsonb)
  into in_progress
  from (
    select
      pr.course_id,
      pr.last_accessed,
      pg_catalog.jsonb_build_object(
        'course_id', pr.course_id,
        'title', case when p_lang = 'fr' then coalesce(c.title_fr, c.title_en) else c.title_en end,
        'completion_percentage', pr.completion_percentage,
        'started_at', pr.started_at,
        'last_accessed', pr.last_accessed,
        'days_inactive', today - private.toronto_day(pr.last_accessed),
        'next_lesson', (
          select pg_catalog.jsonb_build_object(
            'id', l.id,
            'title', case when p_lang = 'fr' then coalesce(l.title_fr, l.title_en) else l.title_en end
          )
          from public.lessons as l
          where l.course_id = pr.course_id
            and not exists (
              select from public.progress as lp
              where lp.user_id = p_user and lp.lesson_id = l.id and lp.completed_at is not null
            )
          order by l.order_index
          limit 1
        )
      ) as item
    from public.progress as pr
    inner join public.courses as c on pr.course_id = c.id
    where
      pr.user_id = p_user and pr.lesson_id is null and pr.completed_at is null
      and c.is_published and c.deleted_at is null
    order by pr.last_accessed desc, pr.course_id
    limit 10
  ) as x;

  return pg_catalog.jsonb_build_object(
    'language', p_lang,
    'learner', pg_catalog.jsonb_build_object(
      'user_id', p.id,
      'full_name', p.full_name,
      'role', p.role,
      'subscription_tier', p.subscription_tier,
      'member_since', p.created_at
    ),
    'progress', pg_catalog.jsonb_build_object(
      'courses_in_progress', in_progress,
      'courses_completed', coalesce(ach.courses_completed, 0),
      'lessons_completed', coalesce(ach.lessons_completed, 0),
      'quizzes_passed', coalesce(ach.quizzes_passed, 0),
      'last_activity_at', last_at,
      'days_since_last_activity', today - private.toronto_day(last_at)
    ),
    'achievements', pg_catalog.jsonb_build_object(
      'points', pg_catalog.jsonb_build_object(
        'total', coalesce(ach.total_points, 0),
        'week', case when ach.points_week = private.toronto_week(now_at) then ach.weekly_points else 0 end,
        'month', case when ach.points_month = private.toronto_month(now_at) then ach.monthly_points else 0 end
      ),
      'level', pg_catalog.jsonb_build_object(
        'level', lv.level,
        'progress', lv.level_progress,
        'points_to_next_level', 50 * (lv.level + 1) * lv.level - coalesce(ach.total_points, 0)
      ),
      'streak', pg_catalog.jsonb_build_object(
        'current', case when ach.last_activity_date >= today - 1 then ach.current_streak_days else 0 end,
        'longest', coalesce(ach.longest_streak_days, 0),
        'last_activity_date', ach.last_activity_date
      ),
      'badges', coalesce((
        select pg_catalog.jsonb_agg(x.item order by x.earned_at desc, x.badge_id)
        from (
          select
            b.id as badge_id,
            t.earned_at,
            pg_catalog.jsonb_build_object(
              'name', b.name, 'description', b.description, 'rarity', b.rarity, 'earned_at', t.earned_at
            ) as item
          from (
            select e.key::uuid as badge_id, (e.value #>> '{}')::timestamptz as earned_at
            from pg_catalog.jsonb_each(coalesce(ach.badge_timestamps, '{}'::jsonb)) as e (key, value)
            where e.key ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
          ) as t
          -- Badges the learner may read: active ones of their own organization.
          inner join public.custom_badges as b on t.badge_id = b.id
          where b.organization_id = p.organization_id and b.is_active
          order by t.earned_at desc, b.id
          limit 10
        ) as x
      ), '[]'::jsonb),
      'certificates', coalesce((
        select pg_catalog.jsonb_agg(x.item order by x.issued_date desc, x.created_at desc)
        from (
          select
            ce.issued_date,
            ce.created_at,
            pg_catalog.jsonb_build_object(
              'course_id', ce.course_id,
              'course_title', case when p_lang = 'fr' then coalesce(ce.course_title_fr, ce.course_title_en, c.title_fr,
                c.title_en) else coalesce(ce.course_title_en, c.title_en) end,
              'issued_date', ce.issued_date,
              'status', case when ce.status = 'active' and ce.expiry_date < today then 'expired' else ce.status end
            ) as item
          from public.certificates as ce
          inner join public.courses as c on ce.course_id = c.id
          where ce.user_id = p_user
          order by ce.issued_date desc, ce.created_at desc
          limit 10
        ) as x
      ), '[]'::jsonb)
    ),
    -- The learner's latest progress rows (published courses), newest first.
    'recent_activity', coalesce((
      select pg_catalog.jsonb_agg(x.item order by x.at desc, x.id)
      from (
        select
          pr.id,
          greatest(pr.last_accessed, pr.completed_at) as at,
          pg_catalog.jsonb_build_object(
            'type', case
              when pr.lesson_id is null and pr.completed_at is not null then 'course_completed'
              when pr.lesson_id is null then 'course_started'
              when pr.quiz_passed then 'quiz_passed'
              when pr.completed_at is not null then 'lesson_completed'
              else 'lesson_in_progress'
            end,
            'at', greatest(pr.last_accessed, pr.completed_at),
            'course_id', pr.course_id,
            'course_title', case when p_lang = 'fr' then coalesce(c.title_fr, c.title_en) else c.title_en end,
            'lesson_id', pr.lesson_id,
            'lesson_title', case when p_lang = 'fr' then coalesce(l.title_fr, l.title_en) else l.title_en end
          ) as item
        from public.progress as pr
        inner join public.courses as c on pr.course_id = c.id and c.is_published and c.deleted_at is null
        left join public.lessons as l on pr.lesson_id = l.id
        where pr.user_id = p_user
        order by pr.last_accessed desc, pr.id
        limit 10
      ) as x
    ), '[]'::jsonb),
    'learning_paths', paths,
    -- What to do next: the first available next course of a path, else the course in
    -- progress touched last.
    'next_course', coalesce(
      (
        select pg_catalog.jsonb_build_object(
          'course_id', e ->> 'next_course_id', 'title', e ->> 'next_course_title', 'reason', 'learning_path',
          'learning_path_id', e ->> 'learning_path_id'
        )
        from pg_catalog.jsonb_array_elements(paths) with ordinality as a (e, n)
        where (e ->> 'next_course_available')::boolean
        order by a.n
        limit 1
      ),
      (
        select pg_catalog.jsonb_build_object(
          'course_id', in_progress -> 0 ->> 'course_id', 'title', in_progress -> 0 ->> 'title', 'reason', 'in_progress',
          'learning_path_id', null
        )
        where pg_catalog.jsonb_array_length(in_progress) > 0
      )
    ),
    'coaching_sessions', coalesce(ach.coaching_sessions, 0)
  );
end;
$$;

comment on function private.coaching_context_of(uuid, text) is
'Internal: the coaching context of p_user (an existing, live profile) in p_lang (''en'' or ''fr'', checked).';

create or replace function private.coaching_context(p_lang text)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  lang text := private.caller_language(p_lang);
begin
  return private.coaching_context_of(private.signed_in_user(), lang);
end;
$$;

create or replace function public.coaching_context(p_lang text default null)
returns jsonb
language plpgsql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
  return private.coaching_context(p_lang);
end;
$$;

comment on function public.coaching_context(text) is
'Your learning state for the AI coach, as one JSON document: learner, progress (courses in progress with next '
'lesson, counters, last activity), achievements (points, level, streak, badges, certificates), recent_activity, '
'learning_paths, next_course. Text in p_lang ''en'' or ''fr'' (default your profile''s language). 22023 bad p_lang, '
'42501 not signed in.';

create or replace function private.coaching_context_for_user(p_user_id uuid, p_lang text)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  lang text;
begin
  if p_user_id is null then
    raise exception using errcode = '22023', message = 'p_user_id is required', hint = 'Pass the learner''s id.';
  end if;
  if p_lang is not null and p_lang not in ('en', 'fr') then
    raise exception using
      errcode = '22023', message = 'p_lang must be ''en'' or ''fr''', hint = 'Omit it to use the learner''s language.';
  end if;
  select coalesce(p_lang, pr.preferred_language) into lang
  from public.profiles as pr
  where pr.id = p_user_id and pr.deleted_at is null;
  if not found then
    raise exception using errcode = 'P0002', message = 'user not found', hint = 'Check the user id.';
  end if;
  return private.coaching_context_of(p_user_id, lang);
end;
$$;

create or replace function public.coaching_context_for_user(p_user_id uuid, p_lang text default null)
returns jsonb
language plpgsql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
  return private.coaching_context_for_user(p_user_id, p_lang);
end;
$$;

comment on function public.coaching_context_for_user(uuid, text) is
'Server only (service_role): the coaching context of a learner, exactly as coaching_context returns it to them. '
'22023 missing id or bad p_lang, P0002 no such live user.';

-- The allowance ---------------------------------------------------------------------------

-- The signatures of the monthly-only allowance (before the usage metering) are gone.
drop function if exists private.consume_coaching_session(uuid, timestamptz);
drop function if exists private.coaching_allowance_of(uuid);

/*
  One reader for the pre-check and the take, so the two agree. Two ways of counting:
  - metered: the learner's organization has a subscription. The allowance is the
    ai_coach_sessions metric of the billing work's usage metering (rpc_functions/53_usage.sql):
    counted in private.usage_counters per billing period of the subscription, the limit from
    public.plan_limits (the subscription's price row, else its tier's; free when the subscription
    does not entitle), hard or soft.
  - monthly (the fallback): a learner without an organization (holder: the learner, tier: their
    profile's) or an organization without a subscription (holder: the organization, tier: free).
    Counted per Toronto calendar month in private.coaching_session_usage, the limit from the tier's
    row of public.plan_limits (stripe_price_id null, ai_coach_sessions): the same data as the metered
    path's tier limits. No row: unlimited.
*/
create or replace function private.coaching_allowance_of(
  p_user uuid,
  p_at timestamptz,
  out holder_id uuid,
  out metered boolean,
  out tier text,
  out period_start timestamptz,
  out period_end timestamptz,
  out period_limit numeric,
  out hard_limit boolean,
  out used numeric
)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_org uuid;
  v_profile_tier text;
  v_sub public.subscriptions;
  v_month date := private.toronto_month(p_at);
begin
  select o.id, p.subscription_tier into v_org, v_profile_tier
  from public.profiles as p
  left join public.organizations as o on p.organization_id = o.id and o.deleted_at is null
  where p.id = p_user;
  if v_org is not null then
    select s.* into v_sub from public.subscriptions as s where s.organization_id = v_org;
  end if;
  holder_id := coalesce(v_org, p_user);
  metered := v_sub.id is not null;
  if metered then
    tier := case when private.subscription_entitles(v_sub.status) then v_sub.plan_tier else 'free' end;
    select bp.period_start, bp.period_end into period_start, period_end
    from private.billing_period(
      v_sub.current_period_start, v_sub.current_period_end, v_sub.billing_interval, p_at
    ) as bp;
    select ul.period_limit, ul.hard_limit into period_limit, hard_limit
    from private.usage_limit(v_sub, 'ai_coach_sessions') as ul;
    select c.quantity into used
    from private.usage_counters as c
    where
      c.organization_id = v_org and c.metric_type = 'ai_coach_sessions'
      and c.period_start = coaching_allowance_of.period_start;
  else
    tier := case when v_org is null then coalesce(v_profile_tier, 'free') else 'free' end;
    period_start := v_month::timestamp at time zone 'America/Toronto';
    period_end := (v_month + interval '1 month') at time zone 'America/Toronto';
    select l.period_limit, l.hard_limit into period_limit, hard_limit
    from public.plan_limits as l
    where
      l.stripe_price_id is null and l.plan_tier = coaching_allowance_of.tier
      and l.metric_type = 'ai_coach_sessions';
    select u.sessions into used
    from private.coaching_session_usage as u
    where u.holder_id = coaching_allowance_of.holder_id and u.month = v_month;
  end if;
  hard_limit := coalesce(hard_limit, false);
  used := coalesce(used, 0);
end;
$$;

comment on function private.coaching_allowance_of(uuid, timestamptz) is
'Internal: p_user''s coaching allowance at p_at: holder (their organization, else themself), metered (the '
'organization has a subscription: usage metering per billing period) or not (fallback: per Toronto month), tier, '
'period, limit (public.plan_limits; null: unlimited), hard or soft, used.';

-- One session of p_user's allowance at p_at, or 42501 (the limit is a refusal the server
-- shows). Metered: private.meter_usage, enforced, idempotent on a key derived from the
-- coaching request key. Fallback: one INSERT ... ON CONFLICT DO UPDATE ... WHERE under the
-- limit; concurrent calls serialize on the usage row (or the usage counter) and the second
-- re-checks the limit against the first's committed count.
create or replace function private.consume_coaching_session(p_user uuid, p_request_key text, p_at timestamptz)
returns numeric
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  a record := private.coaching_allowance_of(p_user, p_at);
  r jsonb;
  used numeric;
begin
  if a.metered then
    r := private.meter_usage(
      a.holder_id, 'ai_coach_sessions', 1, 'coaching:' || pg_catalog.md5(p_request_key), p_at, true
    );
    if (r ->> 'allowed')::boolean then
      return (r ->> 'used')::numeric;
    end if;
    raise exception using
      errcode = '42501',
      message = pg_catalog.format(
        'the AI coaching allowance of this billing period is used up (%s sessions on the %s plan)',
        pg_catalog.trim_scale(a.period_limit), a.tier
      ),
      hint = pg_catalog.format(
        'The allowance renews with the next billing period (%s); a higher plan allows more.', a.period_end
      );
  end if;

  insert into private.coaching_session_usage as u (holder_id, month, sessions)
  select a.holder_id, private.toronto_month(p_at), 1
  where not a.hard_limit or a.period_limit is null or a.period_limit >= 1
  on conflict (holder_id, month) do update
  set sessions = u.sessions + 1
  where not a.hard_limit or a.period_limit is null or u.sessions + 1 <= a.period_limit
  returning u.sessions into used;
  if used is null then
    raise exception using
      errcode = '42501',
      message = pg_catalog.format(
        'the monthly AI coaching allowance is used up (%s sessions on the %s plan)',
        pg_catalog.trim_scale(a.period_limit), a.tier
      ),
      hint = 'The allowance renews on the 1st of the month (Toronto time); a higher plan allows more.';
  end if;
  return used;
end;
$$;

comment on function private.consume_coaching_session(uuid, text, timestamptz) is
'Internal: takes one session of p_user''s coaching allowance at p_at (metered: private.meter_usage with the key '
'''coaching:'' || md5(p_request_key), so a retry counts once; fallback: the Toronto month''s usage row), or 42501 '
'when the hard limit is reached. Concurrent calls serialize on the counter row.';

-- What is left of a learner's allowance now: the server asks before calling the model
-- (record_coaching_session takes the session atomically afterwards, and refuses past the limit).
create or replace function private.coaching_allowance_for_user(p_user_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  a record;
begin
  if p_user_id is null then
    raise exception using errcode = '22023', message = 'p_user_id is required', hint = 'Pass the learner''s id.';
  end if;
  if not exists (select from public.profiles as pr where pr.id = p_user_id and pr.deleted_at is null) then
    raise exception using errcode = 'P0002', message = 'user not found', hint = 'Check the user id.';
  end if;
  a := private.coaching_allowance_of(p_user_id, pg_catalog.now());
  return pg_catalog.jsonb_build_object(
    'holder', case when a.holder_id = p_user_id then 'user' else 'organization' end,
    'counted', case when a.metered then 'billing_period' else 'month' end,
    'tier', a.tier,
    'period_start', a.period_start,
    'period_end', a.period_end,
    'limit', pg_catalog.trim_scale(a.period_limit),
    'hard_limit', a.hard_limit,
    'used', pg_catalog.trim_scale(a.used),
    'remaining', case
      when a.period_limit is not null then pg_catalog.trim_scale(greatest(a.period_limit - a.used, 0))
    end,
    'allowed', not a.hard_limit or a.period_limit is null or a.used + 1 <= a.period_limit
  );
end;
$$;

create or replace function public.coaching_allowance_for_user(p_user_id uuid)
returns jsonb
language plpgsql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
  return private.coaching_allowance_for_user(p_user_id);
end;
$$;

comment on function public.coaching_allowance_for_user(uuid) is
'Server only (service_role): the learner''s AI coaching allowance now, to check before calling the model, from the '
'counters record_coaching_session takes from: {holder (organization or user), counted (billing_period: the '
'organization''s subscription, metered by the usage metering; month: fallback without one, Toronto calendar '
'month), tier, period_start, period_end, limit (null: unlimited), hard_limit, used, remaining (null: unlimited), '
'allowed (whether one more session passes)}. 22023 missing id, P0002 no such live user.';

-- record_coaching_session -------------------------------------------------------------------

create or replace function private.record_coaching_session(
  p_request_key text,
  p_user_id uuid,
  p_session_type text,
  p_user_query text,
  p_user_context jsonb,
  p_ai_response text,
  p_ai_model text,
  p_ai_prompt text,
  p_recommended_actions jsonb,
  p_recommended_courses uuid []
)
returns public.ai_coaching_sessions
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_id uuid := pg_catalog.gen_random_uuid();
  bad uuid;
  result public.ai_coaching_sessions;
begin
  if p_request_key is null or pg_catalog.length(p_request_key) not between 1 and 200 then
    raise exception using
      errcode = '22023', message = 'p_request_key is required (1 to 200 characters)',
      hint = 'Pass the id of the coaching request: a retry with the same key records nothing more.';
  end if;
  if p_user_id is null then
    raise exception using errcode = '22023', message = 'p_user_id is required', hint = 'Pass the learner''s id.';
  end if;
  if p_session_type is null
    or p_session_type not in ('comprehensive', 'at_risk', 'learning_path', 'motivation', 'custom') then
    raise exception using
      errcode = '22023', message = 'p_session_type must be comprehensive, at_risk, learning_path, motivation or custom',
      hint = 'The kind of coaching the model gave.';
  end if;
  if p_ai_response is null or pg_catalog.btrim(p_ai_response) = '' then
    raise exception using errcode = '22023', message = 'p_ai_response is required', hint = 'The model''s answer.';
  end if;
  if p_recommended_actions is not null and pg_catalog.jsonb_typeof(p_recommended_actions) <> 'array' then
    raise exception using
      errcode = '22023', message = 'p_recommended_actions must be a JSON array',
      hint = '[{"action": ..., "priority": ..., "reason": ...}]';
  end if;
  if pg_catalog.array_position(p_recommended_courses, null) is not null then
    raise exception using errcode = '22023', message = 'p_recommended_courses must not contain null',
      hint = 'Pass course ids.';
  end if;

  -- The key first: a retry finds it; a concurrent call with the same key waits here
  -- until this transaction ends, then finds the session (or, if this one failed, goes on).
  insert into private.coaching_requests (request_key, session_id)
  values (p_request_key, v_id)
  on conflict (request_key) do nothing;
  if not found then
    select s.* into result
    from private.coaching_requests as r
    inner join public.ai_coaching_sessions as s on r.session_id = s.id
    where r.request_key = p_request_key;
    if result.user_id is distinct from p_user_id then
      raise exception using
        errcode = '23505', message = 'p_request_key was already used for another learner',
        hint = 'Use a new key per coaching request.';
    end if;
    return result;
  end if;

  if not exists (select from public.profiles as pr where pr.id = p_user_id and pr.deleted_at is null) then
    raise exception using errcode = 'P0002', message = 'user not found', hint = 'Check the user id.';
  end if;

  -- Recommended courses: published courses the learner's tier opens (what they may take).
  select c.id into bad
  from pg_catalog.unnest(coalesce(p_recommended_courses, '{}')) as c (id)
  where not exists (
    select from public.courses as co
    inner join public.profiles as pr on pr.id = p_user_id
    where
      co.id = c.id and co.is_published and co.deleted_at is null
      and private.tier_rank(co.tier_required) <= coalesce(private.tier_rank(pr.subscription_tier), 0)
  )
  limit 1;
  if bad is not null then
    raise exception using
      errcode = '22023',
      message = pg_catalog.format('p_recommended_courses: %s is not a published course this learner may take', bad),
      hint = 'Recommend published courses within the learner''s tier (recommend_courses lists them).';
  end if;

  insert into public.ai_coaching_sessions (
    id, user_id, session_type, user_query, user_context, ai_response, ai_model, ai_prompt, recommended_actions,
    recommended_courses
  )
  values (
    v_id, p_user_id, p_session_type, p_user_query, p_user_context, p_ai_response, p_ai_model, p_ai_prompt,
    p_recommended_actions, coalesce(p_recommended_courses, '{}')
  )
  returning * into result;

  -- In this transaction: a refusal (42501) takes the session row and the key back with it.
  perform private.consume_coaching_session(p_user_id, p_request_key, result.created_at);
  return result;
end;
$$;

create or replace function public.record_coaching_session(
  p_request_key text,
  p_user_id uuid,
  p_session_type text,
  p_ai_response text,
  p_user_query text default null,
  p_user_context jsonb default null,
  p_ai_model text default null,
  p_ai_prompt text default null,
  p_recommended_actions jsonb default null,
  p_recommended_courses uuid [] default '{}'
)
returns public.ai_coaching_sessions
language plpgsql
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
  return private.record_coaching_session(
    p_request_key, p_user_id, p_session_type, p_user_query, p_user_context, p_ai_response, p_ai_model, p_ai_prompt,
    p_recommended_actions, p_recommended_courses
  );
end;
$$;

comment on function public.record_coaching_session(text, uuid, text, text, text, jsonb, text, text, jsonb, uuid []) is
'Server only (service_role), after the model answered: records a coaching session for p_user_id and, in the same '
'transaction, takes one ai_coach_sessions unit of their organization''s plan (with a subscription: the usage '
'metering, in the billing period; without one, or for a learner without an organization: the tier''s limit per '
'Toronto month). Idempotent on p_request_key: a retry returns the recorded session and takes nothing. 22023 '
'invalid parameter (recommended courses must be published and within the learner''s tier), P0002 no such user, '
'42501 allowance used up (nothing recorded), 23505 key used for another learner.';

-- rate_coaching_session ---------------------------------------------------------------------

create or replace function private.rate_coaching_session(
  p_id uuid, p_rating integer, p_helpful boolean, p_feedback text
)
returns public.ai_coaching_sessions
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid;
  result public.ai_coaching_sessions;
begin
  if p_id is null then
    raise exception using errcode = '22023', message = 'p_id is required', hint = 'Pass a coaching session id.';
  end if;
  if p_rating is not null and p_rating not between 1 and 5 then
    raise exception using errcode = '22023', message = 'p_rating must be between 1 and 5', hint = '1 to 5 stars.';
  end if;
  if p_rating is null and p_helpful is null and p_feedback is null then
    raise exception using
      errcode = '22023', message = 'give p_rating, p_helpful or p_feedback',
      hint = 'A rating needs at least one of them.';
  end if;
  if pg_catalog.length(p_feedback) > 4000 then
    raise exception using
      errcode = '22023', message = 'p_feedback is limited to 4000 characters', hint = 'Shorten the feedback.';
  end if;
  me := private.signed_in_user();
  select * into result from public.ai_coaching_sessions as s where s.id = p_id and s.user_id = me for update;
  if not found then
    raise exception using errcode = 'P0002', message = 'coaching session not found', hint = 'Check the session id.';
  end if;
  if (select private.is_read_only()) then
    raise exception using
      errcode = '42501',
      message = 'viewer and guest accounts are read-only and do not rate sessions',
      hint = 'Ask your organization''s admin for a learner role.';
  end if;
  update public.ai_coaching_sessions as s
  set
    user_rating = coalesce(p_rating, s.user_rating),
    was_helpful = coalesce(p_helpful, s.was_helpful),
    user_feedback = coalesce(p_feedback, s.user_feedback)
  where s.id = p_id
  returning * into result;
  return result;
end;
$$;

create or replace function public.rate_coaching_session(
  p_id uuid, p_rating integer default null, p_helpful boolean default null, p_feedback text default null
)
returns public.ai_coaching_sessions
language plpgsql
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
  return private.rate_coaching_session(p_id, p_rating, p_helpful, p_feedback);
end;
$$;

comment on function public.rate_coaching_session(uuid, integer, boolean, text) is
'Rates one of your coaching sessions: p_rating 1-5, p_helpful, p_feedback (each optional, at least one; an omitted '
'one keeps its value). 22023 invalid parameter, P0002 not your session, 42501 read-only role or not signed in.';

-- Grants --------------------------------------------------------------------------------------

revoke all on function
  private.coaching_context_of(uuid, text),
  private.coaching_context(text),
  public.coaching_context(text),
  private.coaching_context_for_user(uuid, text),
  public.coaching_context_for_user(uuid, text),
  private.coaching_allowance_of(uuid, timestamptz),
  private.consume_coaching_session(uuid, text, timestamptz),
  private.coaching_allowance_for_user(uuid),
  public.coaching_allowance_for_user(uuid),
  private.record_coaching_session(text, uuid, text, text, jsonb, text, text, text, jsonb, uuid []),
  public.record_coaching_session(text, uuid, text, text, text, jsonb, text, text, jsonb, uuid []),
  private.rate_coaching_session(uuid, integer, boolean, text),
  public.rate_coaching_session(uuid, integer, boolean, text)
from public, anon, authenticated;

grant execute on function
  private.coaching_context(text),
  public.coaching_context(text),
  private.rate_coaching_session(uuid, integer, boolean, text),
  public.rate_coaching_session(uuid, integer, boolean, text)
to authenticated;

grant execute on function
  private.coaching_context_for_user(uuid, text),
  public.coaching_context_for_user(uuid, text),
  private.coaching_allowance_for_user(uuid),
  public.coaching_allowance_for_user(uuid),
  private.record_coaching_session(text, uuid, text, text, jsonb, text, text, text, jsonb, uuid []),
  public.record_coaching_session(text, uuid, text, text, text, jsonb, text, text, jsonb, uuid [])
to service_role;
