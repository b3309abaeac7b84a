/*
  Erasure (Quebec Law 25 s.28, PIPEDA principle 4.5.3): a person is
  anonymized in place, in one transaction, and the organization's evidence
  stays honest.

    erase_user(p_user_id, p_request_id)  service_role or super_admin. Refused
                                          (23505) while an access or
                                          portability request of the person is
                                          open: answer it first. p_request_id,
                                          when given, is the person's open
                                          erasure request, completed here.
    pending_auth_deletions()             service_role: the auth.users ids the
                                          server still has to delete through
                                          Supabase Auth.
    private.anonymize_person(...)        the work, also run by the auth.users
                                          delete trigger (046_erasure) and by
                                          the inactive-accounts retention.
    private.scrub_person_from_audit(...) the audit trail's scrub, the only
                                          writer the append-only guard lets
                                          update identifying columns.

  What erasure does:
    - seat: freed by the billing rules (assignment cleared, status available,
      seats_used recounted by private.sync_seats_used); a pending invitation
      to the person's address is revoked and its reserved seat released;
      invitation addresses become erased-<id>@erased.invalid;
    - deleted: bookmarks, saved searches, coaching sessions, notifications,
      onboarding; cleared: their progress notes and the free text of their
      privacy requests;
    - profile: email erased-<id>@erased.invalid, name, avatar, phone,
      metadata, login figures cleared, notifications off, role learner, seat
      none, erased_at set; the row stays with its organization and team, so
      progress, certificates, points and the organization's analytics keep
      their counts (nothing is deleted by cascade);
    - certificates: holder_name becomes null; number, verification code,
      course titles, dates and status stay. Verification after erasure
      answers exactly as before (valid, course, date) with holder_name null:
      "name withheld: the holder's personal information was erased";
    - audit trail: every row that names the person (their email, any name
      they held, on rows they caused or about them) is rewritten by the
      scrub: user_email nulled, the names and addresses replaced by
      "[erased]" inside changes, and on rows they caused the IP address and
      user agent nulled; each such row gets erased_at. The erasure's own
      audit event (privacy.user_erased) holds only counts and the request
      id, never an old value;
    - auth.users: the identity is queued in private.auth_deletions and
      returned; the server deletes it with the Supabase Auth admin API
      (which also ends sessions). Deleting it no longer cascades (046).
  The person's id (a random uuid) stays as the anonymous key of their
  records. Until the server deletes the auth user, a still-valid access token
  of the person owns nothing: private.current_user_id() is null once erased.
*/

create or replace function private.regex_literal(p_text text) returns text
language sql
immutable
parallel safe
set search_path = pg_catalog, pg_temp
as $$
  select pg_catalog.regexp_replace(p_text, '([.^$*+?()\[\]{}|\\-])', '\\\1', 'g')
$$;

comment on function private.regex_literal(text) is
'Internal: p_text with the regular-expression metacharacters escaped.';

revoke all on function private.regex_literal(text) from public, anon, authenticated;

-- The audit scrub. p_needles: the person's emails and names. Rows they caused,
-- rows about them, and any row whose email or changes contain a needle.
create or replace function private.scrub_person_from_audit(p_user_id uuid, p_needles text[]) returns integer
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_pattern text;
  v_count integer;
begin
  -- Needles as they appear inside JSON text (quotes and backslashes escaped), as one case-insensitive pattern.
  select '(' || pg_catalog.string_agg(
      private.regex_literal(pg_catalog.substr(pg_catalog.to_jsonb(n.needle)::text, 2,
        pg_catalog.length(pg_catalog.to_jsonb(n.needle)::text) - 2)),
      '|' order by pg_catalog.length(n.needle) desc
    ) || ')'
  into v_pattern
  from (
    select distinct pg_catalog.btrim(x) as needle from pg_catalog.unnest(p_needles) as x
    where pg_catalog.length(pg_catalog.btrim(x)) >= 3
  ) as n;

  perform pg_catalog.set_config('abr.audit_erasure', 'on', true);
  update public.audit_logs as al
  set user_email = case
        when al.user_email is not null and (v_pattern is null or al.user_email !~* v_pattern) and al.user_id is distinct
          from p_user_id then al.user_email
      end,
      changes = case
        when al.changes is null or v_pattern is null then al.changes
        else pg_catalog.regexp_replace(al.changes::text, v_pattern, '[erased]', 'gi')::jsonb
      end,
      ip_address = case when al.user_id = p_user_id then null else al.ip_address end,
      user_agent = case when al.user_id = p_user_id then null else al.user_agent end,
      erased_at = pg_catalog.now()
  where al.user_id = p_user_id
    or al.resource_id = p_user_id
    or (v_pattern is not null and (al.user_email ~* v_pattern or al.changes::text ~* v_pattern));
  get diagnostics v_count = row_count;
  perform pg_catalog.set_config('abr.audit_erasure', 'off', true);
  return v_count;
