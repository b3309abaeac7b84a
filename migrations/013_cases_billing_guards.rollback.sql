-- Rollback of 013_cases_billing_guards.
drop index if exists public.idx_payment_methods_org_all;
drop trigger if exists guard_reviewer on public.tribunal_cases;
drop function if exists private.guard_tribunal_case_reviewer();
