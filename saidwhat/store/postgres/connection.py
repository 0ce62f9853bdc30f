"""A psycopg connection that takes the shared ``?``-placeholder SQL (DB-API ``qmark`` style).

psycopg binds ``%s``; :func:`to_format` rewrites ``?`` outside string literals and quoted names to
``%s`` and doubles a literal ``%`` (cached per statement text). Corpus stages get this connection from
``store.transaction()`` / ``store.snapshot()``, so their SQL runs unchanged on both backends.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

import psycopg

_QUOTES = ("'", '"')


@functools.lru_cache(maxsize=1024)
def to_format(sql: str) -> str:
    """``sql`` with ``?`` placeholders as psycopg's ``%s`` (and ``%`` as ``%%``)."""
    out: list[str] = []
    quote: str | None = None
    for ch in sql:
        if quote is not None:
            out.append("%%" if ch == "%" else ch)
            if ch == quote:
                quote = None
        elif ch in _QUOTES:
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        elif ch == "%":
            out.append("%%")
        else:
            out.append(ch)
    return "".join(out)


class PGConnection:
    """The :class:`~saidwhat.store.protocol.Connection` of the PostgreSQL backend."""

    def __init__(self, raw: psycopg.Connection[Any], *, writable: bool) -> None:
        self.raw = raw
        self.writable = writable

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> psycopg.Cursor[Any]:
        if not parameters:  # psycopg reads no placeholder (and no %) in a statement without parameters
            return self.raw.execute(sql)
        return self.raw.execute(to_format(sql), parameters)

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> psycopg.Cursor[Any]:
        cur = self.raw.cursor()
        rows = list(parameters)
        if rows:
            cur.executemany(to_format(sql), rows)
        return cur
