/*
  016_certificate_verification: a secret verification code on certificates.

  Certificate numbers are ABR-YYYY-NNNNNN, taken from a sequence, and
  public.verify_certificate() is callable by anon: with the number alone,
  anyone could walk the sequence and list every certificate holder's name,
  course and dates. Each certificate now also carries a random verification
  code (12 upper-case hex characters, 48 bits from gen_random_uuid(), which
  is drawn from a strong random source), printed on the certificate next to
  its number; verification needs both (rpc_functions/12_certificates.sql).

  The default is volatile, so existing certificates each get their own code
  when the column is added. The holder reads their code with their own
  certificate row (rls_policies/certificates.sql grants select on the table).
*/

alter table public.certificates
add column verification_code text not null
default pg_catalog.upper(pg_catalog.substr(pg_catalog.md5(pg_catalog.gen_random_uuid()::text), 1, 12))
constraint certificates_verification_code_format check (verification_code ~ '^[0-9A-F]{12}$');

comment on column public.certificates.verification_code is
'Secret code printed on the certificate with its number; public.verify_certificate() needs both, so numbers cannot be enumerated. 12 upper-case hex characters, random.';
