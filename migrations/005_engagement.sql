/*
  005_engagement: what a learner keeps and receives: AI coaching sessions,
  bookmarks, saved searches, notifications, and the resource library.
*/

-- ai_coaching_sessions ----------------------------------------------------------

create table public.ai_coaching_sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,

  -- Session info
  session_type text not null check (session_type in (
    'comprehensive', 'at_risk', 'learning_path', 'motivation', 'custom'
  )),

  -- Input: {progress, achievements, recent_activity}
  user_query text,
  user_context jsonb,

  -- AI response
  ai_response text not null,
  ai_model text, -- 'gpt-4o', 'claude-3-opus'
  ai_prompt text,

  -- Recommendations: [{action, priority, reason}]
  recommended_actions jsonb,
  recommended_courses uuid [] not null default '{}',

  -- Feedback
  user_rating integer check (user_rating between 1 and 5),
  was_helpful boolean, -- null: not answered
  user_feedback text,

  -- Metadata
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.ai_coaching_sessions is
'AI coach interactions with a learner and their recommendations; the learner may rate them.';

create index idx_coaching_user on public.ai_coaching_sessions (user_id, created_at desc);
create index idx_coaching_type on public.ai_coaching_sessions (session_type);

create trigger set_updated_at before update on public.ai_coaching_sessions
for each row execute function private.set_updated_at();

alter table public.ai_coaching_sessions enable row level security;

-- bookmarks ---------------------------------------------------------------------

create table public.bookmarks (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,

  -- The bookmarked item: polymorphic, so no foreign key
  resource_type text not null check (resource_type in ('tribunal_case', 'course', 'lesson', 'resource', 'article')),
  resource_id uuid not null,

  -- Notes
  notes text,
  tags text [] not null default '{}',

  -- Organization
  folder text not null default 'default',
  is_favorite boolean not null default false,

  -- Metadata
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),

  unique (user_id, resource_type, resource_id)
);

comment on table public.bookmarks is
'A learner''s bookmarks of cases, courses, lessons, resources and articles.';

create index idx_bookmarks_user on public.bookmarks (user_id, created_at desc);
create index idx_bookmarks_resource on public.bookmarks (resource_type, resource_id);

create trigger set_updated_at before update on public.bookmarks
for each row execute function private.set_updated_at();

alter table public.bookmarks enable row level security;

-- saved_searches ----------------------------------------------------------------

create table public.saved_searches (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,

  -- Search info
  name text not null,
  description text,

  -- Every filter value from the data explorer
  filters jsonb not null,

  -- Usage
  use_count integer not null default 0 check (use_count >= 0),
  last_used timestamptz,

  -- Notifications
  notify_on_new_results boolean not null default false,

  -- Metadata
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.saved_searches is
'A learner''s saved data-explorer searches.';

create index idx_saved_searches_user on public.saved_searches (user_id, last_used desc nulls last);

create trigger set_updated_at before update on public.saved_searches
for each row execute function private.set_updated_at();

alter table public.saved_searches enable row level security;

-- notifications -----------------------------------------------------------------

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,

  -- Content
  type text not null check (type in (
    'course_assigned', 'course_completed', 'certificate_earned', 'badge_unlocked',
    'streak_milestone', 'new_content', 'system', 'coaching_tip', 'deadline_reminder'
  )),
  title text not null,
  message text not null,

  -- Links
  link_url text,
  link_text text,

  -- Status
  read boolean not null default false,
  read_at timestamptz,

  -- Priority
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),

  -- Metadata
  created_at timestamptz not null default now(),
  expires_at timestamptz default now() + interval '30 days' -- null: never expires
);

comment on table public.notifications is
'In-app notifications. Created by triggers, RPCs and the service role; a user may only mark their own as read.';

create index idx_notifications_user on public.notifications (user_id, read, created_at desc);
create index idx_notifications_expires on public.notifications (expires_at) where read = false;

alter table public.notifications enable row level security;

-- resources ---------------------------------------------------------------------

create table public.resources (
  id uuid primary key default gen_random_uuid(),

  -- Info (bilingual)
  title_en text not null,
  title_fr text,
  description_en text,
  description_fr text,

  -- Classification
  category text not null check (category in (
    'Template', 'Guide', 'Toolkit', 'Policy', 'Checklist', 'Report', 'Research', 'Other'
  )),
  tags text [] not null default '{}',

  -- File
  file_url text not null,
  file_type text, -- 'pdf', 'docx', 'xlsx', 'pptx'
  file_size_bytes integer check (file_size_bytes >= 0),

  -- Access. tier_required is unchecked in the spec; access rules compare it
  -- with the learner's tier, so it takes the values courses.tier_required takes.
  is_published boolean not null default false,
  tier_required text not null default 'free' check (tier_required in ('free', 'professional', 'enterprise')),

  -- Analytics
  download_count integer not null default 0 check (download_count >= 0),

  -- Metadata
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.resources is
'Downloadable templates, guides and toolkits. File URLs are served only to learners whose tier allows them.';

create index idx_resources_category on public.resources (category) where is_published = true;
create index idx_resources_tags on public.resources using gin (tags);
create index idx_resources_created_by on public.resources (created_by);

create trigger set_updated_at before update on public.resources
for each row execute function private.set_updated_at();

alter table public.resources enable row level security;
