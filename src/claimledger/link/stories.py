"""Stories: the claims that report one event, summarised per side.

A story is anchored on one event (anchors.py): an event type family (a type and the types it
conflicts with: taken vs repelled), one place and a time window. ``build_stories(claims, links)``
derives each link's anchors from the events its two claims share and makes one story per anchor,
so a claim naming eight places sits in the stories of the events it shares with others but never
joins them into one. Links without a shared event (a statement re-reported, copied text) add a
claim to the stories of the claim it repeats when that claim has one, and otherwise form a
**statement story**. An event story is titled by its most common event type, in words, at its
place ("territory control at Vovchansk"); a statement story by its speaker and the event most of
its claims report ("general staff on strike at Vovchansk"), else the words most of them use. A
story is **contested** when a contradict link joins two of its claims.

Each story is summarised: event types, places, dates, who said it first, and per side the claims,
the outlets that carried them, the framing words used (extract/attribution/framing.py) and the number of
**independent sources**: claims that share a source (the same original speaker, or the same
outlet speaking for itself) or that are linked as repeats (copied text, re-reported source chain)
count as one source. ``compare_story`` turns a summary into a side-by-side view (one column per
camp) with the contradictions marked.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..extract.attribution.framing import find_framing_concepts
from .anchors import Anchor, anchor_link, anchored_types, group_windows
from .matching import ClaimLink, LinkClaim
from .outlets import CAMPS
from .relations import STOPWORDS, tokenize

MIN_STORY_CLAIMS = 2
MAX_TEXT_CHARS = 300  # claim text kept in a story summary
CAMP_ORDER = ("russia", "ukraine", "other")
UNKNOWN_SIDE = "unknown"
# A statement story's title: its speaker and this many topic words, the words of at least
# MIN_TOPIC_CHARS letters that most of its claims use (stopwords of relations.py left out).
TOPIC_WORDS = 3
MIN_TOPIC_CHARS = 4
# A place key that is a code and not a name: never shown in a title.
_PLACE_CODE = re.compile(r"UA\d{17}|geonames:\d+", re.IGNORECASE)


# Framing concepts of the claim texts last summarised: a claim sits in several stories (one per
# event it shares), and the stories are all rebuilt on each link run.
FRAMING_CACHE = 65536


@lru_cache(maxsize=FRAMING_CACHE)
def _framing_concepts(text: str, language: str | None) -> tuple[str, ...]:
    return tuple(find_framing_concepts(text, language))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, item: Any) -> Any:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: Any, b: Any) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def _claim_view(claim: LinkClaim) -> dict[str, Any]:
    text = claim.text if len(claim.text) <= MAX_TEXT_CHARS else claim.text[:MAX_TEXT_CHARS] + "…"
    return {"article_id": claim.article_id, "ord": claim.ord, "outlet": claim.outlet,
            "side": claim.side or UNKNOWN_SIDE, "camp": CAMPS.get(claim.side or "", "other"),
            "speaker": claim.speaker, "chain": list(claim.chain), "language": claim.language,
            "published": claim.published, "date": claim.date_start, "types": list(claim.types),
            "places": list(claim.place_names), "denied": list(claim.denied), "text": text,
            "source": claim.source_key}


def count_independent_sources(claims: Sequence[LinkClaim], links: Sequence[ClaimLink]) -> int:
    """Return how many independent sources a set of claims has: claims sharing a source key or
    joined by a repeat link count once."""
    groups = _UnionFind()
    keys = {claim.key for claim in claims}
    by_source: dict[str, tuple[str, int]] = {}
    for claim in claims:
        groups.find(claim.key)
        if claim.source_key in by_source:
            groups.union(claim.key, by_source[claim.source_key])
        else:
            by_source[claim.source_key] = claim.key
    # "Putin" and "Vladimir Putin": a speaker whose name words are all in another's is the same
    for short, long in _contained_speakers([key for key in by_source if key.startswith("speaker:")]):
        groups.union(by_source[short], by_source[long])
    for link in links:
        if link.label == "repeat" and link.a in keys and link.b in keys:
            groups.union(link.a, link.b)
    return len({groups.find(claim.key) for claim in claims})


def _contained_speakers(keys: Sequence[str]) -> list[tuple[str, str]]:
    """Return (short, long) pairs of speaker keys whose name words are all among the other's
    ("speaker:putin", "speaker:vladimir putin"). Indexed by word, so a story with many speakers
    costs the speakers sharing a word, not every pair of them."""
    words = {key: frozenset(key.split(":", 1)[1].split()) for key in keys}
    having: dict[str, set[str]] = {}
    for key, names in words.items():
        for word in names:
            having.setdefault(word, set()).add(key)
    found = []
    for short, names in words.items():
        if not names:
            continue
        rarest = min(names, key=lambda word: len(having[word]))
        found.extend((short, long) for long in sorted(having[rarest])
                     if long != short and names < words[long])
    return found


def _story_id(*parts: Any) -> str:
    return "s" + hashlib.blake2b(repr(parts).encode(), digest_size=5).hexdigest()


def _period(start: str | None, end: str | None) -> str:
    if not start:
        return "undated"
    return start + (f" – {end}" if end and end != start else "")


def _speaker(claim: LinkClaim) -> str:
    if claim.source_key.startswith("speaker:") and claim.speaker:
        return claim.speaker
    return claim.outlet or claim.source_key.split(":", 1)[-1] or "unknown source"


def topic_words(claims: Sequence[LinkClaim], limit: int = TOPIC_WORDS) -> list[str]:
    """Return the words most of the claims use (no stopwords, numbers or short words), the
    most shared first, ties in the order the first claim uses them."""
    counts: Counter = Counter()
    order: dict[str, int] = {}
    for claim in claims:
        words = [t for t in tokenize(claim.text) if t.isalpha() and len(t) >= MIN_TOPIC_CHARS
                 and t not in STOPWORDS]
        for word in words:
            order.setdefault(word, len(order))
        counts.update(set(words))
    return sorted(counts, key=lambda w: (-counts[w], order[w]))[:limit]


def event_label(type_: str) -> str:
    """Return an event type as a title says it ("territory_control" -> "territory control");
    "other" (an event of no known type) as "events"."""
    return "events" if type_ == "other" else type_.replace("_", " ")


def _main_type(types: Counter) -> str | None:
    """Return the most common event type, one of a known kind before "other"."""
    ranked = [t for t, _ in types.most_common()]
    return next((t for t in ranked if t != "other"), ranked[0] if ranked else None)


def _is_code(value: str) -> bool:
    """Return True for a place key that is a code, not a name (KATOTTG, geonames:<id>)."""
    return bool(_PLACE_CODE.fullmatch(value))


def event_title(type_: str | None, places: Sequence[str], start: str | None, end: str | None) -> str:
    """Return an event story's title: the event and where, then when ("territory control at
    Vovchansk (2024-05-12)"); a story found at several places names the first ("strike at
    Sumy and 1 other place")."""
    named = [p for p in places if p and not _is_code(p)]
    what = event_label(type_) if type_ else "events"
    where = ""
    if named:
        more = len(named) - 1
        where = f" at {named[0]}" + (f" and {more} other place{'s' * (more != 1)}" if more else "")
    return f"{what}{where} ({_period(start, end)})"


