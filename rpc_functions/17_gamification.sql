/*
  The learning loop: points, levels, streaks, milestone counters, badges and
  certificates, driven by the triggers of migrations/022_learning_loop.sql.

  POINT VALUES (the one place they are defined; README "Learning loop" repeats them)
    lesson completed             10   private.points_for('lesson_completed')
    quiz passed (first pass)     20   private.points_for('quiz_passed'); a quiz lesson also
                                      counts as a completed lesson: 30 in all
    course completed             courses.points_value (default 100)
    badge earned                 custom_badges.points_value (default 10); revoking the badge
                                      takes them back once; a badge gives points once, ever
  Each award is a row of private.points_ledger, unique per (user, kind, subject):
  a retried or concurrent award inserts nothing and adds nothing.
  BOUNDS: a course or a badge is worth 0 to 10,000 points (private.max_points_value(),
  checked on write with 22023 by 028's trigger check_points_value); total, weekly and
  monthly points saturate at the integer bounds (private.saturated_points) instead of
  failing, so no award can stop a learner's later awards.
  SELF-AWARD: nobody awards a badge to themself by hand (42501), an org admin or a
  super_admin alike: a badge is recognition by someone else; automated and hybrid
  criteria still award an admin's own badges like anyone's.

  LEVEL FORMULA (private.level_of)
    level L starts at 50 * L * (L - 1) points: 1 at 0, 2 at 100, 3 at 300, 4 at 600,
    5 at 1000, 6 at 1500 ... (each level needs 100 * L more than the last);
    level_progress = percent of the way from the start of L to the start of L + 1.

  STREAKS: activity is any write to one of the learner's lesson progress rows
  (time recorded, lesson completed, quiz attempted), dated by the row's
  last_accessed, by Toronto calendar day. Activity the day after the last
  active day extends the streak; after a gap it restarts at 1; a late event
  (an earlier day) changes nothing. The daily job break-stale-streaks zeroes
  streaks whose last active day is before yesterday.

  MILESTONE COUNTERS equal count(*) of what they count:
    lessons_completed  lesson progress rows with completed_at
    courses_completed  course-level progress rows with completed_at
    quizzes_passed     lesson progress rows with quiz_passed
    certificates_earned certificates not revoked
    cases_bookmarked   bookmarks of resource_type 'tribunal_case'
    coaching_sessions  ai_coaching_sessions rows

  Concurrency: every event first locks the learner's user_achievements row
  (creating it when missing), so one learner's events are serialized; the
  ledger's unique key and certificates' unique (user_id, course_id) make a
  second award or certificate a no-op.
*/

-- The signed-in caller --------------------------------------------------------------------

create or replace function private.signed_in_user() returns uuid
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  me uuid := (select private.current_user_id());
begin
  if me is null then
    raise exception using
      errcode = '42501',
      message = 'sign in first: this needs a signed-in user with a profile',
      hint = 'Call it with a user''s JWT.';
  end if;
  return me;
end;
$$;

comment on function private.signed_in_user() is
'Internal: the caller''s user id, or 42501 for anon, an unknown or a soft-deleted user.';

-- Calendar: Toronto days, weeks and months ----------------------------------------------
-- PL/pgSQL, not SQL (issue 7): a SQL function with SET is never inlined and is parsed and
-- planned again in every statement that calls it (~10 us more a call in my_dashboard and
-- the leaderboards); a PL/pgSQL function keeps its expression's plan for the session.

create or replace function private.toronto_day(p_at timestamptz) returns date
language plpgsql
stable
set search_path = pg_catalog, pg_temp
as $$
begin
  return (p_at at time zone 'America/Toronto')::date;
end;
$$;

comment on function private.toronto_day(timestamptz) is
'The Toronto calendar day of a moment (streaks, certificate issue dates).';

create or replace function private.toronto_week(p_at timestamptz) returns date
language plpgsql
stable
set search_path = pg_catalog, pg_temp
as $$
begin
  return pg_catalog.date_trunc('week', (p_at at time zone 'America/Toronto'))::date;
end;
$$;

comment on function private.toronto_week(timestamptz) is
'The Monday of the Toronto week of a moment (weekly points).';

create or replace function private.toronto_month(p_at timestamptz) returns date
language plpgsql
stable
set search_path = pg_catalog, pg_temp
as $$
begin
  return pg_catalog.date_trunc('month', (p_at at time zone 'America/Toronto'))::date;
