-- requires: rpc_functions/03_member_guards.sql
-- previous-sha256: 56bcd56f184993665bf71f099ec560d50d4b8c28897c1eab6c731b7dc8817096
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

create trigger guard_profile_update before update on public.profiles
for each row execute function private.guard_profile_update();

-- organizations -----------------------------------------------------------------

create trigger guard_organization_update before update on public.organizations
for each row execute function private.guard_organization_update();

-- Indexes for policy columns not yet indexed ---------------------------------------

-- The resources policies filter on is_published (idx_resources_category is
-- partial on it and leads with category).
create index idx_resources_published on public.resources (is_published);
