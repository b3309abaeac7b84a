/*
  Feature flags: is a flag on for the caller?

  Clients cannot read feature_flags (its targeting lists name organizations
  and users); everyone, anon included, asks feature_enabled(flag_key). The
  public function is security invoker over a private security definer
  evaluator.

  A flag is on for the caller when it exists, is_enabled, its target matches
    global        everyone;
    tier          the caller's profiles.subscription_tier is in target_tiers;
    organization  the caller's organization is in target_org_ids;
    user          the caller is in target_user_ids;
  and the caller falls in the rollout: bucket < rollout_percentage, where the
  bucket (0..99) is the first 32 bits of md5(flag_key || user id) modulo 100,
  so a user keeps their answer from call to call and each flag rolls out to a
  different slice of users. Callers without a profile (anon, service_role)
  get global flags only, and only at 100% rollout: they have no id to bucket.
  An unknown flag is off (false), not an error, so clients can ship flag
  checks before the flag exists.
*/

create or replace function private.rollout_bucket(p_flag_key text, p_user_id uuid) returns integer
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select (
    ('x' || pg_catalog.substr(pg_catalog.md5(p_flag_key || p_user_id::text), 1, 8))::bit(32)::bigint % 100
  )::integer
$$;

comment on function private.rollout_bucket(text, uuid) is
'Deterministic rollout bucket 0..99 of a user for a flag: md5(flag_key || user id), first 32 bits, modulo 100.';

revoke all on function private.rollout_bucket(text, uuid) from public, anon, authenticated;

create or replace function private.feature_enabled(p_flag_key text) returns boolean
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_flag public.feature_flags%rowtype;
  v_me public.profiles%rowtype;
  v_targeted boolean;
begin
  if p_flag_key is null or pg_catalog.btrim(p_flag_key) = '' then
    raise exception using errcode = '22023', message = 'p_flag_key is required',
      hint = 'Pass a feature flag key, e.g. ''ai_coach''.';
  end if;

  select f.* into v_flag from public.feature_flags as f where f.flag_key = p_flag_key;
  if not found or not v_flag.is_enabled then
    return false;
  end if;

  select p.* into v_me from public.profiles as p
  where p.id = (select auth.uid()) and p.deleted_at is null;

  if v_me.id is null then
    return v_flag.target_type = 'global' and v_flag.rollout_percentage = 100;
  end if;

  v_targeted := case v_flag.target_type
    when 'global' then true
    when 'tier' then v_me.subscription_tier = any(v_flag.target_tiers)
    when 'organization' then coalesce(v_me.organization_id = any(v_flag.target_org_ids), false)
    when 'user' then v_me.id = any(v_flag.target_user_ids)
    else false
  end;
  if not v_targeted then
    return false;
  end if;

  return private.rollout_bucket(v_flag.flag_key, v_me.id) < v_flag.rollout_percentage;
end;
$$;

create or replace function public.feature_enabled(p_flag_key text) returns boolean
language sql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.feature_enabled(p_flag_key)
$$;

comment on function public.feature_enabled(text) is
'Is the feature flag on for the caller? Global, tier, organization or user targeting plus a deterministic percentage '
  'rollout; anon gets global flags at 100% only; an unknown flag is false. Errors: 22023 no key.';

revoke all on function private.feature_enabled(text) from public, anon, authenticated;
revoke all on function public.feature_enabled(text) from public, anon, authenticated;
grant execute on function private.feature_enabled(text) to anon, authenticated, service_role;
grant execute on function public.feature_enabled(text) to anon, authenticated, service_role;
