/*
  055_case_search_rum: case search reads its best candidates out of an index
  in rank order instead of ranking every match.

  RUM (the `rum` extension, which Supabase offers; `make setup` installs it for
  PostgreSQL 15 and 17) is a GIN-like index that also stores each lexeme's
  positions and weights, so it can return the rows matching a tsquery ordered
  by their text distance (`rank_doc <=> query`, the inverse of a
  ts_rank-style score) and stop after the first few: the heap is read only
  for what it returns. The index covers the ranking documents (title and
  summary, rank_doc_en / rank_doc_fr, a few hundred bytes a case), not the
  whole texts: they stay small whatever the length of the decisions, and a
  broad query's candidates are ordered by what ranks them.
  rpc_functions/40_case_search.sql says how search uses them.
*/

create extension if not exists rum with schema extensions;

create index idx_tribunal_rank_doc_en on public.tribunal_cases
using rum (rank_doc_en extensions.rum_tsvector_ops) where deleted_at is null;
create index idx_tribunal_rank_doc_fr on public.tribunal_cases
using rum (rank_doc_fr extensions.rum_tsvector_ops) where deleted_at is null;
