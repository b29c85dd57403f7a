"""The sense of a Russian or Ukrainian event trigger in its context (events_ru_uk.py): which event type a
lexicon match is, or none.

``event_sense_ru_uk(doc, kind, first, last, places)`` takes the type the lexicon gives the trigger at tokens
[first, last) of a ``CyrDoc`` and returns the type its context makes it, or None when it reports no event:
a state joining an alliance takes no territory; entering a whole oblast or an attempt to take a place is
fighting; an attack is a strike or an assault by attack_senses_ru_uk.py, and one told by its damage a strike;
civilians leaving a town are evacuated, not withdrawn; a meeting with the public is no negotiation; captives
carried and captivity left are no capture (captivity_ru_uk.py).
"""
from __future__ import annotations

from collections.abc import Sequence

from ...models import Place
from .attack_senses_ru_uk import (
    ATTACK_STEM, aerial_attacker, aerial_object, air_attack, air_attack_retold, assaults_positions, attack_undergone,
)
from .captivity_ru_uk import captives_carried, captivity_left
from ..language.cyrillic import WITH_OR_FROM_PREPOSITIONS, CyrDoc, has_reading, plain_word
from ..language.lexicon_files import lexicon_words
from ..places.name_context_ru_uk import LIST_JOINERS
from ..language.numbers_ru_uk import NUMBER_LEMMAS, QUANTITY_PREPOSITIONS, ROUND_NUMBER_NOUNS, number_at
from .people_words_ru_uk import PEOPLE
from .taken_objects_ru_uk import ASSAULT_NOUNS
from .quantities_ru_uk import COLLECTIVE_LEMMAS, COLLECTIVE_NUMERALS, SETTLEMENT_LEMMAS, VICTIM_VERBS

# Verbs of trying: an attempt to take or push out ("намагалися захопити", "пытались захватить") is
# fighting, reported as a clash, not a change of control.
ATTEMPT_LEMMAS = frozenset({"пытаться", "попытаться", "стараться", "стремиться", "намагатися", "спробувати",
                            "пробувати", "прагнути", "попытка", "спроба"})
# Verbs of taking or entering and the words after them that make an idiom, no capture ("взяты за основу", "взять на
# себя", "взяти на озброєння", "брать в расчёт", "взять паузу"; "не входит в планы", "увійшло до складу").
IDIOM_TAKING_LEMMAS = frozenset({"взять", "брать", "взятый", "взяти", "брати", "взятий", "войти", "входить", "увійти",
                                 "входити"})
TAKING_IDIOMS = (("за", "основу"), ("на", "себя"), ("на", "себе"), ("на", "вооружение"),
                 ("на", "озброєння"), ("в", "расчет"), ("в", "расчёт"), ("до", "уваги"), ("во", "внимание"),
                 ("курс",), ("паузу",), ("слово",), ("обязательств",), ("обязательства",), ("зобов'язання",),
                 ("в", "планы"), ("в", "задачи"), ("в", "состав"), ("в", "число"), ("в", "историю"), ("у", "плани"),
                 ("в", "плани"), ("до", "планів"), ("до", "складу"), ("до", "числа"), ("в", "історію"),
                 ("у", "історію"))
IDIOM_FRONTED = 5  # words before a verb of entering within which an idiom stands fronted ("в планы ... не входит")
# "в результате атаки" / "внаслідок атаки": an attack told by what it destroyed or whom it hurt is a strike.
RESULT_WORDS = frozenset({"результате", "результаті", "внаслідок", "унаслідок", "вследствие", "через"})  # ("через
# атаку": because of it)
# ... and after or during it in a sentence of people hurt ("после атаки ВСУ пострадали", "о погибшем при атаке ВСУ")
AROUND_WORDS = frozenset({"после", "після", "при"})
# "в ходе" / "в ході": with RESULT_WORDS, before the actions a capture came by ("в результате наступательных
# действий освободили"), which are its manner, not a clash of their own.
COURSE_WORDS = frozenset({"ходе", "ході"})
# The war itself named as the cause of a loss ("Унаслідок російської агресії загинула одна людина"): a generic mention.
GENERIC_WAR_LEMMAS = frozenset({"агрессия", "агресія", "война", "війна", "вторжение", "вторгнення"})
# Verbs of leaving a place behind whose object may be equipment instead ("не оставлено ни одной единицы техники").
LEAVING_LEMMAS = frozenset({"оставить", "оставлять", "залишити", "залишати"})
OBJECT_REACH = 5  # words on either side of such a verb searched for equipment (a passive's subject stands before it)
PLACE_OBJECT_REACH = 2  # ... and after it for the place it leaves, which makes it a withdrawal whatever else is left
EQUIPMENT_LEMMAS = frozenset({"техника", "техніка", "единица", "одиниця", "вооружение", "озброєння", "оружие", "зброя",
                              "боеприпас", "боєприпас", "снаряжение", "спорядження", "имущество", "майно"})