def _event_facts(claims: Sequence[LinkClaim], anchor: Anchor, places: Sequence[str]
                 ) -> tuple[Counter, dict[str, int], str]:
    """Return an event story's types (claims per type), places (claims naming each, by name,
    the anchor's first) and title (its most common type at its place)."""
    types = Counter(t for c in claims for t in anchored_types(c, anchor.family, places))
    if not types:
        types.update(anchor.family.split("|"))
    names = {key: name for c in claims for key, name in c.place_labels}
    named = {names.get(key, key): sum(key in c.places for c in claims) for key in places}
    return types, named, event_title(_main_type(types), list(named), anchor.start, anchor.end)


def statement_title(claims: Sequence[LinkClaim], speaker: str, start: str | None,
                    end: str | None) -> str:
    """Return a statement story's title: who speaks, on what. The subject is the event most
    of its claims report, at the place most of them name ("on strike at Vovchansk"), else
    the words most of them use ("on never, accept, occupation")."""
    half = (len(claims) + 1) // 2
    types = Counter(t for c in claims for t in dict.fromkeys(c.types) if t != "other")
    places = Counter(p for c in claims for p in dict.fromkeys(c.place_names) if not _is_code(p))
    main = _main_type(Counter({t: n for t, n in types.items() if n >= half}))
    where = next((p for p, n in places.most_common() if n >= half), None)
    if main:
        subject = event_label(main) + (f" at {where}" if where else "")
    else:
        subject = ", ".join(topic_words(claims)) or (f"events at {where}" if where else "")
    return f"{speaker}{' on ' + subject if subject else ''} ({_period(start, end)})"


