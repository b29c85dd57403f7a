"""Counts in Russian and Ukrainian text: "освободили четыре населённых пункта" -> 4, "до 3 000" -> 3000.

``find_count_ru_uk(doc, kind, first, last, times)`` gives the count next to an event trigger (tokens
[first, last) of a ``CyrDoc``): a number inside the trigger ("отразили пять атак"), after it, then before
it, or the people it counts; numbers_ru_uk.py reads each number. Like the English quantities.py, percentages,
distances, durations, sums and dates are not counts, and "до N", "более N", "понад N" give N. Which words name
the people counted is told by people_words_ru_uk.py.
"""
from __future__ import annotations

from ..language.cyrillic import (CASE_ORDER, DASHES, OUT_OF_PREPOSITIONS, PREDICATE_POS, VERBAL_POS, CyrDoc, Token,
                                 has_reading, plain_word, word_readings)
from .event_polarity_ru_uk import NONE_WORDS
from .people_words_ru_uk import PEOPLE, PERSONNEL_ITEM_WORDS, military_people, people_at
from ..language.numbers_ru_uk import (
    NUMBER_LEMMAS, QUANTITY_PREPOSITIONS, ROUND_NUMBER_NOUNS, SEVERAL_LEMMAS, and_a_half, inside_number, is_measure,
    number_at,
)

# Words of many before a noun of people, which count no one person ("Ранены десятки человек", "кілька людей").
MANY_LEMMAS = SEVERAL_LEMMAS | ROUND_NUMBER_NOUNS | {"много", "багато", "немало", "чимало"}
CIRCUMSTANCE_PREPOSITIONS = frozenset({"при"})  # ... before an event noun that sets another act ("погиб при эвакуации")
CIRCUMSTANCE_PHRASES = frozenset({("во", "время"), ("в", "ходе"), ("під", "час"), ("у", "ході"), ("в", "ході")})
# Nouns that stand for a place the gazetteer need not know ("освободили населённый пункт").
SETTLEMENT_LEMMAS = frozenset({"пункт", "село", "посёлок", "поселок", "город", "деревня", "хутор", "селище",
                               "місто", "территория", "територія", "позиция", "позиція", "рубеж", "громада"})
SETTLEMENT_ADJECTIVES = frozenset({"населенный", "населённый", "населений"})  # of "населённый пункт"
# Those of the nouns above that name ground held, not a settlement ("заняли позиции", "территория").
GROUND_LEMMAS = frozenset({"территория", "територія", "позиция", "позиція", "рубеж"})
# Event types whose count is a number of people: the dead and wounded, and the evacuated ("евакуювали 100 тисяч людей").
PEOPLE_COUNTED = frozenset({"casualties", "evacuation"})
# Nouns of a number whose genitive names what is counted ("число погибших выросло до 12", "кількість
# загиблих зросла"): the amount after the verb is that noun's, not another act's of the sentence ("удара").
COUNT_HEADS = frozenset({"число", "количество", "кількість"})
QUANTITY_AFTER, QUANTITY_BEFORE = 5, 4  # words after / before a trigger searched for its count
RANGE_WORDS = frozenset({"до", "-", "–", "—"})  # between the two ends of a range ("от 1 до 3 км", "5-7 км")
MEASURE_WORDS = 3  # words of a measure after its number ("квадратных километров территории"), searched past for a count
PEOPLE_ADJECTIVES = 2  # adjectives between a number and the people it counts ("16 українських дітей")
# Verbs whose subject is the victim, not who acts ("Пять человек погибли", "загинули семеро людей"): their number
# counts the casualties, not the act.
VICTIM_VERBS = frozenset({"погибнуть", "гибнуть", "загинути", "гинути", "пострадать", "постраждати", "умереть",
                          "померти", "скончаться"})
