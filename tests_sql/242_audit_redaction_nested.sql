/*
  Billing data never reaches the audit trail in clear, at any depth: a
  webhook-shaped payload given to record_audit_event (nested objects and
  arrays) keeps its shape but loses every Stripe object id (by value: cus_,
  sub_, pm_, in_, pi_, ch_, price_, prod_, seti_, evt_ ...), card details
  (last4), customers, payment methods and amounts (total, subtotal, amount*);
  ordinary values (statuses like in_progress, slugs, event types) stay
  readable. What compliance officers read through org_audit_trail is what is
  stored. The row-change trigger redacts the same way.
*/
begin;
\ir helpers/supabase_test_helpers.sql
select plan(9);

do $$
begin
  perform tests.create_org('t242-acme');
  perform tests.create_user('t242-cora', 'compliance_officer', 't242-acme');
end
$$;

select tests.authenticate_as_service_role();
select lives_ok(
  $$select public.record_audit_event(
      'stripe.invoice_paid', 'invoices', md5('t242:event')::uuid, tests.get_org_id('t242-acme'),
      '{
        "type": "invoice.paid",
        "status": "in_progress",
        "course_slug": "in_person",
        "note": "paid by evt_1NG8Du2eZvKYlo2CQ3x on behalf of cus_NffrFeUfNV2Hib",
        "data": {"object": {
          "id": "in_1MtHbELkdIwHu7ixl4OzzPMv",
          "customer": "cus_NffrFeUfNV2Hib",
          "subscription": "sub_1MowQVLkdIwHu7ixeRlqHVzs",
          "payment_intent": "pi_3MtwBwLkdIwHu7ix28a3tqPa",
          "charge": "ch_3MmlLrLkdIwHu7ix0snN0B15",
          "setup": "seti_1Mm8s8LkdIwHu7ix0OXBfTRG",
          "total": 5000,
          "subtotal": 4500,
          "currency": "cad",
          "lines": [
            {"price": {"id": "price_1MoBy5LkdIwHu7ixZhnattbh", "product": "prod_NWjs8kKbJWmuuc"},
             "amount": 4500, "description": "Team plan"},
            "pm_1MqLiJLkdIwHu7ixUEgbFdYF"
          ],
          "default_payment_method": {"card": {"brand": "visa", "last4": "4242", "exp_month": 8}},
          "payment_settings": {"payment_method_types": ["card"], "last4": "4242"}
        }}
      }', 'info', true
    )$$,
  'the service role records a webhook-shaped event'
);
select tests.clear_authentication();

create temporary table t242_row as
select a.changes from public.audit_logs as a
where a.resource_id = md5('t242:event')::uuid;

select is_empty(
  $$select s from t242_row as r, jsonb_path_query(r.changes, 'strict $.**') as s
    where jsonb_typeof(s) = 'string'
      and s #>> '{}' ~ '(cus|sub|pm|in|pi|ch|price|prod|seti|evt)_[A-Za-z0-9]*[0-9A-Z]'$$,
  'no string anywhere in the stored changes holds a Stripe id'
);
select is_empty(
  $$select s from t242_row as r, jsonb_path_query(r.changes, 'strict $.**') as s
    where s in ('4242', '"4242"', '5000', '4500', '8')$$,
  'nor a card''s last4 or expiry, nor a total, subtotal or amount'
);
select is(
  (select r.changes #> '{data,object,customer}' from t242_row as r),
  '"[redacted]"'::jsonb,
  'a nested customer is [redacted] (its key kept: the field is seen to be there)'
);
select is(
  (select r.changes #> '{data,object,default_payment_method}' from t242_row as r),
  '"[redacted]"'::jsonb,
  'a nested payment method object is [redacted] whole'
);
select is(
  (select r.changes #> '{data,object,lines}' from t242_row as r),
  '[{"price": {"id": "[redacted]", "product": "[redacted]"}, "amount": "[redacted]", "description": "Team plan"},
    "[redacted]"]'::jsonb,
  'inside arrays too: ids by their shape, amounts by their key, the rest kept in order'
);
select results_eq(
  $$select r.changes ->> 'type', r.changes ->> 'status', r.changes ->> 'course_slug',
      r.changes #>> '{data,object,currency}', r.changes #>> '{data,object,payment_settings,payment_method_types,0}'
    from t242_row as r$$,
  $$values ('invoice.paid', 'in_progress', 'in_person', 'cad', 'card')$$,
  'ordinary values stay readable (in_progress and in_person are not ids)'
);

-- What a compliance officer reads is what is stored.
select tests.authenticate_as('t242-cora');
select is_empty(
  $$select 1 from public.org_audit_trail(50) as t
    where t.resource_id = md5('t242:event')::uuid and t.changes::text ~ '(cus|pi|sub)_[A-Za-z0-9]*[0-9A-Z]|4242'$$,
  'the compliance officer''s audit trail shows none of it'
);
select tests.clear_authentication();

-- The row-change trigger: a subscription with a nested Stripe id in its metadata.
select is(
  private.audit_redacted(
    '{"metadata": {"old": null, "new": {"ref": "sub_1MowQVLkdIwHu7ixeRlqHVzs", "plan": "team"}}}'::jsonb
  ),
  '{"metadata": {"old": null, "new": {"ref": "[redacted]", "plan": "team"}}}'::jsonb,
  'an update''s old/new sides are redacted inside as well'
);

select * from finish();
rollback;
