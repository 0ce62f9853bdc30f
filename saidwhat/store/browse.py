"""Browsing queries (issue 19): statements without a query, facet counts, keyset pages, CSV rows,
the articles list and the speakers list.

Every function here takes a DB-API :class:`~saidwhat.store.protocol.Connection` and runs portable SQL
with ``?`` placeholders (a PostgreSQL backend runs the same SQL through a connection that turns them
into ``%s``): no SQLite function, ``COLLATE`` or FTS syntax. What differs between backends comes in as
arguments: the name matches of the ``speaker`` / ``via`` filters (:class:`NameMatch`, found by the
backend), whether the stories stage's table exists, and the full-text part of a query
(:class:`TextMatch`: the backend's join, its rank and its parameters).

Pages are keyset pages (never ``OFFSET``): statements by effective date, newest first, then by key
(``date DESC NULLS LAST, pk DESC``), or by relevance (``rank, pk``) when a text query is given; a
:class:`Keyset` is the position after the last row of a page, written in URLs as ``Keyset.token``.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from saidwhat.errors import SaidwhatError
from saidwhat.filters import StatementFilter
from saidwhat.store.protocol import Connection
from saidwhat.store.types import NameMatch, StatementRecord

T = TypeVar("T")
Where = tuple[list[str], list[object]]
StatementSort = Literal["date", "relevance"]
ArticleSort = Literal["date", "statements"]
FACETS = ("act", "mode", "anonymous", "hedged", "platform", "segment", "speaker", "relay", "outlet", "story")
DEFAULT_FACETS = ("act", "mode", "anonymous", "platform", "speaker", "relay", "outlet", "story")
STORY_TABLE = "story_articles"
BATCH = 2_000  # rows per query of a streamed download


def _in(n: int) -> str:
    return ",".join("?" * n)


@dataclass(frozen=True, slots=True)
class TextMatch:
    """The full-text part of a statements query, written by the backend.

    ``join`` joins its index to ``statements s`` (``{join}`` holds its placeholders, ``params`` their
    values, first in the query); ``rank`` is an SQL expression, lower is better.
    """

    join: str
    params: tuple[object, ...]
    rank: str


@dataclass(frozen=True, slots=True)
class Keyset:
    """The position after the last row of a page: its sort value and its key."""

    value: str | float | None
    pk: int

    @property
    def token(self) -> str:
        """The cursor as a URL writes it: ``<kind><value>~<pk>`` (kind ``d`` date, ``n`` none, ``r`` rank)."""
        if self.value is None:
            return f"n~{self.pk}"
        if isinstance(self.value, float):
            return f"r{self.value!r}~{self.pk}"
        return f"d{self.value}~{self.pk}"

    @classmethod
    def parse(cls, token: str | None) -> Keyset | None:
        """A cursor from its token (None for none); a damaged one is ``E_BAD_REQUEST``."""
        if token is None or not token.strip():
            return None
        bad = SaidwhatError("E_BAD_REQUEST", "the cursor is damaged: start again from the first page")
        head, sep, pk = token.strip().rpartition("~")
        if not sep or not head or not pk.isdigit() or len(pk) > 18:
            raise bad
        kind, value = head[0], head[1:]
        if kind == "n" and not value:
            return cls(None, int(pk))
        if kind == "d" and value and len(value) <= 40:
            return cls(value, int(pk))
        if kind == "r":
            try:
                rank = float(value)
            except ValueError:
                raise bad from None
            if not math.isnan(rank):
                # a rank past the float range ("r9e+394", a URL edited by hand) is after every rank
                return cls(max(-sys.float_info.max, min(sys.float_info.max, rank)), int(pk))
        raise bad


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One value of a facet with its count; ``param`` is what the filter takes to select it."""

    value: str
    label: str
    count: int
    param: str


