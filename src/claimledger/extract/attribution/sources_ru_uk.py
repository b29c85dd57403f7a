"""Sources of Russian and Ukrainian attributions: the noun phrase that says something, found around its cue.

``find_source_before`` takes the subject before a cue ("Глава администрации Иван Петров заявил",
"У Генштабі повідомили"), ``find_locative_source`` the message of "в сообщении говорится"; an inverted subject
after its cue ("сообщило 12 мая Минобороны") is sources_after_ru_uk.py's, and the last person named before a
pronoun anaphora_ru_uk.person_before's. Token ranges in, token ranges out, over a ``CyrDoc``
(cyrillic.py); attribution_ru_uk.py wires them to the cues.
"""
from __future__ import annotations

import re

from ..language.cyrillic import (
    COORDINATORS, OBLIQUE_CASES, OUT_OF_PREPOSITIONS, CyrDoc, Token, bracketed_name_before, has_reading,
)
from .nominatives_ru_uk import case_of
from .collective_sources_ru_uk import sides_source
from .speakers_ru_uk import ANONYMOUS_SOURCES, PARTITIVE_HEADS, is_name_word
from .statement_times_ru_uk import dates_bulletin, is_date_word, is_time_phrase

# Conjunctions opening a reported clause.
THAT = frozenset({"что", "що", "будто", "мовляв", "якобы", "нібито", "чтобы", "щоб"})
# Prepositions opening an NP content ("доложил о ходе", "повідомили про обстріл").
ABOUT = frozenset({"о", "об", "про", "обо"})
PRONOUNS = frozenset({"он", "она", "они", "оно", "він", "вона", "вони", "воно", "его", "её", "ее", "їх", "його", "її", "их",
                      "їхніми", "їхньою", "їхнім"})  # (the possessive forms of "за їхніми даними", "за їхньою інформацією")
LATER_WORDS = frozenset({"позднее", "ранее", "пізніше", "раніше"})  # read as adjectives: "Позднее МЧС сообщило"
# Phrases of time between a subject and its cue that belong to neither ("Минобороны России последний раз сообщало",
# "Песков в очередной раз заявил"): an adjective or pronoun and "раз".
TIME_COUNT_NOUN = "раз"
TIME_COUNT_WORDS = frozenset({"последний", "очередной", "этот", "первый", "второй", "третий", "который", "ещё", "еще",
                              "останній", "черговий", "цей", "перший", "другий", "третій", "вкотре", "в", "у", "на"})
# Words between a subject and its cue that belong to neither ("Путин также заявил", "він раніше наголосив").
SKIPPABLE_POS = frozenset({"ADVB", "PRCL", "CONJ", "PRED"})
CLAUSE_BOUNDARIES = frozenset({",", "—", "–", ":", ";", "(", ")", "«", "»", "„", "“", "”", '"'})
MAX_SOURCE_TOKENS = 12  # a source NP longer than this is a misread clause
CLOSING_PUNCT = ".!?…"
QUOTED_NAME_WORDS = 6  # words of a quoted name inside a source ("движения «Мы вместе с Россией»")
ORDINAL_NUMBER = re.compile(r"^\d+-[^\W\d_]+$")  # "26-го", "47-й": a numbered unit's ordinal
OPEN_MARKS, CLOSE_MARKS = frozenset("«„“\""), frozenset("»“”\"")
# Prepositions that end an inverted source and open a setting after it ("повідомили в Генштабі у зведенні").
SETTING_PREPOSITIONS = frozenset({"в", "у", "во", "на", "під", "под", "во время", "під час", "после", "після"})
# Nouns of a role's status after "в/у", part of the role, not a setting ("подполковник в отставке Иван Петров").
ROLE_STATUS_NOUNS = frozenset({"отставка", "запас", "відставка"})
# Nouns of a report that a cue of denying or confirming takes as its object ("опровергли информацию о ...").
REPORT_NOUN_LEMMAS = frozenset({"информация", "сообщение", "данные", "заявление", "сведения", "сведение", "слух",
                                "утверждение", "новость", "інформація", "повідомлення", "дані", "заява", "відомості",
                                "чутка", "твердження", "новина", "факт"})
