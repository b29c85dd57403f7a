"""Which places an event happened at, the same for every language: the places of its clause or
sentence (events.py, events_ru_uk.py find those scopes) less an oblast or raion that holds another of them
(or Ukraine or Russia holding one of them); for an event whose sentence names no place but a facility of the
war (Azovstal), the settlement it lies in when the report names it; and for a fighting event whose sentence
names no place, the place of the sentence before it.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ...models import Attribution, Event, Place
from ..places.gazetteer import katottg_within, km_between, load_gazetteer
from ..places.gazetteer_entries import CITY_CATEGORIES
from ..language.lexicon_files import lexicon_rows
from ..places.place_weights import CAPITAL_CATEGORIES

# Events of the fighting whose place a report often gives one sentence before ("Mariupol ... The
# city was surrounded"; "Бои шли у Волчанска. Противник отступил"); their place is inherited from
# there when their own sentence names none.
PLACE_INHERITING_TYPES = frozenset({"strike", "clash", "casualties", "attack_repelled",
                                    "territory_control", "withdrawal", "evacuation"})
# Levels inherited that way: a settlement or district, never a whole country.
LOCAL_LEVELS = frozenset({"settlement", "raion", "oblast"})
# The countries whose settlements and oblasts the gazetteer holds, by GeoNames ref or canonical name (English
# places of a country carry only the name), and their codes.
COUNTRY_CODES = {"geonames:690791": "UA", "geonames:2017370": "RU", "Ukraine": "UA", "Russia": "RU"}


# Facilities reports name instead of their settlement ("the evacuation of people from Azovstal": Mariupol), with the
# types whose place they give (all but talks).
FACILITIES_FILE = "facilities.tsv"
FACILITY_TYPES = PLACE_INHERITING_TYPES | {"other"}
# A district of Russia (place_adjectives_ru_uk.py) reaches about this far from its centre (the raions and okrugs of
# the Kursk, Belgorod and Bryansk oblasts span 30-60 km): a settlement this close to the centre is taken to lie in it.
RAION_KM = 30.0
# Memo size of _capital(): one entry per distinct place a run asks about.
CAPITALS_KEPT = 16_384


def is_capital(place: Place) -> bool:
    """True for a national capital, which reports name for its government ("Moscow", "Kyiv", "Washington")."""
    return place.level == "settlement" and _capital(place.ref, place.name or "")


@functools.lru_cache(maxsize=CAPITALS_KEPT)
def _capital(ref: str | None, name: str) -> bool:
    """True when the settlement ``ref`` (or, unresolved, named ``name``) is a national capital: asked by every
    trigger of every place, kept."""
    gaz = load_gazetteer()
    entries = [gaz.get(ref)] if ref else gaz.lookup(name, fuzzy=False)
    return any(e is not None and e.category in CAPITAL_CATEGORIES and (not ref or e.ref == ref) for e in entries)


def event_place_key(place: Place) -> str:
    """The key an event names a place by: its ref, else its canonical name, else its text."""
    return place.ref or place.name or place.text


def is_resolved(place: Place) -> bool:
    """True for a place with a ref or a canonical name. An event names its places by those (the record
    format, DESIGN.md); a name the gazetteer left unresolved or ambiguous ("площа Свободи", a village of
    several oblasts) names no place an event can be keyed by, so events leave it out (measured: war_reports_dev
    report half English 0.621 -> 0.655, tune half and internal file unchanged but one headline more)."""
    return bool(place.ref or place.name)


def place_within(place: Place, area: Place) -> bool:
    """True when ``place`` lies in the oblast or raion ``area``: by its KATOTTG code, or for a Russian settlement by
    the oblast the gazetteer files it under (Shebekino, geonames, in "Belgorod Oblast", which has no ref); a village
    the gazetteer lacks (no ref, no point: unlisted_villages_ru.py, as it holds every Ukrainian one) is taken to lie
    in the Russian oblast or district named with it ("Мартыновка и Мальцевка Курской области"). A district of Russia
    (no ref, its centre's point: place_adjectives_ru_uk.py) lies in its centre's oblast and holds the settlements
    within RAION_KM of its centre."""
    if katottg_within(place.ref, area.ref, area.level) or not place.ref and place.candidates and all(
            katottg_within(c, area.ref, area.level) for c in place.candidates):
        return True  # (or every village a name left ambiguous may be: homonym_areas.py)
    if area.ref or not area.name or area.level not in ("oblast", "raion"):
        return False
    gaz = load_gazetteer()
    unlisted_village = place.level == "settlement" and not place.ref and bool(place.name) and place.lat is None
    entry = gaz.get(place.ref) if (place.ref or "").startswith("geonames:") else None
    if area.level == "raion":
        return area.lat is not None and (unlisted_village or entry is not None and entry.country == "RU"
                                         and entry.lat is not None and km_between(entry, area) <= RAION_KM)
    if unlisted_village:
        oblast = gaz.get(f"area:{area.name}")
        return oblast is not None and oblast.country == "RU"
    if place.level == "raion" and not place.ref and place.lat is not None:
        return gaz.russian_oblast_at(place.lat, place.lon) == f"area:{area.name}"
    return entry is not None and entry.country == "RU" and entry.oblast == f"area:{area.name}"


def listed_over_areas(found: Sequence[str], listed: Sequence[Place], places: Sequence[Place]) -> tuple[str, ...]:
    """The keys of the settlements of a list that names some of those an event counted ("... 20 settlements of the
    Kharkiv region. Among them Kupiansk and Izium"), when the event's own places ``found`` (keys among ``places``)
    are none or only oblasts and raions holding them: a settlement rather than its oblast. () otherwise."""
    if listed and (not found or all(p.level in ("oblast", "raion") and any(place_within(q, p) for q in listed)
                                    for p in places if event_place_key(p) in found)):
        return tuple(dict.fromkeys(event_place_key(q) for q in listed if is_resolved(q)))
    return ()


def _country_holds(country: Place, place: Place) -> bool:
    """True when ``country`` is Ukraine or Russia and ``place`` a settlement, raion or oblast of it ("in Ukraine's
    northeastern Kharkiv region": the oblast places the event, not the country)."""
    if country.level != "country" or place.level not in LOCAL_LEVELS:
        return False
    holder = COUNTRY_CODES.get(country.ref or country.name or "")
    gaz = load_gazetteer()  # a Russian oblast has no ref, only its area id ("Russia's Kursk region")
    entry = gaz.get(place.ref) if place.ref else gaz.get(f"area:{place.name}") if place.name else None
    return holder is not None and entry is not None and entry.country == holder


def place_keys_within(places: Sequence[Place], scopes: Sequence[tuple[int, int]],
                      local_over_country: bool = False) -> tuple[str, ...]:
    """Return the refs (or names) of the places inside the first character scope that holds any,
    in text order, once each, less an oblast or raion that holds another of them; () when none does.

    With ``local_over_country`` a country is left out when a settlement, raion or oblast is there too
    (the country holds it, or acts: "заняли части ВС РФ", "в граничащих с Россией селах"). Russian and Ukrainian events use it; on the English development gold it gained place
    accuracy (+0.003) but lost one event matched through a shared place (type F1 -0.004), so English
    keeps the country for now."""
    for start, end in scopes:
        found = place_keys([p for p in places if start <= p.span[0] and p.span[1] <= end],
                           local_over_country)
        if found:
            return found
    return ()


def place_keys(inside: Sequence[Place], local_over_country: bool = False) -> tuple[str, ...]:
    """Return the refs (or names) of ``inside`` in text order, once each, less an oblast or raion
    that holds another of them (:func:`place_within`) (and, with ``local_over_country``, less a country beside a local place)."""
    distinct = list({(p.ref, p.name, p.level): p for p in inside}.values())  # each place once: lists stay cheap
    inside = [p for p in inside if not any(place_within(q, p) or _country_holds(p, q) for q in distinct)]
    if local_over_country and any(p.level in LOCAL_LEVELS for p in inside):
        inside = [p for p in inside if p.level != "country"]
    found: list[str] = []
    for place in sorted(inside, key=lambda p: p.span):
        key = event_place_key(place)
        if key and key not in found and is_resolved(place):
            found.append(key)
    return tuple(found)


def inherited_place_keys(text: str, places: Sequence[Place], kind: str, previous: tuple[int, int] | None,
                         start: int, at_most: int | None = None, adjacent: bool = False,
                         across_paragraph: bool = False) -> tuple[str, ...]:
    """The settlements, raions or oblasts of the sentence ``previous`` (character span) for a fighting
    event (:data:`PLACE_INHERITING_TYPES`) whose own sentence, starting before ``start``, names no place;
    () for other types, a first sentence, a sentence in another paragraph (or after a line of its own),
    or when the sentence before names more than ``at_most`` of them (no single antecedent), but for the one oblast
    holding them all, named there or before in its paragraph, when that sentence is ``adjacent`` (right before);
    ``across_paragraph`` lets the sentence before be in the paragraph before (a paragraph opening "В результате
    обстрелов" tells their result)."""
    if kind not in PLACE_INHERITING_TYPES or previous is None:
        return ()
    if "\n" in text[previous[0]:start].strip() and not across_paragraph:
        return ()
    local = [p for p in places if p.level in LOCAL_LEVELS]
    found = place_keys_within(local, [previous])
    if at_most is None or len(found) <= at_most:
        return found
    if not adjacent:
        return ()
    # too many to have one antecedent: the one oblast of that sentence holding them all ("атакувала 34 населені
    # пункти Херсонської області, зокрема Херсон, Білозерку ... . Загинули двоє людей": in Kherson Oblast)
    inside = [p for p in local if previous[0] <= p.span[0] < previous[1]]
    settlements = [q for q in inside if q.level == "settlement"]

    def holding(p: Place) -> bool:
        return p.level == "oblast" and all(place_within(q, p) for q in settlements)
    areas = {event_place_key(p) for p in inside if holding(p)}
    if not areas and settlements:  # ... else the one named earlier in the paragraph ("обстріляв Херсонщину. Під
        paragraph = text.rfind("\n", 0, previous[0]) + 1  # вогнем перебували Херсон, Берислав ...")
        areas = {event_place_key(p) for p in local if paragraph <= p.span[0] < previous[0] and holding(p)}
    return tuple(areas) if len(areas) == 1 else ()



# A direction from a place that locates another ("the village of Lastochkyne west of Avdiivka", "западнее
# Авдеевки", "к северо-западу от Авдеевки", "на північний захід від Авдіївки"): the place it names is a landmark,
# not where the event happened, when the event has another settlement.
LOCATOR_BEFORE = re.compile(
    r"(?:\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|"
    r"south-west)(?:ern)?\s+of|\b(?:km|kilometres|kilometers|miles)\s+(?:\w+\s+)?(?:of|from)|"
    r"(?:(?:северо|юго|північно|південно)-?)?(?:западнее|восточнее|севернее|южнее|західніше|східніше|північніше|"
    r"південніше)|(?:к|на)\s+(?:(?:северо|юго)-?)?(?:западу|востоку|северу|югу)\s+от|"
    r"на\s+(?:(?:північний|південний)\s+)?(?:захід|схід|північ|південь)\s+від)\s+(?:the\s+)?$",
    re.IGNORECASE)
CITY_POPULATION = 10_000  # a town outside the KATOTTG of this many people is a city for "the city" referring back
LOCATOR_REACH = 40  # characters before a place searched for its locator phrase
JOINED_BEFORE = re.compile(r"(?:^|\s)(?:and|и|і|та|й)\s*$", re.IGNORECASE)  # a conjunction before a locator phrase
# What joins the places of one list, which share a locator before the first ("западнее Бердычей и Семеновки").
LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|и|или|і|та|й|або)\s+)?", re.IGNORECASE)
# The control ledger's types. A capture or withdrawal said of unnamed places by a landmark ("captured two more
# villages west of Avdiivka") is not one of the landmark, nor is one "near" a town besides the places it names
# ("took Stepove near Avdiivka"): the control ledger would read the landmark as taken.
LEDGER_KINDS = frozenset({"territory_control", "withdrawal"})
# Types of the events a reporting frame tells (the meeting, call or talks where the words were said: "..., Putin said
# at a meeting with the Foreign Ministry leadership"): such an event outside every content of its sentence has
# none of their places (reported_spans).
FRAME_KINDS = frozenset({"negotiation"})
NEAR_BEFORE = re.compile(r"(?:\bnear|\bоколо|\bвозле|\bпоблизу|\bбіля|\bпод|\bпід)\s+(?:the\s+)?$", re.IGNORECASE)


def _landmark(before: str) -> bool:
    """True when the text ``before`` a place ends in a locator phrase that is no place of its own: not one joined
    by "and" ("в Торецке и к северу от Нью-Йорка": north of Niu-York is a second place, not where Toretsk lies)."""
    found = LOCATOR_BEFORE.search(before)
    return found is not None and not JOINED_BEFORE.search(before[:found.start()])


def is_landmark(text: str, place: Place) -> bool:
    """True when ``place`` is named in ``text`` only to locate another ("Ягодное к северу от Артемовска")."""
    return _landmark(text[max(0, place.span[0] - LOCATOR_REACH):place.span[0]])


def without_landmarks(events: Sequence[Event], places: Sequence[Place], text: str,
                      sentence_at: Callable[[int], tuple[int, int]]) -> list[Event]:
    """Events less the places their sentence names only as landmarks (LOCATOR_BEFORE) when another settlement
    remains: "withdrawn from the village of Lastochkyne west of Avdiivka" places the withdrawal at Lastochkyne.
    A capture or withdrawal (LEDGER_KINDS) also loses a landmark that is its only place, and a place "near" which
    its other settlements lie."""
    out = []
    for event in events:
        start, end = sentence_at(event.trigger[0])
        mentions = [p for p in places if start <= p.span[0] < end and event_place_key(p) in event.places]
        ledger = event.type in LEDGER_KINDS
        before = {p.span: text[max(start, p.span[0] - LOCATOR_REACH):p.span[0]] for p in mentions}
        located = {p.span: _landmark(before[p.span]) for p in mentions}
        ordered = sorted(mentions, key=lambda p: p.span)
        for a, b in zip(ordered, ordered[1:]):  # "west of Berdychi and Semenivka": both are landmarks
            if located[a.span] and LIST_GAP.fullmatch(text[a.span[1]:b.span[0]]):
                located[b.span] = True
        near = {p.span: bool(ledger and NEAR_BEFORE.search(before[p.span])) for p in mentions}
        if ledger:  # "took Stepove near Avdiivka": near a settlement named before it ("біля Вовчанська та Лук'янців": both)
            located.update({p.span: True for p in mentions if near[p.span] and any(
                q.level == "settlement" and q.span[0] < p.span[0] and not located[q.span] for q in mentions)})
        keys = {event_place_key(p) for p in mentions}
        landmarks = {k for k in keys if all(located[p.span] for p in mentions if event_place_key(p) == k)}
        kept = tuple(k for k in event.places if k not in landmarks)
        alone = ledger and all(p.level == "settlement" and not near[p.span]
                               for p in mentions if event_place_key(p) in landmarks)  # "the north of Kyiv region" is in it
        if landmarks and (alone or any(p.level == "settlement" and event_place_key(p) in kept for p in mentions)):
            event = replace(event, places=kept)
        out.append(event)
    return out


# A place where a claim was made, in the reporting frame after its cue ("заявил Путин журналистам в Сочи", "told
# reporters in Sochi that"): a locative preposition right before it, this many characters at most.
SPEAKING_PLACE_BEFORE = re.compile(r"(?:^|[\s,])(?:в|во|у|на|in|at)\s+$", re.IGNORECASE)
SPEAKING_PLACE_REACH = 6


def settled_places(events: Sequence[Event], places: Sequence[Place], attributions: Sequence[Attribution], text: str,
                   sentence_at: Callable[[int], tuple[int, int]]) -> list[Event]:
    """Events less the places their sentence names only as landmarks or as where their claimant spoke."""
    return without_speaking_places(without_landmarks(events, places, text, sentence_at), places, attributions, text,
                                   sentence_at)


def without_speaking_places(events: Sequence[Event], places: Sequence[Place], attributions: Sequence[Attribution],
                            text: str, sentence_at: Callable[[int], tuple[int, int]]) -> list[Event]:
    """Events less the places their sentence names only as where their claimant spoke: a place after the cue, outside
    the claim's content and its source, after a locative preposition ("Украинская армия начала контрнаступление,
    заявил Путин журналистам в Сочи": the counteroffensive is not in Sochi). A place before the cue stays ("В
    Белгороде, по словам Гладкова, погибли двое"), as does one of the speaker's title ("губернатор Белгородской
    области")."""
    claims = {a.id: a for a in attributions if a.cue is not None}
    out = []
    for event in events:
        claim = claims.get(event.claimed_by or "")
        if claim is None or not claim.content[0] <= event.trigger[0] < claim.content[1]:
            out.append(event)
            continue
        start, end = sentence_at(event.trigger[0])
        spoken = {}  # key -> all its mentions in the sentence are speaking places
        for p in places:
            key = event_place_key(p)
            if key in event.places and start <= p.span[0] < end:
                spoken[key] = spoken.get(key, True) and _speaking_place(p, claim, text, start)
        dropped = {k for k, only in spoken.items() if only}
        out.append(replace(event, places=tuple(k for k in event.places if k not in dropped)) if dropped else event)
    return out


def _speaking_place(place: Place, claim: Attribution, text: str, sentence_start: int) -> bool:
    """True when ``place`` lies after ``claim``'s cue, outside its content and source, after a locative preposition."""
    first = place.span[0]
    if claim.cue is None or first < claim.cue[0] or claim.content[0] <= first < claim.content[1]:
        return False
    if claim.source is not None and claim.source[0] <= first < claim.source[1]:
        return False
    return SPEAKING_PLACE_BEFORE.search(text[max(sentence_start, first - SPEAKING_PLACE_REACH):first]) is not None


def reported_spans(kind: str, trigger_start: int, sentence: tuple[int, int],
                   contents: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The attribution contents (character spans) starting in a trigger's sentence whose places an event of type
    ``kind`` takes none of: all of them for a meeting, call or talks of the frame that reports (FRAME_KINDS, the
    trigger at ``trigger_start`` in no content: "..., заявил Путин на встрече с руководством МИД"); else none."""
    if kind not in FRAME_KINDS or any(a <= trigger_start < b for a, b in contents):
        return []
    return [(a, b) for a, b in contents if sentence[0] <= a < sentence[1]]


def facility_place_keys(text: str, sentence: tuple[int, int], places: Sequence[Place], kind: str) -> tuple[str, ...]:
    """The settlement of a facility the sentence (character span) names (data/lexicons/facilities.tsv: "the evacuation
    of people from Azovstal" is in Mariupol), when the report's ``places`` name that settlement; () otherwise, and
    for talks."""
    if kind not in FACILITY_TYPES:
        return ()
    named = {p.ref for p in places if p.ref}
    for pattern, ref in _facilities():
        if ref in named and pattern.search(text, sentence[0], sentence[1]):
            return (ref,)
    return ()


def facility_towns(text: str) -> frozenset[str]:
    """The settlement refs of the facilities of the packaged table that ``text`` names."""
    return frozenset(ref for pattern, ref in _facilities() if pattern.search(text))


def names_facility(text: str, span: tuple[int, int]) -> bool:
    """True when the character span of ``text`` names a facility of the packaged table ("освобождение «Азовстали»"
    names where an act happened as a town would)."""
    return any(pattern.search(text, span[0], span[1]) for pattern, _ in _facilities())


@functools.lru_cache(maxsize=1)
def _facilities() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, settlement ref) of each row of the packaged facility table."""
    return tuple((re.compile(row[0], re.IGNORECASE), row[1]) for row in lexicon_rows(FACILITIES_FILE))


def is_city(place: Place) -> bool:
    """True for a town of KATOTTG's city categories (a special-status city or a city: CITY_CATEGORIES), or one of
    elsewhere with CITY_POPULATION people or more (GeoNames): what "the city" / "город" / "місто" refers back to."""
    entry = load_gazetteer().get(place.ref) if place.ref else None
    return entry is not None and (entry.category in CITY_CATEGORIES if entry.ref and entry.ref.startswith("UA")
                                  else (entry.population or 0) >= CITY_POPULATION)
