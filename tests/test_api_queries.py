"""The API's answers to what users type: bounded numbers, closed sets of values, real dates,
unknown parameters, filters that filter, totals, claim ids, HEAD and the OpenAPI description;
stories in order and places one per real place, paginated. Against `claimledger serve` in its
own process (served_url in conftest.py), like tests/test_api.py."""
from __future__ import annotations

import json
import re
import urllib.parse

import pytest

from test_api import all_pages, fetch, get_json, query

pytestmark = pytest.mark.model
OBLAST = "UA63000000000041885"  # Kharkiv Oblast: the oblast of the sample report

# Query strings a user, a scanner or a typo sends; none may make a route answer 500.
HOSTILE = (
    "page=99999999999999999999999", "page=-1", "page=0", "page=1e3", "page=abc", "page=",
    "per_page=100000000000000000000", "per_page=-5", "per_page=1.5", "page=1&page=2",
    "page=100000&per_page=500", "since=2024-02-30", "since=May%202024", "until=9999-99-99",
    "since=0000", "since=2024-05&until=2023", "since=%ff%fe", "until=2024-13", "type=bogus",
    "type=%00", "side=Russia", "side=%27%3B--", "language=zz", "contested=maybe", "sort=random",
    "level=planet", "q=%22", "q=*", "q=NEAR(a%20b)", "q=a%20OR%20", "q=%00", "q=" + "x" * 3000,
    "q=%E2%80%AE%F0%9F%92%A5", "place=%25", "place=_", "place=name:", "place=%ff%ff",
    "speaker=%25%25", "outlet=%5C", "foo=bar", "%00=1", "page[]=1",
)
ROUTES = ("/api/stories", "/api/claims", "/api/articles", "/api/places", f"/api/places/{OBLAST}",
          "/api/search", "/api/export/claims.csv", "/api/stories/s-none", "/api/claims/x~a1",
          "/api/filters", "/stories", "/claims", f"/places/{OBLAST}")


def error_of(url: str) -> tuple[int, str]:
    status, headers, body = fetch(url)
    assert headers["Content-Type"].startswith("application/json"), url
    payload = json.loads(body)
    assert set(payload) == {"error"}, payload  # the one error shape, as OpenAPI says
    return status, payload["error"]


def test_no_route_answers_500_to_hostile_query_strings(served_url):
    failures = []
    for route in ROUTES:
        for hostile in HOSTILE:
            status = fetch(f"{served_url}{route}?{hostile}")[0]
            if status >= 500 or status == 422:
                failures.append(f"{status} {route}?{hostile[:60]}")
    assert failures == []


def test_numbers_are_bounded_with_a_400_naming_the_parameter(served_url):
    status, message = error_of(query(served_url, "/api/claims", page="99999999999999999999999"))
    assert status == 400 and message.startswith("page:") and "100000" in message
    for path in ("/api/stories", "/api/articles", "/api/places", "/api/search"):
        assert error_of(query(served_url, path, page=0))[0] == 400
        status, message = error_of(query(served_url, path, per_page=501))
        assert status == 400 and "per_page" in message
    assert fetch(query(served_url, "/claims", page="1e99"))[0] == 400  # pages too
    last = get_json(query(served_url, "/api/claims", page=100000, per_page=500))
    assert last["items"] == [] and last["has_more"] is False and last["total"] > 0


@pytest.mark.parametrize("params, named", [
    ({"type": "bogus"}, "territory_control"), ({"side": "Russia"}, "russia"),
    ({"language": "zz"}, "en, ru, uk"), ({"since": "2024-02-30"}, "2024-02-30"),
    ({"until": "2024-13"}, "2024-13"), ({"since": "May 2024"}, "YYYY-MM-DD"),
    ({"since": "2024-06", "until": "2024-05"}, "after"),
])
def test_unknown_values_and_impossible_dates_are_a_400_naming_what_is_allowed(served_url, params, named):
    for path in ("/api/claims", "/api/articles", "/api/stories", "/api/search", f"/api/places/{OBLAST}"):
        status, message = error_of(query(served_url, path, **params))
        assert status == 400 and named in message and next(iter(params)) in message, (path, message)
    assert fetch(query(served_url, "/claims", **params))[0] == 400


