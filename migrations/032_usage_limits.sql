/*
  032_usage_limits: plan limits as data, and what metering needs to be exact
  (the functions are in rpc_functions/53_usage.sql).

  public.plan_limits          per plan tier (stripe_price_id null) or per price (overrides the tier's row):
                              how much of a metric an organization may use in one billing period
                              (period_limit null: unlimited), and whether the limit is hard (refused)
                              or soft (allowed, reported over). A metric without a row is unlimited.
  private.usage_counters      one row per (organization, metric, billing period): the running total that
                              consume_usage checks and increments in one UPDATE (row lock), so two requests
                              at the limit never both pass.
  private.usage_requests      the idempotency keys of record_usage / consume_usage per organization, with the
                              answer given: a replay returns the original answer, not an error (unlike Lago's
                              duplicate error, getlago/lago-api#3049). Claimed by primary key in the request's
                              transaction, like the Stripe event ledger.
  public.usage_tracking keeps one row per accepted request (the detail org admins read; the billing job
  sets invoiced on the rows it bills).
*/

-- Its rows are the product's own (the default limits of each tier):
-- a rollback lists them and puts them back with the migration.
-- reference-data: public.plan_limits
create table public.plan_limits (
  id uuid primary key default gen_random_uuid(),
  plan_tier text not null check (plan_tier in ('free', 'professional', 'enterprise', 'custom')),
  stripe_price_id text references public.billing_prices (stripe_price_id) on delete cascade,
  metric_type text not null check (metric_type in (
    'api_calls', 'ai_coach_sessions', 'data_exports', 'custom_courses', 'storage_gb'
  )),
  period_limit numeric(12, 2) check (period_limit >= 0),
  hard_limit boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint plan_limits_one_per_plan unique nulls not distinct (plan_tier, stripe_price_id, metric_type)
);

comment on table public.plan_limits is
'Usage limits per billing period, per plan tier or per Stripe price (a price''s row overrides its tier''s); '
'period_limit null = unlimited; hard limits refuse, soft limits report. Written by service_role.';

create index idx_plan_limits_price on public.plan_limits (stripe_price_id) where stripe_price_id is not null;

create trigger set_updated_at before update on public.plan_limits
for each row execute function private.set_updated_at();

alter table public.plan_limits enable row level security;
revoke all on public.plan_limits from public, anon, authenticated;
grant select, insert, update, delete on public.plan_limits to service_role;

-- Defaults, so that a fresh database meters sensibly (operators change the rows).
insert into public.plan_limits (plan_tier, metric_type, period_limit, hard_limit) values
('free', 'ai_coach_sessions', 5, true),
('free', 'data_exports', 1, true),
('free', 'custom_courses', 0, true),
('free', 'storage_gb', 1, true),
('professional', 'ai_coach_sessions', 500, true),
('professional', 'data_exports', 20, true),
('professional', 'custom_courses', 10, true),
('professional', 'storage_gb', 50, false),
('enterprise', 'ai_coach_sessions', null, true),
('enterprise', 'data_exports', null, true),
('enterprise', 'custom_courses', null, true),
('enterprise', 'storage_gb', 1000, false);

create table private.usage_counters (
  organization_id uuid not null references public.organizations (id) on delete cascade,
  metric_type text not null,
  period_start timestamptz not null,
  period_end timestamptz not null,
  quantity numeric(14, 2) not null default 0 check (quantity >= 0),
  primary key (organization_id, metric_type, period_start)
);

comment on table private.usage_counters is
'Running usage per organization, metric and billing period (checked and incremented in one statement).';

create table private.usage_requests (
  organization_id uuid not null references public.organizations (id) on delete cascade,
  idempotency_key text not null check (pg_catalog.length(idempotency_key) between 1 and 200),
  metric_type text not null,
  quantity numeric(12, 2) not null,
  result jsonb,
  created_at timestamptz not null default now(),
  primary key (organization_id, idempotency_key)
);

comment on table private.usage_requests is
'Idempotency keys of usage requests per organization, with the answer given (a replay returns it).';

create index idx_usage_requests_created on private.usage_requests (created_at);

alter table private.usage_counters enable row level security;
alter table private.usage_requests enable row level security;
revoke all on private.usage_counters, private.usage_requests from public, anon, authenticated, service_role;
