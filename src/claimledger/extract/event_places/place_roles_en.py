"""What a place named in an English event's sentence stands for when it only names who acts: a possessor ("Russia's
incursion"), a modifier of who acts ("the Kiev authorities") or of what a country makes ("US weapons"), one accused,
a state as the subject of a full verb ("Russia intends to ...", "the 75 drones Russia launched"), a ship's flag
state ("flying the flag of Panama"), a time named by a place ("since Bakhmut"), a capital whose
government acts ("Moscow did not comment", "sabotage by Kyiv"); or when it only says where a settlement lies ("the
town of Bucha near Kyiv", "Krasnohorivka, a town west of Donetsk city"). A spaCy Doc and a Place in, an answer out;
event_places_en.py leaves such places out of an event's.
"""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from ...models import Place
from ..language.doc_cache import doc_memo, mention_span
from ..events.event_arguments import TARGET_LEMMAS
from .event_places import is_capital
from ..places.gazetteer import load_gazetteer
from ..places.place_resolution import SETTLEMENT_WORDS

# Nouns naming who acts or speaks whose place modifier is theirs, not a place of the event ("the Kiev
# authorities", "the Ukrainian side", "Russian forces", "Acting Kursk governor Alexei Smirnov said Ukrainian troops
# held 28 settlements"): general vocabulary of war reporting.
ACTOR_HEADS = frozenset({"authority", "government", "regime", "side", "delegation", "leadership",
                         "force", "army", "military", "troop", "representative", "official",
                         "administration", "ministry", "command", "nationalist", "militant", "governor", "mayor",
                         "spokesman", "spokeswoman", "spokesperson"})
ACCUSING_VERBS = frozenset({"accuse", "blame"})  # whose object (or "on" object) is said to have acted
# ... and nouns of what a country makes or sends ("US and British long-range weapons", "American missiles"): a maker
# or supplier, not where the event happens.
MAKER_HEADS = frozenset({"weapon", "missile", "rocket", "arm", "tank", "jet", "aircraft", "drone", "system", "aid",
                         "munition", "ammunition", "shell"})
# ... and nouns of a state's figures or findings ("U.S. estimates", "British intelligence"): whose count or word it
# is, not where the event happens.
ESTIMATE_HEADS = frozenset({"estimate", "assessment", "intelligence", "figure", "data", "tally", "statistic", "count"})
# Nouns of pressing a government, whose "on"/"against" object is the government pressed, no place.
# (Sanctions are not among them: the guide places sanctions at the state they are imposed on.)
PRESSING_NOUNS = frozenset({"pressure", "demand", "ultimatum"})
# Nouns of dealing whose partner after "with" is a government ("talks with Kiev", "a dialogue with Moscow").
DEALING_NOUNS = frozenset({"talk", "talks", "negotiation", "dialogue", "contact", "agreement", "deal"})
GOVERNING_HEADS = frozenset({"policy", "regime", "leader", "president", "position"})  # ... "of" a state or capital
FLAGGED_WORDS = frozenset({"flagged", "registered"})  # "a Panama-flagged vessel": its flag state, no place
# Prepositions of time whose bare place object names a time by what happened there ("in the biggest shift since
# Bakhmut", "the largest attack after Avdiivka"), not a place of the event.
TIME_PREPOSITIONS = frozenset({"since", "after", "before", "until"})
# Prepositions by which a place tells where a settlement named before it lies ("Bucha near Kyiv", "with Russia" of a
# border), and the nouns of a settlement in apposition to one ("Vovchansk, a town near ...").
LOCATOR_PREPOSITIONS = frozenset({"near", "outside", "with"})
# Bearings from a place that locates a settlement in apposition ("Ocheretyne, northwest of Avdiivka").
BEARINGS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
CATEGORY_RANK = {"K": 4, "M": 3, "X": 2, "C": 1}  # KATOTTG categories: special city, city, selyshche, village
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})  # a verb's finite forms, whose subject a name right before is

# Nouns of a part of a place: a possessor of one names where, not who ("from Ukraine's borders",
# "on Russia's territory"), unlike "Russia's incursion".
PLACE_NOUNS = frozenset({"border", "territory", "city", "town", "village", "region", "land", "soil",
                         "airspace", "coast", "capital", "east", "west", "north", "south", "frontier",
                         "infrastructure", "grid",  # "an attack on Ukraine's energy grid": where it struck
                         "outskirts", "outskirt", "suburb", "edge", "part", "area", "district", "centre", "center",
                         "heart"})  # "entered Vovchansk's northern outskirts"
# ... and a river's bank of a town or region ("withdrawal from Kherson's right bank"; a country's banks lend).
BANK_NOUNS = frozenset({"bank", "shore", "riverbank"})

