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
  implementation with an empty search_path: progress has no write grant for
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
      hint = case when p_for_progress then 'Only published courses can be taken.' else 'Check the course or lesson id.' end;
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
      select coalesce(sum(lp.time_spent_seconds), 0)::integer
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

revoke all on function
  private.usable_course(uuid, boolean),
  private.recompute_course_progress(uuid, uuid),
  private.started_course_row(uuid)
from public, anon, authenticated;

-- A quiz option as clients may see it: a scalar as it is; an object reduced
-- to the keys that show it (an author may have stored {"text": …,
-- "is_correct": true}, and that flag must not leave the database).
create or replace function private.client_quiz_options(p_options jsonb) returns jsonb
language sql
immutable
set search_path = pg_catalog, pg_temp
as $$
  select case when pg_catalog.jsonb_typeof(p_options) <> 'array' then p_options else (
    select coalesce(pg_catalog.jsonb_agg(
      case when pg_catalog.jsonb_typeof(o.value) = 'object' then (
        select coalesce(pg_catalog.jsonb_object_agg(kv.key, kv.value), '{}'::jsonb)
        from pg_catalog.jsonb_each(o.value) as kv
        where kv.key in ('id', 'text', 'text_en', 'text_fr', 'label', 'label_en', 'label_fr')
      ) else o.value end
      order by o.ordinality
    ), '[]'::jsonb)
    from pg_catalog.jsonb_array_elements(p_options) with ordinality as o (value, ordinality)
  ) end
$$;

