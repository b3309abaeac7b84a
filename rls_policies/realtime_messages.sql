/*
  realtime.messages: who may join which private Realtime channel (Broadcast).

  Supabase Realtime authorizes a join to a private channel by inserting a probe
  row (topic = the channel's topic, extension 'broadcast' or 'presence') as
  itself, then, in the same transaction, `set_config('role', <the JWT's role>)`,
  `request.jwt.claims` / `request.jwt.claim.sub` / `.role` from the JWT and
  `realtime.topic` = the topic, and selecting the probe back: the join is
  allowed when the select policy lets the caller see it. A client's own
  broadcasts and presence are allowed when it may insert such a row. The
  messages themselves are sent by the database (migration 050, realtime.send()).

  Select ("may join and receive"), signed-in users only, Broadcast only, and only
  the topic being joined (`topic = realtime.topic()`), role by role with the
  helpers of the table policies:
    user:<id>:notifications, user:<id>:learning   that user (any role)
    org:<id>:leaderboard                          live members of that live organization
    org:<id>:seats                                its org admins
    reviewers:queue, ingestion:jobs               reviewers (analyst, investigator,
                                                  compliance_officer, super_admin)
    org:<id>:leaderboard, org:<id>:seats          super_admin, of any organization
  anon joins nothing; service_role bypasses RLS (server code).

  Interpretation: no insert policy. Every topic is fed by the database: a client
  allowed to broadcast on user:<id>:notifications could forge a notification,
  and Presence is not used; so Realtime refuses client broadcasts and presence on
  these private channels. No update or delete policy either.

  On Supabase, realtime.messages belongs to Realtime (supabase_realtime_admin):
  RLS is already on and its grants are Realtime's; the project may only create
  policies on it (supautils' policy grants). So this file creates policies and
  nothing else; the local bootstrap (tools/abr_db/sql/bootstrap.sql) stands in
  for the table.
*/

drop policy if exists "members join their private topics" on realtime.messages;
create policy "members join their private topics" on realtime.messages
for select to authenticated
using (
  extension = 'broadcast'
  and topic = (select realtime.topic())
  and (
    topic = 'user:' || (select private.current_user_id()) || ':notifications'
    or topic = 'user:' || (select private.current_user_id()) || ':learning'
    or topic = 'org:' || (select private.current_org_id()) || ':leaderboard'
    or topic = 'org:' || (select private.admin_org_id()) || ':seats'
    or (topic in ('reviewers:queue', 'ingestion:jobs') and (select private.is_reviewer()))
    or (
      topic ~ '^org:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:(leaderboard|seats)$'
      and (select private.is_super_admin())
    )
  )
);
