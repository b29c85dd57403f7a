"""Agreement of Russian and Ukrainian adjectives with nouns and with each other, over every dictionary reading
(pymorphy3): whether a capitalised adjective stands before a noun it agrees with ("Запорізьку атомну станцію": no
place) and whether two adjectives of a list may share a case ("Луганской и Донецкой"; not "Луцьку та Житомирській",
a town's case form before an oblast's adjective). Tokens in, answers out; pure.
"""
from __future__ import annotations

from .cyrillic import CyrDoc, Token, has_reading
from .nlp import load_morphology

# Words joining adjectives that share one head ("Сумській, Чернігівській та Полтавській областях").
JOINERS = frozenset({",", "и", "і", "та", "й", "а", "также"})
AGREEMENT_REACH = 4  # words from an adjective to the noun it agrees with
VOICE_GRAMMEMES = frozenset({"actv", "pssv"})  # what marks a participle among Ukrainian adjectives

# The second locative, genitive and accusative of a few nouns agree with an adjective's first ("на Крымском мосту").
SECOND_CASES = {"loc2": "loct", "gen2": "gent", "acc2": "accs"}


def agreement_keys(doc: CyrDoc, t: Token, parts: tuple[str, ...]) -> frozenset[tuple[str | None, ...]]:
    """(case, number, gender in the singular) of every dictionary reading of a word as one of ``parts``."""
    return frozenset((SECOND_CASES.get(p.tag.case, p.tag.case), p.tag.number,
                      p.tag.gender if p.tag.number == "sing" else None)
                     for p in load_morphology(doc.language).parse(t.text) if p.tag.POS in parts)


def participle_reading(t: Token) -> bool:
    """True for a participle: pymorphy3's PRTF in Russian, an adjective of voice in Ukrainian ("розташованих")."""
    return t.pos == "PRTF" or (t.pos == "ADJF" and bool(t.tags & VOICE_GRAMMEMES))


def adjective_reading(doc: CyrDoc, i: int) -> bool:
    """True when some dictionary reading of the word at i is an adjective ("Українська": a surname too)."""
    t = doc.tokens[i]
    return t.pos == "ADJF" or has_reading(t.text, doc.language, "ADJF")


def share_case(doc: CyrDoc, adjective: Token, other: Token) -> bool:
    """True when two adjectives of a list may share a case ("Луганской и Донецкой"), not a town's case form that reads
    as an adjective ("Луцьку", an accusative, before "Житомирській"); true when either is no adjective to the
    dictionary (its suffix made it one)."""
    ours, theirs = agreement_keys(doc, adjective, ("ADJF",)), agreement_keys(doc, other, ("ADJF",))
    return not ours or not theirs or bool({key[0] for key in ours} & {key[0] for key in theirs})


def before_agreeing_noun(doc: CyrDoc, i: int) -> bool:
    """True when a lower-case noun follows the adjective at i and agrees with it in case, number and (in the
    singular) gender, directly, after lower-case adjectives ("Запорізьку атомну станцію") or after a second
    capitalised adjective sharing it ("Чорного й Азовського морів"); compared over all readings of both
    words ("у Маріїнському палаці"), so that "у Миколаєві тривала операція" keeps the city."""
    toks, t = doc.tokens, doc.tokens[i]
    keys = agreement_keys(doc, t, ("ADJF", "PRTF"))
    shared = i >= 2 and toks[i - 1].lower in JOINERS - {","} and toks[i - 2].is_title  # "... й Азовського морів"
    k = i + 1
    while k < len(toks) and toks[k].sent == t.sent and k - i <= AGREEMENT_REACH:
        w = toks[k]
        if w.lower in JOINERS - {","} and k + 1 < len(toks) and toks[k + 1].is_title:
            if not share_case(doc, t, toks[k + 1]):
                return False  # "у Луцьку та Житомирській області": the town, before an oblast's adjective
            k, shared = k + 2, True  # "Чорного й Азовського": the second adjective of a plural head
            continue
        if not w.is_word:
            return False
        if w.pos == "NOUN":
            nouns = agreement_keys(doc, w, ("NOUN",))
            if shared:  # one adjective of a plural head: the case alone agrees
                return not w.is_title and bool({key[0] for key in keys} & {key[0] for key in nouns})
            return not w.is_title and bool(keys & nouns)
        if w.pos not in ("ADJF", "PRTF") or w.is_title:
            return False
        k += 1
    return False