# Verbs of entering: into a settlement they take it; into a whole oblast, region or country
# ("зайшов на Харківщину", "вошли в Курскую область") they start fighting there, a clash.
ENTER_LEMMAS = frozenset({"войти", "зайти", "увійти", "входить", "заходити", "входити", "заходить"})
WIDE_LEVELS = frozenset({"oblast", "region", "country"})
# Words of joining: of a territory to a state, an annexation (territory_control, as "присоединить" in
# the annotation guide's gold), or of a state to an alliance or a treaty, which changes no control.
JOIN_LEMMAS = frozenset({"присоединить", "присоединять", "присоединение", "присоединиться", "приєднати",
                         "приєднувати", "приєднання", "приєднатися", "вступ", "вступление", "вступить", "вступити"})
# What a state joins rather than annexes ("до Європейського Союзу", "к НАТО", "до Альянсу", "к санкциям").
ALLIANCE_LEMMAS = frozenset({"союз", "евросоюз", "євросоюз", "альянс", "нато", "ес", "єс", "блок", "коалиция",
                             "коаліція", "организация", "організація", "договор", "договір", "соглашение", "угода",
                             "конвенция", "конвенція", "санкция", "санкція", "сообщество", "співтовариство",
                             "одкб", "шос", "брикс", "вто", "сот", "оон", "совет", "рада"})
JOIN_WINDOW = 6  # words either side of a joining word searched for the alliance ("до ЄС щодо невідкладного приєднання")
# People who are not troops: their leaving a town is an evacuation ("Более 300 жителей покинули Покровск", "выход
# мирного населения").
CIVILIAN_STEMS = ("жител", "мешкан", "мирн", "люд", "семь", "сім'", "родин", "дет", "діт", "ребен", "дитин",
                  "пенсионер", "пенсіонер", "население", "населення", "граждан", "цивіл", "біжен", "бежен")
CIVILIAN_WINDOW = 5  # words before a verb of leaving searched for who leaves
# ... and, with officials and the press, whose taking into captivity is hostage-taking ("захопили в полон мера").
HOSTAGE_STEMS = CIVILIAN_STEMS + ("мэр", "мер", "глав", "голов", "журналист", "журналіст", "волонтер", "священ",
                                  "цивільн", "гражданск")
# A meeting with a public or one's own forces ("встреча с жителями", "зустріч з військовими") is no negotiation:
# its partners are civilians or these groups, named within MEETING_WINDOW words after the word of meeting.
MEETING_LEMMAS = frozenset({"встреча", "встретиться", "встречаться", "зустріч", "зустрітися", "зустрічатися"})
PUBLIC_STEMS = CIVILIAN_STEMS + ("журналист", "студент", "ветеран", "волонтер", "школьник", "активист", "коллектив",
                                 "сотрудник", "работник", "участник", "школ", "учащ", "військов", "военн", "командир",
                                 "воїн", "бійц", "бойц", "захисник", "працівник", "учасник")
