-- Undoes 012_audit.
drop function if exists private.purge_expired_audit_logs();
drop trigger if exists append_only_truncate on public.audit_logs;
drop trigger if exists append_only on public.audit_logs;
drop function if exists private.audit_logs_append_only();
drop trigger if exists audit_review on public.tribunal_cases_raw;
drop trigger if exists audit_review on public.tribunal_cases;
drop trigger if exists audit_update on public.feature_flags;
drop trigger if exists audit_insert_delete on public.feature_flags;
drop trigger if exists audit_update on public.certificates;
drop trigger if exists audit_insert_delete on public.certificates;
drop trigger if exists audit_update on public.subscription_seats;
drop trigger if exists audit_insert_delete on public.subscription_seats;
drop trigger if exists audit_update on public.subscriptions;
drop trigger if exists audit_insert_delete on public.subscriptions;
drop trigger if exists audit_delete on public.organizations;
drop trigger if exists audit_settings_change on public.organizations;
drop trigger if exists audit_access_change on public.profiles;
drop function if exists private.audit_row_change();
