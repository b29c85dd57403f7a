"""Modality of English events: factual, future (announced, planned, demanded, threatened) or
hypothetical (possible, conditional), read from the trigger's auxiliaries and governing words
(data/dev/README.md, section E)."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..attribution.cues import CUE_VERBS
from .event_triggers import CUE_PATHS, cue_ancestors

# Modal auxiliaries and cue lemmas. Future: announced, planned, demanded, expected or threatened
# events; hypothetical: possible or conditional ones (data/dev/README.md, section E).
FUTURE_AUX = frozenset({"will", "shall", "'ll", "must", "should", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "can"})
FUTURE_CUES = frozenset({
    "plan", "planned", "intend", "intention", "demand", "expect", "threaten", "threat", "prepare",
    "schedule", "urge", "insist", "aim", "seek", "want", "ready", "readiness", "next", "upcoming",
    "promise", "vow", "pledge", "request", "ask", "need", "imminent", "future", "call", "propose",
    "order", "must", "going", "decide", "agree",
})
HYPOTHETICAL_CUES = frozenset({
    "possible", "possibility", "potential", "potentially", "risk", "danger", "likely", "probable",
    "chance", "scenario", "case", "if", "unless", "whether", "prospect", "hypothetical", "deter",
    "prevent", "avoid",
})
# Controlling verbs whose infinitive complement reports a real event ("managed to conquer").
FACTUAL_CONTROLLERS = frozenset({"manage", "try", "continue", "begin", "start", "keep", "succeed",
                                 "attempt", "use", "help", "fail", "seem", "appear", "allow",
                                 "enable", "force", "agree"})
# Verbs of demanding whose clause with a bare verb and its own subject is the act demanded ("demanded that Russia
# withdraw its forces", "insists Kyiv recognise the new borders"): a mandative subjunctive, still to come.
MANDATIVE_VERBS = frozenset({"demand", "insist", "require", "ask", "urge", "request", "propose", "suggest",
                             "recommend", "order"})
# Prepositions of a setting: what they hold is where a demand applies, not what it demands ("Tell people in the
# occupied territories").
SETTING_PREPOSITIONS = frozenset({"in", "at", "near", "around", "across", "throughout", "from", "inside", "within"})
# Factual only in the past: "had to withdraw", "were able to recapture" report done acts;
# "has to withdraw", "will be able to recapture" look ahead.
PAST_FACTUAL_CONTROLLERS = frozenset({"have", "able", "unable"})
# An operation to do something that is said to be completed: its act is done ("the completion of the operation to
# liberate Artyomovsk"); the completion word stands within COMPLETION_REACH words before the operation noun.
OPERATION_NOUNS = frozenset({"operation", "offensive", "mission"})
COMPLETION_WORDS = frozenset({"completion", "complete", "completed", "conclusion", "successful"})
COMPLETION_REACH = 4
AIM_NOUNS = frozenset({"goal", "aim", "objective", "task", "purpose", "priority"})  # what is to be done
# Conjunctions opening a condition ("if Kyiv withdraws its troops"), and the words a condition's clause hangs on when a
# phrase opens it ("provided that Ukraine leaves Kherson"); "once" and "as soon as" (hung on "soon") open one only
# before a verb that is not past ("as soon as Ukraine withdraws"; "once troops entered the town" tells a time), in a
# clause of its own ("Once one of the most developed cities ... is completely destroyed": formerly).
CONDITION_MARKS = frozenset({"if", "unless"})
CONDITION_WORDS = CONDITION_MARKS | {"otherwise"}  # ... which, anywhere in a sentence, keep "would" conditional
CONDITION_HEADS = frozenset({"provided", "providing"})
TIME_MARKS = frozenset({"once"})
TIME_HEADS = frozenset({"soon"})
# Modifiers that say an event is going on now, whatever is said of its end ("the ongoing conflict will be settled").
PRECEDING_WORDS = frozenset({"after", "following"})  # ... whose object came before the act they time
ONGOING_WORDS = frozenset({"ongoing", "current", "continuing"})


def sets_condition(clause: Token) -> bool:
    """True for the head of a clause that sets a condition (CONDITION_MARKS and CONDITION_HEADS; TIME_MARKS and
    TIME_HEADS before a verb that is not past)."""
    marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
    if any(m in CONDITION_MARKS for m in marks) or clause.dep_ == "advcl" and clause.head.lower_ in CONDITION_HEADS:
        return True
    timed = clause.dep_ == "advcl" and (any(m in TIME_MARKS for m in marks)
                                        or bool(marks) and clause.head.lower_ in TIME_HEADS)
    past = clause.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in clause.children)
    return timed and not past


def _reported_future(verb: Token) -> bool:
    """True for a verb with "would" that a past verb of saying reports, its sentence naming no condition ("the
    governor said evacuations would continue"): the future of the past, "will" in the words said; not a copula, whose
    subject an act may be only as a possibility ("said an escalation would be a catastrophe")."""
    head = verb.head
    return verb.dep_ == "ccomp" and verb.lemma_ != "be" and head.tag_ in ("VBD", "VBN") and head.lemma_ in CUE_VERBS \
        and not any(t.lower_ in CONDITION_WORDS for t in verb.sent)


def _named_as_aim(root: Token) -> bool:
    """True for an act noun set beside a noun of aim, in apposition or as what the aim is ("achieving the main goal –
    the liberation of Donbass", "The goal of the operation is the demilitarisation of Ukraine")."""
    if root.dep_ == "appos":
        return root.head.lemma_.lower() in AIM_NOUNS
    return root.dep_ == "attr" and root.head.lemma_ == "be" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in AIM_NOUNS for c in root.head.children)


def event_modality(span: Span) -> str:
    """Return the modality of the event whose trigger is ``span``: ``factual``, ``future`` or
    ``hypothetical``, from the auxiliaries and cue words on the path from the trigger up through
    its governing cue verbs."""
    root = span.root
    if root.dep_ == "nsubj" and any(c.dep_ == "attr" and c.lemma_.lower() in ("matter", "question") and any(
            g.lower_ == "time" for p in c.children if p.lower_ == "of" for g in p.children) for c in root.head.children):
        return "future"  # "The capture of Pokrovsk is a matter of time"
    if any(c.dep_ == "amod" and c.lower_ in ONGOING_WORDS for c in root.children) or _operation_completed(root) \
            or _before_a_past_act(root):
        return "factual"
    if _named_as_aim(root):
        return "future"  # "the main goal – the liberation of Donbass", "Our main task is the liberation of Donbass"
    if root.tag_ == "VB" and root.dep_ == "ccomp" and root.head.lemma_.lower() in MANDATIVE_VERBS \
            and not any(c.dep_ == "aux" for c in root.children) \
            and (any(c.dep_ == "nsubj" for c in root.children)  # ("demands Russia withdraw": its object, parsed)
                 or any(c.dep_ == "dobj" and c.i < root.i for c in root.head.children)):
        return "future"  # the mandative subjunctive: "demands that Russia withdraw its troops"
    chain = [root, *cue_ancestors(root, CUE_PATHS | {"nsubj", "nsubjpass"})]
    for position, token in enumerate(chain):
        lemma = token.lemma_.lower()
        if position > 0 and lemma in HYPOTHETICAL_CUES:
            return "hypothetical"
        for child in token.children:
            word = child.lower_
            if child.dep_ == "mark" and (word == "whether" or sets_condition(token)):
                return "hypothetical"
            if child.dep_ in {"aux", "auxpass"} and word in HYPOTHETICAL_AUX:
                return "future" if word == "would" and _reported_future(token) else "hypothetical"
            if child.dep_ == "amod" and child.lemma_.lower() in HYPOTHETICAL_CUES:
                return "hypothetical"
        for child in token.children:
            if child.dep_ in {"aux", "auxpass"} and child.lower_ in FUTURE_AUX:
                return "future"
            if (child.dep_ in {"amod", "compound"} or child.dep_ == "acomp" and position > 0) \
                    and child.lemma_.lower() in FUTURE_CUES:
                return "future"  # "an imminent assault", "a clash near Kupiansk is imminent"
            # (not a perfect infinitive: "to have been killed" reports what was done)
            if child.dep_ == "aux" and child.tag_ == "TO" and position < len(chain) - 1 \
                    and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children):
                controller = chain[position + 1].lemma_.lower()
                tensed = chain[position + 1] if chain[position + 1].pos_ in ("VERB", "AUX") \
                    else chain[position + 1].head  # "were" of "were able"
                done = controller in PAST_FACTUAL_CONTROLLERS and tensed.tag_ == "VBD"
                if controller not in FACTUAL_CONTROLLERS and not done and token.dep_ == "xcomp":
                    return "future"
        if position > 0 and lemma in FUTURE_CUES and not (position == 1 and lemma == "agree" and root.i > token.i) \
                and not (lemma == "call" and _names_only(token)) and not _coordinate_act(chain, position):
            return "future"
        if position > 0 and _imperative(token) and _demanded(root, token):
            return "future"  # a demand: "Provide humanitarian corridors", "close the sky, stop the shelling"
    return "factual"


