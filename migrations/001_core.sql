-- previous-sha256: b479679c1bf4e8cac75e27efa9ccf9b4d8cb73e8631530a3a4309cd3488ebb50
/*
  001_core: the tenants and the people.

  Organizations are the tenants, teams group their members, and every
  Supabase Auth user gets one profile. The spec's sketch has two foreign-key
  cycles here and one further on:
    profiles.team_id -> teams, teams.team_lead_id -> profiles
      (closed below, once both tables exist);
    profiles.seat_id -> subscription_seats, organizations.subscription_id -> subscriptions
      (closed in 008_forward_keys, once billing exists).

  Conventions for every migration (said once, here):
  - Every name is schema-qualified: the tool runs migrations with the
    search_path set to its own bookkeeping schema only (yoyo's `schema=`).
  - A column the spec gives a default is also NOT NULL, unless NULL means
    something (then a comment says what). A NULL flag, counter or timestamp
    has no meaning and breaks filters such as `where not read`.
  - Row Level Security is enabled as each table is created, so a table is
    never reachable before its policies (rls_policies/<table>.sql) exist.
  - `updated_at` is kept by the trigger private.set_updated_at().
*/

-- Schemas ---------------------------------------------------------------------

-- Helpers that policies, triggers and functions use but clients must never
-- call: PostgREST does not expose this schema.
create schema if not exists private;
revoke all on schema private from public;
comment on schema private is
'abr-db internals: trigger functions, RLS helpers and sequences. Not exposed through the API.';

-- Extensions live in `extensions`, as on Supabase. pg_stat_statements is
-- already there on Supabase (and after the bootstrap); vector is ours.
create extension if not exists pg_stat_statements with schema extensions;
create extension if not exists vector with schema extensions;

-- Shared trigger functions --------------------------------------------------------

-- Defined once, with their current text, in rpc_functions/; abr-db applies these
-- files here, in this migration's transaction, so the triggers below find them:
-- requires: rpc_functions/01_updated_at.sql
-- requires: rpc_functions/02_auth_users.sql

-- organizations -----------------------------------------------------------------

create table public.organizations (
  id uuid primary key default gen_random_uuid(),

  -- Basic info
  name text not null,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  industry text,
  size_category text check (size_category in ('1-50', '51-200', '201-500', '501-1000', '1000+')),

  -- Contact
  admin_email text not null,
  primary_contact_name text,
  primary_contact_phone text,
  billing_email text,

  -- Address (Canadian)
  address_line1 text,
  address_line2 text,
  city text,
  province text check (province in (
    'AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'
  )),
  postal_code text,
  country text not null default 'CA',

  -- Subscription. The foreign key to subscriptions is added in 008_forward_keys.
  subscription_id uuid,
  subscription_status text not null default 'trial' check (subscription_status in (
    'trial', 'active', 'past_due', 'canceled', 'paused'
  )),
  trial_ends_at timestamptz,

  -- Settings
  settings jsonb not null default '{
    "branding": {"logo_url": null, "primary_color": "#0d9488"},
    "features": {"ai_coach": true, "analytics": true, "custom_content": false},
    "compliance": {"sso_required": false, "mfa_required": false, "ip_whitelist": []}
  }'::jsonb,

  -- Metadata
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);

comment on table public.organizations is
'Tenants: companies, government agencies and schools that buy ABR Insights. Soft-deleted with deleted_at.';

create index idx_orgs_admin on public.organizations (admin_email);
create index idx_orgs_subscription on public.organizations (subscription_id);
create index idx_orgs_status on public.organizations (subscription_status) where deleted_at is null;

create trigger set_updated_at before update on public.organizations
for each row execute function private.set_updated_at();

alter table public.organizations enable row level security;

