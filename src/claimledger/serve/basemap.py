"""The offline base map: Natural Earth country outlines drawn as SVG, with markers.

``static/map/basemap.json`` holds the outlines of Ukraine and its neighbours (built by
``scripts/build_basemap.py`` from the npm package world-atlas; Natural Earth data are
public domain). Coordinates are projected once with a fixed equirectangular projection
centred on Ukraine, so the country paths are computed once per process; a view is a
``viewBox`` over them, zoomed to the markers it shows.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import ClaimledgerError

BASEMAP = "static/map/basemap.json"
# Projection: x = (lon - ORIGIN_LON) * cos(CENTRE_LAT) * UNITS, y = (ORIGIN_LAT - lat) * UNITS.
ORIGIN_LON, ORIGIN_LAT = 12.0, 60.0
CENTRE_LAT = 48.5  # Ukraine's middle: distortion under 10% across the country
UNITS = 100.0  # SVG units per degree of latitude
# The view when nothing can be placed: Ukraine with Crimea and the border regions.
DEFAULT_BOUNDS = (22.0, 44.2, 40.5, 52.5)  # lon_min, lat_min, lon_max, lat_max
MIN_SPAN_DEG = 3.0  # a single village still shows its surroundings
PADDING = 0.15  # share of the span added around the markers
ASPECT = 1.6  # width / height of the drawn map
# Markers the view is fitted to when there are any (events elsewhere stay off-screen).
FRAMING_ROLES = ("focus", "inside")
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


def project(lon: float, lat: float) -> tuple[float, float]:
    """Return the SVG (x, y) of a longitude and latitude."""
    return ((lon - ORIGIN_LON) * math.cos(math.radians(CENTRE_LAT)) * UNITS,
            (ORIGIN_LAT - lat) * UNITS)


def unproject(x: float, y: float) -> tuple[float, float]:
    """Return the (longitude, latitude) of an SVG point (the inverse of :func:`project`)."""
    return (x / (math.cos(math.radians(CENTRE_LAT)) * UNITS) + ORIGIN_LON, ORIGIN_LAT - y / UNITS)


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
def load_country_paths() -> tuple[tuple[str, str], ...]:
    """Return (country name, SVG path data) for every outline of the packaged base map."""
    data = json.loads(resources.files(__package__).joinpath(BASEMAP).read_text(encoding="utf-8"))
    paths = []
    for country in data["countries"]:
        parts = []
        for ring in country["rings"]:
            points = [project(lon, lat) for lon, lat in ring]
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
        paths.append((country["name"], "".join(parts)))
    return tuple(paths)


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


def draw_map(points: list[dict[str, Any]], *, focus: dict[str, Any] | None = None,
             max_labels: int | None = None) -> dict[str, Any]:
    """Return what the map template draws: ``viewbox``, country ``paths``, ``labels``,
    ``markers`` (x, y, r, name, key, role, events), reference ``cities`` and the marker
    radius unit.

    ``points`` are dicts with lat, lon, key, name, role (focus|inside|event) and events
    (type -> count); the view fits them all, or shows Ukraine when none has coordinates.
    ``max_labels`` names only that many markers, the heaviest.
    """
    lon0, lat0, lon1, lat1 = _bounds(points)
    x0, y1 = project(lon0, lat0)
    x1, y0 = project(lon1, lat1)
    width, height = x1 - x0, y1 - y0
    if width / height < ASPECT:  # widen to the drawn aspect, keeping the centre
        extra = height * ASPECT - width
        x0, width = x0 - extra / 2, width + extra
    else:
        extra = width / ASPECT - height
        y0, height = y0 - extra / 2, height + extra
    unit = width / 160  # one "point" of the drawing, for radii and font sizes
    markers = []
    for point in points:
        if point.get("lat") is None or point.get("lon") is None:
            continue
        x, y = project(point["lon"], point["lat"])
        weight = sum(point.get("events", {}).values())
        radius = unit * (2.2 if point.get("role") == "focus" else 1.2 + min(weight, 9) * 0.15)
        markers.append({**point, "x": round(x, 1), "y": round(y, 1), "r": round(radius, 2),
                        "weight": weight})
    markers.sort(key=lambda m: m.get("role") == "focus")  # the focus drawn last, on top
    for marker in markers:  # name the focus, the busy places, and every place of a small map
        marker["label"] = (marker.get("role") == "focus" or marker["weight"] >= LABELLED_WEIGHT
                           or len(markers) <= LABELLED_MARKERS)
    if max_labels is not None:  # a crowded overview: only the heaviest markers are named
        heaviest = sorted(markers, key=lambda m: -m["weight"])[:max_labels]
        for marker in markers:
            marker["label"] = any(marker is m for m in heaviest)
    labels = []
    for name, (lon, lat) in COUNTRY_LABELS.items():
        x, y = project(lon, lat)
        if x0 <= x <= x0 + width and y0 <= y <= y0 + height:
            labels.append({"name": name, "x": round(x, 1), "y": round(y, 1)})
    span_lat = height / UNITS
    named = {(m.get("name") or "").lower() for m in markers if m["label"]}
    cities = []
    for name, (lon, lat, widest) in REFERENCE_CITIES.items():
        x, y = project(lon, lat)
        if (span_lat <= widest and name.lower() not in named
                and x0 <= x <= x0 + width and y0 <= y <= y0 + height):
            cities.append({"name": name, "x": round(x, 1), "y": round(y, 1)})
    return {"viewbox": f"{x0:.1f} {y0:.1f} {width:.1f} {height:.1f}",
            "paths": load_country_paths(), "labels": labels, "markers": markers,
            "cities": cities,
            "unit": round(unit, 2), "focus": (focus or {}).get("key")}
