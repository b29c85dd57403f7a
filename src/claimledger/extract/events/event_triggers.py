"""Event triggers in English war reports: which words name an event, and of what type.

Doc in, ``(event type, trigger span)`` pairs out, in text order. The method:

* triggers come from a lexicon of war and diplomacy vocabulary (``data/lexicons/events_en.tsv``)
  (trigger_lexicon_en) matched on lowercased lemmas and words; longer matches win;
* a match is kept when the lexicon row's flags hold ("passive", "qualified", "process", ...) and
  it names an event rather than a topic, a location, a kind or a modifier ("missile launchers",
  "areas of hostilities", "discussed the evacuation", "this is genocide").

``events`` builds the Event records from these triggers; it also shares ``cue_ancestors`` (the
heads through which a governing word's negation or modality reaches a trigger).
"""
from __future__ import annotations

import functools
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from .trigger_lexicon_en import lexicon_matches, load_event_lexicon
from .trigger_objects_en import (MILITARY_WORDS, captures_people, done_by_force, enters_town, fought_by_troops,
                                 has_fallen, in_town, names_attack, of_town, takes_land)

# Head or child lemmas saying that a generic war/operation actually proceeds (flag "process").
PROCESS_WORDS = frozenset({"proceed", "begin", "start", "launch", "go", "underway", "unfold",
                           "escalate", "intensify", "rage", "wage", "conduct", "tomorrow", "ongoing"})
SUPPLY_WORDS = frozenset({"deliver", "delivery", "supply", "send", "pump", "provide", "arrive",
                          "transfer", "ship", "shipment", "give", "receive"})
# Weapons whose supply is an arms delivery (flag "armed": "the supply of missile defense systems").
WEAPON_WORDS = frozenset({"weapon", "arm", "arms", "missile", "ammunition", "munition", "tank", "artillery",
                          "howitzer", "aircraft", "plane", "jet", "fighter", "drone", "shell", "rocket",
                          "launcher", "air", "defense", "defence", "armour", "armor", "vehicle", "helicopter"})
# Words around "sanctions" that say they are imposed rather than mentioned (flag "imposed").
IMPOSING_WORDS = frozenset({"impose", "introduce", "adopt", "slap", "new", "fresh", "package", "round",
                            "expand", "extend", "tighten", "anti", "sectoral", "personal"})
# Event nouns as modifiers of these heads are not events ("missile launchers", "combat zone").
# Heads that are themselves events keep them ("drone attack" is matched whole by the lexicon).
EVENT_HEADS = frozenset({"attack", "strike", "regime", "operation", "action", "campaign", "raid",
                         "shelling", "fire", "agreement"})
# Modifiers that make an attack or war figurative or non-military ("information attacks", "trade war").
NON_KINETIC_WORDS = frozenset({"information", "informational", "cyber", "hacker", "propaganda", "media",
                               "verbal", "psychological", "trade", "price", "economic", "diplomatic",
                               "political", "legal", "heart"})
# Heads and verbs that make "lives" a count of the dead (flag "lost": "thousands of lives", "claimed lives").
COUNT_NOUNS = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million",
                         "millions", "number", "tens"})
LOSING_VERBS = frozenset({"lose", "claim", "cost", "take"})
# Verbs of wanting: an event verb in their complement is a desire, not a claim that it happens.
DESIRE_VERBS = frozenset({"want", "wish", "desire", "dream", "crave"})
# Verbs whose object is munitions as goods, not fire ("rationing artillery shells", "lack missiles").
STOCK_VERBS = frozenset({"ration", "lack", "stockpile", "produce", "manufacture", "buy", "purchase", "need"})
# Verbs of avoiding, whose object is kept from happening ("to avoid encirclement", "escaped capture").
AVOIDING_VERBS = frozenset({"avoid", "escape", "evade"})
# Objects that make "hit" a strike (flag "target": "hit Russian arms depot", "hit Kharkiv"; not "hit a record").
STRUCK_TARGETS = frozenset({"depot", "base", "airfield", "airbase", "refinery", "arsenal", "warehouse", "position",
                            "facility", "plant", "port", "bridge", "headquarters", "radar", "ship", "vessel",
                            "substation", "infrastructure", "building", "hospital", "school", "train", "station",
                            "house", "home", "apartment", "pipeline", "warship", "cruiser", "frigate", "corvette",
                            "submarine", "boat", "tanker"})
