"""The Supabase-compatibility bootstrap for plain PostgreSQL.

sql/bootstrap.sql creates what a Supabase project already has (roles, schema
auth with auth.users and the JWT helpers, schema extensions). It is
idempotent and is only ever run on a database without auth.users.
"""

from __future__ import annotations

import psycopg

from .errors import MigrationError
from .paths import BOOTSTRAP_SQL


def needs_bootstrap(conn: psycopg.Connection) -> bool:
    return conn.execute("select to_regclass('auth.users') is null").fetchone()[0]


def apply_bootstrap(conn: psycopg.Connection) -> None:
    """Run the whole file in one transaction ($$ bodies and all: one execute)."""
    sql = BOOTSTRAP_SQL.read_text()
    try:
        with conn.transaction():
            conn.execute(sql)
    except psycopg.Error as exc:
        raise MigrationError(
            f"the bootstrap ({BOOTSTRAP_SQL.name}) failed",
            [f"SQLSTATE {exc.sqlstate}: {(exc.diag.message_primary or str(exc)).strip()}"],
        ) from exc
