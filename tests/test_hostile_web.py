"""The server against other sites (issue 14): Host names, cross-site posts, the form's CSRF token."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from saidwhat.errors import SaidwhatError
from saidwhat.store import Store, open_store
from saidwhat.web.security import COOKIE, CsrfTokens, HostPolicy, cross_site_reason, split_host
from tests.web_fixtures import relay_analysis

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from saidwhat.web import create_app


def assert_error(r: object, status: int, code: str) -> None:
    assert r.status_code == status, r.text  # type: ignore[attr-defined]
    body = r.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "web.db"
    with Store(path) as store:
        store.add(relay_analysis())
    return path


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(open_store(db)), raise_server_exceptions=False) as c:
        yield c


def documents(client: TestClient) -> int:
    return int(client.get("/index.json").json()["counts"]["documents"])


def form_token(client: TestClient) -> str:
    m = re.search(r'<input type="hidden" name="csrf_token" value="([^"]+)">', client.get("/add").text)
    assert m is not None, "the add form carries no token"
    return m.group(1)


# -- Host names ----------------------------------------------------------------------------------------


def test_split_host() -> None:
    assert split_host("Example.COM:8000") == ("example.com", "8000")
    assert split_host("[::1]:80") == ("::1", "80")
    assert split_host("localhost.") == ("localhost", None)
    for bad in ("", "evil.example:80:80", "[::1", "a b", "x:port", "[notip]:80", "ex/ample"):
        assert split_host(bad) is None, bad


def test_host_policy_defaults_and_extras() -> None:
    local = HostPolicy.for_bind("127.0.0.1")
    for ok in ("127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000", "testserver"):
        assert local.allows(ok), ok
    for bad in ("evil.example", "evil.example:8000", "10.0.0.7:8000", "localhost.evil.example", "", "::1"):
        assert not local.allows(bad), bad
    assert local.allows(None)  # HTTP/1.0 without a Host: nothing a browser sends
    lan = HostPolicy.for_bind("192.168.1.5", ["news.lan", "fd00::5"])
    assert lan.allows("192.168.1.5:8000") and lan.allows("news.lan") and lan.allows("[fd00::5]:8000")
    assert not lan.allows("10.0.0.7")
    public = HostPolicy.for_bind("0.0.0.0")  # all interfaces: reached by address, never by a foreign name
    assert public.allows("10.0.0.7:8080") and public.allows("[2001:db8::1]:8080")
    assert not public.allows("evil.example:8080")
    assert HostPolicy.for_bind("127.0.0.1", ["*"]).allows("anything.example")
    for bad_name in ("evil.example:80", "a b", "http://x"):
        with pytest.raises(SaidwhatError) as err:
            HostPolicy.for_bind("127.0.0.1", [bad_name])
        assert err.value.code == "E_BAD_REQUEST"


def test_foreign_host_is_400_in_the_error_shape(client: TestClient) -> None:
    for url in ("/", "/index.json", "/search.json?q=Gaza", "/static/style.css"):
        assert_error(client.get(url, headers={"host": "evil.example"}), 400, "E_HOST")
    page = client.get("/", headers={"host": "evil.example:8000", "accept": "text/html"})
    assert page.status_code == 400 and "E_HOST" in page.text and "<h1>" in page.text
    assert page.headers["content-security-policy"]  # the Guard's headers on this answer too
    # a rebound name cannot add an article either
    before = documents(client)
    r = client.post("/add.json", data={"text": "Someone said hello."}, headers={"host": "evil.example"})
    assert_error(r, 400, "E_HOST")
    assert documents(client) == before
    for ok in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000"):
        assert client.get("/index.json", headers={"host": ok}).status_code == 200


# -- cross-site posts ------------------------------------------------------------------------------------


def test_cross_site_reason() -> None:
    own = {"host": "127.0.0.1:8000"}
    assert cross_site_reason(own) is None  # curl, scripts: no Origin, no Referer
    assert cross_site_reason({**own, "origin": "http://127.0.0.1:8000"}) is None
    assert cross_site_reason({**own, "referer": "http://127.0.0.1:8000/add"}) is None
    assert cross_site_reason({"host": "x.example", "origin": "https://x.example"}, "http") is None
    for hostile in (
        {"origin": "http://evil.example"},
        {"origin": "null"},
        {"origin": "http://127.0.0.1:3000"},  # another server on this machine is another origin
        {"origin": "http://127.0.0.1:8000@evil.example"},
        {"origin": "file://"},
        {"referer": "http://evil.example/page"},
        {"sec-fetch-site": "cross-site", "origin": "http://127.0.0.1:8000"},
    ):
        assert cross_site_reason({**own, **hostile}) is not None, hostile


def test_the_issues_cross_site_post_is_refused(client: TestClient) -> None:
    """issue 14 item 6: curl -X POST /add -H "Origin: http://evil.example" --data-urlencode 'text=…'."""
    before = documents(client)
    for url in ("/add", "/add.json"):
        for headers in (
            {"origin": "http://evil.example"},
            {"origin": "null"},
            {"referer": "http://evil.example/attack.html"},
            {"sec-fetch-site": "cross-site"},
        ):
            r = client.post(url, data={"text": "The minister said the deal is off."}, headers=headers)
            assert_error(r, 403, "E_CSRF")
    page = client.post(
        "/add", data={"text": "x said y."}, headers={"origin": "http://evil.example", "accept": "text/html"}
    )
    assert page.status_code == 403 and "E_CSRF" in page.text and "<h1>" in page.text
    assert documents(client) == before


def test_the_form_needs_its_token(client: TestClient) -> None:
    same = {"origin": "http://testserver", "accept": "application/json"}
    js = {"accept": "application/json"}
    # no token, and no cookie either
    assert_error(client.post("/add", data={"text": "   "}, headers=same), 403, "E_CSRF")
    token = form_token(client)
    assert client.cookies.get(COOKIE)
    # a forged token, a token of another browser's cookie
    assert_error(
        client.post("/add", data={"text": "   ", "csrf_token": "x" * 43}, headers=same), 403, "E_CSRF"
    )
    other = CsrfTokens().token(client.cookies[COOKIE])
    assert_error(client.post("/add", data={"text": "   ", "csrf_token": other}, headers=same), 403, "E_CSRF")
    # the right token reaches the route (which then finds the text empty)
    assert_error(client.post("/add", data={"text": "   ", "csrf_token": token}, headers=same), 422, "E_EMPTY")
    # a browser without Origin (older ones) and the token is fine too; the token without its cookie is not
    assert_error(client.post("/add", data={"text": "   ", "csrf_token": token}, headers=js), 422, "E_EMPTY")
    client.cookies.clear()
    assert_error(client.post("/add", data={"text": "   ", "csrf_token": token}, headers=same), 403, "E_CSRF")
    # JSON clients (scripts) take no token; Origin is still checked
    assert_error(client.post("/add.json", data={"text": "   "}), 422, "E_EMPTY")


def test_the_cookie_is_strict_and_only_set_with_a_form(client: TestClient) -> None:
    assert "set-cookie" not in client.get("/").headers
    assert "set-cookie" not in client.get("/index.json").headers
    cookie = client.get("/add").headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}=") and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "set-cookie" not in client.get("/add").headers  # the browser already has one
    # a malformed cookie is replaced
    client.cookies.clear()
    client.cookies.set(COOKIE, "<script>")
    assert client.get("/add").headers["set-cookie"].startswith(f"{COOKIE}=")


def _routes(routes: Iterable[Any]) -> Iterator[Any]:
    """Every route, those of included routers too (FastAPI keeps an included router as one entry)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _routes(inner.routes)
        else:
            yield route


