/*
  008_forward_keys: the foreign keys whose target did not exist yet when
  their table was created, because the spec's references form cycles:

    profiles.seat_id -> subscription_seats   (seats.assigned_to_user_id -> profiles)
    organizations.subscription_id -> subscriptions   (subscriptions.organization_id -> organizations)
    tribunal_cases.ingested_from_raw_id -> tribunal_cases_raw
      (tribunal_cases_raw.duplicate_of_case_id and .promoted_to_case_id -> tribunal_cases)
    lessons.tribunal_case_id -> tribunal_cases   (a plain forward reference)

  Each column already has its index (created with its table).
*/

-- The spec gives organizations.subscription_id no ON DELETE rule; with it,
-- deleting a subscription (which its Cascade Behaviors section allows)
-- would fail. The organization stays, without a subscription.
alter table public.organizations
add constraint organizations_subscription_id_fkey foreign key (subscription_id)
references public.subscriptions (id) on delete set null;

-- Deferrable, for the reason given with profiles_team_id_fkey in 001_core.
alter table public.profiles
add constraint profiles_seat_id_fkey foreign key (seat_id)
references public.subscription_seats (id) on delete set null
deferrable initially deferred;

-- No ON DELETE rule in the spec: a curated case survives its staging row.
alter table public.tribunal_cases
add constraint tribunal_cases_ingested_from_raw_id_fkey foreign key (ingested_from_raw_id)
references public.tribunal_cases_raw (id) on delete set null;

alter table public.tribunal_cases_raw
add constraint tribunal_cases_raw_duplicate_of_case_id_fkey foreign key (duplicate_of_case_id)
references public.tribunal_cases (id) on delete set null;

alter table public.tribunal_cases_raw
add constraint tribunal_cases_raw_promoted_to_case_id_fkey foreign key (promoted_to_case_id)
references public.tribunal_cases (id) on delete set null;

-- The spec's default (NO ACTION): a case used by a lesson cannot be deleted
-- from under it. Cases are soft-deleted (deleted_at) in normal use.
alter table public.lessons
add constraint lessons_tribunal_case_id_fkey foreign key (tribunal_case_id)
references public.tribunal_cases (id);
