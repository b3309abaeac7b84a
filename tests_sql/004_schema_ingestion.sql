/*
  004_schema_ingestion: tribunal case law, from scraper to curated case
  (migrations/004_ingestion.sql, with the lineage keys of 008_forward_keys).

  Proves, for tribunal_sources, ingestion_jobs, tribunal_cases_raw,
  tribunal_cases and classification_feedback: every column with its type,
  nullability and default; keys with their ON DELETE rules; every index by
  name and definition; triggers; Row Level Security; and that each CHECK
  rejects a bad value while the boundary values pass. The migrations'
  documented choices are what is asserted: raw cases keep their row when
  their job goes (ingestion_job_id on delete set null), the lineage keys
  between raw and curated cases are on delete set null, feedback must name
  a raw case, a curated case or both, and its reviewer is required.
*/
begin;
create extension if not exists pgtap with schema extensions;
select plan(418);

-- Arrange (as the superuser) ----------------------------------------------------

insert into auth.users (id, email, raw_user_meta_data) values
('00000000-0000-0000-0000-0000000000a1', 'reviewer@example.org', '{"full_name": "Rita Reviewer"}');

insert into public.tribunal_sources (id, name, tribunal, base_url, scraper_config) values
('00000000-0000-0000-0000-000000000101', 'T004 HRTO', 'Human Rights Tribunal of Ontario', 'https://example.org/hrto',
  '{}');

insert into public.ingestion_jobs (id, source_id) values
('00000000-0000-0000-0000-000000000201', '00000000-0000-0000-0000-000000000101');

insert into public.tribunal_cases_raw (id, source_name, source_url, ingestion_job_id) values
('00000000-0000-0000-0000-000000000301', 'HRTO', 'https://example.org/hrto/1', '00000000-0000-0000-0000-000000000201');

insert into public.tribunal_cases (id, case_number, title, tribunal, source_url, ingested_from_raw_id) values
('00000000-0000-0000-0000-000000000401', '2024 HRTO 1', 'A v. B', 'HRTO', 'https://example.org/hrto/1',
 '00000000-0000-0000-0000-000000000301');

-- Structure, table by table: each column, key, index and trigger as the migrations define it

-- tribunal_sources: structure --------------------------------------------------

select has_table('public', 'tribunal_sources', 'public.tribunal_sources exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.tribunal_sources'::regclass$$,
  array[true],
  'tribunal_sources has row level security enabled'
);
select columns_are(
  'public', 'tribunal_sources',
  array['id', 'name', 'tribunal', 'base_url', 'scraper_type', 'scraper_config', 'is_active', 'schedule_cron',
    'priority', 'rate_limit_delay_seconds', 'max_concurrent_requests', 'created_at', 'updated_at',
    'last_successful_run', 'last_error'],
  'tribunal_sources has exactly its 15 columns'
);

