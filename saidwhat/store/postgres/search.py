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

import re
from collections.abc import Sequence

from saidwhat.store import fts
from saidwhat.store.browse import TextMatch
from saidwhat.store.fts import CLOSE, OPEN, parse_marked, parse_query
from saidwhat.store.migrations.v0001_initial import PG_ANGLES
from saidwhat.store.migrations.v0009_ranking_vectors import IN_LINE
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
# per kind of hit: its row table (aliased as the filters expect), the column shown in snippets, its date
WINDOW = 1500  # characters of an article around its first match that its snippet is cut from
_TABLES = {
    "statement": ("statements s", "s", "content_text", "s.date"),
    "article": ("documents d", "d", "text", "d.published"),
}


def tsquery(conn: Connection, user: str) -> str | None:
    """The ``tsquery`` (as text) for ``user``'s words and phrases; None when there is nothing to find."""
    both = tsqueries(conn, user)
    return None if both is None else both[0]


def tsqueries(conn: Connection, user: str) -> tuple[str, str] | None:
    """``(exact, loose)``: the ``tsquery`` of :func:`tsquery` and the same lexemes ANDed without their
    phrase operators (``'prime' & 'minist'`` for ``'prime' <-> 'minist'``), as text, in one round
    trip; None when there is nothing to find. Every row the exact query matches, the loose one
    matches, and the GIN index answers the loose one alone (no recheck of each row's ``tsvector``,
    which for an article is TOASTed: reading it is most of a phrase query's cost)."""
    pieces: list[str] = []
    loose: list[str] = []
    params: list[object] = []
    loose_params: list[object] = []
    for tokens, prefix in parse_query(user).parts:
        whole = tokens[:-1] if prefix else tokens
        term: list[str] = []
        if whole:
            term.append(f"phraseto_tsquery('{CONFIG}', ?)")
            loose.append(f"plainto_tsquery('{CONFIG}', ?)")
            params.append(" ".join(whole))
            loose_params.append(" ".join(whole))
        if prefix:  # tokens are letters and digits only: safe inside tsquery quotes
            term.append(f"to_tsquery('{CONFIG}', ?)")
            loose.append(f"to_tsquery('{CONFIG}', ?)")
            params.append(f"'{tokens[-1]}':*")
            loose_params.append(f"'{tokens[-1]}':*")
        pieces.append("(" + " <-> ".join(term) + ")")
    if not pieces:
        return None
    row = conn.execute(
        f"SELECT ({' && '.join(pieces)})::text, ({' && '.join(loose)})::text", [*params, *loose_params]
    ).fetchone()
    if not row or not row[0]:
        return None
    return str(row[0]), str(row[1] or row[0])


def _candidates(
    conn: Connection,
    kind: str,
    query: str,
    where: Where,
    want: int,
    by_date: bool = False,
    loose: str = "",
    quoting: dict[str, list[int]] | None = None,
) -> list[Candidate]:
    """The keys and ranks of the best (or newest) ``want`` hits of one kind. ``loose``: the query
    without its phrase operators (:func:`tsqueries`; empty: the same as ``query``). ``quoting``: where
    a statements pass that saw every match leaves, under ``"docs"``, the articles of the statements
    kept (see :func:`_quoted`)."""
    table, alias, _, day = _TABLES[kind]
    clauses, params = where
    if kind == "article":
        return _article_candidates(conn, query, where, want, by_date, loose or query)
    if not by_date:
        ranked = _ranked_statements(conn, query, where, want)
        if ranked is not None:
            found, docs = ranked
            if quoting is not None:
                quoting["docs"] = docs
            return found
    order = f"{day} DESC NULLS LAST, {alias}.pk DESC" if by_date else f"{alias}.pk DESC"
    rows = conn.execute(
        f"SELECT {alias}.pk, 0.0, COALESCE({day}, '') FROM {table} "
        f"WHERE {alias}.fts @@ ?::tsquery AND {' AND '.join(clauses)} ORDER BY {order} LIMIT ?",
        [query, *params, want],
    ).fetchall()
    return [Candidate(float(r), kind, int(pk), False, str(dt)) for pk, r, dt in rows]


