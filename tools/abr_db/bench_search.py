"""bench-search: case-law search at production scale, as a user and as service_role.

`abr-db bench-search --prepare` makes the dataset (in the database given: use a
scratch one): synthetic bilingual cases up to --cases (50,000 by default; none
are added where `abr-db seed --scale` already put enough), then a CLUSTERED
synthetic embedding for every live case without one. Real sentence embeddings
have neighbourhoods; uniform random 384-d vectors have none (HNSW recall on them
is about 0.16 and means nothing). Here each case's vector is a topic centroid
(from its first discrimination type and protected ground) plus a sub-topic
offset (from its tribunal) plus a neighbourhood offset (from its id: a few dozen
cases each) plus the case's own mix of a few directions of its sub-topic (a low
intrinsic dimension, as real embeddings have) and a little noise, normalized.
Their embedding_model is 'synthetic-clustered', and only such vectors are ever
replaced. The HNSW index is rebuilt once after the bulk update (same definition).
The vectors come from seeds/bench/scale/55_case_vectors.sql, a step of
`abr-db seed --scale` too: a scale-seeded database needs no --prepare.

Then it measures, server execution time (EXPLAIN ANALYZE), each call in its own
transaction, alternating `authenticated` (a signed-in user, PostgREST-style) and
`service_role`, a query of the mix per run:
  - search_tribunal_cases, English and French, a page of 20: the mix, and the
    broadest query it can build (the single term of BROAD_QUERIES matching the
    most live cases) on its own, with the filters and the cursor too, and two
    broad queries of two words (BROAD_PAIRS: joined by "or", and both required);
  - match_tribunal_cases top 10 (HNSW) and its recall@10 against an exact scan;
  - hybrid_search_tribunal_cases, 20;
  - a filtered semantic search that excludes most cases (iterative scan).
Each search query's match count is reported, and the overlap of the RPC's top
20 with the exact top 20 (every match ranked by the formula of
rpc_functions/40_case_search.sql, written out below; what search returns up
to 1,000 matches, and for a broad query read from the champion lists).
Goals: full text p50 <= 5 ms at 50,000 cases and <= 10 ms at 500,000 for the
broadest query, HNSW recall@10 >= 0.99 at p50 <= 2 ms, hybrid p50 <= 15 ms,
authenticated / service_role <= 1.2.
"""

from __future__ import annotations

import json
import os
import statistics
import time
import uuid
from dataclasses import dataclass, field
from typing import Callable

import psycopg

from .acting import act_as
from .connect import connect
from .paths import project

SYNTHETIC_MODEL = "synthetic-clustered"

EN_QUERIES = [
    "racial profiling",
    "harassment at work",
    "landlord refused to rent",
    '"poisoned work environment"',
    "promotion discrimination -dismissed",
    "police street checks",
    "school discipline",
    "disability accommodation",
    "pregnancy dismissal",
    "braids dress code",
]
FR_QUERIES = [
    "profilage racial",
    "harcèlement au travail",
    "logement refusé",
    '"milieu de travail empoisonné"',
    "promotion ecarte",
    "interpellations policieres",
    "discipline scolaire",
    "obligation d'accommodement",
    "grossesse congédiement",
    "tresses code vestimentaire",
]

# Single common terms: the broadest query is the one matching the most live cases.
BROAD_QUERIES = {
    "en": ["discrimination", "evidence", "tribunal", "credibility", "employment"],
    "fr": ["discrimination", "preuve", "tribunal", "crédibilité", "emploi"],
}

# Broad queries of two words: joined by "or" (read from the champion lists too), and two
# common words that must both match (ranked from their best candidates).
BROAD_PAIRS = {
    "en": [("two words joined by or", "employment or housing"), ("two common words (and)", "evidence credibility")],
    "fr": [("two words joined by or", "emploi or logement"), ("two common words (and)", "preuve crédibilité")],
}

