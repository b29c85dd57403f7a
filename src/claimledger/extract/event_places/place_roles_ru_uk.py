"""What a place named in a Russian or Ukrainian event's sentence stands for when it is not where the event
happened: a state that acts ("Росія намагається", "зруйноване Росією"), a capital where a government speaks or
that acts ("В Киеве не сообщали", "Москва заявила"), an institution's state ("Министерство обороны России"), a
weapon's maker ("производства США"), a party to talks ("переговоры с Киевом"), a neighbour ("в граничащих с
Россией селах"), the state a territory joins ("в состав России"), where someone is from or heads, where a force or
fire comes from ("ВСУ из Харькова", "ракетами из района Липцы", "со стороны Волчанска"); :func:`other_role` sums
them up for an event's type. A CyrDoc and a Place in, an answer out; event_places_ru_uk.py leaves such places out.
"""
from __future__ import annotations

from ...models import Place
from ..attribution.according_ru_uk import phased
from ..attribution.cues_ru_uk import load_cue_lexicon
from ..language.cyrillic import OPEN_QUOTES, PREDICATE_POS, CyrDoc, Token, plain_word
from ..places.gazetteer import THEATRE, load_gazetteer
from ..places.name_context_ru_uk import LIST_JOINERS, is_person

# Institutions and offices a country in the genitive after them owns ("Министерство обороны России", "МИД Украины",
# "посольство США", "президент Росії"), and the genitive words that may stand between ("министерство обороны").
INSTITUTION_LEMMAS = frozenset({
    "министерство", "міністерство", "минобороны", "міноборони", "мид", "мзс", "правительство", "уряд", "посольство",
    "генштаб", "генеральный", "президент", "премьер", "прем'єр", "премьер-министр", "прем'єр-міністр", "министр",
    "міністр", "глава", "голова", "власть", "влада", "руководство", "керівництво", "администрация", "адміністрація",
    "офис", "офіс", "аппарат", "парламент", "дума", "рада", "ведомство", "відомство", "пресс-служба", "пресслужба",
    "спецслужба", "представитель", "представник", "посол", "консульство", "делегация", "делегація", "совбез",
    "радбез", "сбу", "фсб", "минздрав", "мчс", "днс", "мвд", "мвс", "омбудсмен", "прокуратура",
})
INSTITUTION_REACH = 2
# ... and words of a list of countries between ("посольств, в том числе Албании, Аргентины и Португалии").
INCLUDING_WORDS = frozenset({"в", "том", "числе", "у", "тому", "числі", "зокрема", "включая", "включно", "частности"})
LISTED_OWNER_REACH = 12
# Nouns of making before a country's name ("производства США", "виробництва Ірану"): where a weapon comes from.
MAKING_LEMMAS = frozenset({"производство", "виробництво", "изготовление", "виготовлення"})
FLAG_LEMMAS = frozenset({"флаг", "прапор", "стяг"})  # "под флагом Панамы", "під прапором Панами": the flag state
# Verbs of supplying before "от"/"від" + the supplier ("поступившими от США", "полученных от Запада").
SUPPLY_LEMMAS = frozenset({"поступить", "поступать", "поступивший", "поставить", "поставлять", "получить", "получать",
                           "полученный", "надійти", "надходити", "постачати", "поставити", "отримати", "отримувати",
                           "отриманий"})
# Prepositions of a phrase right after a trigger that says where it happened ("создали буферную зону в
# Сумской области", "удар по Харькову", "бои в районе Липцов"): its places come first.
LOCATIVE_PREPOSITIONS = frozenset({"в", "во", "у", "на", "под", "під", "по", "біля", "около", "возле", "поблизу",
                                   "вблизи", "неподалеку", "неподалік", "близ", "під"})