# Demonstratives opening an object fronted before its cue ("В Киеве эту информацию опровергли").
DEMONSTRATIVES = frozenset({"эту", "это", "эти", "этого", "этой", "цю", "це", "ці", "цього", "цієї", "такую", "таку"})
ORDINAL_FIGURE = re.compile(r"\d+-[а-яіїєґ]{1,3}")  # "46-й", "128-ї": an ordinal written in figures
# Conjunctions that join a second report of the same speaker with its subject left out, like COORDINATORS
# ("заявил, что ..., хотя признал, что ...", "сказав ..., але визнав ...").
CONTRASTIVE = frozenset({"хотя", "хоча", "но", "однако", "але", "проте", "однак", "зато", "впрочем", "втім"})
# Nouns of the setting a statement was made in, before an inverted source ("заявил в интервью РИА Новости X").
SETTING_NOUNS = frozenset({"интервью", "беседа", "эфир", "разговор", "комментарий", "обращение", "інтерв'ю",
                           "розмова", "ефір", "коментар", "звернення", "telegram", "телеграм", "telegram-канал",
                           "телеграм-канал", "телеграмм-канал", "соцсеть", "фейсбук", "facebook", "x", "twitter",
                           "твиттер", "твіттер", "соцмережа", "блог", "видеообращение", "відеозвернення"})
# Outlets told a statement, written before the cue ("В Кремле ТАСС заявили", "У штабі РБК-Україна повідомили").
OUTLET_ADDRESSEES = frozenset({"тасс", "риа", "новости", "интерфаксу", "рбк", "известиям", "укрінформу",
                               "рбк-україна", "суспільному", "рбк-украина"})
# Addressees between an inverted cue and its source ("заявил журналистам Дмитрий Песков").
MAX_ADDRESSEE_WORDS = 2
# Adjuncts naming the source a subject relies on: they end the subject ("Издание X со ссылкой на источники
# пишет": the outlet writes; the sources are an according-to attribution of their own).
REFERRING = (("со", "ссылкой", "на"), ("ссылаясь", "на"), ("з", "посиланням", "на"), ("із", "посиланням", "на"),
             ("посилаючись", "на"))
# Connectives opening a clause before its source ("В то же время в Киеве заявляют", "Водночас у Генштабі заявили"):
# no part of the source.
CONNECTIVES = (("в", "то", "же", "время"), ("в", "свою", "очередь"), ("тем", "временем"), ("между", "тем"),
               ("при", "этом"), ("вместе", "с", "тем"), ("у", "той", "же", "час"), ("в", "той", "же", "час"),
               ("водночас",), ("натомість",), ("тим", "часом"), ("між", "тим"), ("при", "цьому"),
               ("у", "свою", "чергу"), ("в", "свою", "чергу"), ("разом", "з", "тим"))


ACTING_ADVERBS = frozenset({"временно", "тимчасово"})  # ... before "исполняющий обязанности": part of the office


def words_at(toks: list[Token], i: int, words: tuple[str, ...]) -> bool:
    """True when the lower-case words from token i are ``words``."""
    return tuple(t.lower for t in toks[i:i + len(words)]) == words


def past_quoted_name(toks: list[Token], i: int, limit: int) -> int:
    """Index after a short quoted name starting at i (агентство «Интерфакс», бригада "Азов", движение «Мы вместе с
    Россией»), else i."""
    if i < limit and toks[i].text in OPEN_MARKS:
        close = next((c for c in range(i + 1, min(limit, i + 2 + QUOTED_NAME_WORDS)) if toks[c].text in CLOSE_MARKS),
                     None)
        if close is not None and close > i + 1 and toks[i + 1].is_title:
            return close + 1
    return i


