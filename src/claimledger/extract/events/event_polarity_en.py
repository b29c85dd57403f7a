"""Polarity of English events as the text states it: asserted, or denied by a negation reaching the trigger
("did not capture", "no hostilities"), a verb that negates its object ("prevented any evacuation", "called off
the assault"), a subject that names no one ("No one was injured") or a predicate calling the report untrue ("The
allegations about attacks on Kiev are untrue"). What the claimant's cue does to it is event_polarity.py's; the
Russian and Ukrainian rules are event_polarity_ru_uk.py's.

A trigger span of a parsed spaCy Doc in, "asserted" or "denied" out; pure.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..language.clauses import stated_owner
from .event_arguments import ATTEMPT_NOUNS, ATTEMPT_VERBS
from .event_triggers import cue_ancestors

# Verbs that deny the event in their object or complement ("prevented any evacuation").
NEGATING_VERBS = frozenset({"prevent", "deny", "refute", "cancel", "abandon", "refuse", "halt",
                            "reject", "thwart", "avert", "foil", "fail", "unable"})  # "failed to capture Vuhledar"
# Prepositions of a time whose act a negation above them does not reach.
TIME_PREPOSITIONS = frozenset({"after", "before", "following", "during", "since"})
# Particles that make a negating verb of a phrasal one ("call off an assault", "rule out").
NEGATING_PHRASALS = frozenset({("call", "off"), ("rule", "out")})
# Verbs of speaking about an act whose negation says nothing of whether it happened ("did not comment on the
# attack", "has not confirmed the capture").
SILENT_VERBS = frozenset({"comment", "confirm", "disclose", "specify", "elaborate", "respond", "reveal", "say",
                          "verify", "mention", "report", "acknowledge"})
# Predicates that call the report of an event untrue: an event inside the subject of "... are
# untrue / fake / a lie" is denied ("The allegations about missile attacks on Kiev are untrue").
# Written by hand (2026) from general usage; the same words are the denial cues of relation_cues.tsv.
DENIAL_PREDICATES = frozenset({"untrue", "false", "fake", "baseless", "groundless", "unfounded",
                               "lie", "lies", "fabrication", "fabricated", "staged", "hoax",
                               "disinformation", "provocation", "nonsense", "fiction"})
# Nouns of someone's report ("Russia's claim that ..."): a negation above it denies the report, not what it tells.
REPORT_NOUNS = frozenset({"claim", "allegation", "report", "statement", "assertion", "accusation"})
# Conjunctions opening a clause of cause, time or condition, which a negation of the main clause does not reach.
CIRCUMSTANCE_MARKS = frozenset({"because", "since", "as", "while", "when", "after", "before", "although", "though",
                                "whereas", "until", "once", "if", "unless"})
# Parts of speech of a verb, and the dependents that give a verb a complete clause of its own.
VERB_TAGS = frozenset({"VERB", "AUX"})
OWN_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "prep", "attr", "acomp", "oprd"})
# Subjects that say no one underwent the act ("No one was injured", "Nobody was killed"; also "No civilians were
# killed", by its determiner): the act is denied, and "one" counts no one.
NO_ONE_WORDS = frozenset({"nobody", "none", "noone"})


def event_polarity(span: Span) -> str:
    """"denied" when a negation, a negating verb or a subject naming no one reaches the trigger ``span`` through
    the words governing it, or a predicate calls it untrue; else "asserted"."""
    root = span.root
    below = root
    for token in [root, *cue_ancestors(root)]:
        if token.i != root.i and _own_clause_joined(below, token):
            break  # "denied the report and blamed Kyiv for the attack": the denial has an object of its own
        below = token
        if token.i != root.i and token.dep_ == "prep" and token.lower_ in TIME_PREPOSITIONS:
            break  # "the order to call off an assault ... after the liberation of Mariupol": only a time told
        if token.i != root.i and token.lower_ == "without":
            break  # "could not end the war without direct talks": the talks are needed, not denied (see below)
        if token.i != root.i and _circumstance(token, root):
            break  # "could not be repulsed at once because the enemy was advancing": the cause is not negated
        if token.i != root.i and token.lemma_.lower() in SILENT_VERBS:
            break  # "Moscow did not comment on the attack": silence about an act denies nothing
        if token.i != root.i and token.lemma_.lower() in REPORT_NOUNS and stated_owner(token) is not None:
            break  # "Ukraine denied Russia's (Russian) claim that it captured X": Russia asserts it, Ukraine denies
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return "denied"
        if token.i != root.i and token.lemma_.lower() in NEGATING_VERBS:
            return "denied"
        if token.i != root.i and any((token.lemma_.lower(), c.lower_) in NEGATING_PHRASALS
                                     for c in token.children if c.dep_ == "prt"):
            return "denied"
        if token.i != root.i and token.lemma_.lower() in ATTEMPT_VERBS | ATTEMPT_NOUNS:
            break  # "thwarted an attempt to capture the town": the attempt was made, only its end is denied
    if _called_untrue(root) or any(map(names_no_one, verb_subjects(root))):
        return "denied"
    if root.dep_ == "pobj" and root.head.lower_ == "without" and root.head.head.tag_ in ("VBD", "VBN") \
            and not any(c.dep_ == "neg" for c in root.head.head.children):
        return "denied"  # "moved to the east bank without a single loss"; not a condition ("cannot end it without
        # talks", "impossible without recognition"), which says the act is needed
    return "asserted"


def _circumstance(head: Token, root: Token) -> bool:
    """True when the path from the trigger ``root`` up to ``head`` leaves a clause of cause, time or condition
    ("because the enemy was advancing"): a negation above it is the main clause's, not the event's."""
    below = next((t for t in root.ancestors if t.head.i == head.i), root) if root.head.i != head.i else root
    return below.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS for c in below.children)


def _own_clause_joined(conjunct: Token, head: Token) -> bool:
    """True when the verb ``conjunct`` is joined by "and" to a verb ``head`` that has an object or clause of its
    own: a negation of ``head`` is not the conjunct's ("did not comment and blamed Kyiv"); a head that shares the
    conjunct's object ("did not capture and hold the town") passes it on."""
    return (conjunct.dep_ == "conj" and conjunct.pos_ in VERB_TAGS and head.pos_ in VERB_TAGS
            and any(c.dep_ in OWN_COMPLEMENTS and c.i < conjunct.i for c in head.children))


def names_no_one(subject: Token) -> bool:
    """True for a subject that names no one ("nobody", "none of the crew", "no one", "no civilians")."""
    return subject.lower_ in NO_ONE_WORDS or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def _called_untrue(root: Token) -> bool:
    """Whether the trigger sits in the subject of a predicate that calls it untrue."""
    for token in [root, *list(root.ancestors)[:4]]:
        if token.dep_ in ("nsubj", "nsubjpass"):
            return any(child.dep_ in ("acomp", "attr", "oprd") and child.lower_ in DENIAL_PREDICATES
                       for child in token.head.children)
    return False


def verb_subjects(verb: Token) -> list[Token]:
    """The verb's subjects, else those of the verb it complements ("five people are known to have
    been killed": the subject of "known" is the one killed)."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and verb.dep_ == "xcomp":
        subjects = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return subjects