end;
$$;

comment on function private.scrub_person_from_audit(uuid, text []) is
'Internal (erasure): rewrites the audit rows naming a person (email nulled, names and addresses replaced by '
'"[erased]", their IP and user agent nulled, erased_at stamped); returns how many. The append-only guard lets '
'only this function''s owner, with abr.audit_erasure on, change those columns.';

revoke all on function private.scrub_person_from_audit(uuid, text []) from public, anon, authenticated, service_role;

create or replace function private.anonymize_person(p_user_id uuid, p_request_id uuid, p_reason text) returns jsonb
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_profile public.profiles%rowtype;
  v_needles text[];
  v_emails text[];
  v_seat record;
  v_inv record;
  v_placeholder text := 'erased-' || p_user_id::text || '@erased.invalid';
  v_has_auth boolean;
  v_deleted jsonb := '{}'::jsonb;
  v_n integer;
  v_seats integer := 0;
  v_invitations integer := 0;
  v_certificates integer;
  v_scrubbed integer;
begin
  select p.* into v_profile from public.profiles as p where p.id = p_user_id for update;
  if not found then
    raise exception using errcode = 'P0002', message = 'user not found', hint = 'Check p_user_id.';
  end if;
  if v_profile.erased_at is not null then
    return pg_catalog.jsonb_build_object('user_id', p_user_id, 'already_erased', true,
      'erased_at', v_profile.erased_at);
  end if;
  perform pg_catalog.set_config('abr.erasure', p_user_id::text, true);

  -- Everything that names the person, to find and scrub.
  select pg_catalog.array_agg(distinct pg_catalog.lower(x.v)) filter (where x.v like '%@%'),
    pg_catalog.array_agg(distinct x.v)
  into v_emails, v_needles
  from (
    select v_profile.email as v
    union all select v_profile.full_name
    union all select v_profile.phone
    union all select u.email from auth.users as u where u.id = p_user_id
    union all select u.raw_user_meta_data ->> 'full_name' from auth.users as u where u.id = p_user_id
    union all select u.raw_user_meta_data ->> 'name' from auth.users as u where u.id = p_user_id
    union all select c.holder_name from public.certificates as c where c.user_id = p_user_id
    union all select i.email from public.invitations as i where i.accepted_by = p_user_id
    union all select ss.assigned_to_email from public.subscription_seats as ss where ss.assigned_to_user_id = p_user_id
  ) as x
  where x.v is not null and pg_catalog.btrim(x.v) <> '';

  -- Seat: freed as remove_member frees it (22_seats, 52_members): subscription locked, seats_used recounted.
  for v_seat in
    select ss.id, ss.subscription_id from public.subscription_seats as ss
    where ss.assigned_to_user_id = p_user_id order by ss.id
  loop
    perform from public.subscriptions as s where s.id = v_seat.subscription_id for update;
    update public.subscription_seats as ss
    set assigned_to_user_id = null, assigned_to_email = null, assigned_by = null, assigned_at = null,
        team_id = null, status = 'available'
    where ss.id = v_seat.id;
    perform private.sync_seats_used(v_seat.subscription_id);
    v_seats := v_seats + 1;
  end loop;

  -- A pending invitation to one of their addresses: revoked, its reserved seat released (as revoke_invitation).
  for v_inv in
    select i.id, i.seat_id from public.invitations as i
    where i.status = 'pending' and i.email = any(coalesce(v_emails, '{}'::text []))
    order by i.id
    for update
  loop
    update public.invitations as i set status = 'revoked' where i.id = v_inv.id;
    if v_inv.seat_id is not null then
      update public.subscription_seats as ss
      set assigned_to_email = null, assigned_at = null, assigned_by = null, status = 'available'
      where ss.id = v_inv.seat_id and ss.assigned_to_user_id is null;
    end if;
  end loop;
  update public.invitations as i
  set email = 'erased-' || i.id::text || '@erased.invalid'
  where i.accepted_by = p_user_id or i.email = any(coalesce(v_emails, '{}'::text []));
  get diagnostics v_invitations = row_count;

  -- What the person made for themselves, and what was said to them.
  delete from public.bookmarks as b where b.user_id = p_user_id;
  get diagnostics v_n = row_count;
  v_deleted := v_deleted || pg_catalog.jsonb_build_object('bookmarks', v_n);
  delete from public.saved_searches as s where s.user_id = p_user_id;
  get diagnostics v_n = row_count;
  v_deleted := v_deleted || pg_catalog.jsonb_build_object('saved_searches', v_n);
  delete from public.ai_coaching_sessions as a where a.user_id = p_user_id;
  get diagnostics v_n = row_count;
  v_deleted := v_deleted || pg_catalog.jsonb_build_object('ai_coaching_sessions', v_n);
  delete from public.notifications as n where n.user_id = p_user_id;
  get diagnostics v_n = row_count;
  v_deleted := v_deleted || pg_catalog.jsonb_build_object('notifications', v_n);
  delete from public.onboarding as ob where ob.user_id = p_user_id;
  get diagnostics v_n = row_count;
  v_deleted := v_deleted || pg_catalog.jsonb_build_object('onboarding', v_n);
  update public.progress as pr set notes = null where pr.user_id = p_user_id and pr.notes is not null;
  update public.privacy_requests as r set details = null where r.user_id = p_user_id and r.details is not null;

  -- Certificates: still verify, without the name (046_erasure lets only this function clear it).
  update public.certificates as c set holder_name = null where c.user_id = p_user_id and c.holder_name is not null;
  get diagnostics v_certificates = row_count;

  -- The profile, anonymous, in its organization and team.
  update public.profiles as p
  set email = v_placeholder, full_name = null, avatar_url = null, phone = null, metadata = '{}'::jsonb,
      notification_preferences = '{"push": false, "email": false, "in_app": false}'::jsonb,
      last_login_at = null, login_count = 0, mfa_enabled = false, email_verified = false,
      role = 'learner', seat_id = null, erased_at = pg_catalog.now()
  where p.id = p_user_id;

  -- The identity, for the server to delete through Supabase Auth.
  v_has_auth := exists (select from auth.users as u where u.id = p_user_id);
  if v_has_auth then
    insert into private.auth_deletions (user_id, request_id) values (p_user_id, p_request_id)
    on conflict (user_id) do nothing;
  end if;

  -- Last: the audit rows, including those the changes above just wrote.
  v_scrubbed := private.scrub_person_from_audit(p_user_id, v_needles);

  if p_request_id is not null then
    update public.privacy_requests as r
    set status = 'completed', closed_at = pg_catalog.now(), closed_by = (select private.current_user_id()),
        resolution = 'erased'
    where r.id = p_request_id and r.status = 'open';
  end if;

  perform private.record_audit_event(
    'privacy.user_erased', 'profiles', p_user_id, v_profile.organization_id,
    pg_catalog.jsonb_build_object(
      'reason', p_reason, 'request_id', p_request_id, 'deleted', v_deleted, 'seats_freed', v_seats,
      'invitations_scrubbed', v_invitations, 'certificates_anonymized', v_certificates,
      'audit_rows_scrubbed', v_scrubbed
    ),
    'warning', true
  );
  perform pg_catalog.set_config('abr.erasure', '', true);

  return pg_catalog.jsonb_build_object(
    'user_id', p_user_id, 'already_erased', false, 'erased_at', pg_catalog.now(),
    'auth_user_to_delete', v_has_auth, 'deleted', v_deleted, 'seats_freed', v_seats,
    'certificates_anonymized', v_certificates, 'audit_rows_scrubbed', v_scrubbed
  );
