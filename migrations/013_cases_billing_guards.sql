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

create function private.guard_tribunal_case_reviewer() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('authenticated', 'anon')
    and new.reviewed_by is not null
    and new.reviewed_by is distinct from (select auth.uid())
    and (tg_op = 'INSERT' or new.reviewed_by is distinct from old.reviewed_by)
  then
    raise exception using errcode = '42501',
      message = 'reviewed_by can only be set to yourself',
      hint = 'Set reviewed_by to your own user id, or leave it unchanged.';
  end if;
  return new;
end;
$$;

comment on function private.guard_tribunal_case_reviewer() is
'BEFORE INSERT OR UPDATE trigger on tribunal_cases: API roles may set reviewed_by only to themselves.';

revoke all on function private.guard_tribunal_case_reviewer() from public;

create trigger guard_reviewer before insert or update of reviewed_by on public.tribunal_cases
for each row execute function private.guard_tribunal_case_reviewer();

create index idx_payment_methods_org_all on public.payment_methods (organization_id);
