"""Russian villages the gazetteer lacks: names a report gives as settlements, read as places with no ref.

The gazetteer holds every Ukrainian settlement (KATOTTG) but of Russia only the GeoNames places of 500 people
or more in the border regions, so the villages of the Kursk and Belgorod fighting ("освобождены населенные
пункты Мартыновка, Мальцевка и Мирный", "обстрелу подверглось село Козинка") are unknown to it. The annotation
guide (data/dev/README.md, section D) gives such a village ref null and its canonical English name; this
module finds the names and writes that name. Pure: a CyrDoc in, token spans and names out.

A name is an unlisted village when a settlement noun governs it, right before it or before the list it closes
("село Козинка", "населенные пункты Мартыновка, Мальцевка и Мирный", "н.п. Плехово", "населенных пунктов, в том
числе Снагость и Апанасовка", also across a dash:
"три населенных пункта в Курской области — Мартыновку, ...") or a verb or noun of taking
or shelling ground ("освобождены Мирный, Малая Локня и Черкасская Конопелька"), or when it is a word no dictionary
knows as a common word in a list a region closes ("Сподарюшино и Нехотеевка Белгородской области").
places_ru_uk.py keeps it only in a Russian setting: an oblast or raion of Russia stated for it, or a report naming
a Russian border place with no Ukrainian one in the name's sentence.
"""
from __future__ import annotations

import functools
import re

from ..language.cyrillic import DASHES, CyrDoc, Token
from .name_context_ru_uk import (
    LIST_JOINERS, LIST_REACH, MAX_NAME_TOKENS, SETTLEMENT_NOUNS, abbreviated_settlement_noun, including_ending_at,
)
from ..language.nlp import load_morphology
from ..attribution.romanisation import romanise
from ..events.taken_objects_ru_uk import after_taking_word

# Dictionary tags of a name's readings: a toponym, the nominative, and a noun's gender for its adjective.
GEOX, NOMINATIVE, POSSESSIVE = "Geox", "nomn", "Poss"
REGION_HEADS = frozenset({"область", "район", "округ", "край"})  # a region that closes a list of villages
GENDERS = ("masc", "femn", "neut")
# A list after a dash names the settlements a noun before it counts, within this many tokens ("освободили три
# населенных пункта в Курской области — Мартыновку, ..."): the noun, its place and the dash.
DASHED_NOUN_REACH = 6
LATIN = re.compile("[a-z]", re.IGNORECASE)
# Words that take a village's name in the genitive ("в районе Ольговки", "у Ольговки", "из Ольговки").
GENITIVE_GOVERNORS = frozenset({"района", "районе", "районах", "окрестностях", "окраине", "окраинах", "у", "возле",
                                "около", "близ", "вблизи", "из", "от", "до"})


def settlement_noun_names(doc: CyrDoc, taken: set[int]) -> list[tuple[int, int]]:
    """Token spans [start, end) of the capitalised names (runs of up to MAX_NAME_TOKENS words) that a
    settlement noun governs, directly or through a list of names, leaving out tokens in ``taken``."""
    toks, found, i = doc.tokens, [], 0
    while i < len(toks):
        if i in taken or not _name_word(toks[i]) or not _governed(doc, i):
            i += 1
            continue
        end = i + 1
        while end < len(toks) and end - i < MAX_NAME_TOKENS and end not in taken and _name_word(toks[end]) \
                and toks[end].sent == toks[i].sent:
            end += 1
        found.append((i, end))
        i = end
    return found


def _name_word(t: Token) -> bool:
    """True for a capitalised word in Cyrillic letters only: a village's name has no Latin letter ("FPV-дрон")."""
    return t.is_word and t.is_title and not LATIN.search(t.text)


def _governed(doc: CyrDoc, i: int) -> bool:
    """True when a settlement noun (or its abbreviation) comes right before token i, or before a list of
    capitalised names with commas, "и", "та" between that token i goes on, or when token i opens such a list of
    names no dictionary knows as words that a region closes ("на участках Сподарюшино и Нехотеевка Белгородской
    области")."""
    toks, j = doc.tokens, i - 1
    if _region_closes(doc, i):
        return True
    while j >= max(0, i - LIST_REACH) and toks[j].sent == toks[i].sent:
        if set(toks[j].lemmas) & SETTLEMENT_NOUNS or abbreviated_settlement_noun(doc, j + 1):
            return True
        if after_taking_word(doc, j + 1) and doc.language == "ru" and _names_no_word(doc, i):
            return True  # "освобождены Мирный, Малая Локня и Черкасская Конопелька": what was taken
        if toks[j].text in DASHES:  # "три населенных пункта в Курской области — Мартыновку, Малую Локню и Мирный"
            return any(set(t.lemmas) & SETTLEMENT_NOUNS for t in toks[max(0, j - DASHED_NOUN_REACH):j]
                       if t.sent == toks[i].sent)
        including = including_ending_at(doc, j)
        if including:  # "освобождены десять населенных пунктов, в том числе Снагость, Апанасовка и Гордеевка"
            j -= including
            continue
        if toks[j].lower not in LIST_JOINERS and not (toks[j].is_word and toks[j].is_title):
            return False
        j -= 1
    return False


