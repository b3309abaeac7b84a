"""The bootstrap's auth.uid() / role() / email() / jwt(): inlined, and safe to inline.

Every policy identifies its caller through auth.uid(). As plain SQL without a SET
clause (as on Supabase) the planner inlines it into the query; with a SET clause
each call was a function call with a search_path switch, most of what a policy's
caller lookup cost. Inlined, its body resolves names through the path of the query
it lands in: every name in it is qualified, the operator too, so a session that
puts its own `->>` or a `uuid` type ahead of pg_catalog changes nothing.
"""

from __future__ import annotations

import json

import psycopg
import pytest

ME = "6f1c2a4e-0000-4000-8000-00000000a11c"
OTHER = "00000000-0000-0000-0000-00000000e111"


def claims(conn: psycopg.Connection, **values: str) -> None:
    conn.execute("select set_config('request.jwt.claims', %s, true)", (json.dumps(values),))


@pytest.mark.parametrize("helper", ["uid", "role", "email", "jwt"])
def test_the_planner_inlines_the_helper(applied_db, helper):
    with psycopg.connect(applied_db) as conn:
        plan = "\n".join(r[0] for r in conn.execute(f"explain (verbose, costs off) select auth.{helper}()"))
    assert "current_setting" in plan and f"auth.{helper}" not in plan, plan


def test_the_helpers_read_the_claims(applied_db):
    with psycopg.connect(applied_db) as conn:
        claims(conn, sub=ME, role="authenticated", email="a@example.test")
        row = conn.execute("select auth.uid()::text, auth.role(), auth.email(), auth.jwt() ->> 'sub'").fetchone()
        assert row == (ME, "authenticated", "a@example.test", ME)
        conn.execute("select set_config('request.jwt.claims', '', true)")
        assert conn.execute("select auth.uid(), auth.role(), auth.jwt()").fetchone() == (None, None, None)
        conn.rollback()


def test_a_shadowing_operator_or_type_does_not_reach_the_inlined_body(applied_db):
    """A session's own `->>` returning another user's id, and its own `uuid` and `jsonb` types,
    ahead of pg_catalog in its path: auth.uid() still reads the caller's claim."""
    with psycopg.connect(applied_db) as conn:  # one transaction, rolled back
        conn.execute("create schema t_shadow")
        conn.execute(f"create function t_shadow.arrow(jsonb, text) returns text language sql "
                     f"as $$ select '{OTHER}'::text $$")
        conn.execute("create operator t_shadow.->> (leftarg = jsonb, rightarg = text, function = t_shadow.arrow)")
        conn.execute("create domain t_shadow.uuid as text")
        conn.execute("create domain t_shadow.jsonb as text")
        conn.execute("select set_config('search_path', 't_shadow, pg_catalog', true)")
        claims(conn, sub=ME, email="a@example.test")
        assert conn.execute("select '{}'::pg_catalog.jsonb ->> 'sub'").fetchone() == (OTHER,)  # the shadow works
        assert conn.execute("select auth.uid()::pg_catalog.text, auth.email()").fetchone() == (ME, "a@example.test")
        conn.rollback()
