"""The statements browser, the speakers page and the articles list (issue 19) over a small store."""

from __future__ import annotations

import csv
import io
import json
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from saidwhat.errors import SaidwhatError
from saidwhat.filters import build_filter, outlet_of
from saidwhat.model import Analysis
from saidwhat.store import Store, open_store
from saidwhat.store.browse import Keyset
from tests.web_fixtures import browse_analyses, expected_anonymous_via_reuters, hostile_analysis

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from saidwhat.web import create_app

SINCE, UNTIL = "2025-03", "2025-08"


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    return browse_analyses()


@pytest.fixture(scope="module")
def db(module_store_target: Callable[[str], Path | str], analyses: list[Analysis]) -> Path | str:
    """The browsed store, on each backend (SQLite file, PostgreSQL schema URL)."""
    target = module_store_target("browse")
    with open_store(target) as store:
        for a in analyses:
            store.add(a)
        store.add(hostile_analysis())
    return target


@pytest.fixture(scope="module")
def client(db: Path | str) -> Iterator[TestClient]:
    with TestClient(create_app(open_store(db, read_only=True)), raise_server_exceptions=False) as c:
        yield c


def pairs(statements: list[dict[str, object]]) -> set[tuple[str, str]]:
    return {(s["doc"]["id"], s["statement"]["id"]) for s in statements}  # type: ignore[index]


def every_page(client: TestClient, params: dict[str, str]) -> list[dict[str, object]]:
    """Follow the cursor from the first page to the last."""
    out: list[dict[str, object]] = []
    page = client.get("/statements.json", params=params).json()
    while True:
        out += page["statements"]
        if page["next"] is None:
            return out
        page = client.get("/statements.json", params={**params, "cursor": page["next"]}).json()


# -- the statements browser -----------------------------------------------------------------------------


def test_filters_without_words_anonymous_relayed_by_reuters_in_a_period(
    client: TestClient, analyses: list[Analysis]
) -> None:
    want = expected_anonymous_via_reuters(analyses, "2025-03-01", "2025-08-31")
    assert len(want) == 4  # April, May, July, August: Reuters first or second in the chain
    params = {"anonymous": "true", "via": "Reuters", "since": SINCE, "until": UNTIL}
    j = client.get("/statements.json", params=params).json()
    assert j["total"] == len(want) and pairs(j["statements"]) == want
    assert j["filters"]["anonymous"] is True and j["filters"]["via"] == "Reuters"
    assert [e["name"] for e in j["matched"]["via"]["entities"]] == ["Reuters"]
    # the relay matches at any position of the chain
    second = [s for s in j["statements"] if s["statement"]["via"][0]["name"] == "Haaretz"]
    assert second and all(s["statement"]["via"][1]["name"] == "Reuters" for s in second)


def test_cursor_pages_are_stable_and_cover_the_view_once(client: TestClient) -> None:
    whole = client.get("/statements.json", params={"per_page": 100}).json()
    assert whole["total"] == len(whole["statements"]) == 12 * 3 + 2 and whole["next"] is None
    paged = every_page(client, {"per_page": "5"})
    assert [(s["doc"]["id"], s["statement"]["id"]) for s in paged] == [
        (s["doc"]["id"], s["statement"]["id"]) for s in whole["statements"]
    ]
    dates = [s["date"] for s in paged]
    assert dates == sorted(dates, reverse=True)  # newest first
    first = client.get("/statements.json", params={"per_page": 5}).json()
    assert "cursor=" in first["next_url"] and "per_page=5" in first["next_url"]