def test_closed_values_of_other_parameters(served_url):
    status, message = error_of(query(served_url, "/api/places", level="planet"))
    assert status == 400 and "settlement" in message and "oblast" in message
    status, message = error_of(query(served_url, "/api/stories", sort="random"))
    assert status == 400 and "newest" in message and "contested" in message
    assert get_json(query(served_url, "/api/claims", since="2024-02-29"))  # a real day
    assert get_json(query(served_url, "/api/claims", type="", side=""))["total"] == \
        get_json(served_url + "/api/claims")["total"]  # blank form fields mean "any"


def test_unknown_query_parameters_are_a_400_naming_those_taken(served_url):
    status, message = error_of(query(served_url, "/api/claims", plcae="Vovchansk"))
    assert status == 400 and "'plcae'" in message and "place" in message and "speaker" in message
    status, message = error_of(query(served_url, "/api/places", type="strike"))
    assert status == 400 and "'type'" in message and "level" in message
    assert error_of(query(served_url, "/api/stats", page=2))[0] == 400
    assert fetch(query(served_url, "/stories", colour="red"))[0] == 400
    assert fetch(query(served_url, f"/places/{OBLAST}", place="Kyiv"))[0] == 400  # the page is the place


def test_articles_really_filter_on_place_type_and_speaker(served_url):
    everything = get_json(served_url + "/api/articles")["total"]
    for params, holds in (({"place": "Vovchansk"}, lambda c: any(
            "Vovchansk" in (p.get("name") or "") for p in c["places"]) or any(
            "Vovchansk" in e["places"] for e in c["events"])),
            ({"type": "strike"}, lambda c: any(e["type"] == "strike" for e in c["events"])),
            ({"speaker": "Gerasimov"}, lambda c: "gerasimov" in " ".join(
                filter(None, (c["speaker"], c["speaker_role"], c["source"]))).lower())):
        found = all_pages(served_url, "/api/articles", **params)
        assert found and len(found) < everything, params
        for article in found:  # each has a claim matching the filter
            claims = get_json(served_url + "/api/articles/" + urllib.parse.quote(article["id"]))["claims"]
            assert any(holds(c) for c in claims), (params, article["id"])
        claims = {c["article_id"] for c in all_pages(served_url, "/api/claims", **params)}
        assert {a["id"] for a in found} == claims


def test_every_listing_says_how_many_items_match(served_url):
    for path, params in (("/api/claims", {"type": "strike"}), ("/api/claims", {"side": "russia"}),
                         ("/api/articles", {"language": "uk"}), ("/api/articles", {"side": "ukraine"}),
                         ("/api/places", {"level": "settlement"}), ("/api/stories", {}),
                         ("/api/claims", {"place": "Vovchansk"})):
        first = get_json(query(served_url, path, per_page=3, **params))
        assert first["total"] == len(all_pages(served_url, path, **params)) > 0, (path, params)
        assert first["has_more"] == (first["total"] > 3)
    found = get_json(query(served_url, "/api/search", q="Vovchansk", per_page=2))
    for part in ("claims", "articles"):
        alone = get_json(query(served_url, f"/api/{part}", q="Vovchansk"))["total"]
        assert found[part]["total"] == alone >= 2 and found[part]["has_more"] == (alone > 2)
    place = get_json(query(served_url, f"/api/places/{OBLAST}", per_page=2))["claims"]
    assert place["total"] >= len(place["items"]) and "has_more" in place


