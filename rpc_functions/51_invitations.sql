/*
  Invitations (table: migrations/031_invitations_members.sql).

    invite_member(p_email, p_role, p_team_id)   org admins: invites an address into their organization
                                                with an organization-scoped role (org_admin, learner,
                                                viewer, guest) and optionally a team; reserves a seat;
                                                returns the token ONCE (stored only as its SHA-256),
                                                valid 7 days.
    revoke_invitation(p_invitation_id)          org admins: a pending invitation dies, its seat frees.
    reissue_invitation(p_invitation_id)         org admins: a new token (the old one dies), 7 more days;
                                                an expired invitation comes back if a seat is free.
    accept_invitation(p_token)                  a signed-in user whose CONFIRMED email is the invited
                                                address joins; anyone else: not found.

  Rules chosen:
  - One pending invitation per address across organizations (an address
    joins one organization). An invitation past its expiry is marked expired
    (its seat freed) before a new invitation of the same address is checked,
    so an expired invitation never blocks a re-invite.
  - Errors never name the address: a client may show them as they are.
  - A seat is reserved when inviting: seats taken = assigned + active +
    reserved, never past seat_count ("no seat is free", 23505).
  - Joining consumes the invitation once: the invitation row is locked, and a
    second acceptance at the same moment finds it accepted (by the same user:
    the same answer; by anyone else: not found).
  - A wrong address, an unknown token and another organization's invitation
    are all P0002 'invitation not found': the token is no oracle.
*/

create or replace function private.invitation_token_hash(p_token text) returns bytea
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select pg_catalog.sha256(pg_catalog.convert_to(p_token, 'UTF8'))
$$;

comment on function private.invitation_token_hash(text) is
'Internal: the SHA-256 an invitation token is stored as.';

-- 64 hex characters from two v4 uuids (pg_strong_random): 244 random bits.
create or replace function private.new_invitation_token() returns text
language sql
volatile
set search_path = pg_catalog, pg_temp
as $$
  select pg_catalog.replace(pg_catalog.gen_random_uuid()::text || pg_catalog.gen_random_uuid()::text, '-', '')
$$;

comment on function private.new_invitation_token() is 'Internal: a new random invitation token.';

-- Pending invitations past their expiry become expired, their seats freed.
create or replace function private.expire_invitations(p_email text default null) returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_count integer;
begin
  with expired as (
    update public.invitations as i
    set status = 'expired'
    where i.status = 'pending' and i.expires_at <= pg_catalog.now() and (p_email is null or i.email = p_email)
    returning i.seat_id, i.email
  )
  update public.subscription_seats as ss
  set assigned_to_email = null, assigned_at = null, assigned_by = null, status = 'available'
  from expired as e
  where ss.id = e.seat_id and ss.assigned_to_user_id is null and ss.assigned_to_email = e.email;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;

comment on function private.expire_invitations(text) is
'Internal: marks pending invitations past their expiry expired (of one address, or all) and frees their seats.';

-- Reserves a free seat of the organization's subscription for an address; the caller holds the subscription lock.
create or replace function private.reserve_seat(p_organization_id uuid, p_email text) returns uuid
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_sub public.subscriptions%rowtype;
  v_taken integer;
  v_seat uuid;
begin
  select s.* into v_sub from public.subscriptions as s where s.organization_id = p_organization_id for update;
  if not found then
    raise exception using errcode = 'P0002', message = 'your organization has no subscription',
      hint = 'Subscribe to a plan with seats first.';
  end if;
  select count(*)::integer into v_taken from public.subscription_seats as ss
  where ss.subscription_id = v_sub.id
    and (ss.status in ('assigned', 'active') or (ss.status = 'available' and ss.assigned_to_email is not null));
  if v_taken >= v_sub.seat_count then
    raise exception using errcode = '23505',
      message = pg_catalog.format('no seat is free: all %s seats are assigned or reserved', v_sub.seat_count),
      hint = 'Revoke a seat or an invitation, or buy more seats.';
  end if;
  select ss.id into v_seat from public.subscription_seats as ss
  where ss.subscription_id = v_sub.id and ss.status = 'available' and ss.assigned_to_email is null
    and not exists (select from public.profiles as p where p.seat_id = ss.id)
  order by ss.created_at, ss.id
  limit 1
  for update;
  if v_seat is null then
    insert into public.subscription_seats (subscription_id, organization_id, status)
    values (v_sub.id, p_organization_id, 'available')
    returning id into v_seat;
  end if;
  update public.subscription_seats as ss
  set assigned_to_email = p_email, assigned_at = pg_catalog.now(), assigned_by = (select auth.uid())
  where ss.id = v_seat;
  return v_seat;
