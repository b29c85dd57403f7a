"""The offline base map: Natural Earth outlines, with markers, labels and a legend, as SVG.

``static/map/basemap.svg`` holds the land of Ukraine's neighbours, Ukraine in its internationally
recognised borders (Crimea and Sevastopol included) and the boundaries of Ukraine's oblasts and of
Russia's border regions, projected with :mod:`projection` (built by ``scripts/build_basemap.py``
from Natural Earth's admin-1 provinces; public domain). Pages draw it with ``<use>``, so the
browser fetches it once; a view is a ``viewBox`` over it, zoomed to the markers it shows, which
``static/app.js`` pans and zooms. Markers, labels (placed so that they do not collide) and the
legend are drawn here, per page. A marker at a settlement's approximate point (the centre of its
hromada, :mod:`claimledger.approximate_points`) is drawn with a dashed ring, its title says so, and the legend
explains the style on a map that has one.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import ClaimledgerError

from ..approximate_points import APPROXIMATE_NOTE
from .map_data import KIND_LABELS, MARKER_SIDES, encode_controls
from .projection import CENTRE_LAT, UNITS, project, unproject

BASEMAP_URL = "/static/map/basemap.svg"  # the geometry, fetched once by the browser
BASEMAP = "static/map/basemap.svg"
OBLASTS = "static/map/oblasts.json"
SOURCE_NOTE = ("Borders: Natural Earth 1:10m admin-1 (public domain), Ukraine in its internationally "
               "recognised borders")
# The widest view the map zooms out to (the packaged geometry's extent, lon/lat).
WORLD_BOUNDS = (17.0, 41.5, 47.0, 56.5)
# The view when nothing can be placed: Ukraine with Crimea and the border regions.
DEFAULT_BOUNDS = (22.0, 44.2, 40.5, 52.5)  # lon_min, lat_min, lon_max, lat_max
MIN_SPAN_DEG = 3.0  # a single village still shows its surroundings
PADDING = 0.15  # share of the span added around the markers
ASPECT = 1.45  # width / height of the drawn map
# Markers the view is fitted to when there are any (events elsewhere stay off-screen).
FRAMING_ROLES = ("focus", "inside")
# Provinces that are cities (Kyiv, Sevastopol): named as reference cities, not as oblasts.
CITY_UNITS = ("UA-30", "UA-40")
# Where country names are written (lon, lat), chosen by eye inside each country.
COUNTRY_LABELS = {
    "Ukraine": (31.2, 49.2), "Russia": (39.5, 53.8), "Belarus": (28.0, 53.3),
    "Poland": (19.5, 52.0), "Moldova": (28.5, 47.2), "Romania": (24.8, 45.9),
    "Hungary": (19.2, 47.2), "Slovakia": (19.4, 48.75), "Turkey": (34.0, 40.6),
    "Lithuania": (23.9, 55.3), "Latvia": (25.5, 56.8), "Bulgaria": (25.2, 42.7),
    "Georgia": (43.5, 42.2),
}

# Markers named on the map: all of them up to this many, else those with this many events.
LABELLED_MARKERS = 12
LABELLED_WEIGHT = 3
# Cities drawn for orientation (grey squares, not links): (lon, lat) rounded to 0.01 degree,
# and the widest view (in degrees of latitude) each shows in, so the whole-country view
# keeps only the largest ones.
REFERENCE_CITIES = {
    "Kyiv": (30.52, 50.45, 99), "Kharkiv": (36.23, 49.99, 99), "Odesa": (30.73, 46.48, 99),
    "Lviv": (24.03, 49.84, 99), "Dnipro": (35.05, 48.46, 99), "Donetsk": (37.80, 48.00, 99),
    "Sevastopol": (33.52, 44.60, 99), "Minsk": (27.56, 53.90, 99), "Rostov-on-Don": (39.72, 47.24, 99),
    "Luhansk": (39.31, 48.57, 6), "Zaporizhzhia": (35.14, 47.84, 6), "Mariupol": (37.54, 47.10, 6),
    "Kherson": (32.62, 46.64, 6), "Mykolaiv": (31.99, 46.98, 6), "Sumy": (34.80, 50.91, 6),
    "Chernihiv": (31.29, 51.50, 6), "Poltava": (34.55, 49.59, 6), "Belgorod": (36.59, 50.60, 6),
    "Kursk": (36.19, 51.73, 6), "Voronezh": (39.18, 51.67, 6), "Simferopol": (34.10, 44.95, 6),
    "Vinnytsia": (28.47, 49.23, 6), "Zhytomyr": (28.66, 50.25, 6), "Chisinau": (28.86, 47.01, 6),
    "Kramatorsk": (37.56, 48.72, 4), "Bakhmut": (38.00, 48.59, 4), "Izium": (37.26, 49.21, 4),
    "Kupiansk": (37.61, 49.71, 4), "Melitopol": (35.37, 46.85, 4), "Pokrovsk": (37.18, 48.28, 4),
}


# The optional online tile layer (``claimledger serve --tiles URL``): slippy-map tiles in Web
# Mercator, each drawn as an image stretched over its own longitude/latitude box in the map's
# projection. Within one tile the two projections differ by well under a pixel at these scales.
TILES_ACROSS = 4  # tiles across the view's width; the zoom level is chosen for this
MAX_TILE_ZOOM = 14  # deeper tiles show streets, more than a claim map needs
MAX_TILES = 48  # per map; a taller view would otherwise ask the tile server for too many
MERCATOR_MAX_LAT = 85.0511  # the latitude where Web Mercator's square world ends


@dataclass(frozen=True)
class TileLayer:
    """An online tile server: a URL template with {z}, {x}, {y} and the attribution it requires."""

    url: str
    attribution: str

    def __post_init__(self) -> None:
        try:
            self.url.format(z=0, x=0, y=0)
        except (KeyError, IndexError, ValueError):
            raise ClaimledgerError(f"tile URL {self.url!r}: only {{z}}, {{x}} and {{y}} may stand in braces") from None
        if not self.url.startswith(("http://", "https://")) or not all(k in self.url for k in ("{z}", "{x}", "{y}")):
            raise ClaimledgerError(f"tile URL {self.url!r}: give http(s)://... with {{z}}, {{x}} and {{y}}")

    @property
    def origin(self) -> str:
        """The scheme and host the tiles come from (for the Content-Security-Policy)."""
        scheme, _, rest = self.url.partition("://")
        return f"{scheme}://{rest.split('/', 1)[0]}"


def _tile_lon(x: int, zoom: int) -> float:
    return x / 2 ** zoom * 360.0 - 180.0


def _tile_lat(y: int, zoom: int) -> float:
    return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / 2 ** zoom))))


def tile_images(viewbox: str, layer: TileLayer | None) -> list[dict[str, Any]]:
    """Return the tiles that cover a map's ``viewbox`` as images (href, x, y, width, height in
    SVG units), or [] without a tile layer."""
    if layer is None:
        return []
    x0, y0, width, height = (float(v) for v in viewbox.split())
    lon0, lat1 = unproject(x0, y0)
    lon1, lat0 = unproject(x0 + width, y0 + height)
    lat0, lat1 = max(lat0, -MERCATOR_MAX_LAT), min(lat1, MERCATOR_MAX_LAT)
    zoom = max(1, min(MAX_TILE_ZOOM, round(math.log2(TILES_ACROSS * 360.0 / max(lon1 - lon0, 1e-6)))))
    n = 2 ** zoom

    def tile_x(lon: float) -> int:
        return min(n - 1, max(0, int((lon + 180.0) / 360.0 * n)))

    def tile_y(lat: float) -> int:
        rad = math.radians(lat)
        return min(n - 1, max(0, int((1 - math.asinh(math.tan(rad)) / math.pi) / 2 * n)))

    images = []
    for ty in range(tile_y(lat1), tile_y(lat0) + 1):
        for tx in range(tile_x(lon0), tile_x(lon1) + 1):
            left, top = project(_tile_lon(tx, zoom), _tile_lat(ty, zoom))
            right, bottom = project(_tile_lon(tx + 1, zoom), _tile_lat(ty + 1, zoom))
            images.append({"href": layer.url.format(z=zoom, x=tx, y=ty), "x": round(left, 2),
                           "y": round(top, 2), "width": round(right - left, 2),
                           "height": round(bottom - top, 2)})
            if len(images) >= MAX_TILES:
                return images
    return images


@lru_cache(maxsize=1)
def load_oblasts() -> tuple[dict[str, Any], ...]:
    """Return the packaged provinces (name, iso, country, lon, lat of the label point)."""
    data = json.loads(resources.files(__package__).joinpath(OBLASTS).read_text(encoding="utf-8"))
    return tuple(data["oblasts"])


def read_outline(group: str) -> list[list[tuple[float, float]]]:
    """Return the rings (lon, lat) of a group of the packaged base map (``land``, ``ukraine``,
    ``oblasts``): its path data decoded, for checks such as "is Sevastopol in Ukraine"."""
    import re

    text = resources.files(__package__).joinpath(BASEMAP).read_text(encoding="utf-8")
    found = re.search(rf'<g id="{group}">(.*?)</g>', text, re.S)
    if found is None:
        raise ClaimledgerError(f"{BASEMAP} has no group {group!r}")
    rings = []
    for data in re.findall(r' d="([^"]+)"', found.group(1)):
        for part in re.findall(r"M[^M]+", data):
            head, _, tail = part[1:].partition("l")
            x, y = (float(v) for v in head.split())
            ring = [unproject(x, y)]
            numbers = [float(v) for v in re.findall(r"-?(?:\d+\.?\d*|\.\d+)", tail.rstrip("z"))]
            for dx, dy in zip(numbers[::2], numbers[1::2]):
                x, y = x + dx, y + dy
                ring.append(unproject(x, y))
            rings.append(ring)
    return rings


def inside(rings: list[list[tuple[float, float]]], lon: float, lat: float) -> bool:
    """Return True when (lon, lat) is inside the rings (even-odd rule, as SVG fills them)."""
    hit = False
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
                hit = not hit
    return hit


def _bounds(points: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    located = [(p["lon"], p["lat"]) for p in points if p.get("lat") is not None]
    framing = [(p["lon"], p["lat"]) for p in points if p.get("lat") is not None
               and p.get("role") in FRAMING_ROLES]
    located = framing or located
    if not located:
        return DEFAULT_BOUNDS
    lons, lats = [lon for lon, _ in located], [lat for _, lat in located]
    lon0, lon1, lat0, lat1 = min(lons), max(lons), min(lats), max(lats)
    span = max(lat1 - lat0, (lon1 - lon0) * math.cos(math.radians(CENTRE_LAT)), MIN_SPAN_DEG)
    pad = span * PADDING
    mid_lon, mid_lat = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    half_lat = span / 2 + pad
    half_lon = half_lat / math.cos(math.radians(CENTRE_LAT))
    return mid_lon - half_lon, mid_lat - half_lat, mid_lon + half_lon, mid_lat + half_lat


def _fit(lon0: float, lat0: float, lon1: float, lat1: float) -> tuple[float, float, float, float]:
    """Return the SVG box (x, y, width, height) of a lon/lat box widened to the map's aspect."""
    x0, y1 = project(lon0, lat0)
    x1, y0 = project(lon1, lat1)
    width, height = x1 - x0, y1 - y0
    if width / height < ASPECT:  # widen to the drawn aspect, keeping the centre
        extra = height * ASPECT - width
        x0, width = x0 - extra / 2, width + extra
    else:
        extra = width / ASPECT - height
        y0, height = y0 - extra / 2, height + extra
    return x0, y0, width, height


