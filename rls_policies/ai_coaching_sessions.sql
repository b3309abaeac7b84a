/*
  ai_coaching_sessions: a user's conversations with the AI coach. Each user
  reads their own sessions, inserts their own, and rates their own (only
  user_rating, was_helpful and user_feedback are updatable). Nobody else
  reads them from a client; the coaching service writes as service_role.

  Interpretation:
  - viewer and guest are read-only (ACCESS.md): they read their own sessions
    but neither insert nor rate (private.is_contributor()).
  - No client delete: the spec grants "insert/rate own" only; sessions are
    removed with the profile (on delete cascade) or by service_role.
  - Staff do not read members' coaching sessions (not listed in ACCESS.md:
    they are personal).
*/
alter table public.ai_coaching_sessions enable row level security;

-- Grants: start from nothing, give back what the policies need.
revoke all on public.ai_coaching_sessions from anon, authenticated;
revoke truncate, trigger, references on public.ai_coaching_sessions from public, service_role;
grant select on public.ai_coaching_sessions to authenticated;
grant insert (
  user_id, session_type, user_query, user_context, ai_response, ai_model, ai_prompt,
  recommended_actions, recommended_courses, user_rating, was_helpful, user_feedback
) on public.ai_coaching_sessions to authenticated;
grant update (user_rating, was_helpful, user_feedback) on public.ai_coaching_sessions to authenticated;
grant select, insert, update, delete on public.ai_coaching_sessions to service_role;

drop policy if exists "users read own sessions" on public.ai_coaching_sessions;
create policy "users read own sessions" on public.ai_coaching_sessions
for select to authenticated
using (user_id = (select private.current_user_id()));

drop policy if exists "users insert own sessions" on public.ai_coaching_sessions;
create policy "users insert own sessions" on public.ai_coaching_sessions
for insert to authenticated
with check (user_id = (select private.current_user_id()) and (select private.is_contributor()));

drop policy if exists "users rate own sessions" on public.ai_coaching_sessions;
create policy "users rate own sessions" on public.ai_coaching_sessions
for update to authenticated
using (user_id = (select private.current_user_id()) and (select private.is_contributor()))
with check (user_id = (select private.current_user_id()) and (select private.is_contributor()));
