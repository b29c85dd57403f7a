"""Counts in Russian and Ukrainian text: "освободили четыре населённых пункта" -> 4, "до 3 000" -> 3000.

``find_count_ru_uk(doc, kind, first, last, times)`` gives the count next to an event trigger (tokens
[first, last) of a ``CyrDoc``): a number inside the trigger ("отразили пять атак"), after it, then before
it; digits with thin or plain spaces between groups and number words (pymorphy3 lemmas) with "тысяча /
тисяча". Like the English quantities.py, percentages, distances, durations, sums and dates are not counts,
and "до N", "более N", "понад N" give N.
"""
from __future__ import annotations

import re

from .cyrillic import PREDICATE_POS, CyrDoc, Token, plain_word, word_readings

# Nouns that stand for a place the gazetteer need not know ("освободили населённый пункт").
SETTLEMENT_LEMMAS = frozenset({"пункт", "село", "посёлок", "поселок", "город", "деревня", "хутор", "селище",
                               "місто", "территория", "територія", "позиция", "позиція", "рубеж", "громада"})
# Event types whose count is a number of people: the dead and wounded, and the evacuated ("евакуювали 100 тисяч людей").
PEOPLE_COUNTED = frozenset({"casualties", "evacuation"})
# Lemma stems of people: a number of them is a count of casualties or evacuees only.
PEOPLE = ("человек", "люди", "людина", "особа", "осіб", "военнослужащ", "військовослужб", "мирн", "житель", "мешкан",
          "ребен", "дитин", "діт", "боевик", "бойовик", "солдат", "наемник", "найманц", "террорист", "терорист",
          "диверсант", "українець", "українц", "украинец", "украинц", "россиянин", "россиян", "росіянин", "росіян",
          "громадян", "гражданин", "граждан", "беженец", "беженц", "біженець", "біженц", "переселен",
          "ранен", "поранен", "погибш", "загибл", "убит", "вбит", "пострадавш", "постраждал",  # "трех раненых"
          "офицер", "командир", "генерал", "летчик", "льотчик", "моряк", "десантник", "пограничник", "прикордонник")
# Nouns of a number whose genitive names what is counted ("число погибших выросло до 12", "кількість
# загиблих зросла"): the amount after the verb is that noun's, not another act's of the sentence ("удара").
COUNT_HEADS = frozenset({"число", "количество", "кількість"})
QUANTITY_AFTER, QUANTITY_BEFORE = 5, 4  # words after / before a trigger searched for its count
PEOPLE_ADJECTIVES = 2  # adjectives between a number and the people it counts ("16 українських дітей")
# Verbs whose subject is the victim, not who acts ("Пять человек погибли", "загинули семеро людей"): their number
# counts the casualties, not the act.
VICTIM_VERBS = frozenset({"погибнуть", "гибнуть", "загинути", "гинути", "пострадать", "постраждати", "умереть",
                          "померти", "скончаться"})
# Words after a trigger of people lost or moved within which a number of people is still its count, past a
# setting ("потеряли в зоне ответственности группировки «Запад» до 500 военнослужащих").
PEOPLE_COUNT_REACH = 10
PERSON_JOINERS = frozenset({"і", "и", "та", "й", ","})  # between persons counted one by one ("чоловік і жінка")
POSSESSIVES = frozenset({"его", "ее", "её", "их", "свой", "своя", "його", "її", "їх", "свій"})
PERSON_MODIFIERS = 4  # tokens of possessives and adjectives before a joined person ("и его 11-летний внук")
# Words of "no one" before a person's noun: "ни один местный житель не пострадал", "жоден мешканець" count none.
NO_ONE_WORDS = frozenset({"ни", "ні", "жоден", "жодна", "жодне", "жодний", "жодного", "жодної", "никто", "ніхто"})
NO_ONE_REACH = 3  # words before a person's noun searched for them
# Verbs that give an act noun its amount ("Потери ВСУ на курском направлении превысили 17 тыс.", "число
# эвакуированных достигло 9 тысяч"): the count after such a verb of the noun's clause is the noun's.
AMOUNT_VERB_LEMMAS = frozenset({"составить", "составлять", "превысить", "превышать", "достичь", "достигнуть",
                                "достигать", "насчитывать", "скласти", "складати", "перевищити", "перевищувати",
                                "сягнути", "сягати", "досягти", "досягнути", "досягати", "налічувати",
                                # grown to ("число погибших выросло до 12", "кількість загиблих зросла до 12")
                                "вырасти", "возрасти", "увеличиться", "зрости", "збільшитися"})
