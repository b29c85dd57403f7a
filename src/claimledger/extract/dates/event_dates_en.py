"""When an English event happened: the time expression attached to its trigger or its clause's verb, else the
publication date for what a readout or a present-tense report tells as of that day.

A trigger span, the document's resolved time expressions (dates.find_time_expressions) and the publication date in;
an ISO date, month, year or range (the annotation guide's ``when``) or None out. events.py calls it.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .dates import MONTHS, month_ahead, parse_published
from ..events.event_triggers import MAX_CUE_DEPTH

# Negotiation heads that a readout reports on its own date ("had a telephone conversation").
DATED_CONTACTS = frozenset({"conversation", "call", "talk", "meeting", "meet", "speak", "agree",
                            "negotiation", "telephone", "phone", "videoconference"})
# Conjunctions of a clause whose time is another act's, before or after the trigger's ("since it captured Bakhmut in
# May"); "as", "when" and "while" tell the trigger's own time ("struck Sumy as people gathered for Palm Sunday").
OTHER_TIME_MARKS = frozenset({"since", "after", "before", "until", "till", "once"})
# ... unless the clause tells when something began: the trigger's time runs from then ("evacuated since the
# offensive began on May 10").
START_VERBS = frozenset({"begin", "start", "launch", "commence"})
SUPERLATIVE_REACH = 6  # words before a "since" phrase searched for the superlative it measures ("biggest attack since")


def _clause_head(token: Token) -> Token:
    """The verb that heads the clause a token lies in (the token itself for a verb)."""
    current = token
    for _ in range(MAX_CUE_DEPTH + 2):
        if current.pos_ in {"VERB", "AUX"} or current.head.i == current.i:
            return current
        current = current.head
    return current


def event_when(span: Span, times: list[tuple[int, int, str | None]], ahead_of: str | None = None) -> str | None:
    """The resolved time expression attached to the trigger or to the verb of its clause
    (nearest first), within the trigger's sentence; one inside a relative clause only when that clause
    describes the trigger (:func:`_describes_trigger`). For an act to come, ``ahead_of`` is the publication day:
    a month with no year is its next occurrence (dates.month_ahead)."""
    sentence = span.sent
    doc = span.doc
    head = _clause_head(span.root)
    anchors = {t.i for t in span} | {head.i}
    while head.dep_ == "conj" and head.head.i != head.i:  # "..., killing two and injuring 16"
        head = head.head
    if head.dep_ == "advcl" and head.tag_ in ("VBG", "VBN") and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark") for c in head.children):  # a bare participle
        anchors.add(head.head.i)  # "A missile attack on Kyiv on July 8 hit the hospital, killing two": the attack's day
    best, best_distance, written = None, None, ""
    for start, end, value in times:
        if value is None or start < sentence.start_char or end > sentence.end_char:
            continue
        expression = doc.char_span(start, end, alignment_mode="expand")
        if expression is None or _compared_since(expression):
            continue
        path = [expression.root, *expression.root.ancestors][:MAX_CUE_DEPTH + 1]
        clause = next((n for n, t in enumerate(path) if t.dep_ == "relcl"), None)
        if clause is not None and not _describes_trigger(path[clause], span):
            path = path[:clause + 1]  # "the town, which had been under assault since October": the clause's own
        told = next((n for n, t in enumerate(path) if t.dep_ == "advcl"
                     and not t.left_edge.i <= span.root.i <= t.right_edge.i
                     and t.lemma_.lower() not in START_VERBS
                     and any(c.dep_ == "mark" and c.lower_ in OTHER_TIME_MARKS for c in t.children)
                     and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)), None)
        if told is not None:  # "The fall of Avdiivka is ... since it captured Bakhmut in May": the capture's month
            path = path[:told + 1]
        if not any(t.i in anchors for t in path):
            continue
        distance = max(start - span.end_char, span.start_char - end, 0)
        if best_distance is None or distance < best_distance:
            best, best_distance, written = value, distance, expression.text
    return month_ahead(best, written, ahead_of, MONTHS) if best is not None and ahead_of else best


def planned_before(span: Span) -> bool:
    """True when the act of ``span`` hangs on a verb in the past ("had planned to capture Kyiv in February",
    "hoped to take the city by May"): a plan of the past, whose month is not one to come."""
    t = span.root
    while t.dep_ in ("xcomp", "dobj", "pobj", "prep") and t.head.i != t.i:
        t = t.head
        if t.tag_ == "VBD" or t.pos_ == "VERB" and any(c.dep_ == "aux" and c.tag_ == "VBD" for c in t.children):
            return True
    return False


def _compared_since(expression: Span) -> bool:
    """True for a "since ..." after a superlative ("the biggest attack since the war began", "the first time since
    2014"): the span the act is compared over, not when it happened."""
    before = expression.doc[max(expression.sent.start, expression.start - SUPERLATIVE_REACH):expression.start]
    return expression[0].lower_ == "since" and any(
        (t.tag_ in ("JJS", "RBS") or t.lower_ == "first") and (t.i == 0 or t.nbor(-1).lower_ != "at")  # "at least"
        for t in before)


def _describes_trigger(clause: Token, span: Span) -> bool:
    """True when a relative clause's noun is the trigger, or lies in the phrase of a noun trigger ("talks between
    Russian and Ukrainian representatives that concluded today", however the parser attaches "that"); not the
    object of a verb trigger ("taken full control of the town, which had been under assault since October")."""
    head = clause.head
    return span.start <= head.i < span.end or span.root.pos_ in {"NOUN", "PROPN"} and head in span.root.subtree


def default_when(span: Span, kind: str, published: str | None) -> str | None:
    """The publication date for an undated event the outlet reports as of that day: a readout's
    call or joint agreement ("had a telephone conversation", "agreed to ...") and present-tense
    reports ("defensive operations are underway"); None otherwise."""
    pub = parse_published(published)
    if pub is None:
        return None
    verb = _clause_head(span.root)
    if verb.dep_ not in {"ROOT", "conj"}:
        return None
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if kind == "negotiation" and span.root.lemma_.lower() in DATED_CONTACTS and "VBD" in tags and not (tags & {"MD", "VBN"} - {"VBD"}):
        return pub.isoformat()
    if tags & {"VBZ", "VBP"} and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return pub.isoformat()
    return None
