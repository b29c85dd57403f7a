"""Forms of the words of a Ukrainian or Russian place name, so that the gazetteer finds the name however it is
inflected ("у Вовчанську", "в Волчанске", "Куп'янську-Вузловому").

``word_forms(word)`` gives a (normalised, lower-case) word's dictionary forms and nominatives in both languages
(pymorphy3) and, for a name the dictionary does not know, its stem with each nominative ending. Memoised:
inflecting is the costly part of a look-up (it once took half of the Ukrainian pipeline's place time), and
names repeat across articles. Pure: a word in, its forms out.
"""
from __future__ import annotations

import functools

from .name_keys import normalise
from ..language.nlp import load_morphology

# Case endings of Ukrainian and Russian nouns and adjectives, swapped for nominative endings when the
# morphological analyser does not know a (rare) place name.
CASE_ENDINGS = ("ому", "ого", "ою", "ій", "ої", "ах", "ях", "ами", "ями", "ові", "еві", "ом", "ем", "ою",
                "у", "ю", "і", "е", "а", "я", "и", "ы")
NOMINATIVE_ENDINGS = ("", "а", "я", "е", "о", "і", "и", "ь", "ка", "ий", "а")
MIN_STEM = 3  # letters a stem keeps when a case ending is cut off
MAX_FORM_COMBINATIONS = 400  # cap on word-form products tried for a multi-word name (dict look-ups)
HYPHEN_PART_FORMS = 6  # forms of each part of a hyphenated name that are combined
WORD_FORMS_MEMO = 50_000  # name words whose forms are kept (a few MB)


@functools.lru_cache(maxsize=WORD_FORMS_MEMO)
def word_forms(word: str) -> tuple[str, ...]:
    """The forms of one normalised name word to look up, the word itself among them; a hyphenated word is
    inflected part by part ("Куп'янську-Вузловому" -> "куп'янськ-вузлове", ...)."""
    if "-" in word:
        parts = [word_forms(part) for part in word.split("-")]
        return tuple(dict.fromkeys(["-".join(p[0] for p in parts)] + ["-".join(c) for c in _combinations(parts)]))
    forms = []
    for language in ("uk", "ru"):
        for p in load_morphology(language).parse(word):
            forms.append(normalise(p.normal_form))
            nominative = p.inflect({"nomn"})
            if nominative is not None:
                forms.append(normalise(nominative.word))
    forms.append(word)
    for ending in CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            stem = word[: -len(ending)]
            forms += [stem + e for e in NOMINATIVE_ENDINGS]
    return tuple(dict.fromkeys(forms))


def _combinations(parts: list[tuple[str, ...]]) -> list[list[str]]:
    """Every choice of one form per part (the first HYPHEN_PART_FORMS of each), at most MAX_FORM_COMBINATIONS."""
    combos: list[list[str]] = [[]]
    for forms in parts:
        combos = [c + [f] for c in combos for f in forms[:HYPHEN_PART_FORMS]]
    return combos[:MAX_FORM_COMBINATIONS]
