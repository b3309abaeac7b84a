/*
  my_dashboard(p_lang): what a learner's home screen shows, in one call, as
  one JSON object:
    language            'en' or 'fr' (p_lang, else the profile's language)
    points              {total, week, month}: week and month are the current Toronto
                        week's and month's (0 when the learner earned nothing in them)
    level               {level, progress (0-100), points_to_next_level}
    streak              {current, longest, last_activity_date}: current is 0 once a day
                        was missed, even before the nightly job breaks it
    ranks               {global, organization, team}: from the hourly job (null until ranked)
    milestones          the six counters
    courses_in_progress [{course_id, title, completion_percentage, last_accessed,
                          next_lesson: {id, title} | null}], most recent first (at most 10)
    recent_badges       [{badge_id, name, icon_url, rarity, earned_at}], newest first (5)
    recent_certificates [{id, certificate_number, verification_code, course_id, course_title,
                          issued_date, expiry_date, status}], newest first (5)
    learning_paths      the rows of my_learning_paths(p_lang)
    unread_notifications the count of unread, unexpired notifications
  Bilingual fields come in the chosen language, French falling back to
  English. Every signed-in user may call it (a learner without activity gets
  zeros and empty lists).
*/

create or replace function private.my_dashboard(p_lang text)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  lang text := private.caller_language(p_lang);
  me uuid;
  ach public.user_achievements;
  today date := private.toronto_day(pg_catalog.now());
  lv record;
begin
  me := private.signed_in_user();

  select * into ach from public.user_achievements as ua where ua.user_id = me;
  lv := private.level_of(coalesce(ach.total_points, 0));

  return pg_catalog.jsonb_build_object(
    'language', lang,
    'points', pg_catalog.jsonb_build_object(
      'total', coalesce(ach.total_points, 0),
      'week', case when ach.points_week = private.toronto_week(pg_catalog.now()) then ach.weekly_points else 0 end,
      'month', case when ach.points_month = private.toronto_month(pg_catalog.now()) then ach.monthly_points else 0 end
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
    'ranks', pg_catalog.jsonb_build_object(
      'global', ach.global_rank, 'organization', ach.organization_rank, 'team', ach.team_rank
    ),
    'milestones', pg_catalog.jsonb_build_object(
      'courses_completed', coalesce(ach.courses_completed, 0),
      'lessons_completed', coalesce(ach.lessons_completed, 0),
      'quizzes_passed', coalesce(ach.quizzes_passed, 0),
      'certificates_earned', coalesce(ach.certificates_earned, 0),
      'cases_bookmarked', coalesce(ach.cases_bookmarked, 0),
      'coaching_sessions', coalesce(ach.coaching_sessions, 0)
    ),
    'courses_in_progress', coalesce((
      select pg_catalog.jsonb_agg(x.item order by x.last_accessed desc, x.course_id)
      from (
        select
          pr.course_id,
          pr.last_accessed,
          pg_catalog.jsonb_build_object(
            'course_id', pr.course_id,
            'title', case when lang = 'fr' then coalesce(c.title_fr, c.title_en) else c.title_en end,
            'completion_percentage', pr.completion_percentage,
            'last_accessed', pr.last_accessed,
            'next_lesson', (
              select pg_catalog.jsonb_build_object(
                'id', l.id,
                'title', case when lang = 'fr' then coalesce(l.title_fr, l.title_en) else l.title_en end
              )
              from public.lessons as l
              where l.course_id = pr.course_id
                and not exists (
                  select from public.progress as lp
                  where lp.user_id = me and lp.lesson_id = l.id and lp.completed_at is not null
                )
              order by l.order_index
              limit 1
            )
          ) as item
        from public.progress as pr
        inner join public.courses as c on pr.course_id = c.id
        where pr.user_id = me and pr.lesson_id is null and pr.completed_at is null and c.deleted_at is null
        order by pr.last_accessed desc, pr.course_id
        limit 10
      ) as x
    ), '[]'::jsonb),
    'recent_badges', coalesce((
      select pg_catalog.jsonb_agg(x.item order by x.earned_at desc, x.badge_id)
      from (
        select
          b.id as badge_id,
          t.earned_at,
          pg_catalog.jsonb_build_object(
            'badge_id', b.id, 'name', b.name, 'icon_url', b.icon_url, 'rarity', b.rarity,
            'earned_at', t.earned_at
          ) as item
        -- Each badge by its primary key (`t.key = b.id::text` read every badge of every
        -- organization); only a key in uuid::text's canonical form names a badge, as before.
        from (
          select e.key::uuid as badge_id, (e.value #>> '{}')::timestamptz as earned_at
          from pg_catalog.jsonb_each(coalesce(ach.badge_timestamps, '{}'::jsonb)) as e (key, value)
          where e.key ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        ) as t
        inner join public.custom_badges as b on t.badge_id = b.id
        order by t.earned_at desc, b.id
        limit 5
      ) as x
    ), '[]'::jsonb),
    'recent_certificates', coalesce((
      select pg_catalog.jsonb_agg(x.item order by x.issued_date desc, x.created_at desc)
      from (
        select
          ce.issued_date,
          ce.created_at,
          pg_catalog.jsonb_build_object(
            'id', ce.id,
            'certificate_number', ce.certificate_number,
            'verification_code', ce.verification_code,
            'course_id', ce.course_id,
            'course_title', case when lang = 'fr' then coalesce(c.title_fr, c.title_en) else c.title_en end,
            'issued_date', ce.issued_date,
            'expiry_date', ce.expiry_date,
            'status', case when ce.status = 'active' and ce.expiry_date < today then 'expired' else ce.status end
          ) as item
        from public.certificates as ce
        inner join public.courses as c on ce.course_id = c.id
        where ce.user_id = me
        order by ce.issued_date desc, ce.created_at desc
        limit 5
      ) as x
    ), '[]'::jsonb),
    'learning_paths', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(mp)) from private.learning_paths_of(me, lang) as mp
    ), '[]'::jsonb),
    'unread_notifications', (
      select count(*) from public.notifications as n
      where n.user_id = me and not n.read and (n.expires_at is null or n.expires_at > pg_catalog.now())
    )
  );
end;
$$;

-- PL/pgSQL, not SQL (issue 7): a SQL function with SET is not inlined and is parsed and
-- planned on every call; a PL/pgSQL one keeps its plan for the session.
create or replace function public.my_dashboard(p_lang text default null)
returns jsonb
language plpgsql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
  return private.my_dashboard(p_lang);
end;
$$;

comment on function public.my_dashboard(text) is
'Your home screen in one call (JSON): points (total, this Toronto week, this month), level and progress, streak, '
'ranks, milestones, courses in progress with percentage and next lesson, recent badges and certificates, learning '
'paths, unread notification count. Text in p_lang ''en'' or ''fr'' (default your profile''s language; French falls '
'back to English). 22023 bad p_lang, 42501 not signed in.';

revoke all on function private.my_dashboard(text), public.my_dashboard(text) from public, anon, authenticated;
grant execute on function private.my_dashboard(text), public.my_dashboard(text) to authenticated;
