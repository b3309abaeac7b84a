"""The abr-db command line: thin typer commands over the modules.

Exit codes: 0 ok, 1 verification or migration failure, 2 usage or
connection error, 3 an unexpected error (a bug in abr-db: report it); each
failure is one clear line (a traceback only with --debug).
"""

from __future__ import annotations

import functools
import os
import json
import traceback
from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape

from . import bench_search as bench_search_mod, embed as embed_mod, embedded
from . import matrix as access_matrix, migrate, pgtap, seed as seed_mod, summary, ui
from . import data_loss, export as export_mod
from . import bench_run, pgmajor, scale_seed
from . import schema as schema_mod
from . import types as types_mod
from . import verify as verify_mod
from .connect import redact, resolve_url
from .errors import AbrDbError, MigrationError, UsageError
from .paths import project

app = typer.Typer(
    help="abr-db: migrations, RLS, RPC functions and cron jobs of the ABR Insights database.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_state = {"debug": False}
# An unexpected exception (a bug in abr-db, not a finding about the database): never 1, which
# a deploy script reads as "verification failed", nor 2 (usage or connection).
INTERNAL_ERROR = 3

DbUrl = typer.Option(None, "--db-url", help="Database URL (default: $DATABASE_URL, else the `abr-db up` instance).")


@app.callback()
def main(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
    pg: Optional[int] = typer.Option(
        None, "--pg", help="PostgreSQL major of the embedded cluster and tools: 15 or 17 (default: $ABR_DB_PG_MAJOR, else 15)."
    ),
) -> None:
    _state["debug"] = debug
    if pg is not None:
        os.environ[pgmajor.ENV] = str(pg)


def _handled(fn):
    """Turn abr-db's errors into one line and an exit code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except typer.Exit:
            raise
        except AbrDbError as exc:
            if _state["debug"]:
                ui.err_console.print(traceback.format_exc(), markup=False)
            ui.error(str(exc))
            for line in getattr(exc, "details", []):
                ui.err_console.print("  " + line, markup=False, style="red")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            ui.error("interrupted")
            raise typer.Exit(130) from None
        except Exception as exc:  # noqa: BLE001 - a bug: one line unless --debug
            if _state["debug"]:
                ui.err_console.print(traceback.format_exc(), markup=False)
            first = (str(exc).strip().splitlines() or [""])[0]
            ui.error(f"unexpected error: {type(exc).__name__}: {first} (run with --debug for the traceback)")
            raise typer.Exit(INTERNAL_ERROR) from None

    return wrapper


@app.command()
@_handled
def up() -> None:
    """Start the embedded database, bootstrap it if needed, apply everything, seed it."""
    proj = project()
    res = embedded.up(proj)
    if res.port_note:
        ui.warn(res.port_note)
    if res.reused:
        ui.info(f"database already running ({res.engine}): reusing it", "green")
    else:
        ui.info(f"started the {res.engine} database" + (" (new cluster)" if res.created else ""), "green")
    # Supabase's image has auth already; a local cluster gets the bootstrap.
    result = migrate.apply(res.url, bootstrap=True)
    migrate.print_apply_summary(result)
    if not seed_mod.has_organizations(res.url):
        seeded = seed_mod.seed(res.url, proj)
        ui.info("seeded: " + (", ".join(seeded) if seeded else "nothing (no seeds/*.sql)"))
    else:
        ui.info("seed skipped: the database already has organizations")
    summary.print_summary(summary.collect(res.url), res.url)


@app.command()
@_handled
def down(purge: bool = typer.Option(False, "--purge", help="Also delete the data directory.")) -> None:
    """Stop the embedded database (--purge: and delete its data)."""
    ui.info(embedded.down(project(), purge=purge))


@app.command()
@_handled
def apply(
    db_url: Optional[str] = DbUrl,
    bootstrap: bool = typer.Option(False, "--bootstrap", help="On plain PostgreSQL: create Supabase's roles and auth schema first."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would be applied, and why; change nothing."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output (progress goes nowhere)."),
) -> None:
    """Apply pending migrations, then new, changed or drifted repeatable files (functions, policies, cron jobs)."""
    url = resolve_url(db_url)
    if not as_json:
        ui.info(f"database: {redact(url)}")
    result = migrate.apply(url, bootstrap=bootstrap, dry_run=dry_run, quiet=as_json)
    if as_json:
        typer.echo(json.dumps(result.as_dict(), indent=2))
    else:
        migrate.print_apply_summary(result)


@app.command()
@_handled
def status(db_url: Optional[str] = DbUrl, as_json: bool = typer.Option(False, "--json", help="Machine-readable output.")) -> None:
    """Applied and pending migrations; new, changed and unchanged repeatable files."""
    data = migrate.status(resolve_url(db_url))
    if as_json:
        typer.echo(json.dumps(data, indent=2))
    else:
        migrate.print_status(data)


@app.command()
@_handled
def rollback(
    to: str = typer.Option(..., "--to", help="Keep migrations up to this number (0 = undo everything)."),
    db_url: Optional[str] = DbUrl,
    dry_run: bool = typer.Option(False, "--dry-run", help="Say what would be rolled back and which data it would destroy; change nothing."),
    allow_data_loss: bool = typer.Option(
        False, "--allow-data-loss", help="Roll back even though tables or columns holding data would be dropped."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Undo the repeatables and every migration numbered above --to, newest first.

    Refused when it would drop a table or column holding data (listed, with row counts), unless --allow-data-loss.
    """
    result = migrate.rollback(resolve_url(db_url), to, quiet=as_json, dry_run=dry_run, allow_data_loss=allow_data_loss)
    if as_json:
        typer.echo(json.dumps(result.as_dict(), indent=2))
        return
    for warning in result.warnings:
        ui.warn(warning)
    if dry_run:
        if result.data_loss:
            ui.warn(f"it would destroy data in {len(result.data_loss)} table(s)/column(s):")
            for loss in result.data_loss:
                ui.warn(f"  {loss.describe()}")
            if data_loss.blocking(result.data_loss):
                ui.warn("`rollback` refuses it unless --allow-data-loss")
        ui.info(
            f"dry run: would roll back {len(result.to_roll_back)} migration(s) to {result.target:03d}"
            + ("" if result.data_loss else ", destroying no data"), "green")
        return
    ui.info(
        f"rolled back {len(result.rolled_back)} migration(s) to {result.target:03d}; "
        f"re-applied {len(result.reapplied)} repeatable file(s) ({result.seconds:.2f} s)",
        "green",
    )


@app.command()
@_handled
def verify(
    db_url: Optional[str] = DbUrl,
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
    matrix: bool = typer.Option(False, "--matrix", help="Also try every role x table x operation and print the access matrix."),
    write: Optional[Path] = typer.Option(None, "--write", help="With --matrix: write the matrix (Markdown) to this file."),
    allow_pending: bool = typer.Option(False, "--allow-pending", help="Pending migrations and repeatables are warnings, not failures."),
) -> None:
    """Check the database against the project: drift, expected objects, repeatables' objects, advisors (and --matrix)."""
    if write and not matrix:
        raise UsageError("--write goes with --matrix")
    url = resolve_url(db_url)
    report = verify_mod.verify(url, allow_pending=allow_pending)
    if not as_json:
        verify_mod.print_report(report)
    measured = None
    if matrix:
        with ui.steps("access matrix") as step:
            measured = access_matrix.measure(url, step)
        if write:
            write.write_text(measured.to_markdown())
            (ui.warn if as_json else lambda m: ui.info(m, "green"))(f"access matrix written to {write}")
        elif not as_json:
            typer.echo(measured.to_markdown())
    if as_json:
        document = report.as_dict()
        if measured is not None:
            document["matrix"] = measured.as_dict()
        typer.echo(json.dumps(document, indent=2))
    if not report.ok:
        raise typer.Exit(1)


@app.command()
@_handled
def snapshot(
    write: bool = typer.Option(False, "--write", help="Write schema/expected.json (else: say whether it is current)."),
) -> None:
    """The expected schema: build what the files produce in a throwaway cluster; --write commits it to schema/expected.json."""
    proj = project()
    target = schema_mod.path(proj)
    with ui.steps("snapshot") as step:
        step("applying every file in a throwaway cluster", 0, 1)
        text = schema_mod.render(schema_mod.generate(proj), proj)
    if write:
        target.parent.mkdir(parents=True, exist_ok=True)
        unchanged = target.is_file() and target.read_text() == text
        target.write_text(text)
        ui.info(f"{proj.rel(target)} {'unchanged' if unchanged else 'written'}", "green")
        return
    if target.is_file() and target.read_text() == text:
        ui.info(f"{proj.rel(target)} is current", "green")
        return
    import difflib
    old = target.read_text().splitlines() if target.is_file() else []
    diff = list(difflib.unified_diff(old, text.splitlines(), str(target), "generated", lineterm="", n=1))
    typer.echo("\n".join(diff[:200]) + ("\n..." if len(diff) > 200 else ""))
    raise MigrationError(f"{proj.rel(target)} differs from what the files produce: run `abr-db snapshot --write`")


@app.command()
@_handled
def types(
    db_url: Optional[str] = DbUrl,
    output: Path = typer.Option(Path("types/database.types.ts"), "--output", "-o", help="Where to write the TypeScript."),
) -> None:
    """Generate supabase-js types (`Database`) for schema public with postgres-meta."""
    text = types_mod.generate(resolve_url(db_url))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text)
    ui.info(f"types written to {output}", "green")


