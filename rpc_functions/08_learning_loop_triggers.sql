/*
  The learning loop's table events: points, counters, badges and certificates
  follow progress, certificates, bookmarks, coaching sessions and profiles; the
  points ledger is append-only (triggers bound by 022_learning_loop; the loop's
  logic is rpc_functions/17_gamification.sql).

  Trigger functions live here, once, with their current definition; the
  migrations bind them (create trigger). A migration that binds one has the
  line `-- requires: rpc_functions/08_learning_loop_triggers.sql`: abr-db runs this file's
  current text there (in the leading comment block: before the body), in the
  migration's transaction, so the function exists before the trigger that
  calls it, on a fresh database too (README, "Functions live in repeatable files").
*/

create or replace function private.points_ledger_append_only() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
  raise exception using
    errcode = '42501',
    message = 'the points ledger is append-only',
    hint = 'Record a compensating entry instead.';
end;
$$;

create or replace function private.learning_achievements_copy() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  p public.profiles;
begin
  -- No profile: leave the row as it is for the foreign key to refuse it.
  select * into p from public.profiles as pr where pr.id = new.user_id;
  if found then
    new.organization_id := p.organization_id;
    new.team_id := p.team_id;
    new.listed := p.deleted_at is null;
  end if;
  return new;
end;
$$;

create or replace function private.learning_on_progress() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform private.learning_progress_event(tg_op, old, new);
  return null;
end;
$$;

create or replace function private.learning_on_certificate() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform private.learning_adjust_counter(
    coalesce(new.user_id, old.user_id),
    'certificates_earned',
    (case when tg_op <> 'DELETE' and new.status <> 'revoked' then 1 else 0 end)
    - (case when tg_op <> 'INSERT' and old.status <> 'revoked' then 1 else 0 end)
  );
  return null;
end;
$$;

create or replace function private.learning_on_bookmark() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op <> 'INSERT' and old.resource_type = 'tribunal_case' then
    perform private.learning_adjust_counter(old.user_id, 'cases_bookmarked', -1);
  end if;
  if tg_op <> 'DELETE' and new.resource_type = 'tribunal_case' then
    perform private.learning_adjust_counter(new.user_id, 'cases_bookmarked', 1);
  end if;
  return null;
end;
$$;

create or replace function private.learning_on_coaching_session() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op <> 'INSERT' then
    perform private.learning_adjust_counter(old.user_id, 'coaching_sessions', -1);
  end if;
  if tg_op <> 'DELETE' then
    perform private.learning_adjust_counter(new.user_id, 'coaching_sessions', 1);
  end if;
  return null;
end;
$$;

create or replace function private.learning_on_profile() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  update public.user_achievements as ua
  set organization_id = new.organization_id, team_id = new.team_id, listed = new.deleted_at is null
  where ua.user_id = new.id;
  return null;
end;
$$;

create or replace function private.learning_check_badge() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  problem text := private.badge_criteria_problem(new.criteria_type, new.criteria_config);
begin
  if problem is not null then
    raise exception using
      errcode = '22023',
      message = problem,
      hint = 'criteria_config: {"type": "course_completion", "course_ids": [...], "threshold": n}, '
      || '{"type": "points" | "lessons_completed" | "quizzes_passed", "threshold": n} '
      || 'or {"type": "streak", "days": n}.';
  end if;
  return new;
end;
$$;

comment on function private.points_ledger_append_only() is
'BEFORE UPDATE trigger on private.points_ledger: entries are never changed (rows go only with their user).';

comment on function private.learning_achievements_copy() is
'BEFORE INSERT trigger on user_achievements: copies the profile''s organization and team (leaderboards).';

comment on function private.learning_on_progress() is
'AFTER trigger on progress: hands completions, quiz passes, activity and deletions to private.learning_progress_event.';

comment on function private.learning_on_certificate() is
'AFTER trigger on certificates: certificates_earned counts the holder''s certificates that are not revoked.';

comment on function private.learning_on_bookmark() is
'AFTER trigger on bookmarks: cases_bookmarked counts the user''s tribunal_case bookmarks.';

comment on function private.learning_on_coaching_session() is
'AFTER trigger on ai_coaching_sessions: coaching_sessions counts the user''s sessions.';

comment on function private.learning_on_profile() is
'AFTER trigger on profiles: keeps the organization, team and listed copies in user_achievements (leaderboards).';

comment on function private.learning_check_badge() is
'BEFORE trigger on custom_badges: refuses (22023) criteria an automated or hybrid badge cannot be evaluated by.';

revoke all on function
  private.points_ledger_append_only(),
  private.learning_achievements_copy(),
  private.learning_on_progress(),
  private.learning_on_certificate(),
  private.learning_on_bookmark(),
  private.learning_on_coaching_session(),
  private.learning_on_profile(),
  private.learning_check_badge()
from public, anon, authenticated, service_role;
