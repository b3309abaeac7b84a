"""Acting as a client, as PostgREST does for each request: `set local role`
to an API role and the JWT's claims in `request.jwt.claims`, for the rest of
the current transaction (or savepoint). Used by the access matrix and the bench."""

from __future__ import annotations

import hashlib
import json
import uuid

import psycopg


def seeded_id(key: str) -> str:
    """The id the seeds give a row: `md5(key)::uuid`, computed the same way here."""
    return str(uuid.UUID(hashlib.md5(key.encode()).hexdigest()))


def act_as(cur: psycopg.Cursor, role: str, user_id: str | None = None, email: str | None = None) -> None:
    claims: dict[str, str] = {"role": role}
    if user_id:
        claims["sub"] = user_id
    if email:
        claims["email"] = email
    cur.execute("select set_config('role', %s, true)", (role,))
    cur.execute("select set_config('request.jwt.claims', %s, true)", (json.dumps(claims),))


def act_as_owner(cur: psycopg.Cursor) -> None:
    """Back to the connection's own role (the database owner), claims cleared."""
    cur.execute("select set_config('role', 'none', true)")
    cur.execute("select set_config('request.jwt.claims', '', true)")
