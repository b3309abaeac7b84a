/*
  Leaderboards: rank, display name, level and points, nothing else
  (user_achievements rows of other people are not readable). Signed-in users
  only.

    p_scope   'organization' (default): live members of the caller's organization
              'team': live members of the caller's team
              'global': every live user with an achievements row
    p_period  'all_time' (default): total_points
              'week' / 'month': the points of the current Toronto week / month
              (weekly_points of a row whose points_week is this week, etc.)
    p_limit   1-100 (default 10), p_offset 0-10000 (default 0): a page

  Display names (ACCESS.md, decided in issue 6): a member of the caller's own
  organization by full name; anyone else (global board) by first name and
  last initial ("Henri Pierre-Louis" -> "Henri P.").

  Ranks are competition ranks over the board's points: equal points share a
  rank (1, 2, 2, 4), and tied rows are listed in a deterministic order (by
  user id, stable from call to call). Interpretation: a user without an
  organization (or team) asking for that board gets 22023.

  Speed: every (scope, period) reads an index of user_achievements in board
  order (022_learning_loop: idx_achievements_board_*, listed rows only) and
  stops after p_offset + p_limit entries; the team board reads its all-time
  index and sorts its few members for a week or month. The
  stored global_rank / organization_rank / team_rank are filled by the job
  recompute-leaderboard-ranks (for dashboards), not read here.
*/

drop function if exists public.leaderboard(text, integer);
drop function if exists private.leaderboard(text, integer);

-- PL/pgSQL, not SQL (issue 7): a SQL function with SET is neither inlined nor kept planned
-- across calls, and it is called once per listed row (~9 us each; now ~2 us).
create or replace function private.leaderboard_display_name(p_full_name text, p_same_org boolean) returns text
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
declare
  parts text [];
begin
  if p_full_name is null or pg_catalog.btrim(p_full_name) = '' then
    return null;
  end if;
  if p_same_org then
    return pg_catalog.regexp_replace(pg_catalog.btrim(p_full_name), '\s+', ' ', 'g');
  end if;
  parts := pg_catalog.regexp_split_to_array(pg_catalog.btrim(p_full_name), '\s+');
  if pg_catalog.array_length(parts, 1) = 1 then
    return parts[1];
  end if;
  return parts[1] || ' ' || pg_catalog.left(parts[pg_catalog.array_length(parts, 1)], 1) || '.';
end;
$$;

comment on function private.leaderboard_display_name(text, boolean) is
'Internal: full name within the caller''s organization, otherwise first name and last initial.';

-- `setof record`, not `returns table`: a `returns table` function's OUT columns, never
-- assigned, are what plpgsql_check (`supabase db lint --fail-on warning`) reports. The public
-- wrapper names the columns. The return type changed once (from `returns table`), so the
-- function is dropped first.
--
-- Speed (issue 7): one read of the caller's profile (not three helpers), and every statement
-- static, so PL/pgSQL keeps one plan per (scope, period) for the session instead of parsing
-- and planning a format()ted EXECUTE on every call. Each branch reads its board's index in
-- order into arrays (user, points, level) of at most p_offset + p_limit entries; one
-- statement ranks them, drops the offset and names the page.
-- plan_cache_mode: each statement's generic plan reads its board's index in order, as a
-- custom plan does, but `limit n` makes the generic estimate look dearer, so without it
-- PL/pgSQL would plan every call anew.
drop function if exists private.leaderboard(text, integer, text, integer);
create function private.leaderboard(p_scope text, p_limit integer, p_period text, p_offset integer)
returns setof record
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
set plan_cache_mode = force_generic_plan
as $$
declare
  me uuid;
  my_org uuid;
  my_team uuid;
  n integer;
  this_week date;
  this_month date;
  v_ids uuid [];
  v_points integer [];
  v_levels integer [];
