"""Every tests_sql/*.sql file, through the pgTAP runner, against the applied cron database."""

from __future__ import annotations

from pathlib import Path

import pytest

from abr_db import pgtap

TESTS_SQL = Path(__file__).resolve().parents[1] / "tests_sql"
FILES = sorted(TESTS_SQL.glob("*.sql"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_pgtap_file(applied_db, path):
    result = pgtap.run_file(applied_db, path)
    assert result.ok, (
        f"{path.name}: {len(result.failures)} of {len(result.tests)} tests failed "
        f"(planned {result.planned})\n{result.report()}"
    )
