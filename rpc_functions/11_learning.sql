/*
  Learning RPCs: reading a lesson, and the only ways a learner's progress is
  written.

    public.get_lesson(p_lesson_id)                  the lesson with its content when the
                                                    caller's tier allows, and its quiz
                                                    without answers or explanations
    public.start_course(p_course_id)                the course-level progress row
    public.record_lesson_progress(p_lesson_id, p_time_spent_seconds, p_completed)
                                                    a lesson's row, then the course totals
    public.submit_quiz(p_lesson_id, p_answers)      scores a quiz; returns score and passed

  Each public function is a thin SECURITY INVOKER wrapper (Supabase's advisor
  flags definer functions in exposed schemas) over a private SECURITY DEFINER
  implementation with search_path = pg_catalog, pg_temp: progress has no write grant for
  clients, and quiz_questions no read grant. Inputs are validated first:
  22023 invalid parameter, 42501 not allowed, P0002 not found, 23505 conflict.
  viewer and guest are read-only: they read lessons but record no progress.
*/

-- Shared checks (not callable by clients) ----------------------------------------------

/*
  The course the caller may use, or an exception. p_for_progress: the course
  must be published and not deleted, and the caller not read-only. Otherwise
  (reading) the course must be visible to the caller: published and not
  deleted, or theirs as its educator, or any for a super_admin. Its
  tier_required must not exceed the caller's tier, except for its author and
  super_admin.
*/
create or replace function private.usable_course(p_course_id uuid, p_for_progress boolean)
returns public.courses
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  c public.courses;
  is_author_of boolean;
begin
  if (select private.current_user_id()) is null then
    raise exception using
      errcode = '42501',
      message = 'sign in first: this needs a signed-in user with a profile',
      hint = 'Call it with a user''s JWT.';
  end if;

  select * into c from public.courses as co where co.id = p_course_id;
  is_author_of := found and (
    (select private.is_super_admin())
    or ((select private.is_educator()) and c.created_by = (select private.current_user_id()))
  );

  if not found
    or (c.deleted_at is not null and not (select private.is_super_admin()))
    or (p_for_progress and (not c.is_published or c.deleted_at is not null))
    or (not p_for_progress and not c.is_published and not is_author_of) then
    raise exception using
      errcode = 'P0002',
      message = 'course not found',
      hint = case when p_for_progress then 'Only published courses can be taken.' else 'Check the course or lesson id.'
        end;
  end if;

  if p_for_progress and (select private.is_read_only()) then
    raise exception using
      errcode = '42501',
      message = 'viewer and guest accounts are read-only and record no progress',
      hint = 'Ask your organization''s admin for a learner role.';
  end if;

  if not is_author_of
    and (select private.current_tier_rank()) < private.tier_rank(c.tier_required) then
    raise exception using
      errcode = '42501',
      message = pg_catalog.format('this course requires the %s tier', c.tier_required),
      hint = 'Upgrade the subscription to open it.';
  end if;

  return c;
end;
$$;

comment on function private.usable_course(uuid, boolean) is
'Internal: the course the caller may read (or take, p_for_progress), or P0002/42501.';

/*
  Recomputes the caller's course-level row from their lesson rows: lessons
  that require completion count, lessons_completed of total_lessons gives the
  percentage, and the course is completed when all are.
*/
create or replace function private.recompute_course_progress(p_user_id uuid, p_course_id uuid)
returns public.progress
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  total integer;
  done integer;
  result public.progress;
begin
  select
    count(*) filter (where l.requires_completion),
    count(*) filter (where l.requires_completion and pr.completed_at is not null)
  into total, done
  from public.lessons as l
  left join public.progress as pr
    on pr.lesson_id = l.id and pr.course_id = l.course_id and pr.user_id = p_user_id
  where l.course_id = p_course_id;

  update public.progress as pr
  set
    total_lessons = total,
    lessons_completed = done,
    completion_percentage = case when total = 0 then 0 else round(100.0 * done / total, 2) end,
    time_spent_seconds = (
      -- Saturates at the column's maximum instead of overflowing (22003).
      select least(coalesce(sum(lp.time_spent_seconds), 0), 2147483647)::integer
      from public.progress as lp
      where lp.user_id = p_user_id and lp.course_id = p_course_id and lp.lesson_id is not null
    ),
    last_accessed = pg_catalog.now(),
    completed_at = case
      when total > 0 and done = total then coalesce(pr.completed_at, pg_catalog.now())
      else pr.completed_at
    end
  where pr.user_id = p_user_id and pr.course_id = p_course_id and pr.lesson_id is null
  returning pr.* into result;

  return result;
