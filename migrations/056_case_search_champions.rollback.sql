-- Undoes 056_case_search_champions (the functions are repeatables: `abr-db rollback`
-- removes them with rpc_functions/09_case_search_champions.sql).
drop trigger if exists sync_case_search_champions_update on public.tribunal_cases;
drop trigger if exists sync_case_search_champions_insert on public.tribunal_cases;
drop table if exists private.case_search_champions;
drop table if exists private.case_search_lexemes;
