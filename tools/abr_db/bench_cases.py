"""The frontend suite's cases, as data: what a supabase-js client sends, timed as
its user (PostgREST's path: role authenticated or anon, the JWT's claims), and
the same work as service_role with the filters written out (the physical
limit: no RLS).

A case is a name, a picker (which synthetic user acts), the SQL the user's
request becomes, and the SQL of the limit. `{me}` and `{org}` stand for the
picked user's id and organization (quoted literals); `{vec}` for a query
embedding (a live case's vector: the clustered synthetic vectors of
`seed --scale`) and `{case}` for that case's id. A new RPC joins the suite
with one `FrontendCase(...)` line here.
"""

from __future__ import annotations

from dataclasses import dataclass

SYN = "@synthetic.abr.test"

# Pickers: SQL returning (user id, organization id) of a synthetic person.
# The organization is the 10th largest (about 1,150 members at scale 1): a
# typical mid-size customer; the learner is one of its members with progress.
def _member(role: str, having: str = "") -> str:
    """The first (by email) live synthetic member of that role in the 10th organization, with `having`."""
    return f"""
        select p.id, p.organization_id from public.profiles as p
        where p.email like '%{SYN}' and p.role = '{role}' and p.deleted_at is null
          and p.organization_id = md5('syn-org:10')::uuid {having}
        order by p.email limit 1"""