def _text_box(x: float, y: float, text: str, size: float, anchor: str) -> tuple[float, ...]:
    """Return the box (x0, y0, x1, y1) a label of ``size`` takes (an estimate: 0.6 em a letter;
    map.js measures the drawn text instead)."""
    width = len(text) * size * 0.6
    left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    return left, y - size * 0.8, left + width, y + size * 0.25


def _free(box: tuple[float, ...], taken: list[tuple[float, ...]]) -> bool:
    return all(box[2] <= t[0] or box[0] >= t[2] or box[3] <= t[1] or box[1] >= t[3] for t in taken)


def place_labels(markers: list[dict[str, Any]], others: list[dict[str, Any]], unit: float) -> None:
    """Give each marker that should be named a label position beside it (right, left, above,
    below) where the label overlaps no marker and no label placed before it; markers are
    named in the order given (the focus and the busiest first). ``others`` (cities, oblast
    and country names, in priority order) are kept only where they collide with nothing.
    Sets ``label`` (False when no free position exists), ``lx``, ``ly`` and ``anchor``."""
    taken = [(m["x"] - m["r"], m["y"] - m["r"], m["x"] + m["r"], m["y"] + m["r"]) for m in markers]
    for marker in markers:
        if not marker.get("label"):
            continue
        size, gap = marker["size"], marker["r"] + unit * 0.8
        marker["label"] = False
        for lx, ly, anchor in ((marker["x"] + gap, marker["y"] + size * 0.35, "start"),
                               (marker["x"] - gap, marker["y"] + size * 0.35, "end"),
                               (marker["x"], marker["y"] - gap, "middle"),
                               (marker["x"], marker["y"] + gap + size * 0.8, "middle")):
            box = _text_box(lx, ly, marker["name"], size, anchor)
            if _free(box, taken):
                taken.append(box)
                marker.update(label=True, lx=round(lx, 1), ly=round(ly, 1), anchor=anchor)
                break
    for other in others:
        box = _text_box(other["x"], other["y"], other["name"], other["size"], other.get("anchor", "middle"))
        other["shown"] = _free(box, taken)
        if other["shown"]:
            taken.append(box)