end;
$$;

comment on function private.reserve_seat(uuid, text) is
'Internal: reserves a free seat of the organization''s subscription for an invited address (23505 none free).';

-- The caller's organization as an org admin, else 42501.
create or replace function private.admin_org_or_raise(p_action text) returns uuid
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if not (select private.is_org_admin()) or (select private.current_org_id()) is null then
    raise exception using errcode = '42501',
      message = pg_catalog.format('only an organization admin may %s', p_action),
      hint = 'Ask an org_admin of your organization.';
  end if;
  return (select private.current_org_id());
end;
$$;

comment on function private.admin_org_or_raise(
    text
) is 'Internal: the caller''s organization if an org admin, else 42501.';

-- invite_member ----------------------------------------------------------------------------

create or replace function private.invite_member(p_email text, p_role text, p_team_id uuid) returns jsonb
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_email text := pg_catalog.lower(pg_catalog.btrim(p_email));
  v_org uuid;
  v_profile public.profiles%rowtype;
  v_seat uuid;
  v_token text := private.new_invitation_token();
  v_inv public.invitations%rowtype;
begin
  if v_email is null or pg_catalog.length(v_email) > 320 or v_email !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'
  then
    raise exception using errcode = '22023', message = 'p_email must be an email address';
  end if;
  if p_role is null or p_role not in ('org_admin', 'learner', 'viewer', 'guest') then
    raise exception using errcode = '22023', message = 'p_role must be one of org_admin, learner, viewer, guest',
      hint = 'Other roles are granted by a super admin.';
  end if;
  v_org := private.admin_org_or_raise('invite members');
  if p_team_id is not null
    and not exists (select from public.teams as t where t.id = p_team_id and t.organization_id = v_org) then
    raise exception using errcode = 'P0002', message = 'team not found',
      hint = 'Check p_team_id: a team of your organization, or null.';
  end if;

  -- The subscription row is the lock every seat change of the organization takes.
  perform from public.subscriptions as s where s.organization_id = v_org for update;
  perform private.expire_invitations(v_email);

  select p.* into v_profile from public.profiles as p
  where pg_catalog.lower(p.email) = v_email and p.deleted_at is null;
  if v_profile.organization_id = v_org then
    raise exception using errcode = '23505', message = 'this address is already a member of your organization';
  elsif v_profile.organization_id is not null then
    raise exception using errcode = '23505', message = 'this address belongs to another organization',
      hint = 'They must leave it before they can be invited.';
  end if;
  if exists (select from public.invitations as i where i.email = v_email and i.status = 'pending') then
    raise exception using errcode = '23505', message = 'this address already has a pending invitation',
      hint = 'Reissue or revoke the pending invitation.';
  end if;

  v_seat := private.reserve_seat(v_org, v_email);
  begin
    insert into public.invitations (organization_id, email, role, team_id, seat_id, token_hash, expires_at, invited_by)
    values (v_org, v_email, p_role, p_team_id, v_seat, private.invitation_token_hash(v_token),
      pg_catalog.now() + interval '7 days', (select auth.uid()))
    returning * into v_inv;
  exception when unique_violation then
    -- Another organization invited the same address at the same moment.
    raise exception using errcode = '23505', message = 'this address already has a pending invitation',
      hint = 'Reissue or revoke the pending invitation.';
  end;
  perform private.sync_seats_used(s.id) from public.subscriptions as s where s.organization_id = v_org;
  perform private.record_audit_event('invitation.created', 'invitations', v_inv.id, v_org,
    pg_catalog.jsonb_build_object('role', p_role, 'team_id', p_team_id), 'info', true);

  return pg_catalog.jsonb_build_object('invitation_id', v_inv.id, 'token', v_token, 'expires_at', v_inv.expires_at);
