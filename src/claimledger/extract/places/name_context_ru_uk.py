"""Whether a capitalised Russian or Ukrainian word is a place by the words around it, or a person, or a word
of an organisation's or a quoted name: after a place preposition or a settlement noun, in a list of places
("освободили населённые пункты Глубокое, Стрелечья и Пильная"), a village natasha reads as a person ("у Часова
Яра", "по Николаеву"); and whether a gazetteer hit for a capitalised word may stand as a place at all
(:func:`admissible`: not a common word, a pronoun, an adjective before its noun, a street or a part of a town).
Token indexes of a ``CyrDoc`` (cyrillic.py) in, answers out; places_ru_uk.py asks.
"""
from __future__ import annotations

import re

from ..language.agreement_ru_uk import JOINERS, adjective_reading, before_agreeing_noun
from ..language.cyrillic import ABBREVIATED, DASHES, CyrDoc, Token, has_reading, word_readings
from .gazetteer import Entry, Gazetteer, load_gazetteer
from .gazetteer_entries import CITY_CATEGORIES
from ..language.nlp import load_morphology
from .place_candidates_ru_uk import name_candidates, oblast_nickname_ref, raion_nickname
from ..events.taken_objects_ru_uk import after_taking_word, before_taking_passive

LIST_JOINERS = frozenset({",", "и", "і", "та", "й"})  # ... and names in a list of places
# Prepositions that make the next capitalised word a place for the gazetteer-only matcher.
PLACE_PREPOSITIONS = frozenset({"в", "во", "у", "на", "под", "під", "возле", "біля", "около", "поблизу", "по",
                                "из", "із", "з", "зі", "до", "от", "від", "через", "над", "между",
                                "між", "близ", "неподалеку", "неподалік", "районе", "районі", "районах",
                                "окраине", "окраинах", "окрестностях", "околиці", "околицях"})
# Words that open a list of some of the settlements just counted ("пять населённых пунктов, в том числе ...").
INCLUDING = (("в", "том", "числе"), ("у", "тому", "числі"), ("в", "тому", "числі"), ("включая",), ("включно", "з"),
             ("среди", "них"), ("серед", "них"), ("зокрема",), ("в", "частности"))
INCLUDING_ENDS = frozenset(words[-1] for words in INCLUDING)
LIST_REACH = 16  # tokens walked back over a list of names to the preposition or noun that opens it
# Nouns naming a settlement before its name ("село Работино", "пгт Часов Яр", "місто Оріхів").
SETTLEMENT_NOUNS = frozenset({"село", "посёлок", "поселок", "пгт", "смт", "город", "місто", "деревня", "хутор",
                              "селище", "пункт"})
# Words before a river's name ("на левом берегу Днепра", "вниз по течению Днепра"), and how far back looked for.
RIVER_WORDS = frozenset({"река", "річка", "берег", "левобережье", "правобережье", "лівобережжя", "правобережжя",
                         "русло", "форсировать", "форсувати", "переправа", "переправиться", "переправитися",
                         "течение", "течія", "устье", "гирло", "дельта", "акватория", "акваторія"})
RIVER_REACH = 3
REGION_NICKNAME = re.compile(r"(?:щин|ччин)[аиіуоеы]\w*$")  # an oblast's nickname ("Херсонщина", "Донеччини")
# Rivers whose names a village shares, never a town the war is about: after "на" the river ("порты на Дунае").
RIVER_NAMES = frozenset({"дунай", "днестр", "дністер", "десна", "буг", "ингулец", "інгулець"})
CROSSING_LEMMAS = frozenset({"мост", "міст", "переправа"})  # nouns of crossing before "через" + a river
MAX_NAME_TOKENS = 3  # longest capitalised run tried as one name ("Нова Каховка", "Кривий Ріг")
PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})
# Surname endings (nominative) of Ukrainian and Russian names: a capitalised word before one is a first name.
SURNAME_ENDINGS = re.compile(r"(?:ський|цький|ский|цкий|енко|ук|юк|чук|ов|ев|ёв|ин|ін|ич|ович|евич|ян)$")
# Patronymics in any case form ("Володимировичу", "Васильовичем", "Олександрівни", "Сергеевны").
PATRONYMIC = re.compile(r"\w{3,}(?:ович|евич|ьович|йович|івн|ївн|овн|евн)\w{0,3}$")
OPENING, CLOSING = frozenset("«„“\""), frozenset("»“”\"")
QUOTED_NAME_TOKENS = 3  # a quote this short around capitalised words is a name, not speech


