"""`abr-db bench --baseline REV`: the frontend suite under an older revision's
functions and policies and under the current ones, case by case, side by side
in one process, on the same data.

For each case, inside a transaction that is rolled back: the repeatable files
(rpc_functions/, rls_policies/) of REV, read with `git show`, are replayed in a
savepoint and the case is timed; the savepoint is rolled back and the case is
timed again under what the database has now. The schema (migrations) is the
current one for both, and so are the limit queries.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from typing import Callable

import psycopg

from .bench_cases import CASES, FrontendCase
from .bench_frontend import FrontendResult, run_case
from .errors import UsageError
from .paths import REPEATABLE_DIRS, project
from .scale_seed import is_seeded

REPLAYED = tuple(d for d in REPEATABLE_DIRS if d != "cron_jobs")


@dataclass
class Comparison:
    baseline: FrontendResult
    current: FrontendResult

    def as_dict(self) -> dict:
        return {"baseline": self.baseline.as_dict(), "current": self.current.as_dict()}


def revision_sql(rev: str) -> list[tuple[str, str]]:
    """(path, text) of REV's repeatable files, in the order `apply` runs them."""
    root = project().root

    def git(*args: str) -> str:
        proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)
        if proc.returncode != 0:
            raise UsageError(f"git {' '.join(args)}: {proc.stderr.strip()}")
        return proc.stdout

    out = []
    for folder in REPLAYED:
        names = sorted(n for n in git("ls-tree", "--name-only", f"{rev}:{folder}").split() if n.endswith(".sql"))
        out.extend((f"{folder}/{n}", git("show", f"{rev}:{folder}/{n}")) for n in names)
    return out


def run(
    conn: psycopg.Connection,
    rev: str,
    repeat: int = 50,
    cases: list[FrontendCase] | None = None,
    on_case: Callable[[str, int, int], None] | None = None,
) -> list[Comparison]:
    if not is_seeded(conn):
        raise UsageError("--baseline needs the synthetic dataset: run `abr-db seed --scale 1` first")
    files = revision_sql(rev)
    todo = cases if cases is not None else CASES
    out = []
    with conn.transaction(force_rollback=True):
        with conn.cursor() as cur:
            for i, case in enumerate(todo):
                if on_case:
                    on_case(f"{case.name} [{case.form}]", i, len(todo))
                cur.execute("savepoint baseline")
                for path, text in files:
                    try:
                        cur.execute(text)
                    except psycopg.Error as exc:
                        raise UsageError(f"{rev}:{path} does not apply to this schema: {exc.diag.message_primary}")
                before = run_case(cur, case, repeat)
                cur.execute("rollback to savepoint baseline")
                out.append(Comparison(before, run_case(cur, case, repeat)))
    return out