AMOUNT_VERB_REACH = 16  # tokens from an act noun to the verb of its amount, within the clause (a quoted name between)
# Collective numerals, which count people only ("пострадали трое", "загинули п'ятеро"): never a count of strikes.
COLLECTIVE_NUMERALS = frozenset({"двое", "трое", "четверо", "пятеро", "шестеро", "семеро", "восьмеро", "девятеро",
                                 "десятеро", "двоє", "троє", "четверо", "п'ятеро", "шестеро", "семеро", "восьмеро",
                                 "дев'ятеро", "десятеро", "одинадцятеро", "дванадцятеро", "тринадцятеро",
                                 "чотирнадцятеро", "п'ятнадцятеро", "шістнадцятеро", "сімнадцятеро",
                                 "вісімнадцятеро", "дев'ятнадцятеро", "двадцятеро", "тридцятеро"})
# Verbs of receiving a wound after its noun ("Ранения получили мужчина и женщина", "Поранення отримали ...").
RECEIVING_LEMMAS = frozenset({"получить", "получать", "отримати", "отримувати", "дістати", "діставати"})
# Ukrainian words for one person that the dictionary reads first as possessive adjectives ("людина", "людину").
PERSON_WORDS_UK = frozenset({"людина", "людину", "людини"})
# Singular nouns that stand for a whole force ("уничтожен противник"): no count of one.
COLLECTIVE_LEMMAS = frozenset({"противник", "враг", "ворог", "неприятель", "окупант", "оккупант", "агрессор",
                               "агресор", "супротивник"})
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
MEASURE_LEMMAS = frozenset({
    "процент", "відсоток", "км", "километр", "кілометр", "метр", "м", "год", "рік", "сутки", "доба", "день",
    "час", "година", "минута", "хвилина", "месяц", "місяць", "неделя", "тиждень", "тонна", "рубль", "гривня",
    "доллар", "долар", "евро", "євро", "мм", "калибр", "калібр", "раз", "градус", "г", "р", "гектар", "га",
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
    if _and_a_half(doc, end):  # "четыре с половиной тысячи", "чотири з половиною тисячі"
        multiplier = MULTIPLIERS[toks[end + 2].lemma]
        return value * multiplier + multiplier // 2, _past_abbreviation(doc, end + 3)
    if end < len(toks) and toks[end].lemma in MULTIPLIERS:
        value *= MULTIPLIERS[toks[end].lemma]
        value, end = _add_smaller(doc, value, _past_abbreviation(doc, end + 1))
    return value, end


def _and_a_half(doc: CyrDoc, k: int) -> bool:
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


def _inside_number(doc: CyrDoc, k: int) -> bool:
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
    from .dates_ru_uk import MONTHS

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


def find_count_ru_uk(doc: CyrDoc, kind: str, first: int, last: int,
                     times: list[tuple[int, int, str | None]]) -> int | None:
    """The count next to a trigger: after it first, then before it; for a verb of taking control with
    a singular settlement noun and no number, 1 ("заняли посёлок")."""
    if kind == "negotiation":
        return None
    s = doc.sentence_of(first)
    in_time = {t.i for t in doc.tokens[s.first:s.last] for a, b, _ in times if a <= t.start < b}
    inside = range(first + 1, last)
    reach = QUANTITY_AFTER + sum(1 for k in range(last, min(s.last, last + QUANTITY_AFTER)) if k in in_time)
    after = range(last, min(s.last, last + reach))  # a time phrase between ("составили за сутки около ...") is not counted
    before = range(first - 1, max(s.first - 1, first - 1 - QUANTITY_BEFORE), -1)
    back = max(s.first, first - 1 - QUANTITY_BEFORE)  # the first token a number before the trigger may start at
    if kind not in PEOPLE_COUNTED:  # "402 рази атакував 11 населених пунктів": the times it attacked, not the places
        for k in [*range(back, first), *after]:
            value, end = _count_at(doc, k, in_time)  # (a ratio, "в 2 раза больше", is a measure: no value)
            if value is not None and end < s.last and doc.tokens[end].lemma == "раз" \
                    and (k >= last or end == first - 1):
                return value
    if kind in PEOPLE_COUNTED and first >= 2 and first > s.first + 1 and _people_at(doc, first - 1):
        # "2870 человек убитыми и 3700 ранеными": the people counted right before are the dead, not the wounded after
        value = _count_ending_at(doc, back, first - 1, in_time)
        if value is not None:
            return value
    if kind in PEOPLE_COUNTED and doc.tokens[first].pos in ("ADJF", "PRTF", "NOUN"):
        value = _count_ending_at(doc, back, first, in_time)
        if value is not None:
            return value  # "7 загиблих, 144 поранених": the number the victims' word follows
    if kind in PEOPLE_COUNTED:  # "Уничтожены три лодки и до десяти боевиков": the people, not the boats
        people = people_count_after(doc, last, after.stop, in_time, past_others=True)
        if people is not None:
            return people
    counted = first > 0 and bool(set(doc.tokens[first - 1].lemmas) & COUNT_HEADS)
    if counted:
        amount = _amount_of_noun(doc, last, in_time, kind in PEOPLE_COUNTED)
        if amount is not None:  # "Число погибших в результате удара двумя ракетами ... выросло до 55": 55, not 2
            return amount
    # another noun's number ("Кількість загиблих внаслідок удару ... зросла до 12": not the strike's)
    headed = any(set(w.lemmas) & COUNT_HEADS for w in doc.tokens[s.first:max(s.first, first - 1)])
    # a number right before a trigger phrase of two words or more is its own ("74 авіаційних удари"), before any after it
    adjacent = range(first - 1, first - 2, -1) if last - first >= 2 and first > s.first else range(0)
    for order in (inside, adjacent, after, before):
        for k in order:
            tok = doc.tokens[k]
            if order is after and (tok.text in (",", ";", ":", "—", "–", "(") or headed and set(tok.lemmas) & AMOUNT_VERB_LEMMAS):
                break
            if order is before and tok.text in (",", ";"):
                break
            value, end = _count_at(doc, k, in_time)
            if value is not None and not (1900 <= value <= 2100 and end == k + 1):
                if kind not in PEOPLE_COUNTED and (
                        _people_at(doc, end) or set(doc.tokens[k].lemmas) & COLLECTIVE_NUMERALS
                        or _people_at(doc, end, PEOPLE_ADJECTIVES) and _victims_told(doc, s)):
                    continue  # "удар ... погибли 11 человек", "пострадали трое": people count the casualties
                    # ("обстрілів загинули 16 українських дітей"; those "в окружении" count the encirclement)
                return value
    t = doc.tokens[first]
    if kind == "casualties" and t.pos in PREDICATE_POS:
        # persons named one by one next to the verb, before the people counted farther on, which may be another
        # clause's ("загинули чоловік і жінка, ще троє людей дістали поранення")
        persons = _one_person(doc, first, last, after)
        if persons is not None:
            return persons
    if kind == "casualties" and t.pos == "NOUN" and last < s.last \
            and set(doc.tokens[last].lemmas) & RECEIVING_LEMMAS:
        persons = _one_person(doc, first, last + 1, range(last + 1, min(s.last, last + 1 + QUANTITY_AFTER)))
        if persons is not None:
            return persons  # "Ранения получили мужчина и женщина": the persons after the verb of receiving
    if kind in PEOPLE_COUNTED:
        people = people_count_after(doc, after.stop, min(s.last, last + PEOPLE_COUNT_REACH), in_time)
        if people is not None:
            return people
    if not counted and t.pos == "NOUN" and not any(set(w.lemmas) & COUNT_HEADS for w in doc.tokens[s.first:first]):
        amount = _amount_of_noun(doc, last, in_time, kind in PEOPLE_COUNTED)
        if amount is not None:
            return amount
    if kind == "territory_control" and t.pos in PREDICATE_POS:
        for k in after:
            w = doc.tokens[k]
            if w.text in (",", ";", ":"):
                break
            if w.lemma in SETTLEMENT_LEMMAS - {"позиция", "позиція", "территория", "територія", "рубеж"} \
                    and "sing" in w.tags and w.tags & {"accs", "nomn"} \
                    and not (k > 0 and doc.tokens[k - 1].lemma in NUMBER_LEMMAS):
                return 1  # the settlement taken, not one in whose part a force holds ("в восточной части города")
    return None


def people_count_after(doc: CyrDoc, start: int, stop: int, in_time: frozenset[int] | set[int] = frozenset(),
                       past_others: bool = False) -> int | None:
    """A number of people (PEOPLE) in tokens [start, stop) before a comma: the count of a loss or an evacuation
    told after a setting longer than the usual reach; with ``past_others``, also after a number of something else
    ("три лодки и до десяти боевиков")."""
    for k in range(start, stop):
        t = doc.tokens[k]
        if t.text == "," and k + 2 < len(doc.tokens) and doc.tokens[k + 1].lower in QUANTITY_PREPOSITIONS:
            value, end = _count_at(doc, k + 2, in_time)  # "несет потери, до 50 человек убитыми": the losses counted
            if value is not None and _people_at(doc, end):
                return value
        if t.text in (";", ":", "—", "–", "(") or t.text == "," and not (past_others and _list_item_after(doc, k)):
            return None  # (with ``past_others`` a list of things runs on over commas: "танк, две БМП и до 290 ...")
        value, end = _count_at(doc, k, in_time)
        if value is not None:
            if _people_at(doc, end):
                return value
            if not past_others:
                return None
    return None


def _list_item_after(doc: CyrDoc, comma: int) -> bool:
    """True when the word after a comma goes on a list of things counted: a number or a noun ("танк, две боевые
    машины") with no predicate of its own before the next comma, not a clause ("погиб мужчина, еще четыре человека
    ранены")."""
    nxt = doc.tokens[comma + 1] if comma + 1 < len(doc.tokens) else None
    if nxt is None or not (nxt.pos in ("NUMB", "NOUN") or bool(set(nxt.lemmas) & set(NUMBER_LEMMAS))):
        return False
    sentence_end = doc.sentence_of(comma).last
    item_end = next((k for k in range(comma + 1, sentence_end) if doc.tokens[k].text == ","), sentence_end)
    # (an item with a predicate of its own is a clause: "..., судьба около 40 человек остается неизвестной")
    return not any(t.pos in PREDICATE_POS for t in doc.tokens[comma + 1:item_end])


def _amount_of_noun(doc: CyrDoc, last: int, in_time: set[int], people: bool) -> int | None:
    """The count after a verb of amount (AMOUNT_VERB_LEMMAS), or a dash standing for it, whose subject is the act
    noun ending at token ``last``, within the clause: "Потери ВСУ ... превысили 17 тыс. военнослужащих" -> 17000,
    "Потери ВСУ за сутки — до 80 человек" -> 80. A number of people is the amount only of a noun that counts
    people (``people``): "Потери в ходе боев составили 20 тыс. человек" is no count of the fighting."""
    s = doc.sentence_of(last - 1)
    for k in range(last, min(s.last, last + AMOUNT_VERB_REACH)):
        w = doc.tokens[k]
        if w.text in (";", ":") or w.pos == "VERB" and not set(w.lemmas) & AMOUNT_VERB_LEMMAS:
            return None
        if set(w.lemmas) & AMOUNT_VERB_LEMMAS or w.text in ("—", "–"):  # a dash stands for the verb: "Потери — до 80"
            for j in range(k + 1, min(s.last, k + 1 + QUANTITY_AFTER)):
                value, end = _count_at(doc, j, in_time)
                if value is not None:
                    return value if people or not _people_at(doc, end) else None
            return None
    return None


def _count_ending_at(doc: CyrDoc, start: int, end: int, in_time: set[int]) -> int | None:
    """The count whose number starts at a token in [start, end) and ends right before token ``end``, or None."""
    for k in range(start, end):
        value, stop = _count_at(doc, k, in_time)
        if value is not None and stop == end:
            return value
    return None


def _count_at(doc: CyrDoc, k: int, in_time: set[int]) -> tuple[int | None, int]:
    """(value, end) of a number starting at token ``k`` that counts something: not inside a time phrase
    (``in_time``) or another number, nor a measure, nor "ни одного" (none); (None, k) otherwise."""
    if k >= 3 and _and_a_half(doc, k - 2):
        k -= 3  # "чотири з половиною тисячі ... убито", read back from its multiplier
    if k in in_time or _inside_number(doc, k) or any(doc.tokens[j].lower in ("ни", "ні") for j in range(max(0, k - 2), k)):
        return None, k
    value, end = number_at(doc, k)
    return (value, end) if value is not None and not is_measure(doc, end, k) else (None, k)


def _one_person(doc: CyrDoc, first: int, last: int, after: range) -> int | None:
    """1 for a loss of one person named by a singular noun next to the verb, before a comma ("отнял жизнь
    корреспондента", "погиб мирный житель", "журналист был ранен"), not a collective ("уничтожен противник")."""
    s = doc.sentence_of(first)
    nearby = [*after, *range(first - 1, max(s.first - 1, first - 1 - QUANTITY_BEFORE), -1)]
    for k in nearby:
        w = doc.tokens[k]
        if w.text in (",", ";", ":", "—", "–"):
            if k >= last:
                continue  # the words after end here; look before the verb
            break
        if _one_animate(doc, w) and (k >= last or "nomn" in w.tags) \
                and not (k > 0 and doc.tokens[k - 1].lemma in NUMBER_LEMMAS):
            if any(x.lower in NO_ONE_WORDS for x in doc.tokens[max(s.first, k - NO_ONE_REACH):k]):
                return None  # "ни один местный житель не пострадал", "жоден мешканець": no one
            return 1 + _joined_persons(doc, k) if k >= last else 1
        if w.pos == "NOUN" and "plur" in w.tags and "anim" in w.tags:
            return None
    return None


def _one_animate(doc: CyrDoc, w: Token) -> bool:
    """True for a singular animate noun, no collective ("противник"). The Ukrainian dictionary often gives a noun
    no number: "жінка" is one person when no reading of it is plural or inanimate ("техніку" may read as a
    technician, but is equipment first), or when it reads first as a nominative with a gender ("чоловік")."""
    readings = word_readings(w.text, "uk") if doc.language == "uk" and "sing" not in w.tags else ()
    if doc.language == "uk" and w.pos == "ADJF" and w.text.lower() in PERSON_WORDS_UK:
        return True  # "загинула людина": the dictionary reads it first as an adjective
    singular = "sing" in w.tags or doc.language == "uk" and all("anim" in tag for tag in readings) and (
        all("plur" not in tag for tag in readings)
        or {"nomn", "anim"} <= w.tags and bool(w.tags & {"masc", "femn", "neut"}))  # "чоловік" (gent. pl. too)
    return w.pos == "NOUN" and "anim" in w.tags and singular and w.lemma not in COLLECTIVE_LEMMAS


def _joined_persons(doc: CyrDoc, k: int) -> int:
    """How many more singular animate nouns follow the one at token ``k``, each after "і"/"и"/"та"/"й" or a comma
    ("загинули чоловік і жінка": one more)."""
    more = 0
    while k + 2 < len(doc.tokens) and doc.tokens[k + 1].lower in PERSON_JOINERS:
        j = k + 2  # past possessives and adjectives ("мужчина и его 11-летний внук")
        while j < min(len(doc.tokens) - 1, k + 2 + PERSON_MODIFIERS) and (
                doc.tokens[j].lower in POSSESSIVES or doc.tokens[j].pos in ("ADJF", "PRTF")
                or doc.tokens[j].pos == "NUMB" and "-" in doc.tokens[j].text):  # an age: "11-летний", "11-річна"
            j += 1
        if not _one_animate(doc, doc.tokens[j]):
            break
        more, k = more + 1, j
    return more


def _victims_told(doc: CyrDoc, s) -> bool:
    """True when sentence ``s`` has a verb of dying or suffering (VICTIM_VERBS)."""
    return any(set(w.lemmas) & VICTIM_VERBS for w in doc.tokens[s.first:s.last])


def _people_at(doc: CyrDoc, k: int, adjectives: int = 0) -> bool:
    """True when token k (the word after a number), or the noun after up to ``adjectives`` adjectives from k,
    names people ("человек", "військовослужбовців", "16 українських дітей")."""
    for j in range(k, min(len(doc.tokens), k + adjectives + 1)):
        if plain_word(doc.tokens[j].lemma).startswith(PEOPLE):
            return True
        if doc.tokens[j].pos not in ("ADJF", "PRTF"):
            return False
    return False
