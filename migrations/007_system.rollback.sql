-- Undoes 007_system.
drop table if exists public.feature_flags;
drop table if exists public.onboarding;
drop table if exists public.audit_logs;
