"""Full-text search on PostgreSQL: ``tsvector`` columns, GIN indexes, ``ts_rank``, ``ts_headline``.

The query is the bounded one of :func:`saidwhat.store.fts.parse_query` (the same terms FTS5 gets):
each term is a phrase (``phraseto_tsquery``) whose last token is a prefix (``:*``) for ``word*``, all
terms ANDed. The text search configuration ``saidwhat_fts`` (migration 1) folds accents and stems
English words without stop words, close to FTS5's ``porter unicode61 remove_diacritics 2``.

Like :mod:`saidwhat.store.sqlite.search`, a page is found in two steps: ids and ranks of the best
``offset + limit`` matches of each kind, merged; then snippets and records for the page only. Rank is
``-ts_rank`` (lower is better, as FTS5's bm25); above :data:`saidwhat.store.fts.RANK_LIMIT`
matches a kind comes newest first, unranked. Rankings differ from FTS5's bm25 (see ``docs/store.md``).
"""

from __future__ import annotations

from collections.abc import Sequence

from saidwhat.store import fts
from saidwhat.store.fts import CLOSE, OPEN, parse_marked, parse_query
from saidwhat.store.migrations.v0001_initial import PG_ANGLES
from saidwhat.store.protocol import Connection
from saidwhat.store.sql.read import load_records
from saidwhat.store.sql.store import Candidate, Where, best_page
from saidwhat.store.types import SearchHit

_ANGLES_BACK = str.maketrans(PG_ANGLES, "<>")
CONFIG = "saidwhat_fts"
_HEADLINE = (
    f'StartSel="{OPEN}", StopSel="{CLOSE}", MaxWords={{words}}, MinWords={{least}}, ShortWord=0, '
    'MaxFragments=1, FragmentDelimiter=" … "'
)
# per kind of hit: its row table (aliased as the filters expect) and the column shown in snippets
_TABLES = {"statement": ("statements s", "s", "content_text"), "article": ("documents d", "d", "text")}


def tsquery(conn: Connection, user: str) -> str | None:
    """The ``tsquery`` (as text) for ``user``'s words and phrases; None when there is nothing to find."""
    pieces: list[str] = []
    params: list[object] = []
    for tokens, prefix in parse_query(user).parts:
        whole = tokens[:-1] if prefix else tokens
        term: list[str] = []
        if whole:
            term.append(f"phraseto_tsquery('{CONFIG}', ?)")
            params.append(" ".join(whole))
        if prefix:  # tokens are letters and digits only: safe inside tsquery quotes
            term.append(f"to_tsquery('{CONFIG}', ?)")
            params.append(f"'{tokens[-1]}':*")
        pieces.append("(" + " <-> ".join(term) + ")")
    if not pieces:
        return None
    row = conn.execute(f"SELECT ({' && '.join(pieces)})::text", params).fetchone()
    return str(row[0]) if row and row[0] else None


def _candidates(conn: Connection, kind: str, query: str, where: Where, want: int) -> list[Candidate]:
    table, alias, _ = _TABLES[kind]
    clauses, params = where
    many = conn.execute(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE {alias}.fts @@ ?::tsquery LIMIT ?) m",
        (query, fts.RANK_LIMIT + 1),
    ).fetchone()[0]
    ranked = int(many) <= fts.RANK_LIMIT
    rank = f"-ts_rank({alias}.fts, ?::tsquery)" if ranked else "0.0"
    rows = conn.execute(
        f"SELECT {alias}.pk, {rank} FROM {table} WHERE {alias}.fts @@ ?::tsquery AND {' AND '.join(clauses)} "
        f"ORDER BY {'2, ' if ranked else ''}{alias}.pk DESC LIMIT ?",
        [*([query] if ranked else []), query, *params, want],
    ).fetchall()
    return [Candidate(float(r), kind, int(pk), ranked) for pk, r in rows]


def _snippet(conn: Connection, kind: str, query: str, pk: int, words: int) -> str:
    table, alias, column = _TABLES[kind]
    options = _HEADLINE.format(words=words, least=words // 2)
    row = conn.execute(
        f"SELECT ts_headline('{CONFIG}', translate({alias}.{column}, '<>', '{PG_ANGLES}'), ?::tsquery, ?), "
        f"{alias}.{column} FROM {table} WHERE {alias}.pk = ?",
        (query, options, pk),
    ).fetchone()
    if row is None or row[0] is None:
        return ""
    return _whole_edges(str(row[0]).translate(_ANGLES_BACK), str(row[1]))


def _whole_edges(marked: str, text: str) -> str:
    """``ts_headline`` starts and ends a fragment at a word: put back the punctuation that begins or
    ends the text itself (``<script>``, a closing quote), as FTS5's snippet keeps it."""
    plain = marked.replace(OPEN, "").replace(CLOSE, "")
    at = text.find(plain)
    if at < 0:
        return marked
    head, tail = text[:at], text[at + len(plain) :]
    if head and not any(ch.isalnum() for ch in head):
        marked = head + marked
    if tail and not any(ch.isalnum() for ch in tail):
        marked += tail
    return marked


def _hits(conn: Connection, query: str, page: Sequence[Candidate]) -> dict[tuple[str, int], SearchHit]:
    out: dict[tuple[str, int], SearchHit] = {}
    statements = [c for c in page if c.kind == "statement"]
    for cand, rec in zip(statements, load_records(conn, [c.pk for c in statements]), strict=True):
        snip = parse_marked(_snippet(conn, "statement", query, cand.pk, 40))
        out["statement", cand.pk] = SearchHit(
            "statement",
            rec.doc_id,
            rec.doc_title,
            rec.doc_source,
            rec.published,
            rec.date,
            snip,
            cand.rank,
            rec,
            cand.ranked,
        )
    for cand in (c for c in page if c.kind == "article"):
        doc_id, title, source, published = conn.execute(
            "SELECT id, title, source, published FROM documents WHERE pk = ?", (cand.pk,)
        ).fetchone()
        snip = parse_marked(_snippet(conn, "article", query, cand.pk, 32))
        out["article", cand.pk] = SearchHit(
            "article", doc_id, title, source, published, published, snip, cand.rank, None, cand.ranked
        )
    return out


def search_page(
    conn: Connection, user: str, *, statements: Where | None, articles: Where | None, limit: int, offset: int
) -> list[SearchHit]:
    """Hits ``offset`` … ``offset + limit`` of ``user``'s query, best first, statements first on ties."""
    query = tsquery(conn, user)
    if query is None:
        return []
    page = best_page(
        lambda kind, where, want: _candidates(conn, kind, query, where, want),
        statements,
        articles,
        limit,
        offset,
    )
    hits = _hits(conn, query, page)
    return [hits[c.kind, c.pk] for c in page]
