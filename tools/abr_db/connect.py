"""Which database to talk to, and connecting to it (psycopg 3).

The URL is `--db-url`, else $DATABASE_URL, else the URL of the instance
`abr-db up` started (its state file in .pgdata/).
"""

from __future__ import annotations

import json
import os
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg

from .errors import ConnectError, UsageError
from .paths import Project, project as current_project

TRANSACTION_POOLER_PORT = 6543
CONNECT_TIMEOUT = 5
_SCHEMES = {"postgres", "postgresql", "postgresql+psycopg", "postgresql+psycopg2"}


def resolve_url(db_url: str | None = None, proj: Project | None = None) -> str:
    if db_url:
        return _check_url(db_url)
    env = os.environ.get("DATABASE_URL")
    if env:
        return _check_url(env)
    proj = proj or current_project()
    state = read_state(proj)
    if state and state.get("url"):
        return _check_url(state["url"])
    raise UsageError(
        "no database given: pass --db-url, set DATABASE_URL, or start one with `abr-db up`"
    )


def read_state(proj: Project) -> dict | None:
    try:
        return json.loads(proj.state_file.read_text())
    except (OSError, ValueError):
        return None


def _check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in _SCHEMES:
        raise UsageError(
            f"not a PostgreSQL URL: {redact(url)} (expected postgresql://user:password@host:port/dbname)"
        )
    try:
        parts.port  # noqa: B018 - raises on a non-numeric port
    except ValueError:
        raise UsageError(f"bad port in database URL: {redact(url)}") from None
    return url


def libpq_url(url: str) -> str:
    """The URL as libpq/psql understand it (scheme postgresql://)."""
    parts = urlsplit(url)
    return urlunsplit(("postgresql", *parts[1:]))


def yoyo_url(url: str, schema: str) -> str:
    """The URL for yoyo: psycopg 3 driver, its tables in `schema`."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "schema"]
    query.append(("schema", schema))
    return urlunsplit(("postgresql+psycopg", parts.netloc, parts.path, urlencode(query), ""))


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit((parts.scheme, netloc, *parts[2:]))


def is_transaction_pooler(url: str) -> bool:
    """Supabase's transaction pooler (Supavisor) listens on 6543, sessions on 5432."""
    try:
        return urlsplit(url).port == TRANSACTION_POOLER_PORT
    except ValueError:
        return False


def refuse_transaction_pooler(url: str) -> None:
    if is_transaction_pooler(url):
        host = urlsplit(url).hostname or "?"
        raise UsageError(
            f"{host}:{TRANSACTION_POOLER_PORT} is a transaction pooler, which breaks the advisory "
            "lock migrations hold: use the session pooler (port 5432) or the direct database port"
        )


def connect(url: str, autocommit: bool = True, **kwargs) -> psycopg.Connection:
    """A psycopg connection, or ConnectError with one line saying why not."""
    kwargs.setdefault("connect_timeout", CONNECT_TIMEOUT)
    kwargs.setdefault("application_name", "abr-db")
    try:
        return psycopg.connect(libpq_url(url), autocommit=autocommit, **kwargs)
    except psycopg.Error as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise ConnectError(f"cannot connect to {redact(url)}: {first}") from exc
