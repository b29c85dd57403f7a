"""What the subject or object of an English event trigger is, for the flags of its lexicon row (event_triggers.py):
a settlement or its centre ("entered Izium", "the fall of Avdiivka"), land ("controls 82 settlements"), a military
force ("Russian forces raised a flag"), people captured ("captured 24 soldiers") or an attack halted ("the offensive
was stopped"). spaCy tokens in, answers out; pure.
"""
from __future__ import annotations

# Words of the military (flag "military" of event_triggers.py; a force in FORCE_WORDS).
MILITARY_WORDS = frozenset({"military", "troop", "force", "forces", "army", "artillery", "naval", "joint",
                            "tank", "exercise", "nuclear", "drill", "combat"})
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


def done_by_force(verb) -> bool:
    """True when a verb's subject, active or passive, is a military force or its people ("Russian forces raised a
    flag", "marines of the 36th brigade hoisted the flag", "its troops had been forced out"; not "Protesters raised
    flags")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and names_a_force(c) for c in verb.children)


def fought_by_troops(verb) -> bool:
    """True when a verb's active subject names a military force (FORCE_WORDS: "its troops were fighting"), not only
    its people ("our men fought")."""
    return any(c.dep_ == "nsubj" and {t.lemma_.lower() for t in c.subtree} & FORCE_WORDS for c in verb.children)


def names_a_force(phrase) -> bool:
    """True when the phrase a token heads names a military force or its people ("Russian forces", "marines of the
    36th brigade", "Ukrainian troops")."""
    return bool({t.lemma_.lower() for t in phrase.subtree} & (FORCE_WORDS | CAPTURED_PEOPLE))


def names_attack(noun) -> bool:
    """True for a noun of an attack ("the offensive"), or of an attempt at one ("attempts to advance")."""
    lemma = noun.lemma_.lower()
    return lemma in ATTACK_LEMMAS or lemma == "attempt" and any(
        c.dep_ in {"acl", "xcomp"} and c.lemma_.lower() in ATTACK_VERBS for c in noun.children)


def takes_land(root) -> bool:
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


def captures_people(root) -> bool:
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


def enters_town(root) -> bool:
    """True when a verb's object is a settlement by name ("entered Izium", "took Stepove"), its centre ("entered
    the centre of Kherson"), a settlement noun of a name ("took the village of Lastochkyne") or one referring back
    ("had taken the city"): taking it;
    entering a country or a region ("entered Ukraine", "entered the Kursk region") is fighting there, which other
    rows read."""
    # the object, or a name right after the verb the parser attaches otherwise ("had taken Bakhmut, the longest
    # battle of the war": "Bakhmut" read as an adverb, "battle" as the object)
    return any(_is_town(obj) for obj in root.children
               if obj.dep_ == "dobj" or obj.i == root.i + 1 and obj.dep_ in {"advmod", "npadvmod"})


def of_town(root) -> bool:
    """True when a noun's "of" phrase is a settlement as :func:`_is_town` reads one ("the loss of the village of
    Robotyne", "the fall of Avdiivka"; not "the loss of life")."""
    return _town_after(root, "of")


def in_town(root) -> bool:
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


def has_fallen(root) -> bool:
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
