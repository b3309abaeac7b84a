"""The errors abr-db reports to its user, each with the exit code it means."""

from __future__ import annotations


class AbrDbError(Exception):
    """An error with a message meant for the user (one line) and an exit code."""

    exit_code = 1


class UsageError(AbrDbError):
    """Wrong invocation, missing configuration or an unreachable database: exit 2."""

    exit_code = 2


class ConnectError(UsageError):
    """The database cannot be reached."""


class MigrationError(AbrDbError):
    """A migration or repeatable file failed, or the migrations drifted: exit 1.

    `details` are extra lines (file, statement, SQLSTATE) printed under the message.
    """

    def __init__(self, message: str, details: list[str] | None = None):
        super().__init__(message)
        self.details = details or []


class VerificationFailed(AbrDbError):
    """verify found problems: exit 1."""


def source_excerpt(text: str, offset: int, around: int = 2) -> list[str]:
    """Where an error is: 'line N:' and the lines around it, the failing one marked '>'."""
    lines = text.splitlines()
    if not lines:
        return []
    offset = max(0, min(offset, len(text)))
    line_no = text.count("\n", 0, offset) + 1
    first, last = max(1, line_no - around), min(len(lines), line_no + around)
    out = [f"line {line_no}:"]
    for n in range(first, last + 1):
        out.append(f"{'>' if n == line_no else ' '} {n:5d} | {lines[n - 1][:160]}")
    return out
