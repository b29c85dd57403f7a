"""Event places in English war reports (the shared rules are in event_places.py): where an event happened, not every place named near it.

A trigger span, the document's places, the event's actor and type in; the event's place keys out
(KATOTTG refs, else canonical names), in text order:

* the places of the trigger's own phrase ("strikes at Ochakiv and Dnipro", "the battles in Donbas",
  "Kharkiv was shelled", "weapons being sent to Ukraine"), its other triggers' phrases left out
  ("strikes at X, the shelling of Y");
* else those of its clause, else of its sentence, less the aim of another noun ("the operation to
  protect Donbass") and, for an `other` event, less the phrases of other events ("human shields ...
  the shelling of Donbass cities");
* else a country a nationality adjective makes the land of its phrase ("destroy Ukrainian cities");
* else, when the sentence says "the city" or "this town", the settlement its paragraph named most before;
* never a place inside the actor's phrase ("escalation by Russia") or a source's ("Russia says it captured
  Bilohorivka, Ukraine denies") nor one naming who acts or owns
  ("the Kiev authorities", "Russia's incursion", "Russia intends"; not "Ukraine's borders"); for talks, never a country taking part;
* an oblast or raion that holds another of the places is dropped (the town places the event);
* a fighting event with no place of its own takes the local places of the sentence before it.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from ..models import Place
from . import place_ranker
from .doc_cache import doc_memo, doc_text
from .event_arguments import TARGET_LEMMAS
from .event_places import (
    PLACE_INHERITING_TYPES, event_place_key, facility_place_keys, inherited_place_keys, is_resolved, listed_over_areas, place_keys,
    place_keys_within, place_within,
)
from .event_triggers import NATIONALITIES

# Dependencies of a trigger whose phrases say where its event happened: prepositional phrases
# ("at Ochakiv", "in Donbas", "near Kupiansk"), a place named before the noun ("the Kharkiv offensive"),
# the object or passive subject of a verb ("shelled Kharkiv", "Kharkiv was shelled"), "there".
OWN_PHRASE_DEPS = frozenset({"prep", "compound", "nmod", "dobj", "nsubjpass", "npadvmod", "advmod", "pobj",
                             "conj", "appos", "amod", "pcomp"})
# Openers of a sentence that adds another item, sums up or recalls an earlier report ("In total, more than a thousand
# settlements have been liberated"): its event is not the one of the sentence before (as in Russian and Ukrainian).
NEW_ITEM_OPENERS = re.compile(r"(?:in total|overall|altogether|all in all|meanwhile|separately|in addition|"
                              r"additionally|earlier|previously)\b", re.IGNORECASE)
# A period of years or of the whole war ("killed since February 2022", "since the full-scale invasion"): a total
# of the war, not of the settlement the sentence before named.
LONG_PERIOD = re.compile(r"\bsince (?:(?:the )?(?:start|beginning|outbreak) of )?(?:(?:\w+ )?(?:19|20)\d\d\b|"
                         r"(?:Russia's |the )?(?:full-scale |large-scale )?(?:invasion|war)\b)", re.IGNORECASE)
# Plural nouns of places a phrase leaves unnamed ("from border areas"): no place of the sentence before is theirs.
UNNAMED_AREA_NOUNS = frozenset({"area", "region", "village", "town", "settlement", "community", "district"})
# Nouns of a region that, bare after "the", refer back to the oblast named before ("north of the region"), also
# as the tokenizer leaves them before a citation mark ("region.[10][11").
REGION_NOUN = re.compile(r"(?:region|oblast|province)\b(?!s)")
# Levels of a place that holds settlements: when the trigger's own phrase names only such an area, a
# settlement of the clause inside it is where the event happened (the guide: the settlement, not its oblast).
AREA_LEVELS = frozenset({"oblast", "raion"})
# Openers of a sentence naming some of the settlements the sentence before counted ("... liberated 20
# settlements. Among them are Kupiansk, Izium and Balakliia."), and the words a bare list of them may hold.
AMONG_THEM = re.compile(r"(?:among them|among these|among those|these include|they include|those include)"
                        r"(?: are| were)?\b", re.IGNORECASE)
LIST_WORDS = frozenset({"and", "the", "town", "towns", "city", "cities", "village", "villages", "of"})
# Nouns naming who acts or speaks whose place modifier is theirs, not a place of the event ("the Kiev
# authorities", "the Ukrainian side", "Russian forces", "Acting Kursk governor Alexei Smirnov said Ukrainian troops
# held 28 settlements"): general vocabulary of war reporting.
ACTOR_HEADS = frozenset({"authority", "government", "regime", "side", "delegation", "leadership",
                         "force", "army", "military", "troop", "representative", "official",
                         "administration", "ministry", "command", "nationalist", "militant", "governor", "mayor",
                         "spokesman", "spokeswoman", "spokesperson"})

# Verbs of speaking or going whose participle phrase sets the speaker somewhere ("speaking in Hiroshima").
SETTING_VERBS = frozenset({"speak", "talk", "address", "visit", "travel", "arrive", "attend", "write"})
# Event types of the fighting, whose place is never the capital whose government speaks or acts beside them.
FIGHTING_KINDS = frozenset({"strike", "clash", "casualties", "attack_repelled", "territory_control", "withdrawal"})
# Nouns of a part of a place: a possessor of one names where, not who ("from Ukraine's borders",
# "on Russia's territory"), unlike "Russia's incursion".
PLACE_NOUNS = frozenset({"border", "territory", "city", "town", "village", "region", "land", "soil",
                         "airspace", "coast", "capital", "east", "west", "north", "south", "frontier",
                         "infrastructure", "grid"})  # "an attack on Ukraine's energy grid": where it struck

# Buildings and works a town holds: its possessive names where they are ("Kyiv's children's hospital").
FACILITY_NOUNS = TARGET_LEMMAS | frozenset({"hospital", "school", "market", "theatre", "theater", "church", "university",
                                            "mall", "hypermarket", "supermarket", "dam", "railway", "center", "centre"})
# Nouns of land that a nationality adjective makes a country's ("Ukrainian cities", "Russian territory").
LAND_NOUNS = frozenset({"city", "town", "village", "territory", "land", "soil", "region", "settlement",
                        "border", "airspace"})

# Nouns of a settlement that "the" or "this" makes refer back to one named before ("the city was
# surrounded" after "Mariupol"), and those determiners.
SETTLEMENT_NOUNS = frozenset({"city", "town", "village"})
# Nouns of settlements whose list after "including" names an event's places ("several villages, including X and Y").
LISTING_NOUNS = SETTLEMENT_NOUNS | {"settlement"}
ANAPHORIC_DETERMINERS = frozenset({"the", "this"})
CAPITAL_NOUN = "capital"  # "the capital" likewise refers back, to a national capital named before

# Types whose events a report mostly states without a place of their own (war crimes, human shields,
# arms deliveries): the places of the sentence's other events' phrases are not theirs. Left out for
# every type, it lost on both war_reports_dev halves (fighting events share their sentence's place).
PLACELESS_TYPES = frozenset({"other"})


def event_places(span: Span, places: Sequence[Place], actor: Token | None, kind: str,
                 trigger_tokens: dict[int, str] | None = None,
                 sources: Sequence[tuple[int, int]] = ()) -> tuple[str, ...]:
    """Refs (or names) of the places where the trigger's event happened: the place ranker's pick
    (place_ranker.py) among the places near it, told what the rules below found and what the parse says
    of each mention. ``trigger_tokens`` maps the root token index of every trigger of the document to its type;
    ``sources`` are the character spans of the attributions' sources, whose places are the speakers'."""
    trigger_tokens = trigger_tokens or {}
    rule = rule_places(span, places, actor, kind, trigger_tokens, sources)
    sentence = span.sent
    previous = span.doc[sentence.start - 1].sent if sentence.start > 0 else None
    following = span.doc[sentence.end].sent if sentence.end < len(span.doc) else None
    setting = place_ranker.Setting(
        doc_text(span.doc), kind, (span.start_char, span.end_char), _clause_scope(span),
        (sentence.start_char, sentence.end_char),
        (previous.start_char, previous.end_char) if previous is not None else None,
        (following.start_char, following.end_char) if following is not None else None, False, rule)
    return place_ranker.choose_place_keys(setting, places, lambda: _clues(span, places, actor, trigger_tokens))


def _clues(span: Span, places: Sequence[Place], actor: Token | None,
           trigger_tokens: dict[int, str]) -> dict[tuple[int, int], place_ranker.Clues]:
    """What the parse says of each place mention of the trigger's sentence and the one before it."""
    sentence = span.sent
    lo = span.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
    own = _own_phrase(span, trigger_tokens)
    others = _other_phrases(span, trigger_tokens)
    actor_span = _noun_phrase(actor) if actor is not None else None
    clues = {}
    for place in places:
        if not (lo <= place.span[0] and place.span[1] <= sentence.end_char):
            continue
        mention = span.doc.char_span(place.span[0], place.span[1], alignment_mode="expand")
        hops = None
        between = False
        if mention is not None and sentence.start <= mention.start < sentence.end:
            hops = _tree_hops(span.root, mention.root)
            a, b = sorted((span.root.i, mention.root.i))
            between = any(a < i < b and not (span.start <= i < span.end) for i in trigger_tokens)
        clues[place.span] = place_ranker.Clues(
            own=place.span[0] in own,
            actor=bool(actor_span and actor_span[0] <= place.span[0] and place.span[1] <= actor_span[1])
            or _names_actor(span.doc, place),
            other_event=place.span[0] in others and place.span[0] not in own,
            other_trigger_between=between, tree_hops=hops)
    return clues


