"""Russian and Ukrainian words of captivity that tell no capture, for event_senses_ru_uk.py: captives carried ("Ил-76
с украинскими пленными разбился") and captivity left behind, from which people return ("из плена возвращены 95
военнослужащих", "повернула 95 військових, які перебували в полоні"). Pure: a CyrDoc and a trigger's token range in,
a decision out.
"""
from __future__ import annotations

from ..language.cyrillic import OUT_OF_PREPOSITIONS, WITH_OR_FROM_PREPOSITIONS, CyrDoc, plain_word

CAPTIVE_STEMS = ("пленн", "полонен", "военнопленн", "військовополонен")  # nouns of captives, after "с"/"з": company
# Nouns of captivity, after OUT_OF_PREPOSITIONS a return from it ("вернулись из плена", "повернули з полону"), or in
# a sentence of a return or exchange (RETURNING_STEMS: "повернула 95 військових, які перебували в полоні"): no capture.
CAPTIVITY_STEMS = ("плен", "полон")
RETURNING_STEMS = ("вернул", "вернут", "возвра", "поверн", "поверта", "обмен", "обмін")


def captives_carried(doc: CyrDoc, first: int, last: int) -> bool:
    """True for captives named after "с"/"з": whom something carries ("с украинскими пленными")."""
    return _noun_after(doc, first, last, CAPTIVE_STEMS, WITH_OR_FROM_PREPOSITIONS)


def captivity_left(doc: CyrDoc, first: int, last: int) -> bool:
    """True for captivity people return from: after "из"/"з" ("из украинского плена"), or in a sentence of a return
    or exchange (RETURNING_STEMS)."""
    if _noun_after(doc, first, last, CAPTIVITY_STEMS, OUT_OF_PREPOSITIONS):
        return True
    s = doc.sentence_of(first)
    return last - first == 1 and plain_word(doc.tokens[first].lower).startswith(CAPTIVITY_STEMS) \
        and any(plain_word(w.lower).startswith(RETURNING_STEMS) for w in doc.tokens[s.first:s.last])


def _noun_after(doc: CyrDoc, first: int, last: int, stems: tuple[str, ...], prepositions: frozenset[str]) -> bool:
    """True for a one-word trigger that is a noun of ``stems`` (or an adjective standing for one: "полоненими") after
    one of ``prepositions`` and its adjectives."""
    t = doc.tokens[first]
    if last - first != 1 or t.pos not in ("NOUN", "ADJF") or not plain_word(t.lower).startswith(stems):
        return False
    j = first - 1
    while j > doc.sentence_of(first).first and doc.tokens[j].pos in ("ADJF", "PRTF"):
        j -= 1
    return j >= 0 and doc.tokens[j].lower in prepositions
