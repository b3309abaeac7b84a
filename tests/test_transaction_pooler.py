"""abr-db and the client path behind a transaction pooler: a real PgBouncer in transaction
mode (the `pgbouncer` fixture, Debian's package) in front of the session's cluster.

The tool: no prepared statement outlives a transaction (verify says the same five times),
a transaction pooler is recognized by its behaviour on any port, apply/rollback through it
are refused with one line and leave no lock, and the migration lock is transaction-scoped
(no pooler can strand it). The client path: a short concurrent mix of PostgREST-style
requests, several clients sharing fewer server connections, where no claim, role or result
reaches another client.
"""

from __future__ import annotations

import json
import threading
import time

import psycopg
import pytest

from abr_db.acting import act_as, seeded_id
from abr_db.bookkeeping import LOCK_KEY
from abr_db.lock import lock_holders, migration_lock
from abr_db.server_kind import detect, probe_transaction_pooler

MIX_SECONDS = 3.0


def _pooled(pgbouncer, url: str) -> str:
    return pgbouncer.url_for(url.rsplit("/", 1)[1])


def test_a_transaction_pooler_is_recognized_by_behaviour(pgbouncer, demo_db):
    pooled, why = probe_transaction_pooler(_pooled(pgbouncer, demo_db))
    assert pooled, "PgBouncer in transaction mode was not recognized"
    assert "server process" in why or "waited" in why
    direct = detect(demo_db)
    assert not direct.transaction_pooler and not direct.in_recovery


def test_verify_through_the_pooler_says_the_same_five_times(cli, pgbouncer, demo_db):
    url = _pooled(pgbouncer, demo_db)
    runs = [cli("verify", "--db-url", url) for _ in range(5)]
    assert [r.exit_code for r in runs] == [0] * 5, runs[-1].stdout + runs[-1].stderr
    assert "DuplicatePreparedStatement" not in "".join(r.stdout + r.stderr for r in runs)
    outputs = {_without_timings(r.stdout) for r in runs}
    assert len(outputs) == 1, outputs


def _without_timings(text: str) -> str:
    import re

    return re.sub(r"\d+(\.\d+)? ?(s|ms)\b", "<t>", text)


def test_apply_through_the_pooler_is_refused_and_leaves_no_lock(cli, pgbouncer, demo_db):
    url = _pooled(pgbouncer, demo_db)
    for args in (("apply",), ("rollback", "--to", "0")):
        result = cli(*args, "--db-url", url)
        assert result.exit_code == 2, result.stdout + result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "transaction pooler" in lines[0] and "session pooler" in lines[0], lines
    assert lock_holders(demo_db) == []
    started = time.monotonic()
    direct = cli("apply", "--db-url", demo_db)  # would wait forever behind a stranded lock
    assert direct.exit_code == 0, direct.stdout + direct.stderr
    assert time.monotonic() - started < 120
    assert lock_holders(demo_db) == []


def test_the_migration_lock_cannot_be_stranded_by_the_pooler(pgbouncer, demo_db):
    url = _pooled(pgbouncer, demo_db)
    with migration_lock(url, quiet=True):
        assert len(lock_holders(demo_db)) == 1
        with psycopg.connect(url, autocommit=True, prepare_threshold=None) as other:
            got = other.execute("select pg_try_advisory_xact_lock(%s)", (LOCK_KEY,)).fetchone()[0]
            assert got is False, "a second apply got the lock while the first held it"
    assert lock_holders(demo_db) == [], "the lock outlived the apply"

    # Why: a session-level lock taken through the pooler stays with the pooled server connection.
    with psycopg.connect(url, autocommit=True, prepare_threshold=None) as conn:
        conn.execute("select pg_advisory_lock(%s)", (LOCK_KEY,))
    stranded = lock_holders(demo_db)
    try:
        assert len(stranded) == 1, "PgBouncer released a session lock: the demonstration is void"
    finally:
        with psycopg.connect(demo_db, autocommit=True) as conn:
            for pid in stranded:
                conn.execute("select pg_terminate_backend(%s)", (pid,))
    deadline = time.monotonic() + 10
    while lock_holders(demo_db) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert lock_holders(demo_db) == []


# The concurrent client mix ---------------------------------------------------------------

MIX_USERS = {  # demo user -> (role claim, request)
    "henri": "select public.my_dashboard('en')::text",
    "lea": "select public.my_dashboard('fr')::text",
    "bruno": "select coalesce(jsonb_agg(d order by d::text), '[]')::text from public.org_directory() as d",
    "kofi": "select coalesce(jsonb_agg(d order by d::text), '[]')::text from public.org_directory() as d",
}
ANON_REQUEST = "select coalesce(jsonb_agg(public.feature_enabled('ai_coach')), '[]')::text"


def _request(conn: psycopg.Connection, who: str) -> tuple:
    """One PostgREST-style request: a transaction, the role and claims local to it."""
    with conn.transaction():
        cur = conn.cursor()
        if who == "anon":
            act_as(cur, "anon")
            sql = ANON_REQUEST
        else:
            act_as(cur, "authenticated", seeded_id(f"user:{who}"), f"{who}@demo.abr.test")
            sql = MIX_USERS[who]
        seen = cur.execute(
            "select current_user::text, auth.uid()::text, current_setting('request.jwt.claims', true)"
        ).fetchone()
        result = cur.execute(sql).fetchone()[0]
    return seen, result


def _expected(url: str) -> dict:
    with psycopg.connect(url, prepare_threshold=None) as conn:
        return {who: _request(conn, who) for who in [*MIX_USERS, "anon"]}


def test_concurrent_clients_through_the_pooler_never_see_each_other(pgbouncer, demo_db):
    expected = _expected(demo_db)  # direct, one client at a time
    for who, (seen, _) in expected.items():
        claims = json.loads(seen[2])
        assert seen[0] == ("anon" if who == "anon" else "authenticated")
        assert claims.get("sub") == (None if who == "anon" else seeded_id(f"user:{who}"))
    url = _pooled(pgbouncer, demo_db)
    clients = [*MIX_USERS, "anon"]  # 5 clients over the pooler's 4 server connections
    problems: list[str] = []
    counts: dict[str, int] = {}
    backends: set[int] = set()
    start = threading.Barrier(len(clients))

    def client(who: str) -> None:
        n = 0
        try:
            with psycopg.connect(url, prepare_threshold=None) as conn:
                start.wait()
                until = time.monotonic() + MIX_SECONDS
                while time.monotonic() < until:
                    got = _request(conn, who)
                    if got != expected[who]:
                        problems.append(f"{who}: {got!r} != {expected[who]!r}")
                    # Between requests nothing of any request is left on the session.
                    conn.autocommit = True
                    after = conn.execute(
                        "select current_user::text, coalesce(current_setting('request.jwt.claims', true), ''),"
                        " pg_backend_pid()"
                    ).fetchone()
                    conn.autocommit = False
                    backends.add(after[2])
                    if after[:2] != ("postgres", ""):
                        problems.append(f"{who}: between requests the session was {after[:2]!r}")
                    n += 1
        except Exception as exc:  # noqa: BLE001 - reported below
            problems.append(f"{who}: {type(exc).__name__}: {exc}")
        counts[who] = n

    threads = [threading.Thread(target=client, args=(who,)) for who in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(MIX_SECONDS + 60)
    assert not problems, problems[:5]
    assert all(counts.get(who, 0) > 0 for who in clients), counts
    assert len(backends) <= pgbouncer.pool_size, "more server connections than the pool allows"
