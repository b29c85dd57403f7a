"""Places a Russian or Ukrainian report names in a list of their own for an event its clause or sentence counted: a
bare list sentence next to it ("Організація гуманітарних коридорів. Суми, Тростянець, Ірпінь."), one opened by "Среди
них" ("освободили 20 населённых пунктов. Среди них Купянск и Изюм"), a breakdown opened by "Из них" ("Из них 11 — над
Брянской областью"), and a list after the dash that ends the clause ("заняли пять сел – Стрелечью, Пильну ...").
Token ranges over a ``CyrDoc`` (cyrillic.py) in, places out; event_places_ru_uk.py weighs them against the clause's.
"""
from __future__ import annotations

from collections.abc import Sequence

from ...models import Place
from ..language.cyrillic import CyrDoc
from .event_places import place_keys_within

# A bare list of places next to an event's sentence says where it happened (listed_places).
LISTED_PLACES_AT_LEAST = 2
LIST_JOINERS = frozenset({"і", "й", "та", "и", "а також", "также"})
# Openers of a sentence naming some of the settlements the sentence before counted ("Среди них Купянск и Изюм").
AMONG_THEM = (("среди", "них"), ("серед", "них"), ("в", "их", "числе"), ("у", "їх", "числі"), ("в", "їх", "числі"),
              ("в", "том", "числе"), ("у", "тому", "числі"))
AMONG_WORDS = frozenset({"среди", "серед"})  # ... also before a participle ("Серед звільнених — ...")
# Openers of a sentence that breaks down what the sentence before counted by place ("уничтожены 23 беспилотника. Из
# них 11 — над Брянской областью, шесть — над Курской ...").
BREAKDOWN_OPENERS = (("из", "них"), ("з", "них"), ("із", "них"))


def listed_places(doc: CyrDoc, number: int, places: Sequence[Place]) -> list[Place]:
    """The places of a bare list sentence right after or before sentence ``number`` in its paragraph
    ("Організація гуманітарних коридорів. Суми, Тростянець, Ірпінь."): an address names where an
    event happened in a list of its own. A list holds LISTED_PLACES_AT_LEAST places and nothing else
    but commas, "і", "та", "и" and capitalised names the gazetteer left unresolved. The sentence right
    after may open with "Среди них" / "Серед них" ("освободили 20 населённых пунктов. Среди них Купянск и
    Изюм"): then one place is a list."""
    for other in (number + 1, number - 1):
        if not 0 <= other < len(doc.sents):
            continue
        a, b = sorted((doc.sents[number], doc.sents[other]), key=lambda s: s.start)
        if "\n" in doc.text[a.end:b.start]:
            continue
        s = doc.sents[other]
        opener = next((len(w) for w in AMONG_THEM if other == number + 1
                       and tuple(t.lower for t in doc.tokens[s.first:s.first + len(w)]) == w), 0)
        if not opener and other == number + 1 and doc.tokens[s.first].lower in AMONG_WORDS \
                and s.first + 1 < s.last and doc.tokens[s.first + 1].pos in ("PRTF", "ADJF"):
            opener = 2  # "Серед звільнених — Благодатне, Макарівка ...": among those the act concerned
        inside = _bare_list(doc, s.first + opener, s.last, places)
        if len(inside) >= (1 if opener else LISTED_PLACES_AT_LEAST):
            return inside
    return []


def _list_run(doc: CyrDoc, first: int, last: int, places: Sequence[Place]) -> tuple[int, list[Place]]:
    """How far from token ``first`` (before ``last``) a list runs, and its places: tokens of places, punctuation,
    list joiners and capitalised names the gazetteer left unresolved."""
    a, b = doc.char_span(first, last)
    inside = [p for p in places if a <= p.span[0] and p.span[1] <= b]
    covered = lambda t: any(p.span[0] <= t.start < p.span[1] for p in inside)
    end = next((k for k in range(first, last) if not (covered(doc.tokens[k]) or not doc.tokens[k].is_word
                                                       or doc.tokens[k].lower in LIST_JOINERS
                                                       or doc.tokens[k].is_title)), last)
    stop = doc.tokens[end].start if end < last else b
    return end, [p for p in inside if p.span[1] <= stop]


def _bare_list(doc: CyrDoc, first: int, last: int, places: Sequence[Place]) -> list[Place]:
    """The places of tokens [first, last) when those hold nothing but a list (:func:`_list_run`); [] otherwise."""
    end, inside = _list_run(doc, first, last, places)
    return inside if end == last else []


def dash_listed_places(doc: CyrDoc, c_last: int, places: Sequence[Place]) -> list[Place]:
    """The settlements of a list after the dash that ends a clause, up to the end of the sentence, the next break or
    a comma before other words ("заняли пять сел на севере Харьковской области – Стрелечью, Пильну, Красное,
    Борисовку и Огирцево, заявили в Минобороны"): the list names the places the clause counted. [] otherwise."""
    toks = doc.tokens
    if c_last >= len(toks) or toks[c_last].text not in ("—", "–"):
        return []
    s = doc.sentence_of(c_last)
    bound = next((k for k in range(c_last + 1, s.last) if toks[k].text in (";", "—", "–")), s.last)
    end, inside = _list_run(doc, c_last + 1, bound, places)
    if end < bound and toks[end - 1].text != ",":
        return []
    return [p for p in inside if p.level == "settlement"]


def broken_down_places(doc: CyrDoc, number: int, places: Sequence[Place]) -> tuple[str, ...]:
    """The places of the sentence right after sentence ``number`` in its paragraph when it opens with "Из них" / "З
    них" and breaks down by place what this one counted; () otherwise."""
    if number + 1 >= len(doc.sents) or "\n" in doc.text[doc.sents[number].end:doc.sents[number + 1].start]:
        return ()
    s = doc.sents[number + 1]
    if not any(tuple(t.lower for t in doc.tokens[s.first:s.first + len(w)]) == w for w in BREAKDOWN_OPENERS):
        return ()
    return place_keys_within(places, [(s.start, s.end)])
