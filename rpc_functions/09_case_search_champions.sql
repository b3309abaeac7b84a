/*
  Champion lists of case search: for each common word of the ranking
  documents, its best cases in rank order, so a broad query reads its page
  out of a B-tree instead of ranking every match.

  The rank of a case for a query (rpc_functions/40_case_search.sql's header):
    (ts_rank(rank_doc, query, 1) + 0.001) x boost
  For a query of one word, that is a number per (word, case), known before
  any query: private.case_search_champions keeps, for each word that more
  than a list's length of live ranking documents hold (private.case_search_lexemes),
  its best cases by that number (1,000 by default), and the list's bound: every
  live case whose (rank, id) for the word is at or above the bound is in the
  list. A query of one common word then reads the list in order, from its
  cursor, and stops at its page: the result is the exact ranking, whatever
  the number of matches. A query of several words joined by "or" (and the two
  readings of a French word) ranks as the mean of its words' ranks (ts_rank
  divides the sum of its words' scores by their number), so the lists bound
  it too (rpc_functions/40_case_search.sql, private.case_champion_ranked).

  Kept true on every write: statement triggers on tribunal_cases (bound by
  056_case_search_champions; the functions are here) take the changed cases
  out of the lists and put them back where their new rank reaches the bound.
  A case that leaves a list (deleted, or ranked lower) leaves it shorter, never
  wrong; private.rebuild_case_search_champions() rebuilds the lists to their
  full length, and lists the words that became common, every night
  (cron_jobs/rebuild_case_search_champions.sql).

  Trigger functions live here, once; 056 binds them (`-- requires:`).
*/

-- The boost of a case as SQL on alias c, double precision constants (1 + 0.25
-- + 0.10 written out: the same values as the sums, without numeric arithmetic
-- for every match).
create or replace function private.case_boost_sql() returns text
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select $sql$case when c.is_anti_black_specific
      then case c.precedent_value
        when 'High' then 1.5::double precision when 'Medium' then 1.35::double precision
        else 1.25::double precision end
      else case c.precedent_value
        when 'High' then 1.25::double precision when 'Medium' then 1.1::double precision
        else 1::double precision end
    end$sql$
$$;

comment on function private.case_boost_sql() is
'Internal: the boost of a case (alias c) as SQL: 1, +0.25 if anti-Black specific, +0.25 if precedent High, '
'+0.10 if Medium.';

-- The rank of a case for a query, as SQL on alias c: p_document names the
-- ranking document column (rank_doc_en / rank_doc_fr), p_query is SQL giving
-- the tsquery. The formula of rpc_functions/40_case_search.sql's header, in
-- one place: the search ranks with it and the lists are built with it, so a
-- list's rank of a case is bit for bit the rank search computes.
create or replace function private.case_rank_sql(p_document text, p_query text) returns text
language sql
immutable
strict
set search_path = pg_catalog, pg_temp
as $$
  select pg_catalog.format(
    $sql$((pg_catalog.ts_rank(c.%1$I, %2$s, 1) + 0.001::double precision) * %3$s)::real$sql$,
    p_document, p_query, private.case_boost_sql()
  )
$$;

comment on function private.case_rank_sql(text, text) is
'Internal: the rank of a case (alias c) for a query as SQL: (ts_rank(rank document, query, 1) + 0.001) x boost.';

