"""The web pages in a real browser: Debian's chromium driven by Playwright (executable_path),
against `claimledger serve` in its own process on a linked ledger (served_url in conftest.py).

Each test takes screenshots at 1366x768 (a laptop screen) into a folder under the test run's
temporary directory, or into $CLAIMLEDGER_SCREENSHOTS; with CLAIMLEDGER_README_SCREENSHOTS=1
the story, place and places views (and the places view on a phone) are also copied to
docs/screenshots/ for the README. Under CI
(CI=true) a missing chromium fails the tests; elsewhere they are skipped with the reason.
"""
from __future__ import annotations

import os
import shutil
import urllib.parse
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.browser]

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; `playwright install` is never run
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1366, "height": 768}  # the most common laptop screen
README_SHOTS = ROOT / "docs" / "screenshots"
SCRIPT_ARTICLE = "serve-test-ru-1"
UA_ARTICLE = "serve-test-ua-1"
SCRIPT_TEXT = "<script>window.pwned = 1</script>"


def _unavailable(reason: str) -> None:
    """Fail under CI, where the browser must be installed (.ci/run does it); skip elsewhere."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"browser tests cannot run under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, headless, launched through Playwright."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is missing: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """The folder screenshots go to."""
    folder = os.environ.get("CLAIMLEDGER_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def page(browser, served_url):
    """A fresh page at 1366x768 that may reach the served ledger only; it records every
    request to anywhere else (blocked), every console error and every uncaught exception."""
    host = urllib.parse.urlsplit(served_url).netloc
    context = browser.new_context(viewport=VIEWPORT)
    tab = context.new_page()
    tab.set_default_timeout(0)  # no wall-clock limits: a busy machine is slow, not broken
    tab.outside, tab.problems = [], []

    def route(request_route):
        if urllib.parse.urlsplit(request_route.request.url).netloc == host:
            request_route.continue_()
        else:
            tab.outside.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    tab.on("console", lambda message: message.type == "error" and tab.problems.append(message.text))
    tab.on("pageerror", lambda error: tab.problems.append(str(error)))
    yield tab
    assert tab.outside == [], "pages must work offline"
    assert tab.problems == []
    context.close()


def shoot(tab, shots: Path, name: str, *, readme: bool = False) -> Path:
    """Screenshot the visible part of the page (what a laptop shows without scrolling)."""
    path = shots / f"{name}.png"
    tab.wait_for_load_state("networkidle")  # deferred scripts run and the base map is drawn
    tab.screenshot(path=str(path))
    if readme and os.environ.get("CLAIMLEDGER_README_SCREENSHOTS") == "1":
        README_SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, README_SHOTS / f"{name}.png")
    return path


def first(locator):
    """Return the first element of ``locator``, failing at once when there is none (Playwright
    would otherwise wait for it to appear, and the tests set no time limit)."""
    assert locator.count() >= 1, f"nothing matches {locator}"
    return locator.first


def in_viewport(locator) -> bool:
    """Return True when the element's top part is on screen without scrolling."""
    box = locator.bounding_box()
    return (box is not None and box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORT["width"]
            and 0 <= box["y"] and box["y"] + min(box["height"], 60) <= VIEWPORT["height"])


def test_story_shows_both_sides_and_leads_to_an_article(page, served_url, shots):
    page.goto(served_url + "/")
    assert page.url.endswith("/stories")
    items = page.locator(".story-item")
    assert items.count() >= 2
    shoot(page, shots, "stories")
    story = first(items.filter(has_text="Vovchansk"))
    assert first(story.locator(".contra-mark")).inner_text().startswith("⚡")
    first(story.locator(".story-title a")).click()
    assert "/stories/s" in page.url
    columns = page.locator(".story-col")
    ukraine, russia = columns.filter(has_text="Ukrainian side"), columns.filter(has_text="Russian side")
    assert ukraine.count() == 1 and russia.count() == 1
    for column in (ukraine, russia):  # side by side, each with a claim on screen
        assert in_viewport(first(column.locator("h2"))) and in_viewport(first(column.locator(".claim")))
    assert ukraine.bounding_box()["x"] < russia.bounding_box()["x"]
    assert page.locator("svg.story-links path.contradict").count() >= 1  # drawn across
    assert page.locator("#link-list li.lk-contradict").count() >= 1
    card = first(russia.locator(".claim", has_text="Vovchansk"))
    for part in (".speaker", ".cue", ".chain", "time"):
        assert first(card.locator(part)).inner_text().strip()
    shoot(page, shots, "story", readme=True)
    first(card.locator("a.to-article")).click()
    assert f"/articles/{SCRIPT_ARTICLE}#claim-" in page.url
    text = page.locator(".article-text")
    assert SCRIPT_TEXT in text.inner_text()


