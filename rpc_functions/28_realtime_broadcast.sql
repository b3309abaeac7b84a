/*
  Broadcast from the database: the statement triggers' functions (bound by
  050_realtime_broadcast), defined once here. 050 runs this file at its place
  (`-- requires:`), so the functions exist before the triggers that call them.

  SECURITY DEFINER: realtime.send() is SECURITY INVOKER and inserts into
  realtime.messages, where clients have no insert policy, so a trigger fired by a
  client's write sends as the owner. Nobody may execute them directly. The
  topics, payloads and who may join: README, "Realtime".
*/

create or replace function private.broadcast_notifications() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  r record;
begin
  -- One message per user per statement: {operation, count, notifications (at most 100, else null)}.
  if tg_op = 'INSERT' then
    for r in
      select n.user_id, pg_catalog.count(*) as n_rows, pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'id', n.id, 'type', n.type, 'title', n.title, 'message', n.message, 'link_url', n.link_url,
        'link_text', n.link_text, 'read', n.read, 'read_at', n.read_at, 'priority', n.priority,
        'created_at', n.created_at, 'expires_at', n.expires_at
      ) order by n.created_at, n.id) as items
      from new_rows as n
      group by n.user_id
    loop
      perform realtime.send(
        pg_catalog.jsonb_build_object(
          'operation', 'INSERT', 'count', r.n_rows, 'notifications', case when r.n_rows <= 100 then r.items end
        ),
        'notifications', 'user:' || r.user_id::text || ':notifications', true
      );
    end loop;
  else
    for r in
      select n.user_id, pg_catalog.count(*) as n_rows, pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'id', n.id, 'type', n.type, 'title', n.title, 'message', n.message, 'link_url', n.link_url,
        'link_text', n.link_text, 'read', n.read, 'read_at', n.read_at, 'priority', n.priority,
        'created_at', n.created_at, 'expires_at', n.expires_at
      ) order by n.created_at, n.id) as items
      from new_rows as n
      inner join old_rows as o on n.id = o.id
      where (o.read, o.read_at, o.title, o.message, o.link_url, o.link_text, o.priority, o.expires_at, o.type)
        is distinct from
        (n.read, n.read_at, n.title, n.message, n.link_url, n.link_text, n.priority, n.expires_at, n.type)
      group by n.user_id
    loop
      perform realtime.send(
        pg_catalog.jsonb_build_object(
          'operation', 'UPDATE', 'count', r.n_rows, 'notifications', case when r.n_rows <= 100 then r.items end
        ),
        'notifications', 'user:' || r.user_id::text || ':notifications', true
      );
    end loop;
  end if;
  return null;
end;
$$;

comment on function private.broadcast_notifications() is
'Statement trigger on notifications: one message per user per statement to user:<id>:notifications.';

create or replace function private.broadcast_achievements() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  r record;
begin
  /*
    user:<id>:learning: one message per user whose points, level, streak or badges
    changed. org:<id>:leaderboard: one message per organization whose board moved
    (a listed member's points or level changed, or a member joined, left or was
    unlisted), with the moved members as the leaderboard RPC shows them to a
    member: display name (full name, same organization), level, points.
    Ranks recomputed by the hourly job and weekly/monthly resets send nothing.
    UPDATE only: a row is inserted with zeros (17_gamification), and its first
    points arrive by an update.
  */
  for r in
    select n.user_id, pg_catalog.jsonb_build_object(
      'total_points', n.total_points, 'weekly_points', n.weekly_points, 'monthly_points', n.monthly_points,
      'level', n.level, 'level_progress', n.level_progress, 'current_streak_days', n.current_streak_days,
      'longest_streak_days', n.longest_streak_days, 'badges_earned', n.badges_earned,
      'new_badges', array(select b from pg_catalog.unnest(n.badges_earned) as b where not b = any (o.badges_earned))
    ) as state
    from new_rows as n
    inner join old_rows as o on n.id = o.id
    where (o.total_points, o.level, o.level_progress, o.current_streak_days, o.longest_streak_days, o.badges_earned)
      is distinct from
      (n.total_points, n.level, n.level_progress, n.current_streak_days, n.longest_streak_days, n.badges_earned)
  loop
    perform realtime.send(r.state, 'achievements', 'user:' || r.user_id::text || ':learning', true);
  end loop;

  for r in
    with moved as (
      select n.user_id, o.organization_id as org_before, n.organization_id as org_after,
        o.listed as listed_before, n.listed as listed_after, n.total_points, n.level
      from new_rows as n
      inner join old_rows as o on n.id = o.id
      where (o.total_points, o.level, o.organization_id, o.listed)
        is distinct from (n.total_points, n.level, n.organization_id, n.listed)
    ),
    boards as (
      select m.org_before as org_id from moved as m where m.listed_before and m.org_before is not null
      union
      select m.org_after from moved as m where m.listed_after and m.org_after is not null
    )
    select b.org_id, pg_catalog.count(*) as n_rows,
      pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'display_name', private.leaderboard_display_name(p.full_name, true), 'level', m.level,
        'points', m.total_points
      ) order by m.total_points desc, m.user_id) filter (where m.listed_after and m.org_after = b.org_id) as items
    from boards as b
    inner join moved as m on b.org_id in (m.org_before, m.org_after)
    left join public.profiles as p on m.user_id = p.id
    group by b.org_id
  loop
    perform realtime.send(
      pg_catalog.jsonb_build_object(
        'count', r.n_rows,
        'entries', case when r.n_rows <= 50 then coalesce(r.items, '[]'::jsonb) end
      ),
      'leaderboard', 'org:' || r.org_id::text || ':leaderboard', true
    );
  end loop;
  return null;
