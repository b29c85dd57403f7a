"""English headlines in Title Case, given the case of a sentence before they are parsed.

Many English outlets capitalise every word of a headline ("Russia Claims Capture of Krasnohorivka, Ukraine Says
Fighting Continues"). The parser then reads the verbs and nouns as names: "Claims Capture" becomes a name and the
claim is lost. :func:`sentence_cased` writes such a headline with its ordinary words in lower case and its names as
they stand ("Russia claims capture of Krasnohorivka, Ukraine says fighting continues"), each word keeping its length,
so that every character offset into it is an offset into the headline as published.

A word is ordinary when the English dictionary of spaCy's lemmatizer (WordNet's word lists, with its rules and
exceptions for inflected forms: "claims", "retaken") or the stop words know it. These stay capitalised: the first
word and the first after a label ("Ukraine War: Russian ..."), a name of the office-holder registry (the dictionary
lists "putin" and "trump" too), the words of an outlet of the outlet registry ("The New York Times"), a place of
Ukraine or Russia, a country, a world region or a big town the gazetteer knows ("Kharkiv", "Poland"), a word of a
nationality ("Russian"), an office ("President") and a body after one ("General Staff"), and an office or a body
named before "of" and a name ("Office of the President of Ukraine").
No parse is needed: a headline is parsed once, in the case of a sentence.

The headline, the English pipeline (for its lemmatizer's tables) and the gazetteer in, a string out; pure.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from ..events.event_triggers import NATIONALITIES
from ..places.gazetteer import Gazetteer
from ..attribution.office_holders import load_office_holders
from ..attribution.speakers import INSTITUTION_ANAPHOR_HEADS, TITLE_WORDS

# A headline is in Title Case when at least this share of its words of TITLE_WORD_LETTERS letters or more are
# capitalised: sentence-case headlines capitalise only their first word and names ("Russian strike kills 12 in
# Kharkiv, governor says": 3 of 6), Title Case nearly all (short words such as "of", "in" may stay lower).
TITLE_CASE_SHARE = 0.8
TITLE_WORD_LETTERS = 4
TITLE_CASE_MIN_WORDS = 3  # ... of that length: a shorter headline ("Meeting with Shoigu") says too little
# Words of a nationality or a people, capitalised in English wherever they stand.
NATIONALITY_WORDS = frozenset(NATIONALITIES) | frozenset({
    "european", "british", "french", "german", "chinese", "iranian", "turkish", "korean", "japanese", "indian",
    "italian", "hungarian", "romanian", "moldovan", "lithuanian", "latvian", "estonian", "finnish", "swedish",
    "norwegian", "danish", "dutch", "belgian", "czech", "slovak", "syrian", "crimean", "soviet", "kremlin"})
# Nouns of an office or a body, capitalised before "of" and a name ("President of Ukraine", "Office of the
# President", "Parliament of Canada"); an act before one is not ("Russia Claims Capture of Krasnohorivka").
BODY_WORDS = TITLE_WORDS | INSTITUTION_ANAPHOR_HEADS | frozenset({"parliament", "forces", "republic", "federation",
                                                                   "ministry", "union", "kingdom", "states"})
# Places whose names stay capitalised: those of Ukraine and Russia, countries and world regions, and towns this big
# ("Kharkiv", "Kursk", "Poland", "Paris"); not every hamlet that shares an ordinary word ("Area", "Hope").
WAR_COUNTRIES = frozenset({"UA", "RU"})
PROMINENT_TOWN = 100_000
WORD = re.compile(r"[A-Za-z]+")
LABEL_ENDS = (":", "—", "–", "-", "|")  # a headline's label before its statement ("Ukraine War: ...")


@dataclass(frozen=True)
class Dictionary:
    """spaCy's English lemmatizer tables: the words of each part of speech, exceptions and suffix rules."""

    index: dict
    exceptions: dict
    rules: dict

    def knows(self, word: str) -> bool:
        """True when ``word`` (lower case) is a dictionary word or an inflected form of one."""
        for pos, words in self.index.items():
            if word in words or word in self.exceptions.get(pos, {}):
                return True
            if any(word.endswith(old) and word[:len(word) - len(old)] + new in words
                   for old, new in self.rules.get(pos, ())):
                return True
        return False