end;
$$;

comment on function private.anonymize_person(uuid, uuid, text) is
'Internal: anonymizes a person in place (see rpc_functions/71_erasure.sql); no caller checks (erase_user, the '
'auth.users delete trigger and the retention job call it).';

revoke all on function private.anonymize_person(uuid, uuid, text) from public, anon, authenticated, service_role;

create or replace function private.erase_user(p_user_id uuid, p_request_id uuid default null) returns jsonb
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if not ((select auth.role()) = 'service_role' or (select private.is_super_admin())) then
    raise exception using errcode = '42501', message = 'only a super admin or the server may erase a person',
      hint = 'File an erasure request with request_privacy_action(''erasure'').';
  end if;
  if p_user_id is null then
    raise exception using errcode = '22023', message = 'p_user_id is required';
  end if;
  perform from public.profiles as p where p.id = p_user_id for update;
  if not found then
    raise exception using errcode = 'P0002', message = 'user not found', hint = 'Check p_user_id.';
  end if;
  if p_request_id is not null and not exists (
    select from public.privacy_requests as r
    where r.id = p_request_id and r.user_id = p_user_id and r.kind = 'erasure' and r.status = 'open'
  ) then
    raise exception using errcode = 'P0002', message = 'privacy request not found',
      hint = 'p_request_id must be an open erasure request of this person, or null.';
  end if;
  if exists (
    select from public.privacy_requests as r
    where r.user_id = p_user_id and r.kind in ('access', 'portability') and r.status = 'open'
  ) then
    raise exception using errcode = '23505',
      message = 'an access request of this person is open: answer it before erasing',
      hint = 'Close the access or portability request (the person exports their data first).';
  end if;
  return private.anonymize_person(p_user_id, p_request_id, 'erasure');
