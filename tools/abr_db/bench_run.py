"""`abr-db bench`: the micro-cases, the frontend suite and (with --writes) pgbench
over the learning RPCs, with a progress display, one report and its JSON."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import bench, bench_compare, bench_frontend, bench_machine, bench_report, ui
from .connect import connect
from .errors import UsageError
from .paths import project
from .scale_seed import is_seeded, require_schema


@dataclass
class BenchReport:
    machine: dict
    micro: list = field(default_factory=list)
    frontend: list = field(default_factory=list)
    floor: object = None  # bench_frontend.caller_floor()
    baseline: str | None = None
    comparison: list = field(default_factory=list)
    writes: object = None
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.writes is None or self.writes.ok

    def as_dict(self) -> dict:
        return {
            **self.machine,
            "notes": self.notes,
            "micro": [r.as_dict() for r in self.micro],
            "frontend": {
                "summary": bench_frontend.summary(self.frontend, self.floor),
                "caller_floor": self.floor.as_dict() if self.floor is not None else None,
                "cases": [r.as_dict() for r in self.frontend],
            },
            "baseline": {
                "revision": self.baseline,
                "summary_baseline": bench_frontend.summary([c.baseline for c in self.comparison]),
                "summary_current": bench_frontend.summary([c.current for c in self.comparison]),
                "cases": [c.as_dict() for c in self.comparison],
            } if self.baseline else None,
            "writes": self.writes.as_dict() if self.writes is not None else None,
        }


def run_all(
    url: str,
    scale: int = 5,
    repeat: int = 50,
    micro_repeat: int = 15,
    micro: bool = True,
    frontend: bool = True,
    writes: bool = False,
    clients: int = 8,
    seconds: int = 60,
    quiet: bool = False,
    baseline: str | None = None,
) -> BenchReport:
    conn = connect(url)
    try:
        require_schema(conn)
        report = BenchReport(bench_machine.describe(conn))
        if not quiet:
            bench_report.print_machine(report.machine)
        seeded = is_seeded(conn)
        if frontend and not seeded:
            note = "frontend suite skipped: it needs the synthetic dataset (`abr-db seed --scale 1`)"
            report.notes.append(note)
            ui.warn(note)
            frontend = False
        if writes and not seeded:
            raise UsageError("--writes needs the synthetic dataset: run `abr-db seed --scale 1` first")
        if micro:
            with ui.steps("micro-cases") as on_step:
                report.micro = bench.run(
                    conn, project().seeds / "bench" / "synthetic.sql", scale=scale, repeat=micro_repeat, on_case=on_step
                )
                on_step("done", len(report.micro), len(report.micro))
            if not quiet:
                bench.print_results(report.micro, scale)
        if frontend:
            report.floor = bench_frontend.caller_floor(conn, repeat)
        if frontend and baseline:
            report.baseline = baseline
            with ui.steps(f"frontend suite: {baseline} vs now") as on_step:
                report.comparison = bench_compare.run(conn, baseline, repeat=repeat, on_case=on_step)
                on_step("done", len(report.comparison), len(report.comparison))
            report.frontend = [c.current for c in report.comparison]
            if not quiet:
                bench_report.print_comparison(report.comparison, baseline, report.floor)
        elif frontend:
            with ui.steps("frontend suite") as on_step:
                report.frontend = bench_frontend.run(conn, repeat=repeat, on_case=on_step)
                on_step("done", len(report.frontend), len(report.frontend))
            if not quiet:
                bench_report.print_frontend(report.frontend, report.floor)
    finally:
        conn.close()
    if writes:
        from . import bench_writes

        report.writes = bench_writes.run(url, clients=clients, seconds=seconds, quiet=quiet)
    return report
