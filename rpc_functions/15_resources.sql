/*
  Resource files: resources.file_url is not readable by clients; this RPC
  returns it when the caller's tier reaches the resource's tier_required
  (its author and super_admin: always), and counts the download. Signed-in
  users only; anon reads the catalog metadata.

  Interpretation: viewer and guest may download (reading), and their
  downloads are counted: download_count is the resource's statistic, not a
  write of theirs.
*/

create or replace function private.get_resource_file(p_resource_id uuid)
returns text
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  r public.resources;
  is_author_of boolean;
begin
  if p_resource_id is null then
    raise exception using errcode = '22023', message = 'p_resource_id is required', hint = 'Pass a resource id.';
  end if;
  if (select private.current_user_id()) is null then
    raise exception using
      errcode = '42501',
      message = 'sign in first: files are for signed-in users',
      hint = 'Call it with a user''s JWT.';
  end if;

  select * into r from public.resources as re where re.id = p_resource_id;
  is_author_of := found and (
    (select private.is_super_admin())
    or ((select private.is_educator()) and r.created_by = (select private.current_user_id()))
  );
  if not found or (not r.is_published and not is_author_of) then
    raise exception using errcode = 'P0002', message = 'resource not found';
  end if;
  if not is_author_of and (select private.current_tier_rank()) < private.tier_rank(r.tier_required) then
    raise exception using
      errcode = '42501',
      message = pg_catalog.format('this resource requires the %s tier', r.tier_required),
      hint = 'Upgrade the subscription to download it.';
  end if;

  update public.resources as re set download_count = re.download_count + 1 where re.id = r.id;
  return r.file_url;
end;
$$;

create or replace function public.get_resource_file(p_resource_id uuid)
returns text
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.get_resource_file(p_resource_id)
$$;

comment on function public.get_resource_file(uuid) is
'The file URL of a published resource when your tier reaches its tier_required; counts the download. 22023 missing id, '
  'P0002 no such published resource, 42501 tier too low or not signed in.';

revoke all on function private.get_resource_file(uuid), public.get_resource_file(uuid) from public, anon, authenticated;
grant execute on function private.get_resource_file(uuid), public.get_resource_file(uuid) to authenticated;
