-- Undoes 055_case_search_rum.
drop index if exists public.idx_tribunal_rank_doc_en;
drop index if exists public.idx_tribunal_rank_doc_fr;
drop extension if exists rum;
