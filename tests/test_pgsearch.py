"""PostgreSQL search paths of issue 20: phrases found by their lexemes then tested, statements counted
and ranked in one pass, articles with a matching statement left out by key -- the same hits as the
SQLite store, whichever path a query takes (``RANK_LIMIT`` lowered to force the fallbacks)."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

import saidwhat.store.fts as core
from saidwhat.store import StoreProtocol, open_store
from saidwhat.store.migrations.v0009_ranking_vectors import IN_LINE
from tests.pg_fixtures import pg_store_url
from tests.store_checks import assert_store_consistent, ranking_mismatches, rows
from tests.test_store import Quote, article

QUERIES = ('"prime minister"', "prime minister", "minister", "prime", "resign*", '"named a prime"', "harbour")


def _articles() -> list:  # type: ignore[type-arg]
    return [
        article(
            "a.txt",
            "2025-03-01",
            [Quote("Ana Lopez", "the prime minister will resign in May")],
            title="Harbour news",
        ),
        article(
            "b.txt",
            "2025-03-02",
            [Quote("Ben Ode", "the minister named a prime target for the talks")],
            title="Prime minister visits the harbour",
        ),
        article(
            "c.txt", "2025-03-03", [Quote("Cleo Hart", "rain is due")], title="Prime worries of a minister"
        ),
        article(
            "d.txt", "2025-03-04", [Quote("Dan Ito", "ferries stop at dusk")], title="The prime minister"
        ),
        article(
            "e.txt",
            "2025-03-05",
            [Quote("Eve Nam", "a minister said the prime minister resigned"), Quote("Fay Orr", "no comment")],
            title="Resignation",
        ),
    ]


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[StoreProtocol, StoreProtocol]]:
    path: Path = tmp_path_factory.mktemp("pgsearch") / "s.db"
    with pg_store_url() as url, open_store(str(path)) as sq, open_store(url) as pg:
        for a in _articles():
            sq.add(a)
            pg.add(a)
        yield sq, pg


def _keys(store: StoreProtocol, q: str, **kw: object) -> set[tuple[str, str, str | None]]:
    return {
        (h.kind, h.doc_id, h.statement.statement.id if h.statement else None)
        for h in store.search(q, limit=50, **kw)  # type: ignore[arg-type]
    }


@pytest.mark.parametrize("limit", [10_000, 3, 1, 0])
def test_same_hits_as_sqlite_on_every_path(
    stores: tuple[StoreProtocol, StoreProtocol], limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    sq, pg = stores
    monkeypatch.setattr(core, "RANK_LIMIT", limit)
    for q in QUERIES:
        for kw in ({}, {"kind": "article"}, {"kind": "statement"}, {"sort": "date"}, {"since": "2025-03-02"}):
            assert _keys(pg, q, **kw) == _keys(sq, q, **kw), (q, kw, limit)


def test_a_phrase_is_ranked_by_its_exact_matches(
    stores: tuple[StoreProtocol, StoreProtocol], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, pg = stores
    # every article's text holds its statements: the phrase is in a, b (title), d (title) and e;
    # c has both words apart, so the words alone match 5 articles, the phrase 4
    hits = pg.search('"prime minister"', kind="article")
    assert sorted(h.doc_source for h in hits) == ["a.txt", "b.txt", "d.txt", "e.txt"]
    assert all(h.ranked for h in hits)
    monkeypatch.setattr(core, "RANK_LIMIT", 4)  # the exact count decides: still ranked
    again = pg.search('"prime minister"', kind="article")
    assert [(h.doc_id, h.rank, h.ranked) for h in again] == [(h.doc_id, h.rank, h.ranked) for h in hits]
    monkeypatch.setattr(core, "RANK_LIMIT", 3)
    newest = pg.search('"prime minister"', kind="article")
    assert [h.doc_source for h in newest] == ["e.txt", "d.txt", "b.txt", "a.txt"]
    assert not any(h.ranked for h in newest)


def test_statements_ranked_in_one_pass_then_newest_above_the_limit(
    stores: tuple[StoreProtocol, StoreProtocol], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, pg = stores
    ranked = pg.search("minister", kind="statement")
    assert len(ranked) == 3 and all(h.ranked for h in ranked)
    assert [h.rank for h in ranked] == sorted(h.rank for h in ranked)
    monkeypatch.setattr(core, "RANK_LIMIT", 2)
    newest = pg.search("minister", kind="statement")
    assert not any(h.ranked for h in newest)
    assert [h.published for h in newest] == ["2025-03-05", "2025-03-02", "2025-03-01"]


def test_an_article_with_a_matching_statement_is_left_out(
    stores: tuple[StoreProtocol, StoreProtocol],
) -> None:
    _, pg = stores
    hits = pg.search("harbour")
    # a.txt's title says harbour, not its statement: the article; b.txt likewise
    assert {(h.kind, h.doc_title) for h in hits} == {
        ("article", "Harbour news"),
        ("article", "Prime minister visits the harbour"),
    }
    minister = pg.search("minister")
    statement_docs = {h.doc_id for h in minister if h.kind == "statement"}
    assert not any(h.kind == "article" and h.doc_id in statement_docs for h in minister)
    assert {h.doc_title for h in minister if h.kind == "article"} == {
        "Prime worries of a minister",
        "The prime minister",
    }


def test_count_statements_without_filters_reads_the_totals(tmp_path: Path) -> None:
    with pg_store_url() as url, open_store(str(tmp_path / "c.db")) as sq, open_store(url) as pg:
        for store in (sq, pg):
            for a in _articles():
                store.add(a)
            # a new version of a.txt: its old statements are no longer counted
            store.add(article("a.txt", "2025-03-06", [Quote("Ana Lopez", "x"), Quote("Ben Ode", "y")]))
            with store.snapshot() as conn:
                counted = int(conn.execute("SELECT COUNT(*) FROM statements WHERE latest = 1").fetchone()[0])
            assert store.count_statements() == counted == 7
            assert store.count_statements(act="claim") == counted


FILLER = "Ferries wait at the quay while the tide turns and gulls circle the market. "
WINDOWED = {  # the first word sought is "harbour"; some texts hold characters Python lowers otherwise
    "w1.txt": FILLER * 30 + "The Harbour <b>fees</b> rose, the harbour master said. " + FILLER * 20,
    "w2.txt": "“Harbour” — café owners in Zürich said the harbour fees were unfair. " + FILLER * 25,
    "w3.txt": FILLER * 12 + "The \u212aelvin scale and the HARBOUR fees. " + FILLER * 12,
    "w4.txt": FILLER * 15 + "İstanbul harbour fees rose. " + FILLER * 15,  # 'İ'.lower() is two characters
    "w5.txt": FILLER * 15 + "ΟΔΟΣ harbour fees rose, ΣΟΦΙΑ said. " + FILLER * 15,  # Σ: by its context
    "w6.txt": "Fees rose at the harbour. " + FILLER * 3,
    "w7.txt": FILLER * 40 + "Fees were not mentioned near any harbor. " + FILLER * 5,
}
WINDOWED["w8.txt"] = WINDOWED["w1.txt"] + "Updated."  # a copy of the story: the same window


def test_article_snippets_cut_in_python_are_the_servers(tmp_path: Path) -> None:
    """Articles' snippets cut from windows found in Python (`_article_snippets`) are exactly those of
    the one query that lowers and cuts the text on the server (`_sql_snippets`): long texts, a match
    far in, angle brackets, quotes, accents, the Kelvin sign; texts holding characters Python lowers
    otherwise than ``lower()`` (İ, Σ) go to the server's query."""
    from saidwhat.store.postgres import search as pgs

    with pg_store_url() as url, open_store(url) as pg:
        for source, text in WINDOWED.items():
            pg.add(article(source, "2025-04-01", [Quote("Ana Lopez", text)], title="Quay"))
        for source in (
            "w1.txt",
            "w4.txt",
        ):  # copies of the same text under another id (each text's work once)
            a = article(source, "2025-04-01", [Quote("Ana Lopez", WINDOWED[source])], title="Quay")
            pg.add(
                dataclasses.replace(
                    a, doc=dataclasses.replace(a.doc, id=f"copy-{source}", source=f"c{source}")
                )
            )
        with pg.snapshot() as conn:
            rows = conn.execute("SELECT pk, text FROM documents ORDER BY pk").fetchall()
            pks, texts = [int(r[0]) for r in rows], [str(r[1]) for r in rows]
            assert any(len(t) > 2 * pgs.WINDOW for t in texts)
            chars, odd = pgs._lowered(texts)
            theirs, provider = conn.execute(pgs._LOWER_SQL, (chars,)).fetchone()
            agreed = dict(zip(texts, pgs._agreed(chars, theirs, provider, odd), strict=True))
            assert [ok for t, ok in agreed.items() if "İ" in t or "Σ" in t] == [False, False]
            assert len(texts) == 10 and len(agreed) == 8 and sum(agreed.values()) == len(agreed) - 2
            for user in (
                "harbour fees",
                "harbour",
                '"harbour master"',
                "harb*",
                "fees harbour",
                "kelvin",
                "zzz",
            ):
                both = pgs.tsqueries(conn, user)
                query = both[0] if both else "'zzz'"
                needle = user.strip('"').split()[0].rstrip("*").lower()
                for words in (32, 40):
                    fast = pgs._article_snippets(conn, query, pks, words, needle)
                    slow = pgs._sql_snippets(conn, "article", query, pks, words, needle)
                    assert fast == slow, user
                    copies = [pk for pk, t in zip(pks, texts, strict=True) if "harbour master" in t]
                    assert len(copies) == 3 and len({fast[pk][0] for pk in copies}) == 1
        hits = pg.search("harbour fees", kind="article")
        assert {h.doc_source for h in hits} == {f"w{i}.txt" for i in (1, 2, 3, 4, 5, 6, 8)} | {
            "cw1.txt",
            "cw4.txt",
        }
        assert all(any(m for _, m in h.snippet) for h in hits)


