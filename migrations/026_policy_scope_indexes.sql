/*
  026_policy_scope_indexes: an index for every arm of the read policies of issue 7's second pass.

  custom_badges' read policy is `(organization_id = current_org_id() and (is_active or
  is_org_admin())) or id between super_admin_floor() and the largest uuid`: the organization
  arm covers inactive badges too (its org_admin reads them), which the partial
  idx_custom_badges_org (where is_active) cannot serve, so without this index the policy
  scanned the table. (It also gives the foreign key organization_id its full index.) The
  other rewritten policies' arms (audit_logs, teams, organizations,
  learning_path_enrollments) are served by indexes they already had.
*/

create index idx_custom_badges_organization on public.custom_badges (organization_id);
