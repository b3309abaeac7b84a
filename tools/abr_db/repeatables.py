"""Repeatable folders: rpc_functions/ -> rls_policies/ -> cron_jobs/.

A file is (re-)applied when its sha256 differs from the recorded one, in one
transaction with its bookkeeping row. What the file created (functions,
views, cron jobs: a catalog diff before/after) is recorded so that
`rollback` can undo it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import psycopg

from . import bookkeeping
from .errors import MigrationError
from .paths import Project, REPEATABLE_DIRS

OBJECT_KINDS = ("functions", "views", "cron_jobs")

_FUNCTIONS_SQL = """
select pg_catalog.format('%I.%I(%s)', n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid))
from pg_catalog.pg_proc as p
inner join pg_catalog.pg_namespace as n on p.pronamespace = n.oid
where n.nspname not in ('pg_catalog', 'information_schema')
  and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
  and not exists (
    select from pg_catalog.pg_depend as d
    where d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass and d.objid = p.oid and d.deptype = 'e'
  )
"""

_VIEWS_SQL = """
select pg_catalog.format('%I.%I', n.nspname, c.relname)
from pg_catalog.pg_class as c
inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
where c.relkind = 'v'
  and n.nspname not in ('pg_catalog', 'information_schema')
  and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
  and not exists (
    select from pg_catalog.pg_depend as d
    where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid and d.deptype = 'e'
  )
"""


@dataclass
class RepeatableFile:
    path: Path
    key: str  # e.g. "rpc_functions/00_access_helpers.sql"
    folder: str
    sha256: str
    state: str  # new | changed | unchanged


def files(proj: Project) -> list[tuple[str, Path]]:
    out = []
    for folder in REPEATABLE_DIRS:
        directory = proj.root / folder
        if directory.is_dir():
            out.extend((folder, p) for p in sorted(directory.glob("*.sql")))
    return out


def plan(conn: psycopg.Connection, proj: Project) -> list[RepeatableFile]:
    recorded = bookkeeping.repeatables(conn)
    result = []
    for folder, path in files(proj):
        key = f"{folder}/{path.name}"
        sha = bookkeeping.sha256_file(path)
        if key not in recorded:
            state = "new"
        elif recorded[key]["sha256"] != sha:
            state = "changed"
        else:
            state = "unchanged"
        result.append(RepeatableFile(path, key, folder, sha, state))
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
        # As Supabase does: the extension in pg_catalog, its tables in schema cron.
        conn.execute("create extension if not exists pg_cron with schema pg_catalog")


def snapshot(conn: psycopg.Connection) -> dict[str, set[str]]:
    snap = {
        "functions": {r[0] for r in conn.execute(_FUNCTIONS_SQL)},
        "views": {r[0] for r in conn.execute(_VIEWS_SQL)},
        "cron_jobs": set(),
    }
    if has_cron(conn):
        snap["cron_jobs"] = {
            r[0] for r in conn.execute("select jobname from cron.job where jobname is not null")
        }
    return snap


def _location(text: str, exc: psycopg.Error) -> list[str]:
    details = []
    pos = exc.diag.statement_position
    if pos:
        try:
            offset = int(pos) - 1
            line_no = text.count("\n", 0, offset) + 1
            line = text.splitlines()[line_no - 1].strip()
            details.append(f"line {line_no}: {line[:200]}")
        except (ValueError, IndexError):
            pass
    if exc.diag.context:
        details.append("context: " + " | ".join(exc.diag.context.strip().splitlines()[:3]))
    return details


def apply_file(conn: psycopg.Connection, item: RepeatableFile, previous: dict | None) -> dict:
    """Execute one file and record it, in one transaction. Returns the objects recorded."""
    text = item.path.read_text()
    try:
        with conn.transaction():
            before = snapshot(conn)
            conn.execute(text)
            after = snapshot(conn)
            prev = (previous or {}).get("objects") or {}
            objects = {
                kind: sorted((after[kind] - before[kind]) | (set(prev.get(kind, [])) & after[kind]))
                for kind in OBJECT_KINDS
            }
            conn.execute(
                """
                insert into abr_db.repeatables (path, sha256, applied_at, objects)
                values (%s, %s, now(), %s::jsonb)
                on conflict (path) do update
                  set sha256 = excluded.sha256, applied_at = excluded.applied_at, objects = excluded.objects
                """,
                (item.key, item.sha256, json.dumps(objects)),
            )
    except psycopg.Error as exc:
        message = (exc.diag.message_primary or str(exc)).strip()
        raise MigrationError(
            f"repeatable file {item.key} failed (rolled back: nothing of it was applied)",
            [f"file: {item.key}", *_location(text, exc), f"SQLSTATE {exc.sqlstate}: {message}"],
        ) from exc
    finally:
        # A file's session-level SETs must not leak into the next one.
        if not conn.closed and conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
            conn.execute("reset all")
    return objects


def undo_all(conn: psycopg.Connection) -> list[str]:
    """Drop what every recorded file created and forget them all (one transaction)."""
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
            for fn in objects.get("functions", []):
                conn.execute(f"drop function if exists {fn} cascade")
                undone.append(f"function {fn}")
        if recorded:
            conn.execute("delete from abr_db.repeatables")
    return undone
