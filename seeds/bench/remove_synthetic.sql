/*
  Removes the synthetic data of `abr-db seed --scale` (and whatever the bench's
  writes added for synthetic people), for `--replace`. Big tables first, with
  triggers off (the audit trail's append-only guard would refuse, and a trigger
  per deleted row would write audit rows about synthetic data); then the
  people through auth.users with triggers on, so that every row any other
  table holds for a synthetic person goes with them by its cascade.
*/

set local session_replication_role = replica;

create temp table syn_people on commit drop as
select p.id from public.profiles as p
where p.email like '%@synthetic.abr.test';
create unique index on syn_people (id);
analyze syn_people;

create temp table syn_orgs on commit drop as
select o.id from public.organizations as o
where o.slug like 'syn-org-%';

delete from public.audit_logs as a
where a.user_agent = 'abr-db synthetic' or a.user_id in (select id from syn_people)
  or a.organization_id in (select id from syn_orgs);
delete from public.notifications as n
where n.user_id in (select id from syn_people);
delete from public.certificates as c
where c.user_id in (select id from syn_people);
delete from public.progress as pr
where pr.user_id in (select id from syn_people);
delete from public.user_achievements as ua
where ua.user_id in (select id from syn_people);
delete from private.points_ledger as pl
where pl.user_id in (select id from syn_people);
delete from public.subscription_seats as s
where s.organization_id in (select id from syn_orgs);
update public.profiles as p set seat_id = null, team_id = null
where p.id in (select id from syn_people);
delete from public.teams as t
where t.organization_id in (select id from syn_orgs);
delete from public.tribunal_cases as tc
where tc.case_number like 'SYN-%';

set local session_replication_role = origin;

-- Profiles no longer cascade from auth.users (046_erasure: a deleted auth user is anonymized, not deleted):
-- synthetic people are deleted outright, profile first.
delete from public.profiles as p
where p.id in (select id from syn_people);
delete from auth.users as u
where u.id in (select id from syn_people);

set local session_replication_role = replica;

update public.organizations as o set subscription_id = null
where o.id in (select id from syn_orgs);
delete from public.subscriptions as s
where s.organization_id in (select id from syn_orgs);
delete from public.organizations as o
where o.id in (select id from syn_orgs);
delete from public.learning_paths as lp
where lp.slug like 'syn-path-%';
delete from public.lessons as l
where l.course_id in (select c.id from public.courses as c
where c.slug like 'syn-course-%');
delete from public.courses as c
where c.slug like 'syn-course-%';

set local session_replication_role = origin;
