"""Whether a Russian or Ukrainian trigger match stands as an event in its context (events_ru_uk.py reads the
matches from ``data/lexicons/events_ru_uk.tsv``): the flags of its lexicon row (a place in the sentence, people
nearby, an assault told, a war said to proceed ...) and the words around it that make it no act (a time "с начала
операции", a unit "штурмовые группы", a topic "обсудили эвакуацию", a resolve "не отступим", an act avoided
"щоб уникнути втрат", a release of people "освободили из плена").
"""
from __future__ import annotations

import itertools
from collections.abc import Sequence

from ...models import Place
from .attack_senses_ru_uk import AERIAL_STEMS
from ..attribution.cues_ru_uk import ANNOUNCING_LEMMAS, COMMENTING_LEMMAS
from ..language.cyrillic import FROM_PREPOSITIONS, PREDICATE_POS, CyrDoc, Token, has_reading, plain_word
from ..event_places.event_places import names_facility
from .event_polarity_ru_uk import ABOUT_WORDS
from .event_senses_ru_uk import ENTER_LEMMAS, said_of_places
from ..language.numbers_ru_uk import AREA_MEASURE
from ..event_places.place_roles_ru_uk import FORCE_LEMMAS, ORIGIN_PREPOSITIONS
from .people_words_ru_uk import PERSONNEL_AFTER_STEMS, PERSONNEL_STEMS, in_unit_name, military_people, owner_of_thing
from .quantities_ru_uk import PEOPLE_COUNT_REACH, SETTLEMENT_LEMMAS, people_count_after

# Parts of a town whose taking is a gain of ground there ("заняли несколько зданий на улице Незалежности",
# "зайняли кілька кварталів"): a place flag's place, told by the paragraph; not to enter one ("зайшли в цю будівлю").
TOWN_PART_LEMMAS = frozenset({"здание", "будівля", "квартал", "многоэтажка", "багатоповерхівка", "микрорайон",
                              "мікрорайон", "улица", "вулиця", "окраина", "околиця"})
# The forces that, named right before a verb of pulling back, make it a withdrawal ("войска отошли"), and how far back.
SUBJECT_FORCE_LEMMAS = FORCE_LEMMAS | {"всу", "зсу", "военный", "військовий", "военнослужащий", "військовослужбовець"}
FORCE_SUBJECT_WINDOW = 3
PLACE_OBJECT_WINDOW = 3  # words after a generic verb ("взяли") within which its place object must start
# ... or words before it in its clause where a fronted object of taking stands ("город взяли исключительно его
# бойцы", "Бахмут полностью взяли"), not after a preposition ("в Бахмуте взяли в плен")
FRONTED_OBJECT_WINDOW = 2
# Nouns of the surroundings of a place a force leaves ("отвод войск из районов Балаклеи").
AREA_NOUNS = frozenset({"район", "окрестность", "окраина", "околица", "околиця", "окраїна", "направление", "напрямок",
                        "остров", "острів"})
# Pronouns after "из"/"с" standing for a place a force leaves ("вывели с него гарнизон", "вийшли з нього").
PLACE_PRONOUNS = frozenset({"него", "нее", "неё", "них", "нього", "неї"})
# Word starts of an assault, which a verb of repelling needs in its sentence (flag "assault"), and whose
# noun is the same event as its repelling ("Атаки противника ... были отражены": one attack_repelled).
ASSAULT_STEMS = ("атак", "штурм", "наступ", "контратак", "контрнаступ", "попытк", "спроб", "натиск", "прорыв",
                 "прорив", "прорв", "вылазк", "вилазк", "пытал", "намага", "проникн", "напад")
# Word starts of talks and relations, whose breakthrough is no fighting (flag "combat": "не видят ничего прорывного в
# итогах переговоров. ... каких-то прорывов").
TALKS_STEMS = ("переговор", "перемовин", "перемов", "отношени", "відносин", "диалог", "діалог")
# Words saying that a war or an operation proceeds (flag "process").
PROCESS_LEMMAS = frozenset({"идти", "продолжаться", "продолжать", "начаться", "начать", "вестись", "вести",
                            "развернуть", "тривати", "почати", "почитися", "розпочати", "розпочатися",
                            "вестися", "йти", "іти", "продовжуватися", "продовжуватись", "прийти", "продолжиться",
                            "продовжитися", "завершиться", "завершитися", "закончиться", "закінчитися",
                            "начало", "початок"})  # ("объявил о начале операции")
