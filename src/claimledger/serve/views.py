"""What the pages and the JSON API show: listings, a place, an article, a search.

Both ``pages.py`` and ``api.py`` call these functions, so a page and its JSON twin can
never disagree. Every listing is paginated (``page`` from 1, ``per_page`` items) and
says whether more follow; filters are the same everywhere (:class:`Filters`).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import ClaimledgerError
from ..claims import describe_claims
from .basemap import draw_map
from .highlight import highlight_document
from .map_data import ControlClaims
from .queries import (
    PlaceCatalogue, level_rank, list_event_types, list_outlets, place_filter_value, place_key,
)
from .listings import ArticleSides, DescribedClaims, read_article_page, read_claim_page
from .readonly import ReadOnlyStore
from .sides import UNKNOWN, order_sides, side_label, side_of_claim, side_of_outlet
from .stories import StoryCatalogue, compose_story, filter_stories, summarise_listing

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
# Settlements shown with their own timeline on an oblast's page (most-mentioned first).
MAX_SETTLEMENT_TIMELINES = 8
# Claims on one place page; beyond it the page links to the paginated listing.
MAX_PLACE_CLAIMS = 300
# The overview map on the places page: this many most reported places, inside these bounds
# (Ukraine and the Russian border regions; Moscow or Washington would zoom the map out).
OVERVIEW_MARKERS = 250
OVERVIEW_BOUNDS = (21.0, 43.5, 41.5, 53.5)
OVERVIEW_LABELS = 14  # names written on the overview map: the most reported places
# Levels the overview draws no marker for: the map draws oblasts as outlines.
OVERVIEW_SKIPPED = ("country", "region", "oblast")
# Levels drawn as no marker: a country's or region's centre says nothing about where.
UNMAPPED_LEVELS = ("country", "region")


class NotFound(ClaimledgerError):
    """The article, place or story asked for is not in the ledger."""


class BadQuery(ClaimledgerError):
    """A query parameter's value is not one the listing takes (answered with a 400)."""


TRUE_VALUES = ("true", "1", "yes", "on")
FALSE_VALUES = ("false", "0", "no", "off")


def parse_flag(name: str, value: str | None) -> bool | None:
    """Return a yes/no query parameter as a bool, None when absent or blank; BadQuery for
    anything but true/false (1/0, yes/no, on/off)."""
    if value is None or not value.strip():
        return None
    word = value.strip().lower()
    if word in TRUE_VALUES or word in FALSE_VALUES:
        return word in TRUE_VALUES
    raise BadQuery(f"{name}: not true or false: {value!r}")


@dataclass(frozen=True)
class Filters:
    """The filters every listing takes; empty strings count as absent."""

    place: str | None = None
    since: str | None = None
    until: str | None = None
    type: str | None = None
    side: str | None = None
    speaker: str | None = None
    outlet: str | None = None
    language: str | None = None
    search: str | None = None

    def cleaned(self) -> Filters:
        """Return the filters with blanks turned into None and spaces trimmed."""
        return Filters(**{k: (v.strip() or None) if isinstance(v, str) else v
                          for k, v in asdict(self).items()})

    def ledger_args(self) -> dict[str, Any]:
        """Return the keyword arguments ``Ledger.find_claims`` takes."""
        return {"speaker": self.speaker, "place": place_filter_value(self.place) if self.place
                else None, "type": self.type, "since": self.since, "until": self.until,
                "search": self.search, "outlet": self.outlet, "language": self.language}

    def query(self) -> dict[str, str]:
        """Return the filters that are set, as URL query parameters (``search`` is ``q``)."""
        return {("q" if k == "search" else k): v for k, v in asdict(self).items() if v}


