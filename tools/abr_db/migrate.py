"""apply / status / rollback: versioned migrations (yoyo) and the repeatable folders.

Versioned migrations are migrations/NNN_name.sql with NNN_name.rollback.sql,
applied by the yoyo library with its tables in schema abr_db; each migration
runs in its own transaction. The repeatable folders are applied after them
(see repeatables.py). A whole apply or rollback holds a session advisory
lock, so concurrent runs serialize.

Two comment lines of a migration are abr-db's (yoyo ignores them; bookkeeping.py parses):
  -- requires: rpc_functions/x.sql   functions live in repeatable files, once; a migration
                                     that binds one (create trigger) runs that file's current
                                     text at this place, in its transaction (requires_sql)
  -- previous-sha256: <hex>          a checksum the file had when databases applied it, before
                                     it was restructured: accepted, and replaced at apply
After the apply, the database is compared with the expected schema (schema.py): what a
repeatable owns is repaired, the rest named with its owner and restore statement.
A rollback first measures the data it would destroy (data_loss.py) and refuses without consent.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from rich.table import Table
from yoyo import get_backend, read_migrations
from yoyo.migrations import (
    Migration,
    MigrationList,
    MigrationStep,
    StepGroup,
    Transactionless,
    TransactionWrapper,
)

from . import bookkeeping, catalog, cron_status, data_loss, history, repeatables, schema, ui
from .bootstrap import apply_bootstrap, bootstrap_outdated, needs_bootstrap
from .connect import connect, refuse_transaction_pooler, yoyo_url
from .errors import MigrationError, UsageError, source_excerpt
from .paths import REPEATABLE_DIRS, Project, project as current_project
from .verify import drift_findings

BOOTSTRAP_REFUSAL = (
    "database has no auth.users (not a Supabase database): run again with --bootstrap "
    "to create Supabase's roles and auth schema"
)


# yoyo instrumentation ------------------------------------------------------------------

class _TrackedStep(MigrationStep):
    """A yoyo SQL step that remembers the statement it runs and prints no result rows."""

    _abr_tracker: dict

    def _execute(self, cursor, stmt, out=None):
        self._abr_tracker["statement"] = stmt
        cursor.execute(stmt)
        if cursor.description:
            cursor.fetchall()


def requires_sql(proj: Project, migration_path: Path, required: list[str]) -> str:
    """What runs where a migration says `-- requires: rpc_functions/x.sql`.

    Functions live in repeatable files, once; a migration binds them (create trigger)
    and must not run before they exist, on a fresh database too. So the required
    files' current text runs in the migration's transaction, at the place of the
    `-- requires:` line (in the leading comment block: before the body), with
    check_function_bodies off (as pg_dump restores): a plpgsql or SQL body is not
    resolved at creation, so today's definition can be created at an early migration
    as long as its schema and the types of its signature exist. The repeatable folder
    applies the same files again afterwards, as it does for any new file.
    """
    parts = [
        "select pg_catalog.set_config('abr_db.check_function_bodies', "
        "pg_catalog.current_setting('check_function_bodies'), true), "
        "pg_catalog.set_config('check_function_bodies', 'off', true);"
    ]
    for rel in required:
        path = proj.root / rel
        if rel.split("/")[0] not in REPEATABLE_DIRS or not path.is_file():
            raise MigrationError(
                f"{proj.rel(migration_path)} requires {rel}, which is not a repeatable file of this project"
            )
        parts.append(f"-- {rel}\n" + bookkeeping.read_text(path))
    parts.append("select pg_catalog.set_config('check_function_bodies', "
                 "pg_catalog.current_setting('abr_db.check_function_bodies'), true);")
    return "\n".join(parts)


def _instrument(migration: Migration, tracker: dict, sha256: str, proj: Project | None = None) -> None:
    """Track statements, silence SELECT output, run what the migration requires first (requires_sql),
    and record the checksum in the same transaction."""
    proj = proj or current_project()
    migration.load()

    def walk(step):
        if isinstance(step, (TransactionWrapper, Transactionless)):
            walk(step.step)
        elif isinstance(step, StepGroup):
            for sub in step.steps:
                walk(sub)
        elif type(step) is MigrationStep:
            step.__class__ = _TrackedStep
            step._abr_tracker = tracker

    for step in migration.steps:
        walk(step)
    if getattr(migration, "_abr_checksum_step", False):
        return
    for rel in bookkeeping.migration_requires(Path(migration.path)):
        # before the statement the `-- requires:` line precedes (yoyo keeps a comment with the statement
        # after it; a line of the leading block precedes the whole body)
        marker = re.compile(rf"^\s*--\s*requires:\s*{re.escape(rel)}\s*$", re.M)
        at = next((i for i, step in enumerate(migration.steps) if any(
            isinstance(s._apply, str) and marker.search(s._apply) for s in _sql_steps(step))), 0)
        first = _TrackedStep(-1, requires_sql(proj, Path(migration.path), [rel]), None)
        first._abr_tracker = tracker
        migration.steps.insert(at, TransactionWrapper(first) if migration.use_transactions else Transactionless(first))
    mid = migration.id.replace("'", "''")
    record = _TrackedStep(
        len(migration.steps),
        "insert into abr_db.migration_checksums (migration_id, sha256, applied_at) "
        f"values ('{mid}', '{sha256}', now()) on conflict (migration_id) do update "
        "set sha256 = excluded.sha256, applied_at = excluded.applied_at",
        f"delete from abr_db.migration_checksums where migration_id = '{mid}'",
    )
    record._abr_tracker = tracker
    wrapper = TransactionWrapper(record) if migration.use_transactions else Transactionless(record)
    migration.steps.append(wrapper)
    migration._abr_checksum_step = True


def _sql_steps(step) -> list:
    """The SQL steps inside one of yoyo's step wrappers."""
    if isinstance(step, (TransactionWrapper, Transactionless)):
        return _sql_steps(step.step)
    if isinstance(step, StepGroup):
        return [s for sub in step.steps for s in _sql_steps(sub)]
    return [step] if isinstance(step, MigrationStep) else []


