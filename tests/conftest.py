"""Fixtures: a throwaway PostgreSQL cluster of the chosen major ($ABR_DB_PG_MAJOR,
`make test PG=17`; default 15) for the whole session (never the
developer's .pgdata), a fresh empty database per test, and the cluster's
`postgres` database (the pg_cron one) with everything applied, for pgTAP.

Every tool test runs against a snapshot copy of the project taken at session
start (ABR_DB_ROOT), so files edited meanwhile don't change a run halfway.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import psycopg
import pytest
from typer.testing import CliRunner

from abr_db import migrate, seed
from abr_db.cli import app
from abr_db.embedded import ThrowawayCluster
from abr_db.pgmajor import pg_bindir, server_version
from abr_db.paths import Project

REPO = Path(__file__).resolve().parents[1]
ABR_DB_BIN = Path(sys.executable).with_name("abr-db")
PG_BIN = pg_bindir()  # the chosen major's initdb, pg_ctl, psql, pg_dump
PROJECT_ITEMS = ("migrations", "rpc_functions", "rls_policies", "cron_jobs", "seeds", "tests_sql", "schema",
                 "pyproject.toml")


def pytest_report_header(config):
    return f"server: {server_version()}"


def copy_project(src: Path) -> Path:
    """A copy of the project's SQL folders in a directory the `postgres` OS user can reach."""
    dest = Path(tempfile.mkdtemp(prefix="abr-db-proj-"))
    os.chmod(dest, 0o755)
    for item in PROJECT_ITEMS:
        path = src / item
        if path.is_dir():
            shutil.copytree(path, dest / item)
        elif path.is_file():
            shutil.copy2(path, dest / item)
    (dest / "migrations").mkdir(exist_ok=True)
    return dest


@pytest.fixture(scope="session")
def project_snapshot():
    dest = copy_project(REPO)
    yield dest
    shutil.rmtree(dest, ignore_errors=True)


@pytest.fixture(autouse=True)
def _environment(monkeypatch, project_snapshot):
    monkeypatch.setenv("ABR_DB_ROOT", str(project_snapshot))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("ABR_DB_PORT", raising=False)


@pytest.fixture
def project_copy(monkeypatch, project_snapshot):
    """A private copy of the project (to edit files in); ABR_DB_ROOT points at it."""
    dest = copy_project(project_snapshot)
    monkeypatch.setenv("ABR_DB_ROOT", str(dest))
    yield dest
    shutil.rmtree(dest, ignore_errors=True)


@pytest.fixture(scope="session")
def cluster():
    with ThrowawayCluster() as c:
        yield c


@pytest.fixture
def new_db(cluster):
    """Factory: create an empty database in the throwaway cluster, return its URL."""
    names: list[str] = []

    def make() -> str:
        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(cluster.url, autocommit=True) as conn:
            conn.execute(f'create database "{name}"')
        names.append(name)
        return cluster.url_for(name)

    yield make
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        for name in names:
            conn.execute(f'drop database if exists "{name}" with (force)')


@pytest.fixture
def fresh_db(new_db) -> str:
    return new_db()


@pytest.fixture(scope="session")
def applied_db(cluster, project_snapshot) -> str:
    """The cluster's `postgres` database (cron.database_name): bootstrap + apply, once."""
    result = migrate.apply(cluster.url, bootstrap=True, proj=Project(project_snapshot), quiet=True)
    assert not result.warnings, result.warnings  # cron_jobs/ must apply here
    return cluster.url


def _applied_database(cluster, project_snapshot, name: str) -> str:
    """A database of its own in the session's cluster, bootstrapped and applied (not the cron one:
    cron_jobs/ is skipped there, and 152_cron_jobs.sql skips its schedule checks)."""
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'create database "{name}"')
    url = cluster.url_for(name)
    migrate.apply(url, bootstrap=True, proj=Project(project_snapshot), quiet=True)
    return url


@pytest.fixture(scope="session")
def demo_db(cluster, project_snapshot) -> str:
    """Applied and loaded with the demo seed (`abr-db seed`), as `make up` leaves a database."""
    url = _applied_database(cluster, project_snapshot, "seeded_demo")
    seed.seed(url, proj=Project(project_snapshot))
    assert query(url, "select count(*) from public.organizations")[0][0] >= 2, "the demo seed loaded nothing"
    return url


@pytest.fixture(scope="session")
def bench_db(cluster, project_snapshot) -> str:
    """Applied and loaded, committed, with the synthetic bench data (seeds/bench/synthetic.sql, scale 1:
    200 members in 5 organizations, 20 courses, 5,000 progress rows, 400 cases)."""
    url = _applied_database(cluster, project_snapshot, "seeded_bench")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute((project_snapshot / "seeds" / "bench" / "synthetic.sql").read_text())
    assert query(url, "select count(*) from public.profiles")[0][0] >= 200, "the bench data loaded nothing"
    return url


@pytest.fixture
def cli():
    """Invoke the CLI in-process; returns click's Result (stdout, stderr, exit_code)."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return invoke


def run_abr_db(*args: str, env: dict | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
    full_env = dict(os.environ, **(env or {}))
    full_env.setdefault("COLUMNS", "200")
    return subprocess.run(
        [str(ABR_DB_BIN), *map(str, args)], capture_output=True, text=True, env=full_env, timeout=timeout
    )


def schema_dump(url: str, *extra: str) -> str:
    """pg_dump --schema-only without abr-db's bookkeeping schema, comparable between databases."""
    proc = subprocess.run(
        [str(PG_BIN / "pg_dump"), "--schema-only", "--no-owner", "-N", "abr_db", *extra, "-d", url],
        capture_output=True, text=True, check=True,
    )
    lines = [line for line in proc.stdout.splitlines() if not line.startswith(("\\restrict", "\\unrestrict"))]
    # An object's GRANT/REVOKE lines follow its ACL's item order, which depends on the history of
    # grants and revokes, not on what is granted: each run of them is compared as a set.
    out: list[str] = []
    run: list[str] = []
    for line in lines + [""]:
        if line.startswith(("GRANT ", "REVOKE ")):
            run.append(line)
            continue
        out.extend(sorted(run))
        run = []
        out.append(line)
    return "\n".join(out[:-1])


def query(url: str, sql: str, params=None):
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(sql, params)
        return cur.fetchall() if cur.description else None


@pytest.fixture(scope="session")
def standby(cluster, demo_db):
    """A streaming hot standby of the session's cluster (after the demo database exists)."""
    from scaleout_servers import HotStandby  # noqa: PLC0415

    with HotStandby(cluster) as s:
        s.wait_for_replay()
        yield s


@pytest.fixture(scope="session")
def pgbouncer(cluster):
    """PgBouncer in transaction mode in front of the session's cluster."""
    from scaleout_servers import TransactionPooler  # noqa: PLC0415

    with TransactionPooler(cluster.port) as p:
        yield p
