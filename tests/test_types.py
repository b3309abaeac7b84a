"""types/database.types.ts, the supabase-js types frontends build against, is
what postgres-meta generates from the applied schema: a migration or RPC
change without regenerated types fails here."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from abr_db import types
from abr_db.paths import Project

REPO = Path(__file__).resolve().parents[1]
COMMITTED = REPO / "types" / "database.types.ts"


@pytest.mark.skipif(
    shutil.which("node") is None or not REPO.joinpath(*types.POSTGRES_META).exists(),
    reason="postgres-meta not installed (make setup installs it with npm)",
)
def test_committed_types_match_the_schema(applied_db):
    generated = types.generate(applied_db, Project(REPO))
    assert "get_lesson: {" in generated and "verify_certificate: {" in generated
    committed = COMMITTED.read_text()
    diff = "\n".join(difflib.unified_diff(committed.splitlines(), generated.splitlines(),
                                          "types/database.types.ts", "live schema", lineterm=""))
    assert generated == committed, "regenerate with `abr-db types --db-url <a freshly applied database>`:\n" + diff