def _where(path: str, statement: str, diag) -> list[str]:
    """The failing line of the file and the lines around it (else the statement's start)."""
    try:
        text = bookkeeping.read_text(Path(path))
    except OSError:
        text = ""
    start = text.find(statement.strip()) if statement.strip() else -1
    if start < 0:
        flat = " ".join(statement.split())
        return [f"statement: {flat[:300]}{'...' if len(flat) > 300 else ''}"]
    position = getattr(diag, "statement_position", None) if diag else None
    offset = start + (int(position) - 1 if position else 0)
    return source_excerpt(text, offset)


def _failure(proj: Project, migration: Migration, tracker: dict, exc: Exception, verb: str) -> MigrationError:
    sqlstate = getattr(exc, "sqlstate", None) or "?"
    diag = getattr(exc, "diag", None)
    message = ((diag.message_primary if diag else None) or str(exc)).strip()
    path = migration.path
    if verb == "rollback":
        path = path[: -len(".sql")] + ".rollback.sql"
    details = [
        f"file: {proj.rel(path)}",
        *_where(path, tracker.get("statement") or "", diag),
        f"SQLSTATE {sqlstate}: {message}",
    ]
    if diag and diag.message_detail:
        details.append(f"detail: {diag.message_detail}")
    if diag and diag.context:
        details.append("context: " + " | ".join(diag.context.strip().splitlines()[:3]))
    return MigrationError(
        f"{verb} of {migration.id} failed and was rolled back ({proj.rel(path)}, SQLSTATE {sqlstate})",
        details,
    )


def _backend(url: str):
    return get_backend(yoyo_url(url, bookkeeping.SCHEMA))


def _migrations(proj: Project) -> MigrationList:
    if not proj.migrations.is_dir():
        raise UsageError(f"no migrations folder at {proj.migrations}")
    migrations = read_migrations(str(proj.migrations))
    for m in migrations:
        bookkeeping.migration_number(m.id)  # every id must start with its number
    return migrations


# apply ------------------------------------------------------------------------------

