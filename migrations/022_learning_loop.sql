-- requires: rpc_functions/08_learning_loop_triggers.sql
-- previous-sha256: 018eb7e412b667c987748a5b7c27d08033fd857a9445904642e6d2b59f5f68f8
/*
  022_learning_loop: the tables, columns, indexes and triggers of the
  learning loop (points, streaks, levels, milestone counters, badges,
  certificates, learning paths, leaderboards).

  The loop hangs on table events, so every writer (the learning RPCs, server
  code as service_role, a backfill) feeds it the same way:
    progress       a row's completed_at or quiz_passed flips, or a lesson row
                   is touched (activity, for streaks)
    certificates   inserted, revoked, deleted      -> certificates_earned
    bookmarks      a tribunal case bookmarked      -> cases_bookmarked
    ai_coaching_sessions inserted or deleted       -> coaching_sessions
    profiles       organization or team changes    -> the leaderboard copy
    custom_badges  written                         -> criteria_config checked (22023)
  The trigger functions here are thin: the logic (point values, level
  formula, streaks, badges, certificates) lives in rpc_functions/
  17_gamification.sql, replaceable without a migration.

  Points are exactly once: private.points_ledger is append-only with one row
  per (user, kind, subject); user_achievements' totals are its sums.
*/

-- points ledger -------------------------------------------------------------------