end;
$$;

comment on function private.erase_user(uuid, uuid) is 'Internal: see public.erase_user.';

create or replace function public.erase_user(p_user_id uuid, p_request_id uuid default null) returns jsonb
language sql
volatile
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.erase_user(p_user_id, p_request_id)
$$;

comment on function public.erase_user(uuid, uuid) is
'Erase a person (Law 25 s.28): anonymized in place in one transaction (profile, seat freed, bookmarks, saved '
'searches, coaching sessions, notifications and onboarding deleted, name and email scrubbed from the audit trail); '
'certificates still verify with the holder''s name withheld; organization counts unchanged. Returns what was done '
'and auth_user_to_delete: the server then deletes the auth user through Supabase Auth. service_role or super_admin. '
'22023 no id, 42501 not allowed, P0002 unknown person or request, 23505 an access request is open. A second call '
'answers already_erased.';

create or replace function private.pending_auth_deletions()
returns table (user_id uuid, requested_at timestamptz, request_id uuid)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  return query
  select d.user_id, d.requested_at, d.request_id from private.auth_deletions as d order by d.requested_at, d.user_id;
end;
$$;

comment on function private.pending_auth_deletions() is 'Internal: see public.pending_auth_deletions.';

create or replace function public.pending_auth_deletions()
returns table (user_id uuid, requested_at timestamptz, request_id uuid)
language sql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.pending_auth_deletions()
$$;

comment on function public.pending_auth_deletions() is
'Server side (service_role): the auth users of erased persons still to delete with the Supabase Auth admin API '
'(auth.admin.deleteUser); each disappears from this list when its auth user is deleted.';

revoke all on function
  private.erase_user(uuid, uuid), public.erase_user(uuid, uuid),
  private.pending_auth_deletions(), public.pending_auth_deletions()
from public, anon, authenticated;
grant execute on function private.erase_user(uuid, uuid), public.erase_user(uuid, uuid) to authenticated, service_role;
grant execute on function private.pending_auth_deletions(), public.pending_auth_deletions() to service_role;