@dataclass
class ApplyResult:
    dry_run: bool = False
    bootstrapped: bool = False
    migrations: list[str] = field(default_factory=list)
    repeatables: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)  # repeatable -> why (new, changed, drifted: ...)
    adopted: list[str] = field(default_factory=list)  # applied by `supabase db push`, recorded here
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {
            "ok": True,
            "dry_run": self.dry_run,
            "bootstrapped": self.bootstrapped,
            "migrations": self.migrations,
            "repeatables": [{"path": k, "reason": self.reasons.get(k, "")} for k in self.repeatables],
            "adopted": self.adopted,
            "warnings": self.warnings,
            "seconds": round(self.seconds, 3),
        }


def _raise_on_drift(conn: psycopg.Connection, proj: Project) -> None:
    changed = [f for f in drift_findings(conn, proj) if f.code == "migration_changed"]
    if changed:
        raise MigrationError(
            "refusing to apply: " + "; ".join(f.message for f in changed),
            ["an applied migration must not be edited: revert the file and add a new migration"],
        )


def apply(
    url: str,
    bootstrap: bool = False,
    dry_run: bool = False,
    proj: Project | None = None,
    quiet: bool = False,
) -> ApplyResult:
    proj = proj or current_project()
    refuse_transaction_pooler(url)
    started = time.monotonic()
    say = (lambda *a, **k: None) if quiet else ui.info
    result = ApplyResult(dry_run=dry_run)
    conn = connect(url)
    try:
        if needs_bootstrap(conn) and not bootstrap:
            raise UsageError(BOOTSTRAP_REFUSAL)
        if dry_run:
            _dry_run(conn, proj, result, say)
        else:
            with bookkeeping.advisory_lock(url, quiet=quiet):
                if needs_bootstrap(conn):
                    say("bootstrap: creating Supabase's roles, schema auth and schema extensions")
                    apply_bootstrap(conn)
                    result.bootstrapped = True
                elif bootstrap_outdated(conn):
                    say("bootstrap: its file changed since this database was bootstrapped: applied again")
                    apply_bootstrap(conn)
                    result.bootstrapped = True
                bookkeeping.ensure(conn)
                _raise_on_drift(conn, proj)
                for mid in bookkeeping.accept_restructured(conn, proj.migration_files()):
                    say(f"  migrations/{mid}.sql was restructured after it was applied (its previous sha256 is "
                        "listed in it): the new checksum is recorded")
                result.adopted = _adopt(url, conn, proj, say)
                before = catalog.snapshot(conn)
                result.migrations = _apply_migrations(url, proj, say)
                if result.migrations:
                    repeatables.bless(conn, before)
                result.warnings = _apply_repeatables(conn, proj, say, quiet, result.repeatables, result.reasons)
                result.warnings += _repair_schema(conn, proj, say, quiet, result)
                history.sync(conn, proj)
                bookkeeping.restrict(conn)
    finally:
        conn.close()
    result.seconds = time.monotonic() - started
    return result


def _adopt(url: str, conn, proj: Project, say) -> list[str]:
    """Record what `supabase db push` applied (supabase_migrations.schema_migrations) instead of re-running it."""
    adopted: list[str] = []
    pushed = history.pushed_migrations(conn, proj)
    if pushed:
        backend = _backend(url)
        try:
            for m in backend.to_apply(_migrations(proj)):
                if m.id in pushed:
                    backend.mark_one(m)
                    with conn.transaction():
                        conn.execute(
                            "insert into abr_db.migration_checksums (migration_id, sha256) values (%s, %s) "
                            "on conflict (migration_id) do update set sha256 = excluded.sha256",
                            (m.id, bookkeeping.sha256_file(m.path)),
                        )
                    say(f"  adopted {m.id} (applied by supabase db push as version {pushed[m.id]})")
                    adopted.append(m.id)
        finally:
            backend.connection.close()
    for item, version, proof in _adoptable(conn, proj):
        if proof.proven:
            repeatables.adopt_file(conn, item, proof)
            say(f"  adopted {item.key} (applied by supabase db push as version {version}; "
                "every object it defines is identical)")
            adopted.append(item.key)
        else:
            say(f"  not adopted {item.key} (recorded by supabase db push as version {version}, but the "
                f"database differs: {'; '.join(proof.differences[:3])}): applying it")
    return adopted