def trim_range(doc: CyrDoc, first: int, last: int) -> tuple[int, int] | None:
    """Token range without leading/trailing commas, dashes and closing punctuation, but for the bracket closing one
    it holds ("Артемовск (Бахмут)")."""
    toks = doc.tokens
    edges = CLAUSE_BOUNDARIES | set(CLOSING_PUNCT)  # an opening mark starts a content, a closing mark ends one
    while first < last and toks[first].text in edges - OPEN_MARKS:
        first += 1
    while last > first and toks[last - 1].text in edges - CLOSE_MARKS \
            and not (toks[last - 1].text == ")" and any(t.text == "(" for t in toks[first:last - 1])):
        last -= 1
    return (first, last) if last > first else None


def fronted_report(doc: CyrDoc, k: int) -> bool:
    """True for a noun of a report that may be in the accusative at token k ("информацию", "сообщения", "заяву"):
    the object of a cue of denying or confirming when it comes before the cue ("В Киеве информацию о взятии
    города опровергли")."""
    t = doc.tokens[k]
    return bool(set(t.lemmas) & REPORT_NOUN_LEMMAS) and ("accs" in t.tags or has_reading(
        t.text, doc.language, "NOUN", "accs"))


def is_nominal(t: Token) -> bool:
    """True for a word of a noun phrase: a noun, pronoun, adjective (an ordinal in figures too: "46-й бригаде"),
    numeral, abbreviation or quote mark."""
    return (t.pos in ("NOUN", "NPRO", "ADJF", "NUMR", None) or "Fixd" in t.tags or t.text.isupper()
            or t.text in ("«", "»", '"', "„", "“", "”", "-") or ORDINAL_FIGURE.fullmatch(t.lower) is not None)


def _fronted_object(doc: CyrDoc, k: int, cue_first: int) -> bool:
    """True for a lower-case noun at token ``k`` with no oblique reading, after a locative source and before a plural
    cue it cannot be the subject of ("В украинских СМИ удар по НПЗ связывают с ...", "В Киеве удар опровергли"):
    the object the unnamed speakers report on, no part of the source."""
    t, cue = doc.tokens[k], doc.tokens[cue_first]
    return t.pos == "NOUN" and t.text.islower() and "plur" in cue.tags and "plur" not in t.tags \
        and not any(has_reading(t.text, doc.language, None, case) for case in ("gent", "datv", "ablt", "loct"))


