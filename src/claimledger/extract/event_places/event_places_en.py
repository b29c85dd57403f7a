"""Event places in English war reports (the shared rules are in event_places.py): where an event happened, not every place named near it.

A trigger span, the document's places, the event's actor and type in; the event's place keys out
(KATOTTG refs, else canonical names), in text order:

* the places of the trigger's own phrase ("strikes at Ochakiv and Dnipro", "the battles in Donbas",
  "Kharkiv was shelled", "weapons being sent to Ukraine"), its other triggers' phrases left out
  ("strikes at X, the shelling of Y"; trigger_phrases_en.py);
* else those of its clause, else of its sentence, less the aim of another noun ("the operation to
  protect Donbass"), a clause set against it or setting a condition after it, and, for an `other` event, the
  phrases of other events ("human shields ... the shelling of Donbass cities");
* for a meeting, call or talks of the frame that reports ("..., Putin said at a meeting with ..."), never a place
  of what is reported;
* else a country a nationality adjective makes the land of its phrase ("destroy Ukrainian cities");
* else, when the sentence says "the city" or "this town", the settlement its paragraph named most before;
* never a place inside the actor's phrase ("escalation by Russia") or a source's ("Russia says it captured
  Bilohorivka, Ukraine denies") nor one naming who acts or owns
  ("the Kiev authorities", "Russia's incursion", "Russia intends"; not "Ukraine's borders") or only saying where a
  settlement lies ("Bucha near Kyiv"; place_roles_en.py);
  for talks, never a country taking part;
* an oblast or raion that holds another of the places is dropped (the town places the event);
* a fighting event with no place of its own takes the local places of a sentence before it
  (event_places_context_en.py, with "the city" and "the capital" referred back).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from ...models import Place
from . import place_ranker
from ..language.doc_cache import doc_memo, doc_text, mention_span, span_tokens
from ..events.event_arguments import FRONT_NOUNS
from .event_places import (
    LEDGER_KINDS, event_place_key, facility_place_keys, is_resolved, listed_over_areas, place_keys,
    place_keys_within, place_within, reported_spans,
)
from .event_places_context_en import (
    AREA_LEVELS, SETTLEMENT_WORDS, anaphoric_nouns, anaphoric_region, anaphoric_settlement, context_place_keys,
    containing_town, takes_anaphoric_region, takes_anaphoric_settlement, takes_counted_settlements,
)
from ..events.event_triggers import NATIONALITIES
from ..language.clauses import set_against
from .trigger_phrases_en import clauses_apart, conjoined_events, other_phrases, own_phrase, purpose_phrases
from .place_roles_en import (
    BEARINGS, capital_acts, locates_settlement, locates_unnamed_settlement, names_actor,
)

# Openers of a sentence naming some or all of the settlements the sentence before counted ("... liberated 20
# settlements. Among them are Kupiansk, Izium and Balakliia."; "The ministry identified the villages as
# Borysivka, ... and Strilecha."), and the words a bare list of them may hold.
AMONG_THEM = re.compile(r"(?:among them|among these|among those|these include|they include|those include"
                        r"|(?:they|these|those)(?= are| were)"
                        r"|(?:the |a )?[\w'’ -]{0,40}?\b(?:identified|named|listed) (?:them|the \w+) as\b)"
                        r"(?: are| were)?\b", re.IGNORECASE)
LIST_WORDS = frozenset({"and", "the", "town", "towns", "city", "cities", "village", "villages", "of"})
# Verbs of speaking or going whose participle phrase sets the speaker somewhere ("speaking in Hiroshima").
SETTING_VERBS = frozenset({"speak", "talk", "address", "visit", "travel", "arrive", "attend", "write"})
# Event types whose place is never the capital whose government speaks or acts beside them: those of the fighting,
# and drones shot down ("as Moscow kept up its air campaign").
CAPITAL_ACTING_KINDS = frozenset({"strike", "clash", "casualties", "attack_repelled", "territory_control", "withdrawal",
                                  "other"})
# Nouns of land that a nationality adjective makes a country's ("Ukrainian cities", "Russian territory").
LAND_NOUNS = frozenset({"city", "town", "village", "territory", "land", "soil", "region", "settlement",
                        "border", "airspace"})

# Types whose events a report mostly states without a place of their own (war crimes, human shields,
# arms deliveries): the places of the sentence's other events' phrases are not theirs. Left out for
# every type, it lost on both war_reports_dev halves (fighting events share their sentence's place).
PLACELESS_TYPES = frozenset({"other"})


def event_places(span: Span, places: Sequence[Place], actor: Token | None, kind: str,
                 trigger_tokens: dict[int, str] | None = None,
                 sources: Sequence[tuple[int, int]] = (),
                 contents: Sequence[tuple[int, int]] = ()) -> tuple[str, ...]:
    """Refs (or names) of the places where the trigger's event happened: the place ranker's pick
    (place_ranker.py) among the places near it, told what the rules below found and what the parse says
    of each mention. ``trigger_tokens`` maps the root token index of every trigger of the document to its type;
    ``sources`` are the character spans of the attributions' sources, whose places are the speakers';
    ``contents`` those of their contents, whose places are no place of a meeting of the frame that reports them
    (event_places.FRAME_KINDS)."""
    trigger_tokens = trigger_tokens or {}
    if kind == "withdrawal":  # "regrouping its forces from Izium to the Donetsk region": where they leave
        places = [p for p in places if not _destination(span, p)]
    rule = rule_places(span, places, actor, kind, trigger_tokens, sources, contents)
    sentence = span.sent
    previous = span.doc[sentence.start - 1].sent if sentence.start > 0 else None
    following = span.doc[sentence.end].sent if sentence.end < len(span.doc) else None
    setting = place_ranker.Setting(
        doc_text(span.doc), kind, (span.start_char, span.end_char), _clause_scope(span),
        (sentence.start_char, sentence.end_char),
        (previous.start_char, previous.end_char) if previous is not None else None,
        (following.start_char, following.end_char) if following is not None else None, False, rule)
    return place_ranker.choose_place_keys(setting, places, lambda: _clues(span, places, actor, trigger_tokens))


def _there_told_after(span: Span) -> int | None:
    """The end of a verbless fragment that says where "there" in the trigger's sentence is ("... fleeing hostilities
    there. At Azovstal."), or None."""
    doc, sentence = span.doc, span.sent
    if sentence.end >= len(doc) or not any(t.lower_ == "there" and t.dep_ == "advmod" for t in span_tokens(sentence)):
        return None
    fragment = doc[sentence.end].sent
    return fragment.end_char if fragment[0].pos_ == "ADP" and not any(t.pos_ in ("VERB", "AUX") for t in fragment) \
        else None