def _ranked_statements(
    conn: Connection, query: str, where: Where, want: int
) -> tuple[list[Candidate], list[int]] | None:
    """The best ``want`` statement hits, ranked, in one pass over the matches (the heap pages of a
    common word's statements are most of its cost: a count first, then the ranked query, read them
    twice): at most ``RANK_LIMIT + 1`` matches, each tested against the filters, those kept ranked
    (``OFFSET 0``: before they are materialised, which then holds no ``tsvector``), and all counted;
    with the hits, the articles of every statement kept. None when there are more than
    ``RANK_LIMIT`` matches (the hits are then the newest, unranked)."""
    clauses, params = where
    rows = conn.execute(
        "WITH z AS MATERIALIZED (SELECT z.pk, z.doc, z.dt, z.keep, CASE WHEN z.keep THEN "
        "-ts_rank(z.fts, ?::tsquery) ELSE 0.0::real END AS r FROM (SELECT s.pk, s.doc, s.fts, "
        f"COALESCE(s.date, '') AS dt, COALESCE(({' AND '.join(clauses)}), false) AS keep "
        "FROM statements s WHERE s.fts @@ ?::tsquery LIMIT ?) z OFFSET 0) "
        "SELECT 0, t.pk, t.r, t.dt, NULL::bigint[] FROM (SELECT pk, r, dt FROM z WHERE keep "
        "ORDER BY r, pk DESC LIMIT ?) t UNION ALL "
        "SELECT 1, COUNT(*), NULL, NULL, array_agg(DISTINCT doc) FILTER (WHERE keep) FROM z",
        [query, *params, query, fts.RANK_LIMIT + 1, want],
    ).fetchall()
    (n, docs) = next((int(pk), list(d or ())) for part, pk, _, _, d in rows if part == 1)
    if n > fts.RANK_LIMIT:
        return None
    hits = [
        Candidate(float(r), "statement", int(pk), True, str(dt)) for part, pk, r, dt, _ in rows if part == 0
    ]
    return hits, [int(d) for d in docs]


def _quoted(query: str, s_where: Where, docs: list[int] | None) -> tuple[str, list[object]]:
    """The clause over ``documents d`` that leaves out the articles with a matching statement (those
    of the filters ``s_where``): ``docs``, when the statements pass listed them all, else a
    subquery that finds them again."""
    if docs is not None:
        return "NOT (d.pk = ANY(?::bigint[]))", [docs]
    return (
        "d.pk NOT IN (SELECT s.doc FROM statements s WHERE s.fts @@ ?::tsquery AND "
        f"{' AND '.join(s_where[0])})",
        [query, *s_where[1]],
    )


RANKING = "documents_ranking"  # the articles' tsvectors that fit in a page, stored in line (migration 9)
PIECES = "documents_ranking_pieces"  # the longer ones, in line in pieces by lexeme range (migration 10)
_LEXEME = re.compile(r"'((?:[^']|'')*)'(:\*)?")


def lexeme_range(query: str) -> tuple[str, str, str] | None:
    """What a piece of :data:`PIECES` (lexemes ``lo <= x < hi``) must cover to rank ``query`` (a
    ``tsquery`` as text) as the whole vector does: ``(first, last, after)``, the piece's ``lo`` at
    most ``first`` (the least lexeme) and its ``hi`` NULL or above ``last`` (the greatest whole
    lexeme; ``''``: none) and at least ``after`` (above every lexeme a prefix matches: the prefix
    with its last character's successor; ``''``: no prefix). Byte order of UTF-8 is the order of
    code points, so Python's string order is the pieces' (``COLLATE "C"``). None when a lexeme is
    quoted (``'`` or ``\\``, escaped in the text) or a successor is no character: the pieces
    are not used."""
    if "\\" in query:
        return None
    found = [(m.group(1), bool(m.group(2))) for m in _LEXEME.finditer(query)]
    if not found or any("'" in x for x, _ in found):
        return None
    last = max((x for x, prefix in found if not prefix), default="")
    after = ""
    for x, prefix in found:
        if prefix:
            if not x:
                return None
            code = ord(x[-1]) + 1
            if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
                return None
            after = max(after, x[:-1] + chr(code))
    return min(x for x, _ in found), last, after


