"""Where an English war report's event happened when its own phrase, clause and sentence name no place, from the
sentences around it (event_places_en.py asks): the settlement a nameless "the city", "this town" or "the capital"
refers back to, and for a fighting event the places of the sentence before it (for casualties and strikes, of the
nearest sentence before it in its paragraph naming one). Nothing is inherited by a sentence that opens another item
or sums up ("In total, ..."), tells a total of the whole war ("since the full-scale invasion"), or says where by
areas it does not name ("evacuated from border areas"); counted new settlements take only an area before. An event
of another speaker than those of the sentence its settlements came from gives them back
(:func:`without_places_of_other_speakers`).
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from ...models import Attribution, Event, Place
from ..language.doc_cache import doc_memo, doc_text, mention_span, span_tokens
from ..places.place_resolution import SETTLEMENT_NOUNS, SETTLEMENT_WORDS
from ..events.quantities import count_of
from .event_places import (LOCAL_LEVELS, PLACE_INHERITING_TYPES, event_place_key, facility_towns,
                           inherited_place_keys, is_capital, is_city)

# Openers of a sentence that adds another item, sums up or recalls an earlier report ("In total, more than a thousand
# settlements have been liberated"): its event is not the one of the sentence before (as in Russian and Ukrainian).
NEW_ITEM_OPENERS = re.compile(r"(?:in total|overall|altogether|all in all|meanwhile|separately|in addition|"
                              r"additionally|earlier|previously)\b", re.IGNORECASE)
# A period of years or of the whole war ("killed since February 2022", "since the full-scale invasion"): a total
# of the war, not of the settlement the sentence before named.
LONG_PERIOD = re.compile(r"\bsince (?:(?:the )?(?:start|beginning|outbreak) of )?(?:(?:\w+ )?(?:19|20)\d\d\b|"
                         r"(?:Russia's |the )?(?:full-scale |large-scale )?(?:invasion|war)\b)", re.IGNORECASE)
# Sentences back a casualty or strike with no place looks for one naming a place (_nearest_placed_sentence); other
# types take only the sentence right before. Measured on the tune halves (war_reports_dev, attribution_dev): for
# every fighting type, control F1 fell (attribution_dev 0.727 -> 0.667); for casualties and strikes alone, control
# held and places rose (war_reports_dev English 0.812 -> 0.815, attribution_dev 0.640 -> 0.649), as Russian and
# Ukrainian reports look back (event_places_context_ru_uk.INHERIT_SENTENCES_BACK).
INHERIT_SENTENCES_BACK = 4
LOOKING_BACK_TYPES = frozenset({"casualties", "strike"})
# Plural nouns of places a phrase leaves unnamed ("from border areas"): no place of the sentence before is theirs.
UNNAMED_AREA_NOUNS = frozenset({"area", "region", "village", "town", "settlement", "community", "district"})
# Nouns of a settlement (place_resolution.SETTLEMENT_NOUNS) that "the" or "this" makes refer back to one named
# before ("the city was surrounded" after "Mariupol"), and those determiners.
ANAPHORIC_DETERMINERS = frozenset({"the", "this"})
# ... and those of a plural settlement noun that refer back to the settlements a sentence before listed ("liberated
# both settlements", "these villages", "the two villages").
PLURAL_ANAPHORIC_DETERMINERS = frozenset({"the", "these", "those", "both"})
INTRODUCTION_REACH = 60  # characters around a place searched for the noun that introduces it ("a salt-mining town")
CAPITAL_NOUN = "capital"  # "the capital" likewise refers back, to a national capital named before
# Nouns of a region that, bare after "the", refer back to the oblast named before ("north of the region"), also
# as the tokenizer leaves them before a citation mark ("region.[10][11").
REGION_NOUN = re.compile(r"(?:region|oblast|province)\b(?!s)")
# Adjectives that leave such a noun referring back: the whole of it ("out of almost the entire oblast").
WHOLE_WORDS = frozenset({"entire", "whole"})
# Levels of a place that holds settlements: when the trigger's own phrase names only such an area, a
# settlement of the clause inside it is where the event happened (the guide: the settlement, not its oblast).
AREA_LEVELS = frozenset({"oblast", "raion"})
# Prepositions whose "the town" object is where the trigger's act goes on ("fighting for the town", "clashes near
# the city", "battles in the village").
AROUND_PREPOSITIONS = frozenset({"for", "in", "near", "around", "outside", "inside", "over"})
# Verbs of leaving, whose "from the town" is the place left ("its troops had withdrawn from the city").
LEAVING_LEMMAS = frozenset({"withdraw", "retreat", "pull", "evacuate", "flee", "leave"})
# A settlement, region, capital or area referred back to by a determiner, an adjective between allowed ("the eastern
# city", "in the area").
REFERRING_BACK = re.compile(
    r"\b(?:the|this|that|these|those|both)\s+(?:\w+\s+)?(?:city|town|village|settlement|capital|region|oblast|area|"
    r"district|direction|sector|cities|towns|villages|settlements)\b", re.IGNORECASE)
# ... and an event re-mentioned by a determiner before its trigger ("condemned the attack"): one of its type told
# before.
DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|these|those)\s+$", re.IGNORECASE)
DEFINITE_REACH = 8  # characters before a trigger searched for its determiner


def without_places_of_other_speakers(events: Sequence[Event], places: Sequence[Place],
                                     attributions: Sequence[Attribution], text: str,
                                     sentence_at: Callable[[int], tuple[int, int]]) -> list[Event]:
    """Events less the places they took from a sentence before theirs (their own sentence names none of them) when every
    event of that sentence is another speaker's (the outlet counts as one, and a nested claim is also its parent's
    speaker's): "In Kharkiv, a missile hit an industrial facility, Governor Syniehubov said. Russia's Defence Ministry
    said its forces had struck energy facilities" (the ministry's strikes are not in Kharkiv). A sentence that refers
    back by "the city", "this town" keeps the place it refers to ("Shoigu said that Russian forces had taken full
    control of the city"), as does an event of a type told there re-mentioned ("Zelenskyy condemned the attack"), and
    one that names a facility the town of its place ("continue to shell Azovstal": Mariupol); an oblast or raion, the
    scene of the report, stays ("Ukraine says it controls 1,000 sq km of the Kursk region. Smirnov said Ukrainian troops
    held 28 settlements"). Measured on the tune halves: attribution_dev English places 0.675 -> 0.693 and control 0.818
    -> 0.837, war_reports_dev English unchanged, its Ukrainian places 0.832 -> 0.824 (addresses whose quoted voices go
    on with the speaker's scene); English reports use it."""
    by_id = {a.id: a for a in attributions}

    def voices(event: Event) -> set[str | None]:
        """The speakers of the event's claim and of the claims it is nested in (None: the outlet's own)."""
        found, claim = set(), by_id.get(event.claimed_by or "")
        while claim is not None and len(found) < len(by_id):
            found.add(claim.speaker or claim.id)
            claim = by_id.get(claim.parent or "")
        return found or {None}

    mentioned: dict[str, list[tuple[int, int]]] = {}
    areas = {event_place_key(p) for p in places if p.level in AREA_LEVELS}
    for place in places:
        mentioned.setdefault(event_place_key(place), []).append(sentence_at(place.span[0]))
    told: dict[tuple[int, int], list[Event]] = {}
    for event in events:
        told.setdefault(sentence_at(event.trigger[0]), []).append(event)
    out = []
    for event in events:
        own = sentence_at(event.trigger[0])
        sentences = [s for key in event.places for s in mentioned.get(key, ())]
        before = [s for s in sentences if s[0] < own[0]]
        if before and own not in sentences and not set(event.places) <= areas \
                and not REFERRING_BACK.search(text, *own) \
                and not set(event.places) & facility_towns(text[own[0]:own[1]]):  # "shell Azovstal": Mariupol
            others = told.get(max(before), [])
            again = DEFINITE_BEFORE.search(text, max(0, event.trigger[0] - DEFINITE_REACH), event.trigger[0]) \
                and any(other.type == event.type for other in others)  # "condemned the attack" after a strike
            if others and not again and not any(voices(other) & voices(event) for other in others):
                event = replace(event, places=())
        out.append(event)
    return out


def context_place_keys(span: Span, places: Sequence[Place], kind: str, starts: set[int]) -> tuple[str, ...]:
    """The place keys a fighting event of type ``kind`` (trigger ``span``) whose own words name none takes from the
    sentences before it (module docstring); ``starts`` are the character offsets of its own phrase's tokens."""
    if kind not in PLACE_INHERITING_TYPES or span.sent.start == 0:
        return ()
    unnamed = unnamed_areas(span, starts)
    if unnamed == "plain" or NEW_ITEM_OPENERS.match(span.sent.text) or LONG_PERIOD.search(span.sent.text):
        return ()
    before = _nearest_placed_sentence(span, places) if kind in LOOKING_BACK_TYPES \
        else span.doc[span.sent.start - 1].sent
    found = inherited_place_keys(doc_text(span.doc), places, kind, (before.start_char, before.end_char),
                                 span.start_char)
    if unnamed == "counted":  # "held 28 settlements" of the region named before: only an area holds them
        found = tuple(k for k in found if any(event_place_key(p) == k and p.level in AREA_LEVELS for p in places))
    return found


def _nearest_placed_sentence(span: Span, places: Sequence[Place]) -> Span:
    """The nearest sentence before the trigger's, at most INHERIT_SENTENCES_BACK back in its paragraph, that names a
    settlement, raion or oblast ("strike at the city of Mykolaiv ... Dismantling of the debris continued. As of now,
    five people are known to have been killed"); else the sentence right before."""
    before = span.doc[span.sent.start - 1].sent
    for sentence in itertools.chain([before], _sentences_before(before, INHERIT_SENTENCES_BACK - 1)):
        if any(sentence.start_char <= p.span[0] < sentence.end_char and p.level in LOCAL_LEVELS for p in places):
            return sentence
    return before


def _sentences_before(sentence: Span, count: int) -> Iterator[Span]:
    """Up to ``count`` sentences before ``sentence``, nearest first, none across the start of a paragraph."""
    text = doc_text(sentence.doc)
    for _ in range(count):
        if sentence.start == 0 or "\n" in text[sentence.start_char - 1:sentence.start_char + 1]:
            return
        sentence = sentence.doc[sentence.start - 1].sent
        yield sentence


def unnamed_areas(span: Span, starts: set[int]) -> str | None:
    """How the trigger's own phrase says where by areas it does not name: "plain" ("evacuated from border areas",
    "in frontline villages": the event is there, not at a place of the sentence before), "counted" ("held 28
    settlements": new ones, which an oblast or raion of the sentence before may hold), else None. A definite plural
    refers back to them ("recapture these settlements", "In the temporarily occupied areas")."""
    nouns = [t for t in span_tokens(span.sent) if t.idx in starts and t.tag_ == "NNS"
             and t.lemma_.lower() in UNNAMED_AREA_NOUNS
             and not any(c.lower_ in ("the", "these", "those") for c in t.children)]
    if not nouns:
        return None
    return "counted" if any(c.dep_ == "nummod" for t in nouns for c in t.children) else "plain"


def takes_anaphoric_settlement(span: Span) -> bool:
    """True when the trigger's object is "the town" / "this city" (also of its "control of", or after "for", "in",
    "near": "the fighting for the town", "from" a verb of leaving: "withdrawn from the city", or "of" an act noun:
    "the capture of the town", or owning its object: "over
    the town's administration"), or the subject of a verb the trigger says it is under ("The town had been under
    constant attack"): the settlement referred back to is its place, before any other place its sentence names."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "under":
        return any(c.dep_ in {"nsubj", "nsubjpass"} and _anaphoric_settlement_noun(c) for c in root.head.head.children)
    controlled = [c for t in span if t.lower_ == "control" for of in t.children if of.lower_ == "of"
                  for c in of.children]  # "had taken full control of the town"
    around = AROUND_PREPOSITIONS | {"of"} if root.pos_ == "NOUN" else AROUND_PREPOSITIONS
    if root.lemma_.lower() in LEAVING_LEMMAS:
        around = around | {"from"}  # "had withdrawn from the city": the town left
    fought_over = [c for prep in root.children if prep.dep_ == "prep" and prep.lower_ in around
                   for c in prep.children if c.dep_ == "pobj"]  # "The fighting for the town", "the capture of the town"
    objects = [c for c in root.children if c.dep_ in {"dobj", "nsubjpass"}] + [
        c for prep in root.children if prep.dep_ == "prep" for c in prep.children if c.dep_ == "pobj"]
    # "a flag over the town's administration", "hit the city centre"
    owned = [c for o in objects for c in o.children if c.dep_ in {"poss", "compound"}]
    return any(c.dep_ in {"dobj", "nsubjpass"} and _anaphoric_settlement_noun(c) for c in root.children) \
        or any(_anaphoric_settlement_noun(c) for c in controlled + fought_over + owned)


def _anaphoric_settlement_noun(token: Token) -> bool:
    """True for a nameless "the city" / "this town": a settlement noun with a determiner that refers back, and no
    name of its own ("the town of Izium", "the city Kharkiv"); or a plural one ("both settlements", "these
    villages"), :func:`_plural_anaphor`."""
    # (a compound takes its head's determiner: "hit the city centre")
    determined = token.head.children if token.dep_ == "compound" and token.tag_ == "NN" else token.children
    return (token.lemma_.lower() in SETTLEMENT_NOUNS | {CAPITAL_NOUN} and token.tag_ != "NNS"
            and any(c.lower_ in ANAPHORIC_DETERMINERS and c.dep_ == "det" for c in determined)
            or _plural_anaphor(token)) \
        and not any(c.dep_ in {"compound", "prep", "appos"} for c in token.children)


def _plural_anaphor(token: Token) -> bool:
    """True for a plural settlement noun with a determiner that refers back ("both settlements", "these villages",
    "the two villages"; not "the villages of X and Y", whose names follow)."""
    return token.tag_ == "NNS" and token.lemma_.lower() in SETTLEMENT_WORDS \
        and any(c.lower_ in PLURAL_ANAPHORIC_DETERMINERS and c.dep_ in {"det", "predet"} for c in token.children)


def _listed_before(span: Span, noun: Token, places: Sequence[Place]) -> tuple[str, ...]:
    """The settlements of the nearest sentence before the trigger's, in its paragraph and at most
    INHERIT_SENTENCES_BACK back, that names two or more (as many as a count on the noun says: "the two villages")."""
    count = next((c for c in noun.children if c.dep_ == "nummod" and c.like_num), None)
    wanted = count_of(count) if count is not None else None
    for sentence in _sentences_before(span.sent, INHERIT_SENTENCES_BACK):
        keys = tuple(dict.fromkeys(event_place_key(p) for p in places if p.level == "settlement"
                                   and sentence.start_char <= p.span[0] < sentence.end_char))
        if len(keys) >= 2 and (wanted is None or len(keys) == wanted):
            return keys
    return ()


def anaphoric_settlement(span: Span, places: Sequence[Place], report_wide: bool = False) -> tuple[str, ...]:
    """The settlement a nameless "the city" / "this town" of the trigger's sentence refers to: the latest its own
    sentence names before it, else the one its paragraph (else, ``report_wide``, the report) named most often before
    it (on a tie, one introduced with the same noun, else the latest); () when there is none."""
    sentence = span.sent
    noun = next(iter(anaphoric_nouns(sentence, "settlement")), None)
    if noun is None:
        return ()
    if noun.tag_ == "NNS":  # "liberated both settlements": those the sentence before listed
        return _listed_before(span, noun, places)
    if noun.lemma_.lower() == CAPITAL_NOUN:  # "Kyiv Mayor Vitali Klitschko said 49 people were injured in the capital"
        places = [p for p in places if is_capital(p)]
    elif noun.lemma_.lower() == "village":  # "the village" is the village named before, not the town beside it
        places = [p for p in places if not is_city(p)] or places
    # a settlement its own sentence names before it is the nearest ("Kharkiv's mayor said the city was hit")
    own = [p for p in places if p.level == "settlement" and sentence.start_char <= p.span[0] and p.span[1] <= noun.idx]
    if own:
        return (event_place_key(own[-1]),)
    text = doc_text(span.doc)
    paragraph = text.rfind("\n", 0, sentence.start_char) + 1
    noun_word = noun.lemma_.lower()
    for start in (paragraph, 0) if report_wide else (paragraph,):  # "The town" opening a paragraph: the report's
        counts: dict[str, tuple[int, int, int]] = {}
        for place in places:
            if place.level == "settlement" and start <= place.span[0] and place.span[1] <= sentence.start_char:
                key = event_place_key(place)
                seen, introduced, _ = counts.get(key, (0, 0, 0))
                # of those named as often, one introduced with the same noun ("Soledar, a salt-mining town ...,
                # opening the way to Bakhmut. ... fighting in the town": Soledar), else the latest
                described = _described_as(text, place, noun_word)
                counts[key] = (seen + 1, max(introduced, int(described)), place.span[0])
        if counts:
            return (max(counts, key=counts.__getitem__),)
    return ()


def _described_as(text: str, place: Place, noun: str) -> bool:
    """True when the text calls ``place`` a ``noun`` where it names it ("the town of Soledar", "Soledar, a salt-mining
    town")."""
    before = text[max(0, place.span[0] - INTRODUCTION_REACH):place.span[0]].lower()
    after = text[place.span[1]:place.span[1] + INTRODUCTION_REACH].lower()
    return before.endswith(f"{noun} of ") \
        or re.match(rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}{noun}\b", after) is not None


def takes_anaphoric_region(span: Span) -> bool:
    """True when the trigger's "of" object is a nameless "the region" ("proclaimed the annexation of the region"):
    the oblast referred back to is its place, or none, never another place its sentence names."""
    return any(anaphoric_region_noun(c) for of in span.root.children if of.lower_ == "of" for c in of.children)


def anaphoric_region_noun(token: Token, whole: bool = False) -> bool:
    """True for a nameless "the region" / "this oblast": a singular region noun with a determiner that refers back
    and no modifier that names or narrows it; with ``whole``, also "the entire oblast" (WHOLE_WORDS)."""
    return bool(REGION_NOUN.match(token.lower_)) and token.tag_ != "NNS" \
        and any(c.lower_ in ANAPHORIC_DETERMINERS for c in token.children) \
        and not any(c.dep_ in {"compound", "amod", "prep", "appos", "poss"}
                    and not (whole and c.lower_ in WHOLE_WORDS) for c in token.children)


def anaphoric_region(span: Span, places: Sequence[Place]) -> tuple[str, ...]:
    """The oblast a nameless "the region" / "this oblast" of the trigger's sentence refers to: the latest the report
    names before it ("launching an incursion into the Kursk region. ... repelled attacks on several villages in the
    region"); () when the sentence has no such noun or nothing was named."""
    noun = next(iter(anaphoric_nouns(span.sent, "region")), None)
    if noun is None:
        return ()
    before = [p for p in places if p.level == "oblast" and p.span[1] <= noun.idx]
    return (event_place_key(before[-1]),) if before else ()


def takes_counted_settlements(span: Span) -> bool:
    """True when the trigger's object is settlements counted, not named ("has taken two villages in Donetsk"): the
    villages lie in the place named, which is not taken itself."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in SETTLEMENT_WORDS
               and c.tag_ == "NNS" and any(g.dep_ == "nummod" for g in c.children) for c in span.root.children)


def containing_town(doc, place: Place) -> bool:
    """True for a settlement after "in", "near" or "around": where things lie, not one of them ("two villages in
    Donetsk"; not the villages a list then names, after a dash or colon: "five villages in the Kharkiv region -
    Strilecha, Krasne ...", which the parser may hang on "in")."""
    mention = mention_span(doc, *place.span)
    root = mention.root if mention is not None else None
    listed = mention is not None and mention.start > 0 and doc[mention.start - 1].text in ("-", "–", "—", ":")
    return place.level == "settlement" and root is not None and root.dep_ == "pobj" and not listed \
        and root.head.lower_ in ("in", "near", "around", "outside")


# The tests of the nameless nouns that refer back, by kind: "the town", "the region", "the entire oblast".
_ANAPHORS: dict[str, Callable[[Token], bool]] = {
    "settlement": _anaphoric_settlement_noun, "region": anaphoric_region_noun,
    "whole region": lambda token: anaphoric_region_noun(token, whole=True)}


def anaphoric_nouns(sentence: Span, kind: str) -> list[Token]:
    """The nouns of a sentence that refer back to a place of ``kind`` (a key of _ANAPHORS), in order; found once per
    sentence of a Doc, which every trigger of the sentence asks about."""
    memo = doc_memo(sentence.doc, f"anaphoric_nouns.{kind}")
    if sentence.start not in memo:
        memo[sentence.start] = [t for t in span_tokens(sentence) if _ANAPHORS[kind](t)]
    return memo[sentence.start]
