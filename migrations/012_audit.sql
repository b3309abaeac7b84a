/*
  012_audit: the audit trail's writers and its append-only guard.

  public.audit_logs (007_system) is written by one trigger function,
  private.audit_row_change(), attached AFTER each row change that matters to
  compliance:
    profiles              role or organization_id changes (who may do what, where)
    organizations         settings changes, soft delete / restore, delete
    subscriptions         every change (plan, seats, status: Stripe webhooks)
    subscription_seats    every change except login bookkeeping
    certificates          every change (issue, revoke, delete: training evidence)
    feature_flags         every change
    tribunal_cases        review columns (manually_reviewed, reviewed_by, reviewed_at)
    tribunal_cases_raw    review columns (status, reviewed_by)
  Each trigger has a WHEN clause, so an irrelevant update (another column, or
  only updated_at, which private.set_updated_at() always stamps) writes
  nothing and costs no function call. The function checks again (the diff is
  empty: no row), as a WHEN clause cannot see the trigger's arguments.

  One audit row per changed row:
    who        user_id = auth.uid() when that user has a profile (else null:
               service_role, cron, migrations); user_email and user_role
               from that profile as it was before this statement's change
               (a user demoting themselves is logged with the role they had),
               else the JWT's email/role claims ('service_role'), else the
               session's login role (cron and psql: 'postgres').
    what       action: insert | update | delete, or a verb where one says more:
               role_change, organization_change (profiles), settings_change,
               soft_delete, restore (organizations), revoke (certificates),
               review (tribunal_cases, tribunal_cases_raw);
               resource_type = the table, resource_id = the row's id;
               changes = for an update, only the changed columns as
               {"col": {"old": .., "new": ..}} (updated_at and the ignored
               columns left out); for an insert or delete, the whole row.
    where      organization_id: the row's organization_id (the new one, else the
               old one); an organization's own id; for rows without one, the
               organization of the row's user (certificates); for
               organization-less rows (feature flags, cases), the actor's.
               Null when that organization no longer exists (its deletion,
               and the rows its deletion cascades to): the foreign key would
               fail, and resource_id and changes keep which one it was.
    severity   critical: a role change to or from super_admin, org_admin or
               compliance_officer; an organization deleted or soft-deleted.
               warning: other role changes, organization moves, settings
               changes and restores, subscription deletions and changes of
               plan, seats, status or cancellation, certificate revocations
               and deletions, feature flag changes and deletions.
               info: the rest (a new subscription, seat, certificate or flag;
               case reviews).
    compliance_relevant: true for every row these triggers write; the column's
               default (false) is left to other writers (service_role's own
               operational events).
    request    ip_address (first address of x-forwarded-for) and user_agent
               from PostgREST's request.headers; null outside a request, or
               when the header does not parse (an audit write never fails on
               a header).

  The trail is append-only for everyone, super_admin and service_role
  included: private.audit_logs_append_only() refuses UPDATE, DELETE and
  TRUNCATE with 42501, except
    - the foreign keys' ON DELETE SET NULL: an update by the table's owner (the
      role referential actions run as) that only nulls user_id and/or
      organization_id whose profile/organization no longer exists;
    - the retention purge, private.purge_expired_audit_logs(): it marks its
      transaction (abr.audit_purge = on) and deletes rows past
      retention_until. Anyone can set that setting, so the guard also
      requires current_user to be the purge function's owner: inside the
      SECURITY DEFINER function it is; for anon, authenticated and
      service_role it never is.
  The guard is SECURITY INVOKER on purpose: inside a definer function
  current_user would always be the owner.
*/

-- Writer ------------------------------------------------------------------------

create function private.audit_row_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  -- Columns left out of an update's diff (the trigger's arguments).
  ignored constant text[] := coalesce(tg_argv, '{}'::text[]);
  admin_roles constant text[] := array['super_admin', 'org_admin', 'compliance_officer'];
  old_row jsonb;
  new_row jsonb;
  row_data jsonb;
  diff jsonb;
  claims jsonb;
  headers jsonb;
  actor_id uuid;
  actor_email text;
  actor_role text;
  actor_org uuid;
  act text := pg_catalog.lower(tg_op);
  level text := 'info';
  org_id uuid;
  subject_id uuid;
  ip inet;
  agent text;
