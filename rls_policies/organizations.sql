/*
  organizations: members read their own organization; its org_admin updates
  its profile fields; super_admin reads (soft-deleted included), creates,
  updates and deletes any. The subscription fields (subscription_id,
  subscription_status, trial_ends_at) and id, slug, created_at, deleted_at
  are kept from org_admins by the BEFORE UPDATE trigger
  private.guard_organization_update (011_access_guards), not by column
  grants, because super_admin keeps them. Stripe webhooks write them as
  service_role. Anon: nothing.

  Interpretation: "super_admin: all" includes creating and hard-deleting
  organizations; org_admins cannot delete theirs. viewer and guest are
  members and read their organization, like everyone.
  Performance (issue 7, docs/BENCHMARKS.md): the read policy's arms are each
  served by an index (the primary key); super_admin reads all through the
  primary key's range (private.super_admin_floor()), not a bare-boolean
  `or is_super_admin()` arm, which no index serves (a request without its own
  filter scanned the table).
*/
alter table public.organizations enable row level security;

revoke all on public.organizations from anon, authenticated;
revoke truncate, trigger, references on public.organizations from public, service_role;
grant select, delete on public.organizations to authenticated;
grant insert (
  name, slug, industry, size_category, admin_email, primary_contact_name, primary_contact_phone,
  billing_email, address_line1, address_line2, city, province, postal_code, country,
  subscription_status, trial_ends_at, settings
) on public.organizations to authenticated;
grant update (
  name, slug, industry, size_category, admin_email, primary_contact_name, primary_contact_phone,
  billing_email, address_line1, address_line2, city, province, postal_code, country,
  subscription_id, subscription_status, trial_ends_at, settings, updated_at, deleted_at
) on public.organizations to authenticated;
grant select, insert, update, delete on public.organizations to service_role;

drop policy if exists "members read own org, super admins read all" on public.organizations;
create policy "members read own org, super admins read all" on public.organizations
for select to authenticated
using (
  (id = (select private.current_org_id()) and deleted_at is null)
  or id between (select private.super_admin_floor()) and 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
);

drop policy if exists "super admins create orgs" on public.organizations;
create policy "super admins create orgs" on public.organizations
for insert to authenticated
with check ((select private.is_super_admin()));

drop policy if exists "org admins update own org, super admins update all" on public.organizations;
create policy "org admins update own org, super admins update all" on public.organizations
for update to authenticated
using (
  ((select private.is_org_admin()) and id = (select private.current_org_id()) and deleted_at is null)
  or (select private.is_super_admin())
)
with check (
  ((select private.is_org_admin()) and id = (select private.current_org_id()))
  or (select private.is_super_admin())
);

drop policy if exists "super admins delete orgs" on public.organizations;
create policy "super admins delete orgs" on public.organizations
for delete to authenticated
using ((select private.is_super_admin()));
