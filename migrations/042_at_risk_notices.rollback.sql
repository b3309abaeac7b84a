-- Undoes 042_at_risk_notices (the job and its function are repeatables: `abr-db rollback`
-- removes them with the files that define them).
drop index if exists public.idx_progress_org_unfinished_courses;
drop table if exists private.at_risk_notices;