# Words after a trigger of people lost or moved within which a number of people is still its count, past a
# setting ("потеряли в зоне ответственности группировки «Запад» до 500 военнослужащих").
PEOPLE_COUNT_REACH = 10
CONJUNCTIONS = frozenset({"і", "и", "та", "й"})
PERSON_JOINERS = CONJUNCTIONS | {","}  # between persons counted one by one ("чоловік і жінка")
POSSESSIVES = frozenset({"его", "ее", "её", "их", "свой", "своя", "його", "її", "їх", "свій"})
PERSON_MODIFIERS = 4  # tokens of possessives and adjectives before a joined person ("и его 11-летний внук")
# Words of "no one" before a person's noun: "ни один местный житель не пострадал", "жоден мешканець" count none.
NO_ONE_WORDS = frozenset({"ни", "ні", "жоден", "жодна", "жодне", "жодний", "жодного", "жодної", "никто", "ніхто"})
NO_ONE_REACH = 3  # words before a person's noun searched for them
# Verbs that give an act noun its amount ("Потери ВСУ на курском направлении превысили 17 тыс.", "число
# эвакуированных достигло 9 тысяч"): the count after such a verb of the noun's clause is the noun's.
AMOUNT_VERB_LEMMAS = frozenset({"составить", "составлять", "превысить", "превышать", "достичь", "достигнуть",
                                "достигать", "насчитывать", "скласти", "складати", "перевищити", "перевищувати",
                                "сягнути", "сягати", "досягти", "досягнути", "досягати", "налічувати", "становити",
                                # grown to ("число погибших выросло до 12", "кількість загиблих зросла до 12")
                                "вырасти", "возрасти", "увеличиться", "зрости", "збільшитися"})
AMOUNT_VERB_REACH = 16  # tokens from an act noun to the verb of its amount, within the clause (a quoted name between)
# Collective numerals, which count people only ("пострадали трое", "загинули п'ятеро"): never a count of strikes.
COLLECTIVE_NUMERALS = frozenset({"двое", "трое", "четверо", "пятеро", "шестеро", "семеро", "восьмеро", "девятеро",
                                 "десятеро", "двоє", "троє", "четверо", "п'ятеро", "шестеро", "семеро", "восьмеро",
                                 "дев'ятеро", "десятеро", "одинадцятеро", "дванадцятеро", "тринадцятеро",
                                 "чотирнадцятеро", "п'ятнадцятеро", "шістнадцятеро", "сімнадцятеро",
                                 "вісімнадцятеро", "дев'ятнадцятеро", "двадцятеро", "тридцятеро"})
# Predicates of an act of their own, a loss or a taking, whose number after them counts it, not a noun trigger
# before them.
COUNTING_PREDICATES = VICTIM_VERBS | {"уничтожить", "ликвидировать", "знищити", "ліквідувати", "освободить", "занять",
                                     "захватить", "взять", "зачистить", "звільнити", "захопити", "зайняти",
                                     "зачистити"}
# Verbs of receiving a wound after its noun ("Ранения получили мужчина и женщина", "Поранення отримали ...").
RECEIVING_LEMMAS = frozenset({"получить", "получать", "отримати", "отримувати", "дістати", "діставати"})
# Ukrainian words for one person that the dictionary reads first as possessive adjectives ("людина", "людину").
PERSON_WORDS_UK = frozenset({"людина", "людину", "людини"})
# Singular nouns that stand for a whole force ("уничтожен противник"): no count of one.
COLLECTIVE_LEMMAS = frozenset({"противник", "враг", "ворог", "неприятель", "окупант", "оккупант", "агрессор",
                               "агресор", "супротивник"})
# Openers of a parenthetical of inclusion set off by commas, and the words it runs at most.
INCLUSION_OPENERS = ("в том числе", "у тому числі", "в тому числі", "среди них", "серед них", "из них", "з них")
INCLUSION_WORDS = 8
SUPERLATIVE_WORDS = frozenset({"самый", "наиболее", "наименее", "найбільш", "найменш"})  # "одним из самых ..."


