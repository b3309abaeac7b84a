/*
  The audit trail: the row-change trigger and what it records (actor, request,
  redaction), the append-only guard and the retention purge (triggers bound by
  012_audit and 020_security_fixes; the purge is the cron job purge-audit-logs).

  Trigger functions live here, once, with their current definition; the
  migrations bind them (create trigger). A migration that binds one has the
  line `-- requires: rpc_functions/06_audit_triggers.sql`: abr-db runs this file's
  current text there (in the leading comment block: before the body), in the
  migration's transaction, so the function exists before the trigger that
  calls it, on a fresh database too (README, "Functions live in repeatable files").
*/

create or replace function private.audit_request(out ip inet, out agent text)
language plpgsql
stable
set search_path = pg_catalog, pg_temp
as $$
declare
  headers jsonb;
begin
  begin
    headers := nullif(pg_catalog.current_setting('request.headers', true), '')::jsonb;
    agent := headers ->> 'user-agent';
    ip := nullif(pg_catalog.btrim(pg_catalog.split_part(headers ->> 'x-forwarded-for', ',', -1)), '')::inet;
  exception when others then
    ip := null;
  end;
end;
$$;

create or replace function private.audit_row_change() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  -- Columns left out of an update's diff (the trigger's arguments).
  ignored constant text[] := coalesce(tg_argv, '{}'::text[]);
  -- Personal data a table's rows never carry into the trail: a seat names
  -- its holder by user id, not by email.
  left_out constant text[] := case
    when tg_table_name = 'subscription_seats' then array['assigned_to_email']
    else '{}'::text[]
  end;
  admin_roles constant text[] := array['super_admin', 'org_admin', 'compliance_officer'];
  old_row jsonb;
  new_row jsonb;
  row_data jsonb;
  diff jsonb;
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
    old_row := pg_catalog.to_jsonb(old) - left_out;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    new_row := pg_catalog.to_jsonb(new) - left_out;
  end if;
  row_data := coalesce(new_row, old_row);

  if tg_op = 'UPDATE' then
    select pg_catalog.jsonb_object_agg(n.key, pg_catalog.jsonb_build_object('old', o.value, 'new', n.value))
    into diff
    from pg_catalog.jsonb_each(new_row) as n
    inner join pg_catalog.jsonb_each(old_row) as o on n.key = o.key
    where
      n.value is distinct from o.value and n.key <> all(ignored) and n.key <> 'updated_at'
      -- A profile's row lists the audited columns only, never phone & co.
      and (tg_table_name <> 'profiles' or n.key in ('role', 'organization_id', 'full_name'));
    if diff is null then
      return null;
    end if;
  else
    diff := row_data;
  end if;
  diff := private.audit_redacted(diff);

  -- Who: the caller's profile, as it was before this change.
  select a.actor_id, a.actor_email, a.actor_role, a.actor_org
  into actor_id, actor_email, actor_role, actor_org
  from private.audit_actor() as a;
  if actor_id is not null and tg_table_name = 'profiles' and (old_row ->> 'id')::uuid = actor_id then
    actor_role := old_row ->> 'role';
    actor_org := (old_row ->> 'organization_id')::uuid;
  end if;

  -- What, and how serious.
  case tg_table_name
    when 'profiles' then
      if old_row -> 'role' is distinct from new_row -> 'role' then
        act := 'role_change';
        level := case
          when old_row ->> 'role' = any(admin_roles) or new_row ->> 'role' = any(admin_roles) then 'critical'
          else 'warning'
        end;
      elsif old_row -> 'organization_id' is distinct from new_row -> 'organization_id' then
        act := 'organization_change';
        level := 'warning';
      else
        act := 'name_change';
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

  -- The request, when PostgREST forwarded one (rightmost x-forwarded-for entry).
  select r.ip, r.agent into ip, agent from private.audit_request() as r;

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

