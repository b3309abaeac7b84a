"""supabase-js types: `Database` for `createClient<Database>()`, generated
from the live schema by Supabase's own generator, postgres-meta (run with
plain Node, no Docker), for the exposed schema `public`: tables, views,
RPCs with their argument and result types, enums.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from .connect import connect, libpq_url
from .errors import AbrDbError, UsageError
from .paths import Project, project as current_project

POSTGRES_META = ("node_modules", "@supabase", "postgres-meta", "dist", "server", "server.js")


def generate(url: str, proj: Project | None = None) -> str:
    proj = proj or current_project()
    connect(url).close()  # an unreachable database: ConnectError (exit 2) with libpq's reason
    server = proj.root.joinpath(*POSTGRES_META)
    node = shutil.which("node")
    if node is None or not server.exists():
        raise UsageError("postgres-meta is not installed: run `make setup` (it needs node and npm)")
    env = dict(
        os.environ,
        PG_META_DB_URL=libpq_url(url),
        PG_META_GENERATE_TYPES="typescript",
        PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS="public",
        PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS="true",
    )
    proc = subprocess.run([node, str(server)], env=env, capture_output=True, text=True, timeout=120)
    if proc.returncode != 0 or "export type Database" not in proc.stdout:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise AbrDbError(f"postgres-meta could not generate types: {last}")
    return proc.stdout
