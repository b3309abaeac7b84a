"""A deployed Supabase project, through PostgREST, as a supabase-js frontend
sees it — done with supabase-py. Skipped unless a project is configured:

    ABR_SUPABASE_URL=https://<ref>.supabase.co ABR_SUPABASE_ANON_KEY=<anon key> make test

(after `abr-db apply --db-url <the project's direct or session-pooler URL>`).
Here, without a PostgREST server, the same requests are tested inside the
database, PostgREST-style, by tests_sql/ and tests/test_access_matrix.py.
"""

from __future__ import annotations

import os

import pytest

URL = os.environ.get("ABR_SUPABASE_URL")
ANON_KEY = os.environ.get("ABR_SUPABASE_ANON_KEY")

pytestmark = pytest.mark.skipif(
    not (URL and ANON_KEY),
    reason="no Supabase project configured: set ABR_SUPABASE_URL and ABR_SUPABASE_ANON_KEY to test one through PostgREST",
)


@pytest.fixture(scope="module")
def anon():
    from supabase import ClientOptions, create_client

    # No retries: a wrong URL fails at once instead of retrying for seconds.
    return create_client(URL, ANON_KEY, options=ClientOptions(postgrest_client_timeout=10, postgrest_client_retry=False))


def _error_code(call) -> str:
    from postgrest.exceptions import APIError

    with pytest.raises(APIError) as info:
        call()
    return info.value.code


@pytest.mark.parametrize("table", ["profiles", "organizations", "progress", "subscriptions", "audit_logs", "org_analytics"])
def test_anon_is_refused_private_tables(anon, table):
    assert _error_code(lambda: anon.table(table).select("*").limit(1).execute()) == "42501"


def test_anon_reads_only_published_course_metadata(anon):
    rows = anon.table("courses").select("slug, is_published").execute().data
    assert all(r["is_published"] for r in rows)


def test_anon_never_reads_quiz_answers(anon):
    assert _error_code(lambda: anon.table("lessons").select("quiz_questions").limit(1).execute()) == "42501"


def test_certificate_verification_rejects_a_malformed_number(anon):
    assert _error_code(lambda: anon.rpc("verify_certificate", {"p_certificate_number": "not-a-number", "p_verification_code": "0123456789AB"}).execute()) == "22023"


def test_certificate_verification_reports_an_unknown_number_or_a_wrong_code_alike(anon):
    call = {"p_certificate_number": "ABR-1999-000000", "p_verification_code": "0123456789AB"}
    assert _error_code(lambda: anon.rpc("verify_certificate", call).execute()) == "P0002"
