"""The write path's per-document registry rows (saidwhat/store/sql/registry_rows.py): the same
registry as one query per look-up, and every held answer equal to the database's."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from saidwhat.store import Store
from saidwhat.store.sql import store as sql_store
from saidwhat.store.sql.registry_rows import KEY_LIMIT, DocumentRows, RegistryRows
from tests.test_store import Quote, article

# names that join across and within articles: full names, surnames, titles, transliterations,
# organisations with acronyms, outlets as relays, the same name typed ORG then PERSON
ARTICLES = [
    [
        Quote("Benjamin Netanyahu", "talks will go on", via=["Reuters"]),
        Quote("Netanyahu", "the cabinet will vote"),
        Quote("Islamic Resistance Movement", "the proposal is under study", types={}),
    ],
    [
        Quote("Binyamin Netanyahu", "the deal is close", via=["Haaretz", "KAN"]),
        Quote("Hamas", "no agreement yet"),
        Quote("Mr Netanyahu", "security comes first"),
    ],
    [
        Quote("Ismail Haniyeh", "the talks go on"),
        Quote("Haniyeh", "we want a ceasefire", via=["Reuters"]),
        Quote("International Monetary Fund", "growth will slow"),
        Quote("IMF", "the forecast is lower"),
    ],
    [
        Quote("Jake Sullivan", "the framework holds", types={"Jake Sullivan": "ORG"}),
        Quote("Jake Sullivan", "talks resume Monday"),
        Quote("Sullivan", "there is progress"),
        Quote("Benjamin Netanyahu", "the war goes on"),
    ],
]


def _registry(path: Path) -> list[object]:
    conn = sqlite3.connect(path)
    out: list[object] = []
    for sql in (
        "SELECT gid, name, norm, type, n_statements, n_relayed, n_mentions, n_documents "
        "FROM registry_entities",
        "SELECT * FROM registry_aliases",
        "SELECT * FROM registry_keys",
        "SELECT pk, gid FROM entities",
        "SELECT pk, speaker_gid FROM statements",
        "SELECT stmt, ord, gid FROM statement_via",
    ):
        out.append(conn.execute(sql + " ORDER BY 1, 2").fetchall())
    conn.close()
    return out


def _store(path: Path) -> None:
    with Store(path) as store:
        for round_ in range(2):
            for i, quotes in enumerate(ARTICLES):
                store.add(article(f"a{i}-{round_}.txt", f"2025-06-0{i + 1}", quotes, title=f"t{round_}"))


def test_document_rows_give_the_registry_of_one_query_per_look_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store(tmp_path / "held.db")
    monkeypatch.setattr(sql_store, "DocumentRows", lambda conn, dialect: RegistryRows(conn))
    _store(tmp_path / "plain.db")
    held, plain = _registry(tmp_path / "held.db"), _registry(tmp_path / "plain.db")
    assert held == plain
    assert len(held[0]) > 5  # registry entities were created and joined


def test_held_answers_equal_the_database_after_writes(tmp_path: Path) -> None:
    _store(tmp_path / "s.db")
    with Store(tmp_path / "s.db") as store, store.transaction() as conn:
        norms = [str(n) for (n,) in conn.execute("SELECT norm FROM registry_entities")]
        keys = [str(k) for (k,) in conn.execute("SELECT DISTINCT key FROM registry_keys")]
        held, plain = DocumentRows(conn, store.dialect), RegistryRows(conn)
        held.prefetch([*norms, "nobody at all"], [*keys, "n:nobody"])
        gid = held.create("Nobody At All", "nobody at all", "PERSON")
        held.add_keys(gid, "Nobody At All", "PERSON", ["n:nobody at all", "s:nbd", "g:nobody"], True)
        held.add_keys(gid, "Nobody At All", "PERSON", ["n:nobody at all", "s:nbd"], True)  # a second use
        some = int(conn.execute("SELECT MIN(gid) FROM registry_entities").fetchone()[0])
        held.add_keys(some, "Other Name", "PERSON", ["n:other name", keys[0]], True)  # a new variant
        held.rename(some, "Renamed Entity", "renamed entity")
        held.retype(gid, "ORG", "n:nobody at all")
        held.add_alias(norms[0], gid, "alias", "auto")
        gids = sorted(int(g) for (g,) in conn.execute("SELECT gid FROM registry_entities"))
        for norm in [*norms, "nobody at all", "renamed entity"]:
            assert held.by_norm(norm) == plain.by_norm(norm)
            assert sorted(held.by_alias(norm)) == sorted(plain.by_alias(norm))
        for key in [*keys, "n:nobody at all", "s:nbd", "g:nobody", "n:other name"]:
            assert held.key_gids([key]) == plain.key_gids([key])
        assert held.entities(gids) == plain.entities(gids)
        assert held.variants(gids) == plain.variants(gids)
        assert held.variants([gid])[gid] == [("Nobody At All", "ORG", 2)]


def test_a_common_key_reads_its_lowest_gids_only(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store, store.transaction() as conn:
        held, plain = DocumentRows(conn, store.dialect), RegistryRows(conn)
        made = [plain.create(f"Person {i}", f"person {i}", "PERSON") for i in range(KEY_LIMIT + 3)]
        for g in made[:-1]:
            plain.add_keys(g, "P", "PERSON", ["n:p", "s:common"], True)
        held.prefetch([], ["s:common", "n:p"])
        assert held.key_gids(["s:common"]) == set(made[:KEY_LIMIT])
        held.add_keys(made[-1], "P", "PERSON", ["n:p", "s:common"], True)  # beyond the limit: not read
        assert held.key_gids(["s:common"]) == plain.key_gids(["s:common"]) == set(made[:KEY_LIMIT])
        assert held.key_gids(["n:p"]) == plain.key_gids(["n:p"]) == set(made)