def _names_no_word(doc: CyrDoc, i: int) -> bool:
    """True when the name opening at token i, or its second word ("Малая Локня"), is no word of the dictionary's
    common vocabulary (:func:`_village_like`) and no abbreviation in capitals ("обстрела ВСУ" names who shelled)."""
    toks = doc.tokens
    second = i + 1 < len(toks) and toks[i + 1].is_title and toks[i + 1].is_word and toks[i + 1].sent == toks[i].sent
    return not toks[i].text.isupper() and (
        _village_like(toks[i].text) or second and not toks[i + 1].text.isupper() and _village_like(toks[i + 1].text))


def _region_closes(doc: CyrDoc, i: int) -> bool:
    """True when tokens from i on are capitalised village-like names, joined by commas or "и", right before a
    region in the genitive ("Сподарюшино и Нехотеевка Белгородской области"): an adjective and REGION_HEADS."""
    toks, j = doc.tokens, i
    reach = min(len(toks) - 1, i + LIST_REACH)
    if doc.language != "ru" or not any(set(t.lemmas) & REGION_HEADS for t in toks[i + 1:reach + 1]):
        return False  # (no region closes a list here: the dictionary need not be asked of each word)
    while j < reach and toks[j].sent == toks[i].sent:
        if toks[j].is_word and toks[j].is_title and _village_like(toks[j].text):
            j += 1
        elif toks[j].lower in LIST_JOINERS and j > i:
            j += 1
        elif toks[j].is_title and toks[j].pos == "ADJF" and "gent" in toks[j].tags and j > i \
                and set(toks[j + 1].lemmas) & REGION_HEADS:
            return True
        else:
            return False
    return False


@functools.lru_cache(maxsize=50_000)
def _village_like(word: str) -> bool:
    """True for a word the dictionary does not know, or knows as a toponym or a possessive adjective only
    ("Сподарюшино", "Нехотеевка", "Тёткино"): no common noun or verb that a capital letter opens a sentence with."""
    morph = load_morphology("ru")
    lower = word.lower()
    parses = morph.parse(lower)
    return not morph.word_is_known(lower) or any(GEOX in _grammemes(p) for p in parses) \
        or all(POSSESSIVE in _grammemes(p) for p in parses)


def village_name(doc: CyrDoc, start: int, end: int) -> str:
    """The canonical English name of the village in tokens [start, end): its nominative (the dictionary's
    toponym reading, else the word as written when it may be a nominative, else its lemma; an adjective
    agreeing with the last word's gender) romanised as the press writes Russian ("Мальцевку" -> Maltsevka,
    "Казачью Локню" -> Kazachya Loknya)."""
    morph = load_morphology("ru")
    genitive = _governed_in_genitive(doc, start)
    words = [_nominative(morph, doc.tokens[k].text, genitive) for k in range(start, end)]
    head = _best(morph.parse(doc.tokens[end - 1].text.lower()))
    gender = next((g for g in GENDERS if head is not None and g in _grammemes(head)), None)
    for k in range(end - start - 1):
        parse = _best(morph.parse(doc.tokens[start + k].text.lower()))
        if parse is not None and "ADJF" in _grammemes(parse) and gender is not None:
            inflected = parse.inflect({NOMINATIVE, gender, "sing"})
            if inflected is not None:
                words[k] = inflected.word
    return " ".join("-".join(part[:1].upper() + part[1:] for part in romanise(w, "ru").split("-")) for w in words)


def _governed_in_genitive(doc: CyrDoc, start: int) -> bool:
    """True when the word that governs the name at ``start`` (before it, or before the list of names it ends) takes
    the genitive ("в районах Кореневого и Ольговки", "у Ольговки")."""
    j = start - 1
    while j >= 0 and (doc.tokens[j].is_title or doc.tokens[j].lower in LIST_JOINERS) \
            and doc.tokens[j].sent == doc.tokens[start].sent:
        j -= 1
    return j >= 0 and doc.tokens[j].lower in GENITIVE_GOVERNORS


def _nominative(morph, word: str, genitive: bool = False) -> str:
    parses = morph.parse(word.lower())
    toponym = next((p for p in parses if GEOX in _grammemes(p)), None)
    if toponym is not None:
        return toponym.normal_form
    singular = next((p for p in parses if {"gent", "sing"} <= _grammemes(p) and p.tag.POS == "NOUN"), None)
    if genitive and singular is not None:
        return singular.normal_form  # "у Ольговки": Ольговка, not a plural "Ольговки"
    if any(NOMINATIVE in _grammemes(p) for p in parses):
        return word.lower()
    if word.lower().endswith("у") and not genitive and not any("accs" in _grammemes(p) for p in parses):
        # an accusative the dictionary does not know is a feminine one in -у, as villages in -ка are ("освободили
        # Козачку": Козачка, not the dative of "козачок")
        return word.lower()[:-1] + "а"
    return _best(parses).normal_form if parses else word.lower()


def _best(parses):
    """The toponym reading of a word, else its first noun or adjective reading, else its first."""
    return next((p for p in parses if GEOX in _grammemes(p)), None) or next(
        (p for p in parses if p.tag.POS in ("NOUN", "ADJF")), None) or (parses[0] if parses else None)


def _grammemes(parse) -> frozenset[str]:
    """The grammemes of a reading, as strings (a tag's ``in`` rejects a grammeme its dictionary lacks)."""
    return frozenset(str(parse.tag).replace(" ", ",").split(","))
