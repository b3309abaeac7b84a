-- Undoes 003_gamification.
drop table if exists public.learning_paths;
drop table if exists public.custom_badges;
drop table if exists public.user_achievements;
