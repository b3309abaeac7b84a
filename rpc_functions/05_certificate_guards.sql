/*
  A certificate's number, and its holder name and course title kept as issued
  (triggers bound by 002_learning and 020_security_fixes).

  Trigger functions live here, once, with their current definition; the
  migrations bind them (create trigger). A migration that binds one has the
  line `-- requires: rpc_functions/05_certificate_guards.sql`: abr-db runs this file's
  current text there (in the leading comment block: before the body), in the
  migration's transaction, so the function exists before the trigger that
  calls it, on a fresh database too (README, "Functions live in repeatable files").
*/

create or replace function private.assign_certificate_number() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if new.certificate_number is null then
    new.certificate_number := pg_catalog.format(
      'ABR-%s-%s',
      pg_catalog.to_char(new.issued_date, 'YYYY'),
      pg_catalog.lpad(pg_catalog.nextval('private.certificate_number_seq')::text, 6, '0')
    );
  end if;
  return new;
end;
$$;

create or replace function private.stamp_certificate_as_issued() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  select p.full_name into new.holder_name from public.profiles as p where p.id = new.user_id;
  select c.title_en, c.title_fr into new.course_title_en, new.course_title_fr
  from public.courses as c
  where c.id = new.course_id;
  return new;
end;
$$;

create or replace function private.guard_certificate_as_issued() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
  if new.course_title_en is distinct from old.course_title_en
    or new.course_title_fr is distinct from old.course_title_fr
    or (
      new.holder_name is distinct from old.holder_name
      and not (
        new.holder_name is null
        and pg_catalog.current_setting('abr.erasure', true) = old.user_id::text
        and current_user = (
          select pg_catalog.pg_get_userbyid(f.proowner)
          from pg_catalog.pg_proc as f
          where f.oid = pg_catalog.to_regprocedure('private.anonymize_person(uuid,uuid,text)')
        )
      )
    ) then
    raise exception using
      errcode = '42501',
      message = 'a certificate keeps the holder''s name and the course title as issued',
      hint = 'Revoke it and issue a new certificate to correct them.';
  end if;
  return new;
end;
$$;

comment on function private.assign_certificate_number() is
'BEFORE INSERT trigger on certificates: assigns ABR-YYYY-NNNNNN (year of issue, a sequence) when no number is given.';

comment on function private.stamp_certificate_as_issued() is
'BEFORE INSERT trigger on certificates: records the holder''s name and the course title as issued.';

comment on function private.guard_certificate_as_issued() is
'BEFORE UPDATE trigger on certificates: holder_name and course titles never change after issue (42501), except '
'the holder''s name cleared by their erasure (046_erasure, rpc_functions/71_erasure.sql).';

revoke all on function
  private.assign_certificate_number(),
  private.stamp_certificate_as_issued(),
  private.guard_certificate_as_issued()
from public, anon, authenticated, service_role;