def _tree_hops(a: Token, b: Token) -> int:
    """Length of the dependency path between two tokens of one sentence."""
    up = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up:
            return n + up[t.i]
    return len(up) + n + 1


def rule_places(span: Span, places: Sequence[Place], actor: Token | None, kind: str,
                trigger_tokens: dict[int, str] | None = None,
                sources: Sequence[tuple[int, int]] = ()) -> tuple[str, ...]:
    """Refs (or names) of the places the rules of the module docstring give the trigger's event."""
    # "the city" may refer to a town named only as a possessor ("Kharkiv's mayor said the city ..."), not to where
    # the speaker is ("speaking in Hiroshima")
    settings, i = _setting_phrases(span.doc, places), span.root.i
    named = [p for p in places if settings[p.span] is None or settings[p.span][0] <= i <= settings[p.span][1]]
    in_source = doc_memo(span.doc, "place_in_source")  # the same sources for every trigger of the Doc
    for p in named:
        if p.span not in in_source:
            in_source[p.span] = any(a <= p.span[0] and p.span[1] <= b for a, b in sources)
    places = [p for p in named if not in_source[p.span]]
    if actor is not None:
        start, end = _noun_phrase(actor)
        places = [p for p in places if not (start <= p.span[0] and p.span[1] <= end)]
    places = [p for p in places if not _names_actor(span.doc, p)
              and not (kind in FIGHTING_KINDS and _capital_acts(span.doc, p))]
    if kind == "negotiation":
        places = [p for p in places if p.level != "country"]
    starts = _own_phrase(span, trigger_tokens or {})
    own = [p for p in places if p.span[0] in starts]
    if own and not any(map(is_resolved, own)):
        return ()  # "captured the village of Shevchenko" (one of seventeen in Donetsk Oblast), not a town beside it
    if own and all(p.level in AREA_LEVELS for p in own):  # "repelled an assault on X in the Y region":
        own += [p for p in _clause_places(span, places)   # a settlement of the clause inside the
                if any(place_within(p, area) for area in own)]  # area places it
    found = place_keys(own) or _region_referred_to(span, starts, named) or _national_land(span, places, starts)
    if not found and _takes_anaphoric_settlement(span):
        found = _anaphoric_settlement(span, named, report_wide=True)  # "Ukrainian forces still hold the town"
    if not found:
        purposes = _purpose_phrases(span)
        if kind in PLACELESS_TYPES:
            purposes |= _other_phrases(span, trigger_tokens or {})
        found = _places_in_scope(span, [p for p in places if p.span[0] not in purposes])
    if not found:
        found = _anaphoric_settlement(span, named)
    found = listed_over_areas(found, _named_among(span, places), places) or found
    found = _named_including(span, places) or found
    if not found:  # "the evacuation of people from Azovstal": Mariupol, when the report names it
        found = facility_place_keys(doc_text(span.doc), (span.sent.start_char, span.sent.end_char), places, kind)
    unnamed = _unnamed_areas(span, starts) if not found and kind in PLACE_INHERITING_TYPES else None
    if not found and kind in PLACE_INHERITING_TYPES and span.sent.start > 0 and unnamed != "plain" \
            and not NEW_ITEM_OPENERS.match(span.sent.text) and not LONG_PERIOD.search(span.sent.text):
        before = span.doc[span.sent.start - 1].sent
        found = inherited_place_keys(doc_text(span.doc), places, kind, (before.start_char, before.end_char),
                                     span.start_char)
        if unnamed == "counted":  # "held 28 settlements" of the region named before: only an area holds them
            found = tuple(k for k in found if any(event_place_key(p) == k and p.level in AREA_LEVELS for p in places))
    return found


