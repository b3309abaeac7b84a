"""`abr-db status` shows every pg_cron job with its schedule, its last run (time and outcome) and its failures in
the last day (tools/abr_db/cron_status.py), in the table and in --json; None where pg_cron is not installed."""

from __future__ import annotations

import json

import psycopg

from abr_db import cron_status

RUN = """
insert into cron.job_run_details (jobid, runid, job_pid, database, username, command, status, return_message,
  start_time, end_time)
select j.jobid, nextval('cron.runid_seq'), 1, current_database(), current_user, j.command, r.status, r.message,
  now() - r.ago, now() - r.ago
from cron.job as j,
  (values ('failed', 'ERROR: old', interval '3 days'), ('failed', 'ERROR: boom', interval '2 hours'),
          ('succeeded', '1 row', interval '1 hour')) as r (status, message, ago)
where j.jobname = 'expire-trials'
returning runid
"""


def test_cron_jobs_with_last_run_and_failures(applied_db, cli):
    with psycopg.connect(applied_db) as conn:
        runs = [r[0] for r in conn.execute(RUN).fetchall()]
    try:
        with psycopg.connect(applied_db) as conn:
            jobs = {j["name"]: j for j in cron_status.cron_jobs(conn)}
        assert {"expire-trials", "mark-past-due-subscriptions"} <= set(jobs)
        trials = jobs["expire-trials"]
        assert (trials["schedule"], trials["active"], trials["failures_last_day"]) == ("20 6 * * *", True, 1)
        assert (trials["last_run"]["status"], trials["last_run"]["message"]) == ("succeeded", "1 row")
        assert jobs["mark-past-due-subscriptions"]["last_run"] is None
        data = json.loads(cli("status", "--db-url", applied_db, "--json").stdout)
        assert {j["name"]: j["failures_last_day"] for j in data["cron_jobs"]}["expire-trials"] == 1
        table = cli("status", "--db-url", applied_db).stdout
        assert "cron jobs" in table and "succeeded" in table
    finally:
        with psycopg.connect(applied_db) as conn:
            conn.execute("delete from cron.job_run_details where runid = any(%s)", (runs,))


def test_no_pg_cron_here(fresh_db, cli):
    data = json.loads(cli("status", "--db-url", fresh_db, "--json").stdout)
    assert data["cron_jobs"] is None
