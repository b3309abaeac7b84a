"""`verify` sees what is really in the database, and `apply` repairs it.

At apply, abr-db records the fingerprint of every object each repeatable file
defines (catalog.py); verify compares the live catalog with them. One test per way
a database drifts from the project: a dropped function, a dropped policy, RLS
disabled, an apply that stopped halfway, a pending migration.
"""

from __future__ import annotations

import json

import pytest

from conftest import query


def findings(cli, url: str, *extra: str) -> tuple[int, list[dict]]:
    result = cli("verify", "--db-url", url, "--json", *extra)
    return result.exit_code, json.loads(result.stdout)["findings"]


def errors(items: list[dict]) -> list[tuple[str, str]]:
    return [(f["code"], f["subject"]) for f in items if f["severity"] == "error"]


def recorded(url: str, prefix: str, folder: str) -> tuple[str, str]:
    """(file, object key) of the first object of `prefix` kind a file of `folder` defines."""
    rows = query(url, "select path, k from abr_db.repeatables, jsonb_object_keys(fingerprints) as k "
                      "where path like %s and k like %s order by path, k limit 1", (f"{folder}/%", f"{prefix}%"))
    assert rows, f"no {prefix} recorded for {folder}/"
    return rows[0]


@pytest.fixture
def applied(cli, fresh_db) -> str:
    result = cli("apply", "--db-url", fresh_db, "--bootstrap")
    assert result.exit_code == 0, result.output
    code, items = findings(cli, fresh_db)
    assert code == 0 and not errors(items), items
    return fresh_db


def assert_repaired(cli, url: str, path: str) -> None:
    dry = cli("apply", "--db-url", url, "--dry-run")
    assert f"would apply {path} (drifted: " in dry.output, dry.output
    result = cli("apply", "--db-url", url)
    assert result.exit_code == 0, result.output
    assert f"applied {path} (drifted: " in result.output
    code, items = findings(cli, url)
    assert code == 0 and not errors(items), items


def test_verify_catches_a_dropped_function_and_apply_restores_it(cli, applied):
    path, key = recorded(applied, "function public.", "rpc_functions")
    query(applied, f"drop function {key.removeprefix('function ')}")
    code, items = findings(cli, applied)
    assert code == 1
    assert ("object_missing", key) in errors(items)
    assert any(path in f["message"] for f in items if f["subject"] == key)
    assert_repaired(cli, applied, path)


def test_verify_catches_a_dropped_policy_and_apply_restores_it(cli, applied):
    path, key = recorded(applied, "policy ", "rls_policies")
    table = key.removeprefix("policy ").split(" ", 1)[0]
    name = key.split(" ", 2)[2]
    query(applied, f"drop policy {name} on {table}")
    code, items = findings(cli, applied)
    assert code == 1 and ("object_missing", key) in errors(items), items
    assert_repaired(cli, applied, path)
    assert query(applied, "select count(*) from pg_policies where schemaname || '.' || tablename = %s "
                          "and policyname = %s", (table, name.strip('"'))) == [(1,)]


def test_verify_catches_disabled_rls_and_apply_enables_it(cli, applied):
    path, key = recorded(applied, "table ", "rls_policies")
    table = key.removeprefix("table ")
    query(applied, f"alter table {table} disable row level security")
    code, items = findings(cli, applied)
    assert code == 1 and ("object_altered", key) in errors(items), items
    assert any("row level security is disabled" in f["message"] for f in items if f["subject"] == key)
    assert_repaired(cli, applied, path)
    assert query(applied, "select relrowsecurity from pg_class where oid = %s::regclass", (table,)) == [(True,)]


