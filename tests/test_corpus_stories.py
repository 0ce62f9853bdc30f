"""The stories corpus stage: incremental == rebuild, new versions, a store from before the stage,
the CLI's JSON shapes (hand-made articles and the seeds), JSONL ids kept as sources."""

from __future__ import annotations

import contextlib
import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from saidwhat.cli import app
from saidwhat.corpus import CORPUS_STAGES, CorpusRegistry
from saidwhat.corpus.stories import StoriesStage
from saidwhat.errors import SaidwhatError
from saidwhat.ingest import iter_sources
from saidwhat.ingest.base import SourceDoc
from saidwhat.settings import Settings
from saidwhat.store import StoreProtocol, open_store
from saidwhat.stories import ArticleFeatures, cluster
from tests.conftest import ROOT, SAMPLE_000, SAMPLE_002, needs_shared
from tests.stories_fixtures import stories_db, stream, talks

REF_KEYS = {"id", "url", "source", "title", "published"}


def tables(store: StoreProtocol) -> tuple[list[tuple[Any, ...]], Any]:
    with store.snapshot() as conn:
        rows = list(
            conn.execute(
                "SELECT doc_id, source, published, story, features FROM story_articles ORDER BY doc_id"
            )
        )
        state = conn.execute("SELECT state FROM story_state").fetchone()
    return rows, json.loads(state[0]) if state else None


def groups(store: StoreProtocol) -> dict[str, list[str]]:
    return {s: [f.title or "" for f in members] for s, members in store.stories().items()}


def registry() -> CorpusRegistry:
    r = CorpusRegistry([])
    r.register(StoriesStage())
    return r


def test_stories_stage_is_registered_first() -> None:
    assert CORPUS_STAGES.names()[0] == "stories"


def test_incremental_in_batches_equals_rebuild(new_store_target: Callable[[str], Path | str]) -> None:
    reg = registry()
    with open_store(new_store_target("s")) as store:
        articles = stream()
        for batch in (articles[:1], articles[1:4], articles[4:]):
            reg.on_added(store, [store.add(a).doc_id for a in batch])
        incremental = tables(store)
        assert groups(store) == {
            "st1": ["Talks 0", "Talks 1", "Talks 2"],
            "st2": ["Quake 0", "Quake 1", "Quake 2"],
        }
        # the state round-trip: a fresh stage (no clusterer in memory) files the next article the same way
        reg.rebuild(store)
        assert tables(store) == incremental
        feats = [ArticleFeatures.from_dict(json.loads(r[4])) for r in incremental[0]]
        assert {r[0]: r[3] for r in incremental[0]} == cluster(feats)
        reg.rebuild(store)  # deterministic
        assert tables(store) == incremental
        assert store.story_of(incremental[0][0][0]) == incremental[0][0][3]
        assert store.story_of("no-such-doc") is None


def test_a_new_version_keeps_its_story_and_a_fresh_stage_reloads_the_state(
    new_store_target: Callable[[str], Path | str],
) -> None:
    with open_store(new_store_target("v")) as store:
        articles = stream()
        registry().on_added(store, [store.add(a).doc_id for a in articles[:4]])
        old = store.add(articles[0]).doc_id
        story = store.story_of(old)
        revised = talks(0, "2025-06-27", said_on=("2025-06-26", "on Thursday"))
        revised.doc.text += "Officials said the talks would resume.\n"
        revised.doc.id = hashlib.sha256(revised.doc.text.encode()).hexdigest()
        new = store.add(revised).doc_id
        assert new != old and store.document(new).version == 2
        stage = StoriesStage()  # another process: its clusterer comes from story_state
        stage.on_added(store, [new, *(store.add(a).doc_id for a in articles[4:])])
        assert store.story_of(new) == story and store.story_of(old) is None
        stage.on_added(store, [store.add(a).doc_id for a in articles[4:]])  # nothing new: no change
        before = groups(store)
        assert sum(len(v) for v in before.values()) == 6
        stage.rebuild(store)
        assert groups(store) == before


def test_a_store_from_before_the_stage_catches_up(tmp_path: Path) -> None:
    with open_store(tmp_path / "old.db") as store:
        articles = stream()
        for a in articles[:5]:
            store.add(a)
        reg = registry()
        reg.on_added(store, [store.add(articles[5]).doc_id])
        assert sum(len(v) for v in store.stories().values()) == 6
        caught_up = groups(store)
        reg.rebuild(store)
        assert groups(store) == caught_up


