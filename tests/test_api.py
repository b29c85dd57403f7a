"""The JSON API and the server's guarantees, against `claimledger serve` in its own process
on a ledger built from the examples (fixtures served_db / served_url in conftest.py), on SQLite
and on PostgreSQL."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import text

from claimledger.claims import date_bounds
from claimledger.errors import StoreError
from claimledger.export import CLAIM_CSV_COLUMNS
from claimledger.serve import ExposureError, check_exposure, open_readonly_store

from conftest import ledger_snapshot, start_ledger_server

pytestmark = pytest.mark.model
SCRIPT_ARTICLE = "serve-test-ru-1"
UA_ARTICLE = "serve-test-ua-1"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, *, method: str = "GET", headers: dict | None = None, follow: bool = True):
    """Return (status, headers, body bytes) of a request; HTTP errors are answers too, and so
    is a redirect when ``follow`` is False."""
    request = urllib.request.Request(url, method=method, headers=headers or {})
    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def get_json(url: str) -> dict:
    status, _, body = fetch(url)
    assert status == 200, body[:300]
    return json.loads(body)


def query(base: str, path: str, **params) -> str:
    return f"{base}{path}?{urllib.parse.urlencode(params)}" if params else base + path


def all_pages(base: str, path: str, **params) -> list[dict]:
    items, page = [], 1
    while True:
        body = get_json(query(base, path, page=page, per_page=7, **params))
        items.extend(body["items"])
        if not body["has_more"]:
            return items
        page += 1


def test_stories_listing_filters_and_side_by_side(served_url):
    listing = get_json(query(served_url, "/api/stories", per_page=50))
    assert listing["items"] and listing["total"] >= len(listing["items"])
    sizes = [story["claims"] for story in listing["items"]]
    assert sizes == sorted(sizes, reverse=True)
    about = get_json(query(served_url, "/api/stories", place="Vovchansk"))["items"]
    assert about and all("Vovchansk" in story["places"] for story in about)
    story = next(s for s in about if {"ukraine", "russia"} <= {side["side"] for side in s["sides"]})
    for side in story["sides"]:
        assert 1 <= side["independent_sources"] <= side["claims"]
    for found in all_pages(served_url, "/api/stories", side="ukraine"):
        assert "ukraine" in {side["side"] for side in found["sides"]}
    view = get_json(served_url + "/api/stories/" + story["id"])
    assert [column["side"] for column in view["columns"]][:2] == ["ukraine", "russia"]
    cards = [card for column in view["columns"] for card in column["claims"]]
    assert len(cards) == story["claims"]
    for card in cards:
        assert card["article_link"].startswith("/articles/") and card["chain"] and card["content"]
    assert all(link["label"] in ("contradict", "agree", "repeat") and link["reason"]
               for link in view["links"])
    status, _, body = fetch(query(served_url, "/api/stories", since="May 2024"))
    assert status == 400 and "since" in json.loads(body)["error"]
    assert fetch(served_url + "/api/stories/s-no-such-story")[0] == 404


def test_stories_filter_on_contested(served_url):
    everything = all_pages(served_url, "/api/stories")
    contested = all_pages(served_url, "/api/stories", contested="true")
    others = all_pages(served_url, "/api/stories", contested="false")
    assert contested and all(s["contested"] and s["contradictions"] >= 1 for s in contested)
    assert others and not any(s["contested"] or s["contradictions"] for s in others)
    assert len(contested) + len(others) == len(everything)
    assert all(s["contested"] == (s["relations"].get("contradict", 0) > 0) for s in everything)
    sizes = [s["claims"] for s in everything]  # still largest first, contested or not
    assert sizes == sorted(sizes, reverse=True)
    assert get_json(query(served_url, "/api/stories", contested=""))["total"] == len(everything)
    status, _, body = fetch(query(served_url, "/api/stories", contested="maybe"))
    assert status == 400 and "contested" in json.loads(body)["error"]
    # the page takes the same filter: a checkbox, contested stories marked
    status, _, page = fetch(query(served_url, "/stories", contested="true"))
    html = page.decode("utf-8")
    assert status == 200 and 'name="contested" value="true" checked' in html
    assert html.count('class="story-item contested"') == min(len(contested), 50)
    assert fetch(query(served_url, "/stories", contested="maybe"))[0] == 400


def test_claims_are_paginated_without_overlap(served_url):
    first = get_json(query(served_url, "/api/claims", per_page=5))
    second = get_json(query(served_url, "/api/claims", per_page=5, page=2))
    assert len(first["items"]) == 5 and first["has_more"] is True and first["page"] == 1
    keys = {(c["article_id"], c["claim"]) for c in first["items"]}
    assert keys.isdisjoint({(c["article_id"], c["claim"]) for c in second["items"]})
    everything = all_pages(served_url, "/api/claims")
    assert len({(c["article_id"], c["claim"]) for c in everything}) == len(everything) > 10
    status, _, body = fetch(query(served_url, "/api/claims", per_page=0))
    assert status == 400 and "per_page" in json.loads(body)["error"]


def test_claim_filters_hold_for_every_item(served_url):
    strikes = all_pages(served_url, "/api/claims", type="strike")
    assert strikes and all(any(e["type"] == "strike" for e in c["events"]) for c in strikes)
    dated = all_pages(served_url, "/api/claims", since="2024-05", until="2024-05-31")

    def in_may(claim: dict) -> bool:  # its dates overlap May: an event dated "2024" is in it too
        spans = [date_bounds(e["when"]) for e in claim["events"] if e.get("when")]
        spans = [s for s in spans if s] or [(claim["date"], claim["date"])]
        return any(first <= "2024-05-31" and last >= "2024-05-01" for first, last in spans)

    assert dated and all(in_may(c) for c in dated)
    russian = all_pages(served_url, "/api/claims", side="russia")
    assert russian and {c["side"] for c in russian} == {"russia"}
    assert SCRIPT_ARTICLE in {c["article_id"] for c in russian}
    status, _, body = fetch(query(served_url, "/api/claims", since="not a date"))
    assert status == 400 and "since" in json.loads(body)["error"]


def test_place_listing_and_place_view_agree(served_url):
    places = get_json(query(served_url, "/api/places", per_page=20))["items"]
    counts = [p["articles"] for p in places]
    assert counts == sorted(counts, reverse=True)
    vovchansk = get_json(query(served_url, "/api/places", q="vovchansk"))["items"]
    assert vovchansk and vovchansk[0]["lat"] is not None
    key = vovchansk[0]["key"]
    view = get_json(served_url + "/api/places/" + urllib.parse.quote(key))
    claims = view["claims"]["items"]
    assert view["place"]["key"] == key and claims and view["claims"]["total"] == len(claims)
    for claim in claims:
        named = {p["key"] for p in claim["places"]} | {r for e in claim["events"] for r in e["refs"]}
        assert key in named
    sides = [side for side, _ in view["timeline"]["sides"]]
    assert sides[:2] == ["ukraine", "russia"]  # fixed order: the two sides first, side by side
    dates = [row["date"] for row in view["timeline"]["rows"]]
    assert dates == sorted(dates)
    assert {i for row in view["timeline"]["rows"] for cell in row["cells"] for i in cell} == \
        {c["id"] for c in claims}
    status, _, body = fetch(served_url + "/api/places/UA00nowhere")
    assert status == 404 and "no place" in json.loads(body)["error"]


def test_article_keeps_raw_markup_as_data(served_url):
    article = get_json(served_url + "/api/articles/" + SCRIPT_ARTICLE)
    assert "<script>window.pwned = 1</script>" in article["text"]
    assert article["side"] == "russia" and article["claims"]
    for claim in article["claims"]:
        assert claim["content"] in article["text"]
    ukrainian = get_json(served_url + "/api/articles/" + UA_ARTICLE)
    assert ukrainian["side"] == "ukraine"
    assert fetch(served_url + "/api/articles/no-such-article")[0] == 404


def test_search_finds_words_in_claims_and_articles(served_url):
    found = get_json(query(served_url, "/api/search", q="Vovchansk"))
    assert found["claims"]["items"] and found["articles"]["items"]
    for claim in found["claims"]["items"]:
        assert "vovchansk" in claim["content"].lower()
    ids = {a["id"] for a in found["articles"]["items"]}
    assert {SCRIPT_ARTICLE, UA_ARTICLE} <= ids
    narrowed = get_json(query(served_url, "/api/search", q="Vovchansk", side="ukraine"))
    narrowed_ids = {a["id"] for a in narrowed["articles"]["items"]}
    assert UA_ARTICLE in narrowed_ids and SCRIPT_ARTICLE not in narrowed_ids
    assert {c["side"] for c in narrowed["claims"]["items"]} <= {"ukraine"}


def test_search_shows_each_article_hit_in_its_whole_sentence(served_url):
    found = get_json(query(served_url, "/api/search", q="Vovchansk"))
    texts = {a["id"]: get_json(served_url + "/api/articles/" + a["id"])["text"]
             for a in found["articles"]["items"]}
    for article in found["articles"]["items"]:
        snippet = article["snippet"]
        assert snippet and snippet["hits"], article["id"]
        for start, end in snippet["hits"]:
            assert snippet["text"][start:end].lower().startswith("vovchansk")
        shown = snippet["text"].strip("…").strip()
        text = texts[article["id"]]
        at = text.find(shown)
        assert at >= 0, shown  # a piece of the text as it is, not a window cut mid-word
        if not snippet["text"].startswith("…"):  # a whole sentence starts after a break
            assert at == 0 or text[:at].rstrip()[-1:] in ".!?…\"'»”’)]" or "\n" in text[at - 2:at]
    no_search = get_json(served_url + "/api/search")
    assert all(a["snippet"] is None for a in no_search["articles"]["items"])


def test_exports_are_downloads_matching_the_listing(served_url):
    status, headers, body = fetch(query(served_url, "/api/export/claims.csv", type="strike"))
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert "attachment" in headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert tuple(rows[0].keys()) == CLAIM_CSV_COLUMNS
    assert len(rows) == len(all_pages(served_url, "/api/claims", type="strike"))
    status, _, body = fetch(query(served_url, "/api/export/places.geojson", place="Vovchansk"))
    collection = json.loads(body)
    assert collection["type"] == "FeatureCollection" and collection["features"]
    assert all(f["geometry"]["type"] == "Point" for f in collection["features"])
    status, _, body = fetch(served_url + "/api/export/records.jsonl")
    records = [json.loads(line) for line in body.decode("utf-8").splitlines()]
    assert len(records) == get_json(served_url + "/api/stats")["articles"]
    assert {"attributions", "places", "events"} <= set(records[0])
    assert fetch(served_url + "/api/export/secrets.txt")[0] == 404


def test_openapi_and_offline_docs(served_url):
    spec = get_json(served_url + "/api/openapi.json")
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/claims", "/api/articles",
                 "/api/places", "/api/search", "/api/export/{name}"):
        assert path in spec["paths"]
    status, headers, body = fetch(served_url + "/docs")
    page = body.decode("utf-8")
    assert status == 200 and "/api/claims" in page
    assert "cdn" not in page.lower() and "https://" not in page  # nothing to fetch from elsewhere
    assert "default-src 'self'" in headers["Content-Security-Policy"]


def test_server_only_reads(served_url, served_db):
    before = ledger_snapshot(served_db)
    assert fetch(served_url + "/api/claims", method="POST")[0] == 405
    assert fetch(served_url + "/api/articles/" + SCRIPT_ARTICLE, method="DELETE")[0] == 405
    for path in ("/static/../app.py", "/static/%2e%2e/readonly.py", "/static/..%2f..%2fcli.py",
                 "/api/export/..%2f..%2fpyproject.toml"):
        status, _, body = fetch(served_url + path)
        assert status == 404 and b"def " not in body
    get_json(served_url + "/api/claims?q=drop%20table%20articles")
    assert ledger_snapshot(served_db) == before


def test_readonly_store_refuses_writes(served_db):
    store = open_readonly_store(served_db)
    try:
        with pytest.raises(Exception, match="readonly|read-only|query_only"):
            with store.engine.connect() as conn:
                conn.execute(text("DELETE FROM articles"))
                conn.commit()
        assert store.ledger.counts()["articles"] > 0
    finally:
        store.close()
    with pytest.raises(StoreError, match="no ledger"):
        open_readonly_store(Path(served_db).parent / "missing.db")


def test_exposure_needs_a_token():
    check_exposure("127.0.0.1", None)
    check_exposure("localhost", None)
    check_exposure("::1", None)
    check_exposure("0.0.0.0", "s3cret")
    with pytest.raises(ExposureError, match="token"):
        check_exposure("0.0.0.0", None)
    with pytest.raises(ExposureError):
        check_exposure("192.168.1.20", "")


def test_cli_refuses_public_bind_without_token(served_db):
    result = subprocess.run([sys.executable, "-m", "claimledger", "serve", str(served_db),
                             "--host", "0.0.0.0", "--port", "0"],
                            capture_output=True, text=True,
                            env={k: v for k, v in os.environ.items() if k != "CLAIMLEDGER_TOKEN"})
    assert result.returncode == 1
    assert "without a token" in result.stderr and "Traceback" not in result.stderr


def test_token_is_required_when_set(served_db):
    proc, url = start_ledger_server(served_db, "--token", "t0ken-for-tests")
    try:
        status, _, body = fetch(url + "/api/claims")
        assert status == 401 and "token" in json.loads(body)["error"]
        assert fetch(url + "/claims")[0] == 401
        assert fetch(url + "/api/claims", headers={"Authorization": "Bearer wrong"})[0] == 401
        status, _, _ = fetch(url + "/api/claims", headers={"Authorization": "Bearer t0ken-for-tests"})
        assert status == 200
        status, headers, body = fetch(url + "/api/claims")
        assert status == 401 and headers["WWW-Authenticate"].startswith("Bearer")
        assert fetch(url + "/claims")[1]["WWW-Authenticate"].startswith("Bearer")
        # a token in a page's address moves into the cookie and out of the address bar
        for page in ("/stories?token=t0ken-for-tests&side=ukraine", "/claims?token=t0ken-for-tests",
                     "/places?q=kharkiv&token=t0ken-for-tests"):
            status, headers, _ = fetch(url + page, follow=False)
            assert status == 303 and "token" not in headers["Location"]
            assert headers["Location"] == page.replace("token=t0ken-for-tests", "").replace(
                "?&", "?").rstrip("?&")
            assert "claimledger_token=t0ken-for-tests" in headers["Set-Cookie"]
            cookie = headers["Set-Cookie"].split(";")[0]
            assert fetch(url + headers["Location"], headers={"Cookie": cookie})[0] == 200
        assert fetch(url + "/stories?token=wrong", follow=False)[0] == 401
        # the API takes the token in the query without a redirect (clients keep no cookies)
        assert fetch(url + "/api/claims?token=t0ken-for-tests", follow=False)[0] == 200
    finally:
        proc.terminate()
        proc.wait()


def test_maps_are_offline_unless_a_tile_layer_is_given(served_db, served_url):
    vovchansk = get_json(query(served_url, "/api/places", q="vovchansk"))["items"][0]["key"]
    page = "/places/" + urllib.parse.quote(vovchansk)
    status, headers, body = fetch(served_url + page)
    assert status == 200 and b'class="tile"' not in body
    assert "img-src 'self' data:;" in headers["Content-Security-Policy"]
    tiles = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"  # never fetched by this test: only the page is read
    proc, url = start_ledger_server(served_db, "--tiles", tiles, "--tiles-attribution", "Test tiles")
    try:
        status, headers, body = fetch(url + page)
        html = body.decode("utf-8")
        assert status == 200 and 'class="tile" href="http://127.0.0.1:9/tiles/' in html
        assert "Tiles: Test tiles." in html
        assert "img-src 'self' data: http://127.0.0.1:9;" in headers["Content-Security-Policy"]
    finally:
        proc.terminate()
        proc.wait()


def test_tiles_cover_the_map_view():
    from claimledger.serve.basemap import MAX_TILES, TileLayer, draw_map, tile_images, unproject

    layer = TileLayer("https://tiles.example/{z}/{x}/{y}.png", "Example")
    view = draw_map([{"lat": 50.29, "lon": 36.94, "key": "k", "name": "Vovchansk", "role": "focus",
                      "events": {}}])["viewbox"]
    x0, y0, width, height = (float(v) for v in view.split())
    images = tile_images(view, layer)
    assert 0 < len(images) <= MAX_TILES
    assert min(i["x"] for i in images) <= x0 and max(i["x"] + i["width"] for i in images) >= x0 + width
    assert min(i["y"] for i in images) <= y0 and max(i["y"] + i["height"] for i in images) >= y0 + height
    assert all(i["href"].startswith("https://tiles.example/") for i in images)
    assert unproject(0.0, 0.0) == (12.0, 60.0)  # the projection's origin
    assert tile_images(view, None) == []
    with pytest.raises(Exception, match="tile URL"):
        TileLayer("https://tiles.example/{z}/{x}.png", "Example")


def test_claim_pages_are_the_same_from_the_described_claims_cache(served_db):
    from claimledger.serve.listings import ArticleSides, DescribedClaims, claim_statement, read_claim_page

    store = open_readonly_store(str(served_db))
    try:
        sides, described = ArticleSides(store), DescribedClaims(size=4)
        every = claim_statement(store, {})
        first, more, total = read_claim_page(store, sides, every, side=None, offset=0, per_page=10,
                                             described=described)
        first[0]["content"] = "changed by a caller"
        again, more_again, _ = read_claim_page(store, sides, every, side=None, offset=0, per_page=10,
                                               described=described)
        uncached, _, _ = read_claim_page(store, sides, every, side=None, offset=0, per_page=10)
        assert again == uncached and more_again == more and again[0]["content"] != "changed by a caller"
        assert more and total == store.ledger.counts()["claims"]
    finally:
        store.close()
