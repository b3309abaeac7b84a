"""A database restored from its backup, or upgraded from PostgreSQL 15 to 17, behaves like the original.

- dump and restore: a demo-seeded database, `pg_dump -Fc --create` and `pg_restore --create`
  into a fresh cluster (roles first, from `pg_dumpall --roles-only`), as a DBA restores a
  backup; the restore renumbers the internal foreign-key triggers, so their actions fire
  in another order. The cascade and access pgTAP files pass on the copy, and `verify` is ok.
  A restore into an existing database (no --create: no database privileges restored) gives
  TEMPORARY back to PUBLIC: `verify` says so and one `apply` repairs it.
- pg_upgrade 15 -> 17 (only where both majors are installed: `make setup PG=17`): a
  demo-seeded 15 cluster upgraded in link-less copy mode, its extensions updated as
  pg_upgrade asks (update_extensions.sql), then one `abr-db apply`: `verify` ok, the cascade
  tests pass, no API role reads pg_stat_statements or may create temporary objects.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest

from abr_db import migrate, pgtap, seed
from abr_db.embedded import LocalCluster, ThrowawayCluster, _as_server_user, _chown_to_server_user, free_port
from abr_db.paths import Project
from abr_db.pgmajor import available, pg_bindir, pg_major
from conftest import query, run_abr_db

CASCADE_FILES = ("008_cascades.sql", "011_cascade_order.sql")
API_ROLES = ("anon", "authenticated", "service_role")


def access_files(project: Path) -> list[Path]:
    """The access tests: every RLS file, the security regressions and the pg_temp attack."""
    sql = project / "tests_sql"
    return sorted({*sql.glob("1*_rls_*.sql"), sql / "162_security_regressions.sql", sql / "164_pg_temp_attack.sql"})


def run_pgtap(url: str, files) -> None:
    failures = []
    for path in files:
        result = pgtap.run_file(url, path)
        if not result.ok:
            failures.append(f"{Path(path).name}: {pgtap.status_line(result)}\n{result.report()[:3000]}")
    assert not failures, "\n".join(failures)


def red_lines(url: str) -> dict[str, list[str]]:
    """API roles that may read pg_stat_statements or create temporary objects (both must be empty)."""
    stats = query(url, """
        select r from unnest(%s::text[]) as r
        where has_table_privilege(r, 'extensions.pg_stat_statements', 'select')
           or has_function_privilege(r, 'extensions.pg_stat_statements(boolean)', 'execute')""", (list(API_ROLES),))
    temp = query(url, """
        select r from unnest(%s::text[]) as r where has_database_privilege(r, current_database(), 'temporary')""",
                 (list(API_ROLES),))
    return {"pg_stat_statements": [r for (r,) in stats], "temporary": [r for (r,) in temp]}


def verify(url: str) -> subprocess.CompletedProcess:
    return run_abr_db("verify", "--db-url", url, timeout=300)


def apply(url: str) -> subprocess.CompletedProcess:
    done = run_abr_db("apply", "--db-url", url, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def psql(bindir: Path, url: str, sql: str) -> None:
    proc = subprocess.run([str(bindir / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=0", "-d", url],
                          input=sql, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]


# Dump and restore ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def restored(cluster, demo_db):
    """The demo-seeded database, dumped and restored (with --create) into a fresh cluster."""
    bindir = pg_bindir()
    work = Path(tempfile.mkdtemp(prefix="abr-db-dump-"))
    dump = work / "seeded.dump"
    subprocess.run([str(bindir / "pg_dump"), "-Fc", "--create", "-f", str(dump), "-d", demo_db], check=True)
    roles = subprocess.run([str(bindir / "pg_dumpall"), "--roles-only", "--no-role-passwords", "-d", cluster.url],
                           check=True, capture_output=True, text=True).stdout
    dbname = demo_db.rsplit("/", 1)[1]
    with ThrowawayCluster() as fresh:
        psql(bindir, fresh.url, roles)  # "role postgres already exists": the one error expected
        proc = subprocess.run([str(bindir / "pg_restore"), "--exit-on-error", "--create", "-d", fresh.url, str(dump)],
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr[-3000:]
        yield {"cluster": fresh, "url": fresh.url_for(dbname), "dump": dump, "bindir": bindir}
    shutil.rmtree(work, ignore_errors=True)


def _action_order(url: str) -> list[str]:
    return [r[0] for r in query(url, """
        select c.conname from pg_trigger as t inner join pg_constraint as c on t.tgconstraint = c.oid
        where t.tgrelid = 'public.organizations'::regclass and t.tgtype & 8 <> 0
        order by t.tgname collate "C" """)]


def test_a_restored_copy_passes_the_cascade_and_access_tests(restored, demo_db, project_snapshot):
    url = restored["url"]
    assert query(url, "select count(*) from public.organizations")[0][0] >= 2, "the restore brought no data"
    # What the restore changes: the order in which the organization's foreign-key actions fire.
    assert set(_action_order(url)) == set(_action_order(demo_db))
    run_pgtap(url, [project_snapshot / "tests_sql" / f for f in CASCADE_FILES])
    run_pgtap(url, access_files(project_snapshot))
    assert red_lines(url) == {"pg_stat_statements": [], "temporary": []}
    checked = verify(url)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_restore_into_an_existing_database_is_repaired_by_one_apply(restored):
    """Without --create nothing restores the database's privileges: TEMPORARY is PUBLIC's again."""
    fresh, bindir = restored["cluster"], restored["bindir"]
    with psycopg.connect(fresh.url, autocommit=True) as conn:
        conn.execute("create database plain_restore")
    url = fresh.url_for("plain_restore")
    proc = subprocess.run([str(bindir / "pg_restore"), "--exit-on-error", "-d", url, str(restored["dump"])],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert red_lines(url)["temporary"] == list(API_ROLES)
    before = verify(url)
    assert before.returncode == 1 and "privileges database altered" in before.stdout, before.stdout
    done = apply(url)
    assert "database_privileges.sql (drifted: privileges database altered)" in done.stdout, done.stdout
    assert red_lines(url) == {"pg_stat_statements": [], "temporary": []}
    after = verify(url)
    assert after.returncode == 0, after.stdout + after.stderr


def test_apply_repairs_an_extension_update_that_reopens_pg_stat_statements(new_db, project_snapshot):
    """What `ALTER EXTENSION pg_stat_statements UPDATE` does (its scripts grant to PUBLIC), done by hand."""
    url = new_db()
    migrate.apply(url, bootstrap=True, proj=Project(project_snapshot), quiet=True)
    assert red_lines(url)["pg_stat_statements"] == []
    query(url, "grant select on extensions.pg_stat_statements to public")
    assert red_lines(url)["pg_stat_statements"] == list(API_ROLES)
    before = verify(url)
    assert before.returncode == 1 and "privileges extension pg_stat_statements altered" in before.stdout, before.stdout
    apply(url)
    assert red_lines(url)["pg_stat_statements"] == []
    after = verify(url)
    assert after.returncode == 0, after.stdout + after.stderr


# pg_upgrade 15 -> 17 -----------------------------------------------------------------------------

needs_both = pytest.mark.skipif(
    not (available(15) and available(17)),
    reason="pg_upgrade 15 -> 17 needs both majors installed (`make setup PG=17` adds 17)",
)


def _run_as_server(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(_as_server_user(cmd), cwd=cwd, capture_output=True, text=True, timeout=900)


@needs_both
def test_pg_upgrade_from_15_to_17_then_one_apply(project_snapshot):
    proj = Project(project_snapshot)
    base = Path(tempfile.mkdtemp(prefix="abr-db-upgrade-"))
    os.chmod(base, 0o755)
    old = LocalCluster(base / "15", free_port(), 15)
    new = LocalCluster(base / "17", free_port(), 17)
    work = base / "work"  # pg_upgrade's working directory (its sockets, update_extensions.sql)
    work.mkdir()
    _chown_to_server_user(work)
    try:
        old.init()
        old.start()
        migrate.apply(old.url, bootstrap=True, proj=proj, quiet=True)
        seed.seed(old.url, proj=proj)
        assert query(old.url, "select current_setting('server_version_num')::int / 10000")[0][0] == 15
        old.stop()

        new.init()
        new.write_conf()  # the same preloaded libraries: pg_upgrade loads every library the old one uses
        proc = _run_as_server([
            str(pg_bindir(17) / "pg_upgrade"), "-b", str(pg_bindir(15)), "-B", str(pg_bindir(17)),
            "-d", str(old.datadir), "-D", str(new.datadir), "-U", "postgres", "--copy",
        ], work)
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
        new.start()
        assert query(new.url, "select current_setting('server_version_num')::int / 10000")[0][0] == 17

        # As pg_upgrade asks: update the extensions it lists (pg_cron, pg_stat_statements).
        script = work / "update_extensions.sql"
        if script.exists():
            proc = subprocess.run([str(pg_bindir(17) / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                                   "-d", new.url.rsplit("/", 1)[0] + "/template1", "-f", str(script)],
                                  capture_output=True, text=True)
            assert proc.returncode == 0, proc.stderr[-2000:]

        assert script.exists() and 'ALTER EXTENSION "pg_stat_statements" UPDATE' in script.read_text()

        # What the upgrade undid: the extension's update script granted pg_stat_statements to PUBLIC.
        assert red_lines(new.url) == {"pg_stat_statements": list(API_ROLES), "temporary": []}
        before = verify(new.url)
        assert before.returncode == 1, before.stdout + before.stderr
        assert "privileges extension pg_stat_statements altered" in before.stdout
        # and nothing else: 17's MAINTAIN in the owners' table ACLs is not drift
        assert not re.search(r"\btable \S+ altered", before.stdout), before.stdout

        done = apply(new.url)
        applied = re.findall(r"applied (\S+) \(", done.stdout)
        assert applied == ["rls_policies/database_privileges.sql"], done.stdout
        checked = verify(new.url)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert red_lines(new.url) == {"pg_stat_statements": [], "temporary": []}
        run_pgtap(new.url, [project_snapshot / "tests_sql" / f for f in CASCADE_FILES])
        again = apply(new.url)  # nothing left to repair: a second apply changes nothing
        assert re.search(r"repeatables applied\s*│\s*0\b", again.stdout), again.stdout
    finally:
        for c in (new, old):
            try:
                c.stop()
            except Exception:  # noqa: BLE001 - best effort: the directory goes anyway
                pass
        shutil.rmtree(base, ignore_errors=True)


# The setting that picks the major ------------------------------------------------------------------

def test_the_major_is_one_setting(monkeypatch):
    monkeypatch.delenv("ABR_DB_PG_MAJOR", raising=False)
    assert pg_major() == 15
    bad = run_abr_db("--pg", "16", "up")
    assert bad.returncode == 2 and "supports PostgreSQL 15 and 17" in bad.stdout + bad.stderr
    monkeypatch.setenv("ABR_DB_PG_MAJOR", "17")
    assert pg_major() == 17


def test_the_session_cluster_runs_the_chosen_major(cluster):
    assert query(cluster.url, "select current_setting('server_version_num')::int / 10000")[0][0] == pg_major()
