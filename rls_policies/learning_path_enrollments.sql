/*
  learning_path_enrollments: a learner reads their own enrollments; staff(org)
  read those of their organization's live members; super_admin reads all.
  Clients never write: public.enroll_in_learning_path() enrolls (tier
  gating, read-only roles refused), the learning loop marks completion.
  Server code (service_role) has everything. Anon: nothing.

  Interpretation: as for progress, which an enrollment summarizes.

  Performance (issue 7, docs/BENCHMARKS.md): each arm is one comparison the
  index of learning_path_enrollments_once (user_id, learning_path_id) serves,
  as on user_achievements: the caller and, for staff(org) of a live
  organization, its live members (private.readable_user_ids()); super_admin
  through a range covering every user_id. The earlier `own or (is_org_staff()
  and user_id in org_member_ids()) or is_super_admin()` had bare-boolean arms
  no index serves: a request without its own user filter scanned the table.
*/
alter table public.learning_path_enrollments enable row level security;

revoke all on public.learning_path_enrollments from anon, authenticated;
revoke truncate, trigger, references on public.learning_path_enrollments from public, service_role;
grant select on public.learning_path_enrollments to authenticated;
grant select, insert, update, delete on public.learning_path_enrollments to service_role;

drop policy if exists "learners read own, staff read members, super admins read all"
on public.learning_path_enrollments;
create policy "learners read own, staff read members, super admins read all"
on public.learning_path_enrollments
for select to authenticated
using (
  user_id = any((select private.readable_user_ids())::uuid [])
  or user_id between (select private.super_admin_floor()) and 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
);
