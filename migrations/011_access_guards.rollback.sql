-- Undoes 011_access_guards.
drop index if exists public.idx_resources_published;
drop trigger if exists guard_organization_update on public.organizations;
drop function if exists private.guard_organization_update();
drop trigger if exists guard_profile_update on public.profiles;
drop function if exists private.guard_profile_update();
