-- Undoes 040_coaching_allowance (the functions that use these tables are repeatables:
-- `abr-db rollback` removes them with rpc_functions/60_coaching.sql).
drop table if exists private.coaching_requests;
drop table if exists private.coaching_session_usage;
