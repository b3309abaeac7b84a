/*
  export_my_data (rpc_functions/70_privacy_export.sql): the catalog test (every column of the database that
  references a person is exported or excluded with a reason, and every catalog entry still exists), then the
  document of a learner with data in the main tables: versioned, collected vs derived, their own data only (nothing
  of a colleague with data in the same tables, nor of the admin who assigned their seat), no secrets, and the export
  audited without its content. Who may call it: every role for themselves; anon and service_role not at all.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(27);

-- The catalog -------------------------------------------------------------------------------------------

create or replace function tests.person_columns()
returns table (table_schema text, table_name text, column_name text)
language sql
stable
as $$
  select n.nspname::text, c.relname::text, a.attname::text
  from pg_catalog.pg_attribute as a
  join pg_catalog.pg_class as c on a.attrelid = c.oid
  join pg_catalog.pg_namespace as n on c.relnamespace = n.oid
  where n.nspname in ('public', 'private') and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
    and c.relname <> 'profiles'
    and (
      exists (
        select from pg_catalog.pg_constraint as k
        where k.conrelid = c.oid and k.contype = 'f' and a.attnum = any(k.conkey)
          and k.confrelid in ('public.profiles'::regclass, 'auth.users'::regclass)
      )
      or a.attname ~ 'email'
      or (a.atttypid in ('uuid'::regtype, 'uuid[]'::regtype)
        and a.attname ~ '(^|_)(user_id|user_ids|actor_id|holder_id)$')
      or (a.atttypid in ('uuid'::regtype, 'uuid[]'::regtype) and a.attname ~ '_by$')
      or a.attname ~ '(full_name|holder_name|billing_name|contact_name|phone)$'
    )
$$;

select is_empty(
  $$select p.table_schema || '.' || p.table_name || '.' || p.column_name from tests.person_columns() as p
    where not exists (
      select from private.personal_data_catalog() as c
      where c.table_schema = p.table_schema and c.table_name = p.table_name
        and (c.column_name = p.column_name or c.column_name = '*')
    )$$,
  'every column referencing a person is in the personal data catalog (exported, or excluded with a reason)'
);
select is_empty(
  $$select c.table_schema || '.' || c.table_name || '.' || c.column_name from private.personal_data_catalog() as c
    where c.column_name <> '*' and not exists (
      select from information_schema.columns as i
      where i.table_schema = c.table_schema and i.table_name = c.table_name and i.column_name = c.column_name
    ) or (c.column_name = '*' and to_regclass(c.table_schema || '.' || c.table_name) is null)$$,
  'every catalog entry names an existing table and column'
);
select is_empty(
  $$select c.table_name || '.' || c.column_name from private.personal_data_catalog() as c
    where c.disposition not in ('exported', 'excluded') or coalesce(length(c.reason), 0) < 12$$,
  'every catalog entry is exported or excluded, with a reason of a sentence'
);
select is_empty(
  $$select c.table_name || '.' || c.column_name from private.personal_data_catalog() as c
    where c.disposition = 'exported' and c.reason !~ '^(collected|derived)\.[a-z_]+'$$,
  'every exported entry names the section of the document that holds it'
);

-- The test catches a table added later: a new column referencing a person, and a new email column.
create table public.t270_new_table (
  id uuid primary key, owner uuid references public.profiles (id), contact_email text
);
select results_eq(
  $$select p.table_name || '.' || p.column_name from tests.person_columns() as p
    where not exists (
      select from private.personal_data_catalog() as c
      where c.table_schema = p.table_schema and c.table_name = p.table_name
        and (c.column_name = p.column_name or c.column_name = '*')
    ) order by 1$$,
  array['t270_new_table.contact_email', 't270_new_table.owner'],
  'a table added without a catalog entry is reported, column by column'
);
drop table public.t270_new_table;

-- Arrange: acme with a learner (pat) who has data nearly everywhere, a colleague (quinn) with data in the same
-- tables, and the org admin (ola) who assigned pat's seat.
do $$
begin
  perform tests.create_org('acme');
  perform tests.create_user('ola', 'org_admin', 'acme', 'professional');
  perform tests.create_user('pat', 'learner', 'acme', 'professional');
  perform tests.create_user('quinn', 'learner', 'acme', 'professional');
  perform tests.create_user('vic', 'viewer', 'acme');
  perform tests.create_user('gus', 'guest', 'acme');
  perform tests.create_user('sam', 'super_admin', null);
  update public.profiles set full_name = 'Quinn Zebulon-' || tests.salt(), phone = '+1 514 555 0199'
  where id = tests.get_user_id('quinn');
  update public.profiles set full_name = 'Pat Marchand-' || tests.salt(), phone = '+1 514 555 0142'
  where id = tests.get_user_id('pat');
  insert into public.courses (id, title_en, slug, category, level, duration_minutes, is_published)
  values (tests.id('course'), 'T270 course', tests.name('t270-course'), 'Foundations', 'Introductory', 10, true);
  insert into public.subscriptions (
    id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, plan_tier, plan_name,
    billing_interval, seat_count, amount_cents, status, current_period_start, current_period_end
  ) values (
    tests.id('sub'), tests.get_org_id('acme'), 'sub_t270_' || tests.salt(), 'cus_t270_' || tests.salt(),
    'price_t270', 'professional', 'Pro', 'year', 5, 0, 'active', now() - interval '1 day', now() + interval '1 year'
  );
  insert into public.subscription_seats (
    id, subscription_id, organization_id, assigned_to_user_id, assigned_to_email, assigned_by, assigned_at, status
  ) values
  (tests.id('seat:pat'), tests.id('sub'), tests.get_org_id('acme'), tests.get_user_id('pat'),
    tests.get_user_email('pat'), tests.get_user_id('ola'), now(), 'assigned'),
  (tests.id('seat:quinn'), tests.id('sub'), tests.get_org_id('acme'), tests.get_user_id('quinn'),
    tests.get_user_email('quinn'), tests.get_user_id('ola'), now(), 'assigned');
  update public.profiles set seat_id = tests.id('seat:' || u)
  from unnest(array['pat', 'quinn']) as u where id = tests.get_user_id(u);
  insert into public.bookmarks (user_id, resource_type, resource_id, notes)
  values (tests.get_user_id('pat'), 'course', tests.id('course'), 'pat bookmark note'),
  (tests.get_user_id('quinn'), 'course', tests.id('course'), 'quinn secret note ' || tests.salt());
  insert into public.saved_searches (user_id, name, filters)
  values (tests.get_user_id('pat'), 'pat search', '{}'), (tests.get_user_id('quinn'), 'quinn search', '{}');
  insert into public.ai_coaching_sessions (user_id, session_type, user_query, ai_response, ai_prompt)
  values (tests.get_user_id('pat'), 'custom', 'pat asks the coach', 'coach answers pat', 'SYSTEM PROMPT t270'),
  (tests.get_user_id('quinn'), 'custom', 'quinn asks', 'coach answers quinn', 'SYSTEM PROMPT t270');
  insert into public.progress (user_id, course_id, completion_percentage, notes)
  values (tests.get_user_id('pat'), tests.id('course'), 100, 'pat progress note');
  insert into public.certificates (user_id, course_id, issued_date)
  values (tests.get_user_id('pat'), tests.id('course'), current_date);
  insert into public.notifications (user_id, type, title, message)
  values (tests.get_user_id('pat'), 'system', 'Hello pat', 'm'), (tests.get_user_id('quinn'), 'system', 'Hi q', 'm');
  insert into public.onboarding (user_id, tour_completed) values (tests.get_user_id('pat'), true)
  on conflict (user_id) do nothing;
  insert into public.privacy_requests (user_id, organization_id, kind, details, due_at)
  values (tests.get_user_id('pat'), tests.get_org_id('acme'), 'rectification', 'fix my name',
    now() + interval '30 days');
  -- An audit row caused by pat (a role change pat made is impossible for a learner: use a server event in pat's name).
  perform set_config('request.jwt.claims', json_build_object('sub', tests.get_user_id('pat'), 'role',
    'authenticated')::text, true);
  perform private.record_audit_event('t270.event', 'profiles', tests.get_user_id('pat'), tests.get_org_id('acme'));
  perform set_config('request.jwt.claims', '', true);
end
$$;

-- Acting as pat (learner, acme)
-- (The document is kept in a transaction setting: the API roles create no temporary tables.)
do $$
begin
  perform tests.authenticate_as('pat');
  perform set_config('tests.t270_doc', public.export_my_data()::text, true);
  perform tests.clear_authentication();
end
$$;
create temporary view t270_doc as select current_setting('tests.t270_doc')::jsonb as doc;

select is(
  (select doc ->> 'format' || '/' || (doc ->> 'version') from t270_doc),
  'abr-insights.personal-data/1',
  'the document says its format and version'
);
select is(
  (select (doc -> 'subject' ->> 'user_id')::uuid from t270_doc), tests.get_user_id('pat'),
  'the document is about the caller'
);
select is_empty(
  $$select c.reason from private.personal_data_catalog() as c, t270_doc as d
    where c.disposition = 'exported'
      and d.doc #> string_to_array((regexp_match(c.reason, '^((collected|derived)\.[a-z_]+)'))[1], '.') is null$$,
  'every section the catalog names is in the document'
);
select is(
  (select doc -> 'collected' -> 'profile' ->> 'full_name' from t270_doc), 'Pat Marchand-' || tests.salt(),
  'collected: the profile as the person entered it'
);
select ok(
  (select doc -> 'collected' -> 'account' ->> 'email' = tests.get_user_email('pat')
     and doc -> 'collected' -> 'account' ? 'sign_up_data' from t270_doc),
  'collected: the sign-in account (email, what was given at sign-up)'
);
select results_eq(
  $$select jsonb_array_length(doc -> 'collected' -> 'bookmarks'), jsonb_array_length(doc -> 'collected' ->
    'saved_searches'), jsonb_array_length(doc -> 'collected' -> 'coaching_questions'),
    jsonb_array_length(doc -> 'collected' -> 'progress_notes'), jsonb_array_length(doc -> 'collected' ->
    'privacy_requests') from t270_doc$$,
  $$values (1, 1, 1, 1, 1)$$,
  'collected: exactly pat''s bookmark, saved search, coaching question, progress note and privacy request'
);
select results_eq(
  $$select jsonb_array_length(doc -> 'derived' -> 'progress'), jsonb_array_length(doc -> 'derived' ->
    'certificates'), jsonb_array_length(doc -> 'derived' -> 'coaching_answers'),
    jsonb_array_length(doc -> 'derived' -> 'notifications'), (doc -> 'derived' -> 'seat' ->> 'id')::uuid
    from t270_doc$$,
  $$values (1, 1, 1, 1, tests.id('seat:pat'))$$,
  'derived: pat''s progress, certificate, coach answer, notification and seat, marked derived'
);
select ok(
  (select jsonb_array_length(doc -> 'derived' -> 'audit_events_by_you') >= 1 from t270_doc),
  'derived: the audit events pat caused'
);
select ok(
  (select doc -> 'derived' -> 'certificates' -> 0 ->> 'holder_name' = 'Pat Marchand-' || tests.salt() from t270_doc),
  'derived: the certificate with the holder name as issued'
);
select ok(
  (select doc::text !~* (tests.get_user_id('quinn')::text || '|' || tests.get_user_email('quinn') || '|'
    || 'Zebulon|quinn secret note|quinn search|quinn asks|coach answers quinn|Hi q') from t270_doc),
  'nothing of quinn (same organization, same tables): not her id, email, name, bookmark, search, coaching or notice'
);
select ok(
  (select doc::text !~* (tests.get_user_id('ola')::text || '|' || tests.get_user_email('ola')) from t270_doc),
  'nothing of the org admin who assigned pat''s seat'
);
select ok(
  (select doc::text !~* '(encrypted_password|confirmation_token|recovery_token|SYSTEM PROMPT t270|token_hash)'
   from t270_doc),
  'no secrets: no password hash, auth token, invitation token hash or coach system prompt'
);
select ok(
  (select jsonb_array_length(doc -> 'excluded') >= 5 from t270_doc),
  'the document lists what it excludes, with reasons'
);
select results_eq(
  $$select count(*)::int from public.audit_logs
    where action = 'privacy.data_exported' and resource_id = tests.get_user_id('pat') and user_id =
      tests.get_user_id('pat')$$,
  array[1],
  'the export is audited once, as pat'
);
select ok(
  (select bool_and(changes::text !~* ('pat bookmark note|pat search|Marchand|' || tests.get_user_email('pat')))
   from public.audit_logs
   where action = 'privacy.data_exported' and resource_id = tests.get_user_id('pat')),
  'the audit row holds counts, not the document''s content'
);

-- Every role exports only itself
select tests.authenticate_as('quinn');
select is(
  (select (public.export_my_data() -> 'subject' ->> 'user_id')::uuid), tests.get_user_id('quinn'),
  'a learner''s export is their own'
);
select tests.authenticate_as('vic');
select is(
  (select (public.export_my_data() -> 'subject' ->> 'user_id')::uuid), tests.get_user_id('vic'),
  'a viewer exports their own data (a legal right, not a product write)'
);
select tests.authenticate_as('gus');
select is(
  (select (public.export_my_data() -> 'subject' ->> 'user_id')::uuid), tests.get_user_id('gus'),
  'a guest exports their own data'
);
select tests.authenticate_as('sam');
select ok(
  (select x::text !~* (tests.get_user_id('pat')::text || '|' || tests.get_user_email('pat'))
   from public.export_my_data() as x),
  'a super admin''s export holds only the super admin, never another person'
);
select tests.authenticate_as('ola');
select ok(
  (select x -> 'derived' -> 'seat' = 'null'::jsonb and x::text !~* tests.get_user_email('pat')
   from public.export_my_data() as x),
  'an org admin''s export does not hold the members they manage'
);
select tests.authenticate_as_anon();
select throws_ok($$select public.export_my_data()$$, '42501', null, 'anon cannot export (no execute: 42501)');
select tests.authenticate_as_service_role();
select throws_ok(
  $$select public.export_my_data()$$, '42501', null,
  'service_role cannot call export_my_data (it has no caller to export: 42501)'
);
select tests.clear_authentication();

select * from finish();
rollback;
