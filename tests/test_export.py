"""`abr-db export supabase` and one migration history for abr-db and the Supabase CLI.

The round trip runs the pinned Supabase CLI (node_modules, no Docker): export ->
`supabase db push --db-url` into a fresh bootstrapped database -> `supabase db diff`
against the database `abr-db apply` built -> `supabase migration list` -> the pgTAP
suite, as exported, under pg_prove (what `supabase test db` runs) -> `abr-db apply`
on the pushed database changes nothing. And the other way: after `abr-db apply`,
`supabase db push` of the export has nothing to do.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from abr_db import bootstrap, export, migrate
from abr_db.connect import connect
from abr_db.embedded import ThrowawayCluster
from abr_db.paths import Project
from abr_db.pgtap import psql_path
from conftest import REPO, query, run_abr_db, schema_dump

SUPABASE = REPO / "node_modules" / ".bin" / "supabase"
needs_cli = pytest.mark.skipif(not SUPABASE.exists(), reason="Supabase CLI not installed (make setup installs it with npm)")
needs_pg_prove = pytest.mark.skipif(shutil.which("pg_prove") is None, reason="pg_prove not installed (make setup)")


def supabase(*args: str, workdir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(SUPABASE), *args, "--workdir", str(workdir)], capture_output=True, text=True, timeout=300)


def cli_url(url: str) -> str:
    return url + ("&" if "?" in url else "?") + "sslmode=disable"


def listing(proc: subprocess.CompletedProcess) -> list[tuple[str, str]]:
    """(local, remote) versions from `supabase migration list`."""
    rows = []
    for line in proc.stdout.splitlines():
        cells = [c.strip().strip("`") for c in line.split("|")]
        if len(cells) >= 2 and (re.fullmatch(r"\d{14}", cells[0]) or re.fullmatch(r"\d{14}", cells[1])):
            rows.append((cells[0], cells[1]))
    return rows


def files(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def exported(tmp_path_factory, project_snapshot) -> Path:
    dest = tmp_path_factory.mktemp("export")
    export.export_supabase(Project(project_snapshot), dest)
    return dest


def test_export_layout_versions_and_determinism(cli, exported, project_snapshot, tmp_path):
    proj = Project(project_snapshot)
    migrations = sorted(p.name for p in (exported / "supabase" / "migrations").iterdir())
    assert all(re.fullmatch(r"\d{14}_[a-z0-9_]+\.sql", name) for name in migrations), migrations
    assert not [m for m in migrations if "rollback" in m]
    # extensions first, then every versioned migration under its number, then one per repeatable file
    assert migrations[0] == "20260101000000_extensions.sql"
    versioned = [p.stem for p in proj.migration_files()]
    assert migrations[1:1 + len(versioned)] == [f"{export.migration_version(m)}_{m.split('_', 1)[1]}.sql" for m in versioned]
    sources = [re.search(r"abr-db-source: (\S+)", (exported / "supabase" / "migrations" / m).read_text())[1]
               for m in migrations[1 + len(versioned):]]
    repeatable = [f"{folder}/{p.name}" for folder, p in migrate.repeatables.files(proj)]
    assert sources == repeatable
    assert "pg_cron" in (exported / "supabase" / "migrations" / migrations[0]).read_text()
    tests = exported / "supabase" / "tests" / "database"
    assert sorted(p.name for p in tests.glob("*.sql")) == sorted(p.name for p in proj.tests_sql.glob("*.sql"))
    assert not list((tests / "helpers").glob("*.sql")), "pg_prove -r would run a helper as a test"
    assert (exported / "supabase" / "config.toml").is_file() and (exported / "supabase" / "seed.sql").is_file()
    # exporting twice, or into a fresh directory, gives identical files
    again = cli("export", "supabase", str(exported))
    assert again.exit_code == 0 and "already up to date" in again.stdout, again.output
    export.export_supabase(proj, tmp_path)
    assert files(tmp_path) == files(exported)


def test_a_changed_repeatable_becomes_a_new_migration_an_unchanged_one_never_does(project_copy, tmp_path):
    proj = Project(project_copy)
    export.export_supabase(proj, tmp_path)
    before = files(tmp_path / "supabase" / "migrations")
    rpc = sorted((project_copy / "rpc_functions").glob("*.sql"))
    rpc[0].write_text(rpc[0].read_text() + "\n-- changed\n")
    # a CRLF checkout of an unchanged file is the same file
    rpc[1].write_bytes(rpc[1].read_bytes().replace(b"\n", b"\r\n"))
    number = max(int(p.name[:3]) for p in proj.migration_files()) + 1
    (project_copy / "migrations" / f"{number:03d}_later.sql").write_text(
        "-- transactional: false\ncreate index concurrently later_i on public.organizations (name);\n")
    (project_copy / "migrations" / f"{number:03d}_later.rollback.sql").write_text("drop index concurrently public.later_i;\n")
    export.export_supabase(proj, tmp_path)
    after = files(tmp_path / "supabase" / "migrations")
    assert {k: v for k, v in after.items() if k in before} == before, "an exported file was rewritten"
    base = f"{export.VERSION_PREFIX}{number:03d}"
    # yoyo's `-- transactional: false` becomes the Supabase CLI's own marker, on the first line
    assert after[f"{export.VERSION_PREFIX}{number:03d}000_later.sql"].startswith(b"-- pg-delta: transaction=false\n")
    assert sorted(set(after) - set(before)) == [
        f"{base}000_later.sql", f"{base}001_rpc_functions_{rpc[0].stem}.sql",
    ]


@needs_cli
def test_apply_records_the_history_so_db_push_has_nothing_to_do(applied_db, exported):
    listed = supabase("migration", "list", "--db-url", cli_url(applied_db), workdir=exported)
    assert listed.returncode == 0, listed.stderr
    rows = listing(listed)
    local = sorted(p.name.split("_")[0] for p in (exported / "supabase" / "migrations").glob("*.sql"))
    assert [r[0] for r in rows] == local and all(lo == re_ for lo, re_ in rows), listed.stdout
    push = supabase("db", "push", "--yes", "--db-url", cli_url(applied_db), workdir=exported)
    assert push.returncode == 0, push.stderr
    assert "Remote database is up to date" in push.stdout + push.stderr


@pytest.fixture(scope="module")
def pushed(exported):
    """A second cluster (pg_cron runs in one database per cluster): bootstrapped, then `db push`."""
    with ThrowawayCluster() as cluster:
        with connect(cluster.url) as conn:
            bootstrap.apply_bootstrap(conn)
        proc = supabase("db", "push", "--yes", "--db-url", cli_url(cluster.url), workdir=exported)
        assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
        yield cluster.url


@needs_cli
@needs_pg_prove
def test_round_trip_push_diff_list_test_and_adopt(pushed, applied_db, exported):
    diff = supabase("db", "diff", "--from", cli_url(applied_db), "--to", cli_url(pushed), workdir=exported)
    assert diff.returncode == 0, diff.stderr
    statements = [s.strip() for s in diff.stdout.split(";") if s.strip()]
    assert statements, "db diff should at least see abr-db's bookkeeping schema"
    assert all('"abr_db"' in s for s in statements), diff.stdout

    listed = supabase("migration", "list", "--db-url", cli_url(pushed), workdir=exported)
    rows = listing(listed)
    assert rows and all(lo == re_ for lo, re_ in rows), listed.stdout

    before = schema_dump(pushed, "-N", "supabase_migrations")
    dry = json.loads(run_abr_db("apply", "--db-url", pushed, "--dry-run", "--json").stdout)
    assert dry["migrations"] == [] and dry["repeatables"] == [] and dry["adopted"], dry
    result = run_abr_db("apply", "--db-url", pushed, "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads(result.stdout)
    assert data["migrations"] == [] and data["repeatables"] == [], data
    assert len(data["adopted"]) == len(list((exported / "supabase" / "migrations").glob("*.sql"))) - 1  # not extensions
    assert sorted(data["adopted"]) == sorted(dry["adopted"])
    assert schema_dump(pushed, "-N", "supabase_migrations") == before
    again = run_abr_db("apply", "--db-url", pushed, "--json")
    assert json.loads(again.stdout)["adopted"] == []
    verify = run_abr_db("verify", "--db-url", pushed)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert query(pushed, "select count(*) from supabase_migrations.schema_migrations")[0][0] == len(rows)

    tests = exported / "supabase" / "tests"
    prove = subprocess.run(["pg_prove", "-b", psql_path(), "--ext", ".sql", "-r", "-d", pushed, str(tests)],
                           capture_output=True, text=True, timeout=900)
    assert prove.returncode == 0 and "Result: PASS" in prove.stdout, prove.stdout[-4000:] + prove.stderr[-2000:]


@needs_cli
def test_supabase_db_lint_finds_nothing(applied_db, exported):
    """plpgsql_check through the Supabase CLI: every function compiles, no unused variable."""
    lint = supabase("db", "lint", "--db-url", cli_url(applied_db), "--level", "warning", "--fail-on", "warning",
                    workdir=exported)
    assert lint.returncode == 0, lint.stdout[-3000:] + lint.stderr[-2000:]
    assert "No schema errors found" in lint.stdout + lint.stderr


@needs_cli
def test_rollback_takes_its_versions_out_of_the_history_and_db_push_brings_them_back(pushed, exported, project_snapshot):
    assert run_abr_db("apply", "--db-url", pushed).returncode == 0  # adopts what was pushed, if not done yet
    ids = [p.stem for p in Project(project_snapshot).migration_files()]
    keep = export.migration_version(ids[-2])
    rolled = run_abr_db("rollback", "--db-url", pushed, "--to", ids[-2][:3], "--json")
    assert rolled.returncode == 0, rolled.stdout + rolled.stderr
    versions = [r[0] for r in query(pushed, "select version from supabase_migrations.schema_migrations")]
    assert versions and max(versions) <= keep, "versions above the target stay in the history"
    push = supabase("db", "push", "--yes", "--db-url", cli_url(pushed), workdir=exported)
    assert push.returncode == 0, push.stdout[-2000:] + push.stderr[-2000:]
    assert f"{export.migration_version(ids[-1])}_" in push.stdout + push.stderr
    rows = listing(supabase("migration", "list", "--db-url", cli_url(pushed), workdir=exported))
    assert rows and all(lo == re_ for lo, re_ in rows)
    again = json.loads(run_abr_db("apply", "--db-url", pushed, "--json").stdout)
    # The migration the push re-ran is adopted, and so is every repeatable file the rollback had
    # left off (those that did not fit the target version) and the push re-created: nothing runs twice.
    assert again["adopted"][0] == ids[-1], again["adopted"]
    assert all(not key.startswith("migrations/") for key in again["adopted"][1:]), again["adopted"]
    assert again["migrations"] == [] and again["repeatables"] == [], again["repeatables"]
    verify = run_abr_db("verify", "--db-url", pushed)
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_apply_refuses_a_pushed_migration_whose_file_has_changed_since(cli, fresh_db, project_snapshot):
    first = Project(project_snapshot).migration_files()[0]
    version = export.migration_version(first.stem)
    with connect(fresh_db) as conn:
        bootstrap.apply_bootstrap(conn)
        # what `supabase db push` of an older export of this migration leaves behind
        pushed = f"-- abr-db-source: migrations/{first.name} sha256={'0' * 64}\ncreate schema older;"
        migrate.bookkeeping.record_supabase_history(conn, [(version, first.stem.split("_", 1)[1], pushed)], own=False)
    result = cli("apply", "--db-url", fresh_db)
    assert result.exit_code == 1
    assert f"migrations/{first.name} differs from the version {version}" in result.stderr
    with connect(fresh_db) as conn:
        assert migrate.bookkeeping.applied_migrations(conn) == {}
    assert query(fresh_db, "select count(*) from pg_tables where schemaname = 'public'") == [(0,)]
