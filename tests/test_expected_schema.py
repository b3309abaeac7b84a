"""The expected schema (schema/expected.json) is what the files produce, and verify holds
every database to it: a hot-patched function, a dropped constraint, index or trigger, a
changed grant fails verify with the file that owns the object; apply repairs what a
repeatable owns and names, for the rest, the migration and the statement that restores it.
"""

from __future__ import annotations

import difflib
import json

import pytest

from abr_db import repeatables, schema
from abr_db.connect import connect
from abr_db.paths import Project
from conftest import query


def test_the_committed_snapshot_is_what_the_files_produce(project_snapshot):
    proj = Project(project_snapshot)
    committed = schema.path(proj).read_text()
    generated = schema.render(schema.generate(proj), proj)
    if generated != committed:
        diff = difflib.unified_diff(committed.splitlines(), generated.splitlines(), "committed", "generated",
                                    lineterm="", n=1)
        pytest.fail("schema/expected.json disagrees with the files: run `abr-db snapshot --write`\n"
                    + "\n".join(list(diff)[:80]))


def test_pg17_privileges_and_grantors_are_normalized():
    # PostgreSQL 17 adds MAINTAIN (m) to a table owner's ACL; Supabase's grantor is supabase_admin
    assert schema.normalize_acl(["postgres=arwdDxtm/postgres", "anon=r/supabase_admin"], "postgres") == \
        schema.normalize_acl(["postgres=arwdDxt/postgres", "anon=r/postgres"], "postgres") == ["anon=r", "owner=arwdDxt"]
    assert schema.normalize_acl(["service_role=m/postgres"], "postgres") == []
    assert schema.normalize_acl(None, "postgres") is None


@pytest.fixture
def expected(project_snapshot) -> dict[str, dict]:
    return schema.load(Project(project_snapshot))["objects"]


@pytest.fixture
def applied(cli, fresh_db) -> str:
    result = cli("apply", "--db-url", fresh_db, "--bootstrap")
    assert result.exit_code == 0, result.output
    return fresh_db


def verify(cli, url: str) -> tuple[int, list[dict]]:
    result = cli("verify", "--db-url", url, "--json")
    data = json.loads(result.stdout)
    assert "schema" in data["checks"]
    return result.exit_code, [f for f in data["findings"] if f["severity"] == "error"]


def test_a_freshly_applied_database_is_the_expected_schema(cli, applied):
    code, errors = verify(cli, applied)
    assert code == 0 and not errors, errors


def first(expected: dict, kind: str, owner_prefix: str, contains: str = "") -> str:
    keys = [k for k, v in expected.items()
            if schema.kind_of(k) == kind and v["owner"].startswith(owner_prefix) and contains in k]
    assert keys, (kind, owner_prefix, contains)
    return keys[0]


def assert_caught_and_restored(cli, url: str, expected: dict, key: str, what: str) -> None:
    owner = expected[key]["owner"]
    code, errors = verify(cli, url)
    assert code == 1
    name = key.split(" ", 1)[1]
    # a repeatable's object may be reported by its recorded fingerprint first ("table public.t altered")
    found = [f for f in errors if owner in f["message"] and (f["subject"] == key or f["subject"].endswith(name))]
    assert found, errors
    result = cli("apply", "--db-url", url)
    assert result.exit_code == 0, result.output
    if owner.startswith("migrations/"):
        # a migration's object: apply names the owner and the statement, and changes nothing itself
        assert f"{key} {what}" in result.stderr and f"owned by {owner}; restore with: " in result.stderr, result.output
        assert verify(cli, url)[0] == 1
        statement = schema.restore_sql(key, expected[key])
        if what == "altered" and schema.kind_of(key) != "function":
            pytest.fail(f"no single statement restores an altered {key}")
        query(url, statement)
    else:
        assert f"applied {owner} (drifted" in result.stdout, result.output
    code, errors = verify(cli, url)
    assert code == 0 and not errors, errors


def test_a_hot_patched_guard_function_is_caught(cli, applied, expected):
    key = "function private.guard_certificate_as_issued()"
    query(applied, "create or replace function private.guard_certificate_as_issued() returns trigger "
                   "language plpgsql set search_path = pg_catalog, pg_temp as $$ begin return new; end $$")
    assert_caught_and_restored(cli, applied, expected, key, "altered")


def test_a_dropped_check_constraint_is_caught(cli, applied, expected):
    key = "constraint public.certificates certificates_revoked_has_date"
    assert key in expected
    query(applied, "alter table public.certificates drop constraint certificates_revoked_has_date")
    assert_caught_and_restored(cli, applied, expected, key, "missing")


def test_a_dropped_index_is_caught(cli, applied, expected):
    key = first(expected, "index", "migrations/", "public.idx_")
    query(applied, f"drop index {key.removeprefix('index ')}")
    assert_caught_and_restored(cli, applied, expected, key, "missing")


def test_a_dropped_trigger_is_caught(cli, applied, expected):
    key = first(expected, "trigger", "migrations/", "public.certificates ")
    table, name = key.removeprefix("trigger ").split(" ")
    query(applied, f"drop trigger {name} on {table}")
    assert_caught_and_restored(cli, applied, expected, key, "missing")


def test_a_changed_grant_is_caught_and_repaired(cli, applied, expected):
    key = "access public.courses"
    assert expected[key]["owner"] == "rls_policies/courses.sql"
    query(applied, "grant delete on public.courses to anon")
    assert_caught_and_restored(cli, applied, expected, key, "altered")


def test_a_hot_patch_recorded_as_applied_is_caught_and_repaired(cli, applied, expected):
    """The state the old adoption left: the database holds other code than the file, and abr-db's record
    (fingerprints) says it is the file's. The expected schema is not fooled; apply repairs it."""
    key = "function private.verify_certificate(p_certificate_number text, p_verification_code text)"
    assert expected[key]["owner"] == "rpc_functions/12_certificates.sql"
    query(applied, "alter function private.verify_certificate(text, text) set work_mem = '1MB'")
    with connect(applied) as conn:
        repeatables.seal(conn)  # recorded as if applied so
    code, errors = verify(cli, applied)
    assert code == 1 and ("schema_altered", key) in [(f["code"], f["subject"]) for f in errors], errors
    dry = cli("apply", "--db-url", applied, "--dry-run")
    assert "would apply rpc_functions/12_certificates.sql (drifted: differs from schema/expected.json" in dry.stdout
    assert_caught_and_restored(cli, applied, expected, key, "altered")
    assert "work_mem" not in str(query(applied, "select proconfig from pg_proc where proname = 'verify_certificate' "
                                                "and pronamespace = 'private'::regnamespace"))


def test_an_extra_index_is_reported(cli, applied):
    query(applied, "create index scratch_extra on public.teams (name)")
    code, errors = verify(cli, applied)
    assert code == 1 and ("schema_extra", "index public.scratch_extra") in [(f["code"], f["subject"]) for f in errors]


def test_a_stale_snapshot_is_said_not_compared(cli, applied, project_copy):
    rpc = project_copy / "rpc_functions" / "12_certificates.sql"
    rpc.write_text(rpc.read_text() + "\n-- edited\n")
    query(applied, "alter table public.certificates drop constraint certificates_revoked_has_date")
    result = cli("verify", "--db-url", applied, "--json")
    findings = json.loads(result.stdout)["findings"]
    stale = [f for f in findings if f["code"] == "snapshot_stale"]
    assert stale and stale[0]["severity"] == "warning" and "rpc_functions/12_certificates.sql" in stale[0]["message"]
    assert not [f for f in findings if f["check"] == "schema" and f["severity"] == "error"]
