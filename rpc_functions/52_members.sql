/*
  Member lifecycle, for org admins within their own organization, and for a
  member leaving it:

    change_member_role(p_user_id, p_role)     org admins; among org_admin, learner, viewer, guest only
                                              (ACCESS.md: other roles are a super admin's); not their own
    move_member_to_team(p_user_id, p_team_id) org admins; a team of the organization, or null
    remove_member(p_user_id)                  org admins; not themselves (leave_organization), not a super admin
    leave_organization()                      any member of an organization
    seat_usage()                              org admins: bought, assigned, reserved, suspended, available,
                                              active in the last 30 days

  Rules chosen:
  - Never without an active org admin: demoting, removing or the leaving of
    the last org admin is 23505. Each function first locks the organization
    row, then checks the caller's own role again: two admins demoting each
    other at once queue there, and the second finds they are no longer an
    admin (42501). One wins. Direct client updates of profiles obey the same
    rule (trigger private.keep_an_org_admin, 031_invitations_members).
  - Removal or leaving: the member's seat frees (seats_used recounted), their
    organization, team and seat are cleared, an organization-scoped role
    (org_admin, viewer, guest) becomes learner, their tier free. Their
    learning history (progress, certificates, points) stays theirs: nothing
    is deleted. The profiles audit trigger records each role and
    organization change.
  - Another organization's member, or an unknown id: P0002 'member not found'.
*/

-- The caller's organization, locked, with the caller still an org admin (checked after the lock).
create or replace function private.lock_org_as_admin(p_action text) returns uuid
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_org uuid := private.admin_org_or_raise(p_action);
begin
  perform from public.organizations as o where o.id = v_org for update;
  if not exists (
    select from public.profiles as p
    where p.id = (select auth.uid()) and p.organization_id = v_org and p.role = 'org_admin' and p.deleted_at is null
  ) then
    raise exception using errcode = '42501',
      message = pg_catalog.format('only an organization admin may %s', p_action),
      hint = 'Your role changed meanwhile.';
  end if;
  return v_org;
end;
$$;

comment on function private.lock_org_as_admin(text) is
'Internal: locks the caller''s organization and checks, after the lock, that the caller is still its org admin.';

create or replace function private.org_member(p_user_id uuid, p_organization_id uuid) returns public.profiles
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_member public.profiles%rowtype;
begin
  if p_user_id is null then
    raise exception using errcode = '22023', message = 'p_user_id is required';
  end if;
  select p.* into v_member from public.profiles as p
  where p.id = p_user_id and p.organization_id = p_organization_id and p.deleted_at is null
  for update;
  if not found then
    raise exception using errcode = 'P0002', message = 'member not found',
      hint = 'Check p_user_id: a member of your organization.';
  end if;
  return v_member;
end;
$$;

comment on function private.org_member(
    uuid, uuid
) is 'Internal: a member of the organization, locked; P0002 otherwise.';

create or replace function private.keep_another_admin(p_organization_id uuid, p_user_id uuid) returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if not exists (
    select from public.profiles as p
    where p.organization_id = p_organization_id and p.role = 'org_admin' and p.deleted_at is null
      and p.id <> p_user_id
  ) then
    raise exception using errcode = '23505', message = 'the organization must keep at least one org admin',
      hint = 'Make another member org_admin first.';
  end if;
end;
$$;

comment on function private.keep_another_admin(uuid, uuid) is
'Internal: 23505 unless the organization has an active org admin other than the user.';

-- Takes a member out of their organization: seat freed, role and tier reset, history kept.
create or replace function private.detach_member(p_user_id uuid, p_organization_id uuid) returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_sub_id uuid;
  v_seat_id uuid;
begin
  select s.id into v_sub_id from public.subscriptions as s where s.organization_id = p_organization_id for update;
  select p.seat_id into v_seat_id from public.profiles as p where p.id = p_user_id;
  update public.profiles as p
  set organization_id = null, team_id = null, seat_id = null, subscription_tier = 'free',
      role = case when p.role in ('org_admin', 'viewer', 'guest') then 'learner' else p.role end
  where p.id = p_user_id;
  if v_seat_id is not null then
    update public.subscription_seats as ss
    set assigned_to_user_id = null, assigned_to_email = null, assigned_by = null, assigned_at = null,
        team_id = null, status = 'available'
    where ss.id = v_seat_id;
  end if;
  if v_sub_id is not null then
    perform private.sync_seats_used(v_sub_id);
  end if;