begin
  if tg_op in ('UPDATE', 'DELETE') then
    old_row := pg_catalog.to_jsonb(old);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    new_row := pg_catalog.to_jsonb(new);
  end if;
  row_data := coalesce(new_row, old_row);

  if tg_op = 'UPDATE' then
    select pg_catalog.jsonb_object_agg(n.key, pg_catalog.jsonb_build_object('old', o.value, 'new', n.value))
    into diff
    from pg_catalog.jsonb_each(new_row) as n
    inner join pg_catalog.jsonb_each(old_row) as o on n.key = o.key
    where n.value is distinct from o.value and n.key <> all(ignored) and n.key <> 'updated_at';
    if diff is null then
      return null;
    end if;
  else
    diff := row_data;
  end if;

  -- Who: the caller's profile, as it was before this change.
  begin
    claims := nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb;
  exception when others then
    claims := null;
  end;
  actor_id := (select auth.uid());
  select p.id, p.email, p.role, p.organization_id
  into actor_id, actor_email, actor_role, actor_org
  from public.profiles as p
  where p.id = actor_id;
  if actor_id is not null and tg_table_name = 'profiles' and (old_row ->> 'id')::uuid = actor_id then
    actor_role := old_row ->> 'role';
    actor_org := (old_row ->> 'organization_id')::uuid;
  end if;
  actor_email := coalesce(actor_email, claims ->> 'email');
  actor_role := coalesce(actor_role, claims ->> 'role', session_user::text);

  -- What, and how serious.
  case tg_table_name
    when 'profiles' then
      if old_row -> 'role' is distinct from new_row -> 'role' then
        act := 'role_change';
        level := case
          when old_row ->> 'role' = any(admin_roles) or new_row ->> 'role' = any(admin_roles) then 'critical'
          else 'warning'
        end;
      else
        act := 'organization_change';
        level := 'warning';
      end if;
    when 'organizations' then
      if tg_op = 'DELETE' then
        level := 'critical';
      elsif old_row -> 'deleted_at' is distinct from new_row -> 'deleted_at' then
        act := case when new_row ->> 'deleted_at' is null then 'restore' else 'soft_delete' end;
        level := case when act = 'soft_delete' then 'critical' else 'warning' end;
      else
        act := 'settings_change';
        level := 'warning';
      end if;
    when 'subscriptions' then
      if tg_op = 'DELETE'
        or (tg_op = 'UPDATE' and diff ?| array['plan_tier', 'seat_count', 'status', 'cancel_at_period_end']) then
        level := 'warning';
      end if;
    when 'certificates' then
      if tg_op = 'UPDATE' and diff ? 'status' and new_row ->> 'status' = 'revoked' then
        act := 'revoke';
        level := 'warning';
      elsif tg_op = 'DELETE' then
        level := 'warning';
      end if;
    when 'feature_flags' then
      if tg_op <> 'INSERT' then
        level := 'warning';
      end if;
    when 'tribunal_cases', 'tribunal_cases_raw' then
      if tg_op = 'UPDATE' then
        act := 'review';
      end if;
    else
      null;
  end case;

  -- Where.
  if tg_table_name = 'organizations' then
    org_id := (row_data ->> 'id')::uuid;
  elsif row_data ? 'organization_id' then
    org_id := coalesce((new_row ->> 'organization_id')::uuid, (old_row ->> 'organization_id')::uuid);
  elsif row_data ? 'user_id' then
    subject_id := (row_data ->> 'user_id')::uuid;
    select p.organization_id into org_id
    from public.profiles as p
    where p.id = subject_id;
  else
    org_id := actor_org;
  end if;
  if org_id is not null and not exists (select 1 from public.organizations as o where o.id = org_id) then
    org_id := null;
  end if;

  -- The request, when PostgREST forwarded one.
  begin
    headers := nullif(pg_catalog.current_setting('request.headers', true), '')::jsonb;
    agent := headers ->> 'user-agent';
    ip := nullif(pg_catalog.btrim(pg_catalog.split_part(headers ->> 'x-forwarded-for', ',', 1)), '')::inet;
  exception when others then
    ip := null;
  end;

  insert into public.audit_logs (
    user_id, user_email, user_role, action, resource_type, resource_id,
    ip_address, user_agent, changes, organization_id, severity, compliance_relevant
  ) values (
    actor_id, actor_email, actor_role, act, tg_table_name, (row_data ->> 'id')::uuid,
    ip, agent, diff, org_id, level, true
  );

  return null;
end;
$$;

comment on function private.audit_row_change() is
'AFTER row trigger: writes one public.audit_logs row (who, what, changed columns, organization, severity) per audited change. Arguments: columns left out of an update''s diff. See 012_audit.';

revoke all on function private.audit_row_change() from public, anon, authenticated, service_role;

-- profiles: access changes ---------------------------------------------------------

create trigger audit_access_change
after update of role, organization_id on public.profiles
for each row
when (old.role is distinct from new.role or old.organization_id is distinct from new.organization_id)
execute function private.audit_row_change();

-- organizations: settings, soft delete, delete ---------------------------------------

create trigger audit_settings_change
after update of settings, deleted_at on public.organizations
for each row
when (old.settings is distinct from new.settings or old.deleted_at is distinct from new.deleted_at)
execute function private.audit_row_change();

create trigger audit_delete
after delete on public.organizations
for each row execute function private.audit_row_change();

-- subscriptions: everything -------------------------------------------------------

create trigger audit_insert_delete
after insert or delete on public.subscriptions
for each row execute function private.audit_row_change();

