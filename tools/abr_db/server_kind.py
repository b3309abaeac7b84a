"""What the tool is talking to: a primary, a standby in recovery, or a transaction pooler.

A transaction pooler (Supavisor on 6543, PgBouncer with pool_mode=transaction, ...)
is recognized by what it does, not by its port: it lends a client's server
connection to another client between transactions. The probe opens two client
connections A and B: A runs one transaction and notes its server process; B then
opens a transaction and holds it; A runs another. Directly or through a session
pooler, A keeps its server process and B never gets it. Through a transaction
pooler, B is handed A's idle server process (poolers reuse the last one freed), or
A's second transaction runs on another one, or waits for B.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

import psycopg

from .connect import connect, is_transaction_pooler, redact
from .errors import UsageError

PROBE_WAIT_SECONDS = 3.0


@dataclass(frozen=True)
class ServerKind:
    in_recovery: bool
    transaction_pooler: bool
    evidence: str = ""


def _pid(conn: psycopg.Connection) -> int:
    return conn.execute("select pg_catalog.pg_backend_pid()").fetchone()[0]


def probe_transaction_pooler(url: str) -> tuple[bool, str]:
    """(True, why) when connections to `url` are pooled per transaction."""
    a = connect(url, application_name="abr-db pooler probe")
    b = connect(url, autocommit=False, application_name="abr-db pooler probe")
    try:
        first = _pid(a)
        held = _pid(b)  # b's transaction stays open: its server connection is pinned
        if held == first:
            return True, f"two clients were served by one server process ({first})"
        second: list[int] = []
        worker = threading.Thread(target=lambda: second.append(_pid(a)), daemon=True)
        worker.start()
        worker.join(PROBE_WAIT_SECONDS)
        if not second:
            b.rollback()  # frees the pool so that a's query ends
            worker.join(PROBE_WAIT_SECONDS)
            return True, "a client's query waited for another client's transaction"
        if second[0] != first:
            return True, f"one client's transactions ran on two server processes ({first}, {second[0]})"
        return False, ""
    finally:
        for conn in (b, a):
            try:
                conn.close()
            except psycopg.Error:
                pass


def detect(url: str) -> ServerKind:
    with connect(url) as conn:
        in_recovery = bool(conn.execute("select pg_catalog.pg_is_in_recovery()").fetchone()[0])
    if is_transaction_pooler(url):
        return ServerKind(in_recovery, True, "port 6543 (Supabase's transaction pooler)")
    pooled, why = probe_transaction_pooler(url)
    return ServerKind(in_recovery, pooled, why)


def _where(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname or '?'}:{parts.port or 5432}"


def refuse_for_migrations(url: str, command: str = "apply and rollback") -> None:
    """apply and rollback need a primary, through a direct connection or a session pooler.

    Port 6543 is refused before connecting; a standby (in recovery) and a transaction
    pooler found by the probe are refused with one line (UsageError: exit 2). Through a
    transaction pooler, session state the migration tooling sets (yoyo's search_path)
    would reach other clients and be missing from the next transaction.
    """
    if is_transaction_pooler(url):
        raise UsageError(
            f"{_where(url)} is a transaction pooler, which breaks the session that migrations need: "
            "use the session pooler (port 5432) or the direct database port"
        )
    kind = detect(url)
    if kind.in_recovery:
        raise UsageError(
            f"{redact(url)} is a read-only standby (in recovery): {command} need the primary"
        )
    if kind.transaction_pooler:
        raise UsageError(
            f"{_where(url)} is a transaction pooler ({kind.evidence}), which breaks the session that "
            f"migrations need: use the session pooler (port 5432) or the direct database port for {command}"
        )
