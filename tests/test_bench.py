"""`abr-db bench` measures; it asserts nothing about speed. What is tested is
that it runs every case on real data and leaves the database as it found it."""

from __future__ import annotations

from pathlib import Path

import psycopg

from abr_db import bench

REPO = Path(__file__).resolve().parents[1]


def _counts(conn) -> tuple:
    return conn.execute(
        "select (select count(*) from public.organizations), (select count(*) from public.progress), "
        "(select count(*) from auth.users), (select count(*) from pg_catalog.pg_policies where tablename = 'progress')"
    ).fetchone()


def test_bench_runs_every_case_and_leaves_no_trace(applied_db):
    with psycopg.connect(applied_db, autocommit=True) as conn:
        before = _counts(conn)
        results = bench.run(conn, REPO / "seeds" / "bench" / "synthetic.sql", scale=1, repeat=1)
        after = _counts(conn)
    assert [r.case for r in results] == [c.name for c in bench.cases()]
    assert all(r.a_ms > 0 and r.b_ms > 0 for r in results)
    assert before == after