end;
$$;

comment on function private.detach_member(uuid, uuid) is
'Internal: removes a member from their organization (seat freed, org-scoped role to learner, tier free); their '
'learning history stays.';

-- change_member_role ---------------------------------------------------------------------------

create or replace function private.change_member_role(p_user_id uuid, p_role text) returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_org uuid;
  v_member public.profiles%rowtype;
begin
  if p_user_id is null then
    raise exception using errcode = '22023', message = 'p_user_id is required';
  end if;
  if p_role is null or p_role not in ('org_admin', 'learner', 'viewer', 'guest') then
    raise exception using errcode = '22023', message = 'p_role must be one of org_admin, learner, viewer, guest',
      hint = 'Other roles are granted by a super admin.';
  end if;
  v_org := private.lock_org_as_admin('change member roles');
  v_member := private.org_member(p_user_id, v_org);
  if v_member.id = (select auth.uid()) then
    raise exception using errcode = '42501', message = 'an org admin cannot change their own role',
      hint = 'Another org admin can, or leave the organization.';
  end if;
  if v_member.role not in ('org_admin', 'learner', 'viewer', 'guest') then
    raise exception using errcode = '42501',
      message = pg_catalog.format('only a super admin changes the role of a %s', v_member.role);
  end if;
  if v_member.role = p_role then
    return;
  end if;
  if v_member.role = 'org_admin' then
    perform private.keep_another_admin(v_org, v_member.id);
  end if;
  update public.profiles as p set role = p_role where p.id = v_member.id;
end;
$$;

create or replace function public.change_member_role(p_user_id uuid, p_role text) returns void
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.change_member_role(p_user_id, p_role)
$$;

comment on function public.change_member_role(uuid, text) is
'Org admins: change a member''s role among org_admin, learner, viewer, guest (not their own; never the last org '
'admin). Errors: 22023 bad input, 42501 not an org admin or a role only a super admin changes, P0002 member not '
'found, 23505 the organization would have no org admin.';

-- move_member_to_team --------------------------------------------------------------------------

create or replace function private.move_member_to_team(p_user_id uuid, p_team_id uuid) returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_org uuid;
  v_member public.profiles%rowtype;
begin
  if p_user_id is null then
    raise exception using errcode = '22023', message = 'p_user_id is required';
  end if;
  v_org := private.lock_org_as_admin('move members');
  if p_team_id is not null
    and not exists (select from public.teams as t where t.id = p_team_id and t.organization_id = v_org) then
    raise exception using errcode = 'P0002', message = 'team not found',
      hint = 'Check p_team_id: a team of your organization, or null for none.';
  end if;
  v_member := private.org_member(p_user_id, v_org);
  update public.profiles as p set team_id = p_team_id
  where p.id = v_member.id and p.team_id is distinct from p_team_id;
  update public.subscription_seats as ss set team_id = p_team_id
  where ss.id = v_member.seat_id and ss.team_id is distinct from p_team_id;
  -- The profiles trigger audits role and organization changes, not teams: this one is recorded here.
  if v_member.team_id is distinct from p_team_id then
    perform private.record_audit_event(
      'team_change', 'profiles', v_member.id, v_org,
      pg_catalog.jsonb_build_object(
        'team_id', pg_catalog.jsonb_build_object('old', v_member.team_id, 'new', p_team_id)
      ),
      'info', true
    );
  end if;
end;
$$;

create or replace function public.move_member_to_team(p_user_id uuid, p_team_id uuid) returns void
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.move_member_to_team(p_user_id, p_team_id)
$$;

comment on function public.move_member_to_team(uuid, uuid) is
'Org admins: move a member of their organization to one of its teams (null: no team); the seat follows. Errors: '
'22023 bad input, 42501 not an org admin, P0002 member or team not found.';

-- remove_member / leave_organization ---------------------------------------------------------------

create or replace function private.remove_member(p_user_id uuid) returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_org uuid;
  v_member public.profiles%rowtype;
