-- Undoes 060_lookup_indexes.
drop index public.idx_audit_resource_id;
drop index public.idx_profiles_email_lower;
