"""`abr-db bench --writes`: pgbench (PostgreSQL's own) over the learning RPCs,
then the consistency checks.

The scripts (seeds/bench/pgbench/*.sql) act as a random synthetic learner per
transaction, PostgREST-style, and turn an RPC's error into a NOTICE
`abr-bench <sqlstate> <message>` (pgbench would stop a client at its first
error); this module counts those by SQLSTATE, separating the expected
outcomes (a course already started; too many quiz attempts) from errors.
Latencies come from pgbench's per-transaction log.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import bench_consistency, ui
from .connect import connect
from .embedded import pg_bindir
from .errors import MigrationError, UsageError
from .paths import project

# script file -> weight in the mix
MIX = {"start_course.sql": 1, "record_lesson_progress.sql": 5, "submit_quiz.sql": 2}
NOTICE = re.compile(r"abr-bench (\w{5}) (.*)")


def expected(sqlstate: str, message: str) -> bool:
    """Outcomes the workload provokes on purpose: not errors."""
    if sqlstate == "23505" and "already started" in message:
        return True
    return sqlstate == "42501" and "attempt" in message


@dataclass
class WritesResult:
    clients: int
    seconds: int
    transactions: int = 0
    tps: float = 0.0
    latency_ms: dict = field(default_factory=dict)  # script -> {p50, p95, count}
    outcomes: dict = field(default_factory=dict)  # "sqlstate message" -> count (expected ones)
    errors: dict = field(default_factory=dict)  # sqlstate -> count
    error_samples: list = field(default_factory=list)
    pgbench_failed: str | None = None
    consistency: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.pgbench_failed and not self.errors and all(not c["rows"] for c in self.consistency)

    def as_dict(self) -> dict:
        return {
            "clients": self.clients, "seconds": self.seconds, "transactions": self.transactions,
            "tps": round(self.tps, 1), "latency_ms": self.latency_ms, "expected_outcomes": self.outcomes,
            "errors_by_sqlstate": self.errors, "error_samples": self.error_samples,
            "pgbench_failed": self.pgbench_failed, "consistency": self.consistency, "ok": self.ok,
        }


def _learners(url: str) -> int:
    conn = connect(url)
    try:
        n = conn.execute(
            "select count(*) from public.profiles where email like 'learner-%%@synthetic.abr.test'"
        ).fetchone()[0]
    finally:
        conn.close()
    if not n:
        raise UsageError("--writes needs the synthetic dataset: run `abr-db seed --scale 1` first")
    return n


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _read_logs(logdir: Path, scripts: list[str]) -> dict:
    per_script: dict[str, list[float]] = {name: [] for name in scripts}
    for path in logdir.glob("pgbench_log*"):
        for line in path.read_text().splitlines():
            parts = line.split()
            # client_id transaction_no time_us script_no time_epoch time_us
            if len(parts) >= 4 and parts[2].isdigit():
                per_script[scripts[int(parts[3])]].append(int(parts[2]) / 1000)
    out = {}
    for name, values in per_script.items():
        if values:
            out[name.removesuffix(".sql")] = {
                "count": len(values),
                "p50": round(statistics.median(values), 3),
                "p95": round(_percentile(values, 0.95), 3),
            }
    return out


def run(url: str, clients: int = 8, seconds: int = 60, quiet: bool = False) -> WritesResult:
    pgbench = pg_bindir() / "pgbench"
    if not pgbench.exists():
        raise UsageError(f"pgbench not found at {pgbench}")
    folder = project().seeds / "bench" / "pgbench"
    scripts = list(MIX)
    learners = _learners(url)
    result = WritesResult(clients, seconds)
    with tempfile.TemporaryDirectory(prefix="abr-bench-") as tmp:
        cmd = [
            str(pgbench), "--no-vacuum", "-n", "-c", str(clients), "-j", str(min(clients, 2)), "-T", str(seconds),
            "-D", f"learners={learners}", "-l", "--log-prefix", str(Path(tmp) / "pgbench_log"),
            *[arg for name in scripts for arg in ("-f", f"{folder / name}@{MIX[name]}")],
            url,
        ]
        with ui.steps(f"pgbench: {clients} clients, {seconds} s") as on_step:
            on_step("running the learning RPCs", 0, 2)
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 300)
            on_step("consistency checks", 1, 2)
            result.consistency = bench_consistency.run_url(url)
            on_step("done", 2, 2)
        if proc.returncode != 0:
            result.pgbench_failed = (proc.stderr.strip().splitlines() or ["pgbench failed"])[-1]
        tps = re.search(r"tps = ([\d.]+)", proc.stdout)
        done = re.search(r"number of transactions actually processed: (\d+)", proc.stdout)
        result.tps = float(tps.group(1)) if tps else 0.0
        result.transactions = int(done.group(1)) if done else 0
        result.latency_ms = _read_logs(Path(tmp), scripts)
    outcomes: Counter = Counter()
    errors: Counter = Counter()
    for line in proc.stderr.splitlines():
        match = NOTICE.search(line)
        if not match:
            continue
        state, message = match.groups()
        if expected(state, message):
            outcomes[f"{state} {message}"] += 1
        else:
            errors[state] += 1
            if len(result.error_samples) < 10:
                result.error_samples.append(f"{state} {message}")
    result.outcomes, result.errors = dict(outcomes), dict(errors)
    if not quiet:
        print_result(result)
    if result.pgbench_failed:
        raise MigrationError(f"pgbench failed: {result.pgbench_failed}")
    return result


def print_result(r: WritesResult) -> None:
    ui.info(f"pgbench: {r.clients} clients, {r.seconds} s: {r.transactions:,} transactions, {r.tps:.0f} tps")
    for script, lat in r.latency_ms.items():
        ui.info(f"  {script}: {lat['count']:,} transactions, p50 {lat['p50']:.2f} ms, p95 {lat['p95']:.2f} ms")
    for outcome, count in r.outcomes.items():
        ui.info(f"  expected outcome {outcome}: {count:,}")
    if r.errors:
        ui.warn("  errors by SQLSTATE: " + ", ".join(f"{k} x{v}" for k, v in r.errors.items()))
        for sample in r.error_samples:
            ui.warn(f"    {sample}")
    else:
        ui.info("  errors: none", "green")
    bench_consistency.print_checks(r.consistency)
