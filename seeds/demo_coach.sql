/*
  Demo data of the AI coach (after demo.sql): two members of Collège du Fleuve
  falling behind, so its admin (kofi) and at_risk_learners have something to see.
    lea    started the foundations course and has not come back for 20 days (inactive)
    henri  built a 4-day streak, then stopped 3 days ago (streak_lost)
  Maple's members are all active or done: its admins see nobody.
*/

update public.progress
set last_accessed = now() - interval '20 days', started_at = now() - interval '21 days'
where user_id = md5('user:lea')::uuid;

update public.progress
set last_accessed = now() - interval '3 days'
where user_id = md5('user:henri')::uuid;

update public.user_achievements
set current_streak_days = 4, longest_streak_days = 4, last_activity_date = private.toronto_day(now()) - 3
where user_id = md5('user:henri')::uuid;
