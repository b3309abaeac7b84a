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
    """Before apply/rollback: refuse port 6543 without connecting, then a standby in recovery
    and a transaction pooler found by its behaviour (server_kind.refuse_for_migrations)."""
    from .server_kind import refuse_for_migrations  # noqa: PLC0415 - server_kind imports this module

    refuse_for_migrations(url)


def connect(url: str, autocommit: bool = True, **kwargs) -> psycopg.Connection:
    """A psycopg connection, or ConnectError with one line saying why not.

    Never with psycopg's automatic prepared statements (`prepare_threshold=None`): behind a
    transaction pooler (Supavisor, PgBouncer) each transaction may run on another server
    connection, where a statement prepared earlier is missing or already exists.
    """
    kwargs.setdefault("connect_timeout", CONNECT_TIMEOUT)
    kwargs.setdefault("prepare_threshold", None)
    kwargs.setdefault("application_name", "abr-db")
    try:
        return psycopg.connect(libpq_url(url), autocommit=autocommit, **kwargs)
    except psycopg.Error as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise ConnectError(f"cannot connect to {redact(url)}: {first}") from exc