@dataclass(frozen=True, slots=True)
class StatementPage:
    """One keyset page of statements, the cursor after it (None: last page), the total and the facets
    (facet name → values, most frequent first), and what the ``speaker`` / ``via`` filters matched."""

    records: list[StatementRecord]
    next: Keyset | None
    total: int
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    matched: dict[str, NameMatch] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One article of the articles list."""

    id: str
    title: str | None
    display_title: str | None
    source: str
    url: str | None
    outlet: str | None
    published: str | None
    statements: int
    story: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "display_title": self.display_title,
            "source": self.source,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "statements": self.statements,
            "story": self.story,
        }


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """A registry entity that speaks, with its statement and article counts."""

    gid: int
    name: str
    type: str
    statements: int
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.gid,
            "name": self.name,
            "type": self.type,
            "statements": self.statements,
            "articles": self.articles,
        }


# -- the WHERE clause of the statement filters -------------------------------------------------------


def name_clause(match: NameMatch, role: Literal["speaker", "via"]) -> tuple[str, list[object]] | None:
    """A WHERE clause over ``statements s`` for what a name matched; None when it matched nothing."""
    if match.empty:
        return None
    gids: list[object] = [e.gid for e in match.entities]
    names: list[object] = list(match.names)
    col = "s.speaker" if role == "speaker" else "v"
    sep = "_" if role == "speaker" else "."
    parts = [f"{col}{sep}gid IN ({_in(len(gids))})"] if gids else []
    if names:
        parts.append(f"({col}{sep}gid IS NULL AND {col}{sep}name IN ({_in(len(names))}))")
    clause = "(" + " OR ".join(parts) + ")"
    if role == "via":  # any position in the chain; one set of keys, not a probe per statement
        clause = f"s.pk IN (SELECT v.stmt FROM statement_via v WHERE v.latest = 1 AND {clause})"
    return clause, gids + names


def statement_where(
    f: StatementFilter,
    *,
    speaker: NameMatch | None = None,
    via: NameMatch | None = None,
    has_stories: bool = False,
) -> Where | None:
    """WHERE clauses over ``statements s`` for every filter of ``f`` (latest versions only).

    ``speaker`` / ``via``: what the backend matched for ``f.speaker`` / ``f.via``; ``has_stories``:
    whether the stories stage's table exists. None when the result is certainly empty.
    """
    where = ["s.latest = 1"]
    params: list[object] = []
    for match, role in ((speaker, "speaker"), (via, "via")):
        if match is not None:
            clause = name_clause(match, role)  # type: ignore[arg-type]
            if clause is None:
                return None
            where.append(clause[0])
            params += clause[1]
    for column, value in (("act", f.act), ("mode", f.mode), ("segment", f.segment)):
        if value is not None:
            where.append(f"s.{column} = ?")
            params.append(value)
    for column, flag in (("COALESCE(s.speaker_anonymous, 0)", f.anonymous), ("s.hedged", f.hedged)):
        if flag is not None:
            where.append(f"{column} = ?")
            params.append(int(flag))
    if f.platform is not None:
        where.append("lower(s.platform) = lower(?)")  # the same case folding on both sides
        params.append(f.platform)
    if f.min_confidence is not None:
        where.append("s.confidence >= ?")
        params.append(f.min_confidence)
    if f.since is not None:
        where.append("s.date >= ?")
        params.append(f.since)
    if f.until is not None:
        where.append("s.date <= ?")
        params.append(f.until + "~")  # inclusive of every date under a partial bound ("2025-06")
    if f.outlet is not None:
        where.append("s.doc IN (SELECT d.pk FROM documents d WHERE d.outlet = ?)")
        params.append(f.outlet)
    if f.story is not None:
        if not has_stories:
            return None
        where.append(
            f"s.doc IN (SELECT d.pk FROM documents d JOIN {STORY_TABLE} sa ON sa.doc_id = d.id "
            "WHERE sa.story = ?)"
        )
        params.append(f.story)
    return where, params


# -- statement pages, totals, facets -----------------------------------------------------------------


def _after(sort: StatementSort, after: Keyset | None, rank: str) -> Where:
    """The rows after the cursor; a cursor of the other sort order (a URL edited by hand) is ignored:
    the first page."""
    if after is None or (sort == "relevance") != isinstance(after.value, float):
        return [], []
    if sort == "relevance":
        assert isinstance(after.value, float)
        return [f"({rank} > ? OR ({rank} = ? AND s.pk > ?))"], [after.value, after.value, after.pk]
    if after.value is None:
        return ["(s.date IS NULL AND s.pk < ?)"], [after.pk]
    return (
        ["(s.date < ? OR (s.date = ? AND s.pk < ?) OR s.date IS NULL)"],
        [after.value, after.value, after.pk],
    )


def page_statements(
    conn: Connection,
    where: Where,
    *,
    sort: StatementSort = "date",
    after: Keyset | None = None,
    limit: int = 20,
    text: TextMatch | None = None,
) -> tuple[list[int], Keyset | None]:
    """The keys of one page of statements after ``after`` and the cursor after it (None: no more)."""
    if sort == "relevance" and text is None:
        sort = "date"
    rank = text.rank if text is not None else "0"
    clauses, params = where
    more, more_params = _after(sort, after, rank)
    join, join_params = (text.join, list(text.params)) if text is not None else ("", [])
    order = f"{rank}, s.pk" if sort == "relevance" else "s.date DESC NULLS LAST, s.pk DESC"
    value = rank if sort == "relevance" else "s.date"
    rows = conn.execute(
        f"SELECT s.pk, {value} FROM statements s {join} WHERE {' AND '.join([*clauses, *more])} "
        f"ORDER BY {order} LIMIT ?",
        [*join_params, *params, *more_params, limit + 1],
    ).fetchall()
    page = rows[:limit]
    nxt = None
    if len(rows) > limit:
        last_pk, last_value = page[-1]
        nxt = Keyset(float(last_value) if sort == "relevance" else last_value, int(last_pk))
    return [int(r[0]) for r in page], nxt


def count_statements(conn: Connection, where: Where, text: TextMatch | None = None) -> int:
    clauses, params = where
    join, join_params = (text.join, list(text.params)) if text is not None else ("", [])
    row = conn.execute(
        f"SELECT COUNT(*) FROM statements s {join} WHERE {' AND '.join(clauses)}", [*join_params, *params]
    ).fetchone()
    return int(row[0])


# facet → (FROM-extra joins, the grouped expression, the label expression, skip NULL values)
_SIMPLE_FACETS = {
    "act": "s.act",
    "mode": "s.mode",
    "segment": "s.segment",
    "platform": "s.platform",
    "anonymous": "COALESCE(s.speaker_anonymous, 0)",
    "hedged": "s.hedged",
}


def _names(conn: Connection, gids: Sequence[int]) -> dict[int, str]:
    if not gids:
        return {}
    rows = conn.execute(
        f"SELECT gid, name FROM registry_entities WHERE gid IN ({_in(len(gids))})", list(gids)
    ).fetchall()
    return {int(g): str(n) for g, n in rows}


def _top(counts: Counter[Any], top: int) -> list[tuple[Any, int]]:
    """The ``top`` most frequent non-NULL values, ties by value."""
    return sorted(((v, n) for v, n in counts.items() if v is not None), key=lambda x: (-x[1], str(x[0])))[
        :top
    ]


def _simple_counts(
    conn: Connection, where: Where, text: TextMatch | None, names: Sequence[str]
) -> tuple[dict[str, Counter[Any]], int]:
    """Counts of every value of the column facets ``names`` and the total, in one grouped scan."""
    exprs = [_SIMPLE_FACETS[n] for n in names] or ["1"]
    clauses, params = where
    join, join_params = (text.join, list(text.params)) if text is not None else ("", [])
    counts: dict[str, Counter[Any]] = {n: Counter() for n in names}
    total = 0
    for row in conn.execute(
        f"SELECT {', '.join(exprs)}, COUNT(*) FROM statements s {join} WHERE {' AND '.join(clauses)} "
        f"GROUP BY {', '.join(exprs)}",
        [*join_params, *params],
    ):
        n = int(row[-1])
        total += n
        for i, name in enumerate(names):
            counts[name][row[i]] += n
    return counts, total


def _people_facet(
    conn: Connection, role: Literal["speaker", "relay"], where: Where, text: TextMatch | None, top: int
) -> list[FacetValue]:
    """Top speakers (or relays, at any position of the chain): registry entities and unlinked names."""
    clauses, params = where
    join, join_params = (text.join, list(text.params)) if text is not None else ("", [])
    if role == "speaker":
        gid, name, count, via = "s.speaker_gid", "s.speaker_name", "COUNT(*)", ""
    else:
        gid, name, count, via = (
            "v.gid",
            "v.name",
            "COUNT(DISTINCT s.pk)",
            "JOIN statement_via v ON v.stmt = s.pk",
        )
    unlinked = f"CASE WHEN {gid} IS NULL THEN {name} END"
    counts: Counter[tuple[Any, Any]] = Counter()
    for g, n, c in conn.execute(
        f"SELECT {gid}, {unlinked}, {count} FROM statements s {join} {via} WHERE {' AND '.join(clauses)} "
        f"GROUP BY {gid}, {unlinked}",
        [*join_params, *params],
    ):
        if g is not None or n is not None:
            counts[(g, n)] += int(c)
    best = sorted(counts.items(), key=lambda x: -x[1])[: top * 2]
    names = _names(conn, [int(g) for (g, _), _ in best if g is not None])
    values = [
        FacetValue(str(g), names.get(int(g), f"#{g}"), c, str(g))
        if g is not None
        else FacetValue(str(n), str(n), c, str(n))
        for (g, n), c in best
    ]
    values.sort(key=lambda v: (-v.count, v.label.lower()))
    return values[:top]


def _document_facets(
    conn: Connection, where: Where, text: TextMatch | None, names: Sequence[str], has_stories: bool
) -> dict[str, Counter[Any]]:
    """Counts by outlet and by story: statements grouped by document, documents looked up once."""
    clauses, params = where
    join, join_params = (text.join, list(text.params)) if text is not None else ("", [])
    per_doc = {
        int(d): int(n)
        for d, n in conn.execute(
            f"SELECT s.doc, COUNT(*) FROM statements s {join} WHERE {' AND '.join(clauses)} GROUP BY s.doc",
            [*join_params, *params],
        )
    }
    story = "sa.story" if has_stories else "NULL"
    story_join = f"LEFT JOIN {STORY_TABLE} sa ON sa.doc_id = d.id" if has_stories else ""
    sql = f"SELECT d.pk, d.outlet, {story} FROM documents d {story_join} WHERE "
    rows: Iterable[Any] = []
    if len(per_doc) > 500:
        rows = conn.execute(sql + "d.superseded_by IS NULL")
    elif per_doc:
        rows = conn.execute(sql + f"d.pk IN ({_in(len(per_doc))})", list(per_doc))
    counts: dict[str, Counter[Any]] = {"outlet": Counter(), "story": Counter()}
    for pk, outlet, st in rows:
        n = per_doc.get(int(pk), 0)
        if n:
            counts["outlet"][outlet] += n
            counts["story"][st] += n
    return {k: v for k, v in counts.items() if k in names}


def facet_counts(
    conn: Connection,
    where: Where,
    facets: Sequence[str],
    *,
    top: int = 10,
    text: TextMatch | None = None,
    has_stories: bool = False,
) -> tuple[dict[str, list[FacetValue]], int]:
    """For each facet, its ``top`` values among the statements ``where`` selects, most frequent first;
    and how many statements it selects.

    The column facets (act, mode, anonymous, hedged, platform, segment) and the total come from one
    grouped scan; speakers and relays from one grouped query each; outlets and stories from one count
    per document. Five queries at most, whatever the number of facets."""
    unknown = [f for f in facets if f not in FACETS]
    if unknown:
        raise SaidwhatError(
            "E_BAD_REQUEST", f"there is no facet {unknown[0]!r}; the facets are: {', '.join(FACETS)}"
        )
    simple, total = _simple_counts(conn, where, text, [f for f in facets if f in _SIMPLE_FACETS])
    by_doc = [f for f in facets if f in ("outlet", "story")]
    docs = _document_facets(conn, where, text, by_doc, has_stories) if by_doc and total else {}
    out: dict[str, list[FacetValue]] = {}
    for facet in facets:
        if facet in ("anonymous", "hedged"):
            out[facet] = [
                FacetValue("true" if v else "false", "yes" if v else "no", n, "true" if v else "false")
                for v, n in _top(simple[facet], 2)
            ]
        elif facet in simple:
            out[facet] = [FacetValue(str(v), str(v), n, str(v)) for v, n in _top(simple[facet], top)]
        elif facet in ("speaker", "relay"):
            out[facet] = _people_facet(conn, facet, where, text, top) if total else []  # type: ignore[arg-type]
        else:
            out[facet] = [
                FacetValue(str(v), str(v), n, str(v)) for v, n in _top(docs.get(facet, Counter()), top)
            ]
    return out, total


# -- streamed downloads: flat rows in batches --------------------------------------------------------

ROW_COLUMNS = (
    "doc_id",
    "date",
    "statement_id",
    "speaker",
    "speaker_id",
    "anonymous",
    "via",
    "act",
    "mode",
    "hedged",
    "platform",
    "segment",
    "confidence",
    "content",
    "title",
    "outlet",
    "url",
)


def _row_batch(conn: Connection, pks: Sequence[int]) -> list[tuple[Any, ...]]:
    """Flat rows (:data:`ROW_COLUMNS`) of statements ``pks``, in that order."""
    rows = conn.execute(
        "SELECT s.pk, d.id, s.date, s.sid, COALESCE(s.speaker_name, s.speaker_text), s.speaker_gid, "
        "COALESCE(s.speaker_anonymous, 0), s.n_via, s.act, s.mode, s.hedged, s.platform, s.segment, "
        "s.confidence, s.content_text, COALESCE(d.display_title, d.title), d.outlet, d.url "
        f"FROM statements s JOIN documents d ON d.pk = s.doc WHERE s.pk IN ({_in(len(pks))})",
        list(pks),
    ).fetchall()
    with_via = [r[0] for r in rows if r[7]]
    chains: dict[int, list[str]] = {}
    if with_via:
        for stmt, name in conn.execute(
            f"SELECT stmt, COALESCE(name, text) FROM statement_via WHERE stmt IN ({_in(len(with_via))}) "
            "ORDER BY stmt, ord",
            with_via,
        ):
            chains.setdefault(int(stmt), []).append(str(name))
    by_pk = {int(r[0]): r for r in rows}
    out = []
    for pk in pks:
        r = by_pk.get(pk)
        if r is None:
            continue
        out.append(
            (
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                bool(r[6]),
                " > ".join(chains.get(pk, [])),
                r[8],
                r[9],
                bool(r[10]),
                r[11],
                r[12],
                r[13],
                r[14],
                r[15],
                r[16],
                r[17],
            )
        )
    return out


def iter_batches(
    session: Callable[[], AbstractContextManager[Connection]],
    where: Where,
    read: Callable[[Connection, Sequence[int]], list[T]],
    *,
    sort: StatementSort = "date",
    text: TextMatch | None = None,
    batch: int = BATCH,
) -> Iterator[list[T]]:
    """Every statement ``where`` selects, in page order, ``batch`` at a time as ``read(conn, pks)``.

    Each batch is a keyset page read in its own ``session()`` (a read transaction), and is yielded
    after the session ended: a streamed answer may resume on another thread, and holds no connection
    while the client reads. The order is stable and nothing is read twice.
    """
    after: Keyset | None = None
    while True:
        with session() as conn:
            pks, after = page_statements(conn, where, sort=sort, after=after, limit=batch, text=text)
            rows = read(conn, pks)
        yield rows
        if after is None:
            return


def iter_rows(
    session: Callable[[], AbstractContextManager[Connection]],
    where: Where,
    *,
    sort: StatementSort = "date",
    text: TextMatch | None = None,
    batch: int = BATCH,
) -> Iterator[tuple[Any, ...]]:
    """Every statement ``where`` selects as a flat row (:data:`ROW_COLUMNS`), in page order."""
    for rows in iter_batches(session, where, _row_batch, sort=sort, text=text, batch=batch):
        yield from rows


# -- the articles list and the speakers list ---------------------------------------------------------


def article_where(
    *,
    outlet: str | None = None,
    story: str | None = None,
    since: str | None = None,
    until: str | None = None,
    has_stories: bool = False,
) -> Where | None:
    """WHERE clauses over ``documents d`` (latest versions); None when certainly empty."""
    where = ["d.superseded_by IS NULL"]
    params: list[object] = []
    if outlet is not None:
        where.append("d.outlet = ?")
        params.append(outlet)
    if since is not None:
        where.append("d.published >= ?")
        params.append(since)
    if until is not None:
        where.append("d.published <= ?")
        params.append(until + "~")
    if story is not None:
        if not has_stories:
            return None
        where.append(f"d.id IN (SELECT sa.doc_id FROM {STORY_TABLE} sa WHERE sa.story = ?)")
        params.append(story)
    return where, params


def list_articles(
    conn: Connection,
    where: Where,
    *,
    sort: ArticleSort = "date",
    limit: int = 20,
    offset: int = 0,
    has_stories: bool = False,
) -> list[ArticleRow]:
    """One page of articles, newest first (``date``) or most statements first (``statements``)."""
    clauses, params = where
    order = "d.published DESC NULLS LAST, d.pk DESC" if sort == "date" else "d.n_statements DESC, d.pk DESC"
    story = "sa.story" if has_stories else "NULL"
    join = f"LEFT JOIN {STORY_TABLE} sa ON sa.doc_id = d.id" if has_stories else ""
    rows = conn.execute(
        "SELECT d.id, d.title, d.display_title, d.source, d.url, d.outlet, d.published, d.n_statements, "
        f"{story} FROM documents d {join} WHERE {' AND '.join(clauses)} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return [ArticleRow(*r) for r in rows]


def count_articles(conn: Connection, where: Where) -> int:
    clauses, params = where
    return int(
        conn.execute(f"SELECT COUNT(*) FROM documents d WHERE {' AND '.join(clauses)}", params).fetchone()[0]
    )


def article_outlets(conn: Connection, top: int = 30) -> list[tuple[str, int]]:
    """The outlets of the current articles, most articles first."""
    rows = conn.execute(
        "SELECT outlet, COUNT(*) FROM documents WHERE superseded_by IS NULL AND outlet IS NOT NULL "
        "GROUP BY outlet ORDER BY COUNT(*) DESC, outlet LIMIT ?",
        [top],
    ).fetchall()
    return [(str(o), int(n)) for o, n in rows]


def list_speakers(
    conn: Connection, *, type: str | None = None, limit: int = 20, offset: int = 0
) -> list[SpeakerRow]:
    """Registry entities with statements (of one entity ``type``), most statements first."""
    where, params = "n_statements > 0", []
    if type is not None:
        where += " AND type = ?"
        params.append(type)
    rows = conn.execute(
        f"SELECT gid, name, type, n_statements FROM registry_entities WHERE {where} "
        "ORDER BY n_statements DESC, gid LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    gids = [int(r[0]) for r in rows]
    articles: dict[int, int] = {}
    if gids:
        for gid, n in conn.execute(
            "SELECT speaker_gid, COUNT(DISTINCT doc) FROM statements "
            f"WHERE latest = 1 AND speaker_gid IN ({_in(len(gids))}) GROUP BY speaker_gid",
            gids,
        ):
            articles[int(gid)] = int(n)
    return [SpeakerRow(int(g), str(n), str(t), int(c), articles.get(int(g), 0)) for g, n, t, c in rows]


def count_speakers(conn: Connection, *, type: str | None = None) -> int:
    where, params = "n_statements > 0", []
    if type is not None:
        where += " AND type = ?"
        params.append(type)
    return int(conn.execute(f"SELECT COUNT(*) FROM registry_entities WHERE {where}", params).fetchone()[0])


def speaker_types(conn: Connection) -> list[tuple[str, int]]:
    """The entity types of speakers, most speakers first."""
    rows = conn.execute(
        "SELECT type, COUNT(*) FROM registry_entities WHERE n_statements > 0 GROUP BY type "
        "ORDER BY COUNT(*) DESC, type"
    ).fetchall()
    return [(str(t), int(n)) for t, n in rows]
