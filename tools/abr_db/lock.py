"""The migration lock: one apply or rollback at a time on a database, and never stranded.

It is a transaction-scoped advisory lock (`pg_advisory_xact_lock`) taken inside a
transaction that stays open, on a connection of its own, for the whole apply or
rollback; closing that connection (or the process dying) ends the transaction and
frees the lock. A session-level lock is freed only when its server connection ends,
and a pooler keeps server connections: through a transaction pooler an apply that
took one left it held by a pooled connection (the next apply waited forever). An
open transaction pins one server connection even behind a transaction pooler, and a
pooler ends or rolls back a server connection whose client left mid-transaction.

The key is the one earlier versions of abr-db took at session level
(bookkeeping.LOCK_KEY): both kinds of advisory lock on one key exclude each other.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from . import ui
from .bookkeeping import LOCK_KEY
from .connect import connect


@contextmanager
def migration_lock(url: str, quiet: bool = False) -> Iterator[None]:
    """Hold the migration lock for the body; a second holder waits here until the first is done."""
    conn = connect(url, autocommit=False, application_name="abr-db migration lock")
    try:
        # The transaction is idle while the apply runs on other connections.
        conn.execute("set local idle_in_transaction_session_timeout = 0")
        conn.execute("set local statement_timeout = 0")
        got = conn.execute("select pg_try_advisory_xact_lock(%s)", (LOCK_KEY,)).fetchone()[0]
        if not got:
            if not quiet:
                ui.warn("another abr-db apply/rollback holds the lock on this database: waiting for it")
            started = time.monotonic()
            conn.execute("select pg_advisory_xact_lock(%s)", (LOCK_KEY,))
            if not quiet:
                ui.info(f"lock acquired after {time.monotonic() - started:.1f} s")
        yield
    finally:
        try:
            conn.rollback()  # ends the transaction: the lock goes with it
        finally:
            conn.close()


def lock_holders(url: str) -> list[int]:
    """Server process ids holding the migration lock (either kind), for tests and `status`."""
    with connect(url) as conn:
        rows = conn.execute(
            "select pid from pg_catalog.pg_locks where locktype = 'advisory' and granted "
            "and objsubid = 1 and ((classid::bigint << 32) | objid::bigint) = %s and database = "
            "(select oid from pg_catalog.pg_database where datname = current_database())",
            (LOCK_KEY,),
        ).fetchall()
    return [r[0] for r in rows]
