-- Undoes 004_ingestion.
drop table if exists public.classification_feedback;
drop table if exists public.tribunal_cases;
drop table if exists public.tribunal_cases_raw;
drop table if exists public.ingestion_jobs;
drop table if exists public.tribunal_sources;
