"""The pgTAP runner: its TAP parsing and its failure reports, on real psql runs."""

from __future__ import annotations

import json
from pathlib import Path


from abr_db import pgtap

HEADER = "begin;\ncreate extension if not exists pgtap with schema extensions;\nset local search_path = extensions, public;\n"


def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body + "select * from finish();\nrollback;\n")
    return path


def test_a_passing_file_with_uuid_output_parses(applied_db, tmp_path):
    path = write(tmp_path, "pass.sql", """
select plan(2);
select '11111111-1111-1111-1111-111111111111'::uuid;
select ok(true, 'truth holds');
select is(1 + 1, 2, 'one plus one is two');
""")
    result = pgtap.run_file(applied_db, path)
    assert result.ok, result.report()
    assert result.planned == 2
    assert [(t.number, t.ok, t.description) for t in result.tests] == [
        (1, True, "truth holds"), (2, True, "one plus one is two")]


def test_a_failing_test_is_reported_with_its_diagnostics(applied_db, tmp_path):
    path = write(tmp_path, "fail.sql", """
select plan(2);
select ok(true, 'fine');
select is(1, 2, 'one is two');
""")
    result = pgtap.run_file(applied_db, path)
    assert not result.ok
    assert [t.number for t in result.failures] == [2]
    report = result.report()
    assert "not ok 2 - one is two" in report
    assert "have: 1" in report and "want: 2" in report


def test_an_sql_error_and_a_plan_mismatch_fail(applied_db, tmp_path):
    error = write(tmp_path, "error.sql", "select plan(1);\nselect * from public.no_such_table;\n")
    result = pgtap.run_file(applied_db, error)
    assert not result.ok
    assert any("no_such_table" in e for e in result.errors)

    short = write(tmp_path, "short.sql", "select plan(3);\nselect ok(true, 'only one');\n")
    result = pgtap.run_file(applied_db, short)
    assert not result.ok
    assert "planned 3 tests but ran 1" in result.errors


def test_todo_failures_do_not_fail(applied_db, tmp_path):
    path = write(tmp_path, "todo.sql", """
select plan(1);
select todo('not built yet', 1);
select ok(false, 'future feature');
""")
    result = pgtap.run_file(applied_db, path)
    assert result.tests[0].directive == "TODO"
    assert result.ok, result.report()
    assert (result.passed, len(result.todo)) == (0, 1), "a failing TODO test is not a pass"


def test_parse_tap_ignores_rows_that_look_like_plans():
    result = pgtap.TapResult("x")
    pgtap.parse_tap("1..2\n11111111-2222-3333-4444-555555555555\nok 1 - a\nnot ok 2 - b\n# have: x\n# want: y\n", result)
    assert result.planned == 2
    assert [t.ok for t in result.tests] == [True, False]
    assert result.tests[1].diagnostics == ["# have: x", "# want: y"]


def test_cli_test_sql_exit_codes(cli, applied_db, tmp_path):
    good = write(tmp_path, "good.sql", "select plan(1);\nselect ok(true, 'fine');\n")
    bad = write(tmp_path, "bad.sql", "select plan(1);\nselect ok(false, 'broken on purpose');\n")
    assert cli("test-sql", "--db-url", applied_db, good).exit_code == 0
    result = cli("test-sql", "--db-url", applied_db, good, bad)
    assert result.exit_code == 1
    assert "broken on purpose" in result.output
    assert "1/2 files passed" in result.output


SKIPPING = """
select plan(3);
select ok(true, 'this one runs');
select skip('no such extension here', 2);
"""


def test_skipped_tests_are_counted_as_skipped_with_their_reason(applied_db, tmp_path):
    result = pgtap.run_file(applied_db, write(tmp_path, "skip.sql", SKIPPING))
    assert result.ok, result.report()
    assert (result.passed, len(result.skipped)) == (1, 2)
    assert result.skip_reasons() == ["no such extension here"]


def test_cli_test_sql_reports_skips_not_as_passes(cli, applied_db, tmp_path):
    result = cli("test-sql", "--db-url", applied_db, write(tmp_path, "skip.sql", SKIPPING))
    assert result.exit_code == 0, result.output
    assert "3 tests: 1 passed, 2 skipped (no such extension here)" in result.output
    assert "tests: 1 passed, 0 failed, 2 skipped" in result.output


def test_cli_test_sql_json(cli, applied_db, tmp_path):
    good = write(tmp_path, "skip.sql", SKIPPING)
    bad = write(tmp_path, "bad.sql", "select plan(1);\nselect is(1, 2, 'broken on purpose');\n")
    result = cli("test-sql", "--db-url", applied_db, "--json", good, bad)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert (data["ok"], data["files"], data["files_failed"]) == (False, 2, 1)
    assert (data["passed"], data["failed"], data["skipped"]) == (1, 1, 2)
    by_name = {Path(r["path"]).name: r for r in data["results"]}
    assert by_name["skip.sql"]["skip_reasons"] == ["no such extension here"]
    failure = by_name["bad.sql"]["failures"][0]
    assert failure["number"] == 1 and failure["description"] == "broken on purpose"
    assert any("want: 2" in d for d in failure["diagnostics"])
