"""Two org admins' assign_seat calls race for the last seat of a subscription, from two real
connections (which a single pgTAP transaction cannot do). The first call locks the subscription;
the second waits on that lock (seen in pg_locks, not timed), then, once the first commits, counts
the seats again and is refused with 23505. seats_used never passes seat_count."""

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
values (%(org)s, 'Race', %(slug)s, 'admin@race.test');
insert into auth.users (id, email, raw_user_meta_data)
select u.id, u.email, '{}'::jsonb
from (values (%(admin)s::uuid, %(slug)s || '-admin@race.test'), (%(u1)s::uuid, %(slug)s || '-u1@race.test'),
             (%(u2)s::uuid, %(slug)s || '-u2@race.test')) as u (id, email);
update public.profiles set organization_id = %(org)s,
  role = case when id = %(admin)s then 'org_admin' else 'learner' end
where id in (%(admin)s, %(u1)s, %(u2)s);
insert into public.subscriptions (
  id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, plan_tier, plan_name,
  billing_interval, seat_count, amount_cents, status, current_period_start, current_period_end
) values (
  %(sub)s, %(org)s, %(slug)s || '-sub', %(slug)s || '-cus', 'price_pro', 'professional', 'Professional',
  'year', 1, 100, 'active', now(), now() + interval '1 year'
);
insert into public.subscription_seats (id, subscription_id, organization_id, status)
values (%(s1)s, %(sub)s, %(org)s, 'available'), (%(s2)s, %(sub)s, %(org)s, 'available');
"""


@pytest.fixture(scope="module")
def seats_db(cluster, project_snapshot):
    """A database of this module's own: the races commit their rows."""
    name = "t_seats_" + uuid.uuid4().hex[:8]
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'create database "{name}"')
    url = cluster.url_for(name)
    migrate.apply(url, bootstrap=True, proj=Project(project_snapshot), quiet=True)
    yield url
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')


def arrange(url: str) -> dict:
    ids = {k: str(uuid.uuid4()) for k in ("org", "admin", "u1", "u2", "sub", "s1", "s2")}
    ids["slug"] = "race-" + ids["org"][:8]
    with psycopg.connect(url) as conn:  # one transaction
        for statement in ARRANGE.split(";\n"):
            if statement.strip():
                conn.execute(statement, ids)
    return ids


def assign_in_open_transaction(conn: psycopg.Connection, ids: dict, seat: str, user: str) -> None:
    """assign_seat as the org admin, PostgREST-style, leaving the transaction open."""
    cur = conn.cursor()
    act_as(cur, "authenticated", ids["admin"])
    cur.execute("select public.assign_seat(%s, %s)", (ids[seat], ids[user]))


def wait_until_blocked(url: str, pid: int) -> None:
    """Until the backend `pid` waits for a lock (the other transaction's subscription row)."""
    with psycopg.connect(url, autocommit=True) as conn:
        for _ in range(2000):
            waiting = conn.execute(
                "select exists (select from pg_locks where pid = %s and not granted)", (pid,)
            ).fetchone()[0]
            if waiting:
                return
            conn.execute("select pg_sleep(0.01)")
    raise AssertionError(f"backend {pid} never waited for a lock: the two calls did not contend")


@pytest.mark.parametrize(
    "second_seat, expected_message",
    [
        ("s2", "all 1 seats of the subscription are in use"),  # another seat row, no place left
        ("s1", "seat is not available (status assigned)"),  # the very same seat row
    ],
    ids=["another-seat-row", "same-seat-row"],
)
def test_two_concurrent_assignments_of_the_last_seat(seats_db, second_seat, expected_message):
    ids = arrange(seats_db)
    first = psycopg.connect(seats_db)
    second = psycopg.connect(seats_db)
    outcome: dict = {}
    try:
        assign_in_open_transaction(first, ids, "s1", "u1")

        def race() -> None:
            try:
                assign_in_open_transaction(second, ids, second_seat, "u2")
                second.commit()
                outcome["result"] = "assigned"
            except psycopg.Error as exc:
                second.rollback()
                outcome["result"] = (exc.sqlstate, exc.diag.message_primary)

        thread = threading.Thread(target=race)
        thread.start()
        wait_until_blocked(seats_db, second.info.backend_pid)
        assert "result" not in outcome, "the second call finished while the first held the subscription"
        first.commit()
        thread.join(timeout=60)
        assert not thread.is_alive(), "the second call never finished"
    finally:
        first.close()
        second.close()

    assert outcome["result"] == ("23505", expected_message)
    with psycopg.connect(seats_db, autocommit=True) as conn:
        seats_used, seat_count = conn.execute(
            "select seats_used, seat_count from public.subscriptions where id = %s", (ids["sub"],)
        ).fetchone()
        holders = conn.execute(
            "select assigned_to_user_id::text from public.subscription_seats"
            " where subscription_id = %s and status in ('assigned', 'active')",
            (ids["sub"],),
        ).fetchall()
        seated = conn.execute(
            "select id::text from public.profiles where seat_id is not null and id in (%s, %s)",
            (ids["u1"], ids["u2"]),
        ).fetchall()
    assert (seats_used, seat_count) == (1, 1)
    assert holders == [(ids["u1"],)]
    assert seated == [(ids["u1"],)]
