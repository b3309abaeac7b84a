-- Undoes 016_certificate_verification (its check constraint goes with the column).
alter table public.certificates drop column if exists verification_code;
