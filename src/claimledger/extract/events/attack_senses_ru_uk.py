"""Whether a Russian or Ukrainian word of attacking tells a strike from the air or a ground assault, for
event_senses_ru_uk.py: an attack called massive, missile or air, made with drones or aimed at infrastructure is a
strike, and so is one a place underwent or one that retells such an attack; drones or missiles destroyed or repelled
are an interception; a verb of attacking with positions, a stretch of front, a whole country or nothing as its object,
and no weapon named, is a ground assault, and so is one by troops named with their armour.
"""
from __future__ import annotations

from collections.abc import Sequence

from ...models import Place
from ..language.cyrillic import WITH_OR_FROM_PREPOSITIONS, CyrDoc, Token, plain_word

OBJECT_WINDOW = 3  # words after a verb of attacking within which its object must start
# Aerial objects whose destruction is an air-defence interception ("other": shot down), not a strike.
AERIAL_STEMS = ("беспилотн", "безпілотн", "бпла", "дрон", "ракет", "шахед", "самолет", "літак", "вертолет",
                "вертоліт", "крылат", "крилат")
AERIAL_ATTACKER_REACH = 2  # words after a repelled attack that name what attacked ("атаку беспилотников")
AIR_DEFENCE_REACH = 2  # words before a repelled attack that may name the air defence ("ПВО отражает атаку")
COUNT_POS = frozenset({"NUMB", "NUMR"})  # ... past a count ("атаку трех беспилотников")
# ... or after a word of the means it was made with ("атаку с применением беспилотных аппаратов")
MEANS_LEMMAS = frozenset({"применение", "застосування", "использование", "використання", "помощь", "допомога"})
# ... and words of air defence or of its targets, which make the destruction an interception too ("силами ППО
# знищено 84 цілі", "средствами противовоздушной обороны уничтожены").
AIR_DEFENCE_STEMS = ("ппо", "пво", "противовоздушн", "протиповітрян", "зенитн", "зенітн")
AIR_TARGET_LEMMAS = frozenset({"цель", "ціль"})
# Verbs of attacking, a strike unless their object is a line of defence (POSITION_LEMMAS) with no weapon named:
# "атаковали позиции" is a ground assault (issue 12 probes: General Staff copy in Russian).
ATTACK_VERB_LEMMAS = frozenset({"атаковать", "атакувати"})
POSITION_LEMMAS = frozenset({"позиция", "позиція", "оборона", "рубеж", "рубіж", "опорный", "опорний", "окоп",
                             "траншея"})
# ... or a stretch of front where it attacks ("атаковать на Покровском направлении", "атакує на цій ділянці").
FRONT_LEMMAS = frozenset({"направление", "напрямок", "напрям", "участок", "ділянка", "фронт"})
# ... or a whole country ("Росія атакувала всю територію нашої держави", "атаковала Украину"): an invasion, unless
# by night, when drones and missiles attack ("Вночі Росія атакувала Україну").
LAND_LEMMAS = frozenset({"территория", "територія", "страна", "країна", "государство", "держава"})
NIGHT_STEMS = ("ноч", "ніч", "вноч", "уноч")
# ... or the quarters it attacks from ("атакуя с севера и юга", "з флангів"): troops closing in, an assault.
COMPASS_LEMMAS = frozenset({"север", "юг", "запад", "восток", "північ", "південь", "захід", "схід"})
QUARTER_LEMMAS = COMPASS_LEMMAS | {"фланг"}
TIMES_LEMMAS = frozenset({"раз"})  # "атаковал 28 раз", "28 разів атакував": how often, no object
# ... or when they attack near a place rather than the place ("пытались атаковать у Работина", "атакували біля
# Кліщіївки"): a weaponless attack near a village is an assault (an attack on a town itself may be a strike).
NEAR_PREPOSITIONS = frozenset({"у", "под", "возле", "около", "вблизи", "близ", "біля", "поблизу", "під", "неподалік",
                               "неподалеку"})