def find_source_before(doc: CyrDoc, sent, cue_first: int, floor: int | None = None) -> tuple[int, int] | None:
    """The subject NP before a cue: from the first nominative word after the clause start to the cue.
    A short parenthetical set off by commas (", 10 травня,") is stepped over; a coordinated second
    cue ("назвал ... и отметил") has no subject of its own."""
    toks = doc.tokens
    floor = sent.first if floor is None else floor
    last = cue_first
    while last > floor and (toks[last - 1].pos in SKIPPABLE_POS or toks[last - 1].lower in LATER_WORDS) \
            and toks[last - 1].lower not in PRONOUNS | COORDINATORS | CONTRASTIVE:
        last -= 1  # (also "Минобороны России позднее сообщило")
    if last - 1 > floor and toks[last - 1].lower == TIME_COUNT_NOUN:  # "... последний раз сообщало"
        last -= 1
        while last - 1 > floor and toks[last - 1].lower in TIME_COUNT_WORDS:
            last -= 1
    if last > floor and toks[last - 1].lower in COORDINATORS | CONTRASTIVE:
        return None
    clause = next((i + 1 for i in range(last - 1, floor - 1, -1) if toks[i].lower in THAT), floor)
    referring = next((i for i in range(clause + 1, last) if any(words_at(toks, i, p) for p in REFERRING)), None)
    if referring is not None:
        last = referring
    sides = sides_source(doc, floor, cue_first)  # "Обидві сторони наголосили", "Стороны отметили"
    if sides is not None:
        return sides
    start = next((i + 1 for i in range(last - 1, floor - 1, -1) if toks[i].text in (",", "—", "–", ":", ";")), floor)
    start = _past_clause_lead(toks, start, last)
    if start < last and fronted_report(doc, start):
        # "Информацию о взятии города в Генштабе ВСУ опровергли": the source after the object; "Информацию о
        # взятии города опроверг главком ВСУ": none before the cue (the object's genitive is no subject)
        at = next((k for k in range(last - 2, start, -1) if toks[k].lower in ("в", "у", "во")
                   and all(is_nominal(t) for t in toks[k + 1:last])), None)
        return (at + 1, last) if at is not None else None
    # "В Киеве эту информацию опровергли", "В Киеве информацию о взятии города опровергли": the object fronted
    # before the cue is no part of the source
    end = next((k for k in range(start + 2, last) if toks[k].lower in DEMONSTRATIVES or fronted_report(doc, k)
                or _fronted_object(doc, k, cue_first)), last)
    if last - start >= 2 and toks[start].lower in ("в", "у", "во") \
            and all(is_nominal(t) or doc.entity_label(t.i) == "PER" for t in toks[start + 1:end]):
        subject = next((m for m in range(start + 2, end) if _nominative_pronoun(toks[m])
                        or doc.entity_label(m) == "PER" and has_reading(toks[m].text, doc.language, None, "nomn")),
                       None)
        if subject is not None:  # "В видеообращении он сообщил", "В Кремле Песков заявил": the place is a setting
            return _subject_in(doc, subject, end)
        # "В пресс-службе ведомства ТАСС пояснили": the outlet told is no part of the source
        while end - start > 2 and toks[end - 1].lower in OUTLET_ADDRESSEES:
            end -= 1
        return (start + 1, end)  # "У Генштабі повідомили", "В Минобороны сообщили"
    lead = next((len(p) for p in REFERRING if words_at(toks, start, p)), 0)
    if lead:  # "Со ссылкой на источники издание пишет": the subject follows the cited source
        subject = split_referred_subject(doc, start + lead, last, toks[cue_first])
        if subject is not None:
            return (subject, last)
    if start < end < last and (toks[end].lower in DEMONSTRATIVES or toks[end].lemma == "факт"
                               or toks[end + 1].lower in ABOUT):
        last = end  # "Украинская сторона информацию о взятии Соледара опровергла": the subject before the object
        # (not "Собеседник РИА Новости добавил", "Издание «Вечерние новости»": a report noun in a name)
    for _ in range(2):
        # past a leading time ("В воскресенье губернатор ..."), also before a parenthetical stepped over ("Позднее
        # Зеленский на вопрос журналиста, контролирует ли Украина Бахмут, ответил")
        lo = start if start < last else _past_clause_lead(toks, floor, last)
        found = _subject_in(doc, lo, last) or _agreeing_subject(doc, lo, last, toks[cue_first])
        if found is not None:
            return _named_before_apposition(doc, floor, found[0]) or found
        # step over ", <parenthetical>," before the cue
        if last > floor and toks[last - 1].text == ",":
            comma = next((i for i in range(last - 2, max(floor - 1, last - 8), -1) if toks[i].text == ","), None)
            if comma is None:
                return None
            last = comma
        else:
            return None
    return None


def _past_clause_lead(toks: list[Token], start: int, last: int) -> int:
    """The first token of a clause opening at ``start`` past its connectives, adverbs, dates and time phrases
    ("Ранее в Кремле опровергли", "В то же время в Киеве заявляют"), ``last`` at most."""
    while start < last:
        lead = next((len(c) for c in CONNECTIVES if words_at(toks, start, c)), 0)
        if lead and start + lead < last:
            start += lead  # "В то же время в Киеве заявляют"
        elif toks[start].pos in ("ADVB", "COMP") and toks[start].lower not in ACTING_ADVERBS \
                or toks[start].lower in LATER_WORDS or is_date_word(toks, start):
            start += 1
        elif is_time_phrase(toks, start) and start + 2 < last:
            start += 2  # "В воскресенье губернатор ... сообщил": a time, not the place of the source
        else:
            break
    return start