MEETING_WINDOW = 3
# Nouns of fighters that an act stem of the lexicon also starts ("штурмовики" under штурм~).
# Nouns of using weapons, and the prepositions that make them the instrument of another act ("удар с применением
# ракет", "удар із застосуванням дронів"): no strike of their own.
USING_LEMMAS = frozenset({"применение", "застосування"})
# Verbs of suffering harm: with a building or a place as subject ("пострадали три дома", "постраждали будинки"), the
# damage of a strike, not casualties; SUFFERER_WINDOW words around the verb are searched for that subject.
SUFFERING_LEMMAS = frozenset({"пострадать", "постраждати"})
# Institutions whose taking changes no control of a town ("здание роддома захвачено батальоном «Азов»", "захопили
# лікарню"); houses taken are ground gained in a town ("захопив кілька будинків у Вовчанську").
BUILDING_LEMMAS = frozenset({"больница", "лікарня", "роддом", "пологовий", "школа", "театр", "госпиталь", "шпиталь"})
BUILDING_REACH = 5  # words around a verb of seizing searched for it ("здание роддома в Мариуполе давно захвачено")
SEIZING_STEMS = ("захват", "захвач", "захоп", "взя", "заня", "занят")  # verbs of seizing, as opposed to raising a flag
SUFFERER_WINDOW = 4
FIGHTER_NOUN_LEMMAS = frozenset({"штурмовик", "штурмовець", "штурмовица"})
# Nouns of a state of affairs that is "under control" ("ситуация остается под контролем", "ситуація під контролем"),
# within this many words before the trigger, in its clause ("ситуация в Курской области находится под контролем").
SITUATION_LEMMAS = frozenset({"ситуация", "обстановка", "ситуація", "положение", "становище"})
SITUATION_REACH = 6
# Words of a list of places ("Ірпінь, Буча ... і вся Київщина"), joined by name_context_ru_uk.LIST_JOINERS.
PLACE_LIST_POS = frozenset({"NOUN", "ADJF", "NPRO", None})
# Verbs of destroying or losing, and the abstract things they destroy or lose only in a figure of speech
# ("знищили свободу слова", "окупанти втратили ініціативу").
DESTROYING_STEMS = ("уничтож", "знищ", "разруш", "зруйн", "руйн", "потер", "утрат", "втрат", "втрач")
# Nouns of the area where fighting goes on, before a noun of fighting in the genitive ("районам бойових дій").
AREA_OF_FIGHTING_LEMMAS = frozenset({"район", "зона"})
BEATING_OFF_STEMS = ("отбит", "відбит")  # passives of beating off, said of a place retaken or an attack repelled
ENEMY_HEAD_POS = frozenset({"NOUN", "ADJF", "PRTF", "NUMB"})  # words before the enemy's noun that it depends on
ANNIHILATING_STEMS = ("уничтож", "знищ")  # verbs of destroying said of a force too ("знищують окупанта")
ABSTRACT_OBJECTS = lexicon_words("abstract_objects.tsv", "ru") | lexicon_words("abstract_objects.tsv", "uk")
# Words around such a verb searched for what it destroys (past a place: "Свобода слова в России уничтожена").
DESTROYED_REACH = 5


