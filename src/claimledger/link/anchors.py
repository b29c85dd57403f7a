"""Anchors: the one event a story is about (an event type family, one place, a time window).

A link between two claims is anchored on the events the claims share (``matching.shared_events``):
one anchor edge per shared event pair and shared place, dated by the dates the two events have in
common. A contradiction is anchored only where it holds (the shared events whose polarity or
outcome conflict; all shared events when none does, e.g. differing counts), so two summaries that
contradict each other about Kyiv and agree about Mariupol make only the Kyiv story contested. ``group_windows`` cuts the edges of one (family, place) into time
windows of at most :data:`MAX_STORY_DAYS`; each window is one story's anchor. A claim naming many
places has edges at many anchors and so sits in several stories, but never joins them into one.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .matching import CONFLICTING_TYPES, ClaimLink, LinkClaim, LinkEvent, shared_events

# The longest time window one story covers (days from its first to its last date): reports of
# one strike, clash or village taken at one place fall within a week of each other (matching
# blocks on ISO weeks and lets dates differ by DATE_SLACK_DAYS). Checked on the demo ledger
# (examples/): the President of Ukraine's daily addresses report strikes at Kyiv and Kharkiv
# every few days, and with no bound on the window those chained into fortnight-long stories.
MAX_STORY_DAYS = 7


def type_family(type_: str) -> str:
    """Return the family of an event type: the type and those it conflicts with, sorted and
    joined by "|" ("attack_repelled|territory_control"), or the type alone."""
    for pair in CONFLICTING_TYPES:
        if type_ in pair:
            return "|".join(sorted(pair))
    return type_


@dataclass(frozen=True)
class AnchorEdge:
    """One link anchored at one place: the family of the shared event and the dates in common."""

    link: ClaimLink
    family: str
    place: str
    start: str | None
    end: str | None


@dataclass(frozen=True)
class Anchor:
    """What one story is about: an event type family at one place within a time window."""

    family: str
    place: str
    start: str | None
    end: str | None


def _days(value: str | None) -> int | None:
    try:
        return date.fromisoformat(value[:10]).toordinal() if value else None
    except ValueError:
        return None


def _common_dates(x: LinkEvent, y: LinkEvent) -> tuple[str | None, str | None]:
    """Return the dates two overlapping events have in common: their intersection, else (they
    overlap only within the slack) their hull; an undated event takes the other's dates."""
    xs, xe, ys, ye = _days(x.start), _days(x.end), _days(y.start), _days(y.end)
    if xs is None or xe is None:
        return (y.start, y.end) if ys is not None and ye is not None else (None, None)
    if ys is None or ye is None:
        return x.start, x.end
    low, high = max(xs, ys), min(xe, ye)
    if low > high:
        low, high = min(xs, ys), max(xe, ye)
    return date.fromordinal(low).isoformat(), date.fromordinal(high).isoformat()


def _conflicts(x: LinkEvent, y: LinkEvent) -> bool:
    """Return whether a shared event pair is itself contradictory (asserted vs denied, or
    conflicting outcomes): where a contradict link's contradiction lies."""
    if x.type == y.type:
        return x.denied != y.denied
    return not x.denied and not y.denied


def anchor_link(link: ClaimLink, a: LinkClaim, b: LinkClaim) -> list[AnchorEdge]:
    """Return the anchor edges of a link between claims ``a`` and ``b``: one per shared event
    pair and shared place (none for a link without a shared event: copied text, a statement
    re-reported). A contradiction is anchored on its contradictory pairs when it has any."""
    pairs = shared_events(a, b)
    if link.label == "contradict":
        pairs = [pair for pair in pairs if _conflicts(*pair)] or pairs
    edges = {}
    for x, y in pairs:
        start, end = _common_dates(x, y)
        for place in sorted(set(x.places) & set(y.places)):
            edge = AnchorEdge(link, type_family(x.type), place, start, end)
            edges[(edge.family, place, start, end)] = edge
    return list(edges.values())


def group_windows(edges: Iterable[AnchorEdge]) -> list[tuple[Anchor, list[AnchorEdge]]]:
    """Return the anchors of a set of edges with their edges: per (family, place), edges in date
    order joined while the window they make spans at most MAX_STORY_DAYS; undated edges form one
    window of their own."""
    by_place: dict[tuple[str, str], list[AnchorEdge]] = {}
    for edge in edges:
        by_place.setdefault((edge.family, edge.place), []).append(edge)
    anchors = []
    for (family, place), members in sorted(by_place.items()):
        undated = [e for e in members if _days(e.start) is None]
        if undated:
            anchors.append((Anchor(family, place, None, None), undated))
        dated = sorted((e for e in members if _days(e.start) is not None),
                       key=lambda e: (e.start, e.end or e.start, e.link.a, e.link.b))
        window: list[AnchorEdge] = []
        low = high = 0
        for edge in dated:
            start, end = _days(edge.start), _days(edge.end) or _days(edge.start)
            if window and max(high, end) - low <= MAX_STORY_DAYS:
                window.append(edge)
                high = max(high, end)
                continue
            if window:
                anchors.append((_window_anchor(family, place, low, high), window))
            window, low, high = [edge], start, end
        if window:
            anchors.append((_window_anchor(family, place, low, high), window))
    return anchors


def _window_anchor(family: str, place: str, low: int, high: int) -> Anchor:
    return Anchor(family, place, date.fromordinal(low).isoformat(), date.fromordinal(high).isoformat())


def anchored_types(claim: LinkClaim, family: str, places: Sequence[str]) -> set[str]:
    """Return the types of the claim's events in ``family`` at one of ``places``."""
    types = set(family.split("|"))
    return {e.type for e in claim.events if e.type in types and set(e.places) & set(places)}
