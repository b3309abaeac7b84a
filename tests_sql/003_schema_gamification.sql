/*
  003_schema_gamification: points, streaks, badges and learning paths
  (migrations/003_gamification.sql).

  Proves, for user_achievements, custom_badges and learning_paths: every
  column with its type, nullability and default; keys with their ON DELETE
  rules; every index by name and definition; triggers; Row Level Security;
  and that each CHECK rejects a bad value while the boundary values pass.
  003_gamification's documented choices are what is asserted: counters are
  NOT NULL and never negative, one achievements row per learner, badge names
  unique per organization, and learning_paths.tier_required takes the values
  courses.tier_required takes.
*/
begin;
create extension if not exists pgtap with schema extensions;
select plan(217);

-- Arrange (as the superuser) ----------------------------------------------------

insert into public.organizations (id, name, slug, admin_email) values
('00000000-0000-0000-0000-0000000000b1', 'Acme', 'acme', 'admin@acme.example.org'),
('00000000-0000-0000-0000-0000000000b2', 'Globex', 'globex', 'admin@globex.example.org');

insert into auth.users (id, email, raw_user_meta_data) values
('00000000-0000-0000-0000-0000000000a1', 'alice@example.org', '{"full_name": "Alice"}'),
('00000000-0000-0000-0000-0000000000a2', 'bob@example.org', '{"full_name": "Bob"}');

insert into public.user_achievements (user_id) values ('00000000-0000-0000-0000-0000000000a1');

-- Structure, table by table: each column, key, index and trigger as the migrations define it

-- user_achievements: structure -------------------------------------------------

select has_table('public', 'user_achievements', 'public.user_achievements exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.user_achievements'::regclass$$,
  array[true],
  'user_achievements has row level security enabled'
);
select columns_are('public', 'user_achievements', array['id', 'user_id', 'total_points', 'weekly_points',
  'monthly_points', 'current_streak_days', 'longest_streak_days', 'last_activity_date', 'badges_earned',
  'badge_timestamps', 'global_rank', 'organization_rank', 'team_rank', 'courses_completed', 'lessons_completed',
  'quizzes_passed', 'certificates_earned', 'cases_bookmarked', 'coaching_sessions', 'level', 'level_progress',
  'created_at', 'updated_at',
  -- 022_learning_loop: the leaderboards' copies and periods
  'organization_id', 'team_id', 'points_week', 'points_month', 'listed'],
    'user_achievements has exactly its 28 columns');

