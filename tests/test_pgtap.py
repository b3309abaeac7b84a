"""Every tests_sql/*.sql file, through the pgTAP runner, on three databases: empty (the applied
cron database), demo-seeded (`abr-db seed`, as `make up` leaves it) and bench-seeded (the synthetic
data, committed). A file passes on all three or it asserts about rows that are not its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from abr_db import pgtap

TESTS_SQL = Path(__file__).resolve().parents[1] / "tests_sql"
FILES = sorted(TESTS_SQL.glob("*.sql"))
DATABASES = {"empty": "applied_db", "demo": "demo_db", "bench": "bench_db"}


@pytest.mark.parametrize("database", DATABASES)
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_pgtap_file(request, database, path):
    url = request.getfixturevalue(DATABASES[database])
    result = pgtap.run_file(url, path)
    assert result.ok, (
        f"{path.name} on the {database} database: {len(result.failures)} of {len(result.tests)} tests failed "
        f"(planned {result.planned})\n{result.report()}"
    )
