/*
  020_security_fixes: the schema side of the security review (issue 6).

  audit trail (findings 2, 3, 6, 7)
    private.audit_row_change() (012_audit) is replaced:
    - Stripe identifiers, payment-method details and amounts never reach
      audit_logs in clear: a column whose name says it holds one (stripe_*,
      card_*, billing_name/email/address, *amount*, *cents*) is recorded as
      changed with the value "[redacted]" (private.audit_redacted);
    - a seat row names its holder by user id only: assigned_to_email is left
      out of seat rows and diffs;
    - a profile's name change (full_name) is audited (action name_change,
      info), and a profile's audit row lists only the audited columns (role,
      organization_id, full_name), never the rest of the profile;
    - ip_address is the RIGHTMOST x-forwarded-for entry: the one the
      platform's gateway appends; every entry left of it is whatever the
      client sent (private.audit_request).
    Who and where the request came from (private.audit_actor,
    private.audit_request) are shared with private.record_audit_event
    (rpc_functions/26_audit_events.sql), the one way server code appends an
    event now that no API role inserts into audit_logs. Rows written before
    this migration are redacted in place (the one rewrite the append-only
    trail allows, done here as its owner with the guard disabled).

  certificates (finding 3)
    A certificate keeps the holder's name and the course title as issued:
    holder_name, course_title_en and course_title_fr are filled by a BEFORE
    INSERT trigger from the profile and the course (whatever the inserter
    sent), backfilled for existing certificates, and immutable afterwards
    for everyone (42501): a wrong name is corrected by revoking and issuing
    anew. verify_certificate shows these columns.

  lessons (findings 4, 5, 10)
    - quiz_attempts_per_day: the quiz settings live on the lesson, beside
      pass_threshold: how many attempts a learner has per rolling 24 hours
      (default 5); submit_quiz logs attempts in private.quiz_attempts.
    - quiz_questions has ONE shape, checked on every write (22023 naming the
      question), for every writer:
        null, or a JSON array of 1 to 100 questions, each an object with
          question        text, required, non-empty
          question_fr     text, optional
          options         array of 2 to 20 distinct non-empty texts, required
          options_fr      array of texts, one per option, optional
          correct_answer  integer, the index (from 0) of the right option, required
          explanation     text, optional
          explanation_fr  text, optional
        and no other key.
      Existing rows are checked here: the migration fails naming a lesson
      that does not fit.
    - A lesson with learners' progress does not move to another course
      (22023 instead of the raw 23503 of progress' composite key).

  profiles (ACCESS.md decision)
    private.guard_profile_update() (011_access_guards) is replaced: an
    org_admin changes a member's role only among the organization-scoped
    roles org_admin, learner, viewer and guest. educator, analyst,
    investigator, compliance_officer and super_admin carry rights beyond the
    organization: only a super_admin grants or removes them.
*/

-- Audit: redaction, actor and request -------------------------------------------------

