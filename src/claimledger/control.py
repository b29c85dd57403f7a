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

The trigger word refines a territory claim's holder (:func:`trigger_holder`): an *occupation*
("occupied", "окупація", "оккупированный") is always the other side's in either side's usage, so
with no known actor it is the claimant's opponent; in an *ousting* ("liberated", "звільнили",
"выбили", "recaptured") an actor named only by a pejorative ("окупантів", "противника", "the
enemy") is the side ousted, not the holder; in any other capture "the enemy" as its subject is
the claimant's opponent. A retaking ("recaptured", "відвоювали") of no known side after a capture
of the same place in the same report goes to the earlier holder's opponent (:func:`retaken_status`).
The claimant is the speaker of the attribution that carries the claim, else the publisher: the
outlet in the registry, else the office its outlet field names (:func:`publisher_side`).

``unknown`` is the status of a territory claim whose actor and claimant are both of unknown side. An
event dated before :data:`WAR_START_YEAR` (a liberation of 1943 told on Victory Day) is no control claim.
The same functions serve the store's control ledger (:mod:`claimledger.store.control`, read by the
CLI, the API and the map) and the ``control`` layer of the evaluation.
"""
from __future__ import annotations

import re
from typing import Any

from .extract.dates.dates import start_year
from .sides import UNKNOWN, side_of_outlet, side_of_speaker

# The first year of the war whose control the ledger keeps (the annexation of Crimea): an event dated before it
# (a liberation of 1943 told on Victory Day, extract/events/past_wars.py) is history, no claim of who holds a place.
WAR_START_YEAR = 2014
# The event types a control claim can be, in the order the map's legend lists them.
CONTROL_KINDS = ("territory_control", "attack_repelled", "clash", "withdrawal", "security_zone")
# The types with a control status (security zones are drawn on the map only).
STATUS_KINDS = ("territory_control", "withdrawal", "attack_repelled", "clash")
STATUSES = ("russian_control", "ukrainian_control", "contested", "withdrawal", UNKNOWN)
# Words of control in a trigger that may name its holder itself ("under Ukrainian control", "под российским контролем").
CONTROL_STEMS = frozenset({"control", "контролем", "контролю", "контроль"})
# ... and of a flag raised, whose nationality is the holder's ("подняты российские флаги", "raised Ukrainian flags").
FLAG_PREFIXES = ("flag", "флаг", "прапор", "стяг")
HOLDER_STATUS = {"russia": "russian_control", "ukraine": "ukrainian_control"}
OPPONENT = {"russia": "ukraine", "ukraine": "russia"}

# Actor labels, as the extractors (extract/events/events.py: NATIONALITIES adjectives, subjects and agents;
# events_ru_uk.py: force nouns) and the gold files write them, matched per word: a word starting
# with a prefix, or equal to an exact word. Built from the actors of data/dev (attribution_dev,
# war_news_ru_uk_dev) and the forces named in ru/uk war reports; a label naming both sides
# ("Russia and Ukraine") has no side.
# Issue 12 added the pejoratives Ukrainian reports use for Russian forces ("рашисти", "орки"),
# the Russian ones for Ukrainian forces ("бандеровцы", "всушники") and Ukraine's "Сили оборони"
# (Defence Forces: a phrase, as "оборони" alone is also in "Міністерство оборони РФ"; its Russian
# form "Силы обороны" too, as Ukrainian outlets' Russian editions write it).
RUSSIAN_PREFIXES = ("russia", "росси", "российск", "русск", "росі", "окупант", "оккупант",
                    "occupier", "occupying", "wagner", "вагнер", "kremlin", "кремл", "rosgvard",
                    "росгвард", "akhmat", "ахмат", "moscow", "москв", "рашист", "рашыст")
RUSSIAN_WORDS = frozenset({"рф", "dpr", "lpr", "dnr", "lnr", "днр", "лнр", "орки", "орків", "орками",
                           "оркам", "orcs"})
UKRAINIAN_PREFIXES = ("ukrain", "украин", "україн", "kyiv", "kiev", "киев", "київ", "azov", "азов",
                      "бандеровц", "бандерівц", "всушник")
UKRAINIAN_PHRASES = ("сили оборони", "сил оборони", "силами оборони", "силам оборони",
                     "силы обороны", "сил обороны", "силами обороны", "силам обороны")
UKRAINIAN_WORDS = frozenset({"всу", "зсу", "afu", "diu", "гур", "сбу", "sbu", "тро"})
# Quoted names of the groupings of forces each side's bulletins name ("группировки войск «Центр»", "«Южная»
# группировка"; the Ukrainian operational-strategic groups "«Хортица»", "«Таврия»"), read with a word of
# grouping in the label (issue 12: the Russian Defence Ministry's daily bulletin names its units so).
GROUPING_STEMS = ("группиров", "угрупов", "group", "осгв", "осув")
RUSSIAN_GROUPINGS = ("«центр", "«юг", "«север", "«запад", "«восток", "«днепр", "«дніпр", "«централь", "«южн",
                     "«северн", "«западн", "«восточн", "«півден", "«північ", "«захід", "«схід")
UKRAINIAN_GROUPINGS = ("«хортиц", "«таври", "«таврі", "«одесс", "«одес", "«харьков", "«харків", "«луганськ",
                       "«луганск", "«донецьк", "«донецк")
# The claimant's own forces ("our troops", "наши подразделения") take the claimant's side. "The
# enemy" ("противник", "ворог") has no side of its own: the ru/uk extractor, without a parser,
# takes it from object phrases too ("освободили ... от противника"), which on war_news_ru_uk_dev
# turned a Russian capture into a Ukrainian one. trigger_holder reads it with the trigger: the
# ousted side of an ousting, the claimant's opponent only as a subject (nominative) of a capture.
OWN_WORDS = frozenset({"our", "we", "наши", "наш", "наших", "нашими", "наші", "нашi", "наша"})
_WORD = re.compile(r"\w+")
# Pejoratives each side uses for the other's forces (word prefixes): "occupiers" name Russian
# forces in Ukrainian and international usage (actor_side reads them so), "the enemy" names
# whoever the claimant fights. Neither ever liberates a place.
OCCUPIER_PREFIXES = ("окупант", "оккупант", "occupier", "invader", "загарбник", "захватчик")
ENEMY_PREFIXES = ("противник", "ворог", "враг", "enemy", "adversar", "неприят")
# The same as a sentence's subject: nominative forms only ("противника", "ворога" are objects).
ENEMY_SUBJECTS = frozenset({"противник", "ворог", "враг", "вороги", "враги", "enemy", "adversary",
                            "неприятель"})
# Trigger word prefixes (lower case) of an occupation: the occupier is the claimant's opponent
# whichever side speaks ("the occupied Kherson", "окупований", "оккупированных ВСУ").
OCCUPATION_PREFIXES = ("occup", "окуп", "оккуп")
# Trigger word prefixes of an ousting, where an actor read from the object phrase ("звільнили
# від окупантів", "выбили противника из", "drove the enemy out") is the side that lost the place.
# Verbs of motion ("drove", "pushed", "cleared") are left out: "the enemy pushed into X" is a capture.
OUSTING_PREFIXES = ("liberat", "освобо", "звільн", "визвол", "выби", "вибил", "вибив", "вытесн",
                    "витісн", "зачист", "expel", "oust", "dislodg", "recaptur", "retak", "retook",
                    "regain", "отбил", "відбил", "відвоюв", "отвоев")
# Trigger word prefixes of a retaking: the place goes back to the side that did not hold it, so a
# retaking of unknown side after a capture of the same place in the same report is the opponent's
# ("Russian forces captured X ... the settlements were recaptured in September").
RETAKING_PREFIXES = ("recaptur", "retak", "retook", "regain", "відвоюв", "отвоев", "повернул",
                     "вернул", "отбил", "відбил")


def actor_side(actor: str | None, claimant_side: str = UNKNOWN) -> str:
    """Return the side an event's actor label names (``russia``, ``ukraine`` or ``unknown``);
    "our forces" take the claimant's side."""
    if not actor:
        return UNKNOWN
    lowered = actor.lower()
    words = _WORD.findall(lowered)
    sides = {"ukraine"} if any(phrase in lowered for phrase in UKRAINIAN_PHRASES) else set()
    if any(stem in lowered for stem in GROUPING_STEMS):
        quoted = lowered.replace('"', "«")  # (a name in straight quotes: 'группировки войск "Центр"')
        sides.update({"russia"} if any(name in quoted for name in RUSSIAN_GROUPINGS) else set())
        sides.update({"ukraine"} if any(name in quoted for name in UKRAINIAN_GROUPINGS) else set())
    for word in words:
        if word in RUSSIAN_WORDS or word.startswith(RUSSIAN_PREFIXES):
            sides.add("russia")
        elif word in UKRAINIAN_WORDS or word.startswith(UKRAINIAN_PREFIXES):
            sides.add("ukraine")
        elif word in OWN_WORDS and claimant_side in OPPONENT:
            sides.add(claimant_side)
    return sides.pop() if len(sides) == 1 else UNKNOWN