end;
$$;

comment on function private.recompute_course_progress(uuid, uuid) is
'Internal: recomputes a learner''s course-level progress row from their lesson rows.';

/*
  The caller's course-level row, locked, or P0002 when the course was never
  started. Lesson progress belongs to a started course.
*/
create or replace function private.started_course_row(p_course_id uuid)
returns public.progress
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  result public.progress;
begin
  select * into result
  from public.progress as pr
  where pr.user_id = (select private.current_user_id()) and pr.course_id = p_course_id and pr.lesson_id is null
  for update;
  if not found then
    raise exception using
      errcode = 'P0002',
      message = 'course not started',
      hint = 'Call start_course first.';
  end if;
  return result;
end;
$$;

comment on function private.started_course_row(uuid) is
'Internal: the caller''s course-level progress row (locked), or P0002.';

/*
  The lesson the caller may read (or take, p_for_progress), or an exception.
  A lesson of a course the caller may not see is 'lesson not found', exactly
  like an id that does not exist, and that answer comes before any other
  check of the lesson (its type, its quiz): no existence oracle.
*/
create or replace function private.visible_lesson(p_lesson_id uuid, p_for_progress boolean)
returns public.lessons
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  l public.lessons;
begin
  select * into l from public.lessons as le where le.id = p_lesson_id;
  begin
    -- An unknown lesson checks a null course: the caller's sign-in is still
    -- checked first, then both say not found.
    perform private.usable_course(l.course_id, p_for_progress);
  exception when sqlstate 'P0002' then
    raise exception using errcode = 'P0002', message = 'lesson not found', hint = 'Check the lesson id.';
  end;
  return l;
end;
$$;

comment on function private.visible_lesson(uuid, boolean) is
'Internal: the lesson the caller may read (or take), or P0002 lesson not found / 42501.';

revoke all on function
  private.usable_course(uuid, boolean),
  private.recompute_course_progress(uuid, uuid),
  private.started_course_row(uuid),
  private.visible_lesson(uuid, boolean)
from public, anon, authenticated;

-- A question's options as clients may see them: the texts only (the one
-- shape of 020_security_fixes stores options as texts; anything else, such
-- as an object carrying an answer flag, never leaves the database).
create or replace function private.client_quiz_options(p_options jsonb) returns jsonb
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select case when pg_catalog.jsonb_typeof(p_options) = 'array' then (
    select pg_catalog.jsonb_agg(o.value order by o.ordinality)
    from pg_catalog.jsonb_array_elements(p_options) with ordinality as o (value, ordinality)
    where pg_catalog.jsonb_typeof(o.value) = 'string'
  ) end
$$;

comment on function private.client_quiz_options(jsonb) is
'Internal: a question''s options as texts only, for get_lesson.';

revoke all on function private.client_quiz_options(jsonb) from public, anon, authenticated;

-- get_lesson ------------------------------------------------------------------------

