/*
  The confidentiality incident register (migrations/047_incident_register.sql, rpc_functions/73_incidents.sql):
  the eight fields of the regulation (s.7) are required where the regulation requires them; compliance officers
  record their own organization's entries, super admins any organization's or the platform's; every other role is
  refused; officers read only their organization's register; nobody (service_role and the owner included) updates,
  deletes or truncates an entry; a correction is a new entry of the same register.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(26);

do $$
declare
  u text;
begin
  perform tests.create_org('acme');
  perform tests.create_org('globex');
  perform tests.create_user('cora', 'compliance_officer', 'acme');
  perform tests.create_user('gcora', 'compliance_officer', 'globex');
  perform tests.create_user('sam', 'super_admin', null);
  foreach u in array array['org_admin', 'analyst', 'educator', 'investigator', 'learner', 'viewer', 'guest'] loop
    perform tests.create_user('r_' || u, u, 'acme');
  end loop;
end
$$;

-- One call with every field, the clock as arguments.
create or replace function tests.incident(
  p_info text default 'Names and emails of 12 learners',
  p_org uuid default null,
  p_corrects uuid default null,
  p_known timestamptz default '2026-03-02 10:00Z',
  p_persons integer default 12,
  p_notices jsonb default '[{"recipient": "Commission d''accès à l''information", "sent_at": "2026-03-03"}]'
) returns uuid
language sql
as $$
  select public.record_privacy_incident(
    p_information_concerned => p_info,
    p_circumstances => 'A report export was emailed to the wrong distribution list',
    p_occurred_from => '2026-03-01 09:00Z',
    p_became_known_at => p_known,
    p_persons_concerned => p_persons,
    p_risk_assessment => 'Low sensitivity (names, work emails); recipients internal; misuse unlikely',
    p_serious_risk => false,
    p_measures_taken => 'Recipients asked to delete the email; export access restricted to officers',
    p_occurred_until => '2026-03-01 09:05Z',
    p_notices => p_notices,
    p_organization_id => p_org,
    p_corrects_id => p_corrects
  )
$$;
grant execute on function tests.incident(text, uuid, uuid, timestamptz, integer, jsonb) to authenticated,
service_role;

-- Writing ---------------------------------------------------------------------------------------------------

select tests.authenticate_as('cora');
select throws_ok(
  $$select tests.incident(p_info => ' ')$$, '22023', 'p_information_concerned is required (1 to 4000 characters)',
  'the information concerned is required'
);
select throws_ok(
  $$select tests.incident(p_known => '2026-02-01 00:00Z')$$, '22023',
  'p_became_known_at is required and not before p_occurred_from',
  'the incident cannot become known before it occurred'
);
select throws_ok(
  $$select tests.incident(p_persons => -1)$$, '22023', 'p_persons_concerned must be 0 or more',
  'the number of persons is 0 or more'
);
select throws_ok(
  $$select tests.incident(p_notices => '{"to": "x"}')$$, '22023',
  'p_notices must be a JSON array of {"recipient": text, "sent_at": timestamp}', 'notices are a list with dates'
);
select throws_ok(
  $$select tests.incident(p_org => tests.get_org_id('globex'))$$, 'P0002', 'organization not found',
  'an officer cannot record into another organization''s register'
);
select lives_ok($$select tests.incident()$$, 'a compliance officer records an incident of her organization');
select tests.clear_authentication();
select results_eq(
  $$select organization_id, recorded_by, persons_concerned, serious_risk, jsonb_array_length(notices),
      occurred_until - occurred_from
    from public.privacy_incidents where recorded_by = tests.get_user_id('cora')$$,
  $$values (tests.get_org_id('acme'), tests.get_user_id('cora'), 12, false, 1, interval '5 minutes')$$,
  'the entry holds the eight fields, in her organization''s register, with who recorded it'
);
select is(
  (select count(*)::int from public.privacy_incidents
where recorded_by = tests.get_user_id('cora')), 1,
  'the refused entries wrote nothing'
);
select results_eq(
  $$select severity from public.audit_logs where action = 'privacy.incident_recorded'
      and user_id = tests.get_user_id('cora')$$,
  array['warning'],
  'recording an incident is audited'
);

select tests.authenticate_as('sam');
select lives_ok(
  $$select tests.incident(p_org => tests.get_org_id('globex'))$$, 'a super admin records into any organization'
);
select lives_ok($$select tests.incident(p_info => 'Platform-wide: backups')$$, 'and into the platform''s register');
select tests.clear_authentication();
do $$
begin
  perform set_config('tests.t273_globex', (select id::text from public.privacy_incidents
    where organization_id = tests.get_org_id('globex') and recorded_by = tests.get_user_id('sam')), true);
end
$$;

-- Every other role, and anon and service_role, are refused
select tests.authenticate_as('r_org_admin');
select throws_ok(
  $$select tests.incident()$$, '42501', 'only a compliance officer or a super admin may record a confidentiality '
  || 'incident', 'an org admin cannot record an incident'
);
select tests.authenticate_as('r_analyst');
select throws_ok($$select tests.incident()$$, '42501', null, 'an analyst cannot record an incident');
select tests.authenticate_as('r_educator');
select throws_ok($$select tests.incident()$$, '42501', null, 'an educator cannot record an incident');
select tests.authenticate_as('r_investigator');
select throws_ok($$select tests.incident()$$, '42501', null, 'an investigator cannot record an incident');
select tests.authenticate_as('r_learner');
select throws_ok($$select tests.incident()$$, '42501', null, 'a learner cannot record an incident');
select tests.authenticate_as('r_viewer');
select throws_ok($$select tests.incident()$$, '42501', null, 'a viewer cannot record an incident');
select tests.authenticate_as('r_guest');
select throws_ok($$select tests.incident()$$, '42501', null, 'a guest cannot record an incident');
select tests.authenticate_as_service_role();
select throws_ok($$select tests.incident()$$, '42501', null, 'service_role has no execute on the RPC (42501)');

-- Reading -----------------------------------------------------------------------------------------------------

select tests.authenticate_as('gcora');
select results_eq(
  $$select count(*)::int from public.privacy_incidents where recorded_by = any(tests.fixture_user_ids())$$,
  array[1],
  'another organization''s officer reads only her own register (the one entry made for globex)'
);
select tests.authenticate_as('r_org_admin');
select results_eq(
  $$select count(*)::int from public.privacy_incidents$$, array[0], 'an org admin reads no entry'
);

-- Append-only: corrections are new entries --------------------------------------------------------------------

select tests.authenticate_as('cora');
select lives_ok(
  $$select tests.incident(p_persons => 14, p_corrects => (select id from public.privacy_incidents
      where recorded_by = tests.get_user_id('cora') and corrects_id is null))$$,
  'a correction is a new entry naming the one it corrects'
);
select throws_ok(
  $$select tests.incident(p_corrects => current_setting('tests.t273_globex')::uuid)$$,
  'P0002', 'incident not found', 'a correction stays within its register'
);
select tests.authenticate_as_service_role();
select throws_ok(
  $$update public.privacy_incidents set persons_concerned = 0$$, '42501', null,
  'service_role cannot update the register'
);
select tests.clear_authentication();
select throws_ok(
  $$update public.privacy_incidents set persons_concerned = 0 where recorded_by = tests.get_user_id('cora')$$,
  '42501', 'the incident register is append-only', 'not even the owner updates an entry'
);
select throws_ok(
  $$delete from public.privacy_incidents where recorded_by = tests.get_user_id('cora')$$,
  '42501', 'the incident register is append-only', 'nor deletes one (truncate is refused by the same trigger)'
);

select * from finish();
rollback;
