"""The PostgreSQL backend of the store: psycopg 3 with a connection pool (see ``docs/store.md``).

Imported only when a ``postgresql://`` / ``postgres://`` URL is opened (:mod:`saidwhat.store.backends`),
so commands on SQLite never import psycopg. The queries are the shared ones of
:mod:`saidwhat.store.sql`; this package holds what is PostgreSQL's own: the URL and the pool
(:mod:`.store`), the ``?`` → ``%s`` connection (:mod:`.connection`), ``tsvector`` search
(:mod:`.search`) and the mapping of psycopg errors (:mod:`.errors`).
"""

from __future__ import annotations

from saidwhat.store.postgres.store import PostgresStore

__all__ = ["PostgresStore"]
