"""Full-text search with SQLite FTS5: ``MATCH``, ``bm25`` ranking and ``snippet()`` live here only.

The query text has already been made safe and bounded by :func:`saidwhat.store.fts.parse_query`;
snippets come back as ``(text, is_match)`` parts (:func:`saidwhat.store.fts.parse_marked`), never
markup.

:func:`search_page` finds the page of hits in two steps (issue 14): first only the ids and ranks of
the best ``offset + limit`` matches of each table (statements, articles), merged by rank; then, for
the ``limit`` hits of the page alone, their snippets and records. Snippets cost time in proportion
to the terms times the text (166 × ``t*`` took minutes when every candidate got one); now a page of
20 gets 20.

:func:`query_budget` bounds any block of queries on a connection: an SQLite progress handler stops
the running statement once the time budget is spent (``E_SEARCH_TIMEOUT``, HTTP 503) or as soon as a
``threading.Event`` is set (the client went away: ``E_UNAVAILABLE``). The handler runs every
:data:`PROGRESS_STEPS` virtual-machine steps, so a statement is stopped within a few milliseconds;
only a single step that runs long (one snippet of one huge text) finishes first, and the query
bounds of :mod:`saidwhat.store.fts` keep those short.
"""

from __future__ import annotations

import math
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from saidwhat.errors import SaidwhatError
from saidwhat.store import fts
from saidwhat.store.fts import CLOSE, OPEN, parse_marked
from saidwhat.store.sql.read import load_records
from saidwhat.store.sql.store import Candidate, Where, best_page, search_stopped
from saidwhat.store.types import SearchHit

PROGRESS_STEPS = 2_000


@dataclass(slots=True)
class BudgetState:
    """What a :func:`query_budget` observed: why it stopped a statement, how often its handler ran."""

    timeout: float | None
    stopped: str | None = None  # "timeout" or "cancelled"
    checks: int = 0
    started: float = field(default_factory=time.monotonic)


@contextmanager
def query_budget(
    conn: sqlite3.Connection,
    timeout: float | None = None,
    cancel: threading.Event | None = None,
    steps: int = PROGRESS_STEPS,
) -> Iterator[BudgetState]:
    """Stop the queries run on ``conn`` inside the block after ``timeout`` seconds or once ``cancel`` is set.

    Raises ``E_SEARCH_TIMEOUT`` / ``E_UNAVAILABLE`` (:class:`SaidwhatError`) in place of SQLite's
    "interrupted". With neither a timeout nor an event the block runs unbounded.
    """
    state = BudgetState(timeout)
    if timeout is None and cancel is None:
        yield state
        return
    deadline = state.started + timeout if timeout is not None else math.inf

    def check() -> int:
        state.checks += 1
        if cancel is not None and cancel.is_set():
            state.stopped = "cancelled"
            return 1
        if time.monotonic() > deadline:
            state.stopped = "timeout"
            return 1
        return 0

    conn.set_progress_handler(check, steps)
    try:
        yield state
    except sqlite3.OperationalError as exc:
        if state.stopped is None or "interrupt" not in str(exc).lower():
            raise
        raise search_stopped(state.stopped, timeout) from None
    finally:
        conn.set_progress_handler(None, 0)


