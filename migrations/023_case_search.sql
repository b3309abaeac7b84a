-- requires: rpc_functions/07_case_guards.sql
-- requires: rpc_functions/09_case_search_text.sql
-- previous-sha256: 10e198e758928dc0f06e0256aeccbb05cc5f12f81fe8c6151e929fd3d82fc339
/*
  023_case_search: what case-law search reads.

  Full text, both languages. Each case carries two stored tsvectors, search_en
  (title + English summary + English full text, `english` stemming) and
  search_fr (title + French summary + French full text, `french` stemming),
  weighted A (title), B (summary), C (full text), each with a GIN index.
  Accents are folded by the text search configurations themselves
  (private.english_unaccent, private.french_unaccent: the unaccent dictionary
  before the stemmer), so `québécois`, `Quebecois` and `QUÉBÉCOIS` match alike,
  in documents and queries, and ts_headline highlights the accented word of
  the text. French is also stemmed first and folded after (the stemmer reads
  accents: congédié, congédiée, congédiés all stem to congédi), through
  private.fold_accents(), an immutable unaccent wrapper (unaccent() itself is
  only stable, which a generated column refuses). The full text counts for
  its first 200,000 characters (a tsvector holds at most 1 MB; real
  decisions are far shorter).

  Why stored columns and not the expression indexes of 004/010: the search
  RPC ranks what it finds (ts_rank), and ranking a stored vector costs
  nothing more; an expression index would have to recompute to_tsvector for
  every match. The two English-only expression indexes of 004/010 stay (they
  serve direct queries written with their exact expressions).

  Semantic: `embedding vector(384)` (multilingual-e5-small through the
  optional `embed` extra: tools/abr_db/embed.py) with an HNSW cosine index
  over live cases, and embedding_model naming the model that produced it. An
  edit of a case's title, summary or full text clears a stale embedding
  (abr-db embed computes the missing ones); a case without embedding is
  simply not found by the semantic search.

  Saved-search alerts: private.saved_search_notified_cases remembers which
  case each saved search has already announced, so an alert never names a
  case twice.
*/

-- Accent folding ---------------------------------------------------------------

create extension if not exists unaccent with schema extensions;

create text search configuration private.english_unaccent (copy = pg_catalog.english);
alter text search configuration private.english_unaccent
alter mapping for hword, hword_part, word with extensions.unaccent, english_stem;
comment on text search configuration private.english_unaccent is
'English stemming with accents folded (unaccent before english_stem): case-law search.';

-- French stop words are accented (à, été, où): drop them before unaccent
-- folds them into words the stemmer's list no longer knows.
create text search dictionary private.french_stop ( -- noqa: PRS
  template = pg_catalog.simple, stopwords = french, accept = false
);
comment on text search dictionary private.french_stop is
'French stop words, before accent folding (passes every other word on).';

create text search configuration private.french_unaccent (copy = pg_catalog.french);
alter text search configuration private.french_unaccent
alter mapping for hword, hword_part, word with private.french_stop, extensions.unaccent, french_stem;
comment on text search configuration private.french_unaccent is
'French stemming with accents folded (stop words, then unaccent, then french_stem): case-law search.';

-- The lexemes of a tsvector with their accents folded, weights and positions
-- kept (unaccent over its text form). unaccent() is STABLE (it reads its
-- dictionary); this wrapper names the dictionary, so it is IMMUTABLE and may
-- serve a generated column.

-- search_fr calls it whenever a case is written: by reviewers (authenticated) and workers.

-- tribunal_cases: search columns ------------------------------------------------

