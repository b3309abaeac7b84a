/*
  Case-law search: full text (English and French), semantic (pgvector), hybrid
  and related cases, with the filters of the search sidebar and its facets.

  Why RPCs and not a `.textSearch()` on the table: `tsvector @@ tsquery` is not
  LEAKPROOF, so under RLS PostgreSQL evaluates it only after the policy's quals
  and never as an index condition: a search through the table's policies
  scans every case. Each RPC is a thin SECURITY INVOKER wrapper over a private
  SECURITY DEFINER implementation that applies the visibility rule itself, the
  same for every caller: live cases only (`deleted_at is null`; no search
  path shows a soft-deleted case, to super_admin neither). Who may call: every
  signed-in user (`authenticated`) and `service_role`; anon reads no case
  (ACCESS.md), so anon calls nothing here.

  Filters, the same in every function (null or an empty array: no filter):
    p_tribunals text[]            tribunal is one of them (HRTO, CHRT, ...)
    p_year_from, p_year_to int    decision year within the range (1900-2100)
    p_outcomes text[]             outcome is one of them
    p_protected_grounds text[]    the case names at least one of them
    p_discrimination_types text[] the case names at least one of them
    p_anti_black_only boolean     only anti-Black-specific cases
    p_race_categories text[]      race_category is one of them
    p_precedent_values text[]     precedent_value is one of them

  Ranking of the full text (search_tribunal_cases): a case is found by its
  whole text (title, summary, full text: search_en / search_fr) and ranked by
  its title and summary (rank_doc_en / rank_doc_fr):
    (ts_rank(title and summary, query, 1) + 0.001)
                                   (weights title 1.0, summary 0.4, divided by
                                    1 + log(length))
    x (1 + 0.25 if anti-Black specific + 0.25 if precedent High, 0.10 if Medium)
  as a real (the boost, 1 to 1.5, as double precision constants); ties by id.
  A case whose title and summary hold none of the query's words (found by its
  full text only) has a text score of 0: its rank is 0.001 x boost, below
  the cases whose title or summary match, and among themselves by boost,
  then id.

  Exact up to 1,000 matches; above, exact from the champion lists, else the
  best candidates. The matches are first estimated by the planner (the
  statistics of search_en / search_fr); unless the estimate is above 2,000,
  they are counted up to 1,001 (the GIN index, the scan stops there). Up to
  1,000 (with the filters), every match is ranked by the formula and
  total_count is exact. Above 1,000 (a broad query: "discrimination" matches
  every decision), ranking every match would cost matches x document, and
  total_count is the planner's estimate of the matches, never below 1,001: a
  client shows total_count > 1,000 as "1,000+" (or "about N"). The page then
  comes from, in this order:
  - The champion lists (056_case_search_champions,
    rpc_functions/09_case_search_champions.sql), for a query of one word or
    of words joined by "or" (the two readings of a French word included)
    when a word is common enough to have a list: each list holds its word's
    best 1,000 cases in rank order, so a page of one word is read from a
    B-tree from its cursor and stops at its 20th row (private.case_champion_ranked);
    several words are bounded by their lists (a threshold algorithm). The
    page is the exact ranking's, proven by the lists' bounds; when they
    cannot prove a whole page (past a list's end: 50 pages of 20 without a
    filter; a filter that keeps few of a list's cases; three or more words
    seldom found together), the next way answers.
  - The exact best 200 of the title-and-summary matches, while the planner
    expects at most 5,000 of them ("racial profiling"), then the full-text-only
    matches of highest boost when fewer match by title and summary.
  - Else the 200 title-and-summary matches nearest to the query in the RUM
    indexes of the ranking documents (055_case_search_rum; `rank_doc <=>
    query`, read in order out of the index), ranked exactly by the formula:
    for the broadest queries of words that must all match (two common words
    with "and"), whose top 20 is close to, not always equal to, the exact
    ranking's (`abr-db bench-search` reports the overlap).
  The last two page through their best 200 cases (10 pages of 20; narrow the
  query with words or filters for more). Keyset pagination: each row's
  `cursor` (its rank and id) passed back as p_cursor returns the rows after
  it, so the pages stay stable while cases are added. Without a query the
  cases come newest decision first (total_count exact: a count of the
  filtered cases).

  Snippets (ts_headline, for the returned page only): the summary's best two
  fragments when the summary holds a word of the query, else the summary and
  the first 1,000 characters of the full text; HTML-escaped, matches in
  <mark>. Parsing text for a headline costs more than ranking a match (the
  French dictionaries ~35 us a summary): the summary alone is a quarter of it.

  Hybrid: reciprocal-rank fusion (Cormack et al.) of the full-text ranking
  and the semantic ranking, each cut to its best 60 cases:
    score = p_full_text_weight / (60 + full-text rank) + p_semantic_weight / (60 + semantic rank)
  k = 60 and both weights 1 by default. With equal weights a case in both
  lists scores at least 2/120 = 1/60 > 1/61, the best a case in one list can
  score: a case that matches both always outranks a case that matches one.

  Errors: 22023 invalid parameter (a message a client can show), P0002 a case
  that does not exist or is not visible (related_tribunal_cases).
*/

-- Filters ------------------------------------------------------------------------

create or replace function private.case_filters_checked(
  p_tribunals text [],
  p_year_from integer,
  p_year_to integer,
  p_outcomes text [],
  p_protected_grounds text [],
  p_discrimination_types text [],
  p_anti_black_only boolean,
  p_race_categories text [],
  p_precedent_values text []
) returns private.case_filters
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
declare
  v_list text [];
  v_name text;
  v_allowed text [];
  v_filters private.case_filters;
begin
  if p_year_from not between 1900 and 2100 then
    raise exception using errcode = '22023', message = 'p_year_from must be a year from 1900 to 2100',
      hint = 'p_year_from and p_year_to are years between 1900 and 2100.';
  end if;
  if p_year_to not between 1900 and 2100 then
    raise exception using errcode = '22023', message = 'p_year_to must be a year from 1900 to 2100',
      hint = 'p_year_from and p_year_to are years between 1900 and 2100.';
  end if;
  if p_year_from > p_year_to then
    raise exception using errcode = '22023', message = 'p_year_from is after p_year_to',
      hint = 'Give the earlier year as p_year_from.';
  end if;
  foreach v_name in array array[
    'p_tribunals', 'p_outcomes', 'p_protected_grounds', 'p_discrimination_types',
    'p_race_categories', 'p_precedent_values'
  ] loop
    v_list := case v_name
      when 'p_tribunals' then p_tribunals
      when 'p_outcomes' then p_outcomes
      when 'p_protected_grounds' then p_protected_grounds
      when 'p_discrimination_types' then p_discrimination_types
      when 'p_race_categories' then p_race_categories
      else p_precedent_values
    end;
    if pg_catalog.array_ndims(v_list) > 1 then
      raise exception using errcode = '22023', message = pg_catalog.format('%s must be a one-dimensional list', v_name),
        hint = 'Pass a flat list of values, e.g. {HRTO,CHRT}.';
    end if;
    if array_position(v_list, null) is not null then
      raise exception using errcode = '22023', message = pg_catalog.format('%s contains a null', v_name),
        hint = 'Filter lists hold values only; pass null or an empty list for no filter.';
    end if;
    v_allowed := case v_name
      when 'p_outcomes' then array['Upheld', 'Dismissed', 'Settled', 'Partially Upheld', 'Other']
      when 'p_race_categories' then array['Anti-Black', 'General', 'Other', 'Unknown']
      when 'p_precedent_values' then array['High', 'Medium', 'Low', 'Unknown']
    end;
    if v_allowed is not null and not (v_list <@ v_allowed) then
      raise exception using errcode = '22023',
        message = pg_catalog.format('invalid value in %s: %s', v_name, array_to_string(v_list, ', ')),
        hint = pg_catalog.format('Allowed: %s.', array_to_string(v_allowed, ', '));
    end if;
  end loop;

  v_filters := row(
    nullif(p_tribunals, '{}'), p_year_from, p_year_to, nullif(p_outcomes, '{}'),
    nullif(p_protected_grounds, '{}'), nullif(p_discrimination_types, '{}'),
    coalesce(p_anti_black_only, false), nullif(p_race_categories, '{}'), nullif(p_precedent_values, '{}')
  );
  return v_filters;