create or replace function private.get_lesson(p_lesson_id uuid)
returns table (
  id uuid,
  course_id uuid,
  title_en text,
  title_fr text,
  lesson_type text,
  order_index integer,
  duration_minutes integer,
  content_en text,
  content_fr text,
  video_url text,
  audio_url text,
  attachments jsonb,
  quiz jsonb,
  pass_threshold integer,
  requires_completion boolean,
  min_time_seconds integer,
  tribunal_case_id uuid
)
language plpgsql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  l public.lessons;
begin
  if p_lesson_id is null then
    raise exception using errcode = '22023', message = 'p_lesson_id is required', hint = 'Pass a lesson id.';
  end if;

  l := private.visible_lesson(p_lesson_id, false);

  -- The quiz as clients may see it, built by allow-list: per question its
  -- index, its texts and its options' texts, nothing else, so that
  -- correct_answer, explanation or any answer-bearing key never leaves the
  -- database, whatever was stored.
  return query
  select
    l.id, l.course_id, l.title_en, l.title_fr, l.lesson_type, l.order_index, l.duration_minutes,
    l.content_en, l.content_fr, l.video_url, l.audio_url, l.attachments,
    case when pg_catalog.jsonb_typeof(l.quiz_questions) = 'array' then (
      select coalesce(pg_catalog.jsonb_agg(
        pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
          'index', q.ordinality - 1,
          'question',
          case when pg_catalog.jsonb_typeof(q.value -> 'question') = 'string' then q.value -> 'question' end,
          'question_fr',
          case when pg_catalog.jsonb_typeof(q.value -> 'question_fr') = 'string' then q.value -> 'question_fr' end,
          'options', private.client_quiz_options(q.value -> 'options'),
          'options_fr', private.client_quiz_options(q.value -> 'options_fr')
        ))
        order by q.ordinality
      ), '[]'::jsonb)
      from pg_catalog.jsonb_array_elements(l.quiz_questions) with ordinality as q (value, ordinality)
    ) end,
    l.pass_threshold, l.requires_completion, l.min_time_seconds, l.tribunal_case_id;
end;
$$;

create or replace function public.get_lesson(p_lesson_id uuid)
returns table (
  id uuid,
  course_id uuid,
  title_en text,
  title_fr text,
  lesson_type text,
  order_index integer,
  duration_minutes integer,
  content_en text,
  content_fr text,
  video_url text,
  audio_url text,
  attachments jsonb,
  quiz jsonb,
  pass_threshold integer,
  requires_completion boolean,
  min_time_seconds integer,
  tribunal_case_id uuid
)
language sql
stable
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.get_lesson(p_lesson_id)
$$;

comment on function public.get_lesson(uuid) is
'A lesson with its content (content_en/fr, video, audio, attachments) when your tier reaches the course''s '
  'tier_required, and its quiz questions and options without answers or explanations. 22023 missing id, P0002 no such '
  'visible lesson, 42501 tier too low or not signed in.';

-- start_course ------------------------------------------------------------------------

create or replace function private.start_course(p_course_id uuid)
returns public.progress
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  c public.courses;
  missing uuid [];
  result public.progress;