def event_sense_ru_uk(doc: CyrDoc, kind: str, first: int, last: int, places: Sequence[Place]) -> str | None:
    """The event type the trigger at tokens [first, last) has in its context, given the lexicon's ``kind``;
    None when it names no event (see the module docstring)."""
    if last - first == 1 and set(doc.tokens[first].lemmas) & FIGHTER_NOUN_LEMMAS:
        return None  # "Наши штурмовики зашли в ...": the fighters, not an assault (the stem штурм~)
    if kind == "clash" and first > 0 and doc.tokens[first - 1].lower in ("поле", "поля", "полі", "полю", "полем"):
        return None  # "на полі бою", "на поле боя": the battlefield, where fighting is done, no fight told
    if kind == "clash" and first > 0 and set(doc.tokens[first - 1].lemmas) & AREA_OF_FIGHTING_LEMMAS \
            and "nomn" not in doc.tokens[first - 1].tags:
        return None  # "усім районам бойових дій", "в зоне боевых действий": where fighting goes on, no fight told
    if kind == "casualties" and captives_carried(doc, first, last):
        return None  # "Ил-76 с украинскими пленными разбился": people on board, no capture
    if kind == "casualties" and captivity_left(doc, first, last):
        return None  # "из плена возвращены 95 военнослужащих": a return (the exchange is its own event), no capture
    if kind == "territory_control" and _takes_a_building(doc, first, last):
        return "other"  # "здание роддома захвачено батальоном": a building held, no change of who holds the town
    if kind == "territory_control" and _takes_no_land(doc, first, last):
        return None  # "могут быть взяты за основу", "взяти на себе": an idiom of taking, no place taken
    if kind == "territory_control" and _situation_under_control(doc, first):
        return None  # "ситуация остается под контролем": an idiom, no ground held
    if kind == "territory_control" and _joins_alliance(doc, first, last, places):
        return None  # a state joining the EU or NATO: no change of control over territory
    if kind == "territory_control" and _enters_wide_area(doc, first, last, places):
        return "clash"
    if kind == "territory_control" and attack_beaten_off(doc, first):
        return "attack_repelled"  # "Атаки противника в районе Работино были отбиты": the attacks, not the village
    if kind in ("territory_control", "withdrawal") and _attempted(doc, first):
        return "clash"
    if kind == "withdrawal" and _civilians_leave(doc, first, last):
        return "evacuation"
    if kind in ("clash", "territory_control") and _set_off_after_people(doc, first, "actv"):
        return None  # "бойцы, оборонявшие Мариуполь": who the people are, no act the report tells
    if kind == "territory_control" and _set_off_after_people(doc, first, "pssv"):
        return "casualties"  # "военнослужащих, захваченных в Курской области": the people were captured
    if kind == "withdrawal" and _leaves_equipment(doc, first, last, places):
        return None  # "ни одной единицы техники не оставлено": equipment left behind or not, no place given up
    if kind == "negotiation" and set(doc.tokens[first].lemmas) & MEETING_LEMMAS and any(
            plain_word(w.lemma).startswith(PUBLIC_STEMS) for w in doc.tokens[last:last + MEETING_WINDOW]):
        return None  # "встреча с жителями": a meeting with the public
    if set(doc.tokens[first].lemmas) & USING_LEMMAS and first > 0 \
            and doc.tokens[first - 1].lower in WITH_OR_FROM_PREPOSITIONS:
        return None  # "74 авиационных удара с применением 118 авиабомб": how another strike was made
    if kind == "casualties" and _hostage_taken(doc, first, last):
        return "other"  # "захопили в полон мера Мелітополя": a civilian taken is a hostage, no loss of a side
    if kind == "casualties" and _things_suffered(doc, first, last):
        return "strike"  # "в Белгородском районе пострадали поселки Разумное и Дубовое": damage
    if kind in ("strike", "casualties") and _destroys_an_abstraction(doc, first, last):
        return None  # "окупанти знищили свободу слова", "втратили ініціативу": a figure of speech, no one killed
    if kind in ("strike", "casualties") and _destroys_the_enemy(doc, first, last):
        return "clash"  # "Окупанта ... всіма засобами знищують", "уничтожают противника": fighting, no loss counted
    if kind == "strike" and aerial_object(doc, first, last):
        return "other"  # drones or missiles destroyed: an interception, not a strike
    if kind == "attack_repelled" and aerial_attacker(doc, first, last):
        return "other"  # "отразили атаку (трех) беспилотников": drones stopped in the air, no ground fought over
    if kind == "strike" and assaults_positions(doc, first, last, places):
        return "clash"
    s = doc.sentence_of(first)
    if kind == "clash" and first > 0 and plain_word(doc.tokens[first].lower).startswith(ATTACK_STEM) and (
            doc.tokens[first - 1].lower in RESULT_WORDS or doc.tokens[first - 1].lower in AROUND_WORDS
            and any(set(w.lemmas) & VICTIM_VERBS for w in doc.tokens[s.first:s.last])):
        return "strike"  # "в результате атаки ВСУ на Энергодар", "после атаки ВСУ пострадали": told by its damage
    if kind == "clash" and attack_undergone(doc, first, last):
        return "strike"  # "атаке подверглись НПЗ в Кстово", "подвергся атаке": a place hit, not a battle
    if kind == "clash" and (air_attack(doc, first, last) or air_attack_retold(doc, first, last)):
        return "strike"  # "масовану атаку на енергетичну інфраструктуру", "массированная атака"; "після атаки" then
    if kind == "clash" and doc.tokens[first].pos in ("ADJF", "PRTF") and _after_result_word(doc, first):
        return None  # "в результате (активных) наступательных действий освободили ...": how a place was taken
    if kind == "clash" and set(doc.tokens[first].lemmas) & GENERIC_WAR_LEMMAS and any(
            w.lower in RESULT_WORDS for w in doc.tokens[max(doc.sentence_of(first).first, first - 2):first]):
        return None  # "Унаслідок російської агресії загинула одна людина": the war as a cause, no event of its own
    return kind


