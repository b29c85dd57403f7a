"""Claim matching across documents and languages: canonical claims and the relation of a pair.

A :class:`LinkClaim` is one claim of the ledger (an attribution, or an event the outlet asserts)
reduced to the fields that compare across English, Russian and Ukrainian without translation:
event types, place references (KATOTTG codes, GeoNames ids), the date range, polarity, counts,
the speaker chain and its side, and the text's word shingles. ``make_link_claims`` builds them
from analysed documents.

Candidate pairs come from blocking (blocking.py: claims sharing an event, a source's week or
copied text, a bounded number per claim); ``classify_link`` relates a
pair from its canonical fields: copied text is a repeat; otherwise the claims must share an **event** (same type, a shared place, overlapping dates) to agree or contradict, and a
contradiction needs evidence a reader can check (denied vs asserted, incompatible outcomes,
different counts, opposite outcome words). Claims of one source without a shared event are a
repeat only when their wording is close. The sentence vectors of relations.py are not used here:
the ledger links across languages through canonical fields, and stays fast.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from ..claims import date_bounds, describe_claims
from ..models import AnalysedDocument
from .outlets import CAMPS, OutletRegistry, find_outlet, speaker_side
from .relations import (REPEAT_MIN_OVERLAP, REUSE_CONTAINMENT, Relation, containment,
                        find_contradiction_cues, lexical_similarity, tokenize)

# Place levels precise enough to block on: an event "in Ukraine" says nothing about which one.
BLOCK_LEVELS = ("settlement", "raion", "oblast")
DATE_SLACK_DAYS = 2  # event dates this close still overlap (reports lag the event by a day or two)
# Event types that cannot both hold for one place and time when claimed by opposite camps.
# ("withdrawal" is left out: one side's withdrawal is consistent with the other's control.)
CONFLICTING_TYPES = frozenset({
    frozenset({"territory_control", "attack_repelled"}),
})
# Copied-text detection needs this many words in the shorter claim: two short claims on one
# event share most of their few 3-word shingles without one copying the other.
MIN_COPY_TOKENS = 10
# Two counts of one event differ enough to contradict when the larger exceeds the smaller by
# this share (reports round and update figures: 10 vs 11 is not a contradiction).
COUNT_TOLERANCE = 0.2
# Content-word overlap (relations.lexical_similarity) at or above which two statements of the
# same source without a shared event are the same statement re-reported: the lexical paraphrase
# threshold of relations.py (calibrated on the development stance pairs).
SAME_STATEMENT_OVERLAP = REPEAT_MIN_OVERLAP
# A claim naming more precise places than this is a survey (a long speech, a daily summary), not
# a report of one event: its events do not join stories on their own.
MAX_EVENT_PLACES = 4
_SPEAKER_NOISE = re.compile(r"\b(the|mr|mrs|ms|president|minister|chief|head|spokesman|spokeswoman)\b")
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|per\s?cent|відсот|процент)", re.IGNORECASE)
_PRONOUNS = frozenset("he she they it we i you him her them who".split())


@dataclass(frozen=True)
class LinkEvent:
    """One event under a claim: type, precise place keys, date range, polarity and count."""

    type: str
    places: tuple[str, ...]
    start: str | None = None
    end: str | None = None
    denied: bool = False
    quantity: int | None = None


@dataclass(frozen=True)
class LinkClaim:
    """One claim reduced to the fields that link across outlets and languages."""

    article_id: str
    ord: int
    text: str
    outlet: str | None = None
    outlet_side: str | None = None
    language: str | None = None
    published: str | None = None  # YYYY-MM-DD
    date_start: str | None = None
    date_end: str | None = None
    speaker: str | None = None
    chain: tuple[str, ...] = ()  # speakers from the outermost carrier to this claim's speaker
    side: str | None = None  # the side the claim's source speaks for (speaker, else outlet)
    types: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # refs (or names) of precise places: settlement/raion/oblast
    place_names: tuple[str, ...] = ()
    denied: tuple[str, ...] = ()  # event types this claim denies
    quantities: tuple[tuple[str, int], ...] = ()  # (event type, count)
    source_key: str = ""  # who originally says it: normalised speaker, else the outlet
    tokens: tuple[str, ...] = field(default=(), compare=False, repr=False)
    events: tuple[LinkEvent, ...] = field(default=(), compare=False, repr=False)
    place_labels: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)

    @property
    def key(self) -> tuple[str, int]:
        return (self.article_id, self.ord)

    @property
    def camp(self) -> str:
        return CAMPS.get(self.side or "", "other")


def link_claims_to_json(claims: Sequence[LinkClaim]) -> str:
    """Return link claims as JSON text (what the store keeps between link runs); the tokens are
    left out, as they are the claim text's."""
    rows = [{k: v for k, v in asdict(claim).items() if k != "tokens"} for claim in claims]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def link_claims_from_json(text: str) -> list[LinkClaim]:
    """Return the link claims of :func:`link_claims_to_json`'s text."""
    claims = []
    for row in json.loads(text):
        row["events"] = tuple(LinkEvent(**{**e, "places": tuple(e["places"])}) for e in row["events"])
        for name in ("chain", "types", "places", "place_names", "denied"):
            row[name] = tuple(row[name])
        row["tokens"] = tuple(tokenize(row["text"]))
        for name in ("quantities", "place_labels"):
            row[name] = tuple(tuple(pair) for pair in row[name])
        claims.append(LinkClaim(**row))
    return claims


