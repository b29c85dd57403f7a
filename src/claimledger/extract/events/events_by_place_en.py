"""Counts told place by place after one verb, in English: "22 were killed in the capital and 10 in the central city
of Kryvyi Rih", "The strikes killed four people in Dnipro and one in Lutsk". The parser joins each later count to the
verb or to the first count as a conjunct with its own "in"/"near"/"at" phrase; each such count is an event of its own
at its own places (annotation guide, section E: one entry per distinct event), as events_by_place_ru_uk.py does for
Russian and Ukrainian. A spaCy Doc, its events and places in, the events they stand for out; pure.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from ...models import Event, Place
from ..event_places.event_places import place_keys
from .events_by_place_ru_uk import COUNTED_BY_PLACE
from .quantities import count_of

# Prepositions of where a gapped count happened ("and 10 in Kryvyi Rih", "and one near Kupiansk").
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "at", "around", "outside"})
# Dependencies of the word that carries an event's count under its trigger (the object or passive subject).
COUNTED_DEPS = frozenset({"dobj", "nsubjpass", "nsubj"})


def _gapped_counts(root: Token) -> list[Token]:
    """The numbers joined as conjuncts to the trigger or to the noun it counts, each with a locative phrase."""
    heads = [root] + [c for c in root.children if c.dep_ in COUNTED_DEPS]
    return [c for head in heads for c in head.children
            if c.dep_ == "conj" and count_of(c) is not None
            and any(p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPOSITIONS for p in c.children)]


def split_by_place(doc: Doc, events: Sequence[Event], places: Sequence[Place]) -> list[Event]:
    """The events with one more event per count a sentence gives another place after the trigger's ("and 10 in the
    central city of Kryvyi Rih"): that count's trigger is its number, its places those of its own phrase, and the
    first event keeps the places the later counts do not take."""
    out: list[Event] = []
    for event in events:
        span = doc.char_span(*event.trigger, alignment_mode="expand")
        if event.type not in COUNTED_BY_PLACE or event.quantity is None or span is None or not len(span):
            out.append(event)
            continue
        parts = []
        for number in _gapped_counts(span.root):
            phrase = {t.idx for p in number.children if p.dep_ == "prep" for t in p.subtree}
            keys = place_keys([p for p in places if p.span[0] in phrase])
            if keys:
                parts.append(replace(event, trigger=(number.idx, number.idx + len(number)), places=keys,
                                     quantity=count_of(number), target=None))
        taken = {k for part in parts for k in part.places}
        out.append(replace(event, places=tuple(k for k in event.places if k not in taken)) if parts else event)
        out.extend(parts)
    return out
