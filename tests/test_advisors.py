"""The advisor checks: silent on the applied schema, and each one loud on the
problem it names. Supabase's own linter (`supabase db advisors`) must agree."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import psycopg
import pytest

from abr_db import advisors, bootstrap

REPO = Path(__file__).resolve().parents[1]
SUPABASE_CLI = REPO / "node_modules" / ".bin" / "supabase"

BAD_OBJECTS = """
create table public.no_rls (x int);
create table public.leaky (id int primary key, org uuid references public.leaky_orgs (id));
create index leaky_a on public.leaky (id);
create index leaky_b on public.leaky (id);
alter table public.leaky enable row level security;
create policy "per row" on public.leaky for select to authenticated using (org = auth.uid());
create policy "overlapping" on public.leaky for all to authenticated using (org = (select auth.uid()));
create policy "filters on an unindexed column" on public.leaky for update to authenticated using (org is not null);
create function public.definer_exposed() returns int language sql security definer as 'select 1';
create function public.temp_first() returns int language sql set search_path = '' as 'select 1';
create view public.owner_rights_view as select 1 as one;
create materialized view public.readable_mv as select 1 as one;
grant select on public.readable_mv to authenticated;
create extension pgcrypto with schema public;
create table public._yoyo_migration (id int primary key);
alter table public._yoyo_migration enable row level security;
"""


def _findings(url: str) -> list[advisors.Finding]:
    with psycopg.connect(url, autocommit=True) as conn:
        return advisors.run(conn)


def test_applied_schema_has_no_findings(applied_db):
    findings = _findings(applied_db)
    assert findings == [], "\n".join(f"{f.check}: {f.object}: {f.detail}" for f in findings)


def test_each_check_finds_the_problem_it_names(fresh_db):
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        bootstrap.apply_bootstrap(conn)
        conn.execute("create table public.leaky_orgs (id uuid primary key)")
        conn.execute("alter table public.leaky_orgs enable row level security")
        conn.execute(BAD_OBJECTS)
    found = {f.check for f in _findings(fresh_db)}
    assert found == {c.name for c in advisors.CHECKS}


SEARCH_PATHS = {
    # name: (security definer, search_path or None, flagged)
    "empty": (True, "''", True),
    "public_only": (False, "public", True),
    "temp_first": (True, "pg_temp, pg_catalog", True),
    "temp_not_last": (True, "pg_catalog, pg_temp, public", True),
    "temp_twice": (True, "pg_temp, pg_catalog, pg_temp", True),
    "no_path_definer": (True, None, True),
    "no_path_invoker": (False, None, False),  # function_search_path_mutable's case
    "catalog_then_temp": (True, "pg_catalog, pg_temp", False),
    "public_then_temp": (True, "public, pg_temp", False),
}


def test_search_path_check_flags_every_path_that_searches_pg_temp_first(fresh_db):
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        bootstrap.apply_bootstrap(conn)
        for name, (definer, path, _) in SEARCH_PATHS.items():
            conn.execute(
                f"create function public.sp_{name}() returns int language sql"
                f"{' security definer' if definer else ''}"
                f"{f' set search_path = {path}' if path else ''} as 'select 1'"
            )
    flagged = {
        f.object for f in _findings(fresh_db) if f.check == "function_search_path_temp_first"
    }
    assert flagged == {f"sp_{name}()" for name, (_, _, bad) in SEARCH_PATHS.items() if bad}


def _supabase_advisors(url: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(SUPABASE_CLI), "db", "advisors", "--db-url", f"{url}?sslmode=disable",
         "--level", "warn", "--fail-on", "warn", "--output-format", "json"],
        capture_output=True, text=True, timeout=120, cwd="/tmp",
    )


needs_cli = pytest.mark.skipif(
    not SUPABASE_CLI.exists() or shutil.which("node") is None,
    reason="Supabase CLI not installed (make setup installs it with npm)",
)


@needs_cli
def test_supabase_linter_reports_nothing_at_warn_or_above(applied_db):
    proc = _supabase_advisors(applied_db)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@needs_cli
def test_supabase_linter_fails_on_a_table_without_rls(fresh_db):
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        bootstrap.apply_bootstrap(conn)
        conn.execute("create table public.exposed (id int primary key)")
    proc = _supabase_advisors(fresh_db)
    assert proc.returncode != 0
    assert "rls_disabled_in_public" in proc.stdout + proc.stderr


def test_table_maintenance_check_flags_truncate_trigger_and_references_of_api_roles(fresh_db):
    """TRUNCATE fires no row trigger (no audit row), TRIGGER lets a role run its code on
    every write, REFERENCES lets it probe keys: no API role, nor PUBLIC, may hold them."""
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        bootstrap.apply_bootstrap(conn)
        for name in ("by_default", "to_public", "revoked"):
            conn.execute(f"create table public.t_{name} (id int primary key)")
            conn.execute(f"alter table public.t_{name} enable row level security")
            conn.execute(f"revoke truncate, trigger, references on public.t_{name} "
                         "from public, anon, authenticated, service_role")
        # The bootstrap's (and Supabase's) default privileges give service_role everything.
        conn.execute("grant truncate, trigger, references on public.t_by_default to service_role")
        conn.execute("grant trigger on public.t_to_public to public")
    flagged = {
        f.object: f.detail for f in _findings(fresh_db) if f.check == "api_role_table_maintenance"
    }
    assert set(flagged) == {"public.t_by_default", "public.t_to_public"}
    assert "TRUNCATE by service_role" in flagged["public.t_by_default"]
    assert "TRIGGER by anon" in flagged["public.t_to_public"]