def test_article_shows_markup_as_text_with_highlights(page, served_url, shots):
    page.goto(f"{served_url}/articles/{SCRIPT_ARTICLE}")
    assert SCRIPT_TEXT in page.title() and SCRIPT_TEXT in first(page.locator("h1")).inner_text()
    assert SCRIPT_TEXT in page.locator(".article-text").inner_text()
    assert "<b>bold</b>" in page.locator(".article-text").inner_text()
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator(".article-text b, .article-text script, h1 script").count() == 0
    assert page.locator("script").count() == 1  # app.js alone
    for mark in ("source", "cue", "claim", "place", "event"):
        assert page.locator(f".article-text .m-{mark}").count() >= 1, mark
    shoot(page, shots, "article")
    page.locator("#legend input[data-mark=claim]").uncheck()  # the legend switches marks off
    assert "hide-claim" in page.locator("body").get_attribute("class")


def test_place_from_an_article_shows_map_and_timeline(page, served_url, shots):
    page.goto(f"{served_url}/articles/{UA_ARTICLE}")
    first(page.locator(".article-text .m-place a", has_text="Vovchansk")).click()
    assert "/places/" in page.url
    assert page.locator("h1").inner_text() == "Vovchansk"
    focus = page.locator("figure.map svg a.marker.focus")
    assert focus.count() == 1 and in_viewport(page.locator("figure.map"))
    assert page.locator("figure.map use.land.ua").count() == 1
    heads = page.locator(".timeline .tl-head .tl-side").all_inner_texts()
    assert heads[:2] == ["Ukrainian side", "Russian side"]
    dates = page.locator(".timeline .tl-row:not(.tl-head) .tl-date").all_inner_texts()
    assert dates == sorted(dates) and "2024-05-11" in dates and "2024-05-12" in dates
    bars = page.locator("figure.chart a[href='#day-2024-05-11'] rect")  # the chart leads to the row
    assert bars.count() >= 1 and page.locator("#day-2024-05-11").count() == 1
    shoot(page, shots, "place", readme=True)
    page.goto(served_url + "/places")
    assert page.locator("figure.map a.marker").count() >= 5
    shoot(page, shots, "places", readme=True)
    first(page.locator("table.places a", has_text="Kharkiv Oblast")).click()
    assert page.locator("h1").inner_text() == "Kharkiv Oblast"
    assert page.locator(".timeline").count() >= 1
    # an oblast lists its settlements, one row each with the latest claim per side, not every card
    rows = page.locator(".timeline.settlements .tl-row.settlement")
    assert rows.count() >= 2 and first(rows.locator("a", has_text="Vovchansk")).is_visible()
    assert page.locator(".claim").count() <= 50 + rows.count() * 5
    shoot(page, shots, "oblast")


def view_width(page) -> float:
    return float(page.locator(".map-frame > svg").get_attribute("viewBox").split()[2])


def test_map_zooms_pans_and_shows_claims_up_to_a_day(page, served_url):
    page.goto(served_url + "/places")
    page.wait_for_load_state("load")  # the outlines come from /static/map/basemap.svg
    assert page.evaluate("document.querySelector('figure.map use.land.ua').getBBox().width") > 100
    legend = page.locator(".map-legend").inner_text()
    for words in ("Ukrainian side", "Russian side", "fighting", "attack repelled", "oblast boundary"):
        assert words in legend
    assert "recognised borders" in page.locator("figure.map figcaption").inner_text()
    home = view_width(page)
    page.locator(".map-tools button[data-zoom=in]").click()
    assert view_width(page) < home * 0.7
    box = page.locator(".map-frame > svg").bounding_box()
    middle = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.move(*middle)
    page.mouse.wheel(0, 600)  # wheel down: out again
    assert view_width(page) > home * 0.7
    left = float(page.locator(".map-frame > svg").get_attribute("viewBox").split()[0])
    page.mouse.down()
    page.mouse.move(middle[0] + 120, middle[1], steps=4)
    page.mouse.up()
    assert float(page.locator(".map-frame > svg").get_attribute("viewBox").split()[0]) < left
    labels = page.locator("text.mlabel:not(.off)")
    assert labels.count() >= 3
    boxes = [labels.nth(i).bounding_box() for i in range(labels.count())]
    for i, a in enumerate(boxes):  # names drawn on screen never overlap
        for b in boxes[i + 1:]:
            assert (a["x"] + a["width"] <= b["x"] + 1 or b["x"] + b["width"] <= a["x"] + 1
                    or a["y"] + a["height"] <= b["y"] + 1 or b["y"] + b["height"] <= a["y"] + 1)
    slider = page.locator(".map-time input[type=range]")
    assert slider.is_visible()
    shown = page.locator("figure.map a.marker:not(.off)").count()
    days = page.locator(".map-time").get_attribute("data-days").split()
    slider.evaluate("s => { s.value = 0; s.dispatchEvent(new Event('input')); }")
    assert page.locator(".map-time output").inner_text() == days[0]
    assert page.locator("figure.map a.marker:not(.off)").count() < shown


