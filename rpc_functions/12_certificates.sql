/*
  Certificate verification: anyone (anon included) checks a certificate by
  its number AND its verification code, both printed on the certificate,
  e.g. an employer following the link on a PDF. It returns the holder's
  name and the course title AS ISSUED (certificates.holder_name and
  course_title_en/fr, set when the certificate was issued and immutable:
  migration 020_security_fixes; renaming a profile or a course changes no
  certificate), the dates and the status, and nothing else: no ids, no
  email, no score, no organization.

  Why the code: numbers are ABR-YYYY-NNNNNN from a sequence, so the number
  alone would let anyone enumerate every holder (migration
  016_certificate_verification). An unknown number and a wrong code give the
  same P0002 'certificate not found', so the answer never tells whether a
  number exists.

  Interpretation: a certificate whose expiry_date has passed is reported as
  'expired' even before a job updates its status. A certificate of a
  soft-deleted holder is not found: soft-deleted people are invisible.
  Number and code are trimmed and compared case-insensitively.
*/

-- The one-argument signature (number only) is gone.
drop function if exists public.verify_certificate(text);
drop function if exists private.verify_certificate(text);

create or replace function private.verify_certificate(p_certificate_number text, p_verification_code text)
returns table (
  holder_name text,
  course_title_en text,
  course_title_fr text,
  issued_date date,
  expiry_date date,
  status text
)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  wanted text := pg_catalog.upper(pg_catalog.btrim(p_certificate_number));
  code text := pg_catalog.upper(pg_catalog.btrim(p_verification_code));
begin
  if wanted is null or wanted !~ '^ABR-[0-9]{4}-[0-9]{6,}$' then
    raise exception using
      errcode = '22023',
      message = 'p_certificate_number must look like ABR-YYYY-NNNNNN',
      hint = 'Copy the number printed on the certificate.';
  end if;
  if code is null or code !~ '^[0-9A-F]{12}$' then
    raise exception using
      errcode = '22023',
      message = 'p_verification_code must be 12 characters, 0-9 and A-F',
      hint = 'Copy the verification code printed on the certificate next to its number.';
  end if;

  return query
  select
    ce.holder_name,
    ce.course_title_en,
    ce.course_title_fr,
    ce.issued_date,
    ce.expiry_date,
    case
      when ce.status = 'active' and ce.expiry_date < current_date then 'expired'
      else ce.status
    end
  from public.certificates as ce
  inner join public.profiles as p on ce.user_id = p.id
  where
    ce.certificate_number = wanted
    and ce.verification_code = code
    and p.deleted_at is null;

  -- One answer for an unknown number, a wrong code and a soft-deleted
  -- holder: no oracle for which numbers exist.
  if not found then
    raise exception using
      errcode = 'P0002',
      message = 'certificate not found',
      hint = 'Check the number and the verification code printed on the certificate.';
  end if;
end;
$$;

create or replace function public.verify_certificate(p_certificate_number text, p_verification_code text)
returns table (
  holder_name text,
  course_title_en text,
  course_title_fr text,
  issued_date date,
  expiry_date date,
  status text
)
language sql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.verify_certificate(p_certificate_number, p_verification_code)
$$;

comment on function public.verify_certificate(text, text) is
'Verifies a certificate by its number (ABR-YYYY-NNNNNN) and its verification code (12 hex characters), both '
'printed on the certificate, for anyone: returns the holder''s name and the course title (en, fr) as issued, '
'issue and expiry dates and status (active, revoked, expired), nothing else. 22023 malformed number or code; '
'P0002 certificate not found (unknown number or wrong code alike).';

revoke all on function private.verify_certificate(text, text), public.verify_certificate(text, text) from public, anon,
  authenticated;
grant execute on function private.verify_certificate(text, text), public.verify_certificate(text, text) to anon,
  authenticated, service_role;
