"""Inverted sources of Russian and Ukrainian attributions: the subject after its cue ("сообщил глава ... Иван
Иванов", "передает ТАСС", "сообщили в Минобороны", "— сказал он журналистам"), past a setting, a date or the
outlet told. Token ranges in, token ranges out, over a ``CyrDoc``; the subject before a cue is sources_ru_uk.py's.
"""

from __future__ import annotations

from ..language.cyrillic import FROM_PREPOSITIONS, CyrDoc, Token, has_reading
from .name_readings_ru_uk import addressee_name, first_and_surname, nominative_name_word, surname_after_first_name
from .sources_ru_uk import (
    ABOUT, ACTING_ADVERBS, CLAUSE_BOUNDARIES, CLOSE_MARKS, CLOSING_PUNCT, MAX_ADDRESSEE_WORDS, MAX_SOURCE_TOKENS,
    OPEN_MARKS, ORDINAL_NUMBER, PRONOUNS, REFERRING, ROLE_STATUS_NOUNS, SETTING_NOUNS, SETTING_PREPOSITIONS, THAT,
    acting_participle, is_nominative, past_quoted_name, words_at,
)
from .speakers_ru_uk import ANONYMOUS_SOURCES
from .statement_times_ru_uk import TIME_NOUNS, dates_bulletin, is_date_word, is_time_phrase

OFFICE_PLACE_WORDS = 3  # words of the place an office is in, before the holder's name ("посол ЛНР в России ...")


def _nominative_reading(doc: CyrDoc, t: Token) -> bool:
    """True for a noun with a nominative reading, whatever its first one: a neuter or inanimate subject right after
    its cue reads as accusative too ("сообщает представительство республики в СЦКК")."""
    return t.pos == "NOUN" and has_reading(t.text, doc.language, "NOUN", "nomn")


LOCATIVE_MODIFIERS = 4  # ordinals and adjectives before the noun of a body a source "в"/"у" names


