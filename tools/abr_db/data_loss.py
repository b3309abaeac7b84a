"""What a rollback would destroy: each table and column holding data that it drops.

Found by doing it: in one transaction that is always rolled back, the repeatables
are undone (`drop function ... cascade` can take a generated column with it) and
the rollback files run, newest first, as `rollback` would run them; the tables and
columns that existed before and are gone after are then counted (rows; non-null
values of a column of a table that stays). Empty tables and all-null columns are
not data loss, nor are generated columns (derived from the row) and materialized
views (derived from tables): a rollback that destroys nothing runs as before.
Changes of rows a rollback file makes (update/delete) are not seen here.

Reference data: a migration that creates a lookup table and fills it with the
product's own rows (checklists, default plan limits) says so in a line of its
own, `-- reference-data: schema.table`. Such a table's rows are listed
(reference=True) but do not block the rollback: applying the migration again
puts them back. Rows a DBA changed there are lost with the table: the line
says so to whoever reads the migration, and the rollback names the table.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import re

import psycopg
from psycopg import sql

from . import bookkeeping, repeatables

_SCHEMAS = """
  n.nspname not in ('pg_catalog', 'information_schema', 'abr_db', 'supabase_migrations', 'cron')
  and n.nspname !~ '^pg_(toast|temp)'
"""

_TABLES = f"""
select c.oid::bigint, n.nspname, c.relname
from pg_catalog.pg_class as c
inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
where c.relkind in ('r', 'p') and {_SCHEMAS}
"""

_COLUMNS = f"""
select a.attrelid::bigint, a.attnum, a.attname
from pg_catalog.pg_attribute as a
inner join pg_catalog.pg_class as c on a.attrelid = c.oid
inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
where c.relkind in ('r', 'p') and {_SCHEMAS}
  and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
"""


@dataclass
class Loss:
    kind: str  # table | column
    name: str  # schema.table | schema.table.column
    rows: int  # rows of the table; rows where the column is not null
    reference: bool = False  # a table of reference data its migration fills (see the module's docstring)

    def as_dict(self) -> dict:
        return asdict(self)

    def describe(self) -> str:
        what = ("row" if self.kind == "table" else "non-null value") + ("" if self.rows == 1 else "s")
        note = ", reference data its migration puts back" if self.reference else ""
        return f"{self.kind} {self.name} ({self.rows:,} {what}{note})"


def blocking(losses: list[Loss]) -> list[Loss]:
    """The losses a rollback refuses without --allow-data-loss: all but reference tables."""
    return [loss for loss in losses if not loss.reference]


_REFERENCE = re.compile(r"^--\s*reference-data:\s*([\w.]+)\s*$", re.M)


def reference_tables(migration_paths: list[Path]) -> set[str]:
    """schema.table names the migrations declare as reference data (`-- reference-data: schema.table`)."""
    names: set[str] = set()
    for path in migration_paths:
        names.update(_REFERENCE.findall(bookkeeping.read_text(Path(path))))
    return names


def rollback_file(migration_path: str | Path) -> Path:
    path = str(migration_path)
    return Path(path[: -len(".sql")] + ".rollback.sql")


def probe(
    conn: psycopg.Connection, rollback_files: list[Path], keep: set[str] | frozenset = frozenset(),
    reference: set[str] | frozenset = frozenset(),
) -> list[Loss]:
    """Tables and columns holding data that undoing the repeatables and running these files would drop."""
    if not rollback_files:
        return []
    with conn.transaction(force_rollback=True):
        tables = {oid: (schema, name) for oid, schema, name in conn.execute(_TABLES)}
        columns = {(rel, num): name for rel, num, name in conn.execute(_COLUMNS)}
        with conn.transaction(force_rollback=True):
            repeatables.undo_all(conn, keep)
            for path in rollback_files:
                if path.is_file():
                    conn.execute(bookkeeping.read_text(path))
            tables_after = {oid for oid, _s, _n in conn.execute(_TABLES)}
            columns_after = {(rel, num) for rel, num, _n in conn.execute(_COLUMNS)}
        losses: list[Loss] = []
        for oid in sorted(set(tables) - tables_after, key=lambda o: tables[o]):
            schema, name = tables[oid]
            rows = conn.execute(sql.SQL("select count(*) from {}.{}").format(
                sql.Identifier(schema), sql.Identifier(name))).fetchone()[0]
            if rows:
                losses.append(Loss("table", f"{schema}.{name}", rows, f"{schema}.{name}" in reference))
        for rel, num in sorted(set(columns) - columns_after, key=lambda k: (tables.get(k[0], ("", "")), k[1])):
            if rel not in tables_after or rel not in tables:
                continue  # the whole table goes: counted above
            schema, name = tables[rel]
            column = columns[(rel, num)]
            rows = conn.execute(sql.SQL("select count({}) from {}.{}").format(
                sql.Identifier(column), sql.Identifier(schema), sql.Identifier(name))).fetchone()[0]
            if rows:
                losses.append(Loss("column", f"{schema}.{name}.{column}", rows))
    conn.execute("reset all")
    return losses
