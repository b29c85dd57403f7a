"""Approximate points: where to draw a Ukrainian settlement the record gives no coordinates.

For most of Ukraine's settlements (about 24,000 of 29,700) the packaged gazetteer knows only the
centre of their hromada (precision ``hromada_centre_approx``: OpenStreetMap via KSE, ODbL; typically
within 15-20 km of the settlement). The record format keeps ``lat``/``lon`` null for them, and so do
the stored places; the web view still wants to draw them, so a place with a KATOTTG ref and no
coordinates gets an ``approximate_point`` here, ``{lat, lon, precision: "hromada_centre"}``, kept
apart from its ``lat``/``lon`` (which keep their meaning: exact, or null). The maps draw such a
marker with a dashed ring and say in its title that it is approximate; the JSON API carries the
object beside ``lat``/``lon`` (null for a place with exact coordinates or none at all).

The gazetteer is read the first time a place without coordinates asks (a store whose places all
have coordinates never reads it), and only its hromada centres are kept: about 24,000 refs, some
14 MB, instead of the whole gazetteer's 100 MB (which is used when the process has loaded it anyway).
"""
from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from .extract.places.gazetteer import load_gazetteer
from .extract.places.gazetteer_entries import ENTRY_FIELDS

__all__ = ["APPROXIMATE_NOTE", "PRECISION", "add_approximate_points", "approximate_point",
           "hromada_centres", "map_position"]

# The gazetteer's precision of a settlement located only by the centre of its hromada.
GAZETTEER_PRECISION = "hromada_centre_approx"
# What the API's ``approximate_point.precision`` says for it.
PRECISION = "hromada_centre"
# The words a marker's title and the map's legend use for such a point (KSE's hromada centres lie
# within 15-20 km of their settlements; the hromadas of Ukraine are at most ~40 km across).
APPROXIMATE_NOTE = "approximate location: the centre of its hromada, within ~20 km"
# KATOTTG codes (the only refs the gazetteer has hromada centres for) begin with this.
KATOTTG_PREFIX = "UA"

_lock = threading.Lock()
_centres: dict[str, tuple[float, float]] | None = None


def _read_centres() -> dict[str, tuple[float, float]]:
    """Return ref -> (lat, lon) of every settlement the gazetteer locates by its hromada centre."""
    if load_gazetteer.cache_info().currsize:  # loaded in this process already: read its columns
        entries = load_gazetteer().entries
        columns = {name: entries.column(name) for name in ("ref", "lat", "lon", "precision")}
    else:  # only the columns needed; the rest of the tables is freed when this returns
        from .extract.places.gazetteer_cache import load_tables

        columns = dict(zip(ENTRY_FIELDS, load_tables().columns))
    return {ref: (lat, lon) for ref, lat, lon, precision in zip(
                columns["ref"], columns["lat"], columns["lon"], columns["precision"])
            if precision == GAZETTEER_PRECISION and ref and lat is not None and lon is not None}


def hromada_centres() -> dict[str, tuple[float, float]]:
    """Return ref -> (lat, lon) of the hromada centre of each settlement the gazetteer has no
    point of its own for; read once per process, on first use."""
    global _centres
    if _centres is None:
        with _lock:
            if _centres is None:
                _centres = _read_centres()
    return _centres


def approximate_point(ref: str | None, lat: float | None, lon: float | None) -> dict[str, Any] | None:
    """Return ``{lat, lon, precision}`` for a place with a KATOTTG ``ref`` and no coordinates of its
    own (``lat``/``lon`` null) whose hromada centre the gazetteer knows; else None."""
    if (lat is not None and lon is not None) or not ref or not ref.startswith(KATOTTG_PREFIX):
        return None
    found = hromada_centres().get(ref)
    if found is None:
        return None
    return {"lat": found[0], "lon": found[1], "precision": PRECISION}


def add_approximate_points(places: Iterable[dict[str, Any]]) -> None:
    """Set ``approximate_point`` on each place dict (with ``ref``, ``lat``, ``lon``), in place."""
    for place in places:
        place["approximate_point"] = approximate_point(place.get("ref"), place.get("lat"),
                                                       place.get("lon"))


def map_position(place: dict[str, Any]) -> tuple[float, float, bool] | None:
    """Return where a map draws a place: (lat, lon, approximate), its own coordinates first, else
    its ``approximate_point`` (approximate True); None when it has neither."""
    if place.get("lat") is not None and place.get("lon") is not None:
        return place["lat"], place["lon"], False
    point = place.get("approximate_point")
    if point:
        return point["lat"], point["lon"], True
    return None
