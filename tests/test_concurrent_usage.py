"""Two consume_usage requests at the limit at the same moment, on two connections: the limit check and
the increment are one UPDATE, so the second waits for the first's row lock (seen in pg_locks, not timed),
then re-checks against the total the first left and is answered allowed = false (no error). The same
idempotency key sent twice at once is counted once."""

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
from (values (%(u1)s::uuid, %(slug)s || '-1@race.test'), (%(u2)s::uuid, %(slug)s || '-2@race.test')) as u (id, email);
update public.profiles set organization_id = %(org)s, role = 'learner' where id in (%(u1)s, %(u2)s);
insert into public.billing_prices (stripe_price_id, plan_tier, plan_name) values (%(price)s, 'professional', 'Race');
insert into public.plan_limits (plan_tier, stripe_price_id, metric_type, period_limit, hard_limit)
values ('professional', %(price)s, 'ai_coach_sessions', 1, true);
insert into public.subscriptions (
  organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, plan_tier, plan_name,
  billing_interval, seat_count, amount_cents, status, current_period_start, current_period_end
) values (
  %(org)s, %(slug)s || '-sub', %(slug)s || '-cus', %(price)s, 'professional', 'Race',
  'month', 2, 0, 'active', now() - interval '1 day', now() + interval '29 days'
)
"""


@pytest.fixture(scope="module")
def usage_db(cluster, project_snapshot):
    name = "t_usage_" + uuid.uuid4().hex[:8]
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'create database "{name}"')
    url = cluster.url_for(name)
    migrate.apply(url, bootstrap=True, proj=Project(project_snapshot), quiet=True)
    yield url
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')


def arrange(url: str) -> dict:
    ids = {k: str(uuid.uuid4()) for k in ("org", "u1", "u2")}
    ids["slug"] = "race-" + ids["org"][:8]
    ids["price"] = "price_" + ids["org"][:8]
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
    raise AssertionError(f"backend {pid} never waited for a lock: the two requests did not contend")


def consume(conn: psycopg.Connection, user: str, key: str) -> dict:
    cur = conn.cursor()
    act_as(cur, "authenticated", user)
    return cur.execute("select public.consume_usage('ai_coach_sessions', 1, %s)", (key,)).fetchone()[0]


@pytest.mark.parametrize("same_key", [False, True], ids=["two-requests", "same-key-twice"])
def test_two_requests_at_the_limit(usage_db, same_key):
    ids = arrange(usage_db)
    first = psycopg.connect(usage_db)
    second = psycopg.connect(usage_db)
    outcome: dict = {}
    try:
        assert consume(first, ids["u1"], "k1")["allowed"] is True

        def run() -> None:
            outcome["result"] = consume(second, ids["u2"], "k1" if same_key else "k2")
            second.commit()

        thread = threading.Thread(target=run)
        thread.start()
        wait_until_blocked(usage_db, second.info.backend_pid)
        assert "result" not in outcome
        first.commit()
        thread.join(timeout=60)
        assert not thread.is_alive()
    finally:
        first.close()
        second.close()
    if same_key:
        assert (outcome["result"]["allowed"], outcome["result"]["replayed"]) == (True, True)
    else:
        assert (outcome["result"]["allowed"], outcome["result"]["replayed"]) == (False, False)
    with psycopg.connect(usage_db, autocommit=True) as conn:
        rows, total = conn.execute(
            "select count(*), sum(quantity) from public.usage_tracking where organization_id = %s", (ids["org"],)
        ).fetchone()
    assert (rows, total) == (1, 1)
