/*
  006_schema_billing: Stripe subscriptions, seats, invoices, payment methods
  and metered usage (migrations/006_billing.sql, with the keys of
  008_forward_keys that point at billing).

  Proves, for subscriptions, subscription_seats, invoices, payment_methods
  and usage_tracking: every column with its type, nullability and default;
  keys with their ON DELETE rules; every index by name and definition;
  triggers; Row Level Security; and that each CHECK rejects a bad value while
  the boundary values pass. 006_billing's documented choices are what is
  asserted: the Stripe ids' unique keys carry the spec's index names
  (idx_subscriptions_stripe_sub, idx_invoices_stripe,
  idx_payment_methods_stripe), seats_used never exceeds seat_count, periods
  end on or after they start, currencies are ISO codes, card_last4 is four
  digits, and an organization has one default among its active payment
  methods.
*/
begin;
create extension if not exists pgtap with schema extensions;
select plan(387);

-- Arrange (as the superuser) ----------------------------------------------------

-- Three organizations; the first has a subscription and an invoice.
insert into public.organizations (id, name, slug, admin_email) values
('00000000-0000-0000-0000-0000000000b1', 'Acme', 'acme', 'admin@acme.example.org'),
('00000000-0000-0000-0000-0000000000b2', 'Globex', 'globex', 'admin@globex.example.org'),
('00000000-0000-0000-0000-0000000000b3', 'Initech', 'initech', 'admin@initech.example.org');

insert into auth.users (id, email, raw_user_meta_data) values
('00000000-0000-0000-0000-0000000000a1', 'alice@example.org', '{"full_name": "Alice"}');

insert into public.subscriptions (
    id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, plan_tier, plan_name,
    billing_interval, seat_count, amount_cents, status, current_period_start, current_period_end
) values (
    '00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000b1', 'sub_1', 'cus_1', 'price_1',
    'professional', 'Professional - Annual', 'year', 10, 199900, 'active', '2025-01-01', '2026-01-01'
);

insert into public.invoices (id, subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
  period_start, period_end)
values (
    '00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0000-0000000000e1',
      '00000000-0000-0000-0000-0000000000b1',
    'in_1', 199900, 'paid', '2025-01-01', '2025-12-31'
);

-- Structure, table by table: each column, key, index and trigger as the migrations define it

-- subscriptions: structure -----------------------------------------------------

select has_table('public', 'subscriptions', 'public.subscriptions exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.subscriptions'::regclass$$,
  array[true],
  'subscriptions has row level security enabled'
);
select columns_are(
  'public', 'subscriptions',
  array['id', 'organization_id', 'stripe_subscription_id', 'stripe_customer_id', 'stripe_price_id', 'plan_tier',
    'plan_name', 'billing_interval', 'seat_count', 'seats_used', 'amount_cents', 'currency', 'status', 'trial_start',
    'trial_end', 'current_period_start', 'current_period_end', 'canceled_at', 'ended_at', 'cancel_at_period_end',
    'cancellation_reason', 'cancellation_feedback', 'last_payment_date', 'next_payment_date', 'last_payment_status',
    'metadata', 'created_at', 'updated_at'],
  'subscriptions has exactly its 28 columns'
);