@dataclass
class Page:
    """One page of a listing."""

    items: list[dict[str, Any]]
    page: int
    per_page: int
    has_more: bool
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON body of the page."""
        return {"items": self.items, "page": self.page, "per_page": self.per_page,
                "has_more": self.has_more, **self.extra}


class LedgerViews:
    """The views of one read-only ledger (with its cached place catalogue)."""

    def __init__(self, store: ReadOnlyStore):
        self.store = store
        self.ledger = store.ledger
        self.places = PlaceCatalogue(store)
        self.stories = StoryCatalogue(store)
        self.article_sides = ArticleSides(store)
        self.described = DescribedClaims()
        self.controls = ControlClaims(store)

    # -- stories ----------------------------------------------------------------------

    def _place_names(self, place: str) -> set[str]:
        """Return the lower-cased names a place filter (key, ref or name) stands for."""
        names = {place_filter_value(place).lower()}
        known = self.places.get(place)
        if known and known.get("name"):
            names.add(known["name"].lower())
        return names

    def list_stories(self, filters: Filters, *, contested: bool | None = None, page: int = 1,
                     per_page: int = DEFAULT_PER_PAGE) -> Page:
        """Return a page of stories (largest first) matching the place, date, type, side
        and search filters (and ``contested``: True only stories with a contradiction); each
        with per-side claims and independent sources."""
        filters = filters.cleaned()
        page, per_page = max(page, 1), min(max(per_page, 1), MAX_PER_PAGE)
        kept = filter_stories(self.stories.stories(),
                              place_names=self._place_names(filters.place) if filters.place
                              else None, since=filters.since, until=filters.until,
                              type=filters.type, side=filters.side, search=filters.search,
                              speaker=filters.speaker, outlet=filters.outlet,
                              language=filters.language, contested=contested)
        offset = (page - 1) * per_page
        items = [summarise_listing(story) for story in kept[offset:offset + per_page]]
        return Page(items, page, per_page, len(kept) > offset + per_page,
                    extra={"total": len(kept)})

    def story(self, story_id: str) -> dict[str, Any]:
        """Return one story side by side (see :func:`stories.compose_story`)."""
        story = self.stories.get(story_id)
        if story is None:
            raise NotFound(f"no story {story_id!r} in the ledger")
        composed = compose_story(story, self.ledger, self.annotate_claim)
        composed["place_links"] = [
            {"name": name, "key": self._place_key_of(name)} for name in composed["places"]]
        return composed

    def _place_key_of(self, name: str) -> str | None:
        """Return the key of the most reported place of this name, or None."""
        found = [p for p in self.places.find(search=name) if (p["name"] or "") == name]
        return found[0]["key"] if found else None

    # -- claims -----------------------------------------------------------------------

    def annotate_claim(self, claim: dict[str, Any]) -> dict[str, Any]:
        """Add side, article link and place keys to a find_claims dict (in place)."""
        claim["side"] = side_of_claim(claim)
        claim["chain"] = claim_chain(claim)
        claim["article_link"] = f"/articles/{claim['article_id']}#claim-{claim['claim']}"
        for place in claim.get("places") or ():
            place["key"] = place_key(place.get("ref"), place.get("name"))
        return claim

    def list_claims(self, filters: Filters, *, page: int = 1,
                    per_page: int = DEFAULT_PER_PAGE) -> Page:
        """Return a page of claims matching ``filters``, newest first."""
        filters = filters.cleaned()
        page, per_page = max(page, 1), min(max(per_page, 1), MAX_PER_PAGE)
        rows, more = read_claim_page(self.store, self.article_sides, filters.ledger_args(),
                                     side=filters.side, offset=(page - 1) * per_page,
                                     per_page=per_page, described=self.described)
        return Page([self.annotate_claim(c) for c in rows], page, per_page, more)

    # -- articles ---------------------------------------------------------------------

    def list_articles(self, filters: Filters, *, page: int = 1,
                      per_page: int = DEFAULT_PER_PAGE) -> Page:
        """Return a page of articles (metadata, no text), newest first.

        ``search`` is full-text over title and text; ``side``, ``outlet``, ``language``
        and ``since``/``until`` (on the published date) narrow the list further.
        """
        filters = filters.cleaned()
        page, per_page = max(page, 1), min(max(per_page, 1), MAX_PER_PAGE)
        rows, more = read_article_page(
            self.store, self.article_sides, search=filters.search, side=filters.side,
            outlet=filters.outlet, language=filters.language, since=filters.since,
            until=filters.until, offset=(page - 1) * per_page, per_page=per_page)
        return Page(rows, page, per_page, more)

    def article(self, article_id: str) -> dict[str, Any]:
        """Return an article with its marked-up text, claims, places and events."""
        docs = list(self.ledger.iter_documents(ids=[article_id]))
        if not docs:
            raise NotFound(f"no article {article_id!r} in the ledger")
        doc = docs[0]
        claims = [self.annotate_claim(c["view"]) for c in describe_claims(doc)]
        by_id: dict[str, dict[str, Any]] = {}
        for claim in claims:  # the parent of a nested claim is an attribution id
            by_id.setdefault(claim["claim"] if claim["headline"] else claim["attribution"] or claim["claim"],
                             claim)
        for claim in claims:
            claim["chain"] = claim_chain(claim, by_id)
        places = {}
        for place in doc.places:
            key = place_key(place.ref, place.name)
            if key and key not in places:
                places[key] = {"key": key, "name": place.name or place.text, "ref": place.ref,
                               "level": place.level, "lat": place.lat, "lon": place.lon}
        article = doc.article
        return {
            "id": article.id, "outlet": article.outlet, "url": article.url,
            "published": article.published, "language": article.language,
            "title": article.title, "text": article.text,
            "side": side_of_outlet(article.outlet, article.url),
            "segments": highlight_document(doc), "claims": claims,
            "places": sorted(places.values(), key=lambda p: (level_rank(p["level"]), p["name"])),
            "events": [{"type": e.type, "trigger": article.text[e.trigger[0]:e.trigger[1]],
                        "when": e.when, "places": list(e.places), "claimed_by": e.claimed_by,
                        "polarity": e.polarity, "modality": e.modality, "quantity": e.quantity}
                       for e in doc.events],
        }

    # -- places -----------------------------------------------------------------------

    def list_places(self, *, search: str | None = None, level: str | None = None,
                    page: int = 1, per_page: int = DEFAULT_PER_PAGE) -> Page:
        """Return a page of places (most articles first) whose name contains ``search``."""
        page, per_page = max(page, 1), min(max(per_page, 1), MAX_PER_PAGE)
        rows = self.places.find(search=(search or "").strip() or None, level=level or None)
        offset = (page - 1) * per_page
        return Page(rows[offset:offset + per_page], page, per_page, len(rows) > offset + per_page)

    def place(self, key: str, filters: Filters | None = None) -> dict[str, Any]:
        """Return a place: its record, a map, its claims in date order by side, and (for
        an oblast) the settlements inside it with their own timelines."""
        place = self.places.get(key)
        if place is None:
            raise NotFound(f"no place {key!r} in the ledger")
        filters = Filters(**{**asdict((filters or Filters()).cleaned()), "place": key})
        claims = self._place_claims(filters)
        settlements = []
        if place["level"] == "oblast" and place["ref"]:
            inside = [p for p in self.places.find(oblast_of=place["ref"])
                      if p["level"] == "settlement"]
            for settlement in inside[:MAX_SETTLEMENT_TIMELINES]:
                sub = Filters(**{**asdict(filters), "place": settlement["key"]})
                settlements.append({**settlement, "timeline": timeline_by_side(
                    self._place_claims(sub))})
        else:
            inside = []
        points = self.controls.annotate(_map_points(place, claims, inside))
        return {"place": place, "claims": claims, "place_timeline": timeline_by_side(claims),
                "settlements": settlements, "map": draw_map(points, focus=place),
                "truncated": len(claims) >= MAX_PLACE_CLAIMS}

    def _place_claims(self, filters: Filters) -> list[dict[str, Any]]:
        rows = self.ledger.find_claims(**filters.ledger_args(), limit=MAX_PLACE_CLAIMS)
        claims = [self.annotate_claim(c) for c in rows]
        if filters.side:
            claims = [c for c in claims if c["side"] == filters.side]
        return sorted(claims, key=lambda c: (c.get("date") or "9999", c["article_id"]))

    def overview_map(self, limit: int = OVERVIEW_MARKERS) -> dict[str, Any]:
        """Return the map of the most reported places inside the base map's view."""
        lon0, lat0, lon1, lat1 = OVERVIEW_BOUNDS
        points = []
        for row in self.places.rows():
            if row["lat"] is None or row["lon"] is None or row["level"] in OVERVIEW_SKIPPED:
                continue
            if lon0 <= row["lon"] <= lon1 and lat0 <= row["lat"] <= lat1:
                points.append({**row, "role": "event", "events": {"articles": row["articles"]}})
                if len(points) >= limit:
                    break
        return draw_map(self.controls.annotate(points), max_labels=OVERVIEW_LABELS,
                        bounds=OVERVIEW_BOUNDS)

    # -- search and menus ------------------------------------------------------------

    def search(self, filters: Filters, *, page: int = 1,
               per_page: int = DEFAULT_PER_PAGE) -> dict[str, Any]:
        """Return matching claims and articles (full-text ``search`` plus the filters)."""
        claims = self.list_claims(filters, page=page, per_page=per_page)
        articles = self.list_articles(filters, page=page, per_page=per_page)
        return {"claims": claims, "articles": articles}

    def menus(self) -> dict[str, Any]:
        """Return the values the filter menus offer: event types, outlets, sides, languages."""
        outlets = list_outlets(self.store)
        sides = order_sides({side_of_outlet(o) for o, _ in outlets} | {UNKNOWN})
        return {"types": [t for t, _ in list_event_types(self.store)],
                "outlets": [o for o, _ in outlets if o],
                "sides": [(s, side_label(s)) for s in sides]}


