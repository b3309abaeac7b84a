"""The frontend suite of `abr-db bench`: each case of bench_cases.CASES timed as
its user (PostgREST's path) and as service_role with explicit filters,
alternating, on the data in the database (`abr-db seed --scale N`).

Times are the server's execution time (EXPLAIN ANALYZE, per-node timing off);
each case also keeps one plan per side (EXPLAIN ANALYZE, BUFFERS, JSON) so that
a regression shows where it comes from. Every run is inside a transaction that
is rolled back.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from typing import Callable

import psycopg

from .acting import act_as
from .bench_cases import CALLER_FLOOR, CASES, PICKERS, FrontendCase
from .errors import UsageError
from .scale_seed import is_seeded

SLOW_BUDGET_S = 6.0  # per case: fewer runs of a slow case (never fewer than MIN_RUNS)
MIN_RUNS = 5


@dataclass
class FrontendResult:
    name: str
    form: str
    picker: str
    runs: int
    user_ms: list[float] = field(repr=False, default_factory=list)
    limit_ms: list[float] = field(repr=False, default_factory=list)
    user_plan: object = None
    limit_plan: object = None

    @property
    def user_p50(self) -> float:
        return statistics.median(self.user_ms)

    @property
    def limit_p50(self) -> float:
        return statistics.median(self.limit_ms)

    @staticmethod
    def _p95(values: list[float]) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def ratio(self) -> float:
        return self.user_p50 / self.limit_p50 if self.limit_p50 else float("inf")

    @property
    def meets_goal(self) -> bool:
        """≤ 1.5× the limit, or at most 0.2 ms slower when the limit is under 1 ms."""
        if self.limit_p50 < 1.0:
            return self.user_p50 - self.limit_p50 <= 0.2 or self.ratio <= 1.5
        return self.ratio <= 1.5

    def as_dict(self) -> dict:
        return {
            "case": self.name,
            "form": self.form,
            "as": self.picker,
            "runs": self.runs,
            "user_ms": {"p50": round(self.user_p50, 3), "p95": round(self._p95(self.user_ms), 3)},
            "limit_ms": {"p50": round(self.limit_p50, 3), "p95": round(self._p95(self.limit_ms), 3)},
            "ratio": round(self.ratio, 2),
            "meets_goal": self.meets_goal,
            "user_plan": self.user_plan,
            "limit_plan": self.limit_plan,
        }


def _literal(value: object) -> str:
    return "null" if value is None else f"'{value}'::uuid"


def pick(cur: psycopg.Cursor, picker: str) -> tuple[str | None, str | None]:
    cur.execute(PICKERS[picker])
    row = cur.fetchone()
    if row is None:
        raise UsageError(f"no synthetic {picker} found: load the dataset with `abr-db seed --scale N`")
    return (str(row[0]) if row[0] else None, str(row[1]) if row[1] else None)


def _explain(cur: psycopg.Cursor, setup: Callable[[psycopg.Cursor], None], sql: str, full: bool = False):
    cur.execute("savepoint frontend")
    try:
        setup(cur)
        options = "analyze, buffers, format json" if full else "analyze, timing off, format json"
        cur.execute(f"explain ({options}) {sql}")
        return cur.fetchone()[0][0]
    finally:
        cur.execute("rollback to savepoint frontend")


def query_vector(cur: psycopg.Cursor) -> dict[str, str]:
    """`{vec}` and `{case}` of the cases: a live case's embedding (as a client would send a
    query's) and that case's id; 'null' when no case has a vector yet."""
    cur.execute(
        "select embedding::text, id from public.tribunal_cases where deleted_at is null and embedding is not null"
        " order by case_number limit 1"
    )
    row = cur.fetchone()
    if row is None:
        return {"vec": "null::extensions.vector", "case": "null::uuid"}
    return {"vec": f"'{row[0]}'::extensions.vector", "case": _literal(row[1])}


def run_case(
    cur: psycopg.Cursor, case: FrontendCase, repeat: int, search: dict[str, str] | None = None
) -> FrontendResult:
    me, org = pick(cur, case.picker)
    values = {"me": _literal(me), "org": _literal(org), **(search or query_vector(cur))}
    user_sql = case.user_sql.format(**values)
    limit_sql = case.limit_sql.format(**values)
    role = "anon" if case.picker == "anon" else "authenticated"

    def as_user(c: psycopg.Cursor) -> None:
        act_as(c, role, me)

    def as_service(c: psycopg.Cursor) -> None:
        act_as(c, "service_role")

    result = FrontendResult(case.name, case.form, case.picker, 0)
    # One warm-up each (caches, the helpers' plans), then alternate.
    _explain(cur, as_user, user_sql)
    _explain(cur, as_service, limit_sql)
    started = time.perf_counter()
    while result.runs < repeat:
        result.user_ms.append(float(_explain(cur, as_user, user_sql)["Execution Time"]))
        result.limit_ms.append(float(_explain(cur, as_service, limit_sql)["Execution Time"]))
        result.runs += 1
        if result.runs >= MIN_RUNS and time.perf_counter() - started > SLOW_BUDGET_S:
            break
    result.user_plan = _explain(cur, as_user, user_sql, full=True)
    result.limit_plan = _explain(cur, as_service, limit_sql, full=True)
    return result


def run(
    conn: psycopg.Connection,
    repeat: int = 50,
    cases: list[FrontendCase] | None = None,
    on_case: Callable[[str, int, int], None] | None = None,
) -> list[FrontendResult]:
    if not is_seeded(conn):
        raise UsageError(
            "the frontend suite needs the synthetic dataset: run `abr-db seed --scale 1` first"
            " (or `abr-db bench --micro-only`)"
        )
    todo = cases if cases is not None else CASES
    results = []
    with conn.transaction(force_rollback=True):
        with conn.cursor() as cur:
            search = query_vector(cur)
            for i, case in enumerate(todo):
                if on_case:
                    on_case(f"{case.name} [{case.form}]", i, len(todo))
                results.append(run_case(cur, case, repeat, search))
    return results


def caller_floor(conn: psycopg.Connection, repeat: int = 50) -> FrontendResult:
    """bench_cases.CALLER_FLOOR: what one caller lookup costs a policy, per statement."""
    with conn.transaction(force_rollback=True):
        with conn.cursor() as cur:
            return run_case(cur, CALLER_FLOOR, repeat, {"vec": "null", "case": "null"})


def summary(results: list[FrontendResult], floor: FrontendResult | None = None) -> dict:
    """Median ratio and cases meeting the goal; the median excess over the limits; and, given
    the caller floor F (the least a policy that identifies its caller adds), how many cases
    have a limit under 5F: their ratio is above 1.2x under any such policy."""
    ratios = [r.ratio for r in results]
    out = {
        "median_ratio": round(statistics.median(ratios), 2) if ratios else None,
        "cases_meeting_goal": sum(r.meets_goal for r in results),
        "cases": len(results),
        "median_excess_ms": round(statistics.median(r.user_p50 - r.limit_p50 for r in results), 3)
        if results else None,
    }
    if floor is not None:
        cost = max(floor.user_p50 - floor.limit_p50, 0.0)
        out["caller_floor_ms"] = round(cost, 3)
        out["cases_under_5x_floor"] = sum(r.limit_p50 < 5 * cost for r in results)
    return out