def test_claims_have_stable_ids(served_url):
    listing = get_json(query(served_url, "/api/claims", q="Vovchansk", per_page=5))["items"]
    assert listing and all(re.fullmatch(r".+~(h\.)?[ae]\d+(\.\d+)?", c["id"]) for c in listing)
    for claim in listing:
        assert claim["id"] == f"{claim['article_id']}~{claim['claim']}"
        assert get_json(served_url + "/api/claims/" + urllib.parse.quote(claim["id"], safe="")) == claim
    article = get_json(served_url + "/api/articles/" + urllib.parse.quote(listing[0]["article_id"]))
    assert {c["id"] for c in article["claims"]} >= {c["id"] for c in listing
                                                    if c["article_id"] == article["id"]}
    for missing in ("no-such-article~a1", listing[0]["article_id"] + "~a999", "no-separator"):
        status, message = error_of(served_url + "/api/claims/" + urllib.parse.quote(missing, safe=""))
        assert status == 404 and "no claim" in message


def test_openapi_describes_the_bodies_and_the_errors_as_sent(served_url):
    spec = get_json(served_url + "/api/openapi.json")
    schemas = spec["components"]["schemas"]
    assert "HTTPValidationError" not in schemas and schemas["ApiError"]["required"] == ["error"]
    for path, model in (("/api/claims", "ClaimPage"), ("/api/stories", "StoryPage"),
                        ("/api/places/{key}", "PlaceDetail"), ("/api/claims/{claim_id}", "Claim"),
                        ("/api/articles", "ArticlePage"), ("/api/search", "SearchResult")):
        responses = spec["paths"][path]["get"]["responses"]
        assert "422" not in responses and {"400", "401", "404", "500"} <= set(responses)
        assert responses["200"]["content"]["application/json"]["schema"]["$ref"].endswith(model)
        assert responses["400"]["content"]["application/json"]["schema"]["$ref"].endswith("ApiError")
    for model in ("ClaimPage", "StoryPage", "PlacePage", "ArticlePage"):
        assert {"items", "page", "per_page", "has_more", "total"} <= set(schemas[model]["properties"])


def test_head_answers_every_get_route(served_url):
    for path in ("/api/claims?per_page=3", "/api/stories", "/stories", f"/places/{OBLAST}",
                 "/static/style.css"):
        got_status, got_headers, got = fetch(served_url + path)
        status, headers, body = fetch(served_url + path, method="HEAD")
        assert status == 200 and body == b"", path
        assert headers["Content-Type"] == got_headers["Content-Type"]
        assert int(headers["Content-Length"]) == len(got)
    status, headers, _ = fetch(served_url + "/api/claims", method="POST")
    assert status == 405 and "HEAD" in headers["Allow"]


def test_stories_in_each_order(served_url):
    default = all_pages(served_url, "/api/stories")
    assert [s["claims"] for s in default] == sorted((s["claims"] for s in default), reverse=True)
    newest = all_pages(served_url, "/api/stories", sort="newest")
    lasts = [s["last_date"] or "" for s in newest]
    assert lasts == sorted(lasts, reverse=True) and len(newest) == len(default)
    contested = all_pages(served_url, "/api/stories", sort="contested")
    counts = [s["contradictions"] for s in contested]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 1
    assert get_json(query(served_url, "/api/stories", sort="newest"))["sort"] == "newest"
    only = all_pages(served_url, "/api/stories", sort="newest", contested="true")
    assert only and all(s["contested"] for s in only)
    html = fetch(query(served_url, "/stories", sort="contested"))[2].decode("utf-8")
    assert '<option value="contested" selected>' in html and "sort=contested" in html
    assert f'<span class="count">{len(default)} match</span>' in html
    for story in default:  # titles name the event and the place, in words
        assert "_" not in story["title"] and "unplaced" not in story["title"], story["title"]
        assert not re.search(r"UA\d{17}|geonames:", story["title"]), story["title"]


