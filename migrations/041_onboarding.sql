/*
  041_onboarding: onboarding that fills itself.

  The first-action flags of public.onboarding follow the actions:
    first_course_started    a course-level progress row is inserted (start_course)
    first_course_completed  a course-level progress row gets completed_at
    profile_completed       the profile has a full name and an avatar
    first_search_performed  public.record_first_search(), which the app calls after the
                            user's first search (searches are read-only RPCs; see
                            rpc_functions/61_onboarding.sql)
  A flag once set stays set (a later deletion does not undo a first action).

  private.onboarding_steps holds each role's checklist as data: a step either
  completes itself (completed_by names the flag that completes it) or is
  checked off by the user (complete_onboarding_step). public.my_onboarding
  reads it.

  The first-action triggers' functions, private.onboarding_on_progress() and
  private.onboarding_on_profile(), are in rpc_functions/08_onboarding_triggers.sql
  (required below).
*/

-- The checklists ----------------------------------------------------------------------------

-- Its rows are the product's own (the checklists of each role):
-- a rollback lists them and puts them back with the migration.
-- reference-data: private.onboarding_steps
create table private.onboarding_steps (
  role text not null check (role in (
    'super_admin', 'compliance_officer', 'org_admin', 'analyst', 'investigator', 'educator', 'learner', 'viewer',
    'guest'
  )),
  step text not null check (step ~ '^[a-z][a-z0-9_]{1,49}$'),
  order_index integer not null,
  title_en text not null,
  title_fr text not null,
  description_en text not null,
  description_fr text not null,
  -- The onboarding flag that completes the step, or null: the user checks it off.
  completed_by text check (completed_by in (
    'tour_completed', 'profile_completed', 'first_course_started', 'first_course_completed', 'first_search_performed'
  )),
  primary key (role, step),
  unique (role, order_index)
);

comment on table private.onboarding_steps is
'Each role''s onboarding checklist: steps in order, bilingual, completed by a first-action flag (completed_by) or '
'checked off by the user (complete_onboarding_step). Read through public.my_onboarding.';

revoke all on private.onboarding_steps from public, anon, authenticated, service_role;

with common (step, n, title_en, title_fr, description_en, description_fr, completed_by) as (
  values
  ('take_tour', 1, 'Take the tour', 'Faire la visite guidée',
    'A two-minute tour of the platform.', 'Une visite de deux minutes de la plateforme.', 'tour_completed'),
  ('complete_profile', 2, 'Complete your profile', 'Compléter votre profil',
    'Add your name and a photo.', 'Ajoutez votre nom et une photo.', 'profile_completed'),
  ('first_search', 3, 'Search the case law', 'Chercher dans la jurisprudence',
    'Search tribunal decisions on anti-Black racism.',
    'Cherchez des décisions des tribunaux sur le racisme anti-Noirs.', 'first_search_performed'),
  ('start_course', 4, 'Start a course', 'Commencer un cours',
    'Open a course from the catalog.', 'Ouvrez un cours du catalogue.', 'first_course_started'),
  ('complete_course', 5, 'Complete a course', 'Terminer un cours',
    'Finish every lesson of a course and earn its certificate.',
    'Terminez toutes les leçons d''un cours et obtenez son certificat.', 'first_course_completed')
),

specific (role, step, n, title_en, title_fr, description_en, description_fr) as (
  values
  ('org_admin', 'invite_team', 10, 'Invite your team', 'Inviter votre équipe',
    'Invite your colleagues and assign them seats.', 'Invitez vos collègues et attribuez-leur des places.'),
  ('org_admin', 'review_analytics', 11, 'Review your organization''s progress',
    'Consulter les progrès de l''organisation',
    'See who is learning and who is falling behind.', 'Voyez qui apprend et qui prend du retard.'),
  ('analyst', 'review_analytics', 10, 'Review your organization''s progress',
    'Consulter les progrès de l''organisation',
    'See who is learning and who is falling behind.', 'Voyez qui apprend et qui prend du retard.'),
  ('analyst', 'save_search', 11, 'Save a search', 'Enregistrer une recherche',
    'Save a search to be told of new decisions.', 'Enregistrez une recherche pour être avisé des nouvelles décisions.'),
  ('compliance_officer', 'review_audit_trail', 10, 'Review the audit trail', 'Consulter le journal d''audit',
    'See who changed what in your organization.', 'Voyez qui a modifié quoi dans votre organisation.'),
  ('investigator', 'review_cases', 10, 'Review incoming cases', 'Examiner les nouvelles décisions',
    'Classify the decisions the ingestion found.', 'Classez les décisions trouvées par la collecte.'),
  ('educator', 'create_course', 10, 'Create a course', 'Créer un cours',
    'Draft your first course and its lessons.', 'Rédigez votre premier cours et ses leçons.'),
  ('super_admin', 'review_feature_flags', 10, 'Review the feature flags', 'Vérifier les fonctionnalités',
    'Choose what each plan and organization sees.', 'Choisissez ce que voit chaque forfait et organisation.'),
  ('learner', 'join_learning_path', 10, 'Join a learning path', 'Suivre un parcours',
    'Follow a sequence of courses at your pace.', 'Suivez une suite de cours à votre rythme.')
)

insert into private.onboarding_steps (
  role, step, order_index, title_en, title_fr, description_en, description_fr, completed_by
)
select r.role, c.step, c.n, c.title_en, c.title_fr, c.description_en, c.description_fr, c.completed_by
from common as c
cross join (values
  ('super_admin'), ('compliance_officer'), ('org_admin'), ('analyst'), ('investigator'), ('educator'), ('learner'),
  ('viewer'), ('guest')
) as r (role)
-- viewer and guest are read-only: they take no course.
where not (r.role in ('viewer', 'guest') and c.step in ('start_course', 'complete_course'))
union all
select s.role, s.step, s.n, s.title_en, s.title_fr, s.description_en, s.description_fr, null
from specific as s;

-- The first actions ------------------------------------------------------------------------------

-- The trigger functions are in rpc_functions/08_onboarding_triggers.sql:
-- requires: rpc_functions/08_onboarding_triggers.sql

create trigger onboarding_course_started after insert on public.progress
for each row when (new.lesson_id is null)
execute function private.onboarding_on_progress();

create trigger onboarding_course_completed after update of completed_at on public.progress
for each row when (new.lesson_id is null and old.completed_at is null and new.completed_at is not null)
execute function private.onboarding_on_progress();

create trigger onboarding_profile_completed after insert or update of full_name, avatar_url on public.profiles
for each row when (
  new.deleted_at is null
  and coalesce(btrim(new.full_name), '') <> ''
  and coalesce(btrim(new.avatar_url), '') <> ''
)
execute function private.onboarding_on_profile();

-- What was done before this migration counts.
insert into public.onboarding as o (user_id, first_course_started, first_course_completed)
select pr.user_id, true, bool_or(pr.completed_at is not null)
from public.progress as pr
where pr.lesson_id is null
group by pr.user_id
on conflict (user_id) do update
set
  first_course_started = true,
  first_course_completed = o.first_course_completed or excluded.first_course_completed;

insert into public.onboarding as o (user_id, profile_completed)
select p.id, true
from public.profiles as p
where p.deleted_at is null and coalesce(btrim(p.full_name), '') <> '' and coalesce(btrim(p.avatar_url), '') <> ''
on conflict (user_id) do update
set profile_completed = true;
