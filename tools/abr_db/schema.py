"""The expected schema: what the project's files produce, committed as schema/expected.json.

`abr-db snapshot --write` builds it in a throwaway cluster (its `postgres` database is
pg_cron's, so cron jobs are in it): the bootstrap, then each migration one at a time,
then each repeatable file one at a time, describing the catalog after each step. Every
object is owned by the step that last created or changed it (for a repeatable, also
every object its recorded fingerprints name: catalog.py), so a finding can say which
file to look at and how to restore. Objects no step touched (the bootstrap's `auth`,
Supabase's own schemas) are not in it.

One entry per object, keyed like "column public.profiles.id", each a dict of normalized
fields plus its "owner". Normalized so that PostgreSQL 15 and 17, and a Supabase project,
give the same entries: ACLs as sorted "grantee=privileges" without the grantor, the
object's owner as "owner", and PostgreSQL 17's MAINTAIN privilege (m) left out; type
names, defaults and definitions printed with search_path = pg_catalog; function and
view definitions as lists of lines (readable diffs).

`verify` compares the live database with it (compare): missing / altered / extra,
with the owner; `apply` re-applies a repeatable that owns a difference and names,
for the rest, the migration and the statement that restores it (restore_sql).
The file also records the sha256 of every source file it was built from: when the
files changed since, verify says the snapshot is stale instead of comparing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import psycopg

from . import bookkeeping, repeatables
from .paths import Project

RELATIVE_PATH = Path("schema") / "expected.json"
# Supabase's schemas and the bootstrap's: never the project's to compare.
_FOREIGN_SCHEMAS = ("auth", "extensions", "storage", "realtime", "graphql", "graphql_public", "vault",
                    "pgsodium", "net", "supabase_functions", "pgbouncer", "_realtime", "tests")
_KINDS_IN_FOREIGN_SCHEMAS = ("trigger", "policy")  # a migration may add these to auth.users: kept

_USER = """
  n.nspname not in ('pg_catalog', 'information_schema', 'abr_db', 'supabase_migrations', 'cron')
  and n.nspname !~ '^pg_(toast|temp)'
