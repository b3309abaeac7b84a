-- Undoes 026_policy_scope_indexes.
drop index public.idx_custom_badges_organization;
