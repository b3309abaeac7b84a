/*
  Access and portability (PIPEDA principle 4.9; Quebec Law 25 s.27): a
  signed-in person obtains everything the database holds about them, and only
  about them, as one versioned JSON document.

    private.personal_data_catalog()   every table and column that references a
                                      person (a profile or auth.users id, an
                                      email, a person's name), and what the
                                      export does with it: exported, or
                                      excluded with the reason. The catalog
                                      test (tests_sql/270_privacy_export.sql)
                                      finds such columns in the database and
                                      fails on any the catalog does not list,
                                      so a table added later cannot be missed.
    private.export_my_data()          SECURITY DEFINER: the caller's document.
    public.export_my_data()           the invoker wrapper clients call.

  The document (format "abr-insights.personal-data", version 1):
    collected  what the person gave us (portable, Law 25 s.27): account and
               profile fields they entered, bookmarks, saved searches, their
               coaching questions and feedback, their progress notes,
               classification feedback they wrote, their privacy requests.
    derived    what the platform computed or recorded about them (shown,
               marked derived, not portable by right): progress, scores,
               certificates, points, levels, ranks, quiz results, the coach's
               answers, notifications, onboarding state, the seat, the
               organization and team they belong to, audit events they caused
               or that concern them (action and time only), content they
               authored or reviewed (ids only).
    excluded   what is left out and why (also in the catalog).
  Never included: lesson content and any catalog content (only ids and course
  titles), other people's data (who invited them, who assigned their seat,
  who changed their role, the emails of invitations they sent), secrets
  (password hash, auth tokens, invitation token hashes, the coach's system
  prompt).

  Each export is audited (privacy.data_exported) without its content: the
  audit row holds the format version and the number of items per section.
*/