def _takes_a_building(doc: CyrDoc, first: int, last: int) -> bool:
    """True for a verb of taking whose object after it or subject before it (within BUILDING_REACH words of its
    sentence) is an institution's building ("здание роддома давно захвачено", "захопили лікарню")."""
    if doc.tokens[first].pos not in ("VERB", "PRTS", "PRTF", "INFN") \
            or not plain_word(doc.tokens[first].lower).startswith(SEIZING_STEMS):
        return False  # (a flag raised over a building claims the town: "подняли флаг над зданием в центре X")
    s = doc.sentence_of(first)
    near = [*doc.tokens[max(s.first, first - BUILDING_REACH):first],
            *doc.tokens[last:min(s.last, last + BUILDING_REACH)]]
    return any(w.pos == "NOUN" and set(w.lemmas) & BUILDING_LEMMAS for w in near)


def attack_beaten_off(doc: CyrDoc, first: int) -> bool:
    """True for a passive of beating off ("отбиты", "відбито") whose subject before it in its sentence is an attack
    in the nominative ("Атаки противника в районе Работино были отбиты"), whatever place stands between."""
    t = doc.tokens[first]
    if t.pos not in ("PRTS", "PRTF", "ADJS") or not plain_word(t.lower).startswith(BEATING_OFF_STEMS):
        return False
    s = doc.sentence_of(first)
    return any(plain_word(w.lower).startswith(ASSAULT_NOUNS) and has_reading(w.text, doc.language, "NOUN", "nomn")
               for w in doc.tokens[s.first:first])  # ("Атаки" reads first as a genitive)


def _destroys_the_enemy(doc: CyrDoc, first: int, last: int) -> bool:
    """True for a verb of destroying whose object is the enemy as one force, in the singular and with no number in
    its sentence ("Окупанта, який зайшов на Харківщину, знищують", "бойцы уничтожают противника"): fighting, no
    loss counted; not the enemy's thing ("уничтожили склад противника") nor its people counted ("до 70
    военнослужащих противника")."""
    t = doc.tokens[first]
    if last - first != 1 or t.pos != "VERB" or not plain_word(t.lower).startswith(ANNIHILATING_STEMS):
        return False
    s = doc.sentence_of(first)
    if any(w.pos == "NUMB" or set(w.lemmas) & set(NUMBER_LEMMAS) for w in doc.tokens[s.first:s.last]):
        return False
    return any(set(w.lemmas) & COLLECTIVE_LEMMAS and w.pos == "NOUN" and "plur" not in w.tags and "nomn" not in w.tags
               and not (w.i > s.first and (doc.tokens[w.i - 1].pos in ENEMY_HEAD_POS
                                           or doc.tokens[w.i - 1].lower in LIST_JOINERS))
               for w in doc.tokens[s.first:s.last])  # (the enemy heads its phrase: not "військових ворога")


def _destroys_an_abstraction(doc: CyrDoc, first: int, last: int) -> bool:
    """True for a verb of destroying or losing whose object is abstract (ABSTRACT_OBJECTS): the first noun after it
    within DESTROYED_REACH words of its clause, past adjectives, else (a passive: "свобода слова уничтожена") the
    nearest noun in the nominative before it."""
    if not plain_word(doc.tokens[first].lower).startswith(DESTROYING_STEMS):
        return False
    s = doc.sentence_of(first)
    after = range(last, min(s.last, last + DESTROYED_REACH))
    before = range(first - 1, max(s.first - 1, first - 1 - DESTROYED_REACH), -1) \
        if doc.tokens[first].pos != "NOUN" else range(0)  # (a noun's object follows it: "порядок знищення всього")
    for window in (after, before):  # (before it, the subject: "Свобода слова была уничтожена", not "слова")
        # ("порядка" before a number is "about": "уничтожено порядка сотни военнослужащих")
        words = (doc.tokens[k] for k in window if not (doc.tokens[k].lower in QUANTITY_PREPOSITIONS
                                                        and number_at(doc, k + 1)[0] is not None))
        noun = next((w for w in words if not w.is_word or window is after and w.pos == "PREP"
                     or w.pos == "NOUN" and (window is after or "nomn" in w.tags)), None)
        if noun is not None and noun.pos == "NOUN":  # (none past a preposition: "знищена за кілька місяців")
            return bool(set(noun.lemmas) & ABSTRACT_OBJECTS)
    return False


def _hostage_taken(doc: CyrDoc, first: int, last: int) -> bool:
    """True for a taking into captivity ("взяли в плен", "захопили в полон") whose object right after it is a
    civilian or an official (HOSTAGE_STEMS): "захопили в полон мера Мелітополя", "взяли в плен мирных жителей"."""
    if not plain_word(doc.tokens[last - 1].lower).startswith(("плен", "полон")) or last - first < 2:
        return False
    s = doc.sentence_of(first)
    return any(plain_word(w.lower).startswith(HOSTAGE_STEMS) for w in doc.tokens[last:min(s.last, last + 2)])


