/*
  002_schema_learning: the catalog and each learner's path through it
  (migrations/002_learning.sql).

  Proves, for courses, lessons, progress and certificates: every column with
  its type, nullability and default; keys with their ON DELETE rules; every
  index by name and definition; triggers; Row Level Security; and that each
  CHECK rejects a bad value while the boundary values pass. 002_learning's
  documented choices are what is asserted: the unique keys of lessons and
  certificates carry the spec's index names (idx_lessons_course,
  idx_certificates_number); progress is UNIQUE NULLS NOT DISTINCT, so a
  learner has one course-level row (lesson_id null) per course; a progress
  row's (lesson_id, course_id) must be a lesson of that course and goes with
  the lesson (progress_lesson_in_course_fkey, on delete cascade);
  courses.created_by is on delete set null.
*/
begin;
create extension if not exists pgtap with schema extensions;
select plan(350);

-- Arrange (as the superuser) ----------------------------------------------------

-- A learner, two courses, two lessons in the first course and one in the second.
insert into auth.users (id, email, raw_user_meta_data) values
('00000000-0000-0000-0000-0000000000a1', 'alice@example.org', '{"full_name": "Alice"}'),
('00000000-0000-0000-0000-0000000000a2', 'bob@example.org', '{"full_name": "Bob"}');

insert into public.courses (id, title_en, slug, category, level, duration_minutes, created_by) values
('00000000-0000-0000-0000-0000000000c1', 'Foundations', 'foundations', 'Foundations', 'Introductory', 60,
 '00000000-0000-0000-0000-0000000000a2'),
('00000000-0000-0000-0000-0000000000c2', 'At work', 'at-work', 'Workplace', 'Intermediate', 90, null);

insert into public.lessons (id, course_id, title_en, lesson_type, order_index) values
('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000c1', 'One', 'video', 1),
('00000000-0000-0000-0000-0000000000d2', '00000000-0000-0000-0000-0000000000c1', 'Two', 'quiz', 2),
('00000000-0000-0000-0000-0000000000d3', '00000000-0000-0000-0000-0000000000c2', 'Three', 'reading', 1);

-- Structure, table by table: each column, key, index and trigger as the migrations define it

-- courses: structure -----------------------------------------------------------

select has_table('public', 'courses', 'public.courses exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.courses'::regclass$$,
  array[true],
  'courses has row level security enabled'
);
select columns_are(
  'public', 'courses',
  array['id', 'title_en', 'title_fr', 'description_en', 'description_fr', 'slug', 'category', 'level', 'tags',
    'keywords', 'duration_minutes', 'estimated_hours', 'lesson_count', 'order_index', 'thumbnail_url',
    'video_intro_url', 'is_published', 'tier_required', 'prerequisite_course_ids', 'points_value',
    'certificate_template_id', 'learning_objectives', 'competencies', 'featured_case_ids', 'created_by', 'created_at',
    'updated_at', 'published_at', 'deleted_at'],
  'courses has exactly its 29 columns'
);

select col_type_is('public', 'courses', 'id', 'uuid', 'courses.id is uuid');
select col_not_null('public', 'courses', 'id', 'courses.id is not null');
select col_default_is('public', 'courses', 'id', 'gen_random_uuid()'::text, 'courses.id defaults to gen_random_uuid()');
select col_type_is('public', 'courses', 'title_en', 'text', 'courses.title_en is text');
select col_not_null('public', 'courses', 'title_en', 'courses.title_en is not null');
select col_type_is('public', 'courses', 'title_fr', 'text', 'courses.title_fr is text');
select col_is_null('public', 'courses', 'title_fr', 'courses.title_fr may be null');
select col_type_is('public', 'courses', 'description_en', 'text', 'courses.description_en is text');
select col_is_null('public', 'courses', 'description_en', 'courses.description_en may be null');
select col_type_is('public', 'courses', 'description_fr', 'text', 'courses.description_fr is text');
select col_is_null('public', 'courses', 'description_fr', 'courses.description_fr may be null');
select col_type_is('public', 'courses', 'slug', 'text', 'courses.slug is text');
select col_not_null('public', 'courses', 'slug', 'courses.slug is not null');
select col_type_is('public', 'courses', 'category', 'text', 'courses.category is text');
select col_not_null('public', 'courses', 'category', 'courses.category is not null');
select col_type_is('public', 'courses', 'level', 'text', 'courses.level is text');
select col_not_null('public', 'courses', 'level', 'courses.level is not null');
select col_type_is('public', 'courses', 'tags', 'text[]', 'courses.tags is text[]');
select col_not_null('public', 'courses', 'tags', 'courses.tags is not null');
select col_default_is('public', 'courses', 'tags', '{}'::text[], 'courses.tags defaults to {}');
select col_type_is('public', 'courses', 'keywords', 'text[]', 'courses.keywords is text[]');
select col_not_null('public', 'courses', 'keywords', 'courses.keywords is not null');
select col_default_is('public', 'courses', 'keywords', '{}'::text[], 'courses.keywords defaults to {}');
select col_type_is('public', 'courses', 'duration_minutes', 'integer', 'courses.duration_minutes is integer');
select col_not_null('public', 'courses', 'duration_minutes', 'courses.duration_minutes is not null');
select col_type_is('public', 'courses', 'estimated_hours', 'numeric(4,2)', 'courses.estimated_hours is numeric(4,2)');
select col_is_null('public', 'courses', 'estimated_hours', 'courses.estimated_hours may be null');
select col_type_is('public', 'courses', 'lesson_count', 'integer', 'courses.lesson_count is integer');
select col_not_null('public', 'courses', 'lesson_count', 'courses.lesson_count is not null');
select col_default_is('public', 'courses', 'lesson_count', 0::integer, 'courses.lesson_count defaults to 0');
select col_type_is('public', 'courses', 'order_index', 'integer', 'courses.order_index is integer');
select col_not_null('public', 'courses', 'order_index', 'courses.order_index is not null');
select col_default_is('public', 'courses', 'order_index', 0::integer, 'courses.order_index defaults to 0');
select col_type_is('public', 'courses', 'thumbnail_url', 'text', 'courses.thumbnail_url is text');
select col_is_null('public', 'courses', 'thumbnail_url', 'courses.thumbnail_url may be null');
select col_type_is('public', 'courses', 'video_intro_url', 'text', 'courses.video_intro_url is text');
select col_is_null('public', 'courses', 'video_intro_url', 'courses.video_intro_url may be null');
select col_type_is('public', 'courses', 'is_published', 'boolean', 'courses.is_published is boolean');
select col_not_null('public', 'courses', 'is_published', 'courses.is_published is not null');
select col_default_is('public', 'courses', 'is_published', false::boolean, 'courses.is_published defaults to false');
select col_type_is('public', 'courses', 'tier_required', 'text', 'courses.tier_required is text');
select col_not_null('public', 'courses', 'tier_required', 'courses.tier_required is not null');
select col_default_is('public', 'courses', 'tier_required', 'free'::text, 'courses.tier_required defaults to ''free''');
select col_type_is(
  'public', 'courses', 'prerequisite_course_ids', 'uuid[]',
  'courses.prerequisite_course_ids is uuid[]'
);
select col_not_null('public', 'courses', 'prerequisite_course_ids', 'courses.prerequisite_course_ids is not null');
select col_default_is(
  'public', 'courses', 'prerequisite_course_ids', '{}'::uuid[],
  'courses.prerequisite_course_ids defaults to {}'
);
select col_type_is('public', 'courses', 'points_value', 'integer', 'courses.points_value is integer');
select col_not_null('public', 'courses', 'points_value', 'courses.points_value is not null');
select col_default_is('public', 'courses', 'points_value', 100::integer, 'courses.points_value defaults to 100');
select col_type_is('public', 'courses', 'certificate_template_id', 'uuid', 'courses.certificate_template_id is uuid');
select col_is_null('public', 'courses', 'certificate_template_id', 'courses.certificate_template_id may be null');
select col_type_is('public', 'courses', 'learning_objectives', 'text[]', 'courses.learning_objectives is text[]');
select col_not_null('public', 'courses', 'learning_objectives', 'courses.learning_objectives is not null');
select col_default_is(
  'public', 'courses', 'learning_objectives', '{}'::text[],
  'courses.learning_objectives defaults to {}'
);
select col_type_is('public', 'courses', 'competencies', 'text[]', 'courses.competencies is text[]');
select col_not_null('public', 'courses', 'competencies', 'courses.competencies is not null');
select col_default_is('public', 'courses', 'competencies', '{}'::text[], 'courses.competencies defaults to {}');
select col_type_is('public', 'courses', 'featured_case_ids', 'uuid[]', 'courses.featured_case_ids is uuid[]');
select col_not_null('public', 'courses', 'featured_case_ids', 'courses.featured_case_ids is not null');
select col_default_is(
  'public', 'courses', 'featured_case_ids', '{}'::uuid[],
  'courses.featured_case_ids defaults to {}'
);
select col_type_is('public', 'courses', 'created_by', 'uuid', 'courses.created_by is uuid');
select col_is_null('public', 'courses', 'created_by', 'courses.created_by may be null');
select col_type_is(
  'public', 'courses', 'created_at', 'timestamp with time zone',
  'courses.created_at is timestamp with time zone'
);
select col_not_null('public', 'courses', 'created_at', 'courses.created_at is not null');
select col_has_default('public', 'courses', 'created_at', 'courses.created_at has a default (now())');
select col_type_is(
  'public', 'courses', 'updated_at', 'timestamp with time zone',
  'courses.updated_at is timestamp with time zone'
);
select col_not_null('public', 'courses', 'updated_at', 'courses.updated_at is not null');
select col_has_default('public', 'courses', 'updated_at', 'courses.updated_at has a default (now())');
select col_type_is(
  'public', 'courses', 'published_at', 'timestamp with time zone',
  'courses.published_at is timestamp with time zone'
);
select col_is_null('public', 'courses', 'published_at', 'courses.published_at may be null');
select col_type_is(
  'public', 'courses', 'deleted_at', 'timestamp with time zone',
  'courses.deleted_at is timestamp with time zone'
);
select col_is_null('public', 'courses', 'deleted_at', 'courses.deleted_at may be null');