create or replace function private.personal_data_catalog()
returns table (table_schema text, table_name text, column_name text, disposition text, reason text)
language sql
immutable
parallel safe
set search_path = pg_catalog, pg_temp
as $$
  select * from (values
    ('public', 'profiles', '*', 'exported', 'collected.profile (fields the person entered) and derived.account'),
    ('public', 'bookmarks', 'user_id', 'exported', 'collected.bookmarks'),
    ('public', 'saved_searches', 'user_id', 'exported', 'collected.saved_searches'),
    ('public', 'ai_coaching_sessions', 'user_id', 'exported',
      'collected.coaching_questions (their words) and derived.coaching_answers (the coach''s); ai_prompt excluded'),
    ('public', 'classification_feedback', 'reviewed_by', 'exported', 'collected.classification_feedback'),
    ('public', 'progress', 'user_id', 'exported', 'derived.progress; their notes in collected.progress_notes'),
    ('public', 'certificates', 'user_id', 'exported', 'derived.certificates (holder name and titles as issued)'),
    ('public', 'certificates', 'holder_name', 'exported', 'derived.certificates'),
    ('public', 'user_achievements', 'user_id', 'exported', 'derived.achievements'),
    ('public', 'learning_path_enrollments', 'user_id', 'exported', 'derived.learning_path_enrollments'),
    ('public', 'notifications', 'user_id', 'exported', 'derived.notifications'),
    ('public', 'onboarding', 'user_id', 'exported', 'derived.onboarding'),
    ('public', 'subscription_seats', 'assigned_to_user_id', 'exported', 'derived.seat'),
    ('public', 'subscription_seats', 'assigned_to_email', 'exported',
      'derived.seat (the person''s own address on their seat)'),
    ('public', 'subscription_seats', 'assigned_by', 'excluded',
      'another person: the admin who assigned the seat'),
    ('public', 'invitations', 'accepted_by', 'exported', 'derived.invitations_accepted'),
    ('public', 'invitations', 'email', 'exported',
      'derived.invitations_accepted (their own address); invitations they sent hold other people''s addresses and '
      || 'are excluded'),
    ('public', 'invitations', 'invited_by', 'excluded',
      'another person: who invited them; and the invitations they sent name other people'),
    ('public', 'audit_logs', 'user_id', 'exported',
      'derived.audit_events_by_you (action, object type, time, address, user agent; not the diff, which may hold '
      || 'other people''s data)'),
    ('public', 'audit_logs', 'user_email', 'excluded',
      'the person''s own address at the time, already exported with the profile; on other rows, another person'),
    ('public', 'teams', 'team_lead_id', 'exported', 'derived.teams_led'),
    ('public', 'courses', 'created_by', 'exported', 'derived.authored.courses (ids only, never lesson content)'),
    ('public', 'learning_paths', 'created_by', 'exported', 'derived.authored.learning_paths (ids only)'),
    ('public', 'resources', 'created_by', 'exported', 'derived.authored.resources (ids only)'),
    ('public', 'custom_badges', 'created_by', 'exported', 'derived.authored.custom_badges (ids only)'),
    ('public', 'feature_flags', 'created_by', 'exported', 'derived.authored.feature_flags (ids only)'),
    ('public', 'feature_flags', 'target_user_ids', 'exported', 'derived.feature_flags_targeting_you (names)'),
    ('public', 'ingestion_jobs', 'triggered_by', 'exported', 'derived.work.ingestion_jobs_triggered (ids)'),
    ('public', 'tribunal_cases', 'reviewed_by', 'exported', 'derived.work.cases_reviewed (ids)'),
    ('public', 'tribunal_cases_raw', 'reviewed_by', 'exported', 'derived.work.raw_cases_reviewed (ids)'),
    ('public', 'organizations', 'admin_email', 'excluded',
      'the organization''s contact address, not linked to an account; the organization answers for it'),
    ('public', 'organizations', 'billing_email', 'excluded',
      'the organization''s billing address, not linked to an account; the organization answers for it'),
    ('public', 'organizations', 'primary_contact_name', 'excluded',
      'the organization''s contact, not linked to an account; the organization answers for it'),
    ('public', 'organizations', 'primary_contact_phone', 'excluded',
      'the organization''s contact, not linked to an account; the organization answers for it'),
    ('public', 'payment_methods', 'billing_email', 'excluded',
      'the organization''s card billing contact (Stripe), not linked to an account'),
    ('public', 'payment_methods', 'billing_name', 'excluded',
      'the organization''s card billing contact (Stripe), not linked to an account'),
    ('public', 'privacy_requests', 'user_id', 'exported', 'collected.privacy_requests'),
    ('public', 'privacy_requests', 'closed_by', 'excluded', 'another person: the officer who closed the request'),
    ('public', 'privacy_incidents', 'recorded_by', 'excluded',
      'the organization''s legal register, written by officers as part of their duties; it names no one affected'),
    ('private', 'points_ledger', 'user_id', 'exported', 'derived.points_ledger'),
    ('private', 'points_ledger', 'actor_id', 'excluded', 'another person: who awarded manual points'),
    ('private', 'quiz_attempts', 'user_id', 'exported', 'derived.quiz_attempts (scores, never the questions)'),
    ('private', 'coaching_session_usage', 'holder_id', 'exported',
      'derived.coaching_usage (sessions per month, for a person without an organization; else the organization''s)'),
    ('private', 'auth_deletions', 'user_id', 'excluded',
      'a pending deletion of an already erased account: nothing of the person is left to export')
  ) as c (table_schema, table_name, column_name, disposition, reason)
$$;

comment on function private.personal_data_catalog() is
'Every table and column referencing a person, and whether export_my_data exports it or why it is excluded.';

revoke all on function private.personal_data_catalog() from public, anon, authenticated;

create or replace function private.export_my_data() returns jsonb
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  v_uid uuid := (select private.current_user_id());
  v_profile public.profiles%rowtype;
  v_account jsonb;
  v_collected jsonb;
  v_derived jsonb;
  v_doc jsonb;
  v_counts jsonb;
