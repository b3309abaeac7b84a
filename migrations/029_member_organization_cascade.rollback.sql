-- Undoes 029_member_organization_cascade: the trigger function as 021 created it.
create or replace function private.set_member_organization() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  new.organization_id := (
    select p.organization_id from public.profiles as p where p.id = new.user_id and p.deleted_at is null
  );
  return new;
end;
$$;

comment on function private.set_member_organization() is
'BEFORE trigger of progress and certificates: organization_id is the holder''s organization '
'while their profile is live.';
