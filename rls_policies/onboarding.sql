/*
  onboarding: each user reads, creates and updates their own onboarding row
  (viewer and guest too: ACCESS.md names onboarding among what read-only
  roles may write). Nobody else reads it. Server code (service_role) has
  everything. Anon: nothing.

  Interpretation: "own rows" without "full CRUD" (which ACCESS.md grants only
  to bookmarks and saved searches): no DELETE for clients; the row goes with
  the profile. No staff or super_admin reading: ACCESS.md gives no extra
  rights here.
*/
alter table public.onboarding enable row level security;

revoke all on public.onboarding from anon, authenticated;
revoke truncate, trigger, references on public.onboarding from public, service_role;
grant select on public.onboarding to authenticated;
-- The first-action flags (first_course_started, first_course_completed,
-- profile_completed, first_search_performed) are not client-writable: the actions set
-- them (triggers of 041_onboarding; record_first_search), so a client cannot claim one.
grant insert (
  user_id, tour_completed, tour_step_completed, tour_dismissed, checklist_items, role_specific_completed
) on public.onboarding to authenticated;
grant update (
  tour_completed, tour_step_completed, tour_dismissed, checklist_items, role_specific_completed, updated_at
) on public.onboarding to authenticated;
grant select, insert, update, delete on public.onboarding to service_role;

drop policy if exists "users read own onboarding" on public.onboarding;
create policy "users read own onboarding" on public.onboarding
for select to authenticated
using (user_id = (select private.current_user_id()));

drop policy if exists "users create own onboarding" on public.onboarding;
create policy "users create own onboarding" on public.onboarding
for insert to authenticated
with check (user_id = (select private.current_user_id()));

drop policy if exists "users update own onboarding" on public.onboarding;
create policy "users update own onboarding" on public.onboarding
for update to authenticated
using (user_id = (select private.current_user_id()))
with check (user_id = (select private.current_user_id()));
