/*
  The allowlist: every `private` function a client role (anon, authenticated,
  service_role) may execute, and why. Nothing else in `private` is
  client-executable: a private function reads past RLS, so a grant it does
  not need is a way around the policies (private.lesson_has_progress() told
  any signed-in user whether anyone had progress on any lesson).

  A role needs EXECUTE on a private function only when it runs it as itself:
    policy   a policy to that role calls it (policies run as the caller);
    trigger  a SECURITY INVOKER trigger fired by that role's writes calls it;
    rpc      the public SECURITY INVOKER RPC granted to that role calls it
             (the thin wrapper runs as the caller, its definer body as the owner);
    column   a generated column of a table that role writes computes with it
             (the expression runs as the writer);
    server   server code calls it directly as service_role (never anon or
             authenticated: PostgREST does not expose `private`).
  Functions called only by SECURITY DEFINER functions, cron jobs or definer
  triggers run as the owner and need no grant.

  To add a function: its `grant execute` in its rpc_functions/ file, and one
  row below (function as regprocedure prints it, role, reason). The checks
  after the list verify each reason against the catalog.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(8);

create temporary table t165_allowlist (fn text, grantee text, reason text) on commit drop;
insert into t165_allowlist (fn, grantee, reason) values
-- anon: certificate verification and feature flags
('private.verify_certificate(text,text)', 'anon', 'rpc'),
('private.feature_enabled(text)', 'anon', 'rpc'),
-- authenticated: the helpers of the policies ...
('private.current_org_id()', 'authenticated', 'policy'),
('private.current_user_id()', 'authenticated', 'policy'),
('private.is_compliance_officer()', 'authenticated', 'policy'),
('private.is_contributor()', 'authenticated', 'policy'),
('private.is_educator()', 'authenticated', 'policy'),
('private.is_org_admin()', 'authenticated', 'policy'),
('private.is_read_only()', 'authenticated', 'policy'),
('private.is_reviewer()', 'authenticated', 'policy'),
('private.is_super_admin()', 'authenticated', 'policy'),
('private.org_member_ids()', 'authenticated', 'policy'),
('private.readable_user_ids()', 'authenticated', 'policy'),
('private.admin_org_id()', 'authenticated', 'policy'),
('private.staff_org_id()', 'authenticated', 'policy'),
('private.compliance_org_id()', 'authenticated', 'policy'),
('private.super_admin_floor()', 'authenticated', 'policy'),
-- ... of the column guard on profiles (011_access_guards) ...
('private.current_role_name()', 'authenticated', 'trigger'),
-- ... and the implementations of their RPCs
('private.archive_course(uuid)', 'authenticated', 'rpc'),
('private.assign_seat(uuid,uuid)', 'authenticated', 'rpc'),
('private.feature_enabled(text)', 'authenticated', 'rpc'),
('private.get_lesson(uuid)', 'authenticated', 'rpc'),
('private.get_resource_file(uuid)', 'authenticated', 'rpc'),
('private.record_resource_download(uuid)', 'authenticated', 'rpc'),
('private.leaderboard(text,integer,text,integer)', 'authenticated', 'rpc'),
-- ... the learning loop's RPCs (17_gamification, 18_learning_paths, 19_dashboard, 33_certificate_revocation)
('private.award_badge(uuid,uuid)', 'authenticated', 'rpc'),
('private.revoke_badge(uuid,uuid)', 'authenticated', 'rpc'),
('private.enroll_in_learning_path(uuid)', 'authenticated', 'rpc'),
('private.my_learning_paths(text)', 'authenticated', 'rpc'),
('private.my_dashboard(text)', 'authenticated', 'rpc'),
('private.revoke_certificate(uuid,text)', 'authenticated', 'rpc'),
('private.my_org_analytics()', 'authenticated', 'rpc'),
('private.org_directory()', 'authenticated', 'rpc'),
('private.org_audit_trail(integer,timestamp with time zone,uuid,uuid)', 'authenticated', 'rpc'),
('private.promote_raw_case(uuid)', 'authenticated', 'rpc'),
('private.record_lesson_progress(uuid,integer,boolean)', 'authenticated', 'rpc'),
('private.review_raw_case(uuid,text,text,uuid)', 'authenticated', 'rpc'),
('private.revoke_seat(uuid)', 'authenticated', 'rpc'),
('private.start_course(uuid)', 'authenticated', 'rpc'),
('private.submit_quiz(uuid,jsonb)', 'authenticated', 'rpc'),
('private.verify_certificate(text,text)', 'authenticated', 'rpc'),
-- ... invitations and the member lifecycle (51_invitations, 52_members)
('private.invite_member(text,text,uuid)', 'authenticated', 'rpc'),
('private.revoke_invitation(uuid)', 'authenticated', 'rpc'),
('private.reissue_invitation(uuid)', 'authenticated', 'rpc'),
('private.accept_invitation(text)', 'authenticated', 'rpc'),
('private.change_member_role(uuid,text)', 'authenticated', 'rpc'),
('private.move_member_to_team(uuid,uuid)', 'authenticated', 'rpc'),
('private.remove_member(uuid)', 'authenticated', 'rpc'),
('private.leave_organization()', 'authenticated', 'rpc'),
('private.seat_usage()', 'authenticated', 'rpc'),
-- ... usage and limits (53_usage)
('private.consume_usage(text,numeric,text)', 'authenticated', 'rpc'),
('private.usage_summary(date)', 'authenticated', 'rpc'),
-- service_role: bypasses RLS (no policy helper); the two RPCs granted to it
('private.verify_certificate(text,text)', 'service_role', 'rpc'),
('private.feature_enabled(text)', 'service_role', 'rpc'),
-- ... the case-law search RPCs (40_case_search, 41_saved_searches)
('private.search_tribunal_cases(text,text,text[],integer,integer,text[],text[],text[],boolean,text[],text[],'
  'integer,text)',
  'authenticated', 'rpc'),
('private.search_tribunal_case_facets(text,text,text[],integer,integer,text[],text[],text[],boolean,text[],text[])',
  'authenticated', 'rpc'),
('private.match_tribunal_cases(vector,integer,double '
  'precision,text[],integer,integer,text[],text[],text[],boolean,text[],'
  'text[])', 'authenticated', 'rpc'),
('private.hybrid_search_tribunal_cases(text,vector,text,integer,double precision,double '
  'precision,text[],integer,integer,'
  'text[],text[],text[],boolean,text[],text[])', 'authenticated', 'rpc'),
('private.related_tribunal_cases(uuid,integer)', 'authenticated', 'rpc'),
('private.run_saved_search(uuid,integer,text)', 'authenticated', 'rpc'),
('private.record_saved_search_use(uuid)', 'authenticated', 'rpc'),
-- ... and the accent folding of tribunal_cases' generated search columns (reviewers write cases)
('private.fold_accents(tsvector)', 'authenticated', 'column'),
('private.fold_accents(tsvector)', 'service_role', 'column'),
-- service_role: the same searches for server code, and the ingestion workers' RPCs (42_ingestion)
('private.search_tribunal_cases(text,text,text[],integer,integer,text[],text[],text[],boolean,text[],text[],'
  'integer,text)',
  'service_role', 'rpc'),
('private.search_tribunal_case_facets(text,text,text[],integer,integer,text[],text[],text[],boolean,text[],text[])',
  'service_role', 'rpc'),
('private.match_tribunal_cases(vector,integer,double '
  'precision,text[],integer,integer,text[],text[],text[],boolean,text[],'
  'text[])', 'service_role', 'rpc'),
('private.hybrid_search_tribunal_cases(text,vector,text,integer,double precision,double '
  'precision,text[],integer,integer,'
  'text[],text[],text[],boolean,text[],text[])', 'service_role', 'rpc'),
('private.related_tribunal_cases(uuid,integer)', 'service_role', 'rpc'),
('private.start_ingestion_job(uuid,text)', 'service_role', 'rpc'),
('private.record_raw_case(uuid,text,text,text,date,text,text,text,jsonb,jsonb,text)', 'service_role', 'rpc'),
('private.finish_ingestion_job(uuid,text,text)', 'service_role', 'rpc'),
-- service_role: server code records audit events (public.record_audit_event)
('private.record_audit_event(text,text,uuid,uuid,jsonb,text,boolean)', 'service_role', 'rpc'),
-- service_role: Stripe's webhooks and the reconciliation job (50_stripe_events)
('private.apply_stripe_event(jsonb)', 'service_role', 'rpc'),
('private.reconcile_stripe_subscription(jsonb,timestamp with time zone)', 'service_role', 'rpc'),
-- service_role: metered usage measured by server code (53_usage)
('private.record_usage(uuid,text,numeric,text,timestamp with time zone)', 'service_role', 'rpc'),
-- the AI coach (60_coaching): the learner's context and ratings; the server's context and sessions
('private.coaching_context(text)', 'authenticated', 'rpc'),
('private.rate_coaching_session(uuid,integer,boolean,text)', 'authenticated', 'rpc'),
-- at-risk learners (62_at_risk)
('private.at_risk_learners(integer,integer)', 'authenticated', 'rpc'),
-- recommendations (63_recommendations)
('private.recommend_courses(integer,text)', 'authenticated', 'rpc'),
('private.related_cases_for_lesson(uuid,integer)', 'authenticated', 'rpc'),
-- onboarding (61_onboarding)
('private.my_onboarding(text)', 'authenticated', 'rpc'),
('private.complete_onboarding_step(text)', 'authenticated', 'rpc'),
('private.dismiss_tour()', 'authenticated', 'rpc'),
('private.record_first_search()', 'authenticated', 'rpc'),
('private.coaching_context_for_user(uuid,text)', 'service_role', 'rpc'),
('private.coaching_allowance_for_user(uuid)', 'service_role', 'rpc'),
('private.record_coaching_session(text,uuid,text,text,jsonb,text,text,text,jsonb,uuid[])', 'service_role', 'rpc'),
-- privacy rights (70_privacy_export .. 74_retention): every person, officers, super admins; erasure also the server
('private.export_my_data()', 'authenticated', 'rpc'),
('private.request_privacy_action(text,text)', 'authenticated', 'rpc'),
('private.withdraw_privacy_request(uuid)', 'authenticated', 'rpc'),
('private.close_privacy_request(uuid,text,text)', 'authenticated', 'rpc'),
('private.record_privacy_incident(text,text,timestamp with time zone,timestamp with time zone,integer,text,boolean,'
  'text,timestamp with time zone,boolean,boolean,timestamp with time zone,timestamp with time zone,jsonb,uuid,uuid)',
  'authenticated', 'rpc'),
('private.retention_schedule()', 'authenticated', 'rpc'),
('private.retention_schedule()', 'service_role', 'rpc'),
('private.erase_user(uuid,uuid)', 'authenticated', 'rpc'),
('private.erase_user(uuid,uuid)', 'service_role', 'rpc'),
('private.pending_auth_deletions()', 'service_role', 'rpc');

select set_eq(
    $$select p.oid::regprocedure::text, r.grantee
      from pg_catalog.pg_proc as p
      cross join unnest(array['anon', 'authenticated', 'service_role']) as r (grantee)
      where p.pronamespace = 'private'::regnamespace
        and has_function_privilege(r.grantee, p.oid, 'execute')$$,
    $$select fn, grantee from t165_allowlist$$,
    'the private functions anon, authenticated and service_role may execute are exactly the allowlist'
);

select is_empty(
    $$select d.refobjid::regprocedure::text, pol.polname, r.grantee
      from pg_catalog.pg_policy as pol
      inner join pg_catalog.pg_depend as d
        on d.classid = 'pg_catalog.pg_policy'::regclass and d.objid = pol.oid
       and d.refclassid = 'pg_catalog.pg_proc'::regclass
      inner join pg_catalog.pg_proc as p on d.refobjid = p.oid
      cross join unnest(array['anon', 'authenticated']) as r (grantee)
      where p.pronamespace = 'private'::regnamespace
        and (r.grantee::regrole = any(pol.polroles) or 0 = any(pol.polroles))
        and not has_function_privilege(r.grantee, p.oid, 'execute')$$,
    'every private function a policy calls is executable by the roles the policy applies to'
);

select is_empty(
    $$select a.fn, a.grantee from t165_allowlist as a
      where a.reason = 'policy'
        and not exists (
          select from pg_catalog.pg_policy as pol
          inner join pg_catalog.pg_depend as d
            on d.classid = 'pg_catalog.pg_policy'::regclass and d.objid = pol.oid
          where d.refclassid = 'pg_catalog.pg_proc'::regclass
            and d.refobjid = a.fn::regprocedure
            and (a.grantee::regrole = any(pol.polroles) or 0 = any(pol.polroles))
        )$$,
    'each helper allowlisted for a policy is called by a policy to that role'
);

select is_empty(
    $$select a.fn, a.grantee from t165_allowlist as a
      where a.reason = 'rpc'
        and not exists (
          select from pg_catalog.pg_proc as w
          where w.pronamespace = 'public'::regnamespace
            and not w.prosecdef
            and w.proname = (select p.proname from pg_catalog.pg_proc as p where p.oid = a.fn::regprocedure)
            and has_function_privilege(a.grantee, w.oid, 'execute')
            and strpos(w.prosrc, split_part(a.fn, '(', 1) || '(') > 0
        )$$,
    'each implementation allowlisted for an RPC is called by its public invoker wrapper, granted to that role'
);

select is_empty(
    $$select a.fn, a.grantee from t165_allowlist as a
      where a.reason = 'trigger'
        and not exists (
          select from pg_catalog.pg_trigger as t
          inner join pg_catalog.pg_proc as f on t.tgfoid = f.oid
          where not f.prosecdef
            and strpos(f.prosrc, split_part(a.fn, '(', 1) || '(') > 0
        )$$,
    'each helper allowlisted for a trigger is called by a SECURITY INVOKER trigger function'
);

select is_empty(
    $$select a.fn, a.grantee from t165_allowlist as a
      where a.reason = 'column'
        and not exists (
          select from pg_catalog.pg_attrdef as ad
          inner join pg_catalog.pg_depend as d
            on d.classid = 'pg_catalog.pg_attrdef'::regclass and d.objid = ad.oid
          inner join pg_catalog.pg_attribute as att on ad.adrelid = att.attrelid and ad.adnum = att.attnum
          where d.refclassid = 'pg_catalog.pg_proc'::regclass
            and d.refobjid = a.fn::regprocedure
            and att.attgenerated = 's'
            and has_any_column_privilege(a.grantee, ad.adrelid, 'insert, update')
        )$$,
    'each function allowlisted for a column computes a generated column of a table that role writes'
);

select is_empty(
    $$select a.fn, a.grantee, a.reason from t165_allowlist as a
      where a.reason not in ('policy', 'trigger', 'rpc', 'server', 'column')
         or (a.reason = 'server' and a.grantee <> 'service_role')$$,
    'each allowlist row gives one of the five reasons, and only service_role is called directly by server code'
);

select ok(
    not has_function_privilege('anon', 'private.lesson_has_progress(uuid)', 'execute')
    and not has_function_privilege('authenticated', 'private.lesson_has_progress(uuid)', 'execute')
    and not has_function_privilege('service_role', 'private.lesson_has_progress(uuid)', 'execute'),
    'private.lesson_has_progress() (progress on any lesson, read past RLS) is executable by no client role'
);

select * from finish();
rollback;
