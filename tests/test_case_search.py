"""Case search beyond pgTAP: the demo seed is searchable out of the box, and
`abr-db bench-search` prepares clustered vectors and measures (nothing here asserts
a time: speed is the bench's to report)."""

from __future__ import annotations

import json

import psycopg

from abr_db import bench_search, migrate, seed
from abr_db.paths import Project


def _applied(new_db, project_snapshot) -> str:
    url = new_db()
    migrate.apply(url, bootstrap=True, proj=Project(project_snapshot), quiet=True)
    return url


def test_demo_seed_is_searchable_semantically_and_by_words(new_db, project_snapshot):
    url = _applied(new_db, project_snapshot)
    seed.seed(url, Project(project_snapshot))
    with psycopg.connect(url, autocommit=True) as conn:
        missing = conn.execute(
            "select count(*) from public.tribunal_cases where deleted_at is null and embedding is null"
        ).fetchone()[0]
        assert missing == 0  # demo.sql's two cases are embedded by demo_cases.sql too
        with conn.transaction(force_rollback=True):
            conn.execute("set local role authenticated")
            words = conn.execute("select count(*) from public.search_tribunal_cases('profilage racial', 'fr')")
            assert words.fetchone()[0] >= 3
            related = conn.execute(
                "select count(*) from public.related_tribunal_cases(md5('democase:9')::uuid, 5)"
            ).fetchone()[0]
            assert related == 5


def test_bench_search_prepares_clustered_vectors_and_measures(new_db, project_snapshot, cli):
    url = _applied(new_db, project_snapshot)
    result = cli("bench-search", "--db-url", url, "--prepare", "--cases", "300", "--repeat", "2", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["dataset"] == {"live_cases": 300, "embedded_cases": 300}
    assert report["prepared"]["cases_added"] == 300 and report["prepared"]["vectors"] == 300
    names = [m["name"] for m in report["measures"]]
    # en, fr, the broadest query per language (a page, filtered, the second page), two broad queries of two
    # words per language (joined by or; both required), HNSW, hybrid, filtered HNSW.
    assert len(names) == 15 and all(m["runs"] == 2 for m in report["measures"])
    semantic = next(m for m in report["measures"] if m["name"].startswith("semantic, HNSW"))
    assert 0 <= semantic["recall_at_10"] <= 1
    broad = [m for m in report["measures"] if m["name"].startswith("full text, broadest")]
    assert len(broad) == 6 and all(m["matches"] > 0 for m in broad)
    pairs = [m for m in report["measures"] if m["name"].startswith("full text, two")]
    assert len(pairs) == 4 and all(m["matches"] >= 0 for m in pairs)
    # Every query of the quality table: its match count and its top-20 overlap with the exact ranking.
    quality = report["search_quality"]
    assert quality and all(0 <= q["overlap_top20"] <= q["of"] <= 20 and q["matches"] >= 0 for q in quality)
    with psycopg.connect(url, autocommit=True) as conn:
        models = conn.execute("select distinct embedding_model from public.tribunal_cases").fetchall()
        assert models == [(bench_search.SYNTHETIC_MODEL,)]
        # Clustered: a case's nearest neighbours are far closer than a random pair.
        near, random_pair = conn.execute(
            """
            with a as (select embedding from public.tribunal_cases order by id limit 1)
            select
              (select avg(1 - (c.embedding operator(extensions.<=>) a.embedding)) from (
                 select c.embedding from public.tribunal_cases as c, a
                 order by c.embedding operator(extensions.<=>) a.embedding limit 6 offset 1) as c, a),
              (select avg(1 - (c.embedding operator(extensions.<=>) a.embedding))
               from public.tribunal_cases as c, a)
            """
        ).fetchone()
        assert near > random_pair + 0.3