@app.command()
@_handled
def bench(
    db_url: Optional[str] = DbUrl,
    scale: int = typer.Option(5, "--scale", min=1, max=100, help="Micro-cases' own data scale (1 = 200 members, 1,000 enrolments)."),
    repeat: int = typer.Option(50, "--repeat", min=1, max=1000, help="Frontend suite: alternating runs per side (median, p95)."),
    micro_repeat: int = typer.Option(15, "--micro-repeat", min=1, max=1000, help="Micro-cases: runs of each side."),
    micro: bool = typer.Option(True, "--micro/--no-micro", help="Run the micro-cases (rolled-back data of their own)."),
    frontend: bool = typer.Option(True, "--frontend/--no-frontend", help="Run the frontend suite (needs `seed --scale`)."),
    writes: bool = typer.Option(False, "--writes", help="Also run pgbench over the learning RPCs, then the consistency checks."),
    clients: int = typer.Option(8, "--clients", min=1, max=64, help="With --writes: pgbench clients."),
    seconds: int = typer.Option(60, "--seconds", min=1, max=3600, help="With --writes: pgbench duration."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output (plans included)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Also write the JSON (plans included) to this file."),
    baseline: Optional[str] = typer.Option(
        None, "--baseline", help="Also time each frontend case under this git revision's functions and policies."
    ),
    scales: Optional[str] = typer.Option(
        None, "--scales", help="Seed each scale (e.g. 0.3,1,3) and run the frontend suite: p50 against data size."
    ),
    plot: Optional[Path] = typer.Option(None, "--plot", help="With --scales: write the plot (SVG) to this file."),
) -> None:
    """Benchmarks: micro-cases as ratios; the frontend suite as each user vs service_role; --writes: pgbench."""
    if scales:
        from . import bench_scales  # noqa: PLC0415

        def partial(report) -> None:
            if output:
                output.write_text(json.dumps(report.as_dict(), indent=2))

        grown = bench_scales.run(
            resolve_url(db_url), bench_scales.parse_scales(scales), repeat=repeat, quiet=as_json, on_scale=partial
        )
        if plot:
            bench_scales.write_plot(grown, plot)
        text = json.dumps(grown.as_dict(), indent=2)
        if output:
            output.write_text(text)
        if as_json:
            typer.echo(text)
        return
    report = bench_run.run_all(
        resolve_url(db_url), scale=scale, repeat=repeat, micro_repeat=micro_repeat, micro=micro,
        frontend=frontend, writes=writes, clients=clients, seconds=seconds, quiet=as_json, baseline=baseline,
    )
    text = json.dumps(report.as_dict(), indent=2, default=str)
    if output:
        output.write_text(text)
    if as_json:
        typer.echo(text)
    if not report.ok:
        raise typer.Exit(1)


@app.command("bench-search")
@_handled
def bench_search(
    db_url: Optional[str] = DbUrl,
    prepare: bool = typer.Option(False, "--prepare", help="First add synthetic cases up to --cases and clustered vectors."),
    cases: int = typer.Option(50_000, "--cases", min=1, help="Live cases --prepare makes sure of."),
    repeat: int = typer.Option(50, "--repeat", min=1, max=1000, help="Runs of each measure."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Case-law search at scale: full text en/fr, HNSW recall, hybrid; as a user vs service_role (use a scratch database)."""
    url = resolve_url(db_url)
    prepared = bench_search_mod.prepare(url, cases, say=ui.warn) if prepare else None
    result = bench_search_mod.run(url, repeat=repeat)
    if prepared:
        result["prepared"] = prepared
    if as_json:
        typer.echo(bench_search_mod.to_json(result))
    else:
        ui.print_table(
            f"abr-db bench-search: {result['dataset']['live_cases']:,} cases, "
            f"load average {result['machine']['load_average_1m']} on {result['machine']['cores']} cores "
            "(server execution ms)",
            bench_search_mod.as_rows(result),
        )
        ui.print_table(
            "search quality: matches per query, overlap of the top 20 with the exact ts_rank top 20",
            result["search_quality"],
        )


@app.command()
@_handled
def embed(
    db_url: Optional[str] = DbUrl,
    batch_size: int = typer.Option(32, "--batch-size", min=1, max=512, help="Cases per batch (one transaction each)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Stop after this many cases."),
    threads: Optional[int] = typer.Option(None, "--threads", min=1, help="CPU threads for the model."),
) -> None:
    """Compute the missing case, course and lesson embeddings offline (optional extra `embed`:
    multilingual-e5-small). --limit applies to the cases."""
    url = resolve_url(db_url)
    model = embed_mod.load_model(threads)
    missing = embed_mod.count_missing(url)
    total = missing if limit is None else min(missing, limit)
    with ui.progress_bar("embedding cases", total) as advance:
        done = embed_mod.embed_missing(url, model, batch_size=batch_size, limit=limit, progress=advance)
    ui.info(f"embedded {done} case(s) with {model.name}", "green")
    with ui.progress_bar("embedding courses and lessons", embed_mod.count_missing_catalog(url)) as advance:
        done = embed_mod.embed_missing_catalog(url, model, batch_size=batch_size, progress=advance)
    ui.info(f"embedded {done} course(s) and lesson(s) with {model.name}", "green")


@app.command()
@_handled
def seed(
    db_url: Optional[str] = DbUrl,
    scale: Optional[float] = typer.Option(
        None, "--scale", min=0.001, max=20,
        help="Load the synthetic benchmark dataset instead (1 = 100,000 people; linear in N).",
    ),
    replace: bool = typer.Option(False, "--replace", help="With --scale: remove synthetic data already there first."),
    cases: Optional[int] = typer.Option(
        None, "--cases", min=40, max=2_000_000,
        help="With --scale: this many tribunal cases whatever N (default 50,000 x N), e.g. --scale 0.05 --cases 500000.",
    ),
    jobs: int = typer.Option(
        2, "--jobs", min=1, max=16,
        help="With --scale: connections loading the tribunal cases and building their indexes at once.",
    ),
) -> None:
    """Load seeds/*.sql (the demo data), or with --scale N the synthetic dataset of `abr-db bench`."""
    if scale is None:
        if replace or cases is not None or jobs != 2:
            raise UsageError("--replace, --cases and --jobs go with --scale")
        done = seed_mod.seed(resolve_url(db_url))
        ui.info("seeded: " + (", ".join(done) if done else "nothing (no seeds/*.sql)"), "green")
        return
    with ui.steps(f"seed --scale {scale:g}") as on_step:
        result = scale_seed.seed_scale(
            resolve_url(db_url), scale, replace=replace, on_step=on_step, cases=cases, jobs=jobs)
    scale_seed.print_result(result)


@app.command("test-sql")
@_handled
def test_sql(
    files: Optional[List[Path]] = typer.Argument(None, help="pgTAP files (default: tests_sql/*.sql)."),
    db_url: Optional[str] = DbUrl,
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output (per file: passed, failed, skipped)."),
) -> None:
    """Run pgTAP files (tests_sql/) and print a summary; skipped tests are counted as skipped, not passed."""
    url = resolve_url(db_url)
    paths = list(files) if files else sorted(project().tests_sql.glob("*.sql"))
    if not paths:
        raise UsageError("no pgTAP files to run (tests_sql/*.sql is empty)")
    results = []
    for path in paths:
        if not path.is_file():
            raise UsageError(f"no such file: {path}")
        res = pgtap.run_file(url, path)
        results.append(res)
        if as_json:
            continue
        if res.ok:
            ui.console.print(f"[green]ok[/]      {escape(str(path))} ({escape(pgtap.status_line(res))})")
        else:
            ui.console.print(f"[red]FAILED[/]  {escape(str(path))} ({escape(pgtap.status_line(res))})")
            ui.console.print(res.report(), markup=False)
    totals = pgtap.summary(results)
    failed = totals["files_failed"]
    if as_json:
        typer.echo(json.dumps({"ok": not failed, **totals, "results": [r.as_dict() for r in results]}, indent=2))
    else:
        style = "red" if failed else "green"
        ui.console.print(
            f"[{style}]{len(paths) - failed}/{len(paths)} files passed; tests: {totals['passed']} passed, "
            f"{totals['failed']} failed, {totals['skipped']} skipped[/]"
        )
    if failed:
        raise MigrationError(f"{failed} pgTAP file(s) failed")


export_app = typer.Typer(help="Export the project for another tool.", no_args_is_help=True)
app.add_typer(export_app, name="export")


@export_app.command("supabase")
@_handled
def export_supabase(
    directory: Optional[Path] = typer.Argument(
        None, help="Where supabase/ goes (default: the project root, where `apply` reads it; commit it: it is the export's history)."),
) -> None:
    """The Supabase CLI layout: supabase/config.toml, migrations/<version>_<name>.sql, tests/database, seed.sql."""
    proj = project()
    directory = directory or proj.root
    written = export_mod.export_supabase(proj, directory.resolve())
    for path in written:
        ui.info(f"  wrote {path}")
    ui.info(f"exported to {directory / 'supabase'}: {len(written)} file(s) written"
            + ("" if written else " (already up to date)"), "green")
