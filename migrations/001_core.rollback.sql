-- Undoes 001_core. Tables go with their indexes, triggers and policies.
drop trigger if exists on_auth_user_change on auth.users;
drop function if exists private.handle_auth_user_change();
alter table if exists public.profiles drop constraint if exists profiles_team_id_fkey;
drop table if exists public.teams;
drop table if exists public.profiles;
drop table if exists public.organizations;
drop function if exists private.set_updated_at();
drop schema if exists private;

-- pg_stat_statements belongs to the platform (Supabase and the bootstrap
-- install it): it stays. vector goes unless something outside abr-db uses it.
do $$
begin
  if not exists (
    select
    from pg_catalog.pg_depend as d
    inner join pg_catalog.pg_extension as e on d.refobjid = e.oid
    where e.extname = 'vector'
      and d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
      and d.deptype = 'n'
  ) then
    drop extension if exists vector;
  end if;
end
$$;
