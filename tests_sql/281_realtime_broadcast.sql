/*
  Realtime, Broadcast from the database (migration 050): a change produces
  exactly the messages expected (one per topic per statement, however many rows),
  with the payload expected and nothing more; changes a topic's readers do not
  care about send nothing; a joined subscriber reads exactly its topic's
  messages. Also the local stand-ins of realtime.send() and
  realtime.broadcast_changes() behave as Supabase's.
*/
begin;
\ir helpers/supabase_test_helpers.sql
\ir helpers/realtime_test_helpers.sql
select plan(42);

do $$
begin
  perform tests.create_org('acme');
  perform tests.create_org('globex');
  perform tests.create_user('learner', 'learner', 'acme');
  perform tests.create_user('learner2', 'learner', 'acme');
  perform tests.create_user('mover', 'learner', 'acme');
  perform tests.create_user('orgadmin', 'org_admin', 'acme');
  perform tests.create_user('analyst', 'analyst', 'acme');
  perform tests.create_user('g_admin', 'org_admin', 'globex');
  perform tests.create_user('g_learner', 'learner', 'globex');
  for i in 1..55 loop
    perform tests.create_user('crowd' || i, 'learner', 'acme');
  end loop;
  -- Achievements rows, as the learning RPCs create them on a user's first points.
  insert into public.user_achievements (user_id, organization_id, team_id)
  select p.id, p.organization_id, p.team_id from public.profiles as p where p.id = any(tests.fixture_user_ids())
  on conflict (user_id) do nothing;
  insert into public.courses (id, title_en, title_fr, slug, category, level, duration_minutes)
  values (tests.id('course:rt'), 'Realtime course', 'Cours en direct', tests.name('rt-course'), 'Foundations',
    'Introductory', 30);
  insert into public.tribunal_sources (id, name, tribunal, base_url, scraper_config)
  values (tests.id('source:rt'), tests.name('RT source'), 'Test tribunal', 'https://rt.test', '{}');
  insert into public.subscriptions (
    id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
    plan_tier, plan_name, billing_interval, seat_count, amount_cents, status, current_period_start, current_period_end
  ) values (
    tests.id('sub:acme'), tests.get_org_id('acme'), tests.name('sub_acme'), tests.name('cus_acme'), 'price_pro',
    'professional', 'Professional', 'year', 10, 199900, 'active', now(), now() + interval '1 year'
  );
end
$$;

create function tests.topic(kind text, identifier text) returns text
language sql
as $$
  select case when kind like 'org:%'
    then format('org:%s:%s', tests.get_org_id(identifier), split_part(kind, ':', 2))
    else format('user:%s:%s', tests.get_user_id(identifier), split_part(kind, ':', 2)) end
$$;

-- The stand-ins: Supabase's signatures and behaviour --------------------------------------

select has_function(
    'realtime', 'broadcast_changes', array['text', 'text', 'text', 'text', 'text', 'record', 'record', 'text'],
    'realtime.broadcast_changes(topic_name, event_name, operation, table_name, table_schema, new, old, level)'
);

select throws_ok(
    $$select realtime.broadcast_changes('t', 'e', 'INSERT', 'x', 'public', null::record, null::record, 'STATEMENT')$$,
    'P0001',
    'Failed to process the row: function can only be triggered for each row, not for each statement',
    'realtime.broadcast_changes refuses a statement-level call, as Supabase''s does'
);

do $$
begin
  perform tests.realtime_clear();
  perform realtime.send('{"a": 1}', 'ev', tests.name('rt-topic'));
  perform realtime.send(jsonb_build_object('id', 'mine'), 'ev', tests.name('rt-topic'), false);
  perform realtime.send('{}', 'ev', null);
end
$$;

select set_eq(
    $$select topic, event, payload ? 'id' as has_id, payload ->> 'id' = 'mine' as own_id, private
      from realtime.messages where inserted_at = now()::timestamp$$,
    format(
        $$values (%L, 'ev', true, false, true), (%L, 'ev', true, true, false)$$,
        tests.name('rt-topic'), tests.name('rt-topic')
    ),
    'realtime.send: private by default, adds an id unless the payload has one; a failing send writes nothing '
    || 'and does not fail the caller'
);

