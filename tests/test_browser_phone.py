"""Every page at 1366 px and on a 390 px phone, in Chromium (Playwright driving Debian's Chromium).

A realistic store — the two seed articles of ../shared, else the demo articles of ``examples/`` —
through the real ingest service (so stories and claims exist). Checked on every page: no sideways
scrolling at 390 px (``scrollWidth - clientWidth == 0``), a compact sticky header whose menu shows
every link, and zero serious or critical axe-core violations (the npm package, injected from
``node_modules``; skipped with a reason when it is not installed). The phone journey opens a
statement and reads its relay chain in the bottom sheet without scrolling the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from saidwhat.store import open_store
from tests.browser_support import ARTIFACTS, launch, require_browser
from tests.conftest import ROOT, SAMPLE_000, SAMPLE_002, SAMPLES
from tests.web_fixtures import serving

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
MAX_HEADER = 60  # px: the sticky header on a phone

sync_api = require_browser()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    """The base URL and the pages to visit (name -> path) over a realistic store."""
    from saidwhat.ingest import iter_sources
    from saidwhat.ingest.base import SourceDoc
    from saidwhat.ingest.service import store_sources
    from saidwhat.settings import Settings
    from saidwhat.web import create_app

    db = tmp_path_factory.mktemp("browser-phone") / "phone.db"
    settings = Settings()
    sources = [str(SAMPLE_000), str(SAMPLE_002)] if SAMPLES.is_dir() else [str(ROOT / "examples")]
    docs = [d for d in iter_sources(sources, settings) if isinstance(d, SourceDoc)]
    assert len(docs) >= 2
    with open_store(db) as store:
        store_sources(store, docs, settings)
        article = max(store.documents(limit=10), key=lambda d: d.statements).id
        speaker = store.speakers(limit=1)[0].gid
        said = store.entity_statements(speaker, limit=1)[0]  # a view with results for the filter pages
        stories = sorted(store.stories())
    year, act = (said.date or "2025")[:4], said.statement.act
    word = max(re.findall(r"[^\W\d_]{4,}", said.statement.content.text), key=len)  # a word it said
    pages = {
        "home": "/",
        "articles": "/articles",
        "articles-filtered": f"/articles?since={year}&sort=statements",
        "article": f"/article/{article}",
        "search": "/search?q=said",
        "search-chips": f"/search?q={word}&speaker={speaker}&since={year}&sort=date",
        "statements": "/statements",
        "statements-filtered": f"/statements?speaker={speaker}&act={act}&since={year}&until={year}-12",
        "speakers": "/speakers",
        "entities": "/entities",
        "speaker": f"/entity/{speaker}",
        "stories": "/stories",
        "claims": "/claims",
        "positions": "/positions",
        "promises": "/promises",
        "docs": "/docs",
        "add": "/add",
        "error": "/article/no-such-article",
    }
    if stories:
        pages["story"] = f"/story/{stories[0]}"
    with serving(create_app(open_store(db))) as port:
        yield f"http://127.0.0.1:{port}", pages


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


def new_page(browser: Any, viewport: dict[str, int], **kw: Any) -> Any:
    phone = viewport["width"] < 500
    ctx = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone, **kw)
    pg = ctx.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    return pg


def overflow(page: Any) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))


def test_no_page_scrolls_sideways_on_a_phone(browser: Any, site: tuple[str, dict[str, str]]) -> None:
    base, pages = site
    pg = new_page(browser, PHONE)
    wide = {}
    for name, path in pages.items():
        answer = pg.goto(base + path)
        pg.wait_for_load_state("load")
        assert answer is not None and (answer.status == 404) == (name == "error"), (name, answer)
        if "?" in path:  # a filtered view shows its filters as chips, and has results to lay out
            assert pg.locator(".chips .chip").count() >= 1, name
            assert pg.locator("main .empty").count() == 0, name
        if (px := overflow(pg)) != 0:
            wide[name] = px
        header = pg.locator("header.top").bounding_box()
        assert header is not None and header["height"] <= MAX_HEADER, (name, header)
    assert wide == {}, f"pages wider than the 390 px screen (px): {wide}"
    assert pg.errors == []
    pg.context.close()


def test_the_phone_menu_shows_every_link(browser: Any, site: tuple[str, dict[str, str]]) -> None:
    base, _ = site
    pg = new_page(browser, PHONE)
    pg.goto(base + "/")
    assert not pg.locator("#site-nav").is_visible()
    pg.click(".menu-toggle")
    assert pg.get_attribute(".menu-toggle", "aria-expanded") == "true"
    api = pg.locator("#site-nav a:has-text('API')").bounding_box()
    assert api is not None and api["x"] >= 0 and api["x"] + api["width"] <= PHONE["width"]
    assert pg.locator("header.top").bounding_box()["height"] < 200
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "30-phone-menu.png"))
    pg.click("#site-nav a:has-text('API')")
    pg.wait_for_url("**/docs")
    assert overflow(pg) == 0
    pg.context.close()


def test_no_page_scrolls_sideways_without_javascript(browser: Any, site: tuple[str, dict[str, str]]) -> None:
    base, pages = site
    pg = new_page(browser, PHONE, java_script_enabled=False)
    for name in ("home", "article", "docs", "statements-filtered"):
        pg.goto(base + pages[name])
        assert overflow(pg) == 0, name
        assert pg.locator("#site-nav a:has-text('API')").is_visible(), name  # the menu is simply shown
    assert pg.locator(".facet-act li a").first.is_visible()  # the facets are simply listed, not folded
    pg.context.close()


def test_phone_reads_a_relay_chain_without_scrolling(browser: Any, site: tuple[str, dict[str, str]]) -> None:
    base, pages = site
    pg = new_page(browser, PHONE)
    pg.goto(base + pages["article"])
    # the statement with the longest relay chain
    st_id = pg.evaluate(
        """() => { const cards = [...document.querySelectorAll('.all-statements .card')];
              const hops = c => c.querySelectorAll('.chain li').length;
              cards.sort((a, b) => hops(b) - hops(a));
              return cards[0].dataset.card; }"""
    )
    target = pg.locator(f'#article-text .q[data-st="{st_id}"]').first
    target.scroll_into_view_if_needed()
    before = pg.evaluate("window.scrollY")
    target.tap()
    sheet = pg.locator("#detail .selected-card")
    sheet.wait_for()
    pg.wait_for_timeout(400)  # the smooth scroll that keeps the tapped words above the sheet
    after = pg.evaluate("window.scrollY")
    assert abs(after - before) < PHONE["height"], (before, after)  # no jump down the page
    box = pg.locator("#detail").bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"] + 1
    hops = pg.locator("#detail .chain li")
    assert hops.count() >= 2
    for i in range(hops.count()):
        hop = hops.nth(i).bounding_box()
        assert hop is not None
        assert hop["y"] >= 0 and hop["y"] + hop["height"] <= PHONE["height"], (i, hop)
        assert hop["x"] >= 0 and hop["x"] + hop["width"] <= PHONE["width"], (i, hop)
    assert hops.last.inner_text().strip() == "this article"
    # the tapped words stay visible above the sheet
    tapped = target.bounding_box()
    assert tapped is not None and tapped["y"] < box["y"]
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "31-phone-sheet.png"))
    pg.keyboard.press("Escape")
    assert not pg.locator("#detail").is_visible()
    assert overflow(pg) == 0 and pg.errors == []
    pg.context.close()


def test_desktop_panel_stays_beside_the_text(browser: Any, site: tuple[str, dict[str, str]]) -> None:
    base, pages = site
    pg = new_page(browser, DESKTOP)
    pg.goto(base + pages["article"])
    first = pg.locator("#article-text .q").first
    first.click()
    pg.locator("#detail .selected-card").wait_for()
    panel, text = pg.locator("#detail").bounding_box(), pg.locator("#article-text").bounding_box()
    assert panel is not None and text is not None
    assert panel["x"] >= text["x"] + text["width"]  # a side panel, not a sheet
    assert panel["y"] + 40 < DESKTOP["height"]
    # the desktop header keeps every link on one row, each on one line ("Add article" did wrap)
    links = pg.evaluate(
        "[...document.querySelectorAll('#site-nav a')].map(a => { const r = a.getBoundingClientRect();"
        " const text = document.createRange(); text.selectNodeContents(a);"
        " return [r.top, text.getClientRects().length, r.right]; })"
    )
    assert len({round(top) for top, _, _ in links}) == 1, links
    assert {lines for _, lines, _ in links} == {1}, links  # no link's text wraps to a second line
    search = pg.locator(".quick-search").bounding_box()
    assert search is not None and max(right for _, _, right in links) <= search["x"]
    for width in (1181, 1280):  # the narrowest screens with every link in the header: nothing overflows
        pg.set_viewport_size({"width": width, "height": DESKTOP["height"]})
        assert overflow(pg) == 0, width
    assert overflow(pg) == 0 and pg.errors == []
    pg.context.close()


def test_statement_facets_beside_the_results_or_folded_above_them(
    browser: Any, site: tuple[str, dict[str, str]]
) -> None:
    base, pages = site
    desk = new_page(browser, DESKTOP)
    desk.goto(base + pages["statements"])
    facets, results = (
        desk.locator("aside.facets").bounding_box(),
        desk.locator("section.results").bounding_box(),
    )
    assert facets is not None and results is not None
    assert facets["x"] + facets["width"] <= results["x"] and abs(facets["y"] - results["y"]) < 5
    assert desk.locator(".facet-act li a").first.is_visible()
    desk.context.close()
    phone = new_page(browser, PHONE)
    phone.goto(base + pages["statements"])
    panel = phone.locator("details.facet-panel")
    assert panel.get_attribute("open") is None  # folded: the results come first on a small screen
    assert not phone.locator(".facet-act li a").first.is_visible()
    summary, results = (
        phone.locator(".facet-panel summary").bounding_box(),
        phone.locator("section.results").bounding_box(),
    )
    assert summary is not None and results is not None and summary["y"] < results["y"]
    assert results["y"] < PHONE["height"] * 2  # the form and the folded facets take less than two screens
    phone.locator(".facet-panel summary").tap()
    link = phone.locator(".facet-act li a").first
    assert link.is_visible()
    box = link.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert overflow(phone) == 0 and phone.errors == []
    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "32-phone-facets.png"))
    phone.context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_axe_finds_no_serious_violation(
    browser: Any, site: tuple[str, dict[str, str]], viewport: Any
) -> None:
    if not AXE.is_file():
        pytest.skip(f"{AXE} is missing: run `npm ci` in the checkout (make install-test does) for axe-core")
    base, pages = site
    # axe is injected as an inline script: the app's CSP (script-src 'self') would block it
    pg = new_page(browser, viewport, bypass_csp=True)
    found = {}
    for name, path in pages.items():
        pg.goto(base + path)
        pg.add_script_tag(path=str(AXE))
        result = pg.evaluate("axe.run(document, {resultTypes: ['violations']})")
        bad = [
            f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if bad:
            found[name] = bad
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{viewport['width']}.txt").write_text(repr(found))
    assert found == {}, found
    pg.context.close()