def test_every_state_changing_route_is_guarded(db: Path) -> None:
    """Any POST/PUT/PATCH/DELETE route, now or later: cross-site refused; an HTML route wants the token."""
    app = create_app(open_store(db))
    unsafe = [
        (method, route.path)
        for route in _routes(app.routes)
        for method in sorted(getattr(route, "methods", None) or ())
        if method in ("POST", "PUT", "PATCH", "DELETE") and "{" not in route.path
    ]
    assert ("POST", "/add") in unsafe and ("POST", "/add.json") in unsafe
    with TestClient(app, raise_server_exceptions=False) as c:
        for method, path in unsafe:
            r = c.request(method, path, data={"text": "   "}, headers={"origin": "http://evil.example"})
            assert_error(r, 403, "E_CSRF")
            if not path.endswith(".json"):
                own = {"origin": "http://testserver", "accept": "application/json"}
                r = c.request(method, path, data={"text": "   "}, headers=own)
                assert_error(r, 403, "E_CSRF")


def test_read_only_server_still_says_read_only(db: Path) -> None:
    with TestClient(create_app(open_store(db, read_only=True)), raise_server_exceptions=False) as c:
        assert_error(c.post("/add.json", data={"text": "A said b."}), 404, "E_NOT_FOUND")
        assert_error(
            c.post("/add.json", data={"text": "A said b."}, headers={"origin": "http://evil.example"}),
            403,
            "E_CSRF",
        )