def _unnamed_areas(span: Span, starts: set[int]) -> str | None:
    """How the trigger's own phrase says where by areas it does not name: "plain" ("evacuated from border areas",
    "in frontline villages": the event is there, not at a place of the sentence before), "counted" ("held 28
    settlements": new ones, which an oblast or raion of the sentence before may hold), else None. A definite plural
    refers back to them ("recapture these settlements", "In the temporarily occupied areas")."""
    nouns = [t for t in span.sent if t.idx in starts and t.tag_ == "NNS" and t.lemma_.lower() in UNNAMED_AREA_NOUNS
             and not any(c.lower_ in ("the", "these", "those") for c in t.children)]
    if not nouns:
        return None
    return "counted" if any(c.dep_ == "nummod" for t in nouns for c in t.children) else "plain"


def _named_among(span: Span, places: Sequence[Place]) -> list[Place]:
    """The places of the sentence after the trigger's when it only lists them after "Among them (are)": some of
    the settlements the trigger's sentence counted; [] otherwise."""
    sentence = span.sent
    if sentence.end >= len(span.doc):
        return []
    following = span.doc[sentence.end].sent
    opener = AMONG_THEM.match(following.text)
    if opener is None:
        return []
    start = following.start_char + opener.end()
    inside = [p for p in places if start <= p.span[0] and p.span[1] <= following.end_char]
    covered = lambda t: any(p.span[0] <= t.idx < p.span[1] for p in inside)
    rest = [t for t in following if t.idx >= start]
    if inside and all(covered(t) or t.is_punct or t.lower_ in LIST_WORDS for t in rest):
        return inside
    return []