def _starts(text: str | None, prefixes: tuple[str, ...]) -> bool:
    """Return whether any word of ``text`` starts with one of ``prefixes``."""
    return bool(text) and any(w.startswith(prefixes) for w in _WORD.findall(text.lower()))


def trigger_holder(trigger: str | None, actor: str | None, claimant_side: str = UNKNOWN) -> str:
    """Return the holder a territory claim's trigger word and pejorative actor imply
    (``russia``, ``ukraine``, or ``unknown`` when they say nothing): see the module docstring."""
    if trigger and (CONTROL_STEMS.intersection(_WORD.findall(trigger.lower())) or _starts(trigger, FLAG_PREFIXES)):
        holder = actor_side(trigger, claimant_side)  # "under Ukrainian control": the trigger names the holder
        if holder != UNKNOWN:
            return holder
    named = actor_side(actor, claimant_side)
    if _starts(trigger, OUSTING_PREFIXES):
        if _starts(actor, OCCUPIER_PREFIXES) and named in OPPONENT:
            return OPPONENT[named]  # "liberated from the occupiers": the ousted side is named
        if _starts(actor, ENEMY_PREFIXES) and named == UNKNOWN:
            return claimant_side if claimant_side in OPPONENT else UNKNOWN
        return UNKNOWN
    if named == UNKNOWN and ENEMY_SUBJECTS & set(_WORD.findall((actor or "").lower())):
        return OPPONENT.get(claimant_side, UNKNOWN)  # "the enemy captured X"
    if named == UNKNOWN and _starts(trigger, OCCUPATION_PREFIXES):
        return OPPONENT.get(claimant_side, UNKNOWN)  # "the occupied X"
    return UNKNOWN


