-- Undoes 014_policy_indexes.
drop index if exists public.idx_courses_catalog;
