"""A psycopg connection that takes the shared ``?``-placeholder SQL (DB-API ``qmark`` style).

psycopg binds ``%s``; :func:`to_format` rewrites ``?`` outside string literals and quoted names to
``%s`` and doubles a literal ``%`` (cached per statement text). Corpus stages get this connection from
``store.transaction()`` / ``store.snapshot()``, so their SQL runs unchanged on both backends.
"""

from __future__ import annotations

import functools
import re
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


MAX_PARAMETERS = 16_000  # values per multi-row INSERT (the protocol allows 65,535)
_INSERT = re.compile(r"^(INSERT INTO .+? VALUES )\((\?(?:, \?)*)\)(.*)$", re.DOTALL)


@functools.lru_cache(maxsize=256)
def _multi_row(sql: str) -> tuple[str, str] | None:
    """``(head, tail)`` of a one-row ``INSERT ... VALUES (?, ...) tail`` that may take many rows."""
    m = _INSERT.match(sql)
    if m is None or "RETURNING" in m.group(3).upper() or "DO UPDATE" in m.group(3).upper():
        return None
    return m.group(1), m.group(3)


@functools.lru_cache(maxsize=1024)
def _values_sql(head: str, tail: str, width: int, rows: int) -> str:
    """The psycopg SQL of ``head (%s, ...), (%s, ...) ... tail`` for ``rows`` rows of ``width`` values."""
    row = "(" + ", ".join(["%s"] * width) + ")"
    return to_format(head) + ", ".join([row] * rows) + to_format(tail)


# psycopg converts the placeholders of a statement with more than 50 parameters anew on every
# execution (a regular expression over the whole text: its cache is for short statements); the
# multi-row INSERTs below come in a few sizes only (:func:`_chunks`), so their conversion is cached.
# psycopg's internals: without them (another psycopg), its own cursor, as before.
try:
    from psycopg._queries import PostgresQuery, _query2pg_nocache

    _convert = functools.lru_cache(maxsize=256)(_query2pg_nocache)

    class _CachedQuery(PostgresQuery):
        def convert(self, query: Any, vars: Any) -> None:
            if not isinstance(query, str) or vars is None:
                super().convert(query, vars)
                return
            converted = _convert(query.encode(self._tx.encoding), self._tx.encoding)
            self.query, self._want_formats, self._order, self._parts = converted
            self.dump(vars)

    class _BulkCursor(psycopg.Cursor[Any]):
        _query_cls = _CachedQuery

except ImportError:  # pragma: no cover
    _BulkCursor = psycopg.Cursor  # type: ignore[misc,assignment]


def _chunks(n: int, step: int) -> list[int]:
    """``n`` rows as statements of a power-of-two number of rows each (at most ``step``), largest
    first: a table's INSERTs take a few statement texts only, which psycopg converts once and
    the server prepares once (after five runs) instead of parsing and planning each."""
    sizes = []
    while n >= step:
        sizes.append(step)
        n -= step
    size = 1 << max(n.bit_length() - 1, 0)
    while n:
        if size <= n:
            sizes.append(size)
            n -= size
        size >>= 1
    return sizes


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
        """``sql`` once per row of ``parameters``; an ``INSERT ... VALUES (?, ...)`` (without RETURNING
        or ON CONFLICT DO UPDATE, whose rows could meet each other) as multi-row INSERTs of up to
        :data:`MAX_PARAMETERS` values each: one statement for the server instead of one per row."""
        cur = _BulkCursor(self.raw)
        rows = list(parameters)
        if not rows:
            return cur
        multi = _multi_row(sql)
        if multi is None or len(rows) == 1:
            cur.executemany(to_format(sql), rows)
            return cur
        head, tail = multi
        width = len(rows[0])
        step = 1 << (max(1, MAX_PARAMETERS // max(width, 1)).bit_length() - 1)
        i = 0
        for size in _chunks(len(rows), step):
            part = rows[i : i + size]
            i += size
            cur.execute(_values_sql(head, tail, width, size), [v for row in part for v in row])
        return cur
