"""Repeatable folders: rpc_functions/ -> rls_policies/ -> cron_jobs/.

A file is (re-)applied when its sha256 differs from the recorded one, or when an
object it defines drifted, in one transaction with its bookkeeping row. Recorded:
what the file created (functions, views, cron jobs) so that `rollback` can undo
it, and the fingerprint of every object it defines (catalog.py) so that `verify`
and `apply` see drift. Changes made by versioned migrations are not drift (bless).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from . import bookkeeping, catalog
from .errors import MigrationError, source_excerpt
from .paths import Project, REPEATABLE_DIRS

OBJECT_KINDS = ("functions", "views", "cron_jobs")
# How abr-db creates pg_cron where it can (and what `export supabase` puts in a migration):
# as Supabase does, the extension in pg_catalog, its tables in schema cron.
CRON_EXTENSION_SQL = "create extension if not exists pg_cron with schema pg_catalog"
@dataclass
class RepeatableFile:
    path: Path
    key: str  # e.g. "rpc_functions/00_access_helpers.sql"
    folder: str
    sha256: str
    state: str  # new | changed | failed | drifted | unchanged
    reasons: list[str] = field(default_factory=list)  # why: what drifted, the last error

    @property
    def describe(self) -> str:
        return self.state + (": " + "; ".join(self.reasons) if self.reasons else "")


def files(proj: Project) -> list[tuple[str, Path]]:
    out = []
    for folder in REPEATABLE_DIRS:
        directory = proj.root / folder
        if directory.is_dir():
            out.extend((folder, p) for p in sorted(directory.glob("*.sql")))
    return out


def plan(conn: psycopg.Connection, proj: Project) -> list[RepeatableFile]:
    """Each repeatable file and whether it must be (re-)applied, and why.

    new/changed: its text is not the one applied (failed: and the last attempt at
    this text failed); drifted: its text was applied but an object it defines is
    missing or differs from the fingerprint recorded then.
    """
    recorded = bookkeeping.repeatables(conn)
    snap = catalog.snapshot(conn) if recorded else {}
    result = []
    for folder, path in files(proj):
        key = f"{folder}/{path.name}"
        sha = bookkeeping.sha256_file(path)
        rec = recorded.get(key) or {}
        reasons: list[str] = []
        if rec.get("sha256") != sha:
            state = "changed" if rec.get("sha256") else "new"
            if rec.get("error") and rec.get("error_sha256") == sha:
                state, reasons = "failed", [rec["error"]]
        elif rec.get("fingerprints") is None:
            state, reasons = "drifted", ["no fingerprints recorded (applied by an older abr-db)"]
        else:
            reasons = catalog.drift(rec["fingerprints"], snap)
            state = "drifted" if reasons else "unchanged"
        result.append(RepeatableFile(path, key, folder, sha, state, reasons))
    return result


def has_cron(conn: psycopg.Connection) -> bool:
    return conn.execute("select to_regclass('cron.job') is not null").fetchone()[0]


def cron_installable(conn: psycopg.Connection) -> bool:
    """pg_cron can be created here: available, preloaded, and this is cron.database_name."""
    return conn.execute(
        """
        select exists (select from pg_catalog.pg_available_extensions where name = 'pg_cron')
           and current_setting('cron.database_name', true) = current_database()
        """
    ).fetchone()[0]


def install_cron(conn: psycopg.Connection) -> None:
    with conn.transaction():
        conn.execute(CRON_EXTENSION_SQL)


def _objects(snap: catalog.Snapshot) -> dict[str, set[str]]:
    return {
        "functions": catalog.names(snap, "function"),
        "views": catalog.names(snap, "view"),
        "cron_jobs": catalog.names(snap, "cron job"),
    }


def _location(text: str, exc: psycopg.Error) -> list[str]:
    details = []
    pos = exc.diag.statement_position
    if pos:
        try:
            details.extend(source_excerpt(text, int(pos) - 1))
        except ValueError:
            pass
    if exc.diag.context:
        details.append("context: " + " | ".join(exc.diag.context.strip().splitlines()[:3]))
    return details


_RECORD_SQL = """
insert into abr_db.repeatables (path, sha256, applied_at, objects, fingerprints, error, error_sha256)
values (%s, %s, now(), %s::jsonb, %s::jsonb, null, null)
on conflict (path) do update
  set sha256 = excluded.sha256, applied_at = excluded.applied_at, objects = excluded.objects,
      fingerprints = excluded.fingerprints, error = null, error_sha256 = null
