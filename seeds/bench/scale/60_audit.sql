/*
  step: audit trail (2 rows per member on average, over the last year)

  Generated rather than triggered (triggers are off while the seed loads),
  marked user_agent = 'abr-db synthetic' so that --replace removes exactly
  these rows.
*/

insert into public.audit_logs (
  user_id, user_email, user_role, action, resource_type, resource_id, timestamp, ip_address, user_agent, changes,
  organization_id, severity, compliance_relevant
)
select
  u.id,
  replace(u.kind, '_', '-') || '-' || u.k || '@synthetic.abr.test',
  u.role,
  g.action,
  case g.action
    when 'certificate.issue' then 'certificates' when 'seat.assign' then 'subscription_seats' else 'profiles'
  end,
  md5('syn-resource:' || g.i)::uuid,
  g.at,
  ('10.' || g.i % 250 || '.' || g.i % 199 || '.' || g.i % 97)::inet,
  'abr-db synthetic',
  jsonb_build_object('source', 'synthetic'),
  md5('syn-org:' || u.org)::uuid,
  case when g.action = 'role.change' then 'warning' else 'info' end,
  g.action in ('role.change', 'seat.assign')
from (
  select
    i,
    1 + floor(random() * (select max(n) from syn_users
where org is not null))::integer as n,
    (array['login', 'login', 'login', 'profile.update', 'certificate.issue', 'seat.assign', 'role.change'])[
      1 + floor(random() * 7)::integer
    ] as action,
    now() - make_interval(mins => floor(random() * 60 * 24 * 365)::integer) as at
  from generate_series(1, greatest(40, round(200000 * current_setting('abr.seed_scale')::numeric))::integer) as i
) as g
inner join syn_users as u on g.n = u.n;
