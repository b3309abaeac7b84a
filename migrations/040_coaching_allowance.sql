/*
  040_coaching_allowance: what recording an AI coaching session needs beside
  public.ai_coaching_sessions (rpc_functions/60_coaching.sql,
  public.record_coaching_session).

    private.coaching_session_usage   sessions used, per allowance holder and Toronto
                                     month, for a learner outside billing (no
                                     organization, or one without a subscription):
                                     the counter record_coaching_session raises
                                     atomically, never past the tier's limit
    private.coaching_requests        the server's request keys: a retried request
                                     returns the session it recorded, consuming nothing

  The holder of an allowance is the learner's organization (all its members
  share it), or the learner for a user without one. The tier is that of the
  organization's subscription when it is active or trialing, else 'free'
  (a user without an organization: their profile's subscription_tier).

  The limits are public.plan_limits' ai_coach_sessions rows (032); a learner
  whose organization has a subscription is counted by the usage metering in its
  billing period (private.meter_usage), not here.
  No API role reads or writes them (no grants): only the SECURITY DEFINER
  functions do.
*/

create table private.coaching_session_usage (
  -- The organization, or the user for a user without an organization (no foreign key:
  -- either table; rows of a removed holder are harmless and expire with their month).
  holder_id uuid not null,
  month date not null,
  sessions integer not null default 0 check (sessions >= 0),
  primary key (holder_id, month)
);

comment on table private.coaching_session_usage is
'AI coaching sessions recorded per allowance holder (organization, or user without one) and Toronto month.';

create table private.coaching_requests (
  request_key text primary key check (length(request_key) between 1 and 200),
  -- Deferred: the key is taken first (a concurrent retry waits on it), the session
  -- inserted after it in the same transaction.
  session_id uuid not null references public.ai_coaching_sessions (id) on delete cascade
  deferrable initially deferred,
  created_at timestamptz not null default now()
);

comment on table private.coaching_requests is
'The coaching server''s request keys: record_coaching_session called again with a key returns the session it '
'recorded and consumes nothing.';

create index idx_coaching_requests_session on private.coaching_requests (session_id);

revoke all on private.coaching_session_usage, private.coaching_requests
from public, anon, authenticated, service_role;
