/*
  005_schema_engagement: what a learner keeps and receives
  (migrations/005_engagement.sql).

  Proves, for ai_coaching_sessions, bookmarks, saved_searches, notifications
  and resources: every column with its type, nullability and default; keys
  with their ON DELETE rules; every index by name and definition; triggers;
  Row Level Security; and that each CHECK rejects a bad value while the
  boundary values pass. 005_engagement's documented choices are what is
  asserted: a bookmark is unique per (user, resource type, resource),
  notifications expire 30 days after creation unless told otherwise (NULL:
  never), and resources.tier_required takes the values courses.tier_required
  takes.
*/
begin;
create extension if not exists pgtap with schema extensions;
select plan(252);

-- Arrange (as the superuser) ----------------------------------------------------

insert into auth.users (id, email, raw_user_meta_data) values
('00000000-0000-0000-0000-0000000000a1', 'alice@example.org', '{"full_name": "Alice"}'),
('00000000-0000-0000-0000-0000000000a2', 'bob@example.org', '{"full_name": "Bob"}');

-- Structure, table by table: each column, key, index and trigger as the migrations define it

-- ai_coaching_sessions: structure ----------------------------------------------

select has_table('public', 'ai_coaching_sessions', 'public.ai_coaching_sessions exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.ai_coaching_sessions'::regclass$$,
  array[true],
  'ai_coaching_sessions has row level security enabled'
);
select columns_are(
  'public', 'ai_coaching_sessions',
  array['id', 'user_id', 'session_type', 'user_query', 'user_context', 'ai_response', 'ai_model', 'ai_prompt',
    'recommended_actions', 'recommended_courses', 'user_rating', 'was_helpful', 'user_feedback', 'created_at',
    'updated_at'],
  'ai_coaching_sessions has exactly its 15 columns'
);

