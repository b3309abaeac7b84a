/*
  Finding 5 (issue 6): answer flags in other option shapes. quiz_questions
  has one documented shape (migrations/020_security_fixes.sql), checked on
  every write, for every writer (22023 naming the question); get_lesson
  builds the client's view by allow-list: index, question(_fr),
  options(_fr), nothing else.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(13);

do $$
begin
  perform tests.create_org('t169-acme');
  perform tests.create_user('t169-eddie', 'educator');
  perform tests.create_user('t169-lena', 'learner', 't169-acme');
  insert into public.courses (id, slug, title_en, category, level, duration_minutes, is_published, created_by)
  values (md5('t169:course')::uuid, 't169-course', 'Course 169', 'Foundations', 'Introductory', 60, true,
          tests.get_user_id('t169-eddie'));
end
$$;

-- The course's one lesson, once eddie has written it.
create function pg_temp.quiz_id() returns uuid
language sql
stable
as $$
  select l.id from public.lessons as l where l.course_id = md5('t169:course')::uuid
$$;
grant execute on function pg_temp.quiz_id() to authenticated, service_role;

-- Acting as eddie (educator, author of the course)
select tests.authenticate_as('t169-eddie');
select throws_ok(
  $$insert into public.lessons (course_id, order_index, lesson_type, title_en, quiz_questions)
    values (md5('t169:course')::uuid, 1, 'quiz', 'Q',
            '[{"question": "Q1", "options": {"a": {"text": "yes", "is_correct": true}, "b": {"text": "no"}},
               "correct_answer": 0}]')$$,
  '22023', 'quiz question 1: "options" must be an array of 2 to 20 texts',
  'options as an object of objects (answer flag inside) are refused'
);
select throws_ok(
  $$insert into public.lessons (course_id, order_index, lesson_type, title_en, quiz_questions)
    values (md5('t169:course')::uuid, 1, 'quiz', 'Q',
            '[{"question": "Q1", "options": ["a", "b"], "correct_answer": 0},
              {"question": "Q2", "options": [["True", false], ["False", true]], "correct_answer": 1}]')$$,
  '22023', 'quiz question 2: "options" must hold non-empty texts only',
  'options as [text, flag] pairs are refused, naming the question'
);
select throws_ok(
  $$insert into public.lessons (course_id, order_index, lesson_type, title_en, quiz_questions)
    values (md5('t169:course')::uuid, 1, 'quiz', 'Q',
            '[{"question": "Q1", "options": ["a", "b"], "correct_answer": 0, "answer_key": "a"}]')$$,
  '22023', 'quiz question 1: has an unknown key "answer_key"',
  'a key outside the shape is refused'
);
select throws_ok(
  $$insert into public.lessons (course_id, order_index, lesson_type, title_en, quiz_questions)
    values (md5('t169:course')::uuid, 1, 'quiz', 'Q',
            '[{"question": "Q1", "options": ["a", "b"], "correct_answer": "a"}]')$$,
  '22023', 'quiz question 1: "correct_answer" must be the index (from 0) of the right option',
  'a correct_answer that is no index is refused'
);
select throws_ok(
  $$insert into public.lessons (course_id, order_index, lesson_type, title_en, quiz_questions)
    values (md5('t169:course')::uuid, 1, 'quiz', 'Q',
            '[{"question": "Q1", "options": ["a", "b"], "correct_answer": 2}]')$$,
  '22023', 'quiz question 1: "correct_answer" must be the index (from 0) of the right option',
  'a correct_answer past the options is refused'
);
select throws_ok(
  $$insert into public.lessons (course_id, order_index, lesson_type, title_en, quiz_questions)
    values (md5('t169:course')::uuid, 1, 'quiz', 'Q', '{"question": "Q1"}')$$,
  '22023', 'quiz_questions must be a JSON array of 1 to 100 questions, or null',
  'a quiz that is not an array is refused'
);
select lives_ok(
  $$insert into public.lessons (course_id, order_index, lesson_type, title_en, quiz_questions)
    values (md5('t169:course')::uuid, 1, 'quiz', 'Q',
            '[{"question": "Q1", "question_fr": "Q1 fr", "options": ["a", "b"], "options_fr": ["a fr", "b fr"],
               "correct_answer": 1, "explanation": "because b", "explanation_fr": "parce que b"}]')$$,
  'a quiz in the documented shape is accepted'
);
select throws_ok(
  $$update public.lessons
    set quiz_questions = '[{"question": "Q1", "options": ["a", "b"], "correct_answer": 1, "is_correct": 1}]'
    where id = pg_temp.quiz_id()$$,
  '22023', 'quiz question 1: has an unknown key "is_correct"',
  'an update to a shape with an answer flag is refused'
);
select tests.clear_authentication();

-- Acting as the service role: the shape binds every writer
select tests.authenticate_as_service_role();
select throws_ok(
  $$update public.lessons
    set quiz_questions = '[{"question": "Q1", "options": [{"text": "a", "is_correct": true}, "b"],
                            "correct_answer": 0}]'
    where id = pg_temp.quiz_id()$$,
  '22023', 'quiz question 1: "options" must hold non-empty texts only',
  'the service role cannot store another shape either'
);
select tests.clear_authentication();

-- Acting as lena (learner): the client's view
select tests.authenticate_as('t169-lena');
select is(
  (select quiz from public.get_lesson(pg_temp.quiz_id())),
  '[{"index": 0, "question": "Q1", "question_fr": "Q1 fr",
     "options": ["a", "b"], "options_fr": ["a fr", "b fr"]}]'::jsonb,
  'get_lesson serves index, question, options (and their French) only'
);
select ok(
  (select quiz::text !~ '(correct|explanation|because|parce)' from public.get_lesson(pg_temp.quiz_id())),
  'no answer or explanation reaches the client'
);
select tests.clear_authentication();

-- Stored before the check (as if written by an older version): still served by allow-list
alter table public.lessons disable trigger validate_quiz_questions;
update public.lessons
set quiz_questions = '[{"question": "Q1", "options": [{"text": "a", "is_correct": true}, "b"], "correct_answer": 0,
                        "hint": "the first"}]'
where id = pg_temp.quiz_id();
alter table public.lessons enable trigger validate_quiz_questions;
select tests.authenticate_as('t169-lena');
select is(
  (select quiz from public.get_lesson(pg_temp.quiz_id())),
  '[{"index": 0, "question": "Q1", "options": ["b"]}]'::jsonb,
  'a legacy option object and any unknown key are dropped from the client view'
);
select ok(
  (select quiz::text !~ '(is_correct|correct_answer|hint|first)' from public.get_lesson(pg_temp.quiz_id())),
  'no answer flag in any stored shape reaches the client'
);
select tests.clear_authentication();

select * from finish();
rollback;
