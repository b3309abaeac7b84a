/*
  Ingestion workers' RPCs (service_role only): start a job, record what it
  scrapes, finish it. The schedules and the queue are in
  migrations/024_ingestion_schedules.sql.

  - start_ingestion_job(p_source_id, p_job_type): a `scheduled` job claims the
    job the source's pg_cron job queued, or starts one; `manual` and
    `backfill` start one (they may run beside a scheduled one). One scheduled
    job per source at a time: a second scheduled start while one runs is
    23505. An inactive source is 22023.
  - record_raw_case(p_job_id, p_source_url, ...): stores a scraped decision
    in tribunal_cases_raw, idempotent on (source, source_url): re-scraping the
    same decision updates the row (while it awaits review) instead of
    duplicating it. Counts items_fetched, items_classified (new rows with a
    classification) and items_duplicate (seen before) on the job.
  - finish_ingestion_job(p_job_id, p_status, p_error): completed, failed or
    cancelled; stamps completed_at and duration; a completed job sets the
    source's last_successful_run and clears its last_error, a failed one sets
    last_error.
  - fail_stale_ingestion_jobs(p_silence): the hourly fail-stale-ingestion-jobs
    cron job (owner only). A worker that dies leaves its job running, and the
    source's next scheduled start would be refused for ever; a running job
    without a sign of life (its start, a recorded raw case: last_activity_at,
    migrations/027) for p_silence (6 hours) is finished as failed, through
    finish_ingestion_job, so the source's last_error says why.
  Errors: 22023 invalid parameter, P0002 not found, 23505 conflict (a job
  already open, a job already finished).
*/

-- start_ingestion_job -------------------------------------------------------------

create or replace function private.start_ingestion_job(p_source_id uuid, p_job_type text) returns uuid
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_active boolean;
  v_job_id uuid;
begin
  if p_source_id is null then
    raise exception using errcode = '22023', message = 'p_source_id is required',
      hint = 'Pass the id of a row of tribunal_sources.';
  end if;
  if p_job_type is null or p_job_type not in ('scheduled', 'manual', 'backfill') then
    raise exception using errcode = '22023', message = pg_catalog.format('invalid job type %L', p_job_type),
      hint = 'The job type is scheduled, manual or backfill.';
  end if;
  select s.is_active into v_active from public.tribunal_sources as s where s.id = p_source_id for share;
  if not found then
    raise exception using errcode = 'P0002', message = 'tribunal source not found',
      hint = 'Check p_source_id.';
  end if;
  if not v_active then
    raise exception using errcode = '22023', message = 'the tribunal source is inactive',
      hint = 'Activate the source (tribunal_sources.is_active) before ingesting from it.';
  end if;

  if p_job_type = 'scheduled' then
    update public.ingestion_jobs as j
    set status = 'running', started_at = pg_catalog.now(), last_activity_at = pg_catalog.now()
    where j.source_id = p_source_id and j.status = 'queued'
    returning j.id into v_job_id;
    if found then
      return v_job_id;
    end if;
  end if;
  if p_job_type = 'scheduled' and exists (
    select from public.ingestion_jobs as j
    where j.source_id = p_source_id and j.job_type = 'scheduled' and j.status = 'running'
  ) then
    raise exception using errcode = '23505', message = 'a scheduled job is already running for this source',
      hint = 'Finish it (finish_ingestion_job) first; a job silent for 6 hours is failed within the hour.';
  end if;
  insert into public.ingestion_jobs (source_id, job_type, status)
  values (p_source_id, p_job_type, 'running')
  returning id into v_job_id;
  return v_job_id;
end;
$$;

create or replace function public.start_ingestion_job(p_source_id uuid, p_job_type text default 'manual')
returns uuid
language sql
volatile
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.start_ingestion_job(p_source_id, p_job_type)
$$;

comment on function public.start_ingestion_job(uuid, text) is
'Ingestion workers (service_role): start a job for a source (scheduled claims the queued one); returns its id. '
'Errors: 22023 bad input or inactive source, P0002 source not found, 23505 a scheduled job already running.';

-- record_raw_case -----------------------------------------------------------------

create or replace function private.record_raw_case(
  p_job_id uuid,
  p_source_url text,
  p_title text,
  p_case_number text,
  p_decision_date date,
  p_tribunal text,
  p_raw_text text,
  p_raw_html text,
  p_ai_classification jsonb,
  p_rule_based_classification jsonb,
  p_scraper_version text
) returns table (raw_case_id uuid, created boolean)
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_source_name text;
  v_status text;
  v_raw_id uuid;
  v_created boolean;
