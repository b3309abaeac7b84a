/*
  007_system: the audit trail, onboarding progress and feature flags.
*/

-- audit_logs --------------------------------------------------------------------

create table public.audit_logs (
  id uuid primary key default gen_random_uuid(),
  -- The spec gives these two references no ON DELETE rule, so deleting an
  -- account or an organization that was ever audited would fail. The trail
  -- must outlive its subjects: the link is cleared, and user_email and the
  -- row's changes keep who it was.
  user_id uuid references public.profiles (id) on delete set null,
  user_email text,
  user_role text,
  action text not null,
  resource_type text not null,
  resource_id uuid,
  timestamp timestamptz not null default now(),
  ip_address inet,
  user_agent text,
  changes jsonb,
  organization_id uuid references public.organizations (id) on delete set null,
  severity text check (severity in ('info', 'warning', 'critical')),
  compliance_relevant boolean not null default false,
  retention_until timestamptz not null default now() + interval '7 years'
);

comment on table public.audit_logs is
'Append-only audit trail of security- and compliance-relevant changes, kept until retention_until.';

create index idx_audit_org_time on public.audit_logs (organization_id, timestamp desc);
create index idx_audit_user on public.audit_logs (user_id);
create index idx_audit_resource on public.audit_logs (resource_type, resource_id);
create index idx_audit_retention on public.audit_logs (retention_until);

alter table public.audit_logs enable row level security;

-- onboarding --------------------------------------------------------------------

create table public.onboarding (
  id uuid primary key default gen_random_uuid(),
  -- idx_onboarding_user is exactly this unique key's index: the constraint
  -- carries the spec's name.
  user_id uuid not null references public.profiles (id) on delete cascade,

  -- Tour progress
  tour_completed boolean not null default false,
  tour_step_completed integer not null default 0 check (tour_step_completed >= 0),
  tour_dismissed boolean not null default false,

  -- Checklist: {item_id: {completed, completed_at}}
  checklist_items jsonb not null default '{}'::jsonb,

  -- Role-specific: {role: {completed, steps}}
  role_specific_completed jsonb not null default '{}'::jsonb,

  -- First actions
  first_course_started boolean not null default false,
  first_course_completed boolean not null default false,
  first_search_performed boolean not null default false,
  profile_completed boolean not null default false,

  -- Metadata
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),

  constraint idx_onboarding_user unique (user_id)
);

comment on table public.onboarding is
'A user''s onboarding progress: product tour, checklist and first actions.';

create trigger set_updated_at before update on public.onboarding
for each row execute function private.set_updated_at();

alter table public.onboarding enable row level security;

-- feature_flags -----------------------------------------------------------------

create table public.feature_flags (
  id uuid primary key default gen_random_uuid(),

  -- Flag info
  flag_key text not null unique,
  name text not null,
  description text,

  -- Status
  is_enabled boolean not null default false,

  -- Targeting
  target_type text not null default 'global' check (target_type in ('global', 'tier', 'organization', 'user')),
  target_tiers text [] not null default '{}', -- ['professional', 'enterprise']
  target_org_ids uuid [] not null default '{}',
  target_user_ids uuid [] not null default '{}',

  -- Rollout
  rollout_percentage integer not null default 100 check (rollout_percentage between 0 and 100),

  -- Metadata
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.feature_flags is
'Feature flags with targeting and percentage rollout. Evaluated for clients by an RPC; managed by super admins.';

create index idx_feature_flags_enabled on public.feature_flags (is_enabled) where is_enabled = true;
create index idx_feature_flags_created_by on public.feature_flags (created_by);

create trigger set_updated_at before update on public.feature_flags
for each row execute function private.set_updated_at();

alter table public.feature_flags enable row level security;
