/*
  Certificate verification: anyone (anon included) checks a certificate by
  its number, e.g. an employer following the link on a PDF. It returns the
  holder's name, the course title, the dates and the status, and nothing
  else: no ids, no email, no score, no organization.

  Interpretation: a certificate whose expiry_date has passed is reported as
  'expired' even before a job updates its status. A certificate of a
  soft-deleted holder is not found: soft-deleted people are invisible.
*/

create or replace function private.verify_certificate(p_certificate_number text)
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
set search_path = ''
as $$
declare
  wanted text := pg_catalog.upper(pg_catalog.btrim(p_certificate_number));
begin
  if wanted is null or wanted !~ '^ABR-[0-9]{4}-[0-9]{6,}$' then
    raise exception using
      errcode = '22023',
      message = 'p_certificate_number must look like ABR-YYYY-NNNNNN',
      hint = 'Copy the number printed on the certificate.';
  end if;

  return query
  select
    p.full_name,
    c.title_en,
    c.title_fr,
    ce.issued_date,
    ce.expiry_date,
    case
      when ce.status = 'active' and ce.expiry_date < current_date then 'expired'
      else ce.status
    end
  from public.certificates as ce
  inner join public.profiles as p on ce.user_id = p.id
  inner join public.courses as c on ce.course_id = c.id
  where ce.certificate_number = wanted and p.deleted_at is null;

  if not found then
    raise exception using
      errcode = 'P0002',
      message = 'no certificate with this number',
      hint = 'Check the number printed on the certificate.';
  end if;
end;
$$;

create or replace function public.verify_certificate(p_certificate_number text)
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
set search_path = ''
as $$
  select * from private.verify_certificate(p_certificate_number)
$$;

comment on function public.verify_certificate(text) is
'Verifies a certificate by its number (ABR-YYYY-NNNNNN), for anyone: returns the holder''s name, the course title (en, fr), issue and expiry dates and status (active, revoked, expired), nothing else. 22023 malformed number, P0002 unknown number.';

revoke all on function private.verify_certificate(text), public.verify_certificate(text) from public, anon, authenticated;
grant execute on function private.verify_certificate(text), public.verify_certificate(text) to anon, authenticated, service_role;