# an article whose tsvector does not fit in a page: no documents_ranking row, ranked from documents.fts
LONG = " ".join(f"word{i} harbour{i % 7}" for i in range(1500)) + " the harbour fees rose."
RANK_QUERIES = ("harbour", "harbour fees", '"harbour fees"', "harb*", "minister", '"prime minister"')


def _ranked(pg: StoreProtocol) -> list[list[tuple[str, str, float, bool]]]:
    return [[(h.kind, h.doc_id, h.rank, h.ranked) for h in pg.search(q, limit=50)] for q in RANK_QUERIES]


def _ranking_rows(pg: StoreProtocol) -> tuple[int, int]:
    return rows(pg, "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM documents_ranking)")[0]


def test_ranking_vectors_follow_every_write() -> None:
    """documents_ranking (migration 9) holds each document's tsvector: new articles, a changed
    version, a reverted one, an unchanged one, a long article, an update and a delete in SQL."""
    with pg_store_url() as url, open_store(url) as pg:
        for a in _articles():
            pg.add(a)
        assert pg.add(
            article("a.txt", "2025-03-06", [Quote("Ana Lopez", "harbour fees are due")])
        ).status == ("updated")
        assert pg.add(_articles()[0]).status == "updated"  # a.txt's first text again: current, not inserted
        assert pg.add(_articles()[1]).status == "unchanged"
        pg.add(article("long.txt", "2025-03-07", [Quote("Gil Ray", LONG)], title="Harbour fees"))
        assert ranking_mismatches(pg) == 0 and _ranking_rows(pg) == (7, 6)
        assert_store_consistent(pg)
        size = rows(pg, "SELECT pg_column_size(fts) FROM documents WHERE source = 'long.txt'")[0][0]
        assert size > IN_LINE
        with pg.transaction() as conn:
            conn.execute("UPDATE documents SET title = 'Ferry news' WHERE source = 'c.txt'")
            conn.execute(f"UPDATE documents SET text = '{LONG}' WHERE source = 'd.txt'")  # now over a page
            conn.execute("UPDATE documents SET text = 'short now' WHERE source = 'long.txt'")  # and back
            conn.execute("DELETE FROM documents WHERE source = 'e.txt'")
        assert ranking_mismatches(pg) == 0 and _ranking_rows(pg) == (6, 5)


