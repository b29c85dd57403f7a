"""Russian and Ukrainian words of people, for the counts of quantities_ru_uk.py and the senses of
trigger_context_ru_uk.py: the people a number counts ("до 70 военнослужащих", "16 українських дітей", "более 70
«украинских националистов»"), personnel lost rather than materiel, and the words that are no such people (a unit's
name, the owners of a thing). Pure: a ``CyrDoc`` and token indices in, booleans out.
"""
from __future__ import annotations

from ..language.cyrillic import CyrDoc, Token, plain_word
from ..language.numbers_ru_uk import FORMATION_LEMMAS, MULTIPLIERS

# Lemma stems of people counted as losses ("уничтожено до 3 000 военнослужащих").
PERSONNEL_STEMS = ("военнослужащ", "боевик", "солдат", "наемник", "человек", "люди", "живой сил", "живая сил",
                   "личн", "військовослужб", "бойовик", "окупант", "осіб", "особ", "людин", "люд", "жив",
                   "найманц", "найманц", "террорист", "терорист", "пехот", "піхот", "геро", "громадян", "гражданин",
                   "жител", "мешкан", "діти", "дітей", "дети", "детей", "ребен", "дрг", "диверс", "захисник",
                   "защитник", "оборонц")
# Adjectives of "особовий склад" / "личный состав" (personnel), an item of a list of losses with its count after a dash.
PERSONNEL_ITEM_WORDS = frozenset({"особовий", "личный"})
# Stems of people who are as often who acts as who is lost ("Россияне уничтожили склад" / "уничтожили 1 100
# россиян"): counted as losses only after the trigger.
PERSONNEL_AFTER_STEMS = ("оккупант", "россиян", "рашист", "боец", "бойц")
# Adjectives that name people when used as nouns ("военных", "військових"): personnel lost, not equipment.
MILITARY_ADJECTIVES = frozenset({"военный", "військовий"})
# Lemma stems of people: a number of them is a count of casualties or evacuees only.
PEOPLE = ("человек", "люди", "людина", "особа", "осіб", "военнослужащ", "військовослужб", "мирн", "житель", "мешкан",
          "ребен", "дитин", "діт", "боевик", "бойовик", "солдат", "наемник", "найманц", "террорист", "терорист",
          "диверсант", "українець", "українц", "украинец", "украинц", "россиянин", "россиян", "росіянин", "росіян",
          "громадян", "гражданин", "граждан", "беженец", "беженц", "біженець", "біженц", "переселен",
          "ранен", "поранен", "погибш", "загибл", "убит", "вбит", "пострадавш", "постраждал",  # "трех раненых"
          "офицер", "командир", "генерал", "летчик", "льотчик", "моряк", "десантник", "пограничник", "прикордонник",
          "националист", "націоналіст", "нацист", "неонацист")  # (the Russian MoD's words for the enemy)
SCARE_QUOTES = frozenset({"«", "„", "“", '"'})  # opening marks around the people counted ("70 «нацистов»")
UNIT_NAME_REACH = 2  # words back from a people word to a formation noun whose name it is part of


def people_at(doc: CyrDoc, k: int, adjectives: int = 0) -> bool:
    """True when token k (the word after a number), or the noun after up to ``adjectives`` adjectives from k,
    names people ("человек", "військовослужбовців", "16 українських дітей"), in scare quotes too ("более 70
    «украинских националистов»")."""
    k += k < len(doc.tokens) and doc.tokens[k].text in SCARE_QUOTES
    for j in range(k, min(len(doc.tokens), k + adjectives + 1)):
        t = doc.tokens[j]
        if plain_word(t.lemma).startswith(PEOPLE) or t.pos == "NOUN" and "anim" in t.tags:
            return True  # (any animate noun: "более 200 покупателей и сотрудников")
        if doc.tokens[j].pos not in ("ADJF", "PRTF"):
            return False
    return False


def military_people(doc: CyrDoc, w: Token, last: int) -> bool:
    """True for "военных" / "військових" used as a noun ("потеряли 2,3 тысячи военных"), not before one
    ("военной техники"), nor as the subject before the trigger ending at ``last`` ("Российские военные
    уничтожили склад": who destroyed, not who was lost)."""
    after = doc.tokens[w.i + 1] if w.i + 1 < len(doc.tokens) else None
    subject = w.i < last and "nomn" in w.tags
    return bool(set(w.lemmas) & MILITARY_ADJECTIVES) and (after is None or after.pos != "NOUN") and not subject


def in_unit_name(doc: CyrDoc, k: int) -> bool:
    """True for a word of a unit's name after its numbered formation noun ("35-й бригады морской пехоты"): no people
    lost ("до двух рот пехоты" counts infantry)."""
    return any(set(doc.tokens[j].lemmas) & FORMATION_LEMMAS and j > 0
               and any(c.isdigit() for c in doc.tokens[j - 1].text) for j in range(max(0, k - UNIT_NAME_REACH), k))


def owner_of_thing(doc: CyrDoc, k: int) -> bool:
    """True for people in the genitive right after a noun of a thing, whose owners they are: "знищили склад
    боєприпасів окупантів" destroyed a depot, no one killed."""
    prev = doc.tokens[k - 1] if k > 0 else None
    return prev is not None and prev.pos == "NOUN" and "gent" in prev.tags \
        and not plain_word(prev.lemma).startswith(PERSONNEL_STEMS) \
        and not set(prev.lemmas) & (FORMATION_LEMMAS | MULTIPLIERS.keys())  # ("до роты военнослужащих", "20 тысяч")
