"""Printing `abr-db bench`'s results: the machine and dataset, the frontend suite."""

from __future__ import annotations

from rich.table import Table

from . import ui
from .bench_frontend import FrontendResult, summary


def print_machine(info: dict) -> None:
    m, pg, data = info["machine"], info["postgres"], info["dataset"]
    ui.info(
        f"machine: {m['cores']} cores, {m['memory_gib']} GiB, load {m['load_average']}; "
        f"{pg['version'].split(',')[0]}"
    )
    ui.info("settings: " + ", ".join(f"{k}={v}" for k, v in sorted(pg["settings"].items())))
    rows = data["rows"]
    ui.info(
        "dataset: " + ("synthetic (seed --scale), " if data["synthetic"] else "no synthetic data, ")
        + ", ".join(f"{k} {v:,}" for k, v in rows.items())
    )


def summary_line(s: dict) -> str:
    line = (f"median ratio {s['median_ratio']}x, median excess {s['median_excess_ms']} ms; "
            f"{s['cases_meeting_goal']}/{s['cases']} cases meet the goal")
    if "caller_floor_ms" in s:
        line += (f"; one caller lookup costs {s['caller_floor_ms']} ms, and {s['cases_under_5x_floor']} cases have"
                 " a limit under 5 times that (no policy that identifies its caller keeps them within 1.2x)")
    return line


def print_frontend(results: list[FrontendResult], floor: FrontendResult | None = None) -> None:
    table = Table(title="frontend suite: server execution time, ms (as the user vs service_role with filters)")
    table.add_column("query", overflow="fold")
    table.add_column("form")
    table.add_column("as")
    table.add_column("runs", justify="right")
    table.add_column("user p50", justify="right")
    table.add_column("user p95", justify="right")
    table.add_column("limit p50", justify="right")
    table.add_column("limit p95", justify="right")
    table.add_column("ratio", justify="right")
    table.add_column("goal")
    for r in results:
        d = r.as_dict()
        table.add_row(
            r.name, r.form, r.picker, str(r.runs),
            f"{d['user_ms']['p50']:.3f}", f"{d['user_ms']['p95']:.3f}",
            f"{d['limit_ms']['p50']:.3f}", f"{d['limit_ms']['p95']:.3f}",
            f"{r.ratio:.2f}x", "[green]ok[/]" if r.meets_goal else "[red]no[/]",
        )
    ui.console.print(table)
    ui.info(summary_line(summary(results, floor)))


def print_comparison(comparisons: list, revision: str, floor: FrontendResult | None = None) -> None:
    table = Table(title=f"frontend suite under {revision}'s functions and policies vs now (p50 ms, same data)")
    table.add_column("query", overflow="fold")
    table.add_column("form")
    table.add_column("limit", justify="right")
    table.add_column(f"user {revision}", justify="right")
    table.add_column("ratio", justify="right")
    table.add_column("user now", justify="right")
    table.add_column("ratio", justify="right")
    for c in comparisons:
        b, n = c.baseline, c.current
        table.add_row(
            b.name, b.form, f"{n.limit_p50:.3f}", f"{b.user_p50:.3f}", f"{b.ratio:.2f}x",
            f"{n.user_p50:.3f}", f"{n.ratio:.2f}x" + ("" if n.meets_goal else " [red](goal)[/]"),
        )
    ui.console.print(table)
    before = summary([c.baseline for c in comparisons])
    now = summary([c.current for c in comparisons])
    ui.info(
        f"median ratio {before['median_ratio']}x -> {now['median_ratio']}x; cases meeting the goal "
        f"{before['cases_meeting_goal']}/{before['cases']} -> {now['cases_meeting_goal']}/{now['cases']}"
    )
    ui.info("now: " + summary_line(summary([c.current for c in comparisons], floor)))
