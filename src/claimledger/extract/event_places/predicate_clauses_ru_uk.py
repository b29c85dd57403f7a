"""Clauses of a Russian or Ukrainian sentence around an event's trigger, where its places, modality and
mentions are sought: the clause up to ";" or a spaced dash (a dash that stands for a gapped verb or only gives a
count joins), within it the comma-bounded stretch that holds the trigger's own predicate, and the conditions a
sentence sets ("если", "как только", "за умови"). A ``CyrDoc`` (language/cyrillic.py) and token indices in, token
ranges out.
"""
from __future__ import annotations

from ..language.cyrillic import PREDICATE_POS, RELATIVE_LEMMAS, CyrDoc, Token, has_reading
from ..places.name_context_ru_uk import INCLUDING
from ..events.taken_objects_ru_uk import gapping_dash


def clause_of(doc: CyrDoc, first: int, last: int) -> tuple[int, int]:
    """Token range of the clause around a trigger: up to ";" or a dash with spaces, within the sentence; a dash that
    stands for the verb (name_context_ru_uk.gapping_dash) joins its gapped clause to the one before."""
    s = doc.sentence_of(first)
    start, end = first, last
    while start > s.first and (doc.tokens[start - 1].text not in (";", "—", "–") or _joining_dash(doc, start - 1)):
        start -= 1
    while end < s.last and (doc.tokens[end].text not in (";", "—", "–") or _joining_dash(doc, end)):
        end += 1
    return start, end


def _joining_dash(doc: CyrDoc, k: int) -> bool:
    """True for a dash at k that stands for a gapped verb, or that only gives a count before a comma or the end
    ("Найбільше атак здійснили на Покровському напрямку — 40, зокрема поблизу Мирнограда"): no clause boundary."""
    toks = doc.tokens
    return gapping_dash(doc, k) or k + 2 < len(toks) and toks[k + 1].text.isdigit() and toks[k + 2].text in (",", ".")


PREDICATE_JOINERS = frozenset({"и", "і", "та", "й"})  # ... between two predicates, each with its own words
# Conjunctions opening a subordinate clause: a stretch they open with no predicate of its own goes with the next one.
SUBORDINATORS = frozenset({"что", "що", "чтобы", "щоб", "щоби", "если", "якщо", "поскольку", "оскільки", "хотя",
                           "хоча"})


def predicate_clause_of(doc: CyrDoc, first: int, last: int) -> tuple[int, int]:
    """Token range of the comma-bounded stretch around a trigger that holds one predicate ("В Белгороде ранены
    трое, в Шебекино погиб один": two): the clause (:func:`clause_of`) cut at commas between stretches that
    each hold a finite verb or a short participle. A stretch with none (a list item "Волчанск и Липцы", an
    aside "по данным губернатора", a gerund phrase) belongs to the predicate before it, or the first after (also
    when a conjunction opens it: "сообщило, что над Брянской, Курской ... уничтожены"); a
    list opened by "в том числе" after a relative clause belongs to the clause the relative one hangs on
    ("освобождено 86% территории области, которую захватили ВСУ, в том числе город Суджа": Суджа was freed)."""
    c_first, c_last = clause_of(doc, first, last)
    toks = doc.tokens
    stretches, start = [], c_first
    for k in range(c_first, c_last + 1):
        if k == c_last or toks[k].text == "," or _joins_predicates(doc, start, k):
            if k > start:
                stretches.append((start, k, any(_predicate(doc, t) for t in toks[start:k])))
            start = k + 1
    groups: list[list] = []  # [first token, end token, holds a predicate, is a relative clause]
    for a, b, predicate in stretches:
        relative = predicate and opens_relative_clause(doc, a)
        if predicate and (not groups or groups[-1][2]):
            groups.append([a, b, True, relative])
        elif not predicate and doc.tokens[a].lower in SUBORDINATORS:
            groups.append([a, b, False, False])  # "сообщило, что над Брянской ... уничтожены": the clause after
        elif len(groups) >= 2 and groups[-1][3] and (_opens_including(doc, a) or groups[-2][1] > groups[-1][0]):
            groups[-2][1] = b  # the list goes to the main clause, around the relative one
        elif groups:
            groups[-1][1], groups[-1][2] = b, groups[-1][2] or predicate
        else:
            groups.append([a, b, False, False])
    around = [(a, b) for a, b, _, _ in groups if a <= first < b + 1]
    return min(around, key=lambda r: r[1] - r[0]) if around else (c_first, c_last)


def _predicate(doc: CyrDoc, t: Token) -> bool:
    """True for a predicate word, not a noun after a number that also reads as a verb ("Шебекино, Грайворон и 12
    сел": villages, not "sat"), nor a capitalised word after a word or comma inside its sentence, which is a name
    ("села Журавлевка, Безымено и Глотово": villages, not the participle of "безымить")."""
    before = doc.tokens[t.i - 1] if t.i > 0 else None
    return t.pos in PREDICATE_POS and not (before is not None and before.pos in ("NUMB", "NUMR")
                                           and has_reading(t.text, doc.language, "NOUN")) \
        and not (t.is_title and before is not None and before.sent == t.sent
                 and (before.is_word or before.text == ","))


