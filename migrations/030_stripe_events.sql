/*
  030_stripe_events: what applying Stripe's webhooks in the database needs
  (the functions are in rpc_functions/50_stripe_events.sql).

  public.billing_prices     the price catalog: which Stripe price gives which
                            plan tier, whether its quantity is the number of
                            seats, the seats of a flat price. Data, not code:
                            a new price is a row. Written by service_role.
  private.stripe_events     the ledger of processed event ids: one row per
                            event, inserted in the same transaction as the
                            event's effect (a failed effect rolls the row back,
                            so Stripe's retry applies it). Its primary key is
                            what makes a concurrent second delivery wait for
                            the first and then see it as a duplicate.
  private.stripe_objects    per Stripe object (subscription, invoice, payment
                            method, customer): the order key of the last event
                            applied to it (event created second, tie rank,
                            event id), its status and, for a subscription, the
                            object's own creation time (which subscription of
                            an organization is the newest). Never backwards:
                            an event whose key is not greater is stale.
  private.stripe_customers  Stripe customer -> organization, learned from the
                            metadata.organization_id Checkout puts on the
                            subscription or the customer.

  The subscription's row keeps its spec shape (one per organization, unique):
  an organization that cancels and subscribes again keeps its row, which
  follows the newest Stripe subscription; the older one's state stays in
  private.stripe_objects, so its late events are recognised and change nothing.
*/

-- billing_prices -----------------------------------------------------------------

create table public.billing_prices (
  id uuid primary key default gen_random_uuid(),
  stripe_price_id text not null unique check (stripe_price_id ~ '^[A-Za-z0-9_]{1,255}$'),
  plan_tier text not null check (plan_tier in ('free', 'professional', 'enterprise', 'custom')),
  plan_name text not null check (pg_catalog.length(plan_name) between 1 and 200),
  -- true: the subscription item's quantity is the number of seats;
  -- false: a flat price with included_seats seats.
  per_seat boolean not null default true,
  included_seats integer not null default 1 check (included_seats >= 1),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.billing_prices is
'Price catalog: the Stripe price ids that decide a subscription''s plan tier and seats. A price missing here makes '
'a new subscription''s event fail with P0002 (Stripe retries until the price is added). Written by service_role.';

create trigger set_updated_at before update on public.billing_prices
for each row execute function private.set_updated_at();

alter table public.billing_prices enable row level security;
revoke all on public.billing_prices from public, anon, authenticated;
grant select, insert, update, delete on public.billing_prices to service_role;

-- stripe_events -------------------------------------------------------------------

create table private.stripe_events (
  event_id text primary key,
  event_type text not null,
  event_created timestamptz not null,
  -- The Stripe object the event is about (data.object.id).
  object_id text,
  organization_id uuid references public.organizations (id) on delete set null,
  outcome text not null check (outcome in ('applied', 'stale', 'ignored')),
  reason text,
  processed_at timestamptz not null default now()
);

comment on table private.stripe_events is
'Ledger of processed Stripe event ids (exactly once): written in the transaction that applies the event.';

create index idx_stripe_events_org on private.stripe_events (organization_id) where organization_id is not null;
create index idx_stripe_events_object on private.stripe_events (object_id, event_created);

-- stripe_objects ------------------------------------------------------------------

create table private.stripe_objects (
  object_id text primary key,
  object_type text not null check (object_type in ('subscription', 'invoice', 'payment_method', 'customer')),
  organization_id uuid references public.organizations (id) on delete cascade,
  -- Order key of the last event applied: (last_event_created, last_rank, last_event_id).
  last_event_created timestamptz not null,
  last_rank integer not null,
  last_event_id text not null,
  status text,
  -- A subscription's own `created`: the newest subscription of an organization owns its row.
  object_created timestamptz,
  updated_at timestamptz not null default now()
);

comment on table private.stripe_objects is
'Per Stripe object: the order key of the last event applied to it, its status, and (subscriptions) its creation '
'time. Older events are stale; terminal subscription statuses never go back.';

create index idx_stripe_objects_org on private.stripe_objects (organization_id, object_type);

-- stripe_customers ----------------------------------------------------------------

create table private.stripe_customers (
  stripe_customer_id text primary key,
  organization_id uuid not null references public.organizations (id) on delete cascade,
  created_at timestamptz not null default now()
);

comment on table private.stripe_customers is
'Stripe customer -> organization, from metadata.organization_id on a subscription or customer.';

create index idx_stripe_customers_org on private.stripe_customers (organization_id);

-- The customers the database already knows (subscriptions written by hand before this migration).
insert into private.stripe_customers (stripe_customer_id, organization_id)
select distinct on (s.stripe_customer_id) s.stripe_customer_id, s.organization_id
from public.subscriptions as s
order by s.stripe_customer_id, s.created_at
on conflict do nothing;

alter table private.stripe_events enable row level security;
alter table private.stripe_objects enable row level security;
alter table private.stripe_customers enable row level security;
revoke all on private.stripe_events, private.stripe_objects, private.stripe_customers
from public, anon, authenticated, service_role;