def _vector(pk: str, own: str, pieces: bool = False) -> str:
    """The ``tsvector`` of the article ``pk`` for ranking and phrase tests: its copy stored in line in
    :data:`RANKING` (one index probe and a heap read) when it has one, else ``own``, its
    ``documents.fts`` (TOASTed: a probe of the TOAST index and a read of each ~2 KB chunk). With
    ``pieces`` (three parameters: the :func:`lexeme_range`), a vector over a page (its stored size,
    read from its TOAST pointer) is looked for in :data:`PIECES` instead of :data:`RANKING`: the one
    piece that can hold the query's lexemes, the last to start at or before the least of them, when
    it ends after them all."""
    short = f"COALESCE((SELECT r.fts FROM {RANKING} r WHERE r.pk = {pk}), {own})"
    if not pieces:
        return short
    return (
        f"CASE WHEN pg_column_size({own}) <= {IN_LINE} THEN {short} ELSE COALESCE((SELECT p.fts FROM "
        f"{PIECES} p WHERE p.pk = {pk} AND p.lo = (SELECT q.lo FROM {PIECES} q WHERE q.pk = {pk} "
        "AND q.lo <= ? AND (q.hi IS NULL OR (q.hi > ? AND q.hi >= ?)) ORDER BY q.lo DESC LIMIT 1)), "
        f"{own}) END"
    )


def _article_candidates(
    conn: Connection, query: str, where: Where, want: int, by_date: bool, loose: str | None = None
) -> list[Candidate]:
    """:func:`_candidates` of articles, in one query: the matches come from the GIN index first, with
    each one's filters evaluated on the row the index led to (a materialised CTE ``m``, which the
    planner cannot merge into a scan of the partial index of current articles that would test -- and
    decompress -- every article's TOASTed tsvector: 250 ms at 10,000 articles); they are counted
    (ranked only when at most ``RANK_LIMIT``), and only those kept are ranked, by their vectors
    stored in line (:func:`_vector`). A phrase query (``loose`` differs) takes the matches of
    ``loose`` from the index, and only then tests the phrase on those kept (on the same vector);
    when ``loose`` matches more than ``RANK_LIMIT`` articles, the exact count decides as before."""
    clauses, params = where
    many = f"(SELECT COUNT(*) FROM m) <= {fts.RANK_LIMIT}"
    phrase = loose is not None and loose != query
    bounds = lexeme_range(query)
    vector = _vector("m.pk", "m.fts", bounds is not None)
    near: list[object] = list(bounds or ())

    def rank(vector: str) -> str:
        if by_date:
            return "0.0"
        return f"CASE WHEN {many} THEN -ts_rank({vector}, ?::tsquery) ELSE 0.0::real END"

    order = "m.published DESC NULLS LAST, m.pk DESC" if by_date else "2, m.pk DESC"
    matches = (
        "WITH m AS MATERIALIZED (SELECT d.pk, d.published, d.fts, "
        f"COALESCE(({' AND '.join(clauses)}), false) AS keep FROM documents d WHERE d.fts @@ ?::tsquery) "
    )
    if phrase:  # the vector read once per kept match, for the test and the rank (OFFSET 0: not inlined)
        rows = conn.execute(
            f"{matches}SELECT m.pk, {rank('v.fts')}, COALESCE(m.published, ''), {many} FROM m "
            f"CROSS JOIN LATERAL (SELECT {vector} AS fts OFFSET 0) v "
            f"WHERE m.keep AND v.fts @@ ?::tsquery ORDER BY {order} LIMIT ?",
            [*params, loose, *([] if by_date else [query]), *near, query, want],
        ).fetchall()
        if by_date or not rows or rows[0][3]:
            return [
                Candidate(float(r), "article", int(pk), bool(ok) and not by_date, str(dt))
                for pk, r, dt, ok in rows
            ]
    rows = conn.execute(
        f"{matches}SELECT m.pk, {rank(vector)}, COALESCE(m.published, ''), {many} FROM m "
        f"WHERE m.keep ORDER BY {order} LIMIT ?",
        [*params, query, *([] if by_date else [*near, query]), want],
    ).fetchall()
    return [
        Candidate(float(r), "article", int(pk), bool(ok) and not by_date, str(dt)) for pk, r, dt, ok in rows
    ]


