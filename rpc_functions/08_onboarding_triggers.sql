/*
  Onboarding's first actions: the AFTER triggers that set a user's first-action
  flags (bound by 041_onboarding), defined once here; 041 runs this file at its
  place (`-- requires:`), so the functions exist before the triggers that call them.
*/

create or replace function private.onboarding_on_progress() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  insert into public.onboarding as o (user_id, first_course_started, first_course_completed)
  values (new.user_id, true, new.completed_at is not null)
  on conflict (user_id) do update
  set
    first_course_started = true,
    first_course_completed = o.first_course_completed or excluded.first_course_completed
  where not o.first_course_started or (excluded.first_course_completed and not o.first_course_completed);
  return null;
end;
$$;

comment on function private.onboarding_on_progress() is
'AFTER trigger on progress (course-level rows): sets the user''s first_course_started and first_course_completed. '
'Bound by 041_onboarding.';

create or replace function private.onboarding_on_profile() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  insert into public.onboarding as o (user_id, profile_completed)
  values (new.id, true)
  on conflict (user_id) do update
  set profile_completed = true
  where not o.profile_completed;
  return null;
end;
$$;

comment on function private.onboarding_on_profile() is
'AFTER trigger on profiles: sets profile_completed once the profile has a full name and an avatar. Bound by '
'041_onboarding.';

revoke all on function private.onboarding_on_progress(), private.onboarding_on_profile() from public;
