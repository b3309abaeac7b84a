/*
  The confidentiality incident register (047_incident_register): written only
  through record_privacy_incident, by compliance officers (for their own
  organization) and super admins (any organization, or the platform:
  p_organization_id null). Never updated or deleted: a correction or a later
  fact is a new entry naming the one it completes (p_corrects_id).

  Entries must not name the persons concerned: the register describes the
  information and counts the persons (the regulation asks for a number).
*/

create or replace function private.record_privacy_incident(
  p_information_concerned text,
  p_circumstances text,
  p_occurred_from timestamptz,
  p_became_known_at timestamptz,
  p_persons_concerned integer,
  p_risk_assessment text,
  p_serious_risk boolean,
  p_measures_taken text,
  p_occurred_until timestamptz default null,
  p_occurred_approximate boolean default false,
  p_persons_approximate boolean default false,
  p_commission_notified_at timestamptz default null,
  p_persons_notified_at timestamptz default null,
  p_notices jsonb default '[]'::jsonb,
  p_organization_id uuid default null,
  p_corrects_id uuid default null
) returns uuid
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_officer_org uuid := (select private.compliance_org_id());
  v_super boolean := (select private.is_super_admin());
  v_org uuid;
  v_id uuid;
  v_arg record;
begin
  for v_arg in
    select a.name, a.value from (values
      ('p_information_concerned', p_information_concerned), ('p_circumstances', p_circumstances),
      ('p_risk_assessment', p_risk_assessment), ('p_measures_taken', p_measures_taken)
    ) as a (name, value)
  loop
    if v_arg.value is null or pg_catalog.btrim(v_arg.value) = '' or pg_catalog.char_length(v_arg.value) > 4000 then
      raise exception using errcode = '22023',
        message = pg_catalog.format('%s is required (1 to 4000 characters)', v_arg.name);
    end if;
  end loop;
  if p_occurred_from is null then
    raise exception using errcode = '22023', message = 'p_occurred_from is required',
      hint = 'An approximation will do: set p_occurred_approximate.';
  end if;
  for v_arg in
    select a.name, a.value from (values
      ('p_occurred_from', p_occurred_from), ('p_occurred_until', p_occurred_until),
      ('p_became_known_at', p_became_known_at), ('p_commission_notified_at', p_commission_notified_at),
      ('p_persons_notified_at', p_persons_notified_at)
    ) as a (name, value)
  loop
    if not pg_catalog.isfinite(v_arg.value) then
      raise exception using errcode = '22023', message = pg_catalog.format('%s must be a finite time', v_arg.name);
    end if;
  end loop;
  if p_occurred_until is not null and p_occurred_until < p_occurred_from then
    raise exception using errcode = '22023', message = 'p_occurred_until must not be before p_occurred_from';
  end if;
  if p_became_known_at is null or p_became_known_at < p_occurred_from then
    raise exception using errcode = '22023', message = 'p_became_known_at is required and not before p_occurred_from';
  end if;
  if p_became_known_at > pg_catalog.now() + interval '1 day' or p_occurred_from > pg_catalog.now() + interval '1 day'
  then
    raise exception using errcode = '22023',
      message = 'p_occurred_from and p_became_known_at must not be in the future';
  end if;
  if p_persons_concerned is null or p_persons_concerned < 0 then
    raise exception using errcode = '22023', message = 'p_persons_concerned must be 0 or more',
      hint = 'An approximation will do: set p_persons_approximate.';
  end if;
  if p_serious_risk is null or p_occurred_approximate is null or p_persons_approximate is null then
    raise exception using errcode = '22023',
      message = 'p_serious_risk, p_occurred_approximate and p_persons_approximate must be true or false';
  end if;
  if p_notices is null or pg_catalog.jsonb_typeof(p_notices) <> 'array' or exists (
    select from pg_catalog.jsonb_array_elements(p_notices) as n (v)
    where pg_catalog.jsonb_typeof(n.v) <> 'object'
      or pg_catalog.jsonb_typeof(n.v -> 'recipient') is distinct from 'string'
      or pg_catalog.jsonb_typeof(n.v -> 'sent_at') is distinct from 'string'
  ) then
    raise exception using errcode = '22023',
      message = 'p_notices must be a JSON array of {"recipient": text, "sent_at": timestamp}';
  end if;

  if v_officer_org is null and not v_super then
    raise exception using errcode = '42501',
      message = 'only a compliance officer or a super admin may record a confidentiality incident';
  end if;
  if v_super then
    v_org := p_organization_id;
    if v_org is not null and not exists (select from public.organizations as o where o.id = v_org) then
      raise exception using errcode = 'P0002', message = 'organization not found', hint = 'Check p_organization_id.';
    end if;
  else
    if p_organization_id is not null and p_organization_id <> v_officer_org then
      raise exception using errcode = 'P0002', message = 'organization not found',
        hint = 'A compliance officer records incidents of their own organization: omit p_organization_id.';
    end if;
    v_org := v_officer_org;
  end if;
  if p_corrects_id is not null and not exists (
    select from public.privacy_incidents as i
    where i.id = p_corrects_id and i.organization_id is not distinct from v_org
  ) then
    raise exception using errcode = 'P0002', message = 'incident not found',
      hint = 'p_corrects_id must be an entry of the same organization''s register.';
  end if;

  insert into public.privacy_incidents (
    organization_id, corrects_id, information_concerned, circumstances, occurred_from, occurred_until,
    occurred_approximate, became_known_at, persons_concerned, persons_approximate, risk_assessment, serious_risk,
    commission_notified_at, persons_notified_at, notices, measures_taken, recorded_by
  ) values (
    v_org, p_corrects_id, p_information_concerned, p_circumstances, p_occurred_from, p_occurred_until,
    p_occurred_approximate, p_became_known_at, p_persons_concerned, p_persons_approximate, p_risk_assessment,
    p_serious_risk, p_commission_notified_at, p_persons_notified_at, p_notices, p_measures_taken,
    (select private.current_user_id())
  )
  returning id into v_id;

  perform private.record_audit_event('privacy.incident_recorded', 'privacy_incidents', v_id, v_org,
    pg_catalog.jsonb_build_object('serious_risk', p_serious_risk, 'corrects_id', p_corrects_id),
    case when p_serious_risk then 'critical' else 'warning' end, true);
  return v_id;