select col_type_is('public', 'ai_coaching_sessions', 'id', 'uuid', 'ai_coaching_sessions.id is uuid');
select col_not_null('public', 'ai_coaching_sessions', 'id', 'ai_coaching_sessions.id is not null');
select col_default_is(
  'public', 'ai_coaching_sessions', 'id', 'gen_random_uuid()'::text,
  'ai_coaching_sessions.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'ai_coaching_sessions', 'user_id', 'uuid', 'ai_coaching_sessions.user_id is uuid');
select col_not_null('public', 'ai_coaching_sessions', 'user_id', 'ai_coaching_sessions.user_id is not null');
select col_type_is(
  'public', 'ai_coaching_sessions', 'session_type', 'text',
  'ai_coaching_sessions.session_type is text'
);
select col_not_null('public', 'ai_coaching_sessions', 'session_type', 'ai_coaching_sessions.session_type is not null');
select col_type_is('public', 'ai_coaching_sessions', 'user_query', 'text', 'ai_coaching_sessions.user_query is text');
select col_is_null('public', 'ai_coaching_sessions', 'user_query', 'ai_coaching_sessions.user_query may be null');
select col_type_is(
  'public', 'ai_coaching_sessions', 'user_context', 'jsonb',
  'ai_coaching_sessions.user_context is jsonb'
);
select col_is_null('public', 'ai_coaching_sessions', 'user_context', 'ai_coaching_sessions.user_context may be null');
select col_type_is('public', 'ai_coaching_sessions', 'ai_response', 'text', 'ai_coaching_sessions.ai_response is text');
select col_not_null('public', 'ai_coaching_sessions', 'ai_response', 'ai_coaching_sessions.ai_response is not null');
select col_type_is('public', 'ai_coaching_sessions', 'ai_model', 'text', 'ai_coaching_sessions.ai_model is text');
select col_is_null('public', 'ai_coaching_sessions', 'ai_model', 'ai_coaching_sessions.ai_model may be null');
select col_type_is('public', 'ai_coaching_sessions', 'ai_prompt', 'text', 'ai_coaching_sessions.ai_prompt is text');
select col_is_null('public', 'ai_coaching_sessions', 'ai_prompt', 'ai_coaching_sessions.ai_prompt may be null');
select col_type_is(
  'public', 'ai_coaching_sessions', 'recommended_actions', 'jsonb',
  'ai_coaching_sessions.recommended_actions is jsonb'
);
select col_is_null(
  'public', 'ai_coaching_sessions', 'recommended_actions',
  'ai_coaching_sessions.recommended_actions may be null'
);
select col_type_is(
  'public', 'ai_coaching_sessions', 'recommended_courses', 'uuid[]',
  'ai_coaching_sessions.recommended_courses is uuid[]'
);
select col_not_null(
  'public', 'ai_coaching_sessions', 'recommended_courses',
  'ai_coaching_sessions.recommended_courses is not null'
);
select col_default_is(
  'public', 'ai_coaching_sessions', 'recommended_courses', '{}'::uuid[],
  'ai_coaching_sessions.recommended_courses defaults to {}'
);
select col_type_is(
  'public', 'ai_coaching_sessions', 'user_rating', 'integer',
  'ai_coaching_sessions.user_rating is integer'
);
select col_is_null('public', 'ai_coaching_sessions', 'user_rating', 'ai_coaching_sessions.user_rating may be null');
select col_type_is(
  'public', 'ai_coaching_sessions', 'was_helpful', 'boolean',
  'ai_coaching_sessions.was_helpful is boolean'
);
select col_is_null('public', 'ai_coaching_sessions', 'was_helpful', 'ai_coaching_sessions.was_helpful may be null');
select col_type_is(
  'public', 'ai_coaching_sessions', 'user_feedback', 'text',
  'ai_coaching_sessions.user_feedback is text'
);
select col_is_null('public', 'ai_coaching_sessions', 'user_feedback', 'ai_coaching_sessions.user_feedback may be null');
select col_type_is(
  'public', 'ai_coaching_sessions', 'created_at', 'timestamp with time zone',
  'ai_coaching_sessions.created_at is timestamp with time zone'
);
select col_not_null('public', 'ai_coaching_sessions', 'created_at', 'ai_coaching_sessions.created_at is not null');
select col_has_default(
  'public', 'ai_coaching_sessions', 'created_at',
  'ai_coaching_sessions.created_at has a default (now())'
);
select col_type_is(
  'public', 'ai_coaching_sessions', 'updated_at', 'timestamp with time zone',
  'ai_coaching_sessions.updated_at is timestamp with time zone'
);
select col_not_null('public', 'ai_coaching_sessions', 'updated_at', 'ai_coaching_sessions.updated_at is not null');
select col_has_default(
  'public', 'ai_coaching_sessions', 'updated_at',
  'ai_coaching_sessions.updated_at has a default (now())'
);

select has_pk('public', 'ai_coaching_sessions', 'ai_coaching_sessions has a primary key');
select col_is_pk(
  'public', 'ai_coaching_sessions',
  array['id']::name[],
  'the primary key of ai_coaching_sessions is (id)'
);

select fk_ok(
  'public', 'ai_coaching_sessions',
  array['user_id']::name[],
  'public', 'profiles',
  array['id']::name[],
  'ai_coaching_sessions(user_id) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.ai_coaching_sessions'::regclass
    and conname = 'ai_coaching_sessions_user_id_fkey'$$,
  array['c'],
  'ai_coaching_sessions_user_id_fkey is on delete cascade'
);

select has_index('public', 'ai_coaching_sessions', 'idx_coaching_type', 'index idx_coaching_type exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_coaching_type'$$,
  array['CREATE INDEX idx_coaching_type ON public.ai_coaching_sessions USING btree (session_type)'],
  'idx_coaching_type has its definition'
);
select has_index('public', 'ai_coaching_sessions', 'idx_coaching_user', 'index idx_coaching_user exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_coaching_user'$$,
  array['CREATE INDEX idx_coaching_user ON public.ai_coaching_sessions USING btree (user_id, created_at DESC)'],
  'idx_coaching_user has its definition'
);

select has_trigger(
  'public', 'ai_coaching_sessions', 'set_updated_at',
  'ai_coaching_sessions has the trigger set_updated_at'
);
select trigger_is(
  'public', 'ai_coaching_sessions', 'set_updated_at', 'private', 'set_updated_at',
  'trigger ai_coaching_sessions.set_updated_at runs private.set_updated_at()'
);

-- bookmarks: structure ---------------------------------------------------------

select has_table('public', 'bookmarks', 'public.bookmarks exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.bookmarks'::regclass$$,
  array[true],
  'bookmarks has row level security enabled'
);
select columns_are(
  'public', 'bookmarks',
  array['id', 'user_id', 'resource_type', 'resource_id', 'notes', 'tags', 'folder', 'is_favorite', 'created_at',
    'updated_at'],
  'bookmarks has exactly its 10 columns'
);

select col_type_is('public', 'bookmarks', 'id', 'uuid', 'bookmarks.id is uuid');
select col_not_null('public', 'bookmarks', 'id', 'bookmarks.id is not null');
select col_default_is(
  'public', 'bookmarks', 'id', 'gen_random_uuid()'::text,
  'bookmarks.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'bookmarks', 'user_id', 'uuid', 'bookmarks.user_id is uuid');
select col_not_null('public', 'bookmarks', 'user_id', 'bookmarks.user_id is not null');
select col_type_is('public', 'bookmarks', 'resource_type', 'text', 'bookmarks.resource_type is text');
select col_not_null('public', 'bookmarks', 'resource_type', 'bookmarks.resource_type is not null');
select col_type_is('public', 'bookmarks', 'resource_id', 'uuid', 'bookmarks.resource_id is uuid');
select col_not_null('public', 'bookmarks', 'resource_id', 'bookmarks.resource_id is not null');
select col_type_is('public', 'bookmarks', 'notes', 'text', 'bookmarks.notes is text');
select col_is_null('public', 'bookmarks', 'notes', 'bookmarks.notes may be null');
select col_type_is('public', 'bookmarks', 'tags', 'text[]', 'bookmarks.tags is text[]');
select col_not_null('public', 'bookmarks', 'tags', 'bookmarks.tags is not null');
select col_default_is('public', 'bookmarks', 'tags', '{}'::text[], 'bookmarks.tags defaults to {}');
select col_type_is('public', 'bookmarks', 'folder', 'text', 'bookmarks.folder is text');
select col_not_null('public', 'bookmarks', 'folder', 'bookmarks.folder is not null');
select col_default_is('public', 'bookmarks', 'folder', 'default'::text, 'bookmarks.folder defaults to ''default''');
select col_type_is('public', 'bookmarks', 'is_favorite', 'boolean', 'bookmarks.is_favorite is boolean');
select col_not_null('public', 'bookmarks', 'is_favorite', 'bookmarks.is_favorite is not null');
select col_default_is('public', 'bookmarks', 'is_favorite', false::boolean, 'bookmarks.is_favorite defaults to false');
select col_type_is(
  'public', 'bookmarks', 'created_at', 'timestamp with time zone',
  'bookmarks.created_at is timestamp with time zone'
);
select col_not_null('public', 'bookmarks', 'created_at', 'bookmarks.created_at is not null');
select col_has_default('public', 'bookmarks', 'created_at', 'bookmarks.created_at has a default (now())');
select col_type_is(
  'public', 'bookmarks', 'updated_at', 'timestamp with time zone',
  'bookmarks.updated_at is timestamp with time zone'
);
select col_not_null('public', 'bookmarks', 'updated_at', 'bookmarks.updated_at is not null');
select col_has_default('public', 'bookmarks', 'updated_at', 'bookmarks.updated_at has a default (now())');

select has_pk('public', 'bookmarks', 'bookmarks has a primary key');
select col_is_pk('public', 'bookmarks', array['id']::name[], 'the primary key of bookmarks is (id)');
select col_is_unique(
  'public', 'bookmarks',
  array['user_id', 'resource_type', 'resource_id']::name[],
  '(user_id, resource_type, resource_id) is unique in bookmarks (bookmarks_user_id_resource_type_resource_id_key)'
);

select fk_ok(
  'public', 'bookmarks',
  array['user_id']::name[],
  'public', 'profiles',
  array['id']::name[],
  'bookmarks(user_id) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.bookmarks'::regclass and conname
    = 'bookmarks_user_id_fkey'$$,
  array['c'],
  'bookmarks_user_id_fkey is on delete cascade'
);

select has_index(
  'public', 'bookmarks', 'bookmarks_user_id_resource_type_resource_id_key',
  'index bookmarks_user_id_resource_type_resource_id_key exists'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'bookmarks_user_id_resource_type_resource_id_key'$$,
  array['CREATE UNIQUE INDEX bookmarks_user_id_resource_type_resource_id_key ON public.bookmarks USING btree (user_id, '
    'resource_type, resource_id)'],
  'bookmarks_user_id_resource_type_resource_id_key has its definition'
);
select has_index('public', 'bookmarks', 'idx_bookmarks_resource', 'index idx_bookmarks_resource exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_bookmarks_resource'$$,
  array['CREATE INDEX idx_bookmarks_resource ON public.bookmarks USING btree (resource_type, resource_id)'],
  'idx_bookmarks_resource has its definition'
);
select has_index('public', 'bookmarks', 'idx_bookmarks_user', 'index idx_bookmarks_user exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_bookmarks_user'$$,
  array['CREATE INDEX idx_bookmarks_user ON public.bookmarks USING btree (user_id, created_at DESC)'],
  'idx_bookmarks_user has its definition'
);

select has_trigger('public', 'bookmarks', 'set_updated_at', 'bookmarks has the trigger set_updated_at');
select trigger_is(
  'public', 'bookmarks', 'set_updated_at', 'private', 'set_updated_at',
  'trigger bookmarks.set_updated_at runs private.set_updated_at()'
);

-- saved_searches: structure ----------------------------------------------------

select has_table('public', 'saved_searches', 'public.saved_searches exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.saved_searches'::regclass$$,
  array[true],
  'saved_searches has row level security enabled'
);
select columns_are(
  'public', 'saved_searches',
  array['id', 'user_id', 'name', 'description', 'filters', 'use_count', 'last_used', 'notify_on_new_results',
    'created_at', 'updated_at'],
  'saved_searches has exactly its 10 columns'
);

select col_type_is('public', 'saved_searches', 'id', 'uuid', 'saved_searches.id is uuid');
select col_not_null('public', 'saved_searches', 'id', 'saved_searches.id is not null');
select col_default_is(
  'public', 'saved_searches', 'id', 'gen_random_uuid()'::text,
  'saved_searches.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'saved_searches', 'user_id', 'uuid', 'saved_searches.user_id is uuid');
select col_not_null('public', 'saved_searches', 'user_id', 'saved_searches.user_id is not null');
select col_type_is('public', 'saved_searches', 'name', 'text', 'saved_searches.name is text');
select col_not_null('public', 'saved_searches', 'name', 'saved_searches.name is not null');
select col_type_is('public', 'saved_searches', 'description', 'text', 'saved_searches.description is text');
select col_is_null('public', 'saved_searches', 'description', 'saved_searches.description may be null');
select col_type_is('public', 'saved_searches', 'filters', 'jsonb', 'saved_searches.filters is jsonb');
select col_not_null('public', 'saved_searches', 'filters', 'saved_searches.filters is not null');
select col_type_is('public', 'saved_searches', 'use_count', 'integer', 'saved_searches.use_count is integer');
select col_not_null('public', 'saved_searches', 'use_count', 'saved_searches.use_count is not null');
select col_default_is('public', 'saved_searches', 'use_count', 0::integer, 'saved_searches.use_count defaults to 0');
select col_type_is(
  'public', 'saved_searches', 'last_used', 'timestamp with time zone',
  'saved_searches.last_used is timestamp with time zone'
);
select col_is_null('public', 'saved_searches', 'last_used', 'saved_searches.last_used may be null');
select col_type_is(
  'public', 'saved_searches', 'notify_on_new_results', 'boolean',
  'saved_searches.notify_on_new_results is boolean'
);
select col_not_null(
  'public', 'saved_searches', 'notify_on_new_results',
  'saved_searches.notify_on_new_results is not null'
);
select col_default_is(
  'public', 'saved_searches', 'notify_on_new_results', false::boolean,
  'saved_searches.notify_on_new_results defaults to false'
);
select col_type_is(
  'public', 'saved_searches', 'created_at', 'timestamp with time zone',
  'saved_searches.created_at is timestamp with time zone'
);
select col_not_null('public', 'saved_searches', 'created_at', 'saved_searches.created_at is not null');
select col_has_default('public', 'saved_searches', 'created_at', 'saved_searches.created_at has a default (now())');
select col_type_is(
  'public', 'saved_searches', 'updated_at', 'timestamp with time zone',
  'saved_searches.updated_at is timestamp with time zone'
);
select col_not_null('public', 'saved_searches', 'updated_at', 'saved_searches.updated_at is not null');
select col_has_default('public', 'saved_searches', 'updated_at', 'saved_searches.updated_at has a default (now())');

select has_pk('public', 'saved_searches', 'saved_searches has a primary key');
select col_is_pk('public', 'saved_searches', array['id']::name[], 'the primary key of saved_searches is (id)');

select fk_ok(
  'public', 'saved_searches',
  array['user_id']::name[],
  'public', 'profiles',
  array['id']::name[],
  'saved_searches(user_id) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.saved_searches'::regclass
    and conname = 'saved_searches_user_id_fkey'$$,
  array['c'],
  'saved_searches_user_id_fkey is on delete cascade'
);

select has_index('public', 'saved_searches', 'idx_saved_searches_user', 'index idx_saved_searches_user exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_saved_searches_user'$$,
  array['CREATE INDEX idx_saved_searches_user ON public.saved_searches USING btree (user_id, last_used DESC NULLS '
    'LAST)'],
  'idx_saved_searches_user has its definition'
);

select has_trigger('public', 'saved_searches', 'set_updated_at', 'saved_searches has the trigger set_updated_at');
select trigger_is(
  'public', 'saved_searches', 'set_updated_at', 'private', 'set_updated_at',
  'trigger saved_searches.set_updated_at runs private.set_updated_at()'
);

-- notifications: structure -----------------------------------------------------

select has_table('public', 'notifications', 'public.notifications exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.notifications'::regclass$$,
  array[true],
  'notifications has row level security enabled'
);
select columns_are(
  'public', 'notifications',
  array['id', 'user_id', 'type', 'title', 'message', 'link_url', 'link_text', 'read', 'read_at', 'priority',
    'created_at', 'expires_at'],
  'notifications has exactly its 12 columns'
);

select col_type_is('public', 'notifications', 'id', 'uuid', 'notifications.id is uuid');
select col_not_null('public', 'notifications', 'id', 'notifications.id is not null');
select col_default_is(
  'public', 'notifications', 'id', 'gen_random_uuid()'::text,
  'notifications.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'notifications', 'user_id', 'uuid', 'notifications.user_id is uuid');
select col_not_null('public', 'notifications', 'user_id', 'notifications.user_id is not null');
select col_type_is('public', 'notifications', 'type', 'text', 'notifications.type is text');
select col_not_null('public', 'notifications', 'type', 'notifications.type is not null');
select col_type_is('public', 'notifications', 'title', 'text', 'notifications.title is text');
select col_not_null('public', 'notifications', 'title', 'notifications.title is not null');
select col_type_is('public', 'notifications', 'message', 'text', 'notifications.message is text');
select col_not_null('public', 'notifications', 'message', 'notifications.message is not null');
select col_type_is('public', 'notifications', 'link_url', 'text', 'notifications.link_url is text');
select col_is_null('public', 'notifications', 'link_url', 'notifications.link_url may be null');
select col_type_is('public', 'notifications', 'link_text', 'text', 'notifications.link_text is text');
select col_is_null('public', 'notifications', 'link_text', 'notifications.link_text may be null');
select col_type_is('public', 'notifications', 'read', 'boolean', 'notifications.read is boolean');
select col_not_null('public', 'notifications', 'read', 'notifications.read is not null');
select col_default_is('public', 'notifications', 'read', false::boolean, 'notifications.read defaults to false');
select col_type_is(
  'public', 'notifications', 'read_at', 'timestamp with time zone',
  'notifications.read_at is timestamp with time zone'
);
select col_is_null('public', 'notifications', 'read_at', 'notifications.read_at may be null');
select col_type_is('public', 'notifications', 'priority', 'text', 'notifications.priority is text');
select col_not_null('public', 'notifications', 'priority', 'notifications.priority is not null');
select col_default_is(
  'public', 'notifications', 'priority', 'normal'::text,
  'notifications.priority defaults to ''normal'''
);
select col_type_is(
  'public', 'notifications', 'created_at', 'timestamp with time zone',
  'notifications.created_at is timestamp with time zone'
);
select col_not_null('public', 'notifications', 'created_at', 'notifications.created_at is not null');
select col_has_default('public', 'notifications', 'created_at', 'notifications.created_at has a default (now())');
select col_type_is(
  'public', 'notifications', 'expires_at', 'timestamp with time zone',
  'notifications.expires_at is timestamp with time zone'
);
select col_is_null('public', 'notifications', 'expires_at', 'notifications.expires_at may be null');
select col_default_is(
  'public', 'notifications', 'expires_at', '(now() + ''30 days''::interval)'::text,
  'notifications.expires_at defaults to (now() + ''30 days''::interval)'
);

select has_pk('public', 'notifications', 'notifications has a primary key');
select col_is_pk('public', 'notifications', array['id']::name[], 'the primary key of notifications is (id)');

select fk_ok(
  'public', 'notifications',
  array['user_id']::name[],
  'public', 'profiles',
  array['id']::name[],
  'notifications(user_id) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.notifications'::regclass and conname
    = 'notifications_user_id_fkey'$$,
  array['c'],
  'notifications_user_id_fkey is on delete cascade'
);

select has_index('public', 'notifications', 'idx_notifications_expires', 'index idx_notifications_expires exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_notifications_expires'$$,
  array['CREATE INDEX idx_notifications_expires ON public.notifications USING btree (expires_at) WHERE (read = false)'],
  'idx_notifications_expires has its definition'
);
select has_index('public', 'notifications', 'idx_notifications_user', 'index idx_notifications_user exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_notifications_user'$$,
  array['CREATE INDEX idx_notifications_user ON public.notifications USING btree (user_id, read, created_at DESC)'],
  'idx_notifications_user has its definition'
);


-- resources: structure ---------------------------------------------------------

select has_table('public', 'resources', 'public.resources exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.resources'::regclass$$,
  array[true],
  'resources has row level security enabled'
);
select columns_are(
  'public', 'resources',
  array['id', 'title_en', 'title_fr', 'description_en', 'description_fr', 'category', 'tags', 'file_url', 'file_type',
    'file_size_bytes', 'is_published', 'tier_required', 'download_count', 'created_by', 'created_at', 'updated_at'],
  'resources has exactly its 16 columns'
);

select col_type_is('public', 'resources', 'id', 'uuid', 'resources.id is uuid');
select col_not_null('public', 'resources', 'id', 'resources.id is not null');
select col_default_is(
  'public', 'resources', 'id', 'gen_random_uuid()'::text,
  'resources.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'resources', 'title_en', 'text', 'resources.title_en is text');
select col_not_null('public', 'resources', 'title_en', 'resources.title_en is not null');
select col_type_is('public', 'resources', 'title_fr', 'text', 'resources.title_fr is text');
select col_is_null('public', 'resources', 'title_fr', 'resources.title_fr may be null');
select col_type_is('public', 'resources', 'description_en', 'text', 'resources.description_en is text');
select col_is_null('public', 'resources', 'description_en', 'resources.description_en may be null');
select col_type_is('public', 'resources', 'description_fr', 'text', 'resources.description_fr is text');
select col_is_null('public', 'resources', 'description_fr', 'resources.description_fr may be null');
select col_type_is('public', 'resources', 'category', 'text', 'resources.category is text');
select col_not_null('public', 'resources', 'category', 'resources.category is not null');
select col_type_is('public', 'resources', 'tags', 'text[]', 'resources.tags is text[]');
select col_not_null('public', 'resources', 'tags', 'resources.tags is not null');
select col_default_is('public', 'resources', 'tags', '{}'::text[], 'resources.tags defaults to {}');
select col_type_is('public', 'resources', 'file_url', 'text', 'resources.file_url is text');
select col_not_null('public', 'resources', 'file_url', 'resources.file_url is not null');
select col_type_is('public', 'resources', 'file_type', 'text', 'resources.file_type is text');
select col_is_null('public', 'resources', 'file_type', 'resources.file_type may be null');
select col_type_is('public', 'resources', 'file_size_bytes', 'integer', 'resources.file_size_bytes is integer');
select col_is_null('public', 'resources', 'file_size_bytes', 'resources.file_size_bytes may be null');
select col_type_is('public', 'resources', 'is_published', 'boolean', 'resources.is_published is boolean');
select col_not_null('public', 'resources', 'is_published', 'resources.is_published is not null');
select col_default_is(
  'public', 'resources', 'is_published', false::boolean,
  'resources.is_published defaults to false'
);
select col_type_is('public', 'resources', 'tier_required', 'text', 'resources.tier_required is text');
select col_not_null('public', 'resources', 'tier_required', 'resources.tier_required is not null');
select col_default_is(
  'public', 'resources', 'tier_required', 'free'::text,
  'resources.tier_required defaults to ''free'''
);
select col_type_is('public', 'resources', 'download_count', 'integer', 'resources.download_count is integer');
select col_not_null('public', 'resources', 'download_count', 'resources.download_count is not null');
select col_default_is('public', 'resources', 'download_count', 0::integer, 'resources.download_count defaults to 0');
select col_type_is('public', 'resources', 'created_by', 'uuid', 'resources.created_by is uuid');
select col_is_null('public', 'resources', 'created_by', 'resources.created_by may be null');
select col_type_is(
  'public', 'resources', 'created_at', 'timestamp with time zone',
  'resources.created_at is timestamp with time zone'
);
select col_not_null('public', 'resources', 'created_at', 'resources.created_at is not null');
select col_has_default('public', 'resources', 'created_at', 'resources.created_at has a default (now())');
select col_type_is(
  'public', 'resources', 'updated_at', 'timestamp with time zone',
  'resources.updated_at is timestamp with time zone'
);
select col_not_null('public', 'resources', 'updated_at', 'resources.updated_at is not null');
select col_has_default('public', 'resources', 'updated_at', 'resources.updated_at has a default (now())');

select has_pk('public', 'resources', 'resources has a primary key');
select col_is_pk('public', 'resources', array['id']::name[], 'the primary key of resources is (id)');

select fk_ok(
  'public', 'resources',
  array['created_by']::name[],
  'public', 'profiles',
  array['id']::name[],
  'resources(created_by) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.resources'::regclass and conname
    = 'resources_created_by_fkey'$$,
  array['n'],
  'resources_created_by_fkey is on delete set null'
);

select has_index('public', 'resources', 'idx_resources_category', 'index idx_resources_category exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_resources_category'$$,
  array['CREATE INDEX idx_resources_category ON public.resources USING btree (category) WHERE (is_published = true)'],
  'idx_resources_category has its definition'
);
select has_index('public', 'resources', 'idx_resources_created_by', 'index idx_resources_created_by exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_resources_created_by'$$,
  array['CREATE INDEX idx_resources_created_by ON public.resources USING btree (created_by)'],
  'idx_resources_created_by has its definition'
);
select has_index('public', 'resources', 'idx_resources_tags', 'index idx_resources_tags exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_resources_tags'$$,
  array['CREATE INDEX idx_resources_tags ON public.resources USING gin (tags)'],
  'idx_resources_tags has its definition'
);

select has_trigger('public', 'resources', 'set_updated_at', 'resources has the trigger set_updated_at');
select trigger_is(
  'public', 'resources', 'set_updated_at', 'private', 'set_updated_at',
  'trigger resources.set_updated_at runs private.set_updated_at()'
);

-- ai_coaching_sessions: checks and keys -------------------------------------------

select throws_ok(
    $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response)
      values ('00000000-0000-0000-0000-0000000000a1', 'therapy', 'Hello')$$,
    '23514', 'new row for relation "ai_coaching_sessions" violates check constraint '
      '"ai_coaching_sessions_session_type_check"',
    'an unknown session type is rejected'
);
select lives_ok(
    $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response)
      select '00000000-0000-0000-0000-0000000000a1', t, 'Hello'
      from unnest(array['comprehensive', 'at_risk', 'learning_path', 'motivation', 'custom']) as t$$,
    'each of the five session types is accepted'
);
select throws_ok(
    $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response, user_rating)
      values ('00000000-0000-0000-0000-0000000000a1', 'custom', 'Hello', 0)$$,
    '23514', 'new row for relation "ai_coaching_sessions" violates check constraint '
      '"ai_coaching_sessions_user_rating_check"',
    'a rating of 0 is rejected'
);
select throws_ok(
    $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response, user_rating)
      values ('00000000-0000-0000-0000-0000000000a1', 'custom', 'Hello', 6)$$,
    '23514', 'new row for relation "ai_coaching_sessions" violates check constraint '
      '"ai_coaching_sessions_user_rating_check"',
    'a rating of 6 is rejected'
);
select lives_ok(
    $$insert into public.ai_coaching_sessions (user_id, session_type, ai_response, user_rating) values
      ('00000000-0000-0000-0000-0000000000a1', 'custom', 'Hello', 1),
      ('00000000-0000-0000-0000-0000000000a1', 'custom', 'Hello', 5),
      ('00000000-0000-0000-0000-0000000000a1', 'custom', 'Hello', null)$$,
    'ratings of 1 and 5, or no rating, are accepted'
);
select throws_ok(
    $$insert into public.ai_coaching_sessions (user_id, session_type,
      ai_response) values ('00000000-0000-0000-0000-0000000000a1', 'custom', null)$$,
    '23502', null,
    'a coaching session needs the AI response'
);
select throws_ok(
    $$insert into public.ai_coaching_sessions (user_id, session_type,
      ai_response) values ('00000000-0000-0000-0000-0000000000ff', 'custom', 'Hello')$$,
    '23503', 'insert or update on table "ai_coaching_sessions" violates foreign key constraint '
      '"ai_coaching_sessions_user_id_fkey"',
    'a coaching session must belong to an existing profile'
);

-- bookmarks: checks and keys ------------------------------------------------------

select throws_ok(
    $$insert into public.bookmarks (user_id, resource_type, resource_id)
      values ('00000000-0000-0000-0000-0000000000a1', 'video', '00000000-0000-0000-0000-000000000401')$$,
    '23514', 'new row for relation "bookmarks" violates check constraint "bookmarks_resource_type_check"',
    'an unknown bookmarked resource type is rejected'
);
select lives_ok(
    $$insert into public.bookmarks (user_id, resource_type, resource_id)
      select '00000000-0000-0000-0000-0000000000a1', t, '00000000-0000-0000-0000-000000000401'
      from unnest(array['tribunal_case', 'course', 'lesson', 'resource', 'article']) as t$$,
    'each of the five resource types may be bookmarked, even with the same id'
);
select throws_ok(
    $$insert into public.bookmarks (user_id, resource_type, resource_id)
      values ('00000000-0000-0000-0000-0000000000a1', 'course', '00000000-0000-0000-0000-000000000401')$$,
    '23505', 'duplicate key value violates unique constraint "bookmarks_user_id_resource_type_resource_id_key"',
    'a learner cannot bookmark the same item twice'
);
select lives_ok(
    $$insert into public.bookmarks (user_id, resource_type, resource_id)
      values ('00000000-0000-0000-0000-0000000000a2', 'course', '00000000-0000-0000-0000-000000000401')$$,
    'another learner may bookmark the same item'
);
select throws_ok(
    $$insert into public.bookmarks (user_id, resource_type, resource_id)
      values ('00000000-0000-0000-0000-0000000000ff', 'course', '00000000-0000-0000-0000-000000000401')$$,
    '23503', 'insert or update on table "bookmarks" violates foreign key constraint "bookmarks_user_id_fkey"',
    'a bookmark must belong to an existing profile'
);
select is(
    (select folder from public.bookmarks
     where user_id = '00000000-0000-0000-0000-0000000000a2'),
    'default',
    'a new bookmark goes to the default folder'
);

-- saved_searches: checks and keys -------------------------------------------------

select lives_ok(
    $$insert into public.saved_searches (user_id, name, filters, use_count)
      values ('00000000-0000-0000-0000-0000000000a1', 'Anti-Black, Ontario', '{"tribunal": "HRTO"}', 0)$$,
    'a saved search used zero times is accepted'
);
select throws_ok(
    $$insert into public.saved_searches (user_id, name, filters,
      use_count) values ('00000000-0000-0000-0000-0000000000a1', 'X', '{}', -1)$$,
    '23514', 'new row for relation "saved_searches" violates check constraint "saved_searches_use_count_check"',
    'a negative use count is rejected'
);
select throws_ok(
    $$insert into public.saved_searches (user_id, name, filters) values ('00000000-0000-0000-0000-0000000000a1', 'X',
      null)$$,
    '23502', null,
    'a saved search needs its filters'
);
select throws_ok(
    $$insert into public.saved_searches (user_id, name, filters) values ('00000000-0000-0000-0000-0000000000ff', 'X',
      '{}')$$,
    '23503', 'insert or update on table "saved_searches" violates foreign key constraint "saved_searches_user_id_fkey"',
    'a saved search must belong to an existing profile'
);

-- notifications: checks and keys --------------------------------------------------

select throws_ok(
    $$insert into public.notifications (user_id, type, title, message) values ('00000000-0000-0000-0000-0000000000a1',
      'spam', 'X', 'X')$$,
    '23514', 'new row for relation "notifications" violates check constraint "notifications_type_check"',
    'an unknown notification type is rejected'
);
select lives_ok(
    $$insert into public.notifications (user_id, type, title, message)
      select '00000000-0000-0000-0000-0000000000a1', t, 'X', 'X'
      from unnest(array['course_assigned', 'course_completed', 'certificate_earned', 'badge_unlocked',
        'streak_milestone',
                        'new_content', 'system', 'coaching_tip', 'deadline_reminder']) as t$$,
    'each of the nine notification types is accepted'
);
select throws_ok(
    $$insert into public.notifications (user_id, type, title, message,
      priority) values ('00000000-0000-0000-0000-0000000000a1', 'system', 'X', 'X', 'critical')$$,
    '23514', 'new row for relation "notifications" violates check constraint "notifications_priority_check"',
    'an unknown priority is rejected'
);
select lives_ok(
    $$insert into public.notifications (user_id, type, title, message, priority)
      select '00000000-0000-0000-0000-0000000000a2', 'system', 'X', 'X', p from unnest(array['low', 'normal', 'high',
        'urgent']) as p$$,
    'the low, normal, high and urgent priorities are accepted'
);
select lives_ok(
    $$insert into public.notifications (user_id, type, title, message,
      expires_at) values ('00000000-0000-0000-0000-0000000000a2', 'system', 'Forever', 'X', null)$$,
    'a notification may never expire'
);
select is(
    (select expires_at - created_at from public.notifications
     where user_id = '00000000-0000-0000-0000-0000000000a2' and priority = 'low'),
    interval '30 days',
    'a new notification expires 30 days after it was created'
);
select throws_ok(
    $$insert into public.notifications (user_id, type, title, message) values ('00000000-0000-0000-0000-0000000000ff',
      'system', 'X', 'X')$$,
    '23503', 'insert or update on table "notifications" violates foreign key constraint "notifications_user_id_fkey"',
    'a notification must belong to an existing profile'
);

-- resources: checks and keys ------------------------------------------------------

select throws_ok(
    $$insert into public.resources (title_en, category, file_url) values ('X', 'Video', 'https://x')$$,
    '23514', 'new row for relation "resources" violates check constraint "resources_category_check"',
    'an unknown resource category is rejected'
);
select lives_ok(
    $$insert into public.resources (title_en, category, file_url)
      select c, c, 'https://x' from unnest(array['Template', 'Guide', 'Toolkit', 'Policy', 'Checklist', 'Report',
        'Research', 'Other']) as c$$,
    'each of the eight resource categories is accepted'
);
select throws_ok(
    $$insert into public.resources (title_en, category, file_url, tier_required) values ('X', 'Guide', 'https://x',
      'custom')$$,
    '23514', 'new row for relation "resources" violates check constraint "resources_tier_required_check"',
    'a resource cannot require the custom tier (only free, professional, enterprise)'
);
select lives_ok(
    $$insert into public.resources (title_en, category, file_url, tier_required)
      select t, 'Guide', 'https://x', t from unnest(array['free', 'professional', 'enterprise']) as t$$,
    'a resource may require the free, professional or enterprise tier'
);
select throws_ok(
    $$insert into public.resources (title_en, category, file_url, file_size_bytes) values ('X', 'Guide', 'https://x',
      -1)$$,
    '23514', 'new row for relation "resources" violates check constraint "resources_file_size_bytes_check"',
    'a negative file size is rejected'
);
select throws_ok(
    $$insert into public.resources (title_en, category, file_url, download_count) values ('X', 'Guide', 'https://x',
      -1)$$,
    '23514', 'new row for relation "resources" violates check constraint "resources_download_count_check"',
    'a negative download count is rejected'
);
select lives_ok(
    $$insert into public.resources (title_en, category, file_url, file_size_bytes, download_count) values ('Empty',
      'Guide', 'https://x', 0, 0)$$,
    'an empty file never downloaded is accepted'
);
select throws_ok(
    $$insert into public.resources (title_en, category, file_url) values ('X', 'Guide', null)$$,
    '23502', null,
    'a resource needs a file URL'
);
select throws_ok(
    $$insert into public.resources (title_en, category, file_url, created_by) values ('X', 'Guide', 'https://x',
      '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "resources" violates foreign key constraint "resources_created_by_fkey"',
    'a resource author must be an existing profile'
);

select * from finish();
rollback;
