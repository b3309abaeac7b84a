/*
  Leaderboards: rank, name and total points, nothing else (user_achievements
  rows of other people are not readable). Scope 'organization': live members
  of the caller's organization; 'global': every live user with points.
  Signed-in users only.

  Interpretation: ranks are dense over total_points (ties share a rank;
  ties are listed by name). A caller without an organization asking for the
  organization board gets 22023 (use 'global').
*/

create or replace function private.leaderboard(p_scope text, p_limit integer)
returns table (rank bigint, full_name text, total_points integer)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if p_scope is null or p_scope not in ('organization', 'global') then
    raise exception using
      errcode = '22023',
      message = 'p_scope must be ''organization'' or ''global''',
      hint = 'The default is ''organization''.';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 100 then
    raise exception using
      errcode = '22023',
      message = 'p_limit must be between 1 and 100',
      hint = 'The default is 10.';
  end if;
  if (select private.current_user_id()) is null then
    raise exception using
      errcode = '42501',
      message = 'sign in first: leaderboards are for signed-in users',
      hint = 'Call it with a user''s JWT.';
  end if;
  if p_scope = 'organization' and (select private.current_org_id()) is null then
    raise exception using
      errcode = '22023',
      message = 'you belong to no organization',
      hint = 'Use p_scope => ''global''.';
  end if;

  return query
  select
    pg_catalog.dense_rank() over (order by ua.total_points desc),
    p.full_name,
    ua.total_points
  from public.user_achievements as ua
  inner join public.profiles as p on ua.user_id = p.id
  where p.deleted_at is null
    and (p_scope = 'global' or p.organization_id = (select private.current_org_id()))
  order by ua.total_points desc, p.full_name, p.id
  limit p_limit;
end;
$$;

create or replace function public.leaderboard(p_scope text default 'organization', p_limit integer default 10)
returns table (rank bigint, full_name text, total_points integer)
language sql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.leaderboard(p_scope, p_limit)
$$;

comment on function public.leaderboard(text, integer) is
'The leaderboard: rank, full name and total points of the top p_limit (1-100, default 10) users of your organization '
  '(p_scope ''organization'', the default) or of everyone (''global''). 22023 bad scope or limit (or no organization), '
  '42501 not signed in.';

revoke all on function private.leaderboard(text, integer), public.leaderboard(text, integer) from public, anon,
  authenticated;
grant execute on function private.leaderboard(text, integer), public.leaderboard(text, integer) to authenticated;
