/*
  007_schema_system: the audit trail, onboarding progress and feature flags
  (migrations/007_system.sql).

  Proves, for audit_logs, onboarding and feature_flags: every column with its
  type, nullability and default; keys with their ON DELETE rules; every
  index by name and definition; triggers; Row Level Security; and that each
  CHECK rejects a bad value while the boundary values pass. 007_system's
  documented choices are what is asserted: audit rows outlive their subjects
  (user_id and organization_id on delete set null), are kept seven years by
  default, onboarding's unique key on user_id carries the spec's index name
  idx_onboarding_user, and rollouts are percentages.
*/
begin;
create extension if not exists pgtap with schema extensions;
select plan(170);

-- Arrange (as the superuser) ----------------------------------------------------

insert into public.organizations (id, name, slug, admin_email)
values ('00000000-0000-0000-0000-0000000000b1', 'Acme', 'acme', 'admin@acme.example.org');

insert into auth.users (id, email, raw_user_meta_data) values
('00000000-0000-0000-0000-0000000000a1', 'alice@example.org', '{"full_name": "Alice"}');

-- Structure, table by table: each column, key, index and trigger as the migrations define it

-- audit_logs: structure --------------------------------------------------------

select has_table('public', 'audit_logs', 'public.audit_logs exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.audit_logs'::regclass$$,
  array[true],
  'audit_logs has row level security enabled'
);
select columns_are(
  'public', 'audit_logs',
  array['id', 'user_id', 'user_email', 'user_role', 'action', 'resource_type', 'resource_id', 'timestamp', 'ip_address',
    'user_agent', 'changes', 'organization_id', 'severity', 'compliance_relevant', 'retention_until', 'erased_at'],
  'audit_logs has exactly its 16 columns'
);

