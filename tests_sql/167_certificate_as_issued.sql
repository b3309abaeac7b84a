/*
  Finding 3 (issue 6): a certificate keeps the holder's name and the course
  title as issued. They are filled at insert from the profile and the course
  (whatever the inserter sent), never change afterwards (42501, for the
  service role too), and verify_certificate shows them, not the holder's
  current name. A profile's name change is audited.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(11);

do $$
begin
  perform tests.create_org('t167-acme');
  perform tests.create_user('t167-ada', 'learner', 't167-acme');
  perform tests.create_user('t167-officer', 'compliance_officer', 't167-acme');
  perform tests.create_user('t167-sam', 'super_admin');
  update public.profiles set full_name = 'Ada Original' where id = tests.get_user_id('t167-ada');
  insert into public.courses (id, slug, title_en, title_fr, category, level, duration_minutes, is_published)
  values (md5('t167:course')::uuid, 't167-course', 'Foundations 167', 'Fondements 167', 'Foundations',
          'Introductory', 60, true);
end
$$;

-- Acting as the service role: issues the certificate, trying to write another name
select tests.authenticate_as_service_role();
select lives_ok(
  $$insert into public.certificates (
      id, user_id, course_id, certificate_number, verification_code, holder_name, course_title_en
    ) values (
      md5('t167:cert')::uuid, tests.get_user_id('t167-ada'), md5('t167:course')::uuid,
      'ABR-2024-167001', 'A167B167C167', 'Forged Name', 'Forged Title'
    )$$,
  'the service role issues a certificate'
);
select results_eq(
  $$select holder_name, course_title_en, course_title_fr from public.certificates
    where id = md5('t167:cert')::uuid$$,
  $$values ('Ada Original'::text, 'Foundations 167'::text, 'Fondements 167'::text)$$,
  'the name and titles as issued come from the profile and the course, not from the inserter'
);
select throws_ok(
  $$update public.certificates set holder_name = 'Someone Else' where id = md5('t167:cert')::uuid$$,
  '42501', 'a certificate keeps the holder''s name and the course title as issued',
  'not even the service role rewrites the name as issued'
);
select throws_ok(
  $$update public.certificates set course_title_fr = 'Autre' where id = md5('t167:cert')::uuid$$,
  '42501', 'a certificate keeps the holder''s name and the course title as issued',
  'nor the course title as issued'
);
select lives_ok(
  $$update public.certificates set pdf_url = 'https://files.example/t167.pdf' where id = md5('t167:cert')::uuid$$,
  'other columns still change'
);

-- Acting as ada: renames herself; a super_admin renames the course
select tests.authenticate_as('t167-ada');
select lives_ok(
  $$update public.profiles set full_name = 'Mallory' where id = tests.get_user_id('t167-ada')$$,
  'the holder renames herself'
);
select tests.authenticate_as('t167-sam');
select lives_ok(
  $$update public.courses set title_en = 'Renamed 167', title_fr = 'Renommé 167' where id = md5('t167:course')::uuid$$,
  'a super_admin renames the course'
);

-- Acting as anon: verification shows the certificate as issued
select tests.authenticate_as_anon();
select results_eq(
  $$select holder_name, course_title_en, course_title_fr
    from public.verify_certificate('ABR-2024-167001', 'A167B167C167')$$,
  $$values ('Ada Original'::text, 'Foundations 167'::text, 'Fondements 167'::text)$$,
  'verification shows the holder''s name and the course title as issued, not as renamed'
);

-- Acting as the compliance officer: the rename is in the trail
select tests.authenticate_as('t167-officer');
select results_eq(
  $$select a.user_id, a.action, a.changes from public.audit_logs as a
    where a.resource_type = 'profiles' and a.resource_id = tests.get_user_id('t167-ada')
      and a.changes -> 'full_name' ->> 'new' = 'Mallory'$$,
  $$values (
    tests.get_user_id('t167-ada'), 'name_change'::text,
    '{"full_name": {"old": "Ada Original", "new": "Mallory"}}'::jsonb
  )$$,
  'the holder''s rename is audited: who, name_change, old and new name, nothing else of the profile'
);
select tests.clear_authentication();

-- Other profile columns are not audited with the name
select tests.authenticate_as('t167-ada');
select lives_ok(
  $$update public.profiles set phone = '+1 555 0167', full_name = 'Ada Again'
    where id = tests.get_user_id('t167-ada')$$,
  'the holder changes her phone and name together'
);
select tests.clear_authentication();
select is(
  (select a.changes from public.audit_logs as a
   where a.resource_type = 'profiles' and a.resource_id = tests.get_user_id('t167-ada')
     and a.changes -> 'full_name' ->> 'new' = 'Ada Again'),
  '{"full_name": {"old": "Mallory", "new": "Ada Again"}}'::jsonb,
  'the audit row lists the name only, never the phone'
);

select * from finish();
rollback;
