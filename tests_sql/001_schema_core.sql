/*
  001_schema_core: the tenants and the people (migrations/001_core.sql).

  Proves, for organizations, profiles and teams: every column with its type,
  nullability and default; primary, unique and foreign keys with their
  ON DELETE rules; every index by name and definition; triggers; Row Level
  Security; and that each CHECK rejects a bad value while the boundary values
  pass. Where 001_core deviates from the spec, its documented choice is what
  is asserted: defaults are NOT NULL, profiles.email's unique key carries the
  spec's index name idx_profiles_email, slugs are lower-case kebab-case, and
  the profile of an auth user is created by a trigger on auth.users.
*/
begin;
create extension if not exists pgtap with schema extensions;
select plan(232);

-- Arrange (as the superuser) ----------------------------------------------------

-- One organization and two users. The trigger on auth.users creates their
-- profiles; a third auth user has no email, so it has no profile yet.
insert into public.organizations (id, name, slug, admin_email)
values ('00000000-0000-0000-0000-0000000000b1', 'Acme', 'acme', 'admin@acme.example.org');

insert into auth.users (id, email, raw_user_meta_data) values
('00000000-0000-0000-0000-0000000000a1', 'alice@example.org', '{"full_name": "Alice"}'),
('00000000-0000-0000-0000-0000000000a2', 'bob@example.org', '{"full_name": "Bob"}');

insert into auth.users (id, phone) values ('00000000-0000-0000-0000-0000000000a3', '+15550100');

-- Structure, table by table: each column, key, index and trigger as the migrations define it

-- organizations: structure -----------------------------------------------------

select has_table('public', 'organizations', 'public.organizations exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.organizations'::regclass$$,
  array[true],
  'organizations has row level security enabled'
);
select columns_are(
  'public', 'organizations',
  array['id', 'name', 'slug', 'industry', 'size_category', 'admin_email', 'primary_contact_name',
    'primary_contact_phone', 'billing_email', 'address_line1', 'address_line2', 'city', 'province', 'postal_code',
    'country', 'subscription_id', 'subscription_status', 'trial_ends_at', 'settings', 'created_at', 'updated_at',
    'deleted_at'],
  'organizations has exactly its 22 columns'
);

