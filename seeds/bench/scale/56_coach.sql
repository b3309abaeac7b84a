/*
  step: the coach's data (onboarding rows, course and lesson vectors)

  Onboarding rows of the learners with a course started, as the triggers of
  041_onboarding would have written them (triggers are off while the seed
  loads). 384-d vectors of the synthetic courses and lessons (recommend_courses,
  related_cases_for_lesson). Eight topics (a course's title topic: n % 8), each
  course its topic's centroid plus an offset, each lesson its course's vector plus
  a little noise; embedding_model 'synthetic'. Removed with their courses and
  lessons (on delete cascade).
*/

create temp table syn_course_topics on commit drop as
select
  t,
  array(
    select random() * 2 - 1 from generate_series(1, 384)
    where t >= 0
  )::extensions.vector as v
from generate_series(0, 7) as t;

insert into private.course_embeddings (course_id, embedding, embedding_model)
select
  md5('syn-course:' || n.c)::uuid,
  t.v operator(extensions.+) array(
    select (random() * 2 - 1) * 0.5 from generate_series(1, 384)
    where n.c >= 0
  )::extensions.vector,
  'synthetic'
from generate_series(1, 40) as n (c)
inner join syn_course_topics as t on n.c % 8 = t.t
on conflict (course_id) do nothing;

insert into private.lesson_embeddings (lesson_id, embedding, embedding_model)
select
  l.id,
  e.embedding operator(extensions.+) array(
    select (random() * 2 - 1) * 0.2 from generate_series(1, 384)
    where l.order_index >= 0
  )::extensions.vector,
  'synthetic'
from public.lessons as l
inner join private.course_embeddings as e on l.course_id = e.course_id and e.embedding_model = 'synthetic'
on conflict (lesson_id) do nothing;

insert into public.onboarding (user_id, first_course_started, first_course_completed)
select pr.user_id, true, bool_or(pr.completed_at is not null)
from public.progress as pr
inner join public.profiles as p on pr.user_id = p.id
where pr.lesson_id is null and p.email like '%@synthetic.abr.test'
group by pr.user_id
on conflict (user_id) do nothing;