select has_pk('public', 'courses', 'courses has a primary key');
select col_is_pk('public', 'courses', array['id']::name[], 'the primary key of courses is (id)');
select has_index(
  'public', 'courses', 'courses_published_slug_key',
  'a published live course''s slug is unique among published live courses (courses_published_slug_key)'
);

select fk_ok(
  'public', 'courses',
  array['created_by']::name[],
  'public', 'profiles',
  array['id']::name[],
  'courses(created_by) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.courses'::regclass and conname
    = 'courses_created_by_fkey'$$,
  array['n'],
  'courses_created_by_fkey is on delete set null'
);

select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'courses_published_slug_key'$$,
  array['CREATE UNIQUE INDEX courses_published_slug_key ON public.courses USING btree (slug) '
    || 'WHERE (is_published AND (deleted_at IS NULL))'],
  'courses_published_slug_key has its definition'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'courses_draft_slug_key'$$,
  array['CREATE UNIQUE INDEX courses_draft_slug_key ON public.courses USING btree (created_by, slug) '
    || 'WHERE ((NOT is_published) AND (deleted_at IS NULL))'],
  'courses_draft_slug_key: a draft''s slug is unique among its author''s drafts (028)'
);
select has_index('public', 'courses', 'idx_courses_category', 'index idx_courses_category exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_courses_category'$$,
  array['CREATE INDEX idx_courses_category ON public.courses USING btree (category) WHERE (is_published = true)'],
  'idx_courses_category has its definition'
);
select has_index('public', 'courses', 'idx_courses_created_by', 'index idx_courses_created_by exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_courses_created_by'$$,
  array['CREATE INDEX idx_courses_created_by ON public.courses USING btree (created_by)'],
  'idx_courses_created_by has its definition'
);
select has_index('public', 'courses', 'idx_courses_level', 'index idx_courses_level exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_courses_level'$$,
  array['CREATE INDEX idx_courses_level ON public.courses USING btree (level) WHERE (is_published = true)'],
  'idx_courses_level has its definition'
);
select has_index('public', 'courses', 'idx_courses_published', 'index idx_courses_published exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_courses_published'$$,
  array['CREATE INDEX idx_courses_published ON public.courses USING btree (is_published, order_index)'],
  'idx_courses_published has its definition'
);
select has_index('public', 'courses', 'idx_courses_tags', 'index idx_courses_tags exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_courses_tags'$$,
  array['CREATE INDEX idx_courses_tags ON public.courses USING gin (tags)'],
  'idx_courses_tags has its definition'
);
select has_index('public', 'courses', 'idx_courses_tier', 'index idx_courses_tier exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_courses_tier'$$,
  array['CREATE INDEX idx_courses_tier ON public.courses USING btree (tier_required)'],
  'idx_courses_tier has its definition'
);

select has_trigger('public', 'courses', 'set_updated_at', 'courses has the trigger set_updated_at');
select trigger_is(
  'public', 'courses', 'set_updated_at', 'private', 'set_updated_at',
  'trigger courses.set_updated_at runs private.set_updated_at()'
);

-- lessons: structure -----------------------------------------------------------

select has_table('public', 'lessons', 'public.lessons exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.lessons'::regclass$$,
  array[true],
  'lessons has row level security enabled'
);
select columns_are('public', 'lessons', array[
  'id', 'course_id', 'title_en', 'title_fr', 'content_en', 'content_fr', 'lesson_type', 'order_index',
  'duration_minutes', 'video_url', 'audio_url', 'attachments', 'quiz_questions', 'pass_threshold', 'tribunal_case_id',
  'requires_completion', 'min_time_seconds', 'created_at', 'updated_at', 'quiz_attempts_per_day'
], 'lessons has exactly its 20 columns (quiz_attempts_per_day from 020)');

