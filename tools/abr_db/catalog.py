"""The catalog's view of the objects repeatable files define, for drift detection.

One snapshot maps each object key ("function private.f(uuid)", "table public.t",
"view public.v", "policy public.t "name"", "trigger public.t name",
"cron job name") to (stamp, fingerprint):
  stamp        the xmin of its catalog rows: it changes whenever a statement
               rewrites the object, even to the same definition, so a before/after
               pair taken around a file says which objects that file defines;
  fingerprint  md5 of its definition: functions by pg_get_functiondef, their
               grants and comment; tables by RLS flags, table and column grants;
               views by definition and grants; policies by command, roles,
               permissive flag and expressions; triggers by pg_get_triggerdef and
               enabled state; cron jobs by schedule, command, database, active.
Schemas of the system, of extensions' members and of the bookkeeping are left out.

Two more keys hold what PUBLIC and the API roles (anon, authenticated,
service_role) may do where an upgrade, a restore or an extension update can
change it (rls_policies/database_privileges.sql re-asserts both):
  "privileges database"                        their privileges on the current database
  "privileges extension pg_stat_statements"    their privileges on its views and functions
Across majors: the owner's MAINTAIN (PostgreSQL 17 puts it in every table owner's
ACL, pg_upgrade included) is left out of table fingerprints: an owner holds
every privilege on its table anyway, and a 15 fingerprint must match on 17.
"""

from __future__ import annotations

import re

import psycopg

_USER_SCHEMA = r"""
  n.nspname not in ('pg_catalog', 'information_schema', 'abr_db', 'supabase_migrations', 'cron')
  and n.nspname !~ '^pg_(toast|temp)'
"""

_NOT_EXTENSION = """
  not exists (
    select from pg_catalog.pg_depend as d
    where d.classid = '{catalog}'::pg_catalog.regclass and d.objid = {oid} and d.deptype = 'e'
  )
"""

def _acl(column: str) -> str:
    """An ACL as text with its entries sorted: the same grants in another order are the same."""
    return f"(select pg_catalog.string_agg(e::text, ',' order by e::text) from pg_catalog.unnest({column}) as e)"


def _table_acl(column: str, owner: str) -> str:
    """A table's ACL as _acl() prints it, without the owner's MAINTAIN (see the module's docstring)."""
    return (
        "(select pg_catalog.string_agg(x.t, ',' order by x.t) from pg_catalog.unnest("
        f"{column}) as e, lateral (select case when exists (select from pg_catalog.aclexplode(array[e]) as a"
        f" where a.grantee = {owner} and a.privilege_type = 'MAINTAIN')"
        " then pg_catalog.regexp_replace(e::text, '^([^=]*=[^/m]*)m[*]?', '\\1') else e::text end as t) as x)"
    )