def find_source_after(doc: CyrDoc, sent, first: int) -> tuple[int, int] | None:
    """An inverted subject after the cue ("сообщил глава ... Иван Иванов", "передает ТАСС",
    "сообщили в Минобороны"), up to a comma, colon, "что" or the sentence end."""
    toks = doc.tokens
    i = first
    while i < sent.last and (toks[i].pos in ("ADVB", "PRCL") and toks[i].lower not in THAT
                             or is_date_word(toks, i) or is_time_phrase(toks, i)):
        i += 2 if is_time_phrase(toks, i) else 1  # "заявил вчера командующий", "сообщило 12 мая Минобороны"
    addressee = i
    while addressee < min(sent.last, i + MAX_ADDRESSEE_WORDS) and (
            toks[addressee].pos == "NOUN" and "datv" in toks[addressee].tags and not toks[addressee].is_title
            or addressee_name(doc, toks[addressee])):
        addressee += 1  # "заявил журналистам Дмитрий Песков", "доложил Путину министр обороны"
    if i < addressee < sent.last and (is_nominative(toks[addressee]) or doc.entity_label(addressee) == "PER"):
        i = addressee
    i = past_outlet_addressee(doc, i, sent.last)  # "— заявил ТАСС военный эксперт Иван Петров"
    if i < sent.last and toks[i].lower in ("в", "у", "во") and i + 1 < sent.last:
        i += 1  # "сообщили в Минобороны", "повідомили у Генштабі", "говорится в сообщении"
        if "Apro" in toks[i].tags and i + 1 < sent.last:
            i += 1  # "в своем Telegram-канале"
        after_setting = source_after_setting(doc, sent, i + 1) if toks[i].lemma in SETTING_NOUNS else None
        if after_setting is not None:  # "рассказал в беседе с корреспондентом ТАСС командир роты"
            return after_setting  # (else the setting is the source: "говорится в Telegram-канале губернатора")
        head = i
        while head < min(sent.last, i + LOCATIVE_MODIFIERS) and (
                toks[head].pos in ("ADJF", "PRTF")
                or toks[head].pos == "NUMB" and ORDINAL_NUMBER.match(toks[head].text)):
            head += 1  # "у 3-й окремій штурмовій бригаді", "в российском Минобороны": modifiers of the body
        if head >= sent.last or toks[head].pos != "NOUN" and not toks[head].is_title \
                and past_quoted_name(toks, head, sent.last) == head:
            return None
    elif i < sent.last and toks[i].lower in PRONOUNS:
        return (i, i + 1)  # "— сказал он журналистам": the pronoun alone
    elif i < sent.last and past_quoted_name(toks, i, sent.last) > i:
        return (i, past_quoted_name(toks, i, sent.last))  # "Об этом пишет «Коммерсантъ»"
    elif i < sent.last and acting_participle(toks, i, sent.last):
        if toks[i - 1].lower in ACTING_ADVERBS:
            i -= 1  # "временно исполняющий обязанности губернатора ...": the adverb is part of the office
    elif i >= sent.last or not (is_nominative(toks[i]) or doc.entity_label(i) in ("PER", "ORG")
                                or _plural_subject_reading(doc, toks[i], toks[first - 1])
                                or _nominative_reading(doc, toks[i])) \
            or toks[i].lower in THAT or toks[i].pos == "PREP":
        return None
    last = past_quoted_name(toks, i, sent.last)  # (a body's quoted name: "сообщили в «Укрэнерго»")
    while last < sent.last and toks[last].text not in CLAUSE_BOUNDARIES | set(CLOSING_PUNCT) \
            and toks[last].lower not in THAT and last - i < MAX_SOURCE_TOKENS:
        named = toks[last].is_title and doc.entity_label(last) == "PER"
        if toks[last].pos in ("VERB", "INFN", "GRND") and not named or toks[last].lower in ABOUT:
            return None  # (a surname the dictionary reads as a verb is a name: "Родион Мирошник")
        if toks[last].pos == "NUMB" and not ORDINAL_NUMBER.match(toks[last].text) or dates_bulletin(toks, last):
            break  # "передает агентство 3 марта", "станом на 06:00" (an ordinal names a unit: "речник 26-го ...")
        if last > i and toks[last].lower in SETTING_PREPOSITIONS and toks[last - 1].lemma not in ANONYMOUS_SOURCES \
                and not (last + 1 < sent.last and toks[last + 1].lemma in ROLE_STATUS_NOUNS) \
                and not _name_after_office_place(doc, sent, last):
            break  # "в Генштабі у ранковому зведенні"; "источник в силовых структурах" is one source
        if last > i and any(words_at(toks, last, p) for p in REFERRING):
            break  # "повідомляє Укрінформ з посиланням на ...": the outlet, then whom it cites
        if last > i and doc.entity_label(last - 1) == "PER" and doc.entity_label(last) != "PER":
            break  # "— заявил Иван Петров РИА Новости": the name ends the source, the outlet is the addressee
        if last > i and nominative_name_word(doc, toks[last - 1]) \
                and addressee_name(doc, toks[last]) and not surname_after_first_name(doc, last):
            break  # "доложил министр Сергей Шойгу Владимиру Путину": the dative name is whom he told
        last += 1
        last = past_quoted_name(toks, last, sent.last)
    if last <= i:
        return None
    return (i, _past_named_apposition(doc, sent, i, last))


def _name_after_office_place(doc: CyrDoc, sent, k: int) -> bool:
    """True when the preposition at token ``k`` opens the place of an office and a person's name follows it ("посол
    ЛНР в России Родион Мирошник"): part of the source, no setting."""
    toks = doc.tokens
    place = k + 1
    while place < sent.last and place - k <= OFFICE_PLACE_WORDS and toks[place].pos in ("NOUN", "ADJF") \
            and doc.entity_label(place) in ("LOC", None):
        place += 1
    return place > k + 1 and place < sent.last and toks[place].is_title and doc.entity_label(place) == "PER"


def _plural_subject_reading(doc: CyrDoc, t: Token, verb: Token) -> bool:
    """True for a noun after a plural verb that the dictionary reads first in another case but also as an animate
    nominative plural ("повідомили аналітики": the analysts, not "of analytics")."""
    return "plur" in verb.tags and t.pos == "NOUN" and has_reading(
        t.text, doc.language, "NOUN", "anim", "plur", "nomn")


