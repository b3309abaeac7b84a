"""The consoles abr-db prints to (rich). Errors go to stderr."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

from rich.console import Console
from rich.text import Text

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def info(message: str, style: str | None = None) -> None:
    console.print(Text(message, style=style or ""))


def warn(message: str) -> None:
    err_console.print(Text(message, style="yellow"))


def error(message: str) -> None:
    err_console.print(Text(message, style="bold red"))


@contextmanager
def progress_bar(label: str, total: int) -> Iterator[Callable[[int], None]]:
    """A progress bar over `total` items on stderr; yields advance(n)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err_console, transient=False) as progress:
        task = progress.add_task(label, total=total)
        yield lambda n: progress.advance(task, n)


@contextmanager
def steps(title: str) -> Iterator[Callable[[str, int, int], None]]:
    """A progress display over named steps (seed --scale, bench, verify --matrix) on stderr, so
    stdout stays clean (--json). Yields on_step(label, done, total): a bar with the step's label
    and the elapsed time on a terminal, one line per step otherwise (CI logs)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    if not err_console.is_terminal:
        def plain(label: str, done: int, total: int) -> None:
            line = f"{title}: {min(done + 1, total)}/{total} {label}"
            err_console.print(line, markup=False, highlight=False)
        yield plain
        return
    columns = (TextColumn("[bold]{task.fields[title]}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=err_console, transient=False) as progress:
        task = progress.add_task("", total=None, title=title)
        yield lambda label, done, total: progress.update(task, description=label, completed=done, total=total)


def print_table(title: str, rows: list[dict]) -> None:
    """Rows of dicts as a table, one column per key of the first row."""
    from rich.table import Table

    table = Table(title=title)
    keys = list(rows[0]) if rows else []
    for key in keys:
        table.add_column(key, overflow="fold")
    for row in rows:
        table.add_row(*(str(row.get(k, "")) for k in keys))
    console.print(table)
