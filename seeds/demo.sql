/*
  Demo data: two organizations with a member of each role, a small
  bilingual catalog, case law in every ingestion state, billing, and some
  activity. Deterministic ids (md5 of a name), so it can be loaded again:
  every insert skips rows that already exist.

  Run by `abr-db seed` (and `abr-db up` on an empty database) as the
  database owner. Every demo login is <name>@demo.abr.test.
*/

-- Organizations -------------------------------------------------------------------

insert into public.organizations (id, name, slug, industry, size_category, admin_email, city, province,
  subscription_status)
values
(md5('org:maple')::uuid, 'Maple Public Service', 'maple', 'Government', '1000+', 'admin@maple.example', 'Ottawa', 'ON',
  'active'),
(md5('org:fleuve')::uuid, 'Collège du Fleuve', 'fleuve', 'Education', '201-500', 'admin@fleuve.example', 'Montréal',
  'QC', 'trial')
on conflict (id) do nothing;

insert into public.teams (id, organization_id, name, description)
values
(md5('team:maple-hr')::uuid, md5('org:maple')::uuid, 'Human Resources', 'People and culture'),
(md5('team:maple-policy')::uuid, md5('org:maple')::uuid, 'Policy', 'Policy analysis'),
(md5('team:fleuve-faculty')::uuid, md5('org:fleuve')::uuid, 'Faculty', 'Corps professoral')
on conflict (id) do nothing;

-- People: auth users (the trigger creates their profiles), then their roles ----------

insert into auth.users (id, email, raw_user_meta_data, email_confirmed_at, aud, role)
select
  md5('user:' || u.handle)::uuid,
  u.handle || '@demo.abr.test',
  jsonb_build_object('full_name', u.full_name),
  now(),
  'authenticated',
  'authenticated'
from (values
  ('ada', 'Ada Okafor'), ('bruno', 'Bruno Tremblay'), ('chantal', 'Chantal Joseph'),
  ('desmond', 'Desmond Clarke'), ('esther', 'Esther Mensah'), ('felix', 'Félix Gagnon'),
  ('grace', 'Grace Williams'), ('henri', 'Henri Pierre-Louis'), ('imani', 'Imani Brown'),
  ('jules', 'Jules Côté'), ('kofi', 'Kofi Asante'), ('lea', 'Léa Fortin')
) as u (handle, full_name)
on conflict (id) do nothing;

update public.profiles as p
set role = r.role,
    organization_id = case when r.org is null then null else md5('org:' || r.org)::uuid end,
    team_id = case when r.team is null then null else md5('team:' || r.team)::uuid end,
    subscription_tier = r.tier,
    preferred_language = r.lang
from (values
  ('ada', 'super_admin', null, null, 'enterprise', 'en'),
  ('bruno', 'org_admin', 'maple', 'maple-hr', 'enterprise', 'fr'),
  ('chantal', 'compliance_officer', 'maple', 'maple-policy', 'enterprise', 'en'),
  ('desmond', 'analyst', 'maple', 'maple-policy', 'enterprise', 'en'),
  ('esther', 'investigator', 'maple', null, 'enterprise', 'en'),
  ('felix', 'educator', null, null, 'professional', 'fr'),
  ('grace', 'learner', 'maple', 'maple-hr', 'professional', 'en'),
  ('henri', 'learner', 'fleuve', 'fleuve-faculty', 'free', 'fr'),
  ('imani', 'viewer', 'maple', null, 'free', 'en'),
  ('jules', 'guest', 'fleuve', null, 'free', 'fr'),
  ('kofi', 'org_admin', 'fleuve', 'fleuve-faculty', 'professional', 'en'),
  ('lea', 'learner', 'fleuve', 'fleuve-faculty', 'free', 'fr')
) as r (handle, role, org, team, tier, lang)
where p.id = md5('user:' || r.handle)::uuid;

update public.teams set team_lead_id = md5('user:bruno')::uuid
where id = md5('team:maple-hr')::uuid;

-- Catalog -----------------------------------------------------------------------------