# -- bidi isolation ------------------------------------------------------------------------------------

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: everything after it on the line is shown reversed


class _Bidi(HTMLParser):
    """Collects text holding an RLO outside any ``<bdi>``, outside the block-level texts that isolate
    the article's own words (the article text, a statement's content, a snippet), and not in ``<title>``
    (isolated with FSI…PDI, as a title cannot hold elements)."""

    BLOCKS = frozenset({("div", "seg-text"), ("blockquote", "card-content"), ("p", "snippet")})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.isolated: list[bool] = []
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("input", "meta", "link", "br", "img", "hr"):
            return  # void elements: attribute values are not text on the page
        classes = set((dict(attrs).get("class") or "").split())
        block = any(tag == t and c in classes for t, c in self.BLOCKS)
        self.stack.append(tag)
        self.isolated.append(tag in ("bdi", "title") or block)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack:
                self.isolated.pop()
                if self.stack.pop() == tag:
                    break

    def handle_data(self, data: str) -> None:
        if RLO in data and not any(self.isolated):
            self.bad.append(f"<{'><'.join(self.stack[-3:])}> {data.strip()[:60]}")


def outside_isolation(html: str) -> list[str]:
    parser = _Bidi()
    parser.feed(html)
    return parser.bad


def test_names_are_bidi_isolated(tmp_path: Path) -> None:
    from tests.test_store import Quote, article

    db = tmp_path / "bidi.db"
    evil = f"Eve {RLO}nosaj"
    with Store(db) as store:
        store.add(
            article(
                f"bidi{RLO}.txt",
                "2025-06-01",
                [
                    Quote(
                        evil,
                        "the ceasefire holds",
                        via=[f"Reuters{RLO}"],
                        said_on=("2025-05-30", f"Fri{RLO}day"),
                    )
                ],
                title=f"Talks {RLO}resume",
            )
        )
    with TestClient(create_app(open_store(db)), raise_server_exceptions=False) as c:
        doc_id = c.get("/articles.json").json()["articles"][0]["id"]
        gid = next(e["id"] for e in c.get("/entities.json").json()["entities"] if e["name"] == evil)
        pages = {
            "/": None,
            "/articles": None,
            "/entities": None,
            f"/entities?q={RLO}": None,
            f"/entity/{gid}": None,
            f"/article/{doc_id}": None,
            "/search?q=ceasefire": None,
            f"/search?q=ceasefire {RLO}": None,
        }
        for url in pages:
            html = c.get(url, headers={"accept": "text/html"}).text
            assert RLO in html, url
            assert outside_isolation(html) == [], url
        title = unescape(c.get(f"/article/{doc_id}").text.split("<title>", 1)[1].split("</title>", 1)[0])
        assert title.startswith("\u2068") and "\u2069 · saidwhat" in title
