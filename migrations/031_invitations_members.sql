/*
  031_invitations_members: invitations into an organization, and the rule
  that an organization always keeps an active org admin. The functions are
  in rpc_functions/51_invitations.sql and 52_members.sql.

  public.invitations
    An org admin invites an email address with a role (organization-scoped
    roles only: org_admin, learner, viewer, guest) and optionally a team. The
    token is returned once by invite_member / reissue_invitation and stored
    only as its SHA-256 (token_hash); a seat of the organization's
    subscription is reserved for it (subscription_seats.assigned_to_email,
    status 'available'). At most one pending invitation per address, across
    organizations (an address joins one organization). The invited person
    joins only with a confirmed email: the trigger below when their auth
    user is created or confirmed, or accept_invitation(p_token).
    Clients read invitations of their own organization as org admins, never
    token_hash (column grants).

  Trigger functions bound here (they must exist when this migration runs):
    private.join_invitation_on_confirm()  AFTER INSERT OR UPDATE OF
        email_confirmed_at, email ON auth.users: a confirmed address with a
        pending invitation joins (private.join_invitation, in
        rpc_functions/51_invitations.sql). Named so it fires after
        on_auth_user_change (which creates the profile).
    private.keep_an_org_admin()  AFTER UPDATE OF role, organization_id,
        deleted_at ON profiles, for direct client updates (authenticated):
        an organization never loses its last active org admin. Locks the
        organization row, so two admins demoting each other at once queue
        and the second sees the first's change (one wins). The RPCs apply
        the same rule themselves.
*/

-- invitations ---------------------------------------------------------------------

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  email text not null check (email = pg_catalog.lower(email) and email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
  role text not null default 'learner' check (role in ('org_admin', 'learner', 'viewer', 'guest')),
  team_id uuid references public.teams (id) on delete set null,
  -- The seat reserved for the invitation (assigned_to_email = email).
  seat_id uuid references public.subscription_seats (id) on delete set null,
  -- SHA-256 of the token; the token itself is never stored.
  token_hash bytea not null check (pg_catalog.length(token_hash) = 32),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'revoked', 'expired')),
  expires_at timestamptz not null,
  invited_by uuid references public.profiles (id) on delete set null,
  accepted_by uuid references public.profiles (id) on delete set null,
  accepted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint invitations_token_hash_key unique (token_hash),
  constraint invitations_accepted check ((status = 'accepted') = (accepted_at is not null))
);

comment on table public.invitations is
'Invitations of an email address into an organization (role, team, reserved seat). The token is stored only as its '
'SHA-256. Written through invite_member, revoke_invitation, reissue_invitation and accept_invitation.';

-- One pending invitation per address, whatever the organization.
create unique index invitations_one_pending on public.invitations (email) where status = 'pending';
create index idx_invitations_org on public.invitations (organization_id, created_at desc);
create index idx_invitations_team on public.invitations (team_id) where team_id is not null;
create index idx_invitations_seat on public.invitations (seat_id) where seat_id is not null;
create index idx_invitations_invited_by on public.invitations (invited_by) where invited_by is not null;
create index idx_invitations_accepted_by on public.invitations (accepted_by) where accepted_by is not null;

create trigger set_updated_at before update on public.invitations
for each row execute function private.set_updated_at();

alter table public.invitations enable row level security;

-- Joining on a confirmed email ----------------------------------------------------------

-- The trigger function is private.join_invitation_on_confirm():
-- requires: rpc_functions/02_auth_users.sql

create trigger on_auth_user_confirmed_join
after insert or update of email_confirmed_at, email on auth.users
for each row execute function private.join_invitation_on_confirm();

-- An organization keeps an active org admin -------------------------------------------------

-- The trigger function is private.keep_an_org_admin():
-- requires: rpc_functions/03_member_guards.sql

create trigger keep_an_org_admin
after update of role, organization_id, deleted_at on public.profiles
for each row
when (old.role = 'org_admin' and current_user = 'authenticated')
execute function private.keep_an_org_admin();
