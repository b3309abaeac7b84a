/*
  revoke_certificate: a super_admin, or the org_admin of the holder's
  organization, revokes a certificate with a reason. The certificate keeps
  its row (status 'revoked', revoked_at, revoked_reason): verify_certificate
  then reports it revoked, and certificates_earned stops counting it
  (trigger of 022_learning_loop). The holder is notified.

  Checks, in the order that leaks nothing: input (22023); a certificate the
  caller cannot read is P0002 'certificate not found' (the policy of
  rls_policies/certificates.sql: own, staff of the holder's organization,
  super_admin); readable but not the caller's to revoke (a holder, a
  compliance_officer, an analyst) is 42501; already revoked is 23505.
*/

create or replace function private.revoke_certificate(p_certificate_id uuid, p_reason text)
returns public.certificates
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  cert public.certificates;
  reason text := pg_catalog.btrim(p_reason);
  me uuid;
  holder_org uuid;
begin
  if p_certificate_id is null then
    raise exception using errcode = '22023', message = 'p_certificate_id is required', hint = 'Pass a certificate id.';
  end if;
  if reason is null or reason = '' or pg_catalog.length(reason) > 1000 then
    raise exception using
      errcode = '22023',
      message = 'p_reason is required (at most 1000 characters)',
      hint = 'Say why the certificate is revoked: the holder is told.';
  end if;
  me := private.signed_in_user();

  select ce.* into cert from public.certificates as ce where ce.id = p_certificate_id for update;
  select p.organization_id into holder_org
  from public.profiles as p where p.id = cert.user_id and p.deleted_at is null;

  if cert.id is null or not (
    cert.user_id = me
    or ((select private.is_org_staff()) and holder_org = (select private.current_org_id()))
    or (select private.is_super_admin())
  ) then
    raise exception using errcode = 'P0002', message = 'certificate not found', hint = 'Check the certificate id.';
  end if;
  if not (
    (select private.is_super_admin())
    or ((select private.is_org_admin()) and holder_org = (select private.current_org_id()))
  ) then
    raise exception using
      errcode = '42501',
      message = 'only a super_admin or the org admin of the holder''s organization revokes a certificate',
      hint = 'Ask your organization''s admin.';
  end if;
  if cert.status = 'revoked' then
    raise exception using
      errcode = '23505',
      message = 'this certificate is already revoked',
      hint = pg_catalog.format('Revoked at %s.', cert.revoked_at);
  end if;

  update public.certificates as ce
  set status = 'revoked', revoked_at = pg_catalog.now(), revoked_reason = reason
  where ce.id = cert.id
  returning ce.* into cert;

  perform private.learning_notify(
    cert.user_id, 'system', 'Certificate revoked', 'Certificat révoqué',
    pg_catalog.format('Your certificate %s was revoked: %s', cert.certificate_number, reason),
    pg_catalog.format('Votre certificat %s a été révoqué : %s', cert.certificate_number, reason)
  );
  return cert;
end;
$$;

create or replace function public.revoke_certificate(p_certificate_id uuid, p_reason text)
returns public.certificates
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.revoke_certificate(p_certificate_id, p_reason)
$$;

comment on function public.revoke_certificate(uuid, text) is
'Revokes a certificate with a reason (super_admin, or the org admin of the holder''s organization); the holder is '
'notified and verify_certificate reports it revoked. Returns the certificate. 22023 missing id or reason, P0002 no '
'such certificate visible to you, 42501 not allowed to revoke it, 23505 already revoked.';

revoke all on function
  private.revoke_certificate(uuid, text),
  public.revoke_certificate(uuid, text)
from public, anon, authenticated;
grant execute on function
  private.revoke_certificate(uuid, text),
  public.revoke_certificate(uuid, text)
to authenticated;