begin
  if p_course_id is null then
    raise exception using errcode = '22023', message = 'p_course_id is required', hint = 'Pass a course id.';
  end if;

  c := private.usable_course(p_course_id, true);

  -- Prerequisites: every listed course completed (its course-level row has completed_at).
  select pg_catalog.array_agg(pre.id) into missing
  from pg_catalog.unnest(c.prerequisite_course_ids) as pre (id)
  where not exists (
    select 1 from public.progress as pr
    where pr.user_id = (select private.current_user_id())
      and pr.course_id = pre.id and pr.lesson_id is null and pr.completed_at is not null
  );
  if missing is not null then
    -- 42501: the course exists and is visible, the caller may not take it yet.
    -- The message names the missing courses the caller may read (published and
    -- live: in the caller's language) and the hint their ids; a listed course
    -- the caller may not read (a draft, a deleted course) is "a course not yet
    -- available", never its title.
    raise exception using
      errcode = '42501',
      message = 'complete the prerequisite courses first: ' || (
        select pg_catalog.string_agg(
          coalesce(
            case when (select pr.preferred_language from public.profiles as pr
              where pr.id = (select private.current_user_id())) = 'fr' then co.title_fr end,
            co.title_en,
            'a course not yet available'
          ), ', ' order by m.n
        )
        from pg_catalog.unnest(missing) with ordinality as m (id, n)
        left join public.courses as co on m.id = co.id and co.deleted_at is null and co.is_published
      ),
      hint = pg_catalog.format('Missing: %s', pg_catalog.array_to_string(missing, ', '));
  end if;

  insert into public.progress (user_id, course_id, lesson_id, total_lessons)
  values (
    (select private.current_user_id()), c.id, null,
    (select count(*)::integer from public.lessons as l where l.course_id = c.id and l.requires_completion)
  )
  on conflict on constraint progress_user_course_lesson_key do nothing
  returning * into result;

  if result.id is null then
    raise exception using
      errcode = '23505',
      message = 'course already started',
      hint = 'Read your progress row instead.';
  end if;
  return result;
end;
$$;

create or replace function public.start_course(p_course_id uuid)
returns public.progress
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.start_course(p_course_id)
$$;

comment on function public.start_course(uuid) is
'Starts a published course: creates your course-level progress row and returns it. 22023 missing id, P0002 no such '
  'published course, 42501 tier too low, read-only role or prerequisites missing, 23505 already started.';

-- record_lesson_progress --------------------------------------------------------------

create or replace function private.record_lesson_progress(
  p_lesson_id uuid, p_time_spent_seconds integer, p_completed boolean
)
returns public.progress
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  -- Seconds credited beyond the measured wall time: network latency, a
  -- client's rounding, a lesson opened without its first call.
  slack constant integer := 60;
  l public.lessons;
  row_before public.progress;
  row_now public.progress;
  credited bigint;
begin
  if p_lesson_id is null then
    raise exception using errcode = '22023', message = 'p_lesson_id is required', hint = 'Pass a lesson id.';
  end if;
  if p_time_spent_seconds is null or p_time_spent_seconds < 0 or p_time_spent_seconds > 86400 then
    raise exception using
      errcode = '22023',
      message = 'p_time_spent_seconds must be between 0 and 86400',
      hint = 'Send the seconds spent since the last call.';
  end if;
  if p_completed is null then
    raise exception using errcode = '22023', message = 'p_completed is required', hint = 'Pass true or false.';
  end if;

  l := private.visible_lesson(p_lesson_id, true);
  perform private.started_course_row(l.course_id);

  if p_completed and l.lesson_type = 'quiz' and not coalesce((
    select pr.quiz_passed from public.progress as pr
    where pr.user_id = (select private.current_user_id()) and pr.lesson_id = l.id
  ), false) then
    raise exception using
      errcode = '22023',
      message = 'a quiz lesson is completed by passing its quiz',
      hint = 'Call submit_quiz.';
  end if;

  -- Time is credited, not trusted: at most the wall time since the
  -- learner's previous call on this lesson (its row's last_accessed) plus
  -- the slack, and in total at most the wall time since the first call
  -- (started_at) plus the slack once, so rapid calls cannot each collect
  -- it. The first call on a lesson credits at most the slack: a client
  -- starts the clock with a call of 0 seconds when the lesson opens.
  select * into row_before
  from public.progress as pr
  where pr.user_id = (select private.current_user_id()) and pr.lesson_id = l.id
  for update;
  if found then
    credited := least(
      p_time_spent_seconds::bigint,
      greatest(0, pg_catalog.floor(extract(epoch from pg_catalog.now() - row_before.last_accessed)))::bigint + slack,
      greatest(
        0,
        pg_catalog.floor(extract(epoch from pg_catalog.now() - row_before.started_at))::bigint + slack
        - row_before.time_spent_seconds
      )
    );
  else
    credited := least(p_time_spent_seconds, slack);
  end if;

  -- Totals saturate at the column's maximum instead of overflowing (22003).
  insert into public.progress as pr (user_id, course_id, lesson_id, time_spent_seconds, last_accessed)
  values ((select private.current_user_id()), l.course_id, l.id, credited::integer, pg_catalog.now())
  on conflict on constraint progress_user_course_lesson_key do update
    set time_spent_seconds = least(pr.time_spent_seconds::bigint + excluded.time_spent_seconds, 2147483647)::integer,
        last_accessed = excluded.last_accessed
  returning pr.* into row_now;

  if p_completed and row_now.completed_at is null then
    if l.min_time_seconds is not null and row_now.time_spent_seconds < l.min_time_seconds then
      raise exception using
        errcode = '22023',
        message = pg_catalog.format('this lesson needs at least %s seconds before it is completed', l.min_time_seconds),
        hint = pg_catalog.format('Time recorded so far: %s seconds.', row_now.time_spent_seconds);
    end if;
    update public.progress as pr
    set completed_at = pg_catalog.now(), completion_percentage = 100
    where pr.id = row_now.id;
  end if;

  return private.recompute_course_progress((select private.current_user_id()), l.course_id);
end;
$$;

create or replace function public.record_lesson_progress(
  p_lesson_id uuid, p_time_spent_seconds integer, p_completed boolean
)
returns public.progress
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.record_lesson_progress(p_lesson_id, p_time_spent_seconds, p_completed)
$$;