end;
$$;

comment on function private.case_filters_checked(
  text [], integer, integer, text [], text [], text [], boolean, text [], text []
) is
'Internal: validates the search filters (22023) and returns them as private.case_filters.';

-- The filters as SQL conditions on alias c, with quoted literals: each search
-- runs as one dynamic statement planned for its actual filters (a static
-- `(x is null or ...)` chain would be planned for every filter at once).
create or replace function private.case_filters_sql(p_filters private.case_filters) returns text
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select concat(
    case when (p_filters).tribunals is not null
      then pg_catalog.format(' and c.tribunal = any (%L::text[])', (p_filters).tribunals) end,
    case when (p_filters).year_from is not null
      then pg_catalog.format(' and c.year >= %s', (p_filters).year_from) end,
    case when (p_filters).year_to is not null
      then pg_catalog.format(' and c.year <= %s', (p_filters).year_to) end,
    case when (p_filters).outcomes is not null
      then pg_catalog.format(' and c.outcome = any (%L::text[])', (p_filters).outcomes) end,
    case when (p_filters).protected_grounds is not null
      then pg_catalog.format(' and c.protected_ground && %L::text[]', (p_filters).protected_grounds) end,
    case when (p_filters).discrimination_types is not null
      then pg_catalog.format(' and c.discrimination_type && %L::text[]', (p_filters).discrimination_types) end,
    case when (p_filters).anti_black_only then ' and c.is_anti_black_specific' end,
    case when (p_filters).race_categories is not null
      then pg_catalog.format(' and c.race_category = any (%L::text[])', (p_filters).race_categories) end,
    case when (p_filters).precedent_values is not null
      then pg_catalog.format(' and c.precedent_value = any (%L::text[])', (p_filters).precedent_values) end
  )
$$;

comment on function private.case_filters_sql(private.case_filters) is
'Internal: the filters as SQL conditions on tribunal_cases alias c (literals quoted).';

-- The full-text query of a language, or 22023.
create or replace function private.case_tsquery(p_query text, p_lang text) returns tsquery
language plpgsql
stable
set search_path = pg_catalog, pg_temp
as $$
declare
  v_query tsquery;
  v_folded tsquery;
begin
  if p_lang is null or p_lang not in ('en', 'fr') then
    raise exception using errcode = '22023', message = pg_catalog.format('p_lang must be en or fr, not %L', p_lang),
      hint = 'p_lang is en or fr.';
  end if;
  if pg_catalog.length(p_query) > 500 then
    raise exception using errcode = '22023', message = 'p_query is too long',
      hint = 'A search query has at most 500 characters.';
  end if;
  if nullif(pg_catalog.btrim(p_query), '') is null then
    return null;
  end if;
  if p_lang = 'en' then
    v_query := pg_catalog.websearch_to_tsquery('private.english_unaccent'::regconfig, p_query);
  else
    -- Either reading of the words (search_fr holds both): folded then stemmed,
    -- or stemmed then folded.
    v_query := pg_catalog.websearch_to_tsquery('private.french_unaccent'::regconfig, p_query);
    v_folded := private.fold_accents(pg_catalog.websearch_to_tsquery('pg_catalog.french'::regconfig, p_query));
    if v_folded is distinct from v_query and pg_catalog.numnode(v_folded) > 0 then
      v_query := v_query || v_folded;
    end if;
  end if;
  if pg_catalog.numnode(v_query) = 0 then
    raise exception using errcode = '22023', message = 'p_query has no searchable word',
      hint = 'Common words (the, of, le, de) are ignored: add a more specific word.';
  end if;
  return v_query;
end;
$$;

comment on function private.case_tsquery(text, text) is
'Internal: websearch_to_tsquery in the accent-folding configuration of p_lang (en|fr); null for an empty query.';

-- The embedding a caller passes, or 22023.
create or replace function private.case_query_embedding(p_embedding extensions.vector) returns extensions.vector
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
begin
  if p_embedding is null or extensions.vector_dims(p_embedding) <> 384 then
    raise exception using errcode = '22023', message = 'p_query_embedding must have 384 dimensions',
      hint = 'Embed the query with the model of tribunal_cases.embedding_model (multilingual-e5-small).';
  end if;
  if extensions.vector_norm(p_embedding) = 0 then
    raise exception using errcode = '22023', message = 'p_query_embedding is a zero vector',
      hint = 'A zero vector has no direction to compare.';
  end if;
  return p_embedding;
end;
$$;

comment on function private.case_query_embedding(extensions.vector) is
'Internal: checks a query embedding (384 dimensions, not zero) or raises 22023.';

-- Ranked ids -------------------------------------------------------------------