def _before_a_past_act(noun: Token) -> bool:
    """True for an act named after "after"/"following" in a sentence whose main verb is past: it came first ("Russia
    promised on Tuesday to scale down military operations ..., after talks with Ukrainian negotiators")."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ in PRECEDING_WORDS and noun.sent.root.tag_ == "VBD"


def _operation_completed(verb: Token) -> bool:
    """True for the infinitive of an operation said to be completed ("on the completion of the operation to liberate
    Artyomovsk", "completed the operation to liberate Mariupol"): the act is done, whatever the parser hangs it on."""
    doc, i = verb.doc, verb.i
    return i >= 2 and doc[i - 1].lower_ == "to" and doc[i - 2].lemma_.lower() in OPERATION_NOUNS and any(
        t.lemma_.lower() in COMPLETION_WORDS for t in doc[max(0, i - 2 - COMPLETION_REACH):i - 2])


def _coordinate_act(chain: list[Token], position: int) -> bool:
    """True when the cue word at ``position`` of the chain is a verb with its own object that the word below it is
    only joined to ("do not threaten civilians and do not target civilian facilities"): another act, not one that
    governs the event. An infinitive the parser joined to the verb that governs it ("urge Russia to de-escalate
    and to withdraw") is no other act."""
    below = chain[position - 1]
    return below.dep_ == "conj" and below.head.i == chain[position].i \
        and any(c.dep_ == "dobj" for c in chain[position].children) \
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children)


