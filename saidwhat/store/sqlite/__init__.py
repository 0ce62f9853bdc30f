"""The SQLite backend of the store: stdlib ``sqlite3``, WAL, FTS5 (see ``docs/store.md``).

Everything SQLite-specific lives in this package: connections and migrations (:mod:`.store`), the
write path (:mod:`.write`), rebuilding analyses (:mod:`.read`), FTS5 search (:mod:`.search`) and the
mapping of ``sqlite3`` errors to saidwhat error codes (:mod:`.errors`).
"""

from __future__ import annotations

from saidwhat.store.sqlite.errors import db_error
from saidwhat.store.sqlite.store import SQLiteStore, migrate

__all__ = ["SQLiteStore", "db_error", "migrate"]