@functools.lru_cache(maxsize=2)
def english_dictionary(nlp) -> Dictionary:
    """The English pipeline's lemmatizer tables as a :class:`Dictionary`, built once."""
    lookups = nlp.get_pipe("lemmatizer").lookups
    index = {pos: frozenset(words) for pos, words in lookups.get_table("lemma_index").items()}
    exceptions, rules = lookups.get_table("lemma_exc"), lookups.get_table("lemma_rules")
    return Dictionary(index, dict(exceptions.items()), dict(rules.items()))


@functools.lru_cache(maxsize=1)
def registry_names() -> frozenset[str]:
    """The lower-case words of the office holders' names and their aliases ("putin", "trump", "zelenskyy")."""
    return frozenset(w.lower() for term in load_office_holders() for name in term.person_names
                     for w in WORD.findall(name))


@functools.lru_cache(maxsize=1)
def outlet_names() -> frozenset[tuple[str, ...]]:
    """The lower-case words of the outlet registry's names and aliases of two words or more ("the new york times",
    "associated press"), whose words are names in a headline, not ordinary words."""
    from ...link.outlets import load_outlets  # (the registry is the linker's; imported when first needed)

    names = (name for o in load_outlets().outlets for name in (o.name, *o.aliases))
    return frozenset(words for name in names if len(words := tuple(w.lower() for w in WORD.findall(name))) > 1)


@functools.lru_cache(maxsize=1)
def _outlet_names_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """:func:`outlet_names` by their first word."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(outlet_names()):
        by_first.setdefault(name[0], []).append(name)
    return {first: tuple(names) for first, names in by_first.items()}


def _outlet_names(words: list[re.Match]) -> set[int]:
    """The indexes of the words that spell a registry outlet's name ("The New York Times Reports")."""
    lower = [w.group().lower() for w in words]
    by_first = _outlet_names_by_first_word()
    return {k for n, word in enumerate(lower) for name in by_first.get(word, ())
            if tuple(lower[n:n + len(name)]) == name for k in range(n, n + len(name))}


def is_title_case(title: str) -> bool:
    """True for a headline that capitalises (nearly) every word of TITLE_WORD_LETTERS letters or more."""
    words = [w for w in WORD.findall(title) if len(w) >= TITLE_WORD_LETTERS]
    if len(words) < TITLE_CASE_MIN_WORDS:
        return False
    return sum(w[0].isupper() and not w.isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def sentence_cased(title: str, dictionary: Dictionary, gaz: Gazetteer) -> str:
    """``title`` with its ordinary capitalised words in lower case (module docstring). Offsets are kept: a word
    whose lower case has another length stays as it is."""
    words = list(WORD.finditer(title))
    chars = list(title)
    kept: set[int] = _outlet_names(words)  # the capitalised words that stay, decided from the end ("of" looks ahead)
    for n in range(len(words) - 1, -1, -1):
        word, start = words[n].group(), words[n].start()
        if not word[0].isupper():
            continue
        first = not title[:start].strip() or title[:start].rstrip().endswith(LABEL_ENDS)
        after_office = n > 0 and words[n - 1].group()[0].isupper() and words[n - 1].group().lower() in TITLE_WORDS
        if n in kept or first or word.isupper() or len(word.lower()) != len(word) or _names(word, dictionary, gaz) \
                or _of_a_name(words, n, kept) or after_office and word.lower() in BODY_WORDS:  # "General Staff"
            kept.add(n)
        else:
            chars[start:start + len(word)] = word.lower()
    return "".join(chars)


def _names(word: str, dictionary: Dictionary, gaz: Gazetteer) -> bool:
    """True for a capitalised word that is a name (module docstring); a stop word never is ("From" is also a
    village)."""
    lower = word.lower()
    if lower in STOP_WORDS:
        return False
    return not dictionary.knows(lower) or lower in registry_names() or lower in NATIONALITY_WORDS \
        or lower in TITLE_WORDS or any(
            e.country in WAR_COUNTRIES or e.level in ("country", "region") or (e.population or 0) >= PROMINENT_TOWN
            for e in gaz.lookup(word, fuzzy=False))


def _of_a_name(words: list[re.Match], n: int, kept: set[int]) -> bool:
    """True for an office or a body before "of" (and "the") and a capitalised word that stays: "President of
    Ukraine"."""
    if words[n].group().lower() not in BODY_WORDS or n + 1 >= len(words) or words[n + 1].group().lower() != "of":
        return False
    k = n + 2 + (n + 2 < len(words) and words[n + 2].group().lower() == "the")
    return k in kept
