/*
  Synthetic data at benchmark scale, for `abr-db bench`. Not demo data:
  `abr-db seed` does not load it. The scale comes from the setting
  `abr.bench_scale` (default 1): per unit, 5 organizations of 40 members,
  a shared catalog of 20 courses with 8 lessons each, 5 course enrolments
  per member with lesson rows, certificates for finished courses,
  achievements, and 400 tribunal cases.

  The bench loads it inside a transaction that it rolls back.
*/

do $$
declare
  scale integer := coalesce(nullif(current_setting('abr.bench_scale', true), '')::integer, 1);
begin
  insert into public.organizations (id, name, slug, admin_email)
  select md5('bench-org:' || o)::uuid, 'Bench org ' || o, 'bench-org-' || o, 'admin@bench' || o || '.test'
  from generate_series(1, 5 * scale) as o;

  insert into auth.users (id, email, raw_user_meta_data)
  select md5('bench-user:' || u)::uuid, 'bench' || u || '@bench.test', jsonb_build_object('full_name', 'Bench ' || u)
  from generate_series(1, 200 * scale) as u;

  update public.profiles as p
  set organization_id = md5('bench-org:' || (1 + (u.n - 1) % (5 * scale)))::uuid,
      role = case when u.n % 40 = 0 then 'org_admin' when u.n % 40 = 1 then 'analyst' else 'learner' end
  from generate_series(1, 200 * scale) as u (n)
  where p.id = md5('bench-user:' || u.n)::uuid;

  insert into public.courses (id, slug, title_en, category, level, duration_minutes, is_published, tier_required)
  select md5('bench-course:' || c)::uuid, 'bench-course-' || c, 'Bench course ' || c, 'Foundations', 'Introductory', 60,
    true, 'free'
  from generate_series(1, 20) as c;

  insert into public.lessons (id, course_id, order_index, lesson_type, title_en, content_en)
  select md5('bench-lesson:' || c || ':' || l)::uuid, md5('bench-course:' || c)::uuid, l, 'reading', 'Lesson ' || l,
    repeat('text ', 50)
  from generate_series(1, 20) as c, generate_series(1, 8) as l;

  -- Course-level rows: member u takes courses u..u+4 (mod 20), with progress spread over 0..100.
  insert into public.progress (user_id, course_id, lesson_id, completion_percentage, lessons_completed, total_lessons,
    last_accessed)
  select md5('bench-user:' || u)::uuid, md5('bench-course:' || (1 + (u + k) % 20))::uuid, null,
         ((u * 7 + k * 13) % 5) * 25, ((u * 7 + k * 13) % 5) * 2, 8, now() - make_interval(hours => u + k)
  from generate_series(1, 200 * scale) as u, generate_series(0, 4) as k;

  insert into public.progress (user_id, course_id, lesson_id, completion_percentage, lessons_completed, total_lessons)
  select md5('bench-user:' || u)::uuid, md5('bench-course:' || (1 + (u + k) % 20))::uuid,
         md5('bench-lesson:' || (1 + (u + k) % 20) || ':' || l)::uuid, 100, 1, 1
  from generate_series(1, 200 * scale) as u, generate_series(0, 4) as k, generate_series(1, 4) as l;

  insert into public.certificates (user_id, course_id, final_score)
  select pr.user_id, pr.course_id, 90
  from public.progress as pr
  inner join public.courses as c on pr.course_id = c.id
  where pr.lesson_id is null and pr.completion_percentage = 100 and c.slug like 'bench-course-%';

  insert into public.user_achievements (user_id, total_points, level)
  select md5('bench-user:' || u)::uuid, (u * 37) % 5000, 1 + (u * 37) % 5000 / 1000
  from generate_series(1, 200 * scale) as u
  -- the learning loop (022) creates the rows of learners with progress
  on conflict (user_id) do update set total_points = excluded.total_points, level = excluded.level;

  insert into public.tribunal_cases (case_number, title, tribunal, source_url, year, summary_en, race_category,
    is_race_related, ai_tags)
  select 'BENCH ' || t, 'Bench case ' || t, case when t % 2 = 0 then 'HRTO' else 'CHRT' end, 'https://cases.test/' || t,
         2000 + t % 25, 'A decision about employment and race, number ' || t, 'Anti-Black', true, array['employment']
  from generate_series(1, 400 * scale) as t;
end
$$;

analyze;