end;
$$;

create or replace function public.invite_member(
    p_email text, p_role text default 'learner', p_team_id uuid default null
)
returns jsonb
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.invite_member(p_email, p_role, p_team_id)
$$;

comment on function public.invite_member(text, text, uuid) is
'Org admins: invite an email address into their organization with a role (org_admin, learner, viewer, guest) and '
'an optional team; reserves a seat. Returns {invitation_id, token, expires_at}: the token is shown once (send it '
'in the invitation link). Errors: 22023 bad input, 42501 not an org admin, P0002 team not found or no '
'subscription, 23505 no seat free, already a member, member of another organization, or a pending invitation.';

-- revoke_invitation ------------------------------------------------------------------------

create or replace function private.own_pending_invitation(p_invitation_id uuid, p_action text)
returns public.invitations
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_org uuid;
  v_inv public.invitations%rowtype;
begin
  if p_invitation_id is null then
    raise exception using errcode = '22023', message = 'p_invitation_id is required';
  end if;
  v_org := private.admin_org_or_raise(p_action);
  perform from public.subscriptions as s where s.organization_id = v_org for update;
  select i.* into v_inv from public.invitations as i
  where i.id = p_invitation_id and i.organization_id = v_org
  for update;
  if not found then
    raise exception using errcode = 'P0002', message = 'invitation not found',
      hint = 'Check p_invitation_id: an invitation of your organization.';
  end if;
  return v_inv;
end;
$$;

comment on function private.own_pending_invitation(uuid, text) is
'Internal: an invitation of the caller''s organization (org admins), locked with the subscription.';

create or replace function private.revoke_invitation(p_invitation_id uuid) returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_inv public.invitations%rowtype;
begin
  v_inv := private.own_pending_invitation(p_invitation_id, 'revoke invitations');
  if v_inv.status <> 'pending' then
    raise exception using errcode = '22023',
      message = pg_catalog.format('the invitation is not pending (status %s)', v_inv.status);
  end if;
  update public.invitations as i set status = 'revoked' where i.id = v_inv.id;
  update public.subscription_seats as ss
  set assigned_to_email = null, assigned_at = null, assigned_by = null, status = 'available'
  where ss.id = v_inv.seat_id and ss.assigned_to_user_id is null and ss.assigned_to_email = v_inv.email;
  perform private.record_audit_event('invitation.revoked', 'invitations', v_inv.id, v_inv.organization_id, null,
    'info', true);
end;
$$;

create or replace function public.revoke_invitation(p_invitation_id uuid) returns void
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.revoke_invitation(p_invitation_id)
$$;

comment on function public.revoke_invitation(uuid) is
'Org admins: revoke a pending invitation of their organization (its token dies, its seat frees). Errors: 22023 '
'not pending, 42501 not an org admin, P0002 not found (another organization''s alike).';

-- reissue_invitation -----------------------------------------------------------------------

create or replace function private.reissue_invitation(p_invitation_id uuid) returns jsonb
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_inv public.invitations%rowtype;
  v_token text := private.new_invitation_token();
  v_seat uuid;
begin
  v_inv := private.own_pending_invitation(p_invitation_id, 'reissue invitations');
  perform private.expire_invitations(v_inv.email);
  select i.* into v_inv from public.invitations as i where i.id = v_inv.id;
  if v_inv.status not in ('pending', 'expired') then
    raise exception using errcode = '22023',
      message = pg_catalog.format('the invitation cannot be reissued (status %s)', v_inv.status),
      hint = 'Invite the address again.';
  end if;
  v_seat := v_inv.seat_id;
  if v_inv.status = 'expired' then
    if exists (select from public.invitations as i where i.email = v_inv.email and i.status = 'pending') then
      raise exception using errcode = '23505', message = 'this address already has a pending invitation';
    end if;
    if exists (select from public.profiles as p where pg_catalog.lower(p.email) = v_inv.email
        and p.organization_id is not null and p.deleted_at is null) then
      raise exception using errcode = '23505', message = 'this address already belongs to an organization';
    end if;
    v_seat := private.reserve_seat(v_inv.organization_id, v_inv.email);
  end if;
  update public.invitations as i
  set token_hash = private.invitation_token_hash(v_token), expires_at = pg_catalog.now() + interval '7 days',
      status = 'pending', seat_id = v_seat
  where i.id = v_inv.id
  returning * into v_inv;
  perform private.sync_seats_used(s.id) from public.subscriptions as s where s.organization_id = v_inv.organization_id;
  perform private.record_audit_event('invitation.reissued', 'invitations', v_inv.id, v_inv.organization_id, null,
    'info', true);
  return pg_catalog.jsonb_build_object('invitation_id', v_inv.id, 'token', v_token, 'expires_at', v_inv.expires_at);
