-- Undoes 006_billing.
drop table if exists public.usage_tracking;
drop table if exists public.payment_methods;
drop table if exists public.invoices;
drop table if exists public.subscription_seats;
drop table if exists public.subscriptions;
