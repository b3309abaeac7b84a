/*
  Resource files: resources.file_url is not readable by clients. get_resource_file
  returns it when the caller's tier reaches the resource's tier_required (its
  author and super_admin: always); it is STABLE and writes nothing, so a frontend
  may send it to a read replica (supabase-js `.rpc(name, args, { get: true })`).
  record_resource_download counts a download (the same checks; on the primary).
  Signed-in users only; anon reads the catalog metadata.

  Interpretation: viewer and guest may download (reading), and their
  downloads are counted: download_count is the resource's statistic, not a
  write of theirs.
*/

-- The resource the caller may download, or the error saying why not.
create or replace function private.resource_file_checked(p_resource_id uuid)
returns public.resources
language plpgsql
stable
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
  return r;
end;
$$;

comment on function private.resource_file_checked(uuid) is
'Internal: the resource the caller may download; 22023 missing id, 42501 not signed in or tier too low, '
  'P0002 no such published resource.';

revoke all on function private.resource_file_checked(uuid) from public, anon, authenticated;

create or replace function private.get_resource_file(p_resource_id uuid)
returns text
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select (private.resource_file_checked(p_resource_id)).file_url
$$;

create or replace function public.get_resource_file(p_resource_id uuid)
returns text
language sql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.get_resource_file(p_resource_id)
$$;

comment on function public.get_resource_file(uuid) is
'The file URL of a published resource when your tier reaches its tier_required. A read (STABLE: a read replica '
  'may serve it); record_resource_download counts the download. 22023 missing id, P0002 no such published resource, '
  '42501 tier too low or not signed in.';

revoke all on function private.get_resource_file(uuid), public.get_resource_file(uuid) from public, anon, authenticated;
grant execute on function private.get_resource_file(uuid), public.get_resource_file(uuid) to authenticated;

create or replace function private.record_resource_download(p_resource_id uuid)
returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  r public.resources := private.resource_file_checked(p_resource_id);
  v_count integer;
begin
  update public.resources as re set download_count = re.download_count + 1
  where re.id = r.id
  returning re.download_count into v_count;
  return v_count;
end;
$$;

create or replace function public.record_resource_download(p_resource_id uuid)
returns integer
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.record_resource_download(p_resource_id)
$$;

comment on function public.record_resource_download(uuid) is
'Counts a download of a resource you may download (the checks of get_resource_file); returns its download_count. '
  'A write: send it to the primary. 22023 missing id, P0002 no such published resource, 42501 tier too low or '
  'not signed in.';

revoke all on function private.record_resource_download(uuid), public.record_resource_download(uuid)
from public, anon, authenticated;
grant execute on function private.record_resource_download(uuid), public.record_resource_download(uuid)
to authenticated;
