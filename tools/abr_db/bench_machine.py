"""What a benchmark ran on: the machine (cores, memory, load), the server
(version, the settings that move plans and times) and the dataset (row counts)."""

from __future__ import annotations

import os
import platform

import psycopg

from .scale_seed import counts, is_seeded

SETTINGS = (
    "shared_buffers", "work_mem", "effective_cache_size", "max_parallel_workers_per_gather", "max_parallel_workers",
    "random_page_cost", "jit", "max_connections",
)


def _memory_gib() -> float | None:
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        return None
    return None


def describe(conn: psycopg.Connection) -> dict:
    """Client machine (the server's when local), server and dataset."""
    version = conn.execute("select version()").fetchone()[0]
    settings = dict(
        conn.execute(
            "select name, setting || coalesce(' ' || unit, '') from pg_catalog.pg_settings where name = any(%s)",
            (list(SETTINGS),),
        ).fetchall()
    )
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = None
    return {
        "machine": {
            "cores": os.cpu_count(),
            "memory_gib": _memory_gib(),
            "platform": platform.platform(),
            "load_average": load,
        },
        "postgres": {"version": version, "settings": settings},
        "dataset": {"synthetic": is_seeded(conn), "rows": counts(conn)},
    }
