"""Numbers in Russian and Ukrainian text: digits with thin or plain spaces between groups ("3 000"), decimals before a
multiplier ("1,5 тыс."), number words by their pymorphy3 lemmas, compound numerals ("28 тисяч 893", "двести
сорок"), halves ("полторы тысячи", "четыре с половиной тысячи") and round-number nouns ("около десятка"); and
whether a number measures (a percentage, a distance, a duration, a sum, a date) or names a unit ("47-й бригады")
rather than counting. ``number_at(doc, k)`` reads one at token k of a ``CyrDoc``; quantities_ru_uk.py finds the
one that counts an event. Pure: tokens in, values out.
"""
from __future__ import annotations

import re

from .cyrillic import CyrDoc, plain_word

# Words of an unnamed count besides numbers ("ряд населённых пунктов", "несколько сёл"), and numbers that are nouns
# ("десяток", "сотня"): neither names one thing.
SEVERAL_LEMMAS = frozenset({"несколько", "ряд", "кілька", "декілька", "множество", "десяток", "десятки"})
ROUND_NUMBER_NOUNS = frozenset({"десяток", "сотня", "тысяча", "тисяча", "дюжина"})
# Number words (lemmas) of both languages; vague ones ("десятки", "сотни") give no count.
NUMBER_LEMMAS = {
    "один": 1, "одна": 1, "два": 2, "две": 2, "дві": 2, "три": 3, "четыре": 4, "чотири": 4, "пять": 5,
    "п'ять": 5, "шесть": 6, "шість": 6, "семь": 7, "сім": 7, "восемь": 8, "вісім": 8, "девять": 9,
    "дев'ять": 9, "десять": 10, "одиннадцать": 11, "одинадцять": 11, "двенадцать": 12, "дванадцять": 12,
    "пятнадцать": 15, "п'ятнадцять": 15, "двадцать": 20, "двадцять": 20, "тридцать": 30, "тридцять": 30,
    "сорок": 40, "пятьдесят": 50, "п'ятдесят": 50, "сто": 100, "двести": 200, "двісті": 200,
    "двое": 2, "троє": 3, "трое": 3, "четверо": 4, "пятеро": 5, "п'ятеро": 5, "двоє": 2,
    "тринадцать": 13, "тринадцять": 13, "четырнадцать": 14, "чотирнадцять": 14, "шестнадцать": 16,
    "шістнадцять": 16, "семнадцать": 17, "сімнадцять": 17, "восемнадцать": 18, "вісімнадцять": 18,
    "девятнадцать": 19, "дев'ятнадцять": 19, "шестьдесят": 60, "шістдесят": 60, "семьдесят": 70,
    "сімдесят": 70, "восемьдесят": 80, "вісімдесят": 80, "девяносто": 90, "дев'яносто": 90,
    "триста": 300, "четыреста": 400, "чотириста": 400, "пятьсот": 500, "п'ятсот": 500,
    "шестьсот": 600, "шістсот": 600, "семьсот": 700, "сімсот": 700, "восемьсот": 800,
    "вісімсот": 800, "девятьсот": 900, "дев'ятсот": 900,
    "шестеро": 6, "семеро": 7, "восьмеро": 8, "девятеро": 9, "десятеро": 10, "дев'ятеро": 9,
    "одинадцятеро": 11, "дванадцятеро": 12, "тринадцятеро": 13, "чотирнадцятеро": 14, "п'ятнадцятеро": 15,
    "шістнадцятеро": 16, "сімнадцятеро": 17, "вісімнадцятеро": 18, "дев'ятнадцятеро": 19, "двадцятеро": 20,
    "тридцятеро": 30,
    "полсотни": 50, "полсотня": 50, "полтысяча": 500, "полтысячи": 500, "півсотні": 50, "півтисячі": 500,
    # adverbs of times, which count attacks ("трижды атаковал позиции", "тричі штурмували")
    "дважды": 2, "трижды": 3, "четырежды": 4, "двічі": 2, "тричі": 3,
}
MULTIPLIERS = {"тысяча": 1_000, "тисяча": 1_000, "миллион": 1_000_000, "мільйон": 1_000_000,
               "десяток": 10, "сотня": 100, "тыс": 1_000, "тис": 1_000, "млн": 1_000_000,
               "десятка": 10}  # (the Ukrainian dictionary's lemma of "півтора десятка")