alter table public.tribunal_cases
add column search_en tsvector generated always as (
  setweight(to_tsvector('private.english_unaccent'::regconfig, coalesce(title, '')), 'A')
  || setweight(to_tsvector('private.english_unaccent'::regconfig, coalesce(summary_en, '')), 'B')
  || setweight(to_tsvector('private.english_unaccent'::regconfig, left(coalesce(full_text_en, ''), 200000)), 'C')
) stored,
-- French twice: folded then stemmed (matches what a user types without
-- accents), and stemmed then folded (matches accented queries across word
-- forms: congédié, congédiée, congédiés all stem to congédi).
add column search_fr tsvector generated always as (
  setweight(to_tsvector('private.french_unaccent'::regconfig, coalesce(title, '')), 'A')
  || setweight(to_tsvector('private.french_unaccent'::regconfig, coalesce(summary_fr, '')), 'B')
  || setweight(to_tsvector('private.french_unaccent'::regconfig, left(coalesce(full_text_fr, ''), 200000)), 'C')
  || private.fold_accents(
    setweight(to_tsvector('pg_catalog.french'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('pg_catalog.french'::regconfig, coalesce(summary_fr, '')), 'B')
    || setweight(to_tsvector('pg_catalog.french'::regconfig, left(coalesce(full_text_fr, ''), 200000)), 'C')
  )
) stored,
-- What ranking reads: title and summary only. Ranking reads the document of
-- every match, and a broad query matches thousands of cases: the full
-- document costs five times as much per match as title and summary.
add column rank_doc_en tsvector generated always as (
  setweight(to_tsvector('private.english_unaccent'::regconfig, coalesce(title, '')), 'A')
  || setweight(to_tsvector('private.english_unaccent'::regconfig, coalesce(summary_en, '')), 'B')
) stored,
add column rank_doc_fr tsvector generated always as (
  setweight(to_tsvector('private.french_unaccent'::regconfig, coalesce(title, '')), 'A')
  || setweight(to_tsvector('private.french_unaccent'::regconfig, coalesce(summary_fr, '')), 'B')
  || private.fold_accents(
    setweight(to_tsvector('pg_catalog.french'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('pg_catalog.french'::regconfig, coalesce(summary_fr, '')), 'B')
  )
) stored,
add column embedding extensions.vector(384),
add column embedding_model text,
-- Where each document lives. Ranking reads the ranked document of every
-- match, so it stays in the row (main: compressed if need be, out of line
-- only as a last resort; a TOAST lookup costs 3-4 buffers per match). The
-- whole-text documents are only read through their GIN indexes, so they go
-- out of line as soon as a row is large (external): the heap stays small
-- (98 MB instead of 391 MB for 50,000 cases with 1,500 characters of full
-- text per language) and a search visits fewer pages.
alter column search_en set storage external,
alter column search_fr set storage external,
alter column rank_doc_en set storage main,
alter column rank_doc_fr set storage main;

comment on column public.tribunal_cases.search_en is
'English full-text document (title A, summary_en B, full_text_en C), accents folded. Generated.';
comment on column public.tribunal_cases.search_fr is
'French full-text document (title A, summary_fr B, full_text_fr C), accents folded before and after stemming. '
  'Generated.';
comment on column public.tribunal_cases.rank_doc_en is
'Title (A) and English summary (B): what search ranks by (search_en finds). Generated.';
comment on column public.tribunal_cases.rank_doc_fr is
'Title (A) and French summary (B): what search ranks by (search_fr finds). Generated.';
comment on column public.tribunal_cases.embedding is
'Sentence embedding (384 dimensions, cosine) of the case; null until abr-db embed computes it.';
comment on column public.tribunal_cases.embedding_model is
'The model that computed embedding (e.g. multilingual-e5-small); null when embedding is null.';

create index idx_tribunal_search_en on public.tribunal_cases using gin (search_en) where deleted_at is null;
create index idx_tribunal_search_fr on public.tribunal_cases using gin (search_fr) where deleted_at is null;

-- m = 32, ef_construction = 128 (pgvector's defaults are 16 and 64): on
-- clustered vectors, as embeddings of case law are, smaller graphs leave some
-- cases unreachable (50,000 cases, recall@10 against an exact scan: m 16 0.98
-- and m 24 0.98 at any ef_search; m 32 1.00 from ef_search 40). The search
-- functions use pgvector 0.8's iterative scan so filters do not shrink a result.
create index idx_tribunal_embedding on public.tribunal_cases
using hnsw (embedding extensions.vector_cosine_ops) with (m = 32, ef_construction = 128)
where deleted_at is null;

-- Browsing without a query: newest decisions first (undated last), keyset on (date, id).
create index idx_tribunal_browse on public.tribunal_cases (
  (coalesce(decision_date, '0001-01-01'::date)) desc, id desc
) where deleted_at is null;

-- An edited text makes the embedding stale: clear it, unless the same
-- statement writes a new embedding.

create trigger clear_stale_embedding
before update of title, summary_en, summary_fr, full_text_en, full_text_fr on public.tribunal_cases
for each row execute function private.clear_stale_case_embedding();

-- Saved-search alerts: which case each search has announced ---------------------

create table private.saved_search_notified_cases (
  saved_search_id uuid not null references public.saved_searches (id) on delete cascade,
  case_id uuid not null references public.tribunal_cases (id) on delete cascade,
  notification_id uuid references public.notifications (id) on delete set null,
  notified_at timestamptz not null default now(),
  primary key (saved_search_id, case_id)
);

comment on table private.saved_search_notified_cases is
'Cases a saved search''s alert has announced (never twice). Written by private.notify_saved_search_results().';

create index idx_saved_search_notified_case on private.saved_search_notified_cases (case_id);
create index idx_saved_search_notified_notification on private.saved_search_notified_cases (notification_id)
where notification_id is not null;

-- The daily alert reads the cases created since each saved search.
create index idx_tribunal_created on public.tribunal_cases (created_at) where deleted_at is null;

-- Saved searches with alerts on, for the daily job.
create index idx_saved_searches_notify on public.saved_searches (id) where notify_on_new_results;

-- The search filters, validated once (private.case_filters_checked()) and
-- passed between the search functions ------------------------------------------

create type private.case_filters as (
  tribunals text [],
  year_from integer,
  year_to integer,
  outcomes text [],
  protected_grounds text [],
  discrimination_types text [],
  anti_black_only boolean,
  race_categories text [],
  precedent_values text []
);

comment on type private.case_filters is
'Case-law search filters (null or empty: no filter). Built by private.case_filters_checked().';
