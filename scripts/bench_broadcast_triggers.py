"""Write cost of the Realtime broadcast triggers (migration 050), measured with pgbench.

    .venv/bin/python scripts/bench_broadcast_triggers.py URL [--seconds 20] [--rounds 6] [--clients 2]

URL: a local database seeded with `abr-db seed --scale N` (the learners `abr-db bench --writes`
drives). Runs the learning workload of `abr-db bench --writes` (tools/abr_db/bench_writes.py)
with the broadcast triggers disabled and enabled, alternately (off/on, then on/off, ...), and
reports per run the transactions per second and the CPU time the database server spent per
transaction (the postmaster's process tree, live and exited backends, read from /proc: the
server must run on this machine). On a shared machine tps swings with other people's load;
CPU per transaction does not, so it is the figure to compare. The triggers are enabled again
at the end, whatever happens.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from abr_db import bench_writes  # noqa: E402

TRIGGERS_SQL = """
select t.tgrelid::regclass::text, t.tgname from pg_catalog.pg_trigger as t
where t.tgname like 'broadcast\\_%' and not t.tgisinternal order by 1, 2
"""


def set_triggers(url: str, enabled: bool) -> int:
    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute(TRIGGERS_SQL).fetchall()
        for table, name in rows:
            conn.execute(f"alter table {table} {'enable' if enabled else 'disable'} trigger {name}")
    return len(rows)


def postmaster_pid(url: str) -> int:
    with psycopg.connect(url) as conn:
        backend = conn.execute("select pg_catalog.pg_backend_pid()").fetchone()[0]
        stat = Path(f"/proc/{backend}/stat").read_text()  # while the backend lives
    return int(stat.rsplit(")", 1)[1].split()[1])


def server_cpu_seconds(pm: int) -> float:
    ticks = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(pid) == pm:  # its own time and its reaped children's (exited backends)
            ticks += sum(int(x) for x in fields[11:15])
        elif int(fields[1]) == pm:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--clients", type=int, default=2)
    args = parser.parse_args()
    pm = postmaster_pid(args.url)
    runs = []
    try:
        for i in range(args.rounds):
            for enabled in ([False, True] if i % 2 == 0 else [True, False]):
                set_triggers(args.url, enabled)
                before = server_cpu_seconds(pm)
                result = bench_writes.run(args.url, clients=args.clients, seconds=args.seconds, quiet=True)
                spent = server_cpu_seconds(pm) - before
                run = {
                    "triggers": enabled, "tps": round(result.tps, 1), "transactions": result.transactions,
                    "server_cpu_ms_per_tx": round(1000 * spent / max(result.transactions, 1), 3), "ok": result.ok,
                }
                runs.append(run)
                print(json.dumps(run), flush=True)
    finally:
        set_triggers(args.url, True)

    def median(values: list[float]) -> float:
        ordered = sorted(values)
        mid = len(ordered) // 2
        return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2

    summary = {}
    for enabled in (False, True):
        mine = [r for r in runs if r["triggers"] is enabled]
        summary["with" if enabled else "without"] = {
            "server_cpu_ms_per_tx_median": round(median([r["server_cpu_ms_per_tx"] for r in mine]), 3),
            "tps_median": round(median([r["tps"] for r in mine]), 1),
        }
    summary["cpu_ratio_with_over_without"] = round(
        summary["with"]["server_cpu_ms_per_tx_median"] / summary["without"]["server_cpu_ms_per_tx_median"], 3
    )
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