def find_count_ru_uk(doc: CyrDoc, kind: str, first: int, last: int,
                     times: list[tuple[int, int, str | None]]) -> int | None:
    """The count next to a trigger: after it first, then before it; for a verb of taking control with
    a singular settlement noun and no number, 1 ("заняли посёлок")."""
    if kind == "negotiation":
        return None
    if last < len(doc.tokens) and doc.tokens[last].lower in NONE_WORDS:
        return None  # "Загиблих немає, одна людина травмована": there are none; the count after is another act's
    if doc.tokens[first].pos == "NOUN" and _in_circumstance(doc, first):
        return None  # "Один человек погиб при эвакуации": the count is the predicate's
    s = doc.sentence_of(first)
    in_time = {t.i for t in doc.tokens[s.first:s.last] for a, b, _ in times if a <= t.start < b}
    inside = range(first + 1, last)
    reach = QUANTITY_AFTER + sum(1 for k in range(last, min(s.last, last + QUANTITY_AFTER)) if k in in_time)
    after = range(last, min(s.last, last + reach))  # a time phrase between ("составили за сутки около ...") is not counted
    measure = any(value is not None and is_measure(doc, end, k) for k in after for value, end in [number_at(doc, k)])
    stop = min(s.last, after.stop + MEASURE_WORDS)
    if measure and not any(w.pos in PREDICATE_POS for w in doc.tokens[last:stop]):
        after = range(last, stop)  # "освобождено 880 квадратных километров территории и 14 населенных пунктов": past
        # the area to the settlements (not to another act's count: "продвинулись на 5 км и заняли 3 села")
    people_stop = min(s.last, last + PEOPLE_COUNT_REACH)  # where a count of people after the trigger may start
    anchor = _before_inclusion(doc, first, s.first)  # past "в том числе ребенок," between a count and its verb
    before = range(anchor - 1, max(s.first - 1, anchor - 1 - QUANTITY_BEFORE), -1)
    back = max(s.first, first - 1 - QUANTITY_BEFORE)  # the first token a number before the trigger may start at
    if kind not in PEOPLE_COUNTED:  # "402 рази атакував 11 населених пунктів": the times it attacked, not the places
        for k in [*range(back, first), *after]:
            value, end = _count_at(doc, k, in_time)  # (a ratio, "в 2 раза больше", is a measure: no value)
            if value is not None and end < s.last and doc.tokens[end].lemma == "раз" \
                    and (k >= last or end == first - 1):
                return value
    if kind in PEOPLE_COUNTED and first >= 2 and first > s.first + 1 and people_at(doc, first - 1):
        # "2870 человек убитыми и 3700 ранеными": the people counted right before are the dead, not the wounded after
        value = _count_ending_at(doc, back, first - 1, in_time)
        if value is not None:
            return value
    noun = first - 2  # the people a participle after a comma is said of ("45 123 российских военных, погибших ...")
    if kind in PEOPLE_COUNTED and doc.tokens[first].pos in ("ADJF", "PRTF", "NOUN") and noun > s.first \
            and doc.tokens[first - 1].text == "," and (plain_word(doc.tokens[noun].lemma).startswith(PEOPLE)
                                                       or military_people(doc, doc.tokens[noun], first)) \
            and any(has_reading(doc.tokens[first].text, doc.language, None, case)
                    and has_reading(doc.tokens[noun].text, doc.language, None, case) for case in CASE_ORDER) \
            and not any(_count_at(doc, k, in_time)[0] is not None for k in after):  # ("..., раненых 12": its own)
        start = noun
        while start - 1 > s.first and doc.tokens[start - 1].pos == "ADJF":
            start -= 1  # (past the adjectives before the noun: "российских")
        value = _count_ending_at(doc, max(s.first, start - QUANTITY_BEFORE), start, in_time)
        if value is not None:
            return value
    if kind in PEOPLE_COUNTED and doc.tokens[first].pos in ("ADJF", "PRTF", "NOUN"):
        value = _count_ending_at(doc, back, first, in_time)
        if value is not None:
            return value  # "7 загиблих, 144 поранених": the number the victims' word follows
    if kind in PEOPLE_COUNTED and doc.tokens[first].pos == "VERB":
        value = _count_ending_at(doc, back, first, in_time)
        if value is not None and not 1900 <= value <= 2100:
            return value  # "более 80 пострадали, судьба еще 11 человек неизвестна": the people the verb follows
    if kind in PEOPLE_COUNTED:  # "Уничтожены три лодки и до десяти боевиков": the people, not the boats
        people = people_count_after(doc, last, max(after.stop, people_stop), in_time, past_others=True)
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
    # (so is one right before a one-word noun trigger: "374 удари по 10 населених пунктах" counts the strikes)
    adjacent = range(first - 1, first - 2, -1) if first > s.first and (
        last - first >= 2 or doc.tokens[first].pos == "NOUN") else range(0)
    for order in (inside, adjacent, after, before):
        for k in order:
            tok = doc.tokens[k]
            if order is after and (tok.text in (",", ";", ":", "—", "–", "(")
                                   or headed and set(tok.lemmas) & AMOUNT_VERB_LEMMAS
                                   or k > last and _joined_with_predicate(doc, k, in_time)
                                   or kind not in PEOPLE_COUNTED and doc.tokens[last - 1].pos == "NOUN"
                                   and tok.pos in VERBAL_POS  # ("могли погибнуть")
                                   and set(tok.lemmas) & COUNTING_PREDICATES):
                break  # (a number after a noun's next act is that act's: "в ходе боев уничтожено до 40 военных",
                # "в ходе контрнаступления освободили десять населенных пунктов"; not "обстрелу подверглись 7")
            if order is before and tok.text in (",", ";"):
                break
            value, end = _count_at(doc, k, in_time)
            if value is not None and not (1900 <= value <= 2100 and end == k + 1):
                if kind not in PEOPLE_COUNTED and kind != "other" and order is not inside and (
                        people_at(doc, end) or end < s.last and set(doc.tokens[end].lemmas) & VICTIM_VERBS
                        or order is not adjacent and set(doc.tokens[k].lemmas) & COLLECTIVE_NUMERALS  # ("трьох ударів")
                        or people_at(doc, end, PEOPLE_ADJECTIVES) and _victims_told(doc, s)):
                    continue  # "удар ... погибли 11 человек", "пострадали трое", "Около 10 пострадали при обстреле":
                    # people count the casualties (but inside the trigger they count its own act: "повернула додому
                    # 95 військовослужбовців"; and the people of other acts are theirs: "вернула из плена 115
                    # защитников")
                    # ("обстрілів загинули 16 українських дітей"; those "в окружении" count the encirclement)
                if kind in PEOPLE_COUNTED and order is after:
                    value += _persons_joined_after(doc, end)  # "загинули троє дорослих і дитина": four
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
        people = people_count_after(doc, after.stop, people_stop, in_time)
        if people is not None:
            return people
    if kind == "casualties":
        personnel = _personnel_item(doc, last, s.last, in_time)
        if personnel is not None:
            return personnel
    if not counted and t.pos == "NOUN" and not any(set(w.lemmas) & COUNT_HEADS for w in doc.tokens[s.first:first]):
        amount = _amount_of_noun(doc, last, in_time, kind in PEOPLE_COUNTED)
        if amount is not None:
            return amount
    if kind == "territory_control" and t.pos in PREDICATE_POS:
        for k in after:
            w = doc.tokens[k]
            if w.text in (",", ";", ":"):
                break
            if w.lemma in SETTLEMENT_LEMMAS - GROUND_LEMMAS \
                    and "sing" in w.tags and w.tags & {"accs", "nomn"} \
                    and not (k > 0 and doc.tokens[k - 1].lemma in NUMBER_LEMMAS):
                return 1  # the settlement taken, not one in whose part a force holds ("в восточной части города")
    return None