def _source(column: str, needle: str | None) -> tuple[str, str, list[object]]:
    """The text ``ts_headline`` parses (it parses all it is given), the join that text needs and its
    parameters: for an article, the :data:`WINDOW` characters around the first place its text
    contains ``needle`` (the first word of the query, lower case), else the whole text. The place
    is found once per article (a ``LATERAL`` subquery kept apart by ``OFFSET 0``, or the planner
    would put the expression back in both places and lower-case the text twice). The articles of a
    page cut their windows in Python instead (:func:`_windows`); this is the same cut in SQL, for the
    articles :func:`_lowered` cannot lower-case as PostgreSQL does."""
    if needle is None:
        return column, "", []
    return (
        f"CASE WHEN w.at > 0 THEN substr({column}, greatest(1, w.at - {WINDOW // 2}), {WINDOW}) "
        f"ELSE {column} END",
        f" CROSS JOIN LATERAL (SELECT strpos(lower({column}), ?) AS at OFFSET 0) w",
        [needle],
    )


_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")
_ASCII = "".join(map(chr, range(1, 128)))  # text cannot hold NUL
_LOWER_SQL = (
    "SELECT lower(?), (SELECT to_jsonb(d) ->> 'datlocprovider' FROM pg_database d "
    "WHERE d.datname = current_database())"
)


def _lowered(texts: Sequence[str]) -> tuple[str, list[set[str]]]:
    """What :func:`_agreed` checks ``texts`` by: the characters to lower on the server (every ASCII
    one, then every other character the texts hold, once) and the characters of each text outside
    ASCII."""
    odd = [set(_ASCII_RUNS.sub("", t)) for t in texts]
    return _ASCII + "".join(sorted(set().union(*odd))), odd


def _agreed(chars: str, theirs: object, provider: object, odd: Sequence[set[str]]) -> list[bool]:
    """Whether each text is lowered by ``str.lower()`` exactly as by PostgreSQL's ``lower()``.
    Under a libc locale (the database's provider ``c``; none before PostgreSQL 15), ``lower()``
    maps each character alone to one character (``towlower``): a text agrees when every one of its
    characters is lowered by Python to the one character the server lowers it to (``theirs``, the
    server's ``lower(chars)``; never the capital sigma, which Python lowers by its context) and the
    server lowers ASCII as Python does. Under another provider no text agrees."""
    low = "" if theirs is None else str(theirs)
    if provider not in (None, "c") or len(low) != len(chars) or low[: len(_ASCII)] != _ASCII.lower():
        return [False] * len(odd)
    same = {c for c, lc in zip(chars, low, strict=True) if c.lower() == lc and c != "\u03a3"}
    return [held <= same for held in odd]


