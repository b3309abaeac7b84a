/*
  What a member may change of a profile or an organization, and the
  organization copied onto a member's rows (triggers bound by 011_access_guards,
  020_security_fixes and 021_scale_indexes).

  Trigger functions live here, once, with their current definition; the
  migrations bind them (create trigger). A migration that binds one has the
  line `-- requires: rpc_functions/03_member_guards.sql`: abr-db runs this file's
  current text there (in the leading comment block: before the body), in the
  migration's transaction, so the function exists before the trigger that
  calls it, on a fresh database too (README, "Functions live in repeatable files").
*/

create or replace function private.guard_profile_update() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
  caller_role text;
  caller_id uuid;
  col text;
  -- What anyone may change on their own profile.
  self_editable constant text[] := array[
    'full_name', 'avatar_url', 'phone', 'preferred_language',
    'notification_preferences', 'theme', 'timezone', 'metadata', 'updated_at'
  ];
  -- The roles an org_admin gives and takes: rights inside the organization only.
  org_scoped constant text[] := array['org_admin', 'learner', 'viewer', 'guest'];
begin
  if current_user not in ('authenticated', 'anon') then
    return new;
  end if;

  caller_role := (select private.current_role_name());
  if caller_role = 'super_admin' then
    return new;
  end if;
  caller_id := (select auth.uid());

  for col in
    select n.key
    from pg_catalog.jsonb_each(pg_catalog.to_jsonb(new)) as n
    inner join pg_catalog.jsonb_each(pg_catalog.to_jsonb(old)) as o on n.key = o.key
    where n.value is distinct from o.value
  loop
    if col = 'updated_at' then
      continue;
    elsif col = any(self_editable) and old.id = caller_id then
      continue;
    elsif col = 'role' and caller_role = 'org_admin'
      and old.organization_id = (select private.current_org_id()) then
      if old.id = caller_id then
        raise exception using
          errcode = '42501',
          message = 'permission denied to change column "role" of profiles: an org_admin cannot change their own role',
          hint = 'Another org_admin or a super_admin can.';
      end if;
      if old.role <> all(org_scoped) or new.role <> all(org_scoped) then
        raise exception using
          errcode = '42501',
          message = 'permission denied to change column "role" of profiles: an org_admin gives and takes only '
          || 'the organization-scoped roles org_admin, learner, viewer and guest',
          hint = 'educator, analyst, investigator, compliance_officer and super_admin carry rights beyond the '
          || 'organization: only a super_admin grants or removes them.';
      end if;
    elsif col = 'team_id' and caller_role = 'org_admin'
      and old.organization_id = (select private.current_org_id()) then
      if new.team_id is not null and not exists (
        select 1 from public.teams as t
        where t.id = new.team_id and t.organization_id = old.organization_id
      ) then
        raise exception using
          errcode = '42501',
          message = 'permission denied to change column "team_id" of profiles: '
          || 'the team is not a team of the member''s organization',
          hint = 'Choose a team of the same organization.';
      end if;
    else
      raise exception using
        errcode = '42501',
        message = pg_catalog.format('permission denied to change column "%s" of profiles', col),
        hint = case
          when old.id = caller_id
            then 'Users may change their name, avatar, phone, language, notification preferences, theme, '
            || 'timezone and metadata.'
          else 'An org_admin may change only the role and team of members of their organization.'
        end;
    end if;
  end loop;

  return new;
end;
$$;

create or replace function private.guard_organization_update() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
  col text;
  protected constant text[] := array[
    'id', 'slug', 'subscription_id', 'subscription_status', 'trial_ends_at', 'created_at', 'deleted_at'
  ];
begin
  if current_user not in ('authenticated', 'anon') then
    return new;
  end if;
  if (select private.is_super_admin()) then
    return new;
  end if;

  for col in
    select n.key
    from pg_catalog.jsonb_each(pg_catalog.to_jsonb(new)) as n
    inner join pg_catalog.jsonb_each(pg_catalog.to_jsonb(old)) as o on n.key = o.key
    where n.value is distinct from o.value and n.key = any(protected)
  loop
    raise exception using
      errcode = '42501',
      message = pg_catalog.format('permission denied to change column "%s" of organizations', col),
      hint = 'Subscription fields follow Stripe (service role); id, slug, created_at and deleted_at only a super_admin '
        'changes.';
  end loop;

  return new;
end;
$$;

-- Derives only an organization that exists: deleting an organization fires one
-- ON DELETE action per referencing foreign key, in the order of their internal
-- trigger names, which a dump and restore or a pg_upgrade renumbers. Were the
-- deleted organization visible here, certificates' or progress' SET NULL firing
-- before profiles' would write it back (23503). tests_sql/011_cascade_order runs
-- the deletion with the actions in both orders.
create or replace function private.set_member_organization() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  new.organization_id := (
    select p.organization_id
    from public.profiles as p
    inner join public.organizations as o on p.organization_id = o.id
    where p.id = new.user_id and p.deleted_at is null
  );
  return new;
end;
$$;

create or replace function private.sync_member_organization() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  org uuid := case when new.deleted_at is null then new.organization_id end;
begin
  update public.progress as pr set organization_id = org
  where pr.user_id = new.id and pr.organization_id is distinct from org;
  update public.certificates as c set organization_id = org
  where c.user_id = new.id and c.organization_id is distinct from org;
  return null;
end;
$$;

comment on function private.guard_profile_update() is
'BEFORE UPDATE trigger on profiles: the column rules of ACCESS.md for API callers; an org_admin gives only '
'organization-scoped roles (see 011_access_guards, 020_security_fixes).';

comment on function private.guard_organization_update() is
'BEFORE UPDATE trigger on organizations: org_admins never change subscription fields (see 011_access_guards).';

comment on function private.set_member_organization() is
'BEFORE trigger of progress and certificates: organization_id is the holder''s organization '
'while their profile is live (null once the organization is deleted, whatever the order of the '
'foreign-key actions).';

comment on function private.sync_member_organization() is
'AFTER UPDATE trigger of profiles: carries a member''s organization (null once soft-deleted) '
'to their progress and certificates.';

revoke all on function
  private.guard_profile_update(),
  private.guard_organization_update(),
  private.set_member_organization(),
  private.sync_member_organization()
from public, anon, authenticated, service_role;

-- An organization keeps an active org admin (trigger bound by 031_invitations_members) ----------

create or replace function private.keep_an_org_admin() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if old.role <> 'org_admin' or old.organization_id is null or old.deleted_at is not null
    or (new.role = 'org_admin' and new.organization_id = old.organization_id and new.deleted_at is null) then
    return null;
  end if;
  -- Queue with every other change of this organization's admins, then count with a fresh snapshot.
  perform from public.organizations as o where o.id = old.organization_id for update;
  if found and not exists (
    select from public.profiles as p
    where p.organization_id = old.organization_id and p.role = 'org_admin' and p.deleted_at is null
  ) then
    raise exception using errcode = '23505', message = 'the organization must keep at least one org admin',
      hint = 'Make another member org_admin first.';
  end if;
  return null;
end;
$$;

comment on function private.keep_an_org_admin() is
'AFTER UPDATE trigger on profiles (client updates): an organization never loses its last active org admin.';

revoke all on function private.keep_an_org_admin() from public, anon, authenticated, service_role;
