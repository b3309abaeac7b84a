"""`abr-db seed --scale N`: the synthetic production-scale dataset.

The generator is SQL (seeds/bench/scale/NN_*.sql, set-based, run inside the
database); this module runs its steps in order in one transaction, with the
scale in the setting `abr.seed_scale` and triggers off
(session_replication_role = replica), reports each step to a callback, and
counts the rows at the end. Synthetic rows are recognisable (see the first
step's header), so "already seeded" and `--replace` are exact.

The tribunal cases are the exception (steps whose header says `phase: cases`):
parsing decision-sized texts for the table's stored tsvectors costs about 4 ms
a case, one core per connection, so they load after the main transaction has
committed: the table's non-unique indexes are dropped (their definitions kept),
the step marked `in parallel` runs on `jobs` connections at once, each its
range of t (abr.seed_case_first .. abr.seed_case_last, in its own transaction),
the other case steps run in turn, and the indexes are built again from their
definitions, `jobs` at a time, with a large maintenance_work_mem. Whatever
fails, the indexes are built again before the error is raised; the case rows
already committed stay (synthetic: `--replace` removes them).
"""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import psycopg
from psycopg import sql

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
    phase: str = "main"  # "main": in the seed's transaction; "cases": after it, the case indexes dropped
    parallel: bool = False  # a cases step run on several connections, each its range of t


@dataclass
class SeedResult:
    scale: float
    seconds: float
    removed_seconds: float | None
    counts: dict[str, int] = field(default_factory=dict)
    step_seconds: dict[str, float] = field(default_factory=dict)
    jobs: int = 1
    index_seconds: dict[str, float] = field(default_factory=dict)  # the case indexes built again


def steps(proj: Project | None = None) -> list[Step]:
    proj = proj or current_project()
    found = []
    for path in sorted((proj.seeds / "bench" / "scale").glob("*.sql")):
        text = path.read_text()
        match = re.search(r"^\s*step:\s*(.+)$", text, re.MULTILINE)
        phase = re.search(r"^\s*phase:\s*(\w+)(.*)$", text, re.MULTILINE)
        found.append(Step(
            path, match.group(1).strip() if match else path.stem,
            phase.group(1) if phase else "main", bool(phase and "in parallel" in phase.group(2)),
        ))
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


class _Progress:
    """on_step before each step, and the seconds each took."""

    def __init__(self, on_step: Callable[[str, int, int], None] | None, total: int):
        self.on_step, self.total, self.done = on_step, total, 0
        self.seconds: dict[str, float] = {}
        self.index_seconds: dict[str, float] = {}
        self._current: tuple[str, float] | None = None

    def next(self, label: str) -> None:
        self.close()
        if self.on_step:
            self.on_step(label, self.done, self.total)
        self.done += 1
        self._current = (label, time.perf_counter())

    def close(self) -> None:
        if self._current:
            label, started = self._current
            self.seconds[label] = time.perf_counter() - started
            self._current = None


def _settings(conn: psycopg.Connection, settings: dict[str, str]) -> None:
    """The seed's settings for the current transaction, triggers off."""
    conn.execute("set local maintenance_work_mem = '256MB'")
    conn.execute("set local work_mem = '64MB'")
    for name, value in settings.items():
        conn.execute("select set_config(%s, %s, true)", (name, value))
    conn.execute("set local session_replication_role = replica")