def test_migration_9_backfills_the_ranking_vectors_and_ranks_stay_the_documents() -> None:
    """A store from before migration 9 gets its ranking vectors on its next read-write open; the
    ranks are ``ts_rank`` of the documents' own vectors, whichever of the two is read."""
    with pg_store_url() as url:
        with open_store(url) as pg:
            for a in _articles():
                pg.add(a)
            pg.add(article("long.txt", "2025-03-07", [Quote("Gil Ray", LONG)], title="Harbour fees"))
            before = _ranked(pg)
            for q in RANK_QUERIES:  # the ranks are ts_rank of the documents' own tsvectors
                query = _tsquery(pg, q)
                for h in pg.search(q, limit=50, kind="article"):
                    own = rows(
                        pg, "SELECT -ts_rank(fts, ?::tsquery) FROM documents WHERE id = ?", (query, h.doc_id)
                    )
                    assert h.rank == own[0][0], q
            with pg.transaction() as conn:  # the store as migration 8 left it
                conn.execute("DROP TABLE documents_ranking_pieces")
                conn.execute("DROP FUNCTION documents_ranking_pieces_of(tsvector)")
                conn.execute("DROP FUNCTION documents_ranking_sync() CASCADE")
                conn.execute("DROP TABLE documents_ranking")
                conn.execute("DELETE FROM schema_migrations WHERE version >= 9")
        with open_store(url) as pg:
            assert pg.stats().schema_version == 10
            assert ranking_mismatches(pg) == 0 and _ranking_rows(pg) == (6, 5)
            assert _ranked(pg) == before
            pg.add(article("f.txt", "2025-03-08", [Quote("Hal Ito", "harbour fees again")]))
            assert ranking_mismatches(pg) == 0 and _ranking_rows(pg) == (7, 6)
            kept = _ranked(pg)
            with pg.transaction() as conn:  # rows missing: the search reads documents.fts instead
                conn.execute("DELETE FROM documents_ranking WHERE pk % 2 = 0")
            assert ranking_mismatches(pg) > 0
            assert _ranked(pg) == kept


