"""Functions live in repeatable files, once; migrations bind them (`-- requires:`).

- No migration defines a function: every function of the expected schema is owned by a
  file of rpc_functions/.
- A migration that binds a trigger says `-- requires: rpc_functions/x.sql`: the file's
  current text runs at that place, in the migration's transaction (a fresh database
  applies: every other test proves it); a required file that does not exist is refused.
- A database that applied the migrations before they were restructured (their previous
  sha256 listed in them) is not drifted: `apply` records the new checksums, applies the
  new repeatable files, and ends with the schema a fresh database gets.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from abr_db import bookkeeping, migrate, schema, verify
from abr_db.paths import Project
from conftest import REPO, query, schema_dump


def test_no_migration_defines_a_function(project_snapshot):
    objects = schema.load(Project(project_snapshot))["objects"]
    functions = {k: v["owner"] for k, v in objects.items() if schema.kind_of(k) == "function"}
    assert functions and not {k: o for k, o in functions.items() if not o.startswith("rpc_functions/")}
    for path in Project(project_snapshot).migration_files():
        created, _ = verify.expected_objects(bookkeeping.read_text(path))
        assert not [c for c in created if c[0] == "function"], path
        # nor alters one: the repeatable's `create or replace`, applied after the migrations, would undo it
        code = verify._strip_comments(bookkeeping.read_text(path))  # string literals emptied too
        altered = re.findall(r"\balter\s+function\s+([\w.\"]+)", code, re.I)
        assert not altered, f"{path.name} alters {altered}: change the function in its rpc_functions/ file instead"


def test_guard_functions_are_required_by_the_migrations_that_bind_them(project_snapshot):
    proj = Project(project_snapshot)
    requires = {p.stem: bookkeeping.migration_requires(p) for p in proj.migration_files()}
    assert "rpc_functions/01_updated_at.sql" in requires["001_core"]
    assert "rpc_functions/05_certificate_guards.sql" in requires["020_security_fixes"]
    assert "rpc_functions/06_audit_triggers.sql" in requires["012_audit"]
    for mid, files in requires.items():
        for rel in files:
            assert (project_snapshot / rel).is_file(), (mid, rel)


def test_a_required_file_that_does_not_exist_is_refused(cli, fresh_db, project_copy):
    number = max(int(p.name[:3]) for p in (project_copy / "migrations").glob("[0-9]*.sql")) + 1
    migration = project_copy / "migrations" / f"{number:03d}_needs_missing.sql"
    migration.write_text("-- requires: rpc_functions/99_missing.sql\ncomment on schema private is 'x';\n")
    migration.with_name(f"{number:03d}_needs_missing.rollback.sql").write_text("select 1;\n")
    result = cli("apply", "--db-url", fresh_db, "--bootstrap")
    assert result.exit_code == 1
    assert f"migrations/{migration.name} requires rpc_functions/99_missing.sql" in result.stderr


def test_requires_applies_the_file_at_its_place_in_the_transaction(cli, fresh_db, project_copy):
    """The required text runs where the line is: a trigger after it finds the function; a failure of the
    migration leaves nothing of the required file behind."""
    number = max(int(p.name[:3]) for p in (project_copy / "migrations").glob("[0-9]*.sql")) + 1
    (project_copy / "rpc_functions" / "90_scratch.sql").write_text(
        "create or replace function private.scratch_stamp() returns trigger language plpgsql\n"
        "set search_path = pg_catalog, pg_temp as $$ begin return new; end $$;\n")
    migration = project_copy / "migrations" / f"{number:03d}_scratch.sql"
    migration.write_text(
        "create table private.scratch (id int primary key);\n\n"
        "-- requires: rpc_functions/90_scratch.sql\n"
        "create trigger scratch_stamp before insert on private.scratch\n"
        "for each row execute function private.scratch_stamp();\n"
        "select 1 / (select count(*) - 1 from pg_catalog.pg_proc where proname = 'scratch_stamp')::int;\n")
    migration.with_name(f"{number:03d}_scratch.rollback.sql").write_text(
        "drop table private.scratch;\ndrop function private.scratch_stamp();\n")
    failed = cli("apply", "--db-url", fresh_db, "--bootstrap")
    assert failed.exit_code == 1 and "SQLSTATE 22012" in failed.stderr, failed.output
    assert query(fresh_db, "select count(*) from pg_proc where proname = 'scratch_stamp'") == [(0,)]
    migration.write_text(migration.read_text().replace("count(*) - 1", "count(*)"))
    result = cli("apply", "--db-url", fresh_db)
    assert result.exit_code == 0, result.output
    assert query(fresh_db, "select tgname from pg_trigger where tgname = 'scratch_stamp'") == [("scratch_stamp",)]


def _tree_before_the_restructure(dest: Path) -> Path:
    """The project's migrations and repeatables as they were before functions moved to rpc_functions/."""
    if not (REPO / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout")
    added = subprocess.run(["git", "-C", str(REPO), "log", "--diff-filter=A", "--format=%H", "--",
                            "rpc_functions/01_updated_at.sql"], capture_output=True, text=True).stdout.split()
    rev = f"{added[-1]}^" if added else "HEAD"
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "migrations", "rpc_functions",
                              "rls_policies", "cron_jobs"], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest)
    assert not (dest / "rpc_functions" / "01_updated_at.sql").exists(), "not the tree before the restructure"
    return dest