end;
$$;

comment on function private.broadcast_achievements() is
'Statement trigger on user_achievements: user:<id>:learning (points, level, streak, badges changed) and '
'org:<id>:leaderboard (members who moved, as the leaderboard RPC shows them), one message per topic per statement.';

create or replace function private.broadcast_certificates_issued() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  r record;
begin
  -- user:<id>:learning, event certificate_issued: the certificates issued to that user by the statement,
  -- with the course title as issued (never the verification code).
  for r in
    select n.user_id, pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
      'id', n.id, 'certificate_number', n.certificate_number, 'course_id', n.course_id,
      'course_title_en', n.course_title_en, 'course_title_fr', n.course_title_fr,
      'issued_date', n.issued_date, 'expiry_date', n.expiry_date, 'status', n.status
    ) order by n.certificate_number) as items
    from new_rows as n
    group by n.user_id
  loop
    perform realtime.send(
      pg_catalog.jsonb_build_object('certificates', r.items),
      'certificate_issued', 'user:' || r.user_id::text || ':learning', true
    );
  end loop;
  return null;
end;
$$;

comment on function private.broadcast_certificates_issued() is
'Statement trigger on certificates: user:<id>:learning, event certificate_issued, one message per user per statement.';

create or replace function private.broadcast_review_queue() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  n_rows bigint;
  items jsonb;
begin
  -- reviewers:queue: one message per statement, for raw cases inserted or whose status changed.
  if tg_op = 'INSERT' then
    select pg_catalog.count(*), pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
      'id', n.id, 'status', n.status, 'source_name', n.source_name, 'extracted_title', n.extracted_title,
      'extracted_case_number', n.extracted_case_number, 'extracted_date', n.extracted_date,
      'extracted_tribunal', n.extracted_tribunal
    ) order by n.created_at, n.id)
    into n_rows, items
    from new_rows as n;
  else
    select pg_catalog.count(*), pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
      'id', n.id, 'status', n.status, 'source_name', n.source_name, 'extracted_title', n.extracted_title,
      'extracted_case_number', n.extracted_case_number, 'extracted_date', n.extracted_date,
      'extracted_tribunal', n.extracted_tribunal
    ) order by n.created_at, n.id)
    into n_rows, items
    from new_rows as n
    inner join old_rows as o on n.id = o.id
    where o.status is distinct from n.status;
  end if;
  if n_rows > 0 then
    perform realtime.send(
      pg_catalog.jsonb_build_object(
        'operation', tg_op, 'count', n_rows, 'cases', case when n_rows <= 100 then items end
      ),
      'queue_changed', 'reviewers:queue', true
    );
  end if;
  return null;
end;
$$;

comment on function private.broadcast_review_queue() is
'Statement trigger on tribunal_cases_raw: reviewers:queue, one message per statement (inserted or status changed).';

create or replace function private.broadcast_ingestion_jobs() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  n_rows bigint;
  items jsonb;
begin
  -- ingestion:jobs: one message per statement, for jobs started or whose status changed (not each heartbeat).
  if tg_op = 'INSERT' then
    select pg_catalog.count(*), pg_catalog.jsonb_agg(n.item order by n.started_at, n.id)
    into n_rows, items
    from (
      select j.id, j.started_at, pg_catalog.jsonb_build_object(
        'id', j.id, 'source_id', j.source_id, 'job_type', j.job_type, 'status', j.status,
        'items_fetched', j.items_fetched, 'items_classified', j.items_classified,
        'items_approved', j.items_approved, 'items_rejected', j.items_rejected,
        'items_duplicate', j.items_duplicate, 'started_at', j.started_at, 'completed_at', j.completed_at,
        'duration_seconds', j.duration_seconds, 'error_message', j.error_message
      ) as item
      from new_rows as j
    ) as n;
  else
    select pg_catalog.count(*), pg_catalog.jsonb_agg(n.item order by n.started_at, n.id)
    into n_rows, items
    from (
      select j.id, j.started_at, pg_catalog.jsonb_build_object(
        'id', j.id, 'source_id', j.source_id, 'job_type', j.job_type, 'status', j.status,
        'items_fetched', j.items_fetched, 'items_classified', j.items_classified,
        'items_approved', j.items_approved, 'items_rejected', j.items_rejected,
        'items_duplicate', j.items_duplicate, 'started_at', j.started_at, 'completed_at', j.completed_at,
        'duration_seconds', j.duration_seconds, 'error_message', j.error_message
      ) as item
      from new_rows as j
      inner join old_rows as o on j.id = o.id
      where o.status is distinct from j.status
    ) as n;
  end if;
  if n_rows > 0 then
    perform realtime.send(
      pg_catalog.jsonb_build_object(
        'operation', tg_op, 'count', n_rows, 'jobs', case when n_rows <= 100 then items end
      ),
      'job_changed', 'ingestion:jobs', true
    );
  end if;
  return null;
