"""seed: run seeds/*.sql in sorted order, each file in its own transaction."""

from __future__ import annotations

import psycopg

from .connect import connect
from .errors import MigrationError
from .paths import Project, project as current_project


def seed_files(proj: Project) -> list:
    return sorted(proj.seeds.glob("*.sql")) if proj.seeds.is_dir() else []


def run_file(conn: psycopg.Connection, path, proj: Project, what: str) -> None:
    """Run one SQL file; a failure is a MigrationError naming the file and the SQLSTATE."""
    try:
        conn.execute(path.read_text())
    except psycopg.Error as exc:
        raise MigrationError(
            f"{what} {proj.rel(path)} failed (rolled back)",
            [f"SQLSTATE {exc.sqlstate}: {(exc.diag.message_primary or str(exc)).strip()}"],
        ) from exc


def seed(url: str, proj: Project | None = None) -> list[str]:
    proj = proj or current_project()
    done = []
    conn = connect(url)
    try:
        for path in seed_files(proj):
            with conn.transaction():
                run_file(conn, path, proj, "seed")
            done.append(proj.rel(path))
    finally:
        conn.close()
    return done


def has_organizations(url: str) -> bool:
    """The seed is not idempotent: `up` seeds only a database without organizations."""
    conn = connect(url)
    try:
        if conn.execute("select to_regclass('public.organizations') is null").fetchone()[0]:
            return False
        return conn.execute("select exists (select from public.organizations)").fetchone()[0]
    finally:
        conn.close()
