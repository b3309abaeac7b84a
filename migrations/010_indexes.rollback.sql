-- Undoes 010_indexes.
drop index if exists public.idx_subscriptions_renewal;
drop index if exists public.idx_achievements_leaderboard;
drop index if exists public.idx_tribunal_search;
drop index if exists public.idx_progress_completion;
drop index if exists public.idx_progress_user_recent;
