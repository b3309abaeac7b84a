/*
  Notifications: mark one of your own notifications read.

  The column grant (update of read, read_at) and the "users mark own
  notifications read" policy already let a client do this with a PATCH; the
  RPC does it in one call with the timestamp set by the database and a clear
  error for a notification that is not the caller's. It is security invoker
  and needs no definer part: RLS decides what it may touch.
*/

create or replace function public.mark_notification_read(p_notification_id uuid) returns void
language plpgsql
security invoker
set search_path = pg_catalog, pg_temp
as $$
begin
  if p_notification_id is null then
    raise exception using errcode = '22023', message = 'p_notification_id is required',
      hint = 'Pass the id of one of your notifications.';
  end if;

  update public.notifications as n
  set read = true,
      read_at = coalesce(n.read_at, pg_catalog.now())
  where n.id = p_notification_id;

  if not found then
    -- Another user's notification is invisible under RLS: not found either way.
    raise exception using errcode = 'P0002', message = 'notification not found',
      hint = 'Check p_notification_id; you can mark only your own notifications.';
  end if;
end;
$$;

comment on function public.mark_notification_read(uuid) is
'Mark one of the caller''s notifications read (read_at is set once). Errors: 22023 no id, P0002 not found or not the '
  'caller''s.';

revoke all on function public.mark_notification_read(uuid) from public, anon, authenticated;
grant execute on function public.mark_notification_read(uuid) to authenticated;
