/*
  004_ingestion: tribunal case law, from scraper to curated case.

  tribunal_sources configure scrapers; each run is an ingestion_job; what a
  job fetches lands in tribunal_cases_raw for classification and review; an
  approved raw case is promoted to tribunal_cases; reviewers' feedback on the
  AI's classification goes to classification_feedback.

  tribunal_cases and tribunal_cases_raw reference each other (lineage one
  way, duplicate/promotion the other): those keys are added in
  008_forward_keys, once both tables exist.
*/

-- tribunal_sources --------------------------------------------------------------

create table public.tribunal_sources (
  id uuid primary key default gen_random_uuid(),

  -- Source info
  name text not null unique, -- 'HRTO', 'CHRT', 'CanLII-HRTO'
  tribunal text not null, -- 'Ontario Human Rights Tribunal'
  base_url text not null,

  -- Scraper configuration: selectors, pagination, ...
  scraper_type text not null default 'generic' check (scraper_type in ('generic', 'hrto', 'chrt', 'canlii', 'custom')),
  scraper_config jsonb not null,

  -- Schedule
  is_active boolean not null default true,
  schedule_cron text not null default '0 2 * * *', -- daily at 2 AM
  priority integer not null default 5,

  -- Rate limiting
  rate_limit_delay_seconds decimal(5, 2) not null default 2.0 check (rate_limit_delay_seconds >= 0),
  max_concurrent_requests integer not null default 1 check (max_concurrent_requests >= 1),

  -- Metadata
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_successful_run timestamptz,
  last_error text
);

comment on table public.tribunal_sources is
'Tribunal data sources and their scraper configuration. Written by the service role.';

create index idx_sources_active on public.tribunal_sources (is_active, priority desc);

create trigger set_updated_at before update on public.tribunal_sources
for each row execute function private.set_updated_at();

alter table public.tribunal_sources enable row level security;

-- ingestion_jobs ----------------------------------------------------------------

create table public.ingestion_jobs (
  id uuid primary key default gen_random_uuid(),
  source_id uuid not null references public.tribunal_sources (id) on delete cascade,

  -- Job info
  job_type text not null default 'scheduled' check (job_type in ('scheduled', 'manual', 'backfill')),
  status text not null default 'running' check (status in ('running', 'completed', 'failed', 'cancelled')),

  -- Progress
  items_fetched integer not null default 0 check (items_fetched >= 0),
  items_classified integer not null default 0 check (items_classified >= 0),
  items_approved integer not null default 0 check (items_approved >= 0),
  items_rejected integer not null default 0 check (items_rejected >= 0),
  items_duplicate integer not null default 0 check (items_duplicate >= 0),

  -- Timing
  started_at timestamptz not null default now(),
  completed_at timestamptz,
  duration_seconds integer check (duration_seconds >= 0),

  -- Errors
  error_message text,
  error_stack text,

  -- Log: [{timestamp, level, message}]
  execution_log jsonb not null default '[]'::jsonb,

  -- Metadata
  triggered_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now()
);

comment on table public.ingestion_jobs is
'One row per scraper run: counts, timing, errors and log. Written by the service role.';

create index idx_jobs_source on public.ingestion_jobs (source_id, started_at desc);
create index idx_jobs_status on public.ingestion_jobs (status);
create index idx_jobs_triggered_by on public.ingestion_jobs (triggered_by);

alter table public.ingestion_jobs enable row level security;

-- tribunal_cases_raw ------------------------------------------------------------

