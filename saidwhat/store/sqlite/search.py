"""Full-text search with SQLite FTS5: ``MATCH``, ``bm25`` ranking and ``snippet()`` live here only.

The query text has already been made safe by :func:`saidwhat.store.fts.fts_query`; snippets come back
as ``(text, is_match)`` parts (:func:`saidwhat.store.fts.parse_marked`), never markup.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from saidwhat.errors import SaidwhatError
from saidwhat.store.fts import CLOSE, OPEN, parse_marked
from saidwhat.store.sqlite.read import load_records
from saidwhat.store.types import SearchHit

# above this many FTS matches in a table, bm25 ranking costs too much: newest matches first instead
RANK_LIMIT = 10_000


def _count_matches(conn: sqlite3.Connection, table: str, match: str) -> int:
    return int(conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {table} MATCH ?", (match,)).fetchone()[0])


def _ranked(conn: sqlite3.Connection, table: str, match: str) -> bool:
    return _count_matches(conn, table, match) <= RANK_LIMIT


def search_statements(
    conn: sqlite3.Connection, match: str, want: int, where: list[str], params: list[object]
) -> list[SearchHit]:
    """Statement hits: ``where``/``params`` are the statement filters over ``statements s``."""
    ranked = _ranked(conn, "statements_fts", match)
    rows = conn.execute(
        f"SELECT s.pk, {'f.rank' if ranked else '0.0'}, snippet(statements_fts, 0, ?, ?, '…', 40) "
        "FROM statements_fts f JOIN statements s ON s.pk = f.rowid "
        f"WHERE statements_fts MATCH ? AND {' AND '.join(where)} "
        f"ORDER BY {'f.rank' if ranked else 'f.rowid DESC'} LIMIT ?",
        [OPEN, CLOSE, match, *params, want],
    ).fetchall()
    ordered = load_records(conn, [r[0] for r in rows])
    return [
        SearchHit(
            "statement",
            rec.doc_id,
            rec.doc_title,
            rec.doc_source,
            rec.published,
            rec.date,
            parse_marked(snip),
            float(rank),
            rec,
            ranked,
        )
        for (_, rank, snip), rec in zip(rows, ordered, strict=True)
    ]


def search_articles(
    conn: sqlite3.Connection, match: str, want: int, *, since: str | None, until: str | None
) -> list[SearchHit]:
    """Article hits (title and text) of latest versions, ``since``/``until`` on the publication date."""
    where = ["d.superseded_by IS NULL"]
    params: list[object] = []
    if since is not None:
        where.append("d.published >= ?")
        params.append(since)
    if until is not None:
        where.append("d.published <= ?")
        params.append(until + "~")
    ranked = _ranked(conn, "documents_fts", match)
    rows = conn.execute(
        f"SELECT d.id, d.title, d.source, d.published, {'f.rank' if ranked else '0.0'}, "
        "snippet(documents_fts, -1, ?, ?, '…', 32) FROM documents_fts f JOIN "
        "documents d ON d.pk = f.rowid "
        f"WHERE documents_fts MATCH ? AND {' AND '.join(where)} "
        f"ORDER BY {'f.rank' if ranked else 'f.rowid DESC'} LIMIT ?",
        [OPEN, CLOSE, match, *params, want],
    ).fetchall()
    return [
        SearchHit("article", i, t, s, p, p, parse_marked(snip), float(rank), None, ranked)
        for i, t, s, p, rank, snip in rows
    ]


@contextmanager
def fts_errors(query: str) -> Iterator[None]:
    """An FTS5 syntax error (which safe queries should never raise) as ``E_BAD_REQUEST``."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc).lower():
            raise SaidwhatError("E_BAD_REQUEST", f"cannot search for {query!r}: {exc}") from exc
        raise
