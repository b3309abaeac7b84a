"""The frontend suite's cases, as data: what a supabase-js client sends, timed as
its user (PostgREST's path: role authenticated or anon, the JWT's claims), and
the same work as service_role with the filters written out (the physical
limit: no RLS).

A case is a name, a picker (which synthetic user acts), the SQL the user's
request becomes, and the SQL of the limit. `{me}` and `{org}` stand for the
picked user's id and organization (quoted literals). A new RPC joins the suite
with one `FrontendCase(...)` line here.
"""

from __future__ import annotations

from dataclasses import dataclass

SYN = "@synthetic.abr.test"

# Pickers: SQL returning (user id, organization id) of a synthetic person.
# The organization is the 10th largest (about 1,150 members at scale 1): a
# typical mid-size customer; the learner is one of its members with progress.
PICKERS = {
    "learner": f"""
        select p.id, p.organization_id from public.profiles as p
        where p.email like '%{SYN}' and p.role = 'learner' and p.deleted_at is null
          and p.organization_id = md5('syn-org:10')::uuid
          and exists (select from public.progress as pr where pr.user_id = p.id)
        order by p.email limit 1""",
    "org_admin": f"""
        select p.id, p.organization_id from public.profiles as p
        where p.email like '%{SYN}' and p.role = 'org_admin' and p.deleted_at is null
          and p.organization_id = md5('syn-org:10')::uuid
        order by p.email limit 1""",
    "compliance_officer": f"""
        select p.id, p.organization_id from public.profiles as p
        where p.email like '%{SYN}' and p.role = 'compliance_officer'
          and p.organization_id = md5('syn-org:10')::uuid
        limit 1""",
    "anon": "select null::uuid, null::uuid",
}


@dataclass(frozen=True)
class FrontendCase:
    name: str
    picker: str  # a key of PICKERS; "anon" acts as the anon role
    user_sql: str  # what the client's request becomes, filtered by RLS
    limit_sql: str  # the same result as service_role, filters explicit
    form: str = "RLS only"  # "RLS only" or "explicit filter"


CERT_COLUMNS = "c.id, c.user_id, c.course_id, c.certificate_number, c.issued_date, c.status"
# The physical limit of an organization's rows: progress and certificates carry
# their holder's organization (migration 021), indexed latest first.
ORG_CERTS_LIMIT = (
    f"select {CERT_COLUMNS} from public.certificates as c where c.organization_id = {{org}}"
    " order by c.issued_date desc limit 50"
)
ORG_PROGRESS_LIMIT = (
    "select * from public.progress where organization_id = {org} order by last_accessed desc limit 50"
)