CONDUCT_LEMMAS = frozenset({"проведение", "проведення"})  # ... and its conduct announced ("о проведении операции"),
# not a time or place named after it ("с начала проведения операции", "в зоне проведения")
SINCE_PREPOSITIONS = frozenset({"с", "со", "з", "із", "зі", "от", "від", "до", "после", "після"})  # of a time
BEGINNING_LEMMAS = frozenset({"начало", "початок"})  # ... from whose beginning it runs
# Words that make a judgement noun ("злочин") a predicate or a reference back to an event already told
# ("Це воєнний злочин", "є злочином", "за цей злочин"): a verdict on that event, not another one.
PREDICATE_LEMMAS = frozenset({"це", "цей", "той", "такий", "є", "бути", "это", "этот", "тот", "такой", "являться",
                              "являтися", "стать", "стати"})
PREDICATE_WINDOW = 3  # words before an evaluative noun searched for them
# Nouns an adjective trigger names a kind of ("штурмовые группы", "ударные дроны"): not an event.
UNIT_LEMMAS = frozenset({"группа", "група", "подразделение", "підрозділ", "бригада", "отряд", "загін", "батальон",
                         "полк", "авиация", "авіація", "дрон", "беспилотник", "безпілотник", "вертолет", "вертоліт",
                         "самолет", "літак", "корабль", "корабель", "комплекс", "войска", "військо",
                         # ... and institutions ("Окупаційна адміністрація", "оккупационные власти"): who, not an act
                         "администрация", "адміністрація", "власть", "влада", "суд", "режим", "армия", "армія"})
# Verbs that only name a topic ("обсудили эвакуацию", "не стали комментировать удар"): the event is not reported;
# commenting does so only negated (one comments on an act that happened: "прокоментував наступ у Курській області").
TOPIC_LEMMAS = frozenset({"обсудить", "обсуждать", "обговорити", "обговорювати", "обсуждение", "обговорення"})
IN_ADVANCE = frozenset({"заранее", "заблаговременно", "завчасно", "заздалегідь"})
NEGATION_REACH = 2  # words before a commenting verb its negation may stand at ("не стали комментировать")
# Verbs of retreating, which negated and not past say a resolve ("Ми не відступаємо", "не отступим").
RETREAT_LEMMAS = frozenset({"отступать", "отступить", "відступати", "відступити"})
# Nouns of an area named after what troops do there ("районы сосредоточения", "пункти дислокації"): no act told.
STAGING_AREA_LEMMAS = frozenset({"район", "пункт", "место", "місце"})
# Words of avoiding: "щоб уникнути втрат", "во избежание потерь" name an event that is kept from happening.
AVOIDED_LEMMAS = frozenset({"избежание", "избежать", "избегать", "уникнення", "уникнути", "уникати"})
CIVILIAN_ADJECTIVE_STEMS = ("цивільн", "гражданск")  # ... as nouns: civilians, people (_civilians)
PERSONNEL_WINDOW = 6  # words around "уничтожено" searched for people
# Words of concentrating (events_ru_uk.tsv: a build-up of forces), and what they focus instead of troops when they
# say a focus: efforts or attention ("сосредоточить основные усилия на освобождении Донбасса"), within FOCUS_REACH
# words after the verb.
FOCUS_STEMS = ("сосредоточ", "зосеред")
FOCUS_LEMMAS = frozenset({"усилие", "зусилля", "внимание", "увага"})
FOCUS_REACH = 3
# Word starts of captivity: "освобождены из плена", "звільнили з полону" free people, not a place.
CAPTIVITY_STEMS = ("плен", "полон", "заложник", "заручник")
FREEING_STEMS = ("освобод", "освобожд", "звільн")  # verbs of freeing, which free places or people
FREED_WINDOW = 4  # words after a verb of freeing within which its first noun says whom or what it frees
# Verbs of seizing, and the things they may seize that are no land (the first noun after the verb within
# FREED_WINDOW words): a convoy, a cargo, a vessel or vehicle, the initiative.
SEIZING_STEMS = ("захват", "захвач", "захоп")
SEIZED_THINGS = frozenset({"колонна", "колона", "груз", "вантаж", "судно", "корабль", "корабель", "танкер", "автобус",
                           "грузовик", "вантажівка", "машина", "автомобиль", "автомобіль", "техника", "техніка",
                           "инициатива", "ініціатива", "конвой", "гуманитарка", "гуманітарка"})


