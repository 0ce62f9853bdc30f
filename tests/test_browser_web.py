"""The web UI in a real browser (Playwright driving Debian's Chromium).

A uvicorn server runs in a background thread on a free loopback port over a temporary store holding
the sample articles (through the real pipeline) and a hostile article. Screenshots are saved under
``tests/artifacts/`` for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from saidwhat.store import Store, open_store
from tests.browser_support import ARTIFACTS, launch, require_browser
from tests.conftest import SAMPLE_000, SAMPLE_002, SAMPLES
from tests.web_fixtures import HOSTILE_TITLE, hostile_analysis, serving

pytestmark = pytest.mark.browser


sync_api = require_browser()
if not SAMPLES.is_dir():
    pytest.skip(
        f"the sample articles ({SAMPLES}) are missing: browser tests skipped", allow_module_level=True
    )


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from saidwhat.ingest import iter_sources
    from saidwhat.ingest.base import SourceDoc
    from saidwhat.pipeline import analyze
    from saidwhat.settings import Settings
    from saidwhat.web import create_app

    db = tmp_path_factory.mktemp("browser") / "browser.db"
    docs = [
        d for d in iter_sources([str(SAMPLE_000), str(SAMPLE_002)], Settings()) if isinstance(d, SourceDoc)
    ]
    assert len(docs) == 2
    with Store(db) as store:
        for analysis in analyze(docs):
            store.add(analysis)
        store.add(hostile_analysis())
    with serving(create_app(open_store(db))) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    # every alert/confirm/prompt is recorded (and dismissed): a hostile article must never raise one
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.console_errors = []
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    yield pg
    ctx.close()


def shot(page: Any, name: str, full: bool = True) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full)


def test_reader_journey(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    assert "most-quoted speakers" in page.inner_text("body").lower()
    shot(page, "01-home")

    # into a sample article (the Gaza talks piece with the Haaretz relay)
    page.click("a.doc-title:has-text('Israeli and US officials')")
    page.wait_for_selector("#article-text")
    assert page.locator(".seg-related").count() >= 1
    assert page.locator("details.seg-comment").count() == 1
    assert not page.locator("details.seg-comment").evaluate("d => d.open")  # comments collapsed
    shot(page, "02-article")

    # click a relayed statement: the detail panel shows its chain  speaker → Haaretz → this article
    st_id = page.evaluate(
        """() => { const c = [...document.querySelectorAll('.all-statements .card')]
              .find(c => /Haaretz/.test(c.querySelector('.chain').textContent)
                         && /official/i.test(c.querySelector('.who').textContent));
              return c && c.dataset.card; }"""
    )
    assert st_id, "no statement relayed through Haaretz"
    page.locator(f'#article-text .q[data-st="{st_id}"]').first.click()
    detail = page.locator("#detail .selected-card")
    detail.wait_for()
    hops = [h.strip() for h in detail.locator(".chain li").all_inner_texts()]
    assert "Haaretz" in hops[1:-1] and hops[-1] == "this article"
    assert "official" in hops[0].lower()
    assert page.locator(f'#article-text .q.sel[data-st="{st_id}"]').count() >= 1
    shot(page, "03-statement-selected", full=False)

    # hover title: entities and dates carry their canonical value
    assert page.locator("#article-text .tx[title]").count() > 0
    assert page.locator("#article-text .ent[title]").count() > 0

    # follow a speaker link to the entity page
    trump = page.locator(".all-statements a.speaker-link:has-text('Donald Trump')").first
    trump.click()
    page.wait_for_selector(".entity-head h1")
    assert page.inner_text(".entity-head h1") == "Donald Trump"
    assert page.locator(".timeline svg rect").count() >= 1
    assert page.locator(".cards .card").count() >= 1
    shot(page, "04-speaker")

    # search for a phrase
    page.fill(".quick-search input", '"dismantled later"')
    page.press(".quick-search input", "Enter")
    page.wait_for_selector(".hits")
    marks = page.locator(".hits mark").all_inner_texts()
    assert any(m.lower() in ("dismantled later", "dismantled", "later") for m in marks), marks
    shot(page, "05-search")

    # add an article by pasting text, and see it appear
    page.click("nav a:has-text('Add article')")
    page.fill("input[name=title]", "Pasted: ministers respond")
    page.fill("input[name=published]", "2025-07-02")
    page.fill(
        "textarea[name=text]",
        "Ministers respond\nThe foreign minister said on Tuesday that the "
        "proposal was “a serious step”, according to Reuters.\n",
    )
    shot(page, "06-add-form")
    # what the form shows while the article is analysed, recorded as it is submitted (the page is
    # gone by the time the analysis ends; sessionStorage outlives it)
    page.evaluate(
        """() => document.getElementById('add-form').addEventListener('submit', () =>
             sessionStorage.setItem('busy', JSON.stringify({
               shown: !document.querySelector('.busy').hidden,
               disabled: document.getElementById('add-submit').disabled,
               status: document.querySelector('.busy [role=status]').textContent})))"""
    )
    page.click("#add-submit")
    page.wait_for_selector(".article-head h1", timeout=60_000)
    assert "/article/" in page.url  # the 303 landed on the analysed article
    busy = page.evaluate("JSON.parse(sessionStorage.getItem('busy'))")
    assert busy["shown"] and busy["disabled"] and "Analysing" in busy["status"], busy
    assert page.inner_text(".article-head h1") == "Pasted: ministers respond"
    assert page.locator("#article-text .q").count() >= 1
    shot(page, "07-added-article")
    page.goto(base_url + "/articles")
    assert "Pasted: ministers respond" in page.inner_text(".article-table")  # the articles list is a table
    assert page.dialogs == [] and page.console_errors == []


def test_hostile_article_does_not_run(page: Any, base_url: str) -> None:
    a = hostile_analysis()
    page.goto(f"{base_url}/article/{a.doc.id}")
    page.wait_for_selector("#article-text")
    body = page.inner_text("#article-text")
    assert "<script>alert('xss')</script>" in body
    assert "<img src=x onerror=alert(1)>" in body
    assert '<a href="javascript:alert(2)">this link</a>' in body
    assert "</textarea><b>bold</b>" in body
    assert page.inner_text(".article-head h1") == HOSTILE_TITLE
    assert (
        page.locator("#article-text img, #article-text script, #article-text a, #article-text b").count() == 0
    )
    page.locator('#article-text .q[data-st="s1"]').first.click()
    page.locator("#detail .selected-card").wait_for()
    assert "<img src=x onerror=alert('speaker')>" in page.inner_text("#detail")
    page.goto(f"{base_url}/search?q=onerror")
    page.wait_for_selector(".hits")
    page.wait_for_timeout(300)
    shot(page, "08-hostile-search")
    page.goto(f"{base_url}/article/{a.doc.id}")
    page.wait_for_timeout(300)
    shot(page, "09-hostile-article", full=False)
    assert page.dialogs == [], page.dialogs


def test_no_request_leaves_the_server(page: Any, base_url: str) -> None:
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base_url) else None)
    for path in ("/", "/docs", "/search?q=Hamas", "/entities", "/add"):
        page.goto(base_url + path)
    shot(page, "10-add-page", full=False)
    page.goto(base_url + "/docs")
    shot(page, "11-api-docs", full=False)
    assert page.console_errors == []
    page.goto(base_url + "/article/nope")
    assert "E_NOT_FOUND" in page.inner_text("body")
    shot(page, "12-error", full=False)
    assert outside == []
    # the CSP is what a stored inline script would meet
    r = page.request.get(base_url + "/")
    assert "script-src 'self'" in r.headers["content-security-policy"]


@pytest.fixture(autouse=True, scope="module")
def _clean_artifacts() -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for png in ARTIFACTS.glob("*.png"):
        png.unlink(missing_ok=True)  # another xdist worker may have removed it