end;
$$;

comment on function private.toronto_month(timestamptz) is
'The 1st of the Toronto month of a moment (monthly points).';

-- Point values and levels ------------------------------------------------------------

create or replace function private.points_for(p_kind text) returns integer
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select case p_kind
    when 'lesson_completed' then 10
    when 'quiz_passed' then 20
  end
$$;

comment on function private.points_for(text) is
'Points for a completed lesson (10) and a first quiz pass (20). Courses and badges carry their own points_value.';

create or replace function private.level_of(p_points integer, out level integer, out level_progress numeric)
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
declare
  p integer := greatest(coalesce(p_points, 0), 0);
  lvl bigint := pg_catalog.floor((1 + pg_catalog.sqrt(1 + 8 * p::numeric / 100)) / 2)::bigint;
begin
  -- Guard the thresholds against rounding in sqrt (bigint: no overflow near 2^31 points).
  while 50 * (lvl + 1) * lvl <= p loop
    lvl := lvl + 1;
  end loop;
  while lvl > 1 and 50 * lvl * (lvl - 1) > p loop
    lvl := lvl - 1;
  end loop;
  level := lvl::integer;
  level_progress := round(100.0 * (p - 50 * lvl * (lvl - 1)) / (100 * lvl), 2);
end;
$$;

comment on function private.level_of(integer) is
'The level formula: level L starts at 50*L*(L-1) points (1: 0, 2: 100, 3: 300, 4: 600, 5: 1000); '
'level_progress is the percent of the way to the next level.';

-- A learner's achievements row --------------------------------------------------------

create or replace function private.achievements_locked(p_user_id uuid) returns public.user_achievements
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  result public.user_achievements;
begin
  insert into public.user_achievements (user_id, organization_id, team_id)
  select p.id, p.organization_id, p.team_id
  from public.profiles as p
  where p.id = p_user_id
  on conflict (user_id) do nothing;

  select * into result from public.user_achievements as ua where ua.user_id = p_user_id for update;
  return result;
end;
$$;

comment on function private.achievements_locked(uuid) is
'Internal: the learner''s user_achievements row, created when missing and locked: serializes one learner''s events.';

create or replace function private.save_achievements(p_ach public.user_achievements) returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  lv record := private.level_of(p_ach.total_points);
begin
  -- certificates_earned, cases_bookmarked and coaching_sessions are kept by
  -- their own triggers (learning_adjust_counter): never written from a copy.
  update public.user_achievements as ua
  set
    total_points = p_ach.total_points,
    weekly_points = p_ach.weekly_points,
    monthly_points = p_ach.monthly_points,
    points_week = p_ach.points_week,
    points_month = p_ach.points_month,
    current_streak_days = p_ach.current_streak_days,
    longest_streak_days = p_ach.longest_streak_days,
    last_activity_date = p_ach.last_activity_date,
    badges_earned = p_ach.badges_earned,
    badge_timestamps = p_ach.badge_timestamps,
    courses_completed = p_ach.courses_completed,
    lessons_completed = p_ach.lessons_completed,
    quizzes_passed = p_ach.quizzes_passed,
    level = lv.level,
    level_progress = lv.level_progress
  where ua.id = p_ach.id;
end;
$$;

comment on function private.save_achievements(public.user_achievements) is
'Internal: writes a locked achievements row back, with its level from private.level_of.';

create or replace function private.learning_adjust_counter(p_user_id uuid, p_counter text, p_delta integer)
returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if p_counter not in ('certificates_earned', 'cases_bookmarked', 'coaching_sessions') then
    raise exception using errcode = '22023', message = pg_catalog.format('unknown counter %s', p_counter);
  end if;
  if p_delta = 0 then
    return;
  end if;
  -- Only an increment creates the row: a decrement may come from the
  -- cascade that is deleting the user.
  if p_delta > 0 then
    perform private.achievements_locked(p_user_id);
  end if;
  update public.user_achievements as ua
  set
    certificates_earned = greatest(
      ua.certificates_earned + case when p_counter = 'certificates_earned' then p_delta else 0 end, 0
    ),
    cases_bookmarked = greatest(
      ua.cases_bookmarked + case when p_counter = 'cases_bookmarked' then p_delta else 0 end, 0
    ),
    coaching_sessions = greatest(
      ua.coaching_sessions + case when p_counter = 'coaching_sessions' then p_delta else 0 end, 0
    )
  where ua.user_id = p_user_id;
