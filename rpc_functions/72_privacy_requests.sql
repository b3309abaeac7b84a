/*
  Privacy requests with a clock (PIPEDA principle 4.9, Quebec Law 25 s.32:
  an answer within 30 days). Table: public.privacy_requests (045).

    request_privacy_action(p_kind, p_details)   any signed-in person with an
                                                active account, every role
                                                (viewer and guest too: a legal
                                                right, not a product write);
                                                due 30 days later; one open
                                                request per kind (23505).
    withdraw_privacy_request(p_request_id)      the person who filed it.
    close_privacy_request(p_request_id, p_status, p_resolution)
                                                compliance officers of the
                                                request's organization, super
                                                admins: completed or refused
                                                (a refusal states its reason).
    private.remind_privacy_requests(at_time)    the daily job
                                                remind-privacy-requests: open
                                                requests due within 7 days are
                                                notified once (reminded_at).

  Who is told: the compliance officers of the request's organization; when it
  has none (or the person has no organization), the super admins. They are
  notified when a request is filed and once when it nears its due date.
  Reading: the person reads their own requests, compliance officers their
  organization's, super admins all (rls_policies/privacy_requests.sql).
  Audit: privacy.request_filed / _withdrawn / _closed, with the kind and
  status only (never the details).
*/

create or replace function private.notify_privacy_officers(
  p_organization_id uuid, p_title text, p_message text, p_priority text
) returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_count integer;
begin
  insert into public.notifications (user_id, type, title, message, priority, link_url)
  select p.id, 'system', p_title, p_message, p_priority, '/privacy/requests'
  from public.profiles as p
  where p.organization_id = p_organization_id and p.role = 'compliance_officer' and p.deleted_at is null
    and p.erased_at is null;
  get diagnostics v_count = row_count;
  if v_count = 0 then
    insert into public.notifications (user_id, type, title, message, priority, link_url)
    select p.id, 'system', p_title, p_message, p_priority, '/privacy/requests'
    from public.profiles as p
    where p.role = 'super_admin' and p.deleted_at is null and p.erased_at is null;
    get diagnostics v_count = row_count;
  end if;
  return v_count;
end;
$$;

comment on function private.notify_privacy_officers(uuid, text, text, text) is
'Internal: notifies the compliance officers of the organization, else the super admins; returns how many.';

revoke all on function private.notify_privacy_officers(uuid, text, text, text)
from public, anon, authenticated, service_role;

-- request_privacy_action ---------------------------------------------------------------------------

create or replace function private.request_privacy_action(p_kind text, p_details text default null) returns jsonb
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_uid uuid := (select private.current_user_id());
  v_org uuid;
  v_req public.privacy_requests%rowtype;
begin
  if p_kind is null or p_kind not in ('access', 'portability', 'rectification', 'erasure') then
    raise exception using errcode = '22023',
      message = 'p_kind must be access, portability, rectification or erasure';
  end if;
  if p_details is not null and pg_catalog.char_length(p_details) > 2000 then
    raise exception using errcode = '22023', message = 'p_details must be at most 2000 characters';
  end if;
  if v_uid is null then
    raise exception using errcode = '42501', message = 'only a signed-in user with an active account can file a '
      || 'privacy request', hint = 'Sign in first.';
  end if;
  select p.organization_id into v_org from public.profiles as p where p.id = v_uid for update;
  if exists (select from public.privacy_requests as r where r.user_id = v_uid and r.kind = p_kind and r.status = 'open')
  then
    raise exception using errcode = '23505',
      message = pg_catalog.format('you already have an open %s request', p_kind),
      hint = 'Wait for its answer, or withdraw it first.';
  end if;

  insert into public.privacy_requests (user_id, organization_id, kind, details, requested_at, due_at)
  values (v_uid, v_org, p_kind, nullif(pg_catalog.btrim(p_details), ''), pg_catalog.now(),
    pg_catalog.now() + interval '30 days')
  returning * into v_req;

  perform private.notify_privacy_officers(v_org, 'New privacy request',
    pg_catalog.format('A %s request was filed; it is due by %s.', p_kind,
      pg_catalog.to_char(v_req.due_at at time zone 'UTC', 'YYYY-MM-DD')), 'high');
  perform private.record_audit_event('privacy.request_filed', 'privacy_requests', v_req.id, v_org,
    pg_catalog.jsonb_build_object('kind', p_kind, 'due_at', v_req.due_at), 'info', true);

  return pg_catalog.jsonb_build_object('id', v_req.id, 'kind', v_req.kind, 'status', v_req.status,
    'requested_at', v_req.requested_at, 'due_at', v_req.due_at);