begin
  if p_user_id is null then
    raise exception using errcode = '22023', message = 'p_user_id is required';
  end if;
  v_org := private.lock_org_as_admin('remove members');
  v_member := private.org_member(p_user_id, v_org);
  if v_member.id = (select auth.uid()) then
    raise exception using errcode = '22023', message = 'you cannot remove yourself',
      hint = 'Use leave_organization.';
  end if;
  if v_member.role = 'super_admin' then
    raise exception using errcode = '42501', message = 'only a super admin removes a super admin';
  end if;
  if v_member.role = 'org_admin' then
    perform private.keep_another_admin(v_org, v_member.id);
  end if;
  perform private.detach_member(v_member.id, v_org);
end;
$$;

create or replace function public.remove_member(p_user_id uuid) returns void
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.remove_member(p_user_id)
$$;

comment on function public.remove_member(uuid) is
'Org admins: remove a member from their organization (seat freed, organization-scoped role back to learner, '
'learning history kept). Errors: 22023 bad input or yourself, 42501 not an org admin, P0002 member not found, '
'23505 the last org admin.';

create or replace function private.leave_organization() returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_me public.profiles%rowtype;
begin
  select p.* into v_me from public.profiles as p where p.id = (select auth.uid()) and p.deleted_at is null;
  if v_me.organization_id is null then
    raise exception using errcode = 'P0002', message = 'you do not belong to an organization';
  end if;
  perform from public.organizations as o where o.id = v_me.organization_id for update;
  select p.* into v_me from public.profiles as p where p.id = v_me.id for update;
  if v_me.role = 'org_admin' then
    perform private.keep_another_admin(v_me.organization_id, v_me.id);
  end if;
  perform private.detach_member(v_me.id, v_me.organization_id);
end;
$$;

create or replace function public.leave_organization() returns void
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.leave_organization()
$$;

comment on function public.leave_organization() is
'Members: leave your organization (your seat frees; your learning history stays yours). Errors: P0002 not in an '
'organization, 23505 you are its last org admin.';

-- seat_usage ------------------------------------------------------------------------------------

create or replace function private.seat_usage() returns table (
  bought integer, assigned integer, reserved integer, suspended integer, available integer,
  active_last_30_days integer
)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_org uuid := private.admin_org_or_raise('read seat usage');
begin
  return query
  select
    s.seat_count,
    count(*) filter (where ss.status in ('assigned', 'active'))::integer,
    count(*) filter (where ss.status = 'available' and ss.assigned_to_email is not null)::integer,
    count(*) filter (where ss.status = 'suspended')::integer,
    greatest(s.seat_count - count(*) filter (where ss.status in ('assigned', 'active')
      or (ss.status = 'available' and ss.assigned_to_email is not null)), 0)::integer,
    count(*) filter (where ss.status in ('assigned', 'active') and greatest(ss.last_login_at, p.last_login_at)
      >= pg_catalog.now() - interval '30 days')::integer
  from public.subscriptions as s
  left join public.subscription_seats as ss on ss.subscription_id = s.id
  left join public.profiles as p on p.id = ss.assigned_to_user_id
  where s.organization_id = v_org
  group by s.seat_count;
end;
$$;

create or replace function public.seat_usage() returns table (
  bought integer, assigned integer, reserved integer, suspended integer, available integer,
  active_last_30_days integer
)
language sql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.seat_usage()
$$;

comment on function public.seat_usage() is
'Org admins: their organization''s seats: bought (seat_count), assigned, reserved for invitations, suspended, '
'available, and assigned seats whose holder signed in within 30 days. No row without a subscription. 42501 not an '
'org admin.';

-- Grants ---------------------------------------------------------------------------------------

revoke all on function
  private.lock_org_as_admin(text),
  private.org_member(uuid, uuid),
  private.keep_another_admin(uuid, uuid),
  private.detach_member(uuid, uuid),
  private.change_member_role(uuid, text),
  public.change_member_role(uuid, text),
  private.move_member_to_team(uuid, uuid),
  public.move_member_to_team(uuid, uuid),
  private.remove_member(uuid),
  public.remove_member(uuid),
  private.leave_organization(),
  public.leave_organization(),
  private.seat_usage(),
  public.seat_usage()
from public, anon, authenticated;
grant execute on function
  private.change_member_role(uuid, text),
  public.change_member_role(uuid, text),
  private.move_member_to_team(uuid, uuid),
  public.move_member_to_team(uuid, uuid),
  private.remove_member(uuid),
  public.remove_member(uuid),
  private.leave_organization(),
  public.leave_organization(),
  private.seat_usage(),
  public.seat_usage()
to authenticated;
