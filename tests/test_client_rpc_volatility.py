"""Client RPCs are declared for what they do, so that a frontend can route them: a STABLE one
writes nothing (supabase-js may send it as GET, to a read replica), and one that only reads is
STABLE (else it needs the primary for no reason).

What a function does is read from the catalog: its body and the bodies of every public or
private function it calls, transitively. A body writes when it inserts, updates, deletes or
merges, takes a row lock, draws a sequence value or sends a notification. (The behaviour is
checked too: tests/test_standby_reads.py runs every STABLE client RPC in read-only
transactions, on the primary and on a hot standby.)
"""

from __future__ import annotations

import re

import psycopg

WRITES = re.compile(
    r"\binsert\s+into\b|\bupdate\s+(only\s+)?[\w.\"]+(\s+(as\s+)?\w+)?\s+set\b|\bdelete\s+from\b|\bmerge\s+into\b"
    r"|\bfor\s+(no\s+key\s+)?update\b|\bfor\s+(key\s+)?share\b|\bnextval\s*\(|\bpg_notify\s*\(|\brealtime\.send\s*\("
    r"|\bcron\.(un)?schedule",
    re.IGNORECASE,
)
CALLS = re.compile(r"\b(public|private)\s*\.\s*(\w+)\s*\(", re.IGNORECASE)

CLIENT_RPCS = """
    select p.proname::text, p.provolatile::text from pg_catalog.pg_proc as p
    where p.pronamespace = 'public'::regnamespace
      and (has_function_privilege('authenticated', p.oid, 'execute')
           or has_function_privilege('anon', p.oid, 'execute'))
"""
BODIES = """
    select n.nspname::text || '.' || p.proname::text, p.prosrc from pg_catalog.pg_proc as p
    join pg_catalog.pg_namespace as n on n.oid = p.pronamespace
    where n.nspname in ('public', 'private') and p.prokind = 'f'
"""


def _closure_writes(name: str, bodies: dict[str, list[str]]) -> list[str]:
    """The functions (from public.`name` on) whose bodies write, following calls."""
    seen, todo, writers = set(), [f"public.{name}"], []
    while todo:
        fn = todo.pop()
        if fn in seen or fn not in bodies:
            continue
        seen.add(fn)
        for src in bodies[fn]:
            if WRITES.search(_code(src)):
                writers.append(fn)
            todo += [f"{s.lower()}.{n.lower()}" for s, n in CALLS.findall(src)]
    return sorted(set(writers))


def _code(src: str) -> str:
    """The body without comments and without messages (a string that mentions 'update ... set' is no write)."""
    src = re.sub(r"--[^\n]*", " ", src)
    src = re.sub(r"/\*.*?\*/", " ", src, flags=re.S)
    return re.sub(r"(message|hint|detail)\s*=\s*'(?:[^']|'')*'", " ", src, flags=re.IGNORECASE)


def _catalog(url: str):
    with psycopg.connect(url) as conn:
        rpcs = conn.execute(CLIENT_RPCS).fetchall()
        bodies: dict[str, list[str]] = {}
        for fn, src in conn.execute(BODIES).fetchall():
            bodies.setdefault(fn, []).append(src)
    return rpcs, bodies


def test_a_client_rpc_that_only_reads_is_stable_and_a_stable_one_writes_nothing(applied_db):
    rpcs, bodies = _catalog(applied_db)
    assert len(rpcs) > 30
    stable_writers, volatile_readers = {}, []
    for name, volatility in rpcs:
        writers = _closure_writes(name, bodies)
        if volatility in ("s", "i") and writers:
            stable_writers[name] = writers
        elif volatility == "v" and not writers:
            volatile_readers.append(name)
    assert not stable_writers, f"STABLE client RPCs that write (make them VOLATILE or move the write): {stable_writers}"
    assert not volatile_readers, f"client RPCs that only read but are not STABLE: {volatile_readers}"


def test_the_check_sees_a_write_and_a_read(applied_db):
    """The detector itself: a counter update is a write, a message that says 'update ... set' is not."""
    bodies = {
        "public.w": ["select private.w_impl($1)"],
        "private.w_impl": ["begin update public.resources as re set download_count = 1 where re.id = $1; end"],
        "public.r": ["begin raise exception using message = 'update the row set first'; return 1; end"],
    }
    assert _closure_writes("w", bodies) == ["private.w_impl"]
    assert _closure_writes("r", bodies) == []
