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

-- requires: rpc_functions/04_catalog_guards.sql

update public.courses set points_value = private.max_points_value()
where points_value > private.max_points_value();
update public.custom_badges set points_value = private.max_points_value()
where points_value > private.max_points_value();

create trigger check_points_value before insert or update of points_value on public.courses
for each row execute function private.check_points_value();
create trigger check_points_value before insert or update of points_value on public.custom_badges
for each row execute function private.check_points_value();

-- Saved searches: filters checked on write ----------------------------------------------

-- requires: rpc_functions/07_saved_search_guards.sql

create trigger check_filters before insert or update of filters on public.saved_searches
for each row execute function private.check_saved_search_filters();

-- Audit: redaction at every depth, by key and by value ----------------------------------

-- requires: rpc_functions/06_audit_triggers.sql
alter table public.audit_logs disable trigger append_only;
update public.audit_logs as a
set changes = private.audit_redacted(a.changes)
where a.changes is distinct from private.audit_redacted(a.changes);
alter table public.audit_logs enable trigger append_only;

-- Audit: a service_role JWT is the server, even for a user ---------------------------------

-- private.audit_actor() is in rpc_functions/06_audit_triggers.sql (required above).

-- Ingestion schedules: one job per source id ---------------------------------------------

-- The job name was the source's name, now its id (a new signature).
drop function if exists private.ingestion_job_name(text);

-- requires: rpc_functions/43_ingestion_schedules.sql

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

-- private.check_catalog_slug() is in rpc_functions/04_catalog_guards.sql (required above).

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
