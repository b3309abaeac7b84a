"""Run a pgTAP file with psql and parse its TAP output ourselves.

psql -X -q -At -v ON_ERROR_STOP=1 -f FILE. Only TAP lines count: the plan
`1..N`, `ok N - desc`, `not ok N - desc` (with `# TODO` / `# SKIP`), and `#`
diagnostics after a test. Any other output line (a returned uuid, say) is
ignored, which is what tap.py gets wrong.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .connect import libpq_url
from .pgmajor import find_bindir, pg_major


_PLAN = re.compile(r"^1\.\.(\d+)(?:\s*#\s*(.*))?$")
_TEST = re.compile(r"^(not ok|ok)\b\s*(\d+)?\s*(?:-\s*)?(.*?)\s*$")
_DIRECTIVE = re.compile(r"\s#\s*(TODO|SKIP)\b(.*)$", re.I)


@dataclass
class TapTest:
    number: int
    ok: bool
    description: str
    directive: str = ""  # TODO | SKIP | ""
    diagnostics: list[str] = field(default_factory=list)
    reason: str = ""  # what follows `# SKIP` / `# TODO`

    @property
    def failed(self) -> bool:
        return not self.ok and self.directive.upper() != "TODO"

    @property
    def skipped(self) -> bool:
        return self.directive.upper() == "SKIP"

    def as_dict(self) -> dict:
        return {
            "number": self.number, "ok": self.ok, "description": self.description,
            "directive": self.directive or None, "reason": self.reason or None,
            "diagnostics": self.diagnostics,
        }


@dataclass
class TapResult:
    path: str
    planned: int | None = None
    tests: list[TapTest] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    returncode: int = 0
    stdout: str = ""
    stderr: str = ""

    @property
    def failures(self) -> list[TapTest]:
        return [t for t in self.tests if t.failed]

    @property
    def passed(self) -> int:
        """Tests that ran and held: ok and not skipped (a skipped test proved nothing)."""
        return sum(1 for t in self.tests if t.ok and not t.skipped)

    @property
    def todo(self) -> list[TapTest]:
        """Known failures marked TODO: they do not fail the file, nor count as passed."""
        return [t for t in self.tests if not t.ok and t.directive.upper() == "TODO"]

    @property
    def skipped(self) -> list[TapTest]:
        return [t for t in self.tests if t.skipped]

    def skip_reasons(self) -> list[str]:
        return list(dict.fromkeys(t.reason or "(no reason given)" for t in self.skipped))

    def as_dict(self) -> dict:
        return {
            "path": self.path, "ok": self.ok, "planned": self.planned, "ran": len(self.tests),
            "passed": self.passed, "failed": len(self.failures), "skipped": len(self.skipped), "todo": len(self.todo),
            "skip_reasons": self.skip_reasons(),
            "failures": [t.as_dict() for t in self.failures], "errors": self.errors,
        }

    @property
    def ok(self) -> bool:
        return not self.errors and not self.failures

    def report(self) -> str:
        lines = []
        for t in self.failures:
            lines.append(f"not ok {t.number} - {t.description}")
            lines.extend(f"    {d}" for d in t.diagnostics)
        lines.extend(self.errors)
        return "\n".join(lines)


def psql_path() -> str:
    """The psql of the chosen major (pgmajor: $ABR_DB_PG_MAJOR, default 15), else any on PATH."""
    bindir = find_bindir(pg_major())
    if bindir:
        return str(bindir / "psql")
    found = shutil.which("psql")
    if not found:
        raise FileNotFoundError(f"psql not found (install postgresql-client-{pg_major()})")
    return found


def parse_tap(text: str, result: TapResult) -> None:
    last: TapTest | None = None
    for raw in text.splitlines():
        line = raw.rstrip()
        plan = _PLAN.match(line)
        if plan:
            if result.planned is not None:
                result.errors.append(f"more than one plan line: {line}")
            result.planned = int(plan.group(1))
            last = None
            continue
        test = _TEST.match(line)
        if test:
            description = test.group(3)
            directive = ""
            d = _DIRECTIVE.search(" " + description)
            reason = ""
            if d:
                directive = d.group(1).upper()
                reason = d.group(2).strip()
                description = (" " + description)[: d.start()].strip()
            number = int(test.group(2)) if test.group(2) else len(result.tests) + 1
            last = TapTest(number, test.group(1) == "ok", description, directive, reason=reason)
            result.tests.append(last)
            continue
        if line.startswith("#"):
            if last is not None and not last.ok:
                last.diagnostics.append(line)
            elif "Looks like" in line or "failed" in line.lower():
                result.errors.append(line)
            continue
        # Anything else (rows returned by helpers) is not TAP: ignored.


def run_file(conn_or_url, path, timeout: float = 300) -> TapResult:
    """Run one pgTAP file against a database URL (or a psycopg connection's database)."""
    url = conn_or_url if isinstance(conn_or_url, str) else _url_of(conn_or_url)
    path = Path(path)
    result = TapResult(str(path))
    env = dict(os.environ, PGCONNECT_TIMEOUT="10", PGOPTIONS="--client-min-messages=warning")
    proc = subprocess.run(
        [psql_path(), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", libpq_url(url), "-f", str(path)],
        capture_output=True, text=True, env=env, timeout=timeout,
    )
    result.returncode, result.stdout, result.stderr = proc.returncode, proc.stdout, proc.stderr
    parse_tap(proc.stdout, result)
    errors = [l for l in proc.stderr.splitlines() if re.search(r"\b(ERROR|FATAL|PANIC)\b", l)]
    if proc.returncode != 0 or errors:
        detail = errors or proc.stderr.strip().splitlines()[-3:] or ["(no stderr)"]
        result.errors.append(f"psql exited with {proc.returncode}: " + " | ".join(detail))
    if result.planned is None:
        result.errors.append("no plan line (1..N): did the file call plan() or no_plan()?")
    elif result.planned != len(result.tests):
        result.errors.append(f"planned {result.planned} tests but ran {len(result.tests)}")
    return result


def _url_of(conn) -> str:
    info = conn.info
    password = info.password or ""
    auth = f"{info.user}:{password}@" if password else f"{info.user}@"
    return f"postgresql://{auth}{info.host}:{info.port}/{info.dbname}"


def summary(results: list[TapResult]) -> dict:
    """Totals over several files, for `abr-db test-sql` (and its --json)."""
    return {
        "files": len(results),
        "files_failed": sum(1 for r in results if not r.ok),
        "tests": sum(len(r.tests) for r in results),
        "passed": sum(r.passed for r in results),
        "failed": sum(len(r.failures) for r in results),
        "skipped": sum(len(r.skipped) for r in results),
        "todo": sum(len(r.todo) for r in results),
    }


def status_line(result: TapResult) -> str:
    """One file's counts in words: `24 tests: 20 passed, 4 skipped (reason)`."""
    parts = [f"{result.passed} passed"]
    if result.failures:
        parts.append(f"{len(result.failures)} failed")
    if result.skipped:
        parts.append(f"{len(result.skipped)} skipped ({'; '.join(result.skip_reasons())})")
    if result.todo:
        parts.append(f"{len(result.todo)} todo")
    return f"{len(result.tests)} tests: " + ", ".join(parts)