def _focus(doc: CyrDoc, first: int, last: int) -> bool:
    """True when a word of concentrating at tokens [first, last) says a focus: an adverb or an instrumental
    ("зосереджено працювати", "быть сосредоточенными"), or efforts or attention as its object within FOCUS_REACH
    words."""
    t = doc.tokens[first]
    if t.pos == "ADVB" or t.pos in ("ADJF", "PRTF") and "ablt" in t.tags:
        return True
    s = doc.sentence_of(first)
    return any(set(w.lemmas) & FOCUS_LEMMAS for w in doc.tokens[last:min(s.last, last + FOCUS_REACH)])


def _civilians(doc: CyrDoc, k: int) -> bool:
    """True for "цивільні"/"гражданские" standing for people at token k, no noun or adjective after it ("вивезти 500
    цивільних"; not "цивільну інфраструктуру")."""
    if not plain_word(doc.tokens[k].lemma).startswith(CIVILIAN_ADJECTIVE_STEMS) or "plur" not in doc.tokens[k].tags:
        return False
    return k + 1 >= len(doc.tokens) or doc.tokens[k + 1].pos not in ("NOUN", "ADJF", "PRTF")


def sentence_tokens(doc: CyrDoc, i: int) -> list[Token]:
    """The tokens of token i's sentence."""
    s = doc.sentence_of(i)
    return doc.tokens[s.first:s.last]


def _paragraph_sentence_before(doc: CyrDoc, i: int) -> list[Token]:
    """The tokens of the sentence before token i's, when no paragraph break parts them; else none."""
    number = doc.tokens[i].sent
    if number == 0 or "\n" in doc.text[doc.sents[number - 1].end:doc.sents[number].start]:
        return []
    before = doc.sents[number - 1]
    return doc.tokens[before.first:before.last]


def _force_before(doc: CyrDoc, first: int) -> bool:
    """True when a force (FORCE_LEMMAS, "ВСУ", "военные") is named within FORCE_SUBJECT_WINDOW words before token
    ``first`` of its sentence, no punctuation between ("войска отошли", "Подразделения ВСУ отходят")."""
    for k in range(first - 1, max(doc.sentence_of(first).first, first - FORCE_SUBJECT_WINDOW) - 1, -1):
        w = doc.tokens[k]
        if not w.is_word:
            return False
        if set(w.lemmas) & SUBJECT_FORCE_LEMMAS:
            return True
    return False


