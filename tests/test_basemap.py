"""The packaged base map, the marker labels and the claims chart, without a browser or a ledger."""
from __future__ import annotations

from importlib import resources

import pytest

from claimledger.serve.basemap import (
    BASEMAP, draw_map, inside, load_oblasts, place_labels, read_outline,
)
from claimledger.serve.charts import claims_chart
from claimledger.serve.map_data import latest_by_side

# (lon, lat) of places whose country the map must get right.
IN_UKRAINE = {"Simferopol": (34.10, 44.95), "Sevastopol": (33.52, 44.60), "Kerch": (36.47, 45.36),
              "Yalta": (34.17, 44.50), "Donetsk": (37.80, 48.00), "Luhansk": (39.31, 48.57),
              "Kyiv": (30.52, 50.45), "Uzhhorod": (22.29, 48.62)}
OUTSIDE_UKRAINE = {"Belgorod": (36.59, 50.60), "Rostov-on-Don": (39.72, 47.24), "Minsk": (27.56, 53.90),
                   "Chisinau": (28.86, 47.01), "Krasnodar": (38.98, 45.04)}


def test_crimea_and_sevastopol_are_inside_ukraines_recognised_border():
    ukraine, others = read_outline("ukraine"), read_outline("land")
    for name, (lon, lat) in IN_UKRAINE.items():
        assert inside(ukraine, lon, lat), name
        assert not inside(others, lon, lat), f"{name} is also drawn as another country's land"
    for name, (lon, lat) in OUTSIDE_UKRAINE.items():
        assert not inside(ukraine, lon, lat), name
        assert inside(others, lon, lat), name


def test_the_packaged_geometry_is_small_and_names_its_source():
    text = resources.files("claimledger.serve").joinpath(BASEMAP).read_text(encoding="utf-8")
    assert len(text.encode()) < 160_000
    assert "Natural Earth" in text and "Crimea and Sevastopol as Ukraine's" in text
    oblasts = {o["iso"]: o for o in load_oblasts()}
    assert len([o for o in oblasts.values() if o["country"] == "UKR"]) == 27  # 24 oblasts, Crimea, 2 cities
    assert oblasts["UA-43"]["country"] == "UKR" and oblasts["UA-40"]["country"] == "UKR"
    assert {"RU-BEL", "RU-KRS", "RU-BRY", "RU-ROS"} <= set(oblasts)


def test_marker_labels_do_not_collide():
    points = [{"key": f"p{i}", "name": f"Place number {i}", "lat": 50.0 + (i % 4) * 0.05,
               "lon": 36.0 + (i // 4) * 0.05, "role": "event", "events": {"clash": 5}}
              for i in range(16)]
    drawn = draw_map(points)
    boxes = []
    for m in drawn["markers"]:
        if m["label"]:
            width = len(m["name"]) * m["size"] * 0.6
            left = {"start": m["lx"], "end": m["lx"] - width, "middle": m["lx"] - width / 2}[m["anchor"]]
            boxes.append((left, m["ly"] - m["size"] * 0.8, left + width, m["ly"] + m["size"] * 0.25))
    assert 0 < len(boxes) < 16  # crowded: some are named, and the rest stay unnamed
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
        for m in drawn["markers"]:  # no label over a dot
            assert (a[2] <= m["x"] - m["r"] or a[0] >= m["x"] + m["r"]
                    or a[3] <= m["y"] - m["r"] or a[1] >= m["y"] + m["r"])


def test_place_labels_hides_what_does_not_fit():
    markers = [{"name": "Kupiansk", "x": 0.0, "y": 0.0, "r": 1.0, "size": 2.0, "label": True}]
    others = [{"name": "Kupiansk Raion", "x": 3.0, "y": 0.5, "size": 2.0}, {"name": "Far", "x": 90.0, "y": 90.0, "size": 2.0}]
    place_labels(markers, others, 1.0)
    assert markers[0]["label"] and markers[0]["anchor"] == "start"
    assert others[0]["shown"] is False and others[1]["shown"] is True


def test_markers_take_each_sides_latest_control_claim():
    control = [("2024-05-10", "ukraine", "attack_repelled"), ("2024-05-11", "russia", "territory_control"),
               ("2024-05-14", "ukraine", "withdrawal")]
    assert latest_by_side(control) == {"ukraine": ("2024-05-14", "withdrawal"),
                                       "russia": ("2024-05-11", "territory_control")}
    assert latest_by_side(control, until="2024-05-12")["ukraine"] == ("2024-05-10", "attack_repelled")
    drawn = draw_map([{"key": "v", "name": "Vovchansk", "lat": 50.29, "lon": 36.94, "role": "focus",
                       "events": {}, "control": control, "latest": latest_by_side(control), "first": "2024-05-10"}],
                     focus={"key": "v"})
    marker = drawn["markers"][0]
    assert marker["halves"] == ["withdrawal", "territory_control"]
    assert drawn["days"] == ["2024-05-10", "2024-05-11", "2024-05-14"]
    assert "Ukrainian side, latest 2024-05-14: withdrawal" in marker["title"]


def test_claims_chart_stacks_sides_per_day_and_links_the_timeline():
    claims = [{"date": "2024-05-11", "side": "ukraine"}, {"date": "2024-05-11", "side": "russia"},
              {"date": "2024-05-13", "side": "russia"}, {"date": None, "side": "ukraine"}]
    chart = claims_chart(claims)
    assert chart["unit"] == "day" and chart["total"] == 3 and chart["undated"] == 1
    assert [b["date"] for b in chart["bars"]] == ["2024-05-11", "2024-05-13"]
    first = chart["bars"][0]
    assert [p["side"] for p in first["parts"]] == ["ukraine", "russia"] and first["href"] == "#day-2024-05-11"
    assert first["parts"][1]["y"] + first["parts"][1]["h"] == pytest.approx(first["parts"][0]["y"], abs=0.11)
    assert claims_chart([{"date": None, "side": "ukraine"}]) is None


def test_claims_chart_leaves_out_far_older_dates_and_bins_long_spans():
    claims = [{"date": "1922-01-01", "side": "russia"}] + [
        {"date": f"2024-{m:02d}-15", "side": "ukraine"} for m in range(1, 13) for _ in range(3)]
    chart = claims_chart(claims)
    assert chart["undated"] == 1 and chart["bars"][0]["date"] >= "2024-01-01"
    assert chart["unit"] == "week"


def test_a_marker_at_an_approximate_point_says_so():
    control = [("2024-06-02", "russia", "territory_control")]
    drawn = draw_map([{"key": "a", "name": "A village", "lat": 47.26, "lon": 35.70, "approximate": True,
                       "role": "event", "events": {}, "control": control, "latest": latest_by_side(control)},
                      {"key": "b", "name": "A town", "lat": 50.29, "lon": 36.94, "role": "event", "events": {}}])
    by_key = {m["key"]: m for m in drawn["markers"]}
    assert by_key["a"]["approximate"] and "approximate location" in by_key["a"]["title"]
    assert by_key["a"]["halves"] == ["none", "territory_control"]  # coloured as any other
    assert not by_key["b"]["approximate"] and "approximate" not in by_key["b"]["title"]
    assert drawn["approximate"] == 1