create table public.tribunal_cases_raw (
  id uuid primary key default gen_random_uuid(),

  -- Source
  source_name text not null, -- 'HRTO', 'CHRT', 'CanLII'
  source_url text not null,
  scraper_version text,

  -- Raw data
  raw_html text,
  raw_text text,
  extracted_title text,
  extracted_case_number text,
  extracted_date date,
  extracted_tribunal text,

  -- Initial classification: {is_race_related, is_anti_black, confidence, reasoning}
  ai_classification jsonb,
  rule_based_classification jsonb,

  -- Status
  status text not null default 'pending' check (status in (
    'pending', 'classified', 'approved', 'rejected', 'duplicate'
  )),
  rejection_reason text,

  -- Duplicate detection (foreign key added in 008_forward_keys)
  is_duplicate boolean not null default false,
  duplicate_of_case_id uuid,

  -- Lineage. The spec gives ingestion_job_id no ON DELETE rule, so deleting a
  -- source (which cascades to its jobs) would fail on the first raw case:
  -- the raw case stays, its job link is cleared. promoted_to_case_id's
  -- foreign key is added in 008_forward_keys.
  ingestion_job_id uuid references public.ingestion_jobs (id) on delete set null,
  promoted_to_case_id uuid,

  -- Review
  reviewed_by uuid references public.profiles (id) on delete set null,
  reviewed_at timestamptz,

  -- Metadata
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.tribunal_cases_raw is
'Staging for scraped cases awaiting classification and review. Readable by reviewers; promoted to tribunal_cases through an RPC.';

create index idx_raw_cases_status on public.tribunal_cases_raw (status);
create index idx_raw_cases_source on public.tribunal_cases_raw (source_name);
create index idx_raw_cases_job on public.tribunal_cases_raw (ingestion_job_id);
create index idx_raw_cases_duplicate on public.tribunal_cases_raw (is_duplicate, duplicate_of_case_id);
create index idx_raw_cases_duplicate_of on public.tribunal_cases_raw (duplicate_of_case_id)
where duplicate_of_case_id is not null;
create index idx_raw_cases_promoted_to on public.tribunal_cases_raw (promoted_to_case_id)
where promoted_to_case_id is not null;
create index idx_raw_cases_reviewed_by on public.tribunal_cases_raw (reviewed_by);

create trigger set_updated_at before update on public.tribunal_cases_raw
for each row execute function private.set_updated_at();

alter table public.tribunal_cases_raw enable row level security;

-- tribunal_cases ----------------------------------------------------------------

create table public.tribunal_cases (
  id uuid primary key default gen_random_uuid(),

  -- Case identification
  case_number text not null unique,
  title text not null,
  tribunal text not null, -- HRTO, CHRT, BCHRT, ...
  source_url text not null,

  -- Dates
  decision_date date,
  year integer,

  -- Content (bilingual)
  summary_en text,
  summary_fr text,
  full_text_en text,
  full_text_fr text,

  -- Classification
  outcome text check (outcome in ('Upheld', 'Dismissed', 'Settled', 'Partially Upheld', 'Other')),
  protected_ground text [] not null default '{}', -- ['race', 'disability', 'gender', ...]
  discrimination_type text [] not null default '{}', -- ['hiring', 'harassment', 'accommodation', ...]

  -- Anti-Black racism specific
  race_category text check (race_category in ('Anti-Black', 'General', 'Other', 'Unknown')),
  is_race_related boolean not null default false,
  is_anti_black_specific boolean not null default false,
  relevance_score decimal(3, 2) check (relevance_score between 0 and 1),

  -- Legal analysis
  precedent_value text check (precedent_value in ('High', 'Medium', 'Low', 'Unknown')),
  key_legal_principles text [] not null default '{}',
  remedies_awarded text [] not null default '{}',
  monetary_award decimal(12, 2) check (monetary_award >= 0),

  -- AI-generated
  ai_generated_summary text,
  ai_tags text [] not null default '{}',
  ai_confidence_score decimal(3, 2) check (ai_confidence_score between 0 and 1),
  ai_classification_model text, -- 'gpt-4o', 'claude-3-opus', ...
  ai_classified_at timestamptz,

  -- Educational use
  keywords text [] not null default '{}',
  complexity_level text check (complexity_level in ('Beginner', 'Intermediate', 'Advanced')),
  featured boolean not null default false,

  -- Lineage (foreign key to tribunal_cases_raw added in 008_forward_keys)
  ingested_from_raw_id uuid,
  manually_reviewed boolean not null default false,
  reviewed_by uuid references public.profiles (id) on delete set null,
  reviewed_at timestamptz,

  -- Metadata
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);

comment on table public.tribunal_cases is
'Curated Canadian human-rights tribunal decisions, the case-law library. Soft-deleted with deleted_at.';

create index idx_tribunal_year on public.tribunal_cases (year desc) where deleted_at is null;
create index idx_tribunal_tribunal on public.tribunal_cases (tribunal);
create index idx_tribunal_race_cat on public.tribunal_cases (race_category) where deleted_at is null;
create index idx_tribunal_anti_black on public.tribunal_cases (is_anti_black_specific)
where is_anti_black_specific = true;
create index idx_tribunal_featured on public.tribunal_cases (featured) where featured = true;
-- Defined twice in the spec, identically: created once.
create index idx_tribunal_tags on public.tribunal_cases using gin (ai_tags);
create index idx_tribunal_grounds on public.tribunal_cases using gin (protected_ground);
create index idx_tribunal_discrimination on public.tribunal_cases using gin (discrimination_type);
create index idx_tribunal_raw on public.tribunal_cases (ingested_from_raw_id)
where ingested_from_raw_id is not null;
create index idx_tribunal_reviewed_by on public.tribunal_cases (reviewed_by);

-- Full-text search over title, summary and full text.
create index idx_tribunal_fts on public.tribunal_cases using gin (
  to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || coalesce(summary_en, '') || ' ' || coalesce(full_text_en, ''))
);

create trigger set_updated_at before update on public.tribunal_cases
for each row execute function private.set_updated_at();

alter table public.tribunal_cases enable row level security;

-- classification_feedback -------------------------------------------------------

create table public.classification_feedback (
  id uuid primary key default gen_random_uuid(),

  -- Case reference: a raw case, a curated case, or both
  raw_case_id uuid references public.tribunal_cases_raw (id) on delete cascade,
  case_id uuid references public.tribunal_cases (id) on delete cascade,

  -- Feedback
  ai_classification text, -- what the AI predicted
  user_classification text, -- what the reviewer says it should be
  feedback_type text check (feedback_type in ('correction', 'confirmation', 'suggestion')),

  -- Details
  comments text,
  confidence_rating integer check (confidence_rating between 1 and 5),

  -- Reviewer. NOT NULL in the spec, so no SET NULL: feedback is training
  -- lineage, and reviewers are soft-deleted, not erased, while it exists.
  reviewed_by uuid not null references public.profiles (id),
  reviewed_date timestamptz not null default now(),

  -- Training
  used_for_training boolean not null default false,
  training_batch_id uuid,

  -- Metadata
  created_at timestamptz not null default now(),

  constraint classification_feedback_names_a_case check (raw_case_id is not null or case_id is not null)
);

comment on table public.classification_feedback is
'Reviewers'' feedback on AI classifications, for model improvement.';

create index idx_feedback_raw_case on public.classification_feedback (raw_case_id);
create index idx_feedback_case on public.classification_feedback (case_id);
create index idx_feedback_training on public.classification_feedback (used_for_training)
where used_for_training = false;
create index idx_feedback_reviewed_by on public.classification_feedback (reviewed_by);

alter table public.classification_feedback enable row level security;
