/*
  review_raw_case() and promote_raw_case(): reviewers (compliance_officer,
  analyst, investigator of any organization, super_admin) decide on raw
  cases and promote them into tribunal_cases; everyone else gets 42501; bad
  input raises 22023/P0002/23505 and writes nothing; a second promotion
  raises 23505.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(42);

-- Arrange (as the superuser): two organizations and one user per role in
-- acme, the super admin in none, and three users in globex.
do $$
begin
  perform tests.create_org('acme');
  perform tests.create_org('globex');
  perform tests.create_user('super', 'super_admin');
  perform tests.create_user('compliance', 'compliance_officer', 'acme');
  perform tests.create_user('orgadmin', 'org_admin', 'acme');
  perform tests.create_user('analyst', 'analyst', 'acme');
  perform tests.create_user('investigator', 'investigator', 'acme');
  perform tests.create_user('educator', 'educator', 'acme');
  perform tests.create_user('learner', 'learner', 'acme');
  perform tests.create_user('viewer', 'viewer', 'acme');
  perform tests.create_user('guest', 'guest', 'acme');
  perform tests.create_user('g_admin', 'org_admin', 'globex');
  perform tests.create_user('g_compliance', 'compliance_officer', 'globex');
  perform tests.create_user('g_learner', 'learner', 'globex');
end
$$;

-- An existing case, and raw cases in every state the RPCs meet.
insert into public.tribunal_cases (id, case_number, title, tribunal, source_url)
values ('00000000-0000-0000-0000-0000000000c1', 'HRTO-1', 'Existing', 'HRTO', 'https://example.test/1');
insert into public.tribunal_cases_raw (
  id, source_name, source_url, extracted_title, extracted_case_number, extracted_date,
  extracted_tribunal, raw_text, ai_classification, status
) values
('00000000-0000-0000-0000-0000000000d1', 'HRTO', 'https://hrto.test/1', 'Doe v. Acme', '2024 HRTO 101', '2024-03-05',
 'Human Rights Tribunal of Ontario', 'Full text',
 '{"is_race_related": true, "is_anti_black": true, "confidence": 0.87, "reasoning": "..."}', 'classified'),
('00000000-0000-0000-0000-0000000000d2', 'HRTO', 'https://hrto.test/2', 'To reject', '2024 HRTO 102', null, null, null,
  null, 'pending'),
('00000000-0000-0000-0000-0000000000d3', 'HRTO', 'https://hrto.test/3', 'A duplicate', '2024 HRTO 103', null, null,
  null, null, 'pending'),
('00000000-0000-0000-0000-0000000000d4', 'HRTO', 'https://hrto.test/4', 'No number', null, null, null, null, null,
  'pending'),
('00000000-0000-0000-0000-0000000000d6', 'CHRT', 'https://chrt.test/6', 'Same number', 'HRTO-1', null, null, null, null,
  'pending'),
('00000000-0000-0000-0000-0000000000d7', 'CHRT', 'https://chrt.test/7', 'Roe v. Globex', '2024 CHRT 7', null, null,
  null,
 '{"is_race_related": "yes", "confidence": 7}', 'pending');

create temp table cases_before on commit drop as select count(*) as n from public.tribunal_cases;

-- Who may call them ------------------------------------------------------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$select public.review_raw_case('00000000-0000-0000-0000-0000000000d2', 'approved')$$,
  '42501', null,
  'anon cannot call review_raw_case (raises 42501)'
);
select throws_ok(
  $$select public.promote_raw_case('00000000-0000-0000-0000-0000000000d1')$$,
  '42501', null,
  'anon cannot call promote_raw_case (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select throws_ok(
  $$select public.review_raw_case('00000000-0000-0000-0000-0000000000d2', 'approved')$$,
  '42501', 'only reviewers may review raw cases',
  'an org admin (not a reviewer) cannot review a raw case (42501)'
);
select throws_ok(
  $$select public.promote_raw_case('00000000-0000-0000-0000-0000000000d1')$$,
  '42501', 'only reviewers may promote raw cases',
  'an org admin (not a reviewer) cannot promote a raw case (42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('educator');
select throws_ok(
  $$select public.review_raw_case('00000000-0000-0000-0000-0000000000d2', 'approved')$$,
  '42501', 'only reviewers may review raw cases',
  'an educator (not a reviewer) cannot review a raw case (42501)'
);
select throws_ok(
  $$select public.promote_raw_case('00000000-0000-0000-0000-0000000000d1')$$,
  '42501', 'only reviewers may promote raw cases',
  'an educator (not a reviewer) cannot promote a raw case (42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select throws_ok(
  $$select public.review_raw_case('00000000-0000-0000-0000-0000000000d2', 'approved')$$,
  '42501', 'only reviewers may review raw cases',
  'a learner (not a reviewer) cannot review a raw case (42501)'
);
select throws_ok(
  $$select public.promote_raw_case('00000000-0000-0000-0000-0000000000d1')$$,
  '42501', 'only reviewers may promote raw cases',
  'a learner (not a reviewer) cannot promote a raw case (42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select throws_ok(
  $$select public.review_raw_case('00000000-0000-0000-0000-0000000000d2', 'approved')$$,
  '42501', 'only reviewers may review raw cases',
  'a viewer (not a reviewer) cannot review a raw case (42501)'
);
select throws_ok(
  $$select public.promote_raw_case('00000000-0000-0000-0000-0000000000d1')$$,
  '42501', 'only reviewers may promote raw cases',
  'a viewer (not a reviewer) cannot promote a raw case (42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('guest');
select throws_ok(
  $$select public.review_raw_case('00000000-0000-0000-0000-0000000000d2', 'approved')$$,
  '42501', 'only reviewers may review raw cases',
  'a guest (not a reviewer) cannot review a raw case (42501)'
);
select throws_ok(
  $$select public.promote_raw_case('00000000-0000-0000-0000-0000000000d1')$$,
  '42501', 'only reviewers may promote raw cases',
  'a guest (not a reviewer) cannot promote a raw case (42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('g_admin');
select throws_ok(
  $$select public.review_raw_case('00000000-0000-0000-0000-0000000000d2', 'approved')$$,
  '42501', 'only reviewers may review raw cases',
  'an org admin of globex (not a reviewer) cannot review a raw case (42501)'
);
select throws_ok(
  $$select public.promote_raw_case('00000000-0000-0000-0000-0000000000d1')$$,
  '42501', 'only reviewers may promote raw cases',
  'an org admin of globex (not a reviewer) cannot promote a raw case (42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('g_learner');
select throws_ok(
  $$select public.review_raw_case('00000000-0000-0000-0000-0000000000d2', 'approved')$$,
  '42501', 'only reviewers may review raw cases',
  'a learner of globex (not a reviewer) cannot review a raw case (42501)'
);
select throws_ok(
  $$select public.promote_raw_case('00000000-0000-0000-0000-0000000000d1')$$,
  '42501', 'only reviewers may promote raw cases',
  'a learner of globex (not a reviewer) cannot promote a raw case (42501)'
);
select tests.clear_authentication();

-- review_raw_case as an analyst ---------------------------------------------------------

select tests.authenticate_as('analyst');
select throws_ok(
  $$select public.review_raw_case(null, 'approved')$$,
  '22023', null,
  'review_raw_case without an id raises 22023'
);
select throws_ok(
  $$select public.review_raw_case('00000000-0000-0000-0000-0000000000d2', 'maybe')$$,
  '22023', null,
  'an unknown decision raises 22023'
);
select throws_ok(
  $$select public.review_raw_case('00000000-0000-0000-0000-0000000000d2', null)$$,
  '22023', null,
  'a null decision raises 22023'
);
select throws_ok(
  $$select public.review_raw_case('00000000-0000-0000-0000-0000000000d2', 'approved', null,
    '00000000-0000-0000-0000-0000000000c1')$$,
  '22023', null,
  'p_duplicate_of with an approval raises 22023'
);
select throws_ok(
  $$select public.review_raw_case(gen_random_uuid(), 'approved')$$,
  'P0002', null,
  'an unknown raw case raises P0002'
);
select throws_ok(
  $$select public.review_raw_case('00000000-0000-0000-0000-0000000000d3', 'duplicate', null, gen_random_uuid())$$,
  'P0002', null,
  'a duplicate of an unknown case raises P0002'
);
select lives_ok(
  $$select public.review_raw_case('00000000-0000-0000-0000-0000000000d2', 'rejected', 'Not a human-rights decision')$$,
  'an analyst rejects a raw case with a reason'
);
select lives_ok(
  $$select public.review_raw_case('00000000-0000-0000-0000-0000000000d3', 'duplicate', 'Same as HRTO-1',
    '00000000-0000-0000-0000-0000000000c1')$$,
  'an analyst marks a raw case as a duplicate of an existing case'
);
select tests.clear_authentication();

select results_eq(
  $$select id, status, rejection_reason, is_duplicate, duplicate_of_case_id, reviewed_by = tests.get_user_id('analyst'),
    reviewed_at is not null from public.tribunal_cases_raw where id in ('00000000-0000-0000-0000-0000000000d2',
    '00000000-0000-0000-0000-0000000000d3') order by id$$,
  $$values ('00000000-0000-0000-0000-0000000000d2'::uuid, 'rejected', 'Not a human-rights decision', false, null::uuid,
    true, true), ('00000000-0000-0000-0000-0000000000d3'::uuid, 'duplicate', 'Same as HRTO-1', true,
    '00000000-0000-0000-0000-0000000000c1'::uuid, true, true)$$,
  'the decisions, reasons, duplicate link and reviewer are recorded'
);
select results_eq(
  $$select status from public.tribunal_cases_raw where id in ('00000000-0000-0000-0000-0000000000d1',
    '00000000-0000-0000-0000-0000000000d4', '00000000-0000-0000-0000-0000000000d6',
    '00000000-0000-0000-0000-0000000000d7') order by id$$,
  $$values ('classified'), ('pending'), ('pending'), ('pending')$$,
  'the refused calls wrote nothing'
);

-- promote_raw_case -------------------------------------------------------------------

select tests.authenticate_as('investigator');
select throws_ok(
  $$select public.promote_raw_case(null)$$,
  '22023', null,
  'promote_raw_case without an id raises 22023'
);
select throws_ok(
  $$select public.promote_raw_case(gen_random_uuid())$$,
  'P0002', null,
  'promoting an unknown raw case raises P0002'
);
select throws_ok(
  $$select public.promote_raw_case('00000000-0000-0000-0000-0000000000d2')$$,
  '22023', null,
  'promoting a rejected raw case raises 22023'
);
select throws_ok(
  $$select public.promote_raw_case('00000000-0000-0000-0000-0000000000d3')$$,
  '22023', null,
  'promoting a duplicate raw case raises 22023'
);
select throws_ok(
  $$select public.promote_raw_case('00000000-0000-0000-0000-0000000000d4')$$,
  '22023', null,
  'promoting a raw case without a case number raises 22023'
);
select throws_ok(
  $$select public.promote_raw_case('00000000-0000-0000-0000-0000000000d6')$$,
  '23505', null,
  'promoting a raw case whose case number is already in the library raises 23505'
);
select results_eq(
  $$select count(*)::int from (select public.promote_raw_case('00000000-0000-0000-0000-0000000000d1') as id) as p where
    p.id is not null$$,
  $$values (1)$$,
  'an investigator promotes a classified raw case and gets the new case id'
);
select throws_ok(
  $$select public.promote_raw_case('00000000-0000-0000-0000-0000000000d1')$$,
  '23505', 'raw case was already promoted',
  'a second promotion of the same raw case raises 23505'
);
select throws_ok(
  $$select public.review_raw_case('00000000-0000-0000-0000-0000000000d1', 'rejected')$$,
  '23505', null,
  'reviewing a promoted raw case raises 23505'
);
select tests.clear_authentication();

select results_eq($$select c.case_number, c.title, c.tribunal, c.source_url, c.decision_date, c.year, c.full_text_en,
  c.is_race_related, c.is_anti_black_specific, c.ai_confidence_score, c.manually_reviewed,
  c.reviewed_by = tests.get_user_id('investigator'), r.status, r.promoted_to_case_id = c.id
from public.tribunal_cases as c inner join public.tribunal_cases_raw as r on c.ingested_from_raw_id = r.id
where r.id = '00000000-0000-0000-0000-0000000000d1'$$, $$values ('2024 HRTO 101', 'Doe v. Acme',
  'Human Rights Tribunal of Ontario', 'https://hrto.test/1', '2024-03-05'::date, 2024, 'Full text', true, true,
  0.87::numeric(3, 2), true, true, 'approved', true)$$,
  'the promoted case carries the extraction and classification, and the two rows link both ways');

select tests.authenticate_as('g_compliance');
select lives_ok(
  $$select public.promote_raw_case('00000000-0000-0000-0000-0000000000d7')$$,
  'a compliance officer of globex promotes a pending raw case (case law is shared)'
);
select tests.clear_authentication();

select results_eq(
  $$select c.tribunal, c.is_race_related, c.ai_confidence_score,
    r.status from public.tribunal_cases as c inner join public.tribunal_cases_raw as r on r.promoted_to_case_id = c.id
    where r.id = '00000000-0000-0000-0000-0000000000d7'$$,
  $$values ('CHRT', false, null::numeric(3, 2), 'approved')$$,
  'malformed AI values are ignored and the source name stands in for a missing tribunal'
);
select results_eq(
  $$select count(*)::int from public.tribunal_cases$$,
  $$select n::int + 2 from cases_before$$,
  'only the two promotions added cases'
);

select tests.authenticate_as('compliance');
select lives_ok(
  $$select public.review_raw_case('00000000-0000-0000-0000-0000000000d4', 'rejected')$$,
  'a compliance officer reviews a raw case (no reason needed)'
);
select tests.clear_authentication();

select tests.authenticate_as('super');
select lives_ok(
  $$select public.review_raw_case('00000000-0000-0000-0000-0000000000d6', 'duplicate', null,
    '00000000-0000-0000-0000-0000000000c1')$$,
  'a super admin reviews a raw case'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select results_eq(
  $$select count(*)::int from public.tribunal_cases where case_number in ('HRTO-1', '2024 HRTO 101', '2024 CHRT 7')$$,
  array[3],
  'a learner reads the promoted cases'
);
select tests.clear_authentication();

select * from finish();
rollback;
