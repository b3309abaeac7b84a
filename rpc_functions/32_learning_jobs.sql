/*
  Jobs of the learning loop (cron_jobs/break_stale_streaks.sql,
  expire_certificates.sql, recompute_leaderboard_ranks.sql), one function per
  job, as in 31_scheduled_jobs.sql: SECURITY DEFINER, executed by nobody but
  the owner, each taking the moment it runs for (default now()) so tests fix
  the clock. Each is idempotent: running it twice changes nothing more.
*/

create or replace function private.break_stale_streaks(at_time timestamptz default pg_catalog.now())
returns bigint
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  broken bigint;
begin
  if at_time is null then
    raise exception using errcode = '22023', message = 'at_time must not be null', hint = 'Omit it to use now().';
  end if;
  -- Active yesterday (Toronto) or today: the streak still stands.
  update public.user_achievements as ua
  set current_streak_days = 0
  where ua.current_streak_days <> 0
    and (ua.last_activity_date is null or ua.last_activity_date < private.toronto_day(at_time) - 1);
  get diagnostics broken = row_count;
  return broken;
end;
$$;

comment on function private.break_stale_streaks(timestamptz) is
'Job break-stale-streaks: zeroes current_streak_days of learners whose last active Toronto day is before yesterday; '
'returns how many.';

create or replace function private.expire_certificates(at_time timestamptz default pg_catalog.now())
returns bigint
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  expired bigint := 0;
  cert record;
begin
  if at_time is null then
    raise exception using errcode = '22023', message = 'at_time must not be null', hint = 'Omit it to use now().';
  end if;
  -- Only active certificates move, so each holder is notified once.
  for cert in
    update public.certificates as ce
    set status = 'expired'
    where ce.status = 'active' and ce.expiry_date < private.toronto_day(at_time)
    returning ce.user_id, ce.certificate_number, ce.expiry_date
  loop
    -- One holder's notification that fails is logged and skipped: the certificates
    -- still expire and the other holders are still told.
    begin
      perform private.learning_notify(
        cert.user_id, 'system', 'Certificate expired', 'Certificat expiré',
        pg_catalog.format('Your certificate %s expired on %s.', cert.certificate_number, cert.expiry_date),
        pg_catalog.format('Votre certificat %s a expiré le %s.', cert.certificate_number, cert.expiry_date)
      );
    exception when others then
      raise warning using message = pg_catalog.format(
        'expire-certificates: notification of certificate %s skipped (%s: %s)', cert.certificate_number, sqlstate,
        sqlerrm
      );
    end;
    expired := expired + 1;
  end loop;
  return expired;
end;
$$;

comment on function private.expire_certificates(timestamptz) is
'Job expire-certificates: marks active certificates past expiry_date (Toronto) expired and notifies each holder '
'once; returns how many.';

/*
  Fills global_rank, organization_rank and team_rank (competition ranks over
  total_points among listed (live) users, as public.leaderboard ranks them) and
  refreshes level and level_progress from private.level_of, writing only the
  rows that change. Soft-deleted users get null ranks.
*/
create or replace function private.recompute_leaderboard_ranks() returns bigint
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  changed bigint;
begin
  with ranked as (
    select
      ua.id,
      case when ua.listed then pg_catalog.rank() over (partition by ua.listed order by ua.total_points desc) end as g,
      case when ua.listed and ua.organization_id is not null then
        pg_catalog.rank() over (partition by ua.listed, ua.organization_id order by ua.total_points desc)
      end as o,
      case when ua.listed and ua.team_id is not null then
        pg_catalog.rank() over (partition by ua.listed, ua.team_id order by ua.total_points desc)
      end as t,
      lv.level,
      lv.level_progress
    from public.user_achievements as ua
    cross join lateral private.level_of(ua.total_points) as lv
  )
  update public.user_achievements as ua
  set global_rank = r.g, organization_rank = r.o, team_rank = r.t, level = r.level, level_progress = r.level_progress
  from ranked as r
  where ua.id = r.id
    and (
      ua.global_rank is distinct from r.g or ua.organization_rank is distinct from r.o
      or ua.team_rank is distinct from r.t or ua.level is distinct from r.level
      or ua.level_progress is distinct from r.level_progress
    );
  get diagnostics changed = row_count;
  return changed;
end;
$$;

comment on function private.recompute_leaderboard_ranks() is
'Job recompute-leaderboard-ranks: fills global, organization and team ranks (equal points share a rank) and '
'refreshes levels; returns how many rows changed.';

revoke all on function
  private.break_stale_streaks(timestamptz),
  private.expire_certificates(timestamptz),
  private.recompute_leaderboard_ranks()
from public, anon, authenticated, service_role;