def _windows(texts: Sequence[str], chars: str, needle: str) -> list[str]:
    """What :func:`_source` gives ``ts_headline`` for each of ``texts`` (``substr`` of the
    :data:`WINDOW` characters around ``strpos(lower(text), needle)``, or the whole text), cut in
    Python for texts :func:`_agreed` with the server, whose characters (all among ``chars``) are
    lowered one by one: the first place each character of ``needle`` is matched by a character
    that lowers to it (a regular expression, without lowering the text)."""
    pattern = re.compile(
        "".join(
            "[" + "".join(re.escape(c) for c in {n, *(c for c in chars if c.lower() == n)}) + "]"
            for n in needle
        )
    )
    out: list[str] = []
    for text in texts:
        found = pattern.search(text)
        at = found.start() + 1 if found else 0  # strpos(): 1-based, 0 when absent
        if at > 0:
            start = max(1, at - WINDOW // 2) - 1
            text = text[start : start + WINDOW]
        out.append(text)
    return out


def _plain(text: str) -> str:
    """``text`` with ``<`` and ``>`` as :data:`PG_ANGLES` (what the ``tsvector`` columns index): two
    ``replace`` calls, several times faster than ``translate`` on PostgreSQL's multibyte text."""
    lt, gt = PG_ANGLES[0], PG_ANGLES[1]
    return f"replace(replace({text}, '<', '{lt}'), '>', '{gt}')"


def _snippets(
    conn: Connection, kind: str, query: str, pks: Sequence[int], words: int, needle: str | None = None
) -> dict[int, tuple[str, tuple[object, ...]]]:
    """For the hits ``pks`` of one kind, in one query: each one's marked snippet and, for articles,
    its ``(id, title, source, published)``. Articles with a ``needle`` take
    :func:`_article_snippets`."""
    if not pks:
        return {}
    if kind == "article" and needle is not None:
        return _article_snippets(conn, query, pks, words, needle)
    return _sql_snippets(conn, kind, query, pks, words, needle)


def _sql_snippets(
    conn: Connection, kind: str, query: str, pks: Sequence[int], words: int, needle: str | None
) -> dict[int, tuple[str, tuple[object, ...]]]:
    """:func:`_snippets` in one query, the window (:func:`_source`) cut on the server."""
    table, alias, column, _ = _TABLES[kind]
    options = _HEADLINE.format(words=words, least=words // 2)
    extra = ", d.id, d.title, d.source, d.published" if kind == "article" else ""
    marks = ",".join("?" * len(pks))
    source, join, source_params = _source(f"{alias}.{column}", needle)
    rows = conn.execute(
        f"SELECT {alias}.pk, ts_headline('{CONFIG}', {_plain(source)}, ?::tsquery, ?), "
        f"{alias}.{column}{extra} FROM {table}{join} WHERE {alias}.pk IN ({marks})",
        (query, options, *source_params, *pks),
    ).fetchall()
    out: dict[int, tuple[str, tuple[object, ...]]] = {}
    for pk, marked, text, *rest in rows:
        snip = "" if marked is None else _whole_edges(str(marked).translate(_ANGLES_BACK), str(text))
        out[int(pk)] = (snip, tuple(rest))
    return out


def _article_snippets(
    conn: Connection, query: str, pks: Sequence[int], words: int, needle: str
) -> dict[int, tuple[str, tuple[object, ...]]]:
    """:func:`_snippets` of articles, the same snippets in two round trips instead of one: the
    articles' rows and texts; then ``ts_headline`` over the windows :func:`_windows` cut (once per
    distinct window: copies of one story share it; the window, the characters and the edges are
    found once per distinct text), with the server's ``lower()`` of the characters
    that tells whether Python lowered each text as the server does (:func:`_agreed`). Finding the
    first match in ``lower(text)`` on the server was a third of the snippets' cost (the whole text
    lowered: ~0.25 ms an article of 11,000 characters); an article Python cannot lower as the
    server does gets its snippet from :func:`_sql_snippets`' query."""
    marks = ",".join("?" * len(pks))
    rows = conn.execute(
        f"SELECT d.pk, d.text, d.id, d.title, d.source, d.published FROM documents d WHERE d.pk IN ({marks})",
        tuple(pks),
    ).fetchall()
    texts = [str(r[1]) for r in rows]
    once = list(dict.fromkeys(texts))  # copies of one story (syndicated news): each text's work once
    chars, odd_once = _lowered(once)
    lt, gt = PG_ANGLES[0], PG_ANGLES[1]
    window = {
        t: w.replace("<", lt).replace(">", gt)
        for t, w in zip(once, _windows(once, chars, needle), strict=True)
    }
    plain = [window[t] for t in texts]
    distinct = list(dict.fromkeys(plain))  # and one headline per distinct window
    row = conn.execute(
        f"{_LOWER_SQL}, ARRAY(SELECT ts_headline('{CONFIG}', u.w, ?::tsquery, ?) FROM unnest(?::text[]) "
        "WITH ORDINALITY AS u(w, i) ORDER BY u.i)",
        (chars, query, _HEADLINE.format(words=words, least=words // 2), distinct),
    ).fetchone()
    theirs, provider, found = row if row else (None, None, [])
    by_window = dict(zip(distinct, found or [], strict=True))
    heads = [by_window[w] for w in plain]
    agreed_once = dict(zip(once, _agreed(chars, theirs, provider, odd_once), strict=True))
    edged: dict[tuple[str, str], str] = {}
    out: dict[int, tuple[str, tuple[object, ...]]] = {}
    rest: list[int] = []
    for (pk, _, *fields), text, mark in zip(rows, texts, heads, strict=True):
        if not agreed_once[text]:
            rest.append(int(pk))
            continue
        snip = ""
        if mark is not None:
            key = (str(mark), text)
            if key not in edged:
                edged[key] = _whole_edges(key[0].translate(_ANGLES_BACK), text)
            snip = edged[key]
        out[int(pk)] = (snip, tuple(fields))
    if rest:
        out.update(_sql_snippets(conn, "article", query, rest, words, needle))
    return out


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


def _hits(
    conn: Connection, query: str, page: Sequence[Candidate], needle: str | None = None
) -> dict[tuple[str, int], SearchHit]:
    out: dict[tuple[str, int], SearchHit] = {}
    statements = [c for c in page if c.kind == "statement"]
    snips = _snippets(conn, "statement", query, [c.pk for c in statements], 40)
    for cand, rec in zip(statements, load_records(conn, [c.pk for c in statements]), strict=True):
        out["statement", cand.pk] = SearchHit(
            "statement",
            rec.doc_id,
            rec.doc_title,
            rec.doc_source,
            rec.published,
            rec.date,
            parse_marked(snips.get(cand.pk, ("", ()))[0]),
            cand.rank,
            rec,
            cand.ranked,
        )
    articles = [c for c in page if c.kind == "article"]
    found = _snippets(conn, "article", query, [c.pk for c in articles], 32, needle)
    for cand in articles:
        snip, (doc_id, title, source, published) = found[cand.pk]
        out["article", cand.pk] = SearchHit(
            "article",
            str(doc_id),
            None if title is None else str(title),
            str(source),
            None if published is None else str(published),
            None if published is None else str(published),
            parse_marked(snip),
            cand.rank,
            None,
            cand.ranked,
        )
    return out


def search_page(
    conn: Connection,
    user: str,
    *,
    statements: Where | None,
    articles: Where | None,
    limit: int,
    offset: int,
    sort: str = "relevance",
) -> list[SearchHit]:
    """Hits ``offset`` … ``offset + limit`` of ``user``'s query, best (``sort="date"``: newest) first,
    statements first on ties; an article with a matching statement is found through its statements."""
    both = tsqueries(conn, user)
    if both is None:
        return []
    query, loose = both
    quoting: dict[str, list[int]] = {}
    page = best_page(
        lambda kind, where, want, by_date: _candidates(
            conn, kind, query, where, want, by_date, loose, quoting
        ),
        statements,
        articles,
        limit,
        offset,
        by_date=sort == "date",
        quoted=lambda s_where: _quoted(query, s_where, quoting.get("docs")),
    )
    parts = parse_query(user).parts
    hits = _hits(conn, query, page, parts[0][0][0].lower() if parts and parts[0][0] else None)
    return [hits[c.kind, c.pk] for c in page]


def text_match(conn: Connection, user: str) -> TextMatch | None:
    """The full-text part of a statements query of the browser (:mod:`saidwhat.store.browse`): the
    query joined once as ``tq.q`` (so the rank expression has no placeholder), rank ``-ts_rank`` as a
    ``float8``: ``ts_rank`` is a ``real``, whose text form does not read back as the same double, so a
    keyset cursor on it would not find its row again."""
    query = tsquery(conn, user)
    if query is None:
        return None
    return TextMatch(
        "JOIN (SELECT ?::tsquery AS q) tq ON s.fts @@ tq.q", (query,), "-ts_rank(s.fts, tq.q)::float8"
    )
