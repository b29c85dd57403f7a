"""Build the offline base map of the web view from Natural Earth country outlines.

Input: ``countries-50m.json`` from the npm package ``world-atlas`` 2.0.2 (ISC licence;
TopoJSON of Natural Earth 4.1.0 Admin 0 countries at 1:50m, public domain). Get it with
``npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz``.
Output: ``src/claimledger/serve/static/map/basemap.json``: the countries whose outline
touches :data:`REGION`, as rings of ``[lon, lat]`` rounded to :data:`DECIMALS`, with points
outside the region (plus a margin) clamped onto its border so that Russia's outline
costs a few kilobytes instead of a megabyte.

    python scripts/build_basemap.py /tmp/package/countries-50m.json
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

# Ukraine and its neighbours, with room for zoomed-out views (lon_min, lat_min, lon_max, lat_max).
REGION = (12.0, 40.0, 50.0, 60.0)
DECIMALS = 3  # about 100 m: finer than the 1:50m source
OUTPUT = Path(__file__).resolve().parent.parent / "src/claimledger/serve/static/map/basemap.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Return the topology's arcs as absolute [lon, lat] points (undoing quantisation)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def stitch_ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Return the ring made of these arc indexes (a negative index is arc ~i reversed)."""
    ring: list[tuple[float, float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        ring.extend(points[1:] if ring else points)
    return ring


def clamp_ring(ring: list[tuple[float, float]]) -> list[list[float]]:
    """Clamp points onto REGION and round them; drop repeated points."""
    lon0, lat0, lon1, lat1 = REGION
    out: list[list[float]] = []
    for lon, lat in ring:
        point = [round(min(max(lon, lon0), lon1), DECIMALS), round(min(max(lat, lat0), lat1), DECIMALS)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def touches_region(ring: list[tuple[float, float]]) -> bool:
    lon0, lat0, lon1, lat1 = REGION
    return any(lon0 <= lon <= lon1 and lat0 <= lat <= lat1 for lon, lat in ring)


def build_countries(topology: dict) -> list[dict]:
    """Return ``{"id", "name", "rings"}`` for every country with a ring in REGION."""
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = []
        for polygon in polygons:
            for indexes in polygon:
                ring = stitch_ring(indexes, arcs)
                if touches_region(ring):
                    clamped = clamp_ring(ring)
                    if len(clamped) >= 4:
                        rings.append(clamped)
        if rings:
            countries.append({"id": geometry.get("id"), "name": geometry["properties"]["name"],
                              "rings": rings})
    return countries


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    countries = build_countries(topology)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    payload = {"source": "Natural Earth 4.1.0 Admin 0 countries 1:50m via world-atlas 2.0.2",
               "region": REGION, "countries": countries}
    OUTPUT.write_text(json.dumps(payload, separators=(",", ":")), encoding="utf-8")
    print(f"{len(countries)} countries, {OUTPUT.stat().st_size // 1024} KiB -> {OUTPUT}")


if __name__ == "__main__":
    main(sys.argv[1])