comment on function private.client_quiz_options(jsonb) is
'Internal: quiz options without any answer-bearing key, for get_lesson.';

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

  select * into l from public.lessons as le where le.id = p_lesson_id;
  if not found then
    raise exception using errcode = 'P0002', message = 'lesson not found';
  end if;
  perform private.usable_course(l.course_id, false);

  -- The quiz as clients may see it: an allow-list of keys per question, so
  -- that correct_answer, explanation or any answer-bearing key added later
  -- never leaves the database.
  return query
  select
    l.id, l.course_id, l.title_en, l.title_fr, l.lesson_type, l.order_index, l.duration_minutes,
    l.content_en, l.content_fr, l.video_url, l.audio_url, l.attachments,
    case when pg_catalog.jsonb_typeof(l.quiz_questions) = 'array' then (
      select coalesce(pg_catalog.jsonb_agg(
        (
          select coalesce(pg_catalog.jsonb_object_agg(
            kv.key,
            case when kv.key like 'options%' then private.client_quiz_options(kv.value) else kv.value end
          ), '{}'::jsonb)
          from pg_catalog.jsonb_each(
            case when pg_catalog.jsonb_typeof(q.value) = 'object' then q.value else '{}'::jsonb end
          ) as kv
          where kv.key in ('id', 'question', 'question_en', 'question_fr', 'options', 'options_en', 'options_fr', 'type', 'points')
        ) || pg_catalog.jsonb_build_object('index', q.ordinality - 1)
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
'A lesson with its content (content_en/fr, video, audio, attachments) when your tier reaches the course''s tier_required, and its quiz questions and options without answers or explanations. 22023 missing id, P0002 no such visible lesson, 42501 tier too low or not signed in.';

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
    -- The message names the missing courses (in the caller's language) and
    -- the hint their ids; a listed course that is gone is named by its id.
    raise exception using
      errcode = '42501',
      message = 'complete the prerequisite courses first: ' || (
        select pg_catalog.string_agg(
          coalesce(
            case when (select pr.preferred_language from public.profiles as pr
              where pr.id = (select private.current_user_id())) = 'fr' then co.title_fr end,
            co.title_en,
            m.id::text
          ), ', ' order by m.n
        )
        from pg_catalog.unnest(missing) with ordinality as m (id, n)
        left join public.courses as co on m.id = co.id and co.deleted_at is null
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
'Starts a published course: creates your course-level progress row and returns it. 22023 missing id, P0002 no such published course, 42501 tier too low, read-only role or prerequisites missing, 23505 already started.';

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
  l public.lessons;
  row_now public.progress;
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

  select * into l from public.lessons as le where le.id = p_lesson_id;
  if not found then
    raise exception using errcode = 'P0002', message = 'lesson not found';
  end if;
  perform private.usable_course(l.course_id, true);
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

  insert into public.progress as pr (user_id, course_id, lesson_id, time_spent_seconds, last_accessed)
  values ((select private.current_user_id()), l.course_id, l.id, p_time_spent_seconds, pg_catalog.now())
  on conflict on constraint progress_user_course_lesson_key do update
    set time_spent_seconds = pr.time_spent_seconds + excluded.time_spent_seconds,
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
'Records time spent on a lesson of a started course and, with p_completed, completes it (never un-completes); returns your recomputed course-level progress row. 22023 bad input (or a quiz lesson, completed by submit_quiz; or less than min_time_seconds), P0002 no such lesson or course not started, 42501 tier too low or read-only role.';

-- submit_quiz ---------------------------------------------------------------------------

create or replace function private.submit_quiz(p_lesson_id uuid, p_answers jsonb)
returns table (score numeric, passed boolean)
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
declare
  l public.lessons;
  question_count integer;
  correct integer;
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

  select * into l from public.lessons as le where le.id = p_lesson_id;
  if not found then
    raise exception using errcode = 'P0002', message = 'lesson not found';
  end if;
  if l.lesson_type <> 'quiz' or pg_catalog.jsonb_typeof(l.quiz_questions) is distinct from 'array'
    or pg_catalog.jsonb_array_length(l.quiz_questions) = 0 then
    raise exception using errcode = '22023', message = 'this lesson has no quiz', hint = 'Pass the id of a quiz lesson.';
  end if;
  question_count := pg_catalog.jsonb_array_length(l.quiz_questions);
  if pg_catalog.jsonb_array_length(p_answers) <> question_count then
    raise exception using
      errcode = '22023',
      message = pg_catalog.format('p_answers must hold %s answers', question_count),
      hint = 'One answer per question; null for a skipped one.';
  end if;

  perform private.usable_course(l.course_id, true);
  perform private.started_course_row(l.course_id);

  -- An answer is right when it equals correct_answer, or when it is the
  -- index of the option equal to correct_answer.
  select count(*) filter (
    where a.value = q.value -> 'correct_answer'
    or (
      pg_catalog.jsonb_typeof(a.value) = 'number'
      and (a.value #>> '{}')::numeric between 0 and 1000
      and q.value -> 'options' -> ((a.value #>> '{}')::numeric)::integer = q.value -> 'correct_answer'
    )
  )::integer
  into correct
  from pg_catalog.jsonb_array_elements(l.quiz_questions) with ordinality as q (value, n)
  inner join pg_catalog.jsonb_array_elements(p_answers) with ordinality as a (value, n) on a.n = q.n;

  pct := round(100.0 * correct / question_count, 2);
  ok := pct >= l.pass_threshold;

  insert into public.progress as pr (
    user_id, course_id, lesson_id, quiz_attempts, quiz_best_score, quiz_last_score, quiz_passed,
    completed_at, completion_percentage
  )
  values (
    (select private.current_user_id()), l.course_id, l.id, 1, pct, pct, ok,
    case when ok then pg_catalog.now() end, case when ok then 100 else 0 end
  )
  on conflict on constraint progress_user_course_lesson_key do update
    set quiz_attempts = pr.quiz_attempts + 1,
        quiz_best_score = greatest(pr.quiz_best_score, excluded.quiz_best_score),
        quiz_last_score = excluded.quiz_last_score,
        quiz_passed = pr.quiz_passed or excluded.quiz_passed,
        completed_at = coalesce(pr.completed_at, excluded.completed_at),
        completion_percentage = greatest(pr.completion_percentage, excluded.completion_percentage),
        last_accessed = pg_catalog.now();

  perform private.recompute_course_progress((select private.current_user_id()), l.course_id);

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
'Scores your answers to a quiz lesson (a JSON array, one answer per question: the option index or its text); records the attempt and returns the score (percent) and whether it passed. Never returns the correct answers. 22023 bad input or not a quiz, P0002 no such lesson or course not started, 42501 tier too low or read-only role.';

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
