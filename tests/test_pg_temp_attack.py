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