def _names_only(call: Token) -> bool:
    """True for "call" that names what a thing is ("called the attack another manifestation of madness"), not one
    that demands ("called for talks", "called on Russia to stop the shelling")."""
    return not any(c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") or c.dep_ in ("xcomp", "ccomp")
                   for c in call.children)


def _imperative(verb: Token) -> bool:
    """True for a verb in the imperative: a bare form (VB) that opens its clause, with no subject or auxiliary,
    or joined to such a verb ("Provide humanitarian corridors", "...: close the sky, stop the shelling")."""
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "ccomp", "conj", "parataxis"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children):
        return False
    if verb.dep_ == "conj":  # "close the sky, stop the shelling"; not "we will regain our land and take revenge"
        return _imperative(verb.head)
    before = [t for t in verb.doc[verb.left_edge.i:verb.i] if not t.is_punct]
    return not before or all(t.lower_ in ("please", "and", "so", "just") for t in before)


def _demanded(trigger: Token, verb: Token) -> bool:
    """True when no other noun stands between a trigger and the imperative verb above it: the trigger is what is
    demanded ("stop the shelling", "Go on the offensive"), not the setting of another object ("Tell people in the
    occupied territories", however the parser attaches "in": a setting, SETTING_PREPOSITIONS)."""
    current = trigger.head
    while current.i != verb.i and current.head.i != current.i:
        if current.pos_ in ("NOUN", "PROPN", "PRON") \
                or current.dep_ == "prep" and current.lower_ in SETTING_PREPOSITIONS:
            return False
        current = current.head
    return True