APPOSED_NAME_WORDS = 3  # words of a person's name before the role set off after it ("Владимир Рогов, член ...")


def _named_before_apposition(doc: CyrDoc, floor: int, start: int) -> tuple[int, int] | None:
    """The person's name opening the clause before a comma right before token ``start`` when the phrase from there is
    a role in apposition ("Владимир Рогов, член главного совета ..., назначенной Россией, признал": Рогов), else
    None."""
    toks = doc.tokens
    comma = start - 1
    if comma <= floor or toks[comma].text != "," or toks[start].is_title:
        return None
    first = comma
    while first > floor and comma - first < APPOSED_NAME_WORDS and is_name_word(doc, toks[first - 1]):
        first -= 1
    opens = first == floor or toks[first - 1].text in CLAUSE_BOUNDARIES or toks[first - 1].lower in THAT
    return (first, comma) if first < comma and opens else None


def split_referred_subject(doc: CyrDoc, first: int, last: int, verb: Token) -> int | None:
    """Where a verb's subject starts in the words after "со ссылкой на" before it ("Со ссылкой на источники
    издание пишет" -> "издание"): the first nominative or capitalised word after a noun that does not agree
    with the verb in number; None when there is no such word."""
    toks = doc.tokens
    number = next((n for n in NUMBERS if n in verb.tags), None)
    if number is None:
        return None
    for m in range(first + 1, last):
        t, before = toks[m], toks[m - 1]
        subject_like = t.pos in ("NOUN", "ADJF") and "nomn" in t.tags and number in t.tags \
            or t.is_title or t.text.isupper()
        if subject_like and before.pos in ("NOUN", None) and number not in before.tags:
            return m
    return None


def _subject_in(doc: CyrDoc, floor: int, last: int) -> tuple[int, int] | None:
    toks = doc.tokens
    first = last
    while first > floor and last - first < MAX_SOURCE_TOKENS:
        opening = bracketed_name_before(toks, first, floor)
        if opening is not None:
            first = opening  # "Аналитики Института изучения войны (ISW) считают": the name's short form
            continue
        if toks[first - 1].text in CLAUSE_BOUNDARIES - OPEN_MARKS - CLOSE_MARKS or toks[first - 1].lower in THAT:
            break
        first -= 1
    pronoun = next((i for i in range(last - 1, first - 1, -1) if _nominative_pronoun(toks[i])), None)
    if pronoun is not None:
        return (pronoun, pronoun + 1)
    start = next((i for i in range(first, last) if (is_nominative(toks[i]) or doc.entity_label(i) in ("PER", "ORG"))
                  and not _entity_after_preposition(doc, i, first)), None)
    if start is None and last - first == 1 and is_name_word(doc, toks[first]):
        return (first, last)  # a lone surname the dictionary reads as a common noun ("Песков, в свою очередь,")
    if start is None:
        return None
    office = _acting_office(toks, first, start, last)  # "Исполняющий обязанности губернатора ... Алексей Смирнов"
    quoted = quoted_tokens(toks, start, last)  # a quoted name is nominal whatever its words («Украинская правда»)
    for end in range(start + 1, last + 1):  # a bracketed short name is nominal too ("... войны (ISW)")
        opening = bracketed_name_before(toks, end, start)
        if opening is not None:
            quoted.update(range(opening, end))
    if office is not None:
        start = office
    inner = [i for i in range(start, last) if not (is_nominal(toks[i]) or toks[i].pos == "PREP" or i in quoted
                                                   or _name_digits(toks, i) or doc.entity_label(i) == "PER"
                                                   or office is not None and i <= office + 1
                                                   or _oblique_participle(toks[i]) or toks[i].pos == "PRCL")]
    # (a particle is no predicate: "Сырский в тот же день заявил")
    if inner:  # a verb or number inside: keep the words after it
        start = inner[-1] + 1
        while start < last and not (is_nominative(toks[start]) or doc.entity_label(start) in ("PER", "ORG")):
            start += 1
        if start >= last:
            return None
    # a trailing prepositional phrase with no nominative word is a setting ("... Зеленський у п'ятницю"),
    # except after an anonymous source ("Источник в силовых структурах сообщил")
    for i in range(start + 1, last):
        if toks[i].lower in ("в", "у", "во") \
                and any(toks[m].lemma in ANONYMOUS_SOURCES for m in range(max(start, i - 3), i)):
            break
        if toks[i].lower in OUT_OF_PREPOSITIONS and set(toks[i - 1].lemmas) & PARTITIVE_HEADS:
            continue  # "Один из командиров сообщил": who among whom is the source
        if toks[i].pos == "PREP" and not any(is_nominative(toks[m]) and not _preposition_object(toks, m)
                                             and not _latin_attribute(toks, m) for m in range(i + 1, last)):
            last = i  # (a nominative reading of a preposition's object is none: "на питання журналістів")
            break
    return (start, last)


