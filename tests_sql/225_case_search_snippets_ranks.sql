/*
  search_tribunal_cases, the second pass of issue 9: what a page shows.
  Snippets come from the summary alone when it holds a word of the query, else
  from the summary and the start of the full text (both HTML-escaped); a case
  found by its full text only ranks 0.001 x its boost (1, 1.1, 1.25, 1.35 or
  1.5, exactly as the numeric sums gave them), after the cases whose summary
  matches, then by boost. The vector search's unfiltered statement answers the
  same whatever the planner's plan mode.

  The fixture's cases carry the tribunal code T225 and the made-up word
  "quorvex", which no other case has; every search filters on T225.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(12);
-- temporary tables while acting as a client: see tests.allow_set_comparisons().
do $$ begin perform tests.allow_set_comparisons(); end $$;

-- Arrange ------------------------------------------------------------------------

do $$
begin
  perform tests.create_org('t225-acme');
  perform tests.create_user('t225-learner', 'learner', 't225-acme');
end
$$;

insert into public.tribunal_cases (
  id, case_number, title, tribunal, source_url, summary_en, summary_fr, full_text_en, full_text_fr,
  is_anti_black_specific, precedent_value
)
values
(
  md5('t225:summary')::uuid, 'T225-SUMMARY', 'Alpha v. Beta', 'T225', 'https://t225.test/a',
  'The quorvex policy of Smith & Sons was applied to the applicant.',
  'La politique quorvex de Smith & Fils a été appliquée à la demanderesse.',
  'Later the Tribunal discussed the zentrabe clause at length.',
  'Plus loin, le Tribunal a examiné la clause zentrabe en détail.',
  false, 'Low'
),
(
  md5('t225:fulltext')::uuid, 'T225-FULLTEXT', 'Gamma v. Delta', 'T225', 'https://t225.test/b',
  'A summary about a <b>different</b> matter.', 'Un résumé sur une autre affaire.',
  'The quorvex rule appears in the full text only.', 'La règle quorvex ne paraît que dans le texte intégral.',
  true, 'Medium'
),
(
  md5('t225:nosummary')::uuid, 'T225-NOSUMMARY', 'Epsilon v. Zeta', 'T225', 'https://t225.test/c',
  null, null, 'Nothing but quorvex in the full text.', 'Rien que quorvex dans le texte intégral.',
  false, null
);

-- Acting as a learner ------------------------------------------------------------

select tests.authenticate_as('t225-learner');

create temporary table t225_en as
select s.case_number, s.snippet, s.rank, row_number() over () as n
from public.search_tribunal_cases('quorvex', 'en', p_tribunals => array['T225']) as s;

select is(
  array(select e.case_number from t225_en as e
        order by e.n),
  array['T225-SUMMARY', 'T225-FULLTEXT', 'T225-NOSUMMARY'],
  'the case whose summary matches first, then the full-text-only cases by their boost (1.35, then 1)'
);
select is(
  (select e.snippet from t225_en as e
   where e.case_number = 'T225-SUMMARY'),
  '<mark>quorvex</mark> policy of Smith &amp; Sons was applied to the applicant',
  'a summary holding the word: the snippet is the summary alone (a fragment: ts_headline trims stop words'
  || ' and punctuation at its ends), escaped and highlighted'
);
select ok(
  (select e.snippet not like '%zentrabe%' from t225_en as e
   where e.case_number = 'T225-SUMMARY'),
  'and nothing of the full text'
);
select ok(
  (select e.snippet like '%&lt;b&gt;different&lt;/b&gt;%'
    and e.snippet like '% … The <mark>quorvex</mark> rule appears in the full text only'
   from t225_en as e
   where e.case_number = 'T225-FULLTEXT'),
  'a summary without the word: the summary and the start of the full text, escaped, the match highlighted'
);
select is(
  (select e.snippet from t225_en as e
   where e.case_number = 'T225-NOSUMMARY'),
  'Nothing but <mark>quorvex</mark> in the full text',
  'no summary: the start of the full text'
);
select is(
  (select e.rank from t225_en as e
   where e.case_number = 'T225-FULLTEXT'),
  (0.001::numeric * (1 + 0.25 + 0.10))::real,
  'a full-text-only match ranks 0.001 x its boost: anti-Black specific, precedent Medium, 1.35'
);
select is(
  (select e.rank from t225_en as e
   where e.case_number = 'T225-NOSUMMARY'),
  0.001::real,
  'no boost: 0.001'
);
select ok(
  (select e.rank > 0.001::real * 1.5::real from t225_en as e
   where e.case_number = 'T225-SUMMARY'),
  'a summary match ranks above what any boost gives a full-text-only match'
);
select is(
  (select s.snippet from public.search_tribunal_cases('quorvex', 'fr', p_tribunals => array['T225']) as s
    where s.case_number = 'T225-SUMMARY'),
  'politique <mark>quorvex</mark> de Smith &amp; Fils a été appliquée à la demanderesse',
  'French: the French summary alone'
);
select results_eq(
  $$select s.case_number, s.cursor
    from public.search_tribunal_cases('quorvex', 'en', p_tribunals => array['T225'], p_limit => 1,
      p_cursor => (select s1.cursor
        from public.search_tribunal_cases('quorvex', 'en', p_tribunals => array['T225'], p_limit => 1) as s1)) as s$$,
  $$select e.case_number, e.rank::text || ':' || md5('t225:fulltext')::uuid::text
    from t225_en as e where e.n = 2$$,
  'the cursor of the first row gives the second: ranks in double precision read back exactly'
);

-- The vector search: the same answer in every plan mode -----------------------------

select tests.clear_authentication();
-- Embeddings of the fixture's own (directions no model gives: sin(k x i)).
update public.tribunal_cases as c
set embedding = (
  select array_agg(pg_catalog.sin(g.i * k.factor) order by g.i)::extensions.vector  -- noqa: RF01
  from generate_series(1, 384) as g (i)
), embedding_model = 't225'
from (values ('T225-SUMMARY', 1), ('T225-FULLTEXT', 2), ('T225-NOSUMMARY', 3)) as k (case_number, factor)
where c.case_number = k.case_number;
create temporary table t225_vec as
select c.embedding as v from public.tribunal_cases as c
where c.case_number = 'T225-SUMMARY';
grant select on t225_vec to authenticated;
select tests.authenticate_as('t225-learner');
create temporary table t225_auto as
select m.id from public.match_tribunal_cases((select t.v from t225_vec as t), 5) as m;
set local plan_cache_mode = force_generic_plan;
select results_eq(
  $$select m.id from public.match_tribunal_cases((select t.v from t225_vec as t), 5) as m$$,
  $$select a.id from t225_auto as a$$,
  'match_tribunal_cases answers the same under a caller''s forced generic plans'
);
select is(
  pg_catalog.current_setting('plan_cache_mode'),
  'force_generic_plan',
  'and leaves the caller''s plan mode as it found it'
);

select tests.clear_authentication();
select * from finish();
rollback;
