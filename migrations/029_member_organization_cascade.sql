/*
  029_member_organization_cascade: deleting an organization never depends on the
  order its foreign-key actions fire in.

  Progress and certificates carry their holder's organization (021), set by the
  BEFORE trigger private.set_member_organization() from the holder's profile.
  Deleting an organization fires one ON DELETE action per referencing foreign
  key, in the order of their internal trigger names (RI_ConstraintTrigger_a_<oid>),
  and a dump and restore or a pg_upgrade renumbers them. When certificates'
  (or progress') SET NULL fires before profiles' SET NULL, the BEFORE trigger
  re-derived the organization from the profile, which still named the deleted
  organization, and wrote it back: 23503 on certificates_organization_id_fkey,
  and the organization could not be deleted.

  The trigger now derives only an organization that exists: the deleted one is
  invisible to it whichever action fires first, so the row gets null, as the
  column's ON DELETE SET NULL says. Outside a deletion nothing changes (a
  profile's organization_id always references an existing organization).
*/

create or replace function private.set_member_organization() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  -- The holder's organization while their profile is live and the organization
  -- exists: an organization being deleted is gone for this query, whether or not
  -- profiles' ON DELETE SET NULL has run yet.
  new.organization_id := (
    select p.organization_id
    from public.profiles as p
    inner join public.organizations as o on p.organization_id = o.id
    where p.id = new.user_id and p.deleted_at is null
  );
  return new;
end;
$$;

comment on function private.set_member_organization() is
'BEFORE trigger of progress and certificates: organization_id is the holder''s organization '
'while their profile is live (null once the organization is deleted, whatever the order of the '
'foreign-key actions).';

revoke all on function private.set_member_organization() from public, anon, authenticated;
