"""Which capitalised words of a Russian or Ukrainian source read as a person's name, and in which case: the
nominative of a speaker ("Песков" is also read as the genitive of песок), the dative of an addressee ("Путину"),
and first names and surnames the tagger reads as other words ("Володимир Зеленський"). Tokens of a ``CyrDoc``
(cyrillic.py) in, yes or no out; sources_ru_uk.py finds the sources with them.
"""
from __future__ import annotations

from ..language.cyrillic import CASE_ORDER, CyrDoc, Token, has_reading, word_readings
from .speakers_ru_uk import is_name_word

GENDERS = ("masc", "femn", "neut", "plur")  # the gender (or plural number) an adjective shares with its noun


def nominative_name(doc: CyrDoc, t: Token) -> bool:
    """True for the last word of a name in the nominative, by the tagger or by a nominative name reading the
    dictionary gives it ("Песков" tagged as the genitive of песок is also a surname in the nominative)."""
    return "nomn" in t.tags or nominative_name_reading(doc, t)


def nominative_name_reading(doc: CyrDoc, t: Token) -> bool:
    """True when the dictionary reads a word, among its readings, as a first name or surname in the nominative."""
    return has_reading(t.text, doc.language, None, "nomn", "Surn") \
        or has_reading(t.text, doc.language, None, "nomn", "Name")


def addressee_name(doc: CyrDoc, t: Token) -> bool:
    """True for a capitalised word with a dative reading and none nominative ("Путину", "Володимиру"): a
    name told, not telling."""
    readings = word_readings(t.text, doc.language) if t.is_title else ()
    return any("datv" in tag for tag in readings) and not any("nomn" in tag for tag in readings)


def nominative_name_word(doc: CyrDoc, t: Token) -> bool:
    """True for a name word in the nominative, or a capitalised word whose nominative reading as a person's name
    the dictionary puts second ("Белоусов", read first as a genitive plural; not "Минобороны России")."""
    return is_name_word(doc, t) and "nomn" in t.tags or t.is_title and nominative_name_reading(doc, t)


def surname_after_first_name(doc: CyrDoc, k: int) -> bool:
    """True for the capitalised word at ``k`` right after a first name in the nominative that the name tagger
    reads as one person with it ("Сергей Рудской", whose surname the dictionary reads as an adjective in an
    oblique case): the surname, not an addressee's name."""
    before = doc.tokens[k - 1]
    return "Name" in before.tags and "nomn" in before.tags and doc.entity_label(k - 1) == "PER" \
        and doc.entity_label(k) == "PER" and doc.tokens[k].pos == "ADJF"


def first_and_surname(doc: CyrDoc, k: int) -> bool:
    """A Ukrainian first name and surname the tagger reads as other words ("Володимир Зеленський": a noun and an
    adjective): a capitalised noun in the nominative, then a word with a nominative surname reading."""
    toks = doc.tokens
    if doc.language != "uk" or k == 0 or toks[k - 1].sent != toks[k].sent \
            or not (toks[k].is_title and toks[k - 1].is_title):
        return False
    first, surname = toks[k - 1], toks[k]
    return first.pos == "NOUN" and "nomn" in first.tags and not first.text.isupper() \
        and has_reading(surname.text, "uk", None, "Surn", "nomn")


def name_initial(doc: CyrDoc, k: int) -> bool:
    """True for a capital letter and a full stop at token k, a name's initial ("В.Путин"), not the preposition "В"."""
    t = doc.tokens[k]
    return len(t.text) == 1 and t.text.isupper() and k + 1 < len(doc.tokens) and doc.tokens[k + 1].text == "."


def name_before_object(doc: CyrDoc, first: int, last: int) -> int | None:
    """Where the object starts in a phrase [first, last) before a verb that opens with a name ("Киев причастность к
    атаке отрицает", "Украина свою причастность отрицает"): the first lower-case accusative word after capitalised
    ones, or None."""
    toks = doc.tokens
    k = first
    while k < last and toks[k].is_title:
        k += 1
    if k == first or k >= last or not toks[k].is_word or toks[k].text[:1].isupper():
        return None
    accusative = "accs" in toks[k].tags or {"nomn", "inan"} <= toks[k].tags  # ("факт": one form for both cases)
    if toks[k].pos == "NOUN" and (toks[k - 1].pos == "ADJF" and _agree(toks[k - 1], toks[k]) or has_reading(
            toks[k - 1].text, doc.language, "ADJF", "nomn", *(g for g in GENDERS if g in toks[k].tags))):
        return None  # "Украинская сторона информацию ... опровергла": an adjective and its noun are one subject (the
        # adjective may read first as a surname: "Українська влада це не підтверджувала")
    return k if accusative and toks[k].pos in ("NOUN", "ADJF", "NPRO", "PRTF") else None


def _agree(adjective: Token, noun: Token) -> bool:
    """True when an adjective agrees with the noun after it in gender and case (its first readings)."""
    return any(f in adjective.tags and f in noun.tags for f in GENDERS) \
        and any(c in adjective.tags and c in noun.tags for c in CASE_ORDER)
