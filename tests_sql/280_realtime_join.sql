/*
  Realtime, joining private channels: for each topic, every role tries to join
  as Supabase Realtime checks it (a probe row in realtime.messages, then role,
  JWT claims and realtime.topic set as Realtime sets them, then a select of the
  probe under the policies of rls_policies/realtime_messages.sql). Exactly the
  readers of each topic get in; nobody joins another organization's topics;
  nobody broadcasts or uses Presence from a client.
*/
begin;
\ir helpers/supabase_test_helpers.sql
\ir helpers/realtime_test_helpers.sql
select plan(24);

-- Arrange (as the superuser): acme with one user per role, globex with an admin
-- and a learner, a super admin in no organization, initech (soft-deleted later)
-- with a learner, and a soft-deleted learner of acme.
do $$
begin
  perform tests.create_org('acme');
  perform tests.create_org('globex');
  perform tests.create_org('initech');
  perform tests.create_user('super', 'super_admin');
  perform tests.create_user('compliance', 'compliance_officer', 'acme');
  perform tests.create_user('orgadmin', 'org_admin', 'acme');
  perform tests.create_user('analyst', 'analyst', 'acme');
  perform tests.create_user('investigator', 'investigator', 'acme');
  perform tests.create_user('educator', 'educator', 'acme');
  perform tests.create_user('learner', 'learner', 'acme');
  perform tests.create_user('viewer', 'viewer', 'acme');
  perform tests.create_user('guest', 'guest', 'acme');
  perform tests.create_user('g_admin', 'org_admin', 'globex');
  perform tests.create_user('g_learner', 'learner', 'globex');
  perform tests.create_user('i_learner', 'learner', 'initech');
  perform tests.create_user('ghost', 'learner', 'acme');
  update public.profiles set deleted_at = now() where id = tests.get_user_id('ghost');
  update public.organizations set deleted_at = now() where id = tests.get_org_id('initech');
end
$$;

create function tests.realtime_joiners(topic text) returns setof text
language sql
as $$
  select i from unnest(array[
    'super', 'compliance', 'orgadmin', 'analyst', 'investigator', 'educator', 'learner', 'viewer', 'guest',
    'g_admin', 'g_learner', 'i_learner', 'ghost', 'anon'
  ]) as i
  where tests.realtime_join(nullif(i, 'anon'), topic)
$$;

select ok(
    (
        select relrowsecurity from pg_catalog.pg_class
        where oid = 'realtime.messages'::regclass
    ),
    'realtime.messages is behind RLS'
);

select policies_are(
    'realtime', 'messages', array['members join their private topics'],
    'realtime.messages has one policy: a select policy for joining (no client insert, update or delete)'
);

-- Who joins each topic, every role tried -------------------------------------------

select set_eq(
    format($$select * from tests.realtime_joiners('user:%s:notifications')$$, tests.get_user_id('learner')),
    array['learner'],
    'user:<id>:notifications: only that user joins (no admin, reviewer or super admin)'
);

select set_eq(
    format($$select * from tests.realtime_joiners('user:%s:learning')$$, tests.get_user_id('learner')),
    array['learner'],
    'user:<id>:learning: only that user joins'
);

select set_eq(
    format($$select * from tests.realtime_joiners('org:%s:leaderboard')$$, tests.get_org_id('acme')),
    array['super', 'compliance', 'orgadmin', 'analyst', 'investigator', 'educator', 'learner', 'viewer', 'guest'],
    'org:<id>:leaderboard: every live member of the organization (and super admins), nobody from another one'
);

select set_eq(
    format($$select * from tests.realtime_joiners('org:%s:seats')$$, tests.get_org_id('acme')),
    array['super', 'orgadmin'],
    'org:<id>:seats: its org admins and super admins only'
);

select set_eq(
    $$select * from tests.realtime_joiners('reviewers:queue')$$,
    array['super', 'compliance', 'analyst', 'investigator'],
    'reviewers:queue: reviewers only (analyst, investigator, compliance officer, super admin)'
);

select set_eq(
    $$select * from tests.realtime_joiners('ingestion:jobs')$$,
    array['super', 'compliance', 'analyst', 'investigator'],
    'ingestion:jobs: reviewers only'
);

-- Every user joins their own user topics and nobody else's.
select is(
    (
        select count(*)::int
        from unnest(array['super', 'orgadmin', 'learner', 'guest', 'g_admin', 'g_learner']) as a (who),
            unnest(array['super', 'orgadmin', 'learner', 'guest', 'g_admin', 'g_learner']) as b (owner)
        where tests.realtime_join(a.who, format('user:%s:notifications', tests.get_user_id(b.owner)))
            <> (a.who = b.owner)
    ),
    0,
    'of six users each joins their own user:<id>:notifications and none of the other five'
);

