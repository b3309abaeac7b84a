/*
  search_tribunal_cases on a broad query: exact up to 1,000 matches, the best
  candidates above. Up to 1,000 matches (with the filters) every match is
  ranked and total_count is exact; above, total_count is an estimate never
  below 1,001, the candidates are the 200 title-and-summary matches nearest to
  the query in the RUM index of the ranking documents, then the full-text-only
  matches of highest boost, and the pages stop after those 200. A negated word
  found in a candidate's full text still excludes it.

  The fixture's 1,204 cases carry the tribunal code T290 and made-up words no
  other case has (zintrova, quelvane, dralmic); every search filters on T290.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(14);
-- temporary tables while acting as a client: see tests.allow_set_comparisons().
do $$ begin perform tests.allow_set_comparisons(); end $$;

-- Arrange ------------------------------------------------------------------------

do $$
begin
  perform tests.create_org('t290-acme');
  perform tests.create_user('t290-learner', 'learner', 't290-acme');
end
$$;

-- 1,200 cases: zintrova in the summary of the first 1,000; quelvane in every full text;
-- dralmic in the full text of one in ten.
insert into public.tribunal_cases (
  id, case_number, title, tribunal, source_url, summary_en, full_text_en, is_anti_black_specific, precedent_value
)
select
  md5('t290:' || i)::uuid, 'T290-' || i, 'Party ' || i || ' v. Other', 'T290', 'https://t290.test/' || i,
  case when i <= 1000 then 'The zintrova matter, number ' || i || '.' else 'Another matter.' end,
  'Quelvane appears in the reasons.' || case when i % 10 = 0 then ' So does dralmic.' else '' end,
  i % 2 = 0, (array['High', 'Medium', 'Low', 'Unknown'])[1 + i % 4]
from generate_series(1, 1200) as i;

-- Three cases with quelvane in the summary too (one with dralmic in its full text).
insert into public.tribunal_cases (
  id, case_number, title, tribunal, source_url, summary_en, full_text_en, is_anti_black_specific, precedent_value
)
values
(md5('t290:q1')::uuid, 'T290-Q1', 'Quelvane v. Q', 'T290', 'https://t290.test/q1', 'Quelvane quelvane.',
  'Quelvane.', false, 'Low'),
(md5('t290:q2')::uuid, 'T290-Q2', 'R v. S', 'T290', 'https://t290.test/q2', 'A quelvane summary.',
  'Quelvane.', false, 'Low'),
(md5('t290:q3')::uuid, 'T290-Q3', 'T v. U', 'T290', 'https://t290.test/q3', 'A quelvane summary.',
  'Quelvane and dralmic.', true, 'High');

-- The exact ranking of quelvane, every match ranked (what search returned before its
-- candidates came from the RUM index).
create temporary table t290_exact as
select c.id, c.case_number,
  ((ts_rank(c.rank_doc_en, q, 1) + 0.001::float8) * case when c.is_anti_black_specific
    then case c.precedent_value when 'High' then 1.5::float8 when 'Medium' then 1.35::float8 else 1.25::float8 end
    else case c.precedent_value when 'High' then 1.25::float8 when 'Medium' then 1.1::float8 else 1::float8 end
  end)::real as rank
from public.tribunal_cases as c, private.case_tsquery('quelvane', 'en') as q
where c.tribunal = 'T290' and c.deleted_at is null and c.search_en @@ q;
grant select on t290_exact to authenticated;

-- Acting as a learner ------------------------------------------------------------

select tests.authenticate_as('t290-learner');

select is(
  (select distinct s.total_count from public.search_tribunal_cases('zintrova', 'en', p_tribunals => array['T290'],
      p_limit => 5) as s),
  1000::bigint,
  'up to 1,000 matches total_count is exact (1,000 here)'
);
select is(
  (select count(*) from public.search_tribunal_cases('zintrova', 'en', p_tribunals => array['T290'],
      p_year_from => 1900)),
  0::bigint,
  'a filter applies to the count and the page alike (the fixture''s cases have no year)'
);

create temporary table t290_quelvane as
select s.case_number, s.rank, s.total_count, row_number() over () as n
from public.search_tribunal_cases('quelvane', 'en', p_tribunals => array['T290'], p_limit => 10) as s;

select ok(
  (select bool_and(q.total_count > 1000) from t290_quelvane as q),
  'above 1,000 matches (1,203) total_count is an estimate, always above 1,000'
);
select set_eq(
  $$select q.case_number from t290_quelvane as q where q.n <= 3$$,
  array['T290-Q1', 'T290-Q2', 'T290-Q3'],
  'the title-and-summary matches come first'
);
select results_eq(
  $$select q.case_number, q.rank from t290_quelvane as q order by q.n$$,
  $$select e.case_number, e.rank from t290_exact as e order by e.rank desc, e.id desc limit 10$$,
  'then the full-text-only matches by boost then id: here the same page as the exact ranking'
);

-- Paging a broad query: its best 200 candidates.
create temporary table t290_p1 as
select * from public.search_tribunal_cases('quelvane', 'en', p_tribunals => array['T290'], p_limit => 100);
create temporary table t290_p2 as
select * from public.search_tribunal_cases('quelvane', 'en', p_tribunals => array['T290'], p_limit => 100,
  p_cursor => (
    select p.cursor from t290_p1 as p
    order by p.rank, p.id limit 1
  ));

select is(
  (select count(*) from t290_p2),
  100::bigint,
  'a broad query''s second page of 100 is full'
);
select is(
  (select count(*) from public.search_tribunal_cases('quelvane', 'en', p_tribunals => array['T290'], p_limit => 100,
      p_cursor => (
        select p.cursor from t290_p2 as p
        order by p.rank, p.id limit 1
      ))),
  0::bigint,
  'and the pages stop after its 200 candidates'
);
select is(
  (select count(distinct x.id) from (
    select p.id from t290_p1 as p
    union all
    select p.id from t290_p2 as p
  ) as x),
  200::bigint,
  'the two pages hold 200 different cases'
);
select ok(
  (select min(p.rank) from t290_p1 as p) >= (select max(p.rank) from t290_p2 as p),
  'the second page ranks below the first'
);

-- A negated word in the full text excludes a candidate found by its title and summary
-- (T290-Q3: quelvane in its summary, dralmic in its full text): on neither page of the
-- query's 200 candidates.
create temporary table t290_neg1 as
select * from public.search_tribunal_cases('quelvane -dralmic', 'en', p_tribunals => array['T290'], p_limit => 100);
create temporary table t290_neg2 as
select * from public.search_tribunal_cases('quelvane -dralmic', 'en', p_tribunals => array['T290'], p_limit => 100,
  p_cursor => (
    select p.cursor from t290_neg1 as p
    order by p.rank, p.id limit 1
  ));
select ok(
  (select count(*) from t290_neg1) + (select count(*) from t290_neg2) = 200
  and not exists (
    select from t290_neg1 as n
    where n.case_number = 'T290-Q3'
    union all
    select from t290_neg2 as n
    where n.case_number = 'T290-Q3'
  ),
  'quelvane -dralmic (1,082 matches): 200 candidates, without the one with dralmic in its full text'
);
select ok(
  (select bool_and(s.total_count > 1000) from public.search_tribunal_cases('quelvane -dralmic', 'en',
      p_tribunals => array['T290'], p_limit => 100) as s),
  'and its total_count is an estimate above 1,000'
);

-- One more zintrova case, the best: 1,001 matches, a broad query, and it ranks first.
select tests.clear_authentication();
insert into public.tribunal_cases (
  id, case_number, title, tribunal, source_url, summary_en, is_anti_black_specific, precedent_value
)
values (md5('t290:best')::uuid, 'T290-BEST', 'Zintrova v. Zintrova', 'T290', 'https://t290.test/best',
  'Zintrova, zintrova.', true, 'High');
select tests.authenticate_as('t290-learner');

select is(
  (select s.case_number from public.search_tribunal_cases('zintrova', 'en', p_tribunals => array['T290'],
      p_limit => 1) as s),
  'T290-BEST',
  'at 1,001 matches the best case (zintrova in its title and summary, boosted) still ranks first'
);
select ok(
  (select bool_and(s.total_count > 1000) from public.search_tribunal_cases('zintrova', 'en',
      p_tribunals => array['T290'], p_limit => 5) as s),
  'and total_count is an estimate above 1,000'
);

select tests.clear_authentication();
select ok(
  exists (
    select from pg_catalog.pg_indexes as i
    where i.schemaname = 'public' and i.indexname in ('idx_tribunal_rank_doc_en', 'idx_tribunal_rank_doc_fr')
      and i.indexdef like '%USING rum%'
    having count(*) = 2
  ),
  'the ranking documents have their RUM indexes (partial: live cases)'
);

select * from finish();
rollback;
