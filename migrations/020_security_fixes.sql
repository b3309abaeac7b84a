-- requires: rpc_functions/03_member_guards.sql
-- requires: rpc_functions/04_lesson_guards.sql
-- requires: rpc_functions/05_certificate_guards.sql
-- requires: rpc_functions/06_audit_triggers.sql
-- previous-sha256: d59847a8cedb507c1e9791ba1fe34bea1dc8ec82a204528ae80a01e9efbe2a18
/*
  020_security_fixes: the schema side of the security review (issue 6).

  audit trail (findings 2, 3, 6, 7)
    private.audit_row_change() (012_audit) is replaced:
    - Stripe identifiers, payment-method details and amounts never reach
      audit_logs in clear: a column whose name says it holds one (stripe_*,
      card_*, billing_name/email/address, *amount*, *cents*) is recorded as
      changed with the value "[redacted]" (private.audit_redacted);
    - a seat row names its holder by user id only: assigned_to_email is left
      out of seat rows and diffs;
    - a profile's name change (full_name) is audited (action name_change,
      info), and a profile's audit row lists only the audited columns (role,
      organization_id, full_name), never the rest of the profile;
    - ip_address is the RIGHTMOST x-forwarded-for entry: the one the
      platform's gateway appends; every entry left of it is whatever the
      client sent (private.audit_request).
    Who and where the request came from (private.audit_actor,
    private.audit_request) are shared with private.record_audit_event
    (rpc_functions/26_audit_events.sql), the one way server code appends an
    event now that no API role inserts into audit_logs. Rows written before
    this migration are redacted in place (the one rewrite the append-only
    trail allows, done here as its owner with the guard disabled).

  certificates (finding 3)
    A certificate keeps the holder's name and the course title as issued:
    holder_name, course_title_en and course_title_fr are filled by a BEFORE
    INSERT trigger from the profile and the course (whatever the inserter
    sent), backfilled for existing certificates, and immutable afterwards
    for everyone (42501): a wrong name is corrected by revoking and issuing
    anew. verify_certificate shows these columns.

  lessons (findings 4, 5, 10)
    - quiz_attempts_per_day: the quiz settings live on the lesson, beside
      pass_threshold: how many attempts a learner has per rolling 24 hours
      (default 5); submit_quiz logs attempts in private.quiz_attempts.
    - quiz_questions has ONE shape, checked on every write (22023 naming the
      question), for every writer:
        null, or a JSON array of 1 to 100 questions, each an object with
          question        text, required, non-empty
          question_fr     text, optional
          options         array of 2 to 20 distinct non-empty texts, required
          options_fr      array of texts, one per option, optional
          correct_answer  integer, the index (from 0) of the right option, required
          explanation     text, optional
          explanation_fr  text, optional
        and no other key.
      Existing rows are checked here: the migration fails naming a lesson
      that does not fit.
    - A lesson with learners' progress does not move to another course
      (22023 instead of the raw 23503 of progress' composite key).

  profiles (ACCESS.md decision)
    private.guard_profile_update() (011_access_guards) is replaced: an
    org_admin changes a member's role only among the organization-scoped
    roles org_admin, learner, viewer and guest. educator, analyst,
    investigator, compliance_officer and super_admin carry rights beyond the
    organization: only a super_admin grants or removes them.
*/

-- Audit: redaction, actor and request -------------------------------------------------

/*
  The client address: the RIGHTMOST x-forwarded-for entry. The platform's
  gateway appends the address it received the request from; every entry to
  its left arrived in the client's own header and proves nothing. Null
  outside a request, or when the header does not parse: an audit write never
  fails on a header.
*/

-- Audit: the writer -----------------------------------------------------------------

-- profiles: access changes and name changes
drop trigger audit_access_change on public.profiles;
create trigger audit_profile_change
after update of role, organization_id, full_name on public.profiles
for each row
when (
  old.role is distinct from new.role
  or old.organization_id is distinct from new.organization_id
  or old.full_name is distinct from new.full_name
)
execute function private.audit_row_change();