select is(
    (
        select count(*)::int
        from unnest(array['super', 'orgadmin', 'learner', 'guest', 'g_admin', 'g_learner']) as a (who),
            unnest(array['super', 'orgadmin', 'learner', 'guest', 'g_admin', 'g_learner']) as b (owner)
        where tests.realtime_join(a.who, format('user:%s:learning', tests.get_user_id(b.owner)))
            <> (a.who = b.owner)
    ),
    0,
    'of six users each joins their own user:<id>:learning and none of the other five'
);

-- Cross-organization joins are refused -------------------------------------------------

select ok(
    not tests.realtime_join('g_admin', format('org:%s:seats', tests.get_org_id('acme'))),
    'globex''s org admin cannot join acme''s seats'
);

select ok(
    not tests.realtime_join('orgadmin', format('org:%s:seats', tests.get_org_id('globex'))),
    'acme''s org admin cannot join globex''s seats'
);

select ok(
    not tests.realtime_join('learner', format('org:%s:leaderboard', tests.get_org_id('globex'))),
    'an acme learner cannot join globex''s leaderboard'
);

select ok(
    tests.realtime_join('g_learner', format('org:%s:leaderboard', tests.get_org_id('globex'))),
    'a globex learner joins globex''s leaderboard'
);

-- Soft deletions take the rights with them ---------------------------------------------

select ok(
    not tests.realtime_join('i_learner', format('org:%s:leaderboard', tests.get_org_id('initech'))),
    'a member of a soft-deleted organization cannot join its leaderboard'
);

select ok(
    not tests.realtime_join('ghost', format('user:%s:notifications', tests.get_user_id('ghost'))),
    'a soft-deleted user cannot join their own notifications'
);

-- Only the topic being joined, only Broadcast, no client writes -----------------------------

select ok(
    not tests.realtime_join('learner', format('user:%s:notifications', tests.get_user_id('learner')), 'presence'),
    'Presence is refused on a private topic, even the user''s own'
);

select ok(
    not tests.realtime_join('learner', format('USER:%s:notifications', tests.get_user_id('learner')))
    and not tests.realtime_join('learner', format('user:%s:notifications:x', tests.get_user_id('learner')))
    and not tests.realtime_join('learner', format('user:%s:notifications', upper(tests.get_user_id('learner')::text))),
    'a topic that is only almost the user''s own (case, suffix, upper-case id) is refused'
);

select ok(
    not tests.realtime_join('super', format('org:%s:leaderboard', tests.name('acme')))
    and not tests.realtime_join('super', format('org:%s:billing', tests.get_org_id('acme'))),
    'a super admin joins org topics of an organization id and a known kind only'
);

-- A message of another topic is not readable while joined to one's own.
do $$
begin
  perform realtime.send('{"x": 1}', 'probe', format('user:%s:notifications', tests.get_user_id('learner')));
end
$$;

select is(
    (
        select count(*)::int
        from tests.realtime_receive('learner', format('user:%s:learning', tests.get_user_id('learner')))
    ),
    0,
    'joined to user:<id>:learning, the user reads none of the messages of user:<id>:notifications'
);

select is(
    (
        select count(*)::int
        from tests.realtime_receive('learner', format('user:%s:notifications', tests.get_user_id('learner')))
    ),
    1,
    'joined to user:<id>:notifications, the user reads its message'
);

-- Client broadcast: Realtime's write check inserts as the caller, and is refused.
select tests.realtime_set_config('learner', format('user:%s:notifications', tests.get_user_id('learner')));
select throws_ok(
    format(
        $$insert into realtime.messages (topic, extension, event, payload)
          values ('user:%s:notifications', 'broadcast', 'forged', '{}')$$,
        tests.get_user_id('learner')
    ),
    '42501',
    'new row violates row-level security policy for table "messages"',
    'a user cannot broadcast on their own notifications topic (no insert policy: messages come from the database)'
);
select tests.realtime_reset_config();

select tests.realtime_set_config('orgadmin', format('org:%s:seats', tests.get_org_id('acme')));
select throws_ok(
    format(
        $$insert into realtime.messages (topic, extension) values ('org:%s:seats', 'presence')$$,
        tests.get_org_id('acme')
    ),
    '42501',
    'new row violates row-level security policy for table "messages"',
    'an org admin cannot track Presence on the seats topic'
);
select tests.realtime_reset_config();

select tests.realtime_set_config(null, 'reviewers:queue');
select throws_ok(
    $$insert into realtime.messages (topic, extension) values ('reviewers:queue', 'broadcast')$$,
    '42501',
    'new row violates row-level security policy for table "messages"',
    'anon cannot broadcast'
);
select tests.realtime_reset_config();

select * from finish();
rollback;
