/*
  045_privacy_requests: the privacy rights a person exercises, with the clock
  the law puts on them (PIPEDA principle 4.9 and Quebec Law 25 s.32: an answer
  within 30 days of the request).

  public.privacy_requests: one row per request. kind is access, portability
  (Law 25 s.27: the computerized information collected from the person, in a
  structured, commonly used format), rectification or erasure. due_at is 30
  days after requested_at. The person files it (request_privacy_action); the
  compliance officers of their organization and super admins see it and
  close it (close_privacy_request: completed or refused, with a resolution);
  the person may withdraw it. reminded_at is stamped once, when the daily
  reminder job has told the officers that the due date is near.

  A request outlives its author's erasure (the person's id stays, nothing
  identifies them): it is the organization's proof that it answered.
*/

create table public.privacy_requests (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  organization_id uuid references public.organizations (id) on delete set null,
  kind text not null check (kind in ('access', 'portability', 'rectification', 'erasure')),
  status text not null default 'open' check (status in ('open', 'completed', 'refused', 'withdrawn')),
  details text check (char_length(details) <= 2000),
  requested_at timestamptz not null default now(),
  due_at timestamptz not null,
  reminded_at timestamptz,
  closed_at timestamptz,
  closed_by uuid references public.profiles (id) on delete set null,
  resolution text check (char_length(resolution) <= 2000),
  constraint privacy_requests_closed_when_not_open check ((status = 'open') = (closed_at is null)),
  constraint privacy_requests_due_after_request check (due_at > requested_at)
);

comment on table public.privacy_requests is
'Privacy rights requests (access, portability, rectification, erasure) with their 30-day due date. Written through '
'request_privacy_action / close_privacy_request / withdraw_privacy_request; read by the person, the compliance '
'officers of their organization and super admins.';

-- One open request of a kind per person.
create unique index privacy_requests_one_open_kind on public.privacy_requests (user_id, kind)
where status = 'open';
create index privacy_requests_user on public.privacy_requests (user_id, requested_at desc);
create index privacy_requests_org on public.privacy_requests (organization_id, requested_at desc);
create index privacy_requests_open_due on public.privacy_requests (due_at) where status = 'open';
create index privacy_requests_closed_by on public.privacy_requests (closed_by) where closed_by is not null;

alter table public.privacy_requests enable row level security;
revoke all on public.privacy_requests from public, anon, authenticated, service_role;