def _adoptable(conn, proj: Project) -> list[tuple]:
    """(file, version, proof) for each repeatable the Supabase CLI's history says was pushed."""
    files = history.pushed_repeatables(conn, proj)
    if not files:
        return []
    cron = repeatables.has_cron(conn)
    items = [item for item in repeatables.plan(conn, proj)
             if item.key in files and (item.folder != "cron_jobs" or cron)]
    proofs = repeatables.adoption_proof(conn, items)
    return [(item, files[item.key], proofs[item.key]) for item in items]


def _apply_migrations(url: str, proj: Project, say, after_each=None) -> list[str]:
    """Apply pending migrations, one transaction each; after_each(id) is called after each one."""
    backend = _backend(url)
    try:
        pending = backend.to_apply(_migrations(proj))
        applied = []
        for m in pending:
            tracker: dict = {}
            _instrument(m, tracker, bookkeeping.sha256_file(m.path), proj)
            t0 = time.monotonic()
            try:
                backend.apply_one(m)
            except backend.DatabaseError as exc:
                raise _failure(proj, m, tracker, exc, "apply") from exc
            say(f"  applied {m.id} ({time.monotonic() - t0:.2f} s)")
            applied.append(m.id)
            if after_each:
                after_each(m.id)
        return applied
    finally:
        backend.connection.close()


def _apply_repeatables(
    conn, proj: Project, say, quiet: bool, applied: list[str], reasons: dict[str, str] | None = None,
    after_each=None,
) -> list[str]:
    """Apply new, changed, failed and drifted files, appending each to `applied` as it is done.

    Returns the warnings. Afterwards every recorded fingerprint is refreshed (seal).
    """
    warnings: list[str] = []
    items = repeatables.plan(conn, proj)
    recorded = bookkeeping.repeatables(conn)
    cron_checked = False
    cron_ok = True
    for item in items:
        if item.state == "unchanged":
            continue
        if item.folder == "cron_jobs":
            if not cron_checked:
                cron_checked = True
                if not repeatables.has_cron(conn) and repeatables.cron_installable(conn):
                    say("  creating extension pg_cron (this is the cron.database_name database)")
                    repeatables.install_cron(conn)
                cron_ok = repeatables.has_cron(conn)
                if not cron_ok:
                    warnings.append(_cron_skip_message(conn))
                    if not quiet:
                        ui.warn(warnings[-1])
            if not cron_ok:
                continue
        repeatables.apply_file(conn, item, recorded.get(item.key))
        say(f"  applied {item.key} ({item.describe})")
        applied.append(item.key)
        if reasons is not None:
            reasons[item.key] = item.describe
        if after_each:
            after_each(item.key)
    repeatables.seal(conn)
    return warnings


# The steps of an apply, for the expected schema's generation (schema.generate).
apply_migrations = _apply_migrations
apply_repeatables = _apply_repeatables


def _schema_differences(conn, proj: Project) -> list[schema.Difference] | None:
    """The live schema against schema/expected.json; None when that file is absent or stale, or migrations
    are pending (nothing to compare with)."""
    expected = schema.load(proj)
    if expected is None or schema.stale(expected, proj):
        return None
    applied = bookkeeping.applied_migrations(conn)
    if any(p.stem not in applied for p in proj.migration_files()):
        return None
    return schema.compare(expected["objects"], schema.describe(conn), repeatables.has_cron(conn))