select col_type_is('public', 'organizations', 'id', 'uuid', 'organizations.id is uuid');
select col_not_null('public', 'organizations', 'id', 'organizations.id is not null');
select col_default_is(
  'public', 'organizations', 'id', 'gen_random_uuid()'::text,
  'organizations.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'organizations', 'name', 'text', 'organizations.name is text');
select col_not_null('public', 'organizations', 'name', 'organizations.name is not null');
select col_type_is('public', 'organizations', 'slug', 'text', 'organizations.slug is text');
select col_not_null('public', 'organizations', 'slug', 'organizations.slug is not null');
select col_type_is('public', 'organizations', 'industry', 'text', 'organizations.industry is text');
select col_is_null('public', 'organizations', 'industry', 'organizations.industry may be null');
select col_type_is('public', 'organizations', 'size_category', 'text', 'organizations.size_category is text');
select col_is_null('public', 'organizations', 'size_category', 'organizations.size_category may be null');
select col_type_is('public', 'organizations', 'admin_email', 'text', 'organizations.admin_email is text');
select col_not_null('public', 'organizations', 'admin_email', 'organizations.admin_email is not null');
select col_type_is(
  'public', 'organizations', 'primary_contact_name', 'text',
  'organizations.primary_contact_name is text'
);
select col_is_null('public', 'organizations', 'primary_contact_name', 'organizations.primary_contact_name may be null');
select col_type_is(
  'public', 'organizations', 'primary_contact_phone', 'text',
  'organizations.primary_contact_phone is text'
);
select col_is_null(
  'public', 'organizations', 'primary_contact_phone',
  'organizations.primary_contact_phone may be null'
);
select col_type_is('public', 'organizations', 'billing_email', 'text', 'organizations.billing_email is text');
select col_is_null('public', 'organizations', 'billing_email', 'organizations.billing_email may be null');
select col_type_is('public', 'organizations', 'address_line1', 'text', 'organizations.address_line1 is text');
select col_is_null('public', 'organizations', 'address_line1', 'organizations.address_line1 may be null');
select col_type_is('public', 'organizations', 'address_line2', 'text', 'organizations.address_line2 is text');
select col_is_null('public', 'organizations', 'address_line2', 'organizations.address_line2 may be null');
select col_type_is('public', 'organizations', 'city', 'text', 'organizations.city is text');
select col_is_null('public', 'organizations', 'city', 'organizations.city may be null');
select col_type_is('public', 'organizations', 'province', 'text', 'organizations.province is text');
select col_is_null('public', 'organizations', 'province', 'organizations.province may be null');
select col_type_is('public', 'organizations', 'postal_code', 'text', 'organizations.postal_code is text');
select col_is_null('public', 'organizations', 'postal_code', 'organizations.postal_code may be null');
select col_type_is('public', 'organizations', 'country', 'text', 'organizations.country is text');
select col_not_null('public', 'organizations', 'country', 'organizations.country is not null');
select col_default_is('public', 'organizations', 'country', 'CA'::text, 'organizations.country defaults to ''CA''');
select col_type_is('public', 'organizations', 'subscription_id', 'uuid', 'organizations.subscription_id is uuid');
select col_is_null('public', 'organizations', 'subscription_id', 'organizations.subscription_id may be null');
select col_type_is(
  'public', 'organizations', 'subscription_status', 'text',
  'organizations.subscription_status is text'
);
select col_not_null('public', 'organizations', 'subscription_status', 'organizations.subscription_status is not null');
select col_default_is(
  'public', 'organizations', 'subscription_status', 'trial'::text,
  'organizations.subscription_status defaults to ''trial'''
);
select col_type_is(
  'public', 'organizations', 'trial_ends_at', 'timestamp with time zone',
  'organizations.trial_ends_at is timestamp with time zone'
);
select col_is_null('public', 'organizations', 'trial_ends_at', 'organizations.trial_ends_at may be null');
select col_type_is('public', 'organizations', 'settings', 'jsonb', 'organizations.settings is jsonb');
select col_not_null('public', 'organizations', 'settings', 'organizations.settings is not null');
select col_default_is(
  'public', 'organizations', 'settings',
  '{"branding": {"logo_url": null, "primary_color": "#0d9488"}, "features": {"ai_coach": true, "analytics": true, '
    '"custom_content": false}, "compliance": {"ip_whitelist": [], "mfa_required": false, "sso_required": '
      'false}}'::jsonb,
  'organizations.settings defaults to the spec''s branding, features and compliance document'
);
select col_type_is(
  'public', 'organizations', 'created_at', 'timestamp with time zone',
  'organizations.created_at is timestamp with time zone'
);
select col_not_null('public', 'organizations', 'created_at', 'organizations.created_at is not null');
select col_has_default('public', 'organizations', 'created_at', 'organizations.created_at has a default (now())');
select col_type_is(
  'public', 'organizations', 'updated_at', 'timestamp with time zone',
  'organizations.updated_at is timestamp with time zone'
);
select col_not_null('public', 'organizations', 'updated_at', 'organizations.updated_at is not null');
select col_has_default('public', 'organizations', 'updated_at', 'organizations.updated_at has a default (now())');
select col_type_is(
  'public', 'organizations', 'deleted_at', 'timestamp with time zone',
  'organizations.deleted_at is timestamp with time zone'
);
select col_is_null('public', 'organizations', 'deleted_at', 'organizations.deleted_at may be null');

select has_pk('public', 'organizations', 'organizations has a primary key');
select col_is_pk('public', 'organizations', array['id']::name[], 'the primary key of organizations is (id)');
select col_is_unique(
  'public', 'organizations',
  array['slug']::name[],
  '(slug) is unique in organizations (organizations_slug_key)'
);

select fk_ok(
  'public', 'organizations',
  array['subscription_id']::name[],
  'public', 'subscriptions',
  array['id']::name[],
  'organizations(subscription_id) references public.subscriptions(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.organizations'::regclass and conname
    = 'organizations_subscription_id_fkey'$$,
  array['n'],
  'organizations_subscription_id_fkey is on delete set null'
);

select has_index('public', 'organizations', 'idx_orgs_admin', 'index idx_orgs_admin exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_orgs_admin'$$,
  array['CREATE INDEX idx_orgs_admin ON public.organizations USING btree (admin_email)'],
  'idx_orgs_admin has its definition'
);
select has_index('public', 'organizations', 'idx_orgs_status', 'index idx_orgs_status exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_orgs_status'$$,
  array['CREATE INDEX idx_orgs_status ON public.organizations USING btree (subscription_status) WHERE (deleted_at IS '
    'NULL)'],
  'idx_orgs_status has its definition'
);
select has_index('public', 'organizations', 'idx_orgs_subscription', 'index idx_orgs_subscription exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_orgs_subscription'$$,
  array['CREATE INDEX idx_orgs_subscription ON public.organizations USING btree (subscription_id)'],
  'idx_orgs_subscription has its definition'
);
select has_index('public', 'organizations', 'organizations_slug_key', 'index organizations_slug_key exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'organizations_slug_key'$$,
  array['CREATE UNIQUE INDEX organizations_slug_key ON public.organizations USING btree (slug)'],
  'organizations_slug_key has its definition'
);

select has_trigger('public', 'organizations', 'set_updated_at', 'organizations has the trigger set_updated_at');
select trigger_is(
  'public', 'organizations', 'set_updated_at', 'private', 'set_updated_at',
  'trigger organizations.set_updated_at runs private.set_updated_at()'
);

-- profiles: structure ----------------------------------------------------------

select has_table('public', 'profiles', 'public.profiles exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.profiles'::regclass$$,
  array[true],
  'profiles has row level security enabled'
);
select columns_are(
  'public', 'profiles',
  array['id', 'email', 'full_name', 'avatar_url', 'phone', 'preferred_language', 'organization_id', 'team_id', 'role',
    'subscription_tier', 'seat_id', 'mfa_enabled', 'email_verified', 'last_login_at', 'login_count',
    'notification_preferences', 'theme', 'timezone', 'created_at', 'updated_at', 'deleted_at', 'metadata',
    'erased_at'],
  'profiles has exactly its 23 columns'
);

select col_type_is('public', 'profiles', 'id', 'uuid', 'profiles.id is uuid');
select col_not_null('public', 'profiles', 'id', 'profiles.id is not null');
select col_type_is('public', 'profiles', 'email', 'text', 'profiles.email is text');
select col_not_null('public', 'profiles', 'email', 'profiles.email is not null');
select col_type_is('public', 'profiles', 'full_name', 'text', 'profiles.full_name is text');
select col_is_null('public', 'profiles', 'full_name', 'profiles.full_name may be null');
select col_type_is('public', 'profiles', 'avatar_url', 'text', 'profiles.avatar_url is text');
select col_is_null('public', 'profiles', 'avatar_url', 'profiles.avatar_url may be null');
select col_type_is('public', 'profiles', 'phone', 'text', 'profiles.phone is text');
select col_is_null('public', 'profiles', 'phone', 'profiles.phone may be null');
select col_type_is('public', 'profiles', 'preferred_language', 'text', 'profiles.preferred_language is text');
select col_not_null('public', 'profiles', 'preferred_language', 'profiles.preferred_language is not null');
select col_default_is(
  'public', 'profiles', 'preferred_language', 'en'::text,
  'profiles.preferred_language defaults to ''en'''
);
select col_type_is('public', 'profiles', 'organization_id', 'uuid', 'profiles.organization_id is uuid');
select col_is_null('public', 'profiles', 'organization_id', 'profiles.organization_id may be null');
select col_type_is('public', 'profiles', 'team_id', 'uuid', 'profiles.team_id is uuid');
select col_is_null('public', 'profiles', 'team_id', 'profiles.team_id may be null');
select col_type_is('public', 'profiles', 'role', 'text', 'profiles.role is text');
select col_not_null('public', 'profiles', 'role', 'profiles.role is not null');
select col_default_is('public', 'profiles', 'role', 'learner'::text, 'profiles.role defaults to ''learner''');
select col_type_is('public', 'profiles', 'subscription_tier', 'text', 'profiles.subscription_tier is text');
select col_not_null('public', 'profiles', 'subscription_tier', 'profiles.subscription_tier is not null');
select col_default_is(
  'public', 'profiles', 'subscription_tier', 'free'::text,
  'profiles.subscription_tier defaults to ''free'''
);
select col_type_is('public', 'profiles', 'seat_id', 'uuid', 'profiles.seat_id is uuid');
select col_is_null('public', 'profiles', 'seat_id', 'profiles.seat_id may be null');
select col_type_is('public', 'profiles', 'mfa_enabled', 'boolean', 'profiles.mfa_enabled is boolean');
select col_not_null('public', 'profiles', 'mfa_enabled', 'profiles.mfa_enabled is not null');
select col_default_is('public', 'profiles', 'mfa_enabled', false::boolean, 'profiles.mfa_enabled defaults to false');
select col_type_is('public', 'profiles', 'email_verified', 'boolean', 'profiles.email_verified is boolean');
select col_not_null('public', 'profiles', 'email_verified', 'profiles.email_verified is not null');
select col_default_is(
  'public', 'profiles', 'email_verified', false::boolean,
  'profiles.email_verified defaults to false'
);
select col_type_is(
  'public', 'profiles', 'last_login_at', 'timestamp with time zone',
  'profiles.last_login_at is timestamp with time zone'
);
select col_is_null('public', 'profiles', 'last_login_at', 'profiles.last_login_at may be null');
select col_type_is('public', 'profiles', 'login_count', 'integer', 'profiles.login_count is integer');
select col_not_null('public', 'profiles', 'login_count', 'profiles.login_count is not null');
select col_default_is('public', 'profiles', 'login_count', 0::integer, 'profiles.login_count defaults to 0');
select col_type_is(
  'public', 'profiles', 'notification_preferences', 'jsonb',
  'profiles.notification_preferences is jsonb'
);
select col_not_null('public', 'profiles', 'notification_preferences', 'profiles.notification_preferences is not null');
select col_default_is(
  'public', 'profiles', 'notification_preferences', '{"push": false, "email": true, "in_app": true}'::jsonb,
  'profiles.notification_preferences defaults to {"push": false, "email": true, "in_app": true}'
);
select col_type_is('public', 'profiles', 'theme', 'text', 'profiles.theme is text');
select col_not_null('public', 'profiles', 'theme', 'profiles.theme is not null');
select col_default_is('public', 'profiles', 'theme', 'light'::text, 'profiles.theme defaults to ''light''');
select col_type_is('public', 'profiles', 'timezone', 'text', 'profiles.timezone is text');
select col_not_null('public', 'profiles', 'timezone', 'profiles.timezone is not null');
select col_default_is(
  'public', 'profiles', 'timezone', 'America/Toronto'::text,
  'profiles.timezone defaults to ''America/Toronto'''
);
select col_type_is(
  'public', 'profiles', 'created_at', 'timestamp with time zone',
  'profiles.created_at is timestamp with time zone'
);
select col_not_null('public', 'profiles', 'created_at', 'profiles.created_at is not null');
select col_has_default('public', 'profiles', 'created_at', 'profiles.created_at has a default (now())');
select col_type_is(
  'public', 'profiles', 'updated_at', 'timestamp with time zone',
  'profiles.updated_at is timestamp with time zone'
);
select col_not_null('public', 'profiles', 'updated_at', 'profiles.updated_at is not null');
select col_has_default('public', 'profiles', 'updated_at', 'profiles.updated_at has a default (now())');
select col_type_is(
  'public', 'profiles', 'deleted_at', 'timestamp with time zone',
  'profiles.deleted_at is timestamp with time zone'
);
select col_is_null('public', 'profiles', 'deleted_at', 'profiles.deleted_at may be null');
select col_type_is('public', 'profiles', 'metadata', 'jsonb', 'profiles.metadata is jsonb');
select col_not_null('public', 'profiles', 'metadata', 'profiles.metadata is not null');
select col_default_is('public', 'profiles', 'metadata', '{}'::jsonb, 'profiles.metadata defaults to {}');

select has_pk('public', 'profiles', 'profiles has a primary key');
select col_is_pk('public', 'profiles', array['id']::name[], 'the primary key of profiles is (id)');
select col_is_unique(
  'public', 'profiles',
  array['email']::name[],
  '(email) is unique in profiles (idx_profiles_email)'
);

-- profiles outlive their auth user (046_erasure): no foreign key, whose cascade took certificates and progress;
-- the trigger profile_has_identity checks the id at insert, and on_auth_user_deleted anonymizes instead.
select is_empty(
  $$select conname from pg_catalog.pg_constraint
    where conrelid = 'public.profiles'::regclass and contype = 'f' and confrelid = 'auth.users'::regclass$$,
  'profiles(id) has no foreign key to auth.users (no cascade from a deleted user)'
);
select has_trigger('public', 'profiles', 'profile_has_identity', 'profiles checks its id against auth.users');
select has_trigger('auth', 'users', 'on_auth_user_deleted', 'auth.users anonymizes the profile of a deleted user');
select fk_ok(
  'public', 'profiles',
  array['organization_id']::name[],
  'public', 'organizations',
  array['id']::name[],
  'profiles(organization_id) references public.organizations(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.profiles'::regclass and conname
    = 'profiles_organization_id_fkey'$$,
  array['n'],
  'profiles_organization_id_fkey is on delete set null'
);
select fk_ok(
  'public', 'profiles',
  array['seat_id']::name[],
  'public', 'subscription_seats',
  array['id']::name[],
  'profiles(seat_id) references public.subscription_seats(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.profiles'::regclass and conname
    = 'profiles_seat_id_fkey'$$,
  array['n'],
  'profiles_seat_id_fkey is on delete set null'
);
select fk_ok(
  'public', 'profiles',
  array['team_id']::name[],
  'public', 'teams',
  array['id']::name[],
  'profiles(team_id) references public.teams(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.profiles'::regclass and conname
    = 'profiles_team_id_fkey'$$,
  array['n'],
  'profiles_team_id_fkey is on delete set null'
);

select has_index('public', 'profiles', 'idx_profiles_email', 'index idx_profiles_email exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_profiles_email'$$,
  array['CREATE UNIQUE INDEX idx_profiles_email ON public.profiles USING btree (email)'],
  'idx_profiles_email has its definition'
);
select has_index('public', 'profiles', 'idx_profiles_org', 'index idx_profiles_org exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_profiles_org'$$,
  array['CREATE INDEX idx_profiles_org ON public.profiles USING btree (organization_id) WHERE (deleted_at IS NULL)'],
  'idx_profiles_org has its definition'
);
select has_index('public', 'profiles', 'idx_profiles_role', 'index idx_profiles_role exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_profiles_role'$$,
  array['CREATE INDEX idx_profiles_role ON public.profiles USING btree (role) WHERE (deleted_at IS NULL)'],
  'idx_profiles_role has its definition'
);
select has_index('public', 'profiles', 'idx_profiles_seat', 'index idx_profiles_seat exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_profiles_seat'$$,
  array['CREATE INDEX idx_profiles_seat ON public.profiles USING btree (seat_id) WHERE (seat_id IS NOT NULL)'],
  'idx_profiles_seat has its definition'
);
select has_index('public', 'profiles', 'idx_profiles_team', 'index idx_profiles_team exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_profiles_team'$$,
  array['CREATE INDEX idx_profiles_team ON public.profiles USING btree (team_id) WHERE (deleted_at IS NULL)'],
  'idx_profiles_team has its definition'
);

select has_trigger('public', 'profiles', 'set_updated_at', 'profiles has the trigger set_updated_at');
select trigger_is(
  'public', 'profiles', 'set_updated_at', 'private', 'set_updated_at',
  'trigger profiles.set_updated_at runs private.set_updated_at()'
);

-- teams: structure -------------------------------------------------------------

select has_table('public', 'teams', 'public.teams exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.teams'::regclass$$,
  array[true],
  'teams has row level security enabled'
);
select columns_are(
  'public', 'teams',
  array['id', 'organization_id', 'name', 'description', 'team_lead_id', 'seat_allocation', 'settings', 'created_at',
    'updated_at'],
  'teams has exactly its 9 columns'
);

select col_type_is('public', 'teams', 'id', 'uuid', 'teams.id is uuid');
select col_not_null('public', 'teams', 'id', 'teams.id is not null');
select col_default_is('public', 'teams', 'id', 'gen_random_uuid()'::text, 'teams.id defaults to gen_random_uuid()');
select col_type_is('public', 'teams', 'organization_id', 'uuid', 'teams.organization_id is uuid');
select col_not_null('public', 'teams', 'organization_id', 'teams.organization_id is not null');
select col_type_is('public', 'teams', 'name', 'text', 'teams.name is text');
select col_not_null('public', 'teams', 'name', 'teams.name is not null');
select col_type_is('public', 'teams', 'description', 'text', 'teams.description is text');
select col_is_null('public', 'teams', 'description', 'teams.description may be null');
select col_type_is('public', 'teams', 'team_lead_id', 'uuid', 'teams.team_lead_id is uuid');
select col_is_null('public', 'teams', 'team_lead_id', 'teams.team_lead_id may be null');
select col_type_is('public', 'teams', 'seat_allocation', 'integer', 'teams.seat_allocation is integer');
select col_not_null('public', 'teams', 'seat_allocation', 'teams.seat_allocation is not null');
select col_default_is('public', 'teams', 'seat_allocation', 0::integer, 'teams.seat_allocation defaults to 0');
select col_type_is('public', 'teams', 'settings', 'jsonb', 'teams.settings is jsonb');
select col_not_null('public', 'teams', 'settings', 'teams.settings is not null');
select col_default_is('public', 'teams', 'settings', '{}'::jsonb, 'teams.settings defaults to {}');
select col_type_is(
  'public', 'teams', 'created_at', 'timestamp with time zone',
  'teams.created_at is timestamp with time zone'
);
select col_not_null('public', 'teams', 'created_at', 'teams.created_at is not null');
select col_has_default('public', 'teams', 'created_at', 'teams.created_at has a default (now())');
select col_type_is(
  'public', 'teams', 'updated_at', 'timestamp with time zone',
  'teams.updated_at is timestamp with time zone'
);
select col_not_null('public', 'teams', 'updated_at', 'teams.updated_at is not null');
select col_has_default('public', 'teams', 'updated_at', 'teams.updated_at has a default (now())');

select has_pk('public', 'teams', 'teams has a primary key');
select col_is_pk('public', 'teams', array['id']::name[], 'the primary key of teams is (id)');
select col_is_unique(
  'public', 'teams',
  array['organization_id', 'name']::name[],
  '(organization_id, name) is unique in teams (teams_organization_id_name_key)'
);

select fk_ok(
  'public', 'teams',
  array['organization_id']::name[],
  'public', 'organizations',
  array['id']::name[],
  'teams(organization_id) references public.organizations(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.teams'::regclass and conname
    = 'teams_organization_id_fkey'$$,
  array['c'],
  'teams_organization_id_fkey is on delete cascade'
);
select fk_ok(
  'public', 'teams',
  array['team_lead_id']::name[],
  'public', 'profiles',
  array['id']::name[],
  'teams(team_lead_id) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.teams'::regclass and conname
    = 'teams_team_lead_id_fkey'$$,
  array['n'],
  'teams_team_lead_id_fkey is on delete set null'
);

select has_index('public', 'teams', 'idx_teams_lead', 'index idx_teams_lead exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_teams_lead'$$,
  array['CREATE INDEX idx_teams_lead ON public.teams USING btree (team_lead_id)'],
  'idx_teams_lead has its definition'
);
select has_index('public', 'teams', 'idx_teams_org', 'index idx_teams_org exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_teams_org'$$,
  array['CREATE INDEX idx_teams_org ON public.teams USING btree (organization_id)'],
  'idx_teams_org has its definition'
);
select has_index('public', 'teams', 'teams_organization_id_name_key', 'index teams_organization_id_name_key exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'teams_organization_id_name_key'$$,
  array['CREATE UNIQUE INDEX teams_organization_id_name_key ON public.teams USING btree (organization_id, name)'],
  'teams_organization_id_name_key has its definition'
);

select has_trigger('public', 'teams', 'set_updated_at', 'teams has the trigger set_updated_at');
select trigger_is(
  'public', 'teams', 'set_updated_at', 'private', 'set_updated_at',
  'trigger teams.set_updated_at runs private.set_updated_at()'
);

-- The profile trigger is installed on auth.users ------------------------------------

select has_trigger('auth', 'users', 'on_auth_user_change', 'auth.users has the trigger that creates profiles');
select trigger_is(
    'auth', 'users', 'on_auth_user_change', 'private', 'handle_auth_user_change',
    'on_auth_user_change runs private.handle_auth_user_change()'
);

-- organizations: checks and keys ----------------------------------------------------

select throws_ok(
    $$insert into public.organizations (name, slug, admin_email, province) values ('X', 'x-prov', 'x@example.org',
      'XX')$$,
    '23514', 'new row for relation "organizations" violates check constraint "organizations_province_check"',
    'an unknown province is rejected'
);
select throws_ok(
    $$insert into public.organizations (name, slug, admin_email, province) values ('X', 'x-prov', 'x@example.org',
      'on')$$,
    '23514', 'new row for relation "organizations" violates check constraint "organizations_province_check"',
    'a province code in lower case is rejected'
);
select lives_ok(
    $$insert into public.organizations (name, slug, admin_email, province)
      select 'Org ' || p, 'org-' || lower(p), 'x@example.org', p
      from unnest(array['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']) as p$$,
    'all thirteen provinces and territories are accepted'
);
select lives_ok(
    $$insert into public.organizations (name, slug, admin_email, province) values ('No Province', 'no-province',
      'x@example.org', null)$$,
    'an organization may have no province'
);
select throws_ok(
    $$insert into public.organizations (name, slug, admin_email, size_category) values ('X', 'x-size', 'x@example.org',
      '10-20')$$,
    '23514', 'new row for relation "organizations" violates check constraint "organizations_size_category_check"',
    'an unknown size category is rejected'
);
select lives_ok(
    $$insert into public.organizations (name, slug, admin_email, size_category)
      select 'Size ' || s, 'size-' || i, 'x@example.org', s
      from unnest(array['1-50', '51-200', '201-500', '501-1000', '1000+']) with ordinality as u (s, i)$$,
    'every size category is accepted'
);
select throws_ok(
    $$insert into public.organizations (name, slug, admin_email, subscription_status) values ('X', 'x-status',
      'x@example.org', 'expired')$$,
    '23514', 'new row for relation "organizations" violates check constraint "organizations_subscription_status_check"',
    'an unknown subscription status is rejected'
);
select lives_ok(
    $$insert into public.organizations (name, slug, admin_email, subscription_status)
      select 'Status ' || s, 'status-' || replace(s, '_', '-'), 'x@example.org', s
      from unnest(array['trial', 'active', 'past_due', 'canceled', 'paused']) as s$$,
    'every subscription status is accepted'
);
select throws_ok(
    $$insert into public.organizations (name, slug, admin_email) values ('X', 'Acme Corp', 'x@example.org')$$,
    '23514', 'new row for relation "organizations" violates check constraint "organizations_slug_check"',
    'a slug with capitals and a space is rejected'
);
select throws_ok(
    $$insert into public.organizations (name, slug, admin_email) values ('X', 'acme--corp', 'x@example.org')$$,
    '23514', 'new row for relation "organizations" violates check constraint "organizations_slug_check"',
    'a slug with a double hyphen is rejected'
);
select throws_ok(
    $$insert into public.organizations (name, slug, admin_email) values ('X', '-acme', 'x@example.org')$$,
    '23514', 'new row for relation "organizations" violates check constraint "organizations_slug_check"',
    'a slug with a leading hyphen is rejected'
);
select lives_ok(
    $$insert into public.organizations (name, slug, admin_email) values ('Acme 2', 'acme-2', 'x@example.org')$$,
    'a kebab-case slug of letters and digits is accepted'
);
select throws_ok(
    $$insert into public.organizations (name, slug, admin_email) values ('Acme again', 'acme', 'x@example.org')$$,
    '23505', 'duplicate key value violates unique constraint "organizations_slug_key"',
    'two organizations cannot share a slug'
);
select throws_ok(
    $$insert into public.organizations (name, slug, admin_email, subscription_id)
      values ('X', 'x-sub', 'x@example.org', '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "organizations" violates foreign key constraint '
      '"organizations_subscription_id_fkey"',
    'an organization cannot name a subscription that does not exist'
);
select is(
    (select settings #>> '{branding,primary_color}' from public.organizations
     where slug = 'acme'),
    '#0d9488',
    'a new organization gets the default settings document'
);

-- profiles: checks and keys ---------------------------------------------------------

select throws_ok(
    $$update public.profiles set preferred_language = 'de' where id = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "profiles" violates check constraint "profiles_preferred_language_check"',
    'a preferred language other than en and fr is rejected'
);
select lives_ok(
    $$update public.profiles set preferred_language = 'fr' where id = '00000000-0000-0000-0000-0000000000a1'$$,
    'French is accepted as preferred language'
);
select throws_ok(
    $$update public.profiles set role = 'admin' where id = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "profiles" violates check constraint "profiles_role_check"',
    'an unknown role is rejected'
);
select lives_ok(
    $test$do $$
      declare r text;
      begin
        foreach r in array array['super_admin', 'compliance_officer', 'org_admin', 'analyst', 'investigator',
                                 'educator', 'learner', 'viewer', 'guest'] loop
          update public.profiles set role = r where id = '00000000-0000-0000-0000-0000000000a1';
        end loop;
      end
    $$$test$,
    'each of the nine roles is accepted'
);
select throws_ok(
    $$update public.profiles set subscription_tier = 'basic' where id = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "profiles" violates check constraint "profiles_subscription_tier_check"',
    'an unknown subscription tier is rejected'
);
select lives_ok(
    $test$do $$
      declare t text;
      begin
        foreach t in array array['free', 'professional', 'enterprise', 'custom'] loop
          update public.profiles set subscription_tier = t where id = '00000000-0000-0000-0000-0000000000a1';
        end loop;
      end
    $$$test$,
    'each of the four subscription tiers is accepted'
);
select throws_ok(
    $$update public.profiles set theme = 'blue' where id = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "profiles" violates check constraint "profiles_theme_check"',
    'an unknown theme is rejected'
);
select lives_ok(
    $test$do $$
      declare t text;
      begin
        foreach t in array array['light', 'dark', 'system'] loop
          update public.profiles set theme = t where id = '00000000-0000-0000-0000-0000000000a1';
        end loop;
      end
    $$$test$,
    'the light, dark and system themes are accepted'
);
select throws_ok(
    $$update public.profiles set login_count = -1 where id = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "profiles" violates check constraint "profiles_login_count_check"',
    'a negative login count is rejected'
);
select throws_ok(
    $$insert into public.profiles (id, email) values ('00000000-0000-0000-0000-0000000000a3', 'alice@example.org')$$,
    '23505', 'duplicate key value violates unique constraint "idx_profiles_email"',
    'two profiles cannot share an email'
);
select throws_ok(
    $$insert into public.profiles (id, email) values ('00000000-0000-0000-0000-0000000000ff', 'ghost@example.org')$$,
    '23503', 'a profile needs an auth user with the same id',
    'a profile must belong to an auth user'
);
select throws_ok(
    $$update public.profiles set organization_id = '00000000-0000-0000-0000-0000000000ff' where id
      = '00000000-0000-0000-0000-0000000000a1'$$,
    '23503', 'insert or update on table "profiles" violates foreign key constraint "profiles_organization_id_fkey"',
    'a profile cannot name an organization that does not exist'
);
-- profiles_team_id_fkey and profiles_seat_id_fkey are checked at commit
-- (see 001_core); made immediate here so the check happens at the statement.
select results_eq(
    $$select count(*)::int from pg_catalog.pg_constraint
      where conname in ('profiles_team_id_fkey', 'profiles_seat_id_fkey') and condeferrable and condeferred$$,
    array[2],
    'a profile''s team and seat keys are deferred to commit'
);
set constraints public.profiles_team_id_fkey, public.profiles_seat_id_fkey immediate;
select throws_ok(
    $$update public.profiles set team_id = '00000000-0000-0000-0000-0000000000ff' where id
      = '00000000-0000-0000-0000-0000000000a1'$$,
    '23503', 'insert or update on table "profiles" violates foreign key constraint "profiles_team_id_fkey"',
    'a profile cannot name a team that does not exist'
);
select throws_ok(
    $$update public.profiles set seat_id = '00000000-0000-0000-0000-0000000000ff' where id
      = '00000000-0000-0000-0000-0000000000a1'$$,
    '23503', 'insert or update on table "profiles" violates foreign key constraint "profiles_seat_id_fkey"',
    'a profile cannot name a seat that does not exist'
);
select throws_ok(
    $$insert into public.profiles (id, email) values ('00000000-0000-0000-0000-0000000000a3', null)$$,
    '23502', null,
    'a profile needs an email'
);
select row_eq(
    $$select preferred_language, role, subscription_tier, theme, timezone, mfa_enabled, login_count,
      notification_preferences
      from public.profiles where id = '00000000-0000-0000-0000-0000000000a2'$$,
    row('en'::text, 'learner'::text, 'free'::text, 'light'::text, 'America/Toronto'::text, false, 0,
      '{"email": true, "push": false, "in_app": true}'::jsonb),
    'a new profile gets the documented defaults'
);

-- teams: checks and keys ------------------------------------------------------------

select lives_ok(
    $$insert into public.teams (organization_id, name, team_lead_id, seat_allocation)
      values ('00000000-0000-0000-0000-0000000000b1', 'Legal', '00000000-0000-0000-0000-0000000000a1', 0)$$,
    'a team with a lead and no seats is accepted'
);
select throws_ok(
    $$insert into public.teams (organization_id, name, seat_allocation) values ('00000000-0000-0000-0000-0000000000b1',
      'HR', -1)$$,
    '23514', 'new row for relation "teams" violates check constraint "teams_seat_allocation_check"',
    'a negative seat allocation is rejected'
);
select throws_ok(
    $$insert into public.teams (organization_id, name) values ('00000000-0000-0000-0000-0000000000b1', 'Legal')$$,
    '23505', 'duplicate key value violates unique constraint "teams_organization_id_name_key"',
    'an organization cannot have two teams with the same name'
);
select lives_ok(
    $$insert into public.teams (organization_id, name) select id,
      'Legal' from public.organizations where slug = 'acme-2'$$,
    'another organization may have a team with the same name'
);
select throws_ok(
    $$insert into public.teams (organization_id, name) values ('00000000-0000-0000-0000-0000000000ff', 'Ghosts')$$,
    '23503', 'insert or update on table "teams" violates foreign key constraint "teams_organization_id_fkey"',
    'a team must belong to an existing organization'
);
select throws_ok(
    $$insert into public.teams (organization_id, name, team_lead_id)
      values ('00000000-0000-0000-0000-0000000000b1', 'Ops', '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "teams" violates foreign key constraint "teams_team_lead_id_fkey"',
    'a team lead must be an existing profile'
);

select * from finish();
rollback;
