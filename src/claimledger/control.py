"""Control claims: who a claim says holds a settlement (pure: no SQL).

A *control claim* is an event of a :data:`CONTROL_KINDS` type naming a place. Its **status** is
normalised from the event type and its actor (a free-text label such as "Russian Armed Forces",
"ЗСУ", "противник", "our troops"):

* ``territory_control``: ``russian_control`` or ``ukrainian_control``, after the side of the actor
  (who took or holds the place); with no known actor, the side of the claimant (a side reporting
  that a place was taken speaks of its own forces), or for a denial its opponent's (a side denies
  the other side's gains: "the General Staff denied that Vovchansk was captured");
* ``withdrawal``: ``withdrawal`` (the side that left is :func:`actor_side`);
* ``attack_repelled`` and ``clash``: ``contested`` (fighting at the place, no change of hands);
* ``security_zone``: no status (it is shown on the map, not in the control ledger).

``unknown`` is the status of a territory claim whose actor and claimant are both of unknown side.
The same functions serve the store's control ledger (:mod:`claimledger.store.control`, read by the
CLI, the API and the map) and the ``control`` layer of the evaluation.
"""
from __future__ import annotations

import re
from typing import Any

from .sides import UNKNOWN, side_of_outlet, side_of_speaker

# The event types a control claim can be, in the order the map's legend lists them.
CONTROL_KINDS = ("territory_control", "attack_repelled", "clash", "withdrawal", "security_zone")
# The types with a control status (security zones are drawn on the map only).
STATUS_KINDS = ("territory_control", "withdrawal", "attack_repelled", "clash")
STATUSES = ("russian_control", "ukrainian_control", "contested", "withdrawal", UNKNOWN)
HOLDER_STATUS = {"russia": "russian_control", "ukraine": "ukrainian_control"}
OPPONENT = {"russia": "ukraine", "ukraine": "russia"}

# Actor labels, as the extractors (extract/events.py: NATIONALITIES adjectives, subjects and agents;
# events_ru_uk.py: force nouns) and the gold files write them, matched per word: a word starting
# with a prefix, or equal to an exact word. Built from the actors of data/dev (attribution_dev,
# war_news_ru_uk_dev) and the forces named in ru/uk war reports; a label naming both sides
# ("Russia and Ukraine") has no side.
RUSSIAN_PREFIXES = ("russia", "росси", "российск", "русск", "росій", "окупант", "оккупант",
                    "occupier", "occupying", "wagner", "вагнер", "kremlin", "кремл", "rosgvard",
                    "росгвард", "akhmat", "ахмат", "moscow", "москв")
RUSSIAN_WORDS = frozenset({"рф", "dpr", "lpr", "dnr", "lnr", "днр", "лнр"})
UKRAINIAN_PREFIXES = ("ukrain", "украин", "україн", "kyiv", "kiev", "киев", "київ", "azov", "азов")
UKRAINIAN_WORDS = frozenset({"всу", "зсу", "afu", "diu", "гур", "сбу", "sbu", "тро"})
# The claimant's own forces ("our troops", "наши подразделения") take the claimant's side. "The
# enemy" ("противник", "ворог") is not read as the claimant's opponent: the ru/uk extractor, without
# a parser, takes it from object phrases ("освободили ... от противника"), which on
# war_news_ru_uk_dev turned a Russian capture into a Ukrainian one; it falls back to the claimant.
OWN_WORDS = frozenset({"our", "we", "наши", "наш", "наших", "нашими", "наші", "нашi", "наша"})
_WORD = re.compile(r"\w+")


def actor_side(actor: str | None, claimant_side: str = UNKNOWN) -> str:
    """Return the side an event's actor label names (``russia``, ``ukraine`` or ``unknown``);
    "our forces" take the claimant's side."""
    if not actor:
        return UNKNOWN
    words = _WORD.findall(actor.lower())
    sides = set()
    for word in words:
        if word in RUSSIAN_WORDS or word.startswith(RUSSIAN_PREFIXES):
            sides.add("russia")
        elif word in UKRAINIAN_WORDS or word.startswith(UKRAINIAN_PREFIXES):
            sides.add("ukraine")
        elif word in OWN_WORDS and claimant_side in OPPONENT:
            sides.add(claimant_side)
    return sides.pop() if len(sides) == 1 else UNKNOWN


def control_status(kind: str, actor: str | None, claimant_side: str = UNKNOWN,
                   polarity: str = "asserted") -> str | None:
    """Return the normalised status of a control claim (one of :data:`STATUSES`), or None for
    an event type without one (see the module docstring)."""
    if kind in ("attack_repelled", "clash"):
        return "contested"
    if kind == "withdrawal":
        return "withdrawal"
    if kind != "territory_control":
        return None
    side = actor_side(actor, claimant_side)
    if side == UNKNOWN:
        side = OPPONENT.get(claimant_side, UNKNOWN) if polarity == "denied" else claimant_side
    return HOLDER_STATUS.get(side, UNKNOWN)


def claimant_side(outlet: str | None, url: str | None, *speaker: str | None) -> str:
    """Return the side of whoever makes a claim: its speaker's (speaker, role or source text)
    when known, else its outlet's (or the article URL's)."""
    side = side_of_speaker(*speaker) if any(speaker) else UNKNOWN
    return side if side != UNKNOWN else side_of_outlet(outlet, url)


def _settlements(places: list[dict[str, Any]]) -> dict[str, str]:
    """Map each way a record's events name a settlement (ref, name, mention text; lower case)
    to the settlement's key: its ref, else its name in lower case."""
    keys: dict[str, str] = {}
    for place in places:
        if not isinstance(place, dict) or place.get("level") != "settlement":
            continue
        key = place.get("ref") or (place.get("name") or place.get("text") or "").strip().lower()
        for name in (place.get("ref"), place.get("name"), place.get("text")):
            if key and name:
                keys.setdefault(str(name).strip().lower(), key)
    return keys


def record_control_claims(record: dict[str, Any]) -> set[tuple[str, str, str, str]]:
    """Return the control claims of a record (the record format of DESIGN.md) as
    ``(record id, settlement key, status, polarity)``: one per settlement an event of a
    :data:`STATUS_KINDS` type names. The claimant is the ``claimed_by`` attribution's speaker,
    else the outlet."""
    settlements = _settlements(record.get("places") or [])
    speakers = {a.get("id"): (a.get("speaker"), a.get("speaker_role"))
                for a in record.get("attributions") or [] if isinstance(a, dict)}
    found: set[tuple[str, str, str, str]] = set()
    for event in record.get("events") or []:
        if not isinstance(event, dict) or event.get("type") not in STATUS_KINDS:
            continue
        keys = {settlements[str(p).strip().lower()] for p in event.get("places") or ()
                if str(p).strip().lower() in settlements}
        if not keys:
            continue
        side = claimant_side(record.get("outlet"), record.get("url"),
                             *speakers.get(event.get("claimed_by"), (None, None)))
        polarity = event.get("polarity") or "asserted"
        status = control_status(event["type"], event.get("actor"), side, polarity)
        found.update((str(record.get("id")), key, status, polarity) for key in keys)
    return found