def _entity_after_preposition(doc: CyrDoc, i: int, floor: int) -> bool:
    """True when token i lies in a named entity whose first word is the object of a preposition ("вокруг
    Запорожской АЭС Президент России проинформировал": the plant is where, the president who)."""
    label, k = doc.entity_label(i), i
    if label is None:
        return False
    # (back to the entity's first word; a nominative word that declines opens a name of its own: "встречи с
    # Эммануэлем Макроном Владимир Путин заявил", which the tagger may read as one entity)
    while k > floor and doc.entity_label(k - 1) == label \
            and not (is_nominative(doc.tokens[k]) and "Fixd" not in doc.tokens[k].tags):
        k -= 1
    # (not after "в"/"на": "В Минобороны России сообщили" names who speaks by where)
    return k > floor and doc.tokens[k - 1].pos == "PREP" and doc.tokens[k - 1].lower not in SETTING_PREPOSITIONS


def acting_participle(toks: list[Token], i: int, limit: int) -> bool:
    """True for an active participle in the nominative that, with the noun after it, names an office ("исполняющий
    обязанности губернатора"): a subject as a noun is."""
    t = toks[i]
    return t.pos == "PRTF" and {"nomn", "actv"} <= t.tags and i + 1 < limit and toks[i + 1].pos == "NOUN"


def _acting_office(toks: list[Token], first: int, start: int, last: int) -> int | None:
    """Where an office named by an acting participle opens the subject that starts at ``start`` ("Временно
    исполняющий обязанности губернатора Курской области Алексей Смирнов"), with its adverb; None when there is none."""
    acting = next((k for k in range(first, start) if acting_participle(toks, k, last)
                   and all(is_nominal(t) for t in toks[k + 1:start])), None)
    if acting is not None and acting > first and toks[acting - 1].lower in ACTING_ADVERBS:
        return acting - 1
    return acting


def _oblique_participle(t: Token) -> bool:
    """True for a participle in an oblique case, which describes a noun inside the source ("Глава назначенной
    Россией администрации")."""
    return t.pos == "PRTF" and "nomn" not in t.tags and bool(t.tags & OBLIQUE_CASES)


def _nominative_pronoun(t: Token) -> bool:
    """True for a personal pronoun in the nominative ("он", "вони"), a subject."""
    return t.lower in PRONOUNS and "nomn" in t.tags


def _name_digits(toks: list[Token], i: int) -> bool:
    """True for digits written onto the word before them, part of one name ("G7", "Су-34")."""
    return toks[i].pos == "NUMB" and i > 0 and toks[i].start == toks[i - 1].end