# (discrimination type, protected ground, English phrases, French phrases)
_VOCABULARY = [
    ("harassment", "race",
     ["racial slurs from a supervisor", "a poisoned work environment", "co-workers mocked his accent",
      "management ignored the harassment complaints"],
     ["des insultes raciales d''un superviseur", "un milieu de travail empoisonné",
      "des collègues se moquaient de son accent", "la direction a ignoré les plaintes de harcèlement"]),
    ("termination", "race",
     ["was dismissed days after complaining", "the dismissal was a reprisal", "fired without cause",
      "reprisal for a human rights complaint"],
     ["a été congédiée après sa plainte", "le congédiement constituait des représailles",
      "renvoyé sans motif", "représailles pour une plainte en matière de droits de la personne"]),
    ("promotion", "colour",
     ["passed over for promotion", "less qualified white colleagues were promoted",
      "systemic discrimination in promotions", "statistical evidence of a pattern"],
     ["écarté d''une promotion", "des collègues blancs moins qualifiés ont été promus",
      "discrimination systémique dans les promotions", "la preuve statistique d''un schéma"]),
    ("profiling", "race",
     ["racial profiling by store security", "followed through the store", "searched without cause",
      "accused of shoplifting"],
     ["profilage racial par la sécurité du magasin", "suivi dans le magasin", "fouillé sans motif",
      "accusé de vol à l''étalage"]),
    ("policing", "race",
     ["police street checks and carding", "stopped without any traffic violation",
      "race-based data on police stops", "handcuffed after asking why"],
     ["interpellations policières et fichage", "intercepté sans aucune infraction routière",
      "données fondées sur la race lors des interpellations", "menotté après avoir demandé pourquoi"]),
    ("housing", "place of origin",
     ["the landlord refused to rent the apartment", "told the unit was taken", "refused to renew the lease",
      "tenants with foreign-sounding names"],
     ["le propriétaire a refusé de louer le logement", "on lui a dit que le logement était loué",
      "refus de renouveler le bail", "des locataires aux noms à consonance étrangère"]),
    ("education", "race",
     ["suspended more often than peers", "school discipline applied unequally", "restrained and isolated",
      "braids broke the dress code"],
     ["suspendus plus souvent que leurs camarades", "discipline scolaire appliquée inégalement",
      "contenu et isolé", "ses tresses enfreignaient le code vestimentaire"]),
    ("accommodation", "disability",
     ["failure to accommodate a disability", "refused an ergonomic chair", "modified hours were denied",
      "a wheelchair ramp was refused"],
     ["manquement à l''obligation d''accommodement", "refus d''une chaise ergonomique",
      "un horaire adapté a été refusé", "une rampe d''accès a été refusée"]),
    ("pregnancy", "sex",
     ["dismissed after announcing her pregnancy", "pregnancy discrimination", "denied a return to work",
      "parental leave was held against her"],
     ["congédiée après l''annonce de sa grossesse", "discrimination fondée sur la grossesse",
      "retour au travail refusé", "le congé parental lui a été reproché"]),
    ("services", "creed",
     ["told to remove her hijab", "refused service at the counter", "religious dress must be accommodated",
      "served after every other customer"],
     ["on lui a demandé de retirer son hijab", "service refusé au comptoir",
      "les vêtements religieux doivent être accommodés", "servi après tous les autres clients"]),
]
_GENERIC_EN = [
    "The tribunal reviewed the evidence of both parties.", "The respondent denied any discrimination.",
    "Damages were awarded for injury to dignity, feelings and self-respect.",
    "The applicant testified credibly.", "Public interest remedies were ordered.",
    "The complaint was filed within the time limit.",
]
_GENERIC_FR = [
    "Le tribunal a examiné la preuve des deux parties.", "L''intimé a nié toute discrimination.",
    "Des dommages ont été accordés pour atteinte à la dignité.", "Le plaignant a témoigné de façon crédible.",
    "Des mesures d''intérêt public ont été ordonnées.", "La plainte a été déposée dans le délai prescrit.",
]


def _sql_array(items: list[str]) -> str:
    return "array[" + ",".join(f"'{s}'" for s in items) + "]"


def _vocabulary_values() -> str:
    rows = []
    for i, (dtype, ground, en, fr) in enumerate(_VOCABULARY):
        rows.append(f"({i}, '{dtype}', '{ground}', {_sql_array(en)}, {_sql_array(fr)})")
    return ",\n".join(rows)


