"""tests_sql/ runs under pg_prove, the reference pgTAP runner (what
`supabase test db` uses), exactly as the README says: after `abr-db apply`,
`pg_prove -d URL tests_sql/*.sql`, on an empty and on a demo-seeded database."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from abr_db.pgtap import psql_path

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("pg_prove") is None, reason="pg_prove not installed (make setup installs Debian's pgtap)")
@pytest.mark.parametrize("database", ["applied_db", "demo_db"], ids=["empty", "demo"])
def test_pg_prove_runs_every_file_green(request, database):
    url = request.getfixturevalue(database)
    files = sorted(str(p) for p in (REPO / "tests_sql").glob("*.sql"))
    assert files, "tests_sql/ has no pgTAP files"
    proc = subprocess.run(["pg_prove", "-b", psql_path(), "-d", url, *files], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-2000:]
    assert "Result: PASS" in proc.stdout
    assert f"Files={len(files)}," in proc.stdout
