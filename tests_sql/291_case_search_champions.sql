/*
  Case search's champion lists (056_case_search_champions): a broad query of
  one word, or of words joined by "or", reads its page from the lists in rank
  order, and every page equals the exact ranking (every match ranked by the
  formula) — while the lists last and past their end, through a cursor, with
  a filter, and after inserts, updates and deletions that the statement
  triggers fold into the lists.

  The fixture's 1,100 cases carry the tribunal code T291 and made-up words no
  other case has: zorvak in every summary (one to three times, summaries of
  different lengths, so different ranks), pellandra in one in three, ostrevel
  in the summaries of one in five (seldom with pellandra); the lists are built
  for these three words only, 100 cases long. Every search filters on T291.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(27);
-- temporary tables while acting as a client: see tests.allow_set_comparisons().
do $$ begin perform tests.allow_set_comparisons(); end $$;

-- Arrange ------------------------------------------------------------------------

do $$
begin
  perform tests.create_org('t291-acme');
  perform tests.create_user('t291-learner', 'learner', 't291-acme');
end
$$;

insert into public.tribunal_cases (
  id, case_number, title, tribunal, source_url, summary_en, is_anti_black_specific, precedent_value
)
select
  md5('t291:' || i)::uuid, 'T291-' || i,
  case when i % 25 = 0 then 'Zorvak v. Party ' || i else 'Party ' || i || ' v. Other' end,
  'T291', 'https://t291.test/' || i,
  repeat('zorvak ', 1 + i % 3)
  || case when i % 3 = 0 then 'pellandra ' else '' end
  || case when i % 5 = 1 then 'ostrevel ' else '' end
  || repeat('matter heard decided ', i % 7) || 'number ' || i || '.',
  i % 2 = 0, (array['High', 'Medium', 'Low', 'Unknown'])[1 + i % 4]
from generate_series(1, 1100) as i;

select is(
  private.rebuild_case_search_champions('en', array['zorvak', 'pellandra', 'ostrevel'], 100),
  3,
  'the lists of the three words are built'
);
select is(
  (select count(*) from private.case_search_champions as ch
where ch.lang = 'en' and ch.lexeme = 'zorvak'),
  100::bigint,
  'a list holds its 100 best cases'
);

-- The exact ranking of a query: every T291 match ranked by the formula, written out here.
create function pg_temp.t291_exact(p_query text) returns table (id uuid, rank real, n bigint)
language sql
as $$
  select e.id, e.rank, row_number() over (order by e.rank desc, e.id desc)
  from (
    select c.id,
      ((ts_rank(c.rank_doc_en, q, 1) + 0.001::float8) * case when c.is_anti_black_specific
        then case c.precedent_value when 'High' then 1.5::float8 when 'Medium' then 1.35::float8 else 1.25::float8 end
        else case c.precedent_value when 'High' then 1.25::float8 when 'Medium' then 1.1::float8 else 1::float8 end
      end)::real as rank
    from public.tribunal_cases as c, private.case_tsquery(p_query, 'en') as q
    where c.tribunal = 'T291' and c.deleted_at is null and c.search_en @@ q
  ) as e
$$;

-- The first p_pages pages of 20 of a query through the RPC, each after the last row's cursor.
create function pg_temp.t291_pages(p_query text, p_pages integer) returns table (id uuid, rank real, n bigint)
language plpgsql
as $$
declare
  v_cursor text;
  v_n bigint := 0;
  r record;
begin
  for p in 1..p_pages loop
    for r in
      select s.id, s.rank, s.cursor
      from public.search_tribunal_cases(p_query, 'en', p_tribunals => array['T291'], p_limit => 20,
        p_cursor => v_cursor) as s
    loop
      v_n := v_n + 1;
      id := r.id; rank := r.rank; n := v_n;
      return next;
      v_cursor := r.cursor;
    end loop;
  end loop;
end;
$$;

grant execute on function pg_temp.t291_pages(text, integer) to authenticated;

-- Acting as a learner ------------------------------------------------------------

select tests.authenticate_as('t291-learner');

create temporary table t291_seen as
select 'zorvak' as q, p.* from pg_temp.t291_pages('zorvak', 8) as p
union all
select 'zorvak or pellandra', p.* from pg_temp.t291_pages('zorvak or pellandra', 3) as p
union all
select 'pellandra or ostrevel', p.* from pg_temp.t291_pages('pellandra or ostrevel', 3) as p
union all
select 'zorvak or pellandra or ostrevel', p.* from pg_temp.t291_pages('zorvak or pellandra or ostrevel', 2) as p;

select ok(
  (select bool_and(s.total_count > 1000) from public.search_tribunal_cases('zorvak', 'en',
      p_tribunals => array['T291'], p_limit => 5) as s),
  'a broad query''s total_count is an estimate above 1,000'
);

select tests.clear_authentication();

select results_eq(
  $$select s.id, s.rank from t291_seen as s where s.q = 'zorvak' order by s.n$$,
  $$select e.id, e.rank from pg_temp.t291_exact('zorvak') as e where e.n <= 160 order by e.n$$,
  'one word: eight pages of 20 (the list''s 100, then past its end) are the exact ranking''s first 160'
);
select results_eq(
  $$select s.id, s.rank from t291_seen as s where s.q = 'zorvak or pellandra' order by s.n$$,
  $$select e.id, e.rank from pg_temp.t291_exact('zorvak or pellandra') as e where e.n <= 60 order by e.n$$,
  'two words joined by or: three pages are the exact ranking''s first 60'
);
select results_eq(
  $$select s.id, s.rank from t291_seen as s where s.q = 'pellandra or ostrevel' order by s.n$$,
  $$select e.id, e.rank from pg_temp.t291_exact('pellandra or ostrevel') as e where e.n <= 60 order by e.n$$,
  'two words seldom found together: three pages are the exact ranking''s first 60'
);
select results_eq(
  $$select s.id, s.rank from t291_seen as s where s.q = 'zorvak or pellandra or ostrevel' order by s.n$$,
  $$select e.id, e.rank from pg_temp.t291_exact('zorvak or pellandra or ostrevel') as e where e.n <= 40 order by e.n$$,
  'three words joined by or: two pages are the exact ranking''s first 40'
);

-- The lists' own answers: a page from the lists while they last, none past their end.
select results_eq(
  $$select r.id, r.rank from private.case_champion_ranked(private.case_tsquery('zorvak', 'en'), 'en',
      ' and c.tribunal = ''T291''', 20, null, null) as r$$,
  $$select e.id, e.rank from pg_temp.t291_exact('zorvak') as e where e.n <= 20 order by e.n$$,
  'the first page of one word comes from its list'
);
select is(
  (select count(*) from private.case_champion_ranked(private.case_tsquery('zorvak', 'en'), 'en',
      ' and c.tribunal = ''T291''', 20,
      (select e.rank from pg_temp.t291_exact('zorvak') as e
where e.n = 90),
      (select e.id from pg_temp.t291_exact('zorvak') as e
where e.n = 90))),
  0::bigint,
  'past the list''s end (10 entries left for a page of 20) the lists give no page: search ranks another way'
);
select results_eq(
  $$select r.id, r.rank from private.case_champion_ranked(private.case_tsquery('pellandra or ostrevel', 'en'), 'en',
      ' and c.tribunal = ''T291''', 20, null, null) as r$$,
  $$select e.id, e.rank from pg_temp.t291_exact('pellandra or ostrevel') as e where e.n <= 20 order by e.n$$,
  'the first page of two words joined by or comes from their lists'
);
select is(
  (select count(*) from private.case_champion_ranked(private.case_tsquery('zorvak pellandra', 'en'), 'en',
      ' and c.tribunal = ''T291''', 20, null, null)),
  0::bigint,
  'words that must all match (and) are not read from the lists'
);
select is(
  private.case_query_or_lexemes($$'it''s' | 'ostrevel' | 'it''s'$$::tsquery),
  array['it''s', 'ostrevel'],
  'the words of an or query, each once, quotes unescaped'
);
select ok(
  private.case_query_or_lexemes($$'a' <-> 'b'$$::tsquery) is null
  and private.case_query_or_lexemes($$'a' & !'b'$$::tsquery) is null
  and private.case_query_or_lexemes($$'a' | 'b' & 'c'$$::tsquery) is null,
  'a phrase, a negation or an and is not an or query'
);

-- Writes: the triggers keep the lists true -----------------------------------------

-- A new case, the best for zorvak: in the list, and first.
insert into public.tribunal_cases (
  id, case_number, title, tribunal, source_url, summary_en, is_anti_black_specific, precedent_value
)
values (md5('t291:best')::uuid, 'T291-BEST', 'Zorvak v. Zorvak', 'T291', 'https://t291.test/best',
  'Zorvak zorvak.', true, 'High');

select is(
  (select ch.rank from private.case_search_champions as ch
    where ch.case_id = md5('t291:best')::uuid and ch.lang = 'en' and ch.lexeme = 'zorvak'),
  (select e.rank from pg_temp.t291_exact('zorvak') as e
where e.id = md5('t291:best')::uuid),
  'an inserted case enters the list with the rank search gives it'
);
select is(
  (select e.n from pg_temp.t291_exact('zorvak') as e
where e.id = md5('t291:best')::uuid),
  1::bigint,
  'and it is the best'
);

-- A new case below the bound stays out of the list.
insert into public.tribunal_cases (id, case_number, title, tribunal, source_url, summary_en, precedent_value)
values (md5('t291:weak')::uuid, 'T291-WEAK', 'Weak v. Weak', 'T291', 'https://t291.test/weak',
  'zorvak ' || repeat('matter heard decided and then considered again at length ', 40), 'Unknown');
select ok(
  (select (e.rank, e.id) < (l.min_rank, l.min_id)
    from pg_temp.t291_exact('zorvak') as e, private.case_search_lexemes as l
    where e.id = md5('t291:weak')::uuid and l.lang = 'en' and l.lexeme = 'zorvak')
  and not exists (
    select from private.case_search_champions as ch
    where ch.case_id = md5('t291:weak')::uuid and ch.lexeme = 'zorvak'
  ),
  'a case ranked below the list''s bound stays out of it'
);

-- Re-ranked: the best case loses its boost and its title.
update public.tribunal_cases
set title = 'Plain v. Plain', precedent_value = 'Low', is_anti_black_specific = false
where id = md5('t291:best')::uuid;
select ok(
  (select coalesce(
      ch.rank = e.rank,
      (e.rank, e.id) < (l.min_rank, l.min_id)
    )
    from pg_temp.t291_exact('zorvak') as e
    inner join private.case_search_lexemes as l on l.lang = 'en' and l.lexeme = 'zorvak'
    left join private.case_search_champions as ch
      on e.id = ch.case_id and ch.lang = 'en' and ch.lexeme = 'zorvak'
    where e.id = md5('t291:best')::uuid),
  'an updated case''s list rank follows its new rank, or it leaves the list when that falls below the bound'
);

-- Soft-deleted: out of the lists. Hard-deleted: its rows go with it.
update public.tribunal_cases set deleted_at = now()
where id = (select e.id from pg_temp.t291_exact('zorvak') as e
where e.n = 2);
delete from public.tribunal_cases
where id = (select e.id from pg_temp.t291_exact('zorvak') as e
where e.n = 3);
select ok(
  not exists (
    select from private.case_search_champions as ch
    inner join public.tribunal_cases as c on ch.case_id = c.id
    where c.tribunal = 'T291' and c.deleted_at is not null
  ),
  'a soft-deleted case leaves the lists'
);
select set_eq(
  $$select ch.case_id from private.case_search_champions as ch where ch.lang = 'en' and ch.lexeme = 'zorvak'$$,
  $$select e.id from pg_temp.t291_exact('zorvak') as e, private.case_search_lexemes as l
    where l.lang = 'en' and l.lexeme = 'zorvak' and (e.rank, e.id) >= (l.min_rank, l.min_id)$$,
  'after the writes the list holds exactly the live cases ranked at or above its bound'
);

select tests.authenticate_as('t291-learner');
create temporary table t291_after as
select 'zorvak' as q, p.* from pg_temp.t291_pages('zorvak', 6) as p
union all
select 'zorvak or pellandra', p.* from pg_temp.t291_pages('zorvak or pellandra', 2) as p;
select tests.clear_authentication();

select results_eq(
  $$select s.id, s.rank from t291_after as s where s.q = 'zorvak' order by s.n$$,
  $$select e.id, e.rank from pg_temp.t291_exact('zorvak') as e where e.n <= 120 order by e.n$$,
  'after the writes, six pages are still the exact ranking''s first 120'
);
select results_eq(
  $$select s.id, s.rank from t291_after as s where s.q = 'zorvak or pellandra' order by s.n$$,
  $$select e.id, e.rank from pg_temp.t291_exact('zorvak or pellandra') as e where e.n <= 40 order by e.n$$,
  'and two pages of zorvak or pellandra the first 40'
);

-- Who may touch the lists -----------------------------------------------------------

select tests.authenticate_as('t291-learner');
select throws_ok(
  $$select count(*) from private.case_search_champions$$,
  '42501',
  'permission denied for table case_search_champions',
  'a learner reads no list'
);
select tests.clear_authentication();
select ok(
  not has_table_privilege('authenticated', 'private.case_search_champions', 'select')
  and not has_table_privilege('service_role', 'private.case_search_champions', 'select')
  and not has_table_privilege('anon', 'private.case_search_lexemes', 'select')
  and not has_table_privilege('service_role', 'private.case_search_lexemes', 'select'),
  'no API role may read the lists or their words'
);
select ok(
  not has_function_privilege('authenticated', 'private.rebuild_case_search_champions(text, text[], integer)',
    'execute')
  and not has_function_privilege('service_role', 'private.rebuild_case_search_champions(text, text[], integer)',
    'execute'),
  'no API role may rebuild them'
);

select throws_ok(
  $$select private.rebuild_case_search_champions('de')$$,
  '22023',
  'p_lang must be en or fr, not ''de''',
  'rebuilding for another language is refused'
);
select throws_ok(
  $$select private.rebuild_case_search_champions('en', null, 5)$$,
  '22023',
  'p_list_size must be from 20 to 100000',
  'a list shorter than a page is refused'
);
-- The nightly rebuild, where pg_cron lives (elsewhere skipped, as in 152_cron_jobs).
create function pg_temp.t291_cron_check() returns setof text
language plpgsql
as $$
declare
  v_found jsonb;
begin
  if to_regnamespace('cron') is null then
    return next skip('pg_cron is not installed in this database (only in cron.database_name): schedule not checked', 1);
    return;
  end if;
  execute 'select jsonb_agg(jsonb_build_object(''schedule'', j.schedule, ''command'', j.command))
    from cron.job as j where j.jobname = ''rebuild-case-search-champions''' into v_found;
  return next is(
    v_found,
    jsonb_build_array(jsonb_build_object(
      'schedule', '40 3 * * *', 'command', 'select private.rebuild_case_search_champions()'
    )),
    'the lists are rebuilt every night at 03:40 UTC'
  );
end;
$$;

select * from pg_temp.t291_cron_check();

select * from finish();
rollback;