begin
  if p_scope is null or p_scope not in ('organization', 'team', 'global') then
    raise exception using
      errcode = '22023',
      message = 'p_scope must be ''organization'', ''team'' or ''global''',
      hint = 'The default is ''organization''.';
  end if;
  if p_period is null or p_period not in ('all_time', 'week', 'month') then
    raise exception using
      errcode = '22023',
      message = 'p_period must be ''all_time'', ''week'' or ''month''',
      hint = 'The default is ''all_time''.';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 100 then
    raise exception using
      errcode = '22023',
      message = 'p_limit must be between 1 and 100',
      hint = 'The default is 10.';
  end if;
  if p_offset is null or p_offset < 0 or p_offset > 10000 then
    raise exception using
      errcode = '22023',
      message = 'p_offset must be between 0 and 10000',
      hint = 'The default is 0.';
  end if;
  -- What current_user_id(), current_org_id() and current_team_id() would say, in one read:
  -- a live profile; its organization only while that is live.
  select p.id, o.id, p.team_id
  into me, my_org, my_team
  from public.profiles as p
  left join public.organizations as o on p.organization_id = o.id and o.deleted_at is null
  where p.id = (select auth.uid()) and p.deleted_at is null;
  if me is null then
    raise exception using
      errcode = '42501',
      message = 'sign in first: leaderboards are for signed-in users',
      hint = 'Call it with a user''s JWT.';
  end if;
  if p_scope = 'organization' and my_org is null then
    raise exception using
      errcode = '22023',
      message = 'you belong to no organization',
      hint = 'Use p_scope => ''global''.';
  end if;
  if p_scope = 'team' and (my_team is null or my_org is null) then
    raise exception using
      errcode = '22023',
      message = 'you belong to no team',
      hint = 'Use p_scope => ''organization'' or ''global''.';
  end if;

  -- Rows and points from user_achievements alone (its copies of organization, team and
  -- listed are kept in step with profiles by the triggers of 022, in the same transaction).
  n := p_offset + p_limit;
  if p_period = 'week' then
    this_week := private.toronto_week(pg_catalog.now());
  elsif p_period = 'month' then
    this_month := private.toronto_month(pg_catalog.now());
  end if;
  if p_period = 'all_time' and p_scope = 'global' then
    select array_agg(b.user_id), array_agg(b.total_points), array_agg(b.level) into v_ids, v_points, v_levels
    from (
      select ua.user_id, ua.total_points, ua.level from public.user_achievements as ua
      where ua.listed order by ua.total_points desc, ua.user_id limit n
    ) as b;
  elsif p_period = 'all_time' and p_scope = 'organization' then
    select array_agg(b.user_id), array_agg(b.total_points), array_agg(b.level) into v_ids, v_points, v_levels
    from (
      select ua.user_id, ua.total_points, ua.level from public.user_achievements as ua
      where ua.listed and ua.organization_id = my_org order by ua.total_points desc, ua.user_id limit n
    ) as b;
  elsif p_period = 'all_time' then
    select array_agg(b.user_id), array_agg(b.total_points), array_agg(b.level) into v_ids, v_points, v_levels
    from (
      select ua.user_id, ua.total_points, ua.level from public.user_achievements as ua
      where ua.listed and ua.team_id = my_team order by ua.total_points desc, ua.user_id limit n
    ) as b;
  elsif p_period = 'week' and p_scope = 'global' then
    select array_agg(b.user_id), array_agg(b.weekly_points), array_agg(b.level) into v_ids, v_points, v_levels
    from (
      select ua.user_id, ua.weekly_points, ua.level from public.user_achievements as ua
      where ua.listed and ua.points_week = this_week order by ua.weekly_points desc, ua.user_id limit n
    ) as b;
  elsif p_period = 'week' and p_scope = 'organization' then
    select array_agg(b.user_id), array_agg(b.weekly_points), array_agg(b.level) into v_ids, v_points, v_levels
    from (
      select ua.user_id, ua.weekly_points, ua.level from public.user_achievements as ua
      where ua.listed and ua.organization_id = my_org and ua.points_week = this_week
      order by ua.weekly_points desc, ua.user_id limit n
    ) as b;
  elsif p_period = 'week' then
    select array_agg(b.user_id), array_agg(b.weekly_points), array_agg(b.level) into v_ids, v_points, v_levels
    from (
      select ua.user_id, ua.weekly_points, ua.level from public.user_achievements as ua
      where ua.listed and ua.team_id = my_team and ua.points_week = this_week
      order by ua.weekly_points desc, ua.user_id limit n
    ) as b;
  elsif p_scope = 'global' then
    select array_agg(b.user_id), array_agg(b.monthly_points), array_agg(b.level) into v_ids, v_points, v_levels
    from (
      select ua.user_id, ua.monthly_points, ua.level from public.user_achievements as ua
      where ua.listed and ua.points_month = this_month order by ua.monthly_points desc, ua.user_id limit n
    ) as b;
  elsif p_scope = 'organization' then
    select array_agg(b.user_id), array_agg(b.monthly_points), array_agg(b.level) into v_ids, v_points, v_levels
    from (
      select ua.user_id, ua.monthly_points, ua.level from public.user_achievements as ua
      where ua.listed and ua.organization_id = my_org and ua.points_month = this_month
      order by ua.monthly_points desc, ua.user_id limit n
    ) as b;
  else
    select array_agg(b.user_id), array_agg(b.monthly_points), array_agg(b.level) into v_ids, v_points, v_levels
    from (
      select ua.user_id, ua.monthly_points, ua.level from public.user_achievements as ua
      where ua.listed and ua.team_id = my_team and ua.points_month = this_month
      order by ua.monthly_points desc, ua.user_id limit n
    ) as b;
  end if;

  -- Competition ranks over the first n entries (in board order: points desc, user id),
  -- then the page; profiles only for the page's names.
  return query
  select
    b.rank,
    private.leaderboard_display_name(p.full_name, p.organization_id is not distinct from my_org and my_org is not null),
    b.level,
    b.points
  from (
    select pg_catalog.rank() over (order by u.points desc) as rank, u.level, u.points, u.user_id, u.ord
    from unnest(v_ids, v_points, v_levels) with ordinality as u (user_id, points, level, ord)
  ) as b
  inner join public.profiles as p on b.user_id = p.id
  where b.ord > p_offset
  order by b.ord;