def test_words_rank_the_view_pages_cover_it_once_and_downloads_follow_it(client: TestClient) -> None:
    params = {"q": "Hamas", "per_page": "3"}
    first = client.get("/statements.json", params=params).json()
    ranked = every_page(client, params)
    assert first["sort"] == "relevance" and first["total"] == len(ranked) > 3
    assert len(pairs(ranked)) == len(ranked)  # each statement once across the relevance pages
    assert all("hamas" in str(s["statement"]["content"]["text"]).lower() for s in ranked)  # type: ignore[index]
    by_date = every_page(client, {**params, "sort": "date"})
    assert pairs(by_date) == pairs(ranked)
    dates = [str(s["date"] or "") for s in by_date]
    assert dates == sorted(dates, reverse=True)
    assert sum(v["count"] for v in first["facets"]["act"]) == first["total"]
    rows = list(csv.DictReader(io.StringIO(client.get("/statements.csv", params=params).text)))
    assert [r["statement_id"] for r in rows] == [s["statement"]["id"] for s in ranked]  # type: ignore[index]
    nothing = client.get("/statements.json", params={"q": "zzzunfound"}).json()
    assert nothing["total"] == 0 and nothing["statements"] == []


def test_facets_count_the_view_and_link_to_a_narrower_one(client: TestClient) -> None:
    j = client.get("/statements.json", params={"since": SINCE, "until": "2025-06"}).json()
    assert j["total"] == 4 * 3  # March to June: four articles of three statements
    facets = j["facets"]
    assert {f["value"]: f["count"] for f in facets["act"]} == {"demand": 8, "claim": 4}
    assert {f["value"]: f["count"] for f in facets["anonymous"]} == {"true": 8, "false": 4}
    assert {f["value"]: f["count"] for f in facets["outlet"]} == {"reuters.com": 6, "haaretz.com": 6}
    assert {f["label"]: f["count"] for f in facets["relay"]} == {"Haaretz": 3, "Reuters": 2}
    assert {f["value"]: f["count"] for f in facets["platform"]} == {"Truth Social": 4}
    speakers = {f["label"]: f["count"] for f in facets["speaker"]}
    assert speakers == {"White House official": 8, "Donald Trump": 4}
    reuters = next(f for f in facets["relay"] if f["label"] == "Reuters")
    narrower = client.get(reuters["url"].replace("/statements?", "/statements.json?")).json()
    assert narrower["total"] == reuters["count"]
    assert parse_qs(urlsplit(reuters["url"]).query)["since"] == [SINCE]  # the link keeps the view


def test_every_filter_of_the_vocabulary(client: TestClient) -> None:
    def total(**params: str) -> int:
        r = client.get("/statements.json", params=params)
        assert r.status_code == 200, r.text
        return int(r.json()["total"])

    assert total(act="CLAIM") == 12 + 1  # acts are case-insensitive; the hostile article has one claim
    assert total(mode="indirect") == 12 + 1
    assert total(hedged="true") == 12 and total(hedged="false") == 12 * 2 + 2
    assert total(platform="truth social") == 12
    assert total(segment="embed") == 12
    assert total(outlet="www.Reuters.com") == 6 * 3
    assert total(speaker="donald") == 12 and total(speaker="offic") == 24
    assert total(min_confidence="0.5") == 12 * 3 + 2
    assert total(since="2025-12-15", until="2025-12-15") == 3
    assert total(q="Hamas", sort="date") == 12
    assert total(story="st1") == 0  # no stories stage has run: no story matches


def test_invalid_values_are_422_with_a_sentence_in_json_and_html(client: TestClient) -> None:
    cases = {
        "act=claims": "not a speech act",
        "mode=loud": "not a mode",
        "since=2025-13": "not a date",
        "until=2025-02-30": "not a date",
        "min_confidence=2": "a number from 0 to 1",
        "anonymous=perhaps": "true or false",
        "segment=footer": "not a part of an article",
        "cursor=zzz": "not a cursor",
    }
    for query, words in cases.items():
        j = client.get(f"/statements.json?{query}")
        assert j.status_code == 422 and j.json()["error"]["code"] == "E_BAD_REQUEST", query
        message = j.json()["error"]["message"]
        assert words in message and "^" not in message and "\\d" not in message, message
        html = client.get(f"/statements?{query}")
        assert html.status_code == 422 and words in html.text and "<!doctype html>" in html.text
    search = client.get("/search.json?q=x&act=Claims").json()["error"]["message"]
    assert "the acts are: claim" in search


