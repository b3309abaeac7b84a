"""The AI coach and onboarding on the demo seed, as its users see them (known answers).

On a database applied and seeded like `make up` (seeds/demo.sql, demo_cases.sql,
demo_coach.sql, demo_courses.sql with the committed multilingual-e5-small vectors,
no model needed):
- Grace's coaching context is her real state, in English and in French;
- Kofi (admin, Collège du Fleuve) sees exactly Léa (inactive) and Henri (lost
  streak) at risk; Bruno (admin, Maple) sees nobody, and nobody of Fleuve;
- recommend_courses ranks the demo catalog by meaning and never offers an
  unpublished, completed, started or out-of-tier course;
- a lesson about being followed in a store is related to the profiling cases.
"""

from __future__ import annotations

import json

import psycopg
import pytest

from scratch_database import applied_database


@pytest.fixture(scope="module")
def demo_db(cluster, project_snapshot):
    with applied_database(cluster, project_snapshot, "t_coach_demo", seeded=True) as url:
        yield url


def as_demo_user(conn: psycopg.Connection, handle: str) -> None:
    conn.execute("set local role authenticated")
    user_id = conn.execute("select md5(%s)::uuid::text", (f"user:{handle}",)).fetchone()[0]
    conn.execute(
        "select set_config('request.jwt.claims', %s, true)",
        (json.dumps({"sub": user_id, "role": "authenticated"}),),
    )


def query(url: str, handle: str, sql: str, params: tuple = ()) -> list[tuple]:
    with psycopg.connect(url) as conn:
        as_demo_user(conn, handle)
        rows = conn.execute(sql, params).fetchall()
        conn.rollback()
    return rows


def test_grace_coaching_context_is_her_real_state_in_both_languages(demo_db):
    (fr,) = query(demo_db, "grace", "select public.coaching_context('fr')")[0]
    (en,) = query(demo_db, "grace", "select public.coaching_context('en')")[0]
    for doc in (fr, en):
        assert doc["progress"]["courses_completed"] == 1
        assert doc["achievements"]["points"]["total"] == 200
        assert [b["name"] for b in doc["achievements"]["badges"]] == ["Ally in Action"]
        assert doc["learning_paths"][0]["courses_completed"] == 1
        assert doc["next_course"]["reason"] == "learning_path"
    assert fr["achievements"]["certificates"][0]["course_title"] == "Comprendre le racisme anti-Noirs"
    assert en["achievements"]["certificates"][0]["course_title"] == "Understanding Anti-Black Racism"
    assert (fr["next_course"]["title"], en["next_course"]["title"]) == (
        "L'antiracisme au travail",
        "Anti-Racism at Work",
    )


def names(rows: list[tuple]) -> list[str]:
    return [r[0] for r in rows]


def test_at_risk_learners_of_each_admin(demo_db):
    rows = query(
        demo_db,
        "kofi",
        "select p.full_name, a.reasons from public.at_risk_learners() as a"
        " join public.profiles as p on p.id = a.user_id order by p.full_name",
    )
    assert rows == [("Henri Pierre-Louis", ["streak_lost"]), ("Léa Fortin", ["inactive"])]
    assert query(demo_db, "bruno", "select user_id from public.at_risk_learners()") == []


# slugs of the demo catalog
FOUNDATIONS = "understanding-anti-black-racism"
WORKPLACE = "anti-racism-at-work"
HISTORY = "black-history-in-canada"
ALLYSHIP = "allyship-in-practice"
LEGAL = "human-rights-law-and-race"  # unpublished
LEADERSHIP = "anti-racist-leadership"  # enterprise
COMPLAINT = "filing-a-human-rights-complaint"  # prerequisite: foundations


def test_recommendations_rank_the_demo_catalog_by_meaning(demo_db):
    # Grace (professional) completed the foundations course: the nearest courses in meaning
    # are the workplace course and Black history; never the course she completed, the
    # unpublished one, or the enterprise one.
    grace = query(demo_db, "grace", "select slug, reason from public.recommend_courses(50)")
    assert names(grace)[:2] == [WORKPLACE, HISTORY]
    assert {r[1] for r in grace} == {"similar"}
    assert not {FOUNDATIONS, LEGAL, LEADERSHIP} & set(names(grace))
    assert COMPLAINT in names(grace)  # its prerequisite is done
    # Henri (free) is taking the foundations course: free courses only, nearest first,
    # not the complaint course (foundations not completed yet), not his own course.
    henri = query(demo_db, "henri", "select slug from public.recommend_courses(50)")
    assert names(henri) == [HISTORY, ALLYSHIP]
    # Imani (viewer, Maple, no activity): what Maple's members started.
    imani = query(demo_db, "imani", "select slug, reason from public.recommend_courses(1)")
    assert imani == [(FOUNDATIONS, "popular_in_organization")]


def test_a_lesson_about_being_followed_in_a_store_is_related_to_profiling_cases(demo_db):
    rows = query(
        demo_db,
        "grace",
        "select title from public.related_cases_for_lesson(md5('lesson:p1')::uuid, 3)",
    )
    titles = names(rows)
    assert len(titles) == 3
    assert "Campbell v. Harbour Mall Security" in titles
