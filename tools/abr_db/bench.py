"""Benchmarks: each case times two ways of doing the same thing side by side,
in one process and one transaction, and reports their ratio. Times are the
server's execution times (EXPLAIN ANALYZE, per-node timing off).

Everything happens inside a transaction that is rolled back: the synthetic
data (seeds/bench/synthetic.sql at the chosen scale) and any policy swapped
in for a comparison. Runs alternate A, B, A, B, … so that drift in the
machine's speed hits both sides alike; the figure is the median.
"""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import psycopg
from rich.table import Table

from . import ui
from .acting import act_as, act_as_owner, seeded_id

# Members of seeds/bench/synthetic.sql: a learner of bench org 2, and an
# org_admin (every 40th member is one).
LEARNER_ID = seeded_id("bench-user:2")
ORG_ADMIN_ID = seeded_id("bench-user:40")
LEARNER = f"'{LEARNER_ID}'::uuid"
MICRO_BUDGET_S = 8.0  # per case; at least one run of each side
ORG_ADMIN = f"'{ORG_ADMIN_ID}'::uuid"


@dataclass
class Result:
    case: str
    a_label: str
    b_label: str
    a_ms: float
    b_ms: float

    @property
    def ratio(self) -> float:
        return self.b_ms / self.a_ms if self.a_ms else float("inf")

    def as_dict(self) -> dict:
        return {**asdict(self), "ratio": round(self.ratio, 2)}


@dataclass
class Case:
    name: str
    a_label: str
    b_label: str
    setup_a: Callable[[psycopg.Cursor], None]
    setup_b: Callable[[psycopg.Cursor], None]
    query: str


def _as(role: str, user_id: str | None) -> Callable[[psycopg.Cursor], None]:
    """Act as an API role (and a bench member), under the real policies."""

    def setup(cur: psycopg.Cursor) -> None:
        act_as(cur, role, user_id)

    return setup


def _policy(using: str) -> Callable[[psycopg.Cursor], None]:
    """Replace every SELECT policy on progress with one, then act as a learner."""

    def setup(cur: psycopg.Cursor) -> None:
        act_as_owner(cur)
        cur.execute(
            "select format('drop policy %I on public.progress', policyname) from pg_catalog.pg_policies "
            "where schemaname = 'public' and tablename = 'progress' and cmd in ('SELECT', 'ALL')"
        )
        for (stmt,) in cur.fetchall():
            cur.execute(stmt)
        cur.execute(f"create policy bench_read on public.progress for select to authenticated using ({using})")
        cur.execute("grant select on public.progress to authenticated")
        act_as(cur, "authenticated", LEARNER_ID)

    return setup


def _planner(**settings: str) -> Callable[[psycopg.Cursor], None]:
    def setup(cur: psycopg.Cursor) -> None:
        act_as_owner(cur)
        for name in ("enable_indexscan", "enable_bitmapscan", "enable_indexonlyscan"):
            cur.execute("select set_config(%s, %s, true)", (name, settings.get(name, "on")))

    return setup


SPEC_ORG_ANALYTICS = """
select o.id, o.name, count(distinct p.id), count(distinct pr.id) filter (where pr.completion_percentage > 0),
       count(distinct c.id), avg(pr.completion_percentage), sum(ua.total_points)
from public.organizations as o
left join public.profiles as p on p.organization_id = o.id and p.deleted_at is null
left join public.progress as pr on pr.user_id = p.id
left join public.certificates as c on c.user_id = p.id
left join public.user_achievements as ua on ua.user_id = p.id
where o.deleted_at is null
group by o.id, o.name
"""


def _org_analytics_definition(cur: psycopg.Cursor) -> str:
    cur.execute("select pg_catalog.pg_get_viewdef('public.org_analytics'::regclass)")
    return cur.fetchone()[0].rstrip().rstrip(";")