def passes_flags(doc: CyrDoc, first: int, last: int, kind: str, flags: frozenset[str], places: Sequence[Place]) -> bool:
    """True when a lexicon match at tokens [first, last) of type ``kind`` stands as an event in its context: its
    ``flags`` (events_ru_uk.tsv) are met and no word around it makes it a time, a unit, a topic, a resolve, an act
    kept from happening or a release of people."""
    t = doc.tokens[first]
    if "noun" in flags and t.pos != "NOUN":
        return False
    if "finite" in flags and (t.pos == "INFN" or "infn" in t.tags):
        return False
    if set(t.lemmas) & RETREAT_LEMMAS and "past" not in t.tags and first > 0 \
            and doc.tokens[first - 1].lower in ("не", "ні"):
        return False  # "Ми не відступаємо", "не отступим": a resolve, no report of a withdrawal
    if kind == "other" and first > 0 and set(doc.tokens[first - 1].lemmas) & STAGING_AREA_LEMMAS:
        return False  # "удары по районам сосредоточения", "районах зосередження": where troops gather, struck
    if kind == "other" and plain_word(t.lower).startswith(FOCUS_STEMS) and _focus(doc, first, last):
        return False  # "сосредоточить основные усилия на ...", "бути зосередженими": a focus, no build-up
    sentence = sentence_tokens(doc, first)
    if "place" in flags:
        s = doc.sentence_of(first)
        if not any(s.start <= p.span[0] < s.end for p in places) \
                and not any(set(w.lemmas) & (SETTLEMENT_LEMMAS if set(t.lemmas) & ENTER_LEMMAS
                                             else SETTLEMENT_LEMMAS | TOWN_PART_LEMMAS) for w in sentence) \
                and not names_facility(doc.text, (s.start, s.end)) \
                and not (kind == "territory_control" and AREA_MEASURE.search(doc.text, s.start, s.end)):
            return False  # (a facility: the table's patterns, asked last; land measured: "освобождено 2000 кв. км")
    if "place_object" in flags:
        window = doc.tokens[last:min(doc.sentence_of(first).last, last + PLACE_OBJECT_WINDOW)]
        if kind == "territory_control":  # a place after "с"/"из" is where something comes from, no place taken
            # ("вернула с подконтрольной Киеву территории 75 военнослужащих"; "вернуть Крым" takes one back)
            window = list(itertools.takewhile(lambda w: w.lower not in ORIGIN_PREPOSITIONS, window))
        elif kind == "withdrawal":  # "уходят из Херсона", "из районов Балаклеи"; not "ушел из жизни в Херсоне"
            window = list(itertools.takewhile(
                lambda w: w.pos != "NOUN" or set(w.lemmas) & (SETTLEMENT_LEMMAS | AREA_NOUNS)
                or any(p.span[0] <= w.start < p.span[1] for p in places), window))
        if "genitive" in flags:  # "потеря Авдеевки", not "потери под Авдеевкой" (a loss of people near it)
            window = list(itertools.takewhile(lambda w: w.pos != "PREP", window))
        # (a country in the genitive is whose loss it is: "втрати Росії будуть такими", no land lost)
        held = [p for p in places if not ("genitive" in flags and p.level == "country")]
        if kind == "withdrawal" and any(w.lower in PLACE_PRONOUNS and w.i > 0
                                            and doc.tokens[w.i - 1].lower in ORIGIN_PREPOSITIONS for w in window[:2]):
            pass  # "вывели с него гарнизон": the place a pronoun stands for, named before
        elif not any(set(w.lemmas) & SETTLEMENT_LEMMAS or any(p.span[0] <= w.start < p.span[1] for p in held)
                     for w in window) and not _fronted_object(doc, first, kind, places):
            return False
    if "force" in flags and not _force_before(doc, first):
        return False
    if "personnel" in flags or "materiel" in flags:
        start = max(0, first - PERSONNEL_WINDOW)
        if t.pos in PREDICATE_POS and kind != "evacuation" and last < len(doc.tokens) \
                and doc.tokens[last].pos in ("NOUN", "ADJF", "NUMB"):
            # what a predicate destroys stands in its clause ("Потери составили до 500 военнослужащих, уничтожены
            # танк и шесть машин": machines), not in the clause before ("187 окупантів, 72 з них – ліквідовано")
            start = max([start] + [k + 1 for k in range(start, first) if doc.tokens[k].text in (",", ";", ":")])
        near = doc.tokens[start:last + PERSONNEL_WINDOW]
        people = any((plain_word(w.lemma).startswith(PERSONNEL_STEMS) or military_people(doc, w, last)
                      or w.i >= last and plain_word(w.lemma).startswith(PERSONNEL_AFTER_STEMS)
                      or _civilians(doc, w.i))
                     and not in_unit_name(doc, w.i) and not owner_of_thing(doc, w.i)
                     and not (w.i < first and t.pos == "VERB" and "nomn" in w.tags and "gent" not in w.tags)
                     # (the subject of an active verb is who destroys: "Военнослужащие ... уничтожили склад")
                     for w in near if w.is_word and w.sent == t.sent) \
            or people_count_after(doc, last, min(doc.sentence_of(first).last, last + PEOPLE_COUNT_REACH),
                                  past_others=True) is not None
        if people != ("personnel" in flags):
            return False
    if "evaluative" in flags and ("ablt" in t.tags or any(
            set(w.lemmas) & PREDICATE_LEMMAS
            for w in doc.tokens[max(doc.sentence_of(first).first, first - PREDICATE_WINDOW):first])):
        return False
    if "aerial" in flags and not any(plain_word(w.lower).startswith(AERIAL_STEMS) for w in sentence):
        return False
    if "assault" in flags and not any(plain_word(w.lower).startswith(ASSAULT_STEMS)
                                          for w in [*_paragraph_sentence_before(doc, first), *sentence]):
        return False  # ("ДРГ предприняла попытку проникновения ... Противник отброшен": the attempt told before)
    if "combat" in flags and any(plain_word(w.lower).startswith(TALKS_STEMS)
                                 for w in [*_paragraph_sentence_before(doc, first), *sentence]):
        return False
    if "process" in flags and not any(
            set(w.lemmas) & PROCESS_LEMMAS and not (w.i > 0 and doc.tokens[w.i - 1].lower in SINCE_PREPOSITIONS)
            or set(w.lemmas) & CONDUCT_LEMMAS and w.i > 0 and doc.tokens[w.i - 1].lower in ABOUT_WORDS
            for w in sentence):
        return False  # ("с начала операции": a time; "объявил о начале операции" tells it begins)
    if first >= 2 and set(doc.tokens[first - 1].lemmas) & BEGINNING_LEMMAS \
            and doc.tokens[first - 2].lower in SINCE_PREPOSITIONS:
        return False  # "С начала боевых действий на этом направлении потери составили ...": a time, not an act
    if t.pos in ("ADJF", "PRTF") and last == first + 1 and last < len(doc.tokens) \
            and set(doc.tokens[last].lemmas) & UNIT_LEMMAS:
        return False
    if kind == "territory_control" and plain_word(t.lower).startswith(FREEING_STEMS) \
            and _frees_people(doc, first, last):
        return False
    if kind == "territory_control" and plain_word(t.lower).startswith(SEIZING_STEMS) and _seizes_a_thing(doc, last):
        return False  # "захопили нашу колону, наш гуманітарний вантаж для міста Вовчанська": no town taken
    before = doc.tokens[max(doc.sentence_of(first).first, first - 3):first]
    governing = next((w for w in reversed(before) if w.pos not in ("ADJF", "PRTF")), None)
    if governing is not None and set(governing.lemmas) & AVOIDED_LEMMAS:
        return False  # "уникнути втрат", "избежать больших потерь": the verb before keeps it from happening
    if any(_names_topic(doc, w) for w in before):
        return False
    # ... also after an act noun it governs, fronted ("Информацию о взятии Андреевки в Минобороны не комментировали",
    # "Взятие Андреевки не комментировали"): the first verb after the noun names it as a topic
    # (a word that also reads as a noun is no sure verb: "не стали комментировать", "стали" also of сталь)
    verb = next((w for w in doc.tokens[last:doc.sentence_of(first).last] if w.pos in ("VERB", "INFN")
                 and not has_reading(w.text, doc.language, "NOUN")), None)
    governed = bool(t.tags & {"accs", "nomn"}) or first > 0 and doc.tokens[first - 1].lower in ABOUT_WORDS
    return not (t.pos == "NOUN" and governed and verb is not None and _names_topic(doc, verb))