def summarise_story(claims: Sequence[LinkClaim], links: Sequence[ClaimLink],
                    anchor: Anchor | None = None, places: Sequence[str] = ()) -> dict[str, Any]:
    """Return the JSON-ready summary of one story (its claims and the links between them):
    an event story with its ``anchor`` (and the ``places`` it was reported at, the anchor's
    first), else a statement story titled by its speaker and topic words."""
    ordered = sorted(claims, key=lambda c: (c.published or "9999", c.date_start or "", c.key))
    first = ordered[0]
    if anchor is not None:
        places = list(places) or [anchor.place]
        types, named, title = _event_facts(claims, anchor, places)
        # Named after its first claim and its anchor: later reports joining keep its id (and URL).
        story_id = _story_id(first.key, anchor.family, anchor.place)
        first_date, last_date = anchor.start, anchor.end
        about = {"family": anchor.family, "place": anchor.place, "places": places,
                 "start": anchor.start, "end": anchor.end}
    else:
        types = Counter(t for c in claims for t in c.types)
        named = dict(Counter(p for c in claims for p in c.place_names).most_common())
        dates = sorted(d for c in claims for d in (c.date_start, c.date_end) if d)
        first_date, last_date = (dates[0], dates[-1]) if dates else (None, None)
        speaker = Counter(_speaker(c) for c in ordered).most_common(1)[0][0]
        title = statement_title(ordered, speaker, first_date, last_date)
        story_id = _story_id(first.key, "statement")
        about = None
    sides: dict[str, dict[str, Any]] = {}
    for side in sorted({c.side or UNKNOWN_SIDE for c in claims}):
        members = [c for c in ordered if (c.side or UNKNOWN_SIDE) == side]
        framing = Counter(t for c in members for t in _framing_concepts(c.text, c.language))
        sides[side] = {
            "camp": CAMPS.get(side, "other"), "claims": len(members),
            "independent_sources": count_independent_sources(members, links),
            "outlets": sorted({c.outlet or "?" for c in members}),
            "speakers": sorted({c.speaker for c in members if c.speaker}),
            "first": _claim_view(members[0]),
            "framing": [term for term, _ in framing.most_common()],
        }
    relations = Counter(link.label for link in links)
    return {
        "id": story_id, "title": title, "kind": "event" if anchor is not None else "statement",
        "anchor": about, "types": dict(types.most_common()), "places": named,
        "first_date": first_date, "last_date": last_date,
        "claims": [_claim_view(c) for c in ordered], "first": _claim_view(first), "sides": sides,
        "independent_sources": count_independent_sources(claims, links),
        "links": [link.to_dict() for link in links], "relations": dict(relations),
        "contested": relations["contradict"] > 0, "contradictions": relations["contradict"],
    }


def _pick_anchor(anchors: list[Anchor], claims: Sequence[LinkClaim]) -> tuple[Anchor, list[str]]:
    """Return the anchor of a story found at several places (the same claims, one event named
    at each: "strikes on Sumy and Poltava"): the place most claims name, the window covering
    all; and the places, that one first."""
    named = Counter(key for c in claims for key in c.places)
    places = sorted({a.place for a in anchors}, key=lambda key: (-named[key], key))
    starts = [a.start for a in anchors if a.start]
    ends = [a.end for a in anchors if a.end]
    return Anchor(anchors[0].family, places[0], min(starts) if starts else None,
                  max(ends) if ends else None), places


def _same_window(x: Anchor, y: Anchor) -> bool:
    """Return whether two anchors' windows overlap (two undated ones do)."""
    if not (x.start and y.start):
        return not x.start and not y.start
    return x.start <= (y.end or y.start) and y.start <= (x.end or x.start)


