/*
  user_achievements: a user reads their own row; staff(org) read the rows of
  their organization's live members; super_admin reads all. Leaderboards
  (other people's points) come only from public.leaderboard(), which shows
  rank, name and points. Points, streaks and badges are awarded by server
  code (service_role): clients never write. Anon: nothing.

  Interpretation: ACCESS.md lists no super_admin right here; reading all rows
  follows "super_admin: all" of the neighbouring learning tables.
*/
alter table public.user_achievements enable row level security;

revoke all on public.user_achievements from anon, authenticated;
grant select on public.user_achievements to authenticated;
grant select, insert, update, delete on public.user_achievements to service_role;

drop policy if exists "users read own, staff read org members, super admins read all" on public.user_achievements;
create policy "users read own, staff read org members, super admins read all" on public.user_achievements
for select to authenticated
using (
  user_id = (select private.current_user_id())
  or ((select private.is_org_staff()) and user_id in (select private.org_member_ids()))
  or (select private.is_super_admin())
);