def _names_topic(doc: CyrDoc, w: Token) -> bool:
    """True for a verb that only names what it governs as a topic: discussing it, or not commenting on it or
    announcing it (not "не повідомляли завчасно": not in advance, which tells it happened)."""
    if set(w.lemmas) & TOPIC_LEMMAS:
        return True
    if set(w.lemmas) & ANNOUNCING_LEMMAS and any(u.lower in IN_ADVANCE for u in doc.tokens[w.i + 1:w.i + 3]):
        return False
    return bool(set(w.lemmas) & (COMMENTING_LEMMAS | ANNOUNCING_LEMMAS)) and any(
        u.lower in ("не", "ні") for u in doc.tokens[max(0, w.i - NEGATION_REACH):w.i])


def _seizes_a_thing(doc: CyrDoc, last: int) -> bool:
    """True when the first noun after a verb of seizing (tokens up to ``last``) is a thing no land (SEIZED_THINGS)."""
    sentence_last = doc.sentence_of(last - 1).last
    noun = next((w for w in doc.tokens[last:min(sentence_last, last + FREED_WINDOW)] if w.pos == "NOUN"), None)
    return noun is not None and bool(set(noun.lemmas) & SEIZED_THINGS)


def _frees_people(doc: CyrDoc, first: int, last: int) -> bool:
    """True when the first noun after a control trigger is people or captivity ("Освобожденные российские
    военнослужащие", "освободили из плена 90 военных", "звільнили з полону"), or the trigger is a plural
    participle standing for people, no noun after it ("Серед звільнених – оборонці Маріуполя"): a release, not a
    place taken."""
    sentence_last = doc.sentence_of(last - 1).last
    t = doc.tokens[first]
    if last == first + 1 and "plur" in t.tags and (t.pos in ("ADJF", "PRTF") or "anim" in t.tags) \
            and (last >= sentence_last or doc.tokens[last].pos in ("PNCT", "VERB")) and not said_of_places(doc, first):
        return True
    for w in doc.tokens[last:min(sentence_last, last + FREED_WINDOW)]:
        if w.pos == "NOUN" or military_people(doc, w, last):
            plain = plain_word(w.lemma)
            if plain.startswith(CAPTIVITY_STEMS):
                return True
            k = w.i - 1
            while k > last and doc.tokens[k].pos in ("ADJF", "PRTF"):
                k -= 1  # ("від російських окупантів")
            if doc.tokens[k].lower in FROM_PREPOSITIONS:
                continue  # "освободили от оккупантов Херсон": whom a place is freed from
            return plain.startswith(PERSONNEL_STEMS) or military_people(doc, w, last)
    return False