begin
  if p_job_id is null then
    raise exception using errcode = '22023', message = 'p_job_id is required',
      hint = 'Start a job with start_ingestion_job first.';
  end if;
  if nullif(pg_catalog.btrim(p_source_url), '') is null then
    raise exception using errcode = '22023', message = 'p_source_url is required',
      hint = 'The decision''s address at its source identifies it.';
  end if;
  if p_ai_classification is not null and pg_catalog.jsonb_typeof(p_ai_classification) <> 'object'
    or p_rule_based_classification is not null and pg_catalog.jsonb_typeof(p_rule_based_classification) <> 'object'
  then
    raise exception using errcode = '22023', message = 'a classification must be a JSON object',
      hint = 'e.g. {"is_race_related": true, "is_anti_black": true, "confidence": 0.9}';
  end if;
  select s.name, j.status into v_source_name, v_status
  from public.ingestion_jobs as j
  inner join public.tribunal_sources as s on s.id = j.source_id
  where j.id = p_job_id
  for update of j;
  if not found then
    raise exception using errcode = 'P0002', message = 'ingestion job not found',
      hint = 'Check p_job_id.';
  end if;
  if v_status <> 'running' then
    raise exception using errcode = '22023', message = pg_catalog.format('the job is %s, not running', v_status),
      hint = 'Record cases only in a running job.';
  end if;

  insert into public.tribunal_cases_raw as r (
    source_name, source_url, scraper_version, raw_html, raw_text, extracted_title, extracted_case_number,
    extracted_date, extracted_tribunal, ai_classification, rule_based_classification, status, ingestion_job_id
  )
  values (
    v_source_name, pg_catalog.btrim(p_source_url), p_scraper_version, p_raw_html, p_raw_text, p_title,
    p_case_number, p_decision_date, p_tribunal, p_ai_classification, p_rule_based_classification,
    case when p_ai_classification is not null then 'classified' else 'pending' end, p_job_id
  )
  on conflict (source_name, source_url) do update
  -- Re-scraped while it awaits review: the new extraction replaces the old one.
  -- Decided (approved, rejected, duplicate) or promoted: left as it is.
  set scraper_version = coalesce(excluded.scraper_version, r.scraper_version),
    raw_html = coalesce(excluded.raw_html, r.raw_html),
    raw_text = coalesce(excluded.raw_text, r.raw_text),
    extracted_title = coalesce(excluded.extracted_title, r.extracted_title),
    extracted_case_number = coalesce(excluded.extracted_case_number, r.extracted_case_number),
    extracted_date = coalesce(excluded.extracted_date, r.extracted_date),
    extracted_tribunal = coalesce(excluded.extracted_tribunal, r.extracted_tribunal),
    ai_classification = coalesce(excluded.ai_classification, r.ai_classification),
    rule_based_classification = coalesce(excluded.rule_based_classification, r.rule_based_classification),
    status = case when coalesce(excluded.ai_classification, r.ai_classification) is not null
      then 'classified' else 'pending' end
  where r.status in ('pending', 'classified') and r.promoted_to_case_id is null
  returning r.id, (r.xmax = 0) into v_raw_id, v_created;

  if v_raw_id is null then
    -- Already decided: not touched, but it is this decision.
    select r.id into v_raw_id
    from public.tribunal_cases_raw as r
    where r.source_name = v_source_name and r.source_url = pg_catalog.btrim(p_source_url);
    v_created := false;
  end if;

  update public.ingestion_jobs as j
  set last_activity_at = pg_catalog.now(),
    items_fetched = j.items_fetched + 1,
    items_classified = j.items_classified
    + case when v_created and p_ai_classification is not null then 1 else 0 end,
    items_duplicate = j.items_duplicate + case when v_created then 0 else 1 end
  where j.id = p_job_id;

  return query select v_raw_id, v_created;
end;
$$;

create or replace function public.record_raw_case(
  p_job_id uuid,
  p_source_url text,
  p_title text default null,
  p_case_number text default null,
  p_decision_date date default null,
  p_tribunal text default null,
  p_raw_text text default null,
  p_raw_html text default null,
  p_ai_classification jsonb default null,
  p_rule_based_classification jsonb default null,
  p_scraper_version text default null
) returns table (raw_case_id uuid, created boolean)
language sql
volatile
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.record_raw_case(
    p_job_id, p_source_url, p_title, p_case_number, p_decision_date, p_tribunal, p_raw_text, p_raw_html,
    p_ai_classification, p_rule_based_classification, p_scraper_version
  )
$$;

comment on function public.record_raw_case(
  uuid, text, text, text, date, text, text, text, jsonb, jsonb, text
) is
'Ingestion workers (service_role): store a scraped decision of a running job in tribunal_cases_raw, once per '
'(source, p_source_url): a re-scrape updates it while it awaits review. Returns the raw case id and whether it is '
'new. Errors: 22023 bad input or job not running, P0002 job not found.';

-- finish_ingestion_job --------------------------------------------------------------

