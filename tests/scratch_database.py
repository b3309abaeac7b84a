"""A database of a test module's own in the session's throwaway cluster, applied (and seeded)."""

from __future__ import annotations

import uuid
from contextlib import contextmanager

import psycopg

from abr_db import migrate, seed
from abr_db.paths import Project


@contextmanager
def applied_database(cluster, project_snapshot, prefix: str, seeded: bool = False):
    """Yields the URL of a new database with everything applied (and the demo seed); drops it after."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f'create database "{name}"')
    url = cluster.url_for(name)
    try:
        migrate.apply(url, bootstrap=True, proj=Project(project_snapshot), quiet=True)
        if seeded:
            seed.seed(url, Project(project_snapshot))
        yield url
    finally:
        with psycopg.connect(cluster.url, autocommit=True) as conn:
            conn.execute(f'drop database if exists "{name}" with (force)')