insert into public.courses (
  id, slug, title_en, title_fr, description_en, description_fr, category, level,
  duration_minutes, estimated_hours, tier_required, is_published, published_at, order_index, tags, created_by
)
values
(
  md5('course:foundations')::uuid, 'understanding-anti-black-racism',
  'Understanding Anti-Black Racism', 'Comprendre le racisme anti-Noirs',
  'History, definitions and everyday forms of anti-Black racism in Canada.',
  'Histoire, définitions et formes quotidiennes du racisme anti-Noirs au Canada.',
  'Foundations', 'Introductory', 90, 1.5, 'free', true, now(), 1, '{foundations,history}', md5('user:felix')::uuid
),
(
  md5('course:workplace')::uuid, 'anti-racism-at-work', 'Anti-Racism at Work', 'L''antiracisme au travail',
  'Recognizing and interrupting racism in hiring, promotion and daily work.',
  'Reconnaître et interrompre le racisme à l''embauche, dans la promotion et au quotidien.',
  'Workplace', 'Intermediate', 120, 2, 'professional', true, now(), 2, '{workplace,hiring}', md5('user:felix')::uuid
),
(
  md5('course:legal')::uuid, 'human-rights-law-and-race', 'Human Rights Law and Race', 'Droits de la personne et race',
  'How Canadian tribunals decide race discrimination cases.',
  'Comment les tribunaux canadiens tranchent les plaintes de discrimination raciale.',
  'Legal', 'Advanced', 180, 3, 'enterprise', false, null, 3, '{legal,tribunals}', md5('user:felix')::uuid
)
on conflict (id) do nothing;

insert into public.lessons (
  id, course_id, order_index, lesson_type, title_en, title_fr, content_en, content_fr, duration_minutes, quiz_questions
)
values
(
  md5('lesson:f1')::uuid, md5('course:foundations')::uuid, 1, 'reading', 'What is anti-Black racism?',
  'Qu''est-ce que le racisme anti-Noirs?', 'Anti-Black racism is ...', 'Le racisme anti-Noirs est ...', 20, null
),
(
  md5('lesson:f2')::uuid, md5('course:foundations')::uuid, 2, 'video', 'A history in Canada', 'Une histoire au Canada',
  'From slavery in New France to today.', 'De l''esclavage en Nouvelle-France à aujourd''hui.', 30, null
),
(
  md5('lesson:f3')::uuid, md5('course:foundations')::uuid, 3, 'quiz', 'Check your understanding', 'Vérifiez vos acquis',
  null, null, 10,
  '[{"question": "Slavery existed in New France.", "options": ["True", "False"], "correct_answer": 0,
     "explanation": "It did, until its abolition across the British Empire in 1834."},
    {"question": "Systemic racism requires intent.", "options": ["True", "False"], "correct_answer": 1,
     "explanation": "Systemic racism is about effects, not intent."}]'::jsonb
),
(
  md5('lesson:w1')::uuid, md5('course:workplace')::uuid, 1, 'case_study', 'A hiring case', 'Un cas d''embauche',
  'Read the decision and discuss.', 'Lisez la décision et discutez-en.', 40, null
)
on conflict (id) do nothing;

insert into public.learning_paths (id, slug, title_en, title_fr, course_ids, estimated_duration_hours, is_published)
values (
  md5('path:essentials')::uuid, 'essentials', 'Essentials', 'L''essentiel',
  array[md5('course:foundations')::uuid, md5('course:workplace')::uuid], 3.5, true
)
on conflict (id) do nothing;

insert into public.resources (id, title_en, title_fr, category, file_url, file_type, is_published, tier_required, tags)
values
(md5('resource:checklist')::uuid, 'Inclusive hiring checklist', 'Liste de contrôle pour une embauche inclusive',
 'Checklist', 'https://files.example/checklist.pdf', 'pdf', true, 'free', '{hiring}'),
(md5('resource:policy')::uuid, 'Anti-racism policy template', 'Modèle de politique antiraciste',
 'Template', 'https://files.example/policy.docx', 'docx', true, 'professional', '{policy}')
on conflict (id) do nothing;

-- Case law: a source, a job, raw cases in several states, curated cases -----------------

insert into public.tribunal_sources (id, name, tribunal, base_url, scraper_type, scraper_config)
values (
  md5('source:hrto')::uuid, 'HRTO', 'Human Rights Tribunal of Ontario', 'https://tribunal.example/hrto', 'hrto',
  '{"list_selector": ".decision", "pages": 5}'
)
on conflict (id) do nothing;

insert into public.ingestion_jobs (id, source_id, job_type, status, items_fetched, items_classified, items_approved,
  completed_at)
values (md5('job:1')::uuid, md5('source:hrto')::uuid, 'scheduled', 'completed', 3, 3, 1, now())
on conflict (id) do nothing;