select is(
    realtime.topic(), tests.name('rt-topic'),
    'realtime.send sets realtime.topic for the rest of the transaction, as Supabase''s does'
);

select ok(
    (
        select bool_and(t.tgtype & 1 = 0)
        from pg_catalog.pg_trigger as t
        where t.tgname like 'broadcast\_%' and not t.tgisinternal
    )
    and (
        select count(*) from pg_catalog.pg_trigger as t
        where t.tgname like 'broadcast\_%'
    ) = 12,
    'the 12 broadcast triggers are all FOR EACH STATEMENT'
);

-- Notifications ----------------------------------------------------------------------------

do $$
begin
  perform tests.realtime_clear();
  insert into public.notifications (user_id, type, title, message, link_url)
  values (tests.get_user_id('learner'), 'system', 'Hello', 'Welcome', '/home');
end
$$;

select set_eq(
    $$select topic, event, payload ->> 'operation' as op, (payload ->> 'count')::int as n from tests.realtime_sent()$$,
    format($$values (%L, 'notifications', 'INSERT', 1)$$, tests.topic('user:notifications', 'learner')),
    'a new notification sends one message, to its user''s notifications topic'
);

select set_eq(
    $$select jsonb_object_keys(payload -> 'notifications' -> 0) from tests.realtime_sent()$$,
    array[
        'id', 'type', 'title', 'message', 'link_url', 'link_text', 'read', 'read_at', 'priority', 'created_at',
        'expires_at'
    ],
    'the notification payload: the notification''s own fields, no user id'
);

select is(
    (
        select payload -> 'notifications' -> 0 ->> 'title'
        from tests.realtime_receive('learner', tests.topic('user:notifications', 'learner'))
    ),
    'Hello',
    'the user, joined to their notifications topic, receives it'
);

select is(
    (select count(*)::int from tests.realtime_receive('learner2', tests.topic('user:notifications', 'learner2'))),
    0,
    'another user of the organization, joined to their own topic, receives nothing'
);

do $$
begin
  perform tests.realtime_clear();
  insert into public.notifications (user_id, type, title, message)
  select tests.get_user_id(u), 'new_content', 'New course', 'Out now'
  from unnest(array['learner', 'learner', 'learner', 'learner2', 'learner2']) as u;
end
$$;

select set_eq(
    $$select topic, (payload ->> 'count')::int as n, jsonb_array_length(payload -> 'notifications') as items
      from tests.realtime_sent()$$,
    format(
        $$values (%L, 3, 3), (%L, 2, 2)$$,
        tests.topic('user:notifications', 'learner'), tests.topic('user:notifications', 'learner2')
    ),
    'one statement inserting 5 notifications for 2 users sends 2 messages, one per user'
);

do $$
begin
  insert into public.notifications (user_id, type, title, message)
  select tests.get_user_id('learner'), 'system', 'Bulk ' || i, 'x' from generate_series(1, 150) as i;
  perform tests.realtime_clear();
  perform tests.authenticate_as('learner');
  update public.notifications set read = true, read_at = now() where not read;
  perform tests.clear_authentication();
end
$$;

select set_eq(
    $$select topic, payload ->> 'operation' as op, (payload ->> 'count')::int as n,
        payload -> 'notifications' = 'null' as no_list
      from tests.realtime_sent()$$,
    format($$values (%L, 'UPDATE', 154, true)$$, tests.topic('user:notifications', 'learner')),
    'marking 154 notifications read in one update sends one message (the count; over 100 rows, no list)'
);

do $$
begin
  perform tests.realtime_clear();
  update public.notifications set read = read where user_id = tests.get_user_id('learner');
end
$$;

select is_empty(
    $$select * from tests.realtime_sent()$$,
    'an update that changes no notification field sends nothing'
);

-- Learning state and the organization leaderboard ----------------------------------------------

