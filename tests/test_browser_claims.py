"""The claims page in a real browser (Playwright driving Debian's Chromium): follow a chart point
to the sentence it comes from. Hand-made articles (no ../shared needed); a screenshot is saved under
``tests/artifacts/``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from saidwhat.corpus import CORPUS_STAGES
from saidwhat.store import open_store
from tests.browser_support import ARTIFACTS, launch, require_browser
from tests.claims_fixtures import flood_articles
from tests.web_fixtures import serving

pytestmark = pytest.mark.browser


sync_api = require_browser()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from saidwhat.web import create_app

    db = tmp_path_factory.mktemp("browser-claims") / "claims.db"
    with open_store(db) as store:
        for a in flood_articles():
            store.add(a)
        CORPUS_STAGES.rebuild(store)
    with serving(create_app(open_store(db))) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture
def page(base_url: str) -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        browser = launch(p)
        ctx = browser.new_context(viewport={"width": 1300, "height": 1000})
        pg = ctx.new_page()
        pg.console_errors = []
        pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
        yield pg
        browser.close()


def test_a_chart_point_leads_to_its_sentence(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.click("nav a:has-text('Claims')")
    page.wait_for_selector("figure.claim-chart svg")
    points = page.locator("figure.claim-chart a.point")
    assert points.count() == 3
    assert page.locator("figure.claim-chart line.contra").count() >= 1
    assert page.locator("figure.claim-chart rect.band").count() == 1
    caption = page.inner_text("figure.claim-chart figcaption")
    assert "3 values from 2 sources" in caption and "A local official" in caption
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "20-claims.png"), full_page=True)

    # the local official's "more than 300": its point opens the article at that statement
    official = page.locator("figure.claim-chart a.point[aria-label*='A local official']")
    official.locator("circle").click()
    page.wait_for_selector("#article-text")
    assert page.url.endswith("/article/f2#st-s1")
    selected = page.locator('#article-text .q.sel[data-st="s1"]')
    selected.first.wait_for()
    assert "more than 300 people died" in selected.first.inner_text()
    assert "A local official" in page.inner_text("#detail .selected-card")
    page.screenshot(path=str(ARTIFACTS / "21-claim-sentence.png"), full_page=False)
    assert page.console_errors == []
