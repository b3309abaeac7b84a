"""Which PostgreSQL major abr-db runs: one setting, default 15.

    make ... PG=17            (the Makefile exports it as ABR_DB_PG_MAJOR)
    ABR_DB_PG_MAJOR=17 ...    (the environment variable everything reads)
    abr-db --pg 17 ...        (the CLI sets the same variable for its run)

It picks the server binaries of the embedded cluster and of the test
clusters, the psql of the pgTAP runner, pg_dump, and the Supabase image
testcontainers starts when Docker is running.

Where the binaries are found, in order:
    /usr/lib/postgresql/<major>/bin                        (Debian's packages)
    /opt/abr-db/postgresql-<major>/usr/lib/postgresql/<major>/bin
        (`make setup PG=17`: Debian 13's packages unpacked into a private prefix)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from .errors import UsageError

ENV = "ABR_DB_PG_MAJOR"
DEFAULT_MAJOR = 15
SUPPORTED = (15, 17)
PRIVATE_PREFIX = Path("/opt/abr-db")

# Supabase's Postgres image per major: the tags the pinned Supabase CLI (2.117.0) starts
# (15: the image of projects created on 15; 17: the CLI's default for new projects).
SUPABASE_IMAGES = {
    15: "supabase/postgres:15.8.1.085",
    17: "supabase/postgres:17.6.1.167",
}


def pg_major() -> int:
    """The major asked for by $ABR_DB_PG_MAJOR (default 15); a clear error for anything else."""
    raw = os.environ.get(ENV, "").strip()
    if not raw:
        return DEFAULT_MAJOR
    try:
        major = int(raw)
    except ValueError:
        raise UsageError(f"{ENV} is not a PostgreSQL major version: {raw!r} (use one of {SUPPORTED})") from None
    if major not in SUPPORTED:
        raise UsageError(f"{ENV}={major}: abr-db supports PostgreSQL {' and '.join(map(str, SUPPORTED))}")
    return major


def private_prefix(major: int) -> Path:
    return PRIVATE_PREFIX / f"postgresql-{major}"


def bindir_candidates(major: int) -> tuple[Path, ...]:
    return (
        Path(f"/usr/lib/postgresql/{major}/bin"),
        private_prefix(major) / f"usr/lib/postgresql/{major}/bin",
    )


def find_bindir(major: int) -> Path | None:
    """The directory of `initdb`, `postgres`, `psql`, `pg_dump` for this major, or None."""
    for candidate in bindir_candidates(major):
        if (candidate / "initdb").exists() and (candidate / "psql").exists():
            return candidate
    return None


def pg_bindir(major: int | None = None) -> Path:
    major = major or pg_major()
    found = find_bindir(major)
    if found:
        return found
    if major == DEFAULT_MAJOR and os.environ.get(ENV) is None:
        # Not asked for explicitly: any server on PATH of the default major will do.
        initdb = shutil.which("initdb")
        if initdb and _version_of(Path(initdb).parent) == major:
            return Path(initdb).parent
    hint = "`make setup`" if major == DEFAULT_MAJOR else f"`make setup PG={major}`"
    raise UsageError(f"no PostgreSQL {major} server binaries found (initdb, pg_ctl): run {hint} or start Docker")


def available(major: int) -> bool:
    return find_bindir(major) is not None


def _version_of(bindir: Path) -> int | None:
    try:
        out = subprocess.run([str(bindir / "postgres"), "--version"], capture_output=True, text=True, timeout=10)
    except OSError:
        return None
    match = re.search(r"\(PostgreSQL\) (\d+)", out.stdout)
    return int(match.group(1)) if match else None


def supabase_image(major: int | None = None) -> str:
    return SUPABASE_IMAGES[major or pg_major()]


def server_version(major: int | None = None) -> str:
    """`PostgreSQL 17.12 (...)`: what the chosen major's server binary says it is."""
    bindir = pg_bindir(major)
    out = subprocess.run([str(bindir / "postgres"), "--version"], capture_output=True, text=True, timeout=10)
    return out.stdout.strip().replace("postgres (PostgreSQL)", "PostgreSQL") + f" ({bindir})"


if __name__ == "__main__":  # `python -m abr_db.pgmajor`: the server version the tests use (make test prints it)
    import sys

    try:
        print(server_version())
    except UsageError as exc:
        print(exc, file=sys.stderr)
        sys.exit(2)
