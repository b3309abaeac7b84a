"""The summary `abr-db up` prints: tables, rows, extensions, cron jobs."""

from __future__ import annotations

from dataclasses import dataclass, field

from psycopg import sql
from rich.table import Table

from . import ui
from .connect import connect


@dataclass
class Summary:
    tables: dict[str, int] = field(default_factory=dict)  # public table -> rows
    extensions: list[tuple[str, str, str]] = field(default_factory=list)  # name, version, schema
    cron_jobs: list[tuple[str, str]] = field(default_factory=list)  # name, schedule


def collect(url: str) -> Summary:
    out = Summary()
    conn = connect(url)
    try:
        names = [r[0] for r in conn.execute(
            "select c.relname from pg_catalog.pg_class c join pg_catalog.pg_namespace n "
            "on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') "
            "order by c.relname"
        )]
        for name in names:
            out.tables[name] = conn.execute(
                sql.SQL("select count(*) from public.{}").format(sql.Identifier(name))
            ).fetchone()[0]
        out.extensions = [tuple(r) for r in conn.execute(
            "select e.extname, e.extversion, n.nspname from pg_catalog.pg_extension e "
            "join pg_catalog.pg_namespace n on n.oid = e.extnamespace where e.extname <> 'plpgsql' "
            "order by e.extname"
        )]
        if conn.execute("select to_regclass('cron.job') is not null").fetchone()[0]:
            out.cron_jobs = [tuple(r) for r in conn.execute(
                "select coalesce(jobname, jobid::text), schedule from cron.job order by 1"
            )]
    finally:
        conn.close()
    return out


def print_summary(s: Summary, url: str) -> None:
    total = sum(s.tables.values())
    ui.console.print(f"[bold]{len(s.tables)}[/] tables in public, {total} rows")
    if s.tables:
        table = Table(show_header=True, box=None, padding=(0, 2))
        for _ in range(2):
            table.add_column("table", no_wrap=True)
            table.add_column("rows", justify="right", no_wrap=True)
        items = list(s.tables.items())
        half = (len(items) + 1) // 2
        for i in range(half):
            row: list[str] = []
            for col in range(2):
                j = i + col * half
                row += [items[j][0], str(items[j][1])] if j < len(items) else ["", ""]
            table.add_row(*row)
        ui.console.print(table)
    ui.console.print("extensions: " + (", ".join(f"{n} {v} ({sch})" for n, v, sch in s.extensions) or "none"))
    ui.console.print("cron jobs: " + (", ".join(f"{n} [{sch}]".replace("[", r"\[") for n, sch in s.cron_jobs) or "none"))
    ui.console.print(f"\n[bold green]database ready:[/] {url}")