end;
$$;

comment on function private.record_privacy_incident(
  text, text, timestamptz, timestamptz, integer, text, boolean, text, timestamptz, boolean, boolean, timestamptz,
  timestamptz, jsonb, uuid, uuid
) is 'Internal: see public.record_privacy_incident.';

create or replace function public.record_privacy_incident(
  p_information_concerned text,
  p_circumstances text,
  p_occurred_from timestamptz,
  p_became_known_at timestamptz,
  p_persons_concerned integer,
  p_risk_assessment text,
  p_serious_risk boolean,
  p_measures_taken text,
  p_occurred_until timestamptz default null,
  p_occurred_approximate boolean default false,
  p_persons_approximate boolean default false,
  p_commission_notified_at timestamptz default null,
  p_persons_notified_at timestamptz default null,
  p_notices jsonb default '[]'::jsonb,
  p_organization_id uuid default null,
  p_corrects_id uuid default null
) returns uuid
language sql
volatile
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.record_privacy_incident(
    p_information_concerned, p_circumstances, p_occurred_from, p_became_known_at, p_persons_concerned,
    p_risk_assessment, p_serious_risk, p_measures_taken, p_occurred_until, p_occurred_approximate,
    p_persons_approximate, p_commission_notified_at, p_persons_notified_at, p_notices, p_organization_id,
    p_corrects_id
  )
$$;

comment on function public.record_privacy_incident(
  text, text, timestamptz, timestamptz, integer, text, boolean, text, timestamptz, boolean, boolean, timestamptz,
  timestamptz, jsonb, uuid, uuid
) is
'Add an entry to the confidentiality incident register (the eight fields of the Quebec regulation, s.7): '
'information concerned, circumstances, when it occurred, when it became known, number of persons, risk assessment, '
'notices and their dates, measures taken. Compliance officers (own organization) and super admins (any, or null: '
'the platform). Append-only: a correction is a new entry with p_corrects_id. Returns its id. 22023 bad input, '
'42501 not allowed, P0002 unknown organization or corrected entry.';

revoke all on function
  private.record_privacy_incident(
    text, text, timestamptz, timestamptz, integer, text, boolean, text, timestamptz, boolean, boolean, timestamptz,
    timestamptz, jsonb, uuid, uuid
  ),
  public.record_privacy_incident(
    text, text, timestamptz, timestamptz, integer, text, boolean, text, timestamptz, boolean, boolean, timestamptz,
    timestamptz, jsonb, uuid, uuid
  )
from public, anon, authenticated, service_role;
grant execute on function
  private.record_privacy_incident(
    text, text, timestamptz, timestamptz, integer, text, boolean, text, timestamptz, boolean, boolean, timestamptz,
    timestamptz, jsonb, uuid, uuid
  ),
  public.record_privacy_incident(
    text, text, timestamptz, timestamptz, integer, text, boolean, text, timestamptz, boolean, boolean, timestamptz,
    timestamptz, jsonb, uuid, uuid
  )
to authenticated;