def _things_suffered(doc: CyrDoc, first: int, last: int) -> bool:
    """True for a verb of suffering harm (SUFFERING_LEMMAS) whose subject is a thing: the first noun after it past
    numbers and adjectives, else the last noun before it in its clause, is inanimate and no prepositional object."""
    if last - first != 1 or not set(doc.tokens[first].lemmas) & SUFFERING_LEMMAS or doc.tokens[first].pos != "VERB":
        return False
    s = doc.sentence_of(first)
    after = range(last, min(s.last, last + SUFFERER_WINDOW))
    before = range(first - 1, max(s.first - 1, first - 1 - SUFFERER_WINDOW), -1)
    for window in (after, before):
        for k in window:
            w = doc.tokens[k]
            if w.text.isdigit() or w.lower in QUANTITY_PREPOSITIONS:
                continue  # "пострадали 24 человека", "понад 40 людей": the people after their number
            if not w.is_word:
                break
            if w.lower in COLLECTIVE_NUMERALS:
                return False  # "постраждали троє" (the dictionary reads "троє" as a noun): people counted
            if plain_word(w.lemma) in NUMBER_LEMMAS or plain_word(w.lower) in NUMBER_LEMMAS \
                    or set(w.lemmas) & ROUND_NUMBER_NOUNS:
                continue  # ("пострадали полтора десятка человек": the people after the round number)
            if w.pos == "NOUN":
                if k > s.first and doc.tokens[k - 1].pos == "PREP":
                    break  # "в Белгородском районе", "от обстрела": a setting or a cause, no subject
                if window is before and "gent" in w.tags and "nomn" not in w.tags:
                    continue  # "Жители Белгорода пострадали": whose the subject is, not the subject
                return "inan" in w.tags and "anim" not in w.tags and not plain_word(w.lemma).startswith(PEOPLE)
            if w.pos not in ("ADJF", "PRTF", "NUMR", "ADVB", "PRCL") and not w.text.isdigit():
                break
    return False


def _after_result_word(doc: CyrDoc, first: int) -> bool:
    """True when "в результате" / "в ходе" stands right before token ``first``, past adjectives ("в результате
    активных наступательных действий")."""
    k = first - 1
    while k > 0 and doc.tokens[k].pos in ("ADJF", "PRTF"):
        k -= 1
    return k >= 0 and doc.tokens[k].lower in RESULT_WORDS | COURSE_WORDS


def _takes_no_land(doc: CyrDoc, first: int, last: int) -> bool:
    """True for a verb of taking followed by the words of an idiom ("взяты за основу", "взять на себя", "взяти
    курс", "брать в расчёт"), which takes no place."""
    if not set(doc.tokens[first].lemmas) & IDIOM_TAKING_LEMMAS:
        return False
    after = tuple(plain_word(t.lower) for t in doc.tokens[last:last + 2])
    if any(after[:len(idiom)] == idiom for idiom in TAKING_IDIOMS):
        return True
    # the idiom's words fronted ("в планы России не входит оккупация"), within IDIOM_FRONTED words before the verb
    s = doc.sentence_of(first)
    before = [plain_word(t.lower) for t in doc.tokens[max(s.first, first - IDIOM_FRONTED):first]]
    return any(tuple(before[n:n + 2]) == idiom for idiom in TAKING_IDIOMS if len(idiom) == 2
               for n in range(len(before) - 1))


def _civilians_leave(doc: CyrDoc, first: int, last: int) -> bool:
    """True when the words before a verb of leaving in its clause, or those inside the trigger (tokens [first, last)),
    name civilians ("Более 300 жителей покинули Покровск", "мешканці залишили місто", "коридоры для выхода мирных
    жителей из Мариуполя")."""
    s = doc.sentence_of(first)
    who = [w for w in doc.tokens[max(s.first, first - CIVILIAN_WINDOW):last] if w.is_word]
    return any(plain_word(w.lemma).startswith(CIVILIAN_STEMS) for w in who)


