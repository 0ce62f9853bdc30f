"""The store: write path, versions, rebuild, registry and aliases, queries, search, export, errors."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from saidwhat.errors import SaidwhatError
from saidwhat.model import (
    Analysis,
    Content,
    Cue,
    DocMeta,
    Entity,
    Mention,
    Quantity,
    SaidOn,
    Segment,
    Speaker,
    Statement,
    TextSpan,
    Timex,
    Via,
)
from saidwhat.store import LATEST_VERSION, Store, export, migrate, open_store
from tests.store_checks import assert_store_consistent, rows


@dataclass
class Quote:
    """One generated statement: '[According to VIA, ]SPEAKER said on DAY that CONTENT.'"""

    speaker: str
    content: str
    act: str = "claim"
    via: Sequence[str] = ()
    anonymous: bool = False
    said_on: tuple[str, str] | None = None  # (value, text)
    mode: str = "indirect"
    types: dict[str, str] = field(default_factory=dict)


def article(
    source: str,
    published: str | None,
    quotes: Sequence[Quote],
    *,
    title: str = "A title",
    types: dict[str, str] | None = None,
) -> Analysis:
    """A consistent Analysis (valid offsets, linked entities) built from ``quotes``."""
    types = types or {}
    text = ""
    statements: list[Statement] = []
    ents: dict[str, Entity] = {}

    def entity(name: str, start: int) -> str:
        etype = types.get(name, "OUTLET" if name in ("Haaretz", "KAN", "Reuters") else "PERSON")
        e = ents.setdefault(name, Entity(f"e{len(ents) + 1}", name, etype, [name]))
        e.mentions.append(Mention(start, start + len(name), name))
        return e.id

    for i, q in enumerate(quotes):
        vias: list[Via] = []
        for v in q.via:
            text += "According to "
            vias.append(Via(v, len(text), len(text) + len(v), v, entity(v, len(text)), "outlet"))
            text += v + ", "
        s0 = len(text)
        sp_entity = None if q.anonymous else entity(q.speaker, s0)
        speaker = Speaker(
            q.speaker,
            s0,
            s0 + len(q.speaker),
            None if q.anonymous else q.speaker,
            sp_entity,
            q.anonymous,
            "unknown" if q.anonymous else "person",
        )
        text += q.speaker + " "
        cue = Cue("said", len(text), len(text) + 4, "say")
        text += "said "
        said_on = None
        if q.said_on:
            said_on = SaidOn(q.said_on[0], q.said_on[1], len(text), len(text) + len(q.said_on[1]))
            text += q.said_on[1] + " "
        text += "that "
        c0 = len(text)
        text += q.content
        content = Content(q.content, c0, len(text))
        text += ".\n"
        statements.append(
            Statement(
                f"s{i + 1}", content, speaker, cue, q.mode, q.act, vias[::-1], False, None, said_on, "body"
            )
        )
    text = text or "Nothing was said.\n"
    doc = DocMeta(
        hashlib.sha256(text.encode()).hexdigest(),
        source,
        text,
        title,
        published,
        "metadata" if published else None,
    )
    return Analysis(doc, [Segment("body", 0, len(text))], statements, list(ents.values()))


def rich_analysis() -> Analysis:
    text = "KAN: Trump warned on Friday that 48 hostages, about 2.5% of <script>x</script>, remain.\nBy DJT"
    t = text.index
    return Analysis(
        doc=DocMeta(
            hashlib.sha256(text.encode()).hexdigest(),
            "https://example.org/a?x=1&y=<2>",
            text,
            'Title with "quotes" and <b>',
            "2025-06-29",
            "text",
            "https://example.org/a",
            "A. Writer",
            "html",
        ),
        segments=[
            Segment("headline", 0, 4),
            Segment("body", 4, t("\nBy")),
            Segment("signature", t("\nBy"), len(text)),
        ],
        statements=[
            Statement(
                "s1",
                Content(
                    text[t("48") : t(".")],
                    t("48"),
                    t("."),
                    [
                        TextSpan("48 hostages", t("48"), t("48") + 11),
                        TextSpan("remain", t("remain"), t("remain") + 6),
                    ],
                ),
                Speaker("Trump", 5, 10, "Donald Trump", "e1", False, "person", t("DJT"), t("DJT") + 3),
                Cue("warned", 11, 17, "warn"),
                "mixed",
                "warn",
                [Via("KAN", 0, 3, "KAN", "e2", "outlet")],
                True,
                "Truth Social",
                SaidOn("2025-06-27", "on Friday", 18, 27),
                "body",
            ),
            Statement(
                "s2",
                Content("remain", t("remain"), t("remain") + 6),
                None,
                None,
                "direct",
                "claim",
                [],
                False,
                None,
                None,
                "body",
            ),
        ],
        entities=[
            Entity(
                "e1",
                "Donald Trump",
                "PERSON",
                ["Trump", "DJT"],
                [Mention(5, 10, "Trump"), Mention(t("DJT"), t("DJT") + 3, "DJT")],
                {"role": "US President"},
            ),
            Entity("e2", "KAN", "OUTLET", [], [Mention(0, 3, "KAN")], {}),
        ],
        timexes=[
            Timex("on Friday", 18, 27, "DATE", "2025-06-27", None, "2025-06-29"),
            Timex("Friday", 21, 27, "DATE", None, "APPROX"),
        ],
        quantities=[
            Quantity("48 hostages", t("48"), t("48") + 11, 48, None, "hostages"),
            Quantity("about 2.5%", t("about"), t("about") + 10, 2.5, "%", None, "about", "percent"),
            Quantity("48", t("48"), t("48") + 2, 10**30, None, None, None, "range", 2**70),
            Quantity("48", t("48"), t("48") + 2, None, None, None, None, "count", -0.0),
        ],
    )


def sqlite_rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def store(new_store_target: Callable[[str], Path | str]) -> Iterator[Store]:
    """A fresh store of each backend (SQLite, PostgreSQL): both meet this file's contract."""
    with open_store(new_store_target("s")) as s:
        yield s  # type: ignore[misc]