insert into public.tribunal_cases_raw (
  id, source_name, source_url, extracted_title, extracted_case_number, extracted_date, extracted_tribunal,
  status, ingestion_job_id, ai_classification
)
values
(md5('raw:1')::uuid, 'HRTO', 'https://tribunal.example/hrto/2023-101', 'Smith v. Acme Logistics', '2023 HRTO 101',
 '2023-04-12', 'HRTO', 'approved', md5('job:1')::uuid,
   '{"is_race_related": true, "is_anti_black": true, "confidence": 0.93}'),
(md5('raw:2')::uuid, 'HRTO', 'https://tribunal.example/hrto/2024-55', 'Jones v. City Transit', '2024 HRTO 55',
 '2024-02-01', 'HRTO', 'classified', md5('job:1')::uuid,
   '{"is_race_related": true, "is_anti_black": false, "confidence": 0.71}'),
(md5('raw:3')::uuid, 'HRTO', 'https://tribunal.example/hrto/2024-77', 'Doe v. Retail Co.', '2024 HRTO 77',
 '2024-06-30', 'HRTO', 'pending', md5('job:1')::uuid, null)
on conflict (id) do nothing;

insert into public.tribunal_cases (
  id, case_number, title, tribunal, source_url, decision_date, year, summary_en, summary_fr, outcome,
  protected_ground, discrimination_type, race_category, is_race_related, is_anti_black_specific, relevance_score,
  precedent_value, monetary_award, ai_tags, featured, ingested_from_raw_id, manually_reviewed
)
values
(md5('case:1')::uuid, '2023 HRTO 101', 'Smith v. Acme Logistics', 'HRTO', 'https://tribunal.example/hrto/2023-101',
 '2023-04-12', 2023, 'A Black warehouse worker was passed over for promotion; the tribunal found discrimination.',
 'Un travailleur noir a été écarté d''une promotion; le tribunal a conclu à la discrimination.', 'Upheld',
 '{race,colour}', '{promotion}', 'Anti-Black', true, true, 0.95, 'High', 25000, '{promotion,employment}', true,
 md5('raw:1')::uuid, true),
(md5('case:2')::uuid, '2022 CHRT 12', 'Brown v. Federal Agency', 'CHRT', 'https://tribunal.example/chrt/2022-12',
 '2022-09-20', 2022, 'Racial profiling during security screening.', 'Profilage racial lors d''un contrôle de sécurité.',
 'Partially Upheld', '{race}', '{services}', 'Anti-Black', true, true, 0.88, 'Medium', 8000, '{profiling}', false,
 null, true)
on conflict (id) do nothing;

update public.tribunal_cases_raw set promoted_to_case_id = md5('case:1')::uuid
where id = md5('raw:1')::uuid;
update public.lessons set tribunal_case_id = md5('case:1')::uuid
where id = md5('lesson:w1')::uuid;

-- Billing ---------------------------------------------------------------------------------

insert into public.subscriptions (
  id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, plan_tier, plan_name,
  billing_interval, seat_count, seats_used, amount_cents, status, current_period_start, current_period_end,
    next_payment_date
)
values (
  md5('sub:maple')::uuid, md5('org:maple')::uuid, 'sub_demo_maple', 'cus_demo_maple', 'price_enterprise_year',
  'enterprise', 'Enterprise - Annual', 'year', 5, 1, 199900, 'active',
  date_trunc('month', now()), date_trunc('month', now()) + interval '1 year', date_trunc('month',
    now()) + interval '1 year'
)
on conflict (id) do nothing;

update public.organizations set subscription_id = md5('sub:maple')::uuid
where id = md5('org:maple')::uuid;

insert into public.subscription_seats (id, subscription_id, organization_id, assigned_to_user_id, assigned_by,
  assigned_at, status)
select
  md5('seat:maple-' || n)::uuid, md5('sub:maple')::uuid, md5('org:maple')::uuid,
  case when n = 1 then md5('user:grace')::uuid end,
  case when n = 1 then md5('user:bruno')::uuid end,
  case when n = 1 then now() end,
  case when n = 1 then 'active' else 'available' end
from generate_series(1, 5) as n
on conflict (id) do nothing;

update public.profiles set seat_id = md5('seat:maple-1')::uuid
where id = md5('user:grace')::uuid;

insert into public.invoices (
  id, subscription_id, organization_id, stripe_invoice_id, invoice_number, amount_cents, amount_paid_cents,
  tax_hst_cents, status, period_start, period_end, paid_at
)
values (
  md5('invoice:maple-1')::uuid, md5('sub:maple')::uuid, md5('org:maple')::uuid, 'in_demo_maple_1', 'ABR-INV-0001',
  225887, 225887, 25987, 'paid', current_date - 30, current_date + 335, now()
)
on conflict (id) do nothing;

