"""Two coaching requests of one organization race for the last session of its allowance, from two
real connections as the coaching server (service_role). The organization has a subscription, so the
allowance is the usage metering's ai_coach_sessions counter of its billing period (private.meter_usage,
limit from a plan_limits row of its own price). The first call takes the counter row; the second waits
on it (seen in pg_locks, not timed), then, once the first commits, finds the allowance used up and is
refused with 42501. A retry racing its own first attempt (the same request key) waits on the key and
returns the first attempt's session. The usage never passes the limit. The same race on the fallback
(an organization without a subscription: the free tier's plan_limits row per Toronto month)."""

from __future__ import annotations

import threading
import uuid

import psycopg
import pytest

from abr_db import migrate
from abr_db.acting import act_as
from abr_db.paths import Project

ARRANGE_MEMBERS = """
insert into public.organizations (id, name, slug, admin_email)
values (%(org)s, 'Coach race', %(slug)s, 'admin@coach-race.test');
insert into auth.users (id, email, raw_user_meta_data)
select u.id, u.email, '{}'::jsonb
from (values (%(u1)s::uuid, %(slug)s || '-u1@coach-race.test'), (%(u2)s::uuid, %(slug)s || '-u2@coach-race.test'))
  as u (id, email);
update public.profiles set organization_id = %(org)s where id in (%(u1)s, %(u2)s);
"""

# A subscription of a price of its own allowing 2 sessions a billing period, one used.
ARRANGE_METERED = """
insert into public.billing_prices (stripe_price_id, plan_tier, plan_name)
values (%(price)s, 'professional', 'Coach race');
insert into public.plan_limits (plan_tier, stripe_price_id, metric_type, period_limit, hard_limit)
values ('professional', %(price)s, 'ai_coach_sessions', 2, true);
insert into public.subscriptions (
  organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, plan_tier, plan_name,
  billing_interval, seat_count, amount_cents, status, current_period_start, current_period_end
) values (
  %(org)s, 'sub_' || %(tag)s, 'cus_' || %(tag)s, %(price)s, 'professional', 'Coach race', 'month', 5, 0, 'active',
  now() - interval '10 days', now() + interval '20 days'
);
select private.record_usage(%(org)s, 'ai_coach_sessions', 1, 'used-before');
"""

# No subscription: the free tier's plan_limits row per Toronto month, one session left.
ARRANGE_FALLBACK = """
insert into private.coaching_session_usage (holder_id, month, sessions)
select %(org)s, private.toronto_month(now()), l.period_limit - 1
from public.plan_limits as l
where l.plan_tier = 'free' and l.stripe_price_id is null and l.metric_type = 'ai_coach_sessions';
"""

USED_AND_LIMIT = {
    True: "select c.quantity, l.period_limit from private.usage_counters as c"
    " inner join public.subscriptions as s on c.organization_id = s.organization_id"
    " inner join public.plan_limits as l on l.stripe_price_id = s.stripe_price_id"
    " and l.metric_type = 'ai_coach_sessions'"
    " where c.organization_id = %s and c.metric_type = 'ai_coach_sessions'"
    " and c.period_start <= now() and c.period_end > now()",
    False: "select u.sessions, l.period_limit from private.coaching_session_usage as u"
    " cross join public.plan_limits as l"
    " where u.holder_id = %s and l.plan_tier = 'free' and l.stripe_price_id is null"
    " and l.metric_type = 'ai_coach_sessions'",
}


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


def arrange(url: str, metered: bool = True) -> dict:
    """An organization with one session of its allowance left: metered (a subscription) or not."""
    ids = {k: str(uuid.uuid4()) for k in ("org", "u1", "u2")}
    ids["slug"] = "coach-race-" + ids["org"][:8]
    ids["tag"] = "coachrace_" + ids["org"][:8]
    ids["price"] = "price_" + ids["tag"]
    script = ARRANGE_MEMBERS + (ARRANGE_METERED if metered else ARRANGE_FALLBACK)
    with psycopg.connect(url) as conn:  # one transaction
        for statement in script.split(";\n"):
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


def usage_and_sessions(url: str, ids: dict, metered: bool = True) -> tuple[int, int, int]:
    with psycopg.connect(url, autocommit=True) as conn:
        used, limit = conn.execute(USED_AND_LIMIT[metered], (ids["org"],)).fetchone()
        sessions = conn.execute(
            "select count(*) from public.ai_coaching_sessions where user_id in (%s, %s)", (ids["u1"], ids["u2"])
        ).fetchone()[0]
    return used, limit, sessions


def test_two_members_race_for_the_last_session_of_the_metered_allowance(coach_db):
    ids = arrange(coach_db)
    _, result = race(coach_db, ids, "race-a-" + ids["org"], "race-b-" + ids["org"], ids["u2"])
    assert result == ("42501", "the AI coaching allowance of this billing period is used up (2 sessions on the"
                      " professional plan)")
    used, limit, sessions = usage_and_sessions(coach_db, ids)
    assert used == limit == 2
    assert sessions == 1


def test_a_retry_racing_its_first_attempt_returns_the_same_session(coach_db):
    ids = arrange(coach_db)
    key = "race-same-" + ids["org"]
    first_session, result = race(coach_db, ids, key, key, ids["u1"])
    assert result == first_session
    used, limit, sessions = usage_and_sessions(coach_db, ids)
    assert used == limit == 2
    assert sessions == 1


def test_two_members_race_for_the_last_session_of_the_monthly_fallback(coach_db):
    ids = arrange(coach_db, metered=False)
    _, result = race(coach_db, ids, "race-a-" + ids["org"], "race-b-" + ids["org"], ids["u2"])
    assert result[0] == "42501"
    assert result[1].startswith("the monthly AI coaching allowance is used up")
    used, limit, sessions = usage_and_sessions(coach_db, ids, metered=False)
    assert used == limit
    assert sessions == 1