# -- write path, versions, exact rebuild -------------------------------------------------------------


def test_hand_built_analysis_rebuilds_exactly(store: Store) -> None:
    a = rich_analysis()
    assert store.add(a).status == "new"
    back = store.get(a.doc.id)
    assert back.to_dict() == a.to_dict()
    assert json.dumps(back.to_dict()) == json.dumps(a.to_dict())


def test_rebuild_reads_the_tables_not_a_blob(store: Store) -> None:
    a = rich_analysis()
    store.add(a)
    with store.transaction() as conn:
        conn.execute("UPDATE statements SET act = 'deny' WHERE sid = 's1'")
    assert store.get(a.doc.id).statements[0].act == "deny"


def test_same_text_again_is_unchanged_and_duplicates_nothing(store: Store) -> None:
    a = article("a.txt", "2025-06-29", [Quote("Donald Trump", "the deal is near")])
    fts = ("statements_fts",) if isinstance(store, Store) else ()  # PostgreSQL: a column of statements
    first = store.add(a)
    counts = [
        rows(store, f"SELECT COUNT(*) FROM {t}")[0][0]
        for t in ("documents", "statements", "entities", "mentions", "registry_entities", *fts)
    ]
    again = store.add(a)
    assert (first.status, again.status) == ("new", "unchanged")
    assert again.doc_id == first.doc_id and again.version == 1
    assert counts == [
        rows(store, f"SELECT COUNT(*) FROM {t}")[0][0]
        for t in ("documents", "statements", "entities", "mentions", "registry_entities", *fts)
    ]


def test_changed_text_from_same_source_is_a_new_version(store: Store) -> None:
    v1 = article("feed/a.txt", "2025-06-29", [Quote("Donald Trump", "the deal is near")])
    v2 = article("feed/a.txt", "2025-06-29", [Quote("Donald Trump", "the deal is very near")])
    store.add(v1)
    r = store.add(v2)
    assert (r.status, r.version, r.superseded) == ("updated", 2, v1.doc.id)
    assert [d.id for d in store.documents()] == [v2.doc.id]
    assert store.count_documents() == 1
    assert [(d.version, d.superseded_by) for d in store.versions("feed/a.txt")] == [(1, v2.doc.id), (2, None)]
    assert store.get(v1.doc.id).to_dict() == v1.to_dict()  # the old version stays
    assert [s.statement.content.text for s in store.statements()] == ["the deal is very near"]
    assert store.speakers()[0].count == 1
    assert [h.doc_id for h in store.search("near")] == [v2.doc.id]  # its statement (one hit per statement)
    st = store.stats()
    assert (st.documents, st.versions, st.statements) == (1, 2, 1)


def test_get_unknown_document_is_not_found(store: Store) -> None:
    with pytest.raises(SaidwhatError) as e:
        store.get("nope")
    assert e.value.code == "E_NOT_FOUND"


