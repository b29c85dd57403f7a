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

from .models import AnalysedDocument, Attribution, Event, Layers, Place, Span

# Keys a claim dict carries (find_claims rows); lists stay lists, spans become text.
CLAIM_FIELDS = (
    "claim", "attribution", "headline", "article_id", "outlet", "published", "language", "title", "url", "date",
    "speaker", "speaker_role", "source", "cue", "content", "kind", "parent", "hedges",
    "evidentiality", "events", "places",
)
# The most content one claim carries. A longer attribution (a transcript turn, a long
# quote) stays the parent and its claims are its sentences; a sentence longer than this
# is cut to a window around its event at word boundaries. Wire-story sentences run well
# under 400 characters; 600 keeps every sentence of the development gold whole.
MAX_CLAIM_CHARS = 600
# A sentence of a split attribution shorter than this many words ("Thank you.", "Good
# afternoon, colleagues.") is no claim unless it carries an event.
MIN_UNIT_WORDS = 4
# An event dated more than this many years before its report is history recalled in it
# (a speech on 1922 or 1954), not the news the ledger dates claims by. Thirty years keeps
# every date of this war (2014 on) in reports up to 2044 and drops the Soviet era.
HISTORY_YEARS = 30
# Ids of headline claims start with this ("h.e1": the headline's first event).
HEADLINE_PREFIX = "h."
KEY_SEPARATOR = "|"
ELLIPSIS = "…"
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


def sentence_span(text: str, span: Span, within: Span | None = None) -> Span:
    """Return the span of the sentence of ``text`` around ``span`` (inside ``within``)."""
    low, high = within or (0, len(text))
    start = low
    for match in _SENTENCE_BREAK.finditer(text, low, span[0]):
        start = match.end()
    after = _SENTENCE_BREAK.search(text, span[1], high)
    return start, after.start() if after else high


def sentence_spans(text: str, within: Span) -> list[Span]:
    """Return the non-blank sentences of ``text[within]`` as spans, stripped of spaces."""
    spans, start = [], within[0]
    for match in _SENTENCE_BREAK.finditer(text, within[0], within[1]):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, within[1]))
    out = []
    for a, b in spans:
        piece = text[a:b]
        stripped = piece.strip()
        if stripped:
            a += len(piece) - len(piece.lstrip())
            out.append((a, a + len(stripped)))
    return out


