"""The Russian and Ukrainian cue lexicon: reporting verbs by role, light-verb phrases, adjunct phrases
("по словам", "за даними") and hedges, read from data/lexicons/attribution_cues_ru_uk.tsv and
hedges_ru_uk.tsv for attribution_ru_uk.py.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..language.lexicon_files import lexicon_rows

CUES_FILE = "attribution_cues_ru_uk.tsv"
# Verbs of commenting: negated, they report no claim ("не комментируют") and tell no act ("не стали комментировать
# удар"); attribution_ru_uk.py and events_ru_uk.py read them so.
COMMENTING_LEMMAS = frozenset({"комментировать", "прокомментировать", "коментувати", "прокоментувати"})
# ... and so do verbs of announcing, negated ("Минобороны пока не заявляло о взятии города", "В Генштабе об утрате
# сел не сообщали"): the act is what no one has announced, claimed by nobody (events_ru_uk.py drops it).
ANNOUNCING_LEMMAS = frozenset({"сообщать", "сообщить", "заявлять", "заявить", "объявлять", "объявить",
                               "повідомляти", "повідомити", "заявляти", "заявити", "оголошувати", "оголосити"})
# Verbs of linking one thing with another ("удар по НПЗ связывают с операцией СБУ"): the claim is the object fronted
# before the cue together with what it is linked with after it.
LINKING_LEMMAS = frozenset({"связывать", "связать", "пов'язувати", "пов'язати"})
HEDGES_FILE = "hedges_ru_uk.tsv"


@dataclass(frozen=True)
class CueLexicon:
    """Cue lemmas by role and adjunct phrases (lower-case word tuples) for one language pair."""

    verbs: frozenset[str]
    np_verbs: frozenset[str]
    passives: frozenset[str]
    light: dict[str, frozenset[str]]  # verb lemma -> the nouns it makes a cue with
    according: tuple[tuple[str, ...], ...]
    hedges: tuple[str, ...]


@functools.lru_cache(maxsize=None)
def load_cue_lexicon() -> CueLexicon:
    """Read the packaged cue and hedge lexicons (both languages together: the lemmas do not collide)."""
    verbs, np_verbs, passives, light, according = set(), set(), set(), {}, []
    for row in lexicon_rows(CUES_FILE):
        phrase, role = row[0], row[1]
        if role == "verb":
            verbs.add(phrase)
        elif role == "np_verb":
            np_verbs.add(phrase)
        elif role == "passive":
            passives.add(phrase)
        elif role == "light":
            light.setdefault(phrase, set()).add(row[3])
        elif role == "according":
            according.append(tuple(phrase.split()))
    hedges = tuple(dict.fromkeys(row[0] for row in lexicon_rows(HEDGES_FILE)))
    according.sort(key=len, reverse=True)
    return CueLexicon(frozenset(verbs), frozenset(np_verbs), frozenset(passives),
                     {verb: frozenset(nouns) for verb, nouns in light.items()}, tuple(according), hedges)


@functools.lru_cache(maxsize=2)
def _according_index(according: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in according:
        index.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(phrases) for word, phrases in index.items()}


def according_by_first_word(lex: CueLexicon) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Adjunct phrases by their first word, longest first."""
    return _according_index(lex.according)
