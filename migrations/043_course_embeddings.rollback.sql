-- Undoes 043_course_embeddings (the RPCs that read these tables are repeatables:
-- `abr-db rollback` removes them with rpc_functions/63_recommendations.sql).
drop index if exists public.idx_progress_org_course_rows;
drop trigger if exists clear_stale_embedding on public.lessons;
drop trigger if exists clear_stale_embedding on public.courses;
drop function if exists private.clear_stale_lesson_embedding();
drop function if exists private.clear_stale_course_embedding();
drop table if exists private.lesson_embeddings;
drop table if exists private.course_embeddings;
