/*
  Issue 7's rewrites keep every access rule: progress and certificates carry
  their holder's organization (migration 021, kept by triggers, never by the
  writer), and the policies of progress, certificates, profiles,
  subscriptions and subscription_seats compare columns with the scope
  helpers (readable_user_ids, staff_org_id, admin_org_id, super_admin_floor).
  Staff read the rows of their organization's live members and of nobody
  else, through every change of membership; the helpers are PARALLEL SAFE.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(39);

-- Arrange (as the superuser): two organizations; in acme an org_admin, a
-- compliance_officer, an analyst, a viewer and two learners; in globex an
-- org_admin; a super_admin and a learner in no organization. A published
-- course; a course-level progress row and a certificate for lena, leo and
-- nora.
do $$
begin
  perform tests.create_org('t170-acme');
  perform tests.create_org('t170-globex');
  perform tests.create_user('t170-olga', 'org_admin', 't170-acme');
  perform tests.create_user('t170-cora', 'compliance_officer', 't170-acme');
  perform tests.create_user('t170-ana', 'analyst', 't170-acme');
  perform tests.create_user('t170-vic', 'viewer', 't170-acme');
  perform tests.create_user('t170-lena', 'learner', 't170-acme');
  perform tests.create_user('t170-leo', 'learner', 't170-acme');
  perform tests.create_user('t170-gina', 'org_admin', 't170-globex');
  perform tests.create_user('t170-sam', 'super_admin');
  perform tests.create_user('t170-nora', 'learner');
  insert into public.courses (id, slug, title_en, category, level, duration_minutes, is_published)
  values (md5('t170-course')::uuid, 't170-course', 'T170 course', 'Foundations', 'Introductory', 30, true);
  insert into public.progress (user_id, course_id, organization_id)
  values
    (tests.get_user_id('t170-lena'), md5('t170-course')::uuid, tests.get_org_id('t170-globex')),
    (tests.get_user_id('t170-leo'), md5('t170-course')::uuid, null),
    (tests.get_user_id('t170-nora'), md5('t170-course')::uuid, null);
  insert into public.certificates (user_id, course_id)
  values
    (tests.get_user_id('t170-lena'), md5('t170-course')::uuid),
    (tests.get_user_id('t170-leo'), md5('t170-course')::uuid),
    (tests.get_user_id('t170-nora'), md5('t170-course')::uuid);
end
$$;

-- How many of lena's rows the current caller reads, per table.
create function pg_temp.lena_rows(tbl text) returns integer
language plpgsql
as $$
declare
  n integer;
begin
  execute format('select count(*)::integer from public.%I where user_id = $1', tbl)
  into n using tests.get_user_id('t170-lena');
  return n;
end;
$$;

-- The column is derived, never written -----------------------------------------------

select is(
  (select organization_id from public.progress
where user_id = tests.get_user_id('t170-lena')),
  tests.get_org_id('t170-acme'),
  'a progress row carries its holder''s organization, whatever the writer sent'
);
select is(
  (select organization_id from public.certificates
where user_id = tests.get_user_id('t170-lena')),
  tests.get_org_id('t170-acme'),
  'a certificate carries its holder''s organization'
);
select is(
  (select organization_id from public.certificates
where user_id = tests.get_user_id('t170-nora')),
  null,
  'a certificate of someone in no organization carries none'
);
update public.progress set organization_id = tests.get_org_id('t170-globex')
where user_id = tests.get_user_id('t170-leo');
select is(
  (select organization_id from public.progress
where user_id = tests.get_user_id('t170-leo')),
  tests.get_org_id('t170-acme'),
  'an update of the column is overridden by the holder''s organization'
);

-- Acting as each role of acme, and as globex's admin ----------------------------------

select tests.authenticate_as('t170-olga');
select is(pg_temp.lena_rows('progress'), 1, 'acme''s org_admin reads a member''s progress');
select is(pg_temp.lena_rows('certificates'), 1, 'acme''s org_admin reads a member''s certificate');
select is(
  (select count(*)::integer from public.progress
where user_id = tests.get_user_id('t170-nora')),
  0,
  'acme''s org_admin does not read the progress of someone in no organization'
);
select is(
  (select count(*)::integer from public.profiles
where id = tests.get_user_id('t170-lena')),
  1,
  'acme''s org_admin reads a member''s profile'
);
select is(
  (select count(*)::integer from public.profiles
where id = tests.get_user_id('t170-gina')),
  0,
  'acme''s org_admin does not read a globex profile'
);
select tests.clear_authentication();

select tests.authenticate_as('t170-cora');
select is(pg_temp.lena_rows('certificates'), 1, 'acme''s compliance_officer reads a member''s certificate');
select is(
  (select count(*)::integer from public.profiles
where id = tests.get_user_id('t170-lena')),
  0,
  'acme''s compliance_officer does not read a member''s full profile (org admins only)'
);
select tests.clear_authentication();

select tests.authenticate_as('t170-ana');
select is(pg_temp.lena_rows('progress'), 1, 'acme''s analyst reads a member''s progress');
select tests.clear_authentication();

select tests.authenticate_as('t170-vic');
select is(pg_temp.lena_rows('progress'), 0, 'a viewer of acme does not read a member''s progress');
select is(pg_temp.lena_rows('certificates'), 0, 'a viewer of acme does not read a member''s certificate');
select tests.clear_authentication();

select tests.authenticate_as('t170-leo');
select is(pg_temp.lena_rows('progress'), 0, 'a learner does not read another member''s progress');
select is(
  (select count(*)::integer from public.certificates
where user_id = tests.get_user_id('t170-leo')),
  1,
  'a learner reads their own certificate'
);
select tests.clear_authentication();

select tests.authenticate_as('t170-nora');
select is(
  (select count(*)::integer from public.progress),
  1,
  'a learner in no organization reads exactly their own progress row'
);
select tests.clear_authentication();

select tests.authenticate_as('t170-gina');
select is(pg_temp.lena_rows('progress'), 0, 'globex''s org_admin does not read an acme member''s progress');
select is(pg_temp.lena_rows('certificates'), 0, 'globex''s org_admin does not read an acme member''s certificate');
select tests.clear_authentication();

select tests.authenticate_as('t170-sam');
select is(pg_temp.lena_rows('progress'), 1, 'a super_admin reads any progress');
select is(
  (select count(*)::integer from public.certificates
where user_id = tests.get_user_id('t170-nora')),
  1,
  'a super_admin reads the certificate of someone in no organization'
);
select tests.clear_authentication();

-- lena moves to globex ---------------------------------------------------------------

update public.profiles set organization_id = tests.get_org_id('t170-globex')
where id = tests.get_user_id('t170-lena');
select is(
  (select organization_id from public.certificates
where user_id = tests.get_user_id('t170-lena')),
  tests.get_org_id('t170-globex'),
  'a member''s move carries their organization to their certificates'
);

select tests.authenticate_as('t170-olga');
select is(pg_temp.lena_rows('progress'), 0, 'acme''s org_admin no longer reads a member who left');
select is(pg_temp.lena_rows('certificates'), 0, 'nor her certificates');
select is(
  (select count(*)::integer from public.profiles
where id = tests.get_user_id('t170-lena')),
  0,
  'nor her profile'
);
select tests.clear_authentication();

select tests.authenticate_as('t170-gina');
select is(pg_temp.lena_rows('progress'), 1, 'globex''s org_admin reads the progress of a member who joined');
select is(pg_temp.lena_rows('certificates'), 1, 'and her certificates');
select tests.clear_authentication();

-- lena is soft-deleted, then restored ----------------------------------------------------

update public.profiles set deleted_at = now()
where id = tests.get_user_id('t170-lena');
select is(
  (select organization_id from public.progress
where user_id = tests.get_user_id('t170-lena')),
  null,
  'a soft-deleted member''s rows carry no organization'
);

select tests.authenticate_as('t170-gina');
select is(pg_temp.lena_rows('progress'), 0, 'staff do not read a soft-deleted member''s progress');
select is(
  (select count(*)::integer from public.profiles
where id = tests.get_user_id('t170-lena')),
  0,
  'nor her profile'
);
select tests.clear_authentication();

select tests.authenticate_as('t170-sam');
select is(pg_temp.lena_rows('certificates'), 1, 'a super_admin still reads a soft-deleted member''s certificate');
select is(
  (select count(*)::integer from public.profiles
where id = tests.get_user_id('t170-lena')),
  1,
  'and her profile'
);
select tests.clear_authentication();

select tests.authenticate_as('t170-lena');
select is(pg_temp.lena_rows('progress'), 0, 'a soft-deleted user reads nothing, her own rows included');
select tests.clear_authentication();

update public.profiles set deleted_at = null
where id = tests.get_user_id('t170-lena');
select is(
  (select organization_id from public.certificates
where user_id = tests.get_user_id('t170-lena')),
  tests.get_org_id('t170-globex'),
  'a restored member''s rows carry their organization again'
);

-- globex is soft-deleted: its staff lose their org-scoped reads -------------------------

update public.organizations set deleted_at = now()
where id = tests.get_org_id('t170-globex');
select tests.authenticate_as('t170-gina');
select is(pg_temp.lena_rows('progress'), 0, 'staff of a soft-deleted organization read no member''s progress');
select is(
  (select count(*)::integer from public.subscription_seats
where organization_id = tests.get_org_id('t170-globex')),
  0,
  'nor its seats'
);
select tests.clear_authentication();

-- Scope helpers: null where the old condition was false; parallel safe ------------------

select tests.authenticate_as('t170-olga');
select is(
  (select private.super_admin_floor()), null, 'super_admin_floor() is null for anyone but a super_admin'
);
select tests.clear_authentication();
select tests.authenticate_as('t170-cora');
select is((select private.admin_org_id()), null, 'admin_org_id() is null for staff who are not org_admin');
select tests.clear_authentication();

select is_empty(
  $$select p.oid::regprocedure from pg_catalog.pg_proc as p
    where p.pronamespace = 'private'::regnamespace
      and p.proname in (
        'current_user_id', 'current_role_name', 'current_org_id', 'is_super_admin', 'is_org_admin', 'is_org_staff',
        'readable_user_ids', 'staff_org_id', 'admin_org_id', 'super_admin_floor'
      )
      and (
        p.proparallel <> 's'
        or p.prolang <> (select l.oid from pg_catalog.pg_language as l where l.lanname = 'plpgsql')
      )$$,
  'the policy helpers are PL/pgSQL (a cached plan) and PARALLEL SAFE'
);

select * from finish();
rollback;
