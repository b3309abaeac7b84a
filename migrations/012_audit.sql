-- requires: rpc_functions/06_audit_triggers.sql
-- previous-sha256: ffd4d880140b9223e994e497056588768492d0ccba6ba11d5c0773f1b9729abf
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

create trigger append_only
before update or delete on public.audit_logs
for each row execute function private.audit_logs_append_only();

create trigger append_only_truncate
before truncate on public.audit_logs
for each statement execute function private.audit_logs_append_only();

-- Retention purge: private.purge_expired_audit_logs() (rpc_functions/06_audit_triggers.sql),
-- run daily by cron_jobs/purge_audit_logs.sql.