do $$
begin
  perform tests.realtime_clear();
  update public.user_achievements set total_points = total_points + 40, level = 2, current_streak_days = 3
  where user_id = tests.get_user_id('learner');
end
$$;

select set_eq(
    $$select topic, event from tests.realtime_sent()$$,
    format(
        $$values (%L, 'achievements'), (%L, 'leaderboard')$$,
        tests.topic('user:learning', 'learner'), tests.topic('org:leaderboard', 'acme')
    ),
    'points earned send one message to the user''s learning topic and one to their organization''s leaderboard'
);

select set_eq(
    $$select jsonb_object_keys(payload) from tests.realtime_sent() where event = 'achievements'$$,
    array[
        'id', 'total_points', 'weekly_points', 'monthly_points', 'level', 'level_progress', 'current_streak_days',
        'longest_streak_days', 'badges_earned', 'new_badges'
    ],
    'the learning payload: points, level, streak and badges'
);

select is(
    (
        select payload -> 'entries' from tests.realtime_sent()
        where event = 'leaderboard'
    ),
    jsonb_build_array(jsonb_build_object(
        'display_name', 'Learner', 'level', 2,
        'points', (
            select total_points from public.user_achievements
            where user_id = tests.get_user_id('learner')
        )
    )),
    'the leaderboard payload: display name, level and points of who moved, as the leaderboard RPC shows them'
);

select is(
    (
        select count(*)::int
        from tests.realtime_receive('learner2', tests.topic('org:leaderboard', 'acme'))
        where event = 'leaderboard'
    ),
    1,
    'another member of the organization, joined to its leaderboard, receives the move'
);

select is(
    (select count(*)::int from tests.realtime_receive('g_learner', tests.topic('org:leaderboard', 'acme'))),
    0,
    'a member of another organization, whose join is refused, receives nothing of it'
);

do $$
begin
  perform tests.realtime_clear();
  update public.user_achievements
  set global_rank = 7, organization_rank = 3, team_rank = 1, weekly_points = 0, monthly_points = 0
  where user_id = any(tests.fixture_user_ids());
end
$$;

select is_empty(
    $$select * from tests.realtime_sent()$$,
    'recomputed ranks and weekly/monthly resets of 62 learners send nothing'
);

do $$
begin
  perform tests.realtime_clear();
  update public.user_achievements set badges_earned = badges_earned || array['rt-badge']
  where user_id = tests.get_user_id('learner');
end
$$;

select set_eq(
    $$select topic, payload -> 'new_badges' from tests.realtime_sent()$$,
    format($$values (%L, '["rt-badge"]'::jsonb)$$, tests.topic('user:learning', 'learner')),
    'a badge earned sends one learning message naming the new badge (the leaderboard did not move)'
);

do $$
begin
  perform tests.realtime_clear();
  update public.user_achievements set total_points = total_points + 5
  where user_id = any(tests.fixture_user_ids()) and organization_id = tests.get_org_id('acme');
end
$$;

select set_eq(
    $$select topic, (payload ->> 'count')::int as n, payload -> 'entries' = 'null' as no_list
      from tests.realtime_sent() where event = 'leaderboard'$$,
    format($$values (%L, 60, true)$$, tests.topic('org:leaderboard', 'acme')),
    'points for 60 members in one statement move the leaderboard with ONE message (the count; over 50, no list)'
);

select is(
    (
        select count(*)::int from tests.realtime_sent()
        where event = 'achievements'
    ),
    60,
    '... and one learning message per member, to each member''s own topic'
);

do $$
begin
  perform tests.realtime_clear();
  update public.profiles set organization_id = tests.get_org_id('globex') where id = tests.get_user_id('mover');
end
$$;

select set_eq(
    $$select topic, jsonb_array_length(payload -> 'entries') from tests.realtime_sent() where event = 'leaderboard'$$,
    format(
        $$values (%L, 0), (%L, 1)$$,
        tests.topic('org:leaderboard', 'acme'), tests.topic('org:leaderboard', 'globex')
    ),
    'a member moving organization moves both leaderboards, listed only on the new one'
);