def test_a_place_is_listed_once_with_its_names_merged(served_url):
    places = all_pages(served_url, "/api/places")
    named = [(p["name"], p["level"]) for p in places if p["level"] in ("country", "oblast")]
    assert len(named) == len(set(named)), "a country or oblast listed twice"
    merged = [p for p in places if p["aliases"]]
    assert merged, "the served ledger has name-only mentions of a ref's name"
    for place in merged:
        assert place["ref"] and place["key"] == place["ref"]
        assert not [p for p in places if p["key"] == "name:" + place["name"]]
        # the old name key finds the place, and its claims include the name-only mentions
        old = get_json(served_url + "/api/places/" + urllib.parse.quote("name:" + place["name"]))
        assert old["place"]["key"] == place["key"]
        by_ref = get_json(query(served_url, "/api/claims", place=place["ref"]))["total"]
        by_name = get_json(query(served_url, "/api/claims", place=place["name"]))["total"]
        assert by_ref == by_name == get_json(served_url + "/api/places/" + place["key"])["claims"]["total"]


def test_place_claims_are_paginated_and_an_oblast_lists_its_settlements(served_url):
    first = get_json(query(served_url, f"/api/places/{OBLAST}", per_page=3))
    second = get_json(query(served_url, f"/api/places/{OBLAST}", per_page=3, page=2))
    claims = first["claims"]
    assert len(claims["items"]) == 3 and claims["has_more"] and claims["total"] > 3
    assert {c["id"] for c in claims["items"]}.isdisjoint(c["id"] for c in second["claims"]["items"])
    dates = [c["date"] or "9999" for c in claims["items"] + second["claims"]["items"]]
    assert dates == sorted(dates)  # oldest first, page after page
    settlements = first["settlements"]
    assert settlements and first["settlements_total"] >= len(settlements)
    counts = [s["claims"] for s in settlements]
    assert counts == sorted(counts, reverse=True)
    for settlement in settlements:
        assert settlement["claims"] == sum(side["claims"] for side in settlement["sides"])
        for side in settlement["sides"]:
            latest = side["latest"]
            assert latest["side"] == side["side"] and latest["article_link"].startswith("/articles/")
            shown = get_json(query(served_url, "/api/places/" + settlement["key"], side=side["side"],
                                   per_page=500))["claims"]
            assert shown["total"] == side["claims"]
            assert latest["id"] in {c["id"] for c in shown["items"]}
            assert (latest["date"] or "") == max(c["date"] or "" for c in shown["items"])
    # the page shows the page of claims and one line per settlement and side, not every card
    html = fetch(served_url + f"/places/{OBLAST}")[2].decode("utf-8")
    whole = get_json(served_url + f"/api/places/{OBLAST}")
    cards = len(re.findall(r'<article class="claim', html))
    assert cards == len(whole["claims"]["items"]) + sum(len(s["sides"]) for s in whole["settlements"])
    assert f"{whole['claims']['total']} claims" in html and 'class="tl-row settlement"' in html


# A value of each filter that some items match and others do not, on the served ledger.
SELECTIVE = {"place": "Vovchansk", "since": "2024-05", "until": "2022-03-01", "type": "strike",
             "side": "russia", "speaker": "Zelensky", "outlet": "Kremlin", "language": "uk",
             "q": "Vovchansk"}


def test_every_filter_a_route_lists_narrows_its_listing(served_url):
    spec = get_json(served_url + "/api/openapi.json")
    routes = {"/api/claims": ("claims",), "/api/articles": ("articles",), "/api/stories": ("stories",),
              "/api/search": ("claims", "articles"), "/api/places/{key}": ("place",)}
    for route, parts in routes.items():
        names = [p["name"] for p in spec["paths"][route]["get"]["parameters"]
                 if p["in"] == "query" and p["name"] in SELECTIVE]
        assert names, route
        path = route.replace("{key}", OBLAST)
        for part in parts:
            def total(**params):
                body = get_json(query(served_url, path, **params))
                body = body.get(part, body) if part != "place" else body["claims"]
                return body["total"]
            everything = total(**({"q": "Kharkiv"} if route == "/api/search" else {}))
            for name in names:
                params = {name: SELECTIVE[name]}
                if route == "/api/search" and name != "q":
                    params["q"] = "Kharkiv"
                assert total(**params) < everything, (route, part, name)
