/*
  Case review: reviewers decide on scraped cases and promote approved ones to
  the case-law library.

  Reviewers (analyst, investigator, compliance_officer of any organization,
  super_admin) read tribunal_cases_raw but cannot write it (only service_role
  does): these two RPCs are the reviewers' only way to change it. Each public
  function is a security invoker wrapper over a private security definer
  implementation that checks the caller itself, validates every input before
  it writes anything, and raises 22023 (invalid parameter), 42501 (not a
  reviewer), P0002 (not found) or 23505 (conflict).
*/

-- The raw case a reviewer acts on: the caller must be a reviewer, and the
-- raw case must exist and not be promoted yet. Locked until the transaction ends.
create or replace function private.lock_raw_case_for_review(p_raw_case_id uuid, p_action text)
returns public.tribunal_cases_raw
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_raw public.tribunal_cases_raw%rowtype;
begin
  if not (select private.is_reviewer()) then
    raise exception using errcode = '42501',
      message = pg_catalog.format('only reviewers may %s raw cases', p_action),
      hint = 'Reviewers are analysts, investigators, compliance officers and super admins.';
  end if;

  select r.* into v_raw
  from public.tribunal_cases_raw as r
  where r.id = p_raw_case_id
  for update;
  if not found then
    raise exception using errcode = 'P0002', message = 'raw case not found',
      hint = 'Check p_raw_case_id.';
  end if;
  if v_raw.promoted_to_case_id is not null then
    raise exception using errcode = '23505', message = 'raw case was already promoted',
      hint = pg_catalog.format('It is tribunal case %s: edit it in tribunal_cases.', v_raw.promoted_to_case_id);
  end if;
  return v_raw;
end;
$$;

comment on function private.lock_raw_case_for_review(uuid, text) is
'Internal: the raw case a reviewer reviews or promotes, locked, or 42501/P0002/23505.';

revoke all on function private.lock_raw_case_for_review(uuid, text) from public, anon, authenticated;

-- review_raw_case -----------------------------------------------------------------

create or replace function private.review_raw_case(
  p_raw_case_id uuid,
  p_decision text,
  p_reason text default null,
  p_duplicate_of uuid default null
) returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if p_raw_case_id is null then
    raise exception using errcode = '22023', message = 'p_raw_case_id is required',
      hint = 'Pass the id of a row of tribunal_cases_raw.';
  end if;
  if p_decision is null or p_decision not in ('approved', 'rejected', 'duplicate') then
    raise exception using errcode = '22023',
      message = pg_catalog.format('invalid decision %L', p_decision),
      hint = 'The decision is one of approved, rejected, duplicate.';
  end if;
  if p_duplicate_of is not null and p_decision <> 'duplicate' then
    raise exception using errcode = '22023', message = 'p_duplicate_of is only for a duplicate decision',
      hint = 'Pass p_decision => ''duplicate'' or leave p_duplicate_of null.';
  end if;
  -- Checks the reviewer and locks the raw case; the row itself is not needed here.
  perform private.lock_raw_case_for_review(p_raw_case_id, 'review');
  if p_duplicate_of is not null and not exists (
    select from public.tribunal_cases as c
    where c.id = p_duplicate_of and c.deleted_at is null
  ) then
    raise exception using errcode = 'P0002', message = 'case named by p_duplicate_of not found',
      hint = 'p_duplicate_of is the id of a live row of tribunal_cases.';
  end if;

  update public.tribunal_cases_raw as r
  set status = p_decision,
      rejection_reason = case when p_decision = 'approved' then null else p_reason end,
      is_duplicate = (p_decision = 'duplicate'),
      duplicate_of_case_id = p_duplicate_of,
      reviewed_by = (select auth.uid()),
      reviewed_at = pg_catalog.now()
  where r.id = p_raw_case_id;
end;
$$;

create or replace function public.review_raw_case(
  p_raw_case_id uuid,
  p_decision text,
  p_reason text default null,
  p_duplicate_of uuid default null
) returns void
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.review_raw_case(p_raw_case_id, p_decision, p_reason, p_duplicate_of)
$$;

comment on function public.review_raw_case(uuid, text, text, uuid) is
'Reviewers: record a decision on a scraped case: approved, rejected (p_reason) or duplicate (optionally '
  'p_duplicate_of, a tribunal_cases id). Errors: 22023 bad input, 42501 not a reviewer, P0002 not found, 23505 already '
  'promoted.';

