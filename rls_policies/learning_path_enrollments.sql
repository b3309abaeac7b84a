/*
  learning_path_enrollments: a learner reads their own enrollments; staff(org)
  read those of their organization's live members; super_admin reads all.
  Clients never write: public.enroll_in_learning_path() enrolls (tier
  gating, read-only roles refused), the learning loop marks completion.
  Server code (service_role) has everything. Anon: nothing.

  Interpretation: as for progress, which an enrollment summarizes.
*/
alter table public.learning_path_enrollments enable row level security;

revoke all on public.learning_path_enrollments from anon, authenticated;
grant select on public.learning_path_enrollments to authenticated;
grant select, insert, update, delete on public.learning_path_enrollments to service_role;

drop policy if exists "learners read own, staff read members, super admins read all"
on public.learning_path_enrollments;
create policy "learners read own, staff read members, super admins read all"
on public.learning_path_enrollments
for select to authenticated
using (
  user_id = (select private.current_user_id())
  or ((select private.is_org_staff()) and user_id in (select private.org_member_ids()))
  or (select private.is_super_admin())
);