end;
$$;

comment on function private.learning_adjust_counter(uuid, text, integer) is
'Internal (triggers of 022): moves certificates_earned, cases_bookmarked or coaching_sessions by a row''s arrival '
'or departure.';

-- Points ------------------------------------------------------------------------------

/*
  Records an award in the ledger; returns the points recorded, 0 when this
  (user, kind, subject) was recorded before (a retry, a concurrent call).
*/
create or replace function private.record_points(
  p_user_id uuid, p_kind text, p_subject_id uuid, p_points integer, p_at timestamptz, p_actor_id uuid default null
)
returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  recorded integer;
begin
  insert into private.points_ledger as pl (user_id, kind, subject_id, points, awarded_at, actor_id)
  values (p_user_id, p_kind, p_subject_id, coalesce(p_points, 0), coalesce(p_at, pg_catalog.now()), p_actor_id)
  on conflict on constraint points_ledger_once do nothing
  returning pl.points into recorded;
  return coalesce(recorded, 0);
end;
$$;

comment on function private.record_points(uuid, text, uuid, integer, timestamptz, uuid) is
'Internal: appends an award to private.points_ledger once per (user, kind, subject); returns the points recorded '
'(0 for a repeat).';

-- A points sum held within the integer range (saturating arithmetic).
create or replace function private.saturated_points(p_sum bigint) returns integer
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select greatest(least(p_sum, 2147483647), -2147483648)::integer
$$;

comment on function private.saturated_points(bigint) is
'Internal: a points sum clamped to the integer range (totals saturate instead of failing with 22003).';

/*
  Adds recorded points to a (locked) achievements row: the total, and the
  weekly and monthly sums of the Toronto week and month the points count
  for. Points of an earlier week than the row's points_week change only the
  total (and the month, likewise).
*/
create or replace function private.add_points(p_ach public.user_achievements, p_points integer, p_at timestamptz)
returns public.user_achievements
language plpgsql
stable
set search_path = pg_catalog, pg_temp
as $$
declare
  ach public.user_achievements := p_ach;
  wk date := private.toronto_week(p_at);
  mo date := private.toronto_month(p_at);
