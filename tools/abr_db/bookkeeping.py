"""abr-db's own bookkeeping, all in schema abr_db (never in public).

yoyo's tables (_yoyo_migration, _yoyo_log, _yoyo_version, yoyo_lock) live
there too. Beside them:
  migration_checksums  sha256 of each applied migration file (yoyo only
                       hashes the id, so an edited applied file would go unnoticed)
  repeatables          each repeatable file: the sha256 applied, the objects it
                       created (for rollback), the fingerprints of every object it
                       defines (for drift: catalog.py), its last error if any
  supabase_history     the rows abr-db itself wrote into the Supabase CLI's history
                       (version and the md5 of the text written): a row there is
                       abr-db's own record, never evidence of a `supabase db push`

What abr-db applies is also recorded in supabase_migrations.schema_migrations, the
Supabase CLI's history, under the versions `abr-db export supabase` gives it.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from pathlib import Path

import psycopg

from .connect import connect
from .errors import MigrationError, UsageError

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
alter table abr_db.repeatables add column if not exists fingerprints jsonb;
alter table abr_db.repeatables add column if not exists error text;
alter table abr_db.repeatables add column if not exists error_sha256 text;
create table if not exists abr_db.supabase_history (
  version text primary key,
  statements_md5 text not null,
  recorded_at timestamptz default now()
);
comment on table abr_db.supabase_history is
  'Rows abr-db wrote into supabase_migrations.schema_migrations: its own records, not pushes.';
"""

# The Supabase CLI's migration history, created as the CLI creates it (idempotent).
_SUPABASE_HISTORY_DDL = """
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (version text not null primary key);
alter table supabase_migrations.schema_migrations add column if not exists statements text[];
alter table supabase_migrations.schema_migrations add column if not exists name text;
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


def read_text(path: Path) -> str:
    """A project file's text with CRLF line ends read as LF (a Windows checkout is the same file)."""
    return Path(path).read_bytes().decode("utf-8").replace("\r\n", "\n")


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def sha256_file(path: Path) -> str:
    """Checksum of a file's text, insensitive to CRLF/LF line ends."""
    return sha256_text(read_text(path))


# Comment lines of a migration that abr-db reads (yoyo ignores them):
#   -- requires: rpc_functions/x.sql      apply that repeatable's current text at this place
#                                         (leading block: before the body), in the migration's
#                                         transaction (see migrate.requires_sql)
#   -- previous-sha256: <hex>             a checksum this file had when databases applied it,
#                                         before it was restructured: accepted, not drift
_REQUIRES = re.compile(r"^--\s*requires:\s*(\S+)\s*$")
_PREVIOUS = re.compile(r"^--\s*previous-sha256:\s*([0-9a-f]{64})\s*$")


def _leading_lines(path: Path) -> list[str]:
    lines = []
    for line in read_text(path).split("\n"):
        if line.strip() and not line.lstrip().startswith("--"):
            break
        lines.append(line.strip())
    return lines


def migration_requires(path: Path) -> list[str]:
    """The repeatable files a migration requires (`-- requires: rpc_functions/x.sql` lines, anywhere in
    it: each applies at its place), in order."""
    return [m[1] for line in read_text(path).split("\n") if (m := _REQUIRES.match(line.strip()))]


def previous_checksums(path: Path) -> set[str]:
    """Checksums the migration had before it was restructured (`-- previous-sha256: <hex>`)."""
    return {m[1] for line in _leading_lines(path) if (m := _PREVIOUS.match(line))}


def accept_restructured(conn: psycopg.Connection, paths: list[Path], dry_run: bool = False) -> list[str]:
    """Applied migrations recorded under a previous checksum their file lists: record the current one.

    Returns the migration ids concerned (with dry_run: those it would update)."""
    sums = checksums(conn)
    done = []
    for path in paths:
        recorded = sums.get(path.stem)
        if recorded is None:
            continue
        current = sha256_file(path)
        if recorded != current and recorded in previous_checksums(path):
            if not dry_run:
                with conn.transaction():
                    conn.execute("update abr_db.migration_checksums set sha256 = %s where migration_id = %s",
                                 (current, path.stem))
            done.append(path.stem)
    return done


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


def require_migrated(conn: psycopg.Connection) -> None:
    """Exit 1 with the fix when the database has none of the project's migrations."""
    if not applied_migrations(conn) and not supabase_history(conn):
        raise MigrationError(
            "this database is not migrated (no abr-db migration applied): "
            "run `abr-db apply --db-url URL` first (add --bootstrap on plain PostgreSQL)"
        )