def _joins_predicates(doc: CyrDoc, start: int, k: int) -> bool:
    """True when the word at k joins a second predicate to a first that has words of its own after it ("заняли
    позиции на окраинах Селидово и продолжают наступление"); not two verbs sharing what follows ("заняли и
    удерживают Селидово")."""
    toks = doc.tokens
    return toks[k].lower in PREDICATE_JOINERS and k + 1 < len(toks) and toks[k + 1].pos == "VERB" \
        and k - 1 > start and toks[k - 1].pos not in PREDICATE_POS \
        and any(t.pos in PREDICATE_POS for t in toks[start:k - 1])


def opens_relative_clause(doc: CyrDoc, k: int) -> bool:
    """True when the stretch at token k opens with a relative pronoun, after a preposition or not ("которую", "в
    которой", "яку")."""
    if doc.tokens[k].pos == "PREP" and k + 1 < len(doc.tokens):
        k += 1
    return bool(set(doc.tokens[k].lemmas) & RELATIVE_LEMMAS)


def _opens_including(doc: CyrDoc, k: int) -> bool:
    """True when the words at token k are one of INCLUDING ("в том числе", "включая", "зокрема")."""
    return any(tuple(t.lower for t in doc.tokens[k:k + len(words)]) == words for words in INCLUDING)


# Conjunctions opening a condition ("Если Киев выведет войска", "Якщо Росія піде в наступ") and pairs of words
# opening a condition met in time ("как только Киев выведет войска", "як тільки Росія виведе війська"); a pair of
# time with a past predicate tells when a done act happened ("Как только войска вошли в Купянск, начались обстрелы").
CONDITIONAL_CONJUNCTIONS = frozenset({"если", "якщо", "ежели"})
TIME_PAIRS = frozenset({("как", "только"), ("як", "тільки"), ("лишь", "только")})
CONDITIONAL_PAIRS = TIME_PAIRS | {("при", "условии"), ("за", "умови")}
CONCESSIVE_WORDS = frozenset({"даже", "навіть"})  # before a conjunction of condition: "даже если", "навіть якщо"


def condition_at(doc: CyrDoc, k: int) -> tuple[int, int] | None:
    """Token range of the condition the words at token k open (CONDITIONAL_CONJUNCTIONS, CONDITIONAL_PAIRS), from
    them to the end of their predicate stretch (:func:`predicate_clause_of`; a stretch before them with no predicate
    of its own is not the condition's; stretches after it whose predicate "и" joins to its go on with it), or None:
    no opener there, no predicate of its own, or a time pair whose finite verbs are past."""
    toks = doc.tokens
    pair = (toks[k].lower, toks[k + 1].lower) if k + 1 < len(toks) else None
    if toks[k].lower not in CONDITIONAL_CONJUNCTIONS and pair not in CONDITIONAL_PAIRS:
        return None
    end = predicate_clause_of(doc, k, k + 1)[1]
    while end + 1 < len(toks) and toks[end].text == ",":  # "... из Донецкой, Луганской, Запорожской и Херсонской
        after = predicate_clause_of(doc, end + 1, end + 2)[1]  # областей и откажется от ...": a predicate joined
        joined = next((t for t in toks[end + 1:after] if _predicate(doc, t)), None)  # by "и" goes on with it
        if joined is None or toks[joined.i - 1].lower not in PREDICATE_JOINERS:
            break
        end = after
    predicates = [t for t in toks[k:end] if _predicate(doc, t)]
    verbs = [t for t in predicates if t.pos == "VERB"]  # (a participle is past in form: "будет выполнена")
    if not predicates or pair in TIME_PAIRS and verbs and all("past" in t.tags for t in verbs):
        return None
    return k, end


def in_condition(doc: CyrDoc, first: int) -> bool:
    """True when token ``first`` lies in a condition opened before it in its sentence (:func:`condition_at`:
    "при условии, что ВСУ уйдут из Херсона": "уйдут")."""
    s = doc.sentence_of(first)
    return any(found[0] <= first < found[1] for k in range(s.first, first) if (found := condition_at(doc, k)))


def conditions_after(doc: CyrDoc, first: int, last: int) -> list[tuple[int, int]]:
    """Token ranges (:func:`condition_at`) of the conditions after a trigger (tokens [first, last)) in its sentence
    ("начать переговоры, как только Украина выведет войска из ДНР, ЛНР ...": from "как только" to the end). What a
    condition set for an act names is the place of the condition's own act; a condition opening the sentence sets
    the scene ("Если Киев не выведет войска из Красноармейска, они будут окружены": there)."""
    s = doc.sentence_of(first)
    ranges: list[tuple[int, int]] = []
    for k in range(last, s.last):
        if doc.tokens[k - 1].lower in CONCESSIVE_WORDS:
            continue  # "будем сражаться, даже если ...": a condition conceded, not set; the act happens there too
        found = condition_at(doc, k) if not ranges or k >= ranges[-1][1] else None
        if found is not None:
            ranges.append(found)
    return ranges
