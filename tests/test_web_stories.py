"""The stories pages: /stories and /story/{id}, their JSON twins (the CLI's objects) and the pictures."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from saidwhat.cli import app
from saidwhat.store import open_store
from saidwhat.web import create_app
from saidwhat.web.storychart import entry_href, sparkline, speaker_colour, timeline_picture
from tests.stories_fixtures import stories_db

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_db(tmp_path_factory.mktemp("webstories") / "w.db")


@pytest.fixture(scope="module")
def client(db: Path) -> Any:
    return TestClient(create_app(open_store(db, read_only=True)))


def cli_json(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_stories_json_twin_is_the_cli_object(client: Any, db: Path) -> None:
    r = client.get("/stories.json")
    assert r.status_code == 200
    assert r.json() == cli_json("stories", "--db", str(db), "--json")
    assert client.get("/stories", headers={"Accept": "application/json"}).json() == r.json()
    csv = client.get("/stories.csv").text.splitlines()
    assert csv[0] == "id,title,first,last,size,entities,speakers" and len(csv) == 3


def test_stories_page_lists_stories_with_sparklines(client: Any) -> None:
    html = client.get("/stories").text
    assert html.count('<svg class="spark"') == 2
    assert 'href="/story/st1"' in html and 'href="/story/st2"' in html
    assert '<a href="/stories" aria-current="page">Stories</a>' in html
    # three articles on three days two days apart: three bars
    assert len(re.findall(r'<rect x="[\d.]+" y="[\d.]+" width', html)) == 6


def test_story_page_and_twin(client: Any, db: Path) -> None:
    doc = client.get("/story/st1.json?top=3").json()
    assert doc == cli_json("story", "st1", "--top", "3", "--db", str(db), "--json")
    assert doc["schema"] == "saidwhat/1-story" and len(doc["timeline"]["dates"]) == 3
    html = client.get("/story/st1?top=3").text
    assert '<svg class="timeline"' in html and "<desc" in html
    assert html.count('class="tl-date"') == 3
    hrefs = re.findall(r'<a class="tl-entry" href="([^"]+)"', html)
    entries = [e for d in doc["timeline"]["dates"] for e in d["entries"]]
    assert len(hrefs) == len(entries) and all(h.startswith("/article/") for h in hrefs)
    # the text alternative lists every entry with the same link
    for e in entries:
        assert entry_href(e).replace("&", "&amp;") in html
    for a in doc["articles"]:
        assert f'href="/article/{a["id"]}"' in html


def test_unknown_story_is_404_in_both_shapes(client: Any) -> None:
    r = client.get("/story/st99.json")
    assert r.status_code == 404 and r.json()["error"]["code"] == "E_NOT_FOUND"
    assert client.get("/story/st99").status_code == 404
    assert client.get("/story/bad%20id").status_code == 422


def test_entry_links_reach_the_statement_or_the_sentence() -> None:
    assert entry_href({"article": "abc", "statement": "s4", "text": "x"}) == "/article/abc#st-s4"
    long = {
        "article": "abc",
        "statement": None,
        "text": "Rescuers searched the rubble of the collapsed hotel in Port-au-Prince today.",
    }
    assert (
        entry_href(long)
        == "/article/abc#:~:text=Rescuers%20searched%20the%20rubble,hotel%20in%20Port%2Dau%2DPrince%20today."
    )
    assert (
        entry_href({"article": "a b", "statement": None, "text": "Short one."})
        == "/article/a%20b#:~:text=Short%20one."
    )


def test_picture_geometry() -> None:
    dates = [
        {
            "date": "2025-06-01",
            "score": 2,
            "entries": [{"text": "a", "article": "x", "statement": "s1", "speaker": "Hamas"}],
        },
        {
            "date": "2025-07-01",
            "score": 1,
            "entries": [{"text": "b " * 100, "article": "x", "statement": None}],
        },
    ]
    pic = timeline_picture(dates)
    assert [r.x for r in pic.rows] == [pic.left, pic.right]
    assert pic.rows[0].y < pic.rows[1].y < pic.height
    assert pic.rows[0].lines[0].colour == speaker_colour("Hamas") and pic.legend == [
        ("Hamas", speaker_colour("Hamas"))
    ]
    assert len(pic.rows[1].lines[0].text) <= 120 and pic.rows[1].lines[0].text.endswith("…")
    assert pic.ticks[0].label == "2025-06-01" and pic.ticks[-1].label == "2025-07-01"
    spark = sparkline(["2025-01-01", "2025-01-01", "2025-01-03", None])
    assert len(spark.bars) == 2 and spark.bars[0].h > spark.bars[1].h
    year = sparkline([f"2024-{m:02d}-01" for m in range(1, 13)])
    assert len(year.bars) == 12 and "one bar per" in year.label


def test_the_speakers_drawn_get_distinct_colours_first() -> None:
    from saidwhat.web.storychart import PALETTE, speaker_colours

    voices = [f"Voice {i}" for i in range(12)]
    dates = [
        {"date": "2025-01-01", "entries": [{"speaker": "they"}, {"speaker": "Voice 11"}, {"speaker": None}]}
    ]
    colours = speaker_colours(voices, dates)
    assert colours["they"] == PALETTE[0] and colours["Voice 11"] == PALETTE[1]
    drawn = [colours[n] for n in ("they", "Voice 11", *voices[: len(PALETTE) - 2])]
    assert len(set(drawn)) == len(PALETTE)
