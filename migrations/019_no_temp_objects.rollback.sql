-- Undoes 019_no_temp_objects: PostgreSQL's and the extension's default grants,
-- the empty search_paths, and the lesson delete guard of 018. The explicit
-- grants 019 gave where they were missing are left: PUBLIC has them again.

do $$
begin
  execute pg_catalog.format('grant temporary on database %I to public', pg_catalog.current_database());
end
$$;

-- pg_stat_statements: what its initial ACL gives PUBLIC.
do $$
declare
  member record;
  privilege pg_catalog.text;
begin
  for member in
    select case d.classid
             when 'pg_catalog.pg_class'::pg_catalog.regclass
               then pg_catalog.format('table %s', d.objid::pg_catalog.regclass)
             else pg_catalog.format('function %s', d.objid::pg_catalog.regprocedure)
           end as object,
           array(
             select a.privilege_type
             from pg_catalog.aclexplode(coalesce(
               ip.initprivs,
               case d.classid
                 when 'pg_catalog.pg_class'::pg_catalog.regclass
                   then (
                     select pg_catalog.acldefault('r', c.relowner) from pg_catalog.pg_class as c where c.oid = d.objid
                   )
                 else (
                   select pg_catalog.acldefault('f', p.proowner) from pg_catalog.pg_proc as p where p.oid = d.objid
                 )
               end
             )) as a
             where a.grantee = 0
           ) as public_privileges
    from pg_catalog.pg_depend as d
    inner join pg_catalog.pg_extension as e on d.refobjid = e.oid
    left join pg_catalog.pg_init_privs as ip on ip.classoid = d.classid and ip.objoid = d.objid and ip.objsubid = 0
    where e.extname = 'pg_stat_statements' and d.deptype = 'e'
      and d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
      and d.classid in ('pg_catalog.pg_class'::pg_catalog.regclass, 'pg_catalog.pg_proc'::pg_catalog.regclass)
  loop
    foreach privilege in array member.public_privileges loop
      execute pg_catalog.format('grant %s on %s to public', privilege, member.object);
    end loop;
  end loop;
end
$$;

-- The lesson delete guard as 018 made it.
drop trigger guard_lesson_delete on public.lessons;
create trigger guard_lesson_delete before delete on public.lessons
for each row execute function private.guard_lesson_delete();

create or replace function private.guard_lesson_delete() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Nested, not one AND: the helpers are evaluated (and their EXECUTE
  -- checked) only for the API roles they are granted to.
  if current_user in ('authenticated', 'anon') then
    if not (select private.is_super_admin()) and private.lesson_has_progress(old.id) then
      raise exception using
        errcode = '42501',
        message = 'a lesson with learners'' progress cannot be deleted',
        hint = 'Edit or unpublish it instead, or ask a super_admin.';
    end if;
  end if;
  return old;
end;
$$;

grant execute on function private.lesson_has_progress(uuid) to authenticated;

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
    execute pg_catalog.format('alter function %s set search_path = ''''', fn);
  end loop;
end
$$;