-- profiles ----------------------------------------------------------------------

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,

  -- Personal info
  email text not null,
  full_name text,
  avatar_url text,
  phone text,
  preferred_language text not null default 'en' check (preferred_language in ('en', 'fr')),

  -- Organization and role. team_id's foreign key is added after teams below.
  organization_id uuid references public.organizations (id) on delete set null,
  team_id uuid,
  role text not null default 'learner' check (role in (
    'super_admin', 'compliance_officer', 'org_admin',
    'analyst', 'investigator', 'educator', 'learner', 'viewer', 'guest'
  )),

  -- Subscription (denormalized for performance). seat_id's foreign key is
  -- added in 008_forward_keys.
  subscription_tier text not null default 'free' check (
    subscription_tier in ('free', 'professional', 'enterprise', 'custom')
  ),
  seat_id uuid,

  -- Security
  mfa_enabled boolean not null default false,
  email_verified boolean not null default false,
  last_login_at timestamptz,
  login_count integer not null default 0 check (login_count >= 0),

  -- Preferences
  notification_preferences jsonb not null default '{"email": true, "push": false, "in_app": true}'::jsonb,
  theme text not null default 'light' check (theme in ('light', 'dark', 'system')),
  timezone text not null default 'America/Toronto',

  -- Metadata
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz, -- soft delete
  metadata jsonb not null default '{}'::jsonb,

  -- The spec defines idx_profiles_email twice (with the table and under
  -- "Critical Indexes"), both partial on deleted_at is null, beside the
  -- column's UNIQUE, whose index already serves every lookup by email. One
  -- index, the unique one, carries the spec's name.
  constraint idx_profiles_email unique (email)
);

comment on table public.profiles is
'One row per Supabase Auth user: personal details, organization, role and preferences. Created by a trigger on auth.users. Soft-deleted with deleted_at.';

-- idx_profiles_org is also defined twice in the spec, identically: created once.
create index idx_profiles_org on public.profiles (organization_id) where deleted_at is null;
create index idx_profiles_role on public.profiles (role) where deleted_at is null;
create index idx_profiles_team on public.profiles (team_id) where deleted_at is null;
create index idx_profiles_seat on public.profiles (seat_id) where seat_id is not null;

create trigger set_updated_at before update on public.profiles
for each row execute function private.set_updated_at();

alter table public.profiles enable row level security;

-- teams -------------------------------------------------------------------------

create table public.teams (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,

  -- Info
  name text not null,
  description text,
  team_lead_id uuid references public.profiles (id) on delete set null,

  -- Settings
  seat_allocation integer not null default 0 check (seat_allocation >= 0), -- seats allocated to this team
  settings jsonb not null default '{}'::jsonb,

  -- Metadata
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),

  unique (organization_id, name)
);

comment on table public.teams is
'Sub-groups of an organization: departments, cohorts. Each may have a team lead.';

create index idx_teams_org on public.teams (organization_id);
create index idx_teams_lead on public.teams (team_lead_id);

create trigger set_updated_at before update on public.teams
for each row execute function private.set_updated_at();

alter table public.teams enable row level security;

-- Closes the profiles <-> teams cycle now that both tables exist.
-- Deferrable: deleting an organization reaches a member's profile three ways
-- (organization_id, team_id, seat_id, each SET NULL). When the profile was
-- written earlier in the same transaction, PostgreSQL re-checks its other
-- keys after the first SET NULL, before the others have run, and would find
-- the team already gone. Checked at commit instead, when all three have run.
-- (The SET NULL action itself is never deferred.)
alter table public.profiles
add constraint profiles_team_id_fkey foreign key (team_id)
references public.teams (id) on delete set null
deferrable initially deferred;

-- A profile for every auth user ---------------------------------------------------

/*
  Supabase's usual trigger: when GoTrue creates a user, create the profile,
  with email and full name from the auth row. It also keeps the profile's
  email and email_verified in step when the auth email changes. Users without
  an email (phone or anonymous sign-ins) get their profile when they add one,
  since a profile's email is NOT NULL.
*/

create trigger on_auth_user_change
after insert or update of email, email_confirmed_at on auth.users
for each row execute function private.handle_auth_user_change();