insert into public.payment_methods (
  id, organization_id, stripe_payment_method_id, stripe_customer_id, card_brand, card_last4, card_exp_month,
    card_exp_year, is_default
)
values (md5('pm:maple')::uuid, md5('org:maple')::uuid, 'pm_demo_maple', 'cus_demo_maple', 'visa', '4242', 12, 2030,
  true)
on conflict (id) do nothing;

insert into public.usage_tracking (id, organization_id, subscription_id, metric_type, quantity, unit, period_start,
  period_end)
values (
  md5('usage:maple-ai')::uuid, md5('org:maple')::uuid, md5('sub:maple')::uuid, 'ai_coach_sessions', 42, 'count',
  date_trunc('month', now())::date, (date_trunc('month', now()) + interval '1 month - 1 day')::date
)
on conflict (id) do nothing;

-- Price catalog and plan limits: Stripe prices the webhooks know (apply_stripe_event).
insert into public.billing_prices (stripe_price_id, plan_tier, plan_name, per_seat)
values
('price_enterprise_year', 'enterprise', 'Enterprise - Annual', true),
('price_professional_month_metered', 'professional', 'Professional - Monthly (metered)', true)
on conflict (stripe_price_id) do nothing;

-- The AI coach's allowance per tier (ai_coach_sessions; custom: no row, unlimited): the limits the coach had
-- before it used the usage metering, now the tier rows of plan_limits that both of its paths read (a subscribed
-- organization per billing period, the fallback per Toronto month; rpc_functions/60_coaching.sql).
insert into public.plan_limits (plan_tier, stripe_price_id, metric_type, period_limit, hard_limit)
values
('free', null, 'ai_coach_sessions', 5, true),
('professional', null, 'ai_coach_sessions', 100, true),
('enterprise', null, 'ai_coach_sessions', 1000, true)
on conflict on constraint plan_limits_one_per_plan do update
set period_limit = excluded.period_limit, hard_limit = excluded.hard_limit;

insert into public.plan_limits (plan_tier, stripe_price_id, metric_type, period_limit, hard_limit)
values
('professional', 'price_professional_month_metered', 'ai_coach_sessions', 20, true),
('professional', 'price_professional_month_metered', 'data_exports', 2, true),
('professional', 'price_professional_month_metered', 'storage_gb', 5, false)
on conflict do nothing;

insert into private.stripe_customers (stripe_customer_id, organization_id)
values ('cus_demo_maple', md5('org:maple')::uuid), ('cus_demo_fleuve', md5('org:fleuve')::uuid)
on conflict do nothing;

-- Fleuve, the metered organization: a monthly trial with usage limits per price, three seats (Kofi holds one).
insert into public.subscriptions (
  id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, plan_tier, plan_name,
  billing_interval, seat_count, amount_cents, status, trial_start, trial_end, current_period_start,
  current_period_end
)
values (
  md5('sub:fleuve')::uuid, md5('org:fleuve')::uuid, 'sub_demo_fleuve', 'cus_demo_fleuve',
  'price_professional_month_metered', 'professional', 'Professional - Monthly (metered)', 'month', 3, 0, 'trialing',
  date_trunc('day', now()) - interval '7 days', date_trunc('day', now()) + interval '14 days',
  date_trunc('day', now()) - interval '7 days', date_trunc('day', now()) + interval '14 days'
)
on conflict (id) do nothing;

update public.organizations
set subscription_id = md5('sub:fleuve')::uuid,
    trial_ends_at = (
      select s.trial_end from public.subscriptions as s
      where s.id = md5('sub:fleuve')::uuid
    )
where id = md5('org:fleuve')::uuid and subscription_id is null;

insert into public.subscription_seats (id, subscription_id, organization_id, assigned_to_user_id, assigned_by,
  assigned_at, status)
select
  md5('seat:fleuve-' || n)::uuid, md5('sub:fleuve')::uuid, md5('org:fleuve')::uuid,
  case when n = 1 then md5('user:kofi')::uuid end,
  case when n = 1 then md5('user:kofi')::uuid end,
  case when n = 1 then now() end,
  case when n = 1 then 'assigned' else 'available' end
from generate_series(1, 3) as n
on conflict (id) do nothing;

update public.profiles set seat_id = md5('seat:fleuve-1')::uuid
where id = md5('user:kofi')::uuid and seat_id is null;

select private.sync_seats_used(md5('sub:fleuve')::uuid);

