"""Every client read works on a read replica: a real streaming hot standby of the session's
cluster (the `standby` fixture: pg_basebackup -R, its own port) answers every STABLE client RPC
and each role's table reads exactly as the primary does, PostgREST-style (role and JWT claims
local to a read-only transaction), for anon and each demo user. No STABLE client RPC writes
(on the primary, in a read-only transaction, none fails with 25006). apply and rollback on the
standby are refused with one line (exit 2). The replication lag is measured and reported.
"""

from __future__ import annotations

import time

import psycopg
import pytest
from psycopg.sql import quote as q

from abr_db.acting import act_as, seeded_id

DEMO_USERS = ["ada", "bruno", "chantal", "desmond", "esther", "felix", "grace", "henri", "imani", "jules",
              "kofi", "lea"]

# Every STABLE client RPC, called as a supabase-js client would (`{x}`: demo values read first as the owner).
STABLE_CALLS = {
    "at_risk_learners": "select * from public.at_risk_learners(14, 50)",
    "coaching_context": "select public.coaching_context('en')",
    "feature_enabled": "select public.feature_enabled('ai_coach')",
    "get_lesson": "select * from public.get_lesson({lesson})",
    "get_resource_file": "select public.get_resource_file({resource})",
    "hybrid_search_tribunal_cases": "select * from public.hybrid_search_tribunal_cases('racial profiling', {vec}, 'en')",
    "leaderboard": "select * from public.leaderboard('organization', 10)",
    "match_tribunal_cases": "select * from public.match_tribunal_cases({vec}, 10)",
    "my_dashboard": "select public.my_dashboard('fr')",
    "my_learning_paths": "select * from public.my_learning_paths('en')",
    "my_onboarding": "select public.my_onboarding('en')",
    "my_org_analytics": "select public.my_org_analytics()",
    "org_audit_trail": "select * from public.org_audit_trail(50)",
    "org_directory": "select * from public.org_directory()",
    "recommend_courses": "select * from public.recommend_courses(5, 'en')",
    "related_cases_for_lesson": "select * from public.related_cases_for_lesson({lesson}, 5)",
    "related_tribunal_cases": "select * from public.related_tribunal_cases({case}, 5)",
    "retention_schedule": "select * from public.retention_schedule()",
    "run_saved_search": "select * from public.run_saved_search({saved})",
    "search_tribunal_case_facets": "select * from public.search_tribunal_case_facets('racial profiling', 'en')",
    "search_tribunal_cases": "select * from public.search_tribunal_cases('discrimination', 'en')",
    "seat_usage": "select * from public.seat_usage()",
    "usage_summary": "select * from public.usage_summary()",
    "verify_certificate": "select * from public.verify_certificate({cert}, {code})",
}

CLIENT_RPCS_SQL = """
    select p.proname::text, p.provolatile::text,
           has_function_privilege('anon', p.oid, 'execute') as anon
    from pg_catalog.pg_proc as p
    where p.pronamespace = 'public'::regnamespace
      and (has_function_privilege('authenticated', p.oid, 'execute')
           or has_function_privilege('anon', p.oid, 'execute'))
"""

READABLE_TABLES_SQL = """
    select c.relname::text from pg_catalog.pg_class as c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'v', 'm', 'p')
      and has_table_privilege(%s, c.oid, 'select')
    order by 1
"""


def _values(url: str) -> dict:
    with psycopg.connect(url, autocommit=True) as conn:
        cert, code = conn.execute(
            "select certificate_number, verification_code from public.certificates"
            " where verification_code is not null order by certificate_number limit 1"
        ).fetchone()
        resource = conn.execute(
            "select id::text from public.resources where is_published order by title_en, id limit 1"
        ).fetchone()[0]
        saved = conn.execute("select id::text from public.saved_searches order by name, id limit 1").fetchone()[0]
        vec = conn.execute(
            "select embedding::text from public.tribunal_cases where id = %s", (seeded_id("case:1"),)
        ).fetchone()[0]
    return {
        "cert": q(cert), "code": q(code), "vec": q(vec) + "::extensions.vector",
        "resource": q(resource) + "::uuid", "saved": q(saved) + "::uuid",
        "case": q(seeded_id("case:1")) + "::uuid", "lesson": q(seeded_id("lesson:f1")) + "::uuid",
    }


def _digest(cur: psycopg.Cursor, sql: str) -> tuple:
    """(rows, md5 of the rows as text in a fixed order), or the error (SQLSTATE, message)."""
    try:
        with cur.connection.transaction():
            cur.execute(f"select count(*), md5(coalesce(string_agg(r::text, '|' order by r::text), ''))"
                        f" from ({sql}) as r")
            return ("ok", *cur.fetchone())
    except psycopg.Error as exc:
        return ("error", exc.sqlstate, exc.diag.message_primary)


