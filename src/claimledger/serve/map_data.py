"""What the maps need from the ledger: each place's control claims by side and date.

A *control claim* is an asserted, factual event of a :data:`CONTROL_KINDS` type (a place taken,
an attack repelled, fighting, a withdrawal, a "security zone") naming a place. Its side is the
side of the claim it belongs to: the article's outlet, or the speaker of the attribution that
carries it when the outlet's side is unknown (as :func:`sides.side_of_claim` decides). Its date
is the event's own date, else the article's publication date.

One read of the events table per state of the store (article count and last key), cached like
the place catalogue, so a map costs a dictionary look-up per marker.
"""
from __future__ import annotations

import json
import re
import threading
from typing import Any

from sqlalchemy import and_, func, select

from ..store import schema
from .queries import place_key
from .readonly import ReadOnlyStore
from .sides import UNKNOWN, side_of_claim, side_of_outlet

# The event types a control claim can be, in the order the legend lists them.
CONTROL_KINDS = ("territory_control", "attack_repelled", "clash", "withdrawal", "security_zone")
KIND_LABELS = {"territory_control": "taken / control changed", "attack_repelled": "attack repelled",
               "clash": "fighting", "withdrawal": "withdrawal", "security_zone": "security zone"}
# The two halves of a marker: the side whose latest claim colours the left half, then the right.
MARKER_SIDES = ("ukraine", "russia")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
REF = re.compile(r"^(UA\d+|[a-z]+:\S+)$")  # a gazetteer ref (KATOTTG, geonames:<id>); else a name


def _day(when: str | None, published: str | None) -> str | None:
    for value in (when, published):
        if value and ISO_DATE.match(value):
            return value[:10]
    return None


def _keys(places: str | None) -> list[str]:
    """Return the place keys of an event's places (a JSON list of refs or names)."""
    try:
        names = json.loads(places or "[]")
    except ValueError:
        return []
    return [name if REF.match(name) else place_key(None, name)
            for name in names if isinstance(name, str) and name]


def _read_controls(conn) -> dict[str, list[tuple[str, str, str]]]:
    events, articles, attributions = schema.events, schema.articles, schema.attributions
    stmt = (
        select(events.c.type, events.c.places, events.c.when, articles.c.published,
               articles.c.outlet, articles.c.url, attributions.c.speaker,
               attributions.c.speaker_role)
        .join(articles, articles.c.id == events.c.article_id)
        .outerjoin(attributions, and_(attributions.c.article_id == events.c.article_id,
                                      attributions.c.local_id == events.c.claimed_by))
        .where(events.c.type.in_(CONTROL_KINDS), events.c.polarity == "asserted",
               events.c.modality == "factual", events.c.places != "[]")
    )
    found: dict[str, list[tuple[str, str, str]]] = {}
    keys: dict[str, list[str]] = {}  # the places text of an event -> place keys (texts repeat)
    for row in conn.execute(stmt):
        day = _day(row.when, row.published)
        if day is None:
            continue
        side = side_of_outlet(row.outlet) if row.outlet else UNKNOWN  # cached per outlet
        if side == UNKNOWN:  # as the timeline decides it: the URL, then the speaker
            side = side_of_claim({"outlet": row.outlet, "url": row.url, "speaker": row.speaker,
                                  "speaker_role": row.speaker_role})
        if row.places not in keys:
            keys[row.places] = _keys(row.places)
        for key in keys[row.places]:
            found.setdefault(key, []).append((day, side, row.type))
    for claims in found.values():
        claims.sort()
    return found


class ControlClaims:
    """Every place's control claims ``(day, side, kind)`` in date order, cached per state of the
    store (on a store of 10,000 articles the read takes about a second)."""

    def __init__(self, store: ReadOnlyStore):
        self._store = store
        self._lock = threading.Lock()
        self._state: tuple[int, int] | None = None
        self._controls: dict[str, list[tuple[str, str, str]]] = {}

    def _refresh(self) -> None:
        articles = schema.articles
        with self._store.connect() as conn:
            row = conn.execute(select(func.count(), func.max(articles.c.pk))).one()
            state = (int(row[0]), int(row[1] or 0))
            with self._lock:
                if state != self._state:
                    self._controls = _read_controls(conn)
                    self._state = state

    def of(self, key: str) -> list[tuple[str, str, str]]:
        """Return the control claims about the place under ``key``, oldest first."""
        self._refresh()
        return self._controls.get(key, [])

    def annotate(self, points: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Add ``control`` (claims), ``latest`` (side -> (day, kind)) and ``first`` (the day
        of the first control claim: a marker's first day on the time slider; None for a place
        named without one, shown only with every date) to map points, in place."""
        for point in points:
            claims = self.of(point["key"])
            point["control"] = claims
            point["latest"] = latest_by_side(claims)
            point["first"] = claims[0][0] if claims else None
        return points


def latest_by_side(claims: list[tuple[str, str, str]], until: str | None = None
                   ) -> dict[str, tuple[str, str]]:
    """Return each side's latest control claim ``(day, kind)`` up to ``until`` (inclusive)."""
    latest: dict[str, tuple[str, str]] = {}
    for day, side, kind in claims:
        if until is None or day <= until:
            latest[side] = (day, kind)
    return latest


def encode_controls(claims: list[tuple[str, str, str]]) -> str:
    """Return control claims as the marker's ``data-control`` text: "day side kind;..."."""
    return ";".join(f"{day} {side} {kind}" for day, side, kind in claims)
