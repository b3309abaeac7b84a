"""Security and performance advisors: what Supabase's linter and a careful DBA look for.

Each check is one catalog query returning (object, detail) rows; `run(conn)`
returns a list of `Finding`s, empty when the database is clean. The exposed
schema is `public` (what PostgREST serves); `private`, `auth`, `extensions`
and the tool's own `abr_db` are not exposed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import psycopg

API_ROLES = ("anon", "authenticated")


@dataclass(frozen=True)
class Finding:
    check: str
    level: str  # "error" | "warn"
    object: str
    detail: str

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Check:
    name: str
    level: str
    title: str
    sql: str


# A policy expression as PostgreSQL stores it shows a wrapped call as
# "( SELECT auth.uid() AS uid)": strip those, then any call left is unwrapped.
_UNWRAPPED_CALL = r"(auth\.(uid|jwt|role|email)|private\.[a-z_]+)\("
# Schemas of PostgreSQL and of the platform (Supabase's services own their
# functions there); every other function is the project's.
_PLATFORM_SCHEMAS = ", ".join(f"'{s}'" for s in (
    "pg_catalog", "information_schema", "auth", "storage", "realtime", "_realtime", "extensions", "graphql",
    "graphql_public", "pgbouncer", "vault", "pgsodium", "pgsodium_masks", "net", "supabase_functions",
    "supabase_migrations", "cron", "pgtle", "_analytics", "_supavisor",
))
_WRAPPED_CALL = r"\(\s*select\s+(auth\.(uid|jwt|role|email)|private\.[a-z_]+)\([^()]*\)(\s+as\s+\w+)?\s*\)"

CHECKS: tuple[Check, ...] = (
    Check(
        "rls_disabled_in_public",
        "error",
        "table in an exposed schema without Row Level Security",
        """
        select format('public.%I', c.relname), 'RLS is disabled'
        from pg_catalog.pg_class as c
        where c.relnamespace = 'public'::regnamespace
          and c.relkind in ('r', 'p')
          and not c.relrowsecurity
        """,
    ),
    Check(
        "auth_rls_initplan",
        "warn",
        "policy calls auth.*() or a private helper per row (not wrapped in a select)",
        f"""
        select format('%I.%I policy %L', p.schemaname, p.tablename, p.policyname),
               'wrap the call: (select fn())'
        from pg_catalog.pg_policies as p
        where p.schemaname = 'public'
          and (
            regexp_replace(coalesce(p.qual, ''), '{_WRAPPED_CALL}', '', 'gi') ~* '{_UNWRAPPED_CALL}'
            or regexp_replace(coalesce(p.with_check, ''), '{_WRAPPED_CALL}', '', 'gi') ~* '{_UNWRAPPED_CALL}'
          )
        """,
    ),
    Check(
        "function_search_path_mutable",
        "warn",
        "function without a fixed search_path",
        """
        select p.oid::regprocedure::text, 'set search_path = pg_catalog, pg_temp on the function'
        from pg_catalog.pg_proc as p
        where p.pronamespace in ('public'::regnamespace, to_regnamespace('private'))
          and not exists (
            select from pg_catalog.pg_depend as d
            where d.classid = 'pg_catalog.pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e'
          )
          and not exists (
            select from unnest(coalesce(p.proconfig, '{}')) as cfg where cfg like 'search_path=%'
          )
        """,
    ),
    Check(
        "function_search_path_temp_first",
        "error",
        "function whose search_path searches the caller's pg_temp before the schemas it names",
        f"""
        with configured as (
          select p.oid, p.prosecdef,
                 (select array_agg(btrim(btrim(e), '"') order by n)
                  from unnest(string_to_array(substr(cfg, length('search_path=') + 1), ',')) with ordinality as s(e, n)
                 ) as path
          from pg_catalog.pg_proc as p
          inner join pg_catalog.pg_namespace as ns on p.pronamespace = ns.oid
          left join lateral (
            select c as cfg from unnest(coalesce(p.proconfig, '{{}}')) as c where c like 'search_path=%'
          ) as sp on true
          where ns.nspname not in ({_PLATFORM_SCHEMAS})
            and ns.nspname not like 'pg\\_toast%' and ns.nspname not like 'pg\\_temp%'
            and not exists (
              select from pg_catalog.pg_depend as d
              where d.classid = 'pg_catalog.pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e'
            )
        )
        select c.oid::regprocedure::text,
               case when c.path is null then 'SECURITY DEFINER without a search_path: it uses the caller''s'
                    else format('search_path = %s', coalesce(nullif(array_to_string(c.path, ', '), ''), ''''''))
                         || ': pg_temp must be listed explicitly, and last (set search_path = pg_catalog, pg_temp)'
               end
        from configured as c
        where (c.path is null and c.prosecdef)
           or (c.path is not null and coalesce(array_position(c.path, 'pg_temp'), 0) <> cardinality(c.path))
        """,
    ),
    Check(
        "api_role_temporary",
        "warn",
        "an API role may create temporary objects (pg_temp domains and tables shadowing unqualified names)",
        """
        select ro.rolname::text, format('revoke temporary on database %I from public (granted back to its owner only)',
                                        current_database())
        from pg_catalog.pg_roles as ro
        -- only the roles that exist (not yet bootstrapped: none); by oid, so no name is looked up
        where ro.rolname in ('anon', 'authenticated', 'service_role')
          and has_database_privilege(ro.oid, current_database(), 'temporary')
        """,
    ),
    Check(
        "api_role_reads_query_stats",
        "warn",
        "pg_stat_statements (other sessions' statements) readable by anon or authenticated",
        """
        select format('%I.%I', c.relnamespace::regnamespace, c.relname),
               'readable by ' || array_to_string(array(
                 select r from unnest(array['anon', 'authenticated']) as r
                 where has_table_privilege(r, c.oid, 'select')
               ), ', ')
        from pg_catalog.pg_class as c
        inner join pg_catalog.pg_depend as d
          on d.classid = 'pg_catalog.pg_class'::regclass and d.objid = c.oid and d.deptype = 'e'
        inner join pg_catalog.pg_extension as e on d.refobjid = e.oid and e.extname = 'pg_stat_statements'
        where has_table_privilege('anon', c.oid, 'select') or has_table_privilege('authenticated', c.oid, 'select')
        """,
    ),
    Check(
        "api_role_table_maintenance",
        "error",
        "an API role may TRUNCATE, add TRIGGERs to or REFERENCE a table in public "
        "(TRUNCATE fires no row trigger: nothing reaches the audit trail)",
        """
        select format('public.%I', c.relname),
               string_agg(format('%s by %s', pv.privilege, ro.rolname), ', ' order by ro.rolname, pv.privilege)
               || ' (granted to the role or to PUBLIC): revoke them'
        from pg_catalog.pg_class as c
        cross join (values ('TRUNCATE'), ('TRIGGER'), ('REFERENCES')) as pv (privilege)
        -- only the roles that exist (not yet bootstrapped: none); by oid, so no name is looked up
        inner join pg_catalog.pg_roles as ro on ro.rolname in ('anon', 'authenticated', 'service_role')
        where c.relnamespace = 'public'::regnamespace
          and c.relkind in ('r', 'p', 'v', 'm', 'f')
          and has_table_privilege(ro.oid, c.oid, pv.privilege)
        group by c.relname
        """,
    ),
    Check(
        "security_definer_function_exposed",
        "error",
        "SECURITY DEFINER function in an exposed schema executable by anon or authenticated",
        """
        select p.oid::regprocedure::text,
               'executable by ' || array_to_string(array(
                 select r from unnest(array['anon', 'authenticated']) as r
                 where has_function_privilege(r, p.oid, 'execute')
               ), ', ')
        from pg_catalog.pg_proc as p
        where p.pronamespace = 'public'::regnamespace
          and p.prosecdef
          and (has_function_privilege('anon', p.oid, 'execute')
               or has_function_privilege('authenticated', p.oid, 'execute'))
        """,
    ),
    Check(
        "multiple_permissive_policies",
        "warn",
        "more than one permissive policy for the same table, role and command",
        """
        with expanded as (
          select p.schemaname, p.tablename, p.policyname, role_name,
                 unnest(case when p.cmd = 'ALL' then array['SELECT', 'INSERT', 'UPDATE', 'DELETE']
                             else array[p.cmd] end) as command
          from pg_catalog.pg_policies as p, unnest(p.roles) as role_name
          where p.schemaname = 'public' and p.permissive = 'PERMISSIVE'
        )
        select format('public.%I for %s to %s', tablename, lower(command), role_name),
               'policies: ' || string_agg(format('%L', policyname), ', ' order by policyname)
        from expanded
        group by tablename, role_name, command
        having count(*) > 1
        """,
    ),
    Check(
        "view_readable_by_api",
        "error",
        "materialized view, or view without security_invoker, readable by anon or authenticated",
        """
        select format('public.%I', c.relname),
               case c.relkind when 'm' then 'materialized view' else 'view runs with its owner''s rights' end
               || ' and is readable by the API roles'
        from pg_catalog.pg_class as c
        where c.relnamespace = 'public'::regnamespace
          and (c.relkind = 'm'
               or (c.relkind = 'v' and not coalesce('security_invoker=true' = any(c.reloptions)
                                                    or 'security_invoker=on' = any(c.reloptions), false)))
          and (has_table_privilege('anon', c.oid, 'select')
               or has_table_privilege('authenticated', c.oid, 'select'))
        """,
    ),
    Check(
        "extension_in_public",
        "warn",
        "extension installed in schema public",
        """
        select e.extname, 'move it to schema extensions'
        from pg_catalog.pg_extension as e
        where e.extnamespace = 'public'::regnamespace
        """,
    ),
    Check(
        "unindexed_foreign_key",
        "warn",
        "foreign key without an index whose leading columns are the key",
        """
        select format('public.%I.%I', t.relname, c.conname), 'add an index on the key columns'
        from pg_catalog.pg_constraint as c
        inner join pg_catalog.pg_class as t on c.conrelid = t.oid
        where c.contype = 'f'
          and c.connamespace = 'public'::regnamespace
          and not exists (
            select from pg_catalog.pg_index as i
            where i.indrelid = c.conrelid
              and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
              and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey
          )
        """,
    ),
    Check(
        "policy_column_unindexed",
        "warn",
        "column a policy filters on, with no index leading with it nor a partial index on it",
        """
        select distinct format('public.%I.%I', c.relname, a.attname), 'add an index (or a partial index on it)'
        from pg_catalog.pg_policy as p
        inner join pg_catalog.pg_depend as d
          on d.classid = 'pg_catalog.pg_policy'::regclass and d.objid = p.oid
         and d.refclassid = 'pg_catalog.pg_class'::regclass and d.refobjid = p.polrelid and d.refobjsubid > 0
        inner join pg_catalog.pg_class as c on p.polrelid = c.oid
        inner join pg_catalog.pg_attribute as a on a.attrelid = c.oid and a.attnum = d.refobjsubid
        where c.relnamespace = 'public'::regnamespace
          and not exists (
            select from pg_catalog.pg_index as i
            where i.indrelid = c.oid
              and (i.indkey[0] = a.attnum
                   or pg_get_expr(i.indpred, i.indrelid) ~ ('\\m' || a.attname || '\\M'))
          )
        """,
    ),
    Check(
        "duplicate_index",
        "warn",
        "identical indexes on the same table",
        """
        select format('%s', i.indrelid::regclass),
               'identical: ' || string_agg(i.indexrelid::regclass::text, ', ' order by i.indexrelid::regclass::text)
        from pg_catalog.pg_index as i
        inner join pg_catalog.pg_class as t on i.indrelid = t.oid
        where t.relnamespace = 'public'::regnamespace
        group by i.indrelid, i.indkey::text, i.indclass::text, i.indcollation::text,
                 coalesce(pg_get_expr(i.indexprs, i.indrelid), ''), coalesce(pg_get_expr(i.indpred, i.indrelid), '')
        having count(*) > 1
        """,
    ),
    Check(
        "no_primary_key",
        "warn",
        "table without a primary key",
        """
        select format('public.%I', c.relname), 'add a primary key'
        from pg_catalog.pg_class as c
        where c.relnamespace = 'public'::regnamespace
          and c.relkind in ('r', 'p')
          and not exists (select from pg_catalog.pg_constraint as k where k.conrelid = c.oid and k.contype = 'p')
        """,
    ),
    Check(
        "bookkeeping_exposed",
        "error",
        "tool bookkeeping in schema public",
        """
        select format('public.%I', c.relname), 'belongs in schema abr_db'
        from pg_catalog.pg_class as c
        where c.relnamespace = 'public'::regnamespace
          and c.relkind = 'r'
          and (c.relname like '\\_yoyo%' or c.relname like 'yoyo%')
        """,
    ),
)


def run(conn: psycopg.Connection, checks: tuple[Check, ...] = CHECKS) -> list[Finding]:
    """Run every check in a read-only transaction; return the findings."""
    findings: list[Finding] = []
    with conn.transaction():
        with conn.cursor() as cur:
            cur.execute("set transaction read only")
            for check in checks:
                cur.execute(check.sql)
                for obj, detail in cur.fetchall():
                    findings.append(Finding(check.name, check.level, obj, f"{check.title}: {detail}"))
    return findings
