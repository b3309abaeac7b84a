"""The learning loop under concurrency, proven with two real connections.

Each scenario interleaves two sessions acting as the same learner the way
PostgREST runs a request (role authenticated + JWT claims, one transaction):
session A makes its call and keeps its transaction open; session B makes a
call that must wait (we observe it waiting on a lock in pg_stat_activity);
A commits, B finishes and commits. Afterwards exactly one award, one
certificate and one notification exist, and the consistency checks of
tools/abr_db/sql/learning_consistency.sql find nothing wrong.
"""

from __future__ import annotations

import json
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest

from scratch_database import applied_database

CONSISTENCY = Path(__file__).resolve().parents[1] / "tools" / "abr_db" / "sql" / "learning_consistency.sql"


@pytest.fixture(scope="module")
def loop_db(cluster, project_snapshot):
    """A database of its own: the scenarios commit, which the shared pgTAP database must not see."""
    with applied_database(cluster, project_snapshot, "t_loop") as url:
        yield url


def arrange(url: str, tag: str, lessons: int = 2, quiz: bool = False) -> dict:
    """A learner who started a published course of `lessons` reading lessons (plus a quiz)."""
    ids = {
        "org": uuid.uuid4(), "user": uuid.uuid4(), "course": uuid.uuid4(),
        "lessons": [uuid.uuid4() for _ in range(lessons)], "quiz": uuid.uuid4() if quiz else None,
    }
    with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
        conn.execute(
            "insert into public.organizations (id, name, slug, admin_email) values (%s, %s, %s, %s)",
            (ids["org"], tag, tag, f"admin@{tag}.test"),
        )
        conn.execute(
            "insert into auth.users (id, email, raw_user_meta_data, role, aud) "
            "values (%s, %s, '{\"full_name\": \"Con Current\"}', 'authenticated', 'authenticated')",
            (ids["user"], f"{tag}@test.local"),
        )
        conn.execute("update public.profiles set organization_id = %s where id = %s", (ids["org"], ids["user"]))
        conn.execute(
            "insert into public.courses (id, title_en, slug, category, level, duration_minutes, is_published) "
            "values (%s, %s, %s, 'Foundations', 'Introductory', 10, true)",
            (ids["course"], f"Course {tag}", tag),
        )
        for n, lesson in enumerate(ids["lessons"], start=1):
            conn.execute(
                "insert into public.lessons (id, course_id, title_en, lesson_type, order_index) "
                "values (%s, %s, %s, 'reading', %s)",
                (lesson, ids["course"], f"L{n}", n),
            )
        if quiz:
            questions = [{"question": "Q?", "options": ["a", "b"], "correct_answer": 1}]
            conn.execute(
                "insert into public.lessons (id, course_id, title_en, lesson_type, order_index, quiz_questions) "
                "values (%s, %s, 'Quiz', 'quiz', %s, %s)",
                (ids["quiz"], ids["course"], lessons + 1, json.dumps(questions)),
            )
        conn.execute(
            "insert into public.progress (user_id, course_id) values (%s, %s)", (ids["user"], ids["course"])
        )
    return ids


def act_as(conn: psycopg.Connection, user_id) -> None:
    """What PostgREST does at the start of a request's transaction."""
    conn.execute("set local role authenticated")
    claims = json.dumps({"sub": str(user_id), "role": "authenticated"})
    conn.execute("select set_config('request.jwt.claims', %s, true)", (claims,))


def wait_until_blocked(url: str, pid: int) -> None:
    """Synchronisation, not a timed assertion: returns once `pid` waits on a lock."""
    with psycopg.connect(url, autocommit=True) as watcher:
        for _ in range(400):
            row = watcher.execute("select wait_event_type from pg_stat_activity where pid = %s", (pid,)).fetchone()
            if row and row[0] == "Lock":
                return
            time.sleep(0.025)
    raise AssertionError(f"session {pid} never waited on a lock")


def interleave(url: str, user_id, first_sql: str, first_args, second_sql: str, second_args) -> None:
    """A calls and holds its transaction open; B's call waits on A's lock; A commits; B finishes."""
    with psycopg.connect(url) as a, psycopg.connect(url) as b, ThreadPoolExecutor(1) as pool:
        act_as(a, user_id)
        a.execute(first_sql, first_args).fetchall()
        act_as(b, user_id)
        pending = pool.submit(lambda: b.execute(second_sql, second_args).fetchall())
        wait_until_blocked(url, b.info.backend_pid)
        assert not pending.done(), "B finished while A held its transaction open"
        a.commit()
        pending.result(timeout=30)
        b.commit()


def scalar(url: str, sql: str, args=()):
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(sql, args).fetchone()[0]


def inconsistencies(url: str) -> list:
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(CONSISTENCY.read_text()).fetchall()


RECORD = "select * from public.record_lesson_progress(%s, 30, true)"
QUIZ = "select * from public.submit_quiz(%s, %s::jsonb)"


