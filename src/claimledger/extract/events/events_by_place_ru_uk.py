"""Counts told place by place after one predicate, in Russian and Ukrainian: "В Кривом Роге погибли 10 человек, в
Днепре — трое, в Покровске — ещё трое", "Погибли три человека в Запорожье и один во Львовской области". Each place
with its own count is an event of its own (annotation guide, section E: one entry per distinct event), so that no
count is given to another town. An event and its CyrDoc in, the events it stands for out; pure.
"""
from __future__ import annotations

from dataclasses import replace

from ...models import Event, Place
from ..language.cyrillic import VERBAL_POS, CyrDoc
from ..event_places.event_places import event_place_key
from ..places.name_context_ru_uk import LIST_JOINERS
from ..language.numbers_ru_uk import is_measure, number_at

# Event types whose count a report may give town by town.
COUNTED_BY_PLACE = frozenset({"casualties", "evacuation"})
# Tokens that part the segments of a sentence: the gapped clauses after the first ("..., в Днепре — трое").
SEGMENT_BREAKS = LIST_JOINERS | {";", "а"}


def _segments(doc: CyrDoc, first: int, last: int) -> list[tuple[int, int]]:
    """Token ranges of [first, last) parted at commas, semicolons and conjunctions."""
    segments, start = [], first
    for k in range(first, last):
        if doc.tokens[k].lower in SEGMENT_BREAKS:
            if k > start:
                segments.append((start, k))
            start = k + 1
    if last > start:
        segments.append((start, last))
    return segments


def _count_in(doc: CyrDoc, first: int, last: int) -> tuple[int, int, int] | None:
    """The one count in tokens [first, last) as (value, first token, end token), else None (none, or two)."""
    found, k = [], first
    while k < last:
        value, end = number_at(doc, k)
        if value is not None and end <= last and not is_measure(doc, end, k):
            found.append((value, k, end))
            k = end
        else:
            k += 1
    return found[0] if len(found) == 1 else None


def split_by_place(doc: CyrDoc, event: Event, places: list[Place]) -> list[Event]:
    """The event as one event per place of its sentence that has a count of its own, in a segment with no predicate
    of its own; the event unchanged when its sentence tells no such list. The trigger's segment keeps the trigger,
    the others take their number as trigger."""
    if event.type not in COUNTED_BY_PLACE or event.quantity is None or len(event.places) < 2:
        return [event]
    first = doc.token_at(event.trigger[0])
    if first is None:
        return [event]
    sentence = doc.sentence_of(first)
    parts = []  # (segment, place keys, count)
    for a, b in _segments(doc, sentence.first, sentence.last):
        keys = [event_place_key(p) for p in places
                if doc.tokens[a].start <= p.span[0] and p.span[1] <= doc.tokens[b - 1].end]
        keys = list(dict.fromkeys(k for k in keys if k in event.places))
        if keys:
            parts.append(((a, b), keys, _count_in(doc, a, b)))
    if len(parts) < 2 or any(count is None for _, _, count in parts):
        return [event]
    own = next((n for n, ((a, b), _, _) in enumerate(parts) if a <= first < b), None)
    if own is None or parts[own][2][0] != event.quantity:
        return [event]
    # (a gapped clause has no verb, "в Днепре — трое"; "пятеро ранены в Харькове" tells another act, its own trigger's)
    if any(doc.tokens[k].pos in VERBAL_POS for n, ((a, b), _, _) in enumerate(parts) if n != own
           for k in range(a, b)):
        return [event]
    told = {k for _, keys, _ in parts for k in keys}
    events = []
    for n, (_, keys, (value, start, end)) in enumerate(parts):
        if n == own:  # (places of the event outside its sentence stay with the trigger's segment)
            events.append(replace(event, places=tuple(keys) + tuple(k for k in event.places if k not in told),
                                  quantity=value))
        else:
            events.append(replace(event, trigger=doc.char_span(start, end), places=tuple(keys), quantity=value))
    return events
