/*
  plan_limits: usage limits per plan tier or price. Read and written by
  service_role only; members see their organization's limits through
  consume_usage and usage_summary (rpc_functions/53_usage.sql).
*/
alter table public.plan_limits enable row level security;

revoke all on public.plan_limits from anon, authenticated;
grant select, insert, update, delete on public.plan_limits to service_role;