def _halves(latest: dict[str, tuple[str, str]]) -> list[str]:
    """Return the kind that colours each half of a marker (left: Ukrainian side, right: Russian
    side), ``none`` where that side made no control claim."""
    return [latest[side][1] if side in latest else "none" for side in MARKER_SIDES]


def _marker_title(point: dict[str, Any]) -> str:
    parts = [point.get("name") or point["key"]]
    if point.get("approximate"):
        parts.append(APPROXIMATE_NOTE)
    latest = point.get("latest") or {}
    for side, label in (("ukraine", "Ukrainian side"), ("russia", "Russian side")):
        if side in latest:
            day, kind = latest[side]
            parts.append(f"{label}, latest {day}: {KIND_LABELS.get(kind, kind)}")
    events = point.get("events") or {}
    if events:
        parts.append(", ".join(f"{t.replace('_', ' ')} {n}" for t, n in events.items()))
    return " · ".join(parts)


def draw_map(points: list[dict[str, Any]], *, focus: dict[str, Any] | None = None,
             max_labels: int | None = None, bounds: tuple[float, ...] | None = None) -> dict[str, Any]:
    """Return what the map template draws: ``viewbox`` (and ``world``, the widest view), ``markers``
    (x, y, r, name, key, role, approximate, halves, control, first, label position), ``labels``
    (country names), ``oblast_names``, reference ``cities``, ``days`` for the time slider, ``unit``
    and ``approximate`` (how many markers stand at an approximate point; the legend explains them).

    ``points`` are dicts with lat, lon, key, name, role (focus|inside|event), approximate (True:
    lat/lon are an approximate point), events (type -> count) and, from
    :meth:`map_data.ControlClaims.annotate`, control, latest and first; the
    view fits them all (or ``bounds``), or shows Ukraine when none has coordinates.
    ``max_labels`` names only that many markers, the heaviest.
    """
    x0, y0, width, height = _fit(*(bounds or _bounds(points)))
    unit = width / 160  # one "point" of the drawing, for radii and font sizes
    markers = []
    for point in points:
        if point.get("lat") is None or point.get("lon") is None:
            continue
        x, y = project(point["lon"], point["lat"])
        weight = sum((point.get("events") or {}).values()) + len(point.get("control") or ())
        quiet = not point.get("control")  # named only: a small grey dot
        radius = unit * (2.0 if point.get("role") == "focus" else
                         (0.8 + min(weight, 9) * 0.05) if quiet else 1.1 + min(weight, 9) * 0.12)
        markers.append({**point, "x": round(x, 1), "y": round(y, 1), "r": round(radius, 2),
                        "approximate": bool(point.get("approximate")),
                        "weight": weight, "halves": _halves(point.get("latest") or {}),
                        "data_control": encode_controls(point.get("control") or []),
                        "title": _marker_title(point),
                        "size": round(unit * (3.0 if point.get("role") == "focus" else 2.4), 2)})
    # the focus first, then the busiest: named in this order, drawn in the reverse (focus on top)
    markers.sort(key=lambda m: (m.get("role") != "focus", -m["weight"], m.get("name") or ""))
    named = max_labels if max_labels is not None else len(markers)
    for index, marker in enumerate(markers):
        marker["label"] = index < named and (marker.get("role") == "focus" or len(markers) <= LABELLED_MARKERS
                                             or marker["weight"] >= LABELLED_WEIGHT or max_labels is not None)
    span_lat = height / UNITS

    def visible(x: float, y: float) -> bool:
        return x0 <= x <= x0 + width and y0 <= y <= y0 + height

    marker_names = {(m.get("name") or "").lower() for m in markers}
    cities = []
    for name, (lon, lat, widest) in REFERENCE_CITIES.items():
        x, y = project(lon, lat)
        if name.lower() not in marker_names:
            cities.append({"name": name, "x": round(x, 1), "y": round(y, 1), "widest": widest,
                           "tx": round(x + unit * 1.2, 1),  # the name starts right of the square
                           "size": round(unit * 2.4, 2), "near": span_lat <= widest and visible(x, y)})
    oblast_names = []
    for oblast in load_oblasts():
        if oblast["iso"] in CITY_UNITS:
            continue
        x, y = project(oblast["lon"], oblast["lat"])
        oblast_names.append({"name": oblast["name"].replace(" Oblast", ""), "x": round(x, 1),
                             "y": round(y, 1), "size": round(unit * 2.2, 2), "iso": oblast["iso"]})
    labels = []
    for name, (lon, lat) in COUNTRY_LABELS.items():
        x, y = project(lon, lat)
        labels.append({"name": name, "x": round(x, 1), "y": round(y, 1), "size": round(unit * 3.2, 2)})
    shown_cities = [dict(c, x=c["tx"], anchor="start") for c in cities if c["near"]]
    place_labels(markers, [*shown_cities, *[o for o in oblast_names if span_lat <= 6 and visible(o["x"], o["y"])],
                           *[c for c in labels if visible(c["x"], c["y"])]], unit)
    shown = {c["name"] for c in shown_cities if c["shown"]}
    for city in cities:
        city["shown"] = city["name"] in shown
    markers.reverse()
    days = sorted({c[0] for m in markers for c in m.get("control") or ()})
    wx0, wy0, wwidth, wheight = _fit(*WORLD_BOUNDS)
    return {"viewbox": f"{x0:.1f} {y0:.1f} {width:.1f} {height:.1f}",
            "world": f"{wx0:.1f} {wy0:.1f} {wwidth:.1f} {wheight:.1f}",
            "base": BASEMAP_URL, "labels": labels, "oblast_names": oblast_names,
            "markers": markers, "cities": cities, "days": days,
            "approximate": sum(1 for m in markers if m["approximate"]), "approximate_note": APPROXIMATE_NOTE,
            "unit": round(unit, 2), "focus": (focus or {}).get("key"), "source": SOURCE_NOTE,
            "max_labels": max_labels if max_labels is not None else 1000}
