/*
  billing_prices: the price catalog (Stripe price -> plan tier, seats). Read
  and written by service_role only (the webhook handler and the operators'
  tools); clients see their plan through their subscription.
*/
alter table public.billing_prices enable row level security;

revoke all on public.billing_prices from anon, authenticated;
grant select, insert, update, delete on public.billing_prices to service_role;