# Nouns of awards named after a person ("орденом Богдана Хмельницького", "медаль Жукова").
AWARD_LEMMAS = frozenset({"орден", "медаль", "премия", "премія", "відзнака"})
# "университет имени X" (after a noun): X is the person a body is named after; not "від імені України" (on behalf of
# a state) nor "навіть імені України" (its name)
NAMED_AFTER = frozenset({"имени", "імені"})


# Lower-case nouns that make the capitalised word before them a body's name ("Силы обороны", "Служба безпеки").
ORGANISATION_TAILS = frozenset({"оборона", "безопасность", "безпека", "разведка", "розвідка"})


def in_organisation_name(doc: CyrDoc, i: int) -> bool:
    """A capitalised noun right after a capitalised adjective inside a sentence continues a name
    ("Збройні Сили", "Вооружённые Силы"); the longer run is tried first, so real two-word toponyms
    ("Нова Каховка") are already taken. Capitalised words right after an award's noun name the award ("орденом
    Богдана Хмельницького", "медаль Жукова"), not a village, as do those after "имени"/"імені" ("університету імені
    Ярослава Мудрого"), and one before ORGANISATION_TAILS a body."""
    j = i - 1
    while j > 0 and i - j <= 2 and doc.tokens[j].is_title:
        j -= 1  # past "Богдана" to the noun of "орденом Богдана Хмельницького"
    if j >= 0 and (set(doc.tokens[j].lemmas) & AWARD_LEMMAS or doc.tokens[j].lower in NAMED_AFTER
                   and j > 0 and doc.tokens[j - 1].pos == "NOUN"):
        return True
    nxt = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else None
    if nxt is not None and (not nxt.is_title and set(nxt.lemmas) & ORGANISATION_TAILS
                            or nxt.text.isupper() and "сила" in doc.tokens[i].lemmas):
        return True  # "в Силах обороны юга", "Сили оборони", "Сили ППО": a body, not the village Syla
    if i < 1 or doc.tokens[i].pos != "NOUN":
        return False
    prev = doc.tokens[i - 1]
    return prev.is_title and prev.pos == "ADJF" and prev.sent == doc.tokens[i].sent


def in_quoted_name(doc: CyrDoc, i: int) -> bool:
    """Capitalised words in short quotes name a unit, operation or outlet («Восток», «Интерфакс»)."""
    toks = doc.tokens
    before = next((j for j in range(i - 1, max(-1, i - QUOTED_NAME_TOKENS - 1), -1) if toks[j].text in OPENING), None)
    if before is None or any(toks[k].text in CLOSING for k in range(before + 1, i)):
        return False
    return any(toks[k].text in CLOSING for k in range(i + 1, min(len(toks), before + QUOTED_NAME_TOKENS + 2)))


# Head nouns (lemmas) of areas named by an agreeing adjective, and the levels they allow (places_ru_uk.py).
AREA_HEADS = {
    "область": ("oblast",), "район": ("raion",), "округ": ("raion", "region"), "край": ("region",),
    "республика": ("region", "oblast"), "республіка": ("region", "oblast"), "громада": ("hromada",),
    "община": ("hromada",),  # Russian-language Ukrainian copy: "Марганецкая община"
}