"""


def apply_file(conn: psycopg.Connection, item: RepeatableFile, previous: dict | None) -> dict:
    """Execute one file and record it, in one transaction. Returns the objects recorded.

    Recorded: what the file created (for rollback) and the fingerprint of every
    object it defines (created or rewritten: see catalog.py), for drift detection.
    A failure is recorded too, outside the rolled-back transaction.
    """
    text = bookkeeping.read_text(item.path)
    try:
        with conn.transaction():
            before = catalog.snapshot(conn)
            conn.execute(text)
            after = catalog.snapshot(conn)
            was, now = _objects(before), _objects(after)
            prev = (previous or {}).get("objects") or {}
            objects = {
                kind: sorted((now[kind] - was[kind]) | (set(prev.get(kind, [])) & now[kind]))
                for kind in OBJECT_KINDS
            }
            fingerprints = catalog.defined_by(catalog.touched(before, after), text)
            conn.execute(_RECORD_SQL, (item.key, item.sha256, json.dumps(objects), json.dumps(fingerprints)))
    except psycopg.Error as exc:
        message = (exc.diag.message_primary or str(exc)).strip()
        details = [f"file: {item.key}", *_location(text, exc), f"SQLSTATE {exc.sqlstate}: {message}"]
        _record_failure(conn, item, f"SQLSTATE {exc.sqlstate}: {message}")
        raise MigrationError(
            f"repeatable file {item.key} failed (rolled back: nothing of it was applied)", details,
        ) from exc
    finally:
        # A file's session-level SETs must not leak into the next one.
        if not conn.closed and conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
            conn.execute("reset all")
    return objects


def _record_failure(conn: psycopg.Connection, item: RepeatableFile, error: str) -> None:
    if conn.closed or conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
        return
    conn.execute(
        """
        insert into abr_db.repeatables (path, error, error_sha256) values (%s, %s, %s)
        on conflict (path) do update set error = excluded.error, error_sha256 = excluded.error_sha256
        """,
        (item.key, error, item.sha256),
    )


@dataclass
class Proof:
    """What running a file would define (keys) and how that differs from the live database."""
    keys: set[str]
    differences: list[str]  # empty: every object the file defines is exactly as it would make it

    @property
    def proven(self) -> bool:
        return not self.differences


def adoption_proof(conn: psycopg.Connection, items: list[RepeatableFile]) -> dict[str, Proof]:
    """For files another tool may have applied (`supabase db push`): would applying them change anything?

    Every file runs, in apply order, in one transaction that is rolled back; the
    fingerprints of the objects each defines (catalog.defined_by) after the last one
    are compared with the live catalog. A file is proven applied only when each of
    its objects exists and is identical: a reverted edit, a hot patch or a history row
    that says "applied" while the database holds other code is never adopted.
    """
    out: dict[str, Proof] = {}
    if not items:
        return out
    live = catalog.snapshot(conn)
    learnt: dict[str, set[str]] = {}
    failed: str | None = None
    try:
        with conn.transaction(force_rollback=True):
            before = live
            for item in items:
                failed = item.key
                # Each file in a subtransaction of its own: the catalog rows it rewrites get
                # that subtransaction's xid (touched() tells them from an earlier file's).
                with conn.transaction():
                    conn.execute(bookkeeping.read_text(item.path))
                after = catalog.snapshot(conn)
                learnt[item.key] = set(catalog.defined_by(catalog.touched(before, after), bookkeeping.read_text(item.path)))
                before = after
            failed = None
            final = before
    except psycopg.Error as exc:
        # A file that fails here fails at apply too: apply them all and report it there.
        message = (exc.diag.message_primary or str(exc)).strip()
        for item in items:
            out[item.key] = Proof(set(), [f"could not be checked ({failed} fails: SQLSTATE {exc.sqlstate}: {message})"])
        return out
    finally:
        if not conn.closed and conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
            conn.execute("reset all")
    for item in items:
        keys = learnt[item.key]
        differences = []
        for key in sorted(keys):
            if key not in live:
                differences.append(f"{key} missing")
            elif key in final and final[key][1] != live[key][1]:
                differences.append(f"{key} differs from the file")
        out[item.key] = Proof(keys, differences)
    return out


def adopt_file(conn: psycopg.Connection, item: RepeatableFile, proof: Proof) -> None:
    """Record a file another tool applied, proven identical (adoption_proof), without changing anything."""
    if not proof.proven:
        raise MigrationError(f"{item.key} cannot be adopted: " + "; ".join(proof.differences))
    text = bookkeeping.read_text(item.path)
    live = catalog.snapshot(conn)
    keys = proof.keys
    created = catalog.created_names(text)
    objects = {
        "functions": sorted(catalog.names(keys, "function")),
        "views": sorted(v for v in catalog.names(keys, "view") if v.replace('"', "") in created),
        "cron_jobs": sorted(catalog.names(keys, "cron job")),
    }
    fingerprints = {k: live[k][1] for k in keys if k in live}
    with conn.transaction():
        conn.execute(_RECORD_SQL, (item.key, item.sha256, json.dumps(objects), json.dumps(fingerprints)))


def bless(conn: psycopg.Connection, before: catalog.Snapshot) -> None:
    """Versioned migrations just ran: what they rewrote is the new normal, not drift.

    Only objects that matched their recorded fingerprint before the migrations are
    updated; one already drifted, or dropped by a migration, stays to be repaired.
    """
    after = catalog.snapshot(conn)
    rewritten = catalog.touched(before, after)
    with conn.transaction():
        for path, rec in bookkeeping.repeatables(conn).items():
            fps = rec.get("fingerprints")
            if not fps:
                continue
            new = {k: (rewritten[k] if k in rewritten and k in before and before[k][1] == fp else fp)
                   for k, fp in fps.items()}
            if new != fps:
                conn.execute("update abr_db.repeatables set fingerprints = %s::jsonb where path = %s",
                             (json.dumps(new), path))


def seal(conn: psycopg.Connection) -> None:
    """After a whole pass: record the final fingerprints (a file may rewrite another's object)."""
    snap = catalog.snapshot(conn)
    with conn.transaction():
        for path, rec in bookkeeping.repeatables(conn).items():
            fps = rec.get("fingerprints")
            if fps is None or rec.get("sha256") is None:
                continue
            sealed = {k: snap[k][1] for k in fps if k in snap}
            if sealed != fps:
                conn.execute("update abr_db.repeatables set fingerprints = %s::jsonb where path = %s",
                             (json.dumps(sealed), path))


def required_by_migrations(proj: Project) -> set[str]:
    """Repeatable files some migration requires (`-- requires:`): their functions belong to the
    migrations' triggers and columns as much as to the file."""
    return {rel for path in proj.migration_files() for rel in bookkeeping.migration_requires(path)}


def undo_all(conn: psycopg.Connection, keep: set[str] | frozenset = frozenset()) -> list[str]:
    """Drop what every recorded file created and forget them all (one transaction).

    The functions of files in `keep` (required_by_migrations) are not dropped: triggers,
    generated columns and indexes of migrations still applied use them, and `drop ...
    cascade` would take those along. The rollback files of the migrations that bound them
    drop them when their turn comes.
    """
    recorded = bookkeeping.repeatables(conn)
    order = {folder: i for i, folder in enumerate(REPEATABLE_DIRS)}
    keys = sorted(recorded, key=lambda k: (order.get(k.split("/")[0], 99), k), reverse=True)
    undone: list[str] = []
    with conn.transaction():
        cron = has_cron(conn)
        for key in keys:
            objects = recorded[key]["objects"]
            if cron:
                for job in objects.get("cron_jobs", []):
                    row = conn.execute(
                        "select cron.unschedule(jobid) from cron.job where jobname = %s", (job,)
                    ).fetchone()
                    if row:
                        undone.append(f"cron job {job}")
            for view in objects.get("views", []):
                conn.execute(f"drop view if exists {view} cascade")
                undone.append(f"view {view}")
            for fn in ([] if key in keep else objects.get("functions", [])):
                conn.execute(f"drop function if exists {fn} cascade")
                undone.append(f"function {fn}")
        if recorded:
            conn.execute("delete from abr_db.repeatables")
    return undone