create trigger audit_update
after update on public.subscriptions
for each row
when ((pg_catalog.to_jsonb(old) - 'updated_at') is distinct from (pg_catalog.to_jsonb(new) - 'updated_at'))
execute function private.audit_row_change();

-- subscription_seats: everything but login bookkeeping ------------------------------

create trigger audit_insert_delete
after insert or delete on public.subscription_seats
for each row execute function private.audit_row_change();

create trigger audit_update
after update on public.subscription_seats
for each row
when (
  (pg_catalog.to_jsonb(old) - '{updated_at,first_login_at,last_login_at,login_count}'::text [])
  is distinct from
  (pg_catalog.to_jsonb(new) - '{updated_at,first_login_at,last_login_at,login_count}'::text [])
)
execute function private.audit_row_change('first_login_at', 'last_login_at', 'login_count');

-- certificates: everything --------------------------------------------------------

create trigger audit_insert_delete
after insert or delete on public.certificates
for each row execute function private.audit_row_change();

create trigger audit_update
after update on public.certificates
for each row
when (old.* is distinct from new.*)
execute function private.audit_row_change();

-- feature_flags: everything -------------------------------------------------------

create trigger audit_insert_delete
after insert or delete on public.feature_flags
for each row execute function private.audit_row_change();

create trigger audit_update
after update on public.feature_flags
for each row
when ((pg_catalog.to_jsonb(old) - 'updated_at') is distinct from (pg_catalog.to_jsonb(new) - 'updated_at'))
execute function private.audit_row_change();

-- tribunal cases: reviews ---------------------------------------------------------

create trigger audit_review
after update of manually_reviewed, reviewed_by, reviewed_at on public.tribunal_cases
for each row
when (
  old.manually_reviewed is distinct from new.manually_reviewed
  or old.reviewed_by is distinct from new.reviewed_by
  or old.reviewed_at is distinct from new.reviewed_at
)
execute function private.audit_row_change();

create trigger audit_review
after update of status, reviewed_by on public.tribunal_cases_raw
for each row
when (old.status is distinct from new.status or old.reviewed_by is distinct from new.reviewed_by)
execute function private.audit_row_change();

-- Append-only guard -----------------------------------------------------------------

create function private.audit_logs_append_only() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    -- ON DELETE SET NULL of user_id / organization_id: referential actions run
    -- as the table's owner, and the referenced row is already gone.
    if current_user = (
      select pg_catalog.pg_get_userbyid(c.relowner) from pg_catalog.pg_class as c where c.oid = tg_relid
    )
    and (pg_catalog.to_jsonb(new) - '{user_id,organization_id}'::text [])
    = (pg_catalog.to_jsonb(old) - '{user_id,organization_id}'::text [])
    and (
      new.user_id is not distinct from old.user_id
      or (new.user_id is null and not exists (select 1 from public.profiles as p where p.id = old.user_id))
    )
    and (
      new.organization_id is not distinct from old.organization_id
      or (
        new.organization_id is null
        and not exists (select 1 from public.organizations as o where o.id = old.organization_id)
      )
    ) then
      return new;
    end if;
  elsif tg_op = 'DELETE' then
    -- The retention purge, running as its definer.
    if pg_catalog.current_setting('abr.audit_purge', true) = 'on'
    and old.retention_until < pg_catalog.now()
    and current_user = (
      select pg_catalog.pg_get_userbyid(f.proowner)
      from pg_catalog.pg_proc as f
      where f.oid = pg_catalog.to_regprocedure('private.purge_expired_audit_logs()')
    ) then
      return old;
    end if;
  end if;

  raise exception using
    errcode = '42501',
    message = 'audit_logs is append-only',
    hint = 'Audit rows are never updated or deleted; expired rows are removed only by private.purge_expired_audit_logs().';
end;
$$;

comment on function private.audit_logs_append_only() is
'BEFORE UPDATE/DELETE/TRUNCATE trigger on audit_logs: refuses with 42501, except ON DELETE SET NULL of its links and the retention purge. See 012_audit.';

revoke all on function private.audit_logs_append_only() from public, anon, authenticated, service_role;

create trigger append_only
before update or delete on public.audit_logs
for each row execute function private.audit_logs_append_only();

create trigger append_only_truncate
before truncate on public.audit_logs
for each statement execute function private.audit_logs_append_only();

-- Retention purge -----------------------------------------------------------------

create function private.purge_expired_audit_logs() returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  purged bigint;
begin
  perform pg_catalog.set_config('abr.audit_purge', 'on', true);
  delete from public.audit_logs as a
  where a.retention_until < pg_catalog.now();
  get diagnostics purged = row_count;
  perform pg_catalog.set_config('abr.audit_purge', 'off', true);
  return purged;
end;
$$;

comment on function private.purge_expired_audit_logs() is
'Deletes audit_logs rows past retention_until; returns how many. Run daily by cron_jobs/purge_audit_logs.sql as the owner; nobody else may execute it.';

revoke all on function private.purge_expired_audit_logs() from public, anon, authenticated, service_role;
