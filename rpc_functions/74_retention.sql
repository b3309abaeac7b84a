/*
  Retention, applied (Quebec Law 25 s.23, PIPEDA principle 4.5): the daily
  job apply-retention runs private.apply_retention(), which reads the periods
  from private.retention_policies (048) and, at the given instant:
    notifications          deleted keep_for after creation
    ai_coaching_sessions   deleted keep_for after their last update
    raw_ingestion_payloads raw_html and raw_text cleared keep_for after the
                           raw case's last update, once reviewed (approved,
                           rejected, duplicate); pending or classified rows wait
    inactive_accounts      anonymized as by erase_user (private.anonymize_person)
                           keep_for after the last sign-in (the latest of
                           profiles.last_login_at, auth.users.last_sign_in_at,
                           the last progress access, else the creation);
                           super admins and persons with an open privacy
                           request are skipped; at most p_account_limit a run
  Audit rows are purged by purge-audit-logs at retention_until (7 years,
  the audit_logs row of the table). The instant is a parameter so tests run
  the job on a fixed clock. Returns what it did, per kind; records one audit
  event (privacy.retention_applied) with those counts.

    retention_schedule()   compliance officers, super admins and service_role: the
                           periods, for the organization's privacy documentation.
*/

create or replace function private.retention_cutoff(p_kind text, at_time timestamptz) returns timestamptz
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return (select at_time - rp.keep_for from private.retention_policies as rp where rp.data_kind = p_kind);
end;
$$;

comment on function private.retention_cutoff(text, timestamptz) is
'Internal: at_time minus the kind''s retention period (null when the kind has no policy: nothing expires).';

revoke all on function private.retention_cutoff(text, timestamptz) from public, anon, authenticated, service_role;

create or replace function private.apply_retention(
  at_time timestamptz default pg_catalog.now(), p_account_limit integer default 500
) returns jsonb
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_cutoff timestamptz;
  v_notifications integer := 0;
  v_sessions integer := 0;
  v_payloads integer := 0;
  v_accounts integer := 0;
  v_user uuid;
  v_result jsonb;
begin
  if at_time is null then
    raise exception using errcode = '22023', message = 'at_time must not be null', hint = 'Omit it to use now().';
  end if;
  if p_account_limit is null or p_account_limit < 0 then
    raise exception using errcode = '22023', message = 'p_account_limit must be 0 or more';
  end if;

  v_cutoff := private.retention_cutoff('notifications', at_time);
  if v_cutoff is not null then
    delete from public.notifications as n where n.created_at < v_cutoff;
    get diagnostics v_notifications = row_count;
  end if;

  v_cutoff := private.retention_cutoff('ai_coaching_sessions', at_time);
  if v_cutoff is not null then
    delete from public.ai_coaching_sessions as a where a.updated_at < v_cutoff;
    get diagnostics v_sessions = row_count;
  end if;

  v_cutoff := private.retention_cutoff('raw_ingestion_payloads', at_time);
  if v_cutoff is not null then
    update public.tribunal_cases_raw as r set raw_html = null, raw_text = null
    where r.status in ('approved', 'rejected', 'duplicate') and r.updated_at < v_cutoff
      and (r.raw_html is not null or r.raw_text is not null);
    get diagnostics v_payloads = row_count;
  end if;

  v_cutoff := private.retention_cutoff('inactive_accounts', at_time);
  if v_cutoff is not null then
    for v_user in
      select p.id
      from public.profiles as p
      left join auth.users as u on p.id = u.id
      where p.erased_at is null and p.role <> 'super_admin'
        and greatest(p.created_at, p.last_login_at, u.last_sign_in_at) < v_cutoff
        and not exists (
          select from public.progress as pr where pr.user_id = p.id and pr.last_accessed >= v_cutoff
        )
        and not exists (
          select from public.privacy_requests as r where r.user_id = p.id and r.status = 'open'
        )
      order by p.id
      limit p_account_limit
    loop
      perform private.anonymize_person(v_user, null, 'retention');
      v_accounts := v_accounts + 1;
    end loop;
  end if;

  v_result := pg_catalog.jsonb_build_object(
    'notifications_deleted', v_notifications, 'coaching_sessions_deleted', v_sessions,
    'raw_payloads_cleared', v_payloads, 'accounts_anonymized', v_accounts
  );
  if v_notifications + v_sessions + v_payloads + v_accounts > 0 then
    perform private.record_audit_event('privacy.retention_applied', 'retention_policies', null, null,
      v_result || pg_catalog.jsonb_build_object('at', at_time), 'info', true);
  end if;
  return v_result;
end;
$$;

comment on function private.apply_retention(timestamptz, integer) is
'Job apply-retention: applies private.retention_policies at at_time (notifications, coaching sessions, raw '
'ingestion payloads, inactive accounts); returns the counts.';

revoke all on function private.apply_retention(timestamptz, integer) from public, anon, authenticated, service_role;

create or replace function private.retention_schedule()
returns table (data_kind text, keep_for interval, action text, starts_at text, applied_by text, reason text)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if (select private.compliance_org_id()) is null and not (select private.is_super_admin())
    and (select auth.role()) is distinct from 'service_role' then
    raise exception using errcode = '42501',
      message = 'only a compliance officer or a super admin may read the retention schedule';
  end if;
  return query
  select rp.data_kind, rp.keep_for, rp.action, rp.starts_at, rp.applied_by, rp.reason
  from private.retention_policies as rp order by rp.data_kind;
end;
$$;

comment on function private.retention_schedule() is 'Internal: see public.retention_schedule.';

create or replace function public.retention_schedule()
returns table (data_kind text, keep_for interval, action text, starts_at text, applied_by text, reason text)
language sql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.retention_schedule()
$$;

comment on function public.retention_schedule() is
'The retention period of each kind of personal data (what, how long, from when, delete or anonymize, why). '
'Compliance officers, super admins and service_role; 42501 otherwise.';

revoke all on function private.retention_schedule(), public.retention_schedule() from public, anon, authenticated;
grant execute on function private.retention_schedule(), public.retention_schedule() to authenticated, service_role;
