/*
  tribunal_cases: the case-law library. Every signed-in user reads the cases
  that are not soft-deleted; reviewers (analyst, investigator,
  compliance_officer of any organization, super_admin) insert and edit them;
  super_admin also sees soft-deleted cases and is the only one who deletes.
  anon reads nothing.

  Interpretation:
  - "reviewers: write" is insert and update. Deleting a case is super_admin
    only, and that includes the soft delete: only super_admin may set
    deleted_at (a reviewer's update that sets it fails the policy's check with
    42501), and only super_admin sees (so can restore) soft-deleted cases.
  - Clients never write id, ingested_from_raw_id (lineage set by
    promote_raw_case()), created_at or updated_at: they are left out of the
    column grants.
  - viewer/guest/learner/educator/org_admin read only.
*/
alter table public.tribunal_cases enable row level security;

-- Grants: start from nothing, give back what the policies need.
revoke all on public.tribunal_cases from anon, authenticated;
revoke truncate, trigger, references on public.tribunal_cases from public, service_role;
grant select on public.tribunal_cases to authenticated;
grant insert (
  case_number, title, tribunal, source_url, decision_date, year,
  summary_en, summary_fr, full_text_en, full_text_fr,
  outcome, protected_ground, discrimination_type,
  race_category, is_race_related, is_anti_black_specific, relevance_score,
  precedent_value, key_legal_principles, remedies_awarded, monetary_award,
  ai_generated_summary, ai_tags, ai_confidence_score, ai_classification_model, ai_classified_at,
  keywords, complexity_level, featured,
  manually_reviewed, reviewed_by, reviewed_at, deleted_at
) on public.tribunal_cases to authenticated;
grant update (
  case_number, title, tribunal, source_url, decision_date, year,
  summary_en, summary_fr, full_text_en, full_text_fr,
  outcome, protected_ground, discrimination_type,
  race_category, is_race_related, is_anti_black_specific, relevance_score,
  precedent_value, key_legal_principles, remedies_awarded, monetary_award,
  ai_generated_summary, ai_tags, ai_confidence_score, ai_classification_model, ai_classified_at,
  keywords, complexity_level, featured,
  manually_reviewed, reviewed_by, reviewed_at, deleted_at
) on public.tribunal_cases to authenticated;
grant delete on public.tribunal_cases to authenticated;
-- Ingestion workers and maintenance jobs.
grant select, insert, update, delete on public.tribunal_cases to service_role;

drop policy if exists "users read live cases, super admins all" on public.tribunal_cases;
create policy "users read live cases, super admins all" on public.tribunal_cases
for select to authenticated
using (deleted_at is null or (select private.is_super_admin()));

drop policy if exists "reviewers insert cases" on public.tribunal_cases;
create policy "reviewers insert cases" on public.tribunal_cases
for insert to authenticated
with check (
  (select private.is_reviewer())
  and (deleted_at is null or (select private.is_super_admin()))
);

drop policy if exists "reviewers update cases" on public.tribunal_cases;
create policy "reviewers update cases" on public.tribunal_cases
for update to authenticated
using (
  (select private.is_reviewer())
  and (deleted_at is null or (select private.is_super_admin()))
)
with check (
  (select private.is_reviewer())
  and (deleted_at is null or (select private.is_super_admin()))
);

drop policy if exists "super admins delete cases" on public.tribunal_cases;
create policy "super admins delete cases" on public.tribunal_cases
for delete to authenticated
using ((select private.is_super_admin()));