def _named_including(span: Span, places: Sequence[Place]) -> tuple[str, ...]:
    """The settlements a plural noun of settlements in the trigger's clause lists after "including" ("pushed
    Russian troops out of several villages near Kharkiv, including Tsyrkuny and Ruska Lozova"): where the event
    happened, the town the villages lie near only locating them; () when there is no such list."""
    start, end = _clause_scope(span)
    for token in span.doc[span.sent.start:span.sent.end]:
        if token.lower_ != "including" or not start <= token.idx < end:
            continue
        head = token.head
        if head.lemma_.lower() not in LISTING_NOUNS and not (head.dep_ in ("nsubj", "dobj") and any(
                t.lemma_.lower() in LISTING_NOUNS for t in span.doc[span.sent.start:token.i])):
            continue
        listed = [p for p in places if token.idx < p.span[0] < end and p.level == "settlement"]
        return place_keys(listed)
    return ()


def _national_land(span: Span, places: Sequence[Place], starts: set[int]) -> tuple[str, ...]:
    """The country a nationality adjective in the trigger's own phrase makes the land of a place noun
    ("destroy Ukrainian cities", "on Russian territory"): that country, when the article names it."""
    for token in span.doc[span.start:span.sent.end]:
        if token.idx in starts and token.dep_ == "amod" and token.lower_ in NATIONALITIES \
                and token.head.lemma_.lower() in LAND_NOUNS:
            country = NATIONALITIES[token.lower_]
            found = [p for p in places if p.level == "country" and p.name == country]
            return place_keys(found[:1])
    return ()