begin
  if v_uid is null then
    raise exception using errcode = '42501', message = 'only a signed-in user with an active account can export data',
      hint = 'Sign in first.';
  end if;
  select p.* into v_profile from public.profiles as p where p.id = v_uid;

  -- auth.users: what the person gave at sign-up and the account's dates; never the password hash or tokens.
  select pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'email', u.j -> 'email', 'phone', u.j -> 'phone', 'created_at', u.j -> 'created_at',
    'email_confirmed_at', u.j -> 'email_confirmed_at', 'last_sign_in_at', u.j -> 'last_sign_in_at',
    'sign_up_data', u.j -> 'raw_user_meta_data'
  ))
  into v_account
  from (select pg_catalog.to_jsonb(au) as j from auth.users as au where au.id = v_uid) as u;

  v_collected := pg_catalog.jsonb_build_object(
    'account', coalesce(v_account, '{}'::jsonb),
    'profile', pg_catalog.jsonb_build_object(
      'email', v_profile.email, 'full_name', v_profile.full_name, 'avatar_url', v_profile.avatar_url,
      'phone', v_profile.phone, 'preferred_language', v_profile.preferred_language,
      'notification_preferences', v_profile.notification_preferences, 'theme', v_profile.theme,
      'timezone', v_profile.timezone, 'metadata', v_profile.metadata
    ),
    'bookmarks', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(b) - 'user_id' order by b.created_at, b.id)
      from public.bookmarks as b where b.user_id = v_uid
    ), '[]'::jsonb),
    'saved_searches', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(s) - 'user_id' order by s.created_at, s.id)
      from public.saved_searches as s where s.user_id = v_uid
    ), '[]'::jsonb),
    'coaching_questions', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'id', a.id, 'session_type', a.session_type, 'user_query', a.user_query, 'user_context', a.user_context,
        'user_rating', a.user_rating, 'was_helpful', a.was_helpful, 'user_feedback', a.user_feedback,
        'created_at', a.created_at
      ) order by a.created_at, a.id)
      from public.ai_coaching_sessions as a where a.user_id = v_uid
    ), '[]'::jsonb),
    'progress_notes', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'course_id', pr.course_id, 'lesson_id', pr.lesson_id, 'notes', pr.notes
      ) order by pr.created_at, pr.id)
      from public.progress as pr where pr.user_id = v_uid and pr.notes is not null
    ), '[]'::jsonb),
    'classification_feedback', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(cf) - 'reviewed_by' order by cf.created_at, cf.id)
      from public.classification_feedback as cf where cf.reviewed_by = v_uid
    ), '[]'::jsonb),
    'privacy_requests', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'id', r.id, 'kind', r.kind, 'status', r.status, 'details', r.details, 'requested_at', r.requested_at,
        'due_at', r.due_at, 'closed_at', r.closed_at, 'resolution', r.resolution
      ) order by r.requested_at, r.id)
      from public.privacy_requests as r where r.user_id = v_uid
    ), '[]'::jsonb)
  );

  v_derived := pg_catalog.jsonb_build_object(
    'account', pg_catalog.jsonb_build_object(
      'user_id', v_profile.id, 'role', v_profile.role, 'subscription_tier', v_profile.subscription_tier,
      'organization', (select pg_catalog.jsonb_build_object('id', o.id, 'name', o.name)
        from public.organizations as o where o.id = v_profile.organization_id),
      'team', (select pg_catalog.jsonb_build_object('id', t.id, 'name', t.name)
        from public.teams as t where t.id = v_profile.team_id),
      'mfa_enabled', v_profile.mfa_enabled, 'email_verified', v_profile.email_verified,
      'last_login_at', v_profile.last_login_at, 'login_count', v_profile.login_count,
      'created_at', v_profile.created_at, 'updated_at', v_profile.updated_at
    ),
    'progress', coalesce((
      select pg_catalog.jsonb_agg(
        (pg_catalog.to_jsonb(pr) - '{user_id,notes}'::text [])
        || pg_catalog.jsonb_build_object('course_title_en', c.title_en, 'course_title_fr', c.title_fr)
        order by pr.created_at, pr.id
      )
      from public.progress as pr
      left join public.courses as c on pr.course_id = c.id
      where pr.user_id = v_uid
    ), '[]'::jsonb),
    'certificates', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(ce) - 'user_id' order by ce.issued_date, ce.id)
      from public.certificates as ce where ce.user_id = v_uid
    ), '[]'::jsonb),
    'achievements', (
      select pg_catalog.to_jsonb(ua) - 'user_id' from public.user_achievements as ua where ua.user_id = v_uid
    ),
    'points_ledger', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(pl) - '{user_id,actor_id}'::text [] order by pl.id)
      from private.points_ledger as pl where pl.user_id = v_uid
    ), '[]'::jsonb),
    'quiz_attempts', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(q) - 'user_id' order by q.id)
      from private.quiz_attempts as q where q.user_id = v_uid
    ), '[]'::jsonb),
    'learning_path_enrollments', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(e) - 'user_id' order by e.enrolled_at, e.id)
      from public.learning_path_enrollments as e where e.user_id = v_uid
    ), '[]'::jsonb),
    'coaching_answers', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'id', a.id, 'ai_response', a.ai_response, 'ai_model', a.ai_model,
        'recommended_actions', a.recommended_actions, 'recommended_courses', a.recommended_courses,
        'created_at', a.created_at
      ) order by a.created_at, a.id)
      from public.ai_coaching_sessions as a where a.user_id = v_uid
    ), '[]'::jsonb),
    'coaching_usage', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('month', cu.month, 'sessions', cu.sessions)
        order by cu.month)
      from private.coaching_session_usage as cu where cu.holder_id = v_uid
    ), '[]'::jsonb),
    'notifications', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(n) - 'user_id' order by n.created_at, n.id)
      from public.notifications as n where n.user_id = v_uid
    ), '[]'::jsonb),
    'onboarding', (select pg_catalog.to_jsonb(ob) - 'user_id' from public.onboarding as ob where ob.user_id = v_uid),
    'seat', (
      select pg_catalog.jsonb_build_object(
        'id', ss.id, 'organization_id', ss.organization_id, 'status', ss.status, 'email', ss.assigned_to_email,
        'assigned_at', ss.assigned_at, 'first_login_at', ss.first_login_at, 'last_login_at', ss.last_login_at,
        'login_count', ss.login_count
      )
      from public.subscription_seats as ss where ss.assigned_to_user_id = v_uid
      order by ss.assigned_at desc nulls last, ss.id limit 1
    ),
    'invitations_accepted', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'organization_id', i.organization_id, 'email', i.email, 'role', i.role, 'accepted_at', i.accepted_at
      ) order by i.accepted_at, i.id)
      from public.invitations as i where i.accepted_by = v_uid
    ), '[]'::jsonb),
    'audit_events_by_you', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'action', al.action, 'resource_type', al.resource_type, 'at', al."timestamp",
        'ip_address', al.ip_address, 'user_agent', al.user_agent
      ) order by al."timestamp", al.id)
      from public.audit_logs as al where al.user_id = v_uid
    ), '[]'::jsonb),
    'audit_events_about_you', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'action', al.action, 'resource_type', al.resource_type, 'at', al."timestamp"
      ) order by al."timestamp", al.id)
      from public.audit_logs as al where al.resource_id = v_uid and al.user_id is distinct from v_uid
    ), '[]'::jsonb),
    'teams_led', coalesce((
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('id', t.id, 'name', t.name) order by t.id)
      from public.teams as t where t.team_lead_id = v_uid
    ), '[]'::jsonb),
    'authored', pg_catalog.jsonb_build_object(
      'courses', coalesce((select pg_catalog.jsonb_agg(x.id order by x.id)
        from public.courses as x where x.created_by = v_uid), '[]'::jsonb),
      'learning_paths', coalesce((select pg_catalog.jsonb_agg(x.id order by x.id)
        from public.learning_paths as x where x.created_by = v_uid), '[]'::jsonb),
      'resources', coalesce((select pg_catalog.jsonb_agg(x.id order by x.id)
        from public.resources as x where x.created_by = v_uid), '[]'::jsonb),
      'custom_badges', coalesce((select pg_catalog.jsonb_agg(x.id order by x.id)
        from public.custom_badges as x where x.created_by = v_uid), '[]'::jsonb),
      'feature_flags', coalesce((select pg_catalog.jsonb_agg(x.id order by x.id)
        from public.feature_flags as x where x.created_by = v_uid), '[]'::jsonb)
    ),
    'feature_flags_targeting_you', coalesce((
      select pg_catalog.jsonb_agg(f.name order by f.name)
      from public.feature_flags as f where v_uid = any(f.target_user_ids)
    ), '[]'::jsonb),
    'work', pg_catalog.jsonb_build_object(
      'cases_reviewed', coalesce((select pg_catalog.jsonb_agg(x.id order by x.id)
        from public.tribunal_cases as x where x.reviewed_by = v_uid), '[]'::jsonb),
      'raw_cases_reviewed', coalesce((select pg_catalog.jsonb_agg(x.id order by x.id)
        from public.tribunal_cases_raw as x where x.reviewed_by = v_uid), '[]'::jsonb),
      'ingestion_jobs_triggered', coalesce((select pg_catalog.jsonb_agg(x.id order by x.id)
        from public.ingestion_jobs as x where x.triggered_by = v_uid), '[]'::jsonb)
    )
  );

  v_doc := pg_catalog.jsonb_build_object(
    'format', 'abr-insights.personal-data',
    'version', 1,
    'generated_at', pg_catalog.now(),
    'subject', pg_catalog.jsonb_build_object('user_id', v_uid),
    'collected', v_collected,
    'derived', v_derived,
    'excluded', (
      select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'data', c.table_name || '.' || c.column_name, 'reason', c.reason
      ) order by c.table_schema, c.table_name, c.column_name)
      from private.personal_data_catalog() as c where c.disposition = 'excluded'
    ) || pg_catalog.jsonb_build_array(
      pg_catalog.jsonb_build_object('data', 'auth.users secrets',
        'reason', 'password hash and authentication tokens are secrets, not information about the person'),
      pg_catalog.jsonb_build_object('data', 'ai_coaching_sessions.ai_prompt',
        'reason', 'the coach''s instructions to the model; the person''s own words are in coaching_questions'),
      pg_catalog.jsonb_build_object('data', 'lesson and resource content',
        'reason', 'course material is not personal information; progress names the course')
    )
  );

  -- The audit row says that an export happened and how big it was, never what it held.
  select pg_catalog.jsonb_object_agg(s.key, case pg_catalog.jsonb_typeof(s.value)
      when 'array' then pg_catalog.jsonb_array_length(s.value) else 1 end)
  into v_counts
  from (
    select c.key, c.value from pg_catalog.jsonb_each(v_collected) as c
    union all
    select d.key, d.value from pg_catalog.jsonb_each(v_derived) as d
  ) as s;
  perform private.record_audit_event(
    'privacy.data_exported', 'profiles', v_uid, v_profile.organization_id,
    pg_catalog.jsonb_build_object('format_version', 1, 'items', v_counts), 'info', true
  );
  return v_doc;
end;
$$;

comment on function private.export_my_data() is
'Internal: the caller''s personal data document (see public.export_my_data).';

create or replace function public.export_my_data() returns jsonb
language sql
volatile
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select private.export_my_data()
$$;

comment on function public.export_my_data() is
'Your personal data (PIPEDA 4.9, Quebec Law 25 s.27): one JSON document, format "abr-insights.personal-data" '
'version 1; "collected" holds what you gave (portable), "derived" what the platform computed or recorded, '
'"excluded" what is left out and why. Only your own data; no lesson content, no one else''s data, no secrets. '
'Each export is audited without its content. 42501 when not signed in with an active account.';

revoke all on function private.export_my_data(), public.export_my_data() from public, anon, authenticated;
grant execute on function private.export_my_data(), public.export_my_data() to authenticated;
