/*
  Seats: an org_admin assigns their organization's subscription seats to
  members and takes them back.

  Clients cannot write subscription_seats (rls_policies/subscription_seats.sql):
  a seat, the member's profiles.seat_id and the subscription's seats_used
  change together, here, in security definer functions behind security
  invoker wrappers. The subscription row is locked while seats are counted,
  so two concurrent assignments cannot both take the last seat, and
  seats_used is recounted from the seats rather than incremented, so it stays
  in step. Errors: 22023 invalid parameter, 42501 not allowed, P0002 not
  found, 23505 conflict (seat taken, user already seated, no seats left).
*/

-- Recount a subscription's assigned seats into seats_used. The table's check
-- (seats_used <= seat_count) is the last line of defence.
create or replace function private.sync_seats_used(p_subscription_id uuid) returns integer
language sql
security definer
set search_path = pg_catalog, pg_temp
as $$
  update public.subscriptions as s
  set seats_used = (
    select count(*)::integer
    from public.subscription_seats as ss
    where ss.subscription_id = s.id and ss.status in ('assigned', 'active')
  )
  where s.id = p_subscription_id
  returning s.seats_used
$$;

comment on function private.sync_seats_used(uuid) is
'Sets subscriptions.seats_used to the number of assigned or active seats of the subscription.';

revoke all on function private.sync_seats_used(uuid) from public, anon, authenticated;

-- The seat an org_admin acts on: the caller must be an org_admin and the seat
-- one of their organization's. Locks the subscription, then the seat, so
-- concurrent assignments and revocations of its seats queue here.
create or replace function private.lock_own_org_seat(p_seat_id uuid, p_action text)
returns public.subscription_seats
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_seat public.subscription_seats%rowtype;
begin
  if not (select private.is_org_admin()) or (select private.current_org_id()) is null then
    raise exception using errcode = '42501',
      message = pg_catalog.format('only an organization admin may %s seats', p_action),
      hint = 'Ask an org_admin of your organization.';
  end if;

  -- Another organization's seat is not found, exactly like an unknown id.
  select ss.* into v_seat from public.subscription_seats as ss
  where ss.id = p_seat_id and ss.organization_id = (select private.current_org_id());
  if not found then
    raise exception using errcode = 'P0002', message = 'seat not found',
      hint = pg_catalog.format('Check p_seat_id: an org_admin may %s only their own organization''s seats.', p_action);
  end if;

  perform from public.subscriptions as s where s.id = v_seat.subscription_id for update;
  select ss.* into v_seat from public.subscription_seats as ss where ss.id = p_seat_id for update;
  return v_seat;
end;
$$;

comment on function private.lock_own_org_seat(uuid, text) is
'Internal: the caller''s organization''s seat, locked with its subscription; 42501 not an org admin, P0002 any '
'other seat.';

revoke all on function private.lock_own_org_seat(uuid, text) from public, anon, authenticated;

-- assign_seat ---------------------------------------------------------------------

create or replace function private.assign_seat(p_seat_id uuid, p_user_id uuid) returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_seat public.subscription_seats%rowtype;
  v_sub public.subscriptions%rowtype;
  v_user public.profiles%rowtype;
  v_taken integer;
