"""Russian and Ukrainian names and role phrases put in the nominative, as a source is written as a subject
("Владимира Рогова" -> "Владимир Рогов", "начальника Генштаба" -> "начальник Генштаба", "в Харківській обласній
військовій адміністрації" -> "Харківська обласна військова адміністрація"). Tokens in, strings out; pure.
"""
from __future__ import annotations

from ..language.cyrillic import CASE_ORDER, CyrDoc, Token, has_reading
from ..places.name_context_ru_uk import PERSON_TAGS
from ..language.nlp import load_morphology

# Case endings of a man's surname in -ов/-ев/-ин/-ын (declined as a possessive: "Суровикина", "Петрову"), and the
# suffixes such a surname ends with in the nominative.
MASCULINE_SURNAME_ENDINGS = {"gent": "а", "accs": "а", "datv": "у", "ablt": "ым", "loct": "е"}
POSSESSIVE_SURNAME_SUFFIXES = ("ов", "ев", "ёв", "ин", "ын", "ін", "їн")


def first_name_gender(t: Token, case: str | None, language: str) -> str | None:
    """The gender of a first name read in the phrase's case ("Петра" in the genitive: masc), else None."""
    if case is None or case == "nomn":
        return next((g for g in ("masc", "femn") if "Name" in t.tags and g in t.tags), None)
    genders = {g for p in load_morphology(language).parse(t.text) if case in p.tag and "Name" in p.tag
               for g in ("masc", "femn") if g in p.tag}
    return genders.pop() if len(genders) == 1 else None


def nominative_word(t: Token, case: str | None = None, language: str = "ru", gender: str | None = None) -> str:
    """A name word in the nominative; ``case`` is the case of the phrase (genitive after "по словам"); a word of a
    phrase in the nominative stays as written ("Апти Алаудинов", which the dictionary reads as a plural genitive).
    ``gender`` is that of the first name before a surname, which the surname shares: a surname the dictionary does
    not know is read as a noun of that gender ("Николая Олещука" -> Олещук, not a feminine Олещука)."""
    if case is not None and case != "nomn":
        # one person: a singular reading ("Александр" is no genitive plural of Александра)
        readings = [p for p in load_morphology(language).parse(t.text) if case in p.tag and "plur" not in p.tag]
        parses = [p for p in readings if set(str(p.tag).replace(" ", ",").split(",")) & PERSON_TAGS]
        if not parses:  # a surname declined as an adjective ("Сергея Череватого" -> Череватый)
            parses = [p for p in readings if p.tag.POS == "ADJF" and "masc" in p.tag] if t.is_title else []
        if not parses and gender is not None and t.is_title:
            parses = [p for p in readings if p.tag.POS == "NOUN" and gender in p.tag]
        if not parses and gender == "masc" and t.is_title:
            stem = _possessive_surname_stem(t.text, case)
            if stem is not None:
                return stem  # "Сергея Суровикина" -> Суровикин (the dictionary reads a village Суровикино)
        if parses:
            best = next((p for p in parses if (gender or "masc") in p.tag), parses[0])
            nominative = best.inflect({"nomn"})
            word = nominative.word if nominative is not None else best.normal_form
            if "ё" not in t.lower:  # spelt as the report spells it ("Ивана Федорова" -> Федоров, not Фёдоров)
                word = word.replace("ё", "е")
            return word[:1].upper() + word[1:]
    if case == "nomn" or "nomn" in t.tags or not t.tags & PERSON_TAGS or has_reading(
            t.text, language, None, "nomn", "Name") or has_reading(t.text, language, None, "nomn", "Surn"):
        if case in ("ablt", "datv", "loct") and case in t.tags and t.pos == "NOUN" and not t.tags & PERSON_TAGS:
            # a name the dictionary files as a plain noun, in a case no nominative shares ("с Макроном"; not
            # "Песков", which reads as the genitive plural of песок)
            return t.lemma[:1].upper() + t.lemma[1:]
        return t.text  # "Ганна" reads first as the genitive of a surname Ганн, but is a first name as written
    if "plur" in t.tags and t.is_title:
        return t.text  # one person is no plural: "Алаудинов" (read only as a genitive plural of Алаудин) is a surname
    return t.lemma[:1].upper() + t.lemma[1:]


def _possessive_surname_stem(word: str, case: str) -> str | None:
    """The nominative of a man's surname in -ов/-ев/-ин/-ын declined in ``case`` ("Суровикина", "Суровикину",
    "Суровикиным" -> Суровикин), or None for another word."""
    ending = MASCULINE_SURNAME_ENDINGS.get(case)
    if ending is None or not word.lower().endswith(ending):
        return None
    stem = word[:len(word) - len(ending)]
    return stem if stem.lower().endswith(POSSESSIVE_SURNAME_SUFFIXES) else None


def nominative_role(doc: CyrDoc, toks: list[Token], case: str | None) -> str:
    """The role words with their leading adjectives and head noun put in the nominative
    ("начальника Генштаба" -> "начальник Генштаба")."""
    text = doc.text[toks[0].start:toks[-1].end]
    if case in (None, "nomn"):
        return text
    morph = load_morphology(doc.language)
    case = shared_case(morph, toks, case)
    head = next((t for t in toks if t.pos == "NOUN"), None)
    noun = next((p for p in morph.parse(head.text) if case in p.tag and p.tag.POS == "NOUN"), None) if head else None
    words = []
    for t in toks:
        if "Fixd" in t.tags:  # an indeclinable word stays as written ("СМИ", "МАГАТЭ")
            words.append((t, t.text))
            if t.pos == "NOUN":
                break
            continue
        parses = [p for p in morph.parse(t.text) if case in p.tag and p.tag.POS in ("NOUN", "ADJF")]
        # an adjective in its noun's gender ("Национального ... комитета": masculine, not the neuter reading), and
        # as an adjective before its head ("Главном управлении": not the noun "главное")
        parse = next((p for p in parses if (p.tag.POS == "NOUN") == (t is head) and (
            noun is None or p.tag.POS == "NOUN" or p.tag.gender == noun.tag.gender)), parses[0] if parses else None)
        nominative = parse.inflect({"nomn"}) if parse is not None else None
        if nominative is None:
            break
        word = nominative.word
        words.append((t, word[:1].upper() + word[1:] if t.is_title else word))
        if parse.tag.POS == "NOUN":
            break
    pieces, cursor = [], toks[0].start
    for t, word in words:  # rebuild the text with the inflected words in place
        pieces += [doc.text[cursor:t.start], word]
        cursor = t.end
    text = "".join(pieces) + doc.text[cursor:toks[-1].end]
    return text


def shared_case(morph, toks: list[Token], case: str) -> str:
    """``case`` when every word up to the first noun has a reading in it, else the first case they all share
    ("Харківській обласній ... адміністрації", tagged dative and genitive: the locative they share)."""
    shared = None
    for t in toks:
        cases = {c for p in morph.parse(t.text) if p.tag.POS in ("NOUN", "ADJF") for c in CASE_ORDER if c in p.tag}
        shared = cases if shared is None else shared & cases
        if t.pos == "NOUN":
            break
    return case if not shared or case in shared else next(c for c in CASE_ORDER if c in shared)


def case_of(t: Token) -> str | None:
    """The first case grammeme of a token's reading, or None."""
    return next((c for c in CASE_ORDER if c in t.tags), None)
