/*
  Every malformed argument to every client RPC is 22023 with a message
  naming the argument (or, when the caller may not act at all, 42501 / P0002),
  never a raw 22003 (out of range), 22P02, 0A000 (a two-dimensional list), 2202E
  or an internal error.

  First the case-search cursor and lists found by the attack pass; then a sweep
  over the catalog: every function in public that anon or authenticated may
  execute, each argument in turn given the malformed values of its type (NaN,
  infinities, 1e308, integer extremes, two-dimensional and null-holding lists,
  100,000-character text, infinite timestamps, JSON of every other shape) while
  the other arguments keep ordinary values, as a learner and as a super_admin.
  A new RPC is covered without editing this file.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(12);

do $$
begin
  perform tests.create_org('t243-acme');
  perform tests.create_user('t243-lena', 'learner', 't243-acme');
  perform tests.create_user('t243-sam', 'super_admin', 't243-acme', 'enterprise');
end
$$;

-- search_tribunal_cases: the cursor's rank and the filter lists -----------------------------

select tests.authenticate_as('t243-lena');
select throws_ok(
  format($$select * from public.search_tribunal_cases('racial profiling', p_cursor => %L)$$,
    r || ':' || gen_random_uuid()),
  '22023', 'p_cursor is not a cursor of this search',
  format('a cursor of rank %s: 22023 naming p_cursor', r)
)
from unnest(array['NaN', 'Infinity', '-Infinity', '1e30']) as r;
select throws_ok(
  format($$select * from public.search_tribunal_cases(null, p_cursor => %L)$$, r || ':' || gen_random_uuid()),
  '22023', 'p_cursor is not a cursor of this search',
  format('without a query too (the rank is a day number): %s', r)
)
from unnest(array['NaN', '1e30']) as r;
select throws_ok(
  $$select * from public.search_tribunal_cases('racial profiling', p_tribunals => '{{HRTO},{CHRT}}')$$,
  '22023', 'p_tribunals must be a one-dimensional list', 'a two-dimensional p_tribunals: 22023 naming it'
);
select throws_ok(
  $$select * from public.search_tribunal_case_facets('racial profiling', p_outcomes => '{{Upheld}}')$$,
  '22023', 'p_outcomes must be a one-dimensional list', 'facets: the same'
);
select throws_ok(
  $$select * from public.search_tribunal_cases('racial profiling', p_year_from => 2147483647)$$,
  '22023', 'p_year_from must be a year from 1900 to 2100', 'a year out of range names its argument'
);
select throws_ok(
  $$select * from public.match_tribunal_cases(
      array_fill(0.1::real, array[384])::extensions.vector, p_min_similarity => 'NaN')$$,
  '22023', 'p_min_similarity must be between -1 and 1', 'a NaN similarity: 22023'
);
select tests.clear_authentication();

-- The sweep -----------------------------------------------------------------------------------

-- An ordinary value for an argument (so that the malformed one is what is checked).
create function pg_temp.t243_ordinary(p_type regtype, p_name text) returns text
language sql
as $$
  select case
    -- Optional arguments whose absence is the ordinary case.
    when p_name in ('p_year_from', 'p_year_to', 'p_before_id', 'p_organization_id', 'p_cursor', 'p_corrects_id')
      then 'null'
    when p_name in ('p_occurred_from', 'p_became_known_at') then '(now() - interval ''1 day'')'
    when p_type = 'uuid'::regtype then quote_literal(gen_random_uuid()) || '::uuid'
    when p_name = 'p_rating' then '3'
    when p_type = 'integer'::regtype then '10'
    when p_type = 'double precision'::regtype then '0.5::double precision'
    when p_type = 'numeric'::regtype then '1::numeric'
    when p_type = 'boolean'::regtype then 'false'
    when p_type = 'jsonb'::regtype then '''[]''::jsonb'
    when p_type = 'text[]'::regtype then 'null::text[]'
    when p_type = 'timestamp with time zone'::regtype then 'null::timestamptz'
    when p_type = 'extensions.vector'::regtype then 'array_fill(0.1::real, array[384])::extensions.vector'
    when p_type = 'text'::regtype then quote_literal(case p_name
      when 'p_lang' then 'en' when 'p_scope' then 'global' when 'p_period' then 'all_time'
      when 'p_query' then 'zqxjv profiling' when 'p_certificate_number' then 'ABR-2024-000001'
      when 'p_verification_code' then 'ABCDEFGHJKLM' when 'p_role' then 'learner'
      when 'p_metric_type' then 'api_calls' when 'p_email' then 'someone@example.test'
      when 'p_kind' then 'access' when 'p_status' then 'completed' else 'x' end)
    else 'null'
  end
$$;

-- The malformed values of a type, as SQL expressions.
create function pg_temp.t243_malformed(p_type regtype) returns setof text
language sql
as $$
  select unnest(case p_type
    when 'integer'::regtype then array['-2147483648', '2147483647', '-1']
    when 'double precision'::regtype then array[
      '''NaN''::double precision', '''Infinity''::double precision', '''-Infinity''::double precision',
      '1e308::double precision'
    ]
    when 'numeric'::regtype then array[
      '''NaN''::numeric', '''Infinity''::numeric', '-1::numeric', '1e30::numeric', '0.001::numeric'
    ]
    when 'text'::regtype then array[
      'repeat(''x'', 100000)', '''''', '''NaN:'' || gen_random_uuid()', '''1e30:'' || gen_random_uuid()',
      '''Infinity:'' || gen_random_uuid()'
    ]
    when 'text[]'::regtype then array[
      '''{{a,b},{c,d}}''::text[]', '''{NULL}''::text[]', 'array_fill(''x''::text, array[100000])'
    ]
    when 'jsonb'::regtype then array[
      '''[]''::jsonb', '''"x"''::jsonb', '''null''::jsonb', '''[[[]]]''::jsonb', '''{"a": [[1e400]]}''::jsonb',
      '''[{"question_index": 1e30, "answer": "NaN"}]''::jsonb',
        '''[{"question_index": -1, "answer_index": 1.5}]''::jsonb'
    ]
    when 'timestamp with time zone'::regtype then array['''infinity''::timestamptz', '''-infinity''::timestamptz']
    when 'uuid'::regtype then array['gen_random_uuid()']
    else '{}'::text []
  end)
$$;

-- Every call whose error is not one a client can show, as 'call -> SQLSTATE: message'.
create function pg_temp.t243_bad_calls(p_identifier text) returns setof text
language plpgsql
as $$
declare
  f record;
  i integer;
  v text;
  args text [];
  call text;
  state text;
  msg text;
begin
  for f in
    select p.oid, p.proname, p.proargnames as names, p.proargtypes::regtype [] as types, p.pronargs as n
    from pg_catalog.pg_proc as p
    where p.pronamespace = 'public'::regnamespace
      and (has_function_privilege('authenticated', p.oid, 'execute') or has_function_privilege('anon', p.oid,
        'execute'))
    order by p.proname
  loop
    for i in 1..f.n loop
      for v in select pg_temp.t243_malformed(f.types[i - 1]) loop
        select array_agg(
          f.names[k] || ' => ' || case when k = i then v else pg_temp.t243_ordinary(f.types[k - 1], f.names[k]) end
          order by k
        ) into args
        from generate_series(1, f.n) as k;
        call := format('select * from public.%I(%s)', f.proname, array_to_string(args, ', '));
        begin
          perform tests.authenticate_as(p_identifier);
          execute call;
          perform tests.clear_authentication();
        exception when others then
          get stacked diagnostics state = returned_sqlstate, msg = message_text;
          if state not in ('22023', 'P0002', '42501', '23505') then
            return next format('%s -> %s: %s', left(call, 300), state, left(msg, 200));
          elsif state = '22023' and msg !~ ('\m' || f.names[i] || '\M') and msg ~ '\mp_[a-z_]+' then
            -- 22023 naming another argument than the malformed one (a check in the wrong place).
            return next format('%s -> 22023 naming another argument: %s', left(call, 300), left(msg, 200));
          end if;
        end;
      end loop;
    end loop;
  end loop;
end;
$$;

select is_empty(
  $$select * from pg_temp.t243_bad_calls('t243-lena')$$,
  'as a learner, every malformed argument of every client RPC is 22023 (or 42501 / P0002)'
);
select is_empty(
  $$select * from pg_temp.t243_bad_calls('t243-sam')$$,
  'as a super_admin (past every permission check), the same'
);

select * from finish();
rollback;
