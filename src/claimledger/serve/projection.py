"""The map projection of the web view, shared by the page code and scripts/build_basemap.py.

A fixed equirectangular projection centred on Ukraine: x = (lon - ORIGIN_LON) * cos(CENTRE_LAT)
* UNITS, y = (ORIGIN_LAT - lat) * UNITS, in SVG units (no imports: the build script loads this
file on its own).
"""
from __future__ import annotations

import math

ORIGIN_LON, ORIGIN_LAT = 12.0, 60.0
CENTRE_LAT = 48.5  # Ukraine's middle: distortion under 10% across the country
UNITS = 100.0  # SVG units per degree of latitude
X_SCALE = math.cos(math.radians(CENTRE_LAT)) * UNITS


def project(lon: float, lat: float) -> tuple[float, float]:
    """Return the SVG (x, y) of a longitude and latitude."""
    return (lon - ORIGIN_LON) * X_SCALE, (ORIGIN_LAT - lat) * UNITS


def unproject(x: float, y: float) -> tuple[float, float]:
    """Return the (longitude, latitude) of an SVG point (the inverse of :func:`project`)."""
    return x / X_SCALE + ORIGIN_LON, ORIGIN_LAT - y / UNITS
