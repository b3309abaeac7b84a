/*
  026_policy_scope_indexes: indexes for the read policies of issue 7's second pass
  (docs/BENCHMARKS.md, "RLS and RPC fixed costs at N = 1").

  custom_badges' read policy is `(organization_id = current_org_id() and (is_active or
  is_org_admin())) or id between super_admin_floor() and the largest uuid`: the organization
  arm covers retired badges too (its org_admin reads them), which the partial
  idx_custom_badges_org (where is_active) cannot serve, so without a full index the policy
  scanned the table. (It also gives the foreign key organization_id its full index.)

  Staff's certificate list with its organization filter (`.eq('organization_id', org)
  .order('issued_date', desc).limit(50)`): the planner multiplies the filter's selectivity
  by the policy's `organization_id = $1` arm and expects a few rows where a mid-size
  organization has thousands; reading them through idx_certificates_org_issued would then
  cost a heap fetch each, so it preferred a bitmap of all of them and a sort (0.76 ms
  against 0.02). With the list's columns in the index, the ordered scan is an index-only
  scan whose filter (the policy's user_id and organization_id) needs no heap either, cheap
  even at that estimate: 0.09 ms. Same name, key and predicate as 021's index, plus INCLUDE.
  The other rewritten policies' arms (audit_logs, teams, organizations,
  learning_path_enrollments) are served by indexes they already had.
*/

create index idx_custom_badges_organization on public.custom_badges (organization_id);

drop index public.idx_certificates_org_issued;
create index idx_certificates_org_issued on public.certificates (organization_id, issued_date desc)
include (id, user_id, course_id, certificate_number, status, expiry_date)
where organization_id is not null;