comment on function public.record_lesson_progress(uuid, integer, boolean) is
'Records time spent on a lesson of a started course and, with p_completed, completes it (never un-completes); '
'returns your recomputed course-level progress row. '
'Time is credited up to the wall time since your previous call on the lesson plus 60 seconds (the first call: up '
'to 60 seconds), totals saturate. 22023 bad input (or a quiz lesson, completed by submit_quiz; or less than '
'min_time_seconds), P0002 no such lesson or course not started, 42501 tier too low or read-only role.';

-- submit_quiz ---------------------------------------------------------------------------

/*
  Scoring is not an answer oracle: every question must be answered with one
  of its options (its index from 0, or its exact text), so a blank or
  impossible answer cannot isolate one question; each learner has
  lessons.quiz_attempts_per_day attempts per lesson per rolling 24 hours
  (private.quiz_attempts logs them; 42501 names the time of the next
  allowed attempt); the result is the score and the pass flag only.
  A lesson the caller may not see is 'lesson not found' before anything
  about it (its type, its question count) is checked.
*/
create or replace function private.submit_quiz(p_lesson_id uuid, p_answers jsonb)
returns table (score numeric, passed boolean)
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  window_length constant interval := interval '24 hours';
  me uuid;
  l public.lessons;
  question_count integer;
  answer_count integer;
  unanswered bigint;
  invalid bigint;
  correct integer;
  recent integer;
  next_allowed timestamptz;
  pct numeric(5, 2);
  ok boolean;
