"""The statements browser in a real browser (Playwright driving Debian's Chromium), at 1366 px.

The journey of issue 19: find every anonymous statement relayed by Reuters in a date range and
download it as CSV. The store is built from the hand-made analyses of ``tests/web_fixtures.py`` (no
sample articles, no pipeline), served by uvicorn in a thread.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from saidwhat.model import Analysis
from saidwhat.store import Store, open_store
from tests.browser_support import launch, require_browser
from tests.web_fixtures import browse_analyses, expected_anonymous_via_reuters, hostile_analysis, serving

pytestmark = pytest.mark.browser


sync_api = require_browser()


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    return browse_analyses()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, analyses: list[Analysis]) -> Iterator[str]:
    from saidwhat.web import create_app

    db = tmp_path_factory.mktemp("browse-browser") / "browse.db"
    with Store(db) as store:
        for a in analyses:
            store.add(a)
        store.add(hostile_analysis())
    with serving(create_app(open_store(db, read_only=True))) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


def test_anonymous_statements_relayed_by_reuters_in_a_period_as_csv(
    browser: Any, base_url: str, analyses: list[Analysis]
) -> None:
    want = expected_anonymous_via_reuters(analyses, "2025-03-01", "2025-08-31")
    ctx = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(base_url + "/")
        page.click("nav >> text=Statements")
        page.wait_for_url("**/statements")
        page.select_option("select[name=anonymous]", "true")
        page.fill("input[name=since]", "2025-03")
        page.fill("input[name=until]", "2025-08")
        page.click("form.browse-form button[type=submit]")
        page.wait_for_url("**/statements?*anonymous=true*")
        # the relay facet offers Reuters with its count in this view; following it adds the filter
        reuters = page.locator(".facet-relay li", has_text="Reuters")
        assert reuters.locator(".count").inner_text() == str(len(want))
        reuters.locator("a").click()
        page.wait_for_url("**via=*")
        assert page.locator(".result-count strong").inner_text() == str(len(want))
        chips = page.locator(".chips .chip").all_inner_texts()
        assert any("relayed by" in c for c in chips) and any("2025-03" in c for c in chips)
        assert page.locator("input[name=since]").input_value() == "2025-03"  # the form keeps the state
        permalink = page.url
        with page.expect_download() as info:
            page.click("text=Download CSV")
        text = Path(info.value.path()).read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert {(r["doc_id"], r["statement_id"]) for r in rows} == want
        assert all(r["anonymous"] == "true" and "Reuters" in r["via"].split(" > ") for r in rows)
        assert all("2025-03" <= r["date"] <= "2025-08-31" for r in rows)
        # the permalink opens the same view
        page.goto(permalink)
        assert page.locator(".result-count strong").inner_text() == str(len(want))
        assert page.evaluate("document.documentElement.scrollWidth") <= 1366
        assert errors == []
    finally:
        ctx.close()