CASES: list[FrontendCase] = [
    FrontendCase(
        "my progress, latest 20",
        "learner",
        "select * from public.progress order by last_accessed desc limit 20",
        "select * from public.progress where user_id = {me} order by last_accessed desc limit 20",
    ),
    FrontendCase(
        "my progress, latest 20",
        "learner",
        "select * from public.progress where user_id = {me} order by last_accessed desc limit 20",
        "select * from public.progress where user_id = {me} order by last_accessed desc limit 20",
        form="explicit filter",
    ),
    FrontendCase(
        "org members (profiles)",
        "org_admin",
        "select * from public.profiles",
        "select * from public.profiles where organization_id = {org} and deleted_at is null",
    ),
    FrontendCase(
        "org members (profiles)",
        "org_admin",
        "select * from public.profiles where organization_id = {org}",
        "select * from public.profiles where organization_id = {org} and deleted_at is null",
        form="explicit filter",
    ),
    FrontendCase(
        "org certificates, latest 50 (org_admin)",
        "org_admin",
        f"select {CERT_COLUMNS} from public.certificates as c order by c.issued_date desc limit 50",
        ORG_CERTS_LIMIT,
    ),
    FrontendCase(
        "org certificates, latest 50 (compliance_officer)",
        "compliance_officer",
        f"select {CERT_COLUMNS} from public.certificates as c order by c.issued_date desc limit 50",
        ORG_CERTS_LIMIT,
    ),
    FrontendCase(
        "org certificates, latest 50 (org_admin)",
        "org_admin",
        f"select {CERT_COLUMNS} from public.certificates as c where c.organization_id = {{org}}"
        " order by c.issued_date desc limit 50",
        ORG_CERTS_LIMIT,
        form="explicit filter",
    ),
    FrontendCase(
        "org certificates embedding profiles!inner(organization_id)",
        "org_admin",
        f"select {CERT_COLUMNS}, p.organization_id from public.certificates as c"
        " inner join public.profiles as p on c.user_id = p.id where p.organization_id = {org}"
        " order by c.issued_date desc limit 50",
        f"select {CERT_COLUMNS}, p.organization_id from public.certificates as c"
        " inner join public.profiles as p on c.user_id = p.id where p.organization_id = {org}"
        " and p.deleted_at is null order by c.issued_date desc limit 50",
        form="explicit filter",
    ),
    FrontendCase(
        "org members' progress, latest 50 (org_admin)",
        "org_admin",
        "select * from public.progress order by last_accessed desc limit 50",
        ORG_PROGRESS_LIMIT,
    ),
    FrontendCase(
        "org members' progress, latest 50 (org_admin)",
        "org_admin",
        "select * from public.progress where organization_id = {org} order by last_accessed desc limit 50",
        ORG_PROGRESS_LIMIT,
        form="explicit filter",
    ),
    FrontendCase(
        "org audit trail, latest 50 (compliance_officer)",
        "compliance_officer",
        'select * from public.audit_logs order by "timestamp" desc limit 50',
        'select * from public.audit_logs where organization_id = {org} order by "timestamp" desc limit 50',
    ),
    FrontendCase(
        "org audit trail, latest 50 (compliance_officer)",
        "compliance_officer",
        'select * from public.audit_logs where organization_id = {org} order by "timestamp" desc limit 50',
        'select * from public.audit_logs where organization_id = {org} order by "timestamp" desc limit 50',
        form="explicit filter",
    ),
    FrontendCase(
        "case full-text search, title+summary_en, newest 20 (direct .textSearch(); use the search RPC)",
        "learner",
        "select id, title, decision_date from public.tribunal_cases"
        " where to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || coalesce(summary_en, ''))"
        " @@ websearch_to_tsquery('english', 'racial profiling employment') order by decision_date desc limit 20",
        "select id, title, decision_date from public.tribunal_cases"
        " where to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || coalesce(summary_en, ''))"
        " @@ websearch_to_tsquery('english', 'racial profiling employment') and deleted_at is null"
        " order by decision_date desc limit 20",
        form="explicit filter",
    ),
    FrontendCase(
        "case full-text search, title+summary_en+full_text_en, newest 20 (direct; use the search RPC)",
        "learner",
        "select id, title, decision_date from public.tribunal_cases"
        " where to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || coalesce(summary_en, '') || ' '"
        " || coalesce(full_text_en, '')) @@ websearch_to_tsquery('english', 'reinstatement poisoned')"
        " order by decision_date desc limit 20",
        "select id, title, decision_date from public.tribunal_cases"
        " where to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || coalesce(summary_en, '') || ' '"
        " || coalesce(full_text_en, '')) @@ websearch_to_tsquery('english', 'reinstatement poisoned')"
        " and deleted_at is null order by decision_date desc limit 20",
        form="explicit filter",
    ),
    FrontendCase(
        "org_directory()",
        "org_admin",
        "select * from public.org_directory()",
        "select p.id, p.full_name, p.avatar_url, p.role, p.team_id from public.profiles as p"
        " where p.organization_id = {org} and p.deleted_at is null order by p.full_name, p.id",
    ),
    FrontendCase(
        "subscription seats_used",
        "org_admin",
        "select seat_count, seats_used from public.subscriptions",
        "select seat_count, seats_used from public.subscriptions where organization_id = {org}",
    ),
    FrontendCase(
        "seat list",
        "org_admin",
        "select * from public.subscription_seats",
        "select * from public.subscription_seats where organization_id = {org}",
    ),
    FrontendCase(
        "my_org_analytics()",
        "org_admin",
        "select * from public.my_org_analytics()",
        "select * from public.org_analytics where organization_id = {org}",
    ),
    FrontendCase(
        "my unread notifications",
        "learner",
        "select * from public.notifications where read = false order by created_at desc limit 20",
        "select * from public.notifications where user_id = {me} and read = false order by created_at desc limit 20",
    ),
    FrontendCase(
        "published catalog (learner)",
        "learner",
        "select id, slug, title_en, title_fr, category, level, tier_required from public.courses order by order_index",
        "select id, slug, title_en, title_fr, category, level, tier_required from public.courses"
        " where is_published and deleted_at is null order by order_index",
    ),
    FrontendCase(
        "published catalog (anon)",
        "anon",
        "select id, slug, title_en, title_fr, category, level, tier_required from public.courses order by order_index",
        "select id, slug, title_en, title_fr, category, level, tier_required from public.courses"
        " where is_published and deleted_at is null order by order_index",
    ),
]
