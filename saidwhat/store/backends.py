""":func:`open_store`: one way to open a store, whatever the backend.

A target is a filesystem path (SQLite), ``sqlite:///relative/path``, ``sqlite:////absolute/path``, or
a URL whose scheme names another backend. :data:`BACKENDS` maps URL schemes to openers:
``postgresql://`` / ``postgres://`` open :class:`saidwhat.store.postgres.PostgresStore` (psycopg is
imported then, never for SQLite).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from saidwhat.errors import SaidwhatError
from saidwhat.store.protocol import StoreProtocol

Opener = Callable[[str, bool, Path | None], StoreProtocol]
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*)://", re.I)


def _open_sqlite(target: str, read_only: bool, aliases: Path | None) -> StoreProtocol:
    from saidwhat.store.sqlite import SQLiteStore

    m = _SCHEME.match(target)
    path = target[m.end() :] if m else target
    if m and path.startswith("/"):  # sqlite:///rel → "rel", sqlite:////abs → "/abs"
        path = path[1:]
    return SQLiteStore(path, read_only=read_only, aliases=aliases)


def _open_postgres(target: str, read_only: bool, aliases: Path | None) -> StoreProtocol:
    from saidwhat.store.postgres import PostgresStore  # psycopg is imported only here

    return PostgresStore(target, read_only=read_only, aliases=aliases)


BACKENDS: dict[str, Opener] = {
    "sqlite": _open_sqlite,
    "postgresql": _open_postgres,
    "postgres": _open_postgres,
}


def open_store(target: str | Path, *, read_only: bool = False, aliases: Path | None = None) -> StoreProtocol:
    """Open the store at ``target`` (a path, or a URL whose scheme is in :data:`BACKENDS`).

    ``read_only`` never writes (``E_READ_ONLY`` on ``add``); ``aliases`` is the alias file (default
    ``$SAIDWHAT_ALIASES``). An unknown scheme is ``E_DB_OPEN``.
    """
    raw = str(target)
    m = _SCHEME.match(raw) if not isinstance(target, Path) else None
    scheme = m.group(1).lower() if m else "sqlite"
    opener = BACKENDS.get(scheme)
    if opener is None:
        known = ", ".join(sorted(BACKENDS))
        raise SaidwhatError("E_DB_OPEN", f"no store backend for {scheme}:// (known: {known})", raw)
    return opener(raw, read_only, aliases)