PHONE = {"width": 360, "height": 740}


def test_pages_fit_a_phone_without_sideways_scrolling(browser, served_url, shots):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.set_default_timeout(0)
    try:
        tab.goto(served_url + "/stories")
        story = first(tab.locator(".story-item .story-title a")).get_attribute("href")
        tab.goto(served_url + "/places?q=Vovchansk")  # by search: the first page holds the 50 most reported
        place = first(tab.locator("table.places a", has_text="Vovchansk")).get_attribute("href")
        for path in ("/stories", story, "/claims", "/places", place, f"/articles/{UA_ARTICLE}",
                     "/search?q=Vovchansk", "/docs"):
            tab.goto(served_url + path)
            width = tab.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"{path} is {width} px wide"
        tab.goto(served_url + "/places")
        assert tab.locator("figure.map").bounding_box()["width"] <= PHONE["width"]
        shoot(tab, shots, "places-phone", readme=True)
    finally:
        context.close()


def test_search_finds_claims_and_articles_and_filters_by_side(page, served_url, shots):
    page.goto(served_url + "/claims")
    page.locator("header form.quick input[name=q]").fill("Vovchansk")
    page.locator("header form.quick input[name=q]").press("Enter")
    page.wait_for_url("**/search?q=Vovchansk")
    results = page.locator("ul.results li")
    titles = results.all_inner_texts()
    assert any(SCRIPT_TEXT in t for t in titles) and any("attacks near Vovchansk" in t for t in titles)
    assert page.locator(".search-layout .claim").count() >= 2
    hits = page.locator(".search-layout .claim .m-hit").all_inner_texts()  # the words found, marked
    assert len(hits) >= 2 and all(h.lower().startswith("vovchansk") for h in hits)
    snippet_hits = page.locator("ul.results .snippet .m-hit").all_inner_texts()
    assert snippet_hits and all(h.lower().startswith("vovchansk") for h in snippet_hits)
    shoot(page, shots, "search")
    page.locator("form.filters select[name=side]").select_option("ukraine")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**side=ukraine**")
    titles = page.locator("ul.results li").all_inner_texts()
    assert titles and not any(SCRIPT_TEXT in t for t in titles)
    assert page.locator(".search-layout .claim.side-russia").count() == 0


def test_listings_filter_and_every_page_renders(page, served_url, shots):
    page.goto(served_url + "/claims")
    page.locator("form.filters select[name=type]").select_option("strike")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**type=strike**")
    cards = page.locator(".claim-list .claim")
    assert cards.count() >= 1
    for chips in cards.evaluate_all("cards => cards.map(c => c.querySelector('.events')?.innerText || '')"):
        assert "strike" in chips
    shoot(page, shots, "claims")
    page.goto(served_url + "/stories?side=ukraine")
    assert all("Ukrainian side" in t for t in page.locator(".story-item").all_inner_texts())
    page.goto(served_url + "/stories")
    first(page.locator("form.filters select[name=sort]")).select_option("newest")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**sort=newest**")
    dates = [t.split(" – ")[-1] for t in page.locator(".story-item .story-meta time").all_inner_texts()]
    dated = [d for d in dates if d != "undated"]
    assert dated and dated == sorted(dated, reverse=True) and dates[:len(dated)] == dated
    page.goto(served_url + "/stories")
    page.locator("form.filters input[name=contested]").check()
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**contested=true**")
    stories = page.locator(".story-item")
    assert stories.count() >= 1 and stories.count() == page.locator(".story-item.contested").count()
    assert all("contested" in t for t in page.locator(".story-item .contra-mark").all_inner_texts())
    assert page.locator("form.filters input[name=contested]").is_checked()
    for path in ("/articles", "/docs"):
        page.goto(served_url + path)
        assert page.locator("h1").count() == 1
        shoot(page, shots, path.strip("/"))
    response = page.goto(served_url + "/stories/s-no-such-story")
    assert response.status == 404 and "no story" in page.locator("main").inner_text()
    page.problems[:] = [p for p in page.problems if "404" not in p]  # the one expected
