"""The consoles abr-db prints to (rich). Errors go to stderr."""

from __future__ import annotations

from contextlib import contextmanager

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
def progress_bar(label: str, total: int):
    """A progress bar on stderr; yields advance(n)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err_console, transient=False) as progress:
        task = progress.add_task(label, total=total)
        yield lambda n: progress.advance(task, n)


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