_GENERATE_CASES_SQL = """
with vocab (t, dtype, ground, en, fr) as (values {vocab}),
generic (en, fr) as (select {generic_en}, {generic_fr}),
tribunals (names) as (select array['HRTO', 'CHRT', 'BCHRT', 'TDPQ', 'AHRC', 'NSHRC', 'MBHRC', 'SKHRT']),
outcomes (names) as (select array['Upheld', 'Dismissed', 'Settled', 'Partially Upheld', 'Other']),
rows as (
  select g.i, v.*, (select names from tribunals) as tribs, (select names from outcomes) as outs,
    (select en from generic) as gen_en, (select fr from generic) as gen_fr,
    (hashint4(g.i) & 2147483647) as h
  from generate_series(%(first)s::integer, %(last)s::integer) as g (i)
  inner join vocab as v on v.t = g.i %% {topics}
)
insert into public.tribunal_cases (
  case_number, title, tribunal, source_url, decision_date, year, summary_en, summary_fr,
  full_text_en, full_text_fr, outcome, protected_ground, discrimination_type, race_category,
  is_race_related, is_anti_black_specific, precedent_value
)
select
  'SYN-SEARCH-' || r.i, 'Applicant ' || r.i || ' v. Respondent ' || (r.h %% 997),
  r.tribs[1 + r.h %% 8], 'https://tribunal.example/synthetic/' || r.i,
  date '2005-01-01' + (r.h %% 7000), extract(year from date '2005-01-01' + (r.h %% 7000))::integer,
  initcap(r.en[1 + r.h %% 4]) || '; ' || r.en[1 + (r.h / 4) %% 4] || '.',
  initcap(r.fr[1 + r.h %% 4]) || '; ' || r.fr[1 + (r.h / 4) %% 4] || '.',
  concat_ws(' ', r.gen_en[1 + r.h %% 6], initcap(r.en[1 + (r.h / 16) %% 4]) || '.', r.gen_en[1 + (r.h / 7) %% 6],
    initcap(r.en[1 + (r.h / 64) %% 4]) || '.', r.gen_en[1 + (r.h / 11) %% 6], r.gen_en[1 + (r.h / 13) %% 6]),
  concat_ws(' ', r.gen_fr[1 + r.h %% 6], initcap(r.fr[1 + (r.h / 16) %% 4]) || '.', r.gen_fr[1 + (r.h / 7) %% 6],
    initcap(r.fr[1 + (r.h / 64) %% 4]) || '.', r.gen_fr[1 + (r.h / 11) %% 6], r.gen_fr[1 + (r.h / 13) %% 6]),
  r.outs[1 + (r.h / 3) %% 5], array[r.ground], array[r.dtype],
  case when r.ground in ('race', 'colour') then 'Anti-Black' else 'Unknown' end,
  r.ground in ('race', 'colour', 'place of origin'), r.ground in ('race', 'colour') and r.h %% 3 = 0,
  (array['High', 'Medium', 'Low', 'Unknown'])[1 + (r.h / 5) %% 4]
from rows as r
"""

# The vectors: the scale seed's step (same file, same vectors for `abr-db seed --scale`).
VECTORS_SQL = ("bench", "scale", "55_case_vectors.sql")


def prepare(url: str, cases: int = 50_000, say: Callable[[str], None] = print) -> dict:
    """Synthetic cases up to `cases` live ones, then clustered vectors for those without one."""
    out: dict = {}
    with connect(url) as conn:
        live = conn.execute("select count(*) from public.tribunal_cases where deleted_at is null").fetchone()[0]
        first = conn.execute(
            "select coalesce(max(substr(case_number, 12)::integer), 0) + 1 from public.tribunal_cases "
            "where case_number ~ '^SYN-SEARCH-[0-9]+$'"
        ).fetchone()[0]
        missing = max(0, cases - live)
        started = time.monotonic()
        sql = _GENERATE_CASES_SQL.format(
            vocab=_vocabulary_values(), generic_en=_sql_array(_GENERIC_EN), generic_fr=_sql_array(_GENERIC_FR),
            topics=len(_VOCABULARY),
        )
        batch = 5_000
        for start in range(first, first + missing, batch):
            last = min(start + batch - 1, first + missing - 1)
            with conn.transaction():
                conn.execute(sql, {"first": start, "last": last})
            say(f"  cases: {last - first + 1:,} of {missing:,} added")
        out["cases_added"] = missing
        out["cases_seconds"] = round(time.monotonic() - started, 1)

        started = time.monotonic()
        with conn.transaction():
            conn.execute("set local maintenance_work_mem = '1GB'")
            conn.execute(project().seeds.joinpath(*VECTORS_SQL).read_text())
        updated = conn.execute(
            "select count(*) from public.tribunal_cases where embedding_model = %s", (SYNTHETIC_MODEL,)
        ).fetchone()[0]
        say(f"  clustered vectors: {updated:,} cases (HNSW index rebuilt); vacuuming the table")
        # The bulk update left a dead copy of every row: reclaim it, as autovacuum would.
        conn.execute("vacuum analyze public.tribunal_cases")
        out["vectors"] = updated
        out["vectors_and_index_seconds"] = round(time.monotonic() - started, 1)

        # The champion lists of case search, from the cases now loaded (as the nightly job builds them).
        started = time.monotonic()
        out["champion_lists"] = conn.execute("select private.rebuild_case_search_champions()").fetchone()[0]
        say(f"  case search champion lists: {out['champion_lists']:,} words")
        out["champion_lists_seconds"] = round(time.monotonic() - started, 1)
    return out


