-- requires: rpc_functions/04_lesson_guards.sql
-- requires: rpc_functions/05_certificate_guards.sql
-- previous-sha256: c8400a2ef86283336f66c7aeb754075a06ddd4fcd2fd052d391722dd1eb1e0d4
/*
  002_learning: the catalog and each learner's path through it.

  Courses hold lessons; progress records a learner's course-level progress
  (lesson_id null) and per-lesson progress; a certificate is awarded once per
  learner and course, with a number the database assigns.
*/

-- courses -----------------------------------------------------------------------

create table public.courses (
  id uuid primary key default gen_random_uuid(),

  -- Content (bilingual)
  title_en text not null,
  title_fr text,
  description_en text,
  description_fr text,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),

  -- Classification
  category text not null check (category in (
    'Foundations', 'Workplace', 'Legal', 'Leadership', 'Specialized', 'Certification'
  )),
  level text not null check (level in ('Introductory', 'Intermediate', 'Advanced', 'Specialized')),
  tags text [] not null default '{}',
  keywords text [] not null default '{}',

  -- Structure
  duration_minutes integer not null check (duration_minutes > 0),
  estimated_hours decimal(4, 2) check (estimated_hours >= 0),
  lesson_count integer not null default 0 check (lesson_count >= 0), -- kept by a trigger on lessons
  order_index integer not null default 0,

  -- Media
  thumbnail_url text,
  video_intro_url text,

  -- Access control
  is_published boolean not null default false,
  tier_required text not null default 'free' check (tier_required in ('free', 'professional', 'enterprise')),
  prerequisite_course_ids uuid [] not null default '{}',

  -- Gamification
  points_value integer not null default 100 check (points_value >= 0),
  certificate_template_id uuid,

  -- Learning outcomes
  learning_objectives text [] not null default '{}',
  competencies text [] not null default '{}',

  -- Tribunal case links
  featured_case_ids uuid [] not null default '{}',

  -- Metadata. The spec leaves created_by without an ON DELETE rule, which
  -- would make deleting an author's account fail: a course outlives its author.
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  deleted_at timestamptz
);

comment on table public.courses is
'Training courses on anti-Black racism, in English and French. Readable by clients only when published; soft-deleted with deleted_at.';

create index idx_courses_category on public.courses (category) where is_published = true;
create index idx_courses_level on public.courses (level) where is_published = true;
create index idx_courses_tier on public.courses (tier_required);
create index idx_courses_published on public.courses (is_published, order_index);
create index idx_courses_tags on public.courses using gin (tags);
create index idx_courses_created_by on public.courses (created_by);

create trigger set_updated_at before update on public.courses
for each row execute function private.set_updated_at();

alter table public.courses enable row level security;

-- lessons -----------------------------------------------------------------------

create table public.lessons (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references public.courses (id) on delete cascade,

  -- Content (bilingual), Markdown or HTML
  title_en text not null,
  title_fr text,
  content_en text,
  content_fr text,

  -- Structure
  lesson_type text not null check (lesson_type in ('video', 'reading', 'quiz', 'interactive', 'case_study')),
  order_index integer not null,
  duration_minutes integer check (duration_minutes > 0),

  -- Media
  video_url text,
  audio_url text,
  attachments jsonb not null default '[]'::jsonb, -- [{name, url, type, size}]

  -- Quiz data (lesson_type = 'quiz'): [{question, options, correct_answer, explanation}]
  quiz_questions jsonb,
  pass_threshold integer not null default 70 check (pass_threshold between 0 and 100), -- percentage

  -- Case study (lesson_type = 'case_study'). Its foreign key to
  -- tribunal_cases is added in 008_forward_keys.
  tribunal_case_id uuid,

  -- Completion criteria
  requires_completion boolean not null default true,
  min_time_seconds integer check (min_time_seconds >= 0), -- minimum time to spend

  -- Metadata
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),

  -- The spec's idx_lessons_course (course_id, order_index) is exactly the
  -- index of this unique key: the constraint carries its name.
  constraint idx_lessons_course unique (course_id, order_index),
  -- Lets progress rows name (lesson, course) pairs that really belong together.
  constraint lessons_id_course_key unique (id, course_id)
);

comment on table public.lessons is
'Lessons of a course, in order. Quiz answers in quiz_questions are never served to clients: quizzes are scored by an RPC.';

create index idx_lessons_type on public.lessons (lesson_type);
create index idx_lessons_case on public.lessons (tribunal_case_id) where tribunal_case_id is not null;

create trigger set_updated_at before update on public.lessons
for each row execute function private.set_updated_at();

alter table public.lessons enable row level security;

-- courses.lesson_count is denormalized: keep it true. Row-level increments
-- lock the course row, so concurrent lesson inserts count correctly.