def is_person(doc: CyrDoc, i: int, gaz: Gazetteer) -> bool:
    """Tokens of a person's name: natasha PER (Russian) unless it is a village after a preposition or a
    region's name ("Сумщину"), or a first name followed by a capitalised word, or a Name/Surn-tagged word
    next to another."""
    label = doc.entity_label(i)
    t = doc.tokens[i]
    if oblast_nickname_ref(t.lower) is not None or raion_nickname(gaz, t.lower):
        return False  # a region's or district's name ("атаковали Сумщину", "Купянщину") names no one
    nxt = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else None
    if i > 0 and set(doc.tokens[i - 1].lemmas) & SETTLEMENT_NOUNS and t.pos == "NOUN" and not (
            nxt is not None and nxt.sent == t.sent and "Surn" in nxt.tags and "Name" in t.tags):
        return False  # a town a settlement noun governs ("по городу Алешки Херсонской области"), not Алёшка (but
        # "глава города Владимир Леонтьев" is a first name and a surname)
    if label == "PER" and "Geox" not in t.tags and not _settlement_read_as_person(doc, gaz, i):
        return True
    if {"Name", "voct"} <= t.tags:
        return True  # a name called out to ("Дякую, Борисе"): a person addressed, not a place
    if (nxt is not None and nxt.is_title and t.pos == "NOUN" and nxt.sent == t.sent
            and ("Surn" in nxt.tags or SURNAME_ENDINGS.search(nxt.lower)
                 or has_reading(nxt.text, doc.language, None, "Surn"))  # (any case: "Володимира Зеленського")
            and (has_reading(t.text, doc.language, None, "Name")
                 or not gaz.lookup(f"{t.text} {nxt.text}"))):
        return True  # first name + surname ("Андрій Сибіга", "Сергей Лавров"), not a town ("Кривого Рогу")
    prev = doc.tokens[i - 1] if i > 0 else None
    if (prev is not None and prev.is_title and prev.sent == t.sent and "Surn" in t.tags
            and has_reading(prev.text, doc.language, None, "Name")):
        return True  # a surname after a first name ("Максим Марченко"), not the village Marchenka
    for n in doc.tokens[i + 1:i + 3]:
        if not n.is_title or n.sent != t.sent:
            break
        if "Patr" in n.tags or PATRONYMIC.search(n.lower):
            return True  # a name before a patronymic ("Чорному Володимиру Володимировичу"), not Chorne or Volodymyr
    if not t.tags & PERSON_TAGS:
        return False
    neighbours = [doc.tokens[j] for j in (i - 1, i + 1) if 0 <= j < len(doc.tokens)]
    if "Name" in t.tags and i + 1 < len(doc.tokens) and doc.tokens[i + 1].is_title \
            and not (i + 2 < len(doc.tokens) and doc.tokens[i + 2].lemma in AREA_HEADS):
        return True  # (not "в Бородянке Киевской области": a town and its oblast)
    return any(n.is_title and n.tags & PERSON_TAGS and n.sent == t.sent for n in neighbours)


def _settlement_read_as_person(doc: CyrDoc, gaz: Gazetteer, i: int) -> bool:
    """natasha tags many villages after a preposition as people ("у Работина", "под Бахмутом"): a one-word
    PER entity there is a place when the gazetteer has a Ukrainian settlement for it and the dictionary
    knows it as no surname or patronymic (a first-name or surname reading gives way to a city only:
    "по Николаеву")."""
    t = doc.tokens[i]
    ent = next((e for e in doc.ents if e.start <= i < e.end and e.end - e.start > 1
                and not any(doc.tokens[k].lower in LIST_JOINERS for k in range(e.start, e.end))), None)
    if ent is not None and ent.start == i and ent.end - i <= MAX_NAME_TOKENS and "Name" not in t.tags \
            and in_place_list(doc, i, multiword=True):  # "обстрелял Алешки и Голую Пристань"
        return any(ukrainian_settlement(e) for e in name_candidates(gaz, doc, i, ent.end, located=True)[0])
    listed = in_place_list(doc, i)
    taken = after_taking_word(doc, i)  # "освободили Нелеповку"
    abbreviated = abbreviated_settlement_noun(doc, i)  # "в районе н.п. Гродовка"
    if i == 0 or doc.tokens[i - 1].lower not in PLACE_PREPOSITIONS and not listed and not taken and not abbreviated \
            or "Patr" in t.tags:
        return False
    if ent is not None:  # "у Часова Яра" read as a person: the whole name must be a settlement's
        if listed or ent.start != i or ent.end - i > MAX_NAME_TOKENS:
            return False
        hits, _, _ = name_candidates(gaz, doc, i, ent.end, located=True)
        return any(ukrainian_settlement(e) for e in hits)
    hits, _, _ = name_candidates(gaz, doc, i, i + 1, located=True)
    # (a toponym reading anywhere among the word's readings outweighs a first name: "по Новоайдару")
    toponym = has_reading(t.text, doc.language, None, "Geox")
    return any(ukrainian_settlement(e) and (e.category in CITY_CATEGORIES
                                            or "Surn" not in t.tags and ("Name" not in t.tags or listed or toponym))
               for e in hits)


