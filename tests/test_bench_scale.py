"""`abr-db seed --scale` and the bench on its data, at the suite's scale (0.1:
10,000 people, ~200,000 progress rows). Nothing here asserts a time: the
bench measures; these tests prove it runs every case, as each case's user,
and that the consistency checks hold after concurrent writes (and see a
broken row)."""

from __future__ import annotations

import json

import psycopg
import pytest

from abr_db import bench_consistency, bench_frontend, bench_writes, migrate, scale_seed
from abr_db.bench_cases import CASES
from abr_db.paths import Project

from conftest import query

SCALE = 0.1


@pytest.fixture(scope="module")
def scaled_db(cluster, project_snapshot):
    """One database for the module: bootstrap, apply, seed --scale 0.1."""
    name = "t_bench_scale"
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')
        conn.execute(f'create database "{name}"')
    url = cluster.url_for(name)
    proj = Project(project_snapshot)
    migrate.apply(url, bootstrap=True, proj=proj, quiet=True)
    steps: list[str] = []
    result = scale_seed.seed_scale(url, SCALE, on_step=lambda label, i, n: steps.append(label), proj=proj)
    yield url, result, steps
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')


def test_seed_scale_loads_every_table_in_proportion(scaled_db):
    url, result, steps = scaled_db
    assert steps[-2:] == ["vacuum (the visibility map of the new rows)", "done"]
    assert len(steps) == len(scale_seed.steps()) + 3  # + the case indexes, the vacuum, done
    rows = result.counts
    assert rows["profiles"] == 10_002  # 10,000 members + a super_admin and an educator
    assert rows["organizations"] == 20
    assert 150_000 <= rows["progress"] <= 260_000
    assert 15_000 <= rows["certificates"] <= 26_000
    assert rows["notifications"] == 50_000
    assert rows["tribunal_cases"] == 5_000
    assert rows["audit_logs"] == 20_000
    # skewed organizations: the largest holds many times the smallest
    sizes = [n for (n,) in query(url, "select count(*) from public.profiles where organization_id is not null "
                                      "group by organization_id order by 1")]
    assert sizes[-1] > 5 * sizes[0]
    # bilingual cases, with the vocabulary of decisions
    fr = query(url, "select count(*) from public.tribunal_cases where full_text_fr like '%Tribunal%' "
                    "and summary_fr like '%fondé sur la race%'")[0][0]
    assert fr == 5_000
    # certificates only for completed courses; notifications mostly read
    assert query(url, "select count(*) from public.certificates as c where not exists (select from public.progress "
                      "as p where p.user_id = c.user_id and p.course_id = c.course_id and p.lesson_id is null "
                      "and p.completed_at is not null)")[0][0] == 0
    read_share = query(url, "select avg(read::int) from public.notifications")[0][0]
    assert 0.85 < read_share < 0.95
    # one learner in five in one of eight learning paths, completed exactly when its four courses are
    paths, enrolled, completed = query(
        url, "select (select count(*) from public.learning_paths where slug like 'syn-path-%'), count(*), "
             "count(completed_at) from public.learning_path_enrollments")[0]
    learners = query(url, "select count(*) from public.profiles where role = 'learner'")[0][0]
    assert paths == 8 and 0.15 * learners < enrolled < 0.25 * learners and 0 < completed < enrolled
    assert query(url, "select count(*) from public.learning_path_enrollments as e "
                      "inner join public.learning_paths as lp on e.learning_path_id = lp.id "
                      "where (e.completed_at is not null) <> (select count(*) = 4 from public.progress as pr "
                      "where pr.user_id = e.user_id and pr.lesson_id is null and pr.completed_at is not null "
                      "and pr.course_id = any(lp.course_ids))")[0][0] == 0


def test_seed_scale_refuses_seeded_database_unless_replace(scaled_db, cli):
    url, result, _ = scaled_db
    refused = cli("seed", "--db-url", url, "--scale", "0.01")
    assert refused.exit_code == 2
    assert "--replace" in refused.stderr
    assert query(url, "select count(*) from public.profiles")[0][0] == result.counts["profiles"]


