/*
  step: organizations, people, teams, subscriptions and seats

  Synthetic data at production scale for `abr-db bench` (`abr-db seed --scale N`).
  The tool runs the files of this folder in order, in one transaction, with
  `abr.seed_scale` set to N and session_replication_role = replica (no trigger
  and no foreign-key check fires: rows are written consistent by construction,
  and audit rows are generated, not triggered).

  Recognisable, so removal and the "already seeded" check are exact:
  organizations `syn-org-<n>`, users `<kind>-<k>@synthetic.abr.test` with id
  md5('syn-<kind>:<k>'), courses `syn-course-<n>`, cases `SYN-<n>`, audit rows
  with user_agent 'abr-db synthetic'.

  At N = 1: 200 organizations (sizes skewed: the first holds ~7% of the people,
  the last ~0.1%), 100,000 people. Per organization: its first member is an
  org_admin, the second a compliance_officer, the third an analyst, then one
  org_admin per 250 members, one viewer per 97, one soft-deleted learner per
  101; the rest are learners. Teams of 50; every live member holds a seat.
  Plus one super_admin and one educator (the catalog's author), in no
  organization.
*/

select setseed(0.42);

create temp table syn_users on commit drop as
with sizes as (
  select
    greatest(20, round(100000 * current_setting('abr.seed_scale')::numeric))::integer as people,
    greatest(2, round(200 * current_setting('abr.seed_scale')::numeric))::integer as orgs
),

placed as (
  select
    g.n,
    1 + floor(s.orgs * power((g.n - 1)::float8 / s.people, 2))::integer as org
  from sizes as s cross join lateral generate_series(1, s.people) as g (n)
),

positioned as (
  select
    n,
    org,
    n - min(n) over (partition by org) + 1 as pos
  from placed
),

kinds as (
  select
    n,
    org,
    pos,
    case
      when pos = 1 or pos % 250 = 0 then 'org_admin'
      when pos = 2 then 'compliance_officer'
      when pos = 3 then 'analyst'
      when pos % 97 = 0 then 'viewer'
      when pos % 101 = 0 then 'gone'
      else 'learner'
    end as kind
  from positioned
  union all
  select 1000000000 + 1, null, null, 'super_admin'
  union all
  select 1000000000 + 2, null, null, 'educator'
)

select
  n,
  org,
  pos,
  kind,
  row_number() over (partition by kind order by n) as k,
  case kind when 'gone' then 'learner' else kind end as role,
  -- enrolments: most people take a few courses, some take dozens
  case when kind in ('learner', 'gone', 'org_admin', 'compliance_officer', 'analyst')
      then 1 + floor(power(random(), 5) * 24)::integer
    else 0
  end as enrols,
  random() < 0.3 as french
from kinds;

alter table syn_users add column id uuid;
update syn_users set id = md5('syn-' || kind || ':' || k)::uuid;
create unique index on syn_users (n);
analyze syn_users;

insert into public.subscriptions (
  id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, plan_tier, plan_name,
  billing_interval, seat_count, seats_used, amount_cents, status, current_period_start, current_period_end,
  next_payment_date
)
select
  md5('syn-sub:' || u.org)::uuid,
  md5('syn-org:' || u.org)::uuid,
  'sub_syn_' || u.org,
  'cus_syn_' || u.org,
  'price_syn_professional_year',
  'professional',
  'Professional - Annual',
  'year',
  count(*) + 10,
  count(*) filter (where u.kind <> 'gone'),
  (count(*) + 10)::integer * 9900,
  'active',
  date_trunc('year', now()),
  date_trunc('year', now()) + interval '1 year',
  date_trunc('year', now()) + interval '1 year'
from syn_users as u
where u.org is not null
group by u.org;