select col_type_is('public', 'subscriptions', 'id', 'uuid', 'subscriptions.id is uuid');
select col_not_null('public', 'subscriptions', 'id', 'subscriptions.id is not null');
select col_default_is(
  'public', 'subscriptions', 'id', 'gen_random_uuid()'::text,
  'subscriptions.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'subscriptions', 'organization_id', 'uuid', 'subscriptions.organization_id is uuid');
select col_not_null('public', 'subscriptions', 'organization_id', 'subscriptions.organization_id is not null');
select col_type_is(
  'public', 'subscriptions', 'stripe_subscription_id', 'text',
  'subscriptions.stripe_subscription_id is text'
);
select col_not_null(
  'public', 'subscriptions', 'stripe_subscription_id',
  'subscriptions.stripe_subscription_id is not null'
);
select col_type_is('public', 'subscriptions', 'stripe_customer_id', 'text', 'subscriptions.stripe_customer_id is text');
select col_not_null('public', 'subscriptions', 'stripe_customer_id', 'subscriptions.stripe_customer_id is not null');
select col_type_is('public', 'subscriptions', 'stripe_price_id', 'text', 'subscriptions.stripe_price_id is text');
select col_not_null('public', 'subscriptions', 'stripe_price_id', 'subscriptions.stripe_price_id is not null');
select col_type_is('public', 'subscriptions', 'plan_tier', 'text', 'subscriptions.plan_tier is text');
select col_not_null('public', 'subscriptions', 'plan_tier', 'subscriptions.plan_tier is not null');
select col_type_is('public', 'subscriptions', 'plan_name', 'text', 'subscriptions.plan_name is text');
select col_not_null('public', 'subscriptions', 'plan_name', 'subscriptions.plan_name is not null');
select col_type_is('public', 'subscriptions', 'billing_interval', 'text', 'subscriptions.billing_interval is text');
select col_not_null('public', 'subscriptions', 'billing_interval', 'subscriptions.billing_interval is not null');
select col_type_is('public', 'subscriptions', 'seat_count', 'integer', 'subscriptions.seat_count is integer');
select col_not_null('public', 'subscriptions', 'seat_count', 'subscriptions.seat_count is not null');
select col_default_is('public', 'subscriptions', 'seat_count', 1::integer, 'subscriptions.seat_count defaults to 1');
select col_type_is('public', 'subscriptions', 'seats_used', 'integer', 'subscriptions.seats_used is integer');
select col_not_null('public', 'subscriptions', 'seats_used', 'subscriptions.seats_used is not null');
select col_default_is('public', 'subscriptions', 'seats_used', 0::integer, 'subscriptions.seats_used defaults to 0');
select col_type_is('public', 'subscriptions', 'amount_cents', 'integer', 'subscriptions.amount_cents is integer');
select col_not_null('public', 'subscriptions', 'amount_cents', 'subscriptions.amount_cents is not null');
select col_type_is('public', 'subscriptions', 'currency', 'text', 'subscriptions.currency is text');
select col_not_null('public', 'subscriptions', 'currency', 'subscriptions.currency is not null');
select col_default_is('public', 'subscriptions', 'currency', 'CAD'::text, 'subscriptions.currency defaults to ''CAD''');
select col_type_is('public', 'subscriptions', 'status', 'text', 'subscriptions.status is text');
select col_not_null('public', 'subscriptions', 'status', 'subscriptions.status is not null');
select col_type_is(
  'public', 'subscriptions', 'trial_start', 'timestamp with time zone',
  'subscriptions.trial_start is timestamp with time zone'
);
select col_is_null('public', 'subscriptions', 'trial_start', 'subscriptions.trial_start may be null');
select col_type_is(
  'public', 'subscriptions', 'trial_end', 'timestamp with time zone',
  'subscriptions.trial_end is timestamp with time zone'
);
select col_is_null('public', 'subscriptions', 'trial_end', 'subscriptions.trial_end may be null');
select col_type_is(
  'public', 'subscriptions', 'current_period_start', 'timestamp with time zone',
  'subscriptions.current_period_start is timestamp with time zone'
);
select col_not_null(
  'public', 'subscriptions', 'current_period_start',
  'subscriptions.current_period_start is not null'
);
select col_type_is(
  'public', 'subscriptions', 'current_period_end', 'timestamp with time zone',
  'subscriptions.current_period_end is timestamp with time zone'
);
select col_not_null('public', 'subscriptions', 'current_period_end', 'subscriptions.current_period_end is not null');
select col_type_is(
  'public', 'subscriptions', 'canceled_at', 'timestamp with time zone',
  'subscriptions.canceled_at is timestamp with time zone'
);
select col_is_null('public', 'subscriptions', 'canceled_at', 'subscriptions.canceled_at may be null');
select col_type_is(
  'public', 'subscriptions', 'ended_at', 'timestamp with time zone',
  'subscriptions.ended_at is timestamp with time zone'
);
select col_is_null('public', 'subscriptions', 'ended_at', 'subscriptions.ended_at may be null');
select col_type_is(
  'public', 'subscriptions', 'cancel_at_period_end', 'boolean',
  'subscriptions.cancel_at_period_end is boolean'
);
select col_not_null(
  'public', 'subscriptions', 'cancel_at_period_end',
  'subscriptions.cancel_at_period_end is not null'
);
select col_default_is(
  'public', 'subscriptions', 'cancel_at_period_end', false::boolean,
  'subscriptions.cancel_at_period_end defaults to false'
);
select col_type_is(
  'public', 'subscriptions', 'cancellation_reason', 'text',
  'subscriptions.cancellation_reason is text'
);
select col_is_null('public', 'subscriptions', 'cancellation_reason', 'subscriptions.cancellation_reason may be null');
select col_type_is(
  'public', 'subscriptions', 'cancellation_feedback', 'text',
  'subscriptions.cancellation_feedback is text'
);
select col_is_null(
  'public', 'subscriptions', 'cancellation_feedback',
  'subscriptions.cancellation_feedback may be null'
);
select col_type_is(
  'public', 'subscriptions', 'last_payment_date', 'timestamp with time zone',
  'subscriptions.last_payment_date is timestamp with time zone'
);
select col_is_null('public', 'subscriptions', 'last_payment_date', 'subscriptions.last_payment_date may be null');
select col_type_is(
  'public', 'subscriptions', 'next_payment_date', 'timestamp with time zone',
  'subscriptions.next_payment_date is timestamp with time zone'
);
select col_is_null('public', 'subscriptions', 'next_payment_date', 'subscriptions.next_payment_date may be null');
select col_type_is(
  'public', 'subscriptions', 'last_payment_status', 'text',
  'subscriptions.last_payment_status is text'
);
select col_is_null('public', 'subscriptions', 'last_payment_status', 'subscriptions.last_payment_status may be null');
select col_type_is('public', 'subscriptions', 'metadata', 'jsonb', 'subscriptions.metadata is jsonb');
select col_not_null('public', 'subscriptions', 'metadata', 'subscriptions.metadata is not null');
select col_default_is('public', 'subscriptions', 'metadata', '{}'::jsonb, 'subscriptions.metadata defaults to {}');
select col_type_is(
  'public', 'subscriptions', 'created_at', 'timestamp with time zone',
  'subscriptions.created_at is timestamp with time zone'
);
select col_not_null('public', 'subscriptions', 'created_at', 'subscriptions.created_at is not null');
select col_has_default('public', 'subscriptions', 'created_at', 'subscriptions.created_at has a default (now())');
select col_type_is(
  'public', 'subscriptions', 'updated_at', 'timestamp with time zone',
  'subscriptions.updated_at is timestamp with time zone'
);
select col_not_null('public', 'subscriptions', 'updated_at', 'subscriptions.updated_at is not null');
select col_has_default('public', 'subscriptions', 'updated_at', 'subscriptions.updated_at has a default (now())');

select has_pk('public', 'subscriptions', 'subscriptions has a primary key');
select col_is_pk('public', 'subscriptions', array['id']::name[], 'the primary key of subscriptions is (id)');
select col_is_unique(
  'public', 'subscriptions',
  array['stripe_subscription_id']::name[],
  '(stripe_subscription_id) is unique in subscriptions (idx_subscriptions_stripe_sub)'
);
select col_is_unique(
  'public', 'subscriptions',
  array['organization_id']::name[],
  '(organization_id) is unique in subscriptions (subscriptions_organization_id_key)'
);

select fk_ok(
  'public', 'subscriptions',
  array['organization_id']::name[],
  'public', 'organizations',
  array['id']::name[],
  'subscriptions(organization_id) references public.organizations(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.subscriptions'::regclass and conname
    = 'subscriptions_organization_id_fkey'$$,
  array['c'],
  'subscriptions_organization_id_fkey is on delete cascade'
);

select has_index(
  'public', 'subscriptions', 'idx_subscriptions_next_payment',
  'index idx_subscriptions_next_payment exists'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_subscriptions_next_payment'$$,
  array['CREATE INDEX idx_subscriptions_next_payment ON public.subscriptions USING btree (next_payment_date) WHERE '
    '(status = ''active''::text)'],
  'idx_subscriptions_next_payment has its definition'
);
select has_index('public', 'subscriptions', 'idx_subscriptions_renewal', 'index idx_subscriptions_renewal exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_subscriptions_renewal'$$,
  array['CREATE INDEX idx_subscriptions_renewal ON public.subscriptions USING btree (next_payment_date, status) WHERE '
    '((status = ''active''::text) AND (cancel_at_period_end = false))'],
  'idx_subscriptions_renewal has its definition'
);
select has_index('public', 'subscriptions', 'idx_subscriptions_status', 'index idx_subscriptions_status exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_subscriptions_status'$$,
  array['CREATE INDEX idx_subscriptions_status ON public.subscriptions USING btree (status)'],
  'idx_subscriptions_status has its definition'
);
select has_index(
  'public', 'subscriptions', 'idx_subscriptions_stripe_cust',
  'index idx_subscriptions_stripe_cust exists'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_subscriptions_stripe_cust'$$,
  array['CREATE INDEX idx_subscriptions_stripe_cust ON public.subscriptions USING btree (stripe_customer_id)'],
  'idx_subscriptions_stripe_cust has its definition'
);
select has_index(
  'public', 'subscriptions', 'idx_subscriptions_stripe_sub',
  'index idx_subscriptions_stripe_sub exists'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_subscriptions_stripe_sub'$$,
  array['CREATE UNIQUE INDEX idx_subscriptions_stripe_sub ON public.subscriptions USING btree '
    '(stripe_subscription_id)'],
  'idx_subscriptions_stripe_sub has its definition'
);
select has_index(
  'public', 'subscriptions', 'subscriptions_organization_id_key',
  'index subscriptions_organization_id_key exists'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'subscriptions_organization_id_key'$$,
  array['CREATE UNIQUE INDEX subscriptions_organization_id_key ON public.subscriptions USING btree (organization_id)'],
  'subscriptions_organization_id_key has its definition'
);

select has_trigger('public', 'subscriptions', 'set_updated_at', 'subscriptions has the trigger set_updated_at');
select trigger_is(
  'public', 'subscriptions', 'set_updated_at', 'private', 'set_updated_at',
  'trigger subscriptions.set_updated_at runs private.set_updated_at()'
);

-- subscription_seats: structure ------------------------------------------------

select has_table('public', 'subscription_seats', 'public.subscription_seats exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.subscription_seats'::regclass$$,
  array[true],
  'subscription_seats has row level security enabled'
);
select columns_are(
  'public', 'subscription_seats',
  array['id', 'subscription_id', 'organization_id', 'assigned_to_user_id', 'assigned_to_email', 'assigned_by',
    'assigned_at', 'status', 'team_id', 'first_login_at', 'last_login_at', 'login_count', 'created_at', 'updated_at'],
  'subscription_seats has exactly its 14 columns'
);

select col_type_is('public', 'subscription_seats', 'id', 'uuid', 'subscription_seats.id is uuid');
select col_not_null('public', 'subscription_seats', 'id', 'subscription_seats.id is not null');
select col_default_is(
  'public', 'subscription_seats', 'id', 'gen_random_uuid()'::text,
  'subscription_seats.id defaults to gen_random_uuid()'
);
select col_type_is(
  'public', 'subscription_seats', 'subscription_id', 'uuid',
  'subscription_seats.subscription_id is uuid'
);
select col_not_null(
  'public', 'subscription_seats', 'subscription_id',
  'subscription_seats.subscription_id is not null'
);
select col_type_is(
  'public', 'subscription_seats', 'organization_id', 'uuid',
  'subscription_seats.organization_id is uuid'
);
select col_not_null(
  'public', 'subscription_seats', 'organization_id',
  'subscription_seats.organization_id is not null'
);
select col_type_is(
  'public', 'subscription_seats', 'assigned_to_user_id', 'uuid',
  'subscription_seats.assigned_to_user_id is uuid'
);
select col_is_null(
  'public', 'subscription_seats', 'assigned_to_user_id',
  'subscription_seats.assigned_to_user_id may be null'
);
select col_type_is(
  'public', 'subscription_seats', 'assigned_to_email', 'text',
  'subscription_seats.assigned_to_email is text'
);
select col_is_null(
  'public', 'subscription_seats', 'assigned_to_email',
  'subscription_seats.assigned_to_email may be null'
);
select col_type_is('public', 'subscription_seats', 'assigned_by', 'uuid', 'subscription_seats.assigned_by is uuid');
select col_is_null('public', 'subscription_seats', 'assigned_by', 'subscription_seats.assigned_by may be null');
select col_type_is(
  'public', 'subscription_seats', 'assigned_at', 'timestamp with time zone',
  'subscription_seats.assigned_at is timestamp with time zone'
);
select col_is_null('public', 'subscription_seats', 'assigned_at', 'subscription_seats.assigned_at may be null');
select col_type_is('public', 'subscription_seats', 'status', 'text', 'subscription_seats.status is text');
select col_not_null('public', 'subscription_seats', 'status', 'subscription_seats.status is not null');
select col_default_is(
  'public', 'subscription_seats', 'status', 'available'::text,
  'subscription_seats.status defaults to ''available'''
);
select col_type_is('public', 'subscription_seats', 'team_id', 'uuid', 'subscription_seats.team_id is uuid');
select col_is_null('public', 'subscription_seats', 'team_id', 'subscription_seats.team_id may be null');
select col_type_is(
  'public', 'subscription_seats', 'first_login_at', 'timestamp with time zone',
  'subscription_seats.first_login_at is timestamp with time zone'
);
select col_is_null('public', 'subscription_seats', 'first_login_at', 'subscription_seats.first_login_at may be null');
select col_type_is(
  'public', 'subscription_seats', 'last_login_at', 'timestamp with time zone',
  'subscription_seats.last_login_at is timestamp with time zone'
);
select col_is_null('public', 'subscription_seats', 'last_login_at', 'subscription_seats.last_login_at may be null');
select col_type_is(
  'public', 'subscription_seats', 'login_count', 'integer',
  'subscription_seats.login_count is integer'
);
select col_not_null('public', 'subscription_seats', 'login_count', 'subscription_seats.login_count is not null');
select col_default_is(
  'public', 'subscription_seats', 'login_count', 0::integer,
  'subscription_seats.login_count defaults to 0'
);
select col_type_is(
  'public', 'subscription_seats', 'created_at', 'timestamp with time zone',
  'subscription_seats.created_at is timestamp with time zone'
);
select col_not_null('public', 'subscription_seats', 'created_at', 'subscription_seats.created_at is not null');
select col_has_default(
  'public', 'subscription_seats', 'created_at',
  'subscription_seats.created_at has a default (now())'
);
select col_type_is(
  'public', 'subscription_seats', 'updated_at', 'timestamp with time zone',
  'subscription_seats.updated_at is timestamp with time zone'
);
select col_not_null('public', 'subscription_seats', 'updated_at', 'subscription_seats.updated_at is not null');
select col_has_default(
  'public', 'subscription_seats', 'updated_at',
  'subscription_seats.updated_at has a default (now())'
);

select has_pk('public', 'subscription_seats', 'subscription_seats has a primary key');
select col_is_pk('public', 'subscription_seats', array['id']::name[], 'the primary key of subscription_seats is (id)');

select fk_ok(
  'public', 'subscription_seats',
  array['assigned_by']::name[],
  'public', 'profiles',
  array['id']::name[],
  'subscription_seats(assigned_by) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.subscription_seats'::regclass
    and conname = 'subscription_seats_assigned_by_fkey'$$,
  array['n'],
  'subscription_seats_assigned_by_fkey is on delete set null'
);
select fk_ok(
  'public', 'subscription_seats',
  array['assigned_to_user_id']::name[],
  'public', 'profiles',
  array['id']::name[],
  'subscription_seats(assigned_to_user_id) references public.profiles(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.subscription_seats'::regclass
    and conname = 'subscription_seats_assigned_to_user_id_fkey'$$,
  array['n'],
  'subscription_seats_assigned_to_user_id_fkey is on delete set null'
);
select fk_ok(
  'public', 'subscription_seats',
  array['organization_id']::name[],
  'public', 'organizations',
  array['id']::name[],
  'subscription_seats(organization_id) references public.organizations(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.subscription_seats'::regclass
    and conname = 'subscription_seats_organization_id_fkey'$$,
  array['c'],
  'subscription_seats_organization_id_fkey is on delete cascade'
);
select fk_ok(
  'public', 'subscription_seats',
  array['subscription_id']::name[],
  'public', 'subscriptions',
  array['id']::name[],
  'subscription_seats(subscription_id) references public.subscriptions(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.subscription_seats'::regclass
    and conname = 'subscription_seats_subscription_id_fkey'$$,
  array['c'],
  'subscription_seats_subscription_id_fkey is on delete cascade'
);
select fk_ok(
  'public', 'subscription_seats',
  array['team_id']::name[],
  'public', 'teams',
  array['id']::name[],
  'subscription_seats(team_id) references public.teams(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.subscription_seats'::regclass
    and conname = 'subscription_seats_team_id_fkey'$$,
  array['n'],
  'subscription_seats_team_id_fkey is on delete set null'
);

select has_index('public', 'subscription_seats', 'idx_seats_assigned_by', 'index idx_seats_assigned_by exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_seats_assigned_by'$$,
  array['CREATE INDEX idx_seats_assigned_by ON public.subscription_seats USING btree (assigned_by)'],
  'idx_seats_assigned_by has its definition'
);
select has_index('public', 'subscription_seats', 'idx_seats_email', 'index idx_seats_email exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_seats_email'$$,
  array['CREATE INDEX idx_seats_email ON public.subscription_seats USING btree (assigned_to_email) WHERE '
    '(assigned_to_email IS NOT NULL)'],
  'idx_seats_email has its definition'
);
select has_index('public', 'subscription_seats', 'idx_seats_org', 'index idx_seats_org exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_seats_org'$$,
  array['CREATE INDEX idx_seats_org ON public.subscription_seats USING btree (organization_id)'],
  'idx_seats_org has its definition'
);
select has_index('public', 'subscription_seats', 'idx_seats_status', 'index idx_seats_status exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_seats_status'$$,
  array['CREATE INDEX idx_seats_status ON public.subscription_seats USING btree (status)'],
  'idx_seats_status has its definition'
);
select has_index('public', 'subscription_seats', 'idx_seats_subscription', 'index idx_seats_subscription exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_seats_subscription'$$,
  array['CREATE INDEX idx_seats_subscription ON public.subscription_seats USING btree (subscription_id)'],
  'idx_seats_subscription has its definition'
);
select has_index('public', 'subscription_seats', 'idx_seats_team', 'index idx_seats_team exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_seats_team'$$,
  array['CREATE INDEX idx_seats_team ON public.subscription_seats USING btree (team_id)'],
  'idx_seats_team has its definition'
);
select has_index('public', 'subscription_seats', 'idx_seats_user', 'index idx_seats_user exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_seats_user'$$,
  array['CREATE INDEX idx_seats_user ON public.subscription_seats USING btree (assigned_to_user_id)'],
  'idx_seats_user has its definition'
);

select has_trigger(
  'public', 'subscription_seats', 'set_updated_at',
  'subscription_seats has the trigger set_updated_at'
);
select trigger_is(
  'public', 'subscription_seats', 'set_updated_at', 'private', 'set_updated_at',
  'trigger subscription_seats.set_updated_at runs private.set_updated_at()'
);

-- invoices: structure ----------------------------------------------------------

select has_table('public', 'invoices', 'public.invoices exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.invoices'::regclass$$,
  array[true],
  'invoices has row level security enabled'
);
select columns_are(
  'public', 'invoices',
  array['id', 'subscription_id', 'organization_id', 'stripe_invoice_id', 'stripe_charge_id', 'invoice_number',
    'amount_cents', 'amount_paid_cents', 'currency', 'tax_gst_cents', 'tax_hst_cents', 'tax_qst_cents', 'tax_pst_cents',
    'status', 'period_start', 'period_end', 'due_date', 'paid_at', 'invoice_pdf_url', 'hosted_invoice_url', 'metadata',
    'created_at', 'updated_at'],
  'invoices has exactly its 23 columns'
);

select col_type_is('public', 'invoices', 'id', 'uuid', 'invoices.id is uuid');
select col_not_null('public', 'invoices', 'id', 'invoices.id is not null');
select col_default_is(
  'public', 'invoices', 'id', 'gen_random_uuid()'::text,
  'invoices.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'invoices', 'subscription_id', 'uuid', 'invoices.subscription_id is uuid');
select col_not_null('public', 'invoices', 'subscription_id', 'invoices.subscription_id is not null');
select col_type_is('public', 'invoices', 'organization_id', 'uuid', 'invoices.organization_id is uuid');
select col_not_null('public', 'invoices', 'organization_id', 'invoices.organization_id is not null');
select col_type_is('public', 'invoices', 'stripe_invoice_id', 'text', 'invoices.stripe_invoice_id is text');
select col_not_null('public', 'invoices', 'stripe_invoice_id', 'invoices.stripe_invoice_id is not null');
select col_type_is('public', 'invoices', 'stripe_charge_id', 'text', 'invoices.stripe_charge_id is text');
select col_is_null('public', 'invoices', 'stripe_charge_id', 'invoices.stripe_charge_id may be null');
select col_type_is('public', 'invoices', 'invoice_number', 'text', 'invoices.invoice_number is text');
select col_is_null('public', 'invoices', 'invoice_number', 'invoices.invoice_number may be null');
select col_type_is('public', 'invoices', 'amount_cents', 'integer', 'invoices.amount_cents is integer');
select col_not_null('public', 'invoices', 'amount_cents', 'invoices.amount_cents is not null');
select col_type_is('public', 'invoices', 'amount_paid_cents', 'integer', 'invoices.amount_paid_cents is integer');
select col_not_null('public', 'invoices', 'amount_paid_cents', 'invoices.amount_paid_cents is not null');
select col_default_is(
  'public', 'invoices', 'amount_paid_cents', 0::integer,
  'invoices.amount_paid_cents defaults to 0'
);
select col_type_is('public', 'invoices', 'currency', 'text', 'invoices.currency is text');
select col_not_null('public', 'invoices', 'currency', 'invoices.currency is not null');
select col_default_is('public', 'invoices', 'currency', 'CAD'::text, 'invoices.currency defaults to ''CAD''');
select col_type_is('public', 'invoices', 'tax_gst_cents', 'integer', 'invoices.tax_gst_cents is integer');
select col_not_null('public', 'invoices', 'tax_gst_cents', 'invoices.tax_gst_cents is not null');
select col_default_is('public', 'invoices', 'tax_gst_cents', 0::integer, 'invoices.tax_gst_cents defaults to 0');
select col_type_is('public', 'invoices', 'tax_hst_cents', 'integer', 'invoices.tax_hst_cents is integer');
select col_not_null('public', 'invoices', 'tax_hst_cents', 'invoices.tax_hst_cents is not null');
select col_default_is('public', 'invoices', 'tax_hst_cents', 0::integer, 'invoices.tax_hst_cents defaults to 0');
select col_type_is('public', 'invoices', 'tax_qst_cents', 'integer', 'invoices.tax_qst_cents is integer');
select col_not_null('public', 'invoices', 'tax_qst_cents', 'invoices.tax_qst_cents is not null');
select col_default_is('public', 'invoices', 'tax_qst_cents', 0::integer, 'invoices.tax_qst_cents defaults to 0');
select col_type_is('public', 'invoices', 'tax_pst_cents', 'integer', 'invoices.tax_pst_cents is integer');
select col_not_null('public', 'invoices', 'tax_pst_cents', 'invoices.tax_pst_cents is not null');
select col_default_is('public', 'invoices', 'tax_pst_cents', 0::integer, 'invoices.tax_pst_cents defaults to 0');
select col_type_is('public', 'invoices', 'status', 'text', 'invoices.status is text');
select col_not_null('public', 'invoices', 'status', 'invoices.status is not null');
select col_type_is('public', 'invoices', 'period_start', 'date', 'invoices.period_start is date');
select col_not_null('public', 'invoices', 'period_start', 'invoices.period_start is not null');
select col_type_is('public', 'invoices', 'period_end', 'date', 'invoices.period_end is date');
select col_not_null('public', 'invoices', 'period_end', 'invoices.period_end is not null');
select col_type_is('public', 'invoices', 'due_date', 'date', 'invoices.due_date is date');
select col_is_null('public', 'invoices', 'due_date', 'invoices.due_date may be null');
select col_type_is(
  'public', 'invoices', 'paid_at', 'timestamp with time zone',
  'invoices.paid_at is timestamp with time zone'
);
select col_is_null('public', 'invoices', 'paid_at', 'invoices.paid_at may be null');
select col_type_is('public', 'invoices', 'invoice_pdf_url', 'text', 'invoices.invoice_pdf_url is text');
select col_is_null('public', 'invoices', 'invoice_pdf_url', 'invoices.invoice_pdf_url may be null');
select col_type_is('public', 'invoices', 'hosted_invoice_url', 'text', 'invoices.hosted_invoice_url is text');
select col_is_null('public', 'invoices', 'hosted_invoice_url', 'invoices.hosted_invoice_url may be null');
select col_type_is('public', 'invoices', 'metadata', 'jsonb', 'invoices.metadata is jsonb');
select col_not_null('public', 'invoices', 'metadata', 'invoices.metadata is not null');
select col_default_is('public', 'invoices', 'metadata', '{}'::jsonb, 'invoices.metadata defaults to {}');
select col_type_is(
  'public', 'invoices', 'created_at', 'timestamp with time zone',
  'invoices.created_at is timestamp with time zone'
);
select col_not_null('public', 'invoices', 'created_at', 'invoices.created_at is not null');
select col_has_default('public', 'invoices', 'created_at', 'invoices.created_at has a default (now())');
select col_type_is(
  'public', 'invoices', 'updated_at', 'timestamp with time zone',
  'invoices.updated_at is timestamp with time zone'
);
select col_not_null('public', 'invoices', 'updated_at', 'invoices.updated_at is not null');
select col_has_default('public', 'invoices', 'updated_at', 'invoices.updated_at has a default (now())');

select has_pk('public', 'invoices', 'invoices has a primary key');
select col_is_pk('public', 'invoices', array['id']::name[], 'the primary key of invoices is (id)');
select col_is_unique(
  'public', 'invoices',
  array['stripe_invoice_id']::name[],
  '(stripe_invoice_id) is unique in invoices (idx_invoices_stripe)'
);

select fk_ok(
  'public', 'invoices',
  array['organization_id']::name[],
  'public', 'organizations',
  array['id']::name[],
  'invoices(organization_id) references public.organizations(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.invoices'::regclass and conname
    = 'invoices_organization_id_fkey'$$,
  array['c'],
  'invoices_organization_id_fkey is on delete cascade'
);
select fk_ok(
  'public', 'invoices',
  array['subscription_id']::name[],
  'public', 'subscriptions',
  array['id']::name[],
  'invoices(subscription_id) references public.subscriptions(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.invoices'::regclass and conname
    = 'invoices_subscription_id_fkey'$$,
  array['c'],
  'invoices_subscription_id_fkey is on delete cascade'
);

select has_index('public', 'invoices', 'idx_invoices_org', 'index idx_invoices_org exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_invoices_org'$$,
  array['CREATE INDEX idx_invoices_org ON public.invoices USING btree (organization_id, created_at DESC)'],
  'idx_invoices_org has its definition'
);
select has_index('public', 'invoices', 'idx_invoices_status', 'index idx_invoices_status exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_invoices_status'$$,
  array['CREATE INDEX idx_invoices_status ON public.invoices USING btree (status)'],
  'idx_invoices_status has its definition'
);
select has_index('public', 'invoices', 'idx_invoices_stripe', 'index idx_invoices_stripe exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_invoices_stripe'$$,
  array['CREATE UNIQUE INDEX idx_invoices_stripe ON public.invoices USING btree (stripe_invoice_id)'],
  'idx_invoices_stripe has its definition'
);
select has_index('public', 'invoices', 'idx_invoices_subscription', 'index idx_invoices_subscription exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_invoices_subscription'$$,
  array['CREATE INDEX idx_invoices_subscription ON public.invoices USING btree (subscription_id)'],
  'idx_invoices_subscription has its definition'
);

select has_trigger('public', 'invoices', 'set_updated_at', 'invoices has the trigger set_updated_at');
select trigger_is(
  'public', 'invoices', 'set_updated_at', 'private', 'set_updated_at',
  'trigger invoices.set_updated_at runs private.set_updated_at()'
);

-- payment_methods: structure ---------------------------------------------------

select has_table('public', 'payment_methods', 'public.payment_methods exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.payment_methods'::regclass$$,
  array[true],
  'payment_methods has row level security enabled'
);
select columns_are(
  'public', 'payment_methods',
  array['id', 'organization_id', 'stripe_payment_method_id', 'stripe_customer_id', 'card_brand', 'card_last4',
    'card_exp_month', 'card_exp_year', 'billing_name', 'billing_email', 'billing_address', 'is_default', 'is_active',
    'created_at', 'updated_at'],
  'payment_methods has exactly its 15 columns'
);

select col_type_is('public', 'payment_methods', 'id', 'uuid', 'payment_methods.id is uuid');
select col_not_null('public', 'payment_methods', 'id', 'payment_methods.id is not null');
select col_default_is(
  'public', 'payment_methods', 'id', 'gen_random_uuid()'::text,
  'payment_methods.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'payment_methods', 'organization_id', 'uuid', 'payment_methods.organization_id is uuid');
select col_not_null('public', 'payment_methods', 'organization_id', 'payment_methods.organization_id is not null');
select col_type_is(
  'public', 'payment_methods', 'stripe_payment_method_id', 'text',
  'payment_methods.stripe_payment_method_id is text'
);
select col_not_null(
  'public', 'payment_methods', 'stripe_payment_method_id',
  'payment_methods.stripe_payment_method_id is not null'
);
select col_type_is(
  'public', 'payment_methods', 'stripe_customer_id', 'text',
  'payment_methods.stripe_customer_id is text'
);
select col_not_null(
  'public', 'payment_methods', 'stripe_customer_id',
  'payment_methods.stripe_customer_id is not null'
);
select col_type_is('public', 'payment_methods', 'card_brand', 'text', 'payment_methods.card_brand is text');
select col_is_null('public', 'payment_methods', 'card_brand', 'payment_methods.card_brand may be null');
select col_type_is('public', 'payment_methods', 'card_last4', 'text', 'payment_methods.card_last4 is text');
select col_is_null('public', 'payment_methods', 'card_last4', 'payment_methods.card_last4 may be null');
select col_type_is(
  'public', 'payment_methods', 'card_exp_month', 'integer',
  'payment_methods.card_exp_month is integer'
);
select col_is_null('public', 'payment_methods', 'card_exp_month', 'payment_methods.card_exp_month may be null');
select col_type_is('public', 'payment_methods', 'card_exp_year', 'integer', 'payment_methods.card_exp_year is integer');
select col_is_null('public', 'payment_methods', 'card_exp_year', 'payment_methods.card_exp_year may be null');
select col_type_is('public', 'payment_methods', 'billing_name', 'text', 'payment_methods.billing_name is text');
select col_is_null('public', 'payment_methods', 'billing_name', 'payment_methods.billing_name may be null');
select col_type_is('public', 'payment_methods', 'billing_email', 'text', 'payment_methods.billing_email is text');
select col_is_null('public', 'payment_methods', 'billing_email', 'payment_methods.billing_email may be null');
select col_type_is('public', 'payment_methods', 'billing_address', 'jsonb', 'payment_methods.billing_address is jsonb');
select col_is_null('public', 'payment_methods', 'billing_address', 'payment_methods.billing_address may be null');
select col_type_is('public', 'payment_methods', 'is_default', 'boolean', 'payment_methods.is_default is boolean');
select col_not_null('public', 'payment_methods', 'is_default', 'payment_methods.is_default is not null');
select col_default_is(
  'public', 'payment_methods', 'is_default', false::boolean,
  'payment_methods.is_default defaults to false'
);
select col_type_is('public', 'payment_methods', 'is_active', 'boolean', 'payment_methods.is_active is boolean');
select col_not_null('public', 'payment_methods', 'is_active', 'payment_methods.is_active is not null');
select col_default_is(
  'public', 'payment_methods', 'is_active', true::boolean,
  'payment_methods.is_active defaults to true'
);
select col_type_is(
  'public', 'payment_methods', 'created_at', 'timestamp with time zone',
  'payment_methods.created_at is timestamp with time zone'
);
select col_not_null('public', 'payment_methods', 'created_at', 'payment_methods.created_at is not null');
select col_has_default('public', 'payment_methods', 'created_at', 'payment_methods.created_at has a default (now())');
select col_type_is(
  'public', 'payment_methods', 'updated_at', 'timestamp with time zone',
  'payment_methods.updated_at is timestamp with time zone'
);
select col_not_null('public', 'payment_methods', 'updated_at', 'payment_methods.updated_at is not null');
select col_has_default('public', 'payment_methods', 'updated_at', 'payment_methods.updated_at has a default (now())');

select has_pk('public', 'payment_methods', 'payment_methods has a primary key');
select col_is_pk('public', 'payment_methods', array['id']::name[], 'the primary key of payment_methods is (id)');
select col_is_unique(
  'public', 'payment_methods',
  array['stripe_payment_method_id']::name[],
  '(stripe_payment_method_id) is unique in payment_methods (idx_payment_methods_stripe)'
);

select fk_ok(
  'public', 'payment_methods',
  array['organization_id']::name[],
  'public', 'organizations',
  array['id']::name[],
  'payment_methods(organization_id) references public.organizations(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.payment_methods'::regclass
    and conname = 'payment_methods_organization_id_fkey'$$,
  array['c'],
  'payment_methods_organization_id_fkey is on delete cascade'
);

select has_index('public', 'payment_methods', 'idx_payment_methods_org', 'index idx_payment_methods_org exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_payment_methods_org'$$,
  array['CREATE INDEX idx_payment_methods_org ON public.payment_methods USING btree (organization_id) WHERE (is_active '
    '= true)'],
  'idx_payment_methods_org has its definition'
);
select has_index('public', 'payment_methods', 'idx_payment_methods_stripe', 'index idx_payment_methods_stripe exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_payment_methods_stripe'$$,
  array['CREATE UNIQUE INDEX idx_payment_methods_stripe ON public.payment_methods USING btree '
    '(stripe_payment_method_id)'],
  'idx_payment_methods_stripe has its definition'
);
select has_index(
  'public', 'payment_methods', 'payment_methods_one_default_per_org',
  'index payment_methods_one_default_per_org exists'
);
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'payment_methods_one_default_per_org'$$,
  array['CREATE UNIQUE INDEX payment_methods_one_default_per_org ON public.payment_methods USING btree '
    '(organization_id) WHERE (is_default AND is_active)'],
  'payment_methods_one_default_per_org has its definition'
);

select has_trigger('public', 'payment_methods', 'set_updated_at', 'payment_methods has the trigger set_updated_at');
select trigger_is(
  'public', 'payment_methods', 'set_updated_at', 'private', 'set_updated_at',
  'trigger payment_methods.set_updated_at runs private.set_updated_at()'
);

-- usage_tracking: structure ----------------------------------------------------

select has_table('public', 'usage_tracking', 'public.usage_tracking exists');
select results_eq(
  $$select relrowsecurity from pg_catalog.pg_class where oid = 'public.usage_tracking'::regclass$$,
  array[true],
  'usage_tracking has row level security enabled'
);
select columns_are(
  'public', 'usage_tracking',
  array['id', 'organization_id', 'subscription_id', 'metric_type', 'quantity', 'unit', 'period_start', 'period_end',
    'is_billable', 'invoiced', 'invoice_id', 'created_at'],
  'usage_tracking has exactly its 12 columns'
);

select col_type_is('public', 'usage_tracking', 'id', 'uuid', 'usage_tracking.id is uuid');
select col_not_null('public', 'usage_tracking', 'id', 'usage_tracking.id is not null');
select col_default_is(
  'public', 'usage_tracking', 'id', 'gen_random_uuid()'::text,
  'usage_tracking.id defaults to gen_random_uuid()'
);
select col_type_is('public', 'usage_tracking', 'organization_id', 'uuid', 'usage_tracking.organization_id is uuid');
select col_not_null('public', 'usage_tracking', 'organization_id', 'usage_tracking.organization_id is not null');
select col_type_is('public', 'usage_tracking', 'subscription_id', 'uuid', 'usage_tracking.subscription_id is uuid');
select col_not_null('public', 'usage_tracking', 'subscription_id', 'usage_tracking.subscription_id is not null');
select col_type_is('public', 'usage_tracking', 'metric_type', 'text', 'usage_tracking.metric_type is text');
select col_not_null('public', 'usage_tracking', 'metric_type', 'usage_tracking.metric_type is not null');
select col_type_is('public', 'usage_tracking', 'quantity', 'numeric(10,2)', 'usage_tracking.quantity is numeric(10,2)');
select col_not_null('public', 'usage_tracking', 'quantity', 'usage_tracking.quantity is not null');
select col_type_is('public', 'usage_tracking', 'unit', 'text', 'usage_tracking.unit is text');
select col_not_null('public', 'usage_tracking', 'unit', 'usage_tracking.unit is not null');
select col_type_is('public', 'usage_tracking', 'period_start', 'date', 'usage_tracking.period_start is date');
select col_not_null('public', 'usage_tracking', 'period_start', 'usage_tracking.period_start is not null');
select col_type_is('public', 'usage_tracking', 'period_end', 'date', 'usage_tracking.period_end is date');
select col_not_null('public', 'usage_tracking', 'period_end', 'usage_tracking.period_end is not null');
select col_type_is('public', 'usage_tracking', 'is_billable', 'boolean', 'usage_tracking.is_billable is boolean');
select col_not_null('public', 'usage_tracking', 'is_billable', 'usage_tracking.is_billable is not null');
select col_default_is(
  'public', 'usage_tracking', 'is_billable', true::boolean,
  'usage_tracking.is_billable defaults to true'
);
select col_type_is('public', 'usage_tracking', 'invoiced', 'boolean', 'usage_tracking.invoiced is boolean');
select col_not_null('public', 'usage_tracking', 'invoiced', 'usage_tracking.invoiced is not null');
select col_default_is(
  'public', 'usage_tracking', 'invoiced', false::boolean,
  'usage_tracking.invoiced defaults to false'
);
select col_type_is('public', 'usage_tracking', 'invoice_id', 'uuid', 'usage_tracking.invoice_id is uuid');
select col_is_null('public', 'usage_tracking', 'invoice_id', 'usage_tracking.invoice_id may be null');
select col_type_is(
  'public', 'usage_tracking', 'created_at', 'timestamp with time zone',
  'usage_tracking.created_at is timestamp with time zone'
);
select col_not_null('public', 'usage_tracking', 'created_at', 'usage_tracking.created_at is not null');
select col_has_default('public', 'usage_tracking', 'created_at', 'usage_tracking.created_at has a default (now())');

select has_pk('public', 'usage_tracking', 'usage_tracking has a primary key');
select col_is_pk('public', 'usage_tracking', array['id']::name[], 'the primary key of usage_tracking is (id)');

select fk_ok(
  'public', 'usage_tracking',
  array['invoice_id']::name[],
  'public', 'invoices',
  array['id']::name[],
  'usage_tracking(invoice_id) references public.invoices(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.usage_tracking'::regclass
    and conname = 'usage_tracking_invoice_id_fkey'$$,
  array['a'],
  'usage_tracking_invoice_id_fkey is on delete no action'
);
select fk_ok(
  'public', 'usage_tracking',
  array['organization_id']::name[],
  'public', 'organizations',
  array['id']::name[],
  'usage_tracking(organization_id) references public.organizations(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.usage_tracking'::regclass
    and conname = 'usage_tracking_organization_id_fkey'$$,
  array['c'],
  'usage_tracking_organization_id_fkey is on delete cascade'
);
select fk_ok(
  'public', 'usage_tracking',
  array['subscription_id']::name[],
  'public', 'subscriptions',
  array['id']::name[],
  'usage_tracking(subscription_id) references public.subscriptions(id)'
);
select results_eq(
  $$select confdeltype::text from pg_catalog.pg_constraint where conrelid = 'public.usage_tracking'::regclass
    and conname = 'usage_tracking_subscription_id_fkey'$$,
  array['c'],
  'usage_tracking_subscription_id_fkey is on delete cascade'
);

select has_index('public', 'usage_tracking', 'idx_usage_invoice', 'index idx_usage_invoice exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_usage_invoice'$$,
  array['CREATE INDEX idx_usage_invoice ON public.usage_tracking USING btree (invoice_id) WHERE (invoice_id IS NOT '
    'NULL)'],
  'idx_usage_invoice has its definition'
);
select has_index('public', 'usage_tracking', 'idx_usage_metric', 'index idx_usage_metric exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_usage_metric'$$,
  array['CREATE INDEX idx_usage_metric ON public.usage_tracking USING btree (metric_type)'],
  'idx_usage_metric has its definition'
);
select has_index('public', 'usage_tracking', 'idx_usage_org_period', 'index idx_usage_org_period exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_usage_org_period'$$,
  array['CREATE INDEX idx_usage_org_period ON public.usage_tracking USING btree (organization_id, period_start, '
    'period_end)'],
  'idx_usage_org_period has its definition'
);
select has_index('public', 'usage_tracking', 'idx_usage_subscription', 'index idx_usage_subscription exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_usage_subscription'$$,
  array['CREATE INDEX idx_usage_subscription ON public.usage_tracking USING btree (subscription_id)'],
  'idx_usage_subscription has its definition'
);
select has_index('public', 'usage_tracking', 'idx_usage_unbilled', 'index idx_usage_unbilled exists');
select results_eq(
  $$select pg_catalog.pg_get_indexdef(c.oid) from pg_catalog.pg_class as c where c.relnamespace = 'public'::regnamespace
    and c.relname = 'idx_usage_unbilled'$$,
  array['CREATE INDEX idx_usage_unbilled ON public.usage_tracking USING btree (is_billable, invoiced) WHERE '
    '((is_billable = true) AND (invoiced = false))'],
  'idx_usage_unbilled has its definition'
);


-- subscriptions: checks and keys --------------------------------------------------

select throws_ok(
    $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
      plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end)
      values ('00000000-0000-0000-0000-0000000000b2', 'sub_2', 'cus_2', 'price_2', 'gold', 'Enterprise - Monthly',
        'month', 0, 'trialing', '2025-01-01', '2025-02-01')$$,
    '23514', 'new row for relation "subscriptions" violates check constraint "subscriptions_plan_tier_check"',
    'an unknown plan tier is rejected'
);
select throws_ok(
    $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
      plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end)
      values ('00000000-0000-0000-0000-0000000000b2', 'sub_2', 'cus_2', 'price_2', 'enterprise', 'Enterprise - Monthly',
        'week', 0, 'trialing', '2025-01-01', '2025-02-01')$$,
    '23514', 'new row for relation "subscriptions" violates check constraint "subscriptions_billing_interval_check"',
    'a billing interval other than month and year is rejected'
);
select throws_ok(
    $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
      plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end,
      seat_count)
      values ('00000000-0000-0000-0000-0000000000b2', 'sub_2', 'cus_2', 'price_2', 'enterprise', 'Enterprise - Monthly',
        'month', 0, 'trialing', '2025-01-01', '2025-02-01', 0)$$,
    '23514', 'new row for relation "subscriptions" violates check constraint "subscriptions_seat_count_check"',
    'a subscription without seats is rejected'
);
select throws_ok(
    $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
      plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end,
      seats_used)
      values ('00000000-0000-0000-0000-0000000000b2', 'sub_2', 'cus_2', 'price_2', 'enterprise', 'Enterprise - Monthly',
        'month', 0, 'trialing', '2025-01-01', '2025-02-01', -1)$$,
    '23514', 'new row for relation "subscriptions" violates check constraint "subscriptions_seats_used_check"',
    'a negative count of seats used is rejected'
);
select throws_ok(
    $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
      plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end,
      seat_count, seats_used)
      values ('00000000-0000-0000-0000-0000000000b2', 'sub_2', 'cus_2', 'price_2', 'enterprise', 'Enterprise - Monthly',
        'month', 0, 'trialing', '2025-01-01', '2025-02-01', 5, 6)$$,
    '23514', 'new row for relation "subscriptions" violates check constraint "subscriptions_seats_within_count"',
    'more seats used than the subscription has is rejected'
);
select throws_ok(
    $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
      plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end)
      values ('00000000-0000-0000-0000-0000000000b2', 'sub_2', 'cus_2', 'price_2', 'enterprise', 'Enterprise - Monthly',
        'month', -1, 'trialing', '2025-01-01', '2025-02-01')$$,
    '23514', 'new row for relation "subscriptions" violates check constraint "subscriptions_amount_cents_check"',
    'a negative price is rejected'
);
select throws_ok(
    $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
      plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end, currency)
      values ('00000000-0000-0000-0000-0000000000b2', 'sub_2', 'cus_2', 'price_2', 'enterprise', 'Enterprise - Monthly',
        'month', 0, 'trialing', '2025-01-01', '2025-02-01', 'cad')$$,
    '23514', 'new row for relation "subscriptions" violates check constraint "subscriptions_currency_check"',
    'a currency that is not a three-letter upper-case ISO code is rejected'
);
select throws_ok(
    $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
      plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end)
      values ('00000000-0000-0000-0000-0000000000b2', 'sub_2', 'cus_2', 'price_2', 'enterprise', 'Enterprise - Monthly',
        'month', 0, 'expired', '2025-01-01', '2025-02-01')$$,
    '23514', 'new row for relation "subscriptions" violates check constraint "subscriptions_status_check"',
    'an unknown subscription status is rejected'
);
select throws_ok(
    $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
      plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end)
      values ('00000000-0000-0000-0000-0000000000b2', 'sub_2', 'cus_2', 'price_2', 'enterprise', 'Enterprise - Monthly',
        'month', 0, 'trialing', '2025-02-01', '2025-01-31')$$,
    '23514', 'new row for relation "subscriptions" violates check constraint "subscriptions_period_order"',
    'a billing period that ends before it starts is rejected'
);
select lives_ok(
    $test$do $$
      declare s text;
      begin
        foreach s in array array['trialing', 'active', 'past_due', 'canceled', 'unpaid', 'incomplete',
          'incomplete_expired', 'paused'] loop
          update public.subscriptions set status = s where id = '00000000-0000-0000-0000-0000000000e1';
        end loop;
      end
    $$$test$,
    'every Stripe subscription status is accepted'
);
select lives_ok(
    $test$do $$
      declare t text;
      begin
        foreach t in array array['free', 'professional', 'enterprise', 'custom'] loop
          update public.subscriptions set plan_tier = t,
            billing_interval = 'month' where id = '00000000-0000-0000-0000-0000000000e1';
        end loop;
        update public.subscriptions set billing_interval = 'year' where id = '00000000-0000-0000-0000-0000000000e1';
      end
    $$$test$,
    'each plan tier and both billing intervals are accepted'
);
select lives_ok(
    $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
      plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end,
      seat_count, seats_used, currency)
      values ('00000000-0000-0000-0000-0000000000b2', 'sub_2', 'cus_2', 'price_2', 'enterprise', 'Enterprise - Monthly',
        'month', 0, 'trialing', '2025-01-01', '2025-01-01', 1, 1, 'USD')$$,
    'one seat, all of it used, a free price and a period ending as it starts are accepted'
);
select throws_ok(
    $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
      plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end)
      values ('00000000-0000-0000-0000-0000000000b1', 'sub_3', 'cus_2', 'price_2', 'enterprise', 'Enterprise - Monthly',
        'month', 0, 'trialing', '2025-01-01', '2025-02-01')$$,
    '23505', 'duplicate key value violates unique constraint "subscriptions_organization_id_key"',
    'an organization has one subscription'
);
select throws_ok(
    $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
      plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end)
      values ('00000000-0000-0000-0000-0000000000b3', 'sub_1', 'cus_2', 'price_2', 'enterprise', 'Enterprise - Monthly',
        'month', 0, 'trialing', '2025-01-01', '2025-02-01')$$,
    '23505', 'duplicate key value violates unique constraint "idx_subscriptions_stripe_sub"',
    'two subscriptions cannot share a Stripe subscription id'
);
select throws_ok(
    $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
      plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end)
      values ('00000000-0000-0000-0000-0000000000ff', 'sub_4', 'cus_2', 'price_2', 'enterprise', 'Enterprise - Monthly',
        'month', 0, 'trialing', '2025-01-01', '2025-02-01')$$,
    '23503', 'insert or update on table "subscriptions" violates foreign key constraint '
      '"subscriptions_organization_id_fkey"',
    'a subscription must belong to an existing organization'
);
select lives_ok(
    $$update public.organizations set subscription_id = '00000000-0000-0000-0000-0000000000e1'
      where id = '00000000-0000-0000-0000-0000000000b1'$$,
    'an organization may point at its subscription'
);
-- subscription_seats: checks and keys ---------------------------------------------

