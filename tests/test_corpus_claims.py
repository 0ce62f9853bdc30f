"""The claims corpus stage (saidwhat/corpus/claims.py): incremental == rebuild, stories, the CLI's
JSON/CSV shapes (hand-made articles and the seeds), and no spaCy import for the read-only commands."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from saidwhat.cli import app
from saidwhat.corpus import CORPUS_STAGES, CorpusRegistry, CorpusStage
from saidwhat.corpus.claims import ClaimsStage
from saidwhat.model import Analysis
from saidwhat.store import StoreProtocol, open_store
from tests.claims_fixtures import flood_articles
from tests.conftest import ROOT, SAMPLE_000, SAMPLE_002, needs_shared

ARTICLE_REF = {"id", "url", "source", "title", "published"}
VALUE_KEYS = {
    "value",
    "low",
    "high",
    "text",
    "stance",
    "source",
    "via",
    "said_on",
    "published",
    "article",
    "statement",
}
CELL_KEYS = {"actor", "entity", "issue", "stance", "first", "last", "changes", "evidence"}
PROMISE_KEYS = {"speaker", "act", "text", "said_on", "due", "status", "article", "statement", "followups"}


def table(store: StoreProtocol) -> list[tuple[Any, ...]]:
    with store.snapshot() as conn:
        return [tuple(r) for r in conn.execute("SELECT * FROM claim_facts ORDER BY doc_id")]


def reports(store: StoreProtocol) -> list[tuple[Any, ...]]:
    """The stored grouped results (without the row tokens, which are new at every build)."""
    with store.snapshot() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                "SELECT story, n_articles, latest, articles, claims, positions, promises FROM claim_reports "
                "ORDER BY story"
            )
        ]


def revised(a: Analysis, text_suffix: str) -> Analysis:
    """A new version of the same source (another text, hence another id)."""
    doc = dataclasses.replace(a.doc, id=a.doc.id + "-v2", text=a.doc.text + text_suffix)
    segs = [dataclasses.replace(s) for s in a.segments]
    segs[-1].end = len(doc.text)
    return dataclasses.replace(a, doc=doc, segments=segs)


def test_incremental_equals_rebuild_with_versions_and_stories(new_store_target: Callable[[str], Any]) -> None:
    stories: dict[str, str] = {}
    stage = ClaimsStage(story_of=lambda store, doc_id: stories.get(doc_id))
    assert isinstance(stage, CorpusStage)
    registry = CorpusRegistry([])
    registry.register(stage)
    a1, a2, a3, a4 = flood_articles()
    with open_store(new_store_target("c")) as store:
        store.add(a1)  # stored before the stage ran: the next on_added picks it up
        registry.on_added(store, [store.add(a2).doc_id])
        assert [r[0] for r in table(store)] == ["f1", "f2"]
        registry.on_added(store, [store.add(a3).doc_id, store.add(a4).doc_id])
        # a new version of f3 replaces its row
        v2 = store.add(revised(a3, " More rain is expected."))
        assert v2.status == "updated"
        registry.on_added(store, [v2.doc_id])
        assert [r[0] for r in table(store)] == ["f1", "f2", "f3-v2", "f4"]
        # a stories stage assigns stories: facts are recomputed for the articles whose story changed
        stories.update({"f1": "st1", "f2": "st1", "f3-v2": "st1", "f4": "st2"})
        registry.on_added(store, ["f4"])
        incremental = table(store)
        # the reports of the stories a batch touched are dropped; the ingest's end groups them again
        assert reports(store) == []
        registry.finish(store)
        grouped = reports(store)
        assert {r[0]: r[2] for r in incremental} == stories
        assert [(r[0], r[1]) for r in grouped] == [("st1", 3), ("st2", 1)]
        assert registry.rebuild(store) == ["claims"]
        assert table(store) == incremental and reports(store) == grouped
        registry.rebuild(store)
        assert table(store) == incremental and reports(store) == grouped
        # the store reads the facts back, per story
        assert [f.article.id for f in store.claim_facts("st1")] == ["f1", "f2", "f3-v2"]
        assert {f.story for f in store.claim_facts()} == {"st1", "st2"}
        assert store.claim_stories() == [("st1", 3), ("st2", 1)]


def test_stored_reports_are_the_groupings_of_each_story(new_store_target: Callable[[str], Any]) -> None:
    """The reports read from claim_reports are build_* over each story's facts; every story is grouped
    on its own and the whole store's report is the stories' one after another (claims renumbered);
    a story whose report is missing (an ingest under way) is grouped from its facts when read."""
    from datetime import date

    from saidwhat.claims import build_claims, build_positions_report, build_promises_report
    from saidwhat.corpus.claims import claims_report, positions_report, promises_report

    stories = {"f1": "st1", "f2": "st1", "f3": "st1", "f4": "st2"}
    stage = ClaimsStage(story_of=lambda store, doc_id: stories.get(doc_id))
    registry = CorpusRegistry([])
    registry.register(stage)
    with open_store(new_store_target("r")) as store:
        registry.on_added(store, [store.add(a).doc_id for a in flood_articles()])
        registry.finish(store)
        day = date(2021, 8, 2)
        per_story = {}
        for s in ("st1", "st2"):
            facts = store.claim_facts(s)
            per_story[s] = (
                build_claims(facts, story=s),
                build_positions_report(facts, story=s),
                build_promises_report(facts, as_of=day, story=s),
            )
            assert claims_report(store, s) == per_story[s][0]
            assert positions_report(store, s) == per_story[s][1]
            assert promises_report(store, s, day) == per_story[s][2]
        whole = claims_report(store)
        ids = [c["id"] for c in whole["claims"]]
        assert len(ids) == len(set(ids)) and ids[0] == "c1"
        strip = [{**c, "id": None} for c in whole["claims"]]
        assert strip == [{**c, "id": None} for s in ("st1", "st2") for c in per_story[s][0]["claims"]]
        assert positions_report(store)["cells"] == [
            c for s in ("st1", "st2") for c in per_story[s][1]["cells"]
        ]
        proms = promises_report(store, as_of=day)["promises"]
        assert sorted(map(json.dumps, proms)) == sorted(
            json.dumps(p) for s in ("st1", "st2") for p in per_story[s][2]["promises"]
        )
        before = (claims_report(store), positions_report(store), promises_report(store))
        with store.transaction() as conn:
            conn.execute("DELETE FROM claim_reports WHERE story = ?", ("st1",))
        assert (claims_report(store), positions_report(store), promises_report(store)) == before
        # the end of the next ingest builds the missing report again
        registry.on_added(store, ["f4"])
        assert reports(store) == []
        registry.finish(store)
        assert [r[0] for r in reports(store)] == ["st1", "st2"]


def test_claim_facts_before_the_stage_ran(tmp_path: Path) -> None:
    with open_store(tmp_path / "e.db") as store:
        store.add(flood_articles()[0])
    with open_store(tmp_path / "e.db", read_only=True) as ro:
        assert ro.claim_facts() == [] and ro.claim_stories() == []


@pytest.fixture(scope="module")
def flood_db(module_store_target: Callable[[str], Path | str]) -> Path | str:
    """The flood articles with the claims stage run, on each backend."""
    db = module_store_target("floods")
    with open_store(db) as store:
        for a in flood_articles():
            store.add(a)
        CORPUS_STAGES.rebuild(store)
    return db


def run(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "240"})
    assert result.exit_code == 0, result.output
    return result


def check_refs(report: dict[str, Any]) -> None:
    assert report["articles"] and all(set(a) >= ARTICLE_REF for a in report["articles"])


def test_cli_claims_json_shape(flood_db: Path) -> None:
    report = json.loads(run("claims", "--db", str(flood_db), "--json").stdout)
    assert report["schema"] == "saidwhat/1-claims"
    check_refs(report)
    (claim,) = [c for c in report["claims"] if c["kind"] == "quantity"]
    assert {"id", "kind", "key", "values", "updates", "contradictions"} <= set(claim)
    assert {"measure", "unit", "counts", "about"} <= set(claim["key"])
    assert claim["key"]["about"] == ["Assam"] and claim["key"]["measure"] == "deaths"
    assert all(set(v) >= VALUE_KEYS for v in claim["values"])
    assert [(v["value"], v["low"], v["high"]) for v in claim["values"]] == [
        (140, None, None),
        (300, None, None),
        (None, 160, 180),
    ]
    assert claim["values"][0]["source"]["name"] == "The ministry"
    assert claim["values"][1]["said_on"] is None and claim["values"][1]["published"] == "2021-07-01"
    assert [(c["a"], c["b"]) for c in claim["contradictions"]] == [(0, 1)]
    assert [(u["from"], u["to"], u["kind"]) for u in claim["updates"]] == [(0, 2, "raised")]
    # --about filters by place / measure; ids are kept
    assert json.loads(run("claims", "--db", str(flood_db), "--json", "--about", "assam").stdout)["claims"]
    none = json.loads(run("claims", "--db", str(flood_db), "--json", "--about", "Mexico").stdout)
    assert none["claims"] == [] and none["articles"] == []
    # no stories stage yet: every article is outside any story
    assert json.loads(run("claims", "--db", str(flood_db), "--json", "--story", "st9").stdout)["claims"] == []


def test_cli_positions_and_promises_json_shape(flood_db: Path) -> None:
    pos = json.loads(run("positions", "--db", str(flood_db), "--json").stdout)
    assert pos["schema"] == "saidwhat/1-positions"
    (cell,) = pos["cells"]
    assert set(cell) >= CELL_KEYS
    assert (cell["actor"], cell["stance"], cell["evidence"][0]["article"]) == (
        "Gaurav Gogoi",
        "demands",
        "f4",
    )
    prom = json.loads(run("promises", "--db", str(flood_db), "--json", "--as-of", "2021-08-02").stdout)
    assert prom["schema"] == "saidwhat/1-promises" and prom["as_of"] == "2021-08-02"
    (p,) = prom["promises"]
    assert set(p) >= PROMISE_KEYS
    assert (p["said_on"], p["due"], p["status"], p["statement"]) == (
        "2021-07-05",
        "2021-07-31",
        "overdue",
        "s2",
    )
    default = json.loads(run("promises", "--db", str(flood_db), "--json").stdout)
    assert default["as_of"] == "2021-07-07" and default["promises"][0]["status"] == "pending"
    bad = CliRunner().invoke(app, ["promises", "--db", str(flood_db), "--as-of", "2021-02-30"])
    assert bad.exit_code == 1 and "E_DATE" in bad.output


def test_cli_tables_and_csv(flood_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from saidwhat import cli as cli_module

    monkeypatch.setattr(cli_module.out, "width", 240)  # a wide terminal: no cell wraps
    out = run("claims", "--db", str(flood_db)).stdout
    assert "deaths" in out and "The ministry" in out and "contradicts" in out
    rows = list(csv.DictReader(io.StringIO(run("claims", "--db", str(flood_db), "--csv").stdout)))
    assert [r["value"] or f"{r['low']}-{r['high']}" for r in rows] == ["140", "300", "160-180"]
    assert rows[1]["contradicts"] == "0" and rows[0]["article"] == "f1" and rows[0]["statement"] == "s1"
    cells = list(csv.DictReader(io.StringIO(run("positions", "--db", str(flood_db), "--csv").stdout)))
    assert cells[0]["evidence"] == "f4#s1"
    proms = list(csv.DictReader(io.StringIO(run("promises", "--db", str(flood_db), "--csv").stdout)))
    assert proms[0]["due"] == "2021-07-31"
    assert "Gaurav Gogoi" in run("positions", "--db", str(flood_db)).stdout
    assert "2021-07-31" in run("promises", "--db", str(flood_db)).stdout


def test_cli_notes_a_store_without_facts(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with open_store(db) as store:
        store.add(flood_articles()[0])
    result = CliRunner().invoke(app, ["claims", "--db", str(db), "--json"])
    assert result.exit_code == 0 and "saidwhat rebuild" in result.stderr
    assert json.loads(result.stdout)["claims"] == []
    run("rebuild", "--db", str(db))
    assert json.loads(run("claims", "--db", str(db), "--json").stdout)["claims"]


def test_read_commands_do_not_import_spacy(flood_db: Path) -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from saidwhat.cli import app\n"
        "for cmd in ('claims', 'positions', 'promises'):\n"
        f"    r = CliRunner().invoke(app, [cmd, '--db', {str(flood_db)!r}, '--json'])\n"
        "    assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT)}
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@needs_shared
def test_cli_on_the_seeds(tmp_path: Path) -> None:
    db = tmp_path / "seeds.db"
    run("ingest", str(SAMPLE_000), str(SAMPLE_002), "--db", str(db), "--quiet")  # runs the claims stage
    claims = json.loads(run("claims", "--db", str(db), "--json").stdout)
    check_refs(claims)
    held = [c for c in claims["claims"] if c["key"].get("measure") == "hostages held"]
    assert [v["value"] for c in held for v in c["values"]] == [48]
    assert all(set(v) >= VALUE_KEYS for c in claims["claims"] for v in c["values"])
    positions = json.loads(run("positions", "--db", str(db), "--json").stdout)
    cells = {(c["actor"], c["issue"]): c["stance"] for c in positions["cells"]}
    assert cells[("Hamas", "guarantees")] == "demands" and cells[("Israel", "guarantees")] == "rejects"
    promises = json.loads(run("promises", "--db", str(db), "--json").stdout)
    (p,) = [p for p in promises["promises"] if "within the next week" in p["text"]]
    assert (p["speaker"], p["said_on"], p["due"], p["status"]) == (
        "Donald Trump",
        "2025-06-27",
        "2025-07-04",
        "overdue",
    )
    assert set(p) >= PROMISE_KEYS


def test_facts_stored_before_statement_terms_group_the_same() -> None:
    """Facts stored before statements kept their terms and issues are grouped as the new ones."""
    from saidwhat.claims import article_facts, build_promises_report, facts_from_dict, facts_to_dict

    facts = [article_facts(a, "st1") for a in flood_articles()]
    old = []
    for f in facts:
        d = json.loads(json.dumps(facts_to_dict(f)))
        assert all(s["terms"] is not None for s in d["statements"])
        for s in d["statements"]:
            del s["terms"], s["issues"]
        old.append(facts_from_dict(d))
    assert build_promises_report(old, story="st1") == build_promises_report(facts, story="st1")


def _stories_in(node: Any) -> list[Any]:
    """The value of every ``story`` key, at any depth."""
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "story"] + [
            x for v in node.values() for x in _stories_in(v)
        ]
    if isinstance(node, list | tuple):
        return [x for v in node for x in _stories_in(v)]
    return []


def test_facts_take_their_story_afterwards() -> None:
    """The claims stage's part of an article (its facts without a story, made where it is analysed)
    labelled with the story is what the facts computed with the story are, through JSON too."""
    from saidwhat.claims import article_facts, facts_to_dict
    from saidwhat.claims.serial import with_story

    stage = ClaimsStage()
    kinds: set[str] = set()
    for a in flood_articles():
        for story in ("st7", None):
            want = facts_to_dict(article_facts(a, story))
            kinds |= {
                k for k in ("quantities", "assertions", "positions", "promises", "statements") if want[k]
            }
            assert with_story(facts_to_dict(article_facts(a, None)), story) == want
            labelled = with_story(json.loads(stage.article_part(a)), story)
            assert json.dumps(labelled, sort_keys=True) == json.dumps(want, sort_keys=True)
            assert set(_stories_in(labelled)) == {story}  # every story key labelled
    assert kinds == {"quantities", "assertions", "positions", "promises", "statements"}
    # a stage with a lexicon of its own takes no part made elsewhere (with the default lexicon)
    from saidwhat.claims.lexicon import load_lexicon

    assert stage.part_key() is not None and ClaimsStage(lexicon=load_lexicon()).part_key() is None