-- The tsquery of one lexeme (u.lexeme of an unnested tsvector) as SQL: the
-- lexeme quoted as tsquery input quotes it.
create or replace function private.case_lexeme_query_sql(p_lexeme text) returns text
language sql
immutable
strict
set search_path = pg_catalog, pg_temp
as $$
  select pg_catalog.format(
    $sql$(('''' || pg_catalog.replace(%1$s, '''', '''''') || '''')::tsquery)$sql$, p_lexeme
  )
$$;

comment on function private.case_lexeme_query_sql(text) is
'Internal: SQL turning a lexeme expression into the tsquery of that one lexeme.';

-- The list rows of the cases of p_cases (SQL of a relation with the columns id,
-- deleted_at, rank_doc_en, rank_doc_fr, is_anti_black_specific and
-- precedent_value: a trigger's transition table, or a subquery) for the listed
-- words of their ranking documents, where their rank reaches the list's bound.
-- Driven by the cases: each word of a case's ranking documents is looked up in
-- the lists (primary key), and ranked only when it has one.
create or replace function private.case_search_champion_rows_sql(p_cases text) returns text
language sql
immutable
strict
set search_path = pg_catalog, pg_temp
as $$
  select pg_catalog.format(
    $sql$
    select l.lang, l.lexeme, r.rank, c.id
    from %1$s as c
    cross join lateral pg_catalog.unnest(c.rank_doc_en) as u (lexeme, positions, weights)
    join private.case_search_lexemes as l on l.lang = 'en' and l.lexeme = u.lexeme
    cross join lateral (select %2$s as rank) as r
    where c.deleted_at is null and (r.rank, c.id) >= (l.min_rank, l.min_id)
    union all
    select l.lang, l.lexeme, r.rank, c.id
    from %1$s as c
    cross join lateral pg_catalog.unnest(c.rank_doc_fr) as u (lexeme, positions, weights)
    join private.case_search_lexemes as l on l.lang = 'fr' and l.lexeme = u.lexeme
    cross join lateral (select %3$s as rank) as r
    where c.deleted_at is null and (r.rank, c.id) >= (l.min_rank, l.min_id)
    $sql$,
    p_cases,
    private.case_rank_sql('rank_doc_en', private.case_lexeme_query_sql('u.lexeme')),
    private.case_rank_sql('rank_doc_fr', private.case_lexeme_query_sql('u.lexeme'))
  )
$$;

comment on function private.case_search_champion_rows_sql(text) is
'Internal: SQL giving the champion-list rows (lang, lexeme, rank, case_id) of the cases of a relation.';

-- Statement triggers on tribunal_cases (056_case_search_champions): the cases
-- inserted, or updated in what ranks them (ranking documents, boost, deletion),
-- leave the lists and enter them again where they reach the bound. A deleted
-- row leaves through the foreign key (on delete cascade).
create or replace function private.sync_case_search_champions() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  -- The updated cases whose rank may have changed (new_cases and old_cases: the
  -- statement's transition tables, visible to EXECUTE).
  c_changed constant text := $sql$(
    select n.id, n.deleted_at, n.rank_doc_en, n.rank_doc_fr, n.is_anti_black_specific, n.precedent_value
    from new_cases as n
    join old_cases as o on o.id = n.id
    where n.rank_doc_en is distinct from o.rank_doc_en
      or n.rank_doc_fr is distinct from o.rank_doc_fr
      or n.is_anti_black_specific is distinct from o.is_anti_black_specific
      or n.precedent_value is distinct from o.precedent_value
      or n.deleted_at is distinct from o.deleted_at
  )$sql$;
begin
  if tg_op = 'UPDATE' then
    execute 'delete from private.case_search_champions as ch using ' || c_changed
      || ' as c where ch.case_id = c.id';
    execute 'insert into private.case_search_champions (lang, lexeme, rank, case_id) '
      || private.case_search_champion_rows_sql(c_changed);
  else
    execute 'insert into private.case_search_champions (lang, lexeme, rank, case_id) '
      || private.case_search_champion_rows_sql('new_cases');
  end if;
  return null;
end;
$$;

comment on function private.sync_case_search_champions() is
'Trigger: keeps private.case_search_champions true for the cases a statement inserted or re-ranked.';

-- Rebuilds the champion lists: for each language (or p_lang), every word that
-- more than p_list_size live ranking documents hold (or only the words of
-- p_lexemes, whatever their count) gets its best p_list_size cases and its
-- bound. Writers of tribunal_cases wait while it runs (share lock), readers
-- do not. Returns the number of lists built.
create or replace function private.rebuild_case_search_champions(
  p_lang text default null,
  p_lexemes text [] default null,
  p_list_size integer default 1000
) returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_lang text;
  v_lists integer := 0;
  v_built integer;
begin
  if p_lang is not null and p_lang not in ('en', 'fr') then
    raise exception using errcode = '22023', message = pg_catalog.format('p_lang must be en or fr, not %L', p_lang);
  end if;
  if p_list_size is null or p_list_size not between 20 and 100000 then
    raise exception using errcode = '22023', message = 'p_list_size must be from 20 to 100000';
  end if;
  lock table public.tribunal_cases in share mode;
  perform pg_catalog.set_config('work_mem', '512MB', true);

  foreach v_lang in array case when p_lang is null then array['en', 'fr'] else array[p_lang] end loop
    delete from private.case_search_champions as ch
    where ch.lang = v_lang and (p_lexemes is null or ch.lexeme = any (p_lexemes));
    delete from private.case_search_lexemes as l
    where l.lang = v_lang and (p_lexemes is null or l.lexeme = any (p_lexemes));

    -- The common words (ts_stat: document counts over the live ranking documents); a
    -- lexeme with a backslash (tsquery input escapes it) is left to the exact search.
    execute pg_catalog.format(
      $sql$
      with common as (
        select s.word as lexeme
        from pg_catalog.ts_stat(
          'select rank_doc_%1$s from public.tribunal_cases where deleted_at is null'
        ) as s
        where s.ndoc > $1 and pg_catalog.strpos(s.word, E'\\') = 0
          and ($2::text [] is null or s.word = any ($2))
      ),
      ranked as (
        select u.lexeme, c.id, %2$s as rank
        from public.tribunal_cases as c
        cross join lateral pg_catalog.unnest(c.rank_doc_%1$s) as u (lexeme, positions, weights)
        where c.deleted_at is null and u.lexeme in (select m.lexeme from common as m)
      ),
      numbered as (
        select r.lexeme, r.id, r.rank,
          pg_catalog.row_number() over (partition by r.lexeme order by r.rank desc, r.id desc) as n
        from ranked as r
      )
      insert into private.case_search_champions (lang, lexeme, rank, case_id)
      select %3$L, n.lexeme, n.rank, n.id
      from numbered as n
      where n.n <= $1
      $sql$,
      v_lang,
      private.case_rank_sql('rank_doc_' || v_lang, private.case_lexeme_query_sql('u.lexeme')),
      v_lang
    ) using p_list_size, p_lexemes;

    insert into private.case_search_lexemes (lang, lexeme, min_rank, min_id)
    select distinct on (ch.lexeme) ch.lang, ch.lexeme, ch.rank, ch.case_id
    from private.case_search_champions as ch
    where ch.lang = v_lang and (p_lexemes is null or ch.lexeme = any (p_lexemes))
    order by ch.lexeme, ch.rank, ch.case_id;
    get diagnostics v_built = row_count;
    v_lists := v_lists + v_built;
  end loop;
  return v_lists;
end;
$$;

comment on function private.rebuild_case_search_champions(text, text [], integer) is
'Rebuilds the case search champion lists (all words held by more than p_list_size live ranking documents, or '
'p_lexemes only) for p_lang or both languages; writers of tribunal_cases wait meanwhile. Returns the lists built.';

revoke all on function
  private.case_rank_sql(text, text),
  private.case_boost_sql(),
  private.case_lexeme_query_sql(text),
  private.case_search_champion_rows_sql(text),
  private.sync_case_search_champions(),
  private.rebuild_case_search_champions(text, text [], integer)
from public;
