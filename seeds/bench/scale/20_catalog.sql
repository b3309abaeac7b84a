/*
  step: catalog (40 courses of 5 lessons; the fifth is a 4-question quiz)

  The catalog does not grow with N: 38 published courses (every fifth needs the
  professional tier, which every synthetic member has) and 2 drafts, authored
  by the synthetic educator. A quiz's correct answer is an option's text; its
  pass threshold is 75 (3 of 4). Eight published learning paths `syn-path-<n>`
  of four published courses each: path n holds the first four courses a member
  numbered n (mod 38) takes (30_progress.sql), who is enrolled in it.
*/

insert into public.courses (
  id, slug, title_en, title_fr, description_en, description_fr, category, level, duration_minutes, estimated_hours,
  lesson_count, order_index, is_published, tier_required, points_value, created_by, published_at
)
select
  md5('syn-course:' || c)::uuid,
  'syn-course-' || c,
  (array[
    'Recognizing anti-Black racism at work', 'Racial profiling in service delivery', 'The duty to accommodate',
    'Investigating harassment complaints', 'Inclusive hiring and promotion', 'Human rights law in Canada',
    'Leading anti-racist teams', 'Microaggressions and a poisoned work environment'
  ])[1 + c % 8] || ' ' || (c / 8 + 1),
  (array[
    'Reconnaître le racisme anti-Noirs au travail', 'Le profilage racial dans la prestation de services',
    'L''obligation d''accommodement', 'Enquêter sur les plaintes de harcèlement',
    'Embauche et promotion inclusives', 'Le droit de la personne au Canada',
    'Diriger des équipes antiracistes', 'Microagressions et milieu de travail empoisonné'
  ])[1 + c % 8] || ' ' || (c / 8 + 1),
  'A course on the law and practice of racial equity in Canadian workplaces.',
  'Un cours sur le droit et la pratique de l''équité raciale dans les milieux de travail canadiens.',
  (array['Foundations', 'Workplace', 'Legal', 'Leadership', 'Specialized', 'Certification'])[1 + c % 6],
  (array['Introductory', 'Intermediate', 'Advanced', 'Specialized'])[1 + c % 4],
  90,
  1.5,
  5,
  c,
  c <= 38,
  case when c % 5 = 0 then 'professional' else 'free' end,
  100,
  md5('syn-educator:1')::uuid,
  case when c <= 38 then now() - interval '400 days' end
from generate_series(1, 40) as c;

insert into public.lessons (
  id, course_id, title_en, title_fr, content_en, content_fr, lesson_type, order_index, duration_minutes,
  quiz_questions, pass_threshold, requires_completion
)
select
  md5('syn-lesson:' || c || ':' || l)::uuid,
  md5('syn-course:' || c)::uuid,
  case when l = 5 then 'Check your knowledge' else 'Part ' || l end,
  case when l = 5 then 'Vérifiez vos connaissances' else 'Partie ' || l end,
  repeat('Systemic racism shapes hiring, promotion and discipline. ', 20),
  repeat('Le racisme systémique influence l''embauche, la promotion et la discipline. ', 20),
  case when l = 5 then 'quiz' else 'reading' end,
  l,
  15,
  case when l = 5 then (
    select jsonb_agg(jsonb_build_object(
      'question', 'Question ' || q || ' of course ' || c,
      'question_fr', 'Question ' || q || ' du cours ' || c,
      'options', jsonb_build_array('Option A', 'Option B', 'Option C', 'Option D'),
      'correct_answer', (c + q) % 4
    ) order by q)
    from generate_series(1, 4) as q
  ) end,
  75,
  true
from generate_series(1, 40) as c cross join generate_series(1, 5) as l;

insert into public.learning_paths (
  id, title_en, title_fr, description_en, description_fr, slug, course_ids, estimated_duration_hours, category,
  level, is_published, tier_required, created_by
)
select
  md5('syn-path:' || lp)::uuid,
  'Learning path ' || lp,
  'Parcours ' || lp,
  'Four courses on racial equity at work, in order.',
  'Quatre cours sur l''équité raciale au travail, dans l''ordre.',
  'syn-path-' || lp,
  array(
    select md5('syn-course:' || (1 + (7 * lp + 11 * j) % 38))::uuid
    from generate_series(1, 4) as j
    order by j
  ),
  6,
  'Workplace',
  'Intermediate',
  true,
  'free',
  md5('syn-educator:1')::uuid
from generate_series(1, 8) as lp;
