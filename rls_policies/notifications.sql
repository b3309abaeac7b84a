/*
  notifications: in-app notifications. A signed-in user (any role, viewer and
  guest included) reads their own and marks their own read: the only client
  write is an UPDATE of the columns read and read_at, on own rows. Triggers,
  definer RPCs and service_role insert them; nobody deletes from a client
  (expired ones are purged by service_role/cron).

  Interpretation: "mark own read" is the read flag either way (read or
  unread again) with its timestamp; mark_notification_read()
  (rpc_functions/23_notifications.sql) does the usual case in one call.
*/
alter table public.notifications enable row level security;

-- Grants: start from nothing, give back what the policies need.
revoke all on public.notifications from anon, authenticated;
revoke truncate, trigger, references on public.notifications from public, service_role;
grant select on public.notifications to authenticated;
grant update (read, read_at) on public.notifications to authenticated;
grant select, insert, update, delete on public.notifications to service_role;

drop policy if exists "users read own notifications" on public.notifications;
create policy "users read own notifications" on public.notifications
for select to authenticated
using (user_id = (select private.current_user_id()));

drop policy if exists "users mark own notifications read" on public.notifications;
create policy "users mark own notifications read" on public.notifications
for update to authenticated
using (user_id = (select private.current_user_id()))
with check (user_id = (select private.current_user_id()));