@dataclass
class Measure:
    name: str
    goal: str
    user_ms: list[float] = field(default_factory=list)
    service_ms: list[float] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def summary(self) -> dict:
        def pct(values: list[float], p: float) -> float:
            ordered = sorted(values)
            return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 3)

        user_p50 = statistics.median(self.user_ms)
        service_p50 = statistics.median(self.service_ms)
        return {
            "name": self.name,
            "goal": self.goal,
            "authenticated_p50_ms": round(user_p50, 3),
            "authenticated_p95_ms": pct(self.user_ms, 0.95),
            "service_role_p50_ms": round(service_p50, 3),
            "service_role_p95_ms": pct(self.service_ms, 0.95),
            "authenticated_min_ms": round(min(self.user_ms), 3),
            "service_role_min_ms": round(min(self.service_ms), 3),
            "ratio": round(user_p50 / service_p50, 2) if service_p50 else None,
            "runs": len(self.user_ms),
            **self.extra,
        }


def _explain_ms(conn: psycopg.Connection, role: str, query: str, params: dict) -> float:
    with conn.transaction(force_rollback=True), conn.cursor() as cur:
        act_as(cur, role, str(uuid.uuid4()) if role == "authenticated" else None)
        cur.execute("explain (analyze, timing off, format json) " + query, params)
        return float(cur.fetchone()[0][0]["Execution Time"])


def _timed(conn: psycopg.Connection, measure: Measure, query: str, params: dict, run: int) -> None:
    roles = ("authenticated", "service_role") if run % 2 == 0 else ("service_role", "authenticated")
    for role in roles:
        ms = _explain_ms(conn, role, query, params)
        (measure.user_ms if role == "authenticated" else measure.service_ms).append(ms)


def _query_vectors(conn: psycopg.Connection, count: int) -> list[str]:
    """Queries near the data, as real ones are: a live case's vector, moved a little, normalized."""
    return [
        r[0] for r in conn.execute(
            """
            select extensions.l2_normalize(c.embedding operator(extensions.+) array(
              select (random() * 2 - 1) * 0.02 from generate_series(1, 384) where c.id is not null
            )::extensions.vector)::text
            from public.tribunal_cases as c
            where c.deleted_at is null and c.embedding is not null
            order by md5(c.id::text || %s)
            limit %s
            """,
            (str(count), count),
        )
    ]


_EXACT_SQL = """
select c.id from public.tribunal_cases as c
where c.deleted_at is null and c.embedding is not null
order by (c.embedding operator(extensions.<=>) %s::extensions.vector) + 0, c.id
limit 10
"""

SEARCH_SQL = "select * from public.search_tribunal_cases(%(q)s, %(lang)s, p_limit => 20)"
FILTERED_SEARCH_SQL = (
    "select * from public.search_tribunal_cases(%(q)s, %(lang)s, p_tribunals => array['HRTO', 'CHRT'],"
    " p_year_from => 2010, p_limit => 20)"
)
PAGE2_SQL = "select * from public.search_tribunal_cases(%(q)s, %(lang)s, p_limit => 20, p_cursor => %(cursor)s)"
_CONFIG = {"en": "private.english_unaccent", "fr": "private.french_unaccent"}
# The exact ranking: every match ranked (private.case_fts_ranked's formula), the top 20.
_EXACT_TOP_SQL = """
select c.id from public.tribunal_cases as c, private.case_tsquery(%(q)s, %(lang)s) as q
where c.deleted_at is null and c.{search} @@ q
order by ((ts_rank(c.{rank_doc}, q, 1) + 0.001::float8) * case when c.is_anti_black_specific
  then case c.precedent_value when 'High' then 1.5::float8 when 'Medium' then 1.35::float8 else 1.25::float8 end
  else case c.precedent_value when 'High' then 1.25::float8 when 'Medium' then 1.1::float8 else 1::float8 end
  end)::real desc, c.id desc
limit 20
"""


