"""`apply` adopts a repeatable applied by another tool only with proof.

The DBA's sequence: edit a repeatable file, `apply` (the edit reaches the database),
`git checkout` the file back, `apply` again. The database must end as the file says,
for a function, a policy and a cron job: the Supabase CLI's history, in which abr-db
recorded the file's version at the first apply, is no evidence that the reverted
text is what the database holds. Rows abr-db writes there are marked as its own.
The Supabase export/push round trip (tests/test_export.py) still adopts.
"""

from __future__ import annotations

import json

import pytest

from abr_db import bookkeeping, history
from abr_db.connect import connect
from abr_db.paths import Project
from conftest import query


def apply_ok(cli, url: str) -> str:
    result = cli("apply", "--db-url", url)
    assert result.exit_code == 0, result.output
    return result.output


def edit_apply_revert_apply(cli, url: str, path, old: str, new: str, live) -> None:
    """live(url) reads what the database holds of the object the edit touches."""
    original_text = path.read_text()
    assert old in original_text, f"{old!r} not in {path}"
    original = live(url)
    path.write_text(original_text.replace(old, new, 1))
    out = apply_ok(cli, url)
    key = f"{path.parent.name}/{path.name}"
    assert f"applied {key} (changed)" in out, out
    edited = live(url)
    assert edited != original, "the edit did not reach the database"
    path.write_text(original_text)  # git checkout
    dry = cli("apply", "--db-url", url, "--dry-run", "--json")
    assert key in [r["path"] for r in json.loads(dry.stdout)["repeatables"]], dry.stdout
    out = apply_ok(cli, url)
    assert f"adopted {key}" not in out.replace("not adopted", ""), out
    assert f"applied {key}" in out, out
    assert live(url) == original, "the database keeps the reverted edit"
    verify = cli("verify", "--db-url", url, "--json")
    assert verify.exit_code == 0, verify.stdout
    status = json.loads(cli("status", "--db-url", url, "--json").stdout)
    assert {r["path"]: r["state"] for r in status["repeatables"]}[key] == "unchanged"


@pytest.fixture
def applied(cli, fresh_db, project_copy) -> str:
    result = cli("apply", "--db-url", fresh_db, "--bootstrap")
    assert result.exit_code == 0, result.output
    return fresh_db


# abr-db records its versions in the Supabase CLI's history where the export's first migration
# (pg_cron) holds: the cluster's pg_cron database, the session's applied database. Each test
# leaves it as it found it.

def test_a_reverted_function_is_applied_again(cli, applied_db, project_copy):
    def live(url):
        return query(url, "select prosrc from pg_proc where proname = 'verify_certificate' "
                          "and pronamespace = 'private'::regnamespace")
    edit_apply_revert_apply(cli, applied_db, project_copy / "rpc_functions" / "12_certificates.sql",
                            "message = 'p_certificate_number must", "message = 'EDITED p_certificate_number must",
                            live)


def test_a_reverted_policy_is_applied_again(cli, applied_db, project_copy):
    def live(url):
        return query(url, "select policyname, qual, with_check from pg_policies "
                          "where tablename = 'certificates' order by policyname")
    edit_apply_revert_apply(cli, applied_db, project_copy / "rls_policies" / "certificates.sql",
                            "using (", "using (1 = 1 and ", live)


def test_a_reverted_cron_job_is_applied_again(cli, applied_db, project_copy):
    def live(url):
        return query(url, "select schedule, command from cron.job where jobname = 'purge-audit-logs'")
    edit_apply_revert_apply(cli, applied_db, project_copy / "cron_jobs" / "purge_audit_logs.sql",
                            "'0 4 * * *'", "'5 4 * * *'", live)


def test_rows_abr_db_writes_in_the_supabase_history_are_its_own(applied_db, project_copy):
    with connect(applied_db) as conn:
        present = bookkeeping.supabase_history(conn)
        own = bookkeeping.own_supabase_versions(conn)
        assert present and set(present) == own
        assert history.pushed_repeatables(conn, Project(project_copy)) == {}
        assert history.pushed_migrations(conn, Project(project_copy)) == {}
    # a row rewritten by another tool since is no longer abr-db's own
    version = sorted(own)[-1]
    text = query(applied_db, "select statements from supabase_migrations.schema_migrations where version = %s",
                 (version,))[0][0]
    query(applied_db, "update supabase_migrations.schema_migrations set statements = array['-- pushed'] "
                      "where version = %s", (version,))
    try:
        with connect(applied_db) as conn:
            assert version not in bookkeeping.own_supabase_versions(conn)
    finally:
        query(applied_db, "update supabase_migrations.schema_migrations set statements = %s where version = %s",
              (text, version))


def test_a_pushed_row_is_no_proof_when_the_database_differs(cli, applied, project_copy):
    """A history row not written by abr-db (an older abr-db, or a push) names the file's current text, but
    the database holds other code: apply runs the file instead of adopting it."""
    path = project_copy / "rpc_functions" / "12_certificates.sql"
    key = "rpc_functions/12_certificates.sql"
    entry = history.export.current(history.entries(Project(project_copy)))[key]
    with connect(applied) as conn:  # a row abr-db did not mark (an older abr-db wrote it, or a push)
        bookkeeping.record_supabase_history(conn, [(entry.version, entry.name, entry.text)], own=False)
    query(applied, "delete from abr_db.repeatables where path = %s", (key,))
    query(applied, "alter function private.verify_certificate(text, text) set work_mem = '1MB'")  # a hot patch
    out = apply_ok(cli, applied)
    assert f"not adopted {key}" in out and f"applied {key}" in out, out
    assert query(applied, "select proconfig::text from pg_proc where proname = 'verify_certificate' "
                          "and pronamespace = 'private'::regnamespace")[0][0].find("work_mem") < 0
    assert entry.sha256 == bookkeeping.sha256_file(path)
    # proven identical: adopted, nothing runs
    query(applied, "delete from abr_db.supabase_history")
    query(applied, "delete from abr_db.repeatables where path = %s", (key,))
    with connect(applied) as conn:
        assert history.pushed_repeatables(conn, Project(project_copy)) == {key: entry.version}
    out = apply_ok(cli, applied)
    assert f"adopted {key} (applied by supabase db push" in out and f"applied {key}" not in out, out
    assert cli("verify", "--db-url", applied).exit_code == 0
