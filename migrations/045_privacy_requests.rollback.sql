drop table if exists public.privacy_requests;