def test_html_page_has_chips_facets_downloads_and_a_permalink(client: TestClient) -> None:
    r = client.get("/statements", params={"anonymous": "true", "via": "Reuters", "since": SINCE})
    assert r.status_code == 200
    html = r.text
    assert 'class="chips"' in html and "relayed by" in html
    # removing a chip keeps the other filters
    assert 'href="/statements?anonymous=true&amp;since=2025-03"' in html
    assert 'href="/statements.csv?via=Reuters&amp;anonymous=true&amp;since=2025-03"' in html
    assert "Download JSON" in html and "all=true" in html
    assert '<select name="act">' in html and '<option value="announce"' in html
    assert 'value="Reuters"' in html and 'value="2025-03"' in html  # the form shows the view's state


def test_csv_streams_the_whole_view_with_neutralised_cells(client: TestClient) -> None:
    r = client.get("/statements.csv", params={"per_page": 1})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 12 * 3 + 2  # every statement, not one page
    assert all(r["content"][:1] not in "=+-@" or r["content"][:1] == "" for r in rows)
    reuters = client.get(
        "/statements.csv", params={"anonymous": "true", "via": "Reuters", "since": SINCE, "until": UNTIL}
    )
    got = list(csv.DictReader(io.StringIO(reuters.text)))
    assert len(got) == 4 and all(r["anonymous"] == "true" and "Reuters" in r["via"] for r in got)


def test_csv_cells_starting_with_a_formula_are_neutralised(tmp_path: Path) -> None:
    a = browse_analyses(1)[0]
    a.statements[1].content.text = "=HYPERLINK(evil)"
    path = tmp_path / "f.db"
    with Store(path) as store:
        store.add(a)
    with TestClient(create_app(open_store(path, read_only=True))) as c:
        rows = list(csv.DictReader(io.StringIO(c.get("/statements.csv").text)))
    assert "'=HYPERLINK(evil)" in [r["content"] for r in rows]


def test_json_download_is_the_whole_view(client: TestClient) -> None:
    r = client.get("/statements.json", params={"all": "true", "act": "demand", "per_page": 2})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    body = json.loads(r.text)
    assert body["filters"]["act"] == "demand" and len(body["statements"]) == 24
    assert all(s["statement"]["act"] == "demand" for s in body["statements"])


def test_keyset_tokens_round_trip() -> None:
    for k in (Keyset("2025-06", 12), Keyset(None, 3), Keyset(-1.5e-06, 9)):
        assert Keyset.parse(k.token) == k


def test_a_rank_cursor_past_the_float_range_is_after_every_rank(client: TestClient) -> None:
    # the spec's cursor pattern admits a three-digit exponent; a hand-edited one past the float range
    # is a cursor after every rank (an empty page), not a refusal (schemathesis found it: ST202)
    assert Keyset.parse("r-87.606947e+394~12") == Keyset(-sys.float_info.max, 12)
    assert Keyset.parse("r9e+394~1") == Keyset(sys.float_info.max, 1)
    with pytest.raises(SaidwhatError):
        Keyset.parse("rnan~1")
    r = client.get("/statements", params={"cursor": "r-87.606947e+394~12"})
    assert r.status_code == 200


def test_store_and_cli_share_the_filter(db: Path | str) -> None:
    f = build_filter(via="reuters", anonymous=True, since=SINCE, until=UNTIL)
    with open_store(db, read_only=True) as store:
        page = store.browse_statements(f, limit=2)
        assert page.total == 4 and len(page.records) == 2 and page.next is not None
        rest = store.browse_statements(f, after=page.next, limit=10)
        assert len(rest.records) == 2 and rest.next is None
        rows = list(store.iter_statement_rows(f))
        assert len(rows) == 4
    assert outlet_of("https://www.Reuters.com:443/x?y") == "reuters.com" and outlet_of("file.txt") is None


# -- the speakers page and the articles list -----------------------------------------------------------


