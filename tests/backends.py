"""The records store's two backends for the tests: a SQLite file, or a PostgreSQL schema.

PostgreSQL tests connect to the server named by COLLECTSIM_TEST_PG (`make test` and
`.ci/run` set it from `scripts/test-postgres`). Each test gets a schema of its own, made
before and dropped after, so tests never see one another's records.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

TEST_PG_VAR = "COLLECTSIM_TEST_PG"
BACKENDS = ("sqlite", "postgresql")


def pg_base_url() -> str:
    url = os.environ.get(TEST_PG_VAR, "").strip()
    if not url:
        pytest.skip(f"PostgreSQL: {TEST_PG_VAR} is not set (scripts/test-postgres prints one)")
    return url


def with_schema(url: str, schema: str) -> str:
    """The URL of a connection whose tables live in `schema` (libpq's `options`)."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@contextmanager
def pg_schema() -> Iterator[str]:
    """A connection URL to a new, empty schema, dropped on exit."""
    import psycopg

    base = pg_base_url()
    schema = f"test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield with_schema(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