begin
  if p_seat_id is null or p_user_id is null then
    raise exception using errcode = '22023', message = 'p_seat_id and p_user_id are required',
      hint = 'Pass a seat of your organization and one of its members.';
  end if;
  v_seat := private.lock_own_org_seat(p_seat_id, 'assign');

  -- Someone outside the organization is not found, exactly like an unknown id.
  select p.* into v_user from public.profiles as p
  where p.id = p_user_id and p.deleted_at is null and p.organization_id = v_seat.organization_id;
  if not found then
    raise exception using errcode = 'P0002', message = 'user not found',
      hint = 'Check p_user_id: seats go to members of your organization.';
  end if;

  select s.* into v_sub from public.subscriptions as s where s.id = v_seat.subscription_id;

  if v_seat.assigned_to_user_id = p_user_id and v_seat.status in ('assigned', 'active') then
    return; -- already this user's seat: nothing to do
  end if;
  if v_seat.status <> 'available' then
    raise exception using errcode = '23505',
      message = pg_catalog.format('seat is not available (status %s)', v_seat.status),
      hint = 'Revoke it first, or pick an available seat.';
  end if;
  if v_seat.assigned_to_email is not null then
    raise exception using errcode = '23505', message = 'seat is reserved for an invitation',
      hint = 'Pick another seat, or revoke the invitation.';
  end if;
  if v_user.seat_id is not null and v_user.seat_id <> p_seat_id then
    raise exception using errcode = '23505', message = 'the user already holds a seat',
      hint = 'Revoke the user''s current seat first.';
  end if;

  -- Seats reserved for invitations are taken too.
  select count(*)::integer into v_taken
  from public.subscription_seats as ss
  where ss.subscription_id = v_sub.id
    and (ss.status in ('assigned', 'active') or (ss.status = 'available' and ss.assigned_to_email is not null));
  if v_taken >= v_sub.seat_count then
    raise exception using errcode = '23505',
      message = pg_catalog.format('all %s seats of the subscription are in use', v_sub.seat_count),
      hint = 'Revoke a seat or buy more seats.';
  end if;

  update public.subscription_seats as ss
  set assigned_to_user_id = p_user_id,
      assigned_to_email = v_user.email,
      assigned_by = (select auth.uid()),
      assigned_at = pg_catalog.now(),
      status = 'assigned'
  where ss.id = p_seat_id;

  update public.profiles as p set seat_id = p_seat_id where p.id = p_user_id;

  perform private.sync_seats_used(v_sub.id);
  perform private.sync_member_tiers(v_seat.organization_id, p_user_id);
end;
$$;

create or replace function public.assign_seat(p_seat_id uuid, p_user_id uuid) returns void
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.assign_seat(p_seat_id, p_user_id)
$$;

comment on function public.assign_seat(uuid, uuid) is
'Org admins: assign an available seat of their organization to a member, never past the subscription''s '
'seat_count. Errors: 22023 bad input, 42501 not an org admin, P0002 seat or user not found (another '
'organization''s seat or member alike), 23505 seat taken, user already seated or no seats left.';

revoke all on function private.assign_seat(uuid, uuid) from public, anon, authenticated;
revoke all on function public.assign_seat(uuid, uuid) from public, anon, authenticated;
grant execute on function private.assign_seat(uuid, uuid) to authenticated;
grant execute on function public.assign_seat(uuid, uuid) to authenticated;

-- revoke_seat ---------------------------------------------------------------------

create or replace function private.revoke_seat(p_seat_id uuid) returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_seat public.subscription_seats%rowtype;
begin
  if p_seat_id is null then
    raise exception using errcode = '22023', message = 'p_seat_id is required',
      hint = 'Pass a seat of your organization.';
  end if;
  v_seat := private.lock_own_org_seat(p_seat_id, 'revoke');
  if v_seat.status = 'available' then
    raise exception using errcode = '22023', message = 'the seat is not assigned',
      hint = 'Nothing to revoke (a seat reserved for an invitation frees with revoke_invitation).';
  end if;
  if v_seat.assigned_to_user_id is null and v_seat.assigned_to_email is not null then
    raise exception using errcode = '22023', message = 'the seat is reserved for an invitation',
      hint = 'Revoke the invitation instead.';
  end if;

  update public.profiles as p set seat_id = null where p.seat_id = p_seat_id;

  update public.subscription_seats as ss
  set assigned_to_user_id = null,
      assigned_to_email = null,
      assigned_by = null,
      assigned_at = null,
      status = 'available'
  where ss.id = p_seat_id;

  perform private.sync_seats_used(v_seat.subscription_id);
  if v_seat.assigned_to_user_id is not null then
    perform private.sync_member_tiers(v_seat.organization_id, v_seat.assigned_to_user_id);
  end if;
end;
$$;

create or replace function public.revoke_seat(p_seat_id uuid) returns void
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.revoke_seat(p_seat_id)
$$;

comment on function public.revoke_seat(uuid) is
'Org admins: take back a seat of their organization (clears the holder''s profiles.seat_id, recounts seats_used). '
'Errors: 22023 bad input or seat not assigned, 42501 not an org admin, P0002 seat not found (another '
'organization''s seat alike).';

revoke all on function private.revoke_seat(uuid) from public, anon, authenticated;
revoke all on function public.revoke_seat(uuid) from public, anon, authenticated;
grant execute on function private.revoke_seat(uuid) to authenticated;
grant execute on function public.revoke_seat(uuid) to authenticated;