# Words of troops on the ground and their armour before the verb ("до тысячи военнослужащих при поддержке танков
# и бронемашин ... атаковали", "піхота за підтримки бронетехніки атакувала"): an assault, whatever the object.
GROUND_FORCE_STEMS = ("танк", "бронемашин", "бронетехник", "бронетехнік", "бтр", "бмп", "пехот", "піхот",
                      "мотострел", "мотопіхот", "десантн", "штурмов")
WEAPON_STEMS = ("артилер", "артиллер", "авиа", "авіа", "удар", "снаряд", "бомб", "миномет", "міномет", "рсзо",
                "реактивн", "обстрел", "обстріл", "катер", "безэкипаж", "безекіпаж")  # (and sea drones: "катерами")
# Words before "атака" that make it an air attack ("массированная", "масована", "комбинированная", "ракетная"; a
# night attack is the drones and missiles of the night bulletins: "Ночная атака на Киев"), and what an attack
# "на"/"по" hits when it is one ("на энергетическую инфраструктуру", "на об'єкти енергетики").
AIR_ATTACK_STEMS = ("массирован", "масован", "комбинирован", "комбінован", "ракетн", "воздушн", "повітрян", "ночн",
                    "нічн")
INFRASTRUCTURE_STEMS = ("энергет", "енергет", "инфраструктур", "інфраструктур", "объект", "об'єкт", "обьект",
                        "подстанц", "підстанц", "тэц", "тец", "электростан", "електростан")
# ... and structures such an attack hits ("атака на Крымский мост", "атака на аеродром").
STRUCTURE_LEMMAS = frozenset({"мост", "міст", "плотина", "гребля", "дамба", "нпз", "аэродром", "аеродром", "порт"})
# Verbs of undergoing an attack ("атаке подверглись НПЗ", "зазнав атаки"), within UNDERGOING_REACH words of it.
ATTACK_UNDERGOING_LEMMAS = frozenset({"подвергнуться", "подвергаться", "зазнати", "зазнавати"})
UNDERGOING_REACH = 2
ATTACK_STEM = "атак"  # the noun and verb of attacking in both languages
# Nouns of a town or a facility an attack is made on ("атака на столицу", "атака на міст").
TOWN_LEMMAS = frozenset({"столица", "столиця", "город", "місто", "мост", "міст", "завод", "порт", "аэродром",
                         "аеродром", "нпз", "база"})
# Nouns of a strike told before an attack, explosions among them ("пролунали вибухи ... атака на міст").
STRIKE_NOUN_STEMS = ("удар", "авиаудар", "авіаудар", "обстрел", "обстріл", "взрыв", "вибух")


def air_attack(doc: CyrDoc, first: int, last: int) -> bool:
    """True for the noun "атака" said to be massive, combined, missile or air ("массированная атака", "масована
    атака"), made with drones or missiles ("атаку с применением беспилотных аппаратов") or aimed "на" infrastructure
    ("атаку на енергетичну інфраструктуру") or a structure ("атака на Крымский мост"): bombardment, a strike."""
    if not attack_noun(doc.tokens[first]):
        return False
    s = doc.sentence_of(first)
    before = doc.tokens[max(s.first, first - 2):first]
    if any(plain_word(w.lower).startswith(AIR_ATTACK_STEMS) for w in before):
        return True
    if made_with_aerial(doc.tokens[last:min(s.last, last + 2 + AERIAL_ATTACKER_REACH)]):
        return True  # "атаку с применением беспилотных аппаратов": made with drones
    after = doc.tokens[last:min(s.last, last + OBJECT_WINDOW + 1)]
    return bool(after) and after[0].lower in ("на", "по") and any(
        plain_word(w.lower).startswith(INFRASTRUCTURE_STEMS) or set(w.lemmas) & STRUCTURE_LEMMAS for w in after[1:])


