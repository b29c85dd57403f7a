"""Settlements the record leaves without coordinates are drawn at their hromada's centre, marked
approximate: the maps of `claimledger serve` (its own process, on a ledger of invented reports) and
its JSON API (``approximate_point``), and the marker as a real Chromium draws it."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request

import pytest

from claimledger.approximate_points import APPROXIMATE_NOTE, approximate_point, map_position

from conftest import start_ledger_server
from test_pages import browser  # noqa: F401  (the fixture: Debian's chromium through Playwright)

pytestmark = pytest.mark.model

# Robotyne and Keramik: the gazetteer knows only their hromadas' centres; Vovchansk has its own point.
ROBOTYNE = "UA23100270150025192"
KERAMIK = "UA14160190040090584"
VOVCHANSK = "UA63140010010035757"
ZAPORIZHZHIA_OBLAST = "UA23000000000064947"
# Reports written for these tests (no outside source): one from each side about Robotyne, the
# Ukrainian one also about Vovchansk.
ARTICLES = [
    {"id": "approx-ru-1", "outlet": "ТАСС", "url": "https://tass.ru/armiya-i-opk/approx-test-1",
     "published": "2024-06-03T08:00:00Z", "language": "ru",
     "title": "Минобороны заявило о взятии Работино",
     "text": "Министерство обороны России сообщило, что подразделения группировки войск «Днепр» "
             "2 июня полностью освободили населенный пункт Работино в Запорожской области."},
    {"id": "approx-uk-1", "outlet": "Укрінформ", "url": "https://www.ukrinform.ua/approx-test-1",
     "published": "2024-06-04T10:00:00Z", "language": "uk",
     "title": "Сили оборони відбили атаки біля Роботиного",
     "text": "Генеральний штаб ЗСУ повідомив, що 3 червня українські захисники відбили атаки "
             "окупантів поблизу Роботиного на Запорізькому напрямку. Також відбито штурм біля "
             "Вовчанська Харківської області."},
]


@pytest.fixture(scope="module")
def approx_url(tmp_path_factory):
    """`claimledger serve` on a ledger of ARTICLES."""
    from claimledger.build import ingest_paths
    from claimledger.store import open_ledger

    folder = tmp_path_factory.mktemp("approx")
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    with open_ledger(folder / "ledger.db") as ledger:
        ingest_paths(ledger, [str(source)])
    proc, url = start_ledger_server(folder / "ledger.db")
    yield url
    proc.terminate()
    proc.wait()


def get(url: str) -> str:
    with urllib.request.urlopen(url) as response:
        assert response.status == 200
        return response.read().decode("utf-8")


def markers(html: str) -> dict[str, tuple[str, str]]:
    """Return data-key -> (class, title) of every map marker of a page."""
    return {key: (cls, title) for cls, key, title in re.findall(
        r'<a href="/places/[^"]*" class="marker ([^"]*)" data-key="([^"]*)".*?<title>([^<]*)</title>', html, re.S)}


def test_approximate_point_is_the_hromada_centre_only_where_there_are_no_coordinates():
    point = approximate_point(KERAMIK, None, None)
    assert point is not None and point["precision"] == "hromada_centre"
    assert 47.5 < point["lat"] < 49.0 and 37.0 < point["lon"] < 38.5  # Donetsk Oblast
    assert approximate_point(KERAMIK, 48.2, 37.6) is None  # a place with coordinates keeps them
    assert approximate_point(VOVCHANSK, None, None) is None  # the gazetteer has its own point
    assert approximate_point("geonames:2017370", None, None) is None
    assert approximate_point(None, None, None) is None
    assert map_position({"lat": None, "lon": None, "approximate_point": point})[2] is True
    assert map_position({"lat": 50.3, "lon": 36.9, "approximate_point": None}) == (50.3, 36.9, False)
    assert map_position({"lat": None, "lon": None, "approximate_point": None}) is None


def test_maps_draw_a_settlement_at_its_hromada_centre_marked_approximate(approx_url):
    overview = markers(get(approx_url + "/places"))
    assert ROBOTYNE in overview and VOVCHANSK in overview
    cls, title = overview[ROBOTYNE]
    assert "approx" in cls.split() and "quiet" not in cls.split()  # coloured by its control claims
    assert title.startswith("Robotyne · " + APPROXIMATE_NOTE) and "Russian side" in title
    assert "approx" not in overview[VOVCHANSK][0].split()
    assert APPROXIMATE_NOTE not in overview[VOVCHANSK][1]
    page = get(f"{approx_url}/places/{ROBOTYNE}")
    cls, title = markers(page)[ROBOTYNE]
    assert cls.split()[:1] == ["focus"] and "approx" in cls.split() and APPROXIMATE_NOTE in title
    assert "dashed ring: " + APPROXIMATE_NOTE in page  # the legend explains the style
    assert "on the map: " + APPROXIMATE_NOTE in page  # and so does the page's head
    oblast = markers(get(f"{approx_url}/places/{ZAPORIZHZHIA_OBLAST}"))
    assert "approx" in oblast[ROBOTYNE][0].split() and "approx" not in oblast[ZAPORIZHZHIA_OBLAST][0]
    vovchansk = get(f"{approx_url}/places/{VOVCHANSK}")
    assert "approx" not in markers(vovchansk)[VOVCHANSK][0].split() and "dashed ring" not in vovchansk
    assert "on the map: " not in vovchansk


def test_api_gives_an_approximate_point_beside_null_coordinates(approx_url):
    places = {p["key"]: p for p in json.loads(get(approx_url + "/api/places?per_page=100"))["items"]}
    robotyne, vovchansk = places[ROBOTYNE], places[VOVCHANSK]
    assert robotyne["lat"] is None and robotyne["lon"] is None  # as in the record
    assert robotyne["approximate_point"]["precision"] == "hromada_centre"
    assert 47.0 < robotyne["approximate_point"]["lat"] < 47.8
    assert vovchansk["lat"] is not None and vovchansk["approximate_point"] is None
    assert places[ZAPORIZHZHIA_OBLAST]["lat"] is not None and places[ZAPORIZHZHIA_OBLAST]["approximate_point"] is None
    detail = json.loads(get(f"{approx_url}/api/places/{ZAPORIZHZHIA_OBLAST}"))
    settled = {s["key"]: s for s in detail["settlements"]}
    assert settled[ROBOTYNE]["approximate_point"] == robotyne["approximate_point"]
    claimed = [p for c in detail["claims"]["items"] for p in c["places"] if p["key"] == ROBOTYNE]
    assert claimed and all(p["approximate_point"] == robotyne["approximate_point"] for p in claimed)
    article = json.loads(get(approx_url + "/api/articles/approx-uk-1"))
    named = {p["key"]: p for p in article["places"]}
    assert named[ROBOTYNE]["approximate_point"] and named[VOVCHANSK]["approximate_point"] is None
    spec = json.loads(get(approx_url + "/api/openapi.json"))
    described = spec["components"]["schemas"]["Place"]["properties"]["approximate_point"]["description"]
    assert "hromada" in described and "null" in described


@pytest.mark.browser
def test_browser_draws_the_approximate_marker_with_a_dashed_ring(browser, approx_url):  # noqa: F811
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.set_default_timeout(0)
    page.goto(approx_url + "/places")
    page.wait_for_load_state("networkidle")
    approx = page.locator(f"figure.map a.marker.approx[data-key='{ROBOTYNE}']")
    exact = page.locator(f"figure.map a.marker[data-key='{VOVCHANSK}']")
    assert approx.count() == 1 and approx.is_visible() and exact.is_visible()
    box = approx.bounding_box()
    assert box is not None and box["width"] > 2
    dashes = "e => getComputedStyle(e.querySelector('.ring')).strokeDasharray"
    assert approx.evaluate(dashes) not in ("none", "") and exact.evaluate(dashes) == "none"
    assert "hromada" in page.locator(".map-legend").inner_text()
    context.close()


def test_places_with_coordinates_never_read_the_gazetteer():
    script = ("from claimledger import approximate_points as a\n"
              "a.add_approximate_points([{'ref': 'UA63140010010035757', 'lat': 50.29, 'lon': 36.94},\n"
              "                          {'ref': 'geonames:2017370', 'lat': None, 'lon': None},\n"
              "                          {'ref': None, 'lat': None, 'lon': None}])\n"
              "assert a._centres is None, 'read'\n"
              "a.approximate_point('UA23100270150025192', None, None)\n"
              "assert len(a._centres) > 20000 and a.load_gazetteer.cache_info().currsize == 0\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