def ledger_rows(url, user_id, kind) -> int:
    return scalar(url, "select count(*) from private.points_ledger where user_id = %s and kind = %s", (user_id, kind))


def test_the_same_lesson_completed_twice_at_once_awards_once(loop_db):
    ids = arrange(loop_db, "tc-lesson", lessons=2)
    lesson = ids["lessons"][0]
    interleave(loop_db, ids["user"], RECORD, (lesson,), RECORD, (lesson,))
    assert ledger_rows(loop_db, ids["user"], "lesson_completed") == 1
    assert scalar(
        loop_db, "select array[total_points, lessons_completed] from public.user_achievements where user_id = %s",
        (ids["user"],),
    ) == [10, 1]
    assert inconsistencies(loop_db) == []


def test_the_same_quiz_passed_twice_at_once_awards_once(loop_db):
    ids = arrange(loop_db, "tc-quiz", lessons=1, quiz=True)
    answers = json.dumps([1])
    interleave(loop_db, ids["user"], QUIZ, (ids["quiz"], answers), QUIZ, (ids["quiz"], answers))
    assert ledger_rows(loop_db, ids["user"], "quiz_passed") == 1
    assert scalar(
        loop_db, "select quizzes_passed from public.user_achievements where user_id = %s", (ids["user"],)
    ) == 1
    assert inconsistencies(loop_db) == []


def test_finishing_the_same_course_twice_at_once_issues_one_certificate(loop_db):
    ids = arrange(loop_db, "tc-course", lessons=2)
    first, last = ids["lessons"]
    with psycopg.connect(loop_db) as conn:
        act_as(conn, ids["user"])
        conn.execute(RECORD, (first,))
        conn.commit()
    # Both sessions complete the course's last lesson.
    interleave(loop_db, ids["user"], RECORD, (last,), RECORD, (last,))
    assert ledger_rows(loop_db, ids["user"], "course_completed") == 1
    assert scalar(loop_db, "select count(*) from public.certificates where user_id = %s", (ids["user"],)) == 1
    assert scalar(
        loop_db,
        "select count(*) from public.notifications where user_id = %s and type = 'certificate_earned'",
        (ids["user"],),
    ) == 1
    assert scalar(
        loop_db,
        "select array[total_points, courses_completed, certificates_earned] from public.user_achievements "
        "where user_id = %s",
        (ids["user"],),
    ) == [120, 1, 1]
    assert inconsistencies(loop_db) == []


def test_the_last_two_lessons_completed_at_once_complete_the_course_once(loop_db):
    ids = arrange(loop_db, "tc-split", lessons=2)
    first, last = ids["lessons"]
    # A completes one remaining lesson, B the other: whoever commits second completes the course.
    interleave(loop_db, ids["user"], RECORD, (first,), RECORD, (last,))
    assert scalar(
        loop_db,
        "select completed_at is not null from public.progress where user_id = %s and lesson_id is null",
        (ids["user"],),
    )
    assert scalar(loop_db, "select count(*) from public.certificates where user_id = %s", (ids["user"],)) == 1
    assert ledger_rows(loop_db, ids["user"], "course_completed") == 1
    assert inconsistencies(loop_db) == []


def test_a_new_learner_in_two_courses_at_once_loses_no_points(loop_db):
    one = arrange(loop_db, "tc-one", lessons=2)
    two = arrange(loop_db, "tc-two", lessons=2)
    user = one["user"]
    # The same learner takes the second course too (different course rows: no shared course lock).
    with psycopg.connect(loop_db, autocommit=True) as conn:
        conn.execute("update public.progress set user_id = %s where user_id = %s", (user, two["user"]))
    # Neither session finds an achievements row: both create it; B waits for A's row.
    interleave(loop_db, user, RECORD, (one["lessons"][0],), RECORD, (two["lessons"][0],))
    assert scalar(
        loop_db, "select array[total_points, lessons_completed] from public.user_achievements where user_id = %s",
        (user,),
    ) == [20, 2]
    assert ledger_rows(loop_db, user, "lesson_completed") == 2
    assert inconsistencies(loop_db) == []


def test_a_learner_with_points_in_two_courses_at_once_loses_no_update(loop_db):
    one = arrange(loop_db, "tc-three", lessons=2)
    two = arrange(loop_db, "tc-four", lessons=2)
    user = one["user"]
    with psycopg.connect(loop_db, autocommit=True) as conn:
        conn.execute("update public.progress set user_id = %s where user_id = %s", (user, two["user"]))
    with psycopg.connect(loop_db) as conn:
        act_as(conn, user)
        conn.execute(RECORD, (one["lessons"][0],))
        conn.commit()
    # Her achievements row exists: both sessions update it; B must read it after A's commit.
    interleave(loop_db, user, RECORD, (one["lessons"][1],), RECORD, (two["lessons"][0],))
    assert scalar(
        loop_db, "select array[total_points, lessons_completed] from public.user_achievements where user_id = %s",
        (user,),
    ) == [10 + 10 + 100 + 10, 3]
    assert inconsistencies(loop_db) == []