begin
  if p_lesson_id is null then
    raise exception using errcode = '22023', message = 'p_lesson_id is required', hint = 'Pass a lesson id.';
  end if;
  if p_answers is null or pg_catalog.jsonb_typeof(p_answers) <> 'array' then
    raise exception using
      errcode = '22023',
      message = 'p_answers must be a JSON array',
      hint = 'One answer per question, in the order get_lesson returns them.';
  end if;

  l := private.visible_lesson(p_lesson_id, true);
  me := (select private.current_user_id());

  if l.lesson_type <> 'quiz' or pg_catalog.jsonb_typeof(l.quiz_questions) is distinct from 'array'
    or pg_catalog.jsonb_array_length(l.quiz_questions) = 0 then
    raise exception using errcode = '22023', message = 'this lesson has no quiz',
      hint = 'Pass the id of a quiz lesson.';
  end if;
  question_count := pg_catalog.jsonb_array_length(l.quiz_questions);
  answer_count := pg_catalog.jsonb_array_length(p_answers);
  if answer_count > question_count then
    raise exception using
      errcode = '22023',
      message = pg_catalog.format('p_answers must hold %s answers', question_count),
      hint = 'One answer per question, in the order get_lesson returns them.';
  end if;

  -- Each answer as the index of the option it names: the first question
  -- without an answer, the first with an answer that names no option, and
  -- how many are right.
  select
    min(q.n) filter (where a.value is null or a.value = 'null'::jsonb),
    min(q.n) filter (where a.value <> 'null'::jsonb and c.chosen is null),
    count(*) filter (where c.chosen = (q.value ->> 'correct_answer')::integer)::integer
  into unanswered, invalid, correct
  from pg_catalog.jsonb_array_elements(l.quiz_questions) with ordinality as q (value, n)
  left join pg_catalog.jsonb_array_elements(p_answers) with ordinality as a (value, n) on a.n = q.n
  cross join lateral (
    select (
      select (o.i - 1)::integer
      from pg_catalog.jsonb_array_elements(q.value -> 'options') with ordinality as o (value, i)
      where
        (pg_catalog.jsonb_typeof(a.value) = 'number' and (o.i - 1)::numeric = (a.value #>> '{}')::numeric)
        or (pg_catalog.jsonb_typeof(a.value) = 'string' and o.value = a.value)
      limit 1
    ) as chosen
  ) as c;
  if unanswered is not null then
    raise exception using
      errcode = '22023',
      message = pg_catalog.format('question %s is not answered', unanswered),
      hint = pg_catalog.format(
        'Answer every question: p_answers[%s] must be the index (from 0) or the text of one of its options.',
        unanswered - 1
      );
  end if;
  if invalid is not null then
    raise exception using
      errcode = '22023',
      message = pg_catalog.format('the answer to question %s is not one of its options', invalid),
      hint = pg_catalog.format(
        'p_answers[%s] must be the index (from 0) or the text of one of its options.', invalid - 1
      );
  end if;

  -- Locks the caller's course row: their submissions queue here, so the
  -- count below cannot be raced.
  perform private.started_course_row(l.course_id);

  delete from private.quiz_attempts as qa
  where qa.user_id = me and qa.lesson_id = l.id and qa.attempted_at <= pg_catalog.now() - window_length;
  select count(*)::integer into recent
  from private.quiz_attempts as qa
  where qa.user_id = me and qa.lesson_id = l.id;
  if recent >= l.quiz_attempts_per_day then
    -- The attempt that leaves the window first makes room.
    select qa.attempted_at + window_length into next_allowed
    from private.quiz_attempts as qa
    where qa.user_id = me and qa.lesson_id = l.id
    order by qa.attempted_at
    offset recent - l.quiz_attempts_per_day
    limit 1;
    raise exception using
      errcode = '42501',
      message = pg_catalog.format(
        'quiz attempt limit reached (%s per 24 hours): next attempt allowed at %s',
        l.quiz_attempts_per_day,
        pg_catalog.to_char(next_allowed at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
      ),
      hint = 'Review the lesson and try again then.';
  end if;

  pct := round(100.0 * correct / question_count, 2);
  ok := pct >= l.pass_threshold;

  insert into private.quiz_attempts (user_id, lesson_id, score, passed) values (me, l.id, pct, ok);

  insert into public.progress as pr (
    user_id, course_id, lesson_id, quiz_attempts, quiz_best_score, quiz_last_score, quiz_passed,
    completed_at, completion_percentage
  )
  values (
    me, l.course_id, l.id, 1, pct, pct, ok,
    case when ok then pg_catalog.now() end, case when ok then 100 else 0 end
  )
  on conflict on constraint progress_user_course_lesson_key do update
    set quiz_attempts = least(pr.quiz_attempts::bigint + 1, 2147483647)::integer,
        quiz_best_score = greatest(pr.quiz_best_score, excluded.quiz_best_score),
        quiz_last_score = excluded.quiz_last_score,
        quiz_passed = pr.quiz_passed or excluded.quiz_passed,
        completed_at = coalesce(pr.completed_at, excluded.completed_at),
        completion_percentage = greatest(pr.completion_percentage, excluded.completion_percentage),
        last_accessed = pg_catalog.now();

  perform private.recompute_course_progress(me, l.course_id);

  return query select pct, ok;
end;
$$;

create or replace function public.submit_quiz(p_lesson_id uuid, p_answers jsonb)
returns table (score numeric, passed boolean)
language sql
security invoker
set search_path = pg_catalog, pg_temp
as $$
  select * from private.submit_quiz(p_lesson_id, p_answers)
$$;

comment on function public.submit_quiz(uuid, jsonb) is
'Scores your answers to a quiz lesson (a JSON array, one answer per question: the option index from 0 or its '
'text; every question answered); records the attempt and returns the score (percent) and whether it passed, '
'nothing else. Each lesson allows quiz_attempts_per_day attempts per rolling 24 hours (default 5). '
'22023 bad input, an unanswered question or not a quiz, P0002 no such lesson or course not started, '
'42501 attempt limit reached (with the time of the next allowed attempt), tier too low or read-only role.';

-- Grants ----------------------------------------------------------------------------

revoke all on function
  private.get_lesson(uuid),
  private.start_course(uuid),
  private.record_lesson_progress(uuid, integer, boolean),
  private.submit_quiz(uuid, jsonb),
  public.get_lesson(uuid),
  public.start_course(uuid),
  public.record_lesson_progress(uuid, integer, boolean),
  public.submit_quiz(uuid, jsonb)
from public, anon, authenticated;
grant execute on function
  private.get_lesson(uuid),
  private.start_course(uuid),
  private.record_lesson_progress(uuid, integer, boolean),
  private.submit_quiz(uuid, jsonb),
  public.get_lesson(uuid),
  public.start_course(uuid),
  public.record_lesson_progress(uuid, integer, boolean),
  public.submit_quiz(uuid, jsonb)
to authenticated;
