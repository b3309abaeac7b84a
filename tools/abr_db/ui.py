"""The consoles abr-db prints to (rich). Errors go to stderr."""

from __future__ import annotations

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
