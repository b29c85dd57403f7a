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
from .sides import side_of_claim

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
               events.c.modality == "factual")
    )
    found: dict[str, list[tuple[str, str, str]]] = {}
    for row in conn.execute(stmt):
        day = _day(row.when, row.published)
        if day is None:
            continue
        side = side_of_claim({"outlet": row.outlet, "url": row.url, "speaker": row.speaker,
                              "speaker_role": row.speaker_role})
        try:
            names = json.loads(row.places or "[]")
        except ValueError:
            continue
        for name in names:
            if not isinstance(name, str):
                continue
            key = name if REF.match(name) else place_key(None, name)
            if key:
                found.setdefault(key, []).append((day, side, row.type))
    for claims in found.values():
        claims.sort()
    return found


def _read_first_days(conn) -> dict[str, str]:
    places, articles = schema.places, schema.articles
    key = func.coalesce(places.c.ref, "name:" + places.c.name)
    stmt = (select(key.label("key"), func.min(articles.c.published).label("first"))
            .join(articles, articles.c.id == places.c.article_id)
            .where(key.is_not(None)).group_by(key))
    return {row.key: row.first[:10] for row in conn.execute(stmt)
            if row.first and ISO_DATE.match(row.first)}


class ControlClaims:
    """Every place's control claims ``(day, side, kind)`` in date order, and the day each place
    was first reported, cached per state of the store."""

    def __init__(self, store: ReadOnlyStore):
        self._store = store
        self._lock = threading.Lock()
        self._state: tuple[int, int] | None = None
        self._controls: dict[str, list[tuple[str, str, str]]] = {}
        self._first: dict[str, str] = {}

    def _refresh(self) -> None:
        articles = schema.articles
        with self._store.connect() as conn:
            row = conn.execute(select(func.count(), func.max(articles.c.pk))).one()
            state = (int(row[0]), int(row[1] or 0))
            with self._lock:
                if state != self._state:
                    self._controls = _read_controls(conn)
                    self._first = _read_first_days(conn)
                    self._state = state

    def of(self, key: str) -> list[tuple[str, str, str]]:
        """Return the control claims about the place under ``key``, oldest first."""
        self._refresh()
        return self._controls.get(key, [])

    def first_day(self, key: str) -> str | None:
        """Return the publication day of the first article naming the place, or None."""
        self._refresh()
        return self._first.get(key)

    def annotate(self, points: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Add ``control`` (claims), ``latest`` (side -> (day, kind)) and ``first`` (the day
        a marker appears on the time slider) to map points, in place."""
        for point in points:
            claims = self.of(point["key"])
            point["control"] = claims
            point["latest"] = latest_by_side(claims)
            days = [d for d, _, _ in claims]
            first = self.first_day(point["key"])
            point["first"] = min([*days, first] if first else days) if (days or first) else None
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
