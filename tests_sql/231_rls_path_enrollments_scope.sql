/*
  Issue 7, second pass: learning_path_enrollments' policy compares user_id
  with scope helpers (readable_user_ids(), super_admin_floor()) instead of
  `own or (is_org_staff() and user_id in org_member_ids()) or
  is_super_admin()`. The rule is unchanged: a learner reads their own
  enrollments; staff(org) (org_admin, compliance_officer, analyst) read those
  of their live organization's live members; super_admin reads all; nobody
  else reads anyone else's; clients never write. Proven role by role, across
  organizations and through changes of role, membership and soft deletion.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(28);

-- Arrange (as the superuser): acme (org_admin, compliance_officer, analyst,
-- investigator, educator, viewer, two learners), globex (org_admin, learner),
-- a learner in no organization and a super_admin. One published path; the
-- four learners are enrolled in it.
do $$
begin
  perform tests.create_org('t231-acme');
  perform tests.create_org('t231-globex');
  perform tests.create_user('t231-olga', 'org_admin', 't231-acme');
  perform tests.create_user('t231-cora', 'compliance_officer', 't231-acme');
  perform tests.create_user('t231-ana', 'analyst', 't231-acme');
  perform tests.create_user('t231-ivan', 'investigator', 't231-acme');
  perform tests.create_user('t231-eddie', 'educator', 't231-acme');
  perform tests.create_user('t231-vic', 'viewer', 't231-acme');
  perform tests.create_user('t231-lena', 'learner', 't231-acme');
  perform tests.create_user('t231-leo', 'learner', 't231-acme');
  perform tests.create_user('t231-gina', 'org_admin', 't231-globex');
  perform tests.create_user('t231-gus', 'learner', 't231-globex');
  perform tests.create_user('t231-nora', 'learner');
  perform tests.create_user('t231-sam', 'super_admin');
  insert into public.learning_paths (id, slug, title_en, course_ids, is_published, tier_required)
  values (tests.id('t231:path'), tests.name('t231-path'), 'T231 path', '{}', true, 'free');
  insert into public.learning_path_enrollments (user_id, learning_path_id)
  select tests.get_user_id(u), tests.id('t231:path')
  from unnest(array['t231-lena', 't231-leo', 't231-gus', 't231-nora']) as u;
end
$$;

-- The enrollments of this file's path the caller reads, all or one person's.
create function pg_temp.t231_rows() returns integer
language sql
as $$
  select count(*)::integer from public.learning_path_enrollments where learning_path_id = tests.id('t231:path')
$$;
create function pg_temp.t231_rows(who text) returns integer
language sql
as $$
  select count(*)::integer from public.learning_path_enrollments
  where learning_path_id = tests.id('t231:path') and user_id = tests.get_user_id(who)
$$;

-- Learners and the other non-staff roles of acme ------------------------------------------

select tests.authenticate_as('t231-lena');
select is(pg_temp.t231_rows(), 1, 'a learner reads her own enrollment only');
select is(pg_temp.t231_rows('t231-leo'), 0, 'a learner filtering on another member reads nothing');
select tests.clear_authentication();
select tests.authenticate_as('t231-vic');
select is(pg_temp.t231_rows(), 0, 'a viewer reads no member''s enrollment');
select tests.clear_authentication();
select tests.authenticate_as('t231-ivan');
select is(pg_temp.t231_rows(), 0, 'an investigator reads no member''s enrollment');
select tests.clear_authentication();
select tests.authenticate_as('t231-eddie');
select is(pg_temp.t231_rows(), 0, 'an educator reads no member''s enrollment');
select tests.clear_authentication();

-- Staff of acme ------------------------------------------------------------------------------

select tests.authenticate_as('t231-olga');
select is(pg_temp.t231_rows(), 2, 'an org admin reads her members'' enrollments without a filter');
select is(pg_temp.t231_rows('t231-lena'), 1, 'an org admin reads a member''s enrollment with a filter');
select is(pg_temp.t231_rows('t231-gus'), 0, 'an org admin does not read another organization''s member');
select is(pg_temp.t231_rows('t231-nora'), 0, 'an org admin does not read someone in no organization');
select tests.clear_authentication();
select tests.authenticate_as('t231-cora');
select is(pg_temp.t231_rows(), 2, 'a compliance officer reads her members'' enrollments');
select tests.clear_authentication();
select tests.authenticate_as('t231-ana');
select is(pg_temp.t231_rows(), 2, 'an analyst reads her members'' enrollments');
select tests.clear_authentication();

-- Across organizations, super admin, anon, service role -----------------------------------

select tests.authenticate_as('t231-gina');
select is(pg_temp.t231_rows(), 1, 'globex''s org admin reads globex''s member only');
select is(pg_temp.t231_rows('t231-lena'), 0, 'globex''s org admin filtering on an acme member reads nothing');
select tests.clear_authentication();
select tests.authenticate_as('t231-nora');
select is(pg_temp.t231_rows(), 1, 'a learner in no organization reads her own enrollment only');
select tests.clear_authentication();
select tests.authenticate_as('t231-sam');
select is(pg_temp.t231_rows(), 4, 'a super admin reads every enrollment, outside any organization too');
select tests.clear_authentication();
select tests.authenticate_as_anon();
select throws_ok(
  $$select count(*) from public.learning_path_enrollments$$, '42501', null,
  'anon cannot read enrollments (raises 42501)'
);
select tests.clear_authentication();
select tests.authenticate_as_service_role();
select is(pg_temp.t231_rows(), 4, 'the service role reads every enrollment');
select tests.clear_authentication();

-- Clients never write ----------------------------------------------------------------------

select tests.authenticate_as('t231-olga');
select throws_ok(
  format(
    'insert into public.learning_path_enrollments (user_id, learning_path_id) values (%L, %L)',
    tests.get_user_id('t231-vic'), tests.id('t231:path')
  ),
  '42501', null,
  'an org admin cannot enroll a member directly (raises 42501)'
);
select throws_ok(
  format('delete from public.learning_path_enrollments where user_id = %L', tests.get_user_id('t231-lena')),
  '42501', null,
  'an org admin cannot delete a member''s enrollment (raises 42501)'
);
select tests.clear_authentication();

-- Through changes of role, membership and soft deletion -----------------------------------

update public.profiles set deleted_at = now()
where id = tests.get_user_id('t231-leo');
select tests.authenticate_as('t231-olga');
select is(pg_temp.t231_rows(), 1, 'staff no longer read a soft-deleted member''s enrollment');
select tests.clear_authentication();
select tests.authenticate_as('t231-leo');
select is(pg_temp.t231_rows(), 0, 'a soft-deleted learner reads not even her own enrollment');
select tests.clear_authentication();
update public.profiles set deleted_at = null
where id = tests.get_user_id('t231-leo');

update public.profiles set organization_id = tests.get_org_id('t231-globex')
where id = tests.get_user_id('t231-leo');
select tests.authenticate_as('t231-olga');
select is(pg_temp.t231_rows('t231-leo'), 0, 'acme''s staff no longer read a member who moved to globex');
select tests.clear_authentication();
select tests.authenticate_as('t231-gina');
select is(pg_temp.t231_rows('t231-leo'), 1, 'globex''s staff read her once she is their member');
select tests.clear_authentication();
update public.profiles set organization_id = tests.get_org_id('t231-acme')
where id = tests.get_user_id('t231-leo');

update public.profiles set role = 'learner'
where id = tests.get_user_id('t231-ana');
select tests.authenticate_as('t231-ana');
select is(pg_temp.t231_rows(), 0, 'an analyst made learner reads no member''s enrollment');
select tests.clear_authentication();
update public.profiles set role = 'analyst'
where id = tests.get_user_id('t231-ana');

update public.organizations set deleted_at = now()
where id = tests.get_org_id('t231-acme');
select tests.authenticate_as('t231-olga');
select is(pg_temp.t231_rows(), 0, 'the staff of a soft-deleted organization read no member''s enrollment');
select tests.clear_authentication();
select tests.authenticate_as('t231-lena');
select is(pg_temp.t231_rows(), 1, 'a member of a soft-deleted organization still reads her own');
select tests.clear_authentication();
update public.organizations set deleted_at = null
where id = tests.get_org_id('t231-acme');

update public.profiles set deleted_at = now()
where id = tests.get_user_id('t231-sam');
select tests.authenticate_as('t231-sam');
select is(pg_temp.t231_rows(), 0, 'a soft-deleted super admin reads no enrollment');
select tests.clear_authentication();

-- The shape: no bare-boolean arm -----------------------------------------------------------

select is_empty(
  $$select 1 from pg_catalog.pg_policies
    where schemaname = 'public' and tablename = 'learning_path_enrollments'
      and qual ~ 'is_super_admin|is_org_staff|org_member_ids'$$,
  'the enrollments'' policy has no bare-boolean arm (fix A of docs/BENCHMARKS.md)'
);

select * from finish();
rollback;
