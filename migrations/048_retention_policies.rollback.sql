drop table if exists private.retention_policies;
