"""Stories for the web view: the listing with its filters, and one story side by side.

A story is the claims reporting one event (``claimledger.link``, stored by linking in the
``stories`` table; read through ``Ledger.find_stories`` and ``Ledger.get_story``). The
listing shows per side the claims and independent sources, and marks contested stories;
the story view puts one column per side (the two belligerents always, others when
present), each claim enriched from its article (role, cue, hedges, events, chain of
sources) and the links between claims (contradict, agree, repeat) listed and numbered.
"""
from __future__ import annotations

import threading
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import func, select

from ..errors import StoreError
from ..store import schema
from ..store.stories import story_contradictions
from ..claims import date_bounds, describe_claims
from .readonly import ReadOnlyStore
from .sides import UNKNOWN, order_sides, side_label

# Columns shown on every story even when empty: a side that says nothing is news too.
ALWAYS_SHOWN_SIDES = ("ukraine", "russia")
LINK_LABELS = ("contradict", "agree", "repeat")
# Claims and links one story view shows, the first in the story's order: a story of a front-line
# town over a week can gather thousands of claims (each read from its article), and one page or
# JSON answer must stay bounded. The demo ledger's largest story has 47 claims.
MAX_STORY_CLAIMS = 300
MAX_STORY_LINKS = 1000


class StoryCatalogue:
    """Every stored story summary, parsed once per state of the ``stories`` table.

    Linking replaces the table wholesale, so its state is its row count, last key and
    the first and last story ids (content hashes): one cheap aggregate per request.
    """

    def __init__(self, store: ReadOnlyStore):
        self._store = store
        self._lock = threading.Lock()
        self._state: tuple | None = None
        self._stories: list[dict[str, Any]] = []
        self._by_id: dict[str, dict[str, Any]] = {}

    def _read_state(self) -> tuple:
        table = schema.stories
        with self._store.connect() as conn:
            return tuple(conn.execute(select(func.count(), func.max(table.c.pk),
                                             func.min(table.c.id), func.max(table.c.id))).one())

    def stories(self) -> list[dict[str, Any]]:
        """Return every story summary, largest first (as ``Ledger.find_stories`` orders them)."""
        state = self._read_state()
        with self._lock:
            if state != self._state:
                self._stories = self._store.ledger.find_stories(limit=None)
                self._by_id = {story["id"]: story for story in self._stories}
                self._state = state
            return self._stories

    def get(self, story_id: str) -> dict[str, Any] | None:
        """Return one story summary by id, or None."""
        self.stories()
        return self._by_id.get(story_id)


def story_camps(story: dict[str, Any]) -> set[str]:
    """Return the sides (camps) a story's claims come from."""
    return {claim.get("camp") or UNKNOWN for claim in story["claims"]}


def story_place_names(story: dict[str, Any]) -> set[str]:
    """Return the lower-cased names and keys of the places a story is about: an event story's
    anchor, not every place its claims name (a daily summary names dozens)."""
    anchor = story.get("anchor") or {}
    return {p.lower() for p in [*(story.get("places") or {}), *(anchor.get("places") or ())]}


def filter_stories(stories: list[dict[str, Any]], *, place_names: set[str] | None = None,
                   since: str | None = None, until: str | None = None, type: str | None = None,
                   side: str | None = None, search: str | None = None,
                   speaker: str | None = None, outlet: str | None = None,
                   language: str | None = None, contested: bool | None = None
                   ) -> list[dict[str, Any]]:
    """Return the stories matching every filter given.

    ``place_names`` (lower case) a place the story is about; ``since``/``until`` (ISO date,
    month or year) overlap the story's dates; ``type`` an event type of the story;
    ``side`` a side one of its claims comes from; ``search`` every word in its title or
    claim texts; ``speaker`` and ``outlet`` a substring of a claim's speaker (or chain)
    and outlet; ``language`` a claim's article language; ``contested`` True only stories
    with a contradiction, False only those without. Raises StoreError for a date that is
    not ISO.
    """
    bounds = {}
    for name, value in (("since", since), ("until", until)):
        if value:
            bounds[name] = date_bounds(value)
            if bounds[name] is None:
                raise StoreError(f"{name}: not an ISO date, month or year: {value!r}")
    words = (search or "").lower().split()
    kept = []
    for story in stories:
        if place_names and not place_names & story_place_names(story):
            continue
        if "since" in bounds and (story.get("last_date") or "") < bounds["since"][0]:
            continue
        if "until" in bounds and not story.get("first_date"):
            continue
        if "until" in bounds and story["first_date"] > bounds["until"][1]:
            continue
        if type and type not in (story.get("types") or {}):
            continue
        if side and side not in story_camps(story):
            continue
        if contested is not None and (story_contradictions(story) > 0) != contested:
            continue
        claims = story["claims"]
        if speaker and not any(speaker.lower() in " | ".join(
                [c.get("speaker") or "", *(c.get("chain") or ())]).lower() for c in claims):
            continue
        if outlet and not any(outlet.lower() in (c.get("outlet") or "").lower() for c in claims):
            continue
        if language and not any(c.get("language") == language for c in claims):
            continue
        if words:
            haystack = " ".join([story["title"], *(c.get("text") or "" for c in story["claims"])])
            if not all(word in haystack.lower() for word in words):
                continue
        kept.append(story)
    return kept


