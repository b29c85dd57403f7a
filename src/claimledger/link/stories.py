"""Stories: clusters of linked claims about one event, summarised per side.

``build_stories(claims, links)`` joins claims connected by repeat/agree/contradict links
(union-find) and summarises each cluster of two or more claims: event types, places, dates,
who said it first, and per side the claims, the outlets that carried them, the framing words
used (extract/framing.py) and the number of **independent sources**: claims that share a
source (the same original speaker, or the same outlet speaking for itself) or that are linked
as repeats (copied text, re-reported source chain) count as one source. ``compare_story`` turns
a summary into a side-by-side view (one column per camp) with the contradictions marked.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..extract.framing import find_framing_concepts
from .matching import MAX_EVENT_PLACES, ClaimLink, LinkClaim
from .outlets import CAMPS

MIN_STORY_CLAIMS = 2
MAX_TEXT_CHARS = 300  # claim text kept in a story summary
CAMP_ORDER = ("russia", "ukraine", "other")
UNKNOWN_SIDE = "unknown"


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
    speakers = {key: set(key.split(":", 1)[1].split()) for key in by_source if key.startswith("speaker:")}
    for short, words in speakers.items():
        for long, more in speakers.items():
            if short != long and words and words < more:
                groups.union(by_source[short], by_source[long])
    for link in links:
        if link.label == "repeat" and link.a in keys and link.b in keys:
            groups.union(link.a, link.b)
    return len({groups.find(claim.key) for claim in claims})


def summarise_story(claims: Sequence[LinkClaim], links: Sequence[ClaimLink]) -> dict[str, Any]:
    """Return the JSON-ready summary of one story (its claims and the links between them)."""
    ordered = sorted(claims, key=lambda c: (c.published or "9999", c.date_start or "", c.key))
    first = ordered[0]
    # Named after its first claim: later reports joining the story keep its id (and its URL).
    story_id = "s" + hashlib.blake2b(repr(first.key).encode(), digest_size=5).hexdigest()
    types = Counter(t for c in claims for t in c.types)
    places = Counter(p for c in claims for p in c.place_names)
    dates = sorted(d for c in claims for d in (c.date_start, c.date_end) if d)
    sides: dict[str, dict[str, Any]] = {}
    for side in sorted({c.side or UNKNOWN_SIDE for c in claims}):
        members = [c for c in ordered if (c.side or UNKNOWN_SIDE) == side]
        framing = Counter(t for c in members for t in find_framing_concepts(c.text, c.language))
        sides[side] = {
            "camp": CAMPS.get(side, "other"), "claims": len(members),
            "independent_sources": count_independent_sources(members, links),
            "outlets": sorted({c.outlet or "?" for c in members}),
            "speakers": sorted({c.speaker for c in members if c.speaker}),
            "first": _claim_view(members[0]),
            "framing": [term for term, _ in framing.most_common()],
        }
    top_type = types.most_common(1)[0][0] if types else "claims"
    top_places = [p for p, _ in places.most_common(2)]
    period = f"{dates[0]}" + (f" – {dates[-1]}" if dates and dates[-1] != dates[0] else "") if dates else "undated"
    title = f"{top_type} at {', '.join(top_places) if top_places else 'unplaced'} ({period})"
    return {
        "id": story_id, "title": title, "types": dict(types.most_common()),
        "places": dict(places.most_common()), "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None, "claims": [_claim_view(c) for c in ordered],
        "first": _claim_view(first), "sides": sides,
        "independent_sources": count_independent_sources(claims, links),
        "links": [link.to_dict() for link in links],
        "relations": dict(Counter(link.label for link in links)),
    }


def build_stories(claims: Sequence[LinkClaim], links: Sequence[ClaimLink],
                  min_claims: int = MIN_STORY_CLAIMS) -> list[dict[str, Any]]:
    """Return story summaries: clusters of claims joined by links, largest first."""
    by_key = {claim.key: claim for claim in claims}
    groups = _UnionFind()
    for link in links:
        if link.a in by_key and link.b in by_key and link.label != "unrelated":
            surveys = max(len(by_key[link.a].places), len(by_key[link.b].places)) > MAX_EVENT_PLACES
            if link.label == "repeat" or not surveys:  # a survey of many places joins no story
                groups.union(link.a, link.b)
    members: dict[Any, list[LinkClaim]] = {}
    for key in list(groups.parent):
        members.setdefault(groups.find(key), []).append(by_key[key])
    story_links: dict[Any, list[ClaimLink]] = {}
    for link in links:
        if link.a in by_key and link.b in by_key:
            story_links.setdefault(groups.find(link.a), []).append(link)
    stories = [summarise_story(group, story_links.get(root, []))
               for root, group in members.items() if len(group) >= min_claims]
    stories.sort(key=lambda s: (-len(s["claims"]), s["first_date"] or "", s["id"]))
    return stories


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
            "columns": columns, "contradictions": listed, "relations": summary["relations"]}