def seed_scale(
    url: str,
    scale: float,
    replace: bool = False,
    on_step: Callable[[str, int, int], None] | None = None,
    proj: Project | None = None,
    cases: int | None = None,
    jobs: int = 2,
) -> SeedResult:
    """Load the synthetic dataset at `scale` (1 = 100,000 people). on_step(label, index, total)
    is called before each step (index 0-based; total counts the removal when replacing).
    `cases` sets the number of tribunal cases whatever the scale (default 50,000 x scale):
    a large case-law corpus without multiplying the people. `jobs` connections load the
    cases and build their indexes at once."""
    if not 0 < scale <= 20:
        raise UsageError("--scale must be above 0 and at most 20")
    if cases is not None and not 40 <= cases <= 2_000_000:
        raise UsageError("--cases must be from 40 to 2,000,000")
    if not 1 <= jobs <= 16:
        raise UsageError("--jobs must be from 1 to 16")
    proj = proj or current_project()
    todo = steps(proj)
    if not todo:
        raise UsageError(f"no generator steps in {proj.rel(proj.seeds / 'bench' / 'scale')}")
    main = [s for s in todo if s.phase != "cases"]
    later = [s for s in todo if s.phase == "cases"]
    conn = connect(url)
    conn.autocommit = True
    try:
        require_schema(conn)
        seeded = is_seeded(conn)
        if seeded and not replace:
            raise UsageError("the database already holds synthetic data: pass --replace to remove it and seed again")
        # the steps, the removal, the case indexes, the vacuum
        progress = _Progress(on_step, len(todo) + (1 if seeded else 0) + (1 if later else 0) + 1)
        removed_seconds = None
        settings = {"abr.seed_scale": repr(float(scale)), "abr.seed_cases": "" if cases is None else str(cases)}
        started = time.perf_counter()
        with conn.transaction():
            conn.execute("set local maintenance_work_mem = '256MB'")
            conn.execute("set local work_mem = '64MB'")
            if seeded:
                progress.next("removing the synthetic data already there")
                t0 = time.perf_counter()
                run_file(conn, remove_sql(proj), proj, "seed step")
                removed_seconds = time.perf_counter() - t0
            _settings(conn, settings)
            for step in main:
                progress.next(step.label)
                run_file(conn, step.path, proj, "seed step")
            conn.execute("set local session_replication_role = origin")
        if later:
            count = conn.execute(
                "select greatest(40, round(50000 * %s::numeric))::integer", (settings["abr.seed_scale"],)
            ).fetchone()[0] if cases is None else cases
            _load_cases(url, later, proj, settings, count, jobs, progress)
        # After the commit (VACUUM cannot run in a transaction): the visibility map the bulk
        # load left empty, so that index-only scans need no heap fetch and the bench measures
        # the steady state autovacuum reaches later anyway, not the minutes after a load.
        progress.next("vacuum (the visibility map of the new rows)")
        for table in VACUUMED:
            conn.execute(f"vacuum (analyze) public.{table}")  # noqa: S608 - fixed names
        progress.close()
        seconds = time.perf_counter() - started
        if on_step:
            on_step("done", progress.total, progress.total)
        return SeedResult(scale, seconds, removed_seconds, counts(conn), progress.seconds, jobs,
                          progress.index_seconds)
    finally:
        conn.close()


# The indexes of public.tribunal_cases the case steps do without: every one that backs no
# constraint and enforces no uniqueness (the primary key and case_number stay, and check
# every row as before).
DROPPED_INDEXES = """
select c.relname, pg_catalog.pg_get_indexdef(i.indexrelid)
from pg_catalog.pg_index as i
inner join pg_catalog.pg_class as c on c.oid = i.indexrelid
where i.indrelid = 'public.tribunal_cases'::regclass and not i.indisunique
  and not exists (select from pg_catalog.pg_constraint as k where k.conindid = i.indexrelid)
order by c.relname
"""


