"""apply / rollback / status / verify against real databases in the throwaway cluster."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest

from abr_db import bootstrap, migrate, verify
from abr_db.connect import connect
from abr_db.paths import Project
from conftest import query, run_abr_db, schema_dump

REFUSAL = (
    "database has no auth.users (not a Supabase database): run again with --bootstrap "
    "to create Supabase's roles and auth schema"
)


def migration_ids(root: Path) -> list[str]:
    return [p.stem for p in Project(root).migration_files()]


def applied_ids(url: str) -> list[str]:
    return [r[0] for r in query(url, "select migration_id from abr_db._yoyo_migration order by migration_id")]


def public_tables(url: str) -> int:
    return query(url, "select count(*) from pg_tables where schemaname = 'public'")[0][0]


def test_apply_without_bootstrap_refuses_with_one_line_and_writes_nothing(cli, fresh_db):
    result = cli("apply", "--db-url", fresh_db)
    assert result.exit_code == 2
    assert result.stderr.strip() == REFUSAL
    assert query(fresh_db, "select to_regnamespace('abr_db'), to_regclass('auth.users')") == [(None, None)]
    assert public_tables(fresh_db) == 0


def test_apply_bootstraps_applies_everything_and_is_idempotent(cli, fresh_db, project_snapshot):
    first = cli("apply", "--db-url", fresh_db, "--bootstrap")
    assert first.exit_code == 0, first.output
    ids = migration_ids(project_snapshot)
    assert applied_ids(fresh_db) == ids
    # checksums recorded for every migration, equal to the files' sha256
    sums = dict(query(fresh_db, "select migration_id, sha256 from abr_db.migration_checksums"))
    assert sums == {p.stem: migrate.bookkeeping.sha256_file(p) for p in Project(project_snapshot).migration_files()}
    # yoyo's tables are in abr_db, never in public
    assert query(fresh_db, "select count(*) from pg_tables where tablename like '%yoyo%' and schemaname <> 'abr_db'") == [(0,)]
    # SELECT results of migrations/repeatables are not printed (yoyo would print "(1 row)")
    assert "(1 row)" not in first.output and "rows)" not in first.output
    # the API roles cannot see the bookkeeping
    assert query(fresh_db, "select has_schema_privilege('anon', 'abr_db', 'usage'), "
                           "has_schema_privilege('authenticated', 'abr_db', 'usage')") == [(False, False)]
    second = cli("apply", "--db-url", fresh_db)
    assert second.exit_code == 0, second.output
    assert "up to date" in second.output
    assert applied_ids(fresh_db) == ids


def test_apply_rollback_to_zero_apply_gives_an_identical_schema(cli, fresh_db):
    assert cli("apply", "--db-url", fresh_db, "--bootstrap").exit_code == 0
    before = schema_dump(fresh_db)
    rolled = cli("rollback", "--db-url", fresh_db, "--to", "0")
    assert rolled.exit_code == 0, rolled.output
    again = cli("apply", "--db-url", fresh_db)
    assert again.exit_code == 0, again.output
    after = schema_dump(fresh_db)
    assert before == after


def test_rollback_to_zero_leaves_no_trace(cli, new_db):
    migrated, bare = new_db(), new_db()
    assert cli("apply", "--db-url", migrated, "--bootstrap").exit_code == 0
    result = cli("rollback", "--db-url", migrated, "--to", "0")
    assert result.exit_code == 0, result.output
    with connect(bare) as conn:
        bootstrap.apply_bootstrap(conn)
    # the Supabase CLI's history table (if any) stays, like abr_db, empty of what was rolled back
    assert schema_dump(migrated, "-N", "supabase_migrations") == schema_dump(bare)
    # only the empty bookkeeping remains
    assert query(migrated, "select (select count(*) from abr_db._yoyo_migration), "
                           "(select count(*) from abr_db.migration_checksums), "
                           "(select count(*) from abr_db.repeatables)") == [(0, 0, 0)]


def test_rollback_to_a_version_keeps_the_earlier_migrations(cli, fresh_db, project_snapshot):
    ids = migration_ids(project_snapshot)
    assert len(ids) >= 6
    assert cli("apply", "--db-url", fresh_db, "--bootstrap").exit_code == 0
    result = cli("rollback", "--db-url", fresh_db, "--to", ids[4][:3])
    # Functions written for tables of later migrations cannot be re-applied at
    # 005: the rollback still succeeds, says so, and leaves every remaining
    # table behind RLS (a missing policy denies).
    assert result.exit_code == 0, result.output
    said = result.stdout + result.stderr
    assert "repeatables not all re-applied at 005" in said and "abr-db apply" in said, said
    assert query(fresh_db, "select count(*) from pg_class where relnamespace = 'public'::regnamespace "
                           "and relkind = 'r' and not relrowsecurity")[0][0] == 0
    assert applied_ids(fresh_db) == ids[:5]
    assert sorted(r[0] for r in query(fresh_db, "select migration_id from abr_db.migration_checksums")) == ids[:5]
    back = cli("apply", "--db-url", fresh_db)
    assert back.exit_code == 0, back.output
    assert applied_ids(fresh_db) == ids


def test_drift_is_detected_by_verify_and_refused_by_apply(cli, fresh_db, project_copy):
    assert cli("apply", "--db-url", fresh_db, "--bootstrap").exit_code == 0
    ok = cli("verify", "--db-url", fresh_db)
    assert ok.exit_code == 0, ok.output
    target = sorted((project_copy / "migrations").glob("003_*.sql"))
    target = [p for p in target if not p.name.endswith(".rollback.sql")][0]
    target.write_text(target.read_text() + "\n-- an edit after the fact\n")
    result = cli("verify", "--db-url", fresh_db)
    assert result.exit_code == 1
    assert f"migrations/{target.name}" in result.output
    as_json = json.loads(cli("verify", "--db-url", fresh_db, "--json").stdout)
    assert as_json["ok"] is False
    assert [f["subject"] for f in as_json["findings"] if f["code"] == "migration_changed"] == [f"migrations/{target.name}"]
    refused = cli("apply", "--db-url", fresh_db)
    assert refused.exit_code == 1
    assert f"migrations/{target.name}" in refused.stderr


def test_verify_reports_a_missing_object_created_by_a_migration(cli, fresh_db, project_snapshot):
    assert cli("apply", "--db-url", fresh_db, "--bootstrap").exit_code == 0
    created, _ = verify.expected_objects((project_snapshot / "migrations" / "001_core.sql").read_text())
    index = sorted(name for kind, schema, name in created if kind == "index" and schema == "public")[0]
    query(fresh_db, f"drop index public.{index}")
    result = cli("verify", "--db-url", fresh_db, "--json")
    assert result.exit_code == 1
    # reported by the expected schema (schema/expected.json), with the migration that owns it
    missing = [f for f in json.loads(result.stdout)["findings"] if f["code"] in ("object_missing", "schema_missing")]
    assert [f["subject"] for f in missing] == [f"index public.{index}"]
    assert "owned by migrations/" in missing[0]["message"] and "restore with: CREATE INDEX" in missing[0]["message"]


def test_expected_objects_parser_ignores_comments_and_follows_drops():
    sql = """
    -- create table public.commented_out (id int);
    /* create index idx_in_comment on public.x (a); */
    create table public.a (id int, note text default 'create table public.in_string');
    create unique index concurrently if not exists idx_a on public.a (id);
    create materialized view public.mv as select 1;
    create or replace function private.f() returns int language sql as $$ select 1 $$;
    drop index if exists public.idx_old;
    """
    created, dropped = verify.expected_objects(sql)
    assert created == {
        ("table", "public", "a"), ("index", "public", "idx_a"),
        ("view", "public", "mv"), ("function", "private", "f"),
    }
    assert dropped == {("index", "public", "idx_old")}


def test_a_failing_migration_is_rolled_back_entirely_and_reported(cli, fresh_db, project_copy):
    ids = migration_ids(project_copy)
    number = int(ids[-1][:3]) + 1
    broken = project_copy / "migrations" / f"{number:03d}_broken.sql"
    broken.write_text(
        "create table public.broken_first (id int);\n"
        "insert into public.no_such_table (id) values (1);\n"
    )
    result = cli("apply", "--db-url", fresh_db, "--bootstrap")
    assert result.exit_code == 1
    assert broken.name in result.stderr
    assert "42P01" in result.stderr
    assert "insert into public.no_such_table" in result.stderr
    # where: the line of the file, with the lines around it, the failing one marked
    assert "line 2:" in result.stderr
    assert re.search(r">\s+2 \| insert into public.no_such_table", result.stderr), result.stderr
    assert re.search(r"\s1 \| create table public.broken_first", result.stderr), result.stderr
    assert query(fresh_db, "select to_regclass('public.broken_first')") == [(None,)]
    assert applied_ids(fresh_db) == ids
    assert broken.stem not in [r[0] for r in query(fresh_db, "select migration_id from abr_db.migration_checksums")]


def test_two_concurrent_applies_apply_each_migration_once(fresh_db, project_snapshot):
    results = [None, None]

    def run(i: int) -> None:
        results[i] = run_abr_db("apply", "--bootstrap", "--db-url", fresh_db)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in results:
        assert r.returncode == 0, r.stdout + r.stderr
    rows = query(fresh_db, "select migration_id, count(*) from abr_db._yoyo_migration group by 1 order by 1")
    assert rows == [(mid, 1) for mid in migration_ids(project_snapshot)]
    # one of them did the work, the other found nothing to do
    assert sum("up to date" in r.stdout for r in results) == 1


def test_status_json_shape(cli, fresh_db, project_snapshot):
    before = json.loads(cli("status", "--db-url", fresh_db, "--json").stdout)
    assert before["bootstrapped"] is False
    assert before["migrations"]["applied"] == []
    assert [m["id"] for m in before["migrations"]["pending"]] == migration_ids(project_snapshot)
    assert cli("apply", "--db-url", fresh_db, "--bootstrap").exit_code == 0
    result = cli("status", "--db-url", fresh_db, "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {"bootstrapped", "migrations", "repeatables", "cron_jobs"}
    assert data["cron_jobs"] is None  # pg_cron lives in the cluster's cron database only
    assert data["bootstrapped"] is True
    assert [m["id"] for m in data["migrations"]["applied"]] == migration_ids(project_snapshot)
    assert all(re.match(r"\d{4}-\d\d-\d\dT", m["applied_at"]) for m in data["migrations"]["applied"])
    assert data["migrations"]["pending"] == []
    for item in data["repeatables"]:
        assert set(item) == {"path", "state", "reasons"}
        # cron_jobs/ is never applied outside the cron database, and says so
        expected = "skipped (no pg_cron in this database)" if item["path"].startswith("cron_jobs/") else "unchanged"
        assert item["state"] == expected, item


def test_dry_run_writes_nothing(cli, fresh_db, project_snapshot):
    result = cli("apply", "--db-url", fresh_db, "--bootstrap", "--dry-run")
    assert result.exit_code == 0, result.output
    first = migration_ids(project_snapshot)[0]
    assert f"would apply {first}" in result.output
    assert query(fresh_db, "select to_regnamespace('abr_db'), to_regnamespace('auth')") == [(None, None)]
    assert public_tables(fresh_db) == 0


def test_dry_run_on_an_applied_database_lists_changed_repeatables_only(cli, fresh_db, project_copy):
    assert cli("apply", "--db-url", fresh_db, "--bootstrap").exit_code == 0
    rpc = sorted((project_copy / "rpc_functions").glob("*.sql"))
    if not rpc:
        pytest.skip("no rpc_functions/ files yet")
    rpc[0].write_text(rpc[0].read_text() + "\n-- touched\n")
    recorded = query(fresh_db, "select sha256 from abr_db.repeatables where path = %s", (f"rpc_functions/{rpc[0].name}",))
    result = cli("apply", "--db-url", fresh_db, "--dry-run")
    assert result.exit_code == 0, result.output
    assert f"would apply rpc_functions/{rpc[0].name} (changed)" in result.output
    assert query(fresh_db, "select sha256 from abr_db.repeatables where path = %s", (f"rpc_functions/{rpc[0].name}",)) == recorded
    # and a real apply re-applies exactly that file, keeping what it owns on record
    applied = cli("apply", "--db-url", fresh_db)
    assert applied.exit_code == 0, applied.output
    assert f"applied rpc_functions/{rpc[0].name} (changed)" in applied.output
    objects = query(fresh_db, "select objects from abr_db.repeatables where path = %s", (f"rpc_functions/{rpc[0].name}",))[0][0]
    assert objects["functions"], "a re-applied file must keep its functions on record"


def test_cron_jobs_apply_in_the_cron_database(applied_db, project_snapshot):
    files = sorted((project_snapshot / "cron_jobs").glob("*.sql"))
    if not files:
        pytest.skip("no cron_jobs/ files yet")
    recorded = query(applied_db, "select path from abr_db.repeatables where path like 'cron_jobs/%' order by 1")
    assert [r[0] for r in recorded] == [f"cron_jobs/{p.name}" for p in files]
    assert query(applied_db, "select count(*) > 0 from cron.job")[0][0]


def test_url_resolution_errors_exit_2_with_one_line(cli, monkeypatch, project_copy):
    none = cli("status")
    assert none.exit_code == 2
    assert len(none.stderr.strip().splitlines()) == 1
    assert "--db-url" in none.stderr and "DATABASE_URL" in none.stderr

    from abr_db.embedded import free_port

    unreachable = cli("status", "--db-url", f"postgresql://postgres:postgres@127.0.0.1:{free_port()}/postgres")
    assert unreachable.exit_code == 2
    assert len(unreachable.stderr.strip().splitlines()) == 1
    assert "cannot connect" in unreachable.stderr
    assert "postgres:postgres@" not in unreachable.stderr  # password redacted

    bad = cli("apply", "--db-url", "mysql://root@localhost/db")
    assert bad.exit_code == 2
    assert len(bad.stderr.strip().splitlines()) == 1

    monkeypatch.setenv("DATABASE_URL", f"postgresql://postgres:postgres@127.0.0.1:{free_port()}/x")
    via_env = cli("verify")
    assert via_env.exit_code == 2 and "cannot connect" in via_env.stderr


def test_transaction_pooler_is_refused_before_connecting(cli):
    url = "postgresql://postgres.abcdefgh:secret@aws-0-ca-central-1.pooler.supabase.com:6543/postgres"
    result = cli("apply", "--db-url", url)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "transaction pooler" in lines[0] and "session pooler" in lines[0]
    assert cli("rollback", "--db-url", url, "--to", "0").exit_code == 2
    from abr_db.connect import is_transaction_pooler

    assert not is_transaction_pooler(url.replace(":6543", ":5432"))


def test_verify_flags_a_foreign_key_without_an_index(cli, fresh_db):
    assert cli("apply", "--db-url", fresh_db, "--bootstrap").exit_code == 0
    assert cli("verify", "--db-url", fresh_db).exit_code == 0
    query(fresh_db, "create table public.zz_child (id int, org uuid references public.organizations (id))")
    result = cli("verify", "--db-url", fresh_db, "--json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert [f["subject"] for f in findings if f["code"] == "unindexed_foreign_key"] == ["public.zz_child.zz_child_org_fkey"]


def test_seed_loads_the_demo_data(cli, fresh_db, project_snapshot):
    if not sorted((project_snapshot / "seeds").glob("*.sql")):
        pytest.skip("no seeds/*.sql yet")
    assert cli("apply", "--db-url", fresh_db, "--bootstrap").exit_code == 0
    result = cli("seed", "--db-url", fresh_db)
    assert result.exit_code == 0, result.output
    assert query(fresh_db, "select count(*) > 0 from public.organizations")[0][0]
    # Loading it again keeps what is there and adds nothing.
    counts = "select (select count(*) from public.profiles), (select count(*) from public.progress), " \
             "(select count(*) from public.certificates), (select count(*) from public.subscription_seats)"
    before = query(fresh_db, counts)
    assert cli("seed", "--db-url", fresh_db).exit_code == 0
    assert query(fresh_db, counts) == before


def test_apply_and_rollback_json_for_ci(cli, fresh_db, project_snapshot):
    ids = migration_ids(project_snapshot)
    applied = cli("apply", "--db-url", fresh_db, "--bootstrap", "--json")
    assert applied.exit_code == 0, applied.output
    data = json.loads(applied.stdout)
    assert data["ok"] is True and data["bootstrapped"] is True and data["migrations"] == ids
    assert data["repeatables"] and all(r["reason"] == "new" for r in data["repeatables"])
    rolled = cli("rollback", "--db-url", fresh_db, "--to", ids[-2][:3], "--json")
    assert rolled.exit_code == 0, rolled.output
    back = json.loads(rolled.stdout)
    assert back["rolled_back"] == [ids[-1]] and back["target"] == int(ids[-2][:3])
    # the summary counts what was re-applied after the rollback
    assert back["reapplied"] and set(back["reapplied"]) <= {r["path"] for r in data["repeatables"]}
    human = cli("rollback", "--db-url", fresh_db, "--to", ids[-3][:3])
    assert human.exit_code == 0, human.output
    assert re.search(r"re-applied [1-9]\d* repeatable file", human.stdout), human.stdout


def test_types_on_an_unreachable_database_exits_2_with_the_connection_error(cli):
    from abr_db.embedded import free_port

    result = cli("types", "--db-url", f"postgresql://postgres:postgres@127.0.0.1:{free_port()}/postgres",
                 "--output", "/dev/null")
    assert result.exit_code == 2
    assert "cannot connect" in result.stderr and "node" not in result.stderr.lower()


def test_verify_matrix_on_an_unmigrated_database_says_how_to_fix_it(cli, fresh_db):
    result = cli("verify", "--matrix", "--db-url", fresh_db)
    assert result.exit_code == 1
    assert "not migrated" in result.stderr and "abr-db apply" in result.stderr
    assert "unexpected error" not in result.stderr


def test_verify_matrix_shows_its_progress(cli, fresh_db, tmp_path):
    assert cli("apply", "--db-url", fresh_db, "--bootstrap").exit_code == 0
    out = tmp_path / "matrix.md"
    result = run_abr_db("verify", "--matrix", "--write", out, "--db-url", fresh_db)
    assert result.returncode == 0, result.stdout + result.stderr
    steps = re.findall(r"access matrix: (\d+)/(\d+) (\w+)", result.stderr)
    tables = query(fresh_db, "select count(*) from pg_tables where schemaname = 'public'")[0][0]
    assert steps and steps[0][:2] == ("1", str(tables)) and steps[-1][:2] == (str(tables), str(tables)), result.stderr
    assert out.read_text().startswith("# Access matrix")


def test_a_changed_bootstrap_reaches_a_database_it_bootstrapped_and_no_other(cli, new_db):
    """`apply` re-runs a newer bootstrap file where an older one ran (its marker on schema auth),
    and leaves a database whose schema auth is someone else's (Supabase's) alone."""
    ours, theirs = new_db(), new_db()
    for url in (ours, theirs):
        assert cli("apply", "--db-url", url, "--bootstrap").exit_code == 0
    slow_uid = ("create or replace function auth.uid() returns uuid language sql stable "
                "set search_path = pg_catalog, pg_temp as $$ select null::uuid $$")
    query(ours, slow_uid)
    query(ours, f"comment on schema auth is '{bootstrap.MARKER}0000'")
    query(theirs, slow_uid)
    query(theirs, "comment on schema auth is 'Auth schema (Supabase)'")
    result = cli("apply", "--db-url", ours)
    assert result.exit_code == 0 and "bootstrap: its file changed" in result.output, result.output
    assert query(ours, "select proconfig is null, obj_description('auth'::regnamespace, 'pg_namespace') "
                       "from pg_proc where oid = 'auth.uid'::regproc") == [(True, bootstrap._marker())]
    again = cli("apply", "--db-url", ours)
    assert again.exit_code == 0 and "bootstrap" not in again.output, again.output
    other = cli("apply", "--db-url", theirs)
    assert other.exit_code == 0 and "bootstrap" not in other.output, other.output
    assert query(theirs, "select proconfig is not null from pg_proc where oid = 'auth.uid'::regproc") == [(True,)]
