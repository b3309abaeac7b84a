/*
  042_at_risk_notices: the weekly at-risk notification is sent once per
  organization and Toronto week (cron_jobs/notify_at_risk_learners.sql, its
  body private.notify_at_risk_learners in rpc_functions/62_at_risk.sql).
  A row here says the organization's admins were told that week; a second run
  of the job in the same week finds it and sends nothing. No API role reads it.
*/

create table private.at_risk_notices (
  organization_id uuid not null references public.organizations (id) on delete cascade,
  -- The Toronto week (its Monday) of the notice.
  week date not null,
  -- How many members were at risk: the count the admins were told.
  learners integer not null check (learners > 0),
  admins_notified integer not null check (admins_notified >= 0),
  sent_at timestamptz not null default now(),
  primary key (organization_id, week)
);

comment on table private.at_risk_notices is
'One row per organization and Toronto week whose admins were told how many members are at risk '
'(private.notify_at_risk_learners): the weekly job notifies each organization once.';

revoke all on private.at_risk_notices from public, anon, authenticated, service_role;

-- at_risk_learners reads an organization's unfinished course rows: one index range per organization.
create index idx_progress_org_unfinished_courses on public.progress (organization_id, user_id)
where lesson_id is null and completed_at is null and organization_id is not null;