select col_type_is('public', 'lessons', 'id', 'uuid', 'lessons.id is uuid');
select col_not_null('public', 'lessons', 'id', 'lessons.id is not null');
select col_default_is('public', 'lessons', 'id', 'gen_random_uuid()'::text, 'lessons.id defaults to gen_random_uuid()');
select col_type_is('public', 'lessons', 'course_id', 'uuid', 'lessons.course_id is uuid');
select col_not_null('public', 'lessons', 'course_id', 'lessons.course_id is not null');
select col_type_is('public', 'lessons', 'title_en', 'text', 'lessons.title_en is text');
select col_not_null('public', 'lessons', 'title_en', 'lessons.title_en is not null');
select col_type_is('public', 'lessons', 'title_fr', 'text', 'lessons.title_fr is text');
select col_is_null('public', 'lessons', 'title_fr', 'lessons.title_fr may be null');
select col_type_is('public', 'lessons', 'content_en', 'text', 'lessons.content_en is text');
select col_is_null('public', 'lessons', 'content_en', 'lessons.content_en may be null');
select col_type_is('public', 'lessons', 'content_fr', 'text', 'lessons.content_fr is text');
select col_is_null('public', 'lessons', 'content_fr', 'lessons.content_fr may be null');
select col_type_is('public', 'lessons', 'lesson_type', 'text', 'lessons.lesson_type is text');
select col_not_null('public', 'lessons', 'lesson_type', 'lessons.lesson_type is not null');
select col_type_is('public', 'lessons', 'order_index', 'integer', 'lessons.order_index is integer');
select col_not_null('public', 'lessons', 'order_index', 'lessons.order_index is not null');
select col_type_is('public', 'lessons', 'duration_minutes', 'integer', 'lessons.duration_minutes is integer');
select col_is_null('public', 'lessons', 'duration_minutes', 'lessons.duration_minutes may be null');
select col_type_is('public', 'lessons', 'video_url', 'text', 'lessons.video_url is text');
select col_is_null('public', 'lessons', 'video_url', 'lessons.video_url may be null');
select col_type_is('public', 'lessons', 'audio_url', 'text', 'lessons.audio_url is text');
select col_is_null('public', 'lessons', 'audio_url', 'lessons.audio_url may be null');
select col_type_is('public', 'lessons', 'attachments', 'jsonb', 'lessons.attachments is jsonb');
select col_not_null('public', 'lessons', 'attachments', 'lessons.attachments is not null');
select col_default_is('public', 'lessons', 'attachments', '[]'::jsonb, 'lessons.attachments defaults to []');
select col_type_is('public', 'lessons', 'quiz_questions', 'jsonb', 'lessons.quiz_questions is jsonb');
select col_is_null('public', 'lessons', 'quiz_questions', 'lessons.quiz_questions may be null');
select col_type_is('public', 'lessons', 'pass_threshold', 'integer', 'lessons.pass_threshold is integer');
select col_not_null('public', 'lessons', 'pass_threshold', 'lessons.pass_threshold is not null');
select col_default_is('public', 'lessons', 'pass_threshold', 70::integer, 'lessons.pass_threshold defaults to 70');
select col_type_is('public', 'lessons', 'tribunal_case_id', 'uuid', 'lessons.tribunal_case_id is uuid');
select col_is_null('public', 'lessons', 'tribunal_case_id', 'lessons.tribunal_case_id may be null');
select col_type_is('public', 'lessons', 'requires_completion', 'boolean', 'lessons.requires_completion is boolean');
select col_not_null('public', 'lessons', 'requires_completion', 'lessons.requires_completion is not null');
select col_default_is(
  'public', 'lessons', 'requires_completion', true::boolean,
  'lessons.requires_completion defaults to true'
);
select col_type_is('public', 'lessons', 'min_time_seconds', 'integer', 'lessons.min_time_seconds is integer');
select col_is_null('public', 'lessons', 'min_time_seconds', 'lessons.min_time_seconds may be null');
select col_type_is(
  'public', 'lessons', 'created_at', 'timestamp with time zone',
  'lessons.created_at is timestamp with time zone'
);
select col_not_null('public', 'lessons', 'created_at', 'lessons.created_at is not null');
select col_has_default('public', 'lessons', 'created_at', 'lessons.created_at has a default (now())');
select col_type_is(
  'public', 'lessons', 'updated_at', 'timestamp with time zone',
  'lessons.updated_at is timestamp with time zone'
);
select col_not_null('public', 'lessons', 'updated_at', 'lessons.updated_at is not null');
select col_has_default('public', 'lessons', 'updated_at', 'lessons.updated_at has a default (now())');

select has_pk('public', 'lessons', 'lessons has a primary key');
select col_is_pk('public', 'lessons', array['id']::name[], 'the primary key of lessons is (id)');
select col_is_unique(
  'public', 'lessons',
  array['course_id', 'order_index']::name[],
  '(course_id, order_index) is unique in lessons (idx_lessons_course)'
);
select col_is_unique(
  'public', 'lessons',
  array['id', 'course_id']::name[],
  '(id, course_id) is unique in lessons (lessons_id_course_key)'
);

select fk_ok(
  'public', 'lessons',
  array['course_id']::name[],
  'public', 'courses',
  array['id']::name[],
  'lessons(course_id) references public.courses(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.lessons'::regclass and conname
    = 'lessons_course_id_fkey'$$,
  array['c'],
  'lessons_course_id_fkey is on delete cascade'
);
select fk_ok(
  'public', 'lessons',
  array['tribunal_case_id']::name[],
  'public', 'tribunal_cases',
  array['id']::name[],
  'lessons(tribunal_case_id) references public.tribunal_cases(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.lessons'::regclass and conname
    = 'lessons_tribunal_case_id_fkey'$$,
  array['a'],
  'lessons_tribunal_case_id_fkey is on delete no action'
);

select has_index('public', 'lessons', 'idx_lessons_case', 'index idx_lessons_case exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_lessons_case'$$,
  array['CREATE INDEX idx_lessons_case ON public.lessons USING btree (tribunal_case_id) WHERE (tribunal_case_id IS NOT '
    'NULL)'],
  'idx_lessons_case has its definition'
);
select has_index('public', 'lessons', 'idx_lessons_course', 'index idx_lessons_course exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_lessons_course'$$,
  array['CREATE UNIQUE INDEX idx_lessons_course ON public.lessons USING btree (course_id, order_index)'],
  'idx_lessons_course has its definition'
);
select has_index('public', 'lessons', 'idx_lessons_type', 'index idx_lessons_type exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_lessons_type'$$,
  array['CREATE INDEX idx_lessons_type ON public.lessons USING btree (lesson_type)'],
  'idx_lessons_type has its definition'
);
select has_index('public', 'lessons', 'lessons_id_course_key', 'index lessons_id_course_key exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'lessons_id_course_key'$$,
  array['CREATE UNIQUE INDEX lessons_id_course_key ON public.lessons USING btree (id, course_id)'],
  'lessons_id_course_key has its definition'
);

select has_trigger('public', 'lessons', 'maintain_lesson_count', 'lessons has the trigger maintain_lesson_count');
select trigger_is(
  'public', 'lessons', 'maintain_lesson_count', 'private', 'maintain_lesson_count',
  'trigger lessons.maintain_lesson_count runs private.maintain_lesson_count()'
);
select has_trigger('public', 'lessons', 'set_updated_at', 'lessons has the trigger set_updated_at');
select trigger_is(
  'public', 'lessons', 'set_updated_at', 'private', 'set_updated_at',
  'trigger lessons.set_updated_at runs private.set_updated_at()'
);