select col_type_is('public', 'user_achievements', 'id', 'uuid', 'user_achievements.id is uuid');
select col_not_null('public', 'user_achievements', 'id', 'user_achievements.id is not null');
select col_default_is(
  'public', 'user_achievements', 'id', 'gen_random_uuid()'::text,
  'user_achievements.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'user_achievements', 'user_id', 'uuid', 'user_achievements.user_id is uuid');
select col_not_null('public', 'user_achievements', 'user_id', 'user_achievements.user_id is not null');
select col_type_is(
  'public', 'user_achievements', 'total_points', 'integer',
  'user_achievements.total_points is integer'
);
select col_not_null('public', 'user_achievements', 'total_points', 'user_achievements.total_points is not null');
select col_default_is(
  'public', 'user_achievements', 'total_points', 0::integer,
  'user_achievements.total_points defaults to 0'
);
select col_type_is(
  'public', 'user_achievements', 'weekly_points', 'integer',
  'user_achievements.weekly_points is integer'
);
select col_not_null('public', 'user_achievements', 'weekly_points', 'user_achievements.weekly_points is not null');
select col_default_is(
  'public', 'user_achievements', 'weekly_points', 0::integer,
  'user_achievements.weekly_points defaults to 0'
);
select col_type_is(
  'public', 'user_achievements', 'monthly_points', 'integer',
  'user_achievements.monthly_points is integer'
);
select col_not_null('public', 'user_achievements', 'monthly_points', 'user_achievements.monthly_points is not null');
select col_default_is(
  'public', 'user_achievements', 'monthly_points', 0::integer,
  'user_achievements.monthly_points defaults to 0'
);
select col_type_is(
  'public', 'user_achievements', 'current_streak_days', 'integer',
  'user_achievements.current_streak_days is integer'
);
select col_not_null(
  'public', 'user_achievements', 'current_streak_days',
  'user_achievements.current_streak_days is not null'
);
select col_default_is(
  'public', 'user_achievements', 'current_streak_days', 0::integer,
  'user_achievements.current_streak_days defaults to 0'
);
select col_type_is(
  'public', 'user_achievements', 'longest_streak_days', 'integer',
  'user_achievements.longest_streak_days is integer'
);
select col_not_null(
  'public', 'user_achievements', 'longest_streak_days',
  'user_achievements.longest_streak_days is not null'
);
select col_default_is(
  'public', 'user_achievements', 'longest_streak_days', 0::integer,
  'user_achievements.longest_streak_days defaults to 0'
);
select col_type_is(
  'public', 'user_achievements', 'last_activity_date', 'date',
  'user_achievements.last_activity_date is date'
);
select col_is_null(
  'public', 'user_achievements', 'last_activity_date',
  'user_achievements.last_activity_date may be null'
);
select col_type_is(
  'public', 'user_achievements', 'badges_earned', 'text[]',
  'user_achievements.badges_earned is text[]'
);
select col_not_null('public', 'user_achievements', 'badges_earned', 'user_achievements.badges_earned is not null');
select col_default_is(
  'public', 'user_achievements', 'badges_earned', '{}'::text[],
  'user_achievements.badges_earned defaults to {}'
);
select col_type_is(
  'public', 'user_achievements', 'badge_timestamps', 'jsonb',
  'user_achievements.badge_timestamps is jsonb'
);
select col_not_null(
  'public', 'user_achievements', 'badge_timestamps',
  'user_achievements.badge_timestamps is not null'
);
select col_default_is(
  'public', 'user_achievements', 'badge_timestamps', '{}'::jsonb,
  'user_achievements.badge_timestamps defaults to {}'
);
select col_type_is('public', 'user_achievements', 'global_rank', 'integer', 'user_achievements.global_rank is integer');
select col_is_null('public', 'user_achievements', 'global_rank', 'user_achievements.global_rank may be null');
select col_type_is(
  'public', 'user_achievements', 'organization_rank', 'integer',
  'user_achievements.organization_rank is integer'
);
select col_is_null(
  'public', 'user_achievements', 'organization_rank',
  'user_achievements.organization_rank may be null'
);
select col_type_is('public', 'user_achievements', 'team_rank', 'integer', 'user_achievements.team_rank is integer');
select col_is_null('public', 'user_achievements', 'team_rank', 'user_achievements.team_rank may be null');
select col_type_is(
  'public', 'user_achievements', 'courses_completed', 'integer',
  'user_achievements.courses_completed is integer'
);
select col_not_null(
  'public', 'user_achievements', 'courses_completed',
  'user_achievements.courses_completed is not null'
);
select col_default_is(
  'public', 'user_achievements', 'courses_completed', 0::integer,
  'user_achievements.courses_completed defaults to 0'
);
select col_type_is(
  'public', 'user_achievements', 'lessons_completed', 'integer',
  'user_achievements.lessons_completed is integer'
);
select col_not_null(
  'public', 'user_achievements', 'lessons_completed',
  'user_achievements.lessons_completed is not null'
);
select col_default_is(
  'public', 'user_achievements', 'lessons_completed', 0::integer,
  'user_achievements.lessons_completed defaults to 0'
);
select col_type_is(
  'public', 'user_achievements', 'quizzes_passed', 'integer',
  'user_achievements.quizzes_passed is integer'
);
select col_not_null('public', 'user_achievements', 'quizzes_passed', 'user_achievements.quizzes_passed is not null');
select col_default_is(
  'public', 'user_achievements', 'quizzes_passed', 0::integer,
  'user_achievements.quizzes_passed defaults to 0'
);
select col_type_is(
  'public', 'user_achievements', 'certificates_earned', 'integer',
  'user_achievements.certificates_earned is integer'
);
select col_not_null(
  'public', 'user_achievements', 'certificates_earned',
  'user_achievements.certificates_earned is not null'
);
select col_default_is(
  'public', 'user_achievements', 'certificates_earned', 0::integer,
  'user_achievements.certificates_earned defaults to 0'
);
select col_type_is(
  'public', 'user_achievements', 'cases_bookmarked', 'integer',
  'user_achievements.cases_bookmarked is integer'
);
select col_not_null(
  'public', 'user_achievements', 'cases_bookmarked',
  'user_achievements.cases_bookmarked is not null'
);
select col_default_is(
  'public', 'user_achievements', 'cases_bookmarked', 0::integer,
  'user_achievements.cases_bookmarked defaults to 0'
);
select col_type_is(
  'public', 'user_achievements', 'coaching_sessions', 'integer',
  'user_achievements.coaching_sessions is integer'
);
select col_not_null(
  'public', 'user_achievements', 'coaching_sessions',
  'user_achievements.coaching_sessions is not null'
);
select col_default_is(
  'public', 'user_achievements', 'coaching_sessions', 0::integer,
  'user_achievements.coaching_sessions defaults to 0'
);
select col_type_is('public', 'user_achievements', 'level', 'integer', 'user_achievements.level is integer');
select col_not_null('public', 'user_achievements', 'level', 'user_achievements.level is not null');
select col_default_is('public', 'user_achievements', 'level', 1::integer, 'user_achievements.level defaults to 1');
select col_type_is(
  'public', 'user_achievements', 'level_progress', 'numeric(5,2)',
  'user_achievements.level_progress is numeric(5,2)'
);
select col_not_null('public', 'user_achievements', 'level_progress', 'user_achievements.level_progress is not null');
select col_default_is(
  'public', 'user_achievements', 'level_progress', 0::numeric,
  'user_achievements.level_progress defaults to 0'
);
select col_type_is(
  'public', 'user_achievements', 'created_at', 'timestamp with time zone',
  'user_achievements.created_at is timestamp with time zone'
);
select col_not_null('public', 'user_achievements', 'created_at', 'user_achievements.created_at is not null');
select col_has_default(
  'public', 'user_achievements', 'created_at',
  'user_achievements.created_at has a default (now())'
);
select col_type_is(
  'public', 'user_achievements', 'updated_at', 'timestamp with time zone',
  'user_achievements.updated_at is timestamp with time zone'
);
select col_not_null('public', 'user_achievements', 'updated_at', 'user_achievements.updated_at is not null');
select col_has_default(
  'public', 'user_achievements', 'updated_at',
  'user_achievements.updated_at has a default (now())'
);

select has_pk('public', 'user_achievements', 'user_achievements has a primary key');
select col_is_pk('public', 'user_achievements', array['id']::name[], 'the primary key of user_achievements is (id)');
select col_is_unique(
  'public', 'user_achievements',
  array['user_id']::name[],
  '(user_id) is unique in user_achievements (user_achievements_user_id_key)'
);

select fk_ok(
  'public', 'user_achievements',
  array['user_id']::name[],
  'public', 'profiles',
  array['id']::name[],
  'user_achievements(user_id) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.user_achievements'::regclass
    and conname = 'user_achievements_user_id_fkey'$$,
  array['c'],
  'user_achievements_user_id_fkey is on delete cascade'
);

select has_index(
  'public', 'user_achievements', 'idx_achievements_leaderboard',
  'index idx_achievements_leaderboard exists'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_achievements_leaderboard'$$,
  array['CREATE INDEX idx_achievements_leaderboard ON public.user_achievements USING btree (total_points DESC, level '
    'DESC)'],
  'idx_achievements_leaderboard has its definition'
);
select has_index('public', 'user_achievements', 'idx_achievements_level', 'index idx_achievements_level exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_achievements_level'$$,
  array['CREATE INDEX idx_achievements_level ON public.user_achievements USING btree (level DESC, level_progress '
    'DESC)'],
  'idx_achievements_level has its definition'
);
select has_index('public', 'user_achievements', 'idx_achievements_points', 'index idx_achievements_points exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_achievements_points'$$,
  array['CREATE INDEX idx_achievements_points ON public.user_achievements USING btree (total_points DESC)'],
  'idx_achievements_points has its definition'
);
select has_index('public', 'user_achievements', 'idx_achievements_streak', 'index idx_achievements_streak exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_achievements_streak'$$,
  array['CREATE INDEX idx_achievements_streak ON public.user_achievements USING btree (current_streak_days DESC)'],
  'idx_achievements_streak has its definition'
);
select has_index(
  'public', 'user_achievements', 'user_achievements_user_id_key',
  'index user_achievements_user_id_key exists'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'user_achievements_user_id_key'$$,
  array['CREATE UNIQUE INDEX user_achievements_user_id_key ON public.user_achievements USING btree (user_id)'],
  'user_achievements_user_id_key has its definition'
);

select has_trigger('public', 'user_achievements', 'set_updated_at', 'user_achievements has the trigger set_updated_at');
select trigger_is(
  'public', 'user_achievements', 'set_updated_at', 'private', 'set_updated_at',
  'trigger user_achievements.set_updated_at runs private.set_updated_at()'
);

-- custom_badges: structure -----------------------------------------------------

select has_table('public', 'custom_badges', 'public.custom_badges exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.custom_badges'::regclass$$,
  array[true],
  'custom_badges has row level security enabled'
);
select columns_are(
  'public', 'custom_badges',
  array['id', 'organization_id', 'name', 'description', 'icon_url', 'criteria_type', 'criteria_config', 'rarity',
    'points_value', 'is_active', 'created_by', 'created_at'],
  'custom_badges has exactly its 12 columns'
);

select col_type_is('public', 'custom_badges', 'id', 'uuid', 'custom_badges.id is uuid');
select col_not_null('public', 'custom_badges', 'id', 'custom_badges.id is not null');
select col_default_is(
  'public', 'custom_badges', 'id', 'gen_random_uuid()'::text,
  'custom_badges.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'custom_badges', 'organization_id', 'uuid', 'custom_badges.organization_id is uuid');
select col_not_null('public', 'custom_badges', 'organization_id', 'custom_badges.organization_id is not null');
select col_type_is('public', 'custom_badges', 'name', 'text', 'custom_badges.name is text');
select col_not_null('public', 'custom_badges', 'name', 'custom_badges.name is not null');
select col_type_is('public', 'custom_badges', 'description', 'text', 'custom_badges.description is text');
select col_is_null('public', 'custom_badges', 'description', 'custom_badges.description may be null');
select col_type_is('public', 'custom_badges', 'icon_url', 'text', 'custom_badges.icon_url is text');
select col_is_null('public', 'custom_badges', 'icon_url', 'custom_badges.icon_url may be null');
select col_type_is('public', 'custom_badges', 'criteria_type', 'text', 'custom_badges.criteria_type is text');
select col_is_null('public', 'custom_badges', 'criteria_type', 'custom_badges.criteria_type may be null');
select col_type_is('public', 'custom_badges', 'criteria_config', 'jsonb', 'custom_badges.criteria_config is jsonb');
select col_is_null('public', 'custom_badges', 'criteria_config', 'custom_badges.criteria_config may be null');
select col_type_is('public', 'custom_badges', 'rarity', 'text', 'custom_badges.rarity is text');
select col_not_null('public', 'custom_badges', 'rarity', 'custom_badges.rarity is not null');
select col_default_is(
  'public', 'custom_badges', 'rarity', 'common'::text,
  'custom_badges.rarity defaults to ''common'''
);
select col_type_is('public', 'custom_badges', 'points_value', 'integer', 'custom_badges.points_value is integer');
select col_not_null('public', 'custom_badges', 'points_value', 'custom_badges.points_value is not null');
select col_default_is(
  'public', 'custom_badges', 'points_value', 10::integer,
  'custom_badges.points_value defaults to 10'
);
select col_type_is('public', 'custom_badges', 'is_active', 'boolean', 'custom_badges.is_active is boolean');
select col_not_null('public', 'custom_badges', 'is_active', 'custom_badges.is_active is not null');
select col_default_is(
  'public', 'custom_badges', 'is_active', true::boolean,
  'custom_badges.is_active defaults to true'
);
select col_type_is('public', 'custom_badges', 'created_by', 'uuid', 'custom_badges.created_by is uuid');
select col_is_null('public', 'custom_badges', 'created_by', 'custom_badges.created_by may be null');
select col_type_is(
  'public', 'custom_badges', 'created_at', 'timestamp with time zone',
  'custom_badges.created_at is timestamp with time zone'
);
select col_not_null('public', 'custom_badges', 'created_at', 'custom_badges.created_at is not null');
select col_has_default('public', 'custom_badges', 'created_at', 'custom_badges.created_at has a default (now())');

select has_pk('public', 'custom_badges', 'custom_badges has a primary key');
select col_is_pk('public', 'custom_badges', array['id']::name[], 'the primary key of custom_badges is (id)');
select col_is_unique(
  'public', 'custom_badges',
  array['organization_id', 'name']::name[],
  '(organization_id, name) is unique in custom_badges (custom_badges_organization_id_name_key)'
);

select fk_ok(
  'public', 'custom_badges',
  array['created_by']::name[],
  'public', 'profiles',
  array['id']::name[],
  'custom_badges(created_by) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.custom_badges'::regclass and conname
    = 'custom_badges_created_by_fkey'$$,
  array['n'],
  'custom_badges_created_by_fkey is on delete set null'
);
select fk_ok(
  'public', 'custom_badges',
  array['organization_id']::name[],
  'public', 'organizations',
  array['id']::name[],
  'custom_badges(organization_id) references public.organizations(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.custom_badges'::regclass and conname
    = 'custom_badges_organization_id_fkey'$$,
  array['c'],
  'custom_badges_organization_id_fkey is on delete cascade'
);

select has_index(
  'public', 'custom_badges', 'custom_badges_organization_id_name_key',
  'index custom_badges_organization_id_name_key exists'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'custom_badges_organization_id_name_key'$$,
  array['CREATE UNIQUE INDEX custom_badges_organization_id_name_key ON public.custom_badges USING btree '
    '(organization_id, name)'],
  'custom_badges_organization_id_name_key has its definition'
);
select has_index(
  'public', 'custom_badges', 'idx_custom_badges_created_by',
  'index idx_custom_badges_created_by exists'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_custom_badges_created_by'$$,
  array['CREATE INDEX idx_custom_badges_created_by ON public.custom_badges USING btree (created_by)'],
  'idx_custom_badges_created_by has its definition'
);
select has_index('public', 'custom_badges', 'idx_custom_badges_org', 'index idx_custom_badges_org exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_custom_badges_org'$$,
  array['CREATE INDEX idx_custom_badges_org ON public.custom_badges USING btree (organization_id) WHERE (is_active = '
    'true)'],
  'idx_custom_badges_org has its definition'
);


-- learning_paths: structure ----------------------------------------------------

select has_table('public', 'learning_paths', 'public.learning_paths exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.learning_paths'::regclass$$,
  array[true],
  'learning_paths has row level security enabled'
);
select columns_are(
  'public', 'learning_paths',
  array['id', 'title_en', 'title_fr', 'description_en', 'description_fr', 'slug', 'course_ids',
    'estimated_duration_hours', 'category', 'level', 'is_published', 'tier_required', 'created_by', 'created_at',
    'updated_at'],
  'learning_paths has exactly its 15 columns'
);

select col_type_is('public', 'learning_paths', 'id', 'uuid', 'learning_paths.id is uuid');
select col_not_null('public', 'learning_paths', 'id', 'learning_paths.id is not null');
select col_default_is(
  'public', 'learning_paths', 'id', 'gen_random_uuid()'::text,
  'learning_paths.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'learning_paths', 'title_en', 'text', 'learning_paths.title_en is text');
select col_not_null('public', 'learning_paths', 'title_en', 'learning_paths.title_en is not null');
select col_type_is('public', 'learning_paths', 'title_fr', 'text', 'learning_paths.title_fr is text');
select col_is_null('public', 'learning_paths', 'title_fr', 'learning_paths.title_fr may be null');
select col_type_is('public', 'learning_paths', 'description_en', 'text', 'learning_paths.description_en is text');
select col_is_null('public', 'learning_paths', 'description_en', 'learning_paths.description_en may be null');
select col_type_is('public', 'learning_paths', 'description_fr', 'text', 'learning_paths.description_fr is text');
select col_is_null('public', 'learning_paths', 'description_fr', 'learning_paths.description_fr may be null');
select col_type_is('public', 'learning_paths', 'slug', 'text', 'learning_paths.slug is text');
select col_not_null('public', 'learning_paths', 'slug', 'learning_paths.slug is not null');
select col_type_is('public', 'learning_paths', 'course_ids', 'uuid[]', 'learning_paths.course_ids is uuid[]');
select col_not_null('public', 'learning_paths', 'course_ids', 'learning_paths.course_ids is not null');
select col_type_is(
  'public', 'learning_paths', 'estimated_duration_hours', 'numeric(6,2)',
  'learning_paths.estimated_duration_hours is numeric(6,2)'
);
select col_is_null(
  'public', 'learning_paths', 'estimated_duration_hours',
  'learning_paths.estimated_duration_hours may be null'
);
select col_type_is('public', 'learning_paths', 'category', 'text', 'learning_paths.category is text');
select col_is_null('public', 'learning_paths', 'category', 'learning_paths.category may be null');
select col_type_is('public', 'learning_paths', 'level', 'text', 'learning_paths.level is text');
select col_is_null('public', 'learning_paths', 'level', 'learning_paths.level may be null');
select col_type_is('public', 'learning_paths', 'is_published', 'boolean', 'learning_paths.is_published is boolean');
select col_not_null('public', 'learning_paths', 'is_published', 'learning_paths.is_published is not null');
select col_default_is(
  'public', 'learning_paths', 'is_published', false::boolean,
  'learning_paths.is_published defaults to false'
);
select col_type_is('public', 'learning_paths', 'tier_required', 'text', 'learning_paths.tier_required is text');
select col_not_null('public', 'learning_paths', 'tier_required', 'learning_paths.tier_required is not null');
select col_default_is(
  'public', 'learning_paths', 'tier_required', 'free'::text,
  'learning_paths.tier_required defaults to ''free'''
);
select col_type_is('public', 'learning_paths', 'created_by', 'uuid', 'learning_paths.created_by is uuid');
select col_is_null('public', 'learning_paths', 'created_by', 'learning_paths.created_by may be null');
select col_type_is(
  'public', 'learning_paths', 'created_at', 'timestamp with time zone',
  'learning_paths.created_at is timestamp with time zone'
);
select col_not_null('public', 'learning_paths', 'created_at', 'learning_paths.created_at is not null');
select col_has_default('public', 'learning_paths', 'created_at', 'learning_paths.created_at has a default (now())');
select col_type_is(
  'public', 'learning_paths', 'updated_at', 'timestamp with time zone',
  'learning_paths.updated_at is timestamp with time zone'
);
select col_not_null('public', 'learning_paths', 'updated_at', 'learning_paths.updated_at is not null');
select col_has_default('public', 'learning_paths', 'updated_at', 'learning_paths.updated_at has a default (now())');

select has_pk('public', 'learning_paths', 'learning_paths has a primary key');
select col_is_pk('public', 'learning_paths', array['id']::name[], 'the primary key of learning_paths is (id)');
select has_index(
  'public', 'learning_paths', 'learning_paths_published_slug_key',
  'a published path''s slug is unique among published paths (learning_paths_published_slug_key)'
);

select fk_ok(
  'public', 'learning_paths',
  array['created_by']::name[],
  'public', 'profiles',
  array['id']::name[],
  'learning_paths(created_by) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.learning_paths'::regclass
    and conname = 'learning_paths_created_by_fkey'$$,
  array['n'],
  'learning_paths_created_by_fkey is on delete set null'
);

select has_index(
  'public', 'learning_paths', 'idx_learning_paths_created_by',
  'index idx_learning_paths_created_by exists'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_learning_paths_created_by'$$,
  array['CREATE INDEX idx_learning_paths_created_by ON public.learning_paths USING btree (created_by)'],
  'idx_learning_paths_created_by has its definition'
);
select has_index(
  'public', 'learning_paths', 'idx_learning_paths_published',
  'index idx_learning_paths_published exists'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_learning_paths_published'$$,
  array['CREATE INDEX idx_learning_paths_published ON public.learning_paths USING btree (is_published)'],
  'idx_learning_paths_published has its definition'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'learning_paths_published_slug_key'$$,
  array['CREATE UNIQUE INDEX learning_paths_published_slug_key ON public.learning_paths USING btree (slug) '
    || 'WHERE is_published'],
  'learning_paths_published_slug_key has its definition'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'learning_paths_draft_slug_key'$$,
  array['CREATE UNIQUE INDEX learning_paths_draft_slug_key ON public.learning_paths USING btree (created_by, slug) '
    || 'WHERE (NOT is_published)'],
  'learning_paths_draft_slug_key: a draft''s slug is unique among its author''s drafts (028)'
);

select has_trigger('public', 'learning_paths', 'set_updated_at', 'learning_paths has the trigger set_updated_at');
select trigger_is(
  'public', 'learning_paths', 'set_updated_at', 'private', 'set_updated_at',
  'trigger learning_paths.set_updated_at runs private.set_updated_at()'
);

-- user_achievements: checks and keys ---------------------------------------------

select throws_ok(
    $$update public.user_achievements set total_points = -1 where user_id = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "user_achievements" violates check constraint '
      '"user_achievements_total_points_check"',
    'a negative total points is rejected'
);
select throws_ok(
    $$update public.user_achievements set weekly_points = -1 where user_id = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "user_achievements" violates check constraint '
      '"user_achievements_weekly_points_check"',
    'a negative weekly points is rejected'
);
select throws_ok(
    $$update public.user_achievements set monthly_points = -1 where user_id = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "user_achievements" violates check constraint '
      '"user_achievements_monthly_points_check"',
    'a negative monthly points is rejected'
);
select throws_ok(
    $$update public.user_achievements set current_streak_days = -1 where user_id
      = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "user_achievements" violates check constraint '
      '"user_achievements_current_streak_days_check"',
    'a negative current streak is rejected'
);
select throws_ok(
    $$update public.user_achievements set longest_streak_days = -1 where user_id
      = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "user_achievements" violates check constraint '
      '"user_achievements_longest_streak_days_check"',
    'a negative longest streak is rejected'
);
select throws_ok(
    $$update public.user_achievements set courses_completed = -1 where user_id
      = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "user_achievements" violates check constraint '
      '"user_achievements_courses_completed_check"',
    'a negative count of completed courses is rejected'
);
select throws_ok(
    $$update public.user_achievements set lessons_completed = -1 where user_id
      = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "user_achievements" violates check constraint '
      '"user_achievements_lessons_completed_check"',
    'a negative count of completed lessons is rejected'
);
select throws_ok(
    $$update public.user_achievements set quizzes_passed = -1 where user_id = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "user_achievements" violates check constraint '
      '"user_achievements_quizzes_passed_check"',
    'a negative count of passed quizzes is rejected'
);
select throws_ok(
    $$update public.user_achievements set certificates_earned = -1 where user_id
      = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "user_achievements" violates check constraint '
      '"user_achievements_certificates_earned_check"',
    'a negative count of certificates earned is rejected'
);
select throws_ok(
    $$update public.user_achievements set cases_bookmarked = -1 where user_id
      = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "user_achievements" violates check constraint '
      '"user_achievements_cases_bookmarked_check"',
    'a negative count of bookmarked cases is rejected'
);
select throws_ok(
    $$update public.user_achievements set coaching_sessions = -1 where user_id
      = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "user_achievements" violates check constraint '
      '"user_achievements_coaching_sessions_check"',
    'a negative count of coaching sessions is rejected'
);
select lives_ok(
    $$update public.user_achievements set total_points = 0, weekly_points = 0, monthly_points = 0,
      current_streak_days = 0, longest_streak_days = 0, courses_completed = 0, lessons_completed = 0,
      quizzes_passed = 0, certificates_earned = 0, cases_bookmarked = 0, coaching_sessions = 0, level = 1,
      level_progress = 0
      where user_id = '00000000-0000-0000-0000-0000000000a1'$$,
    'every counter at zero, level 1 and no progress to the next level are accepted'
);
select throws_ok(
    $$update public.user_achievements set level = 0 where user_id = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "user_achievements" violates check constraint "user_achievements_level_check"',
    'level 0 is rejected: levels start at 1'
);
select throws_ok(
    $$update public.user_achievements set level_progress = 100.01 where user_id
      = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "user_achievements" violates check constraint '
      '"user_achievements_level_progress_check"',
    'progress to the next level above 100 percent is rejected'
);
select throws_ok(
    $$update public.user_achievements set level_progress = -0.01 where user_id
      = '00000000-0000-0000-0000-0000000000a1'$$,
    '23514', 'new row for relation "user_achievements" violates check constraint '
      '"user_achievements_level_progress_check"',
    'negative progress to the next level is rejected'
);
select lives_ok(
    $$update public.user_achievements set level_progress = 100 where user_id = '00000000-0000-0000-0000-0000000000a1'$$,
    'progress to the next level of exactly 100 percent is accepted'
);
select throws_ok(
    $$insert into public.user_achievements (user_id) values ('00000000-0000-0000-0000-0000000000a1')$$,
    '23505', 'duplicate key value violates unique constraint "user_achievements_user_id_key"',
    'a learner has one achievements row'
);
select throws_ok(
    $$insert into public.user_achievements (user_id) values ('00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "user_achievements" violates foreign key constraint '
      '"user_achievements_user_id_fkey"',
    'achievements must belong to an existing profile'
);
select row_eq(
    $$select total_points, level, level_progress, badges_earned, badge_timestamps
      from public.user_achievements where user_id = '00000000-0000-0000-0000-0000000000a1'$$,
    row(0, 1, 100.00::numeric, '{}'::text [], '{}'::jsonb),
    'an achievements row starts with zero points, level 1, no badges'
);

-- custom_badges: checks and keys --------------------------------------------------

select lives_ok(
    $$insert into public.custom_badges (organization_id, name, criteria_type, points_value, created_by)
      values ('00000000-0000-0000-0000-0000000000b1', 'Ally', 'manual', 0, '00000000-0000-0000-0000-0000000000a1')$$,
    'a manual badge worth zero points is accepted'
);
select throws_ok(
    $$insert into public.custom_badges (organization_id, name,
      criteria_type) values ('00000000-0000-0000-0000-0000000000b1', 'X', 'random')$$,
    '23514', 'new row for relation "custom_badges" violates check constraint "custom_badges_criteria_type_check"',
    'an unknown criteria type is rejected'
);
select lives_ok(
    $$insert into public.custom_badges (organization_id, name, criteria_type, criteria_config)
      select '00000000-0000-0000-0000-0000000000b2', 'Criteria ' || c, c, '{"type": "points", "threshold": 100}'
      from unnest(array['manual', 'automated', 'hybrid']) as c$$,
    'the manual, automated and hybrid criteria types are accepted'
);
select throws_ok(
    $$insert into public.custom_badges (organization_id, name, rarity) values ('00000000-0000-0000-0000-0000000000b1',
      'X', 'mythic')$$,
    '23514', 'new row for relation "custom_badges" violates check constraint "custom_badges_rarity_check"',
    'an unknown rarity is rejected'
);
select lives_ok(
    $$insert into public.custom_badges (organization_id, name, rarity)
      select '00000000-0000-0000-0000-0000000000b2', 'Rarity ' || r, r
      from unnest(array['common', 'uncommon', 'rare', 'epic', 'legendary']) as r$$,
    'each of the five rarities is accepted'
);
select throws_ok(
    $$insert into public.custom_badges (organization_id, name,
      points_value) values ('00000000-0000-0000-0000-0000000000b1', 'X', -1)$$,
    '22023', 'points_value must be a whole number from 0 to 10000, not -1',
    'a badge worth negative points is rejected (22023, 028)'
);
select throws_ok(
    $$insert into public.custom_badges (organization_id, name) values ('00000000-0000-0000-0000-0000000000b1',
      'Ally')$$,
    '23505', 'duplicate key value violates unique constraint "custom_badges_organization_id_name_key"',
    'an organization cannot have two badges with the same name'
);
select lives_ok(
    $$insert into public.custom_badges (organization_id, name) values ('00000000-0000-0000-0000-0000000000b2',
      'Ally')$$,
    'another organization may have a badge with the same name'
);
select throws_ok(
    $$insert into public.custom_badges (organization_id, name) values ('00000000-0000-0000-0000-0000000000ff', 'X')$$,
    '23503', 'insert or update on table "custom_badges" violates foreign key constraint '
      '"custom_badges_organization_id_fkey"',
    'a badge must belong to an existing organization'
);
select throws_ok(
    $$insert into public.custom_badges (organization_id, name, created_by)
      values ('00000000-0000-0000-0000-0000000000b1', 'X', '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "custom_badges" violates foreign key constraint '
      '"custom_badges_created_by_fkey"',
    'a badge author must be an existing profile'
);

-- learning_paths: checks and keys -------------------------------------------------

select lives_ok(
    $$insert into public.learning_paths (title_en, slug, course_ids, estimated_duration_hours, tier_required,
      created_by)
      values ('Start here', 'start-here', '{}', 0, 'enterprise', '00000000-0000-0000-0000-0000000000a1')$$,
    'a learning path with a kebab-case slug, zero hours and the enterprise tier is accepted'
);
select throws_ok(
    $$insert into public.learning_paths (title_en, slug, course_ids) values ('X', 'Start_Here', '{}')$$,
    '23514', 'new row for relation "learning_paths" violates check constraint "learning_paths_slug_check"',
    'a learning path slug that is not kebab-case is rejected'
);
select throws_ok(
    $$insert into public.learning_paths (title_en, slug, course_ids, tier_required) values ('X', 'x-tier', '{}',
      'gold')$$,
    '23514', 'new row for relation "learning_paths" violates check constraint "learning_paths_tier_required_check"',
    'an unknown required tier is rejected'
);
select lives_ok(
    $$insert into public.learning_paths (title_en, slug, course_ids, tier_required)
      select t, 'tier-' || t, '{}', t from unnest(array['free', 'professional', 'enterprise']) as t$$,
    'a learning path may require the free, professional or enterprise tier'
);
select throws_ok(
    $$insert into public.learning_paths (title_en, slug, course_ids, estimated_duration_hours) values ('X', 'x-hours',
      '{}', -0.01)$$,
    '23514', 'new row for relation "learning_paths" violates check constraint '
      '"learning_paths_estimated_duration_hours_check"',
    'a negative estimated duration is rejected'
);
select throws_ok(
    $$insert into public.learning_paths (title_en, slug, course_ids, created_by)
      values ('X', 'start-here', '{}', '00000000-0000-0000-0000-0000000000a1')$$,
    '23505', 'the slug ''start-here'' is already used by a published learning path or by one of your drafts',
    'an author''s two draft paths cannot share a slug (028: another author''s draft reserves none)'
);
select throws_ok(
    $$insert into public.learning_paths (title_en, slug, course_ids) values ('X', 'no-courses', null)$$,
    '23502', null,
    'a learning path needs its list of courses'
);
select throws_ok(
    $$insert into public.learning_paths (title_en, slug, course_ids, created_by) values ('X', 'x-author', '{}',
      '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "learning_paths" violates foreign key constraint '
      '"learning_paths_created_by_fkey"',
    'a learning path author must be an existing profile'
);

select * from finish();
rollback;
