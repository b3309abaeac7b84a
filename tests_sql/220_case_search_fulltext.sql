/*
  search_tribunal_cases and search_tribunal_case_facets: full text in English
  and French, accents or not, web-style syntax, filters, ranking, keyset
  pagination, snippets, visibility (live cases only, for every caller), who
  may call, every SQLSTATE.

  Fixture: the 34 demo cases of seeds/demo_cases.sql (reloaded here, inside
  this file's transaction), whose answers are known. Other cases may exist (a
  demo- or bench-seeded database): assertions look at the fixture's cases
  among the results (case numbers DEMO-<year>-<tribunal>-NN, compared by NN),
  or compare the RPC with the same predicate written out. The fixture's cases
  get tribunal codes of this file's own (T220-HRTO, ...) and every search that
  looks at them filters on those codes (pg_temp.fixture()): on a bench-seeded
  database thousands of other cases match the same words and would push the
  fixture's cases off a page of 100.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(39);
-- set_eq and temporary tables while acting as a client: see tests.allow_set_comparisons().
do $$ begin perform tests.allow_set_comparisons(); end $$;

-- Arrange ------------------------------------------------------------------------

delete from public.tribunal_cases
where case_number like 'DEMO-%';
\ir ../seeds/demo_cases.sql
update public.tribunal_cases set tribunal = 'T220-' || tribunal
where case_number like 'DEMO-%';

do $$
begin
  perform tests.create_org('t220-acme');
  perform tests.create_user('t220-learner', 'learner', 't220-acme');
  perform tests.create_user('t220-viewer', 'viewer', 't220-acme');
  perform tests.create_user('t220-admin', 'super_admin', 't220-acme');
end
$$;

-- The fixture's cases among a result, in the result's order, by their number NN.
create function pg_temp.demo(p_case_numbers text []) returns text []
language sql
as $$
  select coalesce(array_agg(right(n, 2) order by o), '{}')
  from unnest(p_case_numbers) with ordinality as u (n, o)
  where n like 'DEMO-%'
$$;

-- The fixture's tribunals: a search filtered on them sees this file's cases only.
create function pg_temp.fixture() returns text []
language sql
immutable
as $$
  select array['T220-HRTO', 'T220-CHRT', 'T220-BCHRT', 'T220-TDPQ', 'T220-AHRC', 'T220-NSHRC']
$$;

-- Acting as a learner ------------------------------------------------------------

select tests.authenticate_as('t220-learner');

select is(
  pg_temp.demo(array(select s.case_number
    from public.search_tribunal_cases('racial profiling', 'en',
        p_tribunals => pg_temp.fixture(), p_limit => 100) as s)),
  array['04', '34', '05'],
  'English: "racial profiling" finds the three profiling cases, best first'
);
select is(
  pg_temp.demo(array(select s.case_number
    from public.search_tribunal_cases('profilage racial', 'fr',
        p_tribunals => pg_temp.fixture(), p_limit => 100) as s)),
  array['34', '04', '05'],
  'French: "profilage racial" finds the same three cases'
);
select is(
  pg_temp.demo(array(select s.case_number from public.search_tribunal_cases('sécurité', 'fr',
      p_tribunals => pg_temp.fixture(), p_limit => 100) as s)),
  pg_temp.demo(array(select s.case_number from public.search_tribunal_cases('securite', 'fr',
      p_tribunals => pg_temp.fixture(), p_limit => 100) as s)),
  'French: with or without accents (sécurité, securite) the same cases'
);
select set_eq(
  $$select right(s.case_number, 2) from public.search_tribunal_cases('securite', 'fr',
      p_tribunals => pg_temp.fixture(), p_limit => 100) as s
    where s.case_number like 'DEMO-%'$$,
  array['24', '04', '14', '18', '12'],
  'French: securite finds the five cases about security'
);
select set_eq(
  $$select right(s.case_number, 2) from public.search_tribunal_cases('congédié', 'fr',
      p_tribunals => pg_temp.fixture(), p_limit => 100) as s
    where s.case_number like 'DEMO-%'$$,
  array['02', '15', '12'],
  'French, accented: congédié finds congédiée and congédiement (stemmed before folding)'
);
select set_eq(
  $$select right(s.case_number, 2) from public.search_tribunal_cases('congediee', 'fr',
      p_tribunals => pg_temp.fixture(), p_limit => 100) as s
    where s.case_number like 'DEMO-%'$$,
  array['02', '15'],
  'French, unaccented: congediee finds congédiée (folded before stemming)'
);
select is(
  pg_temp.demo(array(select s.case_number from public.search_tribunal_cases('QUÉBÉCOIS', 'en',
      p_tribunals => pg_temp.fixture(), p_limit => 100) as s)),
  array['22'],
  'English: an accented title word is found in any case and accents (QUÉBÉCOIS)'
);
select is(
  pg_temp.demo(array(select s.case_number from public.search_tribunal_cases('quebecois', 'fr',
      p_tribunals => pg_temp.fixture(), p_limit => 100) as s)),
  array['22'],
  'French: quebecois finds Entrepôts Québécois'
);
select is(
  pg_temp.demo(array(
    select s.case_number from public.search_tribunal_cases('"poisoned work environment"', 'en',
        p_tribunals => pg_temp.fixture(), p_limit => 100) as s
  )),
  array['01'],
  'web syntax: a quoted phrase'
);
select is(
  pg_temp.demo(array(
    select s.case_number from public.search_tribunal_cases('"milieu de travail empoisonné"', 'fr',
        p_tribunals => pg_temp.fixture(), p_limit => 100) as s
  )),
  array['01'],
  'web syntax: a quoted phrase in French'
);
select set_eq(
  $$select right(s.case_number, 2)
    from public.search_tribunal_cases('harassment -construction', 'en',
        p_tribunals => pg_temp.fixture(), p_limit => 100) as s
    where s.case_number like 'DEMO-%'$$,
  array['21', '22'],
  'web syntax: -word excludes the construction-site case'
);
select set_eq(
  $$select right(s.case_number, 2) from public.search_tribunal_cases('landlord or tenant', 'en',
      p_tribunals => pg_temp.fixture(), p_limit => 100) as s
    where s.case_number like 'DEMO-%'$$,
  array['10', '09'],
  'web syntax: or'
);

-- Filters: exact ids ------------------------------------------------------------------

select is(
  pg_temp.demo(array(
    select s.case_number from public.search_tribunal_cases(
      null, 'en', p_tribunals => array['T220-TDPQ'], p_year_from => 2020, p_year_to => 2022, p_limit => 100
    ) as s
  )),
  array['34', '28', '05'],
  'no query, tribunal TDPQ, 2020-2022: newest decision first'
);
select set_eq(
  $$select right(s.case_number, 2) from public.search_tribunal_cases(
      null, 'en', p_anti_black_only => true, p_outcomes => array['Dismissed'],
          p_tribunals => pg_temp.fixture(), p_limit => 100
    ) as s where s.case_number like 'DEMO-%'$$,
  array['13', '26'],
  'anti-Black specific and dismissed'
);
select set_eq(
  $$select right(s.case_number, 2) from public.search_tribunal_cases(
      null, 'fr', p_precedent_values => array['High'], p_protected_grounds => array['disability'],
          p_tribunals => pg_temp.fixture(), p_limit => 100
    ) as s where s.case_number like 'DEMO-%'$$,
  array['15'],
  'high precedent value and the disability ground'
);
select set_eq(
  $$select right(s.case_number, 2) from public.search_tribunal_cases(
      null, 'fr', p_discrimination_types => array['housing'], p_tribunals => pg_temp.fixture(), p_limit => 100
    ) as s where s.case_number like 'DEMO-%'$$,
  array['09', '25', '16', '10'],
  'discrimination type housing'
);
select set_eq(
  $$select right(s.case_number, 2) from public.search_tribunal_cases(
      null, 'en', p_race_categories => array['General'], p_tribunals => pg_temp.fixture(), p_limit => 100
    ) as s where s.case_number like 'DEMO-%'$$,
  array['12', '25', '30'],
  'race category General'
);
select is(
  pg_temp.demo(array(
    select s.case_number from public.search_tribunal_cases('harassment', 'en', p_year_from => 2023,
        p_tribunals => pg_temp.fixture(), p_limit => 100) as s
  )),
  array['21', '32', '22'],
  'a query with a year filter, ranked: the anti-Black high-precedent case is boosted above the others'
);

-- Totals, snippets, facets ------------------------------------------------------------

select tests.clear_authentication();
create temporary table t220_oracle as
select count(*)::bigint as n
from public.tribunal_cases as c
where c.deleted_at is null and c.search_en @@ private.case_tsquery('black', 'en')
  and c.tribunal = any(pg_temp.fixture());
grant select on t220_oracle to authenticated;
select tests.authenticate_as('t220-learner');

select is(
  (select distinct s.total_count from public.search_tribunal_cases('black', 'en',
      p_tribunals => pg_temp.fixture(), p_limit => 5) as s),
  (select n from t220_oracle),
  'total_count is the number of live cases matching, whatever the page size'
);
select ok(
  (select bool_and(s.snippet like '%<mark>%')
    from public.search_tribunal_cases('racial profiling', 'en', p_tribunals => pg_temp.fixture(), p_limit => 100) as s),
  'every snippet highlights what matched with <mark>'
);
select ok(
  (select s.snippet like '%<mark>nœud</mark> <mark>coulant</mark>%'
   from public.search_tribunal_cases('"noeud coulant"', 'fr', p_tribunals => pg_temp.fixture(), p_limit => 100) as s
   where s.case_number = 'DEMO-2024-HRTO-21'),
  'œ folds to oe (noeud finds nœud), and the snippet highlights the word as written'
);
select is(
  (select f.case_count from public.search_tribunal_case_facets('profilage racial', 'fr') as f
   where f.facet = 'tribunal' and f.value = 'T220-TDPQ'),
  (select count(*)
    from public.search_tribunal_cases('profilage racial', 'fr', p_tribunals => array['T220-TDPQ'], p_limit => 100)),
  'facets: the tribunal count equals the number of cases the same search returns for that tribunal'
);
select ok(
  (select count(distinct f.facet) = 4
    from public.search_tribunal_case_facets(null, 'en', p_tribunals => array['T220-TDPQ']) as f),
  'facets: tribunal, outcome, protected_ground and year'
);

-- Keyset pagination ------------------------------------------------------------------

create temporary table t220_page1 as
select * from public.search_tribunal_cases('black', 'en', p_tribunals => pg_temp.fixture(), p_limit => 4);
create temporary table t220_all as
select s.id, row_number() over () as n from public.search_tribunal_cases('black', 'en',
    p_tribunals => pg_temp.fixture(), p_limit => 100) as s;

select results_eq(
  $$select p.id from t220_page1 as p
    union all
    select s.id from public.search_tribunal_cases('black', 'en', p_tribunals => pg_temp.fixture(), p_limit => 4,
      p_cursor => (select p.cursor from t220_page1 as p order by p.rank, p.id limit 1)) as s$$,
  $$select a.id from t220_all as a where a.n <= 8 order by a.n$$,
  'two pages of 4 are the first 8 rows of one page of 100, in order'
);

select tests.clear_authentication();
insert into public.tribunal_cases (case_number, title, tribunal, source_url, summary_en, is_anti_black_specific,
  precedent_value)
values ('T220-NEW', 'Black v. Black', 'T220-HRTO', 'https://t220.test', 'Black Black Black applicant.', true, 'High');
select tests.authenticate_as('t220-learner');

select ok(
  'T220-NEW' = (select s.case_number from public.search_tribunal_cases('black', 'en',
      p_tribunals => pg_temp.fixture(), p_limit => 1) as s),
  'a case added meanwhile ranks first on a new search'
);
select results_eq(
  $$select s.id from public.search_tribunal_cases('black', 'en', p_tribunals => pg_temp.fixture(), p_limit => 4,
      p_cursor => (select p.cursor from t220_page1 as p order by p.rank, p.id limit 1)) as s$$,
  $$select a.id from t220_all as a where a.n between 5 and 8 order by a.n$$,
  'but the second page of the earlier search is unchanged: the keyset is stable while cases are added'
);

-- Visibility: live cases only, for everyone --------------------------------------------

select tests.clear_authentication();
update public.tribunal_cases set deleted_at = now()
where case_number = 'DEMO-2021-BCHRT-04';

select tests.authenticate_as('t220-viewer');
select is(
  pg_temp.demo(array(select s.case_number
    from public.search_tribunal_cases('racial profiling', 'en',
        p_tribunals => pg_temp.fixture(), p_limit => 100) as s)),
  array['34', '05'],
  'a viewer searches too, and a soft-deleted case is not found'
);
select tests.authenticate_as('t220-admin');
select is(
  pg_temp.demo(array(select s.case_number
    from public.search_tribunal_cases('racial profiling', 'en',
        p_tribunals => pg_temp.fixture(), p_limit => 100) as s)),
  array['34', '05'],
  'a super admin does not find a soft-deleted case through search either'
);
select is(
  coalesce((
    select f.case_count
      from public.search_tribunal_case_facets('racial profiling', 'en', p_tribunals => array['T220-BCHRT']) as f
    where f.facet = 'tribunal'
  ), 0),
  (select count(*)
    from public.search_tribunal_cases('racial profiling', 'en', p_tribunals => array['T220-BCHRT'], p_limit => 100)),
  'facets leave soft-deleted cases out too'
);

select tests.authenticate_as_service_role();
select is(
  pg_temp.demo(array(select s.case_number
    from public.search_tribunal_cases('racial profiling', 'en',
        p_tribunals => pg_temp.fixture(), p_limit => 100) as s)),
  array['34', '05'],
  'the service role searches, live cases only'
);

select tests.authenticate_as_anon();
select throws_ok(
  $$select * from public.search_tribunal_cases('racial profiling')$$, '42501', null,
  'anon cannot search (anon reads no case): 42501'
);
select throws_ok(
  $$select * from public.search_tribunal_case_facets('racial profiling')$$, '42501', null,
  'anon cannot read facets: 42501'
);

-- Invalid input: 22023, with a message a client can show --------------------------------

select tests.authenticate_as('t220-learner');
select throws_ok($$select * from public.search_tribunal_cases('x', 'de')$$, '22023',
  'p_lang must be en or fr, not ''de''',
  'an unknown language');
select throws_ok($$select * from public.search_tribunal_cases('x', 'en',
    p_tribunals => pg_temp.fixture(), p_limit => 101)$$, '22023',
  'p_limit must be between 1 and 100', 'a page too large');
select throws_ok($$select * from public.search_tribunal_cases('x', 'en', p_year_from => 2024, p_year_to => 2020)$$,
  '22023', 'p_year_from is after p_year_to', 'a year range upside down');
select throws_ok($$select * from public.search_tribunal_cases('x', 'en', p_outcomes => array['Won'])$$, '22023',
  'invalid value in p_outcomes: Won', 'an unknown outcome');
select throws_ok($$select * from public.search_tribunal_cases('x', 'en', p_cursor => 'garbage')$$, '22023',
  'p_cursor is not a cursor of this search', 'a cursor that is not one');
select throws_ok($$select * from public.search_tribunal_cases('the of and', 'en')$$, '22023',
  'p_query has no searchable word', 'a query of stop words only');
select throws_ok($$select * from public.search_tribunal_case_facets('x', 'en', p_tribunals => array[null])$$, '22023',
  'p_tribunals contains a null', 'facets validate their filters the same way');

select tests.clear_authentication();
select * from finish();
rollback;