def _owned_by_files(differences: list[schema.Difference]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for diff in differences:
        if diff.owned_by_repeatable:
            out.setdefault(diff.owner, []).append(diff.describe())
    return out


def _repair_schema(conn, proj: Project, say, quiet: bool, result: ApplyResult) -> list[str]:
    """After the apply: what still differs from the expected schema. A difference a repeatable owns
    (fingerprints did not see it: e.g. recorded after a hot patch) is repaired by applying that file;
    for the rest (a migration's constraint, index, trigger, column...) a warning names the owner and the
    statement that restores it. Never silent."""
    differences = _schema_differences(conn, proj)
    if not differences:
        return []
    files = _owned_by_files(differences)
    if files:
        for item in repeatables.plan(conn, proj):
            if item.key not in files:
                continue
            item.state, item.reasons = "drifted", [f"differs from {schema.RELATIVE_PATH}: " + "; ".join(files[item.key][:3])]
            repeatables.apply_file(conn, item, bookkeeping.repeatables(conn).get(item.key))
            say(f"  applied {item.key} ({item.describe})")
            result.repeatables.append(item.key)
            result.reasons[item.key] = item.describe
        repeatables.seal(conn)
        differences = _schema_differences(conn, proj) or []
    warnings = [f"{d.describe()}: {d.remedy()}" for d in differences]
    if not quiet:
        for warning in warnings:
            ui.warn(warning)
    return warnings


def _cron_skip_message(conn) -> str:
    db, cron_db = conn.execute(
        "select current_database(), current_setting('cron.database_name', true)"
    ).fetchone()
    where = f"pg_cron runs in database {cron_db!r}" if cron_db else "pg_cron is not loaded by this server"
    return f"skipping cron_jobs/: schema cron does not exist in database {db!r} ({where})"


def _dry_run(conn, proj: Project, result: ApplyResult, say) -> None:
    if needs_bootstrap(conn):
        say("would run the bootstrap (Supabase roles, schema auth, schema extensions)")
    _raise_on_drift(conn, proj)
    for mid in bookkeeping.accept_restructured(conn, proj.migration_files(), dry_run=True):
        say(f"  would record the new checksum of migrations/{mid}.sql (restructured after it was applied)")
    applied = bookkeeping.applied_migrations(conn)
    pushed = history.pushed_migrations(conn, proj)
    for key, version in pushed.items():
        say(f"  would adopt {key} (applied by supabase db push as version {version})")
        result.adopted.append(key)
    for item, version, proof in _adoptable(conn, proj):
        if proof.proven:
            say(f"  would adopt {item.key} (applied by supabase db push as version {version})")
            result.adopted.append(item.key)
            pushed[item.key] = version
        else:
            say(f"  would not adopt {item.key} (the database differs: {'; '.join(proof.differences[:3])})")
    result.migrations = [p.stem for p in proj.migration_files() if p.stem not in applied and p.stem not in pushed]
    for mid in result.migrations:
        say(f"  would apply {mid}")
    cron = repeatables.has_cron(conn) or repeatables.cron_installable(conn)
    for item in repeatables.plan(conn, proj):
        if item.state == "unchanged" or item.key in pushed:
            continue
        if item.folder == "cron_jobs" and not cron:
            msg = _cron_skip_message(conn)
            if msg not in result.warnings:
                result.warnings.append(msg)
                ui.warn(msg)
            continue
        say(f"  would apply {item.key} ({item.describe})")
        result.repeatables.append(item.key)
        result.reasons[item.key] = item.describe
    if not result.migrations and not result.repeatables:
        differences = _schema_differences(conn, proj) or []
        for key, what in _owned_by_files(differences).items():
            reason = f"drifted: differs from {schema.RELATIVE_PATH}: " + "; ".join(what[:3])
            say(f"  would apply {key} ({reason})")
            result.repeatables.append(key)
            result.reasons[key] = reason
        for diff in differences:
            if not diff.owned_by_repeatable:
                result.warnings.append(f"{diff.describe()}: {diff.remedy()}")
                ui.warn(result.warnings[-1])


def print_apply_summary(result: ApplyResult) -> None:
    verb = "would apply" if result.dry_run else "applied"
    table = Table(title="dry run: nothing was changed" if result.dry_run else None, show_header=False)
    table.add_column(style="bold")
    table.add_column()
    if result.bootstrapped:
        table.add_row("bootstrap", "applied")
    table.add_row(f"migrations {verb}", str(len(result.migrations)) + (
        f" ({result.migrations[0]} .. {result.migrations[-1]})" if result.migrations else " (up to date)"))
    table.add_row(f"repeatables {verb}", str(len(result.repeatables)))
    if result.adopted:
        table.add_row(f"{'would adopt' if result.dry_run else 'adopted'} (supabase db push)", str(len(result.adopted)))
    if result.warnings:
        table.add_row("warnings", f"{len(result.warnings)} (printed above)")
    table.add_row("time", f"{result.seconds:.2f} s")
    ui.console.print(table)


# rollback ---------------------------------------------------------------------------

@dataclass
class RollbackResult:
    target: int
    dry_run: bool = False
    to_roll_back: list[str] = field(default_factory=list)  # migrations above the target, newest first
    data_loss: list[data_loss.Loss] = field(default_factory=list)
    undone_repeatables: list[str] = field(default_factory=list)
    rolled_back: list[str] = field(default_factory=list)
    reapplied: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {
            "ok": True,
            "target": self.target,
            "dry_run": self.dry_run,
            "to_roll_back": self.to_roll_back,
            "data_loss": [loss.as_dict() for loss in self.data_loss],
            "rolled_back": self.rolled_back,
            "undone_repeatables": self.undone_repeatables,
            "reapplied": self.reapplied,
            "warnings": self.warnings,
            "seconds": round(self.seconds, 3),
        }


def parse_target(to: str | int) -> int:
    text = str(to).strip()
    match = re.fullmatch(r"(\d+)(_\w*)?", text)
    if not match:
        raise UsageError(f"--to takes a migration number or id prefix (0, 5, 005, 005_name), not {text!r}")
    return int(match.group(1))


def _refuse_data_loss(result: RollbackResult) -> MigrationError:
    losses = data_loss.blocking(result.data_loss)
    return MigrationError(
        f"refusing to roll back to {result.target:03d}: it would destroy data in "
        f"{len(losses)} table(s)/column(s) (run again with --allow-data-loss to destroy it)",
        [loss.describe() for loss in losses],
    )


def rollback(
    url: str,
    to: str | int,
    proj: Project | None = None,
    quiet: bool = False,
    dry_run: bool = False,
    allow_data_loss: bool = False,
) -> RollbackResult:
    """Undo the repeatables and the migrations above `to`, then re-apply what fits.

    First, what it would destroy is measured (data_loss.probe): a rollback that
    drops a table or a column holding data is refused unless allow_data_loss.
    dry_run: measure and say, change nothing.
    """
    proj = proj or current_project()
    refuse_transaction_pooler(url)
    target = parse_target(to)
    say = (lambda *a, **k: None) if quiet else ui.info
    started = time.monotonic()
    result = RollbackResult(target, dry_run=dry_run)
    conn = connect(url)
    try:
        with bookkeeping.advisory_lock(url, quiet=quiet):
            if not bookkeeping.exists(conn):
                say("nothing to roll back: this database has no abr_db bookkeeping")
                return result
            bookkeeping.ensure(conn)
            migrations = _migrations(proj)
            known = {m.id for m in migrations}
            orphans = [
                mid for mid in bookkeeping.applied_migrations(conn)
                if mid not in known and bookkeeping.migration_number(mid) > target
            ]
            if orphans:
                raise MigrationError(
                    f"cannot roll back {', '.join(orphans)}: applied but its file is missing from migrations/"
                )
            backend = _backend(url)
            try:
                undo = [m for m in backend.to_rollback(migrations) if bookkeeping.migration_number(m.id) > target]
            finally:
                backend.connection.close()
            result.to_roll_back = [m.id for m in undo]
            keep = repeatables.required_by_migrations(proj)
            result.data_loss = data_loss.probe(
                conn, [data_loss.rollback_file(m.path) for m in undo], keep,
                data_loss.reference_tables([Path(m.path) for m in undo]),
            )
            if dry_run:
                for mid in result.to_roll_back:
                    say(f"  would roll back {mid}")
                return result
            if data_loss.blocking(result.data_loss) and not allow_data_loss:
                raise _refuse_data_loss(result)
            for loss in result.data_loss:
                say(f"  destroying {loss.describe()}" + ("" if loss.reference else " (--allow-data-loss)"))
            result.undone_repeatables = repeatables.undo_all(conn, keep)
            if result.undone_repeatables:
                say(f"  undid the repeatables ({len(result.undone_repeatables)} objects dropped)")
            backend = _backend(url)
            try:
                for m in backend.to_rollback(migrations):
                    if bookkeeping.migration_number(m.id) <= target:
                        continue
                    tracker: dict = {}
                    _instrument(m, tracker, bookkeeping.sha256_file(m.path), proj)
                    try:
                        backend.rollback_one(m)
                    except backend.DatabaseError as exc:
                        raise _failure(proj, m, tracker, exc, "rollback") from exc
                    say(f"  rolled back {m.id}")
                    result.rolled_back.append(m.id)
            finally:
                backend.connection.close()
            history.forget_after(conn, proj, target)
            if target > 0:
                # Best effort: functions and policies written for a later
                # version may not fit this one. What fails stays off (every
                # table keeps RLS enabled, so a missing policy denies) and
                # the next `apply` restores it.
                try:
                    result.warnings += _apply_repeatables(conn, proj, say, quiet, result.reapplied)
                except MigrationError as exc:
                    result.warnings.append(
                        f"repeatables not all re-applied at {target:03d} ({exc}); `abr-db apply` restores them"
                    )
                history.sync(conn, proj)
    finally:
        conn.close()
    result.seconds = time.monotonic() - started
    return result


# status -----------------------------------------------------------------------------

def status(url: str, proj: Project | None = None) -> dict:
    """Read-only: applied and pending migrations, repeatable files' states."""
    proj = proj or current_project()
    conn = connect(url)
    try:
        applied = bookkeeping.applied_migrations(conn)
        sums = bookkeeping.checksums(conn)
        files = {p.stem: p for p in proj.migration_files()}
        cron_here = repeatables.has_cron(conn) or repeatables.cron_installable(conn)
        applied_rows = []
        for mid, at in applied.items():
            path = files.get(mid)
            if path is None:
                state = "file missing"
            elif (mid in sums and sums[mid] != bookkeeping.sha256_file(path)
                  and sums[mid] not in bookkeeping.previous_checksums(path)):
                state = "changed"
            else:
                state = "applied"
            applied_rows.append({
                "id": mid,
                "applied_at": at.isoformat() + ("Z" if at.tzinfo is None else ""),
                "state": state,
            })
        return {
            "bootstrapped": not needs_bootstrap(conn),
            "migrations": {
                "applied": applied_rows,
                "pending": [{"id": mid, "applied_at": None} for mid in files if mid not in applied],
            },
            "repeatables": [
                {"path": item.key, "state": _repeatable_state(item, cron_here), "reasons": item.reasons}
                for item in repeatables.plan(conn, proj)
            ],
            "cron_jobs": cron_status.cron_jobs(conn),
        }
    finally:
        conn.close()


def _repeatable_state(item, cron_here: bool) -> str:
    """A cron job file in a database without pg_cron is never applied there: say so."""
    if item.folder == "cron_jobs" and not cron_here and item.state != "unchanged":
        return "skipped (no pg_cron in this database)"
    return item.state


def print_status(data: dict) -> None:
    table = Table(title="migrations")
    table.add_column("id")
    table.add_column("state")
    table.add_column("applied at (UTC)")
    for row in data["migrations"]["applied"]:
        style = "green" if row["state"] == "applied" else "red"
        table.add_row(row["id"], f"[{style}]{row['state']}[/]", row["applied_at"])
    for row in data["migrations"]["pending"]:
        table.add_row(row["id"], "[yellow]pending[/]", "")
    ui.console.print(table)
    rep = Table(title="repeatables")
    rep.add_column("file")
    rep.add_column("state")
    colors = {"unchanged": "green", "changed": "yellow", "new": "yellow", "skipped (no pg_cron in this database)": "dim"}
    for row in data["repeatables"]:
        why = ("; ".join(row["reasons"])).replace("[", r"\[")
        rep.add_row(row["path"], f"[{colors.get(row['state'], 'red')}]{row['state']}[/]" + (f": {why}" if why else ""))
    ui.console.print(rep)
    cron_status.print_cron_jobs(data.get("cron_jobs"))