def abbreviated_settlement_noun(doc: CyrDoc, i: int) -> bool:
    """True when the token right before token i abbreviates a settlement noun ("н.п. Гродовка", "с. Работино", "пгт
    Нью-Йорк"; cyrillic.SETTLEMENT_ABBREVIATIONS joins and reads them)."""
    return i > 0 and doc.tokens[i - 1].sent == doc.tokens[i].sent and ABBREVIATED in doc.tokens[i - 1].tags


def ukrainian_settlement(e: Entry) -> bool:
    """True for a settlement of the KATOTTG codifier."""
    return e.level == "settlement" and bool(e.ref) and e.ref.startswith("UA")


def located(doc: CyrDoc, i: int) -> bool:
    """True when the context makes the capitalised word at i a place: a LOC entity, a name after a
    place preposition or settlement noun or in a list of names opened by one, in a list of places, or the
    object right after a verb of taking or striking a place ("освободили Нелеповку", "обстріляли Херсон")."""
    return doc.entity_label(i) == "LOC" or in_settlement_list(doc, i) or in_place_list(doc, i) or (
        after_taking_word(doc, i))


def lone_name(doc: CyrDoc, gaz: Gazetteer, i: int) -> bool:
    """True for a capitalised word with no capitalised word after it and no patronymic reading, and with no
    surname reading unless it names a city ("по Кривому Рогу и Николаеву")."""
    toks = doc.tokens
    nxt = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].sent == toks[i].sent else None
    if "Patr" in toks[i].tags or nxt is not None and nxt.is_title:
        return False
    return "Surn" not in toks[i].tags or any(
        e.category in CITY_CATEGORIES for e in name_candidates(gaz, doc, i, i + 1, located=True)[0])


def in_place_list(doc: CyrDoc, i: int, multiword: bool = False) -> bool:
    """True when the one-word name at i (or, ``multiword``, the name starting there) is coordinated with an earlier
    place: "под обстрелом оказались Белозерка, Антоновка и Станислав" (natasha reads the last two as people); not
    "Станислав Иванов"."""
    toks = doc.tokens
    if not multiword and i + 1 < len(toks) and toks[i + 1].is_title and toks[i + 1].sent == toks[i].sent:
        return False
    j = i - 1
    while j >= max(1, i - LIST_REACH) and toks[j].lower in LIST_JOINERS and toks[j].sent == toks[i].sent:
        k = j - 1
        if not (toks[k].is_word and toks[k].is_title and toks[k].sent == toks[i].sent):
            return False
        if doc.entity_label(k) == "LOC" or in_settlement_list(doc, k) or after_taking_word(doc, k):
            return True  # ... or the object of a capture: "освободили Клещеевку и Невельское"
        j = k - 1
    return False


def including_ending_at(doc: CyrDoc, j: int) -> int:
    """The number of words of an INCLUDING phrase ("в том числе", "зокрема") that ends at token j, else 0."""
    return next((len(w) for w in INCLUDING if j + 1 >= len(w) and _words_at(doc, j + 1 - len(w), w)), 0)


def including_starting_at(doc: CyrDoc, j: int) -> int:
    """The number of words of an INCLUDING phrase that starts at token j, else 0."""
    return next((len(w) for w in INCLUDING if _words_at(doc, j, w)), 0)


def _words_at(doc: CyrDoc, j: int, words: tuple[str, ...]) -> bool:
    return tuple(x.lower for x in doc.tokens[j:j + len(words)]) == words


