-- Undoes 021_scale_indexes.
drop trigger sync_member_organization on public.profiles;
drop trigger set_member_organization on public.certificates;
drop trigger set_member_organization on public.progress;
drop function private.sync_member_organization();
drop function private.set_member_organization();
drop index public.idx_certificates_org_issued;
drop index public.idx_progress_org_recent;
alter table public.certificates drop column organization_id;
alter table public.progress drop column organization_id;
