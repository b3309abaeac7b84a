"""verify: checks of a database against the project, each a function returning findings.

A check is `fn(ctx: Context) -> list[Finding]`, registered in CHECKS: drift,
expected objects, repeatables (pending, failed, and every object each file defines
compared with the fingerprint recorded at apply: catalog.py), the whole schema
against the committed expected one (schema.py: missing / altered / extra, with the
file that owns each object and how to restore it), the advisors
(abr_db.advisors), pending migrations. Pending migrations and repeatables are
errors unless --allow-pending. The access matrix (abr_db.matrix) is separate:
`abr-db verify --matrix`.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Callable

import psycopg
from rich.table import Table

from . import advisors, bookkeeping, catalog, repeatables, schema, ui
from .connect import connect
from .paths import Project, project as current_project


@dataclass
class Finding:
    check: str
    code: str
    subject: str
    message: str
    severity: str = "error"  # error | warning

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Context:
    conn: psycopg.Connection
    project: Project
    applied: dict = field(default_factory=dict)
    allow_pending: bool = False
    cache: dict = field(default_factory=dict)

    @property
    def pending_severity(self) -> str:
        return "warning" if self.allow_pending else "error"


@dataclass
class Report:
    findings: list[Finding]
    checks: list[str]

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    def as_dict(self) -> dict:
        return {"ok": self.ok, "checks": self.checks, "findings": [f.as_dict() for f in self.findings]}


# (1) drift --------------------------------------------------------------------------------

def drift_findings(conn: psycopg.Connection, proj: Project) -> list[Finding]:
    applied = bookkeeping.applied_migrations(conn)
    sums = bookkeeping.checksums(conn)
    files = {p.stem: p for p in proj.migration_files()}
    findings = []
    for mid in applied:
        path = files.get(mid)
        if path is None:
            findings.append(Finding(
                "drift", "migration_missing", f"migrations/{mid}.sql",
                f"migrations/{mid}.sql is applied to the database but the file is missing",
            ))
        elif mid not in sums:
            findings.append(Finding(
                "drift", "checksum_missing", proj.rel(path),
                f"{proj.rel(path)} is applied but abr-db recorded no checksum for it", "warning",
            ))
        elif sums[mid] != bookkeeping.sha256_file(path) and sums[mid] not in bookkeeping.previous_checksums(path):
            # (a checksum the file lists as its previous one: restructured deliberately, not drift)
            findings.append(Finding(
                "drift", "migration_changed", proj.rel(path),
                f"{proj.rel(path)} was changed after it was applied (sha256 differs from the recorded one)",
            ))
    return findings


def check_drift(ctx: Context) -> list[Finding]:
    return drift_findings(ctx.conn, ctx.project)


# (2) expected objects -----------------------------------------------------------------------

_IDENT = r'(?:"[^"]+"|[a-z_][a-z0-9_$]*)'
_CREATE_PATTERNS = {
    "table": re.compile(
        rf"\bcreate\s+(?:unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?public\.({_IDENT})", re.I),
    "index": re.compile(
        rf"\bcreate\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?({_IDENT})\s+on\s+(?:only\s+)?({_IDENT})\.", re.I),
    "view": re.compile(
        rf"\bcreate\s+(?:or\s+replace\s+)?(?:materialized\s+)?view\s+(?:if\s+not\s+exists\s+)?public\.({_IDENT})", re.I),
    "function": re.compile(
        rf"\bcreate\s+(?:or\s+replace\s+)?(?:function|procedure)\s+({_IDENT})\.({_IDENT})", re.I),
    "policy": re.compile(rf"\bcreate\s+policy\s+({_IDENT})\s+on\s+({_IDENT})\.({_IDENT})", re.I),
}
_DROP_PATTERNS = {
    "table": re.compile(rf"\bdrop\s+table\s+(?:if\s+exists\s+)?public\.({_IDENT})", re.I),
    "index": re.compile(rf"\bdrop\s+index\s+(?:concurrently\s+)?(?:if\s+exists\s+)?(?:({_IDENT})\.)?({_IDENT})", re.I),
    "view": re.compile(rf"\bdrop\s+(?:materialized\s+)?view\s+(?:if\s+exists\s+)?public\.({_IDENT})", re.I),
    "function": re.compile(rf"\bdrop\s+(?:function|procedure)\s+(?:if\s+exists\s+)?({_IDENT})\.({_IDENT})", re.I),
}


def _unquote(name: str) -> str:
    return name[1:-1] if name.startswith('"') else name.lower()


def _strip_comments(sql: str) -> str:
    """Remove -- and /* */ comments and the text of string literals; $$ bodies stay."""
    out, i, n = [], 0, len(sql)
    while i < n:
        if sql.startswith("--", i):
            j = sql.find("\n", i)
            i = n if j < 0 else j
        elif sql.startswith("/*", i):
            j = sql.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif sql[i] == "'":
            j = i + 1
            while j < n:
                if sql[j] == "'" and sql.startswith("''", j):
                    j += 2
                    continue
                if sql[j] == "'":
                    break
                j += 1
            out.append("''")  # a literal's text is not DDL
            i = j + 1
        elif sql[i] == "$":
            m = re.match(r"\$([a-zA-Z_][a-zA-Z0-9_]*)?\$", sql[i:])
            if m:
                tag = m.group(0)
                j = sql.find(tag, i + len(tag))
                j = n if j < 0 else j + len(tag)
                out.append(sql[i:j])
                i = j
            else:
                out.append(sql[i])
                i += 1
        else:
            out.append(sql[i])
            i += 1
    return "".join(out)


def expected_objects(sql: str) -> tuple[set[tuple], set[tuple]]:
    """(created, dropped) objects named in a migration: ("table", "public", name) etc."""
    sql = _strip_comments(sql)
    created: set[tuple] = set()
    dropped: set[tuple] = set()
    for m in _CREATE_PATTERNS["table"].finditer(sql):
        created.add(("table", "public", _unquote(m.group(1))))
    for m in _CREATE_PATTERNS["index"].finditer(sql):
        created.add(("index", _unquote(m.group(2)), _unquote(m.group(1))))
    for m in _CREATE_PATTERNS["view"].finditer(sql):
        created.add(("view", "public", _unquote(m.group(1))))
    for m in _CREATE_PATTERNS["function"].finditer(sql):
        created.add(("function", _unquote(m.group(1)), _unquote(m.group(2))))
    for m in _DROP_PATTERNS["table"].finditer(sql):
        dropped.add(("table", "public", _unquote(m.group(1))))
    for m in _DROP_PATTERNS["index"].finditer(sql):
        dropped.add(("index", _unquote(m.group(1) or "public"), _unquote(m.group(2))))
    for m in _DROP_PATTERNS["view"].finditer(sql):
        dropped.add(("view", "public", _unquote(m.group(1))))
    for m in _DROP_PATTERNS["function"].finditer(sql):
        dropped.add(("function", _unquote(m.group(1)), _unquote(m.group(2))))
    return created, dropped


def _present(conn: psycopg.Connection, kind: str, schema: str, name: str) -> bool:
    if kind in ("table", "view"):
        relkinds = ["r", "p"] if kind == "table" else ["v", "m"]
        sql = """select exists (select from pg_catalog.pg_class c join pg_catalog.pg_namespace n
                 on n.oid = c.relnamespace where n.nspname = %s and c.relname = %s and c.relkind = any(%s))"""
        return conn.execute(sql, (schema, name, relkinds)).fetchone()[0]
    if kind == "index":
        sql = """select exists (select from pg_catalog.pg_class c join pg_catalog.pg_namespace n
                 on n.oid = c.relnamespace where n.nspname = %s and c.relname = %s and c.relkind in ('i', 'I'))"""
        return conn.execute(sql, (schema, name)).fetchone()[0]
    sql = """select exists (select from pg_catalog.pg_proc p join pg_catalog.pg_namespace n
             on n.oid = p.pronamespace where n.nspname = %s and p.proname = %s)"""
    return conn.execute(sql, (schema, name)).fetchone()[0]


def check_expected_objects(ctx: Context) -> list[Finding]:
    """Objects the applied migrations name, by their text (superseded by the expected schema when it is current)."""
    files = {p.stem: p for p in ctx.project.migration_files()}
    if _current_snapshot(ctx) is not None and all(mid in ctx.applied for mid in files):
        return []
    expected: dict[tuple, str] = {}
    for mid in sorted(ctx.applied, key=bookkeeping.migration_number):
        path = files.get(mid)
        if path is None:
            continue
        created, dropped = expected_objects(path.read_text())
        for obj in dropped:
            expected.pop(obj, None)
        for obj in created:
            expected[obj] = mid
    findings = []
    for (kind, schema, name), mid in sorted(expected.items()):
        if not _present(ctx.conn, kind, schema, name):
            findings.append(Finding(
                "objects", "object_missing", f"{schema}.{name}",
                f"{kind} {schema}.{name} (created by migrations/{mid}.sql) is missing from the database",
            ))
    return findings


def check_advisors(ctx: Context) -> list[Finding]:
    """Security and performance advisors (abr_db.advisors): every finding fails verify."""
    return [
        Finding("advisors", f.check, f.object, f"{f.object}: {f.detail}")
        for f in advisors.run(ctx.conn)
    ]


def check_pending(ctx: Context) -> list[Finding]:
    pending = [p.stem for p in ctx.project.migration_files() if p.stem not in ctx.applied]
    return [
        Finding("pending", "migration_pending", f"migrations/{mid}.sql",
                f"migrations/{mid}.sql is not applied yet (`abr-db apply` applies it)", ctx.pending_severity)
        for mid in pending
    ]


def _migration_objects(ctx: Context) -> tuple[set[tuple[str, str]], set[str]]:
    """Functions (schema, name) and policy keys the migrations create: not extras."""
    functions: set[tuple[str, str]] = set()
    policies: set[str] = set()
    for path in ctx.project.migration_files():
        text = _strip_comments(bookkeeping.read_text(path))
        created, _ = expected_objects(text)
        functions |= {(schema, name) for kind, schema, name in created if kind == "function"}
        for m in _CREATE_PATTERNS["policy"].finditer(text):
            name, schema, table = (_unquote(g) if g.startswith('"') else g.lower() for g in m.groups())
            policies.add(catalog.policy_key(schema, table, name))
    return functions, policies


def _rls_note(ctx: Context, key: str, what: str) -> str:
    """For an altered table, say when the alteration is RLS switched off (the dangerous one)."""
    if what != "altered" or not key.startswith("table "):
        return ""
    row = ctx.conn.execute(
        "select relrowsecurity from pg_catalog.pg_class where oid = to_regclass(%s)", (key[len("table "):],)
    ).fetchone()
    return ": row level security is disabled" if row and not row[0] else ""


def check_repeatables(ctx: Context) -> list[Finding]:
    """Files not applied or failed, objects missing or altered since apply, objects no file defines."""
    findings = []
    cron = repeatables.has_cron(ctx.conn)
    recorded = bookkeeping.repeatables(ctx.conn)
    for item in repeatables.plan(ctx.conn, ctx.project):
        if item.state == "unchanged" or (item.folder == "cron_jobs" and not cron):
            continue
        if item.state == "drifted":
            for reason in item.reasons:
                key, _, what = reason.rpartition(" ")
                if what not in ("missing", "altered"):
                    key = ""
                findings.append(Finding(
                    "repeatables", f"object_{what}" if key else "repeatable_drifted", key or item.key,
                    f"{reason}{_rls_note(ctx, key, what)} (defined by {item.key}; `abr-db apply` re-applies it)"
                    if key else f"{item.key}: {reason}",
                ))
        elif item.state == "failed":
            findings.append(Finding(
                "repeatables", "repeatable_failed", item.key,
                f"{item.key} failed at its last apply ({'; '.join(item.reasons)})", ctx.pending_severity,
            ))
        else:
            findings.append(Finding(
                "repeatables", "repeatable_pending", item.key,
                f"{item.key} is {item.state} and not applied yet (`abr-db apply` applies it)", ctx.pending_severity,
            ))
    known = set()
    for rec in recorded.values():
        known |= set(rec.get("fingerprints") or {})
    if recorded:
        functions, policies = _migration_objects(ctx)
        for key in catalog.extras(catalog.snapshot(ctx.conn), known | policies, functions):
            findings.append(Finding(
                "repeatables", "object_extra", key,
                f"{key} is in the database but no repeatable file or migration defines it",
            ))
    return findings


def _current_snapshot(ctx: Context) -> dict | None:
    """schema/expected.json when it was generated from the files as they are now."""
    if "snapshot" not in ctx.cache:
        expected = schema.load(ctx.project)
        ctx.cache["snapshot"] = expected if expected is not None and not schema.stale(expected, ctx.project) else None
    return ctx.cache["snapshot"]


def check_schema(ctx: Context) -> list[Finding]:
    """The live schema against the expected one (schema/expected.json): missing, altered, extra, with the owner."""
    expected = schema.load(ctx.project)
    where = str(schema.RELATIVE_PATH)
    if expected is None:
        return [Finding("schema", "snapshot_missing", where,
                        f"no {where}: the schema is not compared (`abr-db snapshot --write` generates it)", "warning")]
    changed = schema.stale(expected, ctx.project)
    if changed:
        names = ", ".join(changed[:4]) + (f" and {len(changed) - 4} more" if len(changed) > 4 else "")
        return [Finding("schema", "snapshot_stale", where,
                        f"{where} was generated from other files ({names} changed since): the schema is not "
                        "compared; run `abr-db snapshot --write` and commit it", "warning")]
    if any(p.stem not in ctx.applied for p in ctx.project.migration_files()):
        return []  # pending migrations: reported by their own check; the comparison would only repeat them
    busy = {item.key for item in repeatables.plan(ctx.conn, ctx.project) if item.state != "unchanged"}
    findings = []
    for diff in schema.compare(expected["objects"], schema.describe(ctx.conn), repeatables.has_cron(ctx.conn)):
        if diff.owner in busy:
            continue  # the file's own finding (pending, failed, drifted) says it already
        if diff.what == "extra" and schema.kind_of(diff.key) in ("function", "policy"):
            continue  # check_repeatables reports these
        findings.append(Finding("schema", f"schema_{diff.what}", diff.key, f"{diff.describe()}: {diff.remedy()}"))
    return findings


Check = Callable[[Context], list[Finding]]
CHECKS: list[tuple[str, Check]] = [
    ("drift", check_drift),
    ("objects", check_expected_objects),
    ("repeatables", check_repeatables),
    ("schema", check_schema),
    ("advisors", check_advisors),
    ("pending", check_pending),
]


def verify(url: str, proj: Project | None = None, allow_pending: bool = False) -> Report:
    proj = proj or current_project()
    conn = connect(url)
    try:
        ctx = Context(conn, proj, bookkeeping.applied_migrations(conn), allow_pending)
        findings: list[Finding] = []
        for _name, check in CHECKS:
            findings.extend(check(ctx))
        return Report(findings, [name for name, _ in CHECKS])
    finally:
        conn.close()


def print_report(report: Report) -> None:
    if not report.findings:
        ui.info(f"verify: ok ({', '.join(report.checks)})", "green")
        return
    table = Table(title="verify")
    table.add_column("check")
    table.add_column("severity")
    table.add_column("finding", overflow="fold")
    for f in report.findings:
        color = "red" if f.severity == "error" else "yellow"
        table.add_row(f.check, f"[{color}]{f.severity}[/]", f.message.replace("[", r"\["))
    ui.console.print(table)
    errors = sum(f.severity == "error" for f in report.findings)
    if errors:
        ui.error(f"verify: {errors} problem(s)")
    else:
        ui.info("verify: ok (warnings only)", "green")
