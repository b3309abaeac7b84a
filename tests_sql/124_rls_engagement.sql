/*
  ai_coaching_sessions, bookmarks, saved_searches: each user sees only their
  own rows. Bookmarks and saved searches: full CRUD on own rows for every
  role, viewer and guest included. Coaching sessions: rate own (user_rating,
  was_helpful, user_feedback), not for viewer/guest; never inserted (the
  coaching server records them through record_coaching_session, under the
  plan's allowance) nor deleted by a client. anon has nothing.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(279);

-- Arrange (as the superuser): two organizations and one user per role in
-- acme, the super admin in none, and three users in globex.
do $$
begin
  perform tests.create_org('acme');
  perform tests.create_org('globex');
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
  perform tests.create_user('g_compliance', 'compliance_officer', 'globex');
  perform tests.create_user('g_learner', 'learner', 'globex');
end
$$;

-- Every user has one coaching session, one bookmark and one saved search.
do $$
declare
  u text;
begin
  foreach u in array array[
    'super', 'compliance', 'orgadmin', 'analyst', 'investigator', 'educator',
    'learner', 'viewer', 'guest', 'g_admin', 'g_compliance', 'g_learner'
  ] loop
    insert into public.ai_coaching_sessions (user_id, session_type, ai_response)
    values (tests.get_user_id(u), 'comprehensive', 'Keep going, ' || u);
    insert into public.bookmarks (user_id, resource_type, resource_id)
    values (tests.get_user_id(u), 'course', gen_random_uuid());
    insert into public.saved_searches (user_id, name, filters)
    values (tests.get_user_id(u), 'Search of ' || u, '{"q": "race"}');
  end loop;
end
$$;

-- anon has nothing ---------------------------------------------------------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$select 1 from public.ai_coaching_sessions$$,
  '42501', null,
  'anon cannot read coaching sessions (raises 42501)'
);
select throws_ok(
  $$delete from public.ai_coaching_sessions$$,
  '42501', null,
  'anon cannot delete coaching sessions (raises 42501)'
);
select throws_ok($$select 1 from public.bookmarks$$, '42501', null, 'anon cannot read bookmarks (raises 42501)');
select throws_ok($$delete from public.bookmarks$$, '42501', null, 'anon cannot delete bookmarks (raises 42501)');
select throws_ok(
  $$select 1 from public.saved_searches$$,
  '42501', null,
  'anon cannot read saved searches (raises 42501)'
);
select throws_ok(
  $$delete from public.saved_searches$$,
  '42501', null,
  'anon cannot delete saved searches (raises 42501)'
);
select throws_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id) values (tests.get_user_id('learner'), 'course',
    gen_random_uuid())$$,
  '42501', null,
  'anon cannot insert a bookmark (raises 42501)'
);
select throws_ok(
  $$update public.saved_searches set name = 'x'$$,
  '42501', null,
  'anon cannot update saved searches (raises 42501)'
);
select throws_ok(
  $$update public.ai_coaching_sessions set user_rating = 1$$,
  '42501', null,
  'anon cannot rate coaching sessions (raises 42501)'
);
select tests.clear_authentication();

-- Acting as super (a super admin) ------------------------------------------

select tests.authenticate_as('super');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.ai_coaching_sessions$$,
  $$values (1, 1)$$,
  'a super admin reads exactly their own coaching sessions'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.bookmarks$$,
  $$values (1, 1)$$,
  'a super admin reads exactly their own bookmarks'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.saved_searches$$,
  $$values (1, 1)$$,
  'a super admin reads exactly their own saved searches'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('super'),
    'custom', 'hi')$$,
  '42501', 'permission denied for table ai_coaching_sessions',
  'a super admin cannot insert even their own coaching session: the coaching server records it (raises 42501)'
);
select results_eq(
  $$update public.ai_coaching_sessions set user_rating = 5, was_helpful = true,
    user_feedback = 'good' where session_type = 'comprehensive' returning 1$$,
  $$values (1)$$,
  'a super admin rates their own coaching session'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('g_learner'),
    'custom', 'x')$$,
  '42501', null,
  'a super admin cannot insert a coaching session for someone else (raises 42501)'
);
select is_empty(
  $$update public.ai_coaching_sessions set user_rating = 1 where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a super admin cannot rate another user''s session: no row is touched'
);
select throws_ok(
  $$update public.ai_coaching_sessions set ai_response = 'rewritten'$$,
  '42501', null,
  'a super admin cannot rewrite the AI response (raises 42501)'
);
select throws_ok(
  $$delete from public.ai_coaching_sessions$$,
  '42501', null,
  'a super admin cannot delete coaching sessions (raises 42501)'
);
select lives_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id, folder) values (tests.get_user_id('super'),
    'tribunal_case', gen_random_uuid(), 'tmp')$$,
  'a super admin inserts their own bookmark'
);
select throws_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id) values (tests.get_user_id('g_learner'), 'course',
    gen_random_uuid())$$,
  '42501', null,
  'a super admin cannot insert a bookmark for someone else (raises 42501)'
);
select results_eq(
  $$update public.bookmarks set is_favorite = true, notes = 'mine' where folder = 'default' returning 1$$,
  $$values (1)$$,
  'a super admin updates their own bookmark'
);
select is_empty(
  $$update public.bookmarks set notes = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a super admin cannot update another user''s bookmark: no row is touched'
);
select throws_ok(
  $$update public.bookmarks set user_id = tests.get_user_id('g_learner')$$,
  '42501', null,
  'a super admin cannot move a bookmark to another user (raises 42501)'
);
select is_empty(
  $$delete from public.bookmarks where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a super admin cannot delete another user''s bookmark: no row is touched'
);
select results_eq(
  $$delete from public.bookmarks where folder = 'tmp' returning 1$$,
  $$values (1)$$,
  'a super admin deletes their own bookmark'
);
select lives_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('super'), 'tmp', '{}')$$,
  'a super admin inserts their own saved search'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('g_learner'), 'x', '{}')$$,
  '42501', null,
  'a super admin cannot insert a saved search for someone else (raises 42501)'
);
select results_eq(
  $$update public.saved_searches set use_count = use_count + 1, last_used = now() where name <> 'tmp' returning 1$$,
  $$values (1)$$,
  'a super admin updates their own saved search'
);
select is_empty(
  $$update public.saved_searches set name = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a super admin cannot update another user''s saved search: no row is touched'
);
select is_empty(
  $$delete from public.saved_searches where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a super admin cannot delete another user''s saved search: no row is touched'
);
select results_eq(
  $$delete from public.saved_searches where name = 'tmp' returning 1$$,
  $$values (1)$$,
  'a super admin deletes their own saved search'
);
select tests.clear_authentication();

-- Acting as compliance (a compliance officer) ------------------------------

select tests.authenticate_as('compliance');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.ai_coaching_sessions$$,
  $$values (1, 1)$$,
  'a compliance officer reads exactly their own coaching sessions'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.bookmarks$$,
  $$values (1, 1)$$,
  'a compliance officer reads exactly their own bookmarks'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.saved_searches$$,
  $$values (1, 1)$$,
  'a compliance officer reads exactly their own saved searches'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type,
    ai_response) values (tests.get_user_id('compliance'), 'custom', 'hi')$$,
  '42501', 'permission denied for table ai_coaching_sessions',
  'a compliance officer cannot insert even their own coaching session: the coaching server records it (raises 42501)'
);
select results_eq(
  $$update public.ai_coaching_sessions set user_rating = 5, was_helpful = true,
    user_feedback = 'good' where session_type = 'comprehensive' returning 1$$,
  $$values (1)$$,
  'a compliance officer rates their own coaching session'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('g_learner'),
    'custom', 'x')$$,
  '42501', null,
  'a compliance officer cannot insert a coaching session for someone else (raises 42501)'
);
select is_empty(
  $$update public.ai_coaching_sessions set user_rating = 1 where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a compliance officer cannot rate another user''s session: no row is touched'
);
select throws_ok(
  $$update public.ai_coaching_sessions set ai_response = 'rewritten'$$,
  '42501', null,
  'a compliance officer cannot rewrite the AI response (raises 42501)'
);
select throws_ok(
  $$delete from public.ai_coaching_sessions$$,
  '42501', null,
  'a compliance officer cannot delete coaching sessions (raises 42501)'
);
select lives_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id, folder) values (tests.get_user_id('compliance'),
    'tribunal_case', gen_random_uuid(), 'tmp')$$,
  'a compliance officer inserts their own bookmark'
);
select throws_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id) values (tests.get_user_id('g_learner'), 'course',
    gen_random_uuid())$$,
  '42501', null,
  'a compliance officer cannot insert a bookmark for someone else (raises 42501)'
);
select results_eq(
  $$update public.bookmarks set is_favorite = true, notes = 'mine' where folder = 'default' returning 1$$,
  $$values (1)$$,
  'a compliance officer updates their own bookmark'
);
select is_empty(
  $$update public.bookmarks set notes = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a compliance officer cannot update another user''s bookmark: no row is touched'
);
select throws_ok(
  $$update public.bookmarks set user_id = tests.get_user_id('g_learner')$$,
  '42501', null,
  'a compliance officer cannot move a bookmark to another user (raises 42501)'
);
select is_empty(
  $$delete from public.bookmarks where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a compliance officer cannot delete another user''s bookmark: no row is touched'
);
select results_eq(
  $$delete from public.bookmarks where folder = 'tmp' returning 1$$,
  $$values (1)$$,
  'a compliance officer deletes their own bookmark'
);
select lives_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('compliance'), 'tmp', '{}')$$,
  'a compliance officer inserts their own saved search'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('g_learner'), 'x', '{}')$$,
  '42501', null,
  'a compliance officer cannot insert a saved search for someone else (raises 42501)'
);
select results_eq(
  $$update public.saved_searches set use_count = use_count + 1, last_used = now() where name <> 'tmp' returning 1$$,
  $$values (1)$$,
  'a compliance officer updates their own saved search'
);
select is_empty(
  $$update public.saved_searches set name = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a compliance officer cannot update another user''s saved search: no row is touched'
);
select is_empty(
  $$delete from public.saved_searches where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a compliance officer cannot delete another user''s saved search: no row is touched'
);
select results_eq(
  $$delete from public.saved_searches where name = 'tmp' returning 1$$,
  $$values (1)$$,
  'a compliance officer deletes their own saved search'
);
select tests.clear_authentication();

-- Acting as orgadmin (an org admin) ----------------------------------------

select tests.authenticate_as('orgadmin');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.ai_coaching_sessions$$,
  $$values (1, 1)$$,
  'an org admin reads exactly their own coaching sessions'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.bookmarks$$,
  $$values (1, 1)$$,
  'an org admin reads exactly their own bookmarks'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.saved_searches$$,
  $$values (1, 1)$$,
  'an org admin reads exactly their own saved searches'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('orgadmin'),
    'custom', 'hi')$$,
  '42501', 'permission denied for table ai_coaching_sessions',
  'an org admin cannot insert even their own coaching session: the coaching server records it (raises 42501)'
);
select results_eq(
  $$update public.ai_coaching_sessions set user_rating = 5, was_helpful = true,
    user_feedback = 'good' where session_type = 'comprehensive' returning 1$$,
  $$values (1)$$,
  'an org admin rates their own coaching session'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('g_learner'),
    'custom', 'x')$$,
  '42501', null,
  'an org admin cannot insert a coaching session for someone else (raises 42501)'
);
select is_empty(
  $$update public.ai_coaching_sessions set user_rating = 1 where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an org admin cannot rate another user''s session: no row is touched'
);
select throws_ok(
  $$update public.ai_coaching_sessions set ai_response = 'rewritten'$$,
  '42501', null,
  'an org admin cannot rewrite the AI response (raises 42501)'
);
select throws_ok(
  $$delete from public.ai_coaching_sessions$$,
  '42501', null,
  'an org admin cannot delete coaching sessions (raises 42501)'
);
select lives_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id, folder) values (tests.get_user_id('orgadmin'),
    'tribunal_case', gen_random_uuid(), 'tmp')$$,
  'an org admin inserts their own bookmark'
);
select throws_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id) values (tests.get_user_id('g_learner'), 'course',
    gen_random_uuid())$$,
  '42501', null,
  'an org admin cannot insert a bookmark for someone else (raises 42501)'
);
select results_eq(
  $$update public.bookmarks set is_favorite = true, notes = 'mine' where folder = 'default' returning 1$$,
  $$values (1)$$,
  'an org admin updates their own bookmark'
);
select is_empty(
  $$update public.bookmarks set notes = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an org admin cannot update another user''s bookmark: no row is touched'
);
select throws_ok(
  $$update public.bookmarks set user_id = tests.get_user_id('g_learner')$$,
  '42501', null,
  'an org admin cannot move a bookmark to another user (raises 42501)'
);
select is_empty(
  $$delete from public.bookmarks where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an org admin cannot delete another user''s bookmark: no row is touched'
);
select results_eq(
  $$delete from public.bookmarks where folder = 'tmp' returning 1$$,
  $$values (1)$$,
  'an org admin deletes their own bookmark'
);
select lives_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('orgadmin'), 'tmp', '{}')$$,
  'an org admin inserts their own saved search'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('g_learner'), 'x', '{}')$$,
  '42501', null,
  'an org admin cannot insert a saved search for someone else (raises 42501)'
);
select results_eq(
  $$update public.saved_searches set use_count = use_count + 1, last_used = now() where name <> 'tmp' returning 1$$,
  $$values (1)$$,
  'an org admin updates their own saved search'
);
select is_empty(
  $$update public.saved_searches set name = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an org admin cannot update another user''s saved search: no row is touched'
);
select is_empty(
  $$delete from public.saved_searches where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an org admin cannot delete another user''s saved search: no row is touched'
);
select results_eq(
  $$delete from public.saved_searches where name = 'tmp' returning 1$$,
  $$values (1)$$,
  'an org admin deletes their own saved search'
);
select tests.clear_authentication();

-- Acting as analyst (an analyst) -------------------------------------------

select tests.authenticate_as('analyst');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.ai_coaching_sessions$$,
  $$values (1, 1)$$,
  'an analyst reads exactly their own coaching sessions'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.bookmarks$$,
  $$values (1, 1)$$,
  'an analyst reads exactly their own bookmarks'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.saved_searches$$,
  $$values (1, 1)$$,
  'an analyst reads exactly their own saved searches'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('analyst'),
    'custom', 'hi')$$,
  '42501', 'permission denied for table ai_coaching_sessions',
  'an analyst cannot insert even their own coaching session: the coaching server records it (raises 42501)'
);
select results_eq(
  $$update public.ai_coaching_sessions set user_rating = 5, was_helpful = true,
    user_feedback = 'good' where session_type = 'comprehensive' returning 1$$,
  $$values (1)$$,
  'an analyst rates their own coaching session'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('g_learner'),
    'custom', 'x')$$,
  '42501', null,
  'an analyst cannot insert a coaching session for someone else (raises 42501)'
);
select is_empty(
  $$update public.ai_coaching_sessions set user_rating = 1 where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an analyst cannot rate another user''s session: no row is touched'
);
select throws_ok(
  $$update public.ai_coaching_sessions set ai_response = 'rewritten'$$,
  '42501', null,
  'an analyst cannot rewrite the AI response (raises 42501)'
);
select throws_ok(
  $$delete from public.ai_coaching_sessions$$,
  '42501', null,
  'an analyst cannot delete coaching sessions (raises 42501)'
);
select lives_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id, folder) values (tests.get_user_id('analyst'),
    'tribunal_case', gen_random_uuid(), 'tmp')$$,
  'an analyst inserts their own bookmark'
);
select throws_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id) values (tests.get_user_id('g_learner'), 'course',
    gen_random_uuid())$$,
  '42501', null,
  'an analyst cannot insert a bookmark for someone else (raises 42501)'
);
select results_eq(
  $$update public.bookmarks set is_favorite = true, notes = 'mine' where folder = 'default' returning 1$$,
  $$values (1)$$,
  'an analyst updates their own bookmark'
);
select is_empty(
  $$update public.bookmarks set notes = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an analyst cannot update another user''s bookmark: no row is touched'
);
select throws_ok(
  $$update public.bookmarks set user_id = tests.get_user_id('g_learner')$$,
  '42501', null,
  'an analyst cannot move a bookmark to another user (raises 42501)'
);
select is_empty(
  $$delete from public.bookmarks where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an analyst cannot delete another user''s bookmark: no row is touched'
);
select results_eq(
  $$delete from public.bookmarks where folder = 'tmp' returning 1$$,
  $$values (1)$$,
  'an analyst deletes their own bookmark'
);
select lives_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('analyst'), 'tmp', '{}')$$,
  'an analyst inserts their own saved search'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('g_learner'), 'x', '{}')$$,
  '42501', null,
  'an analyst cannot insert a saved search for someone else (raises 42501)'
);
select results_eq(
  $$update public.saved_searches set use_count = use_count + 1, last_used = now() where name <> 'tmp' returning 1$$,
  $$values (1)$$,
  'an analyst updates their own saved search'
);
select is_empty(
  $$update public.saved_searches set name = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an analyst cannot update another user''s saved search: no row is touched'
);
select is_empty(
  $$delete from public.saved_searches where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an analyst cannot delete another user''s saved search: no row is touched'
);
select results_eq(
  $$delete from public.saved_searches where name = 'tmp' returning 1$$,
  $$values (1)$$,
  'an analyst deletes their own saved search'
);
select tests.clear_authentication();

-- Acting as investigator (an investigator) ---------------------------------

select tests.authenticate_as('investigator');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.ai_coaching_sessions$$,
  $$values (1, 1)$$,
  'an investigator reads exactly their own coaching sessions'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.bookmarks$$,
  $$values (1, 1)$$,
  'an investigator reads exactly their own bookmarks'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.saved_searches$$,
  $$values (1, 1)$$,
  'an investigator reads exactly their own saved searches'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type,
    ai_response) values (tests.get_user_id('investigator'), 'custom', 'hi')$$,
  '42501', 'permission denied for table ai_coaching_sessions',
  'an investigator cannot insert even their own coaching session: the coaching server records it (raises 42501)'
);
select results_eq(
  $$update public.ai_coaching_sessions set user_rating = 5, was_helpful = true,
    user_feedback = 'good' where session_type = 'comprehensive' returning 1$$,
  $$values (1)$$,
  'an investigator rates their own coaching session'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('g_learner'),
    'custom', 'x')$$,
  '42501', null,
  'an investigator cannot insert a coaching session for someone else (raises 42501)'
);
select is_empty(
  $$update public.ai_coaching_sessions set user_rating = 1 where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an investigator cannot rate another user''s session: no row is touched'
);
select throws_ok(
  $$update public.ai_coaching_sessions set ai_response = 'rewritten'$$,
  '42501', null,
  'an investigator cannot rewrite the AI response (raises 42501)'
);
select throws_ok(
  $$delete from public.ai_coaching_sessions$$,
  '42501', null,
  'an investigator cannot delete coaching sessions (raises 42501)'
);
select lives_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id,
    folder) values (tests.get_user_id('investigator'), 'tribunal_case', gen_random_uuid(), 'tmp')$$,
  'an investigator inserts their own bookmark'
);
select throws_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id) values (tests.get_user_id('g_learner'), 'course',
    gen_random_uuid())$$,
  '42501', null,
  'an investigator cannot insert a bookmark for someone else (raises 42501)'
);
select results_eq(
  $$update public.bookmarks set is_favorite = true, notes = 'mine' where folder = 'default' returning 1$$,
  $$values (1)$$,
  'an investigator updates their own bookmark'
);
select is_empty(
  $$update public.bookmarks set notes = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an investigator cannot update another user''s bookmark: no row is touched'
);
select throws_ok(
  $$update public.bookmarks set user_id = tests.get_user_id('g_learner')$$,
  '42501', null,
  'an investigator cannot move a bookmark to another user (raises 42501)'
);
select is_empty(
  $$delete from public.bookmarks where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an investigator cannot delete another user''s bookmark: no row is touched'
);
select results_eq(
  $$delete from public.bookmarks where folder = 'tmp' returning 1$$,
  $$values (1)$$,
  'an investigator deletes their own bookmark'
);
select lives_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('investigator'), 'tmp',
    '{}')$$,
  'an investigator inserts their own saved search'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('g_learner'), 'x', '{}')$$,
  '42501', null,
  'an investigator cannot insert a saved search for someone else (raises 42501)'
);
select results_eq(
  $$update public.saved_searches set use_count = use_count + 1, last_used = now() where name <> 'tmp' returning 1$$,
  $$values (1)$$,
  'an investigator updates their own saved search'
);
select is_empty(
  $$update public.saved_searches set name = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an investigator cannot update another user''s saved search: no row is touched'
);
select is_empty(
  $$delete from public.saved_searches where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an investigator cannot delete another user''s saved search: no row is touched'
);
select results_eq(
  $$delete from public.saved_searches where name = 'tmp' returning 1$$,
  $$values (1)$$,
  'an investigator deletes their own saved search'
);
select tests.clear_authentication();

-- Acting as educator (an educator) -----------------------------------------

select tests.authenticate_as('educator');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.ai_coaching_sessions$$,
  $$values (1, 1)$$,
  'an educator reads exactly their own coaching sessions'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.bookmarks$$,
  $$values (1, 1)$$,
  'an educator reads exactly their own bookmarks'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.saved_searches$$,
  $$values (1, 1)$$,
  'an educator reads exactly their own saved searches'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('educator'),
    'custom', 'hi')$$,
  '42501', 'permission denied for table ai_coaching_sessions',
  'an educator cannot insert even their own coaching session: the coaching server records it (raises 42501)'
);
select results_eq(
  $$update public.ai_coaching_sessions set user_rating = 5, was_helpful = true,
    user_feedback = 'good' where session_type = 'comprehensive' returning 1$$,
  $$values (1)$$,
  'an educator rates their own coaching session'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('g_learner'),
    'custom', 'x')$$,
  '42501', null,
  'an educator cannot insert a coaching session for someone else (raises 42501)'
);
select is_empty(
  $$update public.ai_coaching_sessions set user_rating = 1 where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an educator cannot rate another user''s session: no row is touched'
);
select throws_ok(
  $$update public.ai_coaching_sessions set ai_response = 'rewritten'$$,
  '42501', null,
  'an educator cannot rewrite the AI response (raises 42501)'
);
select throws_ok(
  $$delete from public.ai_coaching_sessions$$,
  '42501', null,
  'an educator cannot delete coaching sessions (raises 42501)'
);
select lives_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id, folder) values (tests.get_user_id('educator'),
    'tribunal_case', gen_random_uuid(), 'tmp')$$,
  'an educator inserts their own bookmark'
);
select throws_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id) values (tests.get_user_id('g_learner'), 'course',
    gen_random_uuid())$$,
  '42501', null,
  'an educator cannot insert a bookmark for someone else (raises 42501)'
);
select results_eq(
  $$update public.bookmarks set is_favorite = true, notes = 'mine' where folder = 'default' returning 1$$,
  $$values (1)$$,
  'an educator updates their own bookmark'
);
select is_empty(
  $$update public.bookmarks set notes = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an educator cannot update another user''s bookmark: no row is touched'
);
select throws_ok(
  $$update public.bookmarks set user_id = tests.get_user_id('g_learner')$$,
  '42501', null,
  'an educator cannot move a bookmark to another user (raises 42501)'
);
select is_empty(
  $$delete from public.bookmarks where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an educator cannot delete another user''s bookmark: no row is touched'
);
select results_eq(
  $$delete from public.bookmarks where folder = 'tmp' returning 1$$,
  $$values (1)$$,
  'an educator deletes their own bookmark'
);
select lives_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('educator'), 'tmp', '{}')$$,
  'an educator inserts their own saved search'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('g_learner'), 'x', '{}')$$,
  '42501', null,
  'an educator cannot insert a saved search for someone else (raises 42501)'
);
select results_eq(
  $$update public.saved_searches set use_count = use_count + 1, last_used = now() where name <> 'tmp' returning 1$$,
  $$values (1)$$,
  'an educator updates their own saved search'
);
select is_empty(
  $$update public.saved_searches set name = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an educator cannot update another user''s saved search: no row is touched'
);
select is_empty(
  $$delete from public.saved_searches where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an educator cannot delete another user''s saved search: no row is touched'
);
select results_eq(
  $$delete from public.saved_searches where name = 'tmp' returning 1$$,
  $$values (1)$$,
  'an educator deletes their own saved search'
);
select tests.clear_authentication();

-- Acting as learner (a learner) --------------------------------------------

select tests.authenticate_as('learner');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.ai_coaching_sessions$$,
  $$values (1, 1)$$,
  'a learner reads exactly their own coaching sessions'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.bookmarks$$,
  $$values (1, 1)$$,
  'a learner reads exactly their own bookmarks'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.saved_searches$$,
  $$values (1, 1)$$,
  'a learner reads exactly their own saved searches'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('learner'),
    'custom', 'hi')$$,
  '42501', 'permission denied for table ai_coaching_sessions',
  'a learner cannot insert even their own coaching session: the coaching server records it (raises 42501)'
);
select results_eq(
  $$update public.ai_coaching_sessions set user_rating = 5, was_helpful = true,
    user_feedback = 'good' where session_type = 'comprehensive' returning 1$$,
  $$values (1)$$,
  'a learner rates their own coaching session'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('g_learner'),
    'custom', 'x')$$,
  '42501', null,
  'a learner cannot insert a coaching session for someone else (raises 42501)'
);
select is_empty(
  $$update public.ai_coaching_sessions set user_rating = 1 where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a learner cannot rate another user''s session: no row is touched'
);
select throws_ok(
  $$update public.ai_coaching_sessions set ai_response = 'rewritten'$$,
  '42501', null,
  'a learner cannot rewrite the AI response (raises 42501)'
);
select throws_ok(
  $$delete from public.ai_coaching_sessions$$,
  '42501', null,
  'a learner cannot delete coaching sessions (raises 42501)'
);
select lives_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id, folder) values (tests.get_user_id('learner'),
    'tribunal_case', gen_random_uuid(), 'tmp')$$,
  'a learner inserts their own bookmark'
);
select throws_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id) values (tests.get_user_id('g_learner'), 'course',
    gen_random_uuid())$$,
  '42501', null,
  'a learner cannot insert a bookmark for someone else (raises 42501)'
);
select results_eq(
  $$update public.bookmarks set is_favorite = true, notes = 'mine' where folder = 'default' returning 1$$,
  $$values (1)$$,
  'a learner updates their own bookmark'
);
select is_empty(
  $$update public.bookmarks set notes = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a learner cannot update another user''s bookmark: no row is touched'
);
select throws_ok(
  $$update public.bookmarks set user_id = tests.get_user_id('g_learner')$$,
  '42501', null,
  'a learner cannot move a bookmark to another user (raises 42501)'
);
select is_empty(
  $$delete from public.bookmarks where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a learner cannot delete another user''s bookmark: no row is touched'
);
select results_eq(
  $$delete from public.bookmarks where folder = 'tmp' returning 1$$,
  $$values (1)$$,
  'a learner deletes their own bookmark'
);
select lives_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('learner'), 'tmp', '{}')$$,
  'a learner inserts their own saved search'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('g_learner'), 'x', '{}')$$,
  '42501', null,
  'a learner cannot insert a saved search for someone else (raises 42501)'
);
select results_eq(
  $$update public.saved_searches set use_count = use_count + 1, last_used = now() where name <> 'tmp' returning 1$$,
  $$values (1)$$,
  'a learner updates their own saved search'
);
select is_empty(
  $$update public.saved_searches set name = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a learner cannot update another user''s saved search: no row is touched'
);
select is_empty(
  $$delete from public.saved_searches where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a learner cannot delete another user''s saved search: no row is touched'
);
select results_eq(
  $$delete from public.saved_searches where name = 'tmp' returning 1$$,
  $$values (1)$$,
  'a learner deletes their own saved search'
);
select tests.clear_authentication();

-- Acting as viewer (a viewer) ----------------------------------------------

select tests.authenticate_as('viewer');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.ai_coaching_sessions$$,
  $$values (1, 1)$$,
  'a viewer reads exactly their own coaching sessions'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.bookmarks$$,
  $$values (1, 1)$$,
  'a viewer reads exactly their own bookmarks'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.saved_searches$$,
  $$values (1, 1)$$,
  'a viewer reads exactly their own saved searches'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('viewer'),
    'custom', 'hi')$$,
  '42501', null,
  'a viewer (read-only) cannot insert a coaching session (raises 42501)'
);
select is_empty(
  $$update public.ai_coaching_sessions set user_rating = 5 returning 1$$,
  'a viewer (read-only) cannot rate even their own session: no row is touched'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('g_learner'),
    'custom', 'x')$$,
  '42501', null,
  'a viewer cannot insert a coaching session for someone else (raises 42501)'
);
select is_empty(
  $$update public.ai_coaching_sessions set user_rating = 1 where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a viewer cannot rate another user''s session: no row is touched'
);
select throws_ok(
  $$update public.ai_coaching_sessions set ai_response = 'rewritten'$$,
  '42501', null,
  'a viewer cannot rewrite the AI response (raises 42501)'
);
select throws_ok(
  $$delete from public.ai_coaching_sessions$$,
  '42501', null,
  'a viewer cannot delete coaching sessions (raises 42501)'
);
select lives_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id, folder) values (tests.get_user_id('viewer'),
    'tribunal_case', gen_random_uuid(), 'tmp')$$,
  'a viewer inserts their own bookmark'
);
select throws_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id) values (tests.get_user_id('g_learner'), 'course',
    gen_random_uuid())$$,
  '42501', null,
  'a viewer cannot insert a bookmark for someone else (raises 42501)'
);
select results_eq(
  $$update public.bookmarks set is_favorite = true, notes = 'mine' where folder = 'default' returning 1$$,
  $$values (1)$$,
  'a viewer updates their own bookmark'
);
select is_empty(
  $$update public.bookmarks set notes = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a viewer cannot update another user''s bookmark: no row is touched'
);
select throws_ok(
  $$update public.bookmarks set user_id = tests.get_user_id('g_learner')$$,
  '42501', null,
  'a viewer cannot move a bookmark to another user (raises 42501)'
);
select is_empty(
  $$delete from public.bookmarks where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a viewer cannot delete another user''s bookmark: no row is touched'
);
select results_eq(
  $$delete from public.bookmarks where folder = 'tmp' returning 1$$,
  $$values (1)$$,
  'a viewer deletes their own bookmark'
);
select lives_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('viewer'), 'tmp', '{}')$$,
  'a viewer inserts their own saved search'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('g_learner'), 'x', '{}')$$,
  '42501', null,
  'a viewer cannot insert a saved search for someone else (raises 42501)'
);
select results_eq(
  $$update public.saved_searches set use_count = use_count + 1, last_used = now() where name <> 'tmp' returning 1$$,
  $$values (1)$$,
  'a viewer updates their own saved search'
);
select is_empty(
  $$update public.saved_searches set name = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a viewer cannot update another user''s saved search: no row is touched'
);
select is_empty(
  $$delete from public.saved_searches where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a viewer cannot delete another user''s saved search: no row is touched'
);
select results_eq(
  $$delete from public.saved_searches where name = 'tmp' returning 1$$,
  $$values (1)$$,
  'a viewer deletes their own saved search'
);
select tests.clear_authentication();

-- Acting as guest (a guest) ------------------------------------------------

select tests.authenticate_as('guest');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.ai_coaching_sessions$$,
  $$values (1, 1)$$,
  'a guest reads exactly their own coaching sessions'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.bookmarks$$,
  $$values (1, 1)$$,
  'a guest reads exactly their own bookmarks'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.saved_searches$$,
  $$values (1, 1)$$,
  'a guest reads exactly their own saved searches'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('guest'),
    'custom', 'hi')$$,
  '42501', null,
  'a guest (read-only) cannot insert a coaching session (raises 42501)'
);
select is_empty(
  $$update public.ai_coaching_sessions set user_rating = 5 returning 1$$,
  'a guest (read-only) cannot rate even their own session: no row is touched'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('g_learner'),
    'custom', 'x')$$,
  '42501', null,
  'a guest cannot insert a coaching session for someone else (raises 42501)'
);
select is_empty(
  $$update public.ai_coaching_sessions set user_rating = 1 where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a guest cannot rate another user''s session: no row is touched'
);
select throws_ok(
  $$update public.ai_coaching_sessions set ai_response = 'rewritten'$$,
  '42501', null,
  'a guest cannot rewrite the AI response (raises 42501)'
);
select throws_ok(
  $$delete from public.ai_coaching_sessions$$,
  '42501', null,
  'a guest cannot delete coaching sessions (raises 42501)'
);
select lives_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id, folder) values (tests.get_user_id('guest'),
    'tribunal_case', gen_random_uuid(), 'tmp')$$,
  'a guest inserts their own bookmark'
);
select throws_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id) values (tests.get_user_id('g_learner'), 'course',
    gen_random_uuid())$$,
  '42501', null,
  'a guest cannot insert a bookmark for someone else (raises 42501)'
);
select results_eq(
  $$update public.bookmarks set is_favorite = true, notes = 'mine' where folder = 'default' returning 1$$,
  $$values (1)$$,
  'a guest updates their own bookmark'
);
select is_empty(
  $$update public.bookmarks set notes = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a guest cannot update another user''s bookmark: no row is touched'
);
select throws_ok(
  $$update public.bookmarks set user_id = tests.get_user_id('g_learner')$$,
  '42501', null,
  'a guest cannot move a bookmark to another user (raises 42501)'
);
select is_empty(
  $$delete from public.bookmarks where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a guest cannot delete another user''s bookmark: no row is touched'
);
select results_eq(
  $$delete from public.bookmarks where folder = 'tmp' returning 1$$,
  $$values (1)$$,
  'a guest deletes their own bookmark'
);
select lives_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('guest'), 'tmp', '{}')$$,
  'a guest inserts their own saved search'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('g_learner'), 'x', '{}')$$,
  '42501', null,
  'a guest cannot insert a saved search for someone else (raises 42501)'
);
select results_eq(
  $$update public.saved_searches set use_count = use_count + 1, last_used = now() where name <> 'tmp' returning 1$$,
  $$values (1)$$,
  'a guest updates their own saved search'
);
select is_empty(
  $$update public.saved_searches set name = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a guest cannot update another user''s saved search: no row is touched'
);
select is_empty(
  $$delete from public.saved_searches where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a guest cannot delete another user''s saved search: no row is touched'
);
select results_eq(
  $$delete from public.saved_searches where name = 'tmp' returning 1$$,
  $$values (1)$$,
  'a guest deletes their own saved search'
);
select tests.clear_authentication();

-- Acting as g_admin (an org admin of globex) -------------------------------

select tests.authenticate_as('g_admin');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.ai_coaching_sessions$$,
  $$values (1, 1)$$,
  'an org admin of globex reads exactly their own coaching sessions'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.bookmarks$$,
  $$values (1, 1)$$,
  'an org admin of globex reads exactly their own bookmarks'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.saved_searches$$,
  $$values (1, 1)$$,
  'an org admin of globex reads exactly their own saved searches'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('g_admin'),
    'custom', 'hi')$$,
  '42501', 'permission denied for table ai_coaching_sessions',
  'an org admin of globex cannot insert even their own coaching session: the coaching server records it (raises 42501)'
);
select results_eq(
  $$update public.ai_coaching_sessions set user_rating = 5, was_helpful = true,
    user_feedback = 'good' where session_type = 'comprehensive' returning 1$$,
  $$values (1)$$,
  'an org admin of globex rates their own coaching session'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('g_learner'),
    'custom', 'x')$$,
  '42501', null,
  'an org admin of globex cannot insert a coaching session for someone else (raises 42501)'
);
select is_empty(
  $$update public.ai_coaching_sessions set user_rating = 1 where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an org admin of globex cannot rate another user''s session: no row is touched'
);
select throws_ok(
  $$update public.ai_coaching_sessions set ai_response = 'rewritten'$$,
  '42501', null,
  'an org admin of globex cannot rewrite the AI response (raises 42501)'
);
select throws_ok(
  $$delete from public.ai_coaching_sessions$$,
  '42501', null,
  'an org admin of globex cannot delete coaching sessions (raises 42501)'
);
select lives_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id, folder) values (tests.get_user_id('g_admin'),
    'tribunal_case', gen_random_uuid(), 'tmp')$$,
  'an org admin of globex inserts their own bookmark'
);
select throws_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id) values (tests.get_user_id('g_learner'), 'course',
    gen_random_uuid())$$,
  '42501', null,
  'an org admin of globex cannot insert a bookmark for someone else (raises 42501)'
);
select results_eq(
  $$update public.bookmarks set is_favorite = true, notes = 'mine' where folder = 'default' returning 1$$,
  $$values (1)$$,
  'an org admin of globex updates their own bookmark'
);
select is_empty(
  $$update public.bookmarks set notes = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an org admin of globex cannot update another user''s bookmark: no row is touched'
);
select throws_ok(
  $$update public.bookmarks set user_id = tests.get_user_id('g_learner')$$,
  '42501', null,
  'an org admin of globex cannot move a bookmark to another user (raises 42501)'
);
select is_empty(
  $$delete from public.bookmarks where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an org admin of globex cannot delete another user''s bookmark: no row is touched'
);
select results_eq(
  $$delete from public.bookmarks where folder = 'tmp' returning 1$$,
  $$values (1)$$,
  'an org admin of globex deletes their own bookmark'
);
select lives_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('g_admin'), 'tmp', '{}')$$,
  'an org admin of globex inserts their own saved search'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('g_learner'), 'x', '{}')$$,
  '42501', null,
  'an org admin of globex cannot insert a saved search for someone else (raises 42501)'
);
select results_eq(
  $$update public.saved_searches set use_count = use_count + 1, last_used = now() where name <> 'tmp' returning 1$$,
  $$values (1)$$,
  'an org admin of globex updates their own saved search'
);
select is_empty(
  $$update public.saved_searches set name = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an org admin of globex cannot update another user''s saved search: no row is touched'
);
select is_empty(
  $$delete from public.saved_searches where user_id = tests.get_user_id('g_learner') returning 1$$,
  'an org admin of globex cannot delete another user''s saved search: no row is touched'
);
select results_eq(
  $$delete from public.saved_searches where name = 'tmp' returning 1$$,
  $$values (1)$$,
  'an org admin of globex deletes their own saved search'
);
select tests.clear_authentication();

-- Acting as g_compliance (a compliance officer of globex) ------------------

select tests.authenticate_as('g_compliance');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.ai_coaching_sessions$$,
  $$values (1, 1)$$,
  'a compliance officer of globex reads exactly their own coaching sessions'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.bookmarks$$,
  $$values (1, 1)$$,
  'a compliance officer of globex reads exactly their own bookmarks'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.saved_searches$$,
  $$values (1, 1)$$,
  'a compliance officer of globex reads exactly their own saved searches'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type,
    ai_response) values (tests.get_user_id('g_compliance'), 'custom', 'hi')$$,
  '42501', 'permission denied for table ai_coaching_sessions',
  'a compliance officer of globex cannot insert even their own coaching session: the coaching server records it '
  || '(raises 42501)'
);
select results_eq(
  $$update public.ai_coaching_sessions set user_rating = 5, was_helpful = true,
    user_feedback = 'good' where session_type = 'comprehensive' returning 1$$,
  $$values (1)$$,
  'a compliance officer of globex rates their own coaching session'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('g_learner'),
    'custom', 'x')$$,
  '42501', null,
  'a compliance officer of globex cannot insert a coaching session for someone else (raises 42501)'
);
select is_empty(
  $$update public.ai_coaching_sessions set user_rating = 1 where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a compliance officer of globex cannot rate another user''s session: no row is touched'
);
select throws_ok(
  $$update public.ai_coaching_sessions set ai_response = 'rewritten'$$,
  '42501', null,
  'a compliance officer of globex cannot rewrite the AI response (raises 42501)'
);
select throws_ok(
  $$delete from public.ai_coaching_sessions$$,
  '42501', null,
  'a compliance officer of globex cannot delete coaching sessions (raises 42501)'
);
select lives_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id,
    folder) values (tests.get_user_id('g_compliance'), 'tribunal_case', gen_random_uuid(), 'tmp')$$,
  'a compliance officer of globex inserts their own bookmark'
);
select throws_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id) values (tests.get_user_id('g_learner'), 'course',
    gen_random_uuid())$$,
  '42501', null,
  'a compliance officer of globex cannot insert a bookmark for someone else (raises 42501)'
);
select results_eq(
  $$update public.bookmarks set is_favorite = true, notes = 'mine' where folder = 'default' returning 1$$,
  $$values (1)$$,
  'a compliance officer of globex updates their own bookmark'
);
select is_empty(
  $$update public.bookmarks set notes = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a compliance officer of globex cannot update another user''s bookmark: no row is touched'
);
select throws_ok(
  $$update public.bookmarks set user_id = tests.get_user_id('g_learner')$$,
  '42501', null,
  'a compliance officer of globex cannot move a bookmark to another user (raises 42501)'
);
select is_empty(
  $$delete from public.bookmarks where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a compliance officer of globex cannot delete another user''s bookmark: no row is touched'
);
select results_eq(
  $$delete from public.bookmarks where folder = 'tmp' returning 1$$,
  $$values (1)$$,
  'a compliance officer of globex deletes their own bookmark'
);
select lives_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('g_compliance'), 'tmp',
    '{}')$$,
  'a compliance officer of globex inserts their own saved search'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('g_learner'), 'x', '{}')$$,
  '42501', null,
  'a compliance officer of globex cannot insert a saved search for someone else (raises 42501)'
);
select results_eq(
  $$update public.saved_searches set use_count = use_count + 1, last_used = now() where name <> 'tmp' returning 1$$,
  $$values (1)$$,
  'a compliance officer of globex updates their own saved search'
);
select is_empty(
  $$update public.saved_searches set name = 'x' where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a compliance officer of globex cannot update another user''s saved search: no row is touched'
);
select is_empty(
  $$delete from public.saved_searches where user_id = tests.get_user_id('g_learner') returning 1$$,
  'a compliance officer of globex cannot delete another user''s saved search: no row is touched'
);
select results_eq(
  $$delete from public.saved_searches where name = 'tmp' returning 1$$,
  $$values (1)$$,
  'a compliance officer of globex deletes their own saved search'
);
select tests.clear_authentication();

-- Acting as g_learner (a learner of globex) --------------------------------

select tests.authenticate_as('g_learner');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.ai_coaching_sessions$$,
  $$values (1, 1)$$,
  'a learner of globex reads exactly their own coaching sessions'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.bookmarks$$,
  $$values (1, 1)$$,
  'a learner of globex reads exactly their own bookmarks'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.saved_searches$$,
  $$values (1, 1)$$,
  'a learner of globex reads exactly their own saved searches'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('g_learner'),
    'custom', 'hi')$$,
  '42501', 'permission denied for table ai_coaching_sessions',
  'a learner of globex cannot insert even their own coaching session: the coaching server records it (raises 42501)'
);
select results_eq(
  $$update public.ai_coaching_sessions set user_rating = 5, was_helpful = true,
    user_feedback = 'good' where session_type = 'comprehensive' returning 1$$,
  $$values (1)$$,
  'a learner of globex rates their own coaching session'
);
select throws_ok(
  $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response) values (tests.get_user_id('learner'),
    'custom', 'x')$$,
  '42501', null,
  'a learner of globex cannot insert a coaching session for someone else (raises 42501)'
);
select is_empty(
  $$update public.ai_coaching_sessions set user_rating = 1 where user_id = tests.get_user_id('learner') returning 1$$,
  'a learner of globex cannot rate another user''s session: no row is touched'
);
select throws_ok(
  $$update public.ai_coaching_sessions set ai_response = 'rewritten'$$,
  '42501', null,
  'a learner of globex cannot rewrite the AI response (raises 42501)'
);
select throws_ok(
  $$delete from public.ai_coaching_sessions$$,
  '42501', null,
  'a learner of globex cannot delete coaching sessions (raises 42501)'
);
select lives_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id, folder) values (tests.get_user_id('g_learner'),
    'tribunal_case', gen_random_uuid(), 'tmp')$$,
  'a learner of globex inserts their own bookmark'
);
select throws_ok(
  $$insert into public.bookmarks (user_id, resource_type, resource_id) values (tests.get_user_id('learner'), 'course',
    gen_random_uuid())$$,
  '42501', null,
  'a learner of globex cannot insert a bookmark for someone else (raises 42501)'
);
select results_eq(
  $$update public.bookmarks set is_favorite = true, notes = 'mine' where folder = 'default' returning 1$$,
  $$values (1)$$,
  'a learner of globex updates their own bookmark'
);
select is_empty(
  $$update public.bookmarks set notes = 'x' where user_id = tests.get_user_id('learner') returning 1$$,
  'a learner of globex cannot update another user''s bookmark: no row is touched'
);
select throws_ok(
  $$update public.bookmarks set user_id = tests.get_user_id('learner')$$,
  '42501', null,
  'a learner of globex cannot move a bookmark to another user (raises 42501)'
);
select is_empty(
  $$delete from public.bookmarks where user_id = tests.get_user_id('learner') returning 1$$,
  'a learner of globex cannot delete another user''s bookmark: no row is touched'
);
select results_eq(
  $$delete from public.bookmarks where folder = 'tmp' returning 1$$,
  $$values (1)$$,
  'a learner of globex deletes their own bookmark'
);
select lives_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('g_learner'), 'tmp', '{}')$$,
  'a learner of globex inserts their own saved search'
);
select throws_ok(
  $$insert into public.saved_searches (user_id, name, filters) values (tests.get_user_id('learner'), 'x', '{}')$$,
  '42501', null,
  'a learner of globex cannot insert a saved search for someone else (raises 42501)'
);
select results_eq(
  $$update public.saved_searches set use_count = use_count + 1, last_used = now() where name <> 'tmp' returning 1$$,
  $$values (1)$$,
  'a learner of globex updates their own saved search'
);
select is_empty(
  $$update public.saved_searches set name = 'x' where user_id = tests.get_user_id('learner') returning 1$$,
  'a learner of globex cannot update another user''s saved search: no row is touched'
);
select is_empty(
  $$delete from public.saved_searches where user_id = tests.get_user_id('learner') returning 1$$,
  'a learner of globex cannot delete another user''s saved search: no row is touched'
);
select results_eq(
  $$delete from public.saved_searches where name = 'tmp' returning 1$$,
  $$values (1)$$,
  'a learner of globex deletes their own saved search'
);
select tests.clear_authentication();

-- What the denied writes left ------------------------------------------------------------

select results_eq(
  $$select count(*)::int, count(*) filter (where user_rating = 5)::int from public.ai_coaching_sessions where user_id
    = any(tests.fixture_user_ids())$$,
  $$values (12, 10)$$,
  'no client added a session; ten contributors rated theirs; viewer and guest did neither'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where notes = 'x')::int from public.bookmarks where user_id
    = any(tests.fixture_user_ids())$$,
  $$values (12, 0)$$,
  'one bookmark per user is left, none changed by another user'
);
select results_eq(
  $$select count(*)::int, count(*) filter (where name = 'x')::int from public.saved_searches where user_id
    = any(tests.fixture_user_ids())$$,
  $$values (12, 0)$$,
  'one saved search per user is left, none changed by another user'
);

select tests.authenticate_as_service_role();
select results_eq(
  $$select count(*)::int from public.bookmarks where user_id = any(tests.fixture_user_ids())$$,
  array[12],
  'the service role reads every bookmark'
);
select results_eq(
  $$update public.ai_coaching_sessions set ai_model = 'gpt-4o' where user_id = tests.get_user_id('viewer') returning
    1$$,
  $$values (1)$$,
  'the service role updates a coaching session'
);
select results_eq(
  $$delete from public.saved_searches where user_id = tests.get_user_id('guest') returning 1$$,
  $$values (1)$$,
  'the service role deletes a saved search'
);
select tests.clear_authentication();

select * from finish();
rollback;