def _matches(conn: psycopg.Connection, q: str, lang: str) -> int:
    return conn.execute(
        f"select count(*) from public.tribunal_cases as c where c.deleted_at is null"  # noqa: S608 - fixed names
        f" and c.search_{lang} @@ private.case_tsquery(%s, %s)", (q, lang),
    ).fetchone()[0]


def _rpc_ids(conn: psycopg.Connection, sql: str, params: dict) -> list:
    with conn.transaction(force_rollback=True), conn.cursor() as cur:
        act_as(cur, "service_role")
        cur.execute(sql, params)
        return cur.fetchall()


def search_quality(conn: psycopg.Connection) -> list[dict]:
    """Per query: matches, and the overlap of the RPC's top 20 with the exact top 20."""
    rows = []
    queries = [("en", q) for q in EN_QUERIES + BROAD_QUERIES["en"]]
    queries += [("fr", q) for q in FR_QUERIES + BROAD_QUERIES["fr"]]
    queries += [(lang, q) for lang, pairs in BROAD_PAIRS.items() for _, q in pairs]
    for lang, q in queries:
        params = {"q": q, "lang": lang}
        exact = [r[0] for r in conn.execute(
            _EXACT_TOP_SQL.format(search=f"search_{lang}", rank_doc=f"rank_doc_{lang}"), params)]
        got = _rpc_ids(conn, SEARCH_SQL, params)
        ids = [r[0] for r in got]
        rows.append({
            "lang": lang, "query": q, "matches": _matches(conn, q, lang),
            "total_count": got[0][13] if got else 0,
            "overlap_top20": len(set(exact) & set(ids)), "of": len(exact),
            "same_order": ids == exact,
        })
    return rows


def broadest(conn: psycopg.Connection, lang: str) -> tuple[str, int]:
    """The term of BROAD_QUERIES[lang] matching the most live cases, and its match count."""
    counted = [(q, _matches(conn, q, lang)) for q in BROAD_QUERIES[lang]]
    return max(counted, key=lambda x: x[1])
MATCH_SQL = "select * from public.match_tribunal_cases(%(v)s::extensions.vector, 10)"
HYBRID_SQL = "select * from public.hybrid_search_tribunal_cases(%(q)s, %(v)s::extensions.vector, 'en', 20)"
FILTERED_MATCH_SQL = (
    "select * from public.match_tribunal_cases(%(v)s::extensions.vector, 10, "
    "p_tribunals => array['NSHRC'], p_year_from => 2020)"
)