def _fronted_object(doc: CyrDoc, first: int, kind: str, places: Sequence[Place]) -> bool:
    """True when a taking's verb at token ``first`` has a settlement fronted before it in its clause, within
    FRONTED_OBJECT_WINDOW words and governed by no preposition ("город взяли исключительно его бойцы", "Бахмут
    полностью взяли"; not "в Бахмуте взяли в плен", a country that takes, "Росія поверне", nor a town's genitive,
    "Власти Белгорода сохраняют контроль"); territory_control only, and a town lost in the passive, in the
    nominative ("Угледар фактически потерян")."""
    t = doc.tokens[first]  # a town lost in the passive: "Угледар фактически потерян", "Вугледар втрачено"
    passive = kind == "withdrawal" and (t.pos in ("PRTS", "ADJS") or t.pos == "VERB" and t.lower.endswith(("но", "то")))
    if kind != "territory_control" and not passive:
        return False
    s = doc.sentence_of(first)
    words = []
    for k in range(first - 1, max(s.first, first - FRONTED_OBJECT_WINDOW - 1) - 1, -1):
        if doc.tokens[k].pos == "PREP":
            return False  # (also one word beyond the window: "в Белгородскую область отбита")
        if not doc.tokens[k].is_word:
            break
        words.append(doc.tokens[k])
    return any((set(w.lemmas) & SETTLEMENT_LEMMAS and "sing" in w.tags
                or any(p.span[0] <= w.start < p.span[1] and p.level == "settlement" for p in places))
               and (has_reading(w.text, doc.language, None, "accs") or passive and has_reading(
                   w.text, doc.language, None, "nomn"))
               for w in words[:FRONTED_OBJECT_WINDOW])  # (not "Власти Белгорода сохраняют контроль")