def claim_chain(claim: dict[str, Any], parents: dict[str, dict[str, Any]] | None = None
                ) -> list[str]:
    """Return who carried a claim, outermost first: the outlet, the speakers of the
    attributions it is nested in (``parents``: claims of the article by attribution id),
    then its own speaker (its source as written when no speaker was resolved)."""
    chain = [claim.get("outlet") or "unknown outlet"]
    nested, seen = [], set()
    parent = claim.get("parent")
    while parents and parent and parent in parents and parent not in seen:
        seen.add(parent)
        holder = parents[parent]
        nested.append(holder.get("speaker") or holder.get("source") or parent)
        parent = holder.get("parent")
    chain.extend(reversed(nested))
    who = claim.get("speaker") or claim.get("source")  # the resolved name, not "he" as written
    if who and who not in chain:
        chain.append(who)
    return chain


def timeline_by_side(claims: list[dict[str, Any]]) -> dict[str, Any]:
    """Return claims as rows by date with one column per side (columns in fixed order)."""
    sides = order_sides({c["side"] for c in claims}) or [UNKNOWN]
    by_date: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        by_date[claim.get("date") or "undated"][claim["side"]].append(claim)
    rows = [{"date": date, "cells": [by_date[date].get(side, []) for side in sides]}
            for date in sorted(by_date, key=lambda d: (d == "undated", d))]
    return {"sides": [(s, side_label(s)) for s in sides], "rows": rows}


