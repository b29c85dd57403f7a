"""Exports for research: JSONL records, a flat claims CSV and places as GeoJSON (Parquet tables:
export_parquet.py, from the same claim columns).

Every writer takes an iterable and an open text stream, writes as it reads (nothing
but the current item is held in memory) and returns how many items it wrote.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from .approximate_points import approximate_point
from .claims import CLAIM_FIELDS
from .models import AnalysedDocument, Place
from .record import document_to_record

# Columns of the claims CSV, in order: the claim fields, with events and places flattened into
# the columns below; list values are joined with LIST_SEPARATOR.
_CLAIM_COLUMNS = tuple(f for f in CLAIM_FIELDS if f not in ("events", "places"))
CLAIM_CSV_COLUMNS = _CLAIM_COLUMNS + (
    "event_types", "event_triggers", "event_places", "event_whens", "event_quantities",
    "event_polarities", "event_modalities", "place_names", "place_refs",
)
LIST_SEPARATOR = "; "


def write_records(docs: Iterable[AnalysedDocument], out: TextIO) -> int:
    """Write one JSON record (DESIGN.md's format) per document and line; return the count."""
    count = 0
    for doc in docs:
        out.write(json.dumps(document_to_record(doc), ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(_cell(v) for v in value if v is not None and v != "")
    return str(value)


def claim_columns(row: Mapping[str, Any]) -> dict[str, Any]:
    """Return a find_claims-style row as the flat columns :data:`CLAIM_CSV_COLUMNS`: scalars as
    they are, lists (hedges, event fields, places) as lists. The ``event_*`` lists hold one item
    per event of the claim, in order (``event_places`` every place of every event)."""
    events = row.get("events") or ()
    places = row.get("places") or ()
    flat = {key: row.get(key) for key in _CLAIM_COLUMNS}
    flat.update({
        "event_types": [e.get("type") for e in events],
        "event_triggers": [e.get("trigger") for e in events],
        "event_places": [p for e in events for p in e.get("places") or ()],
        "event_whens": [e.get("when") for e in events],
        "event_quantities": [e.get("quantity") for e in events],
        "event_polarities": [e.get("polarity") for e in events],
        "event_modalities": [e.get("modality") for e in events],
        "place_names": [p.get("name") or p.get("text") for p in places],
        "place_refs": [p.get("ref") for p in places],
    })
    return flat


def _flatten_claim(row: Mapping[str, Any]) -> dict[str, str]:
    return {key: _cell(value) for key, value in claim_columns(row).items()}


def write_claims_csv(rows: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """Write find_claims-style rows as CSV (header + one flat row each); return the count.

    Columns are :data:`CLAIM_CSV_COLUMNS`; lists (hedges, event fields, places) are
    joined with ``"; "``; missing keys give empty cells.
    """
    writer = csv.DictWriter(out, fieldnames=CLAIM_CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(_flatten_claim(row))
        count += 1
    return count


def _place_key(place: Place) -> str:
    return place.ref or f"name:{(place.name or place.text).lower()}"


def _place_features(doc: AnalysedDocument) -> list[dict[str, Any]]:
    """Return one Point feature per distinct resolved place of a document."""
    article = doc.article
    speakers = {a.id: a.speaker or a.speaker_role or a.id for a in doc.attributions}
    features: dict[str, dict[str, Any]] = {}
    for place in doc.places:
        point = approximate_point(place.ref, place.lat, place.lon)
        if (place.lat is None or place.lon is None) and point is None:
            continue
        key = _place_key(place)
        if key in features:
            features[key]["properties"]["mentions"].append(place.text)
            continue
        names = {n.lower() for n in (place.ref, place.name, place.text) if n}
        tied = [e for e in doc.events if names & {p.lower() for p in e.places}]
        claimants = [speakers.get(e.claimed_by, e.claimed_by) if e.claimed_by
                     else (article.outlet or article.id) for e in tied]
        features[key] = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [point["lon"], point["lat"]] if point
                         else [place.lon, place.lat]},
            "properties": {
                "article_id": article.id, "outlet": article.outlet,
                "published": article.published, "language": article.language,
                "name": place.name, "ref": place.ref, "level": place.level,
                "approximate": point is not None,
                "mentions": [place.text],
                "event_types": list(dict.fromkeys(e.type for e in tied)),
                "claimants": list(dict.fromkeys(claimants)),
            },
        }
    return list(features.values())


def write_places_geojson(docs: Iterable[AnalysedDocument], out: TextIO) -> int:
    """Write a GeoJSON FeatureCollection of the resolved places; return the feature count.

    One Point per distinct place (by ref, else name) per document with coordinates, or
    with an approximate point (a Ukrainian settlement the gazetteer locates only by its
    hromada's centre: property ``approximate`` true, :mod:`claimledger.approximate_points`);
    its properties give the article, the place and the event types and claimants
    (attribution speaker, or the outlet when it asserts the event itself) tied to it.
    """
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for doc in docs:
        for feature in _place_features(doc):
            if count:
                out.write(",\n")
            out.write(json.dumps(feature, ensure_ascii=False))
            count += 1
    out.write("\n]}\n")
    return count