def in_settlement_list(doc: CyrDoc, i: int) -> bool:
    """True when the word at i follows a place preposition or a settlement noun, directly or through a
    list of capitalised names ("освободили населённые пункты Глубокое, Стрелечья, Пильная и Огурцово",
    "в Липцах и Глубоком") or words of INCLUDING; a person's name breaks the list."""
    t = doc.tokens[i]
    j = i - 1
    while j > max(-1, i - 1 - LIST_REACH):
        p = doc.tokens[j]
        if p.sent != t.sent:
            return False
        if p.lower in PLACE_PREPOSITIONS or set(p.lemmas) & SETTLEMENT_NOUNS or abbreviated_settlement_noun(doc, j + 1):
            return True
        including = including_ending_at(doc, j)
        if including:  # "пять населённых пунктов, в том числе Новоеленовку, Зеленое и Андреевку"
            j -= including
            continue
        if p.lower not in JOINERS and not (p.is_word and p.is_title and (doc.entity_label(j) != "PER" or _opens(doc, j))):
            return False
        j -= 1
    return False


def names_a_street(doc: CyrDoc, i: int) -> bool:
    """True for a name after a street, square or canal noun, directly or through a list of names: the street's, after
    one noun ("на улице Щорса", "на проспекті Гагаріна"), and after a plural one a surname's ("на улицах Щорса и
    Костюкова"), not a town's ("бои на улицах Бахмута": the streets of Bakhmut)."""
    t = doc.tokens[i]
    j = i - 1
    while j >= 0 and doc.tokens[j].sent == t.sent and (doc.tokens[j].lower in LIST_JOINERS or doc.tokens[j].is_title
                                                        or doc.tokens[j].text in DASHES):
        j -= 1  # (a name of two places joined by a dash: "канал Северский Донец — Донбасс")
    noun = doc.tokens[j] if j >= 0 and doc.tokens[j].sent == t.sent else None
    if noun is None or not set(noun.lemmas) & URBAN_FEATURE_LEMMAS:
        return False
    if "plur" not in noun.tags:
        return True
    readings = word_readings(t.text, doc.language)
    return any("Surn" in r for r in readings) and not any("Geox" in r for r in readings)


def _opens(doc: CyrDoc, j: int) -> bool:
    """True when the word at j comes right after a place preposition or settlement noun: the first name of a
    list, a place even when natasha reads a person ("у Работина и Лобкового")."""
    p = doc.tokens[j - 1] if j > 0 else None
    return p is not None and p.sent == doc.tokens[j].sent and (p.lower in PLACE_PREPOSITIONS
                                                               or bool(set(p.lemmas) & SETTLEMENT_NOUNS)
                                                               or abbreviated_settlement_noun(doc, j))


def names_river(doc: CyrDoc, i: int) -> bool:
    """True for a name after a word of a river ("на левом берегу Днепра", "форсировали Днепр", "через реку
    Оскол") or a river's name after "на" ("на Дунае"): a river, which the annotation guide leaves out, not the city
    or village that shares its name."""
    t = doc.tokens[i]
    if set(t.lemmas) & RIVER_NAMES and i > 0 and doc.tokens[i - 1].lower == "на":
        return True
    if i > 1 and doc.tokens[i - 1].lower == "через" and set(doc.tokens[i - 2].lemmas) & CROSSING_LEMMAS:
        return True  # "мости через Дніпро", "переправа через Днепр": what a bridge crosses is a river
    for p in reversed(doc.tokens[max(0, i - RIVER_REACH):i]):
        if p.sent != t.sent or p.pos == "PREP" or p.is_title or not p.is_word:
            return False  # "у реки Оскол под Купянском", "правобережжя, зокрема Херсон": the town is no river
        if set(p.lemmas) & RIVER_WORDS:
            return not REGION_NICKNAME.search(t.lower)  # (not "правобережжя Херсонщини": a bank of an oblast)
    return False


# A foreign city (GeoNames, no KATOTTG code) found by the gazetteer alone, with no NER label or place
# preposition, must be at least this big: common words and surnames are names of small places abroad.
PROMINENT_POPULATION = 100_000
ACRONYM_LETTERS = 4  # an upper-case word this short is an acronym, no foreign town ("МИД", "МЧС"; "КИЕВ" has a ref)
CYRILLIC = re.compile("[а-яёіїєґ]", re.IGNORECASE)
# Parts of speech of function words: never a place unless a preposition or NER says so ("Усі", "Мені").
FUNCTION_POS = frozenset({"NPRO", "CONJ", "PRCL", "PREP", "ADVB", "PRED", "INTJ", "VERB", "INFN", "GRND",
                          "PRTS", "NUMR", "COMP"})
