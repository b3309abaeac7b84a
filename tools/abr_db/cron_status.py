"""The pg_cron jobs of a database as `abr-db status` shows them: each job's schedule, whether it is active,
its last run (start time, outcome, message) and how many runs failed in the last day, from cron.job and
cron.job_run_details. None where pg_cron is not installed (it lives in one database per cluster)."""

from __future__ import annotations

import psycopg
from rich.table import Table

from . import repeatables, ui

JOBS_SQL = """
select
  j.jobname,
  j.schedule,
  j.active,
  last.start_time,
  last.status,
  last.return_message,
  (
    select count(*) from cron.job_run_details as d
    where d.jobid = j.jobid and d.status = 'failed' and d.start_time > now() - interval '1 day'
  ) as failures_last_day
from cron.job as j
left join lateral (
  select d.start_time, d.status, d.return_message
  from cron.job_run_details as d
  where d.jobid = j.jobid
  order by d.start_time desc nulls last
  limit 1
) as last on true
order by j.jobname
"""


def cron_jobs(conn: psycopg.Connection) -> list[dict] | None:
    """Every scheduled job with its last run and failures in the last day; None without pg_cron."""
    if not repeatables.has_cron(conn):
        return None
    jobs = []
    for name, schedule, active, started, outcome, message, failures in conn.execute(JOBS_SQL).fetchall():
        jobs.append({
            "name": name,
            "schedule": schedule,
            "active": active,
            "last_run": None if started is None else {
                "started_at": started.isoformat(),
                "status": outcome,
                "message": message,
            },
            "failures_last_day": failures,
        })
    return jobs


def print_cron_jobs(jobs: list[dict] | None) -> None:
    if jobs is None:
        ui.info("cron jobs: pg_cron is not installed in this database", "dim")
        return
    table = Table(title="cron jobs")
    for column in ("job", "schedule", "last run (UTC)", "outcome", "failures (24 h)"):
        table.add_column(column)
    for job in jobs:
        last = job["last_run"]
        outcome = "never run" if last is None else last["status"]
        style = {"succeeded": "green", "failed": "red", "never run": "dim"}.get(outcome, "yellow")
        failures = job["failures_last_day"]
        table.add_row(
            job["name"] + ("" if job["active"] else " [dim](inactive)[/]"),
            job["schedule"],
            "" if last is None else last["started_at"],
            f"[{style}]{outcome}[/]",
            f"[{'red' if failures else 'green'}]{failures}[/]",
        )
    ui.console.print(table)