select lives_ok(
    $$insert into public.subscription_seats (id, subscription_id, organization_id, assigned_to_user_id, assigned_by,
      status, login_count)
      values ('00000000-0000-0000-0000-0000000000e5', '00000000-0000-0000-0000-0000000000e1',
        '00000000-0000-0000-0000-0000000000b1',
              '00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000a1', 'assigned', 0)$$,
    'an assigned seat never logged into is accepted'
);
select throws_ok(
    $$insert into public.subscription_seats (subscription_id, organization_id, status)
      values ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000b1', 'reserved')$$,
    '23514', 'new row for relation "subscription_seats" violates check constraint "subscription_seats_status_check"',
    'an unknown seat status is rejected'
);
select lives_ok(
    $$insert into public.subscription_seats (subscription_id, organization_id, status)
      select '00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000b1', s
      from unnest(array['available', 'assigned', 'active', 'suspended']) as s$$,
    'the available, assigned, active and suspended seat statuses are accepted'
);
select throws_ok(
    $$insert into public.subscription_seats (subscription_id, organization_id, login_count)
      values ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000b1', -1)$$,
    '23514', 'new row for relation "subscription_seats" violates check constraint '
      '"subscription_seats_login_count_check"',
    'a negative seat login count is rejected'
);
select throws_ok(
    $$insert into public.subscription_seats (subscription_id, organization_id)
      values ('00000000-0000-0000-0000-0000000000ff', '00000000-0000-0000-0000-0000000000b1')$$,
    '23503', 'insert or update on table "subscription_seats" violates foreign key constraint '
      '"subscription_seats_subscription_id_fkey"',
    'a seat must belong to an existing subscription'
);
select throws_ok(
    $$insert into public.subscription_seats (subscription_id, organization_id, team_id)
      values ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000b1',
        '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "subscription_seats" violates foreign key constraint '
      '"subscription_seats_team_id_fkey"',
    'a seat cannot be assigned to a team that does not exist'
);
select throws_ok(
    $$insert into public.subscription_seats (subscription_id, organization_id)
      values ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "subscription_seats" violates foreign key constraint '
      '"subscription_seats_organization_id_fkey"',
    'a seat must belong to an existing organization'
);
select throws_ok(
    $$insert into public.subscription_seats (subscription_id, organization_id, assigned_to_user_id)
      values ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000b1',
        '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "subscription_seats" violates foreign key constraint '
      '"subscription_seats_assigned_to_user_id_fkey"',
    'a seat cannot be assigned to a profile that does not exist'
);
select throws_ok(
    $$insert into public.subscription_seats (subscription_id, organization_id, assigned_by)
      values ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000b1',
        '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "subscription_seats" violates foreign key constraint '
      '"subscription_seats_assigned_by_fkey"',
    'whoever assigned a seat must be an existing profile'
);
select lives_ok(
    $$update public.profiles set seat_id = '00000000-0000-0000-0000-0000000000e5' where id
      = '00000000-0000-0000-0000-0000000000a1'$$,
    'a profile may point at its seat'
);

