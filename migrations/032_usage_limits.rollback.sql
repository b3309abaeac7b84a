-- Undoes 032_usage_limits.
drop table if exists private.usage_requests;
drop table if exists private.usage_counters;
drop table if exists public.plan_limits;
