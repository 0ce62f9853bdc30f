"""SQLite errors turned into the store's backend-neutral :class:`~saidwhat.errors.SaidwhatError` codes.

Only this module (and the connection code of :mod:`.store`) knows ``sqlite3``'s exception types: every
public method of the store is wrapped by :func:`saidwhat.store.sql.store.guard`, which calls
:func:`db_error` through ``SQLiteStore._map_error``, so callers see ``E_DB_OPEN`` /
``E_DB_CORRUPT`` whatever the backend. ``IntegrityError``/``ProgrammingError`` are bugs and keep their
traceback.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from saidwhat.errors import SaidwhatError

_OPEN_WORDS = (
    "locked",
    "busy",
    "readonly",
    "read-only",
    "unable to open",
    "disk i/o",
    "disk is full",
    "permission",
)


def db_error(exc: sqlite3.Error, path: Path) -> SaidwhatError | None:
    """The :class:`SaidwhatError` an SQLite error stands for (None for errors that are our bugs)."""
    if isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError):
        return None
    msg = str(exc)
    low = msg.lower()
    if any(k in low for k in _OPEN_WORDS):
        return SaidwhatError("E_DB_OPEN", f"cannot use the database: {msg}", str(path))
    return SaidwhatError(
        "E_DB_CORRUPT", f"the database is corrupt or not a saidwhat database: {msg}", str(path)
    )