def test_seed_scale_replace_removes_exactly_the_synthetic_rows(fresh_db, cli):
    migrate.apply(fresh_db, bootstrap=True, quiet=True)
    assert cli("seed", "--db-url", fresh_db).exit_code == 0  # the demo seed
    demo = query(fresh_db, "select count(*) from public.profiles")[0][0]
    first = cli("seed", "--db-url", fresh_db, "--scale", "0.002")
    assert first.exit_code == 0, first.stderr
    second = cli("seed", "--db-url", fresh_db, "--scale", "0.001", "--replace")
    assert second.exit_code == 0, second.stderr
    assert "loaded" in second.stdout
    assert query(fresh_db, "select count(*) from public.profiles")[0][0] == demo + 100 + 2
    assert query(fresh_db, "select count(*) from public.profiles where email not like '%@synthetic.abr.test'")[0][0] == demo


def test_frontend_suite_times_every_case_as_its_user(scaled_db):
    url, _, _ = scaled_db
    with psycopg.connect(url, autocommit=True) as conn:
        results = bench_frontend.run(conn, repeat=2)
    assert [(r.name, r.form) for r in results] == [(c.name, c.form) for c in CASES]
    for r in results:
        assert r.runs >= 2 and all(t > 0 for t in r.user_ms + r.limit_ms)
        assert r.user_plan["Plan"] and r.limit_plan["Plan"]
    json.dumps([r.as_dict() for r in results])
    # the user side really ran as the user: the RLS-only "my progress" returns only the learner's rows
    mine = next(r for r in results if r.name.startswith("my progress") and r.form == "RLS only")
    learner_rows = mine.user_plan["Plan"]["Actual Rows"]
    assert 0 < learner_rows <= 20 and learner_rows == mine.limit_plan["Plan"]["Actual Rows"]


def test_writes_under_concurrency_are_consistent(scaled_db):
    url, _, _ = scaled_db
    before = query(url, "select count(*) from public.progress")[0][0]
    result = bench_writes.run(url, clients=2, seconds=3, quiet=True)
    assert result.transactions > 0 and not result.pgbench_failed
    assert result.errors == {}, result.error_samples
    assert {c["check"] for c in result.consistency} == {c.name for c in bench_consistency.CHECKS}
    assert all(c["offending_rows"] == 0 for c in result.consistency), result.consistency
    assert query(url, "select count(*) from public.progress")[0][0] > before
    assert set(result.latency_ms) <= {"start_course", "record_lesson_progress", "submit_quiz"}


def test_consistency_checks_see_a_broken_row(scaled_db):
    url, _, _ = scaled_db
    with psycopg.connect(url) as conn:  # rolled back on exit without commit
        conn.execute(
            "update public.progress set lessons_completed = lessons_completed + 1 "
            "where id = (select id from public.progress where lesson_id is null limit 1)"
        )
        conn.execute(
            "update public.certificates set course_id = (select id from public.courses where slug = 'syn-course-39') "
            "where id = (select id from public.certificates limit 1)"
        )
        found = {r["check"]: r["offending_rows"] for r in bench_consistency.run(conn)}
        conn.rollback()
    assert found[bench_consistency.CHECKS[0].name] == 1
    assert found["certificates only for completed courses"] == 1


def test_bench_on_an_unmigrated_database_asks_for_apply(fresh_db, cli):
    result = cli("bench", "--db-url", fresh_db, "--no-micro")
    assert result.exit_code == 1
    assert "abr-db apply" in result.stderr
    assert "unexpected" not in result.stderr


def test_bench_without_synthetic_data_says_the_frontend_suite_needs_it(applied_db, cli):
    result = cli("bench", "--db-url", applied_db, "--micro-repeat", "1", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["frontend"]["cases"] == [] and "seed --scale" in report["notes"][0]
    assert len(report["micro"]) == 5 and report["machine"]["cores"] >= 1


def test_caller_floor_measures_one_lookup_as_the_user(scaled_db):
    url, _, _ = scaled_db
    with psycopg.connect(url, autocommit=True) as conn:
        floor = bench_frontend.caller_floor(conn, repeat=3)
        results = bench_frontend.run(conn, repeat=2, cases=CASES[:3])
    assert floor.runs >= 3 and floor.user_plan["Plan"]["Actual Rows"] == 1
    # the user side resolved the caller: an initplan ran (the limit is a literal, no subplan)
    assert floor.user_plan["Plan"].get("Plans") and not floor.limit_plan["Plan"].get("Plans")
    s = bench_frontend.summary(results, floor)
    assert s["caller_floor_ms"] == round(max(floor.user_p50 - floor.limit_p50, 0.0), 3)
    assert s["cases_under_5x_floor"] == sum(r.limit_p50 < 5 * s["caller_floor_ms"] for r in results)
    assert s["median_excess_ms"] is not None and s["cases"] == 3
