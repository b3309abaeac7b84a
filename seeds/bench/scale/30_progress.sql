/*
  step: progress (course-level and lesson rows), certificates, achievements

  Each member (viewers excepted: they are read-only) takes 1 to 25 of the 38
  published courses (most a few, some dozens: 1 + floor(24 u^5)). 45% of
  enrolments are completed: all five lesson rows, the quiz passed, a
  certificate. The others have 0 to 4 lessons done in order. A course-level
  row's totals always agree with its lesson rows, as the RPCs keep them
  (the consistency checks of `abr-db bench --writes` hold on this data).
  Certificates only for completed courses, numbered ABR-2000-1NNNNNNN
  (a range the database's own sequence, which writes the issue year, never
  produces). organization_id (migration 021) is the member's organization, null
  for the soft-deleted, as its trigger would set it. Learners numbered 1 to 8
  (mod 38), one in five, are enrolled in the learning path of that number (its
  courses are the first four they take), completed when those four are, as
  private.complete_learning_paths() would mark it.
*/

create temp table syn_enrolments on commit drop as
select
  u.id as user_id,
  case when u.kind <> 'gone' then md5('syn-org:' || u.org)::uuid end as organization_id,
  e.c,
  md5('syn-course:' || e.c)::uuid as course_id,
  e.done,
  case when e.done then 5 else e.partial end as lessons_done,
  now() - make_interval(days => 5 + e.age_days) as started_at,
  e.age_days
from syn_users as u
cross join lateral (
  select
    1 + (u.n * 7 + j * 11) % 38 as c,
    random() < 0.45 as done,
    floor(random() * 5)::integer as partial,
    floor(random() * 360)::integer as age_days
  from generate_series(1, u.enrols) as j
) as e
where u.enrols > 0;

insert into public.progress (
  user_id, course_id, lesson_id, completion_percentage, lessons_completed, total_lessons, time_spent_seconds,
  started_at, last_accessed, completed_at, created_at, updated_at, organization_id
)
select
  e.user_id,
  e.course_id,
  null,
  round(100.0 * e.lessons_done / 5, 2),
  e.lessons_done,
  5,
  e.lessons_done * 600,
  e.started_at,
  e.started_at + make_interval(days => e.age_days / 2, mins => e.lessons_done * 10),
  case when e.done then e.started_at + make_interval(days => e.age_days / 2, mins => 50) end,
  e.started_at,  -- noqa: AL08
  e.started_at + make_interval(days => e.age_days / 2, mins => e.lessons_done * 10),
  e.organization_id
from syn_enrolments as e;

insert into public.progress (
  user_id, course_id, lesson_id, completion_percentage, time_spent_seconds, quiz_attempts, quiz_best_score,
  quiz_last_score, quiz_passed, started_at, last_accessed, completed_at, created_at, updated_at, organization_id
)
select
  e.user_id,
  e.course_id,
  md5('syn-lesson:' || e.c || ':' || l)::uuid,
  100,
  600,
  case when l = 5 then 1 + e.age_days % 2 else 0 end,
  case when l = 5 then 75 + 25 * (e.age_days % 2) end,
  case when l = 5 then 75 + 25 * (e.age_days % 2) end,
  l = 5,
  e.started_at + make_interval(mins => (l - 1) * 10),
  e.started_at + make_interval(days => e.age_days / 2, mins => l * 10),
  e.started_at + make_interval(days => e.age_days / 2, mins => l * 10),
  e.started_at + make_interval(mins => (l - 1) * 10),
  e.started_at + make_interval(days => e.age_days / 2, mins => l * 10),
  e.organization_id
from syn_enrolments as e
cross join lateral generate_series(1, e.lessons_done) as l;

insert into public.certificates (
  user_id, course_id, certificate_number, issued_date, final_score, completion_time_hours, status, created_at,
  organization_id
)
select
  e.user_id,
  e.course_id,
  'ABR-2000-' || (10000000 + row_number() over (order by e.user_id, e.c)),
  (e.started_at + make_interval(days => e.age_days / 2, mins => 50))::date,
  75 + 25 * (e.age_days % 2),
  1.5,
  'active',
  e.started_at + make_interval(days => e.age_days / 2, mins => 50),
  e.organization_id
from syn_enrolments as e
where e.done;