def run(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def check_stories(doc: dict[str, Any]) -> None:
    assert doc["schema"] == "saidwhat/1-stories"
    for s in doc["stories"]:
        assert set(s) >= {"id", "title", "first", "last", "size", "entities", "speakers", "articles"}
        assert s["size"] == len(s["articles"]) and all(set(a) >= REF_KEYS for a in s["articles"])
        days = [a["published"] for a in s["articles"]]
        assert days == sorted(days) and (s["first"], s["last"]) == (days[0], days[-1])
        assert all(set(e) >= {"name", "entity", "count"} for e in s["entities"])
        assert all(set(v) == {"name", "count"} for v in s["speakers"])


def check_timeline(doc: dict[str, Any], ids: set[str]) -> None:
    assert doc["schema"] == "saidwhat/1-timeline"
    days = [d["date"] for d in doc["dates"]]
    assert days == sorted(days)
    for d in doc["dates"]:
        assert isinstance(d["score"], int | float) and 1 <= len(d["entries"]) <= 3
        for e in d["entries"]:
            assert set(e) >= {"text", "article", "statement", "start", "end"} and e["article"] in ids


def test_cli_json_shapes_on_hand_made_articles(tmp_path: Path) -> None:
    db = str(stories_db(tmp_path / "c.db"))
    doc = json.loads(run("stories", "--db", db, "--json").stdout)
    check_stories(doc)
    talks_story = next(s for s in doc["stories"] if s["articles"][0]["title"] == "Talks 0")
    assert talks_story["size"] == 3 and talks_story["articles"][0]["url"] == "https://news.example/talks/0"
    hamas = next(e for e in talks_story["entities"] if e["name"] == "Hamas")
    with open_store(db, read_only=True) as store:
        assert store.entity(int(hamas["entity"])).name == "Hamas"  # filled from the registry
    ids = {a["id"] for s in doc["stories"] for a in s["articles"]}
    one = json.loads(run("story", talks_story["id"], "--db", db, "--json").stdout)
    assert one["schema"] == "saidwhat/1-story" and one["title"] == talks_story["title"]
    check_timeline(one["timeline"], {a["id"] for a in talks_story["articles"]})
    tl = json.loads(run("timeline", talks_story["id"], "--top", "2", "--db", db, "--json").stdout)
    check_timeline(tl, ids)
    assert tl["story"] == talks_story["id"] and len(tl["dates"]) == 2
    # the day Trump spoke, named by two articles published on other days, is a key date
    assert "2025-06-26" in [d["date"] for d in tl["dates"]]
    every = json.loads(run("timeline", "--all", "--db", db, "--json").stdout)
    check_timeline(every, ids)
    assert every["story"] is None and len(every["dates"]) > len(tl["dates"])
    table = run("stories", "--db", db).stdout
    assert talks_story["id"] in table and "Donald" in table
    assert "2025-06-26" in run("timeline", talks_story["id"], "--db", db).stdout


def test_cli_errors(tmp_path: Path) -> None:
    db = str(stories_db(tmp_path / "e.db"))
    missing = CliRunner().invoke(app, ["story", "st99", "--db", db])
    assert missing.exit_code == 1 and "E_NOT_FOUND" in missing.stderr
    both = CliRunner().invoke(app, ["timeline", "st1", "--all", "--db", db])
    assert both.exit_code == 1 and "E_BAD_REQUEST" in both.stderr
    empty_db = tmp_path / "empty.db"
    with open_store(empty_db):
        pass
    empty = CliRunner().invoke(app, ["stories", "--db", str(empty_db), "--json"])
    assert empty.exit_code == 0 and json.loads(empty.stdout)["stories"] == []
    assert "saidwhat rebuild" in empty.stderr


def test_read_commands_import_no_spacy_beyond_the_store(tmp_path: Path) -> None:
    """The story readers add no spaCy import to what opening the store already costs."""
    db = str(stories_db(tmp_path / "r.db"))
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from saidwhat.cli import app\n"
        "import saidwhat.store\n"
        "spacy = lambda: sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc'))\n"
        "before = spacy()\n"
        "for args in (['stories'], ['story', 'st1'], ['timeline', '--all']):\n"
        f"    r = CliRunner().invoke(app, [*args, '--db', {db!r}, '--json'])\n"
        "    assert r.exit_code == 0, r.output\n"
        "print(len(before), sorted(set(spacy()) - set(before)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT)}
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split(" ", 1)[1].strip() == "[]"


def test_jsonl_id_is_the_source_and_url_is_kept(tmp_path: Path) -> None:
    f = tmp_path / "wire.jsonl"
    lines = [
        {"id": "wire-1", "url": "https://wire.example/1", "text": "The minister said the talks went on."},
        {"id": 42, "text": "Another article, said the spokesman."},
        {"text": "No id here, the official said."},
        {"id": ["bad"], "text": "A list is no id."},
    ]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    items = list(iter_sources([str(f)], Settings()))
    docs = [d for d in items if isinstance(d, SourceDoc)]
    assert [(d.source, d.url) for d in docs] == [
        ("wire-1", "https://wire.example/1"),
        ("42", None),
        (f"{f}:3", None),
    ]
    (bad,) = [e for e in items if isinstance(e, SaidwhatError)]
    assert (bad.code, bad.line) == ("E_JSONL", 4)


@needs_shared
def test_the_two_seed_articles_are_one_story(tmp_path: Path) -> None:
    db = str(tmp_path / "seeds.db")
    run("ingest", str(SAMPLE_000), str(SAMPLE_002), "--db", db, "--quiet")  # runs the stage
    doc = json.loads(run("stories", "--db", db, "--json").stdout)
    check_stories(doc)
    (story,) = doc["stories"]
    assert story["size"] == 2 and [a["published"] for a in story["articles"]] == ["2025-06-29", "2025-10-06"]
    assert {"Donald Trump", "Benjamin Netanyahu"} <= {v["name"] for v in story["speakers"]}
    assert story["title"] and not any(story["title"] in (a["title"] or "") for a in story["articles"])
    tl = json.loads(run("timeline", story["id"], "--top", "5", "--db", db, "--json").stdout)
    check_timeline(tl, {a["id"] for a in story["articles"]})
    days = [d["date"] for d in tl["dates"]]
    assert "2025-06-27" in days  # Trump's Friday press conference, said the day before publication
    assert any(d < "2025-06-29" for d in days)
    with open_store(db, read_only=True) as store:
        texts = {a["id"]: store.get(a["id"]).doc.text for a in story["articles"]}
    for d in tl["dates"]:
        for e in d["entries"]:
            assert texts[e["article"]][e["start"] : e["end"]] == e["text"]
    run("rebuild", "--db", db)
    assert json.loads(run("stories", "--db", db, "--json").stdout) == doc


def test_rebuild_command_runs_the_stories_stage(tmp_path: Path) -> None:
    db = tmp_path / "rb.db"
    with open_store(db) as store:
        for a in stream():
            store.add(a)
    result = run("rebuild", "--db", str(db))
    assert "stories" in result.stderr
    with open_store(db, read_only=True) as store:
        assert sorted(len(v) for v in store.stories().values()) == [3, 3]


def test_the_stop_word_copy_is_spacys_list() -> None:
    from spacy.lang.en.stop_words import STOP_WORDS

    from saidwhat.stories.features import _stop_words

    path = ROOT / "saidwhat" / "data" / "stop_words_en.txt"
    copy = {w for w in path.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")}
    assert copy == {w.lower() for w in STOP_WORDS}
    assert copy <= _stop_words()


def test_a_failed_batch_leaves_no_trace(tmp_path: Path, monkeypatch: Any) -> None:
    articles = stream()
    with open_store(tmp_path / "clean.db") as store:
        registry().prepare(store)
        clean = StoriesStage()
        for a in articles:
            clean.on_added(store, [store.add(a).doc_id])
        expected = tables(store)
    with open_store(tmp_path / "fail.db") as store:
        registry().prepare(store)
        stage = StoriesStage()
        for a in articles[:3]:
            stage.on_added(store, [store.add(a).doc_id])
        fourth = store.add(articles[3]).doc_id

        def broken(*_: Any) -> None:
            raise RuntimeError("disk full")

        with monkeypatch.context() as m:
            m.setattr(StoriesStage, "_save", broken)
            with contextlib.suppress(RuntimeError):
                stage.on_added(store, [fourth])
        assert store.story_of(fourth) is None  # rolled back, and the clusterer in memory dropped
        stage.on_added(store, [fourth])  # the batch again
        for a in articles[4:]:
            stage.on_added(store, [store.add(a).doc_id])
        assert tables(store) == expected