PICKERS = {
    "learner": _member("learner", "and exists (select from public.progress as pr where pr.user_id = p.id)"),
    "org_admin": _member("org_admin"),
    "compliance_officer": _member("compliance_officer"),
    "searcher": _member(
        "learner",
        "and exists (select from public.saved_searches as s where s.user_id = p.id and s.filters ->> 'lang' = 'en')",
    ),
    "path_learner": _member(
        "learner", "and exists (select from public.learning_path_enrollments as e where e.user_id = p.id)"
    ),
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
        "org_audit_trail(50): the audit trail's RPC (rpc_functions/27_audit_trail.sql)",
        "compliance_officer",
        "select * from public.org_audit_trail(50)",
        'select * from public.audit_logs where organization_id = {org} order by "timestamp" desc, id desc limit 50',
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


# The learning loop (docs/LEARNING_BENCH.md): each board's limit reads user_achievements
# in board order, with the scope and period written out.
TORONTO_WEEK = "date_trunc('week', now() at time zone 'America/Toronto')::date"


def _board_limit(points: str, where: str, page: str = "limit 10") -> str:
    return (
        f"select rank() over (order by ua.{points} desc), p.full_name, ua.level, ua.{points}"
        " from public.user_achievements as ua inner join public.profiles as p on ua.user_id = p.id"
        f" where ua.listed{where} order by ua.{points} desc, ua.user_id {page}"
    )


MY_TEAM = "(select pt.team_id from public.profiles as pt where pt.id = {me})"

CASES += [
    FrontendCase("leaderboard global, all time, top 10", "learner",
                 "select * from public.leaderboard('global', 10)", _board_limit("total_points", "")),
    FrontendCase("leaderboard organization, all time, top 10", "learner",
                 "select * from public.leaderboard('organization', 10)",
                 _board_limit("total_points", " and ua.organization_id = {org}")),
    FrontendCase("leaderboard team, all time, top 10", "learner",
                 "select * from public.leaderboard('team', 10)",
                 _board_limit("total_points", f" and ua.team_id = {MY_TEAM}")),
    FrontendCase("leaderboard global, this week, top 10", "learner",
                 "select * from public.leaderboard('global', 10, 'week')",
                 _board_limit("weekly_points", f" and ua.points_week = {TORONTO_WEEK}")),
    FrontendCase("leaderboard organization, this week, top 10", "learner",
                 "select * from public.leaderboard('organization', 10, 'week')",
                 _board_limit("weekly_points",
                              f" and ua.organization_id = {{org}} and ua.points_week = {TORONTO_WEEK}")),
    FrontendCase("leaderboard team, this week, top 10", "learner",
                 "select * from public.leaderboard('team', 10, 'week')",
                 _board_limit("weekly_points", f" and ua.team_id = {MY_TEAM} and ua.points_week = {TORONTO_WEEK}")),
    FrontendCase("leaderboard global, all time, 100 at offset 1,000", "learner",
                 "select * from public.leaderboard('global', 100, 'all_time', 1000)",
                 _board_limit("total_points", "", "limit 100 offset 1000")),
    FrontendCase(
        "my_dashboard('en')",
        "learner",
        "select public.my_dashboard('en')",
        "select (select to_jsonb(ua) from public.user_achievements as ua where ua.user_id = {me}),"
        " (select jsonb_agg(pr) from (select * from public.progress where user_id = {me} and lesson_id is null"
        " and completed_at is null order by last_accessed desc limit 10) as pr),"
        " (select jsonb_agg(c) from (select * from public.certificates where user_id = {me}"
        " order by issued_date desc limit 5) as c),"
        " (select count(*) from public.notifications where user_id = {me} and not read)",
    ),
    FrontendCase(
        "my_learning_paths('en')",
        "path_learner",
        "select * from public.my_learning_paths('en')",
        "select e.*, lp.course_ids, (select count(*) from public.progress as pr where pr.user_id = {me}"
        " and pr.lesson_id is null and pr.completed_at is not null and pr.course_id = any(lp.course_ids))"
        " from public.learning_path_enrollments as e"
        " inner join public.learning_paths as lp on e.learning_path_id = lp.id where e.user_id = {me}",
    ),
]


# Case-law search (rpc_functions/40_case_search.sql). Each limit is the RPC's
# own work written out as one statement without RLS: every match ranked by its
# title and summary with the boost (private.case_fts_ranked), the number of
# matches, the page of 20 joined to its cases, each with its highlighted
# snippet (private.case_headline); vectors: HNSW (ef_search 40, the default),
# the same columns the RPC returns. Until issue 9's second pass the limits
# ranked without the boost and returned neither snippets nor the count nor the
# cases' columns: an RPC doing more than its limit could not reach a ratio of 1.
_CONFIG = {"en": "english_unaccent", "fr": "french_unaccent"}
_BOOST = (
    "case when c.is_anti_black_specific then case c.precedent_value when 'High' then 1.5::float8"
    " when 'Medium' then 1.35::float8 else 1.25::float8 end else case c.precedent_value"
    " when 'High' then 1.25::float8 when 'Medium' then 1.1::float8 else 1::float8 end end"
)
_HEADLINE_OPTIONS = (
    "'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"'"
)


def _escaped(text: str) -> str:
    return f"replace(replace(replace({text}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')"


def _snippet(lang: str) -> str:
    """private.case_headline written out: the summary's fragments, else summary and full-text start."""
    cfg = f"'private.{_CONFIG[lang]}'::regconfig"
    start = f"concat_ws(' … ', c.summary_{lang}, left(c.full_text_{lang}, 1000))"
    whole = _escaped(f"coalesce(nullif({start}, ''), c.title)")
    return (
        f"(select case when h.s like '%<mark>%' then h.s else ts_headline({cfg}, {whole}, q, {_HEADLINE_OPTIONS}) end"
        f" from (select case when nullif(c.summary_{lang}, '') is not null then ts_headline({cfg},"
        f" {_escaped(f'c.summary_{lang}')}, q, {_HEADLINE_OPTIONS}) end as s) as h)"
    )


def _ranked(lang: str, query: str) -> str:
    """The matches of a query, ranked: private.case_fts_ranked written out (no filter)."""
    return (
        f"m as materialized (select c.id, ((ts_rank(c.rank_doc_{lang}, q, 1) + 0.001::float8) * ({_BOOST}))::real as r"
        f" from public.tribunal_cases as c, websearch_to_tsquery('private.{_CONFIG[lang]}', '{query}') as q"
        f" where c.deleted_at is null and c.search_{lang} @@ q)"
    )


def _fts_limit(lang: str, query: str, page: int = 20) -> str:
    return (
        f"with {_ranked(lang, query)}, p as (select m.id, m.r from m order by m.r desc, m.id desc limit {page})"
        " select c.id, c.case_number, c.title, c.tribunal, c.decision_date, c.year, c.outcome, c.protected_ground,"
        f" c.discrimination_type, c.is_anti_black_specific, c.precedent_value, p.r, {_snippet(lang)},"
        " (select count(*) from m), p.r::text || ':' || p.id::text"
        f" from p inner join public.tribunal_cases as c on c.id = p.id,"
        f" websearch_to_tsquery('private.{_CONFIG[lang]}', '{query}') as q order by p.r desc, p.id desc"
    )


def _saved_search_limit(lang: str, query: str) -> str:
    """run_saved_search (a read): the caller's search read, then the same search."""
    return (
        "with u as (select s.filters from public.saved_searches as s where s.user_id = {me}"
        " order by s.created_at, s.id limit 1)"
        f" select f.* from u, lateral ({_fts_limit(lang, query)}) as f"
    )


FIRST_SAVED_SEARCH = (
    "(select s.id from public.saved_searches as s where s.user_id = {me} order by s.created_at, s.id limit 1)"
)


def _facets_limit(lang: str, query: str) -> str:
    config = _CONFIG[lang]
    return (
        "with m as (select c.tribunal, c.outcome, c.protected_ground, c.year from public.tribunal_cases as c,"
        f" websearch_to_tsquery('private.{config}', '{query}') as q"
        f" where c.deleted_at is null and c.search_{lang} @@ q)"
        " select 'tribunal', tribunal, count(*) from m group by 2"
        " union all select 'outcome', outcome, count(*) from m group by 2"
        " union all select 'ground', g, count(*) from m, unnest(m.protected_ground) as g group by 2"
        " union all select 'year', year::text, count(*) from m group by 2"
    )


_CASE_COLUMNS = (
    "c.id, c.case_number, c.title, c.tribunal, c.decision_date, c.year, c.outcome, c.is_anti_black_specific,"
    " c.precedent_value"
)
VECTOR_LIMIT = (
    f"select {_CASE_COLUMNS}, c.summary_en, c.summary_fr, 1 - (c.embedding <=> {{vec}}) from public.tribunal_cases as c"
    " where c.deleted_at is null and c.embedding is not null order by c.embedding <=> {vec} limit 10"
)
RELATED_LIMIT = (
    f"select {_CASE_COLUMNS}, 1 - (c.embedding <=> r.v) from public.tribunal_cases as c,"
    " (select (select embedding from public.tribunal_cases where id = {case} and deleted_at is null) as v) as r"
    " where c.deleted_at is null and c.embedding is not null and c.id <> {case}"
    " order by c.embedding <=> (select embedding from public.tribunal_cases where id = {case} and deleted_at is null)"
    " limit 5"
)
HYBRID_LIMIT = (
    f"with {_ranked('en', 'racial profiling')},"
    " ft as (select m.id, row_number() over (order by m.r desc, m.id desc) as n from m order by m.r desc, m.id desc"
    " limit 60),"
    " sem as (select s.id, row_number() over (order by s.d, s.id) as n from (select id, embedding <=> {vec} as d"
    " from public.tribunal_cases where deleted_at is null and embedding is not null"
    " order by embedding <=> {vec} limit 60) as s),"
    " f as (select coalesce(ft.id, sem.id) as id, ft.n as ftn, sem.n as semn,"
    " coalesce(1.0::float8 / (60 + ft.n), 0) + coalesce(1.0::float8 / (60 + sem.n), 0) as score"
    " from ft full join sem on ft.id = sem.id order by 4 desc, 1 desc limit 20)"
    f" select {_CASE_COLUMNS}, f.score, f.ftn, f.semn, case when f.ftn is not null then {_snippet('en')}"
    " else left(coalesce(c.summary_en, c.title), 240) end"
    " from f inner join public.tribunal_cases as c on c.id = f.id,"
    " websearch_to_tsquery('private.english_unaccent', 'racial profiling') as q order by f.score desc, f.id desc"
)

SEARCHES = [
    ("en", "racial profiling"),
    ("en", "poisoned work environment housing"),
    ("fr", "profilage racial"),
    ("fr", "milieu de travail empoisonne logement"),
]

CASES += [
    FrontendCase(f"search_tribunal_cases {lang} '{query}', page of 20", "learner",
                 f"select * from public.search_tribunal_cases('{query}', '{lang}')", _fts_limit(lang, query))
    for lang, query in SEARCHES
] + [
    FrontendCase("search_tribunal_case_facets en 'racial profiling'", "learner",
                 "select * from public.search_tribunal_case_facets('racial profiling', 'en')",
                 _facets_limit("en", "racial profiling")),
    FrontendCase("search_tribunal_case_facets fr 'profilage racial'", "learner",
                 "select * from public.search_tribunal_case_facets('profilage racial', 'fr')",
                 _facets_limit("fr", "profilage racial")),
    FrontendCase("match_tribunal_cases, top 10 (HNSW)", "learner",
                 "select * from public.match_tribunal_cases({vec}, 10)", VECTOR_LIMIT),
    FrontendCase("hybrid_search_tribunal_cases en 'racial profiling', 20", "learner",
                 "select * from public.hybrid_search_tribunal_cases('racial profiling', {vec}, 'en')", HYBRID_LIMIT),
    FrontendCase("related_tribunal_cases, 5", "learner",
                 "select * from public.related_tribunal_cases({case}, 5)", RELATED_LIMIT),
    FrontendCase("run_saved_search (a saved 'racial profiling', en), page of 20", "searcher",
                 "select * from public.run_saved_search((select s.id from public.saved_searches as s"
                 " where s.user_id = {me} order by s.created_at, s.id limit 1))",
                 _saved_search_limit("en", "racial profiling")),
    # The use counter run_saved_search no longer writes (a write: rolled back after its run).
    FrontendCase("record_saved_search_use (a saved search's use counted)", "searcher",
                 f"select public.record_saved_search_use({FIRST_SAVED_SEARCH})",
                 "update public.saved_searches as s set use_count = s.use_count + 1, last_used = now()"
                 f" where s.id = {FIRST_SAVED_SEARCH} and s.user_id = {{me}} returning s.use_count"),
]


# Organizations and billing (rpc_functions/51_invitations.sql, 52_members.sql, 53_usage.sql). Each write is
# rolled back after its run; a member RPC acts on the organization's first learner by email. Each limit is the
# row work written out as service_role. accept_invitation, revoke_invitation and reissue_invitation need an
# invitation of the run's own and are measured by their pgTAP file's fixtures only.
FIRST_LEARNER = (
    "(select p.id from public.profiles as p where p.organization_id = {org} and p.role = 'learner'"
    " and p.deleted_at is null order by p.email limit 1)"
)
FIRST_TEAM = "(select t.id from public.teams as t where t.organization_id = {org} order by t.name, t.id limit 1)"

CASES += [
    FrontendCase(
        "seat_usage()", "org_admin",
        "select * from public.seat_usage()",
        "select s.seat_count, count(*) filter (where ss.status in ('assigned', 'active')),"
        " count(*) filter (where ss.status = 'available' and ss.assigned_to_email is not null),"
        " count(*) filter (where ss.status = 'suspended') from public.subscriptions as s"
        " left join public.subscription_seats as ss on ss.subscription_id = s.id"
        " where s.organization_id = {org} group by s.seat_count",
    ),
    FrontendCase(
        "usage_summary()", "org_admin",
        "select * from public.usage_summary()",
        "select u.metric_type, sum(u.quantity), min(l.period_limit) from public.usage_tracking as u"
        " left join public.plan_limits as l on l.metric_type = u.metric_type and l.plan_tier = 'professional'"
        " and l.stripe_price_id is null where u.organization_id = {org} group by u.metric_type",
    ),
    FrontendCase(
        "consume_usage('ai_coach_sessions', 1, key)", "learner",
        "select public.consume_usage('ai_coach_sessions', 1, 'bench-' || gen_random_uuid())",
        "insert into public.usage_tracking (organization_id, subscription_id, metric_type, quantity, unit,"
        " period_start, period_end) select s.organization_id, s.id, 'ai_coach_sessions', 1, 'count', current_date,"
        " current_date from public.subscriptions as s where s.organization_id = {org} returning id",
    ),
    FrontendCase(
        "invite_member(email, 'learner')", "org_admin",
        "select public.invite_member('bench-' || gen_random_uuid() || '@invite.test', 'learner')",
        "insert into public.invitations (organization_id, email, role, token_hash, expires_at)"
        " values ({org}, 'bench-' || gen_random_uuid() || '@invite.test', 'learner', sha256('x'::bytea),"
        " now() + interval '7 days') returning id",
    ),
    FrontendCase(
        "change_member_role(learner, 'viewer')", "org_admin",
        f"select public.change_member_role({FIRST_LEARNER}, 'viewer')",
        f"update public.profiles set role = 'viewer' where id = {FIRST_LEARNER} returning id",
    ),
    FrontendCase(
        "move_member_to_team(learner, team)", "org_admin",
        f"select public.move_member_to_team({FIRST_LEARNER}, {FIRST_TEAM})",
        f"update public.profiles set team_id = {FIRST_TEAM} where id = {FIRST_LEARNER} returning id",
    ),
    FrontendCase(
        "remove_member(learner)", "org_admin",
        f"select public.remove_member({FIRST_LEARNER})",
        "update public.profiles set organization_id = null, team_id = null, seat_id = null"
        f" where id = {FIRST_LEARNER} returning id",
    ),
    FrontendCase(
        "leave_organization()", "learner",
        "select public.leave_organization()",
        "update public.profiles set organization_id = null, team_id = null, seat_id = null where id = {me}"
        " returning id",
    ),
]

# The AI coach and onboarding (rpc_functions/60-63). coaching_context's limit is the
# server's own form of the same document (service_role, by user id): the two side by side.
# The others' limits compute the same result with the filters written out.
AT_RISK_LIMIT = (
    "select s.user_id, la.last_at from (select distinct pr.user_id from public.progress as pr"
    " where pr.organization_id = {org} and pr.lesson_id is null and pr.completed_at is null) as s"
    " cross join lateral (select max(p2.last_accessed) as last_at from public.progress as p2"
    " where p2.user_id = s.user_id) as la"
    " left join lateral (select a.longest_streak_days, a.current_streak_days, a.last_activity_date"
    " from public.user_achievements as a where a.user_id = s.user_id limit 1) as ua on true"
    " where la.last_at <= now() - interval '14 days' or (ua.longest_streak_days >= 3"
    " and (ua.last_activity_date < current_date - 1 or ua.current_streak_days = 0))"
    " order by la.last_at, s.user_id limit 50"
)
RECOMMEND_LIMIT = (
    "select c.id, c.slug, c.title_en, 1 - (e.embedding operator(extensions.<=>) m.v) as similarity"
    " from public.courses as c inner join private.course_embeddings as e on e.course_id = c.id,"
    " (select extensions.avg(ce.embedding) as v from public.progress as pr inner join private.course_embeddings as ce"
    " on ce.course_id = pr.course_id where pr.user_id = {me} and pr.lesson_id is null) as m"
    " where c.is_published and c.deleted_at is null"
    " and array_position(array['free', 'professional', 'enterprise', 'custom'], c.tier_required)"
    " <= (select array_position(array['free', 'professional', 'enterprise', 'custom'], p.subscription_tier)"
    " from public.profiles as p where p.id = {me})"
    " and not exists (select from public.progress as pr where pr.user_id = {me} and pr.course_id = c.id"
    " and pr.lesson_id is null)"
    " and not exists (select from unnest(c.prerequisite_course_ids) as pre (id) where not exists ("
    " select from public.progress as pr where pr.user_id = {me} and pr.course_id = pre.id"
    " and pr.lesson_id is null and pr.completed_at is not null))"
    " order by similarity desc nulls last, c.order_index, c.id limit 5"
)
FIRST_SYN_LESSON = "(select l.id from public.lessons as l where l.course_id = md5('syn-course:1')::uuid" \
    " order by l.order_index limit 1)"
LESSON_VECTOR = f"(select le.embedding from private.lesson_embeddings as le where le.lesson_id = {FIRST_SYN_LESSON})"
RELATED_LESSON_LIMIT = (
    f"select c.id, c.case_number, c.title, 1 - (c.embedding operator(extensions.<=>) {LESSON_VECTOR})"
    " from public.tribunal_cases as c where c.deleted_at is null and c.embedding is not null"
    f" order by c.embedding operator(extensions.<=>) {LESSON_VECTOR} limit 5"
)

CASES += [
    FrontendCase("coaching_context('en')", "learner",
                 "select public.coaching_context('en')",
                 "select public.coaching_context_for_user({me}, 'en')"),
    FrontendCase("my_onboarding('en')", "learner",
                 "select public.my_onboarding('en')",
                 "select to_jsonb(o) from public.onboarding as o where o.user_id = {me}"),
    FrontendCase("recommend_courses, 5", "learner",
                 "select * from public.recommend_courses(5, 'en')", RECOMMEND_LIMIT),
    FrontendCase("at_risk_learners(14), 50", "org_admin",
                 "select * from public.at_risk_learners(14, 50)", AT_RISK_LIMIT),
    FrontendCase("related_cases_for_lesson, 5", "learner",
                 f"select * from public.related_cases_for_lesson({FIRST_SYN_LESSON}, 5)", RELATED_LESSON_LIMIT),
]

# Privacy rights (rpc_functions/70_privacy_export.sql to 74_retention.sql). export_my_data's limit reads the
# same rows of the caller as service_role (the main public sections, filters written out; service_role reads no
# private table); retention_schedule's limit is the server's own call of it. service_role may not write
# privacy_requests or privacy_incidents (only the RPCs do, audited), so the two writes' limits are their reads
# and the row they would write, selected; the RPCs' writes are rolled back after each run.
# close_privacy_request and withdraw_privacy_request need a request of the run's own, and erase_user is
# service_role's or a super admin's: their pgTAP files (272, 271) measure them.
EXPORT_LIMIT = (
    "select (select jsonb_agg(to_jsonb(b)) from public.bookmarks as b where b.user_id = {me}),"
    " (select jsonb_agg(to_jsonb(s)) from public.saved_searches as s where s.user_id = {me}),"
    " (select jsonb_agg(to_jsonb(pr)) from public.progress as pr where pr.user_id = {me}),"
    " (select jsonb_agg(to_jsonb(c)) from public.certificates as c where c.user_id = {me}),"
    " (select jsonb_agg(to_jsonb(n)) from public.notifications as n where n.user_id = {me}),"
    " (select jsonb_agg(to_jsonb(a)) from public.ai_coaching_sessions as a where a.user_id = {me}),"
    " (select jsonb_agg(jsonb_build_object('action', al.action, 'at', al.timestamp)) from public.audit_logs as al"
    " where al.user_id = {me})"
)
INCIDENT_ARGS = (
    "'Names of learners', 'A report sent to the wrong list', now() - interval '2 days', now() - interval '1 day',"
    " 12, 'Low', false, 'Recipients deleted it'"
)

CASES += [
    FrontendCase("export_my_data()", "learner", "select public.export_my_data()", EXPORT_LIMIT),
    FrontendCase(
        "request_privacy_action('access')", "learner",
        "select public.request_privacy_action('access')",
        "select p.id, p.organization_id, 'access', now() + interval '30 days' from public.profiles as p"
        " where p.id = {me} and not exists (select from public.privacy_requests as r where r.user_id = {me}"
        " and r.kind = 'access' and r.status = 'open')"
        " union all select o.id, o.organization_id, 'officer', null from public.profiles as o"
        " where o.organization_id = {org} and o.role = 'compliance_officer'",
    ),
    FrontendCase(
        "open privacy requests of the organization (compliance_officer)", "compliance_officer",
        "select id, kind, due_at from public.privacy_requests where status = 'open' order by due_at limit 50",
        "select id, kind, due_at from public.privacy_requests where organization_id = {org} and status = 'open'"
        " order by due_at limit 50",
    ),
    FrontendCase(
        "record_privacy_incident(...)", "compliance_officer",
        f"select public.record_privacy_incident({INCIDENT_ARGS})",
        "select o.id, 'Names of learners', 'A report sent to the wrong list', now() - interval '2 days',"
        " now() - interval '1 day', 12, 'Low', false, 'Recipients deleted it', {me}"
        " from public.organizations as o where o.id = {org}",
    ),
    FrontendCase(
        "retention_schedule()", "compliance_officer",
        "select * from public.retention_schedule()",
        "select * from public.retention_schedule()",
    ),
]

# Not a query of its own: the least any policy that identifies its caller costs per
# statement, one private.current_user_id() (auth.uid() and the live-profile check
# ACCESS.md requires), against the literal id. A case whose limit is under 5 times
# this cannot be within 1.2x of it under any such policy (see summary()).
CALLER_FLOOR = FrontendCase(
    "one caller lookup: (select private.current_user_id()) vs the literal id",
    "learner",
    "select (select private.current_user_id())",
    "select {me}",
)
