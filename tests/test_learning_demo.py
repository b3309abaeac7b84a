"""The demo seed's learning loop, as a user sees it.

On a database applied and seeded like `make up`, Léa (learner, Collège du
Fleuve, French) works through the demo course "Comprendre le racisme
anti-Noirs" through the RPCs a client calls, then opens her dashboard: she
has the points, streak, level, badge and certificate a user expects, and the
learning loop's consistency checks find nothing wrong in the whole database.
"""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from scratch_database import applied_database

CONSISTENCY = Path(__file__).resolve().parents[1] / "tools" / "abr_db" / "sql" / "learning_consistency.sql"


@pytest.fixture(scope="module")
def demo_db(cluster, project_snapshot):
    with applied_database(cluster, project_snapshot, "t_demo", seeded=True) as url:
        yield url


def demo_id(conn, kind: str, name: str):
    return conn.execute("select md5(%s)::uuid", (f"{kind}:{name}",)).fetchone()[0]


def as_demo_user(conn, handle: str) -> None:
    conn.execute("set local role authenticated")
    user_id = demo_id(conn, "user", handle)
    conn.execute(
        "select set_config('request.jwt.claims', %s, true)",
        (json.dumps({"sub": str(user_id), "role": "authenticated"}),),
    )


def test_the_seed_is_consistent(demo_db):
    with psycopg.connect(demo_db, autocommit=True) as conn:
        assert conn.execute(CONSISTENCY.read_text()).fetchall() == []
        grace = conn.execute(
            "select total_points, level, courses_completed, certificates_earned, cardinality(badges_earned) "
            "from public.user_achievements where user_id = md5('user:grace')::uuid"
        ).fetchone()
    # 3 lessons (30) + first quiz pass (20) + the course (100) + Ally in Action (50)
    assert grace == (200, 2, 1, 1, 1)


def test_lea_works_through_the_demo_course(demo_db):
    with psycopg.connect(demo_db) as conn:
        as_demo_user(conn, "lea")
        # Her course-level row exists in the seed (started, 0%).
        for lesson in ("f1", "f2"):
            conn.execute(
                "select * from public.record_lesson_progress(%s, 600, true)", (demo_id(conn, "lesson", lesson),)
            )
        score, passed = conn.execute(
            "select score, passed from public.submit_quiz(%s, '[0, 1]')", (demo_id(conn, "lesson", "f3"),)
        ).fetchone()
        assert (score, passed) == (100, True)
        dashboard = conn.execute("select public.my_dashboard()").fetchone()[0]
        conn.commit()

    # 10 + 10 + (10 + 20) for the lessons and the quiz, 100 for the course, 50 for the Fondations badge.
    assert dashboard["language"] == "fr"
    assert dashboard["points"] == {"total": 200, "week": 200, "month": 200}
    assert dashboard["level"] == {"level": 2, "progress": 50.0, "points_to_next_level": 100}
    assert dashboard["streak"]["current"] == 1
    assert [b["name"] for b in dashboard["recent_badges"]] == ["Fondations"]
    [certificate] = dashboard["recent_certificates"]
    assert certificate["course_title"] == "Comprendre le racisme anti-Noirs"
    assert certificate["status"] == "active"
    assert dashboard["courses_in_progress"] == []
    assert dashboard["milestones"] == {
        "courses_completed": 1, "lessons_completed": 3, "quizzes_passed": 1, "certificates_earned": 1,
        "cases_bookmarked": 0, "coaching_sessions": 0,
    }
    assert dashboard["unread_notifications"] == 2  # the certificate and the badge

    with psycopg.connect(demo_db, autocommit=True) as conn:
        # Anyone verifies her certificate, by number and code from her dashboard.
        conn.execute("set role anon")
        status = conn.execute(
            "select status from public.verify_certificate(%s, %s)",
            (certificate["certificate_number"], certificate["verification_code"]),
        ).fetchone()[0]
        conn.execute("reset role")
        assert status == "active"
        assert conn.execute(CONSISTENCY.read_text()).fetchall() == []


    # Her organization's board shows her first; Grace (Maple) appears to
    # Henri (Fleuve) on the global board by first name and last initial.
    with psycopg.connect(demo_db) as conn:
        as_demo_user(conn, "henri")
        board = conn.execute("select rank, display_name, level, points from public.leaderboard()").fetchall()
        global_board = conn.execute("select display_name from public.leaderboard('global')").fetchall()
        conn.rollback()
    assert board[0] == (1, "Léa Fortin", 2, 200)
    assert ("Grace W.",) in global_board
