"""The arguments of a control event in Russian or Ukrainian (events_ru_uk.py): who holds a place "под контролем"
says (:func:`holder_after`), and every settlement a list coordinates with the one it names
(:func:`coordinated_place_keys`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ...models import Place
from ..language.cyrillic import CyrDoc
from ..event_places.event_places import event_place_key
from ..places.name_context_ru_uk import SETTLEMENT_NOUNS

# Event types of the control ledger (control.STATUS_KINDS), which counts one row per settlement: every
# settlement coordinated with one the event names is the event's too ("освободили Курахово, Дальнее и
# Катериновку", "бои в районе Покровска, Мирнограда и Селидово").
COORDINATED_KINDS = frozenset({"territory_control", "withdrawal", "attack_repelled", "clash"})
# What may stand between two coordinated names: commas, "и", "і", "й", "та", "а также", "а також".
COORDINATION_GAP = re.compile(r"\s*(?:,\s*(?:(?:и|і|й|та|а\s+также|а\s+також)\s+)?|(?:и|і|й|та|а\s+также|а\s+також)\s+)"
                              r"(?:(?:населенн|населен)\w*\s+пункт\w*\s+|(?:сел|посел|поселк|город|міст)\w*\s+)?",
                              re.IGNORECASE)  # (the next item's own noun: "..., а также населенных пунктов X и Y")
# The word of a holder's control in the instrumental: who follows holds the place ("под контролем ВСУ").
HELD_BY_WORDS = frozenset({"контролем"})
PASSING_LEMMAS = frozenset({"перейти", "переходить", "переходити"})  # "перейти под контроль X": X holds it
HOLDER_WINDOW = 4  # words after "под контролем" that may name who holds the place


def holder_after(doc: CyrDoc, first: int, last: int) -> tuple[int, int] | None:
    """Who holds a place "под контролем" / "під контролем" in a trigger (tokens [first, last)) says: the phrase
    right after that word up to punctuation ("находится под контролем Вооружённых сил Украины", "город под
    контролем украинских сил") or into whose control it passed ("перешла под контроль российских войск", "под
    контроль ВС РФ перешли"), as a token range, else None."""
    passing = any(set(doc.tokens[k].lemmas) & PASSING_LEMMAS for k in range(first, last))
    held = next((k for k in range(first, last) if doc.tokens[k].lower in HELD_BY_WORDS
                 or passing and doc.tokens[k].lower == "контроль"), None)
    if held is None:
        return None
    s = doc.sentence_of(held)
    start = end = held + 1
    while end < min(s.last, start + HOLDER_WINDOW) and doc.tokens[end].pos in ("NOUN", "ADJF", "PRTF", None) \
            and doc.tokens[end].is_word:
        end += 1
    return (start, end) if end > start else None


def coordinated_place_keys(doc: CyrDoc, kind: str, keys: Sequence[str], places: Sequence[Place],
                           last: int | None = None) -> tuple[str, ...]:
    """``keys`` (an event's places) with the settlements coordinated with one of them added, for the
    control-ledger types (:data:`COORDINATED_KINDS`): a settlement joined to a named one only by commas and
    "и"/"та"/"і"/"й"/"а также" on either side, in text order (in the trigger's sentence, when it names one of
    them: "... отвод войск из районов Балаклеи и Изюма" adds nothing to "заняли Купянск и Изюм"). A trigger that
    ends with its preposition ("выведены из", "отброшены от"; tokens [.., ``last``)) has the settlement right after it
    first."""
    if kind not in COORDINATED_KINDS:
        return tuple(keys)
    ordered = sorted(places, key=lambda p: p.span)  # a list runs on through names left unresolved
    settlement = lambda p: p.level == "settlement" and bool(p.ref or p.name)
    found = list(keys)
    if last is not None and 0 < last < len(doc.tokens) and doc.tokens[last - 1].pos == "PREP":
        after = [p for p in ordered if p.span[0] == doc.tokens[last].start and settlement(p)]
        if after and event_place_key(after[0]) not in found:
            found.insert(0, event_place_key(after[0]))
    named = [n for n, p in enumerate(ordered) if settlement(p) and event_place_key(p) in keys]
    if last is not None and 0 < last <= len(doc.tokens):  # the mentions of the trigger's sentence, when it has any:
        s = doc.sentence_of(last - 1)  # another sentence naming one of them lists what it says of them; one before
        inside = [n for n in named if s.start <= ordered[n].span[0] < s.end]
        if not inside and any(set(t.lemmas) & SETTLEMENT_NOUNS and "sing" in t.tags
                              for t in doc.tokens[s.first:s.last]):
            return tuple(found)  # "Бои у Волчанска и Липцев. ... контролируют 70% города": the one town referred to
        # (else one before it, whose place it took, not a later list)
        named = inside or [n for n in named if ordered[n].span[0] < s.start]
    for n in named:
        for step in (1, -1):
            k = n
            while 0 <= k + step < len(ordered):
                a, b = sorted((ordered[k], ordered[k + step]), key=lambda p: p.span)
                gap = doc.text[a.span[1]:b.span[0]]
                if step == 1 and not gap.strip() and b.level in ("oblast", "raion") and settlement(a):
                    k += step  # "Суджа Курской области, а также ...": the area of the settlement before, stepped over
                    continue
                if not COORDINATION_GAP.fullmatch(gap):
                    break
                k += step
                if settlement(ordered[k]) and event_place_key(ordered[k]) not in found:
                    found.append(event_place_key(ordered[k]))
    return tuple(found)
