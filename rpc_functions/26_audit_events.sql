/*
  Audit events from server code: the one way a server (Stripe webhooks,
  ingestion workers, Edge Functions) appends to the audit trail. No API role
  inserts into audit_logs (rls_policies/audit_logs.sql): a direct insert
  could name any user_id and any timestamp.

    private.record_audit_event(...)   SECURITY DEFINER: stamps the time (the
                                      column's default, now()), takes the
                                      actor from the JWT (its user's profile,
                                      else its role claim: service_role),
                                      the request's address and user agent,
                                      and redacts Stripe ids, payment details
                                      and amounts in p_changes at every depth
                                      (private.audit_redacted, 028: billing
                                      keys, and Stripe ids by their shape).
                                      A service_role JWT's row says
                                      user_role service_role, with the user
                                      its sub names, if any.
    public.record_audit_event(...)    thin SECURITY INVOKER wrapper, because
                                      supabase-js' rpc() reaches only the
                                      exposed schema.
  Both are executable by service_role only: a client cannot call either
  (anon and authenticated have no EXECUTE), so a signed-in user cannot fill
  the trail with events in their name.
*/

create or replace function private.record_audit_event(
  p_action text,
  p_resource_type text,
  p_resource_id uuid default null,
  p_organization_id uuid default null,
  p_changes jsonb default null,
  p_severity text default 'info',
  p_compliance_relevant boolean default false
) returns uuid
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  actor record;
  request record;
  new_id uuid;
begin
  if p_action is null or p_action !~ '^[a-z][a-z0-9_.]{0,62}$' then
    raise exception using
      errcode = '22023',
      message = 'p_action must be 1 to 63 lower-case letters, digits, dots or underscores',
      hint = 'For example stripe.invoice_paid.';
  end if;
  if p_resource_type is null or p_resource_type !~ '^[a-z][a-z0-9_]{0,62}$' then
    raise exception using
      errcode = '22023',
      message = 'p_resource_type must be 1 to 63 lower-case letters, digits or underscores',
      hint = 'Name the table or kind of object, for example invoices.';
  end if;
  if p_severity is null or p_severity not in ('info', 'warning', 'critical') then
    raise exception using errcode = '22023', message = 'p_severity must be info, warning or critical';
  end if;
  if p_changes is not null and pg_catalog.jsonb_typeof(p_changes) <> 'object' then
    raise exception using errcode = '22023', message = 'p_changes must be a JSON object or null';
  end if;
  if p_compliance_relevant is null then
    raise exception using errcode = '22023', message = 'p_compliance_relevant must be true or false';
  end if;
  if p_organization_id is not null
    and not exists (select 1 from public.organizations as o where o.id = p_organization_id) then
    raise exception using errcode = 'P0002', message = 'organization not found', hint = 'Check p_organization_id.';
  end if;

  select * into actor from private.audit_actor();
  select * into request from private.audit_request();

  insert into public.audit_logs (
    user_id, user_email, user_role, action, resource_type, resource_id,
    ip_address, user_agent, changes, organization_id, severity, compliance_relevant
  ) values (
    actor.actor_id, actor.actor_email, actor.actor_role, p_action, p_resource_type, p_resource_id,
    request.ip, request.agent, private.audit_redacted(p_changes), p_organization_id, p_severity,
    p_compliance_relevant
  )
  returning id into new_id;
  return new_id;
end;
$$;

comment on function private.record_audit_event(text, text, uuid, uuid, jsonb, text, boolean) is
'Server code''s audit event: appends one audit_logs row stamped now(), actor from the JWT, secrets redacted; '
'returns its id. service_role only.';

create or replace function public.record_audit_event(
  p_action text,
  p_resource_type text,
  p_resource_id uuid default null,
  p_organization_id uuid default null,
  p_changes jsonb default null,
  p_severity text default 'info',
  p_compliance_relevant boolean default false
) returns uuid
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.record_audit_event(
    p_action, p_resource_type, p_resource_id, p_organization_id, p_changes, p_severity, p_compliance_relevant
  )
$$;

comment on function public.record_audit_event(text, text, uuid, uuid, jsonb, text, boolean) is
'Server side only (service_role): appends an event to the audit trail, stamped with the current time and the '
'JWT''s actor; Stripe ids, payment details and amounts anywhere in p_changes (nested objects and arrays, ids by '
'their shape) are stored as "[redacted]". Returns the row id. '
'22023 bad input, P0002 unknown organization.';

revoke all on function
  private.record_audit_event(text, text, uuid, uuid, jsonb, text, boolean),
  public.record_audit_event(text, text, uuid, uuid, jsonb, text, boolean)
from public, anon, authenticated;
grant execute on function
  private.record_audit_event(text, text, uuid, uuid, jsonb, text, boolean),
  public.record_audit_event(text, text, uuid, uuid, jsonb, text, boolean)
to service_role;