def attack_undergone(doc: CyrDoc, first: int, last: int) -> bool:
    """True for the noun "атака" next to a verb of undergoing ("атаке подверглись НПЗ", "подвергся атаке",
    "зазнав атаки") whose sentence names no positions (POSITION_LEMMAS: "позиции подверглись атаке" is fighting)."""
    if not attack_noun(doc.tokens[first]):
        return False
    s = doc.sentence_of(first)
    near = doc.tokens[max(s.first, first - UNDERGOING_REACH):min(s.last, last + UNDERGOING_REACH)]
    return any(set(w.lemmas) & ATTACK_UNDERGOING_LEMMAS for w in near) \
        and not any(set(w.lemmas) & POSITION_LEMMAS for w in doc.tokens[s.first:s.last])


def attack_noun(t: Token) -> bool:
    """True for the noun "атака" in any case form ("атаку", "атаки"), not the verb "атаковать"."""
    return plain_word(t.lower).startswith(ATTACK_STEM) and t.pos == "NOUN"


def air_attack_retold(doc: CyrDoc, first: int, last: int) -> bool:
    """True for the noun "атака" with no line of defence after it in a report that told an air attack before, by the
    noun or the verb ("... наймасованішу атаку на енергетичну систему. У Харкові після атаки зникло світло",
    "беспилотники атаковали Москву ... Песков назвал атаку ответом"), or a strike in the sentence right before in its
    paragraph ("В результате удара по жилому кварталу ... Гладков обвинил в атаке ВСУ"): that attack again."""
    if not attack_noun(doc.tokens[first]):
        return False
    s = doc.sentence_of(first)
    if any(set(w.lemmas) & POSITION_LEMMAS for w in doc.tokens[last:min(s.last, last + OBJECT_WINDOW)]):
        return False
    # the sentence right before in its paragraph, or any before it there when the attack is on a town ("Россия нанесла
    # удар по Киеву ... Обломки упали ... Это уже третья атака на столицу")
    number = doc.tokens[first].sent
    floor = 0 if _on_a_town(doc, last, s.last) else max(0, number - 1)
    for back in range(number - 1, floor - 1, -1):
        before = doc.sents[back]
        if "\n" in doc.text[before.end:doc.sents[back + 1].start]:
            break
        if any(w.pos == "NOUN" and plain_word(w.lower).startswith(STRIKE_NOUN_STEMS)
               for w in doc.tokens[before.first:before.last]):
            return True
    return any(plain_word(w.lower).startswith(ATTACK_STEM) and (
        air_attack(doc, k, k + 1) or any(plain_word(v.lower).startswith(AERIAL_STEMS)
                                          for v in doc.tokens[max(0, k - OBJECT_WINDOW):k + 1 + OBJECT_WINDOW]))
        for k, w in enumerate(doc.tokens[:s.first]))


def _on_a_town(doc: CyrDoc, last: int, end: int) -> bool:
    """True when "на"/"по" and a town or facility follow an attack noun: a capitalised name or a noun of TOWN_LEMMAS
    ("атака на столицу", "атаку на Харьков", "атака на міст")."""
    if last + 1 >= end or doc.tokens[last].lower not in ("на", "по"):
        return False
    town = doc.tokens[last + 1]
    return town.is_title and not town.text.isupper() or bool(set(town.lemmas) & TOWN_LEMMAS)


def aerial_attacker(doc: CyrDoc, first: int, last: int) -> bool:
    """True when a repelled attack's words name drones or missiles: inside the trigger, or up to AERIAL_ATTACKER_REACH
    words after it, past a count ("отразили атаку трех беспилотников"), or in the rest of its clause as what the
    attack was made with ("пресечена попытка ... осуществить атаку с применением беспилотных аппаратов"); or when
    air defence repels it ("ПВО отражает атаку")."""
    s = doc.sentence_of(first)
    end = next((k for k in range(last, s.last) if doc.tokens[k].text in (",", ";", ":")), s.last)
    after = [w for w in doc.tokens[last:end] if w.pos not in COUNT_POS]
    named = doc.tokens[first:last] + after[:AERIAL_ATTACKER_REACH]
    defence = doc.tokens[max(s.first, first - AIR_DEFENCE_REACH):first]
    return any(plain_word(w.lower).startswith(AERIAL_STEMS) for w in named) or made_with_aerial(after) \
        or any(plain_word(w.lower).startswith(AIR_DEFENCE_STEMS) for w in defence)


