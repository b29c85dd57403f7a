"""Triggers that are parts of other events in English war reports, and type corrections by argument.

A spaCy Span (a trigger) and the document's trigger tokens (token index -> type) in, a yes/no out:

* ``is_argument``: the trigger is the object of another event ("repelling the assaults", "killed by
  the shelling", "the attacks were thwarted") or the place an event happens in, not an event of its own;
* ``strike_result``: damage reported as the result of a strike the clause names ("destroyed by a
  drone strike"): the strike is the event;
* ``names_held_land``: "the occupied territories", a claim of control named by the land;
* ``blocks_talks``: "blocked" said of talks, no fighting;
* ``attempted`` / ``fights_for``: a verb that is what someone tries to do ("trying to capture"): fighting, not a
  capture;
* ``destroys_fighters`` / ``frees_people``: the object decides the type ("destroy the occupier" is
  fighting, "liberate civilians" is getting people out); ``destroys_an_abstraction``: "destroyed freedom of
  speech" is a figure of speech, no event.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..language.lexicon_files import lexicon_words

# Objects of "destroy" that make it fighting (clash) rather than a strike on a target.
FIGHTER_LEMMAS = frozenset({"occupier", "occupant", "enemy", "invader", "troop", "soldier", "unit",
                            "force", "army", "militant", "mercenary", "personnel", "group"})
# Objects of "attack" that make it a strike on a target, not fighting ("attacked energy facilities"), and the
# weapons of "attacked ... with".
TARGET_LEMMAS = frozenset({"facility", "infrastructure", "city", "town", "village", "building", "plant", "station",
                           "port", "airport", "airfield", "depot", "grid", "house", "school", "hospital", "region",
                           "capital", "refinery", "bridge", "district", "area", "site", "warehouse", "substation"})
WEAPON_LEMMAS = frozenset({"drone", "missile", "rocket", "bomb", "shell", "artillery", "shahed"})
# Weapons in flight that air defence destroys (shoots down).
FLYING_WEAPON_LEMMAS = frozenset({"drone", "missile", "rocket", "shahed", "uav"})
ASSAULT_PREPOSITIONS = frozenset({"near", "around", "outside"})  # where a ground assault is pressed
# Nouns of a stretch of front: attacks in one are ground assaults ("42 attacks in the Pokrovsk and Kurakhove sectors").
FRONT_NOUNS = frozenset({"sector", "direction", "axis", "front", "frontline"})
# Objects of "liberate" that make it getting people out (evacuation), not taking territory.
PEOPLE_LEMMAS = frozenset({"people", "civilian", "serviceman", "resident", "citizen", "prisoner",
                           "hostage", "student", "national", "child", "person", "inhabitant"})
# Prepositions whose object names the strike that caused damage ("destroyed by a missile strike",
# "damaged from shelling"); "as a result of" is read separately.
RESULT_PREPOSITIONS = frozenset({"by", "from"})
# Verbs and nouns of trying, whose act is attempted, not done ("trying to capture", "an attempt to storm").
ATTEMPT_VERBS = frozenset({"try", "attempt", "seek", "strive"})
ATTEMPT_NOUNS = frozenset({"attempt", "bid"})  # (not "effort": "completed the combat effort to liberate X")
# Takings by decree, whose attempt is no fighting ("tried to annex Ukrainian territories").
ANNEXING_LEMMAS = frozenset({"annex", "annexation"})
# Abstract objects that "destroy" takes only in a figure of speech ("destroyed freedom of speech").
ABSTRACT_OBJECTS = lexicon_words("abstract_objects.tsv", "en")


def destroys_fighters(span: Span) -> bool:
    """True for "destroy" whose object (or passive subject) is an enemy force, not a building."""
    return any(o.lemma_.lower() in FIGHTER_LEMMAS for o in _destroyed(span))


def destroys_weapons(span: Span) -> bool:
    """True for "destroy" whose object is a drone or missile in flight ("fired 31 drones, of which 23 were
    destroyed", "air defences destroyed 23 drones"): shot down, which the guide types ``other``, not a strike."""
    return any(o.lemma_.lower() in FLYING_WEAPON_LEMMAS for o in _destroyed(span))


def attempted(token: Token) -> bool:
    """True for a verb that is what someone tries to do ("trying to capture the town", "attempted to seize",
    "a Russian attempt to storm Chasiv Yar", "in a bid to take"): an attempt, not the act done."""
    head = token.head
    return token.dep_ in ("xcomp", "acl") and token.pos_ == "VERB" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) \
        and (head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in ATTEMPT_VERBS
             or head.pos_ == "NOUN" and head.lemma_.lower() in ATTEMPT_NOUNS)


def fights_for(span: Span) -> bool:
    """True for a capture or a withdrawal only attempted ("have been trying to capture the town"): fighting for it."""
    return attempted(span.root) and span.root.lemma_.lower() not in ANNEXING_LEMMAS


def destroys_an_abstraction(span: Span) -> bool:
    """True for "destroy" whose object is abstract (ABSTRACT_OBJECTS: "the occupiers destroyed freedom of speech",
    "the destruction of Ukrainian identity"): a figure of speech, no strike."""
    objects = _destroyed(span) + [g for c in span.root.children if c.dep_ == "prep" and c.lower_ == "of"
                                  and span.root.pos_ == "NOUN" for g in c.children if g.dep_ == "pobj"]
    return span.root.lemma_.lower() in {"destroy", "destruction"} \
        and any(o.lemma_.lower() in ABSTRACT_OBJECTS for o in objects)


