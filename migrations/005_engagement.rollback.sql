-- Undoes 005_engagement.
drop table if exists public.resources;
drop table if exists public.notifications;
drop table if exists public.saved_searches;
drop table if exists public.bookmarks;
drop table if exists public.ai_coaching_sessions;
