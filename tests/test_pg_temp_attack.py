"""The pg_temp attack of issue 6, replayed literally through a real connection.

As `anon` (what PostgREST switches to for a request without a JWT), the
attacker tried to plant a `pg_temp.uuid` domain whose CHECK calls their own
function, then called `public.feature_enabled('ai_coach')`, whose definer
implementation then ran the CHECK as the superuser owner and created
`public.pwned`. tests_sql/164_pg_temp_attack.sql replays it against every
client-executable definer function, with the shadows planted by a privileged
session (the search_path hardening alone); this is the issue's own statements.
"""

from __future__ import annotations

import psycopg
import pytest

EVIL_FUNCTION = """
create function pg_temp.evil(v pg_catalog.uuid) returns bool language plpgsql as $$
begin
  if current_user = 'postgres' then create table public.pwned as select 1; end if;
  return true;
end
$$
"""
EVIL_DOMAIN = "create domain pg_temp.uuid as pg_catalog.uuid check (pg_temp.evil(value))"
PWNED = "select to_regclass('public.pwned') is not null"


def test_anon_cannot_plant_the_attack(applied_db):
    with psycopg.connect(applied_db, autocommit=True) as conn:
        conn.execute("set role anon")
        for statement in (EVIL_FUNCTION, EVIL_DOMAIN, "create temporary table t (i int)"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        assert conn.execute("select public.feature_enabled('ai_coach')").fetchone() == (False,)
        assert conn.execute(
            "select count(*) from pg_catalog.pg_class where relnamespace = pg_catalog.pg_my_temp_schema()"
        ).fetchone() == (0,)
        conn.execute("reset role")
        assert conn.execute(PWNED).fetchone() == (False,)



def test_the_definer_functions_ignore_shadows_a_privileged_session_planted(applied_db):
    """Where TEMPORARY could not be revoked (hosted Supabase), search_path alone holds."""
    with psycopg.connect(applied_db) as conn:  # one transaction, rolled back
        # A flag to evaluate and a profile to look up: with no row to test, the
        # function would never evaluate auth.uid()'s cast.
        conn.execute(
            "insert into public.feature_flags (flag_key, name, is_enabled, target_type, rollout_percentage) "
            "values ('ai_coach', 'AI coach', true, 'global', 100) on conflict (flag_key) do nothing"
        )
        conn.execute("insert into auth.users (id, email) values (gen_random_uuid(), 'pg-temp@attack.test')")
        conn.execute(EVIL_FUNCTION)
        conn.execute(EVIL_DOMAIN)
        conn.execute("set local role anon")
        conn.execute("select set_config('request.jwt.claims', '{\"role\": \"anon\"}', true)")
        conn.execute("select public.feature_enabled('ai_coach')")
        conn.execute("reset role")
        assert conn.execute(PWNED).fetchone() == (False,)
        conn.rollback()