def _past_named_apposition(doc: CyrDoc, sent, first: int, last: int) -> int:
    """The end of an inverted source [first, last) with the person its role is set beside after a comma, when
    that closes the sentence ("заявил ТАСС военный эксперт, подполковник в отставке Андрей Марочко"); else
    ``last``. A source already naming a person, or a clause after the comma, keeps its end."""
    toks = doc.tokens
    if last >= sent.last or toks[last].text != "," or any(doc.entity_label(k) == "PER" for k in range(first, last)):
        return last
    end = sent.last
    while end > last + 1 and toks[end - 1].text in CLOSING_PUNCT:
        end -= 1
    rest = range(last + 1, end)
    named = doc.entity_label(end - 1) == "PER" or first_and_surname(doc, end - 1)
    if not rest or len(rest) > MAX_SOURCE_TOKENS or not named or any(
            toks[k].text in CLAUSE_BOUNDARIES or toks[k].pos in ("VERB", "INFN", "GRND", "PRTF") or toks[k].lower in THAT
            for k in rest):
        return last
    return end


def source_after_setting(doc: CyrDoc, sent, first: int) -> tuple[int, int] | None:
    """The inverted source after a setting ("в интервью РИА Новости Иван Петров", "в беседе с корреспондентом
    ТАСС командир роты"): from the first person's name or lower-case nominative word to the clause end."""
    toks = doc.tokens
    stops = (CLAUSE_BOUNDARIES - OPEN_MARKS - CLOSE_MARKS) | set(CLOSING_PUNCT)  # quoted names are inside
    end = next((m for m in range(first, sent.last) if toks[m].text in stops or toks[m].lower in THAT), sent.last)
    start = next((m for m in range(first, end) if doc.entity_label(m) == "PER" or not toks[m].is_title
                  and toks[m].pos in ("NOUN", "ADJF") and "nomn" in toks[m].tags), None)
    if start is None or end - start > MAX_SOURCE_TOKENS or any(t.pos in ("VERB", "INFN") for t in toks[start:end]):
        return None
    return (start, end)


def past_outlet_addressee(doc: CyrDoc, first: int, last: int) -> int:
    """The source after an outlet it was told to ("Как рассказал ТАСС источник в ведомстве", "заявил ТАСС эксперт
    Иван Петров", "как уточнили ТАСС в пресс-службе"): the first lower-case nominative word after an abbreviation,
    or the noun after "в/у"; ``first`` when the abbreviation is the source."""
    toks = doc.tokens
    if first >= last:
        return first
    told = past_quoted_name(toks, first, last)
    if told > first and told + 1 < last and toks[told].lower in FROM_PREPOSITIONS \
            and toks[told + 1].pos in ("NOUN", "ADJF"):
        return told + 1  # "Как стало известно «Известиям» из источников ...": the outlet told, then its sources
    if first + 2 < last and toks[first].is_title and toks[first + 1].lower in ("в", "у", "во") \
            and toks[first + 2].pos == "NOUN" and toks[first + 2].lemma not in TIME_NOUNS | SETTING_NOUNS \
            and _known_org(doc, toks[first]):
        return first + 1  # "Як повідомили Укрінформу в пресслужбі ОВА": an outlet told, then the source
    if not (toks[first].text.isupper() and len(toks[first].text) > 1):
        return first
    m = first + 1
    while m < min(last, first + 3) and (toks[m].is_title or toks[m].text.isupper()):
        m += 1  # the rest of the outlet's name ("РИА Новости")
    if m < last and not toks[m].is_title and toks[m].pos in ("NOUN", "ADJF") and "nomn" in toks[m].tags:
        return m
    if m + 1 < last and toks[m].lower in ("в", "у", "во") and toks[m + 1].pos == "NOUN" \
            and toks[m + 1].lemma not in TIME_NOUNS:
        return m  # "сообщили ТАСС в пресс-службе": the "в" phrase names the source
    return first


def _known_org(doc: CyrDoc, t: Token) -> bool:
    """True when a word's dictionary form is a known office or outlet of the speaker table ("Укрінформу")."""
    from .speakers_ru_uk import canonical_speaker

    return canonical_speaker(t.lemma, doc.language) != t.lemma


def addressee_only(toks: list[Token], first: int, last: int) -> bool:
    """True when the words up to the clause end hold no verb ("— сказал он журналистам в Кремле.")."""
    for t in toks[first:last]:
        if t.text in CLOSING_PUNCT + ",;:":
            return True
        if t.pos in ("VERB", "INFN", "GRND") or t.lower in THAT:
            return False
    return True