"""


def _not_extension(catalog: str, oid: str) -> str:
    return f"""not exists (select from pg_catalog.pg_depend as d where d.classid = '{catalog}'::pg_catalog.regclass
               and d.objid = {oid} and d.deptype = 'e')"""


_QUERIES: dict[str, str] = {
    "schema": f"""
        select pg_catalog.format('%I', n.nspname), pg_catalog.pg_get_userbyid(n.nspowner),
               coalesce(n.nspacl, pg_catalog.acldefault('n', n.nspowner))::text[]
        from pg_catalog.pg_namespace as n where {_USER} and n.nspname <> 'public'
          and {_not_extension('pg_catalog.pg_namespace', 'n.oid')}""",
    "table": f"""
        select pg_catalog.format('%I.%I', n.nspname, c.relname), pg_catalog.pg_get_userbyid(c.relowner),
               c.relkind::text, c.relrowsecurity, c.relforcerowsecurity,
               coalesce(c.relacl, pg_catalog.acldefault('r', c.relowner))::text[],
               (select pg_catalog.jsonb_object_agg(a.attname, a.attacl::text[]) from pg_catalog.pg_attribute as a
                where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attacl is not null)
        from pg_catalog.pg_class as c inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
        where c.relkind in ('r', 'p') and {_USER} and {_not_extension('pg_catalog.pg_class', 'c.oid')}""",
    "column": f"""
        select pg_catalog.format('%I.%I.%I', n.nspname, c.relname, a.attname),
               pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
               pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attidentity::text, a.attgenerated::text
        from pg_catalog.pg_attribute as a
        inner join pg_catalog.pg_class as c on a.attrelid = c.oid
        inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
        left join pg_catalog.pg_attrdef as ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
        where c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and {_USER}
          and {_not_extension('pg_catalog.pg_class', 'c.oid')}""",
    "constraint": f"""
        select pg_catalog.format('%I.%I %I', n.nspname, c.relname, con.conname), con.contype::text,
               pg_catalog.pg_get_constraintdef(con.oid)
        from pg_catalog.pg_constraint as con
        inner join pg_catalog.pg_class as c on con.conrelid = c.oid
        inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
        where {_USER} and {_not_extension('pg_catalog.pg_class', 'c.oid')}""",
    "index": f"""
        select pg_catalog.format('%I.%I', n.nspname, i.relname), pg_catalog.pg_get_indexdef(i.oid)
        from pg_catalog.pg_index as x
        inner join pg_catalog.pg_class as i on x.indexrelid = i.oid
        inner join pg_catalog.pg_namespace as n on i.relnamespace = n.oid
        where {_USER} and {_not_extension('pg_catalog.pg_class', 'x.indrelid')}
          and not exists (select from pg_catalog.pg_constraint as con where con.conindid = i.oid
                          and con.conrelid = x.indrelid)""",
    "trigger": f"""
        select pg_catalog.format('%I.%I %I', n.nspname, c.relname, t.tgname), pg_catalog.pg_get_triggerdef(t.oid),
               t.tgenabled::text
        from pg_catalog.pg_trigger as t
        inner join pg_catalog.pg_class as c on t.tgrelid = c.oid
        inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
        where not t.tgisinternal and {_USER}""",
    "function": f"""
        select pg_catalog.format('%I.%I(%s)', n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)),
               pg_catalog.pg_get_userbyid(p.proowner), pg_catalog.pg_get_functiondef(p.oid),
               coalesce(p.proacl, pg_catalog.acldefault('f', p.proowner))::text[],
               pg_catalog.obj_description(p.oid, 'pg_proc')
        from pg_catalog.pg_proc as p inner join pg_catalog.pg_namespace as n on p.pronamespace = n.oid
        where p.prokind in ('f', 'p') and {_USER} and {_not_extension('pg_catalog.pg_proc', 'p.oid')}""",
    "view": f"""
        select pg_catalog.format('%I.%I', n.nspname, c.relname), pg_catalog.pg_get_userbyid(c.relowner),
               c.relkind = 'm', pg_catalog.pg_get_viewdef(c.oid),
               coalesce(c.relacl, pg_catalog.acldefault('r', c.relowner))::text[]
        from pg_catalog.pg_class as c inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
        where c.relkind in ('v', 'm') and {_USER} and {_not_extension('pg_catalog.pg_class', 'c.oid')}""",
    "policy": f"""
        select pg_catalog.format('%I.%I %I', n.nspname, c.relname, pol.polname), pol.polcmd::text, pol.polpermissive,
               (select pg_catalog.array_agg(coalesce(r.rolname, 'public') order by coalesce(r.rolname, 'public'))
                from pg_catalog.unnest(pol.polroles) as u (oid) left join pg_catalog.pg_roles as r on u.oid = r.oid),
               pg_catalog.pg_get_expr(pol.polqual, pol.polrelid), pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid)
        from pg_catalog.pg_policy as pol
        inner join pg_catalog.pg_class as c on pol.polrelid = c.oid
        inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
        where {_USER}""",
    "publication": f"""
        select pg_catalog.format('%I', p.pubname), p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete,
               p.pubtruncate,
               (select pg_catalog.array_agg(q.name order by q.name) from (
                  select pg_catalog.format('%I.%I', n.nspname, c.relname) as name
                  from pg_catalog.pg_publication_rel as pr
                  inner join pg_catalog.pg_class as c on pr.prrelid = c.oid
                  inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
                  where pr.prpubid = p.oid and {_USER}) as q)
        from pg_catalog.pg_publication as p""",
    "type": f"""
        select pg_catalog.format('%I.%I', n.nspname, t.typname), t.typtype::text,
               (select pg_catalog.array_agg(e.enumlabel order by e.enumsortorder) from pg_catalog.pg_enum as e
                where e.enumtypid = t.oid),
               case when t.typtype = 'd' then pg_catalog.format_type(t.typbasetype, t.typtypmod) end,
               (select pg_catalog.array_agg(pg_catalog.pg_get_constraintdef(con.oid) order by con.conname)
                from pg_catalog.pg_constraint as con where con.contypid = t.oid)
        from pg_catalog.pg_type as t inner join pg_catalog.pg_namespace as n on t.typnamespace = n.oid
        where t.typtype in ('e', 'd') and {_USER} and {_not_extension('pg_catalog.pg_type', 't.oid')}""",
}

_CRON = """
select pg_catalog.format('%s', j.jobname), j.schedule, j.command, j.active
from cron.job as j where j.jobname is not null and j.database = pg_catalog.current_database()
"""


def normalize_acl(acl: list[str] | None, owner: str | None) -> list[str] | None:
    """ACL items as sorted 'grantee=privileges': no grantor (postgres here, supabase_admin there),
    the object's owner as 'owner', PostgreSQL 17's MAINTAIN (m) left out. The queries read a null
    ACL as its default (acldefault), so an ACL a dump and restore leaves null because it equals the
    default compares equal to the explicit one it came from."""
    if acl is None:
        return None
    out = []
    for item in acl:
        grantee, _, rest = item.partition("=")
        privileges = rest.split("/", 1)[0].replace("m", "")
        grantee = grantee.strip('"') or "public"
        if owner is not None and grantee == owner:
            grantee = "owner"
        if privileges:
            out.append(f"{grantee}={privileges}")
    return sorted(out)


def _lines(text: str | None) -> list[str] | None:
    return None if text is None else text.strip("\n").split("\n")


def describe(conn: psycopg.Connection) -> dict[str, dict]:
    """The live schema, normalized: key -> fields (no owner)."""
    saved = conn.execute("select pg_catalog.current_setting('search_path')").fetchone()[0]
    conn.execute("select pg_catalog.set_config('search_path', 'pg_catalog', false)")
    out: dict[str, dict] = {}
    try:
        for row in conn.execute(_QUERIES["schema"]):
            out[f"schema {row[0]}"] = {"grants": normalize_acl(row[2], row[1])}
        for name, owner, kind, rls, force, acl, column_acls in conn.execute(_QUERIES["table"]):
            out[f"table {name}"] = {"partitioned": kind == "p"}
            out[f"access {name}"] = {
                "rls": rls, "force_rls": force, "grants": normalize_acl(acl, owner),
                "column_grants": {c: normalize_acl(a, owner) for c, a in sorted((column_acls or {}).items())},
            }
        for name, type_, not_null, default, identity, generated in conn.execute(_QUERIES["column"]):
            out[f"column {name}"] = {"type": type_, "not_null": not_null, "default": default,
                                     "identity": identity or None, "generated": generated or None}
        for name, kind, definition in conn.execute(_QUERIES["constraint"]):
            out[f"constraint {name}"] = {"type": kind, "definition": definition}
        for name, definition in conn.execute(_QUERIES["index"]):
            out[f"index {name}"] = {"definition": definition}
        for name, definition, enabled in conn.execute(_QUERIES["trigger"]):
            out[f"trigger {name}"] = {"definition": definition, "enabled": enabled}
        for name, owner, definition, acl, comment in conn.execute(_QUERIES["function"]):
            out[f"function {name}"] = {"definition": _lines(definition), "grants": normalize_acl(acl, owner),
                                       "comment": comment}
        for name, owner, materialized, definition, acl in conn.execute(_QUERIES["view"]):
            out[f"view {name}"] = {"materialized": materialized, "definition": _lines(definition),
                                   "grants": normalize_acl(acl, owner)}
        for name, command, permissive, roles, using, check in conn.execute(_QUERIES["policy"]):
            out[f"policy {name}"] = {"command": command, "permissive": permissive, "roles": roles,
                                     "using": using, "check": check}
        for name, all_tables, ins, upd, dele, trunc, tables in conn.execute(_QUERIES["publication"]):
            out[f"publication {name}"] = {"all_tables": all_tables, "insert": ins, "update": upd,
                                          "delete": dele, "truncate": trunc, "tables": tables or []}
        for name, kind, labels, base, checks in conn.execute(_QUERIES["type"]):
            out[f"type {name}"] = {"kind": "enum" if kind == "e" else "domain", "labels": labels,
                                   "base": base, "constraints": checks}
        if repeatables.has_cron(conn):
            for name, schedule, command, active in conn.execute(_CRON):
                out[f"cron job {name}"] = {"schedule": schedule, "command": command, "active": active}
    finally:
        conn.execute("select pg_catalog.set_config('search_path', %s, false)", (saved,))
    return {k: out[k] for k in sorted(out) if _in_scope(k)}


def kind_of(key: str) -> str:
    return "cron job" if key.startswith("cron job ") else key.split(" ", 1)[0]


def schema_of(key: str) -> str:
    rest = key[len(kind_of(key)) + 1:]
    match = re.match(r'("(?:[^"]|"")+"|[^."\s(]+)', rest)
    return match[1].strip('"') if match else ""


def _in_scope(key: str) -> bool:
    kind = kind_of(key)
    if kind in ("cron job", "publication"):
        return True
    if kind == "schema":
        return key.split(" ", 1)[1].strip('"') not in _FOREIGN_SCHEMAS
    return schema_of(key) not in _FOREIGN_SCHEMAS or kind in _KINDS_IN_FOREIGN_SCHEMAS


# the committed file -------------------------------------------------------------------------

def sources(proj: Project) -> dict[str, str]:
    """sha256 of every file the expected schema is built from."""
    out = {proj.rel(p): bookkeeping.sha256_file(p) for p in proj.migration_files()}
    for folder, path in repeatables.files(proj):
        out[f"{folder}/{path.name}"] = bookkeeping.sha256_file(path)
    return dict(sorted(out.items()))


def path(proj: Project) -> Path:
    return proj.root / RELATIVE_PATH


def load(proj: Project) -> dict | None:
    target = path(proj)
    if not target.is_file():
        return None
    return json.loads(target.read_text())


def render(objects: dict[str, dict], proj: Project) -> str:
    document = {
        "about": "The schema the project's files produce, normalized (tools/abr_db/schema.py). Generated by "
                 "`abr-db snapshot --write`: never edit by hand; regenerate after changing a migration or a "
                 "repeatable file. `abr-db verify` compares a live database with it.",
        "sources": sources(proj),
        "objects": objects,
    }
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def stale(expected: dict, proj: Project) -> list[str]:
    """Source files changed, added or removed since the snapshot was generated."""
    was, now = expected.get("sources", {}), sources(proj)
    return sorted(k for k in set(was) | set(now) if was.get(k) != now.get(k))


# comparison ---------------------------------------------------------------------------------

@dataclass
class Difference:
    key: str
    what: str  # missing | altered | extra
    owner: str | None
    fields: list[str]  # for altered: the fields that differ
    expected: dict | None

    @property
    def owned_by_repeatable(self) -> bool:
        return bool(self.owner) and self.owner.split("/")[0] in repeatables.REPEATABLE_DIRS

    def describe(self) -> str:
        if self.what == "extra":
            return f"{self.key} is in the database but no file defines it (not in {RELATIVE_PATH})"
        detail = f" ({', '.join(self.fields)} differ)" if self.fields else ""
        return f"{self.key} {self.what}{detail}"

    def remedy(self) -> str:
        if self.what == "extra":
            return "drop it, or define it in a migration or repeatable file and regenerate the snapshot"
        if self.owned_by_repeatable:
            return f"defined by {self.owner}; `abr-db apply` re-applies it"
        statement = restore_sql(self.key, self.expected or {})
        how = f"restore with: {statement}" if statement else "restore it with a new migration"
        return f"owned by {self.owner}; {how}"


def compare(expected: dict[str, dict], live: dict[str, dict], cron: bool) -> list[Difference]:
    """What the live schema lacks, has otherwise, or has in addition, against the expected one."""
    out: list[Difference] = []
    schemas = {schema_of(k) for k in expected if kind_of(k) not in ("schema", "publication", "cron job")}
    for key, entry in expected.items():
        fields = {k: v for k, v in entry.items() if k != "owner"}
        if kind_of(key) == "cron job" and not cron:
            continue
        if key not in live:
            out.append(Difference(key, "missing", entry.get("owner"), [], fields))
        elif live[key] != fields:
            changed = sorted(k for k in set(fields) | set(live[key]) if fields.get(k) != live[key].get(k))
            out.append(Difference(key, "altered", entry.get("owner"), changed, fields))
    for key in live:
        if key in expected or kind_of(key) in ("cron job", "publication"):
            continue  # cron jobs can come from data (ingestion schedules); publications: Supabase's own
        if kind_of(key) == "schema" or schema_of(key) in schemas:
            out.append(Difference(key, "extra", None, [], None))
    return out


def _split(key: str) -> tuple[str, str]:
    kind = kind_of(key)
    return kind, key[len(kind) + 1:]


def restore_sql(key: str, entry: dict) -> str | None:
    """A statement that re-creates a missing object from its expected entry (None: no single one)."""
    kind, name = _split(key)
    if kind == "constraint":
        table, con = name.split(" ", 1)
        return f"alter table {table} add constraint {con} {entry['definition']};"
    if kind == "index":
        return entry["definition"] + ";"
    if kind == "trigger":
        return entry["definition"] + ";"
    if kind == "function":
        return "\n".join(entry["definition"]) + ";"
    if kind == "column":
        schema, table, column = _split_column(name)
        parts = [f"alter table {schema}.{table} add column {column} {entry['type']}"]
        if entry.get("generated") == "s" and entry.get("default"):
            parts.append(f"generated always as ({entry['default']}) stored")
        elif entry.get("default"):
            parts.append(f"default {entry['default']}")
        if entry.get("not_null"):
            parts.append("not null")
        return " ".join(parts) + ";"
    return None


def _split_column(name: str) -> tuple[str, str, str]:
    parts = re.findall(r'"(?:[^"]|"")+"|[^.]+', name)
    return parts[0], parts[1], ".".join(parts[2:])


# generation ---------------------------------------------------------------------------------

# A repeatable's recorded fingerprint key (catalog.py) -> the entries it stands for here.
_FROM_FINGERPRINT = {"function": "function", "table": "access", "view": "view", "policy": "policy",
                     "trigger": "trigger", "cron job": "cron job"}


def generate(proj: Project, say=lambda message: None) -> dict[str, dict]:
    """Build the expected schema in a throwaway cluster: key -> fields and "owner"."""
    from . import migrate
    from .bootstrap import apply_bootstrap
    from .connect import connect
    from .embedded import ThrowawayCluster

    with ThrowawayCluster() as cluster:
        conn = connect(cluster.url)
        try:
            apply_bootstrap(conn)
            bookkeeping.ensure(conn)
            owners: dict[str, str] = {}
            state = {"current": describe(conn)}

            def step(owner: str) -> None:
                now = describe(conn)
                for key, fields in now.items():
                    if state["current"].get(key) != fields:
                        owners[key] = owner
                state["current"] = now

            migrate.apply_migrations(cluster.url, proj, say, after_each=lambda mid: step(f"migrations/{mid}.sql"))
            if not repeatables.has_cron(conn) and repeatables.cron_installable(conn):
                repeatables.install_cron(conn)
                state["current"] = describe(conn)
            migrate.apply_repeatables(conn, proj, say, True, [], after_each=step)
            current = describe(conn)
            for file, record in bookkeeping.repeatables(conn).items():
                for fingerprint in record.get("fingerprints") or {}:
                    kind = kind_of(fingerprint)
                    key = f"{_FROM_FINGERPRINT.get(kind, kind)} {fingerprint[len(kind) + 1:]}"
                    if key in current:
                        owners[key] = file
            return {key: {**fields, "owner": owners[key]} for key, fields in current.items() if key in owners}
        finally:
            conn.close()