revoke all on function private.review_raw_case(uuid, text, text, uuid) from public, anon, authenticated;
revoke all on function public.review_raw_case(uuid, text, text, uuid) from public, anon, authenticated;
grant execute on function private.review_raw_case(uuid, text, text, uuid) to authenticated;
grant execute on function public.review_raw_case(uuid, text, text, uuid) to authenticated;

-- promote_raw_case ----------------------------------------------------------------

create or replace function private.promote_raw_case(p_raw_case_id uuid) returns uuid
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_raw public.tribunal_cases_raw%rowtype;
  v_ai jsonb;
  v_case_id uuid;
begin
  if p_raw_case_id is null then
    raise exception using errcode = '22023', message = 'p_raw_case_id is required',
      hint = 'Pass the id of a row of tribunal_cases_raw.';
  end if;
  v_raw := private.lock_raw_case_for_review(p_raw_case_id, 'promote');
  if v_raw.status in ('rejected', 'duplicate') then
    raise exception using errcode = '22023',
      message = pg_catalog.format('a %s raw case cannot be promoted', v_raw.status),
      hint = 'Review it as approved first (review_raw_case).';
  end if;
  if
    pg_catalog.btrim(coalesce(v_raw.extracted_case_number, '')) = ''
    or pg_catalog.btrim(coalesce(v_raw.extracted_title, '')) = ''
  then
    raise exception using errcode = '22023', message = 'raw case has no extracted case number or title',
      hint = 'A case needs both; fix the extraction (service role) and try again.';
  end if;
  if exists (select from public.tribunal_cases as c where c.case_number = v_raw.extracted_case_number) then
    raise exception using errcode = '23505',
      message = pg_catalog.format('case number %s is already in the library', v_raw.extracted_case_number),
      hint = 'Review the raw case as a duplicate of the existing case instead.';
  end if;

  -- The AI classification is {is_race_related, is_anti_black, confidence, reasoning};
  -- values of the wrong JSON type are ignored rather than failing the promotion.
  v_ai := coalesce(v_raw.ai_classification, '{}'::jsonb);

  insert into public.tribunal_cases (
    case_number, title, tribunal, source_url, decision_date, year, full_text_en,
    is_race_related, is_anti_black_specific, ai_confidence_score, ai_classified_at,
    ingested_from_raw_id, manually_reviewed, reviewed_by, reviewed_at
  )
  values (
    pg_catalog.btrim(v_raw.extracted_case_number),
    pg_catalog.btrim(v_raw.extracted_title),
    coalesce(nullif(pg_catalog.btrim(v_raw.extracted_tribunal), ''), v_raw.source_name),
    v_raw.source_url,
    v_raw.extracted_date,
    extract(year from v_raw.extracted_date)::integer,
    v_raw.raw_text,
    case when pg_catalog.jsonb_typeof(v_ai -> 'is_race_related') = 'boolean'
      then (v_ai ->> 'is_race_related')::boolean else false end,
    case when pg_catalog.jsonb_typeof(v_ai -> 'is_anti_black') = 'boolean'
      then (v_ai ->> 'is_anti_black')::boolean else false end,
    case when pg_catalog.jsonb_typeof(v_ai -> 'confidence') = 'number'
      and (v_ai ->> 'confidence')::numeric between 0 and 1
      then round((v_ai ->> 'confidence')::numeric, 2) end,
    case when v_raw.ai_classification is not null then v_raw.updated_at end,
    v_raw.id,
    true,
    (select auth.uid()),
    pg_catalog.now()
  )
  returning id into v_case_id;

  update public.tribunal_cases_raw as r
  set status = 'approved',
      rejection_reason = null,
      promoted_to_case_id = v_case_id,
      reviewed_by = coalesce(r.reviewed_by, (select auth.uid())),
      reviewed_at = coalesce(r.reviewed_at, pg_catalog.now())
  where r.id = v_raw.id;

  return v_case_id;
end;
$$;

create or replace function public.promote_raw_case(p_raw_case_id uuid) returns uuid
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.promote_raw_case(p_raw_case_id)
$$;

comment on function public.promote_raw_case(uuid) is
'Reviewers: create the tribunal_cases row from a raw case''s extraction, link both ways and mark the raw case '
  'approved; returns the new case id. Errors: 22023 bad input or a rejected/duplicate/incomplete raw case, 42501 not a '
  'reviewer, P0002 not found, 23505 already promoted or case number taken.';

revoke all on function private.promote_raw_case(uuid) from public, anon, authenticated;
revoke all on function public.promote_raw_case(uuid) from public, anon, authenticated;
grant execute on function private.promote_raw_case(uuid) to authenticated;
grant execute on function public.promote_raw_case(uuid) to authenticated;
