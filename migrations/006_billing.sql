/*
  006_billing: Stripe subscriptions, seats, invoices, payment methods and
  metered usage. Stripe is the source of truth: these rows are written by
  the service role (webhooks); organization admins read them.

  The spec links organizations and subscriptions both ways
  (organizations.subscription_id and subscriptions.organization_id UNIQUE),
  and profiles.seat_id to subscription_seats: those keys are added in
  008_forward_keys.
*/

-- subscriptions -----------------------------------------------------------------

create table public.subscriptions (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null unique references public.organizations (id) on delete cascade,

  -- Stripe ids. The spec's idx_subscriptions_stripe_sub is exactly the index
  -- of this unique key: the constraint carries its name.
  stripe_subscription_id text not null,
  stripe_customer_id text not null,
  stripe_price_id text not null,

  -- Plan
  plan_tier text not null check (plan_tier in ('free', 'professional', 'enterprise', 'custom')),
  plan_name text not null, -- 'Professional - Annual'
  billing_interval text not null check (billing_interval in ('month', 'year')),

  -- Seats
  seat_count integer not null default 1 check (seat_count >= 1),
  seats_used integer not null default 0 check (seats_used >= 0),

  -- Pricing (CAD cents: 199900 = $1999.00)
  amount_cents integer not null check (amount_cents >= 0),
  currency text not null default 'CAD' check (currency ~ '^[A-Z]{3}$'),

  -- Status
  status text not null check (status in (
    'trialing', 'active', 'past_due', 'canceled', 'unpaid', 'incomplete', 'incomplete_expired', 'paused'
  )),

  -- Dates
  trial_start timestamptz,
  trial_end timestamptz,
  current_period_start timestamptz not null,
  current_period_end timestamptz not null,
  canceled_at timestamptz,
  ended_at timestamptz,

  -- Cancellation
  cancel_at_period_end boolean not null default false,
  cancellation_reason text,
  cancellation_feedback text,

  -- Payment
  last_payment_date timestamptz,
  next_payment_date timestamptz,
  last_payment_status text,

  -- Metadata
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),

  constraint idx_subscriptions_stripe_sub unique (stripe_subscription_id),
  -- Seats are assigned up to seat_count and never past it.
  constraint subscriptions_seats_within_count check (seats_used <= seat_count),
  constraint subscriptions_period_order check (current_period_end >= current_period_start)
);

comment on table public.subscriptions is
'An organization''s Stripe subscription: plan, seats, price, status and billing dates. Written by the service role only.';

create index idx_subscriptions_stripe_cust on public.subscriptions (stripe_customer_id);
create index idx_subscriptions_status on public.subscriptions (status);
create index idx_subscriptions_next_payment on public.subscriptions (next_payment_date) where status = 'active';

create trigger set_updated_at before update on public.subscriptions
for each row execute function private.set_updated_at();

alter table public.subscriptions enable row level security;

-- subscription_seats ------------------------------------------------------------