-- Rows written before this migration: redacted in place, as the table's
-- owner, past the append-only guard (the only rewrite the trail has had).
alter table public.audit_logs disable trigger append_only;
update public.audit_logs as a
set changes = private.audit_redacted(a.changes) - 'assigned_to_email'
where
  a.resource_type in ('subscriptions', 'subscription_seats', 'invoices', 'payment_methods')
  and a.changes is distinct from (private.audit_redacted(a.changes) - 'assigned_to_email');
alter table public.audit_logs enable trigger append_only;

-- Certificates: name and title as issued -------------------------------------------------

alter table public.certificates
add column holder_name text,
add column course_title_en text,
add column course_title_fr text;

comment on column public.certificates.holder_name is
'The holder''s full name when the certificate was issued; set by the database, never changed.';
comment on column public.certificates.course_title_en is
'The course''s English title when the certificate was issued; set by the database, never changed.';
comment on column public.certificates.course_title_fr is
'The course''s French title when the certificate was issued; set by the database, never changed.';

-- Backfill with today's names (the best record there is), without an audit
-- row per certificate.
alter table public.certificates disable trigger audit_update;
update public.certificates as ce
set holder_name = p.full_name, course_title_en = c.title_en, course_title_fr = c.title_fr
from public.profiles as p, public.courses as c
where p.id = ce.user_id and c.id = ce.course_id;
alter table public.certificates enable trigger audit_update;

create trigger stamp_as_issued before insert on public.certificates
for each row execute function private.stamp_certificate_as_issued();

create trigger guard_as_issued before update on public.certificates
for each row execute function private.guard_certificate_as_issued();

-- Lessons: quiz settings, quiz shape, course changes ------------------------------------

alter table public.lessons
add column quiz_attempts_per_day integer not null default 5
constraint lessons_quiz_attempts_per_day_check check (quiz_attempts_per_day between 1 and 100);

comment on column public.lessons.quiz_attempts_per_day is
'Quiz setting: attempts a learner has at this quiz per rolling 24 hours (submit_quiz refuses more with 42501).';

-- SECURITY DEFINER so that check_quiz_questions needs no grant to the
-- authors' role (a trigger function cannot be called directly).

-- Existing quizzes must fit before the trigger guards new ones.
do $$
declare
  l record;
begin
  for l in select le.id, le.quiz_questions from public.lessons as le where le.quiz_questions is not null loop
    begin
      perform private.check_quiz_questions(l.quiz_questions);
    exception when sqlstate '22023' then
      raise exception using
        errcode = '22023',
        message = pg_catalog.format('lesson %s: %s', l.id, sqlerrm),
        hint = 'Rewrite its quiz_questions in the documented shape, then apply again.';
    end;
  end loop;
end
$$;

create trigger validate_quiz_questions before insert or update of quiz_questions on public.lessons
for each row execute function private.validate_quiz_questions();

-- A lesson's learners' progress names (lesson, course): the lesson stays in its course.

create trigger guard_lesson_course_change before update of course_id on public.lessons
for each row
when (old.course_id is distinct from new.course_id)
execute function private.guard_lesson_course_change();

-- Quiz attempts: the log the rolling limit counts --------------------------------------

create table private.quiz_attempts (
  id bigint generated always as identity primary key,
  user_id uuid not null references public.profiles (id) on delete cascade,
  lesson_id uuid not null references public.lessons (id) on delete cascade,
  attempted_at timestamptz not null default now(),
  score numeric(5, 2) not null check (score between 0 and 100),
  passed boolean not null
);

comment on table private.quiz_attempts is
'Each learner''s quiz attempts of the last 24 hours (older rows are pruned by submit_quiz): '
'what lessons.quiz_attempts_per_day limits. Not reachable by clients.';

create index idx_quiz_attempts_user_lesson on private.quiz_attempts (user_id, lesson_id, attempted_at);
create index idx_quiz_attempts_lesson on private.quiz_attempts (lesson_id);

alter table private.quiz_attempts enable row level security;
revoke all on private.quiz_attempts from public, anon, authenticated, service_role;

-- profiles: an org_admin gives organization-scoped roles only: the guard
-- private.guard_profile_update() (rpc_functions/03_member_guards.sql), bound by 011_access_guards.
