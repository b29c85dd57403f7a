"""What the pages and the JSON API show: listings, a place, an article, a search.

Both ``pages.py`` and ``api.py`` call these functions, so a page and its JSON twin can
never disagree. Every listing is paginated (``page`` from 1, ``per_page`` items), says
whether more follow and how many items match (``total``); filters are the same everywhere
(:class:`Filters`) and checked before they get here (params.py).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from ..claims import describe_claims
from ..errors import ClaimledgerError
from ..store.stories import sort_stories
from ..approximate_points import approximate_point, map_position
from .basemap import draw_map
from .charts import claims_chart
from ..store.search import claim_text_match, hit_pattern
from .highlight import highlight_document
from .map_data import ControlClaims
from .counts import Totals
from .listings import (
    ArticleSides, DescribedClaims, claim_statement, iter_claim_views, read_article_page, read_article_snippets,
    read_claim,
    read_claim_keys, read_claim_page, read_claim_views,
)
from .params import DEFAULT_PER_PAGE, MAX_PER_PAGE, PLACE_LEVELS
from .places import place_claim_statement, summarise_settlements
from .queries import (
    PlaceCatalogue, level_rank, list_event_types, list_outlets, place_filter_value, place_key,
)
from .readonly import ReadOnlyStore
from .sides import UNKNOWN, order_sides, side_label, side_of_claim, side_of_outlet
from .stories import StoryCatalogue, compose_story, filter_stories, summarise_listing

# The overview map on the places page: this many most reported places, inside these bounds
# (Ukraine and the Russian border regions; Moscow or Washington would zoom the map out).
OVERVIEW_MARKERS = 250
OVERVIEW_BOUNDS = (21.0, 43.5, 41.5, 53.5)
OVERVIEW_LABELS = 14  # names written on the overview map: the most reported places
# Levels the overview draws no marker for: the map draws oblasts as outlines.
OVERVIEW_SKIPPED = ("country", "region", "oblast")
# Levels drawn as no marker: a country's or region's centre says nothing about where.
UNMAPPED_LEVELS = ("country", "region")
# Sets of article ids kept for the articles listing's claim filters (place, type, speaker): up to
# one id per stored article each, so fewer than the totals.
KEPT_ID_SETS = 16
# Places whose claim keys (every claim of the place, in order) are kept for their next pages.
KEPT_PLACE_CLAIMS = 32
# Between an article id and a claim's id in it, in a claim's stable id: "<article id>~a3".
CLAIM_ID_SEPARATOR = "~"


class NotFound(ClaimledgerError):
    """The article, place, claim or story asked for is not in the ledger."""


def claim_id(article_id: str, claim: str) -> str:
    """Return the stable id of a claim: its article's id and its id in the article (a3: an
    attribution, e2: an event), which never change once the article is stored."""
    return f"{article_id}{CLAIM_ID_SEPARATOR}{claim}"


def split_claim_id(value: str) -> tuple[str, str] | None:
    """Return (article id, claim id in the article) of a stable claim id, None if malformed."""
    article_id, sep, claim = value.rpartition(CLAIM_ID_SEPARATOR)
    return (article_id, claim) if sep and article_id and claim.replace(".", "").isalnum() else None


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
    total: int
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON body of the page."""
        return {"items": self.items, "page": self.page, "per_page": self.per_page,
                "has_more": self.has_more, "total": self.total, **self.extra}


