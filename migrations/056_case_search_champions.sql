/*
  056_case_search_champions: a broad query of case search reads its page out
  of a B-tree, in rank order, instead of ranking every match.

  For each word that many ranking documents (title and summary) hold, its
  best cases by the rank search gives them for that word, and the list's
  bound (rpc_functions/09_case_search_champions.sql says what the lists are and
  how they stay true; rpc_functions/40_case_search.sql how search reads them).
  Built here from the cases already loaded, kept on every write by the
  statement triggers below, rebuilt to full length every night
  (cron_jobs/rebuild_case_search_champions.sql). Read only by the SECURITY
  DEFINER search functions: no API role reads them. Derived from the cases
  alone, so a rollback loses nothing applying this migration again does not
  rebuild:
*/
-- reference-data: private.case_search_lexemes
-- reference-data: private.case_search_champions

create table private.case_search_lexemes (
  lang text not null check (lang in ('en', 'fr')),
  lexeme text not null,
  -- The list's bound: every live case whose (rank, id) for the word is at or above it is in the list.
  min_rank real not null,
  min_id uuid not null,
  built_at timestamptz not null default now(),
  primary key (lang, lexeme)
);

comment on table private.case_search_lexemes is
'The words of the case ranking documents that have a champion list (private.case_search_champions), with the '
'list''s bound: every live case ranked at or above (min_rank, min_id) for the word is in its list.';

create table private.case_search_champions (
  case_id uuid not null references public.tribunal_cases (id) on delete cascade,
  lang text not null,
  lexeme text not null,
  -- The case's rank for a query of this one word: (ts_rank(rank document, word, 1) + 0.001) x boost.
  rank real not null,
  primary key (case_id, lang, lexeme),
  foreign key (lang, lexeme) references private.case_search_lexemes (lang, lexeme) on delete cascade
    deferrable initially deferred
);

comment on table private.case_search_champions is
'Champion lists of case search: for each listed word, the live cases ranked at or above its bound, with their rank '
'for a query of that word alone. Read in (rank, case_id) order, descending.';

-- The reading order: a word's list best first (a backward scan), from a cursor.
create index idx_case_search_champions_order on private.case_search_champions (lang, lexeme, rank, case_id);

revoke all on private.case_search_lexemes, private.case_search_champions
from public, anon, authenticated, service_role;

-- The trigger function and the builder are in rpc_functions/09_case_search_champions.sql:
-- requires: rpc_functions/09_case_search_champions.sql

create trigger sync_case_search_champions_insert after insert on public.tribunal_cases
referencing new table as new_cases
for each statement execute function private.sync_case_search_champions();

create trigger sync_case_search_champions_update after update on public.tribunal_cases
referencing old table as old_cases new table as new_cases
for each statement execute function private.sync_case_search_champions();

select private.rebuild_case_search_champions();
