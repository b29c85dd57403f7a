"""Whether a Russian or Ukrainian word is the object of a verb or noun of taking or striking: right after it
("освободили Нелеповку", "о взятии Степового"), after an instrument phrase ("атаковали с помощью беспилотников
Каменку-Днепровскую", "обстреляли из артиллерии Васильевку"), or after a dash that stands for the verb ("освободили
Курахово, а группировки «Восток» — Ольговку"). Token indexes of a ``CyrDoc`` (cyrillic.py) in, answers out.
"""
from __future__ import annotations

from ..language.cyrillic import DASHES, PREDICATE_POS, CyrDoc, plain_word

CLOSING_QUOTES = frozenset({"»", "”", '"', "“"})
# Verbs whose object right after them is a place ("освободили Нелеповку", "захопили Кругляківку", "обстреляли Донецк",
# "потеряли Авдеевку"), and nouns of the same acts whose genitive right after them is ("о взятии Степового", "штурм
# Авдеевки", "о потере Горняка").
TAKING_LEMMAS = frozenset({"освободить", "взять", "занять", "захватить", "оккупировать", "зачистить", "обстрелять",
                           "атаковать", "звільнити", "захопити", "зайняти", "окупувати", "обстріляти", "атакувати",
                           "покинуть", "оставить", "покинути", "залишити",  # left: "покинули Бучу", "залишили Авдіївку"
                           "освобождение", "взятие", "захват", "оккупация", "зачистка", "обстрел", "штурм",
                           "звільнення", "взяття", "захоплення", "окупація", "обстріл",
                           # lost: "о потере Горняка", "втрата Вугледара", "сдали Херсон"
                           "потеря", "утрата", "втрата", "оставление", "сдача", "здача", "потерять", "утратить",
                           "втратити", "сдать", "здати", "штурмовать", "штурмувати",
                           "отбить", "відбити"})  # retaken: "отбили Работино", "Роботине відбито"
# Prepositions that open an instrument phrase between a verb and its object ("с помощью беспилотников", "из
# артиллерии", "з дронів"); a noun in the instrumental case opens one by itself ("беспилотниками").
INSTRUMENT_PREPOSITIONS = frozenset({"с", "со", "з", "зі", "із", "из"})
INSTRUMENT_WORDS = 3  # longest instrument phrase walked over ("с помощью беспилотников")
INSTRUMENT_POS = frozenset({"NOUN", "PREP", "ADJF"})
# Heads of the region a taking may name between its verb and its objects ("освободили в Курской области Мартыновку,
# Малую Локню ..."), and the most adjectives before such a head ("в Донецкой народной республике").
AREA_HEAD_LEMMAS = frozenset({"область", "район", "республика", "округ", "край", "республіка"})
AREA_ADJECTIVES = 2
# Nouns of assault, the subjects of a passive of beating off ("Атаки отбиты", "Наступ відбито"): no town retaken.
ASSAULT_NOUNS = ("атак", "штурм", "наступ", "контратак", "натиск")
BE_LEMMAS = frozenset({"быть", "бути"})  # between a name and the passive said of it ("Роботине було звільнено")


def after_taking_word(doc: CyrDoc, i: int) -> bool:
    """True when token i comes right after a verb or noun of taking or striking in its sentence, a closing quote
    or an instrument phrase between allowed ("освободили Нелеповку", "заявили про «звільнення» Очеретиного",
    "обстреляли из артиллерии Васильевку")."""
    k = i - 1
    if k > 0 and doc.tokens[k].text in CLOSING_QUOTES:
        k -= 1
    k = _before_area(doc, _before_instrument(doc, k))
    return k >= 0 and doc.tokens[k].sent == doc.tokens[i].sent and (
        bool(set(doc.tokens[k].lemmas) & TAKING_LEMMAS) or _gapped_object(doc, k))


def before_taking_passive(doc: CyrDoc, end: int) -> bool:
    """True when a name ending before token ``end`` is the subject of a passive of taking right after it, past a form
    of "to be" ("Роботине звільнено", "Село Роботине було відбито", "Работино освобождено")."""
    k = end + (end < len(doc.tokens) and doc.tokens[end].lemma in BE_LEMMAS)
    if k >= len(doc.tokens) or end == 0 or doc.tokens[k].sent != doc.tokens[end - 1].sent:
        return False
    t = doc.tokens[k]
    if plain_word(doc.tokens[end - 1].lower).startswith(ASSAULT_NOUNS):
        return False  # "Атаки отбиты": the attacks beaten off, not the village Ataky
    return bool(set(t.lemmas) & TAKING_LEMMAS) and (t.pos in ("PRTS", "ADJS") or "Impe" in t.tags)


def _gapped_object(doc: CyrDoc, dash: int) -> bool:
    """True when token ``dash`` stands for a verb of taking said before it in its sentence (:func:`gapping_dash`):
    "освободили населенный пункт Илларионовка, а группировки «Восток» — Ольговка"."""
    if not gapping_dash(doc, dash):
        return False
    first = doc.sents[doc.tokens[dash].sent].first
    return any(set(t.lemmas) & TAKING_LEMMAS for t in doc.tokens[first:dash])


def gapping_dash(doc: CyrDoc, k: int) -> bool:
    """True when token k is a dash standing for the verb of its sentence's first clause: after a comma, with no
    predicate between that comma and the dash nor after it up to the next comma ("освободили Курахово, а
    группировки «Восток» — Ольговку"), and a predicate before the comma."""
    toks = doc.tokens
    if toks[k].text not in DASHES:
        return False
    s = doc.sents[toks[k].sent]
    comma = next((j for j in range(k - 1, s.first, -1) if toks[j].text == ","), None)
    after = next((j for j in range(k + 1, s.last) if toks[j].text == ","), s.last)
    return comma is not None and comma < k - 1 and not any(t.pos in PREDICATE_POS for t in toks[comma:k]) and not any(
        t.pos in PREDICATE_POS for t in toks[k + 1:after]) and any(t.pos in PREDICATE_POS for t in toks[s.first:comma])


def _before_instrument(doc: CyrDoc, k: int) -> int:
    """The index of the verb before an instrument phrase that ends at token k ("атаковали | с помощью беспилотников"),
    else k."""
    toks = doc.tokens
    for j in range(k, max(0, k - INSTRUMENT_WORDS), -1):
        t = toks[j]
        if t.sent != toks[k].sent or t.is_title or t.pos not in INSTRUMENT_POS:
            return k
        if toks[j - 1].pos == "VERB" and (t.lower in INSTRUMENT_PREPOSITIONS or "ablt" in t.tags):
            return j - 1
    return k


def _before_area(doc: CyrDoc, k: int) -> int:
    """The index of the word before a region phrase that ends at token k ("освободили | в Курской области"), else k."""
    toks = doc.tokens
    if k < 2 or not set(toks[k].lemmas) & AREA_HEAD_LEMMAS:
        return k
    j = k - 1
    while j > 0 and k - j <= AREA_ADJECTIVES and toks[j].pos == "ADJF" and toks[j].sent == toks[k].sent:
        j -= 1
    return j - 1 if j < k - 1 and toks[j].lower in ("в", "во", "у", "на") else k
