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

create or replace function private.leaderboard_display_name(p_full_name text, p_same_org boolean) returns text
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select case
    when p_full_name is null or pg_catalog.btrim(p_full_name) = '' then null
    when p_same_org then pg_catalog.regexp_replace(pg_catalog.btrim(p_full_name), '\s+', ' ', 'g')
    else (
      select case
        when pg_catalog.array_length(w.parts, 1) = 1 then w.parts[1]
        else w.parts[1] || ' ' || pg_catalog.left(w.parts[pg_catalog.array_length(w.parts, 1)], 1) || '.'
      end
      from (select pg_catalog.regexp_split_to_array(pg_catalog.btrim(p_full_name), '\s+') as parts) as w
    )
  end
$$;

comment on function private.leaderboard_display_name(text, boolean) is
'Internal: full name within the caller''s organization, otherwise first name and last initial.';

-- `setof record`, not `returns table`: the page comes from one of nine static query shapes run
-- with EXECUTE, and a `returns table` function's OUT columns, never assigned, are what plpgsql_check
-- (`supabase db lint --fail-on warning`) reports. The public wrapper names the columns. The
-- return type changed once (from `returns table`), so the function is dropped first.
drop function if exists private.leaderboard(text, integer, text, integer);
create function private.leaderboard(p_scope text, p_limit integer, p_period text, p_offset integer)
returns setof record
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := (select private.current_user_id());
  my_org uuid := (select private.current_org_id());
  my_team uuid := (select private.current_team_id());
  points_col text;
  period_filter text;
  scope_filter text;
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

  -- Identifiers from fixed lists only; values are parameters. One static
  -- shape per (scope, period), so each plan reads its own index in order.
  -- Rows, ranks and the page come from user_achievements alone (its copies
  -- of organization, team and listed are kept in step with profiles by the
  -- triggers of 022, in the same transaction), reading the board's partial
  -- index in order; profiles are read for the page's names only.
  points_col := case p_period
    when 'week' then 'weekly_points'
    when 'month' then 'monthly_points'
    else 'total_points'
  end;
  period_filter := case p_period
    when 'week' then 'ua.points_week = private.toronto_week(pg_catalog.now())'
    when 'month' then 'ua.points_month = private.toronto_month(pg_catalog.now())'
    else 'true'
  end;
  scope_filter := case p_scope
    when 'organization' then 'ua.organization_id = $1'
    when 'team' then 'ua.team_id = $2'
    else 'true'
  end;

  return query execute pg_catalog.format(
    $q$
    select
      b.rank,
      private.leaderboard_display_name(p.full_name, p.organization_id is not distinct from $1 and $1 is not null),
      b.level,
      b.points
    from (
      select ranked.*
      from (
        select
          pg_catalog.rank() over (order by ua.%1$I desc) as rank,
          ua.level,
          ua.%1$I as points,
          ua.user_id
        from public.user_achievements as ua
        where ua.listed and %2$s and %3$s
        order by ua.%1$I desc, ua.user_id
        limit $3
      ) as ranked
      order by ranked.points desc, ranked.user_id
      offset $4
    ) as b
    inner join public.profiles as p on b.user_id = p.id
    order by b.points desc, b.user_id
    $q$,
    points_col, scope_filter, period_filter
  ) using my_org, my_team, p_offset + p_limit, p_offset;
end;
$$;

create or replace function public.leaderboard(
  p_scope text default 'organization',
  p_limit integer default 10,
  p_period text default 'all_time',
  p_offset integer default 0
)
returns table (rank bigint, display_name text, level integer, points integer)
language sql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select l.rank, l.display_name, l.level, l.points
  from private.leaderboard(p_scope, p_limit, p_period, p_offset)
    as l (rank bigint, display_name text, level integer, points integer)
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