create or replace function private.finish_ingestion_job(p_job_id uuid, p_status text, p_error text)
returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_job public.ingestion_jobs%rowtype;
begin
  if p_job_id is null then
    raise exception using errcode = '22023', message = 'p_job_id is required',
      hint = 'Pass the id start_ingestion_job returned.';
  end if;
  if p_status is null or p_status not in ('completed', 'failed', 'cancelled') then
    raise exception using errcode = '22023', message = pg_catalog.format('invalid final status %L', p_status),
      hint = 'A job finishes completed, failed or cancelled.';
  end if;
  if p_status = 'failed' and nullif(pg_catalog.btrim(p_error), '') is null then
    raise exception using errcode = '22023', message = 'a failed job needs p_error',
      hint = 'Say what went wrong: it becomes the source''s last_error.';
  end if;
  select j.* into v_job from public.ingestion_jobs as j where j.id = p_job_id for update;
  if not found then
    raise exception using errcode = 'P0002', message = 'ingestion job not found',
      hint = 'Check p_job_id.';
  end if;
  if v_job.status not in ('queued', 'running') then
    raise exception using errcode = '23505', message = pg_catalog.format('the job is already %s', v_job.status),
      hint = 'A job finishes once.';
  end if;

  update public.ingestion_jobs as j
  set status = p_status,
    completed_at = pg_catalog.now(),
    duration_seconds = greatest(0, extract(epoch from pg_catalog.now() - j.started_at))::integer,
    error_message = case when p_status = 'completed' then null else p_error end
  where j.id = p_job_id;

  update public.tribunal_sources as s
  set last_successful_run = case when p_status = 'completed' then pg_catalog.now() else s.last_successful_run end,
    last_error = case p_status when 'completed' then null when 'failed' then p_error else s.last_error end
  where s.id = v_job.source_id and p_status in ('completed', 'failed');
end;
$$;

create or replace function public.finish_ingestion_job(p_job_id uuid, p_status text, p_error text default null)
returns void
language sql
volatile
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.finish_ingestion_job(p_job_id, p_status, p_error)
$$;

comment on function public.finish_ingestion_job(uuid, text, text) is
'Ingestion workers (service_role): finish a job completed, failed (p_error required) or cancelled; updates the '
'source''s last_successful_run / last_error. Errors: 22023 bad input, P0002 job not found, 23505 already finished.';

-- fail_stale_ingestion_jobs (cron: fail-stale-ingestion-jobs) ---------------------------

create or replace function private.fail_stale_ingestion_jobs(p_silence interval default interval '6 hours')
returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_job record;
  v_failed integer := 0;
begin
  if p_silence is null or p_silence < interval '1 minute' then
    raise exception using errcode = '22023', message = 'p_silence must be at least a minute',
      hint = 'How long a running job may stay silent before it is failed, e.g. interval ''6 hours''.';
  end if;
  -- skip locked: a job its worker is finishing or recording into right now is alive.
  for v_job in
    select j.id, j.last_activity_at
    from public.ingestion_jobs as j
    where j.status = 'running' and j.last_activity_at < pg_catalog.now() - p_silence
    order by j.last_activity_at
    for update skip locked
  loop
    -- One job at a time: a job that cannot be failed is logged and skipped, the others still are.
    begin
      perform private.finish_ingestion_job(v_job.id, 'failed', pg_catalog.format(
        'the worker stopped reporting: no activity since %s (failed after %s of silence by fail-stale-ingestion-jobs)',
        v_job.last_activity_at, p_silence
      ));
      v_failed := v_failed + 1;
    exception when others then
      raise warning using message = pg_catalog.format(
        'fail-stale-ingestion-jobs: job %s skipped (%s: %s)', v_job.id, sqlstate, sqlerrm
      );
    end;
  end loop;
  return v_failed;
end;
$$;

comment on function private.fail_stale_ingestion_jobs(interval) is
'Cron (fail-stale-ingestion-jobs, hourly): fails running ingestion jobs silent for p_silence (default 6 hours), '
'setting their source''s last_error and freeing its schedule. Returns how many. Owner only.';

revoke all on function private.fail_stale_ingestion_jobs(interval) from public, anon, authenticated, service_role;

-- Grants: the workers only --------------------------------------------------------------

revoke all on function
private.start_ingestion_job(uuid, text),
public.start_ingestion_job(uuid, text),
private.record_raw_case(uuid, text, text, text, date, text, text, text, jsonb, jsonb, text),
public.record_raw_case(uuid, text, text, text, date, text, text, text, jsonb, jsonb, text),
private.finish_ingestion_job(uuid, text, text),
public.finish_ingestion_job(uuid, text, text)
from public, anon, authenticated;

grant execute on function
private.start_ingestion_job(uuid, text),
public.start_ingestion_job(uuid, text),
private.record_raw_case(uuid, text, text, text, date, text, text, text, jsonb, jsonb, text),
public.record_raw_case(uuid, text, text, text, date, text, text, text, jsonb, jsonb, text),
private.finish_ingestion_job(uuid, text, text),
public.finish_ingestion_job(uuid, text, text)
to service_role;
