"""A progress display for long checks (verify --matrix), on stderr so --json stays clean."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .ui import err_console


@contextmanager
def progress(title: str) -> Iterator[Callable[[int, int, str], None]]:
    """Yields step(done, total, label): a bar on a terminal, one line per step otherwise (CI logs)."""
    if not err_console.is_terminal:
        def plain(done: int, total: int, label: str) -> None:
            err_console.print(f"{title}: {done + 1}/{total} {label}", markup=False, highlight=False)
        yield plain
        return
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[label]}"), TimeElapsedColumn(), console=err_console,
                  transient=True) as bar:
        task = bar.add_task(title, total=None, label="")

        def step(done: int, total: int, label: str) -> None:
            bar.update(task, completed=done, total=total, label=label)
        yield step
