/*
  Undoes 020_security_fixes: the triggers, functions, columns and table it
  added, and the definitions of 011_access_guards and 012_audit it replaced
  (their search_path pg_catalog, pg_temp, as every definer function now has).
  Audit rows redacted by 020 stay redacted: their clear values are gone by
  design.
*/

-- profiles: the guard of 011_access_guards
create or replace function private.guard_profile_update() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
  caller_role text;
  caller_id uuid;
  col text;
  -- What anyone may change on their own profile.
  self_editable constant text[] := array[
    'full_name', 'avatar_url', 'phone', 'preferred_language',
    'notification_preferences', 'theme', 'timezone', 'metadata', 'updated_at'
  ];
begin
  if current_user not in ('authenticated', 'anon') then
    return new;
  end if;

  caller_role := (select private.current_role_name());
  if caller_role = 'super_admin' then
    return new;
  end if;
  caller_id := (select auth.uid());

  for col in
    select n.key
    from pg_catalog.jsonb_each(pg_catalog.to_jsonb(new)) as n
    inner join pg_catalog.jsonb_each(pg_catalog.to_jsonb(old)) as o on n.key = o.key
    where n.value is distinct from o.value
  loop
    if col = 'updated_at' then
      continue;
    elsif col = any(self_editable) and old.id = caller_id then
      continue;
    elsif col = 'role' and caller_role = 'org_admin'
      and old.organization_id = (select private.current_org_id()) then
      if old.id = caller_id then
        raise exception using
          errcode = '42501',
          message = 'permission denied to change column "role" of profiles: an org_admin cannot change their own role',
          hint = 'Another org_admin or a super_admin can.';
      end if;
      if old.role in ('super_admin', 'compliance_officer') or new.role in ('super_admin', 'compliance_officer') then
        raise exception using
          errcode = '42501',
          message = 'permission denied to change column "role" of profiles: '
          || 'only a super_admin grants or removes super_admin and compliance_officer',
          hint = 'Ask a super_admin.';
      end if;
    elsif col = 'team_id' and caller_role = 'org_admin'
      and old.organization_id = (select private.current_org_id()) then
      if new.team_id is not null and not exists (
        select 1 from public.teams as t
        where t.id = new.team_id and t.organization_id = old.organization_id
      ) then
        raise exception using
          errcode = '42501',
          message = 'permission denied to change column "team_id" of profiles: '
          || 'the team is not a team of the member''s organization',
          hint = 'Choose a team of the same organization.';
      end if;
    else
      raise exception using
        errcode = '42501',
        message = pg_catalog.format('permission denied to change column "%s" of profiles', col),
        hint = case
          when old.id = caller_id
            then 'Users may change their name, avatar, phone, language, notification preferences, theme, '
            || 'timezone and metadata.'
          else 'An org_admin may change only the role and team of members of their organization.'
        end;
    end if;
  end loop;

  return new;
end;
$$;

comment on function private.guard_profile_update() is
'BEFORE UPDATE trigger on profiles: the column rules of ACCESS.md for API callers (see 011_access_guards).';

-- Quiz attempts, lesson guards and settings
drop table if exists private.quiz_attempts;
drop trigger if exists guard_lesson_course_change on public.lessons;
drop trigger if exists validate_quiz_questions on public.lessons;
drop function if exists private.guard_lesson_course_change();
drop function if exists private.validate_quiz_questions();
drop function if exists private.check_quiz_questions(jsonb);
alter table public.lessons drop column if exists quiz_attempts_per_day;

-- Certificates
drop trigger if exists guard_as_issued on public.certificates;
drop trigger if exists stamp_as_issued on public.certificates;
drop function if exists private.guard_certificate_as_issued();
drop function if exists private.stamp_certificate_as_issued();
alter table public.certificates
drop column if exists holder_name,
drop column if exists course_title_en,
drop column if exists course_title_fr;

-- Audit: the writer of 012_audit and its profiles trigger
drop trigger if exists audit_profile_change on public.profiles;
create trigger audit_access_change
after update of role, organization_id on public.profiles
for each row
when (old.role is distinct from new.role or old.organization_id is distinct from new.organization_id)
execute function private.audit_row_change();

create or replace function private.audit_row_change() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
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
'AFTER row trigger: writes one public.audit_logs row (who, what, changed columns, organization, severity) per '
'audited change. Arguments: columns left out of an update''s diff. See 012_audit.';

drop function if exists private.audit_request();
drop function if exists private.audit_actor();
drop function if exists private.audit_redacted(jsonb);
