/*
  Realtime test helpers: a join to a private channel as Supabase Realtime checks
  it, and the messages a statement sent. Include after supabase_test_helpers.sql.

  tests.realtime_join(identifier, topic, extension): what Realtime does when a
    client joins a private channel (lib/realtime/tenants/authorization.ex):
    insert a probe row into realtime.messages as itself (topic, extension),
    then set_config role, realtime.topic, request.jwt.claims,
    request.jwt.claim.sub and request.jwt.claim.role as the JWT says, and select
    the probe back. True: the join is allowed. identifier null: anon's JWT.
  tests.realtime_receive(identifier, topic): every message sent in this
    transaction that the caller, joined to `topic`, may read (event, payload):
    the policies, not the helper, keep other topics out.
  tests.realtime_sent(): every message this transaction sent (topic, event,
    payload), read as the superuser: what Realtime would deliver.
  tests.realtime_clear(): set aside the messages this transaction sent so far
    (realtime_sent() then returns only later ones; realtime_all_sent() all).

  "This transaction": realtime.messages.inserted_at defaults to now(), the
  transaction's start, so a test's messages are those with inserted_at = now().
*/

create or replace function tests.realtime_claims(identifier text) returns jsonb
language sql
as $$
  select case when identifier is null then '{"role": "anon"}'::jsonb
  else jsonb_build_object(
    'sub', tests.get_user_id(identifier), 'role', 'authenticated',
    'email', tests.get_user_email(identifier), 'aud', 'authenticated'
  ) end
$$;

create or replace function tests.realtime_set_config(identifier text, topic text) returns void
language plpgsql
as $$
declare
  claims jsonb := tests.realtime_claims(identifier);
begin
  perform set_config('role', claims ->> 'role', true),
    set_config('realtime.topic', topic, true),
    set_config('request.jwt.claims', claims::text, true),
    set_config('request.jwt.claim.sub', coalesce(claims ->> 'sub', ''), true),
    set_config('request.jwt.claim.role', claims ->> 'role', true),
    set_config('request.headers', '{}', true);
end;
$$;

create or replace function tests.realtime_reset_config() returns void
language plpgsql
as $$
begin
  perform set_config('role', 'none', true),
    set_config('realtime.topic', '', true),
    set_config('request.jwt.claims', '', true),
    set_config('request.jwt.claim.sub', '', true),
    set_config('request.jwt.claim.role', '', true);
end;
$$;

create or replace function tests.realtime_join(
  identifier text, topic text, extension text default 'broadcast'
) returns boolean
language plpgsql
as $$
declare
  probe uuid := gen_random_uuid();
  allowed boolean;
begin
  insert into realtime.messages (id, topic, extension) values (probe, topic, extension);
  perform tests.realtime_set_config(identifier, topic);
  select exists (select from realtime.messages as m where m.id = probe) into allowed;
  perform tests.realtime_reset_config();
  delete from realtime.messages as m where m.id = probe;
  return allowed;
end;
$$;

create or replace function tests.realtime_receive(identifier text, topic text)
returns table (event text, payload jsonb)
language plpgsql
as $$
declare
  received jsonb;
begin
  perform tests.realtime_set_config(identifier, topic);
  select coalesce(jsonb_agg(jsonb_build_object('event', m.event, 'payload', m.payload)), '[]')
  into received
  from realtime.messages as m
  where m.inserted_at = now()::timestamp;
  perform tests.realtime_reset_config();
  return query select r.event, r.payload from jsonb_to_recordset(received) as r (event text, payload jsonb);
end;
$$;

create or replace function tests.realtime_sent() returns table (topic text, event text, payload jsonb)
language sql
as $$
  select m.topic, m.event, m.payload from realtime.messages as m
  where m.inserted_at = now()::timestamp and m.extension = 'broadcast' and m.private
$$;

create table if not exists tests.realtime_log (topic text, event text, payload jsonb);

create or replace function tests.realtime_clear() returns void
language sql
as $$
  insert into tests.realtime_log select * from tests.realtime_sent();
  delete from realtime.messages as m where m.inserted_at = now()::timestamp
$$;

create or replace function tests.realtime_all_sent() returns table (topic text, event text, payload jsonb)
language sql
as $$
  select * from tests.realtime_log
  union all
  select * from tests.realtime_sent()
$$;

grant execute on all functions in schema tests to anon, authenticated, service_role;
