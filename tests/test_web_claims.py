"""The across-articles pages (saidwhat/web/claims.py): HTML, JSON twins (= the CLI's objects), CSV."""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from saidwhat.cli import app as cli
from saidwhat.corpus import CORPUS_STAGES
from saidwhat.store import open_store
from saidwhat.web.claimchart import LEFT, RIGHT, WIDTH, build_claim_chart
from tests.claims_fixtures import flood_articles

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from saidwhat.web import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("webclaims") / "w.db"
    with open_store(path) as store:
        for a in flood_articles():
            store.add(a)
        CORPUS_STAGES.rebuild(store)
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(open_store(db, read_only=True)), raise_server_exceptions=False) as c:
        yield c


def cli_json(db: Path, *args: str) -> object:
    result = CliRunner().invoke(cli, [*args, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_twins_are_the_cli_objects(client: TestClient, db: Path) -> None:
    assert client.get("/claims.json").json() == cli_json(db, "claims")
    assert client.get("/positions.json").json() == cli_json(db, "positions")
    assert client.get("/promises.json?as_of=2021-08-02").json() == cli_json(
        db, "promises", "--as-of", "2021-08-02"
    )
    assert client.get("/claims.json?about=mexico").json()["claims"] == []
    r = client.get("/promises", headers={"accept": "application/json"})
    assert r.json()["schema"] == "saidwhat/1-promises"


def test_claims_page_draws_the_measure(client: TestClient) -> None:
    r = client.get("/claims")
    assert r.status_code == 200
    html = r.text
    assert 'aria-current="page">Claims' in html
    (svg,) = re.findall(r'<figure class="claim-chart".*?</figure>', html, re.S)
    # three points, each a link to its article's statement, with a text label
    links = re.findall(r'<a class="point" href="([^"]+)" aria-label="([^"]+)"', svg)
    assert [h for h, _ in links] == ["/article/f1#st-s1", "/article/f2#st-s1", "/article/f3#st-s1"]
    assert "more than 300 according to A local official" in links[1][1]
    assert svg.count('class="band"') == 1  # the range 160-180
    assert svg.count('class="contra"') >= 1  # the same-day contradiction, and its key
    assert "3 values from 2 sources" in svg and "1 contradiction marked" in svg
    # the table is the text alternative: every value, linked to its sentence
    assert html.count('class="evidence" href="/article/f2#st-s1"') == 1
    assert 'class="contradicted"' in html


def test_positions_and_promises_pages(client: TestClient) -> None:
    html = client.get("/positions").text
    assert '<a class="stance stance-demands" href="/article/f4#st-s1"' in html
    assert "Gaurav Gogoi" in html and "stance-legend" in html
    html = client.get("/promises?as_of=2021-08-02").text
    assert '<span class="status status-overdue">overdue</span>' in html
    assert 'href="/article/f4#st-s2"' in html and "2021-07-31" in html
    assert client.get("/promises?as_of=2021-02-30").status_code == 422
    assert client.get("/promises.json?as_of=nope").json()["error"]["code"] == "E_BAD_REQUEST"


def test_csv_twins(client: TestClient) -> None:
    r = client.get("/claims.csv")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["article"] for row in rows] == ["f1", "f2", "f3"]
    assert next(iter(csv.DictReader(io.StringIO(client.get("/positions.csv").text))))["stance"] == "demands"
    assert next(iter(csv.DictReader(io.StringIO(client.get("/promises.csv").text))))["due"] == "2021-07-31"


def test_pages_of_an_empty_story(client: TestClient) -> None:
    for page in ("/claims", "/positions", "/promises"):
        r = client.get(page + "?story=st9")
        assert r.status_code == 200 and 'class="empty"' in r.text


def test_chart_geometry_needs_two_dated_values() -> None:
    one = {"kind": "quantity", "values": [{"value": 3, "said_on": "2021-07-01", "article": "a"}]}
    assert build_claim_chart(one) is None
    two = {
        "kind": "quantity",
        "contradictions": [],
        "values": [
            {"value": 3, "said_on": "2021-07-01", "article": "a", "statement": None, "source": None},
            {"value": 9, "said_on": "2021-07-01", "article": "b", "statement": "s2", "source": {"name": "X"}},
        ],
    }
    chart = build_claim_chart(two)
    assert chart is not None
    (p1, p2) = chart.points
    assert p1.href == "/article/a" and p2.href == "/article/b#st-s2"
    assert p1.x == p2.x == round(LEFT + (WIDTH - RIGHT - LEFT) / 2, 1)  # one day: the middle of the axis
    assert p2.y < p1.y  # 9 is higher than 3
    assert [s for s, _ in chart.legend] == ["the article itself", "X"]


def test_html_lists_are_paged_and_twins_are_whole(client: TestClient) -> None:
    """page=N shows one page of the HTML list (with a link back); the JSON and CSV twins are whole."""
    first = client.get("/claims").text
    assert 'id="claim-c1"' in first and 'rel="prev"' not in first
    second = client.get("/claims?page=2")
    assert second.status_code == 200
    assert 'id="claim-c1"' not in second.text and 'rel="prev" href="/claims?page=1"' in second.text
    assert client.get("/claims.json?page=2").json() == client.get("/claims.json").json()
    assert client.get("/claims.csv?page=2").text == client.get("/claims.csv").text
    promises = client.get("/promises?page=2&as_of=2021-08-02").text
    assert '<span class="status status-overdue">' not in promises and 'rel="prev"' in promises
    assert 'class="empty"' not in promises and 'class="empty"' not in second.text
    assert client.get("/positions?page=0").status_code == 422


def test_a_claims_parties_are_joined_as_the_cli_joins_them() -> None:
    # session 46: a joint giver's name holds commas ("United Kingdom, France and Germany"), so the page
    # joins a claim's parties with semicolons, as the CLI and the CSV do (before: commas, ambiguous)
    from saidwhat.claims import article_facts, build_claims
    from saidwhat.pipeline import analyze_text
    from saidwhat.web.claims import claim_view

    an = analyze_text("Britain, France and Germany have pledged $5m to Chile.", published="2010-03-01")
    (claim,) = [c for c in build_claims([article_facts(an, "s")])["claims"] if c["kind"] == "quantity"]
    assert claim_view(claim).about == "from United Kingdom, France and Germany; Chile"