def settlements_noun_after(doc: CyrDoc, first: int, last: int) -> int | None:
    """The token of a plural settlement noun in the nominative or accusative, no number before it, that follows a
    verb of taking at tokens [first, last) within QUANTITY_AFTER words of its clause ("освободили населенные пункты
    Гатище, Красное ...", "Освобождены села X и Y"): the settlements named after it are what the act counts; else
    None."""
    if doc.tokens[first].pos not in PREDICATE_POS:
        return None
    s = doc.sentence_of(first)
    for k in range(last, min(s.last, last + QUANTITY_AFTER)):
        w = doc.tokens[k]
        if w.text in (",", ";", ":"):
            return None
        plural = has_reading(w.text, doc.language, "NOUN", "plur")
        if plural and set(w.lemmas) & (SETTLEMENT_LEMMAS - GROUND_LEMMAS) and any(
                has_reading(w.text, doc.language, "NOUN", case) for case in ("accs", "nomn")):
            return None if k > 0 and doc.tokens[k - 1].lemma in NUMBER_LEMMAS else k
    return None


def _personnel_item(doc: CyrDoc, start: int, stop: int, in_time: set[int] | frozenset[int]) -> int | None:
    """The count of the personnel item of a list of losses in tokens [start, stop) ("втрати противника склали:
    особового складу — близько 488 440 (+1 740) осіб, танків — ..."; "личного состава — до 300"), else None."""
    toks = doc.tokens
    for k in range(start, stop - 2):
        if (set(toks[k].lemmas) & PERSONNEL_ITEM_WORDS and set(toks[k + 1].lemmas) & {"склад", "состав"}
                and toks[k + 2].text in DASHES):
            j = k + 3
            while j < stop and toks[j].lower in QUANTITY_PREPOSITIONS | {"орієнтовно", "ориентировочно"}:
                j += 1
            return _count_at(doc, j, in_time)[0] if j < stop else None
    return None