select col_type_is('public', 'tribunal_sources', 'id', 'uuid', 'tribunal_sources.id is uuid');
select col_not_null('public', 'tribunal_sources', 'id', 'tribunal_sources.id is not null');
select col_default_is(
  'public', 'tribunal_sources', 'id', 'gen_random_uuid()'::text,
  'tribunal_sources.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'tribunal_sources', 'name', 'text', 'tribunal_sources.name is text');
select col_not_null('public', 'tribunal_sources', 'name', 'tribunal_sources.name is not null');
select col_type_is('public', 'tribunal_sources', 'tribunal', 'text', 'tribunal_sources.tribunal is text');
select col_not_null('public', 'tribunal_sources', 'tribunal', 'tribunal_sources.tribunal is not null');
select col_type_is('public', 'tribunal_sources', 'base_url', 'text', 'tribunal_sources.base_url is text');
select col_not_null('public', 'tribunal_sources', 'base_url', 'tribunal_sources.base_url is not null');
select col_type_is('public', 'tribunal_sources', 'scraper_type', 'text', 'tribunal_sources.scraper_type is text');
select col_not_null('public', 'tribunal_sources', 'scraper_type', 'tribunal_sources.scraper_type is not null');
select col_default_is(
  'public', 'tribunal_sources', 'scraper_type', 'generic'::text,
  'tribunal_sources.scraper_type defaults to ''generic'''
);
select col_type_is('public', 'tribunal_sources', 'scraper_config', 'jsonb', 'tribunal_sources.scraper_config is jsonb');
select col_not_null('public', 'tribunal_sources', 'scraper_config', 'tribunal_sources.scraper_config is not null');
select col_type_is('public', 'tribunal_sources', 'is_active', 'boolean', 'tribunal_sources.is_active is boolean');
select col_not_null('public', 'tribunal_sources', 'is_active', 'tribunal_sources.is_active is not null');
select col_default_is(
  'public', 'tribunal_sources', 'is_active', true::boolean,
  'tribunal_sources.is_active defaults to true'
);
select col_type_is('public', 'tribunal_sources', 'schedule_cron', 'text', 'tribunal_sources.schedule_cron is text');
select col_not_null('public', 'tribunal_sources', 'schedule_cron', 'tribunal_sources.schedule_cron is not null');
select col_default_is(
  'public', 'tribunal_sources', 'schedule_cron', '0 2 * * *'::text,
  'tribunal_sources.schedule_cron defaults to ''0 2 * * *'''
);
select col_type_is('public', 'tribunal_sources', 'priority', 'integer', 'tribunal_sources.priority is integer');
select col_not_null('public', 'tribunal_sources', 'priority', 'tribunal_sources.priority is not null');
select col_default_is('public', 'tribunal_sources', 'priority', 5::integer, 'tribunal_sources.priority defaults to 5');
select col_type_is(
  'public', 'tribunal_sources', 'rate_limit_delay_seconds', 'numeric(5,2)',
  'tribunal_sources.rate_limit_delay_seconds is numeric(5,2)'
);
select col_not_null(
  'public', 'tribunal_sources', 'rate_limit_delay_seconds',
  'tribunal_sources.rate_limit_delay_seconds is not null'
);
select col_default_is(
  'public', 'tribunal_sources', 'rate_limit_delay_seconds', 2.0::numeric,
  'tribunal_sources.rate_limit_delay_seconds defaults to 2.0'
);
select col_type_is(
  'public', 'tribunal_sources', 'max_concurrent_requests', 'integer',
  'tribunal_sources.max_concurrent_requests is integer'
);
select col_not_null(
  'public', 'tribunal_sources', 'max_concurrent_requests',
  'tribunal_sources.max_concurrent_requests is not null'
);
select col_default_is(
  'public', 'tribunal_sources', 'max_concurrent_requests', 1::integer,
  'tribunal_sources.max_concurrent_requests defaults to 1'
);
select col_type_is(
  'public', 'tribunal_sources', 'created_at', 'timestamp with time zone',
  'tribunal_sources.created_at is timestamp with time zone'
);
select col_not_null('public', 'tribunal_sources', 'created_at', 'tribunal_sources.created_at is not null');
select col_has_default('public', 'tribunal_sources', 'created_at', 'tribunal_sources.created_at has a default (now())');
select col_type_is(
  'public', 'tribunal_sources', 'updated_at', 'timestamp with time zone',
  'tribunal_sources.updated_at is timestamp with time zone'
);
select col_not_null('public', 'tribunal_sources', 'updated_at', 'tribunal_sources.updated_at is not null');
select col_has_default('public', 'tribunal_sources', 'updated_at', 'tribunal_sources.updated_at has a default (now())');
select col_type_is(
  'public', 'tribunal_sources', 'last_successful_run', 'timestamp with time zone',
  'tribunal_sources.last_successful_run is timestamp with time zone'
);
select col_is_null(
  'public', 'tribunal_sources', 'last_successful_run',
  'tribunal_sources.last_successful_run may be null'
);
select col_type_is('public', 'tribunal_sources', 'last_error', 'text', 'tribunal_sources.last_error is text');
select col_is_null('public', 'tribunal_sources', 'last_error', 'tribunal_sources.last_error may be null');

select has_pk('public', 'tribunal_sources', 'tribunal_sources has a primary key');
select col_is_pk('public', 'tribunal_sources', array['id']::name[], 'the primary key of tribunal_sources is (id)');
select col_is_unique(
  'public', 'tribunal_sources',
  array['name']::name[],
  '(name) is unique in tribunal_sources (tribunal_sources_name_key)'
);

select has_index('public', 'tribunal_sources', 'idx_sources_active', 'index idx_sources_active exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_sources_active'$$,
  array['CREATE INDEX idx_sources_active ON public.tribunal_sources USING btree (is_active, priority DESC)'],
  'idx_sources_active has its definition'
);
select has_index('public', 'tribunal_sources', 'tribunal_sources_name_key', 'index tribunal_sources_name_key exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'tribunal_sources_name_key'$$,
  array['CREATE UNIQUE INDEX tribunal_sources_name_key ON public.tribunal_sources USING btree (name)'],
  'tribunal_sources_name_key has its definition'
);

select has_trigger('public', 'tribunal_sources', 'set_updated_at', 'tribunal_sources has the trigger set_updated_at');
select trigger_is(
  'public', 'tribunal_sources', 'set_updated_at', 'private', 'set_updated_at',
  'trigger tribunal_sources.set_updated_at runs private.set_updated_at()'
);

-- ingestion_jobs: structure ----------------------------------------------------

select has_table('public', 'ingestion_jobs', 'public.ingestion_jobs exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.ingestion_jobs'::regclass$$,
  array[true],
  'ingestion_jobs has row level security enabled'
);
select columns_are(
  'public', 'ingestion_jobs',
  array['id', 'source_id', 'job_type', 'status', 'items_fetched', 'items_classified', 'items_approved',
    'items_rejected', 'items_duplicate', 'started_at', 'completed_at', 'duration_seconds', 'error_message',
    'error_stack', 'execution_log', 'triggered_by', 'created_at', 'last_activity_at'],
  'ingestion_jobs has exactly its 18 columns (last_activity_at: 027)'
);

select col_type_is('public', 'ingestion_jobs', 'id', 'uuid', 'ingestion_jobs.id is uuid');
select col_not_null('public', 'ingestion_jobs', 'id', 'ingestion_jobs.id is not null');
select col_default_is(
  'public', 'ingestion_jobs', 'id', 'gen_random_uuid()'::text,
  'ingestion_jobs.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'ingestion_jobs', 'source_id', 'uuid', 'ingestion_jobs.source_id is uuid');
select col_not_null('public', 'ingestion_jobs', 'source_id', 'ingestion_jobs.source_id is not null');
select col_type_is('public', 'ingestion_jobs', 'job_type', 'text', 'ingestion_jobs.job_type is text');
select col_not_null('public', 'ingestion_jobs', 'job_type', 'ingestion_jobs.job_type is not null');
select col_default_is(
  'public', 'ingestion_jobs', 'job_type', 'scheduled'::text,
  'ingestion_jobs.job_type defaults to ''scheduled'''
);
select col_type_is('public', 'ingestion_jobs', 'status', 'text', 'ingestion_jobs.status is text');
select col_not_null('public', 'ingestion_jobs', 'status', 'ingestion_jobs.status is not null');
select col_default_is(
  'public', 'ingestion_jobs', 'status', 'running'::text,
  'ingestion_jobs.status defaults to ''running'''
);
select col_type_is('public', 'ingestion_jobs', 'items_fetched', 'integer', 'ingestion_jobs.items_fetched is integer');
select col_not_null('public', 'ingestion_jobs', 'items_fetched', 'ingestion_jobs.items_fetched is not null');
select col_default_is(
  'public', 'ingestion_jobs', 'items_fetched', 0::integer,
  'ingestion_jobs.items_fetched defaults to 0'
);
select col_type_is(
  'public', 'ingestion_jobs', 'items_classified', 'integer',
  'ingestion_jobs.items_classified is integer'
);
select col_not_null('public', 'ingestion_jobs', 'items_classified', 'ingestion_jobs.items_classified is not null');
select col_default_is(
  'public', 'ingestion_jobs', 'items_classified', 0::integer,
  'ingestion_jobs.items_classified defaults to 0'
);
select col_type_is('public', 'ingestion_jobs', 'items_approved', 'integer', 'ingestion_jobs.items_approved is integer');
select col_not_null('public', 'ingestion_jobs', 'items_approved', 'ingestion_jobs.items_approved is not null');
select col_default_is(
  'public', 'ingestion_jobs', 'items_approved', 0::integer,
  'ingestion_jobs.items_approved defaults to 0'
);
select col_type_is('public', 'ingestion_jobs', 'items_rejected', 'integer', 'ingestion_jobs.items_rejected is integer');
select col_not_null('public', 'ingestion_jobs', 'items_rejected', 'ingestion_jobs.items_rejected is not null');
select col_default_is(
  'public', 'ingestion_jobs', 'items_rejected', 0::integer,
  'ingestion_jobs.items_rejected defaults to 0'
);
select col_type_is(
  'public', 'ingestion_jobs', 'items_duplicate', 'integer',
  'ingestion_jobs.items_duplicate is integer'
);
select col_not_null('public', 'ingestion_jobs', 'items_duplicate', 'ingestion_jobs.items_duplicate is not null');
select col_default_is(
  'public', 'ingestion_jobs', 'items_duplicate', 0::integer,
  'ingestion_jobs.items_duplicate defaults to 0'
);
select col_type_is(
  'public', 'ingestion_jobs', 'started_at', 'timestamp with time zone',
  'ingestion_jobs.started_at is timestamp with time zone'
);
select col_not_null('public', 'ingestion_jobs', 'started_at', 'ingestion_jobs.started_at is not null');
select col_has_default('public', 'ingestion_jobs', 'started_at', 'ingestion_jobs.started_at has a default (now())');
select col_type_is(
  'public', 'ingestion_jobs', 'completed_at', 'timestamp with time zone',
  'ingestion_jobs.completed_at is timestamp with time zone'
);
select col_is_null('public', 'ingestion_jobs', 'completed_at', 'ingestion_jobs.completed_at may be null');
select col_type_is(
  'public', 'ingestion_jobs', 'duration_seconds', 'integer',
  'ingestion_jobs.duration_seconds is integer'
);
select col_is_null('public', 'ingestion_jobs', 'duration_seconds', 'ingestion_jobs.duration_seconds may be null');
select col_type_is('public', 'ingestion_jobs', 'error_message', 'text', 'ingestion_jobs.error_message is text');
select col_is_null('public', 'ingestion_jobs', 'error_message', 'ingestion_jobs.error_message may be null');
select col_type_is('public', 'ingestion_jobs', 'error_stack', 'text', 'ingestion_jobs.error_stack is text');
select col_is_null('public', 'ingestion_jobs', 'error_stack', 'ingestion_jobs.error_stack may be null');
select col_type_is('public', 'ingestion_jobs', 'execution_log', 'jsonb', 'ingestion_jobs.execution_log is jsonb');
select col_not_null('public', 'ingestion_jobs', 'execution_log', 'ingestion_jobs.execution_log is not null');
select col_default_is(
  'public', 'ingestion_jobs', 'execution_log', '[]'::jsonb,
  'ingestion_jobs.execution_log defaults to []'
);
select col_type_is('public', 'ingestion_jobs', 'triggered_by', 'uuid', 'ingestion_jobs.triggered_by is uuid');
select col_is_null('public', 'ingestion_jobs', 'triggered_by', 'ingestion_jobs.triggered_by may be null');
select col_type_is(
  'public', 'ingestion_jobs', 'created_at', 'timestamp with time zone',
  'ingestion_jobs.created_at is timestamp with time zone'
);
select col_not_null('public', 'ingestion_jobs', 'created_at', 'ingestion_jobs.created_at is not null');
select col_has_default('public', 'ingestion_jobs', 'created_at', 'ingestion_jobs.created_at has a default (now())');

select has_pk('public', 'ingestion_jobs', 'ingestion_jobs has a primary key');
select col_is_pk('public', 'ingestion_jobs', array['id']::name[], 'the primary key of ingestion_jobs is (id)');

select fk_ok(
  'public', 'ingestion_jobs',
  array['source_id']::name[],
  'public', 'tribunal_sources',
  array['id']::name[],
  'ingestion_jobs(source_id) references public.tribunal_sources(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.ingestion_jobs'::regclass
    and conname = 'ingestion_jobs_source_id_fkey'$$,
  array['c'],
  'ingestion_jobs_source_id_fkey is on delete cascade'
);
select fk_ok(
  'public', 'ingestion_jobs',
  array['triggered_by']::name[],
  'public', 'profiles',
  array['id']::name[],
  'ingestion_jobs(triggered_by) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.ingestion_jobs'::regclass
    and conname = 'ingestion_jobs_triggered_by_fkey'$$,
  array['n'],
  'ingestion_jobs_triggered_by_fkey is on delete set null'
);

select has_index('public', 'ingestion_jobs', 'idx_jobs_source', 'index idx_jobs_source exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_jobs_source'$$,
  array['CREATE INDEX idx_jobs_source ON public.ingestion_jobs USING btree (source_id, started_at DESC)'],
  'idx_jobs_source has its definition'
);
select has_index('public', 'ingestion_jobs', 'idx_jobs_status', 'index idx_jobs_status exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_jobs_status'$$,
  array['CREATE INDEX idx_jobs_status ON public.ingestion_jobs USING btree (status)'],
  'idx_jobs_status has its definition'
);
select has_index('public', 'ingestion_jobs', 'idx_jobs_triggered_by', 'index idx_jobs_triggered_by exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_jobs_triggered_by'$$,
  array['CREATE INDEX idx_jobs_triggered_by ON public.ingestion_jobs USING btree (triggered_by)'],
  'idx_jobs_triggered_by has its definition'
);


-- tribunal_cases_raw: structure ------------------------------------------------

select has_table('public', 'tribunal_cases_raw', 'public.tribunal_cases_raw exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.tribunal_cases_raw'::regclass$$,
  array[true],
  'tribunal_cases_raw has row level security enabled'
);
select columns_are(
  'public', 'tribunal_cases_raw',
  array['id', 'source_name', 'source_url', 'scraper_version', 'raw_html', 'raw_text', 'extracted_title',
    'extracted_case_number', 'extracted_date', 'extracted_tribunal', 'ai_classification', 'rule_based_classification',
    'status', 'rejection_reason', 'is_duplicate', 'duplicate_of_case_id', 'ingestion_job_id', 'promoted_to_case_id',
    'reviewed_by', 'reviewed_at', 'created_at', 'updated_at'],
  'tribunal_cases_raw has exactly its 22 columns'
);

select col_type_is('public', 'tribunal_cases_raw', 'id', 'uuid', 'tribunal_cases_raw.id is uuid');
select col_not_null('public', 'tribunal_cases_raw', 'id', 'tribunal_cases_raw.id is not null');
select col_default_is(
  'public', 'tribunal_cases_raw', 'id', 'gen_random_uuid()'::text,
  'tribunal_cases_raw.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'tribunal_cases_raw', 'source_name', 'text', 'tribunal_cases_raw.source_name is text');
select col_not_null('public', 'tribunal_cases_raw', 'source_name', 'tribunal_cases_raw.source_name is not null');
select col_type_is('public', 'tribunal_cases_raw', 'source_url', 'text', 'tribunal_cases_raw.source_url is text');
select col_not_null('public', 'tribunal_cases_raw', 'source_url', 'tribunal_cases_raw.source_url is not null');
select col_type_is(
  'public', 'tribunal_cases_raw', 'scraper_version', 'text',
  'tribunal_cases_raw.scraper_version is text'
);
select col_is_null('public', 'tribunal_cases_raw', 'scraper_version', 'tribunal_cases_raw.scraper_version may be null');
select col_type_is('public', 'tribunal_cases_raw', 'raw_html', 'text', 'tribunal_cases_raw.raw_html is text');
select col_is_null('public', 'tribunal_cases_raw', 'raw_html', 'tribunal_cases_raw.raw_html may be null');
select col_type_is('public', 'tribunal_cases_raw', 'raw_text', 'text', 'tribunal_cases_raw.raw_text is text');
select col_is_null('public', 'tribunal_cases_raw', 'raw_text', 'tribunal_cases_raw.raw_text may be null');
select col_type_is(
  'public', 'tribunal_cases_raw', 'extracted_title', 'text',
  'tribunal_cases_raw.extracted_title is text'
);
select col_is_null('public', 'tribunal_cases_raw', 'extracted_title', 'tribunal_cases_raw.extracted_title may be null');
select col_type_is(
  'public', 'tribunal_cases_raw', 'extracted_case_number', 'text',
  'tribunal_cases_raw.extracted_case_number is text'
);
select col_is_null(
  'public', 'tribunal_cases_raw', 'extracted_case_number',
  'tribunal_cases_raw.extracted_case_number may be null'
);
select col_type_is(
  'public', 'tribunal_cases_raw', 'extracted_date', 'date',
  'tribunal_cases_raw.extracted_date is date'
);
select col_is_null('public', 'tribunal_cases_raw', 'extracted_date', 'tribunal_cases_raw.extracted_date may be null');
select col_type_is(
  'public', 'tribunal_cases_raw', 'extracted_tribunal', 'text',
  'tribunal_cases_raw.extracted_tribunal is text'
);
select col_is_null(
  'public', 'tribunal_cases_raw', 'extracted_tribunal',
  'tribunal_cases_raw.extracted_tribunal may be null'
);
select col_type_is(
  'public', 'tribunal_cases_raw', 'ai_classification', 'jsonb',
  'tribunal_cases_raw.ai_classification is jsonb'
);
select col_is_null(
  'public', 'tribunal_cases_raw', 'ai_classification',
  'tribunal_cases_raw.ai_classification may be null'
);
select col_type_is(
  'public', 'tribunal_cases_raw', 'rule_based_classification', 'jsonb',
  'tribunal_cases_raw.rule_based_classification is jsonb'
);
select col_is_null(
  'public', 'tribunal_cases_raw', 'rule_based_classification',
  'tribunal_cases_raw.rule_based_classification may be null'
);
select col_type_is('public', 'tribunal_cases_raw', 'status', 'text', 'tribunal_cases_raw.status is text');
select col_not_null('public', 'tribunal_cases_raw', 'status', 'tribunal_cases_raw.status is not null');
select col_default_is(
  'public', 'tribunal_cases_raw', 'status', 'pending'::text,
  'tribunal_cases_raw.status defaults to ''pending'''
);
select col_type_is(
  'public', 'tribunal_cases_raw', 'rejection_reason', 'text',
  'tribunal_cases_raw.rejection_reason is text'
);
select col_is_null(
  'public', 'tribunal_cases_raw', 'rejection_reason',
  'tribunal_cases_raw.rejection_reason may be null'
);
select col_type_is(
  'public', 'tribunal_cases_raw', 'is_duplicate', 'boolean',
  'tribunal_cases_raw.is_duplicate is boolean'
);
select col_not_null('public', 'tribunal_cases_raw', 'is_duplicate', 'tribunal_cases_raw.is_duplicate is not null');
select col_default_is(
  'public', 'tribunal_cases_raw', 'is_duplicate', false::boolean,
  'tribunal_cases_raw.is_duplicate defaults to false'
);
select col_type_is(
  'public', 'tribunal_cases_raw', 'duplicate_of_case_id', 'uuid',
  'tribunal_cases_raw.duplicate_of_case_id is uuid'
);
select col_is_null(
  'public', 'tribunal_cases_raw', 'duplicate_of_case_id',
  'tribunal_cases_raw.duplicate_of_case_id may be null'
);
select col_type_is(
  'public', 'tribunal_cases_raw', 'ingestion_job_id', 'uuid',
  'tribunal_cases_raw.ingestion_job_id is uuid'
);
select col_is_null(
  'public', 'tribunal_cases_raw', 'ingestion_job_id',
  'tribunal_cases_raw.ingestion_job_id may be null'
);
select col_type_is(
  'public', 'tribunal_cases_raw', 'promoted_to_case_id', 'uuid',
  'tribunal_cases_raw.promoted_to_case_id is uuid'
);
select col_is_null(
  'public', 'tribunal_cases_raw', 'promoted_to_case_id',
  'tribunal_cases_raw.promoted_to_case_id may be null'
);
select col_type_is('public', 'tribunal_cases_raw', 'reviewed_by', 'uuid', 'tribunal_cases_raw.reviewed_by is uuid');
select col_is_null('public', 'tribunal_cases_raw', 'reviewed_by', 'tribunal_cases_raw.reviewed_by may be null');
select col_type_is(
  'public', 'tribunal_cases_raw', 'reviewed_at', 'timestamp with time zone',
  'tribunal_cases_raw.reviewed_at is timestamp with time zone'
);
select col_is_null('public', 'tribunal_cases_raw', 'reviewed_at', 'tribunal_cases_raw.reviewed_at may be null');
select col_type_is(
  'public', 'tribunal_cases_raw', 'created_at', 'timestamp with time zone',
  'tribunal_cases_raw.created_at is timestamp with time zone'
);
select col_not_null('public', 'tribunal_cases_raw', 'created_at', 'tribunal_cases_raw.created_at is not null');
select col_has_default(
  'public', 'tribunal_cases_raw', 'created_at',
  'tribunal_cases_raw.created_at has a default (now())'
);
select col_type_is(
  'public', 'tribunal_cases_raw', 'updated_at', 'timestamp with time zone',
  'tribunal_cases_raw.updated_at is timestamp with time zone'
);
select col_not_null('public', 'tribunal_cases_raw', 'updated_at', 'tribunal_cases_raw.updated_at is not null');
select col_has_default(
  'public', 'tribunal_cases_raw', 'updated_at',
  'tribunal_cases_raw.updated_at has a default (now())'
);

select has_pk('public', 'tribunal_cases_raw', 'tribunal_cases_raw has a primary key');
select col_is_pk('public', 'tribunal_cases_raw', array['id']::name[], 'the primary key of tribunal_cases_raw is (id)');

select fk_ok(
  'public', 'tribunal_cases_raw',
  array['duplicate_of_case_id']::name[],
  'public', 'tribunal_cases',
  array['id']::name[],
  'tribunal_cases_raw(duplicate_of_case_id) references public.tribunal_cases(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.tribunal_cases_raw'::regclass
    and conname = 'tribunal_cases_raw_duplicate_of_case_id_fkey'$$,
  array['n'],
  'tribunal_cases_raw_duplicate_of_case_id_fkey is on delete set null'
);
select fk_ok(
  'public', 'tribunal_cases_raw',
  array['ingestion_job_id']::name[],
  'public', 'ingestion_jobs',
  array['id']::name[],
  'tribunal_cases_raw(ingestion_job_id) references public.ingestion_jobs(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.tribunal_cases_raw'::regclass
    and conname = 'tribunal_cases_raw_ingestion_job_id_fkey'$$,
  array['n'],
  'tribunal_cases_raw_ingestion_job_id_fkey is on delete set null'
);
select fk_ok(
  'public', 'tribunal_cases_raw',
  array['promoted_to_case_id']::name[],
  'public', 'tribunal_cases',
  array['id']::name[],
  'tribunal_cases_raw(promoted_to_case_id) references public.tribunal_cases(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.tribunal_cases_raw'::regclass
    and conname = 'tribunal_cases_raw_promoted_to_case_id_fkey'$$,
  array['n'],
  'tribunal_cases_raw_promoted_to_case_id_fkey is on delete set null'
);
select fk_ok(
  'public', 'tribunal_cases_raw',
  array['reviewed_by']::name[],
  'public', 'profiles',
  array['id']::name[],
  'tribunal_cases_raw(reviewed_by) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.tribunal_cases_raw'::regclass
    and conname = 'tribunal_cases_raw_reviewed_by_fkey'$$,
  array['n'],
  'tribunal_cases_raw_reviewed_by_fkey is on delete set null'
);

select has_index('public', 'tribunal_cases_raw', 'idx_raw_cases_duplicate', 'index idx_raw_cases_duplicate exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_raw_cases_duplicate'$$,
  array['CREATE INDEX idx_raw_cases_duplicate ON public.tribunal_cases_raw USING btree (is_duplicate, '
    'duplicate_of_case_id)'],
  'idx_raw_cases_duplicate has its definition'
);
select has_index(
  'public', 'tribunal_cases_raw', 'idx_raw_cases_duplicate_of',
  'index idx_raw_cases_duplicate_of exists'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_raw_cases_duplicate_of'$$,
  array['CREATE INDEX idx_raw_cases_duplicate_of ON public.tribunal_cases_raw USING btree (duplicate_of_case_id) WHERE '
    '(duplicate_of_case_id IS NOT NULL)'],
  'idx_raw_cases_duplicate_of has its definition'
);
select has_index('public', 'tribunal_cases_raw', 'idx_raw_cases_job', 'index idx_raw_cases_job exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_raw_cases_job'$$,
  array['CREATE INDEX idx_raw_cases_job ON public.tribunal_cases_raw USING btree (ingestion_job_id)'],
  'idx_raw_cases_job has its definition'
);
select has_index('public', 'tribunal_cases_raw', 'idx_raw_cases_promoted_to', 'index idx_raw_cases_promoted_to exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_raw_cases_promoted_to'$$,
  array['CREATE INDEX idx_raw_cases_promoted_to ON public.tribunal_cases_raw USING btree (promoted_to_case_id) WHERE '
    '(promoted_to_case_id IS NOT NULL)'],
  'idx_raw_cases_promoted_to has its definition'
);
select has_index('public', 'tribunal_cases_raw', 'idx_raw_cases_reviewed_by', 'index idx_raw_cases_reviewed_by exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_raw_cases_reviewed_by'$$,
  array['CREATE INDEX idx_raw_cases_reviewed_by ON public.tribunal_cases_raw USING btree (reviewed_by)'],
  'idx_raw_cases_reviewed_by has its definition'
);
select has_index('public', 'tribunal_cases_raw', 'idx_raw_cases_source', 'index idx_raw_cases_source exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_raw_cases_source'$$,
  array['CREATE INDEX idx_raw_cases_source ON public.tribunal_cases_raw USING btree (source_name)'],
  'idx_raw_cases_source has its definition'
);
select has_index('public', 'tribunal_cases_raw', 'idx_raw_cases_status', 'index idx_raw_cases_status exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_raw_cases_status'$$,
  array['CREATE INDEX idx_raw_cases_status ON public.tribunal_cases_raw USING btree (status)'],
  'idx_raw_cases_status has its definition'
);

select has_trigger(
  'public', 'tribunal_cases_raw', 'set_updated_at',
  'tribunal_cases_raw has the trigger set_updated_at'
);
select trigger_is(
  'public', 'tribunal_cases_raw', 'set_updated_at', 'private', 'set_updated_at',
  'trigger tribunal_cases_raw.set_updated_at runs private.set_updated_at()'
);

-- tribunal_cases: structure ----------------------------------------------------

select has_table('public', 'tribunal_cases', 'public.tribunal_cases exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.tribunal_cases'::regclass$$,
  array[true],
  'tribunal_cases has row level security enabled'
);
select columns_are('public', 'tribunal_cases', array['id', 'case_number', 'title', 'tribunal', 'source_url',
  'decision_date', 'year', 'summary_en', 'summary_fr', 'full_text_en', 'full_text_fr', 'outcome', 'protected_ground',
  'discrimination_type', 'race_category', 'is_race_related', 'is_anti_black_specific', 'relevance_score',
  'precedent_value', 'key_legal_principles', 'remedies_awarded', 'monetary_award', 'ai_generated_summary', 'ai_tags',
  'ai_confidence_score', 'ai_classification_model', 'ai_classified_at', 'keywords', 'complexity_level', 'featured',
  'ingested_from_raw_id', 'manually_reviewed', 'reviewed_by', 'reviewed_at', 'created_at', 'updated_at', 'deleted_at',
  'search_en', 'search_fr', 'rank_doc_en', 'rank_doc_fr', 'embedding', 'embedding_model'],
  'tribunal_cases has exactly its 43 columns (6 from 023_case_search)');

select col_type_is('public', 'tribunal_cases', 'id', 'uuid', 'tribunal_cases.id is uuid');
select col_not_null('public', 'tribunal_cases', 'id', 'tribunal_cases.id is not null');
select col_default_is(
  'public', 'tribunal_cases', 'id', 'gen_random_uuid()'::text,
  'tribunal_cases.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'tribunal_cases', 'case_number', 'text', 'tribunal_cases.case_number is text');
select col_not_null('public', 'tribunal_cases', 'case_number', 'tribunal_cases.case_number is not null');
select col_type_is('public', 'tribunal_cases', 'title', 'text', 'tribunal_cases.title is text');
select col_not_null('public', 'tribunal_cases', 'title', 'tribunal_cases.title is not null');
select col_type_is('public', 'tribunal_cases', 'tribunal', 'text', 'tribunal_cases.tribunal is text');
select col_not_null('public', 'tribunal_cases', 'tribunal', 'tribunal_cases.tribunal is not null');
select col_type_is('public', 'tribunal_cases', 'source_url', 'text', 'tribunal_cases.source_url is text');
select col_not_null('public', 'tribunal_cases', 'source_url', 'tribunal_cases.source_url is not null');
select col_type_is('public', 'tribunal_cases', 'decision_date', 'date', 'tribunal_cases.decision_date is date');
select col_is_null('public', 'tribunal_cases', 'decision_date', 'tribunal_cases.decision_date may be null');
select col_type_is('public', 'tribunal_cases', 'year', 'integer', 'tribunal_cases.year is integer');
select col_is_null('public', 'tribunal_cases', 'year', 'tribunal_cases.year may be null');
select col_type_is('public', 'tribunal_cases', 'summary_en', 'text', 'tribunal_cases.summary_en is text');
select col_is_null('public', 'tribunal_cases', 'summary_en', 'tribunal_cases.summary_en may be null');
select col_type_is('public', 'tribunal_cases', 'summary_fr', 'text', 'tribunal_cases.summary_fr is text');
select col_is_null('public', 'tribunal_cases', 'summary_fr', 'tribunal_cases.summary_fr may be null');
select col_type_is('public', 'tribunal_cases', 'full_text_en', 'text', 'tribunal_cases.full_text_en is text');
select col_is_null('public', 'tribunal_cases', 'full_text_en', 'tribunal_cases.full_text_en may be null');
select col_type_is('public', 'tribunal_cases', 'full_text_fr', 'text', 'tribunal_cases.full_text_fr is text');
select col_is_null('public', 'tribunal_cases', 'full_text_fr', 'tribunal_cases.full_text_fr may be null');
select col_type_is('public', 'tribunal_cases', 'outcome', 'text', 'tribunal_cases.outcome is text');
select col_is_null('public', 'tribunal_cases', 'outcome', 'tribunal_cases.outcome may be null');
select col_type_is(
  'public', 'tribunal_cases', 'protected_ground', 'text[]',
  'tribunal_cases.protected_ground is text[]'
);
select col_not_null('public', 'tribunal_cases', 'protected_ground', 'tribunal_cases.protected_ground is not null');
select col_default_is(
  'public', 'tribunal_cases', 'protected_ground', '{}'::text[],
  'tribunal_cases.protected_ground defaults to {}'
);
select col_type_is(
  'public', 'tribunal_cases', 'discrimination_type', 'text[]',
  'tribunal_cases.discrimination_type is text[]'
);
select col_not_null(
  'public', 'tribunal_cases', 'discrimination_type',
  'tribunal_cases.discrimination_type is not null'
);
select col_default_is(
  'public', 'tribunal_cases', 'discrimination_type', '{}'::text[],
  'tribunal_cases.discrimination_type defaults to {}'
);
select col_type_is('public', 'tribunal_cases', 'race_category', 'text', 'tribunal_cases.race_category is text');
select col_is_null('public', 'tribunal_cases', 'race_category', 'tribunal_cases.race_category may be null');
select col_type_is(
  'public', 'tribunal_cases', 'is_race_related', 'boolean',
  'tribunal_cases.is_race_related is boolean'
);
select col_not_null('public', 'tribunal_cases', 'is_race_related', 'tribunal_cases.is_race_related is not null');
select col_default_is(
  'public', 'tribunal_cases', 'is_race_related', false::boolean,
  'tribunal_cases.is_race_related defaults to false'
);
select col_type_is(
  'public', 'tribunal_cases', 'is_anti_black_specific', 'boolean',
  'tribunal_cases.is_anti_black_specific is boolean'
);
select col_not_null(
  'public', 'tribunal_cases', 'is_anti_black_specific',
  'tribunal_cases.is_anti_black_specific is not null'
);
select col_default_is(
  'public', 'tribunal_cases', 'is_anti_black_specific', false::boolean,
  'tribunal_cases.is_anti_black_specific defaults to false'
);
select col_type_is(
  'public', 'tribunal_cases', 'relevance_score', 'numeric(3,2)',
  'tribunal_cases.relevance_score is numeric(3,2)'
);
select col_is_null('public', 'tribunal_cases', 'relevance_score', 'tribunal_cases.relevance_score may be null');
select col_type_is('public', 'tribunal_cases', 'precedent_value', 'text', 'tribunal_cases.precedent_value is text');
select col_is_null('public', 'tribunal_cases', 'precedent_value', 'tribunal_cases.precedent_value may be null');
select col_type_is(
  'public', 'tribunal_cases', 'key_legal_principles', 'text[]',
  'tribunal_cases.key_legal_principles is text[]'
);
select col_not_null(
  'public', 'tribunal_cases', 'key_legal_principles',
  'tribunal_cases.key_legal_principles is not null'
);
select col_default_is(
  'public', 'tribunal_cases', 'key_legal_principles', '{}'::text[],
  'tribunal_cases.key_legal_principles defaults to {}'
);
select col_type_is(
  'public', 'tribunal_cases', 'remedies_awarded', 'text[]',
  'tribunal_cases.remedies_awarded is text[]'
);
select col_not_null('public', 'tribunal_cases', 'remedies_awarded', 'tribunal_cases.remedies_awarded is not null');
select col_default_is(
  'public', 'tribunal_cases', 'remedies_awarded', '{}'::text[],
  'tribunal_cases.remedies_awarded defaults to {}'
);
select col_type_is(
  'public', 'tribunal_cases', 'monetary_award', 'numeric(12,2)',
  'tribunal_cases.monetary_award is numeric(12,2)'
);
select col_is_null('public', 'tribunal_cases', 'monetary_award', 'tribunal_cases.monetary_award may be null');
select col_type_is(
  'public', 'tribunal_cases', 'ai_generated_summary', 'text',
  'tribunal_cases.ai_generated_summary is text'
);
select col_is_null(
  'public', 'tribunal_cases', 'ai_generated_summary',
  'tribunal_cases.ai_generated_summary may be null'
);
select col_type_is('public', 'tribunal_cases', 'ai_tags', 'text[]', 'tribunal_cases.ai_tags is text[]');
select col_not_null('public', 'tribunal_cases', 'ai_tags', 'tribunal_cases.ai_tags is not null');
select col_default_is('public', 'tribunal_cases', 'ai_tags', '{}'::text[], 'tribunal_cases.ai_tags defaults to {}');
select col_type_is(
  'public', 'tribunal_cases', 'ai_confidence_score', 'numeric(3,2)',
  'tribunal_cases.ai_confidence_score is numeric(3,2)'
);
select col_is_null('public', 'tribunal_cases', 'ai_confidence_score', 'tribunal_cases.ai_confidence_score may be null');
select col_type_is(
  'public', 'tribunal_cases', 'ai_classification_model', 'text',
  'tribunal_cases.ai_classification_model is text'
);
select col_is_null(
  'public', 'tribunal_cases', 'ai_classification_model',
  'tribunal_cases.ai_classification_model may be null'
);
select col_type_is(
  'public', 'tribunal_cases', 'ai_classified_at', 'timestamp with time zone',
  'tribunal_cases.ai_classified_at is timestamp with time zone'
);
select col_is_null('public', 'tribunal_cases', 'ai_classified_at', 'tribunal_cases.ai_classified_at may be null');
select col_type_is('public', 'tribunal_cases', 'keywords', 'text[]', 'tribunal_cases.keywords is text[]');
select col_not_null('public', 'tribunal_cases', 'keywords', 'tribunal_cases.keywords is not null');
select col_default_is('public', 'tribunal_cases', 'keywords', '{}'::text[], 'tribunal_cases.keywords defaults to {}');
select col_type_is('public', 'tribunal_cases', 'complexity_level', 'text', 'tribunal_cases.complexity_level is text');
select col_is_null('public', 'tribunal_cases', 'complexity_level', 'tribunal_cases.complexity_level may be null');
select col_type_is('public', 'tribunal_cases', 'featured', 'boolean', 'tribunal_cases.featured is boolean');
select col_not_null('public', 'tribunal_cases', 'featured', 'tribunal_cases.featured is not null');
select col_default_is(
  'public', 'tribunal_cases', 'featured', false::boolean,
  'tribunal_cases.featured defaults to false'
);
select col_type_is(
  'public', 'tribunal_cases', 'ingested_from_raw_id', 'uuid',
  'tribunal_cases.ingested_from_raw_id is uuid'
);
select col_is_null(
  'public', 'tribunal_cases', 'ingested_from_raw_id',
  'tribunal_cases.ingested_from_raw_id may be null'
);
select col_type_is(
  'public', 'tribunal_cases', 'manually_reviewed', 'boolean',
  'tribunal_cases.manually_reviewed is boolean'
);
select col_not_null('public', 'tribunal_cases', 'manually_reviewed', 'tribunal_cases.manually_reviewed is not null');
select col_default_is(
  'public', 'tribunal_cases', 'manually_reviewed', false::boolean,
  'tribunal_cases.manually_reviewed defaults to false'
);
select col_type_is('public', 'tribunal_cases', 'reviewed_by', 'uuid', 'tribunal_cases.reviewed_by is uuid');
select col_is_null('public', 'tribunal_cases', 'reviewed_by', 'tribunal_cases.reviewed_by may be null');
select col_type_is(
  'public', 'tribunal_cases', 'reviewed_at', 'timestamp with time zone',
  'tribunal_cases.reviewed_at is timestamp with time zone'
);
select col_is_null('public', 'tribunal_cases', 'reviewed_at', 'tribunal_cases.reviewed_at may be null');
select col_type_is(
  'public', 'tribunal_cases', 'created_at', 'timestamp with time zone',
  'tribunal_cases.created_at is timestamp with time zone'
);
select col_not_null('public', 'tribunal_cases', 'created_at', 'tribunal_cases.created_at is not null');
select col_has_default('public', 'tribunal_cases', 'created_at', 'tribunal_cases.created_at has a default (now())');
select col_type_is(
  'public', 'tribunal_cases', 'updated_at', 'timestamp with time zone',
  'tribunal_cases.updated_at is timestamp with time zone'
);
select col_not_null('public', 'tribunal_cases', 'updated_at', 'tribunal_cases.updated_at is not null');
select col_has_default('public', 'tribunal_cases', 'updated_at', 'tribunal_cases.updated_at has a default (now())');
select col_type_is(
  'public', 'tribunal_cases', 'deleted_at', 'timestamp with time zone',
  'tribunal_cases.deleted_at is timestamp with time zone'
);
select col_is_null('public', 'tribunal_cases', 'deleted_at', 'tribunal_cases.deleted_at may be null');

select has_pk('public', 'tribunal_cases', 'tribunal_cases has a primary key');
select col_is_pk('public', 'tribunal_cases', array['id']::name[], 'the primary key of tribunal_cases is (id)');
select col_is_unique(
  'public', 'tribunal_cases',
  array['case_number']::name[],
  '(case_number) is unique in tribunal_cases (tribunal_cases_case_number_key)'
);

select fk_ok(
  'public', 'tribunal_cases',
  array['ingested_from_raw_id']::name[],
  'public', 'tribunal_cases_raw',
  array['id']::name[],
  'tribunal_cases(ingested_from_raw_id) references public.tribunal_cases_raw(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.tribunal_cases'::regclass
    and conname = 'tribunal_cases_ingested_from_raw_id_fkey'$$,
  array['n'],
  'tribunal_cases_ingested_from_raw_id_fkey is on delete set null'
);
select fk_ok(
  'public', 'tribunal_cases',
  array['reviewed_by']::name[],
  'public', 'profiles',
  array['id']::name[],
  'tribunal_cases(reviewed_by) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.tribunal_cases'::regclass
    and conname = 'tribunal_cases_reviewed_by_fkey'$$,
  array['n'],
  'tribunal_cases_reviewed_by_fkey is on delete set null'
);

select has_index('public', 'tribunal_cases', 'idx_tribunal_anti_black', 'index idx_tribunal_anti_black exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_tribunal_anti_black'$$,
  array['CREATE INDEX idx_tribunal_anti_black ON public.tribunal_cases USING btree (is_anti_black_specific) WHERE '
    '(is_anti_black_specific = true)'],
  'idx_tribunal_anti_black has its definition'
);
select has_index('public', 'tribunal_cases', 'idx_tribunal_discrimination', 'index idx_tribunal_discrimination exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_tribunal_discrimination'$$,
  array['CREATE INDEX idx_tribunal_discrimination ON public.tribunal_cases USING gin (discrimination_type)'],
  'idx_tribunal_discrimination has its definition'
);
select has_index('public', 'tribunal_cases', 'idx_tribunal_featured', 'index idx_tribunal_featured exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_tribunal_featured'$$,
  array['CREATE INDEX idx_tribunal_featured ON public.tribunal_cases USING btree (featured) WHERE (featured = true)'],
  'idx_tribunal_featured has its definition'
);
select has_index('public', 'tribunal_cases', 'idx_tribunal_fts', 'index idx_tribunal_fts exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_tribunal_fts'$$,
  array['CREATE INDEX idx_tribunal_fts ON public.tribunal_cases USING gin (to_tsvector(''english''::regconfig, '
    '((((COALESCE(title, ''''::text) || '' ''::text) || COALESCE(summary_en, ''''::text)) || '' ''::text) || '
      'COALESCE(full_text_en, ''''::text))))'],
  'idx_tribunal_fts has its definition'
);
select has_index('public', 'tribunal_cases', 'idx_tribunal_grounds', 'index idx_tribunal_grounds exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_tribunal_grounds'$$,
  array['CREATE INDEX idx_tribunal_grounds ON public.tribunal_cases USING gin (protected_ground)'],
  'idx_tribunal_grounds has its definition'
);
select has_index('public', 'tribunal_cases', 'idx_tribunal_race_cat', 'index idx_tribunal_race_cat exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_tribunal_race_cat'$$,
  array['CREATE INDEX idx_tribunal_race_cat ON public.tribunal_cases USING btree (race_category) WHERE (deleted_at IS '
    'NULL)'],
  'idx_tribunal_race_cat has its definition'
);
select has_index('public', 'tribunal_cases', 'idx_tribunal_raw', 'index idx_tribunal_raw exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_tribunal_raw'$$,
  array['CREATE INDEX idx_tribunal_raw ON public.tribunal_cases USING btree (ingested_from_raw_id) WHERE '
    '(ingested_from_raw_id IS NOT NULL)'],
  'idx_tribunal_raw has its definition'
);
select has_index('public', 'tribunal_cases', 'idx_tribunal_reviewed_by', 'index idx_tribunal_reviewed_by exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_tribunal_reviewed_by'$$,
  array['CREATE INDEX idx_tribunal_reviewed_by ON public.tribunal_cases USING btree (reviewed_by)'],
  'idx_tribunal_reviewed_by has its definition'
);
select has_index('public', 'tribunal_cases', 'idx_tribunal_search', 'index idx_tribunal_search exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_tribunal_search'$$,
  array['CREATE INDEX idx_tribunal_search ON public.tribunal_cases USING gin (to_tsvector(''english''::regconfig, '
    '((COALESCE(title, ''''::text) || '' ''::text) || COALESCE(summary_en, ''''::text))))'],
  'idx_tribunal_search has its definition'
);
select has_index('public', 'tribunal_cases', 'idx_tribunal_tags', 'index idx_tribunal_tags exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_tribunal_tags'$$,
  array['CREATE INDEX idx_tribunal_tags ON public.tribunal_cases USING gin (ai_tags)'],
  'idx_tribunal_tags has its definition'
);
select has_index('public', 'tribunal_cases', 'idx_tribunal_tribunal', 'index idx_tribunal_tribunal exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_tribunal_tribunal'$$,
  array['CREATE INDEX idx_tribunal_tribunal ON public.tribunal_cases USING btree (tribunal)'],
  'idx_tribunal_tribunal has its definition'
);
select has_index('public', 'tribunal_cases', 'idx_tribunal_year', 'index idx_tribunal_year exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_tribunal_year'$$,
  array['CREATE INDEX idx_tribunal_year ON public.tribunal_cases USING btree (year DESC) WHERE (deleted_at IS NULL)'],
  'idx_tribunal_year has its definition'
);
select has_index(
  'public', 'tribunal_cases', 'tribunal_cases_case_number_key',
  'index tribunal_cases_case_number_key exists'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'tribunal_cases_case_number_key'$$,
  array['CREATE UNIQUE INDEX tribunal_cases_case_number_key ON public.tribunal_cases USING btree (case_number)'],
  'tribunal_cases_case_number_key has its definition'
);

select has_trigger('public', 'tribunal_cases', 'set_updated_at', 'tribunal_cases has the trigger set_updated_at');
select trigger_is(
  'public', 'tribunal_cases', 'set_updated_at', 'private', 'set_updated_at',
  'trigger tribunal_cases.set_updated_at runs private.set_updated_at()'
);

-- classification_feedback: structure -------------------------------------------

select has_table('public', 'classification_feedback', 'public.classification_feedback exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.classification_feedback'::regclass$$,
  array[true],
  'classification_feedback has row level security enabled'
);
select columns_are(
  'public', 'classification_feedback',
  array['id', 'raw_case_id', 'case_id', 'ai_classification', 'user_classification', 'feedback_type', 'comments',
    'confidence_rating', 'reviewed_by', 'reviewed_date', 'used_for_training', 'training_batch_id', 'created_at'],
  'classification_feedback has exactly its 13 columns'
);

select col_type_is('public', 'classification_feedback', 'id', 'uuid', 'classification_feedback.id is uuid');
select col_not_null('public', 'classification_feedback', 'id', 'classification_feedback.id is not null');
select col_default_is(
  'public', 'classification_feedback', 'id', 'gen_random_uuid()'::text,
  'classification_feedback.id defaults to gen_random_uuid()'
);
select col_type_is(
  'public', 'classification_feedback', 'raw_case_id', 'uuid',
  'classification_feedback.raw_case_id is uuid'
);
select col_is_null(
  'public', 'classification_feedback', 'raw_case_id',
  'classification_feedback.raw_case_id may be null'
);
select col_type_is('public', 'classification_feedback', 'case_id', 'uuid', 'classification_feedback.case_id is uuid');
select col_is_null('public', 'classification_feedback', 'case_id', 'classification_feedback.case_id may be null');
select col_type_is(
  'public', 'classification_feedback', 'ai_classification', 'text',
  'classification_feedback.ai_classification is text'
);
select col_is_null(
  'public', 'classification_feedback', 'ai_classification',
  'classification_feedback.ai_classification may be null'
);
select col_type_is(
  'public', 'classification_feedback', 'user_classification', 'text',
  'classification_feedback.user_classification is text'
);
select col_is_null(
  'public', 'classification_feedback', 'user_classification',
  'classification_feedback.user_classification may be null'
);
select col_type_is(
  'public', 'classification_feedback', 'feedback_type', 'text',
  'classification_feedback.feedback_type is text'
);
select col_is_null(
  'public', 'classification_feedback', 'feedback_type',
  'classification_feedback.feedback_type may be null'
);
select col_type_is('public', 'classification_feedback', 'comments', 'text', 'classification_feedback.comments is text');
select col_is_null('public', 'classification_feedback', 'comments', 'classification_feedback.comments may be null');
select col_type_is(
  'public', 'classification_feedback', 'confidence_rating', 'integer',
  'classification_feedback.confidence_rating is integer'
);
select col_is_null(
  'public', 'classification_feedback', 'confidence_rating',
  'classification_feedback.confidence_rating may be null'
);
select col_type_is(
  'public', 'classification_feedback', 'reviewed_by', 'uuid',
  'classification_feedback.reviewed_by is uuid'
);
select col_not_null(
  'public', 'classification_feedback', 'reviewed_by',
  'classification_feedback.reviewed_by is not null'
);
select col_type_is(
  'public', 'classification_feedback', 'reviewed_date', 'timestamp with time zone',
  'classification_feedback.reviewed_date is timestamp with time zone'
);
select col_not_null(
  'public', 'classification_feedback', 'reviewed_date',
  'classification_feedback.reviewed_date is not null'
);
select col_has_default(
  'public', 'classification_feedback', 'reviewed_date',
  'classification_feedback.reviewed_date has a default (now())'
);
select col_type_is(
  'public', 'classification_feedback', 'used_for_training', 'boolean',
  'classification_feedback.used_for_training is boolean'
);
select col_not_null(
  'public', 'classification_feedback', 'used_for_training',
  'classification_feedback.used_for_training is not null'
);
select col_default_is(
  'public', 'classification_feedback', 'used_for_training', false::boolean,
  'classification_feedback.used_for_training defaults to false'
);
select col_type_is(
  'public', 'classification_feedback', 'training_batch_id', 'uuid',
  'classification_feedback.training_batch_id is uuid'
);
select col_is_null(
  'public', 'classification_feedback', 'training_batch_id',
  'classification_feedback.training_batch_id may be null'
);
select col_type_is(
  'public', 'classification_feedback', 'created_at', 'timestamp with time zone',
  'classification_feedback.created_at is timestamp with time zone'
);
select col_not_null(
  'public', 'classification_feedback', 'created_at',
  'classification_feedback.created_at is not null'
);
select col_has_default(
  'public', 'classification_feedback', 'created_at',
  'classification_feedback.created_at has a default (now())'
);

select has_pk('public', 'classification_feedback', 'classification_feedback has a primary key');
select col_is_pk(
  'public', 'classification_feedback',
  array['id']::name[],
  'the primary key of classification_feedback is (id)'
);

select fk_ok(
  'public', 'classification_feedback',
  array['case_id']::name[],
  'public', 'tribunal_cases',
  array['id']::name[],
  'classification_feedback(case_id) references public.tribunal_cases(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.classification_feedback'::regclass
    and conname = 'classification_feedback_case_id_fkey'$$,
  array['c'],
  'classification_feedback_case_id_fkey is on delete cascade'
);
select fk_ok(
  'public', 'classification_feedback',
  array['raw_case_id']::name[],
  'public', 'tribunal_cases_raw',
  array['id']::name[],
  'classification_feedback(raw_case_id) references public.tribunal_cases_raw(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.classification_feedback'::regclass
    and conname = 'classification_feedback_raw_case_id_fkey'$$,
  array['c'],
  'classification_feedback_raw_case_id_fkey is on delete cascade'
);
select fk_ok(
  'public', 'classification_feedback',
  array['reviewed_by']::name[],
  'public', 'profiles',
  array['id']::name[],
  'classification_feedback(reviewed_by) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.classification_feedback'::regclass
    and conname = 'classification_feedback_reviewed_by_fkey'$$,
  array['a'],
  'classification_feedback_reviewed_by_fkey is on delete no action'
);

select has_index('public', 'classification_feedback', 'idx_feedback_case', 'index idx_feedback_case exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_feedback_case'$$,
  array['CREATE INDEX idx_feedback_case ON public.classification_feedback USING btree (case_id)'],
  'idx_feedback_case has its definition'
);
select has_index('public', 'classification_feedback', 'idx_feedback_raw_case', 'index idx_feedback_raw_case exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_feedback_raw_case'$$,
  array['CREATE INDEX idx_feedback_raw_case ON public.classification_feedback USING btree (raw_case_id)'],
  'idx_feedback_raw_case has its definition'
);
select has_index(
  'public', 'classification_feedback', 'idx_feedback_reviewed_by',
  'index idx_feedback_reviewed_by exists'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_feedback_reviewed_by'$$,
  array['CREATE INDEX idx_feedback_reviewed_by ON public.classification_feedback USING btree (reviewed_by)'],
  'idx_feedback_reviewed_by has its definition'
);
select has_index('public', 'classification_feedback', 'idx_feedback_training', 'index idx_feedback_training exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_feedback_training'$$,
  array['CREATE INDEX idx_feedback_training ON public.classification_feedback USING btree (used_for_training) WHERE '
    '(used_for_training = false)'],
  'idx_feedback_training has its definition'
);


-- tribunal_sources: checks and keys ----------------------------------------------

select throws_ok(
    $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config, scraper_type) values ('X', 'X',
      'https://x', '{}', 'selenium')$$,
    '23514', 'new row for relation "tribunal_sources" violates check constraint "tribunal_sources_scraper_type_check"',
    'an unknown scraper type is rejected'
);
select lives_ok(
    $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config, scraper_type)
      select 'Source ' || s, 'X', 'https://x', '{}', s from unnest(array['generic', 'hrto', 'chrt', 'canlii',
        'custom']) as s$$,
    'each of the five scraper types is accepted'
);
select throws_ok(
    $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config,
      rate_limit_delay_seconds) values ('X', 'X', 'https://x', '{}', -0.01)$$,
    '23514', 'new row for relation "tribunal_sources" violates check constraint '
      '"tribunal_sources_rate_limit_delay_seconds_check"',
    'a negative rate-limit delay is rejected'
);
select throws_ok(
    $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config,
      max_concurrent_requests) values ('X', 'X', 'https://x', '{}', 0)$$,
    '23514', 'new row for relation "tribunal_sources" violates check constraint '
      '"tribunal_sources_max_concurrent_requests_check"',
    'zero concurrent requests is rejected'
);
select lives_ok(
    $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config, rate_limit_delay_seconds,
      max_concurrent_requests)
      values ('Fast', 'X', 'https://x', '{}', 0, 1)$$,
    'no delay and one concurrent request are accepted'
);
select throws_ok(
    $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config) values ('T004 HRTO', 'X',
      'https://x', '{}')$$,
    '23505', 'duplicate key value violates unique constraint "tribunal_sources_name_key"',
    'two sources cannot share a name'
);
select throws_ok(
    $$insert into public.tribunal_sources (name, tribunal, base_url, scraper_config) values ('No config', 'X',
      'https://x', null)$$,
    '23502', null,
    'a source needs a scraper configuration'
);

-- ingestion_jobs: checks and keys -------------------------------------------------

select throws_ok(
    $$insert into public.ingestion_jobs (source_id, job_type) values ('00000000-0000-0000-0000-000000000101',
      'hourly')$$,
    '23514', 'new row for relation "ingestion_jobs" violates check constraint "ingestion_jobs_job_type_check"',
    'an unknown job type is rejected'
);
select lives_ok(
    $$insert into public.ingestion_jobs (source_id, job_type)
      select '00000000-0000-0000-0000-000000000101', t from unnest(array['scheduled', 'manual', 'backfill']) as t$$,
    'the scheduled, manual and backfill job types are accepted'
);
select throws_ok(
    $$insert into public.ingestion_jobs (source_id, status) values ('00000000-0000-0000-0000-000000000101', 'paused')$$,
    '23514', 'new row for relation "ingestion_jobs" violates check constraint "ingestion_jobs_status_check"',
    'an unknown job status is rejected'
);
select lives_ok(
    $$insert into public.ingestion_jobs (source_id, status)
      select '00000000-0000-0000-0000-000000000101', s
      from unnest(array['queued', 'running', 'completed', 'failed', 'cancelled']) as s$$,
    'each of the five job statuses is accepted (queued: 024_ingestion_schedules)'
);
select throws_ok(
    $$update public.ingestion_jobs set items_fetched = -1 where id = '00000000-0000-0000-0000-000000000201'$$,
    '23514', 'new row for relation "ingestion_jobs" violates check constraint "ingestion_jobs_items_fetched_check"',
    'a negative count of fetched items is rejected'
);
select throws_ok(
    $$update public.ingestion_jobs set items_classified = -1 where id = '00000000-0000-0000-0000-000000000201'$$,
    '23514', 'new row for relation "ingestion_jobs" violates check constraint "ingestion_jobs_items_classified_check"',
    'a negative count of classified items is rejected'
);
select throws_ok(
    $$update public.ingestion_jobs set items_approved = -1 where id = '00000000-0000-0000-0000-000000000201'$$,
    '23514', 'new row for relation "ingestion_jobs" violates check constraint "ingestion_jobs_items_approved_check"',
    'a negative count of approved items is rejected'
);
select throws_ok(
    $$update public.ingestion_jobs set items_rejected = -1 where id = '00000000-0000-0000-0000-000000000201'$$,
    '23514', 'new row for relation "ingestion_jobs" violates check constraint "ingestion_jobs_items_rejected_check"',
    'a negative count of rejected items is rejected'
);
select throws_ok(
    $$update public.ingestion_jobs set items_duplicate = -1 where id = '00000000-0000-0000-0000-000000000201'$$,
    '23514', 'new row for relation "ingestion_jobs" violates check constraint "ingestion_jobs_items_duplicate_check"',
    'a negative count of duplicate items is rejected'
);
select throws_ok(
    $$update public.ingestion_jobs set duration_seconds = -1 where id = '00000000-0000-0000-0000-000000000201'$$,
    '23514', 'new row for relation "ingestion_jobs" violates check constraint "ingestion_jobs_duration_seconds_check"',
    'a negative duration is rejected'
);
select lives_ok(
    $$update public.ingestion_jobs
      set items_fetched = 0, items_classified = 0, items_approved = 0, items_rejected = 0, items_duplicate = 0,
        duration_seconds = 0
      where id = '00000000-0000-0000-0000-000000000201'$$,
    'zero items of every kind and a zero duration are accepted'
);
select throws_ok(
    $$insert into public.ingestion_jobs (source_id) values ('00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "ingestion_jobs" violates foreign key constraint '
      '"ingestion_jobs_source_id_fkey"',
    'a job must belong to an existing source'
);
select throws_ok(
    $$insert into public.ingestion_jobs (source_id, triggered_by) values ('00000000-0000-0000-0000-000000000101',
      '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "ingestion_jobs" violates foreign key constraint '
      '"ingestion_jobs_triggered_by_fkey"',
    'whoever triggered a job must be an existing profile'
);
-- tribunal_cases_raw: checks and keys ---------------------------------------------

select throws_ok(
    $$insert into public.tribunal_cases_raw (source_name, source_url, status) values ('HRTO', 'https://x',
      'published')$$,
    '23514', 'new row for relation "tribunal_cases_raw" violates check constraint "tribunal_cases_raw_status_check"',
    'an unknown raw case status is rejected'
);
select lives_ok(
    $$insert into public.tribunal_cases_raw (source_name, source_url, status)
      select 'HRTO', 'https://x/' || s, s from unnest(array['pending', 'classified', 'approved', 'rejected',
        'duplicate']) as s$$,
    'each of the five raw case statuses is accepted'
);
select throws_ok(
    $$insert into public.tribunal_cases_raw (source_name, source_url, ingestion_job_id) values ('HRTO', 'https://x',
      '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "tribunal_cases_raw" violates foreign key constraint '
      '"tribunal_cases_raw_ingestion_job_id_fkey"',
    'a raw case cannot name a job that does not exist'
);
select throws_ok(
    $$insert into public.tribunal_cases_raw (source_name, source_url, duplicate_of_case_id) values ('HRTO', 'https://x',
      '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "tribunal_cases_raw" violates foreign key constraint '
      '"tribunal_cases_raw_duplicate_of_case_id_fkey"',
    'a raw case cannot be the duplicate of a case that does not exist'
);
select throws_ok(
    $$insert into public.tribunal_cases_raw (source_name, source_url, promoted_to_case_id) values ('HRTO', 'https://x',
      '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "tribunal_cases_raw" violates foreign key constraint '
      '"tribunal_cases_raw_promoted_to_case_id_fkey"',
    'a raw case cannot be promoted to a case that does not exist'
);
select throws_ok(
    $$insert into public.tribunal_cases_raw (source_name, source_url, reviewed_by) values ('HRTO', 'https://x',
      '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "tribunal_cases_raw" violates foreign key constraint '
      '"tribunal_cases_raw_reviewed_by_fkey"',
    'a raw case reviewer must be an existing profile'
);
select lives_ok(
    $$update public.tribunal_cases_raw
      set promoted_to_case_id = '00000000-0000-0000-0000-000000000401', status = 'approved',
          reviewed_by = '00000000-0000-0000-0000-0000000000a1', reviewed_at = now()
      where id = '00000000-0000-0000-0000-000000000301'$$,
    'a raw case may be promoted to the curated case ingested from it'
);

-- tribunal_cases: checks and keys -------------------------------------------------

select throws_ok(
    $$insert into public.tribunal_cases (case_number, title, tribunal, source_url, outcome) values ('X-1', 'X', 'HRTO',
      'https://x', 'Won')$$,
    '23514', 'new row for relation "tribunal_cases" violates check constraint "tribunal_cases_outcome_check"',
    'an unknown outcome is rejected'
);
select lives_ok(
    $$insert into public.tribunal_cases (case_number, title, tribunal, source_url, outcome)
      select 'Outcome ' || o, 'X', 'HRTO', 'https://x', o
      from unnest(array['Upheld', 'Dismissed', 'Settled', 'Partially Upheld', 'Other']) as o$$,
    'each of the five outcomes is accepted'
);
select throws_ok(
    $$insert into public.tribunal_cases (case_number, title, tribunal, source_url, race_category) values ('X-1', 'X',
      'HRTO', 'https://x', 'Anti-Asian')$$,
    '23514', 'new row for relation "tribunal_cases" violates check constraint "tribunal_cases_race_category_check"',
    'an unknown race category is rejected'
);
select lives_ok(
    $$insert into public.tribunal_cases (case_number, title, tribunal, source_url, race_category)
      select 'Race ' || r, 'X', 'HRTO', 'https://x', r from unnest(array['Anti-Black', 'General', 'Other',
        'Unknown']) as r$$,
    'each of the four race categories is accepted'
);
select throws_ok(
    $$insert into public.tribunal_cases (case_number, title, tribunal, source_url, relevance_score) values ('X-1', 'X',
      'HRTO', 'https://x', 1.01)$$,
    '23514', 'new row for relation "tribunal_cases" violates check constraint "tribunal_cases_relevance_score_check"',
    'a relevance score above 1 is rejected'
);
select throws_ok(
    $$insert into public.tribunal_cases (case_number, title, tribunal, source_url, relevance_score) values ('X-1', 'X',
      'HRTO', 'https://x', -0.01)$$,
    '23514', 'new row for relation "tribunal_cases" violates check constraint "tribunal_cases_relevance_score_check"',
    'a negative relevance score is rejected'
);
select throws_ok(
    $$insert into public.tribunal_cases (case_number, title, tribunal, source_url, ai_confidence_score) values ('X-1',
      'X', 'HRTO', 'https://x', 1.01)$$,
    '23514', 'new row for relation "tribunal_cases" violates check constraint '
      '"tribunal_cases_ai_confidence_score_check"',
    'an AI confidence above 1 is rejected'
);
select throws_ok(
    $$insert into public.tribunal_cases (case_number, title, tribunal, source_url, ai_confidence_score) values ('X-1',
      'X', 'HRTO', 'https://x', -0.01)$$,
    '23514', 'new row for relation "tribunal_cases" violates check constraint '
      '"tribunal_cases_ai_confidence_score_check"',
    'a negative AI confidence is rejected'
);
select lives_ok(
    $$insert into public.tribunal_cases (case_number, title, tribunal, source_url, relevance_score, ai_confidence_score,
      monetary_award) values
      ('Edge 0', 'X', 'HRTO', 'https://x', 0, 0, 0),
      ('Edge 1', 'X', 'HRTO', 'https://x', 1, 1, 0)$$,
    'relevance and confidence of exactly 0 and 1, and a zero award, are accepted'
);
select throws_ok(
    $$insert into public.tribunal_cases (case_number, title, tribunal, source_url, precedent_value) values ('X-1', 'X',
      'HRTO', 'https://x', 'Binding')$$,
    '23514', 'new row for relation "tribunal_cases" violates check constraint "tribunal_cases_precedent_value_check"',
    'an unknown precedent value is rejected'
);
select lives_ok(
    $$insert into public.tribunal_cases (case_number, title, tribunal, source_url, precedent_value)
      select 'Precedent ' || p, 'X', 'HRTO', 'https://x', p from unnest(array['High', 'Medium', 'Low',
        'Unknown']) as p$$,
    'each of the four precedent values is accepted'
);
select throws_ok(
    $$insert into public.tribunal_cases (case_number, title, tribunal, source_url, complexity_level) values ('X-1', 'X',
      'HRTO', 'https://x', 'Expert')$$,
    '23514', 'new row for relation "tribunal_cases" violates check constraint "tribunal_cases_complexity_level_check"',
    'an unknown complexity level is rejected'
);
select lives_ok(
    $$insert into public.tribunal_cases (case_number, title, tribunal, source_url, complexity_level)
      select 'Complexity ' || c, 'X', 'HRTO', 'https://x', c from unnest(array['Beginner', 'Intermediate',
        'Advanced']) as c$$,
    'the three complexity levels are accepted'
);
select throws_ok(
    $$insert into public.tribunal_cases (case_number, title, tribunal, source_url, monetary_award) values ('X-1', 'X',
      'HRTO', 'https://x', -0.01)$$,
    '23514', 'new row for relation "tribunal_cases" violates check constraint "tribunal_cases_monetary_award_check"',
    'a negative monetary award is rejected'
);
select throws_ok(
    $$insert into public.tribunal_cases (case_number, title, tribunal, source_url) values ('2024 HRTO 1', 'X', 'HRTO',
      'https://x')$$,
    '23505', 'duplicate key value violates unique constraint "tribunal_cases_case_number_key"',
    'two cases cannot share a case number'
);
select throws_ok(
    $$insert into public.tribunal_cases (case_number, title, tribunal, source_url, ingested_from_raw_id)
      values ('X-1', 'X', 'HRTO', 'https://x', '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "tribunal_cases" violates foreign key constraint '
      '"tribunal_cases_ingested_from_raw_id_fkey"',
    'a case cannot be ingested from a raw case that does not exist'
);
select throws_ok(
    $$insert into public.tribunal_cases (case_number, title, tribunal, source_url, reviewed_by)
      values ('X-1', 'X', 'HRTO', 'https://x', '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "tribunal_cases" violates foreign key constraint '
      '"tribunal_cases_reviewed_by_fkey"',
    'a case reviewer must be an existing profile'
);

-- classification_feedback: checks and keys ----------------------------------------

select throws_ok(
    $$insert into public.classification_feedback (raw_case_id, case_id, reviewed_by)
      values (null, null, '00000000-0000-0000-0000-0000000000a1')$$,
    '23514', 'new row for relation "classification_feedback" violates check constraint '
      '"classification_feedback_names_a_case"',
    'feedback must name a raw case or a curated case'
);
select lives_ok(
    $$insert into public.classification_feedback (raw_case_id, case_id, reviewed_by) values
      ('00000000-0000-0000-0000-000000000301', null, '00000000-0000-0000-0000-0000000000a1'),
      (null, '00000000-0000-0000-0000-000000000401', '00000000-0000-0000-0000-0000000000a1'),
      ('00000000-0000-0000-0000-000000000301', '00000000-0000-0000-0000-000000000401',
        '00000000-0000-0000-0000-0000000000a1')$$,
    'feedback on a raw case, a curated case, or both is accepted'
);
select throws_ok(
    $$insert into public.classification_feedback (case_id, reviewed_by, feedback_type)
      values ('00000000-0000-0000-0000-000000000401', '00000000-0000-0000-0000-0000000000a1', 'complaint')$$,
    '23514', 'new row for relation "classification_feedback" violates check constraint '
      '"classification_feedback_feedback_type_check"',
    'an unknown feedback type is rejected'
);
select lives_ok(
    $$insert into public.classification_feedback (case_id, reviewed_by, feedback_type)
      select '00000000-0000-0000-0000-000000000401', '00000000-0000-0000-0000-0000000000a1', t
      from unnest(array['correction', 'confirmation', 'suggestion']) as t$$,
    'the correction, confirmation and suggestion feedback types are accepted'
);
select throws_ok(
    $$insert into public.classification_feedback (case_id, reviewed_by, confidence_rating)
      values ('00000000-0000-0000-0000-000000000401', '00000000-0000-0000-0000-0000000000a1', 0)$$,
    '23514', 'new row for relation "classification_feedback" violates check constraint '
      '"classification_feedback_confidence_rating_check"',
    'a confidence rating of 0 is rejected'
);
select throws_ok(
    $$insert into public.classification_feedback (case_id, reviewed_by, confidence_rating)
      values ('00000000-0000-0000-0000-000000000401', '00000000-0000-0000-0000-0000000000a1', 6)$$,
    '23514', 'new row for relation "classification_feedback" violates check constraint '
      '"classification_feedback_confidence_rating_check"',
    'a confidence rating of 6 is rejected'
);
select lives_ok(
    $$insert into public.classification_feedback (case_id, reviewed_by, confidence_rating) values
      ('00000000-0000-0000-0000-000000000401', '00000000-0000-0000-0000-0000000000a1', 1),
      ('00000000-0000-0000-0000-000000000401', '00000000-0000-0000-0000-0000000000a1', 5)$$,
    'confidence ratings of 1 and 5 are accepted'
);
select throws_ok(
    $$insert into public.classification_feedback (case_id, reviewed_by) values ('00000000-0000-0000-0000-000000000401',
      null)$$,
    '23502', null,
    'feedback needs a reviewer'
);
select throws_ok(
    $$insert into public.classification_feedback (case_id, reviewed_by)
      values ('00000000-0000-0000-0000-000000000401', '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "classification_feedback" violates foreign key constraint '
      '"classification_feedback_reviewed_by_fkey"',
    'the reviewer must be an existing profile'
);
select throws_ok(
    $$insert into public.classification_feedback (raw_case_id, reviewed_by)
      values ('00000000-0000-0000-0000-0000000000ff', '00000000-0000-0000-0000-0000000000a1')$$,
    '23503', 'insert or update on table "classification_feedback" violates foreign key constraint '
      '"classification_feedback_raw_case_id_fkey"',
    'feedback cannot name a raw case that does not exist'
);
select throws_ok(
    $$insert into public.classification_feedback (case_id, reviewed_by)
      values ('00000000-0000-0000-0000-0000000000ff', '00000000-0000-0000-0000-0000000000a1')$$,
    '23503', 'insert or update on table "classification_feedback" violates foreign key constraint '
      '"classification_feedback_case_id_fkey"',
    'feedback cannot name a curated case that does not exist'
);

select * from finish();
rollback;
