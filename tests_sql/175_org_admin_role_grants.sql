/*
  ACCESS.md decision (issue 6): an org_admin gives members only the
  organization-scoped roles org_admin, learner, viewer and guest, and takes
  back only those. educator, analyst, investigator, compliance_officer and
  super_admin carry rights beyond the organization (the shared catalog,
  shared case law, the audit trail): only a super_admin grants or removes
  them.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(14);

do $$
begin
  perform tests.create_org('t175-acme');
  perform tests.create_user('t175-admin', 'org_admin', 't175-acme');
  perform tests.create_user('t175-lena', 'learner', 't175-acme');
  perform tests.create_user('t175-ed', 'educator', 't175-acme');
  perform tests.create_user('t175-ana', 'analyst', 't175-acme');
  perform tests.create_user('t175-sam', 'super_admin');
end
$$;

create function pg_temp.refusal() returns text
language sql
as $$
  select 'permission denied to change column "role" of profiles: an org_admin gives and takes only '
    || 'the organization-scoped roles org_admin, learner, viewer and guest'
$$;

-- Acting as the org_admin
select tests.authenticate_as('t175-admin');
select throws_ok(
  $$update public.profiles set role = 'educator' where id = tests.get_user_id('t175-lena')$$,
  '42501', pg_temp.refusal(), 'an org_admin cannot make a member an educator'
);
select throws_ok(
  $$update public.profiles set role = 'analyst' where id = tests.get_user_id('t175-lena')$$,
  '42501', pg_temp.refusal(), 'nor an analyst'
);
select throws_ok(
  $$update public.profiles set role = 'investigator' where id = tests.get_user_id('t175-lena')$$,
  '42501', pg_temp.refusal(), 'nor an investigator'
);
select throws_ok(
  $$update public.profiles set role = 'compliance_officer' where id = tests.get_user_id('t175-lena')$$,
  '42501', pg_temp.refusal(), 'nor a compliance_officer'
);
select throws_ok(
  $$update public.profiles set role = 'super_admin' where id = tests.get_user_id('t175-lena')$$,
  '42501', pg_temp.refusal(), 'nor a super_admin'
);
select throws_ok(
  $$update public.profiles set role = 'learner' where id = tests.get_user_id('t175-ed')$$,
  '42501', pg_temp.refusal(), 'an org_admin cannot take the educator role away either'
);
select throws_ok(
  $$update public.profiles set role = 'viewer' where id = tests.get_user_id('t175-ana')$$,
  '42501', pg_temp.refusal(), 'nor the analyst role'
);
select results_eq(
  $$update public.profiles set role = 'viewer' where id = tests.get_user_id('t175-lena') returning role$$,
  array['viewer'], 'an org_admin makes a learner a viewer'
);
select results_eq(
  $$update public.profiles set role = 'guest' where id = tests.get_user_id('t175-lena') returning role$$,
  array['guest'], 'a viewer a guest'
);
select results_eq(
  $$update public.profiles set role = 'org_admin' where id = tests.get_user_id('t175-lena') returning role$$,
  array['org_admin'], 'a guest an org_admin'
);
select results_eq(
  $$update public.profiles set role = 'learner' where id = tests.get_user_id('t175-lena') returning role$$,
  array['learner'], 'and another org_admin back to a learner'
);

-- Acting as the super_admin
select tests.authenticate_as('t175-sam');
select results_eq(
  $$update public.profiles set role = 'educator' where id = tests.get_user_id('t175-lena') returning role$$,
  array['educator'], 'a super_admin makes a member an educator'
);
select results_eq(
  $$update public.profiles set role = 'learner' where id = tests.get_user_id('t175-ana') returning role$$,
  array['learner'], 'and takes the analyst role away'
);
select tests.clear_authentication();
select results_eq(
  $$select role from public.profiles where id in (tests.get_user_id('t175-ed')) $$,
  array['educator'], 'the educator kept her role through the refused change'
);

select * from finish();
rollback;