end;
$$;

create or replace function public.reissue_invitation(p_invitation_id uuid) returns jsonb
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.reissue_invitation(p_invitation_id)
$$;

comment on function public.reissue_invitation(uuid) is
'Org admins: a new token for a pending (or expired) invitation of their organization, valid 7 days; the old token '
'dies. Returns {invitation_id, token, expires_at}. Errors: 22023 accepted or revoked, 42501 not an org admin, '
'P0002 not found, 23505 no seat free or the address is taken meanwhile.';

-- Joining ------------------------------------------------------------------------------------

-- Consumes a pending invitation for a user: organization, team, role and the
-- reserved seat. Returns false when there is nothing to do (already consumed,
-- or the user belongs to another organization).
create or replace function private.join_invitation(p_invitation_id uuid, p_user_id uuid) returns boolean
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_inv public.invitations%rowtype;
  v_profile public.profiles%rowtype;
  v_sub_id uuid;
  v_seat public.subscription_seats%rowtype;
begin
  select s.id into v_sub_id from public.subscriptions as s
  where s.organization_id = (select i.organization_id from public.invitations as i where i.id = p_invitation_id)
  for update;
  select i.* into v_inv from public.invitations as i where i.id = p_invitation_id for update;
  if not found or v_inv.status <> 'pending' or v_inv.expires_at <= pg_catalog.now() then
    return false;
  end if;
  select p.* into v_profile from public.profiles as p where p.id = p_user_id for update;
  if not found or v_profile.deleted_at is not null
    or (v_profile.organization_id is not null and v_profile.organization_id <> v_inv.organization_id) then
    return false;
  end if;

  select ss.* into v_seat from public.subscription_seats as ss
  where ss.id = v_inv.seat_id and ss.assigned_to_user_id is null and ss.assigned_to_email = v_inv.email
  for update;
  if found and v_profile.seat_id is null then
    update public.subscription_seats as ss
    set assigned_to_user_id = p_user_id, assigned_at = pg_catalog.now(), team_id = v_inv.team_id,
        status = case when ss.status = 'suspended' then 'suspended' else 'assigned' end
    where ss.id = v_seat.id;
  elsif found then
    -- The user already holds a seat: the reservation is released.
    update public.subscription_seats as ss
    set assigned_to_email = null, assigned_at = null, assigned_by = null, status = 'available'
    where ss.id = v_seat.id;
    v_seat := null;
  end if;

  update public.profiles as p
  set organization_id = v_inv.organization_id,
      team_id = coalesce(v_inv.team_id, case when p.organization_id = v_inv.organization_id then p.team_id end),
      role = case when p.role in ('org_admin', 'learner', 'viewer', 'guest') then v_inv.role else p.role end,
      seat_id = case when v_seat.id is not null and p.seat_id is null then v_seat.id else p.seat_id end
  where p.id = p_user_id;

  update public.invitations as i set status = 'accepted', accepted_by = p_user_id, accepted_at = pg_catalog.now()
  where i.id = v_inv.id;
  if v_sub_id is not null then
    perform private.sync_seats_used(v_sub_id);
  end if;
  perform private.sync_member_tiers(v_inv.organization_id, p_user_id);
  return true;
end;
$$;

comment on function private.join_invitation(uuid, uuid) is
'Internal: consumes a pending invitation for a user (organization, team, role, reserved seat); false when there is '
'nothing to do. Called by accept_invitation and the auth.users confirmation trigger.';