end;
$$;

create or replace function public.leaderboard(
  p_scope text default 'organization',
  p_limit integer default 10,
  p_period text default 'all_time',
  p_offset integer default 0
)
returns table (rank bigint, display_name text, level integer, points integer)
language plpgsql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
  -- PL/pgSQL, not SQL (issue 7): a SQL wrapper with SET is parsed and planned on every call.
  return query
  select l.rank, l.display_name, l.level, l.points
  from private.leaderboard(p_scope, p_limit, p_period, p_offset)
    as l (rank bigint, display_name text, level integer, points integer);
end;
$$;

comment on function public.leaderboard(text, integer, text, integer) is
'A leaderboard page: rank, display name, level and points of your organization (p_scope ''organization'', the '
'default), your team (''team'') or everyone (''global''), for all time (p_period ''all_time'', the default), this '
'Toronto week (''week'') or month (''month''); p_limit 1-100 (default 10) rows from p_offset (0-10000). Members of '
'other organizations appear as first name and last initial. Equal points share a rank. 22023 bad scope, period, '
'limit or offset (or no organization/team), 42501 not signed in.';

revoke all on function
  private.leaderboard_display_name(text, boolean),
  private.leaderboard(text, integer, text, integer),
  public.leaderboard(text, integer, text, integer)
from public, anon, authenticated;
grant execute on function
  private.leaderboard(text, integer, text, integer),
  public.leaderboard(text, integer, text, integer)
to authenticated;
