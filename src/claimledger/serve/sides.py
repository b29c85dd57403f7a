"""Sides as the pages show them: a fixed column order, so that columns never swap places
between pages, and their headings. Which side an outlet, speaker or claim is on is decided
by :mod:`claimledger.sides` (re-exported here).
"""
from __future__ import annotations

from ..sides import UNKNOWN, side_of_claim, side_of_outlet, side_of_speaker

# Column order on every page: the two belligerents first, then everyone else.
SIDE_ORDER = ("ukraine", "russia", "international", "other", UNKNOWN)
SIDE_LABELS = {"ukraine": "Ukrainian side", "russia": "Russian side",
               "international": "International", "other": "Other", UNKNOWN: "Side unknown"}

__all__ = ["SIDE_LABELS", "SIDE_ORDER", "UNKNOWN", "order_sides", "side_label", "side_of_claim",
           "side_of_outlet", "side_of_speaker"]


def order_sides(sides: set[str] | list[str]) -> list[str]:
    """Return sides in column order (known ones first, then the rest alphabetically)."""
    known = [s for s in SIDE_ORDER if s in sides]
    return known + sorted(s for s in sides if s not in SIDE_ORDER)


def side_label(side: str) -> str:
    """Return the heading of a side's column."""
    return SIDE_LABELS.get(side, side.replace("_", " ").capitalize())