_SNAPSHOT_SQL = f"""
select 'function ' || pg_catalog.format('%I.%I(%s)', n.nspname, p.proname,
         pg_catalog.pg_get_function_identity_arguments(p.oid)),
       p.xmin::text,
       pg_catalog.md5(pg_catalog.concat_ws('|', pg_catalog.pg_get_functiondef(p.oid), {_acl('p.proacl')},
         pg_catalog.obj_description(p.oid, 'pg_proc')))
from pg_catalog.pg_proc as p
inner join pg_catalog.pg_namespace as n on p.pronamespace = n.oid
where p.prokind in ('f', 'p') and {_USER_SCHEMA}
  and {_NOT_EXTENSION.format(catalog='pg_catalog.pg_proc', oid='p.oid')}
union all
select case when c.relkind in ('v', 'm') then 'view ' else 'table ' end
         || pg_catalog.format('%I.%I', n.nspname, c.relname),
       c.xmin::text || coalesce((select pg_catalog.string_agg(a.xmin::text, ',' order by a.attnum)
         from pg_catalog.pg_attribute as a where a.attrelid = c.oid and a.attnum > 0), ''),
       pg_catalog.md5(pg_catalog.concat_ws('|', c.relrowsecurity, c.relforcerowsecurity,
         {_table_acl('c.relacl', 'c.relowner')},
         case when c.relkind in ('v', 'm') then pg_catalog.pg_get_viewdef(c.oid) end,
         (select pg_catalog.string_agg(a.attname || '=' || {_acl('a.attacl')}, ',' order by a.attnum)
          from pg_catalog.pg_attribute as a
          where a.attrelid = c.oid and a.attnum > 0 and a.attacl is not null)))
from pg_catalog.pg_class as c
inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
where c.relkind in ('r', 'p', 'v', 'm') and {_USER_SCHEMA}
  and {_NOT_EXTENSION.format(catalog='pg_catalog.pg_class', oid='c.oid')}
union all
select pg_catalog.format('policy %I.%I %I', n.nspname, c.relname, pol.polname),
       pol.xmin::text,
       pg_catalog.md5(pg_catalog.concat_ws('|', pol.polcmd, pol.polpermissive,
         (select pg_catalog.string_agg(coalesce(r.rolname, 'public'), ',' order by coalesce(r.rolname, 'public'))
          from pg_catalog.unnest(pol.polroles) as u (oid)
          left join pg_catalog.pg_roles as r on u.oid = r.oid),
         pg_catalog.pg_get_expr(pol.polqual, pol.polrelid),
         pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid)))
from pg_catalog.pg_policy as pol
inner join pg_catalog.pg_class as c on pol.polrelid = c.oid
inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
where {_USER_SCHEMA}
union all
select pg_catalog.format('trigger %I.%I %I', n.nspname, c.relname, t.tgname),
       t.xmin::text,
       pg_catalog.md5(pg_catalog.pg_get_triggerdef(t.oid) || t.tgenabled::text)
from pg_catalog.pg_trigger as t
inner join pg_catalog.pg_class as c on t.tgrelid = c.oid
inner join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
where not t.tgisinternal and {_USER_SCHEMA}
"""

_CRON_SQL = """
select 'cron job ' || j.jobname, j.xmin::text,
       pg_catalog.md5(pg_catalog.concat_ws('|', j.schedule, j.command, j.database, j.active))
from cron.job as j
where j.jobname is not null
"""

_API_GRANTEE = """
  (a.grantee = 0 or a.grantee in (
    select r.oid from pg_catalog.pg_roles as r where r.rolname in ('anon', 'authenticated', 'service_role')))
"""

_PRIVILEGES_SQL = f"""
select 'privileges database', d.xmin::text,
       pg_catalog.md5(pg_catalog.array_to_string(array(
         select a.grantee::pg_catalog.regrole::text || ':' || a.privilege_type
         from pg_catalog.aclexplode(coalesce(d.datacl, pg_catalog.acldefault('d', d.datdba))) as a
         where {_API_GRANTEE} order by 1), ','))
from pg_catalog.pg_database as d
where d.datname = pg_catalog.current_database()
union all
select 'privileges extension ' || e.extname,
       (select pg_catalog.string_agg(m.xmin::text, ',' order by m.xmin::text) from (
          select c.xmin from pg_catalog.pg_depend as dep
          inner join pg_catalog.pg_class as c on dep.objid = c.oid
          where dep.refobjid = e.oid and dep.deptype = 'e' and dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
          union all
          select p.xmin from pg_catalog.pg_depend as dep
          inner join pg_catalog.pg_proc as p on dep.objid = p.oid
          where dep.refobjid = e.oid and dep.deptype = 'e' and dep.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
        ) as m),
       pg_catalog.md5(pg_catalog.array_to_string(array(
         select c.relname || '=' || a.grantee::pg_catalog.regrole::text || ':' || a.privilege_type
         from pg_catalog.pg_depend as dep
         inner join pg_catalog.pg_class as c on dep.objid = c.oid
         cross join pg_catalog.aclexplode(coalesce(c.relacl, pg_catalog.acldefault('r', c.relowner))) as a
         where dep.refobjid = e.oid and dep.deptype = 'e' and dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
           and {_API_GRANTEE}
         union all
         select p.proname || '=' || a.grantee::pg_catalog.regrole::text || ':' || a.privilege_type
         from pg_catalog.pg_depend as dep
         inner join pg_catalog.pg_proc as p on dep.objid = p.oid
         cross join pg_catalog.aclexplode(coalesce(p.proacl, pg_catalog.acldefault('f', p.proowner))) as a
         where dep.refobjid = e.oid and dep.deptype = 'e' and dep.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
           and {_API_GRANTEE}
         order by 1), ','))
from pg_catalog.pg_extension as e
where e.extname = 'pg_stat_statements'
"""

