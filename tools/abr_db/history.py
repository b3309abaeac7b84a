"""One history for two tools: abr-db's bookkeeping and the Supabase CLI's.

`supabase db push` records what it applied in supabase_migrations.schema_migrations
under the versions `abr-db export supabase` gave each migration (export.py). Here:
  - `sync`: after an apply or rollback, that table gets the versions of what abr-db
    applied: the longest prefix of the export (in version order) that the database
    has, so `supabase migration list` is in sync and `db push` pushes only the rest;
  - `pushed_*`: before an apply, what `db push` applied that abr-db has not
    recorded, so apply can adopt it instead of running it again. Rows abr-db wrote
    itself (marked in abr_db.supabase_history) are never taken for a push, and a
    pushed repeatable is adopted only with proof (repeatables.adoption_proof).
The export's history is read from <project>/supabase/migrations (see export.py).
"""

from __future__ import annotations

from pathlib import Path

import psycopg

from . import bookkeeping, export, repeatables
from .errors import MigrationError
from .paths import Project


def history_dir(proj: Project) -> Path:
    return proj.root / "supabase" / "migrations"


def entries(proj: Project) -> list[export.Entry]:
    return export.plan(proj, history_dir(proj))


def _has_pg_cron(conn: psycopg.Connection) -> bool:
    return conn.execute("select exists (select from pg_catalog.pg_extension where extname = 'pg_cron')").fetchone()[0]


def applied_prefix(conn: psycopg.Connection, proj: Project, plan: list[export.Entry]) -> list[export.Entry]:
    applied = bookkeeping.applied_migrations(conn)
    recorded = bookkeeping.repeatables(conn)
    present = bookkeeping.supabase_history(conn)
    newest = export.current(plan)
    live_sources = {f"{folder}/{p.name}" for folder, p in repeatables.files(proj)}
    cron = _has_pg_cron(conn)
    out = []
    for e in plan:
        if e.kind == "extensions":
            ok = cron
        elif e.kind == "migration":
            ok = Path(e.source).stem in applied
        elif e.kind == "repeatable":
            # A superseded export of a file counts once its newest one is applied.
            ok = e.source not in live_sources or recorded.get(e.source, {}).get("sha256") == newest[e.source].sha256
        else:  # a migration of the Supabase project that abr-db does not know
            ok = e.version in present
        if not ok:
            break
        out.append(e)
    return out


def _text(proj: Project, e: export.Entry) -> str:
    if e.text is not None:
        return e.text
    return bookkeeping.read_text(history_dir(proj) / e.filename)


def sync(conn: psycopg.Connection, proj: Project) -> list[str]:
    """Record the applied prefix in supabase_migrations.schema_migrations; returns versions added."""
    plan = entries(proj)
    prefix = applied_prefix(conn, proj, plan)
    present = bookkeeping.supabase_history(conn)
    missing = [e for e in prefix if e.version not in present]
    if missing:
        bookkeeping.record_supabase_history(conn, [(e.version, e.name, _text(proj, e)) for e in missing])
    return [e.version for e in missing]


def forget_after(conn: psycopg.Connection, proj: Project, target: int) -> None:
    """After a rollback to `target`: versions above it are no longer applied."""
    limit = export.migration_version(f"{target:03d}")
    versions = [e.version for e in entries(proj) if e.version > limit]
    bookkeeping.forget_supabase_history(conn, versions)


def _check_same(e: export.Entry, pushed: str, proj: Project) -> None:
    """A versioned migration pushed with other text than its file now has: refuse, as for an edited one."""
    head = export.HEADER.search(pushed[:1000])
    previous = bookkeeping.previous_checksums(proj.root / e.source)
    if head and head["sha"] != e.sha256 and head["sha"] not in previous:
        raise MigrationError(
            f"{e.source} differs from the version {e.version} that `supabase db push` applied to this database",
            ["an applied migration must not be edited: revert the file and add a new migration"],
        )


def pushed_migrations(conn: psycopg.Connection, proj: Project) -> dict[str, str]:
    """Migration ids the Supabase CLI applied that abr-db has not recorded: id -> version."""
    present = bookkeeping.supabase_history(conn)
    if not present:
        return {}
    own = bookkeeping.own_supabase_versions(conn)
    applied = bookkeeping.applied_migrations(conn)
    out = {}
    for e in entries(proj):
        mid = Path(e.source).stem
        if e.kind == "migration" and e.version in present and e.version not in own and mid not in applied:
            _check_same(e, present[e.version], proj)
            out[mid] = e.version
    return out


def pushed_repeatables(conn: psycopg.Connection, proj: Project) -> dict[str, str]:
    """Repeatable files whose current text the Supabase CLI applied, not recorded by abr-db: key -> version."""
    present = bookkeeping.supabase_history(conn)
    if not present:
        return {}
    own = bookkeeping.own_supabase_versions(conn)
    recorded = bookkeeping.repeatables(conn)
    out = {}
    for source, e in export.current(entries(proj)).items():
        if e.kind != "repeatable" or e.version not in present or e.version in own:
            continue
        head = export.HEADER.search(present[e.version][:1000])
        if head and head["sha"] != e.sha256:
            continue  # pushed with other text: apply runs the current file as a changed one
        if recorded.get(source, {}).get("sha256") != e.sha256:
            out[source] = e.version
    return out
