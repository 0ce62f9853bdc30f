"""HTTP hygiene of the web app (issue 19): HEAD on every GET route, ``Vary: Accept`` where the format
is negotiated, article URLs as safe links, and no server file path on any page."""

from __future__ import annotations

import dataclasses
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.routing import APIRoute

from saidwhat.model import Analysis
from saidwhat.store import Store, open_store
from saidwhat.web.app import leaf_routes
from saidwhat.web.links import display_source, safe_url
from tests.web_fixtures import relay_analysis

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from saidwhat.web import create_app

SERVER_DIR = "/srv/private/newsroom/inbox"


def moved(a: Analysis, source: str, url: str | None, suffix: str) -> Analysis:
    text = a.doc.text + suffix
    doc = dataclasses.replace(a.doc, id=f"{a.doc.id[:40]}{len(suffix)}", source=source, url=url, text=text)
    segs = [dataclasses.replace(s) for s in a.segments]
    segs[-1].end = len(text)
    return dataclasses.replace(a, doc=doc, segments=segs)


LOCAL = moved(
    relay_analysis(), f"{SERVER_DIR}/relay-story.txt", "https://news.example.org/gaza?a=1&b=2", "x\n"
)
UNSAFE = moved(relay_analysis(), "paste:abc123", "javascript:alert(1)", "yy\n")
UNTITLED = dataclasses.replace(
    moved(relay_analysis(), f"{SERVER_DIR}/untitled.txt", None, "zzz\n"),
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("http") / "http.db"
    with Store(db) as store:
        for a in (relay_analysis(), LOCAL, UNSAFE):
            store.add(a)
    app = create_app(open_store(db))
    with TestClient(app, raise_server_exceptions=False) as c:
        c.routes = app.routes  # type: ignore[attr-defined]
        yield c


def get_routes(client: TestClient) -> list[str]:
    """A concrete URL for every GET route of the app (path parameters filled in)."""
    values = {"doc_id": LOCAL.doc.id, "gid": "1", "story_id": "st1"}
    urls = []
    for route in leaf_routes(client.routes):  # type: ignore[attr-defined]
        if isinstance(route, APIRoute) and "GET" in route.methods:
            urls.append(re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], route.path))
    return urls


def test_head_answers_every_get_route_like_its_get(client: TestClient) -> None:
    urls = get_routes(client)
    assert len(urls) >= 25 and "/" in urls and "/articles.csv" in urls and "/docs" in urls
    for url in [*urls, "/static/style.css", "/no/such/page"]:
        got, head = client.get(url), client.head(url)
        assert head.status_code == got.status_code != 405, url
        assert head.content == b"", url
        assert head.headers.get("content-type") == got.headers.get("content-type"), url
        assert head.headers.get("vary") == got.headers.get("vary"), url
        if "content-length" in got.headers:
            assert head.headers["content-length"] == got.headers["content-length"], url


def test_head_is_refused_where_get_is(client: TestClient) -> None:
    r = client.head("/add.json")  # POST only
    assert r.status_code == 405 and r.headers["allow"] == "POST"
    r = client.request("DELETE", "/articles")
    assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD"


@pytest.mark.parametrize(
    "url", ["/", "/articles", f"/article/{LOCAL.doc.id}", "/search?q=Gaza", "/entities", "/nope"]
)
def test_negotiated_answers_vary_on_accept(client: TestClient, url: str) -> None:
    html = client.get(url, headers={"accept": "text/html"})
    data = client.get(url, headers={"accept": "application/json"})
    assert html.headers["content-type"].startswith("text/html")
    assert data.headers["content-type"].startswith("application/json")
    assert html.headers["vary"] == data.headers["vary"] == "Accept"


@pytest.mark.parametrize(
    "url", ["/index.json", "/articles.csv", "/openapi.json", "/static/app.js", "/x.json"]
)
def test_fixed_formats_do_not_vary(client: TestClient, url: str) -> None:
    assert "vary" not in client.get(url).headers


def test_article_url_is_a_safe_link_and_the_server_path_is_not_shown(client: TestClient) -> None:
    page = client.get(f"/article/{LOCAL.doc.id}").text
    link = re.search(r'<a class="url" href="([^"]+)" rel="([^"]+)">', page)
    assert link is not None
    assert link.group(1) == "https://news.example.org/gaza?a=1&amp;b=2"
    assert set(link.group(2).split()) == {"noopener", "noreferrer", "nofollow"}
    assert "relay-story.txt" in page
    for url in ("/", "/articles", f"/article/{LOCAL.doc.id}", "/search?q=Gaza", "/entity/1"):
        assert SERVER_DIR not in client.get(url).text, url
    # the JSON twin keeps the source as stored: it is provenance (docs/web.md)
    assert client.get(f"/article/{LOCAL.doc.id}.json").json()["doc"]["source"] == LOCAL.doc.source