do $$
begin
  perform tests.realtime_clear();
  update public.user_achievements set total_points = total_points + 1 where user_id = tests.get_user_id('g_learner');
end
$$;

select is(
    (select count(*)::int from tests.realtime_receive('learner', tests.topic('org:leaderboard', 'acme'))),
    0,
    'a change in another organization reaches nobody joined to this one''s leaderboard'
);

-- Certificates issued ------------------------------------------------------------------------

do $$
begin
  perform tests.realtime_clear();
  insert into public.certificates (user_id, course_id) values (tests.get_user_id('learner'), tests.id('course:rt'));
end
$$;

select set_eq(
    $$select topic, event, payload -> 'certificates' -> 0 ->> 'course_title_en' as title,
        payload -> 'certificates' -> 0 ? 'verification_code' as has_code
      from tests.realtime_sent() where event = 'certificate_issued'$$,
    format($$values (%L, 'certificate_issued', 'Realtime course', false)$$, tests.topic('user:learning', 'learner')),
    'a certificate issued sends one message to its user''s learning topic (number, course; never the '
    || 'verification code)'
);

-- Reviewers: the raw-case queue -----------------------------------------------------------------

do $$
begin
  perform tests.realtime_clear();
  insert into public.tribunal_cases_raw (id, source_name, source_url, extracted_title, raw_text)
  select tests.id('raw:' || i), 'HRTO', 'https://rt.test/' || tests.name('case' || i), 'Case ' || i, 'secret text'
  from generate_series(1, 3) as i;
end
$$;

select set_eq(
    $$select topic, event, (payload ->> 'count')::int as n from tests.realtime_sent()$$,
    $$values ('reviewers:queue', 'queue_changed', 3)$$,
    'three raw cases inserted in one statement send one message to reviewers:queue'
);

select is(
    (
        select count(*)::int from tests.realtime_sent() as s, jsonb_array_elements(s.payload -> 'cases') as c
        where c ? 'raw_text' or c ? 'raw_html' or c ? 'ai_classification'
    ),
    0,
    'the queue payload carries the cases'' summary, not their raw text or classification'
);

select is(
    (select count(*)::int from tests.realtime_receive('analyst', 'reviewers:queue')),
    1,
    'a reviewer joined to reviewers:queue receives it'
);

select is(
    (select count(*)::int from tests.realtime_receive('learner', 'reviewers:queue')),
    0,
    'a learner, whose join is refused, receives nothing'
);

do $$
begin
  perform tests.realtime_clear();
  update public.tribunal_cases_raw set status = 'classified'
  where id in (tests.id('raw:1'), tests.id('raw:2'));
  update public.tribunal_cases_raw set extracted_title = 'Renamed' where id = tests.id('raw:3');
end
$$;

select set_eq(
    $$select topic, payload ->> 'operation' as op, (payload ->> 'count')::int as n from tests.realtime_sent()$$,
    $$values ('reviewers:queue', 'UPDATE', 2)$$,
    'two cases changing status send one message; a title edit sends nothing'
);

-- Reviewers: ingestion jobs ------------------------------------------------------------------------

do $$
begin
  perform tests.realtime_clear();
  insert into public.ingestion_jobs (id, source_id) values (tests.id('job:rt'), tests.id('source:rt'));
end
$$;

select set_eq(
    $$select topic, event, payload -> 'jobs' -> 0 ->> 'status' from tests.realtime_sent()$$,
    $$values ('ingestion:jobs', 'job_changed', 'running')$$,
    'a job starting sends one message to ingestion:jobs'
);

do $$
begin
  perform tests.realtime_clear();
  update public.ingestion_jobs set items_fetched = items_fetched + 1, last_activity_at = now()
  where id = tests.id('job:rt');
end
$$;

select is_empty(
    $$select * from tests.realtime_sent()$$,
    'a job''s heartbeat (counts, last activity) sends nothing'
);

do $$
begin
  perform tests.realtime_clear();
  update public.ingestion_jobs
  set status = 'failed', completed_at = now(), error_message = 'boom', error_stack = 'at line 1'
  where id = tests.id('job:rt');