-- invoices: checks and keys -------------------------------------------------------

select throws_ok(
    $$insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
      period_start, period_end)
      values ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000b1', 'in_x', -1, 'open',
        '2025-01-01', '2025-01-31')$$,
    '23514', 'new row for relation "invoices" violates check constraint "invoices_amount_cents_check"',
    'a negative invoice amount is rejected'
);
select throws_ok(
    $$update public.invoices set amount_paid_cents = -1 where id = '00000000-0000-0000-0000-0000000000f1'$$,
    '23514', 'new row for relation "invoices" violates check constraint "invoices_amount_paid_cents_check"',
    'a negative amount paid is rejected'
);
select throws_ok(
    $$update public.invoices set currency = 'CA' where id = '00000000-0000-0000-0000-0000000000f1'$$,
    '23514', 'new row for relation "invoices" violates check constraint "invoices_currency_check"',
    'an invoice currency that is not a three-letter ISO code is rejected'
);
select throws_ok(
    $$update public.invoices set status = 'refunded' where id = '00000000-0000-0000-0000-0000000000f1'$$,
    '23514', 'new row for relation "invoices" violates check constraint "invoices_status_check"',
    'an unknown invoice status is rejected'
);
select lives_ok(
    $test$do $$
      declare s text;
      begin
        foreach s in array array['draft', 'open', 'paid', 'void', 'uncollectible'] loop
          update public.invoices set status = s where id = '00000000-0000-0000-0000-0000000000f1';
        end loop;
      end
    $$$test$,
    'each of the five invoice statuses is accepted'
);
select throws_ok(
    $$update public.invoices set tax_gst_cents = -1 where id = '00000000-0000-0000-0000-0000000000f1'$$,
    '23514', 'new row for relation "invoices" violates check constraint "invoices_tax_gst_cents_check"',
    'a negative GST is rejected'
);
select throws_ok(
    $$update public.invoices set tax_hst_cents = -1 where id = '00000000-0000-0000-0000-0000000000f1'$$,
    '23514', 'new row for relation "invoices" violates check constraint "invoices_tax_hst_cents_check"',
    'a negative HST is rejected'
);
select throws_ok(
    $$update public.invoices set tax_qst_cents = -1 where id = '00000000-0000-0000-0000-0000000000f1'$$,
    '23514', 'new row for relation "invoices" violates check constraint "invoices_tax_qst_cents_check"',
    'a negative QST is rejected'
);
select throws_ok(
    $$update public.invoices set tax_pst_cents = -1 where id = '00000000-0000-0000-0000-0000000000f1'$$,
    '23514', 'new row for relation "invoices" violates check constraint "invoices_tax_pst_cents_check"',
    'a negative PST is rejected'
);
select throws_ok(
    $$update public.invoices set period_end = period_start - 1 where id = '00000000-0000-0000-0000-0000000000f1'$$,
    '23514', 'new row for relation "invoices" violates check constraint "invoices_period_order"',
    'an invoice period that ends before it starts is rejected'
);
select lives_ok(
    $$update public.invoices
      set period_end = period_start, amount_cents = 0, amount_paid_cents = 0,
          tax_gst_cents = 0, tax_hst_cents = 0, tax_qst_cents = 0, tax_pst_cents = 0
      where id = '00000000-0000-0000-0000-0000000000f1'$$,
    'a one-day period and zero amounts and taxes are accepted'
);
select throws_ok(
    $$insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
      period_start, period_end)
      values ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000b1', 'in_1', 0, 'open',
        '2025-01-01', '2025-01-31')$$,
    '23505', 'duplicate key value violates unique constraint "idx_invoices_stripe"',
    'two invoices cannot share a Stripe invoice id'
);
select throws_ok(
    $$insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
      period_start, period_end)
      values ('00000000-0000-0000-0000-0000000000ff', '00000000-0000-0000-0000-0000000000b1', 'in_x', 0, 'open',
        '2025-01-01', '2025-01-31')$$,
    '23503', 'insert or update on table "invoices" violates foreign key constraint "invoices_subscription_id_fkey"',
    'an invoice must belong to an existing subscription'
);
select throws_ok(
    $$insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
      period_start, period_end)
      values ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000ff', 'in_x', 0, 'open',
        '2025-01-01', '2025-01-31')$$,
    '23503', 'insert or update on table "invoices" violates foreign key constraint "invoices_organization_id_fkey"',
    'an invoice must belong to an existing organization'
);

