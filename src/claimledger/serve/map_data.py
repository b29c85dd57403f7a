"""What the maps need from the ledger: each place's control claims by side and date.

A marker shows the asserted, factual control claims of the store's control ledger
(:mod:`claimledger.store.control`: an event of a :data:`CONTROL_KINDS` type, a place taken, an
attack repelled, fighting, a withdrawal, a "security zone", naming a place). Its side is the
side of the claim it belongs to: the article's outlet, or the speaker of the attribution that
carries it when the outlet's side is unknown (as :func:`sides.side_of_claim` decides). Its date
is the event's own date, else the article's publication date.

One read of the events table per state of the store (article count and last key), cached like
the place catalogue, so a map costs a dictionary look-up per marker.
"""
from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import func, select

from ..control import CONTROL_KINDS
from ..store import schema
from ..store.control import read_control_claims
from .readonly import ReadOnlyStore

__all__ = ["CONTROL_KINDS", "KIND_LABELS", "MARKER_SIDES", "ControlClaims", "encode_controls",
           "latest_by_side"]

KIND_LABELS = {"territory_control": "taken / control changed", "attack_repelled": "attack repelled",
               "clash": "fighting", "withdrawal": "withdrawal", "security_zone": "security zone"}
# The two halves of a marker: the side whose latest claim colours the left half, then the right.
MARKER_SIDES = ("ukraine", "russia")


def _read_controls(conn) -> dict[str, list[tuple[str, str, str]]]:
    """Return each place's asserted, factual control claims (day, side, kind), oldest first
    (the store's control ledger, :func:`read_control_claims`, reduced to what markers show)."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    for claim in read_control_claims(conn, factual_only=True):
        if claim.date is not None:
            found.setdefault(claim.place, []).append((claim.date, claim.map_side, claim.kind))
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