-- The words (lexemes) of a query, each once, sorted; null when one holds a
-- backslash (tsquery output escapes it).
create or replace function private.case_query_lexemes(p_query tsquery) returns text []
language sql
immutable
strict
set search_path = pg_catalog, pg_temp
as $fn$
  select case when pg_catalog.strpos(p_query::text, E'\\') = 0 then
    array(
      select distinct pg_catalog.replace(m.m[1], '''''', '''')
      from pg_catalog.regexp_matches(p_query::text, $re$'((?:[^']|'')*)'$re$, 'g') as m (m)
      order by 1
    )
  end
$fn$;

comment on function private.case_query_lexemes(tsquery) is
'Internal: the lexemes of a tsquery, each once, sorted (null if one holds a backslash).';

-- The words of a query made only of words joined by "or" (one word
-- included; the two readings of a French word are joined so); null for any
-- other query (a phrase, "and", a negation).
create or replace function private.case_query_or_lexemes(p_query tsquery) returns text []
language sql
immutable
strict
set search_path = pg_catalog, pg_temp
as $fn$
  select case when p_query::text ~ $re$^'(?:[^']|'')*'(?: \| '(?:[^']|'')*')*$$re$ then
    private.case_query_lexemes(p_query)
  end
$fn$;

comment on function private.case_query_or_lexemes(tsquery) is
'Internal: the lexemes of a tsquery made only of lexemes joined by |, or null.';

-- A page of a broad query read from the champion lists (056_case_search_champions,
-- rpc_functions/09_case_search_champions.sql): the exact ranking's p_limit rows after
-- the keyset, or no row when the lists cannot prove them (the caller then ranks
-- another way). Only for a query of words joined by "or" with at least one listed word.
--   One word: its list is its ranking. Read in order from the keyset, live cases
--   that pass the filters, stop at p_limit: exact while the list lasts.
--   Several words: the rank of a case is the mean of its words' ranks (ts_rank divides
--   its sum by the number of words). The candidates are the first p_depth entries of
--   each listed word's list and every case whose ranking document holds an unlisted
--   word; a case that is not a candidate ranks at most the mean of the words' bounds
--   (a listed word: the rank of its p_depth-th entry, or its list's bound when the list
--   is shorter; an unlisted word: 0.0015, the most a case without it in its ranking
--   document gets). Candidates ranked above that bound are exact; p_depth grows
--   fourfold until p_limit of them follow the keyset, or the lists end.
create or replace function private.case_champion_ranked(
  p_query tsquery,
  p_lang text,
  p_filter_sql text,
  p_limit integer,
  p_after_rank real,
  p_after_id uuid
) returns table (id uuid, rank real)
language plpgsql
stable
set search_path = pg_catalog, pg_temp
as $$
declare
  -- Relative margin above the bound: the mean of float4 ranks against ts_rank's own sum.
  c_margin constant double precision := 1e-5;
  -- A depth past any list's length.
  c_whole_lists constant integer := 1000000;
  v_words text [] := private.case_query_or_lexemes(p_query);
  v_listed text [];
  v_unlisted tsquery;
  v_depth integer := greatest(4 * p_limit, 100);
  v_both tsquery;
  v_sum double precision;
  v_max double precision;
  v_bound double precision;
  v_exhausted boolean;
  v_ids uuid [];
  v_ranks real [];
begin
  /*
    The rows come from RETURN QUERY, over arrays filled by EXECUTE:
    @plpgsql_check_options: extra_warnings = off
  */
  if v_words is null or pg_catalog.cardinality(v_words) > 8 then
    return;
  end if;
  select pg_catalog.array_agg(l.lexeme) into v_listed
  from private.case_search_lexemes as l
  where l.lang = p_lang and l.lexeme = any (v_words);
  if v_listed is null then
    return;
  end if;

  if pg_catalog.cardinality(v_words) = 1 then
    execute pg_catalog.format(
      $sql$
      select pg_catalog.array_agg(p.id order by p.rank desc, p.id desc),
        pg_catalog.array_agg(p.rank order by p.rank desc, p.id desc)
      from (
        select c.id, ch.rank
        from private.case_search_champions as ch
        join public.tribunal_cases as c on c.id = ch.case_id
        where ch.lang = $1 and ch.lexeme = $2
          and ($3::real is null or (ch.rank, ch.case_id) < ($3, $4))
          and c.deleted_at is null %1$s
        order by ch.rank desc, ch.case_id desc
        limit $5
      ) as p
      $sql$,
      p_filter_sql
    ) into v_ids, v_ranks using p_lang, v_words[1], p_after_rank, p_after_id, p_limit;
  else
    select pg_catalog.string_agg('''' || pg_catalog.replace(w.w, '''', '''''') || '''', ' | ')::tsquery
    into v_unlisted
    from pg_catalog.unnest(v_words) as w (w)
    where not w.w = any (v_listed);
    loop
      -- Each word's bound at this depth: the rank of its p_depth-th entry, its list's bound
      -- when the list is shorter, 0.0015 for an unlisted word (every case holding it is a
      -- candidate; a case without it in its ranking document ranks at most 0.001 x 1.5 for it).
      select
        coalesce(sum(case when h.n >= v_depth then h.last_rank else l.min_rank end), 0)
          + 0.0015::double precision * (pg_catalog.cardinality(v_words) - pg_catalog.cardinality(v_listed)),
        greatest(max(case when h.n >= v_depth then h.last_rank else l.min_rank end), 0.0015::double precision),
        bool_and(h.n < v_depth)
      into v_sum, v_max, v_exhausted
      from private.case_search_lexemes as l
      cross join lateral (
        select count(*) as n, min(e.rank) as last_rank
        from (
          select ch.rank
          from private.case_search_champions as ch
          where ch.lang = l.lang and ch.lexeme = l.lexeme
          order by ch.rank desc, ch.case_id desc
          limit v_depth
        ) as e
      ) as h
      where l.lang = p_lang and l.lexeme = any (v_listed);
      -- A case outside the candidates ranks at most the mean of the bounds; once the cases holding
      -- both of two words are candidates too, one outside holds at most one of them.
      v_bound := case when v_both is not null
        then (v_max + 0.0015::double precision) / 2
        else v_sum / pg_catalog.cardinality(v_words) end;

      execute pg_catalog.format(
        $sql$
        with candidates as (
          select e.case_id as id
          from private.case_search_lexemes as l
          cross join lateral (
            select ch.case_id
            from private.case_search_champions as ch
            where ch.lang = l.lang and ch.lexeme = l.lexeme
            order by ch.rank desc, ch.case_id desc
            limit $5
          ) as e
          where l.lang = $1 and l.lexeme = any ($2)
          union
          select c.id
          from public.tribunal_cases as c
          where $6::tsquery is not null and c.deleted_at is null and c.%2$I @@ $6
          union
          select c.id
          from public.tribunal_cases as c
          where $10::tsquery is not null and c.deleted_at is null and c.%2$I @@ $10
        ),
        ranked as (
          select c.id, %3$s as rank
          from candidates as k
          join public.tribunal_cases as c on c.id = k.id
          where c.deleted_at is null %1$s
        )
        select pg_catalog.array_agg(p.id order by p.rank desc, p.id desc),
          pg_catalog.array_agg(p.rank order by p.rank desc, p.id desc)
        from (
          select r.id, r.rank
          from ranked as r
          where r.rank > $7 and ($3::real is null or (r.rank, r.id) < ($3, $4))
          order by r.rank desc, r.id desc
          limit $8
        ) as p
        $sql$,
        p_filter_sql, 'rank_doc_' || p_lang, private.case_rank_sql('rank_doc_' || p_lang, '$9')
      ) into v_ids, v_ranks
      using p_lang, v_listed, p_after_rank, p_after_id, v_depth, v_unlisted,
        v_bound * (1 + c_margin), p_limit, p_query, v_both;
      exit when coalesce(pg_catalog.cardinality(v_ids), 0) >= p_limit;
      if v_both is null and pg_catalog.cardinality(v_words) = 2 then
        -- Two words seldom found together (the best cases hold one of them, at half its rank):
        -- the cases holding both join the candidates, with the whole lists.
        v_both := (
          '''' || pg_catalog.replace(v_words[1], '''', '''''') || ''' & '''
          || pg_catalog.replace(v_words[2], '''', '''''') || ''''
        )::tsquery;
        v_depth := c_whole_lists;
      else
        exit when v_exhausted;
        v_depth := v_depth * 4;
      end if;
    end loop;
  end if;

  if coalesce(pg_catalog.cardinality(v_ids), 0) >= p_limit then
    return query
    select u.id, u.rank
    from rows from (pg_catalog.unnest(v_ids), pg_catalog.unnest(v_ranks)) as u (id, rank);
  end if;
end;
$$;

comment on function private.case_champion_ranked(tsquery, text, text, integer, real, uuid) is
'Internal: a page of a broad query of words joined by "or", exact, read from the champion lists; no row when the '
'lists cannot prove it.';

-- Full-text matches of live cases, best first, after the keyset (p_after_rank,
-- p_after_id) when given, at most p_limit, each with the match count (exact up
-- to 1,000, an estimate above: see the header).
create or replace function private.case_fts_ranked(
  p_query tsquery,
  p_lang text,
  p_filters private.case_filters,
  p_limit integer,
  p_after_rank real default null,
  p_after_id uuid default null
) returns table (id uuid, rank real, total_count bigint)
language plpgsql
-- Volatile only because it reads the planner's estimate with EXPLAIN, which PostgreSQL
-- refuses in a stable function; it writes nothing.
volatile
set search_path = pg_catalog, pg_temp
as $$
declare
  -- Up to this many matches a search is exact: every match ranked, the count exact.
  c_exact constant integer := 1000;
  -- Above it, the best 200 candidates, ranked exactly: the exact best 200 of the title-and-summary
  -- matches while the planner expects at most c_ranked_exactly of them, else the 200 nearest in
  -- the ranking documents' RUM index.
  c_candidates constant integer := 200;
  c_ranked_exactly constant integer := 5000;
  -- With RUM's order, the first this many of each word's champion list join the candidates.
  c_list_candidates constant integer := 300;
  v_search text := 'search_' || p_lang;
  v_rank_doc text := 'rank_doc_' || p_lang;
  -- The rank of a match (the formula of the header) on alias c.
  v_rank text := private.case_rank_sql('rank_doc_' || p_lang, '$1');
  v_filter_sql text := private.case_filters_sql(p_filters);
  v_matches bigint;
  v_estimate bigint;
  v_rank_doc_estimate bigint;
  v_plan json;
begin
  /*
    The rows come from RETURN QUERY EXECUTE, which plpgsql_check cannot see into, so its
    "OUT variable is maybe unmodified" (an extra warning) is a false positive here:
    @plpgsql_check_options: extra_warnings = off
  */
  -- The planner's estimate of the matches (the statistics of search_en / search_fr).
  execute pg_catalog.format(
    'explain (format json) select from public.tribunal_cases as c where c.deleted_at is null and c.%1$I @@ $1 %2$s',
    v_search, v_filter_sql
  ) into v_plan using p_query;
  v_estimate := (v_plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric::bigint;

  -- Unless the estimate is twice the threshold or more, the matches counted up to one past it:
  -- the GIN index gives them, the scan stops there.
  v_matches := c_exact + 1;
  if v_estimate <= 2 * c_exact then
    execute pg_catalog.format(
      $sql$
      select count(*) from (
        select from public.tribunal_cases as c
        where c.deleted_at is null and c.%1$I @@ $1 %2$s
        limit %3$s
      ) as m
      $sql$,
      v_search, v_filter_sql, c_exact + 1
    ) into v_matches using p_query;
  end if;

  if v_matches <= c_exact then
    -- Exact: every match ranked.
    return query execute pg_catalog.format(
      $sql$
      with matches as materialized (
        select c.id, %3$s as rank
        from public.tribunal_cases as c
        where c.deleted_at is null and c.%1$I @@ $1 %2$s
      )
      select m.id, m.rank, $5::bigint
      from matches as m
      where $3 is null or (m.rank, m.id) < ($3, $4)
      order by m.rank desc, m.id desc
      limit $2
      $sql$,
      v_search, v_filter_sql, v_rank
    ) using p_query, p_limit, p_after_rank, p_after_id, v_matches;
    return;
  end if;

  -- Broad: the count is the planner's estimate, never below the threshold + 1.
  v_matches := greatest(c_exact + 1, v_estimate);

  -- Words joined by "or" (one word included): the page read from the champion lists, exact,
  -- when they can prove it.
  return query
  select r.id, r.rank, v_matches
  from private.case_champion_ranked(p_query, p_lang, v_filter_sql, p_limit, p_after_rank, p_after_id) as r;
  if found then
    return;
  end if;
  execute pg_catalog.format(
    'explain (format json) select from public.tribunal_cases as c where c.deleted_at is null and c.%1$I @@ $1 %2$s',
    v_rank_doc, v_filter_sql
  ) into v_plan using p_query;
  v_rank_doc_estimate := (v_plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric::bigint;

  -- The candidates: the c_candidates best title-and-summary matches (ranked exactly while the
  -- planner expects at most c_ranked_exactly of them, else the nearest to the query in the
  -- RUM index by its text distance), then, when fewer match by title and summary,
  -- the best full-text-only matches (0.001 x boost), up to c_candidates in all; ranked
  -- exactly, paged by the keyset. A query with a negation also checks the whole text
  -- (a title and summary without the excluded word may have it in the full text).
  return query execute pg_catalog.format(
    $sql$
    with ranked_doc as materialized (
      select c.id, %3$s as rank
      from public.tribunal_cases as c
      where c.deleted_at is null and c.%4$I @@ $1 %2$s %6$s
      order by %8$s
      limit %5$s
    ),
    -- Broad queries ordered by RUM: the cases ranked highest for each word of the query by
    -- its champion list (its first %9$s) that match the whole query join the candidates.
    from_lists as materialized (
      select c.id, %3$s as rank
      from (
        select distinct e.case_id
        from private.case_search_lexemes as l
        cross join lateral (
          select ch.case_id
          from private.case_search_champions as ch
          where ch.lang = l.lang and ch.lexeme = l.lexeme
          order by ch.rank desc, ch.case_id desc
          limit %9$s
        ) as e
        where %10$L and l.lang = $6 and l.lexeme = any ($7)
      ) as k
      join public.tribunal_cases as c on c.id = k.case_id
      where c.deleted_at is null and c.%4$I @@ $1 %2$s %6$s
    ),
    full_text_only as materialized (
      select c.id, (0.001::double precision * %7$s)::real as rank
      from public.tribunal_cases as c
      where (select count(*) from ranked_doc) < %5$s
        and c.deleted_at is null and c.%1$I @@ $1 and not c.%4$I @@ $1 %2$s
      order by 2 desc, c.id desc
      limit %5$s - (select count(*) from ranked_doc)
    ),
    candidates as (
      select r.id, r.rank from ranked_doc as r
      union
      select l.id, l.rank from from_lists as l
      union
      select f.id, f.rank from full_text_only as f
    )
    select m.id, m.rank, $5::bigint
    from candidates as m
    where $3 is null or (m.rank, m.id) < ($3, $4)
    order by m.rank desc, m.id desc
    limit $2
    $sql$,
    v_search, v_filter_sql, v_rank, v_rank_doc, c_candidates,
    case when p_query::text like '%!%' then pg_catalog.format('and c.%I @@ $1', v_search) end,
    private.case_boost_sql(),
    -- Exactly: by the rank. RUM: by the distance alone (no tie-break: so the index returns the
    -- rows in order and stops at the limit; with `, c.id` the planner sorts every match).
    case when v_rank_doc_estimate <= c_ranked_exactly then '2 desc, c.id desc'
      else pg_catalog.format('c.%I operator(extensions.<=>) $1', v_rank_doc) end,
    c_list_candidates, v_rank_doc_estimate > c_ranked_exactly
  ) using p_query, p_limit, p_after_rank, p_after_id, v_matches, p_lang, private.case_query_lexemes(p_query);
end;
$$;

comment on function private.case_fts_ranked(tsquery, text, private.case_filters, integer, real, uuid) is
'Internal: full-text matches of live cases, ranked (see rpc_functions/40_case_search.sql), keyset-paginated.';

-- Nearest live cases by cosine distance, at most p_limit. HNSW with pgvector
-- 0.8's iterative scan (filters do not shrink the result); when the index
-- still returns fewer than p_limit (a filter that matches few cases), an exact
-- scan of the filtered cases answers instead, so a result is short only when
-- fewer cases match.
create or replace function private.case_vector_ranked(
  p_embedding extensions.vector,
  p_filters private.case_filters,
  p_limit integer,
  p_exclude uuid default null
) returns table (id uuid, distance double precision)
language plpgsql
stable
rows 10
set search_path = pg_catalog, pg_temp
set "hnsw.ef_search" = 40
set "hnsw.iterative_scan" = strict_order
as $$
declare
  -- %1$s: the order (the HNSW operator, or an expression no index serves); %2$s: the filters.
  v_template constant text := $sql$
    select array_agg(s.id order by s.distance, s.id), array_agg(s.distance order by s.distance, s.id)
    from (
      select c.id, c.embedding operator(extensions.<=>) $1 as distance
      from public.tribunal_cases as c
      where c.deleted_at is null and c.embedding is not null
        and c.id is distinct from $3 %2$s
      order by %1$s
      limit $2
    ) as s
  $sql$;
  v_filter_sql text := private.case_filters_sql(p_filters);
  v_ids uuid [];
  v_distances double precision [];
  v_plan_mode text;
begin
  if v_filter_sql = '' then
    -- No filter (the usual call, and every related_tribunal_cases): the template's statement
    -- written out, so PL/pgSQL keeps it prepared. On a table of some size (10,000 cases by
    -- the last ANALYZE) it runs its generic plan, planned once for the session: the HNSW
    -- index scan every custom plan chose, and planning it on each call cost about as much as
    -- the scan (`limit $2` makes the generic estimate look dearer than the custom ones, so
    -- PL/pgSQL would keep re-planning: the plan mode is set for this statement only). On a
    -- small table (a test, a new project) it is planned per call: a generic plan there is a
    -- sequential scan and sort, which would then stay fixed for the session whatever the
    -- planner settings. An ANALYZE of tribunal_cases invalidates the plan either way.
    v_plan_mode := pg_catalog.current_setting('plan_cache_mode');
    perform pg_catalog.set_config(
      'plan_cache_mode',
      case when (
        select t.reltuples from pg_catalog.pg_class as t where t.oid = 'public.tribunal_cases'::pg_catalog.regclass
      ) >= 10000 then 'force_generic_plan' else 'force_custom_plan' end,
      true
    );
    select array_agg(s.id order by s.distance, s.id), array_agg(s.distance order by s.distance, s.id)
    into v_ids, v_distances
    from (
      select c.id, c.embedding operator(extensions.<=>) p_embedding as distance
      from public.tribunal_cases as c
      where c.deleted_at is null and c.embedding is not null
        and c.id is distinct from p_exclude
      order by c.embedding operator(extensions.<=>) p_embedding
      limit p_limit
    ) as s;
    perform pg_catalog.set_config('plan_cache_mode', v_plan_mode, true);
  else
    execute pg_catalog.format(v_template, 'c.embedding operator(extensions.<=>) $1', v_filter_sql)
    into v_ids, v_distances using p_embedding, p_limit, p_exclude;
  end if;
  if coalesce(pg_catalog.cardinality(v_ids), 0) < p_limit then
    execute pg_catalog.format(v_template, '(c.embedding operator(extensions.<=>) $1) + 0, c.id', v_filter_sql)
    into v_ids, v_distances using p_embedding, p_limit, p_exclude;
  end if;
  return query
  select u.id, u.distance
  from unnest(v_ids, v_distances) as u (id, distance);
end;
$$;

comment on function private.case_vector_ranked(extensions.vector, private.case_filters, integer, uuid) is
'Internal: nearest live cases by cosine distance (HNSW, iterative scan, exact fallback when short).';

-- search_tribunal_cases ----------------------------------------------------------

create or replace function private.search_tribunal_cases(
  p_query text,
  p_lang text,
  p_tribunals text [],
  p_year_from integer,
  p_year_to integer,
  p_outcomes text [],
  p_protected_grounds text [],
  p_discrimination_types text [],
  p_anti_black_only boolean,
  p_race_categories text [],
  p_precedent_values text [],
  p_limit integer,
  p_cursor text
) returns table (
  id uuid,
  case_number text,
  title text,
  tribunal text,
  decision_date date,
  year integer,
  outcome text,
  protected_ground text [],
  discrimination_type text [],
  is_anti_black_specific boolean,
  precedent_value text,
  rank real,
  snippet text,
  total_count bigint,
  cursor text
)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
-- The cursor's rank must read back exactly.
set extra_float_digits = 3
as $$
declare
  v_query tsquery := private.case_tsquery(p_query, p_lang);
  v_filters private.case_filters := private.case_filters_checked(
    p_tribunals, p_year_from, p_year_to, p_outcomes, p_protected_grounds,
    p_discrimination_types, p_anti_black_only, p_race_categories, p_precedent_values
  );
  v_config regconfig := case p_lang
    when 'en' then 'private.english_unaccent'::regconfig else 'private.french_unaccent'::regconfig
  end;
  v_after_rank real;
  v_after_id uuid;
begin
  if p_limit is null or p_limit not between 1 and 100 then
    raise exception using errcode = '22023', message = 'p_limit must be between 1 and 100',
      hint = 'Ask for a page of 1 to 100 cases; pass the last row''s cursor for the next page.';
  end if;
  if p_cursor is not null then
    begin
      v_after_rank := pg_catalog.split_part(p_cursor, ':', 1)::real;
      v_after_id := pg_catalog.split_part(p_cursor, ':', 2)::uuid;
    exception when others then
      v_after_rank := null;
    end;
    -- A rank this search returns: finite and from 0 to 1,000,000 (a text rank is at most
    -- ~1.5, a day number at most ~767,000); NaN, infinities and 1e30 are not cursors.
    if v_after_rank is null or v_after_id is null or pg_catalog.split_part(p_cursor, ':', 3) <> ''
      or not (v_after_rank between 0 and 1000000)
    then
      raise exception using errcode = '22023', message = 'p_cursor is not a cursor of this search',
        hint = 'Pass the cursor column of the last row of the previous page, unchanged.';
    end if;
  end if;

  if v_query is null then
    -- No query: newest decisions first; the rank is the decision date's day number.
    return query execute pg_catalog.format(
      $sql$
      select c.id, c.case_number, c.title, c.tribunal, c.decision_date, c.year, c.outcome,
        c.protected_ground, c.discrimination_type, c.is_anti_black_specific, c.precedent_value,
        (coalesce(c.decision_date, '0001-01-01'::date) - '0001-01-01'::date)::real,
        pg_catalog.left(coalesce(%1$s, c.title), 240),
        (select count(*) from public.tribunal_cases as c where c.deleted_at is null %2$s),
        (coalesce(c.decision_date, '0001-01-01'::date) - '0001-01-01'::date)::text || ':' || c.id::text
      from public.tribunal_cases as c
      where c.deleted_at is null %2$s
        and ($2 is null or (coalesce(c.decision_date, '0001-01-01'::date), c.id) < ($2, $3))
      order by coalesce(c.decision_date, '0001-01-01'::date) desc, c.id desc
      limit $1
      $sql$,
      case p_lang when 'en' then 'c.summary_en' else 'c.summary_fr' end,
      private.case_filters_sql(v_filters)
    ) using p_limit, '0001-01-01'::date + v_after_rank::integer, v_after_id;
    return;
  end if;

  return query
  select c.id, c.case_number, c.title, c.tribunal, c.decision_date, c.year, c.outcome,
    c.protected_ground, c.discrimination_type, c.is_anti_black_specific, c.precedent_value,
    r.rank,
    private.case_headline(
      v_config,
      case p_lang when 'en' then c.summary_en else c.summary_fr end,
      case p_lang when 'en' then c.full_text_en else c.full_text_fr end,
      c.title,
      v_query
    ),
    r.total_count,
    r.rank::text || ':' || r.id::text
  from private.case_fts_ranked(v_query, p_lang, v_filters, p_limit, v_after_rank, v_after_id) as r
  inner join public.tribunal_cases as c on c.id = r.id
  order by r.rank desc, r.id desc;
end;
$$;

create or replace function public.search_tribunal_cases(
  p_query text,
  p_lang text default 'en',
  p_tribunals text [] default null,
  p_year_from integer default null,
  p_year_to integer default null,
  p_outcomes text [] default null,
  p_protected_grounds text [] default null,
  p_discrimination_types text [] default null,
  p_anti_black_only boolean default false,
  p_race_categories text [] default null,
  p_precedent_values text [] default null,
  p_limit integer default 20,
  p_cursor text default null
) returns table (
  id uuid,
  case_number text,
  title text,
  tribunal text,
  decision_date date,
  year integer,
  outcome text,
  protected_ground text [],
  discrimination_type text [],
  is_anti_black_specific boolean,
  precedent_value text,
  rank real,
  snippet text,
  total_count bigint,
  cursor text
)
language sql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.search_tribunal_cases(
    p_query, p_lang, p_tribunals, p_year_from, p_year_to, p_outcomes, p_protected_grounds,
    p_discrimination_types, p_anti_black_only, p_race_categories, p_precedent_values, p_limit, p_cursor
  )
$$;

comment on function public.search_tribunal_cases(
  text, text, text [], integer, integer, text [], text [], text [], boolean, text [], text [], integer, text
) is
'Full-text search of the case law in English (p_lang en) or French (fr), web-style syntax ("exact phrase", -not, or), '
'accents optional. Filters: tribunals, year range, outcomes, protected grounds, discrimination types, anti-Black only, '
'race categories, precedent values. Best first (anti-Black-specific and high-precedent cases boosted); snippet '
'highlights with <mark> (text HTML-escaped), computed for the returned page only; pass the last row''s cursor as '
'p_cursor for the next page. total_count is exact up to 1,000 matches; above, it is the planner''s estimate (always '
'above 1,000: show "1,000+"), and the page is read in rank order from the champion lists (a query of one word, or of '
'words joined by or: exact), else ranked from the best 200 candidates. No query: newest decisions first, total_count '
'exact. Errors: 22023 invalid parameter.';

-- A highlighted, HTML-escaped excerpt: the summary's best fragments when the
-- summary holds a word of the query, else the summary and the start of the full
-- text. ts_headline parses and stems all the text it is given (the French
-- dictionaries cost ~35 us per summary): the summary alone is a quarter of the
-- text, and the fallback keeps a highlight for cases found by their full text.
create or replace function private.case_headline(
  p_config regconfig, p_summary text, p_full_text text, p_title text, p_query tsquery
) returns text
language sql
stable
set search_path = pg_catalog, pg_temp
as $$
  select case
    when h.summary_only like '%<mark>%' then h.summary_only
    else pg_catalog.ts_headline(
      p_config,
      pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
        coalesce(nullif(concat_ws(' … ', p_summary, pg_catalog.substr(p_full_text, 1, 1000)), ''), p_title),
        '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
      p_query,
      'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'
    )
  end
  from (
    select case when nullif(p_summary, '') is not null then pg_catalog.ts_headline(
      p_config,
      pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(p_summary, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
      p_query,
      'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'
    ) end as summary_only
  ) as h
$$;

comment on function private.case_headline(regconfig, text, text, text, tsquery) is
'Internal: ts_headline of a case''s summary (when it holds a query word, else summary and full-text start), '
'HTML-escaped, matches in <mark>.';

-- search_tribunal_case_facets ----------------------------------------------------

create or replace function private.search_tribunal_case_facets(
  p_query text,
  p_lang text,
  p_tribunals text [],
  p_year_from integer,
  p_year_to integer,
  p_outcomes text [],
  p_protected_grounds text [],
  p_discrimination_types text [],
  p_anti_black_only boolean,
  p_race_categories text [],
  p_precedent_values text []
) returns table (facet text, value text, case_count bigint)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_query tsquery := private.case_tsquery(p_query, p_lang);
  v_filters private.case_filters := private.case_filters_checked(
    p_tribunals, p_year_from, p_year_to, p_outcomes, p_protected_grounds,
    p_discrimination_types, p_anti_black_only, p_race_categories, p_precedent_values
  );
begin
  /*
    The rows come from RETURN QUERY EXECUTE, which plpgsql_check cannot see into, so its
    "OUT variable is maybe unmodified" (an extra warning) is a false positive here:
    @plpgsql_check_options: extra_warnings = off
  */
  return query execute pg_catalog.format(
    $sql$
    with matches as materialized (
      select c.tribunal, c.outcome, c.protected_ground, c.year
      from public.tribunal_cases as c
      where c.deleted_at is null %1$s %2$s
    )
    select 'tribunal', m.tribunal, count(*) from matches as m group by m.tribunal
    union all
    select 'outcome', coalesce(m.outcome, 'Unknown'), count(*) from matches as m group by 2
    union all
    select 'protected_ground', g.ground, count(*)
    from matches as m cross join lateral unnest(m.protected_ground) as g (ground) group by g.ground
    union all
    select 'year', m.year::text, count(*) from matches as m where m.year is not null group by m.year
    order by 1, 3 desc, 2
    $sql$,
    case when v_query is not null then pg_catalog.format('and c.%I @@ $1', 'search_' || p_lang) end,
    private.case_filters_sql(v_filters)
  ) using v_query;
end;
$$;

create or replace function public.search_tribunal_case_facets(
  p_query text,
  p_lang text default 'en',
  p_tribunals text [] default null,
  p_year_from integer default null,
  p_year_to integer default null,
  p_outcomes text [] default null,
  p_protected_grounds text [] default null,
  p_discrimination_types text [] default null,
  p_anti_black_only boolean default false,
  p_race_categories text [] default null,
  p_precedent_values text [] default null
) returns table (facet text, value text, case_count bigint)
language sql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.search_tribunal_case_facets(
    p_query, p_lang, p_tribunals, p_year_from, p_year_to, p_outcomes, p_protected_grounds,
    p_discrimination_types, p_anti_black_only, p_race_categories, p_precedent_values
  )
$$;

comment on function public.search_tribunal_case_facets(
  text, text, text [], integer, integer, text [], text [], text [], boolean, text [], text []
) is
'Facet counts for the search sidebar, for the same query and filters as search_tribunal_cases: one row per '
'(facet, value) with facet tribunal, outcome, protected_ground or year. Errors: 22023 invalid parameter.';

-- match_tribunal_cases -------------------------------------------------------------

create or replace function private.match_tribunal_cases(
  p_query_embedding extensions.vector,
  p_match_count integer,
  p_min_similarity double precision,
  p_tribunals text [],
  p_year_from integer,
  p_year_to integer,
  p_outcomes text [],
  p_protected_grounds text [],
  p_discrimination_types text [],
  p_anti_black_only boolean,
  p_race_categories text [],
  p_precedent_values text []
) returns table (
  id uuid,
  case_number text,
  title text,
  tribunal text,
  decision_date date,
  year integer,
  outcome text,
  is_anti_black_specific boolean,
  precedent_value text,
  summary_en text,
  summary_fr text,
  similarity double precision
)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_embedding extensions.vector := private.case_query_embedding(p_query_embedding);
  v_filters private.case_filters := private.case_filters_checked(
    p_tribunals, p_year_from, p_year_to, p_outcomes, p_protected_grounds,
    p_discrimination_types, p_anti_black_only, p_race_categories, p_precedent_values
  );
begin
  if p_match_count is null or p_match_count not between 1 and 100 then
    raise exception using errcode = '22023', message = 'p_match_count must be between 1 and 100',
      hint = 'Ask for 1 to 100 cases.';
  end if;
  if p_min_similarity is null or p_min_similarity not between -1 and 1 then
    raise exception using errcode = '22023', message = 'p_min_similarity must be between -1 and 1',
      hint = 'Cosine similarity: 1 is identical; pass -1 for no threshold.';
  end if;
  return query
  select c.id, c.case_number, c.title, c.tribunal, c.decision_date, c.year, c.outcome,
    c.is_anti_black_specific, c.precedent_value, c.summary_en, c.summary_fr, 1 - v.distance
  from private.case_vector_ranked(v_embedding, v_filters, p_match_count) as v
  inner join public.tribunal_cases as c on c.id = v.id
  where 1 - v.distance >= p_min_similarity
  order by v.distance, v.id;
end;
$$;

create or replace function public.match_tribunal_cases(
  p_query_embedding extensions.vector,
  p_match_count integer default 10,
  p_min_similarity double precision default -1,
  p_tribunals text [] default null,
  p_year_from integer default null,
  p_year_to integer default null,
  p_outcomes text [] default null,
  p_protected_grounds text [] default null,
  p_discrimination_types text [] default null,
  p_anti_black_only boolean default false,
  p_race_categories text [] default null,
  p_precedent_values text [] default null
) returns table (
  id uuid,
  case_number text,
  title text,
  tribunal text,
  decision_date date,
  year integer,
  outcome text,
  is_anti_black_specific boolean,
  precedent_value text,
  summary_en text,
  summary_fr text,
  similarity double precision
)
language sql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.match_tribunal_cases(
    p_query_embedding, p_match_count, p_min_similarity, p_tribunals, p_year_from, p_year_to, p_outcomes,
    p_protected_grounds, p_discrimination_types, p_anti_black_only, p_race_categories, p_precedent_values
  )
$$;

comment on function public.match_tribunal_cases(
  extensions.vector, integer, double precision, text [], integer, integer, text [], text [], text [], boolean,
  text [], text []
) is
'Semantic search: the p_match_count (1-100) live cases nearest to p_query_embedding (384 dimensions, '
'multilingual-e5-small "query: " embedding) by cosine similarity, at least p_min_similarity, with the same filters '
'as search_tribunal_cases. Filters never shrink the result below p_match_count when enough cases match. Cases '
'without an embedding are not found. Errors: 22023 invalid parameter.';

-- hybrid_search_tribunal_cases -----------------------------------------------------

create or replace function private.hybrid_search_tribunal_cases(
  p_query text,
  p_query_embedding extensions.vector,
  p_lang text,
  p_match_count integer,
  p_full_text_weight double precision,
  p_semantic_weight double precision,
  p_tribunals text [],
  p_year_from integer,
  p_year_to integer,
  p_outcomes text [],
  p_protected_grounds text [],
  p_discrimination_types text [],
  p_anti_black_only boolean,
  p_race_categories text [],
  p_precedent_values text []
) returns table (
  id uuid,
  case_number text,
  title text,
  tribunal text,
  decision_date date,
  year integer,
  outcome text,
  is_anti_black_specific boolean,
  precedent_value text,
  score double precision,
  full_text_rank integer,
  semantic_rank integer,
  snippet text
)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  k constant integer := 60;
  v_query tsquery := private.case_tsquery(p_query, p_lang);
  v_embedding extensions.vector := private.case_query_embedding(p_query_embedding);
  v_filters private.case_filters := private.case_filters_checked(
    p_tribunals, p_year_from, p_year_to, p_outcomes, p_protected_grounds,
    p_discrimination_types, p_anti_black_only, p_race_categories, p_precedent_values
  );
  v_config regconfig := case p_lang
    when 'en' then 'private.english_unaccent'::regconfig else 'private.french_unaccent'::regconfig
  end;
begin
  if v_query is null then
    raise exception using errcode = '22023', message = 'p_query is required',
      hint = 'Hybrid search needs words; use match_tribunal_cases for an embedding alone.';
  end if;
  if p_match_count is null or p_match_count not between 1 and 60 then
    raise exception using errcode = '22023', message = 'p_match_count must be between 1 and 60',
      hint = 'Hybrid search fuses the best 60 of each ranking.';
  end if;
  if p_full_text_weight is null or p_full_text_weight not between 0 and 1
    or p_semantic_weight is null or p_semantic_weight not between 0 and 1
    or p_full_text_weight + p_semantic_weight = 0
  then
    raise exception using errcode = '22023',
      message = 'p_full_text_weight and p_semantic_weight must be between 0 and 1, not both 0',
      hint = 'p_full_text_weight and p_semantic_weight default to 1.';
  end if;
  return query
  with fts as (
    select f.id, (row_number() over (order by f.rank desc, f.id desc))::integer as r
    from private.case_fts_ranked(v_query, p_lang, v_filters, k) as f
  ),
  vec as (
    select v.id, (row_number() over (order by v.distance, v.id))::integer as r
    from private.case_vector_ranked(v_embedding, v_filters, k) as v
  ),
  fused as (
    select coalesce(fts.id, vec.id) as id, fts.r as fts_r, vec.r as vec_r,
      coalesce(p_full_text_weight / (k + fts.r), 0) + coalesce(p_semantic_weight / (k + vec.r), 0) as score
    from fts full join vec on fts.id = vec.id
    order by 4 desc, 1 desc
    limit p_match_count
  )
  select c.id, c.case_number, c.title, c.tribunal, c.decision_date, c.year, c.outcome,
    c.is_anti_black_specific, c.precedent_value, f.score, f.fts_r, f.vec_r,
    case when f.fts_r is not null then private.case_headline(
      v_config,
      case p_lang when 'en' then c.summary_en else c.summary_fr end,
      case p_lang when 'en' then c.full_text_en else c.full_text_fr end,
      c.title,
      v_query
    ) else pg_catalog.left(coalesce(case p_lang when 'en' then c.summary_en else c.summary_fr end, c.title), 240)
    end
  from fused as f
  inner join public.tribunal_cases as c on c.id = f.id
  order by f.score desc, f.id desc;
end;
$$;

create or replace function public.hybrid_search_tribunal_cases(
  p_query text,
  p_query_embedding extensions.vector,
  p_lang text default 'en',
  p_match_count integer default 20,
  p_full_text_weight double precision default 1,
  p_semantic_weight double precision default 1,
  p_tribunals text [] default null,
  p_year_from integer default null,
  p_year_to integer default null,
  p_outcomes text [] default null,
  p_protected_grounds text [] default null,
  p_discrimination_types text [] default null,
  p_anti_black_only boolean default false,
  p_race_categories text [] default null,
  p_precedent_values text [] default null
) returns table (
  id uuid,
  case_number text,
  title text,
  tribunal text,
  decision_date date,
  year integer,
  outcome text,
  is_anti_black_specific boolean,
  precedent_value text,
  score double precision,
  full_text_rank integer,
  semantic_rank integer,
  snippet text
)
language sql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.hybrid_search_tribunal_cases(
    p_query, p_query_embedding, p_lang, p_match_count, p_full_text_weight, p_semantic_weight,
    p_tribunals, p_year_from, p_year_to, p_outcomes, p_protected_grounds, p_discrimination_types,
    p_anti_black_only, p_race_categories, p_precedent_values
  )
$$;

comment on function public.hybrid_search_tribunal_cases(
  text, extensions.vector, text, integer, double precision, double precision, text [], integer, integer, text [],
  text [], text [], boolean, text [], text []
) is
'Hybrid search: reciprocal-rank fusion (k = 60) of the full-text ranking (p_query, p_lang) and the semantic ranking '
'(p_query_embedding, 384 dimensions), the best 60 of each: score = p_full_text_weight/(60 + full_text_rank) + '
'p_semantic_weight/(60 + semantic_rank), weights 0-1 (default 1). With equal weights a case matching both always '
'outranks a case matching one. Same filters as search_tribunal_cases. Errors: 22023 invalid parameter.';

-- related_tribunal_cases -------------------------------------------------------------

create or replace function private.related_tribunal_cases(p_case_id uuid, p_limit integer)
returns table (
  id uuid,
  case_number text,
  title text,
  tribunal text,
  decision_date date,
  year integer,
  outcome text,
  is_anti_black_specific boolean,
  precedent_value text,
  similarity double precision
)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_embedding extensions.vector;
begin
  if p_case_id is null then
    raise exception using errcode = '22023', message = 'p_case_id is required',
      hint = 'Pass the id of a tribunal case.';
  end if;
  if p_limit is null or p_limit not between 1 and 50 then
    raise exception using errcode = '22023', message = 'p_limit must be between 1 and 50',
      hint = 'Ask for 1 to 50 related cases.';
  end if;
  select c.embedding into v_embedding
  from public.tribunal_cases as c
  where c.id = p_case_id and c.deleted_at is null;
  if not found then
    raise exception using errcode = 'P0002', message = 'case not found',
      hint = 'Check p_case_id: the case does not exist or was deleted.';
  end if;
  -- A case not embedded yet has no neighbours: an empty list, not an error.
  return query
  select c.id, c.case_number, c.title, c.tribunal, c.decision_date, c.year, c.outcome,
    c.is_anti_black_specific, c.precedent_value, 1 - v.distance
  from private.case_vector_ranked(v_embedding, null, p_limit, p_case_id) as v
  inner join public.tribunal_cases as c on c.id = v.id
  where v_embedding is not null
  order by v.distance, v.id;
end;
$$;

create or replace function public.related_tribunal_cases(p_case_id uuid, p_limit integer default 5)
returns table (
  id uuid,
  case_number text,
  title text,
  tribunal text,
  decision_date date,
  year integer,
  outcome text,
  is_anti_black_specific boolean,
  precedent_value text,
  similarity double precision
)
language sql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.related_tribunal_cases(p_case_id, p_limit)
$$;

comment on function public.related_tribunal_cases(uuid, integer) is
'The p_limit (1-50) live cases nearest to a case by embedding, itself excluded; empty while the case has no '
'embedding. Errors: 22023 invalid parameter, P0002 case not found or deleted.';

-- Grants ---------------------------------------------------------------------------

revoke all on function
private.case_filters_checked(text [], integer, integer, text [], text [], text [], boolean, text [], text []),
private.case_filters_sql(private.case_filters),
private.case_tsquery(text, text),
private.case_query_embedding(extensions.vector),
private.case_query_lexemes(tsquery),
private.case_query_or_lexemes(tsquery),
private.case_champion_ranked(tsquery, text, text, integer, real, uuid),
private.case_fts_ranked(tsquery, text, private.case_filters, integer, real, uuid),
private.case_vector_ranked(extensions.vector, private.case_filters, integer, uuid),
private.case_headline(regconfig, text, text, text, tsquery),
private.search_tribunal_cases(
  text, text, text [], integer, integer, text [], text [], text [], boolean, text [], text [], integer, text
),
private.search_tribunal_case_facets(
  text, text, text [], integer, integer, text [], text [], text [], boolean, text [], text []
),
private.match_tribunal_cases(
  extensions.vector, integer, double precision, text [], integer, integer, text [], text [], text [], boolean,
  text [], text []
),
private.hybrid_search_tribunal_cases(
  text, extensions.vector, text, integer, double precision, double precision, text [], integer, integer, text [],
  text [], text [], boolean, text [], text []
),
private.related_tribunal_cases(uuid, integer),
public.search_tribunal_cases(
  text, text, text [], integer, integer, text [], text [], text [], boolean, text [], text [], integer, text
),
public.search_tribunal_case_facets(
  text, text, text [], integer, integer, text [], text [], text [], boolean, text [], text []
),
public.match_tribunal_cases(
  extensions.vector, integer, double precision, text [], integer, integer, text [], text [], text [], boolean,
  text [], text []
),
public.hybrid_search_tribunal_cases(
  text, extensions.vector, text, integer, double precision, double precision, text [], integer, integer, text [],
  text [], text [], boolean, text [], text []
),
public.related_tribunal_cases(uuid, integer)
from public, anon, authenticated;

grant execute on function
private.search_tribunal_cases(
  text, text, text [], integer, integer, text [], text [], text [], boolean, text [], text [], integer, text
),
private.search_tribunal_case_facets(
  text, text, text [], integer, integer, text [], text [], text [], boolean, text [], text []
),
private.match_tribunal_cases(
  extensions.vector, integer, double precision, text [], integer, integer, text [], text [], text [], boolean,
  text [], text []
),
private.hybrid_search_tribunal_cases(
  text, extensions.vector, text, integer, double precision, double precision, text [], integer, integer, text [],
  text [], text [], boolean, text [], text []
),
private.related_tribunal_cases(uuid, integer),
public.search_tribunal_cases(
  text, text, text [], integer, integer, text [], text [], text [], boolean, text [], text [], integer, text
),
public.search_tribunal_case_facets(
  text, text, text [], integer, integer, text [], text [], text [], boolean, text [], text []
),
public.match_tribunal_cases(
  extensions.vector, integer, double precision, text [], integer, integer, text [], text [], text [], boolean,
  text [], text []
),
public.hybrid_search_tribunal_cases(
  text, extensions.vector, text, integer, double precision, double precision, text [], integer, integer, text [],
  text [], text [], boolean, text [], text []
),
public.related_tribunal_cases(uuid, integer)
to authenticated, service_role;