def read_suite(url: str, values: dict) -> dict:
    """{(who, what): result} for anon and each demo user: their table reads and the STABLE RPCs they may call."""
    results: dict = {}
    with psycopg.connect(url, prepare_threshold=None) as conn:
        conn.read_only = True  # each request: begin read only (PostgREST's GET)
        cur = conn.cursor()
        rpcs = {name: anon for name, vol, anon in cur.execute(CLIENT_RPCS_SQL).fetchall() if vol == "s"}
        tables = {role: [r[0] for r in cur.execute(READABLE_TABLES_SQL, (role,)).fetchall()]
                  for role in ("anon", "authenticated")}
        conn.commit()
        for who in ["anon", *DEMO_USERS]:
            role = "anon" if who == "anon" else "authenticated"
            calls = {f"rpc {n}": STABLE_CALLS[n].format(**values)
                     for n, anon in rpcs.items() if n in STABLE_CALLS and (anon or role != "anon")}
            reads = {f"table {t}": f"select * from public.{t}" for t in tables[role]}
            for what, sql in {**reads, **calls}.items():
                with conn.transaction():
                    if who == "anon":
                        act_as(cur, "anon")
                    else:
                        act_as(cur, "authenticated", seeded_id(f"user:{who}"), f"{who}@demo.abr.test")
                    results[(who, what)] = _digest(cur, sql)
                conn.commit()
    return results


@pytest.fixture(scope="module")
def suites(standby, demo_db):
    dbname = demo_db.rsplit("/", 1)[1]
    standby.wait_for_replay()
    values = _values(demo_db)
    primary = read_suite(demo_db, values)
    replica = read_suite(standby.url_for(dbname), values)
    return primary, replica


def test_every_stable_client_rpc_is_in_the_read_suite(demo_db):
    with psycopg.connect(demo_db) as conn:
        stable = {name for name, vol, _ in conn.execute(CLIENT_RPCS_SQL).fetchall() if vol == "s"}
    assert stable == set(STABLE_CALLS), (
        "add the new STABLE client RPC to STABLE_CALLS (it can be sent to a read replica)"
        if stable - set(STABLE_CALLS) else "remove the RPC that is gone or no longer STABLE"
    )


def test_no_stable_client_rpc_writes(suites):
    primary, _ = suites
    writes = {k: v for k, v in primary.items() if v[0] == "error" and v[1] == "25006"}
    assert not writes, f"STABLE client RPCs that write (a read-only transaction refused them): {writes}"


def test_the_standby_answers_every_client_read_as_the_primary(suites):
    primary, replica = suites
    assert set(primary) == set(replica)
    differ = {k: (primary[k], replica[k]) for k in primary if primary[k] != replica[k]}
    assert not differ, differ
    ok = sum(1 for v in primary.values() if v[0] == "ok")
    rpc_ok = {k[1] for k, v in primary.items() if v[0] == "ok" and k[1].startswith("rpc ")}
    assert ok > len(primary) // 2, "most reads should return rows, not errors"
    assert rpc_ok == {f"rpc {n}" for n in STABLE_CALLS}, "every STABLE RPC returns a result for someone"
    print(f"\nstandby reads: {len(primary)} requests, {ok} with rows, all identical to the primary")
    print(results_table(primary, replica))


def results_table(primary: dict, replica: dict) -> str:
    """A markdown table: per RPC (and for the table reads), callers with rows, errors, identical."""
    rows: dict[str, list[int]] = {}
    for (who, what), result in primary.items():
        key = what if what.startswith("rpc ") else "table reads (all readable tables)"
        r = rows.setdefault(key, [0, 0, 0])
        r[0 if result[0] == "ok" else 1] += 1
        r[2] += replica[(who, what)] == result
    lines = ["| read | requests with rows | refused (same error on both) | identical on the standby |",
             "|---|---|---|---|"]
    for key in sorted(rows):
        ok, err, same = rows[key]
        lines.append(f"| {key.removeprefix('rpc ')} | {ok} | {err} | {same}/{ok + err} |")
    return "\n".join(lines)


def test_apply_and_rollback_on_the_standby_are_refused_with_one_line(cli, standby, demo_db):
    url = standby.url_for(demo_db.rsplit("/", 1)[1])
    for args in (("apply",), ("rollback", "--to", "0")):
        result = cli(*args, "--db-url", url)
        assert result.exit_code == 2, result.stdout + result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "read-only standby" in lines[0] and "primary" in lines[0], lines


def test_replication_lag_is_measured(standby, demo_db):
    """Commit on the primary, then poll the standby until it sees the row: the time, 20 times.
    Reported (not asserted: speed is never a timed assertion); the immediate read's staleness too."""
    dbname = demo_db.rsplit("/", 1)[1]
    lags, stale_first_reads = [], 0
    with psycopg.connect(demo_db, autocommit=True) as p, \
            psycopg.connect(standby.url_for(dbname), autocommit=True) as s:
        p.execute("create table if not exists public.replication_probe (n int primary key)")
        try:
            standby.wait_for_replay()  # the table itself is there before the first probe
            for n in range(20):
                p.execute("insert into public.replication_probe values (%s)", (n,))
                t0 = time.monotonic()
                first = True
                while not s.execute("select exists (select from public.replication_probe where n = %s)",
                                    (n,)).fetchone()[0]:
                    stale_first_reads += first
                    first = False
                    if time.monotonic() - t0 > 30:
                        pytest.fail("the standby did not see a committed row within 30 s")
                    time.sleep(0.0005)
                lags.append(time.monotonic() - t0)
        finally:
            p.execute("drop table public.replication_probe")
    lags.sort()
    print(f"\nreplication lag over 20 commits: p50 {lags[10] * 1000:.1f} ms, max {lags[-1] * 1000:.1f} ms; "
          f"first read after the commit stale in {stale_first_reads} of 20")
