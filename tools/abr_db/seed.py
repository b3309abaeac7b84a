"""seed: run seeds/*.sql in sorted order, each file in its own transaction."""

from __future__ import annotations

import psycopg

from .connect import connect
from .errors import MigrationError
from .paths import Project, project as current_project


def seed_files(proj: Project) -> list:
    return sorted(proj.seeds.glob("*.sql")) if proj.seeds.is_dir() else []


def seed(url: str, proj: Project | None = None) -> list[str]:
    proj = proj or current_project()
    done = []
    conn = connect(url)
    try:
        for path in seed_files(proj):
            try:
                with conn.transaction():
                    conn.execute(path.read_text())
            except psycopg.Error as exc:
                raise MigrationError(
                    f"seed {proj.rel(path)} failed (rolled back)",
                    [f"SQLSTATE {exc.sqlstate}: {(exc.diag.message_primary or str(exc)).strip()}"],
                ) from exc
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