def build_stories(claims: Sequence[LinkClaim], links: Sequence[ClaimLink],
                  min_claims: int = MIN_STORY_CLAIMS) -> list[dict[str, Any]]:
    """Return story summaries, largest first: one per event anchor (type family, place, time
    window) of the links, and statement stories of the links without a shared event."""
    by_key = {claim.key: claim for claim in claims}
    usable = [link for link in links
              if link.a in by_key and link.b in by_key and link.label != "unrelated"]
    positions: dict[tuple, list[int]] = {}
    for i, link in enumerate(usable):
        positions.setdefault((link.a, link.b), []).append(i)
    edges, loose = [], []
    for link in usable:
        found = anchor_link(link, by_key[link.a], by_key[link.b])
        edges.extend(found)
        if not found:
            loose.append(link)
    # One story per anchor; anchors with the very same claims at the same time (one event named
    # at several places by the same claims: "strikes on Sumy and Poltava") are one story.
    same_claims: dict[tuple[str, frozenset], list[dict[str, Any]]] = {}
    events: list[dict[str, Any]] = []
    for anchor, members in group_windows(edges):
        keys = frozenset(key for edge in members for key in (edge.link.a, edge.link.b))
        found = same_claims.setdefault((anchor.family, keys), [])
        story = next((s for s in found if _same_window(s["anchors"][0], anchor)), None)
        if story is None:
            story = {"anchors": [], "claims": set(keys), "links": set()}
            found.append(story)
            events.append(story)
        story["anchors"].append(anchor)
        story["links"].update((edge.link.a, edge.link.b) for edge in members)
    member_of: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for story in events:
        for key in story["claims"]:
            member_of.setdefault(key, []).append(story)
    # A link without a shared event joins a claim to the stories of the claim it repeats;
    # between two claims without a story, it makes a statement story.
    statements, statement_links = _UnionFind(), []
    for link in loose:
        joined = False
        for this, other in ((link.a, link.b), (link.b, link.a)):
            for story in member_of.get(this, ()):
                story["claims"].add(other)
                story["links"].add((link.a, link.b))
                joined = True
        if not joined:
            statements.union(link.a, link.b)
            statement_links.append(link)
    summaries, taken = [], set()
    for story in events:
        if len(story["claims"]) < min_claims:
            continue
        members = [by_key[key] for key in sorted(story["claims"])]
        anchor, places = _pick_anchor(story["anchors"], members)
        chosen = [usable[i] for i in sorted(i for pair in story["links"] for i in positions[pair])]
        summary = summarise_story(members, chosen, anchor, places)
        if summary["id"] in taken:  # the same first claim at the same place, another window
            first = (summary["first"]["article_id"], summary["first"]["ord"])
            summary["id"] = _story_id(first, anchor.family, anchor.place, anchor.start)
        taken.add(summary["id"])
        summaries.append(summary)
    groups: dict[Any, list[LinkClaim]] = {}
    for key in list(statements.parent):
        groups.setdefault(statements.find(key), []).append(by_key[key])
    grouped_links: dict[Any, list[ClaimLink]] = {}
    for link in statement_links:
        grouped_links.setdefault(statements.find(link.a), []).append(link)
    for root, members in groups.items():
        if len(members) >= min_claims:
            summaries.append(summarise_story(members, grouped_links.get(root, [])))
    summaries.sort(key=lambda s: (-len(s["claims"]), s["first_date"] or "", s["id"]))
    return summaries


def compare_story(summary: dict[str, Any]) -> dict[str, Any]:
    """Return a side-by-side view of a story: per camp, its claims (each with the numbers of the
    contradictions it takes part in), sides, sources and framing; plus the contradictions."""
    contradictions = [link for link in summary["links"] if link["label"] == "contradict"]
    marks: dict[tuple[str, int], list[int]] = {}
    for number, link in enumerate(contradictions, 1):
        for key in ((link["a_article"], link["a_ord"]), (link["b_article"], link["b_ord"])):
            marks.setdefault(key, []).append(number)
    columns: dict[str, dict[str, Any]] = {}
    for camp in CAMP_ORDER:
        claims = [dict(c, contradicts=marks.get((c["article_id"], c["ord"]), []))
                  for c in summary["claims"] if c["camp"] == camp]
        sides = {name: side for name, side in summary["sides"].items() if side["camp"] == camp}
        if not claims:
            continue
        columns[camp] = {
            "claims": claims, "sides": sorted(sides),
            "independent_sources": sum(s["independent_sources"] for s in sides.values()),
            "outlets": sorted({o for s in sides.values() for o in s["outlets"]}),
            "framing": list(dict.fromkeys(t for s in sides.values() for t in s["framing"])),
            "first": min((s["first"] for s in sides.values()),
                         key=lambda c: (c["published"] or "9999", c["date"] or "")),
        }
    by_key = {(c["article_id"], c["ord"]): c for c in summary["claims"]}
    listed = []
    for number, link in enumerate(contradictions, 1):
        a = by_key.get((link["a_article"], link["a_ord"]), {})
        b = by_key.get((link["b_article"], link["b_ord"]), {})
        listed.append({"number": number, "reason": link["reason"],
                       "a": {"camp": a.get("camp"), "speaker": a.get("speaker"), "outlet": a.get("outlet")},
                       "b": {"camp": b.get("camp"), "speaker": b.get("speaker"), "outlet": b.get("outlet")}})
    return {"id": summary["id"], "title": summary["title"], "first": summary["first"],
            "contested": bool(listed), "columns": columns, "contradictions": listed,
            "relations": summary["relations"]}