def _names_actor(doc, place: Place) -> bool:
    """True when the place only names who acts or owns: a possessor ("Russia's incursion"), a
    modifier of a noun of who acts ("the Kiev authorities") or a country subject of a full verb ("Russia
    intends to ..."; not of "be": "Ukraine has been under shelling"). The last measured on the tune
    halves: attribution_dev +1 event, war_reports_dev unchanged; report halves +1 / unchanged. Decided
    once per place of a Doc (every trigger asks about every place)."""
    memo = doc_memo(doc, "place_names_actor")
    if place.span not in memo:
        memo[place.span] = _place_names_actor(doc, place)
    return memo[place.span]


def _place_names_actor(doc, place: Place) -> bool:
    span = doc.char_span(place.span[0], place.span[1], alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "poss":
        # "Russia's incursion", "Kyiv's troops": a possessor says whose, not where; a town's building or grid is
        # where ("struck Kyiv's main children's hospital")
        head = root.head.lemma_.lower()
        return head not in PLACE_NOUNS and not (place.level == "settlement" and head in FACILITY_NOUNS)
    if root.dep_ == "nsubj" and place.level == "country" and root.head.pos_ == "VERB":
        return True  # "Russia intends to ...", "Ukraine offers ...": a state that acts, not a place
    return root.dep_ in {"compound", "amod", "nmod"} and root.head.lemma_.lower() in ACTOR_HEADS \
        and not (span.start <= root.head.i < span.end)


def _setting_phrases(doc, places: Sequence[Place]) -> dict[tuple[int, int], tuple[int, int] | None]:
    """For each place of a Doc, by span, the token range of the participle phrase of where someone speaks or goes
    it lies in ("Zelenskyy, speaking in Hiroshima, appeared to concede the city had fallen"), else None: the
    speaker's setting, no event's unless its trigger is in the phrase. Found once per place of a Doc."""
    memo = doc_memo(doc, "setting_phrases")
    for p in places:
        if p.span not in memo:
            memo[p.span] = _setting_phrase(doc, p)
    return memo


def _setting_phrase(doc, place: Place) -> tuple[int, int] | None:
    """The token range of the participle phrase of speaking or going a place lies in ("speaking in Hiroshima"),
    else None."""
    mention = doc.char_span(place.span[0], place.span[1], alignment_mode="expand")
    if mention is None:
        return None
    verb = next((t for t in mention.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.dep_ not in {"acl", "advcl"} or verb.tag_ != "VBG" \
            or verb.lemma_.lower() not in SETTING_VERBS:
        return None
    return verb.left_edge.i, verb.right_edge.i


def _capital_acts(doc, place: Place) -> bool:
    """True for a capital as the subject of a full verb ("Moscow did not comment on the attack, but ... struck"):
    its government acts, and a fight or strike told beside it did not happen there. Talks keep it (the gold
    places a negotiation at the capital of a party that acts in it). Decided once per place of a Doc."""
    memo = doc_memo(doc, "capital_acts")
    if place.span not in memo:
        span = doc.char_span(place.span[0], place.span[1], alignment_mode="expand") if _capital(place) else None
        memo[place.span] = span is not None and span.root.dep_ == "nsubj" and span.root.head.pos_ == "VERB"
    return memo[place.span]


def _capital(place: Place) -> bool:
    """True for a national capital, which reports name for its government ("Moscow", "Kyiv", "Washington")."""
    from .gazetteer import load_gazetteer
    from .place_weights import CAPITAL_CATEGORIES

    gaz = load_gazetteer()
    entries = [gaz.get(place.ref)] if place.ref else gaz.lookup(place.name or "", fuzzy=False)
    return place.level == "settlement" and any(e is not None and e.category in CAPITAL_CATEGORIES
                                               and (not place.ref or e.ref == place.ref) for e in entries)


def _own_phrase(span: Span, trigger_tokens: dict[int, str]) -> set[int]:
    """Character offsets of the tokens of the trigger and its own phrases, other triggers' phrases
    left out."""
    root = span.root
    tokens: list[Token] = list(span)
    # the phrases of every word of the trigger ("taken control of the village of X": "of" hangs on "control")
    stack = [c for t in span for c in t.children if (c.dep_ in OWN_PHRASE_DEPS and c.dep_ != "conj" or _participle(c))
             and not (span.start <= c.i < span.end)]
    while stack:
        token = stack.pop()
        if token.i in trigger_tokens and token.i != root.i and not (token.dep_ == "dobj" and token.head.i == root.i):
            continue  # another event's phrase ("strikes at Ochakiv, the shelling of the Sumy region"); the object
            # is the event's own argument ("repelled 21 attacks near Kurakhove, Tsukuryne and Heorhiivka")
        tokens.append(token)
        stack.extend(c for c in token.children if c.dep_ not in {"relcl", "advcl", "ccomp", "acl"}
                     and not _other_act(c))
    return {t.idx for t in tokens}


def _other_act(token: Token) -> bool:
    """True for a common noun joined to a phrase of the trigger with its own prepositional phrase that
    names no part of a place ("the evacuation of citizens from Ukraine and the exit of ships from Azov
    ports"): another act with its own place, not a further place of the trigger's event."""
    return token.dep_ == "conj" and token.pos_ == "NOUN" and token.lemma_.lower() not in PLACE_NOUNS \
        and any(c.dep_ == "prep" for c in token.children)


def _region_referred_to(span: Span, starts: set[int], named: Sequence[Place]) -> tuple[str, ...]:
    """The oblast a bare "the region" / "the oblast" of the trigger's own phrase (or its clause after it) refers to:
    the latest its sentence or the one before names, also in a source ("the governor of Kharkiv Oblast ...
    reported a gathering of forces north of the region"); () when the phrase has none or nothing is named."""
    low, high = _clause_scope(span)
    noun = next((t for t in span.sent if (t.idx in starts or low <= t.idx < high and t.i >= span.end)
                 and REGION_NOUN.match(t.lower_)
                 and any(c.lower_ == "the" for c in t.children)
                 and not any(c.dep_ in {"compound", "amod", "prep", "appos"} for c in t.children)), None)
    if noun is None:
        return ()
    floor = span.doc[span.sent.start - 1].sent.start_char if span.sent.start > 0 else span.sent.start_char
    earlier = [p for p in named if floor <= p.span[0] and p.span[1] <= noun.idx and p.level == "oblast"]
    return (event_place_key(earlier[-1]),) if earlier else ()


def _takes_anaphoric_settlement(span: Span) -> bool:
    """True when the trigger's object is "the town" / "this city", or the subject of a verb the trigger says it is
    under ("The town had been under constant attack"): the settlement referred back to is its place, before any
    other place its sentence names."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "under":
        return any(c.dep_ in {"nsubj", "nsubjpass"} and _anaphoric_settlement_noun(c) for c in root.head.head.children)
    return any(c.dep_ in {"dobj", "nsubjpass"} and _anaphoric_settlement_noun(c) for c in root.children)


def _anaphoric_settlement_noun(token: Token) -> bool:
    """True for a nameless "the city" / "this town": a settlement noun with a determiner that refers back, and no
    name of its own ("the town of Izium", "the city Kharkiv")."""
    return token.lemma_.lower() in SETTLEMENT_NOUNS | {CAPITAL_NOUN} \
        and any(c.lower_ in ANAPHORIC_DETERMINERS for c in token.children) \
        and not any(c.dep_ in {"compound", "prep", "appos"} for c in token.children)


def _anaphoric_settlement(span: Span, places: Sequence[Place], report_wide: bool = False) -> tuple[str, ...]:
    """The settlement a nameless "the city" / "this town" of the trigger's sentence refers to: the latest its own
    sentence names before it, else the one its paragraph (else, ``report_wide``, the report) named most often before
    it (the latest on a tie); () when there is none."""
    sentence = span.sent
    noun = next((t for t in sentence if _anaphoric_settlement_noun(t)), None)
    if noun is None:
        return ()
    if noun.lemma_.lower() == CAPITAL_NOUN:  # "Kyiv Mayor Vitali Klitschko said 49 people were injured in the capital"
        places = [p for p in places if _capital(p)]
    # a settlement its own sentence names before it is the nearest ("Kharkiv's mayor said the city was hit")
    own = [p for p in places if p.level == "settlement" and sentence.start_char <= p.span[0] and p.span[1] <= noun.idx]
    if own:
        return (event_place_key(own[-1]),)
    paragraph = doc_text(span.doc).rfind("\n", 0, sentence.start_char) + 1
    for start in (paragraph, 0) if report_wide else (paragraph,):  # "The town" opening a paragraph: the report's
        counts: dict[str, tuple[int, int]] = {}
        for place in places:
            if place.level == "settlement" and start <= place.span[0] and place.span[1] <= sentence.start_char:
                key = event_place_key(place)
                seen, _ = counts.get(key, (0, 0))
                counts[key] = (seen + 1, place.span[0])
        if counts:
            return (max(counts, key=counts.__getitem__),)
    return ()


def _participle(token: Token) -> bool:
    """True for a participle phrase after a noun ("weapons being sent to Ukraine", "strikes carried
    out on Kharkiv"): it says what happened to the noun's event, so its places are the event's."""
    return token.dep_ == "acl" and token.tag_ in {"VBN", "VBG"} \
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _other_phrases(span: Span, trigger_tokens: dict[int, str]) -> set[int]:
    """Character offsets of the phrases of the other triggers of the trigger's sentence that do not
    hold it ("human shields ... the shelling of Donbass cities": Donbass is the shelling's place)."""
    sentence = span.sent
    offsets: set[int] = set()
    for i in trigger_tokens:
        if sentence.start <= i < sentence.end and not (span.start <= i < span.end):
            phrase = _own_phrase(span.doc[i:i + 1], trigger_tokens)
            if span.root.idx not in phrase:
                offsets |= phrase
    return offsets


def _purpose_phrases(span: Span) -> set[int]:
    """Character offsets of the infinitives that modify another noun of the trigger's sentence ("the
    special operation to protect Donbass"): a purpose or aim, not where the trigger's event happened.
    "in order to" is the purpose of a verb, often the event's own ("a ceasefire in order to let
    civilians leave Mariupol"), and is kept."""
    offsets: set[int] = set()
    for token in span.sent:
        if (token.dep_ in {"acl", "relcl"} and token.head.pos_ == "NOUN" and token.head.lower_ != "order"
                and not (span.start <= token.head.i < span.end)
                and any(c.dep_ == "aux" and c.lower_ == "to" and c.i < token.i for c in token.children)
                and not (token.left_edge.i <= span.root.i <= token.right_edge.i)):
            offsets |= {t.idx for t in token.subtree}
    return offsets


def _clause_scope(span: Span) -> tuple[int, int]:
    """Character span of the clause the trigger lies in."""
    clause = span.root
    while clause.dep_ not in {"ROOT", "ccomp", "advcl", "relcl", "conj"} and clause.head.i != clause.i:
        clause = clause.head
    return clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)


def _clause_places(span: Span, places: Sequence[Place]) -> list[Place]:
    start, end = _clause_scope(span)
    return [p for p in places if start <= p.span[0] and p.span[1] <= end]


def _places_in_scope(span: Span, places: Sequence[Place]) -> tuple[str, ...]:
    sentence = span.sent
    return place_keys_within(places, [_clause_scope(span), (sentence.start_char, sentence.end_char)])


def _noun_phrase(token: Token) -> tuple[int, int]:
    """Character span of a token with its modifiers, less attached phrases ("Russia" in "Russia
    of the Kharkiv region", "forces" with "Russian" in "Russian forces in Vovchansk")."""
    tokens = [token]
    stack = [c for c in token.children if c.dep_ not in {"prep", "relcl", "acl", "appos", "punct", "cc", "conj"}]
    while stack:
        child = stack.pop()
        tokens.append(child)
        stack.extend(child.children)
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