# Buildings and works a town holds: its possessive names where they are ("Kyiv's children's hospital").
FACILITY_NOUNS = TARGET_LEMMAS | frozenset({"hospital", "school", "market", "theatre", "theater", "church",
                                            "university", "mall", "hypermarket", "supermarket", "dam", "railway",
                                            "center", "centre"})


def names_actor(doc, place: Place) -> bool:
    """True when the place only names who acts or owns, or a time ("since Bakhmut"): a possessor ("Russia's
    incursion"), a modifier of a noun of who acts ("the Kiev authorities") or of what it makes ("US weapons"), one
    accused, or a country subject of a full verb ("Russia intends to ..."; not of "be": "Ukraine has been under
    shelling"). The last measured on the tune halves: attribution_dev +1 event, war_reports_dev unchanged; report
    halves +1 / unchanged. Decided once per place of a Doc (every trigger asks about every place)."""
    memo = doc_memo(doc, "place_names_actor")
    if place.span not in memo:
        memo[place.span] = _place_names_actor(doc, place)
    return memo[place.span]


def _place_names_actor(doc, place: Place) -> bool:
    span = mention_span(doc, *place.span)
    if span is None:
        return False
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in TIME_PREPOSITIONS:
        return True  # "Russia's biggest gain since Bakhmut": a time, named by what happened there, not where
    if root.dep_ == "poss":
        # "Russia's incursion", "Kyiv's troops": a possessor says whose, not where; a town's building or grid is
        # where ("struck Kyiv's main children's hospital")
        head = root.head.lemma_.lower()
        return head not in PLACE_NOUNS and not (place.level == "settlement" and head in FACILITY_NOUNS) \
            and not (place.level != "country" and head in BANK_NOUNS)
    if place.level == "country" and _governs(root):
        # "Russia intends to ...", "Ukraine offers ...", "forces used by the Russian Federation", "the pressure on
        # Russia is not enough": a state that acts or is pressed, not a place
        return True
    if root.dep_ == "appos" and place.level == "country" and span.end < len(doc) \
            and doc[span.end].tag_ in FINITE_TAGS and doc[span.end].pos_ == "VERB":
        return True  # "the 75 drones Russia launched": the parser's apposition is a clause's subject
    if root.dep_ == "dobj" and root.head.lemma_.lower() in ACCUSING_VERBS \
            or root.dep_ == "pobj" and root.head.lower_ == "on" and root.head.head.lemma_.lower() in ACCUSING_VERBS:
        return True  # "accused Russia of blowing up the dam", "blamed the attack on Ukraine": who is said to act
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() == "flag" \
            or root.head.lower_ in FLAGGED_WORDS:
        return True  # "a vessel flying the flag of Panama", "a Panama-flagged vessel": the flag state
    if (place.level == "country" or is_capital(place)) and root.dep_ == "pobj" and root.head.lower_ == "of" \
            and root.head.head.lemma_.lower() in ACTOR_HEADS | GOVERNING_HEADS:
        return True  # "the state policy of Kiev", "the leadership of Ukraine": the government, no place
    if place.level == "country" and root.dep_ in {"compound", "amod", "nmod"} \
            and root.head.lemma_.lower() in ESTIMATE_HEADS:
        return True  # "a figure far below U.S. estimates", "British intelligence said": whose figures, no place
    return root.dep_ in {"compound", "amod", "nmod"} and root.head.lemma_.lower() in ACTOR_HEADS | MAKER_HEADS \
        and not (span.start <= root.head.i < span.end)


def capital_acts(doc, place: Place) -> bool:
    """True for a capital as the subject of a full verb ("Moscow did not comment on the attack, but ... struck"), the
    agent after "by" ("deliberate sabotage by Kyiv") or the one pressed ("pressure on Moscow"):
    its government acts, and a fight or strike told beside it did not happen there. Talks keep it (the gold
    places a negotiation at the capital of a party that acts in it). Decided once per place of a Doc."""
    memo = doc_memo(doc, "capital_acts")
    if place.span not in memo:
        span = mention_span(doc, *place.span) if is_capital(place) else None
        memo[place.span] = span is not None and _governs(span.root)
    return memo[place.span]


def _governs(root) -> bool:
    """True for the root of a place's name that stands for its government: the subject of a full verb, the agent
    after "by", the object of "on"/"against" after a noun of pressing ("pressure on Moscow", "demands on Kyiv") or
    of "with" after a noun of dealing ("talks with Kiev")."""
    return root.dep_ == "nsubj" and root.head.pos_ == "VERB" or root.dep_ == "pobj" and (
        root.head.lower_ == "by" or root.head.lower_ in ("on", "against")
        and root.head.head.lemma_.lower() in PRESSING_NOUNS
        or root.head.lower_ == "with" and root.head.head.lemma_.lower() in DEALING_NOUNS)


