/*
  028_points_audit_slugs_privileges: security hardening of the learning loop,
  saved searches, the audit trail, ingestion schedules, catalog slugs and
  table privileges.

  - Points: a course or a badge is worth 0 to 10,000 points
    (private.max_points_value()); more, or less, is refused on write with
    22023 naming points_value (BEFORE trigger check_points_value). Rows above
    the maximum are brought down to it. The arithmetic on totals saturates at
    the integer bounds (rpc_functions/17_gamification.sql, add_points).
  - Saved searches: filters are checked on write (22023 naming the key;
    BEFORE trigger check_filters, logic in rpc_functions/41_saved_searches.sql),
    so a search the daily alert job cannot run is never stored; the job also
    isolates each search's failure.
  - Audit: private.audit_redacted redacts at every depth of the changes
    (objects and arrays), by key (Stripe, card and billing keys, amounts,
    totals, customer, payment_method, last4 ...) and by value (any string
    holding a Stripe object id such as cus_..., sub_..., pm_..., in_...,
    pi_..., ch_..., price_..., prod_..., seti_..., evt_...). Rows written
    before are redacted again in place, past the append-only guard, as 020
    did (the second and last rewrite the trail has had).
  - Ingestion schedules: a source's pg_cron job is named ingest-<source id>
    (43 bytes, unique), not ingest-<source name> (cut at 63 bytes, so two
    long names shared a job); the readable label, the source's name, is in
    the job's command as a comment. Existing jobs are renamed here.
  - Catalog slugs (the existence oracle): a published course's or learning
    path's slug is unique among published ones; a draft's slug is unique
    among its author's own drafts. A draft of another author no longer
    reserves a slug, so a 23505 on insert never reveals a row the caller
    cannot read. A slug taken by something the caller can see is refused
    with a message naming it (23505, BEFORE trigger check_slug).
  - Privileges: TRUNCATE (which fires no row trigger, so no audit row),
    TRIGGER and REFERENCES on tables in public are revoked from anon,
    authenticated, service_role and PUBLIC, now and as default privileges
    for tables created later (017 closed the others). Each rls_policies/
    file revokes them too (the files own their table's grants, and verify
    fingerprints them). The advisor api_role_table_maintenance
    (tools/abr_db/advisors.py) keeps it so.
*/

-- Points: a bounded value per course and badge ----------------------------------------

create function private.max_points_value() returns integer
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select 10000
$$;

comment on function private.max_points_value() is
'The most points a course or a badge may be worth (10,000): with the integer totals saturating, no award can '
'overflow and no single badge can buy the leaderboard.';

create function private.check_points_value() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if new.points_value is null or new.points_value not between 0 and private.max_points_value() then
    raise exception using
      errcode = '22023',
      message = pg_catalog.format(
        'points_value must be a whole number from 0 to %s, not %s',
        private.max_points_value(), coalesce(new.points_value::text, 'null')
      ),
      hint = pg_catalog.format('A %s is worth at most %s points.',
        case tg_table_name when 'courses' then 'course' else 'badge' end, private.max_points_value());
  end if;
  return new;
end;
$$;

comment on function private.check_points_value() is
'BEFORE trigger on courses and custom_badges: points_value from 0 to private.max_points_value() (22023).';

revoke all on function private.max_points_value(), private.check_points_value() from public;

update public.courses set points_value = private.max_points_value()
where points_value > private.max_points_value();
update public.custom_badges set points_value = private.max_points_value()
where points_value > private.max_points_value();

create trigger check_points_value before insert or update of points_value on public.courses
for each row execute function private.check_points_value();
create trigger check_points_value before insert or update of points_value on public.custom_badges
for each row execute function private.check_points_value();

-- Saved searches: filters checked on write ----------------------------------------------

-- Thin: the rules are private.saved_search_filters_checked (rpc_functions/41_saved_searches.sql),
-- the ones run_saved_search and the alert job read the filters with.
create function private.check_saved_search_filters() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform private.saved_search_filters_checked(new.filters);
  return new;
end;
$$;

comment on function private.check_saved_search_filters() is
'BEFORE trigger on saved_searches: refuses filters a search cannot run with (22023 naming the key).';

revoke all on function private.check_saved_search_filters() from public;

create trigger check_filters before insert or update of filters on public.saved_searches
for each row execute function private.check_saved_search_filters();

-- Audit: redaction at every depth, by key and by value ----------------------------------