# Prepositions a nominative can follow ("в Україна" misread, "через Росія"): not a subject after them.
PREPOSITIONS_BEFORE_NOMINATIVE = frozenset({"через", "из", "з", "із", "от", "від", "до", "для", "про", "о"})
# Prepositions of where a force comes from ("ВСУ из Харькова обстреляли Белгород", "бригады из Закарпатья"):
# before the trigger that names who acts, not where the event happens; types whose place is where one leaves
# ("противник из Волчанска отступил", "эвакуировали из Волчанска") keep it.
ORIGIN_PREPOSITIONS = frozenset({"из", "изо", "с", "со", "от", "з", "із", "зі", "від"})
FROM_NEAR_PREPOSITIONS = frozenset({"из-под", "з-під", "із-під"})  # "из-под Северска": from near a town
# Verbs of moving troops up, whose "из"/"из-под" place is where they came from ("перебросили ... из Донбасса").
MOVING_LEMMAS = frozenset({"перебросить", "перебрасывать", "переброска", "перекинути", "перекидати", "перекидання"})
# Nouns that may head an actor phrase ("российские войска", "підрозділи ЗСУ", "противник").
FORCE_LEMMAS = frozenset({"войско", "войска", "армия", "сила", "подразделение", "группировка", "противник", "враг",
                          "військо", "армія", "підрозділ", "угруповання", "ворог", "окупант", "бригада", "боец",
                          "боєць", "воїн", "защитник", "захисник", "штурмовик", "десантник", "росіянин", "россиянин",
                          "командование", "командування", "формирование", "формування", "наемник", "найманець",
                          "боевик", "бойовик", "отряд", "загін"})
# Adjective starts of "bordering X" ("в граничащих с Россией селах", "прикордонних з Росією громадах"): X is the
# neighbour the place is named by, not where the event happens.
# Words before "из"/"з" + a place that make it someone's home ("семья была из X", "родом из X"), and nouns of
# birth whose genitive is one ("уроженец Харькова", "уродженка Сум").
HOME_WORDS = frozenset({"быть", "бути", "родом"})
# Prepositions by which a place tells where a settlement named right before it lies ("в Буче под Киевом").
LOCATOR_PREPOSITIONS = frozenset({"под", "під", "около", "біля", "возле", "поблизу", "неподалеку", "недалеко"})
STATE_LEMMAS = frozenset({"россия", "росія", "украина", "україна", "беларусь", "білорусь"})
# Words opening a phrase of purpose, and the nouns and adjectives between them and the place's preposition.
PURPOSE_WORDS = frozenset({"для", "ради", "заради"})
PURPOSE_NOUN_REACH = 3
CUT_OFF_STEMS = ("отрез", "відріз")  # words of cutting a town off ("отрезан", "відрізали")
NATIVE_WORDS = frozenset({"уроженец", "уроженка", "уродженець", "уродженка"})
BORDER_STEMS = ("приграничн", "прикордонн", "граничащ", "граничн", "сопредельн", "межуюч", "пограничн")
# Adjectives of comparison before "с"/"з" + a place ("зіставне за розмірами з Лісабоном").
COMPARISON_LEMMAS = frozenset({"зіставний", "порівнянний", "сопоставимый", "сравнимый", "схожий", "похожий",
                               "подібний", "подобный", "аналогичный", "аналогічний"})
# Capitals that name their governments ("Если Киев не выведет войска", "Москва заявляет"), by canonical name:
# as the subject of a verb they act, like a country (acting_country), unless the verb says what befell
# the city ("Киев подвергся удару", "Київ пережив атаку").
GOVERNMENT_CAPITALS = frozenset({"Kyiv", "Moscow", "Washington", "Minsk", "London", "Paris", "Berlin", "Warsaw",
                                 "Brussels", "Beijing"})
UNDERGOING_LEMMAS = frozenset({"подвергнуться", "подвергаться", "пережить", "переживать", "оказаться", "остаться",
                               "оставаться", "находиться", "зазнати", "зазнавати", "пережити", "переживати",
                               "опинитися", "залишитися", "залишатися", "перебувати", "получить", "отримати"})
# Participles and full adjectives of a stance ("Москва намерена", "вынуждена", "Київ готовий"), which only a
# government takes; the dictionary reads the Russian ones as passive participles of what befell ("намерить").
STANCE_LEMMAS = frozenset({"намерить", "вынудить", "заинтересовать", "обязать", "готовый", "змушений", "зацікавлений",
                           "зобов'язаний", "налаштований", "готовий", "згодний"})
CAPITAL_VERB_REACH = 3  # words from the capital to its verb ("Киев не выведет", "Киев официально не взял")


