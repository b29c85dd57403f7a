"""Claims: one row per attribution and per event without attribution (pure: no SQL).

A claim ties together who says it (the attribution, or the outlet itself for an
unattributed event), what is said (content text, or the sentence around the event
trigger), the events under it and the places it mentions. :func:`describe_claims`
derives them from an analysed document; the same description feeds the ``claims``
index table (lowercase keys and a date range to filter on) and the dicts returned by
``Ledger.find_claims``, so the filters and the rows shown can never disagree.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from typing import Any

from .models import AnalysedDocument, Attribution, Event, Place, Span

# Keys a claim dict carries (find_claims rows); lists stay lists, spans become text.
CLAIM_FIELDS = (
    "claim", "article_id", "outlet", "published", "language", "title", "url", "date",
    "speaker", "speaker_role", "source", "cue", "content", "kind", "parent", "hedges",
    "evidentiality", "events", "places",
)
# Longest sentence kept as the text of an unattributed event; beyond it the text is cut
# to a window around the trigger (wire stories keep sentences well under 400 chars).
MAX_SENTENCE_CHARS = 600
KEY_SEPARATOR = "|"
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'»”)\]]*\s+|\n+")
_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _period(value: str | None) -> tuple[str, str] | None:
    """Return the first and last day (YYYY-MM-DD) an ISO date, month or year covers."""
    match = _ISO_PREFIX.match(value.strip()) if value else None
    if not match:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    if month is None:
        return f"{year}-01-01", f"{year}-12-31"
    if not 1 <= int(month) <= 12:
        return None
    if day is None:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-{month}-{day}", f"{year}-{month}-{day}"


def date_bounds(value: str | None) -> tuple[str, str] | None:
    """Return the (first day, last day) of an ISO date, month, year or ``start/end`` range."""
    if not value:
        return None
    if "/" in value:
        first, _, last = value.partition("/")
        start, end = _period(first), _period(last)
        if start and end:
            return start[0], end[1]
        return start or end
    return _period(value)


def _sentence(text: str, span: Span) -> str:
    start = 0
    for match in _SENTENCE_BREAK.finditer(text, 0, span[0]):
        start = match.end()
    after = _SENTENCE_BREAK.search(text, span[1])
    end = after.start() if after else len(text)
    if end - start > MAX_SENTENCE_CHARS:
        half = MAX_SENTENCE_CHARS // 2
        start, end = max(start, span[0] - half), min(end, span[1] + half)
    return text[start:end].strip()


def _slice(text: str, span: Span | None) -> str | None:
    return None if span is None else text[span[0]:span[1]]


def index_keys(values: Iterable[str | None]) -> str:
    """Return the values as one lower-case "|a|b|" string, which a LIKE '%|a|%' filter matches."""
    cleaned = sorted({v.lower().replace(KEY_SEPARATOR, " ").strip() for v in values if v})
    return KEY_SEPARATOR + "".join(f"{v}{KEY_SEPARATOR}" for v in cleaned if v)


class _PlaceIndex:
    """The places of one document, found by ref or name, as event places name them."""

    def __init__(self, places: tuple[Place, ...]):
        self.places = places
        self.by_key: dict[str, list[Place]] = {}
        for place in places:
            for key in {place.ref, place.name, place.text}:
                if key:
                    self.by_key.setdefault(key.lower(), []).append(place)

    def named(self, entries: Iterable[str]) -> list[Place]:
        found: list[Place] = []
        for entry in entries:
            found.extend(self.by_key.get(entry.lower(), ()))
        return found

    def within(self, span: Span) -> list[Place]:
        return [p for p in self.places if span[0] <= p.span[0] and p.span[1] <= span[1]]


def _place_view(place: Place) -> dict[str, Any]:
    return {"text": place.text, "name": place.name, "ref": place.ref,
            "lat": place.lat, "lon": place.lon, "level": place.level}


def _unique_places(places: Iterable[Place]) -> list[Place]:
    seen: set[tuple] = set()
    unique = []
    for place in places:
        key = (place.ref, place.name) if (place.ref or place.name) else (None, place.text.lower())
        if key not in seen:
            seen.add(key)
            unique.append(place)
    return unique


def _event_view(event: Event, text: str, index: _PlaceIndex) -> dict[str, Any]:
    names = []
    for entry in event.places:
        matches = index.named([entry])
        names.append(matches[0].name or matches[0].text if matches else entry)
    return {
        "type": event.type, "trigger": _slice(text, event.trigger), "actor": event.actor,
        "target": event.target, "places": names, "refs": list(event.places),
        "when": event.when, "quantity": event.quantity, "polarity": event.polarity,
        "modality": event.modality, "claimed_by": event.claimed_by,
    }


def _dates(events: list[Event], published: str | None) -> tuple[str, str] | None:
    bounds = [b for b in (date_bounds(e.when) for e in events) if b]
    if bounds:
        return min(b[0] for b in bounds), max(b[1] for b in bounds)
    return date_bounds(published)


def _describe(doc: AnalysedDocument, ord_: int, attribution: Attribution | None,
              attribution_ord: int | None, events: list[Event], event_ord: int | None,
              index: _PlaceIndex) -> dict[str, Any]:
    article, text_ = doc.article, doc.article.text
    tied = [p for e in events for p in index.named(e.places)]
    if attribution is not None:
        tied = index.within(attribution.content) + tied
        body = _slice(text_, attribution.content) or ""
    else:
        body = _sentence(text_, events[0].trigger)
    places = _unique_places(tied)
    dates = _dates(events, article.published)
    view = {
        "claim": attribution.id if attribution else f"e{event_ord + 1}",
        "article_id": article.id, "outlet": article.outlet, "published": article.published,
        "language": article.language, "title": article.title, "url": article.url,
        "date": dates[0] if dates else None,
        "speaker": attribution.speaker if attribution else None,
        "speaker_role": attribution.speaker_role if attribution else None,
        "source": _slice(text_, attribution.source) if attribution else None,
        "cue": _slice(text_, attribution.cue) if attribution else None,
        "content": body, "kind": attribution.kind if attribution else None,
        "parent": attribution.parent if attribution else None,
        "hedges": list(attribution.hedges) if attribution else [],
        "evidentiality": attribution.evidentiality if attribution else None,
        "events": [_event_view(e, text_, index) for e in events],
        "places": [_place_view(p) for p in places],
    }
    speaker_values = ([attribution.speaker, attribution.speaker_role, view["source"]]
                      if attribution else [])
    index_row = {
        "article_id": article.id, "ord": ord_,
        "attribution_ord": attribution_ord,
        "event_ord": event_ord,
        "speaker_key": " | ".join(v.lower() for v in speaker_values if v),
        "outlet_key": (article.outlet or "").lower(),
        "type_keys": index_keys(e.type for e in events),
        "place_keys": index_keys([k for p in places for k in (p.ref, p.name, p.text)]
                            + [entry for e in events for entry in e.places]),
        "date_start": dates[0] if dates else None, "date_end": dates[1] if dates else None,
        "text": body,
    }
    return {"view": view, "row": index_row}


def describe_claims(doc: AnalysedDocument) -> list[dict[str, Any]]:
    """Return the claims of a document, in order: each ``{"view": dict, "row": dict}``.

    ``view`` is the find_claims dict (keys :data:`CLAIM_FIELDS`); ``row`` the ``claims``
    index row. Events go under the attribution whose id they name in ``claimed_by``;
    the others (outlet-asserted, or naming an unknown id) are claims of their own.
    """
    index = _PlaceIndex(doc.places)
    ids = {a.id for a in doc.attributions}
    claims = []
    for a_ord, attribution in enumerate(doc.attributions):
        events = [e for e in doc.events if e.claimed_by == attribution.id]
        claims.append(_describe(doc, len(claims), attribution, a_ord, events, None, index))
    for e_ord, event in enumerate(doc.events):
        if event.claimed_by not in ids:
            claims.append(_describe(doc, len(claims), None, None, [event], e_ord, index))
    return claims


def describe_events(doc: AnalysedDocument) -> list[dict[str, Any]]:
    """Return the views of a document's events, in order, as a claim's ``events`` holds them:
    ``places`` are the place names (the stored ref or name where none is found), ``refs`` as stored."""
    index = _PlaceIndex(doc.places)
    return [_event_view(event, doc.article.text, index) for event in doc.events]