select col_type_is('public', 'audit_logs', 'id', 'uuid', 'audit_logs.id is uuid');
select col_not_null('public', 'audit_logs', 'id', 'audit_logs.id is not null');
select col_default_is(
  'public', 'audit_logs', 'id', 'gen_random_uuid()'::text,
  'audit_logs.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'audit_logs', 'user_id', 'uuid', 'audit_logs.user_id is uuid');
select col_is_null('public', 'audit_logs', 'user_id', 'audit_logs.user_id may be null');
select col_type_is('public', 'audit_logs', 'user_email', 'text', 'audit_logs.user_email is text');
select col_is_null('public', 'audit_logs', 'user_email', 'audit_logs.user_email may be null');
select col_type_is('public', 'audit_logs', 'user_role', 'text', 'audit_logs.user_role is text');
select col_is_null('public', 'audit_logs', 'user_role', 'audit_logs.user_role may be null');
select col_type_is('public', 'audit_logs', 'action', 'text', 'audit_logs.action is text');
select col_not_null('public', 'audit_logs', 'action', 'audit_logs.action is not null');
select col_type_is('public', 'audit_logs', 'resource_type', 'text', 'audit_logs.resource_type is text');
select col_not_null('public', 'audit_logs', 'resource_type', 'audit_logs.resource_type is not null');
select col_type_is('public', 'audit_logs', 'resource_id', 'uuid', 'audit_logs.resource_id is uuid');
select col_is_null('public', 'audit_logs', 'resource_id', 'audit_logs.resource_id may be null');
select col_type_is(
  'public', 'audit_logs', 'timestamp', 'timestamp with time zone',
  'audit_logs.timestamp is timestamp with time zone'
);
select col_not_null('public', 'audit_logs', 'timestamp', 'audit_logs.timestamp is not null');
select col_has_default('public', 'audit_logs', 'timestamp', 'audit_logs.timestamp has a default (now())');
select col_type_is('public', 'audit_logs', 'ip_address', 'inet', 'audit_logs.ip_address is inet');
select col_is_null('public', 'audit_logs', 'ip_address', 'audit_logs.ip_address may be null');
select col_type_is('public', 'audit_logs', 'user_agent', 'text', 'audit_logs.user_agent is text');
select col_is_null('public', 'audit_logs', 'user_agent', 'audit_logs.user_agent may be null');
select col_type_is('public', 'audit_logs', 'changes', 'jsonb', 'audit_logs.changes is jsonb');
select col_is_null('public', 'audit_logs', 'changes', 'audit_logs.changes may be null');
select col_type_is('public', 'audit_logs', 'organization_id', 'uuid', 'audit_logs.organization_id is uuid');
select col_is_null('public', 'audit_logs', 'organization_id', 'audit_logs.organization_id may be null');
select col_type_is('public', 'audit_logs', 'severity', 'text', 'audit_logs.severity is text');
select col_is_null('public', 'audit_logs', 'severity', 'audit_logs.severity may be null');
select col_type_is(
  'public', 'audit_logs', 'compliance_relevant', 'boolean',
  'audit_logs.compliance_relevant is boolean'
);
select col_not_null('public', 'audit_logs', 'compliance_relevant', 'audit_logs.compliance_relevant is not null');
select col_default_is(
  'public', 'audit_logs', 'compliance_relevant', false::boolean,
  'audit_logs.compliance_relevant defaults to false'
);
select col_type_is(
  'public', 'audit_logs', 'retention_until', 'timestamp with time zone',
  'audit_logs.retention_until is timestamp with time zone'
);
select col_not_null('public', 'audit_logs', 'retention_until', 'audit_logs.retention_until is not null');
select col_default_is(
  'public', 'audit_logs', 'retention_until', '(now() + ''7 years''::interval)'::text,
  'audit_logs.retention_until defaults to (now() + ''7 years''::interval)'
);

select has_pk('public', 'audit_logs', 'audit_logs has a primary key');
select col_is_pk('public', 'audit_logs', array['id']::name[], 'the primary key of audit_logs is (id)');

select fk_ok(
  'public', 'audit_logs',
  array['organization_id']::name[],
  'public', 'organizations',
  array['id']::name[],
  'audit_logs(organization_id) references public.organizations(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.audit_logs'::regclass and conname
    = 'audit_logs_organization_id_fkey'$$,
  array['n'],
  'audit_logs_organization_id_fkey is on delete set null'
);
select fk_ok(
  'public', 'audit_logs',
  array['user_id']::name[],
  'public', 'profiles',
  array['id']::name[],
  'audit_logs(user_id) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.audit_logs'::regclass and conname
    = 'audit_logs_user_id_fkey'$$,
  array['n'],
  'audit_logs_user_id_fkey is on delete set null'
);

select has_index('public', 'audit_logs', 'idx_audit_org_time', 'index idx_audit_org_time exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_audit_org_time'$$,
  array['CREATE INDEX idx_audit_org_time ON public.audit_logs USING btree (organization_id, "timestamp" DESC)'],
  'idx_audit_org_time has its definition'
);
select has_index('public', 'audit_logs', 'idx_audit_resource', 'index idx_audit_resource exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_audit_resource'$$,
  array['CREATE INDEX idx_audit_resource ON public.audit_logs USING btree (resource_type, resource_id)'],
  'idx_audit_resource has its definition'
);
select has_index('public', 'audit_logs', 'idx_audit_retention', 'index idx_audit_retention exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_audit_retention'$$,
  array['CREATE INDEX idx_audit_retention ON public.audit_logs USING btree (retention_until)'],
  'idx_audit_retention has its definition'
);
select has_index('public', 'audit_logs', 'idx_audit_user', 'index idx_audit_user exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_audit_user'$$,
  array['CREATE INDEX idx_audit_user ON public.audit_logs USING btree (user_id)'],
  'idx_audit_user has its definition'
);


-- onboarding: structure --------------------------------------------------------

select has_table('public', 'onboarding', 'public.onboarding exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.onboarding'::regclass$$,
  array[true],
  'onboarding has row level security enabled'
);
select columns_are(
  'public', 'onboarding',
  array['id', 'user_id', 'tour_completed', 'tour_step_completed', 'tour_dismissed', 'checklist_items',
    'role_specific_completed', 'first_course_started', 'first_course_completed', 'first_search_performed',
    'profile_completed', 'created_at', 'updated_at'],
  'onboarding has exactly its 13 columns'
);

select col_type_is('public', 'onboarding', 'id', 'uuid', 'onboarding.id is uuid');
select col_not_null('public', 'onboarding', 'id', 'onboarding.id is not null');
select col_default_is(
  'public', 'onboarding', 'id', 'gen_random_uuid()'::text,
  'onboarding.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'onboarding', 'user_id', 'uuid', 'onboarding.user_id is uuid');
select col_not_null('public', 'onboarding', 'user_id', 'onboarding.user_id is not null');
select col_type_is('public', 'onboarding', 'tour_completed', 'boolean', 'onboarding.tour_completed is boolean');
select col_not_null('public', 'onboarding', 'tour_completed', 'onboarding.tour_completed is not null');
select col_default_is(
  'public', 'onboarding', 'tour_completed', false::boolean,
  'onboarding.tour_completed defaults to false'
);
select col_type_is(
  'public', 'onboarding', 'tour_step_completed', 'integer',
  'onboarding.tour_step_completed is integer'
);
select col_not_null('public', 'onboarding', 'tour_step_completed', 'onboarding.tour_step_completed is not null');
select col_default_is(
  'public', 'onboarding', 'tour_step_completed', 0::integer,
  'onboarding.tour_step_completed defaults to 0'
);
select col_type_is('public', 'onboarding', 'tour_dismissed', 'boolean', 'onboarding.tour_dismissed is boolean');
select col_not_null('public', 'onboarding', 'tour_dismissed', 'onboarding.tour_dismissed is not null');
select col_default_is(
  'public', 'onboarding', 'tour_dismissed', false::boolean,
  'onboarding.tour_dismissed defaults to false'
);
select col_type_is('public', 'onboarding', 'checklist_items', 'jsonb', 'onboarding.checklist_items is jsonb');
select col_not_null('public', 'onboarding', 'checklist_items', 'onboarding.checklist_items is not null');
select col_default_is(
  'public', 'onboarding', 'checklist_items', '{}'::jsonb,
  'onboarding.checklist_items defaults to {}'
);
select col_type_is(
  'public', 'onboarding', 'role_specific_completed', 'jsonb',
  'onboarding.role_specific_completed is jsonb'
);
select col_not_null(
  'public', 'onboarding', 'role_specific_completed',
  'onboarding.role_specific_completed is not null'
);
select col_default_is(
  'public', 'onboarding', 'role_specific_completed', '{}'::jsonb,
  'onboarding.role_specific_completed defaults to {}'
);
select col_type_is(
  'public', 'onboarding', 'first_course_started', 'boolean',
  'onboarding.first_course_started is boolean'
);
select col_not_null('public', 'onboarding', 'first_course_started', 'onboarding.first_course_started is not null');
select col_default_is(
  'public', 'onboarding', 'first_course_started', false::boolean,
  'onboarding.first_course_started defaults to false'
);
select col_type_is(
  'public', 'onboarding', 'first_course_completed', 'boolean',
  'onboarding.first_course_completed is boolean'
);
select col_not_null('public', 'onboarding', 'first_course_completed', 'onboarding.first_course_completed is not null');
select col_default_is(
  'public', 'onboarding', 'first_course_completed', false::boolean,
  'onboarding.first_course_completed defaults to false'
);
select col_type_is(
  'public', 'onboarding', 'first_search_performed', 'boolean',
  'onboarding.first_search_performed is boolean'
);
select col_not_null('public', 'onboarding', 'first_search_performed', 'onboarding.first_search_performed is not null');
select col_default_is(
  'public', 'onboarding', 'first_search_performed', false::boolean,
  'onboarding.first_search_performed defaults to false'
);
select col_type_is('public', 'onboarding', 'profile_completed', 'boolean', 'onboarding.profile_completed is boolean');
select col_not_null('public', 'onboarding', 'profile_completed', 'onboarding.profile_completed is not null');
select col_default_is(
  'public', 'onboarding', 'profile_completed', false::boolean,
  'onboarding.profile_completed defaults to false'
);
select col_type_is(
  'public', 'onboarding', 'created_at', 'timestamp with time zone',
  'onboarding.created_at is timestamp with time zone'
);
select col_not_null('public', 'onboarding', 'created_at', 'onboarding.created_at is not null');
select col_has_default('public', 'onboarding', 'created_at', 'onboarding.created_at has a default (now())');
select col_type_is(
  'public', 'onboarding', 'updated_at', 'timestamp with time zone',
  'onboarding.updated_at is timestamp with time zone'
);
select col_not_null('public', 'onboarding', 'updated_at', 'onboarding.updated_at is not null');
select col_has_default('public', 'onboarding', 'updated_at', 'onboarding.updated_at has a default (now())');

select has_pk('public', 'onboarding', 'onboarding has a primary key');
select col_is_pk('public', 'onboarding', array['id']::name[], 'the primary key of onboarding is (id)');
select col_is_unique(
  'public', 'onboarding',
  array['user_id']::name[],
  '(user_id) is unique in onboarding (idx_onboarding_user)'
);

select fk_ok(
  'public', 'onboarding',
  array['user_id']::name[],
  'public', 'profiles',
  array['id']::name[],
  'onboarding(user_id) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.onboarding'::regclass and conname
    = 'onboarding_user_id_fkey'$$,
  array['c'],
  'onboarding_user_id_fkey is on delete cascade'
);

select has_index('public', 'onboarding', 'idx_onboarding_user', 'index idx_onboarding_user exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_onboarding_user'$$,
  array['CREATE UNIQUE INDEX idx_onboarding_user ON public.onboarding USING btree (user_id)'],
  'idx_onboarding_user has its definition'
);

select has_trigger('public', 'onboarding', 'set_updated_at', 'onboarding has the trigger set_updated_at');
select trigger_is(
  'public', 'onboarding', 'set_updated_at', 'private', 'set_updated_at',
  'trigger onboarding.set_updated_at runs private.set_updated_at()'
);

-- feature_flags: structure -----------------------------------------------------

select has_table('public', 'feature_flags', 'public.feature_flags exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.feature_flags'::regclass$$,
  array[true],
  'feature_flags has row level security enabled'
);
select columns_are(
  'public', 'feature_flags',
  array['id', 'flag_key', 'name', 'description', 'is_enabled', 'target_type', 'target_tiers', 'target_org_ids',
    'target_user_ids', 'rollout_percentage', 'created_by', 'created_at', 'updated_at'],
  'feature_flags has exactly its 13 columns'
);

select col_type_is('public', 'feature_flags', 'id', 'uuid', 'feature_flags.id is uuid');
select col_not_null('public', 'feature_flags', 'id', 'feature_flags.id is not null');
select col_default_is(
  'public', 'feature_flags', 'id', 'gen_random_uuid()'::text,
  'feature_flags.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'feature_flags', 'flag_key', 'text', 'feature_flags.flag_key is text');
select col_not_null('public', 'feature_flags', 'flag_key', 'feature_flags.flag_key is not null');
select col_type_is('public', 'feature_flags', 'name', 'text', 'feature_flags.name is text');
select col_not_null('public', 'feature_flags', 'name', 'feature_flags.name is not null');
select col_type_is('public', 'feature_flags', 'description', 'text', 'feature_flags.description is text');
select col_is_null('public', 'feature_flags', 'description', 'feature_flags.description may be null');
select col_type_is('public', 'feature_flags', 'is_enabled', 'boolean', 'feature_flags.is_enabled is boolean');
select col_not_null('public', 'feature_flags', 'is_enabled', 'feature_flags.is_enabled is not null');
select col_default_is(
  'public', 'feature_flags', 'is_enabled', false::boolean,
  'feature_flags.is_enabled defaults to false'
);
select col_type_is('public', 'feature_flags', 'target_type', 'text', 'feature_flags.target_type is text');
select col_not_null('public', 'feature_flags', 'target_type', 'feature_flags.target_type is not null');
select col_default_is(
  'public', 'feature_flags', 'target_type', 'global'::text,
  'feature_flags.target_type defaults to ''global'''
);
select col_type_is('public', 'feature_flags', 'target_tiers', 'text[]', 'feature_flags.target_tiers is text[]');
select col_not_null('public', 'feature_flags', 'target_tiers', 'feature_flags.target_tiers is not null');
select col_default_is(
  'public', 'feature_flags', 'target_tiers', '{}'::text[],
  'feature_flags.target_tiers defaults to {}'
);
select col_type_is('public', 'feature_flags', 'target_org_ids', 'uuid[]', 'feature_flags.target_org_ids is uuid[]');
select col_not_null('public', 'feature_flags', 'target_org_ids', 'feature_flags.target_org_ids is not null');
select col_default_is(
  'public', 'feature_flags', 'target_org_ids', '{}'::uuid[],
  'feature_flags.target_org_ids defaults to {}'
);
select col_type_is('public', 'feature_flags', 'target_user_ids', 'uuid[]', 'feature_flags.target_user_ids is uuid[]');
select col_not_null('public', 'feature_flags', 'target_user_ids', 'feature_flags.target_user_ids is not null');
select col_default_is(
  'public', 'feature_flags', 'target_user_ids', '{}'::uuid[],
  'feature_flags.target_user_ids defaults to {}'
);
select col_type_is(
  'public', 'feature_flags', 'rollout_percentage', 'integer',
  'feature_flags.rollout_percentage is integer'
);
select col_not_null('public', 'feature_flags', 'rollout_percentage', 'feature_flags.rollout_percentage is not null');
select col_default_is(
  'public', 'feature_flags', 'rollout_percentage', 100::integer,
  'feature_flags.rollout_percentage defaults to 100'
);
select col_type_is('public', 'feature_flags', 'created_by', 'uuid', 'feature_flags.created_by is uuid');
select col_is_null('public', 'feature_flags', 'created_by', 'feature_flags.created_by may be null');
select col_type_is(
  'public', 'feature_flags', 'created_at', 'timestamp with time zone',
  'feature_flags.created_at is timestamp with time zone'
);
select col_not_null('public', 'feature_flags', 'created_at', 'feature_flags.created_at is not null');
select col_has_default('public', 'feature_flags', 'created_at', 'feature_flags.created_at has a default (now())');
select col_type_is(
  'public', 'feature_flags', 'updated_at', 'timestamp with time zone',
  'feature_flags.updated_at is timestamp with time zone'
);
select col_not_null('public', 'feature_flags', 'updated_at', 'feature_flags.updated_at is not null');
select col_has_default('public', 'feature_flags', 'updated_at', 'feature_flags.updated_at has a default (now())');

select has_pk('public', 'feature_flags', 'feature_flags has a primary key');
select col_is_pk('public', 'feature_flags', array['id']::name[], 'the primary key of feature_flags is (id)');
select col_is_unique(
  'public', 'feature_flags',
  array['flag_key']::name[],
  '(flag_key) is unique in feature_flags (feature_flags_flag_key_key)'
);

select fk_ok(
  'public', 'feature_flags',
  array['created_by']::name[],
  'public', 'profiles',
  array['id']::name[],
  'feature_flags(created_by) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.feature_flags'::regclass and conname
    = 'feature_flags_created_by_fkey'$$,
  array['n'],
  'feature_flags_created_by_fkey is on delete set null'
);

select has_index('public', 'feature_flags', 'feature_flags_flag_key_key', 'index feature_flags_flag_key_key exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'feature_flags_flag_key_key'$$,
  array['CREATE UNIQUE INDEX feature_flags_flag_key_key ON public.feature_flags USING btree (flag_key)'],
  'feature_flags_flag_key_key has its definition'
);
select has_index(
  'public', 'feature_flags', 'idx_feature_flags_created_by',
  'index idx_feature_flags_created_by exists'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_feature_flags_created_by'$$,
  array['CREATE INDEX idx_feature_flags_created_by ON public.feature_flags USING btree (created_by)'],
  'idx_feature_flags_created_by has its definition'
);
select has_index('public', 'feature_flags', 'idx_feature_flags_enabled', 'index idx_feature_flags_enabled exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_feature_flags_enabled'$$,
  array['CREATE INDEX idx_feature_flags_enabled ON public.feature_flags USING btree (is_enabled) WHERE (is_enabled = '
    'true)'],
  'idx_feature_flags_enabled has its definition'
);

select has_trigger('public', 'feature_flags', 'set_updated_at', 'feature_flags has the trigger set_updated_at');
select trigger_is(
  'public', 'feature_flags', 'set_updated_at', 'private', 'set_updated_at',
  'trigger feature_flags.set_updated_at runs private.set_updated_at()'
);

-- audit_logs: checks and keys -----------------------------------------------------

select throws_ok(
    $$insert into public.audit_logs (action, resource_type, severity) values ('login', 'session', 'debug')$$,
    '23514', 'new row for relation "audit_logs" violates check constraint "audit_logs_severity_check"',
    'an unknown severity is rejected'
);
select lives_ok(
    $$insert into public.audit_logs (user_id, organization_id, action, resource_type, severity, ip_address)
      select '00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000b1', 'update', 'profile', s,
        '192.0.2.1'
      from unnest(array['info', 'warning', 'critical', null]) as s$$,
    'the info, warning and critical severities, or none, are accepted'
);
select is(
    (select retention_until from public.audit_logs
     where severity = 'info' and organization_id = '00000000-0000-0000-0000-0000000000b1'),
    now() + interval '7 years',
    'an audit row is kept seven years by default'
);
select throws_ok(
    $$insert into public.audit_logs (action, resource_type) values (null, 'session')$$,
    '23502', null,
    'an audit row needs an action'
);
select throws_ok(
    $$insert into public.audit_logs (action, resource_type, user_id) values ('login', 'session',
      '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "audit_logs" violates foreign key constraint "audit_logs_user_id_fkey"',
    'an audit row cannot name a user that does not exist'
);
select throws_ok(
    $$insert into public.audit_logs (action, resource_type, organization_id) values ('login', 'session',
      '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "audit_logs" violates foreign key constraint "audit_logs_organization_id_fkey"',
    'an audit row cannot name an organization that does not exist'
);
select throws_ok(
    $$insert into public.audit_logs (action, resource_type, ip_address) values ('login', 'session', 'not an address')$$,
    '22P02', null,
    'an audit row''s IP address must be an address'
);

-- onboarding: checks and keys -----------------------------------------------------

select lives_ok(
    $$insert into public.onboarding (user_id, tour_step_completed) values ('00000000-0000-0000-0000-0000000000a1', 0)$$,
    'an onboarding row at tour step 0 is accepted'
);
select throws_ok(
    $$update public.onboarding set tour_step_completed = -1 where user_id = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "onboarding" violates check constraint "onboarding_tour_step_completed_check"',
    'a negative tour step is rejected'
);
select throws_ok(
    $$insert into public.onboarding (user_id) values ('00000000-0000-0000-0000-0000000000a1')$$,
    '23505', 'duplicate key value violates unique constraint "idx_onboarding_user"',
    'a user has one onboarding row'
);
select throws_ok(
    $$insert into public.onboarding (user_id) values ('00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "onboarding" violates foreign key constraint "onboarding_user_id_fkey"',
    'onboarding must belong to an existing profile'
);

-- feature_flags: checks and keys --------------------------------------------------

select throws_ok(
    $$insert into public.feature_flags (flag_key, name, target_type) values ('x', 'X', 'team')$$,
    '23514', 'new row for relation "feature_flags" violates check constraint "feature_flags_target_type_check"',
    'an unknown target type is rejected'
);
select lives_ok(
    $$insert into public.feature_flags (flag_key, name, target_type)
      select 'target-' || t, t, t from unnest(array['global', 'tier', 'organization', 'user']) as t$$,
    'the global, tier, organization and user target types are accepted'
);
select throws_ok(
    $$insert into public.feature_flags (flag_key, name, rollout_percentage) values ('x', 'X', -1)$$,
    '23514', 'new row for relation "feature_flags" violates check constraint "feature_flags_rollout_percentage_check"',
    'a negative rollout is rejected'
);
select throws_ok(
    $$insert into public.feature_flags (flag_key, name, rollout_percentage) values ('x', 'X', 101)$$,
    '23514', 'new row for relation "feature_flags" violates check constraint "feature_flags_rollout_percentage_check"',
    'a rollout above 100 percent is rejected'
);
select lives_ok(
    $$insert into public.feature_flags (flag_key, name, rollout_percentage, created_by) values
      ('dark-launch', 'Dark launch', 0, '00000000-0000-0000-0000-0000000000a1'),
      ('everyone', 'Everyone', 100, null)$$,
    'rollouts of 0 and 100 percent are accepted'
);
select throws_ok(
    $$insert into public.feature_flags (flag_key, name) values ('everyone', 'Again')$$,
    '23505', 'duplicate key value violates unique constraint "feature_flags_flag_key_key"',
    'two flags cannot share a key'
);
select throws_ok(
    $$insert into public.feature_flags (flag_key, name, created_by) values ('x', 'X',
      '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "feature_flags" violates foreign key constraint '
      '"feature_flags_created_by_fkey"',
    'a flag author must be an existing profile'
);

select * from finish();
rollback;
