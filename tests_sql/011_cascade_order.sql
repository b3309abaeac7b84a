/*
  011_cascade_order: deleting an organization does the same whatever order its
  foreign-key actions fire in.

  Each ON DELETE action is an internal trigger on the referenced table, named
  RI_ConstraintTrigger_a_<oid>, and they fire in name order: a dump and restore
  or a pg_upgrade renumbers them. Here every foreign key that references
  organizations, teams, subscriptions or subscription_seats is dropped and added
  again (NOT VALID: nothing to check, the rows are unchanged), once in name
  order and once in reverse: certificates' SET NULL fires before profiles' in
  the first run (progress' after), and progress' before profiles' in the second
  (certificates' after). Before migration 029 each run failed with 23503 (run 1
  on certificates, run 2 on progress). Both times the organization is
  deleted, and its member's profile, progress, certificate and achievements row
  keep no trace of it (migration 029: the BEFORE trigger that derives progress'
  and certificates' organization no longer writes the deleted one back).
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(14);

-- Drops and re-adds every foreign key referencing the organizations' cascade
-- tables, in constraint-name order or its reverse; returns which of
-- certificates' and profiles' SET NULL on organizations now fires first.
create function pg_temp.recreate_foreign_keys(descending boolean) returns text
language plpgsql
set search_path = pg_catalog
as $$
declare
  fk record;
  first_fired text;
begin
  -- ALTER TABLE refuses a table with pending (deferred) checks: run them now; the
  -- only deferrable constraints (profiles' team and seat) are initially deferred again below.
  set constraints all immediate;
  for fk in
    select c.conrelid::regclass as tbl, c.conname, pg_get_constraintdef(c.oid) as def
    from pg_constraint as c
    where c.contype = 'f'
      and c.confrelid in (
        'public.organizations'::regclass, 'public.teams'::regclass,
        'public.subscriptions'::regclass, 'public.subscription_seats'::regclass
      )
    order by case when descending then c.conname end desc, c.conname
  loop
    execute format('alter table %s drop constraint %I', fk.tbl, fk.conname);
    execute format('alter table %s add constraint %I %s not valid', fk.tbl, fk.conname, fk.def);
  end loop;
  set constraints all deferred;
  select split_part(c.conname, '_', 1) into first_fired
  from pg_trigger as t
  inner join pg_constraint as c on t.tgconstraint = c.oid
  where t.tgrelid = 'public.organizations'::regclass
    and t.tgtype & 8 <> 0  -- the ON DELETE action
    and c.conname in ('certificates_organization_id_fkey', 'profiles_organization_id_fkey')
  order by t.tgname collate "C"
  limit 1;
  return first_fired;
end;
$$;

-- An organization with a team, a member of that team with a course's progress
-- and certificate, and the member's achievements row.
create function pg_temp.arrange(tag text) returns void
language plpgsql
as $$
begin
  perform tests.create_org(tag || '-org');
  perform tests.create_user(tag || '-lena', 'learner', tag || '-org');
  insert into public.teams (id, organization_id, name)
  values (tests.id(tag || '-team'), tests.get_org_id(tag || '-org'), tests.name(tag || '-team'));
  update public.profiles set team_id = tests.id(tag || '-team') where id = tests.get_user_id(tag || '-lena');
  insert into public.courses (id, slug, title_en, category, level, duration_minutes, is_published)
  values (tests.id(tag || '-course'), tests.name(tag || '-course'), 'T011 course', 'Foundations', 'Introductory',
    30, true);
  insert into public.progress (user_id, course_id)
  values (tests.get_user_id(tag || '-lena'), tests.id(tag || '-course'));
  insert into public.certificates (user_id, course_id)
  values (tests.get_user_id(tag || '-lena'), tests.id(tag || '-course'));
end;
$$;

-- What of the deleted organization is left on the member's rows (all null once it is gone).
create function pg_temp.traces(tag text) returns text
language sql
as $$
  select concat_ws(',',
    (select p.organization_id::text from public.profiles as p where p.id = tests.get_user_id(tag || '-lena')),
    (select p.team_id::text from public.profiles as p where p.id = tests.get_user_id(tag || '-lena')),
    (select pr.organization_id::text from public.progress as pr where pr.user_id = tests.get_user_id(tag || '-lena')),
    (select c.organization_id::text from public.certificates as c where c.user_id = tests.get_user_id(tag || '-lena')),
    (select ua.organization_id::text from public.user_achievements as ua
     where ua.user_id = tests.get_user_id(tag || '-lena')),
    (select ua.team_id::text from public.user_achievements as ua where ua.user_id = tests.get_user_id(tag || '-lena'))
  )
$$;

create temporary table fired_first (run text primary key, tbl text);

-- Run 1: the foreign keys in name order ------------------------------------------------

select pg_temp.arrange('t011-a');
select isnt(pg_temp.traces('t011-a'), '', 'run 1: the member''s rows carry the organization before the delete');
insert into fired_first values ('name order', pg_temp.recreate_foreign_keys(false));
select lives_ok(
  format('delete from public.organizations where id = %L', tests.get_org_id('t011-a-org')),
  'run 1: the organization is deleted'
);
select is(pg_temp.traces('t011-a'), '', 'run 1: profile, progress, certificate and achievements keep no trace of it');
select is(
  (select count(*)::integer from public.teams
where id = tests.id('t011-a-team')), 0,
  'run 1: its team is deleted'
);
select is(
  (select count(*)::integer from public.profiles
where id = tests.get_user_id('t011-a-lena')), 1,
  'run 1: its member stays'
);
select is(
  (select count(*)::integer from public.certificates
where user_id = tests.get_user_id('t011-a-lena')), 1,
  'run 1: the member keeps the certificate'
);

-- Run 2: the foreign keys in reverse name order ----------------------------------------

select pg_temp.arrange('t011-b');
select isnt(pg_temp.traces('t011-b'), '', 'run 2: the member''s rows carry the organization before the delete');
insert into fired_first values ('reverse order', pg_temp.recreate_foreign_keys(true));
select lives_ok(
  format('delete from public.organizations where id = %L', tests.get_org_id('t011-b-org')),
  'run 2: the organization is deleted'
);
select is(pg_temp.traces('t011-b'), '', 'run 2: profile, progress, certificate and achievements keep no trace of it');
select is(
  (select count(*)::integer from public.teams
where id = tests.id('t011-b-team')), 0,
  'run 2: its team is deleted'
);
select is(
  (select count(*)::integer from public.profiles
where id = tests.get_user_id('t011-b-lena')), 1,
  'run 2: its member stays'
);
select is(
  (select count(*)::integer from public.certificates
where user_id = tests.get_user_id('t011-b-lena')), 1,
  'run 2: the member keeps the certificate'
);

-- The two runs did fire the actions in different orders ------------------------------

select is(
  (select count(distinct tbl)::integer from fired_first), 2,
  'certificates'' SET NULL fired before profiles'' in one run and after it in the other'
);
select is(
  (select count(*)::integer from public.certificates
   where user_id in (tests.get_user_id('t011-a-lena'), tests.get_user_id('t011-b-lena'))
     and organization_id is not null),
  0,
  'no certificate names a deleted organization'
);

select * from finish();
rollback;
