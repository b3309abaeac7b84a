/*
  050_realtime_broadcast: Broadcast from the database, on private topics.

  Supabase recommends Broadcast over Postgres Changes at scale: a trigger sends
  a message to a topic with realtime.send() (a row in realtime.messages, which
  Realtime reads through logical replication and delivers), and a client on a
  private channel receives a topic's messages only if the select policy on
  realtime.messages lets it join that topic (rls_policies/realtime_messages.sql).
  Postgres Changes instead checks every change against every subscriber's RLS.

  Topics (README "Realtime"):
    user:<id>:notifications   notifications inserted or updated
    user:<id>:learning        points, level, streak, badges; certificates issued
    org:<id>:leaderboard      what the leaderboard RPC shows of members who moved
    reviewers:queue           raw cases entering the queue or changing status
    ingestion:jobs            ingestion jobs starting or changing status
    org:<id>:seats            seats and invitations of the organization

  Write cost: every trigger is FOR EACH STATEMENT with transition tables and
  sends one message per topic per statement, whatever the number of rows: a bulk
  update of 10,000 seats of one organization is one message, not 10,000. Row
  lists are capped (more rows: the count only, and the client refetches).
  Columns that do not concern a topic's readers (ranks recomputed hourly, weekly
  resets, heartbeats, login counters) send nothing.

  Payloads carry only what the topic's readers may read anyway, and less: no
  email, no other organization's data, no quiz answers, no error stacks.

  The trigger functions (SECURITY DEFINER, executable by nobody) are in
  rpc_functions/28_realtime_broadcast.sql, required below.

  realtime.send() never fails the writer's transaction: a failed send is a
  WARNING (Supabase's definition), so a realtime outage never blocks learning.
*/

-- Notifications -------------------------------------------------------------------

-- The trigger functions, private.broadcast_*(), are in rpc_functions/28_realtime_broadcast.sql:
-- requires: rpc_functions/28_realtime_broadcast.sql
create trigger broadcast_notifications_insert after insert on public.notifications
referencing new table as new_rows
for each statement execute function private.broadcast_notifications();

create trigger broadcast_notifications_update after update on public.notifications
referencing old table as old_rows new table as new_rows
for each statement execute function private.broadcast_notifications();

-- Learning state and the organization leaderboard -----------------------------------

-- private.broadcast_achievements() is in rpc_functions/28_realtime_broadcast.sql (required above).
create trigger broadcast_achievements_update after update on public.user_achievements
referencing old table as old_rows new table as new_rows
for each statement execute function private.broadcast_achievements();

-- private.broadcast_certificates_issued() is in rpc_functions/28_realtime_broadcast.sql (required above).
create trigger broadcast_certificates_issued after insert on public.certificates
referencing new table as new_rows
for each statement execute function private.broadcast_certificates_issued();

-- Reviewers: the raw-case queue and ingestion jobs ---------------------------------

-- private.broadcast_review_queue() is in rpc_functions/28_realtime_broadcast.sql (required above).
create trigger broadcast_review_queue_insert after insert on public.tribunal_cases_raw
referencing new table as new_rows
for each statement execute function private.broadcast_review_queue();

create trigger broadcast_review_queue_update after update on public.tribunal_cases_raw
referencing old table as old_rows new table as new_rows
for each statement execute function private.broadcast_review_queue();

-- private.broadcast_ingestion_jobs() is in rpc_functions/28_realtime_broadcast.sql (required above).
create trigger broadcast_ingestion_jobs_insert after insert on public.ingestion_jobs
referencing new table as new_rows
for each statement execute function private.broadcast_ingestion_jobs();

create trigger broadcast_ingestion_jobs_update after update on public.ingestion_jobs
referencing old table as old_rows new table as new_rows
for each statement execute function private.broadcast_ingestion_jobs();

-- Organizations: seats and invitations -----------------------------------------------

-- private.broadcast_org_seats() is in rpc_functions/28_realtime_broadcast.sql (required above).
create trigger broadcast_org_seats_insert after insert on public.subscription_seats
referencing new table as new_rows
for each statement execute function private.broadcast_org_seats();

create trigger broadcast_org_seats_update after update on public.subscription_seats
referencing old table as old_rows new table as new_rows
for each statement execute function private.broadcast_org_seats();

create trigger broadcast_org_seats_insert after insert on public.invitations
referencing new table as new_rows
for each statement execute function private.broadcast_org_seats();

create trigger broadcast_org_seats_update after update on public.invitations
referencing old table as old_rows new table as new_rows
for each statement execute function private.broadcast_org_seats();