def checksums(conn: psycopg.Connection) -> dict[str, str]:
    if not conn.execute("select to_regclass('abr_db.migration_checksums') is not null").fetchone()[0]:
        return {}
    return dict(conn.execute("select migration_id, sha256 from abr_db.migration_checksums").fetchall())


def repeatables(conn: psycopg.Connection) -> dict[str, dict]:
    """Recorded repeatable files: path -> {"sha256", "objects"}."""
    if not conn.execute("select to_regclass('abr_db.repeatables') is not null").fetchone()[0]:
        return {}
    cols = {r[0] for r in conn.execute(
        "select attname from pg_catalog.pg_attribute where attrelid = 'abr_db.repeatables'::regclass "
        "and attnum > 0 and not attisdropped"
    )}
    extra = [c for c in ("fingerprints", "error", "error_sha256") if c in cols]
    rows = conn.execute(
        "select path, sha256, objects" + "".join(f", {c}" for c in extra) + " from abr_db.repeatables"
    ).fetchall()
    out = {}
    for row in rows:
        rec = {"sha256": row[1], "objects": row[2] or {}, "fingerprints": None, "error": None, "error_sha256": None}
        rec.update(zip(extra, row[3:]))
        out[row[0]] = rec
    return out


def supabase_history(conn: psycopg.Connection) -> dict[str, str]:
    """supabase_migrations.schema_migrations: version -> first statement ('' if none), if the table exists."""
    if not conn.execute("select to_regclass('supabase_migrations.schema_migrations') is not null").fetchone()[0]:
        return {}
    rows = conn.execute(
        "select version, coalesce(statements[1], '') from supabase_migrations.schema_migrations"
    ).fetchall()
    return dict(rows)


def record_supabase_history(conn: psycopg.Connection, entries: list[tuple[str, str, str]], own: bool = True) -> None:
    """Add (version, name, text) rows the Supabase CLI's history lacks; keep those it has.

    Each row abr-db adds is marked as its own in abr_db.supabase_history (with the md5
    of its text), so that a later apply never takes it for a `supabase db push`.
    `own=False` writes like the CLI would (tests simulating a push).
    """
    with conn.transaction():
        conn.execute(_SUPABASE_HISTORY_DDL)
        if own:
            conn.execute(_DDL)
        for version, name, text in entries:
            added = conn.execute(
                "insert into supabase_migrations.schema_migrations (version, name, statements) "
                "values (%s, %s, array[%s]) on conflict (version) do nothing returning version",
                (version, name, text),
            ).fetchone()
            if added and own:
                conn.execute(
                    "insert into abr_db.supabase_history (version, statements_md5) values (%s, md5(%s)) "
                    "on conflict (version) do update set statements_md5 = excluded.statements_md5, "
                    "recorded_at = now()",
                    (version, text),
                )


def own_supabase_versions(conn: psycopg.Connection) -> set[str]:
    """Versions of the Supabase CLI's history that abr-db wrote itself and nobody rewrote since."""
    if not conn.execute(
        "select to_regclass('abr_db.supabase_history') is not null "
        "and to_regclass('supabase_migrations.schema_migrations') is not null"
    ).fetchone()[0]:
        return set()
    rows = conn.execute(
        "select h.version from abr_db.supabase_history as h "
        "join supabase_migrations.schema_migrations as s on s.version = h.version "
        "where md5(coalesce(s.statements[1], '')) = h.statements_md5"
    ).fetchall()
    return {r[0] for r in rows}


def forget_supabase_history(conn: psycopg.Connection, versions: list[str]) -> None:
    if versions and supabase_history(conn):
        with conn.transaction():
            conn.execute("delete from supabase_migrations.schema_migrations where version = any(%s)", (versions,))
            if conn.execute("select to_regclass('abr_db.supabase_history') is not null").fetchone()[0]:
                conn.execute("delete from abr_db.supabase_history where version = any(%s)", (versions,))


def advisory_lock(url: str, quiet: bool = False):
    """abr-db's migration lock for a whole apply/rollback (lock.migration_lock: transaction-scoped,
    so that no pooler can strand it). A second apply waits until the first is done."""
    from .lock import migration_lock  # noqa: PLC0415 - lock imports LOCK_KEY from here

    return migration_lock(url, quiet=quiet)
