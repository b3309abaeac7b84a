-- requires: rpc_functions/03_member_guards.sql
-- previous-sha256: 05fefd1e88e2506daf492d75ea9e1f5834a1822583673ca3093fe7774b06af2c
/*
  021_scale_indexes: what staff read, by organization, through an index (issue 7).

  Staff (org_admin, compliance_officer, analyst) read the progress and the
  certificates of their organization's live members. Without an organization
  column on those tables, the policy had to test each row's user_id against
  the list of members: a hashed subplan over the whole table, or a linear
  search of that list per row. Each row now carries `organization_id`: its
  holder's organization while the holder's profile is live, null otherwise,
  so the policy's staff arm is `organization_id = (select private.staff_org_id())`,
  which an index serves in the order staff read them (latest first).

  The column is access-bearing, so nobody sets it: a BEFORE trigger derives it
  from the holder's profile on every insert (and on any update of user_id or
  of the column itself), and an AFTER trigger on profiles carries a member's
  move to another organization, removal from one, soft deletion or
  restoration to their rows. Access is unchanged: the rows a staff member
  reads are exactly those of the live members of their (live) organization.
*/

alter table public.progress add column organization_id uuid references public.organizations (id) on delete set null;
alter table public.certificates add column organization_id uuid references public.organizations (id)
on delete set null;

comment on column public.progress.organization_id is
'The learner''s organization while their profile is live (null otherwise): kept by triggers, never set by clients.';
comment on column public.certificates.organization_id is
'The holder''s organization while their profile is live (null otherwise): kept by triggers, never set by clients.';

update public.progress as pr
set organization_id = p.organization_id
from public.profiles as p
where pr.user_id = p.id and p.deleted_at is null and p.organization_id is not null;

update public.certificates as c
set organization_id = p.organization_id
from public.profiles as p
where c.user_id = p.id and p.deleted_at is null and p.organization_id is not null;

-- Staff read an organization's rows latest first.
create index idx_progress_org_recent on public.progress (organization_id, last_accessed desc)
where organization_id is not null;
create index idx_certificates_org_issued on public.certificates (organization_id, issued_date desc)
where organization_id is not null;

create trigger set_member_organization
before insert or update of user_id, organization_id on public.progress
for each row execute function private.set_member_organization();

create trigger set_member_organization
before insert or update of user_id, organization_id on public.certificates
for each row execute function private.set_member_organization();

-- Definer: an org_admin's change of a member's organization, or a user's own
-- soft deletion, must reach rows the caller cannot write.

create trigger sync_member_organization
after update of organization_id, deleted_at on public.profiles
for each row
when (old.organization_id is distinct from new.organization_id or old.deleted_at is distinct from new.deleted_at)
execute function private.sync_member_organization();
