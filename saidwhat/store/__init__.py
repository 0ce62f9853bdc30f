"""The saidwhat store: analysed articles in SQLite or PostgreSQL, searchable, with an entity registry.

Public API (stable; see ``docs/store.md``)::

    from saidwhat.store import open_store, export

    with open_store("saidwhat.db") as store:       # a StoreProtocol (SQLite for a path); creates/migrates
        result = store.add(analysis)               # AddResult(status="new"|"unchanged"|"updated", ...)
        again = store.get(result.doc_id)           # the exact saidwhat/1 Analysis
        store.documents(limit=50, offset=0)        # [DocumentSummary], latest versions, newest first
        store.count_documents()
        store.statements(speaker="Donald Trump", act="demand", since="2025-06")  # [StatementRecord]
        store.count_statements(...)
        store.search('"ceasefire deal" hostages', via="Haaretz")   # [SearchHit] with snippet parts
        store.speakers(10); store.relays(10)       # [NamedCount]
        store.entities(limit=50, query="trump")    # [RegistryEntity]
        store.entity(gid); store.entity_statements(gid); store.statements_per_day(gid)
        store.entity_links(doc_id)                 # {"e1": gid, ...} for linking an article's entities
        store.stats(); store.reapply_aliases()
        export(store, "csv", sys.stdout)

Callers use :class:`StoreProtocol` and :func:`open_store`; :class:`SQLiteStore` (also called
``Store``) is the SQLite backend in :mod:`saidwhat.store.sqlite`, ``PostgresStore`` the PostgreSQL one
in :mod:`saidwhat.store.postgres` (``open_store("postgresql://...")``; imported only then), both on the
one query layer :mod:`saidwhat.store.sql`; :func:`saidwhat.store.copy.copy_store` copies between them.
``open_store(path, read_only=True)``
serves a database it must not modify. One store may be shared by threads (a connection per thread,
writes serialised). Every failure is a :class:`saidwhat.errors.SaidwhatError`: ``E_DB_OPEN``,
``E_DB_CORRUPT``, ``E_DB_VERSION``, ``E_NOT_FOUND``, ``E_BAD_REQUEST`` (bad dates, negative pages),
``E_READ_ONLY`` (add on a read-only store).
"""

from __future__ import annotations

from saidwhat.store.backends import BACKENDS, open_store
from saidwhat.store.export import CSV_COLUMNS, ExportFormat, export
from saidwhat.store.fts import fts_query
from saidwhat.store.migrations import LATEST_VERSION
from saidwhat.store.protocol import Connection, StoreProtocol
from saidwhat.store.registry import ALIASES_ENV, normalise
from saidwhat.store.sqlite import SQLiteStore, migrate
from saidwhat.store.types import (
    AddResult,
    DayCount,
    DocumentSummary,
    NamedCount,
    NameMatch,
    RegistryEntity,
    SearchHit,
    SnippetPart,
    StatementRecord,
    Stats,
)

# the SQLite backend under its historical name (tests, benchmarks and tools construct it directly)
Store = SQLiteStore

__all__ = [
    "ALIASES_ENV",
    "BACKENDS",
    "CSV_COLUMNS",
    "LATEST_VERSION",
    "AddResult",
    "Connection",
    "DayCount",
    "DocumentSummary",
    "ExportFormat",
    "NameMatch",
    "NamedCount",
    "RegistryEntity",
    "SQLiteStore",
    "SearchHit",
    "SnippetPart",
    "StatementRecord",
    "Stats",
    "Store",
    "StoreProtocol",
    "export",
    "fts_query",
    "migrate",
    "normalise",
    "open_store",
]