create or replace function private.accept_invitation(p_token text) returns jsonb
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_uid uuid := (select auth.uid());
  v_email text;
  v_confirmed timestamptz;
  v_inv public.invitations%rowtype;
  v_org uuid;
begin
  if p_token is null or p_token !~ '^[0-9a-f]{64}$' then
    raise exception using errcode = '22023', message = 'p_token must be the 64-character token of the invitation link';
  end if;
  select pg_catalog.lower(u.email), u.email_confirmed_at into v_email, v_confirmed
  from auth.users as u where u.id = v_uid;
  if v_uid is null or v_email is null then
    raise exception using errcode = '42501', message = 'sign in to accept an invitation';
  end if;
  if v_confirmed is null then
    raise exception using errcode = '42501', message = 'confirm your email address first',
      hint = 'Open the confirmation link sent to your address, then accept the invitation.';
  end if;

  select i.* into v_inv from public.invitations as i
  where i.token_hash = private.invitation_token_hash(p_token) and i.email = v_email;
  if not found then
    raise exception using errcode = 'P0002', message = 'invitation not found',
      hint = 'Use the latest invitation link sent to the address you signed in with.';
  end if;
  if v_inv.status = 'pending' and v_inv.expires_at > pg_catalog.now() then
    select p.organization_id into v_org from public.profiles as p where p.id = v_uid;
    if v_org is not null and v_org <> v_inv.organization_id then
      raise exception using errcode = '23505', message = 'you already belong to an organization',
        hint = 'Leave it first (leave_organization), then accept.';
    end if;
    perform private.join_invitation(v_inv.id, v_uid);
    select i.* into v_inv from public.invitations as i where i.id = v_inv.id;
  end if;
  if v_inv.status = 'accepted' and v_inv.accepted_by = v_uid then
    return pg_catalog.jsonb_build_object('organization_id', v_inv.organization_id, 'team_id', v_inv.team_id,
      'role', v_inv.role);
  elsif v_inv.status = 'accepted' then
    raise exception using errcode = 'P0002', message = 'invitation not found',
      hint = 'Use the latest invitation link sent to the address you signed in with.';
  elsif v_inv.status = 'pending' then
    raise exception using errcode = '22023', message = 'the invitation has expired',
      hint = 'Ask your organization admin to reissue it.';
  end if;
  raise exception using errcode = '22023', message = pg_catalog.format('the invitation is no longer valid (%s)',
    v_inv.status), hint = 'Ask your organization admin for a new invitation.';
end;
$$;

create or replace function public.accept_invitation(p_token text) returns jsonb
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.accept_invitation(p_token)
$$;

comment on function public.accept_invitation(text) is
'Signed-in users with a confirmed email: accept the invitation of that address (the token from the link). Lands in '
'the invitation''s organization, team and role with its reserved seat; accepting again answers the same. Returns '
'{organization_id, team_id, role}. Errors: 22023 bad token, expired, revoked; 42501 email not confirmed; P0002 '
'not found (unknown token, another address); 23505 already in another organization.';

-- Grants ---------------------------------------------------------------------------------------

revoke all on function
  private.invitation_token_hash(text),
  private.new_invitation_token(),
  private.expire_invitations(text),
  private.reserve_seat(uuid, text),
  private.admin_org_or_raise(text),
  private.invite_member(text, text, uuid),
  public.invite_member(text, text, uuid),
  private.own_pending_invitation(uuid, text),
  private.revoke_invitation(uuid),
  public.revoke_invitation(uuid),
  private.reissue_invitation(uuid),
  public.reissue_invitation(uuid),
  private.join_invitation(uuid, uuid),
  private.accept_invitation(text),
  public.accept_invitation(text)
from public, anon, authenticated;
grant execute on function
  private.invite_member(text, text, uuid),
  public.invite_member(text, text, uuid),
  private.revoke_invitation(uuid),
  public.revoke_invitation(uuid),
  private.reissue_invitation(uuid),
  public.reissue_invitation(uuid),
  private.accept_invitation(text),
  public.accept_invitation(text)
to authenticated;
