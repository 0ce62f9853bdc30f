"""The write path's per-document registry rows (saidwhat/store/sql/registry_rows.py): the same
registry as one query per look-up, and every held answer equal to the database's once the writes held
back are sent."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from saidwhat.store import Store, open_store
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
        held.flush()  # the writes held back reach the database (a look-up of the held rows flushes too)
        gids = sorted(int(g) for (g,) in conn.execute("SELECT gid FROM registry_entities"))
        for norm in [*norms, "nobody at all", "renamed entity"]:
            assert held.by_norm(norm) == plain.by_norm(norm)
            assert sorted(held.by_alias(norm)) == sorted(plain.by_alias(norm))
        for key in [*keys, "n:nobody at all", "s:nbd", "g:nobody", "n:other name"]:
            assert held.key_gids([key]) == plain.key_gids([key])
        assert held.entities(gids) == plain.entities(gids)
        assert held.variants(gids) == plain.variants(gids)
        assert held.variants([gid])[gid] == [("Nobody At All", "ORG", 2)]


def test_held_writes_wait_for_a_flush_and_reads_flush_them(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store, store.transaction() as conn:
        held = DocumentRows(conn, store.dialect)
        gid = held.create("Ann Example", "ann example", "PERSON")
        held.add_keys(gid, "Ann Example", "PERSON", ["n:ann example"], True)
        held.add_alias("annie", gid, "Annie", "auto")
        count = "SELECT (SELECT COUNT(*) FROM registry_entities) + (SELECT COUNT(*) FROM registry_keys) "
        count += "+ (SELECT COUNT(*) FROM registry_aliases)"
        assert conn.execute(count).fetchone()[0] == 0  # held back
        assert held.key_gids(["s:nobody"]) == set()  # a look-up that queries sends them first
        assert conn.execute(count).fetchone()[0] == 3


# calls of add_keys in one document: (entity, keys, count); entity 0 is stored beforehand with the keys
# n:ann example and s:x, entity 1 is new. A key met twice must count once per meeting as its first key,
# never when it is not the call's first key, and a new row starts at 1 whichever key met it first.
_MEETINGS = [
    (0, ["n:ann example", "s:x"], True),
    (0, ["s:x", "n:ann example"], True),
    (0, ["n:ann example"], False),
    (0, ["n:a example", "s:x"], True),
    (1, ["n:bo example", "s:x"], True),
    (1, ["n:bo example"], True),
    (1, ["s:y", "n:bo example"], True),
    (1, ["s:y"], True),
    (1, ["s:z"], False),
    (1, ["s:z"], True),
    (1, ["n:bo example"], False),
]


@pytest.mark.parametrize("held_back", [False, True])
def test_held_key_rows_count_every_meeting_as_one_call_each(
    new_store_target: Callable[[str], Any], held_back: bool
) -> None:
    results = []
    for name, rows_class in (("plain", None), ("held", DocumentRows)):
        with open_store(str(new_store_target(name))) as store:
            with store.transaction() as conn:
                first = RegistryRows(conn)
                stored = first.create("Ann Example", "ann example", "PERSON")
                first.add_keys(stored, "Ann Example", "PERSON", ["n:ann example", "s:x"], True)
            with store.transaction() as conn:
                rows = RegistryRows(conn) if rows_class is None else rows_class(conn, store.dialect)
                gids = [stored, rows.create("Bo Example", "bo example", "PERSON")]
                for i, (who, keys, count) in enumerate(_MEETINGS):
                    rows.add_keys(gids[who], ["Ann Example", "Bo Example"][who], "PERSON", keys, count)
                    if held_back and i == 4:
                        rows.flush()  # a flush amid the meetings: the rows sent are stored rows now
                rows.finish()
            with store.snapshot() as conn:
                results.append(
                    [
                        tuple(r)
                        for r in conn.execute(
                            "SELECT key, gid, name, type, uses FROM registry_keys ORDER BY key, gid"
                        ).fetchall()
                    ]
                )
    assert results[0] == results[1]
    uses = {(key, gid): n for key, gid, _, _, n in results[0]}
    # stored at 1: +1 as first key, nothing as a second key, +0 uncounted
    assert uses[("n:ann example", 1)] == 2 and uses[("s:x", 1)] == 2 and uses[("n:a example", 1)] == 1
    # new: 1 at the first meeting (as any key), then +1 per counted meeting as the call's first key
    assert uses[("n:bo example", 2)] == 2 and uses[("s:y", 2)] == 2 and uses[("s:z", 2)] == 2
    assert uses[("s:x", 2)] == 1


def test_a_common_key_reads_its_lowest_gids_only(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store, store.transaction() as conn:
        held, plain = DocumentRows(conn, store.dialect), RegistryRows(conn)
        made = [plain.create(f"Person {i}", f"person {i}", "PERSON") for i in range(KEY_LIMIT + 3)]
        for g in made[:-1]:
            plain.add_keys(g, "P", "PERSON", ["n:p", "s:common"], True)
        held.prefetch([], ["s:common", "n:p"])
        assert held.key_gids(["s:common"]) == set(made[:KEY_LIMIT])
        held.add_keys(made[-1], "P", "PERSON", ["n:p", "s:common"], True)  # beyond the limit: not read
        held.flush()
        assert held.key_gids(["s:common"]) == plain.key_gids(["s:common"]) == set(made[:KEY_LIMIT])
        assert held.key_gids(["n:p"]) == plain.key_gids(["n:p"]) == set(made)
