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

# Head or child lemmas saying that a generic war/operation actually proceeds (flag "process").
PROCESS_WORDS = frozenset({"proceed", "begin", "start", "launch", "go", "underway", "unfold",
                           "escalate", "intensify", "rage", "wage", "conduct", "tomorrow", "ongoing"})
SUPPLY_WORDS = frozenset({"deliver", "delivery", "supply", "send", "pump", "provide", "arrive",
                          "transfer", "ship", "shipment", "give", "receive"})
MILITARY_WORDS = frozenset({"military", "troop", "force", "forces", "army", "artillery", "naval", "joint",
                            "tank", "exercise", "nuclear", "drill", "combat"})
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
# Nouns of a town's centre: entering it takes the town (flag "town": "entered the centre of Kherson").
CENTRE_NOUNS = frozenset({"centre", "center", "heart"})
# Words counting settlements taken by number ("took several villages", "two more towns").
COUNTING_WORDS = frozenset({"several", "more", "many", "some", "dozens", "few"})
# Nouns of a settlement as the subject of falling (flag "fallen": "the city had fallen").
FALLEN_NOUNS = frozenset({"city", "town", "village", "settlement", "stronghold"})
# Verbs of capturing and the people they may capture ("captured 24 soldiers"): prisoners, not places.
CAPTURING_VERBS = frozenset({"capture", "seize"})
CAPTURED_PEOPLE = frozenset({"soldier", "serviceman", "servicemen", "troop", "troops", "fighter", "prisoner", "people",
                             "person", "civilian", "man", "men", "mercenary", "marine", "paratrooper", "personnel",
                             "officer", "commander", "pilot", "crew", "member", "pow", "pows"})
# Objects that make "hit" a strike (flag "target": "hit Russian arms depot", "hit Kharkiv"; not "hit a record").
STRUCK_TARGETS = frozenset({"depot", "base", "airfield", "airbase", "refinery", "arsenal", "warehouse", "position",
                            "facility", "plant", "port", "bridge", "headquarters", "radar", "ship", "vessel",
                            "substation", "infrastructure", "building", "hospital", "school", "train", "station",
                            "house", "home", "apartment", "pipeline"})
# Words of a force that raises a flag over a place it took (flag "by_force", with CAPTURED_PEOPLE).
FORCE_WORDS = MILITARY_WORDS | {"unit", "brigade", "battalion", "regiment", "division", "corps", "defender",
                                "stormtrooper", "wagner", "guard", "infantry"}
# Objects that make holding, controlling or regaining a claim of territory (flag "land").
HELD_LAND_NOUNS = frozenset({"city", "town", "village", "settlement", "part", "territory", "area", "bridgehead",
                             "region", "oblast", "district", "percent", "%", "land", "outskirt", "stronghold"})
AREA_UNITS = frozenset({"km", "kilometre", "kilometer", "mile"})  # land when "of" a place: "1,000 sq km of Kursk"
REGAINED_GROUND = frozenset({"position", "ground"})
# Attacks whose stopping is a repelled attack (flag "halts_attack": "the offensive was stopped").
ATTACK_LEMMAS = frozenset({"attack", "assault", "offensive", "invasion", "advance", "breakthrough",
                           "onslaught", "counteroffensive", "push", "storming", "incursion"})
# Verbs of an attempted attack ("stopped attempts to advance", "repelled attempts to break through").
ATTACK_VERBS = frozenset({"advance", "attack", "break", "storm", "push", "capture", "cross", "seize", "penetrate"})
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
    if _is_generic_plural(span) or _is_desired(root) or _has_generic_subject(root):
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
    if "halts_attack" in flags and not any(c.dep_ in {"nsubjpass", "dobj"} and _names_attack(c) for c in root.children):
        return False
    if "land" in flags and not _takes_land(root):
        return False
    if "town" in flags and not _enters_town(root):
        return False
    if "of_town" in flags and not _of_town(root):
        return False
    if "in_town" in flags and not _in_town(root):
        return False
    if "fallen" in flags and not _has_fallen(root):
        return False
    if "by_force" in flags and not _done_by_force(root):
        return False
    if "by_troops" in flags and not _fought_by_troops(root):
        return False
    if "target" in flags and not any(c.dep_ == "dobj" and (c.lemma_.lower() in STRUCK_TARGETS or c.ent_type_ == "GPE")
                                     for c in root.children):
        return False
    if "partner" in flags and not any(
            c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "with") for c in root.children):
        return False
    return True