# Adjectives of land a state controls, before that state in the dative ("подконтрольной Киеву территории").
CONTROLLED_BY_STEMS = ("подконтрольн", "підконтрольн")
# Verbs of accusing, whose object is the state accused ("провокацию, чтобы обвинить Россию"): no event's place.
# Verbs of letting or forbidding a state to act ("разрешил Киеву наносить удары", "заборонили Україні").
PERMITTING_LEMMAS = frozenset({"разрешить", "разрешать", "позволить", "позволять", "запретить", "запрещать",
                               "дозволити", "дозволяти", "заборонити", "забороняти"})
ACCUSING_LEMMAS = frozenset({"обвинить", "обвинять", "звинуватити", "звинувачувати"})


def acting_country(doc: CyrDoc, place: Place) -> bool:
    """True for a country in the nominative (war_reports_dev tune headlines +1) or instrumental, no preposition
    before ("Росія намагається", "зруйноване Росією"), or accused ("обвинить Россию"), a capital as the subject of
    a verb (GOVERNMENT_CAPITALS) or where a government speaks (:func:`government_speaks`): a state that acts, not
    where the event happens."""
    k = doc.token_at(place.span[0])
    if place.level not in ("country", "settlement") or k is None:
        return False
    if government_speaks(doc, place):
        return True
    if k > 0 and plain_word(doc.tokens[k - 1].lower).startswith(CONTROLLED_BY_STEMS):
        return True  # "из подконтрольной Киеву территории": the state that controls it
    if place.level == "country" and k > 0 and set(doc.tokens[k - 1].lemmas) & ACCUSING_LEMMAS:
        return True  # "чтобы обвинить Россию": the state accused
    if "datv" in doc.tokens[k].tags and k > 0 and set(doc.tokens[k - 1].lemmas) & PERMITTING_LEMMAS \
            and (place.level == "country" or place.name in GOVERNMENT_CAPITALS):
        return True  # "Байден разрешил Киеву наносить удары вглубь России": the state let act, not where
    if place.level == "country" and "ablt" in doc.tokens[k].tags and k > 0 and doc.tokens[k - 1].pos != "PREP":
        return True  # the agent of a participle or passive ("зруйнованого Росією")
    if "nomn" not in doc.tokens[k].tags:
        return False
    if k > 0 and doc.tokens[k - 1].lower in LOCATIVE_PREPOSITIONS | PREPOSITIONS_BEFORE_NOMINATIVE:
        return False
    return place.level == "country" or place.name in GOVERNMENT_CAPITALS and governs_verb(doc, k)


# Taking responsibility, which a capital's government does like speaking ("В Киеве ответственность не взяли").
TAKING_LEMMAS = frozenset({"взять", "брать", "взяти", "брати"})
RESPONSIBILITY_LEMMAS = frozenset({"ответственность", "відповідальність"})


def government_speaks(doc: CyrDoc, place: Place) -> bool:
    """True for a capital (GOVERNMENT_CAPITALS) after "в"/"у" whose clause's next verb reports ("В Киеве о начале
    контрнаступления не сообщали", "У Києві цього не підтверджують"): where a government speaks, which an
    attribution names only when the report is asserted."""
    k = doc.token_at(place.span[0])
    if place.name not in GOVERNMENT_CAPITALS or not k or doc.tokens[k - 1].lower not in ("в", "во", "у"):
        return False
    verb = next((t for t in doc.tokens[k + 1:doc.sentence_of(k).last] if t.pos == "VERB" or t.text == ","), None)
    if verb is not None and verb.i + 1 < len(doc.tokens) and phased(doc.tokens[verb.i + 1], doc):
        verb = doc.tokens[verb.i + 1]  # "В Киеве продолжают утверждать": the infinitive reports
    cues = load_cue_lexicon()
    if verb is not None and set(verb.lemmas) & TAKING_LEMMAS and any(
            set(t.lemmas) & RESPONSIBILITY_LEMMAS for t in doc.tokens[k + 1:verb.i]):
        return True  # "В Киеве ответственность за взрыв на себя не взяли": the government answers for it
    return verb is not None and bool(set(verb.lemmas) & (cues.verbs | cues.np_verbs | frozenset(cues.light)))


