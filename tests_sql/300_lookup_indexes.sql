/*
  The lookups that read a whole table before migration 060_lookup_indexes, now served by an
  index (docs/BENCHMARKS.md, "How cost grows with data"): invite_member finds an address's live
  profile by its lower-cased email (idx_profiles_email_lower), export_my_data finds the audit
  rows about the caller by resource_id of any resource type (idx_audit_resource_id). The RPCs
  still answer as before (an address in capitals finds its profile); and each lookup, in the
  RPC's own text, is on its index's expression and predicate (checked on the definitions, not
  on a plan: over a few fixture rows the planner's choice of index is not stable). Speed
  itself is measured by `abr-db bench`, never here.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(8);

do $$
begin
  perform tests.create_org('t300');
  perform tests.create_user('t300-admin', 'org_admin', 't300');
  perform tests.create_user('t300-learner', 'learner', 't300');
  perform tests.create_org('t300b');
  perform tests.create_user('t300-other', 'learner', 't300b');
  insert into public.subscriptions (
    id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id, plan_tier, plan_name,
    billing_interval, seat_count, amount_cents, status, current_period_start, current_period_end
  ) values (
    tests.id('sub:t300'), tests.get_org_id('t300'), tests.name('sub_t300'), tests.name('cus_t300'), 'price_x',
    'professional', 'Professional', 'month', 4, 0, 'active', now(), now() + interval '1 month'
  );
  perform private.fit_seats_to_count(tests.id('sub:t300'), 4);
end
$$;

select has_index(
  'public', 'profiles', 'idx_profiles_email_lower', 'index idx_profiles_email_lower exists'
);
select has_index(
  'public', 'audit_logs', 'idx_audit_resource_id', 'index idx_audit_resource_id exists'
);

-- invite_member: the address's live profile through idx_profiles_email_lower -----------------------

select tests.authenticate_as('t300-admin');
select lives_ok(
  format('select public.invite_member(%L, %L)', 'New.Person@t300.test', 'learner'),
  'an org admin invites a new address'
);
select throws_ok(
  format('select public.invite_member(%L, %L)', upper(tests.get_user_email('t300-other')), 'learner'),
  '23505', 'this address belongs to another organization',
  'an address written in capitals still finds its profile (the lookup is by the lower-cased address)'
);
select throws_ok(
  format('select public.invite_member(%L, %L)', tests.get_user_email('t300-learner'), 'learner'),
  '23505', 'this address is already a member of your organization',
  'a member''s own address is found'
);
select tests.clear_authentication();
select ok(
  (
    select pg_catalog.pg_get_indexdef(i.indexrelid) like '%USING btree (lower(email)) WHERE (deleted_at IS NULL)'
    from pg_catalog.pg_index as i
    where i.indexrelid = 'public.idx_profiles_email_lower'::regclass
  )
  and pg_catalog.strpos(
    pg_catalog.pg_get_functiondef('private.invite_member(text, text, uuid)'::regprocedure),
    'where pg_catalog.lower(p.email) = v_email and p.deleted_at is null'
  ) > 0,
  'invite_member''s lookup (its text) is the expression and predicate of idx_profiles_email_lower'
);

-- export_my_data: the audit events about the caller through idx_audit_resource_id -------------------

select tests.authenticate_as('t300-learner');
select ok(
  (public.export_my_data()) ? 'derived',
  'the learner exports their data'
);
select tests.clear_authentication();
select ok(
  (
    select pg_catalog.pg_get_indexdef(i.indexrelid) like '%USING btree (resource_id)'
    from pg_catalog.pg_index as i
    where i.indexrelid = 'public.idx_audit_resource_id'::regclass
  )
  and pg_catalog.strpos(
    pg_catalog.pg_get_functiondef('private.export_my_data()'::regprocedure),
    'where al.resource_id = v_uid'
  ) > 0,
  'export_my_data''s read of the audit events about the caller (its text) is on the key of idx_audit_resource_id'
);

select * from finish();
rollback;