@contextmanager
def fts_errors(query: str) -> Iterator[None]:
    """An FTS5 syntax error (which safe queries should never raise) as ``E_BAD_REQUEST``."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc).lower():
            raise SaidwhatError("E_BAD_REQUEST", f"cannot search for {query!r}: {exc}") from exc
        raise


def _count_matches(conn: sqlite3.Connection, table: str, match: str) -> int:
    return int(conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {table} MATCH ?", (match,)).fetchone()[0])


def _ranked(conn: sqlite3.Connection, table: str, match: str) -> bool:
    return _count_matches(conn, table, match) <= fts.RANK_LIMIT


# per kind of hit: its FTS table, the row table it indexes (aliased as the filters expect) and its date
_TABLES = {
    "statement": ("statements_fts", "statements s", "s", "s.date"),
    "article": ("documents_fts", "documents d", "d", "d.published"),
}


def _candidates(
    conn: sqlite3.Connection, kind: str, match: str, where: Where, want: int, by_date: bool = False
) -> list[Candidate]:
    """The ids and ranks of the best (or newest) ``want`` hits of one kind (no snippet, no record)."""
    fts, rows_table, alias, day = _TABLES[kind]
    clauses, params = where
    ranked = not by_date and _ranked(conn, fts, match)
    order = f"{day} DESC NULLS LAST, {alias}.pk DESC" if by_date else ("f.rank" if ranked else "f.rowid DESC")
    rows = conn.execute(
        f"SELECT {alias}.pk, {'f.rank' if ranked else '0.0'}, COALESCE({day}, '') FROM {fts} f "
        f"JOIN {rows_table} ON {alias}.pk = f.rowid WHERE {fts} MATCH ? AND {' AND '.join(clauses)} "
        f"ORDER BY {order} LIMIT ?",
        [match, *params, want],
    ).fetchall()
    return [Candidate(float(rank), kind, int(pk), ranked, str(dt)) for pk, rank, dt in rows]


def _snippet(conn: sqlite3.Connection, table: str, column: int, tokens: int, match: str, pk: int) -> str:
    row = conn.execute(
        f"SELECT snippet({table}, {column}, ?, ?, '…', {tokens}) FROM {table} WHERE {table} MATCH ? "
        "AND rowid = ?",
        (OPEN, CLOSE, match, pk),
    ).fetchone()
    return str(row[0]) if row is not None and row[0] is not None else ""


def _statement_hits(conn: sqlite3.Connection, match: str, page: Sequence[Candidate]) -> dict[int, SearchHit]:
    records = load_records(conn, [c.pk for c in page])
    out: dict[int, SearchHit] = {}
    for cand, rec in zip(page, records, strict=True):
        snip = _snippet(conn, "statements_fts", 0, 40, match, cand.pk)
        out[cand.pk] = SearchHit(
            "statement",
            rec.doc_id,
            rec.doc_title,
            rec.doc_source,
            rec.published,
            rec.date,
            parse_marked(snip),
            cand.rank,
            rec,
            cand.ranked,
        )
    return out


def _article_hits(conn: sqlite3.Connection, match: str, page: Sequence[Candidate]) -> dict[int, SearchHit]:
    out: dict[int, SearchHit] = {}
    for cand in page:
        doc_id, title, source, published = conn.execute(
            "SELECT id, title, source, published FROM documents WHERE pk = ?", (cand.pk,)
        ).fetchone()
        snip = _snippet(conn, "documents_fts", -1, 32, match, cand.pk)
        out[cand.pk] = SearchHit(
            "article",
            doc_id,
            title,
            source,
            published,
            published,
            parse_marked(snip),
            cand.rank,
            None,
            cand.ranked,
        )
    return out


def search_page(
    conn: sqlite3.Connection,
    match: str,
    *,
    statements: Where | None,
    articles: Where | None,
    limit: int,
    offset: int,
    sort: str = "relevance",
) -> list[SearchHit]:
    """Hits ``offset`` … ``offset + limit`` of ``match``, best first, statements before articles on ties.

    ``statements`` / ``articles``: WHERE clauses (over ``statements s`` / ``documents d``) and their
    parameters, or None to leave that kind out. An article is left out when one of its statements
    matches (it is found through them: one hit per statement). ``sort="date"``: newest first instead
    of best first. Snippets and records are built for the page only.
    """
    page = best_page(
        lambda kind, where, want, by_date: _candidates(conn, kind, match, where, want, by_date),
        statements,
        articles,
        limit,
        offset,
        by_date=sort == "date",
        quoted=lambda s_where: (
            "d.pk NOT IN (SELECT s.doc FROM statements_fts sf JOIN statements s ON s.pk = sf.rowid "
            f"WHERE statements_fts MATCH ? AND {' AND '.join(s_where[0])})",
            [match, *s_where[1]],
        ),
    )
    by_statement = _statement_hits(conn, match, [c for c in page if c.kind == "statement"])
    by_article = _article_hits(conn, match, [c for c in page if c.kind == "article"])
    return [by_statement[c.pk] if c.kind == "statement" else by_article[c.pk] for c in page]
