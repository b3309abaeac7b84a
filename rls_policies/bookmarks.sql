/*
  bookmarks: a user's bookmarks of cases, courses, lessons, resources and articles. Every
  signed-in user, viewer and guest included (ACCESS.md's exception to read-only), has full
  CRUD on their own rows and sees no one else's. anon has nothing.

  Interpretation: user_id is set on insert and never changed (not in the
  update grant); id, created_at and updated_at are the database's.
*/
alter table public.bookmarks enable row level security;

-- Grants: start from nothing, give back what the policies need.
revoke all on public.bookmarks from anon, authenticated;
revoke truncate, trigger, references on public.bookmarks from public, service_role;
grant select, delete on public.bookmarks to authenticated;
grant insert (user_id, resource_type, resource_id, notes, tags, folder, is_favorite)
on public.bookmarks to authenticated;
grant update (resource_type, resource_id, notes, tags, folder, is_favorite) on public.bookmarks to authenticated;
grant select, insert, update, delete on public.bookmarks to service_role;

drop policy if exists "users read own" on public.bookmarks;
create policy "users read own" on public.bookmarks
for select to authenticated
using (user_id = (select private.current_user_id()));

drop policy if exists "users insert own" on public.bookmarks;
create policy "users insert own" on public.bookmarks
for insert to authenticated
with check (user_id = (select private.current_user_id()));

drop policy if exists "users update own" on public.bookmarks;
create policy "users update own" on public.bookmarks
for update to authenticated
using (user_id = (select private.current_user_id()))
with check (user_id = (select private.current_user_id()));

drop policy if exists "users delete own" on public.bookmarks;
create policy "users delete own" on public.bookmarks
for delete to authenticated
using (user_id = (select private.current_user_id()));
