/*
  database_privileges: what an upgrade, a restore or an extension update can give
  back to the API roles, taken away again at every apply.

  Migration 019 revoked both once; they do not stay revoked by themselves:
  - TEMPORARY on the database (pg_temp objects shadowing the unqualified names
    of SECURITY DEFINER functions, see 019) comes back to PUBLIC whenever the
    database is created anew: a restore into a new database (pg_restore
    without --create restores no database privileges), a platform's clone.
  - pg_stat_statements (every session's normalised statements) is granted to
    PUBLIC again by the extension's own scripts: `ALTER EXTENSION
    pg_stat_statements UPDATE`, which an upgrade to PostgreSQL 17 needs
    (1.10 -> 1.11), re-creates its views and functions with that grant.
  This file re-asserts both. Its fingerprints (tools/abr_db/catalog.py:
  "privileges database", "privileges extension pg_stat_statements": what
  PUBLIC and the API roles hold) make `verify` report the regression and
  `apply` run this file again. The role applying and `postgres` keep both
  (019 says why); on hosted Supabase the database belongs to supabase_admin,
  the TEMPORARY revoke is refused with a warning and the advisor
  api_role_temporary keeps reporting it.
*/

-- TEMPORARY on the database ---------------------------------------------------------

do $$
declare
  db pg_catalog.text := pg_catalog.current_database();
  grantee pg_catalog.text;
begin
  execute pg_catalog.format('revoke temporary on database %I from public', db);
  execute pg_catalog.format('revoke temporary on database %I from anon, authenticated, service_role', db);
  foreach grantee in array array[current_user::pg_catalog.text, 'postgres'] loop
    if exists (select from pg_catalog.pg_roles as r where r.rolname = grantee)
    and not pg_catalog.has_database_privilege(grantee, db, 'temporary') then
      execute pg_catalog.format('grant temporary on database %I to %I', db, grantee);
    end if;
  end loop;
  if pg_catalog.has_database_privilege('anon', db, 'temporary')
  or pg_catalog.has_database_privilege('authenticated', db, 'temporary') then
    raise warning using
      message = pg_catalog.format(
        'the API roles can still create temporary objects in database %s (owned by %s)',
        db, (select d.datdba::pg_catalog.regrole from pg_catalog.pg_database as d where d.datname = db)
      ),
      hint = 'Its owner must run: revoke temporary on database ' || pg_catalog.quote_ident(db) || ' from public;';
  end if;
end
$$;

-- pg_stat_statements ----------------------------------------------------------------

-- What the extension grants PUBLIC (SELECT on its views, EXECUTE on the
-- functions behind them) goes to the keepers instead; wherever it lives.
do $$
declare
  member record;
  keeper pg_catalog.text;
  privilege pg_catalog.text;
begin
  for member in
    select pg_catalog.format('table %s', c.oid::pg_catalog.regclass) as object, c.oid, 'table' as kind,
           array(
             select a.privilege_type
             from pg_catalog.aclexplode(coalesce(c.relacl, pg_catalog.acldefault('r', c.relowner))) as a
             where a.grantee = 0
           ) as public_privileges
    from pg_catalog.pg_depend as d
    inner join pg_catalog.pg_extension as e on d.refobjid = e.oid
    inner join pg_catalog.pg_class as c on d.objid = c.oid
    where e.extname = 'pg_stat_statements' and d.deptype = 'e'
      and d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      and d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
    union all
    select pg_catalog.format('function %s', p.oid::pg_catalog.regprocedure), p.oid, 'function',
           array(
             select a.privilege_type
             from pg_catalog.aclexplode(coalesce(p.proacl, pg_catalog.acldefault('f', p.proowner))) as a
             where a.grantee = 0
           )
    from pg_catalog.pg_depend as d
    inner join pg_catalog.pg_extension as e on d.refobjid = e.oid
    inner join pg_catalog.pg_proc as p on d.objid = p.oid
    where e.extname = 'pg_stat_statements' and d.deptype = 'e'
      and d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
      and d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
  loop
    execute pg_catalog.format('revoke all on %s from public, anon, authenticated, service_role', member.object);
    foreach keeper in array array[current_user::pg_catalog.text, 'postgres'] loop
      continue when not exists (select from pg_catalog.pg_roles as r where r.rolname = keeper);
      foreach privilege in array member.public_privileges loop
        if not (case member.kind
          when 'table' then pg_catalog.has_table_privilege(keeper, member.oid, privilege)
          else pg_catalog.has_function_privilege(keeper, member.oid, privilege)
        end) then
          execute pg_catalog.format('grant %s on %s to %I', privilege, member.object, keeper);
        end if;
      end loop;
    end loop;
  end loop;
  if exists (
    select from pg_catalog.pg_depend as d
    inner join pg_catalog.pg_extension as e on d.refobjid = e.oid
    inner join pg_catalog.pg_class as c on d.objid = c.oid
    where e.extname = 'pg_stat_statements' and d.deptype = 'e'
      and d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      and (pg_catalog.has_table_privilege('anon', c.oid, 'select')
           or pg_catalog.has_table_privilege('authenticated', c.oid, 'select'))
  ) then
    raise warning using
      message = 'the API roles can still read pg_stat_statements',
      hint = 'Its owner must revoke select on it (and execute on its functions) from public.';
  end if;
end
$$;
