-- Undoes 023_case_search.
drop type if exists private.case_filters;
drop index if exists public.idx_saved_searches_notify;
drop index if exists public.idx_tribunal_created;
drop table if exists private.saved_search_notified_cases;

drop trigger if exists clear_stale_embedding on public.tribunal_cases;
drop function if exists private.clear_stale_case_embedding();

drop index if exists public.idx_tribunal_browse;
drop index if exists public.idx_tribunal_embedding;
drop index if exists public.idx_tribunal_search_fr;
drop index if exists public.idx_tribunal_search_en;
alter table public.tribunal_cases
drop column if exists embedding_model,
drop column if exists embedding,
drop column if exists rank_doc_fr,
drop column if exists rank_doc_en,
drop column if exists search_fr,
drop column if exists search_en;

drop function if exists private.fold_accents(tsvector);
drop function if exists private.fold_accents(tsquery);
drop text search configuration if exists private.french_unaccent;
drop text search configuration if exists private.english_unaccent;
drop text search dictionary if exists private.french_stop; -- noqa: PRS

-- unaccent goes unless something outside abr-db uses it (as 001 does for vector).
do $$
begin
  if not exists (
    select
    from pg_catalog.pg_depend as d
    inner join pg_catalog.pg_extension as e on d.refobjid = e.oid
    where e.extname = 'unaccent'
      and d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
      and d.deptype = 'n'
  ) then
    drop extension if exists unaccent;
  end if;
end
$$;
