/*
  A course's lesson count, lessons with progress kept, and the one shape of
  lessons.quiz_questions (triggers bound by 002_learning, 018_lesson_progress_guard,
  019_no_temp_objects and 020_security_fixes).

  Trigger functions live here, once, with their current definition; the
  migrations bind them (create trigger). A migration that binds one has the
  line `-- requires: rpc_functions/04_lesson_guards.sql`: abr-db runs this file's
  current text there (in the leading comment block: before the body), in the
  migration's transaction, so the function exists before the trigger that
  calls it, on a fresh database too (README, "Functions live in repeatable files").
*/

create or replace function private.maintain_lesson_count() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if tg_op = 'UPDATE' and new.course_id = old.course_id then
    return null;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    update public.courses set lesson_count = lesson_count + 1 where id = new.course_id;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    update public.courses set lesson_count = lesson_count - 1 where id = old.course_id;
  end if;
  return null;
end;
$$;

create or replace function private.lesson_has_progress(p_lesson_id uuid) returns boolean
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
  select exists (select from public.progress as pr where pr.lesson_id = p_lesson_id)
$$;

create or replace function private.guard_lesson_delete() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  -- Fired for API callers only: the trigger's WHEN clause tests the deleting
  -- role (current_user here is the owner).
  if not (select private.is_super_admin()) and private.lesson_has_progress(old.id) then
    raise exception using
      errcode = '42501',
      message = 'a lesson with learners'' progress cannot be deleted',
      hint = 'Edit or unpublish it instead, or ask a super_admin.';
  end if;
  return old;
end;
$$;

create or replace function private.guard_lesson_course_change() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  if exists (select from public.progress as pr where pr.lesson_id = old.id) then
    raise exception using
      errcode = '22023',
      message = 'a lesson with learners'' progress does not change course',
      hint = 'Create the lesson in the other course instead.';
  end if;
  return new;
end;
$$;

create or replace function private.check_quiz_questions(p_questions jsonb) returns void
language plpgsql
immutable
set search_path = pg_catalog, pg_temp
as $$
declare
  allowed constant text[] := array[
    'question', 'question_fr', 'options', 'options_fr', 'correct_answer', 'explanation', 'explanation_fr'
  ];
  shape constant text :=
    'Each question: {"question": text, "options": [2 to 20 distinct texts], "correct_answer": index from 0} '
    'and optionally question_fr, options_fr (one text per option), explanation, explanation_fr; nothing else.';
  q jsonb;
  n integer;
  option_count integer;
  problem text;
begin
  if p_questions is null then
    return;
  end if;
  if pg_catalog.jsonb_typeof(p_questions) <> 'array'
    or pg_catalog.jsonb_array_length(p_questions) not between 1 and 100 then
    raise exception using
      errcode = '22023',
      message = 'quiz_questions must be a JSON array of 1 to 100 questions, or null',
      hint = shape;
  end if;

  for q, n in select e.value, e.n from pg_catalog.jsonb_array_elements(p_questions) with ordinality as e (value, n)
  loop
    option_count := case
      when pg_catalog.jsonb_typeof(q -> 'options') = 'array' then pg_catalog.jsonb_array_length(q -> 'options')
    end;
    problem := case
      when pg_catalog.jsonb_typeof(q) <> 'object' then 'must be a JSON object'
      when exists (select 1 from pg_catalog.jsonb_object_keys(q) as k (key) where k.key <> all(allowed)) then
        pg_catalog.format('has an unknown key "%s"', (
          select min(k.key) from pg_catalog.jsonb_object_keys(q) as k (key) where k.key <> all(allowed)
        ))
      when pg_catalog.jsonb_typeof(q -> 'question') is distinct from 'string' then '"question" must be a text'
      when pg_catalog.btrim(q ->> 'question') = '' then '"question" must not be empty'
      when q ? 'question_fr' and pg_catalog.jsonb_typeof(q -> 'question_fr') <> 'string' then
        '"question_fr" must be a text'
      when option_count is null or option_count not between 2 and 20 then '"options" must be an array of 2 to 20 texts'
      when exists (
        select 1 from pg_catalog.jsonb_array_elements(q -> 'options') as o (value)
        where pg_catalog.jsonb_typeof(o.value) <> 'string' or pg_catalog.btrim(o.value #>> '{}') = ''
      ) then '"options" must hold non-empty texts only'
      when (select count(distinct o.value) from pg_catalog.jsonb_array_elements(q -> 'options') as o (value))
        <> option_count then '"options" must be distinct'
      when q ? 'options_fr' and pg_catalog.jsonb_typeof(q -> 'options_fr') <> 'array' then
        '"options_fr" must be an array with one text per option'
      when q ? 'options_fr' and (
        pg_catalog.jsonb_array_length(q -> 'options_fr') <> option_count
        or exists (
          select 1 from pg_catalog.jsonb_array_elements(q -> 'options_fr') as o (value)
          where pg_catalog.jsonb_typeof(o.value) <> 'string'
        )
      ) then '"options_fr" must be an array with one text per option'
      when pg_catalog.jsonb_typeof(q -> 'correct_answer') is distinct from 'number' then
        '"correct_answer" must be the index (from 0) of the right option'
      when (q ->> 'correct_answer')::numeric not in (
        select (s.i)::numeric from pg_catalog.generate_series(0, option_count - 1) as s (i)
      ) then '"correct_answer" must be the index (from 0) of the right option'
      when q ? 'explanation' and pg_catalog.jsonb_typeof(q -> 'explanation') <> 'string' then
        '"explanation" must be a text'
      when q ? 'explanation_fr' and pg_catalog.jsonb_typeof(q -> 'explanation_fr') <> 'string' then
        '"explanation_fr" must be a text'
    end;
    if problem is not null then
      raise exception using
        errcode = '22023',
        message = pg_catalog.format('quiz question %s: %s', n, problem),
        hint = shape;
    end if;
  end loop;
end;
$$;

create or replace function private.validate_quiz_questions() returns trigger
language plpgsql
security definer
set search_path = pg_catalog, pg_temp
as $$
begin
  perform private.check_quiz_questions(new.quiz_questions);
  return new;
end;
$$;

comment on function private.maintain_lesson_count() is
'AFTER trigger on lessons: keeps courses.lesson_count equal to the number of its lessons.';

comment on function private.lesson_has_progress(uuid) is
'True when any learner has progress on the lesson (read past RLS, for guard_lesson_delete).';

comment on function private.guard_lesson_delete() is
'BEFORE DELETE trigger on lessons: only a super_admin deletes a lesson that has learners'' progress.';

comment on function private.guard_lesson_course_change() is
'BEFORE UPDATE OF course_id trigger on lessons: a lesson with learners'' progress stays in its course (22023).';

comment on function private.check_quiz_questions(jsonb) is
'Raises 22023 naming the first question of a quiz_questions value that does not fit the one shape '
'(see 020_security_fixes).';

comment on function private.validate_quiz_questions() is
'BEFORE INSERT/UPDATE trigger on lessons: quiz_questions must fit the one documented shape (22023).';

revoke all on function
  private.maintain_lesson_count(),
  private.lesson_has_progress(uuid),
  private.guard_lesson_delete(),
  private.guard_lesson_course_change(),
  private.check_quiz_questions(jsonb),
  private.validate_quiz_questions()
from public, anon, authenticated, service_role;
