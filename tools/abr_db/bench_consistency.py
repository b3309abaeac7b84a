"""Consistency checks after concurrent writes: each a name and a query that
returns the offending rows (none when all is well). Run as the database owner
over the synthetic people's rows (`{people}` in a query stands for their ids:
the demo seed's hand-written rows are not the bench's to judge). A new
invariant (a points ledger, say) joins with one `Check(...)` here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import psycopg

from . import ui
from .connect import connect

SAMPLES = 5
PEOPLE = "(select p.id from public.profiles as p where p.email like '%@synthetic.abr.test')"
# The learning loop's invariants (ledger, totals, level, counters, one certificate
# per completed course): each row it returns is one (check_name, user_id, expected, actual).
LEARNING_SQL = Path(__file__).with_name("sql") / "learning_consistency.sql"


@dataclass(frozen=True)
class Check:
    name: str
    sql: str


CHECKS: list[Check] = [
    Check(
        "course-level totals agree with the lesson rows (lessons, percentage, time, completion)",
        """
        with totals as (
          select l.course_id, count(*) filter (where l.requires_completion) as total
          from public.lessons as l group by l.course_id
        ),
        lesson_rows as (
          select lp.user_id, lp.course_id,
                 count(*) filter (where l.requires_completion and lp.completed_at is not null) as done,
                 sum(lp.time_spent_seconds) as seconds
          from public.progress as lp inner join public.lessons as l on lp.lesson_id = l.id
          group by lp.user_id, lp.course_id
        )
        select cr.user_id, cr.course_id, cr.total_lessons, cr.lessons_completed, cr.completion_percentage,
               cr.time_spent_seconds, cr.completed_at, coalesce(t.total, 0) as total, coalesce(r.done, 0) as done,
               coalesce(r.seconds, 0) as seconds
        from public.progress as cr
        left join totals as t on cr.course_id = t.course_id
        left join lesson_rows as r on cr.user_id = r.user_id and cr.course_id = r.course_id
        where cr.lesson_id is null and cr.user_id in {people}
          and (
            cr.total_lessons is distinct from coalesce(t.total, 0)::integer
            or cr.lessons_completed <> coalesce(r.done, 0)
            or cr.completion_percentage <> case
              when coalesce(t.total, 0) = 0 then 0 else round(100.0 * coalesce(r.done, 0) / t.total, 2)
            end
            or cr.time_spent_seconds <> coalesce(r.seconds, 0)
            or (cr.completed_at is not null) <> (coalesce(t.total, 0) > 0 and coalesce(r.done, 0) = t.total)
          )
        """,
    ),
    Check(
        "every lesson row belongs to a started course (a course-level row)",
        """
        select lp.user_id, lp.course_id, lp.lesson_id from public.progress as lp
        where lp.lesson_id is not null and lp.user_id in {people} and not exists (
          select from public.progress as cr
          where cr.user_id = lp.user_id and cr.course_id = lp.course_id and cr.lesson_id is null
        )
        """,
    ),
    Check(
        "quiz attempts: scores only with attempts, best >= last, a passed quiz is completed, quizzes only on quiz lessons",
        """
        select lp.user_id, lp.lesson_id, lp.quiz_attempts, lp.quiz_best_score, lp.quiz_last_score, lp.quiz_passed
        from public.progress as lp
        inner join public.lessons as l on lp.lesson_id = l.id
        where lp.user_id in {people} and (
          (lp.quiz_attempts = 0 and (lp.quiz_passed or lp.quiz_best_score is not null))
          or lp.quiz_best_score < lp.quiz_last_score
          or (lp.quiz_passed and lp.completed_at is null)
          or (l.lesson_type = 'quiz' and lp.completed_at is not null and not lp.quiz_passed)
          or (l.lesson_type <> 'quiz' and lp.quiz_attempts > 0)
        )
        """,
    ),
    Check(
        "certificates only for completed courses",
        """
        select c.user_id, c.course_id, c.certificate_number from public.certificates as c
        where c.user_id in {people} and not exists (
          select from public.progress as cr
          where cr.user_id = c.user_id and cr.course_id = c.course_id and cr.lesson_id is null
            and cr.completed_at is not null
        )
        """,
    ),
    Check(
        "a learning path whose every course is completed is marked completed",
        """
        select e.user_id, e.learning_path_id from public.learning_path_enrollments as e
        inner join public.learning_paths as lp on e.learning_path_id = lp.id
        where e.user_id in {people} and e.completed_at is null and not exists (
          select from unnest(lp.course_ids) as c (id)
          where not exists (
            select from public.progress as cr
            where cr.user_id = e.user_id and cr.course_id = c.id and cr.lesson_id is null
              and cr.completed_at is not null
          )
        )
        """,
    ),
    Check(
        "learning loop: ledger, totals, weekly/monthly sums, level, counters, one certificate per completed course",
        "select l.* from (" + LEARNING_SQL.read_text() + "\n) as l where l.user_id in {people}",
    ),
]


def run(conn: psycopg.Connection, checks: list[Check] | None = None) -> list[dict]:
    out = []
    with conn.transaction(force_rollback=True):
        for check in checks if checks is not None else CHECKS:
            sql = check.sql.replace("{people}", PEOPLE)
            cur = conn.execute(f"select count(*) over (), q.* from ({sql}) as q limit {SAMPLES}")
            rows = cur.fetchall()
            out.append({
                "check": check.name,
                "offending_rows": rows[0][0] if rows else 0,
                "rows": [[str(v) for v in row[1:]] for row in rows],
            })
    return out


def run_url(url: str) -> list[dict]:
    conn = connect(url)
    try:
        return run(conn)
    finally:
        conn.close()


def print_checks(results: list[dict]) -> None:
    for r in results:
        if r["offending_rows"]:
            ui.error(f"  consistency: {r['check']}: {r['offending_rows']} offending row(s)")
            for row in r["rows"]:
                ui.err_console.print("    " + ", ".join(row), markup=False)
        else:
            ui.info(f"  consistency ok: {r['check']}", "green")
