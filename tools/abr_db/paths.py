"""Where the project's folders are.

The root is $ABR_DB_ROOT, else the nearest directory above the working
directory holding both `migrations/` and `pyproject.toml`, else the
repository this package lives in.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
BOOTSTRAP_SQL = PACKAGE_DIR / "sql" / "bootstrap.sql"

# Repeatable folders, in the order they are applied (functions -> policies -> cron).
REPEATABLE_DIRS = ("rpc_functions", "rls_policies", "cron_jobs")


def _is_root(path: Path) -> bool:
    return (path / "migrations").is_dir() and (path / "pyproject.toml").is_file()


def find_root() -> Path:
    env = os.environ.get("ABR_DB_ROOT")
    if env:
        return Path(env).expanduser().resolve()
    cwd = Path.cwd().resolve()
    for candidate in (cwd, *cwd.parents):
        if _is_root(candidate):
            return candidate
    # tools/abr_db/ -> the repository
    return PACKAGE_DIR.parent.parent


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def migrations(self) -> Path:
        return self.root / "migrations"

    @property
    def rpc_functions(self) -> Path:
        return self.root / "rpc_functions"

    @property
    def rls_policies(self) -> Path:
        return self.root / "rls_policies"

    @property
    def cron_jobs(self) -> Path:
        return self.root / "cron_jobs"

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def tests_sql(self) -> Path:
        return self.root / "tests_sql"

    @property
    def pgdata(self) -> Path:
        """Git-ignored home of the embedded cluster and its state file."""
        return self.root / ".pgdata"

    @property
    def state_file(self) -> Path:
        return self.pgdata / "abr-db.json"

    def repeatable_dirs(self) -> list[Path]:
        return [self.root / name for name in REPEATABLE_DIRS]

    def rel(self, path: Path) -> str:
        """A path as the user knows it: relative to the project root."""
        try:
            return str(Path(path).resolve().relative_to(self.root))
        except ValueError:
            return str(path)

    def migration_files(self) -> list[Path]:
        """Versioned migration files (not their rollbacks), sorted."""
        if not self.migrations.is_dir():
            return []
        return sorted(
            p for p in self.migrations.glob("*.sql") if not p.name.endswith(".rollback.sql")
        )


def project() -> Project:
    return Project(find_root())