def case_ranges(count: int, jobs: int) -> list[tuple[int, int]]:
    """t = 1 .. count in `jobs` contiguous ranges of (almost) equal length."""
    jobs = max(1, min(jobs, count))
    bounds = [1 + count * k // jobs for k in range(jobs + 1)]
    return [(bounds[k], bounds[k + 1] - 1) for k in range(jobs)]


def _load_cases(url: str, later: list[Step], proj: Project, settings: dict[str, str], count: int, jobs: int,
                progress: _Progress) -> None:
    """The case steps, after the main transaction: indexes dropped, the parallel step on `jobs`
    connections, the indexes built again (in a finally: never left dropped)."""
    conn = connect(url)
    conn.autocommit = True
    saved: list[tuple[str, str]] = []
    try:
        with conn.transaction():
            saved = conn.execute(DROPPED_INDEXES).fetchall()
            for name, _ in saved:
                conn.execute(sql.SQL("drop index public.{}").format(sql.Identifier(name)))
        # the rows --replace deleted, while only the unique indexes need cleaning
        conn.execute("vacuum public.tribunal_cases")
        for step in later:
            progress.next(step.label)
            try:
                if step.parallel:
                    _run_parallel(url, step, proj, settings, case_ranges(count, jobs))
                else:
                    with conn.transaction():
                        _settings(conn, settings)
                        run_file(conn, step.path, proj, "seed step")
            except MigrationError as exc:
                exc.details.append(
                    "the seed's other steps are committed, and any case rows loaded so far: "
                    "run it again with --replace")
                raise
        # the row versions the updates left, before the indexes exist to be cleaned
        conn.execute("vacuum public.tribunal_cases")
        progress.next(f"the case indexes ({len(saved)}, {jobs} at a time)")
        _build_indexes(url, saved, jobs, progress.index_seconds)
    finally:
        conn.close()
        _restore_indexes(url, saved)


def _run_parallel(url: str, step: Step, proj: Project, settings: dict[str, str],
                  ranges: list[tuple[int, int]]) -> None:
    """One connection per range of t, each in its own transaction; the first error cancels the others."""
    conns = [connect(url) for _ in ranges]

    def load(conn: psycopg.Connection, first: int, last: int) -> None:
        with conn.transaction():
            _settings(conn, {**settings, "abr.seed_case_first": str(first), "abr.seed_case_last": str(last)})
            run_file(conn, step.path, proj, "seed step")

    try:
        with ThreadPoolExecutor(len(ranges)) as pool:
            futures = [pool.submit(load, c, first, last) for c, (first, last) in zip(conns, ranges)]
            try:
                done, _ = wait(futures, return_when=FIRST_EXCEPTION)
                for future in done:
                    future.result()
            except BaseException:
                for c in conns:
                    c.cancel_safe()
                raise
            for future in futures:
                future.result()
    finally:
        for c in conns:
            c.close()


def _index_cost(definition: str) -> int:
    """Build the long ones first: HNSW and the GIN over an expression (texts parsed again)."""
    d = definition.lower()
    return 3 * ("using hnsw" in d or "to_tsvector(" in d) + ("using gin" in d or "using rum" in d)


def _build_indexes(url: str, saved: list[tuple[str, str]], jobs: int, seconds: dict[str, float]) -> None:
    """CREATE INDEX from each definition, on `jobs` connections (CREATE INDEX on one table runs
    beside another); the seconds each took into `seconds`."""
    queue = sorted(saved, key=lambda s: _index_cost(s[1]), reverse=True)
    lock = threading.Lock()

    def build() -> None:
        conn = connect(url)
        conn.autocommit = True
        try:
            while True:
                with lock:
                    if not queue:
                        return
                    name, definition = queue.pop(0)
                started = time.perf_counter()
                with conn.transaction():
                    # HNSW holds its graph in memory: ~2 kB a 384-d vector (500,000: over 1 GB)
                    memory = "2GB" if "using hnsw" in definition.lower() else "1GB"
                    conn.execute(f"set local maintenance_work_mem = '{memory}'")
                    conn.execute("set local max_parallel_maintenance_workers = 2")
                    conn.execute(definition)
                seconds[name] = time.perf_counter() - started
        except BaseException:
            with lock:
                queue.clear()  # the other connections stop after their current index
            raise
        finally:
            conn.close()

    with ThreadPoolExecutor(max(1, min(jobs, len(queue)))) as pool:
        for future in [pool.submit(build) for _ in range(max(1, min(jobs, len(queue))))]:
            future.result()


def _restore_indexes(url: str, saved: list[tuple[str, str]]) -> None:
    """Build again, one by one, any dropped index that is not there (the seed failed or stopped)."""
    if not saved:
        return
    failed = []
    with connect(url) as conn:
        conn.autocommit = True
        for name, definition in saved:
            if not conn.execute("select to_regclass(%s) is null", (f"public.{name}",)).fetchone()[0]:
                continue
            try:
                with conn.transaction():
                    conn.execute("set local maintenance_work_mem = '1GB'")
                    conn.execute(definition)
            except psycopg.Error as exc:
                failed.append(f"{definition}; -- SQLSTATE {exc.sqlstate}")
    if failed:
        raise MigrationError(
            f"{len(failed)} index(es) of public.tribunal_cases could not be built again: run these", failed)


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
    steps_table = Table(title=f"seconds per step (the cases on {result.jobs} connection(s))")
    steps_table.add_column("step")
    steps_table.add_column("s", justify="right")
    for label, seconds in result.step_seconds.items():
        steps_table.add_row(label, f"{seconds:.1f}")
        if label.startswith("the case indexes"):
            for name, index_seconds in sorted(result.index_seconds.items(), key=lambda i: -i[1]):
                steps_table.add_row(f"  {name}", f"{index_seconds:.1f}")
    ui.console.print(steps_table)