def _destination(span: Span, place: Place) -> bool:
    """True for a place a force moves to: the object of "to", "towards" or "into" (through a list of them), or a
    place in an infinitive of purpose under the trigger ``span`` ("pulling its forces back from the area to regroup
    in the Donetsk region"; not "decided to withdraw from Kherson", the trigger's own infinitive)."""
    doc = span.doc
    mention = mention_span(doc, *place.span)
    token = mention.root if mention is not None else None
    above = {span.root.i, *(a.i for a in span.root.ancestors)}
    if token is not None and token.sent == span.sent and any(
            a.i not in above and a.dep_ in ("advcl", "xcomp") and a.pos_ == "VERB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in a.children) for a in token.ancestors):
        return True
    while token is not None and token.dep_ in ("conj", "compound", "appos") and token.head.i != token.i:
        token = token.head
    return token is not None and token.dep_ == "pobj" and token.head.lower_ in ("to", "towards", "toward", "into")


def _clues(span: Span, places: Sequence[Place], actor: Token | None,
           trigger_tokens: dict[int, str]) -> dict[tuple[int, int], place_ranker.Clues]:
    """What the parse says of each place mention of the trigger's sentence and the one before it."""
    sentence = span.sent
    lo = span.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
    own = own_phrase(span, trigger_tokens)
    others = other_phrases(span, trigger_tokens)
    actor_span = _noun_phrase(actor) if actor is not None else None
    clues = {}
    for place in places:
        if not (lo <= place.span[0] and place.span[1] <= sentence.end_char):
            continue
        mention = mention_span(span.doc, *place.span)
        hops = None
        between = False
        if mention is not None and sentence.start <= mention.start < sentence.end:
            hops = _tree_hops(span.root, mention.root)
            a, b = sorted((span.root.i, mention.root.i))
            between = any(a < i < b and not (span.start <= i < span.end) for i in trigger_tokens)
        clues[place.span] = place_ranker.Clues(
            own=place.span[0] in own,
            actor=bool(actor_span and actor_span[0] <= place.span[0] and place.span[1] <= actor_span[1])
            or names_actor(span.doc, place),
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
                sources: Sequence[tuple[int, int]] = (),
                contents: Sequence[tuple[int, int]] = ()) -> tuple[str, ...]:
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
    # (a meeting of the frame that reports: "..., Putin said at a meeting with ...")
    reported = reported_spans(kind, span.start_char, (span.sent.start_char, span.sent.end_char), contents)
    places = [p for p in places if not any(a <= p.span[0] < b for a, b in reported)]
    if actor is not None:
        start, end = _noun_phrase(actor)
        places = [p for p in places if not (start <= p.span[0] and p.span[1] <= end)]
    places = [p for p in places if not names_actor(span.doc, p) and not locates_settlement(span.doc, p, places)
              and not (kind in CAPITAL_ACTING_KINDS and capital_acts(span.doc, p))]
    if kind == "negotiation":
        places = [p for p in places if p.level != "country"]
    if kind in LEDGER_KINDS:  # "recaptures village near Bakhmut": a place only locates the village taken
        places = [p for p in places if not locates_unnamed_settlement(span.doc, p)]
    if kind in LEDGER_KINDS and takes_counted_settlements(span):  # "has taken two villages in Donetsk": the
        places = [p for p in places if not containing_town(span.doc, p)]  # villages lie there, it is not taken
    starts = own_phrase(span, trigger_tokens or {})
    own = [p for p in places if p.span[0] in starts]
    if own and not any(map(is_resolved, own)):
        return ()  # "captured the village of Shevchenko" (one of seventeen in Donetsk Oblast), not a town beside it
    if own and all(p.level in AREA_LEVELS for p in own):  # "repelled an assault on X in the Y region":
        own += [p for p in _clause_places(span, places)   # a settlement of the clause inside the
                if any(place_within(p, area) for area in own)]  # area places it
    found = place_keys(own) or _region_referred_to(span, starts, named, trigger_tokens or {}) \
        or _national_land(span, places, starts)
    # "the town" refers to no capital that acts ("a day after Moscow proclaimed ... encircled troops in the town")
    referable = lambda: [p for p in named if not capital_acts(span.doc, p)  # (asked for when needed)
                         and not locates_settlement(span.doc, p, named)]
    if not found and takes_anaphoric_settlement(span):
        found = anaphoric_settlement(span, referable(), report_wide=True)  # "Ukrainian forces still hold the town"
    if not found and takes_anaphoric_region(span):
        return anaphoric_region(span, named)  # "the annexation of the region": that oblast or none
    if not found:
        found = place_keys(_place_related_to(span, places))  # "the town of Vovchansk, where troops advance"
    if not found:
        purposes = purpose_phrases(span) | clauses_apart(span) | conjoined_events(span, trigger_tokens or {})
        if kind in PLACELESS_TYPES:
            purposes |= other_phrases(span, trigger_tokens or {})
        found = _places_in_scope(span, [p for p in places if p.span[0] not in purposes])
    if not found:
        found = anaphoric_settlement(span, referable()) or anaphoric_region(span, named)
    found = listed_over_areas(found, _named_among(span, places), places) or found
    found = _named_including(span, places) or found
    if not found:  # "the evacuation of people from Azovstal": Mariupol, when the report names it
        scope = (span.sent.start_char, _there_told_after(span) or span.sent.end_char)
        found = place_keys([p for p in places if span.sent.end_char <= p.span[0] < scope[1]]) \
            or facility_place_keys(doc_text(span.doc), scope, places, kind)
    if not found:
        found = context_place_keys(span, places, kind, starts)
    return found


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
    rest = [t for t in span_tokens(following) if t.idx >= start]
    if inside and all(covered(t) or t.is_punct or t.lower_ in LIST_WORDS for t in rest):
        return inside
    return []


def _named_including(span: Span, places: Sequence[Place]) -> tuple[str, ...]:
    """The settlements a plural noun of settlements in the trigger's clause lists after "including" ("pushed
    Russian troops out of several villages near Kharkiv, including Tsyrkuny and Ruska Lozova"): where the event
    happened, the town the villages lie near only locating them, a town joined to the noun before it taken with them;
    () when there is no such list."""
    start, end = _clause_scope(span)
    for token in span_tokens(span.sent):
        if token.lower_ != "including" or not start <= token.idx < end:
            continue
        head = token.head
        if head.lemma_.lower() not in SETTLEMENT_WORDS and not (head.dep_ in ("nsubj", "dobj") and any(
                t.lemma_.lower() in SETTLEMENT_WORDS for t in span_tokens(span.doc[span.sent.start:token.i]))):
            continue
        listed = [p for p in places if token.idx < p.span[0] < end and p.level == "settlement"]
        joined, noun = set(), head  # "taken control of Lisichansk and a number of nearby settlements, including ...":
        while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i != noun.head.i:
            noun = noun.head.head  # (up to "number" of "a number of nearby settlements")
        if noun.dep_ == "conj":  # the town joined before it is taken too
            joined = {t.idx for t in noun.head.subtree if t.i < noun.left_edge.i}
        return place_keys([p for p in places if p.span[0] in joined and p.level == "settlement"] + listed)
    return ()


def _national_land(span: Span, places: Sequence[Place], starts: set[int]) -> tuple[str, ...]:
    """The country a nationality adjective in the trigger's own phrase makes the land of a place noun
    ("destroy Ukrainian cities", "on Russian territory"): that country, when the article names it."""
    for token in span_tokens(span.doc[span.start:span.sent.end]):
        if token.idx in starts and token.dep_ == "amod" and token.lower_ in NATIONALITIES \
                and token.head.lemma_.lower() in LAND_NOUNS:
            country = NATIONALITIES[token.lower_]
            found = [p for p in places if p.level == "country" and p.name == country]
            return place_keys(found[:1])
    return ()


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
    mention = mention_span(doc, *place.span)
    if mention is None:
        return None
    verb = next((t for t in mention.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.dep_ not in {"acl", "advcl"} or verb.tag_ != "VBG" \
            or verb.lemma_.lower() not in SETTING_VERBS:
        return None
    return verb.left_edge.i, verb.right_edge.i


def _region_referred_to(span: Span, starts: set[int], named: Sequence[Place],
                        trigger_tokens: dict[int, str]) -> tuple[str, ...]:
    """The oblast a bare "the region" / "the oblast" of the trigger's own phrase (or its clause after it, outside
    another trigger's phrase) refers to: the latest its sentence or the one before names, also in a source ("the
    governor of Kharkiv Oblast ... reported a gathering of forces north of the region"); () when the phrase has none
    or nothing is named ("recapture these settlements and push Russian forces out of the entire oblast": the oblast
    is the push's place, not the recapture's)."""
    low, high = _clause_scope(span)
    nouns = [t for t in anaphoric_nouns(span.sent, "whole region")
             if t.idx in starts or low <= t.idx < high and t.i >= span.end]
    others = other_phrases(span, trigger_tokens) if any(t.idx not in starts for t in nouns) else set()
    noun = next((t for t in nouns if t.idx in starts or t.idx not in others), None)
    if noun is None:
        return ()
    floor = span.doc[span.sent.start - 1].sent.start_char if span.sent.start > 0 else span.sent.start_char
    earlier = [p for p in named if floor <= p.span[0] and p.span[1] <= noun.idx and p.level == "oblast"]
    return (event_place_key(earlier[-1]),) if earlier else ()


def _place_related_to(span: Span, places: Sequence[Place]) -> list[Place]:
    """The places of the noun phrase a relative clause of "where" holding the trigger is said of ("the town of
    Vovchansk, where Russian troops have been advancing"), if a settlement is among them, else none."""
    clause = span.root
    while clause.dep_ not in {"ROOT", "relcl"} and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children):
        return []
    head = clause.head
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ == "of" \
            and head.head.head.pos_ == "NOUN":
        head = head.head.head  # (up to "town" of "the town of Vovchansk", which holds the name)
    inside = {t.idx for t in head.subtree} - {t.idx for t in clause.subtree}
    found = [p for p in places if p.span[0] in inside]
    # (a clause hung on the region that locates a town is the town's: "Bucha in the Kyiv region, where ...")
    return found if any(p.level not in AREA_LEVELS for p in found) else []


def _clause_head(span: Span) -> Token:
    """The head of the clause the trigger lies in."""
    clause = span.root
    while clause.dep_ not in {"ROOT", "ccomp", "advcl", "relcl", "conj"} and clause.head.i != clause.i:
        clause = clause.head
    return clause


def _clause_scope(span: Span) -> tuple[int, int]:
    """Character span of the clause the trigger lies in."""
    clause = _clause_head(span)
    return clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)


def _clause_places(span: Span, places: Sequence[Place]) -> list[Place]:
    start, end = _clause_scope(span)
    return [p for p in places if start <= p.span[0] and p.span[1] <= end]


def _places_in_scope(span: Span, places: Sequence[Place]) -> tuple[str, ...]:
    """The places of the trigger's clause, else of its sentence; of a clause set against the rest that says where in
    words of its own, its own only ("advanced near Bakhmut, while fighting continued in the south": no place of the
    fighting; "here in Kyiv, ... while Russia's forces strike residential buildings" strike Kyiv)."""
    sentence = span.sent
    head = _clause_head(span)
    own_where = BEARINGS | FRONT_NOUNS  # ("in the south", "on the front")
    if set_against(head) and any(
            c.dep_ == "prep" and any(o.dep_ == "pobj" and o.lemma_.lower() in own_where for o in c.children)
            for c in head.children):
        return place_keys_within(places, [_clause_scope(span)])
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
