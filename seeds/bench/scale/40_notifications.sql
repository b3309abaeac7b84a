/*
  step: notifications (5 per member on average, 90% read)
*/

insert into public.notifications (
  user_id, type, title, message, link_url, read, read_at, priority, created_at, expires_at
)
select
  u.id,
  g.type,
  case g.type
    when 'course_completed' then 'Course completed'
    when 'certificate_earned' then 'Certificate earned'
    when 'new_content' then 'New decisions added'
    when 'deadline_reminder' then 'Training due soon'
    else 'Your weekly summary'
  end,
  case when u.french then 'Vous avez un nouvel avis sur ABR Insights.'
    else 'You have a new update on ABR Insights.'
  end,
  '/dashboard',
  g.read,
  case when g.read then g.created_at + interval '2 hours' end,
  case when g.type = 'deadline_reminder' then 'high' else 'normal' end,
  g.created_at,
  g.created_at + interval '30 days'
from (
  select
    1 + floor(random() * (select max(n) from syn_users
where org is not null))::integer as n,
    (array['course_completed', 'certificate_earned', 'new_content', 'deadline_reminder', 'system'])[
      1 + floor(random() * 5)::integer
    ] as type,
    random() < 0.9 as read,
    now() - make_interval(mins => floor(random() * 60 * 24 * 60)::integer) as created_at
  from generate_series(1, greatest(50, round(500000 * current_setting('abr.seed_scale')::numeric))::integer)
) as g
inner join syn_users as u on g.n = u.n;
