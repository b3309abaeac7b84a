"""abr-db's own bookkeeping, all in schema abr_db (never in public).

yoyo's tables (_yoyo_migration, _yoyo_log, _yoyo_version, yoyo_lock) live
there too. Beside them:
  migration_checksums  sha256 of each applied migration file (yoyo only
                       hashes the id, so an edited applied file would go unnoticed)
  repeatables          each applied repeatable file, its sha256 and the
                       objects it created (for rollback)
"""

from __future__ import annotations

import hashlib
import re
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterator

import psycopg

from . import ui
from .connect import connect
from .errors import UsageError

SCHEMA = "abr_db"
# pg_advisory_lock key held for a whole apply/rollback: int64 of sha256("abr-db")[:8].
LOCK_KEY = 7_213_560_393_771_209_521

_DDL = """
create schema if not exists abr_db;
comment on schema abr_db is 'abr-db bookkeeping: applied migrations and repeatable files. Not exposed through the API.';
create table if not exists abr_db.migration_checksums (
  migration_id text primary key,
  sha256 text not null,
  applied_at timestamptz default now()
);
create table if not exists abr_db.repeatables (
  path text primary key,
  sha256 text,
  applied_at timestamptz,
  objects jsonb
);
"""

_RESTRICT = """
do $$
declare
  r text;
begin
  revoke all on schema abr_db from public;
  revoke all on all tables in schema abr_db from public;
  revoke all on all sequences in schema abr_db from public;
  foreach r in array array['anon', 'authenticated'] loop
    if exists (select from pg_catalog.pg_roles where rolname = r) then
      execute format('revoke all on schema abr_db from %I', r);
      execute format('revoke all on all tables in schema abr_db from %I', r);
      execute format('revoke all on all sequences in schema abr_db from %I', r);
    end if;
  end loop;
end
$$;
"""


def sha256_file(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def migration_number(migration_id: str) -> int:
    match = re.match(r"(\d+)", migration_id)
    if not match:
        raise UsageError(f"migration {migration_id!r} does not start with a number (NNN_name.sql)")
    return int(match.group(1))


def ensure(conn: psycopg.Connection) -> None:
    with conn.transaction():
        conn.execute(_DDL)


def restrict(conn: psycopg.Connection) -> None:
    with conn.transaction():
        conn.execute(_RESTRICT)


def exists(conn: psycopg.Connection) -> bool:
    return conn.execute("select to_regnamespace('abr_db') is not null").fetchone()[0]


def applied_migrations(conn: psycopg.Connection) -> dict[str, datetime]:
    """Applied migration ids -> applied_at (UTC), read-only (yoyo's table, if any)."""
    if not conn.execute("select to_regclass('abr_db._yoyo_migration') is not null").fetchone()[0]:
        return {}
    rows = conn.execute(
        "select migration_id, applied_at_utc from abr_db._yoyo_migration order by applied_at_utc, migration_id"
    ).fetchall()
    return {mid: at for mid, at in rows}


def checksums(conn: psycopg.Connection) -> dict[str, str]:
    if not conn.execute("select to_regclass('abr_db.migration_checksums') is not null").fetchone()[0]:
        return {}
    return dict(conn.execute("select migration_id, sha256 from abr_db.migration_checksums").fetchall())


def repeatables(conn: psycopg.Connection) -> dict[str, dict]:
    """Recorded repeatable files: path -> {"sha256", "objects"}."""
    if not conn.execute("select to_regclass('abr_db.repeatables') is not null").fetchone()[0]:
        return {}
    rows = conn.execute("select path, sha256, objects from abr_db.repeatables").fetchall()
    return {path: {"sha256": sha, "objects": objects or {}} for path, sha, objects in rows}


@contextmanager
def advisory_lock(url: str, quiet: bool = False) -> Iterator[None]:
    """Hold abr-db's session-level advisory lock on its own connection.

    A second apply waits here until the first is done, then finds nothing to do.
    """
    conn = connect(url)
    try:
        got = conn.execute("select pg_try_advisory_lock(%s)", (LOCK_KEY,)).fetchone()[0]
        if not got:
            if not quiet:
                ui.warn("another abr-db apply/rollback holds the lock on this database: waiting for it")
            started = time.monotonic()
            conn.execute("select pg_advisory_lock(%s)", (LOCK_KEY,))
            if not quiet:
                ui.info(f"lock acquired after {time.monotonic() - started:.1f} s")
        yield
    finally:
        conn.close()  # releases the session lock
