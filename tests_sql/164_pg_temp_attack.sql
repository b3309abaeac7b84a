/*
  The pg_temp attack (issue 6, finding 1), replayed against every SECURITY
  DEFINER function a client role may execute, found in the catalog when the
  test runs: functions added later are covered without editing this file.

  The attack: a caller creates, in their session's temporary schema, a domain
  named like a built-in type (`pg_temp.uuid`) whose CHECK calls their own
  function, or a view named like a table; a definer function whose
  search_path lists pg_temp first (an empty one does: pg_temp is then searched
  before everything) resolves its unqualified `uuid`, `::text` or `profiles`
  there and runs the caller's code as its owner.

  The API roles may no longer create temporary objects (019_no_temp_objects:
  asserted at the end), which alone would hide a function that still has a
  bad search_path. So the replay plants the shadows as the superuser in this
  session, then calls each function as each client role that may execute it
  (with null and with plausible arguments; errors are expected and caught).
  Every shadow's CHECK (or WHERE) calls a trap that counts, in a sequence
  (not rolled back with a failed call), the times it ran as anyone but the
  calling role. Two deliberately unsafe definer functions (search_path = '')
  prove that the trap fires.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(13);

-- Arrange (as the superuser) -------------------------------------------------------

do $$
begin
  perform tests.create_org('t164-acme');
  perform tests.create_user('t164-sam', 'super_admin', 't164-acme');
  perform tests.create_user('t164-lena', 'learner', 't164-acme');
  -- The replay's text arguments are 't164': with this flag, feature_enabled
  -- goes past its lookup to the caller's profile.
  insert into public.feature_flags (flag_key, name, is_enabled, target_type, rollout_percentage)
  values ('t164', 'T164 replay flag', true, 'global', 100);
  insert into public.courses (id, title_en, slug, category, level, duration_minutes, created_by)
  values (md5('course:t164')::uuid, 'T164 course', 't164-course', 'Foundations', 'Introductory', 10,
          tests.get_user_id('t164-sam'));
end
$$;

-- The controls: definer functions with the old, empty search_path.
create function tests.t164_unsafe_type(p_id uuid) returns boolean
language plpgsql security definer set search_path = ''
as $$
declare
  v uuid := p_id;
begin
  return v is not null;
end;
$$;
create function tests.t164_unsafe_table() returns bigint
language plpgsql security definer set search_path = ''
as $$
begin
  return (select pg_catalog.count(*) from profiles);
end;
$$;
revoke all on function tests.t164_unsafe_type(uuid), tests.t164_unsafe_table() from public;
grant execute on function tests.t164_unsafe_type(uuid), tests.t164_unsafe_table() to anon;

-- Who calls: anon, two signed-in users (a super_admin goes deepest), the service role.
create temporary table t164_callers (role_name text, identifier text, claims text) on commit drop;
insert into t164_callers
select 'anon', null, '{"role": "anon"}'
union all
select 'authenticated', i, pg_catalog.json_build_object(
  'sub', tests.get_user_id(i), 'role', 'authenticated', 'email', i || '@test.local', 'aud', 'authenticated'
)::text
from unnest(array['t164-sam', 't164-lena']) as i
union all
select 'service_role', null, '{"role": "service_role"}';

-- What to call: every definer function a client role may execute (not
-- triggers, not an extension's), with null and with plausible arguments.
create temporary table t164_calls (
  n bigint generated always as identity,
  fn text, role_name text, identifier text, statement text, sqlstate text, fired boolean
) on commit drop;
insert into t164_calls (fn, role_name, identifier, statement)
select
  p.oid::regprocedure::text, c.role_name, c.identifier,
  pg_catalog.format('select %I.%I(%s)', n.nspname, p.proname, pg_catalog.array_to_string(array(
    select case
      when m.mode = 'null' then pg_catalog.format('null::%I.%I', tn.nspname, t.typname)
      when t.typcategory = 'A' then pg_catalog.format('''{}''::%I.%I', tn.nspname, t.typname)
      when t.typname = 'uuid' then 'pg_catalog.gen_random_uuid()'
      when t.typname in ('json', 'jsonb') then pg_catalog.format('''[0]''::%I.%I', tn.nspname, t.typname)
      when t.typcategory = 'S' then pg_catalog.format('''t164''::%I.%I', tn.nspname, t.typname)
      when t.typcategory = 'N' then pg_catalog.format('1::%I.%I', tn.nspname, t.typname)
      when t.typcategory = 'B' then 'true'
      when t.typcategory = 'D' then pg_catalog.format('pg_catalog.now()::%I.%I', tn.nspname, t.typname)
      else pg_catalog.format('null::%I.%I', tn.nspname, t.typname)
    end
    from unnest(p.proargtypes::oid []) with ordinality as a (type_oid, position)
    inner join pg_catalog.pg_type as t on a.type_oid = t.oid
    inner join pg_catalog.pg_namespace as tn on t.typnamespace = tn.oid
    order by a.position
  ), ', '))
from pg_catalog.pg_proc as p
inner join pg_catalog.pg_namespace as n on p.pronamespace = n.oid
cross join t164_callers as c
cross join (values ('null'), ('value')) as m (mode)
where p.prosecdef
  and p.prokind = 'f'
  and p.prorettype not in ('trigger'::regtype, 'event_trigger'::regtype)
  and n.nspname not in ('pg_catalog', 'information_schema')
  and not exists (
    select from pg_catalog.pg_depend as d
    where d.classid = 'pg_catalog.pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e'
  )
  and has_function_privilege(c.role_name, p.oid, 'execute');

-- And writes through triggers: a learner renames herself (invoker guard,
-- updated_at), a super_admin edits a flag (the audit trigger, a definer),
-- adds a lesson and deletes it (lesson count, delete guard: definers).
insert into t164_calls (fn, role_name, identifier, statement)
values
(
  'update public.profiles (triggers)', 'authenticated', 't164-lena',
  pg_catalog.format(
    'update public.profiles set full_name = %L where id = %L::pg_catalog.uuid',
    'T164 Lena', tests.get_user_id('t164-lena')
  )
),
(
  'update public.feature_flags (triggers)', 'authenticated', 't164-sam',
  'update public.feature_flags set rollout_percentage = 50 where flag_key = ''t164'''
),
(
  'insert into public.lessons (triggers)', 'authenticated', 't164-sam',
  'insert into public.lessons (course_id, title_en, lesson_type, order_index) values '
  || '(md5(''course:t164'')::pg_catalog.uuid, ''T164 lesson'', ''reading'', 1)'
),
(
  'delete from public.lessons (triggers)', 'authenticated', 't164-sam',
  'delete from public.lessons where course_id = md5(''course:t164'')::pg_catalog.uuid and title_en = ''T164 lesson'''
);

-- The trap and the shadows (as the superuser, in this session) --------------------

create sequence pg_temp.t164_fired;
create function pg_temp.t164_trap(v anyelement) returns pg_catalog.bool
language plpgsql
as $$
begin
  if current_user::pg_catalog.text is distinct from pg_catalog.current_setting('t164.caller', true)
  and pg_catalog.current_setting('t164.caller', true) <> '' then
    perform pg_catalog.nextval('pg_temp.t164_fired');
  end if;
  return true;
end;
$$;

do $$
declare
  shadow record;
begin
  -- Every base and range type of pg_catalog a function can name unqualified.
  for shadow in
    select t.typname
    from pg_catalog.pg_type as t
    where t.typnamespace = 'pg_catalog'::pg_catalog.regnamespace
      and t.typtype in ('b', 'r', 'm') and t.typcategory <> 'A' and t.typisdefined
  loop
    begin
      execute pg_catalog.format(
        'create domain pg_temp.%I as pg_catalog.%I check (pg_temp.t164_trap(value))', shadow.typname, shadow.typname
      );
    exception when others then
      null;  -- a type no domain can be based on: nothing to shadow
    end;
  end loop;
  -- Every table and view of the project, as a view that runs the trap.
  for shadow in
    select distinct on (c.relname) c.relname, c.relnamespace::pg_catalog.regnamespace::pg_catalog.text as nsp
    from pg_catalog.pg_class as c
    where c.relnamespace in ('public'::pg_catalog.regnamespace, 'private'::pg_catalog.regnamespace,
                             'auth'::pg_catalog.regnamespace)
      and c.relkind in ('r', 'p', 'v', 'm')
    order by c.relname, c.relnamespace
  loop
    begin
      execute pg_catalog.format(
        'create view pg_temp.%I as select * from %I.%I where pg_temp.t164_trap(true) with check option',
        shadow.relname, shadow.nsp, shadow.relname
      );
    exception when others then
      -- not automatically updatable (a materialized view): read-only shadow
      execute pg_catalog.format(
        'create view pg_temp.%I as select * from %I.%I where pg_temp.t164_trap(true)',
        shadow.relname, shadow.nsp, shadow.relname
      );
    end;
  end loop;
end
$$;

-- Act: each call as its role ---------------------------------------------------------

do $$
declare
  attempt record;
  before_count pg_catalog.int8;
  after_count pg_catalog.int8;
  state pg_catalog.text;
begin
  for attempt in
    select k.ctid as row_id, k.role_name, k.statement, c.claims
    from pg_temp.t164_calls as k
    inner join pg_temp.t164_callers as c
      on k.role_name = c.role_name and k.identifier is not distinct from c.identifier
    order by k.n
  loop
    select case when s.is_called then s.last_value else 0 end into before_count from pg_temp.t164_fired as s;
    state := '00000';
    perform pg_catalog.set_config('request.jwt.claims', attempt.claims, true);
    perform pg_catalog.set_config('t164.caller', attempt.role_name, true);
    begin
      perform pg_catalog.set_config('role', attempt.role_name, true);
      execute attempt.statement;
      perform pg_catalog.set_config('role', 'none', true);
    exception when others then
      state := sqlstate;  -- the failed call's role switch is undone with it
    end;
    perform pg_catalog.set_config('t164.caller', '', true);
    perform pg_catalog.set_config('request.jwt.claims', '', true);
    select case when s.is_called then s.last_value else 0 end into after_count from pg_temp.t164_fired as s;
    update pg_temp.t164_calls as k
    set sqlstate = state, fired = after_count operator(pg_catalog.<>) before_count
    where k.ctid = attempt.row_id;
  end loop;
end
$$;

-- Remove the shadows before pgTAP's own functions run again.
do $$
declare
  shadow record;
begin
  for shadow in
    select c.relname from pg_catalog.pg_class as c
    where c.relnamespace = pg_catalog.pg_my_temp_schema() and c.relkind = 'v'
  loop
    execute pg_catalog.format('drop view pg_temp.%I', shadow.relname);
  end loop;
  for shadow in
    select t.typname from pg_catalog.pg_type as t
    where t.typnamespace = pg_catalog.pg_my_temp_schema() and t.typtype = 'd'
  loop
    execute pg_catalog.format('drop domain pg_temp.%I cascade', shadow.typname);
  end loop;
end
$$;

-- Assert -------------------------------------------------------------------------------

select ok(
    (
      select count(*) from t164_calls
      where fn = 'tests.t164_unsafe_type(uuid)' and role_name = 'anon' and fired
    ) = 2,
    'the trap works: a definer function with search_path = '''' runs a shadowed type''s CHECK as its owner'
);
select ok(
    (
      select count(*) from t164_calls
      where fn = 'tests.t164_unsafe_table()' and role_name = 'anon' and fired
    ) = 2,
    'the trap works: a definer function with search_path = '''' reads a shadowing pg_temp view as its owner'
);
select ok(
    (
      select count(distinct role_name) from t164_calls
      where fn = 'private.feature_enabled(text)'
    ) = 3
    and (
      select count(distinct identifier) from t164_calls
      where fn = 'private.get_lesson(uuid)'
    ) = 2,
    'the replay calls the RPC implementations as anon, as signed-in users and as the service role'
);
select is_empty(
    $$select fn, role_name, identifier, statement from t164_calls where fired and fn not like 'tests.t164\_unsafe%'$$,
    'no client-executable SECURITY DEFINER function, called as any client role, runs a pg_temp shadow as its owner'
);
select is_empty(
    $$select fn, role_name, sqlstate from t164_calls where fired is null
      union all
      select fn, role_name, sqlstate from t164_calls where fn like '% (triggers)' and sqlstate <> '00000'$$,
    'every call of the replay ran and was checked, and the writes through triggers succeeded'
);

-- No temporary objects for the API roles ---------------------------------------------

select ok(
    not has_database_privilege('anon', current_database(), 'temporary')
    and not has_database_privilege('authenticated', current_database(), 'temporary')
    and not has_database_privilege('service_role', current_database(), 'temporary'),
    'anon, authenticated and service_role have no TEMPORARY privilege on the database'
);
select ok(
    has_database_privilege(current_user, current_database(), 'temporary'),
    'the owner keeps TEMPORARY (pgTAP''s own temporary tables, refresh materialized view concurrently)'
);

select tests.authenticate_as_anon();
select throws_ok(
    $$create temporary table t164_anon_table (i int)$$, '42501', null,
    'anon cannot create a temporary table, even in a session whose temporary schema exists'
);
select throws_ok(
    $$create function pg_temp.evil(v pg_catalog.uuid) returns bool language plpgsql as
      'begin if current_user = ''postgres'' then create table public.pwned as select 1; end if; return true; end'$$,
    '42501', null,
    'anon cannot create the attack''s pg_temp function'
);
select throws_ok(
    $$create domain pg_temp.uuid as pg_catalog.uuid$$, '42501', null,
    'anon cannot create the attack''s pg_temp.uuid domain'
);
select tests.authenticate_as('t164-lena');
select throws_ok(
    $$create temporary table t164_user_table (i int)$$, '42501', null,
    'a signed-in user cannot create a temporary table'
);
select tests.authenticate_as_service_role();
select throws_ok(
    $$create temporary table t164_service_table (i int)$$, '42501', null,
    'the service role cannot create a temporary table'
);
select tests.clear_authentication();

select is_empty(
    $$select 1 from pg_catalog.pg_class where relname = 'pwned' and relnamespace = 'public'::regnamespace$$,
    'nothing was created in public'
);

select * from finish();
rollback;
