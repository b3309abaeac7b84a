-- Undoes 046_erasure. Profiles of persons whose auth user is gone stay: the key comes back NOT VALID.
-- The guards changed for erasure (rpc_functions/05_certificate_guards.sql, 06_audit_triggers.sql) are
-- repeatables: without audit_logs.erased_at and private.anonymize_person their erasure paths never open.
drop trigger if exists on_auth_user_deleted on auth.users;
drop function if exists private.on_auth_user_deleted();
drop table if exists private.auth_deletions;
drop trigger if exists profile_has_identity on public.profiles;
drop function if exists private.guard_profile_identity();
alter table public.profiles
add constraint profiles_id_fkey foreign key (id) references auth.users (id) on delete cascade not valid;
alter table public.audit_logs drop column if exists erased_at;
alter table public.profiles drop column if exists erased_at;