# Heads of an "of"/"in" phrase that make the event a topic or a location, not a report of it
# ("areas of hostilities", "progress in talks", "subject of conversation").
TOPIC_HEADS = frozenset({"area", "zone", "district", "course", "cessation", "pause", "subject",
                         "issue", "question", "topic", "progress", "context", "theatre", "theater",
                         "threat", "fear", "lifting", "track", "scenario", "scope", "consequence",
                         "circumstance", "family", "body", "month", "year", "hysteria"})
# Heads of an "of" phrase that say where fighting goes on ("areas of hostilities", "the zone of clashes"): no topic
# but a report of that fighting, a clash (data/dev/README.md section E), with the area's places as its own.
FIGHTING_AREA_HEADS = frozenset({"area", "zone"})
FIGHTING_NOUNS = frozenset({"hostility", "hostilities", "clash", "fighting", "battle"})
# Verbs of escaping whose object is fighting going on where people were ("civilians fleeing hostilities there"):
# a report of that fighting, not a topic.
FLEEING_VERBS = frozenset({"flee", "escape"})
# Verbs that only name a topic ("discussed the evacuation"), per data/dev/README.md section A.
TOPIC_VERBS = frozenset({"discuss", "review", "raise", "address", "consider", "analyse", "analyze",
                         "study", "touch", "mention", "examine", "debate", "document",
                         "investigate", "inspect", "characterize", "characterise"})
# Adjectives of nationality that name the actor of a noun trigger ("Russian shelling").
NATIONALITIES = {"russian": "Russia", "ukrainian": "Ukraine", "belarusian": "Belarus",
                 "american": "United States", "israeli": "Israel", "western": "the West",
                 "chechen": "Chechnya", "georgian": "Georgia", "polish": "Poland"}
# Prepositions whose object is the route or place of something else, not an event: a corridor named
# as the way people leave ("along the humanitarian corridor", "in the humanitarian corridor").
ROUTE_PREPOSITIONS = frozenset({"along", "through", "via", "in"})
ROUTE_LEMMAS = frozenset({"corridor"})
# Prepositions whose object is the means by which something else happens ("via videoconference").
MEANS_PREPOSITIONS = frozenset({"via"})
# Subjects that make "X is <event noun>" an evaluation of something already said ("this is genocide",
# "These are war crimes"), not a report of a new event.
EVALUATED_SUBJECTS = frozenset({"this", "that", "these", "those", "it", "what", "which"})
# Verbs that give a name to events already reported ("recognized as genocide", "qualified as a war
# crime"): the noun after "as" is that name, not another event.
CLASSIFYING_VERBS = frozenset({"recognize", "recognise", "qualify", "classify", "describe", "call",
                               "characterize", "characterise", "define", "label", "brand", "regard",
                               "consider", "see", "view", "treat", "condemn"})
# Prefixes that, joined by a hyphen, turn an event word into another notion ("de-escalate", "de-occupation",
# "anti-tank", "non-aggression", "post-war"): no report of the event.
CONTRARY_PREFIXES = frozenset({"de", "anti", "non", "post", "pre"})
# Verbs whose subject undergoes the event, with no actor named ("Bakhmut has fallen to Russia": the town is what was
# taken and its place, Russia who took it).
UNDERGOING_VERBS = frozenset({"fall"})
# Max steps up the tree when looking for negation and modality cues of a trigger.
MAX_CUE_DEPTH = 4


def _near_lemmas(token: Token) -> set[str]:
    """Lemmas of the token's head, children and the head's children."""
    near = {token.head.lemma_.lower()} | {c.lemma_.lower() for c in token.children}
    near |= {c.lemma_.lower() for c in token.head.children}
    return near


