"""The embedded database: Docker detection, `up` / `down`, the throwaway cluster's settings."""

from __future__ import annotations

import json
import time

from abr_db import embedded
from conftest import query, run_abr_db


def test_docker_detection_is_fast_and_picks_local_here(monkeypatch):
    started = time.monotonic()
    available = embedded.docker_available()
    engine = embedded.choose_engine()
    assert time.monotonic() - started < 2
    assert available is False  # no Docker engine on this machine
    assert engine == "local"


def test_docker_detection_does_not_hang_on_an_unreachable_engine(monkeypatch):
    monkeypatch.setenv("DOCKER_HOST", f"tcp://127.0.0.1:{embedded.free_port()}")
    started = time.monotonic()
    assert embedded.docker_available() is False
    assert time.monotonic() - started < 2
    monkeypatch.setenv("DOCKER_HOST", "unix:///nonexistent/docker.sock")
    assert embedded.docker_available() is False


def test_throwaway_cluster_has_the_documented_settings(cluster):
    rows = query(cluster.url, """
        select current_setting('shared_preload_libraries'), current_setting('cron.database_name'),
               current_setting('listen_addresses'), current_setting('max_connections'),
               pg_encoding_to_char(encoding), datcollate
        from pg_database where datname = current_database()""")
    assert rows == [("pg_cron,pg_stat_statements", "postgres", "127.0.0.1", "100", "UTF8", "C.UTF-8")]
    # password auth over TCP works with the documented password
    assert embedded.make_url(cluster.port) == cluster.url


def test_up_is_idempotent_and_down_purge_removes_the_data_dir(project_copy):
    port = embedded.free_port()
    env = {"ABR_DB_ROOT": str(project_copy), "ABR_DB_PORT": str(port)}
    pgdata = project_copy / ".pgdata"
    try:
        first = run_abr_db("up", env=env, timeout=300)
        assert first.returncode == 0, first.stdout + first.stderr
        assert f"127.0.0.1:{port}/postgres" in first.stdout
        assert "tables in public" in first.stdout
        state = json.loads((pgdata / "abr-db.json").read_text())
        assert state["url"] == f"postgresql://postgres:postgres@127.0.0.1:{port}/postgres"
        assert query(state["url"], "select count(*) > 0 from abr_db._yoyo_migration")[0][0]

        second = run_abr_db("up", env=env, timeout=300)
        assert second.returncode == 0, second.stdout + second.stderr
        assert "already running" in second.stdout
        assert "up to date" in second.stdout
        assert "seed skipped" in second.stdout or "nothing (no seeds" in second.stdout

        # the embedded instance is what commands use without --db-url
        status = run_abr_db("status", "--json", env=env)
        assert status.returncode == 0, status.stderr
        assert json.loads(status.stdout)["migrations"]["pending"] == []
    finally:
        down = run_abr_db("down", "--purge", env=env)
    assert down.returncode == 0, down.stdout + down.stderr
    assert not pgdata.exists()
    assert embedded.port_is_free(port)
