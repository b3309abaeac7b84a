/*
  015_realtime: the spec's "Set up real-time subscriptions".

  The in-app notification bell listens for new and updated rows of
  notifications through Supabase Realtime, which streams the tables of the
  publication `supabase_realtime` and applies each listener's RLS policies
  (a user receives only their own notifications). Nothing else is streamed:
  every table added here is one more stream to authorize.

  Where the publication does not exist (a database without Supabase
  Realtime), there is nothing to do.
*/

do $$
begin
  if exists (select from pg_catalog.pg_publication where pubname = 'supabase_realtime')
     and not exists (
       select from pg_catalog.pg_publication_tables
       where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'notifications'
     ) then
    alter publication supabase_realtime add table public.notifications;
  end if;
end
$$;
