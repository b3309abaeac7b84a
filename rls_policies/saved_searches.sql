/*
  saved_searches: a user's saved data-explorer searches. Every signed-in user, viewer and guest included (ACCESS.md's
  exception to read-only), has full CRUD on their own rows and sees no one
  else's. anon has nothing.

  Interpretation: user_id is set on insert and never changed (not in the
  update grant); id, created_at and updated_at are the database's.
*/
alter table public.saved_searches enable row level security;

-- Grants: start from nothing, give back what the policies need.
revoke all on public.saved_searches from anon, authenticated;
revoke truncate, trigger, references on public.saved_searches from public, service_role;
grant select, delete on public.saved_searches to authenticated;
grant insert (user_id, name, description, filters, use_count, last_used, notify_on_new_results)
on public.saved_searches to authenticated;
grant update (name, description, filters, use_count, last_used, notify_on_new_results)
on public.saved_searches to authenticated;
grant select, insert, update, delete on public.saved_searches to service_role;

drop policy if exists "users read own" on public.saved_searches;
create policy "users read own" on public.saved_searches
for select to authenticated
using (user_id = (select private.current_user_id()));

drop policy if exists "users insert own" on public.saved_searches;
create policy "users insert own" on public.saved_searches
for insert to authenticated
with check (user_id = (select private.current_user_id()));

drop policy if exists "users update own" on public.saved_searches;
create policy "users update own" on public.saved_searches
for update to authenticated
using (user_id = (select private.current_user_id()))
with check (user_id = (select private.current_user_id()));

drop policy if exists "users delete own" on public.saved_searches;
create policy "users delete own" on public.saved_searches
for delete to authenticated
using (user_id = (select private.current_user_id()));
