"""PostgreSQL for the store tests: a fresh schema per store, dropped afterwards; skip when no server.

The server is ``$SAIDWHAT_TEST_PG`` (default ``postgresql://postgres@127.0.0.1:5432/test``, then the
same as user ``root``), as on the project machines and CI. Each store lives in its own schema with a
random name (``?schema=``), so parallel pytest workers never see each other's tables.
"""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CANDIDATES = (
    os.environ.get("SAIDWHAT_TEST_PG", ""),
    "postgresql://postgres@127.0.0.1:5432/test",
    "postgresql://root@127.0.0.1:5432/test",
)
BACKENDS = ("sqlite", "postgresql")


@functools.cache
def server() -> str | None:
    """The URL of a PostgreSQL server that answers (None when none does)."""
    try:
        import psycopg
    except ImportError:
        return None
    for url in filter(None, CANDIDATES):
        try:
            with psycopg.connect(url, connect_timeout=3, autocommit=True) as conn:
                conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
            return url
        except psycopg.Error:
            continue
    return None


def require_server() -> str:
    url = server()
    if url is None:
        where = ", ".join(filter(None, CANDIDATES))
        pytest.skip(f"no PostgreSQL server answers at {where}: PostgreSQL tests skipped")
    return url


def drop_schema(schema: str) -> None:
    import psycopg

    url = require_server()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@contextmanager
def pg_store_url() -> Iterator[str]:
    """The URL of a fresh, empty store schema on the test server (dropped at the end)."""
    url = require_server()
    schema = f"t_{uuid.uuid4().hex[:16]}"
    try:
        yield f"{url}?schema={schema}"
    finally:
        drop_schema(schema)


@contextmanager
def targets(backend: str, tmp: Path) -> Iterator[Callable[[str], Path | str]]:
    """A factory of fresh store targets of ``backend``: ``new(name)`` → a path or a PostgreSQL URL."""
    if backend == "sqlite":
        yield lambda name: tmp / f"{name}.db"
        return
    require_server()
    schemas: list[str] = []

    def new(name: str) -> str:
        schema = f"t_{uuid.uuid4().hex[:12]}_{name}"[:60]
        schemas.append(schema)
        return f"{server()}?schema={schema}"

    try:
        yield new
    finally:
        for schema in schemas:
            drop_schema(schema)