def _destroyed(span: Span) -> list[Token]:
    """What a "destroy" trigger destroys: its object or passive subject, or the noun its relative clause
    describes; [] for another trigger."""
    root = span.root
    if root.lemma_.lower() not in {"destroy", "destruction"}:
        return []
    objects = [c for c in root.children if c.dep_ in {"dobj", "nsubjpass"}]
    if root.dep_ == "relcl" or (root.dep_ == "acl" and root.tag_ == "VBN"):
        objects.append(root.head)
    # a count of them: "destroyed 31 of 35 drones"
    objects += [g for o in objects if o.like_num for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]
    return objects


def attacks_a_target(span: Span) -> bool:
    """True for "attack" (the verb) whose object is a target of strikes, not a force or a position ("Russia
    attacked energy facilities", "attacked Kharkiv with drones"): a strike, as the annotation guide types drone,
    missile and artillery attacks."""
    root = span.root
    if root.lemma_.lower() != "attack" or root.pos_ != "VERB":
        return False
    objects = [c for c in root.children if c.dep_ in {"dobj", "nsubjpass"}]
    instruments = [g for c in root.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    return any(o.lemma_.lower() in TARGET_LEMMAS or o.ent_type_ in ("GPE", "FAC") for o in objects) \
        or any(g.lemma_.lower() in WEAPON_LEMMAS for g in instruments)


def assaults_near(span: Span) -> bool:
    """True for "attack(s)" (the noun) near or around a place in a sentence naming no weapon ("pressed attacks near
    Robotyne"): a ground assault, fighting, not a strike."""
    root = span.root
    if root.lemma_.lower() != "attack" or root.pos_ != "NOUN" or len(span) > 1:
        return False
    near = any(c.dep_ == "prep" and (c.lower_ in ASSAULT_PREPOSITIONS or c.lower_ == "in" and any(
        g.lemma_.lower() in FRONT_NOUNS for g in c.children)) for c in root.children)  # "in the Pokrovsk sector"
    return near and not any(t.lemma_.lower() in WEAPON_LEMMAS | FLYING_WEAPON_LEMMAS for t in root.sent)


def frees_people(span: Span) -> bool:
    """True for "liberate" whose object (or passive subject) is people, not a territory."""
    root = span.root
    if root.lemma_.lower() not in {"liberate", "free", "release"}:
        return False
    objects = [c for c in root.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(o.lemma_.lower() in PEOPLE_LEMMAS for o in objects)


def names_held_land(span: Span) -> bool:
    """True for a trigger that names land by its holder's control ("the occupied territories"):
    headed by the land, not by the event word. Its re-mentions by one claimant are one claim."""
    return span.root.i != span.start and span[0].tag_ in {"VBN", "JJ"} and span.root.pos_ == "NOUN"


def blocks_talks(span: Span, trigger_tokens: dict[int, str]) -> bool:
    """True for "blocked" said of talks ("the talks, which had been blocked by Kiev"): no fighting."""
    root = span.root
    if root.lemma_.lower() != "block":
        return False
    blocked = [c for c in root.children if c.dep_ in {"nsubjpass", "dobj"}]
    if root.dep_ in {"relcl", "acl"}:
        blocked.append(root.head)
    return any(trigger_tokens.get(b.i) == "negotiation" for b in blocked)


def is_argument(span: Span, trigger_tokens: dict[int, str]) -> bool:
    """True when the trigger is the object of another event's trigger ("repelling the assaults",
    "killed by the shelling", "the attacks were thwarted"): that event's argument, not an event of its own."""
    root = span.root
    head = root.head
    if root.dep_ == "dobj" and head.i in trigger_tokens:
        return True
    subject = head.head if root.dep_ == "pobj" and head.lower_ == "of" else root  # "dozens of attacks"
    if subject is not root and subject.like_num and subject.dep_ in {"dobj", "nsubjpass", "npadvmod"} \
            and subject.head.i in trigger_tokens:
        return True  # "shot down 104 of 120 missiles": what was shot down, counted out of what came
    if subject.dep_ == "nsubjpass" and trigger_tokens.get(subject.head.i) == "attack_repelled" \
            and not any(c.dep_ == "neg" for c in subject.head.children):
        return True  # an attack that "could not be repulsed" stays an event of its own
    if names_held_land(span) and root.dep_ == "pobj" and head.head.i in trigger_tokens:
        return True  # "fired on the occupied territory": where the strike fell
    if root.dep_ == "pobj" and head.dep_ in {"prep", "agent"} and head.head.i in trigger_tokens:
        if head.lower_ == "by" and trigger_tokens.get(root.i) == "strike" == trigger_tokens.get(head.head.i):
            return False  # "destroyed by a missile strike": the strike is kept, the damage is its result
        return head.lower_ in {"by", "against"}
    return False


def strike_result(span: Span, trigger_tokens: dict[int, str]) -> bool:
    """True for damage reported as the result of a strike named in the same clause ("was destroyed
    by a drone strike", "damaged as a result of shelling"): one strike event, named by the strike
    (data/dev/README.md section E: destruction reported as the result of an attack is that attack)."""
    root = span.root
    if trigger_tokens.get(root.i) != "strike" or root.tag_ != "VBN":
        return False
    causes: list[Token] = []
    for child in root.children:
        if child.dep_ in {"agent", "prep"} and child.lower_ in RESULT_PREPOSITIONS:
            causes += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ == "prep" and child.lower_ == "as":  # "as a result of X"
            for result in (c for c in child.children if c.dep_ == "pobj" and c.lemma_.lower() == "result"):
                causes += [o for p in result.children if p.dep_ == "prep" and p.lower_ == "of"
                           for o in p.children if o.dep_ == "pobj"]
    causes += [conj for cause in causes for conj in cause.conjuncts]
    return any(trigger_tokens.get(c.i) == "strike" for c in causes)