def _followed_by_process(span: Span) -> bool:
    """True when a participle of proceeding follows the trigger ("the operation launched to ..."):
    the parser often hangs such a participle on the main verb instead of the noun."""
    after = span.end
    return after < len(span.doc) and span.doc[after].tag_ == "VBN" \
        and span.doc[after].lemma_.lower() in PROCESS_WORDS


def _is_qualified(token: Token) -> bool:
    """True when a generic war noun is said to happen: qualified, negated, with agent or target,
    or the subject of a verb ("ongoing hostilities", "no hostilities", "aggression by X")."""
    for child in token.children:
        if child.dep_ == "amod" and child.lower_ not in NATIONALITIES:
            return True
        if child.dep_ == "det" and child.lower_ == "no":
            return True
        if child.dep_ == "prep" and child.lower_ in {"by", "against", "on"}:
            return True
    return token.dep_ in {"nsubj", "nsubjpass"} or _fighting_area(token) or _fled(token)


def _fled(token: Token) -> bool:
    """True for fighting people flee or escape ("fleeing hostilities", "escaped from the hostilities")."""
    head = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "from" else token.head
    return token.dep_ in {"dobj", "pobj"} and token.lemma_.lower() in FIGHTING_NOUNS \
        and head.lemma_.lower() in FLEEING_VERBS


def _fighting_area(token: Token) -> bool:
    """True for fighting named as what goes on in an area ("evacuate civilians from the areas of hostilities")."""
    return token.lemma_.lower() in FIGHTING_NOUNS and token.dep_ == "pobj" and token.head.lower_ == "of" \
        and token.head.head.lemma_.lower() in FIGHTING_AREA_HEADS


@functools.lru_cache(maxsize=1)
def _trigger_heads() -> frozenset[str]:
    """Last words of the lexicon's patterns: nouns that name events ("attack", "shelling")."""
    heads = set()
    for _, pattern, _ in load_event_lexicon():
        last = pattern.split()[-1].partition("/")[0]
        heads.update(w for w in last.split("|") if w not in {"*", "_"})
    return frozenset(heads)


def _is_mention(span: Span) -> bool:
    """True when the trigger only names a topic, a location, a kind or a modifier, not an event:
    "missile launchers", "areas of hostilities", "discussed the evacuation", "is genocide"."""
    root = span.root
    head = root.head
    if (((root.pos_ in {"NOUN", "PROPN"} and root.dep_ in {"compound", "nmod"})
         or (root.tag_ == "VBG" and root.dep_ == "amod"))
            and not (span.start <= head.i < span.end) and head.lemma_.lower() not in EVENT_HEADS):
        return True
    if root.dep_ in {"attr", "acomp"} and not any(c.dep_ == "expl" for c in head.children):
        subject = next((c for c in head.children if c.dep_ in {"nsubj", "csubj"}), None)
        if subject is not None and (subject.dep_ == "csubj" or subject.lemma_.lower() in _trigger_heads()):
            return True
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:  # "the issue of ending the war and the withdrawal"
        first = first.head
    if first.dep_ in {"pobj", "pcomp"} and first.head.lower_ in {"of", "in", "from", "on", "about"} \
            and first.head.head.lemma_.lower() in TOPIC_HEADS and not _fighting_area(first):
        return True
    if root.dep_ == "dobj" and head.lemma_.lower() in TOPIC_VERBS | AVOIDING_VERBS | STOCK_VERBS:
        return True  # "discussed the evacuation"; "to avoid encirclement" names what did not happen; "are
        # rationing artillery shells": munitions as goods
    if root.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in CLASSIFYING_VERBS \
            and not any(c.lower_ == "what" for c in head.head.children):
        return True  # "recognized as genocide" names events; "what it describes as aggression" reports one
    if root.dep_ in {"attr", "acomp"}:
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in EVALUATED_SUBJECTS:
            return True  # "this is genocide", "These are war crimes"
    if root.lemma_.lower() in ROUTE_LEMMAS and root.dep_ == "pobj" and head.lower_ in ROUTE_PREPOSITIONS:
        return True  # "along the humanitarian corridor"
    if _is_generic_plural(span) or _is_desired(root) or _has_generic_subject(root) or _is_ranked_kind(root):
        return True
    if any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in NON_KINETIC_WORDS for c in root.children):
        return True  # "information attacks", "cyber attacks": no fighting, no strike
    if root.dep_ == "pobj" and head.lower_ in MEANS_PREPOSITIONS:
        return True  # "talks held via videoconference": the means of another event
    if root.dep_ == "pobj" and head.lower_ in {"about", "on"} and head.head.lemma_.lower() in TOPIC_VERBS:
        return True
    return False


