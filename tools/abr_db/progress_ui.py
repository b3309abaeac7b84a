"""A rich progress display for long commands (seed --scale, bench): a bar over
steps with the current step's label and the elapsed time."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import ui


@contextmanager
def steps_progress(title: str) -> Iterator[Callable[[str, int, int], None]]:
    """Yields on_step(label, done, total); prints to stderr so stdout stays clean (--json)."""
    progress = Progress(
        TextColumn("[bold]{task.fields[title]}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=ui.err_console,
        transient=False,
    )
    task = progress.add_task("", total=None, title=title)

    def on_step(label: str, done: int, total: int) -> None:
        progress.update(task, description=label, completed=done, total=total)

    with progress:
        yield on_step
