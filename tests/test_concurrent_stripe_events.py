"""The same Stripe event delivered twice at the same moment, on two connections (which a single
pgTAP transaction cannot do). The first delivery claims the event id in the ledger and holds its
transaction open; the second waits on that key (seen in pg_locks, not timed). When the first
commits, the second answers 'duplicate': one subscription, one audit event. When the first fails
(rolls back), the second applies the event itself: a failed effect leaves no ledger row."""

from __future__ import annotations

import json
import threading
import uuid

import psycopg
import pytest

from abr_db import migrate
from abr_db.acting import act_as
from abr_db.paths import Project

EPOCH = 1767225600


@pytest.fixture(scope="module")
def stripe_db(cluster, project_snapshot):
    """A database of this module's own: the deliveries commit their rows."""
    name = "t_stripe_" + uuid.uuid4().hex[:8]
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'create database "{name}"')
    url = cluster.url_for(name)
    migrate.apply(url, bootstrap=True, proj=Project(project_snapshot), quiet=True)
    yield url
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')


def arrange(url: str) -> dict:
    salt = uuid.uuid4().hex[:10]
    ids = {"org": str(uuid.uuid4()), "salt": salt, "price": f"price_{salt}", "sub": f"sub_{salt}"}
    with psycopg.connect(url) as conn:
        conn.execute(
            "insert into public.organizations (id, name, slug, admin_email) values (%s, 'Race', %s, 'a@race.test')",
            (ids["org"], "race-" + salt),
        )
        conn.execute(
            "insert into public.billing_prices (stripe_price_id, plan_tier, plan_name) values (%s, 'professional', 'Pro')",
            (ids["price"],),
        )
    return ids


def event(ids: dict) -> str:
    """customer.subscription.created in Stripe's shape (API 2025-03-31: the period on the item)."""
    sub = {
        "id": ids["sub"], "object": "subscription", "customer": f"cus_{ids['salt']}", "status": "active",
        "created": EPOCH, "cancel_at_period_end": False, "metadata": {"organization_id": ids["org"]},
        "items": {"object": "list", "data": [{
            "id": f"si_{ids['salt']}", "object": "subscription_item", "quantity": 2,
            "current_period_start": EPOCH, "current_period_end": EPOCH + 2678400,
            "price": {"id": ids["price"], "object": "price", "currency": "cad", "unit_amount": 2500,
                      "recurring": {"interval": "month", "interval_count": 1}},
        }]},
    }
    return json.dumps({
        "id": f"evt_{ids['salt']}", "object": "event", "api_version": "2025-03-31.basil", "created": EPOCH,
        "type": "customer.subscription.created", "data": {"object": sub}, "livemode": False,
    })


def deliver_in_open_transaction(conn: psycopg.Connection, payload: str) -> str:
    cur = conn.cursor()
    act_as(cur, "service_role")
    return cur.execute("select public.apply_stripe_event(%s::jsonb) ->> 'result'", (payload,)).fetchone()[0]


def wait_until_blocked(url: str, pid: int) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        for _ in range(2000):
            waiting = conn.execute(
                "select exists (select from pg_locks where pid = %s and not granted)", (pid,)
            ).fetchone()[0]
            if waiting:
                return
            conn.execute("select pg_sleep(0.01)")
    raise AssertionError(f"backend {pid} never waited for a lock: the two deliveries did not contend")


@pytest.mark.parametrize("first_ends, expected_second", [("commit", "duplicate"), ("rollback", "applied")])
def test_same_event_twice_at_once(stripe_db, first_ends, expected_second):
    ids = arrange(stripe_db)
    payload = event(ids)
    first = psycopg.connect(stripe_db)
    second = psycopg.connect(stripe_db)
    outcome: dict = {}
    try:
        assert deliver_in_open_transaction(first, payload) == "applied"

        def race() -> None:
            try:
                outcome["result"] = deliver_in_open_transaction(second, payload)
                second.commit()
            except psycopg.Error as exc:
                second.rollback()
                outcome["result"] = (exc.sqlstate, exc.diag.message_primary)

        thread = threading.Thread(target=race)
        thread.start()
        wait_until_blocked(stripe_db, second.info.backend_pid)
        assert "result" not in outcome, "the second delivery finished while the first held the event id"
        getattr(first, first_ends)()
        thread.join(timeout=60)
        assert not thread.is_alive(), "the second delivery never finished"
    finally:
        first.close()
        second.close()

    assert outcome["result"] == expected_second
    with psycopg.connect(stripe_db, autocommit=True) as conn:
        subs = conn.execute(
            "select count(*), min(seat_count) from public.subscriptions where organization_id = %s", (ids["org"],)
        ).fetchone()
        audited = conn.execute(
            "select count(*) from public.audit_logs where organization_id = %s"
            " and action = 'stripe.customer.subscription.created'",
            (ids["org"],),
        ).fetchone()[0]
        seats = conn.execute(
            "select count(*) from public.subscription_seats where organization_id = %s", (ids["org"],)
        ).fetchone()[0]
        ledger = conn.execute(
            "select count(*) from private.stripe_events where event_id = %s", (f"evt_{ids['salt']}",)
        ).fetchone()[0]
    assert subs == (1, 2)
    assert (audited, seats, ledger) == (1, 2, 1)