def _is_lost(root: Token) -> bool:
    """True for lives counted or lost ("thousands of lives", "claimed 40 lives", "lives were lost")."""
    if any(c.dep_ == "nummod" for c in root.children):
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and (
            root.head.head.like_num or root.head.head.lemma_.lower() in COUNT_NOUNS):
        return True  # "thousands of lives"
    verb = root.head if root.dep_ in {"dobj", "nsubjpass"} else None
    return verb is not None and verb.lemma_.lower() in LOSING_VERBS


def _is_desired(root: Token) -> bool:
    """True for an event verb that only says what someone wants ("they still want to destroy the
    city", "do not want to fight and die"): a desire claims no event (data/dev/README.md section A
    excludes desires as speech acts for the same reason)."""
    current = root
    for _ in range(2):  # "want to fight ... and die": through one conjunct
        if current.dep_ not in {"xcomp", "conj"} or current.head.i == current.i:
            return False
        current = current.head
        if current.lemma_.lower() in DESIRE_VERBS:
            return True
    return False


def _has_generic_subject(root: Token) -> bool:
    """True for an event verb or predicate whose subject is generic "you" ("when you are attacked by
    a large army, you cannot ..."): what happens to anyone, not an event."""
    verb = root.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root  # "you are at war"
    verb = verb.head if verb.dep_ == "prep" else verb
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ == "you" for c in verb.children)


def _is_ranked_kind(root: Token) -> bool:
    """True for a plural event noun an event is ranked among ("killed 51 people, one of the deadliest attacks on
    civilians in months"): the kind the event named before belongs to, not another event. Said of a subject
    ("One of the largest attacks of the war hit Kyiv") it is the event itself."""
    one = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    return root.tag_ == "NNS" and one is not None and one.lower_ == "one" \
        and one.dep_ not in {"nsubj", "nsubjpass"} and any(c.tag_ == "JJS" or c.lower_ == "most" for c in root.subtree)


def _is_generic_plural(span: Span) -> bool:
    """True for a bare plural event noun after a preposition with nothing that makes it particular:
    no determiner, modifier, count, owner or argument ("defense against assaults and attacks",
    "results in battles", "stocked with missiles" name kinds of events). A count before "of"
    ("dozens of victims") and the object of a verb ("carrying out counterattacks") stay events."""
    first = root = span.root
    while first.dep_ == "conj" and first.head.i != first.i:  # "against assaults and attacks"
        first = first.head
    if span.end - span.start > 1 or root.tag_ != "NNS" or first.dep_ != "pobj" or first.head.lower_ == "of":
        return False
    return not any(c.dep_ not in {"cc", "conj", "punct"} for c in root.children)