begin
  if coalesce(p_points, 0) = 0 then
    return ach;
  end if;
  -- Saturating: each sum is computed in bigint and held within the integer range, so
  -- no award can fail with 22003 (and no learner's later activity with it).
  ach.total_points := private.saturated_points(ach.total_points::bigint + p_points);
  if ach.points_week is null or wk > ach.points_week then
    ach.points_week := wk;
    ach.weekly_points := p_points;
  elsif wk = ach.points_week then
    ach.weekly_points := private.saturated_points(ach.weekly_points::bigint + p_points);
  end if;
  if ach.points_month is null or mo > ach.points_month then
    ach.points_month := mo;
    ach.monthly_points := p_points;
  elsif mo = ach.points_month then
    ach.monthly_points := private.saturated_points(ach.monthly_points::bigint + p_points);
  end if;
  return ach;
end;
$$;

comment on function private.add_points(public.user_achievements, integer, timestamptz) is
'Internal: adds ledger points to an achievements row (total, and the weekly/monthly sums of their Toronto period).';

create or replace function private.extend_streak(p_ach public.user_achievements, p_day date)
returns public.user_achievements
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
declare
  ach public.user_achievements := p_ach;
begin
  if p_day is null or (ach.last_activity_date is not null and p_day <= ach.last_activity_date) then
    return ach;
  end if;
  if ach.last_activity_date = p_day - 1 then
    ach.current_streak_days := ach.current_streak_days + 1;
  else
    ach.current_streak_days := 1;
  end if;
  ach.longest_streak_days := greatest(ach.longest_streak_days, ach.current_streak_days);
  ach.last_activity_date := p_day;
  return ach;
end;
$$;

comment on function private.extend_streak(public.user_achievements, date) is
'Internal: a day of activity: the next day extends the streak, a later one restarts it at 1, an earlier one is '
'ignored.';

-- Notifications in the learner's language ------------------------------------------------

create or replace function private.learning_notify(
  p_user_id uuid, p_type text, p_title_en text, p_title_fr text, p_message_en text, p_message_fr text
)
returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  fr boolean := coalesce((
    select p.preferred_language = 'fr' from public.profiles as p where p.id = p_user_id
  ), false);
begin
  insert into public.notifications (user_id, type, title, message, priority)
  values (
    p_user_id, p_type,
    case when fr then p_title_fr else p_title_en end,
    case when fr then p_message_fr else p_message_en end,
    'normal'
  );
end;
$$;

comment on function private.learning_notify(uuid, text, text, text, text, text) is
'Internal: a notification to a learner, in their preferred language.';

-- Badges -----------------------------------------------------------------------------

/*
  What is wrong with a badge's criteria, or null. Automated and hybrid badges
  need a criteria_config the loop can evaluate; a manual badge may carry
  none, but a config it carries must be valid too.
*/
create or replace function private.badge_criteria_problem(p_criteria_type text, p_config jsonb) returns text
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
declare
  kind text;
  need text;
  n jsonb;
begin
  if p_config is null or p_config = 'null'::jsonb then
    if p_criteria_type in ('automated', 'hybrid') then
      return pg_catalog.format('criteria_type %s needs a criteria_config', p_criteria_type);
    end if;
    return null;
  end if;
  if pg_catalog.jsonb_typeof(p_config) <> 'object' then
    return 'criteria_config must be a JSON object';
  end if;
  kind := p_config ->> 'type';
  if kind is null or kind not in ('course_completion', 'points', 'streak', 'lessons_completed', 'quizzes_passed') then
    return pg_catalog.format(
      'unknown criteria type %s: use course_completion, points, streak, lessons_completed or quizzes_passed',
      coalesce(pg_catalog.quote_literal(kind), 'null')
    );
  end if;
  need := case when kind = 'streak' then 'days' else 'threshold' end;
  n := p_config -> need;
  if n is null or pg_catalog.jsonb_typeof(n) <> 'number'
    or (n #>> '{}')::numeric <> pg_catalog.trunc((n #>> '{}')::numeric)
    or (n #>> '{}')::numeric not between 1 and 1000000 then
    return pg_catalog.format('criteria_config.%s must be a whole number from 1 to 1000000 for %s', need, kind);
  end if;
  if kind = 'course_completion' and p_config ? 'course_ids' then
    if pg_catalog.jsonb_typeof(p_config -> 'course_ids') <> 'array'
      or pg_catalog.jsonb_array_length(p_config -> 'course_ids') = 0
      or exists (
        select from pg_catalog.jsonb_array_elements(p_config -> 'course_ids') as e (v)
        where pg_catalog.jsonb_typeof(e.v) <> 'string'
          or (e.v #>> '{}') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      ) then
      return 'criteria_config.course_ids must be a non-empty array of course ids';
    end if;
    if (n #>> '{}')::integer > pg_catalog.jsonb_array_length(p_config -> 'course_ids') then
      return 'criteria_config.threshold cannot exceed the number of course_ids';
    end if;
  end if;
  return null;
end;
$$;

comment on function private.badge_criteria_problem(text, jsonb) is
'Internal: why a badge''s criteria_config is invalid (null when valid); the custom_badges trigger raises it as '
'22023.';

create or replace function private.badge_criteria_met(p_badge public.custom_badges, p_ach public.user_achievements)
returns boolean
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  cfg jsonb := p_badge.criteria_config;
  n integer := coalesce((cfg ->> 'threshold')::integer, (cfg ->> 'days')::integer);
begin
  return case cfg ->> 'type'
    when 'points' then p_ach.total_points >= n
    when 'lessons_completed' then p_ach.lessons_completed >= n
    when 'quizzes_passed' then p_ach.quizzes_passed >= n
    when 'streak' then p_ach.longest_streak_days >= n
    when 'course_completion' then (
      select count(*)
      from public.progress as pr
      where pr.user_id = p_ach.user_id and pr.lesson_id is null and pr.completed_at is not null
        and (
          not cfg ? 'course_ids'
          or pr.course_id in (select e.v::uuid from pg_catalog.jsonb_array_elements_text(cfg -> 'course_ids') as e (v))
        )
    ) >= n
    else false
  end;
end;
$$;

comment on function private.badge_criteria_met(public.custom_badges, public.user_achievements) is
'Internal: whether a learner meets an automated or hybrid badge''s criteria.';

create or replace function private.grant_badge(
  p_ach public.user_achievements, p_badge public.custom_badges, p_at timestamptz, p_actor_id uuid
)
returns public.user_achievements
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  ach public.user_achievements := p_ach;
  key text := p_badge.id::text;
begin
  if key = any(ach.badges_earned) then
    return ach;
  end if;
  ach.badges_earned := pg_catalog.array_append(ach.badges_earned, key);
  ach.badge_timestamps := ach.badge_timestamps || pg_catalog.jsonb_build_object(key, p_at);
  ach := private.add_points(
    ach, private.record_points(ach.user_id, 'badge_earned', p_badge.id, p_badge.points_value, p_at, p_actor_id), p_at
  );
  perform private.learning_notify(
    ach.user_id, 'badge_unlocked', 'Badge unlocked', 'Badge débloqué',
    pg_catalog.format('You earned the badge "%s".', p_badge.name),
    pg_catalog.format('Vous avez obtenu le badge « %s ».', p_badge.name)
  );
  return ach;
end;
$$;

comment on function private.grant_badge(public.user_achievements, public.custom_badges, timestamptz, uuid) is
'Internal: adds a badge to a locked achievements row (badges_earned, badge_timestamps), its points once ever, and '
'notifies the learner.';

create or replace function private.take_badge(
  p_ach public.user_achievements, p_badge public.custom_badges, p_actor_id uuid
)
returns public.user_achievements
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  ach public.user_achievements := p_ach;
  earned private.points_ledger;
begin
  ach.badges_earned := pg_catalog.array_remove(ach.badges_earned, p_badge.id::text);
  ach.badge_timestamps := ach.badge_timestamps - p_badge.id::text;
  select * into earned from private.points_ledger as pl
  where pl.user_id = ach.user_id and pl.kind = 'badge_earned' and pl.subject_id = p_badge.id;
  if found then
    -- Counted at the award's own time, so the week and month it added to lose it.
    ach := private.add_points(
      ach,
      private.record_points(ach.user_id, 'badge_revoked', p_badge.id, -earned.points, earned.awarded_at, p_actor_id),
      earned.awarded_at
    );
  end if;
  return ach;
end;
$$;

comment on function private.take_badge(public.user_achievements, public.custom_badges, uuid) is
'Internal: removes a badge from a locked achievements row and takes its points back (once).';

/*
  Awards every automated or hybrid badge of the learner's organization whose
  criteria are now met, until none is left (a badge's points may unlock a
  points badge). A badge once earned is never awarded automatically again,
  so a revoked badge stays revoked until an admin awards it by hand.
*/
create or replace function private.evaluate_badges(p_ach public.user_achievements, p_at timestamptz)
returns public.user_achievements
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  ach public.user_achievements := p_ach;
  b public.custom_badges;
  awarded boolean;
begin
  if ach.organization_id is null then
    return ach;
  end if;
  loop
    awarded := false;
    for b in
      select cb.* from public.custom_badges as cb
      where cb.organization_id = ach.organization_id and cb.is_active and cb.criteria_type in ('automated', 'hybrid')
        and not (cb.id::text = any(ach.badges_earned))
        and not exists (
          select from private.points_ledger as pl
          where pl.user_id = ach.user_id and pl.kind = 'badge_earned' and pl.subject_id = cb.id
        )
      order by cb.created_at, cb.id
    loop
      if private.badge_criteria_met(b, ach) then
        ach := private.grant_badge(ach, b, p_at, null);
        awarded := true;
      end if;
    end loop;
    exit when not awarded;
  end loop;
  return ach;
end;
$$;

comment on function private.evaluate_badges(public.user_achievements, timestamptz) is
'Internal: awards the automated and hybrid badges of the learner''s organization whose criteria are met.';

-- Certificates and learning paths on course completion ----------------------------------

create or replace function private.issue_certificate(p_course_row public.progress) returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  cert public.certificates;
  c public.courses;
begin
  insert into public.certificates (user_id, course_id, issued_date, final_score, completion_time_hours)
  values (
    p_course_row.user_id,
    p_course_row.course_id,
    private.toronto_day(p_course_row.completed_at),
    (
      select round(avg(pr.quiz_best_score), 2)
      from public.progress as pr
      inner join public.lessons as l on pr.lesson_id = l.id
      where pr.user_id = p_course_row.user_id and pr.course_id = p_course_row.course_id and l.lesson_type = 'quiz'
    ),
    least(round(p_course_row.time_spent_seconds / 3600.0, 2), 9999.99)
  )
  on conflict (user_id, course_id) do nothing
  returning * into cert;

  if cert.id is not null then
    select * into c from public.courses as co where co.id = p_course_row.course_id;
    perform private.learning_notify(
      cert.user_id, 'certificate_earned', 'Certificate earned', 'Certificat obtenu',
      pg_catalog.format('You completed "%s". Certificate %s, verification code %s.',
        c.title_en, cert.certificate_number, cert.verification_code),
      pg_catalog.format('Vous avez terminé « %s ». Certificat %s, code de vérification %s.',
        coalesce(c.title_fr, c.title_en), cert.certificate_number, cert.verification_code)
    );
  end if;
end;
$$;

comment on function private.issue_certificate(public.progress) is
'Internal: the certificate of a completed course (course-level progress row), once per learner and course, with a '
'notification.';

create or replace function private.complete_learning_paths(p_user_id uuid, p_at timestamptz) returns void
language sql
security definer
set search_path = pg_catalog, pg_temp
as $$
  update public.learning_path_enrollments as e
  set completed_at = p_at
  from public.learning_paths as lp
  where e.learning_path_id = lp.id and e.user_id = p_user_id and e.completed_at is null
    and not exists (
      select from pg_catalog.unnest(lp.course_ids) as c (id)
      where not exists (
        select from public.progress as pr
        where pr.user_id = p_user_id and pr.course_id = c.id and pr.lesson_id is null and pr.completed_at is not null
      )
    )
$$;

comment on function private.complete_learning_paths(uuid, timestamptz) is
'Internal: marks completed the learner''s enrollments whose every course is completed.';

-- The progress event (trigger learning_loop_* of 022) -------------------------------------

create or replace function private.learning_progress_event(p_op text, p_old public.progress, p_new public.progress)
returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  u uuid := coalesce(p_new.user_id, p_old.user_id);
  is_lesson boolean := coalesce(p_new.lesson_id, p_old.lesson_id) is not null;
  completed_now boolean;
  uncompleted boolean;
  passed_now boolean;
  unpassed boolean;
  active boolean;
  active_day date;
  last_day date;
  ach public.user_achievements;
  c public.courses;
  at_time timestamptz;
begin
  if p_op = 'DELETE' then
    -- No upsert: the delete may be the cascade of the user's own deletion.
    update public.user_achievements as ua
    set
      lessons_completed = greatest(ua.lessons_completed - (is_lesson and p_old.completed_at is not null)::integer, 0),
      courses_completed = greatest(
        ua.courses_completed - (not is_lesson and p_old.completed_at is not null)::integer, 0
      ),
      quizzes_passed = greatest(ua.quizzes_passed - (is_lesson and p_old.quiz_passed)::integer, 0)
    where ua.user_id = u;
    return;
  end if;

  completed_now := p_new.completed_at is not null and p_old.completed_at is null;
  uncompleted := p_old.completed_at is not null and p_new.completed_at is null;
  passed_now := is_lesson and p_new.quiz_passed and not coalesce(p_old.quiz_passed, false);
  unpassed := is_lesson and coalesce(p_old.quiz_passed, false) and not p_new.quiz_passed;
  active := is_lesson and p_new.last_accessed is distinct from p_old.last_accessed;
  active_day := private.toronto_day(p_new.last_accessed);

  if not (completed_now or uncompleted or passed_now or unpassed) then
    if not active then
      return;
    end if;
    -- The common call (time recorded on a lesson): nothing to do unless it
    -- is the learner's first activity of a Toronto day.
    select ua.last_activity_date into last_day from public.user_achievements as ua where ua.user_id = u;
    if last_day >= active_day then
      return;
    end if;
  end if;

  ach := private.achievements_locked(u);
  if active then
    ach := private.extend_streak(ach, active_day);
  end if;

  if uncompleted then
    if is_lesson then
      ach.lessons_completed := greatest(ach.lessons_completed - 1, 0);
    else
      ach.courses_completed := greatest(ach.courses_completed - 1, 0);
    end if;
  end if;
  if unpassed then
    ach.quizzes_passed := greatest(ach.quizzes_passed - 1, 0);
  end if;

  if completed_now and is_lesson then
    ach.lessons_completed := ach.lessons_completed + 1;
    ach := private.add_points(
      ach,
      private.record_points(u, 'lesson_completed', p_new.lesson_id, private.points_for('lesson_completed'),
        p_new.completed_at),
      p_new.completed_at
    );
  end if;
  if passed_now then
    at_time := coalesce(p_new.completed_at, p_new.last_accessed);
    ach.quizzes_passed := ach.quizzes_passed + 1;
    ach := private.add_points(
      ach,
      private.record_points(u, 'quiz_passed', p_new.lesson_id, private.points_for('quiz_passed'), at_time),
      at_time
    );
  end if;
  if completed_now and not is_lesson then
    select * into c from public.courses as co where co.id = p_new.course_id;
    ach.courses_completed := ach.courses_completed + 1;
    ach := private.add_points(
      ach,
      private.record_points(u, 'course_completed', p_new.course_id, c.points_value, p_new.completed_at),
      p_new.completed_at
    );
  end if;

  ach := private.evaluate_badges(ach, coalesce(p_new.completed_at, p_new.last_accessed, pg_catalog.now()));
  perform private.save_achievements(ach);

  if completed_now and not is_lesson then
    perform private.issue_certificate(p_new);
    perform private.complete_learning_paths(u, p_new.completed_at);
  end if;
end;
$$;

comment on function private.learning_progress_event(text, public.progress, public.progress) is
'Internal (triggers learning_loop_* on progress): counters, points, streak, badges, certificate and learning paths '
'for a progress row that was completed, passed, touched or deleted.';

-- award_badge / revoke_badge -----------------------------------------------------------

/*
  The badge an admin acts on and the member it is for, checked in the order
  that leaks nothing: a badge the caller cannot see and a member outside the
  badge's organization are P0002; a visible badge without the right to award
  it is 42501; an automated badge (awarded by its criteria) is 22023.
*/
create or replace function private.badge_action_target(p_badge_id uuid, p_user_id uuid)
returns public.custom_badges
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  b public.custom_badges;
begin
  if p_badge_id is null then
    raise exception using errcode = '22023', message = 'p_badge_id is required', hint = 'Pass a badge id.';
  end if;
  if p_user_id is null then
    raise exception using errcode = '22023', message = 'p_user_id is required', hint = 'Pass the member''s user id.';
  end if;
  perform private.signed_in_user();

  select * into b from public.custom_badges as cb
  where cb.id = p_badge_id
    and (
      (cb.organization_id = (select private.current_org_id()) and (cb.is_active or (select private.is_org_admin())))
      or (select private.is_super_admin())
    );
  if not found then
    raise exception using errcode = 'P0002', message = 'badge not found', hint = 'Check the badge id.';
  end if;
  if not ((select private.is_org_admin()) or (select private.is_super_admin())) then
    raise exception using
      errcode = '42501',
      message = 'only an org admin awards and revokes badges',
      hint = 'Ask your organization''s admin.';
  end if;
  if not exists (
    select from public.profiles as p
    where p.id = p_user_id and p.organization_id = b.organization_id and p.deleted_at is null
  ) then
    raise exception using
      errcode = 'P0002',
      message = 'member not found',
      hint = 'A badge goes to a member of the badge''s organization.';
  end if;
  if b.criteria_type = 'automated' then
    raise exception using
      errcode = '22023',
      message = 'an automated badge is awarded by its criteria, not by hand',
      hint = 'Make it manual or hybrid to award it by hand.';
  end if;
  return b;
end;
$$;

comment on function private.badge_action_target(uuid, uuid) is
'Internal: the badge an admin may award to or revoke from a member, or P0002/42501/22023.';

create or replace function private.award_badge(p_badge_id uuid, p_user_id uuid)
returns table (badge_id uuid, user_id uuid, awarded_at timestamptz)
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  b public.custom_badges := private.badge_action_target(p_badge_id, p_user_id);
  ach public.user_achievements;
  at_time timestamptz := pg_catalog.now();
begin
  if not b.is_active then
    raise exception using
      errcode = '22023',
      message = 'this badge is inactive',
      hint = 'Reactivate it before awarding it.';
  end if;
  if p_user_id = (select private.current_user_id()) then
    raise exception using
      errcode = '42501',
      message = 'you cannot award a badge to yourself',
      hint = 'Another admin of your organization awards it.';
  end if;
  ach := private.achievements_locked(p_user_id);
  if b.id::text = any(ach.badges_earned) then
    raise exception using
      errcode = '23505',
      message = 'this member already holds the badge',
      hint = 'Nothing to do.';
  end if;
  ach := private.grant_badge(ach, b, at_time, (select private.current_user_id()));
  ach := private.evaluate_badges(ach, at_time);
  perform private.save_achievements(ach);
  return query select b.id, p_user_id, at_time;
end;
$$;

create or replace function public.award_badge(p_badge_id uuid, p_user_id uuid)
returns table (badge_id uuid, user_id uuid, awarded_at timestamptz)
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.award_badge(p_badge_id, p_user_id)
$$;

comment on function public.award_badge(uuid, uuid) is
'An org admin awards a manual or hybrid badge of their organization to one of its members (a super_admin: any '
'organization''s, to its members, never to themself); the member gets the badge''s points (once ever) and a '
'notification. 22023 missing id, inactive or automated badge; P0002 badge or member not found; 42501 not an org '
'admin, or the caller themself; 23505 already held.';

create or replace function private.revoke_badge(p_badge_id uuid, p_user_id uuid)
returns table (badge_id uuid, user_id uuid, revoked boolean)
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  b public.custom_badges := private.badge_action_target(p_badge_id, p_user_id);
  ach public.user_achievements;
begin
  ach := private.achievements_locked(p_user_id);
  if not (b.id::text = any(ach.badges_earned)) then
    raise exception using
      errcode = 'P0002',
      message = 'this member does not hold the badge',
      hint = 'Nothing to revoke.';
  end if;
  ach := private.take_badge(ach, b, (select private.current_user_id()));
  perform private.save_achievements(ach);
  return query select b.id, p_user_id, true;
end;
$$;

create or replace function public.revoke_badge(p_badge_id uuid, p_user_id uuid)
returns table (badge_id uuid, user_id uuid, revoked boolean)
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.revoke_badge(p_badge_id, p_user_id)
$$;

comment on function public.revoke_badge(uuid, uuid) is
'An org admin takes a manual or hybrid badge of their organization back from a member (a super_admin: any '
'organization''s); its points are taken back once and it is never re-awarded automatically. 22023 missing id or '
'automated badge; P0002 badge or member not found, or badge not held; 42501 not an org admin.';

-- Grants -------------------------------------------------------------------------------

revoke all on function
  private.signed_in_user(),
  private.toronto_day(timestamptz),
  private.toronto_week(timestamptz),
  private.toronto_month(timestamptz),
  private.points_for(text),
  private.level_of(integer),
  private.achievements_locked(uuid),
  private.save_achievements(public.user_achievements),
  private.learning_adjust_counter(uuid, text, integer),
  private.record_points(uuid, text, uuid, integer, timestamptz, uuid),
  private.saturated_points(bigint),
  private.add_points(public.user_achievements, integer, timestamptz),
  private.extend_streak(public.user_achievements, date),
  private.learning_notify(uuid, text, text, text, text, text),
  private.badge_criteria_problem(text, jsonb),
  private.badge_criteria_met(public.custom_badges, public.user_achievements),
  private.grant_badge(public.user_achievements, public.custom_badges, timestamptz, uuid),
  private.take_badge(public.user_achievements, public.custom_badges, uuid),
  private.evaluate_badges(public.user_achievements, timestamptz),
  private.issue_certificate(public.progress),
  private.complete_learning_paths(uuid, timestamptz),
  private.learning_progress_event(text, public.progress, public.progress),
  private.badge_action_target(uuid, uuid),
  private.award_badge(uuid, uuid),
  private.revoke_badge(uuid, uuid),
  public.award_badge(uuid, uuid),
  public.revoke_badge(uuid, uuid)
from public, anon, authenticated;
grant execute on function
  private.award_badge(uuid, uuid),
  private.revoke_badge(uuid, uuid),
  public.award_badge(uuid, uuid),
  public.revoke_badge(uuid, uuid)
to authenticated;
