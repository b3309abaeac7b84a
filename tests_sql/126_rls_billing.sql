/*
  subscriptions, invoices, payment_methods, usage_tracking: Stripe data,
  written only by the service role. org_admin reads own organization's rows
  of all four; compliance_officer reads own organization's invoices and
  usage; nobody else reads any (super_admin included: ACCESS.md gives it no
  billing rights); anon has nothing.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(159);

-- Arrange (as the superuser): two organizations and one user per role in
-- acme, the super admin in none, and three users in globex.
do $$
begin
  perform tests.create_org('acme');
  perform tests.create_org('globex');
  perform tests.create_user('super', 'super_admin');
  perform tests.create_user('compliance', 'compliance_officer', 'acme');
  perform tests.create_user('orgadmin', 'org_admin', 'acme');
  perform tests.create_user('analyst', 'analyst', 'acme');
  perform tests.create_user('investigator', 'investigator', 'acme');
  perform tests.create_user('educator', 'educator', 'acme');
  perform tests.create_user('learner', 'learner', 'acme');
  perform tests.create_user('viewer', 'viewer', 'acme');
  perform tests.create_user('guest', 'guest', 'acme');
  perform tests.create_user('g_admin', 'org_admin', 'globex');
  perform tests.create_user('g_compliance', 'compliance_officer', 'globex');
  perform tests.create_user('g_learner', 'learner', 'globex');
end
$$;

-- Billing for both organizations: a subscription, an invoice, a card and a usage row.
do $$
declare
  o text;
begin
  foreach o in array array['acme', 'globex'] loop
    insert into public.subscriptions (
      id, organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
      plan_tier, plan_name, billing_interval, seat_count, amount_cents, status,
      current_period_start, current_period_end
    ) values (
      tests.id('sub:' || o), tests.get_org_id(o), 'sub_' || o, 'cus_' || o, 'price_pro',
      'professional', 'Professional - Annual', 'year', 2, 199900, 'active',
      now(), now() + interval '1 year'
    );
    insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
      period_start, period_end)
    values (tests.id('sub:' || o), tests.get_org_id(o), 'in_' || o, 199900, 'paid', current_date, current_date + 365);
    insert into public.payment_methods (organization_id, stripe_payment_method_id, stripe_customer_id, card_brand,
      card_last4, is_default)
    values (tests.get_org_id(o), 'pm_' || o, 'cus_' || o, 'visa', '4242', true);
    insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
      period_end)
    values (tests.get_org_id(o), tests.id('sub:' || o), 'api_calls', 1200, 'count', current_date, current_date + 30);
  end loop;
end
$$;

-- Reads: (subscriptions, invoices, payment_methods, usage_tracking) ------------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$select 1 from public.subscriptions$$,
  '42501', null,
  'anon cannot read subscriptions (raises 42501)'
);
select throws_ok($$select 1 from public.invoices$$, '42501', null, 'anon cannot read invoices (raises 42501)');
select throws_ok(
  $$select 1 from public.payment_methods$$,
  '42501', null,
  'anon cannot read payment_methods (raises 42501)'
);
select throws_ok(
  $$select 1 from public.usage_tracking$$,
  '42501', null,
  'anon cannot read usage_tracking (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('super');
select results_eq(
  $$select (select count(*) from public.subscriptions)::int, (select count(*) from public.invoices)::int,
    (select count(*) from public.payment_methods)::int, (select count(*) from public.usage_tracking)::int$$,
  $$values (0, 0, 0, 0)$$,
  'a super admin reads no billing row'
);
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select results_eq(
  $$select (select count(*) from public.subscriptions)::int, (select count(*) from public.invoices)::int,
    (select count(*) from public.payment_methods)::int, (select count(*) from public.usage_tracking)::int$$,
  $$values (0, 1, 0, 1)$$,
  'a compliance officer reads own organization''s invoices and usage (not subscriptions or payment methods)'
);
select results_eq(
  $$select (select count(*) from public.subscriptions where organization_id <> private.current_org_id())::int,
    (select count(*) from public.invoices where organization_id <> private.current_org_id())::int,
    (select count(*) from public.payment_methods where organization_id <> private.current_org_id())::int,
    (select count(*) from public.usage_tracking where organization_id <> private.current_org_id())::int$$,
  $$values (0, 0, 0, 0)$$,
  'a compliance officer reads no billing row of the other organization'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select results_eq(
  $$select (select count(*) from public.subscriptions)::int, (select count(*) from public.invoices)::int,
    (select count(*) from public.payment_methods)::int, (select count(*) from public.usage_tracking)::int$$,
  $$values (1, 1, 1, 1)$$,
  'an org admin reads own organization''s every billing table'
);
select results_eq(
  $$select (select count(*) from public.subscriptions where organization_id <> private.current_org_id())::int,
    (select count(*) from public.invoices where organization_id <> private.current_org_id())::int,
    (select count(*) from public.payment_methods where organization_id <> private.current_org_id())::int,
    (select count(*) from public.usage_tracking where organization_id <> private.current_org_id())::int$$,
  $$values (0, 0, 0, 0)$$,
  'an org admin reads no billing row of the other organization'
);
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select results_eq(
  $$select (select count(*) from public.subscriptions)::int, (select count(*) from public.invoices)::int,
    (select count(*) from public.payment_methods)::int, (select count(*) from public.usage_tracking)::int$$,
  $$values (0, 0, 0, 0)$$,
  'an analyst reads no billing row'
);
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select results_eq(
  $$select (select count(*) from public.subscriptions)::int, (select count(*) from public.invoices)::int,
    (select count(*) from public.payment_methods)::int, (select count(*) from public.usage_tracking)::int$$,
  $$values (0, 0, 0, 0)$$,
  'an investigator reads no billing row'
);
select tests.clear_authentication();

select tests.authenticate_as('educator');
select results_eq(
  $$select (select count(*) from public.subscriptions)::int, (select count(*) from public.invoices)::int,
    (select count(*) from public.payment_methods)::int, (select count(*) from public.usage_tracking)::int$$,
  $$values (0, 0, 0, 0)$$,
  'an educator reads no billing row'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select results_eq(
  $$select (select count(*) from public.subscriptions)::int, (select count(*) from public.invoices)::int,
    (select count(*) from public.payment_methods)::int, (select count(*) from public.usage_tracking)::int$$,
  $$values (0, 0, 0, 0)$$,
  'a learner reads no billing row'
);
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select results_eq(
  $$select (select count(*) from public.subscriptions)::int, (select count(*) from public.invoices)::int,
    (select count(*) from public.payment_methods)::int, (select count(*) from public.usage_tracking)::int$$,
  $$values (0, 0, 0, 0)$$,
  'a viewer reads no billing row'
);
select tests.clear_authentication();

select tests.authenticate_as('guest');
select results_eq(
  $$select (select count(*) from public.subscriptions)::int, (select count(*) from public.invoices)::int,
    (select count(*) from public.payment_methods)::int, (select count(*) from public.usage_tracking)::int$$,
  $$values (0, 0, 0, 0)$$,
  'a guest reads no billing row'
);
select tests.clear_authentication();

select tests.authenticate_as('g_admin');
select results_eq(
  $$select (select count(*) from public.subscriptions)::int, (select count(*) from public.invoices)::int,
    (select count(*) from public.payment_methods)::int, (select count(*) from public.usage_tracking)::int$$,
  $$values (1, 1, 1, 1)$$,
  'an org admin of globex reads own organization''s every billing table'
);
select results_eq(
  $$select (select count(*) from public.subscriptions where organization_id <> private.current_org_id())::int,
    (select count(*) from public.invoices where organization_id <> private.current_org_id())::int,
    (select count(*) from public.payment_methods where organization_id <> private.current_org_id())::int,
    (select count(*) from public.usage_tracking where organization_id <> private.current_org_id())::int$$,
  $$values (0, 0, 0, 0)$$,
  'an org admin of globex reads no billing row of the other organization'
);
select tests.clear_authentication();

select tests.authenticate_as('g_compliance');
select results_eq(
  $$select (select count(*) from public.subscriptions)::int, (select count(*) from public.invoices)::int,
    (select count(*) from public.payment_methods)::int, (select count(*) from public.usage_tracking)::int$$,
  $$values (0, 1, 0, 1)$$,
  'a compliance officer of globex reads own organization''s invoices and usage (not subscriptions or payment methods)'
);
select results_eq(
  $$select (select count(*) from public.subscriptions where organization_id <> private.current_org_id())::int,
    (select count(*) from public.invoices where organization_id <> private.current_org_id())::int,
    (select count(*) from public.payment_methods where organization_id <> private.current_org_id())::int,
    (select count(*) from public.usage_tracking where organization_id <> private.current_org_id())::int$$,
  $$values (0, 0, 0, 0)$$,
  'a compliance officer of globex reads no billing row of the other organization'
);
select tests.clear_authentication();

select tests.authenticate_as('g_learner');
select results_eq(
  $$select (select count(*) from public.subscriptions)::int, (select count(*) from public.invoices)::int,
    (select count(*) from public.payment_methods)::int, (select count(*) from public.usage_tracking)::int$$,
  $$values (0, 0, 0, 0)$$,
  'a learner of globex reads no billing row'
);
select tests.clear_authentication();

select tests.authenticate_as_service_role();
select results_eq(
  $$select (select count(*) from public.subscriptions where organization_id = any(tests.fixture_org_ids()))::int,
    (select count(*) from public.invoices where organization_id = any(tests.fixture_org_ids()))::int,
    (select count(*) from public.payment_methods where organization_id = any(tests.fixture_org_ids()))::int,
    (select count(*) from public.usage_tracking where organization_id = any(tests.fixture_org_ids()))::int$$,
  $$values (2, 2, 2, 2)$$,
  'the service role reads every billing row'
);
select tests.clear_authentication();

-- Writes: only the service role (Stripe webhooks) ----------------------------------------

select tests.authenticate_as_anon();
select throws_ok(
  $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
    plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end) select id,
    'sub_x', 'cus_x', 'p', 'free', 'Free', 'month', 0, 'active', now(), now() from public.organizations limit 1$$,
  '42501', null,
  'anon cannot insert into subscriptions (raises 42501)'
);
select throws_ok(
  $$update public.subscriptions set seat_count = 1000$$,
  '42501', null,
  'anon cannot update subscriptions (raises 42501)'
);
select throws_ok(
  $$delete from public.subscriptions$$,
  '42501', null,
  'anon cannot delete from subscriptions (raises 42501)'
);
select throws_ok(
  $$insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
    period_start, period_end) values (tests.id('sub:acme'), tests.get_org_id('acme'), 'in_x', 0, 'void', current_date,
    current_date)$$,
  '42501', null,
  'anon cannot insert into invoices (raises 42501)'
);
select throws_ok(
  $$update public.invoices set status = 'void'$$,
  '42501', null,
  'anon cannot update invoices (raises 42501)'
);
select throws_ok($$delete from public.invoices$$, '42501', null, 'anon cannot delete from invoices (raises 42501)');
select throws_ok(
  $$insert into public.payment_methods (organization_id, stripe_payment_method_id,
    stripe_customer_id) values (tests.get_org_id('acme'), 'pm_x', 'cus_x')$$,
  '42501', null,
  'anon cannot insert into payment_methods (raises 42501)'
);
select throws_ok(
  $$update public.payment_methods set is_active = false$$,
  '42501', null,
  'anon cannot update payment_methods (raises 42501)'
);
select throws_ok(
  $$delete from public.payment_methods$$,
  '42501', null,
  'anon cannot delete from payment_methods (raises 42501)'
);
select throws_ok(
  $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
    period_end) values (tests.get_org_id('acme'), tests.id('sub:acme'), 'api_calls', 1, 'count', current_date,
    current_date)$$,
  '42501', null,
  'anon cannot insert into usage_tracking (raises 42501)'
);
select throws_ok(
  $$update public.usage_tracking set quantity = 0$$,
  '42501', null,
  'anon cannot update usage_tracking (raises 42501)'
);
select throws_ok(
  $$delete from public.usage_tracking$$,
  '42501', null,
  'anon cannot delete from usage_tracking (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('super');
select throws_ok(
  $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
    plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end) select id,
    'sub_x', 'cus_x', 'p', 'free', 'Free', 'month', 0, 'active', now(), now() from public.organizations limit 1$$,
  '42501', null,
  'a super admin cannot insert into subscriptions (raises 42501)'
);
select throws_ok(
  $$update public.subscriptions set seat_count = 1000$$,
  '42501', null,
  'a super admin cannot update subscriptions (raises 42501)'
);
select throws_ok(
  $$delete from public.subscriptions$$,
  '42501', null,
  'a super admin cannot delete from subscriptions (raises 42501)'
);
select throws_ok(
  $$insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
    period_start, period_end) values (tests.id('sub:acme'), tests.get_org_id('acme'), 'in_x', 0, 'void', current_date,
    current_date)$$,
  '42501', null,
  'a super admin cannot insert into invoices (raises 42501)'
);
select throws_ok(
  $$update public.invoices set status = 'void'$$,
  '42501', null,
  'a super admin cannot update invoices (raises 42501)'
);
select throws_ok(
  $$delete from public.invoices$$,
  '42501', null,
  'a super admin cannot delete from invoices (raises 42501)'
);
select throws_ok(
  $$insert into public.payment_methods (organization_id, stripe_payment_method_id,
    stripe_customer_id) values (tests.get_org_id('acme'), 'pm_x', 'cus_x')$$,
  '42501', null,
  'a super admin cannot insert into payment_methods (raises 42501)'
);
select throws_ok(
  $$update public.payment_methods set is_active = false$$,
  '42501', null,
  'a super admin cannot update payment_methods (raises 42501)'
);
select throws_ok(
  $$delete from public.payment_methods$$,
  '42501', null,
  'a super admin cannot delete from payment_methods (raises 42501)'
);
select throws_ok(
  $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
    period_end) values (tests.get_org_id('acme'), tests.id('sub:acme'), 'api_calls', 1, 'count', current_date,
    current_date)$$,
  '42501', null,
  'a super admin cannot insert into usage_tracking (raises 42501)'
);
select throws_ok(
  $$update public.usage_tracking set quantity = 0$$,
  '42501', null,
  'a super admin cannot update usage_tracking (raises 42501)'
);
select throws_ok(
  $$delete from public.usage_tracking$$,
  '42501', null,
  'a super admin cannot delete from usage_tracking (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('compliance');
select throws_ok(
  $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
    plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end) select id,
    'sub_x', 'cus_x', 'p', 'free', 'Free', 'month', 0, 'active', now(), now() from public.organizations limit 1$$,
  '42501', null,
  'a compliance officer cannot insert into subscriptions (raises 42501)'
);
select throws_ok(
  $$update public.subscriptions set seat_count = 1000$$,
  '42501', null,
  'a compliance officer cannot update subscriptions (raises 42501)'
);
select throws_ok(
  $$delete from public.subscriptions$$,
  '42501', null,
  'a compliance officer cannot delete from subscriptions (raises 42501)'
);
select throws_ok(
  $$insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
    period_start, period_end) values (tests.id('sub:acme'), tests.get_org_id('acme'), 'in_x', 0, 'void', current_date,
    current_date)$$,
  '42501', null,
  'a compliance officer cannot insert into invoices (raises 42501)'
);
select throws_ok(
  $$update public.invoices set status = 'void'$$,
  '42501', null,
  'a compliance officer cannot update invoices (raises 42501)'
);
select throws_ok(
  $$delete from public.invoices$$,
  '42501', null,
  'a compliance officer cannot delete from invoices (raises 42501)'
);
select throws_ok(
  $$insert into public.payment_methods (organization_id, stripe_payment_method_id,
    stripe_customer_id) values (tests.get_org_id('acme'), 'pm_x', 'cus_x')$$,
  '42501', null,
  'a compliance officer cannot insert into payment_methods (raises 42501)'
);
select throws_ok(
  $$update public.payment_methods set is_active = false$$,
  '42501', null,
  'a compliance officer cannot update payment_methods (raises 42501)'
);
select throws_ok(
  $$delete from public.payment_methods$$,
  '42501', null,
  'a compliance officer cannot delete from payment_methods (raises 42501)'
);
select throws_ok(
  $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
    period_end) values (tests.get_org_id('acme'), tests.id('sub:acme'), 'api_calls', 1, 'count', current_date,
    current_date)$$,
  '42501', null,
  'a compliance officer cannot insert into usage_tracking (raises 42501)'
);
select throws_ok(
  $$update public.usage_tracking set quantity = 0$$,
  '42501', null,
  'a compliance officer cannot update usage_tracking (raises 42501)'
);
select throws_ok(
  $$delete from public.usage_tracking$$,
  '42501', null,
  'a compliance officer cannot delete from usage_tracking (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('orgadmin');
select throws_ok(
  $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
    plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end) select id,
    'sub_x', 'cus_x', 'p', 'free', 'Free', 'month', 0, 'active', now(), now() from public.organizations limit 1$$,
  '42501', null,
  'an org admin cannot insert into subscriptions (raises 42501)'
);
select throws_ok(
  $$update public.subscriptions set seat_count = 1000$$,
  '42501', null,
  'an org admin cannot update subscriptions (raises 42501)'
);
select throws_ok(
  $$delete from public.subscriptions$$,
  '42501', null,
  'an org admin cannot delete from subscriptions (raises 42501)'
);
select throws_ok(
  $$insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
    period_start, period_end) values (tests.id('sub:acme'), tests.get_org_id('acme'), 'in_x', 0, 'void', current_date,
    current_date)$$,
  '42501', null,
  'an org admin cannot insert into invoices (raises 42501)'
);
select throws_ok(
  $$update public.invoices set status = 'void'$$,
  '42501', null,
  'an org admin cannot update invoices (raises 42501)'
);
select throws_ok(
  $$delete from public.invoices$$,
  '42501', null,
  'an org admin cannot delete from invoices (raises 42501)'
);
select throws_ok(
  $$insert into public.payment_methods (organization_id, stripe_payment_method_id,
    stripe_customer_id) values (tests.get_org_id('acme'), 'pm_x', 'cus_x')$$,
  '42501', null,
  'an org admin cannot insert into payment_methods (raises 42501)'
);
select throws_ok(
  $$update public.payment_methods set is_active = false$$,
  '42501', null,
  'an org admin cannot update payment_methods (raises 42501)'
);
select throws_ok(
  $$delete from public.payment_methods$$,
  '42501', null,
  'an org admin cannot delete from payment_methods (raises 42501)'
);
select throws_ok(
  $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
    period_end) values (tests.get_org_id('acme'), tests.id('sub:acme'), 'api_calls', 1, 'count', current_date,
    current_date)$$,
  '42501', null,
  'an org admin cannot insert into usage_tracking (raises 42501)'
);
select throws_ok(
  $$update public.usage_tracking set quantity = 0$$,
  '42501', null,
  'an org admin cannot update usage_tracking (raises 42501)'
);
select throws_ok(
  $$delete from public.usage_tracking$$,
  '42501', null,
  'an org admin cannot delete from usage_tracking (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('analyst');
select throws_ok(
  $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
    plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end) select id,
    'sub_x', 'cus_x', 'p', 'free', 'Free', 'month', 0, 'active', now(), now() from public.organizations limit 1$$,
  '42501', null,
  'an analyst cannot insert into subscriptions (raises 42501)'
);
select throws_ok(
  $$update public.subscriptions set seat_count = 1000$$,
  '42501', null,
  'an analyst cannot update subscriptions (raises 42501)'
);
select throws_ok(
  $$delete from public.subscriptions$$,
  '42501', null,
  'an analyst cannot delete from subscriptions (raises 42501)'
);
select throws_ok(
  $$insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
    period_start, period_end) values (tests.id('sub:acme'), tests.get_org_id('acme'), 'in_x', 0, 'void', current_date,
    current_date)$$,
  '42501', null,
  'an analyst cannot insert into invoices (raises 42501)'
);
select throws_ok(
  $$update public.invoices set status = 'void'$$,
  '42501', null,
  'an analyst cannot update invoices (raises 42501)'
);
select throws_ok(
  $$delete from public.invoices$$,
  '42501', null,
  'an analyst cannot delete from invoices (raises 42501)'
);
select throws_ok(
  $$insert into public.payment_methods (organization_id, stripe_payment_method_id,
    stripe_customer_id) values (tests.get_org_id('acme'), 'pm_x', 'cus_x')$$,
  '42501', null,
  'an analyst cannot insert into payment_methods (raises 42501)'
);
select throws_ok(
  $$update public.payment_methods set is_active = false$$,
  '42501', null,
  'an analyst cannot update payment_methods (raises 42501)'
);
select throws_ok(
  $$delete from public.payment_methods$$,
  '42501', null,
  'an analyst cannot delete from payment_methods (raises 42501)'
);
select throws_ok(
  $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
    period_end) values (tests.get_org_id('acme'), tests.id('sub:acme'), 'api_calls', 1, 'count', current_date,
    current_date)$$,
  '42501', null,
  'an analyst cannot insert into usage_tracking (raises 42501)'
);
select throws_ok(
  $$update public.usage_tracking set quantity = 0$$,
  '42501', null,
  'an analyst cannot update usage_tracking (raises 42501)'
);
select throws_ok(
  $$delete from public.usage_tracking$$,
  '42501', null,
  'an analyst cannot delete from usage_tracking (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('investigator');
select throws_ok(
  $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
    plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end) select id,
    'sub_x', 'cus_x', 'p', 'free', 'Free', 'month', 0, 'active', now(), now() from public.organizations limit 1$$,
  '42501', null,
  'an investigator cannot insert into subscriptions (raises 42501)'
);
select throws_ok(
  $$update public.subscriptions set seat_count = 1000$$,
  '42501', null,
  'an investigator cannot update subscriptions (raises 42501)'
);
select throws_ok(
  $$delete from public.subscriptions$$,
  '42501', null,
  'an investigator cannot delete from subscriptions (raises 42501)'
);
select throws_ok(
  $$insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
    period_start, period_end) values (tests.id('sub:acme'), tests.get_org_id('acme'), 'in_x', 0, 'void', current_date,
    current_date)$$,
  '42501', null,
  'an investigator cannot insert into invoices (raises 42501)'
);
select throws_ok(
  $$update public.invoices set status = 'void'$$,
  '42501', null,
  'an investigator cannot update invoices (raises 42501)'
);
select throws_ok(
  $$delete from public.invoices$$,
  '42501', null,
  'an investigator cannot delete from invoices (raises 42501)'
);
select throws_ok(
  $$insert into public.payment_methods (organization_id, stripe_payment_method_id,
    stripe_customer_id) values (tests.get_org_id('acme'), 'pm_x', 'cus_x')$$,
  '42501', null,
  'an investigator cannot insert into payment_methods (raises 42501)'
);
select throws_ok(
  $$update public.payment_methods set is_active = false$$,
  '42501', null,
  'an investigator cannot update payment_methods (raises 42501)'
);
select throws_ok(
  $$delete from public.payment_methods$$,
  '42501', null,
  'an investigator cannot delete from payment_methods (raises 42501)'
);
select throws_ok(
  $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
    period_end) values (tests.get_org_id('acme'), tests.id('sub:acme'), 'api_calls', 1, 'count', current_date,
    current_date)$$,
  '42501', null,
  'an investigator cannot insert into usage_tracking (raises 42501)'
);
select throws_ok(
  $$update public.usage_tracking set quantity = 0$$,
  '42501', null,
  'an investigator cannot update usage_tracking (raises 42501)'
);
select throws_ok(
  $$delete from public.usage_tracking$$,
  '42501', null,
  'an investigator cannot delete from usage_tracking (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('educator');
select throws_ok(
  $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
    plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end) select id,
    'sub_x', 'cus_x', 'p', 'free', 'Free', 'month', 0, 'active', now(), now() from public.organizations limit 1$$,
  '42501', null,
  'an educator cannot insert into subscriptions (raises 42501)'
);
select throws_ok(
  $$update public.subscriptions set seat_count = 1000$$,
  '42501', null,
  'an educator cannot update subscriptions (raises 42501)'
);
select throws_ok(
  $$delete from public.subscriptions$$,
  '42501', null,
  'an educator cannot delete from subscriptions (raises 42501)'
);
select throws_ok(
  $$insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
    period_start, period_end) values (tests.id('sub:acme'), tests.get_org_id('acme'), 'in_x', 0, 'void', current_date,
    current_date)$$,
  '42501', null,
  'an educator cannot insert into invoices (raises 42501)'
);
select throws_ok(
  $$update public.invoices set status = 'void'$$,
  '42501', null,
  'an educator cannot update invoices (raises 42501)'
);
select throws_ok(
  $$delete from public.invoices$$,
  '42501', null,
  'an educator cannot delete from invoices (raises 42501)'
);
select throws_ok(
  $$insert into public.payment_methods (organization_id, stripe_payment_method_id,
    stripe_customer_id) values (tests.get_org_id('acme'), 'pm_x', 'cus_x')$$,
  '42501', null,
  'an educator cannot insert into payment_methods (raises 42501)'
);
select throws_ok(
  $$update public.payment_methods set is_active = false$$,
  '42501', null,
  'an educator cannot update payment_methods (raises 42501)'
);
select throws_ok(
  $$delete from public.payment_methods$$,
  '42501', null,
  'an educator cannot delete from payment_methods (raises 42501)'
);
select throws_ok(
  $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
    period_end) values (tests.get_org_id('acme'), tests.id('sub:acme'), 'api_calls', 1, 'count', current_date,
    current_date)$$,
  '42501', null,
  'an educator cannot insert into usage_tracking (raises 42501)'
);
select throws_ok(
  $$update public.usage_tracking set quantity = 0$$,
  '42501', null,
  'an educator cannot update usage_tracking (raises 42501)'
);
select throws_ok(
  $$delete from public.usage_tracking$$,
  '42501', null,
  'an educator cannot delete from usage_tracking (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('learner');
select throws_ok(
  $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
    plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end) select id,
    'sub_x', 'cus_x', 'p', 'free', 'Free', 'month', 0, 'active', now(), now() from public.organizations limit 1$$,
  '42501', null,
  'a learner cannot insert into subscriptions (raises 42501)'
);
select throws_ok(
  $$update public.subscriptions set seat_count = 1000$$,
  '42501', null,
  'a learner cannot update subscriptions (raises 42501)'
);
select throws_ok(
  $$delete from public.subscriptions$$,
  '42501', null,
  'a learner cannot delete from subscriptions (raises 42501)'
);
select throws_ok(
  $$insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
    period_start, period_end) values (tests.id('sub:acme'), tests.get_org_id('acme'), 'in_x', 0, 'void', current_date,
    current_date)$$,
  '42501', null,
  'a learner cannot insert into invoices (raises 42501)'
);
select throws_ok(
  $$update public.invoices set status = 'void'$$,
  '42501', null,
  'a learner cannot update invoices (raises 42501)'
);
select throws_ok(
  $$delete from public.invoices$$,
  '42501', null,
  'a learner cannot delete from invoices (raises 42501)'
);
select throws_ok(
  $$insert into public.payment_methods (organization_id, stripe_payment_method_id,
    stripe_customer_id) values (tests.get_org_id('acme'), 'pm_x', 'cus_x')$$,
  '42501', null,
  'a learner cannot insert into payment_methods (raises 42501)'
);
select throws_ok(
  $$update public.payment_methods set is_active = false$$,
  '42501', null,
  'a learner cannot update payment_methods (raises 42501)'
);
select throws_ok(
  $$delete from public.payment_methods$$,
  '42501', null,
  'a learner cannot delete from payment_methods (raises 42501)'
);
select throws_ok(
  $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
    period_end) values (tests.get_org_id('acme'), tests.id('sub:acme'), 'api_calls', 1, 'count', current_date,
    current_date)$$,
  '42501', null,
  'a learner cannot insert into usage_tracking (raises 42501)'
);
select throws_ok(
  $$update public.usage_tracking set quantity = 0$$,
  '42501', null,
  'a learner cannot update usage_tracking (raises 42501)'
);
select throws_ok(
  $$delete from public.usage_tracking$$,
  '42501', null,
  'a learner cannot delete from usage_tracking (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('viewer');
select throws_ok(
  $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
    plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end) select id,
    'sub_x', 'cus_x', 'p', 'free', 'Free', 'month', 0, 'active', now(), now() from public.organizations limit 1$$,
  '42501', null,
  'a viewer cannot insert into subscriptions (raises 42501)'
);
select throws_ok(
  $$update public.subscriptions set seat_count = 1000$$,
  '42501', null,
  'a viewer cannot update subscriptions (raises 42501)'
);
select throws_ok(
  $$delete from public.subscriptions$$,
  '42501', null,
  'a viewer cannot delete from subscriptions (raises 42501)'
);
select throws_ok(
  $$insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
    period_start, period_end) values (tests.id('sub:acme'), tests.get_org_id('acme'), 'in_x', 0, 'void', current_date,
    current_date)$$,
  '42501', null,
  'a viewer cannot insert into invoices (raises 42501)'
);
select throws_ok(
  $$update public.invoices set status = 'void'$$,
  '42501', null,
  'a viewer cannot update invoices (raises 42501)'
);
select throws_ok($$delete from public.invoices$$, '42501', null, 'a viewer cannot delete from invoices (raises 42501)');
select throws_ok(
  $$insert into public.payment_methods (organization_id, stripe_payment_method_id,
    stripe_customer_id) values (tests.get_org_id('acme'), 'pm_x', 'cus_x')$$,
  '42501', null,
  'a viewer cannot insert into payment_methods (raises 42501)'
);
select throws_ok(
  $$update public.payment_methods set is_active = false$$,
  '42501', null,
  'a viewer cannot update payment_methods (raises 42501)'
);
select throws_ok(
  $$delete from public.payment_methods$$,
  '42501', null,
  'a viewer cannot delete from payment_methods (raises 42501)'
);
select throws_ok(
  $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
    period_end) values (tests.get_org_id('acme'), tests.id('sub:acme'), 'api_calls', 1, 'count', current_date,
    current_date)$$,
  '42501', null,
  'a viewer cannot insert into usage_tracking (raises 42501)'
);
select throws_ok(
  $$update public.usage_tracking set quantity = 0$$,
  '42501', null,
  'a viewer cannot update usage_tracking (raises 42501)'
);
select throws_ok(
  $$delete from public.usage_tracking$$,
  '42501', null,
  'a viewer cannot delete from usage_tracking (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('guest');
select throws_ok(
  $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
    plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end) select id,
    'sub_x', 'cus_x', 'p', 'free', 'Free', 'month', 0, 'active', now(), now() from public.organizations limit 1$$,
  '42501', null,
  'a guest cannot insert into subscriptions (raises 42501)'
);
select throws_ok(
  $$update public.subscriptions set seat_count = 1000$$,
  '42501', null,
  'a guest cannot update subscriptions (raises 42501)'
);
select throws_ok(
  $$delete from public.subscriptions$$,
  '42501', null,
  'a guest cannot delete from subscriptions (raises 42501)'
);
select throws_ok(
  $$insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
    period_start, period_end) values (tests.id('sub:acme'), tests.get_org_id('acme'), 'in_x', 0, 'void', current_date,
    current_date)$$,
  '42501', null,
  'a guest cannot insert into invoices (raises 42501)'
);
select throws_ok(
  $$update public.invoices set status = 'void'$$,
  '42501', null,
  'a guest cannot update invoices (raises 42501)'
);
select throws_ok($$delete from public.invoices$$, '42501', null, 'a guest cannot delete from invoices (raises 42501)');
select throws_ok(
  $$insert into public.payment_methods (organization_id, stripe_payment_method_id,
    stripe_customer_id) values (tests.get_org_id('acme'), 'pm_x', 'cus_x')$$,
  '42501', null,
  'a guest cannot insert into payment_methods (raises 42501)'
);
select throws_ok(
  $$update public.payment_methods set is_active = false$$,
  '42501', null,
  'a guest cannot update payment_methods (raises 42501)'
);
select throws_ok(
  $$delete from public.payment_methods$$,
  '42501', null,
  'a guest cannot delete from payment_methods (raises 42501)'
);
select throws_ok(
  $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
    period_end) values (tests.get_org_id('acme'), tests.id('sub:acme'), 'api_calls', 1, 'count', current_date,
    current_date)$$,
  '42501', null,
  'a guest cannot insert into usage_tracking (raises 42501)'
);
select throws_ok(
  $$update public.usage_tracking set quantity = 0$$,
  '42501', null,
  'a guest cannot update usage_tracking (raises 42501)'
);
select throws_ok(
  $$delete from public.usage_tracking$$,
  '42501', null,
  'a guest cannot delete from usage_tracking (raises 42501)'
);
select tests.clear_authentication();

select tests.authenticate_as('g_admin');
select throws_ok(
  $$insert into public.subscriptions (organization_id, stripe_subscription_id, stripe_customer_id, stripe_price_id,
    plan_tier, plan_name, billing_interval, amount_cents, status, current_period_start, current_period_end) select id,
    'sub_x', 'cus_x', 'p', 'free', 'Free', 'month', 0, 'active', now(), now() from public.organizations limit 1$$,
  '42501', null,
  'an org admin of globex cannot insert into subscriptions (raises 42501)'
);
select throws_ok(
  $$update public.subscriptions set seat_count = 1000$$,
  '42501', null,
  'an org admin of globex cannot update subscriptions (raises 42501)'
);
select throws_ok(
  $$delete from public.subscriptions$$,
  '42501', null,
  'an org admin of globex cannot delete from subscriptions (raises 42501)'
);
select throws_ok(
  $$insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
    period_start, period_end) values (tests.id('sub:acme'), tests.get_org_id('acme'), 'in_x', 0, 'void', current_date,
    current_date)$$,
  '42501', null,
  'an org admin of globex cannot insert into invoices (raises 42501)'
);
select throws_ok(
  $$update public.invoices set status = 'void'$$,
  '42501', null,
  'an org admin of globex cannot update invoices (raises 42501)'
);
select throws_ok(
  $$delete from public.invoices$$,
  '42501', null,
  'an org admin of globex cannot delete from invoices (raises 42501)'
);
select throws_ok(
  $$insert into public.payment_methods (organization_id, stripe_payment_method_id,
    stripe_customer_id) values (tests.get_org_id('acme'), 'pm_x', 'cus_x')$$,
  '42501', null,
  'an org admin of globex cannot insert into payment_methods (raises 42501)'
);
select throws_ok(
  $$update public.payment_methods set is_active = false$$,
  '42501', null,
  'an org admin of globex cannot update payment_methods (raises 42501)'
);
select throws_ok(
  $$delete from public.payment_methods$$,
  '42501', null,
  'an org admin of globex cannot delete from payment_methods (raises 42501)'
);
select throws_ok(
  $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
    period_end) values (tests.get_org_id('acme'), tests.id('sub:acme'), 'api_calls', 1, 'count', current_date,
    current_date)$$,
  '42501', null,
  'an org admin of globex cannot insert into usage_tracking (raises 42501)'
);
select throws_ok(
  $$update public.usage_tracking set quantity = 0$$,
  '42501', null,
  'an org admin of globex cannot update usage_tracking (raises 42501)'
);
select throws_ok(
  $$delete from public.usage_tracking$$,
  '42501', null,
  'an org admin of globex cannot delete from usage_tracking (raises 42501)'
);
select tests.clear_authentication();

select results_eq(
  $$select seat_count, (select count(*) from public.invoices where status = 'paid' and organization_id
    = any(tests.fixture_org_ids()))::int from public.subscriptions where organization_id = tests.get_org_id('acme')$$,
  $$values (2, 2)$$,
  'the denied writes changed nothing'
);

select tests.authenticate_as_service_role();
select lives_ok(
  $$insert into public.invoices (subscription_id, organization_id, stripe_invoice_id, amount_cents, status,
    period_start, period_end) values (tests.id('sub:acme'), tests.get_org_id('acme'), 'in_x', 0, 'void', current_date,
    current_date)$$,
  'the service role (Stripe webhook) inserts an invoice'
);
select results_eq(
  $$update public.subscriptions set status = 'past_due' where stripe_subscription_id = 'sub_acme' returning 1$$,
  $$values (1)$$,
  'the service role updates a subscription'
);
select results_eq(
  $$update public.payment_methods set card_exp_year = 2031 where stripe_payment_method_id = 'pm_acme' returning 1$$,
  $$values (1)$$,
  'the service role updates a payment method'
);
select lives_ok(
  $$insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit, period_start,
    period_end) values (tests.get_org_id('acme'), tests.id('sub:acme'), 'api_calls', 1, 'count', current_date,
    current_date)$$,
  'the service role records usage'
);
select results_eq(
  $$delete from public.invoices where stripe_invoice_id = 'in_x' returning 1$$,
  $$values (1)$$,
  'the service role deletes an invoice'
);
select tests.clear_authentication();

select * from finish();
rollback;