# Pronouns whose case forms are also town names ("Мені" = to me / in Mena; "Нас"): a place only after a preposition.
PRONOUN_LEMMAS = frozenset({"я", "ти", "ты", "він", "вона", "воно", "ми", "ви", "вони", "он", "она", "оно", "мы",
                            "вы", "они", "весь", "усі", "все", "себе", "себя", "хто", "кто", "що", "что", "цей",
                            "этот", "той", "тот", "мій", "мой", "наш", "ваш", "свій", "свой"})
# Common nouns that addresses and reports capitalise (the fronts "на Півдні, Сході", the homeland "боронити
# свою Батьківщину", the people's republic "мирные города Республики") and that also name villages (Схід,
# Батьківщина, Республіка): a place only after a settlement noun.
CAPITALISED_COMMON_LEMMAS = frozenset({"схід", "захід", "південь", "північ", "восток", "запад", "юг", "север",
                                       "батьківщина", "вітчизна", "отчизна", "родина", "отечество", "республика",
                                       "республіка"})
VILLAGE_NOUNS = SETTLEMENT_NOUNS - {"город", "місто", "пункт"}  # (a village may bear such a name, a town not)


def admissible(doc: CyrDoc, start: int, end: int, e: Entry, exact: bool) -> bool:
    """Whether a gazetteer hit for the name in tokens [start, end) may stand: as ``_acceptable`` says, or as a
    run of capitalised words that spells a Ukrainian settlement ("Великую Новоселку")."""
    if not CYRILLIC.search(doc.tokens[start].text) and _in_longer_latin_name(doc, start, end):
        return False  # "The New York Times": a place inside a Latin-script name (an outlet, a weapon) is none
    return _acceptable(doc, start, e, exact) or end - start > 1 and ukrainian_settlement(e)


def _in_longer_latin_name(doc: CyrDoc, start: int, end: int) -> bool:
    """True when a capitalised Latin-script word of its sentence stands right before or after tokens [start, end)."""
    toks = doc.tokens
    latin = lambda k: 0 <= k < len(toks) and toks[k].sent == toks[start].sent and toks[k].is_title \
        and not CYRILLIC.search(toks[k].text) and toks[k].is_word  # noqa: E731
    return latin(start - 1) or latin(end)


def substantive_name(doc: CyrDoc, i: int) -> bool:
    """A capitalised adjective in a place's context (after a place preposition, a settlement noun or a verb of
    taking: located), or one the dictionary does not know, with no noun of its case after it, names a place by
    itself ("у Степового", "село Работино", "освободили Урожайное", or named so elsewhere in the text), as
    adjectival village names do."""
    return (located(doc, i) or guessed(doc.tokens[i], doc.language) or placed_elsewhere(doc, i)) \
        and not before_agreeing_noun(doc, i)


def guessed(t: Token, language: str) -> bool:
    """True for a word the dictionary does not know (its part of speech a guess: "Угледаром" as an adverb)."""
    return t.is_word and not load_morphology(language).word_is_known(t.lower)


def placed_elsewhere(doc: CyrDoc, i: int) -> bool:
    """True when the capitalised word at token i opening its sentence has its lemma after a place preposition or a
    settlement noun elsewhere in the text ("... освободили населенный пункт Урожайное. ... Урожайное было занято
    ВСУ в августе 2023 года"): the same place named again."""
    placed = doc.memo.get("placed_lemmas")
    if placed is None:  # token indices of capitalised words after a place preposition or settlement noun, by lemma
        placed = doc.memo["placed_lemmas"] = {}
        for t in doc.tokens:
            before = doc.tokens[t.i - 1] if t.i > 0 else None
            if t.is_title and before is not None and before.sent == t.sent and (
                    before.lower in PLACE_PREPOSITIONS or set(before.lemmas) & SETTLEMENT_NOUNS):
                placed.setdefault(t.lemma, set()).add(t.i)
    return bool(placed.get(doc.tokens[i].lemma, set()) - {i})