insert into public.organizations (
  id, name, slug, industry, size_category, admin_email, city, province, subscription_id, subscription_status
)
select
  md5('syn-org:' || o.org)::uuid,
  (array['Maple', 'Northern', 'Laurentian', 'Prairie', 'Atlantic', 'Cascade', 'Boreal', 'Harbour'])[1 + o.org % 8]
  || ' ' || (array['Health', 'Logistics', 'Financial', 'Municipal Services', 'Education', 'Retail', 'Energy'])[
    1 + o.org % 7
  ] || ' ' || o.org,
  'syn-org-' || o.org,
  (array['Healthcare', 'Transportation', 'Finance', 'Public sector', 'Education', 'Retail', 'Energy'])[1 + o.org % 7],
  case
    when o.members <= 50 then '1-50' when o.members <= 200 then '51-200' when o.members <= 500 then '201-500'
    when o.members <= 1000 then '501-1000' else '1000+'
  end,
  'admin@syn-org-' || o.org || '.test',
  (array['Toronto', 'Montréal', 'Halifax', 'Winnipeg', 'Ottawa', 'Vancouver', 'Calgary'])[1 + o.org % 7],
  (array['ON', 'QC', 'NS', 'MB', 'ON', 'BC', 'AB'])[1 + o.org % 7],
  md5('syn-sub:' || o.org)::uuid,
  'active'
from (select org, count(*) as members from syn_users
where org is not null
group by org) as o;

insert into public.teams (id, organization_id, name, seat_allocation)
select distinct
  md5('syn-team:' || u.org || ':' || (u.pos - 1) / 50)::uuid,
  md5('syn-org:' || u.org)::uuid,
  'Team ' || (u.pos - 1) / 50 + 1,
  50
from syn_users as u
where u.org is not null;

insert into auth.users (id, email, aud, role, email_confirmed_at, created_at, updated_at)
select u.id, replace(u.kind, '_', '-') || '-' || u.k || '@synthetic.abr.test', 'authenticated', 'authenticated',
  now(), now(), now()
from syn_users as u;

insert into public.profiles (
  id, email, full_name, preferred_language, organization_id, team_id, role, subscription_tier, seat_id,
  email_verified, last_login_at, login_count, deleted_at
)
select
  u.id,
  replace(u.kind, '_', '-') || '-' || u.k || '@synthetic.abr.test',
  (array[
    'Amara', 'Kwame', 'Nadia', 'Jean-Marc', 'Fatou', 'Olivia', 'Malik', 'Chantal', 'Tariq', 'Zoé', 'Daniel', 'Aïcha'
  ])[
    1 + u.n % 12
  ] || ' ' || (array[
    'Mensah', 'Tremblay', 'Okafor', 'Gagnon', 'Diallo', 'Roy', 'Campbell', 'Joseph', 'Pierre', 'Brown', 'Nkemelu'
  ])[
    1 + (u.n / 12) % 11
  ],
  case when u.french then 'fr' else 'en' end,
  md5('syn-org:' || u.org)::uuid,
  case when u.org is not null then md5('syn-team:' || u.org || ':' || (u.pos - 1) / 50)::uuid end,
  u.role,
  'professional',
  case when u.org is not null and u.kind <> 'gone' then md5('syn-seat:' || u.id)::uuid end,
  true,
  now() - make_interval(hours => u.n % 2000),
  u.n % 300,
  case when u.kind = 'gone' then now() - interval '30 days' end
from syn_users as u;

insert into public.subscription_seats (
  id, subscription_id, organization_id, assigned_to_user_id, assigned_to_email, assigned_at, status, team_id,
  first_login_at, last_login_at, login_count
)
select
  md5('syn-seat:' || u.id)::uuid,
  md5('syn-sub:' || u.org)::uuid,
  md5('syn-org:' || u.org)::uuid,
  u.id,
  replace(u.kind, '_', '-') || '-' || u.k || '@synthetic.abr.test',
  now() - interval '200 days',
  'active',
  md5('syn-team:' || u.org || ':' || (u.pos - 1) / 50)::uuid,
  now() - interval '199 days',
  now() - make_interval(hours => u.n % 2000),
  u.n % 300
from syn_users as u
where u.org is not null and u.kind <> 'gone';
