"""`abr-db seed --scale`'s tribunal cases: loaded after the main transaction on several
connections at once (each its range of t), with the table's non-unique indexes dropped and
built again from their definitions, never left dropped when a case step fails."""

from __future__ import annotations

import psycopg
import pytest

from abr_db import migrate, scale_seed
from abr_db.errors import MigrationError, UsageError
from abr_db.paths import Project

from conftest import query

CASES = 120
INDEXES = ("select c.relname, pg_get_indexdef(i.indexrelid) from pg_index as i "
           "inner join pg_class as c on c.oid = i.indexrelid "
           "where i.indrelid = 'public.tribunal_cases'::regclass order by 1")
TRIGGERS = ("select tgname, pg_get_triggerdef(oid) from pg_trigger "
            "where tgrelid = 'public.tribunal_cases'::regclass and not tgisinternal order by 1")


@pytest.fixture(scope="module")
def applied(cluster, project_snapshot):
    name = "t_seed_cases"
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')
        conn.execute(f'create database "{name}"')
    url = cluster.url_for(name)
    migrate.apply(url, bootstrap=True, proj=Project(project_snapshot), quiet=True)
    yield url
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'drop database if exists "{name}" with (force)')


def test_case_ranges_cover_every_t_once():
    assert scale_seed.case_ranges(120, 2) == [(1, 60), (61, 120)]
    assert scale_seed.case_ranges(41, 3) == [(1, 13), (14, 27), (28, 41)]
    assert scale_seed.case_ranges(40, 1) == [(1, 40)]
    ts = [t for first, last in scale_seed.case_ranges(500_000, 7) for t in range(first, last + 1)]
    assert ts == list(range(1, 500_001))


def test_cases_load_on_two_connections_with_the_same_data_and_indexes(applied, project_snapshot):
    url = applied
    indexes, triggers = query(url, INDEXES), query(url, TRIGGERS)
    labels: list[str] = []
    result = scale_seed.seed_scale(url, 0.002, cases=CASES, jobs=2, proj=Project(project_snapshot),
                                   on_step=lambda label, i, n: labels.append(label))
    assert result.counts["tribunal_cases"] == CASES and result.jobs == 2
    # the cases come after the main steps, then their indexes, then the vacuum
    cases_step = next(s.label for s in scale_seed.steps(Project(project_snapshot)) if s.parallel)
    assert labels.index(cases_step) > labels.index("statistics and the analytics view")
    assert labels[-3].startswith("the case indexes") and labels[-1] == "done"
    assert set(result.step_seconds) == set(labels[:-1])
    # every index that enforces nothing was built again (the primary key and case_number stayed)
    assert set(result.index_seconds) == {name for (name,) in query(
        url, "select c.relname from pg_index as i inner join pg_class as c on c.oid = i.indexrelid "
             "where i.indrelid = 'public.tribunal_cases'::regclass and not i.indisunique")}
    assert "tribunal_cases_pkey" not in result.index_seconds and len(result.index_seconds) >= 10
    # every t once, 2% soft-deleted (t = 50, 100), each t's text from the same generator
    # (24 + t % 48 paragraphs of reasons after the opening), vectors for the live ones
    assert query(url, "select count(distinct case_number), min(substr(case_number, 5)::int), "
                      "max(substr(case_number, 5)::int) from public.tribunal_cases")[0] == (CASES, 1, CASES)
    assert query(url, "select array_agg(t order by t) from (select substr(case_number, 5)::int as t "
                      "from public.tribunal_cases where deleted_at is not null) as d")[0][0] == [50, 100]
    assert query(url, "select count(*) from public.tribunal_cases where cardinality(regexp_split_to_array("
                      "full_text_en, e'\\n\\n')) <> 25 + substr(case_number, 5)::int % 48 or cardinality("
                      "regexp_split_to_array(full_text_fr, e'\\n\\n')) <> 25 + substr(case_number, 5)::int % 48"
                 )[0][0] == 0
    assert query(url, "select count(*) filter (where embedding is not null), count(*) filter (where search_fr "
                      "@@ to_tsquery('french', 'tribunal')) from public.tribunal_cases "
                      "where deleted_at is null")[0] == (CASES - 2, CASES - 2)
    # two transactions inserted them: the soft-deleted rows (which the vectors step leaves alone)
    # keep the xmin of their range's connection
    assert query(url, "select count(distinct xmin::text) from public.tribunal_cases "
                      "where deleted_at is not null")[0][0] == 2
    # the same indexes and triggers as before, valid
    assert query(url, INDEXES) == indexes and query(url, TRIGGERS) == triggers
    assert query(url, "select count(*) from pg_index where indrelid = 'public.tribunal_cases'::regclass "
                      "and not (indisvalid and indisready)")[0][0] == 0
    # and one connection gives the same
    again = scale_seed.seed_scale(url, 0.002, cases=CASES, jobs=1, replace=True, proj=Project(project_snapshot))
    assert again.counts["tribunal_cases"] == CASES and query(url, INDEXES) == indexes


def test_a_failing_case_step_leaves_no_index_dropped(applied, project_copy):
    url = applied
    indexes = query(url, INDEXES)
    vectors = project_copy / "seeds" / "bench" / "scale" / "55_case_vectors.sql"
    vectors.write_text(vectors.read_text() + "\nselect 1 / 0;\n")
    with pytest.raises(MigrationError) as failed:
        scale_seed.seed_scale(url, 0.002, cases=CASES, replace=True, proj=Project(project_copy))
    assert "55_case_vectors.sql" in str(failed.value)
    assert "SQLSTATE 22012" in failed.value.details[0]
    assert any("--replace" in line for line in failed.value.details)
    assert query(url, INDEXES) == indexes
    # the rows already committed are synthetic: --replace removes them (with the good project)
    assert query(url, "select count(*) from public.tribunal_cases where case_number like 'SYN-%'")[0][0] == CASES


def test_jobs_out_of_range_is_refused(applied):
    with pytest.raises(UsageError, match="--jobs"):
        scale_seed.seed_scale(applied, 0.002, jobs=0)
