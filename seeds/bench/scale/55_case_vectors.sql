/*
  step: clustered 384-d case vectors (what `abr-db bench-search --prepare` gives)

  Real sentence embeddings have neighbourhoods; uniform random 384-d vectors
  have none (HNSW recall on them is about 0.16 and means nothing). Each live
  case without a vector (or with an earlier synthetic one) gets a topic
  centroid (its first discrimination type and protected ground: 24 topics)
  plus a sub-topic offset (its tribunal: 8) plus a neighbourhood offset (its
  id: 32 per sub-topic, a few dozen cases each) plus its own mix of its
  sub-topic's 8 directions (a low intrinsic dimension, as real embeddings
  have) and a little noise, normalized; embedding_model 'synthetic-clustered'
  (only such vectors are ever replaced). The HNSW index is dropped for the bulk
  update and built again once, with the same definition; so are the table's
  BEFORE UPDATE row triggers (recreated from their definitions): while one
  exists, PostgreSQL recomputes every stored generated column of an updated
  row (the four tsvectors: decision-length texts parsed again), whatever
  columns the update writes.
  tools/abr_db/bench_search.py runs this same file for --prepare.

  phase: cases

  In the seed it runs after the case rows, while the table's non-unique
  indexes (the HNSW index among them) are dropped: the update then writes no
  index entry, and the seed builds every index once at the end.
*/

create temp table syn_hnsw on commit drop as
select pg_catalog.pg_get_indexdef(to_regclass('public.idx_tribunal_embedding')) as def;

drop index if exists public.idx_tribunal_embedding;

create temp table syn_case_triggers on commit drop as
select
  t.tgname,
  pg_catalog.pg_get_triggerdef(t.oid) as def
from pg_catalog.pg_trigger as t
where
  t.tgrelid = 'public.tribunal_cases'::regclass and not t.tgisinternal
  -- row (1), before (2), update (16)
  and t.tgtype & 19 = 19;

do $$
declare
  r record;
begin
  for r in select s.tgname from syn_case_triggers as s loop
    execute pg_catalog.format('drop trigger %I on public.tribunal_cases', r.tgname);
  end loop;
end;
$$;

create temp table syn_centroids on commit drop as
with topics as (
  select
    t,
    array(
      select random() * 2 - 1 from generate_series(1, 384)
      where t >= 0
    )::extensions.vector as v
  from generate_series(0, 23) as t
),

subs as (
  select
    t.t as topic,
    s as sub,
    t.v operator(extensions.+) array(
      select (random() * 2 - 1) * 0.7 from generate_series(1, 384)
      where s >= 0
    )::extensions.vector as v
  from topics as t cross join generate_series(0, 7) as s
)

select
  s.topic,
  s.sub,
  l as leaf,
  s.v operator(extensions.+) array(
    select (random() * 2 - 1) * 0.6 from generate_series(1, 384)
    where l >= 0
  )::extensions.vector as v
from subs as s cross join generate_series(0, 31) as l;

-- The directions in which the cases of a sub-topic differ: a few per
-- sub-topic, so neighbourhoods have a low intrinsic dimension, as real
-- embeddings do (isotropic noise in 384 dimensions puts every neighbour at
-- the same distance, which no real corpus does).
create temp table syn_directions on commit drop as
select
  t as topic,
  s as sub,
  d,
  array(
    select (random() * 2 - 1) * 0.5 from generate_series(1, 384)
    where d >= 0
  )::extensions.vector as v
from generate_series(0, 23) as t cross join generate_series(0, 7) as s
cross join generate_series(1, 8) as d;

update public.tribunal_cases as c
set
  embedding = extensions.l2_normalize(
    b.v
    operator(extensions.+) (
      select sum(dir.v operator(extensions.*) array_fill((random() * 2 - 1)::real, array[384])::extensions.vector)
      from syn_directions as dir
      where dir.topic = b.topic and dir.sub = b.sub and c.id is not null  -- noqa: RF01
    )
    operator(extensions.+) array(
      select (random() * 2 - 1) * 0.1 from generate_series(1, 384)
      where c.id is not null
    )::extensions.vector
  ),
  embedding_model = 'synthetic-clustered'
from syn_centroids as b
where
  c.deleted_at is null
  and (c.embedding is null or c.embedding_model = 'synthetic-clustered')
  and b.topic = (
    hashtext(coalesce(c.discrimination_type[1], '') || '/' || coalesce(c.protected_ground[1], '')) & 2147483647
  ) % 24
  and b.sub = (hashtext(c.tribunal) & 2147483647) % 8
  and b.leaf = (hashtext(c.id::text) & 2147483647) % 32;

do $$
declare
  r record;
begin
  for r in select s.def from syn_case_triggers as s loop
    execute r.def;
  end loop;
  if (select def from syn_hnsw) is not null then
    execute (select def from syn_hnsw);
  end if;
end;
$$;
