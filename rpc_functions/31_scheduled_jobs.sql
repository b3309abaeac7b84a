/*
  Scheduled jobs: what the pg_cron jobs in cron_jobs/ run, one function per job.

  Each job's command is a single `select private.<job>()`, so the job's logic
  lives here, is applied with the other functions (in every database, with
  or without pg_cron) and is tested without cron (tests_sql/152_cron_jobs.sql).
  The audit retention purge, private.purge_expired_audit_logs(), lives with
  the audit trail's append-only guard in rpc_functions/06_audit_triggers.sql.

  All are SECURITY DEFINER (they run as the owner, whatever role cron logs in
  as), with search_path = pg_catalog, pg_temp, and nobody but the owner executes them:
  clients never trigger a refresh, a purge or a reset.
*/

create or replace function private.refresh_org_analytics() returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  -- CONCURRENTLY keeps the view readable during the refresh, but needs it
  -- populated (009_analytics does) and fails on one that is not.
  if (select c.relispopulated from pg_catalog.pg_class as c where c.oid = 'public.org_analytics'::regclass) then
    refresh materialized view concurrently public.org_analytics;
  else
    refresh materialized view public.org_analytics;
  end if;
end;
$$;

comment on function private.refresh_org_analytics() is
'Job refresh-org-analytics: refreshes public.org_analytics (concurrently once populated).';

create or replace function private.purge_expired_notifications() returns bigint
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  purged bigint;
begin
  -- expires_at null: the notification never expires.
  delete from public.notifications as n
  where n.expires_at < pg_catalog.now();
  get diagnostics purged = row_count;
  return purged;
end;
$$;

comment on function private.purge_expired_notifications() is
'Job purge-expired-notifications: deletes notifications past expires_at; returns how many.';

create or replace function private.reset_weekly_points() returns bigint
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  reset_count bigint;
begin
  -- Points already counted for the current Toronto week (points_week,
  -- 022_learning_loop) are this week's: kept.
  update public.user_achievements as ua
  set weekly_points = 0
  where ua.weekly_points <> 0
    and (ua.points_week is null or ua.points_week < private.toronto_week(pg_catalog.now()));
  get diagnostics reset_count = row_count;
  return reset_count;
end;
$$;

comment on function private.reset_weekly_points() is
'Sets every learner''s weekly_points to 0; returns how many rows changed.';

create or replace function private.reset_monthly_points() returns bigint
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  reset_count bigint;
begin
  -- Points already counted for the current Toronto month (points_month,
  -- 022_learning_loop) are this month's: kept.
  update public.user_achievements as ua
  set monthly_points = 0
  where ua.monthly_points <> 0
    and (ua.points_month is null or ua.points_month < private.toronto_month(pg_catalog.now()));
  get diagnostics reset_count = row_count;
  return reset_count;
end;
$$;

comment on function private.reset_monthly_points() is
'Sets every learner''s monthly_points to 0; returns how many rows changed.';

/*
  Weeks and months are Toronto's (the product's home time zone): weekly
  points reset when a Toronto week starts (Monday), monthly points when a
  Toronto month starts (the 1st). The job fires at 05:00 UTC, which is
  00:00 (EST) or 01:00 (EDT) in Toronto, always on the same date, and
  resets what the Toronto date calls for. Run on any other day it resets
  nothing.
*/
create or replace function private.reset_periodic_points(at_time timestamptz default pg_catalog.now())
returns jsonb
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  local_day date := (at_time at time zone 'America/Toronto')::date;
  weekly bigint := 0;
  monthly bigint := 0;
begin
  if at_time is null then
    raise exception using
      errcode = '22023',
      message = 'at_time must not be null',
      hint = 'Omit it to use now().';
  end if;
  if pg_catalog.date_part('isodow', local_day) = 1 then
    weekly := private.reset_weekly_points();
  end if;
  if pg_catalog.date_part('day', local_day) = 1 then
    monthly := private.reset_monthly_points();
  end if;
  return pg_catalog.jsonb_build_object('day', local_day, 'weekly_reset', weekly, 'monthly_reset', monthly);
end;
$$;

comment on function private.reset_periodic_points(timestamptz) is
'Job reset-periodic-points: on a Toronto Monday resets weekly_points, on a Toronto 1st monthly_points; returns what it '
  'reset.';

revoke all on function
  private.refresh_org_analytics(),
  private.purge_expired_notifications(),
  private.reset_weekly_points(),
  private.reset_monthly_points(),
  private.reset_periodic_points(timestamptz)
from public, anon, authenticated, service_role;
