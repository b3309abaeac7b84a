"""The access matrix (docs/ACCESS_MATRIX.md) is what the live database does.

It is regenerated from the applied database on every run, then compared with
the committed file; and a few properties every row of it must have are
checked on the fresh result, so a policy change that breaks them fails here
even if someone regenerated the file.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import psycopg
import pytest

from abr_db import matrix

REPO = Path(__file__).resolve().parents[1]
COMMITTED = REPO / "docs" / "ACCESS_MATRIX.md"


@pytest.fixture(scope="module")
def live(applied_db) -> matrix.Matrix:
    with psycopg.connect(applied_db, autocommit=True) as conn:
        return matrix.build(conn, REPO / "seeds" / "demo.sql")


def test_committed_matrix_matches_the_database(live):
    generated = live.to_markdown()
    committed = COMMITTED.read_text()
    diff = "\n".join(difflib.unified_diff(committed.splitlines(), generated.splitlines(),
                                          "docs/ACCESS_MATRIX.md", "live database", lineterm=""))
    assert generated == committed, "regenerate with `abr-db verify --matrix --write docs/ACCESS_MATRIX.md`:\n" + diff


def test_anon_writes_nothing(live):
    for table in live.tables:
        for op in ("insert", "update", "delete"):
            assert live.cells[(table, op, "anon")].allowed == 0, f"anon can {op} {table}"


def test_service_role_reaches_every_row(live):
    for table in live.tables:
        cell = live.cells[(table, "select", "service_role")]
        assert cell.allowed == cell.total, f"service_role reads {cell.allowed}/{cell.total} of {table}"


@pytest.mark.parametrize("actor", ["viewer", "guest"])
def test_read_only_roles_write_only_their_own_things(live, actor):
    writable = {"bookmarks", "saved_searches", "notifications", "onboarding"}
    for table in live.tables:
        if table in writable:
            continue
        for op in ("insert", "update", "delete"):
            assert live.cells[(table, op, actor)].allowed == 0, f"{actor} can {op} {table}"


@pytest.mark.parametrize("table", ["subscriptions", "invoices", "payment_methods", "usage_tracking",
                                   "subscription_seats", "progress", "certificates", "audit_logs"])
def test_no_client_writes_server_owned_tables(live, table):
    for header, role, _ in matrix.ACTORS:
        if role == "service_role":
            continue
        for op in ("insert", "update", "delete"):
            assert live.cells[(table, op, header)].allowed == 0, f"{header} can {op} {table}"