create table private.points_ledger (
  id bigint generated always as identity primary key,
  user_id uuid not null references public.profiles (id) on delete cascade,
  -- Why the points were given; badge_revoked takes a badge's points back once.
  -- opening_balance: points a learner held before this migration.
  kind text not null check (kind in (
    'lesson_completed', 'quiz_passed', 'course_completed', 'badge_earned', 'badge_revoked', 'opening_balance'
  )),
  -- The lesson, course or badge (the achievements row for an opening balance).
  subject_id uuid not null,
  points integer not null,
  -- The moment the points count for (weekly and monthly sums follow it):
  -- the event's own time, e.g. progress.completed_at. A revocation counts at
  -- the time of the award it cancels.
  awarded_at timestamptz not null,
  -- Who awarded or revoked by hand (null: the learner's own activity).
  actor_id uuid,
  recorded_at timestamptz not null default now(),
  constraint points_ledger_once unique (user_id, kind, subject_id)
);

comment on table private.points_ledger is
'Append-only points ledger: one row per (user, kind, subject), so a retried or concurrent award inserts nothing. '
'user_achievements.total_points, weekly_points and monthly_points are its sums.';

create trigger points_ledger_append_only before update on private.points_ledger
for each statement execute function private.points_ledger_append_only();

-- user_achievements: what the leaderboards read in index order ---------------------

alter table public.user_achievements
add column organization_id uuid,
add column team_id uuid,
add column points_week date,
add column points_month date,
add column listed boolean not null default true;

comment on column public.user_achievements.organization_id is
'Copy of profiles.organization_id (kept by a trigger), so the organization leaderboard reads an index in order.';
comment on column public.user_achievements.team_id is
'Copy of profiles.team_id (kept by a trigger), for the team leaderboard.';
comment on column public.user_achievements.points_week is
'The Toronto week (its Monday) weekly_points belong to; weekly_points of an earlier week count as 0.';
comment on column public.user_achievements.listed is
'False for a soft-deleted user (kept by a trigger on profiles): off the leaderboards, whose indexes hold listed rows '
  'only.';
comment on column public.user_achievements.points_month is
'The Toronto month (its 1st) monthly_points belong to; monthly_points of an earlier month count as 0.';

-- One index per board, in board order, of listed rows only: a page reads
-- its rows (and their ranks) from the index alone.
create index idx_achievements_board_global on public.user_achievements (total_points desc, user_id)
where listed;
create index idx_achievements_board_global_week on public.user_achievements (
  points_week, weekly_points desc, user_id
) where listed;
create index idx_achievements_board_global_month on public.user_achievements (
  points_month, monthly_points desc, user_id
) where listed;
create index idx_achievements_board_org on public.user_achievements (organization_id, total_points desc, user_id)
where listed;
create index idx_achievements_board_org_week on public.user_achievements (
  organization_id, points_week, weekly_points desc, user_id
) where listed;
create index idx_achievements_board_org_month on public.user_achievements (
  organization_id, points_month, monthly_points desc, user_id
) where listed;
create index idx_achievements_board_team on public.user_achievements (team_id, total_points desc, user_id)
where listed;

-- Whoever inserts an achievements row (the loop, server code), the copies start right.

create trigger learning_loop_copy before insert on public.user_achievements
for each row execute function private.learning_achievements_copy();

-- Existing rows: the copies, the counters as count(*), points held so far as
-- an opening balance (dated -infinity: in no week or month).
update public.user_achievements as ua
set organization_id = p.organization_id, team_id = p.team_id, listed = p.deleted_at is null
from public.profiles as p
where ua.user_id = p.id;

-- Everyone with something to count gets a row, so no counter starts behind.
insert into public.user_achievements (user_id)
select p.id
from public.profiles as p
where
  not exists (
    select from public.user_achievements as ua
    where ua.user_id = p.id
  )
  and (
    exists (
      select from public.progress as pr
      where pr.user_id = p.id and (pr.completed_at is not null or pr.quiz_passed)
    )
    or exists (
      select from public.certificates as ce
      where ce.user_id = p.id and ce.status <> 'revoked'
    )
    or exists (
      select from public.bookmarks as b
      where b.user_id = p.id and b.resource_type = 'tribunal_case'
    )
    or exists (
      select from public.ai_coaching_sessions as s
      where s.user_id = p.id
    )
  );

-- Levels are left as they are: the hourly job recompute-leaderboard-ranks
-- sets them from the one formula (private.level_of).
insert into private.points_ledger (user_id, kind, subject_id, points, awarded_at)
select ua.user_id, 'opening_balance', ua.id, ua.total_points, '-infinity'
from public.user_achievements as ua
where ua.total_points <> 0;

update public.user_achievements as ua
set
  weekly_points = 0,
  monthly_points = 0,
  points_week = null,
  points_month = null,
  lessons_completed = (
    select count(*) from public.progress as pr
    where pr.user_id = ua.user_id and pr.lesson_id is not null and pr.completed_at is not null
  ),
  courses_completed = (
    select count(*) from public.progress as pr
    where pr.user_id = ua.user_id and pr.lesson_id is null and pr.completed_at is not null
  ),
  quizzes_passed = (
    select count(*) from public.progress as pr
    where pr.user_id = ua.user_id and pr.lesson_id is not null and pr.quiz_passed
  ),
  certificates_earned = (
    select count(*) from public.certificates as ce
    where ce.user_id = ua.user_id and ce.status <> 'revoked'
  ),
  cases_bookmarked = (
    select count(*) from public.bookmarks as b
    where b.user_id = ua.user_id and b.resource_type = 'tribunal_case'
  ),
  coaching_sessions = (
    select count(*) from public.ai_coaching_sessions as s
    where s.user_id = ua.user_id
  );

-- learning_path_enrollments ---------------------------------------------------------

create table public.learning_path_enrollments (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  learning_path_id uuid not null references public.learning_paths (id) on delete cascade,
  enrolled_at timestamptz not null default now(),
  -- Set when every course of the path is completed.
  completed_at timestamptz,
  constraint learning_path_enrollments_once unique (user_id, learning_path_id)
);

comment on table public.learning_path_enrollments is
'A learner''s enrollment in a learning path (public.enroll_in_learning_path); progress through it is derived '
'from the courses completed (public.my_learning_paths).';

create index idx_path_enrollments_path on public.learning_path_enrollments (learning_path_id);

alter table public.learning_path_enrollments enable row level security;

-- Triggers: thin, the logic is in rpc_functions/17_gamification.sql ----------------

create trigger learning_loop_insert after insert on public.progress
for each row execute function private.learning_on_progress();

create trigger learning_loop_update after update of completed_at, quiz_passed, last_accessed on public.progress
for each row
when (
  old.completed_at is distinct from new.completed_at
  or old.quiz_passed is distinct from new.quiz_passed
  or (new.lesson_id is not null and old.last_accessed is distinct from new.last_accessed)
)
execute function private.learning_on_progress();

create trigger learning_loop_delete after delete on public.progress
for each row when (old.completed_at is not null or old.quiz_passed)
execute function private.learning_on_progress();

create trigger learning_loop_certificates after insert or delete or update of status on public.certificates
for each row execute function private.learning_on_certificate();

create trigger learning_loop_bookmarks after insert or delete or update of resource_type, user_id on public.bookmarks
for each row execute function private.learning_on_bookmark();

create trigger learning_loop_coaching after insert or delete or update of user_id on public.ai_coaching_sessions
for each row execute function private.learning_on_coaching_session();

create trigger learning_loop_profiles after update of organization_id, team_id, deleted_at on public.profiles
for each row
when (
  old.organization_id is distinct from new.organization_id
  or old.team_id is distinct from new.team_id
  or (old.deleted_at is null) <> (new.deleted_at is null)
)
execute function private.learning_on_profile();

create trigger learning_check_badge before insert or update of criteria_type, criteria_config on public.custom_badges
for each row execute function private.learning_check_badge();
