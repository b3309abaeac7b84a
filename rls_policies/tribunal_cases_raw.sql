/*
  tribunal_cases_raw: scraped cases awaiting review. Reviewers (analyst, investigator,
  compliance_officer of any organization, super_admin) read every row; no
  client writes it: the ingestion workers write as service_role, and
  reviewers review and promote raw cases through review_raw_case() and
  promote_raw_case() (rpc_functions/21_case_review.sql, security definer).
  anon and the other roles read nothing.

  Interpretation: the table has no organization_id (case law is shared), so
  "reviewers" is not limited to an organization.
*/
alter table public.tribunal_cases_raw enable row level security;

-- Grants: start from nothing, give back what the policies need.
revoke all on public.tribunal_cases_raw from anon, authenticated;
revoke truncate, trigger, references on public.tribunal_cases_raw from public, service_role;
grant select on public.tribunal_cases_raw to authenticated;
grant select, insert, update, delete on public.tribunal_cases_raw to service_role;

drop policy if exists "reviewers read" on public.tribunal_cases_raw;
create policy "reviewers read" on public.tribunal_cases_raw
for select to authenticated
using ((select private.is_reviewer()));