def run(url: str, repeat: int = 50) -> dict:
    with connect(url) as conn:
        info = conn.execute(
            """
            select count(*) filter (where deleted_at is null),
                   count(*) filter (where deleted_at is null and embedding is not null),
                   current_setting('server_version'), current_setting('shared_buffers'),
                   current_setting('work_mem')
            from public.tribunal_cases
            """
        ).fetchone()
        vectors = _query_vectors(conn, max(repeat, 50))
        fts_en = Measure("full text, English (search_tribunal_cases, 20)", "p50 <= 10 ms")
        fts_fr = Measure("full text, French (search_tribunal_cases, 20)", "p50 <= 10 ms")
        match = Measure("semantic, HNSW (match_tribunal_cases, 10)", "p50 <= 2 ms, recall@10 >= 0.99")
        hybrid = Measure("hybrid (hybrid_search_tribunal_cases, 20)", "p50 <= 15 ms")
        filtered = Measure("semantic, filter keeps few cases (NSHRC, 2020+)", "10 rows when 10 match")
        broad: list[tuple[Measure, str, dict]] = []
        for lang in ("en", "fr"):
            term, n = broadest(conn, lang)
            params = {"q": term, "lang": lang}
            cursor = _rpc_ids(conn, SEARCH_SQL, params)[-1][14]
            for label, sql, extra in (
                ("page of 20", SEARCH_SQL, {}),
                ("HRTO or CHRT, 2010+", FILTERED_SEARCH_SQL, {}),
                ("second page (cursor)", PAGE2_SQL, {"cursor": cursor}),
            ):
                m = Measure(f"full text, broadest {lang} '{term}' ({n:,} matches), {label}",
                            "p50 <= 5 ms at 50k, <= 10 ms at 500k")
                m.extra["matches"] = n
                broad.append((m, sql, {**params, **extra}))
            for label, q in BROAD_PAIRS[lang]:
                n = _matches(conn, q, lang)
                m = Measure(f"full text, {label} {lang} '{q}' ({n:,} matches), page of 20",
                            "p50 <= 5 ms at 50k, <= 10 ms at 500k")
                m.extra["matches"] = n
                broad.append((m, SEARCH_SQL, {"q": q, "lang": lang}))
        # Warm the caches once, as a live server is.
        for q in EN_QUERIES:
            _explain_ms(conn, "service_role", SEARCH_SQL, {"q": q, "lang": "en"})
        for run_no in range(repeat):
            v = vectors[run_no % len(vectors)]
            _timed(conn, fts_en, SEARCH_SQL, {"q": EN_QUERIES[run_no % len(EN_QUERIES)], "lang": "en"}, run_no)
            _timed(conn, fts_fr, SEARCH_SQL, {"q": FR_QUERIES[run_no % len(FR_QUERIES)], "lang": "fr"}, run_no)
            _timed(conn, match, MATCH_SQL, {"v": v}, run_no)
            _timed(conn, hybrid, HYBRID_SQL, {"q": EN_QUERIES[run_no % len(EN_QUERIES)], "v": v}, run_no)
            _timed(conn, filtered, FILTERED_MATCH_SQL, {"v": v}, run_no)
            for m, sql, params in broad:
                _timed(conn, m, sql, params, run_no)

        recalls = []
        for v in vectors:
            exact = {r[0] for r in conn.execute(_EXACT_SQL, (v,))}
            with conn.transaction(force_rollback=True), conn.cursor() as cur:
                act_as(cur, "service_role")
                cur.execute(MATCH_SQL, {"v": v})
                found = {r[0] for r in cur.fetchall()}
            recalls.append(len(exact & found) / max(1, len(exact)))
        match.extra["recall_at_10"] = round(statistics.mean(recalls), 4)
        match.extra["recall_queries"] = len(recalls)
        with conn.transaction(force_rollback=True), conn.cursor() as cur:
            act_as(cur, "service_role")
            cur.execute(FILTERED_MATCH_SQL, {"v": vectors[0]})
            filtered.extra["rows_returned"] = len(cur.fetchall())
        filtered.extra["cases_matching_filter"] = conn.execute(
            "select count(*) from public.tribunal_cases where deleted_at is null and embedding is not null "
            "and tribunal = 'NSHRC' and year >= 2020"
        ).fetchone()[0]
        quality = search_quality(conn)
    return {
        "dataset": {"live_cases": info[0], "embedded_cases": info[1]},
        "machine": {"cores": os.cpu_count(), "load_average_1m": round(os.getloadavg()[0], 2)},
        "server": {"version": info[2], "shared_buffers": info[3], "work_mem": info[4]},
        "repeat": repeat,
        "measures": [m.summary() for m in (fts_en, fts_fr, *(b[0] for b in broad), match, hybrid, filtered)],
        "search_quality": quality,
    }


def to_json(result: dict) -> str:
    return json.dumps(result, indent=2, default=str)


def as_rows(result: dict) -> list[dict]:
    """One short row per measure, for the terminal."""
    rows = []
    for m in result["measures"]:
        rows.append({
            "measure": m["name"],
            "goal": m["goal"],
            "user p50": m["authenticated_p50_ms"],
            "user p95": m["authenticated_p95_ms"],
            "user min": m["authenticated_min_ms"],
            "service p50": m["service_role_p50_ms"],
            "ratio": m["ratio"],
            "notes": ", ".join(
                f"{k}={m[k]}" for k in ("recall_at_10", "rows_returned", "cases_matching_filter", "matches") if k in m
            ),
        })
    return rows