-- payment_methods: checks and keys ------------------------------------------------

select lives_ok(
    $$insert into public.payment_methods (organization_id, stripe_payment_method_id, stripe_customer_id,
                                          card_last4, card_exp_month, card_exp_year, is_default) values
      ('00000000-0000-0000-0000-0000000000b1', 'pm_1', 'cus_1', '0000', 1, 2000, true),
      ('00000000-0000-0000-0000-0000000000b1', 'pm_2', 'cus_1', '9999', 12, 2200, false)$$,
    'last four digits 0000 and 9999, months 1 and 12, years 2000 and 2200 are accepted'
);
select throws_ok(
    $$insert into public.payment_methods (organization_id, stripe_payment_method_id, stripe_customer_id, card_last4)
      values ('00000000-0000-0000-0000-0000000000b1', 'pm_x', 'cus_1', '123')$$,
    '23514', 'new row for relation "payment_methods" violates check constraint "payment_methods_card_last4_check"',
    'three digits are not the last four'
);
select throws_ok(
    $$insert into public.payment_methods (organization_id, stripe_payment_method_id, stripe_customer_id, card_last4)
      values ('00000000-0000-0000-0000-0000000000b1', 'pm_x', 'cus_1', '12a4')$$,
    '23514', 'new row for relation "payment_methods" violates check constraint "payment_methods_card_last4_check"',
    'last four with a letter are rejected'
);
select throws_ok(
    $$insert into public.payment_methods (organization_id, stripe_payment_method_id, stripe_customer_id, card_last4)
      values ('00000000-0000-0000-0000-0000000000b1', 'pm_x', 'cus_1', '4242424242424242')$$,
    '23514', 'new row for relation "payment_methods" violates check constraint "payment_methods_card_last4_check"',
    'a full card number is rejected'
);
select throws_ok(
    $$insert into public.payment_methods (organization_id, stripe_payment_method_id, stripe_customer_id, card_exp_month)
      values ('00000000-0000-0000-0000-0000000000b1', 'pm_x', 'cus_1', 0)$$,
    '23514', 'new row for relation "payment_methods" violates check constraint "payment_methods_card_exp_month_check"',
    'expiry month 0 is rejected'
);
select throws_ok(
    $$insert into public.payment_methods (organization_id, stripe_payment_method_id, stripe_customer_id, card_exp_month)
      values ('00000000-0000-0000-0000-0000000000b1', 'pm_x', 'cus_1', 13)$$,
    '23514', 'new row for relation "payment_methods" violates check constraint "payment_methods_card_exp_month_check"',
    'expiry month 13 is rejected'
);
select throws_ok(
    $$insert into public.payment_methods (organization_id, stripe_payment_method_id, stripe_customer_id, card_exp_year)
      values ('00000000-0000-0000-0000-0000000000b1', 'pm_x', 'cus_1', 1999)$$,
    '23514', 'new row for relation "payment_methods" violates check constraint "payment_methods_card_exp_year_check"',
    'expiry year 1999 is rejected'
);
select throws_ok(
    $$insert into public.payment_methods (organization_id, stripe_payment_method_id, stripe_customer_id, card_exp_year)
      values ('00000000-0000-0000-0000-0000000000b1', 'pm_x', 'cus_1', 2201)$$,
    '23514', 'new row for relation "payment_methods" violates check constraint "payment_methods_card_exp_year_check"',
    'expiry year 2201 is rejected'
);
select throws_ok(
    $$insert into public.payment_methods (organization_id, stripe_payment_method_id, stripe_customer_id)
      values ('00000000-0000-0000-0000-0000000000b2', 'pm_1', 'cus_2')$$,
    '23505', 'duplicate key value violates unique constraint "idx_payment_methods_stripe"',
    'two payment methods cannot share a Stripe payment method id'
);
select throws_ok(
    $$insert into public.payment_methods (organization_id, stripe_payment_method_id, stripe_customer_id, is_default)
      values ('00000000-0000-0000-0000-0000000000b1', 'pm_3', 'cus_1', true)$$,
    '23505', 'duplicate key value violates unique constraint "payment_methods_one_default_per_org"',
    'an organization cannot have two default active payment methods'
);
select lives_ok(
    $$insert into public.payment_methods (organization_id, stripe_payment_method_id, stripe_customer_id, is_default,
      is_active) values
      ('00000000-0000-0000-0000-0000000000b1', 'pm_4', 'cus_1', true, false),
      ('00000000-0000-0000-0000-0000000000b2', 'pm_5', 'cus_2', true, true)$$,
    'an inactive former default, or another organization''s default, is accepted'
);
select throws_ok(
    $$insert into public.payment_methods (organization_id, stripe_payment_method_id, stripe_customer_id)
      values ('00000000-0000-0000-0000-0000000000ff', 'pm_x', 'cus_x')$$,
    '23503', 'insert or update on table "payment_methods" violates foreign key constraint '
      '"payment_methods_organization_id_fkey"',
    'a payment method must belong to an existing organization'
);