end
$$;

select set_eq(
    $$select topic, payload -> 'jobs' -> 0 ->> 'status' as status, payload -> 'jobs' -> 0 ->> 'error_message' as msg,
        payload -> 'jobs' -> 0 ? 'error_stack' as has_stack
      from tests.realtime_sent()$$,
    $$values ('ingestion:jobs', 'failed', 'boom', false)$$,
    'a job failing sends one message with its status and error message, never its stack'
);

select is(
    (select count(*)::int from tests.realtime_receive('analyst', 'ingestion:jobs')),
    1,
    'a reviewer joined to ingestion:jobs receives it'
);

-- Seats and invitations -------------------------------------------------------------------------------

do $$
begin
  perform tests.realtime_clear();
  insert into public.subscription_seats (id, subscription_id, organization_id, assigned_to_email)
  select tests.id('seat:' || i), tests.id('sub:acme'), tests.get_org_id('acme'), 'someone' || i || '@rt.test'
  from generate_series(1, 3) as i;
end
$$;

select set_eq(
    $$select topic, event, (payload ->> 'count')::int as n from tests.realtime_sent()$$,
    format($$values (%L, 'seats_changed', 3)$$, tests.topic('org:seats', 'acme')),
    'three seats created in one statement send one message to the organization''s seats topic'
);

select set_eq(
    $$select jsonb_object_keys(payload -> 'seats' -> 0) from tests.realtime_sent()$$,
    array['id', 'status', 'assigned_to_user_id', 'team_id'],
    'the seat payload: id, status, assigned user and team, never the assigned email'
);

do $$
begin
  perform tests.realtime_clear();
  update public.subscription_seats set login_count = login_count + 1, last_login_at = now()
  where id = tests.id('seat:1');
end
$$;

select is_empty(
    $$select * from tests.realtime_sent()$$,
    'a seat''s login counters changing sends nothing'
);

do $$
begin
  perform tests.realtime_clear();
  update public.subscription_seats set status = 'assigned', assigned_to_user_id = tests.get_user_id('learner2'),
    assigned_at = now()
  where id = tests.id('seat:2');
  insert into public.invitations (organization_id, email, role, token_hash, expires_at)
  values (
    tests.get_org_id('acme'), lower(tests.name('invitee')) || '@rt.test', 'learner',
    sha256(convert_to(tests.name('token'), 'utf8')), now() + interval '7 days'
  );
end
$$;

select set_eq(
    $$select topic, event, (payload ->> 'count')::int as n from tests.realtime_sent()$$,
    format(
        $$values (%L, 'seats_changed', 1), (%L, 'invitations_changed', 1)$$,
        tests.topic('org:seats', 'acme'), tests.topic('org:seats', 'acme')
    ),
    'a seat assigned and an invitation sent: one message each, to the organization''s seats topic'
);

select set_eq(
    $$select jsonb_object_keys(payload -> 'invitations' -> 0) from tests.realtime_sent()
      where event = 'invitations_changed'$$,
    array['id', 'role', 'status', 'team_id', 'seat_id', 'expires_at'],
    'the invitation payload: never the invitee''s email or the token'
);

select is(
    (select count(*)::int from tests.realtime_receive('orgadmin', tests.topic('org:seats', 'acme'))),
    2,
    'the org admin joined to the seats topic receives both'
);

select is(
    (select count(*)::int from tests.realtime_receive('g_admin', tests.topic('org:seats', 'acme'))),
    0,
    'another organization''s admin, whose join is refused, receives nothing'
);

select is(
    (select count(*)::int from tests.realtime_receive('learner2', tests.topic('org:seats', 'acme'))),
    0,
    'a member who is not an org admin receives nothing of the seats topic'
);

select is_empty(
    $$select 1 from tests.realtime_all_sent() where payload::text ~ '@' or payload::text ~* 'token'$$,
    'no message sent by this test carries an email address or a token'
);

select * from finish();
rollback;