-- Metered usage of this billing period (idempotent keys: loading the seed again counts nothing twice).
select private.record_usage(md5('org:fleuve')::uuid, 'ai_coach_sessions', 7, 'demo-fleuve-ai-1');
select private.record_usage(md5('org:fleuve')::uuid, 'data_exports', 1, 'demo-fleuve-export-1');

-- A pending invitation: Maple invites a new hire into Human Resources, a seat reserved for the address.
-- Demo only: its token is md5('invite:newhire') || md5('invite:newhire:2') (a real token is random and shown once).
update public.subscription_seats
set assigned_to_email = 'newhire@demo.abr.test', assigned_by = md5('user:bruno')::uuid, assigned_at = now()
where id = md5('seat:maple-2')::uuid and assigned_to_user_id is null and assigned_to_email is null
  and not exists (
    select from public.invitations as i
    where i.id = md5('invitation:newhire')::uuid
  );

insert into public.invitations (id, organization_id, email, role, team_id, seat_id, token_hash, expires_at,
  invited_by)
values (
  md5('invitation:newhire')::uuid, md5('org:maple')::uuid, 'newhire@demo.abr.test', 'learner',
  md5('team:maple-hr')::uuid, md5('seat:maple-2')::uuid,
  sha256(convert_to(md5('invite:newhire') || md5('invite:newhire:2'), 'UTF8')), now() + interval '30 days',
  md5('user:bruno')::uuid
)
on conflict (id) do nothing;

-- Activity --------------------------------------------------------------------------------
-- Badges first: the learning loop (022_learning_loop, rpc_functions/17_gamification.sql)
-- evaluates them as the activity below arrives. Points, streaks, levels, counters and
-- certificates are not written here: the loop derives them from this activity, as it
-- does from the RPCs.

insert into public.custom_badges (
  id, organization_id, name, description, criteria_type, criteria_config, rarity, points_value, created_by
)
values
(
  md5('badge:maple-ally')::uuid, md5('org:maple')::uuid, 'Ally in Action', 'Completed the foundations course',
  'automated',
  jsonb_build_object(
    'type', 'course_completion', 'course_ids', jsonb_build_array(md5('course:foundations')::uuid), 'threshold', 1
  ),
  'rare', 50, md5('user:bruno')::uuid
),
(
  md5('badge:fleuve-fondations')::uuid, md5('org:fleuve')::uuid, 'Fondations',
  'A terminé le cours Comprendre le racisme anti-Noirs', 'automated',
  jsonb_build_object(
    'type', 'course_completion', 'course_ids', jsonb_build_array(md5('course:foundations')::uuid), 'threshold', 1
  ),
  'rare', 50, md5('user:kofi')::uuid
),
(md5('badge:fleuve-mentor')::uuid, md5('org:fleuve')::uuid, 'Mentor', 'Awarded by the admin for helping colleagues',
 'manual', null, 'epic', 25, md5('user:kofi')::uuid)
on conflict (id) do nothing;

-- Grace completed the foundations course (her certificate keeps its demo id).
insert into public.certificates (id, user_id, course_id, final_score, completion_time_hours)
values (md5('cert:grace-f')::uuid, md5('user:grace')::uuid, md5('course:foundations')::uuid, 100, 1.6)
on conflict do nothing;

insert into public.progress (
  id, user_id, course_id, lesson_id, completion_percentage, lessons_completed, total_lessons, completed_at,
  quiz_attempts, quiz_best_score, quiz_last_score, quiz_passed
)
select
  md5('progress:' || a.handle || '-' || a.lesson)::uuid, md5('user:' || a.handle)::uuid,
  md5('course:foundations')::uuid, md5('lesson:' || a.lesson)::uuid, 100, 0, null, now(), a.attempts,
  a.score as best_score, a.score as last_score, a.passed
from (values
  ('grace', 'f1', 0, null::numeric, false), ('grace', 'f2', 0, null, false), ('grace', 'f3', 1, 100, true),
  ('henri', 'f1', 0, null, false)
) as a (handle, lesson, attempts, score, passed)
on conflict (id) do nothing;

insert into public.progress (
  id, user_id, course_id, lesson_id, completion_percentage, lessons_completed, total_lessons, completed_at
)
values
(md5('progress:grace-f')::uuid, md5('user:grace')::uuid, md5('course:foundations')::uuid, null, 100, 3, 3, now()),
(md5('progress:henri-f')::uuid, md5('user:henri')::uuid, md5('course:foundations')::uuid, null, 33.33, 1, 3, null),
(md5('progress:lea-f')::uuid, md5('user:lea')::uuid, md5('course:foundations')::uuid, null, 0, 0, 3, null)
on conflict (id) do nothing;

