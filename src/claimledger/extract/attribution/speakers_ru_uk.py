"""Speakers and roles from Russian and Ukrainian source phrases.

``describe_source(doc, (first, last))`` splits a source NP such as "пресс-секретарь Кремля Дмитрий Песков"
or "командувач Повітряних сил Микола Олещук" into the speaker's name, in the nominative
("Путина" -> "Путин"), and the role before it. Names are written in the text's language; a source with no
person (an organisation, a ministry, an outlet) is its own speaker with no role.
"""
from __future__ import annotations

import functools
import re

from ...sides import UNKNOWN, side_of_outlet
from ..language.cyrillic import CyrDoc, Token, bracketed_name_before, has_reading
from ..places.gazetteer import load_gazetteer
from ..language.lexicon_files import lexicon_rows
from ..places.name_forms import MIN_STEM
from ..places.name_context_ru_uk import PERSON_TAGS
from ..language.nlp import load_morphology
from .nominatives_ru_uk import CASE_ORDER, case_of, first_name_gender, nominative_role, nominative_word
from ..places.place_candidates_ru_uk import name_candidates
from .romanisation import romanise

# Surname endings that mark a capitalised word as a person's name when the dictionary does not know it.
SURNAME_ENDINGS = re.compile(r"(?:ський|цький|ский|цкий|енко|ук|юк|чук|ов|ев|ёв|ин|ін|ич|ович|евич|ова|ева|іна|ина)$")
# Capitalised office nouns that are not first names (the Ukrainian dictionary tags some first names inanimate).
OFFICE_NOUNS = frozenset({"генштаб", "штаб", "міністерство", "міноборони", "офіс", "сила", "уряд", "рада", "служба",
                          "командування", "угруповання", "кремль", "президент", "міністр", "речник"})
STRIP = ",:;—–-«»\"„“” "
# Bodies that speak for themselves whoever heads them ("Офис президента Зеленского", "администрация Байдена");
# a press service speaks for its holder ("пресс-служба Гладкова").
OWNED_BODIES = frozenset({"офис", "офіс", "администрация", "адміністрація", "аппарат", "апарат", "правительство",
                          "уряд", "штаб", "ведомство", "відомство", "министерство", "міністерство"})


# Nouns of anonymous sources whose "в/у" phrase belongs to them ("источник в силовых структурах", "джерело в
# СБУ"), where after another subject the same phrase is a setting ("Губернатор в Telegram-канале сообщил").
ANONYMOUS_SOURCES = frozenset({"источник", "собеседник", "джерело", "співрозмовник"})
# First names the Ukrainian dictionary knows only as common nouns or towns ("Володимир", the city; "Богдан").
UNLISTED_FIRST_NAMES = frozenset({"володимир", "богдан"})
# Words naming some of a group ("Один из командиров", "Часть депутатов", "Більшість опитаних"): never a name,
# whatever their ending ("Один" ends like Путин).
PARTITIVE_HEADS = frozenset({"один", "одна", "одно", "некоторый", "многие", "многий", "часть", "большинство",
                             "каждый", "кто-то", "кто-нибудь", "деякий", "багато", "частина", "більшість", "кожен",
                             "хтось"})


