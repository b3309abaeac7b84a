-- Undoes 056_case_search_champions, with the functions of rpc_functions/09_case_search_champions.sql
-- that it requires (`abr-db rollback` keeps a required file's functions for the migration to drop).
drop trigger if exists sync_case_search_champions_update on public.tribunal_cases;
drop trigger if exists sync_case_search_champions_insert on public.tribunal_cases;
drop table if exists private.case_search_champions;
drop table if exists private.case_search_lexemes;
drop function if exists private.rebuild_case_search_champions(text, text [], integer);
drop function if exists private.sync_case_search_champions();
drop function if exists private.case_search_champion_rows_sql(text);
drop function if exists private.case_lexeme_query_sql(text);
drop function if exists private.case_rank_sql(text, text);
drop function if exists private.case_boost_sql();