create function private.audit_secret_key(p_key text) returns boolean
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
create function private.audit_stripe_id(p_value text) returns boolean
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

alter table public.audit_logs disable trigger append_only;
update public.audit_logs as a
set changes = private.audit_redacted(a.changes)
where a.changes is distinct from private.audit_redacted(a.changes);
alter table public.audit_logs enable trigger append_only;

-- Audit: a service_role JWT is the server, even for a user ---------------------------------

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

-- Ingestion schedules: one job per source id ---------------------------------------------

drop function private.ingestion_job_name(text);

create function private.ingestion_job_name(p_source_id uuid) returns text
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select 'ingest-' || p_source_id::text
$$;

comment on function private.ingestion_job_name(uuid) is
'The pg_cron job name of a tribunal source: ingest-<source id> (43 bytes: unique and never cut at 63).';

-- The job's command: the queue call, then the source's name as a label
-- (letters, digits, spaces and . _ - only, at most 60 characters: it sits in a
-- comment, which nothing in it can close).
create function private.ingestion_job_command(p_source_id uuid, p_name text) returns text
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select pg_catalog.format(
    'select private.queue_scheduled_ingestion(%L::uuid) /* %s */',
    p_source_id,
    pg_catalog.left(pg_catalog.regexp_replace(coalesce(p_name, ''), '[^[:alnum:] ._-]', '', 'g'), 60)
  )
$$;

comment on function private.ingestion_job_command(uuid, text) is
'The command of a source''s pg_cron job: queue a scheduled ingestion job, labelled with the source''s name.';

create or replace function private.schedule_tribunal_source(
  p_source_id uuid, p_name text, p_schedule text, p_active boolean
) returns void
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if pg_catalog.to_regclass('cron.job') is null then
    return; -- pg_cron is not in this database (it lives in cron.database_name only)
  end if;
  if p_active then
    perform cron.schedule(
      private.ingestion_job_name(p_source_id), p_schedule, private.ingestion_job_command(p_source_id, p_name)
    );
  else
    perform cron.unschedule(j.jobid)
    from cron.job as j
    where j.jobname = private.ingestion_job_name(p_source_id);
  end if;
end;
$$;

comment on function private.schedule_tribunal_source(uuid, text, text, boolean) is
'Schedules (active) or unschedules the pg_cron job ingest-<source id> of a source; nothing where pg_cron is absent.';

create or replace function private.sync_tribunal_source_schedule() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op = 'DELETE' then
    perform private.schedule_tribunal_source(old.id, old.name, old.schedule_cron, false);
  elsif tg_op = 'INSERT' or old.name is distinct from new.name
    or old.schedule_cron is distinct from new.schedule_cron or old.is_active is distinct from new.is_active
  then
    -- A rename reschedules too: the label in the command follows the name.
    perform private.schedule_tribunal_source(new.id, new.name, new.schedule_cron, new.is_active);
  end if;
  return null;
end;
$$;

comment on function private.sync_tribunal_source_schedule() is
'AFTER trigger on tribunal_sources: keeps the source''s pg_cron job ingest-<source id> in step, in the same '
'transaction.';

create or replace function private.sync_ingestion_schedules() returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_source record;
  v_count integer := 0;
begin
  if pg_catalog.to_regclass('cron.job') is null then
    return 0;
  end if;
  -- Jobs of no active source, the ingest-<name> jobs of before 028 included.
  perform cron.unschedule(j.jobid)
  from cron.job as j
  where j.jobname like 'ingest-%'
    and not exists (
      select from public.tribunal_sources as s
      where s.is_active and private.ingestion_job_name(s.id) = j.jobname
    );
  for v_source in select s.id, s.name, s.schedule_cron from public.tribunal_sources as s where s.is_active loop
    -- One source at a time: a schedule pg_cron refuses (a row older than the check of
    -- 024) is logged and skipped, and the other sources are still scheduled.
    begin
      perform private.schedule_tribunal_source(v_source.id, v_source.name, v_source.schedule_cron, true);
      v_count := v_count + 1;
    exception when others then
      raise warning using message = pg_catalog.format(
        'ingestion schedule of source %s skipped (%s: %s)', v_source.id, sqlstate, sqlerrm
      );
    end;
  end loop;
  return v_count;
end;
$$;

