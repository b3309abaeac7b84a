/*
  Certificates after issue: revoke_certificate role by role (super_admin, or
  the org admin of the holder's organization, with a reason), every
  SQLSTATE, verify_certificate reporting it revoked, certificates_earned
  following, the holder notified; the expire-certificates job marks expired
  certificates and notifies each holder once.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(27);

do $$
begin
  perform tests.create_org('t203-acme');
  perform tests.create_org('t203-globex');
  perform tests.create_user('t203-sam', 'super_admin', 't203-acme', 'enterprise');
  perform tests.create_user('t203-olga', 'org_admin', 't203-acme');
  perform tests.create_user('t203-cora', 'compliance_officer', 't203-acme');
  perform tests.create_user('t203-ana', 'analyst', 't203-acme');
  perform tests.create_user('t203-eddie', 'educator', 't203-acme');
  perform tests.create_user('t203-lena', 'learner', 't203-acme');
  perform tests.create_user('t203-gina', 'org_admin', 't203-globex');
  perform tests.create_user('t203-glen', 'learner', 't203-globex');
  insert into public.courses (id, title_en, slug, category, level, duration_minutes, is_published)
  values
    (md5('t203:c1')::uuid, 'T203 one', 't203-one', 'Foundations', 'Introductory', 10, true),
    (md5('t203:c2')::uuid, 'T203 two', 't203-two', 'Foundations', 'Introductory', 10, true);
  insert into public.certificates (
    id, user_id, course_id, certificate_number, verification_code, issued_date, expiry_date
  )
  values
    (md5('t203:lena1')::uuid, tests.get_user_id('t203-lena'), md5('t203:c1')::uuid, 'ABR-2025-920301', 'A0A0A0A0A001',
      '2025-01-10', null),
    (md5('t203:lena2')::uuid, tests.get_user_id('t203-lena'), md5('t203:c2')::uuid, 'ABR-2025-920302', 'A0A0A0A0A002',
      '2025-01-10', '2025-01-31'),
    (md5('t203:glen1')::uuid, tests.get_user_id('t203-glen'), md5('t203:c1')::uuid, 'ABR-2025-920303', 'A0A0A0A0A003',
      '2025-01-10', null);
end
$$;

create temporary view t203_lena as
select ua.* from public.user_achievements as ua
where ua.user_id = tests.get_user_id('t203-lena');
grant select on t203_lena to authenticated, anon;

select results_eq(
  $$select certificates_earned from t203_lena$$, array[2], 'lena holds two certificates'
);

-- Who may not revoke -------------------------------------------------------------------------------

select tests.authenticate_as('t203-lena');
select throws_ok(
  $$select public.revoke_certificate(md5('t203:lena1')::uuid, 'no')$$,
  '42501', 'only a super_admin or the org admin of the holder''s organization revokes a certificate',
  'a holder reads her certificate but may not revoke it'
);
select tests.authenticate_as('t203-cora');
select throws_ok(
  $$select public.revoke_certificate(md5('t203:lena1')::uuid, 'no')$$,
  '42501', null, 'a compliance_officer reads members'' certificates but may not revoke them'
);
select tests.authenticate_as('t203-ana');
select throws_ok(
  $$select public.revoke_certificate(md5('t203:lena1')::uuid, 'no')$$,
  '42501', null, 'an analyst may not revoke either'
);
select tests.authenticate_as('t203-eddie');
select throws_ok(
  $$select public.revoke_certificate(md5('t203:lena1')::uuid, 'no')$$,
  'P0002', 'certificate not found', 'an educator cannot see members'' certificates: not found'
);
select tests.authenticate_as('t203-gina');
select throws_ok(
  $$select public.revoke_certificate(md5('t203:lena1')::uuid, 'no')$$,
  'P0002', 'certificate not found', 'another organization''s admin: not found'
);
select tests.authenticate_as('t203-olga');
select throws_ok(
  $$select public.revoke_certificate(md5('t203:glen1')::uuid, 'no')$$,
  'P0002', 'certificate not found', 'acme''s admin does not find a globex member''s certificate'
);
select throws_ok(
  $$select public.revoke_certificate(gen_random_uuid(), 'no')$$,
  'P0002', 'certificate not found', 'an unknown id: the same answer'
);
select throws_ok(
  $$select public.revoke_certificate(null, 'no')$$, '22023', 'p_certificate_id is required', 'a missing id is invalid'
);
select throws_ok(
  $$select public.revoke_certificate(md5('t203:lena1')::uuid, '   ')$$,
  '22023', 'p_reason is required (at most 1000 characters)', 'a blank reason is invalid'
);
select throws_ok(
  $$select public.revoke_certificate(md5('t203:lena1')::uuid, repeat('x', 1001))$$,
  '22023', null, 'a reason over 1000 characters is invalid'
);
select tests.clear_authentication();
select results_eq(
  $$select status from public.certificates where id = md5('t203:lena1')::uuid$$, array['active'],
  'refused calls changed nothing'
);

-- The org admin revokes --------------------------------------------------------------------------------

select tests.authenticate_as('t203-olga');
select results_eq(
  $$select status, revoked_reason, revoked_at is not null
    from public.revoke_certificate(md5('t203:lena1')::uuid, 'Issued in error')$$,
  $$values ('revoked', 'Issued in error', true)$$,
  'the org admin of the holder''s organization revokes it with a reason'
);
select throws_ok(
  $$select public.revoke_certificate(md5('t203:lena1')::uuid, 'again')$$,
  '23505', 'this certificate is already revoked', 'revoking twice is a conflict'
);
select tests.clear_authentication();
select results_eq(
  $$select certificates_earned from t203_lena$$, array[1], 'certificates_earned no longer counts it'
);
select results_eq(
  $$select count(*)::int from public.notifications
    where user_id = tests.get_user_id('t203-lena') and message like '%ABR-2025-920301%Issued in error%'$$,
  array[1],
  'the holder is told, with the reason'
);
select tests.authenticate_as_anon();
select results_eq(
  $$select status from public.verify_certificate('ABR-2025-920301', 'A0A0A0A0A001')$$, array['revoked'],
  'verify_certificate reports it revoked'
);
select throws_ok(
  $$select public.revoke_certificate(md5('t203:glen1')::uuid, 'no')$$, '42501', null,
  'anon cannot call revoke_certificate: no execute grant'
);
select tests.authenticate_as('t203-sam');
select results_eq(
  $$select status from public.revoke_certificate(md5('t203:glen1')::uuid, 'Fraud')$$, array['revoked'],
  'a super_admin revokes any organization''s certificate'
);
select tests.authenticate_as_service_role();
select throws_ok(
  $$select public.revoke_certificate(md5('t203:lena2')::uuid, 'no')$$, '42501', null,
  'the service role has no execute grant (it updates the row itself when it must)'
);
select tests.clear_authentication();

-- expire-certificates ------------------------------------------------------------------------------------

select lives_ok(
  $$select private.expire_certificates('2025-01-31 12:00+00')$$, 'the job runs on the expiry day'
);
select results_eq(
  $$select status from public.certificates where id = md5('t203:lena2')::uuid$$, array['active'],
  'a certificate is valid through its expiry date'
);
select lives_ok(
  $$select private.expire_certificates('2025-02-01 06:00+00')$$, 'the job runs the next night'
);
select results_eq(
  $$select id, status from public.certificates where user_id in (tests.get_user_id('t203-lena'),
      tests.get_user_id('t203-glen')) order by certificate_number$$,
  $$values (md5('t203:lena1')::uuid, 'revoked'), (md5('t203:lena2')::uuid, 'expired'),
    (md5('t203:glen1')::uuid, 'revoked')$$,
  'the expired certificate is marked expired; revoked ones stay revoked'
);
select lives_ok(
  $$select private.expire_certificates('2025-02-02 06:00+00')$$, 'the job runs again'
);
select results_eq(
  $$select count(*)::int from public.notifications
    where user_id = tests.get_user_id('t203-lena') and message like '%ABR-2025-920302 expired%'$$,
  array[1],
  'the holder is notified once'
);
select results_eq(
  $$select certificates_earned from t203_lena$$, array[1], 'an expired certificate was still earned'
);

select * from finish();
rollback;