def _tsquery(pg: StoreProtocol, user: str) -> str:
    from saidwhat.store.postgres.search import tsquery

    with pg.snapshot() as conn:
        q = tsquery(conn, user)
    assert q is not None
    return q


# two articles whose tsvectors are cut into pieces (migration 10), words spread over the alphabet
LONG2 = " ".join(f"alpha{i} zulu{i % 11} mid{i % 5}" for i in range(1200)) + " the harbour fees fell."
PIECE_QUERIES = (
    "word1199",
    "word1198",
    "word2*",
    "word22*",
    "word23*",
    "word227",
    "word1 word999",
    "word624 word623",
    '"word5 harbour5"',
    "harbour fees",
    "harb*",
    "alpha7 zulu3",
    "zulu*",
    "mid4 alpha1*",
    "fees",
)


def _piece_ranks(pg: StoreProtocol) -> list[list[tuple[str, str, float, bool]]]:
    return [
        [(h.kind, h.doc_id, h.rank, h.ranked) for h in pg.search(q, limit=50, **kw)]  # type: ignore[arg-type]
        for q in PIECE_QUERIES
        for kw in ({}, {"kind": "article"}, {"sort": "date"})
    ]


def test_long_vectors_rank_from_their_pieces_as_from_the_whole_vector() -> None:
    """documents_ranking_pieces (migration 10): a vector over a page is cut by lexeme range into pieces
    that fit in a page and partition its entries, positions and weights unchanged; a query whose
    lexemes (and a prefix's) all fall in one piece is ranked and phrase-tested from it, any other from
    ``documents.fts``: the ranks are ``ts_rank`` of ``documents.fts`` either way, the hits those
    found with no pieces at all."""
    from saidwhat.store.postgres.search import PIECES, lexeme_range

    with pg_store_url() as url, open_store(url) as pg:
        for a in _articles():
            pg.add(a)
        pg.add(article("long.txt", "2025-03-07", [Quote("Gil Ray", LONG)], title="Harbour fees"))
        pg.add(
            article(
                "long2.txt", "2025-03-08", [Quote("Ida Moe", "no comment")], title=LONG2[:40] + " " + LONG2
            )
        )
        assert ranking_mismatches(pg) == 0
        pieces = rows(
            pg,
            f"SELECT p.pk, p.lo, p.hi, pg_column_size(p.fts), ARRAY(SELECT u.lexeme FROM unnest(p.fts) u) "
            f"FROM {PIECES} p ORDER BY p.pk, p.lo",
        )
        whole = dict(rows(pg, "SELECT pk, tsvector_to_array(fts) FROM documents"))
        assert {pk for pk, *_ in pieces} == {
            pk for (pk,) in rows(pg, f"SELECT pk FROM documents WHERE pg_column_size(fts) > {IN_LINE}")
        }
        assert len(pieces) >= 6
        for pk in {pk for pk, *_ in pieces}:
            own = [p for p in pieces if p[0] == pk]
            assert own[0][1] == "" and own[-1][2] is None and len(own) > 1
            assert all(a[2] == b[1] for a, b in itertools.pairwise(own))  # ranges meet
            assert all(size <= IN_LINE for *_, size, _ in own)
            lexemes = [x for *_, xs in own for x in xs]
            assert lexemes == whole[pk]  # a partition, in the vector's order
            assert all(lo <= x and (hi is None or x < hi) for _, lo, hi, _, xs in own for x in xs)
        moved = rows(  # every entry of a piece is the whole vector's, positions and weights included
            pg,
            f"SELECT COUNT(*) FROM {PIECES} p JOIN documents d ON d.pk = p.pk CROSS JOIN unnest(p.fts) u "
            "WHERE NOT EXISTS (SELECT 1 FROM unnest(d.fts) w WHERE w.lexeme = u.lexeme "
            "AND w.positions = u.positions AND w.weights = u.weights)",
        )
        assert moved == [(0,)]
        long_pk = rows(pg, "SELECT pk FROM documents WHERE source = 'long.txt'")[0][0]
        own = [p for p in pieces if p[0] == long_pk]
        prev, first = own[0][4][-1], own[1][4][0]  # the lexemes either side of the first cut
        common = next(i for i, (x, y) in enumerate(zip(prev + "\0", first, strict=False)) if x != y)

        def one_piece(q: str) -> bool:  # whether one of long.txt's pieces holds all the query's lexemes
            b = lexeme_range(_tsquery(pg, q))
            assert b is not None
            return any(lo <= b[0] and (hi is None or (hi > b[1] and hi >= b[2])) for _, lo, hi, _, _ in own)

        assert one_piece(first) and one_piece(prev) and one_piece(own[-1][4][-1])
        assert not one_piece(f"{prev} {first}") and not one_piece(first[:common] + "*")
        for q in PIECE_QUERIES:  # ranks are ts_rank of documents.fts
            query = _tsquery(pg, q)
            for h in pg.search(q, limit=50, kind="article"):
                own = rows(
                    pg, "SELECT -ts_rank(fts, ?::tsquery) FROM documents WHERE id = ?", (query, h.doc_id)
                )
                assert h.ranked and h.rank == own[0][0], q
        with_pieces = _piece_ranks(pg)
        assert any(row for row in with_pieces)
        with pg.transaction() as conn:  # the pieces are read: weighted otherwise, they rank otherwise
            conn.execute(f"UPDATE {PIECES} SET fts = setweight(fts, 'A')")
        assert _piece_ranks(pg) != with_pieces
        with pg.transaction() as conn:
            conn.execute(f"DELETE FROM {PIECES}")
        assert _piece_ranks(pg) == with_pieces