create function private.audit_redacted(p_changes jsonb) returns jsonb
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select case when pg_catalog.jsonb_typeof(p_changes) is distinct from 'object' then p_changes else (
    select coalesce(pg_catalog.jsonb_object_agg(
      kv.key,
      case
        when not (
          kv.key ~ '^(stripe|card)_'
          or kv.key ~ '(^|_)(amount|cents)(_|$)'
          or kv.key in ('billing_name', 'billing_email', 'billing_address')
        ) or kv.value = 'null'::jsonb then kv.value
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
    from pg_catalog.jsonb_each(p_changes) as kv
  ) end
$$;

comment on function private.audit_redacted(jsonb) is
'An audit row''s changes with Stripe identifiers, payment-method details and amounts replaced by "[redacted]" '
'(the column still shows as changed). See 020_security_fixes.';

create function private.audit_actor(
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
  actor_role := coalesce(actor_role, claims ->> 'role', session_user::text);
end;
$$;

comment on function private.audit_actor() is
'Who acts, for audit rows: the JWT user''s profile (id, email, role, organization), else the JWT''s email and role '
'claims, else the session''s login role.';

/*
  The client address: the RIGHTMOST x-forwarded-for entry. The platform's
  gateway appends the address it received the request from; every entry to
  its left arrived in the client's own header and proves nothing. Null
  outside a request, or when the header does not parse: an audit write never
  fails on a header.
*/
create function private.audit_request(out ip inet, out agent text)
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

comment on function private.audit_request() is
'The request''s client address (rightmost x-forwarded-for entry, appended by the gateway) and user agent, '
'from PostgREST''s request.headers; nulls outside a request.';

revoke all on function
  private.audit_redacted(jsonb),
  private.audit_actor(),
  private.audit_request()
from public, anon, authenticated, service_role;

-- Audit: the writer -----------------------------------------------------------------

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

comment on function private.audit_row_change() is
'AFTER row trigger: writes one public.audit_logs row (who, what, changed columns, organization, severity) per '
'audited change, Stripe ids, payment details and amounts redacted, seats without emails. Arguments: columns left '
'out of an update''s diff. See 012_audit and 020_security_fixes.';

-- profiles: access changes and name changes
drop trigger audit_access_change on public.profiles;
create trigger audit_profile_change
after update of role, organization_id, full_name on public.profiles
for each row
when (
  old.role is distinct from new.role
  or old.organization_id is distinct from new.organization_id
  or old.full_name is distinct from new.full_name
)
execute function private.audit_row_change();

-- Rows written before this migration: redacted in place, as the table's
-- owner, past the append-only guard (the only rewrite the trail has had).
alter table public.audit_logs disable trigger append_only;
update public.audit_logs as a
set changes = private.audit_redacted(a.changes) - 'assigned_to_email'
where
  a.resource_type in ('subscriptions', 'subscription_seats', 'invoices', 'payment_methods')
  and a.changes is distinct from (private.audit_redacted(a.changes) - 'assigned_to_email');
alter table public.audit_logs enable trigger append_only;

-- Certificates: name and title as issued -------------------------------------------------

alter table public.certificates
add column holder_name text,
add column course_title_en text,
add column course_title_fr text;

comment on column public.certificates.holder_name is
'The holder''s full name when the certificate was issued; set by the database, never changed.';
comment on column public.certificates.course_title_en is
'The course''s English title when the certificate was issued; set by the database, never changed.';
comment on column public.certificates.course_title_fr is
'The course''s French title when the certificate was issued; set by the database, never changed.';

-- Backfill with today's names (the best record there is), without an audit
-- row per certificate.
alter table public.certificates disable trigger audit_update;
update public.certificates as ce
set holder_name = p.full_name, course_title_en = c.title_en, course_title_fr = c.title_fr
from public.profiles as p, public.courses as c
where p.id = ce.user_id and c.id = ce.course_id;
alter table public.certificates enable trigger audit_update;

create function private.stamp_certificate_as_issued() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  select p.full_name into new.holder_name from public.profiles as p where p.id = new.user_id;
  select c.title_en, c.title_fr into new.course_title_en, new.course_title_fr
  from public.courses as c
  where c.id = new.course_id;
  return new;
end;
$$;

comment on function private.stamp_certificate_as_issued() is
'BEFORE INSERT trigger on certificates: records the holder''s name and the course title as issued.';

create function private.guard_certificate_as_issued() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
  if new.holder_name is distinct from old.holder_name
    or new.course_title_en is distinct from old.course_title_en
    or new.course_title_fr is distinct from old.course_title_fr then
    raise exception using
      errcode = '42501',
      message = 'a certificate keeps the holder''s name and the course title as issued',
      hint = 'Revoke it and issue a new certificate to correct them.';
  end if;
  return new;
end;
$$;

comment on function private.guard_certificate_as_issued() is
'BEFORE UPDATE trigger on certificates: holder_name and course titles never change after issue (42501).';

revoke all on function
  private.stamp_certificate_as_issued(),
  private.guard_certificate_as_issued()
from public, anon, authenticated, service_role;

create trigger stamp_as_issued before insert on public.certificates
for each row execute function private.stamp_certificate_as_issued();

create trigger guard_as_issued before update on public.certificates
for each row execute function private.guard_certificate_as_issued();

-- Lessons: quiz settings, quiz shape, course changes ------------------------------------

alter table public.lessons
add column quiz_attempts_per_day integer not null default 5
constraint lessons_quiz_attempts_per_day_check check (quiz_attempts_per_day between 1 and 100);

comment on column public.lessons.quiz_attempts_per_day is
'Quiz setting: attempts a learner has at this quiz per rolling 24 hours (submit_quiz refuses more with 42501).';

create function private.check_quiz_questions(p_questions jsonb) returns void
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
declare
  allowed constant text[] := array[
    'question', 'question_fr', 'options', 'options_fr', 'correct_answer', 'explanation', 'explanation_fr'
  ];
  shape constant text :=
    'Each question: {"question": text, "options": [2 to 20 distinct texts], "correct_answer": index from 0} '
    'and optionally question_fr, options_fr (one text per option), explanation, explanation_fr; nothing else.';
  q jsonb;
  n integer;
  option_count integer;
  problem text;
begin
  if p_questions is null then
    return;
  end if;
  if pg_catalog.jsonb_typeof(p_questions) <> 'array'
    or pg_catalog.jsonb_array_length(p_questions) not between 1 and 100 then
    raise exception using
      errcode = '22023',
      message = 'quiz_questions must be a JSON array of 1 to 100 questions, or null',
      hint = shape;
  end if;

  for q, n in select e.value, e.n from pg_catalog.jsonb_array_elements(p_questions) with ordinality as e (value, n)
  loop
    option_count := case
      when pg_catalog.jsonb_typeof(q -> 'options') = 'array' then pg_catalog.jsonb_array_length(q -> 'options')
    end;
    problem := case
      when pg_catalog.jsonb_typeof(q) <> 'object' then 'must be a JSON object'
      when exists (select 1 from pg_catalog.jsonb_object_keys(q) as k (key) where k.key <> all(allowed)) then
        pg_catalog.format('has an unknown key "%s"', (
          select min(k.key) from pg_catalog.jsonb_object_keys(q) as k (key) where k.key <> all(allowed)
        ))
      when pg_catalog.jsonb_typeof(q -> 'question') is distinct from 'string' then '"question" must be a text'
      when pg_catalog.btrim(q ->> 'question') = '' then '"question" must not be empty'
      when q ? 'question_fr' and pg_catalog.jsonb_typeof(q -> 'question_fr') <> 'string' then
        '"question_fr" must be a text'
      when option_count is null or option_count not between 2 and 20 then '"options" must be an array of 2 to 20 texts'
      when exists (
        select 1 from pg_catalog.jsonb_array_elements(q -> 'options') as o (value)
        where pg_catalog.jsonb_typeof(o.value) <> 'string' or pg_catalog.btrim(o.value #>> '{}') = ''
      ) then '"options" must hold non-empty texts only'
      when (select count(distinct o.value) from pg_catalog.jsonb_array_elements(q -> 'options') as o (value))
        <> option_count then '"options" must be distinct'
      when q ? 'options_fr' and pg_catalog.jsonb_typeof(q -> 'options_fr') <> 'array' then
        '"options_fr" must be an array with one text per option'
      when q ? 'options_fr' and (
        pg_catalog.jsonb_array_length(q -> 'options_fr') <> option_count
        or exists (
          select 1 from pg_catalog.jsonb_array_elements(q -> 'options_fr') as o (value)
          where pg_catalog.jsonb_typeof(o.value) <> 'string'
        )
      ) then '"options_fr" must be an array with one text per option'
      when pg_catalog.jsonb_typeof(q -> 'correct_answer') is distinct from 'number' then
        '"correct_answer" must be the index (from 0) of the right option'
      when (q ->> 'correct_answer')::numeric not in (
        select (s.i)::numeric from pg_catalog.generate_series(0, option_count - 1) as s (i)
      ) then '"correct_answer" must be the index (from 0) of the right option'
      when q ? 'explanation' and pg_catalog.jsonb_typeof(q -> 'explanation') <> 'string' then
        '"explanation" must be a text'
      when q ? 'explanation_fr' and pg_catalog.jsonb_typeof(q -> 'explanation_fr') <> 'string' then
        '"explanation_fr" must be a text'
    end;
    if problem is not null then
      raise exception using
        errcode = '22023',
        message = pg_catalog.format('quiz question %s: %s', n, problem),
        hint = shape;
    end if;
  end loop;
end;
$$;

comment on function private.check_quiz_questions(jsonb) is
'Raises 22023 naming the first question of a quiz_questions value that does not fit the one shape '
'(see 020_security_fixes).';

-- SECURITY DEFINER so that check_quiz_questions needs no grant to the
-- authors' role (a trigger function cannot be called directly).
create function private.validate_quiz_questions() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform private.check_quiz_questions(new.quiz_questions);
  return new;
end;
$$;

comment on function private.validate_quiz_questions() is
'BEFORE INSERT/UPDATE trigger on lessons: quiz_questions must fit the one documented shape (22023).';

-- Existing quizzes must fit before the trigger guards new ones.
do $$
declare
  l record;
begin
  for l in select le.id, le.quiz_questions from public.lessons as le where le.quiz_questions is not null loop
    begin
      perform private.check_quiz_questions(l.quiz_questions);
    exception when sqlstate '22023' then
      raise exception using
        errcode = '22023',
        message = pg_catalog.format('lesson %s: %s', l.id, sqlerrm),
        hint = 'Rewrite its quiz_questions in the documented shape, then apply again.';
    end;
  end loop;
end
$$;

create trigger validate_quiz_questions before insert or update of quiz_questions on public.lessons
for each row execute function private.validate_quiz_questions();

-- A lesson's learners' progress names (lesson, course): the lesson stays in its course.
create function private.guard_lesson_course_change() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if exists (select from public.progress as pr where pr.lesson_id = old.id) then
    raise exception using
      errcode = '22023',
      message = 'a lesson with learners'' progress does not change course',
      hint = 'Create the lesson in the other course instead.';
  end if;
  return new;
end;
$$;

comment on function private.guard_lesson_course_change() is
'BEFORE UPDATE OF course_id trigger on lessons: a lesson with learners'' progress stays in its course (22023).';

revoke all on function
  private.check_quiz_questions(jsonb),
  private.validate_quiz_questions(),
  private.guard_lesson_course_change()
from public, anon, authenticated, service_role;

create trigger guard_lesson_course_change before update of course_id on public.lessons
for each row
when (old.course_id is distinct from new.course_id)
execute function private.guard_lesson_course_change();

-- Quiz attempts: the log the rolling limit counts --------------------------------------

create table private.quiz_attempts (
  id bigint generated always as identity primary key,
  user_id uuid not null references public.profiles (id) on delete cascade,
  lesson_id uuid not null references public.lessons (id) on delete cascade,
  attempted_at timestamptz not null default now(),
  score numeric(5, 2) not null check (score between 0 and 100),
  passed boolean not null
);

comment on table private.quiz_attempts is
'Each learner''s quiz attempts of the last 24 hours (older rows are pruned by submit_quiz): '
'what lessons.quiz_attempts_per_day limits. Not reachable by clients.';

create index idx_quiz_attempts_user_lesson on private.quiz_attempts (user_id, lesson_id, attempted_at);
create index idx_quiz_attempts_lesson on private.quiz_attempts (lesson_id);

alter table private.quiz_attempts enable row level security;
revoke all on private.quiz_attempts from public, anon, authenticated, service_role;

-- profiles: an org_admin gives organization-scoped roles only --------------------------

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
  -- The roles an org_admin gives and takes: rights inside the organization only.
  org_scoped constant text[] := array['org_admin', 'learner', 'viewer', 'guest'];
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
      if old.role <> all(org_scoped) or new.role <> all(org_scoped) then
        raise exception using
          errcode = '42501',
          message = 'permission denied to change column "role" of profiles: an org_admin gives and takes only '
          || 'the organization-scoped roles org_admin, learner, viewer and guest',
          hint = 'educator, analyst, investigator, compliance_officer and super_admin carry rights beyond the '
          || 'organization: only a super_admin grants or removes them.';
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
'BEFORE UPDATE trigger on profiles: the column rules of ACCESS.md for API callers; an org_admin gives only '
'organization-scoped roles (see 011_access_guards, 020_security_fixes).';
