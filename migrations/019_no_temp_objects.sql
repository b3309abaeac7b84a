-- requires: rpc_functions/04_lesson_guards.sql
-- previous-sha256: 039d02949f0d0922455ee831e2b0c4ac1f6a273435e494ab1680ae912607d52c
/*
  019_no_temp_objects: no code of a caller's runs with the rights of a function's owner.

  A function's search_path never hides the session's temporary schema: when
  pg_temp is not listed, it is searched FIRST, for relations and types (not
  for functions and operators). A caller who may create temporary objects
  could define `pg_temp.uuid` as a domain whose CHECK calls their own
  pg_temp function; a SECURITY DEFINER function with `search_path = ''` that
  names `uuid` unqualified (a declaration, a `::uuid` cast, the auth.uid()
  it calls) then runs that CHECK as its owner: a superuser on plain
  PostgreSQL. Closed two ways, each enough on its own:

  1. No temporary objects for anyone but the owner. TEMPORARY on the
     database comes from PUBLIC by default; it is revoked from PUBLIC and
     from the API roles (a platform may grant it to them by name), and given
     back, where it was lost, only to
       - the role applying the migrations: it owns the definer functions and
         the materialized view that `refresh materialized view concurrently`
         (cron job refresh-org-analytics) refreshes through a temporary table;
       - `postgres`: on Supabase the role of the SQL editor, of `supabase test
         db` (pgTAP creates temporary tables at plan()) and of pg_cron's jobs.
     The database owner keeps it through the owner's own ACL entry, and
     superusers (`supabase_admin`, plain PostgreSQL's `postgres`) never need a
     grant. `service_role` gets none: it is reachable from outside with the
     service key, and nothing server-side needs temporary tables.
     The revoke takes effect only for the database's owner (or a superuser):
     on hosted Supabase the database belongs to `supabase_admin`, the revoke
     is refused with a warning, this migration says so, and the advisor
     `api_role_temporary` keeps reporting it; point 2 holds there regardless.
  2. Every function the migrations created with `search_path = ''` now has
     `search_path = pg_catalog, pg_temp` (pg_temp explicitly last; the
     functions of rpc_functions/ have it already). Trigger functions too:
     an invoker trigger fired by a definer function's write runs as its owner.

  It also closes pg_stat_statements to the API roles: every client could
  read other sessions' normalised statements (the extension grants its views
  and functions to PUBLIC). The role applying the migrations and `postgres`
  keep them (monitoring, `supabase inspect db`).

  And private.lesson_has_progress() is no longer client-executable (it read
  past RLS whether anyone had progress on any lesson): its only caller, the
  lesson delete guard, becomes SECURITY DEFINER, and the trigger's WHEN
  clause, evaluated as the deleting role, keeps it to API callers as before.
*/

-- 1. Temporary objects ------------------------------------------------------------

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

-- 2. Fixed search_path, pg_temp last ----------------------------------------------

do $$
declare
  fn pg_catalog.regprocedure;
begin
  foreach fn in array array[
    'private.set_updated_at()',
    'private.handle_auth_user_change()',
    'private.maintain_lesson_count()',
    'private.assign_certificate_number()',
    'private.guard_profile_update()',
    'private.guard_organization_update()',
    'private.audit_row_change()',
    'private.audit_logs_append_only()',
    'private.purge_expired_audit_logs()',
    'private.guard_tribunal_case_reviewer()',
    'private.lesson_has_progress(pg_catalog.uuid)'
  ]::pg_catalog.regprocedure [] loop
    execute pg_catalog.format('alter function %s set search_path = pg_catalog, pg_temp', fn);
  end loop;
end
$$;

-- 3. The lesson delete guard without a client-executable helper -------------------

drop trigger guard_lesson_delete on public.lessons;
create trigger guard_lesson_delete before delete on public.lessons
for each row
when (current_user in ('authenticated', 'anon'))
execute function private.guard_lesson_delete();

-- 4. pg_stat_statements -----------------------------------------------------------

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