def governs_verb(doc: CyrDoc, k: int) -> bool:
    """True when the nominative noun at token ``k`` is the subject of a singular verb right after it that agrees
    with it in gender, when the verb has one ("Киев не выведет", "Москва заявила"; not "Киев атаковали", an
    accusative, nor "Киев атаковала Россия"; an adverb, particle or pronoun may stand between: "Киев это
    отрицает"), and that verb is no verb of undergoing ("Киев подвергся удару")."""
    noun = doc.tokens[k]
    s = doc.sentence_of(k)
    for j in range(k + 1, min(s.last, k + 1 + CAPITAL_VERB_REACH)):
        t = doc.tokens[j]
        if t.pos == "ADJS" or set(t.lemmas) & STANCE_LEMMAS:  # a stance: "Москва готова", "Москва намерена"
            return bool(t.tags & {"masc", "femn", "neut"} & noun.tags) or "plur" in t.tags
        if t.pos != "VERB":
            if t.is_word and t.pos in ("ADVB", "PRCL", "NPRO"):  # "Москва уже заявила", "Киев это отрицает"
                continue
            return False
        genders = t.tags & {"masc", "femn", "neut"}
        return "sing" in t.tags and not set(t.lemmas) & UNDERGOING_LEMMAS and (
            not genders or bool(genders & noun.tags))
    return False


def of_institution(doc: CyrDoc, place: Place) -> bool:
    """True for a country that names whose an institution or office is ("Министерство обороны России о взятии
    города не сообщало", "посольство США", "президент України"): the institution's state, not where the event
    happens. At most INSTITUTION_REACH genitive words stand between ("министерство обороны")."""
    k = doc.token_at(place.span[0])
    if place.level != "country" or k is None:
        return False
    s = doc.sentence_of(k)
    start = k  # (a country of a list after the institution: "посольств, в том числе Албании, Аргентины и Португалии")
    while start > s.first and k - start < LISTED_OWNER_REACH and (
            doc.tokens[start - 1].text == "," or doc.tokens[start - 1].lower in LIST_JOINERS | INCLUDING_WORDS
            or doc.tokens[start - 1].is_title):
        start -= 1
    if start < k and not any(t.text == "," for t in doc.tokens[start:k]):
        start = k  # (only a list set off by commas: not "президент Росії та України")
    for j in range(start - 1, max(s.first - 1, start - 1 - INSTITUTION_REACH), -1):
        t = doc.tokens[j]
        if set(t.lemmas) & INSTITUTION_LEMMAS or t.lower in INSTITUTION_LEMMAS:
            return True
        if not (t.pos == "NOUN" and "gent" in t.tags):
            return False
    return False


def names_maker(doc: CyrDoc, place: Place) -> bool:
    """True for a place that says where a weapon was made or comes from ("HIMARS производства США", "ракети
    виробництва КНДР", "американского производства" needs no place; "боеприпасами, поступившими от США",
    "отриманих від Заходу") or whose flag a ship flies ("судно під прапором Панами"): its maker, supplier or flag
    state, not where the event happens."""
    k = doc.token_at(place.span[0])
    before_from = _word_before_from(doc, place)
    return k is not None and k > 0 and bool(set(doc.tokens[k - 1].lemmas) & (MAKING_LEMMAS | FLAG_LEMMAS)) \
        or before_from is not None and bool(set(before_from.lemmas) & SUPPLY_LEMMAS)


def home_of(doc: CyrDoc, place: Place) -> bool:
    """True for a place that says where someone is from: after "из"/"з" and a form of "быть"/"бути" ("семья была из
    Белгородской области") or a noun or adverb of birth ("уроженец Харькова", "родом из Сум"): a home, not where
    the event happens."""
    k = doc.token_at(place.span[0])
    if k is None or k < 2:
        return False
    before = doc.tokens[k - 1]
    if before.lower in NATIVE_WORDS or set(before.lemmas) & NATIVE_WORDS:
        return True
    word = doc.tokens[k - 2]
    return before.lower in ORIGIN_PREPOSITIONS and (word.lower in HOME_WORDS or bool(set(word.lemmas) & HOME_WORDS))