def _before_inclusion(doc: CyrDoc, first: int, floor: int) -> int:
    """The opening comma of a parenthetical of inclusion that ends right before token ``first`` ("еще семеро, в том
    числе ребенок, получили ранения"), else ``first``."""
    if first - 1 > floor and set(doc.tokens[first - 1].lemmas) & RECEIVING_LEMMAS:
        first -= 1  # "получили ранения": the verb of the noun trigger
    if first - 1 <= floor or doc.tokens[first - 1].text != ",":
        return first
    for k in range(first - 2, max(floor, first - 2 - INCLUSION_WORDS) - 1, -1):
        if doc.tokens[k].text == ",":
            words = " ".join(t.lower for t in doc.tokens[k + 1:k + 4])
            return k if words.startswith(INCLUSION_OPENERS) else first
    return first


def people_count_after(doc: CyrDoc, start: int, stop: int, in_time: frozenset[int] | set[int] = frozenset(),
                       past_others: bool = False) -> int | None:
    """A number of people (PEOPLE) in tokens [start, stop) before a comma: the count of a loss or an evacuation
    told after a setting longer than the usual reach; with ``past_others``, also after a number of something else
    ("три лодки и до десяти боевиков")."""
    for k in range(start, stop):
        t = doc.tokens[k]
        if t.text == "," and k + 2 < len(doc.tokens) and doc.tokens[k + 1].lower in QUANTITY_PREPOSITIONS:
            value, end = _count_at(doc, k + 2, in_time)  # "несет потери, до 50 человек убитыми": the losses counted
            if value is not None and people_at(doc, end, PEOPLE_ADJECTIVES):
                return value
        if t.text in (";", ":", "—", "–", "(") or t.text == "," and not (past_others and _list_item_after(doc, k)):
            return None  # (with ``past_others`` a list of things runs on over commas: "танк, две БМП и до 290 ...")
        if past_others and k > start and t.pos in PREDICATE_POS and "impr" not in t.tags \
                and doc.tokens[k - 1].lower in PERSON_JOINERS:
            return None  # "погибли двое и ранены 24 человека": those after another predicate joined on are its own
        if k > start and _joined_with_predicate(doc, k, in_time):
            return None  # "погибли и трое получили ранения": those joined on with a predicate of their own
        value, end = _count_at(doc, k, in_time)
        if value is not None:
            if people_at(doc, end, PEOPLE_ADJECTIVES) or set(t.lemmas) & COLLECTIVE_NUMERALS and (
                    end >= len(doc.tokens) or doc.tokens[end].pos != "NOUN"):
                return value + _persons_joined_after(doc, end)  # (a collective numeral alone counts persons:
                # "погибли двое"; "троє дорослих і дитина": four)
            if not past_others:
                return None
    return None