-- usage_tracking: checks and keys -------------------------------------------------

select throws_ok(
    $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
      period_end)
      values ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000e1', 'page_views', 1, 'count',
        '2025-01-01', '2025-01-31')$$,
    '23514', 'new row for relation "usage_tracking" violates check constraint "usage_tracking_metric_type_check"',
    'an unknown usage metric is rejected'
);
select lives_ok(
    $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
      period_end)
      select '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000e1', m, 0, 'count',
        '2025-01-01', '2025-01-01'
      from unnest(array['api_calls', 'ai_coach_sessions', 'data_exports', 'custom_courses', 'storage_gb']) as m$$,
    'each of the five metrics is accepted, with a zero quantity over a one-day period'
);
select throws_ok(
    $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
      period_end)
      values ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000e1', 'api_calls', -0.01,
        'count', '2025-01-01', '2025-01-31')$$,
    '23514', 'new row for relation "usage_tracking" violates check constraint "usage_tracking_quantity_check"',
    'a negative quantity is rejected'
);
select throws_ok(
    $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
      period_end)
      values ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000e1', 'api_calls', 1, 'count',
        '2025-01-31', '2025-01-30')$$,
    '23514', 'new row for relation "usage_tracking" violates check constraint "usage_tracking_period_order"',
    'a usage period that ends before it starts is rejected'
);
select throws_ok(
    $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
      period_end, invoice_id)
      values ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000e1', 'api_calls', 1, 'count',
        '2025-01-01', '2025-01-31',
              '00000000-0000-0000-0000-0000000000ff')$$,
    '23503', 'insert or update on table "usage_tracking" violates foreign key constraint '
      '"usage_tracking_invoice_id_fkey"',
    'usage cannot name an invoice that does not exist'
);
select throws_ok(
    $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
      period_end)
      values ('00000000-0000-0000-0000-0000000000ff', '00000000-0000-0000-0000-0000000000e1', 'api_calls', 1, 'count',
        '2025-01-01', '2025-01-31')$$,
    '23503', 'insert or update on table "usage_tracking" violates foreign key constraint '
      '"usage_tracking_organization_id_fkey"',
    'usage must belong to an existing organization'
);
select throws_ok(
    $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
      period_end)
      values ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000ff', 'api_calls', 1, 'count',
        '2025-01-01', '2025-01-31')$$,
    '23503', 'insert or update on table "usage_tracking" violates foreign key constraint '
      '"usage_tracking_subscription_id_fkey"',
    'usage must belong to an existing subscription'
);
select lives_ok(
    $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
      period_end, invoiced, invoice_id)
      values ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000e1', 'api_calls', 1200,
        'count', '2025-01-01', '2025-01-31',
              true, '00000000-0000-0000-0000-0000000000f1')$$,
    'invoiced usage may name its invoice'
);

select * from finish();
rollback;
