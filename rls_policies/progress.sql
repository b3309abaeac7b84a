/*
  progress: a learner reads their own rows; staff(org) (org_admin,
  compliance_officer, analyst) read the rows of their organization's live
  members; super_admin reads all. Clients never write progress directly: no
  INSERT, UPDATE or DELETE grant. The RPCs public.start_course,
  public.record_lesson_progress and public.submit_quiz write it (SECURITY
  DEFINER implementations in private). Server code (service_role) has
  everything. Anon: nothing.

  Interpretation: bookmarked and notes are also written only by server code
  for now (no RPC asks for them yet).

  Performance (issue 7): each arm is one comparison an index serves, so a
  client's `select … order by … limit` without a filter of its own reads the
  caller's rows through an index instead of scanning the table: own rows by
  user_id; staff's by organization_id (migration 021: the holder's organization
  while their profile is live, kept by triggers, so it is exactly "the live
  members of the staff member's live organization"); super_admin through a
  range that covers every user_id (private.super_admin_floor()).
*/
alter table public.progress enable row level security;

revoke all on public.progress from anon, authenticated;
revoke truncate, trigger, references on public.progress from public, service_role;
grant select on public.progress to authenticated;
grant select, insert, update, delete on public.progress to service_role;

drop policy if exists "learners read own, staff read members, super admins read all" on public.progress;
create policy "learners read own, staff read members, super admins read all" on public.progress
for select to authenticated
using (
  user_id = (select private.current_user_id())
  or organization_id = (select private.staff_org_id())
  or user_id between (select private.super_admin_floor()) and 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
);
