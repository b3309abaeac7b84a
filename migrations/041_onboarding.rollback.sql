-- Undoes 041_onboarding (flags already set stay set: they are the users' data).
drop trigger if exists onboarding_profile_completed on public.profiles;
drop trigger if exists onboarding_course_completed on public.progress;
drop trigger if exists onboarding_course_started on public.progress;
drop function if exists private.onboarding_on_profile();
drop function if exists private.onboarding_on_progress();
drop table if exists private.onboarding_steps;
