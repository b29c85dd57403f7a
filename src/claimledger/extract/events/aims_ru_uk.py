"""Acts named as aims in Russian and Ukrainian (modality_ru_uk.py, event_polarity_ru_uk.py): an act an aim noun names
is to come ("Целью операции является освобождение Донбасса"), unless a past verb of fulfilling has the aim as its
object ("выполнили задачу по освобождению": done), which, negated, denies it ("не выполняла задач по поражению").
Pure: token-level reading of a CyrDoc (cyrillic.py).
"""
from __future__ import annotations

from ..language.cyrillic import PREDICATE_POS, CyrDoc

# Nouns of an aim before a dash and the infinitive act it is ("Главная задача — выдавить противника", "Наша мета —
# звільнити всі території"): the act is to come.
AIM_LEMMAS = frozenset({"задача", "цель", "завдання", "мета", "приоритет", "пріоритет"})
# An act named as an aim within AIM_REACH words after such a noun, with no comma or predicate between but a copula
# (AIM_LINKS): "для достижения целей операции по освобождению Донбасса", "Целью является освобождение",
# "поставил задачу освободить Донбасс" (see named_as_aim).
AIM_REACH = 6
# Verbs of fulfilling an aim: in the past, the aim's act is no longer to come ("выполнили задачу по освобождению").
FULFILLING_LEMMAS = frozenset({"выполнить", "выполнять", "решить", "виконати", "виконувати", "вирішити"})
AIM_LINKS = frozenset({"являться", "оставаться", "быть", "стать", "бути", "являтися", "залишатися", "стати"})
AIM_PREPOSITIONS = frozenset({"по", "з", "із"})  # "цели по освобождению", "завдання зі звільнення"
OPERATION_LEMMAS = frozenset({"операция", "операція", "спецоперация", "спецоперація", "миссия", "місія"})


def named_as_aim(doc: CyrDoc, first: int, sentence_first: int) -> bool:
    """True when the trigger at token ``first``, a noun or an infinitive, is the act an aim noun before it names
    (AIM_LEMMAS within AIM_REACH words): an infinitive right after it, or a noun linked to it by a copula or a
    preposition of aim (AIM_LINKS, AIM_PREPOSITIONS) or a dash past modifiers and operation nouns (nouns before a copula
    belong to the aim: "Задачей армии остается освобождение"); not a noun that only depends on it ("Мета цієї
    атаки": the attack was real) or on another act ("завдання з протидії агресії"), nor one set in a place
    ("пріоритети на переговорах"), nor a finite verb ("Цель была поражена")."""
    trigger = doc.tokens[first]
    if trigger.pos not in ("NOUN", "INFN"):
        return False
    linked = copula = trigger.pos == "INFN"
    for j in range(first - 1, max(sentence_first, first - AIM_REACH) - 1, -1):
        t = doc.tokens[j]
        lemmas = set(t.lemmas)
        if lemmas & AIM_LEMMAS:
            return linked and not fulfilled_aim(doc, j, sentence_first)
        if t.text in ("—", "–", "-") and not linked:
            linked = copula = True  # "главной цели — освобождении Донбасса": a dash for the copula
        elif lemmas & AIM_LINKS or t.pos == "PREP" and t.lower in AIM_PREPOSITIONS and not linked:
            linked, copula = True, copula or bool(lemmas & AIM_LINKS)
        elif not t.is_word or t.pos in PREDICATE_POS or t.pos == "PREP" \
                or t.pos == "NOUN" and not copula and not lemmas & OPERATION_LEMMAS:
            return False
    return False


def fulfilled_aim(doc: CyrDoc, aim: int, sentence_first: int) -> bool:
    """True when the aim noun at token ``aim`` is the object of a past verb of fulfilling right before it, negated
    or not ("выполнили задачу по освобождению Донбасса": done; "не выполняла задач по поражению": not done)."""
    return fulfilling_verb(doc, aim, sentence_first) is not None


def fulfilling_verb(doc: CyrDoc, aim: int, sentence_first: int) -> int | None:
    """The token of the past verb of fulfilling whose object is the aim noun at token ``aim`` (:func:`fulfilled_aim`),
    or None."""
    k = aim - 1
    while k >= sentence_first and doc.tokens[k].pos in ("ADJF", "PRTF"):
        k -= 1  # (its adjectives: "выполнили поставленную задачу")
    if k < sentence_first:
        return None
    verb = doc.tokens[k]
    return k if set(verb.lemmas) & FULFILLING_LEMMAS and verb.tags & {"past", "Impe"} else None
