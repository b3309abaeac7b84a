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
*/
alter table public.progress enable row level security;

revoke all on public.progress from anon, authenticated;
grant select on public.progress to authenticated;
grant select, insert, update, delete on public.progress to service_role;

drop policy if exists "learners read own, staff read members, super admins read all" on public.progress;
create policy "learners read own, staff read members, super admins read all" on public.progress
for select to authenticated
using (
  user_id = (select private.current_user_id())
  or ((select private.is_org_staff()) and user_id in (select private.org_member_ids()))
  or (select private.is_super_admin())
);