def test_a_url_with_another_scheme_is_never_a_link(client: TestClient) -> None:
    page = client.get(f"/article/{UNSAFE.doc.id}").text
    assert 'href="javascript:' not in page
    assert "javascript:alert(1)" in page  # shown as text


def test_untitled_local_article_is_listed_by_its_file_name(tmp_path: Path) -> None:
    bare = dataclasses.replace(UNTITLED, doc=dataclasses.replace(UNTITLED.doc, title=None), segments=[])
    bare = dataclasses.replace(bare, statements=[], entities=[], timexes=[], quantities=[])
    with Store(tmp_path / "u.db") as store:
        store.add(dataclasses.replace(bare, segments=[]))
    with TestClient(create_app(open_store(tmp_path / "u.db")), raise_server_exceptions=False) as c:
        for url in ("/", "/articles", f"/article/{bare.doc.id}"):
            text = c.get(url).text
            assert SERVER_DIR not in text, url


def test_safe_url_and_display_source() -> None:
    assert safe_url("https://a.example/x") == "https://a.example/x"
    for bad in (
        "javascript:alert(1)",
        "data:text/html,x",
        "//a.example",
        "ftp://a.example",
        "http:///x",
        None,
        "",
    ):
        assert safe_url(bad) is None, bad
    assert display_source("/home/me/news/a.txt") == "a.txt"
    assert display_source("C:\\Users\\me\\a.txt") == "a.txt"
    assert display_source("../shared/samples/feed.xml#3") == "feed.xml#3"
    assert display_source("paste:ab12") == "paste:ab12" and display_source("upload:a.txt") == "upload:a.txt"
    assert display_source("https://a.example/x") == "https://a.example/x"


def test_timeline_bars_link_to_their_statements(client: TestClient) -> None:
    from saidwhat.web.chart import build_chart

    chart = build_chart(
        [("2025-06-27", "demand", 2), ("2025-06-27", "claim", 1), ("2025-09-30", "claim", 1)],
        lambda act, first, last: f"/x?act={act}&since={first}&until={last}",
    )
    hrefs = {r.href for r in chart.rects}
    assert "/x?act=demand&since=2025-06-23&until=2025-06-29" in hrefs  # weekly bars: the bar's week
    assert len(hrefs) == len(chart.rects) == 3
    gid = client.get("/index.json").json()["speakers"][0]["id"]
    page = client.get(f"/entity/{gid}").text
    # a bar opens the statements browser on the speaker (by id), the bar's act and its days
    pattern = rf'<a href="(/statements\?speaker={gid}&amp;act=([a-z]+)&amp;since=[0-9-]+&amp;until=[0-9-]+)"'
    links = re.findall(pattern, page)
    assert links, "no bar of the timeline is a link"
    timeline = client.get(f"/entity/{gid}.json").json()["timeline"]
    totals = []
    for href, act in links:
        view = client.get(href.replace("&amp;", "&"), headers={"accept": "application/json"}).json()
        assert view["total"] >= 1, href  # every bar counts at least one statement
        assert {r["speaker_id"] for r in view["statements"]} == {gid}
        assert {r["statement"]["act"] for r in view["statements"]} == {act}
        totals.append(view["total"])
    assert sum(totals) == sum(t["count"] for t in timeline)  # the bars cover the timeline once


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/search?q=a&since=2011-13", "since '2011-13' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("/search?q=a&act=claims", "'claims' is not a speech act"),
        ("/search?q=a&mode=quoted", "mode 'quoted' is not a mode; the modes are: direct, indirect, mixed"),
        ("/story/a%20b", "story_id 'a b' is not a story id such as st3"),
    ],
)
def test_a_422_says_what_the_value_must_be_never_the_pattern(
    client: TestClient, url: str, words: str
) -> None:
    for answer in (client.get(url), client.get(url, headers={"accept": "application/json"})):
        assert answer.status_code == 422
        assert words in answer.text.replace("&#39;", "'")
        assert "^(" not in answer.text and "should match pattern" not in answer.text
