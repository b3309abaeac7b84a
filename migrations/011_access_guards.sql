/*
  011_access_guards: the column rules RLS cannot express.

  Row Level Security decides which rows a caller may update, not which
  columns of them. Two tables need column rules (ACCESS.md):

  profiles       A user updates their own profile, but never the columns that
                 decide what they may do or that other systems own: role,
                 organization_id, team_id, subscription_tier, seat_id,
                 email_verified, mfa_enabled, login_count, last_login_at,
                 email, deleted_at, created_at (and id). An org_admin may
                 change the role (never to or from super_admin or
                 compliance_officer, never their own) and the team (a team of
                 the same organization) of profiles of their organization,
                 and nothing else of other people's profiles. super_admin:
                 everything.
  organizations  An org_admin updates their organization's profile fields,
                 never the subscription fields (subscription_id,
                 subscription_status, trial_ends_at: Stripe webhooks own them,
                 as service_role), nor id, slug, created_at, deleted_at.
                 super_admin: everything. A trigger rather than column grants,
                 because super_admin must keep the columns an org_admin loses.

  The triggers act only on API callers (`current_user in ('authenticated',
  'anon')`): the service role, migrations and SECURITY DEFINER functions are
  trusted. They are SECURITY INVOKER on purpose: inside a definer function
  current_user would be the owner. Each raises 42501 naming the column.
  Their names sort before set_updated_at, so they see the caller's own
  updated_at, which is always allowed (set_updated_at overwrites it).
*/

-- profiles ----------------------------------------------------------------------

create function private.guard_profile_update() returns trigger
language plpgsql
set search_path = ''
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
      if old.role in ('super_admin', 'compliance_officer') or new.role in ('super_admin', 'compliance_officer') then
        raise exception using
          errcode = '42501',
          message = 'permission denied to change column "role" of profiles: only a super_admin grants or removes super_admin and compliance_officer',
          hint = 'Ask a super_admin.';
      end if;
    elsif col = 'team_id' and caller_role = 'org_admin'
      and old.organization_id = (select private.current_org_id()) then
      if new.team_id is not null and not exists (
        select 1 from public.teams as t
        where t.id = new.team_id and t.organization_id = old.organization_id
      ) then
        raise exception using
          errcode = '42501',
          message = 'permission denied to change column "team_id" of profiles: the team is not a team of the member''s organization',
          hint = 'Choose a team of the same organization.';
      end if;
    else
      raise exception using
        errcode = '42501',
        message = pg_catalog.format('permission denied to change column "%s" of profiles', col),
        hint = case
          when old.id = caller_id
            then 'Users may change their name, avatar, phone, language, notification preferences, theme, timezone and metadata.'
          else 'An org_admin may change only the role and team of members of their organization.'
        end;
    end if;
  end loop;

  return new;
end;
$$;

comment on function private.guard_profile_update() is
'BEFORE UPDATE trigger on profiles: the column rules of ACCESS.md for API callers (see 011_access_guards).';

revoke all on function private.guard_profile_update() from public;

create trigger guard_profile_update before update on public.profiles
for each row execute function private.guard_profile_update();

-- organizations -----------------------------------------------------------------

create function private.guard_organization_update() returns trigger
language plpgsql
set search_path = ''
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
      hint = 'Subscription fields follow Stripe (service role); id, slug, created_at and deleted_at only a super_admin changes.';
  end loop;

  return new;
end;
$$;

comment on function private.guard_organization_update() is
'BEFORE UPDATE trigger on organizations: org_admins never change subscription fields (see 011_access_guards).';

revoke all on function private.guard_organization_update() from public;

create trigger guard_organization_update before update on public.organizations
for each row execute function private.guard_organization_update();

-- Indexes for policy columns not yet indexed ---------------------------------------

-- The resources policies filter on is_published (idx_resources_category is
-- partial on it and leads with category).
create index idx_resources_published on public.resources (is_published);