def locates_settlement(doc, place: Place, places: Sequence[Place]) -> bool:
    """True for a place that only says where a settlement named right before it lies ("the town of Bucha near
    Kyiv", "Vovchansk, a town near the border with Russia"): no place of the event."""
    span = mention_span(doc, *place.span)
    root = span.root if span is not None else None
    if root is not None and root.dep_ == "compound" and root.head.lower_ in SETTLEMENT_WORDS:
        root = root.head  # "west of Donetsk city"
    if root is not None and root.dep_ == "pobj" and root.head.lower_ == "of" \
            and is_bearing(root.head.head) and root.head.head.dep_ == "appos":
        located = root.head.head.head  # "Krasnohorivka, a town west of Donetsk city": a bearing from Donetsk
        return any(p.level == "settlement" and p.span[0] <= located.idx < p.span[1] for p in places if p is not place)
    if root is not None and _bearing_after_settlement(doc, root, places):
        return True
    if root is None or root.dep_ != "pobj" or root.head.lower_ not in LOCATOR_PREPOSITIONS:
        return False
    located = root.head.head
    if located.lower_ == "border" and located.head.lower_ in LOCATOR_PREPOSITIONS:
        located = located.head.head  # "a town near the border with Russia"
    if located.lower_ in SETTLEMENT_WORDS:
        named = [g for of in located.children if of.lower_ == "of" for g in of.children if g.dep_ == "pobj"]
        located = named[0] if named else located.head if located.dep_ == "appos" else located
        # ("the town of Bucha near Kyiv"; "Vovchansk, a town near ...")
    return any(p.level == "settlement" and p.span[0] <= located.idx < p.span[1] and _outranks(place, p)
               for p in places if p is not place)


def is_bearing(token: Token) -> bool:
    """True for a word of a bearing, hyphenated or not ("north-west", "southeast")."""
    return token.lower_.replace("-", "") in BEARINGS


def locates_unnamed_settlement(doc, place: Place) -> bool:
    """True for a place after "near"/"outside" or a bearing's "of" that locates a settlement named by its noun alone
    ("recaptures village near Bakhmut", "took a village south of Bakhmut"): not the settlement taken."""
    span = mention_span(doc, *place.span)
    root = span.root if span is not None else None
    if root is None or root.dep_ != "pobj" or root.head.lower_ not in LOCATOR_PREPOSITIONS | {"of"}:
        return False
    prep = root.head
    if prep.lower_ == "of":
        prep = prep.head  # "south of Bakhmut"
        if not is_bearing(prep):
            return False
    head = prep.head
    nouns = [head] if head.pos_ == "NOUN" else [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(n.lemma_.lower() in SETTLEMENT_WORDS and not any(
        c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" or c.lower_ == "of" for c in n.children) for n in nouns)


def _bearing_after_settlement(doc, root: Token, places: Sequence[Place]) -> bool:
    """True for the place of a bearing set off after a settlement, with no verb between: "captured Hrodivka, 15 km
    northeast of Pokrovsk", "Novohrodivka in ... Donetsk region, about 20 km southeast of the logistics hub of
    Pokrovsk" (however the parser hangs the bearing)."""
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    bearing = root.head.head
    if bearing.dep_ == "pobj" and bearing.head.lower_ == "of" and bearing.pos_ == "NOUN":
        bearing = bearing.head.head  # "of the logistics hub of Pokrovsk"
    if not is_bearing(bearing) or bearing.i == 0:
        return False
    sentence_start = bearing.sent.start
    before = [p for p in places if p.level == "settlement" and doc[sentence_start].idx <= p.span[0] < bearing.idx]
    if not before:
        return False
    last = max(before, key=lambda p: p.span[0])
    between = [t for t in doc[sentence_start:bearing.i] if t.idx >= last.span[1]]
    return any(t.text == "," for t in between) and not any(t.pos_ in {"VERB", "AUX"} for t in between)


def _outranks(locator: Place, located: Place) -> bool:
    """True when ``locator`` is a bigger kind of place than ``located`` (a country, oblast or larger town: one
    places a town by a city, "Bucha near Kyiv", not a city by its villages, "northwest of Avdiivka near Sokil")."""
    if locator.level != "settlement":
        return True
    gaz = load_gazetteer()
    a, b = (gaz.get(p.ref) if p.ref else None for p in (locator, located))
    return a is not None and b is not None and CATEGORY_RANK.get(a.category, 0) > CATEGORY_RANK.get(b.category, 0)
