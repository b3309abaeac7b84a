-- Undoes 009_analytics.
drop materialized view if exists public.org_analytics;
