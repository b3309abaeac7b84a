"""Every SQL line is at most 120 characters (sqlfluff's layout.long_lines, .sqlfluff). The only
exception: the migrations that were applied before the rule was turned back on, whose text is
checksummed and must not change (migrations/.sqlfluff lets sqlfluff accept them). A new migration
gets no exemption: this test fails on any line of it over 120."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LIMIT = 120
SQL_DIRS = ("migrations", "rpc_functions", "rls_policies", "cron_jobs", "seeds", "tests_sql", "tools/abr_db/sql")
FROZEN = {
    "migrations/001_core.sql", "migrations/002_learning.sql", "migrations/003_gamification.sql",
    "migrations/004_ingestion.sql", "migrations/006_billing.sql", "migrations/009_analytics.sql",
    "migrations/011_access_guards.sql", "migrations/012_audit.sql", "migrations/016_certificate_verification.sql",
}


def long_lines() -> list[str]:
    found = []
    for folder in SQL_DIRS:
        for path in sorted((REPO / folder).rglob("*.sql")):
            rel = path.relative_to(REPO).as_posix()
            if rel in FROZEN:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if len(line) > LIMIT:
                    found.append(f"{rel}:{number}: {len(line)} characters")
    return found


def test_no_sql_line_is_longer_than_120_characters():
    assert long_lines() == [], "lines over 120 characters (reflow them):\n" + "\n".join(long_lines())


def test_the_exempt_migrations_exist():
    """An exemption for a file that no longer exists would be dead weight."""
    assert all((REPO / rel).is_file() for rel in FROZEN)