@lru_cache(maxsize=1)
def load_source_aliases() -> tuple[tuple[str, str], ...]:
    """Return (pattern, canonical source) pairs of the packaged data/source_aliases.tsv."""
    text = resources.files("claimledger.data").joinpath("source_aliases.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple((row[0].strip().lower(), row[1].strip()) for row in rows[1:] if len(row) >= 2)


def normalise_speaker(name: str | None) -> str:
    """Return a speaker name reduced for comparison: a known source in any language becomes its
    canonical name ("Минобороны России" -> "ministry of defence of russia"), others lose titles
    ("President Vladimir Putin" -> "vladimir putin")."""
    if not name:
        return ""
    lowered = name.lower()
    for pattern, canonical in load_source_aliases():
        if pattern in lowered:
            return canonical.lower()
    text = _SPEAKER_NOISE.sub(" ", lowered)
    return " ".join(text.replace(".", " ").split())


def _chain(doc: AnalysedDocument, attribution_id: str | None) -> tuple[str, ...]:
    by_id = {a.id: a for a in doc.attributions}
    chain, seen = [], set()
    current = by_id.get(attribution_id or "")
    while current is not None and current.id not in seen:
        seen.add(current.id)
        chain.append(current.speaker or "unspecified")
        current = by_id.get(current.parent or "")
    return tuple(reversed(chain))


def make_link_claims(docs: Iterable[AnalysedDocument],
                     registry: OutletRegistry | None = None) -> list[LinkClaim]:
    """Return the link claims of analysed documents, keyed like the ledger's claims index."""

    claims = []
    for doc in docs:
        article = doc.article
        outlet = find_outlet(registry, article.outlet, article.url) if registry else None
        outlet_side = outlet.side if outlet else None
        published = (article.published or "")[:10] or None
        described_claims = describe_claims(doc)
        restated = _restated_reports([d["view"] for d in described_claims])
        for ord_, described in enumerate(described_claims):
            if ord_ in restated:
                continue  # a headline restating its body's report: the report is linked, not a claim of the outlet's
            view, row = described["view"], described["row"]
            is_attribution = view["attribution"] is not None
            chain = (() if not is_attribution else (view["speaker"] or "unspecified",)
                     if view["headline"] else _chain(doc, view["attribution"]))
            speaker = view["speaker"]
            usable = speaker and normalise_speaker(speaker) not in _PRONOUNS and \
                not speaker.lower().startswith("unspecified")
            side = (speaker_side(speaker, view["speaker_role"], view["source"]) if is_attribution
                    else None) or outlet_side
            source_key = (f"speaker:{normalise_speaker(speaker)}" if usable
                          else f"outlet:{(outlet.name if outlet else article.outlet or article.id).lower()}")
            precise = [p for p in view["places"] if p["level"] in BLOCK_LEVELS]
            events = [e for e in view["events"] if e["modality"] == "factual"]
            link_events = tuple(_link_event(e, view["places"], published) for e in events)
            claims.append(LinkClaim(
                article_id=article.id, ord=ord_, text=view["content"] or "",
                outlet=outlet.name if outlet else article.outlet, outlet_side=outlet_side,
                language=article.language, published=published,
                date_start=row["date_start"], date_end=row["date_end"], speaker=speaker,
                chain=chain, side=side,
                types=tuple(sorted({e["type"] for e in events if e["modality"] == "factual"})),
                places=tuple(sorted({_place_key(p) for p in precise})),
                place_names=tuple(sorted({p["name"] or p["text"] for p in precise})),
                place_labels=tuple(sorted({(_place_key(p), p["name"] or p["text"]) for p in precise})),
                denied=tuple(sorted({e["type"] for e in events if e["polarity"] == "denied"})),
                quantities=tuple(sorted({(e["type"], e["quantity"]) for e in events
                                         if e["quantity"] is not None})),
                source_key=source_key, tokens=tuple(tokenize(view["content"] or "")),
                events=tuple(e for e in link_events if e.places),
            ))
    return claims


def _restated_reports(views: list[dict[str, Any]]) -> set[int]:
    """The positions of the headline claims with no cue (the outlet's) whose events a body claim of an attribution
    tells too, of the same type at one of their places: the headline restates that report ("Russian forces take
    Lukiantsi" over "The Russian Defence Ministry said ... had taken control of the village of Lukiantsi"). Linked
    as the outlet's own, it would count the outlet as a second source and pair the report's contradictions twice;
    a claim made only in a headline stays."""
    reported = {(e["type"], ref) for v in views if not v["headline"] and v["attribution"] is not None
                for e in v["events"] for ref in e["refs"]}
    return {n for n, v in enumerate(views) if v["headline"] and v["attribution"] is None
            and reported & {(e["type"], ref) for e in v["events"] for ref in e["refs"]}}


def _place_key(place: dict[str, Any]) -> str:
    """Return the key a place is matched by: its ref (KATOTTG, geonames:<id>), else its name."""
    return (place["ref"] or place["name"] or place["text"]).lower()


def _link_event(event: dict[str, Any], places: list[dict[str, Any]], published: str | None
                ) -> LinkEvent:
    """Return the link view of one event view: its precise places as keys, its date range."""

    level = {}
    for place in places:
        for key in (place["ref"], place["name"], place["text"]):
            if key:
                level[key.lower()] = (place["level"], _place_key(place))
    keys = []
    for ref in event.get("refs") or event.get("places") or ():
        found = level.get(str(ref).lower())
        if found is None:
            keys.append(str(ref).lower())
        elif found[0] in BLOCK_LEVELS:
            keys.append(found[1])
    bounds = date_bounds(event.get("when")) or date_bounds(published)
    return LinkEvent(event["type"], tuple(sorted(set(keys))), bounds[0] if bounds else None,
                     bounds[1] if bounds else None, event.get("polarity") == "denied",
                     event.get("quantity"))


def _days(value: str | None) -> int | None:
    try:
        return date.fromisoformat(value[:10]).toordinal() if value else None
    except ValueError:
        return None


def _event_days(event: LinkEvent) -> tuple[int, int] | None:
    start, end = _days(event.start), _days(event.end)
    return None if start is None or end is None else (start, end)


def events_overlap(x: LinkEvent, y: LinkEvent, slack: int = DATE_SLACK_DAYS) -> bool:
    """Return whether two events share a place and their dates overlap (undated: assumed to)."""
    if not set(x.places) & set(y.places):
        return False
    dx, dy = _event_days(x), _event_days(y)
    if dx is None or dy is None:
        return True
    return dx[0] - slack <= dy[1] and dy[0] - slack <= dx[1]


def shared_events(a: LinkClaim, b: LinkClaim) -> list[tuple[LinkEvent, LinkEvent]]:
    """Return the pairs of events (one of each claim) at a shared place and overlapping dates
    whose types are equal or conflict (:data:`CONFLICTING_TYPES`)."""
    found = []
    for x in a.events:
        for y in b.events:
            if (x.type == y.type or frozenset({x.type, y.type}) in CONFLICTING_TYPES) and \
                    events_overlap(x, y):
                found.append((x, y))
    return found


def _who(claim: LinkClaim) -> str:
    if claim.source_key.startswith("speaker:") and claim.speaker:
        return claim.speaker
    if claim.source_key.startswith("text:"):  # a pair text that names no source
        return "unattributed"
    return claim.outlet or claim.source_key.split(":", 1)[-1] or "?"


def _percentages(text: str) -> list[float]:
    """Return the distinct percentages a claim states ("70%", "70 percent", "70 відсотків")."""
    return sorted({float(m.group(1).replace(",", ".")) for m in _PERCENT.finditer(text)})


def _via(a: LinkClaim, b: LinkClaim) -> str:
    return f" (via {a.outlet} and {b.outlet})" if a.outlet and b.outlet else ""


def counts_differ(x: float, y: float) -> bool:
    """Return whether two counts of one thing differ by more than COUNT_TOLERANCE (and by 2+)."""
    low, high = sorted((x, y))
    return high > low * (1 + COUNT_TOLERANCE) and high - low > 1


def copied_share(a: LinkClaim, b: LinkClaim) -> float:
    """Return the share of the shorter claim's 3-word shingles found in the other (0 when either
    is shorter than MIN_COPY_TOKENS words)."""
    if min(len(a.tokens), len(b.tokens)) < MIN_COPY_TOKENS:
        return 0.0
    return containment(set(minhash_shingles(a.tokens)), set(minhash_shingles(b.tokens)))


def classify_link(a: LinkClaim, b: LinkClaim, place_names: dict[str, str] | None = None) -> Relation:
    """Return the relation of two claims from their text reuse and canonical fields."""
    copied = copied_share(a, b)
    matched = shared_events(a, b)
    if copied >= REUSE_CONTAINMENT and not (matched and a.source_key == b.source_key):
        return Relation("repeat", f"copied text: {copied:.0%} of the shorter claim's 3-word "
                                  f"shingles recur{_via(a, b)}", copied)
    if not matched:
        if a.source_key == b.source_key and a.language == b.language and \
                lexical_similarity(a.tokens, b.tokens) >= SAME_STATEMENT_OVERLAP:
            return Relation("repeat", f"same source re-reported: {_who(a)}, close wording"
                                      f"{_via(a, b)}", 0.8)
        return Relation("unrelated", "no shared event (type, place, dates) and no copied text", 0.0)
    names = place_names or {}
    if a.source_key == b.source_key:  # one source on one event: a re-report (translations,
        x, y = matched[0]              # re-prints), never a contradiction of itself
        where = ", ".join(sorted(names.get(p, p) for p in set(x.places) & set(y.places)))
        return Relation("repeat", f"same source re-reported: {_who(a)} on {x.type} at {where}"
                                  f"{_via(a, b)}", 0.9)
    for x, y in matched:
        where = ", ".join(sorted(names.get(p, p) for p in set(x.places) & set(y.places)))
        if x.type == y.type and x.denied != y.denied:
            denier = _who(a) if x.denied else _who(b)
            asserter = _who(b) if x.denied else _who(a)
            return Relation("contradict", f"{x.type} at {where}: asserted by {asserter}, denied by "
                                          f"{denier}", 0.9)
        if x.type != y.type and not x.denied and not y.denied:
            return Relation("contradict", f"incompatible outcomes at {where}: {x.type} "
                                          f"({_who(a)}) vs {y.type} ({_who(b)})", 0.8)
        if x.type == y.type and x.quantity and y.quantity and counts_differ(x.quantity, y.quantity) \
                and len(a.events) == 1 and len(b.events) == 1:
            return Relation("contradict", f"{x.type} at {where}: {x.quantity} ({_who(a)}) vs "
                                          f"{y.quantity} ({_who(b)})", 0.7)
    x, y = matched[0]
    where = ", ".join(sorted(names.get(p, p) for p in set(x.places) & set(y.places)))
    shares_a, shares_b = _percentages(a.text), _percentages(b.text)
    if len(shares_a) == 1 and len(shares_b) == 1 and counts_differ(shares_a[0], shares_b[0]):
        return Relation("contradict", f"{x.type} at {where}: {shares_a[0]:g}% ({_who(a)}) vs "
                                      f"{shares_b[0]:g}% ({_who(b)})", 0.7)
    cues = [c for c in find_contradiction_cues(a.tokens, b.tokens) if c.startswith("opposite")]
    if cues and a.camp != b.camp:
        return Relation("contradict", f"{cues[0]} (same event: {x.type} at {where})", 0.7)
    return Relation("agree", f"independent sources ({_who(a)}; {_who(b)}) report {x.type} at "
                             f"{where}, overlapping dates", 0.7)


def minhash_shingles(tokens: Sequence[str]) -> list[str]:
    """Return the 3-word shingles of a token list as strings."""
    return [" ".join(tokens[i:i + 3]) for i in range(max(0, len(tokens) - 2))] or [" ".join(tokens)]


@dataclass(frozen=True)
class ClaimLink:
    """A relation between two stored claims, keyed (article_id, ord) each, a before b."""

    a: tuple[str, int]
    b: tuple[str, int]
    label: str
    reason: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"a_article": self.a[0], "a_ord": self.a[1], "b_article": self.b[0],
                "b_ord": self.b[1], "label": self.label, "reason": self.reason,
                "score": round(self.score, 3)}
