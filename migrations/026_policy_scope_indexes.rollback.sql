-- Undoes 026_policy_scope_indexes.
drop index public.idx_certificates_org_issued;
create index idx_certificates_org_issued on public.certificates (organization_id, issued_date desc)
where organization_id is not null;

drop index public.idx_custom_badges_organization;