def _done_by_force(verb) -> bool:
    """True when a verb's subject, active or passive, is a military force or its people ("Russian forces raised a
    flag", "marines of the 36th brigade hoisted the flag", "its troops had been forced out"; not "Protesters raised
    flags")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and names_a_force(c) for c in verb.children)


def _fought_by_troops(verb) -> bool:
    """True when a verb's active subject names a military force (FORCE_WORDS: "its troops were fighting"), not only
    its people ("our men fought")."""
    return any(c.dep_ == "nsubj" and {t.lemma_.lower() for t in c.subtree} & FORCE_WORDS for c in verb.children)


def names_a_force(phrase) -> bool:
    """True when the phrase a token heads names a military force or its people ("Russian forces", "marines of the
    36th brigade", "Ukrainian troops")."""
    return bool({t.lemma_.lower() for t in phrase.subtree} & (FORCE_WORDS | CAPTURED_PEOPLE))


def _names_attack(noun) -> bool:
    """True for a noun of an attack ("the offensive"), or of an attempt at one ("attempts to advance")."""
    lemma = noun.lemma_.lower()
    return lemma in ATTACK_LEMMAS or lemma == "attempt" and any(
        c.dep_ in {"acl", "xcomp"} and c.lemma_.lower() in ATTACK_VERBS for c in noun.children)


def _takes_land(root) -> bool:
    """True when a verb's object is land: a place name or a noun of settlements or territory ("controls 82
    settlements", "still held part of the city"; not "held talks", nor "held accountable"; for a noun, the land it is
    "of": "full control of Bakhmut"), or a passive subject
    that is such a noun ("the city is held by ..."). Positions and ground count only when regained: holding them is
    the defence that the guide leaves out ("warriors who are holding their positions")."""
    if any(c.dep_ in {"acomp", "oprd", "xcomp", "ccomp"} for c in root.children):
        return False  # "held accountable", "held hostage"
    nouns = HELD_LAND_NOUNS | REGAINED_GROUND if root.lemma_.lower() == "regain" else HELD_LAND_NOUNS
    control = next((c for c in root.children if c.dep_ == "dobj" and c.lower_ == "control"), None)
    if root.pos_ == "VERB" and control is not None:
        root = control  # "claimed control of the town": the land it is control of
    if root.pos_ == "NOUN":  # "full control of Bakhmut", not "full control of the situation"
        return any(g.ent_type_ in {"GPE", "LOC", "FAC"} or g.lemma_.lower() in nouns or names_settlement(g)
                   for c in root.children if c.dep_ == "prep" and c.lower_ in ("of", "over")
                   for g in c.children if g.dep_ == "pobj")
    return any(c.dep_ == "dobj" and (c.ent_type_ in {"GPE", "LOC", "FAC"} or c.lemma_.lower() in nouns
                                     or c.lemma_.lower() in AREA_UNITS and _of_a_place(c))
               or c.dep_ == "nsubjpass" and c.lemma_.lower() in nouns for c in root.children)


def _of_a_place(noun) -> bool:
    """True when the "of" phrase of ``noun`` names a place or a noun of land ("sq km of the Kursk region")."""
    return any(g.ent_type_ in {"GPE", "LOC"} or g.lemma_.lower() in HELD_LAND_NOUNS or names_settlement(g)
               for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")


def _captures_people(root) -> bool:
    """True when a verb of capturing has people as its object or passive subject, also one it shares with the verb
    it is joined to ("captured two dozen soldiers", "30 servicemen were captured", "200 soldiers had been killed or
    captured"): taken prisoner, a casualty (annotation guide), not a place taken."""
    verbs = [root, root.head] if root.dep_ == "conj" else [root]
    return root.lemma_.lower() in CAPTURING_VERBS and any(
        c.dep_ in {"dobj", "nsubjpass"} and _people_noun(c) for verb in verbs for c in verb.children)


def _people_noun(noun) -> bool:
    """True for a noun of people (CAPTURED_PEOPLE), or an amount of them ("hundreds of soldiers", "a group of
    marines"); NER's persons are no evidence, since it reads villages as persons."""
    if noun.lemma_.lower() in CAPTURED_PEOPLE:
        return True
    return any(g.lemma_.lower() in CAPTURED_PEOPLE for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj")


def _enters_town(root) -> bool:
    """True when a verb's object is a settlement by name ("entered Izium", "took Stepove"), its centre ("entered
    the centre of Kherson"), a settlement noun of a name ("took the village of Lastochkyne") or one referring back
    ("had taken the city"): taking it;
    entering a country or a region ("entered Ukraine", "entered the Kursk region") is fighting there, which other
    rows read."""
    # the object, or a name right after the verb the parser attaches otherwise ("had taken Bakhmut, the longest
    # battle of the war": "Bakhmut" read as an adverb, "battle" as the object)
    return any(_is_town(obj) for obj in root.children
               if obj.dep_ == "dobj" or obj.i == root.i + 1 and obj.dep_ in {"advmod", "npadvmod"})


def _of_town(root) -> bool:
    """True when a noun's "of" phrase is a settlement as :func:`_is_town` reads one ("the loss of the village of
    Robotyne", "the fall of Avdiivka"; not "the loss of life")."""
    return _town_after(root, "of")


def _in_town(root) -> bool:
    """True when a verb (or its particle) has an "in" phrase that names a settlement as :func:`_is_town` reads one
    ("were holding on in Chasiv Yar")."""
    return any(_town_after(h, "in") for h in (root, *(c for c in root.children if c.dep_ in ("prt", "advmod"))))


def _town_after(head, preposition: str) -> bool:
    """True when ``head`` has a ``preposition`` phrase whose object is a settlement as :func:`_is_town` reads one."""
    return any(_is_town(g) for c in head.children if c.dep_ == "prep" and c.lower_ == preposition
               for g in c.children if g.dep_ == "pobj")


def _is_town(obj) -> bool:
    """True for a settlement by name, its centre, a settlement noun of a name, one referring back ("the city") or
    settlements counted ("two villages")."""
    if names_settlement(obj) or obj.lemma_.lower() in CENTRE_NOUNS | FALLEN_NOUNS and any(
            names_settlement(g) for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"):
        return True
    if obj.lemma_.lower() in FALLEN_NOUNS and obj.tag_ == "NN" and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in obj.children):
        return True  # "his forces had taken the city": the town named before
    return obj.lemma_.lower() in FALLEN_NOUNS and obj.tag_ == "NNS" and any(
        c.dep_ == "nummod" or c.lower_ in COUNTING_WORDS for c in obj.children)  # "took two villages"


def _has_fallen(root) -> bool:
    """True when a verb's subject is a settlement, by name or as "the city" ("Bakhmut has fallen", "denied the
    city had fallen"; not "prices fell", "rockets fell on Kharkiv")."""
    return any(c.dep_ == "nsubj" and (names_settlement(c) or c.lemma_.lower() in FALLEN_NOUNS)
               for c in root.children)


def names_settlement(token) -> bool:
    """True for a token of a place name whose every gazetteer entry is a settlement: a name the tagger marks as
    an entity, or a capitalised word it leaves unmarked or reads as another kind ("Stepove" as a work of art,
    "Kherson" as a person, "Bakhmut" as an adverb)."""
    from ..places.gazetteer import load_gazetteer

    if token.ent_type_ in {"GPE", "LOC", "FAC", "ORG"}:
        name = " ".join(t.text for t in token.subtree if t.ent_type_ == token.ent_type_)
    elif token.is_title and token.pos_ in ("PROPN", "NOUN", "ADV", "ADJ"):
        name = " ".join(t.text for t in token.subtree if t.i == token.i or t.dep_ == "compound" and t.is_title)
    else:
        return False
    hits = load_gazetteer().lookup(name, fuzzy=False)
    return bool(hits) and all(e.level == "settlement" for e in hits)


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
            candidates.append(("casualties" if kind == "territory_control" and _captures_people(span.root)
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