LISTED_AFTER = 2  # capitalised words listed after a sentence's first word that make it one of a list of names


def _first_listed_village(doc: CyrDoc, i: int, e: Entry) -> bool:
    """True for ``e``, a Ukrainian settlement no city shares its name with, named first of LISTED_AFTER or more."""
    toks, k, listed, last = doc.tokens, i + 1, 0, doc.sentence_of(i).last
    while k + 1 < last and toks[k].lower in LIST_JOINERS and toks[k + 1].is_title:
        listed, k = listed + 1, k + 2
        while k < last and toks[k].is_title:
            k += 1  # a name of two words ("Велика Димерка")
    namesakes = load_gazetteer().lookup(toks[i].text, fuzzy=False) if listed >= LISTED_AFTER else ()
    # ("Львів, Вінниця": the city alone)
    return ukrainian_settlement(e) and bool(namesakes) and not any(x.category in CITY_CATEGORIES for x in namesakes)


def _acceptable(doc: CyrDoc, i: int, e: Entry, exact: bool) -> bool:
    """Whether a gazetteer hit for the name at token i may stand as a place."""
    t = doc.tokens[i]
    if not CYRILLIC.search(t.text) and not (exact and (e.level in ("country", "oblast", "region")
                                                        or e.category in CITY_CATEGORIES
                                                        or (e.population or 0) >= PROMINENT_POPULATION)):
        return False  # a Latin word in Cyrillic copy is a weapon or a brand ("Storm Shadow"), not the village Sadiv
    if t.text.isupper() and len(t.text) <= ACRONYM_LETTERS and e.ref is None and e.level == "settlement":
        return False  # an acronym is a body ("В МИД России назвали"), not the town Mead its letters spell
    nxt = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else None
    if set(t.lemmas) & URBAN_FEATURE_LEMMAS and nxt is not None and nxt.is_title and nxt.sent == t.sent:
        return False  # "в Площу Свободи", "на Вулиці Сумській": a square or street, not the village Ploshchi
    if names_a_street(doc, i):
        return False  # "на улице Щорса": a street, not Snovsk (once Shchors)
    prev = doc.tokens[i - 1] if i > 0 and doc.tokens[i - 1].sent == t.sent else None
    if set(t.lemmas) & CAPITALISED_COMMON_LEMMAS and not (prev is not None and set(prev.lemmas) & VILLAGE_NOUNS):
        return False  # "на Сході" is the east, "село Схід" a village; "города Республики" the republic's towns
    if prev is not None and set(prev.lemmas) & URBAN_DISTRICT_LEMMAS and "plur" not in prev.tags:
        return False  # "в районе микрорайона Канал": a part of a town, not the village Kanal ("квартали Херсона" are
        # the town's)
    # a place's context: the tagger, a place preposition before it, or a list it closes that such a
    # preposition or a settlement noun opens ("в районах Новоалександровки, Керамика и Уманского")
    confirmed = doc.entity_label(i) == "LOC" or prev is not None and (
        prev.lower in PLACE_PREPOSITIONS or prev.lower in LIST_JOINERS and (
            in_settlement_list(doc, i) or in_place_list(doc, i))  # "освободили Клещеевку и Невельское"
        or prev.lower in INCLUDING_ENDS and in_settlement_list(doc, i)  # "74 населені пункти, зокрема Суджа"
        or after_taking_word(doc, i)  # "освободили Нелеповку": the object of a capture
        or bool(set(prev.lemmas) & SETTLEMENT_NOUNS)  # "Село Роботине звільнено"
        or abbreviated_settlement_noun(doc, i)) \
        or (exact or guessed(t, doc.language)) and before_taking_passive(doc, i + 1)
    # ("у с. Работино", "в районе н.п. Гродовка"; the subject of a passive of taking, "Роботине відбито", when it is
    # a name or a word no dictionary knows, not "Атаку відбито": the village Ataky)
    prominent = (e.level in ("country", "oblast", "region") or e.id.startswith("area:")
                 or e.level == "raion" and "щин" in t.lower  # "обстрілював Нікопольщину", not "Полтавський шлях"
                 or e.category in CITY_CATEGORIES or (e.population or 0) >= PROMINENT_POPULATION)
    confirmed = confirmed or (prev is None or not prev.is_word) and placed_elsewhere(doc, i)  # ("Напомним, X было")
    if prev is None and not (prominent or "Geox" in t.tags or confirmed or _first_listed_village(doc, i, e)):
        return False  # sentence start: a common word? (not the first of names listed: "Ворзель, Буча, Маріуполь")
    if doc.entity_label(i) == "ORG" and not prominent and not confirmed:
        return False  # (NER joins "Суджу - Минобороны" in a headline; "заняли Суджу" confirms the town)
    geo = "Geox" in t.tags or doc.entity_label(i) == "LOC"
    if not confirmed and PRONOUN_LEMMAS.intersection(t.lemmas):
        return False  # "Мені" (to me), not the town Mena
    if not geo and not confirmed and (t.pos in FUNCTION_POS or "anim" in t.tags and not t.tags & PERSON_TAGS
                                          and e.level != "country"):
        return False  # a pronoun, particle or demonym starting a sentence ("Вона", "Усі", "Українці")
    if not geo and not confirmed and e.ref is None and e.level == "settlement" and t.pos is not None:
        return False  # a dictionary word read as a foreign town ("Вона" -> Vaughan)
    if "Geox" not in t.tags and e.level == "settlement" and adjective_reading(doc, i) and before_agreeing_noun(doc, i):
        return False  # an adjective before its noun ("Українська армія", "в Георгиевском зале" however NER reads it)
    if _common_word(t) and "Geox" not in t.tags and not prominent and _heads_genitive(doc, i):
        return False  # "в Силах специальных операций", "у Службі безпеки": an institution's head, however placed
    if confirmed or prominent:
        return True
    if _common_word(t) and not geo and prev is not None and prev.is_title:
        return False  # a capitalised common noun inside a name ("Речник Сил оборони", "нашим Силам
        # оборони"), not the village Syla
    if "Geox" in t.tags and e.ref is not None:
        return True  # a geographic name to the dictionary, and a place of the war: "атаковал Рыльск и Льгов"
    return e.ref is not None and e.ref.startswith("UA") and (exact or not _common_word(t))