def summarise_listing(story: dict[str, Any]) -> dict[str, Any]:
    """Return what the stories listing shows of a story: dates, counts, and per side the
    claims, independent sources and outlets; contradictions counted."""
    per_side: dict[str, dict[str, Any]] = {}
    for name, side in (story.get("sides") or {}).items():
        camp = side.get("camp") or UNKNOWN
        entry = per_side.setdefault(camp, {"side": camp, "label": side_label(camp), "claims": 0,
                                           "independent_sources": 0, "outlets": set()})
        entry["claims"] += side.get("claims", 0)
        entry["independent_sources"] += side.get("independent_sources", 0)
        entry["outlets"].update(o for o in side.get("outlets") or () if o and o != "?")
    sides = [{**per_side[s], "outlets": sorted(per_side[s]["outlets"])}
             for s in order_sides(set(per_side))]
    relations = story.get("relations") or {}
    first = story.get("first") or {}
    contradictions = story_contradictions(story)
    return {
        "id": story["id"], "title": story["title"], "kind": story.get("kind", "event"),
        "first_date": story.get("first_date"),
        "last_date": story.get("last_date"), "claims": len(story["claims"]),
        "types": story.get("types") or {}, "places": list(story.get("places") or {}),
        "independent_sources": story.get("independent_sources"), "sides": sides,
        "relations": relations, "contested": contradictions > 0,
        "contradictions": contradictions,
        "first": {"speaker": first.get("speaker"), "outlet": first.get("outlet"),
                  "published": first.get("published"), "side": first.get("camp")},
    }


def _claim_details(ledger: Any, claims: list[dict[str, Any]]) -> dict[tuple[str, int], dict]:
    """Return the full claim dicts (find_claims keys) of story claims, by (article, ord)."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for claim in claims:
        wanted[claim["article_id"]].add(claim["ord"])
    found = {}
    for doc in ledger.iter_documents(ids=list(wanted)):
        described = describe_claims(doc)
        for ord_ in wanted[doc.article.id]:
            if 0 <= ord_ < len(described):
                found[(doc.article.id, ord_)] = described[ord_]["view"]
    return found


def compose_story(story: dict[str, Any], ledger: Any, annotate: Any, *,
                  max_claims: int = MAX_STORY_CLAIMS, max_links: int = MAX_STORY_LINKS
                  ) -> dict[str, Any]:
    """Return a story side by side: ``columns`` (one per side, in fixed order) of claim
    cards, and ``links`` between cards numbered, each with its label and reason; at most
    ``max_claims`` cards (the first ones; ``claims_shown`` says how many, ``claims`` all) and
    ``max_links`` links between them.

    ``annotate`` adds the web view's fields (article link, chain, place keys) to a
    find_claims dict; a claim whose article is gone keeps the story's own fields.
    """
    shown_claims = story["claims"][:max_claims]
    details = _claim_details(ledger, shown_claims)
    index = {(c["article_id"], c["ord"]): i for i, c in enumerate(shown_claims)}
    whole = {(c["article_id"], c["ord"]) for c in story["claims"]}
    links, marks = [], defaultdict(list)
    numbers: Counter = Counter()
    ordered_links = sorted(story.get("links") or (), key=lambda link: (
        LINK_LABELS.index(link["label"]) if link["label"] in LINK_LABELS else len(LINK_LABELS)))
    for link in ordered_links:
        a = index.get((link["a_article"], link["a_ord"]))
        b = index.get((link["b_article"], link["b_ord"]))
        if a is None or b is None:
            continue
        if len(links) >= max_links:
            break
        numbers[link["label"]] += 1
        tag = f"{link['label'][0].upper()}{numbers[link['label']]}"
        entry = {"tag": tag, "label": link["label"], "reason": link.get("reason") or "",
                 "score": link.get("score"), "a": a, "b": b}
        links.append(entry)
        marks[a].append(entry)
        marks[b].append(entry)
    cards: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i, claim in enumerate(shown_claims):
        camp = claim.get("camp") or UNKNOWN
        full = details.get((claim["article_id"], claim["ord"]))
        if full is not None:
            card = annotate(dict(full))
        else:
            card = {"claim": f"{claim['ord']}", "article_id": claim["article_id"],
                    "outlet": claim.get("outlet"), "speaker": claim.get("speaker"),
                    "content": claim.get("text"), "date": claim.get("date"), "hedges": [],
                    "events": [], "places": [], "article_link": f"/articles/{claim['article_id']}"}
        outlet = card.get("outlet") or claim.get("outlet") or "unknown outlet"
        card["chain"] = [outlet, *(who for who in claim.get("chain") or () if who != outlet)]
        if len(card["chain"]) == 1 and (card.get("speaker") or card.get("source")):
            card["chain"].append(card.get("speaker") or card.get("source"))
        card.update({"card": i, "side": camp, "registry_side": claim.get("side"),
                     "links": marks.get(i, []), "story_date": claim.get("date")})
        cards[camp].append(card)
    shown = order_sides(set(cards) | set(ALWAYS_SHOWN_SIDES))
    sides = story.get("sides") or {}
    columns = []
    for camp in shown:
        members = [s for s in sides.values() if (s.get("camp") or UNKNOWN) == camp]
        columns.append({
            "side": camp, "label": side_label(camp), "claims": cards.get(camp, []),
            "independent_sources": sum(s.get("independent_sources", 0) for s in members),
            "outlets": sorted({o for s in members for o in s.get("outlets") or () if o != "?"}),
            "framing": list(dict.fromkeys(t for s in members for t in s.get("framing") or ())),
        })
    for link in links:
        link["a_side"] = story["claims"][link["a"]].get("camp") or UNKNOWN
        link["b_side"] = story["claims"][link["b"]].get("camp") or UNKNOWN
        link["across"] = link["a_side"] != link["b_side"]
    return {**summarise_listing(story), "columns": columns, "links": links,
            "claims_shown": len(shown_claims), "links_shown": len(links),
            "links_total": sum(1 for link in story.get("links") or ()
                               if (link["a_article"], link["a_ord"]) in whole
                               and (link["b_article"], link["b_ord"]) in whole)}
