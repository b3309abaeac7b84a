"""Member races on two real connections (a single pgTAP transaction cannot hold two):
- one invitation accepted twice at the same moment: one join, one seat, the second call answers the same;
- two org admins demoting each other at the same moment, through change_member_role and through direct
  profile updates (the keep_an_org_admin trigger): one wins, the organization keeps an org admin.
The second call is seen waiting on a lock (pg_locks), never timed."""

from __future__ import annotations

import threading
import uuid

import psycopg
import pytest

from abr_db import migrate
from abr_db.acting import act_as
from abr_db.paths import Project

ARRANGE = """
insert into public.organizations (id, name, slug, admin_email) values (%(org)s, 'Race', %(slug)s, 'a@race.test');
insert into auth.users (id, email, raw_user_meta_data, email_confirmed_at)
select u.id, u.email, '{}'::jsonb, now()
from (values (%(a)s::uuid, %(slug)s || '-a@race.test'), (%(b)s::uuid, %(slug)s || '-b@race.test'),
             (%(invitee)s::uuid, %(slug)s || '-invitee@race.test')) as u (id, email);
update public.profiles set organization_id = %(org)s, role = 'org_admin' where id in (%(a)s, %(b)s);
insert into public.subscriptions (
  id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, plan_tier, plan_name,
  billing_interval, seat_count, amount_cents, status, current_period_start, current_period_end
) values (
  %(sub)s, %(org)s, %(slug)s || '-sub', %(slug)s || '-cus', 'price_x', 'professional', 'Pro',
  'month', 2, 0, 'active', now(), now() + interval '1 month'
);
select private.fit_seats_to_count(%(sub)s, 2);
"""


@pytest.fixture(scope="module")
def members_db(cluster, project_snapshot):
    name = "t_members_" + uuid.uuid4().hex[:8]
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'create database "{name}"')
    url = cluster.url_for(name)
    migrate.apply(url, bootstrap=True, proj=Project(project_snapshot), quiet=True)
    yield url
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')


def arrange(url: str) -> dict:
    ids = {k: str(uuid.uuid4()) for k in ("org", "a", "b", "invitee", "sub")}
    ids["slug"] = "race-" + ids["org"][:8]
    with psycopg.connect(url) as conn:
        for statement in ARRANGE.split(";\n"):
            if statement.strip():
                conn.execute(statement, ids)
    return ids


def wait_until_blocked(url: str, pid: int) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        for _ in range(2000):
            if conn.execute("select exists (select from pg_locks where pid = %s and not granted)", (pid,)).fetchone()[0]:
                return
            conn.execute("select pg_sleep(0.01)")
    raise AssertionError(f"backend {pid} never waited for a lock: the two calls did not contend")


def race(url: str, first_sql: tuple, second_sql: tuple) -> tuple:
    """Runs first_sql (left open), then second_sql on another connection until it blocks, then commits the
    first. Each is (role user id, sql, params). Returns (first result, second result or (sqlstate, message))."""
    first = psycopg.connect(url)
    second = psycopg.connect(url)
    outcome: dict = {}
    try:
        cur = first.cursor()
        act_as(cur, "authenticated", first_sql[0])
        first_result = cur.execute(first_sql[1], first_sql[2]).fetchone()

        def run() -> None:
            try:
                c = second.cursor()
                act_as(c, "authenticated", second_sql[0])
                outcome["result"] = c.execute(second_sql[1], second_sql[2]).fetchone()
                second.commit()
            except psycopg.Error as exc:
                second.rollback()
                outcome["result"] = (exc.sqlstate, exc.diag.message_primary)

        thread = threading.Thread(target=run)
        thread.start()
        wait_until_blocked(url, second.info.backend_pid)
        assert "result" not in outcome, "the second call finished while the first held its locks"
        first.commit()
        thread.join(timeout=60)
        assert not thread.is_alive()
    finally:
        first.close()
        second.close()
    return first_result, outcome["result"]


def test_one_invitation_accepted_twice_at_once(members_db):
    ids = arrange(members_db)
    with psycopg.connect(members_db) as conn:
        cur = conn.cursor()
        act_as(cur, "authenticated", ids["a"])
        token = cur.execute(
            "select public.invite_member(%s, 'learner') ->> 'token'", (ids["slug"] + "-invitee@race.test",)
        ).fetchone()[0]
    accept = (ids["invitee"], "select public.accept_invitation(%s) ->> 'role'", (token,))
    first, second = race(members_db, accept, accept)
    assert first == ("learner",)
    assert second == ("learner",), "the second acceptance answers the same, without a second join"
    with psycopg.connect(members_db, autocommit=True) as conn:
        seats_used, assigned, joins = conn.execute(
            """select s.seats_used,
                 (select count(*) from public.subscription_seats ss where ss.subscription_id = s.id
                  and ss.assigned_to_user_id = %(invitee)s),
                 (select count(*) from public.audit_logs where resource_id = %(invitee)s
                  and action = 'organization_change')
               from public.subscriptions s where s.id = %(sub)s""",
            ids,
        ).fetchone()
    assert (seats_used, assigned, joins) == (1, 1, 1)


@pytest.mark.parametrize(
    "how, sql, expected_second",
    [
        ("rpc", "select public.change_member_role(%s, 'learner')::text",
         ("42501", "only an organization admin may change member roles")),
        ("direct update", "update public.profiles set role = 'learner' where id = %s returning role",
         ("23505", "the organization must keep at least one org admin")),
    ],
    ids=["change_member_role", "direct-update"],
)
def test_two_admins_demoting_each_other(members_db, how, sql, expected_second):
    ids = arrange(members_db)
    first, second = race(members_db, (ids["a"], sql, (ids["b"],)), (ids["b"], sql, (ids["a"],)))
    assert second == expected_second, how
    with psycopg.connect(members_db, autocommit=True) as conn:
        roles = dict(conn.execute(
            "select id::text, role from public.profiles where id in (%s, %s)", (ids["a"], ids["b"])
        ).fetchall())
    assert roles == {ids["a"]: "org_admin", ids["b"]: "learner"}