def clip(text: str, limit: int = MAX_CLAIM_CHARS, around: int | None = None) -> str:
    """Return ``text``, or when longer than ``limit`` a window of it cut at word boundaries.

    The window starts a third of ``limit`` before character offset ``around`` (default:
    the start) and is marked with an ellipsis at each cut end.
    """
    text = text.strip()
    if len(text) <= limit:
        return text
    start = max(0, min((around or 0) - limit // 3, len(text) - limit))
    end = start + limit
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < (around if around is not None else end) else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return (ELLIPSIS if start else "") + text[start:end].strip() + (ELLIPSIS if end < len(text) else "")


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
    """Return the (first, last) day a claim speaks of: its events' dates, else publication.

    Events over :data:`HISTORY_YEARS` before publication are history recalled in the
    report ("in 1922 ..."), not news: they do not date the claim, and a claim of history
    only is undated rather than put on the report's day.
    """
    bounds = [b for b in (date_bounds(e.when) for e in events) if b]
    published_bounds = date_bounds(published)
    if published_bounds:
        horizon = f"{int(published_bounds[0][:4]) - HISTORY_YEARS:04d}{published_bounds[0][4:]}"
        recent = [b for b in bounds if b[1] >= horizon]
        if bounds and not recent:
            return None
        bounds = recent
    if bounds:
        return min(b[0] for b in bounds), max(b[1] for b in bounds)
    return published_bounds


def _describe(doc: AnalysedDocument, ord_: int, claim_id: str, attribution: Attribution | None,
              attribution_ord: int | None, events: list[Event], event_ord: int | None,
              body: Span, index: _PlaceIndex, headline: bool = False) -> dict[str, Any]:
    article = doc.article
    text_ = (article.title or "") if headline else article.text
    tied = [p for e in events for p in index.named(e.places)]
    if attribution is not None:
        tied = index.within(body) + tied
    anchor = events[0].trigger[0] - body[0] if events else None
    content = clip(text_[body[0]:body[1]], around=anchor)
    places = _unique_places(tied)
    dates = _dates(events, article.published)
    view = {
        "claim": claim_id, "attribution": attribution.id if attribution else None,
        "headline": headline,
        "article_id": article.id, "outlet": article.outlet, "published": article.published,
        "language": article.language, "title": article.title, "url": article.url,
        "date": dates[0] if dates else None,
        "speaker": attribution.speaker if attribution else None,
        "speaker_role": attribution.speaker_role if attribution else None,
        "source": _slice(text_, attribution.source) if attribution else None,
        "cue": _slice(text_, attribution.cue) if attribution else None,
        "content": content, "kind": attribution.kind if attribution else None,
        "parent": attribution.parent if attribution else None,
        "hedges": list(attribution.hedges) if attribution else [],
        "evidentiality": attribution.evidentiality if attribution else None,
        "events": [_event_view(e, text_, index) for e in events],
        "places": [_place_view(p) for p in places],
    }
    speaker_values = ([attribution.speaker, attribution.speaker_role, view["source"]]
                      if attribution else [])
    index_row = {
        "article_id": article.id, "ord": ord_, "claim": claim_id,
        "attribution_ord": attribution_ord,
        "event_ord": event_ord,
        "speaker_key": " | ".join(v.lower() for v in speaker_values if v),
        "outlet_key": (article.outlet or "").lower(),
        "type_keys": index_keys(e.type for e in events),
        "place_keys": index_keys([k for p in places for k in (p.ref, p.name, p.text)]
                            + [entry for e in events for entry in e.places]),
        "date_start": dates[0] if dates else None, "date_end": dates[1] if dates else None,
        "text": content,
    }
    return {"view": view, "row": index_row}


def _units(text: str, attribution: Attribution, events: list[Event]
           ) -> list[tuple[Span, list[Event]]]:
    """Split an attribution into its claims: (content span, events) pairs.

    Content within :data:`MAX_CLAIM_CHARS` is one claim; longer content gives one claim
    per sentence (each with the events whose trigger it holds; an event outside every
    sentence goes to the nearest), dropping event-less sentences under
    :data:`MIN_UNIT_WORDS` words.
    """
    content = attribution.content
    if content[1] - content[0] <= MAX_CLAIM_CHARS:
        return [(content, events)]
    spans = sentence_spans(text, content) or [content]
    held: list[list[Event]] = [[] for _ in spans]
    for event in events:
        at = event.trigger[0]
        nearest = min(range(len(spans)), key=lambda i: 0 if spans[i][0] <= at < spans[i][1]
                      else min(abs(at - spans[i][0]), abs(at - spans[i][1])))
        held[nearest].append(event)
    return [(span, evs) for span, evs in zip(spans, held)
            if evs or len(text[span[0]:span[1]].split()) >= MIN_UNIT_WORDS]


def describe_claims(doc: AnalysedDocument) -> list[dict[str, Any]]:
    """Return the claims of a document, in order: each ``{"view": dict, "row": dict}``.

    ``view`` is the find_claims dict (keys :data:`CLAIM_FIELDS`); ``row`` the ``claims``
    index row. A claim is one sentence-sized proposition: an attribution, or each
    sentence of a long one (ids ``a3.1``, ``a3.2``, ...), with the events whose
    ``claimed_by`` names it; outlet-asserted events (or naming an unknown id) make one
    claim per sentence, all the sentence's events on it (id ``e`` + first event number).
    """
    claims: list[dict[str, Any]] = []
    _add_claims(claims, doc, doc.article.text, Layers(doc.attributions, doc.places, doc.events))
    title = doc.article.title
    # a headline printed again at the top of the text is claimed there already
    if doc.title_layers and title and title.strip() not in doc.article.text:
        _add_claims(claims, doc, title, doc.title_layers, headline=True)
    return claims


def _attribution_claims(text_: str, attribution: Attribution, events: list[Event]
                        ) -> list[tuple[str, Span, list[Event]]]:
    """Return the claims of one attribution as (claim id, content span, events): its own id
    when it is one claim, ``a3.1``, ``a3.2``, ... for the sentences of a long one."""
    units = _units(text_, attribution, events)
    return [(attribution.id if len(units) == 1 else f"{attribution.id}.{n}", span, unit_events)
            for n, (span, unit_events) in enumerate(units, start=1)]


def _outlet_claims(text_: str, events: tuple[Event, ...], ids: set[str]
                   ) -> list[tuple[str, Span, list[tuple[int, Event]]]]:
    """Return the claims of the events no attribution (of ``ids``) claims, one per sentence, as
    (claim id ``e`` + first event number, sentence span, [(event position, event)])."""
    by_sentence: dict[Span, list[tuple[int, Event]]] = {}
    for e_ord, event in enumerate(events):
        if event.claimed_by not in ids:
            by_sentence.setdefault(sentence_span(text_, event.trigger), []).append((e_ord, event))
    return [(f"e{members[0][0] + 1}", span, members) for span, members in by_sentence.items()]


def _add_claims(claims: list[dict[str, Any]], doc: AnalysedDocument, text_: str, layers: Layers,
                headline: bool = False) -> None:
    """Append the claims of one text of a document (its body, or its headline: ids ``h.``...)."""
    index = _PlaceIndex(layers.places)
    prefix = HEADLINE_PREFIX if headline else ""
    for a_ord, attribution in enumerate(layers.attributions):
        events = [e for e in layers.events if e.claimed_by == attribution.id]
        for claim_id, span, unit_events in _attribution_claims(text_, attribution, events):
            claims.append(_describe(doc, len(claims), prefix + claim_id, attribution,
                                    None if headline else a_ord, unit_events, None, span, index,
                                    headline))
    ids = {a.id for a in layers.attributions}
    for claim_id, span, members in _outlet_claims(text_, layers.events, ids):
        first = members[0][0]
        claims.append(_describe(doc, len(claims), prefix + claim_id, None, None,
                                [e for _, e in members], None if headline else first, span, index,
                                headline))


def event_claim_ids(doc: AnalysedDocument, wanted: Iterable[int] | None = None) -> list[str | None]:
    """Return the id of the claim each event of a document is on, by event position: the
    ids :func:`describe_claims` gives (``a3``, ``a3.2`` for a sentence of a long attribution,
    ``e4`` for the outlet's events of one sentence). With ``wanted`` (event positions), only
    those are found (None elsewhere): a long transcript's sentences are split only when asked."""
    text_ = doc.article.text
    wanted = set(range(len(doc.events)) if wanted is None else wanted)
    position = {id(event): n for n, event in enumerate(doc.events)}
    found: list[str | None] = [None] * len(doc.events)
    asked = {doc.events[n].claimed_by for n in wanted if 0 <= n < len(doc.events)}
    for attribution in doc.attributions:
        if attribution.id in asked:
            events = [e for e in doc.events if e.claimed_by == attribution.id]
            for claim_id, _, unit_events in _attribution_claims(text_, attribution, events):
                for event in unit_events:
                    found[position[id(event)]] = claim_id
    for claim_id, _, members in _outlet_claims(text_, doc.events, {a.id for a in doc.attributions}):
        for n, _ in members:
            found[n] = claim_id
    return [found[n] if n in wanted else None for n in range(len(doc.events))]


def describe_events(doc: AnalysedDocument) -> list[dict[str, Any]]:
    """Return the views of a document's events, in order, as a claim's ``events`` holds them:
    ``places`` are the place names (the stored ref or name where none is found), ``refs`` as stored."""
    index = _PlaceIndex(doc.places)
    return [_event_view(event, doc.article.text, index) for event in doc.events]