create trigger maintain_lesson_count
after insert or delete or update of course_id on public.lessons
for each row execute function private.maintain_lesson_count();

-- progress ----------------------------------------------------------------------

create table public.progress (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  course_id uuid not null references public.courses (id) on delete cascade,
  -- Null for the learner's course-level row. The spec says ON DELETE SET
  -- NULL, which would turn a deleted lesson's row into a second course-level
  -- row (or, with the unique key below, make the lesson undeletable). A
  -- lesson's progress goes with the lesson; the course-level row keeps the
  -- totals. The pair (lesson_id, course_id) must be a lesson of that course.
  lesson_id uuid,

  -- Progress metrics
  completion_percentage decimal(5, 2) not null default 0 check (completion_percentage between 0 and 100),
  lessons_completed integer not null default 0 check (lessons_completed >= 0),
  total_lessons integer check (total_lessons >= 0),

  -- Quiz performance (percentages)
  quiz_attempts integer not null default 0 check (quiz_attempts >= 0),
  quiz_best_score decimal(5, 2) check (quiz_best_score between 0 and 100),
  quiz_last_score decimal(5, 2) check (quiz_last_score between 0 and 100),
  quiz_passed boolean not null default false,

  -- Time tracking
  time_spent_seconds integer not null default 0 check (time_spent_seconds >= 0),
  started_at timestamptz not null default now(),
  last_accessed timestamptz not null default now(),
  completed_at timestamptz,

  -- Bookmarks and notes
  bookmarked boolean not null default false,
  notes text,

  -- Metadata
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),

  constraint progress_lesson_in_course_fkey foreign key (lesson_id, course_id)
  references public.lessons (id, course_id) on delete cascade,
  -- The spec's UNIQUE(user_id, course_id, lesson_id) lets any number of
  -- course-level rows (lesson_id null) coexist, since NULLs are distinct.
  -- NULLS NOT DISTINCT (PostgreSQL 15) makes that row unique per user and course.
  constraint progress_user_course_lesson_key unique nulls not distinct (user_id, course_id, lesson_id)
);

comment on table public.progress is
'A learner''s progress: one course-level row (lesson_id null) per course, plus one row per lesson. Written only through RPCs.';

-- idx_progress_user (user_id, last_accessed desc) is defined again under
-- "Critical Indexes" as idx_progress_user_recent: one index, in 010_indexes.
-- idx_progress_user_course (user_id, course_id) is the leading part of the
-- unique key above, which serves it: not created twice.
create index idx_progress_course on public.progress (course_id);
create index idx_progress_lesson on public.progress (lesson_id, course_id) where lesson_id is not null;

create trigger set_updated_at before update on public.progress
for each row execute function private.set_updated_at();

alter table public.progress enable row level security;

-- certificates ------------------------------------------------------------------

create sequence private.certificate_number_seq as bigint;

comment on sequence private.certificate_number_seq is
'The NNNNNN of certificate numbers ABR-YYYY-NNNNNN.';

create table public.certificates (
  id uuid primary key default gen_random_uuid(),

  -- User and course. RESTRICT: a course with certificates cannot be deleted.
  user_id uuid not null references public.profiles (id) on delete cascade,
  course_id uuid not null references public.courses (id) on delete restrict,

  -- Certificate info. The number is assigned by the trigger below.
  certificate_number text not null check (certificate_number ~ '^ABR-[0-9]{4}-[0-9]{6,}$'),
  issued_date date not null default current_date,
  expiry_date date, -- null: does not expire

  -- Performance
  final_score decimal(5, 2) check (final_score between 0 and 100),
  completion_time_hours decimal(6, 2) check (completion_time_hours >= 0),

  -- Files
  pdf_url text,
  verification_url text, -- public verification page

  -- Status
  status text not null default 'active' check (status in ('active', 'revoked', 'expired')),
  revoked_at timestamptz,
  revoked_reason text,

  -- Metadata
  created_at timestamptz not null default now(),

  -- The spec's idx_certificates_number is exactly this unique key's index.
  constraint idx_certificates_number unique (certificate_number),
  unique (user_id, course_id),
  constraint certificates_expiry_after_issue check (expiry_date >= issued_date),
  constraint certificates_revoked_has_date check (status <> 'revoked' or revoked_at is not null)
);

comment on table public.certificates is
'Certificates awarded on course completion, numbered ABR-YYYY-NNNNNN by the database. Read-only for clients; verifiable by number through an RPC.';

create index idx_certificates_user on public.certificates (user_id, issued_date desc);
create index idx_certificates_course on public.certificates (course_id);
create index idx_certificates_status on public.certificates (status);

create trigger assign_certificate_number before insert on public.certificates
for each row execute function private.assign_certificate_number();

alter table public.certificates enable row level security;