create or replace function private.audit_logs_append_only() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
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
    -- The erasure scrub, running as its definer: only the columns that can
    -- name a person change, and the row records when it was scrubbed.
    if pg_catalog.current_setting('abr.audit_erasure', true) = 'on'
    and current_user = (
      select pg_catalog.pg_get_userbyid(f.proowner)
      from pg_catalog.pg_proc as f
      where f.oid = pg_catalog.to_regprocedure('private.scrub_person_from_audit(uuid,text[])')
    )
    and pg_catalog.to_jsonb(new) ->> 'erased_at' is not null
    and (pg_catalog.to_jsonb(new) - '{user_email,ip_address,user_agent,changes,erased_at}'::text [])
    = (pg_catalog.to_jsonb(old) - '{user_email,ip_address,user_agent,changes,erased_at}'::text []) then
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
    hint = 'Audit rows are never updated or deleted; expired rows are removed only by '
    || 'private.purge_expired_audit_logs().';
end;
$$;

create or replace function private.purge_expired_audit_logs() returns bigint
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
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

comment on function private.audit_request() is
'The request''s client address (rightmost x-forwarded-for entry, appended by the gateway) and user agent, '
'from PostgREST''s request.headers; nulls outside a request.';

comment on function private.audit_row_change() is
'AFTER row trigger: writes one public.audit_logs row (who, what, changed columns, organization, severity) per '
'audited change, Stripe ids, payment details and amounts redacted, seats without emails. Arguments: columns left '
'out of an update''s diff. See 012_audit and 020_security_fixes.';

comment on function private.audit_logs_append_only() is
'BEFORE UPDATE/DELETE/TRUNCATE trigger on audit_logs: refuses with 42501, except ON DELETE SET NULL of its links, '
'the retention purge, and the erasure scrub (identifying columns only, erased_at stamped). See 012_audit, '
'046_erasure.';

comment on function private.purge_expired_audit_logs() is
'Deletes audit_logs rows past retention_until; returns how many. Run daily by cron_jobs/purge_audit_logs.sql '
'as the owner; nobody else may execute it.';

revoke all on function
  private.audit_request(),
  private.audit_row_change(),
  private.audit_logs_append_only(),
  private.purge_expired_audit_logs()
from public, anon, authenticated, service_role;

-- Who acts ------------------------------------------------------------------------------------

/*
  A JWT whose role claim is service_role is the server's (a webhook, a worker, an Edge
  Function holding the service key). When it also carries a sub, the server acts for that
  user: the row keeps the user (user_id, email, organization), and user_role says who
  wrote it: service_role. Before, such a row read exactly as if the user had acted
  (user_role their profile's role), and server code could write events that a
  compliance officer could not tell from the user's own.
*/
create or replace function private.audit_actor(
  out actor_id uuid, out actor_email text, out actor_role text, out actor_org uuid
)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  claims jsonb;
begin
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
  actor_email := coalesce(actor_email, claims ->> 'email');
  actor_role := case
    when claims ->> 'role' = 'service_role' then 'service_role'
    else coalesce(actor_role, claims ->> 'role', session_user::text)
  end;
end;
$$;

comment on function private.audit_actor() is
'Who acts, for audit rows: the JWT user''s profile (id, email, role, organization), else the JWT''s email and role '
'claims, else the session''s login role; a service_role JWT''s rows say service_role, with the user it names (sub).';

revoke all on function private.audit_actor() from public, anon, authenticated, service_role;

-- Redaction at every depth, by key and by value -----------------------------------------------