def control_status(kind: str, actor: str | None, claimant_side: str = UNKNOWN,
                   polarity: str = "asserted", trigger: str | None = None) -> str | None:
    """Return the normalised status of a control claim (one of :data:`STATUSES`), or None for
    an event type without one (see the module docstring); ``trigger`` is the event's trigger
    text, when known."""
    if kind in ("attack_repelled", "clash"):
        return "contested"
    if kind == "withdrawal":
        return "withdrawal"
    if kind != "territory_control":
        return None
    side = trigger_holder(trigger, actor, claimant_side)
    if side == UNKNOWN:
        side = actor_side(actor, claimant_side)
    if side == UNKNOWN:
        side = OPPONENT.get(claimant_side, UNKNOWN) if polarity == "denied" else claimant_side
    return HOLDER_STATUS.get(side, UNKNOWN)


def retaken_status(status: str | None, trigger: str | None, earlier: list[str | None]) -> str | None:
    """Return the status of a retaking of unknown holder (``trigger`` a retaking word) from the
    statuses ``earlier`` claims of the same report gave the same place, latest last: the
    opponent of the latest holder; any other status is returned unchanged."""
    if status != UNKNOWN or not _starts(trigger, RETAKING_PREFIXES):
        return status
    for before in reversed(earlier):
        for side, held in HOLDER_STATUS.items():
            if before == held:
                return HOLDER_STATUS[OPPONENT[side]]
    return status


def before_the_war(when: Any) -> bool:
    """True for an event date (the record format's: a day, month, year or range) before :data:`WAR_START_YEAR`."""
    year = start_year(when) if isinstance(when, str) else None
    return year is not None and year < WAR_START_YEAR


def _trigger_text(text: Any, trigger: Any) -> str | None:
    """Return the text of a record's trigger span, or None when it has none."""
    if isinstance(text, str) and isinstance(trigger, (list, tuple)) and len(trigger) == 2:
        start, end = trigger
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            return text[start:end]
    return None


def publisher_side(outlet: str | None, url: str | None = None) -> str:
    """Return the side of an article's publisher: its outlet's in the registry (or the URL's),
    else the side of the office the outlet field names, read as a speaker ("Press service of
    the Russian Defence Ministry", "Пресс-служба Минобороны РФ")."""
    side = side_of_outlet(outlet, url)
    return side if side != UNKNOWN or not outlet else side_of_speaker(outlet)


def claimant_side(outlet: str | None, url: str | None, *speaker: str | None) -> str:
    """Return the side of whoever makes a claim: its speaker's (speaker, role or source text)
    when known, else its publisher's (:func:`publisher_side`)."""
    side = side_of_speaker(*speaker) if any(speaker) else UNKNOWN
    return side if side != UNKNOWN else publisher_side(outlet, url)


def document_control_claims(record: dict[str, Any]) -> set[tuple[str, str, str, str]]:
    """The control claims of a whole article: those of its body (:func:`record_control_claims`) and of its
    headline's ``title_layers`` (the same layers, offsets into ``title``), one item per (settlement, status,
    polarity) however often the article makes it, as the store's control ledger reads them."""
    claims = record_control_claims(record)
    title, layers = record.get("title"), record.get("title_layers")
    if isinstance(title, str) and title and isinstance(layers, dict):
        claims |= record_control_claims({**layers, "id": record.get("id"), "text": title,
                                         "outlet": record.get("outlet"), "url": record.get("url")})
    return claims


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
    held: dict[str, list[str | None]] = {}  # settlement key -> statuses claimed so far, in order
    for event in record.get("events") or []:
        if not isinstance(event, dict) or event.get("type") not in STATUS_KINDS or before_the_war(event.get("when")):
            continue
        keys = {settlements[str(p).strip().lower()] for p in event.get("places") or ()
                if str(p).strip().lower() in settlements}
        if not keys:
            continue
        side = claimant_side(record.get("outlet"), record.get("url"),
                             *speakers.get(event.get("claimed_by"), (None, None)))
        polarity = event.get("polarity") or "asserted"
        trigger = _trigger_text(record.get("text"), event.get("trigger"))
        status = control_status(event["type"], event.get("actor"), side, polarity, trigger)
        for key in sorted(keys):
            own = retaken_status(status, trigger, held.get(key, []))
            found.add((str(record.get("id")), key, own, polarity))
            if polarity == "asserted":
                held.setdefault(key, []).append(own)
    return found