end;
$$;

comment on function private.broadcast_ingestion_jobs() is
'Statement trigger on ingestion_jobs: ingestion:jobs, one message per statement (started or status changed).';

create or replace function private.broadcast_org_seats() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  r record;
  kind text := case tg_table_name when 'subscription_seats' then 'seats' else 'invitations' end;
begin
  /*
    org:<id>:seats: one message per organization per statement. Seats: id, status,
    assigned user, team (never the assigned email); invitations: id, role, status,
    team, seat, expiry (never the email or the token). An update that changes none
    of those columns (login counters, timestamps) sends nothing. Each branch names
    only the transition tables and columns its trigger has.
  */
  if kind = 'seats' and tg_op = 'INSERT' then
    for r in
      select n.organization_id, pg_catalog.count(*) as n_rows, pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'id', n.id, 'status', n.status, 'assigned_to_user_id', n.assigned_to_user_id, 'team_id', n.team_id
      ) order by n.id) as items
      from new_rows as n
      group by n.organization_id
    loop
      perform realtime.send(
        pg_catalog.jsonb_build_object(
          'table', tg_table_name, 'operation', tg_op, 'count', r.n_rows,
          kind, case when r.n_rows <= 100 then r.items end
        ),
        kind || '_changed', 'org:' || r.organization_id::text || ':seats', true
      );
    end loop;
  elsif kind = 'seats' then
    for r in
      select n.organization_id, pg_catalog.count(*) as n_rows, pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'id', n.id, 'status', n.status, 'assigned_to_user_id', n.assigned_to_user_id, 'team_id', n.team_id
      ) order by n.id) as items
      from new_rows as n
      inner join old_rows as o on n.id = o.id
      where (o.status, o.assigned_to_user_id, o.assigned_to_email, o.team_id, o.organization_id)
        is distinct from (n.status, n.assigned_to_user_id, n.assigned_to_email, n.team_id, n.organization_id)
      group by n.organization_id
    loop
      perform realtime.send(
        pg_catalog.jsonb_build_object(
          'table', tg_table_name, 'operation', tg_op, 'count', r.n_rows,
          kind, case when r.n_rows <= 100 then r.items end
        ),
        kind || '_changed', 'org:' || r.organization_id::text || ':seats', true
      );
    end loop;
  elsif tg_op = 'INSERT' then
    for r in
      select n.organization_id, pg_catalog.count(*) as n_rows, pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'id', n.id, 'role', n.role, 'status', n.status, 'team_id', n.team_id, 'seat_id', n.seat_id,
        'expires_at', n.expires_at
      ) order by n.id) as items
      from new_rows as n
      group by n.organization_id
    loop
      perform realtime.send(
        pg_catalog.jsonb_build_object(
          'table', tg_table_name, 'operation', tg_op, 'count', r.n_rows,
          kind, case when r.n_rows <= 100 then r.items end
        ),
        kind || '_changed', 'org:' || r.organization_id::text || ':seats', true
      );
    end loop;
  else
    for r in
      select n.organization_id, pg_catalog.count(*) as n_rows, pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'id', n.id, 'role', n.role, 'status', n.status, 'team_id', n.team_id, 'seat_id', n.seat_id,
        'expires_at', n.expires_at
      ) order by n.id) as items
      from new_rows as n
      inner join old_rows as o on n.id = o.id
      where (o.role, o.status, o.team_id, o.seat_id, o.expires_at, o.organization_id)
        is distinct from (n.role, n.status, n.team_id, n.seat_id, n.expires_at, n.organization_id)
      group by n.organization_id
    loop
      perform realtime.send(
        pg_catalog.jsonb_build_object(
          'table', tg_table_name, 'operation', tg_op, 'count', r.n_rows,
          kind, case when r.n_rows <= 100 then r.items end
        ),
        kind || '_changed', 'org:' || r.organization_id::text || ':seats', true
      );
    end loop;
  end if;
  return null;
end;
$$;

comment on function private.broadcast_org_seats() is
'Statement trigger on subscription_seats and invitations: org:<id>:seats, one message per organization per statement.';

revoke all on function
  private.broadcast_notifications(),
  private.broadcast_achievements(),
  private.broadcast_certificates_issued(),
  private.broadcast_review_queue(),
  private.broadcast_ingestion_jobs(),
  private.broadcast_org_seats()
from public, anon, authenticated, service_role;
