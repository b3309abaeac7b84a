/*
  Learners falling behind, for the people who look after them.

    public.at_risk_learners(p_days_inactive, p_limit)
        For an org_admin or analyst: the members of their own organization with a
        course started and not finished who are
          inactive       no learning activity (any progress row's last_accessed)
                         for p_days_inactive days or more, or
          streak_lost    a streak of 3 days or more was built (longest_streak_days)
                         and is now broken (no activity today or yesterday, Toronto)
        with their reasons, most inactive first.
    private.notify_at_risk_learners(at_time)
        The weekly job (cron_jobs/notify_at_risk_learners.sql): each organization with
        at-risk members (at_risk_learners with 14 days) gets one notification per admin,
        once per Toronto week, with the count only (no names in the text).

  Interpretation: the issue names org admins and analysts; compliance officers
  (staff too) and super_admin (no organization) are not given this list.
  "Activity" is what the learning loop counts (progress rows touched), so a
  member who only browses the case law is inactive as a learner.
*/

create or replace function private.at_risk_members(p_org uuid, p_days_inactive integer, p_limit integer,
  p_at timestamptz)
returns table (
  user_id uuid,
  full_name text,
  team_id uuid,
  courses_in_progress integer,
  last_activity_at timestamptz,
  days_inactive integer,
  current_streak_days integer,
  longest_streak_days integer,
  reasons text []
)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  today date := private.toronto_day(p_at);
begin
  return query
  with started as (
    select pr.user_id, count(*)::integer as courses
    from public.progress as pr
    where pr.organization_id = p_org and pr.lesson_id is null and pr.completed_at is null
    group by pr.user_id
  ),
  measured as (
    select
      s.user_id,
      s.courses,
      la.last_at,
      -- private.toronto_day inlined: a PL/pgSQL call per member costs more than the rest of the row.
      (today - (la.last_at at time zone 'America/Toronto')::date)::integer as idle_days,
      coalesce(
        case when ua.last_activity_date >= today - 1 then ua.current_streak_days else 0 end, 0
      ) as streak_now,
      coalesce(ua.longest_streak_days, 0) as streak_best
    from started as s
    cross join lateral (
      select max(pr.last_accessed) as last_at from public.progress as pr where pr.user_id = s.user_id
    ) as la
    -- One index probe per member: a plain join (or a lateral the planner pulls up) was
    -- planned as a hash join over all of user_achievements (55 ms at 100,000 learners).
    left join lateral (
      select a.last_activity_date, a.current_streak_days, a.longest_streak_days
      from public.user_achievements as a
      where a.user_id = s.user_id
      limit 1
    ) as ua on true
  ),
  flagged as (
    select
      m.*,
      array_remove(array[
        case when m.last_at <= p_at - pg_catalog.make_interval(days => p_days_inactive) then 'inactive' end,
        case when m.streak_best >= 3 and m.streak_now = 0 then 'streak_lost' end
      ], null) as why
    from measured as m
  )
  -- The page first, then its profiles: progress.organization_id is the member's live
  -- organization (kept by 021's triggers, null once soft-deleted), so the profiles of
  -- the page's rows only are read (the join re-checks them).
  select
    f.user_id, p.full_name, p.team_id, f.courses, f.last_at, f.idle_days, f.streak_now, f.streak_best, f.why
  from (
    select fl.*
    from flagged as fl
    where pg_catalog.cardinality(fl.why) > 0
    order by fl.last_at, fl.user_id
    limit p_limit
  ) as f
  inner join public.profiles as p on f.user_id = p.id and p.organization_id = p_org and p.deleted_at is null
  order by f.last_at, f.user_id;
end;
$$;

comment on function private.at_risk_members(uuid, integer, integer, timestamptz) is
'Internal: the at-risk members of p_org at p_at (see public.at_risk_learners), least recently active first.';

create or replace function private.at_risk_learners(p_days_inactive integer, p_limit integer)
returns table (
  user_id uuid,
  full_name text,
  team_id uuid,
  courses_in_progress integer,
  last_activity_at timestamptz,
  days_inactive integer,
  current_streak_days integer,
  longest_streak_days integer,
  reasons text []
)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_org uuid;
begin
  if p_days_inactive is null or p_days_inactive not between 1 and 365 then
    raise exception using
      errcode = '22023', message = 'p_days_inactive must be between 1 and 365', hint = 'Default: 14 days.';
  end if;
  if p_limit is null or p_limit not between 1 and 500 then
    raise exception using errcode = '22023', message = 'p_limit must be between 1 and 500', hint = 'Default: 50.';
  end if;
  perform private.signed_in_user();
  select p.organization_id into v_org
  from public.profiles as p
  inner join public.organizations as o on p.organization_id = o.id and o.deleted_at is null
  where p.id = (select private.current_user_id()) and p.role in ('org_admin', 'analyst');
  if v_org is null then
    raise exception using
      errcode = '42501',
      message = 'only org admins and analysts of an organization see its at-risk learners',
      hint = 'Ask your organization''s admin.';
  end if;
  return query select * from private.at_risk_members(v_org, p_days_inactive, p_limit, pg_catalog.now());
end;
$$;

create or replace function public.at_risk_learners(p_days_inactive integer default 14, p_limit integer default 50)
returns table (
  user_id uuid,
  full_name text,
  team_id uuid,
  courses_in_progress integer,
  last_activity_at timestamptz,
  days_inactive integer,
  current_streak_days integer,
  longest_streak_days integer,
  reasons text []
)
language plpgsql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
  return query select * from private.at_risk_learners(p_days_inactive, p_limit);
end;
$$;

comment on function public.at_risk_learners(integer, integer) is
'For org admins and analysts: members of your organization with a course started and not finished who are '
'inactive for p_days_inactive days or more (1-365, default 14) or lost a streak of 3 days or more, with the '
'reasons (inactive, streak_lost), least recently active first, at most p_limit (1-500, default 50). 22023 invalid '
'parameter, 42501 not an org admin or analyst.';

-- The weekly job -----------------------------------------------------------------------------

create or replace function private.notify_at_risk_learners(at_time timestamptz default pg_catalog.now())
returns bigint
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_week date;
  org record;
  sent bigint := 0;
  admins integer;
begin
  if at_time is null then
    raise exception using errcode = '22023', message = 'at_time must not be null', hint = 'Omit it for now().';
  end if;
  v_week := private.toronto_week(at_time);
  for org in
    select o.id, (select count(*) from private.at_risk_members(o.id, 14, 100000, at_time))::integer as learners
    from public.organizations as o
    where o.deleted_at is null
      and exists (
        select from public.progress as pr
        where pr.organization_id = o.id and pr.lesson_id is null and pr.completed_at is null
      )
      and not exists (select from private.at_risk_notices as n where n.organization_id = o.id and n.week = v_week)
  loop
    continue when org.learners = 0;
    insert into public.notifications (user_id, type, title, message, link_url, link_text, priority)
    select
      p.id,
      'system',
      case when p.preferred_language = 'fr' then 'Apprenants en difficulté' else 'Learners falling behind' end,
      case when p.preferred_language = 'fr'
        then pg_catalog.format(
          '%s membre(s) de votre organisation prennent du retard dans un cours commencé (inactifs depuis 14 jours '
          || 'ou plus, ou série interrompue).',
          org.learners
        )
        else pg_catalog.format(
          '%s member(s) of your organization are falling behind in a course they started (inactive for 14 days or '
          || 'more, or a lost streak).',
          org.learners
        )
      end,
      '/admin/at-risk-learners',
      case when p.preferred_language = 'fr' then 'Voir la liste' else 'See the list' end,
      'normal'
    from public.profiles as p
    where p.organization_id = org.id and p.role = 'org_admin' and p.deleted_at is null;
    get diagnostics admins = row_count;
    insert into private.at_risk_notices (organization_id, week, learners, admins_notified)
    values (org.id, v_week, org.learners, admins)
    on conflict (organization_id, week) do nothing;
    sent := sent + admins;
  end loop;
  return sent;
end;
$$;

comment on function private.notify_at_risk_learners(timestamptz) is
'Weekly job (notify-at-risk-learners): tells the admins of each organization how many members are at risk '
'(at_risk_learners with 14 days; the count only, no names), once per organization and Toronto week. Returns the '
'notifications sent.';

revoke all on function
  private.at_risk_members(uuid, integer, integer, timestamptz),
  private.at_risk_learners(integer, integer),
  public.at_risk_learners(integer, integer),
  private.notify_at_risk_learners(timestamptz)
from public, anon, authenticated;
revoke all on function private.notify_at_risk_learners(timestamptz) from service_role;

grant execute on function
  private.at_risk_learners(integer, integer),
  public.at_risk_learners(integer, integer)
to authenticated;