-- progress: structure ----------------------------------------------------------

select has_table('public', 'progress', 'public.progress exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.progress'::regclass$$,
  array[true],
  'progress has row level security enabled'
);
select columns_are(
  'public', 'progress',
  array['id', 'user_id', 'course_id', 'lesson_id', 'completion_percentage', 'lessons_completed', 'total_lessons',
    'quiz_attempts', 'quiz_best_score', 'quiz_last_score', 'quiz_passed', 'time_spent_seconds', 'started_at',
    'last_accessed', 'completed_at', 'bookmarked', 'notes', 'created_at', 'updated_at', 'organization_id'],
  'progress has exactly its 20 columns (organization_id from 021)'
);

select col_type_is('public', 'progress', 'id', 'uuid', 'progress.id is uuid');
select col_not_null('public', 'progress', 'id', 'progress.id is not null');
select col_default_is(
  'public', 'progress', 'id', 'gen_random_uuid()'::text,
  'progress.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'progress', 'user_id', 'uuid', 'progress.user_id is uuid');
select col_not_null('public', 'progress', 'user_id', 'progress.user_id is not null');
select col_type_is('public', 'progress', 'course_id', 'uuid', 'progress.course_id is uuid');
select col_not_null('public', 'progress', 'course_id', 'progress.course_id is not null');
select col_type_is('public', 'progress', 'lesson_id', 'uuid', 'progress.lesson_id is uuid');
select col_is_null('public', 'progress', 'lesson_id', 'progress.lesson_id may be null');
select col_type_is(
  'public', 'progress', 'completion_percentage', 'numeric(5,2)',
  'progress.completion_percentage is numeric(5,2)'
);
select col_not_null('public', 'progress', 'completion_percentage', 'progress.completion_percentage is not null');
select col_default_is(
  'public', 'progress', 'completion_percentage', 0::numeric,
  'progress.completion_percentage defaults to 0'
);
select col_type_is('public', 'progress', 'lessons_completed', 'integer', 'progress.lessons_completed is integer');
select col_not_null('public', 'progress', 'lessons_completed', 'progress.lessons_completed is not null');
select col_default_is(
  'public', 'progress', 'lessons_completed', 0::integer,
  'progress.lessons_completed defaults to 0'
);
select col_type_is('public', 'progress', 'total_lessons', 'integer', 'progress.total_lessons is integer');
select col_is_null('public', 'progress', 'total_lessons', 'progress.total_lessons may be null');
select col_type_is('public', 'progress', 'quiz_attempts', 'integer', 'progress.quiz_attempts is integer');
select col_not_null('public', 'progress', 'quiz_attempts', 'progress.quiz_attempts is not null');
select col_default_is('public', 'progress', 'quiz_attempts', 0::integer, 'progress.quiz_attempts defaults to 0');
select col_type_is('public', 'progress', 'quiz_best_score', 'numeric(5,2)', 'progress.quiz_best_score is numeric(5,2)');
select col_is_null('public', 'progress', 'quiz_best_score', 'progress.quiz_best_score may be null');
select col_type_is('public', 'progress', 'quiz_last_score', 'numeric(5,2)', 'progress.quiz_last_score is numeric(5,2)');
select col_is_null('public', 'progress', 'quiz_last_score', 'progress.quiz_last_score may be null');
select col_type_is('public', 'progress', 'quiz_passed', 'boolean', 'progress.quiz_passed is boolean');
select col_not_null('public', 'progress', 'quiz_passed', 'progress.quiz_passed is not null');
select col_default_is('public', 'progress', 'quiz_passed', false::boolean, 'progress.quiz_passed defaults to false');
select col_type_is('public', 'progress', 'time_spent_seconds', 'integer', 'progress.time_spent_seconds is integer');
select col_not_null('public', 'progress', 'time_spent_seconds', 'progress.time_spent_seconds is not null');
select col_default_is(
  'public', 'progress', 'time_spent_seconds', 0::integer,
  'progress.time_spent_seconds defaults to 0'
);
select col_type_is(
  'public', 'progress', 'started_at', 'timestamp with time zone',
  'progress.started_at is timestamp with time zone'
);
select col_not_null('public', 'progress', 'started_at', 'progress.started_at is not null');
select col_has_default('public', 'progress', 'started_at', 'progress.started_at has a default (now())');
select col_type_is(
  'public', 'progress', 'last_accessed', 'timestamp with time zone',
  'progress.last_accessed is timestamp with time zone'
);
select col_not_null('public', 'progress', 'last_accessed', 'progress.last_accessed is not null');
select col_has_default('public', 'progress', 'last_accessed', 'progress.last_accessed has a default (now())');
select col_type_is(
  'public', 'progress', 'completed_at', 'timestamp with time zone',
  'progress.completed_at is timestamp with time zone'
);
select col_is_null('public', 'progress', 'completed_at', 'progress.completed_at may be null');
select col_type_is('public', 'progress', 'bookmarked', 'boolean', 'progress.bookmarked is boolean');
select col_not_null('public', 'progress', 'bookmarked', 'progress.bookmarked is not null');
select col_default_is('public', 'progress', 'bookmarked', false::boolean, 'progress.bookmarked defaults to false');
select col_type_is('public', 'progress', 'notes', 'text', 'progress.notes is text');
select col_is_null('public', 'progress', 'notes', 'progress.notes may be null');
select col_type_is(
  'public', 'progress', 'created_at', 'timestamp with time zone',
  'progress.created_at is timestamp with time zone'
);
select col_not_null('public', 'progress', 'created_at', 'progress.created_at is not null');
select col_has_default('public', 'progress', 'created_at', 'progress.created_at has a default (now())');
select col_type_is(
  'public', 'progress', 'updated_at', 'timestamp with time zone',
  'progress.updated_at is timestamp with time zone'
);
select col_not_null('public', 'progress', 'updated_at', 'progress.updated_at is not null');
select col_has_default('public', 'progress', 'updated_at', 'progress.updated_at has a default (now())');

select has_pk('public', 'progress', 'progress has a primary key');
select col_is_pk('public', 'progress', array['id']::name[], 'the primary key of progress is (id)');
select col_is_unique(
  'public', 'progress',
  array['user_id', 'course_id', 'lesson_id']::name[],
  '(user_id, course_id, lesson_id) is unique in progress (progress_user_course_lesson_key)'
);

select fk_ok(
  'public', 'progress',
  array['course_id']::name[],
  'public', 'courses',
  array['id']::name[],
  'progress(course_id) references public.courses(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.progress'::regclass and conname
    = 'progress_course_id_fkey'$$,
  array['c'],
  'progress_course_id_fkey is on delete cascade'
);
select fk_ok(
  'public', 'progress',
  array['lesson_id', 'course_id']::name[],
  'public', 'lessons',
  array['id', 'course_id']::name[],
  'progress(lesson_id, course_id) references public.lessons(id, course_id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.progress'::regclass and conname
    = 'progress_lesson_in_course_fkey'$$,
  array['c'],
  'progress_lesson_in_course_fkey is on delete cascade'
);
select fk_ok(
  'public', 'progress',
  array['user_id']::name[],
  'public', 'profiles',
  array['id']::name[],
  'progress(user_id) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.progress'::regclass and conname
    = 'progress_user_id_fkey'$$,
  array['c'],
  'progress_user_id_fkey is on delete cascade'
);

select has_index('public', 'progress', 'idx_progress_completion', 'index idx_progress_completion exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_progress_completion'$$,
  array['CREATE INDEX idx_progress_completion ON public.progress USING btree (user_id, completion_percentage) WHERE '
    '(completion_percentage < (100)::numeric)'],
  'idx_progress_completion has its definition'
);
select has_index('public', 'progress', 'idx_progress_course', 'index idx_progress_course exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_progress_course'$$,
  array['CREATE INDEX idx_progress_course ON public.progress USING btree (course_id)'],
  'idx_progress_course has its definition'
);
select has_index('public', 'progress', 'idx_progress_lesson', 'index idx_progress_lesson exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_progress_lesson'$$,
  array['CREATE INDEX idx_progress_lesson ON public.progress USING btree (lesson_id, course_id) WHERE (lesson_id IS '
    'NOT NULL)'],
  'idx_progress_lesson has its definition'
);
select has_index('public', 'progress', 'idx_progress_user_recent', 'index idx_progress_user_recent exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_progress_user_recent'$$,
  array['CREATE INDEX idx_progress_user_recent ON public.progress USING btree (user_id, last_accessed DESC)'],
  'idx_progress_user_recent has its definition'
);
select has_index(
  'public', 'progress', 'progress_user_course_lesson_key',
  'index progress_user_course_lesson_key exists'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'progress_user_course_lesson_key'$$,
  array['CREATE UNIQUE INDEX progress_user_course_lesson_key ON public.progress USING btree (user_id, course_id, '
    'lesson_id) NULLS NOT DISTINCT'],
  'progress_user_course_lesson_key has its definition'
);

select has_trigger('public', 'progress', 'set_updated_at', 'progress has the trigger set_updated_at');
select trigger_is(
  'public', 'progress', 'set_updated_at', 'private', 'set_updated_at',
  'trigger progress.set_updated_at runs private.set_updated_at()'
);

-- certificates: structure ------------------------------------------------------

select has_table('public', 'certificates', 'public.certificates exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.certificates'::regclass$$,
  array[true],
  'certificates has row level security enabled'
);
select columns_are('public', 'certificates', array[
  'id', 'user_id', 'course_id', 'certificate_number', 'issued_date', 'expiry_date', 'final_score',
  'completion_time_hours', 'pdf_url', 'verification_url', 'status', 'revoked_at', 'revoked_reason', 'created_at',
  'verification_code', 'holder_name', 'course_title_en', 'course_title_fr', 'organization_id'
], 'certificates has exactly its 19 columns (verification_code from 016, name and titles as issued from 020, '
  || 'organization_id from 021)');

select col_type_is('public', 'certificates', 'id', 'uuid', 'certificates.id is uuid');
select col_not_null('public', 'certificates', 'id', 'certificates.id is not null');
select col_default_is(
  'public', 'certificates', 'id', 'gen_random_uuid()'::text,
  'certificates.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'certificates', 'user_id', 'uuid', 'certificates.user_id is uuid');
select col_not_null('public', 'certificates', 'user_id', 'certificates.user_id is not null');
select col_type_is('public', 'certificates', 'course_id', 'uuid', 'certificates.course_id is uuid');
select col_not_null('public', 'certificates', 'course_id', 'certificates.course_id is not null');
select col_type_is('public', 'certificates', 'certificate_number', 'text', 'certificates.certificate_number is text');
select col_not_null('public', 'certificates', 'certificate_number', 'certificates.certificate_number is not null');
select col_type_is('public', 'certificates', 'issued_date', 'date', 'certificates.issued_date is date');
select col_not_null('public', 'certificates', 'issued_date', 'certificates.issued_date is not null');
select col_default_is(
  'public', 'certificates', 'issued_date', 'CURRENT_DATE'::text,
  'certificates.issued_date defaults to CURRENT_DATE'
);
select col_type_is('public', 'certificates', 'expiry_date', 'date', 'certificates.expiry_date is date');
select col_is_null('public', 'certificates', 'expiry_date', 'certificates.expiry_date may be null');
select col_type_is('public', 'certificates', 'final_score', 'numeric(5,2)', 'certificates.final_score is numeric(5,2)');
select col_is_null('public', 'certificates', 'final_score', 'certificates.final_score may be null');
select col_type_is(
  'public', 'certificates', 'completion_time_hours', 'numeric(6,2)',
  'certificates.completion_time_hours is numeric(6,2)'
);
select col_is_null('public', 'certificates', 'completion_time_hours', 'certificates.completion_time_hours may be null');
select col_type_is('public', 'certificates', 'pdf_url', 'text', 'certificates.pdf_url is text');
select col_is_null('public', 'certificates', 'pdf_url', 'certificates.pdf_url may be null');
select col_type_is('public', 'certificates', 'verification_url', 'text', 'certificates.verification_url is text');
select col_is_null('public', 'certificates', 'verification_url', 'certificates.verification_url may be null');
select col_type_is('public', 'certificates', 'status', 'text', 'certificates.status is text');
select col_not_null('public', 'certificates', 'status', 'certificates.status is not null');
select col_default_is('public', 'certificates', 'status', 'active'::text, 'certificates.status defaults to ''active''');
select col_type_is(
  'public', 'certificates', 'revoked_at', 'timestamp with time zone',
  'certificates.revoked_at is timestamp with time zone'
);
select col_is_null('public', 'certificates', 'revoked_at', 'certificates.revoked_at may be null');
select col_type_is('public', 'certificates', 'revoked_reason', 'text', 'certificates.revoked_reason is text');
select col_is_null('public', 'certificates', 'revoked_reason', 'certificates.revoked_reason may be null');
select col_type_is(
  'public', 'certificates', 'created_at', 'timestamp with time zone',
  'certificates.created_at is timestamp with time zone'
);
select col_not_null('public', 'certificates', 'created_at', 'certificates.created_at is not null');
select col_has_default('public', 'certificates', 'created_at', 'certificates.created_at has a default (now())');

select has_pk('public', 'certificates', 'certificates has a primary key');
select col_is_pk('public', 'certificates', array['id']::name[], 'the primary key of certificates is (id)');
select col_is_unique(
  'public', 'certificates',
  array['user_id', 'course_id']::name[],
  '(user_id, course_id) is unique in certificates (certificates_user_id_course_id_key)'
);
select col_is_unique(
  'public', 'certificates',
  array['certificate_number']::name[],
  '(certificate_number) is unique in certificates (idx_certificates_number)'
);

select fk_ok(
  'public', 'certificates',
  array['course_id']::name[],
  'public', 'courses',
  array['id']::name[],
  'certificates(course_id) references public.courses(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.certificates'::regclass and conname
    = 'certificates_course_id_fkey'$$,
  array['r'],
  'certificates_course_id_fkey is on delete restrict'
);
select fk_ok(
  'public', 'certificates',
  array['user_id']::name[],
  'public', 'profiles',
  array['id']::name[],
  'certificates(user_id) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.certificates'::regclass and conname
    = 'certificates_user_id_fkey'$$,
  array['c'],
  'certificates_user_id_fkey is on delete cascade'
);

select has_index(
  'public', 'certificates', 'certificates_user_id_course_id_key',
  'index certificates_user_id_course_id_key exists'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'certificates_user_id_course_id_key'$$,
  array['CREATE UNIQUE INDEX certificates_user_id_course_id_key ON public.certificates USING btree (user_id, '
    'course_id)'],
  'certificates_user_id_course_id_key has its definition'
);
select has_index('public', 'certificates', 'idx_certificates_course', 'index idx_certificates_course exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_certificates_course'$$,
  array['CREATE INDEX idx_certificates_course ON public.certificates USING btree (course_id)'],
  'idx_certificates_course has its definition'
);
select has_index('public', 'certificates', 'idx_certificates_number', 'index idx_certificates_number exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_certificates_number'$$,
  array['CREATE UNIQUE INDEX idx_certificates_number ON public.certificates USING btree (certificate_number)'],
  'idx_certificates_number has its definition'
);
select has_index('public', 'certificates', 'idx_certificates_status', 'index idx_certificates_status exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_certificates_status'$$,
  array['CREATE INDEX idx_certificates_status ON public.certificates USING btree (status)'],
  'idx_certificates_status has its definition'
);
select has_index('public', 'certificates', 'idx_certificates_user', 'index idx_certificates_user exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_certificates_user'$$,
  array['CREATE INDEX idx_certificates_user ON public.certificates USING btree (user_id, issued_date DESC)'],
  'idx_certificates_user has its definition'
);

select has_trigger(
  'public', 'certificates', 'assign_certificate_number',
  'certificates has the trigger assign_certificate_number'
);
select trigger_is(
  'public', 'certificates', 'assign_certificate_number', 'private', 'assign_certificate_number',
  'trigger certificates.assign_certificate_number runs private.assign_certificate_number()'
);

-- courses: checks and keys --------------------------------------------------------

select throws_ok(
    $$insert into public.courses (title_en, slug, category, level, duration_minutes) values ('X', 'Bad Slug', 'Legal',
      'Advanced', 10)$$,
    '23514', 'new row for relation "courses" violates check constraint "courses_slug_check"',
    'a course slug that is not kebab-case is rejected'
);
select throws_ok(
    $$insert into public.courses (title_en, slug, category, level, duration_minutes) values ('X', 'x-cat', 'Cooking',
      'Advanced', 10)$$,
    '23514', 'new row for relation "courses" violates check constraint "courses_category_check"',
    'an unknown course category is rejected'
);
select lives_ok(
    $$insert into public.courses (title_en, slug, category, level, duration_minutes)
      select c, 'cat-' || lower(c), c, 'Advanced', 10
      from unnest(array['Foundations', 'Workplace', 'Legal', 'Leadership', 'Specialized', 'Certification']) as c$$,
    'each of the six course categories is accepted'
);
select throws_ok(
    $$insert into public.courses (title_en, slug, category, level, duration_minutes) values ('X', 'x-level', 'Legal',
      'Expert', 10)$$,
    '23514', 'new row for relation "courses" violates check constraint "courses_level_check"',
    'an unknown course level is rejected'
);
select lives_ok(
    $$insert into public.courses (title_en, slug, category, level, duration_minutes)
      select l, 'level-' || lower(l), 'Legal', l, 10
      from unnest(array['Introductory', 'Intermediate', 'Advanced', 'Specialized']) as l$$,
    'each of the four course levels is accepted'
);
select throws_ok(
    $$insert into public.courses (title_en, slug, category, level, duration_minutes, tier_required)
      values ('X', 'x-tier', 'Legal', 'Advanced', 10, 'custom')$$,
    '23514', 'new row for relation "courses" violates check constraint "courses_tier_required_check"',
    'a course cannot require the custom tier (only free, professional, enterprise)'
);
select lives_ok(
    $$insert into public.courses (title_en, slug, category, level, duration_minutes, tier_required)
      select t, 'tier-' || t, 'Legal', 'Advanced', 10, t
      from unnest(array['free', 'professional', 'enterprise']) as t$$,
    'a course may require the free, professional or enterprise tier'
);
select throws_ok(
    $$insert into public.courses (title_en, slug, category, level, duration_minutes) values ('X', 'x-duration', 'Legal',
      'Advanced', 0)$$,
    '23514', 'new row for relation "courses" violates check constraint "courses_duration_minutes_check"',
    'a course of zero minutes is rejected'
);
select throws_ok(
    $$insert into public.courses (title_en, slug, category, level, duration_minutes, estimated_hours)
      values ('X', 'x-hours', 'Legal', 'Advanced', 10, -0.01)$$,
    '23514', 'new row for relation "courses" violates check constraint "courses_estimated_hours_check"',
    'negative estimated hours are rejected'
);
select throws_ok(
    $$insert into public.courses (title_en, slug, category, level, duration_minutes, lesson_count)
      values ('X', 'x-count', 'Legal', 'Advanced', 10, -1)$$,
    '23514', 'new row for relation "courses" violates check constraint "courses_lesson_count_check"',
    'a negative lesson count is rejected'
);
select throws_ok(
    $$insert into public.courses (title_en, slug, category, level, duration_minutes, points_value)
      values ('X', 'x-points', 'Legal', 'Advanced', 10, -1)$$,
    '22023', 'points_value must be a whole number from 0 to 10000, not -1',
    'a negative points value is rejected (22023, 028)'
);
select lives_ok(
    $$insert into public.courses (title_en, slug, category, level, duration_minutes, estimated_hours, points_value)
      values ('Edge', 'edge-2', 'Legal', 'Advanced', 1, 0, 0)$$,
    'a one-minute course worth zero points and zero hours is accepted'
);
select throws_ok(
    $$insert into public.courses (title_en, slug, category, level, duration_minutes, created_by) values ('X',
      'foundations', 'Legal', 'Advanced', 10, '00000000-0000-0000-0000-0000000000a2')$$,
    '23505', 'the slug ''foundations'' is already used by a published course or by one of your drafts',
    'an author''s two drafts cannot share a slug (028: another author''s draft reserves none)'
);
select throws_ok(
    $$insert into public.courses (title_en, slug, category, level, duration_minutes, created_by)
      values ('X', 'x-author', 'Legal', 'Advanced', 10, '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "courses" violates foreign key constraint "courses_created_by_fkey"',
    'a course author must be an existing profile'
);

-- lessons: checks and keys --------------------------------------------------------

select throws_ok(
    $$insert into public.lessons (course_id, title_en, lesson_type,
      order_index) values ('00000000-0000-0000-0000-0000000000c1', 'X', 'podcast', 10)$$,
    '23514', 'new row for relation "lessons" violates check constraint "lessons_lesson_type_check"',
    'an unknown lesson type is rejected'
);
select lives_ok(
    $$insert into public.lessons (course_id, title_en, lesson_type, order_index)
      select '00000000-0000-0000-0000-0000000000c2', t, t, 10 + i
      from unnest(array['video', 'reading', 'quiz', 'interactive', 'case_study']) with ordinality as u (t, i)$$,
    'each of the five lesson types is accepted'
);
select throws_ok(
    $$insert into public.lessons (course_id, title_en, lesson_type, order_index, duration_minutes)
      values ('00000000-0000-0000-0000-0000000000c1', 'X', 'video', 10, 0)$$,
    '23514', 'new row for relation "lessons" violates check constraint "lessons_duration_minutes_check"',
    'a lesson of zero minutes is rejected'
);
select throws_ok(
    $$insert into public.lessons (course_id, title_en, lesson_type, order_index, pass_threshold)
      values ('00000000-0000-0000-0000-0000000000c1', 'X', 'quiz', 10, 101)$$,
    '23514', 'new row for relation "lessons" violates check constraint "lessons_pass_threshold_check"',
    'a pass threshold above 100 is rejected'
);
select throws_ok(
    $$insert into public.lessons (course_id, title_en, lesson_type, order_index, pass_threshold)
      values ('00000000-0000-0000-0000-0000000000c1', 'X', 'quiz', 10, -1)$$,
    '23514', 'new row for relation "lessons" violates check constraint "lessons_pass_threshold_check"',
    'a negative pass threshold is rejected'
);
select lives_ok(
    $$insert into public.lessons (course_id, title_en, lesson_type, order_index, pass_threshold, duration_minutes,
      min_time_seconds) values
      ('00000000-0000-0000-0000-0000000000c1', 'Easy', 'quiz', 10, 0, 1, 0),
      ('00000000-0000-0000-0000-0000000000c1', 'Hard', 'quiz', 11, 100, 1, 0)$$,
    'pass thresholds of 0 and 100, one minute and zero seconds are accepted'
);
select throws_ok(
    $$insert into public.lessons (course_id, title_en, lesson_type, order_index, min_time_seconds)
      values ('00000000-0000-0000-0000-0000000000c1', 'X', 'video', 12, -1)$$,
    '23514', 'new row for relation "lessons" violates check constraint "lessons_min_time_seconds_check"',
    'a negative minimum time is rejected'
);
select throws_ok(
    $$insert into public.lessons (course_id, title_en, lesson_type,
      order_index) values ('00000000-0000-0000-0000-0000000000c1', 'X', 'video', 1)$$,
    '23505', 'duplicate key value violates unique constraint "idx_lessons_course"',
    'two lessons of a course cannot share a position'
);
select lives_ok(
    $$insert into public.lessons (course_id, title_en, lesson_type,
      order_index) values ('00000000-0000-0000-0000-0000000000c2', 'X', 'video', 2)$$,
    'lessons of different courses may share a position'
);
select throws_ok(
    $$insert into public.lessons (course_id, title_en, lesson_type,
      order_index) values ('00000000-0000-0000-0000-0000000000ff', 'X', 'video', 1)$$,
    '23503', 'insert or update on table "lessons" violates foreign key constraint "lessons_course_id_fkey"',
    'a lesson must belong to an existing course'
);
select throws_ok(
    $$insert into public.lessons (course_id, title_en, lesson_type, order_index, tribunal_case_id)
      values ('00000000-0000-0000-0000-0000000000c1', 'X', 'case_study', 20, '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "lessons" violates foreign key constraint "lessons_tribunal_case_id_fkey"',
    'a case study must name an existing tribunal case'
);

-- progress: checks and keys -------------------------------------------------------

select lives_ok(
    $$insert into public.progress (user_id, course_id, lesson_id, completion_percentage) values
      ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c1', null, 0)$$,
    'a course-level progress row (lesson_id null) at 0 percent is accepted'
);
select throws_ok(
    $$insert into public.progress (user_id, course_id, lesson_id) values
      ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c1', null)$$,
    '23505', 'duplicate key value violates unique constraint "progress_user_course_lesson_key"',
    'a second course-level row for the same learner and course is rejected (nulls not distinct)'
);
select lives_ok(
    $$insert into public.progress (user_id, course_id, lesson_id, completion_percentage) values
      ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c1',
        '00000000-0000-0000-0000-0000000000d1', 100),
      ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c1',
        '00000000-0000-0000-0000-0000000000d2', 50)$$,
    'two lesson rows for two lessons of the course are accepted, at 100 and 50 percent'
);
select throws_ok(
    $$insert into public.progress (user_id, course_id, lesson_id) values
      ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c1',
        '00000000-0000-0000-0000-0000000000d1')$$,
    '23505', 'duplicate key value violates unique constraint "progress_user_course_lesson_key"',
    'a second row for the same learner and lesson is rejected'
);
select lives_ok(
    $$insert into public.progress (user_id, course_id, lesson_id) values
      ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000c1', null),
      ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c2', null)$$,
    'another learner, or another course, has its own course-level row'
);
select throws_ok(
    $$insert into public.progress (user_id, course_id, lesson_id) values
      ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c1',
        '00000000-0000-0000-0000-0000000000d3')$$,
    '23503', 'insert or update on table "progress" violates foreign key constraint "progress_lesson_in_course_fkey"',
    'a progress row cannot name a lesson of another course'
);
select throws_ok(
    $$insert into public.progress (user_id, course_id, lesson_id) values
      ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c1',
        '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "progress" violates foreign key constraint "progress_lesson_in_course_fkey"',
    'a progress row cannot name a lesson that does not exist'
);
select throws_ok(
    $$insert into public.progress (user_id, course_id) values ('00000000-0000-0000-0000-0000000000ff',
      '00000000-0000-0000-0000-0000000000c2')$$,
    '23503', 'insert or update on table "progress" violates foreign key constraint "progress_user_id_fkey"',
    'progress must belong to an existing profile'
);
select throws_ok(
    $$insert into public.progress (user_id, course_id) values ('00000000-0000-0000-0000-0000000000a2',
      '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "progress" violates foreign key constraint "progress_course_id_fkey"',
    'progress must be in an existing course'
);
select throws_ok(
    $$update public.progress set completion_percentage = 100.01
      where user_id = '00000000-0000-0000-0000-0000000000a1' and course_id = '00000000-0000-0000-0000-0000000000c1'
        and lesson_id is null$$,
    '23514', 'new row for relation "progress" violates check constraint "progress_completion_percentage_check"',
    'a completion above 100 percent is rejected'
);
select throws_ok(
    $$update public.progress set completion_percentage = -0.01
      where user_id = '00000000-0000-0000-0000-0000000000a1' and course_id = '00000000-0000-0000-0000-0000000000c1'
        and lesson_id is null$$,
    '23514', 'new row for relation "progress" violates check constraint "progress_completion_percentage_check"',
    'a negative completion is rejected'
);
select throws_ok(
    $$update public.progress set quiz_best_score = 100.01
      where user_id = '00000000-0000-0000-0000-0000000000a1' and course_id = '00000000-0000-0000-0000-0000000000c1'
        and lesson_id is null$$,
    '23514', 'new row for relation "progress" violates check constraint "progress_quiz_best_score_check"',
    'a best quiz score above 100 is rejected'
);
select throws_ok(
    $$update public.progress set quiz_best_score = -1
      where user_id = '00000000-0000-0000-0000-0000000000a1' and course_id = '00000000-0000-0000-0000-0000000000c1'
        and lesson_id is null$$,
    '23514', 'new row for relation "progress" violates check constraint "progress_quiz_best_score_check"',
    'a negative best quiz score is rejected'
);
select throws_ok(
    $$update public.progress set quiz_last_score = 100.5
      where user_id = '00000000-0000-0000-0000-0000000000a1' and course_id = '00000000-0000-0000-0000-0000000000c1'
        and lesson_id is null$$,
    '23514', 'new row for relation "progress" violates check constraint "progress_quiz_last_score_check"',
    'a last quiz score above 100 is rejected'
);
select throws_ok(
    $$update public.progress set quiz_last_score = -0.5
      where user_id = '00000000-0000-0000-0000-0000000000a1' and course_id = '00000000-0000-0000-0000-0000000000c1'
        and lesson_id is null$$,
    '23514', 'new row for relation "progress" violates check constraint "progress_quiz_last_score_check"',
    'a negative last quiz score is rejected'
);
select lives_ok(
    $$update public.progress set quiz_best_score = 100, quiz_last_score = 0, completion_percentage = 100
      where user_id = '00000000-0000-0000-0000-0000000000a1' and course_id = '00000000-0000-0000-0000-0000000000c1'
        and lesson_id is null$$,
    'quiz scores of 0 and 100 and a completion of 100 percent are accepted'
);
select throws_ok(
    $$update public.progress set lessons_completed = -1 where user_id = '00000000-0000-0000-0000-0000000000a2'$$,
    '23514', 'new row for relation "progress" violates check constraint "progress_lessons_completed_check"',
    'a negative count of completed lessons is rejected'
);
select throws_ok(
    $$update public.progress set total_lessons = -1 where user_id = '00000000-0000-0000-0000-0000000000a2'$$,
    '23514', 'new row for relation "progress" violates check constraint "progress_total_lessons_check"',
    'a negative total of lessons is rejected'
);
select throws_ok(
    $$update public.progress set quiz_attempts = -1 where user_id = '00000000-0000-0000-0000-0000000000a2'$$,
    '23514', 'new row for relation "progress" violates check constraint "progress_quiz_attempts_check"',
    'a negative number of quiz attempts is rejected'
);
select throws_ok(
    $$update public.progress set time_spent_seconds = -1 where user_id = '00000000-0000-0000-0000-0000000000a2'$$,
    '23514', 'new row for relation "progress" violates check constraint "progress_time_spent_seconds_check"',
    'a negative time spent is rejected'
);

-- certificates: checks and keys ---------------------------------------------------

select lives_ok(
    $$insert into public.certificates (user_id, course_id, certificate_number, final_score, completion_time_hours)
      values ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000c1', 'ABR-1999-000001', 100,
        0)$$,
    'a certificate numbered ABR-YYYY-NNNNNN with a final score of 100 is accepted'
);
select throws_ok(
    $$insert into public.certificates (user_id, course_id, certificate_number)
      values ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000c1', 'ABR-99-0001')$$,
    '23514', 'new row for relation "certificates" violates check constraint "certificates_certificate_number_check"',
    'a certificate number not of the form ABR-YYYY-NNNNNN is rejected'
);
select throws_ok(
    $$insert into public.certificates (user_id, course_id, certificate_number)
      values ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000c1', 'abr-1999-000002')$$,
    '23514', 'new row for relation "certificates" violates check constraint "certificates_certificate_number_check"',
    'a certificate number with a lower-case prefix is rejected'
);
select throws_ok(
    $$insert into public.certificates (user_id, course_id, certificate_number)
      values ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000c1', 'ABR-1999-000001')$$,
    '23505', 'duplicate key value violates unique constraint "idx_certificates_number"',
    'two certificates cannot share a number'
);
select throws_ok(
    $$insert into public.certificates (user_id, course_id) values ('00000000-0000-0000-0000-0000000000a1',
      '00000000-0000-0000-0000-0000000000c1')$$,
    '23505', 'duplicate key value violates unique constraint "certificates_user_id_course_id_key"',
    'a learner gets one certificate per course'
);
select throws_ok(
    $$insert into public.certificates (user_id, course_id, status) values ('00000000-0000-0000-0000-0000000000a2',
      '00000000-0000-0000-0000-0000000000c1', 'pending')$$,
    '23514', 'new row for relation "certificates" violates check constraint "certificates_status_check"',
    'an unknown certificate status is rejected'
);
select throws_ok(
    $$insert into public.certificates (user_id, course_id, final_score) values ('00000000-0000-0000-0000-0000000000a2',
      '00000000-0000-0000-0000-0000000000c1', 100.01)$$,
    '23514', 'new row for relation "certificates" violates check constraint "certificates_final_score_check"',
    'a final score above 100 is rejected'
);
select throws_ok(
    $$insert into public.certificates (user_id, course_id, final_score) values ('00000000-0000-0000-0000-0000000000a2',
      '00000000-0000-0000-0000-0000000000c1', -0.01)$$,
    '23514', 'new row for relation "certificates" violates check constraint "certificates_final_score_check"',
    'a negative final score is rejected'
);
select throws_ok(
    $$insert into public.certificates (user_id, course_id, completion_time_hours)
      values ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000c1', -1)$$,
    '23514', 'new row for relation "certificates" violates check constraint "certificates_completion_time_hours_check"',
    'a negative completion time is rejected'
);
select throws_ok(
    $$insert into public.certificates (user_id, course_id, issued_date, expiry_date)
      values ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000c1', '2025-06-01',
        '2025-05-31')$$,
    '23514', 'new row for relation "certificates" violates check constraint "certificates_expiry_after_issue"',
    'a certificate cannot expire before it is issued'
);
select throws_ok(
    $$insert into public.certificates (user_id, course_id, status) values ('00000000-0000-0000-0000-0000000000a2',
      '00000000-0000-0000-0000-0000000000c1', 'revoked')$$,
    '23514', 'new row for relation "certificates" violates check constraint "certificates_revoked_has_date"',
    'a revoked certificate must say when it was revoked'
);
select lives_ok(
    $$insert into public.certificates (user_id, course_id, status, revoked_at, revoked_reason, issued_date, expiry_date,
      final_score)
      values ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-0000000000c1', 'revoked', now(), 'test',
        '2025-06-01', '2025-06-01', 0)$$,
    'a revoked certificate with its date, expiring the day it is issued, with a score of 0, is accepted'
);
select throws_ok(
    $$insert into public.certificates (user_id, course_id) values ('00000000-0000-0000-0000-0000000000ff',
      '00000000-0000-0000-0000-0000000000c2')$$,
    '23503', 'insert or update on table "certificates" violates foreign key constraint "certificates_user_id_fkey"',
    'a certificate must belong to an existing profile'
);
select throws_ok(
    $$insert into public.certificates (user_id, course_id) values ('00000000-0000-0000-0000-0000000000a1',
      '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "certificates" violates foreign key constraint "certificates_course_id_fkey"',
    'a certificate must be for an existing course'
);

select * from finish();
rollback;
