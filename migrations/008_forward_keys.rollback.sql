-- Undoes 008_forward_keys.
alter table public.lessons drop constraint if exists lessons_tribunal_case_id_fkey;
alter table public.tribunal_cases_raw drop constraint if exists tribunal_cases_raw_promoted_to_case_id_fkey;
alter table public.tribunal_cases_raw drop constraint if exists tribunal_cases_raw_duplicate_of_case_id_fkey;
alter table public.tribunal_cases drop constraint if exists tribunal_cases_ingested_from_raw_id_fkey;
alter table public.profiles drop constraint if exists profiles_seat_id_fkey;
alter table public.organizations drop constraint if exists organizations_subscription_id_fkey;
