/*
  Saved-search filters are checked on write (22023 naming the key), by the
  same rules the search reads them with; and the daily alert job isolates
  each search: one that fails (filters stored before the check, a
  notification refused) is skipped with nothing of it written, the others are
  still announced.

  The fixture's cases contain the made-up word "quortle", which no other case has.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(19);

do $$
begin
  perform tests.create_org('t241-acme');
  perform tests.create_user('t241-vic', 'viewer', 't241-acme');
  perform tests.create_user('t241-bea', 'learner', 't241-acme');
  perform tests.create_user('t241-cal', 'learner', 't241-acme');
end
$$;

-- On write (acting as vic, a viewer: saved searches are his to write) ----------------------------

select tests.authenticate_as('t241-vic');
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters, notify_on_new_results)
    values (tests.get_user_id('t241-vic'), 'Half a year', '{"year_from": 1.5}', true)$$,
  '22023', 'saved search filter year_from must be a whole year from 1900 to 2100',
  'a fractional year is refused on insert: 22023 naming the key'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters, notify_on_new_results)
    values (tests.get_user_id('t241-vic'), 'Huge year', '{"year_to": 1e20}', true)$$,
  '22023', 'saved search filter year_to must be a whole year from 1900 to 2100',
  'a year of 1e20 is refused'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters)
    values (tests.get_user_id('t241-vic'), 'Text year', '{"year_from": "2020"}')$$,
  '22023', 'saved search filter year_from must be a number', 'a year given as a string is refused'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters)
    values (tests.get_user_id('t241-vic'), 'German', '{"query": "profiling", "lang": "de"}')$$,
  '22023', 'saved search filter lang must be en or fr', 'an unknown language is refused'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters)
    values (tests.get_user_id('t241-vic'), 'Won', '{"outcomes": ["Won"]}')$$,
  '22023', 'saved search filters: invalid value in outcomes: Won', 'an unknown outcome is refused, naming the key'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters)
    values (tests.get_user_id('t241-vic'), 'Nested', '{"tribunals": [["HRTO"]]}')$$,
  '22023', 'saved search filter tribunals must be a string or a list of strings', 'a list of lists is refused'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters)
    values (tests.get_user_id('t241-vic'), 'Stop words', '{"query": "the of and"}')$$,
  '22023', 'saved search filters: query has no searchable word', 'a query of stop words only is refused'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters)
    values (tests.get_user_id('t241-vic'), 'Upside down', '{"year_from": 2024, "year_to": 2020}')$$,
  '22023', 'saved search filters: year_from is after year_to', 'a year range upside down is refused'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters)
    values (tests.get_user_id('t241-vic'), 'Array', '[]')$$,
  '22023', 'saved search filters must be a JSON object', 'filters that are not an object are refused'
);
select lives_ok(
  $$insert into public.saved_searches (user_id, name, filters, notify_on_new_results)
    values (tests.get_user_id('t241-vic'), 'T241 fine',
      '{"query": "quortle", "lang": "fr", "year_from": 2000, "year_to": 2100, "outcomes": "Upheld",
        "anti_black_only": false, "some_ui_state": {"open": true}}', false)$$,
  'valid filters are saved (unknown keys ignored)'
);
select throws_ok(
  $$update public.saved_searches set filters = '{"year_from": 1e20}' where name = 'T241 fine'$$,
  '22023', 'saved search filter year_from must be a whole year from 1900 to 2100',
  'and an update to bad filters is refused'
);
select tests.clear_authentication();
select is(
  (select s.filters ->> 'year_from' from public.saved_searches as s
    where s.user_id = tests.get_user_id('t241-vic')
    and s.name = 'T241 fine'),
  '2000',
  'the refused update wrote nothing'
);

-- The daily alert: one failing search stops no one else's -------------------------------------

-- Searches stored before filters were checked on write: past the trigger, as a restore would.
set local session_replication_role = replica;
insert into public.saved_searches (id, user_id, name, filters, notify_on_new_results, created_at)
values
(md5('t241:vic-frac')::uuid, tests.get_user_id('t241-vic'), 'Legacy fraction',
  '{"query": "quortle", "year_from": 1.5}', true, now() - interval '1 hour'),
(md5('t241:vic-huge')::uuid, tests.get_user_id('t241-vic'), 'Legacy huge',
  '{"query": "quortle", "year_from": 1e20}', true, now() - interval '1 hour');
set local session_replication_role = origin;
insert into public.saved_searches (id, user_id, name, filters, notify_on_new_results, created_at)
values
(md5('t241:bea')::uuid, tests.get_user_id('t241-bea'), 'Quortle', '{"query": "quortle"}', true,
  now() - interval '1 hour'),
(md5('t241:cal')::uuid, tests.get_user_id('t241-cal'), 'Quortle too', '{"query": "quortle"}', true,
  now() - interval '1 hour');
insert into public.tribunal_cases (id, case_number, title, tribunal, source_url, summary_en, summary_fr, created_at)
values (md5('t241:case')::uuid, tests.name('T241-A'), 'Quortle v. Crown', 'HRTO', 'https://t241.test/a',
  'The quortle policy was discriminatory.', 'La politique quortle était discriminatoire.', now());

-- cal's notification is refused (any error, not only 22023): his search alone is skipped.
create function tests.t241_refuse_notification() returns trigger
language plpgsql
as $$
begin
  raise exception using errcode = 'XX000', message = 't241: notification refused';
end;
$$;
create trigger t241_refuse before insert on public.notifications
for each row when (new.user_id = tests.get_user_id('t241-cal'))
execute function tests.t241_refuse_notification();

select lives_ok(
  $$select private.notify_saved_search_results()$$,
  'the job runs to its end despite a fractional year, a year of 1e20 and a refused notification'
);
select results_eq(
  $$select count(*)::integer from public.notifications as n
    where n.user_id = tests.get_user_id('t241-bea') and n.link_url = '/cases/search?saved=' || md5('t241:bea')::uuid$$,
  array[1],
  'bea''s search is announced'
);
select is_empty(
  $$select 1 from public.notifications as n
    where n.user_id in (tests.get_user_id('t241-vic'), tests.get_user_id('t241-cal'))$$,
  'the failing searches notified nobody'
);
select is_empty(
  $$select 1 from private.saved_search_notified_cases as n
    where n.saved_search_id in (md5('t241:cal')::uuid, md5('t241:vic-frac')::uuid, md5('t241:vic-huge')::uuid)$$,
  'and claimed no case: cal''s is announced once his notifications go through'
);
drop trigger t241_refuse on public.notifications;
select lives_ok($$select private.notify_saved_search_results()$$, 'the next run');
select results_eq(
  $$select count(*)::integer from public.notifications as n where n.user_id = tests.get_user_id('t241-cal')$$,
  array[1],
  'announces cal''s search'
);
select results_eq(
  $$select count(*)::integer from public.notifications as n where n.user_id = tests.get_user_id('t241-bea')$$,
  array[1],
  'and not bea''s again'
);

select * from finish();
rollback;
