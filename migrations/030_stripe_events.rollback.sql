-- Undoes 030_stripe_events.
drop table if exists private.stripe_customers;
drop table if exists private.stripe_objects;
drop table if exists private.stripe_events;
drop table if exists public.billing_prices;
