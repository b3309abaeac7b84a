/*
  003_gamification: points, streaks, badges and curated learning paths.
*/

-- user_achievements -------------------------------------------------------------

create table public.user_achievements (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null unique references public.profiles (id) on delete cascade,

  -- Points
  total_points integer not null default 0 check (total_points >= 0),
  weekly_points integer not null default 0 check (weekly_points >= 0),
  monthly_points integer not null default 0 check (monthly_points >= 0),

  -- Streaks
  current_streak_days integer not null default 0 check (current_streak_days >= 0),
  longest_streak_days integer not null default 0 check (longest_streak_days >= 0),
  last_activity_date date,

  -- Badges (badge slugs) and when each was earned: {badge_slug: timestamp}
  badges_earned text [] not null default '{}',
  badge_timestamps jsonb not null default '{}'::jsonb,

  -- Leaderboard ranks, refreshed periodically (null until first ranked)
  global_rank integer,
  organization_rank integer,
  team_rank integer,

  -- Milestones
  courses_completed integer not null default 0 check (courses_completed >= 0),
  lessons_completed integer not null default 0 check (lessons_completed >= 0),
  quizzes_passed integer not null default 0 check (quizzes_passed >= 0),
  certificates_earned integer not null default 0 check (certificates_earned >= 0),
  cases_bookmarked integer not null default 0 check (cases_bookmarked >= 0),
  coaching_sessions integer not null default 0 check (coaching_sessions >= 0),

  -- Levels
  level integer not null default 1 check (level >= 1),
  level_progress decimal(5, 2) not null default 0 check (level_progress between 0 and 100), -- to next level

  -- Metadata
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.user_achievements is
'One row per learner: points, streaks, badges, milestones and level. Leaderboards are served by an RPC that shows name, points and rank only.';

create index idx_achievements_points on public.user_achievements (total_points desc);
create index idx_achievements_streak on public.user_achievements (current_streak_days desc);
create index idx_achievements_level on public.user_achievements (level desc, level_progress desc);

create trigger set_updated_at before update on public.user_achievements
for each row execute function private.set_updated_at();

alter table public.user_achievements enable row level security;

-- custom_badges -----------------------------------------------------------------

create table public.custom_badges (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,

  -- Badge info
  name text not null,
  description text,
  icon_url text,

  -- Criteria, e.g. {type: 'course_completion', course_ids: [...], threshold: 5}
  criteria_type text check (criteria_type in ('manual', 'automated', 'hybrid')),
  criteria_config jsonb,

  -- Rarity
  rarity text not null default 'common' check (rarity in ('common', 'uncommon', 'rare', 'epic', 'legendary')),
  points_value integer not null default 10 check (points_value >= 0),

  -- Status
  is_active boolean not null default true,

  -- Metadata
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),

  unique (organization_id, name)
);

comment on table public.custom_badges is
'Badges an organization defines for its own members.';

create index idx_custom_badges_org on public.custom_badges (organization_id) where is_active = true;
create index idx_custom_badges_created_by on public.custom_badges (created_by);

alter table public.custom_badges enable row level security;

-- learning_paths ----------------------------------------------------------------

create table public.learning_paths (
  id uuid primary key default gen_random_uuid(),

  -- Info (bilingual)
  title_en text not null,
  title_fr text,
  description_en text,
  description_fr text,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),

  -- Structure: course ids in order
  course_ids uuid [] not null,
  estimated_duration_hours decimal(6, 2) check (estimated_duration_hours >= 0),

  -- Classification
  category text,
  level text,

  -- Access. The spec leaves tier_required unchecked; access rules compare it
  -- with the learner's tier, so it takes the values courses.tier_required takes.
  is_published boolean not null default false,
  tier_required text not null default 'free' check (tier_required in ('free', 'professional', 'enterprise')),

  -- Metadata
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.learning_paths is
'Curated, ordered sequences of courses.';

create index idx_learning_paths_published on public.learning_paths (is_published);
create index idx_learning_paths_created_by on public.learning_paths (created_by);

create trigger set_updated_at before update on public.learning_paths
for each row execute function private.set_updated_at();

alter table public.learning_paths enable row level security;