end;
$$;

comment on function private.request_privacy_action(text, text) is 'Internal: see public.request_privacy_action.';

create or replace function public.request_privacy_action(p_kind text, p_details text default null) returns jsonb
language sql
volatile
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.request_privacy_action(p_kind, p_details)
$$;

comment on function public.request_privacy_action(text, text) is
'File a privacy request about yourself: p_kind access, portability, rectification or erasure; optional p_details '
'(at most 2000 characters). Answered within 30 days (due_at). Returns {id, kind, status, requested_at, due_at}. '
'22023 bad kind or details, 42501 not signed in, 23505 an open request of that kind exists.';

-- withdraw_privacy_request ------------------------------------------------------------------------

create or replace function private.withdraw_privacy_request(p_request_id uuid) returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_req public.privacy_requests%rowtype;
begin
  if p_request_id is null then
    raise exception using errcode = '22023', message = 'p_request_id is required';
  end if;
  select r.* into v_req from public.privacy_requests as r
  where r.id = p_request_id and r.user_id = (select private.current_user_id())
  for update;
  if not found then
    raise exception using errcode = 'P0002', message = 'privacy request not found',
      hint = 'Check p_request_id: one of your own requests.';
  end if;
  if v_req.status <> 'open' then
    raise exception using errcode = '23505', message = 'the privacy request is already closed';
  end if;
  update public.privacy_requests as r set status = 'withdrawn', closed_at = pg_catalog.now(),
    closed_by = v_req.user_id
  where r.id = p_request_id;
  perform private.record_audit_event('privacy.request_withdrawn', 'privacy_requests', v_req.id,
    v_req.organization_id, pg_catalog.jsonb_build_object('kind', v_req.kind), 'info', true);
end;
$$;

comment on function private.withdraw_privacy_request(uuid) is 'Internal: see public.withdraw_privacy_request.';

create or replace function public.withdraw_privacy_request(p_request_id uuid) returns void
language sql
volatile
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.withdraw_privacy_request(p_request_id)
$$;

comment on function public.withdraw_privacy_request(uuid) is
'Withdraw one of your open privacy requests. 22023 no id, P0002 not one of yours, 23505 already closed.';

-- close_privacy_request -----------------------------------------------------------------------------

create or replace function private.close_privacy_request(p_request_id uuid, p_status text, p_resolution text)
returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_req public.privacy_requests%rowtype;
  v_officer_org uuid := (select private.compliance_org_id());
  v_super boolean := (select private.is_super_admin());