def _heads_genitive(doc: CyrDoc, i: int) -> bool:
    """True when a lower-case noun in the genitive follows the capitalised noun at i in its sentence, past its
    adjectives: the head of an institution's name ("Силам оборони", "Службі безпеки", "Силах специальных
    операций"), which a settlement name never governs."""
    t, k = doc.tokens[i], i + 1
    while k < len(doc.tokens) and doc.tokens[k].pos == "ADJF" and "gent" in doc.tokens[k].tags \
            and not doc.tokens[k].is_title and k - i <= GENITIVE_ADJECTIVES:
        k += 1
    nxt = doc.tokens[k] if k < len(doc.tokens) else None
    return (t.pos == "NOUN" and nxt is not None and nxt.sent == t.sent and nxt.pos == "NOUN"
            and not nxt.is_title and "gent" in nxt.tags)


# Nouns heading the name of a square, a street or a park ("Площа Свободи"): facilities, not places
# (annotation guide), though villages share some of their words.
# Nouns of a part of a town before its name ("микрорайон Канал", "мікрорайон Сонячний", "квартал"): the name
# is that part's, not a village's.
URBAN_DISTRICT_LEMMAS = frozenset({"микрорайон", "мікрорайон", "квартал", "жилмассив", "житломасив"})
URBAN_FEATURE_LEMMAS = frozenset({"площа", "площадь", "вулиця", "улица", "проспект", "бульвар", "майдан",
                                  "набережна", "набережная", "провулок", "переулок", "парк", "сквер",
                                  "канал"})  # "канал Северский Донец — Донбасс": the canal's name, not Donbas
GENITIVE_ADJECTIVES = 2  # adjectives between an institution's head and its genitive noun ("специальных")


def _common_word(t: Token) -> bool:
    """A capitalised word whose best reading is an ordinary word (not a name or a geographic name)."""
    return t.pos in ("NOUN", "ADJF", "VERB", "ADVB", "PRTF", "INFN") and not t.tags & (PERSON_TAGS | {"Geox"})
