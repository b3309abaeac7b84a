/*
  009_analytics: org_analytics, one row of learning figures per organization.

  The spec's sketch joins profiles to progress, certificates and
  user_achievements side by side, so every progress row is repeated once per
  certificate and every points total once per progress row times
  certificate: SUM(total_points) and AVG(completion_percentage) come out
  multiplied. Here each child table is aggregated per organization first and
  then joined, one row to one row. Two definitions are also made precise:
    active_learners  members with any progress above 0 (the sketch counted
                     progress rows, not learners);
    avg_completion   the mean of members' course-level progress rows
                     (lesson_id null), one per learner and course.

  Not readable by anon or authenticated: staff read their organization's row
  through an RPC. Refreshed nightly by cron_jobs/refresh_org_analytics.sql.
*/

create materialized view public.org_analytics as
with members as (
  select p.id, p.organization_id
  from public.profiles as p
  where p.deleted_at is null and p.organization_id is not null
),

learning as (
  select
    m.organization_id,
    count(distinct pr.user_id) filter (where pr.completion_percentage > 0) as active_learners,
    avg(pr.completion_percentage) filter (where pr.lesson_id is null) as avg_completion
  from members as m
  inner join public.progress as pr on m.id = pr.user_id
  group by m.organization_id
),

awarded as (
  select m.organization_id, count(*) as total_certificates
  from members as m
  inner join public.certificates as c on m.id = c.user_id
  group by m.organization_id
),

points as (
  select m.organization_id, sum(ua.total_points) as org_total_points
  from members as m
  inner join public.user_achievements as ua on m.id = ua.user_id
  group by m.organization_id
),

headcount as (
  select m.organization_id, count(*) as total_users
  from members as m
  group by m.organization_id
)

select
  o.id as organization_id,
  o.name,
  coalesce(h.total_users, 0) as total_users,
  coalesce(l.active_learners, 0) as active_learners,
  coalesce(a.total_certificates, 0) as total_certificates,
  l.avg_completion,
  coalesce(pt.org_total_points, 0) as org_total_points
from public.organizations as o
left join headcount as h on o.id = h.organization_id
left join learning as l on o.id = l.organization_id
left join awarded as a on o.id = a.organization_id
left join points as pt on o.id = pt.organization_id
where o.deleted_at is null
with no data;

comment on materialized view public.org_analytics is
'Per-organization learning figures (users, active learners, certificates, average completion, points). Refreshed nightly; read through an RPC.';

-- Needed by REFRESH MATERIALIZED VIEW CONCURRENTLY.
create unique index org_analytics_organization_id on public.org_analytics (organization_id);

revoke all on public.org_analytics from public, anon, authenticated;

refresh materialized view public.org_analytics;
