"""Two coaching requests of one organization race for the last session of its monthly allowance,
from two real connections as the coaching server (service_role). The first call takes the usage row;
the second waits on it (seen in pg_locks, not timed), then, once the first commits, finds the
allowance used up and is refused with 42501. A retry racing its own first attempt (the same request
key) waits on the key and returns the first attempt's session. The usage never passes the limit."""

from __future__ import annotations

import threading
import uuid

import psycopg
import pytest

from abr_db import migrate
from abr_db.acting import act_as
from abr_db.paths import Project

ARRANGE = """
insert into public.organizations (id, name, slug, admin_email)
values (%(org)s, 'Coach race', %(slug)s, 'admin@coach-race.test');
insert into auth.users (id, email, raw_user_meta_data)
select u.id, u.email, '{}'::jsonb
from (values (%(u1)s::uuid, %(slug)s || '-u1@coach-race.test'), (%(u2)s::uuid, %(slug)s || '-u2@coach-race.test'))
  as u (id, email);
update public.profiles set organization_id = %(org)s where id in (%(u1)s, %(u2)s);
insert into private.coaching_session_usage (holder_id, month, sessions)
select %(org)s, private.toronto_month(now()), l.monthly_sessions - 1
from private.coaching_session_limits as l where l.tier = 'free';
"""


@pytest.fixture(scope="module")
def coach_db(cluster, project_snapshot):
    """A database of this module's own: the races commit their rows."""
    name = "t_coach_" + uuid.uuid4().hex[:8]
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'create database "{name}"')
    url = cluster.url_for(name)
    migrate.apply(url, bootstrap=True, proj=Project(project_snapshot), quiet=True)
    yield url
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')


def arrange(url: str) -> dict:
    """An organization without subscription (free tier) with one session of its allowance left."""
    ids = {k: str(uuid.uuid4()) for k in ("org", "u1", "u2")}
    ids["slug"] = "coach-race-" + ids["org"][:8]
    with psycopg.connect(url) as conn:  # one transaction
        for statement in ARRANGE.split(";\n"):
            if statement.strip():
                conn.execute(statement, ids)
    return ids


def record_in_open_transaction(conn: psycopg.Connection, key: str, user: str) -> str:
    """record_coaching_session as the server, PostgREST-style, leaving the transaction open."""
    cur = conn.cursor()
    act_as(cur, "service_role")
    cur.execute(
        "select id::text from public.record_coaching_session(%s, %s, 'motivation', 'Keep going.')", (key, user)
    )
    return cur.fetchone()[0]


def wait_until_blocked(url: str, pid: int) -> None:
    """Until the backend `pid` waits for a lock (the other transaction's row or key)."""
    with psycopg.connect(url, autocommit=True) as conn:
        for _ in range(2000):
            waiting = conn.execute(
                "select exists (select from pg_locks where pid = %s and not granted)", (pid,)
            ).fetchone()[0]
            if waiting:
                return
            conn.execute("select pg_sleep(0.01)")
    raise AssertionError(f"backend {pid} never waited for a lock: the two calls did not contend")


def race(url: str, ids: dict, first_key: str, second_key: str, second_user: str) -> tuple[str, object]:
    first = psycopg.connect(url)
    second = psycopg.connect(url)
    outcome: dict = {}
    try:
        first_session = record_in_open_transaction(first, first_key, ids["u1"])

        def run() -> None:
            try:
                outcome["result"] = record_in_open_transaction(second, second_key, second_user)
                second.commit()
            except psycopg.Error as exc:
                second.rollback()
                outcome["result"] = (exc.sqlstate, exc.diag.message_primary)

        thread = threading.Thread(target=run)
        thread.start()
        wait_until_blocked(url, second.info.backend_pid)
        assert "result" not in outcome, "the second call finished while the first held the allowance"
        first.commit()
        thread.join(timeout=60)
        assert not thread.is_alive(), "the second call never finished"
    finally:
        first.close()
        second.close()
    return first_session, outcome["result"]


def usage_and_sessions(url: str, ids: dict) -> tuple[int, int, int]:
    with psycopg.connect(url, autocommit=True) as conn:
        used, limit = conn.execute(
            "select u.sessions, l.monthly_sessions from private.coaching_session_usage as u"
            " cross join private.coaching_session_limits as l"
            " where u.holder_id = %s and l.tier = 'free'",
            (ids["org"],),
        ).fetchone()
        sessions = conn.execute(
            "select count(*) from public.ai_coaching_sessions where user_id in (%s, %s)", (ids["u1"], ids["u2"])
        ).fetchone()[0]
    return used, limit, sessions


def test_two_members_race_for_the_last_session_of_the_allowance(coach_db):
    ids = arrange(coach_db)
    _, result = race(coach_db, ids, "race-a-" + ids["org"], "race-b-" + ids["org"], ids["u2"])
    assert result[0] == "42501"
    assert result[1].startswith("the monthly AI coaching allowance is used up")
    used, limit, sessions = usage_and_sessions(coach_db, ids)
    assert used == limit
    assert sessions == 1


def test_a_retry_racing_its_first_attempt_returns_the_same_session(coach_db):
    ids = arrange(coach_db)
    key = "race-same-" + ids["org"]
    first_session, result = race(coach_db, ids, key, key, ids["u1"])
    assert result == first_session
    used, limit, sessions = usage_and_sessions(coach_db, ids)
    assert used == limit
    assert sessions == 1
