"""A rollback never destroys data silently.

On a demo-seeded database, `rollback --to 21` would drop the points ledger, the
learning path enrollments and the columns later migrations added, with their rows:
`rollback --dry-run` lists each, with its row count, and changes nothing; `rollback`
refuses (exit 1, naming them) unless --allow-data-loss. A rollback that destroys no
data runs as before.
"""

from __future__ import annotations

import json

import pytest

from conftest import query, schema_dump
from scratch_database import applied_database


@pytest.fixture
def seeded(cluster, project_snapshot):
    with applied_database(cluster, project_snapshot, "rollback_seeded", seeded=True) as url:
        yield url


def applied(url: str) -> list[str]:
    return [r[0] for r in query(url, "select migration_id from abr_db._yoyo_migration order by 1")]


def test_dry_run_lists_what_would_be_destroyed_and_changes_nothing(cli, seeded):
    before, migrations = schema_dump(seeded), applied(seeded)
    result = cli("rollback", "--db-url", seeded, "--to", "21", "--dry-run", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["dry_run"] and data["rolled_back"] == []
    assert data["to_roll_back"][-1].startswith("022_") and all(int(m[:3]) > 21 for m in data["to_roll_back"])
    loss = {(d["kind"], d["name"]): d["rows"] for d in data["data_loss"]}
    assert loss[("table", "private.points_ledger")] == query(seeded, "select count(*) from private.points_ledger")[0][0]
    assert loss[("table", "public.learning_path_enrollments")] == query(
        seeded, "select count(*) from public.learning_path_enrollments")[0][0] > 0
    assert loss[("column", "public.user_achievements.points_week")] == query(
        seeded, "select count(points_week) from public.user_achievements")[0][0] > 0
    assert all(rows > 0 for rows in loss.values())
    assert ("table", "public.profiles") not in loss  # kept by 021
    human = cli("rollback", "--db-url", seeded, "--to", "21", "--dry-run")
    assert human.exit_code == 0
    assert "table private.points_ledger (" in human.stderr and "--allow-data-loss" in human.stderr
    assert schema_dump(seeded) == before and applied(seeded) == migrations


def test_rollback_refuses_without_consent_and_destroys_with_it(cli, seeded):
    before, migrations = schema_dump(seeded), applied(seeded)
    ledger = query(seeded, "select count(*) from private.points_ledger")[0][0]
    refused = cli("rollback", "--db-url", seeded, "--to", "21")
    assert refused.exit_code == 1
    assert "refusing to roll back to 021: it would destroy data" in refused.stderr
    assert f"table private.points_ledger ({ledger:,} rows)" in refused.stderr
    assert schema_dump(seeded) == before and applied(seeded) == migrations
    assert query(seeded, "select count(*) from private.points_ledger")[0][0] == ledger

    done = cli("rollback", "--db-url", seeded, "--to", "21", "--allow-data-loss", "--json")
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert data["rolled_back"] == data["to_roll_back"] and data["data_loss"]
    assert max(int(m[:3]) for m in applied(seeded)) == 21
    assert query(seeded, "select to_regclass('private.points_ledger')") == [(None,)]


def test_a_rollback_destroying_nothing_runs_as_before(cli, seeded, project_copy):
    number = max(int(p.name[:3]) for p in (project_copy / "migrations").glob("[0-9]*.sql")) + 1
    migration = project_copy / "migrations" / f"{number:03d}_scratch_notes.sql"
    migration.write_text("create table public.scratch_notes (id bigint primary key, body text);\n"
                         "alter table public.scratch_notes enable row level security;\n"
                         "alter table public.teams add column scratch_flag text;\n")
    migration.with_name(f"{number:03d}_scratch_notes.rollback.sql").write_text(
        "alter table public.teams drop column scratch_flag;\ndrop table public.scratch_notes;\n")
    assert cli("apply", "--db-url", seeded).exit_code == 0
    # data in the new column: refused, named
    query(seeded, "update public.teams set scratch_flag = 'x' where id = (select id from public.teams order by id limit 1)")
    refused = cli("rollback", "--db-url", seeded, "--to", str(number - 1))
    assert refused.exit_code == 1 and "column public.teams.scratch_flag (1 non-null value)" in refused.stderr
    # an empty table and an all-null column: nothing is destroyed, it runs as before
    query(seeded, "update public.teams set scratch_flag = null")
    result = cli("rollback", "--db-url", seeded, "--to", str(number - 1))
    assert result.exit_code == 0, result.output
    assert f"rolled back 1 migration(s) to {number - 1:03d}" in result.stdout
    assert query(seeded, "select to_regclass('public.scratch_notes')") == [(None,)]



def test_reference_data_is_listed_and_does_not_block(cli, cluster, project_snapshot):
    # A database without a seed holds only the product's own rows in the tables its migrations
    # declare `-- reference-data:` (onboarding checklists, default plan and coaching limits).
    with applied_database(cluster, project_snapshot, "rollback_reference", seeded=False) as url:
        steps = query(url, "select count(*) from private.onboarding_steps")[0][0]
        assert steps > 0
        dry = cli("rollback", "--db-url", url, "--to", "40", "--dry-run", "--json")
        assert dry.exit_code == 0, dry.output
        loss = {d["name"]: d for d in json.loads(dry.stdout)["data_loss"]}
        assert loss["private.onboarding_steps"]["rows"] == steps and loss["private.onboarding_steps"]["reference"]
        human = cli("rollback", "--db-url", url, "--to", "40", "--dry-run")
        assert "private.onboarding_steps" in human.output and "reference data its migration puts back" in human.output
        assert "refuses it unless --allow-data-loss" not in human.output
        result = cli("rollback", "--db-url", url, "--to", "40")
        assert result.exit_code == 0, result.output
        assert query(url, "select to_regclass('private.onboarding_steps')")[0][0] is None
        assert cli("apply", "--db-url", url).exit_code == 0
        assert query(url, "select count(*) from private.onboarding_steps")[0][0] == steps