def _situation_under_control(doc: CyrDoc, first: int) -> bool:
    """True when a noun of a state of affairs stands within SITUATION_REACH words before the trigger, in its clause
    ("ситуация в Курской области находится под контролем")."""
    before = doc.tokens[max(doc.sentence_of(first).first, first - SITUATION_REACH):first]
    before = before[max((n + 1 for n, w in enumerate(before) if w.text in (",", ";", ":")), default=0):]
    return any(set(w.lemmas) & SITUATION_LEMMAS for w in before)


def _set_off_after_people(doc: CyrDoc, first: int, voice: str) -> bool:
    """True for a past participle of ``voice`` ("actv" or "pssv") set off after a noun of persons: what the people
    did once, as who they are ("бойцы, оборонявшие Мариуполь"), or what was done to them ("военнослужащих,
    захваченных в Курской области")."""
    t = doc.tokens[first]
    if t.pos != "PRTF" or not {"past", voice} <= t.tags or first < 2 or doc.tokens[first - 1].text != ",":
        return False
    noun = doc.tokens[first - 2]
    return noun.pos == "NOUN" and "anim" in noun.tags


def _leaves_equipment(doc: CyrDoc, first: int, last: int, places: Sequence[Place]) -> bool:
    """True when a verb of leaving behind has equipment near it and no place or settlement noun right after it
    ("ни одной единицы техники не оставлено"; not "оставил город, бросив вооружение")."""
    if not set(doc.tokens[first].lemmas) & LEAVING_LEMMAS:
        return False
    s = doc.sentence_of(first)
    after = doc.tokens[last:min(s.last, last + PLACE_OBJECT_REACH)]
    if any(set(w.lemmas) & SETTLEMENT_LEMMAS or any(p.span[0] == w.start for p in places) for w in after):
        return False
    near = doc.tokens[max(s.first, first - OBJECT_REACH):min(s.last, last + OBJECT_REACH)]
    return any(set(w.lemmas) & EQUIPMENT_LEMMAS for w in near)


def _joins_alliance(doc: CyrDoc, first: int, last: int, places: Sequence[Place]) -> bool:
    """True when a joining word is a state joining an alliance, a union or a treaty ("приєднання України
    до ЄС", "присоединение к НАТО"), not a territory joined to a state ("присоединение Крыма"): an alliance
    word after "к"/"до" near it, or a whole country as what joins (the place right after the word)."""
    if not set(doc.tokens[first].lemmas) & JOIN_LEMMAS:
        return False
    s = doc.sentence_of(first)
    window = doc.tokens[max(s.first, first - JOIN_WINDOW):min(s.last, last + JOIN_WINDOW)]
    for n, t in enumerate(window):
        if t.lower in ("к", "до") and any(set(w.lemmas) & ALLIANCE_LEMMAS or w.lower in ALLIANCE_LEMMAS
                                          for w in window[n + 1:n + 4]):
            return True
    after = doc.tokens[last:min(s.last, last + 2)]
    return any(p.level == "country" and p.span[0] == t.start for t in after for p in places)


def _attempted(doc: CyrDoc, first: int) -> bool:
    """True when the trigger is an infinitive or noun governed by a verb of trying just before it."""
    s = doc.sentence_of(first)
    before = doc.tokens[max(s.first, first - 3):first]
    return any(set(w.lemmas) & ATTEMPT_LEMMAS for w in before)


def _enters_wide_area(doc: CyrDoc, first: int, last: int, places: Sequence[Place]) -> bool:
    """True when a verb of entering has an oblast, a region or a country as the place right after it."""
    if not set(doc.tokens[first].lemmas) & ENTER_LEMMAS:
        return False
    s = doc.sentence_of(first)
    window_end = doc.tokens[min(s.last, last + 3) - 1].end
    after = [p for p in places if doc.tokens[last - 1].end <= p.span[0] < window_end]
    return bool(after) and min(after, key=lambda p: p.span[0]).level in WIDE_LEVELS


def said_of_places(doc: CyrDoc, first: int) -> bool:
    """True when a participle trigger ends a clause whose subject names places ("Ірпінь, Буча, Гостомель і вся
    Київщина звільнені"): it says they were freed, no people."""
    start = doc.sentence_of(first).first
    opener = next((k for k in range(first - 1, start - 1, -1) if doc.tokens[k].text in (":", "—", "–", ";")), None)
    before = doc.tokens[start if opener is None else opener + 1:first]
    return bool(before) and all(w.pos in PLACE_LIST_POS or w.lower in LIST_JOINERS for w in before) \
        and any(w.is_title for w in before)