def test_crash_mid_batch_keeps_committed_articles_only(store: Store) -> None:
    good = [article(f"{i}.txt", "2025-06-29", [Quote("Donald Trump", f"point number {i}")]) for i in range(3)]
    broken = article("broken.txt", "2025-06-29", [Quote("Ada Lovelace", "engines compute")])
    broken.statements[0].content = None  # type: ignore[assignment]  # fails after the document row is written

    def batch() -> Iterator[Analysis]:
        yield from good[:2]
        yield broken
        yield good[2]

    with pytest.raises(AttributeError):
        for a in batch():
            store.add(a)
    ids = {d.id for d in store.documents()}
    assert ids == {good[0].doc.id, good[1].doc.id}
    assert rows(store, "SELECT COUNT(*) FROM documents WHERE source = 'broken.txt'") == [(0,)]
    assert rows(store, "SELECT COUNT(*) FROM registry_entities WHERE name = 'Ada Lovelace'") == [(0,)]
    assert store.add(good[2]).status == "new"  # the store is still usable


# -- schema, migrations, opening errors --------------------------------------------------------------


def test_new_database_is_wal_with_recorded_migrations(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as s:
        conn = sqlite3.connect(s.path)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        versions = conn.execute(
            "SELECT version, description FROM schema_migrations ORDER BY version"
        ).fetchall()
        conn.close()
        assert [v for v, _ in versions] == list(range(1, LATEST_VERSION + 1))
        assert all(d for _, d in versions)
        assert s.stats().schema_version == LATEST_VERSION
        assert s._conn().execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s._conn().execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_older_database_is_migrated_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, target=1) == 1
    conn.close()
    assert sqlite_rows(path, "SELECT name FROM sqlite_master WHERE name = 'ix_statements_speaker'") == []
    with Store(path) as s:
        assert s.stats().schema_version == LATEST_VERSION
    assert sqlite_rows(path, "SELECT name FROM sqlite_master WHERE name = 'ix_statements_speaker'") != []
    assert sqlite_rows(path, "SELECT MAX(version) FROM schema_migrations") == [(LATEST_VERSION,)]


def test_reopening_keeps_everything(tmp_path: Path) -> None:
    a = rich_analysis()
    with Store(tmp_path / "r.db") as s:
        s.add(a)
    with Store(tmp_path / "r.db") as s:
        assert s.get(a.doc.id).to_dict() == a.to_dict()
        assert s.add(a).status == "unchanged"


def test_newer_database_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (?, 'now', 'from the future')", (LATEST_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(SaidwhatError) as e:
        Store(path)
    assert e.value.code == "E_DB_VERSION"


def test_a_file_that_is_not_sqlite_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not a database\n" * 50)
    with pytest.raises(SaidwhatError) as e:
        Store(path)
    assert e.value.code == "E_DB_CORRUPT" and str(path) in str(e.value)


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(SaidwhatError) as e:
        Store(path)
    assert e.value.code == "E_DB_CORRUPT"


def test_damaged_pages_are_reported_as_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    with Store(path) as s:
        for i in range(40):
            s.add(article(f"{i}.txt", "2025-06-29", [Quote("Donald Trump", f"claim number {i} " * 20)]))
        ids = s.document_ids()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    size = path.stat().st_size
    with path.open("r+b") as fh:  # keep page 1 (the schema) intact, garble the rest
        fh.seek(page)
        fh.write(os.urandom(size - page))
    with pytest.raises(SaidwhatError) as e, Store(path) as s:
        s.stats()
        for doc_id in ids:
            s.get(doc_id)
        s.search("claim")
    assert e.value.code == "E_DB_CORRUPT"


