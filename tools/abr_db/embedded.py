"""The embedded database behind `abr-db up` / `abr-db down`.

With a reachable Docker engine: a testcontainers PostgresContainer running
Supabase's Postgres image (it already has Supabase's roles and auth schema).
Without one: a persistent cluster made with the machine's PostgreSQL binaries
of the chosen major (pgmajor: $ABR_DB_PG_MAJOR, default 15) in <root>/.pgdata/data,
started with pg_cron and pg_stat_statements preloaded; an existing cluster runs with
its own major's binaries. `ThrowawayCluster` is the same cluster in a temporary
directory, stopped and deleted at exit (the test suite uses it).

Layout of .pgdata/ (a cluster directory must be empty for initdb, so the
state file sits beside it):
    .pgdata/abr-db.json   {"engine", "url", "port", ...}
    .pgdata/data/         PGDATA, also the Unix socket directory; log: data/abr-db.log
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .connect import connect, read_state
from .errors import AbrDbError, UsageError
from .paths import Project
from .pgmajor import pg_bindir, pg_major, supabase_image

DEFAULT_PORT = 54322
PASSWORD = "postgres"
DOCKER_PROBE_SECONDS = 1.5


# Docker detection ------------------------------------------------------------------

def _docker_socket_present() -> bool:
    host = os.environ.get("DOCKER_HOST", "")
    if host.startswith("unix://"):
        return Path(host[len("unix://"):]).exists()
    if host:  # tcp://, ssh://: only a ping can tell
        return True
    return Path("/var/run/docker.sock").exists()


def docker_available() -> bool:
    """True only if a Docker engine answers a ping within ~1 s. Never raises, never hangs."""
    if not _docker_socket_present():
        return False
    result: list[bool] = []

    def probe() -> None:
        try:
            import docker  # noqa: PLC0415 - optional, slow to import

            client = docker.from_env(timeout=1)
            result.append(bool(client.ping()))
        except BaseException:  # noqa: BLE001 - any failure means "no Docker"
            result.append(False)

    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    thread.join(DOCKER_PROBE_SECONDS)
    return bool(result and result[0])


def choose_engine() -> str:
    return "docker" if docker_available() else "local"


# Ports ------------------------------------------------------------------------------

def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
        return True


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_url(port: int, dbname: str = "postgres", host: str = "127.0.0.1") -> str:
    return f"postgresql://postgres:{PASSWORD}@{host}:{port}/{dbname}"


# The local cluster --------------------------------------------------------------------

def _as_server_user(cmd: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the `postgres` OS user."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def _chown_to_server_user(path: Path) -> None:
    if os.geteuid() != 0:
        return
    import pwd  # noqa: PLC0415

    try:
        entry = pwd.getpwnam("postgres")
    except KeyError:
        raise UsageError("running as root needs an OS user `postgres` to run the server") from None
    os.chown(path, entry.pw_uid, entry.pw_gid)


def _server_user_can_reach(path: Path) -> bool:
    if os.geteuid() != 0:
        return True
    probe = subprocess.run(_as_server_user(["test", "-x", str(path)]), capture_output=True)
    return probe.returncode == 0


@dataclass
class LocalCluster:
    """A cluster of the machine's PostgreSQL binaries whose PGDATA is base/data."""

    base: Path
    port: int
    major: int = 0  # 0: the chosen major (pg_major()), or the existing cluster's

    def __post_init__(self) -> None:
        existing = self.data_major()
        wanted = self.major or pg_major()
        if existing and existing != wanted:
            if self.major or os.environ.get("ABR_DB_PG_MAJOR"):
                raise UsageError(
                    f"the cluster in {self.datadir} is PostgreSQL {existing}, not {wanted}: "
                    "`abr-db down --purge` to start over, or pg_upgrade it (README: after an upgrade)"
                )
            wanted = existing  # nothing asked for: run the cluster with its own binaries
        self.major = wanted

    def data_major(self) -> int | None:
        try:
            return int((self.datadir / "PG_VERSION").read_text().strip())
        except (OSError, ValueError):
            return None

    @property
    def bindir(self) -> Path:
        return pg_bindir(self.major)

    @property
    def datadir(self) -> Path:
        return self.base / "data"

    @property
    def logfile(self) -> Path:
        return self.datadir / "abr-db.log"

    @property
    def url(self) -> str:
        return make_url(self.port)

    def url_for(self, dbname: str) -> str:
        return make_url(self.port, dbname)

    def initialized(self) -> bool:
        return (self.datadir / "PG_VERSION").exists()

    def _run(self, cmd: list[str], what: str, check: bool = True) -> subprocess.CompletedProcess:
        proc = subprocess.run(_as_server_user(cmd), capture_output=True, text=True)
        if check and proc.returncode != 0:
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
            raise AbrDbError(f"{what} failed: " + " | ".join(tail))
        return proc

    def init(self) -> None:
        self.base.mkdir(parents=True, exist_ok=True)
        if not _server_user_can_reach(self.base):
            raise UsageError(
                f"the `postgres` OS user cannot reach {self.base} (a parent directory is not "
                "searchable by others): choose a data location outside it"
            )
        self.datadir.mkdir(mode=0o700, exist_ok=True)
        _chown_to_server_user(self.datadir)
        fd, pwfile = tempfile.mkstemp(prefix="abr-db-pw-")
        try:
            os.write(fd, (PASSWORD + "\n").encode())
            os.close(fd)
            os.chmod(pwfile, 0o644)  # the well-known local password, not a secret
            self._run(
                [
                    str(self.bindir / "initdb"), "-D", str(self.datadir), "-U", "postgres",
                    "--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={pwfile}",
                    "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions",
                ],
                "initdb",
            )
        finally:
            os.unlink(pwfile)
        conf = self.datadir / "postgresql.conf"
        with conf.open("a") as f:
            f.write("\n# abr-db: its settings live in abr-db.conf, rewritten at each start\n")
            f.write("include_if_exists = 'abr-db.conf'\n")

    def write_conf(self) -> None:
        socket_dir = str(self.datadir)
        # A Unix socket path is limited to 107 bytes: fall back to TCP only.
        if len(socket_dir) + len("/.s.PGSQL.65535") > 100:
            socket_dir = ""
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "port": str(self.port),
            "unix_socket_directories": f"'{socket_dir}'",
            "shared_preload_libraries": "'pg_cron,pg_stat_statements'",
            "cron.database_name": "'postgres'",
            "max_connections": "100",
        }
        path = self.datadir / "abr-db.conf"
        path.write_text("".join(f"{k} = {v}\n" for k, v in settings.items()))
        _chown_to_server_user(path)

    def status_running(self) -> bool:
        if not self.initialized():
            return False
        proc = self._run([str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "status"], "pg_ctl status", check=False)
        return proc.returncode == 0

    def running_port(self) -> int | None:
        """The port of the running postmaster (line 4 of postmaster.pid)."""
        try:
            lines = (self.datadir / "postmaster.pid").read_text().splitlines()
            return int(lines[3])
        except (OSError, IndexError, ValueError):
            return None

    def connectable(self) -> bool:
        try:
            connect(self.url, connect_timeout=3).close()
            return True
        except AbrDbError:
            return False

    def start(self) -> None:
        self.write_conf()
        proc = self._run(
            [
                str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-l", str(self.logfile),
                "-w", "-t", "60", "start",
            ],
            "pg_ctl start",
            check=False,
        )
        if proc.returncode != 0:
            raise AbrDbError(
                "the database server did not start; last lines of its log:\n" + self.log_tail()
            )

    def stop(self) -> bool:
        if not self.status_running():
            return False
        self._run(
            [str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "fast", "-w", "stop"],
            "pg_ctl stop",
        )
        return True

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.logfile.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log file)"


