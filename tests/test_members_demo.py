"""From the demo seed: Maple's org admin invites a new address; a sign-up with it lands in the right
organization, team and role with a seat once its email is confirmed, and not before. The seed's own pending
invitation is accepted by its address with the demo token. Fleuve is metered. All in one rolled-back
transaction, so the shared demo database is left as seeded."""

from __future__ import annotations

import uuid

import psycopg

from abr_db.acting import act_as, act_as_owner, seeded_id


def test_invite_then_join_on_confirmation(demo_db):
    bruno, maple, team = seeded_id("user:bruno"), seeded_id("org:maple"), seeded_id("team:maple-policy")
    email = f"hire-{uuid.uuid4().hex[:8]}@demo.abr.test"
    newcomer = str(uuid.uuid4())
    with psycopg.connect(demo_db) as conn:
        cur = conn.cursor()
        act_as(cur, "authenticated", bruno)
        invited = cur.execute("select public.invite_member(%s, 'viewer', %s)", (email, team)).fetchone()[0]
        assert len(invited["token"]) == 64
        act_as_owner(cur)
        cur.execute(
            "insert into auth.users (id, email, raw_user_meta_data, aud, role)"
            " values (%s, %s, '{}', 'authenticated', 'authenticated')",
            (newcomer, email),
        )
        joined = "select organization_id::text, team_id::text, role, seat_id is not null from public.profiles where id = %s"
        assert cur.execute(joined, (newcomer,)).fetchone() == (None, None, "learner", False)
        cur.execute("update auth.users set email_confirmed_at = now() where id = %s", (newcomer,))
        assert cur.execute(joined, (newcomer,)).fetchone() == (maple, team, "viewer", True)
        used, assigned = cur.execute(
            "select s.seats_used, (select count(*) from public.subscription_seats ss where ss.subscription_id = s.id"
            " and ss.status in ('assigned', 'active')) from public.subscriptions s where s.organization_id = %s",
            (maple,),
        ).fetchone()
        assert used == assigned == 2

        # The seeded invitation, by its address, with the demo token.
        hire = str(uuid.uuid4())
        cur.execute(
            "insert into auth.users (id, email, raw_user_meta_data, aud, role, email_confirmed_at)"
            " values (%s, 'newhire@demo.abr.test', '{}', 'authenticated', 'authenticated', now())",
            (hire,),
        )
        # Confirmed at sign-up: the trigger has already joined them; accepting answers the same.
        act_as(cur, "authenticated", hire)
        token = cur.execute("select md5('invite:newhire') || md5('invite:newhire:2')").fetchone()[0]
        accepted = cur.execute("select public.accept_invitation(%s)", (token,)).fetchone()[0]
        assert accepted == {"organization_id": maple, "team_id": seeded_id("team:maple-hr"), "role": "learner"}

        # Fleuve is metered: its plan's limits answer a member's request.
        act_as(cur, "authenticated", seeded_id("user:henri"))
        answer = cur.execute("select public.consume_usage('data_exports', 1, 'demo-test')").fetchone()[0]
        assert (answer["allowed"], answer["used"], answer["limit"]) == (True, 2, 2)
        answer = cur.execute("select public.consume_usage('data_exports', 1, 'demo-test-2')").fetchone()[0]
        assert (answer["allowed"], answer["used"]) == (False, 2)
        conn.rollback()
