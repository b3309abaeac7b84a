/*
  Who may be a case's reviewer, and a case's embedding cleared when its text
  changes (triggers bound by 013_cases_billing_guards and 023_case_search).

  Trigger functions live here, once, with their current definition; the
  migrations bind them (create trigger). A migration that binds one has the
  line `-- requires: rpc_functions/07_case_guards.sql`: abr-db runs this file's
  current text there (in the leading comment block: before the body), in the
  migration's transaction, so the function exists before the trigger that
  calls it, on a fresh database too (README, "Functions live in repeatable files").
*/

create or replace function private.guard_tribunal_case_reviewer() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
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

create or replace function private.clear_stale_case_embedding() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
  -- Not written by this statement: the same value (or both null).
  if (
    new.embedding is null and old.embedding is null
    or extensions.vector_eq(new.embedding, old.embedding)
  )
    and (
      new.title is distinct from old.title
      or new.summary_en is distinct from old.summary_en
      or new.summary_fr is distinct from old.summary_fr
      or new.full_text_en is distinct from old.full_text_en
      or new.full_text_fr is distinct from old.full_text_fr
    )
  then
    new.embedding := null;
    new.embedding_model := null;
  end if;
  return new;
end;
$$;

comment on function private.guard_tribunal_case_reviewer() is
'BEFORE INSERT OR UPDATE trigger on tribunal_cases: API roles may set reviewed_by only to themselves.';

comment on function private.clear_stale_case_embedding() is
'BEFORE UPDATE trigger on tribunal_cases: an edited text clears the embedding computed from the old one.';

revoke all on function
  private.guard_tribunal_case_reviewer(),
  private.clear_stale_case_embedding()
from public, anon, authenticated, service_role;