def _latin_attribute(toks: list[Token], m: int) -> bool:
    """True for a Latin-script name right after a noun in an oblique case, which it names ("на саммите G7",
    "из системы HIMARS"): no subject of its own."""
    before = toks[m - 1] if m > 0 else None
    return toks[m].pos is None and before is not None and before.pos == "NOUN" and case_of(before) not in (None, "nomn")


def _preposition_object(toks: list[Token], m: int) -> bool:
    """True when token ``m`` is the first noun after a preposition, past its adjectives ("на питання", "з Джо")."""
    k = m - 1
    while k >= 0 and toks[k].pos in ("ADJF", "PRTF", "NUMB"):
        k -= 1
    return k >= 0 and toks[k].pos == "PREP"


def quoted_tokens(toks: list[Token], first: int, last: int) -> set[int]:
    """Indexes of the tokens inside short quoted names in [first, last)."""
    out: set[int] = set()
    for i in range(first, last):
        end = past_quoted_name(toks, i, last)
        if end > i:
            out.update(range(i, end))
    return out


NUMBERS = ("sing", "plur")


def _agreeing_subject(doc: CyrDoc, floor: int, last: int, verb: Token) -> tuple[int, int] | None:
    """A subject noun phrase set off from its verb by the object ("Украинская сторона эти данные
    опровергла"): the first nominative run of the clause up to where the grammatical number changes,
    taken only when its head noun agrees in number with the verb; or a noun read first as another case that has a
    nominative of the verb's number, with only noun-phrase words after it ("Власти заявили": genitive first)."""
    toks = doc.tokens
    number = next((n for n in NUMBERS if n in verb.tags), None)
    first = last
    while first > floor and toks[first - 1].text not in CLAUSE_BOUNDARIES - OPEN_MARKS - CLOSE_MARKS \
            and toks[first - 1].lower not in THAT and last - first < MAX_SOURCE_TOKENS:
        first -= 1
    if number is None or first >= last:
        return None
    if not is_nominative(toks[first]):
        return (first, last) if toks[first].pos == "NOUN" and all(is_nominal(t) for t in toks[first + 1:last]) \
            and has_reading(toks[first].text, doc.language, "NOUN", "nomn", number) else None
    end, head = first, None
    while end < last and is_nominative(toks[end]):
        if head is not None and number not in toks[end].tags:
            break
        if toks[end].pos == "NOUN":
            head = toks[end]
        end += 1
    if head is None or number not in head.tags or end >= last:
        return None
    return (first, end)


def is_nominative(t: Token) -> bool:
    return ("nomn" in t.tags and (t.pos in ("NOUN", "NPRO", "ADJF", None) or set(t.lemmas) & PARTITIVE_HEADS)) \
        or ("Fixd" in t.tags) \
        or (t.text.isupper() and len(t.text) > 1) or t.pos is None and t.is_title


def find_locative_source(doc: CyrDoc, sent, cue_first: int) -> tuple[int, int] | None:
    """"в сообщении (также) говорится" / "у повідомленні Генштабу йдеться": the NP after в/у before the cue; or after
    it ("йдеться у зведенні Генштабу ЗСУ станом на 06:00"), up to a clause boundary or the words that date it."""
    toks = doc.tokens
    for i in range(cue_first - 1, max(sent.first - 1, cue_first - 6), -1):
        if toks[i].lower in ("в", "у", "во"):
            last = next((m for m in range(cue_first, i + 1, -1) if toks[m - 1].pos not in SKIPPABLE_POS), i + 1)
            return (i + 1, last) if last > i + 1 else None
    nxt = cue_first + 1
    if nxt + 1 < sent.last and toks[nxt].lower in ("в", "у"):
        last = nxt + 1
        while last < sent.last and toks[last].text not in CLAUSE_BOUNDARIES | set(CLOSING_PUNCT) \
                and not dates_bulletin(toks, last):
            last += 1
        return (nxt + 1, last)
    return None