class ThrowawayCluster:
    """A local cluster in a temporary directory on a free port, deleted at exit.

        with ThrowawayCluster() as cluster:
            cluster.url            # postgres database (the pg_cron one)
            cluster.url_for("x")
    """

    def __init__(self, major: int = 0) -> None:
        self.major = major
        self.base: Path | None = None
        self.cluster: LocalCluster | None = None

    def __enter__(self) -> LocalCluster:
        self.base = Path(tempfile.mkdtemp(prefix="abr-db-"))
        os.chmod(self.base, 0o755)
        try:
            self.cluster = LocalCluster(self.base, free_port(), self.major)
            self.cluster.init()
            self.cluster.start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self.cluster

    def __exit__(self, *exc) -> None:
        try:
            if self.cluster is not None:
                self.cluster.stop()
        finally:
            if self.base is not None:
                shutil.rmtree(self.base, ignore_errors=True)


# up / down ----------------------------------------------------------------------------

@dataclass
class UpResult:
    url: str
    engine: str
    reused: bool
    created: bool
    port_note: str = ""


def _write_state(proj: Project, state: dict) -> None:
    proj.pgdata.mkdir(parents=True, exist_ok=True)
    proj.state_file.write_text(json.dumps(state, indent=2) + "\n")


def _wanted_port(state: dict | None) -> int:
    env = os.environ.get("ABR_DB_PORT")
    if env:
        try:
            return int(env)
        except ValueError:
            raise UsageError(f"ABR_DB_PORT is not a port number: {env!r}") from None
    if state and state.get("port"):
        return int(state["port"])
    return DEFAULT_PORT