-- Grace follows the Essentials path (one of its two courses done).
insert into public.learning_path_enrollments (id, user_id, learning_path_id)
values (md5('enrollment:grace-essentials')::uuid, md5('user:grace')::uuid, md5('path:essentials')::uuid)
on conflict (id) do nothing;

insert into public.bookmarks (id, user_id, resource_type, resource_id, notes)
values (md5('bookmark:grace-case1')::uuid, md5('user:grace')::uuid, 'tribunal_case', md5('case:1')::uuid,
  'Use in team training')
on conflict (id) do nothing;

insert into public.saved_searches (id, user_id, name, filters)
values (md5('search:desmond')::uuid, md5('user:desmond')::uuid, 'Anti-Black employment cases',
  '{"race_category": "Anti-Black", "type": "employment"}')
on conflict (id) do nothing;

insert into public.notifications (id, user_id, type, title, message)
values
(md5('notif:grace-cert')::uuid, md5('user:grace')::uuid, 'certificate_earned', 'Certificate earned',
  'You completed Understanding Anti-Black Racism.'),
(md5('notif:henri-new')::uuid, md5('user:henri')::uuid, 'new_content', 'Nouveau cours',
  'Un nouveau cours est disponible.')
on conflict (id) do nothing;

insert into public.ai_coaching_sessions (id, user_id, session_type, user_query, ai_response, ai_model)
values (md5('coach:henri')::uuid, md5('user:henri')::uuid, 'motivation', 'Comment continuer?',
  'Reprenez la leçon 2 demain : 20 minutes suffisent.', 'demo-model')
on conflict (id) do nothing;

insert into public.onboarding (user_id, tour_completed, first_course_started, first_course_completed)
values (md5('user:grace')::uuid, true, true, true), (md5('user:henri')::uuid, false, true, false)
on conflict (user_id) do update set tour_completed = excluded.tour_completed;

insert into public.classification_feedback (id, raw_case_id, ai_classification, user_classification, feedback_type,
  confidence_rating, reviewed_by)
values (md5('feedback:raw2')::uuid, md5('raw:2')::uuid, 'General', 'Anti-Black', 'correction', 4,
  md5('user:esther')::uuid)
on conflict (id) do nothing;

insert into public.feature_flags (id, flag_key, name, description, is_enabled, target_type, target_tiers,
  rollout_percentage, created_by)
values
(md5('flag:ai-coach')::uuid, 'ai_coach', 'AI coach', 'The AI coaching panel', true, 'global', '{}', 100,
  md5('user:ada')::uuid),
(md5('flag:case-explorer')::uuid, 'case_explorer_v2', 'Case explorer v2', 'New data explorer', true, 'tier',
  '{enterprise}', 50, md5('user:ada')::uuid)
on conflict (id) do nothing;

-- Privacy: Grace (Maple) asked for her data; Chantal, Maple's compliance officer, entered an incident in the
-- register; Henri (Fleuve, no compliance officer) asked for a rectification.
insert into public.privacy_requests (id, user_id, organization_id, kind, details, requested_at, due_at)
values
(md5('privacy:grace-access')::uuid, md5('user:grace')::uuid, md5('org:maple')::uuid, 'access',
  'Please send me everything you hold about me.', now() - interval '3 days', now() + interval '27 days'),
(md5('privacy:henri-rect')::uuid, md5('user:henri')::uuid, md5('org:fleuve')::uuid, 'rectification',
  'Mon nom est mal orthographié.', now() - interval '25 days', now() + interval '5 days')
on conflict (id) do nothing;

insert into public.privacy_incidents (id, organization_id, information_concerned, circumstances, occurred_from,
  occurred_until, became_known_at, persons_concerned, risk_assessment, serious_risk, measures_taken, recorded_by)
values (md5('incident:maple-1')::uuid, md5('org:maple')::uuid, 'Names and course completion of 4 employees',
  'A completion report was emailed to a distribution list outside Human Resources', now() - interval '10 days',
  now() - interval '10 days', now() - interval '9 days', 4,
  'Low: names and completions only, internal recipients, asked to delete; misuse unlikely', false,
  'Recipients confirmed deletion; report sharing restricted to compliance officers', md5('user:chantal')::uuid)
on conflict (id) do nothing;

refresh materialized view public.org_analytics;
