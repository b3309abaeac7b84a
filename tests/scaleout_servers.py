"""The servers a deployment past one machine adds, started from this machine's binaries for the
test suite: a hot standby of the test primary (`pg_basebackup -R`, streaming) and PgBouncer in
transaction mode (Debian's `pgbouncer`, installed by scripts/setup.sh). Each runs on a free port
with its files in a temporary directory, and is stopped and deleted at the end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg

from abr_db.embedded import PASSWORD, LocalCluster, _as_server_user, _chown_to_server_user, free_port, make_url

PGBOUNCER = Path("/usr/sbin/pgbouncer")


class HotStandby:
    """A streaming hot standby of `primary` (a LocalCluster), on its own port.

        with HotStandby(cluster) as standby:
            standby.url_for("dbname"); standby.wait_for_replay()
    """

    def __init__(self, primary: LocalCluster) -> None:
        self.primary = primary
        self.base: Path | None = None
        self.cluster: LocalCluster | None = None

    def __enter__(self) -> "HotStandby":
        self.base = Path(tempfile.mkdtemp(prefix="abr-db-standby-"))
        os.chmod(self.base, 0o755)
        try:
            datadir = self.base / "data"
            datadir.mkdir(mode=0o700)
            _chown_to_server_user(datadir)  # pg_basebackup runs as the server's OS user
            proc = subprocess.run(
                _as_server_user([
                    "env", f"PGPASSWORD={PASSWORD}",
                    str(self.primary.bindir / "pg_basebackup"), "-D", str(datadir), "-R", "-X", "stream",
                    "-c", "fast", "-h", "127.0.0.1", "-p", str(self.primary.port), "-U", "postgres",
                ]),
                capture_output=True, text=True, timeout=600,
            )
            if proc.returncode != 0:
                raise RuntimeError(f"pg_basebackup failed: {proc.stderr.strip()[-500:]}")
            self.cluster = LocalCluster(self.base, free_port(), self.primary.major)
            self.cluster.start()  # write_conf gives it its own port and socket directory
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    @property
    def port(self) -> int:
        return self.cluster.port

    def url_for(self, dbname: str) -> str:
        return self.cluster.url_for(dbname)

    def wait_for_replay(self, timeout: float = 60) -> float:
        """Wait until the standby has replayed everything the primary wrote so far; the seconds it took."""
        started = time.monotonic()
        with psycopg.connect(self.primary.url, autocommit=True) as p, \
                psycopg.connect(self.cluster.url, autocommit=True) as s:
            target = str(p.execute("select pg_current_wal_lsn()").fetchone()[0])
            while True:
                if s.execute("select pg_last_wal_replay_lsn() >= %s::pg_lsn", (target,)).fetchone()[0]:
                    return time.monotonic() - started
                if time.monotonic() - started > timeout:
                    raise TimeoutError(f"the standby did not replay {target} within {timeout} s")
                time.sleep(0.002)

    def __exit__(self, *exc) -> None:
        try:
            if self.cluster is not None:
                self.cluster.stop()
        finally:
            if self.base is not None:
                shutil.rmtree(self.base, ignore_errors=True)


class TransactionPooler:
    """PgBouncer in transaction mode in front of `primary_port`, on its own port.

        with TransactionPooler(cluster.port) as pooler:
            pooler.url_for("dbname")
    """

    def __init__(self, primary_port: int, pool_size: int = 4) -> None:
        self.primary_port = primary_port
        self.pool_size = pool_size
        self.port = 0
        self.dir: Path | None = None
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> "TransactionPooler":
        if not PGBOUNCER.exists():
            raise RuntimeError(f"{PGBOUNCER} is missing: run `make setup` (it installs Debian's pgbouncer)")
        self.dir = Path(tempfile.mkdtemp(prefix="abr-db-pgbouncer-"))
        os.chmod(self.dir, 0o755)
        self.port = free_port()
        (self.dir / "userlist.txt").write_text(f'"postgres" "{PASSWORD}"\n')
        ini = self.dir / "pgbouncer.ini"
        ini.write_text(
            "[databases]\n"
            f"* = host=127.0.0.1 port={self.primary_port}\n"
            "[pgbouncer]\n"
            "listen_addr = 127.0.0.1\n"
            f"listen_port = {self.port}\n"
            "unix_socket_dir =\n"
            "auth_type = scram-sha-256\n"
            f"auth_file = {self.dir / 'userlist.txt'}\n"
            "pool_mode = transaction\n"
            f"default_pool_size = {self.pool_size}\n"
            "max_client_conn = 100\n"
            f"logfile = {self.dir / 'pgbouncer.log'}\n"
            f"pidfile = {self.dir / 'pgbouncer.pid'}\n"
        )
        for path in (self.dir, ini, self.dir / "userlist.txt"):
            _chown_to_server_user(path)
        self.proc = subprocess.Popen(  # pgbouncer refuses to run as root
            _as_server_user([str(PGBOUNCER), str(ini)]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 20
        while True:
            try:
                psycopg.connect(self.url_for("postgres"), connect_timeout=2).close()
                break
            except psycopg.Error:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    log = self.dir / "pgbouncer.log"
                    tail = log.read_text()[-800:] if log.exists() else ""
                    self.__exit__(None, None, None)
                    raise RuntimeError(f"pgbouncer did not start: {tail}") from None
                time.sleep(0.1)
        return self

    def url_for(self, dbname: str) -> str:
        return make_url(self.port, dbname)

    def __exit__(self, *exc) -> None:
        try:
            if self.proc is not None and self.proc.poll() is None:
                try:
                    pid = int((self.dir / "pgbouncer.pid").read_text().strip())
                    os.kill(pid, 15)  # SIGTERM: immediate shutdown
                except (OSError, ValueError):
                    self.proc.terminate()
                try:
                    self.proc.wait(10)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(10)
        finally:
            if self.dir is not None:
                shutil.rmtree(self.dir, ignore_errors=True)