create or replace function private.audit_secret_key(p_key text) returns boolean
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select pg_catalog.lower(p_key) ~ '^(stripe|card)_'
    or pg_catalog.lower(p_key) ~ '(^|_)(amount|cents)(_|$)'
    or pg_catalog.lower(p_key) = any (array[
      'billing_name', 'billing_email', 'billing_address', 'billing_details', 'billing_phone',
      'customer', 'customer_email', 'customer_name', 'customer_address', 'customer_phone', 'customer_details',
      'customer_shipping', 'customer_tax_ids', 'payment_method', 'payment_method_details', 'default_payment_method',
      'payment_intent', 'setup_intent', 'charge', 'latest_charge', 'card', 'last4', 'dynamic_last4', 'exp_month',
      'exp_year', 'fingerprint', 'bank_account', 'iban', 'account_number', 'routing_number', 'client_secret',
      'total', 'subtotal', 'total_excluding_tax', 'subtotal_excluding_tax', 'tax', 'balance', 'starting_balance',
      'ending_balance', 'receipt_email', 'receipt_url', 'hosted_invoice_url', 'invoice_pdf'
    ])
$$;

comment on function private.audit_secret_key(text) is
'Whether an audit change''s key names billing data (Stripe and card keys, amounts, totals, customer, payment method, '
'last4 ...): its value is stored as "[redacted]".';

-- A Stripe object id anywhere in a string: a known prefix, an underscore, then
-- letters, digits and underscores with at least one digit or capital (so
-- words such as in_progress are not ids).
create or replace function private.audit_stripe_id(p_value text) returns boolean
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select p_value ~ (
    '(^|[^A-Za-z0-9_])(cus|sub|sub_sched|si|pm|pmc|in|ii|il|pi|ch|py|re|cn|dp|txn|po|tr|ba|card|src|tok|price|prod'
    || '|seti|evt|acct|cs|sk|rk|whsec|ipi|cbtxn|prv|promo)_[A-Za-z0-9_]*[A-Z0-9]'
  )
$$;

comment on function private.audit_stripe_id(text) is
'Whether a string holds a Stripe object id (cus_, sub_, pm_, in_, pi_, ch_, price_, prod_, seti_, evt_, ...).';

create or replace function private.audit_redacted(p_changes jsonb) returns jsonb
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
declare
  kind text := pg_catalog.jsonb_typeof(p_changes);
  result jsonb;
begin
  if kind = 'object' then
    select coalesce(pg_catalog.jsonb_object_agg(
      kv.key,
      case
        when kv.value = 'null'::jsonb then kv.value
        when not private.audit_secret_key(kv.key) then private.audit_redacted(kv.value)
        -- An update's {"old": .., "new": ..}: each side redacted, a null kept.
        when pg_catalog.jsonb_typeof(kv.value) = 'object' and kv.value ?| array['old', 'new']
          and (kv.value - array['old', 'new']) = '{}'::jsonb then (
          select pg_catalog.jsonb_object_agg(
            s.key, case when s.value = 'null'::jsonb then s.value else '"[redacted]"'::jsonb end
          )
          from pg_catalog.jsonb_each(kv.value) as s
        )
        else '"[redacted]"'::jsonb
      end
    ), '{}'::jsonb)
    into result
    from pg_catalog.jsonb_each(p_changes) as kv;
    return result;
  elsif kind = 'array' then
    select coalesce(pg_catalog.jsonb_agg(private.audit_redacted(e.value) order by e.n), '[]'::jsonb)
    into result
    from pg_catalog.jsonb_array_elements(p_changes) with ordinality as e (value, n);
    return result;
  elsif kind = 'string' and private.audit_stripe_id(p_changes #>> '{}') then
    return '"[redacted]"'::jsonb;
  end if;
  return p_changes;
end;
$$;

comment on function private.audit_redacted(jsonb) is
'An audit row''s changes with billing data replaced by "[redacted]" at every depth of objects and arrays: values of '
'billing keys (private.audit_secret_key; an update''s old/new sides each, the column still shows as changed) and any '
'string holding a Stripe object id (private.audit_stripe_id). See 020_security_fixes and 028.';

revoke all on function
  private.audit_secret_key(text),
  private.audit_stripe_id(text),
  private.audit_redacted(jsonb)
from public, anon, authenticated, service_role;
