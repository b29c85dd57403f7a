"""Russian villages the gazetteer lacks in English copy: names a report gives as villages ("repelled attacks near
the villages of Tolpino and Obshchy Kolodez"), read as places with no ref and their name as written.

The gazetteer holds of Russia only the GeoNames places of 500 people or more in the border regions, so the villages
of the Kursk and Belgorod fighting are unknown to it; the annotation guide (data/dev/README.md, section D) gives such
a village ref null and its English name, which wire copy already writes. places.py adds the mentions
(:func:`village_mentions`); place_resolution.py names an unresolved one a village noun governs
(:func:`village_governed`) in a Russian setting (:func:`russian_setting`). The Russian-language counterpart is
unlisted_villages_ru.py. Pure: a spaCy Doc in, token spans and decisions out.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..language.doc_cache import tokens_where
from .gazetteer import Entry

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Nouns that name what follows them as villages ("the villages of A, B and C", "the settlement of X").
VILLAGE_NOUNS = frozenset({"village", "villages", "settlement", "settlements", "hamlet", "hamlets"})
NAME_JOINERS = frozenset({",", "and"})
MAX_NAME_TOKENS = 3  # longest capitalised run read as one village name ("Obshchy Kolodez", "Novy Put")
LOCAL_LEVELS = frozenset({"settlement", "raion", "oblast"})  # levels that set a report in a country


def village_mentions(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Token spans [start, end) of the capitalised names a village noun governs ("villages of Tolpino and Obshchy
    Kolodez": both), leaving out tokens in ``taken``."""
    found = []
    for noun in tokens_where(doc, "LOWER", VILLAGE_NOUNS):
        if noun.i + 2 >= len(doc) or doc[noun.i + 1].lower_ != "of":
            continue
        i = noun.i + 2
        while i < len(doc) and doc[i].sent == noun.sent:
            end = i
            while end < len(doc) and end - i < MAX_NAME_TOKENS and doc[end].text[:1].isupper() \
                    and doc[end].is_alpha and doc[end].sent == noun.sent:
                end += 1
            if end == i:
                break
            if not any(k in taken for k in range(i, end)):
                found.append((i, end))
            if end + 1 < len(doc) and doc[end].lower_ in NAME_JOINERS and doc[end + 1].text[:1].isupper():
                i = end + 1
            elif end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "and":
                i = end + 2  # "A, B, and C"
            else:
                break
    return found


def village_governed(doc: Doc, start: int) -> bool:
    """True when the name at token ``start`` follows a village noun and "of", directly or through a list."""
    i = start - 1
    while i >= 1:
        if doc[i].lower_ == "of" and doc[i - 1].lower_ in VILLAGE_NOUNS:
            return True
        if doc[i].lower_ not in NAME_JOINERS and not doc[i].text[:1].isupper():
            return False
        i -= 1
    return False


def russian_setting(sentence: int, resolved: Sequence[tuple[int, Entry]]) -> bool:
    """True when a village of sentence number ``sentence`` lies in Russia by its report: the report's settlements and
    regions (``resolved``: (sentence number, entry) pairs) name a Russian one, in that sentence or the one before,
    or anywhere when no Ukrainian one is named, and none of Ukraine in its own sentence."""
    local = [(s, e) for s, e in resolved if e.level in LOCAL_LEVELS]
    russian = {s for s, e in local if e.country == "RU"}
    ukrainian = {s for s, e in local if e.country == "UA"}
    if sentence in ukrainian:
        return False
    return bool({sentence, sentence - 1} & russian) or bool(russian) and not ukrainian
