/*
  Consistency of the learning loop (rpc_functions/17_gamification.sql): every
  row returned is an inconsistency (check, user_id, expected, actual); none
  is the goal. Run as the owner (it reads private.points_ledger), e.g. after
  a concurrent write bench, or on any database at any time.
*/
with ledger as (
  select pl.user_id, sum(pl.points)::bigint as points
  from private.points_ledger as pl
  group by pl.user_id
),

ledger_week as (
  select ua.user_id, coalesce(sum(pl.points), 0)::bigint as points
  from public.user_achievements as ua
  left join private.points_ledger as pl
    on
      ua.user_id = pl.user_id
      and pg_catalog.date_trunc('week', pl.awarded_at at time zone 'America/Toronto')::date = ua.points_week
  where ua.points_week is not null
  group by ua.user_id
),

ledger_month as (
  select ua.user_id, coalesce(sum(pl.points), 0)::bigint as points
  from public.user_achievements as ua
  left join private.points_ledger as pl
    on
      ua.user_id = pl.user_id
      and pg_catalog.date_trunc('month', pl.awarded_at at time zone 'America/Toronto')::date = ua.points_month
  where ua.points_month is not null
  group by ua.user_id
),

progress_counts as (
  select
    pr.user_id,
    count(*) filter (where pr.lesson_id is not null and pr.completed_at is not null) as lessons_completed,
    count(*) filter (where pr.lesson_id is null and pr.completed_at is not null) as courses_completed,
    count(*) filter (where pr.lesson_id is not null and pr.quiz_passed) as quizzes_passed
  from public.progress as pr
  group by pr.user_id
),

counters as (
  select
    ua.user_id,
    ua.lessons_completed,
    ua.courses_completed,
    ua.quizzes_passed,
    ua.certificates_earned,
    ua.cases_bookmarked,
    ua.coaching_sessions,
    coalesce(pc.lessons_completed, 0) as lessons_rows,
    coalesce(pc.courses_completed, 0) as courses_rows,
    coalesce(pc.quizzes_passed, 0) as quizzes_rows,
    (
      select count(*) from public.certificates as ce
      where ce.user_id = ua.user_id and ce.status <> 'revoked'
    ) as certificates_rows,
    (
      select count(*) from public.bookmarks as b
      where b.user_id = ua.user_id and b.resource_type = 'tribunal_case'
    ) as bookmarks_rows,
    (select count(*) from public.ai_coaching_sessions as s
where s.user_id = ua.user_id) as coaching_rows
  from public.user_achievements as ua
  left join progress_counts as pc on ua.user_id = pc.user_id
)

select 'total_points = ledger sum' as check_name, ua.user_id, coalesce(l.points, 0) as expected,
  ua.total_points::bigint as actual
from public.user_achievements as ua
left join ledger as l on ua.user_id = l.user_id
where ua.total_points <> coalesce(l.points, 0)
union all
select 'ledger rows without an achievements row', l.user_id, l.points, null
from ledger as l
where not exists (
  select from public.user_achievements as ua
  where ua.user_id = l.user_id
)
union all
select 'weekly_points = ledger sum of points_week', ua.user_id, lw.points, ua.weekly_points
from public.user_achievements as ua
inner join ledger_week as lw on ua.user_id = lw.user_id
where ua.weekly_points <> lw.points
union all
select 'monthly_points = ledger sum of points_month', ua.user_id, lm.points, ua.monthly_points
from public.user_achievements as ua
inner join ledger_month as lm on ua.user_id = lm.user_id
where ua.monthly_points <> lm.points
union all
select 'level = level_of(total_points)', ua.user_id, (private.level_of(ua.total_points)).level, ua.level
from public.user_achievements as ua
where ua.level <> (private.level_of(ua.total_points)).level
union all
select k.check_name, c.user_id, k.expected, k.actual
from counters as c
cross join lateral (
  values
  ('lessons_completed = count(*)', c.lessons_rows, c.lessons_completed::bigint),
  ('courses_completed = count(*)', c.courses_rows, c.courses_completed::bigint),
  ('quizzes_passed = count(*)', c.quizzes_rows, c.quizzes_passed::bigint),
  ('certificates_earned = count(*)', c.certificates_rows, c.certificates_earned::bigint),
  ('cases_bookmarked = count(*)', c.bookmarks_rows, c.cases_bookmarked::bigint),
  ('coaching_sessions = count(*)', c.coaching_rows, c.coaching_sessions::bigint)
) as k (check_name, expected, actual)
where k.expected <> k.actual
union all
select 'counted rows of a user without an achievements row', counted.user_id, 0, count(*)
from (
  select pr.user_id from public.progress as pr
  where pr.completed_at is not null or pr.quiz_passed
  union all
  select ce.user_id from public.certificates as ce
  where ce.status <> 'revoked'
  union all
  select b.user_id from public.bookmarks as b
  where b.resource_type = 'tribunal_case'
  union all
  select s.user_id from public.ai_coaching_sessions as s
) as counted
where not exists (
  select from public.user_achievements as ua
  where ua.user_id = counted.user_id
)
group by counted.user_id
union all
select 'one certificate per completed course', pr.user_id, 1, (
  select count(*) from public.certificates as ce
  where ce.user_id = pr.user_id and ce.course_id = pr.course_id
)
from public.progress as pr
where
  pr.lesson_id is null and pr.completed_at is not null
  and (
    select count(*) from public.certificates as ce
    where ce.user_id = pr.user_id and ce.course_id = pr.course_id
  ) <> 1
order by check_name, user_id