def test_speakers_are_entities_that_speak_with_counts_and_a_type_filter(client: TestClient) -> None:
    j = client.get("/speakers.json").json()
    names = {s["name"]: s for s in j["speakers"]}
    assert "Donald Trump" in names and "Haaretz" not in names and "Gaza Strip" not in names
    assert names["Donald Trump"]["statements"] == 12 and names["Donald Trump"]["articles"] == 12
    assert j["total"] == len(j["speakers"])
    assert client.get("/speakers.json", params={"type": "ORG"}).json()["speakers"] == []
    assert client.get("/speakers.json", params={"type": "person"}).json()["total"] == j["total"]
    html = client.get("/speakers").text
    assert '<option value="PERSON"' in html and "/statements?speaker=" in html
    entities = client.get("/entities.json", params={"per_page": 100}).json()["entities"]
    assert any(e["name"] == "Haaretz" for e in entities)  # the entities page stays separate


def test_articles_list_filters_and_sorts(client: TestClient) -> None:
    j = client.get("/articles.json").json()
    assert j["total"] == 13 and j["articles"][0]["published"] == "2025-12-15"
    row = j["articles"][0]
    assert row["outlet"] in ("reuters.com", "haaretz.com") and row["statements"] == 3 and "story" in row
    period = {"outlet": "reuters.com", "since": "2025-03", "until": "2025-06"}
    reuters = client.get("/articles.json", params=period)
    assert [a["published"] for a in reuters.json()["articles"]] == ["2025-05-15", "2025-03-15"]
    most = client.get("/articles.json", params={"sort": "statements", "per_page": 13}).json()["articles"]
    assert [a["statements"] for a in most] == sorted((a["statements"] for a in most), reverse=True)
    assert client.get("/articles.json", params={"sort": "title"}).status_code == 422
    html = client.get("/articles", params={"outlet": "haaretz.com"}).text
    assert 'class="chips"' in html and "haaretz.com" in html and "<th>Outlet</th>" in html


def test_search_date_sort_hedged_and_chips(client: TestClient) -> None:
    j = client.get("/search.json", params={"q": "Gaza", "sort": "date"}).json()
    dates = [h["date"] for h in j["results"]]
    assert j["sort"] == "date" and dates == sorted(dates, reverse=True)
    keys = [(h["doc"]["id"], (h["statement"] or {}).get("statement", {}).get("id")) for h in j["results"]]
    assert len(keys) == len(set(keys))  # one hit per statement
    assert all(h["kind"] == "statement" for h in j["results"])  # the articles are found through them
    hedged = client.get("/search.json", params={"q": "Hamas", "hedged": "true", "min_confidence": "0.5"})
    found = hedged.json()["results"]
    assert found and all(h["statement"]["statement"]["hedged"] for h in found)
    html = client.get("/search", params={"q": "Gaza", "act": "demand", "since": "2025-03"}).text
    assert 'class="chips"' in html and 'href="/search?q=Gaza&amp;act=demand"' in html
    phrase = client.get("/search.json", params={"q": '"Hamas can be dismantled"'}).json()["results"]
    assert phrase and not client.get("/search.json", params={"q": '"dismantled Hamas"'}).json()["results"]


def test_nav_links_the_new_pages(client: TestClient) -> None:
    html = client.get("/").text
    assert 'href="/statements"' in html and 'href="/speakers"' in html and 'href="/entities"' in html


def test_cli_statements_takes_the_same_filters(db: Path | str) -> None:
    from tests.test_cli import run

    args = ["statements", "--db", str(db), "--json", "--via", "Reuters", "--anonymous"]
    r = run(*args, "--since", SINCE, "--until", UNTIL, "--outlet", "reuters.com", "--segment", "body")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    # April (haaretz.com) and August (haaretz.com) are from the other outlet: May and July remain
    assert sorted(x["date"] for x in rows) == ["2025-05-15", "2025-07-15"]
    assert "matched: Reuters" in r.stderr
    bad = run("statements", "--db", str(db), "--segment", "footer")
    assert bad.returncode != 0 and "the parts are: headline" in bad.stderr
