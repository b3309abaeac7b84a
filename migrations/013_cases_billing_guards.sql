-- requires: rpc_functions/07_case_guards.sql
-- previous-sha256: a3b6b3e5c9d8095f62de3079e33a6601935c0265f6f018f7154aa53ac91f421a
/*
  013_cases_billing_guards: what the case-law and billing policies need
  beyond 001-010.

  - tribunal_cases.reviewed_by says which reviewer vouched for a case.
    Reviewers may edit cases (rls_policies/tribunal_cases.sql), but a policy
    cannot compare a row with its old version, so a trigger keeps a client
    from writing someone else's name there: from the API roles, reviewed_by
    may only be set (or changed) to the caller, or cleared.
  - payment_methods is read by organization_id (the org admins' policy), but
    its only index on that column is partial (is_active): a full index serves
    the policy for inactive rows too.
*/

create trigger guard_reviewer before insert or update of reviewed_by on public.tribunal_cases
for each row execute function private.guard_tribunal_case_reviewer();

create index idx_payment_methods_org_all on public.payment_methods (organization_id);
