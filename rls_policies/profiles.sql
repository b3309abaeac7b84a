/*
  profiles: everyone signed in reads and updates their own row; an
  org_admin reads the rows of their organization's members and updates
  their role and team;
  super_admin reads, updates and deletes everything, soft-deleted rows
  included. Profiles are created by the auth.users trigger (and the service
  role), never by clients. Column rules (what each may change) are the
  BEFORE UPDATE trigger private.guard_profile_update of 011_access_guards,
  which raises 42501 naming the column.

  Interpretation: "member(org): read basic profile of same-org members" is
  served by the RPC public.org_directory() (id, full_name, avatar_url, role,
  team_id of live same-org members), not by this table's SELECT policy: a
  policy cannot hide columns per row, and a member must not read another
  member's email, phone or login history. The SELECT policy gives the full
  row only to the user, the org_admin who manages them, and super_admin;
  the other staff (compliance_officer, analyst) see members through the
  directory, like everyone else (ACCESS.md gives staff members' progress
  and certificates, not their profiles).
  Interpretation (decided, issue 6): an org_admin changes a member's role
  only among the organization-scoped roles org_admin, learner, viewer and
  guest, never their own. educator, analyst, investigator,
  compliance_officer and super_admin carry rights beyond the organization
  (the shared catalog, shared case law, the audit trail): only a super_admin
  grants or removes them (guard of migrations/020_security_fixes.sql, 42501).
  Interpretation: viewer and guest are read-only (ACCESS.md), so they cannot
  update even their own profile.
  Interpretation: a soft-deleted user has no own row any more
  (private.current_user_id() is null for them).
*/
alter table public.profiles enable row level security;

-- Grants: start from nothing, give back what the policies need. UPDATE names
-- every column but id and created_at; the guard trigger narrows it per caller.
revoke all on public.profiles from anon, authenticated;
revoke truncate, trigger, references on public.profiles from public, service_role;
grant select on public.profiles to authenticated;
grant update (
  email, full_name, avatar_url, phone, preferred_language,
  organization_id, team_id, role, subscription_tier, seat_id,
  mfa_enabled, email_verified, last_login_at, login_count,
  notification_preferences, theme, timezone, updated_at, deleted_at, metadata
) on public.profiles to authenticated;
grant delete on public.profiles to authenticated;
grant select, insert, update, delete on public.profiles to service_role;

drop policy if exists "users read own, staff read org members, super admins read all" on public.profiles;
-- Each arm is one indexable comparison (issue 7): the primary key, the partial
-- idx_profiles_org (its `deleted_at is null` is in the arm), and the super_admin
-- range on the primary key; admin_org_id() is current_org_id() for an org_admin.
drop policy if exists "users read own, org admins read org members, super admins read all" on public.profiles;
create policy "users read own, org admins read org members, super admins read all" on public.profiles
for select to authenticated
using (
  id = (select private.current_user_id())
  or (organization_id = (select private.admin_org_id()) and deleted_at is null)
  or id between (select private.super_admin_floor()) and 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
);

drop policy if exists "users update own, org admins update members, super admins all" on public.profiles;
create policy "users update own, org admins update members, super admins all" on public.profiles
for update to authenticated
using (
  (id = (select private.current_user_id()) and not (select private.is_read_only()))
  or (
    (select private.is_org_admin())
    and organization_id = (select private.current_org_id())
    and deleted_at is null
  )
  or (select private.is_super_admin())
)
with check (
  (id = (select private.current_user_id()) and not (select private.is_read_only()))
  or (
    (select private.is_org_admin())
    and organization_id = (select private.current_org_id())
  )
  or (select private.is_super_admin())
);

drop policy if exists "super admins delete profiles" on public.profiles;
create policy "super admins delete profiles" on public.profiles
for delete to authenticated
using ((select private.is_super_admin()));
