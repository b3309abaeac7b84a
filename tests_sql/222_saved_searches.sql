/*
  run_saved_search (the owner runs a saved search through the search; a read
  that writes nothing), record_saved_search_use (counts a use) and the daily alert
  private.notify_saved_search_results() (one notification per alerting search
  with new matching cases, never twice for a case, in the owner's language),
  with its pg_cron job notify-saved-search-results.

  The fixture's cases all contain the made-up word "zorblax", which no other
  case has, and the saved searches are this file's own.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(28);
-- set_eq and temporary tables while acting as a client: see tests.allow_set_comparisons().
do $$ begin perform tests.allow_set_comparisons(); end $$;

-- Arrange ------------------------------------------------------------------------

do $$
begin
  perform tests.create_org('t222-acme');
  perform tests.create_user('t222-alice', 'learner', 't222-acme');
  perform tests.create_user('t222-bob', 'learner', 't222-acme');
  perform tests.create_user('t222-viewer', 'viewer', 't222-acme');
  perform tests.create_user('t222-henri', 'learner', 't222-acme');
  perform tests.create_user('t222-gone', 'learner', 't222-acme');
end
$$;
update public.profiles set preferred_language = 'fr'
where id = tests.get_user_id('t222-henri');

-- Saved an hour ago: the cases below are new to them.
insert into public.saved_searches (id, user_id, name, filters, notify_on_new_results, created_at)
values
(md5('t222:alice')::uuid, tests.get_user_id('t222-alice'), 'Zorblax cases', '{"query": "zorblax"}', true,
  now() - interval '1 hour'),
(md5('t222:alice-legacy')::uuid, tests.get_user_id('t222-alice'), 'Anti-Black employment',
  '{"query": "zorblax", "race_category": "Anti-Black", "type": "employment"}', false, now() - interval '1 hour'),
(md5('t222:bob')::uuid, tests.get_user_id('t222-bob'), 'Quiet', '{"query": "zorblax"}', false,
  now() - interval '1 hour'),
(md5('t222:viewer')::uuid, tests.get_user_id('t222-viewer'), 'Viewer', '{"query": "zorblax", "lang": "fr"}', false,
  now() - interval '1 hour'),
(md5('t222:henri')::uuid, tests.get_user_id('t222-henri'), 'Zorblax en français', '{"query": "zorblax", "lang": "fr"}',
  true, now() - interval '1 hour'),
(md5('t222:gone')::uuid, tests.get_user_id('t222-gone'), 'Gone', '{"query": "zorblax"}', true,
  now() - interval '1 hour');
update public.profiles set deleted_at = now()
where id = tests.get_user_id('t222-gone');
-- A search stored before filters were checked on write (028): past the trigger, as a restore would.
set local session_replication_role = replica;
insert into public.saved_searches (id, user_id, name, filters, notify_on_new_results, created_at)
values (md5('t222:alice-bad')::uuid, tests.get_user_id('t222-alice'), 'Broken', '{"year_from": "twenty"}', true,
  now() - interval '1 hour');
set local session_replication_role = origin;

insert into public.tribunal_cases (
  id, case_number, title, tribunal, source_url, summary_en, summary_fr, race_category, discrimination_type, created_at
)
values
(md5('t222:case-a')::uuid, 'T222-A', 'Zorblax v. Crown', 'HRTO', 'https://t222.test/a',
  'The zorblax policy was discriminatory.', 'La politique zorblax était discriminatoire.', null, '{services}', now()),
(md5('t222:case-b')::uuid, 'T222-B', 'Doe v. Zorblax Inc.', 'CHRT', 'https://t222.test/b',
  'A Black employee of zorblax was harassed.', 'Un employé noir de zorblax a été harcelé.', 'Anti-Black',
  '{employment}', now()),
(md5('t222:case-old')::uuid, 'T222-OLD', 'Old zorblax case', 'HRTO', 'https://t222.test/old',
  'An older zorblax decision.', 'Une ancienne décision zorblax.', null, '{}', now() - interval '2 hours'),
(md5('t222:case-deleted')::uuid, 'T222-DEL', 'Deleted zorblax case', 'HRTO', 'https://t222.test/del',
  'A deleted zorblax decision.', 'Une décision zorblax supprimée.', null, '{}', now());
update public.tribunal_cases set deleted_at = now()
where id = md5('t222:case-deleted')::uuid;

-- run_saved_search, as its owner ---------------------------------------------------

select tests.authenticate_as('t222-alice');
select set_eq(
  $$select r.case_number from public.run_saved_search(md5('t222:alice')::uuid) as r$$,
  array['T222-A', 'T222-B', 'T222-OLD'],
  'the owner runs her saved search: the live cases matching its query'
);
select set_eq(
  $$select r.case_number from public.run_saved_search(md5('t222:alice-legacy')::uuid) as r$$,
  array['T222-B'],
  'the data explorer''s older keys (race_category, type) filter as well'
);
select tests.clear_authentication();
select results_eq(
  $$select s.use_count, s.last_used is null from public.saved_searches as s where s.id = md5('t222:alice')::uuid$$,
  $$values (0, true)$$,
  'running it is a read: no use counted, last_used untouched (a read replica can serve it)'
);
select tests.authenticate_as('t222-alice');
select is(
  public.record_saved_search_use(md5('t222:alice')::uuid), 1,
  'record_saved_search_use counts a use and returns the count'
);
select is(
  (select count(*)::integer from public.run_saved_search(md5('t222:alice')::uuid, 1, (
    select r.cursor from public.run_saved_search(md5('t222:alice')::uuid, 1) as r
  ))),
  1,
  'a next page through the cursor'
);
select tests.clear_authentication();
select results_eq(
  $$select s.use_count, s.last_used is not null from public.saved_searches as s where s.id = md5('t222:alice')::uuid$$,
  $$values (1, true)$$,
  'one use counted and last_used stamped, by record_saved_search_use only'
);

select tests.authenticate_as('t222-viewer');
select set_eq(
  $$select r.case_number from public.run_saved_search(md5('t222:viewer')::uuid) as r$$,
  array['T222-A', 'T222-B', 'T222-OLD'],
  'a viewer runs her own saved search (in French)'
);

select tests.authenticate_as('t222-bob');
select throws_ok(
  $$select * from public.run_saved_search(md5('t222:alice')::uuid)$$, 'P0002', 'saved search not found',
  'another user''s saved search: P0002, as if it did not exist'
);
select throws_ok(
  $$select public.record_saved_search_use(md5('t222:alice')::uuid)$$, 'P0002', 'saved search not found',
  'another user cannot count a use of it: P0002'
);
select tests.clear_authentication();
select is(
  (select s.use_count from public.saved_searches as s
where s.id = md5('t222:alice')::uuid),
  1,
  'and it counted nothing'
);
select tests.authenticate_as('t222-alice');
select throws_ok(
  $$select * from public.run_saved_search(md5('t222:alice-bad')::uuid)$$, '22023',
  'saved search filter year_from must be a number', 'filters of the wrong type: 22023'
);
select throws_ok(
  $$select * from public.run_saved_search(null)$$, '22023', 'p_id is required', 'no id: 22023'
);
select throws_ok(
  $$select public.record_saved_search_use(null)$$, '22023', 'p_id is required', 'record_saved_search_use, no id: 22023'
);
select throws_ok(
  $$select private.notify_saved_search_results()$$, '42501', null,
  'a user cannot run the alert job: 42501'
);
select tests.authenticate_as_anon();
select throws_ok(
  $$select * from public.run_saved_search(md5('t222:alice')::uuid)$$, '42501', null, 'anon cannot: 42501'
);
select throws_ok(
  $$select public.record_saved_search_use(md5('t222:alice')::uuid)$$, '42501', null,
  'anon cannot count a use: 42501'
);
select tests.clear_authentication();

-- The daily alert ---------------------------------------------------------------------

select lives_ok($$select private.notify_saved_search_results()$$, 'the alert job runs');

select results_eq(
  $$select n.type, n.title, n.message, n.link_url from public.notifications as n
    where n.user_id = tests.get_user_id('t222-alice')$$,
  $$values ('new_content', 'New cases: Zorblax cases',
    '2 new case(s) match your saved search, including "Doe v. Zorblax Inc.".',
    '/cases/search?saved=' || md5('t222:alice')::uuid::text)$$,
  'one notification for the alerting search, naming the two new live cases (not the older one, not the deleted one)'
);
select results_eq(
  $$select n.title, n.link_text from public.notifications as n where n.user_id = tests.get_user_id('t222-henri')$$,
  $$values ('Nouvelles décisions : Zorblax en français', 'Voir les décisions')$$,
  'in the owner''s language'
);
select is_empty(
  $$select from public.notifications as n where n.user_id = tests.get_user_id('t222-bob')$$,
  'a search without notify_on_new_results alerts nobody'
);
select is_empty(
  $$select from public.notifications as n where n.user_id = tests.get_user_id('t222-gone')$$,
  'a deleted user is not alerted'
);
select set_eq(
  $$select c.case_number from private.saved_search_notified_cases as s
    inner join public.tribunal_cases as c on c.id = s.case_id
    where s.saved_search_id = md5('t222:alice')::uuid and s.notification_id is not null$$,
  array['T222-A', 'T222-B'],
  'the announced cases are remembered with their notification'
);

select lives_ok($$select private.notify_saved_search_results()$$, 'the job runs again');
select is(
  (select count(*)::integer from public.notifications as n
where n.user_id = tests.get_user_id('t222-alice')),
  1,
  'nothing new: no second notification (a case is never announced twice)'
);

insert into public.tribunal_cases (id, case_number, title, tribunal, source_url, summary_en)
values (md5('t222:case-c')::uuid, 'T222-C', 'Roe v. Zorblax', 'HRTO', 'https://t222.test/c', 'Zorblax again.');
select lives_ok($$select private.notify_saved_search_results()$$, 'a new case arrives, the job runs');
select results_eq(
  $$select n.message from public.notifications as n where n.user_id = tests.get_user_id('t222-alice')
    order by n.created_at, n.message like '1 %' limit 1 offset 1$$,
  $$values ('1 new case(s) match your saved search, including "Roe v. Zorblax".')$$,
  'the next notification names only the new case'
);

-- The pg_cron job, where pg_cron lives --------------------------------------------------

select case when to_regclass('cron.job') is null
  then skip('pg_cron is not installed in this database (it runs in cron.database_name only)', 2)
  else collect_tap(
    results_eq(
      $$select count(*)::integer from cron.job as j where j.jobname = 'notify-saved-search-results'$$,
      array[1],
      'the job notify-saved-search-results is scheduled once'
    ),
    results_eq(
      $$select j.schedule || ' ' || j.command from cron.job as j where j.jobname = 'notify-saved-search-results'$$,
      array['0 12 * * * select private.notify_saved_search_results()'],
      'daily at 12:00 UTC, running private.notify_saved_search_results()'
    )
  )
end;

select * from finish();
rollback;
