"""The CLI says exactly what happened: one JSON document, an exit code per kind of outcome.

Exit codes (README): 0 ok, 1 verification or migration failure, 2 usage or connection
error, 3 an unexpected error (a bug in abr-db).
"""

from __future__ import annotations

import json

from abr_db import verify as verify_mod
from abr_db.errors import MigrationError


def test_verify_json_matrix_prints_one_json_document(cli, demo_db):
    result = cli("verify", "--db-url", demo_db, "--json", "--matrix", "--allow-pending")
    document = json.loads(result.stdout)  # the whole of stdout is one document
    assert result.exit_code == (0 if document["ok"] else 1)
    assert set(document) >= {"ok", "checks", "findings", "matrix"}
    matrix = document["matrix"]
    assert "anon" in matrix["actors"] and "service_role" in matrix["actors"]
    profiles = [r for r in matrix["rows"] if r["table"] == "profiles" and r["operation"] == "select"]
    assert profiles and profiles[0]["cells"]["anon"]["shown"] == "✗"
    assert matrix["markdown"].startswith("# Access matrix")


def test_verify_json_matrix_write_keeps_stdout_one_document(cli, demo_db, tmp_path):
    target = tmp_path / "matrix.md"
    result = cli("verify", "--db-url", demo_db, "--json", "--matrix", "--write", target, "--allow-pending")
    json.loads(result.stdout)
    assert target.read_text().startswith("# Access matrix")
    assert "access matrix written" in result.stderr


def test_write_without_matrix_is_refused_before_any_work(cli, tmp_path):
    # an unreachable database: the refusal comes before any connection is tried
    result = cli("verify", "--db-url", "postgresql://nobody@127.0.0.1:1/none", "--write", tmp_path / "m.md")
    assert result.exit_code == 2
    assert result.stderr.strip() == "--write goes with --matrix"
    assert not (tmp_path / "m.md").exists()


def test_a_crash_has_its_own_exit_code(cli, monkeypatch):
    def crash(*args, **kwargs):
        raise KeyError("a bug")

    monkeypatch.setattr(verify_mod, "verify", crash)
    result = cli("verify", "--db-url", "postgresql://nobody@127.0.0.1:1/none")
    assert result.exit_code == 3
    assert result.stderr.startswith("unexpected error: KeyError")


def test_a_failure_is_not_a_crash(cli, monkeypatch):
    def fails(*args, **kwargs):
        raise MigrationError("verification failed on purpose")

    monkeypatch.setattr(verify_mod, "verify", fails)
    result = cli("verify", "--db-url", "postgresql://nobody@127.0.0.1:1/none")
    assert result.exit_code == 1
    assert "verification failed on purpose" in result.stderr