def is_name_word(doc: CyrDoc, t: Token) -> bool:
    """True for a word of a person's name: tagged so, a natasha PER, or a capitalised word with a surname ending."""
    if not t.is_title or t.text.isupper() or set(t.lemmas) & PARTITIVE_HEADS:  # "ОВА", "ВСУ": abbreviations
        return False
    if t.lower.startswith(COUNTRY_ADJECTIVE_STEMS):
        return False  # "Украинский Генштаб сообщил": a country's office, no surname
    if t.tags & PERSON_TAGS or doc.entity_label(t.i) == "PER":
        return True
    prev = doc.tokens[t.i - 1] if t.i > 0 else None
    if t.pos == "ADJF" and prev is not None and prev.is_title and has_reading(
            prev.text, doc.language, None, "Name") and has_reading(t.text, doc.language, None, "Surn"):
        return True  # an adjectival surname after a first name ("Сергій Череватий"), not "Сумська ОВА"
    if t.pos == "NOUN" and prev is not None and prev.is_title and any(
            has_reading(prev.text, doc.language, None, case, "Name") and has_reading(t.text, doc.language, "NOUN", case)
            for case in CASE_ORDER):
        return True  # a surname that is also a common noun, in the case of the first name before it ("Андрія Мельника")
    after = doc.tokens[t.i + 1] if t.i + 1 < len(doc.tokens) else None
    if t.pos == "NOUN" and after is not None and after.is_title and any(
            has_reading(t.text, doc.language, None, case, "Name") and has_reading(after.text, doc.language, None, case,
                                                                                   "Surn") for case in CASE_ORDER):
        return True  # a first name read first as a common noun, before a surname in its case ("Володимира Мединського")
    # an unknown word or an adjective with a surname ending ("Сушинський"); a known common noun
    # with one ("Голова") is not a name
    return bool(SURNAME_ENDINGS.search(t.lower)) and (t.pos in ("ADJF", None) or t.pos == "NOUN" and "anim" not in t.tags
                                                      and doc.entity_label(t.i) is None and doc.language == "ru")


def _strip_label(text: str) -> str:
    """A label without the punctuation around it, keeping the closing mark of a quoted name in it
    ('Представитель группировки "Центр"', "группировка «Юг»")."""
    out = text.strip(STRIP)
    if out.count("«") > out.count("»"):
        out += "»"
    elif out.count('"') % 2:
        out += '"'
    return out




# Nouns naming a news medium before its quoted name ("издание «Украинская правда»", "агентство «Интерфакс»").
MEDIA_NOUNS = frozenset({"издание", "агентство", "телеканал", "газета", "портал", "сайт", "телеграм-канал",
                         "видання", "агенція", "радиостанция", "радіостанція"})
# Prepositions of according-to phrases whose noun takes the source in the genitive ("по словам", "со слов",
# "за словами", "за даними").
SOURCE_PREPOSITIONS = frozenset({"по", "со", "за"})
QUOTED_NAME = re.compile(r"[«„“\"]([^«»„“”\"]+)[»”“\"]")


def _governs_genitive(doc: CyrDoc, first: int) -> bool:
    """True when the words before token ``first`` take a genitive source ("по словам", "по данным", "за словами")."""
    return first >= 2 and doc.tokens[first - 2].lower in SOURCE_PREPOSITIONS and doc.tokens[first - 1].pos == "NOUN" \
        and bool(doc.tokens[first - 1].tags & {"datv", "ablt", "gent"})