def up(proj: Project, engine: str | None = None) -> UpResult:
    state = read_state(proj)
    if state and state.get("engine") == "docker":
        reused = _docker_reuse(state)
        if reused:
            return reused
    engine = engine or ("local" if (state and state.get("engine") == "local") else choose_engine())
    if engine == "docker":
        return _docker_up(proj)
    return _local_up(proj, state)


def _local_up(proj: Project, state: dict | None) -> UpResult:
    cluster = LocalCluster(proj.pgdata, _wanted_port(state))
    created = False
    if cluster.initialized() and cluster.status_running():
        running = cluster.running_port()
        if running:
            cluster.port = running
        if cluster.connectable():
            _write_state(proj, {"engine": "local", "url": cluster.url, "port": cluster.port,
                                "datadir": str(cluster.datadir)})
            return UpResult(cluster.url, "local", reused=True, created=False)
        raise AbrDbError(
            f"a server is running on {cluster.datadir} but does not accept connections; "
            f"last lines of its log:\n{cluster.log_tail()}"
        )
    if not cluster.initialized():
        cluster.init()
        created = True
    note = ""
    if not port_is_free(cluster.port):
        wanted = cluster.port
        cluster.port = free_port()
        note = f"port {wanted} is taken by another program: using {cluster.port}"
    cluster.start()
    _write_state(proj, {"engine": "local", "url": cluster.url, "port": cluster.port,
                        "datadir": str(cluster.datadir)})
    return UpResult(cluster.url, "local", reused=False, created=created, port_note=note)


def down(proj: Project, purge: bool = False) -> str:
    state = read_state(proj) or {}
    message = "no embedded database was running"
    if state.get("engine") == "docker":
        message = _docker_down(state, purge)
    else:
        version_file = proj.pgdata / "data" / "PG_VERSION"
        major = int(version_file.read_text().strip()) if version_file.exists() else 0
        cluster = LocalCluster(proj.pgdata, int(state.get("port") or DEFAULT_PORT), major)
        if cluster.stop():
            message = f"stopped the database in {proj.rel(cluster.datadir)}"
    if purge and proj.pgdata.exists():
        shutil.rmtree(proj.pgdata)
        message += f"; deleted {proj.rel(proj.pgdata)}"
    return message


# Docker (Supabase's image) -------------------------------------------------------------

def _docker_up(proj: Project) -> UpResult:
    # The container must outlive this process: no Ryuk reaper.
    os.environ.setdefault("TESTCONTAINERS_RYUK_DISABLED", "true")
    try:
        try:
            from testcontainers.community.postgres import PostgresContainer  # noqa: PLC0415
        except ImportError:
            from testcontainers.postgres import PostgresContainer  # noqa: PLC0415
        from testcontainers.core.config import testcontainers_config  # noqa: PLC0415

        testcontainers_config.ryuk_disabled = True
    except ImportError:
        raise UsageError("Docker is running but testcontainers is not installed (pip install 'abr-db[docker]')") from None
    port = _wanted_port(read_state(proj))
    image = supabase_image()
    container = PostgresContainer(
        image, username="postgres", password=PASSWORD, dbname="postgres", driver=None
    )
    if port_is_free(port):
        container.with_bind_ports(5432, port)
    container.start()
    host = container.get_container_host_ip()
    mapped = int(container.get_exposed_port(5432))
    url = make_url(mapped, host=host)
    _write_state(proj, {"engine": "docker", "url": url, "port": mapped,
                        "container_id": container.get_wrapped_container().id,
                        "image": image})
    _wait_connectable(url)
    return UpResult(url, "docker", reused=False, created=True)


def _wait_connectable(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            connect(url, connect_timeout=3).close()
            return
        except AbrDbError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


def _docker_reuse(state: dict) -> UpResult | None:
    if not docker_available():
        return None
    try:
        import docker  # noqa: PLC0415

        container = docker.from_env(timeout=5).containers.get(state["container_id"])
        if container.status != "running":
            container.start()
        _wait_connectable(state["url"], 30)
        return UpResult(state["url"], "docker", reused=True, created=False)
    except Exception:  # noqa: BLE001 - gone or broken: start a new one
        return None


def _docker_down(state: dict, purge: bool) -> str:
    try:
        import docker  # noqa: PLC0415

        container = docker.from_env(timeout=5).containers.get(state["container_id"])
        container.stop()
        if purge:
            container.remove(v=True)
        return f"stopped container {container.short_id}"
    except Exception as exc:  # noqa: BLE001
        return f"no running container to stop ({type(exc).__name__})"