def test_verify_catches_an_apply_that_stopped_halfway(cli, fresh_db, project_copy):
    files = sorted((project_copy / "rls_policies").glob("*.sql"))
    broken = files[len(files) // 2]
    text = broken.read_text()
    broken.write_text(text + "\nselect 1 / 0;\n")
    stopped = cli("apply", "--db-url", fresh_db, "--bootstrap")
    assert stopped.exit_code == 1 and f"rls_policies/{broken.name}" in stopped.stderr
    code, items = findings(cli, fresh_db)
    assert code == 1
    assert ("repeatable_failed", f"rls_policies/{broken.name}") in errors(items)
    later = [f"rls_policies/{p.name}" for p in files if p.name > broken.name]
    assert {("repeatable_pending", k) for k in later} <= set(errors(items))
    status = json.loads(cli("status", "--db-url", fresh_db, "--json").stdout)
    assert {r["path"]: r["state"] for r in status["repeatables"]}[f"rls_policies/{broken.name}"] == "failed"
    broken.write_text(text)
    result = cli("apply", "--db-url", fresh_db)
    assert result.exit_code == 0, result.output
    assert f"applied rls_policies/{broken.name}" in result.output
    code, items = findings(cli, fresh_db)
    assert code == 0 and not errors(items), items


def test_verify_fails_on_a_pending_migration_unless_allowed(cli, applied, project_copy):
    number = max(int(p.name[:3]) for p in (project_copy / "migrations").glob("[0-9]*.sql")) + 1
    pending = project_copy / "migrations" / f"{number:03d}_pending.sql"
    pending.write_text("comment on schema private is 'abr-db internals (pending test)';\n")
    pending.with_name(f"{number:03d}_pending.rollback.sql").write_text("select 1;\n")
    code, items = findings(cli, applied)
    assert code == 1 and ("migration_pending", f"migrations/{pending.name}") in errors(items)
    code, items = findings(cli, applied, "--allow-pending")
    assert code == 0 and any(f["code"] == "migration_pending" and f["severity"] == "warning" for f in items)
    assert cli("apply", "--db-url", applied).exit_code == 0
    code, items = findings(cli, applied)
    assert code == 0 and not errors(items), items


def test_checksums_ignore_line_endings(cli, applied, project_copy):
    for path in [*(project_copy / "migrations").glob("*.sql"), *(project_copy / "rpc_functions").glob("*.sql")]:
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    code, items = findings(cli, applied)
    assert code == 0 and not errors(items), items
    dry = cli("apply", "--db-url", applied, "--dry-run", "--json")
    data = json.loads(dry.stdout)
    assert data["migrations"] == [] and data["repeatables"] == [], data


def test_a_change_made_by_a_migration_is_not_drift(cli, applied, project_copy):
    path, key = recorded(applied, "table ", "rls_policies")
    table = key.removeprefix("table ")
    number = max(int(p.name[:3]) for p in (project_copy / "migrations").glob("[0-9]*.sql")) + 1
    migration = project_copy / "migrations" / f"{number:03d}_force_rls.sql"
    migration.write_text(f"alter table {table} force row level security;\n")
    migration.with_name(f"{number:03d}_force_rls.rollback.sql").write_text(
        f"alter table {table} no force row level security;\n")
    result = cli("apply", "--db-url", applied)
    assert result.exit_code == 0, result.output
    assert migration.stem in result.output and path not in result.output, result.output
    code, items = findings(cli, applied)
    assert code == 0 and not errors(items), items
    assert query(applied, "select relforcerowsecurity from pg_class where oid = %s::regclass", (table,)) == [(True,)]


def test_a_grant_on_every_function_does_not_claim_them(cli, applied, project_copy):
    """00_access_helpers revokes on all functions of schema private: re-applied, it rewrites
    every private function's catalog row, yet it defines none of another file's functions."""
    helpers = project_copy / "rpc_functions" / "00_access_helpers.sql"
    helpers.write_text(helpers.read_text() + "\n-- re-applied by test_verify_drift\n")
    result = cli("apply", "--db-url", applied)
    assert result.exit_code == 0 and "rpc_functions/00_access_helpers.sql" in result.output, result.output
    key = "function private.verify_certificate(p_certificate_number text, p_verification_code text)"
    owners = query(applied, "select path from abr_db.repeatables where fingerprints ? %s order by path", (key,))
    assert owners == [("rpc_functions/12_certificates.sql",)], owners
    query(applied, "grant execute on function private.verify_certificate(text, text) to public")
    code, items = findings(cli, applied)
    assert code == 1 and ("object_altered", key) in errors(items), items
    assert [f["message"] for f in items if f["subject"] == key and "00_access_helpers" in f["message"]] == []
    assert_repaired(cli, applied, "rpc_functions/12_certificates.sql")