create table public.subscription_seats (
  id uuid primary key default gen_random_uuid(),
  subscription_id uuid not null references public.subscriptions (id) on delete cascade,
  organization_id uuid not null references public.organizations (id) on delete cascade,

  -- Assignment
  assigned_to_user_id uuid references public.profiles (id) on delete set null,
  assigned_to_email text, -- for a user not yet registered
  assigned_by uuid references public.profiles (id) on delete set null,
  assigned_at timestamptz,

  -- Status
  status text not null default 'available' check (status in ('available', 'assigned', 'active', 'suspended')),

  -- Team assignment (optional)
  team_id uuid references public.teams (id) on delete set null,

  -- Usage
  first_login_at timestamptz,
  last_login_at timestamptz,
  login_count integer not null default 0 check (login_count >= 0),

  -- Metadata
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.subscription_seats is
'Individual seats of an organization''s subscription, assigned to users (or to an email not yet registered).';

create index idx_seats_subscription on public.subscription_seats (subscription_id);
create index idx_seats_user on public.subscription_seats (assigned_to_user_id);
create index idx_seats_status on public.subscription_seats (status);
create index idx_seats_email on public.subscription_seats (assigned_to_email) where assigned_to_email is not null;
create index idx_seats_org on public.subscription_seats (organization_id);
create index idx_seats_assigned_by on public.subscription_seats (assigned_by);
create index idx_seats_team on public.subscription_seats (team_id);

create trigger set_updated_at before update on public.subscription_seats
for each row execute function private.set_updated_at();

alter table public.subscription_seats enable row level security;

-- invoices ----------------------------------------------------------------------

create table public.invoices (
  id uuid primary key default gen_random_uuid(),
  subscription_id uuid not null references public.subscriptions (id) on delete cascade,
  organization_id uuid not null references public.organizations (id) on delete cascade,

  -- Stripe ids (idx_invoices_stripe is this unique key's index)
  stripe_invoice_id text not null,
  stripe_charge_id text,

  -- Amounts (cents)
  invoice_number text,
  amount_cents integer not null check (amount_cents >= 0),
  amount_paid_cents integer not null default 0 check (amount_paid_cents >= 0),
  currency text not null default 'CAD' check (currency ~ '^[A-Z]{3}$'),

  -- Canadian taxes (cents)
  tax_gst_cents integer not null default 0 check (tax_gst_cents >= 0),
  tax_hst_cents integer not null default 0 check (tax_hst_cents >= 0),
  tax_qst_cents integer not null default 0 check (tax_qst_cents >= 0),
  tax_pst_cents integer not null default 0 check (tax_pst_cents >= 0),

  -- Status
  status text not null check (status in ('draft', 'open', 'paid', 'void', 'uncollectible')),

  -- Dates
  period_start date not null,
  period_end date not null,
  due_date date,
  paid_at timestamptz,

  -- Files
  invoice_pdf_url text,
  hosted_invoice_url text,

  -- Metadata
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),

  constraint idx_invoices_stripe unique (stripe_invoice_id),
  constraint invoices_period_order check (period_end >= period_start)
);

comment on table public.invoices is
'Stripe invoices with Canadian tax breakdown. Written by the service role only.';

create index idx_invoices_org on public.invoices (organization_id, created_at desc);
create index idx_invoices_status on public.invoices (status);
create index idx_invoices_subscription on public.invoices (subscription_id);

create trigger set_updated_at before update on public.invoices
for each row execute function private.set_updated_at();

alter table public.invoices enable row level security;

-- payment_methods ---------------------------------------------------------------

create table public.payment_methods (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,

  -- Stripe ids (idx_payment_methods_stripe is this unique key's index)
  stripe_payment_method_id text not null,
  stripe_customer_id text not null,

  -- Card details: brand, last 4 digits, expiry. Never the card number.
  card_brand text, -- 'visa', 'mastercard', 'amex'
  card_last4 text check (card_last4 ~ '^[0-9]{4}$'),
  card_exp_month integer check (card_exp_month between 1 and 12),
  card_exp_year integer check (card_exp_year between 2000 and 2200),

  -- Billing address: {line1, line2, city, province, postal_code, country}
  billing_name text,
  billing_email text,
  billing_address jsonb,

  -- Status
  is_default boolean not null default false,
  is_active boolean not null default true,

  -- Metadata
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),

  constraint idx_payment_methods_stripe unique (stripe_payment_method_id)
);

comment on table public.payment_methods is
'Payment methods stored at Stripe, as brand, last four digits and expiry. Written by the service role only.';

create index idx_payment_methods_org on public.payment_methods (organization_id) where is_active = true;
-- One default among an organization's active payment methods.
create unique index payment_methods_one_default_per_org on public.payment_methods (organization_id)
where is_default and is_active;

create trigger set_updated_at before update on public.payment_methods
for each row execute function private.set_updated_at();

alter table public.payment_methods enable row level security;

-- usage_tracking ----------------------------------------------------------------

create table public.usage_tracking (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  subscription_id uuid not null references public.subscriptions (id) on delete cascade,

  -- Metric
  metric_type text not null check (metric_type in (
    'api_calls', 'ai_coach_sessions', 'data_exports', 'custom_courses', 'storage_gb'
  )),

  -- Usage
  quantity decimal(10, 2) not null check (quantity >= 0),
  unit text not null, -- 'count', 'gb', 'hours'

  -- Period
  period_start date not null,
  period_end date not null,

  -- Billing
  is_billable boolean not null default true,
  invoiced boolean not null default false,
  -- No ON DELETE rule, as in the spec: usage billed on an invoice keeps it
  -- (Stripe voids invoices, it does not delete them). Deleting the
  -- subscription or organization removes both together.
  invoice_id uuid references public.invoices (id),

  -- Metadata
  created_at timestamptz not null default now(),

  constraint usage_tracking_period_order check (period_end >= period_start)
);

comment on table public.usage_tracking is
'Metered usage per organization and period, for usage-based billing. Written by the service role only.';

create index idx_usage_org_period on public.usage_tracking (organization_id, period_start, period_end);
create index idx_usage_metric on public.usage_tracking (metric_type);
create index idx_usage_unbilled on public.usage_tracking (is_billable, invoiced)
where is_billable = true and invoiced = false;
create index idx_usage_subscription on public.usage_tracking (subscription_id);
create index idx_usage_invoice on public.usage_tracking (invoice_id) where invoice_id is not null;

alter table public.usage_tracking enable row level security;
