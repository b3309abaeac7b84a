"""`abr-db seed --scale N`: the synthetic production-scale dataset.

The generator is SQL (seeds/bench/scale/NN_*.sql, set-based, run inside the
database); this module runs its steps in order in one transaction, with the
scale in the setting `abr.seed_scale` and triggers off
(session_replication_role = replica), reports each step to a callback, and
counts the rows at the end. Synthetic rows are recognisable (see the first
step's header), so "already seeded" and `--replace` are exact.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import psycopg

from .connect import connect
from .errors import MigrationError, UsageError
from .paths import Project, project as current_project
from .seed import run_file

SYNTHETIC_DOMAIN = "synthetic.abr.test"
COUNTED = (
    "organizations", "profiles", "courses", "lessons", "progress", "certificates", "user_achievements",
    "notifications", "tribunal_cases", "audit_logs", "subscription_seats",
)


@dataclass
class Step:
    path: Path
    label: str


@dataclass
class SeedResult:
    scale: float
    seconds: float
    removed_seconds: float | None
    counts: dict[str, int] = field(default_factory=dict)


def steps(proj: Project | None = None) -> list[Step]:
    proj = proj or current_project()
    found = []
    for path in sorted((proj.seeds / "bench" / "scale").glob("*.sql")):
        match = re.search(r"^\s*step:\s*(.+)$", path.read_text(), re.MULTILINE)
        found.append(Step(path, match.group(1).strip() if match else path.stem))
    return found


def remove_sql(proj: Project | None = None) -> Path:
    return (proj or current_project()).seeds / "bench" / "remove_synthetic.sql"


# The tables the steps fill in bulk.
VACUUMED = ("profiles", "progress", "certificates", "user_achievements", "notifications", "tribunal_cases",
            "audit_logs", "subscription_seats", "learning_path_enrollments", "saved_searches", "onboarding")


def is_seeded(conn: psycopg.Connection) -> bool:
    """True when the database holds synthetic people or organizations."""
    if conn.execute("select to_regclass('public.profiles') is null").fetchone()[0]:
        return False
    return conn.execute(
        "select exists (select from public.profiles where email like %s)"
        " or exists (select from public.organizations where slug like 'syn-org-%%')",
        (f"%@{SYNTHETIC_DOMAIN}",),
    ).fetchone()[0]


def require_schema(conn: psycopg.Connection) -> None:
    if conn.execute("select to_regclass('public.progress') is null").fetchone()[0]:
        raise MigrationError("the database has no schema yet: run `abr-db apply` first")


def counts(conn: psycopg.Connection) -> dict[str, int]:
    """Rows per table (all rows, synthetic or not)."""
    return {
        table: conn.execute(f"select count(*) from public.{table}").fetchone()[0]  # noqa: S608 - fixed names
        for table in COUNTED
    }


def seed_scale(
    url: str,
    scale: float,
    replace: bool = False,
    on_step: Callable[[str, int, int], None] | None = None,
    proj: Project | None = None,
) -> SeedResult:
    """Load the synthetic dataset at `scale` (1 = 100,000 people). on_step(label, index, total)
    is called before each step (index 0-based; total counts the removal when replacing)."""
    if not 0 < scale <= 20:
        raise UsageError("--scale must be above 0 and at most 20")
    proj = proj or current_project()
    todo = steps(proj)
    if not todo:
        raise UsageError(f"no generator steps in {proj.rel(proj.seeds / 'bench' / 'scale')}")
    conn = connect(url)
    conn.autocommit = True
    try:
        require_schema(conn)
        seeded = is_seeded(conn)
        if seeded and not replace:
            raise UsageError("the database already holds synthetic data: pass --replace to remove it and seed again")
        total = len(todo) + (1 if seeded else 0) + 1  # the steps, the removal, the vacuum
        removed_seconds = None
        started = time.perf_counter()
        with conn.transaction():
            conn.execute("set local maintenance_work_mem = '256MB'")
            conn.execute("set local work_mem = '64MB'")
            if seeded:
                if on_step:
                    on_step("removing the synthetic data already there", 0, total)
                t0 = time.perf_counter()
                run_file(conn, remove_sql(proj), proj, "seed step")
                removed_seconds = time.perf_counter() - t0
            conn.execute("select set_config('abr.seed_scale', %s, true)", (repr(float(scale)),))
            conn.execute("set local session_replication_role = replica")
            for i, step in enumerate(todo):
                if on_step:
                    on_step(step.label, i + (1 if seeded else 0), total)
                run_file(conn, step.path, proj, "seed step")
            conn.execute("set local session_replication_role = origin")
        # After the commit (VACUUM cannot run in a transaction): the visibility map the bulk
        # load left empty, so that index-only scans need no heap fetch and the bench measures
        # the steady state autovacuum reaches later anyway, not the minutes after a load.
        if on_step:
            on_step("vacuum (the visibility map of the new rows)", total - 1, total)
        for table in VACUUMED:
            conn.execute(f"vacuum (analyze) public.{table}")  # noqa: S608 - fixed names
        seconds = time.perf_counter() - started
        if on_step:
            on_step("done", total, total)
        return SeedResult(scale, seconds, removed_seconds, counts(conn))
    finally:
        conn.close()


def print_result(result: SeedResult) -> None:
    from rich.table import Table

    from . import ui

    removed = f" (removing the old synthetic data: {result.removed_seconds:.1f} s)" if result.removed_seconds else ""
    ui.info(f"synthetic dataset at scale {result.scale:g} loaded in {result.seconds:.1f} s{removed}", "green")
    table = Table(title="rows per table (all rows)")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, rows in result.counts.items():
        table.add_row(name, f"{rows:,}")
    ui.console.print(table)