def where_abroad(doc: CyrDoc, place: Place) -> bool:
    """True for a settlement abroad after "в"/"у" and a person's name ("Зеленский в Хиросиме на вопрос, остается ли
    Бахмут под контролем Украины"): where the person is, not where an act of the war happens."""
    k = doc.token_at(place.span[0])
    if k is None or k < 2 or place.level != "settlement" or doc.tokens[k - 1].lower not in ("в", "во", "у"):
        return False
    gaz = load_gazetteer()
    entry = gaz.get(place.ref) if (place.ref or "").startswith("geonames:") else None
    return entry is not None and entry.country not in THEATRE and doc.tokens[k - 2].is_title \
        and any(is_person(doc, i, gaz) for i in (k - 3, k - 2) if i >= 0)


def locates_settlement(doc: CyrDoc, place: Place) -> bool:
    """True for a place after "под"/"під"/"около"/"біля" right after a settlement's name ("в Буче под Киевом",
    "обстріляли Бучу під Києвом"): it says where that settlement lies, no place of the event."""
    k = doc.token_at(place.span[0])
    if k is None or k < 2 or doc.tokens[k - 1].lower not in LOCATOR_PREPOSITIONS:
        return False
    named = doc.tokens[k - 2]  # (a settlement's name: no acronym or state, "продвижение ВС РФ под Угледаром")
    return named.is_title and not named.text.isupper() and named.pos == "NOUN" \
        and not set(named.lemmas) & STATE_LEMMAS and ("Geox" in named.tags or doc.entity_label(k - 2) == "LOC")


def cut_off_from(doc: CyrDoc, place: Place) -> bool:
    """True for a place after a word of cutting off and "от"/"від" ("город отрезан от Киева", "відрізали від
    Харкова"): what a town is cut off from, not where anything happens."""
    before_from = _word_before_from(doc, place)
    return before_from is not None and plain_word(before_from.lower).startswith(CUT_OFF_STEMS)


def _word_before_from(doc: CyrDoc, place: Place) -> Token | None:
    """The word before "от"/"від" when that preposition stands right before the place ("поступившими от США":
    "поступившими"), else None."""
    k = doc.token_at(place.span[0])
    return doc.tokens[k - 2] if k is not None and k > 1 and doc.tokens[k - 1].lower in ("от", "від") else None


def names_party(doc: CyrDoc, place: Place) -> bool:
    """True for a country or a capital named in talks other than as where they are held ("переговоры с Киевом",
    "переговорів Росії та України"; not "переговоры в Стамбуле", "у Мінську", "повернулася з Білорусі, з
    переговорів"): a party to them."""
    if place.level != "country" and place.name not in GOVERNMENT_CAPITALS:
        return False
    k = doc.token_at(place.span[0])
    if k is None or k == 0:
        return True
    before = doc.tokens[k - 1].lower
    # "делегація повернулася з Білорусі, з переговорів": "from" with the genitive names where they were held
    return before not in LOCATIVE_PREPOSITIONS and not (before in ORIGIN_PREPOSITIONS and "gent" in doc.tokens[k].tags)


# Nouns between "на"/"в" and a place that a force moves into: the place is where it goes ("на территорию Украины").
DESTINATION_NOUNS = frozenset({"территория", "територія", "сторона", "бік"})
DESTINATION_LIST_REACH = 6  # words back over a list of places to the preposition of its first


def destination(doc: CyrDoc, place: Place) -> bool:
    """True for a place a force moves to: after "в"/"на" in the accusative or "к"/"до" ("перегруппировка войск из
    районов Балаклеи и Изюма в Донецкую область", "відійшли до Покровська"), or a heading (:func:`heading_to`), or
    named by a phrase of its purpose (:func:`_aimed_at`)."""
    j = _list_opening(doc, place)
    if j is None:
        return False
    before, t = doc.tokens[j], doc.tokens[j + 1]
    # (a name the tagger reads as nominative after a preposition, "отошли в Лисичанск", is the accusative it must be)
    accusative = bool({"accs", "nomn"} & t.tags) and "loct" not in t.tags
    return _heading_at(doc, j) or before.lower in ("к", "ко", "до") \
        or before.lower in ("в", "во", "на", "у") and (accusative or _aimed_at(doc, j))