# A decimal before a multiplier ("1,5 тыс.", "2,3 тысячи"): a count in thousands or millions.
ABBREVIATED = frozenset({"тыс", "тис", "млн"})  # multipliers written with a full stop, which ends no sentence
DECIMAL = re.compile(r"(\d+)[.,](\d{1,3})")
# "полтора / півтора" (one and a half) counts only with a multiplier after it: "полторы тысячи" (1500),
# "полтора десятка" (15).
HALF_LEMMAS = frozenset({"полтора", "полторы", "півтора", "півтори"})
# "N с половиной / з половиною" before a multiplier: N and a half thousand ("четыре с половиной тысячи", 4500).
AND_A_HALF = (frozenset({"с", "со", "з", "із"}), frozenset({"половина", "половиною"}))
# A round-number noun alone is a count in its singular forms ("около десятка" 10, "свыше тысячи" 1000,
# "сотню" 100); its plural is vague ("десятки", "сотни жителей": no count, as "dozens" in quantities.py).
# The forms that are also plural ("тысячи", "сотни", "тисячі", "сотні", "десятки") count only after a
# word that takes the genitive singular of a quantity ("около", "более", "свыше", "понад", "близько").
ROUND_SINGULAR = {"десяток": 10, "десятка": 10, "десятку": 10, "десятком": 10, "сотня": 100, "сотню": 100,
                  "сотней": 100, "сотнею": 100, "тысяча": 1_000, "тысячу": 1_000, "тысячей": 1_000,
                  "тисяча": 1_000, "тисячу": 1_000, "тисячею": 1_000}
ROUND_AMBIGUOUS = {"тысячи": 1_000, "сотни": 100, "тисячі": 1_000, "сотні": 100}
QUANTITY_PREPOSITIONS = frozenset({"около", "более", "свыше", "менее", "порядка", "почти", "больше", "до",
                                   "понад", "близько", "майже", "більше", "щонайменше", "понад", "приблизно"})
FORMATION_REACH = 3  # words after a number searched for a formation noun (two adjectives between at most)
# Comparatives after "N раз": a ratio ("3 раза больше"), not a count of attacks.
COMPARATIVES = frozenset({"больше", "меньше", "более", "менее", "выше", "ниже", "чаще", "більше", "менше", "вище",
                          "нижче", "частіше"})
# Nouns of military formations: a number before them names a unit ("115 бригады", "47-й бригады"), not a count.
FORMATION_LEMMAS = frozenset({"бригада", "полк", "батальон", "батальйон", "дивизия", "дивізія", "корпус", "армия",
                              "армія", "омбр", "обр", "мбр", "омпбр", "оштбр", "ошбр", "тро", "рота", "взвод"})
# Lemmas after a number that make it a measurement, a date or a sum rather than a count.
# Adjectives between a number and its unit of area ("1000 квадратних кілометрів").
AREA_ADJECTIVES = frozenset({"квадратный", "квадратний", "кв"})
# A measure of land ("вернули под контроль более 3 тыс. кв. км территории", "звільнено 1000 квадратних
# кілометрів"): land taken counted by its area.
AREA_MEASURE = re.compile(r"(?<!\w)(?:кв\.\s*(?:км|кил|кіл)|квадратн\w+\s+(?:км|кил|кіл)|км²|км2|гектар|га(?!\w))",
                          re.IGNORECASE)
MEASURE_LEMMAS = frozenset({
    "процент", "відсоток", "км", "километр", "кілометр", "метр", "м", "год", "рік", "сутки", "доба", "день",
    "час", "година", "минута", "хвилина", "месяц", "місяць", "неделя", "тиждень", "тонна", "рубль", "гривня",
    "доллар", "долар", "евро", "євро", "мм", "калибр", "калібр", "раз", "градус", "г", "р", "гектар", "га",
    # ... or the sides an act comes from ("продвинулась с трех направлений", "з двох боків"), no count of it
    "направление", "напрямок", "напрям", "сторона", "бік", "фланг",
})


