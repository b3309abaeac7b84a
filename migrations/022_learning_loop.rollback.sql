-- Undoes 022_learning_loop.
drop trigger if exists learning_check_badge on public.custom_badges;
drop trigger if exists learning_loop_profiles on public.profiles;
drop trigger if exists learning_loop_coaching on public.ai_coaching_sessions;
drop trigger if exists learning_loop_bookmarks on public.bookmarks;
drop trigger if exists learning_loop_certificates on public.certificates;
drop trigger if exists learning_loop_delete on public.progress;
drop trigger if exists learning_loop_update on public.progress;
drop trigger if exists learning_loop_insert on public.progress;
drop function if exists private.learning_check_badge();
drop trigger if exists learning_loop_copy on public.user_achievements;
drop function if exists private.learning_achievements_copy();
drop function if exists private.learning_on_profile();
drop function if exists private.learning_on_coaching_session();
drop function if exists private.learning_on_bookmark();
drop function if exists private.learning_on_certificate();
drop function if exists private.learning_on_progress();

drop table if exists public.learning_path_enrollments;

drop index if exists public.idx_achievements_board_team;
drop index if exists public.idx_achievements_board_org_month;
drop index if exists public.idx_achievements_board_org_week;
drop index if exists public.idx_achievements_board_org;
drop index if exists public.idx_achievements_board_global_month;
drop index if exists public.idx_achievements_board_global_week;
drop index if exists public.idx_achievements_board_global;
alter table public.user_achievements
drop column if exists listed,
drop column if exists points_month,
drop column if exists points_week,
drop column if exists team_id,
drop column if exists organization_id;

drop table if exists private.points_ledger;
drop function if exists private.points_ledger_append_only();