def _aimed_at(doc: CyrDoc, j: int) -> bool:
    """True when the preposition at token ``j`` ends a phrase of purpose ("перегруппировка войск ... для
    сосредоточения на Донбассе", "для наращивания усилий на донецком направлении"): where the force is to act."""
    k = j - 1
    while k >= 0 and j - k <= PURPOSE_NOUN_REACH and doc.tokens[k].pos in ("NOUN", "ADJF"):
        k -= 1
    return k < j - 1 and k >= 0 and doc.tokens[k].lower in PURPOSE_WORDS


def heading_to(doc: CyrDoc, place: Place) -> bool:
    """True for a place after "в сторону", "на территорию", "у бік" ("вытеснены на территорию Украины", "колонна
    двинулась в сторону Москвы"): where someone heads, whatever the verb, no place where anything happens."""
    j = _list_opening(doc, place)
    return j is not None and _heading_at(doc, j)


def _heading_at(doc: CyrDoc, j: int) -> bool:
    """True when token ``j``, right before a place or its list, is a DESTINATION_NOUNS word after "в"/"на"."""
    before = doc.tokens[j]
    return j >= 1 and bool(set(before.lemmas) & DESTINATION_NOUNS) and "accs" in before.tags \
        and doc.tokens[j - 1].lower in ("в", "во", "на", "у")


def _list_opening(doc: CyrDoc, place: Place) -> int | None:
    """The token before a place, or before the first of the list of names it ends ("отступили к Бердичам и
    Орловке": "к"); None for a place at the text's start."""
    k = doc.token_at(place.span[0])
    if k is None or k < 1:
        return None
    j = k - 1
    while j > 0 and k - j <= DESTINATION_LIST_REACH and (doc.tokens[j].lower in LIST_JOINERS
                                                         or doc.tokens[j].is_title):
        j -= 1
    return j


def joined_state(doc: CyrDoc, place: Place) -> bool:
    """True for a country right after "состав"/"складу" ("вхождение в состав России", "до складу Росії"): the
    state a territory joins, not where the event happens."""
    k = doc.token_at(place.span[0])
    return place.level == "country" and k is not None and k > 0 and bool(
        set(doc.tokens[k - 1].lemmas) & {"состав", "склад"})


def names_neighbour(doc: CyrDoc, place: Place) -> bool:
    """True for a place named as a neighbour: "с"/"з" + the place after a "bordering" adjective; or as a measure of
    comparison ("місто, зіставне за розмірами з Лісабоном"): a place named by another, not where anything happens."""
    k = doc.token_at(place.span[0])
    if k is None or k < 2 or doc.tokens[k - 1].lower not in ("с", "со", "з", "із", "зі"):
        return False
    return any(doc.tokens[j].lower.startswith(BORDER_STEMS) for j in range(max(0, k - 3), k - 1)) \
        or any(set(doc.tokens[j].lemmas) & COMPARISON_LEMMAS for j in range(max(0, k - 4), k - 1))


# Types whose place is where one leaves ("противник из Волчанска отступил"): a place after a preposition of origin
# (ORIGIN_PREPOSITIONS) stays theirs.
ORIGIN_KEEPING_TYPES = frozenset({"withdrawal", "evacuation"})
# Types whose heading ("на территорию X") is a place of the act: where people go, where a force invades.
HEADING_TYPES = frozenset({"evacuation", "clash"})
ORIGIN_REACH = 4  # words back from the preposition within which the force noun stands ("бойцы 128-й бригады из")
# Weapons whose "from X" is where fire comes from ("ракетами из района Липцы", "снаряды с территории"), and the
# area nouns that may stand between the preposition and the place.
WEAPON_NOUN_LEMMAS = frozenset({"ракета", "снаряд", "бомба", "дрон", "беспилотник", "безпілотник", "мина", "міна",
                                "артиллерия", "артилерія", "рсзо", "рсзв", "миномет", "міномет"})