def _bounds(page: int, per_page: int) -> tuple[int, int, int]:
    """Return (page, per_page, offset) with both numbers inside their bounds."""
    page, per_page = max(page, 1), min(max(per_page, 1), MAX_PER_PAGE)
    return page, per_page, (page - 1) * per_page


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
        self.totals = Totals()
        self.article_ids = Totals(KEPT_ID_SETS)
        self.place_claims = Totals(KEPT_PLACE_CLAIMS)
        self.menu_values = Totals(1)

    # -- stories ----------------------------------------------------------------------

    def _place_names(self, place: str) -> set[str]:
        """Return the lower-cased names a place filter (key, ref or name) stands for."""
        names = {place_filter_value(place).lower()}
        known = self.places.get(place)
        if known:
            names.update(n.lower() for n in [known.get("name"), known.get("ref"),
                                             *known["aliases"]] if n)
        return names

    def list_stories(self, filters: Filters, *, contested: bool | None = None,
                     sort: str = "claims", page: int = 1,
                     per_page: int = DEFAULT_PER_PAGE) -> Page:
        """Return a page of stories ordered by ``sort`` (claims: largest first; newest;
        contested: most contradictions first) matching the place, date, type, side and search
        filters (and ``contested``: True only stories with a contradiction); each with
        per-side claims and independent sources."""
        filters = filters.cleaned()
        page, per_page, offset = _bounds(page, per_page)
        kept = filter_stories(self.stories.stories(),
                              place_names=self._place_names(filters.place) if filters.place
                              else None, since=filters.since, until=filters.until,
                              type=filters.type, side=filters.side, search=filters.search,
                              speaker=filters.speaker, outlet=filters.outlet,
                              language=filters.language, contested=contested)
        kept = sort_stories(kept, sort)
        items = [summarise_listing(story) for story in kept[offset:offset + per_page]]
        return Page(items, page, per_page, len(kept) > offset + per_page, len(kept),
                    extra={"sort": sort})

    def story(self, story_id: str) -> dict[str, Any]:
        """Return one story side by side (see :func:`stories.compose_story`)."""
        story = self.stories.get(story_id)
        if story is None:
            raise NotFound(f"no story {story_id!r} in the ledger")
        keys = self.places.alias_keys()
        composed = compose_story(story, self.ledger, lambda c: self.annotate_claim(c, keys))
        composed["place_links"] = [
            {"name": name, "key": self._place_key_of(name)} for name in composed["places"]]
        return composed

    def _place_key_of(self, name: str) -> str | None:
        """Return the key of the most reported place of this name, or None."""
        found = [p for p in self.places.find(search=name) if (p["name"] or "") == name]
        return found[0]["key"] if found else None

    # -- claims -----------------------------------------------------------------------

    def annotate_claim(self, claim: dict[str, Any],
                       alias_keys: dict[str, str] | None = None) -> dict[str, Any]:
        """Add id, side, article link, place keys and places' approximate points to a
        find_claims dict (in place); ``alias_keys`` (PlaceCatalogue.alias_keys) sends a merged
        name to its place."""
        claim["id"] = claim_id(claim["article_id"], claim["claim"])
        claim["side"] = side_of_claim(claim)
        claim["chain"] = claim_chain(claim)
        claim["article_link"] = f"/articles/{claim['article_id']}#claim-{claim['claim']}"
        for place in claim.get("places") or ():
            key = place_key(place.get("ref"), place.get("name"))
            if not place.get("ref") and place.get("name") and alias_keys:
                key = alias_keys.get(place["name"].lower(), key)
            place["key"] = key
            place["approximate_point"] = approximate_point(place.get("ref"), place.get("lat"), place.get("lon"))
        return claim

    def _annotated(self, rows: list[dict[str, Any]],
                   alias_keys: dict[str, str] | None = None) -> list[dict[str, Any]]:
        keys = self.places.alias_keys() if alias_keys is None else alias_keys
        return [self.annotate_claim(row, keys) for row in rows]

    def claim_statement(self, filters: Filters) -> Any:
        """Return the SELECT of the claims matching ``filters`` but ``side`` (a place filter
        that names a known place matches its ref and every name merged into it)."""
        keys = self.places.filter_keys(filters.place) if filters.place else None
        return claim_statement(self.store, filters.ledger_args(), keys)

    def list_claims(self, filters: Filters, *, page: int = 1,
                    per_page: int = DEFAULT_PER_PAGE) -> Page:
        """Return a page of claims matching ``filters``, newest first."""
        filters = filters.cleaned()
        page, per_page, offset = _bounds(page, per_page)
        rows, more, total = read_claim_page(self.store, self.article_sides,
                                            self.claim_statement(filters), side=filters.side,
                                            offset=offset, per_page=per_page,
                                            described=self.described, totals=self.totals,
                                            searched=claim_text_match(filters.search) is not None)
        return Page(self._annotated(rows), page, per_page, more, total)

    def claim(self, value: str) -> dict[str, Any]:
        """Return one claim by its stable id (``<article id>~<claim id>``)."""
        parts = split_claim_id(value)
        found = read_claim(self.store, *parts, described=self.described) if parts else None
        if found is None:
            raise NotFound(f"no claim {value!r} in the ledger (a claim id is the article id, "
                           f"'~' and the claim's id in the article, e.g. a3)")
        return self._annotated([found])[0]

    def iter_claims(self, filters: Filters) -> Iterator[dict[str, Any]]:
        """Yield every claim matching ``filters`` (side included), newest first, annotated."""
        filters = filters.cleaned()
        keys = self.places.alias_keys()
        for claim in iter_claim_views(self.store, self.claim_statement(filters)):
            claim = self.annotate_claim(claim, keys)
            if not filters.side or claim["side"] == filters.side:
                yield claim

    # -- articles ---------------------------------------------------------------------

    def list_articles(self, filters: Filters, *, page: int = 1,
                      per_page: int = DEFAULT_PER_PAGE) -> Page:
        """Return a page of articles (metadata, no text), newest first.

        ``search`` is full-text over title and text; ``side``, ``outlet``, ``language``
        and ``since``/``until`` (on the published date) narrow the list further, and
        ``place``, ``type`` and ``speaker`` keep the articles with a claim matching them.
        """
        filters = filters.cleaned()
        page, per_page, offset = _bounds(page, per_page)
        with_claims = None
        if filters.place or filters.type or filters.speaker:
            with_claims = self.claim_statement(Filters(place=filters.place, type=filters.type,
                                                       speaker=filters.speaker))
        rows, more, total = read_article_page(
            self.store, self.article_sides, search=filters.search, side=filters.side,
            outlet=filters.outlet, language=filters.language, since=filters.since,
            until=filters.until, offset=offset, per_page=per_page, with_claims=with_claims,
            totals=self.totals, id_sets=self.article_ids)
        return Page(rows, page, per_page, more, total)

    def article(self, article_id: str) -> dict[str, Any]:
        """Return an article with its marked-up text, claims, places and events."""
        docs = list(self.ledger.iter_documents(ids=[article_id]))
        if not docs:
            raise NotFound(f"no article {article_id!r} in the ledger")
        doc = docs[0]
        claims = self._annotated([c["view"] for c in describe_claims(doc)])
        by_id: dict[str, dict[str, Any]] = {}
        for claim in claims:  # the parent of a nested claim is an attribution id
            by_id.setdefault(claim["claim"] if claim["headline"] else claim["attribution"] or claim["claim"],
                             claim)
        for claim in claims:
            claim["chain"] = claim_chain(claim, by_id)
        aliases = self.places.alias_keys()
        places = {}
        for place in doc.places:
            key = place_key(place.ref, place.name)
            if not place.ref and place.name:
                key = aliases.get(place.name.lower(), key)
            if key and key not in places:
                places[key] = {"key": key, "name": place.name or place.text, "ref": place.ref,
                               "level": place.level, "lat": place.lat, "lon": place.lon,
                               "approximate_point": approximate_point(place.ref, place.lat, place.lon)}
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
        page, per_page, offset = _bounds(page, per_page)
        rows = self.places.find(search=(search or "").strip() or None, level=level or None)
        return Page(rows[offset:offset + per_page], page, per_page,
                    len(rows) > offset + per_page, len(rows))

    def place(self, key: str, filters: Filters | None = None, *, page: int = 1,
              per_page: int = DEFAULT_PER_PAGE, with_map: bool = True) -> dict[str, Any]:
        """Return a place: its record, a map (unless ``with_map`` is False: the JSON has
        none), a page of its claims (oldest first) with their timeline by side, and for an
        oblast its settlements with claims, each with its claims per side and the latest
        claim of each side."""
        places = self.places.snapshot()
        place = places.get(key)
        if place is None:
            raise NotFound(f"no place {key!r} in the ledger")
        filters = Filters(**{**asdict((filters or Filters()).cleaned()), "place": None})
        page, per_page, offset = _bounds(page, per_page)
        args = filters.ledger_args()
        state = self.store.articles_state()
        # every claim of the place in order, kept: its pages are slices of it
        keys = self.place_claims.remember(
            ("claims", state, place["key"], tuple(sorted(args.items())), filters.side),
            lambda: read_claim_keys(self.store, self.article_sides,
                                    place_claim_statement(self.store, place, args), filters.side))
        shown = [(article, ord_) for article, ord_, _, _ in keys[offset:offset + per_page]]
        rows = read_claim_views(self.store, shown, self.described)
        claims = Page(self._annotated(rows, places.alias_keys()), page, per_page,
                      offset + per_page < len(keys), len(keys))
        chart = claims_chart({"date": date, "side": side} for _, _, date, side in keys)
        if chart:  # the chart covers every claim; a day's bar opens the page holding that day
            first_of_day: dict[str, int] = {}
            for index, (_, _, date, _) in enumerate(keys):
                first_of_day.setdefault((date or "")[:10], index)
            chart["page"] = page
            for bar in chart["bars"]:
                bar["page"] = first_of_day.get(bar["date"], offset) // per_page + 1
        inside: list[dict[str, Any]] = []
        if place["level"] == "oblast" and place["ref"]:
            inside = [p for p in places.find(oblast_of=place["ref"]) if p["level"] == "settlement"]
        key = ("settlements", state, place["key"], tuple(sorted(args.items())), filters.side)
        settlements, counted = self.totals.remember(key, lambda: summarise_settlements(
            self.store, self.article_sides, inside, args, filters.side))
        points = self.controls.annotate(_map_points(place, claims.items, inside)) if with_map else []
        shown_sides = order_sides({entry["side"] for s in settlements for entry in s["sides"]})
        return {"place": place, "claims": claims, "place_timeline": timeline_by_side(claims.items),
                "chart": chart,
                "settlements": settlements, "settlements_total": counted,
                "settlement_sides": [(side, side_label(side)) for side in shown_sides],
                "map": draw_map(points, focus=place) if with_map else None}

    def overview_map(self, limit: int = OVERVIEW_MARKERS) -> dict[str, Any]:
        """Return the map of the most reported places inside the base map's view (a settlement
        without coordinates at its approximate point, marked approximate)."""
        lon0, lat0, lon1, lat1 = OVERVIEW_BOUNDS
        points = []
        for row in self.places.rows():
            position = map_position(row)
            if position is None or row["level"] in OVERVIEW_SKIPPED:
                continue
            lat, lon, approximate = position
            if lon0 <= lon <= lon1 and lat0 <= lat <= lat1:
                points.append({**row, "lat": lat, "lon": lon, "approximate": approximate,
                               "role": "event", "events": {"articles": row["articles"]}})
                if len(points) >= limit:
                    break
        return draw_map(self.controls.annotate(points), max_labels=OVERVIEW_LABELS,
                        bounds=OVERVIEW_BOUNDS)

    # -- search and menus ------------------------------------------------------------

    def search(self, filters: Filters, *, page: int = 1,
               per_page: int = DEFAULT_PER_PAGE) -> dict[str, Any]:
        """Return matching claims and articles (full-text ``search`` plus the filters); each
        article carries ``snippet``, the sentence of its title or text holding the first hit
        (see :func:`hit_snippet`; None without a search)."""
        claims = self.list_claims(filters, page=page, per_page=per_page)
        articles = self.list_articles(filters, page=page, per_page=per_page)
        hits = hit_pattern(filters.search)
        snippets = read_article_snippets(self.store, [a["id"] for a in articles.items], hits) if hits else {}
        for article in articles.items:
            article["snippet"] = snippets.get(article["id"])
        return {"claims": claims, "articles": articles}

    def menus(self) -> dict[str, Any]:
        """Return the values the filter menus offer: event types, outlets, sides, languages; kept
        per state of the store (every page shows them, and reading them groups every event: 0.3 s
        at 33,000 articles on PostgreSQL)."""
        state = self.store.articles_state()
        return self.menu_values.remember(("menus", state), self._read_menus)

    def _read_menus(self) -> dict[str, Any]:
        outlets = list_outlets(self.store)
        present, languages = self.article_sides.present()
        sides = order_sides({side_of_outlet(o) for o, _ in outlets} | present | {UNKNOWN})
        return {"types": [t for t, _ in list_event_types(self.store)],
                "outlets": [o for o, _ in outlets if o],
                "sides": [(s, side_label(s)) for s in sides],
                "languages": sorted(languages), "levels": list(PLACE_LEVELS)}


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
    claims' events name (with the event types claimed there); a place without coordinates
    at its approximate point (``approximate`` True)."""
    points: dict[str, dict[str, Any]] = {}

    def add(found: dict[str, Any], role: str, level: str | None = None) -> dict | None:
        key, position = found.get("key"), map_position(found)
        if not key or position is None or level in UNMAPPED_LEVELS:
            return None
        lat, lon, approximate = position
        return points.setdefault(key, {"key": key, "name": found.get("name") or key, "lat": lat,
                                       "lon": lon, "approximate": approximate, "role": role,
                                       "events": {}})

    add(place, "focus")
    for settlement in inside:
        add(settlement, "inside")
    for claim in claims:
        named = {p["key"]: p for p in claim.get("places") or () if p.get("key")}
        for event in claim.get("events") or ():
            for ref, name in zip(event.get("refs") or (), event.get("places") or ()):
                match = named.get(ref) or next((p for p in named.values()
                                                if p.get("name") == name), None)
                if match:
                    point = add(match, "event", match.get("level"))
                    if point is not None:
                        point["events"][event["type"]] = point["events"].get(event["type"], 0) + 1
    return list(points.values())
