"""A ledger per place: every claim about a settlement or an oblast, in date order.

:func:`find_place_claims` answers "what has been claimed about Vovchansk?": the name is resolved to
the places the ledger holds (by ref, canonical name or mention text, and through the packaged
gazetteer for spelling variants such as Volchansk or Вовчанськ); a name that fits several places
of the ledger comes back with its candidates instead of claims. For an oblast (or any area) the
claims about its settlements are included, and so are the claims about unnamed places of the oblast
("three populated points in the Kharkiv region": an event whose place is the oblast itself).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..claims import date_bounds
from .ledger import Ledger

if TYPE_CHECKING:
    from ..extract.places.gazetteer import Gazetteer

# Levels whose claims include those about the settlements inside them.
AREA_LEVELS = ("oblast", "raion", "region", "country")
# An event at an area counts unnamed places of it when it counts them ("three populated points in the
# Kharkiv region", "12 villages", "два населені пункти"): a quantity and a target naming settlements.
SETTLEMENT_WORDS = ("point", "village", "settlement", "town", "localit", "hamlet", "населен", "сел",
                    "пункт")
# Longest claim text shown: a window around the event trigger or the place's name beyond it.
MAX_CLAIM_CHARS = 320


@dataclass(frozen=True)
class PlaceRef:
    """One place the ledger holds: ref (or name for places without one), name, level, mentions."""

    key: str  # the ref, or the canonical name / mention text when the place has no ref
    name: str
    level: str | None
    area: str | None = None  # name of the oblast (or division) it lies in, when known
    mentions: int = 0
    aliases: tuple[str, ...] = ()  # names of name-only mentions merged into this ref


@dataclass(frozen=True)
class PlaceClaim:
    """One claim about the place: when, who claims it, through which outlet, what happened there."""

    date: str | None
    outlet: str | None
    speaker: str | None  # None: the outlet itself asserts it
    cue: str | None
    content: str
    events: tuple[dict[str, Any], ...]
    place: str  # the place of the ledger it is about (a settlement of an oblast, or the oblast)
    unnamed: bool  # about unnamed places of the area ("three populated points in the Kharkiv region")
    article_id: str
    claim: str
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class PlaceLedger:
    """The answer for a name: the place and its claims, or the candidates when the name is ambiguous."""

    query: str
    place: PlaceRef | None
    candidates: tuple[PlaceRef, ...] = ()
    claims: tuple[PlaceClaim, ...] = field(default=())
    included: tuple[PlaceRef, ...] = ()  # places inside the area whose claims are listed too

    @property
    def ambiguous(self) -> bool:
        return self.place is None and len(self.candidates) > 1


def find_place_claims(ledger: Ledger, name: str, *, gazetteer: Gazetteer | None = None, within: bool = True,
                      limit: int | None = None) -> PlaceLedger:
    """Return the claims about the place called ``name`` (a name in any spelling, a mention, or a
    ref such as a KATOTTG code), oldest first; for an area with ``within`` also those about the
    places inside it. An ambiguous name returns its candidates and no claims."""
    places = _ledger_places(ledger)
    matches = _matching(places, name, gazetteer)
    if not matches:
        return PlaceLedger(name, None)
    if len(matches) > 1:
        return PlaceLedger(name, None, tuple(sorted(matches, key=lambda p: -p.mentions)))
    place = matches[0]
    included: list[PlaceRef] = []
    if within and place.level in AREA_LEVELS and gazetteer is not None:
        included = [p for p in places.values() if p.key != place.key and _inside(p, place, gazetteer)]
    rows = _claims_for(ledger, [place, *included])
    claims = sorted(rows, key=lambda c: (c.date or "9999", c.article_id, c.claim))
    return PlaceLedger(name, place, (), tuple(claims[:limit] if limit else claims), tuple(included))


def _ledger_places(ledger: Ledger) -> dict[str, PlaceRef]:
    """The distinct places of the ledger, keyed by ref (or name when there is none). A name-only
    mention (no ref) whose name is the canonical name of exactly one ref of the ledger is that
    place ("Russia" and geonames:2017370 are one place, its mentions counted together)."""
    rows = ledger.place_rows()
    refs_of: dict[str, set[str]] = {}
    for ref, name, _text, _level, _count in rows:
        if ref and name:
            refs_of.setdefault(name.lower(), set()).add(ref)
    found: dict[str, PlaceRef] = {}
    merged: dict[str, tuple[set[str], int]] = {}
    for ref, name, text, level, count in sorted(rows, key=lambda r: r[0] is None):
        candidates = refs_of.get((name or "").lower(), set()) if not ref else set()
        if len(candidates) == 1 and next(iter(candidates)) in found:
            key = next(iter(candidates))
            names, extra = merged.get(key, (set(), 0))
            merged[key] = (names | {name}, extra + count)
            continue
        key = ref or (name or text)
        if not key:
            continue
        known = found.get(key)
        found[key] = PlaceRef(key=key, name=name or text, level=level, area=None,
                              mentions=count + (known.mentions if known else 0))
    for key, (names, extra) in merged.items():
        place = found[key]
        found[key] = PlaceRef(place.key, place.name, place.level, place.area,
                              place.mentions + extra, tuple(sorted(names)))
    return found


def _matching(places: dict[str, PlaceRef], query: str, gazetteer: Gazetteer | None) -> list[PlaceRef]:
    """Places of the ledger the query names: ref, canonical name, mention text, or a gazetteer
    spelling of one of them (Volchansk, Вовчанськ, "Kharkiv region"); a village named as one of an oblast's
    homonyms, "Blahodatne (Donetsk Oblast)", also by its bare name."""
    q = query.strip()
    if q in places:
        return [_with_area(places[q], gazetteer)]
    low = q.lower()
    hits = {p.key for p in places.values()  # ("Blahodatne" finds "Blahodatne (Donetsk Oblast)": homonym_areas.py)
            if low in (p.name.lower(), p.name.lower().partition(" (")[0]) or low in (a.lower() for a in p.aliases)}
    if gazetteer is not None:
        for entry in gazetteer.lookup(q):
            key = entry.ref or entry.name
            if key in places:
                hits.add(key)
    return [_with_area(places[k], gazetteer) for k in sorted(hits)]


def _with_area(place: PlaceRef, gazetteer: Gazetteer | None) -> PlaceRef:
    entry = gazetteer.get(place.key) if gazetteer is not None else None
    if entry is None or not entry.oblast or entry.oblast == entry.id:
        return place
    area = gazetteer.get(entry.oblast)
    return PlaceRef(place.key, place.name, place.level, area.name if area else None, place.mentions,
                    place.aliases)


def _inside(place: PlaceRef, area: PlaceRef, gazetteer: Gazetteer) -> bool:
    entry = gazetteer.get(place.key)
    if entry is None:
        return False
    if area.level == "country":
        return entry.country is not None and gazetteer.get(area.key) is not None \
            and entry.country == gazetteer.get(area.key).country
    return area.key in (entry.oblast, entry.raion)


def _counts_places(event: dict[str, Any]) -> bool:
    """True for an event that counts settlements ("three populated points", "12 villages")."""
    target = (event.get("target") or "").lower()
    return bool(event.get("quantity")) and any(word in target for word in SETTLEMENT_WORDS)


def _window(text: str, anchor: str | None) -> str:
    """The text, or a window of MAX_CLAIM_CHARS around the anchor's first occurrence when longer."""
    if len(text) <= MAX_CLAIM_CHARS:
        return text
    at = text.find(anchor) if anchor else -1
    start = max(0, (at if at >= 0 else 0) - MAX_CLAIM_CHARS // 3)
    end = min(len(text), start + MAX_CLAIM_CHARS)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _claims_for(ledger: Ledger, places: Iterable[PlaceRef]) -> list[PlaceClaim]:
    places = list(places)
    area = places[0]
    seen: set[tuple[str, str]] = set()
    out: list[PlaceClaim] = []
    for place, key in ((p, k) for p in places for k in (p.key, *p.aliases)):
        keys = {place.key, *place.aliases}
        for row in ledger.iter_claims(place=key):
            claim_key = (row["article_id"], row["claim"])
            if claim_key in seen:
                continue
            seen.add(claim_key)
            here = tuple(e for e in row.get("events") or () if keys & set(e.get("refs") or []))
            unnamed = place is area and area.level in AREA_LEVELS and any(_counts_places(e) for e in here)
            date = next((b[0] for b in (date_bounds(e.get("when")) for e in here) if b), None)
            anchor = next((e.get("trigger") for e in here if e.get("trigger")), None) or place.name
            out.append(PlaceClaim(
                date=date or (row.get("published") or "")[:10] or row.get("date"), outlet=row.get("outlet"),
                speaker=row.get("speaker"), cue=row.get("cue"),
                content=_window(row.get("content") or "", anchor), events=here,
                place=place.name, unnamed=unnamed, article_id=row["article_id"], claim=row["claim"],
                title=row.get("title"), url=row.get("url"),
            ))
    return out