# ... and participles of launching, whatever was launched ("сбит ракетами зенитного комплекса, запущенными из
# Харьковской области", "выпущенных с территории", "запущених з Криму")
LAUNCHED_STEMS = ("запущен", "выпущен", "випущен")
AREA_OF_ORIGIN_LEMMAS = frozenset({"район", "окрестность", "околиця"})
TYPE_LEMMAS = frozenset({"тип"})  # ... and a weapon's model between ("дронами типу Shahed з", "ракетами С-300 из")
WEAPON_NAME_WORDS = 3
CLOSING_QUOTES = frozenset(OPEN_QUOTES.values())  # ... and a weapon's quoted name between ("ракетой «Искандер-М» из")
OPENING_QUOTES = frozenset(OPEN_QUOTES)
QUOTED_NAME_REACH = 6  # tokens of such a name
# Nouns of "from the side of X" after "с"/"з" ("со стороны Волчанска", "с территории Харьковской области", "з боку
# Бєлгорода"): where fire or an attack comes from, not where it lands.
SIDE_LEMMAS = frozenset({"сторона", "территория", "направление", "бік", "територія", "напрямок", "напрямку"})


def other_role(doc: CyrDoc, place: Place, kind: str, first: int) -> bool:
    """True when a place named near the trigger at token ``first`` stands for something other than where an event
    of type ``kind`` happened (the functions above): a neighbour, a state or capital that acts, a state joined,
    a party to talks, a maker, an institution's state, where a force comes from or fire comes from, where a
    withdrawing force goes or anyone heads, where troops moved up came from."""
    fixed, goes_to, party, side = _trigger_free_roles(doc, place)
    # (a heading is no place of an act but people moved or a force invading: "противник отброшен на территорию
    # Украины"; "вторглись на территорию Курской области" is fighting there)
    # (where a withdrawing force goes follows the withdrawal in its sentence: "увійшли до Херсона після відступу"
    # entered the town it left)
    s = doc.sentence_of(first)
    return fixed or kind == "withdrawal" and goes_to and not s.start <= place.span[0] < doc.tokens[first].start \
        or kind not in HEADING_TYPES and heading_to(doc, place) \
        or kind == "negotiation" and party \
        or kind == "other" and set(doc.tokens[first].lemmas) & MOVING_LEMMAS \
        and after_origin_preposition(doc, place, ORIGIN_PREPOSITIONS | FROM_NEAR_PREPOSITIONS) \
        or kind == "casualties" and _home_of_victims(doc, place) \
        or kind not in ORIGIN_KEEPING_TYPES and (side or _origin_of_force(doc, place, first))


def _weapon_name_word(t: Token) -> bool:
    """True for a word of a weapon's model after the weapon: Latin script, a figure, "типа"/"типу"."""
    return t.pos is None or t.lemma in TYPE_LEMMAS or any(ch.isdigit() for ch in t.text)


def after_origin_preposition(doc: CyrDoc, place: Place, prepositions: frozenset[str] = ORIGIN_PREPOSITIONS) -> bool:
    """True for a place right after "из"/"з"/"от" (or another of ``prepositions``): where someone came from ("вийшли
    з Авдіївки"; troops moved up "из-под Северска")."""
    k = doc.token_at(place.span[0])
    return k is not None and k > 0 and doc.tokens[k - 1].lower in prepositions


def _home_of_victims(doc: CyrDoc, place: Place) -> bool:
    """True for a place after "из"/"з" right after a noun of persons ("Погибли супруги из Белгородской области",
    "мужчина из Николаева"): where the dead or wounded came from, not where they were hit."""
    k = doc.token_at(place.span[0])
    if k is None or k < 2 or doc.tokens[k - 1].lower not in ORIGIN_PREPOSITIONS - {"с", "со", "от", "від"}:
        return False
    word = doc.tokens[k - 2]
    return word.pos == "NOUN" and "anim" in word.tags and not set(word.lemmas) & FORCE_LEMMAS


def _trigger_free_roles(doc: CyrDoc, place: Place) -> tuple[bool, bool, bool, bool]:
    """The roles of a place that do not depend on the trigger, found once per document (CyrDoc.memo: every event asks
    for every place): any type's (a neighbour, an acting state, a state joined, a maker, an institution's state, a
    home, a town cut off from, where a person is abroad, where a settlement lies),
    where a withdrawing force goes, a party to talks, the side fire comes from."""
    memo, key = doc.memo.setdefault("place_roles", {}), (place.span, place.level, place.ref)
    roles = memo.get(key)
    if roles is None:
        roles = memo[key] = (
            names_neighbour(doc, place) or acting_country(doc, place) or joined_state(doc, place)
            or names_maker(doc, place) or of_institution(doc, place) or home_of(doc, place) or cut_off_from(doc, place)
            or where_abroad(doc, place) or locates_settlement(doc, place),
            destination(doc, place), names_party(doc, place), _from_side(doc, place))
    return roles


