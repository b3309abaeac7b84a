/*
  notifications: each user reads their own and marks them read (the columns
  read and read_at, or mark_notification_read()); nothing else: no insert,
  no other column, no delete. anon has nothing; the service role writes.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(117);

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

-- Every user has two unread notifications: a system one and a coaching tip.
do $$
declare
  u text;
begin
  foreach u in array array[
    'super', 'compliance', 'orgadmin', 'analyst', 'investigator', 'educator',
    'learner', 'viewer', 'guest', 'g_admin', 'g_compliance', 'g_learner'
  ] loop
    insert into public.notifications (id, user_id, type, title, message) values
    (tests.id('n:' || u || ':system'), tests.get_user_id(u), 'system', 'Welcome', 'Hello ' || u),
    (tests.id('n:' || u || ':tip'), tests.get_user_id(u), 'coaching_tip', 'Tip', 'Read a case');
  end loop;
end
$$;

select tests.authenticate_as_anon();
select throws_ok(
  $$select 1 from public.notifications$$,
  '42501', null,
  'anon cannot read notifications (raises 42501)'
);
select throws_ok(
  $$update public.notifications set read = true$$,
  '42501', null,
  'anon cannot mark notifications read (raises 42501)'
);
select throws_ok(
  $$select public.mark_notification_read(tests.id('n:learner:tip'))$$,
  '42501', null,
  'anon cannot call mark_notification_read (raises 42501)'
);
select tests.clear_authentication();

-- Acting as super (a super admin) ------------------------------------------

select tests.authenticate_as('super');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.notifications$$,
  $$values (2, 2)$$,
  'a super admin reads exactly their own two notifications'
);
select results_eq(
  $$update public.notifications set read = true, read_at = now() where id = tests.id('n:super:system') returning 1$$,
  $$values (1)$$,
  'a super admin marks their own notification read'
);
select is_empty(
  $$update public.notifications set read = true where id = tests.id('n:g_learner:system') returning 1$$,
  'a super admin cannot mark another user''s notification read: no row is touched'
);
select throws_ok(
  $$update public.notifications set title = 'changed'$$,
  '42501', null,
  'a super admin cannot change a notification''s title, only its read flag (raises 42501)'
);
select throws_ok(
  $$update public.notifications set user_id = auth.uid()$$,
  '42501', null,
  'a super admin cannot take over a notification (raises 42501)'
);
select throws_ok(
  $$insert into public.notifications (user_id, type, title, message) values (tests.get_user_id('super'), 'system', 't',
    'm')$$,
  '42501', null,
  'a super admin cannot insert a notification, even for themselves (raises 42501)'
);
select throws_ok(
  $$delete from public.notifications$$,
  '42501', null,
  'a super admin cannot delete notifications (raises 42501)'
);
select lives_ok(
  $$select public.mark_notification_read(tests.id('n:super:tip'))$$,
  'a super admin marks their own notification read through the RPC'
);
select throws_ok(
  $$select public.mark_notification_read(tests.id('n:g_learner:tip'))$$,
  'P0002', null,
  'a super admin gets P0002 marking another user''s notification through the RPC'
);
select tests.clear_authentication();

-- Acting as compliance (a compliance officer) ------------------------------

select tests.authenticate_as('compliance');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.notifications$$,
  $$values (2, 2)$$,
  'a compliance officer reads exactly their own two notifications'
);
select results_eq(
  $$update public.notifications set read = true, read_at = now() where id = tests.id('n:compliance:system') returning
    1$$,
  $$values (1)$$,
  'a compliance officer marks their own notification read'
);
select is_empty(
  $$update public.notifications set read = true where id = tests.id('n:g_learner:system') returning 1$$,
  'a compliance officer cannot mark another user''s notification read: no row is touched'
);
select throws_ok(
  $$update public.notifications set title = 'changed'$$,
  '42501', null,
  'a compliance officer cannot change a notification''s title, only its read flag (raises 42501)'
);
select throws_ok(
  $$update public.notifications set user_id = auth.uid()$$,
  '42501', null,
  'a compliance officer cannot take over a notification (raises 42501)'
);
select throws_ok(
  $$insert into public.notifications (user_id, type, title, message) values (tests.get_user_id('compliance'), 'system',
    't', 'm')$$,
  '42501', null,
  'a compliance officer cannot insert a notification, even for themselves (raises 42501)'
);
select throws_ok(
  $$delete from public.notifications$$,
  '42501', null,
  'a compliance officer cannot delete notifications (raises 42501)'
);
select lives_ok(
  $$select public.mark_notification_read(tests.id('n:compliance:tip'))$$,
  'a compliance officer marks their own notification read through the RPC'
);
select throws_ok(
  $$select public.mark_notification_read(tests.id('n:g_learner:tip'))$$,
  'P0002', null,
  'a compliance officer gets P0002 marking another user''s notification through the RPC'
);
select tests.clear_authentication();

-- Acting as orgadmin (an org admin) ----------------------------------------

select tests.authenticate_as('orgadmin');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.notifications$$,
  $$values (2, 2)$$,
  'an org admin reads exactly their own two notifications'
);
select results_eq(
  $$update public.notifications set read = true, read_at = now() where id = tests.id('n:orgadmin:system') returning 1$$,
  $$values (1)$$,
  'an org admin marks their own notification read'
);
select is_empty(
  $$update public.notifications set read = true where id = tests.id('n:g_learner:system') returning 1$$,
  'an org admin cannot mark another user''s notification read: no row is touched'
);
select throws_ok(
  $$update public.notifications set title = 'changed'$$,
  '42501', null,
  'an org admin cannot change a notification''s title, only its read flag (raises 42501)'
);
select throws_ok(
  $$update public.notifications set user_id = auth.uid()$$,
  '42501', null,
  'an org admin cannot take over a notification (raises 42501)'
);
select throws_ok(
  $$insert into public.notifications (user_id, type, title, message) values (tests.get_user_id('orgadmin'), 'system',
    't', 'm')$$,
  '42501', null,
  'an org admin cannot insert a notification, even for themselves (raises 42501)'
);
select throws_ok(
  $$delete from public.notifications$$,
  '42501', null,
  'an org admin cannot delete notifications (raises 42501)'
);
select lives_ok(
  $$select public.mark_notification_read(tests.id('n:orgadmin:tip'))$$,
  'an org admin marks their own notification read through the RPC'
);
select throws_ok(
  $$select public.mark_notification_read(tests.id('n:g_learner:tip'))$$,
  'P0002', null,
  'an org admin gets P0002 marking another user''s notification through the RPC'
);
select tests.clear_authentication();

-- Acting as analyst (an analyst) -------------------------------------------

select tests.authenticate_as('analyst');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.notifications$$,
  $$values (2, 2)$$,
  'an analyst reads exactly their own two notifications'
);
select results_eq(
  $$update public.notifications set read = true, read_at = now() where id = tests.id('n:analyst:system') returning 1$$,
  $$values (1)$$,
  'an analyst marks their own notification read'
);
select is_empty(
  $$update public.notifications set read = true where id = tests.id('n:g_learner:system') returning 1$$,
  'an analyst cannot mark another user''s notification read: no row is touched'
);
select throws_ok(
  $$update public.notifications set title = 'changed'$$,
  '42501', null,
  'an analyst cannot change a notification''s title, only its read flag (raises 42501)'
);
select throws_ok(
  $$update public.notifications set user_id = auth.uid()$$,
  '42501', null,
  'an analyst cannot take over a notification (raises 42501)'
);
select throws_ok(
  $$insert into public.notifications (user_id, type, title, message) values (tests.get_user_id('analyst'), 'system',
    't', 'm')$$,
  '42501', null,
  'an analyst cannot insert a notification, even for themselves (raises 42501)'
);
select throws_ok(
  $$delete from public.notifications$$,
  '42501', null,
  'an analyst cannot delete notifications (raises 42501)'
);
select lives_ok(
  $$select public.mark_notification_read(tests.id('n:analyst:tip'))$$,
  'an analyst marks their own notification read through the RPC'
);
select throws_ok(
  $$select public.mark_notification_read(tests.id('n:g_learner:tip'))$$,
  'P0002', null,
  'an analyst gets P0002 marking another user''s notification through the RPC'
);
select tests.clear_authentication();

-- Acting as investigator (an investigator) ---------------------------------

select tests.authenticate_as('investigator');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.notifications$$,
  $$values (2, 2)$$,
  'an investigator reads exactly their own two notifications'
);
select results_eq(
  $$update public.notifications set read = true, read_at = now() where id = tests.id('n:investigator:system') returning
    1$$,
  $$values (1)$$,
  'an investigator marks their own notification read'
);
select is_empty(
  $$update public.notifications set read = true where id = tests.id('n:g_learner:system') returning 1$$,
  'an investigator cannot mark another user''s notification read: no row is touched'
);
select throws_ok(
  $$update public.notifications set title = 'changed'$$,
  '42501', null,
  'an investigator cannot change a notification''s title, only its read flag (raises 42501)'
);
select throws_ok(
  $$update public.notifications set user_id = auth.uid()$$,
  '42501', null,
  'an investigator cannot take over a notification (raises 42501)'
);
select throws_ok(
  $$insert into public.notifications (user_id, type, title, message) values (tests.get_user_id('investigator'),
    'system', 't', 'm')$$,
  '42501', null,
  'an investigator cannot insert a notification, even for themselves (raises 42501)'
);
select throws_ok(
  $$delete from public.notifications$$,
  '42501', null,
  'an investigator cannot delete notifications (raises 42501)'
);
select lives_ok(
  $$select public.mark_notification_read(tests.id('n:investigator:tip'))$$,
  'an investigator marks their own notification read through the RPC'
);
select throws_ok(
  $$select public.mark_notification_read(tests.id('n:g_learner:tip'))$$,
  'P0002', null,
  'an investigator gets P0002 marking another user''s notification through the RPC'
);
select tests.clear_authentication();

-- Acting as educator (an educator) -----------------------------------------

select tests.authenticate_as('educator');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.notifications$$,
  $$values (2, 2)$$,
  'an educator reads exactly their own two notifications'
);
select results_eq(
  $$update public.notifications set read = true, read_at = now() where id = tests.id('n:educator:system') returning 1$$,
  $$values (1)$$,
  'an educator marks their own notification read'
);
select is_empty(
  $$update public.notifications set read = true where id = tests.id('n:g_learner:system') returning 1$$,
  'an educator cannot mark another user''s notification read: no row is touched'
);
select throws_ok(
  $$update public.notifications set title = 'changed'$$,
  '42501', null,
  'an educator cannot change a notification''s title, only its read flag (raises 42501)'
);
select throws_ok(
  $$update public.notifications set user_id = auth.uid()$$,
  '42501', null,
  'an educator cannot take over a notification (raises 42501)'
);
select throws_ok(
  $$insert into public.notifications (user_id, type, title, message) values (tests.get_user_id('educator'), 'system',
    't', 'm')$$,
  '42501', null,
  'an educator cannot insert a notification, even for themselves (raises 42501)'
);
select throws_ok(
  $$delete from public.notifications$$,
  '42501', null,
  'an educator cannot delete notifications (raises 42501)'
);
select lives_ok(
  $$select public.mark_notification_read(tests.id('n:educator:tip'))$$,
  'an educator marks their own notification read through the RPC'
);
select throws_ok(
  $$select public.mark_notification_read(tests.id('n:g_learner:tip'))$$,
  'P0002', null,
  'an educator gets P0002 marking another user''s notification through the RPC'
);
select tests.clear_authentication();

-- Acting as learner (a learner) --------------------------------------------

select tests.authenticate_as('learner');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.notifications$$,
  $$values (2, 2)$$,
  'a learner reads exactly their own two notifications'
);
select results_eq(
  $$update public.notifications set read = true, read_at = now() where id = tests.id('n:learner:system') returning 1$$,
  $$values (1)$$,
  'a learner marks their own notification read'
);
select is_empty(
  $$update public.notifications set read = true where id = tests.id('n:g_learner:system') returning 1$$,
  'a learner cannot mark another user''s notification read: no row is touched'
);
select throws_ok(
  $$update public.notifications set title = 'changed'$$,
  '42501', null,
  'a learner cannot change a notification''s title, only its read flag (raises 42501)'
);
select throws_ok(
  $$update public.notifications set user_id = auth.uid()$$,
  '42501', null,
  'a learner cannot take over a notification (raises 42501)'
);
select throws_ok(
  $$insert into public.notifications (user_id, type, title, message) values (tests.get_user_id('learner'), 'system',
    't', 'm')$$,
  '42501', null,
  'a learner cannot insert a notification, even for themselves (raises 42501)'
);
select throws_ok(
  $$delete from public.notifications$$,
  '42501', null,
  'a learner cannot delete notifications (raises 42501)'
);
select lives_ok(
  $$select public.mark_notification_read(tests.id('n:learner:tip'))$$,
  'a learner marks their own notification read through the RPC'
);
select throws_ok(
  $$select public.mark_notification_read(tests.id('n:g_learner:tip'))$$,
  'P0002', null,
  'a learner gets P0002 marking another user''s notification through the RPC'
);
select tests.clear_authentication();

-- Acting as viewer (a viewer) ----------------------------------------------

select tests.authenticate_as('viewer');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.notifications$$,
  $$values (2, 2)$$,
  'a viewer reads exactly their own two notifications'
);
select results_eq(
  $$update public.notifications set read = true, read_at = now() where id = tests.id('n:viewer:system') returning 1$$,
  $$values (1)$$,
  'a viewer marks their own notification read'
);
select is_empty(
  $$update public.notifications set read = true where id = tests.id('n:g_learner:system') returning 1$$,
  'a viewer cannot mark another user''s notification read: no row is touched'
);
select throws_ok(
  $$update public.notifications set title = 'changed'$$,
  '42501', null,
  'a viewer cannot change a notification''s title, only its read flag (raises 42501)'
);
select throws_ok(
  $$update public.notifications set user_id = auth.uid()$$,
  '42501', null,
  'a viewer cannot take over a notification (raises 42501)'
);
select throws_ok(
  $$insert into public.notifications (user_id, type, title, message) values (tests.get_user_id('viewer'), 'system', 't',
    'm')$$,
  '42501', null,
  'a viewer cannot insert a notification, even for themselves (raises 42501)'
);
select throws_ok(
  $$delete from public.notifications$$,
  '42501', null,
  'a viewer cannot delete notifications (raises 42501)'
);
select lives_ok(
  $$select public.mark_notification_read(tests.id('n:viewer:tip'))$$,
  'a viewer marks their own notification read through the RPC'
);
select throws_ok(
  $$select public.mark_notification_read(tests.id('n:g_learner:tip'))$$,
  'P0002', null,
  'a viewer gets P0002 marking another user''s notification through the RPC'
);
select tests.clear_authentication();

-- Acting as guest (a guest) ------------------------------------------------

select tests.authenticate_as('guest');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.notifications$$,
  $$values (2, 2)$$,
  'a guest reads exactly their own two notifications'
);
select results_eq(
  $$update public.notifications set read = true, read_at = now() where id = tests.id('n:guest:system') returning 1$$,
  $$values (1)$$,
  'a guest marks their own notification read'
);
select is_empty(
  $$update public.notifications set read = true where id = tests.id('n:g_learner:system') returning 1$$,
  'a guest cannot mark another user''s notification read: no row is touched'
);
select throws_ok(
  $$update public.notifications set title = 'changed'$$,
  '42501', null,
  'a guest cannot change a notification''s title, only its read flag (raises 42501)'
);
select throws_ok(
  $$update public.notifications set user_id = auth.uid()$$,
  '42501', null,
  'a guest cannot take over a notification (raises 42501)'
);
select throws_ok(
  $$insert into public.notifications (user_id, type, title, message) values (tests.get_user_id('guest'), 'system', 't',
    'm')$$,
  '42501', null,
  'a guest cannot insert a notification, even for themselves (raises 42501)'
);
select throws_ok(
  $$delete from public.notifications$$,
  '42501', null,
  'a guest cannot delete notifications (raises 42501)'
);
select lives_ok(
  $$select public.mark_notification_read(tests.id('n:guest:tip'))$$,
  'a guest marks their own notification read through the RPC'
);
select throws_ok(
  $$select public.mark_notification_read(tests.id('n:g_learner:tip'))$$,
  'P0002', null,
  'a guest gets P0002 marking another user''s notification through the RPC'
);
select tests.clear_authentication();

-- Acting as g_admin (an org admin of globex) -------------------------------

select tests.authenticate_as('g_admin');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.notifications$$,
  $$values (2, 2)$$,
  'an org admin of globex reads exactly their own two notifications'
);
select results_eq(
  $$update public.notifications set read = true, read_at = now() where id = tests.id('n:g_admin:system') returning 1$$,
  $$values (1)$$,
  'an org admin of globex marks their own notification read'
);
select is_empty(
  $$update public.notifications set read = true where id = tests.id('n:g_learner:system') returning 1$$,
  'an org admin of globex cannot mark another user''s notification read: no row is touched'
);
select throws_ok(
  $$update public.notifications set title = 'changed'$$,
  '42501', null,
  'an org admin of globex cannot change a notification''s title, only its read flag (raises 42501)'
);
select throws_ok(
  $$update public.notifications set user_id = auth.uid()$$,
  '42501', null,
  'an org admin of globex cannot take over a notification (raises 42501)'
);
select throws_ok(
  $$insert into public.notifications (user_id, type, title, message) values (tests.get_user_id('g_admin'), 'system',
    't', 'm')$$,
  '42501', null,
  'an org admin of globex cannot insert a notification, even for themselves (raises 42501)'
);
select throws_ok(
  $$delete from public.notifications$$,
  '42501', null,
  'an org admin of globex cannot delete notifications (raises 42501)'
);
select lives_ok(
  $$select public.mark_notification_read(tests.id('n:g_admin:tip'))$$,
  'an org admin of globex marks their own notification read through the RPC'
);
select throws_ok(
  $$select public.mark_notification_read(tests.id('n:g_learner:tip'))$$,
  'P0002', null,
  'an org admin of globex gets P0002 marking another user''s notification through the RPC'
);
select tests.clear_authentication();

-- Acting as g_compliance (a compliance officer of globex) ------------------

select tests.authenticate_as('g_compliance');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.notifications$$,
  $$values (2, 2)$$,
  'a compliance officer of globex reads exactly their own two notifications'
);
select results_eq(
  $$update public.notifications set read = true, read_at = now() where id = tests.id('n:g_compliance:system') returning
    1$$,
  $$values (1)$$,
  'a compliance officer of globex marks their own notification read'
);
select is_empty(
  $$update public.notifications set read = true where id = tests.id('n:g_learner:system') returning 1$$,
  'a compliance officer of globex cannot mark another user''s notification read: no row is touched'
);
select throws_ok(
  $$update public.notifications set title = 'changed'$$,
  '42501', null,
  'a compliance officer of globex cannot change a notification''s title, only its read flag (raises 42501)'
);
select throws_ok(
  $$update public.notifications set user_id = auth.uid()$$,
  '42501', null,
  'a compliance officer of globex cannot take over a notification (raises 42501)'
);
select throws_ok(
  $$insert into public.notifications (user_id, type, title, message) values (tests.get_user_id('g_compliance'),
    'system', 't', 'm')$$,
  '42501', null,
  'a compliance officer of globex cannot insert a notification, even for themselves (raises 42501)'
);
select throws_ok(
  $$delete from public.notifications$$,
  '42501', null,
  'a compliance officer of globex cannot delete notifications (raises 42501)'
);
select lives_ok(
  $$select public.mark_notification_read(tests.id('n:g_compliance:tip'))$$,
  'a compliance officer of globex marks their own notification read through the RPC'
);
select throws_ok(
  $$select public.mark_notification_read(tests.id('n:g_learner:tip'))$$,
  'P0002', null,
  'a compliance officer of globex gets P0002 marking another user''s notification through the RPC'
);
select tests.clear_authentication();

-- Acting as g_learner (a learner of globex) --------------------------------

select tests.authenticate_as('g_learner');
select results_eq(
  $$select count(*)::int, count(*) filter (where user_id = auth.uid())::int from public.notifications$$,
  $$values (2, 2)$$,
  'a learner of globex reads exactly their own two notifications'
);
select results_eq(
  $$update public.notifications set read = true, read_at = now() where id = tests.id('n:g_learner:system') returning
    1$$,
  $$values (1)$$,
  'a learner of globex marks their own notification read'
);
select is_empty(
  $$update public.notifications set read = true where id = tests.id('n:learner:system') returning 1$$,
  'a learner of globex cannot mark another user''s notification read: no row is touched'
);
select throws_ok(
  $$update public.notifications set title = 'changed'$$,
  '42501', null,
  'a learner of globex cannot change a notification''s title, only its read flag (raises 42501)'
);
select throws_ok(
  $$update public.notifications set user_id = auth.uid()$$,
  '42501', null,
  'a learner of globex cannot take over a notification (raises 42501)'
);
select throws_ok(
  $$insert into public.notifications (user_id, type, title, message) values (tests.get_user_id('g_learner'), 'system',
    't', 'm')$$,
  '42501', null,
  'a learner of globex cannot insert a notification, even for themselves (raises 42501)'
);
select throws_ok(
  $$delete from public.notifications$$,
  '42501', null,
  'a learner of globex cannot delete notifications (raises 42501)'
);
select lives_ok(
  $$select public.mark_notification_read(tests.id('n:g_learner:tip'))$$,
  'a learner of globex marks their own notification read through the RPC'
);
select throws_ok(
  $$select public.mark_notification_read(tests.id('n:learner:tip'))$$,
  'P0002', null,
  'a learner of globex gets P0002 marking another user''s notification through the RPC'
);
select tests.clear_authentication();

-- RPC input validation and effects -----------------------------------------------------

select tests.authenticate_as('viewer');
select throws_ok(
  $$select public.mark_notification_read(null)$$,
  '22023', null,
  'mark_notification_read(null) raises 22023'
);
select throws_ok(
  $$select public.mark_notification_read(gen_random_uuid())$$,
  'P0002', null,
  'mark_notification_read of an unknown id raises P0002'
);
select tests.clear_authentication();

select results_eq(
  $$select count(*)::int, count(*) filter (where read and read_at is not null)::int from public.notifications where
    user_id = any(tests.fixture_user_ids())$$,
  $$values (24, 24)$$,
  'every notification is read, with its time, and none was added or removed'
);
select results_eq(
  $$select count(*)::int from public.notifications where title = 'changed'$$,
  $$values (0)$$,
  'no title was changed'
);

select tests.authenticate_as_service_role();
select lives_ok(
  $$insert into public.notifications (user_id, type, title, message) values (tests.get_user_id('learner'),
    'new_content', 'New case', 'A new case')$$,
  'the service role inserts a notification'
);
select results_eq(
  $$delete from public.notifications where user_id = tests.get_user_id('learner') and type = 'new_content' returning
    1$$,
  $$values (1)$$,
  'the service role deletes (purges) a notification'
);
select tests.clear_authentication();

select * from finish();
rollback;
