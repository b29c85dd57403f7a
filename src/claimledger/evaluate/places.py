"""Scores for the places layer of one record: toponym spans, references, names, levels and coordinates.

Matching rules (one-to-one, greedy, best pair first):

* ``span_exact``: equal spans.
* ``span_overlap``: the spans share at least one character; pairs are taken by character
  Jaccard, then shared characters.
* ``found_recall`` (a ratio over all gold places, not only matched ones): some predicted place overlaps the gold one, whether or
  not that prediction is also matched to another gold place.

On the ``span_overlap`` pairs, accuracies: ``ref`` where the gold ref is not null,
``null_ref_kept`` where the gold ref is null (the prediction also gave none), ``name`` and
``level`` where gold has them, ``within_161km`` where both sides have coordinates and
``coordinates_given`` where gold has coordinates; ``within_161km_non_country`` is ``within_161km`` on the
pairs where neither side is a country (a country's point is a convention: GeoVirus gives Wikipedia's, which
no gazetteer reproduces, so settlements and regions are reported apart from countries). Recall is broken down by gold ``level`` and
precision by predicted ``level`` ("none" for GeoVirus gold, which has no levels).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .scores import (
    Board, Discrepancy, Span, count_matches, group_of, haversine_km, match_greedily,
    normalise_label, overlap_chars, read_span, snippet,
)

# Distance within which a predicted coordinate counts as right: 161 km (100 miles), the usual
# geoparsing threshold (Leidner 2008; Gritta et al. 2018, whose GeoVirus gold we use).
DISTANCE_THRESHOLD_KM = 161.0


@dataclass(frozen=True)
class Toponym:
    """The parts of one place the scorer compares."""

    span: Span
    ref: str | None
    name: str | None
    level: str
    lat: float | None
    lon: float | None

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


def read_toponyms(items: Sequence[dict[str, Any]], where: str) -> list[Toponym]:
    """Return the comparable parts of the places of one record."""
    toponyms = []
    for n, item in enumerate(items):
        span = read_span(item.get("span"), f"{where}, place {n}")
        if span is None:
            continue
        lat, lon = item.get("lat"), item.get("lon")
        toponyms.append(Toponym(
            span=span, ref=item.get("ref"), name=item.get("name"), level=group_of(item.get("level")),
            lat=None if lat is None else float(lat), lon=None if lon is None else float(lon),
        ))
    return toponyms


def match_toponyms(gold: Sequence[Toponym], predicted: Sequence[Toponym], *, exact: bool) -> dict[int, int]:
    """Match gold to predicted toponyms one-to-one by equal or overlapping spans."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            if exact:
                if g.span == p.span:
                    candidates.append(((1,), i, j))
                continue
            shared = overlap_chars(g.span, p.span)
            if shared:
                union = max(g.span[1], p.span[1]) - min(g.span[0], p.span[0])
                candidates.append(((shared / union, shared), i, j))
    return match_greedily(candidates)


def _describe(text: str, place: Toponym) -> str:
    parts = [snippet(text, place.span)]
    if place.ref or place.name:
        parts.append(f"-> {place.ref or '-'} {place.name or ''}".rstrip())
    if place.has_coordinates:
        parts.append(f"({place.lat:.2f}, {place.lon:.2f})")
    return " ".join(parts)


def score_places(
    text: str, gold_items: Sequence[dict[str, Any]], predicted_items: Sequence[dict[str, Any]],
    board: Board, errors: list[Discrepancy], record_id: str, language: str,
) -> None:
    """Add one record's place counts to ``board`` and its errors to ``errors``."""
    gold = read_toponyms(gold_items, f"gold record {record_id}")
    predicted = read_toponyms(predicted_items, f"predicted record {record_id}")
    gold_levels = [t.level for t in gold]
    predicted_levels = [t.level for t in predicted]

    count_matches(board, "span_exact", gold_levels, predicted_levels,
                  match_toponyms(gold, predicted, exact=True))
    matching = match_toponyms(gold, predicted, exact=False)
    count_matches(board, "span_overlap", gold_levels, predicted_levels, matching)
    for g in gold:
        board.count("found_recall", any(overlap_chars(g.span, p.span) for p in predicted), g.level)

    for i, j in matching.items():
        g, p = gold[i], predicted[j]
        if g.ref is not None:
            board.count("ref", g.ref == p.ref, g.level)
            if g.ref != p.ref:
                errors.append(Discrepancy("places", record_id, language, "wrong_ref",
                                          _describe(text, g), _describe(text, p)))
        else:
            board.count("null_ref_kept", p.ref is None, g.level)
        if g.name is not None:
            board.count("name", normalise_label(g.name) == normalise_label(p.name), g.level)
        if g.level != "none":
            board.count("level", g.level == p.level, g.level)
        if g.has_coordinates:
            board.count("coordinates_given", p.has_coordinates, g.level)
            if p.has_coordinates:
                km = haversine_km(g.lat, g.lon, p.lat, p.lon)  # type: ignore[arg-type]
                board.count("within_161km", km <= DISTANCE_THRESHOLD_KM, g.level)
                if "country" not in (g.level, p.level):
                    board.count("within_161km_non_country", km <= DISTANCE_THRESHOLD_KM, g.level)
                if km > DISTANCE_THRESHOLD_KM:
                    errors.append(Discrepancy("places", record_id, language, "far_coordinates",
                                              _describe(text, g), _describe(text, p),
                                              f"{km:.0f} km apart"))
    used = set(matching.values())
    for i, g in enumerate(gold):
        if i not in matching:
            errors.append(Discrepancy("places", record_id, language, "missed", gold=_describe(text, g)))
    for j, p in enumerate(predicted):
        if j not in used:
            errors.append(Discrepancy("places", record_id, language, "spurious",
                                      predicted=_describe(text, p)))