def _passes_flags(span: Span, flags: frozenset[str]) -> bool:
    root = span.root
    if "not_amod" in flags and root.dep_ in {"amod", "compound"}:
        return False
    if "passive" in flags and not (root.tag_ == "VBN" and (
            any(c.dep_ in {"auxpass", "nsubjpass", "agent"} for c in root.children)
            or root.dep_ in {"acl", "conj"})):
        return False
    if "process" in flags and not (_near_lemmas(root) & PROCESS_WORDS or _followed_by_process(span)):
        return False
    if "supply" in flags and not (_near_lemmas(root) & SUPPLY_WORDS):
        return False
    if "military" in flags and not ({t.lemma_.lower() for t in root.subtree} | _near_lemmas(root)) & MILITARY_WORDS:
        return False
    if "imposed" in flags and not ({t.lemma_.lower() for t in root.subtree} | _near_lemmas(root)
                                   | {a.lemma_.lower() for a in cue_ancestors(root)}) & IMPOSING_WORDS:
        return False
    if "armed" in flags and not any(t.lemma_.lower() in WEAPON_WORDS for t in root.subtree if t.i != root.i):
        return False
    if "lost" in flags and not _is_lost(root):
        return False
    if "qualified" in flags and not _is_qualified(root):
        return False
    if "halts_attack" in flags and not any(c.dep_ in {"nsubjpass", "dobj"} and names_attack(c) for c in root.children):
        return False
    if "land" in flags and not takes_land(root):
        return False
    if "town" in flags and not enters_town(root):
        return False
    if "of_town" in flags and not of_town(root):
        return False
    if "in_town" in flags and not in_town(root):
        return False
    if "fallen" in flags and not has_fallen(root):
        return False
    if "by_force" in flags and not done_by_force(root):
        return False
    if "by_troops" in flags and not fought_by_troops(root):
        return False
    if "target" in flags and not any(c.dep_ == "dobj" and (c.lemma_.lower() in STRUCK_TARGETS or c.ent_type_ == "GPE")
                                     for c in root.children):
        return False
    if "partner" in flags and not any(
            c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "with") for c in root.children):
        return False
    return True


def _contrary_prefixed(span: Span) -> bool:
    """True when a CONTRARY_PREFIXES prefix and a hyphen are joined to the trigger's first word ("de-occupation")."""
    doc, start = span.doc, span.start
    return start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
        and not doc[start - 2].whitespace_ and doc[start - 2].lower_ in CONTRARY_PREFIXES


def find_triggers(doc: Doc) -> list[tuple[str, Span]]:
    """Return (event type, trigger span) for every lexicon match, longest first on overlap."""
    lexicon = load_event_lexicon()
    found = lexicon_matches(doc)
    candidates = []
    for index, start, end in found:
        kind, _, flags = lexicon[index]
        span = doc[start:end]
        if _passes_flags(span, flags) and not _is_mention(span) and not _contrary_prefixed(span):
            candidates.append(("casualties" if kind == "territory_control" and captures_people(span.root)
                               else kind, span, -len(flags), index))
    # longest first; of two rows matching the same words, the one whose flags narrow it more ("loss" of a
    # town before "loss" of men), then the first in the lexicon
    candidates.sort(key=lambda c: (-(c[1].end - c[1].start), c[1].start, c[2], c[3]))
    taken: list[tuple[str, Span]] = []
    used: set[int] = set()
    for kind, span, _, _ in candidates:
        if used.intersection(range(span.start, span.end)):
            continue
        used.update(range(span.start, span.end))
        taken.append((kind, span))
    return sorted(taken, key=lambda c: c[1].start)


# Dependencies through which a governing word's negation or modality reaches the event: its
# object, complement or modifier ("did not capture X", "could not be repulsed", "threatened to
# attack"), not its subject ("the losses did not reduce ...") nor a reported clause (ccomp).
CUE_PATHS = frozenset({"dobj", "xcomp", "pobj", "prep", "attr", "acl", "amod", "compound", "oprd",
                       "advcl", "conj", "appos", "pcomp", "nmod", "npadvmod", "agent"})


def cue_ancestors(token: Token, paths: frozenset[str] = CUE_PATHS) -> Iterator[Token]:
    """The token's heads up to MAX_CUE_DEPTH steps, only through the given dependencies."""
    current = token
    for _ in range(MAX_CUE_DEPTH):
        if current.dep_ not in paths or current.head.i == current.i:
            return
        current = current.head
        yield current