def test_a_database_applied_before_the_restructure_upgrades_cleanly(cli, new_db, project_snapshot, tmp_path):
    old = _tree_before_the_restructure(tmp_path / "old")
    upgraded, fresh = new_db(), new_db()
    migrate.apply(upgraded, bootstrap=True, proj=Project(old), quiet=True)
    restructured = [p.stem for p in Project(project_snapshot).migration_files()
                    if bookkeeping.previous_checksums(p)]
    assert restructured
    # not drift: no migration reported changed, apply does not refuse
    report = json.loads(cli("verify", "--db-url", upgraded, "--json", "--allow-pending").stdout)
    assert not [f for f in report["findings"] if f["code"] == "migration_changed"], report["findings"]
    dry = cli("apply", "--db-url", upgraded, "--dry-run")
    assert all(f"would record the new checksum of migrations/{m}.sql" in dry.stdout for m in restructured), dry.stdout
    result = cli("apply", "--db-url", upgraded)
    assert result.exit_code == 0, result.output
    for mid in restructured:
        assert f"migrations/{mid}.sql was restructured after it was applied" in result.stdout
    assert "applied rpc_functions/01_updated_at.sql (new)" in result.stdout
    sums = dict(query(upgraded, "select migration_id, sha256 from abr_db.migration_checksums"))
    assert sums == {p.stem: bookkeeping.sha256_file(p) for p in Project(project_snapshot).migration_files()}
    code = cli("verify", "--db-url", upgraded, "--json")
    assert code.exit_code == 0, code.stdout
    # the same schema as a database built from the restructured files
    assert cli("apply", "--db-url", fresh, "--bootstrap").exit_code == 0
    assert schema_dump(upgraded) == schema_dump(fresh)
    # and it rolls back and forward like one
    rolled = cli("rollback", "--db-url", upgraded, "--to", "0")
    assert rolled.exit_code == 0, rolled.output
    assert query(upgraded, "select count(*) from pg_proc as p join pg_namespace as n on n.oid = p.pronamespace "
                           "where n.nspname = 'private'") == [(0,)]


def test_a_rollback_keeps_the_triggers_of_the_migrations_it_keeps(cli, fresh_db):
    """The functions of a required file are not dropped by undoing the repeatables (`drop ... cascade` would
    take the triggers and generated columns of the migrations that stay)."""
    assert cli("apply", "--db-url", fresh_db, "--bootstrap").exit_code == 0
    before = query(fresh_db, "select tgrelid::regclass::text, tgname from pg_trigger where not tgisinternal "
                             "and tgname in ('guard_as_issued', 'on_auth_user_change', 'audit_update') order by 1, 2")
    assert len(before) >= 3
    result = cli("rollback", "--db-url", fresh_db, "--to", "21")
    assert result.exit_code == 0, result.output
    after = query(fresh_db, "select tgrelid::regclass::text, tgname from pg_trigger where not tgisinternal "
                            "and tgname in ('guard_as_issued', 'on_auth_user_change', 'audit_update') order by 1, 2")
    assert after == before
    assert cli("apply", "--db-url", fresh_db).exit_code == 0
    assert cli("verify", "--db-url", fresh_db).exit_code == 0