def _map_points(place: dict[str, Any], claims: list[dict[str, Any]],
                inside: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the map's markers: the place, settlements inside it, and places its
    claims' events name (with the event types claimed there)."""
    points: dict[str, dict[str, Any]] = {}

    def add(key: str | None, name: str | None, lat: Any, lon: Any, role: str,
            level: str | None = None) -> dict | None:
        if not key or lat is None or lon is None or level in UNMAPPED_LEVELS:
            return None
        point = points.setdefault(key, {"key": key, "name": name or key, "lat": lat,
                                        "lon": lon, "role": role, "events": {}})
        return point

    add(place["key"], place["name"], place["lat"], place["lon"], "focus")
    for settlement in inside:
        add(settlement["key"], settlement["name"], settlement["lat"], settlement["lon"], "inside")
    for claim in claims:
        named = {p["key"]: p for p in claim.get("places") or () if p.get("key")}
        for event in claim.get("events") or ():
            for ref, name in zip(event.get("refs") or (), event.get("places") or ()):
                match = named.get(ref) or next((p for p in named.values()
                                                if p.get("name") == name), None)
                if match:
                    point = add(match["key"], match.get("name"), match.get("lat"),
                                match.get("lon"), "event", match.get("level"))
                    if point is not None:
                        point["events"][event["type"]] = point["events"].get(event["type"], 0) + 1
    return list(points.values())
