/*
  classification_feedback: reviewers' corrections and confirmations of the
  AI's classification. Reviewers (analyst, investigator, compliance_officer
  of any organization, super_admin) read every row and insert their own
  (reviewed_by must be the caller); nobody updates or deletes from a client.
  The training pipeline (service_role) marks rows used_for_training.

  Interpretation: feedback is training lineage, so it is not editable after
  the fact; a reviewer who changes their mind inserts new feedback. Clients
  cannot set used_for_training, training_batch_id, reviewed_date or
  created_at (left out of the insert grant).
*/
alter table public.classification_feedback enable row level security;

-- Grants: start from nothing, give back what the policies need.
revoke all on public.classification_feedback from anon, authenticated;
revoke truncate, trigger, references on public.classification_feedback from public, service_role;
grant select on public.classification_feedback to authenticated;
grant insert (
  raw_case_id, case_id, ai_classification, user_classification, feedback_type,
  comments, confidence_rating, reviewed_by
) on public.classification_feedback to authenticated;
grant select, insert, update, delete on public.classification_feedback to service_role;

drop policy if exists "reviewers read feedback" on public.classification_feedback;
create policy "reviewers read feedback" on public.classification_feedback
for select to authenticated
using ((select private.is_reviewer()));

drop policy if exists "reviewers insert own feedback" on public.classification_feedback;
create policy "reviewers insert own feedback" on public.classification_feedback
for insert to authenticated
with check (
  (select private.is_reviewer())
  and reviewed_by = (select private.current_user_id())
);