comment on function private.sync_ingestion_schedules() is
'Schedules every active tribunal source (ingest-<source id>) and unschedules ingest-* jobs of no active source; '
'a source that cannot be scheduled is logged and skipped; returns the count scheduled.';

revoke all on function
  private.ingestion_job_name(uuid),
  private.ingestion_job_command(uuid, text),
  private.schedule_tribunal_source(uuid, text, text, boolean),
  private.sync_tribunal_source_schedule(),
  private.sync_ingestion_schedules()
from public;

-- Existing jobs: ingest-<name> becomes ingest-<source id>.
do $$
begin
  perform private.sync_ingestion_schedules();
end
$$;

-- Catalog slugs: no draft of another author reserves one -----------------------------------

alter table public.courses drop constraint courses_slug_key;
create unique index courses_published_slug_key on public.courses (slug)
where is_published and deleted_at is null;
create unique index courses_draft_slug_key on public.courses (created_by, slug)
where not is_published and deleted_at is null;

alter table public.learning_paths drop constraint learning_paths_slug_key;
create unique index learning_paths_published_slug_key on public.learning_paths (slug)
where is_published;
create unique index learning_paths_draft_slug_key on public.learning_paths (created_by, slug)
where not is_published;

comment on index public.courses_published_slug_key is
'A published live course''s slug is unique among published live courses (what every reader sees).';
comment on index public.courses_draft_slug_key is
'A draft''s slug is unique among its author''s live drafts only: another author''s draft reserves nothing, so an '
'insert never reveals a draft the caller cannot read.';
comment on index public.learning_paths_published_slug_key is
'A published path''s slug is unique among published paths.';
comment on index public.learning_paths_draft_slug_key is
'A draft path''s slug is unique among its author''s drafts only.';

/*
  The clear 23505 for a slug the caller can see taken: by a published (live)
  row, which everyone reads, or by another live draft of the same author.
  SECURITY DEFINER to see past RLS, but it answers only about rows every
  author reads anyway; the partial unique indexes above are the guarantee
  (two concurrent writers get their plain 23505).
*/
create function private.check_catalog_slug() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  live boolean := coalesce((pg_catalog.to_jsonb(new) ->> 'deleted_at') is null, true);
  kind text := case tg_table_name when 'courses' then 'course' else 'learning path' end;
  taken boolean;
begin
  if not live or new.slug is null then
    return new;
  end if;
  -- A signed-in user the policies refuse this row (not an author, or an educator writing
  -- another author's row) gets their 42501, never first a word about the slug.
  if (select private.current_user_id()) is not null and not (select private.is_super_admin())
    and not coalesce((select private.is_educator()) and new.created_by = (select private.current_user_id()), false)
  then
    return new;
  end if;
  if tg_table_name = 'courses' then
    select exists (
      select from public.courses as c
      where c.slug = new.slug and c.id <> new.id and c.deleted_at is null
        and (c.is_published or (not new.is_published and c.created_by = new.created_by))
    ) into taken;
  else
    select exists (
      select from public.learning_paths as lp
      where lp.slug = new.slug and lp.id <> new.id
        and (lp.is_published or (not new.is_published and lp.created_by = new.created_by))
    ) into taken;
  end if;
  if taken then
    raise exception using
      errcode = '23505',
      message = pg_catalog.format('the slug %s is already used by a published %s or by one of your drafts',
        pg_catalog.quote_literal(new.slug), kind),
      hint = 'Choose another slug.';
  end if;
  return new;
end;
$$;

comment on function private.check_catalog_slug() is
'BEFORE trigger on courses and learning_paths: 23505 for a slug a published row or the author''s own draft holds '
'(never for another author''s draft).';

revoke all on function private.check_catalog_slug() from public;

create trigger check_slug before insert or update of slug, is_published, created_by, deleted_at on public.courses
for each row execute function private.check_catalog_slug();
create trigger check_slug before insert or update of slug, is_published, created_by on public.learning_paths
for each row execute function private.check_catalog_slug();

-- Privileges: no API role truncates, adds triggers or references a table ------------------

do $$
declare
  t regclass;
begin
  for t in
    select c.oid::regclass from pg_catalog.pg_class as c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
  loop
    execute pg_catalog.format(
      'revoke truncate, trigger, references on %s from public, anon, authenticated, service_role', t
    );
  end loop;
end
$$;

alter default privileges in schema public revoke truncate, trigger, references on tables
from public, anon, authenticated, service_role;