def describe_source(doc: CyrDoc, source: tuple[int, int]) -> tuple[str | None, str | None]:
    """Return (speaker, role) for the tokens [first, last) of a source phrase."""
    first, last = source
    toks = doc.tokens[first:last]
    if not toks:
        return None, None
    # the person's name: the last run of name words (natasha PER in Russian, morphology otherwise)
    end = len(toks)
    while end > 0 and not is_name_word(doc, toks[end - 1]):
        end -= 1
    start = end
    while start > 0 and is_name_word(doc, toks[start - 1]):
        start -= 1
    # a first name the dictionary does not tag, in the surname's case ("Андрій Сибіга")
    while 0 < start and end - start < 3 and toks[start - 1].is_title and not toks[start - 1].text.isupper() \
            and toks[start - 1].pos == "NOUN" \
            and ("inan" not in toks[start - 1].tags or doc.language == "uk" and toks[start - 1].lemma not in OFFICE_NOUNS) \
            and doc.entity_label(toks[start - 1].i) not in ("ORG", "LOC") \
            and case_of(toks[start - 1]) == case_of(toks[start]) and start - 1 > 0:
        start -= 1
    # a name in the genitive after a body is whose the body is, not who speaks ("в Офисе президента Зеленского")
    owner = 0 < start and case_of(toks[start]) != "nomn" and set(toks[0].lemmas) & OWNED_BODIES
    # a capitalised adjective before the body it qualifies is no name ("Мариупольский городской совет")
    attribute = end < len(toks) and toks[end - 1].pos == "ADJF" and not toks[end].is_title \
        and toks[end].pos in ("ADJF", "NOUN")
    if end > start and not owner and not attribute and (
            end - start >= 2 or toks[start].tags & {"Surn"} or doc.entity_label(toks[start].i) == "PER" or start == 0
            or canonical_speaker(toks[start].text, doc.language) != toks[start].text):  # a known surname
        # the role's head gives the case; an indeclinable head ("Врио губернатора") shows none, the surname does
        case = case_of(toks[0]) if start > 0 and "Fixd" not in toks[0].tags \
            else case_of(toks[end - 1 if start > 0 else start])
        if start > 0 and "Fixd" in toks[0].tags and case == "nomn" and end - start >= 2 and "Name" in toks[start].tags:
            case = case_of(toks[start])  # "замминистра ... Анны Маляр": a first name shows the case a surname may not
        if case == "nomn" and start == 0 and end - start >= 2 and case_of(toks[start]) != case_of(toks[end - 1]):
            case = case_of(toks[start])  # "Валерия Герасимова": the first name shows the case
        if (start > 0 or end - start >= 2) and _governs_genitive(doc, first) \
                and all(has_reading(t.text, doc.language, None, "gent") for t in (toks[0], toks[end - 1])):
            case = "gent"  # "По словам Петра Алексеева", "За словами голови делегації ...": "Петра", "голови" also
            # read as nominatives
        first_name = toks[start] if end - start >= 2 else None
        gender = first_name_gender(first_name, case, doc.language) if first_name is not None else None
        name = " ".join(nominative_word(t, case, doc.language, gender if t is not first_name else None)
                        for t in toks[start:end])
        role = _strip_label(nominative_role(doc, toks[:start], case)) if start > 0 else None
        return name, role or None
    phrase = doc.text[toks[0].start:toks[-1].end]
    outlet = QUOTED_NAME.search(phrase)
    if outlet is not None and any(set(t.lemmas) & MEDIA_NOUNS for t in toks[:3]):
        return outlet.group(1), None  # "(украинское) издание «Украинская правда»" is the outlet Украинская правда
    return _strip_label(phrase) or None, None


# -- canonical (language-independent) speakers ------------------------------------------------------

SPEAKERS_FILE = "speakers_ru_uk.tsv"


@functools.lru_cache(maxsize=1)
def load_speaker_names() -> tuple[dict[tuple[str, str], str], tuple[tuple[str, str, str], ...]]:
    """Return (organisation phrase, language) -> name and (surname stem, language, name) rows."""
    orgs: dict[tuple[str, str], str] = {}
    persons: list[tuple[str, str, str]] = []
    for row in lexicon_rows(SPEAKERS_FILE):
        pattern, canonical, language, kind = row[:4]
        for lang in (("ru", "uk") if language == "both" else (language,)):
            if kind == "person":
                persons.append((pattern, lang, canonical))
            else:
                orgs[(pattern, lang)] = canonical
    persons.sort(key=lambda row: -len(row[0]))
    return orgs, tuple(persons)


def bracketed_speaker(doc: CyrDoc, source: tuple[int, int]) -> str | None:
    """The office, outlet or body a source's bracketed short name names, known or an acronym ("Аналитики Института
    изучения войны (ISW)" -> ISW, "в Главном управлении разведки (ГУР)" -> Defence Intelligence of Ukraine)."""
    opening = bracketed_name_before(doc.tokens, source[1], source[0])
    if opening is None or opening == source[0]:
        return None
    short = " ".join(t.text for t in doc.tokens[opening + 1:source[1] - 1])
    known = load_speaker_names()[0].get((plain_key(short), doc.language))
    return known or (short if short.isupper() and len(short) > 1 else None)  # an acronym names the body ("ISW")


