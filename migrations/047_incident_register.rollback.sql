drop table if exists public.privacy_incidents;
drop function if exists private.privacy_incidents_append_only();
