/*
  048_retention_policies: how long each kind of personal data is kept, as
  data (Quebec Law 25 s.23: destroy or anonymize once the purpose is
  achieved, subject to the retention periods of the law; PIPEDA principle
  4.5). The daily job apply-retention (rpc_functions/74_retention.sql,
  cron_jobs/apply_retention.sql) reads this table: changing a period is an
  UPDATE of keep_for by the database owner, not a code change.

    data_kind          what is kept (one row each)
    keep_for           how long, from the moment named in starts_at
    action             delete | anonymize (what happens at the end)
    starts_at          the moment the period runs from
    applied_by         the job or function that applies it
    reason             why this period

  Read by super admins and compliance officers (as the documentation of the
  organization's retention schedule); written by no API role.
*/

-- Its rows are the product's retention schedule: a rollback lists them and puts them back with the migration.
-- reference-data: private.retention_policies
create table private.retention_policies (
  data_kind text primary key,
  keep_for interval not null check (keep_for > interval '0'),
  action text not null check (action in ('delete', 'anonymize')),
  starts_at text not null,
  applied_by text not null,
  reason text not null
);

comment on table private.retention_policies is
'Retention period per kind of personal data, applied daily by apply-retention (audit rows by purge-audit-logs).';

revoke all on private.retention_policies from public, anon, authenticated, service_role;

insert into private.retention_policies (data_kind, keep_for, action, starts_at, applied_by, reason) values
('audit_logs', interval '7 years', 'delete', 'the event (audit_logs.retention_until)',
  'purge-audit-logs (private.purge_expired_audit_logs)',
  'Evidence of who did what, kept as long as the limitation periods a compliance audit may need; the erased '
  || 'persons'' names and addresses are scrubbed at erasure.'),
('notifications', interval '180 days', 'delete', 'the notification''s creation',
  'apply-retention (private.apply_retention)',
  'A notice is useful for weeks; half a year covers any follow-up. Expiring notices go earlier '
  || '(purge-expired-notifications).'),
('ai_coaching_sessions', interval '1 year', 'delete', 'the session''s last update',
  'apply-retention (private.apply_retention)',
  'Coaching conversations can reveal experiences of racism (sensitive information): kept only as long as the '
  || 'coaching relationship plausibly continues.'),
('raw_ingestion_payloads', interval '180 days', 'anonymize', 'the raw case''s last update, once reviewed '
  || '(approved, rejected or duplicate)', 'apply-retention (private.apply_retention)',
  'Scraped decisions name parties; once reviewed the curated case is the record, so raw_html and raw_text are '
  || 'cleared (the row and its lineage stay).'),
('inactive_accounts', interval '3 years', 'anonymize', 'the last sign-in (else the account''s creation)',
  'apply-retention (private.apply_retention)',
  'An account unused for three years has achieved its purpose: the person is anonymized as by erase_user '
  || '(certificates still verify, organization counts stay); super admins and persons with an open request are '
  || 'skipped.');