def test_unusable_paths_are_open_errors(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for path in (blocker / "s.db", tmp_path / "missing-dir" / "s.db", tmp_path):
        with pytest.raises(SaidwhatError) as e:
            Store(path)
        assert e.value.code == "E_DB_OPEN" and str(path) in str(e.value)
    with pytest.raises(SaidwhatError) as e:
        Store(tmp_path / "absent.db", read_only=True)
    assert e.value.code == "E_DB_OPEN"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files and directories")
def test_read_only_file_and_directory_are_open_errors(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    Store(path).close()
    path.chmod(0o444)
    with pytest.raises(SaidwhatError) as e:
        Store(path)
    assert e.value.code == "E_DB_OPEN"
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(SaidwhatError) as e:
            Store(locked / "s.db")
        assert e.value.code == "E_DB_OPEN"
    finally:
        locked.chmod(0o755)


def test_read_only_store_reads_and_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "serve.db"
    a = rich_analysis()
    with Store(path) as s:
        s.add(a)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with Store(path, read_only=True) as ro:
        assert ro.get(a.doc.id).to_dict() == a.to_dict()
        assert ro.count_documents() == 1
        with pytest.raises(SaidwhatError) as e:
            ro.add(article("x.txt", None, [Quote("Ada Lovelace", "hello")]))
        assert e.value.code == "E_READ_ONLY"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_reader_is_not_blocked_by_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    with Store(path) as s:
        s.add(article("0.txt", "2025-06-29", [Quote("Donald Trump", "first")]))
    writer = Store(path)
    reader = Store(path, read_only=True)
    try:
        with writer._transaction() as conn:  # hold the write lock with an uncommitted article
            from saidwhat.store.registry import Resolver
            from saidwhat.store.sql.write import insert_analysis

            insert_analysis(
                conn,
                Resolver(conn, writer.rules),
                article("1.txt", "2025-06-30", [Quote("Donald Trump", "second")]),
                writer.dialect,
            )
            # the reader sees the last committed state, at once
            assert reader.count_documents() == 1
            assert [r.statement.content.text for r in reader.statements()] == ["first"]
        assert reader.count_documents() == 2
    finally:
        writer.close()
        reader.close()


def test_one_store_shared_by_threads(store: Store) -> None:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(10):
                store.add(
                    article(f"t{n}-{i}.txt", "2025-06-29", [Quote("Donald Trump", f"thread {n} item {i}")])
                )
                store.statements(limit=5)
                store.search("thread")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.count_documents() == 40
    assert len(store.speakers()) == 1 and store.speakers()[0].count == 40


# -- registry and alias file -------------------------------------------------------------------------


def test_same_person_in_two_articles_has_one_global_id(store: Store) -> None:
    a = article("a.txt", "2025-06-29", [Quote("Donald Trump", "one"), Quote("Yair Lapid", "two")])
    b = article("b.txt", "2025-06-30", [Quote("donald  trump", "three")])
    store.add(a)
    store.add(b)
    la, lb = store.entity_links(a.doc.id), store.entity_links(b.doc.id)
    assert la["e1"] == lb["e1"]
    assert la["e2"] != la["e1"]
    gid = la["e1"]
    ent = store.entity(gid)
    assert (ent.name, ent.type, ent.statements, ent.documents, ent.mentions) == (
        "Donald Trump",
        "PERSON",
        2,
        2,
        2,
    )


def test_surname_alias_links_but_shared_surname_does_not_guess(store: Store) -> None:
    full = article("a.txt", None, [Quote("Donald Trump", "one")])
    full.entities[0].aliases.append("Trump")
    store.add(full)
    short = article("b.txt", None, [Quote("Trump", "two")])
    store.add(short)
    assert store.entity_links(short.doc.id)["e1"] == store.entity_links(full.doc.id)["e1"]
    other = article("c.txt", None, [Quote("Melania Trump", "three")])
    other.entities[0].aliases.append("Trump")
    store.add(other)
    assert store.entity_links(other.doc.id)["e1"] != store.entity_links(full.doc.id)["e1"]
    ambiguous = article("d.txt", None, [Quote("Trump", "four")])
    store.add(ambiguous)
    assert store.entity_links(ambiguous.doc.id)["e1"] not in (
        store.entity_links(full.doc.id)["e1"],
        store.entity_links(other.doc.id)["e1"],
    )


def test_incompatible_types_stay_apart(store: Store) -> None:
    a = article("a.txt", None, [Quote("Jordan", "one")], types={"Jordan": "GPE"})
    b = article("b.txt", None, [Quote("Jordan", "two")], types={"Jordan": "PERSON"})
    c = article("c.txt", None, [Quote("Reuters", "three")], types={"Reuters": "ORG"})
    d = article("d.txt", None, [Quote("Reuters", "four")], types={"Reuters": "OUTLET"})
    for x in (a, b, c, d):
        store.add(x)
    assert store.entity_links(a.doc.id)["e1"] != store.entity_links(b.doc.id)["e1"]
    assert store.entity_links(c.doc.id)["e1"] == store.entity_links(d.doc.id)["e1"]


ALIASES = """
[[merge]]
name = "Donald Trump"
type = "PERSON"
aliases = ["DJT", "@realDonaldTrump"]

[[split]]
name = "Donald Trump"
aliases = ["Trump"]
"""


def test_alias_file_merges_at_write_time(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.toml"
    aliases.write_text(ALIASES)
    with Store(tmp_path / "s.db", aliases=aliases) as s:
        a = article("a.txt", None, [Quote("DJT", "one")])
        b = article("b.txt", None, [Quote("Donald Trump", "two")])
        s.add(a)
        s.add(b)
        gid = s.entity_links(a.doc.id)["e1"]
        assert s.entity_links(b.doc.id)["e1"] == gid
        assert s.entity(gid).name == "Donald Trump"
        assert {"DJT", "@realDonaldTrump"} <= set(s.entity(gid).aliases)
        assert [r.doc_id for r in s.statements(speaker="@realdonaldtrump")] != []


def test_reapply_aliases_merges_and_splits_stored_entities(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as s:
        full = article("a.txt", None, [Quote("Donald Trump", "one")])
        full.entities[0].aliases.append("Trump")
        djt = article("b.txt", None, [Quote("DJT", "two")])
        surname = article("c.txt", None, [Quote("Trump", "three")])
        for x in (full, djt, surname):
            s.add(x)
        g = {x.doc.source: s.entity_links(x.doc.id)["e1"] for x in (full, djt, surname)}
        assert g["a.txt"] == g["c.txt"] != g["b.txt"]
        aliases = tmp_path / "aliases.toml"
        aliases.write_text(ALIASES)
        changed = s.reapply_aliases(aliases)
        g2 = {x.doc.source: s.entity_links(x.doc.id)["e1"] for x in (full, djt, surname)}
        assert changed == 2
        assert g2["a.txt"] == g2["b.txt"] == g["a.txt"]  # the merged entity keeps its id
        assert g2["c.txt"] != g2["a.txt"]  # "Trump" split off
        assert s.entity(g2["c.txt"]).name == "Trump"
        assert [r.statement.content.text for r in s.entity_statements(g2["a.txt"])] != []
        assert {r.statement.content.text for r in s.entity_statements(g2["a.txt"])} == {"one", "two"}
        with pytest.raises(SaidwhatError):
            s.entity(g["b.txt"])  # the old DJT entity is gone


def test_alias_file_from_environment_and_bad_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "good.toml"
    good.write_text(ALIASES)
    monkeypatch.setenv("SAIDWHAT_ALIASES", str(good))
    with Store(tmp_path / "s.db") as s:
        assert s.rules.merges[0].name == "Donald Trump"
    for body, code in (
        ("[[merge]\nname=", "E_ALIASES"),
        ("[[merge]]\naliases = ['x']\n", "E_ALIASES"),
        ("[[merge]]\nname = 'A'\naliases = 'B'\n", "E_ALIASES"),
        ("colour = 1\n", "E_ALIASES"),
    ):
        bad = tmp_path / "bad.toml"
        bad.write_text(body)
        with pytest.raises(SaidwhatError) as e:
            Store(tmp_path / "s.db", aliases=bad)
        assert e.value.code == code and str(bad) in str(e.value)
    with pytest.raises(SaidwhatError) as e:
        Store(tmp_path / "s.db", aliases=tmp_path / "absent.toml")
    assert e.value.code == "E_READ"


def test_example_alias_file_parses() -> None:
    from importlib.resources import files

    from saidwhat.store.registry import load_rules

    path = Path(str(files("saidwhat") / "data" / "aliases.example.toml"))
    rules = load_rules(path)
    assert rules.merges and rules.splits


# -- queries -----------------------------------------------------------------------------------------


@pytest.fixture
def newsroom(store: Store) -> Store:
    store.add(
        article(
            "1.txt",
            "2025-06-01",
            [
                Quote(
                    "Donald Trump",
                    "a ceasefire deal is close",
                    "claim",
                    ["Haaretz"],
                    said_on=("2025-05-30", "on Friday"),
                ),
                Quote("an unnamed official", "talks stalled", "claim", ["KAN", "Haaretz"], anonymous=True),
            ],
        )
    )
    store.add(
        article(
            "2.txt",
            "2025-06-10",
            [
                Quote("Donald Trump", "Hamas must release the hostages", "demand"),
                Quote("Yair Lapid", "the ceasefire is a mistake", "warn", ["Reuters"]),
            ],
        )
    )
    store.add(article("3.txt", None, [Quote("Yair Lapid", "nothing was agreed", "deny")]))
    return store


def test_statements_newest_first_with_filters(newsroom: Store) -> None:
    s = newsroom
    dates = [r.date for r in s.statements()]
    assert dates == ["2025-06-10", "2025-06-10", "2025-06-01", "2025-05-30", None]
    assert [r.statement.content.text for r in s.statements(speaker="Donald Trump")] == [
        "Hamas must release the hostages",
        "a ceasefire deal is close",
    ]
    assert [r.statement.act for r in s.statements(act="deny")] == ["deny"]
    assert len(s.statements(since="2025-06")) == 3
    assert [r.date for r in s.statements(until="2025-05")] == ["2025-05-30"]
    assert [r.date for r in s.statements(since="2025-05-31", until="2025-06-01")] == ["2025-06-01"]
    assert [r.statement.content.text for r in s.statements(anonymous=True)] == ["talks stalled"]
    assert len(s.statements(anonymous=False)) == 4
    assert {r.statement.content.text for r in s.statements(via="Haaretz")} == {
        "a ceasefire deal is close",
        "talks stalled",
    }
    assert s.statements(speaker="Nobody Known") == []
    page = s.statements(limit=2, offset=1)
    assert [r.date for r in page] == ["2025-06-10", "2025-06-01"]
    assert s.count_statements() == 5 and s.count_statements(speaker="Yair Lapid") == 2
    anon = s.statements(anonymous=True)[0]
    assert [v.name for v in anon.statement.via] == ["Haaretz", "KAN"] and None not in anon.via_gids
    with pytest.raises(SaidwhatError) as e:
        s.statements(since="June 2025")
    assert e.value.code == "E_BAD_REQUEST"
    with pytest.raises(SaidwhatError):
        s.statements(limit=-1)


def test_speakers_relays_entities_and_timeline(newsroom: Store) -> None:
    s = newsroom
    speakers = [(c.name, c.count) for c in s.speakers(10)]
    assert speakers[:2] in (
        [("Donald Trump", 2), ("Yair Lapid", 2)],
        [("Yair Lapid", 2), ("Donald Trump", 2)],
    )
    assert "an unnamed official" not in {n for n, _ in speakers}
    relays = [(c.name, c.count) for c in s.relays(10)]
    assert relays[0] == ("Haaretz", 2) and set(relays[1:]) == {("KAN", 1), ("Reuters", 1)}
    listed = s.entities()
    assert {e.name for e in listed} == {"Donald Trump", "Yair Lapid", "Haaretz", "KAN", "Reuters"}
    assert [e.name for e in s.entities(query="lapid")] == ["Yair Lapid"]
    trump = s.speakers(1)[0].gid if s.speakers(1)[0].name == "Donald Trump" else s.speakers(2)[1].gid
    assert [(d.date, d.act, d.count) for d in s.statements_per_day(trump)] == [
        ("2025-05-30", "claim", 1),
        ("2025-06-10", "demand", 1),
    ]
    assert [r.statement.act for r in s.entity_statements(trump, act="demand")] == ["demand"]
    assert [r.date for r in s.entity_statements(trump, until="2025-06-01")] == ["2025-05-30"]
    with pytest.raises(SaidwhatError) as e:
        s.entity(99999)
    assert e.value.code == "E_NOT_FOUND"
    st = s.stats()
    assert (st.documents, st.statements, st.entities) == (3, 5, 5)
    docs = s.documents()
    assert [d.published for d in docs] == ["2025-06-10", "2025-06-01", None]
    assert [d.statements for d in docs] == [2, 2, 1]
    assert [d.source for d in s.documents(limit=1, offset=1)] == ["1.txt"]


# -- search ------------------------------------------------------------------------------------------


def test_search_statements_and_articles_with_snippets(newsroom: Store) -> None:
    hits = newsroom.search("ceasefire")
    kinds = sorted(h.kind for h in hits)
    # one hit per statement: the two articles are found through their statements, not again as articles
    assert kinds == ["statement", "statement"]
    titles = newsroom.search("title")  # words outside every statement: the articles themselves
    assert sorted(h.kind for h in titles) == ["article"] * 3
    for h in hits:
        assert any(is_match and text.lower() == "ceasefire" for text, is_match in h.snippet)
        assert "\ue000" not in "".join(t for t, _ in h.snippet)
    st = [h for h in newsroom.search("ceasefire", speaker="Yair Lapid")]
    assert [h.kind for h in st] == ["statement"] and st[0].statement is not None
    assert (
        st[0].statement.statement.speaker is not None
        and st[0].statement.statement.speaker.name == "Yair Lapid"
    )
    assert [h.kind for h in newsroom.search("ceasefire", kind="article")] == ["article", "article"]
    assert newsroom.search("ceasefire", via="Reuters")[0].statement is not None
    assert len(newsroom.search("ceasefire", since="2025-06-05")) == 1  # the statement of 2.txt
    assert [h.kind for h in newsroom.search('"release the hostages"')] == ["statement"]  # a phrase
    assert newsroom.search('"hostages release"') == []  # the same words, not that phrase
    assert len(newsroom.search("hostages release")) == 1  # the words, in any order
    assert len(newsroom.search("hostag*", kind="statement")) == 1
    assert len(newsroom.search("ceasefire", limit=1, offset=1)) == 1


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "AND",
        "OR OR",
        "NEAR(",
        "a:b",
        "^x",
        "(((",
        "-",
        "*",
        '""',
        "col:ceasefire",
        "ceasefire NOT",
        "\ue000",
        "' OR 1=1 --",
        "",
    ],
)
def test_malformed_queries_never_raise(newsroom: Store, query: str) -> None:
    hits = newsroom.search(query)
    assert isinstance(hits, list)


def test_search_query_is_words_not_syntax(newsroom: Store) -> None:
    assert newsroom.search("ceasefire OR banana") == []  # OR is a word, all words must match
    assert len(newsroom.search('ceasefire "deal')) == 1  # unbalanced quote ignored: the one statement


def test_hostile_text_stays_plain_text(store: Store) -> None:
    a = article("x.html", "2025-06-29", [Quote("Mallory", "<script>alert(1)</script> onerror=boom")])
    store.add(a)
    hit = store.search("alert", kind="statement")[0]
    joined = "".join(t for t, _ in hit.snippet)
    assert "<script>" in joined  # returned as text for the web layer to escape, not stripped or altered
    assert ("alert", True) in hit.snippet


# -- export ------------------------------------------------------------------------------------------


def test_export_json_jsonl_csv(newsroom: Store) -> None:
    expected = [newsroom.get(i).to_dict() for i in newsroom.document_ids()]
    out = io.StringIO()
    assert export(newsroom, "json", out) == 3
    assert json.loads(out.getvalue()) == expected
    out = io.StringIO()
    export(newsroom, "jsonl", out)
    assert [json.loads(line) for line in out.getvalue().splitlines()] == expected
    out = io.StringIO()
    export(newsroom, "csv", out)
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(table) == 5
    anon = next(r for r in table if r["content"] == "talks stalled")
    assert anon["via"] == "Haaretz > KAN" and anon["speaker_anonymous"] == "true"
    doc_text = newsroom.get(anon["doc_id"]).doc.text
    assert doc_text[int(anon["content_start"]) : int(anon["content_end"])] == "talks stalled"
    with pytest.raises(SaidwhatError):
        export(newsroom, "xml", io.StringIO())


def test_export_of_empty_store_is_valid(store: Store) -> None:
    out = io.StringIO()
    export(store, "json", out)
    assert json.loads(out.getvalue()) == []


# -- counters, totals, migration backfill, search beyond the ranking limit ----------------------------


def test_counters_follow_adds_versions_and_reapply(store: Store, tmp_path: Path) -> None:
    with nullcontext(store) as s:
        s.add(
            article(
                "a.txt", "2025-06-01", [Quote("Donald Trump", "one", via=["Haaretz"]), Quote("DJT", "two")]
            )
        )
        s.add(article("b.txt", "2025-06-02", [Quote("Yair Lapid", "three", via=["Haaretz", "KAN"])]))
        assert_store_consistent(s)
        s.add(
            article("a.txt", "2025-06-01", [Quote("Yair Lapid", "four"), Quote("DJT", "five")])
        )  # drops Trump
        assert_store_consistent(s)
        assert [(c.name, c.count) for c in s.speakers()] == [("Yair Lapid", 2), ("DJT", 1)]
        assert [(c.name, c.count) for c in s.relays()] == [("Haaretz", 1), ("KAN", 1)]
        aliases = tmp_path / "aliases.toml"
        aliases.write_text(ALIASES)
        s.reapply_aliases(aliases)
        assert_store_consistent(s)
        assert {(c.name, c.count) for c in s.speakers()} == {("Yair Lapid", 2), ("Donald Trump", 1)}
        assert s.stats().statements == s.count_statements() == 3


def test_migration_backfills_counters_of_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    with Store(path) as s:
        s.add(article("a.txt", "2025-06-01", [Quote("Donald Trump", "one", via=["Haaretz"])]))
        s.add(article("b.txt", "2025-06-02", [Quote("Donald Trump", "two")]))
    conn = sqlite3.connect(path)  # turn it back into a version-2 database
    for index in ("ix_registry_speakers", "ix_registry_relays", "ix_registry_listing"):
        conn.execute(f"DROP INDEX {index}")
    for column in ("n_statements", "n_relayed", "n_mentions", "n_documents"):
        conn.execute(f"ALTER TABLE registry_entities DROP COLUMN {column}")
    conn.execute("DROP TABLE totals")
    for index in (
        "ix_documents_outlet",
        "ix_documents_statements",
        "ix_statements_doc_latest",
        "ix_statements_facets",
    ):  # v8
        conn.execute(f"DROP INDEX {index}")
    conn.execute("ALTER TABLE documents DROP COLUMN outlet")  # v8
    conn.execute("ALTER TABLE documents DROP COLUMN display_title")
    conn.execute("DROP TABLE registry_keys")  # v6
    conn.execute("ALTER TABLE statements DROP COLUMN confidence")  # added by v5
    conn.execute("DELETE FROM schema_migrations WHERE version >= 3")
    conn.commit()
    conn.close()
    with Store(path) as s:
        assert s.stats().schema_version == LATEST_VERSION
        assert [(c.name, c.count) for c in s.speakers()] == [("Donald Trump", 2)]
        assert (s.stats().documents, s.stats().statements) == (2, 2)
        assert [d.display_title for d in s.documents()] == [None, None]  # not back-filled: derived on read
        assert_store_consistent(s)


def test_very_common_words_come_newest_first(newsroom: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import saidwhat.store.fts as core

    ranked = newsroom.search("ceasefire", kind="statement")
    assert all(h.ranked for h in ranked)
    monkeypatch.setattr(core, "RANK_LIMIT", 0)
    newest = newsroom.search("ceasefire", kind="statement")
    assert not any(h.ranked for h in newest)
    assert {h.statement.statement.content.text for h in newest if h.statement} == {
        h.statement.statement.content.text for h in ranked if h.statement
    }
    assert [h.doc_id for h in newest] == [newsroom.document_ids()[1], newsroom.document_ids()[0]]
    assert all(any(m for _, m in h.snippet) for h in newest)


# -- the real samples through the real pipeline ------------------------------------------------------


def test_samples_store_rebuild_and_share_entities(
    tmp_path: Path, nlp: object, sample_000: str, sample_002: str
) -> None:
    from saidwhat.ingest.base import SourceDoc
    from saidwhat.pipeline import analyze
    from saidwhat.store.registry import compatible, normalise

    sources = [
        SourceDoc(source=f"sample_{i}.txt", text=t, stem=f"sample_{i}")
        for i, t in ((0, sample_000), (2, sample_002))
    ]
    analyses = list(analyze(sources, nlp=nlp))  # type: ignore[arg-type]
    with Store(tmp_path / "samples.db") as s:
        assert [s.add(a).status for a in analyses] == ["new", "new"]
        assert [s.add(a).status for a in analyses] == ["unchanged", "unchanged"]
        for a in analyses:
            assert s.get(a.doc.id).to_dict() == a.to_dict()
        assert s.stats().statements == sum(len(a.statements) for a in analyses)
        links = [s.entity_links(a.doc.id) for a in analyses]
        shared = 0
        for e0 in analyses[0].entities:
            for e2 in analyses[1].entities:
                if normalise(e0.name) == normalise(e2.name) and compatible(e0.type, e2.type):
                    shared += 1
                    assert links[0][e0.id] == links[1][e2.id], e0.name
        assert shared > 0  # both articles are about the same talks: some names recur
        word = next(w for w in analyses[0].doc.text.split() if w.isalpha() and len(w) > 6)
        assert any(h.doc_id == analyses[0].doc.id for h in s.search(word, kind="article"))


def test_connections_of_finished_threads_are_closed(store: Store) -> None:
    def read() -> None:
        store.count_documents()

    for _ in range(5):
        t = threading.Thread(target=read)
        t.start()
        t.join()
    store.count_documents()  # a new connection for this thread prunes those of ended threads
    if isinstance(store, Store):
        assert len(store._conns) <= 2
    else:  # PostgreSQL: connections come from the pool, which never grows past its size
        from saidwhat.store.postgres.store import POOL_SIZE

        assert store._pool.get_stats()["pool_size"] <= POOL_SIZE  # type: ignore[attr-defined]