def _one_number(doc: CyrDoc, k: int) -> tuple[int | None, int]:
    """The value of the number token (or digit groups "3 000") at k and the index after it."""
    toks = doc.tokens
    t = toks[k]
    end = k + 1
    if t.text.isdigit():
        digits = t.text
        while end < len(toks) and toks[end].text.isdigit() and len(toks[end].text) == 3 \
                and toks[end].start == toks[end - 1].end + 1:
            digits += toks[end].text  # "3 000"
            end += 1
        return int(digits), end
    if t.text[:1].isdigit():
        cleaned = t.text.replace("\u00a0", "").replace("\u202f", "")
        return (int(cleaned) if cleaned.isdigit() else None), end
    if t.is_word and plain_word(t.lower) in ROUND_SINGULAR:
        return ROUND_SINGULAR[plain_word(t.lower)], end
    if t.is_word and plain_word(t.lower) in ROUND_AMBIGUOUS and k > 0 and toks[k - 1].lower in QUANTITY_PREPOSITIONS:
        return ROUND_AMBIGUOUS[plain_word(t.lower)], end
    if t.is_word:  # by lemma, or as written when the lemma is another word's ("три" -> "терти")
        value = NUMBER_LEMMAS.get(plain_word(t.lemma), NUMBER_LEMMAS.get(plain_word(t.lower)))
        if value is not None or t.pos == "NUMR":
            return value, end
    return None, k


def _lowest_place(value: int) -> int:
    """10 for 20 or 120, 100 for 300, 1000 for 28000: the place a following smaller number fills."""
    place = 1
    while value and value % (place * 10) == 0:
        place *= 10
    return place


def _add_smaller(doc: CyrDoc, value: int, end: int) -> tuple[int, int]:
    """Extend a number with the smaller ones written after it: "двадцять вісім" (28), "сто
    двадцять" (120), "28 тисяч 893" (28893)."""
    while end < len(doc.tokens):
        more, after = _one_number(doc, end)
        if more is None or more >= _lowest_place(value) or after == end:
            break
        value, end = value + more, after
    return value, end


def number_at(doc: CyrDoc, k: int) -> tuple[int | None, int]:
    """The count a number starting at token k names and the index after it, or (None, k).

    Compound numerals are read whole: "двадцять вісім тисяч вісімсот дев'яносто три", "28 тисяч 893".
    """
    toks = doc.tokens
    if toks[k].is_word and plain_word(toks[k].lemma) in HALF_LEMMAS and k + 1 < len(toks) \
            and toks[k + 1].lemma in MULTIPLIERS:
        return MULTIPLIERS[toks[k + 1].lemma] * 3 // 2, _past_abbreviation(doc, k + 2)  # "полутора тысяч"
    decimal = DECIMAL.fullmatch(toks[k].text)
    if decimal and k + 1 < len(toks) and toks[k + 1].lemma in MULTIPLIERS:
        whole, fraction = decimal.groups()
        value = int(whole) * MULTIPLIERS[toks[k + 1].lemma] \
            + int(fraction) * MULTIPLIERS[toks[k + 1].lemma] // 10 ** len(fraction)
        return value, _past_abbreviation(doc, k + 2)  # "1,5 тыс." -> 1500
    value, end = _one_number(doc, k)
    if value is None:
        return None, k
    if toks[k].lemma in MULTIPLIERS:
        return _add_smaller(doc, value, end)  # "около тысячи", "тысяча двести": a round noun first
    value, end = _add_smaller(doc, value, end)
    if and_a_half(doc, end):  # "четыре с половиной тысячи", "чотири з половиною тисячі"
        multiplier = MULTIPLIERS[toks[end + 2].lemma]
        return value * multiplier + multiplier // 2, _past_abbreviation(doc, end + 3)
    if end < len(toks) and toks[end].lemma in MULTIPLIERS:
        value *= MULTIPLIERS[toks[end].lemma]
        value, end = _add_smaller(doc, value, _past_abbreviation(doc, end + 1))
    return value, end