def _origin_of_force(doc: CyrDoc, place: Place, first: int) -> bool:
    """True for a place in a "from X" phrase after a force ("ВСУ из Харькова", "бойцы бригады из Закарпатья"):
    where the force comes from; or after a weapon, where the fire comes from, anywhere in the sentence ("самолет был
    сбит ракетами из района Липцы"). In the trigger's (token ``first``) sentence a force's phrase stands before the
    trigger; in another it stands before any predicate of its own (the subject: "ВСУ из Харькова обстреляли ...")."""
    k = doc.token_at(place.span[0])
    if k is not None and k >= 3 and doc.tokens[k - 1].is_title and doc.tokens[k - 1].sent == doc.tokens[k].sent:
        k -= 1  # "из района Липцы Харьковской области": the oblast of the place named, as much an origin
    if k is not None and k >= 3 and set(doc.tokens[k - 1].lemmas) & AREA_OF_ORIGIN_LEMMAS:
        k -= 1  # "из района Липцы": the area noun between
    while k is not None and k >= 3 and doc.tokens[k - 1].pos in ("ADJF", "PRTF") and not doc.tokens[k - 1].is_title \
            and k - 1 != first:
        k -= 1  # "из оккупированного Крыма" (of the strike; "оккупированного" itself is an occupation of Crimea)
    if k is None or k < 2 or doc.tokens[k - 1].lower not in ORIGIN_PREPOSITIONS:
        return False
    s = doc.sentence_of(k)
    weapon = k - 2
    if doc.tokens[weapon].text in CLOSING_QUOTES:  # "ракетой «Искандер-М» из Крыма": the weapon before its name
        weapon = next((j - 1 for j in range(weapon - 1, max(s.first, weapon - QUOTED_NAME_REACH) - 1, -1)
                       if doc.tokens[j].text in OPENING_QUOTES), weapon)
    model = weapon
    while weapon > s.first and model - weapon < WEAPON_NAME_WORDS and _weapon_name_word(doc.tokens[weapon]):
        weapon -= 1  # "безпілотниками типу Shahed з", "ракетами С-300 из", "типа «Герань»": the weapon before its model
    if weapon >= s.first and set(doc.tokens[weapon].lemmas) & WEAPON_NOUN_LEMMAS \
            or any(plain_word(t.lower).startswith(LAUNCHED_STEMS) for t in doc.tokens[max(s.first, k - 3):k - 1]):
        return True  # (its agent between or not: "ракетой, выпущенной ВСУ из Харьковской области")
    if k >= first if s.first <= first < s.last else any(t.pos in PREDICATE_POS for t in doc.tokens[s.first:k]):
        return False
    for j in range(k - 2, max(s.first, k - 1 - ORIGIN_REACH) - 1, -1):
        t = doc.tokens[j]
        if not t.is_word and not t.text[:1].isdigit() and t.text != "-" or t.pos in PREDICATE_POS:
            return False
        if set(t.lemmas) & FORCE_LEMMAS or (t.text.isupper() and len(t.text) > 1):
            return True
    return False


def _from_side(doc: CyrDoc, place: Place) -> bool:
    """True for a place after "с"/"з" + a side noun ("со стороны X", "с территории X", "з боку X"), also the later
    places of a list it opens ("со стороны Беларуси и Крыма"), or after "на стороне"/"на боці" (whom someone fights
    for: "воюющие на стороне Украины формирования", "перешли на сторону")."""
    opening = _list_opening(doc, place)
    k = None if opening is None else opening + 1
    if k is None or k < 2:
        return False
    before, side = doc.tokens[k - 2].lower, set(doc.tokens[k - 1].lemmas)
    return before in ORIGIN_PREPOSITIONS - {"из", "изо", "от", "від"} and bool(side & SIDE_LEMMAS) \
        or before == "на" and bool(side & {"сторона", "бік"})