Snapshot = dict[str, tuple[str, str]]


def snapshot(conn: psycopg.Connection) -> Snapshot:
    """Read with search_path = pg_catalog: type names in a function's key and definitions are
    printed relative to the search path (`vector` or `extensions.vector`), and a key must not
    depend on the session that reads it."""
    saved = conn.execute("select pg_catalog.current_setting('search_path')").fetchone()[0]
    conn.execute("select pg_catalog.set_config('search_path', 'pg_catalog', false)")
    try:
        rows = conn.execute(_SNAPSHOT_SQL).fetchall()
        if conn.execute("select pg_catalog.to_regclass('cron.job') is not null").fetchone()[0]:
            rows += conn.execute(_CRON_SQL).fetchall()
        rows += conn.execute(_PRIVILEGES_SQL).fetchall()
    finally:
        conn.execute("select pg_catalog.set_config('search_path', %s, false)", (saved,))
    return {key: (stamp, fp) for key, stamp, fp in rows}


def touched(before: Snapshot, after: Snapshot) -> dict[str, str]:
    """Objects created or rewritten between two snapshots: key -> fingerprint."""
    return {
        key: fp for key, (stamp, fp) in after.items()
        if key not in before or before[key][0] != stamp
    }


# A function or view a file creates (create [or replace] function|procedure|[materialized] view name).
CREATED = re.compile(
    r"\bcreate\s+(?:or\s+replace\s+)?(?:materialized\s+)?(?:function|procedure|view)\s+"
    r'("?[\w$]+"?\s*\.\s*"?[\w$]+"?)', re.I)


def created_names(text: str) -> set[str]:
    """schema.name of every function, procedure and view the SQL text creates, unquoted, lower case."""
    return {re.sub(r'[\s"]', "", m.lower()) for m in CREATED.findall(text)}


def defined_by(rewritten: dict[str, str], text: str) -> dict[str, str]:
    """Of the objects a file rewrote (touched()), those it defines.

    A function counts only when the file creates it: a grant or a `revoke ... on all
    functions in schema` rewrites the catalog row of functions other files define, and
    their drift must be reported against (and repaired by) the file that creates them.
    """
    created = created_names(text)
    return {key: fp for key, fp in rewritten.items()
            if not key.startswith("function ") or _function_name(key) in created}


def _function_name(key: str) -> str:
    return key.removeprefix("function ").split("(", 1)[0].replace('"', "")


def drift(recorded: dict[str, str], snap: Snapshot) -> list[str]:
    """What differs from the fingerprints recorded at apply: 'KEY missing' / 'KEY altered'."""
    out = []
    for key, fp in sorted(recorded.items()):
        if key not in snap:
            out.append(f"{key} missing")
        elif snap[key][1] != fp:
            out.append(f"{key} altered")
    return out


def _ident(name: str) -> str:
    """As format('%I') writes it: quoted unless a plain lower-case identifier."""
    return name if re.fullmatch(r"[a-z_][a-z0-9_$]*", name) else '"' + name.replace('"', '""') + '"'


def policy_key(schema: str, table: str, name: str) -> str:
    return f"policy {_ident(schema)}.{_ident(table)} {_ident(name)}"


def names(keys, kind: str) -> set[str]:
    """Object names of one kind among keys: names(keys, "function") -> {"private.f(uuid)", ...}."""
    prefix = kind + " "
    return {k[len(prefix):] for k in keys if k.startswith(prefix)}


_EXTRA_KINDS = ("function", "policy")
_EXTRA_SCHEMAS = ("public", "private")


def extras(snap: Snapshot, known: set[str], migration_functions: set[tuple[str, str]]) -> list[str]:
    """Functions and policies in public/private that no repeatable file and no migration defines."""
    out = []
    for key in sorted(snap):
        kind, _, rest = key.partition(" ")
        if kind not in _EXTRA_KINDS or key in known:
            continue
        match = re.match(r'"?([^".]+)"?\."?([^"(\s]+)', rest)
        if not match or match[1] not in _EXTRA_SCHEMAS:
            continue
        if kind == "function" and (match[1], match[2]) in migration_functions:
            continue
        out.append(key)
    return out