def made_with_aerial(words: Sequence[Token]) -> bool:
    """True when the first word of means (MEANS_LEMMAS) among ``words`` has a word of drones or missiles within
    AERIAL_ATTACKER_REACH words after it ("с применением беспилотных аппаратов")."""
    means = next((k for k, w in enumerate(words) if set(w.lemmas) & MEANS_LEMMAS), None)
    return means is not None and any(plain_word(w.lower).startswith(AERIAL_STEMS)
                                     for w in words[means + 1:means + 1 + AERIAL_ATTACKER_REACH])


def aerial_object(doc: CyrDoc, first: int, last: int) -> bool:
    """True when a verb of destroying has a drone, missile or aircraft, air defence or its targets next to it; a
    weapon in the instrumental is the means ("ракетами воздушного базирования уничтожены склады": a strike)."""
    if not plain_word(doc.tokens[first].lower).startswith(("уничтож", "знищ", "сбит", "збит", "перехва", "перехоп")):
        return False
    s = doc.sentence_of(first)
    near = doc.tokens[max(s.first, first - 3):min(s.last, last + 4)]
    return any(plain_word(w.lower).startswith(AERIAL_STEMS) and "ablt" not in w.tags
               or plain_word(w.lower).startswith(AIR_DEFENCE_STEMS) or set(w.lemmas) & AIR_TARGET_LEMMAS
               for w in near)


def assaults_positions(doc: CyrDoc, first: int, last: int, places: Sequence[Place] = ()) -> bool:
    """True when a verb of attacking has positions or defences as its object, a place near which or a whole country,
    and no weapon in its sentence ("Оккупанты 15 раз атаковали позиции наших защитников", "пытались атаковать у
    Работина", "атакувала всю територію нашої держави"), or no object at all ("Противник активно атакует"): a ground
    assault, fighting, not a strike."""
    if not set(doc.tokens[first].lemmas) & ATTACK_VERB_LEMMAS:
        return False
    s = doc.sentence_of(first)
    if any(plain_word(w.lower).startswith(AERIAL_STEMS + WEAPON_STEMS) for w in doc.tokens[s.first:s.last]):
        return False
    after = [w for w in doc.tokens[last:min(s.last, last + OBJECT_WINDOW)]
             if not (w.text.isdigit() or set(w.lemmas) & TIMES_LEMMAS)]  # ("атаковал 28 раз": a count, no object)
    objectless = not any(w.pos == "NOUN" or w.is_title for w in after)  # "Противник активно атакует"
    front_before = any(set(w.lemmas) & FRONT_LEMMAS for w in doc.tokens[s.first:first])  # "На ... направлении враг
    if any(plain_word(w.lower).startswith(GROUND_FORCE_STEMS) for w in doc.tokens[s.first:first]):
        return True  # "военнослужащих ВСУ при поддержке танков ... атаковали приграничные районы": troops on the ground
    night = any(plain_word(w.lower).startswith(NIGHT_STEMS) for w in doc.tokens[s.first:s.last])
    country = not night and (any(set(w.lemmas) & LAND_LEMMAS for w in after) or any(
        p.level == "country" and after and after[0].start <= p.span[0] < after[-1].end for p in places))
    flanks = len(after) >= 2 and after[0].lower in WITH_OR_FROM_PREPOSITIONS \
        and bool(set(after[1].lemmas) & QUARTER_LEMMAS)
    return any(set(w.lemmas) & (POSITION_LEMMAS | FRONT_LEMMAS) for w in after) or country or flanks \
        or bool(after) and after[0].lower in NEAR_PREPOSITIONS or objectless or front_before  # атаковал 28 раз"