def plain_key(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")).strip(STRIP)


# A country's adjective before an office ("российское Минобороны", "український Генштаб"), by its stem, and the
# genitives the speaker table writes that country with after the office ("Минобороны России", "МИД РФ").
NATIONAL_GENITIVES = {("российск", "ru"): ("россии", "рф"), ("украинск", "ru"): ("украины", "всу"),
                      ("російськ", "uk"): ("росії", "рф"), ("українськ", "uk"): ("україни", "зсу")}
NATIONAL_STEMS = tuple(dict.fromkeys(stem for stem, _ in NATIONAL_GENITIVES))
NATIONAL_ADJECTIVE = re.compile(rf"^({'|'.join(NATIONAL_STEMS)})\w*\s+(.+)$")
# Stems of country adjectives, which end like surnames ("Украинский Генштаб", "Американская разведка") but name none.
COUNTRY_ADJECTIVE_STEMS = NATIONAL_STEMS + ("русск", "американск", "американськ", "белорусск", "білоруськ",
                                            "британск", "британськ", "польск", "польськ", "немецк", "німецьк",
                                            "французск", "французьк", "турецк", "турецьк")


SPEAKING_PLACE_WORDS = frozenset({"в", "во", "у"})  # "в Минобороны", "у Генштабі": where an office speaks
OFFICE_WORDS = 4  # words of the longest office name looked for in text ("министерство обороны российской федерации")


def office_named_in(doc: CyrDoc, first: int, last: int, reported: tuple[tuple[int, int], ...] = ()) -> str | None:
    """The English name of the last known office or outlet (an org row of data/lexicons/speakers_ru_uk.tsv) written
    out in tokens [first, last) where one speaks, whether or not it does: opening its clause or after "в"/"у" ("В
    Минобороны России это не комментировали"), not as whose something is ("техники ВСУ"), not inside what a source
    reported (``reported``, character spans: "Минобороны сообщило, что ВСУ нанесли удар. По данным ведомства"), and
    no territory that the gazetteer knows ("в Донецкой народной республике" is where, not who)."""
    orgs = load_speaker_names()[0]
    for k in range(last - 1, first - 1, -1):
        if any(a <= doc.tokens[k].start < b for a, b in reported):
            continue
        if k > 0 and doc.tokens[k - 1].lower not in SPEAKING_PLACE_WORDS and doc.tokens[k - 1].text not in (",", ";") \
                and doc.tokens[k].sent == doc.tokens[k - 1].sent:
            continue
        for end in range(min(last, k + OFFICE_WORDS), k, -1):
            if doc.tokens[end - 1].pos == "PNCT":
                continue
            name = orgs.get((plain_key(doc.span_text(k, end)), doc.language))
            if name is not None and not load_gazetteer().lookup(doc.span_text(k, end)):
                return name
    return None


def canonical_speaker(speaker: str | None, language: str) -> str | None:
    """The language-independent name of a speaker: the English name of a known office, outlet or person
    (data/lexicons/speakers_ru_uk.tsv), else a person's name romanised, else the phrase as written."""
    if not speaker:
        return speaker
    orgs, persons = load_speaker_names()
    key = plain_key(speaker)
    if (key, language) in orgs:
        return orgs[(key, language)]
    national = NATIONAL_ADJECTIVE.match(key)
    if national is not None:  # "российском Минобороны", "украинский Генштаб": the office of that country
        for country in NATIONAL_GENITIVES.get((national.group(1), language), ()):
            if (f"{national.group(2)} {country}", language) in orgs:
                return orgs[(f"{national.group(2)} {country}", language)]
    words = speaker.split()
    for cut in range(len(words) - 1, 0, -1):  # "офис президента Зеленского": the office, whoever holds it
        if (plain_key(" ".join(words[:cut])), language) in orgs and all(
                w[:1].isupper() and not has_reading(w, language, None, "nomn") for w in words[cut:]):
            return orgs[(plain_key(" ".join(words[:cut])), language)]
    is_name = 1 <= len(words) <= 3 and all(w[:1].isupper() and re.fullmatch(r"[\w'’ʼ-]+", w) for w in words) \
        and not speaker.isupper() and not _common_noun_phrase(words, language)
    if is_name:
        last = plain_key(words[-1])
        for stem, lang, canonical in persons:
            if lang == language and last.startswith(stem):
                return canonical
        if len(words) >= 2 and re.search("[а-яіїєґё]", key):
            return romanise(speaker, language)
    elif len(words) == 1 and words[0][:1].isupper() and not words[0].isupper():
        last = plain_key(words[0])  # a known surname the dictionary reads as a common noun ("Макрон")
        for stem, lang, canonical in persons:
            if lang == language and last.startswith(stem):
                return canonical
    elif len(words) >= 2 and words[-1][:1].isupper() and words[-2][:1].isupper():
        last = plain_key(words[-1])  # a role and a name the dictionary did not split ("Міністр ... Андрій Сибіга")
        for stem, lang, canonical in persons:
            if lang == language and last.startswith(stem):
                return canonical
    return speaker


OFFICIAL_STEMS = ("официальн", "офіційн")  # the adjective of a capital that speaks for its government


def seat_of_government(written: str | None) -> str | None:
    """The English name of a country, or of the capital city, that a one-word source names in any case form
    ("В Киеве заявили" -> Kyiv, "У Москві" -> Moscow, "В Вашингтоне" -> Washington): a capital told as a source
    speaks for its state."""
    from ..places.gazetteer import load_gazetteer
    from ..places.place_weights import CAPITAL_CATEGORIES

    words = written.split() if written else []
    if len(words) == 2 and words[0].lower().startswith(OFFICIAL_STEMS):
        words = words[1:]  # "Официальный Киев", "офіційний Київ": the capital's government
    if len(words) != 1 or not words[0][:1].isupper():
        return None
    written = words[0]
    hits = [e for e in load_gazetteer().lookup(written) if e.level == "country" or e.category in CAPITAL_CATEGORIES]
    return hits[0].name if len({e.name for e in hits}) == 1 else None


def _common_noun_phrase(words: list[str], language: str) -> bool:
    """True for capitalised words that are no person's name: an abbreviation in them ("Представитель Генштаба
    ВСУ") or a first word the dictionary knows only as a common noun of people or things."""
    if any(w.isupper() and len(w) > 1 for w in words):
        return True
    if words[0].lower() in UNLISTED_FIRST_NAMES:
        return False
    parses = load_morphology(language).parse(words[0].lower())
    return bool(parses) and parses[0].tag.POS == "NOUN" and not any({"Name", "Surn", "Patr"} & p.tag.grammemes
                                                                      for p in parses)


# -- the same speaker across an article -----------------------------------------------------------

# Case endings of a surname the dictionary does not know (genitive, dative, instrumental, prepositional); the
# stem keeps name_forms.MIN_STEM letters without one, as a place name's does.
SURNAME_CASE_ENDINGS = ("а", "у", "ом", "ем", "е", "ові", "еві", "ым", "им", "ой", "ого", "ому")


def surname_key(word: str) -> str:
    """A surname's stem for matching its case forms ("Ганчев", "Ганчева" -> "ганчев")."""
    return word.lower().replace("ё", "е")[:max(4, len(word) - 2)]


def surname_keys(word: str) -> set[str]:
    """The stems a lone surname may have, as written or without a case ending the dictionary could not take off an
    unknown name ("Коца", "Коцу" -> "коц", the key of "Коц")."""
    keys = {surname_key(word)}
    keys.update(surname_key(word[:-len(e)]) for e in SURNAME_CASE_ENDINGS
                if word.lower().endswith(e) and len(word) - len(e) >= MIN_STEM)
    return keys


def known_surname(written: str | None, surnames: dict[str, str]) -> str | None:
    """The full name for a lone surname already named in full in the article ("Ганчев" -> Vitaly Ganchev)."""
    if not written or len(written.split()) != 1 or not written[:1].isupper():
        return None
    return next((surnames[k] for k in surname_keys(written) if k in surnames), None)


def named_in_full_before(doc: CyrDoc, index: int, written: str | None) -> str | None:
    """The canonical full name a lone surname at token ``index`` was given earlier in the text by a first name
    and the surname ("Глава администрации Иван Петров провел совещание. Петров отметил" -> Ivan Petrov)."""
    if not written or len(written.split()) != 1 or not written[:1].isupper() or written.isupper():
        return None
    keys, toks = surname_keys(written), doc.tokens
    for k in range(index - 1, 0, -1):
        if toks[k].is_title and surname_key(toks[k].text) in keys and toks[k - 1].is_title \
                and is_name_word(doc, toks[k - 1]):
            name, _ = describe_source(doc, (k - 1, k + 1))
            return canonical_speaker(name, doc.language) if name and len(name.split()) == 2 else None
    return None


def nominative_phrase(doc: CyrDoc, source: tuple[int, int], written: str | None) -> str | None:
    """A source with its first word in the dictionary form ("у Генштабі ЗСУ" -> "генштаб ЗСУ"), when the
    speaker table knows that form; else the phrase as written."""
    first, last = source
    if written is None or doc.tokens[first].text.isupper() or is_name_word(doc, doc.tokens[first]) \
            or "." in doc.tokens[first].text.strip("."):
        return written  # (a person's name, put in the nominative word by word: "Владимира Рогова" -> "Владимир Рогов";
        # a site's name as written: "Газета.ру")
    lemma = doc.tokens[first].lemma
    rest = doc.text[doc.tokens[first].end:doc.tokens[last - 1].end] if last - first > 1 else ""
    candidate = lemma + rest
    if canonical_speaker(candidate, doc.language) != candidate:
        return candidate
    # an adjective and its noun in the nominative together ("Повітряних сил" -> "Повітряні сили")
    head = next((t for t in doc.tokens[first:last] if t.pos == "NOUN"), doc.tokens[first])  # its case is the phrase's
    if "Fixd" in head.tags and head.i > first:
        head = doc.tokens[head.i - 1]  # an indeclinable noun shows no case; its adjective does ("украинских СМИ")
    candidate = nominative_role(doc, doc.tokens[first:last], case_of(head))
    if canonical_speaker(candidate, doc.language) != candidate:
        return candidate
    # a described source in an oblique case ("по словам собеседника агентства", "в ведомстве"): the label is
    # its nominative ("собеседник агентства", "ведомство"), as it would be written as a subject
    opening = doc.tokens[first]  # a capitalised common noun opens a body's name ("в Силах специальных операций")
    named_body = opening.pos == "NOUN" and not opening.tags & (PERSON_TAGS | {"Geox"}) \
        and doc.entity_label(first) == "ORG" and canonical_speaker(written, doc.language) == written
    if opening.pos in ("NOUN", "ADJF") and (not opening.is_title or named_body or opening.pos == "ADJF"
                                            and not head.is_title and canonical_speaker(written, doc.language)
                                            == written) \
            and case_of(head) not in (None, "nomn", "accs") and not _names_person_apart(doc, source, written) \
            and not _subject_after_verb(doc, first, head):
        return candidate
    return written


def _subject_after_verb(doc: CyrDoc, first: int, head: Token) -> bool:
    """True for a source right after a verb whose head noun may be read as a nominative ("повідомили аналітики
    DeepState"): an inverted subject, written in the nominative whatever case the dictionary reads first."""
    return first > 0 and doc.tokens[first - 1].pos == "VERB" and has_reading(
        head.text, doc.language, "NOUN", "nomn")


def _names_person_apart(doc: CyrDoc, source: tuple[int, int], written: str) -> bool:
    """True when describe_source took a person's name out of the source ("губернатора Евгения Балицкого": Евгений
    Балицкий), whose words the phrase ends in: the speaker is that person, not the phrase in the nominative."""
    words = written.split()
    return 2 <= len(words) < source[1] - source[0] and all(w[:1].isupper() for w in words)


def is_person_name(written: str, speaker: str) -> bool:
    """True when a source names a person (two or more capitalised words, or a known person's surname)."""
    words = written.split()
    if len(words) >= 2 and all(w[:1].isupper() and not w.isupper() for w in words):
        return True
    return any(canonical == speaker for _, _, canonical in load_speaker_names()[1])


def person_in_title(title: str) -> str | None:
    """The canonical name of a known person named in a Russian or Ukrainian title by a surname in any
    case ("Обращение Владимира Путина" -> Vladimir Putin), else None."""
    _, persons = load_speaker_names()
    for word in re.findall(r"[\w'’ʼ-]+", title):
        if not word[:1].isupper() or word.isupper():
            continue
        plain = plain_key(word)
        for stem, _, canonical in persons:
            if " " not in stem and plain.startswith(stem):
                return canonical
    return None


def table_name(person: str | None) -> str | None:
    """The name the speaker table gives a registered person (office_holders.load_office_holders writes some
    names otherwise: "Volodymyr Zelenskyy" here is "Volodymyr Zelensky" there), so that one speaker of a
    Russian or Ukrainian text has one name; other names as they are."""
    if person is None:
        return None
    canonicals = {canonical for _, _, canonical in load_speaker_names()[1]}
    if person in canonicals:
        return person
    from .office_holders import load_office_holders

    for term in load_office_holders():
        if term.person == person:
            alias = next((name for name in sorted(term.person_names) if name in canonicals), None)
            if alias is not None:
                return alias
    return person


# Described sources a headline names before its colon ("Источник: ВСУ готовят наступление").
HEADLINE_SOURCE_WORDS = ANONYMOUS_SOURCES | {"источники", "эксперт", "эксперты", "аналитики", "сми", "джерела", "експерт",
                                             "експерти", "аналітики", "змі", "речник", "спикер", "спікер",
                                             "представитель", "представник", "разведка", "розвідка"}


def names_speaker(doc: CyrDoc, span: tuple[int, int]) -> bool:
    """Whether the phrase at a character span of a headline names a person, office or organisation: a known
    speaker or office (speaker table, office registry), an outlet of the registry, a person or organisation
    entity, or capitalised words of a person's name."""
    from .offices_ru_uk import source_office  # (offices_ru_uk reads this module's names)

    first, last = doc.token_at(span[0]), doc.token_at(span[1] - 1)
    if first is None or last is None:
        return False
    if first == last and doc.tokens[first].lower in HEADLINE_SOURCE_WORDS:
        return True  # "Ворог прорвався до Часового Яру – речник", "... — СМИ"
    if not doc.tokens[first].text[:1].isupper():
        return False
    phrase = doc.text[span[0]:span[1]]
    nominative = nominative_phrase(doc, (first, last + 1), phrase)
    if canonical_speaker(nominative, doc.language) != nominative or source_office(doc, (first, last + 1)):
        return True
    if any(t.pos in ("PREP", "VERB") for t in doc.tokens[first:last + 1]):
        return False  # a setting or a statement, not a speaker ("Зеленський у Вашингтоні: ...", "ВСУ атаковали X: ...")
    if side_of_outlet(phrase) != UNKNOWN:
        return True  # an outlet or project of the registry ("Россияне прорвались в Нью-Йорк, - DeepState")
    words = phrase.split()
    if len(words) == 1 and (words[0].isupper() and len(words[0]) > 1 or words[0].lower() in HEADLINE_SOURCE_WORDS):
        return True  # "ISW: ...", "МАГАТЭ: ...", "Источник: ..."
    head = doc.tokens[first]
    thing = head.pos == "NOUN" and "inan" in head.tags and not head.tags & PERSON_TAGS  # "Обстрел Белгорода: ..."
    if len(words) == 1 and not head.tags & PERSON_TAGS and _names_settlement(doc, first):
        return False  # "..., а группировки «Восток» — Ольговка": a village the clause leaves the verb out for
    if len(words) == 1 and head.pos == "NOUN" and "anim" in head.tags and "nomn" in head.tags:
        return True  # a person's noun, or a surname that is one ("Маляр: ВСУ удерживают часть Бахмута")
    return person_in_title(phrase) is not None or doc.entity_label(first) in ("PER", "ORG") or (
        all(w[:1].isupper() and not w.isupper() for w in words) and not thing
        and (2 <= len(words) <= 3 or SURNAME_ENDINGS.search(words[0].lower()) is not None))


def _names_settlement(doc: CyrDoc, k: int) -> bool:
    """True when the word at token k names settlements only (the gazetteer's), exactly or in another spelling that
    the dictionary knows as a place name (its "Geox" tag: Russian "Времевка", Ukrainian Времівка)."""
    found, _, exact = name_candidates(load_gazetteer(), doc, k, k + 1)
    return (exact or "Geox" in doc.tokens[k].tags) and bool(found) and all(e.level == "settlement" for e in found)