begin
  if p_request_id is null then
    raise exception using errcode = '22023', message = 'p_request_id is required';
  end if;
  if p_status is null or p_status not in ('completed', 'refused') then
    raise exception using errcode = '22023', message = 'p_status must be completed or refused';
  end if;
  if p_resolution is not null and pg_catalog.char_length(p_resolution) > 2000 then
    raise exception using errcode = '22023', message = 'p_resolution must be at most 2000 characters';
  end if;
  if p_status = 'refused' and coalesce(pg_catalog.btrim(p_resolution), '') = '' then
    raise exception using errcode = '22023', message = 'p_resolution is required to refuse a request',
      hint = 'State the reason and the provision of the law it rests on.';
  end if;
  if v_officer_org is null and not v_super then
    raise exception using errcode = '42501',
      message = 'only a compliance officer or a super admin may close privacy requests';
  end if;
  select r.* into v_req from public.privacy_requests as r
  where r.id = p_request_id and (v_super or r.organization_id = v_officer_org)
  for update;
  if not found then
    raise exception using errcode = 'P0002', message = 'privacy request not found',
      hint = 'Check p_request_id: a request of your organization.';
  end if;
  if v_req.status <> 'open' then
    raise exception using errcode = '23505', message = 'the privacy request is already closed';
  end if;
  update public.privacy_requests as r
  set status = p_status, closed_at = pg_catalog.now(), closed_by = (select private.current_user_id()),
      resolution = nullif(pg_catalog.btrim(p_resolution), '')
  where r.id = p_request_id;
  insert into public.notifications (user_id, type, title, message, priority, link_url)
  select v_req.user_id, 'system', 'Your privacy request was answered',
    pg_catalog.format('Your %s request is %s.', v_req.kind, p_status), 'high', '/privacy/requests'
  from public.profiles as p where p.id = v_req.user_id and p.erased_at is null;
  perform private.record_audit_event('privacy.request_closed', 'privacy_requests', v_req.id,
    v_req.organization_id, pg_catalog.jsonb_build_object('kind', v_req.kind, 'status', p_status,
      'overdue', pg_catalog.now() > v_req.due_at), 'info', true);
end;
$$;

comment on function private.close_privacy_request(uuid, text, text) is 'Internal: see public.close_privacy_request.';

create or replace function public.close_privacy_request(
  p_request_id uuid, p_status text, p_resolution text default null
) returns void
language sql
volatile
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.close_privacy_request(p_request_id, p_status, p_resolution)
$$;

comment on function public.close_privacy_request(uuid, text, text) is
'Close an open privacy request of your organization (compliance officer) or any (super admin): p_status completed '
'or refused (a refusal needs p_resolution). The person is notified. 22023 bad input, 42501 not an officer, P0002 '
'not found or another organization''s, 23505 already closed.';

-- The reminder job --------------------------------------------------------------------------------

create or replace function private.remind_privacy_requests(at_time timestamptz default pg_catalog.now())
returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_req record;
  v_count integer := 0;
begin
  if at_time is null then
    raise exception using errcode = '22023', message = 'at_time must not be null', hint = 'Omit it to use now().';
  end if;
  for v_req in
    update public.privacy_requests as r set reminded_at = at_time
    where r.status = 'open' and r.reminded_at is null and r.due_at <= at_time + interval '7 days'
    returning r.id, r.kind, r.organization_id, r.due_at
  loop
    perform private.notify_privacy_officers(v_req.organization_id,
      case when v_req.due_at <= at_time then 'Privacy request overdue' else 'Privacy request due soon' end,
      pg_catalog.format('A %s request is due by %s: answer it or record why not.', v_req.kind,
        pg_catalog.to_char(v_req.due_at at time zone 'UTC', 'YYYY-MM-DD')), 'urgent');
    v_count := v_count + 1;
  end loop;
  return v_count;
end;
$$;

comment on function private.remind_privacy_requests(timestamptz) is
'Job remind-privacy-requests: open requests due within 7 days of at_time (or overdue) are notified to the '
'officers once (reminded_at); returns how many requests.';

revoke all on function
  private.request_privacy_action(text, text), public.request_privacy_action(text, text),
  private.withdraw_privacy_request(uuid), public.withdraw_privacy_request(uuid),
  private.close_privacy_request(uuid, text, text), public.close_privacy_request(uuid, text, text),
  private.remind_privacy_requests(timestamptz)
from public, anon, authenticated, service_role;
grant execute on function
  private.request_privacy_action(text, text), public.request_privacy_action(text, text),
  private.withdraw_privacy_request(uuid), public.withdraw_privacy_request(uuid),
  private.close_privacy_request(uuid, text, text), public.close_privacy_request(uuid, text, text)
to authenticated;
