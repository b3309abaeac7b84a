-- Undoes 031_invitations_members.
drop trigger if exists keep_an_org_admin on public.profiles;
drop function if exists private.keep_an_org_admin();
drop trigger if exists on_auth_user_confirmed_join on auth.users;
drop function if exists private.join_invitation_on_confirm();
drop table if exists public.invitations;