def _in_circumstance(doc: CyrDoc, first: int) -> bool:
    """True for an event noun at token ``first`` after a preposition of circumstance, its adjectives between ("при
    эвакуации", "під час евакуації", "в ходе эвакуации"): the setting of another predicate."""
    k = first - 1
    while k > 0 and doc.tokens[k].pos in ("ADJF", "PRTF"):
        k -= 1
    words = (doc.tokens[k - 1].lower if k > 0 else "", doc.tokens[k].lower) if k >= 0 else ("", "")
    return words[1] in CIRCUMSTANCE_PREPOSITIONS or words in CIRCUMSTANCE_PHRASES


def _joined_with_predicate(doc: CyrDoc, k: int, in_time: set[int] | frozenset[int]) -> bool:
    """True for a number at token ``k`` joined on by "и"/"та" and followed by a predicate of its own ("Двое погибли и
    трое получили ранения"): the count of that predicate."""
    if doc.tokens[k - 1].lower not in PERSON_JOINERS:
        return False
    value, end = _count_at(doc, k, in_time)
    return value is not None and end < len(doc.tokens) and doc.tokens[end].pos in PREDICATE_POS


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
                    return value if people or not people_at(doc, end) else None
            return None
    return None


def count_of_subject(doc: CyrDoc, subject: tuple[int, int]) -> int | None:
    """The number right before a subject phrase (tokens [start, end)) of people, which counts them ("265 боевиков
    сложили оружие и сдались": the victims of the verb joined on), or None."""
    start = subject[0]
    return _count_ending_at(doc, max(doc.sentence_of(start).first, start - QUANTITY_BEFORE), start, set()) \
        if people_at(doc, start, PEOPLE_ADJECTIVES) else None


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
    if k >= 3 and and_a_half(doc, k - 2):
        k -= 3  # "чотири з половиною тисячі ... убито", read back from its multiplier
    if k in in_time or inside_number(doc, k) \
            or any(doc.tokens[j].lower in ("ни", "ні") for j in range(max(0, k - 2), k)):
        return None, k
    value, end = number_at(doc, k)
    if value == 1 and _one_of_the_most(doc, end):
        return None, k  # "назвала удар одним из самых смертоносных": a rank, not a count
    if value is not None and end + 1 < len(doc.tokens) and doc.tokens[end].lower in RANGE_WORDS:
        upper, stop = number_at(doc, end + 1)  # "от одного до трех километров": the range's measure is both ends'
        if upper is not None and is_measure(doc, stop, end + 1):
            return None, k
    return (value, end) if value is not None and not is_measure(doc, end, k) else (None, k)


def _one_of_the_most(doc: CyrDoc, end: int) -> bool:
    """True when "из" / "з" and a superlative follow "один" ending at ``end`` ("одним из самых ...", "один з
    найбільших")."""
    toks = doc.tokens
    if end + 1 >= len(toks) or toks[end].lower not in OUT_OF_PREPOSITIONS:
        return False
    t = toks[end + 1]
    return t.lemma in SUPERLATIVE_WORDS or "Supr" in t.tags or t.pos == "ADJF" and t.lower.startswith("най")


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
                and not (k > 0 and set(doc.tokens[k - 1].lemmas) & (set(NUMBER_LEMMAS) | MANY_LEMMAS)):
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


def _persons_joined_after(doc: CyrDoc, end: int) -> int:
    """How many singular persons are joined by "і"/"и"/"та"/"й" onto the people counted up to token ``end`` and the
    words of their noun phrase ("троє дорослих і дитина", "двое мужчин и женщина": one more)."""
    k = end - 1  # (from the number itself: "погибли трое и ребенок")
    while k < min(len(doc.tokens) - 1, end + PEOPLE_ADJECTIVES + 1) and (
            k < end or doc.tokens[k].pos in ("ADJF", "PRTF", "NOUN")):
        if doc.tokens[k + 1].lower in CONJUNCTIONS:
            return _joined_persons(doc, k)
        k += 1
    return 0


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