-- The learning loop's points ledger, as its triggers would have written it
-- (rpc_functions/17_gamification.sql: 10 per completed lesson, 20 per passed
-- quiz, the course's points_value per completed course, each at the event's
-- time); achievements are its sums, the counters its count(*)s, organization
-- and team copied from the profile, as the loop keeps them
-- (tools/abr_db/sql/learning_consistency.sql finds nothing on this data).
insert into private.points_ledger (user_id, kind, subject_id, points, awarded_at)
select pr.user_id, 'lesson_completed', pr.lesson_id, 10, pr.completed_at
from public.progress as pr
inner join syn_enrolments as e on pr.user_id = e.user_id and pr.course_id = e.course_id
where pr.lesson_id is not null and pr.completed_at is not null
union all
select pr.user_id, 'quiz_passed', pr.lesson_id, 20, pr.completed_at
from public.progress as pr
inner join syn_enrolments as e on pr.user_id = e.user_id and pr.course_id = e.course_id
where pr.lesson_id is not null and pr.quiz_passed
union all
select e.user_id, 'course_completed', e.course_id, c.points_value,
  e.started_at + make_interval(days => e.age_days / 2, mins => 50)
from syn_enrolments as e
inner join public.courses as c on e.course_id = c.id
where e.done;

create temp table syn_points on commit drop as
select
  pl.user_id,
  sum(pl.points)::integer as total,
  coalesce(sum(pl.points) filter (
    where date_trunc('week', pl.awarded_at at time zone 'America/Toronto')::date
    = date_trunc('week', now() at time zone 'America/Toronto')::date
  ), 0)::integer as week,
  coalesce(sum(pl.points) filter (
    where date_trunc('month', pl.awarded_at at time zone 'America/Toronto')::date
    = date_trunc('month', now() at time zone 'America/Toronto')::date
  ), 0)::integer as month
from private.points_ledger as pl
where exists (
  select from syn_enrolments as e
  where e.user_id = pl.user_id
)
group by pl.user_id;

insert into public.user_achievements (
  user_id, total_points, weekly_points, monthly_points, points_week, points_month, current_streak_days,
  longest_streak_days, last_activity_date, courses_completed, lessons_completed, quizzes_passed,
  certificates_earned, level, level_progress, organization_id, team_id, listed
)
select
  e.user_id,
  coalesce(max(pt.total), 0),
  coalesce(max(pt.week), 0),
  coalesce(max(pt.month), 0),
  date_trunc('week', now() at time zone 'America/Toronto')::date,
  date_trunc('month', now() at time zone 'America/Toronto')::date,
  (count(*) % 7)::integer,
  greatest(count(*) % 7, count(*) % 30)::integer,
  current_date - min(e.age_days) / 2,
  count(*) filter (where e.done)::integer,
  sum(e.lessons_done)::integer,
  count(*) filter (where e.done)::integer,
  count(*) filter (where e.done)::integer,
  (private.level_of(coalesce(max(pt.total), 0))).level,
  (private.level_of(coalesce(max(pt.total), 0))).level_progress,
  max(p.organization_id::text)::uuid,
  max(p.team_id::text)::uuid,
  bool_and(p.deleted_at is null)
from syn_enrolments as e
inner join public.profiles as p on e.user_id = p.id
left join syn_points as pt on e.user_id = pt.user_id
group by e.user_id;

insert into public.learning_path_enrollments (user_id, learning_path_id, enrolled_at, completed_at)
with path_courses as (
  select
    lp,
    1 + (7 * lp + 11 * j) % 38 as c
  from generate_series(1, 8) as lp cross join generate_series(1, 4) as j
),

enrolled as (
  select
    u.id as user_id,
    u.n % 38 as lp
  from syn_users as u
  where u.kind = 'learner' and u.n % 38 between 1 and 8
),

completed as (
  select en.user_id
  from enrolled as en
  inner join path_courses as pc on en.lp = pc.lp
  inner join syn_enrolments as e on en.user_id = e.user_id and pc.c = e.c and e.done
  group by en.user_id
  having count(distinct pc.c) = 4
)

select
  en.user_id,
  md5('syn-path:' || en.lp)::uuid,
  now() - interval '200 days',
  case when cp.user_id is not null then now() - interval '10 days' end
from enrolled as en
left join completed as cp on en.user_id = cp.user_id;
