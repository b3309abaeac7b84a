-- requires: rpc_functions/06_privacy_guards.sql
/*
  047_incident_register: the register of confidentiality incidents that
  Quebec's Act respecting the protection of personal information in the
  private sector (s.3.8) requires every enterprise to keep, with the content
  set by the Regulation respecting confidentiality incidents (chapter P-39.1,
  r. 3.1 of the private-sector act; A-2.1, r. 3.1 for public bodies), s.7:
    1. information_concerned   a description of the personal information
                               concerned (or why it cannot be described)
    2. circumstances           a brief description of the circumstances
    3. occurred_from/_until    the date or period of the incident (an
                               approximation when unknown: occurred_approximate)
    4. became_known_at         when the enterprise became aware of it
    5. persons_concerned       the number of persons concerned (or an
                               approximation: persons_approximate)
    6. risk_assessment, serious_risk
                               the assessment of the seriousness of the risk of
                               injury (sensitivity, anticipated consequences,
                               likelihood of misuse)
    7. commission_notified_at, persons_notified_at, notices
                               if the risk is serious, when the Commission
                               d'accès à l'information and the persons concerned
                               were notified, and any other notices (public
                               notice, other organizations) with their dates
    8. measures_taken          the measures taken to reduce the risk of injury

  Append-only, for everyone (the table's owner and service_role included): a
  BEFORE UPDATE/DELETE/TRUNCATE trigger refuses with 42501. A correction or a
  later fact (a notice sent, a measure added) is a new entry whose corrects_id
  names the entry it completes; the latest entry of a chain is the current
  state and the chain is the history the Commission may ask for. Entries are
  written by compliance officers (their organization's) and super admins
  (any organization, or the platform itself: organization_id null) through
  record_privacy_incident (rpc_functions/73_incidents.sql), and read by the
  same people. An organization with entries cannot be deleted (the register
  is kept at least five years after the incident became known).

  The trigger function, private.privacy_incidents_append_only(), lives in
  rpc_functions/06_privacy_guards.sql (required here).
*/

create table public.privacy_incidents (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid references public.organizations (id) on delete restrict,
  corrects_id uuid references public.privacy_incidents (id) on delete restrict,
  information_concerned text not null check (char_length(information_concerned) between 1 and 4000),
  circumstances text not null check (char_length(circumstances) between 1 and 4000),
  occurred_from timestamptz not null,
  occurred_until timestamptz,
  occurred_approximate boolean not null default false,
  became_known_at timestamptz not null,
  persons_concerned integer not null check (persons_concerned >= 0),
  persons_approximate boolean not null default false,
  risk_assessment text not null check (char_length(risk_assessment) between 1 and 4000),
  serious_risk boolean not null,
  commission_notified_at timestamptz,
  persons_notified_at timestamptz,
  notices jsonb not null default '[]'::jsonb check (jsonb_typeof(notices) = 'array'),
  measures_taken text not null check (char_length(measures_taken) between 1 and 4000),
  recorded_by uuid references public.profiles (id),
  recorded_at timestamptz not null default now(),
  constraint privacy_incidents_period check (occurred_until is null or occurred_until >= occurred_from)
);

comment on table public.privacy_incidents is
'Register of confidentiality incidents (Quebec regulation on confidentiality incidents, s.7: the eight fields). '
'Append-only: corrections are new entries (corrects_id). Written through record_privacy_incident by compliance '
'officers and super admins; read by them.';

create index privacy_incidents_org on public.privacy_incidents (organization_id, recorded_at desc);
create index privacy_incidents_corrects on public.privacy_incidents (corrects_id) where corrects_id is not null;
create index privacy_incidents_recorded_by on public.privacy_incidents (recorded_by);

create trigger append_only
before update or delete on public.privacy_incidents
for each row execute function private.privacy_incidents_append_only();

create trigger append_only_truncate
before truncate on public.privacy_incidents
for each statement execute function private.privacy_incidents_append_only();

alter table public.privacy_incidents enable row level security;
revoke all on public.privacy_incidents from public, anon, authenticated, service_role;
