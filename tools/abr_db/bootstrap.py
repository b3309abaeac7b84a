"""The Supabase-compatibility bootstrap for plain PostgreSQL.

sql/bootstrap.sql creates what a Supabase project already has (roles, schema
auth with auth.users and the JWT helpers, schema extensions). It is
idempotent and runs on a database without auth.users; the comment it leaves on
schema auth ("abr-db bootstrap sha256:…") marks a database it bootstrapped, so
that a later version of the file (say, a faster auth.uid()) is applied there
again, and never on a Supabase database, whose schema auth is Supabase's.
"""

from __future__ import annotations

import hashlib

import psycopg

from .errors import MigrationError
from .paths import BOOTSTRAP_SQL


def needs_bootstrap(conn: psycopg.Connection) -> bool:
    return conn.execute("select to_regclass('auth.users') is null").fetchone()[0]


MARKER = "abr-db bootstrap sha256:"


def _marker() -> str:
    return MARKER + hashlib.sha256(BOOTSTRAP_SQL.read_bytes()).hexdigest()


def bootstrap_outdated(conn: psycopg.Connection) -> bool:
    """A database this tool bootstrapped with another version of the file (never a Supabase one)."""
    comment = conn.execute(
        "select pg_catalog.obj_description(pg_catalog.to_regnamespace('auth'), 'pg_namespace')"
    ).fetchone()[0]
    return bool(comment) and comment.startswith(MARKER) and comment != _marker()


def apply_bootstrap(conn: psycopg.Connection) -> None:
    """Run the whole file in one transaction ($$ bodies and all: one execute), and mark the database."""
    sql = BOOTSTRAP_SQL.read_text()
    try:
        with conn.transaction():
            conn.execute(sql)
            conn.execute(f"comment on schema auth is '{_marker()}'")
    except psycopg.Error as exc:
        raise MigrationError(
            f"the bootstrap ({BOOTSTRAP_SQL.name}) failed",
            [f"SQLSTATE {exc.sqlstate}: {(exc.diag.message_primary or str(exc)).strip()}"],
        ) from exc
