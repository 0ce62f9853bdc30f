"""The stories pages in a real browser (Playwright driving Debian's Chromium): the stories list, a
story's timeline picture, and a timeline entry followed to its sentence in the article."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from saidwhat.store import open_store
from tests.browser_support import ARTIFACTS, launch, require_browser
from tests.conftest import SAMPLE_000, SAMPLE_002, SAMPLES
from tests.web_fixtures import serving

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
    from saidwhat.ingest.service import store_sources
    from saidwhat.settings import Settings
    from saidwhat.web import create_app

    db = tmp_path_factory.mktemp("browser-stories") / "stories.db"
    settings = Settings()
    docs = [d for d in iter_sources([str(SAMPLE_000), str(SAMPLE_002)], settings) if isinstance(d, SourceDoc)]
    with open_store(db) as store:
        store_sources(store, docs, settings)  # the real ingest service: the stories stage runs
    with serving(create_app(open_store(db, read_only=True))) as port:
        yield f"http://127.0.0.1:{port}"


def test_stories_to_a_timeline_entry_in_its_article(base_url: str) -> None:
    with sync_api.sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1300, "height": 1000})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base_url + "/")
        page.click("nav a:has-text('Stories')")
        page.wait_for_selector("table.stories")
        assert page.locator("svg.spark").count() == 1  # the two seed articles: one story
        assert page.locator("svg.spark rect").count() >= 2
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "stories-01-list.png"), full_page=True)

        page.click("table.stories td a")
        page.wait_for_selector("svg.timeline")
        assert page.locator("svg.timeline g.tl-date").count() >= 3
        box = page.locator("svg.timeline").bounding_box()
        assert box is not None and box["width"] > 600 and box["height"] > 100
        # speakers are coloured: at least two colours among the speakers' names in the picture
        colours = page.eval_on_selector_all(
            "svg.timeline tspan", "els => [...new Set(els.map(e => e.getAttribute('fill')))]"
        )
        assert len(colours) >= 2
        page.screenshot(path=str(ARTIFACTS / "stories-02-story.png"), full_page=True)

        # follow an entry that is a statement: the article opens with that statement selected
        entry = page.locator("svg.timeline a.tl-entry[href*='#st-']").first
        href = entry.get_attribute("href")
        assert href is not None
        st_id = href.split("#st-")[1]
        entry.click()
        page.wait_for_selector("#article-text")
        page.locator("#detail .selected-card").wait_for()
        assert page.locator(f'#article-text [data-st="{st_id}"].sel').count() >= 1
        assert page.url.endswith(f"#st-{st_id}")
        page.screenshot(path=str(ARTIFACTS / "stories-03-entry.png"), full_page=False)
        assert errors == []
        browser.close()