def and_a_half(doc: CyrDoc, k: int) -> bool:
    """True when tokens k, k + 1, k + 2 read "с половиной" and a multiplier ("... с половиной тысячи")."""
    toks = doc.tokens
    return 0 <= k and k + 2 < len(toks) and toks[k].lower in AND_A_HALF[0] and toks[k + 1].lemma in AND_A_HALF[1] \
        and toks[k + 2].lemma in MULTIPLIERS


def _past_abbreviation(doc: CyrDoc, end: int) -> int:
    """The index after the full stop of an abbreviated multiplier ("тыс.", "млн.") ending at ``end``, else end."""
    if end < len(doc.tokens) and doc.tokens[end].text == "." and doc.tokens[end - 1].text.lower() in ABBREVIATED \
            and end + 1 < len(doc.tokens) and (doc.tokens[end + 1].is_word and doc.tokens[end + 1].text[:1].islower()
                                               or doc.tokens[end + 1].text.isdigit()):  # "1 тыс. 240"
        return end + 1
    return end


def inside_number(doc: CyrDoc, k: int) -> bool:
    """True when token k continues a number begun before it ("893" of "28 тисяч 893")."""
    if k == 0:
        return False
    previous = doc.tokens[k - 1]
    return previous.lemma in MULTIPLIERS or plain_word(previous.lemma) in HALF_LEMMAS \
        or _one_number(doc, k - 1)[0] is not None


def is_measure(doc: CyrDoc, end: int, start: int | None = None) -> bool:
    """True when the word after a number (tokens [start, end)) makes it a measurement, a share or a date ("5 км",
    "40%", "3 мая"); "раз" is a ratio after "в" or before a comparative ("в 2 раза", "3 раза больше"), else a
    count of attacks ("15 раз атаковали")."""
    if end >= len(doc.tokens):
        return False
    if doc.tokens[end].lemma == "раз" and start is not None:
        before = doc.tokens[start - 1].lower if start > 0 else ""
        after = doc.tokens[end + 1] if end + 1 < len(doc.tokens) else None
        return before in ("в", "во", "у") or after is not None and ("COMP" in after.tags or after.lower in COMPARATIVES)
    from ..dates.dates_ru_uk import MONTHS

    nxt = doc.tokens[end]
    if plain_word(nxt.lower) in AREA_ADJECTIVES or nxt.lemma in AREA_ADJECTIVES:  # "1000 квадратных километров"
        k = end + 2 if end + 2 < len(doc.tokens) and doc.tokens[end + 1].text == "." else end + 1  # "90 кв. км"
        nxt = doc.tokens[min(k, len(doc.tokens) - 1)]
    word = plain_word(nxt.lower)
    if nxt.text in (".", ":"):  # "12.05", "10:30" when split; a full stop ends a count ("ранены 37.")
        after = doc.tokens[end + 1] if end + 1 < len(doc.tokens) else None
        return after is not None and after.start == nxt.end and after.text[:1].isdigit()
    return nxt.text in ("%", "-") or word in MONTHS or bool(MEASURE_LEMMAS.intersection(nxt.lemmas)) \
        or word in MEASURE_LEMMAS or _names_formation(doc, end)


def _names_formation(doc: CyrDoc, end: int) -> bool:
    """True when a formation noun follows a number, after adjectives at most ("115 бригады", "трех
    механизированных бригад"): the number names units, not a count."""
    for k in range(end, min(len(doc.tokens), end + FORMATION_REACH)):
        t = doc.tokens[k]
        if FORMATION_LEMMAS.intersection(t.lemmas) or plain_word(t.lower) in FORMATION_LEMMAS:
            return True
        if t.pos not in ("ADJF", "PRTF"):
            return False
    return False
