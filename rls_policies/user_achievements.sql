/*
  user_achievements: a user reads their own row; staff(org) read the rows of
  their organization's live members; super_admin reads all. Leaderboards
  (other people's points) come only from public.leaderboard(), which shows
  rank, name and points. Points, streaks and badges are awarded by server
  code (service_role): clients never write. Anon: nothing.

  Interpretation: ACCESS.md lists no super_admin right here; reading all rows
  follows "super_admin: all" of the neighbouring learning tables.

  Performance (issue 7): each arm is one comparison an index serves
  (readable_user_ids() is the caller plus, for staff, their organization's live
  members; super_admin_floor() makes "super_admin reads all" a range), so a
  client's `select … order by … limit` without its own user_id filter reads the
  caller's rows through the user_id index instead of scanning the table.
*/
alter table public.user_achievements enable row level security;

revoke all on public.user_achievements from anon, authenticated;
revoke truncate, trigger, references on public.user_achievements from public, service_role;
grant select on public.user_achievements to authenticated;
grant select, insert, update, delete on public.user_achievements to service_role;

drop policy if exists "users read own, staff read org members, super admins read all" on public.user_achievements;
create policy "users read own, staff read org members, super admins read all" on public.user_achievements
for select to authenticated
using (
  user_id = any((select private.readable_user_ids())::uuid [])
  or user_id between (select private.super_admin_floor()) and 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
);