def cases() -> list[Case]:
    no_index = _planner(enable_indexscan="off", enable_bitmapscan="off", enable_indexonlyscan="off")
    return [
        Case(
            "RLS helper in a policy: wrapped once per statement vs called per row",
            "(select private.is_org_admin())",
            "private.is_org_admin()",
            _policy("user_id = (select auth.uid()) or (select private.is_org_admin())"),
            _policy("user_id = auth.uid() or private.is_org_admin()"),
            "select count(*) from public.progress",
        ),
        Case(
            "RLS cost: an org admin reading their organization's progress, real policies vs no RLS",
            "service_role (no RLS)",
            "org_admin (policies)",
            _as("service_role", None),
            _as("authenticated", ORG_ADMIN_ID),
            f"select count(*) from public.progress where user_id in (select id from public.profiles "
            f"where organization_id = (select organization_id from public.profiles where id = {ORG_ADMIN}))",
        ),
        Case(
            "org_analytics: per-table aggregates (009) vs the spec's fan-out joins",
            "009_analytics",
            "spec sketch",
            _planner(),
            _planner(),
            "",  # filled per side below
        ),
        Case(
            "A learner's unfinished courses: idx_progress_completion vs no index",
            "index",
            "sequential scan",
            _planner(),
            no_index,
            f"select course_id from public.progress where user_id = {LEARNER} and completion_percentage < 100",
        ),
        Case(
            "Case search: idx_tribunal_search (GIN full text) vs no index",
            "index",
            "sequential scan",
            _planner(),
            no_index,
            "select count(*) from public.tribunal_cases where to_tsvector('english'::regconfig, "
            "coalesce(title, '') || ' ' || coalesce(summary_en, '')) @@ plainto_tsquery('english', 'employment race 17')",
        ),
    ]


def _time(cur: psycopg.Cursor, setup: Callable[[psycopg.Cursor], None], query: str) -> float:
    """Server-side execution time in ms (planning and the network left out)."""
    cur.execute("savepoint bench")
    try:
        setup(cur)
        cur.execute(f"explain (analyze, timing off, format json) {query}")
        return float(cur.fetchone()[0][0]["Execution Time"])
    finally:
        cur.execute("rollback to savepoint bench")


def run(
    conn: psycopg.Connection,
    synthetic: Path,
    scale: int = 5,
    repeat: int = 15,
    on_case: Callable[[str, int, int], None] | None = None,
) -> list[Result]:
    results: list[Result] = []
    todo = cases()
    with conn.transaction(force_rollback=True):
        with conn.cursor() as cur:
            if on_case:
                on_case("micro-cases: loading their data (rolled back afterwards)", 0, len(todo))
            cur.execute("select set_config('abr.bench_scale', %s, true)", (str(scale),))
            cur.execute(synthetic.read_text())
            for i, case in enumerate(todo):
                if on_case:
                    on_case(case.name, i, len(todo))
                query_a = query_b = case.query
                if case.a_label == "009_analytics":
                    query_a, query_b = _org_analytics_definition(cur), SPEC_ORG_ANALYTICS
                a_times, b_times = [], []
                started = time.perf_counter()
                for _ in range(repeat):
                    a_times.append(_time(cur, case.setup_a, query_a))
                    b_times.append(_time(cur, case.setup_b, query_b))
                    # On a database that also holds `seed --scale` data a per-row
                    # helper over every row takes seconds: fewer runs, not minutes.
                    if time.perf_counter() - started > MICRO_BUDGET_S:
                        break
                results.append(
                    Result(case.name, case.a_label, case.b_label, statistics.median(a_times), statistics.median(b_times))
                )
    return results


def to_json(results: list[Result]) -> str:
    return json.dumps([r.as_dict() for r in results], indent=2)


def print_results(results: list[Result], scale: int) -> None:
    table = Table(title=f"abr-db bench (scale {scale}; server execution time, median)")
    table.add_column("case", overflow="fold")
    table.add_column("A")
    table.add_column("A ms", justify="right")
    table.add_column("B")
    table.add_column("B ms", justify="right")
    table.add_column("B / A", justify="right")
    for r in results:
        table.add_row(r.case, r.a_label, f"{r.a_ms:.2f}", r.b_label, f"{r.b_ms:.2f}", f"{r.ratio:.1f}x")
    ui.console.print(table)
